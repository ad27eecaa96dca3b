//! Google Cloud Storage through its JSON API with OAuth bearer tokens (a service-account key or
//! the metadata server): one media upload for small objects; for larger ones a parallel composite
//! upload ([`compose`]: parts in parallel, as S3 multipart), or with a concurrency of 1 a
//! resumable upload (chunks of the part size, a multiple of the 256 KiB GCS requires, no temporary
//! objects); nothing is visible under the key until the upload is complete. Ranged downloads are
//! pinned to the object's generation; listings are paged.
//!
//! The object's generation plays the ETag's part: it is what a resumed download must match.

use std::sync::Arc;

use async_trait::async_trait;
use bytes::Bytes;
use reqwest::{Method, Response, StatusCode};
use serde_json::Value;
use tokio::io::AsyncRead;
use tokio_util::sync::CancellationToken;
use url::Url;

use super::PutResult;
use super::auth::TokenProvider;
use super::backend::{Backend, Body, ListPage, ObjectMeta};
use super::config::{GcsConfig, TransferOptions};
use super::error::{Attempts, Result, StorageError, from_reqwest};
use super::http::{body_stream, client, header};
use super::retry::{Interrupt, retry, retry_with};
use super::upload::{FirstChunk, Target, Upload, read_chunk, read_first, upload_parts};

mod compose;

pub(crate) struct GcsBackend {
    inner: Arc<Inner>,
}

struct Inner {
    /// `https://storage.googleapis.com` or an emulator's address.
    base: Url,
    bucket: String,
    project_id: String,
    tokens: TokenProvider,
    client: reqwest::Client,
    endpoint: String,
    location: String,
    options: Arc<TransferOptions>,
}

impl GcsBackend {
    pub(crate) fn new(config: &GcsConfig, options: Arc<TransferOptions>) -> Result<Self> {
        let Some(source) = &config.token_source else {
            return Err(StorageError::Config(
                "internal: the GCS JSON API needs a token source".into(),
            ));
        };
        if config.bucket.is_empty() || config.bucket.contains('/') {
            return Err(StorageError::Config(format!(
                "bucket name {:?} must be non-empty and without '/'",
                config.bucket
            )));
        }
        let endpoint = config
            .endpoint
            .clone()
            .filter(|e| !e.is_empty())
            .unwrap_or_else(|| "https://storage.googleapis.com".into());
        let endpoint = endpoint.trim_end_matches('/').to_string();
        let base: Url = endpoint.parse().map_err(|e| {
            StorageError::Config(format!("endpoint {endpoint:?} is not a URL: {e}"))
        })?;
        let location = if endpoint == "https://storage.googleapis.com" {
            format!("gs://{}", config.bucket)
        } else {
            format!("gs://{} at {endpoint}", config.bucket)
        };
        Ok(Self {
            inner: Arc::new(Inner {
                base,
                bucket: config.bucket.clone(),
                project_id: config.project_id.clone(),
                tokens: TokenProvider::new(source.clone(), &config.tls)?,
                client: client(&config.tls, &options)?,
                endpoint,
                location,
                options,
            }),
        })
    }
}

impl Inner {
    /// `<base>/<segments…>`, each segment percent-encoded (an object name's `/` becomes `%2F`).
    fn url(&self, segments: &[&str], query: &[(&str, &str)]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        url
    }

    fn object_url(&self, key: &str, query: &[(&str, &str)]) -> Url {
        self.url(&["storage", "v1", "b", &self.bucket, "o", key], query)
    }

    async fn send(
        &self,
        method: Method,
        url: Url,
        headers: &[(&str, &str)],
        body: Option<Bytes>,
        operation: &'static str,
        key: &str,
    ) -> Result<Response> {
        let authorization = self.tokens.authorization().await?;
        let mut request = self
            .client
            .request(method, url)
            .header("authorization", authorization);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request.header("content-length", body.len()).body(body);
        } else {
            request = request.header("content-length", 0);
        }
        let response = request
            .send()
            .await
            .map_err(|e| from_reqwest(e, &self.endpoint, &self.location, operation, key))?;
        // 308 is how a resumable upload says "chunk stored, send the next".
        if response.status().is_success() || response.status().as_u16() == 308 {
            Ok(response)
        } else {
            Err(self.error_from(response, operation, key).await)
        }
    }

    async fn error_from(
        &self,
        response: Response,
        operation: &'static str,
        key: &str,
    ) -> StorageError {
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        let json: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        let error = json.get("error");
        let message = error
            .and_then(|e| e.get("message"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| {
                body.lines()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(200)
                    .collect()
            });
        let reason = error
            .and_then(|e| e.get("errors"))
            .and_then(|e| e.get(0))
            .and_then(|e| e.get("reason"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let code = if reason.is_empty() {
            status.as_u16().to_string()
        } else {
            reason
        };
        let location = self.location.clone();
        match status {
            StatusCode::UNAUTHORIZED => StorageError::Credentials {
                location,
                code,
                message: format!(
                    "{message}; the token of {} was refused",
                    self.tokens.source().describe()
                ),
            },
            StatusCode::FORBIDDEN => StorageError::AccessDenied {
                location,
                operation,
                key: key.to_string(),
                code,
                message,
            },
            StatusCode::NOT_FOUND
                if operation == "ListObjects"
                    || operation == "CreateResumableUpload"
                    || operation == "UploadPart"
                    || operation == "PUT" =>
            {
                StorageError::NoSuchBucket { location, code }
            }
            StatusCode::NOT_FOUND => StorageError::NotFound {
                location,
                key: key.to_string(),
            },
            _ => StorageError::Service {
                location,
                operation,
                key: key.to_string(),
                status: status.as_u16(),
                code,
                message,
                attempts: Attempts::default(),
            },
        }
    }

    #[allow(clippy::too_many_arguments)] // a private helper; a struct would only rename the same arguments
    async fn request(
        &self,
        method: Method,
        url: Url,
        headers: &[(&str, &str)],
        body: Option<Bytes>,
        operation: &'static str,
        key: &str,
        cancel: &CancellationToken,
    ) -> Result<Response> {
        let cancelled = || StorageError::cancelled(&self.location, operation, key);
        retry(&self.options.retry, cancel, cancelled, || {
            self.send(
                method.clone(),
                url.clone(),
                headers,
                body.clone(),
                operation,
                key,
            )
        })
        .await
    }

    async fn json(&self, response: Response, operation: &'static str, key: &str) -> Result<Value> {
        let text = response
            .text()
            .await
            .map_err(|e| from_reqwest(e, &self.endpoint, &self.location, operation, key))?;
        serde_json::from_str(&text).map_err(|_| StorageError::Protocol {
            location: self.location.clone(),
            operation,
            key: key.to_string(),
            detail: "the answer is not JSON".into(),
        })
    }

    fn meta(item: &Value) -> ObjectMeta {
        let text = |k: &str| item.get(k).and_then(Value::as_str).map(str::to_string);
        ObjectMeta {
            key: text("name").unwrap_or_default(),
            size: text("size").and_then(|s| s.parse().ok()).unwrap_or(0),
            etag: text("generation"),
            last_modified: text("updated"),
        }
    }

    fn put_result(&self, key: &str, answer: &Value, size: u64, parts: u32) -> PutResult {
        PutResult {
            key: key.to_string(),
            size,
            etag: Self::meta(answer).etag,
            parts,
        }
    }

    async fn put_single(
        &self,
        key: &str,
        body: Bytes,
        cancel: &CancellationToken,
    ) -> Result<PutResult> {
        let size = body.len() as u64;
        let url = self.url(
            &["upload", "storage", "v1", "b", &self.bucket, "o"],
            &[("uploadType", "media"), ("name", key)],
        );
        // As for S3: a request on the wire is never abandoned, cancelling stops further attempts.
        let cancelled = || StorageError::cancelled(&self.location, "PUT", key);
        let response = retry_with(
            &self.options.retry,
            cancel,
            cancelled,
            || {
                self.send(
                    Method::POST,
                    url.clone(),
                    &[("content-type", "application/octet-stream")],
                    Some(body.clone()),
                    "PUT",
                    key,
                )
            },
            Interrupt::BetweenAttempts,
        )
        .await?;
        let answer = self.json(response, "PUT", key).await?;
        Ok(self.put_result(key, &answer, size, 1))
    }

    /// Start a resumable upload; its session URI carries the upload ID.
    async fn create_resumable(&self, key: &str, cancel: &CancellationToken) -> Result<Url> {
        let url = self.url(
            &["upload", "storage", "v1", "b", &self.bucket, "o"],
            &[("uploadType", "resumable"), ("name", key)],
        );
        let response = self
            .request(
                Method::POST,
                url,
                &[("x-upload-content-type", "application/octet-stream")],
                None,
                "CreateResumableUpload",
                key,
                cancel,
            )
            .await?;
        let session = header(&response, "location").ok_or_else(|| StorageError::Protocol {
            location: self.location.clone(),
            operation: "CreateResumableUpload",
            key: key.to_string(),
            detail: "no session URI (Location header) in the answer".into(),
        })?;
        session.parse().map_err(|_| StorageError::Protocol {
            location: self.location.clone(),
            operation: "CreateResumableUpload",
            key: key.to_string(),
            detail: "the session URI is not a URL".into(),
        })
    }

    /// Send one chunk at `offset`; `total` is set on the last one, which commits the object.
    async fn put_chunk(
        &self,
        session: &Url,
        key: &str,
        offset: u64,
        chunk: Bytes,
        total: Option<u64>,
    ) -> Result<Response> {
        let end = offset + chunk.len() as u64;
        let range = match (total, chunk.is_empty()) {
            (Some(total), true) => format!("bytes */{total}"),
            (Some(total), false) => format!("bytes {offset}-{}/{total}", end - 1),
            (None, _) => format!("bytes {offset}-{}/*", end - 1),
        };
        let never = CancellationToken::new();
        // Chunks are retried whole: GCS keeps what it already stored of a re-sent range.
        self.request(
            Method::PUT,
            session.clone(),
            &[("content-range", &range)],
            Some(chunk),
            "UploadChunk",
            key,
            &never,
        )
        .await
    }

    /// Cancel a resumable upload: GCS throws its chunks away (it answers 499).
    async fn cancel_resumable(&self, session: &Url, key: &str) {
        let _ = self
            .send(
                Method::DELETE,
                session.clone(),
                &[],
                None,
                "CancelUpload",
                key,
            )
            .await;
    }

    async fn put_resumable(
        &self,
        key: &str,
        first: Bytes,
        reader: &mut (dyn AsyncRead + Send + Unpin),
        upload: &Upload,
    ) -> Result<PutResult> {
        let session = self.create_resumable(key, &upload.cancel).await?;
        let outcome = self.send_chunks(&session, key, first, reader, upload).await;
        if outcome.is_err() {
            self.cancel_resumable(&session, key).await;
        }
        outcome
    }

    async fn send_chunks(
        &self,
        session: &Url,
        key: &str,
        first: Bytes,
        reader: &mut (dyn AsyncRead + Send + Unpin),
        upload: &Upload,
    ) -> Result<PutResult> {
        let chunk_size = upload.options.part_size;
        let mut offset = 0u64;
        let mut current = first;
        let mut chunks = 0u32;
        loop {
            if upload.cancel.is_cancelled() {
                return Err(StorageError::Cancelled {
                    location: self.location.clone(),
                    operation: "PUT",
                    key: key.to_string(),
                    cleanup: "; the resumable upload was cancelled, nothing was stored".into(),
                });
            }
            // Whether this chunk is the last is known only once the next one is read.
            let next = read_chunk(reader, chunk_size, chunk_size)
                .await
                .map_err(|source| StorageError::Io {
                    location: self.location.clone(),
                    operation: "read the source of",
                    key: key.to_string(),
                    source,
                })?;
            let last = next.is_empty();
            let total = last.then_some(offset + current.len() as u64);
            // Chunks other than the last must be multiples of 256 KiB.
            let len = current.len();
            let aligned = if last { len } else { len - len % (256 * 1024) };
            let (send, carry) = (current.slice(..aligned), current.slice(aligned..));
            let response = self.put_chunk(session, key, offset, send, total).await?;
            chunks += 1;
            offset += aligned as u64;
            if last {
                let size = offset;
                let answer = self.json(response, "UploadChunk", key).await?;
                return Ok(self.put_result(key, &answer, size, chunks));
            }
            current = if carry.is_empty() {
                next
            } else {
                let mut joined = bytes::BytesMut::with_capacity(carry.len() + next.len());
                joined.extend_from_slice(&carry);
                joined.extend_from_slice(&next);
                joined.freeze()
            };
        }
    }
}

#[async_trait]
impl Backend for GcsBackend {
    fn location(&self) -> &str {
        &self.inner.location
    }

    async fn put(
        &self,
        key: &str,
        reader: &mut (dyn AsyncRead + Send + Unpin),
        size_hint: Option<u64>,
        upload: &Upload,
    ) -> Result<PutResult> {
        let inner = &self.inner;
        let target = Target {
            location: &inner.location,
            key,
        };
        match read_first(reader, size_hint, &upload.options, &target).await? {
            FirstChunk::Whole(body) => inner.put_single(key, body, &upload.cancel).await,
            FirstChunk::FirstPart(first) if upload.options.concurrency <= 1 => {
                inner.put_resumable(key, first, reader, upload).await
            }
            FirstChunk::FirstPart(first) => {
                let sink = Arc::new(compose::CompositeUpload::new(inner.clone(), key));
                upload_parts(sink, first, reader, size_hint, upload, target).await
            }
        }
    }

    async fn get(
        &self,
        key: &str,
        offset: u64,
        if_match: Option<&str>,
    ) -> Result<(ObjectMeta, Body)> {
        let inner = &self.inner;
        let mut query = vec![("alt", "media")];
        if let Some(generation) = if_match {
            query.push(("ifGenerationMatch", generation));
        }
        let url = inner.object_url(key, &query);
        let range = format!("bytes={offset}-");
        let mut headers: Vec<(&str, &str)> = Vec::new();
        if offset > 0 {
            headers.push(("range", &range));
        }
        let never = CancellationToken::new();
        let response = inner
            .request(Method::GET, url, &headers, None, "GET", key, &never)
            .await?;
        let length: u64 = header(&response, "content-length")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let meta = ObjectMeta {
            key: key.to_string(),
            size: offset + length,
            etag: header(&response, "x-goog-generation"),
            last_modified: header(&response, "last-modified"),
        };
        Ok((meta, Body::Remote(body_stream(response))))
    }

    async fn head(&self, key: &str) -> Result<Option<ObjectMeta>> {
        let inner = &self.inner;
        let never = CancellationToken::new();
        match inner
            .request(
                Method::GET,
                inner.object_url(key, &[]),
                &[],
                None,
                "HEAD",
                key,
                &never,
            )
            .await
        {
            Ok(response) => {
                let answer = inner.json(response, "HEAD", key).await?;
                Ok(Some(Inner::meta(&answer)))
            }
            Err(StorageError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn list_page(
        &self,
        prefix: &str,
        delimiter: Option<&str>,
        token: Option<String>,
    ) -> Result<ListPage> {
        let inner = &self.inner;
        let mut query = vec![("maxResults", "1000")];
        if !prefix.is_empty() {
            query.push(("prefix", prefix));
        }
        if let Some(delimiter) = delimiter {
            query.push(("delimiter", delimiter));
        }
        if let Some(token) = &token {
            query.push(("pageToken", token));
        }
        let url = inner.url(&["storage", "v1", "b", &inner.bucket, "o"], &query);
        let never = CancellationToken::new();
        let response = inner
            .request(Method::GET, url, &[], None, "ListObjects", prefix, &never)
            .await?;
        let answer = inner.json(response, "ListObjects", prefix).await?;
        let strings = |k: &str| -> Vec<String> {
            answer
                .get(k)
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default()
        };
        Ok(ListPage {
            objects: answer
                .get("items")
                .and_then(Value::as_array)
                .map(|items| items.iter().map(Inner::meta).collect())
                .unwrap_or_default(),
            prefixes: strings("prefixes"),
            next: answer
                .get("nextPageToken")
                .and_then(Value::as_str)
                .filter(|t| !t.is_empty())
                .map(str::to_string),
        })
    }

    async fn delete(&self, key: &str) -> Result<()> {
        let inner = &self.inner;
        let never = CancellationToken::new();
        match inner
            .request(
                Method::DELETE,
                inner.object_url(key, &[]),
                &[],
                None,
                "DELETE",
                key,
                &never,
            )
            .await
        {
            Ok(_) | Err(StorageError::NotFound { .. }) => Ok(()),
            Err(e) => Err(e),
        }
    }

    async fn create_bucket(&self) -> Result<()> {
        let inner = &self.inner;
        if inner.project_id.is_empty() {
            return Err(StorageError::Config(
                "creating a GCS bucket needs the project ID (gcp_project_id)".into(),
            ));
        }
        let url = inner.url(&["storage", "v1", "b"], &[("project", &inner.project_id)]);
        let body = Bytes::from(serde_json::json!({"name": inner.bucket}).to_string());
        let never = CancellationToken::new();
        match inner
            .request(
                Method::POST,
                url,
                &[("content-type", "application/json")],
                Some(body),
                "CreateBucket",
                &inner.bucket,
                &never,
            )
            .await
        {
            Ok(_) => Ok(()),
            Err(StorageError::Service { status: 409, .. }) => Ok(()),
            Err(e) => Err(e),
        }
    }

    async fn check(&self, prefix: &str) -> Result<()> {
        let inner = &self.inner;
        let mut query = vec![("maxResults", "1")];
        if !prefix.is_empty() {
            query.push(("prefix", prefix));
        }
        let url = inner.url(&["storage", "v1", "b", &inner.bucket, "o"], &query);
        let never = CancellationToken::new();
        inner
            .request(Method::GET, url, &[], None, "ListObjects", prefix, &never)
            .await
            .map(|_| ())
    }
}
