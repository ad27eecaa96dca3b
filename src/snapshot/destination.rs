//! Where snapshots live: a Velero BackupStorageLocation read from the cluster (`--location`), or
//! a local directory laid out like a BSL root (`$XDG_DATA_HOME/kubectl-backup/backups/<B>/`).
//! Resolution is in [`resolve`], one function, so other sources (Profiles) slot in beside it.

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow, bail};
use base64::Engine;
use k8s_openapi::api::core::v1::Secret;
use kube::api::{Api, DynamicObject, ListParams};
use tokio_util::sync::CancellationToken;

use crate::kube::{Cluster, describe_error};
use crate::snapshot::types::{BackupStorageLocation, DEFAULT_NAMESPACE, GROUP};
use crate::storage::{LocalConfig, ObjectStore, S3Config, StorageConfig, TlsOptions};

/// What the user named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DestinationSpec {
    /// `--location NAME`: a Velero BackupStorageLocation.
    Location(String),
    /// Neither flag: the local directory.
    LocalDefault,
}

/// A resolved place to read and write backups.
#[derive(Debug, Clone)]
pub struct Destination {
    pub store: ObjectStore,
    /// What goes in `spec.storageLocation` and the `velero.io/storage-location` label.
    pub location_name: String,
    /// The BSL when the destination is one.
    pub bsl: Option<BackupStorageLocation>,
    /// For messages: `BSL default (s3://bucket/prefix)`, `/home/me/.local/share/kubectl-backup`.
    pub description: String,
}

/// The name our local directory goes by in `spec.storageLocation`.
pub const LOCAL_LOCATION_NAME: &str = "default";

pub async fn resolve(
    cluster: Option<&Cluster>,
    spec: &DestinationSpec,
    cancel: CancellationToken,
) -> Result<Destination> {
    match spec {
        DestinationSpec::Location(name) => {
            let cluster = cluster.context(
                "--location needs access to the cluster that holds the BackupStorageLocation",
            )?;
            let bsl = find_location(cluster, name).await?;
            let store = store_for_location(cluster, &bsl)
                .await?
                .with_cancellation(cancel);
            let description = format!("BackupStorageLocation {name} ({})", store.location());
            Ok(Destination {
                store,
                location_name: name.clone(),
                bsl: Some(bsl),
                description,
            })
        }
        DestinationSpec::LocalDefault => {
            let root = local_root()?;
            std::fs::create_dir_all(&root)
                .with_context(|| format!("cannot create {}", root.display()))?;
            let store = ObjectStore::new(StorageConfig::Local(LocalConfig {
                root: root.clone(),
                prefix: String::new(),
            }))?
            .with_cancellation(cancel);
            Ok(Destination {
                store,
                location_name: LOCAL_LOCATION_NAME.into(),
                bsl: None,
                description: root.display().to_string(),
            })
        }
    }
}

/// `$XDG_DATA_HOME/kubectl-backup`, else `~/.local/share/kubectl-backup`.
pub fn local_root() -> Result<PathBuf> {
    if let Some(data) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(data).join("kubectl-backup"));
    }
    let home = std::env::var_os("HOME")
        .filter(|v| !v.is_empty())
        .ok_or_else(|| anyhow!("neither XDG_DATA_HOME nor HOME is set; pass --location"))?;
    Ok(PathBuf::from(home).join(".local/share/kubectl-backup"))
}

/// Every BackupStorageLocation the user can see (`velero` namespace first).
pub async fn list_locations(cluster: &Cluster) -> Result<Vec<BackupStorageLocation>> {
    let resource = kube::discovery::ApiResource {
        group: GROUP.into(),
        version: "v1".into(),
        api_version: "velero.io/v1".into(),
        kind: "BackupStorageLocation".into(),
        plural: "backupstoragelocations".into(),
    };
    let api: Api<DynamicObject> = Api::all_with(cluster.client.clone(), &resource);
    let list = api.list(&ListParams::default()).await.map_err(|e| {
        anyhow!(
            "cannot list BackupStorageLocations: {}",
            describe_error(&cluster.server, &e)
        )
    })?;
    let mut locations: Vec<BackupStorageLocation> = list
        .items
        .into_iter()
        .filter_map(|o| serde_json::to_value(o).ok())
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect();
    locations.sort_by_key(|l| l.metadata.namespace.as_deref() != Some(DEFAULT_NAMESPACE));
    Ok(locations)
}

pub async fn find_location(cluster: &Cluster, name: &str) -> Result<BackupStorageLocation> {
    let locations = list_locations(cluster).await?;
    let names: Vec<String> = locations
        .iter()
        .map(|l| l.metadata.name.clone().unwrap_or_default())
        .collect();
    locations
        .into_iter()
        .find(|l| l.metadata.name.as_deref() == Some(name))
        .ok_or_else(|| {
            anyhow!(
                "BackupStorageLocation {name:?} not found (existing: {}); see `kubectl backup doctor`",
                if names.is_empty() { "none".to_string() } else { names.join(", ") }
            )
        })
}

/// The Velero server's default location: `spec.default: true`, else the one named `default`.
pub fn default_location(locations: &[BackupStorageLocation]) -> Option<&BackupStorageLocation> {
    locations.iter().find(|l| l.spec.default).or_else(|| {
        locations
            .iter()
            .find(|l| l.metadata.name.as_deref() == Some("default"))
    })
}

/// An object store for a BSL, with the credentials Velero itself would use.
pub async fn store_for_location(
    cluster: &Cluster,
    bsl: &BackupStorageLocation,
) -> Result<ObjectStore> {
    let name = bsl.metadata.name.clone().unwrap_or_default();
    let namespace = bsl
        .metadata
        .namespace
        .clone()
        .unwrap_or_else(|| DEFAULT_NAMESPACE.into());
    let provider = bsl.spec.provider.trim_start_matches("velero.io/");
    if provider != "aws" {
        bail!(
            "BackupStorageLocation {name} uses provider {:?}; only S3-compatible (aws) locations can be read client-side",
            bsl.spec.provider
        );
    }
    let config = bsl.spec.config.clone().unwrap_or_default();
    let (secret_name, secret_key) = match &bsl.spec.credential {
        Some(c) => (c.name.clone(), c.key.clone()),
        None => ("cloud-credentials".to_string(), "cloud".to_string()),
    };
    let secrets: Api<Secret> = Api::namespaced(cluster.client.clone(), &namespace);
    let secret = secrets.get(&secret_name).await.map_err(|e| {
        anyhow!(
            "cannot read the credentials of BackupStorageLocation {name} (Secret {namespace}/{secret_name}): {}",
            describe_error(&cluster.server, &e)
        )
    })?;
    let ini = secret
        .data
        .as_ref()
        .and_then(|d| d.get(&secret_key))
        .map(|b| String::from_utf8_lossy(&b.0).into_owned())
        .ok_or_else(|| anyhow!("Secret {namespace}/{secret_name} has no key {secret_key:?}"))?;
    let profile = config.get("profile").map_or("default", String::as_str);
    let credentials = parse_aws_credentials(&ini, profile).with_context(|| {
        format!("Secret {namespace}/{secret_name} key {secret_key:?} (AWS credentials file)")
    })?;

    let mut ca_cert_pem = None;
    if let Some(reference) = &bsl.spec.object_storage.ca_cert_ref {
        let ca = secrets.get(&reference.name).await.map_err(|e| {
            anyhow!(
                "cannot read the CA certificate Secret {namespace}/{}: {}",
                reference.name,
                describe_error(&cluster.server, &e)
            )
        })?;
        ca_cert_pem = ca
            .data
            .as_ref()
            .and_then(|d| d.get(&reference.key))
            .map(|b| b.0.clone());
    } else if let Some(encoded) = &bsl.spec.object_storage.ca_cert {
        ca_cert_pem = Some(
            base64::engine::general_purpose::STANDARD
                .decode(encoded.trim())
                .context("objectStorage.caCert is not valid base64")?,
        );
    }
    let s3 = S3Config {
        endpoint: config.get("s3Url").filter(|u| !u.is_empty()).cloned(),
        region: config
            .get("region")
            .filter(|r| !r.is_empty())
            .cloned()
            .unwrap_or_else(|| "us-east-1".into()),
        bucket: bsl.spec.object_storage.bucket.trim_matches('/').to_string(),
        prefix: bsl
            .spec
            .object_storage
            .prefix
            .clone()
            .unwrap_or_default()
            .trim_matches('/')
            .to_string(),
        path_style: config.get("s3ForcePathStyle").is_some_and(|v| v == "true"),
        access_key_id: credentials.access_key_id,
        secret_access_key: credentials.secret_access_key.into(),
        session_token: credentials.session_token.map(Into::into),
        tls: TlsOptions {
            ca_cert_pem,
            skip_verify: config
                .get("insecureSkipTLSVerify")
                .is_some_and(|v| v == "true"),
        },
    };
    Ok(ObjectStore::new(StorageConfig::S3(s3))?)
}

#[derive(Debug, PartialEq, Eq)]
pub struct AwsCredentials {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: Option<String>,
}

/// The AWS shared-credentials INI format Velero's `cloud` key holds.
pub fn parse_aws_credentials(text: &str, profile: &str) -> Result<AwsCredentials> {
    let mut section = String::new();
    let (mut key_id, mut secret, mut token) = (None, None, None);
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().trim_start_matches("profile ").to_string();
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
            session_token: token,
        }),
        _ => bail!("profile [{profile}] has no aws_access_key_id and aws_secret_access_key"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_velero_credentials_files() {
        let ini = "[default]\naws_access_key_id = AK\naws_secret_access_key=SK\n\n[other]\naws_access_key_id=X\naws_secret_access_key=Y\naws_session_token=T\n";
        let c = parse_aws_credentials(ini, "default").unwrap();
        assert_eq!(c.access_key_id, "AK");
        assert_eq!(c.secret_access_key, "SK");
        assert_eq!(c.session_token, None);
        assert_eq!(
            parse_aws_credentials(ini, "other")
                .unwrap()
                .session_token
                .as_deref(),
            Some("T")
        );
        let err = parse_aws_credentials(ini, "missing").unwrap_err();
        // The message names the profile, never a value.
        assert!(!err.to_string().contains("SK"));
    }
}
