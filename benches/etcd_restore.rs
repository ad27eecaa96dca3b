//! `cargo bench --bench etcd_restore`: loads 100,000 keys of 1 KiB into a real etcd on loopback,
//! saves a snapshot with etcdctl, then times `kubectl backup etcd restore` (native) against
//! `etcdctl snapshot restore` on that file, alternating, and prints every figure. Skips (loudly)
//! when etcd or etcdctl is absent.
//!
//! `ETCD_BENCH_KEYS` overrides the key count; `ETCD_BENCH_RUNS` the runs per tool (default 3).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use kubectl_backup_testbed::etcd::Etcd;

#[path = "common/etcd.rs"]
mod common;
use common::{env_number, figures, load_keys, timed};

fn summary(name: &str, runs: &[Duration]) {
    let (list, mean, best) = figures(runs);
    println!("{name:<36} runs {}  mean {mean:.3}s  best {best:.3}s", list);
}

fn main() {
    // `cargo test --benches` runs bench binaries without `--bench`: stay quick then.
    if !std::env::args().any(|a| a == "--bench") {
        println!("etcd_restore: run with `cargo bench --bench etcd_restore`");
        return;
    }
    let Some(etcd) = Etcd::start() else { return };
    let Some(etcdctl) = Etcd::etcdctl_binary() else {
        kubectl_backup_testbed::skip::skipped(
            "the etcd_restore bench",
            "etcdctl not found (Debian etcd-client, or ETCDCTL_BIN)",
        );
        return;
    };
    let keys = env_number("ETCD_BENCH_KEYS", 100_000);
    let runs = env_number("ETCD_BENCH_RUNS", 3);

    load_keys(&etcd, keys);
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
