//! `kubectl backup actionset …`: create ActionSets as kanctl does and follow them (controller
//! mode), or run them here with Kanister's semantics (client-side mode); list, describe,
//! watch and delete them wherever they are recorded.

use crate::output::{DryRun, Written, print_written};
use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use clap::{Args, Subcommand};

use super::blueprint::TargetArgs;
use crate::actionset::client_run::{self, Ended};
use crate::actionset::create::{self, CreateOptions};
use crate::actionset::events;
use crate::actionset::executor::{self, PodTracker, RunOptions};
use crate::actionset::outcome::settled;
use crate::actionset::record::Store;
use crate::actionset::types::{ActionSet, ActionSetStatus, State};
use crate::actionset::validate::SelectorKind;
use crate::cli::{AlreadyReported, GlobalArgs};
use crate::kube::{Cluster, connect};
use crate::mode::Requested;
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
        #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::actionset_names))]
        name: String,
        #[command(flatten)]
        records: RecordArgs,
    },
    /// Follow an ActionSet until it completes or fails
    Watch {
        #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::actionset_names))]
        name: String,
        #[command(flatten)]
        records: RecordArgs,
    },
    /// Delete ActionSets
    #[command(alias = "rm")]
    Delete {
        #[arg(required = true, add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::actionset_names))]
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
    #[arg(long, value_name = "[NS/]NAME", value_parser = super::validate::namespaced_object_name, add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::profile_names))]
    pub profile: Option<String>,
}

/// `actionset create --mode`.
const MODES: super::mode::ModeHelp = [
    "The controller when one runs, else client-side",
    "Create the ActionSet for the Kanister controller and follow it",
    "Execute the actions here",
];

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Blueprint action to run (backup, restore, delete, …)
    #[arg(short = 'a', long, add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::action_names))]
    pub action: Option<String>,
    /// Blueprint name (in the ActionSet's namespace)
    #[arg(short = 'b', long, value_parser = super::validate::object_name, add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::blueprint_names))]
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
    #[arg(long, value_name = "KEY=VALUE", value_parser = crate::cli::validate::label_pairs)]
    pub labels: Vec<String>,
    /// Create the ActionSet without checking that its blueprint, objects, secrets, config maps
    /// and profile exist
    #[arg(long)]
    pub skip_validation: bool,
    /// Strategic-merge patch (JSON or YAML) for every pod the functions create
    #[arg(long, value_name = "JSON")]
    pub pod_override: Option<String>,
    /// Labels for the pods the functions create
    #[arg(long = "podlabels", value_name = "KEY=VALUE", value_parser = crate::cli::validate::label_pairs)]
    pub pod_labels: Vec<String>,
    /// Annotations for the pods the functions create
    #[arg(long = "podannotations", value_name = "KEY=VALUE", value_parser = crate::cli::validate::annotation_pairs)]
    pub pod_annotations: Vec<String>,
    /// Wait for the ActionSet to finish (client-side runs always wait)
    #[arg(long)]
    pub wait: bool,
    /// Client-side: stream the task pods' logs and exec output to stderr (separate from `-v`,
    /// whose HTTP trace is not needed to see them)
    #[arg(long)]
    pub logs: bool,
    #[arg(long, default_value_t = Requested::Auto, value_parser = super::mode::parser(MODES))]
    pub mode: Requested,
    /// Print the ActionSet instead of creating it (client, also a bare --dry-run), or have the
    /// API server admit it without storing or running it (server)
    #[arg(long, value_enum, value_name = "WHERE", num_args = 0..=1, require_equals = true, default_value_t, default_missing_value = "client", hide_default_value = true)]
    pub dry_run: DryRun,
}

impl CreateArgs {
    fn options(&self) -> CreateOptions {
        CreateOptions {
            action: self.action.clone(),
            blueprint: self.blueprint.clone(),
            name: self.name.clone(),
            from: self.from.clone(),
            targets: (&self.target).into(),
            selector: self.selector.clone(),
            kind: self.kind,
            selector_namespace: self.selector_namespace.clone(),
            labels: self.labels.clone(),
            skip_validation: self.skip_validation,
            pod_override: self.pod_override.clone(),
            pod_labels: self.pod_labels.clone(),
            pod_annotations: self.pod_annotations.clone(),
        }
    }
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

/// On a terminal, an action other than backup that got no `--from` and no `--artifacts`
/// offers the completed backups of that Blueprint and subject to choose from.
async fn pick_parent(
    options: &CreateOptions,
    store: &Store,
    namespace: &str,
    global: &GlobalArgs,
) -> Result<Option<String>> {
    if !global.interactive() || !create::wants_parent(options) {
        return Ok(None);
    }
    let (Some(action), Some(blueprint)) = (&options.action, &options.blueprint) else {
        return Ok(None);
    };
    let items = store.list(Some(namespace)).await?;
    let candidates = create::backup_candidates(&items, blueprint, &options.targets.subjects()?);
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
    args: CreateArgs,
    cluster: &Cluster,
    store: &Store,
    global: &GlobalArgs,
) -> Result<()> {
    let namespace = cluster.namespace.clone();
    let mut options = args.options();
    if let Some(parent) = pick_parent(&options, store, &namespace, global).await? {
        eprintln!("using the artifacts of actionset {parent}");
        options.from = Some(parent);
    }
    let prepared = create::prepare(cluster, store, &options).await?;
    for warning in &prepared.warnings {
        eprintln!("warning: {warning}");
    }
    let actionset = prepared.actionset;
    let name = actionset.metadata.name.clone().unwrap_or_default();
    if args.dry_run == DryRun::Server {
        let admitted = store
            .create_with(&actionset, &args.dry_run.post_params())
            .await?;
        // The server's answer names it, also when the name was generated there.
        let resource_name = crate::output::resource_name(
            crate::actionset::types::KIND,
            crate::actionset::types::GROUP,
            admitted.metadata.name.as_deref().unwrap_or(&name),
        );
        return print_written(
            global.output,
            args.dry_run,
            &Written {
                object: &admitted,
                resource_name: &resource_name,
                verb: "created",
            },
        );
    }
    if args.dry_run == DryRun::Client {
        let mut shown = actionset.clone();
        shown.api_version = crate::actionset::types::API_VERSION.into();
        shown.kind = crate::actionset::types::KIND.into();
        return print_structured(&shown, global.output_or(OutputFormat::Yaml));
    }
    let decision = create::choose_mode(cluster, store, args.mode).await?;
    let controller = decision.is_controller();
    if !controller {
        create::check_client_side(cluster, &actionset, options.skip_validation).await?;
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
    match client_run::run(cluster, store, &actionset, &options).await {
        Ended::Finished(status) => finish(&name, &status?, None),
        Ended::Stopped if crate::interrupt::received().is_some() => Err(super::Interrupted.into()),
        Ended::Stopped => Err(AlreadyReported.into()),
    }
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
    let mut shown_events = std::collections::BTreeSet::new();
    let mut last_percent = String::new();
    let mut progress = Progress::new(show_progress);
    loop {
        if store.is_resource() {
            show_events(cluster, namespace, name, &mut shown_events, &mut progress).await;
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
            if store.is_resource() {
                // Kanister records a phase's status before its "Ended" Event, so the last Events
                // can come after the final status: show them until none has come for a while.
                let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
                while tokio::time::Instant::now() < deadline {
                    tokio::time::sleep(Duration::from_millis(500)).await;
                    if !show_events(cluster, namespace, name, &mut shown_events, &mut progress)
                        .await
                    {
                        break;
                    }
                }
            }
            return Ok(status);
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// Prints the ActionSet's Events not shown yet; whether there were any.
async fn show_events(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    shown: &mut std::collections::BTreeSet<String>,
    progress: &mut Progress,
) -> bool {
    let lines = events::unseen(cluster, namespace, name, shown).await;
    let any = !lines.is_empty();
    for line in lines {
        progress.line(format!("{name}: event {line}"));
    }
    any
}

async fn list(cluster: &Cluster, store: &Store, global: &GlobalArgs) -> Result<()> {
    let namespace = (!global.all_namespaces).then_some(cluster.namespace.as_str());
    let items = store.list(namespace).await?;
    let format = global.output_or(OutputFormat::Table);
    if let OutputFormat::Json | OutputFormat::Yaml = format {
        let list = serde_json::json!({"apiVersion": "v1", "kind": "List", "items": items});
        return print_structured(&list, format);
    }
    if format == OutputFormat::Name {
        let names = items.iter().map(|a| {
            format!(
                "actionset.cr.kanister.io/{}",
                a.metadata.name.as_deref().unwrap_or_default()
            )
        });
        return Ok(crate::output::print_names(names)?);
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
        let labels = a.metadata.labels.clone().unwrap_or_default();
        table.row_labelled(
            vec![
                a.metadata.namespace.clone().unwrap_or_default(),
                a.metadata.name.clone().unwrap_or_default(),
                names.join(","),
                bps.join(","),
                status.state.to_string(),
                status.progress.percent_completed.clone(),
                status.progress.running_phase.clone(),
            ],
            &labels,
        );
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
