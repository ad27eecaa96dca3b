//! Kanister's KubeTask pod recipe (kanister.md §7), with cleanup we can vouch for: every pod we
//! create is registered in a [`PodTracker`] before it exists and deleted when its function
//! returns, fails or is cancelled (the tracker's `cleanup` runs on every exit path of a run).

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use futures::{AsyncBufReadExt, StreamExt};
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, DeleteParams, LogParams, PostParams};
use serde_json::{Map, Value, json};

use crate::actionset::marker::Collector;
use crate::kube::wait::Check;
use crate::kube::{Cluster, describe_error, is_not_found};

/// Label every task pod carries (upstream's), plus ours naming the ActionSet.
pub const CREATED_BY: (&str, &str) = ("createdBy", "kanister");
pub const ACTIONSET_LABEL: &str = "kubectl-backup.io/actionset";
/// The ActionSet's namespace: task pods may run in other namespaces, and two namespaces may
/// hold ActionSets of the same name.
pub const ACTIONSET_NAMESPACE_LABEL: &str = "kubectl-backup.io/actionset-namespace";

/// The label selector of the task pods of one ActionSet.
pub fn task_pod_selector(namespace: &str, actionset: &str) -> String {
    format!("{ACTIONSET_LABEL}={actionset},{ACTIONSET_NAMESPACE_LABEL}={namespace}")
}

/// How many log lines a failure report shows.
const TAIL_LINES: usize = 10;

type PodSet = Arc<Mutex<BTreeSet<(String, String)>>>;

/// The pods a run created and has not deleted yet. A [`child`](PodTracker::child) tracks one
/// action's pods and registers them with the run's tracker too, so a stopped action can delete
/// its own pods before its deferPhase starts without touching another action's defer pod.
#[derive(Clone, Default)]
pub struct PodTracker {
    live: PodSet,
    parent: Option<PodSet>,
}

impl PodTracker {
    /// A tracker whose pods are also tracked by this one.
    pub fn child(&self) -> PodTracker {
        PodTracker {
            live: PodSet::default(),
            parent: Some(self.live.clone()),
        }
    }

    fn sets(&self) -> impl Iterator<Item = &PodSet> {
        std::iter::once(&self.live).chain(self.parent.iter())
    }

    fn add(&self, namespace: &str, name: &str) {
        for set in self.sets() {
            set.lock()
                .unwrap()
                .insert((namespace.to_string(), name.to_string()));
        }
    }

    fn remove(&self, namespace: &str, name: &str) {
        for set in self.sets() {
            set.lock()
                .unwrap()
                .remove(&(namespace.to_string(), name.to_string()));
        }
    }

    /// Deletes the pods this tracker still knows of (a function stopped before it could delete
    /// its own); returns what could not be deleted.
    pub async fn delete_live(&self, cluster: &Cluster) -> Vec<String> {
        let mut failures = Vec::new();
        for (namespace, name) in self.live() {
            match delete_pod(cluster, &namespace, &name).await {
                Ok(()) => self.remove(&namespace, &name),
                Err(e) => failures.push(format!("pod {namespace}/{name}: {e:#}")),
            }
        }
        failures
    }

    pub fn live(&self) -> Vec<(String, String)> {
        self.live.lock().unwrap().iter().cloned().collect()
    }

    /// Deletes every pod still registered (immediately: grace period 0), and any pod labelled
    /// for the ActionSet whose creation was interrupted before we learnt its name. Returns the
    /// pods deleted and what could not be deleted.
    pub async fn cleanup(
        &self,
        cluster: &Cluster,
        namespace: &str,
        actionset: &str,
    ) -> (Vec<String>, Vec<String>) {
        let mut deleted = Vec::new();
        let mut failures = Vec::new();
        let mut targets = self.live();
        match labelled_pods(cluster, namespace, actionset).await {
            Ok(found) => {
                for key in found {
                    if !targets.contains(&key) {
                        targets.push(key);
                    }
                }
            }
            Err(e) => failures.push(e),
        }
        for (namespace, name) in targets {
            match delete_pod(cluster, &namespace, &name).await {
                Ok(()) => {
                    self.remove(&namespace, &name);
                    deleted.push(format!("{namespace}/{name}"));
                }
                Err(e) => failures.push(format!("pod {namespace}/{name}: {e:#}")),
            }
        }
        (deleted, failures)
    }
}

/// The task pods labelled for one ActionSet, in every namespace.
async fn labelled_pods(
    cluster: &Cluster,
    namespace: &str,
    actionset: &str,
) -> std::result::Result<Vec<(String, String)>, String> {
    let api: Api<Pod> = Api::all(cluster.client.clone());
    let params = kube::api::ListParams::default().labels(&task_pod_selector(namespace, actionset));
    let list = api.list(&params).await.map_err(|e| {
        format!(
            "listing the task pods of actionset {namespace}/{actionset}: {}",
            describe_error(&cluster.server, &e)
        )
    })?;
    Ok(list
        .items
        .into_iter()
        .map(|pod| {
            (
                pod.metadata.namespace.unwrap_or_default(),
                pod.metadata.name.unwrap_or_default(),
            )
        })
        .collect())
}

async fn delete_pod(cluster: &Cluster, namespace: &str, name: &str) -> Result<()> {
    let api: Api<Pod> = Api::namespaced(cluster.client.clone(), namespace);
    match api
        .delete(name, &DeleteParams::default().grace_period(0))
        .await
    {
        Ok(_) => Ok(()),
        Err(e) if is_not_found(&e) => Ok(()),
        Err(e) => Err(anyhow!(describe_error(&cluster.server, &e))),
    }
}

/// What a task pod should run.
pub struct TaskPod {
    pub namespace: String,
    pub generate_name: &'static str,
    pub image: String,
    pub command: Vec<String>,
    pub labels: BTreeMap<String, String>,
    pub annotations: BTreeMap<String, String>,
    /// Blueprint's `podOverride`, then the ActionSet's (which wins).
    pub overrides: Vec<Map<String, Value>>,
    /// Extra volumes: PVC claim name → mount path (PrepareData).
    pub volumes: BTreeMap<String, String>,
    pub service_account: Option<String>,
}

/// What came out of a task pod.
pub struct TaskResult {
    pub output: Option<Map<String, Value>>,
}

/// Streams log lines to the user (with `--logs`) and keeps the last few for error reports.
#[derive(Clone)]
pub struct LogSink {
    pub echo: bool,
    pub prefix: String,
    /// Says why a task pod has not started yet, as it changes (`None`: silent).
    pub progress: Option<String>,
}

impl LogSink {
    /// One line on stderr; a closed stderr (a broken pipe) is ignored, never a panic, so the
    /// run still cleans up after itself.
    pub fn line(text: &str) -> std::io::Result<()> {
        use std::io::Write;
        writeln!(std::io::stderr().lock(), "{text}")
    }

    fn waiting(&self, what: &str, reason: &str) {
        if let Some(prefix) = &self.progress {
            let _ = LogSink::line(&format!("{prefix}{what} not started yet: {reason}"));
        }
    }
}

impl TaskPod {
    fn manifest(&self) -> Result<Value> {
        let volumes: Vec<Value> = self
            .volumes
            .keys()
            .enumerate()
            .map(|(i, claim)| json!({"name": format!("vol-{i}"), "persistentVolumeClaim": {"claimName": claim}}))
            .collect();
        let mounts: Vec<Value> = self
            .volumes
            .values()
            .enumerate()
            .map(|(i, path)| json!({"name": format!("vol-{i}"), "mountPath": path}))
            .collect();
        let mut container = json!({
            "name": "container",
            "image": self.image,
            "command": self.command,
            "imagePullPolicy": "IfNotPresent",
        });
        if !mounts.is_empty() {
            container["volumeMounts"] = Value::Array(mounts);
        }
        let mut spec = json!({"containers": [container], "restartPolicy": "Never"});
        if !volumes.is_empty() {
            spec["volumes"] = Value::Array(volumes);
        }
        if let Some(sa) = &self.service_account {
            spec["serviceAccountName"] = Value::String(sa.clone());
        }
        for patch in &self.overrides {
            strategic_merge(&mut spec, &Value::Object(patch.clone()));
        }
        let mut labels = self.labels.clone();
        labels.insert(CREATED_BY.0.into(), CREATED_BY.1.into());
        let mut metadata = json!({"generateName": self.generate_name, "namespace": self.namespace, "labels": labels});
        if !self.annotations.is_empty() {
            metadata["annotations"] = serde_json::to_value(&self.annotations)?;
        }
        Ok(json!({"apiVersion": "v1", "kind": "Pod", "metadata": metadata, "spec": spec}))
    }

    /// Creates the pod, follows its log for phase outputs, waits for it to end, deletes it.
    pub async fn run(
        &self,
        cluster: &Cluster,
        tracker: &PodTracker,
        sink: &LogSink,
        tolerate_failure: bool,
    ) -> Result<TaskResult> {
        let api: Api<Pod> = Api::namespaced(cluster.client.clone(), &self.namespace);
        let pod: Pod = serde_json::from_value(self.manifest()?)?;
        let created = api
            .create(&PostParams::default(), &pod)
            .await
            .map_err(|e| {
                anyhow!(
                    "creating a task pod in {}: {}",
                    self.namespace,
                    describe_error(&cluster.server, &e)
                )
            })?;
        let name = created.metadata.name.clone().unwrap_or_default();
        tracker.add(&self.namespace, &name);
        let result = self
            .follow(cluster, &api, &name, sink, tolerate_failure)
            .await;
        // Deleted whatever happened; a failed delete stays in the tracker for the final sweep.
        if delete_pod(cluster, &self.namespace, &name).await.is_ok() {
            tracker.remove(&self.namespace, &name);
        }
        result
    }

    async fn follow(
        &self,
        cluster: &Cluster,
        api: &Api<Pod>,
        name: &str,
        sink: &LogSink,
        tolerate_failure: bool,
    ) -> Result<TaskResult> {
        let what = format!("pod {}/{name}", self.namespace);
        wait_started(cluster, api, name, &what, sink).await?;
        let mut collector = Collector::new();
        let mut tail: VecDeque<String> = VecDeque::new();
        let params = LogParams {
            container: Some("container".into()),
            follow: true,
            ..LogParams::default()
        };
        match api.log_stream(name, &params).await {
            Ok(stream) => {
                let mut lines = stream.lines();
                while let Some(line) = lines.next().await {
                    let line = match line {
                        Ok(l) => l,
                        Err(_) => break,
                    };
                    collector.feed(line.as_bytes());
                    collector.feed(b"\n");
                    if sink.echo && !line.contains(crate::actionset::marker::MARKER) {
                        let _ = LogSink::line(&format!("{}{line}", sink.prefix));
                    }
                    tail.push_back(line);
                    if tail.len() > TAIL_LINES {
                        tail.pop_front();
                    }
                }
            }
            Err(e) => bail!(
                "reading the log of {what}: {}",
                describe_error(&cluster.server, &e)
            ),
        }
        // Upstream parses the outputs before it looks at how the pod ended: a malformed
        // marker fails the phase even when failures are tolerated.
        let output = collector.finish()?;
        let (phase, exit, why) = wait_finished(cluster, api, name, &what).await?;
        if phase != "Succeeded" && !tolerate_failure {
            let tail: Vec<String> = tail.into_iter().collect();
            bail!(
                "{what} failed (exit code {}){}{}",
                exit.map_or("unknown".to_string(), |c| c.to_string()),
                // A container that never started has no log; the kubelet says why here.
                why.map(|m| format!(": {m}")).unwrap_or_default(),
                if tail.is_empty() {
                    String::new()
                } else {
                    format!("; last log lines:\n{}", tail.join("\n"))
                }
            );
        }
        Ok(TaskResult { output })
    }
}

fn pod_phase(pod: &Pod) -> String {
    pod.status
        .as_ref()
        .and_then(|s| s.phase.clone())
        .unwrap_or_default()
}

/// How long a task pod may take to start: `TIMEOUT_WORKER_POD_READY` minutes, 15 by default
/// (Kanister's setting and default).
pub fn pod_start_timeout() -> Duration {
    let minutes = std::env::var("TIMEOUT_WORKER_POD_READY")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(15);
    Duration::from_secs(minutes * 60)
}

/// Waits for the pod to leave `Pending` until [`pod_start_timeout`], as Kanister does: a
/// registry that fails a pull now and then, a node still scaling up, are waited out, and each
/// new reason for waiting is reported as it appears. Only what no retry can fix (an image that
/// must not be pulled and is absent, an invalid image name) fails at once.
async fn wait_started(
    cluster: &Cluster,
    api: &Api<Pod>,
    name: &str,
    what: &str,
    sink: &LogSink,
) -> Result<()> {
    let timeout = pod_start_timeout();
    let last_reason = Mutex::new(String::new());
    let started = super::poll::every(Duration::from_millis(200), what, "start")
        .timeout(timeout)
        .until(|| async {
            let pod = api
                .get(name)
                .await
                .map_err(|e| anyhow!("reading {what}: {}", describe_error(&cluster.server, &e)))?;
            let phase = pod_phase(&pod);
            if !phase.is_empty() && phase != "Pending" {
                return Ok(Check::Done(()));
            }
            let waiting = waiting_reason(&pod);
            if let Some(w) = &waiting {
                if w.permanent {
                    bail!("{what} cannot start: {}", w.text);
                }
                let mut last = last_reason.lock().unwrap_or_else(|e| e.into_inner());
                if w.text != *last {
                    sink.waiting(what, &w.text);
                    *last = w.text.clone();
                }
            }
            Ok(Check::Pending(waiting.map(|w| w.text)))
        })
        .await;
    started.map_err(|e| match super::poll::timed_out(&e) {
        Some(last) => anyhow!(
            "{what} did not start within {} (TIMEOUT_WORKER_POD_READY){}",
            crate::duration::format_go_duration(timeout),
            last.map(|w| format!("; last waiting reason: {w}"))
                .unwrap_or_default()
        ),
        None => e,
    })
}

/// Why a pod is not running yet, and whether waiting longer can help.
#[derive(Debug, PartialEq)]
pub struct Waiting {
    pub text: String,
    pub permanent: bool,
}

/// Reasons no retry fixes: the kubelet will never pull this image.
const PERMANENT_WAITING_REASONS: &[&str] = &["ErrImageNeverPull", "InvalidImageName"];

pub fn waiting_reason(pod: &Pod) -> Option<Waiting> {
    let status = pod.status.as_ref()?;
    for cs in status
        .init_container_statuses
        .iter()
        .flatten()
        .chain(status.container_statuses.iter().flatten())
    {
        if let Some(waiting) = cs.state.as_ref().and_then(|s| s.waiting.as_ref())
            && let Some(reason) = waiting.reason.as_deref()
            && reason != "ContainerCreating"
            && reason != "PodInitializing"
        {
            return Some(Waiting {
                text: match waiting.message.as_deref().filter(|m| !m.is_empty()) {
                    Some(message) => format!("{reason}: {message}"),
                    None => reason.to_string(),
                },
                permanent: PERMANENT_WAITING_REASONS.contains(&reason),
            });
        }
    }
    for c in status.conditions.iter().flatten() {
        if c.type_ == "PodScheduled" && c.status == "False" {
            return Some(Waiting {
                text: format!(
                    "{}: {}",
                    c.reason.as_deref().unwrap_or("not scheduled"),
                    c.message.as_deref().unwrap_or_default()
                ),
                permanent: false,
            });
        }
    }
    None
}

async fn wait_finished(
    cluster: &Cluster,
    api: &Api<Pod>,
    name: &str,
    what: &str,
) -> Result<(String, Option<i32>, Option<String>)> {
    super::poll::every(Duration::from_millis(200), what, "finish")
        .until(|| async {
            let pod = api
                .get(name)
                .await
                .map_err(|e| anyhow!("reading {what}: {}", describe_error(&cluster.server, &e)))?;
            let phase = pod_phase(&pod);
            if phase != "Succeeded" && phase != "Failed" {
                return Ok(Check::Pending(None));
            }
            let terminated = pod
                .status
                .as_ref()
                .and_then(|s| s.container_statuses.as_ref())
                .and_then(|cs| cs.iter().find(|c| c.name == "container"))
                .and_then(|c| c.state.as_ref())
                .and_then(|s| s.terminated.as_ref());
            let exit = terminated.map(|t| t.exit_code);
            let why = terminated
                .and_then(|t| t.message.clone())
                .filter(|m| !m.trim().is_empty())
                .map(|m| match terminated.and_then(|t| t.reason.as_deref()) {
                    Some(reason) => format!("{reason}: {}", m.trim()),
                    None => m.trim().to_string(),
                });
            Ok(Check::Done((phase, exit, why)))
        })
        .await
}

/// A strategic merge of `patch` into `target`: maps merge recursively, `containers`,
/// `initContainers`, `volumes` and `volumeMounts`/`env` merge by `name`, other lists replace, and
/// `null` deletes. The main container stays first.
pub fn strategic_merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                    continue;
                }
                let by_name = matches!(
                    k.as_str(),
                    "containers" | "initContainers" | "volumes" | "volumeMounts" | "env" | "ports"
                );
                match (t.get_mut(k), v) {
                    (Some(Value::Array(existing)), Value::Array(items)) if by_name => {
                        for item in items {
                            let name = item.get("name").cloned();
                            match existing
                                .iter_mut()
                                .find(|e| name.is_some() && e.get("name") == name.as_ref())
                            {
                                Some(e) => strategic_merge(e, item),
                                None => existing.push(item.clone()),
                            }
                        }
                    }
                    (Some(existing @ Value::Object(_)), Value::Object(_)) => {
                        strategic_merge(existing, v)
                    }
                    _ => {
                        t.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_merges_containers_by_name() {
        let mut spec =
            json!({"containers": [{"name": "container", "image": "a"}], "restartPolicy": "Never"});
        strategic_merge(
            &mut spec,
            &json!({"serviceAccountName": "sa", "containers": [{"name": "container", "env": [{"name": "X", "value": "1"}]}, {"name": "side", "image": "b"}]}),
        );
        assert_eq!(spec["serviceAccountName"], "sa");
        assert_eq!(spec["containers"][0]["name"], "container");
        assert_eq!(spec["containers"][0]["image"], "a");
        assert_eq!(spec["containers"][0]["env"][0]["value"], "1");
        assert_eq!(spec["containers"][1]["name"], "side");
    }
}
