//! Round trips whose point is what a real cluster's controllers do with restored objects: a
//! namespace restored in place after it was deleted, with a statically bound PV (reclaim policy
//! Retain) that must end Bound again, its Services (the server allocates new cluster IPs and
//! node ports), and the RBAC around its ServiceAccount, cluster-scoped parts included. Written
//! once, run on the fake server and on the real cluster.

use serde_json::{Value, json};

use super::common::kube::{node_port, wait_until_bound};
use super::{SETTLE, run, text};

const RBAC: &str = "rbac.authorization.k8s.io/v1";

/// The restored claim `data` is Bound to `pv` again, and so is the PV.
fn assert_bound_again(cluster: &kubectl_backup_testbed::TestCluster, ns: &str, pv: &str) {
    assert_eq!(wait_until_bound(cluster, ns, "data", SETTLE), pv);
    let volume = cluster.objects().get("v1", "PersistentVolume", None, pv);
    assert_eq!(
        volume.as_ref().map(|v| v["status"]["phase"].clone()),
        Some(json!("Bound")),
        "{volume:?}"
    );
}

kubectl_backup_testbed::on_both_backends! {
    fn in_place_after_the_namespace_and_its_pv_were_deleted(cluster) {
        let vault = cluster.namespace("vault");
        let pv_name = cluster.name("vault-data");
        let cluster_role = cluster.name("vault-nodes");
        let objects = cluster.objects();
        // A static PV pre-bound to its claim on both sides, as an administrator binds one;
        // storageClassName "" keeps a default StorageClass, if any, out of it.
        let seed = [
            json!({"apiVersion": "v1", "kind": "PersistentVolume",
                "metadata": {"name": pv_name},
                "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce"],
                    "persistentVolumeReclaimPolicy": "Retain", "storageClassName": "",
                    "hostPath": {"path": format!("/tmp/{pv_name}")},
                    "claimRef": {"kind": "PersistentVolumeClaim", "apiVersion": "v1",
                        "namespace": vault, "name": "data"}}}),
            json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                "metadata": {"name": "data", "namespace": vault},
                "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": "",
                    "resources": {"requests": {"storage": "1Gi"}}, "volumeName": pv_name}}),
            json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "settings", "namespace": vault}, "data": {"mode": "prod"}}),
            json!({"apiVersion": "v1", "kind": "ServiceAccount",
                "metadata": {"name": "app", "namespace": vault}}),
            json!({"apiVersion": RBAC, "kind": "Role",
                "metadata": {"name": "app-reader", "namespace": vault},
                "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}]}),
            json!({"apiVersion": RBAC, "kind": "RoleBinding",
                "metadata": {"name": "app-reader", "namespace": vault},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "app-reader"},
                "subjects": [{"kind": "ServiceAccount", "name": "app", "namespace": vault}]}),
            json!({"apiVersion": RBAC, "kind": "ClusterRole",
                "metadata": {"name": cluster_role},
                "rules": [{"apiGroups": [""], "resources": ["nodes"], "verbs": ["get", "list"]}]}),
            json!({"apiVersion": RBAC, "kind": "ClusterRoleBinding",
                "metadata": {"name": cluster_role},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": cluster_role},
                "subjects": [{"kind": "ServiceAccount", "name": "app", "namespace": vault}]}),
            json!({"apiVersion": "v1", "kind": "Service",
                "metadata": {"name": "web", "namespace": vault},
                "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}}),
            json!({"apiVersion": "v1", "kind": "Service",
                "metadata": {"name": "web-np", "namespace": vault},
                "spec": {"type": "NodePort", "selector": {"app": "web"}, "ports": [{"port": 80}]}}),
        ];
        for object in seed {
            objects.create(object).expect("seed object");
        }
        assert_bound_again(cluster, &vault, &pv_name);

        let created = run(
            cluster,
            &["snapshot", "create", "vault-bk", "--include-namespaces", &vault, "--mode", "client"],
        );
        assert!(created.status.success(), "{}", text(&created.stderr));

        // Everything goes: the namespace (and with it the claim), the PV, the cluster-wide RBAC.
        objects
            .delete(RBAC, "ClusterRoleBinding", None, &cluster_role)
            .unwrap();
        objects.delete(RBAC, "ClusterRole", None, &cluster_role).unwrap();
        objects.delete_and_wait("v1", "Namespace", None, &vault, SETTLE);
        // Deleted after the claim: the PV protection finalizer holds a PV while it is Bound.
        objects.delete_and_wait("v1", "PersistentVolume", None, &pv_name, SETTLE);
        assert!(objects.get(RBAC, "ClusterRole", None, &cluster_role).is_none());

        let restored = run(cluster, &["snapshot", "restore", "vault-bk", "--restore-name", "back"]);
        let stderr = text(&restored.stderr);
        assert!(restored.status.success(), "{stderr}");

        let labelled = |object: &Value| object["metadata"]["labels"]["velero.io/restore-name"] == "back";
        let ns = objects.get("v1", "Namespace", None, &vault).expect("namespace restored");
        assert!(labelled(&ns), "{ns}");
        let cm = objects.get("v1", "ConfigMap", Some(&vault), "settings").expect("ConfigMap restored");
        assert_eq!(cm["data"]["mode"], "prod");

        // The PV comes back under its own name (nothing clashes with it) and the pair binds.
        let pv = objects
            .get("v1", "PersistentVolume", None, &pv_name)
            .expect("PV restored under its own name");
        assert!(labelled(&pv), "{pv}");
        assert_eq!(pv["spec"]["persistentVolumeReclaimPolicy"], "Retain");
        assert_eq!(pv["spec"]["claimRef"]["namespace"], vault.as_str());
        assert_eq!(pv["spec"]["claimRef"]["name"], "data");
        let pvc = objects
            .get("v1", "PersistentVolumeClaim", Some(&vault), "data")
            .expect("PVC restored");
        assert_eq!(pvc["spec"]["volumeName"], pv_name.as_str());
        assert_bound_again(cluster, &vault, &pv_name);

        // RBAC, the cluster-scoped parts included, still pointing at the ServiceAccount.
        assert!(objects.get("v1", "ServiceAccount", Some(&vault), "app").is_some());
        let role = objects.get(RBAC, "Role", Some(&vault), "app-reader").expect("Role restored");
        assert_eq!(role["rules"][0]["resources"], json!(["configmaps"]));
        let binding = objects
            .get(RBAC, "RoleBinding", Some(&vault), "app-reader")
            .expect("RoleBinding restored");
        assert_eq!(binding["subjects"][0]["namespace"], vault.as_str());
        let cluster_role_object = objects
            .get(RBAC, "ClusterRole", None, &cluster_role)
            .expect("ClusterRole restored");
        assert_eq!(cluster_role_object["rules"][0]["resources"], json!(["nodes"]));
        let cluster_binding = objects
            .get(RBAC, "ClusterRoleBinding", None, &cluster_role)
            .expect("ClusterRoleBinding restored");
        assert!(labelled(&cluster_binding), "{cluster_binding}");
        assert_eq!(
            cluster_binding["subjects"],
            json!([{"kind": "ServiceAccount", "name": "app", "namespace": vault}])
        );

        // Services: the server allocates what the restore left out.
        let web = objects.get("v1", "Service", Some(&vault), "web").expect("Service restored");
        assert!(web["spec"]["clusterIP"].as_str().is_some_and(|ip| !ip.is_empty() && ip != "None"));
        assert!(web["spec"]["ports"][0]["nodePort"].as_u64().is_none(), "a ClusterIP Service has no node port: {web}");
        let web_np = objects.get("v1", "Service", Some(&vault), "web-np").expect("Service restored");
        assert_eq!(web_np["spec"]["type"], "NodePort");
        assert!(
            (30000..=32767).contains(&node_port(&web_np)),
            "{web_np}"
        );
    }
}
