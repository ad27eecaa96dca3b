//! The restored `member/snap/db`: every bucket of the snapshot streamed into a fresh bbolt file,
//! with the membership replaced by the new cluster's, the consistent index and term set to the
//! new raft log's, and optionally the revision bumped and marked compacted.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};

use super::config::Membership;
use super::writer::DbWriter;
use crate::etcd::bbolt::{Bucket, Db};
use crate::etcd::revision::Revision;

const KEY: &[u8] = b"key";
const META: &[u8] = b"meta";
const MEMBERS: &[u8] = b"members";
const MEMBERS_REMOVED: &[u8] = b"members_removed";

/// What to change while copying.
pub struct DbEdits<'a> {
    pub membership: &'a Membership,
    /// Raft index and term of the new log (`meta/consistent_index`, `meta/term`).
    pub consistent_index: u64,
    pub term: u64,
    /// Revisions to add on top of the snapshot's latest; 0 for none.
    pub bump_revision: u64,
    /// Record the bumped revision as compacted, so watchers re-list.
    pub mark_compacted: bool,
    /// Checked between entries: set it to stop (Ctrl-C).
    pub cancel: Option<&'a AtomicBool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DbSummary {
    /// Latest revision in the snapshot.
    pub revision: i64,
    /// Revision after the bump, when bumped.
    pub bumped_revision: Option<i64>,
    /// Entries in the `key` bucket (every stored revision, tombstones included).
    pub key_entries: u64,
    /// Entries across all buckets of the restored file.
    pub total_entries: u64,
    /// High-water mark × page size of the restored file.
    pub size: u64,
}

pub fn rewrite(source: &Db, out: &Path, edits: &DbEdits) -> Result<DbSummary> {
    let mut writer = DbWriter::create(out, source.page_size())?;
    let mut summary = DbSummary::default();
    let mut meta = None;
    let mut has_key_bucket = false;
    for bucket in source.buckets() {
        let (name, bucket) = bucket.context("cannot read the snapshot's buckets")?;
        match name {
            // Replaced below by the new membership.
            MEMBERS | MEMBERS_REMOVED => {}
            META => {
                let mut entries = BTreeMap::new();
                for entry in bucket.iter() {
                    let entry = entry.context("cannot read bucket \"meta\"")?;
                    entries.insert(entry.key.to_vec(), entry.value.to_vec());
                }
                meta = Some((bucket.sequence(), entries));
            }
            _ => {
                has_key_bucket |= name == KEY;
                summary.total_entries +=
                    copy_bucket(&mut writer, name, &bucket, edits, &mut summary)?;
            }
        }
    }
    if !has_key_bucket {
        bail!("not an etcd snapshot: the database has no \"key\" bucket");
    }

    let mut members = writer.bucket(MEMBERS, 0)?;
    for (key, value) in member_entries(edits.membership) {
        members.put(&key, &value)?;
    }
    summary.total_entries += members.finish()?;
    writer.bucket(MEMBERS_REMOVED, 0)?.finish()?;

    let (sequence, mut entries) = meta.unwrap_or_default();
    entries.insert(
        b"consistent_index".to_vec(),
        edits.consistent_index.to_be_bytes().to_vec(),
    );
    entries.insert(b"term".to_vec(), edits.term.to_be_bytes().to_vec());
    if let (Some(bumped), true) = (summary.bumped_revision, edits.mark_compacted) {
        let compacted = Revision {
            main: bumped,
            sub: 0,
        }
        .encode();
        entries.insert(b"scheduledCompactRev".to_vec(), compacted.to_vec());
    }
    let mut meta = writer.bucket(META, sequence)?;
    for (key, value) in &entries {
        meta.put(key, value)?;
    }
    summary.total_entries += meta.finish()?;

    summary.size = writer.finish(source.meta().txid + 1)?;
    Ok(summary)
}

/// Streams one bucket across; in `key`, notes the latest revision and adds the bump.
fn copy_bucket(
    writer: &mut DbWriter,
    name: &[u8],
    bucket: &Bucket,
    edits: &DbEdits,
    summary: &mut DbSummary,
) -> Result<u64> {
    let label = || format!("bucket {:?}", String::from_utf8_lossy(name));
    let mut out = writer.bucket(name, bucket.sequence())?;
    let mut last_key = Vec::new();
    for (i, entry) in bucket.iter().enumerate() {
        let entry = entry.with_context(|| format!("cannot read {}", label()))?;
        if entry.bucket.is_some() {
            bail!(
                "{} holds a nested bucket {:?}; etcd snapshots have none",
                label(),
                String::from_utf8_lossy(entry.key)
            );
        }
        if i % 4096 == 0 && edits.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            bail!("interrupted");
        }
        out.put(entry.key, entry.value).with_context(label)?;
        if name == KEY {
            last_key.clear();
            last_key.extend_from_slice(entry.key);
        }
    }
    if name == KEY {
        summary.key_entries = out.entries();
        // Keys sort by revision, so the last one is the latest (etcd's own scan agrees).
        let latest = Revision::decode(&last_key).map_or(0, |r| r.main);
        summary.revision = latest;
        if edits.bump_revision > 0 {
            let bumped = i64::try_from(edits.bump_revision)
                .ok()
                .and_then(|n| latest.checked_add(n))
                .context("--bump-revision is too large: the revision would overflow")?;
            out.put(
                &Revision {
                    main: bumped,
                    sub: 0,
                }
                .encode(),
                &[],
            )?;
            summary.bumped_revision = Some(bumped);
        }
    }
    out.finish()
}

/// The `members` bucket of the new cluster: hex ID → member JSON, in key order.
fn member_entries(membership: &Membership) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut entries: Vec<(Vec<u8>, Vec<u8>)> = membership
        .members
        .iter()
        .map(|m| (m.id_string().into_bytes(), m.json().into_bytes()))
        .collect();
    entries.sort();
    entries
}
