//! One test body, two backends: [`TestCluster`] is either the fake API server or a real cluster
//! (see [`crate::real`]), with the same handle API — run the plugin (`command`), seed and check
//! objects (`objects`), name namespaces (`namespace`) — so an integration test is written once
//! and run on both with [`on_both_backends!`](crate::on_both_backends).
//!
//! On the real backend the cluster is shared by the tests of a binary, so names must not clash:
//! `namespace("shop")` is `shop` on the fake and `shop-<tag>` on the real one, and every
//! namespace and cluster-scoped object a test creates through the handle is deleted (without
//! waiting) when the handle is dropped.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::FakeApiServer;
use crate::apiserver::ApiError;
use crate::real::{self, Mode, RealCluster};

/// A per-test handle on the fake server or on the shared real cluster.
pub struct TestCluster {
    backend: Kind,
}

enum Kind {
    Fake(Box<FakeApiServer>),
    Real(RealTest),
}

struct RealTest {
    cluster: &'static RealCluster,
    dir: tempfile::TempDir,
    kubeconfig: PathBuf,
    tag: String,
    /// Namespaces and cluster-scoped objects to delete at the end: (apiVersion, kind, name).
    created: Mutex<Vec<(String, String, String)>>,
}

impl TestCluster {
    /// A fresh fake API server of its own.
    pub fn fake() -> Self {
        TestCluster {
            backend: Kind::Fake(Box::new(FakeApiServer::start_blocking())),
        }
    }

    /// The binary's real control-plane cluster, or `None` after reporting the skip.
    pub fn real(test: &str) -> Option<Self> {
        Self::real_in(test, Mode::ControlPlane)
    }

    /// The binary's real node-mode cluster (pods run), or `None` after reporting the skip.
    pub fn real_node(test: &str) -> Option<Self> {
        Self::real_in(test, Mode::Node)
    }

    fn real_in(test: &str, mode: Mode) -> Option<Self> {
        let cluster = match mode {
            Mode::ControlPlane => real::control_plane(),
            Mode::Node => real::node(),
        };
        let cluster = match cluster {
            Ok(cluster) => cluster,
            Err(reason) => {
                crate::skip::skipped(test, &format!("no real Kubernetes: {reason}"));
                return None;
            }
        };
        let dir = tempfile::Builder::new()
            .prefix("kubectl-backup-real-")
            .tempdir()
            .expect("temp dir");
        std::fs::create_dir_all(dir.path().join("home")).expect("home dir");
        let kubeconfig = dir.path().join("kubeconfig");
        std::fs::copy(cluster.kubeconfig(), &kubeconfig).expect("copy kubeconfig");
        Some(TestCluster {
            backend: Kind::Real(RealTest {
                cluster,
                dir,
                kubeconfig,
                tag: format!("{:06x}", rand::random::<u32>() & 0xff_ffff),
                created: Mutex::new(Vec::new()),
            }),
        })
    }

    pub fn is_real(&self) -> bool {
        matches!(self.backend, Kind::Real(_))
    }

    /// `"fake"` or `"real"`, for messages.
    pub fn backend_name(&self) -> &'static str {
        if self.is_real() { "real" } else { "fake" }
    }

    /// The fake server, for what only it can do (faults, request log, RBAC knobs).
    pub fn fake_server(&self) -> Option<&FakeApiServer> {
        match &self.backend {
            Kind::Fake(server) => Some(server),
            Kind::Real(_) => None,
        }
    }

    /// The real cluster (its etcd, logs, images).
    pub fn real_cluster(&self) -> Option<&'static RealCluster> {
        match &self.backend {
            Kind::Fake(_) => None,
            Kind::Real(real) => Some(real.cluster),
        }
    }

    pub fn kubeconfig_path(&self) -> &Path {
        match &self.backend {
            Kind::Fake(server) => server.kubeconfig_path(),
            Kind::Real(real) => &real.kubeconfig,
        }
    }

    /// A scratch directory that lives as long as the handle.
    pub fn temp_dir(&self) -> &Path {
        match &self.backend {
            Kind::Fake(server) => server.temp_dir(),
            Kind::Real(real) => real.dir.path(),
        }
    }

    /// The `HOME` of commands from [`command`](Self::command) (the local backup default lives
    /// under it, so backups never cross tests).
    pub fn home_dir(&self) -> PathBuf {
        match &self.backend {
            Kind::Fake(server) => server.home_dir(),
            Kind::Real(real) => real.dir.path().join("home"),
        }
    }

    /// `bin` with a sanitised environment: `KUBECONFIG` = this test's kubeconfig, `HOME` = its
    /// temp home, and no `KUBECTL_*`, `AWS_*`, in-cluster, `XDG_*` or proxy variables.
    pub fn command(&self, bin: impl AsRef<OsStr>) -> std::process::Command {
        match &self.backend {
            Kind::Fake(server) => server.command(bin),
            Kind::Real(_) => {
                let mut cmd = std::process::Command::new(bin);
                crate::apiserver::sanitise_env(&mut cmd);
                cmd.env("KUBECONFIG", self.kubeconfig_path());
                cmd.env("HOME", self.home_dir());
                cmd
            }
        }
    }

    /// A kube client as the admin. Call it inside a tokio runtime.
    pub fn client(&self) -> kube::Client {
        match &self.backend {
            Kind::Fake(server) => server.client(),
            Kind::Real(real) => {
                kube::Client::try_from(real.cluster.api().config()).expect("kube client")
            }
        }
    }

    /// A name for this test: `base` on the fake, `base-<tag>` on the real cluster. Names made
    /// with it are recorded for deletion when they are created through [`objects`](Self::objects).
    pub fn name(&self, base: &str) -> String {
        match &self.backend {
            Kind::Fake(_) => base.to_string(),
            Kind::Real(real) => format!("{base}-{}", real.tag),
        }
    }

    /// Creates the namespace [`name`](Self::name)`(base)` (waiting, on the real cluster, for its
    /// `default` ServiceAccount) and returns its name.
    pub fn namespace(&self, base: &str) -> String {
        let name = self.name(base);
        self.objects().create_namespace(&name);
        name
    }

    /// Seed and inspect objects, on either backend.
    pub fn objects(&self) -> Objects<'_> {
        Objects { cluster: self }
    }

    /// Installs Kanister's ActionSet, Blueprint and Profile CRDs (upstream YAMLs).
    pub fn install_kanister_crds(&self) {
        match &self.backend {
            Kind::Fake(server) => server.install_kanister_crds(),
            Kind::Real(real) => real
                .cluster
                .api()
                .install_crds(crate::apiserver::crds::kanister()),
        }
    }

    /// Installs Velero's CRDs (upstream YAMLs).
    pub fn install_velero_crds(&self) {
        match &self.backend {
            Kind::Fake(server) => server.install_velero_crds(),
            Kind::Real(real) => real
                .cluster
                .api()
                .install_crds(crate::apiserver::crds::velero()),
        }
    }

    /// Installs one CRD and waits until it is served. On the real cluster it is deleted with the
    /// handle (give it a group or name of this test's own).
    pub fn install_crd(&self, crd: Value) {
        match &self.backend {
            Kind::Fake(server) => {
                server.install_crd(crd).expect("install CRD");
            }
            Kind::Real(real) => {
                real.record(&crd);
                real.cluster.api().install_crds(vec![crd]);
            }
        }
    }

    /// Polls `check` every 100 ms until it returns `Some`, for at most `timeout`.
    pub fn wait_for<T>(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl FnMut() -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(value) = check() {
                return value;
            }
            assert!(
                Instant::now() < deadline,
                "{} backend: {what} did not happen within {timeout:?}",
                self.backend_name()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl RealTest {
    fn record(&self, obj: &Value) {
        let namespaced = obj["metadata"]["namespace"]
            .as_str()
            .is_some_and(|ns| !ns.is_empty());
        if namespaced {
            return;
        }
        let entry = (
            obj["apiVersion"].as_str().unwrap_or_default().to_string(),
            obj["kind"].as_str().unwrap_or_default().to_string(),
            obj["metadata"]["name"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
        let mut created = self.created.lock().unwrap_or_else(|e| e.into_inner());
        if !created.contains(&entry) {
            created.push(entry);
        }
    }
}

impl Drop for RealTest {
    fn drop(&mut self) {
        let created = std::mem::take(&mut *self.created.lock().unwrap_or_else(|e| e.into_inner()));
        // Namespaces last: their deletion takes the namespace controller seconds; nobody waits.
        for (api_version, kind, name) in created.iter().rev() {
            let _ = self.cluster.api().delete(api_version, kind, None, name);
        }
    }
}

/// Objects on either backend, with the fake store's shape: plain JSON, types named by
/// `apiVersion` and `kind`, `None` namespace for cluster-scoped types or "all namespaces".
pub struct Objects<'a> {
    cluster: &'a TestCluster,
}

impl Objects<'_> {
    /// Creates an object. On the real cluster, namespaces and cluster-scoped objects are deleted
    /// when the test's handle is dropped.
    pub fn create(&self, obj: Value) -> Result<Value, ApiError> {
        match &self.cluster.backend {
            Kind::Fake(server) => server.store().create(obj),
            Kind::Real(real) => {
                real.record(&obj);
                real.cluster.api().create(obj)
            }
        }
    }

    /// Creates the object, or replaces the stored one when it exists.
    pub fn apply(&self, obj: Value) -> Result<Value, ApiError> {
        match &self.cluster.backend {
            Kind::Fake(server) => server.store().apply(obj),
            Kind::Real(real) => {
                real.record(&obj);
                real.cluster.api().apply(obj)
            }
        }
    }

    /// Creates a namespace unless it exists (on the real cluster: and waits for its `default`
    /// ServiceAccount).
    pub fn create_namespace(&self, name: &str) -> Value {
        match &self.cluster.backend {
            Kind::Fake(server) => server.store().create_namespace(name),
            Kind::Real(real) => {
                real.record(&serde_json::json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}));
                real.cluster.api().create_namespace(name)
            }
        }
    }

    pub fn get(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Option<Value> {
        match &self.cluster.backend {
            Kind::Fake(server) => server.store().get(api_version, kind, namespace, name),
            Kind::Real(real) => real.cluster.api().get(api_version, kind, namespace, name),
        }
    }

    pub fn list(&self, api_version: &str, kind: &str, namespace: Option<&str>) -> Vec<Value> {
        match &self.cluster.backend {
            Kind::Fake(server) => server.store().list(api_version, kind, namespace),
            Kind::Real(real) => real.cluster.api().list(api_version, kind, namespace),
        }
    }

    pub fn update(&self, obj: Value) -> Result<Value, ApiError> {
        match &self.cluster.backend {
            Kind::Fake(server) => server.store().update(obj),
            Kind::Real(real) => real.cluster.api().update(obj),
        }
    }

    /// Changes a stored object with a closure (status included).
    pub fn modify(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
        f: impl FnOnce(&mut Value),
    ) -> Result<Value, ApiError> {
        match &self.cluster.backend {
            Kind::Fake(server) => server.store().modify(api_version, kind, namespace, name, f),
            Kind::Real(real) => real
                .cluster
                .api()
                .modify(api_version, kind, namespace, name, f),
        }
    }

    pub fn delete(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Result<Value, ApiError> {
        match &self.cluster.backend {
            Kind::Fake(server) => server.store().delete(api_version, kind, namespace, name),
            Kind::Real(real) => real
                .cluster
                .api()
                .delete(api_version, kind, namespace, name),
        }
    }

    /// Deletes and waits until the object is gone (namespaces: until the namespace controller
    /// has emptied and removed it).
    pub fn delete_and_wait(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
        timeout: Duration,
    ) {
        let _ = self.delete(api_version, kind, namespace, name);
        self.cluster
            .wait_for(&format!("{kind} {name} deleted"), timeout, || {
                self.get(api_version, kind, namespace, name)
                    .is_none()
                    .then_some(())
            });
    }
}

/// What running the plugin needs of a backend: the fake server itself (fake-only tests) or a
/// [`TestCluster`] over either backend, so one helper serves both kinds of tests.
pub trait Backend {
    /// The binary with the backend's sanitised environment (its kubeconfig, its own HOME).
    fn command(&self, bin: &str) -> std::process::Command;
    /// HOME of [`command`](Self::command): the local default location lives under it.
    fn home_dir(&self) -> PathBuf;
}

impl Backend for FakeApiServer {
    fn command(&self, bin: &str) -> std::process::Command {
        FakeApiServer::command(self, bin)
    }
    fn home_dir(&self) -> PathBuf {
        FakeApiServer::home_dir(self)
    }
}

impl<T: Backend> Backend for &T {
    fn command(&self, bin: &str) -> std::process::Command {
        (**self).command(bin)
    }
    fn home_dir(&self) -> PathBuf {
        (**self).home_dir()
    }
}

impl Backend for TestCluster {
    fn command(&self, bin: &str) -> std::process::Command {
        TestCluster::command(self, bin)
    }
    fn home_dir(&self) -> PathBuf {
        TestCluster::home_dir(self)
    }
}

/// Writes one test body that runs on both backends: a module `NAME` with the tests `fake` and
/// `real` (`cargo test real` runs only the real-cluster ones). `node` in front selects the
/// node-mode cluster (pods run) for the real test.
///
/// ```ignore
/// kubectl_backup_testbed::on_both_backends! {
///     fn round_trip(cluster) {
///         let shop = cluster.namespace("shop");
///         // ...
///     }
/// }
/// ```
#[macro_export]
macro_rules! on_both_backends {
    ($(#[$attr:meta])* fn $name:ident($cluster:ident) $body:block) => {
        $crate::on_both_backends!(@expand real, $(#[$attr])* fn $name($cluster) $body);
    };
    ($(#[$attr:meta])* node fn $name:ident($cluster:ident) $body:block) => {
        $crate::on_both_backends!(@expand real_node, $(#[$attr])* fn $name($cluster) $body);
    };
    (@expand $ctor:ident, $(#[$attr:meta])* fn $name:ident($cluster:ident) $body:block) => {
        $(#[$attr])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            fn body($cluster: &$crate::TestCluster) $body

            #[test]
            fn fake() {
                body(&$crate::TestCluster::fake());
            }

            #[test]
            fn real() {
                if let Some(cluster) =
                    $crate::TestCluster::$ctor(concat!(module_path!(), "::real"))
                {
                    body(&cluster);
                }
            }
        }
    };
}
