//! GCP credentials for GCS: a service-account JSON key (what `kanctl create profile gcp
//! --service-key` stores in `gcp_service_key`) exchanged for an access token with the OAuth 2.0
//! JWT bearer flow (RFC 7523), signed RS256 with ring; or the metadata server's token (GKE
//! Workload Identity).

use std::time::{Duration, SystemTime};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::rand::SystemRandom;
use ring::signature::{RSA_PKCS1_SHA256, RsaKeyPair};
use serde::Deserialize;

use super::{Token, failed, oauth_token, send_token_request};
use crate::storage::config::Secret;
use crate::storage::error::{Result, StorageError};

/// Read and write objects; what `gsutil` and Kanister's GCS client ask for.
pub const STORAGE_SCOPE: &str = "https://www.googleapis.com/auth/devstorage.read_write";
const DEFAULT_TOKEN_URI: &str = "https://oauth2.googleapis.com/token";
/// Google accepts assertions of at most one hour.
const ASSERTION_LIFETIME: Duration = Duration::from_secs(3600);
pub const METADATA_ENDPOINT: &str = "http://metadata.google.internal";

/// A service-account key file. `Debug` shows the account, never the private key.
#[derive(Clone)]
pub struct ServiceAccountKey {
    pub client_email: String,
    pub private_key_id: String,
    private_key: Secret,
    pub token_uri: String,
    pub project_id: String,
    /// Where the key came from, for messages (`key gcp_service_key of Secret ns/name`).
    pub origin: String,
}

impl std::fmt::Debug for ServiceAccountKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceAccountKey")
            .field("client_email", &self.client_email)
            .field("private_key", &self.private_key)
            .field("token_uri", &self.token_uri)
            .field("origin", &self.origin)
            .finish()
    }
}

impl ServiceAccountKey {
    /// Parse a key file. Errors name `origin` and the missing field, never the file's text (serde's
    /// messages can quote it).
    pub fn parse(json: &str, origin: &str) -> Result<Self> {
        #[derive(Deserialize)]
        struct File {
            #[serde(default, rename = "type")]
            kind: String,
            #[serde(default)]
            client_email: String,
            #[serde(default)]
            private_key_id: String,
            #[serde(default)]
            private_key: String,
            #[serde(default)]
            token_uri: String,
            #[serde(default)]
            project_id: String,
        }
        let file: File = serde_json::from_str(json)
            .map_err(|_| failed(origin, "is not a JSON service-account key file"))?;
        if file.kind != "service_account" {
            return Err(failed(
                origin,
                format!(
                    "holds a {:?} credential, not a service-account key (\"type\": \"service_account\"); \
                     create a key with `gcloud iam service-accounts keys create`",
                    file.kind
                ),
            ));
        }
        for (name, value) in [
            ("client_email", &file.client_email),
            ("private_key", &file.private_key),
        ] {
            if value.is_empty() {
                return Err(failed(
                    origin,
                    format!("the service-account key has no {name:?}"),
                ));
            }
        }
        let key = Self {
            client_email: file.client_email,
            private_key_id: file.private_key_id,
            private_key: file.private_key.into(),
            token_uri: if file.token_uri.is_empty() {
                DEFAULT_TOKEN_URI.into()
            } else {
                file.token_uri
            },
            project_id: file.project_id,
            origin: origin.to_string(),
        };
        key.key_pair()?;
        Ok(key)
    }

    pub fn describe(&self) -> String {
        format!(
            "service account {} ({}), tokens from {}",
            self.client_email, self.origin, self.token_uri
        )
    }

    fn key_pair(&self) -> Result<RsaKeyPair> {
        let pem = self.private_key.expose();
        let body: String = pem
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with("-----"))
            .collect();
        let der = STANDARD
            .decode(body)
            .map_err(|_| failed(&self.origin, "private_key is not PEM"))?;
        RsaKeyPair::from_pkcs8(&der).map_err(|e| {
            failed(
                &self.origin,
                format!("private_key is not an RSA PKCS#8 key ({e}); download a new JSON key"),
            )
        })
    }

    /// The signed JWT asserting this service account, for `scope`, issued now.
    pub fn assertion(&self, scope: &str) -> Result<String> {
        let now = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs();
        let header = serde_json::json!({"alg": "RS256", "typ": "JWT", "kid": self.private_key_id});
        let claims = serde_json::json!({
            "iss": self.client_email,
            "scope": scope,
            "aud": self.token_uri,
            "iat": now,
            "exp": now + ASSERTION_LIFETIME.as_secs(),
        });
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let key_pair = self.key_pair()?;
        let mut signature = vec![0u8; key_pair.public().modulus_len()];
        key_pair
            .sign(
                &RSA_PKCS1_SHA256,
                &SystemRandom::new(),
                signing_input.as_bytes(),
                &mut signature,
            )
            .map_err(|_| failed(&self.origin, "signing the token request failed"))?;
        Ok(format!(
            "{signing_input}.{}",
            URL_SAFE_NO_PAD.encode(signature)
        ))
    }

    pub(crate) async fn fetch_token(&self, client: &reqwest::Client) -> Result<Token> {
        let origin = self.describe();
        let assertion = self.assertion(STORAGE_SCOPE)?;
        let request = super::form_post(
            client,
            &self.token_uri,
            &[
                ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                ("assertion", assertion.as_str()),
            ],
        );
        let body = send_token_request(request, &origin).await.map_err(|e| match e {
            StorageError::CredentialSource { origin, detail } => StorageError::CredentialSource {
                origin,
                detail: format!(
                    "{detail}; check that the key is not deleted or disabled (gcloud iam service-accounts keys list)"
                ),
            },
            other => other,
        })?;
        oauth_token(&body, &origin)
    }
}

/// A token from the metadata server of the node (GKE Workload Identity, GCE).
pub(crate) async fn metadata_token(
    client: &reqwest::Client,
    endpoint: &str,
    origin: &str,
) -> Result<Token> {
    let url = format!(
        "{}/computeMetadata/v1/instance/service-accounts/default/token?scopes={STORAGE_SCOPE}",
        endpoint.trim_end_matches('/')
    );
    let body =
        send_token_request(client.get(url).header("metadata-flavor", "Google"), origin).await?;
    oauth_token(&body, origin)
}
