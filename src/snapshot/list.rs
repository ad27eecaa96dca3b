//! `snapshot list`: backups found in the storage location (ours and Velero's alike, read from
//! `velero-backup.json`) merged with the Velero Backups the cluster knows about.

use std::collections::BTreeMap;

use anyhow::Result;
use futures::{StreamExt, TryStreamExt};

use crate::snapshot::layout::{BACKUPS_DIR, BackupKeys};
use crate::snapshot::types::{Backup, BackupPhase, WRITTEN_BY_ANNOTATION, time_to_chrono};
use crate::storage::{ListEntry, ObjectStore};

/// One backup as `list` and `describe` see it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub name: String,
    /// From `velero-backup.json` in the store, or the cluster's Backup when only it exists.
    pub backup: Option<Backup>,
    /// The cluster's Backup: its status is live (InProgress, Deleting…).
    pub in_cluster: Option<Backup>,
    pub in_store: bool,
    /// Files exist but `velero-backup.json` does not: interrupted or still being written.
    pub incomplete: bool,
    pub tarball_bytes: Option<u64>,
    pub has_integrity_record: bool,
}

impl Listed {
    /// The freshest view: the cluster's object when there is one.
    pub fn current(&self) -> Option<&Backup> {
        self.in_cluster.as_ref().or(self.backup.as_ref())
    }

    pub fn phase(&self) -> String {
        if self.incomplete && self.in_cluster.is_none() {
            return "Incomplete".into();
        }
        self.current()
            .and_then(Backup::phase)
            .map_or("New".to_string(), |p| p.as_str().to_string())
    }

    pub fn written_by_us(&self) -> bool {
        self.backup.as_ref().is_some_and(|b| {
            b.metadata
                .annotations
                .as_ref()
                .is_some_and(|a| a.contains_key(WRITTEN_BY_ANNOTATION))
        })
    }

    /// Velero manages it: its Backup exists in the cluster.
    pub fn owned_by_velero(&self) -> bool {
        self.in_cluster.is_some()
    }

    pub fn items(&self) -> Option<i64> {
        self.current()?
            .status
            .as_ref()?
            .progress
            .as_ref()?
            .items_backed_up
    }

    pub fn created(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        let backup = self.current()?;
        backup
            .status
            .as_ref()
            .and_then(|s| s.start_timestamp.as_ref())
            .or(backup.metadata.creation_timestamp.as_ref())
            .map(time_to_chrono)
    }

    pub fn expires(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.current()?
            .status
            .as_ref()?
            .expiration
            .as_ref()
            .map(time_to_chrono)
    }

    pub fn is_usable(&self) -> bool {
        self.in_store
            && !self.incomplete
            && self
                .current()
                .and_then(Backup::phase)
                .is_some_and(BackupPhase::is_usable)
    }
}

/// Names of every `backups/<B>/` directory in the store.
pub async fn backup_names(store: &ObjectStore) -> Result<Vec<String>> {
    let entries: Vec<ListEntry> = store
        .list_delimited(&format!("{BACKUPS_DIR}/"), "/")
        .try_collect()
        .await?;
    Ok(entries
        .into_iter()
        .filter_map(|e| match e {
            ListEntry::Prefix(p) => p
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .map(str::to_string),
            ListEntry::Object(_) => None,
        })
        .filter(|n| !n.is_empty())
        .collect())
}

/// Reads one backup's directory: `velero-backup.json`, the tarball's size, our record's presence.
pub async fn read_from_store(store: &ObjectStore, name: &str) -> Result<Listed> {
    let keys = BackupKeys::new(name);
    let (metadata_key, tarball_key, integrity_key) =
        (keys.metadata(), keys.tarball(), keys.integrity());
    let (metadata, tarball, integrity) = futures::join!(
        store.head(&metadata_key),
        store.head(&tarball_key),
        store.head(&integrity_key)
    );
    let backup = match metadata? {
        Some(_) => {
            let bytes = store.get_bytes(&keys.metadata()).await?;
            Some(serde_json::from_slice::<Backup>(&bytes).map_err(|e| {
                anyhow::anyhow!(
                    "{} in {} is not a Velero Backup: {e}",
                    keys.metadata(),
                    store.location()
                )
            })?)
        }
        None => None,
    };
    let tarball = tarball?;
    let in_store = backup.is_some()
        || tarball.is_some()
        || store.list(&keys.dir()).next().await.transpose()?.is_some();
    let incomplete = backup.is_none() && in_store;
    Ok(Listed {
        name: name.to_string(),
        backup,
        in_cluster: None,
        in_store,
        incomplete,
        tarball_bytes: tarball.map(|t| t.size),
        has_integrity_record: integrity?.is_some(),
    })
}

/// Everything in the store plus the cluster's Velero Backups, sorted by name.
pub async fn list(store: &ObjectStore, cluster_backups: Vec<Backup>) -> Result<Vec<Listed>> {
    let names = backup_names(store).await?;
    let from_store: Vec<Result<Listed>> = futures::stream::iter(names)
        .map(|name| async move { read_from_store(store, &name).await })
        .buffer_unordered(8)
        .collect()
        .await;
    let mut by_name: BTreeMap<String, Listed> = BTreeMap::new();
    for listed in from_store {
        let listed = listed?;
        by_name.insert(listed.name.clone(), listed);
    }
    for backup in cluster_backups {
        let name = backup.name().to_string();
        match by_name.get_mut(&name) {
            Some(listed) => listed.in_cluster = Some(backup),
            None => {
                by_name.insert(
                    name.clone(),
                    Listed {
                        name,
                        backup: None,
                        in_cluster: Some(backup),
                        in_store: false,
                        incomplete: false,
                        tarball_bytes: None,
                        has_integrity_record: false,
                    },
                );
            }
        }
    }
    Ok(by_name.into_values().collect())
}
