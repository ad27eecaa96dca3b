//! The S3 backend against in-process s3s-fs (SigV4 enforced).

use futures::TryStreamExt;
use kubectl_backup::storage::{
    ListEntry, MIB, ObjectStore, PrefixMode, S3Config, StorageConfig, StorageError, TransferOptions,
};
use kubectl_backup_testbed::s3::{S3Options, S3Server};

use crate::support::{
    Pattern, listed, put_in_parallel, put_ones, round_trip, s3_config, s3s_store, small_parts,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn round_trips_are_byte_identical() {
    let server = S3Server::start().await.unwrap();
    let store = s3s_store(&server, "pre/fix", small_parts());
    for (key, len) in [
        ("empty", 0u64),
        ("one", 1),
        ("part-plus-one", 5 * MIB as u64 + 1),
        ("three-parts", 11 * MIB as u64),
    ] {
        let put = round_trip(&store, key, len, len + 7).await;
        assert_eq!(put.key, format!("pre/fix/{key}"));
        let want_parts = if len > 5 * MIB as u64 {
            len.div_ceil(5 * MIB as u64) as u32
        } else {
            1
        };
        assert_eq!(put.parts, want_parts, "{key}");
    }
    // The object really is at prefix/key in the bucket, and in one piece.
    let on_disk = std::fs::metadata(server.object_path("bucket", "pre/fix/part-plus-one")).unwrap();
    assert_eq!(on_disk.len(), 5 * MIB as u64 + 1);
    assert!(server.pending_upload_parts().is_empty());
}

/// The 1 GiB case: also run by `cargo bench --bench storage`, which measures it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "1 GiB through s3s-fs takes about a minute in a debug build; run with --ignored"]
async fn one_gib_round_trip() {
    let server = S3Server::start().await.unwrap();
    let store = s3s_store(&server, "", TransferOptions::default());
    let put = round_trip(&store, "big", 1 << 30, 1).await;
    assert_eq!(put.parts, 128);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn small_helpers_and_missing_objects() {
    let server = S3Server::start().await.unwrap();
    let store = s3s_store(&server, "p", small_parts());
    store
        .put_bytes(
            "backups/b1/velero-backup.json",
            &b"{\"kind\":\"Backup\"}"[..],
        )
        .await
        .unwrap();
    assert_eq!(
        &store
            .get_bytes("backups/b1/velero-backup.json")
            .await
            .unwrap()[..],
        b"{\"kind\":\"Backup\"}"
    );
    assert!(store.head("backups/b1/missing").await.unwrap().is_none());
    let error = store.get("backups/b1/missing").await.unwrap_err();
    assert!(error.is_not_found(), "{error}");
    assert!(error.to_string().contains("backups/b1/missing"), "{error}");
    // Deleting twice is fine.
    store.delete("backups/b1/velero-backup.json").await.unwrap();
    store.delete("backups/b1/velero-backup.json").await.unwrap();
    assert!(
        store
            .head("backups/b1/velero-backup.json")
            .await
            .unwrap()
            .is_none()
    );
    // Keys cannot climb out of the prefix.
    let error = store.put_bytes("../escape", &b"x"[..]).await.unwrap_err();
    assert!(matches!(error, StorageError::InvalidKey { .. }), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_page_by_page_and_by_delimiter() {
    let server = S3Server::start().await.unwrap();
    let store = s3s_store(&server, "loc", small_parts());
    // More than one page (1,000 keys) in total.
    let names: Vec<String> = (0..1100).map(|i| format!("many/{i:05}")).collect();
    put_in_parallel(&store, &names).await;
    assert_eq!(listed(&store, "many/").await, names);

    for key in [
        "backups/b1/velero-backup.json",
        "backups/b1/b1.tar.gz",
        "backups/b2/velero-backup.json",
        "backups/top.txt",
    ] {
        store.put_bytes(key, &b"{}"[..]).await.unwrap();
    }
    let entries: Vec<ListEntry> = store
        .list_delimited("backups/", "/")
        .try_collect()
        .await
        .unwrap();
    let shown: Vec<String> = entries
        .iter()
        .map(|e| match e {
            ListEntry::Prefix(p) => format!("prefix {p}"),
            ListEntry::Object(m) => format!("object {}", m.key),
        })
        .collect();
    assert_eq!(
        shown,
        [
            "prefix backups/b1/",
            "prefix backups/b2/",
            "object backups/top.txt"
        ]
    );
    // Everything under the location, nothing outside it.
    store.put_bytes("x", &b"1"[..]).await.unwrap();
    let outside = s3s_store(&server, "", small_parts());
    outside.put_bytes("loc-other/y", &b"1"[..]).await.unwrap();
    let all = listed(&store, "").await;
    assert_eq!(all.len(), 1100 + 4 + 1);
    assert!(!all.iter().any(|k| k.contains("loc-other")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_prefix_kanister_and_path_safe() {
    let server = S3Server::start().await.unwrap();
    let store = s3s_store(&server, "pre", small_parts());
    let remaining = || async {
        let mut keys = listed(&store, "").await;
        keys.sort();
        keys
    };

    // s3s-fs keeps objects as files, so `a/b` cannot be an object and a directory at once
    // (the moto test covers that case).
    let keys_fs = ["a/b/c", "a/b/d/e", "a/bc", "a/b.tar", "a/x"];
    put_ones(&store, keys_fs).await;
    assert_eq!(
        store
            .delete_prefix("a/b", PrefixMode::PathSafe)
            .await
            .unwrap(),
        2
    );
    assert_eq!(remaining().await, ["a/b.tar", "a/bc", "a/x"]);

    put_ones(&store, keys_fs).await;
    // kando: `--path a/b` deletes every key starting with pre/a/b.
    assert_eq!(
        store
            .delete_prefix("a/b", PrefixMode::Kanister)
            .await
            .unwrap(),
        4
    );
    assert_eq!(remaining().await, ["a/x"]);

    // A lone object is deleted by the path-safe form too.
    store.put_bytes("solo", &b"1"[..]).await.unwrap();
    assert_eq!(
        store
            .delete_prefix("solo", PrefixMode::PathSafe)
            .await
            .unwrap(),
        1
    );
    assert_eq!(remaining().await, ["a/x"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_name_the_failing_check() {
    // The messages are printed so `--nocapture` shows what a user sees.
    let server = S3Server::start().await.unwrap();

    let wrong_secret = s3_config(
        &server.endpoint,
        "bucket",
        "",
        &server.access_key,
        "not-the-secret",
    );
    let store = ObjectStore::with_options(StorageConfig::S3(wrong_secret), small_parts()).unwrap();
    let error = store.check().await.unwrap_err().to_string();
    assert!(
        error.contains("credentials rejected") && error.contains("SignatureDoesNotMatch"),
        "{error}"
    );
    assert!(!error.contains("not-the-secret"), "{error}");
    eprintln!("{error}");
    assert_eq!(error.lines().count(), 1, "{error}");
    let error = store
        .put_bytes("k", &b"x"[..])
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("credentials rejected"), "{error}");
    // HEAD answers have no body, so the reason is unknown but the message still says what to check.
    let error = store.head("k").await.unwrap_err().to_string();
    assert!(
        error.contains("HEAD") && error.contains("wrong credentials"),
        "{error}"
    );

    let wrong_key = s3_config(
        &server.endpoint,
        "bucket",
        "",
        "AKIDUNKNOWN",
        &server.secret_key,
    );
    let store = ObjectStore::with_options(StorageConfig::S3(wrong_key), small_parts()).unwrap();
    let error = store.check().await.unwrap_err().to_string();
    assert!(
        error.contains("credentials rejected") || error.contains("access denied"),
        "{error}"
    );

    let missing = s3_config(
        &server.endpoint,
        "no-such-bucket",
        "",
        &server.access_key,
        &server.secret_key,
    );
    let store = ObjectStore::with_options(StorageConfig::S3(missing), small_parts()).unwrap();
    let error = store.check().await.unwrap_err();
    assert!(
        matches!(error, StorageError::NoSuchBucket { .. }),
        "{error}"
    );
    let error = error.to_string();
    assert!(
        error.contains("does not exist") && error.contains("no-such-bucket"),
        "{error}"
    );
    eprintln!("{error}");
    assert_eq!(error.lines().count(), 1);

    // A port nobody listens on.
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let endpoint = format!("http://127.0.0.1:{port}");
    let unreachable = s3_config(&endpoint, "bucket", "", "AK", "SK");
    let store = ObjectStore::with_options(StorageConfig::S3(unreachable), small_parts()).unwrap();
    let error = store.check().await.unwrap_err();
    assert!(matches!(error, StorageError::Unreachable { .. }), "{error}");
    let error = error.to_string();
    assert!(
        error.contains("cannot reach") && error.contains(&endpoint),
        "{error}"
    );
    assert!(error.to_lowercase().contains("refused"), "{error}");
    assert!(!error.contains("X-Amz-"), "a presigned URL leaked: {error}");
    eprintln!("{error}");
    assert_eq!(error.lines().count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anonymous_access_is_refused_with_auth_on() {
    let server = S3Server::start().await.unwrap();
    let anonymous = S3Config {
        access_key_id: String::new(),
        ..s3_config(&server.endpoint, "bucket", "", "", "")
    };
    let store = ObjectStore::with_options(StorageConfig::S3(anonymous), small_parts()).unwrap();
    let error = store.check().await.unwrap_err().to_string();
    assert!(
        error.contains("denied") || error.contains("rejected"),
        "{error}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn works_without_auth_too() {
    let server = S3Server::start_with(S3Options {
        credentials: None,
        ..Default::default()
    })
    .await
    .unwrap();
    let store = s3s_store(&server, "", small_parts());
    round_trip(&store, "k", 1000, 3).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pattern_is_stable_across_read_sizes() {
    use tokio::io::AsyncReadExt;
    let mut a = Vec::new();
    Pattern::new(1001, 5).read_to_end(&mut a).await.unwrap();
    let mut b = Vec::new();
    let mut reader = Pattern::new(1001, 5);
    let mut buf = [0u8; 3];
    loop {
        let n = reader.read(&mut buf).await.unwrap();
        if n == 0 {
            break;
        }
        b.extend_from_slice(&buf[..n]);
    }
    assert_eq!(a, b);
}
