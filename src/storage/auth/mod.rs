//! Credentials that are fetched and expire: AWS (STS AssumeRole, web identity, container and
//! instance credentials), GCP (service-account JWT bearer flow, metadata server) and Azure AD
//! (client secret, workload identity). Each provider caches what it fetched and fetches again
//! [`REFRESH_MARGIN`] before expiry, so an upload that outlives a token never sends an expired one.
//!
//! Errors name the credential source (`AssumeRole arn:aws:iam::1:role/r via STS at …`) and what to
//! fix; they never hold a secret, a token, or a signed URL.

pub mod aws;
pub mod azure;
pub mod gcp;
mod sigv4;

use std::time::{Duration, SystemTime};

use super::config::TlsOptions;
use super::error::StorageError;

/// Fetch new credentials when the cached ones expire within this margin: long enough for a part
/// request started now to be accepted (AWS SDKs use the same five minutes).
pub const REFRESH_MARGIN: Duration = Duration::from_secs(5 * 60);

/// Whether credentials expiring at `expires` should be fetched again now.
pub(crate) fn is_stale(expires: Option<SystemTime>) -> bool {
    match expires {
        None => false,
        Some(at) => {
            at.duration_since(SystemTime::now())
                .is_ok_and(|left| left <= REFRESH_MARGIN)
                || at <= SystemTime::now()
        }
    }
}

/// The error of a credential source that failed: `origin` says which source, `detail` what went
/// wrong and what to fix.
pub(crate) fn failed(origin: &str, detail: impl std::fmt::Display) -> StorageError {
    StorageError::CredentialSource {
        origin: origin.to_string(),
        detail: detail.to_string(),
    }
}

/// An HTTP client for token endpoints: short timeouts, the location's TLS settings.
pub(crate) fn token_client(tls: &TlsOptions) -> Result<reqwest::Client, StorageError> {
    let options = super::config::TransferOptions {
        read_timeout: Duration::from_secs(30),
        ..Default::default()
    };
    super::http::client(tls, &options)
}

/// The answer of a token endpoint, or an error naming `origin` and the HTTP status, with the
/// endpoint's own error text (OAuth `error_description`, STS `<Message>`), never the request.
pub(crate) async fn send_token_request(
    request: reqwest::RequestBuilder,
    origin: &str,
) -> Result<String, StorageError> {
    let response = request.send().await.map_err(|e| {
        failed(
            origin,
            format!(
                "cannot reach the token endpoint: {}",
                super::error::root_cause(&e.without_url())
            ),
        )
    })?;
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|e| failed(origin, super::error::root_cause(&e.without_url())))?;
    if status.is_success() {
        return Ok(body);
    }
    Err(failed(
        origin,
        format!(
            "the token endpoint answered HTTP {status}: {}",
            endpoint_error(&body)
        ),
    ))
}

/// The human part of a token endpoint's error body, short, without echoing anything we sent.
fn endpoint_error(body: &str) -> String {
    if let Ok(json) = serde_json::from_str::<serde_json::Value>(body) {
        let text = |k: &str| json.get(k).and_then(|v| v.as_str()).map(str::to_string);
        if let Some(text) = text("error_description")
            .or_else(|| text("error"))
            .or_else(|| text("message"))
        {
            return text.lines().next().unwrap_or("").to_string();
        }
    }
    if let Some(code) = super::http::xml_text(body, "Code") {
        let message = super::http::xml_text(body, "Message").unwrap_or_default();
        return format!("{code}: {message}");
    }
    body.chars().take(200).collect()
}

/// A point in time from an RFC 3339 timestamp (STS, container and instance credentials).
pub(crate) fn parse_expiration(text: &str) -> Option<SystemTime> {
    chrono::DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| SystemTime::from(t.with_timezone(&chrono::Utc)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staleness_uses_the_margin() {
        assert!(!is_stale(None));
        assert!(is_stale(Some(SystemTime::now())));
        assert!(is_stale(Some(SystemTime::now() + Duration::from_secs(60))));
        assert!(!is_stale(Some(
            SystemTime::now() + Duration::from_secs(3600)
        )));
    }

    #[test]
    fn endpoint_errors_are_short() {
        assert_eq!(
            endpoint_error(
                r#"{"error":"invalid_grant","error_description":"Invalid JWT Signature."}"#
            ),
            "Invalid JWT Signature."
        );
        assert_eq!(
            endpoint_error(
                "<ErrorResponse><Error><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>"
            ),
            "AccessDenied: no"
        );
    }
}

/// Where a bearer token (GCS, Azure AD) comes from. `Debug` never shows a secret.
#[derive(Clone, Debug)]
pub enum TokenSource {
    /// A GCP service-account JSON key: the OAuth 2.0 JWT bearer flow at its `token_uri`.
    GcpServiceAccount(gcp::ServiceAccountKey),
    /// The GCE/GKE metadata server (GKE Workload Identity).
    GcpMetadata { endpoint: String },
    /// Azure AD client credentials: a service principal's secret, or a federated token
    /// (workload identity) read from a file on each refresh.
    AzureAd(azure::AadCredential),
}

impl TokenSource {
    /// Which source this is, for `profile validate` and errors; never a value.
    pub fn describe(&self) -> String {
        match self {
            TokenSource::GcpServiceAccount(key) => key.describe(),
            TokenSource::GcpMetadata { endpoint } => {
                format!("the GCE/GKE metadata server at {endpoint} (Workload Identity)")
            }
            TokenSource::AzureAd(credential) => credential.describe(),
        }
    }
}

/// A bearer token with its expiry.
#[derive(Clone)]
pub(crate) struct Token {
    pub value: super::config::Secret,
    pub expires: Option<SystemTime>,
}

/// Fetches, caches and refreshes the bearer token of one [`TokenSource`].
pub struct TokenProvider {
    source: TokenSource,
    client: reqwest::Client,
    cached: std::sync::RwLock<Option<Token>>,
    refreshing: tokio::sync::Mutex<()>,
}

impl TokenProvider {
    pub fn new(source: TokenSource, tls: &TlsOptions) -> Result<Self, StorageError> {
        Ok(Self {
            source,
            client: token_client(tls)?,
            cached: std::sync::RwLock::new(None),
            refreshing: tokio::sync::Mutex::new(()),
        })
    }

    pub fn source(&self) -> &TokenSource {
        &self.source
    }

    /// `Bearer <token>`, fetched again when it expires within the refresh margin.
    pub(crate) async fn authorization(&self) -> Result<String, StorageError> {
        let token = self.token().await?;
        Ok(format!("Bearer {}", token.value.expose()))
    }

    pub(crate) async fn token(&self) -> Result<Token, StorageError> {
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        let _guard = self.refreshing.lock().await;
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        let token = match &self.source {
            TokenSource::GcpServiceAccount(key) => key.fetch_token(&self.client).await?,
            TokenSource::GcpMetadata { endpoint } => {
                gcp::metadata_token(&self.client, endpoint, &self.source.describe()).await?
            }
            TokenSource::AzureAd(credential) => credential.fetch_token(&self.client).await?,
        };
        *self.cached.write().unwrap_or_else(|e| e.into_inner()) = Some(token.clone());
        Ok(token)
    }

    fn fresh(&self) -> Option<Token> {
        let cached = self.cached.read().unwrap_or_else(|e| e.into_inner());
        cached.as_ref().filter(|t| !is_stale(t.expires)).cloned()
    }
}

/// The lifetime of an OAuth answer (`expires_in` seconds, a number or a string as AAD sends it).
pub(crate) fn expires_in(answer: &serde_json::Value) -> Option<SystemTime> {
    let seconds = match answer.get("expires_in")? {
        serde_json::Value::Number(n) => n.as_u64()?,
        serde_json::Value::String(s) => s.parse().ok()?,
        _ => return None,
    };
    Some(SystemTime::now() + Duration::from_secs(seconds))
}

/// The `access_token` of an OAuth answer.
pub(crate) fn oauth_token(body: &str, origin: &str) -> Result<Token, StorageError> {
    let answer: serde_json::Value = serde_json::from_str(body)
        .map_err(|_| failed(origin, "the token endpoint's answer is not JSON"))?;
    let value = answer
        .get("access_token")
        .and_then(|v| v.as_str())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| failed(origin, "the token endpoint answered without access_token"))?;
    Ok(Token {
        value: value.to_string().into(),
        expires: expires_in(&answer),
    })
}

/// A `application/x-www-form-urlencoded` POST (reqwest's `form` needs a feature we do without).
pub(crate) fn form_post(
    client: &reqwest::Client,
    url: &str,
    form: &[(&str, &str)],
) -> reqwest::RequestBuilder {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form.iter().copied())
        .finish();
    client
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
}
