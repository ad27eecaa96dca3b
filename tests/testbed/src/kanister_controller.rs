//! A scripted stand-in for the Kanister controller, written from the reference
//! (`kanister.md` §1.3, §2, §5.3, §6, §7) and independent of kubectl-backup's own executor:
//! it watches ActionSets in its namespace through the API like the real controller, initialises
//! their status (state `pending`, every phase `pending`, the Blueprint's `outputArtifacts`
//! unrendered), runs actions concurrently and their phases in order, always runs the defer phase,
//! renders output artifacts only when everything succeeded, writes the whole object back on each
//! transition, and records the Events the controller records.
//!
//! Phases run for real when that is simple (KubeTask: a pod, run by the fake API server's kubelet
//! stand-in or by a real node, outputs from its `###Phase-output###:` log markers) or follow a [`PhaseScript`]
//! given by the test. Anything else (another function without a script, a phase `objects` list,
//! a template form outside [`template`]'s subset) fails the ActionSet *and* is listed by
//! [`KanisterController::problems`], so a test cannot mistake a gap here for a result.

mod kube_task;
mod run;
pub mod template;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Map, Value, json};

use crate::TestCluster;
use crate::apiserver::ADMIN_TOKEN;

/// Label the Helm chart puts on the controller Deployment; `doctor` finds the controller by it.
pub const OPERATOR_LABEL: (&str, &str) = ("app", "kanister-operator");
/// The controller Deployment's name (the Helm chart's default for release `kanister`).
pub const OPERATOR_DEPLOYMENT: &str = "kanister-kanister-operator";

/// What a scripted phase does instead of running its function.
#[derive(Debug, Clone, PartialEq)]
pub enum PhaseScript {
    /// Succeed with this output map.
    Output(Map<String, Value>),
    /// Fail with this error (the function's error text).
    Fail(String),
}

/// The args a phase was run with, after rendering.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedPhase {
    pub actionset: String,
    pub action: usize,
    pub phase: String,
    pub func: String,
    pub args: Map<String, Value>,
}

#[derive(Default)]
struct Record {
    claimed: BTreeSet<String>,
    handled: Vec<String>,
    finished: Vec<String>,
    cancelled: Vec<String>,
    problems: Vec<String>,
    phases: Vec<RenderedPhase>,
}

/// Configuration and what the controller did, shared with its thread.
pub(crate) struct Shared {
    namespace: String,
    scripts: BTreeMap<String, PhaseScript>,
    record: Mutex<Record>,
}

impl Shared {
    fn problem(&self, text: String) {
        self.record.lock().unwrap().problems.push(text);
    }
}

/// Builds a [`KanisterController`].
pub struct ControllerBuilder {
    namespace: String,
    scripts: BTreeMap<String, PhaseScript>,
}

impl ControllerBuilder {
    /// The phase named `phase` (phase names are unique in a Blueprint) follows `script`.
    pub fn script(mut self, phase: &str, script: PhaseScript) -> Self {
        self.scripts.insert(phase.to_string(), script);
        self
    }

    /// Installs the controller Deployment (`app: kanister-operator`, waited for until Available,
    /// so `doctor` and `--mode auto` see a running controller) and starts watching ActionSets in
    /// the namespace. The Kanister CRDs must be installed and the namespace must exist. On the
    /// fake server its KubeTask pods run as host processes, on a real node as containers.
    pub fn start(self, cluster: &TestCluster) -> KanisterController {
        let objects = cluster.objects();
        objects
            .create(json!({"apiVersion": "apps/v1", "kind": "Deployment",
                "metadata": {"name": OPERATOR_DEPLOYMENT, "namespace": self.namespace,
                             "labels": {OPERATOR_LABEL.0: OPERATOR_LABEL.1}},
                "spec": {"replicas": 1,
                    "selector": {"matchLabels": {OPERATOR_LABEL.0: OPERATOR_LABEL.1}},
                    // The controller itself runs in this process. No command: the fake's kubelet
                    // keeps such a container running without a host process; a real node runs
                    // the preloaded pause image.
                    "template": {"metadata": {"labels": {OPERATOR_LABEL.0: OPERATOR_LABEL.1}},
                        "spec": {"containers": [{"name": "kanister-operator",
                            "image": "registry.k8s.io/pause:3.10",
                            "imagePullPolicy": "IfNotPresent"}]}}}}))
            .expect("create the controller Deployment");
        cluster.wait_for(
            &format!(
                "the controller Deployment {}/{OPERATOR_DEPLOYMENT} Available",
                self.namespace
            ),
            Duration::from_secs(120),
            || {
                objects
                    .get(
                        "apps/v1",
                        "Deployment",
                        Some(&self.namespace),
                        OPERATOR_DEPLOYMENT,
                    )
                    .is_some_and(|d| {
                        d["status"]["conditions"].as_array().is_some_and(|cs| {
                            cs.iter()
                                .any(|c| c["type"] == "Available" && c["status"] == "True")
                        })
                    })
                    .then_some(())
            },
        );
        let mut config = match (cluster.fake_server(), cluster.real_cluster()) {
            (Some(server), _) => {
                let mut config = kube::Config::new(server.url().parse().expect("url"));
                config.auth_info.token = Some(secrecy::SecretString::from(ADMIN_TOKEN.to_string()));
                config
            }
            (None, Some(real)) => real.api().config(),
            (None, None) => unreachable!("a test cluster is fake or real"),
        };
        config.default_namespace = self.namespace.clone();

        let shared = Arc::new(Shared {
            namespace: self.namespace,
            scripts: self.scripts,
            record: Mutex::new(Record::default()),
        });
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread_shared = shared.clone();
        let thread = std::thread::Builder::new()
            .name("kanister-controller".into())
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(1)
                    .thread_name("kanister-controller-worker")
                    .enable_all()
                    .build()
                    .expect("tokio runtime");
                runtime.block_on(async move {
                    let client = kube::Client::try_from(config).expect("kube client");
                    tokio::select! {
                        () = run::watch(client, thread_shared) => {}
                        _ = stopped => {}
                    }
                });
                runtime.shutdown_timeout(Duration::from_secs(2));
            })
            .expect("spawn the controller thread");
        KanisterController {
            shared,
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

/// The running stand-in; stops when dropped.
pub struct KanisterController {
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl KanisterController {
    /// A controller for ActionSets in `namespace` (the real one watches only its own).
    pub fn builder(namespace: &str) -> ControllerBuilder {
        ControllerBuilder {
            namespace: namespace.to_string(),
            scripts: BTreeMap::new(),
        }
    }

    /// ActionSets this controller took up, in order.
    pub fn handled(&self) -> Vec<String> {
        self.shared.record.lock().unwrap().handled.clone()
    }

    /// ActionSets it is done with: final status written and every Event recorded.
    pub fn finished(&self) -> Vec<String> {
        self.shared.record.lock().unwrap().finished.clone()
    }

    /// ActionSets deleted while it ran them (kanister.md §2: the running function is cancelled
    /// and its pod deleted; later phases do not start).
    pub fn cancelled(&self) -> Vec<String> {
        self.shared.record.lock().unwrap().cancelled.clone()
    }

    /// What it could not do honestly (unsupported function, template form, …). A test using
    /// the controller should assert this is empty.
    pub fn problems(&self) -> Vec<String> {
        self.shared.record.lock().unwrap().problems.clone()
    }

    /// Every phase it ran (or played from a script), with its rendered args.
    pub fn phases(&self) -> Vec<RenderedPhase> {
        self.shared.record.lock().unwrap().phases.clone()
    }
}

impl Drop for KanisterController {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
