//! The restored `member/snap/db`: every bucket of the snapshot streamed into a fresh bbolt file,
//! with the membership replaced by the new cluster's, the consistent index and term set to the
//! new raft log's, and optionally the revision bumped and marked compacted.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result, bail};

use super::Control;
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
    /// Cancellation and progress.
    pub control: Control<'a>,
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
                summary.total_entries += copy_bucket(
                    &mut writer,
                    name,
                    &bucket,
                    edits,
                    &mut summary,
                    source.size(),
                )?;
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
    edits.control.report(summary.size, summary.size);
    Ok(summary)
}

/// Streams one bucket across; in `key`, notes the latest revision and adds the bump.
fn copy_bucket(
    writer: &mut DbWriter,
    name: &[u8],
    bucket: &Bucket,
    edits: &DbEdits,
    summary: &mut DbSummary,
    source_size: u64,
) -> Result<u64> {
    let label = || format!("bucket {:?}", String::from_utf8_lossy(name));
    let total = source_size;
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
        if i % 4096 == 0 {
            if edits.control.cancelled() {
                bail!("interrupted");
            }
            edits.control.report(out.written_bytes(), total);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::etcd::bbolt::check;
    use crate::etcd::restore::MembershipFlags;

    const SNAPSHOT: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/etcd/small-3.4.db"
    );

    fn entries(db: &Db, bucket: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
        db.bucket(bucket)
            .unwrap()
            .unwrap()
            .iter()
            .map(|e| {
                let e = e.unwrap();
                (e.key.to_vec(), e.value.to_vec())
            })
            .collect()
    }

    fn rewritten(bump: u64) -> (tempfile::TempDir, Db, DbSummary, Membership) {
        let cluster = "b=http://127.0.0.1:2,a=http://127.0.0.1:1";
        let membership = MembershipFlags {
            name: "a".into(),
            initial_cluster: cluster.into(),
            initial_cluster_token: "t".into(),
            initial_advertise_peer_urls: "http://127.0.0.1:1".into(),
        }
        .membership()
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("db");
        let source = Db::open(SNAPSHOT).unwrap();
        let summary = rewrite(
            &source,
            &out,
            &DbEdits {
                membership: &membership,
                consistent_index: 2,
                term: 1,
                bump_revision: bump,
                mark_compacted: bump > 0,
                control: Control::default(),
            },
        )
        .unwrap();
        let db = Db::open(&out).unwrap();
        assert_eq!(check(&db), Vec::<String>::new());
        (dir, db, summary, membership)
    }

    #[test]
    fn copies_every_bucket_and_replaces_membership() {
        let source = Db::open(SNAPSHOT).unwrap();
        let (_dir, db, summary, membership) = rewritten(0);
        let names =
            |db: &Db| -> Vec<Vec<u8>> { db.buckets().map(|b| b.unwrap().0.to_vec()).collect() };
        assert_eq!(names(&db), names(&source));
        for bucket in [&b"key"[..], b"lease", b"auth", b"cluster", b"alarm"] {
            assert_eq!(entries(&db, bucket), entries(&source, bucket), "{bucket:?}");
        }
        let members = entries(&db, b"members");
        assert_eq!(members.len(), 2);
        for (key, value) in &members {
            let member = membership
                .members
                .iter()
                .find(|m| m.id_string().as_bytes() == key.as_slice())
                .unwrap();
            assert_eq!(value, member.json().as_bytes());
        }
        assert!(members.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(entries(&db, b"members_removed").is_empty());
        let meta: BTreeMap<Vec<u8>, Vec<u8>> = entries(&db, b"meta").into_iter().collect();
        assert_eq!(meta[&b"consistent_index"[..]], 2u64.to_be_bytes());
        assert_eq!(meta[&b"term"[..]], 1u64.to_be_bytes());
        assert!(!meta.contains_key(&b"scheduledCompactRev"[..]));
        assert_eq!(summary.key_entries, 322);
        assert_eq!(summary.bumped_revision, None);
        let last = entries(&source, b"key").last().unwrap().0.clone();
        assert_eq!(summary.revision, Revision::decode(&last).unwrap().main);
    }

    #[test]
    fn bump_adds_one_revision_and_schedules_its_compaction() {
        let (_dir, db, summary, _) = rewritten(1_000_000_000);
        let bumped = summary.revision + 1_000_000_000;
        assert_eq!(summary.bumped_revision, Some(bumped));
        let keys = entries(&db, b"key");
        assert_eq!(keys.len(), 323);
        let (last_key, last_value) = keys.last().unwrap();
        assert_eq!(
            last_key.as_slice(),
            Revision {
                main: bumped,
                sub: 0
            }
            .encode()
        );
        assert!(last_value.is_empty());
        let meta: BTreeMap<Vec<u8>, Vec<u8>> = entries(&db, b"meta").into_iter().collect();
        assert_eq!(
            meta[&b"scheduledCompactRev"[..]],
            Revision {
                main: bumped,
                sub: 0
            }
            .encode()
        );
    }
}
