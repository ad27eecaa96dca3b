//! Client-side execution of an ActionSet with Kanister's semantics (kanister.md §2): actions in
//! parallel, phases in order, the defer phase always, each phase's args rendered just before it
//! runs, output artifacts rendered only when everything succeeded. The status is written to
//! the ActionSet record after every transition, exactly as the controller would write it.

pub mod dynamic;
pub mod functions;
pub mod jsonpath;
pub mod params;
pub mod pods;
mod poll;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Result, anyhow};
use serde_json::{Map, Value};
use tokio::sync::Mutex;
use tokio_util::sync::CancellationToken;

use super::events::{self, Recorder};
use super::record::{Store, now_time};
use super::types::{
    ActionProgress, ActionSet, ActionSetStatus, ActionSpec, ActionStatus, Phase, PhaseProgress,
    State,
};
use crate::blueprint::store::BlueprintStore;
use crate::blueprint::types::{Blueprint, BlueprintAction, BlueprintPhase, ObjectReference};
use crate::kube::Cluster;
use crate::template::{Data, PhaseParams, TemplateParams, render_json, render_str};

pub use pods::PodTracker;

/// How long deferPhases may still run once the run was stopped: long enough for a
/// ScaleWorkload back up, short enough that a stopped CI job ends.
pub const DEFER_AFTER_STOP: Duration = Duration::from_secs(5 * 60);

#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Stream task pods' logs and exec output to stderr (`--logs`).
    pub logs: bool,
    /// Print phase transitions to stderr.
    pub report: bool,
    /// Cancelled when the user stops the run (a signal): running phases stop and fail, no
    /// further phase starts, task pods are deleted, and deferPhases still run, bounded by
    /// `defer_after_stop`.
    pub stop: CancellationToken,
    pub defer_after_stop: Duration,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            logs: false,
            report: false,
            stop: CancellationToken::new(),
            defer_after_stop: DEFER_AFTER_STOP,
        }
    }
}

/// Set when the run stopped because its output was closed (a broken pipe).
static OUTPUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Records that stdout or stderr was closed: the reader is gone, so the run stops as it
/// would on a signal.
pub fn output_closed(stop: &CancellationToken) {
    OUTPUT_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
    stop.cancel();
}

/// How the stop reads in messages: "interrupted (Ctrl-C)", "terminated (SIGTERM)", ….
pub fn stop_described() -> &'static str {
    match crate::interrupt::received() {
        Some(signal) => signal.described(),
        None if OUTPUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed) => {
            "stopped (its output was closed: broken pipe)"
        }
        None => "stopped",
    }
}

/// How a phase ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PhaseEnd {
    Complete,
    Failed,
    /// The run was stopped while the phase ran (or before it started).
    Stopped,
}

/// A Blueprint action for every spec action (`None` when missing, with the reason).
pub async fn load_blueprints(
    cluster: &Cluster,
    namespace: &str,
    spec: &[ActionSpec],
) -> Result<BTreeMap<String, Result<Blueprint, String>>> {
    let store = BlueprintStore::open(cluster).await?;
    let mut out = BTreeMap::new();
    for action in spec {
        if out.contains_key(&action.blueprint) {
            continue;
        }
        let found = match store.get(namespace, &action.blueprint).await? {
            Some(b) => Ok(b.blueprint),
            None => Err(format!(
                "blueprint {:?} not found in namespace {namespace:?}",
                action.blueprint
            )),
        };
        out.insert(action.blueprint.clone(), found);
    }
    Ok(out)
}

fn blueprint_action<'a>(
    blueprints: &'a BTreeMap<String, Result<Blueprint, String>>,
    spec: &ActionSpec,
) -> Result<&'a BlueprintAction, String> {
    let blueprint = blueprints
        .get(&spec.blueprint)
        .ok_or_else(|| format!("blueprint {:?} not loaded", spec.blueprint))?
        .as_ref()
        .map_err(Clone::clone)?;
    blueprint.actions.get(&spec.name).ok_or_else(|| {
        format!(
            "action {:?} not found in blueprint {:?}",
            spec.name, spec.blueprint
        )
    })
}

/// Refuses, before anything runs, a Blueprint action with a function this executor cannot run.
pub fn check_supported(
    blueprints: &BTreeMap<String, Result<Blueprint, String>>,
    spec: &[ActionSpec],
) -> Result<()> {
    let mut problems = Vec::new();
    for action in spec {
        let Ok(bp_action) = blueprint_action(blueprints, action) else {
            continue;
        };
        for phase in bp_action.phases.iter().chain(bp_action.defer_phase.iter()) {
            if let Err(why) = crate::blueprint::functions::client_side(&phase.func) {
                let line = format!(
                    "blueprint {:?} action {:?} phase {:?}: {why}",
                    action.blueprint, action.name, phase.name
                );
                if !problems.contains(&line) {
                    problems.push(line);
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(anyhow!(problems.join("\n")))
    }
}

fn phase_status(p: &BlueprintPhase) -> Phase {
    Phase {
        name: p.name.clone(),
        state: State::Pending,
        ..Phase::default()
    }
}

/// The controller's initial status: every phase pending, output artifacts unrendered; a
/// missing Blueprint or action fails the ActionSet.
pub fn initial_status(
    blueprints: &BTreeMap<String, Result<Blueprint, String>>,
    spec: &[ActionSpec],
) -> ActionSetStatus {
    let mut status = ActionSetStatus {
        state: State::Pending,
        ..ActionSetStatus::default()
    };
    for action in spec {
        let mut entry = ActionStatus {
            name: action.name.clone(),
            object: action.object.clone(),
            blueprint: action.blueprint.clone(),
            ..ActionStatus::default()
        };
        match blueprint_action(blueprints, action) {
            Ok(bp) => {
                entry.phases = bp.phases.iter().map(phase_status).collect();
                entry.defer_phase = bp
                    .defer_phase
                    .as_ref()
                    .map(phase_status)
                    .unwrap_or_default();
                entry.artifacts = bp.output_artifacts.clone();
            }
            Err(e) => {
                status.state = State::Failed;
                if status.error.message.is_empty() {
                    status.error.message = e;
                }
            }
        }
        status.actions.push(entry);
    }
    status.progress = ActionProgress {
        percent_completed: "0".into(),
        last_transition_time: Some(now_time()),
        ..ActionProgress::default()
    };
    status
}

/// A run in progress: the status shared by the actions, and where it is recorded.
struct Shared {
    status: Mutex<ActionSetStatus>,
    store: Store,
    namespace: String,
    name: String,
    options: RunOptions,
    events: Recorder,
    /// More than one action: progress lines name the action and its object.
    several: bool,
}

impl Shared {
    /// Applies `change`, recomputes the aggregate progress and records the status.
    async fn update(&self, change: impl FnOnce(&mut ActionSetStatus)) {
        let mut status = self.status.lock().await;
        change(&mut status);
        let percent = aggregate_percent(&status);
        if status.progress.percent_completed != percent {
            status.progress.percent_completed = percent;
            status.progress.last_transition_time = Some(now_time());
        }
        if let Err(e) = self
            .store
            .write_status(&self.namespace, &self.name, &status)
            .await
        {
            crate::actionset::note!(
                "warning: cannot record the status of actionset {}: {e:#}",
                self.name
            );
        }
    }

    fn say(&self, line: String) {
        if self.options.report
            && let Err(e) = pods::LogSink::line(&line)
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            output_closed(&self.options.stop);
        }
    }

    /// What a progress line says about an action: nothing when it is the only one.
    fn action_label(&self, spec: &ActionSpec) -> String {
        if self.several {
            format!("action {} on {}: ", spec.name, spec.object.describe())
        } else {
            String::new()
        }
    }

    /// Makes the record consistent the moment the run is stopped, before anything else
    /// (deleting pods, deferPhases) happens: the ActionSet failed, every running phase
    /// failed, and every deferPhase still to run failed until it is seen to complete, so
    /// that a second signal, which ends the process at once, never leaves a phase `running`
    /// in a terminal ActionSet. Idempotent: every stopped action calls it.
    async fn record_stop(&self) {
        let described = stop_described();
        self.update(|s| {
            let mut interrupted = Vec::new();
            for action in s.actions.iter_mut() {
                let who = format!("action {} on {}", action.name, action.object.describe());
                let started = action.phases.iter().any(|p| p.state != State::Pending);
                for phase in action.phases.iter_mut() {
                    if phase.state == State::Running {
                        phase.state = State::Failed;
                        interrupted.push(format!("phase {:?} of {who}", phase.name));
                    }
                }
                let defer = &mut action.defer_phase;
                if !defer.name.is_empty()
                    && started
                    && matches!(defer.state, State::Pending | State::Running)
                {
                    defer.state = State::Failed;
                }
            }
            s.progress.running_phase.clear();
            fail(
                s,
                if interrupted.is_empty() {
                    format!("{described}: the client-side run was stopped")
                } else {
                    format!("{described} while {} ran", interrupted.join(", "))
                },
            );
        })
        .await;
    }
}

/// Kanister's `percentCompleted`: the average progress of `status.actions[].phases`; the
/// deferPhases do not count.
fn aggregate_percent(status: &ActionSetStatus) -> String {
    let mut total = 0u64;
    let mut count = 0u64;
    for action in &status.actions {
        for phase in &action.phases {
            count += 1;
            total += if phase.state == State::Complete {
                100
            } else {
                phase.progress.progress_percent.parse().unwrap_or(0)
            };
        }
    }
    total.checked_div(count).unwrap_or(0).to_string()
}

/// Why the controller would fail this ActionSet at initialisation, as an Event (reason, message).
pub fn init_failure_event(
    blueprints: &BTreeMap<String, Result<Blueprint, String>>,
    spec: &[ActionSpec],
) -> Option<(String, String)> {
    for action in spec {
        if action.blueprint.is_empty() {
            return Some((
                "Blueprint not specified".into(),
                "Could not get blueprint: Blueprint is not specified for action".into(),
            ));
        }
        let missing = match blueprints.get(&action.blueprint) {
            Some(Ok(_)) => None,
            Some(Err(e)) => Some(e.clone()),
            None => Some(format!("blueprint {:?} not loaded", action.blueprint)),
        };
        if let Some(e) = missing {
            return Some((
                events::ERROR.into(),
                format!("Could not get blueprint: Failed to query blueprint: {e}"),
            ));
        }
        if let Err(e) = blueprint_action(blueprints, action) {
            return Some((
                events::action_failed(&action.name),
                format!("Could not get initial action: {e}"),
            ));
        }
    }
    None
}

/// Runs the ActionSet to its end and returns the final status. The record in `store` is kept
/// up to date throughout, and when it is a resource the controller's Events are recorded on
/// it; task pods are deleted on every path (the caller sweeps `tracker` after a cancellation).
pub async fn execute(
    cluster: &Cluster,
    store: &Store,
    actionset: &ActionSet,
    tracker: &PodTracker,
    options: &RunOptions,
) -> Result<ActionSetStatus> {
    let namespace = actionset.metadata.namespace.clone().unwrap_or_default();
    let name = actionset.metadata.name.clone().unwrap_or_default();
    let spec = actionset
        .spec
        .as_ref()
        .map(|s| s.actions.clone())
        .unwrap_or_default();
    let blueprints = load_blueprints(cluster, &namespace, &spec).await?;
    let status = initial_status(&blueprints, &spec);
    let shared = Arc::new(Shared {
        status: Mutex::new(status.clone()),
        store: store.clone(),
        namespace: namespace.clone(),
        name: name.clone(),
        options: options.clone(),
        events: if store.is_resource() {
            Recorder::new(cluster, actionset)
        } else {
            Recorder::disabled()
        },
        several: spec.len() > 1,
    });
    if status.state == State::Failed {
        if let Some((reason, message)) = init_failure_event(&blueprints, &spec) {
            shared.events.warning(&reason, &message).await;
        }
        shared.update(|_| {}).await;
        return Ok(status);
    }
    shared
        .update(|s| {
            s.state = State::Running;
        })
        .await;
    shared.say(format!("actionset {name}: running"));

    let runs = spec.iter().enumerate().map(|(index, action)| {
        let bp_action = blueprint_action(&blueprints, action).expect("checked at init");
        run_action(
            cluster,
            &shared,
            index,
            action,
            bp_action,
            tracker.child(),
            &namespace,
        )
    });
    futures::future::join_all(runs).await;

    let final_status = {
        let shared = shared.clone();
        shared
            .update(|s| {
                s.progress.running_phase.clear();
                let all_complete = s.actions.iter().all(|a| {
                    a.phases.iter().all(|p| p.state == State::Complete)
                        && (a.defer_phase.name.is_empty() || a.defer_phase.state == State::Complete)
                });
                if s.state != State::Failed {
                    s.state = if all_complete && !shared.options.stop.is_cancelled() {
                        State::Complete
                    } else {
                        State::Failed
                    };
                }
            })
            .await;
        shared.status.lock().await.clone()
    };
    if final_status.state == State::Complete {
        shared
            .events
            .normal(
                events::UPDATE_COMPLETE,
                &format!("Updated ActionSet '{name}' Status->complete"),
            )
            .await;
    }
    shared.say(format!("actionset {name}: {}", final_status.state));
    Ok(final_status)
}

/// Fails the ActionSet with `message` (the first failure wins `error.message`).
fn fail(s: &mut ActionSetStatus, message: String) {
    s.state = State::Failed;
    if s.error.message.is_empty() {
        s.error.message = message;
    }
}

async fn run_action(
    cluster: &Cluster,
    shared: &Arc<Shared>,
    index: usize,
    spec: &ActionSpec,
    bp_action: &BlueprintAction,
    tracker: PodTracker,
    default_namespace: &str,
) {
    let tracker = &tracker;
    let what = format!("action {} on {}", spec.name, spec.object.describe());
    shared
        .events
        .normal(
            events::STARTED_ACTION,
            &format!("Executing action {}", spec.name),
        )
        .await;
    // Prepare: params and every phase's objects; any error fails the ActionSet at once.
    let prepared = async {
        let (params, _) = params::build(cluster, spec, chrono::Utc::now()).await?;
        let data = params.build();
        let mut objects = Vec::new();
        for phase in bp_action.phases.iter().chain(bp_action.defer_phase.iter()) {
            let mut rendered = BTreeMap::new();
            for (key, reference) in &phase.objects {
                rendered.insert(
                    key.clone(),
                    render_reference(reference, &data)
                        .map_err(|e| anyhow!("phase {:?}: objects.{key}: {e}", phase.name))?,
                );
            }
            objects.push(rendered);
        }
        Ok::<_, anyhow::Error>((params, objects))
    };
    let stop = shared.options.stop.clone();
    let prepared = tokio::select! {
        biased;
        _ = stop.cancelled() => {
            shared.record_stop().await;
            return;
        }
        p = prepared => p,
    };
    let (mut params, objects) = match prepared {
        Ok(p) => p,
        Err(e) => {
            shared
                .events
                .warning(
                    &events::action_failed(&spec.name),
                    &format!("Failed to launch Action {}: {e:#}", shared.name),
                )
                .await;
            let message = format!("{what}: {e:#}");
            shared.say(format!("{}: {message}", shared.name));
            shared.update(|s| fail(s, message)).await;
            return;
        }
    };
    shared.say(format!("{}: started {what}", shared.name));
    let mut succeeded = true;
    let mut ran_a_phase = false;
    let mut stopped = false;
    let phase_count = bp_action.phases.len();
    for (i, phase) in bp_action.phases.iter().enumerate() {
        if stop.is_cancelled() {
            stopped = true;
            succeeded = false;
            break;
        }
        ran_a_phase = true;
        let end = run_phase(
            cluster,
            shared,
            index,
            i,
            phase,
            false,
            &objects[i],
            &mut params,
            spec,
            tracker,
            default_namespace,
        )
        .await;
        if end != PhaseEnd::Complete {
            stopped = end == PhaseEnd::Stopped;
            succeeded = false;
            break;
        }
    }
    if stopped || stop.is_cancelled() {
        // The stopped function's pod is still there (its future was dropped before it could
        // delete it): delete it before the deferPhase starts, as the controller does.
        shared.record_stop().await;
        for failure in tracker.delete_live(cluster).await {
            shared.say(format!(
                "{}: warning: could not delete task {failure}",
                shared.name
            ));
        }
    }
    // A stopped action whose phases never started has nothing to undo.
    let run_defer = ran_a_phase || !stop.is_cancelled();
    if let Some(defer) = &bp_action.defer_phase
        && run_defer
        && run_phase(
            cluster,
            shared,
            index,
            phase_count,
            defer,
            true,
            &objects[phase_count],
            &mut params,
            spec,
            tracker,
            default_namespace,
        )
        .await
            != PhaseEnd::Complete
    {
        succeeded = false;
    }
    if !succeeded || stop.is_cancelled() {
        return;
    }
    // Output artifacts, rendered only now, with every phase's output (and the defer phase's).
    let data = params.build();
    let mut artifacts = BTreeMap::new();
    let mut error = None;
    for (key, template) in &bp_action.output_artifacts {
        let mut artifact = template.clone();
        for (k, v) in artifact.key_value.iter_mut() {
            match render_str(&format!("outputArtifacts.{key}.keyValue.{k}"), v, &data) {
                Ok(r) => *v = r,
                Err(e) => {
                    error.get_or_insert(format!("{what}: outputArtifacts.{key}.keyValue.{k}: {e}"));
                }
            }
        }
        if !artifact.kopia_snapshot.is_empty() {
            match render_str("kopiaSnapshot", &artifact.kopia_snapshot, &data) {
                Ok(r) => artifact.kopia_snapshot = r,
                Err(e) => {
                    error
                        .get_or_insert(format!("{what}: outputArtifacts.{key}.kopiaSnapshot: {e}"));
                }
            }
        }
        artifacts.insert(key.clone(), artifact);
    }
    if let Some(message) = &error {
        shared
            .events
            .warning(
                &events::action_failed(&spec.name),
                &format!("Failed to render output artifacts {message}"),
            )
            .await;
    }
    shared
        .update(|s| match error {
            Some(message) => fail(s, message),
            None => s.actions[index].artifacts = artifacts,
        })
        .await;
}

/// Every PVC claim name of the action's workload.
fn workload_pvcs(params: &TemplateParams) -> Vec<String> {
    let workload = params
        .stateful_set
        .as_ref()
        .or(params.deployment.as_ref())
        .or(params.deployment_config.as_ref());
    let mut claims: Vec<String> = workload
        .into_iter()
        .flat_map(|w| w.persistent_volume_claims.values())
        .flat_map(|m| m.keys().cloned())
        .collect();
    claims.sort();
    claims.dedup();
    claims
}

/// Renders a phase's args like Kanister: every string, map keys included; for Wait/WaitV2 the
/// `condition` templates are left for the function to evaluate against the object.
fn render_args(func: &str, args: &Map<String, Value>, data: &Data) -> Result<Map<String, Value>> {
    fn walk(v: &Value, data: &Data, path: &str) -> Result<Value> {
        Ok(match v {
            Value::Object(m) => {
                let mut out = Map::new();
                for (k, child) in m {
                    let here = format!("{path}.{k}");
                    let key = render_str(&here, k, data).map_err(|e| anyhow!("{here}: {e}"))?;
                    let value = if k == "condition" {
                        child.clone()
                    } else {
                        walk(child, data, &here)?
                    };
                    out.insert(key, value);
                }
                Value::Object(out)
            }
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, c)| walk(c, data, &format!("{path}[{i}]")))
                    .collect::<Result<_>>()?,
            ),
            Value::String(s) => {
                Value::String(render_str(path, s, data).map_err(|e| anyhow!("{path}: {e}"))?)
            }
            other => other.clone(),
        })
    }
    let keep = matches!(func, "Wait" | "WaitV2");
    if !keep {
        return match render_json(&Value::Object(args.clone()), data) {
            Ok(Value::Object(m)) => Ok(m),
            Ok(_) => Ok(Map::new()),
            Err(e) => Err(anyhow!("rendering args: {e}")),
        };
    }
    match walk(&Value::Object(args.clone()), data, "args")? {
        Value::Object(m) => Ok(m),
        _ => Ok(Map::new()),
    }
}

fn render_reference(reference: &ObjectReference, data: &Data) -> Result<ObjectReference> {
    let r = |field: &str, v: &str| -> Result<String> {
        render_str(field, v, data).map_err(|e| anyhow!("{field}: {e}"))
    };
    Ok(ObjectReference {
        api_version: r("apiVersion", &reference.api_version)?,
        group: r("group", &reference.group)?,
        resource: r("resource", &reference.resource)?,
        kind: r("kind", &reference.kind)?,
        name: r("name", &reference.name)?,
        namespace: r("namespace", &reference.namespace)?,
    })
}

/// Fetches the phase's Secret/ConfigMap objects for `.Phases.<name>`.
async fn fetch_objects(
    cluster: &Cluster,
    objects: &BTreeMap<String, ObjectReference>,
) -> Result<PhaseParams> {
    let mut phase = PhaseParams::default();
    for (key, reference) in objects {
        params::add_phase_object(cluster, key, reference, &mut phase).await?;
    }
    Ok(phase)
}

fn phase_mut(s: &mut ActionSetStatus, action: usize, phase: usize, deferred: bool) -> &mut Phase {
    let a = &mut s.actions[action];
    if deferred {
        &mut a.defer_phase
    } else {
        &mut a.phases[phase]
    }
}

/// Runs one phase. The run's stop ends a phase at once (its pod is deleted by the caller) but
/// not a deferPhase, which is given [`RunOptions::defer_after_stop`] to finish.
#[allow(clippy::too_many_arguments)]
async fn run_phase(
    cluster: &Cluster,
    shared: &Arc<Shared>,
    action: usize,
    index: usize,
    phase: &BlueprintPhase,
    deferred: bool,
    objects: &BTreeMap<String, ObjectReference>,
    params: &mut TemplateParams,
    spec: &ActionSpec,
    tracker: &PodTracker,
    default_namespace: &str,
) -> PhaseEnd {
    let label = if deferred { "deferPhase" } else { "phase" };
    let what = format!("{label} {:?} ({})", phase.name, phase.func);
    let who = shared.action_label(spec);
    let (started, ended) = if deferred {
        (events::STARTED_DEFER_PHASE, events::ENDED_DEFER_PHASE)
    } else {
        (events::STARTED_PHASE, events::ENDED_PHASE)
    };
    let failed_reason = events::action_failed(&spec.name);
    let stop = shared.options.stop.clone();
    let bound = shared.options.defer_after_stop;
    // After a stop the record already shows this deferPhase failed (see `record_stop`); it
    // is not marked running, so a second signal cannot leave it running for ever.
    let after_stop = deferred && stop.is_cancelled();
    shared
        .events
        .normal(started, &format!("Executing {label} {}", phase.name))
        .await;
    let mut current = match fetch_objects(cluster, objects).await {
        Ok(p) => p,
        Err(e) => {
            shared
                .events
                .warning(
                    &failed_reason,
                    &format!("Failed to init phase params {}: {e:#}", phase.name),
                )
                .await;
            let message = format!("{what}: {e:#}");
            shared
                .update(|s| {
                    phase_mut(s, action, index, deferred).state = State::Failed;
                    fail(s, message);
                })
                .await;
            return PhaseEnd::Failed;
        }
    };
    current.output = None;
    params.phases.insert(phase.name.clone(), current.clone());
    if !after_stop {
        shared
            .update(|s| {
                s.progress.running_phase = phase.name.clone();
                let p = phase_mut(s, action, index, deferred);
                p.state = State::Running;
                p.progress = PhaseProgress {
                    progress_percent: "0".into(),
                    last_transition_time: Some(now_time()),
                    ..PhaseProgress::default()
                };
            })
            .await;
        shared.say(format!("{}: {who}started {what}", shared.name));
    } else {
        shared.say(format!(
            "{}: {who}running {what} to clean up after the stop (up to {}; another stop signal ends at once and leaves it unfinished)",
            shared.name,
            crate::duration::format_go_duration(bound)
        ));
    }
    // In a block of its own: `work` borrows `params`, which the outcome then updates.
    let result = {
        let work = async {
            let data = params.build();
            let args = render_args(&phase.func, &phase.args, &data)?;
            let ctx = functions::Context {
                cluster,
                tracker,
                sink: pods::LogSink {
                    echo: shared.options.logs,
                    prefix: format!("[{}] ", phase.name),
                    progress: shared
                        .options
                        .report
                        .then(|| format!("{}: {who}{what}: ", shared.name)),
                },
                object: &spec.object,
                default_namespace,
                pod_labels: {
                    let mut l = spec.pod_labels.clone();
                    l.insert(pods::ACTIONSET_LABEL.into(), shared.name.clone());
                    l.insert(
                        pods::ACTIONSET_NAMESPACE_LABEL.into(),
                        shared.namespace.clone(),
                    );
                    l
                },
                pod_annotations: spec.pod_annotations.clone(),
                pod_override: spec.pod_override.clone(),
                pvcs: workload_pvcs(params),
            };
            functions::run(&phase.func, &args, &ctx).await
        };
        tokio::pin!(work);
        let bounded = |work| async move {
            match tokio::time::timeout(bound, work).await {
                Ok(result) => result,
                Err(_) => Err(anyhow!(
                    "did not finish within {} of the run being {}",
                    crate::duration::format_go_duration(bound),
                    stop_described()
                )),
            }
        };
        if after_stop {
            bounded(work.as_mut()).await
        } else if deferred {
            tokio::select! {
                r = &mut work => r,
                _ = stop.cancelled() => {
                    shared.record_stop().await;
                    shared.say(format!(
                        "{}: {who}{what} is still running; it is given up to {} to finish (another stop signal ends at once)",
                        shared.name,
                        crate::duration::format_go_duration(bound)
                    ));
                    bounded(work.as_mut()).await
                }
            }
        } else {
            tokio::select! {
                r = &mut work => r,
                _ = stop.cancelled() => {
                    shared.record_stop().await;
                    let described = stop_described();
                    shared
                        .events
                        .warning(
                            &failed_reason,
                            &format!("Failed to execute phase {}: {described}", phase.name),
                        )
                        .await;
                    shared.say(format!("{}: {who}{what}: {described}", shared.name));
                    if matches!(phase.func.as_str(), "KubeExec" | "KubeExecAll") {
                        // The exec API has no way to signal the command: closing the stream is all
                        // a client can do, and the container runtime may keep it running.
                        shared.say(format!(
                            "{}: warning: the command {what} started in the workload's pod may still be running there; check with kubectl exec … -- ps",
                            shared.name
                        ));
                    }
                    return PhaseEnd::Stopped;
                }
            }
        }
    };
    match result {
        Ok(output) => {
            current.output = Some(output.clone().unwrap_or_default());
            params.phases.insert(phase.name.clone(), current.clone());
            if deferred {
                params.defer_phase = Some(current);
            }
            shared
                .update(|s| {
                    let p = phase_mut(s, action, index, deferred);
                    p.state = State::Complete;
                    p.output = output.unwrap_or_default();
                    p.progress.progress_percent = "100".into();
                    p.progress.last_transition_time = Some(now_time());
                })
                .await;
            shared
                .events
                .normal(ended, &format!("Completed {label} {}", phase.name))
                .await;
            shared.say(format!("{}: {who}ended {what}", shared.name));
            PhaseEnd::Complete
        }
        Err(e) => {
            shared
                .events
                .warning(
                    &failed_reason,
                    &format!(
                        "Failed to execute {} {}: {e:#}",
                        if deferred { "defer phase" } else { "phase" },
                        phase.name
                    ),
                )
                .await;
            let message = format!("{what} failed: {e:#}");
            shared.say(format!("{}: {who}{message}", shared.name));
            shared
                .update(|s| {
                    phase_mut(s, action, index, deferred).state = State::Failed;
                    fail(s, message);
                })
                .await;
            PhaseEnd::Failed
        }
    }
}
