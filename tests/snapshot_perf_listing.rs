//! How `snapshot create` lists (issue 14): one LIST per type across the cluster when many
//! namespaces are selected (globs, excludes), per namespace when few are, a fallback to
//! per-namespace lists when the cluster-wide one is forbidden, and the label selector sent to
//! the server. The request log of the fake API server shows which requests were made; the
//! backup's content shows that the choice never changes what is backed up.

use std::process::Output;

use kubectl_backup::snapshot::types::BackupPhase;
use kubectl_backup_testbed::FakeApiServer;
use kubectl_backup_testbed::apiserver::DenyRule;
use serde_json::json;

use common::cli::run;
use common::files::{backup_dir, open_archive};

mod common;

const TEAMS: usize = 12;
const PER_TEAM: usize = 3;

/// `team-00` … `team-11` with three ConfigMaps each (one labelled `tier=web`), and `outside`
/// with one: 13 namespaces of ours next to the fake's four.
fn seeded() -> FakeApiServer {
    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    let store = server.store();
    let mut namespaces: Vec<String> = (0..TEAMS).map(|i| format!("team-{i:02}")).collect();
    namespaces.push("outside".into());
    for ns in &namespaces {
        store.create_namespace(ns);
        for i in 0..PER_TEAM {
            let tier = if i == 0 { "web" } else { "db" };
            store
                .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
                    "metadata": {"name": format!("cm-{i}"), "namespace": ns, "labels": {"tier": tier}},
                    "data": {"i": i.to_string()}}))
                .unwrap();
        }
    }
    server.clear_requests();
    server
}

/// `namespace → number of ConfigMaps` in the backup.
fn configmaps_by_namespace(server: &FakeApiServer, name: &str) -> Vec<(String, usize)> {
    let archive = open_archive(&backup_dir(server, name), name);
    archive
        .resource("configmaps")
        .map(|index| {
            index
                .namespaces
                .iter()
                .map(|(ns, items)| (ns.clone(), items.len()))
                .collect()
        })
        .unwrap_or_default()
}

/// Paths (with query) of the ConfigMap LISTs made.
fn configmap_lists(server: &FakeApiServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .filter(|r| r.method == "GET" && r.path.ends_with("/configmaps"))
        .map(|r| format!("{}?{}", r.path, r.query))
        .collect()
}

fn teams(count: usize) -> Vec<(String, usize)> {
    (0..TEAMS)
        .map(|i| (format!("team-{i:02}"), count))
        .collect()
}

fn create(server: &FakeApiServer, name: &str, filter: &[&str]) -> Output {
    let mut args = vec!["snapshot", "create", name, "--mode", "client"];
    args.extend_from_slice(filter);
    run(server, &args)
}

#[test]
fn a_glob_over_many_namespaces_lists_each_type_once_across_the_cluster() {
    let server = seeded();
    let out = create(&server, "glob", &["--include-namespaces", "team-*"]);
    assert!(out.status.success());
    let lists = configmap_lists(&server);
    assert_eq!(lists.len(), 1, "{lists:?}");
    assert!(lists[0].starts_with("/api/v1/configmaps?"), "{lists:?}");
    // The namespace filter is applied to the items: `outside` stays out.
    assert_eq!(configmaps_by_namespace(&server, "glob"), teams(PER_TEAM));
    // Every namespaced type is listed once, whatever the number of namespaces.
    let per_namespace = server
        .requests()
        .iter()
        .filter(|r| r.method == "GET" && r.path.starts_with("/api/v1/namespaces/team-"))
        .count();
    assert_eq!(per_namespace, 0);
}

#[test]
fn an_exclude_lists_across_the_cluster_and_drops_the_excluded_namespace() {
    let server = seeded();
    let out = create(&server, "excl", &["--exclude-namespaces", "outside"]);
    assert!(out.status.success());
    assert_eq!(configmap_lists(&server).len(), 1);
    let found = configmaps_by_namespace(&server, "excl");
    assert!(found.iter().all(|(ns, _)| ns != "outside"), "{found:?}");
    assert!(
        teams(PER_TEAM).iter().all(|t| found.contains(t)),
        "{found:?}"
    );
}

#[test]
fn one_namespace_is_listed_inside_that_namespace() {
    let server = seeded();
    let out = create(&server, "one", &["--include-namespaces", "team-03"]);
    assert!(out.status.success());
    let lists = configmap_lists(&server);
    assert_eq!(lists.len(), 1, "{lists:?}");
    assert!(
        lists[0].starts_with("/api/v1/namespaces/team-03/configmaps?"),
        "{lists:?}"
    );
    assert_eq!(
        configmaps_by_namespace(&server, "one"),
        [("team-03".to_string(), PER_TEAM)]
    );
}

#[test]
fn a_label_selector_is_sent_with_the_cluster_wide_list() {
    let server = seeded();
    let out = create(
        &server,
        "sel",
        &["--include-namespaces", "team-*", "--selector", "tier=web"],
    );
    assert!(out.status.success());
    let lists = configmap_lists(&server);
    assert_eq!(lists.len(), 1, "{lists:?}");
    assert!(
        lists[0].starts_with("/api/v1/configmaps?")
            && lists[0].contains("labelSelector=tier%3Dweb"),
        "{lists:?}"
    );
    assert_eq!(configmaps_by_namespace(&server, "sel"), teams(1));
}

#[test]
fn a_forbidden_cluster_wide_list_falls_back_to_each_namespace_without_an_error() {
    let server = seeded();
    // The user may list ConfigMaps inside namespaces (RoleBindings), not across the cluster.
    server
        .rbac()
        .add(DenyRule::new("*", "list", "configmaps").cluster_wide_only());
    let out = create(&server, "rbac", &["--include-namespaces", "team-*"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lists = configmap_lists(&server);
    assert!(lists[0].starts_with("/api/v1/configmaps?"), "{lists:?}");
    assert_eq!(
        lists.len(),
        1 + TEAMS,
        "one refused, then one per namespace: {lists:?}"
    );
    let backup: kubectl_backup::snapshot::types::Backup = serde_json::from_slice(
        &std::fs::read(backup_dir(&server, "rbac").join("velero-backup.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(backup.phase(), Some(BackupPhase::Completed));
    assert_eq!(configmaps_by_namespace(&server, "rbac"), teams(PER_TEAM));
}
