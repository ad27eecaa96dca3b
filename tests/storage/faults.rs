//! Retries, resumption, aborts and cancellation, with faults injected in front of s3s-fs.

use std::time::Duration;

use http::Method;
use kubectl_backup::storage::{MIB, StorageError};
use kubectl_backup_testbed::s3::{Fault, Match, S3Server};
use tokio_util::sync::CancellationToken;

use crate::support::{Pattern, Stalls, round_trip, s3s_store, small_parts};

const PART: u64 = 5 * MIB as u64;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn throttled_put_is_retried() {
    let server = S3Server::start().await.unwrap();
    let store = s3s_store(&server, "", small_parts());
    server.inject(Fault::SlowDown, 2, Match::method(Method::PUT));
    round_trip(&store, "small", 1000, 1).await;
    assert_eq!(server.faults_served(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_part_is_retried_and_the_object_is_intact() {
    let server = S3Server::start().await.unwrap();
    let store = s3s_store(&server, "", small_parts());
    server.inject(
        Fault::InternalError,
        2,
        Match::method(Method::PUT).with_uri("partNumber=2"),
    );
    server.inject(
        Fault::DropConnection,
        1,
        Match::method(Method::PUT).with_uri("partNumber=3"),
    );
    server.inject(
        Fault::SlowDown,
        1,
        Match::method(Method::POST).with_uri("uploadId="),
    );
    let put = round_trip(&store, "multi", 3 * PART - 7, 2).await;
    assert_eq!(put.parts, 3);
    assert_eq!(server.faults_served(), 4);
    assert!(server.pending_upload_parts().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_and_truncated_downloads_resume() {
    let server = S3Server::start().await.unwrap();
    let store = s3s_store(&server, "", small_parts());
    let len = 3 * MIB as u64 + 5;
    store
        .put("obj", Pattern::new(len, 3), Some(len))
        .await
        .unwrap();
    server.inject(
        Fault::DropConnection,
        1,
        Match::method(Method::GET).with_uri("/bucket/obj"),
    );
    server.inject(
        Fault::TruncateBody(MIB),
        2,
        Match::method(Method::GET).with_uri("/bucket/obj"),
    );
    let (want, _) = crate::support::digest(Pattern::new(len, 3)).await;
    let (got, got_len) = crate::support::digest(store.get("obj").await.unwrap()).await;
    assert_eq!((got, got_len), (want, len));
    assert_eq!(server.faults_served(), 3);
    let gets = server
        .requests()
        .iter()
        .filter(|r| r.starts_with("GET /bucket/obj"))
        .count();
    assert!(
        gets >= 4,
        "expected the download to be resumed: {:?}",
        server.requests()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn persistent_failure_aborts_the_multipart_upload() {
    let server = S3Server::start().await.unwrap();
    let store = s3s_store(&server, "", small_parts());
    server.inject(
        Fault::InternalError,
        100,
        Match::method(Method::PUT).with_uri("partNumber=2"),
    );
    let error = store
        .put("doomed", Pattern::new(3 * PART, 4), None)
        .await
        .unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("gave up after 4 attempts") && text.contains("InternalError"),
        "{text}"
    );
    assert!(text.contains("\"doomed\""), "{text}");
    assert!(store.head("doomed").await.unwrap().is_none());
    assert!(
        server
            .requests()
            .iter()
            .any(|r| r.starts_with("DELETE /bucket/doomed?uploadId=")),
        "{:?}",
        server.requests()
    );
    assert!(
        server.pending_upload_parts().is_empty(),
        "{:?}",
        server.pending_upload_parts()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelled_push_aborts_and_leaves_no_object() {
    let server = S3Server::start().await.unwrap();
    let token = CancellationToken::new();
    let store = s3s_store(&server, "", small_parts()).with_cancellation(token.clone());
    // Two full parts go up, then the source stalls like a pipe whose writer hung.
    let push = tokio::spawn({
        let store = store.clone();
        async move { store.put("half", Stalls::after(2 * PART + 100), None).await }
    });
    wait_for_two_parts(&server).await;
    token.cancel();
    let error = push.await.unwrap().unwrap_err();
    assert!(matches!(error, StorageError::Cancelled { .. }), "{error}");
    assert!(
        error.to_string().contains("aborted, no object was created"),
        "{error}"
    );
    assert!(store.head("half").await.unwrap().is_none());
    assert!(
        server.pending_upload_parts().is_empty(),
        "{:?}",
        server.pending_upload_parts()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_push_leaves_no_object() {
    let server = S3Server::start().await.unwrap();
    let store = s3s_store(&server, "", small_parts());
    let push = tokio::spawn({
        let store = store.clone();
        async move {
            store
                .put("killed", Stalls::after(2 * PART + 100), None)
                .await
        }
    });
    wait_for_two_parts(&server).await;
    // The task dies without a chance to clean up in line (like a dropped future).
    push.abort();
    let _ = push.await;
    assert!(store.head("killed").await.unwrap().is_none());
    // The drop guard still aborts the upload in the background.
    wait_for(|| server.pending_upload_parts().is_empty()).await;
    assert!(store.head("killed").await.unwrap().is_none());
}

/// Waits until two part uploads have reached the server.
async fn wait_for_two_parts(server: &S3Server) {
    wait_for(|| {
        server
            .requests()
            .iter()
            .filter(|r| r.contains("partNumber="))
            .count()
            >= 2
    })
    .await;
}

async fn wait_for(condition: impl Fn() -> bool) {
    for _ in 0..200 {
        if condition() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("condition not met within 5 s");
}

/// Set by `sigkilled_push_leaves_no_object` for the child process it starts.
const CHILD_ENDPOINT: &str = "KUBECTL_BACKUP_TEST_PUSH_ENDPOINT";

/// Not a test on its own: the body of the child process of `sigkilled_push_leaves_no_object`,
/// which pushes a stream that never ends until the parent kills it with SIGKILL.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "helper run as a child process by sigkilled_push_leaves_no_object"]
async fn child_process_push_helper() {
    let Ok(endpoint) = std::env::var(CHILD_ENDPOINT) else {
        return;
    };
    let config =
        crate::support::s3_config(&endpoint, "bucket", "", "AKIDTESTBED", "testbed-secret-key");
    let store = kubectl_backup::storage::ObjectStore::with_options(
        kubectl_backup::storage::StorageConfig::S3(config),
        small_parts(),
    )
    .unwrap();
    let _ = store
        .put("sigkilled", Stalls::after(2 * PART + 100), None)
        .await;
    unreachable!("the stalled push never finishes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkilled_push_leaves_no_object() {
    let server = S3Server::start().await.unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "faults::child_process_push_helper",
            "--ignored",
            "--nocapture",
        ])
        .env(CHILD_ENDPOINT, &server.endpoint)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_for_two_parts(&server).await;
    child.kill().unwrap(); // SIGKILL: no cleanup runs in the child
    child.wait().unwrap();
    let store = s3s_store(&server, "", small_parts());
    assert!(store.head("sigkilled").await.unwrap().is_none());
    assert!(
        !server
            .requests()
            .iter()
            .any(|r| r.starts_with("POST /bucket/sigkilled?uploadId="))
    );
    // The uploaded parts stay invisible until a bucket lifecycle rule or an abort removes them.
    assert!(!server.pending_upload_parts().is_empty());
}
