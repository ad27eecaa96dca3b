//! `kubectl backup schedule …`: backups on a timetable.

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};

use super::location::DestinationArgs;
use super::{AlreadyReported, Cli, GlobalArgs};
use crate::kube::{Cluster, connect};
use crate::mode::Requested;
use crate::output::{OutputFormat, Table, age, print_structured, write_stdout};
use crate::schedule::create::{CreateOptions, Planned, SnapshotWork};
use crate::schedule::manage::{self, Runner, ScheduleView};
use crate::schedule::{self, Work, WorkKind, objects};

#[derive(Debug, Args)]
pub struct ScheduleArgs {
    #[command(subcommand)]
    pub command: ScheduleCommand,
}

#[derive(Debug, Subcommand)]
pub enum ScheduleCommand {
    /// Run `snapshot create`, `actionset create` or `etcd save` on a timetable
    ///
    /// The work follows `--`, with the flags of its command:
    ///   kubectl backup schedule create nightly --schedule "0 1 * * *" --keep-last 7 -- snapshot create --include-namespaces shop --profile s3
    Create(CreateArgs),
    /// List schedules (ours and Velero's)
    #[command(alias = "ls")]
    List,
    /// Show a schedule: its work, last runs and their outcome, the next run
    Describe(NameArg),
    /// Stop starting runs (a running one finishes)
    Pause(NameArg),
    /// Start runs again
    Resume(NameArg),
    /// Delete a schedule, its ServiceAccount and RBAC (its backups stay)
    Delete(NameArg),
    /// Start a run now, outside the timetable
    RunNow(RunNowArgs),
    /// Run one scheduled job (what the CronJob's pod runs)
    #[command(hide = true)]
    Job(JobArgs),
}

/// What `--mode` means for a schedule.
const MODE_HELP: super::mode::ModeHelp = [
    "Velero for resource snapshots to a Velero location when Velero runs, else a CronJob",
    "A Velero Schedule (resource snapshots only)",
    "A CronJob running this plugin in a pod",
];

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Name of the schedule (and prefix of its backups' names)
    pub name: String,
    /// When to run: a cron expression ("0 1 * * *") or @hourly, @daily, @weekly, @monthly
    #[arg(long, value_name = "CRON")]
    pub schedule: String,
    /// Time zone of the cron expression (an IANA name, e.g. Europe/Berlin; default UTC)
    #[arg(long, value_name = "ZONE")]
    pub time_zone: Option<String>,
    /// After each run, keep the newest N complete backups of this schedule (expired ones always go)
    #[arg(long, value_name = "N")]
    pub keep_last: Option<usize>,
    /// Image of the job (the static plugin binary as `kubectl-backup` on PATH)
    #[arg(long, value_name = "IMAGE")]
    pub image: Option<String>,
    /// Image pull policy of the job's container
    #[arg(long, value_name = "POLICY", value_parser = ["Always", "IfNotPresent", "Never"])]
    pub image_pull_policy: Option<String>,
    /// Run the job's pod on the host network (etcd schedules always do)
    #[arg(long)]
    pub host_network: bool,
    /// Environment of the job, e.g. HTTPS_PROXY=http://proxy:3128 (repeatable)
    #[arg(long = "env", value_name = "NAME=VALUE", value_parser = parse_env)]
    pub env: Vec<(String, String)>,
    /// Create it paused
    #[arg(long)]
    pub paused: bool,
    /// Who runs it
    #[arg(long, default_value = "auto", value_parser = super::mode::parser(MODE_HELP))]
    pub mode: Requested,
    /// Print the objects that would be created (ServiceAccount, RBAC, CronJob) and create nothing;
    /// `--dry-run=server` also has the API server admit them
    #[arg(long, value_name = "WHERE", num_args = 0..=1, default_missing_value = "client", value_parser = ["client", "server", "none"])]
    pub dry_run: Option<String>,
    /// The scheduled command: `snapshot create …`, `actionset create …` or `etcd save …`
    #[arg(last = true, required = true, value_name = "WORK")]
    pub work: Vec<String>,
}

#[derive(Debug, Args)]
pub struct NameArg {
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::schedule_names))]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct RunNowArgs {
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::schedule_names))]
    pub name: String,
    /// Wait for the run to finish and print its log if it fails
    #[arg(long)]
    pub wait: bool,
    /// With --wait: give up waiting after this long (the run goes on)
    #[arg(long, default_value = "30m", value_parser = crate::duration::parse_go_duration, value_name = "DURATION")]
    pub timeout: std::time::Duration,
}

#[derive(Debug, Args)]
pub struct JobArgs {
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::schedule_names))]
    pub name: String,
    #[arg(long, value_name = "N")]
    pub keep_last: Option<usize>,
    #[arg(last = true, required = true)]
    pub work: Vec<String>,
}

fn parse_env(text: &str) -> Result<(String, String), String> {
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?} is not NAME=VALUE"))?;
    let valid = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.');
    if !valid {
        return Err(format!(
            "{name:?} is not a valid environment variable name (letters, digits, '_', '-', '.'; not starting with a digit)"
        ));
    }
    Ok((name.to_string(), value.to_string()))
}

pub async fn run(args: ScheduleArgs, global: &GlobalArgs) -> Result<()> {
    match args.command {
        ScheduleCommand::Create(a) => create(a, global).await,
        ScheduleCommand::List => list(global).await,
        ScheduleCommand::Describe(a) => describe(&a.name, global).await,
        ScheduleCommand::Pause(a) => set_paused(&a.name, true, global).await,
        ScheduleCommand::Resume(a) => set_paused(&a.name, false, global).await,
        ScheduleCommand::Delete(a) => delete(&a.name, global).await,
        ScheduleCommand::RunNow(a) => run_now(a, global).await,
        ScheduleCommand::Job(a) => job(a, global).await,
    }
}

/// Parses a command line of the plugin as the job will run it, so a schedule is refused now,
/// not at 1 a.m., when its flags are wrong.
fn parse_work(work: &Work, schedule: &str) -> Result<Cli> {
    let mut argv = vec!["kubectl-backup".to_string()];
    argv.extend(work.run_args(schedule, chrono::Utc::now()));
    <Cli as clap::Parser>::try_parse_from(&argv).map_err(|e| {
        anyhow!(
            "the scheduled command `{}` is not valid: {}",
            work.args.join(" "),
            e.to_string().trim_start_matches("error: ").trim()
        )
    })
}

async fn create(args: CreateArgs, global: &GlobalArgs) -> Result<()> {
    let dry_run = args.dry_run.clone().filter(|d| d != "none");
    let options = create_options(args)?;
    let (cluster, planned) =
        schedule::create::plan(&options, connect(&global.cluster_options())).await?;
    if dry_run.as_deref() == Some("client") {
        return print_manifests(planned.manifests(), global);
    }
    schedule::create::apply(&cluster, &planned, dry_run.is_some()).await?;
    if dry_run.is_some() {
        return print_manifests(planned.manifests(), global);
    }
    let name = &options.name;
    match &planned {
        Planned::Velero { namespace, .. } => {
            eprintln!(
                "Schedule {name:?} created in Velero (namespace {namespace}): Velero runs it, names its backups {name}-<timestamp> and deletes them after their TTL."
            );
            print_created(global, Runner::Velero.kind(), name)
        }
        Planned::CronJob { request, .. } => {
            eprintln!(
                "Schedule {name:?} created: CronJob {}/{name} runs `kubectl-backup {}` ({}), as ServiceAccount {}.",
                request.namespace,
                request.work.args.join(" "),
                options.cron,
                objects::account_name(name)
            );
            print_created(global, Runner::CronJob.kind(), name)
        }
    }
}

/// The flags as the domain's options. The scheduled command goes through the real parser here,
/// so a schedule is refused now, not at 1 a.m., when its flags are wrong.
fn create_options(args: CreateArgs) -> Result<CreateOptions> {
    schedule::create::check(&args.name, &args.schedule)?;
    let work = Work::new(args.work)?;
    let snapshot = match parse_work(&work, &args.name)?.command {
        super::Command::Snapshot(super::snapshot::SnapshotArgs {
            command: super::snapshot::SnapshotCommand::Create(create),
        }) => Some(SnapshotWork {
            selection: super::snapshot::selection_of(&create),
            ttl: create.ttl,
            location: create.location.location.clone().unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(CreateOptions {
        name: args.name,
        cron: args.schedule,
        time_zone: args.time_zone,
        keep_last: args.keep_last,
        image: args.image,
        image_pull_policy: args.image_pull_policy,
        host_network: args.host_network,
        env: args.env,
        paused: args.paused,
        mode: args.mode,
        work,
        snapshot,
    })
}

fn print_manifests(manifests: &[serde_json::Value], global: &GlobalArgs) -> Result<()> {
    let list = serde_json::json!({"apiVersion": "v1", "kind": "List", "items": manifests});
    let format = match global.output {
        Some(OutputFormat::Json) => OutputFormat::Json,
        _ => OutputFormat::Yaml,
    };
    print_structured(&list, format)
}

fn print_created(global: &GlobalArgs, kind: &str, name: &str) -> Result<()> {
    if global.output == Some(OutputFormat::Name) {
        write_stdout(&format!("{kind}/{name}\n"))?;
    }
    Ok(())
}

async fn list(global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let namespace = (!global.all_namespaces).then_some(cluster.namespace.as_str());
    let views = manage::list(&cluster, namespace).await?;
    let format = global.output_or(OutputFormat::Table);
    match format {
        OutputFormat::Json | OutputFormat::Yaml => {
            let items: Vec<serde_json::Value> = views.iter().map(view_json).collect();
            print_structured(
                &serde_json::json!({"apiVersion": "v1", "kind": "List", "items": items}),
                format,
            )
        }
        OutputFormat::Name => {
            let names: String = views
                .iter()
                .map(|v| format!("{}\n", kind_name(v)))
                .collect();
            Ok(write_stdout(&names)?)
        }
        _ => {
            if views.is_empty() {
                eprintln!("No schedules found.");
                return Ok(());
            }
            let now = chrono::Utc::now();
            let mut table = Table::new(&[
                "namespace",
                "name",
                "schedule",
                "runner",
                "work",
                "paused",
                "last run",
                "next run",
            ]);
            for v in &views {
                table.row_labelled(
                    [
                        v.namespace.clone(),
                        v.name.clone(),
                        v.cron.clone(),
                        v.runner.to_string(),
                        v.work
                            .as_ref()
                            .map_or("velero backup".into(), |w| w.kind.as_str().to_string()),
                        v.paused.to_string(),
                        v.last_scheduled
                            .map_or("<none>".into(), |t| format!("{} ago", age(t, now))),
                        v.next_run.map_or("<none>".into(), |t| {
                            t.format("%Y-%m-%d %H:%M UTC").to_string()
                        }),
                    ],
                    &v.labels,
                );
            }
            Ok(table.print(format)?)
        }
    }
}

fn kind_name(view: &ScheduleView) -> String {
    format!("{}/{}", view.runner.kind(), view.name)
}

fn view_json(v: &ScheduleView) -> serde_json::Value {
    serde_json::json!({
        "namespace": v.namespace,
        "name": v.name,
        "schedule": v.cron,
        "timeZone": v.time_zone,
        "runner": v.runner,
        "work": v.work.as_ref().map(|w| w.args.clone()),
        "keepLast": v.keep_last,
        "paused": v.paused,
        "lastScheduleTime": v.last_scheduled,
        "lastSuccessfulTime": v.last_successful,
        "active": v.active,
        "nextRun": v.next_run,
    })
}

async fn describe(name: &str, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let view = manage::get(&cluster, &cluster.namespace, name).await?;
    let runs = if view.runner == Runner::CronJob {
        manage::runs(&cluster, &view).await?
    } else {
        Vec::new()
    };
    let last_backup = last_backup(&cluster, &view).await;
    if let Some(format @ (OutputFormat::Json | OutputFormat::Yaml)) = global.output {
        let mut json = view_json(&view);
        json["runs"] = runs
            .iter()
            .map(|r| {
                serde_json::json!({"job": r.job, "outcome": r.outcome, "started": r.started,
                    "finished": r.finished, "message": r.message})
            })
            .collect();
        json["lastBackup"] = serde_json::json!(last_backup.as_ref().ok().cloned().flatten());
        return print_structured(&json, format);
    }
    let mut out = String::new();
    let line = |out: &mut String, key: &str, value: String| {
        out.push_str(&format!("{key:<14}{value}\n"));
    };
    line(&mut out, "Name:", view.name.clone());
    line(&mut out, "Namespace:", view.namespace.clone());
    line(
        &mut out,
        "Run by:",
        match view.runner {
            Runner::Velero => "Velero (a velero.io Schedule)".into(),
            Runner::CronJob => format!(
                "CronJob {}/{}, ServiceAccount {}",
                view.namespace,
                view.name,
                objects::account_name(&view.name)
            ),
        },
    );
    line(
        &mut out,
        "Schedule:",
        format!(
            "{}{}",
            view.cron,
            view.time_zone
                .as_ref()
                .map(|z| format!(" ({z})"))
                .unwrap_or_default()
        ),
    );
    line(&mut out, "Paused:", view.paused.to_string());
    if let Some(work) = &view.work {
        line(
            &mut out,
            "Work:",
            format!("kubectl-backup {}", work.args.join(" ")),
        );
    }
    line(
        &mut out,
        "Keep last:",
        view.keep_last
            .map_or("all until they expire".into(), |n| n.to_string()),
    );
    line(
        &mut out,
        "Next run:",
        view.next_run.map_or("<none>".into(), |t| t.to_rfc3339()),
    );
    line(
        &mut out,
        "Last run:",
        view.last_scheduled
            .map_or("<none>".into(), |t| t.to_rfc3339()),
    );
    line(
        &mut out,
        "Last success:",
        view.last_successful
            .map_or("<none>".into(), |t| t.to_rfc3339()),
    );
    match last_backup {
        Ok(Some(b)) => line(&mut out, "Last backup:", b),
        Ok(None) => line(&mut out, "Last backup:", "<none>".into()),
        Err(e) => line(&mut out, "Last backup:", format!("unknown ({e:#})")),
    }
    if !runs.is_empty() {
        out.push_str("Runs (newest first):\n");
        for r in &runs {
            out.push_str(&format!(
                "  {}  {}  started {}{}\n",
                r.job,
                r.outcome,
                r.started.map_or("-".into(), |t| t.to_rfc3339()),
                r.message
                    .as_ref()
                    .map(|m| format!("  ({m})"))
                    .unwrap_or_default()
            ));
        }
    }
    Ok(write_stdout(&out)?)
}

/// The scheduled command's `--profile`/`--location`, as the flag group every command shares.
fn work_destination(work: &Work) -> DestinationArgs {
    DestinationArgs {
        profile: work.flag_value("--profile").map(String::from),
        location: work.flag_value("--location").map(String::from),
    }
}

/// The newest backup of a snapshot schedule, read from its destination: `name (phase, created)`.
async fn last_backup(cluster: &Cluster, view: &ScheduleView) -> Result<Option<String>> {
    let Some(work) = view.work.as_ref().filter(|w| w.kind == WorkKind::Snapshot) else {
        return Ok(None);
    };
    let spec = work_destination(work).request()?;
    let destination = crate::snapshot::destination::resolve(
        Some(cluster),
        &spec,
        tokio_util::sync::CancellationToken::new(),
    )
    .await?;
    let listed = crate::snapshot::list::list(&destination.store, Vec::new()).await?;
    let newest = listed
        .iter()
        .filter(|l| crate::snapshot::prune::schedule_of(l).as_deref() == Some(view.name.as_str()))
        .max_by_key(|l| l.created());
    Ok(newest.map(|l| {
        format!(
            "{} ({}, {})",
            l.name,
            l.phase(),
            l.created().map_or("-".into(), |t| t.to_rfc3339())
        )
    }))
}

async fn set_paused(name: &str, paused: bool, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let view = manage::get(&cluster, &cluster.namespace, name).await?;
    manage::set_paused(&cluster, &view, paused).await?;
    eprintln!(
        "Schedule {name:?} {}.",
        if paused {
            "paused: no new runs start"
        } else {
            "resumed"
        }
    );
    print_created(global, view.runner.kind(), name)
}

async fn delete(name: &str, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let view = manage::get(&cluster, &cluster.namespace, name).await?;
    super::snapshot::confirm(
        global,
        &format!("Delete schedule {name:?}? (its backups stay)"),
    )?;
    for object in manage::delete(&cluster, &view).await? {
        eprintln!("deleted {object}");
    }
    eprintln!("Schedule {name:?} deleted; its backups stay (see `kubectl backup snapshot prune`).");
    Ok(())
}

async fn run_now(args: RunNowArgs, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let view = manage::get(&cluster, &cluster.namespace, &args.name).await?;
    let job = manage::run_now(&cluster, &view).await?;
    eprintln!(
        "Started job {}/{job} from schedule {:?}.",
        view.namespace, args.name
    );
    if global.output == Some(OutputFormat::Name) {
        write_stdout(&format!("job.batch/{job}\n"))?;
    }
    if !args.wait {
        return Ok(());
    }
    let result = manage::wait_for_job(&cluster, &view.namespace, &job, args.timeout).await?;
    if result.outcome == "Succeeded" {
        eprintln!("Job {job} succeeded.");
        return Ok(());
    }
    let log = manage::job_log(&cluster, &view.namespace, &job)
        .await
        .unwrap_or_default();
    eprintln!(
        "Job {job} failed{}.\n--- its log ---\n{}",
        result.message.map(|m| format!(": {m}")).unwrap_or_default(),
        log.trim_end()
    );
    Err(AlreadyReported.into())
}

/// Runs a plugin command line inside the job with the job's own global flags; no person is
/// watching, so no prompts and no progress bars.
async fn run_unattended(mut cli: Cli, global: &GlobalArgs) -> Result<()> {
    cli.global = global.clone();
    cli.global.yes = true;
    cli.global.no_progress = true;
    Box::pin(super::run(cli)).await
}

/// One run, inside the CronJob's pod: the work, then retention for snapshot schedules. Exits
/// non-zero when the backup fails, so the Job shows it.
async fn job(args: JobArgs, global: &GlobalArgs) -> Result<()> {
    let work = Work::new(args.work.clone())?;
    let started = chrono::Utc::now();
    eprintln!(
        "schedule {}: run started at {}: kubectl-backup {}",
        args.name,
        started.to_rfc3339(),
        work.args.join(" ")
    );
    let outcome = run_unattended(parse_work(&work, &args.name)?, global).await;
    if let Err(e) = &outcome {
        eprintln!("schedule {}: the backup failed: {e:#}", args.name);
        return Err(AlreadyReported.into());
    }
    if work.kind == WorkKind::Snapshot {
        let mut argv = vec![
            "kubectl-backup".to_string(),
            "snapshot".into(),
            "prune".into(),
            "--schedule".into(),
            args.name.clone(),
        ];
        if let Some(keep) = args.keep_last {
            argv.push("--keep-last".into());
            argv.push(keep.to_string());
        }
        argv.extend(work.destination_args());
        let prune = <Cli as clap::Parser>::try_parse_from(&argv)
            .map_err(|e| anyhow!("internal: the prune command line is invalid: {e}"))?;
        if let Err(e) = run_unattended(prune, global).await {
            // The backup itself succeeded; a failed prune is retried by the next run.
            eprintln!("schedule {}: pruning old backups failed: {e:#}", args.name);
            return Err(AlreadyReported.into());
        }
    }
    match (work.kind, args.keep_last) {
        (WorkKind::Etcd, Some(keep)) => {
            prune_etcd_snapshots(&work, &args.name, keep, global).await?
        }
        (WorkKind::ActionSet, Some(keep)) => {
            prune_actionset_backups(&work, &args.name, keep, global).await?
        }
        _ => {}
    }
    eprintln!(
        "schedule {}: run finished in {:.1}s",
        args.name,
        (chrono::Utc::now() - started).num_milliseconds() as f64 / 1000.0
    );
    Ok(())
}

/// After a scheduled ActionSet: the blueprint's `delete` action on each backup beyond the newest
/// `keep`, then its record; a backup whose delete action fails keeps its record (and its data),
/// so the next run tries again.
async fn prune_actionset_backups(
    work: &Work,
    schedule: &str,
    keep: usize,
    global: &GlobalArgs,
) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let profile = work.flag_value("--profile");
    let store = crate::actionset::record::Store::open(&cluster, profile).await?;
    let actionsets = store.list(Some(&cluster.namespace)).await?;
    let doomed = crate::schedule::actionset_retention::doomed(schedule, &actionsets, keep);
    let mut failed = 0;
    for backup in doomed {
        let name = backup.metadata.name.clone().unwrap_or_default();
        let mut argv: Vec<String> = [
            "kubectl-backup",
            "actionset",
            "create",
            "--action",
            "delete",
            "--from",
            &name,
            "--mode",
            "client",
            "--wait",
        ]
        .map(String::from)
        .to_vec();
        if let Some(profile) = profile {
            argv.extend(["--profile".to_string(), profile.to_string()]);
        }
        // kanctl's way: the delete action runs against the backed-up object's namespace.
        if let Some(namespace) = backup
            .spec
            .as_ref()
            .and_then(|s| s.actions.first())
            .map(|a| a.object.namespace.clone())
            .filter(|ns| !ns.is_empty())
        {
            argv.extend(["--namespacetargets".to_string(), namespace]);
        }
        let delete = <Cli as clap::Parser>::try_parse_from(&argv)
            .map_err(|e| anyhow!("internal: the delete command line is invalid: {e}"))?;
        match run_unattended(delete, global).await {
            Ok(()) => {
                store.delete(&cluster.namespace, &name).await?;
                eprintln!(
                    "schedule {schedule}: deleted old backup {name} (its delete action completed)"
                );
            }
            Err(e) => {
                failed += 1;
                eprintln!(
                    "schedule {schedule}: the delete action on old backup {name} failed: {e:#}"
                );
            }
        }
    }
    if failed > 0 {
        return Err(AlreadyReported.into());
    }
    Ok(())
}

/// After a scheduled etcd snapshot: keep the newest `keep` of the schedule in its profile.
async fn prune_etcd_snapshots(
    work: &Work,
    schedule: &str,
    keep: usize,
    global: &GlobalArgs,
) -> Result<()> {
    // etcd snapshots go to a profile only.
    let destination = DestinationArgs {
        location: None,
        ..work_destination(work)
    };
    if destination.profile.is_none() {
        return Err(anyhow!("internal: an etcd schedule without --profile"));
    }
    let cluster = connect(&global.cluster_options()).await?;
    let request = destination.request()?;
    let destination = crate::profile::resolve(Some(&cluster), &request).await?;
    let store = destination.store()?;
    match crate::schedule::etcd_retention::prune(&store, schedule, keep).await {
        Ok(deleted) => {
            for key in deleted {
                eprintln!("schedule {schedule}: deleted old etcd snapshot {key}");
            }
            Ok(())
        }
        Err(e) => {
            eprintln!("schedule {schedule}: pruning old etcd snapshots failed: {e:#}");
            Err(AlreadyReported.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_values_are_checked() {
        assert_eq!(
            parse_env("HTTPS_PROXY=http://p:3128").unwrap(),
            ("HTTPS_PROXY".into(), "http://p:3128".into())
        );
        assert!(parse_env("NOVALUE").is_err());
        assert!(parse_env("1X=a").is_err());
    }

    #[test]
    fn scheduled_commands_are_checked_by_the_real_parser() {
        let work = Work::new(
            "snapshot create --profile p --include-namespacs shop"
                .split_whitespace()
                .map(String::from)
                .collect(),
        )
        .unwrap();
        let e = parse_work(&work, "nightly").unwrap_err().to_string();
        assert!(e.contains("--include-namespacs"), "{e}");
        let good = Work::new(
            "snapshot create --profile p --include-namespaces shop --ttl 24h"
                .split_whitespace()
                .map(String::from)
                .collect(),
        )
        .unwrap();
        parse_work(&good, "nightly").unwrap();
    }
}
