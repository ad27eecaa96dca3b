//! Where snapshots live, resolved by the shared resolver ([`crate::profile::resolve`]): a Velero
//! BackupStorageLocation (`--location`), a Profile (`--profile`), or the local directory laid
//! out like a BSL root (`$XDG_DATA_HOME/kubectl-backup/backups/<B>/`), as the one
//! [`DestinationRequest`] every command builds from its flags. This module adds what
//! snapshots need on top: the BSL object itself (access mode, namespace) and the name that goes
//! into `spec.storageLocation`.

use anyhow::{Result, anyhow};
use kube::api::{Api, DynamicObject, ListParams};
use tokio_util::sync::CancellationToken;

use crate::kube::{Cluster, describe_error};
use crate::profile::{DestinationRequest, DestinationSource};
use crate::snapshot::types::{BackupStorageLocation, DEFAULT_NAMESPACE};
use crate::storage::ObjectStore;

/// A resolved place to read and write backups.
#[derive(Debug, Clone)]
pub struct Destination {
    pub store: ObjectStore,
    /// What goes in `spec.storageLocation` and the `velero.io/storage-location` label.
    pub location_name: String,
    /// The BSL when the destination is one.
    pub bsl: Option<BackupStorageLocation>,
    /// For messages: `location velero/default (s3://bucket …)`, `local default /home/…`.
    pub description: String,
}

/// The name our local directory and profiles go by in `spec.storageLocation` (Velero's sync
/// rewrites it to its own location's name anyway).
pub const LOCAL_LOCATION_NAME: &str = "default";

pub async fn resolve(
    cluster: Option<&Cluster>,
    request: &DestinationRequest,
    cancel: CancellationToken,
) -> Result<Destination> {
    let resolved = crate::profile::resolve(cluster, request).await?;
    if let crate::storage::StorageConfig::Local(local) = &resolved.storage {
        std::fs::create_dir_all(&local.root)
            .map_err(|e| anyhow!("cannot create {}: {e}", local.root.display()))?;
    }
    let store = resolved.store()?.with_cancellation(cancel);
    let description = format!("{} ({})", resolved.name, store.location());
    let (location_name, bsl) = match (&resolved.source, cluster) {
        (DestinationSource::Location { namespace, name }, Some(cluster)) => {
            let object = crate::profile::bsl::find(cluster, &format!("{namespace}/{name}")).await?;
            let bsl: BackupStorageLocation = serde_json::from_value(serde_json::to_value(object)?)
                .map_err(|e| {
                    anyhow!("BackupStorageLocation {namespace}/{name} is malformed: {e}")
                })?;
            (name.clone(), Some(bsl))
        }
        _ => (LOCAL_LOCATION_NAME.to_string(), None),
    };
    Ok(Destination {
        store,
        location_name,
        bsl,
        description,
    })
}

/// Every BackupStorageLocation the user can see (`velero` namespace first).
pub async fn list_locations(cluster: &Cluster) -> Result<Vec<BackupStorageLocation>> {
    let api: Api<DynamicObject> =
        Api::all_with(cluster.client.clone(), &crate::profile::bsl::api_resource());
    let list = api.list(&ListParams::default()).await.map_err(|e| {
        anyhow!(
            "cannot list BackupStorageLocations: {}",
            describe_error(&cluster.server, &e)
        )
    })?;
    let mut locations: Vec<BackupStorageLocation> = list
        .items
        .into_iter()
        .filter_map(|o| serde_json::to_value(o).ok())
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect();
    locations.sort_by_key(|l| l.metadata.namespace.as_deref() != Some(DEFAULT_NAMESPACE));
    Ok(locations)
}

/// The Velero server's default location: `spec.default: true`, else the one named `default`.
pub fn default_location(locations: &[BackupStorageLocation]) -> Option<&BackupStorageLocation> {
    locations.iter().find(|l| l.spec.default).or_else(|| {
        locations
            .iter()
            .find(|l| l.metadata.name.as_deref() == Some("default"))
    })
}
