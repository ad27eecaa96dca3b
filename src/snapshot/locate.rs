//! Finding backups for `describe`, `download`, `delete`, `restore` and listings: in the
//! destination's store, and as Velero Backups in the cluster (whose own location then holds the
//! files).

use anyhow::{Result, bail};
use tokio_util::sync::CancellationToken;

use crate::kube::Cluster;
use crate::profile::DestinationRequest;
use crate::snapshot::destination::{self, Destination};
use crate::snapshot::list::{Listed, read_from_store};
use crate::snapshot::types::{Backup, DEFAULT_NAMESPACE};
use crate::snapshot::velero_mode;
use crate::storage::ObjectStore;

/// A backup found, and the store its files can be read from (none when only Velero can read
/// them).
pub struct Located {
    pub listed: Listed,
    pub store: Option<ObjectStore>,
}

/// The namespace Velero's objects for this destination live in: the location's, else Velero's
/// default.
fn velero_namespace(destination: &Destination) -> String {
    destination
        .bsl
        .as_ref()
        .and_then(|b| b.metadata.namespace.clone())
        .unwrap_or_else(|| DEFAULT_NAMESPACE.into())
}

/// Finds backup `name`: in the destination's store, else as a Velero Backup in the cluster
/// (when one is given), whose own location is then read for its files.
pub async fn locate(
    cluster: Option<&Cluster>,
    request: &DestinationRequest,
    name: &str,
) -> Result<Located> {
    let destination = destination::resolve(cluster, request, CancellationToken::new()).await?;
    let mut listed = read_from_store(&destination.store, name).await?;
    let in_cluster = match cluster {
        Some(c) => velero_mode::get(c, &velero_namespace(&destination), name)
            .await
            .unwrap_or(None),
        None => None,
    };
    let found_in_store = listed.in_store;
    let mut store = found_in_store.then(|| destination.store.clone());
    if let Some(backup) = in_cluster {
        if !found_in_store
            && let (Some(c), Some(loc)) = (cluster, backup.spec.storage_location.clone())
        {
            // Velero's backup lives in its own location; read its files from there.
            let namespace = backup.namespace();
            let request = DestinationRequest::Location(format!("{namespace}/{loc}"));
            // A location we cannot read (other provider, no access to its Secret) leaves the
            // files to Velero's DownloadRequests.
            if let Ok(other) =
                destination::resolve(Some(c), &request, CancellationToken::new()).await
            {
                listed = read_from_store(&other.store, name).await?;
                store = Some(other.store);
            }
        }
        listed.in_cluster = Some(backup);
    } else if !found_in_store {
        bail!(
            "no backup named {name:?} in {} or in the cluster",
            destination.description
        );
    }
    Ok(Located { listed, store })
}

/// Velero Backups in the cluster for this destination: all of them for the local default,
/// those of the named location otherwise. The caller decides whether an error (no CRDs, no
/// permission) matters.
pub async fn cluster_backups(cluster: &Cluster, destination: &Destination) -> Result<Vec<Backup>> {
    let backups = velero_mode::list(cluster, &velero_namespace(destination)).await?;
    Ok(backups
        .into_iter()
        .filter(|b| {
            destination.bsl.is_none()
                || b.spec.storage_location.as_deref() == Some(destination.location_name.as_str())
        })
        .collect())
}
