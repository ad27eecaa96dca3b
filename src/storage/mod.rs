//! Object storage used by every capability: Kanister `location push/pull/delete`, Velero-layout
//! snapshots, etcd uploads.
//!
//! [`ObjectStore`] is the one entry point. Keys are relative to the location prefix and joined like
//! `kando` does (`path.Join(prefix, key)`). Uploads stream in parts (multipart above a threshold,
//! parts in parallel), downloads stream and resume after a dropped connection, every request is
//! retried with backoff on throttling, 5xx and resets, and a cancelled token (Ctrl-C) aborts an
//! in-flight upload so no partial object is left behind.
//!
//! ```no_run
//! # async fn demo() -> Result<(), kubectl_backup::storage::StorageError> {
//! use kubectl_backup::storage::{ObjectStore, PrefixMode, S3Config, StorageConfig};
//! let store = ObjectStore::new(StorageConfig::S3(S3Config {
//!     endpoint: Some("http://127.0.0.1:9000".into()),
//!     region: "us-east-1".into(),
//!     bucket: "backups".into(),
//!     prefix: "cluster-a".into(),
//!     path_style: true,
//!     access_key_id: "AK".into(),
//!     secret_access_key: "SK".into(),
//!     ..Default::default()
//! }))?
//! .with_cancellation(kubectl_backup::interrupt::cancellation());
//! let file = tokio::fs::File::open("dump.tar.gz").await.unwrap();
//! store.put("app/dump.tar.gz", file, None).await?;
//! store.delete_prefix("app/", PrefixMode::PathSafe).await?;
//! # Ok(()) }
//! ```

pub mod auth;
mod azure;
mod backend;
mod config;
mod error;
mod gcs;
mod http;
pub mod keys;
mod local;
mod reader;
mod retry;
mod s3;
mod upload;

use std::sync::Arc;

use bytes::Bytes;
use futures::stream::{self, BoxStream, StreamExt, TryStreamExt};
use tokio::io::{AsyncRead, AsyncReadExt};
use tokio_util::sync::CancellationToken;

pub use backend::ObjectMeta;
pub use config::{
    AzureConfig, GcsConfig, LocalConfig, MIB, MIN_PART_SIZE, RetryPolicy, S3Config, Secret,
    StorageConfig, TlsOptions, TransferOptions,
};
pub use error::{Result, StorageError};
pub use keys::PrefixMode;
pub use reader::ObjectReader;

use backend::{Backend, ListPage};
use upload::Upload;

/// What a finished upload produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PutResult {
    /// The full key, location prefix included.
    pub key: String,
    pub size: u64,
    /// Without quotes; `None` for the local store.
    pub etag: Option<String>,
    /// 1 for a single PUT.
    pub parts: u32,
}

/// An entry of a delimited listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListEntry {
    Object(ObjectMeta),
    /// A common prefix, relative to the location prefix, ending in the delimiter (`backups/b1/`).
    Prefix(String),
}

/// A location in an object store, cheap to clone and share between tasks.
#[derive(Clone)]
pub struct ObjectStore {
    backend: Arc<dyn Backend>,
    prefix: String,
    options: Arc<TransferOptions>,
    cancel: CancellationToken,
}

impl std::fmt::Debug for ObjectStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ObjectStore")
            .field("location", &self.location())
            .field("prefix", &self.prefix)
            .finish()
    }
}

impl ObjectStore {
    pub fn new(config: StorageConfig) -> Result<Self> {
        Self::with_options(config, TransferOptions::default())
    }

    pub fn with_options(config: StorageConfig, options: TransferOptions) -> Result<Self> {
        options.validate().map_err(StorageError::Config)?;
        let options = Arc::new(options);
        let backend: Arc<dyn Backend> = match &config {
            StorageConfig::S3(c) => Arc::new(s3::S3Backend::new(c, options.clone())?),
            StorageConfig::Gcs(c) if c.token_source.is_some() => {
                Arc::new(gcs::GcsBackend::new(c, options.clone())?)
            }
            StorageConfig::Gcs(c) => Arc::new(s3::S3Backend::new_gcs(c, options.clone())?),
            StorageConfig::Azure(c) => Arc::new(azure::AzureBackend::new(c, options.clone())?),
            StorageConfig::Local(c) => Arc::new(local::LocalBackend::new(c)?),
        };
        Ok(Self {
            backend,
            prefix: config.prefix().to_string(),
            options,
            cancel: CancellationToken::new(),
        })
    }

    /// Uploads in progress stop and are aborted when `token` is cancelled (see [`crate::interrupt::cancellation`]).
    /// A request already on the wire is never abandoned (the server could store it after the
    /// caller's cleanup): a multipart upload waits for its parts in flight, then aborts; a
    /// single PUT in flight is answered first, and returns `Ok` when it was stored, so a caller
    /// that cancels must check its token and undo what it wrote.
    pub fn with_cancellation(mut self, token: CancellationToken) -> Self {
        self.cancel = token;
        self
    }

    /// `s3://bucket at http://host:port`, `azure://account/container`, `file:///dir`.
    pub fn location(&self) -> &str {
        self.backend.location()
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn options(&self) -> &TransferOptions {
        &self.options
    }

    /// The full key (location prefix included) of `key`.
    pub fn full_key(&self, key: &str) -> Result<String> {
        keys::object_key(&self.prefix, key)
    }

    fn upload(&self) -> Upload {
        Upload {
            options: self.options.clone(),
            cancel: self.cancel.clone(),
        }
    }

    /// Stream `reader` into `key`. `size_hint` (when known) lets very large objects pick a part size
    /// that fits S3's 10,000-part limit. Nothing is visible under `key` until the upload completed.
    pub async fn put(
        &self,
        key: &str,
        mut reader: impl AsyncRead + Send + Unpin,
        size_hint: Option<u64>,
    ) -> Result<PutResult> {
        let full = self.full_key(key)?;
        if self.cancel.is_cancelled() {
            return Err(self.cancelled("PUT", &full));
        }
        self.backend
            .put(&full, &mut reader, size_hint, &self.upload())
            .await
    }

    pub async fn put_bytes(&self, key: &str, data: impl Into<Bytes>) -> Result<PutResult> {
        let data: Bytes = data.into();
        let size = data.len() as u64;
        self.put(key, &data[..], Some(size)).await
    }

    /// Stream `key` from its first byte.
    pub async fn get(&self, key: &str) -> Result<ObjectReader> {
        let full = self.full_key(key)?;
        reader::open(self.backend.clone(), full, self.options.retry.clone()).await
    }

    /// Read a small object (metadata files, JSON) into memory.
    pub async fn get_bytes(&self, key: &str) -> Result<Bytes> {
        let mut reader = self.get(key).await?;
        let mut data = Vec::with_capacity(reader.meta().size.min(64 * MIB as u64) as usize);
        reader
            .read_to_end(&mut data)
            .await
            .map_err(|source| StorageError::Io {
                location: self.location().to_string(),
                operation: "GET",
                key: key.to_string(),
                source,
            })?;
        Ok(data.into())
    }

    /// The object's size and ETag, or `None` when it does not exist.
    pub async fn head(&self, key: &str) -> Result<Option<ObjectMeta>> {
        let full = self.full_key(key)?;
        let meta = self.backend.head(&full).await?;
        Ok(meta.map(|m| self.relative_meta(m)))
    }

    /// Every object whose key starts with `prefix` (relative keys), page by page, in key order.
    pub fn list(&self, prefix: &str) -> BoxStream<'static, Result<ObjectMeta>> {
        let store = self.clone();
        self.pages(prefix, None)
            .map_ok(move |page| {
                let items: Vec<Result<ObjectMeta>> = page
                    .objects
                    .into_iter()
                    .map(|m| Ok(store.relative_meta(m)))
                    .collect();
                stream::iter(items)
            })
            .try_flatten()
            .boxed()
    }

    /// Objects and common prefixes directly under `prefix`, grouped at `delimiter` (usually `/`):
    /// what Velero uses to enumerate `backups/<name>/`.
    pub fn list_delimited(
        &self,
        prefix: &str,
        delimiter: &str,
    ) -> BoxStream<'static, Result<ListEntry>> {
        let store = self.clone();
        self.pages(prefix, Some(delimiter.to_string()))
            .map_ok(move |page| {
                let mut entries: Vec<ListEntry> =
                    page.objects
                        .into_iter()
                        .map(|m| ListEntry::Object(store.relative_meta(m)))
                        .chain(page.prefixes.into_iter().map(|p| {
                            ListEntry::Prefix(keys::relative(&store.prefix, &p).to_string())
                        }))
                        .collect();
                entries.sort_by(|a, b| entry_key(a).cmp(entry_key(b)));
                stream::iter(entries.into_iter().map(Ok))
            })
            .try_flatten()
            .boxed()
    }

    fn pages(
        &self,
        prefix: &str,
        delimiter: Option<String>,
    ) -> BoxStream<'static, Result<ListPage>> {
        match keys::list_prefix(&self.prefix, prefix) {
            Ok(full) => raw_pages(self.backend.clone(), full, delimiter),
            Err(e) => stream::once(async { Err(e) }).boxed(),
        }
    }

    /// Delete one object; deleting a missing object succeeds.
    pub async fn delete(&self, key: &str) -> Result<()> {
        let full = self.full_key(key)?;
        self.backend.delete(&full).await
    }

    /// Delete every object matching `prefix` and return how many were deleted.
    /// [`PrefixMode::Kanister`] is `kando location delete` (`a/b` also deletes `a/bc`);
    /// [`PrefixMode::PathSafe`] deletes `a/b` and `a/b/…` only. An empty prefix means the whole location.
    pub async fn delete_prefix(&self, prefix: &str, mode: PrefixMode) -> Result<u64> {
        let (list_from, exact) = match mode {
            PrefixMode::Kanister => (keys::kanister_prefix(&self.prefix, prefix)?, None),
            PrefixMode::PathSafe if prefix.trim_matches('/').is_empty() => {
                (keys::list_prefix(&self.prefix, "")?, None)
            }
            PrefixMode::PathSafe => {
                let target = self.full_key(prefix)?;
                (format!("{target}/"), Some(target))
            }
        };
        let mut deleted = 0;
        // The exact key, if it exists, is the first one listed under its own name (a listing, not a
        // HEAD: some file-backed servers fail HEAD on a key that is also a "directory").
        if let Some(target) = exact
            && self
                .backend
                .list_page(&target, None, None)
                .await?
                .objects
                .first()
                .is_some_and(|m| m.key == target)
        {
            self.backend.delete(&target).await?;
            deleted += 1;
        }
        let mut pages = raw_pages(self.backend.clone(), list_from, None);
        while let Some(page) = pages.next().await {
            if self.cancel.is_cancelled() {
                return Err(StorageError::Cancelled {
                    location: self.location().to_string(),
                    operation: "DELETE",
                    key: prefix.to_string(),
                    cleanup: format!(" after deleting {deleted} objects"),
                });
            }
            let page_keys: Vec<String> = page?.objects.into_iter().map(|m| m.key).collect();
            if page_keys.is_empty() {
                continue;
            }
            self.backend.delete_many(&page_keys).await?;
            deleted += page_keys.len() as u64;
        }
        Ok(deleted)
    }

    /// Create the bucket (S3, GCS), container (Azure) or root directory (local) if it is missing.
    pub async fn create_bucket(&self) -> Result<()> {
        self.backend.create_bucket().await
    }

    /// Is the store reachable, does the bucket exist, are the credentials accepted?
    /// Lists at most one key under the location prefix.
    pub async fn check(&self) -> Result<()> {
        let prefix = keys::list_prefix(&self.prefix, "")?;
        self.backend.check(&prefix).await
    }

    fn relative_meta(&self, mut meta: ObjectMeta) -> ObjectMeta {
        meta.key = keys::relative(&self.prefix, &meta.key).to_string();
        meta
    }

    fn cancelled(&self, operation: &'static str, key: &str) -> StorageError {
        StorageError::cancelled(self.location(), operation, key)
    }
}

fn entry_key(entry: &ListEntry) -> &str {
    match entry {
        ListEntry::Object(m) => &m.key,
        ListEntry::Prefix(p) => p,
    }
}

/// Pages of a listing of full keys, following continuation tokens.
fn raw_pages(
    backend: Arc<dyn Backend>,
    prefix: String,
    delimiter: Option<String>,
) -> BoxStream<'static, Result<ListPage>> {
    stream::try_unfold(Some(None::<String>), move |state| {
        let backend = backend.clone();
        let prefix = prefix.clone();
        let delimiter = delimiter.clone();
        async move {
            let Some(token) = state else { return Ok(None) };
            let page = backend
                .list_page(&prefix, delimiter.as_deref(), token)
                .await?;
            let next = page.next.clone().map(Some);
            Ok(Some((page, next)))
        }
    })
    .boxed()
}
