//! `cargo bench --bench etcd_restore`: loads 100,000 keys of 1 KiB into a real etcd on loopback,
//! saves a snapshot with etcdctl, then times `kubectl backup etcd restore` (native) against
//! `etcdctl snapshot restore` on that file, alternating, and prints every figure. Skips (loudly)
//! when etcd or etcdctl is absent.
//!
//! `ETCD_BENCH_KEYS` overrides the key count; `ETCD_BENCH_RUNS` the runs per tool (default 3).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use kubectl_backup_testbed::etcd::Etcd;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn timed(mut command: Command, what: &str) -> Duration {
    let started = Instant::now();
    let output = command.output().expect(what);
    let elapsed = started.elapsed();
    assert!(
        output.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    elapsed
}

fn summary(name: &str, runs: &[Duration]) {
    let secs: Vec<f64> = runs.iter().map(Duration::as_secs_f64).collect();
    let mean = secs.iter().sum::<f64>() / secs.len() as f64;
    let best = secs.iter().cloned().fold(f64::INFINITY, f64::min);
    let list: Vec<String> = secs.iter().map(|s| format!("{s:.3}s")).collect();
    println!(
        "{name:<36} runs {}  mean {mean:.3}s  best {best:.3}s",
        list.join(" ")
    );
}

fn main() {
    // `cargo test --benches` runs bench binaries without `--bench`: stay quick then.
    if !std::env::args().any(|a| a == "--bench") {
        println!("etcd_restore: run with `cargo bench --bench etcd_restore`");
        return;
    }
    let Some(etcd) = Etcd::start() else { return };
    let Some(etcdctl) = Etcd::etcdctl_binary() else {
        eprintln!("\n*** SKIPPED: etcdctl not found ***\n");
        return;
    };
    let keys = env_number("ETCD_BENCH_KEYS", 100_000);
    let runs = env_number("ETCD_BENCH_RUNS", 3);

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let started = Instant::now();
    runtime
        .block_on(etcd.load("/registry/bench/obj-", keys, 1024))
        .expect("loading keys");
    println!(
        "loaded {keys} keys of 1 KiB in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    let dir = etcd.dir().to_path_buf();
    let snapshot = dir.join("bench.db");
    let mut save = etcd.etcdctl_command().unwrap();
    save.args(["snapshot", "save"]).arg(&snapshot);
    timed(save, "etcdctl snapshot save");
    println!(
        "snapshot: {} bytes",
        std::fs::metadata(&snapshot).unwrap().len()
    );

    let ours = Path::new(env!("CARGO_BIN_EXE_kubectl-backup"));
    let member = [
        "--name=bench",
        "--initial-cluster=bench=http://127.0.0.1:2380",
    ];
    let peer = "--initial-advertise-peer-urls=http://127.0.0.1:2380";
    let (mut our_runs, mut their_runs) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let mine = dir.join(format!("ours-{run}"));
        let mut command = Command::new(ours);
        command
            .args(["etcd", "restore", "--no-progress"])
            .arg(&snapshot)
            .arg("--data-dir")
            .arg(&mine)
            .args(member)
            .arg(peer);
        our_runs.push(timed(command, "kubectl-backup etcd restore"));
        let theirs = dir.join(format!("etcdctl-{run}"));
        let mut command = Command::new(&etcdctl);
        command
            .env("ETCDCTL_API", "3")
            .args(["snapshot", "restore"])
            .arg(&snapshot)
            .arg("--data-dir")
            .arg(&theirs)
            .args(member)
            .arg(peer);
        their_runs.push(timed(command, "etcdctl snapshot restore"));
        let _ = std::fs::remove_dir_all(&mine);
        let _ = std::fs::remove_dir_all(&theirs);
    }
    summary("kubectl backup etcd restore", &our_runs);
    summary("etcdctl snapshot restore", &their_runs);
}
