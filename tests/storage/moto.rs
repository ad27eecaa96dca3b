//! The S3 backend against moto, a second, independent S3 implementation. Without `moto_server`
//! (`pip install 'moto[server]'`) each test is skipped through `skip::skipped` (in
//! `MotoServer::start`): logged, and a failure under `KB_NO_SKIPS=1`.

use kubectl_backup::storage::{MIB, ObjectStore, PrefixMode, StorageConfig, TransferOptions};
use kubectl_backup_testbed::s3::MotoServer;

use crate::support::{listed, put_ones, round_trip, s3_config, small_parts};

async fn moto_store(prefix: &str, options: TransferOptions) -> Option<(MotoServer, ObjectStore)> {
    let server = MotoServer::start()
        .await
        .expect("moto_server failed to start")?;
    server.create_bucket("bucket").await.unwrap();
    let config = s3_config(
        &server.endpoint,
        "bucket",
        prefix,
        "AKIDMOTO",
        "moto-secret",
    );
    let store = ObjectStore::with_options(StorageConfig::S3(config), options).unwrap();
    Some((server, store))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn round_trips_are_byte_identical() {
    let Some((_server, store)) = moto_store("pre", small_parts()).await else {
        return;
    };
    for (key, len) in [
        ("empty", 0u64),
        ("one", 1),
        ("part-plus-one", 5 * MIB as u64 + 1),
    ] {
        let put = round_trip(&store, key, len, len + 1).await;
        assert_eq!(put.parts, if len > 5 * MIB as u64 { 2 } else { 1 }, "{key}");
    }
    assert_eq!(listed(&store, "").await, ["empty", "one", "part-plus-one"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "1 GiB through moto takes a while and ~2 GiB of moto memory; run with --ignored"]
async fn one_gib_round_trip() {
    let Some((_server, store)) = moto_store("", TransferOptions::default()).await else {
        return;
    };
    let put = round_trip(&store, "big", 1 << 30, 5).await;
    assert_eq!(put.parts, 128);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kanister_delete_matches_siblings_and_path_safe_does_not() {
    let Some((_server, store)) = moto_store("pre", small_parts()).await else {
        return;
    };
    // On a real object store `a/b` can be an object and a "directory" at once.
    let keys = ["a/b", "a/b/c", "a/b/d/e", "a/bc", "a/b.tar", "a/x"];
    put_ones(&store, keys).await;
    assert_eq!(
        store
            .delete_prefix("a/b", PrefixMode::PathSafe)
            .await
            .unwrap(),
        3
    );
    assert_eq!(listed(&store, "").await, ["a/b.tar", "a/bc", "a/x"]);
    put_ones(&store, keys).await;
    assert_eq!(
        store
            .delete_prefix("a/b", PrefixMode::Kanister)
            .await
            .unwrap(),
        5
    );
    assert_eq!(listed(&store, "").await, ["a/x"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_bucket_is_named() {
    let Some((server, _store)) = moto_store("", small_parts()).await else {
        return;
    };
    let config = s3_config(&server.endpoint, "nope", "", "AK", "SK");
    let store = ObjectStore::with_options(StorageConfig::S3(config), small_parts()).unwrap();
    let error = store.check().await.unwrap_err().to_string();
    assert!(
        error.contains("does not exist") && error.contains("s3://nope"),
        "{error}"
    );
}
