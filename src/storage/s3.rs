//! S3-compatible backend (AWS, MinIO, Ceph, s3s-fs, moto, and GCS through its XML API): requests
//! presigned by rusty-s3 and sent with reqwest. Payloads are not hashed
//! (`x-amz-content-sha256: UNSIGNED-PAYLOAD`), so a part streams straight from its buffer.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use async_trait::async_trait;
use bytes::Bytes;
use reqwest::{Method, Response, StatusCode};
use rusty_s3::actions::{ListObjectsV2, ObjectIdentifier};
use rusty_s3::{Bucket, Credentials, S3Action, UrlStyle};
use tokio::io::AsyncRead;
use tokio_util::sync::CancellationToken;
use url::Url;

use super::PutResult;
use super::auth::aws::{AwsKeys, AwsProvider};
use super::backend::{Backend, Body, ListPage, ObjectMeta};
use super::config::{GcsConfig, S3Config, TransferOptions};
use super::error::{Attempts, Result, StorageError, from_reqwest};
use super::http::{body_stream, client, header, object_meta, unquote, xml_text};
use super::retry::{Interrupt, retry, retry_with};
use super::upload::{FirstChunk, PartSink, Target, Upload, read_first, upload_parts};

const SIGNATURE_LIFETIME: Duration = Duration::from_secs(3600);
const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

pub(crate) struct S3Backend {
    inner: Arc<Inner>,
}

struct Inner {
    bucket: Bucket,
    /// The keys requests are signed with now; replaced by `refresh_credentials` when `provider`
    /// fetched new ones.
    credentials: RwLock<Option<Credentials>>,
    /// Temporary credentials (STS, web identity, container, instance metadata), refreshed before
    /// they expire; `None` for static keys.
    provider: Option<Arc<AwsProvider>>,
    client: reqwest::Client,
    /// Endpoint without credentials, for messages.
    endpoint: String,
    location: String,
    /// GCS's XML API has no multi-object delete.
    batch_delete: bool,
    options: Arc<TransferOptions>,
}

impl S3Backend {
    pub(crate) fn new(config: &S3Config, options: Arc<TransferOptions>) -> Result<Self> {
        let endpoint = match &config.endpoint {
            Some(endpoint) if !endpoint.is_empty() => endpoint.clone(),
            _ => {
                let region = if config.region.is_empty() {
                    "us-east-1"
                } else {
                    &config.region
                };
                format!("https://s3.{region}.amazonaws.com")
            }
        };
        let region = if config.region.is_empty() {
            "us-east-1".to_string()
        } else {
            config.region.clone()
        };
        if let Some(source) = &config.credential_source {
            let provider = Arc::new(AwsProvider::new(source.clone(), &config.tls)?);
            let style = if config.path_style {
                UrlStyle::Path
            } else {
                UrlStyle::VirtualHost
            };
            let mut backend = Self::build(
                &endpoint,
                style,
                &config.bucket,
                region,
                None,
                &config.tls,
                true,
                options,
            )?;
            Arc::get_mut(&mut backend.inner)
                .expect("just built")
                .provider = Some(provider);
            return Ok(backend);
        }
        let credentials = match (&config.access_key_id, &config.session_token) {
            (id, _) if id.is_empty() => None,
            (id, Some(token)) if !token.is_empty() => Some(Credentials::new_with_token(
                id,
                config.secret_access_key.expose(),
                token.expose(),
            )),
            (id, _) => Some(Credentials::new(id, config.secret_access_key.expose())),
        };
        let style = if config.path_style {
            UrlStyle::Path
        } else {
            UrlStyle::VirtualHost
        };
        Self::build(
            &endpoint,
            style,
            &config.bucket,
            region,
            credentials,
            &config.tls,
            true,
            options,
        )
    }

    pub(crate) fn new_gcs(config: &GcsConfig, options: Arc<TransferOptions>) -> Result<Self> {
        let endpoint = config.endpoint.clone().filter(|e| !e.is_empty());
        let endpoint = endpoint.unwrap_or_else(|| "https://storage.googleapis.com".to_string());
        let credentials = (!config.hmac_access_id.is_empty())
            .then(|| Credentials::new(&config.hmac_access_id, config.hmac_secret.expose()));
        Self::build(
            &endpoint,
            UrlStyle::Path,
            &config.bucket,
            "auto".into(),
            credentials,
            &config.tls,
            false,
            options,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        endpoint: &str,
        style: UrlStyle,
        bucket: &str,
        region: String,
        credentials: Option<Credentials>,
        tls: &super::config::TlsOptions,
        batch_delete: bool,
        options: Arc<TransferOptions>,
    ) -> Result<Self> {
        if bucket.is_empty() {
            return Err(StorageError::Config("no bucket given".into()));
        }
        if bucket.contains('/') {
            return Err(StorageError::Config(format!(
                "bucket name {bucket:?} must not contain '/'"
            )));
        }
        let url: Url = endpoint.parse().map_err(|e| {
            StorageError::Config(format!("endpoint {endpoint:?} is not a URL: {e}"))
        })?;
        let bucket_handle = Bucket::new(url.clone(), style, bucket.to_string(), region).map_err(|e| {
            StorageError::Config(format!("cannot address bucket {bucket:?} at {endpoint}: {e:?} (try path-style addressing)"))
        })?;
        let mut shown = url.clone();
        let _ = shown.set_username("");
        let _ = shown.set_password(None);
        let shown = shown.as_str().trim_end_matches('/').to_string();
        let is_aws = shown.ends_with(".amazonaws.com");
        let location = if is_aws {
            format!("s3://{bucket}")
        } else {
            format!("s3://{bucket} at {shown}")
        };
        Ok(Self {
            inner: Arc::new(Inner {
                bucket: bucket_handle,
                credentials: RwLock::new(credentials),
                provider: None,
                client: client(tls, &options)?,
                endpoint: shown,
                location,
                batch_delete,
                options,
            }),
        })
    }
}

/// Sign `action` with the unsigned-payload header (s3s-fs requires it on every request).
fn sign<'a>(mut action: impl S3Action<'a>) -> Url {
    action
        .headers_mut()
        .insert("x-amz-content-sha256", UNSIGNED_PAYLOAD);
    action.sign(SIGNATURE_LIFETIME)
}

impl Inner {
    fn credentials(&self) -> Option<Credentials> {
        self.credentials
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Fetch new temporary credentials when the current ones are about to expire (a no-op for
    /// static keys), so a long upload keeps signing with valid keys.
    async fn refresh_credentials(&self) -> Result<()> {
        let Some(provider) = &self.provider else {
            return Ok(());
        };
        let keys: AwsKeys = provider.keys().await?;
        let fresh = match &keys.session_token {
            Some(token) => Credentials::new_with_token(
                keys.access_key_id,
                keys.secret_access_key.expose(),
                token.expose(),
            ),
            None => Credentials::new(keys.access_key_id, keys.secret_access_key.expose()),
        };
        let mut current = self.credentials.write().unwrap_or_else(|e| e.into_inner());
        if current.as_ref() != Some(&fresh) {
            *current = Some(fresh);
        }
        Ok(())
    }

    fn never_cancelled(&self) -> (CancellationToken, impl Fn() -> StorageError + '_) {
        (CancellationToken::new(), || {
            StorageError::Config("internal: uncancellable request cancelled".into())
        })
    }

    /// Send one request; non-2xx answers become errors (`NotFound` for 404 NoSuchKey).
    async fn send(
        &self,
        method: Method,
        url: Url,
        headers: &[(&str, &str)],
        body: Option<Bytes>,
        operation: &'static str,
        key: &str,
    ) -> Result<Response> {
        let mut request = self
            .client
            .request(method, url)
            .header("x-amz-content-sha256", UNSIGNED_PAYLOAD);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request.header("content-length", body.len()).body(body);
        }
        let response = request
            .send()
            .await
            .map_err(|e| from_reqwest(e, &self.endpoint, &self.location, operation, key))?;
        if response.status().is_success() {
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
        let code = xml_text(&body, "Code").unwrap_or_else(|| status_code_name(status));
        let message = xml_text(&body, "Message").unwrap_or_else(|| {
            if body.is_empty() && status == StatusCode::FORBIDDEN {
                // HEAD answers carry no body: S3 cannot say whether the key or the permission is wrong.
                "no reason given; wrong credentials or a missing permission".to_string()
            } else {
                status.canonical_reason().unwrap_or("").to_string()
            }
        });
        classify(&self.location, status, code, message, operation, key)
    }

    #[allow(clippy::too_many_arguments)] // a private helper; a struct would only rename the same arguments
    async fn request(
        &self,
        method: Method,
        url: impl Fn() -> Url,
        headers: &[(&str, &str)],
        body: Option<Bytes>,
        operation: &'static str,
        key: &str,
        cancel: &CancellationToken,
    ) -> Result<Response> {
        let cancelled = || StorageError::cancelled(&self.location, operation, key);
        retry(&self.options.retry, cancel, cancelled, || async {
            self.refresh_credentials().await?;
            self.send(method.clone(), url(), headers, body.clone(), operation, key)
                .await
        })
        .await
    }

    async fn put_single(
        &self,
        key: &str,
        body: Bytes,
        cancel: &CancellationToken,
    ) -> Result<PutResult> {
        let size = body.len() as u64;
        // A PUT on the wire is never abandoned: the server may still store it after we stop
        // listening, later than a cleanup's DELETE. Cancelling stops further attempts only.
        let cancelled = || StorageError::cancelled(&self.location, "PUT", key);
        let response = retry_with(
            &self.options.retry,
            cancel,
            cancelled,
            || async {
                self.refresh_credentials().await?;
                self.send(
                    Method::PUT,
                    sign(self.bucket.put_object(self.credentials().as_ref(), key)),
                    &[],
                    Some(body.clone()),
                    "PUT",
                    key,
                )
                .await
            },
            Interrupt::BetweenAttempts,
        )
        .await?;
        Ok(PutResult {
            key: key.to_string(),
            size,
            etag: header(&response, "etag").map(|e| unquote(&e)),
            parts: 1,
        })
    }

    async fn create_multipart(&self, key: &str, cancel: &CancellationToken) -> Result<String> {
        let response = self
            .request(
                Method::POST,
                || {
                    sign(
                        self.bucket
                            .create_multipart_upload(self.credentials().as_ref(), key),
                    )
                },
                &[],
                None,
                "CreateMultipartUpload",
                key,
                cancel,
            )
            .await?;
        let text = self.text(response, "CreateMultipartUpload", key).await?;
        xml_text(&text, "UploadId")
            .filter(|id| !id.is_empty())
            .ok_or_else(|| StorageError::Protocol {
                location: self.location.clone(),
                operation: "CreateMultipartUpload",
                key: key.to_string(),
                detail: "no UploadId in the answer".into(),
            })
    }

    async fn text(&self, response: Response, operation: &'static str, key: &str) -> Result<String> {
        response
            .text()
            .await
            .map_err(|e| from_reqwest(e, &self.endpoint, &self.location, operation, key))
    }
}

fn status_code_name(status: StatusCode) -> String {
    match status {
        StatusCode::NOT_FOUND => "NotFound".into(),
        StatusCode::FORBIDDEN => "Forbidden".into(),
        StatusCode::UNAUTHORIZED => "Unauthorized".into(),
        other => other.as_u16().to_string(),
    }
}

/// Map an S3 error code to the error a person can act on.
fn classify(
    location: &str,
    status: StatusCode,
    code: String,
    message: String,
    operation: &'static str,
    key: &str,
) -> StorageError {
    match code.as_str() {
        "NoSuchKey" => StorageError::NotFound {
            location: location.to_string(),
            key: key.to_string(),
        },
        "NoSuchBucket" => StorageError::NoSuchBucket {
            location: location.to_string(),
            code,
        },
        "SignatureDoesNotMatch"
        | "InvalidAccessKeyId"
        | "InvalidToken"
        | "ExpiredToken"
        | "InvalidSecurity"
        | "AuthorizationHeaderMalformed"
        | "InvalidClientTokenId" => StorageError::Credentials {
            location: location.to_string(),
            code,
            message,
        },
        _ if status == StatusCode::FORBIDDEN || status == StatusCode::UNAUTHORIZED => {
            StorageError::AccessDenied {
                location: location.to_string(),
                operation,
                key: key.to_string(),
                code,
                message,
            }
        }
        _ if status == StatusCode::NOT_FOUND && operation == "GET" => StorageError::NotFound {
            location: location.to_string(),
            key: key.to_string(),
        },
        _ => StorageError::Service {
            location: location.to_string(),
            operation,
            key: key.to_string(),
            status: status.as_u16(),
            code,
            message,
            attempts: Attempts::default(),
        },
    }
}

struct Multipart {
    inner: Arc<Inner>,
    key: String,
    upload_id: String,
}

#[async_trait]
impl PartSink for Multipart {
    async fn upload_part(&self, number: u32, body: Bytes) -> Result<String> {
        let inner = &self.inner;
        let number =
            u16::try_from(number).map_err(|_| StorageError::Config("too many parts".into()))?;
        inner.refresh_credentials().await?;
        let url = sign(inner.bucket.upload_part(
            inner.credentials().as_ref(),
            &self.key,
            number,
            &self.upload_id,
        ));
        let response = inner
            .send(Method::PUT, url, &[], Some(body), "UploadPart", &self.key)
            .await?;
        header(&response, "etag").ok_or_else(|| StorageError::Protocol {
            location: inner.location.clone(),
            operation: "UploadPart",
            key: self.key.clone(),
            detail: format!("part {number} was stored without an ETag"),
        })
    }

    async fn complete(&self, parts: Vec<String>, size: u64) -> Result<PutResult> {
        let inner = &self.inner;
        inner.refresh_credentials().await?;
        let credentials = inner.credentials();
        let action = inner.bucket.complete_multipart_upload(
            credentials.as_ref(),
            &self.key,
            &self.upload_id,
            parts.iter().map(String::as_str),
        );
        let url = sign(action.clone());
        let body = Bytes::from(action.body());
        let (token, cancelled) = inner.never_cancelled();
        // Retried as a whole: S3 treats a repeated complete of the same parts as idempotent.
        let text = retry(&inner.options.retry, &token, cancelled, || async {
            let response = inner
                .send(
                    Method::POST,
                    url.clone(),
                    &[],
                    Some(body.clone()),
                    "CompleteMultipartUpload",
                    &self.key,
                )
                .await?;
            let text = inner
                .text(response, "CompleteMultipartUpload", &self.key)
                .await?;
            // S3 may answer 200 and put the failure in the body.
            if text.contains("<Error>") {
                let code = xml_text(&text, "Code").unwrap_or_default();
                let message = xml_text(&text, "Message").unwrap_or_default();
                return Err(classify(
                    &inner.location,
                    StatusCode::INTERNAL_SERVER_ERROR,
                    code,
                    message,
                    "CompleteMultipartUpload",
                    &self.key,
                ));
            }
            Ok(text)
        })
        .await?;
        Ok(PutResult {
            key: self.key.clone(),
            size,
            etag: xml_text(&text, "ETag").map(|e| unquote(&e)),
            parts: parts.len() as u32,
        })
    }

    async fn abort(&self) -> Result<()> {
        let inner = &self.inner;
        inner.refresh_credentials().await?;
        let url = sign(inner.bucket.abort_multipart_upload(
            inner.credentials().as_ref(),
            &self.key,
            &self.upload_id,
        ));
        match inner
            .send(
                Method::DELETE,
                url,
                &[],
                None,
                "AbortMultipartUpload",
                &self.key,
            )
            .await
        {
            Ok(_) => Ok(()),
            Err(StorageError::Service { status: 404, .. }) | Err(StorageError::NotFound { .. }) => {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}

#[async_trait]
impl Backend for S3Backend {
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
        let first = match read_first(reader, size_hint, &upload.options, &target).await? {
            FirstChunk::Whole(body) => return inner.put_single(key, body, &upload.cancel).await,
            FirstChunk::FirstPart(first) => first,
        };
        let upload_id = inner.create_multipart(key, &upload.cancel).await?;
        let sink = Arc::new(Multipart {
            inner: inner.clone(),
            key: key.to_string(),
            upload_id,
        });
        upload_parts(sink, first, reader, size_hint, upload, target).await
    }

    async fn get(
        &self,
        key: &str,
        offset: u64,
        if_match: Option<&str>,
    ) -> Result<(ObjectMeta, Body)> {
        let inner = &self.inner;
        let range = format!("bytes={offset}-");
        let mut headers: Vec<(&str, &str)> = Vec::new();
        if offset > 0 {
            headers.push(("range", &range));
        }
        if let Some(etag) = if_match {
            headers.push(("if-match", etag));
        }
        let never = CancellationToken::new();
        let response = inner
            .request(
                Method::GET,
                || sign(inner.bucket.get_object(inner.credentials().as_ref(), key)),
                &headers,
                None,
                "GET",
                key,
                &never,
            )
            .await?;
        let meta = object_meta(key, &response, offset);
        Ok((meta, Body::Remote(body_stream(response))))
    }

    async fn head(&self, key: &str) -> Result<Option<ObjectMeta>> {
        let inner = &self.inner;
        let never = CancellationToken::new();
        let result = inner
            .request(
                Method::HEAD,
                || sign(inner.bucket.head_object(inner.credentials().as_ref(), key)),
                &[],
                None,
                "HEAD",
                key,
                &never,
            )
            .await;
        let response = match result {
            Ok(response) => response,
            Err(StorageError::NotFound { .. }) | Err(StorageError::Service { status: 404, .. }) => {
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        Ok(Some(object_meta(key, &response, 0)))
    }

    async fn list_page(
        &self,
        prefix: &str,
        delimiter: Option<&str>,
        token: Option<String>,
    ) -> Result<ListPage> {
        let inner = &self.inner;
        let url = || {
            let credentials = inner.credentials();
            let mut action = inner.bucket.list_objects_v2(credentials.as_ref());
            if !prefix.is_empty() {
                action.with_prefix(prefix);
            }
            if let Some(delimiter) = delimiter {
                action.with_delimiter(delimiter);
            }
            if let Some(token) = &token {
                action.with_continuation_token(token.as_str());
            }
            action.with_max_keys(1000);
            sign(action)
        };
        let never = CancellationToken::new();
        let response = inner
            .request(Method::GET, url, &[], None, "ListObjectsV2", prefix, &never)
            .await?;
        let text = inner.text(response, "ListObjectsV2", prefix).await?;
        let parsed = ListObjectsV2::parse_response(&text).map_err(|e| StorageError::Protocol {
            location: inner.location.clone(),
            operation: "ListObjectsV2",
            key: prefix.to_string(),
            detail: format!("cannot parse the listing: {e}"),
        })?;
        Ok(ListPage {
            objects: parsed
                .contents
                .into_iter()
                .map(|c| ObjectMeta {
                    key: c.key,
                    size: c.size.unwrap_or(0),
                    etag: c.etag.map(|e| unquote(&e)),
                    last_modified: c.last_modified,
                })
                .collect(),
            prefixes: parsed
                .common_prefixes
                .into_iter()
                .map(|p| p.prefix)
                .collect(),
            next: parsed.next_continuation_token,
        })
    }

    async fn delete(&self, key: &str) -> Result<()> {
        let inner = &self.inner;
        let never = CancellationToken::new();
        let result = inner
            .request(
                Method::DELETE,
                || {
                    sign(
                        inner
                            .bucket
                            .delete_object(inner.credentials().as_ref(), key),
                    )
                },
                &[],
                None,
                "DELETE",
                key,
                &never,
            )
            .await;
        match result {
            Ok(_)
            | Err(StorageError::NotFound { .. })
            | Err(StorageError::Service { status: 404, .. }) => Ok(()),
            Err(e) => Err(e),
        }
    }

    async fn delete_many(&self, keys: &[String]) -> Result<()> {
        let inner = &self.inner;
        if !inner.batch_delete || keys.len() == 1 {
            for key in keys {
                self.delete(key).await?;
            }
            return Ok(());
        }
        let objects: Vec<ObjectIdentifier> = keys
            .iter()
            .map(|k| ObjectIdentifier::new(k.clone()))
            .collect();
        inner.refresh_credentials().await?;
        let credentials = inner.credentials();
        let mut action = inner
            .bucket
            .delete_objects(credentials.as_ref(), objects.iter());
        action.set_quiet(true);
        let url = sign(action.clone());
        let (body, md5) = action.body_with_md5();
        let body = Bytes::from(body);
        let never = CancellationToken::new();
        let first = keys.first().map(String::as_str).unwrap_or("");
        let response = inner
            .request(
                Method::POST,
                || url.clone(),
                &[("content-md5", &md5)],
                Some(body),
                "DeleteObjects",
                first,
                &never,
            )
            .await?;
        let text = inner.text(response, "DeleteObjects", first).await?;
        if let Ok(parsed) = rusty_s3::actions::DeleteObjectsResponse::parse(&text)
            && let Some(failed) = parsed.errors.into_iter().next()
        {
            return Err(classify(
                &inner.location,
                StatusCode::INTERNAL_SERVER_ERROR,
                failed.code,
                failed.message,
                "DeleteObjects",
                &failed.key,
            ));
        }
        Ok(())
    }

    async fn create_bucket(&self) -> Result<()> {
        let inner = &self.inner;
        inner.refresh_credentials().await?;
        let credentials = inner.credentials();
        let (url, body) = match credentials.as_ref() {
            Some(credentials) => {
                let action = inner.bucket.create_bucket(credentials);
                let body = action.body();
                (sign(action), body)
            }
            None => (inner.bucket.base_url().clone(), String::new()),
        };
        let never = CancellationToken::new();
        let body = (!body.is_empty()).then(|| Bytes::from(body));
        let name = inner.bucket.name().to_string();
        match inner
            .request(
                Method::PUT,
                || url.clone(),
                &[],
                body,
                "CreateBucket",
                &name,
                &never,
            )
            .await
        {
            Ok(_) => Ok(()),
            Err(StorageError::Service { code, .. }) if code == "BucketAlreadyOwnedByYou" => Ok(()),
            Err(e) => Err(e),
        }
    }

    async fn check(&self, prefix: &str) -> Result<()> {
        let inner = &self.inner;
        let url = || {
            let credentials = inner.credentials();
            let mut action = inner.bucket.list_objects_v2(credentials.as_ref());
            if !prefix.is_empty() {
                action.with_prefix(prefix);
            }
            action.with_max_keys(1);
            sign(action)
        };
        let never = CancellationToken::new();
        inner
            .request(Method::GET, url, &[], None, "ListObjectsV2", prefix, &never)
            .await
            .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_secret_and_missing_bucket_are_named() {
        let e = classify(
            "s3://b",
            StatusCode::FORBIDDEN,
            "SignatureDoesNotMatch".into(),
            "x".into(),
            "PUT",
            "k",
        );
        assert!(e.to_string().contains("credentials rejected"), "{e}");
        let e = classify(
            "s3://b",
            StatusCode::NOT_FOUND,
            "NoSuchBucket".into(),
            "x".into(),
            "PUT",
            "k",
        );
        assert!(e.to_string().contains("does not exist"), "{e}");
        let e = classify(
            "s3://b",
            StatusCode::NOT_FOUND,
            "NoSuchKey".into(),
            "x".into(),
            "GET",
            "k",
        );
        assert!(e.is_not_found());
    }

    #[test]
    fn location_hides_endpoint_credentials() {
        let config = S3Config {
            endpoint: Some("http://user:pass@127.0.0.1:9000".into()),
            bucket: "b".into(),
            path_style: true,
            ..Default::default()
        };
        let backend = S3Backend::new(&config, Arc::new(TransferOptions::default())).unwrap();
        assert_eq!(backend.location(), "s3://b at http://127.0.0.1:9000");
    }

    #[test]
    fn virtual_host_and_path_style_urls() {
        let options = Arc::new(TransferOptions::default());
        let mut config = S3Config {
            endpoint: Some("http://localhost:9000".into()),
            bucket: "b".into(),
            ..Default::default()
        };
        let backend = S3Backend::new(&config, options.clone()).unwrap();
        assert_eq!(
            backend.inner.bucket.object_url("a b/c").as_str(),
            "http://b.localhost:9000/a%20b/c"
        );
        config.path_style = true;
        let backend = S3Backend::new(&config, options.clone()).unwrap();
        assert_eq!(
            backend.inner.bucket.object_url("k").as_str(),
            "http://localhost:9000/b/k"
        );
        // AWS by region, virtual-hosted.
        let aws = S3Config {
            region: "eu-west-1".into(),
            bucket: "b".into(),
            ..Default::default()
        };
        let backend = S3Backend::new(&aws, options.clone()).unwrap();
        assert_eq!(
            backend.inner.bucket.object_url("k").as_str(),
            "https://b.s3.eu-west-1.amazonaws.com/k"
        );
        assert_eq!(backend.location(), "s3://b");
        // An IP address cannot carry the bucket name.
        let ip = S3Config {
            endpoint: Some("http://127.0.0.1:9000".into()),
            bucket: "b".into(),
            ..Default::default()
        };
        let error = S3Backend::new(&ip, options).err().unwrap().to_string();
        assert!(error.contains("path-style"), "{error}");
    }

    #[test]
    fn bucket_with_slash_is_refused() {
        let config = S3Config {
            bucket: "a/b".into(),
            ..Default::default()
        };
        let error = S3Backend::new(&config, Arc::new(TransferOptions::default()))
            .err()
            .unwrap();
        assert!(error.to_string().contains("must not contain '/'"));
    }
}
