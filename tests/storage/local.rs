//! The local directory backend.

use kubectl_backup::storage::{
    LocalConfig, MIB, ObjectStore, PrefixMode, StorageConfig, StorageError,
};
use tokio_util::sync::CancellationToken;

use crate::support::{Stalls, delimited, listed, put_ones, round_trip, small_parts};

fn local_store(dir: &std::path::Path, prefix: &str) -> ObjectStore {
    let config = LocalConfig {
        root: dir.to_path_buf(),
        prefix: prefix.into(),
    };
    ObjectStore::with_options(StorageConfig::Local(config), small_parts()).unwrap()
}

fn files_under(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                out.push(
                    entry
                        .path()
                        .strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn round_trips_and_layout() {
    let dir = tempfile::tempdir().unwrap();
    let store = local_store(dir.path(), "pre");
    for (key, len) in [
        ("empty", 0u64),
        ("one", 1),
        ("d/part-plus-one", 5 * MIB as u64 + 1),
    ] {
        round_trip(&store, key, len, 11).await;
    }
    assert_eq!(
        files_under(dir.path()),
        ["pre/d/part-plus-one", "pre/empty", "pre/one"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_in_key_order_with_pages_and_prefixes() {
    let dir = tempfile::tempdir().unwrap();
    let store = local_store(dir.path(), "");
    // `a-c` sorts before `a/…` in S3 key order ('-' < '/'), although the directory `a` sorts first.
    let mut keys: Vec<String> = vec!["a-c".into(), "a/b".into(), "a0".into(), "b/x/y".into()];
    keys.extend((0..1005).map(|i| format!("many/{i:04}")));
    put_ones(&store, &keys).await;
    keys.sort();
    assert_eq!(listed(&store, "").await, keys);
    assert_eq!(listed(&store, "a").await, ["a-c", "a/b", "a0"]);

    assert_eq!(
        delimited(&store, "").await,
        ["a-c", "a/", "a0", "b/", "many/"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_prefix_modes_and_cleanup() {
    let dir = tempfile::tempdir().unwrap();
    let store = local_store(dir.path(), "pre");
    let keys = ["a/b/c", "a/b/d/e", "a/bc", "a/b.tar", "a/x"];
    put_ones(&store, keys).await;
    assert_eq!(
        store
            .delete_prefix("a/b", PrefixMode::PathSafe)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        files_under(dir.path()),
        ["pre/a/b.tar", "pre/a/bc", "pre/a/x"]
    );
    // Empty directories left by deletes are removed.
    assert!(!dir.path().join("pre/a/b").exists());
    assert_eq!(
        store
            .delete_prefix("a/b", PrefixMode::Kanister)
            .await
            .unwrap(),
        2
    );
    assert_eq!(files_under(dir.path()), ["pre/a/x"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelled_push_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let token = CancellationToken::new();
    let store = local_store(dir.path(), "").with_cancellation(token.clone());
    let push = tokio::spawn({
        let store = store.clone();
        async move { store.put("dump", Stalls::after(3 * MIB as u64), None).await }
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    token.cancel();
    let error = push.await.unwrap().unwrap_err();
    assert!(matches!(error, StorageError::Cancelled { .. }), "{error}");
    assert!(
        files_under(dir.path()).is_empty(),
        "{:?}",
        files_under(dir.path())
    );
}

#[tokio::test]
async fn missing_root_is_a_clear_error() {
    let config = LocalConfig {
        root: "/nonexistent/kubectl-backup".into(),
        prefix: String::new(),
    };
    let store = ObjectStore::new(StorageConfig::Local(config)).unwrap();
    let error = store.check().await.unwrap_err().to_string();
    assert!(
        error.contains("/nonexistent/kubectl-backup") && error.contains("does not exist"),
        "{error}"
    );
    let error = store
        .put_bytes("k", &b"x"[..])
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("does not exist"), "{error}");
    assert!(!std::path::Path::new("/nonexistent").exists());
}
