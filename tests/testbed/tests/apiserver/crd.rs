use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::api::{
    Api, ApiResource, DynamicObject, GroupVersionKind, Patch, PatchParams, PostParams,
};
use kube::runtime::wait::{await_condition, conditions};
use kubectl_backup_testbed::FakeApiServer;
use serde_json::json;

use crate::get_json;

pub fn widget_crd() -> serde_json::Value {
    json!({
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": "widgets.example.com"},
        "spec": {
            "group": "example.com",
            "scope": "Namespaced",
            "names": {"plural": "widgets", "singular": "widget", "kind": "Widget", "shortNames": ["wd"]},
            "versions": [
                {"name": "v1", "served": true, "storage": true,
                 "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}},
                 "subresources": {"status": {}, "scale": {"specReplicasPath": ".spec.replicas", "statusReplicasPath": ".status.replicas"}}},
                {"name": "v1beta1", "served": true, "storage": false,
                 "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}
            ]
        }
    })
}

fn widget_resource(version: &str) -> ApiResource {
    ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("example.com", version, "Widget"),
        "widgets",
    )
}

#[tokio::test]
async fn crd_created_over_http_is_served_once_established() {
    let srv = FakeApiServer::start().await;
    let crds: Api<CustomResourceDefinition> = Api::all(srv.client());
    let crd: CustomResourceDefinition = serde_json::from_value(widget_crd()).unwrap();
    let created = crds.create(&PostParams::default(), &crd).await.unwrap();
    assert!(
        created
            .status
            .as_ref()
            .and_then(|s| s.conditions.as_ref())
            .is_none_or(|c| c.is_empty()),
        "not established in the create response"
    );
    let (code, _) = get_json(&srv, "/apis/example.com/v1/namespaces/default/widgets").await;
    assert_eq!(code, 404, "not served before Established");
    tokio::time::timeout(
        std::time::Duration::from_secs(5),
        await_condition(
            crds.clone(),
            "widgets.example.com",
            conditions::is_crd_established(),
        ),
    )
    .await
    .unwrap()
    .unwrap();

    let api: Api<DynamicObject> =
        Api::namespaced_with(srv.client(), "default", &widget_resource("v1"));
    let mut w = DynamicObject::new("w1", &widget_resource("v1"));
    w.data = json!({"spec": {"replicas": 2, "size": "L"}, "status": {"ignored": true}});
    let created = api.create(&PostParams::default(), &w).await.unwrap();
    assert!(
        created.data.get("status").is_none(),
        "status is dropped on create"
    );
    assert_eq!(created.metadata.generation, Some(1));

    // Served at both versions; list items of custom resources carry kind/apiVersion.
    let (_, list) = get_json(&srv, "/apis/example.com/v1beta1/namespaces/default/widgets").await;
    assert_eq!(list["kind"], "WidgetList");
    assert_eq!(list["items"][0]["apiVersion"], "example.com/v1beta1");

    // Status subresource: main endpoint ignores status, /status ignores spec.
    let status_api = api
        .patch_status(
            "w1",
            &PatchParams::default(),
            &Patch::Merge(json!({"status": {"ready": true}, "spec": {"size": "S"}})),
        )
        .await
        .unwrap();
    assert_eq!(status_api.data["status"]["ready"], true);
    assert_eq!(status_api.data["spec"]["size"], "L");
    let spec = api
        .patch(
            "w1",
            &PatchParams::default(),
            &Patch::Merge(json!({"spec": {"size": "M"}, "status": {"ready": false}})),
        )
        .await
        .unwrap();
    assert_eq!(spec.data["status"]["ready"], true);
    assert_eq!(spec.metadata.generation, Some(2));

    // Scale subresource.
    let scale = api.get_scale("w1").await.unwrap();
    assert_eq!(scale.spec.unwrap().replicas, Some(2));
    api.patch_scale(
        "w1",
        &PatchParams::default(),
        &Patch::Merge(json!({"spec": {"replicas": 5}})),
    )
    .await
    .unwrap();
    assert_eq!(api.get("w1").await.unwrap().data["spec"]["replicas"], 5);

    // Strategic merge is refused for custom resources, as on a real server.
    let e = api
        .patch(
            "w1",
            &PatchParams::default(),
            &Patch::Strategic(json!({"spec": {}})),
        )
        .await
        .unwrap_err();
    assert!(matches!(e, kube::Error::Api(s) if s.code == 415));

    // Discovery knows it.
    let discovery = kube::Discovery::new(srv.client()).run().await.unwrap();
    let group = discovery.get("example.com").unwrap();
    assert_eq!(group.preferred_version_or_latest(), "v1");

    // Deleting the CRD removes its objects and stops serving it.
    crds.delete("widgets.example.com", &Default::default())
        .await
        .unwrap();
    let (code, _) = get_json(&srv, "/apis/example.com/v1/namespaces/default/widgets").await;
    assert_eq!(code, 404);
}

#[tokio::test]
async fn install_crd_registers_immediately() {
    let srv = FakeApiServer::start().await;
    let crd = srv.install_crd(widget_crd()).unwrap();
    assert_eq!(crd["status"]["conditions"][1]["type"], "Established");
    srv.store()
        .create(json!({"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "seeded", "namespace": "default"}, "spec": {}}))
        .unwrap();
    let api: Api<DynamicObject> =
        Api::namespaced_with(srv.client(), "default", &widget_resource("v1"));
    assert!(api.get_opt("seeded").await.unwrap().is_some());
    // Updating a custom resource without resourceVersion is refused (422).
    let mut obj = api.get("seeded").await.unwrap();
    obj.metadata.resource_version = None;
    let e = api
        .replace("seeded", &PostParams::default(), &obj)
        .await
        .unwrap_err();
    assert!(matches!(e, kube::Error::Api(s) if s.code == 422));
}
