//! `cargo bench --bench etcd_save`: loads 100,000 keys of 1 KiB into a real etcd on loopback,
//! then times `kubectl backup etcd save` against `etcdctl snapshot save` in the same run,
//! alternating, and prints every figure. Skips (loudly) when etcd or etcdctl is absent.
//!
//! `ETCD_BENCH_KEYS` overrides the key count; `ETCD_BENCH_RUNS` the counted runs per tool
//! (default 5, after one warm-up run each).
//!
//! Then the same against the etcd of the test bed's real control plane (kube-apiserver v1.36 +
//! etcd on 127.0.0.1), after seeding `ETCD_BENCH_REAL_OBJECTS` (default 5,000; 0 skips this part)
//! ConfigMaps of 1 KiB through the API: `kubectl backup etcd save` against `etcdctl snapshot
//! save`, alternating. That etcd is live (the apiserver keeps writing leases and events), so the
//! two files of a round are not byte-identical; each tool's own size gives its MB/s.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use futures::{StreamExt, TryStreamExt, stream};
use k8s_openapi::api::core::v1::{ConfigMap, Namespace};
use kube::api::{Api, PostParams};
use kubectl_backup_testbed::etcd::Etcd;
use serde_json::json;

#[path = "common/etcd.rs"]
mod common;
use common::{env_number, figures, load_keys, timed};

fn summary(name: &str, runs: &[Duration], bytes: u64) {
    let (list, mean, best) = figures(runs);
    println!(
        "{name:<32} runs {}  mean {mean:.3}s ({:.0} MB/s)  best {best:.3}s ({:.0} MB/s)",
        list,
        bytes as f64 / mean / 1e6,
        bytes as f64 / best / 1e6,
    );
}

fn main() {
    // `cargo test --benches` runs bench binaries with `--bench` absent: stay quick then.
    if !std::env::args().any(|a| a == "--bench") {
        println!("etcd_save: run with `cargo bench --bench etcd_save`");
        return;
    }
    synthetic();
    real_control_plane();
}

/// `/proc/loadavg`'s 1, 5 and 15 minute figures.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "unknown".into())
}

/// 100,000 synthetic keys in an etcd of its own: both tools must write the same bytes.
fn synthetic() {
    println!("synthetic etcd: load average {}", load_average());
    let Some(etcd) = Etcd::start() else { return };
    if etcd.etcdctl_command().is_none() {
        kubectl_backup_testbed::skip::skipped(
            "the etcd_save bench",
            "etcdctl not found (Debian etcd-client, or ETCDCTL_BIN)",
        );
        return;
    }
    let keys = env_number("ETCD_BENCH_KEYS", 100_000);
    let runs = env_number("ETCD_BENCH_RUNS", 5).max(1);

    load_keys(&etcd, keys);

    let ours = Path::new(env!("CARGO_BIN_EXE_kubectl-backup"));
    let dir = etcd.dir().to_path_buf();
    let (mut our_runs, mut their_runs) = (Vec::new(), Vec::new());
    // Run 0 of each tool warms etcd and the page cache; it is timed but not counted.
    for run in 0..=runs {
        let mine = dir.join(format!("ours-{run}.db"));
        let mut command = Command::new(ours);
        command
            .args(["etcd", "save", "--no-progress"])
            .arg(&mine)
            .args(etcd.connection_args());
        let ours_took = timed(command, "kubectl-backup etcd save");

        let theirs = dir.join(format!("etcdctl-{run}.db"));
        let mut command = etcd.etcdctl_command().unwrap();
        command.args(["snapshot", "save"]).arg(&theirs);
        let theirs_took = timed(command, "etcdctl snapshot save");
        if run == 0 {
            println!(
                "warm-up (not counted): ours {:.3}s, etcdctl {:.3}s",
                ours_took.as_secs_f64(),
                theirs_took.as_secs_f64()
            );
        } else {
            our_runs.push(ours_took);
            their_runs.push(theirs_took);
        }

        let (a, b) = (
            std::fs::read(&mine).unwrap(),
            std::fs::read(&theirs).unwrap(),
        );
        assert!(a == b, "run {run}: the two snapshots differ");
        let _ = std::fs::remove_file(&theirs);
        if run == runs {
            println!(
                "snapshot size: {} bytes (identical from both tools)",
                a.len()
            );
            summary("kubectl backup etcd save", &our_runs, a.len() as u64);
            summary("etcdctl snapshot save", &their_runs, a.len() as u64);
            status_figures(ours, &etcd, &mine, runs, a.len() as u64);
        }
        let _ = std::fs::remove_file(&mine);
    }
    println!("load average after the synthetic run: {}", load_average());
}

/// Offline status on the same file: ours (which also checks the SHA-256 and the page tree)
/// against `etcdctl snapshot status`.
fn status_figures(ours: &Path, etcd: &Etcd, file: &Path, runs: usize, bytes: u64) {
    let (mut our_runs, mut their_runs) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let mut command = Command::new(ours);
        command.args(["etcd", "status", "-o", "json"]).arg(file);
        our_runs.push(timed(command, "kubectl-backup etcd status"));
        let mut command = etcd.etcdctl_command().unwrap();
        command.args(["snapshot", "status", "-w", "json"]).arg(file);
        their_runs.push(timed(command, "etcdctl snapshot status"));
    }
    summary("kubectl backup etcd status", &our_runs, bytes);
    summary("etcdctl snapshot status", &their_runs, bytes);
}

/// ConfigMaps created at once while seeding the real control plane.
const SEED_CONCURRENCY: usize = 16;
const CONFIGMAPS_PER_NAMESPACE: usize = 500;

/// The real control plane's etcd, after seeding ConfigMaps through the API server.
fn real_control_plane() {
    let objects = env_number("ETCD_BENCH_REAL_OBJECTS", 5_000);
    if objects == 0 {
        return;
    }
    let runs = env_number("ETCD_BENCH_RUNS", 5).max(1);
    let Some(etcdctl) = Etcd::etcdctl_binary() else {
        kubectl_backup_testbed::skip::skipped(
            "the etcd_save bench on the real control plane",
            "etcdctl not found (Debian etcd-client, or ETCDCTL_BIN)",
        );
        return;
    };
    println!();
    println!(
        "real control plane: load average {} before it starts",
        load_average()
    );
    let started = Instant::now();
    let cluster = match kubectl_backup_testbed::real::control_plane() {
        Ok(cluster) => cluster,
        Err(reason) => {
            kubectl_backup_testbed::skip::skipped(
                "the etcd_save bench on the real control plane",
                &format!("no real Kubernetes: {reason}"),
            );
            return;
        }
    };
    println!(
        "real control plane (kube-apiserver v1.36 + etcd) up in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    let endpoint = cluster.etcd_endpoint().to_string();

    let seeding = Instant::now();
    let namespaces = objects.div_ceil(CONFIGMAPS_PER_NAMESPACE);
    let client = cluster.api().client();
    cluster.api().run(seed(client, namespaces, objects));
    println!(
        "seeded {objects} ConfigMaps of 1 KiB in {namespaces} namespaces through the API in {:.1}s; load average {}",
        seeding.elapsed().as_secs_f64(),
        load_average()
    );

    let dir = tempfile::Builder::new()
        .prefix("kb-etcd-save-bench-")
        .tempdir()
        .expect("temp dir");
    let ours = Path::new(env!("CARGO_BIN_EXE_kubectl-backup"));
    let (mut our_runs, mut their_runs) = (Vec::new(), Vec::new());
    let (mut our_bytes, mut their_bytes) = (0u64, 0u64);
    // Run 0 of each tool is a warm-up; the order alternates so neither always goes first.
    for run in 0..=runs {
        let load = load_average();
        let mine = dir.path().join(format!("ours-{run}.db"));
        let theirs = dir.path().join(format!("etcdctl-{run}.db"));
        let ours_run = || {
            let mut command = Command::new(ours);
            for var in [
                "ETCDCTL_ENDPOINTS",
                "ETCDCTL_CACERT",
                "ETCDCTL_CERT",
                "ETCDCTL_KEY",
            ] {
                command.env_remove(var);
            }
            command
                .args(["etcd", "save", "--no-progress", "--endpoints", &endpoint])
                .arg(&mine);
            timed(command, "kubectl-backup etcd save")
        };
        let their_run = || {
            let mut command = Command::new(&etcdctl);
            command
                .env("ETCDCTL_API", "3")
                .arg(format!("--endpoints={endpoint}"))
                .args(["snapshot", "save"])
                .arg(&theirs);
            timed(command, "etcdctl snapshot save")
        };
        let (ours_took, theirs_took) = if run % 2 == 0 {
            let o = ours_run();
            (o, their_run())
        } else {
            let t = their_run();
            (ours_run(), t)
        };
        let (a, b) = (file_size(&mine), file_size(&theirs));
        println!(
            "{}: ours {:.3}s ({a} bytes), etcdctl {:.3}s ({b} bytes); load average {load}",
            if run == 0 {
                "warm-up (not counted)".to_string()
            } else {
                format!("round {run}")
            },
            ours_took.as_secs_f64(),
            theirs_took.as_secs_f64(),
        );
        if run > 0 {
            our_runs.push(ours_took);
            their_runs.push(theirs_took);
            our_bytes = a;
            their_bytes = b;
        }
        let _ = std::fs::remove_file(&mine);
        let _ = std::fs::remove_file(&theirs);
    }
    println!("snapshot size (last round): ours {our_bytes} bytes, etcdctl {their_bytes} bytes");
    summary("kubectl backup etcd save (real)", &our_runs, our_bytes);
    summary("etcdctl snapshot save (real)", &their_runs, their_bytes);
    println!("load average at end: {}", load_average());
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path)
        .map(|m| m.len())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `namespaces` namespaces `etcd-bench-NNN` holding `objects` ConfigMaps of 1 KiB in all, created
/// `SEED_CONCURRENCY` at a time; objects that exist already (a reused cluster) are fine.
async fn seed(client: kube::Client, namespaces: usize, objects: usize) {
    let ignore_exists = |result: Result<(), kube::Error>| match result {
        Err(kube::Error::Api(e)) if e.code == 409 => Ok(()),
        other => other,
    };
    let names: Vec<String> = (0..namespaces)
        .map(|n| format!("etcd-bench-{n:03}"))
        .collect();
    let namespace_api: Api<Namespace> = Api::all(client.clone());
    for name in &names {
        let ns: Namespace = serde_json::from_value(json!({"metadata": {"name": name}})).unwrap();
        ignore_exists(
            namespace_api
                .create(&PostParams::default(), &ns)
                .await
                .map(drop),
        )
        .expect("creating a namespace");
    }
    let payload = "x".repeat(1024);
    stream::iter(0..objects)
        .map(|i| {
            let api: Api<ConfigMap> =
                Api::namespaced(client.clone(), &names[i / CONFIGMAPS_PER_NAMESPACE]);
            let cm: ConfigMap = serde_json::from_value(json!({
                "metadata": {"name": format!("cm-{i:06}")},
                "data": {"payload": payload, "index": i.to_string()}}))
            .unwrap();
            async move { ignore_exists(api.create(&PostParams::default(), &cm).await.map(drop)) }
        })
        .buffer_unordered(SEED_CONCURRENCY)
        .try_collect::<()>()
        .await
        .expect("creating the ConfigMaps");
}
