//! `kubectl backup snapshot restore` end to end: the built binary against the fake API server
//! and the local default location; backups made by `snapshot create` and by hand in Velero's
//! layout.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

use kubectl_backup_testbed::FakeApiServer;
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_kubectl-backup");

#[path = "snapshot_restore/engine.rs"]
mod engine;
#[path = "snapshot_restore/velero.rs"]
mod velero;

fn run(server: &FakeApiServer, args: &[&str]) -> Output {
    let output = server
        .command(BIN)
        .args(args)
        .output()
        .expect("run kubectl-backup");
    eprintln!(
        "$ kubectl-backup {}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn local_root(server: &FakeApiServer) -> PathBuf {
    server.home_dir().join(".local/share/kubectl-backup")
}

fn seed_shop(server: &FakeApiServer) {
    let store = server.store();
    store.create_namespace("shop");
    let objects = [
        json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "settings", "namespace": "shop", "labels": {"app": "web"}},
            "data": {"mode": "prod"}}),
        json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "db", "namespace": "shop", "labels": {"app": "db"}},
            "type": "Opaque", "data": {"password": "czNjcjN0"}}),
        json!({"apiVersion": "v1", "kind": "ServiceAccount",
            "metadata": {"name": "web", "namespace": "shop"}}),
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
            "metadata": {"name": "web", "namespace": "shop"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "view"},
            "subjects": [{"kind": "ServiceAccount", "name": "web", "namespace": "shop"}]}),
        json!({"apiVersion": "v1", "kind": "Service",
            "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"}},
            "spec": {"type": "NodePort", "selector": {"app": "web"},
                "ports": [{"port": 80, "targetPort": 8080, "nodePort": 30080, "protocol": "TCP"}]}}),
        json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"}},
            "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                "template": {"metadata": {"labels": {"app": "web"}},
                    "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}}}),
    ];
    for object in objects {
        store.create(object).expect("seed object");
    }
}

/// What the reference says a restore keeps of an object: no server-set metadata, no status.
/// `managedFields` is dropped on both sides too: the server rewrites it on create.
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
    let map = object.as_object_mut().unwrap();
    map.remove("status");
    object
}

const KINDS: &[(&str, &str, &str)] = &[
    ("v1", "ConfigMap", "settings"),
    ("v1", "Secret", "db"),
    ("v1", "ServiceAccount", "web"),
    ("rbac.authorization.k8s.io/v1", "RoleBinding", "web"),
    ("v1", "Service", "web"),
    ("apps/v1", "Deployment", "web"),
];

#[test]
fn round_trip_into_a_mapped_namespace() {
    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    seed_shop(&server);
    let created = run(
        &server,
        &[
            "snapshot",
            "create",
            "shop-bk",
            "--include-namespaces",
            "shop",
            "--mode",
            "client",
        ],
    );
    assert!(created.status.success());

    let restored = run(
        &server,
        &[
            "snapshot",
            "restore",
            "shop-bk",
            "--namespace-mappings",
            "shop:shop-copy",
            "--restore-name",
            "r1",
        ],
    );
    assert!(restored.status.success());
    let stderr = text(&restored.stderr);
    assert!(
        stderr.contains("Restore \"r1\" from backup \"shop-bk\""),
        "{stderr}"
    );
    assert!(
        !stderr.contains("czNjcjN0") && !stderr.contains("s3cr3t"),
        "secret leaked: {stderr}"
    );

    let store = server.store();
    let ns = store
        .get("v1", "Namespace", None, "shop-copy")
        .expect("target namespace created");
    assert_eq!(ns["metadata"]["labels"]["velero.io/restore-name"], "r1");
    for (api_version, kind, name) in KINDS {
        let original = store.get(api_version, kind, Some("shop"), name).unwrap();
        let copy = store
            .get(api_version, kind, Some("shop-copy"), name)
            .unwrap_or_else(|| panic!("{kind} {name} was not restored"));
        let mut expected = comparable(&original);
        expected["metadata"]["namespace"] = json!("shop-copy");
        let labels = expected["metadata"]
            .as_object_mut()
            .unwrap()
            .entry("labels")
            .or_insert_with(|| json!({}));
        labels["velero.io/backup-name"] = json!("shop-bk");
        labels["velero.io/restore-name"] = json!("r1");
        let mut actual = comparable(&copy);
        match *kind {
            "Service" => {
                // A new clusterIP and nodePort are the server's to choose (reference §5.3).
                for side in [&mut expected, &mut actual] {
                    let spec = side["spec"].as_object_mut().unwrap();
                    spec.remove("clusterIP");
                    spec.remove("clusterIPs");
                    for port in side["spec"]["ports"].as_array_mut().unwrap() {
                        port.as_object_mut().unwrap().remove("nodePort");
                    }
                }
                assert_ne!(
                    copy["spec"]["clusterIP"], original["spec"]["clusterIP"],
                    "clusterIP must not be copied"
                );
            }
            "RoleBinding" => {
                expected["subjects"][0]["namespace"] = json!("shop-copy");
            }
            _ => {}
        }
        assert_eq!(actual, expected, "{kind} {name}");
    }

    // Velero's restore artefacts next to the backups.
    let dir = local_root(&server).join("restores/r1");
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
    assert!(
        list["v1/ConfigMap"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e == "shop-copy/settings(created)"),
        "{list}"
    );
}

#[test]
fn existing_objects_are_kept_unless_update_and_dry_run_shows_the_difference() {
    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    seed_shop(&server);
    assert!(
        run(
            &server,
            &[
                "snapshot",
                "create",
                "bk",
                "--include-namespaces",
                "shop",
                "--mode",
                "client"
            ]
        )
        .status
        .success()
    );
    let store = server.store();
    store
        .modify("v1", "ConfigMap", Some("shop"), "settings", |cm| {
            cm["data"]["mode"] = json!("debug")
        })
        .unwrap();
    store
        .modify("v1", "Secret", Some("shop"), "db", |s| {
            s["data"]["password"] = json!("b3RoZXI=")
        })
        .unwrap();

    let dry = run(
        &server,
        &[
            "snapshot",
            "restore",
            "bk",
            "--dry-run",
            "--include-resources",
            "configmaps,secrets",
        ],
    );
    assert!(dry.status.success());
    let out = text(&dry.stdout);
    assert!(out.contains("~ keep   configmaps shop/settings"), "{out}");
    assert!(out.contains("data.mode: \"debug\" → \"prod\""), "{out}");
    assert!(out.contains("data.password: <hidden"), "{out}");
    assert!(
        !out.contains("czNjcjN0") && !out.contains("b3RoZXI="),
        "secret value printed: {out}"
    );
    assert_eq!(
        store
            .get("v1", "ConfigMap", Some("shop"), "settings")
            .unwrap()["data"]["mode"],
        "debug"
    );
    assert!(
        !local_root(&server).join("restores").exists(),
        "a dry run writes nothing"
    );

    // Default policy: nothing existing is changed, each difference is reported.
    let kept = run(
        &server,
        &[
            "snapshot",
            "restore",
            "bk",
            "--include-resources",
            "configmaps,secrets",
        ],
    );
    assert!(kept.status.success());
    let stderr = text(&kept.stderr);
    assert!(
        stderr.contains("configmaps shop/settings: could not restore, it already exists"),
        "{stderr}"
    );
    assert_eq!(
        store
            .get("v1", "ConfigMap", Some("shop"), "settings")
            .unwrap()["data"]["mode"],
        "debug"
    );
    assert!(
        !stderr.contains("b3RoZXI=") && !stderr.contains("czNjcjN0"),
        "{stderr}"
    );

    let updated = run(
        &server,
        &[
            "snapshot",
            "restore",
            "bk",
            "--include-resources",
            "configmaps",
            "--existing-resource-policy",
            "update",
        ],
    );
    assert!(updated.status.success());
    let cm = store
        .get("v1", "ConfigMap", Some("shop"), "settings")
        .unwrap();
    assert_eq!(cm["data"]["mode"], "prod");
    assert_eq!(cm["metadata"]["labels"]["velero.io/backup-name"], "bk");
    assert_eq!(
        store.get("v1", "Secret", Some("shop"), "db").unwrap()["data"]["password"],
        "b3RoZXI=",
        "secrets were not included"
    );
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

fn velero_backup_dir(server: &FakeApiServer, name: &str) -> PathBuf {
    let dir = local_root(server).join("backups").join(name);
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

#[test]
fn a_velero_made_backup_restores_crds_first() {
    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    let crd = json!({"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": {"name": "widgets.example.com", "uid": "1", "resourceVersion": "9"},
        "spec": {"group": "example.com", "scope": "Namespaced",
            "names": {"plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"},
            "versions": [{"name": "v1", "served": true, "storage": true,
                "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}]},
        "status": {"conditions": [{"type": "Established", "status": "True"}]}});
    let widget = json!({"apiVersion": "example.com/v1", "kind": "Widget",
        "metadata": {"name": "w1", "namespace": "legacy", "uid": "2", "resourceVersion": "10"},
        "spec": {"size": 3}});
    let cm = json!({"apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": "app-config", "namespace": "legacy", "uid": "3", "resourceVersion": "11",
            "creationTimestamp": "2025-01-01T00:00:00Z"},
        "data": {"k": "v"}});
    let ns = json!({"apiVersion": "v1", "kind": "Namespace",
        "metadata": {"name": "legacy", "uid": "4", "labels": {"team": "a"}}, "spec": {"finalizers": ["kubernetes"]},
        "status": {"phase": "Active"}});
    let dir = velero_backup_dir(&server, "vb");
    velero_tarball(
        &dir.join("vb.tar.gz"),
        &[
            ("metadata/version", b"1.1.0\n".to_vec()),
            (
                "resources/customresourcedefinitions.apiextensions.k8s.io/cluster/widgets.example.com.json",
                item(crd.clone()),
            ),
            (
                "resources/customresourcedefinitions.apiextensions.k8s.io/v1-preferredversion/cluster/widgets.example.com.json",
                item(crd),
            ),
            (
                "resources/widgets.example.com/namespaces/legacy/w1.json",
                item(widget.clone()),
            ),
            (
                "resources/widgets.example.com/v1-preferredversion/namespaces/legacy/w1.json",
                item(widget),
            ),
            (
                "resources/configmaps/namespaces/legacy/app-config.json",
                item(cm.clone()),
            ),
            (
                "resources/configmaps/v1-preferredversion/namespaces/legacy/app-config.json",
                item(cm),
            ),
            ("resources/namespaces/cluster/legacy.json", item(ns.clone())),
            (
                "resources/namespaces/v1-preferredversion/cluster/legacy.json",
                item(ns),
            ),
        ],
    );

    let restored = run(&server, &["restore", "vb", "--restore-name", "vr"]);
    assert!(restored.status.success());
    let store = server.store();
    let ns = store.get("v1", "Namespace", None, "legacy").unwrap();
    assert_eq!(ns["metadata"]["labels"]["team"], "a");
    let widget = store
        .get("example.com/v1", "Widget", Some("legacy"), "w1")
        .expect("CR restored after its CRD");
    assert_eq!(widget["spec"]["size"], 3);
    assert_eq!(widget["metadata"]["labels"]["velero.io/backup-name"], "vb");
    let cm = store
        .get("v1", "ConfigMap", Some("legacy"), "app-config")
        .unwrap();
    assert_ne!(cm["metadata"]["uid"], "3");
    assert_eq!(cm["metadata"]["labels"]["velero.io/restore-name"], "vr");
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
