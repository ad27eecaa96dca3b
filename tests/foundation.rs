//! The plugin's own cluster access, end to end: each kubectl global flag changes what the real
//! binary sends to the fake API server; `version`, `doctor` and `completion` report what the
//! server offers, on the fake and on a real Kubernetes (`cargo test --test foundation real`).

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use kubectl_backup_testbed::apiserver::{ADMIN_TOKEN, Fault, FaultRule, KubeconfigBuilder};
use kubectl_backup_testbed::{FakeApiServer, TestCluster, on_both_backends};
use serde_json::{Value, json};

use common::BIN;
use common::cli::{ok, run, stderr, stdout};

mod common;

const UNREACHABLE: &str = "http://127.0.0.1:1";

/// Runs the binary with `KUBECONFIG` pointing at `kubeconfig` instead of the test server's own.
fn run_with_kubeconfig(
    srv: &FakeApiServer,
    kubeconfig: impl AsRef<std::ffi::OsStr>,
    args: &[&str],
) -> Output {
    srv.command(BIN)
        .env("KUBECONFIG", kubeconfig)
        .args(args)
        .output()
        .expect("run kubectl-backup")
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

/// A kubeconfig whose current context points nowhere, plus a `good` context, cluster and user
/// that reach the test server: a flag that is ignored leaves the command on the broken default.
fn two_way_kubeconfig(srv: &FakeApiServer, path: &Path) {
    srv.kubeconfig_builder()
        .cluster("broken", UNREACHABLE)
        .user("nobody", "wrong-token")
        .context("broken", "broken", "nobody", Some("nowhere"))
        .context("good", "testbed", "testbed", Some("team-a"))
        .current_context("broken")
        .write(path)
        .unwrap();
}

fn ssar_namespaces(srv: &FakeApiServer) -> Vec<String> {
    srv.requests()
        .iter()
        .filter(|r| r.path.ends_with("/selfsubjectaccessreviews"))
        .filter_map(|r| r.body_json())
        .filter_map(|b| {
            b["spec"]["resourceAttributes"]["namespace"]
                .as_str()
                .map(String::from)
        })
        .collect()
}

/// The plugin on either backend: `KUBECONFIG` and `HOME` of this test.
fn run_on(cluster: &TestCluster, args: &[&str]) -> Output {
    cluster
        .command(BIN)
        .args(args)
        .output()
        .expect("run kubectl-backup")
}

on_both_backends! {
    fn version_reports_client_and_server(cluster) {
        let out = run_on(cluster, &["version", "-o", "json"]);
        ok(&out);
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(v["clientVersion"]["version"], env!("CARGO_PKG_VERSION"));
        let server = v["serverVersion"]["gitVersion"].as_str().unwrap().to_string();
        let expected = if cluster.is_real() { "v1.36." } else { "v1.34." };
        assert!(server.starts_with(expected), "{server}");
        let out = run_on(cluster, &["version"]);
        ok(&out);
        assert!(
            stdout(&out).contains(&format!("Server Version: {server}")),
            "{}",
            stdout(&out)
        );
        // --client asks nothing of the server: it works with no cluster at all.
        let out = run_on(cluster, &["version", "--client", "--server", UNREACHABLE]);
        ok(&out);
        assert!(!stdout(&out).contains("Server Version"), "{}", stdout(&out));
    }
}

on_both_backends! {
    fn output_yaml_is_yaml(cluster) {
        let out = run_on(cluster, &["version", "-o", "yaml"]);
        ok(&out);
        let v: Value = serde_saphyr::from_str(&stdout(&out)).unwrap();
        assert!(v["serverVersion"]["gitVersion"].is_string());
        assert!(!stdout(&out).trim_start().starts_with('{'));
    }
}

on_both_backends! {
    fn unreachable_cluster_is_one_line_naming_the_server(cluster) {
        let out = run_on(cluster, &["version", "--server", UNREACHABLE]);
        assert!(!out.status.success());
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(
            err.contains("127.0.0.1:1") && err.to_lowercase().contains("connection refused"),
            "{err}"
        );
    }
}

on_both_backends! {
    fn kubeconfig_flag_is_used_instead_of_the_environment(cluster) {
        let custom = cluster.temp_dir().join("custom-config");
        std::fs::copy(cluster.kubeconfig_path(), &custom).unwrap();
        let broken = cluster.temp_dir().join("broken-config");
        KubeconfigBuilder::new()
            .cluster("broken", UNREACHABLE)
            .user("u", ADMIN_TOKEN)
            .context("broken", "broken", "u", None)
            .current_context("broken")
            .write(&broken)
            .unwrap();
        let out = cluster
            .command(BIN)
            .env("KUBECONFIG", &broken)
            .args(["version", "--kubeconfig"])
            .arg(&custom)
            .output()
            .unwrap();
        ok(&out);
        let out = cluster
            .command(BIN)
            .env("KUBECONFIG", &broken)
            .arg("version")
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "the broken KUBECONFIG must fail without --kubeconfig"
        );
    }
}

#[test]
fn kubeconfig_env_with_several_paths_is_merged() {
    let srv = FakeApiServer::start_blocking();
    let dir = srv.temp_dir();
    let clusters = dir.join("clusters.yaml");
    let contexts = dir.join("contexts.yaml");
    write(
        &clusters,
        &format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {{server: '{}'}}\n\
             users:\n- name: u\n  user: {{token: {ADMIN_TOKEN}}}\n",
            srv.url()
        ),
    );
    write(
        &contexts,
        "apiVersion: v1\nkind: Config\ncontexts:\n- name: merged\n  context: {cluster: c, user: u, namespace: merged-ns}\n\
         current-context: merged\n",
    );
    let joined = format!("{}:{}", contexts.display(), clusters.display());
    let out = run_with_kubeconfig(&srv, &joined, &["doctor", "-o", "json"]);
    ok(&out);
    assert!(
        ssar_namespaces(&srv)
            .iter()
            .all(|ns| ns == "merged-ns" || ns == "kube-system")
    );
    assert!(ssar_namespaces(&srv).iter().any(|ns| ns == "merged-ns"));
}

#[test]
fn context_flag_selects_the_context_and_its_namespace() {
    let srv = FakeApiServer::start_blocking();
    let path = srv.temp_dir().join("two-way");
    two_way_kubeconfig(&srv, &path);
    let out = run_with_kubeconfig(&srv, &path, &["version"]);
    assert!(!out.status.success(), "current context is broken");
    let out = run_with_kubeconfig(&srv, &path, &["doctor", "-o", "json", "--context", "good"]);
    ok(&out);
    assert!(
        ssar_namespaces(&srv).iter().any(|ns| ns == "team-a"),
        "-n defaults to the context's namespace"
    );
}

#[test]
fn namespace_flag_overrides_the_context_namespace() {
    let srv = FakeApiServer::start_blocking();
    let out = run(&srv, &["doctor", "-o", "json", "-n", "team-b"]);
    ok(&out);
    let namespaces = ssar_namespaces(&srv);
    assert!(namespaces.iter().any(|ns| ns == "team-b"), "{namespaces:?}");
    assert!(
        !namespaces.iter().any(|ns| ns == "default"),
        "{namespaces:?}"
    );
}

#[test]
fn cluster_and_user_flags_override_the_context() {
    let srv = FakeApiServer::start_blocking();
    srv.add_token("alice-token", "alice", &[]);
    let path = srv.temp_dir().join("cluster-user");
    srv.kubeconfig_builder()
        .cluster("broken", UNREACHABLE)
        .user("alice", "alice-token")
        .context("current", "broken", "testbed", None)
        .current_context("current")
        .write(&path)
        .unwrap();
    let out = run_with_kubeconfig(&srv, &path, &["version"]);
    assert!(!out.status.success());
    srv.clear_requests();
    let out = run_with_kubeconfig(
        &srv,
        &path,
        &["version", "--cluster", "testbed", "--user", "alice"],
    );
    ok(&out);
    assert!(srv.requests().iter().any(|r| r.user == "alice"));
}

#[test]
fn server_and_token_flags_override_the_kubeconfig() {
    let srv = FakeApiServer::start_blocking();
    srv.add_token("bob-token", "bob", &[]);
    let path = srv.temp_dir().join("broken-only");
    KubeconfigBuilder::new()
        .cluster("broken", UNREACHABLE)
        .user("u", "some-other-token")
        .context("broken", "broken", "u", None)
        .current_context("broken")
        .write(&path)
        .unwrap();
    let out = run_with_kubeconfig(
        &srv,
        &path,
        &["doctor", "--server", srv.url(), "--token", "bob-token"],
    );
    ok(&out);
    let users: Vec<String> = srv.requests().iter().map(|r| r.user.clone()).collect();
    assert!(
        !users.is_empty() && users.iter().all(|u| u == "bob"),
        "{users:?}"
    );
}

#[test]
fn as_and_as_group_impersonate() {
    let srv = FakeApiServer::start_blocking();
    let out = run(
        &srv,
        &["version", "--as", "carol", "--as-group", "auditors"],
    );
    ok(&out);
    let req = srv
        .requests()
        .into_iter()
        .find(|r| r.path == "/version")
        .unwrap();
    assert_eq!(req.header("impersonate-user"), Some("carol"));
    assert_eq!(req.headers_named("impersonate-group"), ["auditors"]);
}

#[test]
fn impersonated_user_without_permissions_is_reported_by_doctor() {
    let srv = FakeApiServer::start_blocking();
    srv.rbac().deny("dave", "create", "pods");
    srv.rbac().deny("dave", "list", "*");
    let out = run(&srv, &["doctor", "-o", "json", "--as", "dave"]);
    ok(&out);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let snapshots = report["capabilities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "snapshots")
        .unwrap();
    assert_eq!(snapshots["allowed"], false);
    assert_eq!(snapshots["missing"], json!(["list *.*"]));
    let actionsets = report["capabilities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "actionsets")
        .unwrap();
    assert_eq!(actionsets["missing"][0], "create pods in default");
    let out = run(&srv, &["doctor", "-o", "json"]);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        report["capabilities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["allowed"] == true)
    );
}

#[test]
fn request_timeout_bounds_each_request() {
    let srv = FakeApiServer::start_blocking();
    srv.faults().set_latency(Duration::from_millis(1500));
    let out = run(&srv, &["version", "--request-timeout", "300ms"]);
    assert!(!out.status.success(), "a 300ms limit must not wait 1.5s");
    assert!(stderr(&out).contains(srv.url()), "{}", stderr(&out));
    let out = run(&srv, &["version", "--request-timeout", "10s"]);
    ok(&out);
}

#[test]
fn verbose_shows_api_requests_on_stderr() {
    let srv = FakeApiServer::start_blocking();
    let quiet = run(&srv, &["version"]);
    ok(&quiet);
    assert!(!stderr(&quiet).contains("/version"));
    let loud = run(&srv, &["version", "-v"]);
    ok(&loud);
    let err = stderr(&loud);
    assert!(
        err.contains("GET") && err.contains(&format!("{}/version", srv.url())),
        "{err}"
    );
}

#[test]
fn throttled_requests_are_retried_after_the_servers_delay() {
    let srv = FakeApiServer::start_blocking();
    srv.faults().throttle(2, 1);
    let out = run(&srv, &["version"]);
    ok(&out);
    let tries = srv
        .requests()
        .iter()
        .filter(|r| r.path == "/version")
        .count();
    assert_eq!(tries, 3, "two 429s, then success");
}

#[test]
fn reads_are_retried_after_a_passing_server_error_and_writes_are_not() {
    let srv = FakeApiServer::start_blocking();
    srv.faults().server_errors(2);
    let out = run(&srv, &["version"]);
    ok(&out);
    let tries = srv
        .requests()
        .iter()
        .filter(|r| r.path == "/version")
        .count();
    assert_eq!(tries, 3, "two 500s on a GET, then success");

    // A 500 on a create may come after the object was stored: never repeat it.
    srv.store().create_namespace("team");
    srv.faults().add(
        FaultRule::new(Fault::ServerError { code: 500 })
            .method("POST")
            .times(1),
    );
    let path = srv.temp_dir().to_str().unwrap().to_string();
    let out = run(
        &srv,
        &[
            "profile", "create", "local", "--path", &path, "--name", "disk", "-n", "team",
        ],
    );
    assert!(!out.status.success(), "{}", stderr(&out));
    let posts = srv.requests().iter().filter(|r| r.method == "POST").count();
    assert_eq!(posts, 1, "{:?}", srv.requests());
}

#[test]
fn server_errors_are_reported_with_code_and_server() {
    let srv = FakeApiServer::start_blocking();
    srv.faults().server_errors(50);
    let out = run(&srv, &["doctor"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains(srv.url()) && err.contains("500"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

/// The upstream CRD files (controller-gen output) continue quoted descriptions in a way go-yaml
/// accepts and YAML 1.2 parsers refuse; doctor needs only the served resources, so these carry
/// the upstream names without the schema text.
fn served_crd(group: &str, version: &str, kind: &str, plural: &str) -> Value {
    json!({
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": {"name": format!("{plural}.{group}")},
        "spec": {"group": group, "scope": "Namespaced",
            "names": {"kind": kind, "plural": plural, "singular": kind.to_lowercase(), "listKind": format!("{kind}List")},
            "versions": [{"name": version, "served": true, "storage": true,
                "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}]}
    })
}

fn available_deployment(srv: &FakeApiServer, namespace: &str, name: &str, labels: Value) {
    srv.store().create_namespace(namespace);
    srv.store()
        .create(json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": name, "namespace": namespace, "labels": labels.clone()},
            "spec": {"replicas": 1, "selector": {"matchLabels": labels.clone()},
                     "template": {"metadata": {"labels": labels},
                                  "spec": {"containers": [{"name": "c", "image": "x", "command": ["sleep", "600"]}]}}}
        }))
        .unwrap();
    srv.store()
        .modify("apps/v1", "Deployment", Some(namespace), name, |d| {
            d["status"] = json!({"replicas": 1, "availableReplicas": 1,
                "conditions": [{"type": "Available", "status": "True"}]});
        })
        .unwrap();
}

fn doctor_json(srv: &FakeApiServer) -> Value {
    let out = run(srv, &["doctor", "-o", "json"]);
    ok(&out);
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn mode_of(report: &Value, capability: &str) -> String {
    report["capabilities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == capability)
        .unwrap()["mode"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Whether the cluster serves a CRD: on a real cluster that a CI job shares between test
/// binaries, another binary may have installed Kanister's or Velero's.
fn has_crd(cluster: &TestCluster, name: &str) -> bool {
    cluster
        .objects()
        .get(
            "apiextensions.k8s.io/v1",
            "CustomResourceDefinition",
            None,
            name,
        )
        .is_some()
}

on_both_backends! {
    fn doctor_without_kanister_or_velero_runs_everything_client_side(cluster) {
        let kanister = has_crd(cluster, "actionsets.cr.kanister.io");
        let velero = has_crd(cluster, "backups.velero.io");
        assert!(
            cluster.is_real() || (!kanister && !velero),
            "the fake starts without CRDs"
        );
        let out = run_on(cluster, &["doctor", "-o", "json"]);
        ok(&out);
        let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(report["kanister"]["crdsInstalled"], kanister);
        assert_eq!(report["velero"]["crdsInstalled"], velero);
        let version = report["serverVersion"].as_str().unwrap();
        assert!(
            version.starts_with(if cluster.is_real() { "v1.36." } else { "v1.34." }),
            "{version}"
        );
        // Nothing runs a Kanister controller or Velero here: everything is client-side, and
        // the admin may do all of it.
        assert!(report["kanister"]["controller"].is_null(), "{report}");
        assert!(report["velero"]["server"].is_null(), "{report}");
        let capabilities = report["capabilities"].as_array().unwrap();
        let names: Vec<&str> = capabilities
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            ["profiles", "blueprints", "actionsets", "snapshots", "etcd (--from-cluster)"]
        );
        for capability in capabilities {
            assert_eq!(capability["allowed"], true, "{capability}");
            assert_eq!(capability["missing"], json!([]), "{capability}");
        }
        assert_eq!(mode_of(&report, "actionsets"), "client-side");
        assert_eq!(mode_of(&report, "snapshots"), "client-side");
        if !kanister {
            assert_eq!(mode_of(&report, "blueprints"), "client-side");
        }

        let out = run_on(cluster, &["doctor"]);
        ok(&out);
        let table = stdout(&out);
        let api_line = table
            .lines()
            .find(|l| l.starts_with("API server"))
            .unwrap_or_else(|| panic!("{table}"));
        assert!(api_line.contains(version), "{table}");
        let kanister_line = table
            .lines()
            .find(|l| l.starts_with("Kanister CRDs"))
            .unwrap_or_else(|| panic!("{table}"));
        assert!(
            kanister_line.ends_with(if kanister { "yes" } else { "no" }),
            "{table}"
        );
        assert!(table.contains("client-side"), "{table}");
    }
}

#[test]
fn doctor_finds_kanister_and_velero_and_picks_controller_mode() {
    let srv = FakeApiServer::start_blocking();
    srv.set_controllers_enabled(false);
    for (kind, plural) in [
        ("ActionSet", "actionsets"),
        ("Blueprint", "blueprints"),
        ("Profile", "profiles"),
    ] {
        srv.install_crd(served_crd("cr.kanister.io", "v1alpha1", kind, plural))
            .unwrap();
    }
    // CRDs alone: no controller yet, so ActionSets stay client-side.
    let report = doctor_json(&srv);
    assert_eq!(report["kanister"]["crdsInstalled"], true);
    assert_eq!(mode_of(&report, "actionsets"), "client-side");

    available_deployment(
        &srv,
        "kanister",
        "kanister-kanister-operator",
        json!({"app": "kanister-operator"}),
    );
    for (kind, plural) in [
        ("Backup", "backups"),
        ("BackupStorageLocation", "backupstoragelocations"),
        ("Restore", "restores"),
    ] {
        srv.install_crd(served_crd("velero.io", "v1", kind, plural))
            .unwrap();
    }
    available_deployment(&srv, "velero", "velero", json!({"component": "velero"}));
    srv.store()
        .create(
            json!({"apiVersion": "velero.io/v1", "kind": "BackupStorageLocation",
            "metadata": {"name": "default", "namespace": "velero"},
            "spec": {"provider": "aws", "default": true, "objectStorage": {"bucket": "b"}},
            "status": {"phase": "Unavailable"}}),
        )
        .unwrap();
    let report = doctor_json(&srv);
    assert_eq!(report["kanister"]["controller"]["available"], true);
    assert_eq!(report["kanister"]["controller"]["namespace"], "kanister");
    assert_eq!(mode_of(&report, "actionsets"), "controller");
    assert_eq!(
        report["velero"]["storageLocations"][0]["phase"],
        "Unavailable"
    );
    assert_eq!(
        mode_of(&report, "snapshots"),
        "client-side",
        "no Available location yet"
    );

    srv.store()
        .modify(
            "velero.io/v1",
            "BackupStorageLocation",
            Some("velero"),
            "default",
            |b| {
                b["status"]["phase"] = json!("Available");
            },
        )
        .unwrap();
    let report = doctor_json(&srv);
    assert_eq!(mode_of(&report, "snapshots"), "controller");
    let table = stdout(&run(&srv, &["doctor"]));
    assert!(
        table.contains("Velero location velero/default") && table.contains("Available (default)"),
        "{table}"
    );
}

/// Runs the binary on a pseudo-terminal (util-linux `script`), as a person at a terminal would.
fn on_terminal(args: &str, data_home: &Path) -> Option<String> {
    let script = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| Path::new(p).exists())?;
    let out = std::process::Command::new(script)
        .args(["-qefc", &format!("{BIN} {args}"), "/dev/null"])
        .env("XDG_DATA_HOME", data_home)
        .env_remove("KUBECONFIG")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn no_progress_turns_off_the_progress_bar_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("payload");
    std::fs::write(&file, vec![7u8; 3 * 1024 * 1024]).unwrap();
    let push = |extra: &str, key: &str| {
        on_terminal(
            &format!("location push {extra} --path {key} {}", file.display()),
            &dir.path().join("data"),
        )
    };
    let Some(with_bar) = push("", "a") else {
        kubectl_backup_testbed::skip::skipped(
            "no_progress_turns_off_the_progress_bar_on_a_terminal",
            "util-linux `script` is not installed; no pseudo-terminal to test on",
        );
        return;
    };
    assert!(
        with_bar.contains("B/s"),
        "a terminal gets a progress bar with a rate:\n{with_bar}"
    );
    let without = push("--no-progress", "b").unwrap();
    assert!(
        !without.contains("B/s") && !without.contains("\x1b[2K"),
        "--no-progress must draw no bar:\n{without:?}"
    );
    assert!(without.contains("pushed"), "{without:?}");
}

/// The same binary, linked under the name kubectl runs for plugin completion.
fn completer(cluster: &TestCluster) -> std::process::Command {
    let link = cluster.temp_dir().join("kubectl_complete-backup");
    if !link.exists() {
        std::os::unix::fs::symlink(BIN, &link).unwrap();
    }
    cluster.command(link)
}

on_both_backends! {
    fn completion_scripts_and_namespace_completion(cluster) {
        // The scripts are static: the same as the checked-in ones, whatever the cluster.
        for shell in ["bash", "zsh", "fish"] {
            let out = run_on(cluster, &["completion", shell]);
            ok(&out);
            let checked_in = std::fs::read(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(format!("completions/kubectl-backup.{shell}")),
            )
            .unwrap();
            assert!(out.stdout == checked_in, "completion {shell} differs from completions/");
        }
        let out = run_on(cluster, &["completion", "tcsh"]);
        assert!(!out.status.success());

        // `-n` completes from the namespaces the cluster serves, filtered by the prefix.
        let namespace = cluster.namespace("completion");
        // A prefix only this namespace has (on the real cluster, an earlier run's namespace may
        // still be terminating).
        let prefix = &namespace[..namespace.len() - 2];
        let out = completer(cluster)
            .args(["doctor", "-n", prefix])
            .output()
            .unwrap();
        ok(&out);
        assert_eq!(stdout(&out), format!("{namespace}\n:4\n"));
        let out = completer(cluster).args(["doctor", "-n", ""]).output().unwrap();
        ok(&out);
        let listed: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
        for expected in ["default", "kube-system", namespace.as_str(), ":4"] {
            assert!(listed.iter().any(|l| l == expected), "{expected}: {listed:?}");
        }
    }
}
