//! How long `kubectl backup --help` takes, start to exit: the plugin must feel instant.
//!
//!     cargo bench --bench startup            (the release profile: what users run)
//!     KUBECTL_BACKUP_BIN=target/x86_64-unknown-linux-musl/release/kubectl-backup \
//!         cargo bench --profile dev --bench startup     (time an already built binary, e.g. the static release)
//!
//! Prints the mean, median and worst of 200 runs.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 200;

fn main() {
    let bin = std::env::var("KUBECTL_BACKUP_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_kubectl-backup").to_string());
    let bin = bin.as_str();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let status = Command::new(bin)
                .arg("--help")
                .stdout(Stdio::null())
                .status()
                .expect("run kubectl-backup --help");
            assert!(status.success());
            start.elapsed()
        })
        .collect();
    times.sort();
    let mean = times.iter().sum::<Duration>() / RUNS as u32;
    let size = std::fs::metadata(bin).map(|m| m.len()).unwrap_or(0);
    println!(
        "kubectl backup --help: mean {:.2} ms, median {:.2} ms, max {:.2} ms over {RUNS} runs ({bin}, {:.1} MB)",
        mean.as_secs_f64() * 1e3,
        times[RUNS / 2].as_secs_f64() * 1e3,
        times[RUNS - 1].as_secs_f64() * 1e3,
        size as f64 / 1e6,
    );
}
