//! `location push | pull | delete`: moving one object between a file (or a pipe) and a
//! destination, with `kando location`'s key rule (`path.Join(location.prefix, --path)`).
//!
//! A push is all-or-nothing: the object appears only once the upload completed (multipart
//! uploads are aborted on Ctrl-C), and a pull writes a temporary file next to the target that is
//! renamed into place only when the download is complete.

use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context as TaskContext, Poll};

use anyhow::{Context, Result, anyhow, bail};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};

use crate::storage::{ObjectStore, PrefixMode, PutResult};

/// Counts the bytes that pass through a reader, for progress bars.
pub struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    pub fn new(inner: R) -> (Self, Arc<AtomicU64>) {
        let count = Arc::new(AtomicU64::new(0));
        (
            Self {
                inner,
                count: count.clone(),
            },
            count,
        )
    }
}

impl<R> Counting<R> {
    /// Count into an existing counter.
    pub fn with_counter(inner: R, count: Arc<AtomicU64>) -> Self {
        Self { inner, count }
    }
}

impl<R: AsyncRead + Unpin> AsyncRead for Counting<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        let read = buf.filled().len() - before;
        self.count.fetch_add(read as u64, Ordering::Relaxed);
        result
    }
}

/// The object key `path` names under the store's prefix; an empty path is refused.
pub fn object_key(store: &ObjectStore, path: &str) -> Result<String> {
    if path.trim_matches('/').is_empty() {
        bail!("--path must name an object (it is joined to the profile's prefix)");
    }
    Ok(store.full_key(path)?)
}

/// Upload `reader` to `path`.
pub async fn push(
    store: &ObjectStore,
    path: &str,
    reader: impl AsyncRead + Send + Unpin,
    size_hint: Option<u64>,
) -> Result<PutResult> {
    object_key(store, path)?;
    Ok(store.put(path, reader, size_hint).await?)
}

/// Download `path` into `writer` and return the byte count.
pub async fn pull_to(
    store: &ObjectStore,
    path: &str,
    writer: &mut (impl AsyncWrite + Unpin),
    count: &Arc<AtomicU64>,
) -> Result<u64> {
    object_key(store, path)?;
    let reader = store.get(path).await?;
    let mut counting = Counting::with_counter(reader, count.clone());
    let copied = tokio::io::copy(&mut counting, writer)
        .await
        .with_context(|| format!("copying {path:?} from {}", store.location()))?;
    writer.flush().await.context("writing the download")?;
    Ok(copied)
}

/// Download `path` into the file `target`: written to a temporary file in the same directory,
/// then renamed, so an interrupted pull never leaves a truncated file under the target name.
pub async fn pull_to_file(
    store: &ObjectStore,
    path: &str,
    target: &Path,
    count: &Arc<AtomicU64>,
) -> Result<u64> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    if target.is_dir() {
        bail!("{} is a directory; give a file name", target.display());
    }
    let temp = tempfile::Builder::new()
        .prefix(".kubectl-backup-pull-")
        .tempfile_in(&dir)
        .with_context(|| format!("cannot create a file in {}", dir.display()))?;
    let (std_file, temp_path) = temp.into_parts();
    let mut file = tokio::fs::File::from_std(std_file);
    let copied = pull_to(store, path, &mut file, count).await?;
    file.sync_all().await.ok();
    drop(file);
    temp_path.persist(target).map_err(|e| {
        anyhow!(
            "cannot move the download to {}: {}",
            target.display(),
            e.error
        )
    })?;
    Ok(copied)
}

/// Delete what `path` names: with [`PrefixMode::Kanister`] every key starting with it (like
/// `kando location delete`), with [`PrefixMode::PathSafe`] the object and what lies under `path/`.
pub async fn delete(store: &ObjectStore, path: &str, mode: PrefixMode) -> Result<u64> {
    object_key(store, path)?;
    Ok(store.delete_prefix(path, mode).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{LocalConfig, StorageConfig};

    #[tokio::test]
    async fn round_trip_and_delete_modes() {
        let dir = tempfile::tempdir().unwrap();
        let store = ObjectStore::new(StorageConfig::Local(LocalConfig {
            root: dir.path().into(),
            prefix: "pre".into(),
        }))
        .unwrap();
        let data = vec![7u8; 300_000];
        let (reader, count) = Counting::new(&data[..]);
        let put = push(&store, "/a/b", reader, None).await.unwrap();
        assert_eq!(put.key, "pre/a/b");
        assert_eq!(count.load(Ordering::Relaxed), 300_000);
        push(&store, "a/bc", &b"x"[..], None).await.unwrap();
        let target = dir.path().join("out.bin");
        let counter = Arc::new(AtomicU64::new(0));
        assert_eq!(
            pull_to_file(&store, "a/b", &target, &counter)
                .await
                .unwrap(),
            300_000
        );
        assert_eq!(std::fs::read(&target).unwrap(), data);
        assert_eq!(
            delete(&store, "a/b", PrefixMode::PathSafe).await.unwrap(),
            1
        );
        assert!(store.head("a/bc").await.unwrap().is_some());
        push(&store, "a/b", &b"y"[..], None).await.unwrap();
        assert_eq!(
            delete(&store, "a/b", PrefixMode::Kanister).await.unwrap(),
            2
        );
        assert!(delete(&store, "/", PrefixMode::Kanister).await.is_err());
    }

    #[tokio::test]
    async fn failed_pull_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("store")).unwrap();
        let store = ObjectStore::new(StorageConfig::Local(LocalConfig {
            root: dir.path().join("store"),
            prefix: String::new(),
        }))
        .unwrap();
        let target = dir.path().join("out.bin");
        let counter = Arc::new(AtomicU64::new(0));
        assert!(
            pull_to_file(&store, "missing", &target, &counter)
                .await
                .is_err()
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [std::ffi::OsString::from("store")]);
    }
}
