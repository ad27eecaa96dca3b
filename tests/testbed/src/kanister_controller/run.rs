//! The controller's loop and state machine (kanister.md §2): initialise, start, run each action
//! (phases in order, defer phase always), finish; every transition is a get → mutate → replace
//! of the whole ActionSet (no status subresource), retried on conflict.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use futures::StreamExt;
use k8s_openapi::api::core::v1::Event as K8sEvent;
use kube::api::{Api, DynamicObject, PostParams};
use kube::core::GroupVersionKind;
use kube::discovery::ApiResource;
use kube::runtime::WatchStreamExt;
use kube::runtime::watcher;
use serde_json::{Map, Value, json};
use tokio::sync::Mutex;

use super::kube_task::{self, TaskContext};
use super::template::{RenderError, render, render_tree};
use super::{PhaseScript, RenderedPhase, Shared};

const GROUP: &str = "cr.kanister.io";
const VERSION: &str = "v1alpha1";

fn kanister(kind: &str, plural: &str) -> ApiResource {
    ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(GROUP, VERSION, kind), plural)
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Watches ActionSets in the controller namespace and takes up each new one (no status yet).
pub(crate) async fn watch(client: kube::Client, shared: Arc<Shared>) {
    let api: Api<DynamicObject> = Api::namespaced_with(
        client.clone(),
        &shared.namespace,
        &kanister("ActionSet", "actionsets"),
    );
    let mut events = watcher(api, watcher::Config::default())
        .default_backoff()
        .boxed();
    // Cancellation switches of the runs in progress, by uid.
    let mut running: BTreeMap<String, tokio::sync::watch::Sender<bool>> = BTreeMap::new();
    while let Some(event) = events.next().await {
        running.retain(|_, cancel| !cancel.is_closed());
        let object = match event {
            Ok(watcher::Event::Apply(o) | watcher::Event::InitApply(o)) => o,
            Ok(watcher::Event::Delete(o)) => {
                let uid = o.metadata.uid.clone().unwrap_or_default();
                if let Some(cancel) = running.remove(&uid) {
                    let _ = cancel.send(true);
                    let mut record = shared.record.lock().unwrap();
                    record
                        .cancelled
                        .push(o.metadata.name.clone().unwrap_or_default());
                }
                continue;
            }
            _ => continue,
        };
        if object.data.get("status").is_some_and(|s| !s.is_null()) {
            continue;
        }
        let uid = object.metadata.uid.clone().unwrap_or_default();
        let name = object.metadata.name.clone().unwrap_or_default();
        {
            let mut record = shared.record.lock().unwrap();
            if !record.claimed.insert(uid) {
                continue;
            }
            record.handled.push(name.clone());
        }
        let (cancel_tx, cancel_rx) = tokio::sync::watch::channel(false);
        let run = Arc::new(Run {
            client: client.clone(),
            shared: shared.clone(),
            name,
            uid: object.metadata.uid.clone().unwrap_or_default(),
            status: Mutex::new(Value::Null),
            cancel: cancel_rx,
        });
        running.insert(run.uid.clone(), cancel_tx);
        tokio::spawn(async move {
            run.clone().handle(object).await;
            let mut record = run.shared.record.lock().unwrap();
            record.finished.push(run.name.clone());
        });
    }
}

/// One ActionSet being run.
struct Run {
    client: kube::Client,
    shared: Arc<Shared>,
    name: String,
    uid: String,
    status: Mutex<Value>,
    /// True once the ActionSet is deleted.
    cancel: tokio::sync::watch::Receiver<bool>,
}

/// Which list a phase is in.
#[derive(Clone, Copy)]
enum Slot {
    Phase(usize),
    Defer,
}

impl Slot {
    fn label(self) -> &'static str {
        match self {
            Slot::Phase(_) => "phase",
            Slot::Defer => "deferPhase",
        }
    }
}

fn phase_mut(status: &mut Value, action: usize, slot: Slot) -> &mut Value {
    let a = &mut status["actions"][action];
    match slot {
        Slot::Phase(i) => &mut a["phases"][i],
        Slot::Defer => &mut a["deferPhase"],
    }
}

/// Mean of every phase's `progressPercent` across all actions: `status.actions[].phases` only,
/// as Kanister's controller computes it (the deferPhase never counts).
fn percent_completed(status: &Value) -> String {
    let mut total = 0u64;
    let mut count = 0u64;
    for action in status["actions"].as_array().into_iter().flatten() {
        for phase in action["phases"].as_array().into_iter().flatten() {
            count += 1;
            total += phase["progress"]["progressPercent"]
                .as_str()
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(0);
        }
    }
    total.checked_div(count).unwrap_or(0).to_string()
}

fn fail(status: &mut Value, message: String) {
    status["state"] = json!("failed");
    if status["error"]["message"].as_str().unwrap_or("").is_empty() {
        status["error"] = json!({ "message": message });
    }
}

/// Lowercase kind → the API path of the object (kanister.md §1.1).
fn object_resource(reference: &Value) -> Result<(ApiResource, bool), String> {
    let kind = reference["kind"].as_str().unwrap_or("").to_lowercase();
    let core = |version: &str, kind: &str, plural: &str| ApiResource {
        group: String::new(),
        version: version.into(),
        api_version: version.into(),
        kind: kind.into(),
        plural: plural.into(),
    };
    let apps = |kind: &str, plural: &str| ApiResource {
        group: "apps".into(),
        version: "v1".into(),
        api_version: "apps/v1".into(),
        kind: kind.into(),
        plural: plural.into(),
    };
    Ok(match kind.as_str() {
        "statefulset" => (apps("StatefulSet", "statefulsets"), true),
        "deployment" => (apps("Deployment", "deployments"), true),
        "pvc" => (
            core("v1", "PersistentVolumeClaim", "persistentvolumeclaims"),
            true,
        ),
        "namespace" => (core("v1", "Namespace", "namespaces"), false),
        "" => {
            let group = reference["group"].as_str().unwrap_or("").to_string();
            let version = reference["apiVersion"].as_str().unwrap_or("").to_string();
            let plural = reference["resource"].as_str().unwrap_or("").to_string();
            if version.is_empty() || plural.is_empty() {
                return Err("object reference without kind needs apiVersion and resource".into());
            }
            let api_version = if group.is_empty() {
                version.clone()
            } else {
                format!("{group}/{version}")
            };
            let namespaced = !reference["namespace"].as_str().unwrap_or("").is_empty();
            (
                ApiResource {
                    group,
                    version,
                    api_version,
                    kind: String::new(),
                    plural,
                },
                namespaced,
            )
        }
        other => {
            return Err(format!(
                "object kind {other:?} is not supported by the test controller"
            ));
        }
    })
}

impl Run {
    /// Writes the status: get, set `status`, replace; retried on conflict. `false` when the
    /// ActionSet is gone.
    async fn write(&self, status: &Value) -> bool {
        let api: Api<DynamicObject> = Api::namespaced_with(
            self.client.clone(),
            &self.shared.namespace,
            &kanister("ActionSet", "actionsets"),
        );
        for _ in 0..50 {
            let mut object = match api.get(&self.name).await {
                Ok(o) => o,
                Err(kube::Error::Api(s)) if s.code == 404 => return false,
                Err(e) => {
                    self.shared
                        .problem(format!("actionset {}: reading it: {e}", self.name));
                    return false;
                }
            };
            if object.metadata.uid.as_deref() != Some(self.uid.as_str()) {
                return false;
            }
            object.data["status"] = status.clone();
            match api
                .replace(&self.name, &PostParams::default(), &object)
                .await
            {
                Ok(_) => return true,
                Err(kube::Error::Api(s)) if s.code == 409 => continue,
                Err(e) => {
                    self.shared
                        .problem(format!("actionset {}: writing its status: {e}", self.name));
                    return false;
                }
            }
        }
        self.shared.problem(format!(
            "actionset {}: status write kept conflicting",
            self.name
        ));
        false
    }

    /// Mutates the shared status, refreshes the aggregate progress and writes it.
    async fn update(&self, change: impl FnOnce(&mut Value)) -> bool {
        let mut status = self.status.lock().await;
        change(&mut status);
        let percent = percent_completed(&status);
        if status["progress"]["percentCompleted"] != json!(percent) {
            status["progress"]["percentCompleted"] = json!(percent);
            status["progress"]["lastTransitionTime"] = json!(now());
        }
        self.write(&status).await
    }

    async fn event(&self, warning: bool, reason: &str, message: String) {
        static SEQUENCE: AtomicU64 = AtomicU64::new(0);
        let n = SEQUENCE.fetch_add(1, Ordering::Relaxed);
        let stamp = now();
        let event = json!({
            "apiVersion": "v1", "kind": "Event",
            "metadata": {"name": format!("{}.{:x}{n:04x}", self.name,
                chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0)),
                "namespace": self.shared.namespace},
            "involvedObject": {"apiVersion": format!("{GROUP}/{VERSION}"), "kind": "ActionSet",
                "name": self.name, "namespace": self.shared.namespace, "uid": self.uid},
            "reason": reason, "message": message,
            "type": if warning { "Warning" } else { "Normal" },
            "source": {"component": "Kanister Controller"},
            "firstTimestamp": stamp, "lastTimestamp": stamp, "count": 1,
        });
        let api: Api<K8sEvent> = Api::namespaced(self.client.clone(), &self.shared.namespace);
        let event: K8sEvent = serde_json::from_value(event).expect("event");
        if let Err(e) = api.create(&PostParams::default(), &event).await {
            self.shared.problem(format!(
                "actionset {}: recording event {reason}: {e}",
                self.name
            ));
        }
    }

    async fn blueprint(&self, name: &str) -> Result<Value, String> {
        let api: Api<DynamicObject> = Api::namespaced_with(
            self.client.clone(),
            &self.shared.namespace,
            &kanister("Blueprint", "blueprints"),
        );
        match api.get_opt(name).await {
            Ok(Some(b)) => Ok(serde_json::to_value(b).expect("json")),
            Ok(None) => Err(format!(
                "blueprint {name:?} not found in namespace {:?}",
                self.shared.namespace
            )),
            Err(e) => Err(format!("reading blueprint {name:?}: {e}")),
        }
    }

    async fn handle(self: Arc<Self>, actionset: DynamicObject) {
        let spec_actions: Vec<Value> = actionset.data["spec"]["actions"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        // Create: every phase pending, output artifacts unrendered.
        let mut status = json!({"state": "pending", "actions": [],
            "progress": {"percentCompleted": "0", "lastTransitionTime": now()}});
        let mut blueprint_actions = Vec::new();
        // The Warning the controller records when initialisation fails: (reason, message).
        let mut init_failure: Option<(String, String)> = None;
        for spec in &spec_actions {
            let mut entry = json!({"name": spec["name"], "object": spec["object"],
                "blueprint": spec["blueprint"], "phases": [],
                "deferPhase": {"name": "", "state": ""}, "artifacts": {}});
            let found = match self
                .blueprint(spec["blueprint"].as_str().unwrap_or(""))
                .await
            {
                Ok(bp) => {
                    let action_name = spec["name"].as_str().unwrap_or("");
                    match bp["actions"].get(action_name) {
                        Some(a) => Ok(a.clone()),
                        None => {
                            let e = format!(
                                "action {action_name:?} not found in blueprint {}",
                                spec["blueprint"]
                            );
                            init_failure.get_or_insert((
                                format!("ActionSetFailed Action: {action_name}"),
                                format!("Could not get initial action: {e}"),
                            ));
                            Err(e)
                        }
                    }
                }
                Err(e) => {
                    init_failure
                        .get_or_insert(("Error".into(), format!("Could not get blueprint: {e}")));
                    Err(e)
                }
            };
            match &found {
                Ok(bp_action) => {
                    let pending = |p: &Value| json!({"name": p["name"], "state": "pending"});
                    entry["phases"] = Value::Array(
                        bp_action["phases"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .map(pending)
                            .collect(),
                    );
                    if bp_action["deferPhase"].is_object() {
                        entry["deferPhase"] = pending(&bp_action["deferPhase"]);
                    }
                    entry["artifacts"] = bp_action
                        .get("outputArtifacts")
                        .cloned()
                        .unwrap_or_else(|| json!({}));
                }
                Err(e) => fail(&mut status, e.clone()),
            }
            status["actions"].as_array_mut().unwrap().push(entry);
            blueprint_actions.push(found);
        }
        *self.status.lock().await = status;
        if !self.update(|_| {}).await {
            return;
        }
        if let Some((reason, message)) = init_failure {
            self.event(true, &reason, message).await;
            return;
        }
        // Start: actions concurrently.
        if !self.update(|s| s["state"] = json!("running")).await {
            return;
        }
        let runs = spec_actions.iter().enumerate().map(|(i, spec)| {
            let bp_action = blueprint_actions[i].as_ref().expect("checked at init");
            self.run_action(i, spec, bp_action)
        });
        futures::future::join_all(runs).await;
        // Finish.
        self.update(|s| {
            s["progress"]["runningPhase"] = json!("");
            let all_complete = s["actions"].as_array().into_iter().flatten().all(|a| {
                a["phases"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .all(|p| p["state"] == "complete")
                    && (a["deferPhase"]["name"].as_str().unwrap_or("").is_empty()
                        || a["deferPhase"]["state"] == "complete")
            });
            if s["state"] != "failed" {
                s["state"] = json!(if all_complete { "complete" } else { "failed" });
            }
        })
        .await;
        let state = self.status.lock().await["state"].clone();
        if state == "complete" {
            self.event(
                false,
                "Update Complete",
                format!("Updated ActionSet '{}' Status->complete", self.name),
            )
            .await;
        }
    }

    /// Template parameters of one action (kanister.md §5.4), the subset the stand-in supports.
    async fn params(&self, spec: &Value) -> Result<Value, String> {
        let reference = &spec["object"];
        let (resource, namespaced) = object_resource(reference)?;
        let name = reference["name"].as_str().unwrap_or("");
        let namespace = reference["namespace"].as_str().unwrap_or("");
        let api: Api<DynamicObject> = if namespaced {
            Api::namespaced_with(self.client.clone(), namespace, &resource)
        } else {
            Api::all_with(self.client.clone(), &resource)
        };
        let object = api
            .get(name)
            .await
            .map_err(|e| format!("reading the action's object {namespace}/{name}: {e}"))?;
        let workload = json!({"Name": name, "Namespace": namespace});
        let kind = reference["kind"].as_str().unwrap_or("").to_lowercase();
        let pick = |k: &str| {
            if kind == k {
                workload.clone()
            } else {
                Value::Null
            }
        };
        let artifacts_in: Map<String, Value> = spec["artifacts"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, a)| {
                (
                    k.clone(),
                    json!({"KeyValue": a.get("keyValue").cloned().unwrap_or_else(|| json!({})),
                           "KopiaSnapshot": a.get("kopiaSnapshot").cloned().unwrap_or_else(|| json!(""))}),
                )
            })
            .collect();
        Ok(json!({
            "Object": serde_json::to_value(object).expect("json"),
            "StatefulSet": pick("statefulset"),
            "Deployment": pick("deployment"),
            "PVC": pick("pvc"),
            // Both from object.namespace (§5.4).
            "Namespace": if kind == "namespace" {
                json!({"Name": namespace, "Namespace": namespace})
            } else {
                Value::Null
            },
            "Options": spec.get("options").cloned().unwrap_or_else(|| json!({})),
            "ArtifactsIn": artifacts_in,
            "Phases": {},
            "DeferPhase": null,
        }))
    }

    async fn run_action(&self, index: usize, spec: &Value, bp_action: &Value) {
        let action_name = spec["name"].as_str().unwrap_or("").to_string();
        self.event(
            false,
            "Started Action",
            format!("Executing action {action_name}"),
        )
        .await;
        // Prepare: params and phase objects; any error fails the ActionSet at once.
        let phases: Vec<Value> = bp_action["phases"].as_array().cloned().unwrap_or_default();
        let defer = bp_action
            .get("deferPhase")
            .filter(|d| d.is_object())
            .cloned();
        let prepared = match self.params(spec).await {
            Ok(p) => {
                let with_objects = phases
                    .iter()
                    .chain(defer.iter())
                    .find(|p| p["objects"].as_object().is_some_and(|o| !o.is_empty()));
                match with_objects {
                    Some(p) => Err(format!(
                        "phase {}: phase objects are not supported by the test controller",
                        p["name"]
                    )),
                    None => Ok(p),
                }
            }
            Err(e) => Err(e),
        };
        let mut data = match prepared {
            Ok(d) => d,
            Err(e) => {
                self.shared.problem(format!("actionset {}: {e}", self.name));
                self.event(
                    true,
                    &format!("ActionSetFailed Action: {action_name}"),
                    format!("Failed to launch Action {}: {e}", self.name),
                )
                .await;
                self.update(|s| fail(s, e)).await;
                return;
            }
        };
        let mut succeeded = true;
        for (i, phase) in phases.iter().enumerate() {
            if !self
                .run_phase(index, Slot::Phase(i), phase, spec, &mut data)
                .await
            {
                succeeded = false;
                break;
            }
        }
        if let Some(defer) = &defer
            && !self
                .run_phase(index, Slot::Defer, defer, spec, &mut data)
                .await
        {
            succeeded = false;
        }
        if !succeeded {
            return;
        }
        // Output artifacts: rendered only now; keys are not rendered.
        let mut artifacts = Map::new();
        let mut error = None;
        for (key, template) in bp_action["outputArtifacts"]
            .as_object()
            .into_iter()
            .flatten()
        {
            let mut artifact = template.clone();
            if let Some(kv) = artifact.get_mut("keyValue").and_then(Value::as_object_mut) {
                for (k, v) in kv.iter_mut() {
                    match render(v.as_str().unwrap_or(""), &data) {
                        Ok(r) => *v = json!(r),
                        Err(e) => {
                            self.note(&e);
                            error.get_or_insert(format!("outputArtifacts.{key}.keyValue.{k}: {e}"));
                        }
                    }
                }
            }
            if let Some(Value::String(snapshot)) = artifact.get_mut("kopiaSnapshot")
                && !snapshot.is_empty()
            {
                match render(snapshot, &data) {
                    Ok(r) => *snapshot = r,
                    Err(e) => {
                        self.note(&e);
                        error.get_or_insert(format!("outputArtifacts.{key}.kopiaSnapshot: {e}"));
                    }
                }
            }
            artifacts.insert(key.clone(), artifact);
        }
        if let Some(message) = &error {
            self.event(
                true,
                &format!("ActionSetFailed Action: {action_name}"),
                format!("Failed to render output artifacts: {message}"),
            )
            .await;
        }
        self.update(|s| match error {
            Some(message) => fail(s, message),
            None => s["actions"][index]["artifacts"] = Value::Object(artifacts),
        })
        .await;
    }

    fn note(&self, e: &RenderError) {
        if let RenderError::Unsupported(_) = e {
            self.shared.problem(format!("actionset {}: {e}", self.name));
        }
    }

    /// Runs one phase; false when it failed.
    async fn run_phase(
        &self,
        action: usize,
        slot: Slot,
        phase: &Value,
        spec: &Value,
        data: &mut Value,
    ) -> bool {
        let name = phase["name"].as_str().unwrap_or("").to_string();
        let func = phase["func"].as_str().unwrap_or("").to_string();
        let label = slot.label();
        if *self.cancel.borrow() {
            return false;
        }
        // `.Phases.<name>` exists once the phase started, `Output` once it succeeded.
        data["Phases"][&name] = json!({"Secrets": {}, "ConfigMaps": {}});
        self.update(|s| {
            s["progress"]["runningPhase"] = json!(name);
            let p = phase_mut(s, action, slot);
            p["state"] = json!("running");
            p["progress"] = json!({"progressPercent": "0", "lastTransitionTime": now()});
        })
        .await;
        let (started, ended) = match slot {
            Slot::Phase(_) => ("Started Phase", "Ended Phase"),
            Slot::Defer => ("Started deferPhase", "Ended deferPhase"),
        };
        self.event(false, started, format!("Executing {label} {name}"))
            .await;
        let args = phase.get("args").cloned().unwrap_or_else(|| json!({}));
        let result = match render_tree(&args, data) {
            Err(e) => {
                self.note(&e);
                Err(e.to_string())
            }
            Ok(Value::Object(args)) => {
                self.shared
                    .record
                    .lock()
                    .unwrap()
                    .phases
                    .push(RenderedPhase {
                        actionset: self.name.clone(),
                        action,
                        phase: name.clone(),
                        func: func.clone(),
                        args: args.clone(),
                    });
                match self.shared.scripts.get(&name) {
                    Some(PhaseScript::Output(out)) => Ok(out.clone()),
                    Some(PhaseScript::Fail(message)) => Err(message.clone()),
                    None if func == "KubeTask" => {
                        let ctx = TaskContext {
                            client: &self.client,
                            default_namespace: &self.shared.namespace,
                            pod_labels: string_map(&spec["podLabels"]),
                            pod_annotations: string_map(&spec["podAnnotations"]),
                            cancel: self.cancel.clone(),
                        };
                        kube_task::run(&args, &ctx).await
                    }
                    None => {
                        let e = format!(
                            "function {func} has no script and is not run by the test controller"
                        );
                        self.shared
                            .problem(format!("actionset {}: {label} {name}: {e}", self.name));
                        Err(e)
                    }
                }
            }
            Ok(_) => Err("args must be a map".into()),
        };
        match result {
            Ok(output) => {
                data["Phases"][&name]["Output"] = Value::Object(output.clone());
                if let Slot::Defer = slot {
                    data["DeferPhase"] = json!({"Secrets": {}, "ConfigMaps": {}, "Output": output});
                }
                self.update(|s| {
                    let p = phase_mut(s, action, slot);
                    p["state"] = json!("complete");
                    if !output.is_empty() {
                        p["output"] = Value::Object(output);
                    }
                    p["progress"] = json!({"progressPercent": "100", "lastTransitionTime": now()});
                })
                .await;
                self.event(false, ended, format!("Completed {label} {name}"))
                    .await;
                true
            }
            Err(cause) => {
                let message = format!("{label} {name:?} ({func}) failed: {cause}");
                self.event(
                    true,
                    &format!(
                        "ActionSetFailed Action: {}",
                        spec["name"].as_str().unwrap_or("")
                    ),
                    format!("Failed to execute {label} {name}: {cause}"),
                )
                .await;
                self.update(|s| {
                    phase_mut(s, action, slot)["state"] = json!("failed");
                    fail(s, message);
                })
                .await;
                false
            }
        }
    }
}

fn string_map(v: &Value) -> BTreeMap<String, String> {
    v.as_object()
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
        .collect()
}
