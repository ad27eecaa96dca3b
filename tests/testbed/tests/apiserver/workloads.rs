use std::time::Duration;

use k8s_openapi::api::apps::v1::{DaemonSet, Deployment, ReplicaSet, StatefulSet};
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod};
use kube::api::{Api, DeleteParams, ListParams, Patch, PatchParams, PostParams};
use kubectl_backup_testbed::FakeApiServer;
use serde_json::json;

async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..500 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting for {what}");
}

fn template(app: &str, command: serde_json::Value) -> serde_json::Value {
    json!({"metadata": {"labels": {"app": app}}, "spec": {"containers": [{"name": "c", "image": "nginx:1.27", "command": command}]}})
}

async fn running_pods(pods: &Api<Pod>, selector: &str) -> Vec<Pod> {
    pods.list(&ListParams::default().labels(selector))
        .await
        .unwrap()
        .items
        .into_iter()
        .filter(|p| p.metadata.deletion_timestamp.is_none())
        .filter(|p| p.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running"))
        .collect()
}

#[tokio::test]
async fn deployments_get_a_replica_set_pods_status_and_scale() {
    let srv = FakeApiServer::start().await;
    let deploys: Api<Deployment> = Api::namespaced(srv.client(), "default");
    let pods: Api<Pod> = Api::namespaced(srv.client(), "default");
    let d: Deployment = serde_json::from_value(json!({
        "metadata": {"name": "web"},
        "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}}, "template": template("web", json!(null))}
    }))
    .unwrap();
    deploys.create(&PostParams::default(), &d).await.unwrap();
    eventually("2 ready replicas", || async {
        let s = deploys.get("web").await.unwrap().status.unwrap_or_default();
        s.ready_replicas == Some(2) && s.available_replicas == Some(2)
    })
    .await;
    let status = deploys.get("web").await.unwrap().status.unwrap();
    let available = status
        .conditions
        .unwrap()
        .into_iter()
        .find(|c| c.type_.as_deref() == Some("Available"))
        .unwrap();
    assert_eq!(available.status.as_deref(), Some("True"));
    let sets = Api::<ReplicaSet>::namespaced(srv.client(), "default")
        .list(&Default::default())
        .await
        .unwrap();
    assert_eq!(sets.items.len(), 1);
    let rs = &sets.items[0];
    assert_eq!(
        rs.metadata.owner_references.as_ref().unwrap()[0].name,
        "web"
    );
    let running = running_pods(&pods, "app=web").await;
    assert_eq!(running.len(), 2);
    assert_eq!(
        running[0].metadata.owner_references.as_ref().unwrap()[0].kind,
        "ReplicaSet"
    );

    deploys
        .patch_scale(
            "web",
            &PatchParams::default(),
            &Patch::Merge(json!({"spec": {"replicas": 3}})),
        )
        .await
        .unwrap();
    eventually("3 running pods", || async {
        running_pods(&pods, "app=web").await.len() == 3
    })
    .await;
    eventually("status follows", || async {
        deploys
            .get("web")
            .await
            .unwrap()
            .status
            .unwrap()
            .ready_replicas
            == Some(3)
    })
    .await;
    deploys
        .patch(
            "web",
            &PatchParams::default(),
            &Patch::Merge(json!({"spec": {"replicas": 1}})),
        )
        .await
        .unwrap();
    eventually("1 pod left", || async {
        pods.list(&ListParams::default().labels("app=web"))
            .await
            .unwrap()
            .items
            .len()
            == 1
    })
    .await;
    assert_eq!(
        deploys
            .get_scale("web")
            .await
            .unwrap()
            .spec
            .unwrap()
            .replicas,
        Some(1)
    );

    deploys
        .delete("web", &DeleteParams::default())
        .await
        .unwrap();
    eventually("everything collected", || async {
        pods.list(&ListParams::default().labels("app=web"))
            .await
            .unwrap()
            .items
            .is_empty()
    })
    .await;
    assert!(
        Api::<ReplicaSet>::namespaced(srv.client(), "default")
            .list(&Default::default())
            .await
            .unwrap()
            .items
            .is_empty()
    );
}

#[tokio::test]
async fn stateful_sets_make_ordered_pods_and_claims() {
    let srv = FakeApiServer::start().await;
    let sets: Api<StatefulSet> = Api::namespaced(srv.client(), "default");
    let pods: Api<Pod> = Api::namespaced(srv.client(), "default");
    let s: StatefulSet = serde_json::from_value(json!({
        "metadata": {"name": "db"},
        "spec": {
            "replicas": 3, "serviceName": "db", "selector": {"matchLabels": {"app": "db"}},
            "template": template("db", json!(["sleep", "600"])),
            "volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}]
        }
    }))
    .unwrap();
    sets.create(&PostParams::default(), &s).await.unwrap();
    eventually("3 ready", || async {
        sets.get("db")
            .await
            .unwrap()
            .status
            .unwrap_or_default()
            .ready_replicas
            == Some(3)
    })
    .await;
    let mut names: Vec<String> = running_pods(&pods, "app=db")
        .await
        .into_iter()
        .map(|p| p.metadata.name.unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["db-0", "db-1", "db-2"]);
    let p0 = pods.get("db-0").await.unwrap();
    assert_eq!(
        p0.metadata.labels.as_ref().unwrap()["statefulset.kubernetes.io/pod-name"],
        "db-0"
    );
    let volumes = p0.spec.unwrap().volumes.unwrap();
    assert_eq!(
        volumes[0]
            .persistent_volume_claim
            .as_ref()
            .unwrap()
            .claim_name,
        "data-db-0"
    );
    let pvcs = Api::<PersistentVolumeClaim>::namespaced(srv.client(), "default");
    let pvc = pvcs.get("data-db-2").await.unwrap();
    assert_eq!(pvc.status.unwrap().phase.as_deref(), Some("Bound"));

    sets.patch_scale(
        "db",
        &PatchParams::default(),
        &Patch::Merge(json!({"spec": {"replicas": 1}})),
    )
    .await
    .unwrap();
    eventually("scaled down to db-0", || async {
        let names: Vec<String> = pods
            .list(&ListParams::default().labels("app=db"))
            .await
            .unwrap()
            .items
            .into_iter()
            .map(|p| p.metadata.name.unwrap())
            .collect();
        names == ["db-0"]
    })
    .await;
    // Claims are retained, as with the default retention policy.
    assert!(pvcs.get_opt("data-db-2").await.unwrap().is_some());
}

#[tokio::test]
async fn jobs_complete_and_pods_that_exit_are_not_restarted() {
    let srv = FakeApiServer::start().await;
    let jobs: Api<Job> = Api::namespaced(srv.client(), "default");
    let j: Job = serde_json::from_value(json!({
        "metadata": {"name": "once"},
        "spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [{"name": "c", "image": "busybox", "command": ["sh", "-c", "echo done"]}]}}}
    }))
    .unwrap();
    jobs.create(&PostParams::default(), &j).await.unwrap();
    eventually("job complete", || async {
        let s = jobs.get("once").await.unwrap().status.unwrap_or_default();
        s.succeeded == Some(1)
            && s.conditions
                .unwrap_or_default()
                .iter()
                .any(|c| c.type_ == "Complete" && c.status == "True")
    })
    .await;
    let pods: Api<Pod> = Api::namespaced(srv.client(), "default");
    let list = pods
        .list(&ListParams::default().labels("job-name=once"))
        .await
        .unwrap();
    assert_eq!(list.items.len(), 1);

    let ds: DaemonSet = serde_json::from_value(json!({
        "metadata": {"name": "agent"},
        "spec": {"selector": {"matchLabels": {"app": "agent"}}, "template": template("agent", json!(null))}
    }))
    .unwrap();
    let daemons: Api<DaemonSet> = Api::namespaced(srv.client(), "default");
    daemons.create(&PostParams::default(), &ds).await.unwrap();
    eventually("daemon pod ready", || async {
        daemons
            .get("agent")
            .await
            .unwrap()
            .status
            .is_some_and(|s| s.number_ready == 1)
    })
    .await;

    // A deployment whose command exits: the pod ends Succeeded and stays.
    let d: Deployment = serde_json::from_value(json!({
        "metadata": {"name": "short"},
        "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "short"}}, "template": template("short", json!(["true"]))}
    }))
    .unwrap();
    Api::<Deployment>::namespaced(srv.client(), "default")
        .create(&PostParams::default(), &d)
        .await
        .unwrap();
    eventually("pod succeeded", || async {
        pods.list(&ListParams::default().labels("app=short"))
            .await
            .unwrap()
            .items
            .iter()
            .any(|p| p.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Succeeded"))
    })
    .await;
}

#[tokio::test]
async fn controllers_can_be_switched_off() {
    let srv = FakeApiServer::start().await;
    srv.set_controllers_enabled(false);
    let deploys: Api<Deployment> = Api::namespaced(srv.client(), "default");
    let d: Deployment = serde_json::from_value(json!({
        "metadata": {"name": "still"},
        "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "still"}}, "template": template("still", json!(null))}
    }))
    .unwrap();
    deploys.create(&PostParams::default(), &d).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    // The empty status the server starts a Deployment with; no controller wrote to it.
    assert_eq!(
        deploys.get("still").await.unwrap().status,
        Some(Default::default())
    );
}
