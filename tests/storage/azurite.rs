//! Azurite's blob service (`azurite-blob` from npm `azurite`) on a free loopback port, for the
//! storage and credential tests alike. Skipped (through `skip::skipped`) when it is not installed
//! (`npm install -g azurite`, or set `AZURITE_BLOB` to the executable).

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Azurite's well-known development account.
pub const ACCOUNT: &str = "devstoreaccount1";

pub struct Azurite {
    /// The account's blob endpoint, `http(s)://127.0.0.1:PORT/devstoreaccount1`.
    pub endpoint: String,
    child: Child,
    _dir: tempfile::TempDir,
}

impl Drop for Azurite {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn binary() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("AZURITE_BLOB").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join("azurite-blob"))
        .find(|p| p.is_file())
}

/// Starts Azurite with `extra` arguments (HTTPS when they name a `--cert`) and waits until it
/// listens; `None` after a reported skip when it is not installed. `what` names the test for the
/// skip report.
pub async fn start(what: &str, extra: &[&str]) -> Option<Azurite> {
    let Some(binary) = binary() else {
        kubectl_backup_testbed::skip::skipped(
            what,
            "azurite-blob not found (npm install -g azurite, or set AZURITE_BLOB)",
        );
        return None;
    };
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(&binary)
        .args(["--blobHost", "127.0.0.1", "--blobPort", &port.to_string()])
        .args(["--silent", "--disableTelemetry"])
        .args(extra)
        .arg("--location")
        .arg(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", binary.display()));
    let scheme = if extra.contains(&"--cert") {
        "https"
    } else {
        "http"
    };
    let server = Azurite {
        endpoint: format!("{scheme}://127.0.0.1:{port}/{ACCOUNT}"),
        child,
        _dir: dir,
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(
            Instant::now() < deadline,
            "azurite did not open port {port}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Some(server)
}
