//! The real-cluster backend: Kubernetes v1.36 (kube-apiserver, kube-controller-manager, and in
//! node mode kube-scheduler, kubelet, containerd and runc) started on 127.0.0.1 by the scripts
//! of `shared/tools/k8s`, once per test binary and mode, and torn down when the binary exits.
//!
//! Where the binaries come from, first match wins:
//! - `KB_K8S_TOOLS`: the folder of `up.sh`/`down.sh` (default `../shared/tools/k8s` next to the
//!   project, when it exists);
//! - `KUBEBUILDER_ASSETS` (as controller-runtime's envtest): a folder holding `kube-apiserver` and
//!   `etcd`, and optionally the other components; whatever it lacks comes from the tools' cache.
//! - `K8S_STATE_DIR` (set by sourcing a cluster's `env` file, as a CI job does): that running
//!   cluster is used as it is and left running.
//!
//! Teardown: `down.sh --purge` runs synchronously when the test binary exits (`atexit`), so the
//! next test binary never meets a half-stopped cluster; `up.sh --owner-pid` is the safety net
//! when the binary is killed. Node mode is one per machine, so it is taken under a machine-wide
//! lock held until the binary exits.

mod api;
mod images;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

pub use api::ApiHelper;
pub use images::ImageBuilder;

/// Which cluster a test needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// etcd, kube-apiserver, kube-controller-manager: pods are created but never run.
    ControlPlane,
    /// Adds kube-scheduler, kubelet, containerd: pods run for real (needs root).
    Node,
}

impl Mode {
    fn flag(self) -> Option<&'static str> {
        match self {
            Mode::ControlPlane => None,
            Mode::Node => Some("--node"),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Mode::ControlPlane => "control-plane",
            Mode::Node => "node",
        }
    }
}

/// A running real cluster, shared by the tests of one binary.
pub struct RealCluster {
    pub mode: Mode,
    /// The cluster's directory (`env`, `kubeconfig`, `pids`, `logs/`, `etcd/`, `pki/`).
    pub state_dir: PathBuf,
    /// The `KEY=value` lines of `STATE_DIR/env` (`K8S_API_URL`, `ETCD_ENDPOINT`, ...).
    pub env: HashMap<String, String>,
    /// `up.sh`'s folder, for `images/` and `down.sh`.
    pub tools: PathBuf,
    api: ApiHelper,
}

impl RealCluster {
    /// The admin kubeconfig written by `up.sh` (token auth, CA inlined).
    pub fn kubeconfig(&self) -> PathBuf {
        self.state_dir.join("kubeconfig")
    }

    /// `https://127.0.0.1:PORT`.
    pub fn api_url(&self) -> &str {
        &self.env["K8S_API_URL"]
    }

    /// The etcd the apiserver stores into (`http://127.0.0.1:PORT`).
    pub fn etcd_endpoint(&self) -> &str {
        &self.env["ETCD_ENDPOINT"]
    }

    /// Synchronous API access for seeding and assertions.
    pub fn api(&self) -> &ApiHelper {
        &self.api
    }

    /// A component log (`kube-apiserver`, `kubelet`, ...), for failure messages.
    pub fn log_tail(&self, component: &str, lines: usize) -> String {
        let text =
            std::fs::read_to_string(self.state_dir.join("logs").join(format!("{component}.log")))
                .unwrap_or_default();
        let all: Vec<&str> = text.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }

    /// The `pids` file: (component, PID) of every process the cluster runs.
    pub fn processes(&self) -> Vec<(String, u32)> {
        read_pids(&self.state_dir)
    }
}

/// The control-plane cluster of this test binary, started on first use; `Err(reason)` when the
/// machine cannot run one (the caller reports the skip).
pub fn control_plane() -> Result<&'static RealCluster, String> {
    static CLUSTER: OnceLock<Result<RealCluster, String>> = OnceLock::new();
    CLUSTER
        .get_or_init(|| start(Mode::ControlPlane))
        .as_ref()
        .map_err(Clone::clone)
}

/// The node-mode cluster of this test binary (pods really run), started on first use.
pub fn node() -> Result<&'static RealCluster, String> {
    static CLUSTER: OnceLock<Result<RealCluster, String>> = OnceLock::new();
    CLUSTER
        .get_or_init(|| start(Mode::Node))
        .as_ref()
        .map_err(Clone::clone)
}

/// Clusters this process started and must stop at exit.
static OWNED: Mutex<Vec<(PathBuf, PathBuf)>> = Mutex::new(Vec::new());

/// Folders of binary links made for `KUBEBUILDER_ASSETS`, removed at exit.
static LINK_DIRS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The folder of `up.sh`, or why there is none.
pub fn tools_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("KB_K8S_TOOLS") {
        let dir = PathBuf::from(dir);
        return if dir.join("up.sh").is_file() {
            Ok(dir)
        } else {
            Err(format!("KB_K8S_TOOLS={} has no up.sh", dir.display()))
        };
    }
    // tests/testbed -> the project -> its parent, where shared/ lives.
    let project = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = project.join("../shared/tools/k8s");
    if dir.join("up.sh").is_file() {
        Ok(dir.canonicalize().unwrap_or(dir))
    } else {
        Err(format!(
            "no Kubernetes binaries: {} does not exist (set KB_K8S_TOOLS to the folder of shared/tools/k8s)",
            dir.display()
        ))
    }
}

fn start(mode: Mode) -> Result<RealCluster, String> {
    let tools = tools_dir()?;
    if let Some(dir) = std::env::var_os("K8S_STATE_DIR") {
        // A cluster someone else started (CI sourcing its env file): use it, leave it running.
        let state_dir = PathBuf::from(dir);
        let env = read_env(&state_dir)?;
        if mode == Mode::Node && env.get("K8S_MODE").map(String::as_str) != Some("node") {
            return Err(format!(
                "K8S_STATE_DIR={} is a control-plane cluster; this test needs node mode",
                state_dir.display()
            ));
        }
        return connect(mode, state_dir, env, tools);
    }
    preflight(mode)?;
    if mode == Mode::Node {
        take_node_lock()?;
    }
    let state_dir =
        std::env::temp_dir().join(format!("kb-real-{}-{}", mode.name(), std::process::id()));
    let _ = std::fs::remove_dir_all(&state_dir);
    let mut up = Command::new(tools.join("up.sh"));
    up.arg(&state_dir);
    if let Some(flag) = mode.flag() {
        up.arg(flag);
    }
    up.args(["--owner-pid", &std::process::id().to_string()]);
    // The host-path provisioner lets StorageClass `kubernetes.io/host-path` provision PVs (reclaim
    // policy Delete), as a cloud provisioner would.
    up.env("K8S_KCM_ARGS", "--enable-hostpath-provisioner=true");
    if let Some(bin_dir) = kubebuilder_bin_dir(&tools)? {
        up.env("K8S_BIN_DIR", &bin_dir);
        if bin_dir.join("etcd").is_file() {
            up.env("ETCD_BIN", bin_dir.join("etcd"));
        }
    }
    register_teardown();
    OWNED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((state_dir.clone(), tools.clone()));
    let started = std::time::Instant::now();
    eprintln!(
        "[testbed] starting a real Kubernetes ({}) in {}",
        mode.name(),
        state_dir.display()
    );
    let out = up
        .output()
        .map_err(|e| format!("cannot run {}: {e}", tools.join("up.sh").display()))?;
    if !out.status.success() {
        panic!(
            "up.sh {} failed ({}):\n{}{}",
            state_dir.display(),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    eprintln!(
        "[testbed] real Kubernetes ({}) up in {:.1}s",
        mode.name(),
        started.elapsed().as_secs_f64()
    );
    let env = read_env(&state_dir)?;
    connect(mode, state_dir, env, tools)
}

fn connect(
    mode: Mode,
    state_dir: PathBuf,
    env: HashMap<String, String>,
    tools: PathBuf,
) -> Result<RealCluster, String> {
    let api = ApiHelper::connect(&state_dir.join("kubeconfig"))?;
    Ok(RealCluster {
        mode,
        state_dir,
        env,
        tools,
        api,
    })
}

/// What the machine lacks for `mode`, checked before anything is started, so a missing tool is a
/// reported skip and a failing start is a failure.
fn preflight(mode: Mode) -> Result<(), String> {
    let etcd = std::env::var_os("ETCD_BIN")
        .map(PathBuf::from)
        .or_else(|| kubebuilder_assets().map(|d| d.join("etcd")))
        .filter(|p| p.is_file())
        .or_else(|| crate::etcd::find_binary("ETCD_BIN", "etcd"));
    if etcd.is_none() {
        return Err("etcd not found (Debian etcd-server, or ETCD_BIN)".into());
    }
    for tool in ["openssl", "curl", "python3", "flock", "setsid", "xz"] {
        if crate::etcd::find_binary("KB_NO_SUCH_VARIABLE", tool).is_none() {
            return Err(format!(
                "{tool} not found (needed by shared/tools/k8s/up.sh)"
            ));
        }
    }
    if mode == Mode::Node {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            return Err("node mode needs root (cgroups, mounts, the pod bridge)".into());
        }
        let mut missing = Vec::new();
        for (tool, package) in [
            ("containerd", "containerd"),
            ("ctr", "containerd"),
            ("runc", "runc"),
            ("busybox", "busybox-static"),
        ] {
            if crate::etcd::find_binary("KB_NO_SUCH_VARIABLE", tool).is_none() {
                missing.push(package);
            }
        }
        if !Path::new("/usr/lib/cni/bridge").is_file() {
            missing.push("containernetworking-plugins");
        }
        missing.dedup();
        if !missing.is_empty() {
            return Err(format!(
                "node mode needs the Debian packages: {}",
                missing.join(" ")
            ));
        }
    }
    Ok(())
}

fn kubebuilder_assets() -> Option<PathBuf> {
    std::env::var_os("KUBEBUILDER_ASSETS")
        .map(PathBuf::from)
        .filter(|d| d.join("kube-apiserver").is_file())
}

/// With `KUBEBUILDER_ASSETS`, a folder of links: its binaries first, the tools' cache for the
/// components envtest does not ship (kube-controller-manager, kube-scheduler, kubelet).
fn kubebuilder_bin_dir(tools: &Path) -> Result<Option<PathBuf>, String> {
    let Some(assets) = kubebuilder_assets() else {
        return Ok(None);
    };
    let out = Command::new(tools.join("up.sh"))
        .arg("--fetch-bins")
        .output()
        .map_err(|e| format!("up.sh --fetch-bins: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "up.sh --fetch-bins failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let cache = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim().to_string());
    let links = std::env::temp_dir().join(format!("kb-real-bins-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&links);
    std::fs::create_dir_all(&links).map_err(|e| e.to_string())?;
    register_teardown();
    LINK_DIRS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(links.clone());
    for name in [
        "kube-apiserver",
        "kube-controller-manager",
        "kube-scheduler",
        "kubelet",
        "etcd",
    ] {
        let source = [assets.join(name), cache.join(name)]
            .into_iter()
            .find(|p| p.is_file());
        if let Some(source) = source {
            std::os::unix::fs::symlink(&source, links.join(name)).map_err(|e| e.to_string())?;
        }
    }
    Ok(Some(links))
}

/// Node mode touches machine-wide state (cgroups, the bridge, /run/containerd): one at a time.
fn take_node_lock() -> Result<(), String> {
    static LOCK: OnceLock<std::fs::File> = OnceLock::new();
    let path = std::env::temp_dir().join("kubectl-backup-testbed-node.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    use std::os::fd::AsRawFd;
    // SAFETY: flock on a descriptor we own.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
        eprintln!(
            "[testbed] another test binary runs the node-mode cluster; waiting for {}",
            path.display()
        );
        // SAFETY: as above.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(format!("cannot lock {}", path.display()));
        }
    }
    // Held until the process exits, after the atexit teardown has run.
    let _ = LOCK.set(file);
    Ok(())
}

fn register_teardown() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        // SAFETY: registering a plain extern "C" function.
        unsafe { libc::atexit(teardown) };
    });
}

extern "C" fn teardown() {
    stop_owned_clusters();
    for links in std::mem::take(&mut *LINK_DIRS.lock().unwrap_or_else(|e| e.into_inner())) {
        let _ = std::fs::remove_dir_all(links);
    }
}

fn stop_owned_clusters() {
    let owned = std::mem::take(&mut *OWNED.lock().unwrap_or_else(|e| e.into_inner()));
    for (state_dir, tools) in owned {
        let status = Command::new(tools.join("down.sh"))
            .arg(&state_dir)
            .arg("--purge")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
        if !matches!(status, Ok(s) if s.success()) {
            eprintln!(
                "[testbed] down.sh {} failed: {status:?}",
                state_dir.display()
            );
        }
    }
}

fn read_env(state_dir: &Path) -> Result<HashMap<String, String>, String> {
    let text = std::fs::read_to_string(state_dir.join("env"))
        .map_err(|e| format!("{}/env: {e}", state_dir.display()))?;
    Ok(text
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect())
}

/// `pids` lines are `NAME PID STARTTIME`.
pub fn read_pids(state_dir: &Path) -> Vec<(String, u32)> {
    std::fs::read_to_string(state_dir.join("pids"))
        .unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let name = fields.next()?.to_string();
            let pid = fields.next()?.parse().ok()?;
            Some((name, pid))
        })
        .collect()
}
