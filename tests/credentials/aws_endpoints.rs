//! The AWS credential endpoints a pod or an instance gets without any Secret, each a loopback
//! stand-in that behaves like the real one: the EKS Pod Identity / ECS container endpoint
//! (`AWS_CONTAINER_CREDENTIALS_FULL_URI`, the `Authorization` header read from
//! `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`), IMDSv2 (a session token from `PUT /latest/api/token`,
//! required on every lookup as `X-aws-ec2-metadata-token`), and an STS whose web identity
//! tokens rotate. The keys then sign real uploads to moto; keys that expire during a long upload
//! are fetched again, and the token files are read again on each refresh.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use kubectl_backup::storage::auth::REFRESH_MARGIN;
use kubectl_backup::storage::auth::aws::{AwsCredentialSource, AwsProvider};
use kubectl_backup::storage::{MIB, ObjectStore, S3Config, StorageConfig, TlsOptions};
use kubectl_backup_testbed::s3::MotoServer;

use crate::assert_no_secret;
use crate::gcs_parallel::Slow;
use crate::support::{round_trip, small_parts};
use crate::token_server::{Request, TokenServer};

const CONTAINER_SECRET: &str = "container-secret-access-key-value";
const CONTAINER_SESSION: &str = "container-session-token-value";
const IMDS_SECRET: &str = "imds-secret-access-key-value";
const IMDS_SESSION_TOKEN: &str = "imds-api-session-token-value";

/// An RFC 3339 time `from_now` ahead.
fn expiration(from_now: Duration) -> String {
    chrono::DateTime::<chrono::Utc>::from(SystemTime::now() + from_now)
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

fn header(request: &Request, name: &str) -> Option<String> {
    request
        .headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// Credentials JSON as the container endpoint and IMDS send it; key IDs number the issues.
fn credentials_json(n: usize, secret: &str, lifetime: Duration) -> String {
    serde_json::json!({
        "AccessKeyId": format!("ASIACONTAINER{n:04}"),
        "SecretAccessKey": format!("{secret}-{n}"),
        "Token": format!("{CONTAINER_SESSION}-{n}"),
        "Expiration": expiration(lifetime),
    })
    .to_string()
}

/// The EKS Pod Identity agent: `GET /v1/credentials` with the current content of `token` as
/// `Authorization` (the kubelet rotates the file), else 401.
async fn container_endpoint(token: Arc<Mutex<String>>, lifetime: Duration) -> TokenServer {
    let issued = Arc::new(Mutex::new(0usize));
    TokenServer::start(move |request: &Request| {
        let want = token.lock().unwrap().clone();
        if request.method != "GET" || request.path != "/v1/credentials" {
            return (404, r#"{"message":"not found"}"#.into());
        }
        if header(request, "authorization").as_deref() != Some(want.as_str()) {
            return (401, r#"{"message":"invalid authorization token"}"#.into());
        }
        let mut n = issued.lock().unwrap();
        *n += 1;
        (200, credentials_json(*n, CONTAINER_SECRET, lifetime))
    })
    .await
}

fn pod_identity_env(
    endpoint: &TokenServer,
    token_file: &std::path::Path,
) -> impl Fn(&str) -> Option<String> + use<> {
    let url = format!("{}/v1/credentials", endpoint.url);
    let file = token_file.display().to_string();
    move |k: &str| match k {
        "AWS_CONTAINER_CREDENTIALS_FULL_URI" => Some(url.clone()),
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE" => Some(file.clone()),
        "HOME" => Some("/nonexistent".into()),
        _ => None,
    }
}

fn s3_store(moto: &MotoServer, source: AwsCredentialSource) -> ObjectStore {
    ObjectStore::with_options(
        StorageConfig::S3(S3Config {
            endpoint: Some(moto.endpoint.clone()),
            region: "us-east-1".into(),
            bucket: "bucket".into(),
            path_style: true,
            credential_source: Some(source),
            ..Default::default()
        }),
        small_parts(),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pod_identity_credentials_sign_uploads_and_follow_the_rotated_token_file() {
    crate::trace_capture::install();
    let Some(moto) = MotoServer::start().await.unwrap() else {
        return;
    };
    moto.create_bucket("bucket").await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("eks-pod-identity-token");
    std::fs::write(&token_file, "pod-identity-token-1\n").unwrap();
    let current = Arc::new(Mutex::new("pod-identity-token-1".to_string()));
    // Keys valid for the refresh margin and a second: stale a second later.
    let endpoint =
        container_endpoint(current.clone(), REFRESH_MARGIN + Duration::from_secs(1)).await;
    let source =
        AwsCredentialSource::from_environment(&pod_identity_env(&endpoint, &token_file), "")
            .unwrap()
            .unwrap();
    assert!(
        matches!(source, AwsCredentialSource::Container { .. }),
        "{source:?}"
    );
    let store = s3_store(&moto, source.clone());
    round_trip(&store, "pod-identity", 5 * MIB as u64 + 3, 21).await;
    let before = endpoint.count();
    assert!(before >= 1);

    // The kubelet rotates the token; the agent accepts only the new one from now on.
    std::fs::write(&token_file, "pod-identity-token-2\n").unwrap();
    *current.lock().unwrap() = "pod-identity-token-2".into();
    let provider = AwsProvider::new(source.clone(), &TlsOptions::default()).unwrap();
    let keys = provider.keys().await.unwrap();
    assert!(keys.access_key_id.starts_with("ASIACONTAINER"));
    assert!(endpoint.count() > before);

    let error = AwsProvider::new(
        AwsCredentialSource::Container {
            url: format!("{}/v1/credentials", endpoint.url),
            authorization: Some("a-stale-token".into()),
            authorization_file: None,
        },
        &TlsOptions::default(),
    )
    .unwrap()
    .keys()
    .await
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("container credentials at") && error.contains("401"),
        "{error}"
    );
    let shown = format!("{source:?} {} {keys:?} {error}", source.describe());
    assert_no_secret(
        &shown,
        &[
            CONTAINER_SECRET,
            CONTAINER_SESSION,
            "pod-identity-token-2",
            "a-stale-token",
        ],
    );
    crate::trace_capture::assert_log_has_no_secret(&[
        CONTAINER_SECRET,
        CONTAINER_SESSION,
        "pod-identity-token-1",
        "pod-identity-token-2",
        "a-stale-token",
    ]);
}

/// IMDSv2: a session token from `PUT /latest/api/token` (TTL header required), then the role
/// name and its credentials, each lookup with the session token.
async fn imds(lifetime: Duration) -> TokenServer {
    let issued = Arc::new(Mutex::new(0usize));
    TokenServer::start(move |request: &Request| {
        if request.path == "/latest/api/token" {
            if request.method != "PUT"
                || header(request, "x-aws-ec2-metadata-token-ttl-seconds").is_none()
            {
                return (400, String::new());
            }
            return (200, IMDS_SESSION_TOKEN.into());
        }
        if request.method != "GET"
            || header(request, "x-aws-ec2-metadata-token").as_deref() != Some(IMDS_SESSION_TOKEN)
        {
            return (401, String::new());
        }
        match request.path.as_str() {
            "/latest/meta-data/iam/security-credentials/" => (200, "backup-node-role".into()),
            "/latest/meta-data/iam/security-credentials/backup-node-role" => {
                let mut n = issued.lock().unwrap();
                *n += 1;
                (200, credentials_json(*n, IMDS_SECRET, lifetime))
            }
            _ => (404, String::new()),
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instance_metadata_v2_credentials_are_refreshed_during_a_long_upload() {
    crate::trace_capture::install();
    let Some(moto) = MotoServer::start().await.unwrap() else {
        return;
    };
    moto.create_bucket("bucket").await.unwrap();
    // Valid for the margin and two seconds: stale two seconds into the upload.
    let server = imds(REFRESH_MARGIN + Duration::from_secs(2)).await;
    let endpoint = server.url.clone();
    let env = move |k: &str| match k {
        "AWS_EC2_METADATA_SERVICE_ENDPOINT" => Some(endpoint.clone()),
        "HOME" => Some("/nonexistent".into()),
        _ => None,
    };
    let source = AwsCredentialSource::from_environment(&env, "")
        .unwrap()
        .unwrap();
    assert!(
        source.describe().contains("IMDSv2"),
        "{}",
        source.describe()
    );
    let store = s3_store(&moto, source.clone());
    let len = 4 * 5 * MIB as u64;
    let started = Instant::now();
    let put = store
        .put("imds", Slow::new(len, Duration::from_secs(4)), Some(len))
        .await
        .unwrap();
    assert_eq!(put.size, len);
    assert!(started.elapsed() > Duration::from_secs(3));
    // Three requests per fetch (token, role, credentials): at least two fetches.
    assert!(
        server.count() >= 6,
        "{} IMDS requests during a {:?} upload",
        server.count(),
        started.elapsed()
    );
    let pulled = store.get_bytes("imds").await.unwrap();
    assert_eq!(pulled.len() as u64, len);
    assert_no_secret(
        &format!("{source:?} {}", source.describe()),
        &[IMDS_SECRET, IMDS_SESSION_TOKEN],
    );
    crate::trace_capture::assert_log_has_no_secret(&[
        IMDS_SECRET,
        IMDS_SESSION_TOKEN,
        CONTAINER_SESSION,
    ]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn web_identity_tokens_are_read_again_on_each_refresh() {
    crate::trace_capture::install();
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, "projected-sa-token-1").unwrap();
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let recorded = seen.clone();
    // STS as far as AssumeRoleWithWebIdentity goes: short-lived keys for whatever token came.
    let sts = TokenServer::start(move |request: &Request| {
        if request.field("Action").as_deref() != Some("AssumeRoleWithWebIdentity") {
            return (400, "<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>".into());
        }
        let token = request.field("WebIdentityToken").unwrap_or_default();
        recorded.lock().unwrap().push(token);
        let body = format!(
            "<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials>\
             <AccessKeyId>ASIAWEBIDENTITY</AccessKeyId><SecretAccessKey>web-identity-secret</SecretAccessKey>\
             <SessionToken>web-identity-session</SessionToken><Expiration>{}</Expiration>\
             </Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>",
            expiration(REFRESH_MARGIN)
        );
        (200, body)
    })
    .await;
    let (file, url) = (token_file.display().to_string(), sts.url.clone());
    let env = move |k: &str| match k {
        "AWS_WEB_IDENTITY_TOKEN_FILE" => Some(file.clone()),
        "AWS_ROLE_ARN" => Some("arn:aws:iam::123456789012:role/irsa".into()),
        "AWS_ENDPOINT_URL_STS" => Some(url.clone()),
        "HOME" => Some("/nonexistent".into()),
        _ => None,
    };
    let source = AwsCredentialSource::from_environment(&env, "us-east-1")
        .unwrap()
        .unwrap();
    let provider = AwsProvider::new(source, &TlsOptions::default()).unwrap();
    provider.keys().await.unwrap();
    std::fs::write(&token_file, "projected-sa-token-2").unwrap();
    // The keys are stale (they expire within the margin): this fetches again, with the new token.
    provider.keys().await.unwrap();
    assert_eq!(
        *seen.lock().unwrap(),
        ["projected-sa-token-1", "projected-sa-token-2"]
    );
    crate::trace_capture::assert_log_has_no_secret(&[
        "projected-sa-token-1",
        "projected-sa-token-2",
        "web-identity-secret",
        "web-identity-session",
    ]);
}
