//! Restore through an installed Velero server. The test plays Velero: it waits for the
//! `Restore` the CLI creates and writes its status the way Velero's restore controller does.

use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use kubectl_backup_testbed::FakeApiServer;
use serde_json::{Value, json};

use super::common::cli::send_signal;
use super::common::net::serve_once;
use super::common::velero;
use super::{BIN, run, text};

/// Velero's CRDs, a running server Deployment, an Available default location and a Completed
/// Backup `nightly` in it.
fn velero_with_nightly(server: &FakeApiServer) {
    velero::install_velero(server, "Available", None);
    server
        .store()
        .apply(json!({"apiVersion": "velero.io/v1", "kind": "Backup",
            "metadata": {"name": "nightly", "namespace": "velero",
                "labels": {"velero.io/storage-location": "default"}},
            "spec": {"storageLocation": "default", "ttl": "720h0m0s"},
            "status": {"phase": "Completed", "formatVersion": "1.1.0", "version": 1,
                "progress": {"totalItems": 10, "itemsBackedUp": 10}}}))
        .unwrap();
}

fn spawn(server: &FakeApiServer, args: &[&str]) -> Child {
    server
        .command(BIN)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kubectl-backup")
}

fn finish(child: Child, args: &str) -> Output {
    let output = child.wait_with_output().unwrap();
    eprintln!(
        "$ kubectl-backup {args}\n--- stdout\n{}--- stderr\n{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    output
}

/// Waits (generously: the machine may be loaded) for the CLI to create Restore `name`.
fn wait_for_restore(server: &FakeApiServer, name: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(restore) = server
            .store()
            .get("velero.io/v1", "Restore", Some("velero"), name)
        {
            return restore;
        }
        assert!(
            Instant::now() < deadline,
            "the CLI did not create Restore {name}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Velero's restore controller writing the status.
fn set_status(server: &FakeApiServer, name: &str, status: Value) {
    server
        .store()
        .modify("velero.io/v1", "Restore", Some("velero"), name, |r| {
            r["status"] = status.clone()
        })
        .unwrap();
}

/// Waits until the CLI has read Restore `name` again (it polls), so it saw the last status.
fn wait_for_a_read(server: &FakeApiServer, name: &str) {
    server.clear_requests();
    let path = format!("/apis/velero.io/v1/namespaces/velero/restores/{name}");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !server
        .requests()
        .iter()
        .any(|r| r.method == "GET" && r.path == path)
    {
        assert!(Instant::now() < deadline, "the CLI stopped polling {name}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Velero's download controller: answers the CLI's DownloadRequest for `kind` of `target`.
fn answer_download_request(server: &FakeApiServer, kind: &str, target: &str, url: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let requests = server
            .store()
            .list("velero.io/v1", "DownloadRequest", Some("velero"));
        if let Some(request) = requests
            .iter()
            .find(|r| r["spec"]["target"]["kind"] == kind && r["spec"]["target"]["name"] == target)
        {
            let mut answer = request.clone();
            answer["status"] = json!({"phase": "Processed", "downloadURL": url});
            server.store().apply(answer).unwrap();
            return;
        }
        assert!(
            Instant::now() < deadline,
            "no DownloadRequest for {kind} {target}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn every_flag_maps_to_the_restore_spec_and_wait_follows_it_to_completion() {
    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    velero_with_nightly(&server);
    let args = [
        "snapshot",
        "restore",
        "nightly",
        "--restore-name",
        "r1",
        "--include-namespaces",
        "shop,web-*",
        "--exclude-namespaces",
        "web-test",
        "--include-resources",
        "configmaps,deployments.apps",
        "--exclude-resources",
        "secrets",
        "--include-cluster-resources",
        "false",
        "-l",
        "app=web",
        "--namespace-mappings",
        "shop:shop-copy",
        "--existing-resource-policy",
        "update",
        "--preserve-node-ports",
        "--status-include-resources",
        "widgets.example.com",
        "--wait",
    ];
    let child = spawn(&server, &args);
    let restore = wait_for_restore(&server, "r1");
    assert_eq!(
        restore["spec"],
        json!({
            "backupName": "nightly",
            "includedNamespaces": ["shop", "web-*"],
            "excludedNamespaces": ["web-test"],
            "includedResources": ["configmaps", "deployments.apps"],
            "excludedResources": ["secrets"],
            "includeClusterResources": false,
            "labelSelector": {"matchLabels": {"app": "web"}},
            "namespaceMapping": {"shop": "shop-copy"},
            "existingResourcePolicy": "update",
            "preserveNodePorts": true,
            "restoreStatus": {"includedResources": ["widgets.example.com"]}
        })
    );
    set_status(
        &server,
        "r1",
        json!({"phase": "InProgress", "progress": {"totalItems": 10, "itemsRestored": 3}}),
    );
    wait_for_a_read(&server, "r1");
    set_status(
        &server,
        "r1",
        json!({"phase": "Completed", "progress": {"totalItems": 10, "itemsRestored": 10},
            "warnings": 1, "errors": 0}),
    );
    let output = finish(child, &args.join(" "));
    let err = text(&output.stderr);
    assert!(output.status.success(), "{err}");
    assert!(err.contains("Restore request \"r1\" submitted"), "{err}");
    assert!(err.contains("Restore r1: InProgress (3/10 items)"), "{err}");
    assert!(
        err.contains(
            "Restore completed with status: Completed. 10 of 10 items restored, 0 error(s), 1 warning(s)."
        ),
        "{err}"
    );
    assert!(
        server
            .store()
            .get("v1", "Namespace", None, "shop-copy")
            .is_none(),
        "Velero restores, not the CLI"
    );
}

#[test]
fn partially_failed_fails_with_velero_texts_no_wait_returns_and_ctrl_c_leaves_velero_running() {
    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    velero_with_nightly(&server);

    // Without --wait: submitted, named, and how to follow it.
    let out = run(&server, &["restore", "nightly"]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    let restores = server
        .store()
        .list("velero.io/v1", "Restore", Some("velero"));
    assert_eq!(restores.len(), 1);
    let name = restores[0]["metadata"]["name"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        name.starts_with("nightly-") && name.len() == "nightly-".len() + 14,
        "Velero's default name BACKUP-YYYYMMDDHHMMSS: {name}"
    );
    assert_eq!(
        restores[0]["spec"],
        json!({"backupName": "nightly", "existingResourcePolicy": "none"})
    );
    assert!(
        err.contains(&format!("Restore request \"{name}\"")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "kubectl -n velero get restores.velero.io {name} -w"
        )),
        "{err}"
    );

    // With --wait, PartiallyFailed is a failure, with Velero's counts and reason.
    let args = [
        "snapshot",
        "restore",
        "nightly",
        "--restore-name",
        "r2",
        "--wait",
    ];
    let child = spawn(&server, &args);
    wait_for_restore(&server, "r2");
    set_status(
        &server,
        "r2",
        json!({"phase": "PartiallyFailed", "progress": {"totalItems": 10, "itemsRestored": 8},
            "errors": 2, "warnings": 1}),
    );
    // Velero's texts for the counts, fetched through a DownloadRequest.
    let results = json!({"errors": {"namespaces": {"shop": [
            "error restoring deployments.apps/shop/web: admission webhook denied the request",
            "error restoring services/shop/web: port is already allocated"]}},
        "warnings": {"cluster": ["could not restore, CustomResourceDefinition widgets.example.com already exists"]}});
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, &serde_json::to_vec(&results).unwrap()).unwrap();
    let url = serve_once(
        "/bucket/restores/r2/restore-r2-results.gz?X-Amz-Signature=secret",
        gz.finish().unwrap(),
    );
    answer_download_request(&server, "RestoreResults", "r2", &url);
    let output = finish(child, &args.join(" "));
    let err = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "Restore completed with status: PartiallyFailed. 8 of 10 items restored, 2 error(s), 1 warning(s)."
        ),
        "{err}"
    );
    assert!(
        err.contains("error: shop: error restoring deployments.apps/shop/web: admission webhook denied the request"),
        "{err}"
    );
    assert!(
        err.contains("warning: could not restore, CustomResourceDefinition widgets.example.com already exists"),
        "{err}"
    );
    assert!(
        !err.contains("X-Amz-Signature"),
        "a presigned URL is a credential: {err}"
    );
    assert!(
        err.contains("velero restore describe r2 --details"),
        "{err}"
    );

    // FailedValidation: the reasons are shown.
    let args = [
        "snapshot",
        "restore",
        "nightly",
        "--restore-name",
        "r3",
        "--wait",
    ];
    let child = spawn(&server, &args);
    wait_for_restore(&server, "r3");
    set_status(
        &server,
        "r3",
        json!({"phase": "FailedValidation",
            "validationErrors": ["backup \"nightly\" is not in a usable location"]}),
    );
    let output = finish(child, &args.join(" "));
    let err = text(&output.stderr);
    assert!(!output.status.success(), "{err}");
    assert!(
        err.contains("Validation error: backup \"nightly\" is not in a usable location"),
        "{err}"
    );

    // Ctrl-C while following: the restore goes on in Velero; the CLI says so and exits 130.
    let args = [
        "snapshot",
        "restore",
        "nightly",
        "--restore-name",
        "r4",
        "--wait",
    ];
    let child = spawn(&server, &args);
    wait_for_restore(&server, "r4");
    wait_for_a_read(&server, "r4");
    send_signal(child.id(), "INT");
    let output = finish(child, &args.join(" "));
    let err = text(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{err}");
    assert!(
        err.contains("the Velero Restore velero/r4 keeps running on the server"),
        "{err}"
    );
    assert!(
        server
            .store()
            .get("velero.io/v1", "Restore", Some("velero"), "r4")
            .is_some(),
        "Velero's restore is not ours to delete"
    );
}

#[test]
fn controller_mode_refuses_what_velero_cannot_do_and_auto_falls_back_to_client_side() {
    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    velero_with_nightly(&server);

    for (args, needle) in [
        (
            vec!["restore", "nightly", "--mode", "controller", "--dry-run"],
            "--dry-run cannot be used with --mode controller",
        ),
        (
            vec!["restore", "missing", "--mode", "controller"],
            "has no Backup named \"missing\"",
        ),
        (
            vec![
                "restore",
                "nightly",
                "--mode",
                "controller",
                "--location",
                "other",
            ],
            "is in location \"default\", not \"other\"",
        ),
    ] {
        let out = run(&server, &args);
        let err = text(&out.stderr);
        assert!(!out.status.success(), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    assert!(
        server
            .store()
            .list("velero.io/v1", "Restore", Some("velero"))
            .is_empty(),
        "nothing was submitted"
    );

    // A backup Velero does not know (written client-side to the local directory): auto mode
    // restores it from here even though Velero is running.
    let store = server.store();
    store.create_namespace("shop");
    store
        .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "settings", "namespace": "shop"}, "data": {"mode": "prod"}}))
        .unwrap();
    let out = run(
        &server,
        &[
            "snapshot",
            "create",
            "local-bk",
            "--mode",
            "client",
            "--include-namespaces",
            "shop",
        ],
    );
    assert!(out.status.success());
    let out = run(
        &server,
        &["restore", "local-bk", "--namespace-mappings", "shop:shop-2"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        store
            .get("v1", "ConfigMap", Some("shop-2"), "settings")
            .is_some()
    );
    assert!(
        store
            .list("velero.io/v1", "Restore", Some("velero"))
            .is_empty()
    );
}
