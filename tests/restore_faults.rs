//! Restore under write faults (issue 18, point 6), on the fake API server whose fault injection
//! answers creates with 500/503, drops the connection before the server acts, or carries the
//! create out and then drops the connection (the answer is lost). Every object must end up
//! restored exactly once, and the counts in the summary must match the cluster.

use kubectl_backup_testbed::FakeApiServer;
use kubectl_backup_testbed::apiserver::{Fault, FaultRule};
use serde_json::json;

use common::cli::run;

mod common;

/// `total` ConfigMaps in namespace `bulk`, backed up as `bk`.
fn backed_up_configmaps(total: usize) -> FakeApiServer {
    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    let store = server.store();
    store.create_namespace("bulk");
    for i in 0..total {
        store
            .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": format!("cm-{i:03}"), "namespace": "bulk"},
                "data": {"i": i.to_string()}}))
            .unwrap();
    }
    let out = run(
        &server,
        &[
            "snapshot",
            "create",
            "bk",
            "--include-namespaces",
            "bulk",
            "--mode",
            "client",
        ],
    );
    assert!(out.status.success());
    server
}

fn creates_into(server: &FakeApiServer, namespace: &str) -> usize {
    let path = format!("/api/v1/namespaces/{namespace}/configmaps");
    server
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path == path)
        .count()
}

#[test]
fn failed_and_lost_creates_are_retried_and_counted_exactly_once() {
    const TOTAL: usize = 40;
    let server = backed_up_configmaps(TOTAL);
    server.clear_requests();
    let creates = |fault: Fault, times: usize| {
        FaultRule::new(fault)
            .method("POST")
            .path_contains("/namespaces/copy/configmaps")
            .times(times)
    };
    // Each rule takes the next matching requests, so the faults land on different items.
    let faults = server.faults();
    faults.add(creates(Fault::ServerError { code: 500 }, 3));
    faults.add(creates(Fault::ServerError { code: 503 }, 3));
    faults.add(creates(Fault::DropConnection, 3));
    faults.add(creates(Fault::DropAnswer, 3));
    let out = run(
        &server,
        &[
            "snapshot",
            "restore",
            "bk",
            "--restore-name",
            "r1",
            "--namespace-mappings",
            "bulk:copy",
            "--include-resources",
            "configmaps",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        faults.rules().is_empty(),
        "every fault was used: {:?}",
        faults.rules()
    );
    let restored = server.store().list("v1", "ConfigMap", Some("copy"));
    assert_eq!(restored.len(), TOTAL);
    // The ConfigMaps and the namespace they were mapped into.
    let created = TOTAL + 1;
    assert!(
        err.contains(&format!(
            "Restore \"r1\" from backup \"bk\": {created} created, 0 updated, 0 unchanged, 0 existing and different (kept), 0 excluded, 0 failed"
        )),
        "{err}"
    );
    // One create per item, plus one per injected fault (each failed attempt is repeated once).
    assert_eq!(creates_into(&server, "copy"), TOTAL + 12);
    // The lost answers were checked before anything was reported: the repeated create met the
    // object the first one made (409), and a GET showed it carries this restore's label.
    let gets = server
        .requests()
        .iter()
        .filter(|r| r.method == "GET" && r.path.starts_with("/api/v1/namespaces/copy/configmaps/"))
        .count();
    assert!(gets >= 3, "{gets} GETs after lost answers");
}

#[test]
fn an_object_that_existed_before_is_not_counted_as_created_after_a_lost_answer() {
    let server = backed_up_configmaps(2);
    let store = server.store();
    store.create_namespace("copy");
    // Someone else's object under the same name: it has no label of this restore.
    store
        .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "cm-000", "namespace": "copy"}, "data": {"i": "other"}}))
        .unwrap();
    server.faults().add(
        FaultRule::new(Fault::ServerError { code: 500 })
            .method("POST")
            .path_contains("/namespaces/copy/configmaps")
            .times(1),
    );
    let out = run(
        &server,
        &[
            "snapshot",
            "restore",
            "bk",
            "--restore-name",
            "r2",
            "--namespace-mappings",
            "bulk:copy",
            "--include-resources",
            "configmaps",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        // cm-001 (cm-000 was there before; the namespace too).
        err.contains("1 created, 0 updated, 0 unchanged, 1 existing and different (kept), 0 excluded, 0 failed"),
        "{err}"
    );
    let kept = store
        .get("v1", "ConfigMap", Some("copy"), "cm-000")
        .unwrap();
    assert_eq!(kept["data"]["i"], "other");
}

#[test]
fn a_create_that_keeps_failing_is_reported_as_failed() {
    let server = backed_up_configmaps(3);
    // Every create of a ConfigMap fails, for good.
    server.faults().add(
        FaultRule::new(Fault::ServerError { code: 500 })
            .method("POST")
            .path_contains("/namespaces/copy/configmaps"),
    );
    let out = run(
        &server,
        &[
            "snapshot",
            "restore",
            "bk",
            "--restore-name",
            "r3",
            "--namespace-mappings",
            "bulk:copy",
            "--include-resources",
            "configmaps",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    // Only the namespace was created.
    assert!(
        err.contains(": 1 created,") && err.contains("3 failed"),
        "{err}"
    );
    assert!(
        server
            .store()
            .list("v1", "ConfigMap", Some("copy"))
            .is_empty()
    );
    // Five attempts each, then a GET to check the object is not there after all.
    assert_eq!(creates_into(&server, "copy"), 3 * 5);
}
