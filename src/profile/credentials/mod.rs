//! Reading the credentials a Profile names (a key pair inside a Secret, or a typed Kanister
//! Secret) and turning a Profile into a [`StorageConfig`]. Values never appear in messages: only
//! Secret names and key names do.

pub mod cloud;

use std::collections::BTreeMap;

use anyhow::{Result, anyhow, bail};
use base64::Engine;
use k8s_openapi::api::core::v1::Secret;
use kube::api::Api;
use serde_json::Value;

use super::template_value::TemplateCredential;
use super::types::{CredentialType, Location, LocationType, ObjectReference, Profile};
use crate::kube::{Cluster, describe_error};
use crate::storage::auth::azure::AzureEnvironment;
use crate::storage::{AzureConfig, GcsConfig, LocalConfig, S3Config, StorageConfig, TlsOptions};
use cloud::{AzureAuth, Env};

/// Kanister's typed Secret for AWS (`credential.type: secret`).
pub const AWS_SECRET_TYPE: &str = "secrets.kanister.io/aws";
/// Kanister's typed Secret for Azure.
pub const AZURE_SECRET_TYPE: &str = "secrets.kanister.io/azure";

pub const AWS_ACCESS_KEY_ID: &str = "aws_access_key_id";
pub const AWS_SECRET_ACCESS_KEY: &str = "aws_secret_access_key";
pub const AWS_SESSION_TOKEN: &str = "aws_session_token";
pub const AWS_ROLE: &str = "role";
pub const GCP_PROJECT_ID: &str = "gcp_project_id";
pub const GCP_SERVICE_KEY: &str = "gcp_service_key";
/// Ours: GCS HMAC keys (interoperability mode), which Kanister does not read.
pub const GCS_HMAC_ACCESS_ID: &str = "gcs_hmac_access_id";
pub const GCS_HMAC_SECRET: &str = "gcs_hmac_secret";
pub const AZURE_STORAGE_ACCOUNT_ID: &str = "azure_storage_account_id";
pub const AZURE_STORAGE_KEY: &str = "azure_storage_key";
pub const AZURE_STORAGE_ENVIRONMENT: &str = "azure_storage_environment";

/// The location type of profiles that point at a local directory (ours; Kanister has none).
pub const LOCAL_TYPE: &str = "local";

/// A Profile's credentials, read from the cluster.
pub struct ResolvedCredential {
    pub credential: TemplateCredential,
    /// Where they came from, for messages: `keys aws_access_key_id/aws_secret_access_key of Secret ns/name`.
    pub source: String,
}

/// Read the Secret(s) `profile.credential` refers to. `what` names the profile in errors.
/// `source` says which credentials will be used: the Secret, and the STS role, token endpoint or
/// pod identity they lead to (never a value).
pub async fn resolve(
    cluster: &Cluster,
    profile: &Profile,
    what: &str,
) -> Result<ResolvedCredential> {
    let mut resolved = read_credential(cluster, profile, what).await?;
    if let Ok(config) = storage_config(
        &profile.location,
        &resolved.credential,
        profile.skip_ssl_verify,
        what,
    ) && let Some(used) = effective_source(&config)
    {
        resolved.source = format!("{used} (from {})", resolved.source);
    }
    Ok(resolved)
}

/// The fetched credential source a configuration uses, when it is more than the keys it holds.
pub fn effective_source(config: &StorageConfig) -> Option<String> {
    match config {
        StorageConfig::S3(c) => c.credential_source.as_ref().map(|s| s.describe()),
        StorageConfig::Gcs(c) => c.token_source.as_ref().map(|s| s.describe()),
        StorageConfig::Azure(c) if c.sas_token.is_some() => {
            Some("a shared access signature (SAS)".into())
        }
        StorageConfig::Azure(c) => c.token_source.as_ref().map(|s| s.describe()),
        StorageConfig::Local(_) => None,
    }
}

async fn read_credential(
    cluster: &Cluster,
    profile: &Profile,
    what: &str,
) -> Result<ResolvedCredential> {
    let credential = &profile.credential;
    match &credential.credential_type {
        CredentialType::KeyPair => {
            let pair = credential.key_pair.as_ref().ok_or_else(|| {
                anyhow!("{what}: credential type keyPair but no credential.keyPair")
            })?;
            let secret = read_secret(cluster, &pair.secret, what).await?;
            let name = secret_display(&pair.secret);
            let field = |key: &str| -> Result<String> {
                let bytes = secret_value(&secret, key).ok_or_else(|| {
                    anyhow!(
                        "{what}: Secret {name} has no key {key:?} (named by credential.keyPair)"
                    )
                })?;
                String::from_utf8(bytes.to_vec())
                    .map_err(|_| anyhow!("{what}: Secret {name} key {key:?} is not UTF-8"))
            };
            Ok(ResolvedCredential {
                credential: TemplateCredential::KeyPair {
                    id: field(&pair.id_field)?,
                    secret: field(&pair.secret_field)?,
                },
                source: format!(
                    "keys {}/{} of Secret {name}",
                    pair.id_field, pair.secret_field
                ),
            })
        }
        CredentialType::Secret => {
            let reference = credential.secret.as_ref().ok_or_else(|| {
                anyhow!("{what}: credential type secret but no credential.secret")
            })?;
            let secret = read_secret(cluster, reference, what).await?;
            let secret_type = secret.type_.clone().unwrap_or_default();
            Ok(ResolvedCredential {
                credential: TemplateCredential::Secret(secret_json(&secret)),
                source: format!("{secret_type} Secret {}", secret_display(reference)),
            })
        }
        CredentialType::Unset
            if profile.location.location_type == LocationType::Other(LOCAL_TYPE.into()) =>
        {
            Ok(ResolvedCredential {
                credential: TemplateCredential::None,
                source: "none needed (local directory)".into(),
            })
        }
        CredentialType::Unset => bail!("{what}: no credential.type"),
        CredentialType::Kopia => bail!(
            "{what}: Kopia repository-server credentials are for Kanister's repository server; \
             kubectl-backup moves data only through object-store profiles"
        ),
        CredentialType::Other(t) => bail!("{what}: unknown credential type {t:?}"),
    }
}

fn secret_display(reference: &ObjectReference) -> String {
    format!("{}/{}", reference.namespace, reference.name)
}

async fn read_secret(cluster: &Cluster, reference: &ObjectReference, what: &str) -> Result<Secret> {
    if reference.name.is_empty() {
        bail!("{what}: the credential Secret reference has no name");
    }
    let namespace = if reference.namespace.is_empty() {
        cluster.namespace.as_str()
    } else {
        reference.namespace.as_str()
    };
    Api::<Secret>::namespaced(cluster.client.clone(), namespace)
        .get(&reference.name)
        .await
        .map_err(|e| {
            anyhow!(
                "{what}: cannot read credential Secret {namespace}/{}: {}",
                reference.name,
                describe_error(&cluster.server, &e)
            )
        })
}

pub fn secret_value<'a>(secret: &'a Secret, key: &str) -> Option<&'a [u8]> {
    if let Some(bytes) = secret.data.as_ref().and_then(|d| d.get(key)) {
        return Some(&bytes.0);
    }
    secret
        .string_data
        .as_ref()
        .and_then(|d| d.get(key))
        .map(|s| s.as_bytes())
}

/// The Secret as Kanister puts it in `.Profile.Credential.Secret`: metadata, type, base64 data.
pub fn secret_json(secret: &Secret) -> Value {
    let mut value = serde_json::to_value(secret).unwrap_or(Value::Null);
    if let Some(object) = value.as_object_mut() {
        object.remove("apiVersion");
        object.remove("kind");
        object.remove("stringData");
        if let Some(strings) = &secret.string_data {
            let data = object
                .entry("data")
                .or_insert_with(|| Value::Object(Default::default()));
            if let Some(data) = data.as_object_mut() {
                for (k, v) in strings {
                    data.entry(k.clone()).or_insert_with(|| {
                        Value::String(base64::engine::general_purpose::STANDARD.encode(v))
                    });
                }
            }
        }
    }
    value
}

/// The decoded `data` of a Secret held as JSON (the `secret` credential form).
fn json_secret_fields(secret: &Value) -> BTreeMap<String, String> {
    let mut fields = BTreeMap::new();
    if let Some(data) = secret.get("data").and_then(Value::as_object) {
        for (key, value) in data {
            if let Some(decoded) = value
                .as_str()
                .and_then(|v| base64::engine::general_purpose::STANDARD.decode(v).ok())
                .and_then(|b| String::from_utf8(b).ok())
            {
                fields.insert(key.clone(), decoded);
            }
        }
    }
    fields
}

/// Where a location with `type: local` keeps its files: `endpoint` is a `file://` URL or a path.
pub fn local_root(location: &Location) -> Result<std::path::PathBuf> {
    let endpoint = location.endpoint.trim();
    if endpoint.is_empty() {
        bail!("a local location needs its directory in location.endpoint (file:///path)");
    }
    if let Some(rest) = endpoint.strip_prefix("file://") {
        let url = url::Url::parse(endpoint)
            .map_err(|e| anyhow!("location.endpoint {endpoint:?} is not a file URL: {e}"))?;
        return url.to_file_path().map_err(|_| {
            anyhow!("location.endpoint {endpoint:?} ({rest}) is not an absolute file path")
        });
    }
    Ok(endpoint.into())
}

/// The `file://` URL stored in `location.endpoint` for a local directory.
pub fn local_endpoint(dir: &std::path::Path) -> Result<String> {
    url::Url::from_directory_path(dir)
        .map(|u| u.to_string().trim_end_matches('/').to_string())
        .map_err(|_| anyhow!("{} is not an absolute directory path", dir.display()))
}

/// The object store a Profile's location and resolved credentials describe. Sources outside the
/// Secret (the pod's identity) are looked up in the process environment.
pub fn storage_config(
    location: &Location,
    credential: &TemplateCredential,
    skip_ssl_verify: bool,
    what: &str,
) -> Result<StorageConfig> {
    storage_config_in(
        location,
        credential,
        skip_ssl_verify,
        what,
        &cloud::process_env,
    )
}

/// [`storage_config`] with the environment read through `env`.
pub fn storage_config_in(
    location: &Location,
    credential: &TemplateCredential,
    skip_ssl_verify: bool,
    what: &str,
    env: Env<'_>,
) -> Result<StorageConfig> {
    let tls = TlsOptions {
        ca_cert_pem: None,
        skip_verify: skip_ssl_verify,
    };
    let endpoint = Some(location.endpoint.trim().to_string()).filter(|e| !e.is_empty());
    let prefix = location.prefix.clone();
    let bucket = location.bucket.clone();
    let secret_fields = |secret: &Value| json_secret_fields(secret);
    let typed_secret_name = |secret: &Value| {
        let meta = secret.get("metadata");
        let field = |k: &str| {
            meta.and_then(|m| m.get(k))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        format!("{}/{}", field("namespace"), field("name"))
    };
    match &location.location_type {
        LocationType::S3Compliant => {
            if bucket.is_empty() {
                bail!("{what}: location.bucket is required for s3Compliant");
            }
            let region = if location.region.is_empty() {
                "us-east-1".to_string()
            } else {
                location.region.clone()
            };
            let (id, secret, token, source) = match credential {
                TemplateCredential::KeyPair { id, secret } => {
                    (id.clone(), secret.clone(), None, None)
                }
                TemplateCredential::Secret(json) => {
                    let fields = secret_fields(json);
                    let name = typed_secret_name(json);
                    match cloud::aws_source(&fields, &name, &region, env, what)? {
                        crate::storage::auth::aws::AwsCredentialSource::Keys {
                            access_key_id,
                            secret_access_key,
                            session_token,
                            ..
                        } => (
                            access_key_id,
                            secret_access_key.expose().to_string(),
                            session_token.map(|t| t.expose().to_string()),
                            None,
                        ),
                        other => (String::new(), String::new(), None, Some(other)),
                    }
                }
                TemplateCredential::None => {
                    bail!("{what}: an s3Compliant profile needs credentials")
                }
            };
            Ok(StorageConfig::S3(S3Config {
                // Kanister forces path-style addressing for custom endpoints (MinIO, Ceph).
                path_style: endpoint.is_some(),
                endpoint,
                region,
                bucket,
                prefix,
                access_key_id: id,
                secret_access_key: secret.into(),
                session_token: token.filter(|t| !t.is_empty()).map(Into::into),
                credential_source: source,
                tls,
            }))
        }
        LocationType::Gcs => {
            if bucket.is_empty() {
                bail!("{what}: location.bucket is required for gcs");
            }
            let (project_id, key) = match credential {
                TemplateCredential::KeyPair { id, secret } => (id.clone(), secret.clone()),
                TemplateCredential::Secret(json) => {
                    let fields = secret_fields(json);
                    let name = typed_secret_name(json);
                    let key = fields.get(cloud::GCP_SERVICE_ACCOUNT_JSON).cloned().ok_or_else(|| {
                        anyhow!(
                            "{what}: Secret {name} has no key {:?} (a {} Secret holds the service-account key there)",
                            cloud::GCP_SERVICE_ACCOUNT_JSON,
                            cloud::GCP_SECRET_TYPE
                        )
                    })?;
                    (fields.get(GCP_PROJECT_ID).cloned().unwrap_or_default(), key)
                }
                TemplateCredential::None => bail!("{what}: a gcs profile needs credentials"),
            };
            let origin = format!("the service key of {what}");
            if let Some(source) = cloud::gcp_token_source(&key, &origin, env)? {
                let project_id = match &source {
                    crate::storage::auth::TokenSource::GcpServiceAccount(k)
                        if project_id.is_empty() =>
                    {
                        k.project_id.clone()
                    }
                    _ => project_id,
                };
                return Ok(StorageConfig::Gcs(GcsConfig {
                    endpoint,
                    bucket,
                    prefix,
                    token_source: Some(source),
                    project_id,
                    tls,
                    ..Default::default()
                }));
            }
            Ok(StorageConfig::Gcs(GcsConfig {
                endpoint,
                bucket,
                prefix,
                hmac_access_id: project_id,
                hmac_secret: key.into(),
                token_source: None,
                project_id: String::new(),
                tls,
            }))
        }
        LocationType::Azure => {
            if bucket.is_empty() {
                bail!("{what}: location.bucket (the container) is required for azure");
            }
            let (account, auth, environment) = match credential {
                TemplateCredential::KeyPair { id, secret } => {
                    (id.clone(), AzureAuth::Key(secret.clone()), None)
                }
                TemplateCredential::Secret(json) => {
                    let fields = secret_fields(json);
                    let name = typed_secret_name(json);
                    let account =
                        fields
                            .get(AZURE_STORAGE_ACCOUNT_ID)
                            .cloned()
                            .ok_or_else(|| {
                                anyhow!(
                                    "{what}: Secret {name} has no key {AZURE_STORAGE_ACCOUNT_ID:?}"
                                )
                            })?;
                    let environment = fields.get(AZURE_STORAGE_ENVIRONMENT).cloned();
                    let cloud = AzureEnvironment::named(environment.as_deref().unwrap_or(""))
                        .ok_or_else(|| unknown_environment(what, environment.as_deref()))?;
                    let auth = cloud::azure_auth(&fields, &name, &cloud, env, what)?;
                    (account, auth, environment)
                }
                TemplateCredential::None => bail!("{what}: an azure profile needs credentials"),
            };
            let cloud = AzureEnvironment::named(environment.as_deref().unwrap_or(""))
                .ok_or_else(|| unknown_environment(what, environment.as_deref()))?;
            let endpoint = match endpoint {
                Some(e) => Some(e),
                None if cloud.name == "AzurePublicCloud" => None,
                None => Some(format!("https://{account}.{}", cloud.blob_suffix)),
            };
            let (key, token_source, sas_token) = match auth {
                AzureAuth::Key(key) => (key.into(), None, None),
                AzureAuth::Sas(sas) => (Default::default(), None, Some(sas.into())),
                AzureAuth::Token(source) => (Default::default(), Some(source), None),
            };
            Ok(StorageConfig::Azure(AzureConfig {
                account,
                key,
                token_source,
                sas_token,
                container: bucket,
                prefix,
                endpoint,
                tls,
            }))
        }
        LocationType::Other(t) if t == LOCAL_TYPE => Ok(StorageConfig::Local(LocalConfig {
            root: local_root(location).map_err(|e| anyhow!("{what}: {e}"))?,
            prefix,
        })),
        LocationType::Kopia => bail!(
            "{what}: location type kopia is a Kanister repository server, not an object store"
        ),
        LocationType::Unset => bail!("{what}: no location.type"),
        LocationType::Other(t) => {
            bail!("{what}: unknown location type {t:?} (s3Compliant, gcs, azure, or {LOCAL_TYPE})")
        }
    }
}

fn unknown_environment(what: &str, environment: Option<&str>) -> anyhow::Error {
    anyhow!(
        "{what}: unknown Azure environment {:?} ({}); or set location.endpoint",
        environment.unwrap_or(""),
        AzureEnvironment::names()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn s3_location() -> Location {
        Location {
            location_type: LocationType::S3Compliant,
            bucket: "b".into(),
            endpoint: "http://127.0.0.1:9000".into(),
            prefix: "p".into(),
            region: String::new(),
        }
    }

    #[test]
    fn key_pair_becomes_path_style_s3() {
        let cred = TemplateCredential::KeyPair {
            id: "AK".into(),
            secret: "SK".into(),
        };
        let StorageConfig::S3(c) =
            storage_config(&s3_location(), &cred, true, "profile x").unwrap()
        else {
            panic!()
        };
        assert!(c.path_style);
        assert_eq!(c.region, "us-east-1");
        assert_eq!(c.secret_access_key.expose(), "SK");
        assert!(c.tls.skip_verify);
    }

    #[test]
    fn typed_secret_with_role_assumes_it_without_printing_values() {
        let secret = json!({
            "metadata": {"name": "s", "namespace": "n"},
            "type": AWS_SECRET_TYPE,
            "data": {
                "aws_access_key_id": base64::engine::general_purpose::STANDARD.encode("AK"),
                "aws_secret_access_key": base64::engine::general_purpose::STANDARD.encode("TOPSECRET"),
                "role": base64::engine::general_purpose::STANDARD.encode("arn:aws:iam::1:role/r"),
            }
        });
        let config = storage_config(
            &s3_location(),
            &TemplateCredential::Secret(secret),
            false,
            "profile x",
        )
        .unwrap();
        let shown = format!("{config:?}");
        assert!(shown.contains("AssumeRole"), "{shown}");
        assert!(shown.contains("arn:aws:iam::1:role/r"), "{shown}");
        assert!(!shown.contains("TOPSECRET"), "{shown}");
    }

    #[test]
    fn local_endpoints_round_trip() {
        let endpoint = local_endpoint(std::path::Path::new("/var/backups dir")).unwrap();
        assert_eq!(endpoint, "file:///var/backups%20dir");
        let location = Location {
            location_type: LocationType::Other(LOCAL_TYPE.into()),
            endpoint,
            ..Default::default()
        };
        assert_eq!(
            local_root(&location).unwrap(),
            std::path::PathBuf::from("/var/backups dir")
        );
    }

    #[test]
    fn incomplete_gcs_service_account_keys_are_explained() {
        let location = Location {
            location_type: LocationType::Gcs,
            bucket: "b".into(),
            ..Default::default()
        };
        let cred = TemplateCredential::KeyPair {
            id: "project".into(),
            secret: "{\"type\":\"service_account\"}".into(),
        };
        // A key without its account or private key: the error names what is missing, and where.
        let e = storage_config(&location, &cred, false, "profile g").unwrap_err();
        assert!(e.to_string().contains("client_email"), "{e}");
        assert!(e.to_string().contains("profile g"), "{e}");
    }
}
