use kube::discovery::{Discovery, Scope, verbs};
use kubectl_backup_testbed::FakeApiServer;

use crate::get_json;

#[tokio::test]
async fn kube_discovery_sees_builtins_with_capabilities() {
    let srv = FakeApiServer::start().await;
    let discovery = Discovery::new(srv.client()).run().await.unwrap();
    let groups: Vec<String> = discovery.groups().map(|g| g.name().to_string()).collect();
    for g in [
        "",
        "apps",
        "batch",
        "rbac.authorization.k8s.io",
        "apiextensions.k8s.io",
        "authorization.k8s.io",
        "storage.k8s.io",
        "coordination.k8s.io",
        "events.k8s.io",
    ] {
        assert!(
            groups.contains(&g.to_string()),
            "group {g:?} missing: {groups:?}"
        );
    }
    let apps = discovery.get("apps").unwrap();
    let (deploy, caps) = apps
        .recommended_resources()
        .into_iter()
        .find(|(r, _)| r.plural == "deployments")
        .unwrap();
    assert_eq!(deploy.kind, "Deployment");
    assert_eq!(deploy.api_version, "apps/v1");
    assert_eq!(caps.scope, Scope::Namespaced);
    assert!(caps.supports_operation(verbs::WATCH));
    assert!(caps.subresources.iter().any(|(r, _)| r.plural == "scale"));
    let core = discovery.get("").unwrap();
    let (_, ns_caps) = core
        .recommended_resources()
        .into_iter()
        .find(|(r, _)| r.plural == "namespaces")
        .unwrap();
    assert_eq!(ns_caps.scope, Scope::Cluster);
}

#[tokio::test]
async fn discovery_documents_have_the_real_shape() {
    let srv = FakeApiServer::start().await;
    let (code, version) = get_json(&srv, "/version").await;
    assert_eq!(code, 200);
    assert_eq!(version["major"], "1");
    let (_, api) = get_json(&srv, "/api").await;
    assert_eq!(api["kind"], "APIVersions");
    assert_eq!(api["versions"][0], "v1");
    let (_, core) = get_json(&srv, "/api/v1").await;
    let pods = core["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "pods")
        .unwrap();
    assert_eq!(pods["singularName"], "pod");
    assert_eq!(pods["namespaced"], true);
    assert_eq!(pods["shortNames"][0], "po");
    assert_eq!(pods["kind"], "Pod");
    for sub in ["pods/log", "pods/exec", "pods/status"] {
        assert!(
            core["resources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["name"] == sub),
            "{sub}"
        );
    }
    let (_, apis) = get_json(&srv, "/apis").await;
    assert_eq!(apis["kind"], "APIGroupList");
    let (_, rbac) = get_json(&srv, "/apis/rbac.authorization.k8s.io/v1").await;
    assert_eq!(rbac["groupVersion"], "rbac.authorization.k8s.io/v1");
    let (_, ssar) = get_json(&srv, "/apis/authorization.k8s.io/v1").await;
    assert_eq!(ssar["resources"][0]["verbs"], serde_json::json!(["create"]));
    // A group nobody serves is not routed: kube-apiserver's mux answers in plain text.
    let (code, missing) = crate::get_text(&srv, "/apis/nope.example.com/v1").await;
    assert_eq!((code, missing.as_str()), (404, "404 page not found\n"));
}

#[tokio::test]
async fn aggregated_discovery_is_served_when_asked_for() {
    let srv = FakeApiServer::start().await;
    let r = crate::http()
        .get(format!("{}/apis", srv.url()))
        .header("Authorization", crate::bearer())
        .header(
            "Accept",
            "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json",
        )
        .send()
        .await
        .unwrap();
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("APIGroupDiscoveryList")
    );
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["kind"], "APIGroupDiscoveryList");
    let apps = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["metadata"]["name"] == "apps")
        .unwrap();
    assert!(
        apps["versions"][0]["resources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["resource"] == "statefulsets")
    );
    let discovery = kube::Discovery::new(srv.client())
        .run_aggregated()
        .await
        .unwrap();
    assert!(discovery.has_group("batch"));
}
