use std::time::{Duration, Instant};

use k8s_openapi::api::core::v1::ConfigMap;
use kube::api::Api;
use kubectl_backup_testbed::FakeApiServer;
use kubectl_backup_testbed::apiserver::{Fault, FaultRule};

async fn get_status(
    srv: &FakeApiServer,
    path: &str,
) -> Result<(u16, Option<String>, serde_json::Value), reqwest::Error> {
    let r = crate::http()
        .get(format!("{}{path}", srv.url()))
        .header("Authorization", crate::bearer())
        .send()
        .await?;
    let code = r.status().as_u16();
    let retry = r
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_string());
    Ok((code, retry, r.json().await.unwrap_or_default()))
}

#[tokio::test]
async fn throttling_returns_429_with_retry_after_then_recovers() {
    let srv = FakeApiServer::start().await;
    srv.faults().throttle(2, 1);
    for _ in 0..2 {
        let (code, retry, body) = get_status(&srv, "/api/v1/namespaces").await.unwrap();
        assert_eq!(code, 429);
        assert_eq!(retry.as_deref(), Some("1"));
        assert_eq!(body["reason"], "TooManyRequests");
    }
    let (code, _, _) = get_status(&srv, "/api/v1/namespaces").await.unwrap();
    assert_eq!(code, 200);
    // kube-rs retries 429 by itself, honouring Retry-After.
    srv.faults().throttle(1, 1);
    let started = Instant::now();
    Api::<ConfigMap>::namespaced(srv.client(), "default")
        .list(&Default::default())
        .await
        .unwrap();
    assert!(started.elapsed() >= Duration::from_millis(900));
}

#[tokio::test]
async fn server_errors_dropped_connections_and_matching_rules() {
    let srv = FakeApiServer::start().await;
    srv.faults().server_errors(1);
    let (code, _, body) = get_status(&srv, "/api/v1/namespaces").await.unwrap();
    assert_eq!(
        (code, body["reason"].as_str()),
        (500, Some("InternalError"))
    );

    srv.faults().drop_connections(1);
    assert!(
        get_status(&srv, "/api/v1/namespaces").await.is_err(),
        "connection closed without answer"
    );
    assert_eq!(get_status(&srv, "/api/v1/namespaces").await.unwrap().0, 200);

    srv.faults().add(
        FaultRule::new(Fault::ServerError { code: 503 })
            .method("GET")
            .path_contains("/configmaps")
            .times(1),
    );
    assert_eq!(get_status(&srv, "/api/v1/namespaces").await.unwrap().0, 200);
    assert_eq!(get_status(&srv, "/api/v1/configmaps").await.unwrap().0, 503);
    assert_eq!(get_status(&srv, "/api/v1/configmaps").await.unwrap().0, 200);
    assert!(srv.faults().rules().is_empty());
}

#[tokio::test]
async fn latency_delays_every_request() {
    let srv = FakeApiServer::start().await;
    srv.faults().set_latency(Duration::from_millis(200));
    let started = Instant::now();
    assert_eq!(get_status(&srv, "/api/v1/namespaces").await.unwrap().0, 200);
    assert!(started.elapsed() >= Duration::from_millis(200));
    srv.faults().set_latency(Duration::ZERO);
    assert!(srv.faults().rules().is_empty());
}
