//! The fake Kubernetes API server: plain HTTP on a random loopback port, a temp kubeconfig,
//! an in-memory store, discovery, watches, a kubelet stand-in and fault knobs.
//!
//! The server runs on its own thread and tokio runtime, so tests may block (run the plugin
//! binary with `std::process::Command`) without starving it.

mod access_review;
mod auth;
mod container_log;
mod controllers;
pub mod crds;
mod defaults;
mod delete;
mod discovery;
mod exec;
mod faults;
mod handlers;
mod handles;
mod http;
mod immutable;
mod kubeconfig;
mod kubelet;
mod list;
mod logs;
mod patch;
mod pod_env;
mod pod_events;
mod pod_status;
mod requests;
mod resources;
mod scale;
mod schema;
mod selector;
mod status;
mod store;
mod validation;
mod volumes;
mod watch;
mod workloads;
mod write;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

pub use auth::{ADMIN_TOKEN, ADMIN_USER, DenyRule, Identity};
pub use faults::{Fault, FaultRule, Faults};
pub use handles::{Rbac, Store};
pub use kubeconfig::KubeconfigBuilder;
pub use requests::RecordedRequest;
pub use resources::ResourceType;
pub use status::ApiError;

use auth::Auth;
use requests::RequestLog;
use store::Shared;
use write::WriteOptions;

/// State shared by the HTTP handlers, the controllers and the test-facing handle.
pub(crate) struct Inner {
    pub store: Shared,
    pub auth: Mutex<Auth>,
    pub faults: Faults,
    pub log: RequestLog,
    /// `127.0.0.1:PORT`, advertised in `/api`.
    pub address: String,
    pub kubelet: kubelet::Kubelet,
    /// Exec subprotocols the server accepts, in its order of preference.
    pub exec_protocols: Mutex<Vec<String>>,
}

/// A running fake API server. Dropping it stops the server.
pub struct FakeApiServer {
    inner: Arc<Inner>,
    url: String,
    dir: tempfile::TempDir,
    kubeconfig: PathBuf,
    shutdown: tokio::sync::watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// The name of the context, cluster and user of the default kubeconfig.
pub const CONTEXT: &str = "testbed";

impl FakeApiServer {
    /// Starts a server on `127.0.0.1:0` with the default namespaces (`default`, `kube-system`,
    /// `kube-public`, `kube-node-lease`), a node `testbed-node`, and a temp kubeconfig.
    pub async fn start() -> Self {
        Self::start_blocking()
    }

    /// Same as [`start`](Self::start), for synchronous tests.
    pub fn start_blocking() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        listener.set_nonblocking(true).expect("nonblocking");
        let address = listener.local_addr().expect("local addr").to_string();
        let dir = tempfile::Builder::new()
            .prefix("kubectl-backup-testbed-")
            .tempdir()
            .expect("temp dir");
        std::fs::create_dir_all(dir.path().join("home")).expect("home dir");
        let inner = Arc::new(Inner {
            kubelet: kubelet::Kubelet::new(dir.path().join("pods")),
            exec_protocols: Mutex::new(vec![exec::V5.into(), exec::V4.into()]),
            store: Shared::new(),
            auth: Mutex::new(Auth::default()),
            faults: Faults::default(),
            log: RequestLog::default(),
            address: address.clone(),
        });
        seed_cluster(&inner);
        let (shutdown, shutdown_rx) = tokio::sync::watch::channel(false);
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let thread_inner = inner.clone();
        let thread = std::thread::Builder::new()
            .name("fake-apiserver".into())
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .thread_name("fake-apiserver-worker")
                    .enable_all()
                    .build()
                    .expect("tokio runtime");
                runtime.block_on(async move {
                    let listener =
                        tokio::net::TcpListener::from_std(listener).expect("tokio listener");
                    let start = controllers::Start::now(&thread_inner);
                    tokio::spawn(controllers::run(thread_inner.clone(), start));
                    let _ = ready_tx.send(());
                    http::serve(listener, thread_inner, shutdown_rx).await;
                });
                runtime.shutdown_timeout(Duration::from_secs(2));
            })
            .expect("spawn server thread");
        ready_rx.recv().expect("server thread started");
        let url = format!("http://{address}");
        let kubeconfig = dir.path().join("kubeconfig");
        let server = FakeApiServer {
            inner,
            url,
            dir,
            kubeconfig,
            shutdown,
            thread: Some(thread),
        };
        server
            .kubeconfig_builder()
            .write(&server.kubeconfig)
            .expect("write kubeconfig");
        server
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The temp kubeconfig: cluster, user and context all named `testbed`, namespace `default`,
    /// authenticating as [`ADMIN_USER`] with [`ADMIN_TOKEN`].
    pub fn kubeconfig_path(&self) -> &Path {
        &self.kubeconfig
    }

    /// A scratch directory that lives as long as the server.
    pub fn temp_dir(&self) -> &Path {
        self.dir.path()
    }

    /// The `HOME` given to commands from [`command`](Self::command).
    pub fn home_dir(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// A builder pre-filled with the default cluster, user and context; add more contexts,
    /// users and namespaces, then `write` it.
    pub fn kubeconfig_builder(&self) -> KubeconfigBuilder {
        KubeconfigBuilder::new()
            .cluster(CONTEXT, &self.url)
            .user(CONTEXT, ADMIN_TOKEN)
            .context(CONTEXT, CONTEXT, CONTEXT, Some("default"))
            .current_context(CONTEXT)
    }

    /// A kube client authenticated as the admin, default namespace `default`. Must be called
    /// inside a tokio runtime (the client spawns a buffer task).
    pub fn client(&self) -> kube::Client {
        self.client_with_token(ADMIN_TOKEN)
    }

    /// A kube client sending this bearer token (see [`add_token`](Self::add_token)).
    pub fn client_with_token(&self, token: &str) -> kube::Client {
        let mut config = kube::Config::new(self.url.parse().expect("url"));
        config.default_namespace = "default".into();
        config.auth_info.token = Some(secrecy::SecretString::from(token.to_string()));
        kube::Client::try_from(config).expect("kube client")
    }

    /// `bin` with a sanitised environment: `KUBECONFIG` = the temp kubeconfig, `HOME` = a temp
    /// dir, and no `KUBECTL_*`, `AWS_*`, in-cluster or proxy variables.
    pub fn command(&self, bin: impl AsRef<OsStr>) -> std::process::Command {
        let mut cmd = std::process::Command::new(bin);
        sanitise_env(&mut cmd);
        cmd.env("KUBECONFIG", &self.kubeconfig);
        cmd.env("HOME", self.home_dir());
        cmd
    }

    /// Direct access to the objects, without HTTP (no auth, no faults, no request log).
    pub fn store(&self) -> Store<'_> {
        Store { inner: &self.inner }
    }

    /// Creates a CRD and registers it at once (Established, served immediately).
    pub fn install_crd(&self, crd: Value) -> Result<Value, ApiError> {
        let created = self.store().apply(crd)?;
        let name = store::meta_str(&created, "name").to_string();
        self.inner
            .store
            .write(|st| controllers::establish(st, &name));
        Ok(self
            .store()
            .get(
                "apiextensions.k8s.io/v1",
                "CustomResourceDefinition",
                None,
                &name,
            )
            .expect("CRD just created"))
    }

    /// Installs CRDs from YAML (one or more `---`-separated documents).
    pub fn install_crd_yaml(&self, yaml: &str) -> Result<Vec<Value>, ApiError> {
        let docs: Vec<Value> = serde_saphyr::from_multiple(yaml)
            .map_err(|e| ApiError::bad_request(format!("CRD YAML does not parse: {e}")))?;
        docs.into_iter()
            .filter(|d| !d.is_null())
            .map(|d| self.install_crd(d))
            .collect()
    }

    /// Installs Kanister's ActionSet, Blueprint and Profile CRDs (upstream YAMLs).
    pub fn install_kanister_crds(&self) {
        for crd in crds::kanister() {
            self.install_crd(crd).expect("Kanister CRD installs");
        }
    }

    /// Installs Velero's Backup, BackupStorageLocation, DeleteBackupRequest, DownloadRequest,
    /// PodVolumeBackup, Restore and Schedule CRDs (upstream YAMLs).
    pub fn install_velero_crds(&self) {
        for crd in crds::velero() {
            self.install_crd(crd).expect("Velero CRD installs");
        }
    }

    /// How long a CRD created through the API waits before it is Established (default 50 ms).
    pub fn set_crd_establish_delay(&self, delay: Duration) {
        self.inner.store.lock().behaviour.crd_establish_delay = delay;
    }

    pub fn faults(&self) -> &Faults {
        &self.inner.faults
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.inner.log.all()
    }

    pub fn clear_requests(&self) {
        self.inner.log.clear()
    }

    /// Turns the request log on or off (on by default; long-running servers such as the
    /// `fake-apiserver` binary turn it off so memory does not grow with traffic).
    pub fn record_requests(&self, on: bool) {
        self.inner.log.set_enabled(on)
    }

    /// The RBAC knob: everything is allowed until denied here.
    pub fn rbac(&self) -> Rbac<'_> {
        Rbac { inner: &self.inner }
    }

    /// Makes `token` authenticate as `user` in `groups` (plus `system:authenticated`).
    pub fn add_token(&self, token: &str, user: &str, groups: &[&str]) {
        let mut groups: Vec<String> = groups.iter().map(|g| g.to_string()).collect();
        groups.push("system:authenticated".into());
        self.inner
            .auth
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .tokens
            .insert(
                token.into(),
                Identity {
                    user: user.into(),
                    groups,
                },
            );
    }

    /// Serve requests without credentials as `system:anonymous` (default: 403 like a real
    /// cluster, except `/version` and health checks).
    pub fn allow_anonymous(&self, allow: bool) {
        self.inner
            .auth
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .allow_anonymous = allow;
    }

    /// Turns the control-plane stand-ins (namespace defaults, workload controllers) on or off.
    pub fn set_controllers_enabled(&self, on: bool) {
        self.inner.store.lock().behaviour.controllers = on;
    }

    /// Directories put in front of the host `PATH` of every pod container and exec session
    /// started from now on (stand-in tools such as `kando`).
    pub fn set_pod_path_prefix(&self, dir: impl Into<PathBuf>) {
        self.inner.kubelet.set_path_prefix(vec![dir.into()]);
    }

    /// The exec subprotocols accepted (default `["v5.channel.k8s.io", "v4.channel.k8s.io"]`);
    /// e.g. `&["v4.channel.k8s.io"]` to act like an older cluster.
    pub fn set_exec_protocols(&self, protocols: &[&str]) {
        *self
            .inner
            .exec_protocols
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = protocols.iter().map(|p| p.to_string()).collect();
    }

    /// Turns the kubelet stand-in on or off (off: new pods stay Pending).
    pub fn set_kubelet_enabled(&self, on: bool) {
        self.inner.store.lock().behaviour.kubelet = on;
    }
}

impl Drop for FakeApiServer {
    fn drop(&mut self) {
        self.inner.kubelet.kill_all();
        let _ = self.shutdown.send(true);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Removes what would point a command elsewhere than the test's cluster and home: `KUBECTL_*`,
/// `AWS_*`, in-cluster (`KUBERNETES_*`), proxy, `KUBECONFIG` and `XDG_*` variables.
pub fn sanitise_env(cmd: &mut std::process::Command) {
    for (key, _) in std::env::vars_os() {
        let upper = key.to_string_lossy().to_uppercase();
        if upper.starts_with("KUBECTL_")
            || upper.starts_with("AWS_")
            || upper.starts_with("KUBERNETES_")
            || upper.ends_with("_PROXY")
            || upper == "KUBECONFIG"
            || upper.starts_with("XDG_")
        {
            cmd.env_remove(&key);
        }
    }
}

fn seed_cluster(inner: &Inner) {
    inner.store.write(|st| {
        for ns in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            let rt = st.find_type("", "namespaces").cloned().expect("namespaces");
            write::create(
                st,
                &rt,
                "v1",
                "",
                json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}),
                &WriteOptions::default(),
            )
            .expect("seed namespace");
        }
        let rt = st.find_type("", "nodes").cloned().expect("nodes");
        write::create(
            st,
            &rt,
            "v1",
            "",
            json!({
                "apiVersion": "v1", "kind": "Node",
                "metadata": {"name": "testbed-node", "labels": {"kubernetes.io/hostname": "testbed-node", "kubernetes.io/os": "linux"}},
                "spec": {},
                "status": {
                    "conditions": [{"type": "Ready", "status": "True", "reason": "KubeletReady"}],
                    "addresses": [{"type": "InternalIP", "address": "127.0.0.1"}, {"type": "Hostname", "address": "testbed-node"}],
                    "nodeInfo": {"kubeletVersion": "v1.34.0-testbed", "operatingSystem": "linux", "architecture": "amd64"}
                }
            }),
            &WriteOptions::default(),
        )
        .expect("seed node");
    });
}
