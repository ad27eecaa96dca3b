//! `cargo bench --bench etcd_save`: loads 100,000 keys of 1 KiB into a real etcd on loopback,
//! then times `kubectl backup etcd save` against `etcdctl snapshot save` in the same run,
//! alternating, and prints every figure. Skips (loudly) when etcd or etcdctl is absent.
//!
//! `ETCD_BENCH_KEYS` overrides the key count; `ETCD_BENCH_RUNS` the counted runs per tool
//! (default 5, after one warm-up run each).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use kubectl_backup_testbed::etcd::Etcd;

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
