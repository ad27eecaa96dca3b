//! The real-cluster backend's life cycle: a test binary that starts a cluster leaves no process
//! and no state behind when it exits, and when it is killed.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PROBE: &str = env!("CARGO_BIN_EXE_real-cluster-probe");

struct Started {
    child: Child,
    state: PathBuf,
    pids: Vec<(String, u32)>,
}

/// Runs the probe until it reports READY; `None` (skip reported) without a real cluster.
fn start(args: &[&str]) -> Option<Started> {
    let mut child = Command::new(PROBE)
        .args(args)
        .env_remove("K8S_STATE_DIR")
        .stdout(Stdio::piped())
        .spawn()
        .expect("run real-cluster-probe");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (mut state, mut pids) = (None, Vec::new());
    for line in lines.by_ref() {
        let line = line.expect("probe output");
        if let Some(reason) = line.strip_prefix("UNAVAILABLE=") {
            kubectl_backup_testbed::skip::skipped("real_cluster life cycle", reason);
            // The probe exits after saying so: reap it.
            let _ = child.wait();
            return None;
        }
        if let Some(dir) = line.strip_prefix("STATE=") {
            state = Some(PathBuf::from(dir));
        } else if let Some(entry) = line.strip_prefix("PID=") {
            let (name, pid) = entry.rsplit_once(':').unwrap();
            pids.push((name.to_string(), pid.parse().unwrap()));
        } else if line == "READY" {
            break;
        }
    }
    let state = state.expect("probe printed its state dir");
    assert!(
        pids.len() >= 3,
        "etcd, kube-apiserver, kube-controller-manager: {pids:?}"
    );
    Some(Started { child, state, pids })
}

fn alive(pid: u32) -> bool {
    // A zombie is gone for our purposes: it holds no port, no file, no memory.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| {
            !stat
                .rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        })
        .unwrap_or(false)
}

fn wait_gone(started: &Started, within: Duration) {
    let deadline = Instant::now() + within;
    loop {
        let left: Vec<_> = started.pids.iter().filter(|(_, pid)| alive(*pid)).collect();
        if left.is_empty() && !started.state.join("pids").exists() {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "still running after {within:?}: {left:?} (state {})",
            started.state.display()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_test_binary_that_exits_leaves_no_process_and_no_state() {
    let Some(mut started) = start(&[]) else {
        return;
    };
    let status = started.child.wait().unwrap();
    assert!(status.success());
    // Teardown runs before the process exits: everything is gone already.
    wait_gone(&started, Duration::from_secs(1));
    assert!(!started.state.exists(), "state dir purged");
}

#[test]
fn a_killed_test_binary_is_cleaned_up_by_the_watcher() {
    let Some(mut started) = start(&["--hang"]) else {
        return;
    };
    let pid = started.child.id();
    started.child.kill().unwrap();
    started.child.wait().unwrap();
    wait_gone(&started, Duration::from_secs(30));
    // The watcher keeps the logs (no --purge): they are ours to remove, and so are the binary
    // links a KUBEBUILDER_ASSETS run made (the killed probe's atexit never ran).
    let _ = std::fs::remove_dir_all(&started.state);
    let _ = std::fs::remove_dir_all(std::env::temp_dir().join(format!("kb-real-bins-{pid}")));
}
