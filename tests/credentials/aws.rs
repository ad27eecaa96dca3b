//! AWS credential sources against moto: STS AssumeRole (signed with the base keys),
//! AssumeRoleWithWebIdentity (a token file, as IRSA mounts it), the shared files of Velero's
//! `cloud-credentials`, and S3 uploads signed with the fetched keys. GetCallerIdentity tells who the
//! keys are: moto maps an assumed-role key to its role session.

use std::time::Duration;

use kubectl_backup::storage::auth::aws::{
    AwsCredentialSource, AwsProvider, SESSION_NAME_PREFIX, SharedFiles, StsEndpoint,
};
use kubectl_backup::storage::{ObjectStore, S3Config, StorageConfig, TlsOptions};
use kubectl_backup_testbed::s3::MotoServer;

use crate::assert_no_secret;
use crate::support::{round_trip, small_parts};

const BASE_SECRET: &str = "moto-base-secret-value";
const ROLE: &str = "arn:aws:iam::123456789012:role/backup";

fn base_keys() -> AwsCredentialSource {
    AwsCredentialSource::Keys {
        access_key_id: "AKIDBASEKEY".into(),
        secret_access_key: BASE_SECRET.into(),
        session_token: None,
        origin: "keys of Secret kanister/s3".into(),
    }
}

fn sts(server: &MotoServer) -> StsEndpoint {
    StsEndpoint {
        endpoint: Some(server.endpoint.clone()),
        region: "us-east-1".into(),
    }
}

fn assume_role(server: &MotoServer, duration: Duration) -> AwsCredentialSource {
    AwsCredentialSource::AssumeRole {
        base: Box::new(base_keys()),
        role_arn: ROLE.into(),
        session_name: None,
        external_id: None,
        duration,
        sts: sts(server),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assume_role_keys_are_the_roles_and_sign_s3() {
    crate::trace_capture::install();
    let Some(server) = MotoServer::start().await.unwrap() else {
        return;
    };
    server.create_bucket("bucket").await.unwrap();
    let source = assume_role(&server, Duration::from_secs(3600));
    let provider = AwsProvider::new(source.clone(), &TlsOptions::default()).unwrap();
    let keys = provider.keys().await.unwrap();
    assert_ne!(keys.access_key_id, "AKIDBASEKEY");
    assert!(keys.session_token.is_some() && keys.expires.is_some());
    // Cached: the same keys until they near expiry.
    assert_eq!(
        provider.keys().await.unwrap().access_key_id,
        keys.access_key_id
    );
    let identity = provider.caller_identity(&sts(&server)).await.unwrap();
    assert!(
        identity.starts_with("arn:aws:sts::123456789012:assumed-role/backup/")
            && identity.contains(SESSION_NAME_PREFIX),
        "{identity}"
    );

    let config = StorageConfig::S3(S3Config {
        endpoint: Some(server.endpoint.clone()),
        region: "us-east-1".into(),
        bucket: "bucket".into(),
        prefix: "roles".into(),
        path_style: true,
        credential_source: Some(source.clone()),
        ..Default::default()
    });
    let store = ObjectStore::with_options(config.clone(), small_parts()).unwrap();
    round_trip(&store, "multipart", 5 * (1 << 20) + 7, 3).await;
    let shown = format!("{config:?} {source:?} {} {keys:?}", source.describe());
    assert_no_secret(
        &shown,
        &[
            BASE_SECRET,
            keys.secret_access_key.expose(),
            keys.session_token.as_ref().unwrap().expose(),
        ],
    );
    assert!(source.describe().contains(ROLE), "{}", source.describe());
    crate::trace_capture::assert_log_has_no_secret(&[
        BASE_SECRET,
        keys.secret_access_key.expose(),
        keys.session_token.as_ref().unwrap().expose(),
    ]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn short_lived_keys_are_fetched_again() {
    let Some(server) = MotoServer::start().await.unwrap() else {
        return;
    };
    // Keys that expire within the refresh margin are never reused: every use fetches new ones,
    // which is what happens to an upload that outlives its keys.
    let provider = AwsProvider::new(
        assume_role(&server, Duration::from_secs(60)),
        &TlsOptions::default(),
    )
    .unwrap();
    let first = provider.keys().await.unwrap();
    let second = provider.keys().await.unwrap();
    assert_ne!(first.access_key_id, second.access_key_id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn web_identity_token_file_as_irsa_mounts_it() {
    let Some(server) = MotoServer::start().await.unwrap() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("token");
    let token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJl";
    std::fs::write(&token_file, token).unwrap();
    let endpoint = server.endpoint.clone();
    let env = move |k: &str| match k {
        "AWS_WEB_IDENTITY_TOKEN_FILE" => Some(token_file.display().to_string()),
        "AWS_ROLE_ARN" => Some("arn:aws:iam::123456789012:role/irsa".to_string()),
        "AWS_ROLE_SESSION_NAME" => Some("velero-pod".to_string()),
        "AWS_ENDPOINT_URL_STS" => Some(endpoint.clone()),
        "HOME" => Some("/nonexistent".to_string()),
        _ => None,
    };
    let source = AwsCredentialSource::from_environment(&env, "us-east-1")
        .unwrap()
        .unwrap();
    assert!(
        matches!(source, AwsCredentialSource::WebIdentity { .. }),
        "{source:?}"
    );
    let provider = AwsProvider::new(source.clone(), &TlsOptions::default()).unwrap();
    let identity = provider.caller_identity(&sts(&server)).await.unwrap();
    assert!(
        identity.ends_with(":assumed-role/irsa/velero-pod"),
        "{identity}"
    );
    assert_no_secret(&format!("{source:?} {}", source.describe()), &[token]);

    // A token file that is gone names the source and the fix.
    std::fs::remove_file(dir.path().join("token")).unwrap();
    let fresh = AwsProvider::new(source, &TlsOptions::default()).unwrap();
    let error = fresh.keys().await.unwrap_err().to_string();
    assert!(
        error.contains("AssumeRoleWithWebIdentity arn:aws:iam::123456789012:role/irsa")
            && error.contains("token file"),
        "{error}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn velero_cloud_credentials_with_a_source_profile() {
    let Some(server) = MotoServer::start().await.unwrap() else {
        return;
    };
    server.create_bucket("velero").await.unwrap();
    let file = format!(
        "[default]\naws_access_key_id = AKIDBASEKEY\naws_secret_access_key = {BASE_SECRET}\n\n\
         [profile backup]\nrole_arn = {ROLE}\nsource_profile = default\nrole_session_name = velero\n"
    );
    let files = SharedFiles::parse(&file, "Secret velero/cloud-credentials key cloud");
    let source = files.source("backup", &|_| None, &sts(&server)).unwrap();
    let provider = AwsProvider::new(source.clone(), &TlsOptions::default()).unwrap();
    assert!(
        provider
            .caller_identity(&sts(&server))
            .await
            .unwrap()
            .ends_with(":assumed-role/backup/velero")
    );
    let store = ObjectStore::with_options(
        StorageConfig::S3(S3Config {
            endpoint: Some(server.endpoint.clone()),
            region: "us-east-1".into(),
            bucket: "velero".into(),
            path_style: true,
            credential_source: Some(source),
            ..Default::default()
        }),
        small_parts(),
    )
    .unwrap();
    store
        .put_bytes("backups/b1/velero-backup.json", &b"{}"[..])
        .await
        .unwrap();
    assert_eq!(
        &store
            .get_bytes("backups/b1/velero-backup.json")
            .await
            .unwrap()[..],
        b"{}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreachable_sts_names_the_source() {
    let source = AwsCredentialSource::AssumeRole {
        base: Box::new(base_keys()),
        role_arn: ROLE.into(),
        session_name: None,
        external_id: None,
        duration: Duration::from_secs(3600),
        sts: StsEndpoint {
            endpoint: Some("http://127.0.0.1:1".into()),
            region: "us-east-1".into(),
        },
    };
    let store = ObjectStore::with_options(
        StorageConfig::S3(S3Config {
            endpoint: Some("http://127.0.0.1:1".into()),
            region: "us-east-1".into(),
            bucket: "b".into(),
            path_style: true,
            credential_source: Some(source),
            ..Default::default()
        }),
        small_parts(),
    )
    .unwrap();
    let error = store
        .put_bytes("k", &b"x"[..])
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains(&format!(
            "STS AssumeRole {ROLE} with keys of Secret kanister/s3"
        )) && error.contains("STS at http://127.0.0.1:1"),
        "{error}"
    );
    assert_no_secret(&error, &[BASE_SECRET]);
}
