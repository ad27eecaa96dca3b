//! Where objects live and how they are moved: one `StorageConfig` per location, shared by Kanister
//! Profiles, Velero BackupStorageLocations and etcd uploads.
//!
//! `Debug` never prints a secret: keys and tokens show as `<redacted>` (or `<none>`).

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// A secret string (secret key, session token, account key). Its `Debug` and `Display` are redacted,
/// so a config can be logged or put in an error without leaking credentials.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself: only for signing requests, never for printing.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() {
            "<empty>"
        } else {
            "<redacted>"
        })
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self::new(value)
    }
}

/// Which object store, and the location inside it (bucket/container plus an optional key prefix).
#[derive(Clone, Debug)]
pub enum StorageConfig {
    S3(S3Config),
    /// Google Cloud Storage: the XML API with HMAC keys, or the JSON API with OAuth tokens.
    Gcs(GcsConfig),
    Azure(AzureConfig),
    Local(LocalConfig),
}

impl StorageConfig {
    /// The key prefix every object of this location lives under (Profile `location.prefix`,
    /// BSL `objectStorage.prefix`), without leading or trailing slashes.
    pub fn prefix(&self) -> &str {
        let prefix = match self {
            StorageConfig::S3(c) => &c.prefix,
            StorageConfig::Gcs(c) => &c.prefix,
            StorageConfig::Azure(c) => &c.prefix,
            StorageConfig::Local(c) => &c.prefix,
        };
        prefix.trim_matches('/')
    }
}

/// An S3-compatible endpoint (AWS, MinIO, Ceph RGW, s3s-fs, moto, …).
#[derive(Clone, Debug, Default)]
pub struct S3Config {
    /// `https://host[:port][/path]`; `None` means AWS (`https://s3.<region>.amazonaws.com`).
    pub endpoint: Option<String>,
    /// SigV4 signing region; S3-compatible servers usually accept `us-east-1`.
    pub region: String,
    pub bucket: String,
    pub prefix: String,
    /// `host/bucket/key` instead of `bucket.host/key` (MinIO, Ceph, IP-address endpoints).
    pub path_style: bool,
    pub access_key_id: String,
    pub secret_access_key: Secret,
    pub session_token: Option<Secret>,
    /// When set, keys come from here (STS, web identity, container, instance metadata) and are
    /// refreshed before they expire; the three key fields above are then unused.
    pub credential_source: Option<super::auth::aws::AwsCredentialSource>,
    pub tls: TlsOptions,
}

/// Google Cloud Storage via `https://storage.googleapis.com`: HMAC keys (interoperability mode,
/// XML API) or OAuth tokens (`token_source`, JSON API).
#[derive(Clone, Debug, Default)]
pub struct GcsConfig {
    /// Defaults to `https://storage.googleapis.com`.
    pub endpoint: Option<String>,
    pub bucket: String,
    pub prefix: String,
    pub hmac_access_id: String,
    pub hmac_secret: Secret,
    /// When set, GCS is reached through its JSON API with OAuth bearer tokens from here (a
    /// service-account key, the metadata server) instead of the XML API with HMAC keys.
    pub token_source: Option<super::auth::TokenSource>,
    /// The project buckets are created in (`gcp_project_id`); only `create_bucket` needs it.
    pub project_id: String,
    pub tls: TlsOptions,
}

/// Azure Blob Storage with Shared Key authentication.
#[derive(Clone, Debug, Default)]
pub struct AzureConfig {
    pub account: String,
    /// The base64 account key (Shared Key auth); unused with `token_source` or `sas_token`.
    pub key: Secret,
    /// Azure AD tokens (service principal, workload identity) instead of the account key.
    pub token_source: Option<super::auth::TokenSource>,
    /// A shared access signature (the query string, with or without its leading `?`) instead of
    /// the account key.
    pub sas_token: Option<Secret>,
    pub container: String,
    pub prefix: String,
    /// Defaults to `https://<account>.blob.core.windows.net`. For Azurite and other emulators the
    /// account is part of the path: `http://127.0.0.1:10000/devstoreaccount1`.
    pub endpoint: Option<String>,
    pub tls: TlsOptions,
}

/// A directory on the local file system (tests, air-gapped copies, NFS mounts).
#[derive(Clone, Debug, Default)]
pub struct LocalConfig {
    pub root: PathBuf,
    pub prefix: String,
}

/// TLS settings for HTTPS endpoints.
#[derive(Clone, Debug, Default)]
pub struct TlsOptions {
    /// PEM bundle of extra CA certificates (self-signed MinIO, corporate CAs).
    pub ca_cert_pem: Option<Vec<u8>>,
    /// Skip certificate verification (`skipSSLVerify`, `insecureSkipTLSVerify`).
    pub skip_verify: bool,
}

/// How transfers are cut into parts, how many run at once, and how failures are retried.
/// Memory used by one upload is bounded by `part_size × (concurrency + 1)`.
#[derive(Clone, Debug)]
pub struct TransferOptions {
    /// Size of each multipart part / Azure block (at least 5 MiB for S3).
    pub part_size: usize,
    /// Objects smaller than this go up in one PUT; larger ones use multipart upload.
    pub multipart_threshold: usize,
    /// Parts uploaded in parallel.
    pub concurrency: usize,
    pub retry: RetryPolicy,
    /// Timeout for establishing a connection.
    pub connect_timeout: Duration,
    /// A request fails when no byte moved for this long.
    pub read_timeout: Duration,
}

impl Default for TransferOptions {
    fn default() -> Self {
        Self {
            part_size: 8 * MIB,
            multipart_threshold: 8 * MIB,
            concurrency: 4,
            retry: RetryPolicy::default(),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(120),
        }
    }
}

pub const MIB: usize = 1024 * 1024;

/// Smallest part S3 accepts (except for the last one).
pub const MIN_PART_SIZE: usize = 5 * MIB;

/// Largest number of parts in one S3 multipart upload (Azure allows 50,000 blocks; we use the same cap).
pub const MAX_PARTS: u64 = 10_000;

/// Exponential backoff with full jitter for 5xx, throttling (429/503 SlowDown) and dropped connections.
#[derive(Clone, Debug)]
pub struct RetryPolicy {
    /// Attempts in total, the first one included.
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 6,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(10),
        }
    }
}

impl TransferOptions {
    pub(crate) fn validate(&self) -> Result<(), String> {
        if self.part_size < MIN_PART_SIZE {
            return Err(format!(
                "part size {} is below the 5 MiB minimum of S3 multipart uploads",
                crate::output::human_bytes(self.part_size as u64)
            ));
        }
        if self.concurrency == 0 {
            return Err("concurrency must be at least 1".into());
        }
        if self.retry.max_attempts == 0 {
            return Err("retry attempts must be at least 1".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_prints_secrets() {
        let config = StorageConfig::S3(S3Config {
            endpoint: Some("http://127.0.0.1:9000".into()),
            region: "us-east-1".into(),
            bucket: "b".into(),
            access_key_id: "AKID".into(),
            secret_access_key: "very-secret-value".into(),
            session_token: Some("session-token-value".into()),
            ..Default::default()
        });
        let azure = StorageConfig::Azure(AzureConfig {
            account: "acct".into(),
            key: "YWNjb3VudC1rZXk=".into(),
            container: "c".into(),
            ..Default::default()
        });
        for shown in [
            format!("{config:?}"),
            format!("{config:#?}"),
            format!("{azure:?}"),
        ] {
            assert!(!shown.contains("very-secret-value"), "{shown}");
            assert!(!shown.contains("session-token-value"), "{shown}");
            assert!(!shown.contains("YWNjb3VudC1rZXk="), "{shown}");
            assert!(shown.contains("<redacted>"), "{shown}");
        }
    }

    #[test]
    fn prefix_is_trimmed() {
        let config = StorageConfig::Local(LocalConfig {
            root: "/x".into(),
            prefix: "/a/b/".into(),
        });
        assert_eq!(config.prefix(), "a/b");
    }
}
