//! Velero-compatible resource snapshots: the on-disk format (Velero's object-storage layout and
//! tarball, plus our integrity record), collection from a live cluster, and the commands that
//! create, list, describe, download and delete backups, client-side or through an installed
//! Velero server.
//!
//! Reading a backup (for restore and the picker):
//!
//! ```no_run
//! # async fn demo(cluster: &kubectl_backup::kube::Cluster) -> anyhow::Result<()> {
//! use kubectl_backup::snapshot::{destination, download};
//! let request = kubectl_backup::profile::DestinationRequest::Location("default".into());
//! let dest = destination::resolve(Some(cluster), &request, Default::default()).await?;
//! // Downloads to a temp file and checks everything (paths, truncation, every item's SHA-256
//! // when our integrity record exists) before returning: nothing to undo if it fails.
//! let archive = download::open_archive(&dest.store, "nightly").await?;
//! for (group_resource, index) in archive.resources() {
//!     for (namespace, items) in &index.namespaces {
//!         for item in items {
//!             let object: serde_json::Value = archive.read_json(item)?;
//!             let _ = (group_resource, namespace, object);
//!         }
//!     }
//! }
//! let web = archive.get("deployments.apps", Some("shop"), "web")?;
//! # let _ = web; Ok(()) }
//! ```

pub mod collect;
pub mod create;
pub mod delete;
pub mod describe;
pub mod destination;
pub mod discovery;
pub mod download;
pub mod filters;
pub mod integrity;
pub mod layout;
pub mod list;
pub mod list_plan;
pub mod locate;
pub mod picker_choices;
pub mod prune;
pub mod related;
pub mod report;
pub mod restore;
pub mod retention;
pub mod runner;
pub mod selector;
pub mod tarball;
pub mod types;
pub mod velero_mode;
pub mod velero_restore;

#[cfg(test)]
pub(crate) mod schema_check;

#[cfg(test)]
mod fixture_tests;
