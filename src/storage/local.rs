//! A directory as an object store. An object is written to a hidden temporary file next to its
//! final path, fsynced, then renamed, so a half-written object is never visible under its key.
//! Listing walks the tree in S3 key order (byte order of the full key).
//!
//! Like every file-system-backed store, a key cannot be both an object and a "directory":
//! `a/b` and `a/b/c` cannot coexist.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use async_trait::async_trait;
use tokio::io::{AsyncRead, AsyncSeekExt, AsyncWriteExt};

use super::PutResult;
use super::backend::{Backend, Body, ListPage, ObjectMeta};
use super::config::LocalConfig;
use super::error::{Result, StorageError};
use super::upload::Upload;

const TEMP_MARKER: &str = ".kubectl-backup-tmp-";
const PAGE: usize = 1000;

pub(crate) struct LocalBackend {
    root: PathBuf,
    location: String,
}

impl LocalBackend {
    pub(crate) fn new(config: &LocalConfig) -> Result<Self> {
        if config.root.as_os_str().is_empty() {
            return Err(StorageError::Config(
                "no root directory given for the local store".into(),
            ));
        }
        let location = format!("file://{}", config.root.display());
        Ok(Self {
            root: config.root.clone(),
            location,
        })
    }

    /// A missing root is reported like a missing bucket, never created implicitly by a write.
    fn require_root(&self) -> Result<()> {
        if self.root.is_dir() {
            Ok(())
        } else {
            Err(StorageError::NoSuchBucket {
                location: self.location.clone(),
                code: "no such directory".into(),
            })
        }
    }

    fn path(&self, key: &str) -> Result<PathBuf> {
        // Keys arrive cleaned by `keys::object_key`; refuse anything that could still escape.
        if key
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == ".." || s.starts_with(TEMP_MARKER))
        {
            return Err(StorageError::InvalidKey {
                key: key.to_string(),
                reason: "not usable as a path under the local store".into(),
            });
        }
        Ok(self.root.join(key))
    }

    fn io(&self, operation: &'static str, key: &str) -> impl FnOnce(io::Error) -> StorageError {
        let location = self.location.clone();
        let key = key.to_string();
        move |source| StorageError::Io {
            location,
            operation,
            key,
            source,
        }
    }
}

fn meta_of(key: String, metadata: &fs::Metadata) -> ObjectMeta {
    let last_modified = metadata.modified().ok().map(|t| {
        chrono::DateTime::<chrono::Utc>::from(t)
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    });
    ObjectMeta {
        key,
        size: metadata.len(),
        etag: None,
        last_modified,
    }
}

#[async_trait]
impl Backend for LocalBackend {
    fn location(&self) -> &str {
        &self.location
    }

    async fn put(
        &self,
        key: &str,
        reader: &mut (dyn AsyncRead + Send + Unpin),
        _size_hint: Option<u64>,
        upload: &Upload,
    ) -> Result<PutResult> {
        self.require_root()?;
        let path = self.path(key)?;
        let dir = path.parent().unwrap_or(&self.root).to_path_buf();
        tokio::fs::create_dir_all(&dir)
            .await
            .map_err(self.io("create the directory for", key))?;
        let temp = tempfile::Builder::new()
            .prefix(TEMP_MARKER)
            .tempfile_in(&dir)
            .map_err(self.io("create a temporary file for", key))?;
        // The temp file removes itself when dropped (on error or cancellation).
        let (std_file, temp_path) = temp.into_parts();
        let mut file = tokio::fs::File::from_std(std_file);
        let copy = async {
            let size = tokio::io::copy(reader, &mut file).await?;
            file.flush().await?;
            file.sync_all().await?;
            io::Result::Ok(size)
        };
        let size = tokio::select! {
            biased;
            () = upload.cancel.cancelled() => {
                return Err(StorageError::Cancelled {
                    location: self.location.clone(),
                    operation: "PUT",
                    key: key.to_string(),
                    cleanup: "; the partial file was removed, no object was created".into(),
                });
            }
            size = copy => size.map_err(self.io("write", key))?,
        };
        drop(file);
        temp_path
            .persist(&path)
            .map_err(|e| self.io("rename into place", key)(e.error))?;
        // Make the rename durable too.
        if let Ok(dir) = fs::File::open(&dir) {
            let _ = dir.sync_all();
        }
        Ok(PutResult {
            key: key.to_string(),
            size,
            etag: None,
            parts: 1,
        })
    }

    async fn get(
        &self,
        key: &str,
        offset: u64,
        _if_match: Option<&str>,
    ) -> Result<(ObjectMeta, Body)> {
        let path = self.path(key)?;
        let mut file = match tokio::fs::File::open(&path).await {
            Ok(file) => file,
            Err(e)
                if e.kind() == io::ErrorKind::NotFound
                    || e.kind() == io::ErrorKind::NotADirectory =>
            {
                return Err(StorageError::NotFound {
                    location: self.location.clone(),
                    key: key.to_string(),
                });
            }
            Err(e) => return Err(self.io("GET", key)(e)),
        };
        let metadata = file.metadata().await.map_err(self.io("GET", key))?;
        if metadata.is_dir() {
            return Err(StorageError::NotFound {
                location: self.location.clone(),
                key: key.to_string(),
            });
        }
        if offset > 0 {
            file.seek(io::SeekFrom::Start(offset))
                .await
                .map_err(self.io("GET", key))?;
        }
        let reader = tokio::io::BufReader::with_capacity(256 * 1024, file);
        Ok((
            meta_of(key.to_string(), &metadata),
            Body::Local(Box::pin(reader)),
        ))
    }

    async fn head(&self, key: &str) -> Result<Option<ObjectMeta>> {
        let path = self.path(key)?;
        match tokio::fs::metadata(&path).await {
            Ok(metadata) if metadata.is_file() => Ok(Some(meta_of(key.to_string(), &metadata))),
            Ok(_) => Ok(None),
            Err(e)
                if e.kind() == io::ErrorKind::NotFound
                    || e.kind() == io::ErrorKind::NotADirectory =>
            {
                Ok(None)
            }
            Err(e) => Err(self.io("HEAD", key)(e)),
        }
    }

    async fn list_page(
        &self,
        prefix: &str,
        delimiter: Option<&str>,
        token: Option<String>,
    ) -> Result<ListPage> {
        if delimiter.is_some_and(|d| d != "/") {
            return Err(StorageError::Config(
                "the local store only lists with the '/' delimiter".into(),
            ));
        }
        self.require_root()?;
        let root = self.root.clone();
        let prefix = prefix.to_string();
        let grouped = delimiter.is_some();
        let walked = tokio::task::spawn_blocking(move || {
            let mut walk = Walk {
                prefix: &prefix,
                after: token.as_deref(),
                grouped,
                page: ListPage::default(),
                count: 0,
            };
            walk.dir(&root, "")?;
            io::Result::Ok(walk.page)
        })
        .await
        .map_err(|e| StorageError::Config(format!("internal: listing task failed: {e}")))?;
        walked.map_err(self.io("LIST", "(prefix)"))
    }

    async fn delete(&self, key: &str) -> Result<()> {
        let path = self.path(key)?;
        match tokio::fs::remove_file(&path).await {
            Ok(()) => {}
            Err(e)
                if e.kind() == io::ErrorKind::NotFound
                    || e.kind() == io::ErrorKind::NotADirectory =>
            {
                return Ok(());
            }
            Err(e) => return Err(self.io("DELETE", key)(e)),
        }
        // Remove directories the delete left empty, up to the root.
        let mut dir = path.parent();
        while let Some(d) = dir {
            if d == self.root || fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
        Ok(())
    }

    async fn create_bucket(&self) -> Result<()> {
        tokio::fs::create_dir_all(&self.root)
            .await
            .map_err(self.io("create the root directory", ""))
    }

    async fn check(&self, _prefix: &str) -> Result<()> {
        self.require_root()?;
        let probe = tempfile::Builder::new()
            .prefix(TEMP_MARKER)
            .tempfile_in(&self.root)
            .map_err(self.io("write a probe file in", "(root)"))?;
        drop(probe);
        Ok(())
    }
}

/// A sorted walk producing one page of keys after `after`.
struct Walk<'a> {
    prefix: &'a str,
    after: Option<&'a str>,
    grouped: bool,
    page: ListPage,
    count: usize,
}

impl Walk<'_> {
    fn full(&self) -> bool {
        self.count >= PAGE
    }

    fn dir(&mut self, dir: &Path, rel: &str) -> io::Result<()> {
        let mut entries: Vec<(String, bool)> = Vec::new();
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            if name.starts_with(TEMP_MARKER) {
                continue;
            }
            let is_dir = entry.file_type()?.is_dir();
            // Sorting "name/" for directories gives the byte order of the keys beneath them.
            entries.push((if is_dir { format!("{name}/") } else { name }, is_dir));
        }
        entries.sort();
        for (name, is_dir) in entries {
            if self.full() {
                return Ok(());
            }
            let key = format!("{rel}{name}");
            if is_dir {
                if !(key.starts_with(self.prefix) || self.prefix.starts_with(&key)) {
                    continue;
                }
                let grouped_here =
                    self.grouped && key.len() > self.prefix.len() && key.starts_with(self.prefix);
                if let Some(after) = self.after {
                    let done = key.as_str() <= after && !after.starts_with(&key);
                    if done || (grouped_here && key == after) {
                        continue;
                    }
                }
                let path = dir.join(name.trim_end_matches('/'));
                if grouped_here {
                    // Only prefixes with at least one object beneath them, like S3.
                    if has_file(&path)? {
                        self.page.prefixes.push(key.clone());
                        self.count += 1;
                        self.page.next = Some(key);
                    }
                } else {
                    self.dir(&path, &key)?;
                }
            } else {
                if !key.starts_with(self.prefix)
                    || self.after.is_some_and(|after| key.as_str() <= after)
                {
                    continue;
                }
                let metadata = fs::metadata(dir.join(&name))?;
                self.page.objects.push(meta_of(key.clone(), &metadata));
                self.count += 1;
                self.page.next = Some(key);
            }
        }
        if !self.full() && rel.is_empty() {
            // The walk reached the end: no next page.
            self.page.next = None;
        }
        Ok(())
    }
}

fn has_file(dir: &Path) -> io::Result<bool> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with(TEMP_MARKER) {
            continue;
        }
        if entry.file_type()?.is_dir() {
            if has_file(&entry.path())? {
                return Ok(true);
            }
        } else {
            return Ok(true);
        }
    }
    Ok(false)
}
