//! `snapshot list`: backups found in the storage location (ours and Velero's alike, read from
//! `velero-backup.json`) merged with the Velero Backups the cluster knows about.

use std::collections::BTreeMap;

use anyhow::Result;
use futures::{StreamExt, TryStreamExt};

use crate::snapshot::layout::{
    BACKUPS_DIR, BackupKeys, INTEGRITY_SHA256_ANNOTATION, TARBALL_SIZE_ANNOTATION,
};
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
    /// Why the backup cannot be trusted although `velero-backup.json` exists: it is not a
    /// Backup, or the tarball or integrity record it names is missing or of another size.
    pub corrupt: Option<String>,
    /// The problem is a tarball of another size than recorded: reading the tarball names it
    /// more precisely (the item that changed), so restore and download leave it to that check.
    pub corrupt_content: bool,
}

impl Listed {
    /// The freshest view: the cluster's object when there is one.
    pub fn current(&self) -> Option<&Backup> {
        self.in_cluster.as_ref().or(self.backup.as_ref())
    }

    pub fn phase(&self) -> String {
        if self.corrupt.is_some() && self.in_cluster.is_none() {
            return "Corrupt".into();
        }
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

    /// Refuses, by name, a backup that is not complete (no `velero-backup.json`) or is corrupt,
    /// unless the user asked for it (`--allow-incomplete`); then the tarball's own checks still
    /// run. A backup only the cluster knows (Velero's) is left to Velero.
    pub fn require_complete(&self, allow_incomplete: bool) -> Result<()> {
        let problem = if let Some(reason) = self.corrupt.as_ref().filter(|_| !self.corrupt_content)
        {
            format!("backup {} is corrupt: {reason}", self.name)
        } else if self.incomplete {
            format!(
                "backup {} is incomplete: it has files but no velero-backup.json (it was interrupted, or is still being written)",
                self.name
            )
        } else {
            return Ok(());
        };
        if allow_incomplete {
            eprintln!("warning: {problem}; reading its tarball anyway (--allow-incomplete)");
            return Ok(());
        }
        anyhow::bail!(
            "{problem}: refused. Pass --allow-incomplete to use its tarball anyway (it is still verified), or delete it with `kubectl backup snapshot delete {}`",
            self.name
        )
    }

    pub fn is_usable(&self) -> bool {
        self.in_store
            && !self.incomplete
            && self.corrupt.is_none()
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

/// Reads one backup's directory: `velero-backup.json`, the tarball's size, our record's presence,
/// and whether they agree. A `velero-backup.json` that is not a Backup, or that commits a
/// tarball or integrity record that is missing or of another size, makes the entry corrupt
/// (never an error: one bad entry must not hide the others); storage errors are errors.
pub async fn read_from_store(store: &ObjectStore, name: &str) -> Result<Listed> {
    let keys = BackupKeys::new(name);
    let (metadata_key, tarball_key, integrity_key) =
        (keys.metadata(), keys.tarball(), keys.integrity());
    let (metadata, tarball, integrity) = futures::join!(
        store.head(&metadata_key),
        store.head(&tarball_key),
        store.head(&integrity_key)
    );
    let mut corrupt = None;
    let mut corrupt_content = false;
    let has_metadata = metadata?.is_some();
    let backup = if has_metadata {
        let bytes = store.get_bytes(&keys.metadata()).await?;
        match serde_json::from_slice::<Backup>(&bytes) {
            Ok(backup) => Some(backup),
            Err(e) => {
                corrupt = Some(format!("{} is not a Velero Backup: {e}", keys.metadata()));
                None
            }
        }
    } else {
        None
    };
    let tarball = tarball?;
    let has_integrity_record = integrity?.is_some();
    if let Some(backup) = &backup {
        (corrupt, corrupt_content) = match commit_problem(
            backup,
            &keys,
            tarball.as_ref().map(|t| t.size),
            has_integrity_record,
        ) {
            Some(CommitProblem::Content(reason)) => (Some(reason), true),
            Some(CommitProblem::Files(reason)) => (Some(reason), false),
            None => (None, false),
        };
    }
    let in_store = has_metadata
        || tarball.is_some()
        || store.list(&keys.dir()).next().await.transpose()?.is_some();
    let incomplete = !has_metadata && in_store;
    Ok(Listed {
        name: name.to_string(),
        backup,
        in_cluster: None,
        in_store,
        incomplete,
        tarball_bytes: tarball.map(|t| t.size),
        has_integrity_record,
        corrupt,
        corrupt_content,
    })
}

/// What is wrong with a finished backup's files, judged from `velero-backup.json`: a usable
/// phase needs its tarball, and our annotations name the tarball's size and the integrity
/// record. (Velero writes `velero-backup.json` first and the tarball after it, so a backup
/// still in progress is not judged.)
/// What [`commit_problem`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitProblem {
    /// A file `velero-backup.json` commits is missing.
    Files(String),
    /// The tarball is there but not the one committed (another size).
    Content(String),
}

pub fn commit_problem(
    backup: &Backup,
    keys: &BackupKeys,
    tarball_size: Option<u64>,
    has_integrity_record: bool,
) -> Option<CommitProblem> {
    if !backup.phase().is_some_and(BackupPhase::is_usable) {
        return None;
    }
    let annotations = backup.metadata.annotations.clone().unwrap_or_default();
    let Some(size) = tarball_size else {
        return Some(CommitProblem::Files(format!(
            "velero-backup.json says {} but its tarball {} is missing",
            backup.phase().map_or("", BackupPhase::as_str),
            keys.tarball()
        )));
    };
    if let Some(recorded) = annotations.get(TARBALL_SIZE_ANNOTATION)
        && recorded != &size.to_string()
    {
        return Some(CommitProblem::Content(format!(
            "the tarball {} is {size} bytes but velero-backup.json records {recorded}",
            keys.tarball()
        )));
    }
    if annotations.contains_key(INTEGRITY_SHA256_ANNOTATION) && !has_integrity_record {
        return Some(CommitProblem::Files(format!(
            "the integrity record {} that velero-backup.json names is missing",
            keys.integrity()
        )));
    }
    None
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
                        corrupt: None,
                        corrupt_content: false,
                    },
                );
            }
        }
    }
    Ok(by_name.into_values().collect())
}
