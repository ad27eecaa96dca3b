//! AWS credentials for the S3 backend: static keys, STS AssumeRole (Kanister's profile `role`),
//! AssumeRoleWithWebIdentity (IRSA: `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`), container
//! credentials (ECS, EKS Pod Identity) and instance metadata (IMDSv2), and the shared
//! config/credentials files Velero's `cloud-credentials` hold.
//!
//! # Where credentials are found ([`AwsCredentialSource::from_environment`])
//!
//! When a profile or location holds no keys of its own, the process environment is searched in the
//! order of the AWS SDKs:
//!
//! 1. `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`);
//! 2. `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN` (IRSA), through STS AssumeRoleWithWebIdentity;
//! 3. the shared files: `AWS_SHARED_CREDENTIALS_FILE` (default `~/.aws/credentials`) and
//!    `AWS_CONFIG_FILE` (default `~/.aws/config`), profile `AWS_PROFILE` (default `default`);
//! 4. container credentials: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (ECS) or
//!    `AWS_CONTAINER_CREDENTIALS_FULL_URI` with `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or
//!    `AWS_CONTAINER_AUTHORIZATION_TOKEN` (EKS Pod Identity);
//! 5. instance metadata, IMDSv2 (unless `AWS_EC2_METADATA_DISABLED=true`).
//!
//! A profile's `role` is then assumed with STS AssumeRole on top of what was found.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use futures::future::BoxFuture;
use serde::Deserialize;
use url::Url;

use super::{failed, is_stale, parse_expiration, send_token_request, sigv4};
use crate::storage::config::{Secret, TlsOptions};
use crate::storage::error::{Result, StorageError};
use crate::storage::http::xml_text;

/// Kanister's default for its `assumeRoleDuration` (pkg/aws: `AssumeRoleDurationDefault`).
pub const DEFAULT_ASSUME_ROLE_DURATION: Duration = Duration::from_secs(60 * 60);
/// The session name prefix of AWS's Go SDK, which Kanister leaves at its default
/// (`aws-go-sdk-<unix nanoseconds>`): trust policies and CloudTrail queries written for Kanister
/// match ours too.
pub const SESSION_NAME_PREFIX: &str = "aws-go-sdk-";
const IMDS_ENDPOINT: &str = "http://169.254.169.254";
const ECS_ENDPOINT: &str = "http://169.254.170.2";

/// Where an S3 location's credentials come from. `Debug` never shows a secret.
#[derive(Clone, Debug)]
pub enum AwsCredentialSource {
    /// Keys held in a Secret, a file or the environment; `origin` names where.
    Keys {
        access_key_id: String,
        secret_access_key: Secret,
        session_token: Option<Secret>,
        origin: String,
    },
    /// STS AssumeRole with the credentials of `base`.
    AssumeRole {
        base: Box<AwsCredentialSource>,
        role_arn: String,
        session_name: Option<String>,
        external_id: Option<String>,
        duration: Duration,
        sts: StsEndpoint,
    },
    /// STS AssumeRoleWithWebIdentity with the token in `token_file` (read again on each refresh:
    /// the kubelet rotates it).
    WebIdentity {
        token_file: PathBuf,
        role_arn: String,
        session_name: Option<String>,
        duration: Duration,
        sts: StsEndpoint,
    },
    /// ECS / EKS Pod Identity credentials endpoint.
    Container {
        url: String,
        authorization: Option<Secret>,
        authorization_file: Option<PathBuf>,
    },
    /// EC2 instance metadata, IMDSv2.
    InstanceMetadata { endpoint: String },
}

/// Which STS to call: `endpoint` if set (`AWS_ENDPOINT_URL_STS`, tests), else the regional one.
#[derive(Clone, Debug, Default)]
pub struct StsEndpoint {
    pub endpoint: Option<String>,
    pub region: String,
}

impl StsEndpoint {
    /// From `AWS_ENDPOINT_URL_STS` (then `AWS_ENDPOINT_URL`) and the location's region.
    pub fn from_environment(env: &dyn Fn(&str) -> Option<String>, region: &str) -> Self {
        Self {
            endpoint: env("AWS_ENDPOINT_URL_STS").or_else(|| env("AWS_ENDPOINT_URL")),
            region: region.to_string(),
        }
    }

    fn region(&self) -> &str {
        if self.region.is_empty() {
            "us-east-1"
        } else {
            &self.region
        }
    }

    fn url(&self) -> String {
        match &self.endpoint {
            Some(e) if !e.is_empty() => e.trim_end_matches('/').to_string(),
            _ => format!("https://sts.{}.amazonaws.com", self.region()),
        }
    }
}

impl AwsCredentialSource {
    /// Which source this is, for `profile validate` and errors; never a value.
    pub fn describe(&self) -> String {
        match self {
            AwsCredentialSource::Keys { origin, .. } => origin.clone(),
            AwsCredentialSource::AssumeRole { base, role_arn, .. } => {
                format!("STS AssumeRole {role_arn} with {}", base.describe())
            }
            AwsCredentialSource::WebIdentity {
                token_file,
                role_arn,
                ..
            } => format!(
                "STS AssumeRoleWithWebIdentity {role_arn} with the token file {}",
                token_file.display()
            ),
            AwsCredentialSource::Container { url, .. } => {
                format!("container credentials at {}", shown_url(url))
            }
            AwsCredentialSource::InstanceMetadata { endpoint } => {
                format!("EC2 instance metadata (IMDSv2) at {endpoint}")
            }
        }
    }

    /// The first source the environment offers, in the order of the module documentation.
    /// `env` reads a variable (the process environment, or a map in tests); `home` is `$HOME`.
    pub fn from_environment(
        env: &dyn Fn(&str) -> Option<String>,
        region: &str,
    ) -> Result<Option<Self>> {
        let var = |k: &str| env(k).filter(|v| !v.trim().is_empty());
        if let (Some(id), Some(secret)) = (var("AWS_ACCESS_KEY_ID"), var("AWS_SECRET_ACCESS_KEY")) {
            return Ok(Some(AwsCredentialSource::Keys {
                access_key_id: id,
                secret_access_key: secret.into(),
                session_token: var("AWS_SESSION_TOKEN").map(Into::into),
                origin: "environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY".into(),
            }));
        }
        let sts = StsEndpoint::from_environment(env, region);
        if let (Some(file), Some(role)) = (var("AWS_WEB_IDENTITY_TOKEN_FILE"), var("AWS_ROLE_ARN"))
        {
            return Ok(Some(AwsCredentialSource::WebIdentity {
                token_file: file.into(),
                role_arn: role,
                session_name: var("AWS_ROLE_SESSION_NAME"),
                duration: DEFAULT_ASSUME_ROLE_DURATION,
                sts,
            }));
        }
        let home = var("HOME").map(PathBuf::from);
        let credentials_file = var("AWS_SHARED_CREDENTIALS_FILE")
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(".aws/credentials")));
        let config_file = var("AWS_CONFIG_FILE")
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(".aws/config")));
        let read = |path: &Option<PathBuf>| {
            path.as_ref()
                .and_then(|p| std::fs::read_to_string(p).ok().map(|t| (p.clone(), t)))
        };
        let (credentials, config) = (read(&credentials_file), read(&config_file));
        if credentials.is_some() || config.is_some() {
            let profile = var("AWS_PROFILE").unwrap_or_else(|| "default".into());
            let mut files = SharedFiles::default();
            for (path, text) in credentials.iter().chain(config.iter()) {
                files.add(text, &path.display().to_string());
            }
            if files.has_profile(&profile) {
                return files.source(&profile, env, &sts).map(Some);
            }
        }
        if let Some(relative) = var("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            return Ok(Some(AwsCredentialSource::Container {
                url: format!("{ECS_ENDPOINT}{relative}"),
                authorization: None,
                authorization_file: None,
            }));
        }
        if let Some(full) = var("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
            return Ok(Some(AwsCredentialSource::Container {
                url: full,
                authorization: var("AWS_CONTAINER_AUTHORIZATION_TOKEN").map(Into::into),
                authorization_file: var("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE").map(Into::into),
            }));
        }
        if var("AWS_EC2_METADATA_DISABLED").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            return Ok(None);
        }
        Ok(Some(AwsCredentialSource::InstanceMetadata {
            endpoint: var("AWS_EC2_METADATA_SERVICE_ENDPOINT")
                .unwrap_or_else(|| IMDS_ENDPOINT.into())
                .trim_end_matches('/')
                .to_string(),
        }))
    }
}

/// A URL without its query or user info, for messages.
fn shown_url(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut u) => {
            u.set_query(None);
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.to_string()
        }
        Err(_) => "an unparsable URL".into(),
    }
}

/// The sections of AWS shared config and credentials files (`[name]` and `[profile name]` are the
/// same profile), as Velero's `cloud-credentials` Secret holds them.
#[derive(Default, Debug)]
pub struct SharedFiles {
    profiles: BTreeMap<String, BTreeMap<String, String>>,
    /// Where the files came from, for messages (`Secret velero/cloud-credentials key cloud`).
    origin: String,
}

impl SharedFiles {
    pub fn parse(text: &str, origin: &str) -> Self {
        let mut files = Self::default();
        files.add(text, origin);
        files
    }

    /// Add a file's sections; keys already present (from an earlier file) win, as the
    /// credentials file wins over the config file.
    pub fn add(&mut self, text: &str, origin: &str) {
        if self.origin.is_empty() {
            self.origin = origin.to_string();
        } else {
            self.origin = format!("{} and {origin}", self.origin);
        }
        let mut section: Option<String> = None;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let name = name.trim();
                let name = name.strip_prefix("profile ").unwrap_or(name).trim();
                section = Some(name.to_string());
                self.profiles.entry(name.to_string()).or_default();
                continue;
            }
            let (Some(section), Some((key, value))) = (&section, line.split_once('=')) else {
                continue;
            };
            self.profiles
                .entry(section.clone())
                .or_default()
                .entry(key.trim().to_ascii_lowercase())
                .or_insert_with(|| value.trim().to_string());
        }
    }

    pub fn has_profile(&self, profile: &str) -> bool {
        self.profiles.contains_key(profile)
    }

    /// The source profile `name` describes: keys, `role_arn` with `source_profile` or
    /// `credential_source`, or `role_arn` with `web_identity_token_file`.
    pub fn source(
        &self,
        name: &str,
        env: &dyn Fn(&str) -> Option<String>,
        sts: &StsEndpoint,
    ) -> Result<AwsCredentialSource> {
        self.source_at(name, env, sts, 0)
    }

    fn source_at(
        &self,
        name: &str,
        env: &dyn Fn(&str) -> Option<String>,
        sts: &StsEndpoint,
        depth: usize,
    ) -> Result<AwsCredentialSource> {
        let origin = format!("profile [{name}] of {}", self.origin);
        let fail = |detail: String| failed(&origin, detail);
        if depth > 8 {
            return Err(fail(
                "source_profile chain is longer than 8 (a loop?)".into(),
            ));
        }
        let section = self.profiles.get(name).ok_or_else(|| {
            let names: Vec<&str> = self.profiles.keys().map(String::as_str).collect();
            fail(format!(
                "no such profile (profiles found: {}); set the BSL's config.profile or AWS_PROFILE",
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            ))
        })?;
        let get = |k: &str| section.get(k).filter(|v| !v.is_empty()).cloned();
        let duration =
            match get("duration_seconds") {
                Some(s) => Duration::from_secs(s.parse().map_err(|_| {
                    fail(format!("duration_seconds {s:?} is not a number of seconds"))
                })?),
                None => DEFAULT_ASSUME_ROLE_DURATION,
            };
        let sts = StsEndpoint {
            endpoint: sts.endpoint.clone(),
            region: get("region").unwrap_or_else(|| sts.region.clone()),
        };
        if let Some(role_arn) = get("role_arn") {
            if let Some(token_file) = get("web_identity_token_file") {
                return Ok(AwsCredentialSource::WebIdentity {
                    token_file: token_file.into(),
                    role_arn,
                    session_name: get("role_session_name"),
                    duration,
                    sts,
                });
            }
            let base = if let Some(source) = get("source_profile") {
                // A profile that is its own source holds the keys the role is assumed with.
                if source == name {
                    self.keys_of(name, section, &origin)?
                } else {
                    self.source_at(&source, env, &sts, depth + 1)?
                }
            } else if let Some(credential_source) = get("credential_source") {
                let mut found = AwsCredentialSource::from_environment(env, &sts.region)?;
                let wanted = match credential_source.as_str() {
                    "Environment" => {
                        |s: &AwsCredentialSource| matches!(s, AwsCredentialSource::Keys { .. })
                    }
                    "EcsContainer" => {
                        |s: &AwsCredentialSource| matches!(s, AwsCredentialSource::Container { .. })
                    }
                    "Ec2InstanceMetadata" => |s: &AwsCredentialSource| {
                        matches!(s, AwsCredentialSource::InstanceMetadata { .. })
                    },
                    other => {
                        return Err(fail(format!(
                            "credential_source {other:?} is not Environment, EcsContainer or Ec2InstanceMetadata"
                        )));
                    }
                };
                match found.take() {
                    Some(s) if wanted(&s) => s,
                    _ => {
                        return Err(fail(format!(
                            "credential_source {credential_source} is not available in this environment"
                        )));
                    }
                }
            } else {
                return Err(fail(
                    "role_arn needs source_profile, credential_source or web_identity_token_file"
                        .into(),
                ));
            };
            return Ok(AwsCredentialSource::AssumeRole {
                base: Box::new(base),
                role_arn,
                session_name: get("role_session_name"),
                external_id: get("external_id"),
                duration,
                sts,
            });
        }
        self.keys_of(name, section, &origin)
    }

    fn keys_of(
        &self,
        name: &str,
        section: &BTreeMap<String, String>,
        origin: &str,
    ) -> Result<AwsCredentialSource> {
        let get = |k: &str| section.get(k).filter(|v| !v.is_empty()).cloned();
        match (get("aws_access_key_id"), get("aws_secret_access_key")) {
            (Some(id), Some(secret)) => Ok(AwsCredentialSource::Keys {
                access_key_id: id,
                secret_access_key: secret.into(),
                session_token: get("aws_session_token").map(Into::into),
                origin: format!("profile [{name}] of {}", self.origin),
            }),
            _ => Err(failed(
                origin,
                "has neither aws_access_key_id/aws_secret_access_key nor role_arn",
            )),
        }
    }
}

/// Keys as they are used to sign, with their expiry when they are temporary.
#[derive(Clone)]
pub struct AwsKeys {
    pub access_key_id: String,
    pub secret_access_key: Secret,
    pub session_token: Option<Secret>,
    pub expires: Option<SystemTime>,
}

impl std::fmt::Debug for AwsKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AwsKeys")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &self.secret_access_key)
            .field("session_token", &self.session_token)
            .field("expires", &self.expires)
            .finish()
    }
}

/// Fetches, caches and refreshes the keys of one [`AwsCredentialSource`].
pub struct AwsProvider {
    source: AwsCredentialSource,
    client: reqwest::Client,
    cached: RwLock<Option<AwsKeys>>,
    /// Only one refresh at a time; parts waiting for it reuse its result.
    refreshing: tokio::sync::Mutex<()>,
    base: Option<Arc<AwsProvider>>,
}

impl AwsProvider {
    pub fn new(source: AwsCredentialSource, tls: &TlsOptions) -> Result<Self> {
        let base = match &source {
            AwsCredentialSource::AssumeRole { base, .. } => {
                Some(Arc::new(AwsProvider::new((**base).clone(), tls)?))
            }
            _ => None,
        };
        let cached = match &source {
            AwsCredentialSource::Keys {
                access_key_id,
                secret_access_key,
                session_token,
                ..
            } => Some(AwsKeys {
                access_key_id: access_key_id.clone(),
                secret_access_key: secret_access_key.clone(),
                session_token: session_token.clone(),
                expires: None,
            }),
            _ => None,
        };
        Ok(Self {
            source,
            client: super::token_client(tls)?,
            cached: RwLock::new(cached),
            refreshing: tokio::sync::Mutex::new(()),
            base,
        })
    }

    pub fn source(&self) -> &AwsCredentialSource {
        &self.source
    }

    /// The keys to sign with now, fetched again when they expire within the refresh margin.
    pub fn keys(&self) -> BoxFuture<'_, Result<AwsKeys>> {
        Box::pin(async move {
            if let Some(keys) = self.fresh() {
                return Ok(keys);
            }
            let _guard = self.refreshing.lock().await;
            if let Some(keys) = self.fresh() {
                return Ok(keys);
            }
            let keys = self.fetch().await?;
            *self.cached.write().unwrap_or_else(|e| e.into_inner()) = Some(keys.clone());
            Ok(keys)
        })
    }

    fn fresh(&self) -> Option<AwsKeys> {
        let cached = self.cached.read().unwrap_or_else(|e| e.into_inner());
        cached.as_ref().filter(|k| !is_stale(k.expires)).cloned()
    }

    async fn fetch(&self) -> Result<AwsKeys> {
        let origin = self.source.describe();
        match &self.source {
            AwsCredentialSource::Keys { .. } => {
                Err(failed(&origin, "internal: static keys missing"))
            }
            AwsCredentialSource::AssumeRole {
                role_arn,
                session_name,
                external_id,
                duration,
                sts,
                ..
            } => {
                let base = self
                    .base
                    .as_ref()
                    .ok_or_else(|| failed(&origin, "internal: no base credentials"))?
                    .keys()
                    .await?;
                let session = session_name.clone().unwrap_or_else(default_session_name);
                let mut form = vec![
                    ("Action", "AssumeRole".to_string()),
                    ("Version", "2011-06-15".to_string()),
                    ("RoleArn", role_arn.clone()),
                    ("RoleSessionName", session),
                    ("DurationSeconds", duration.as_secs().to_string()),
                ];
                if let Some(id) = external_id {
                    form.push(("ExternalId", id.clone()));
                }
                self.call_sts(sts, &form, Some(&base), &origin).await
            }
            AwsCredentialSource::WebIdentity {
                token_file,
                role_arn,
                session_name,
                duration,
                sts,
            } => {
                let token = std::fs::read_to_string(token_file).map_err(|e| {
                    failed(
                        &origin,
                        format!(
                            "cannot read the web identity token file: {e}; check the pod's projected service-account token volume"
                        ),
                    )
                })?;
                let form = vec![
                    ("Action", "AssumeRoleWithWebIdentity".to_string()),
                    ("Version", "2011-06-15".to_string()),
                    ("RoleArn", role_arn.clone()),
                    (
                        "RoleSessionName",
                        session_name.clone().unwrap_or_else(default_session_name),
                    ),
                    ("DurationSeconds", duration.as_secs().to_string()),
                    ("WebIdentityToken", token.trim().to_string()),
                ];
                self.call_sts(sts, &form, None, &origin).await
            }
            AwsCredentialSource::Container {
                url,
                authorization,
                authorization_file,
            } => {
                let mut request = self.client.get(url);
                let token = match authorization_file {
                    Some(file) => Some(std::fs::read_to_string(file).map_err(|e| {
                        failed(
                            &origin,
                            format!(
                                "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE {}: {e}",
                                file.display()
                            ),
                        )
                    })?),
                    None => authorization.as_ref().map(|s| s.expose().to_string()),
                };
                if let Some(token) = token {
                    request = request.header("authorization", token.trim());
                }
                let body = send_token_request(request, &origin).await?;
                json_keys(&body, &origin)
            }
            AwsCredentialSource::InstanceMetadata { endpoint } => {
                let token = send_token_request(
                    self.client
                        .put(format!("{endpoint}/latest/api/token"))
                        .header("x-aws-ec2-metadata-token-ttl-seconds", "21600"),
                    &origin,
                )
                .await?;
                let base = format!("{endpoint}/latest/meta-data/iam/security-credentials/");
                let roles = send_token_request(
                    self.client
                        .get(&base)
                        .header("x-aws-ec2-metadata-token", token.trim()),
                    &origin,
                )
                .await?;
                let role = roles.lines().next().map(str::trim).unwrap_or("");
                if role.is_empty() {
                    return Err(failed(
                        &origin,
                        "the instance has no IAM role (attach an instance profile)",
                    ));
                }
                let body = send_token_request(
                    self.client
                        .get(format!("{base}{role}"))
                        .header("x-aws-ec2-metadata-token", token.trim()),
                    &origin,
                )
                .await?;
                json_keys(&body, &origin)
            }
        }
    }

    /// Who the current keys are, by STS GetCallerIdentity (`arn:aws:sts::1:assumed-role/r/s`):
    /// what `profile validate` shows to tell which identity was used.
    pub async fn caller_identity(&self, sts: &StsEndpoint) -> Result<String> {
        let keys = self.keys().await?;
        let origin = self.source.describe();
        let url = sts.url();
        let origin = format!("{origin} via STS at {url}");
        let form = [
            ("Action", "GetCallerIdentity".to_string()),
            ("Version", "2011-06-15".to_string()),
        ];
        let text = self
            .signed_sts_call(sts, &form, Some(&keys), &origin)
            .await?;
        xml_text(&text, "Arn")
            .filter(|a| !a.is_empty())
            .ok_or_else(|| failed(&origin, "STS answered GetCallerIdentity without Arn"))
    }

    /// POST `form` to STS, signed with `signer` when given; the answer's text. `origin` already
    /// names the STS endpoint.
    async fn signed_sts_call(
        &self,
        sts: &StsEndpoint,
        form: &[(&str, String)],
        signer: Option<&AwsKeys>,
        origin: &str,
    ) -> Result<String> {
        let url = sts.url();
        let parsed = Url::parse(&url)
            .map_err(|e| failed(origin, format!("the STS endpoint is not a URL: {e}")))?;
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form.iter().map(|(k, v)| (*k, v.as_str())))
            .finish();
        let content_type = "application/x-www-form-urlencoded; charset=utf-8";
        let mut request = self
            .client
            .post(url.as_str())
            .header("content-type", content_type);
        if let Some(keys) = signer {
            let host = match (parsed.host_str(), parsed.port()) {
                (Some(h), Some(p)) => format!("{h}:{p}"),
                (Some(h), None) => h.to_string(),
                _ => return Err(failed(origin, "the STS endpoint has no host")),
            };
            let amz_date = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
            let mut headers = vec![
                ("content-type", content_type),
                ("host", host.as_str()),
                ("x-amz-date", amz_date.as_str()),
            ];
            if let Some(token) = &keys.session_token {
                headers.push(("x-amz-security-token", token.expose()));
            }
            let path = if parsed.path().is_empty() {
                "/"
            } else {
                parsed.path()
            };
            let authorization = sigv4::authorization(
                &sigv4::Request {
                    method: "POST",
                    path,
                    query: "",
                    headers: &headers,
                    payload: body.as_bytes(),
                },
                &keys.access_key_id,
                keys.secret_access_key.expose(),
                sts.region(),
                "sts",
                &amz_date,
            );
            request = request
                .header("x-amz-date", &amz_date)
                .header("authorization", authorization);
            if let Some(token) = &keys.session_token {
                request = request.header("x-amz-security-token", token.expose());
            }
        }
        send_token_request(request.body(body), origin).await
    }

    async fn call_sts(
        &self,
        sts: &StsEndpoint,
        form: &[(&str, String)],
        signer: Option<&AwsKeys>,
        origin: &str,
    ) -> Result<AwsKeys> {
        let origin = format!("{origin} via STS at {}", sts.url());
        let text = self.signed_sts_call(sts, form, signer, &origin).await?;
        let field = |tag: &str| {
            xml_text(&text, tag)
                .filter(|v| !v.is_empty())
                .ok_or_else(|| failed(&origin, format!("STS answered without {tag}")))
        };
        Ok(AwsKeys {
            access_key_id: field("AccessKeyId")?,
            secret_access_key: field("SecretAccessKey")?.into(),
            session_token: Some(field("SessionToken")?.into()),
            expires: xml_text(&text, "Expiration").and_then(|t| parse_expiration(&t)),
        })
    }
}

fn default_session_name() -> String {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    format!("{SESSION_NAME_PREFIX}{nanos}")
}

/// Container and instance credentials: `{AccessKeyId, SecretAccessKey, Token, Expiration}`.
fn json_keys(body: &str, origin: &str) -> Result<AwsKeys> {
    #[derive(Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Answer {
        access_key_id: String,
        secret_access_key: String,
        #[serde(default)]
        token: Option<String>,
        #[serde(default)]
        expiration: Option<String>,
    }
    let answer: Answer =
        serde_json::from_str(body).map_err(|e| StorageError::CredentialSource {
            origin: origin.to_string(),
            detail: format!(
                "the answer is not AWS credentials JSON ({})",
                e.classify_name()
            ),
        })?;
    Ok(AwsKeys {
        access_key_id: answer.access_key_id,
        secret_access_key: answer.secret_access_key.into(),
        session_token: answer.token.filter(|t| !t.is_empty()).map(Into::into),
        expires: answer.expiration.as_deref().and_then(parse_expiration),
    })
}

trait ClassifyName {
    fn classify_name(&self) -> &'static str;
}

impl ClassifyName for serde_json::Error {
    /// The kind of a JSON error only: its text can quote the input, which holds secrets.
    fn classify_name(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "I/O error",
            serde_json::error::Category::Syntax => "syntax error",
            serde_json::error::Category::Data => "missing or mistyped fields",
            serde_json::error::Category::Eof => "truncated",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k: &str| map.get(k).cloned()
    }

    #[test]
    fn environment_order() {
        let both = env_of(&[
            ("AWS_ACCESS_KEY_ID", "AK"),
            ("AWS_SECRET_ACCESS_KEY", "SK"),
            ("AWS_WEB_IDENTITY_TOKEN_FILE", "/t"),
            ("AWS_ROLE_ARN", "arn:aws:iam::1:role/r"),
            ("HOME", "/nonexistent"),
        ]);
        let found = AwsCredentialSource::from_environment(&both, "us-east-1")
            .unwrap()
            .unwrap();
        assert!(matches!(found, AwsCredentialSource::Keys { .. }));
        let irsa = env_of(&[
            ("AWS_WEB_IDENTITY_TOKEN_FILE", "/t"),
            ("AWS_ROLE_ARN", "arn:aws:iam::1:role/r"),
            (
                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://169.254.170.23/v1/credentials",
            ),
            ("HOME", "/nonexistent"),
        ]);
        let found = AwsCredentialSource::from_environment(&irsa, "eu-west-1")
            .unwrap()
            .unwrap();
        assert!(
            found
                .describe()
                .contains("AssumeRoleWithWebIdentity arn:aws:iam::1:role/r"),
            "{}",
            found.describe()
        );
        let pod_identity = env_of(&[
            (
                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://169.254.170.23/v1/credentials",
            ),
            (
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
                "/var/run/secrets/token",
            ),
            ("HOME", "/nonexistent"),
        ]);
        let found = AwsCredentialSource::from_environment(&pod_identity, "")
            .unwrap()
            .unwrap();
        assert!(matches!(found, AwsCredentialSource::Container { .. }));
        let nothing = env_of(&[
            ("AWS_EC2_METADATA_DISABLED", "true"),
            ("HOME", "/nonexistent"),
        ]);
        assert!(
            AwsCredentialSource::from_environment(&nothing, "")
                .unwrap()
                .is_none()
        );
        let imds = env_of(&[("HOME", "/nonexistent")]);
        assert!(matches!(
            AwsCredentialSource::from_environment(&imds, "").unwrap(),
            Some(AwsCredentialSource::InstanceMetadata { .. })
        ));
    }

    #[test]
    fn shared_files_with_roles() {
        let text = "\
[default]
aws_access_key_id = AKBASE
aws_secret_access_key = base-secret-value

[profile backup]
role_arn = arn:aws:iam::123:role/backup
source_profile = default
role_session_name = velero
external_id = ext

[irsa]
role_arn = arn:aws:iam::123:role/irsa
web_identity_token_file = /var/run/secrets/eks.amazonaws.com/serviceaccount/token
";
        let files = SharedFiles::parse(text, "Secret velero/cloud-credentials key cloud");
        let env = env_of(&[]);
        let sts = StsEndpoint::default();
        let backup = files.source("backup", &env, &sts).unwrap();
        let AwsCredentialSource::AssumeRole {
            base,
            role_arn,
            session_name,
            external_id,
            ..
        } = &backup
        else {
            panic!("{backup:?}")
        };
        assert_eq!(role_arn, "arn:aws:iam::123:role/backup");
        assert_eq!(session_name.as_deref(), Some("velero"));
        assert_eq!(external_id.as_deref(), Some("ext"));
        assert!(matches!(**base, AwsCredentialSource::Keys { .. }));
        let shown = format!("{backup:?} {}", backup.describe());
        assert!(!shown.contains("base-secret-value"), "{shown}");
        assert!(matches!(
            files.source("irsa", &env, &sts).unwrap(),
            AwsCredentialSource::WebIdentity { .. }
        ));
        let missing = files.source("nope", &env, &sts).unwrap_err().to_string();
        assert!(
            missing.contains("Secret velero/cloud-credentials")
                && missing.contains("backup, default, irsa"),
            "{missing}"
        );
    }
}
