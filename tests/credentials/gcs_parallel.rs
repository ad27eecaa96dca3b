//! Large GCS uploads as parallel composite uploads on fake-gcs-server, with bearer tokens from a
//! loopback stand-in for the GKE/GCE metadata server (it insists on `Metadata-Flavor: Google` and
//! the token path, as the real one does): parts as temporary objects in parallel, composed in a
//! tree (more than 32 parts), nothing under the key before the end, and no temporary object left
//! after a success, a failure, a cancellation or a dropped upload.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use futures::TryStreamExt;
use kubectl_backup::profile::credentials::cloud::gcp_token_source;
use kubectl_backup::storage::{
    GcsConfig, MIB, ObjectStore, StorageConfig, StorageError, TransferOptions,
};
use tokio::io::{AsyncRead, ReadBuf};
use tokio_util::sync::CancellationToken;

use crate::assert_no_secret;
use crate::gcs::{FakeGcs, fake_gcs};
use crate::support::{Pattern, Stalls, round_trip, small_parts};
use crate::token_server::{Request, TokenServer};

const PART: u64 = 5 * MIB as u64;
pub const METADATA_TOKEN_PREFIX: &str = "ya29.metadata-token-";

/// The metadata server's token endpoint: `Metadata-Flavor: Google` required (the real one
/// refuses requests without it, so that a browser cannot be tricked into calling it), a
/// storage scope asked for, a new token each call, valid `expires_in` seconds.
pub async fn metadata_server(expires_in: u64) -> TokenServer {
    let issued = Arc::new(AtomicUsize::new(0));
    TokenServer::start(move |request: &Request| {
        let flavor = request
            .headers
            .iter()
            .any(|(k, v)| k == "metadata-flavor" && v == "Google");
        if !flavor {
            return (
                403,
                r#"{"error":"Missing Metadata-Flavor:Google header"}"#.into(),
            );
        }
        let path = "/computeMetadata/v1/instance/service-accounts/default/token";
        if request.method != "GET"
            || !request.path.starts_with(path)
            || !request.path.contains("devstorage")
        {
            return (404, r#"{"error":"not found"}"#.into());
        }
        let n = issued.fetch_add(1, Ordering::SeqCst) + 1;
        (
            200,
            serde_json::json!({
                "access_token": format!("{METADATA_TOKEN_PREFIX}{n}"),
                "expires_in": expires_in,
                "token_type": "Bearer",
            })
            .to_string(),
        )
    })
    .await
}

/// A store at `prefix` whose token source is what a profile with an empty key finds on GKE:
/// the metadata server, here at `GCE_METADATA_HOST`.
pub fn metadata_store(
    gcs: &FakeGcs,
    metadata: &TokenServer,
    prefix: &str,
    options: TransferOptions,
) -> ObjectStore {
    let host = metadata.url.trim_start_matches("http://").to_string();
    let env = move |k: &str| (k == "GCE_METADATA_HOST").then(|| host.clone());
    let source = gcp_token_source("", "profile kanister/gke", &env)
        .unwrap()
        .expect("an empty key means the metadata server");
    let config = StorageConfig::Gcs(GcsConfig {
        endpoint: Some(gcs.endpoint.clone()),
        bucket: "backups".into(),
        prefix: prefix.into(),
        project_id: "test-project".into(),
        token_source: Some(source),
        ..Default::default()
    });
    ObjectStore::with_options(config, options).unwrap()
}

/// Every object in the bucket, temporary ones included.
async fn bucket_keys(gcs: &FakeGcs, metadata: &TokenServer) -> Vec<String> {
    metadata_store(gcs, metadata, "", small_parts())
        .list("")
        .map_ok(|m| m.key)
        .try_collect()
        .await
        .unwrap()
}

async fn wait_for_bucket(
    gcs: &FakeGcs,
    metadata: &TokenServer,
    done: impl Fn(&[String]) -> bool,
) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let keys = bucket_keys(gcs, metadata).await;
        if done(&keys) {
            return keys;
        }
        assert!(Instant::now() < deadline, "bucket still holds {keys:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn more_than_32_parts_are_composed_in_a_tree_and_cleaned_up() {
    crate::trace_capture::install();
    let Some(gcs) = fake_gcs().await else {
        return;
    };
    let metadata = metadata_server(3599).await;
    let store = metadata_store(&gcs, &metadata, "cluster-a", small_parts());
    store.create_bucket().await.unwrap();
    // 34 parts: two composes of the first level (32 + 2), then the final one.
    let len = 33 * PART + 1;
    let put = round_trip(&store, "app/big", len, 7).await;
    assert_eq!(put.parts, 34);
    // Three parts: one compose, no tree.
    let put = round_trip(&store, "app/three", 2 * PART + 17, 8).await;
    assert_eq!(put.parts, 3);
    // One token for all of it, fetched with the header the metadata server insists on.
    assert_eq!(metadata.count(), 1);
    assert_eq!(
        bucket_keys(&gcs, &metadata).await,
        ["cluster-a/app/big", "cluster-a/app/three"]
    );
    crate::trace_capture::assert_log_has_no_secret(&[METADATA_TOKEN_PREFIX]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_concurrency_of_one_uploads_in_resumable_chunks() {
    let Some(gcs) = fake_gcs().await else {
        return;
    };
    let metadata = metadata_server(3599).await;
    let options = TransferOptions {
        concurrency: 1,
        ..small_parts()
    };
    let store = metadata_store(&gcs, &metadata, "", options);
    store.create_bucket().await.unwrap();
    let put = round_trip(&store, "chunked", 2 * PART + 3, 9).await;
    assert_eq!(put.parts, 3);
    assert_eq!(bucket_keys(&gcs, &metadata).await, ["chunked"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_composite_upload_leaves_no_part_behind() {
    let Some(gcs) = fake_gcs().await else {
        return;
    };
    let metadata = metadata_server(3599).await;
    let token = CancellationToken::new();
    let store = metadata_store(&gcs, &metadata, "", small_parts()).with_cancellation(token.clone());
    store.create_bucket().await.unwrap();
    let push = tokio::spawn({
        let store = store.clone();
        async move { store.put("half", Stalls::after(2 * PART + 100), None).await }
    });
    // Two parts are stored as temporary objects; nothing is under the key yet.
    let during = wait_for_bucket(&gcs, &metadata, |keys| keys.len() >= 2).await;
    assert!(!during.iter().any(|k| k == "half"), "{during:?}");
    assert!(store.head("half").await.unwrap().is_none());
    token.cancel();
    let error = push.await.unwrap().unwrap_err();
    assert!(matches!(error, StorageError::Cancelled { .. }), "{error}");
    assert!(
        error.to_string().contains("aborted, no object was created"),
        "{error}"
    );
    assert_eq!(bucket_keys(&gcs, &metadata).await, Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_or_dropped_composite_upload_leaves_no_part_behind() {
    let Some(gcs) = fake_gcs().await else {
        return;
    };
    let metadata = metadata_server(3599).await;
    let store = metadata_store(&gcs, &metadata, "", small_parts());
    store.create_bucket().await.unwrap();
    // The source breaks after two parts and a half.
    let error = store
        .put("broken", FailsAfter::new(2 * PART + PART / 2), None)
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("the source went away"),
        "{error}"
    );
    assert_eq!(bucket_keys(&gcs, &metadata).await, Vec::<String>::new());

    // A dropped upload (a task aborted mid-way) is cleaned up in the background.
    let push = tokio::spawn({
        let store = store.clone();
        async move {
            store
                .put("killed", Stalls::after(2 * PART + 100), None)
                .await
        }
    });
    wait_for_bucket(&gcs, &metadata, |keys| keys.len() >= 2).await;
    push.abort();
    let _ = push.await;
    wait_for_bucket(&gcs, &metadata, |keys| keys.is_empty()).await;
    assert!(store.head("killed").await.unwrap().is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_metadata_token_that_expires_during_an_upload_is_fetched_again() {
    crate::trace_capture::install();
    let Some(gcs) = fake_gcs().await else {
        return;
    };
    // Tokens are refreshed when they expire within the five-minute margin: one valid for the
    // margin and two seconds is stale two seconds later, in the middle of this upload.
    let lifetime = kubectl_backup::storage::auth::REFRESH_MARGIN.as_secs() + 2;
    let metadata = metadata_server(lifetime).await;
    let store = metadata_store(&gcs, &metadata, "", small_parts());
    store.create_bucket().await.unwrap();
    assert_eq!(metadata.count(), 1);
    let started = Instant::now();
    let len = 4 * PART;
    let put = store
        .put("slow", Slow::new(len, Duration::from_secs(4)), Some(len))
        .await
        .unwrap();
    assert!(started.elapsed() > Duration::from_secs(3));
    assert_eq!(put.size, len);
    assert!(
        metadata.count() >= 2,
        "the token was not fetched again during a {:?} upload",
        started.elapsed()
    );
    let error = format!("{store:?}");
    assert_no_secret(&error, &[METADATA_TOKEN_PREFIX]);
    crate::trace_capture::assert_log_has_no_secret(&[METADATA_TOKEN_PREFIX]);
}

/// `len` pattern bytes, then an I/O error (a pipe whose writer crashed).
pub struct FailsAfter {
    inner: Pattern,
    left: u64,
}

impl FailsAfter {
    pub fn new(len: u64) -> Self {
        Self {
            inner: Pattern::new(len, 5),
            left: len,
        }
    }
}

impl AsyncRead for FailsAfter {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.left == 0 {
            return Poll::Ready(Err(std::io::Error::other("the source went away")));
        }
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        self.left -= (buf.filled().len() - before) as u64;
        result
    }
}

/// `len` pattern bytes, one MiB every `per_mib` (a slow disk or a slow dump).
pub struct Slow {
    inner: Pattern,
    per_mib: Duration,
    budget: usize,
    sleep: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl Slow {
    pub fn new(len: u64, total: Duration) -> Self {
        let mib = (len / MIB as u64).max(1) as u32;
        Self {
            inner: Pattern::new(len, 11),
            per_mib: total / mib,
            budget: 0,
            sleep: None,
        }
    }
}

impl AsyncRead for Slow {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.budget == 0 {
            let per_mib = self.per_mib;
            let sleep = self
                .sleep
                .get_or_insert_with(|| Box::pin(tokio::time::sleep(per_mib)));
            if sleep.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            self.sleep = None;
            self.budget = MIB;
        }
        let mut chunk = vec![0u8; buf.remaining().min(self.budget)];
        let mut limited = ReadBuf::new(&mut chunk);
        let result = Pin::new(&mut self.inner).poll_read(cx, &mut limited);
        let n = limited.filled().len();
        buf.put_slice(limited.filled());
        self.budget -= n;
        result
    }
}
