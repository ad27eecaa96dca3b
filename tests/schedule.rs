//! `kubectl backup schedule …` on the fake API server: the Velero path (a `velero.io/v1`
//! `Schedule` admitted against the upstream CRD when Velero runs the snapshots), and the
//! checks that refuse a schedule before anything is created. The CronJob path runs for real in
//! the node-mode tests (`actionset_parity schedule_node`).

use kubectl_backup_testbed::FakeApiServer;
use serde_json::{Value, json};

use common::cli::{ok, run};
use common::velero::install_velero;

mod common;

#[test]
fn with_velero_running_a_snapshot_schedule_is_a_velero_schedule() {
    let server = FakeApiServer::start_blocking();
    install_velero(&server, "Available", None);
    let out = run(
        &server,
        &[
            "schedule",
            "create",
            "nightly",
            "--schedule",
            "0 1 * * *",
            "-o",
            "name",
            "--",
            "snapshot",
            "create",
            "--include-namespaces",
            "shop,web-*",
            "--location",
            "default",
            "--ttl",
            "168h",
            "-l",
            "app=db",
        ],
    );
    assert_eq!(ok(&out), "schedule.velero.io/nightly\n");
    let schedule = server
        .store()
        .get("velero.io/v1", "Schedule", Some("velero"), "nightly")
        .expect("a Velero Schedule");
    assert_eq!(schedule["spec"]["schedule"], "0 1 * * *");
    let template = &schedule["spec"]["template"];
    assert_eq!(template["includedNamespaces"], json!(["shop", "web-*"]));
    assert_eq!(template["storageLocation"], "default");
    assert_eq!(template["ttl"], "168h0m0s");
    assert_eq!(template["labelSelector"]["matchLabels"]["app"], "db");
    // No CronJob: Velero runs it.
    assert!(server.store().list("batch/v1", "CronJob", None).is_empty());

    let listed: Value = serde_json::from_str(&ok(&run(
        &server,
        &["schedule", "list", "-A", "-o", "json"],
    )))
    .unwrap();
    assert_eq!(listed["items"][0]["runner"], "velero");
    assert_eq!(listed["items"][0]["name"], "nightly");

    // --show-labels shows the Schedule's own labels, as kubectl get does.
    let mut labelled = schedule.clone();
    labelled["metadata"]["labels"] = json!({"team": "db"});
    server.store().update(labelled).unwrap();
    let table = ok(&run(&server, &["schedule", "list", "-A", "--show-labels"]));
    let header = table.lines().next().unwrap_or_default();
    assert!(header.trim_end().ends_with("LABELS"), "{table}");
    let row = table.lines().find(|l| l.contains("nightly")).expect(&table);
    assert!(row.trim_end().ends_with("team=db"), "{table}");

    ok(&run(
        &server,
        &["-n", "velero", "schedule", "pause", "nightly"],
    ));
    let paused = server
        .store()
        .get("velero.io/v1", "Schedule", Some("velero"), "nightly")
        .unwrap();
    assert_eq!(paused["spec"]["paused"], true);
    let refused = run(&server, &["-n", "velero", "schedule", "run-now", "nightly"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--from-schedule nightly"));
    ok(&run(
        &server,
        &["-n", "velero", "schedule", "delete", "nightly", "--yes"],
    ));
    assert!(
        server
            .store()
            .get("velero.io/v1", "Schedule", Some("velero"), "nightly")
            .is_none()
    );
}

#[test]
fn bad_schedules_are_refused_before_anything_is_created() {
    let server = FakeApiServer::start_blocking();
    for (args, needle) in [
        (
            vec![
                "schedule",
                "create",
                "x",
                "--schedule",
                "61 * * * *",
                "--",
                "snapshot",
                "create",
                "--profile",
                "p",
            ],
            "minute field",
        ),
        (
            vec![
                "schedule",
                "create",
                "x",
                "--schedule",
                "@daily",
                "--",
                "snapshot",
                "create",
            ],
            "--profile or --location",
        ),
        (
            vec![
                "schedule",
                "create",
                "x",
                "--schedule",
                "@daily",
                "--",
                "snapshot",
                "delete",
                "b",
            ],
            "not \"snapshot delete b\"",
        ),
        (
            vec![
                "schedule",
                "create",
                "x",
                "--schedule",
                "@daily",
                "--",
                "snapshot",
                "create",
                "--profile",
                "p",
                "--include-namespacs",
                "a",
            ],
            "--include-namespacs",
        ),
        (
            vec![
                "schedule",
                "create",
                "Bad_Name",
                "--schedule",
                "@daily",
                "--",
                "snapshot",
                "create",
                "--profile",
                "p",
            ],
            "schedule name",
        ),
        (
            vec![
                "schedule",
                "create",
                "x",
                "--schedule",
                "@daily",
                "--env",
                "NOVALUE",
                "--",
                "snapshot",
                "create",
                "--profile",
                "p",
            ],
            "NAME=VALUE",
        ),
    ] {
        let out = run(&server, &args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    assert!(
        server.requests().iter().all(|r| r.method == "GET"),
        "a refused schedule wrote something: {:?}",
        server.requests()
    );
}
