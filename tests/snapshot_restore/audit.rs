//! Issue 11's remainder: ActionSet records never put a Velero location out of service, and the
//! rows of the restore audit (`AUDIT.md`) where we act differently from a plain copy of the
//! backup: each test here is named in the table.

use std::collections::BTreeSet;
use std::path::Path;

use super::common::cli::ok;
use super::*;

/// The top-level directories Velero's `IsValid` accepts under a BSL prefix
/// (`pkg/persistence/object_store_layout.go`).
const VELERO_TOP_LEVEL: &[&str] = &[
    "backups", "restores", "restic", "metadata", "plugins", "kopia",
];

fn top_level_dirs(root: &Path) -> BTreeSet<String> {
    std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

/// One KubeOps phase per action (no pod, so it runs on the control-plane-only real cluster as on
/// the fake), output artifact included so `--from` has something to inherit.
const BLUEPRINT: &str = r#"
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata:
  name: noop
actions:
  backup:
    outputArtifacts:
      done:
        keyValue:
          at: "{{ .Phases.work.Output.name }}"
    phases:
    - func: KubeOps
      name: work
      args:
        operation: create
        namespace: "{{ .Namespace.Name }}"
        spec: |
          apiVersion: v1
          kind: ConfigMap
          metadata:
            generateName: backup-
          data:
            step: backup
  restore:
    inputArtifactNames: [done]
    phases:
    - func: KubeOps
      name: work
      args:
        operation: create
        namespace: "{{ .Namespace.Name }}"
        spec: |
          apiVersion: v1
          kind: ConfigMap
          metadata:
            generateName: restore-
          data:
            from: "{{ .ArtifactsIn.done.KeyValue.at }}"
"#;

kubectl_backup_testbed::on_both_backends! {
    fn actionset_records_keep_a_velero_location_valid_and_old_records_stay_readable(cluster) {
        let namespace = cluster.namespace("kanister");
        let bsl = tempfile::tempdir().unwrap();
        let root = bsl.path().to_str().unwrap();
        let cmd = |args: &[&str]| {
            let mut all = args.to_vec();
            all.extend(["-n", namespace.as_str(), "--no-progress"]);
            run(cluster, &all)
        };
        let file = cluster.temp_dir().join("noop.yaml");
        std::fs::write(&file, BLUEPRINT).unwrap();
        ok(&cmd(&["blueprint", "apply", "-f", file.to_str().unwrap()]));
        ok(&cmd(&[
            "profile", "create", "local", "--path", root, "--name", "shared",
        ]));
        // The profile's directory is a Velero location with a backup in it.
        std::fs::create_dir_all(bsl.path().join("backups/nightly")).unwrap();
        std::fs::write(bsl.path().join("backups/nightly/velero-backup.json"), "{}").unwrap();

        // A completed backup recorded by an older version, in the old place.
        ok(&cmd(&[
            "actionset",
            "create",
            "--action",
            "backup",
            "--blueprint",
            "noop",
            "--namespace-target",
            &namespace,
            "--profile",
            "shared",
            "--mode",
            "client",
            "--name",
            "old-backup",
        ]));
        let records = format!("actionsets/{namespace}");
        let new_key = bsl
            .path()
            .join(format!("plugins/kubectl-backup/{records}/old-backup.json"));
        assert!(new_key.exists(), "{:?}", top_level_dirs(bsl.path()));
        let old_key = bsl
            .path()
            .join(format!("kubectl-backup/{records}/old-backup.json"));
        std::fs::create_dir_all(old_key.parent().unwrap()).unwrap();
        std::fs::rename(&new_key, &old_key).unwrap();
        std::fs::remove_dir_all(bsl.path().join("plugins")).unwrap();

        // Still found where it is: list, describe, and --from.
        assert!(ok(&cmd(&["actionset", "list"])).contains("old-backup"));
        assert!(ok(&cmd(&["actionset", "describe", "old-backup"])).contains("complete"));
        let out = cmd(&[
            "actionset",
            "create",
            "--action",
            "restore",
            "--from",
            "old-backup",
            "--mode",
            "client",
            "--name",
            "restore-1",
        ]);
        ok(&out);
        assert!(
            text(&out.stderr).contains("moved 1 actionset record"),
            "{}",
            text(&out.stderr)
        );
        // The restore phase really ran with the backup's artifact.
        let restored = cluster
            .objects()
            .list("v1", "ConfigMap", Some(&namespace))
            .into_iter()
            .find(|c| c["metadata"]["name"].as_str().is_some_and(|n| n.starts_with("restore-")))
            .expect("the restore phase created its ConfigMap");
        assert!(
            restored["data"]["from"].as_str().is_some_and(|f| f.starts_with("backup-")),
            "{restored:#}"
        );

        // After the run: only directories Velero accepts, and every record is still found.
        let dirs = top_level_dirs(bsl.path());
        assert!(
            dirs.iter().all(|d| VELERO_TOP_LEVEL.contains(&d.as_str())),
            "{dirs:?}"
        );
        assert!(new_key.exists() && !old_key.exists());
        assert!(
            bsl.path()
                .join(format!("plugins/kubectl-backup/{records}/restore-1.json"))
                .exists()
        );
        let listed = ok(&cmd(&["actionset", "list"]));
        assert!(
            listed.contains("old-backup") && listed.contains("restore-1"),
            "{listed}"
        );
        let listed: Value =
            serde_json::from_str(&ok(&cmd(&["actionset", "list", "-o", "json"]))).unwrap();
        let restore = listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["metadata"]["name"] == "restore-1")
            .unwrap()
            .clone();
        assert_eq!(restore["status"]["state"], "complete", "{restore:#}");
        ok(&cmd(&["actionset", "delete", "old-backup"]));
        assert!(!new_key.exists());
    }
}

const TOKEN_MOUNT: &str = "/var/run/secrets/kubernetes.io/serviceaccount";

/// The names of a pod's projected service-account token volumes.
fn token_volumes(pod: &Value) -> Vec<String> {
    pod["spec"]["volumes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|v| {
            v["projected"]["sources"]
                .as_array()
                .is_some_and(|s| s.iter().any(|s| s.get("serviceAccountToken").is_some()))
        })
        .map(|v| v["name"].as_str().unwrap_or("").to_string())
        .collect()
}

kubectl_backup_testbed::on_both_backends! {
    fn a_restored_pod_gets_a_fresh_service_account_token_volume(cluster) {
        let app = cluster.namespace("app");
        let copy = cluster.name("app-copy");
        let _cleanup = DeleteOnDrop::new(cluster).add("v1", "Namespace", &copy);
        cluster
            .objects()
            .create(json!({"apiVersion": "v1", "kind": "Pod",
                "metadata": {"name": "web", "namespace": app},
                "spec": {"containers": [{"name": "web", "image": "busybox",
                    "command": ["sleep", "3600"]}]}}))
            .expect("seed pod");
        let original = cluster.objects().get("v1", "Pod", Some(&app), "web").unwrap();
        let original_token = token_volumes(&original);
        assert_eq!(original_token.len(), 1, "admission adds one: {original:#}");

        let created = run(
            cluster,
            &["snapshot", "create", "pods-bk", "--include-namespaces", &app, "--mode", "client"],
        );
        assert!(created.status.success(), "{}", text(&created.stderr));
        let mapping = format!("{app}:{copy}");
        let restored = run(
            cluster,
            &["snapshot", "restore", "pods-bk", "--namespace-mappings", &mapping],
        );
        assert!(restored.status.success(), "{}", text(&restored.stderr));

        let pod = cluster
            .objects()
            .get("v1", "Pod", Some(&copy), "web")
            .expect("pod restored");
        // The backup's volume is gone; admission gave the copy its own, mounted once.
        let token = token_volumes(&pod);
        assert_eq!(token.len(), 1, "{pod:#}");
        assert_ne!(token, original_token, "the backup's token volume was kept: {pod:#}");
        let mounts: Vec<&Value> = pod["spec"]["containers"][0]["volumeMounts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["mountPath"] == TOKEN_MOUNT)
            .collect();
        assert_eq!(mounts.len(), 1, "{pod:#}");
        assert_eq!(mounts[0]["name"], json!(token[0]));
    }
}

kubectl_backup_testbed::on_both_backends! {
    // The fake serves no EndpointSlices: that half runs on the real cluster only.
    fn published_ca_config_maps_and_controller_endpoint_slices_are_left_to_the_target_cluster(cluster) {
        let app = cluster.namespace("app");
        let copy = cluster.name("app-copy");
        let _cleanup = DeleteOnDrop::new(cluster).add("v1", "Namespace", &copy);
        let objects = cluster.objects();
        let slices = cluster.is_real();
        let slice = |name: &str, manager: &str| {
            json!({"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
                "metadata": {"name": name, "namespace": app, "labels": {
                    "kubernetes.io/service-name": "gone",
                    "endpointslice.kubernetes.io/managed-by": manager}},
                "addressType": "IPv4", "endpoints": [{"addresses": ["10.1.2.3"]}],
                "ports": [{"name": "http", "port": 8080, "protocol": "TCP"}]})
        };
        if slices {
            objects.create(slice("web-ctrl", "endpointslice-controller.k8s.io")).unwrap();
            objects.create(slice("web-manual", "team-networking")).unwrap();
        }
        objects
            .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "settings", "namespace": app}, "data": {"k": "v"}}))
            .unwrap();
        cluster
            .wait_for("kube-root-ca.crt", SETTLE, || {
                objects.get("v1", "ConfigMap", Some(&app), "kube-root-ca.crt")
            });
        let out = run(
            cluster,
            &["snapshot", "create", "ca-bk", "--include-namespaces", &app, "--mode", "client"],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));

        let mapping = format!("{app}:{copy}");
        let preview = run(
            cluster,
            &["snapshot", "restore", "ca-bk", "--namespace-mappings", &mapping, "--dry-run"],
        );
        let shown = format!("{}{}", text(&preview.stdout), text(&preview.stderr));
        assert!(preview.status.success(), "{shown}");
        assert!(shown.contains("kube-root-ca.crt: published"), "{shown}");
        if slices {
            assert!(
                shown.contains("web-ctrl: EndpointSlice written by a controller"),
                "{shown}"
            );
        }

        // In place, with update: the live CA ConfigMap is not touched.
        let before = objects
            .get("v1", "ConfigMap", Some(&app), "kube-root-ca.crt")
            .unwrap();
        let out = run(
            cluster,
            &["snapshot", "restore", "ca-bk", "--existing-resource-policy", "update"],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let after = objects
            .get("v1", "ConfigMap", Some(&app), "kube-root-ca.crt")
            .unwrap();
        assert_eq!(
            after["metadata"]["resourceVersion"], before["metadata"]["resourceVersion"],
            "{after:#}"
        );

        let out = run(
            cluster,
            &["snapshot", "restore", "ca-bk", "--namespace-mappings", &mapping],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            objects.get("v1", "ConfigMap", Some(&copy), "settings").is_some(),
            "the rest is restored"
        );
        let ca = cluster.wait_for("kube-root-ca.crt in the copy", SETTLE, || {
            objects.get("v1", "ConfigMap", Some(&copy), "kube-root-ca.crt")
        });
        assert!(
            ca["metadata"]["labels"].get("velero.io/restore-name").is_none(),
            "{ca:#}"
        );
        if slices {
            let get = |name: &str| {
                objects.get("discovery.k8s.io/v1", "EndpointSlice", Some(&copy), name)
            };
            assert!(get("web-manual").is_some());
            assert!(get("web-ctrl").is_none());
        }
    }
}

#[test]
fn velero_mapping_config_maps_are_reported_as_not_applied() {
    let srv = FakeApiServer::start_blocking();
    let store = srv.store();
    store.create_namespace("velero");
    store.create_namespace("app");
    store
        .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "change-storage-class-config", "namespace": "velero",
                "labels": {"velero.io/plugin-config": "", "velero.io/change-storage-class": "RestoreItemAction"}},
            "data": {"fast": "standard"}}))
        .unwrap();
    store
        .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "settings", "namespace": "app"}, "data": {"k": "v"}}))
        .unwrap();
    let out = run(
        &srv,
        &[
            "snapshot",
            "create",
            "bk",
            "--include-namespaces",
            "app",
            "--mode",
            "client",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    for extra in [&["--dry-run"][..], &[]] {
        let mut args = vec![
            "snapshot",
            "restore",
            "bk",
            "--namespace-mappings",
            "app:copy",
        ];
        args.extend(extra);
        let out = run(&srv, &args);
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("ConfigMap velero/change-storage-class-config configures Velero's change-storage-class restore item action"),
            "{stderr}"
        );
    }
}

/// What a validating admission webhook's denial looks like to the client: a 400 on the create
/// (the fake serves no webhooks; a fault stands in for one). Velero records an error for the
/// item and goes on; so do we.
#[test]
fn a_create_rejected_by_admission_fails_that_item_and_the_rest_is_restored() {
    use kubectl_backup_testbed::apiserver::{Fault, FaultRule};
    let srv = FakeApiServer::start_blocking();
    let store = srv.store();
    store.create_namespace("app");
    for name in ["one", "two"] {
        store
            .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": name, "namespace": "app"}, "data": {"k": name}}))
            .unwrap();
    }
    let out = run(
        &srv,
        &[
            "snapshot",
            "create",
            "bk",
            "--include-namespaces",
            "app",
            "--mode",
            "client",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    srv.faults().add(
        FaultRule::new(Fault::ServerError { code: 400 })
            .times(1)
            .method("POST")
            .path_contains("/namespaces/copy/configmaps"),
    );
    let out = run(
        &srv,
        &[
            "snapshot",
            "restore",
            "bk",
            "--namespace-mappings",
            "app:copy",
        ],
    );
    let stderr = text(&out.stderr);
    assert!(
        !out.status.success(),
        "a failed item fails the restore: {stderr}"
    );
    // The item, the server's answer, and the count.
    assert!(
        stderr.contains("configmaps copy/") && stderr.contains("injected fault"),
        "{stderr}"
    );
    assert!(stderr.contains(", 1 failed"), "{stderr}");
    let restored: Vec<&str> = ["one", "two"]
        .into_iter()
        .filter(|n| store.get("v1", "ConfigMap", Some("copy"), n).is_some())
        .collect();
    assert_eq!(restored.len(), 1, "{restored:?}: {stderr}");
    // The namespace and its other content are there.
    assert!(store.get("v1", "Namespace", None, "copy").is_some());
}
