//! `kubectl backup snapshot …` end to end: the built binary against the fake API server, with
//! the local default location or an s3s-fs bucket behind a Velero BackupStorageLocation. The
//! tests that need nothing of the fake's own (faults, request log) also run on a real cluster
//! (`on_both_backends!`).

use std::path::Path;

use kubectl_backup::snapshot::tarball::Archive;
use kubectl_backup::snapshot::types::{Backup, BackupPhase, BackupResults};
use kubectl_backup_testbed::TestCluster;
use kubectl_backup_testbed::apiserver::{Fault, FaultRule};
use serde_json::{Value, json};

use common::BIN;
use common::cli::{run, send_signal, stderr};
use common::files::{backup_dir, data, local_root, open_archive};
use common::net::serve_once;
use common::velero::install_velero;

mod common;

fn read_backup(dir: &Path) -> Backup {
    serde_json::from_slice(&std::fs::read(dir.join("velero-backup.json")).unwrap()).unwrap()
}

fn gunzip_json<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    serde_json::from_reader(flate2::read::GzDecoder::new(
        std::fs::File::open(path).unwrap(),
    ))
    .unwrap()
}

fn create(cluster: &TestCluster, value: Value) {
    cluster.objects().create(value).expect("seed object");
}

/// The names [`seed_shop`] used: the bare names on the fake, `name-<tag>` on the real cluster
/// (shared by the tests of this binary), with a CRD group of this test's own.
struct Shop {
    shop: String,
    other: String,
    pv_data: String,
    cluster_role: String,
    unrelated_binding: String,
    crd_group: String,
}

/// Two namespaces with workloads, a PVC bound to a PV, a CRD with a custom resource, an item
/// labelled out of the backup.
fn seed_shop(cluster: &TestCluster) -> Shop {
    let shop = cluster.namespace("shop");
    let other = cluster.namespace("other");
    let pv_data = cluster.name("pv-data");
    let cluster_role = cluster.name("shop-reader");
    let unrelated_binding = cluster.name("unrelated");
    let crd_group = format!("{}.com", cluster.name("example"));
    for i in 0..3 {
        create(
            cluster,
            json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": format!("cm-{i}"), "namespace": shop, "labels": {"app": "web"}},
            "data": {"i": i.to_string()}}),
        );
    }
    create(
        cluster,
        json!({"apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": "skip-me", "namespace": shop, "labels": {"velero.io/exclude-from-backup": "true"}}}),
    );
    create(
        cluster,
        json!({"apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": "elsewhere", "namespace": other}}),
    );
    create(
        cluster,
        json!({"apiVersion": "v1", "kind": "Secret",
        "metadata": {"name": "db", "namespace": shop}, "type": "Opaque", "data": {"password": "aHVudGVyMg=="}}),
    );
    create(
        cluster,
        json!({"apiVersion": "v1", "kind": "PersistentVolume",
        "metadata": {"name": pv_data}, "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce"],
        "hostPath": {"path": "/tmp/pv"}, "persistentVolumeReclaimPolicy": "Retain", "storageClassName": ""}}),
    );
    create(
        cluster,
        json!({"apiVersion": "v1", "kind": "PersistentVolume",
        "metadata": {"name": cluster.name("pv-unrelated")}, "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce"],
        "hostPath": {"path": "/tmp/pv2"}, "storageClassName": ""}}),
    );
    create(
        cluster,
        json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
        "metadata": {"name": "data", "namespace": shop},
        "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}},
            "volumeName": pv_data, "storageClassName": ""}}),
    );
    // A pod using the PVC (its only link to it: the PVC has no app label), and a binding that
    // grants the namespace's ServiceAccount a ClusterRole.
    create(
        cluster,
        json!({"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "web-0", "namespace": shop, "labels": {"app": "web"}},
            "spec": {"containers": [{"name": "web", "image": "nginx"}],
                "volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "data"}}]}}),
    );
    create(
        cluster,
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
            "metadata": {"name": cluster_role}, "rules": []}),
    );
    create(
        cluster,
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
            "metadata": {"name": cluster_role},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": cluster_role},
            "subjects": [{"kind": "ServiceAccount", "name": "default", "namespace": shop}]}),
    );
    create(
        cluster,
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
            "metadata": {"name": unrelated_binding},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": cluster_role},
            "subjects": [{"kind": "ServiceAccount", "name": "default", "namespace": other}]}),
    );
    cluster.install_crd(json!({
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": {"name": format!("widgets.{crd_group}")},
        "spec": {"group": crd_group, "scope": "Namespaced",
            "names": {"plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"},
            "versions": [{"name": "v1", "served": true, "storage": true,
                "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}]}
    }));
    create(
        cluster,
        json!({"apiVersion": format!("{crd_group}/v1"), "kind": "Widget",
        "metadata": {"name": "w1", "namespace": shop}, "spec": {"size": 3}}),
    );
    Shop {
        shop,
        other,
        pv_data,
        cluster_role,
        unrelated_binding,
        crd_group,
    }
}

kubectl_backup_testbed::on_both_backends! {
fn client_side_backup_of_one_namespace_has_velero_layout_and_related_items(cluster) {
    let names = seed_shop(cluster);
    let shop = names.shop.as_str();
    let server = cluster;
    // On the fake, two LISTs die on the way: the pages are retried and the backup still
    // completes.
    if let Some(fake) = cluster.fake_server() {
        fake.faults().add(
            FaultRule::new(Fault::DropConnection)
                .method("GET")
                .path_contains("/configmaps")
                .times(2),
        );
    }
    let out = run(
        &server,
        &[
            "snapshot",
            "create",
            "b1",
            "--include-namespaces",
            shop,
            "--mode",
            "client",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    if let Some(fake) = cluster.fake_server() {
        assert!(
            fake.faults().rules().iter().all(|r| r.times == Some(0)),
            "the dropped connections were not exercised"
        );
    }
    let dir = backup_dir(&server, "b1");
    for file in [
        "velero-backup.json",
        "b1.tar.gz",
        "b1-logs.gz",
        "b1-resource-list.json.gz",
        "b1-results.gz",
    ] {
        assert!(dir.join(file).is_file(), "{file} missing");
    }
    // Only backups/ at the top of the location: Velero's BSL validation stays happy.
    let top: Vec<_> = std::fs::read_dir(local_root(&server))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(top, ["backups"]);

    let backup = read_backup(&dir);
    assert_eq!(backup.phase(), Some(BackupPhase::Completed));
    let status = backup.status.clone().unwrap();
    assert_eq!(status.format_version.as_deref(), Some("1.1.0"));
    assert!(status.expiration.is_some());
    assert_eq!(
        backup.spec.included_namespaces,
        Some(vec![shop.to_string()])
    );

    let archive = open_archive(&dir, "b1");
    assert!(archive.verification().integrity_checked);
    let cms: Vec<_> = archive.resource("configmaps").unwrap().namespaces[shop]
        .iter()
        .map(|i| i.name.clone())
        .collect();
    assert!(cms.contains(&"cm-0".to_string()) && cms.contains(&"cm-2".to_string()));
    assert!(
        !cms.contains(&"skip-me".to_string()),
        "exclude-from-backup label ignored"
    );
    assert!(
        archive
            .get("configmaps", Some(&names.other), "elsewhere")
            .unwrap()
            .is_none()
    );
    let secret = archive.get("secrets", Some(shop), "db").unwrap().unwrap();
    assert_eq!(secret["kind"], "Secret");
    assert_eq!(secret["apiVersion"], "v1");
    // Related: PVC → PV and the CRD of the custom resource, though cluster-scoped types are
    // otherwise left out of a namespace backup.
    assert!(
        archive
            .get("persistentvolumes", None, &names.pv_data)
            .unwrap()
            .is_some()
    );
    assert!(
        archive
            .get("persistentvolumes", None, &cluster.name("pv-unrelated"))
            .unwrap()
            .is_none()
    );
    assert!(
        archive
            .get(
                "customresourcedefinitions.apiextensions.k8s.io",
                None,
                &format!("widgets.{}", names.crd_group)
            )
            .unwrap()
            .is_some()
    );
    assert!(
        archive
            .get(&format!("widgets.{}", names.crd_group), Some(shop), "w1")
            .unwrap()
            .is_some()
    );
    // ServiceAccount → the ClusterRoleBindings naming it and their ClusterRoles.
    let bindings = "clusterrolebindings.rbac.authorization.k8s.io";
    assert!(
        archive
            .get(bindings, None, &names.cluster_role)
            .unwrap()
            .is_some()
    );
    assert!(archive.get(bindings, None, &names.unrelated_binding).unwrap().is_none());
    let roles = "clusterroles.rbac.authorization.k8s.io";
    assert!(archive.get(roles, None, &names.cluster_role).unwrap().is_some());
    assert!(archive.get("namespaces", None, shop).unwrap().is_some());
    assert!(archive.get("namespaces", None, &names.other).unwrap().is_none());
    assert!(archive.resource("nodes").is_none());
    assert_eq!(
        status.progress.unwrap().items_backed_up.unwrap() as usize,
        archive.item_count()
    );

    let list: std::collections::BTreeMap<String, Vec<String>> =
        gunzip_json(&dir.join("b1-resource-list.json.gz"));
    assert!(list["v1/ConfigMap"].contains(&format!("{shop}/cm-1")));
    assert_eq!(list["v1/PersistentVolume"], std::slice::from_ref(&names.pv_data));

    // The name is taken now.
    let again = run(&server, &["snapshot", "create", "b1", "--mode", "client"]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
}
}

kubectl_backup_testbed::on_both_backends! {
    fn cluster_resources_false_leaves_out_even_related_items_and_selector_filters(cluster) {
        let names = seed_shop(cluster);
        let shop = names.shop.as_str();
        let out = run(
            cluster,
            &["snapshot", "create", "b2", "--include-namespaces", shop,
                "--include-cluster-resources", "false", "-l", "app=web", "--mode", "client"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let archive = open_archive(&backup_dir(cluster, "b2"), "b2");
        assert!(archive.resource("persistentvolumes").is_none());
        assert!(
            archive
                .resource("customresourcedefinitions.apiextensions.k8s.io")
                .is_none()
        );
        // The selected pod brings its PVC (namespaced, so allowed), not the PV.
        let pvc = archive.get("persistentvolumeclaims", Some(shop), "data");
        assert!(pvc.unwrap().is_some());
        assert!(archive.get("pods", Some(shop), "web-0").unwrap().is_some());
        assert!(
            archive.resource("secrets").is_none(),
            "the selector keeps only app=web"
        );
        assert_eq!(archive.resource("configmaps").unwrap().len(), 3);
        // The namespace holds selected items, so its object comes along.
        assert!(archive.get("namespaces", None, shop).unwrap().is_some());
    }
}

#[test]
fn cluster_resources_false_leaves_out_even_related_items_and_selector_filters() {
    let cluster = TestCluster::fake();
    let server = cluster.fake_server().unwrap();
    seed_shop(&cluster);
    let out = run(
        &server,
        &[
            "snapshot",
            "create",
            "b2",
            "--include-namespaces",
            "shop",
            "--include-cluster-resources",
            "false",
            "-l",
            "app=web",
            "--mode",
            "client",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let archive = open_archive(&backup_dir(&server, "b2"), "b2");
    assert!(archive.resource("persistentvolumes").is_none());
    assert!(
        archive
            .resource("customresourcedefinitions.apiextensions.k8s.io")
            .is_none()
    );
    // The selected pod brings its PVC (namespaced, so allowed), not the PV.
    let pvc = archive.get("persistentvolumeclaims", Some("shop"), "data");
    assert!(pvc.unwrap().is_some());
    assert!(
        archive
            .get("pods", Some("shop"), "web-0")
            .unwrap()
            .is_some()
    );
    assert!(
        archive.resource("secrets").is_none(),
        "the selector keeps only app=web"
    );
    assert_eq!(archive.resource("configmaps").unwrap().len(), 3);
    // The namespace holds selected items, so its object comes along.
    assert!(archive.get("namespaces", None, "shop").unwrap().is_some());
}

#[test]
fn auto_mode_without_velero_looks_for_it_cheaply_then_backs_up_client_side() {
    let cluster = TestCluster::fake();
    let server = cluster.fake_server().unwrap();
    seed_shop(&cluster);
    let out = run(
        &server,
        &[
            "snapshot",
            "create",
            "quick",
            "--include-namespaces",
            "shop",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        backup_dir(&server, "quick")
            .join("velero-backup.json")
            .exists()
    );
    // Choosing the mode needs the group list, not doctor's permission checks.
    let requests = server.requests();
    assert!(
        !requests
            .iter()
            .any(|r| r.path.contains("selfsubjectaccessreviews")),
        "{requests:?}"
    );
}

#[test]
fn all_namespace_backup_includes_cluster_scoped_types() {
    let cluster = TestCluster::fake();
    let server = cluster.fake_server().unwrap();
    seed_shop(&cluster);
    let out = run(
        &server,
        &[
            "snapshot",
            "create",
            "all",
            "--exclude-resources",
            "secrets",
            "--mode",
            "client",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let archive = open_archive(&backup_dir(&server, "all"), "all");
    assert!(
        archive
            .get("persistentvolumes", None, "pv-unrelated")
            .unwrap()
            .is_some()
    );
    assert!(
        archive
            .get("configmaps", Some("other"), "elsewhere")
            .unwrap()
            .is_some()
    );
    assert!(archive.resource("secrets").is_none());
    assert!(
        archive
            .get("namespaces", None, "default")
            .unwrap()
            .is_some()
    );
}

#[test]
fn a_type_that_cannot_be_listed_makes_the_backup_partially_failed() {
    let cluster = TestCluster::fake();
    let server = cluster.fake_server().unwrap();
    seed_shop(&cluster);
    server.faults().add(
        FaultRule::new(Fault::ServerError { code: 500 })
            .method("GET")
            .path_contains("/secrets"),
    );
    let out = run(
        &server,
        &[
            "snapshot",
            "create",
            "b3",
            "--include-namespaces",
            "shop",
            "--mode",
            "client",
        ],
    );
    assert!(
        !out.status.success(),
        "a PartiallyFailed backup exits non-zero"
    );
    assert!(stderr(&out).contains("secrets"), "{}", stderr(&out));
    let dir = backup_dir(&server, "b3");
    let backup = read_backup(&dir);
    assert_eq!(backup.phase(), Some(BackupPhase::PartiallyFailed));
    assert_eq!(backup.status.unwrap().errors, Some(1));
    let results: BackupResults = gunzip_json(&dir.join("b3-results.gz"));
    assert!(results.errors.lines()[0].contains("secrets"), "{results:?}");
    let archive = open_archive(&dir, "b3");
    assert!(archive.resource("configmaps").is_some());
    assert!(archive.resource("secrets").is_none());
}

kubectl_backup_testbed::on_both_backends! {
    fn bad_input_changes_nothing(cluster) {
        seed_shop(cluster);
        let missing = cluster.name("nope");
        for (args, message) in [
            (vec!["--include-namespaces", missing.as_str()], "does not exist"),
            (vec!["--include-resources", "gizmos"], "gizmos"),
            (vec!["--exclude-namespaces", "*"], "may not contain"),
            // Refused with the selector quoted (by the flag parser or the collector).
            (vec!["-l", "a in b"], "\"a in b\""),
        ] {
            let mut full = vec!["snapshot", "create", "bad", "--mode", "client"];
            full.extend(args);
            let out = run(cluster, &full);
            assert!(!out.status.success());
            assert!(stderr(&out).contains(message), "{}", stderr(&out));
            assert!(!backup_dir(cluster, "bad").exists());
        }
        let out = run(cluster, &["snapshot", "create", "Bad_Name", "--mode", "client"]);
        assert!(!out.status.success());
        assert!(stderr(&out).contains("invalid backup name"));
    }
}

#[test]
fn bad_input_changes_nothing() {
    let cluster = TestCluster::fake();
    let server = cluster.fake_server().unwrap();
    seed_shop(&cluster);
    for (args, message) in [
        (vec!["--include-namespaces", "nope"], "does not exist"),
        (vec!["--include-resources", "gizmos"], "gizmos"),
        (vec!["--exclude-namespaces", "*"], "may not contain"),
        // Refused with the selector quoted (by the flag parser or the collector).
        (vec!["-l", "a in b"], "\"a in b\""),
    ] {
        let mut full = vec!["snapshot", "create", "bad", "--mode", "client"];
        full.extend(args);
        let out = run(&server, &full);
        assert!(!out.status.success());
        assert!(stderr(&out).contains(message), "{}", stderr(&out));
        assert!(!backup_dir(&server, "bad").exists());
    }
    let out = run(
        &server,
        &["snapshot", "create", "Bad_Name", "--mode", "client"],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("invalid backup name"));
}

kubectl_backup_testbed::on_both_backends! {
fn list_describe_download_and_delete(cluster) {
    let names = seed_shop(cluster);
    let server = cluster;
    assert!(
        run(
            &server,
            &[
                "snapshot",
                "create",
                "b4",
                "--include-namespaces",
                &names.shop,
                "--mode",
                "client"
            ]
        )
        .status
        .success()
    );

    let out = run(&server, &["snapshot", "list"]);
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.starts_with("NAME"), "{table}");
    let row = table
        .lines()
        .find(|l| l.starts_with("b4 "))
        .expect("b4 listed");
    assert!(
        row.contains("Completed") && row.contains("kubectl-backup"),
        "{row}"
    );

    let out = run(&server, &["snapshot", "list", "-o", "json"]);
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list["items"][0]["metadata"]["name"], "b4");

    let out = run(&server, &["snapshot", "describe", "b4", "--details"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Phase:              Completed"), "{text}");
    // Besides ours, the ConfigMaps the control plane puts in every namespace (a real one may
    // add more than kube-root-ca.crt).
    let mut config_maps: Vec<String> = cluster
        .objects()
        .list("v1", "ConfigMap", Some(&names.shop))
        .iter()
        .map(|cm| cm["metadata"]["name"].as_str().unwrap().to_string())
        .filter(|name| name != "skip-me")
        .collect();
    config_maps.sort();
    let count = config_maps.len();
    assert!(text.contains(&format!("v1/ConfigMap ({count}):")), "{text}");
    assert!(
        text.contains(&format!("{} ({count}): {}", names.shop, config_maps.join(", "))),
        "{text}"
    );
    assert!(text.contains("Integrity:     recorded"), "{text}");
    assert!(
        !text.contains("aHVudGVyMg=="),
        "describe must never print secret data"
    );

    let target = server.temp_dir().join("b4.tar.gz");
    let out = run(
        &server,
        &[
            "snapshot",
            "download",
            "b4",
            "--file",
            target.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("SHA-256 verified"),
        "{}",
        stderr(&out)
    );
    assert!(Archive::open_path(&target, None).is_ok());

    let out = run(&server, &["snapshot", "delete", "b4"]);
    assert!(
        !out.status.success(),
        "no confirmation without a terminal or --yes"
    );
    assert!(
        backup_dir(&server, "b4")
            .join("velero-backup.json")
            .exists()
    );
    let out = run(&server, &["snapshot", "delete", "b4", "--yes"]);
    assert!(out.status.success());
    assert!(
        !backup_dir(&server, "b4")
            .join("velero-backup.json")
            .exists()
    );
    assert!(std::fs::read_dir(backup_dir(&server, "b4")).map_or(true, |mut d| d.next().is_none()));
    let out = run(&server, &["snapshot", "describe", "b4"]);
    assert!(!out.status.success());
}
}

kubectl_backup_testbed::on_both_backends! {
fn a_tampered_backup_is_refused_on_download(cluster) {
    let names = seed_shop(cluster);
    let server = cluster;
    assert!(
        run(
            &server,
            &[
                "snapshot",
                "create",
                "b5",
                "--include-namespaces",
                &names.shop,
                "--mode",
                "client"
            ]
        )
        .status
        .success()
    );
    // Swap the tarball for Velero-valid content of a different backup: the record catches it.
    let dir = backup_dir(&server, "b5");
    assert!(
        run(
            &server,
            &[
                "snapshot",
                "create",
                "b6",
                "--include-namespaces",
                &names.other,
                "--mode",
                "client"
            ]
        )
        .status
        .success()
    );
    std::fs::copy(
        backup_dir(&server, "b6").join("b6.tar.gz"),
        dir.join("b5.tar.gz"),
    )
    .unwrap();
    let target = server.temp_dir().join("b5.tar.gz");
    let out = run(
        &server,
        &[
            "snapshot",
            "download",
            "b5",
            "--file",
            target.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("refused"), "{}", stderr(&out));
    assert!(
        !target.exists(),
        "nothing is written when verification fails"
    );
}
}

#[test]
fn interrupting_create_leaves_no_backup_behind() {
    let cluster = TestCluster::fake();
    let server = cluster.fake_server().unwrap();
    seed_shop(&cluster);
    for i in 0..40 {
        server.store().create_namespace(&format!("ns-{i}"));
    }
    // Every request is slow, so the backup is still listing when Ctrl-C arrives.
    server
        .faults()
        .set_latency(std::time::Duration::from_millis(150));
    let child = server
        .command(BIN)
        .args([
            "snapshot",
            "create",
            "b7",
            "--mode",
            "client",
            "--concurrency",
            "1",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let dir = backup_dir(&server, "b7");
    // Interrupt once the backup is listing objects (the Ctrl-C handler is installed before).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let listing = || {
        server
            .requests()
            .iter()
            .filter(|r| r.method == "GET" && r.query.contains("limit="))
            .count()
            >= 3
    };
    while !listing() {
        assert!(
            std::time::Instant::now() < deadline,
            "the backup never started listing"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    send_signal(child.id(), "INT");
    let output = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{err}");
    assert!(
        err.contains("interrupted") && err.contains("nothing was left"),
        "{err}"
    );
    assert!(!dir.join("velero-backup.json").exists());
    let left: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_side_backup_into_a_velero_storage_location_on_s3() {
    let s3 = kubectl_backup_testbed::s3::S3Server::start().await.unwrap();
    // The fake starts and is seeded synchronously; this runtime's worker may block meanwhile.
    let cluster = tokio::task::block_in_place(|| {
        let cluster = TestCluster::fake();
        seed_shop(&cluster);
        cluster
    });
    let server = cluster.fake_server().unwrap();
    // Velero is installed but its location is not Available: auto mode works client-side,
    // straight into the location's bucket.
    install_velero(server, "Unavailable", Some(&s3));
    let mut command = tokio::process::Command::from(server.command(BIN));
    let out = command
        .args([
            "snapshot",
            "create",
            "s3b",
            "--include-namespaces",
            "shop",
            "--location",
            "default",
        ])
        .output()
        .await
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = s3.object_path("bucket", "team-a/backups/s3b");
    assert!(dir.join("velero-backup.json").is_file());
    let archive = open_archive(&dir, "s3b");
    assert!(
        archive
            .get("configmaps", Some("shop"), "cm-0")
            .unwrap()
            .is_some()
    );
    let top: Vec<_> = std::fs::read_dir(s3.object_path("bucket", "team-a"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        top,
        ["backups"],
        "never another top-level directory under a BSL prefix"
    );
    assert!(s3.pending_upload_parts().is_empty());

    let mut command = tokio::process::Command::from(server.command(BIN));
    let out = command
        .args(["snapshot", "list", "--location", "default"])
        .output()
        .await
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("s3b "),
        "{}",
        stderr(&out)
    );
    // Secrets never reach the terminal.
    assert!(!String::from_utf8_lossy(&out.stderr).contains(&s3.secret_key));
}

#[test]
fn with_velero_running_create_submits_a_backup_and_follows_it() {
    let cluster = TestCluster::fake();
    let server = cluster.fake_server().unwrap();
    seed_shop(&cluster);
    install_velero(server, "Available", None);
    let out = run(
        &server,
        &[
            "snapshot",
            "create",
            "vb",
            "--include-namespaces",
            "shop",
            "--ttl",
            "24h",
            "--wait=false",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("submitted"), "{}", stderr(&out));
    let backup = server
        .store()
        .get("velero.io/v1", "Backup", Some("velero"), "vb")
        .expect("Backup created");
    assert_eq!(backup["spec"]["includedNamespaces"], json!(["shop"]));
    assert_eq!(backup["spec"]["ttl"], "24h0m0s");
    assert!(!backup_dir(&server, "vb").exists(), "nothing client-side");

    // Play Velero: finish the backup while the CLI follows it.
    let follower = server
        .command(BIN)
        .args(["snapshot", "create", "vb2", "--include-namespaces", "shop"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut created = None;
    for _ in 0..100 {
        created = server
            .store()
            .get("velero.io/v1", "Backup", Some("velero"), "vb2");
        if created.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let mut done = created.expect("vb2 submitted");
    done["status"] = json!({"phase": "Completed", "progress": {"totalItems": 7, "itemsBackedUp": 7}, "errors": 0, "warnings": 0});
    server.store().apply(done).unwrap();
    let output = follower.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{err}");
    assert!(
        err.contains("Backup completed with status: Completed"),
        "{err}"
    );

    // Its files are not readable from here (no location given): download asks Velero for a
    // presigned URL through a DownloadRequest, then checks what it got.
    let tarball =
        std::fs::read(data("snapshot/velero-made/backups/nightly/nightly.tar.gz")).unwrap();
    let url = serve_once("/presigned/object?X-Amz-Signature=secret", tarball);
    let target = server.temp_dir().join("vb2.tar.gz");
    let downloader = server
        .command(BIN)
        .args([
            "snapshot",
            "download",
            "vb2",
            "--file",
            target.to_str().unwrap(),
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut answered = false;
    for _ in 0..100 {
        let requests = server
            .store()
            .list("velero.io/v1", "DownloadRequest", Some("velero"));
        if let Some(request) = requests.first() {
            assert_eq!(request["spec"]["target"]["kind"], "BackupContents");
            assert_eq!(request["spec"]["target"]["name"], "vb2");
            let mut answer = request.clone();
            answer["status"] = json!({"phase": "Processed", "downloadURL": url});
            server.store().apply(answer).unwrap();
            answered = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(answered, "no DownloadRequest was created");
    let output = downloader.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{err}");
    assert!(err.contains("8 items"), "{err}");
    assert!(
        !err.contains(&url),
        "a presigned URL is a credential: {err}"
    );
    assert!(target.is_file());

    // Deleting a Velero-owned backup goes through a DeleteBackupRequest.
    let out = run(&server, &["snapshot", "delete", "vb2", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let requests = server
        .store()
        .list("velero.io/v1", "DeleteBackupRequest", Some("velero"));
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0]["spec"]["backupName"], "vb2");
    assert_eq!(
        requests[0]["metadata"]["labels"]["velero.io/backup-name"],
        "vb2"
    );
}
