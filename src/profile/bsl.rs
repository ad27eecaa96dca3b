//! A Velero BackupStorageLocation used as a destination (`--location NAME`): bucket, prefix and
//! the AWS plugin's `config` keys, with the credentials Velero itself would use (`spec.credential`,
//! else the `cloud-credentials` Secret's `cloud` key, an AWS shared-credentials file).

use anyhow::{Context, Result, anyhow, bail};
use base64::Engine;
use k8s_openapi::api::core::v1::Secret;
use kube::api::{Api, DynamicObject, ListParams};
use kube::core::GroupVersionKind;
use kube::discovery::ApiResource;
use serde_json::Value;

use super::credentials::secret_value;
use super::template_value::{TemplateCredential, TemplateProfile};
use super::types::{Location, LocationType};
use crate::kube::{Cluster, describe_error, is_not_found};
use crate::storage::auth::aws::{AwsCredentialSource, SharedFiles, StsEndpoint};
use crate::storage::{S3Config, StorageConfig, TlsOptions};

pub const VELERO_NAMESPACE: &str = "velero";
pub const DEFAULT_CREDENTIALS_SECRET: &str = "cloud-credentials";
pub const DEFAULT_CREDENTIALS_KEY: &str = "cloud";

pub fn api_resource() -> ApiResource {
    ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("velero.io", "v1", "BackupStorageLocation"),
        "backupstoragelocations",
    )
}

/// Find BSL `[ns/]name`: in the given namespace, else `velero`, else any namespace.
pub async fn find(cluster: &Cluster, reference: &str) -> Result<DynamicObject> {
    let fail =
        |what: &str, e: &kube::Error| anyhow!("{what}: {}", describe_error(&cluster.server, e));
    if let Some((namespace, name)) = reference.split_once('/') {
        let api: Api<DynamicObject> =
            Api::namespaced_with(cluster.client.clone(), namespace, &api_resource());
        return api
            .get_opt(name)
            .await
            .map_err(|e| fail(&format!("reading BackupStorageLocation {reference}"), &e))?
            .ok_or_else(|| anyhow!("BackupStorageLocation {reference} not found"));
    }
    let api: Api<DynamicObject> =
        Api::namespaced_with(cluster.client.clone(), VELERO_NAMESPACE, &api_resource());
    match api.get_opt(reference).await {
        Ok(Some(bsl)) => return Ok(bsl),
        Ok(None) => {}
        Err(e) if is_not_found(&e) => {
            bail!(
                "BackupStorageLocation {reference:?}: Velero's CRDs are not installed on {} (see `kubectl backup doctor`)",
                cluster.server
            )
        }
        Err(e) => {
            return Err(fail(
                &format!("reading BackupStorageLocation {VELERO_NAMESPACE}/{reference}"),
                &e,
            ));
        }
    }
    let all: Api<DynamicObject> = Api::all_with(cluster.client.clone(), &api_resource());
    let list = all
        .list(&ListParams::default())
        .await
        .map_err(|e| fail("listing BackupStorageLocations", &e))?;
    let names: Vec<String> = list
        .items
        .iter()
        .map(|b| {
            format!(
                "{}/{}",
                b.metadata.namespace.as_deref().unwrap_or(""),
                b.metadata.name.as_deref().unwrap_or("")
            )
        })
        .collect();
    list.items
        .into_iter()
        .find(|b| b.metadata.name.as_deref() == Some(reference))
        .ok_or_else(|| {
            anyhow!(
                "BackupStorageLocation {reference:?} not found (existing: {})",
                if names.is_empty() {
                    "none".into()
                } else {
                    names.join(", ")
                }
            )
        })
}

/// What a BSL resolves to.
pub struct ResolvedLocation {
    pub storage: StorageConfig,
    pub template: TemplateProfile,
    pub credentials_source: String,
}

/// Read the BSL's credentials and build its object-store configuration.
pub async fn resolve(cluster: &Cluster, bsl: &DynamicObject) -> Result<ResolvedLocation> {
    let name = bsl.metadata.name.clone().unwrap_or_default();
    let namespace = bsl
        .metadata
        .namespace
        .clone()
        .unwrap_or_else(|| VELERO_NAMESPACE.into());
    let what = format!("BackupStorageLocation {namespace}/{name}");
    let spec = bsl.data.get("spec").cloned().unwrap_or(Value::Null);
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_string();
    let provider = text(spec.get("provider"));
    if provider.trim_start_matches("velero.io/") != "aws" {
        bail!(
            "{what} uses provider {provider:?}; only S3-compatible (aws) locations can be used client-side"
        );
    }
    let storage = spec.get("objectStorage").cloned().unwrap_or(Value::Null);
    let config = |key: &str| text(spec.get("config").and_then(|c| c.get(key)));
    let bucket = text(storage.get("bucket")).trim_matches('/').to_string();
    if bucket.is_empty() {
        bail!("{what} has no spec.objectStorage.bucket");
    }
    let prefix = text(storage.get("prefix")).trim_matches('/').to_string();

    let region = Some(config("region"))
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| "us-east-1".into());
    let env = &super::credentials::cloud::process_env;
    let sts = StsEndpoint::from_environment(env, &region);
    let explicit = spec.get("credential").filter(|c| !c.is_null());
    let (secret_name, secret_key) = match explicit {
        Some(c) => (text(c.get("name")), text(c.get("key"))),
        None => (
            DEFAULT_CREDENTIALS_SECRET.to_string(),
            DEFAULT_CREDENTIALS_KEY.to_string(),
        ),
    };
    let secrets: Api<Secret> = Api::namespaced(cluster.client.clone(), &namespace);
    let aws_profile = Some(config("profile")).filter(|p| !p.is_empty());
    let aws_profile = aws_profile.as_deref().unwrap_or("default");
    // Velero on EKS with IRSA or Pod Identity has no cloud-credentials Secret: it uses the pod's
    // identity, and so do we.
    let secret = match explicit {
        Some(_) => Some(read_secret(cluster, &secrets, &what, &secret_name).await?),
        None => secrets.get_opt(&secret_name).await.map_err(|e| {
            anyhow!(
                "{what}: cannot read Secret {namespace}/{secret_name}: {}",
                describe_error(&cluster.server, &e)
            )
        })?,
    };
    let source = match &secret {
        Some(secret) => {
            let ini = secret_value(secret, &secret_key)
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .ok_or_else(|| anyhow!("{what}: Secret {secret_name} has no key {secret_key:?}"))?;
            let files = SharedFiles::parse(
                &ini,
                &format!("Secret {namespace}/{secret_name} key {secret_key}"),
            );
            files
                .source(aws_profile, env, &sts)
                .map_err(|e| anyhow!("{what}: {e}"))?
        }
        None => AwsCredentialSource::from_environment(env, &region)
            .map_err(|e| anyhow!("{what}: {e}"))?
            .ok_or_else(|| {
                anyhow!(
                    "{what}: no spec.credential, no Secret {namespace}/{DEFAULT_CREDENTIALS_SECRET}, and no                      AWS identity in this environment; create the Secret (key {DEFAULT_CREDENTIALS_KEY}, an                      AWS credentials file) or set spec.credential"
                )
            })?,
    };
    let credentials_source = source.describe();
    let (credentials, credential_source) = match source {
        AwsCredentialSource::Keys {
            access_key_id,
            secret_access_key,
            session_token,
            ..
        } => (
            AwsCredentials {
                access_key_id,
                secret_access_key: secret_access_key.expose().to_string(),
                session_token: session_token.map(|t| t.expose().to_string()),
            },
            None,
        ),
        // Fetched at use; the template's key pair stays empty.
        other => (
            AwsCredentials {
                access_key_id: String::new(),
                secret_access_key: String::new(),
                session_token: None,
            },
            Some(other),
        ),
    };

    let mut ca_cert_pem = None;
    if let Some(reference) = storage.get("caCertRef").filter(|r| !r.is_null()) {
        let (ca_name, ca_key) = (text(reference.get("name")), text(reference.get("key")));
        let ca = read_secret(cluster, &secrets, &what, &ca_name).await?;
        ca_cert_pem = Some(
            secret_value(&ca, &ca_key)
                .ok_or_else(|| anyhow!("{what}: CA Secret {ca_name} has no key {ca_key:?}"))?
                .to_vec(),
        );
    } else if let Some(encoded) = storage.get("caCert").and_then(Value::as_str) {
        ca_cert_pem = Some(
            base64::engine::general_purpose::STANDARD
                .decode(encoded.trim())
                .with_context(|| format!("{what}: objectStorage.caCert is not valid base64"))?,
        );
    }
    let endpoint = Some(config("s3Url")).filter(|u| !u.is_empty());
    let skip_verify = config("insecureSkipTLSVerify") == "true";
    let template = TemplateProfile {
        location: Location {
            location_type: LocationType::S3Compliant,
            bucket: bucket.clone(),
            endpoint: endpoint.clone().unwrap_or_default(),
            prefix: prefix.clone(),
            region: region.clone(),
        },
        credential: TemplateCredential::KeyPair {
            id: credentials.access_key_id.clone(),
            secret: credentials.secret_access_key.clone(),
        },
        skip_ssl_verify: skip_verify,
    };
    let storage = StorageConfig::S3(S3Config {
        path_style: config("s3ForcePathStyle") == "true",
        endpoint,
        region,
        bucket,
        prefix,
        access_key_id: credentials.access_key_id,
        secret_access_key: credentials.secret_access_key.into(),
        session_token: credentials.session_token.map(Into::into),
        credential_source,
        tls: TlsOptions {
            ca_cert_pem,
            skip_verify,
        },
    });
    Ok(ResolvedLocation {
        storage,
        template,
        credentials_source,
    })
}

async fn read_secret(
    cluster: &Cluster,
    secrets: &Api<Secret>,
    what: &str,
    name: &str,
) -> Result<Secret> {
    secrets.get(name).await.map_err(|e| {
        anyhow!(
            "{what}: cannot read Secret {}/{name}: {}",
            secrets.namespace().unwrap_or(""),
            describe_error(&cluster.server, &e)
        )
    })
}

pub struct AwsCredentials {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: Option<String>,
}

/// The AWS shared-credentials INI format (`[profile]` sections, `key = value` lines).
pub fn parse_aws_credentials(text: &str, profile: &str) -> Result<AwsCredentials> {
    let mut section = String::new();
    let (mut key_id, mut secret, mut token) = (None, None, None);
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name
                .trim()
                .trim_start_matches("profile ")
                .trim()
                .to_string();
            continue;
        }
        if section != profile {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim().to_string();
        match key.trim() {
            "aws_access_key_id" => key_id = Some(value),
            "aws_secret_access_key" => secret = Some(value),
            "aws_session_token" => token = Some(value),
            _ => {}
        }
    }
    match (key_id, secret) {
        (Some(access_key_id), Some(secret_access_key)) => Ok(AwsCredentials {
            access_key_id,
            secret_access_key,
            session_token: token.filter(|t| !t.is_empty()),
        }),
        _ => bail!("profile [{profile}] has no aws_access_key_id and aws_secret_access_key"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_named_profiles() {
        let ini = "[default]\naws_access_key_id = AK\naws_secret_access_key=SK\n\n[profile other]\naws_access_key_id=X\naws_secret_access_key=Y\naws_session_token=T\n";
        let c = parse_aws_credentials(ini, "default").unwrap();
        assert_eq!(
            (c.access_key_id.as_str(), c.secret_access_key.as_str()),
            ("AK", "SK")
        );
        assert_eq!(
            parse_aws_credentials(ini, "other")
                .unwrap()
                .session_token
                .as_deref(),
            Some("T")
        );
        let e = parse_aws_credentials(ini, "missing")
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("[missing]") && !e.contains("SK"), "{e}");
    }
}
