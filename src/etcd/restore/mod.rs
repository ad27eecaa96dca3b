//! `etcd restore`: turn a snapshot file into the data dir of a member of a new cluster, natively
//! (no etcdutl): the snapshot's database rewritten with the new membership, a fresh WAL and the v2
//! `.snap` file, exactly what `etcdutl snapshot restore` produces. Everything is built in a
//! temporary directory next to the target and renamed into place at the end, so a failed or
//! interrupted restore leaves nothing behind.

pub mod config;
mod db;
mod fsutil;
pub mod ids;
mod proto;
pub mod snap;
mod tree;
pub mod wal;
pub mod writer;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};
use serde::Serialize;

pub use config::{Member, Membership, MembershipFlags};
pub use db::DbSummary;

use crate::etcd::bbolt::{self, Db};
use crate::etcd::snapshot_file::{HashCheck, HashError};

#[derive(Debug, Clone)]
pub struct RestoreOptions {
    /// The snapshot file (`etcdctl snapshot save` output, or a raw `member/snap/db` copy).
    pub snapshot: PathBuf,
    /// Must be missing or empty.
    pub data_dir: PathBuf,
    pub membership: MembershipFlags,
    pub skip_hash_check: bool,
    pub bump_revision: u64,
    pub mark_compacted: bool,
}

/// What was restored, for the summary line and `-o json|yaml`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    pub snapshot: PathBuf,
    pub data_dir: PathBuf,
    pub name: String,
    pub member_id: String,
    pub cluster_id: String,
    pub members: Vec<MemberReport>,
    /// `verified`, or `skipped` with `--skip-hash-check`.
    pub hash_check: &'static str,
    /// Latest revision in the snapshot.
    pub revision: i64,
    /// Revision the restored member starts at (differs with `--bump-revision`).
    pub start_revision: i64,
    /// Whether `start_revision` is marked compacted.
    pub compacted: bool,
    /// Entries in the `key` bucket (every stored revision of every key).
    pub key_revisions: u64,
    pub db_size: u64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberReport {
    pub name: String,
    pub id: String,
    #[serde(rename = "peerURLs")]
    pub peer_urls: Vec<String>,
}

/// Cancellation (Ctrl-C) and progress for a running restore.
#[derive(Default, Clone, Copy)]
pub struct Control<'a> {
    /// Checked between entries; once set the restore stops and removes what it wrote.
    pub cancel: Option<&'a AtomicBool>,
    /// Called with (database bytes written, database size of the snapshot).
    pub progress: Option<&'a (dyn Fn(u64, u64) + Sync)>,
}

impl Control<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }

    fn report(&self, done: u64, total: u64) {
        if let Some(progress) = self.progress {
            progress(done, total);
        }
    }
}

/// Restores `options.snapshot` into `options.data_dir`. A cancelled or failed restore leaves
/// nothing behind.
pub fn restore(options: &RestoreOptions, control: Control) -> Result<RestoreReport> {
    check_bump_flags(options.bump_revision, options.mark_compacted)?;
    let membership = options.membership.membership()?;
    let data_dir = &options.data_dir;
    if !fsutil::is_missing_or_empty(data_dir).unwrap_or(false) {
        bail!(
            "data-dir {:?} not empty or could not be read: restore into a new directory (etcd \
             would otherwise start from the old data)",
            data_dir.display().to_string()
        );
    }
    let snapshot = &options.snapshot;
    // Opened first: a truncated copy is reported as truncated, not as "missing hash".
    let source = Db::open(snapshot).with_context(|| {
        format!(
            "snapshot {} is not a usable etcd database",
            snapshot.display()
        )
    })?;
    let hash_check = if options.skip_hash_check {
        "skipped"
    } else {
        HashCheck::of_file(snapshot)
            .with_context(|| format!("cannot read snapshot {}", snapshot.display()))?
            .require(false)
            .map_err(|e| {
                let advice = match e {
                    HashError::Missing => {
                        "has no SHA-256 trailer (a raw member/snap/db copy?); pass \
                         --skip-hash-check to restore it"
                    }
                    HashError::Mismatch { .. } => {
                        "changed after it was saved; use another copy (or --skip-hash-check if \
                         you know why it changed)"
                    }
                };
                anyhow::Error::new(e).context(format!("snapshot {} {advice}", snapshot.display()))
            })?;
        "verified"
    };

    let staging = Staging::new(data_dir)?;
    let (term, commit) = wal::start_point(&membership);
    let member = staging.root().join("member");
    let snap_dir = member.join("snap");
    let wal_dir = member.join("wal");
    for dir in [&snap_dir, &wal_dir] {
        fsutil::create_private_dir(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let db_path = snap_dir.join("db");
    let summary = db::rewrite(
        &source,
        &db_path,
        &db::DbEdits {
            membership: &membership,
            consistent_index: commit,
            term,
            bump_revision: options.bump_revision,
            mark_compacted: options.mark_compacted,
            control,
        },
    )
    .with_context(|| format!("cannot restore {}", snapshot.display()))?;
    verify_written(&db_path, &summary)?;
    wal::write_segment(&wal_dir, &membership)?;
    snap::write_snap_file(&snap_dir, &membership)?;
    for dir in [&snap_dir, &wal_dir, &member, &staging.root().to_path_buf()] {
        fsutil::sync_dir(dir).with_context(|| format!("cannot sync {}", dir.display()))?;
    }
    staging.commit()?;

    let local = membership.local();
    Ok(RestoreReport {
        snapshot: snapshot.clone(),
        data_dir: data_dir.clone(),
        name: local.name.clone(),
        member_id: local.id_string(),
        cluster_id: ids::id_string(membership.cluster_id),
        members: membership
            .members
            .iter()
            .map(|m| MemberReport {
                name: m.name.clone(),
                id: m.id_string(),
                peer_urls: m.peer_urls.clone(),
            })
            .collect(),
        hash_check,
        revision: summary.revision,
        start_revision: summary.bumped_revision.unwrap_or(summary.revision),
        compacted: summary.bumped_revision.is_some() && options.mark_compacted,
        key_revisions: summary.key_entries,
        db_size: summary.size,
    })
}

/// etcdutl's rule: a bump must be marked compacted (or watchers silently miss changes), and
/// marking compacted means nothing without a bump.
pub fn check_bump_flags(bump_revision: u64, mark_compacted: bool) -> Result<()> {
    if mark_compacted && bump_revision == 0 {
        bail!("--mark-compacted can only be specified if --bump-revision > 0");
    }
    if bump_revision > 0 && !mark_compacted {
        bail!(
            "--bump-revision requires --mark-compacted: clients watching from an older revision \
             must be told to re-list (a large bump such as 1000000000 is typical for Kubernetes)"
        );
    }
    Ok(())
}

/// Re-reads the written database with the reader and bbolt's consistency rules: what etcd
/// will open must be sound and hold every entry that was written.
fn verify_written(path: &Path, summary: &DbSummary) -> Result<()> {
    let db =
        Db::open(path).with_context(|| format!("restored {} cannot be read", path.display()))?;
    let problems = bbolt::check(&db);
    if !problems.is_empty() {
        bail!(
            "restored {} failed its consistency check (a bug in the writer; please report): {}",
            path.display(),
            problems.join("; ")
        );
    }
    let mut entries = 0u64;
    for bucket in db.buckets() {
        let (_, bucket) = bucket?;
        for entry in bucket.iter() {
            entry?;
            entries += 1;
        }
    }
    if entries != summary.total_entries {
        bail!(
            "restored {} holds {entries} entries but {} were written (a bug in the writer; please \
             report)",
            path.display(),
            summary.total_entries
        );
    }
    Ok(())
}

/// A temporary directory that becomes the data dir's content at `commit` and disappears if the
/// restore stops before that.
struct Staging {
    dir: tempfile::TempDir,
    target: PathBuf,
    /// The target already exists (empty): the staged `member` dir moves into it.
    into_existing: bool,
}

impl Staging {
    fn new(target: &Path) -> Result<Self> {
        let into_existing = target.is_dir();
        let parent = if into_existing {
            target.to_path_buf()
        } else {
            let parent = match target.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            std::fs::create_dir_all(&parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
            parent
        };
        let base = target
            .file_name()
            .map_or_else(|| "etcd".into(), |n| n.to_string_lossy().into_owned());
        // The data dir holds every Secret of the cluster: owner-only, as etcd makes it.
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{base}.restoring-"))
            .permissions(std::fs::Permissions::from_mode(0o700))
            .tempdir_in(&parent)
            .with_context(|| {
                format!(
                    "cannot create a temporary directory in {}",
                    parent.display()
                )
            })?;
        Ok(Self {
            dir,
            target: target.to_path_buf(),
            into_existing,
        })
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn commit(self) -> Result<()> {
        let rename = |from: &Path, to: &Path| {
            std::fs::rename(from, to)
                .with_context(|| format!("cannot move {} to {}", from.display(), to.display()))
        };
        let parent = if self.into_existing {
            rename(&self.root().join("member"), &self.target.join("member"))?;
            std::fs::set_permissions(&self.target, std::fs::Permissions::from_mode(0o700))
                .with_context(|| format!("cannot make {} owner-only", self.target.display()))?;
            self.target.clone()
        } else {
            let staged = self.dir.keep();
            if let Err(e) = rename(&staged, &self.target) {
                let _ = std::fs::remove_dir_all(&staged);
                return Err(e);
            }
            self.target
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        };
        fsutil::sync_dir(&parent).with_context(|| format!("cannot sync {}", parent.display()))
    }
}
