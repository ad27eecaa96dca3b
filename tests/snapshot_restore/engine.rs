//! Client-side engine behaviour taken from Velero (reference §5.3): managedFields and opt-in
//! status after the create, an existing PV left to its claim, ServiceAccount merge, Terminating namespaces,
//! and a clean stop on Ctrl-C.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use kubectl_backup_testbed::FakeApiServer;
use serde_json::{Value, json};

use super::common::cli::send_signal;
use super::{BIN, item, run, text, velero_backup_dir, velero_tarball, widget_crd};

/// A Velero-layout backup of `items` (`(group-resource, object)`), each item twice (un-versioned
/// and `-preferredversion`), as Velero writes it.
fn write_backup(server: &FakeApiServer, name: &str, items: &[(&str, Value)]) {
    let dir = velero_backup_dir(server, name);
    let mut entries: Vec<(String, Vec<u8>)> =
        vec![("metadata/version".into(), b"1.1.0\n".to_vec())];
    for (gr, object) in items {
        let object_name = object["metadata"]["name"].as_str().unwrap();
        let scope = match object["metadata"]["namespace"].as_str() {
            Some(ns) => format!("namespaces/{ns}"),
            None => "cluster".into(),
        };
        let version = object["apiVersion"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap();
        let body = item(object.clone());
        entries.push((
            format!("resources/{gr}/{scope}/{object_name}.json"),
            body.clone(),
        ));
        entries.push((
            format!("resources/{gr}/{version}-preferredversion/{scope}/{object_name}.json"),
            body,
        ));
    }
    let borrowed: Vec<(&str, Vec<u8>)> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.clone()))
        .collect();
    velero_tarball(&dir.join(format!("{name}.tar.gz")), &borrowed);
}

#[test]
fn managed_fields_status_existing_pv_and_service_account_merge_follow_velero() {
    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    // With the status subresource: the restore writes opt-in status through it.
    let mut crd = widget_crd("example.com");
    crd["spec"]["versions"][0]["subresources"] = json!({"status": {}});
    server.install_crd(crd).unwrap();
    let helm_entry = json!({"manager": "helm", "operation": "Update", "apiVersion": "v1",
        "time": "2025-01-01T00:00:00Z", "fieldsType": "FieldsV1",
        "fieldsV1": {"f:data": {"f:mode": {}}}});
    let items = [
        (
            "configmaps",
            json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "settings", "namespace": "app", "uid": "1", "resourceVersion": "5",
                    "managedFields": [helm_entry.clone()]},
                "data": {"mode": "prod"}}),
        ),
        (
            "widgets.example.com",
            json!({"apiVersion": "example.com/v1", "kind": "Widget",
                "metadata": {"name": "w1", "namespace": "app"},
                "spec": {"size": 3}, "status": {"ready": true, "observed": 3}}),
        ),
        (
            "widgets.example.com",
            json!({"apiVersion": "example.com/v1", "kind": "Widget",
                "metadata": {"name": "w2", "namespace": "app",
                    "annotations": {"velero.io/restore-status": "false"}},
                "spec": {"size": 1}, "status": {"ready": true}}),
        ),
        (
            "persistentvolumes",
            json!({"apiVersion": "v1", "kind": "PersistentVolume",
                "metadata": {"name": "pv-data"},
                "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce"],
                    "persistentVolumeReclaimPolicy": "Retain", "hostPath": {"path": "/data"},
                    "claimRef": {"kind": "PersistentVolumeClaim", "namespace": "app", "name": "data",
                        "uid": "9", "resourceVersion": "3"}}}),
        ),
        (
            "persistentvolumeclaims",
            json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                "metadata": {"name": "data", "namespace": "app",
                    "annotations": {"pv.kubernetes.io/bind-completed": "yes"}},
                "spec": {"accessModes": ["ReadWriteOnce"], "volumeName": "pv-data",
                    "resources": {"requests": {"storage": "1Gi"}}}}),
        ),
        (
            "serviceaccounts",
            json!({"apiVersion": "v1", "kind": "ServiceAccount",
                "metadata": {"name": "builder", "namespace": "app", "labels": {"team": "backup", "tier": "ci"}},
                "secrets": [{"name": "builder-token-x1y2z"}, {"name": "builder-extra"}],
                "imagePullSecrets": [{"name": "reg-backup"}, {"name": "reg-live"}]}),
        ),
    ];
    write_backup(&server, "bk", &items);

    // The original PV is still there (its namespace still uses it), and the target namespace
    // already has the ServiceAccount.
    let store = server.store();
    store
        .create(json!({"apiVersion": "v1", "kind": "PersistentVolume",
            "metadata": {"name": "pv-data"},
            "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce"],
                "persistentVolumeReclaimPolicy": "Retain", "hostPath": {"path": "/data"},
                "claimRef": {"kind": "PersistentVolumeClaim", "namespace": "app", "name": "data"}}}))
        .unwrap();
    store.create_namespace("app-2");
    store
        .create(json!({"apiVersion": "v1", "kind": "ServiceAccount",
            "metadata": {"name": "builder", "namespace": "app-2", "labels": {"team": "live"}},
            "imagePullSecrets": [{"name": "reg-live"}]}))
        .unwrap();

    let out = run(
        &server,
        &[
            "restore",
            "bk",
            "--restore-name",
            "r",
            "--namespace-mappings",
            "app:app-2",
            "--status-include-resources",
            "widgets.example.com",
        ],
    );
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");

    // managedFields: the backup's entries are kept, and patched back after the create (a real
    // server adds the restoring client's entry on create; the patch leaves exactly the backup's).
    let cm = store
        .get("v1", "ConfigMap", Some("app-2"), "settings")
        .unwrap();
    let managed = cm["metadata"]["managedFields"].as_array().unwrap();
    assert!(
        managed.iter().any(|e| e["manager"] == "helm"
            && e["fieldsV1"] == helm_entry["fieldsV1"]
            && e["time"] == helm_entry["time"]),
        "{managed:?}"
    );
    let patches: Vec<Value> = server
        .requests()
        .iter()
        .filter(|r| r.method == "PATCH" && r.path == "/api/v1/namespaces/app-2/configmaps/settings")
        .filter_map(|r| r.body_json())
        .collect();
    assert_eq!(
        patches,
        [json!({"metadata": {"managedFields": [helm_entry]}})],
        "the managedFields patch"
    );

    // Status only where opted in.
    let w1 = store
        .get("example.com/v1", "Widget", Some("app-2"), "w1")
        .unwrap();
    assert_eq!(w1["status"], json!({"ready": true, "observed": 3}));
    let w2 = store
        .get("example.com/v1", "Widget", Some("app-2"), "w2")
        .unwrap();
    assert!(
        w2.get("status").is_none_or(|s| s.get("ready").is_none()),
        "{w2}"
    );

    // The PV exists and belongs to the original claim: without a volume snapshot Velero never
    // clones it, so it is left alone (no second PV on /data), and the mapped claim keeps
    // naming it, Pending, with the reason in the report.
    let pvs = store.list("v1", "PersistentVolume", None);
    assert_eq!(pvs.len(), 1, "{pvs:?}");
    let original = store
        .get("v1", "PersistentVolume", None, "pv-data")
        .unwrap();
    assert_eq!(original["spec"]["claimRef"]["namespace"], "app");
    assert!(
        err.contains("persistentvolumes pv-data: exists and belongs to claim app/data"),
        "{err}"
    );
    let pvc = store
        .get("v1", "PersistentVolumeClaim", Some("app-2"), "data")
        .unwrap();
    assert_eq!(pvc["spec"]["volumeName"], "pv-data");
    assert!(
        err.contains(
            "storage: app-2/data: WAITING: its PV pv-data exists and belongs to claim app/data"
        ),
        "{err}"
    );

    // The existing ServiceAccount is merged, not skipped: live values win, the backup's
    // missing entries are appended, token secrets are not.
    let sa = store
        .get("v1", "ServiceAccount", Some("app-2"), "builder")
        .unwrap();
    assert_eq!(
        sa["imagePullSecrets"],
        json!([{"name": "reg-live"}, {"name": "reg-backup"}])
    );
    assert_eq!(sa["secrets"], json!([{"name": "builder-extra"}]));
    assert_eq!(sa["metadata"]["labels"]["team"], "live");
    assert_eq!(sa["metadata"]["labels"]["tier"], "ci");
    assert_eq!(sa["metadata"]["labels"]["velero.io/restore-name"], "r");
    assert!(err.contains("1 updated"), "{err}");
}

/// Forwards the child's stderr lines to the test as they come.
fn stderr_lines(child: &mut std::process::Child) -> std::sync::mpsc::Receiver<String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            eprintln!("child: {line}");
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn wait_for_line(rx: &std::sync::mpsc::Receiver<String>, needle: &str) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => {
                let found = line.contains(needle);
                seen.push(line);
                if found {
                    return seen;
                }
            }
            Err(_) => panic!("no line containing {needle:?}; saw {seen:#?}"),
        }
    }
}

/// Namespace `shop` stuck in Terminating: a ConfigMap in it holds a finalizer.
fn terminating_shop(server: &FakeApiServer) {
    let store = server.store();
    store.create_namespace("shop");
    store
        .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "held", "namespace": "shop", "finalizers": ["example.com/hold"]}}))
        .unwrap();
    store.delete("v1", "Namespace", None, "shop").unwrap();
    let ns = store.get("v1", "Namespace", None, "shop").unwrap();
    assert!(ns["metadata"]["deletionTimestamp"].is_string());
}

#[test]
fn a_terminating_namespace_is_waited_for_and_a_stuck_one_is_reported() {
    let server = FakeApiServer::start_blocking();
    write_backup(
        &server,
        "bk",
        &[(
            "configmaps",
            json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "settings", "namespace": "shop"}, "data": {"mode": "prod"}}),
        )],
    );
    terminating_shop(&server);

    // Stuck for longer than allowed: a clear error, nothing created.
    let out = run(&server, &["restore", "bk", "--namespace-timeout", "2s"]);
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("namespace shop is still being deleted after 2s"),
        "{err}"
    );
    assert!(err.contains("nothing was restored"), "{err}");
    assert!(
        server
            .store()
            .get("v1", "ConfigMap", Some("shop"), "settings")
            .is_none()
    );

    // Released while the restore waits: the restore goes on into the re-created namespace.
    let mut child = server
        .command(BIN)
        .args([
            "restore",
            "bk",
            "--restore-name",
            "r2",
            "--namespace-timeout",
            "90s",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = stderr_lines(&mut child);
    wait_for_line(
        &lines,
        "Namespace shop is being deleted (Terminating); waiting up to",
    );
    let mut held = server
        .store()
        .get("v1", "ConfigMap", Some("shop"), "held")
        .unwrap();
    held["metadata"]["finalizers"] = json!([]);
    // Dropping the last finalizer completes the pending deletion (the store answers NotFound).
    let _ = server.store().update(held);
    assert!(
        server
            .store()
            .get("v1", "ConfigMap", Some("shop"), "held")
            .is_none()
    );
    let status = child.wait().unwrap();
    let rest: Vec<String> = lines.try_iter().collect();
    assert!(status.success(), "{rest:#?}");
    let ns = server.store().get("v1", "Namespace", None, "shop").unwrap();
    assert!(ns["metadata"].get("deletionTimestamp").is_none());
    let cm = server
        .store()
        .get("v1", "ConfigMap", Some("shop"), "settings")
        .expect("restored into the new namespace");
    assert_eq!(cm["metadata"]["labels"]["velero.io/restore-name"], "r2");
}

#[test]
fn ctrl_c_stops_starting_objects_reports_what_is_left_and_exits_130() {
    a_signal_stops_starting_objects_and_reports_what_is_left("INT", 130, "interrupted (Ctrl-C)");
}

#[test]
fn sigterm_stops_a_restore_like_ctrl_c_and_exits_143() {
    a_signal_stops_starting_objects_and_reports_what_is_left("TERM", 143, "terminated (SIGTERM)");
}

fn a_signal_stops_starting_objects_and_reports_what_is_left(
    signal: &str,
    exit_code: i32,
    described: &str,
) {
    const TOTAL: usize = 80;
    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    let items: Vec<(&str, Value)> = (0..TOTAL)
        .map(|i| {
            (
                "configmaps",
                json!({"apiVersion": "v1", "kind": "ConfigMap",
                    "metadata": {"name": format!("cm-{i:02}"), "namespace": "bulk"},
                    "data": {"i": i.to_string()}}),
            )
        })
        .collect();
    write_backup(&server, "bk", &items);
    // Slow requests keep the restore busy long enough to interrupt it in the middle.
    server.faults().set_latency(Duration::from_millis(100));
    let mut child = server
        .command(BIN)
        .args(["restore", "bk", "--restore-name", "r", "--concurrency", "2"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = stderr_lines(&mut child);
    let deadline = Instant::now() + Duration::from_secs(120);
    while server.store().list("v1", "ConfigMap", Some("bulk")).len() < 4 {
        assert!(Instant::now() < deadline, "the restore never got going");
        std::thread::sleep(Duration::from_millis(20));
    }
    send_signal(child.id(), signal);
    let status = child.wait().unwrap();
    let err: Vec<String> = lines.iter().collect();
    let err = err.join("\n");
    assert_eq!(status.code(), Some(exit_code), "{err}");

    // What the user is told matches what is in the cluster; the process waited for its
    // in-flight requests, so nothing lands after it exits.
    let restored = server.store().list("v1", "ConfigMap", Some("bulk")).len();
    assert!(restored < TOTAL, "interrupted too late to test anything");
    let left = TOTAL - restored;
    assert!(
        err.contains(&format!(
            "Interrupted: restore \"r\" was {described} and stopped before {left} item(s) were restored ({left} v1/ConfigMap)"
        )),
        "{restored} restored: {err}"
    );
    assert!(
        err.contains(&format!(": {} created,", restored + 1)),
        "{restored} configmaps + the namespace: {err}"
    );
    // The restore's log lists every item it did not reach.
    let log = super::local_root(&server).join("restores/r/restore-r-logs.gz");
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(std::fs::File::open(log).unwrap()),
        &mut text,
    )
    .unwrap();
    assert_eq!(text.matches("not restored: configmaps bulk/").count(), left);
}

#[test]
fn on_a_terminal_a_progress_bar_counts_items_and_ctrl_c_interrupts() {
    use kubectl_backup_testbed::pty::{Key, Terminal};
    const TOTAL: usize = 60;
    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    let items: Vec<(&str, Value)> = (0..TOTAL)
        .map(|i| {
            (
                "configmaps",
                json!({"apiVersion": "v1", "kind": "ConfigMap",
                    "metadata": {"name": format!("cm-{i:02}"), "namespace": "bulk"}}),
            )
        })
        .collect();
    write_backup(&server, "bk", &items);

    // Slow enough for a bar to be drawn several times.
    server.faults().set_latency(Duration::from_millis(50));

    // Without a bar when asked.
    let mut command = server.command(BIN);
    command.args([
        "restore",
        "bk",
        "--restore-name",
        "quiet",
        "--no-progress",
        "--concurrency",
        "4",
    ]);
    let terminal = Terminal::spawn(command).unwrap();
    let (status, output) = terminal.wait(Duration::from_secs(120)).unwrap();
    assert!(status.success(), "{output}");
    assert!(!output.contains("restoring ["), "{output}");
    assert!(
        output.contains("Restore \"quiet\" from backup \"bk\""),
        "{output}"
    );
    let quiet = server.store().list("v1", "ConfigMap", Some("bulk")).len();
    assert_eq!(quiet, TOTAL);

    // With the bar: items restored / total; Ctrl-C from the keyboard stops the restore.
    server.faults().set_latency(Duration::from_millis(100));
    let mut command = server.command(BIN);
    command.args([
        "restore",
        "bk",
        "--restore-name",
        "live",
        "--namespace-mappings",
        "bulk:bulk-2",
        "--concurrency",
        "1",
    ]);
    let mut terminal = Terminal::spawn(command).unwrap();
    terminal
        .expect("restoring [", Duration::from_secs(60))
        .unwrap();
    terminal
        .expect(&format!("/{TOTAL} items"), Duration::from_secs(60))
        .unwrap();
    terminal.key(Key::CtrlC);
    let (status, rest) = terminal.wait(Duration::from_secs(60)).unwrap();
    assert_eq!(status.code(), Some(130), "{rest}");
    assert!(rest.contains("Interrupted: restore \"live\""), "{rest}");
    let restored = server.store().list("v1", "ConfigMap", Some("bulk-2")).len();
    assert!(restored < TOTAL, "{rest}");
}
