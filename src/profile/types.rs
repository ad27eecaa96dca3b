//! Kanister's Profile custom resource (`cr.kanister.io/v1alpha1`): where artifacts go and the
//! credentials that reach it. Payload fields sit at the top level (no `spec`).

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use crate::blueprint::types::{API_VERSION, GROUP, ObjectReference, VERSION};

pub const KIND: &str = "Profile";
pub const PLURAL: &str = "profiles";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub api_version: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    #[serde(default)]
    pub metadata: ObjectMeta,
    #[serde(default)]
    pub location: Location,
    #[serde(default)]
    pub credential: Credential,
    #[serde(default, rename = "skipSSLVerify")]
    pub skip_ssl_verify: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    #[serde(default, rename = "type")]
    pub location_type: LocationType,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bucket: String,
    /// Custom endpoint (MinIO, …); the repository-server address for `kopia`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub endpoint: String,
    /// Joined in front of every `kando --path`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prefix: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub region: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum LocationType {
    #[default]
    Unset,
    S3Compliant,
    Gcs,
    Azure,
    Kopia,
    Other(String),
}

impl LocationType {
    pub fn as_str(&self) -> &str {
        match self {
            LocationType::Unset => "",
            LocationType::S3Compliant => "s3Compliant",
            LocationType::Gcs => "gcs",
            LocationType::Azure => "azure",
            LocationType::Kopia => "kopia",
            LocationType::Other(s) => s,
        }
    }
}

impl From<String> for LocationType {
    fn from(s: String) -> Self {
        match s.as_str() {
            "" => LocationType::Unset,
            "s3Compliant" => LocationType::S3Compliant,
            "gcs" => LocationType::Gcs,
            "azure" => LocationType::Azure,
            "kopia" => LocationType::Kopia,
            _ => LocationType::Other(s),
        }
    }
}

impl From<LocationType> for String {
    fn from(t: LocationType) -> Self {
        t.as_str().to_string()
    }
}

impl std::fmt::Display for LocationType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Credential {
    #[serde(default, rename = "type")]
    pub credential_type: CredentialType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_pair: Option<KeyPair>,
    /// A typed Secret (`secrets.kanister.io/aws`, `…/azure`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<ObjectReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kopia_server_secret: Option<KopiaServerSecret>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum CredentialType {
    #[default]
    Unset,
    KeyPair,
    Secret,
    Kopia,
    Other(String),
}

impl CredentialType {
    pub fn as_str(&self) -> &str {
        match self {
            CredentialType::Unset => "",
            CredentialType::KeyPair => "keyPair",
            CredentialType::Secret => "secret",
            CredentialType::Kopia => "kopia",
            CredentialType::Other(s) => s,
        }
    }
}

impl From<String> for CredentialType {
    fn from(s: String) -> Self {
        match s.as_str() {
            "" => CredentialType::Unset,
            "keyPair" => CredentialType::KeyPair,
            "secret" => CredentialType::Secret,
            "kopia" => CredentialType::Kopia,
            _ => CredentialType::Other(s),
        }
    }
}

impl From<CredentialType> for String {
    fn from(t: CredentialType) -> Self {
        t.as_str().to_string()
    }
}

impl std::fmt::Display for CredentialType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Names the two keys of a Secret that hold the access key ID and the secret key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyPair {
    #[serde(default)]
    pub id_field: String,
    #[serde(default)]
    pub secret_field: String,
    #[serde(default)]
    pub secret: ObjectReference,
}

/// Kopia repository-server credentials. The CRD preserves unknown fields here, and so do we.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KopiaServerSecret {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub username: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hostname: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_passphrase: Option<KopiaServerSecretRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_cert: Option<KopiaServerSecretRef>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub connect_options: BTreeMap<String, i64>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KopiaServerSecretRef {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<ObjectReference>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
