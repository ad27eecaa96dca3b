//! The plugin as kubectl and krew see it: checked-in completion scripts, the krew manifest,
//! kubectl's plugin discovery and its `__complete` protocol.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_kubectl-backup");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("run kubectl-backup")
}

#[test]
fn checked_in_completion_scripts_match_the_binary() {
    for shell in ["bash", "zsh", "fish"] {
        let generated = run(&["completion", shell]);
        assert!(generated.status.success(), "completion {shell} failed");
        let path = repo().join(format!("completions/kubectl-backup.{shell}"));
        let checked_in = std::fs::read(&path).unwrap_or_default();
        assert!(
            generated.stdout == checked_in,
            "{} is stale: regenerate with `cargo run -q -- completion {shell} > {}`",
            path.display(),
            path.display()
        );
    }
}

#[test]
fn unknown_flags_and_commands_are_refused() {
    let out = run(&["version", "--client", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--no-such-flag"));
    let out = run(&["no-such-command"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_names_the_command_as_kubectl_users_type_it() {
    let out = run(&["--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: kubectl backup"));
}

#[test]
fn version_client_needs_no_cluster() {
    let out = Command::new(BIN)
        .args(["version", "--client", "-o", "json"])
        .env("KUBECONFIG", "/nonexistent")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["clientVersion"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(v.get("serverVersion").is_none());
}

#[test]
fn krew_manifest_follows_the_krew_rules() {
    let text = std::fs::read_to_string(repo().join("krew/backup.yaml")).unwrap();
    let m: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    assert_eq!(
        m["apiVersion"],
        "krew.googlecontainertools.github.com/v1alpha2"
    );
    assert_eq!(m["kind"], "Plugin");
    assert_eq!(
        m["metadata"]["name"], "backup",
        "name must equal the file name"
    );
    let version = m["spec"]["version"].as_str().unwrap();
    assert_eq!(version, format!("v{}", env!("CARGO_PKG_VERSION")));
    assert!(
        m["spec"]["homepage"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    assert!(!m["spec"]["shortDescription"].as_str().unwrap().is_empty());
    let description = m["spec"]["description"].as_str().unwrap();
    assert!(
        !description.replace("--help", "").contains("--"),
        "krew descriptions must not list flags (pointing to --help is fine)"
    );
    let platforms = m["spec"]["platforms"].as_array().unwrap();
    let mut seen = Vec::new();
    for p in platforms {
        let labels = &p["selector"]["matchLabels"];
        let os = labels["os"].as_str().unwrap();
        let arch = labels["arch"].as_str().unwrap();
        seen.push(format!("{os}/{arch}"));
        let uri = p["uri"].as_str().unwrap();
        assert!(uri.ends_with(".tar.gz") && uri.contains(version), "{uri}");
        let sha = p["sha256"].as_str().unwrap();
        let is_digest = sha.len() == 64
            && sha
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase());
        // darwin archives need Apple's frameworks to link, so only a macOS builder can make them;
        // until one has, scripts/release marks them with a value krew refuses (never a made-up digest).
        let marked_missing =
            os == "darwin" && sha == format!("MISSING-build-{os}-{arch}-then-run-scripts/release");
        assert!(
            is_digest || marked_missing,
            "{os}/{arch}: sha256 must be 64 lowercase hex digits, got {sha:?} (run scripts/release)"
        );
        assert_eq!(p["bin"], "./kubectl-backup");
        let files: Vec<&str> = p["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["from"].as_str().unwrap())
            .collect();
        assert!(files.contains(&"kubectl-backup") && files.contains(&"LICENSE"));
    }
    seen.sort();
    assert_eq!(
        seen,
        ["darwin/amd64", "darwin/arm64", "linux/amd64", "linux/arm64"]
    );
}

/// A directory holding the plugin and its completion helper under the names kubectl looks for.
fn plugin_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["kubectl-backup", "kubectl_complete-backup"] {
        std::os::unix::fs::symlink(BIN, dir.path().join(name)).unwrap();
    }
    dir
}

fn kubectl(dir: &Path, args: &[&str]) -> Option<std::process::Output> {
    kubectl_with_config(dir, args, &dir.join("no-kubeconfig"))
}

fn kubectl_with_config(
    dir: &Path,
    args: &[&str],
    kubeconfig: &Path,
) -> Option<std::process::Output> {
    let kubectl = which("kubectl")?;
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Some(
        Command::new(kubectl)
            .args(args)
            .env("PATH", path)
            .env("KUBECONFIG", kubeconfig)
            .output()
            .unwrap(),
    )
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
}

#[test]
fn kubectl_discovers_the_plugin() {
    let dir = plugin_dir();
    let Some(out) = kubectl(dir.path(), &["backup", "--help"]) else {
        kubectl_backup_testbed::skip::skipped(
            "kubectl_discovers_the_plugin",
            "kubectl is not installed",
        );
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: kubectl backup"));
    let list = kubectl(dir.path(), &["plugin", "list"]).unwrap();
    assert!(String::from_utf8_lossy(&list.stdout).contains("kubectl-backup"));
}

#[test]
fn kubectl_completes_plugin_subcommands_and_flags() {
    let dir = plugin_dir();
    let Some(out) = kubectl(dir.path(), &["__complete", "backup", "doc"]) else {
        kubectl_backup_testbed::skip::skipped(
            "plugin completion through kubectl",
            "kubectl is not installed",
        );
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.lines().any(|l| l.starts_with("doctor\t")),
        "{stdout}"
    );
    assert!(
        !stdout.contains("version"),
        "kubectl does not filter: we must\n{stdout}"
    );
    assert_eq!(stdout.lines().last(), Some(":4"));
    let out = kubectl(dir.path(), &["__complete", "backup", "version", "--req"]).unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("--request-timeout"));
}

#[test]
fn kubectl_completes_context_names_from_the_kubeconfig() {
    let dir = plugin_dir();
    let kubeconfig = dir.path().join("config");
    std::fs::write(
        &kubeconfig,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c1\n  cluster: {server: 'http://127.0.0.1:1'}\n\
         contexts:\n- name: dev\n  context: {cluster: c1, user: u1}\n- name: prod\n  context: {cluster: c1, user: u1}\n\
         users:\n- name: u1\n  user: {token: abc}\ncurrent-context: dev\n",
    )
    .unwrap();
    let Some(out) = kubectl_with_config(
        dir.path(),
        &["__complete", "backup", "doctor", "--context", "p"],
        &kubeconfig,
    ) else {
        kubectl_backup_testbed::skip::skipped(
            "plugin completion through kubectl",
            "kubectl is not installed",
        );
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout, "prod\n:4\n");
}

/// One `[[package]]` of Cargo.lock: its dependencies as the lock writes them (`name`, or
/// `name version` when several versions of that name are locked).
struct Locked {
    name: String,
    version: String,
    dependencies: Vec<String>,
}

fn lockfile() -> Vec<Locked> {
    let text = std::fs::read_to_string(repo().join("Cargo.lock")).unwrap();
    let quoted = |line: &str| {
        line.trim()
            .trim_end_matches(',')
            .trim_matches('"')
            .to_string()
    };
    let mut packages: Vec<Locked> = Vec::new();
    let mut in_dependencies = false;
    for line in text.lines() {
        if line == "[[package]]" {
            packages.push(Locked {
                name: String::new(),
                version: String::new(),
                dependencies: Vec::new(),
            });
            in_dependencies = false;
        } else if let Some(package) = packages.last_mut() {
            if let Some(name) = line.strip_prefix("name = ") {
                package.name = quoted(name);
            } else if let Some(version) = line.strip_prefix("version = ") {
                package.version = quoted(version);
            } else if line == "dependencies = [" {
                in_dependencies = true;
            } else if line == "]" {
                in_dependencies = false;
            } else if in_dependencies {
                package.dependencies.push(quoted(line));
            }
        }
    }
    packages
}

/// The keys of one dependency table of Cargo.toml (`[dependencies]`, `[dev-dependencies]`), with
/// their specifications.
fn manifest_table(table: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(repo().join("Cargo.toml")).unwrap();
    let header = format!("[{table}]");
    text.lines()
        .skip_while(|line| *line != header)
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(name, spec)| (name.trim().to_string(), spec.to_string()))
        .collect()
}

/// `(name, version)` of every locked package the release binary may link: all that
/// kubectl-backup reaches through the lock, except through its dev-only dependencies.
fn release_packages() -> std::collections::BTreeSet<(String, String)> {
    let lock = lockfile();
    let normal: Vec<String> = manifest_table("dependencies")
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let dev_only: Vec<String> = manifest_table("dev-dependencies")
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| !normal.contains(name))
        .collect();
    let find = |reference: &str| -> &Locked {
        let (name, version) = reference.split_once(' ').unwrap_or((reference, ""));
        lock.iter()
            .find(|p| p.name == name && (version.is_empty() || p.version == version))
            .unwrap_or_else(|| panic!("Cargo.lock names {reference} but does not lock it"))
    };
    let root = find("kubectl-backup");
    let mut seen = std::collections::BTreeSet::new();
    let mut todo: Vec<&Locked> = root
        .dependencies
        .iter()
        .filter(|d| !dev_only.contains(&d.split(' ').next().unwrap().to_string()))
        .map(|d| find(d))
        .collect();
    while let Some(package) = todo.pop() {
        if seen.insert((package.name.clone(), package.version.clone())) {
            todo.extend(package.dependencies.iter().map(|d| find(d)));
        }
    }
    seen
}

#[test]
fn building_needs_no_protoc_and_no_grpc_server() {
    // etcd-client generated its gRPC code with prost-build, which runs `protoc`, and brought
    // tonic's server side (axum) for a client; src/etcd/grpc is our own client instead.
    let locked: Vec<String> = lockfile().into_iter().map(|p| p.name).collect();
    for name in [
        "etcd-client",
        "prost-build",
        "tonic-build",
        "tonic-prost-build",
        "protoc-bin-vendored",
        "protobuf-src",
        "axum",
    ] {
        assert!(
            !locked.contains(&name.to_string()),
            "Cargo.lock has {name}: the build must not need protoc or a gRPC server"
        );
    }
    let release = release_packages();
    assert!(
        release.iter().any(|(name, _)| name == "hyper"),
        "the walk of the lock found the etcd client's HTTP/2 stack: {release:?}"
    );
}

#[test]
fn the_release_binary_links_one_version_of_each_hash_and_random_crate() {
    let release = release_packages();
    for name in ["sha1", "sha2", "digest", "rand", "rand_core"] {
        let versions: Vec<&String> = release
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v)
            .collect();
        assert!(
            versions.len() <= 1,
            "{name} is linked in {} versions ({versions:?}): move our dependency to the one \
             kube and rusty-s3 use",
            versions.len()
        );
    }
}

#[test]
fn kube_runtime_is_only_for_tests_and_benches() {
    // kube's `runtime` feature (watchers, reflectors, controllers) is a build cost the plugin
    // does not use; the test bed and the benches that need it enable it for themselves.
    let (_, kube) = manifest_table("dependencies")
        .into_iter()
        .find(|(name, _)| name == "kube")
        .expect("kube is a dependency");
    assert!(
        !kube.contains("\"runtime\""),
        "kube's runtime feature is on for the binary: {kube}"
    );
}

#[test]
fn a_fresh_machine_needs_no_extra_linker() {
    // `cargo install --locked --path .` must work with rustup and a C compiler alone: a linker
    // override (mold, lld) belongs in CI's environment (.ci/run), not in the project's config.
    let Ok(config) = std::fs::read_to_string(repo().join(".cargo/config.toml")) else {
        return;
    };
    for line in config.lines().filter(|l| !l.trim_start().starts_with('#')) {
        assert!(
            !line.contains("fuse-ld") && !line.trim_start().starts_with("linker"),
            ".cargo/config.toml forces a linker a fresh machine may not have: {line}"
        );
    }
}
