//! Azure Blob Storage with Shared Key auth: Put Blob for small objects, Put Block + Put Block List
//! for large ones (uncommitted blocks never become visible, and Azure discards them after a week),
//! List Blobs with markers, ranged Get Blob for resumable downloads.

mod sign;

use std::sync::Arc;

use async_trait::async_trait;
use base64::Engine as _;
use bytes::Bytes;
use reqwest::{Method, Response, StatusCode};
use tokio::io::AsyncRead;
use tokio_util::sync::CancellationToken;
use url::Url;

use super::PutResult;
use super::backend::{Backend, Body, ListPage, ObjectMeta};
use super::config::{AzureConfig, TransferOptions};
use super::error::{Attempts, Result, StorageError, from_reqwest};
use super::http::{
    body_stream, client, escape, header, object_meta, unquote, xml_elements, xml_text,
};
use super::retry::{Interrupt, retry, retry_with};
use super::upload::{FirstChunk, PartSink, Target, Upload, read_first, upload_parts};
use sign::SignedRequest;

const API_VERSION: &str = "2021-08-06";

pub(crate) struct AzureBackend {
    inner: Arc<Inner>,
}

/// How requests prove who sends them.
enum Auth {
    /// Shared Key: each request signed with the decoded account key.
    SharedKey(Vec<u8>),
    /// Azure AD bearer tokens (service principal, workload identity).
    Bearer(Box<super::auth::TokenProvider>),
    /// A shared access signature appended to every URL.
    Sas(Vec<(String, String)>),
}

struct Inner {
    account: String,
    auth: Auth,
    /// `<endpoint>/<container>`
    container_url: Url,
    client: reqwest::Client,
    endpoint: String,
    location: String,
    options: Arc<TransferOptions>,
}

impl AzureBackend {
    pub(crate) fn new(config: &AzureConfig, options: Arc<TransferOptions>) -> Result<Self> {
        if config.account.is_empty() || config.container.is_empty() {
            return Err(StorageError::Config(
                "Azure needs a storage account and a container".into(),
            ));
        }
        let auth = if let Some(sas) = &config.sas_token {
            let pairs: Vec<(String, String)> =
                url::form_urlencoded::parse(sas.expose().trim().trim_start_matches('?').as_bytes())
                    .into_owned()
                    .collect();
            if !pairs.iter().any(|(k, _)| k == "sig") {
                return Err(StorageError::Config(
                    "the Azure SAS token has no signature (sig=); copy the whole query string"
                        .into(),
                ));
            }
            Auth::Sas(pairs)
        } else if let Some(source) = &config.token_source {
            Auth::Bearer(Box::new(super::auth::TokenProvider::new(
                source.clone(),
                &config.tls,
            )?))
        } else {
            Auth::SharedKey(
                base64::engine::general_purpose::STANDARD
                    .decode(config.key.expose().trim())
                    .map_err(|_| {
                        StorageError::Config("the Azure storage key is not valid base64".into())
                    })?,
            )
        };
        let endpoint = match &config.endpoint {
            Some(e) if !e.is_empty() => e.trim_end_matches('/').to_string(),
            _ => format!("https://{}.blob.core.windows.net", config.account),
        };
        let mut container_url: Url = endpoint.parse().map_err(|e| {
            StorageError::Config(format!("endpoint {endpoint:?} is not a URL: {e}"))
        })?;
        container_url
            .path_segments_mut()
            .map_err(|_| StorageError::Config(format!("endpoint {endpoint:?} cannot have a path")))?
            .pop_if_empty()
            .push(&config.container);
        Ok(Self {
            inner: Arc::new(Inner {
                account: config.account.clone(),
                auth,
                container_url,
                client: client(&config.tls, &options)?,
                location: format!(
                    "azure://{}/{} at {endpoint}",
                    config.account, config.container
                ),
                endpoint,
                options,
            }),
        })
    }
}

/// Extra request details beyond method and URL.
#[derive(Default, Clone)]
struct Extra<'a> {
    headers: Vec<(&'a str, String)>,
    if_match: Option<&'a str>,
    body: Option<Bytes>,
}

impl Inner {
    fn blob_url(&self, key: &str) -> Url {
        let mut url = self.container_url.clone();
        if let Ok(mut segments) = url.path_segments_mut() {
            segments.extend(key.split('/'));
        }
        url
    }

    async fn send(
        &self,
        method: Method,
        url: Url,
        extra: &Extra<'_>,
        operation: &'static str,
        key: &str,
    ) -> Result<Response> {
        let date = chrono::Utc::now()
            .format("%a, %d %b %Y %H:%M:%S GMT")
            .to_string();
        let mut ms_headers: Vec<(&str, String)> = vec![
            ("x-ms-date", date),
            ("x-ms-version", API_VERSION.to_string()),
        ];
        ms_headers.extend(extra.headers.iter().cloned());
        let length = extra.body.as_ref().map_or(0, |b| b.len() as u64);
        let signed = SignedRequest {
            method: method.as_str(),
            content_length: length,
            if_match: extra.if_match.unwrap_or(""),
            ms_headers: ms_headers.clone(),
            ..Default::default()
        };
        let mut url = url;
        let authorization = match &self.auth {
            Auth::SharedKey(key) => Some(sign::authorization(&self.account, key, &url, &signed)),
            Auth::Bearer(tokens) => Some(tokens.authorization().await?),
            Auth::Sas(pairs) => {
                url.query_pairs_mut().extend_pairs(pairs);
                None
            }
        };
        let mut request = self.client.request(method.clone(), url);
        if let Some(authorization) = authorization {
            request = request.header("authorization", authorization);
        }
        for (name, value) in &ms_headers {
            request = request.header(*name, value);
        }
        if let Some(etag) = extra.if_match {
            request = request.header("if-match", etag);
        }
        if let Some(body) = &extra.body {
            request = request
                .header("content-length", body.len())
                .body(body.clone());
        } else if method == Method::PUT {
            request = request.header("content-length", 0);
        }
        let response = request
            .send()
            .await
            .map_err(|e| from_reqwest(e, &self.endpoint, &self.location, operation, key))?;
        if response.status().is_success() {
            return Ok(response);
        }
        let status = response.status();
        let header_code = header(&response, "x-ms-error-code");
        let text = response.text().await.unwrap_or_default();
        let code = header_code
            .or_else(|| xml_text(&text, "Code"))
            .unwrap_or_else(|| status.as_u16().to_string());
        let message = xml_text(&text, "Message")
            .map(|m| m.lines().next().unwrap_or("").to_string())
            .unwrap_or_else(|| status.canonical_reason().unwrap_or("").to_string());
        Err(self.classify(status, code, message, operation, key))
    }

    fn classify(
        &self,
        status: StatusCode,
        code: String,
        message: String,
        operation: &'static str,
        key: &str,
    ) -> StorageError {
        let location = self.location.clone();
        // The generic advice names keys; a refused bearer token needs its source named instead.
        let message = match (&self.auth, code.as_str()) {
            (Auth::Bearer(tokens), "AuthenticationFailed" | "InvalidAuthenticationInfo") => {
                format!(
                    "{message}; the token of {} was refused (is it issued for https://storage.azure.com?)",
                    tokens.source().describe()
                )
            }
            _ => message,
        };
        match code.as_str() {
            "BlobNotFound" => StorageError::NotFound {
                location,
                key: key.to_string(),
            },
            "ContainerNotFound" => StorageError::NoSuchBucket { location, code },
            "AuthenticationFailed" | "InvalidAuthenticationInfo" => StorageError::Credentials {
                location,
                code,
                message,
            },
            // Azurite (and some proxies) answer a bad signature this way.
            "AuthorizationFailure" if message.contains("authenticate") => {
                StorageError::Credentials {
                    location,
                    code,
                    message,
                }
            }
            _ if status == StatusCode::FORBIDDEN => StorageError::AccessDenied {
                location,
                operation,
                key: key.to_string(),
                code,
                message,
            },
            _ if status == StatusCode::NOT_FOUND && operation == "GET" => StorageError::NotFound {
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

    async fn request(
        &self,
        method: Method,
        url: Url,
        extra: Extra<'_>,
        operation: &'static str,
        key: &str,
        cancel: &CancellationToken,
    ) -> Result<Response> {
        let cancelled = || StorageError::cancelled(&self.location, operation, key);
        retry(&self.options.retry, cancel, cancelled, || {
            self.send(method.clone(), url.clone(), &extra, operation, key)
        })
        .await
    }

    async fn text(&self, response: Response, operation: &'static str, key: &str) -> Result<String> {
        response
            .text()
            .await
            .map_err(|e| from_reqwest(e, &self.endpoint, &self.location, operation, key))
    }
}

/// Block IDs must all have the same length before base64.
fn block_id(number: u32) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("block-{number:08}"))
}

struct Blocks {
    inner: Arc<Inner>,
    key: String,
}

#[async_trait]
impl PartSink for Blocks {
    async fn upload_part(&self, number: u32, body: Bytes) -> Result<String> {
        let id = block_id(number);
        let mut url = self.inner.blob_url(&self.key);
        url.query_pairs_mut()
            .append_pair("comp", "block")
            .append_pair("blockid", &id);
        let extra = Extra {
            body: Some(body),
            ..Default::default()
        };
        self.inner
            .send(Method::PUT, url, &extra, "PutBlock", &self.key)
            .await?;
        Ok(id)
    }

    async fn complete(&self, parts: Vec<String>, size: u64) -> Result<PutResult> {
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        for id in &parts {
            xml.push_str(&format!("<Latest>{}</Latest>", escape(id)));
        }
        xml.push_str("</BlockList>");
        let mut url = self.inner.blob_url(&self.key);
        url.query_pairs_mut().append_pair("comp", "blocklist");
        let extra = Extra {
            body: Some(Bytes::from(xml)),
            ..Default::default()
        };
        let never = CancellationToken::new();
        let response = self
            .inner
            .request(Method::PUT, url, extra, "PutBlockList", &self.key, &never)
            .await?;
        Ok(PutResult {
            key: self.key.clone(),
            size,
            etag: header(&response, "etag").map(|e| unquote(&e)),
            parts: parts.len() as u32,
        })
    }

    /// Uncommitted blocks are invisible and expire on their own; nothing was committed.
    async fn abort(&self) -> Result<()> {
        Ok(())
    }
}

#[async_trait]
impl Backend for AzureBackend {
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
        let body = match read_first(reader, size_hint, &upload.options, &target).await? {
            FirstChunk::Whole(body) => body,
            FirstChunk::FirstPart(first) => {
                let sink = Arc::new(Blocks {
                    inner: inner.clone(),
                    key: key.to_string(),
                });
                return upload_parts(sink, first, reader, size_hint, upload, target).await;
            }
        };
        let size = body.len() as u64;
        let extra = Extra {
            headers: vec![("x-ms-blob-type", "BlockBlob".to_string())],
            body: Some(body),
            ..Default::default()
        };
        let url = inner.blob_url(key);
        // A PUT on the wire is never abandoned (the server may store it after a cleanup's
        // DELETE); cancelling stops further attempts only.
        let cancelled = || StorageError::cancelled(&inner.location, "PUT", key);
        let response = retry_with(
            &inner.options.retry,
            &upload.cancel,
            cancelled,
            || inner.send(Method::PUT, url.clone(), &extra, "PUT", key),
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

    async fn get(
        &self,
        key: &str,
        offset: u64,
        if_match: Option<&str>,
    ) -> Result<(ObjectMeta, Body)> {
        let inner = &self.inner;
        let mut extra = Extra {
            if_match,
            ..Default::default()
        };
        if offset > 0 {
            extra
                .headers
                .push(("x-ms-range", format!("bytes={offset}-")));
        }
        let never = CancellationToken::new();
        let response = inner
            .request(Method::GET, inner.blob_url(key), extra, "GET", key, &never)
            .await?;
        let meta = object_meta(key, &response, offset);
        Ok((meta, Body::Remote(body_stream(response))))
    }

    async fn head(&self, key: &str) -> Result<Option<ObjectMeta>> {
        let inner = &self.inner;
        let never = CancellationToken::new();
        match inner
            .request(
                Method::HEAD,
                inner.blob_url(key),
                Extra::default(),
                "HEAD",
                key,
                &never,
            )
            .await
        {
            Ok(response) => Ok(Some(object_meta(key, &response, 0))),
            Err(StorageError::NotFound { .. }) | Err(StorageError::Service { status: 404, .. }) => {
                Ok(None)
            }
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
        let text = list(inner, prefix, delimiter, token.as_deref(), 1000).await?;
        let objects = xml_elements(&text, "Blob")
            .filter_map(|blob| {
                let name = xml_text(blob, "Name")?;
                Some(ObjectMeta {
                    key: name,
                    size: xml_text(blob, "Content-Length")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0),
                    etag: xml_text(blob, "Etag").map(|e| unquote(&e)),
                    last_modified: xml_text(blob, "Last-Modified"),
                })
            })
            .collect();
        let prefixes = xml_elements(&text, "BlobPrefix")
            .filter_map(|p| xml_text(p, "Name"))
            .collect();
        let next = xml_text(&text, "NextMarker").filter(|m| !m.is_empty());
        Ok(ListPage {
            objects,
            prefixes,
            next,
        })
    }

    async fn delete(&self, key: &str) -> Result<()> {
        let inner = &self.inner;
        let extra = Extra {
            headers: vec![("x-ms-delete-snapshots", "include".to_string())],
            ..Default::default()
        };
        let never = CancellationToken::new();
        match inner
            .request(
                Method::DELETE,
                inner.blob_url(key),
                extra,
                "DELETE",
                key,
                &never,
            )
            .await
        {
            Ok(_)
            | Err(StorageError::NotFound { .. })
            | Err(StorageError::Service { status: 404, .. }) => Ok(()),
            Err(e) => Err(e),
        }
    }

    async fn create_bucket(&self) -> Result<()> {
        let inner = &self.inner;
        let mut url = inner.container_url.clone();
        url.query_pairs_mut().append_pair("restype", "container");
        let never = CancellationToken::new();
        let name = url.path().to_string();
        match inner
            .request(
                Method::PUT,
                url,
                Extra::default(),
                "CreateContainer",
                &name,
                &never,
            )
            .await
        {
            Ok(_) => Ok(()),
            Err(StorageError::Service { code, .. }) if code == "ContainerAlreadyExists" => Ok(()),
            Err(e) => Err(e),
        }
    }

    async fn check(&self, prefix: &str) -> Result<()> {
        list(&self.inner, prefix, None, None, 1).await.map(|_| ())
    }
}

async fn list(
    inner: &Inner,
    prefix: &str,
    delimiter: Option<&str>,
    marker: Option<&str>,
    max: u32,
) -> Result<String> {
    let mut url = inner.container_url.clone();
    {
        let mut query = url.query_pairs_mut();
        query
            .append_pair("restype", "container")
            .append_pair("comp", "list");
        if !prefix.is_empty() {
            query.append_pair("prefix", prefix);
        }
        if let Some(delimiter) = delimiter {
            query.append_pair("delimiter", delimiter);
        }
        if let Some(marker) = marker {
            query.append_pair("marker", marker);
        }
        query.append_pair("maxresults", &max.to_string());
    }
    let never = CancellationToken::new();
    let response = inner
        .request(
            Method::GET,
            url,
            Extra::default(),
            "ListBlobs",
            prefix,
            &never,
        )
        .await?;
    inner.text(response, "ListBlobs", prefix).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_ids_have_one_length() {
        assert_eq!(block_id(1).len(), block_id(10_000).len());
    }

    #[test]
    fn blob_urls_encode_each_segment() {
        let config = AzureConfig {
            account: "devstoreaccount1".into(),
            key: "a2V5".into(),
            container: "c".into(),
            endpoint: Some("http://127.0.0.1:10000/devstoreaccount1".into()),
            ..Default::default()
        };
        let backend = AzureBackend::new(&config, Arc::new(TransferOptions::default())).unwrap();
        assert_eq!(
            backend.inner.blob_url("a b/c#d").as_str(),
            "http://127.0.0.1:10000/devstoreaccount1/c/a%20b/c%23d"
        );
    }

    #[test]
    fn bad_key_is_a_config_error() {
        let config = AzureConfig {
            account: "a".into(),
            key: "not base64!".into(),
            container: "c".into(),
            ..Default::default()
        };
        let error = AzureBackend::new(&config, Arc::new(TransferOptions::default()))
            .err()
            .unwrap();
        assert!(error.to_string().contains("not valid base64"));
    }
}
