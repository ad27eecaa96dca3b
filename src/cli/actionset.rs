//! `kubectl backup actionset …`: create ActionSets as kanctl does and follow them (controller
//! mode), or run them here with Kanister's semantics (client-side mode); list, describe,
//! watch and delete them wherever they are recorded.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use clap::{Args, Subcommand, ValueEnum};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::blueprint::TargetArgs;
use crate::actionset::executor::{self, PodTracker, RunOptions};
use crate::actionset::naming::actionset_name;
use crate::actionset::record::Store;
use crate::actionset::types::{ActionSet, ActionSetSpec, ActionSetStatus, ActionSpec, State};
use crate::actionset::validate::{self, SelectorKind};
use crate::blueprint::targets;
use crate::cli::{AlreadyReported, GlobalArgs};
use crate::kube::{Cluster, connect};
use crate::output::{OutputFormat, Table, print_structured, write_stdout};

#[derive(Debug, Args)]
pub struct ActionsetArgs {
    #[command(subcommand)]
    pub command: ActionsetCommand,
}

#[derive(Debug, Subcommand)]
pub enum ActionsetCommand {
    /// Create an ActionSet (kanctl create actionset) and run or follow it
    Create(Box<CreateArgs>),
    /// List ActionSets
    #[command(alias = "ls")]
    List(RecordArgs),
    /// Show an ActionSet's actions, phases, outputs, artifacts and error
    Describe {
        name: String,
        #[command(flatten)]
        records: RecordArgs,
    },
    /// Follow an ActionSet until it completes or fails
    Watch {
        name: String,
        #[command(flatten)]
        records: RecordArgs,
    },
    /// Delete ActionSets
    #[command(alias = "rm")]
    Delete {
        #[arg(required = true)]
        names: Vec<String>,
        #[command(flatten)]
        records: RecordArgs,
    },
}

/// Where records are looked for when the ActionSet CRD is not installed.
#[derive(Debug, Args)]
pub struct RecordArgs {
    /// Without Kanister's CRDs: read the records kept with this profile's data only (default:
    /// every profile you can read, and the local default)
    #[arg(long, value_name = "[NS/]NAME", value_parser = super::validate::namespaced_object_name)]
    pub profile: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RunMode {
    /// The controller when one runs, else client-side
    Auto,
    /// Create the ActionSet for the Kanister controller and follow it
    Controller,
    /// Execute the actions here
    Client,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Blueprint action to run (backup, restore, delete, …)
    #[arg(short = 'a', long)]
    pub action: Option<String>,
    /// Blueprint name (in the ActionSet's namespace)
    #[arg(short = 'b', long, value_parser = super::validate::object_name)]
    pub blueprint: Option<String>,
    /// ActionSet name (default: kanctl's <action>-<random>)
    #[arg(long, value_parser = super::validate::object_name)]
    pub name: Option<String>,
    /// Parent ActionSet: its artifacts become the inputs (it must be complete)
    #[arg(short = 'f', long = "from")]
    pub from: Option<String>,
    #[command(flatten)]
    pub target: TargetArgs,
    /// Also act on every object matching this label selector (kanctl's --selector): one action
    /// per object
    #[arg(
        short = 'l',
        long,
        value_name = "SELECTOR",
        help_heading = "Action subject",
        value_parser = super::validate::label_selector
    )]
    pub selector: Option<String>,
    /// Kind of object --selector picks (all: deployments, statefulsets, deploymentconfigs, pvcs)
    #[arg(
        short = 'k',
        long,
        value_enum,
        default_value = "all",
        help_heading = "Action subject"
    )]
    pub kind: SelectorKind,
    /// Namespace --selector searches (default: all namespaces)
    #[arg(long, value_name = "NS", help_heading = "Action subject", value_parser = super::validate::namespace_name)]
    pub selector_namespace: Option<String>,
    /// Labels on the ActionSet itself (repeatable, or comma-separated)
    #[arg(long, value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    /// Create the ActionSet without checking that its blueprint, objects, secrets, config maps
    /// and profile exist
    #[arg(long)]
    pub skip_validation: bool,
    /// Strategic-merge patch (JSON or YAML) for every pod the functions create
    #[arg(long, value_name = "JSON")]
    pub pod_override: Option<String>,
    /// Labels for the pods the functions create
    #[arg(long = "podlabels", value_name = "KEY=VALUE")]
    pub pod_labels: Vec<String>,
    /// Annotations for the pods the functions create
    #[arg(long = "podannotations", value_name = "KEY=VALUE")]
    pub pod_annotations: Vec<String>,
    /// Wait for the ActionSet to finish (client-side runs always wait)
    #[arg(long)]
    pub wait: bool,
    /// Client-side: stream the task pods' logs and exec output to stderr (separate from `-v`,
    /// whose HTTP trace is not needed to see them)
    #[arg(long)]
    pub logs: bool,
    #[arg(long, value_enum, default_value = "auto")]
    pub mode: RunMode,
    /// Print the ActionSet instead of creating it
    #[arg(long)]
    pub dry_run: bool,
}

pub async fn run(args: ActionsetArgs, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let profile = match &args.command {
        ActionsetCommand::Create(_) => None,
        ActionsetCommand::List(r)
        | ActionsetCommand::Describe { records: r, .. }
        | ActionsetCommand::Watch { records: r, .. }
        | ActionsetCommand::Delete { records: r, .. } => r.profile.as_deref(),
    };
    let store = Store::open(&cluster, profile).await?;
    match args.command {
        ActionsetCommand::Create(a) => create(*a, &cluster, &store, global).await,
        ActionsetCommand::List(_) => list(&cluster, &store, global).await,
        ActionsetCommand::Describe { name, .. } => {
            let a = store.require(&cluster.namespace, &name).await?;
            match global.output_or(OutputFormat::Table) {
                f @ (OutputFormat::Json | OutputFormat::Yaml) => print_structured(&a, f),
                _ => Ok(write_stdout(&describe(&a))?),
            }
        }
        ActionsetCommand::Watch { name, .. } => {
            let namespace = cluster.namespace.clone();
            follow_controller(&cluster, &store, &namespace, &name, global).await
        }
        ActionsetCommand::Delete { names, .. } => {
            let mut missing = Vec::new();
            for name in &names {
                let deleted = store.delete(&cluster.namespace, name).await?;
                // As the controller stops a deleted ActionSet's functions and deletes their
                // pods: a client-side run that was killed (or still runs elsewhere) leaves its
                // labelled task pods behind.
                let (pods, failures) = PodTracker::default()
                    .cleanup(&cluster, &cluster.namespace, name)
                    .await;
                for pod in &pods {
                    write_stdout(&format!(
                        "pod {pod} (task pod of actionset {name}) deleted\n"
                    ))?;
                }
                for failure in &failures {
                    crate::actionset::note!("warning: could not delete task {failure}");
                }
                if deleted {
                    write_stdout(&format!("actionset {name} deleted\n"))?;
                } else if pods.is_empty() {
                    missing.push(name.as_str());
                }
            }
            if !missing.is_empty() {
                bail!(
                    "actionset {} not found in namespace {:?}",
                    missing.join(", "),
                    cluster.namespace
                );
            }
            Ok(())
        }
    }
}

fn subjects(target: &TargetArgs) -> Result<Vec<crate::blueprint::ObjectReference>> {
    let mut out = Vec::new();
    out.extend(targets::parse_workloads(
        targets::STATEFULSET,
        &target.statefulset,
        "--statefulset",
    )?);
    out.extend(targets::parse_workloads(
        targets::DEPLOYMENT,
        &target.deployment,
        "--deployment",
    )?);
    out.extend(targets::parse_workloads(
        targets::DEPLOYMENTCONFIG,
        &target.deploymentconfig,
        "--deploymentconfig",
    )?);
    out.extend(targets::parse_workloads(
        targets::PVC,
        &target.pvc,
        "--pvc",
    )?);
    out.extend(targets::parse_namespaces(&target.namespace_targets));
    out.extend(targets::parse_generic(&target.objects)?);
    Ok(out)
}

/// The ActionSet spec kanctl would build from these flags (and the parent, for `--from`).
pub fn build_spec(
    args: &CreateArgs,
    namespace: &str,
    parent: Option<&ActionSet>,
    selected: Vec<crate::blueprint::ObjectReference>,
) -> Result<Vec<ActionSpec>> {
    let mut objects = subjects(&args.target)?;
    validate::merge_objects(&mut objects, selected);
    let secrets = targets::parse_named_refs(&args.target.secrets, "secret", "--secrets")?;
    let config_maps =
        targets::parse_named_refs(&args.target.config_maps, "configmap", "--config-maps")?;
    let options = targets::parse_key_values(&args.target.options, "--options")?;
    let profile = args
        .target
        .profile
        .as_deref()
        .map(|p| targets::parse_profile(p, namespace))
        .transpose()?;
    let pod_labels = targets::parse_key_values(&args.pod_labels, "--podlabels")?;
    let pod_annotations = targets::parse_key_values(&args.pod_annotations, "--podannotations")?;
    let pod_override = match &args.pod_override {
        None => None,
        Some(text) => match serde_saphyr::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(m)) => Some(m),
            _ => bail!("--pod-override must be a JSON or YAML mapping"),
        },
    };
    let mut artifacts_flag: BTreeMap<String, crate::blueprint::Artifact> = BTreeMap::new();
    for (name_key, value) in targets::parse_key_values(&args.target.artifacts, "--artifacts")? {
        let (name, key) = name_key
            .split_once('.')
            .ok_or_else(|| anyhow!("--artifacts {name_key}={value}: expected NAME.KEY=VALUE"))?;
        let artifact = artifacts_flag.entry(name.to_string()).or_default();
        if key == "kopiaSnapshot" {
            artifact.kopia_snapshot = value;
        } else {
            artifact.key_value.insert(key.to_string(), value);
        }
    }
    let mut actions = Vec::new();
    match parent {
        Some(parent) => {
            let status = parent.status.clone().unwrap_or_default();
            let parent_spec = parent.spec.clone().unwrap_or_default();
            for (i, p) in parent_spec.actions.iter().enumerate() {
                let mut base = p.clone();
                base.artifacts = status
                    .actions
                    .get(i)
                    .map(|a| a.artifacts.clone())
                    .unwrap_or_default();
                base.artifacts.extend(artifacts_flag.clone());
                base.options.extend(options.clone());
                base.pod_override = pod_override.clone();
                base.preferred_version.clear();
                base.pod_labels = pod_labels.clone();
                base.pod_annotations = pod_annotations.clone();
                if let Some(a) = &args.action {
                    base.name = a.clone();
                }
                if let Some(b) = &args.blueprint {
                    base.blueprint = b.clone();
                }
                if !secrets.is_empty() {
                    base.secrets = secrets.clone();
                }
                if !config_maps.is_empty() {
                    base.config_maps = config_maps.clone();
                }
                if profile.is_some() {
                    base.profile = profile.clone();
                }
                if objects.is_empty() {
                    actions.push(base);
                } else {
                    for object in &objects {
                        let mut a = base.clone();
                        a.object = object.clone();
                        actions.push(a);
                    }
                }
            }
        }
        None => {
            let action = args
                .action
                .clone()
                .ok_or_else(|| anyhow!("--action is required (or --from PARENT)"))?;
            let blueprint = args
                .blueprint
                .clone()
                .ok_or_else(|| anyhow!("--blueprint is required (or --from PARENT)"))?;
            if objects.is_empty() {
                bail!(
                    "name the object the action runs on: --statefulset, --deployment, --deploymentconfig, --pvc, --namespace-target, --object or --selector"
                );
            }
            for object in objects {
                actions.push(ActionSpec {
                    name: action.clone(),
                    object,
                    blueprint: blueprint.clone(),
                    artifacts: artifacts_flag.clone(),
                    config_maps: config_maps.clone(),
                    secrets: secrets.clone(),
                    profile: profile.clone(),
                    pod_override: pod_override.clone(),
                    options: options.clone(),
                    pod_labels: pod_labels.clone(),
                    pod_annotations: pod_annotations.clone(),
                    ..ActionSpec::default()
                });
            }
        }
    }
    Ok(actions)
}

async fn controller_running(cluster: &Cluster) -> Result<bool> {
    let kanister = crate::doctor::inspect_kanister(cluster)
        .await
        .map_err(|e| {
            anyhow!(
                "checking for a Kanister controller: {}",
                crate::kube::describe_error(&cluster.server, &e)
            )
        })?;
    Ok(kanister.controller.is_some_and(|c| c.available))
}

/// Completed ActionSets whose artifacts could feed an action of `blueprint` on `objects`
/// (any object when none is given), newest first.
pub fn backup_candidates(
    items: &[ActionSet],
    blueprint: &str,
    objects: &[crate::blueprint::ObjectReference],
) -> Vec<ActionSet> {
    let mut found: Vec<ActionSet> = items
        .iter()
        .filter(|a| {
            let Some(status) = a.status.as_ref() else {
                return false;
            };
            status.state == State::Complete
                && status.actions.iter().any(|x| {
                    x.blueprint == blueprint
                        && !x.artifacts.is_empty()
                        && (objects.is_empty()
                            || objects.iter().any(|o| {
                                o.name == x.object.name
                                    && o.namespace == x.object.namespace
                                    && o.kind.eq_ignore_ascii_case(&x.object.kind)
                            }))
                })
        })
        .cloned()
        .collect();
    found.sort_by(|a, b| {
        let t = |x: &ActionSet| x.metadata.creation_timestamp.as_ref().map(|t| t.0);
        t(b).cmp(&t(a))
            .then_with(|| b.metadata.name.cmp(&a.metadata.name))
    });
    found
}

/// On a terminal, an action other than backup that got no `--from` and no `--artifacts`
/// offers the completed backups of that Blueprint and subject to choose from.
async fn pick_parent(
    args: &CreateArgs,
    store: &Store,
    namespace: &str,
    global: &GlobalArgs,
) -> Result<Option<String>> {
    if args.from.is_some() || !args.target.artifacts.is_empty() || !global.interactive() {
        return Ok(None);
    }
    let (Some(action), Some(blueprint)) = (&args.action, &args.blueprint) else {
        return Ok(None);
    };
    if action == "backup" {
        return Ok(None);
    }
    let items = store.list(Some(namespace)).await?;
    let candidates = backup_candidates(&items, blueprint, &subjects(&args.target)?);
    if candidates.is_empty() {
        return Ok(None);
    }
    let labels: Vec<String> = candidates
        .iter()
        .map(|a| {
            let status = a.status.clone().unwrap_or_default();
            let objects: Vec<String> = status.actions.iter().map(|x| x.object.describe()).collect();
            let created = a
                .metadata
                .creation_timestamp
                .as_ref()
                .map(|t| t.0.to_string())
                .unwrap_or_default();
            format!(
                "{}  {created}  {}",
                a.metadata.name.clone().unwrap_or_default(),
                objects.join(", ")
            )
        })
        .collect();
    let choice = dialoguer::Select::new()
        .with_prompt(format!(
            "{action} from which backup of blueprint {blueprint}?"
        ))
        .items(&labels)
        .default(0)
        .interact_opt()?;
    match choice {
        Some(i) => Ok(candidates[i].metadata.name.clone()),
        None => bail!("no backup chosen; nothing was created"),
    }
}

async fn create(
    mut args: CreateArgs,
    cluster: &Cluster,
    store: &Store,
    global: &GlobalArgs,
) -> Result<()> {
    let namespace = cluster.namespace.clone();
    if let Some(parent) = pick_parent(&args, store, &namespace, global).await? {
        eprintln!("using the artifacts of actionset {parent}");
        args.from = Some(parent);
    }
    let parent = match &args.from {
        Some(p) => {
            let parent = store.require(&namespace, p).await?;
            let state = parent
                .status
                .as_ref()
                .map(|s| s.state.clone())
                .unwrap_or_default();
            if state != State::Complete {
                bail!(
                    "actionset {p:?} is {:?}, not complete: only a complete ActionSet's artifacts can be used",
                    state.as_str()
                );
            }
            Some(parent)
        }
        None => None,
    };
    let selected = match &args.selector {
        Some(selector) => {
            validate::select_objects(
                cluster,
                selector,
                args.kind,
                args.selector_namespace.as_deref(),
            )
            .await?
        }
        None => {
            if args.selector_namespace.is_some() {
                bail!("--selector-namespace needs --selector");
            }
            Vec::new()
        }
    };
    let labels = targets::parse_key_values(&args.labels, "--labels")?;
    for (k, v) in &labels {
        validate::check_label(k, v)?;
    }
    let actions = build_spec(&args, &namespace, parent.as_ref(), selected)?;
    if !args.skip_validation {
        for warning in validate::check_references(cluster, &namespace, &actions).await? {
            eprintln!("warning: {warning}");
        }
    }
    let name = actionset_name(
        args.name.as_deref(),
        args.action.as_deref(),
        args.from.as_deref(),
    );
    let actionset = ActionSet {
        metadata: ObjectMeta {
            name: Some(name.clone()),
            namespace: Some(namespace.clone()),
            labels: (!labels.is_empty()).then_some(labels),
            ..ObjectMeta::default()
        },
        spec: Some(ActionSetSpec { actions }),
        ..ActionSet::default()
    };
    if args.dry_run {
        let mut shown = actionset.clone();
        shown.api_version = crate::actionset::types::API_VERSION.into();
        shown.kind = crate::actionset::types::KIND.into();
        return print_structured(&shown, global.output_or(OutputFormat::Yaml));
    }
    let controller = match args.mode {
        RunMode::Controller => {
            if !store.is_resource() {
                bail!(
                    "--mode controller: the ActionSet CRD (actionsets.cr.kanister.io) is not installed"
                );
            }
            true
        }
        RunMode::Client => false,
        RunMode::Auto => store.is_resource() && controller_running(cluster).await?,
    };
    let spec = &actionset.spec.as_ref().expect("set above").actions;
    if !controller {
        // Refuse what cannot run here before anything is created. With --skip-validation a
        // missing Blueprint is left to the run, which fails the ActionSet as the controller does.
        let blueprints = executor::load_blueprints(cluster, &namespace, spec).await?;
        if !args.skip_validation {
            for action in spec {
                if let Some(Err(e)) = blueprints.get(&action.blueprint) {
                    bail!("{e}");
                }
            }
        }
        executor::check_supported(&blueprints, spec)?;
    }
    let actionset = store.create(&actionset).await?;
    let announced = write_stdout(&crate::output::created_line(
        global.output,
        &crate::output::resource_name(
            crate::actionset::types::KIND,
            crate::actionset::types::GROUP,
            &name,
        ),
        &format!("actionset {name} created"),
    ));
    if controller {
        announced?;
        use std::io::IsTerminal;
        // Like kanctl, scripts get the name back at once unless they ask to --wait.
        if !args.wait && !std::io::stderr().is_terminal() {
            return Ok(());
        }
        eprintln!("following actionset {name} (run by the Kanister controller)");
        return follow_controller(cluster, store, &namespace, &name, global).await;
    }
    let tracker = PodTracker::default();
    let options = RunOptions {
        logs: args.logs,
        report: true,
        stop: crate::interrupt::cancellation(),
        ..RunOptions::default()
    };
    if let Err(e) = announced {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
        // Nobody reads the output any more: stop as on a signal, so the record ends failed.
        executor::output_closed(&options.stop);
    }
    {
        // A second signal ends the process at once, possibly while a deferPhase's pod runs.
        let (cluster, namespace, name) = (cluster.clone(), namespace.clone(), name.clone());
        crate::interrupt::on_forced_exit(move || {
            let (cluster, namespace, name) = (cluster.clone(), namespace.clone(), name.clone());
            async move {
                PodTracker::default()
                    .cleanup(&cluster, &namespace, &name)
                    .await;
            }
        });
    }
    let outcome = executor::execute(cluster, store, &actionset, &tracker, &options).await;
    // Task pods never outlive the run, whatever happened.
    let (_, left) = tracker.cleanup(cluster, &namespace, &name).await;
    for failure in &left {
        crate::actionset::note!(
            "warning: could not delete task {failure}; delete what is left with: kubectl delete pods -A -l {}",
            executor::pods::task_pod_selector(&namespace, &name)
        );
    }
    if !options.stop.is_cancelled() {
        return finish(&name, &outcome?, None);
    }
    let status = settle_stopped(store, &namespace, &name, outcome).await;
    let described = executor::stop_described();
    let mut summary = format!(
        "actionset {name}: {described}: recorded as failed; {}",
        if left.is_empty() {
            "task pods deleted"
        } else {
            "some task pods could not be deleted (see above)"
        }
    );
    for action in &status.actions {
        let defer = &action.defer_phase;
        if !defer.name.is_empty() && action.phases.iter().any(|p| p.state != State::Pending) {
            summary.push_str(&format!(
                "; deferPhase {:?} of action {} on {} {}",
                defer.name,
                action.name,
                action.object.describe(),
                match defer.state {
                    State::Complete => "ran to completion",
                    _ => "did not complete: check what it should have undone",
                }
            ));
        }
    }
    crate::actionset::note!("{summary}");
    if crate::interrupt::received().is_some() {
        Err(super::Interrupted.into())
    } else {
        Err(AlreadyReported.into())
    }
}

/// The record of a stopped run, made consistent if the executor could not finish doing so
/// (it failed early): failed, nothing running.
async fn settle_stopped(
    store: &Store,
    namespace: &str,
    name: &str,
    outcome: Result<ActionSetStatus>,
) -> ActionSetStatus {
    let mut status = match outcome {
        Ok(status) => status,
        Err(e) => {
            crate::actionset::note!("error: actionset {name}: {e:#}");
            store
                .get(namespace, name)
                .await
                .ok()
                .flatten()
                .and_then(|a| a.status)
                .unwrap_or_default()
        }
    };
    let running = |p: &crate::actionset::types::Phase| p.state == State::Running;
    let consistent = status.state == State::Failed
        && status
            .actions
            .iter()
            .all(|a| !a.phases.iter().any(running) && !running(&a.defer_phase));
    if !consistent {
        status.state = State::Failed;
        for action in status.actions.iter_mut() {
            for phase in action
                .phases
                .iter_mut()
                .chain(std::iter::once(&mut action.defer_phase))
            {
                if phase.state == State::Running {
                    phase.state = State::Failed;
                }
            }
        }
        status.progress.running_phase.clear();
        if status.error.message.is_empty() {
            status.error.message = format!(
                "{}: the client-side run was stopped",
                executor::stop_described()
            );
        }
        if let Err(e) = store.write_status(namespace, name, &status).await {
            crate::actionset::note!("warning: cannot record actionset {name} as failed: {e:#}");
        }
    }
    status
}

/// Prints the outcome; only `complete` succeeds.
fn finish(name: &str, status: &ActionSetStatus, hint: Option<String>) -> Result<()> {
    if status.state == State::Complete {
        let mut out = format!("actionset {name} complete\n");
        for action in &status.actions {
            for (artifact, value) in &action.artifacts {
                for (k, v) in &value.key_value {
                    out.push_str(&format!("  artifact {artifact}.{k}: {v}\n"));
                }
                if !value.kopia_snapshot.is_empty() {
                    out.push_str(&format!(
                        "  artifact {artifact}.kopiaSnapshot: {}\n",
                        value.kopia_snapshot
                    ));
                }
            }
        }
        write_stdout(&out)?;
        return Ok(());
    }
    let failing = status
        .actions
        .iter()
        .flat_map(|a| a.phases.iter().chain(std::iter::once(&a.defer_phase)))
        .find(|p| p.state == State::Failed)
        .map(|p| p.name.clone());
    eprintln!(
        "error: actionset {name} {}{}: {}",
        status.state,
        failing
            .map(|p| format!(" in phase {p:?}"))
            .unwrap_or_default(),
        if status.error.message.is_empty() {
            "no error message"
        } else {
            &status.error.message
        }
    );
    if let Some(hint) = hint {
        eprintln!("hint: {hint}");
    }
    Err(AlreadyReported.into())
}

/// Follows an ActionSet someone else runs; Ctrl-C asks whether to cancel (delete the
/// ActionSet, which makes the controller stop it) or detach.
async fn follow_controller(
    cluster: &Cluster,
    store: &Store,
    namespace: &str,
    name: &str,
    global: &GlobalArgs,
) -> Result<()> {
    tokio::select! {
        status = follow(cluster, store, namespace, name, global.show_progress()) => {
            let status = status?;
            let hint = if status.state == State::Complete {
                None
            } else {
                Some(controller_log_hint(cluster).await)
            };
            finish(name, &status, hint)
        }
        _ = crate::interrupt::signalled() => {
            let cancel = global.interactive()
                && dialoguer::Select::new()
                    .with_prompt(format!("actionset {name} is still running"))
                    .items(["detach (it keeps running)", "cancel (delete the ActionSet)"])
                    .default(0)
                    .interact()
                    .unwrap_or(0)
                    == 1;
            if cancel {
                store.delete(namespace, name).await?;
                eprintln!("actionset {name} deleted: the controller stops its functions and deletes their pods");
            } else {
                eprintln!("detached; follow it again with: kubectl backup actionset watch {name} -n {namespace}");
            }
            Err(AlreadyReported.into())
        }
    }
}

/// Where the failing function's pod log can still be read: the task pod is gone, the
/// controller logs what its functions printed.
async fn controller_log_hint(cluster: &Cluster) -> String {
    let controller = crate::doctor::inspect_kanister(cluster)
        .await
        .ok()
        .and_then(|k| k.controller);
    match controller {
        Some(c) => format!(
            "the task pod is deleted after a failure; its output is in the controller's log: kubectl logs -n {} deployment/{} --tail=100",
            c.namespace, c.name
        ),
        None => "the task pod is deleted after a failure; its output is in the Kanister controller's log (kubectl logs -l app=kanister-operator -n <controller namespace>)".into(),
    }
}

/// Events the controller recorded on the ActionSet, as `reason: message` lines not yet shown.
async fn new_events(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    shown: &mut std::collections::BTreeSet<String>,
) -> Vec<String> {
    use k8s_openapi::api::core::v1::Event;
    let api: kube::Api<Event> = kube::Api::namespaced(cluster.client.clone(), namespace);
    let params = kube::api::ListParams::default().fields(&format!("involvedObject.name={name}"));
    let Ok(list) = api.list(&params).await else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for event in list.items {
        let uid = event.metadata.uid.clone().unwrap_or_default();
        if shown.insert(uid) {
            out.push(format!(
                "{} {}: {}",
                event.type_.unwrap_or_default(),
                event.reason.unwrap_or_default(),
                event.message.unwrap_or_default()
            ));
        }
    }
    out
}

/// Progress display while following: one bar per action on a terminal, plain lines otherwise.
struct Progress {
    multi: Option<indicatif::MultiProgress>,
    bars: Vec<indicatif::ProgressBar>,
}

impl Progress {
    fn new(show: bool) -> Progress {
        Progress {
            multi: show.then(indicatif::MultiProgress::new),
            bars: Vec::new(),
        }
    }

    fn line(&self, text: String) {
        match &self.multi {
            Some(m) => {
                let _ = m.println(text);
            }
            None => eprintln!("{text}"),
        }
    }

    /// Updates the bar of each action: percent of its phases done, and the phase running.
    fn update(&mut self, status: &ActionSetStatus) {
        let Some(multi) = &self.multi else {
            return;
        };
        while self.bars.len() < status.actions.len() {
            let bar = multi.add(indicatif::ProgressBar::new(100));
            bar.set_style(
                indicatif::ProgressStyle::with_template("{prefix} [{bar:30}] {pos:>3}% {msg}")
                    .expect("valid template")
                    .progress_chars("=> "),
            );
            self.bars.push(bar);
        }
        for (action, bar) in status.actions.iter().zip(&self.bars) {
            let phases: Vec<_> = action
                .phases
                .iter()
                .chain(std::iter::once(&action.defer_phase).filter(|p| !p.name.is_empty()))
                .collect();
            let done = phases.iter().filter(|p| p.state == State::Complete).count();
            let percent = (done * 100).checked_div(phases.len()).unwrap_or(0);
            let current = phases
                .iter()
                .find(|p| p.state == State::Running || p.state == State::Failed)
                .map(|p| format!("{} {}", p.name, p.state))
                .unwrap_or_default();
            bar.set_prefix(format!("{} {}", action.name, action.object.describe()));
            bar.set_position(percent as u64);
            bar.set_message(current);
        }
        if status.state.is_final() {
            for bar in &self.bars {
                bar.finish();
            }
        }
    }
}

/// Polls the record until it is final, printing each phase transition and Event.
async fn follow(
    cluster: &Cluster,
    store: &Store,
    namespace: &str,
    name: &str,
    show_progress: bool,
) -> Result<ActionSetStatus> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut events = std::collections::BTreeSet::new();
    let mut last_percent = String::new();
    let mut progress = Progress::new(show_progress);
    loop {
        if store.is_resource() {
            for line in new_events(cluster, namespace, name, &mut events).await {
                progress.line(format!("{name}: event {line}"));
            }
        }
        let actionset = store.get(namespace, name).await?.ok_or_else(|| {
            anyhow!(
                "actionset {name:?} was deleted in namespace {namespace:?} while being followed"
            )
        })?;
        let status = actionset.status.clone().unwrap_or_default();
        if !show_progress
            && !status.progress.percent_completed.is_empty()
            && status.progress.percent_completed != last_percent
        {
            last_percent = status.progress.percent_completed.clone();
            progress.line(format!(
                "{name}: {}% {}",
                last_percent,
                if status.progress.running_phase.is_empty() {
                    String::new()
                } else {
                    format!("(running {})", status.progress.running_phase)
                }
            ));
        }
        for (i, action) in status.actions.iter().enumerate() {
            for phase in action
                .phases
                .iter()
                .chain(std::iter::once(&action.defer_phase))
            {
                if phase.name.is_empty() {
                    continue;
                }
                let key = format!("{i}/{}", phase.name);
                let state = phase.state.to_string();
                if seen.get(&key) != Some(&state) {
                    progress.line(format!(
                        "{name}: action {} on {}: phase {} {state}",
                        action.name,
                        action.object.describe(),
                        phase.name
                    ));
                    seen.insert(key, state);
                }
            }
        }
        progress.update(&status);
        if status.state.is_final() && settled(&status) {
            return Ok(status);
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// Whether a final status will change no more. The controller marks the ActionSet `failed` as
/// soon as a phase fails and only then runs that action's defer phase (and the other actions
/// go on), so `failed` alone is not the end: wait while a phase runs, or while an action that
/// started its phases has its defer phase still to run.
fn settled(status: &ActionSetStatus) -> bool {
    status.actions.iter().all(|action| {
        let defer = Some(&action.defer_phase).filter(|d| !d.name.is_empty());
        let running = action
            .phases
            .iter()
            .chain(defer)
            .any(|p| p.state == State::Running);
        let started = action.phases.iter().any(|p| p.state != State::Pending);
        let defer_due = started && defer.is_some_and(|d| d.state == State::Pending);
        !running && !defer_due
    })
}

async fn list(cluster: &Cluster, store: &Store, global: &GlobalArgs) -> Result<()> {
    let namespace = (!global.all_namespaces).then_some(cluster.namespace.as_str());
    let items = store.list(namespace).await?;
    let format = global.output_or(OutputFormat::Table);
    if let OutputFormat::Json | OutputFormat::Yaml = format {
        let list = serde_json::json!({"apiVersion": "v1", "kind": "List", "items": items});
        return print_structured(&list, format);
    }
    if items.is_empty() {
        eprintln!("No actionsets found.");
        return Ok(());
    }
    let mut table = Table::new(&[
        "namespace",
        "name",
        "actions",
        "blueprint",
        "state",
        "progress",
        "running phase",
    ]);
    for a in &items {
        let spec = a.spec.clone().unwrap_or_default();
        let status = a.status.clone().unwrap_or_default();
        let mut names: Vec<String> = spec.actions.iter().map(|x| x.name.clone()).collect();
        names.dedup();
        let mut bps: Vec<String> = spec.actions.iter().map(|x| x.blueprint.clone()).collect();
        bps.dedup();
        table.row(vec![
            a.metadata.namespace.clone().unwrap_or_default(),
            a.metadata.name.clone().unwrap_or_default(),
            names.join(","),
            bps.join(","),
            status.state.to_string(),
            status.progress.percent_completed.clone(),
            status.progress.running_phase.clone(),
        ]);
    }
    Ok(table.print(format)?)
}

fn describe(a: &ActionSet) -> String {
    let status = a.status.clone().unwrap_or_default();
    let mut out = format!(
        "Name:       {}\nNamespace:  {}\nState:      {}\nProgress:   {}%\n",
        a.metadata.name.clone().unwrap_or_default(),
        a.metadata.namespace.clone().unwrap_or_default(),
        status.state,
        if status.progress.percent_completed.is_empty() {
            "0"
        } else {
            &status.progress.percent_completed
        },
    );
    if !status.error.message.is_empty() {
        out.push_str(&format!("Error:      {}\n", status.error.message));
    }
    for action in &status.actions {
        out.push_str(&format!(
            "\nAction {} (blueprint {}) on {}\n",
            action.name,
            action.blueprint,
            action.object.describe()
        ));
        for phase in action
            .phases
            .iter()
            .chain(std::iter::once(&action.defer_phase).filter(|p| !p.name.is_empty()))
        {
            out.push_str(&format!("  phase {:<24} {}\n", phase.name, phase.state));
            for (k, v) in &phase.output {
                out.push_str(&format!(
                    "    output {k}: {}\n",
                    v.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string())
                ));
            }
        }
        for (name, artifact) in &action.artifacts {
            for (k, v) in &artifact.key_value {
                out.push_str(&format!("  artifact {name}.{k}: {v}\n"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actionset::types::ActionStatus;
    use crate::blueprint::{Artifact, ObjectReference};

    fn done(name: &str, created: &str, blueprint: &str, object: &str, state: State) -> ActionSet {
        let object = ObjectReference {
            kind: "statefulset".into(),
            name: object.into(),
            namespace: "db".into(),
            ..Default::default()
        };
        let mut artifacts = BTreeMap::new();
        artifacts.insert("dump".to_string(), Artifact::default());
        ActionSet {
            metadata: ObjectMeta {
                name: Some(name.into()),
                creation_timestamp: Some(
                    serde_json::from_value(serde_json::json!(created)).unwrap(),
                ),
                ..Default::default()
            },
            status: Some(ActionSetStatus {
                state,
                actions: vec![ActionStatus {
                    name: "backup".into(),
                    object,
                    blueprint: blueprint.into(),
                    artifacts,
                    ..Default::default()
                }],
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn picker_offers_completed_backups_of_the_blueprint_and_subject_newest_first() {
        let items = vec![
            done(
                "old",
                "2026-01-01T00:00:00Z",
                "mysql",
                "db1",
                State::Complete,
            ),
            done(
                "new",
                "2026-02-01T00:00:00Z",
                "mysql",
                "db1",
                State::Complete,
            ),
            done(
                "failed",
                "2026-03-01T00:00:00Z",
                "mysql",
                "db1",
                State::Failed,
            ),
            done(
                "other-bp",
                "2026-03-01T00:00:00Z",
                "pg",
                "db1",
                State::Complete,
            ),
            done(
                "other-db",
                "2026-03-01T00:00:00Z",
                "mysql",
                "db2",
                State::Complete,
            ),
        ];
        let subject = vec![ObjectReference {
            kind: "statefulset".into(),
            name: "db1".into(),
            namespace: "db".into(),
            ..Default::default()
        }];
        let names: Vec<String> = backup_candidates(&items, "mysql", &subject)
            .into_iter()
            .filter_map(|a| a.metadata.name)
            .collect();
        assert_eq!(names, ["new", "old"]);
        assert_eq!(backup_candidates(&items, "mysql", &[]).len(), 3);
    }
}
