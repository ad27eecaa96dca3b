//! The Azure Blob backend against Azurite (`azurite-blob` from npm `azurite`), which checks Shared
//! Key signatures. Skipped (through `skip::skipped`) when Azurite is not installed (`npm install -g azurite`, or set
//! `AZURITE_BLOB` to the `azurite-blob` executable).

use std::time::Duration;

use kubectl_backup::storage::{
    AzureConfig, MIB, ObjectStore, PrefixMode, StorageConfig, StorageError,
};
use tokio_util::sync::CancellationToken;

use crate::azurite::{self, ACCOUNT, Azurite};
use crate::support::{
    Stalls, delimited, listed, put_in_parallel, put_ones, round_trip, small_parts,
};

/// The development account's well-known key.
const KEY: &str =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

async fn azurite() -> Option<Azurite> {
    azurite::start("an Azure Blob test", &[]).await
}

fn store(server: &Azurite, container: &str, key: &str, prefix: &str) -> ObjectStore {
    let config = AzureConfig {
        account: ACCOUNT.into(),
        key: key.into(),
        container: container.into(),
        prefix: prefix.into(),
        endpoint: Some(server.endpoint.clone()),
        ..Default::default()
    };
    ObjectStore::with_options(StorageConfig::Azure(config), small_parts()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn round_trips_lists_and_deletes() {
    let Some(server) = azurite().await else {
        return;
    };
    let store = store(&server, "backups", KEY, "pre");
    store.create_bucket().await.unwrap();
    store.create_bucket().await.unwrap(); // already there: fine
    store.check().await.unwrap();
    for (key, len) in [
        ("empty", 0u64),
        ("one", 1),
        ("dir/part plus one", 5 * MIB as u64 + 1),
    ] {
        let put = round_trip(&store, key, len, len + 3).await;
        assert_eq!(put.parts, if len > 5 * MIB as u64 { 2 } else { 1 }, "{key}");
    }
    assert_eq!(delimited(&store, "").await, ["dir/", "empty", "one"]);

    put_ones(&store, ["a/b", "a/b/c", "a/bc"]).await;
    assert_eq!(
        store
            .delete_prefix("a/b", PrefixMode::PathSafe)
            .await
            .unwrap(),
        2
    );
    assert!(store.head("a/bc").await.unwrap().is_some());
    assert!(store.get("a/b").await.unwrap_err().is_not_found());
    store.delete("a/bc").await.unwrap();
    store.delete("a/bc").await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_across_pages() {
    let Some(server) = azurite().await else {
        return;
    };
    let store = store(&server, "paged", KEY, "");
    store.create_bucket().await.unwrap();
    let names: Vec<String> = (0..1010).map(|i| format!("k/{i:04}")).collect();
    put_in_parallel(&store, &names).await;
    assert_eq!(listed(&store, "k/").await, names);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_key_and_missing_container_are_named() {
    let Some(server) = azurite().await else {
        return;
    };
    let wrong = store(&server, "backups", "d3Jvbmcta2V5", "");
    let error = wrong.check().await.unwrap_err().to_string();
    assert!(error.contains("credentials rejected"), "{error}");
    assert!(!error.contains("d3Jvbmcta2V5"), "{error}");
    assert_eq!(error.lines().count(), 1);
    let missing = store(&server, "nope", KEY, "");
    let error = missing.check().await.unwrap_err();
    assert!(
        matches!(error, StorageError::NoSuchBucket { .. }),
        "{error}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelled_push_commits_nothing() {
    let Some(server) = azurite().await else {
        return;
    };
    let token = CancellationToken::new();
    let store = store(&server, "cancel", KEY, "").with_cancellation(token.clone());
    store.create_bucket().await.unwrap();
    let push = tokio::spawn({
        let store = store.clone();
        async move {
            store
                .put("half", Stalls::after(2 * 5 * MIB as u64 + 1), None)
                .await
        }
    });
    tokio::time::sleep(Duration::from_millis(1500)).await;
    token.cancel();
    let error = push.await.unwrap().unwrap_err();
    assert!(matches!(error, StorageError::Cancelled { .. }), "{error}");
    let fresh = self::store(&server, "cancel", KEY, "");
    assert!(fresh.head("half").await.unwrap().is_none());
}

/// An account SAS for Azurite's development account, signed with its well-known key (what
/// `az storage account generate-sas` makes): service blob, all resource types.
fn account_sas(permissions: &str) -> String {
    use base64::Engine;
    let engine = base64::engine::general_purpose::STANDARD;
    let (version, expiry) = ("2019-12-12", "2035-01-01T00:00:00Z");
    let string_to_sign =
        format!("{ACCOUNT}\n{permissions}\nb\nsco\n\n{expiry}\n\nhttps,http\n{version}\n");
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &engine.decode(KEY).unwrap());
    let signature = engine.encode(ring::hmac::sign(&key, string_to_sign.as_bytes()));
    url::form_urlencoded::Serializer::new(String::new())
        .append_pair("sv", version)
        .append_pair("ss", "b")
        .append_pair("srt", "sco")
        .append_pair("sp", permissions)
        .append_pair("se", expiry)
        .append_pair("spr", "https,http")
        .append_pair("sig", &signature)
        .finish()
}

/// A SAS instead of the account key: Azurite checks its signature and its permissions.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shared_access_signature() {
    let Some(server) = azurite().await else {
        return;
    };
    let sas_store = |sas: String| {
        let config = AzureConfig {
            account: ACCOUNT.into(),
            sas_token: Some(format!("?{sas}").into()),
            container: "sas".into(),
            prefix: "p".into(),
            endpoint: Some(server.endpoint.clone()),
            ..Default::default()
        };
        ObjectStore::with_options(StorageConfig::Azure(config.clone()), small_parts())
            .map(|store| (config, store))
            .unwrap()
    };
    let full = account_sas("rwdlac");
    let (config, store) = sas_store(full.clone());
    store.create_bucket().await.unwrap();
    round_trip(&store, "blocks", 5 * MIB as u64 + 9, 4).await;
    assert_eq!(listed(&store, "").await, ["blocks"]);
    let signature: String = url::form_urlencoded::parse(full.as_bytes())
        .find(|(k, _)| k == "sig")
        .unwrap()
        .1
        .into_owned();
    assert!(!format!("{config:?}").contains(&signature));

    // Read and list only: writing is refused, and the error does not carry the signature.
    let (_, read_only) = sas_store(account_sas("rl"));
    assert_eq!(listed(&read_only, "").await, ["blocks"]);
    let error = read_only.put_bytes("x", &b"x"[..]).await.unwrap_err();
    assert!(
        matches!(error, StorageError::AccessDenied { .. }),
        "{error}"
    );
    assert!(!error.to_string().contains(&signature), "{error}");

    // A SAS signed with another key is refused as credentials.
    let (_, forged) = sas_store(full.replace(&signature[..8], "AAAAAAAA"));
    let error = forged.check().await.unwrap_err();
    assert!(
        matches!(
            error,
            StorageError::Credentials { .. } | StorageError::AccessDenied { .. }
        ),
        "{error}"
    );
}
