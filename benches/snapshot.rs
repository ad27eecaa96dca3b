//! Benchmark for `snapshot create` and `snapshot restore` (client-side) on the benchmark
//! set: 200 namespaces, 20,000 ConfigMaps, 5,000 Secrets, 2,000 Deployments on the fake API
//! server. Measures the built binary as a child process: wall time, items/s and peak RSS
//! (`/usr/bin/time -v`); then does the same work the plain way in the same run (`kubectl get -o
//! json` per type and namespace, `kubectl create -f` of the result into fresh namespaces) and
//! prints the ratios. Set `SNAPSHOT_BENCH_KUBECTL=0` to skip the kubectl half.
//!
//! `cargo bench --bench snapshot` (release) or `cargo bench --profile dev --bench snapshot`.
//! Scale with `SNAPSHOT_BENCH_SCALE=0.1` for a quick run.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use kubectl_backup_testbed::FakeApiServer;
use serde_json::json;

const BIN: &str = env!("CARGO_BIN_EXE_kubectl-backup");

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let scale: f64 = std::env::var("SNAPSHOT_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let namespaces = ((200.0 * scale) as usize).max(1);
    let per_ns = |total: f64| ((total * scale) as usize / namespaces).max(1);
    let (configmaps, secrets, deployments) = (per_ns(20_000.0), per_ns(5_000.0), per_ns(2_000.0));

    let server = FakeApiServer::start_blocking();
    server.set_controllers_enabled(false);
    // kubectl sends no token over plain http.
    server.allow_anonymous(true);
    let store = server.store();
    let seeding = Instant::now();
    let payload = "x".repeat(1024);
    for n in 0..namespaces {
        let ns = format!("bench-{n:03}");
        store.create_namespace(&ns);
        for i in 0..configmaps {
            store
                .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
                    "metadata": {"name": format!("cm-{i:04}"), "namespace": ns, "labels": {"app": "bench", "index": i.to_string()}},
                    "data": {"payload": payload, "index": i.to_string()}}))
                .unwrap();
        }
        for i in 0..secrets {
            store
                .create(json!({"apiVersion": "v1", "kind": "Secret",
                    "metadata": {"name": format!("secret-{i:04}"), "namespace": ns},
                    "type": "Opaque", "data": {"token": "c2VjcmV0LXZhbHVlLWZvci1iZW5jaG1hcmtpbmc="}}))
                .unwrap();
        }
        for i in 0..deployments {
            store
                .create(json!({"apiVersion": "apps/v1", "kind": "Deployment",
                    "metadata": {"name": format!("deploy-{i:04}"), "namespace": ns, "labels": {"app": format!("app-{i}")}},
                    "spec": {"replicas": 2, "selector": {"matchLabels": {"app": format!("app-{i}")}},
                        "template": {"metadata": {"labels": {"app": format!("app-{i}")}},
                            "spec": {"containers": [{"name": "main", "image": "registry.example.com/app:1.2.3",
                                "env": [{"name": "MODE", "value": "production"}],
                                "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}}}]}}}}))
                .unwrap();
        }
    }
    let objects = namespaces * (1 + configmaps + secrets + deployments);
    eprintln!(
        "seeded {objects} objects ({namespaces} namespaces × {configmaps} ConfigMaps, {secrets} Secrets, {deployments} Deployments) in {:.1}s",
        seeding.elapsed().as_secs_f64()
    );

    let create = timed(
        server.command("/usr/bin/time"),
        &["-v", BIN, "snapshot", "create", "bench", "--mode", "client"],
    );
    let tarball = server
        .home_dir()
        .join(".local/share/kubectl-backup/backups/bench/bench.tar.gz");
    let size = std::fs::metadata(&tarball).map(|m| m.len()).unwrap_or(0);
    let summary = create
        .stderr
        .lines()
        .find(|l| l.starts_with("Backup \"bench\""))
        .unwrap_or_default();
    println!("snapshot create: {summary}");
    println!(
        "snapshot create: {objects} objects in {:.2}s wall ({:.0} objects/s), peak RSS {:.1} MiB, tarball {:.1} MiB",
        create.seconds,
        objects as f64 / create.seconds,
        create.peak_kib as f64 / 1024.0,
        size as f64 / (1024.0 * 1024.0)
    );

    // Restore every namespace into a fresh one.
    let mappings = (0..namespaces)
        .map(|n| format!("bench-{n:03}:restored-{n:03}"))
        .collect::<Vec<_>>()
        .join(",");
    let restore = timed(
        server.command("/usr/bin/time"),
        &[
            "-v",
            BIN,
            "snapshot",
            "restore",
            "bench",
            "--restore-name",
            "bench-restore",
            "--namespace-mappings",
            &mappings,
        ],
    );
    let restored_cms = (0..namespaces)
        .map(|n| {
            store
                .list("v1", "ConfigMap", Some(&format!("restored-{n:03}")))
                .len()
        })
        .sum::<usize>();
    assert_eq!(
        restored_cms,
        namespaces * configmaps,
        "every ConfigMap restored"
    );
    let summary = restore
        .stderr
        .lines()
        .find(|l| l.starts_with("Restore \"bench-restore\""))
        .unwrap_or_default();
    println!("snapshot restore: {summary}");
    println!(
        "snapshot restore: {objects} objects in {:.2}s wall ({:.0} objects/s), peak RSS {:.1} MiB",
        restore.seconds,
        objects as f64 / restore.seconds,
        restore.peak_kib as f64 / 1024.0,
    );

    if std::env::var("SNAPSHOT_BENCH_KUBECTL").is_ok_and(|v| v == "0") {
        return;
    }
    let work = tempfile::tempdir().expect("temp dir");
    let kubectl_create = kubectl_export(&server, namespaces, work.path());
    let kubectl_restore = kubectl_import(&server, namespaces, work.path());
    let kubectl_cms = (0..namespaces)
        .map(|n| {
            store
                .list("v1", "ConfigMap", Some(&format!("kubectl-{n:03}")))
                .len()
        })
        .sum::<usize>();
    assert_eq!(
        kubectl_cms,
        namespaces * configmaps,
        "kubectl restored every ConfigMap"
    );
    for (what, ours, theirs) in [
        ("create", &create, &kubectl_create),
        ("restore", &restore, &kubectl_restore),
    ] {
        println!(
            "kubectl {what}: {objects} objects in {:.2}s wall ({:.0} objects/s), peak RSS of one kubectl {:.1} MiB; kubectl-backup is {:.1}x faster",
            theirs.seconds,
            objects as f64 / theirs.seconds,
            theirs.peak_kib as f64 / 1024.0,
            theirs.seconds / ours.seconds,
        );
    }
}

struct Timing {
    seconds: f64,
    peak_kib: u64,
    stdout: Vec<u8>,
    stderr: String,
}

/// Runs `/usr/bin/time -v …` and reads the peak RSS from its report.
fn timed(mut command: Command, args: &[&str]) -> Timing {
    let started = Instant::now();
    let output = command.args(args).output().expect("run /usr/bin/time");
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{args:?} failed:\n{stderr}");
    let peak_kib = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse().ok())
        .expect("peak RSS in /usr/bin/time output");
    Timing {
        seconds,
        peak_kib,
        stdout: output.stdout,
        stderr,
    }
}

const TYPES: [&str; 3] = ["configmaps", "secrets", "deployments"];

/// The plain way to back up: `kubectl get TYPE -n NS -o json` for every type and namespace.
fn kubectl_export(server: &FakeApiServer, namespaces: usize, dir: &Path) -> Timing {
    let started = Instant::now();
    let mut peak_kib = 0;
    for n in 0..namespaces {
        let ns = format!("bench-{n:03}");
        for kind in TYPES {
            let run = timed(
                server.command("/usr/bin/time"),
                &[
                    "-v",
                    "/usr/bin/kubectl",
                    "get",
                    kind,
                    "-n",
                    &ns,
                    "-o",
                    "json",
                ],
            );
            peak_kib = peak_kib.max(run.peak_kib);
            std::fs::write(dir.join(format!("{ns}-{kind}.json")), &run.stdout).unwrap();
        }
    }
    Timing {
        seconds: started.elapsed().as_secs_f64(),
        peak_kib,
        stdout: Vec::new(),
        stderr: String::new(),
    }
}

/// The plain way to restore: strip what the server owns, point the items at a fresh namespace,
/// `kubectl create -f` each file.
fn kubectl_import(server: &FakeApiServer, namespaces: usize, dir: &Path) -> Timing {
    let started = Instant::now();
    let mut peak_kib = 0;
    for n in 0..namespaces {
        let (source, target) = (format!("bench-{n:03}"), format!("kubectl-{n:03}"));
        for kind in TYPES {
            let path = dir.join(format!("{source}-{kind}.json"));
            let mut list: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            for item in list["items"].as_array_mut().unwrap() {
                let metadata = item["metadata"].as_object_mut().unwrap();
                for field in [
                    "uid",
                    "resourceVersion",
                    "creationTimestamp",
                    "generation",
                    "managedFields",
                ] {
                    metadata.remove(field);
                }
                metadata.insert("namespace".into(), json!(target));
                item.as_object_mut().unwrap().remove("status");
            }
            if kind == TYPES[0] {
                // `kubectl create namespace` sends protobuf, which the test server does not
                // speak; the namespace goes first in the first file instead.
                let namespace =
                    json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": target}});
                list["items"].as_array_mut().unwrap().insert(0, namespace);
            }
            let out = dir.join(format!("{target}-{kind}.json"));
            std::fs::write(&out, serde_json::to_vec(&list).unwrap()).unwrap();
            let run = timed(
                server.command("/usr/bin/time"),
                &[
                    "-v",
                    "/usr/bin/kubectl",
                    "create",
                    // The test server serves no OpenAPI document to validate against.
                    "--validate=false",
                    "-f",
                    out.to_str().unwrap(),
                ],
            );
            peak_kib = peak_kib.max(run.peak_kib);
        }
    }
    Timing {
        seconds: started.elapsed().as_secs_f64(),
        peak_kib,
        stdout: Vec::new(),
        stderr: String::new(),
    }
}
