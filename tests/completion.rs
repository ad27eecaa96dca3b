//! Completion that knows the cluster and the store, through both entry points: kubectl's plugin
//! protocol (`kubectl_complete-backup WORDS… PARTIAL`, answering `value[\thelp]` lines and
//! `:4`) and clap's (`COMPLETE=bash kubectl-backup -- WORDS…`, with the index of the word being
//! completed in `_CLAP_COMPLETE_INDEX`). Against the fake API server.

use std::net::TcpListener;
use std::process::Command;
use std::time::{Duration, Instant};

use kubectl_backup_testbed::FakeApiServer;
use serde_json::json;

use common::BIN;
use common::cli::{ok, text};

mod common;

/// The binary under the name kubectl runs for plugin completion.
fn kubectl_completer(srv: &FakeApiServer) -> Command {
    let link = srv.temp_dir().join("kubectl_complete-backup");
    if !link.exists() {
        std::os::unix::fs::symlink(BIN, &link).unwrap();
    }
    srv.command(link)
}

/// The candidates both protocols offer for the last of `words`, checked to be the same.
#[track_caller]
fn complete(srv: &FakeApiServer, words: &[&str]) -> Vec<String> {
    let out = kubectl_completer(srv).args(words).output().unwrap();
    let printed = ok(&out);
    assert_eq!(
        text(&out.stderr),
        "",
        "{words:?}: a completer prints nothing on stderr"
    );
    let mut lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.pop(), Some(":4"), "{words:?}: {printed}");
    let from_kubectl: Vec<String> = lines
        .iter()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();

    let out = srv
        .command(BIN)
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .arg("--")
        .arg("kubectl-backup")
        .args(words)
        .output()
        .unwrap();
    let printed = ok(&out);
    assert_eq!(text(&out.stderr), "", "{words:?}");
    // clap offers the flags beside a positional's values; kubectl's protocol (cobra's rule)
    // only once the word starts with '-'.
    let from_clap: Vec<String> = printed
        .lines()
        .filter(|l| !l.starts_with('-'))
        .map(str::to_string)
        .collect();
    assert_eq!(
        from_kubectl, from_clap,
        "{words:?}: the two protocols differ"
    );
    from_kubectl
}

fn run(srv: &FakeApiServer, args: &[&str]) -> String {
    ok(&srv.command(BIN).args(args).output().unwrap())
}

#[test]
fn names_come_from_the_cluster_and_the_store() {
    let srv = FakeApiServer::start_blocking();
    srv.install_kanister_crds();
    srv.install_velero_crds();
    let store = srv.store();
    store.create_namespace("velero");
    for (name, actions) in [
        ("mysql-bp", ["backup", "restore"]),
        ("pg-bp", ["dump", "load"]),
    ] {
        let actions: serde_json::Map<String, serde_json::Value> = actions
            .iter()
            .map(|a| (a.to_string(), json!({"phases": []})))
            .collect();
        store
            .create(
                json!({"apiVersion": "cr.kanister.io/v1alpha1", "kind": "Blueprint",
                "metadata": {"name": name, "namespace": "default"}, "actions": actions}),
            )
            .unwrap();
    }
    store
        .create(
            json!({"apiVersion": "cr.kanister.io/v1alpha1", "kind": "ActionSet",
            "metadata": {"name": "backup-x7k2p", "namespace": "default"}, "spec": {"actions": []}}),
        )
        .unwrap();
    store
        .create(json!({"apiVersion": "velero.io/v1", "kind": "Schedule",
            "metadata": {"name": "nightly", "namespace": "default"},
            "spec": {"schedule": "0 1 * * *", "template": {}}}))
        .unwrap();
    for (name, location) in [("velero-made", "default"), ("elsewhere", "offsite")] {
        store
            .create(json!({"apiVersion": "velero.io/v1", "kind": "Backup",
                "metadata": {"name": name, "namespace": "velero"},
                "spec": {"storageLocation": location}}))
            .unwrap();
    }
    let alpha = srv.temp_dir().join("alpha");
    for (name, path) in [
        ("alpha", alpha.as_path()),
        ("beta", &srv.temp_dir().join("beta")),
    ] {
        let path = path.to_str().unwrap();
        run(
            &srv,
            &["profile", "create", "local", "--path", path, "--name", name],
        );
    }
    run(
        &srv,
        &[
            "snapshot",
            "create",
            "kept-here",
            "--include-namespaces",
            "default",
        ],
    );
    run(
        &srv,
        &[
            "snapshot",
            "create",
            "in-alpha",
            "--include-namespaces",
            "default",
            "--profile",
            "alpha",
        ],
    );

    // Backups: the local default's and Velero's; with --profile, that profile's only.
    assert_eq!(
        complete(&srv, &["snapshot", "describe", ""]),
        ["elsewhere", "kept-here", "velero-made"]
    );
    assert_eq!(complete(&srv, &["snapshot", "restore", "k"]), ["kept-here"]);
    assert_eq!(
        complete(&srv, &["restore", "--profile", "alpha", ""]),
        ["in-alpha"]
    );
    assert_eq!(
        complete(&srv, &["snapshot", "delete", "--profile=alpha", "i"]),
        ["in-alpha"]
    );
    assert_eq!(
        complete(
            &srv,
            &["snapshot", "download", "--location", "velero/default", ""]
        ),
        ["velero-made"],
        "a location's own Backups only (its store is not reachable here)"
    );
    // Profiles, blueprints, the chosen blueprint's actions, ActionSets, schedules.
    assert_eq!(
        complete(&srv, &["snapshot", "list", "--profile", ""]),
        ["alpha", "beta"]
    );
    assert_eq!(complete(&srv, &["profile", "describe", "b"]), ["beta"]);
    assert_eq!(
        complete(&srv, &["actionset", "create", "--blueprint", ""]),
        ["mysql-bp", "pg-bp"]
    );
    assert_eq!(
        complete(
            &srv,
            &["actionset", "create", "-b", "pg-bp", "--action", ""]
        ),
        ["dump", "load"]
    );
    assert_eq!(
        complete(&srv, &["actionset", "create", "--action", ""]),
        Vec::<String>::new(),
        "no --blueprint yet: no actions to offer"
    );
    assert_eq!(
        complete(&srv, &["actionset", "describe", ""]),
        ["backup-x7k2p"]
    );
    assert_eq!(complete(&srv, &["schedule", "describe", ""]), ["nightly"]);
    // The namespace typed on the line is the one asked.
    assert_eq!(
        complete(&srv, &["blueprint", "get", "-n", "velero", ""]),
        Vec::<String>::new()
    );
}

#[test]
fn an_unanswering_cluster_gives_no_candidates_quickly_and_silently() {
    let srv = FakeApiServer::start_blocking();
    // Accepts connections and never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_url = format!("http://{}", silent.local_addr().unwrap());
    let kubeconfig = srv.temp_dir().join("two-contexts");
    srv.kubeconfig_builder()
        .cluster("silent", &silent_url)
        .context("stuck", "silent", "testbed", Some("default"))
        .current_context("stuck")
        .write(&kubeconfig)
        .unwrap();
    let kubeconfig = kubeconfig.to_str().unwrap();
    let started = Instant::now();
    let stuck = complete(&srv, &["--kubeconfig", kubeconfig, "profile", "get", ""]);
    assert_eq!(stuck, Vec::<String>::new());
    assert!(
        started.elapsed() < Duration::from_secs(12),
        "two protocols, each bounded by ~3 s: took {:?}",
        started.elapsed()
    );
    // `--context` on the line picks the cluster that answers.
    srv.store().create_namespace("picked");
    assert_eq!(
        complete(
            &srv,
            &[
                "--kubeconfig",
                kubeconfig,
                "--context",
                "testbed",
                "doctor",
                "-n",
                "pick"
            ]
        ),
        ["picked"]
    );
    drop(silent);
}
