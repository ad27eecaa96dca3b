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
    let (code, _) = crate::get_text(&srv, "/apis/example.com/v1/namespaces/default/widgets").await;
    assert_eq!(code, 404, "not served before Established");
    tokio::time::timeout(
        std::time::Duration::from_secs(10),
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
    // As on a real server, the objects go and serving stops asynchronously, after the delete.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let (code, _) =
            crate::get_text(&srv, "/apis/example.com/v1/namespaces/default/widgets").await;
        if code == 404 {
            break;
        }
        assert_eq!(code, 200);
        assert!(
            std::time::Instant::now() < deadline,
            "still served 30 s after the CRD was deleted"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
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

#[tokio::test]
async fn custom_resources_are_pruned_defaulted_and_validated() {
    let srv = FakeApiServer::start().await;
    let mut crd = widget_crd();
    crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"] = json!({
        "type": "object",
        "properties": {
            "spec": {"type": "object", "required": ["size"], "properties": {
                "size": {"type": "string", "enum": ["S", "M", "L"]},
                "replicas": {"type": "integer", "default": 1}
            }},
            "status": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}
        }
    });
    srv.install_crd(crd).unwrap();
    let api: Api<DynamicObject> =
        Api::namespaced_with(srv.client(), "default", &widget_resource("v1"));
    let mut w = DynamicObject::new("w", &widget_resource("v1"));
    w.data = json!({"spec": {"size": "M", "colour": "red"}, "top": 1});
    let created = api.create(&PostParams::default(), &w).await.unwrap();
    assert_eq!(created.data["spec"], json!({"size": "M", "replicas": 1}));
    assert!(created.data.get("top").is_none());
    let mut bad = DynamicObject::new("bad", &widget_resource("v1"));
    bad.data = json!({"spec": {"size": 3}});
    let e = api.create(&PostParams::default(), &bad).await.unwrap_err();
    let kube::Error::Api(s) = e else { panic!() };
    assert_eq!((s.code, s.reason.as_str()), (422, "Invalid"));
    assert!(
        s.message
            .starts_with("Widget.example.com \"bad\" is invalid: spec.size"),
        "{}",
        s.message
    );
}

/// The upstream Kanister and Velero CRDs accept what their controllers write, unchanged.
#[tokio::test]
async fn upstream_kanister_and_velero_crds_round_trip_their_objects() {
    let srv = FakeApiServer::start().await;
    srv.install_kanister_crds();
    srv.install_velero_crds();
    srv.store().create_namespace("kanister");
    srv.store().create_namespace("velero");
    let samples = [
        json!({"apiVersion": "cr.kanister.io/v1alpha1", "kind": "ActionSet", "metadata": {"name": "backup-x7k2p", "namespace": "kanister"},
            "spec": {"actions": [{"name": "backup", "blueprint": "pg-bp",
                "object": {"apiVersion": "v1", "group": "apps", "kind": "statefulset", "name": "db", "namespace": "db", "resource": "statefulsets"},
                "profile": {"kind": "Profile", "name": "s3", "namespace": "kanister"},
                "secrets": {"pg": {"kind": "Secret", "name": "db", "namespace": "db"}},
                "options": {"retention": "7d"},
                "artifacts": {"cloudObject": {"keyValue": {"path": "a/b"}}},
                "podOverride": {"serviceAccountName": "sa", "containers": [{"name": "container", "resources": {"limits": {"memory": "1Gi"}}}]},
                "podLabels": {"a": "b"}}]},
            "status": {"state": "complete", "actions": [{"name": "backup", "phases": [{"name": "dump", "state": "complete", "output": {"k": "v"}}],
                "artifacts": {"cloudObject": {"keyValue": {"path": "a/b"}}}, "deferPhase": {"name": "", "state": ""}}],
                "progress": {"percentCompleted": "100", "runningPhase": ""}, "error": {"message": ""}}}),
        json!({"apiVersion": "cr.kanister.io/v1alpha1", "kind": "Blueprint", "metadata": {"name": "pg-bp", "namespace": "kanister"},
            "actions": {"backup": {"outputArtifacts": {"cloudObject": {"keyValue": {"path": "{{ .Phases.dump.Output.path }}"}}},
                "phases": [{"func": "KubeTask", "name": "dump", "objects": {"pg": {"kind": "Secret", "name": "{{ .Object.metadata.name }}", "namespace": "db"}},
                    "args": {"image": "ghcr.io/kanisterio/kanister-tools:0.119.0", "command": ["bash", "-c", "echo hi"], "namespace": "db"}}]}}}),
        json!({"apiVersion": "cr.kanister.io/v1alpha1", "kind": "Profile", "metadata": {"name": "s3", "namespace": "kanister"},
            "location": {"type": "s3Compliant", "bucket": "b", "endpoint": "http://127.0.0.1:9000", "prefix": "p", "region": "us-east-1"},
            "credential": {"type": "keyPair", "keyPair": {"idField": "id", "secretField": "secret", "secret": {"apiVersion": "v1", "kind": "Secret", "name": "creds", "namespace": "kanister"}}},
            "skipSSLVerify": false}),
        json!({"apiVersion": "velero.io/v1", "kind": "Backup", "metadata": {"name": "nightly", "namespace": "velero"},
            "spec": {"includedNamespaces": ["app"], "excludedResources": ["events"], "ttl": "720h0m0s", "storageLocation": "default",
                "labelSelector": {"matchLabels": {"app": "web"}}, "snapshotVolumes": false, "defaultVolumesToFsBackup": false,
                "hooks": {"resources": [{"name": "freeze", "includedNamespaces": ["app"], "pre": [{"exec": {"container": "db", "command": ["sync"], "onError": "Fail", "timeout": "30s"}}]}]}},
            "status": {"phase": "Completed", "progress": {"totalItems": 10, "itemsBackedUp": 10}, "startTimestamp": "2026-01-01T00:00:00Z", "version": 1, "formatVersion": "1.1.0"}}),
        json!({"apiVersion": "velero.io/v1", "kind": "BackupStorageLocation", "metadata": {"name": "default", "namespace": "velero"},
            "spec": {"provider": "aws", "objectStorage": {"bucket": "b", "prefix": "velero"}, "config": {"region": "us-east-1", "s3Url": "http://127.0.0.1:9000"}, "default": true}}),
        json!({"apiVersion": "velero.io/v1", "kind": "Restore", "metadata": {"name": "nightly-20260101000000", "namespace": "velero"},
            "spec": {"backupName": "nightly", "includedNamespaces": ["*"], "namespaceMapping": {"app": "app-copy"}, "existingResourcePolicy": "update", "restorePVs": true}}),
    ];
    for sample in samples {
        let created = srv.store().create(sample.clone()).unwrap();
        let name = created["metadata"]["name"].as_str().unwrap();
        for (k, v) in sample.as_object().unwrap() {
            if k != "metadata" {
                assert_eq!(
                    &created[k], v,
                    "{} {name}: field {k} changed by the schema",
                    sample["kind"]
                );
            }
        }
    }
    // A typo the real server would prune silently is pruned here too.
    let typo = srv
        .store()
        .create(json!({"apiVersion": "velero.io/v1", "kind": "Backup", "metadata": {"name": "typo", "namespace": "velero"},
            "spec": {"includeNamespaces": ["app"]}}))
        .unwrap();
    assert_eq!(typo["spec"], json!({}));
}
