//! What the etcd benches share: their knobs, timing a tool run, loading keys and the figures.

use std::process::Command;
use std::time::{Duration, Instant};

use kubectl_backup_testbed::etcd::Etcd;

/// `name` from the environment as a number, else `default`.
pub fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// How long `command` took; panics with its stderr when it fails.
pub fn timed(mut command: Command, what: &str) -> Duration {
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

/// Loads `keys` keys of 1 KiB into `etcd` and says how long it took.
pub fn load_keys(etcd: &Etcd, keys: usize) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let started = Instant::now();
    runtime
        .block_on(etcd.load("/registry/bench/obj-", keys, 1024))
        .expect("loading keys");
    println!(
        "loaded {keys} keys of 1 KiB in {:.1}s",
        started.elapsed().as_secs_f64()
    );
}

/// Every run (`1.234s 1.200s …`), the mean and the best, in seconds.
pub fn figures(runs: &[Duration]) -> (String, f64, f64) {
    let secs: Vec<f64> = runs.iter().map(Duration::as_secs_f64).collect();
    let mean = secs.iter().sum::<f64>() / secs.len() as f64;
    let best = secs.iter().cloned().fold(f64::INFINITY, f64::min);
    let list: Vec<String> = secs.iter().map(|s| format!("{s:.3}s")).collect();
    (list.join(" "), mean, best)
}
