//! HTTPS endpoints: a custom CA, skip-verify, and the error when neither is given.
//! `tls/` holds a test-only CA and a server certificate for 127.0.0.1 (valid until 2126).

use kubectl_backup::storage::{GcsConfig, ObjectStore, StorageConfig, StorageError, TlsOptions};
use kubectl_backup_testbed::s3::{S3Options, S3Server};

use crate::support::{round_trip, s3_config, small_parts};

const CA: &[u8] = include_bytes!("tls/ca.pem");
const CERT: &[u8] = include_bytes!("tls/server.pem");
const KEY: &[u8] = include_bytes!("tls/server.key");

async fn https_server() -> S3Server {
    let options = S3Options {
        tls: Some((CERT.to_vec(), KEY.to_vec())),
        ..Default::default()
    };
    S3Server::start_with(options).await.unwrap()
}

fn store(server: &S3Server, tls: TlsOptions) -> ObjectStore {
    let config = s3_config(
        &server.endpoint,
        "bucket",
        "",
        &server.access_key,
        &server.secret_key,
    );
    let config = kubectl_backup::storage::S3Config { tls, ..config };
    ObjectStore::with_options(StorageConfig::S3(config), small_parts()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn custom_ca_is_trusted() {
    let server = https_server().await;
    assert!(server.endpoint.starts_with("https://"));
    let store = store(
        &server,
        TlsOptions {
            ca_cert_pem: Some(CA.to_vec()),
            skip_verify: false,
        },
    );
    round_trip(&store, "over-tls", 6 << 20, 8).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn skip_verify_accepts_an_unknown_issuer() {
    let server = https_server().await;
    let store = store(
        &server,
        TlsOptions {
            ca_cert_pem: None,
            skip_verify: true,
        },
    );
    round_trip(&store, "insecure", 10, 9).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_issuer_is_a_clear_error() {
    let server = https_server().await;
    let store = store(&server, TlsOptions::default());
    let error = store.check().await.unwrap_err();
    assert!(matches!(error, StorageError::Tls { .. }), "{error}");
    let text = error.to_string();
    assert!(
        text.contains("TLS with https://127.0.0.1") && text.contains("CA certificate"),
        "{text}"
    );
    eprintln!("{text}");
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[tokio::test]
async fn garbage_ca_bundle_is_refused() {
    let config = s3_config("https://127.0.0.1:1", "bucket", "", "AK", "SK");
    let tls = TlsOptions {
        ca_cert_pem: Some(b"not a certificate".to_vec()),
        skip_verify: false,
    };
    let error = ObjectStore::new(StorageConfig::S3(kubectl_backup::storage::S3Config {
        tls,
        ..config
    }))
    .unwrap_err();
    assert!(error.to_string().contains("CA certificate"), "{error}");
}

/// GCS goes through the same S3 client (XML API, HMAC keys) but deletes key by key, since GCS
/// has no multi-object delete; s3s-fs stands in for storage.googleapis.com.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gcs_interop_mode() {
    let server = S3Server::start_with(S3Options::default()).await.unwrap();
    let config = GcsConfig {
        endpoint: Some(server.endpoint.clone()),
        bucket: "bucket".into(),
        prefix: "gcs".into(),
        hmac_access_id: server.access_key.clone(),
        hmac_secret: server.secret_key.clone().into(),
        ..Default::default()
    };
    let store = ObjectStore::with_options(StorageConfig::Gcs(config), small_parts()).unwrap();
    round_trip(&store, "a/object", 5 * (1 << 20) + 1, 10).await;
    store.put_bytes("a/other", &b"x"[..]).await.unwrap();
    let deleted = store
        .delete_prefix("a", kubectl_backup::storage::PrefixMode::PathSafe)
        .await
        .unwrap();
    assert_eq!(deleted, 2);
    let requests = server.requests();
    assert!(
        !requests.iter().any(|r| r.contains("?delete")),
        "GCS must not use DeleteObjects: {requests:?}"
    );
    assert_eq!(
        requests
            .iter()
            .filter(|r| r.starts_with("DELETE /bucket/gcs/a/"))
            .count(),
        2,
        "{requests:?}"
    );
}
