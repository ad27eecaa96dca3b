//! The PV binder stand-in and Service node ports, as a real control plane answers them.

use std::time::Duration;

use k8s_openapi::api::core::v1::{PersistentVolume, PersistentVolumeClaim, Service};
use kube::api::{Api, DeleteParams, PostParams};
use kubectl_backup_testbed::FakeApiServer;
use serde_json::json;

/// Polls `check` until it holds (generously: the machine may be loaded).
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..1000 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting for {what}");
}

fn phase_of_pv(pv: &PersistentVolume) -> Option<String> {
    pv.status.as_ref().and_then(|s| s.phase.clone())
}

#[tokio::test]
async fn a_claim_naming_its_volume_is_bound_to_it_and_releases_it_when_deleted() {
    let srv = FakeApiServer::start().await;
    srv.store().create_namespace("app");
    let pvs: Api<PersistentVolume> = Api::all(srv.client());
    let pvcs: Api<PersistentVolumeClaim> = Api::namespaced(srv.client(), "app");
    let pv = serde_json::from_value(json!({"metadata": {"name": "pv-1"},
        "spec": {"capacity": {"storage": "2Gi"}, "accessModes": ["ReadWriteOnce"],
            "persistentVolumeReclaimPolicy": "Retain", "hostPath": {"path": "/tmp/pv-1"}}}))
    .unwrap();
    pvs.create(&PostParams::default(), &pv).await.unwrap();
    eventually("an unclaimed PV is Available", || async {
        phase_of_pv(&pvs.get("pv-1").await.unwrap()).as_deref() == Some("Available")
    })
    .await;

    let pvc = serde_json::from_value(json!({"metadata": {"name": "data"},
        "spec": {"accessModes": ["ReadWriteOnce"], "volumeName": "pv-1",
            "resources": {"requests": {"storage": "1Gi"}}}}))
    .unwrap();
    let pvc = pvcs.create(&PostParams::default(), &pvc).await.unwrap();
    eventually("the claim is Bound", || async {
        let status = pvcs.get("data").await.unwrap().status.unwrap_or_default();
        status.phase.as_deref() == Some("Bound")
    })
    .await;
    let bound = pvcs.get("data").await.unwrap();
    let status = bound.status.unwrap();
    assert_eq!(
        status.capacity.unwrap()["storage"].0,
        "2Gi",
        "the PV's capacity"
    );
    assert_eq!(
        bound.metadata.annotations.unwrap()["pv.kubernetes.io/bind-completed"],
        "yes"
    );
    let volume = pvs.get("pv-1").await.unwrap();
    assert_eq!(phase_of_pv(&volume).as_deref(), Some("Bound"));
    let claim_ref = volume.spec.unwrap().claim_ref.unwrap();
    assert_eq!(claim_ref.namespace.as_deref(), Some("app"));
    assert_eq!(claim_ref.name.as_deref(), Some("data"));
    assert_eq!(claim_ref.uid, pvc.metadata.uid);

    pvcs.delete("data", &DeleteParams::default()).await.unwrap();
    eventually("the PV is Released", || async {
        phase_of_pv(&pvs.get("pv-1").await.unwrap()).as_deref() == Some("Released")
    })
    .await;
}

#[tokio::test]
async fn node_ports_are_allocated_and_kept_by_an_update_that_leaves_them_out() {
    let srv = FakeApiServer::start().await;
    srv.store().create_namespace("app");
    let services: Api<Service> = Api::namespaced(srv.client(), "app");
    let service = serde_json::from_value(json!({"metadata": {"name": "web"},
        "spec": {"type": "NodePort", "ports": [{"name": "http", "port": 80}]}}))
    .unwrap();
    let created = services
        .create(&PostParams::default(), &service)
        .await
        .unwrap();
    let node_port = created.spec.as_ref().unwrap().ports.as_ref().unwrap()[0].node_port;
    assert!(
        node_port.is_some_and(|p| (30000..=32767).contains(&p)),
        "{created:?}"
    );

    let mut changed = created.clone();
    let spec = changed.spec.as_mut().unwrap();
    spec.ports.as_mut().unwrap()[0].node_port = None;
    spec.selector = Some([("app".to_string(), "web".to_string())].into());
    let updated = services
        .replace("web", &PostParams::default(), &changed)
        .await
        .unwrap();
    assert_eq!(updated.spec.unwrap().ports.unwrap()[0].node_port, node_port);

    let cluster_ip = serde_json::from_value(json!({"metadata": {"name": "api"},
        "spec": {"ports": [{"port": 80}]}}))
    .unwrap();
    let created = services
        .create(&PostParams::default(), &cluster_ip)
        .await
        .unwrap();
    assert_eq!(
        created.spec.unwrap().ports.unwrap()[0].node_port,
        None,
        "no node port on a ClusterIP Service"
    );
}
