//! Volumes and node ports after a restore, once the controllers have acted (issue 11): a
//! StatefulSet's claims, one on a static PV with reclaim policy Retain and one on a dynamically
//! provisioned PV with reclaim policy Delete, and two NodePort Services, one on a port the user
//! chose and one on a port the server allocated. Restored in place after the namespace was
//! deleted, and into a mapped namespace while the original lives; and a Retain PV that outlived
//! its namespace (Released), whose restored claim waits with the reason and the way out.
//!
//! The fake server binds static PVs but provisions nothing: there the Delete PV is made by hand,
//! and the checks stop at what the fake can show (the restored claim asks for a new volume);
//! the real cluster's host-path provisioner gives the claim its new volume.

use std::collections::BTreeMap;

use kubectl_backup_testbed::TestCluster;
use serde_json::{Value, json};

use super::common::kube::{node_port, wait_until_bound};
use super::{DeleteOnDrop, SETTLE, run, text};

const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";
/// The StatefulSet `db`'s claims of its volume claim template `data`.
const STATIC_CLAIM: &str = "data-db-0";
const DYNAMIC_CLAIM: &str = "data-db-1";

/// What [`seed`] made.
struct Seeded {
    namespace: String,
    storage_class: String,
    static_pv: String,
    dynamic_pv: String,
    /// Of the Service `fixed` (kubectl apply).
    chosen_node_port: u64,
    /// Of the Service `owned` (through the API, owned in managedFields).
    owned_node_port: u64,
    /// Of the Service `auto`.
    allocated_node_port: u64,
}

fn claim(cluster: &TestCluster, ns: &str, name: &str) -> Option<Value> {
    cluster
        .objects()
        .get("v1", "PersistentVolumeClaim", Some(ns), name)
}

fn volume_name(claim: &Value) -> Option<&str> {
    claim["spec"]["volumeName"]
        .as_str()
        .filter(|v| !v.is_empty())
}

fn service(cluster: &TestCluster, ns: &str, name: &str) -> Value {
    cluster
        .objects()
        .get("v1", "Service", Some(ns), name)
        .unwrap_or_else(|| panic!("Service {ns}/{name} missing"))
}

/// Two PVs on one volume would let two claims write to the same storage.
fn assert_no_shared_volume_source(cluster: &TestCluster) {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for pv in cluster.objects().list("v1", "PersistentVolume", None) {
        let name = pv["metadata"]["name"].as_str().unwrap_or_default();
        if let Some(path) = pv["spec"]["hostPath"]["path"].as_str()
            && let Some(other) = seen.insert(path.to_string(), name.to_string())
        {
            panic!("PVs {other} and {name} share the volume {path}");
        }
    }
}

/// A NodePort Service `name` on a node port of the user's choice: created as `kubectl apply`
/// leaves it (the applied configuration in its annotation), or else through the API alone (the
/// real server then records the creator as the owner of `nodePort` in managedFields). The
/// real cluster is shared by this binary's tests, so the port is drawn at random until one is
/// free.
fn create_service_on_a_chosen_port(
    cluster: &TestCluster,
    ns: &str,
    name: &str,
    as_kubectl_apply: bool,
) -> u64 {
    for _ in 0..20 {
        let port = 30000 + u64::from(rand::random::<u16>()) % 2768;
        let applied = json!({"apiVersion": "v1", "kind": "Service",
            "metadata": {"name": name, "namespace": ns},
            "spec": {"type": "NodePort", "selector": {"app": "db"},
                "ports": [{"name": "pg", "port": 5432, "nodePort": port}]}});
        let mut service = applied.clone();
        if as_kubectl_apply {
            service["metadata"]["annotations"] = json!({LAST_APPLIED: applied.to_string()});
        }
        match cluster.objects().create(service) {
            Ok(_) => return port,
            Err(e) if format!("{e:?}").contains("already allocated") => continue,
            Err(e) => panic!("create Service {name}: {e:?}"),
        }
    }
    panic!("no free node port found in 20 tries");
}

/// Namespace `db` with the StatefulSet's two claims, both Bound, and the two Services; then
/// a backup `bk` of it (its PVs come along as the namespace's related cluster-scoped items).
fn seed(cluster: &TestCluster) -> Seeded {
    let ns = cluster.namespace("db");
    let objects = cluster.objects();
    let storage_class = cluster.name("db-hostpath");
    objects
        .create(
            json!({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
            "metadata": {"name": storage_class}, "provisioner": "kubernetes.io/host-path",
            "reclaimPolicy": "Delete", "volumeBindingMode": "Immediate"}),
        )
        .expect("StorageClass");

    // The static PV, pre-bound to its claim as an administrator binds one.
    let static_pv = cluster.name("db-static");
    objects
        .create(json!({"apiVersion": "v1", "kind": "PersistentVolume",
            "metadata": {"name": static_pv},
            "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce"],
                "persistentVolumeReclaimPolicy": "Retain", "storageClassName": "",
                "hostPath": {"path": format!("/tmp/{static_pv}")},
                "claimRef": {"kind": "PersistentVolumeClaim", "apiVersion": "v1",
                    "namespace": ns, "name": STATIC_CLAIM}}}))
        .expect("static PV");
    objects
        .create(json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
            "metadata": {"name": STATIC_CLAIM, "namespace": ns, "labels": {"app": "db"}},
            "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": "",
                "resources": {"requests": {"storage": "1Gi"}}, "volumeName": static_pv}}))
        .expect("static claim");

    // The dynamic claim: provisioned by the real cluster; on the fake, bound to a PV made as
    // the provisioner makes one (reclaim policy Delete, the claim's binding annotations).
    let mut dynamic_claim = json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
        "metadata": {"name": DYNAMIC_CLAIM, "namespace": ns, "labels": {"app": "db"}},
        "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": storage_class,
            "resources": {"requests": {"storage": "1Gi"}}}});
    if cluster.real_cluster().is_none() {
        let pv = cluster.name("pvc-dynamic");
        objects
            .create(json!({"apiVersion": "v1", "kind": "PersistentVolume",
                "metadata": {"name": pv,
                    "annotations": {"pv.kubernetes.io/provisioned-by": "kubernetes.io/host-path"}},
                "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce"],
                    "persistentVolumeReclaimPolicy": "Delete", "storageClassName": storage_class,
                    "hostPath": {"path": format!("/tmp/hostpath_pv/{pv}")},
                    "claimRef": {"kind": "PersistentVolumeClaim", "apiVersion": "v1",
                        "namespace": ns, "name": DYNAMIC_CLAIM}}}))
            .expect("dynamic PV");
        dynamic_claim["spec"]["volumeName"] = json!(pv);
        dynamic_claim["metadata"]["annotations"] = json!({
            "pv.kubernetes.io/bind-completed": "yes",
            "pv.kubernetes.io/bound-by-controller": "yes",
            "volume.beta.kubernetes.io/storage-provisioner": "kubernetes.io/host-path",
            "volume.kubernetes.io/storage-provisioner": "kubernetes.io/host-path"});
    }
    objects.create(dynamic_claim).expect("dynamic claim");
    assert_eq!(
        wait_until_bound(cluster, &ns, STATIC_CLAIM, SETTLE),
        static_pv
    );
    let dynamic_pv = wait_until_bound(cluster, &ns, DYNAMIC_CLAIM, SETTLE);
    let provisioned = objects
        .get("v1", "PersistentVolume", None, &dynamic_pv)
        .expect("the dynamic claim's PV");
    assert_eq!(
        provisioned["spec"]["persistentVolumeReclaimPolicy"],
        "Delete"
    );

    let chosen_node_port = create_service_on_a_chosen_port(cluster, &ns, "fixed", true);
    let owned_node_port = create_service_on_a_chosen_port(cluster, &ns, "owned", false);
    let allocated = objects
        .create(json!({"apiVersion": "v1", "kind": "Service",
            "metadata": {"name": "auto", "namespace": ns},
            "spec": {"type": "NodePort", "selector": {"app": "db"},
                "ports": [{"name": "pg", "port": 5432}]}}))
        .expect("Service auto");
    let allocated_node_port = node_port(&allocated);

    let created = run(
        cluster,
        &[
            "snapshot",
            "create",
            "bk",
            "--include-namespaces",
            &ns,
            "--mode",
            "client",
        ],
    );
    assert!(created.status.success(), "{}", text(&created.stderr));
    Seeded {
        namespace: ns,
        storage_class,
        static_pv,
        dynamic_pv,
        chosen_node_port,
        owned_node_port,
        allocated_node_port,
    }
}

/// The restored dynamic claim asks for a new volume: no `volumeName`, no binding annotations.
/// The real cluster's provisioner then binds it to a new PV, never to the old one.
fn assert_reprovisioned(cluster: &TestCluster, ns: &str, old_pv: &str) {
    if cluster.real_cluster().is_some() {
        let new_pv = wait_until_bound(cluster, ns, DYNAMIC_CLAIM, SETTLE);
        assert_ne!(new_pv, old_pv, "the claim must get a new volume");
        let pv = cluster
            .objects()
            .get("v1", "PersistentVolume", None, &new_pv)
            .expect("the new PV");
        assert_eq!(pv["spec"]["claimRef"]["namespace"], ns, "{pv}");
    } else {
        let pvc = claim(cluster, ns, DYNAMIC_CLAIM).expect("dynamic claim restored");
        assert_eq!(volume_name(&pvc), None, "{pvc}");
        let annotations = pvc["metadata"]["annotations"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        assert!(
            !annotations
                .keys()
                .any(|k| k.starts_with("pv.kubernetes.io/") || k.ends_with("storage-provisioner")),
            "{pvc}"
        );
    }
}

kubectl_backup_testbed::on_both_backends! {
    fn volumes_and_node_ports_in_place_after_the_namespace_was_deleted(cluster) {
        let seeded = seed(cluster);
        let ns = &seeded.namespace;
        let objects = cluster.objects();

        objects.delete_and_wait("v1", "Namespace", None, ns, SETTLE);
        // A lost cluster: the Retain PV is gone too (deleted after its claim, which the PV
        // protection finalizer waits for). The Delete PV goes with its claim on the real
        // cluster; the fake reclaims nothing, so it is deleted by hand.
        objects.delete_and_wait("v1", "PersistentVolume", None, &seeded.static_pv, SETTLE);
        if cluster.real_cluster().is_some() {
            cluster.wait_for("the Delete PV reclaimed", SETTLE, || {
                objects
                    .get("v1", "PersistentVolume", None, &seeded.dynamic_pv)
                    .is_none()
                    .then_some(())
            });
        } else {
            objects.delete_and_wait("v1", "PersistentVolume", None, &seeded.dynamic_pv, SETTLE);
        }

        let restored = run(cluster, &["snapshot", "restore", "bk", "--restore-name", "back"]);
        let stderr = text(&restored.stderr);
        assert!(restored.status.success(), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "storage: {ns}/{STATIC_CLAIM}: bound: binds to its PV {}, restored from the backup (reclaim policy Retain)",
                seeded.static_pv
            )),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!(
                "storage: {ns}/{DYNAMIC_CLAIM}: EMPTY: a new, EMPTY volume from StorageClass {}: its PV {} had reclaim policy Delete",
                seeded.storage_class, seeded.dynamic_pv
            )),
            "{stderr}"
        );

        // The Retain PV comes back and binds its claim again; the Delete PV is not restored.
        assert_eq!(wait_until_bound(cluster, ns, STATIC_CLAIM, SETTLE), seeded.static_pv);
        assert!(
            objects.get("v1", "PersistentVolume", None, &seeded.dynamic_pv).is_none(),
            "a PV with reclaim policy Delete must not be restored"
        );
        assert_reprovisioned(cluster, ns, &seeded.dynamic_pv);
        assert_no_shared_volume_source(cluster);

        // The user's node port is kept; the allocated one is left to the server.
        let fixed = service(cluster, ns, "fixed");
        assert_eq!(node_port(&fixed), seeded.chosen_node_port, "{fixed}");
        let owned = service(cluster, ns, "owned");
        if cluster.real_cluster().is_some() {
            assert_eq!(node_port(&owned), seeded.owned_node_port, "{owned}");
        } else {
            // The fake records no field ownership (managedFields' fieldsV1 is always empty),
            // so nothing shows the port was chosen: the server allocates one.
            assert!((30000..=32767).contains(&node_port(&owned)), "{owned}");
        }
        let auto = service(cluster, ns, "auto");
        assert!((30000..=32767).contains(&node_port(&auto)), "{auto}");
    }
}

kubectl_backup_testbed::on_both_backends! {
    fn volumes_and_node_ports_into_a_mapped_namespace_while_the_original_lives(cluster) {
        let seeded = seed(cluster);
        let ns = &seeded.namespace;
        let copy = cluster.name("db-copy");
        let _cleanup = DeleteOnDrop::new(cluster).add("v1", "Namespace", &copy);
        let mapping = format!("{ns}:{copy}");
        let objects = cluster.objects();

        // The dry run says what becomes of each claim, before anything is created.
        let dry = run(
            cluster,
            &["snapshot", "restore", "bk", "--namespace-mappings", &mapping, "--dry-run"],
        );
        assert!(dry.status.success(), "{}", text(&dry.stderr));
        let preview = text(&dry.stdout);
        let waiting = format!(
            "{copy}/{STATIC_CLAIM}: WAITING: its PV {} exists and belongs to claim {ns}/{STATIC_CLAIM}",
            seeded.static_pv
        );
        let empty = format!(
            "{copy}/{DYNAMIC_CLAIM}: EMPTY: a new, EMPTY volume from StorageClass {}",
            seeded.storage_class
        );
        for line in [&waiting, &empty] {
            assert!(preview.contains(&format!("storage {line}")), "{line}\n{preview}");
        }
        assert!(
            preview.contains(&format!(
                "~ keep   persistentvolumes {}",
                seeded.static_pv
            )),
            "{preview}"
        );
        assert!(objects.get("v1", "Namespace", None, &copy).is_none(), "the dry run created it");

        let restored = run(
            cluster,
            &["snapshot", "restore", "bk", "--namespace-mappings", &mapping,
                "--restore-name", "copy"],
        );
        let stderr = text(&restored.stderr);
        assert!(restored.status.success(), "{stderr}");
        for line in [&waiting, &empty] {
            assert!(stderr.contains(&format!("storage: {line}")), "{line}\n{stderr}");
        }

        // The original keeps its volumes; no PV is cloned, none is re-pointed.
        assert_eq!(wait_until_bound(cluster, ns, STATIC_CLAIM, SETTLE), seeded.static_pv);
        assert_eq!(wait_until_bound(cluster, ns, DYNAMIC_CLAIM, SETTLE), seeded.dynamic_pv);
        let static_pv = objects
            .get("v1", "PersistentVolume", None, &seeded.static_pv)
            .unwrap();
        assert_eq!(static_pv["spec"]["claimRef"]["namespace"], ns.as_str());
        assert!(
            !objects
                .list("v1", "PersistentVolume", None)
                .iter()
                .any(|pv| pv["metadata"]["name"].as_str().is_some_and(|n| n.starts_with("velero-clone-"))),
            "no PV may be cloned without a volume snapshot"
        );
        assert_no_shared_volume_source(cluster);

        // The copy's claim of the static PV waits, as the report said: the PV is the original's.
        let waiting_claim = claim(cluster, &copy, STATIC_CLAIM).expect("claim restored");
        assert_eq!(volume_name(&waiting_claim), Some(seeded.static_pv.as_str()));
        assert_ne!(waiting_claim["status"]["phase"], "Bound", "{waiting_claim}");
        assert_reprovisioned(cluster, &copy, &seeded.dynamic_pv);
        assert_no_shared_volume_source(cluster);

        // Node ports: the allocated one is left to the server (the original holds it). The
        // chosen one is held by the original on the real cluster, so the copy gets another, with
        // a warning; the fake does not model port clashes and keeps it.
        let auto = service(cluster, &copy, "auto");
        assert_ne!(node_port(&auto), seeded.allocated_node_port, "{auto}");
        assert!(!stderr.contains(&format!("services {copy}/auto")), "{stderr}");
        let fixed = service(cluster, &copy, "fixed");
        if cluster.real_cluster().is_some() {
            assert_ne!(node_port(&fixed), seeded.chosen_node_port, "{fixed}");
            assert!(
                stderr.contains(&format!(
                    "services {copy}/fixed: node port(s) {} chosen in the backup could not be kept (another Service in this cluster holds one)",
                    seeded.chosen_node_port
                )),
                "{stderr}"
            );
        } else {
            assert_eq!(node_port(&fixed), seeded.chosen_node_port, "{fixed}");
        }
        assert_eq!(
            node_port(&service(cluster, ns, "fixed")),
            seeded.chosen_node_port,
            "the original keeps its port"
        );
    }
}

kubectl_backup_testbed::on_both_backends! {
    fn a_retain_pv_that_outlived_its_namespace_is_explained_and_binds_once_released(cluster) {
        // The usual reason for reclaim policy Retain: the PV survives the namespace's deletion,
        // Released, still reserved for the deleted claim's uid. Velero leaves the restored claim
        // Pending without a word; the report says why and how to release the PV.
        let ns = cluster.namespace("keep");
        let pv_name = cluster.name("keep-data");
        let objects = cluster.objects();
        objects
            .create(json!({"apiVersion": "v1", "kind": "PersistentVolume",
                "metadata": {"name": pv_name},
                "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce"],
                    "persistentVolumeReclaimPolicy": "Retain", "storageClassName": "",
                    "hostPath": {"path": format!("/tmp/{pv_name}")},
                    "claimRef": {"kind": "PersistentVolumeClaim", "apiVersion": "v1",
                        "namespace": ns, "name": STATIC_CLAIM}}}))
            .expect("PV");
        objects
            .create(json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                "metadata": {"name": STATIC_CLAIM, "namespace": ns},
                "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": "",
                    "resources": {"requests": {"storage": "1Gi"}}, "volumeName": pv_name}}))
            .expect("claim");
        assert_eq!(wait_until_bound(cluster, &ns, STATIC_CLAIM, SETTLE), pv_name);
        let created = run(
            cluster,
            &["snapshot", "create", "kb", "--include-namespaces", &ns, "--mode", "client"],
        );
        assert!(created.status.success(), "{}", text(&created.stderr));

        objects.delete_and_wait("v1", "Namespace", None, &ns, SETTLE);
        cluster.wait_for(&format!("PV {pv_name} Released"), SETTLE, || {
            let pv = objects.get("v1", "PersistentVolume", None, &pv_name)?;
            (pv["status"]["phase"] == "Released").then_some(())
        });

        let restored = run(cluster, &["snapshot", "restore", "kb", "--restore-name", "back"]);
        let stderr = text(&restored.stderr);
        assert!(restored.status.success(), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "storage: {ns}/{STATIC_CLAIM}: WAITING: its PV {pv_name} exists (Released) and is still reserved for the deleted claim's uid; it binds once that is removed: kubectl patch pv {pv_name} --type json"
            )),
            "{stderr}"
        );
        let pvc = claim(cluster, &ns, STATIC_CLAIM).expect("claim restored");
        assert_eq!(volume_name(&pvc), Some(pv_name.as_str()));
        assert_ne!(pvc["status"]["phase"], "Bound", "{pvc}");
        assert_no_shared_volume_source(cluster);

        // Doing what the report says binds the pair.
        objects
            .modify("v1", "PersistentVolume", None, &pv_name, |pv| {
                pv["spec"]["claimRef"]
                    .as_object_mut()
                    .expect("claimRef")
                    .remove("uid");
            })
            .expect("release the PV");
        assert_eq!(wait_until_bound(cluster, &ns, STATIC_CLAIM, SETTLE), pv_name);
    }
}
