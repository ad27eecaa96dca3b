//! `snapshot status` computed offline from the file, the way `etcdutl snapshot status` (and
//! etcdctl 3.4's) computes it, plus what those tools leave out: the SHA-256 trailer check and
//! the storage version.

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Serialize;

use super::bbolt::{self, Db};
use super::revision::Revision;
use super::snapshot_file::HashCheck;

/// The fields of `etcdutl snapshot status -w json` (same names), plus ours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    /// CRC-32C over every bucket name, key and value.
    pub hash: u32,
    /// The largest main revision in bucket `key`.
    pub revision: i64,
    /// Entries across all buckets (etcd ≤ 3.5's definition).
    pub total_key: u64,
    /// High-water mark × page size.
    pub total_size: u64,
    /// `meta/storageVersion` (written by etcd ≥ 3.6); empty for older files.
    pub version: String,
    /// `match`, `missing` or `mismatch`.
    pub sha256_trailer: &'static str,
    /// Hex SHA-256 of the database bytes.
    pub sha256: String,
    #[serde(skip)]
    pub trailer: Option<HashCheck>,
}

/// Reads and checks `path`: a trailer that does not match the contents (unless
/// `skip_hash_check`) or a structurally corrupt database is an error that says so.
pub fn status(path: &Path, skip_hash_check: bool) -> Result<Status> {
    let db = Db::open(path).with_context(|| format!("cannot read snapshot {}", path.display()))?;
    // The SHA-256 runs on a second core while this one checks and hashes the tree.
    let (trailer, problems, walked) = std::thread::scope(|scope| {
        let trailer = scope.spawn(|| HashCheck::of_bytes(db.file_bytes()));
        let problems = bbolt::check(&db);
        let walked = problems.is_empty().then(|| of_db(&db));
        let trailer = trailer.join().expect("the hashing thread does not panic");
        (trailer, problems, walked)
    });
    // The trailer first: when it disagrees, "the file changed after it was saved" is the
    // diagnosis, whatever the structure check says.
    if let HashCheck::Mismatch { expected, got } = trailer
        && !skip_hash_check
    {
        bail!(
            "{} was modified or truncated after it was saved: its SHA-256 trailer says {} but \
             its contents hash to {}; a restore would refuse it. Use another copy of the \
             snapshot, or --skip-hash-check to inspect this one anyway",
            path.display(),
            hex::encode(expected),
            hex::encode(got)
        );
    }
    if !problems.is_empty() {
        bail!(
            "snapshot file integrity check failed for {}: {} errors found:\n  {}",
            path.display(),
            problems.len(),
            problems.join("\n  ")
        );
    }
    let mut status = walked
        .expect("walked when the check passed")
        .with_context(|| format!("cannot read snapshot {}", path.display()))?;
    status.sha256_trailer = trailer.label();
    status.sha256 = hex::encode(trailer.computed());
    status.trailer = Some(trailer);
    Ok(status)
}

/// The checks `status` and `restore` refuse a snapshot on, for readers that can still show a
/// damaged file (`inspect`): a SHA-256 trailer that does not match, or a database that fails the
/// structure check. Refused with `status`'s words unless `skip_hash_check`; then each problem
/// is returned as a warning to print.
pub fn check_for_reading(path: &Path, db: &Db, skip_hash_check: bool) -> Result<Vec<String>> {
    let (trailer, problems) = std::thread::scope(|scope| {
        let trailer = scope.spawn(|| HashCheck::of_bytes(db.file_bytes()));
        let problems = bbolt::check(db);
        (
            trailer.join().expect("the hashing thread does not panic"),
            problems,
        )
    });
    let mut warnings = Vec::new();
    if let HashCheck::Mismatch { expected, got } = trailer {
        let what = format!(
            "{} was modified or truncated after it was saved: its SHA-256 trailer says {} but \
             its contents hash to {}; `etcd status` and `etcd restore` refuse it",
            path.display(),
            hex::encode(expected),
            hex::encode(got)
        );
        if !skip_hash_check {
            bail!(
                "{what}. Use another copy of the snapshot, or --skip-hash-check to inspect this one anyway"
            );
        }
        warnings.push(what);
    }
    if !problems.is_empty() {
        let what = format!(
            "snapshot file integrity check failed for {}: {} errors found (`etcd status` and `etcd restore` refuse it):\n  {}",
            path.display(),
            problems.len(),
            problems.join("\n  ")
        );
        if !skip_hash_check {
            bail!(
                "{what}\nUse another copy of the snapshot, or --skip-hash-check to inspect what can be read"
            );
        }
        warnings.push(what);
    }
    Ok(warnings)
}

/// The etcd-defined fields, from an already open database.
pub fn of_db(db: &Db) -> bbolt::Result<Status> {
    let mut crc = 0u32;
    let mut total_key = 0u64;
    let mut revision = 0i64;
    let mut version = String::new();
    for bucket in db.buckets() {
        let (name, bucket) = bucket?;
        crc = crc32c::crc32c_append(crc, name);
        let is_key = name == b"key";
        let is_meta = name == b"meta";
        for entry in bucket.iter() {
            let entry = entry?;
            crc = crc32c::crc32c_append(crc, entry.key);
            // A nested bucket's value is nil for bbolt's ForEach, which etcd hashes.
            if entry.bucket.is_none() {
                crc = crc32c::crc32c_append(crc, entry.value);
            }
            total_key += 1;
            if is_key {
                // Keys are ordered, so the last one holds the highest revision.
                if let Some(rev) = Revision::decode(entry.key) {
                    revision = rev.main;
                }
            } else if is_meta && entry.key == b"storageVersion" {
                version = String::from_utf8_lossy(entry.value).into_owned();
            }
        }
    }
    Ok(Status {
        hash: crc,
        revision,
        total_key,
        total_size: db.size(),
        version,
        sha256_trailer: "",
        sha256: String::new(),
        trailer: None,
    })
}

/// Sizes the way etcdctl prints them (go-humanize `Bytes`: SI units, `138 MB`).
pub fn humanize_bytes(bytes: u64) -> String {
    const UNITS: [&str; 7] = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
    if bytes < 10 {
        return format!("{bytes} B");
    }
    let exponent = ((bytes as f64).ln() / 1000f64.ln()).floor() as usize;
    let exponent = exponent.min(UNITS.len() - 1);
    let value = (bytes as f64 / 1000f64.powi(exponent as i32) * 10.0 + 0.5).floor() / 10.0;
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[exponent])
    } else {
        format!("{value:.0} {}", UNITS[exponent])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/etcd/small-3.4.db")
    }

    #[test]
    fn matches_etcdctl_on_a_3_4_snapshot() {
        // etcdctl 3.4.23 `snapshot status -w json` on this file:
        // {"hash":432189557,"revision":323,"totalKey":327,"totalSize":110592}
        let status = status(&fixture(), false).unwrap();
        assert_eq!(status.hash, 432189557);
        assert_eq!(status.revision, 323);
        assert_eq!(status.total_key, 327);
        assert_eq!(status.total_size, 110592);
        assert_eq!(status.version, "");
        assert_eq!(status.sha256_trailer, "match");
    }

    #[test]
    fn reports_the_storage_version_of_3_6_files() {
        // etcd 3.6 writes meta/storageVersion; no 3.6 binary is packaged, so build such a file:
        // the fixture's buckets plus that key, through the restore writer.
        use crate::etcd::restore::writer::DbWriter;
        let source = Db::open(fixture()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v3.6.db");
        let mut writer = DbWriter::create(&path, 4096).unwrap();
        for bucket in source.buckets() {
            let (name, bucket) = bucket.unwrap();
            let mut out = writer.bucket(name, bucket.sequence()).unwrap();
            let mut pending = (name == b"meta").then_some((&b"storageVersion"[..], &b"3.6.0"[..]));
            for entry in bucket.iter() {
                let entry = entry.unwrap();
                if let Some((k, v)) = pending.filter(|(k, _)| *k < entry.key) {
                    out.put(k, v).unwrap();
                    pending = None;
                }
                out.put(entry.key, entry.value).unwrap();
            }
            if let Some((k, v)) = pending {
                out.put(k, v).unwrap();
            }
            out.finish().unwrap();
        }
        writer.finish(source.meta().txid).unwrap();

        let status = status(&path, false).unwrap();
        assert_eq!(status.version, "3.6.0");
        assert_eq!(status.total_key, 328);
        assert_eq!(status.revision, 323);
        assert_eq!(status.sha256_trailer, "missing");
    }

    #[test]
    fn humanizes_like_go_humanize() {
        assert_eq!(humanize_bytes(137_859_072), "138 MB");
        assert_eq!(humanize_bytes(110_592), "111 kB");
        assert_eq!(humanize_bytes(20_480), "20 kB");
        assert_eq!(humanize_bytes(1_500), "1.5 kB");
        assert_eq!(humanize_bytes(9), "9 B");
        assert_eq!(humanize_bytes(512), "512 B");
    }
}
