//! What each backend implements. Keys here are full keys (location prefix included); the
//! `ObjectStore` front end joins and strips the prefix.

use std::pin::Pin;

use async_trait::async_trait;
use bytes::Bytes;
use futures::Stream;
use tokio::io::AsyncRead;

use super::error::Result;
use super::upload::Upload;

/// One object as listed or headed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectMeta {
    /// Relative to the location prefix when returned by `ObjectStore`.
    pub key: String,
    pub size: u64,
    /// Without quotes; multipart S3 ETags end in `-<parts>`.
    pub etag: Option<String>,
    /// As the server sent it (RFC 3339 in listings, RFC 1123 in headers).
    pub last_modified: Option<String>,
}

/// One page of a listing.
#[derive(Debug, Default)]
pub(crate) struct ListPage {
    pub objects: Vec<ObjectMeta>,
    /// Common prefixes (only with a delimiter), full keys ending in the delimiter.
    pub prefixes: Vec<String>,
    /// Continuation token / marker for the next page.
    pub next: Option<String>,
}

pub(crate) type ByteStream = Pin<Box<dyn Stream<Item = std::io::Result<Bytes>> + Send>>;

/// The body of an object being read, from `offset`.
pub(crate) enum Body {
    /// A remote body that may break; the store resumes it with a ranged request.
    Remote(ByteStream),
    /// A local reader that does not need resuming.
    Local(Pin<Box<dyn AsyncRead + Send>>),
}

#[async_trait]
pub(crate) trait Backend: Send + Sync + 'static {
    /// `s3://bucket`, `azure://account/container`, `file:///root`, for messages.
    fn location(&self) -> &str;

    /// Stream `reader` into `key`. `upload` carries the transfer options and the cancellation token.
    async fn put(
        &self,
        key: &str,
        reader: &mut (dyn AsyncRead + Send + Unpin),
        size_hint: Option<u64>,
        upload: &Upload,
    ) -> Result<super::PutResult>;

    /// Read `key` from byte `offset`; `if_match` pins the version (ETag) when resuming.
    async fn get(
        &self,
        key: &str,
        offset: u64,
        if_match: Option<&str>,
    ) -> Result<(ObjectMeta, Body)>;

    async fn head(&self, key: &str) -> Result<Option<ObjectMeta>>;

    async fn list_page(
        &self,
        prefix: &str,
        delimiter: Option<&str>,
        token: Option<String>,
    ) -> Result<ListPage>;

    /// Delete one key; a missing key is not an error.
    async fn delete(&self, key: &str) -> Result<()>;

    /// Delete up to 1,000 keys; the default sends one request per key.
    async fn delete_many(&self, keys: &[String]) -> Result<()> {
        for key in keys {
            self.delete(key).await?;
        }
        Ok(())
    }

    /// Create the bucket/container (or root directory); one that already exists and is ours is fine.
    async fn create_bucket(&self) -> Result<()>;

    /// Can we reach the store, is the bucket there, are the credentials accepted?
    /// Lists at most one key under `prefix`.
    async fn check(&self, prefix: &str) -> Result<()>;
}
