//! Benchmark for `snapshot create` (client-side) on the benchmark set: 200 namespaces,
//! 20,000 ConfigMaps, 5,000 Secrets, 2,000 Deployments on the fake API server. Measures the
//! built binary as a child process: wall time, items/s and peak RSS (`/usr/bin/time -v`).
//!
//! `cargo bench --bench snapshot` (release) or `cargo bench --profile dev --bench snapshot`.
//! Scale with `SNAPSHOT_BENCH_SCALE=0.1` for a quick run.

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

    let started = Instant::now();
    let output = server
        .command("/usr/bin/time")
        .args(["-v", BIN, "snapshot", "create", "bench", "--mode", "client"])
        .output()
        .expect("run /usr/bin/time");
    let elapsed = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "snapshot create failed:\n{stderr}");
    let peak_kib: u64 = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse().ok())
        .expect("peak RSS in /usr/bin/time output");
    let tarball = server
        .home_dir()
        .join(".local/share/kubectl-backup/backups/bench/bench.tar.gz");
    let size = std::fs::metadata(&tarball).map(|m| m.len()).unwrap_or(0);
    let summary = stderr
        .lines()
        .find(|l| l.starts_with("Backup \"bench\""))
        .unwrap_or_default();
    println!("snapshot create: {summary}");
    println!(
        "snapshot create: {objects} objects in {elapsed:.2}s wall ({:.0} objects/s), peak RSS {:.1} MiB, tarball {:.1} MiB",
        objects as f64 / elapsed,
        peak_kib as f64 / 1024.0,
        size as f64 / (1024.0 * 1024.0)
    );
}
