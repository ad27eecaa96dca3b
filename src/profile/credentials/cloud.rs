//! The credential sources a profile's Secret can lead to beyond plain keys: an AWS role to assume
//! (Kanister's `role`), the pod's own identity (IRSA, EKS Pod Identity, instance metadata, GKE
//! and Azure Workload Identity), a GCP service-account key, an Azure service principal or SAS.
//!
//! # The order in which credentials are found
//!
//! **S3** (`s3Compliant`, and Velero `aws` locations):
//! 1. a `keyPair` credential: the two keys it names;
//! 2. a `secrets.kanister.io/aws` Secret: `aws_access_key_id`/`aws_secret_access_key`
//!    (+ `aws_session_token`) when both are set;
//! 3. otherwise the pod's or shell's own AWS identity, in the AWS SDKs' order (see
//!    [`crate::storage::auth::aws`]): environment keys, `AWS_WEB_IDENTITY_TOKEN_FILE` +
//!    `AWS_ROLE_ARN` (IRSA), the shared files and `AWS_PROFILE`, container credentials (EKS Pod
//!    Identity, ECS), instance metadata (IMDSv2);
//! 4. then, when the Secret has a `role`, STS AssumeRole of that role with what 2 or 3 found
//!    (session `aws-go-sdk-<ns>` and 1 hour, as Kanister), unless 3 already is that role.
//!
//! **GCS**: a `keyPair` whose secret is a service-account JSON key (`kanctl create profile gcp`),
//! or a `secrets.kanister.io/gcp` Secret's `service-account.json`: OAuth tokens through the JSON
//! API; HMAC keys (`gcs_hmac_access_id`): the XML API; a `keyPair` with an empty key: the
//! metadata server (GKE Workload Identity).
//!
//! **Azure**: a `keyPair` (account, key) or a `secrets.kanister.io/azure` Secret, whose
//! `azure_storage_environment` picks the cloud; in it, `azure_storage_sas_token` (a SAS), else
//! `azure_client_id`/`azure_tenant_id`/`azure_client_secret` (a service principal), else
//! `azure_federated_identity: "true"` (workload identity: `AZURE_CLIENT_ID`, `AZURE_TENANT_ID`,
//! `AZURE_FEDERATED_TOKEN_FILE`), else `azure_storage_key`.

use std::collections::BTreeMap;

use anyhow::{Result, anyhow, bail};

use crate::storage::auth::TokenSource;
use crate::storage::auth::aws::{AwsCredentialSource, DEFAULT_ASSUME_ROLE_DURATION, StsEndpoint};
use crate::storage::auth::azure::{AadCredential, AzureEnvironment, ClientProof};
use crate::storage::auth::gcp::{METADATA_ENDPOINT, ServiceAccountKey};

/// Reads an environment variable; the process environment outside tests.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

pub const AZURE_FEDERATED_IDENTITY: &str = "azure_federated_identity";
/// Ours: a shared access signature for the container or account.
pub const AZURE_STORAGE_SAS_TOKEN: &str = "azure_storage_sas_token";
/// Ours: a service principal, as Velero's Azure plugin takes it (`AZURE_CLIENT_ID`, …).
pub const AZURE_CLIENT_ID: &str = "azure_client_id";
pub const AZURE_TENANT_ID: &str = "azure_tenant_id";
pub const AZURE_CLIENT_SECRET: &str = "azure_client_secret";
/// Kanister's GCP Secret type (`secrets.kanister.io/gcp`) and its key-file key.
pub const GCP_SECRET_TYPE: &str = "secrets.kanister.io/gcp";
pub const GCP_SERVICE_ACCOUNT_JSON: &str = "service-account.json";

/// The AWS source of a Kanister AWS Secret's fields (`secret` names it in messages).
pub fn aws_source(
    fields: &BTreeMap<String, String>,
    secret: &str,
    region: &str,
    env: Env<'_>,
    what: &str,
) -> Result<AwsCredentialSource> {
    let get = |k: &str| {
        fields
            .get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let sts = StsEndpoint::from_environment(env, region);
    let base = match (get(super::AWS_ACCESS_KEY_ID), get(super::AWS_SECRET_ACCESS_KEY)) {
        (Some(id), Some(key)) => AwsCredentialSource::Keys {
            access_key_id: id,
            secret_access_key: key.into(),
            session_token: get(super::AWS_SESSION_TOKEN).map(Into::into),
            origin: format!(
                "keys {}/{} of Secret {secret}",
                super::AWS_ACCESS_KEY_ID,
                super::AWS_SECRET_ACCESS_KEY
            ),
        },
        _ => AwsCredentialSource::from_environment(env, region)
            .map_err(|e| anyhow!("{what}: {e}"))?
            .ok_or_else(|| {
                anyhow!(
                    "{what}: Secret {secret} has no aws_access_key_id/aws_secret_access_key, and this \
                     environment has no AWS identity either (IRSA: AWS_WEB_IDENTITY_TOKEN_FILE + \
                     AWS_ROLE_ARN; EKS Pod Identity: AWS_CONTAINER_CREDENTIALS_FULL_URI; or instance \
                     metadata, disabled by AWS_EC2_METADATA_DISABLED); add the keys to the Secret"
                )
            })?,
    };
    let Some(role) = get(super::AWS_ROLE) else {
        return Ok(base);
    };
    // Kanister does not switch to the role the web identity already is.
    if let AwsCredentialSource::WebIdentity { role_arn, .. } = &base
        && *role_arn == role
    {
        return Ok(base);
    }
    Ok(AwsCredentialSource::AssumeRole {
        base: Box::new(base),
        role_arn: role,
        session_name: None,
        external_id: None,
        duration: DEFAULT_ASSUME_ROLE_DURATION,
        sts,
    })
}

/// The token source of a GCS profile's key: a service-account JSON key, or (an empty key) the
/// metadata server. `None` for anything else (HMAC keys).
pub fn gcp_token_source(key: &str, origin: &str, env: Env<'_>) -> Result<Option<TokenSource>> {
    let key = key.trim();
    if key.starts_with('{') {
        let parsed = ServiceAccountKey::parse(key, origin).map_err(|e| anyhow!("{e}"))?;
        return Ok(Some(TokenSource::GcpServiceAccount(parsed)));
    }
    if key.is_empty() {
        let endpoint = env("GCE_METADATA_HOST")
            .map(|h| {
                if h.contains("://") {
                    h
                } else {
                    format!("http://{h}")
                }
            })
            .unwrap_or_else(|| METADATA_ENDPOINT.into());
        return Ok(Some(TokenSource::GcpMetadata { endpoint }));
    }
    Ok(None)
}

/// How an Azure profile authenticates, besides the account key.
pub enum AzureAuth {
    Key(String),
    Sas(String),
    Token(TokenSource),
}

/// The Azure auth of a Kanister Azure Secret's fields, in the order of the module documentation.
pub fn azure_auth(
    fields: &BTreeMap<String, String>,
    secret: &str,
    environment: &AzureEnvironment,
    env: Env<'_>,
    what: &str,
) -> Result<AzureAuth> {
    let get = |k: &str| {
        fields
            .get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let authority_host =
        env("AZURE_AUTHORITY_HOST").unwrap_or_else(|| environment.authority_host.to_string());
    if let Some(sas) = get(AZURE_STORAGE_SAS_TOKEN) {
        return Ok(AzureAuth::Sas(sas));
    }
    if let (Some(client_id), Some(tenant_id), Some(client_secret)) = (
        get(AZURE_CLIENT_ID),
        get(AZURE_TENANT_ID),
        get(AZURE_CLIENT_SECRET),
    ) {
        return Ok(AzureAuth::Token(TokenSource::AzureAd(AadCredential {
            tenant_id,
            client_id,
            proof: ClientProof::Secret(client_secret.into()),
            authority_host,
            origin: format!("Secret {secret}"),
        })));
    }
    if get(AZURE_FEDERATED_IDENTITY).is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        let need = |k: &str| {
            env(k).ok_or_else(|| {
                anyhow!(
                    "{what}: Secret {secret} asks for Azure workload identity ({AZURE_FEDERATED_IDENTITY}) \
                     but {k} is not set; run in a pod labelled azure.workload.identity/use=true"
                )
            })
        };
        return Ok(AzureAuth::Token(TokenSource::AzureAd(AadCredential {
            tenant_id: need("AZURE_TENANT_ID")?,
            client_id: need("AZURE_CLIENT_ID")?,
            proof: ClientProof::FederatedTokenFile(need("AZURE_FEDERATED_TOKEN_FILE")?.into()),
            authority_host,
            origin: "the environment (Azure Workload Identity)".into(),
        })));
    }
    match get(super::AZURE_STORAGE_KEY) {
        Some(key) => Ok(AzureAuth::Key(key)),
        None => bail!(
            "{what}: Secret {secret} has no {}, {AZURE_STORAGE_SAS_TOKEN}, service principal \
             ({AZURE_CLIENT_ID}/{AZURE_TENANT_ID}/{AZURE_CLIENT_SECRET}) or {AZURE_FEDERATED_IDENTITY}: \"true\"",
            super::AZURE_STORAGE_KEY
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_role_is_assumed_with_the_secret_keys() {
        let env = |_: &str| None;
        let source = aws_source(
            &fields(&[
                ("aws_access_key_id", "AK"),
                ("aws_secret_access_key", "TOPSECRET"),
                ("role", "arn:aws:iam::1:role/r"),
            ]),
            "ns/s",
            "eu-west-1",
            &env,
            "profile p",
        )
        .unwrap();
        let shown = format!("{source:?} {}", source.describe());
        assert!(
            shown.contains("STS AssumeRole arn:aws:iam::1:role/r with keys aws_access_key_id/aws_secret_access_key of Secret ns/s"),
            "{shown}"
        );
        assert!(!shown.contains("TOPSECRET"), "{shown}");
    }

    #[test]
    fn irsa_is_not_assumed_twice() {
        let env = |k: &str| match k {
            "AWS_WEB_IDENTITY_TOKEN_FILE" => Some("/t".to_string()),
            "AWS_ROLE_ARN" => Some("arn:aws:iam::1:role/r".to_string()),
            "HOME" => Some("/nonexistent".to_string()),
            _ => None,
        };
        let source = aws_source(
            &fields(&[("role", "arn:aws:iam::1:role/r")]),
            "ns/s",
            "",
            &env,
            "profile p",
        )
        .unwrap();
        assert!(
            matches!(source, AwsCredentialSource::WebIdentity { .. }),
            "{source:?}"
        );
    }

    #[test]
    fn azure_order_and_missing_pieces_are_named() {
        let public = AzureEnvironment::named("").unwrap();
        let env = |_: &str| None;
        let sp = azure_auth(
            &fields(&[
                ("azure_storage_key", "a2V5"),
                ("azure_client_id", "c"),
                ("azure_tenant_id", "t"),
                ("azure_client_secret", "TOPSECRET"),
            ]),
            "ns/s",
            &public,
            &env,
            "profile p",
        )
        .unwrap();
        let AzureAuth::Token(source) = sp else {
            panic!()
        };
        assert!(source.describe().contains("client secret"));
        assert!(!format!("{source:?}").contains("TOPSECRET"));
        let error = azure_auth(
            &fields(&[("azure_federated_identity", "true")]),
            "ns/s",
            &public,
            &env,
            "profile p",
        )
        .err()
        .unwrap()
        .to_string();
        assert!(error.contains("AZURE_TENANT_ID"), "{error}");
    }
}
