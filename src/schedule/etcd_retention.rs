//! Retention for scheduled etcd snapshots: each run uploads
//! `etcd-snapshots/<schedule>/<schedule>-<YYYYMMDDHHMMSS>.db` under the profile's prefix, and
//! the newest `--keep-last` of them stay. etcd snapshots carry no TTL of their own.

use anyhow::Result;
use futures::TryStreamExt;

use super::etcd_folder;
use crate::storage::ObjectStore;

/// The snapshot keys of `schedule` to delete so that the newest `keep_last` stay, newest first
/// in the input order they had. Keys that do not follow the schedule's naming are not ours to
/// delete and are left alone.
pub fn doomed(schedule: &str, keys: &[String], keep_last: usize) -> Vec<String> {
    let folder = etcd_folder(schedule);
    let mut ours: Vec<&String> = keys
        .iter()
        .filter(|key| {
            key.strip_prefix(&folder)
                .and_then(|file| file.strip_prefix(schedule))
                .and_then(|rest| rest.strip_prefix('-'))
                .and_then(|rest| rest.strip_suffix(".db"))
                .is_some_and(|stamp| stamp.len() == 14 && stamp.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect();
    // The timestamp is in the name: newest last in byte order.
    ours.sort();
    let excess = ours.len().saturating_sub(keep_last.max(1));
    ours.into_iter().take(excess).cloned().collect()
}

/// Deletes the old snapshots; returns their keys.
pub async fn prune(store: &ObjectStore, schedule: &str, keep_last: usize) -> Result<Vec<String>> {
    let listed: Vec<String> = store
        .list(&etcd_folder(schedule))
        .map_ok(|meta| meta.key)
        .try_collect()
        .await?;
    let doomed = doomed(schedule, &listed, keep_last);
    for key in &doomed {
        store.delete(key).await?;
    }
    Ok(doomed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_snapshots_stay_and_foreign_files_are_left_alone() {
        let keys: Vec<String> = [
            "etcd-snapshots/etcd/etcd-20261203010000.db",
            "etcd-snapshots/etcd/etcd-20261201010000.db",
            "etcd-snapshots/etcd/etcd-20261202010000.db",
            "etcd-snapshots/etcd/manual.db",
            "etcd-snapshots/etcd/etcd-2026.db",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            doomed("etcd", &keys, 2),
            ["etcd-snapshots/etcd/etcd-20261201010000.db"]
        );
        // Never the last one, even with --keep-last 0.
        assert_eq!(doomed("etcd", &keys, 0).len(), 2);
    }
}
