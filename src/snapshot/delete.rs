//! Deleting a backup we manage ourselves: `velero-backup.json` goes first so the backup stops
//! looking complete at once, then everything else under `backups/<B>/` (Velero's own deletion
//! removes exactly that directory too). Velero-owned backups go through a DeleteBackupRequest
//! instead (see `velero_mode`), because Velero's sync would otherwise bring them back.

use anyhow::{Result, bail};

use crate::snapshot::layout::BackupKeys;
use crate::storage::{ObjectStore, PrefixMode};

/// Returns how many objects were removed.
pub async fn delete_from_store(store: &ObjectStore, name: &str) -> Result<u64> {
    let keys = BackupKeys::new(name);
    let had_metadata = store.head(&keys.metadata()).await?.is_some();
    if had_metadata {
        store.delete(&keys.metadata()).await?;
    }
    let rest = store
        .delete_prefix(keys.dir().trim_end_matches('/'), PrefixMode::PathSafe)
        .await?;
    let deleted = rest + u64::from(had_metadata);
    if deleted == 0 {
        bail!("no backup named {name:?} in {}", store.location());
    }
    Ok(deleted)
}
