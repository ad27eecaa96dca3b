//! The kubectl behaviours that need a cluster, on both backends (the fake API server and the
//! real kube-apiserver): a server dry run is admitted and stores nothing, `-o name` is
//! `TYPE/NAME` alone, lists take `--show-labels`, and completion offers what the cluster holds.

use kubectl_backup_testbed::{TestCluster, on_both_backends};

use common::BIN;
use common::cli::{ok, run, text};

mod common;

const BLUEPRINT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/blueprint/public/cockroachdb-blueprint.yaml"
);

fn blueprints(cluster: &TestCluster, ns: &str) -> usize {
    cluster
        .objects()
        .list("cr.kanister.io/v1alpha1", "Blueprint", Some(ns))
        .len()
}

/// What kubectl's plugin completion protocol offers for the last word.
fn completions(cluster: &TestCluster, words: &[&str]) -> Vec<String> {
    let link = cluster.temp_dir().join("kubectl_complete-backup");
    if !link.exists() {
        std::os::unix::fs::symlink(BIN, &link).unwrap();
    }
    let out = cluster.command(&link).args(words).output().unwrap();
    assert_eq!(
        text(&out.stderr),
        "",
        "a completer prints nothing on stderr"
    );
    let printed = ok(&out);
    let mut lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.pop(), Some(":4"), "{printed}");
    lines
        .iter()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

on_both_backends! {
    fn server_dry_run_output_names_labels_and_completion(cluster) {
        cluster.install_kanister_crds();
        let ns = cluster.namespace("compat");

        let admitted = ok(&run(cluster, &[
            "blueprint", "apply", "-f", BLUEPRINT, "-n", &ns, "--dry-run=server",
        ]));
        assert_eq!(
            admitted,
            "blueprint.cr.kanister.io/cockroachdb-blueprint created (server dry run)\n"
        );
        assert_eq!(blueprints(cluster, &ns), 0, "a server dry run stored the blueprint");

        let named = ok(&run(cluster, &["blueprint", "apply", "-f", BLUEPRINT, "-n", &ns, "-o", "name"]));
        assert_eq!(named, "blueprint.cr.kanister.io/cockroachdb-blueprint\n");
        assert_eq!(blueprints(cluster, &ns), 1);

        let table = ok(&run(cluster, &["blueprint", "list", "-n", &ns, "--show-labels"]));
        let header = table.lines().next().unwrap_or_default();
        assert!(header.trim_end().ends_with("LABELS"), "{table}");

        let offered = completions(cluster, &["-n", &ns, "blueprint", "get", ""]);
        assert_eq!(offered, ["cockroachdb-blueprint"], "{offered:?}");
        let actions = completions(cluster, &[
            "-n", &ns, "actionset", "create", "--blueprint", "cockroachdb-blueprint", "--action", "",
        ]);
        assert_eq!(actions, ["backup", "delete", "restore"], "{actions:?}");
    }
}
