use k8s_openapi::api::core::v1::{ConfigMap, Namespace, Secret};
use kube::api::{Api, DeleteParams, Patch, PatchParams, PostParams};
use kubectl_backup_testbed::FakeApiServer;
use serde_json::json;

fn cm(name: &str) -> ConfigMap {
    serde_json::from_value(
        json!({"metadata": {"name": name, "labels": {"app": "x"}}, "data": {"k": "v"}}),
    )
    .unwrap()
}

fn status(e: kube::Error) -> kube::core::Status {
    match e {
        kube::Error::Api(s) => *s,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn create_get_update_delete_with_server_fields() {
    let srv = FakeApiServer::start().await;
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "default");
    let created = api.create(&PostParams::default(), &cm("a")).await.unwrap();
    let uid = created.metadata.uid.clone().unwrap();
    let rv1: u64 = created
        .metadata
        .resource_version
        .clone()
        .unwrap()
        .parse()
        .unwrap();
    assert!(created.metadata.creation_timestamp.is_some());
    assert_eq!(created.metadata.managed_fields.as_ref().unwrap().len(), 1);

    let mut got = api.get("a").await.unwrap();
    assert_eq!(got.metadata.uid.as_deref(), Some(uid.as_str()));
    got.data.as_mut().unwrap().insert("k".into(), "w".into());
    let updated = api
        .replace("a", &PostParams::default(), &got)
        .await
        .unwrap();
    let rv2: u64 = updated
        .metadata
        .resource_version
        .clone()
        .unwrap()
        .parse()
        .unwrap();
    assert!(rv2 > rv1, "resourceVersion must increase");

    // Stale resourceVersion: 409 Conflict.
    let e = status(
        api.replace("a", &PostParams::default(), &got)
            .await
            .unwrap_err(),
    );
    assert_eq!(e.code, 409);
    assert_eq!(e.reason, "Conflict");
    assert_eq!(
        e.message,
        "Operation cannot be fulfilled on configmaps \"a\": the object has been modified; please apply your changes to the latest version and try again"
    );

    // Same body again: a no-op write keeps the resourceVersion.
    let again = api
        .replace("a", &PostParams::default(), &updated)
        .await
        .unwrap();
    assert_eq!(
        again.metadata.resource_version,
        updated.metadata.resource_version
    );

    let deleted = api.delete("a", &DeleteParams::default()).await.unwrap();
    assert!(deleted.is_right(), "configmap delete answers with a Status");
    let e = status(api.get("a").await.unwrap_err());
    assert_eq!(e.code, 404);
    assert_eq!(e.reason, "NotFound");
    assert_eq!(e.message, "configmaps \"a\" not found");
}

#[tokio::test]
async fn create_errors_match_the_real_server() {
    let srv = FakeApiServer::start().await;
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "default");
    api.create(&PostParams::default(), &cm("dup"))
        .await
        .unwrap();
    let e = status(
        api.create(&PostParams::default(), &cm("dup"))
            .await
            .unwrap_err(),
    );
    assert_eq!((e.code, e.reason.as_str()), (409, "AlreadyExists"));
    assert_eq!(e.message, "configmaps \"dup\" already exists");

    let nameless: ConfigMap = serde_json::from_value(json!({"metadata": {}})).unwrap();
    let e = status(
        api.create(&PostParams::default(), &nameless)
            .await
            .unwrap_err(),
    );
    assert_eq!((e.code, e.reason.as_str()), (422, "Invalid"));
    assert_eq!(
        e.message,
        "ConfigMap \"\" is invalid: metadata.name: Required value: name or generateName is required"
    );

    let e = status(
        api.create(&PostParams::default(), &cm("Bad_Name"))
            .await
            .unwrap_err(),
    );
    assert_eq!(e.code, 422);

    let missing_ns: Api<ConfigMap> = Api::namespaced(srv.client(), "nope");
    let e = status(
        missing_ns
            .create(&PostParams::default(), &cm("x"))
            .await
            .unwrap_err(),
    );
    assert_eq!(
        (e.code, e.message.as_str()),
        (404, "namespaces \"nope\" not found")
    );

    let generated: ConfigMap =
        serde_json::from_value(json!({"metadata": {"generateName": "gen-"}})).unwrap();
    let g = api
        .create(&PostParams::default(), &generated)
        .await
        .unwrap();
    let name = g.metadata.name.unwrap();
    assert!(name.starts_with("gen-") && name.len() == 9, "{name}");
}

#[tokio::test]
async fn patch_flavours() {
    let srv = FakeApiServer::start().await;
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "default");
    api.create(&PostParams::default(), &cm("p")).await.unwrap();
    let pp = PatchParams::default();
    let merged = api
        .patch(
            "p",
            &pp,
            &Patch::Merge(json!({"data": {"k": null, "n": "1"}})),
        )
        .await
        .unwrap();
    assert_eq!(
        merged.data.unwrap().into_iter().collect::<Vec<_>>(),
        vec![("n".to_string(), "1".to_string())]
    );
    let jp: json_patch::Patch =
        serde_json::from_value(json!([{"op": "add", "path": "/data/m", "value": "2"}])).unwrap();
    let patched = api.patch("p", &pp, &Patch::<()>::Json(jp)).await.unwrap();
    assert_eq!(patched.data.unwrap()["m"], "2");
    let strategic = api
        .patch(
            "p",
            &pp,
            &Patch::Strategic(json!({"metadata": {"labels": {"s": "y"}}})),
        )
        .await
        .unwrap();
    assert_eq!(strategic.metadata.labels.unwrap()["s"], "y");
    let applied = api
        .patch(
            "applied",
            &PatchParams::apply("testbed-test"),
            &Patch::Apply(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "applied"}, "data": {"a": "b"}})),
        )
        .await
        .unwrap();
    assert_eq!(applied.data.unwrap()["a"], "b");
    // A resourceVersion inside a merge patch is a precondition.
    let e = status(
        api.patch(
            "p",
            &pp,
            &Patch::Merge(json!({"metadata": {"resourceVersion": "1"}, "data": {"z": "z"}})),
        )
        .await
        .unwrap_err(),
    );
    assert_eq!(e.code, 409);
    let e = status(
        api.patch("missing", &pp, &Patch::Merge(json!({})))
            .await
            .unwrap_err(),
    );
    assert_eq!(e.code, 404);
}

#[tokio::test]
async fn secrets_fold_string_data_and_finalizers_delay_deletion() {
    let srv = FakeApiServer::start().await;
    let api: Api<Secret> = Api::namespaced(srv.client(), "default");
    let s: Secret = serde_json::from_value(json!({
        "metadata": {"name": "s", "finalizers": ["example.com/keep"]},
        "stringData": {"password": "hunter2"}
    }))
    .unwrap();
    let created = api.create(&PostParams::default(), &s).await.unwrap();
    assert_eq!(created.data.unwrap()["password"].0, b"hunter2");
    assert!(created.string_data.is_none());
    assert_eq!(created.type_.as_deref(), Some("Opaque"));

    let pending = api.delete("s", &DeleteParams::default()).await.unwrap();
    let pending = pending.left().expect("object still there");
    assert!(pending.metadata.deletion_timestamp.is_some());
    api.patch(
        "s",
        &PatchParams::default(),
        &Patch::Merge(json!({"metadata": {"finalizers": null}})),
    )
    .await
    .unwrap();
    assert!(api.get_opt("s").await.unwrap().is_none());
}

#[tokio::test]
async fn namespaces_get_defaults_and_terminate() {
    let srv = FakeApiServer::start().await;
    let api: Api<Namespace> = Api::all(srv.client());
    let ns: Namespace = serde_json::from_value(json!({"metadata": {"name": "team"}})).unwrap();
    let created = api.create(&PostParams::default(), &ns).await.unwrap();
    assert_eq!(created.status.unwrap().phase.as_deref(), Some("Active"));
    assert_eq!(
        created.metadata.labels.unwrap()["kubernetes.io/metadata.name"],
        "team"
    );
    let cms: Api<ConfigMap> = Api::namespaced(srv.client(), "team");
    cms.create(&PostParams::default(), &cm("inside"))
        .await
        .unwrap();
    assert!(cms.get_opt("kube-root-ca.crt").await.unwrap().is_some());

    // A finalizer on the content keeps the namespace Terminating, even across updates of it.
    let held: ConfigMap = serde_json::from_value(
        json!({"metadata": {"name": "held", "finalizers": ["example.com/hold"]}}),
    )
    .unwrap();
    cms.create(&PostParams::default(), &held).await.unwrap();
    let deleted = api.delete("team", &DeleteParams::default()).await.unwrap();
    assert_eq!(
        deleted.left().unwrap().status.unwrap().phase.as_deref(),
        Some("Terminating")
    );
    api.patch(
        "team",
        &PatchParams::default(),
        &Patch::Merge(json!({"metadata": {"labels": {"touched": "yes"}}})),
    )
    .await
    .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(
        api.get_opt("team").await.unwrap().is_some(),
        "still terminating"
    );
    assert!(
        cms.get_opt("inside").await.unwrap().is_none(),
        "content without finalizers is gone"
    );
    let e = status(
        cms.create(&PostParams::default(), &cm("late"))
            .await
            .unwrap_err(),
    );
    assert_eq!(e.code, 403, "no new content in a terminating namespace");
    cms.patch(
        "held",
        &PatchParams::default(),
        &Patch::Merge(json!({"metadata": {"finalizers": null}})),
    )
    .await
    .unwrap();
    for _ in 0..500 {
        if api.get_opt("team").await.unwrap().is_none() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(
        api.get_opt("team").await.unwrap().is_none(),
        "namespace should be gone"
    );
    assert!(srv.store().list("v1", "ConfigMap", Some("team")).is_empty());
}

#[tokio::test]
async fn store_seeding_and_owner_garbage_collection() {
    let srv = FakeApiServer::start().await;
    let store = srv.store();
    store.create_namespace("seeded");
    let owner = store
        .create(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "owner", "namespace": "seeded"}}))
        .unwrap();
    store
        .create(json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "child", "namespace": "seeded",
            "ownerReferences": [{"apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": owner["metadata"]["uid"]}]}}))
        .unwrap();
    let api: Api<Secret> = Api::namespaced(srv.client(), "seeded");
    assert!(api.get_opt("child").await.unwrap().is_some());
    store
        .delete("v1", "ConfigMap", Some("seeded"), "owner")
        .unwrap();
    assert!(
        api.get_opt("child").await.unwrap().is_none(),
        "dependent collected"
    );
    let e = store
        .create(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x", "namespace": "absent"}}))
        .unwrap_err();
    assert_eq!(e.code, 404);
}

#[tokio::test]
async fn update_rules_of_built_in_types() {
    use k8s_openapi::api::core::v1::{Pod, Service};
    let srv = FakeApiServer::start().await;
    srv.set_kubelet_enabled(false);
    let client = srv.client();
    // resourceVersion on create is refused (as an internal error, as kube-apiserver does).
    let mut c = cm("rv");
    c.metadata.resource_version = Some("5".into());
    let e = status(
        Api::<ConfigMap>::namespaced(client.clone(), "default")
            .create(&PostParams::default(), &c)
            .await
            .unwrap_err(),
    );
    assert_eq!(
        (e.code, e.message.as_str()),
        (
            500,
            "resourceVersion should not be set on objects to be created"
        )
    );

    // Immutable ConfigMaps.
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), "default");
    let frozen: ConfigMap = serde_json::from_value(
        json!({"metadata": {"name": "frozen"}, "immutable": true, "data": {"a": "1"}}),
    )
    .unwrap();
    cms.create(&PostParams::default(), &frozen).await.unwrap();
    let e = status(
        cms.patch(
            "frozen",
            &PatchParams::default(),
            &Patch::Merge(json!({"data": {"a": "2"}})),
        )
        .await
        .unwrap_err(),
    );
    assert_eq!(e.code, 422);
    cms.patch(
        "frozen",
        &PatchParams::default(),
        &Patch::Merge(json!({"metadata": {"labels": {"ok": "yes"}}})),
    )
    .await
    .unwrap();

    // Pod specs are immutable except images and a few fields.
    let pods: Api<Pod> = Api::namespaced(client.clone(), "default");
    let p: Pod = serde_json::from_value(
        json!({"metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "a:1"}]}}),
    )
    .unwrap();
    let created = pods.create(&PostParams::default(), &p).await.unwrap();
    assert_eq!(
        created
            .spec
            .as_ref()
            .unwrap()
            .service_account_name
            .as_deref(),
        Some("default"),
        "defaulted"
    );
    assert_eq!(
        created.spec.as_ref().unwrap().containers[0]
            .image_pull_policy
            .as_deref(),
        Some("IfNotPresent")
    );
    pods.patch(
        "p",
        &PatchParams::default(),
        &Patch::Strategic(json!({"spec": {"containers": [{"name": "c", "image": "a:2"}]}})),
    )
    .await
    .unwrap();
    let e = status(
        pods.patch(
            "p",
            &PatchParams::default(),
            &Patch::Strategic(json!({"spec": {"containers": [{"name": "c", "args": ["x"]}]}})),
        )
        .await
        .unwrap_err(),
    );
    assert_eq!(e.code, 422);
    assert!(
        e.message.contains("pod updates may not change fields"),
        "{}",
        e.message
    );

    // Services keep their cluster IP when an update leaves it out.
    let svcs: Api<Service> = Api::namespaced(client.clone(), "default");
    let s: Service = serde_json::from_value(
        json!({"metadata": {"name": "s"}, "spec": {"ports": [{"port": 80}]}}),
    )
    .unwrap();
    let created = svcs.create(&PostParams::default(), &s).await.unwrap();
    let ip = created.spec.as_ref().unwrap().cluster_ip.clone().unwrap();
    let mut replaced = created.clone();
    replaced.spec.as_mut().unwrap().cluster_ip = None;
    replaced.spec.as_mut().unwrap().cluster_ips = None;
    let after = svcs
        .replace("s", &PostParams::default(), &replaced)
        .await
        .unwrap();
    assert_eq!(after.spec.unwrap().cluster_ip, Some(ip));

    // Protected namespaces.
    let e = status(
        Api::<Namespace>::all(client)
            .delete("default", &DeleteParams::default())
            .await
            .unwrap_err(),
    );
    assert_eq!(e.code, 403);
}

#[tokio::test]
async fn metadata_only_requests() {
    let srv = FakeApiServer::start().await;
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "default");
    api.create(&PostParams::default(), &cm("meta"))
        .await
        .unwrap();
    let one = api.get_metadata("meta").await.unwrap();
    assert_eq!(one.metadata.labels.unwrap()["app"], "x");
    let list = api.list_metadata(&Default::default()).await.unwrap();
    assert_eq!(list.items.len(), 2);
    let r = srv.requests().pop().unwrap();
    assert!(
        r.header("accept")
            .unwrap()
            .contains("PartialObjectMetadata")
    );
    let (_, raw) = {
        let resp = crate::http()
            .get(format!(
                "{}/api/v1/namespaces/default/configmaps/meta",
                srv.url()
            ))
            .header("Authorization", crate::bearer())
            .header(
                "Accept",
                "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1",
            )
            .send()
            .await
            .unwrap();
        (
            resp.status(),
            resp.json::<serde_json::Value>().await.unwrap(),
        )
    };
    assert_eq!(raw["kind"], "PartialObjectMetadata");
    assert!(raw.get("data").is_none());
}

#[tokio::test]
async fn dry_run_and_delete_collection() {
    let srv = FakeApiServer::start().await;
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "default");
    let rv = srv.store().resource_version();
    let dry = api
        .create(
            &PostParams {
                dry_run: true,
                ..Default::default()
            },
            &cm("dry"),
        )
        .await
        .unwrap();
    assert_eq!(dry.metadata.name.as_deref(), Some("dry"));
    assert!(
        api.get_opt("dry").await.unwrap().is_none(),
        "dry-run create stores nothing"
    );
    assert_eq!(srv.store().resource_version(), rv);
    api.create(&PostParams::default(), &cm("keep"))
        .await
        .unwrap();
    api.delete(
        "keep",
        &DeleteParams {
            dry_run: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(
        api.get_opt("keep").await.unwrap().is_some(),
        "dry-run delete deletes nothing"
    );

    for name in ["x1", "x2"] {
        api.create(&PostParams::default(), &cm(name)).await.unwrap();
    }
    let other: ConfigMap =
        serde_json::from_value(json!({"metadata": {"name": "other", "labels": {"app": "y"}}}))
            .unwrap();
    api.create(&PostParams::default(), &other).await.unwrap();
    let deleted = api
        .delete_collection(
            &DeleteParams::default(),
            &kube::api::ListParams::default().labels("app=x"),
        )
        .await
        .unwrap();
    let names: Vec<String> = deleted
        .left()
        .unwrap()
        .items
        .into_iter()
        .map(|c| c.metadata.name.unwrap())
        .collect();
    assert_eq!(names, ["keep", "x1", "x2"]);
    assert!(api.get_opt("other").await.unwrap().is_some());
}
