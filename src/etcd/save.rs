//! `etcd save`: stream a snapshot from one member over the Maintenance/Snapshot RPC into a
//! temporary file next to the destination, verify the SHA-256 the server appends, fsync, and
//! rename into place. The destination is either the complete, verified snapshot or untouched.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use bytes::Bytes;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::bbolt::Db;
use super::connect::Endpoint;
use super::grpc::etcdserverpb;
use super::revision::Revision;
use super::snapshot_file::HASH_LEN;

/// What a successful save produced.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Saved {
    pub path: PathBuf,
    pub endpoint: String,
    /// Database bytes (the file is 32 bytes longer: the SHA-256 trailer).
    pub size: u64,
    pub sha256: String,
    /// Highest revision in the snapshot.
    pub revision: i64,
    /// Storage version the member reported (etcd ≥ 3.6; empty before).
    pub server_version: String,
    #[serde(serialize_with = "seconds")]
    pub elapsed: Duration,
}

fn seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

impl Saved {
    pub fn bytes_per_second(&self) -> f64 {
        self.size as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Receives `(bytes received, total bytes)` after every chunk.
pub trait Progress: Send {
    fn update(&mut self, received: u64, total: u64);
}

impl<F: FnMut(u64, u64) + Send> Progress for F {
    fn update(&mut self, received: u64, total: u64) {
        self(received, total)
    }
}

/// Streams a snapshot from `endpoint` into `dest`.
pub async fn save(endpoint: &Endpoint, dest: &Path, progress: &mut dyn Progress) -> Result<Saved> {
    let started = Instant::now();
    let url = endpoint.normalized_url();
    let part = PartFile::create(dest)?;
    let mut channel = endpoint.connect().await?;
    let mut stream = etcdserverpb::snapshot(&mut channel)
        .await
        .map_err(|e| endpoint.describe(&url, e))
        .context("cannot start the snapshot")?;

    // Disk writes and hashing run on their own thread so the network stream never waits on them.
    let (sender, receiver) = mpsc::sync_channel::<Bytes>(64);
    let file = part
        .file
        .try_clone()
        .context("cannot duplicate the file handle")?;
    let writer = std::thread::spawn(move || write_and_hash(file, receiver));

    // The last message of the stream carries the SHA-256 of everything before it, so every
    // message is held back until the next one proves it was data.
    let mut held: Option<Bytes> = None;
    let mut total: Option<u64> = None;
    let mut received = 0u64;
    let mut server_version = String::new();
    let outcome: Result<()> = async {
        while let Some(message) = stream
            .message()
            .await
            .map_err(|e| endpoint.describe(&url, e))
            .context("the snapshot stream failed")?
        {
            if let Some(data) = held.take() {
                received += data.len() as u64;
                if sender.send(data).is_err() {
                    break; // the writer failed; its error is collected below
                }
            }
            if total.is_none() {
                total = Some(message.remaining_bytes + message.blob.len() as u64);
                server_version = message.version;
            }
            held = Some(message.blob);
            progress.update(received, total.unwrap_or(0));
        }
        Ok(())
    }
    .await;
    drop(sender);
    let (hasher_result, written) = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the snapshot writer thread panicked"))?;
    let computed =
        hasher_result.with_context(|| format!("cannot write {}", part.path.display()))?;
    outcome?;

    let Some(digest) = held else {
        bail!("etcd at {url} closed the snapshot stream without sending any data");
    };
    let total = total.unwrap_or(0);
    if digest.len() != HASH_LEN {
        bail!(
            "etcd at {url} ended the snapshot stream early: got {received} of {total} bytes \
             (the last message was not a 32-byte SHA-256); the member may have restarted, try again"
        );
    }
    if written != total {
        bail!("etcd at {url} announced {total} bytes but sent {written}; try again");
    }
    if digest[..] != computed[..] {
        bail!(
            "the snapshot from {url} is corrupt: the server's SHA-256 {} does not match the \
             {written} bytes received ({}); nothing was written to {}, try again",
            hex::encode(&digest),
            hex::encode(computed),
            dest.display()
        );
    }
    progress.update(total, total);
    let revision = last_revision(&part.path)?;
    part.finish(&digest)?;
    Ok(Saved {
        path: dest.to_path_buf(),
        endpoint: url,
        size: written,
        sha256: hex::encode(computed),
        revision,
        server_version,
        elapsed: started.elapsed(),
    })
}

fn write_and_hash(
    file: std::fs::File,
    chunks: mpsc::Receiver<Bytes>,
) -> (std::io::Result<[u8; HASH_LEN]>, u64) {
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut hasher = Sha256::new();
    let mut written = 0u64;
    for chunk in chunks {
        hasher.update(&chunk);
        if let Err(e) = out.write_all(&chunk) {
            return (Err(e), written);
        }
        written += chunk.len() as u64;
    }
    let result = out.flush().map(|()| hasher.finalize().into());
    (result, written)
}

/// The highest revision, read from the rightmost key of bucket `key` (no full scan).
fn last_revision(path: &Path) -> Result<i64> {
    let db = Db::open(path).context("the received snapshot is not a readable bbolt database")?;
    let Some(key) = db.bucket(b"key")? else {
        bail!("the received snapshot has no `key` bucket: is this an etcd v3 member?");
    };
    Ok(key
        .last()?
        .and_then(|e| Revision::decode(e.key))
        .map_or(0, |r| r.main))
}

/// `<dest>.part…` in the destination's directory (same file system, so the rename is atomic);
/// deleted on drop unless [`PartFile::finish`] renamed it.
struct PartFile {
    path: PathBuf,
    file: std::fs::File,
    temp: Option<tempfile::TempPath>,
    dest: PathBuf,
}

impl PartFile {
    fn create(dest: &Path) -> Result<PartFile> {
        let name = dest
            .file_name()
            .with_context(|| format!("{} is not a file path", dest.display()))?;
        if dest.is_dir() {
            bail!(
                "{} is a directory: give a file name for the snapshot",
                dest.display()
            );
        }
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            bail!(
                "cannot save to {}: directory {} does not exist",
                dest.display(),
                dir.display()
            );
        }
        let mut prefix = name.to_os_string();
        prefix.push(".part.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix);
        #[cfg(unix)]
        {
            // Snapshots hold every Secret of the cluster: readable by the owner only.
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o600));
        }
        let named = builder
            .tempfile_in(&dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        let (file, temp) = named.into_parts();
        Ok(PartFile {
            path: temp.to_path_buf(),
            file,
            temp: Some(temp),
            dest: dest.to_path_buf(),
        })
    }

    fn finish(mut self, trailer: &[u8]) -> Result<()> {
        let context = || format!("cannot write {}", self.path.display());
        let mut file = &self.file;
        file.write_all(trailer).with_context(context)?;
        file.sync_all().with_context(context)?;
        let temp = self.temp.take().expect("finish runs once");
        temp.persist(&self.dest)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot rename the snapshot into {}", self.dest.display()))?;
        #[cfg(unix)]
        if let Some(dir) = self.dest.parent().filter(|p| !p.as_os_str().is_empty()) {
            // Make the rename itself durable.
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}
