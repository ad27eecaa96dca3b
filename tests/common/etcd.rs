//! The plugin's `etcd` commands beside etcdctl, the oracle, and an etcd member started on a
//! restored data dir.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use kubectl_backup_testbed::etcd::Etcd;
use serde_json::Value;

use super::BIN;
use super::cli::run_ok;
use super::net::free_loopback_url;

/// etcdctl's settings from the environment, which could point the plugin at another etcd.
const ETCDCTL_ENV: &[&str] = &[
    "ETCDCTL_ENDPOINTS",
    "ETCDCTL_CACERT",
    "ETCDCTL_CERT",
    "ETCDCTL_KEY",
    "ETCDCTL_USER",
    "ETCDCTL_PASSWORD",
    "ETCDCTL_DIAL_TIMEOUT",
];

/// `command` (the plugin) without the environment's etcdctl settings.
pub fn without_etcdctl_env(mut command: Command) -> Command {
    for var in ETCDCTL_ENV {
        command.env_remove(var);
    }
    command
}

/// The plugin with no cluster and no etcdctl settings from the environment.
pub fn ours() -> Command {
    let mut command = without_etcdctl_env(Command::new(BIN));
    command.env_remove("KUBECONFIG");
    command
}

/// etcdctl (API v3) talking to `endpoint`.
pub fn etcdctl(endpoint: &str) -> Command {
    let mut command = Command::new(Etcd::etcdctl_binary().expect("etcdctl"));
    command
        .env("ETCDCTL_API", "3")
        .arg(format!("--endpoints={endpoint}"));
    command
}

/// `etcd status -o json` of `file`, by the plugin command `ours`.
pub fn our_status(mut ours: Command, file: &Path) -> Value {
    let output = run_ok(ours.args(["etcd", "status", "-o", "json"]).arg(file));
    serde_json::from_slice(&output.stdout).expect("status JSON")
}

/// The fields of `snapshot status` both tools must agree on; `what` names the snapshot.
#[track_caller]
pub fn assert_same_status(oracle: &Value, ours: &Value, what: &str) {
    for field in ["hash", "revision", "totalKey", "totalSize"] {
        assert_eq!(
            oracle[field], ours[field],
            "{what}: field {field}: oracle {oracle} vs ours {ours}"
        );
    }
}

/// A key or value of etcdctl's JSON output (base64).
pub fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .expect("base64")
}

/// An etcd started on an existing (restored) data dir; killed on drop.
pub struct Member {
    child: Child,
    pub client_url: String,
    log: PathBuf,
}

impl Drop for Member {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Member {
    /// Starts the member; it is not serving yet (see [`Member::wait_healthy`]), so the members
    /// of a cluster can be started together.
    pub fn start(data_dir: &Path, name: &str, peer_url: &str) -> Member {
        let client_url = free_loopback_url();
        let log = data_dir.with_extension("log");
        let file = std::fs::File::create(&log).expect("log file");
        let child = Command::new(Etcd::etcd_binary().expect("etcd"))
            .arg(format!("--name={name}"))
            .arg(format!("--data-dir={}", data_dir.display()))
            .arg(format!("--listen-client-urls={client_url}"))
            .arg(format!("--advertise-client-urls={client_url}"))
            .arg(format!("--listen-peer-urls={peer_url}"))
            .arg(format!("--initial-advertise-peer-urls={peer_url}"))
            .env_remove("ETCDCTL_API")
            .stdin(Stdio::null())
            .stdout(file.try_clone().expect("log file"))
            .stderr(file)
            .spawn()
            .expect("run etcd");
        Member {
            child,
            client_url,
            log,
        }
    }

    /// Waits until the member answers a health check; a member that exits or stays unhealthy
    /// for `timeout` fails the test with its log.
    pub fn wait_healthy(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("etcd exited with {status}:\n{}", self.log());
            }
            let healthy = etcdctl(&self.client_url)
                .args(["endpoint", "health", "--command-timeout=1s"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if healthy {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "etcd not healthy in {timeout:?}:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}
