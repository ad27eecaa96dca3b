//! Fetched credentials against real implementations on loopback: moto's STS (AssumeRole,
//! AssumeRoleWithWebIdentity, GetCallerIdentity) and S3; fake-gcs-server (the GCS JSON API) with a
//! loopback stand-in for Google's token server that verifies the JWT's RS256 signature with the
//! test key's public key; Azurite with a shared access signature. Missing tools are skipped through
//! `skip::skipped` (a failure under `KB_NO_SKIPS=1`).
//!
//! Every test also checks that no secret (keys, session tokens, private keys, bearer tokens, SAS
//! signatures, client secrets, federated and metadata tokens) appears in a `Debug` rendering, a
//! source description, an error, or what `-vvv` would log (`trace_capture`: every library's
//! events at TRACE, captured in process).

#[path = "storage/support.rs"]
#[allow(dead_code)]
mod support;

#[path = "credentials/aws.rs"]
mod aws;

#[path = "credentials/gcs.rs"]
mod gcs;

#[path = "credentials/gcs_parallel.rs"]
mod gcs_parallel;

#[path = "credentials/aws_endpoints.rs"]
mod aws_endpoints;

#[path = "storage/azurite.rs"]
mod azurite;

#[path = "credentials/azure.rs"]
mod azure;

#[path = "credentials/trace_capture.rs"]
mod trace_capture;

#[path = "credentials/token_server.rs"]
mod token_server;

/// Fails when `shown` contains any of `secrets`.
pub fn assert_no_secret(shown: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(
            secret.is_empty() || !shown.contains(secret),
            "a secret leaked into: {shown}"
        );
    }
}
