//! `kubectl backup snapshot restore` end to end: the built binary against the fake API server
//! and the local default location; backups made by `snapshot create` and by hand in Velero's
//! layout. The round trips run on both backends (`on_both_backends!`: the fake server and a real
//! Kubernetes); what needs the fake's knobs (faults, request log, switched-off controllers) runs
//! on the fake only.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use kubectl_backup_testbed::{Backend, FakeApiServer, TestCluster};
use serde_json::{Value, json};

use common::BIN;
use common::cli::{run, text};
use common::files::{backup_dir, data, local_root};
use common::kube::widget_crd;

#[path = "snapshot_restore/audit.rs"]
mod audit;
mod common;
#[path = "snapshot_restore/engine.rs"]
mod engine;
#[path = "snapshot_restore/real_round_trips.rs"]
mod real_round_trips;
#[path = "snapshot_restore/real_volumes.rs"]
mod real_volumes;
#[path = "snapshot_restore/velero.rs"]
mod velero;

/// Deletes, when dropped, what a restore made rather than the test's handle (a mapped
/// namespace, a restored CRD), so a shared real cluster is left clean even when the test fails.
struct DeleteOnDrop<'a> {
    cluster: &'a TestCluster,
    objects: Vec<(&'static str, &'static str, String)>,
}

impl<'a> DeleteOnDrop<'a> {
    fn new(cluster: &'a TestCluster) -> Self {
        DeleteOnDrop {
            cluster,
            objects: Vec::new(),
        }
    }

    /// A cluster-scoped object (namespaces included).
    fn add(mut self, api_version: &'static str, kind: &'static str, name: &str) -> Self {
        self.objects.push((api_version, kind, name.to_string()));
        self
    }
}

impl Drop for DeleteOnDrop<'_> {
    fn drop(&mut self) {
        for (api_version, kind, name) in &self.objects {
            let _ = self.cluster.objects().delete(api_version, kind, None, name);
        }
    }
}

/// Generous: the real cluster's controllers take seconds, and the machine may be loaded.
const SETTLE: Duration = Duration::from_secs(120);

/// Namespace `shop` (its name on this backend is returned) with a workload, its Services (one
/// ClusterIP, one NodePort, both allocated by the server), and RBAC for its ServiceAccount.
fn seed_shop(cluster: &TestCluster) -> String {
    let shop = cluster.namespace("shop");
    let objects = [
        json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "settings", "namespace": shop, "labels": {"app": "web"}},
            "data": {"mode": "prod"}}),
        json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "db", "namespace": shop, "labels": {"app": "db"}},
            "type": "Opaque", "data": {"password": "czNjcjN0"}}),
        json!({"apiVersion": "v1", "kind": "ServiceAccount",
            "metadata": {"name": "web", "namespace": shop}}),
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
            "metadata": {"name": "reader", "namespace": shop},
            "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]}]}),
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
            "metadata": {"name": "web", "namespace": shop},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "view"},
            "subjects": [{"kind": "ServiceAccount", "name": "web", "namespace": shop}]}),
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
            "metadata": {"name": "reader", "namespace": shop},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "reader"},
            "subjects": [{"kind": "ServiceAccount", "name": "web", "namespace": shop}]}),
        // No nodePort of our own: the real cluster is shared by the tests of this binary, and
        // a fixed port would clash. The server allocates one.
        json!({"apiVersion": "v1", "kind": "Service",
            "metadata": {"name": "web", "namespace": shop, "labels": {"app": "web"}},
            "spec": {"type": "NodePort", "selector": {"app": "web"},
                "ports": [{"port": 80, "targetPort": 8080, "protocol": "TCP"}]}}),
        json!({"apiVersion": "v1", "kind": "Service",
            "metadata": {"name": "api", "namespace": shop},
            "spec": {"selector": {"app": "web"}, "ports": [{"name": "http", "port": 8080}]}}),
        json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "web", "namespace": shop, "labels": {"app": "web"}},
            "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                "template": {"metadata": {"labels": {"app": "web"}},
                    "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}}}),
    ];
    for object in objects {
        cluster.objects().create(object).expect("seed object");
    }
    shop
}

/// What the reference says a restore keeps of an object: no server-set metadata, no status.
/// `managedFields` is dropped on both sides too: the server rewrites it on create. So is the
/// Deployment controller's revision annotation: it is written whenever the controller gets to
/// the object, before or after the backup.
fn comparable(object: &Value) -> Value {
    let mut object = object.clone();
    let metadata = object["metadata"].as_object_mut().unwrap();
    for field in [
        "generateName",
        "selfLink",
        "uid",
        "resourceVersion",
        "generation",
        "creationTimestamp",
        "deletionTimestamp",
        "deletionGracePeriodSeconds",
        "ownerReferences",
        "managedFields",
    ] {
        metadata.remove(field);
    }
    if let Some(annotations) = metadata
        .get_mut("annotations")
        .and_then(Value::as_object_mut)
    {
        annotations.remove("deployment.kubernetes.io/revision");
        if annotations.is_empty() {
            metadata.remove("annotations");
        }
    }
    let map = object.as_object_mut().unwrap();
    map.remove("status");
    object
}

const KINDS: &[(&str, &str, &str)] = &[
    ("v1", "ConfigMap", "settings"),
    ("v1", "Secret", "db"),
    ("v1", "ServiceAccount", "web"),
    ("rbac.authorization.k8s.io/v1", "Role", "reader"),
    ("rbac.authorization.k8s.io/v1", "RoleBinding", "web"),
    ("rbac.authorization.k8s.io/v1", "RoleBinding", "reader"),
    ("v1", "Service", "web"),
    ("v1", "Service", "api"),
    ("apps/v1", "Deployment", "web"),
];

kubectl_backup_testbed::on_both_backends! {
    fn round_trip_into_a_mapped_namespace(cluster) {
        let shop = seed_shop(cluster);
        let copy = cluster.name("shop-copy");
        let _cleanup = DeleteOnDrop::new(cluster).add("v1", "Namespace", &copy);
        let group = format!("{}.example.com", cluster.name("shop"));
        cluster.install_crd(widget_crd(&group));
        let widget_api = format!("{group}/v1");
        cluster
            .objects()
            .create(json!({"apiVersion": widget_api, "kind": "Widget",
                "metadata": {"name": "w1", "namespace": shop}, "spec": {"size": 3}}))
            .expect("seed widget");

        let created = run(
            cluster,
            &["snapshot", "create", "shop-bk", "--include-namespaces", &shop, "--mode", "client"],
        );
        assert!(created.status.success(), "{}", text(&created.stderr));

        let mapping = format!("{shop}:{copy}");
        let restored = run(
            cluster,
            &["snapshot", "restore", "shop-bk", "--namespace-mappings", &mapping,
                "--restore-name", "r1"],
        );
        let stderr = text(&restored.stderr);
        assert!(restored.status.success(), "{stderr}");
        assert!(
            stderr.contains("Restore \"r1\" from backup \"shop-bk\""),
            "{stderr}"
        );
        assert!(
            !stderr.contains("czNjcjN0") && !stderr.contains("s3cr3t"),
            "secret leaked: {stderr}"
        );

        let objects = cluster.objects();
        let ns = objects
            .get("v1", "Namespace", None, &copy)
            .expect("target namespace created");
        assert_eq!(ns["metadata"]["labels"]["velero.io/restore-name"], "r1");
        for (api_version, kind, name) in KINDS {
            let original = objects.get(api_version, kind, Some(&shop), name).unwrap();
            let restored = objects
                .get(api_version, kind, Some(&copy), name)
                .unwrap_or_else(|| panic!("{kind} {name} was not restored"));
            let mut expected = comparable(&original);
            expected["metadata"]["namespace"] = json!(copy);
            let labels = expected["metadata"]
                .as_object_mut()
                .unwrap()
                .entry("labels")
                .or_insert_with(|| json!({}));
            labels["velero.io/backup-name"] = json!("shop-bk");
            labels["velero.io/restore-name"] = json!("r1");
            let mut actual = comparable(&restored);
            match *kind {
                "Service" => {
                    // New cluster IPs and node ports are the server's to choose (reference §5.3).
                    assert_ne!(
                        restored["spec"]["clusterIP"], original["spec"]["clusterIP"],
                        "clusterIP must not be copied"
                    );
                    assert!(restored["spec"]["clusterIP"].as_str().is_some_and(|ip| !ip.is_empty()));
                    if restored["spec"]["type"] == "NodePort" {
                        let port = restored["spec"]["ports"][0]["nodePort"].as_u64();
                        assert!(
                            port.is_some_and(|p| (30000..=32767).contains(&p)),
                            "no node port allocated: {restored}"
                        );
                    }
                    for side in [&mut expected, &mut actual] {
                        let spec = side["spec"].as_object_mut().unwrap();
                        spec.remove("clusterIP");
                        spec.remove("clusterIPs");
                        for port in side["spec"]["ports"].as_array_mut().unwrap() {
                            port.as_object_mut().unwrap().remove("nodePort");
                        }
                    }
                }
                "RoleBinding" => {
                    expected["subjects"][0]["namespace"] = json!(copy);
                }
                _ => {}
            }
            assert_eq!(actual, expected, "{kind} {name}");
        }
        let widget = objects
            .get(&widget_api, "Widget", Some(&copy), "w1")
            .expect("custom resource restored");
        assert_eq!(widget["spec"], json!({"size": 3}));
        assert_eq!(widget["metadata"]["labels"]["velero.io/restore-name"], "r1");

        // Velero's restore artefacts next to the backups.
        let dir = local_root(cluster).join("restores/r1");
        for file in [
            "restore-r1-results.gz",
            "restore-r1-resource-list.json.gz",
            "restore-r1-logs.gz",
        ] {
            assert!(dir.join(file).exists(), "{file} missing");
        }
        let list: Value = serde_json::from_reader(flate2::read::GzDecoder::new(
            std::fs::File::open(dir.join("restore-r1-resource-list.json.gz")).unwrap(),
        ))
        .unwrap();
        let entry = format!("{copy}/settings(created)");
        assert!(
            list["v1/ConfigMap"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e == entry.as_str()),
            "{list}"
        );
    }
}

kubectl_backup_testbed::on_both_backends! {
    fn existing_objects_are_kept_unless_update_and_dry_run_shows_the_difference(cluster) {
        let shop = seed_shop(cluster);
        let created = run(
            cluster,
            &["snapshot", "create", "bk", "--include-namespaces", &shop, "--mode", "client"],
        );
        assert!(created.status.success(), "{}", text(&created.stderr));
        let objects = cluster.objects();
        objects
            .modify("v1", "ConfigMap", Some(&shop), "settings", |cm| {
                cm["data"]["mode"] = json!("debug")
            })
            .unwrap();
        objects
            .modify("v1", "Secret", Some(&shop), "db", |s| {
                s["data"]["password"] = json!("b3RoZXI=")
            })
            .unwrap();
        let mode = || {
            objects.get("v1", "ConfigMap", Some(&shop), "settings").unwrap()["data"]["mode"].clone()
        };

        let dry = run(
            cluster,
            &["snapshot", "restore", "bk", "--dry-run", "--include-resources", "configmaps,secrets"],
        );
        assert!(dry.status.success(), "{}", text(&dry.stderr));
        let out = text(&dry.stdout);
        assert!(out.contains(&format!("~ keep   configmaps {shop}/settings")), "{out}");
        assert!(out.contains("data.mode: \"debug\" → \"prod\""), "{out}");
        assert!(out.contains("data.password: <hidden"), "{out}");
        assert!(
            !out.contains("czNjcjN0") && !out.contains("b3RoZXI="),
            "secret value printed: {out}"
        );
        assert_eq!(mode(), "debug");
        assert!(
            !local_root(cluster).join("restores").exists(),
            "a dry run writes nothing"
        );

        // Default policy: nothing existing is changed, each difference is reported.
        let kept = run(
            cluster,
            &["snapshot", "restore", "bk", "--include-resources", "configmaps,secrets"],
        );
        let stderr = text(&kept.stderr);
        assert!(kept.status.success(), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "configmaps {shop}/settings: could not restore, it already exists"
            )),
            "{stderr}"
        );
        assert_eq!(mode(), "debug");
        assert!(
            !stderr.contains("b3RoZXI=") && !stderr.contains("czNjcjN0"),
            "{stderr}"
        );

        let updated = run(
            cluster,
            &["snapshot", "restore", "bk", "--include-resources", "configmaps",
                "--existing-resource-policy", "update"],
        );
        assert!(updated.status.success(), "{}", text(&updated.stderr));
        let cm = objects.get("v1", "ConfigMap", Some(&shop), "settings").unwrap();
        assert_eq!(cm["data"]["mode"], "prod");
        assert_eq!(cm["metadata"]["labels"]["velero.io/backup-name"], "bk");
        assert_eq!(
            objects.get("v1", "Secret", Some(&shop), "db").unwrap()["data"]["password"],
            "b3RoZXI=",
            "secrets were not included"
        );
    }
}

/// Writes a tarball the way Velero does: regular files only, `metadata/version` first, items
/// twice (un-versioned and `-preferredversion`).
fn velero_tarball(path: &Path, entries: &[(&str, Vec<u8>)]) {
    let file = std::fs::File::create(path).unwrap();
    let gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    for (name, body) in entries {
        let mut header = tar::Header::new_gnu();
        header.set_size(body.len() as u64);
        header.set_mode(0o755);
        header.set_entry_type(tar::EntryType::Regular);
        if name.contains("..") {
            // Raw name bytes: the tar crate itself refuses to write `..`, and a hostile archive
            // is what this test needs.
            let raw = &mut header.as_old_mut().name;
            raw.fill(0);
            raw[..name.len()].copy_from_slice(name.as_bytes());
            header.set_cksum();
            tar.append(&header, &body[..]).unwrap();
        } else {
            tar.append_data(&mut header, name, &body[..]).unwrap();
        }
    }
    tar.into_inner().unwrap().finish().unwrap().flush().unwrap();
}

fn velero_backup_dir(server: &impl Backend, name: &str) -> PathBuf {
    let dir = backup_dir(server, name);
    std::fs::create_dir_all(&dir).unwrap();
    let backup = json!({"apiVersion": "velero.io/v1", "kind": "Backup",
        "metadata": {"name": name, "namespace": "velero"},
        "spec": {"ttl": "720h0m0s", "storageLocation": "default"},
        "status": {"phase": "Completed", "formatVersion": "1.1.0", "version": 1}});
    std::fs::write(
        dir.join("velero-backup.json"),
        serde_json::to_vec_pretty(&backup).unwrap(),
    )
    .unwrap();
    dir
}

fn item(value: Value) -> Vec<u8> {
    serde_json::to_vec(&value).unwrap()
}

kubectl_backup_testbed::on_both_backends! {
    fn a_velero_made_backup_restores_crds_first(cluster) {
        // Names of this test's own: the real cluster is shared, and the CRD is cluster-scoped.
        let legacy = cluster.name("legacy");
        let group = format!("{}.example.com", cluster.name("legacy"));
        let crd_name = format!("widgets.{group}");
        let _cleanup = DeleteOnDrop::new(cluster)
            .add("v1", "Namespace", &legacy)
            .add("apiextensions.k8s.io/v1", "CustomResourceDefinition", &crd_name);
        let mut crd = widget_crd(&group);
        crd["metadata"]["uid"] = json!("1");
        crd["metadata"]["resourceVersion"] = json!("9");
        crd["status"] = json!({"conditions": [{"type": "Established", "status": "True"}]});
        let widget = json!({"apiVersion": format!("{group}/v1"), "kind": "Widget",
            "metadata": {"name": "w1", "namespace": legacy, "uid": "2", "resourceVersion": "10"},
            "spec": {"size": 3}});
        let cm = json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "app-config", "namespace": legacy, "uid": "3", "resourceVersion": "11",
                "creationTimestamp": "2025-01-01T00:00:00Z"},
            "data": {"k": "v"}});
        let ns = json!({"apiVersion": "v1", "kind": "Namespace",
            "metadata": {"name": legacy, "uid": "4", "labels": {"team": "a"}}, "spec": {"finalizers": ["kubernetes"]},
            "status": {"phase": "Active"}});
        let dir = velero_backup_dir(cluster, "vb");
        let widgets = format!("widgets.{group}");
        velero_tarball(
            &dir.join("vb.tar.gz"),
            &[
                ("metadata/version", b"1.1.0\n".to_vec()),
                (
                    &format!("resources/customresourcedefinitions.apiextensions.k8s.io/cluster/{crd_name}.json"),
                    item(crd.clone()),
                ),
                (
                    &format!("resources/customresourcedefinitions.apiextensions.k8s.io/v1-preferredversion/cluster/{crd_name}.json"),
                    item(crd),
                ),
                (
                    &format!("resources/{widgets}/namespaces/{legacy}/w1.json"),
                    item(widget.clone()),
                ),
                (
                    &format!("resources/{widgets}/v1-preferredversion/namespaces/{legacy}/w1.json"),
                    item(widget),
                ),
                (
                    &format!("resources/configmaps/namespaces/{legacy}/app-config.json"),
                    item(cm.clone()),
                ),
                (
                    &format!("resources/configmaps/v1-preferredversion/namespaces/{legacy}/app-config.json"),
                    item(cm),
                ),
                (&format!("resources/namespaces/cluster/{legacy}.json"), item(ns.clone())),
                (
                    &format!("resources/namespaces/v1-preferredversion/cluster/{legacy}.json"),
                    item(ns),
                ),
            ],
        );

        let restored = run(cluster, &["restore", "vb", "--restore-name", "vr"]);
        assert!(restored.status.success(), "{}", text(&restored.stderr));
        let objects = cluster.objects();
        let ns = objects.get("v1", "Namespace", None, &legacy).unwrap();
        assert_eq!(ns["metadata"]["labels"]["team"], "a");
        let widget = objects
            .get(&format!("{group}/v1"), "Widget", Some(&legacy), "w1")
            .expect("CR restored after its CRD");
        assert_eq!(widget["spec"]["size"], 3);
        assert_eq!(widget["metadata"]["labels"]["velero.io/backup-name"], "vb");
        let cm = objects
            .get("v1", "ConfigMap", Some(&legacy), "app-config")
            .unwrap();
        assert_ne!(cm["metadata"]["uid"], "3");
        assert_eq!(cm["metadata"]["labels"]["velero.io/restore-name"], "vr");
    }
}

kubectl_backup_testbed::on_both_backends! {
    fn the_checked_in_velero_made_backup_restores_into_a_mapped_namespace(cluster) {
        // tests/data/snapshot/velero-made: Velero's object-storage layout and a PAX tarball, as
        // Velero writes them. Its CRD, PV and PVC are stubs a real server refuses, so the
        // restore keeps to the types that are whole.
        let fixture = data("snapshot/velero-made/backups/nightly");
        let dir = local_root(cluster).join("backups/nightly");
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&fixture).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
        }
        let target = cluster.name("shop-from-velero");
        let _cleanup = DeleteOnDrop::new(cluster).add("v1", "Namespace", &target);
        let mapping = format!("shop:{target}");
        let restored = run(
            cluster,
            &["snapshot", "restore", "nightly", "--namespace-mappings", &mapping,
                "--include-resources", "configmaps,secrets,deployments.apps",
                "--restore-name", "fx"],
        );
        assert!(restored.status.success(), "{}", text(&restored.stderr));

        let objects = cluster.objects();
        let from_backup = |object: &Value| {
            object["metadata"]["labels"]["velero.io/backup-name"] == "nightly"
                && object["metadata"]["labels"]["velero.io/restore-name"] == "fx"
        };
        let cm = objects
            .get("v1", "ConfigMap", Some(&target), "settings")
            .expect("ConfigMap restored");
        assert_eq!(cm["data"], json!({"mode": "prod"}));
        assert!(from_backup(&cm), "{cm}");
        assert_ne!(cm["metadata"]["uid"], "uid-settings");
        let secret = objects
            .get("v1", "Secret", Some(&target), "db")
            .expect("Secret restored");
        assert_eq!(secret["data"], json!({"password": "c2VjcmV0"}));
        let deployment = objects
            .get("apps/v1", "Deployment", Some(&target), "web")
            .expect("Deployment restored");
        assert!(from_backup(&deployment), "{deployment}");
        assert_eq!(deployment["spec"]["replicas"], 2);
        assert_eq!(
            deployment["spec"]["template"]["spec"]["containers"][0]["image"],
            "nginx"
        );
        assert!(
            objects
                .get("v1", "PersistentVolumeClaim", Some(&target), "data")
                .is_none(),
            "--include-resources keeps to the types named"
        );
    }
}

fn assert_refused(server: &FakeApiServer, name: &str, needle: &str) {
    let output = run(
        server,
        &[
            "snapshot",
            "restore",
            name,
            "--namespace-mappings",
            "legacy:fresh",
        ],
    );
    assert!(!output.status.success(), "{name} was accepted");
    let stderr = text(&output.stderr);
    assert!(stderr.contains(needle), "{name}: {stderr}");
    assert!(
        server
            .store()
            .get("v1", "Namespace", None, "fresh")
            .is_none(),
        "{name}: something was created"
    );
    assert!(
        server
            .store()
            .list("v1", "ConfigMap", Some("fresh"))
            .is_empty()
    );
}

#[test]
fn bad_archives_are_refused_before_anything_is_created() {
    let server = FakeApiServer::start_blocking();
    let cm = item(json!({"apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": "a", "namespace": "legacy"}, "data": {"k": "v"}}));

    let dir = velero_backup_dir(&server, "escape");
    velero_tarball(
        &dir.join("escape.tar.gz"),
        &[
            ("metadata/version", b"1.1.0\n".to_vec()),
            ("resources/configmaps/namespaces/legacy/a.json", cm.clone()),
            (
                "resources/configmaps/namespaces/../../../../etc/evil.json",
                cm.clone(),
            ),
        ],
    );
    assert_refused(&server, "escape", "..");

    let dir = velero_backup_dir(&server, "short");
    let mut entries = vec![("metadata/version", b"1.1.0\n".to_vec())];
    let names: Vec<String> = (0..50)
        .map(|i| format!("resources/configmaps/namespaces/legacy/c{i}.json"))
        .collect();
    for (i, n) in names.iter().enumerate() {
        entries.push((n.as_str(), item(json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": format!("c{i}"), "namespace": "legacy"}, "data": {"k": "v".repeat(2000)}}))));
    }
    velero_tarball(&dir.join("short.tar.gz"), &entries);
    let full = std::fs::read(dir.join("short.tar.gz")).unwrap();
    std::fs::write(dir.join("short.tar.gz"), &full[..full.len() * 2 / 3]).unwrap();
    assert_refused(&server, "short", "truncated");

    // Tampered: one of our backups, one item changed after the integrity record was written.
    server.store().create_namespace("legacy");
    server
        .store()
        .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": "a", "namespace": "legacy"}, "data": {"k": "original"}}))
        .unwrap();
    assert!(
        run(
            &server,
            &[
                "snapshot",
                "create",
                "signed",
                "--include-namespaces",
                "legacy",
                "--mode",
                "client"
            ]
        )
        .status
        .success()
    );
    let tarball = local_root(&server).join("backups/signed/signed.tar.gz");
    let mut raw = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(std::fs::File::open(&tarball).unwrap()),
        &mut raw,
    )
    .unwrap();
    let at = raw
        .windows(8)
        .position(|w| w == b"original")
        .expect("item in the tarball");
    raw[at..at + 8].copy_from_slice(b"tampered");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&tarball).unwrap(),
        flate2::Compression::default(),
    );
    gz.write_all(&raw).unwrap();
    gz.finish().unwrap();
    assert_refused(
        &server,
        "signed",
        "was modified after the backup was written",
    );
}
