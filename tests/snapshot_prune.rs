//! `kubectl backup snapshot prune` end to end, on both test-bed backends: expired backups go,
//! `--keep-last` keeps the newest of a schedule, a schedule's only complete backup survives its
//! TTL, `--dry-run` changes nothing, and backups being written are never touched.

use kubectl_backup_testbed::{Backend, TestCluster, on_both_backends};
use serde_json::{Value, json};

use common::cli::{ok, run};
use common::files::local_root;

mod common;

fn names(cluster: &impl Backend) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(local_root(cluster).join("backups"))
        .map(|dir| {
            dir.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn backup(cluster: &TestCluster, ns: &str, name: &str, extra: &[&str]) {
    let mut args = vec![
        "snapshot",
        "create",
        name,
        "--include-namespaces",
        ns,
        "--mode",
        "client",
    ];
    args.extend_from_slice(extra);
    ok(&run(cluster, &args));
}

on_both_backends! {
    fn prune_keeps_what_retention_says(cluster) {
        let ns = cluster.namespace("prune");
        cluster
            .objects()
            .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "c", "namespace": ns}, "data": {"k": "v"}}))
            .unwrap();
        let label = "--labels=velero.io/schedule-name=nightly";
        // Three runs of a schedule, a lone scheduled backup whose TTL ran out, an expired
        // manual backup and a fresh manual one.
        for name in ["nightly-20261201010000", "nightly-20261202010000", "nightly-20261203010000"] {
            backup(cluster, &ns, name, &[label]);
            // Creation times have one-second resolution; keep the order unambiguous.
            std::thread::sleep(std::time::Duration::from_millis(1100));
        }
        backup(cluster, &ns, "weekly-20261201010000", &["--labels=velero.io/schedule-name=weekly", "--ttl", "1s"]);
        backup(cluster, &ns, "manual-old", &["--ttl", "1s"]);
        backup(cluster, &ns, "manual-new", &[]);
        // A backup being written: files, no velero-backup.json.
        let partial = local_root(cluster).join("backups").join("half-written");
        std::fs::create_dir_all(&partial).unwrap();
        std::fs::write(partial.join("half-written.tar.gz"), b"partial").unwrap();
        std::thread::sleep(std::time::Duration::from_secs(2));
        let before = names(cluster);

        let dry = ok(&run(cluster, &["snapshot", "prune", "--keep-last", "1", "--dry-run", "-o", "json"]));
        let plan: Value = serde_json::from_str(&dry).unwrap();
        let mut doomed: Vec<&str> = plan["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["delete"] == true)
            .map(|i| i["name"].as_str().unwrap())
            .collect();
        doomed.sort();
        assert_eq!(doomed, ["manual-old", "nightly-20261201010000", "nightly-20261202010000"]);
        let weekly = plan["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["name"] == "weekly-20261201010000")
            .unwrap();
        assert!(weekly["reason"].as_str().unwrap().contains("only complete backup"), "{weekly}");
        assert_eq!(names(cluster), before, "--dry-run deleted something");

        // Without --yes and without a terminal, nothing is deleted.
        let refused = run(cluster, &["snapshot", "prune", "--keep-last", "1"]);
        assert!(!refused.status.success());
        assert_eq!(names(cluster), before);

        ok(&run(cluster, &["snapshot", "prune", "--keep-last", "1", "--yes"]));
        assert_eq!(
            names(cluster),
            ["half-written", "manual-new", "nightly-20261203010000", "weekly-20261201010000"]
        );

        // --schedule limits the prune to one schedule's backups.
        let only = ok(&run(cluster, &["snapshot", "prune", "--schedule", "weekly", "--dry-run", "-o", "json"]));
        let only: Value = serde_json::from_str(&only).unwrap();
        assert_eq!(only["items"].as_array().unwrap().len(), 1, "{only}");
        let bad = run(cluster, &["snapshot", "prune", "--schedule", "Not Valid"]);
        assert!(!bad.status.success());
        assert!(String::from_utf8_lossy(&bad.stderr).contains("--schedule"));
    }
}
