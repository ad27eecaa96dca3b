//! `kubectl backup snapshot …`: Velero-compatible resource snapshots.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Subcommand, ValueEnum};
use tokio_util::sync::CancellationToken;

use super::location::DestinationArgs;
use super::{AlreadyReported, GlobalArgs, Interrupted};
use crate::kube::{Cluster, connect};
use crate::mode::Requested;
use crate::output::{
    DryRun, OutputFormat, Table, Written, age, human_bytes, print_structured, print_written,
    resource_name, write_stdout,
};
use crate::profile::DestinationRequest;
use crate::snapshot::collect::{DEFAULT_CONCURRENCY, DEFAULT_PAGE_SIZE, Selection};
use crate::snapshot::create::{CreateOptions, backup_spec, create};
use crate::snapshot::destination::{self, Destination};
use crate::snapshot::locate::Located;
use crate::snapshot::types::{Backup, BackupPhase, DEFAULT_NAMESPACE};
use crate::snapshot::{delete, describe, download, list, runner, velero_mode};

pub mod prune;
pub mod restore;

#[derive(Debug, Args)]
pub struct SnapshotArgs {
    #[command(subcommand)]
    pub command: SnapshotCommand,
}

#[derive(Debug, Subcommand)]
pub enum SnapshotCommand {
    /// Back up Kubernetes resources in Velero's format (through Velero when it is installed)
    Create(CreateArgs),
    /// List backups in the storage location and the cluster's Velero Backups
    List(ListArgs),
    /// Show a backup's settings, status, warnings and (with --details) its resources
    Describe(DescribeArgs),
    /// Download a backup's tarball and verify it
    Download(DownloadArgs),
    /// Delete a backup (through a DeleteBackupRequest when Velero owns it)
    Delete(DeleteArgs),
    /// Restore a backup into the cluster (Velero's order and fixes, non-destructive by default)
    Restore(restore::RestoreArgs),
    /// Delete expired backups and keep the newest N per schedule (--dry-run lists them)
    Prune(prune::PruneArgs),
}

/// `snapshot create --mode`.
const CREATE_MODES: super::mode::ModeHelp = [
    "Velero when it is installed with an Available storage location, else client-side",
    "Create a Velero Backup and follow it",
    "Collect and upload from this machine",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TriState {
    True,
    False,
    Auto,
}

#[derive(Debug, Args)]
#[command(mut_args(super::location::snapshot_words))]
pub struct CreateArgs {
    /// Name of the backup (lower-case letters, digits, '-' and '.')
    pub name: String,

    /// Namespaces to include (comma-separated globs; default: all)
    #[arg(long, value_delimiter = ',', value_name = "NS")]
    pub include_namespaces: Vec<String>,

    /// Namespaces to exclude (comma-separated globs)
    #[arg(long, value_delimiter = ',', value_name = "NS")]
    pub exclude_namespaces: Vec<String>,

    /// Resource types to include (resource, resource.group, kind or short name; globs; default: all)
    #[arg(long, value_delimiter = ',', value_name = "TYPE")]
    pub include_resources: Vec<String>,

    /// Resource types to exclude
    #[arg(long, value_delimiter = ',', value_name = "TYPE")]
    pub exclude_resources: Vec<String>,

    /// Only back up objects matching this label selector (kubectl syntax)
    #[arg(short = 'l', long, value_name = "SELECTOR", value_parser = super::validate::label_selector)]
    pub selector: Option<String>,

    /// Labels to put on the backup (comma-separated KEY=VALUE), as `velero backup create --labels`
    #[arg(long, value_delimiter = ',', value_name = "KEY=VALUE", value_parser = parse_label)]
    pub labels: Vec<(String, String)>,

    /// Cluster-scoped resources: true (all), false (none, not even related ones) or auto
    /// (all for an all-namespaces backup, else only those related to backed-up items)
    #[arg(long, value_enum, default_value_t = TriState::Auto, value_name = "WHEN")]
    pub include_cluster_resources: TriState,

    #[command(flatten)]
    pub location: DestinationArgs,

    /// How long to keep the backup (Go duration)
    #[arg(long, default_value = "720h0m0s", value_parser = parse_ttl, value_name = "DURATION")]
    pub ttl: Duration,

    /// Follow a Velero-run backup to the end (default); --wait=false returns once it is submitted
    #[arg(long, default_value_t = true, num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set, value_name = "BOOL")]
    pub wait: bool,

    /// Who does the work
    #[arg(long, default_value_t = Requested::Auto, value_parser = super::mode::parser(CREATE_MODES))]
    pub mode: Requested,

    /// Items per LIST request (client-side)
    #[arg(long, default_value_t = DEFAULT_PAGE_SIZE, value_name = "N")]
    pub page_size: u32,

    /// Resource lists run at once (client-side)
    #[arg(long, default_value_t = DEFAULT_CONCURRENCY as u16, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,

    /// Show the Backup that would be made and write nothing (client, also a bare --dry-run), or
    /// have the API server admit Velero's Backup without storing it (server; Velero only)
    #[arg(long, value_enum, value_name = "WHERE", num_args = 0..=1, require_equals = true, default_value_t, default_missing_value = "client", hide_default_value = true)]
    pub dry_run: DryRun,
}

/// The Backup object `snapshot create` stands for, as `velero backup create` would submit it.
fn requested_backup(args: &CreateArgs, selection: &Selection) -> Result<Backup> {
    let mut spec = backup_spec(selection, args.ttl, "")?;
    // Empty means "Velero's default location".
    spec.storage_location = args.location.location.clone();
    let mut backup = Backup::new(&args.name, DEFAULT_NAMESPACE, spec);
    if !args.labels.is_empty() {
        backup.metadata.labels = Some(args.labels.iter().cloned().collect());
    }
    Ok(backup)
}

/// kubectl's `-o name` for a backup.
fn backup_resource_name(name: &str) -> String {
    resource_name("Backup", "velero.io", name)
}

#[derive(Debug, Args)]
#[command(mut_args(super::location::snapshot_words))]
pub struct ListArgs {
    #[command(flatten)]
    pub location: DestinationArgs,
}

#[derive(Debug, Args)]
#[command(mut_args(super::location::snapshot_words))]
pub struct DescribeArgs {
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::backup_names))]
    pub name: String,
    /// Also list the backed-up resources per type and namespace
    #[arg(long)]
    pub details: bool,
    #[command(flatten)]
    pub location: DestinationArgs,
}

#[derive(Debug, Args)]
#[command(mut_args(super::location::snapshot_words))]
pub struct DownloadArgs {
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::backup_names))]
    pub name: String,
    /// Where to write the tarball (default: ./NAME-data.tar.gz)
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// Overwrite an existing file
    #[arg(long)]
    pub force: bool,
    /// Download a backup without (or with a corrupt) velero-backup.json; the tarball is still verified
    #[arg(long)]
    pub allow_incomplete: bool,
    #[command(flatten)]
    pub location: DestinationArgs,
}

#[derive(Debug, Args)]
#[command(mut_args(super::location::snapshot_words))]
pub struct DeleteArgs {
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::backup_names))]
    pub name: String,
    /// For a Velero-owned backup: wait until Velero has removed it
    #[arg(long)]
    pub wait: bool,
    #[command(flatten)]
    pub location: DestinationArgs,
}

fn parse_label(text: &str) -> Result<(String, String), String> {
    let (key, value) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?} is not KEY=VALUE"))?;
    // The same rules as a selector's `key=value` term: a label Kubernetes would accept.
    super::validate::label_selector(text).map_err(|e| format!("--labels {text:?}: {e}"))?;
    Ok((key.to_string(), value.to_string()))
}

/// The Velero filter the `snapshot create` flags describe.
pub(crate) fn selection_of(args: &CreateArgs) -> Selection {
    Selection {
        include_namespaces: args.include_namespaces.clone(),
        exclude_namespaces: args.exclude_namespaces.clone(),
        include_resources: args.include_resources.clone(),
        exclude_resources: args.exclude_resources.clone(),
        selector: args.selector.clone(),
        include_cluster_resources: match args.include_cluster_resources {
            TriState::True => Some(true),
            TriState::False => Some(false),
            TriState::Auto => None,
        },
    }
}

fn parse_ttl(text: &str) -> Result<Duration, String> {
    crate::duration::parse_go_duration(text)
}

pub async fn run(args: SnapshotArgs, global: &GlobalArgs) -> Result<()> {
    match args.command {
        SnapshotCommand::Create(a) => run_create(a, global).await,
        SnapshotCommand::List(a) => run_list(a, global).await,
        SnapshotCommand::Describe(a) => run_describe(a, global).await,
        SnapshotCommand::Download(a) => run_download(a, global).await,
        SnapshotCommand::Delete(a) => run_delete(a, global).await,
        SnapshotCommand::Restore(a) => restore::run(a, global).await,
        SnapshotCommand::Prune(a) => prune::run(a, global).await,
    }
}

async fn run_create(args: CreateArgs, global: &GlobalArgs) -> Result<()> {
    crate::snapshot::layout::validate_backup_name(&args.name)?;
    let selection = selection_of(&args);
    // Validate the flags locally before touching anything.
    backup_spec(&selection, args.ttl, "default")?;
    crate::snapshot::filters::IncludesExcludes::new(
        &selection.include_namespaces,
        &selection.exclude_namespaces,
        "namespaces",
    )?;
    if args.dry_run == DryRun::Client {
        let backup = requested_backup(&args, &selection)?;
        return print_written(
            global.output,
            args.dry_run,
            &Written {
                object: &backup,
                resource_name: &backup_resource_name(&args.name),
                verb: "created",
            },
        );
    }
    let cluster = connect(&global.cluster_options()).await?;
    let cancel = crate::interrupt::cancellation();

    let (velero, reason) = runner::backup_runner(
        &cluster,
        args.mode,
        args.location.profile.is_some(),
        args.location.location.as_deref(),
    )
    .await?;
    if args.dry_run == DryRun::Server {
        let Some(namespace) = velero else {
            bail!(
                "--dry-run=server needs Velero ({reason}): a client-side backup is written to \
                 object storage, with no API server to admit it; use --dry-run=client to see the \
                 Backup"
            );
        };
        let mut backup = requested_backup(&args, &selection)?;
        backup.metadata.namespace = Some(namespace);
        let admitted =
            velero_mode::submit_with(&cluster, &backup, &args.dry_run.post_params()).await?;
        return print_written(
            global.output,
            args.dry_run,
            &Written {
                object: &admitted,
                resource_name: &backup_resource_name(&args.name),
                verb: "created",
            },
        );
    }
    if let Some(namespace) = velero {
        return create_through_velero(&cluster, &namespace, &args, &selection, global, &cancel)
            .await;
    }
    tracing_note(global, &format!("{reason}; backing up client-side"));

    let destination =
        destination::resolve(Some(&cluster), &args.location.request()?, cancel.clone()).await?;
    if let Some(bsl) = &destination.bsl {
        // Velero may be about to write this name into the same location.
        let namespace = bsl
            .metadata
            .namespace
            .clone()
            .unwrap_or_else(|| DEFAULT_NAMESPACE.into());
        if velero_mode::get(&cluster, &namespace, &args.name)
            .await
            .ok()
            .flatten()
            .is_some()
        {
            bail!(
                "a Velero Backup named {:?} already exists in namespace {namespace}; choose another name",
                args.name
            );
        }
    }
    eprintln!(
        "Backing up {} into {} (client-side)…",
        cluster.server, destination.description
    );
    let options = CreateOptions {
        name: args.name.clone(),
        labels: args.labels.iter().cloned().collect(),
        selection,
        ttl: args.ttl,
        page_size: args.page_size,
        concurrency: usize::from(args.concurrency),
        show_progress: global.show_progress(),
    };
    let outcome = match create(&cluster, &destination, &options, cancel).await {
        Ok(outcome) => outcome,
        Err(error) if crate::interrupt::received().is_some() => {
            // The outer context says what was cleaned up; the signal says why it stopped.
            eprintln!("error: {error}: {}", crate::interrupt::stop_described());
            return Err(Interrupted.into());
        }
        Err(error) => return Err(error),
    };
    match global.output {
        Some(format @ (OutputFormat::Json | OutputFormat::Yaml)) => {
            print_structured(&outcome.backup, format)?
        }
        Some(OutputFormat::Name) => {
            write_stdout(&format!("{}\n", backup_resource_name(&args.name)))?
        }
        _ => {}
    }
    let phase = outcome.backup.phase().unwrap_or(BackupPhase::Completed);
    let seconds = outcome.elapsed.as_secs_f64().max(0.001);
    eprintln!(
        "Backup {:?} {}: {} items ({} of JSON, {} compressed) in {:.1}s ({:.0} items/s).",
        args.name,
        if phase == BackupPhase::Completed {
            "completed"
        } else {
            "partially failed"
        },
        outcome.items,
        human_bytes(outcome.raw_bytes),
        human_bytes(outcome.tarball_bytes),
        seconds,
        outcome.items as f64 / seconds
    );
    for warning in &outcome.warnings {
        eprintln!("warning: {warning}");
    }
    for error in &outcome.errors {
        eprintln!("error: {error}");
    }
    if phase != BackupPhase::Completed {
        eprintln!(
            "Backup {:?} is PartiallyFailed: {} error(s) above. It was stored and can be restored, but it misses what is listed.",
            args.name,
            outcome.errors.len()
        );
        return Err(AlreadyReported.into());
    }
    Ok(())
}

fn tracing_note(global: &GlobalArgs, message: &str) {
    if global.verbose > 0 {
        eprintln!("note: {message}");
    }
}

async fn create_through_velero(
    cluster: &Cluster,
    namespace: &str,
    args: &CreateArgs,
    selection: &Selection,
    global: &GlobalArgs,
    cancel: &CancellationToken,
) -> Result<()> {
    let mut spec = backup_spec(selection, args.ttl, "")?;
    // Empty means "Velero's default location".
    spec.storage_location = args.location.location.clone();
    velero_mode::submit(cluster, namespace, &args.name, spec).await?;
    if global.output == Some(OutputFormat::Name) {
        // As `kubectl create -o name`: the name once it exists, whether or not we wait.
        write_stdout(&format!("{}\n", backup_resource_name(&args.name)))?;
    }
    eprintln!(
        "Backup request {:?} submitted successfully (Velero in namespace {namespace}).",
        args.name
    );
    if !args.wait {
        eprintln!(
            "Run `kubectl backup snapshot describe {}` to see its progress.",
            args.name
        );
        return Ok(());
    }
    let backup = velero_mode::follow(
        cluster,
        namespace,
        &args.name,
        global.show_progress(),
        cancel,
    )
    .await?;
    if let Some(format @ (OutputFormat::Json | OutputFormat::Yaml)) = global.output {
        print_structured(&backup, format)?;
    }
    let phase = backup.phase().unwrap_or(BackupPhase::Failed);
    let status = backup.status.clone().unwrap_or_default();
    eprintln!(
        "Backup completed with status: {phase}. {} items backed up, {} error(s), {} warning(s).",
        status.progress.and_then(|p| p.items_backed_up).unwrap_or(0),
        status.errors.unwrap_or(0),
        status.warnings.unwrap_or(0)
    );
    if phase != BackupPhase::Completed {
        if let Some(reason) = status.failure_reason {
            eprintln!("Failure reason: {reason}");
        }
        for e in status.validation_errors.unwrap_or_default() {
            eprintln!("Validation error: {e}");
        }
        eprintln!(
            "See `kubectl backup snapshot describe {} --details`.",
            args.name
        );
        return Err(AlreadyReported.into());
    }
    Ok(())
}

/// The cluster, when one is reachable: `list` and `describe` of the local directory work without.
async fn optional_cluster(global: &GlobalArgs, required: bool) -> Result<Option<Cluster>> {
    match connect(&global.cluster_options()).await {
        Ok(cluster) => Ok(Some(cluster)),
        Err(e) if !required => {
            tracing_note(global, &format!("{e:#}; showing the storage location only"));
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Velero Backups in the cluster for this destination; without a cluster, or when they cannot
/// be read (no CRDs, no permission), none.
async fn cluster_backups(
    cluster: Option<&Cluster>,
    destination: &Destination,
    global: &GlobalArgs,
) -> Vec<Backup> {
    let Some(cluster) = cluster else {
        return Vec::new();
    };
    crate::snapshot::locate::cluster_backups(cluster, destination)
        .await
        .unwrap_or_else(|e| {
            tracing_note(global, &format!("{e:#}"));
            Vec::new()
        })
}

async fn run_list(args: ListArgs, global: &GlobalArgs) -> Result<()> {
    let spec = args.location.request()?;
    let cluster = optional_cluster(global, spec.needs_cluster()).await?;
    let destination =
        destination::resolve(cluster.as_ref(), &spec, CancellationToken::new()).await?;
    let in_cluster = cluster_backups(cluster.as_ref(), &destination, global).await;
    let backups = list::list(&destination.store, in_cluster).await?;
    let format = global.output_or(OutputFormat::Table);
    match format {
        OutputFormat::Json | OutputFormat::Yaml => {
            // A corrupt entry is listed too, as a Backup with phase Corrupt and the reason.
            let items: Vec<serde_json::Value> = backups
                .iter()
                .filter_map(|b| match (&b.corrupt, b.current()) {
                    (Some(reason), _) if b.in_cluster.is_none() => Some(serde_json::json!({
                        "apiVersion": "velero.io/v1", "kind": "Backup",
                        "metadata": {"name": b.name, "namespace": DEFAULT_NAMESPACE},
                        "status": {"phase": "Corrupt", "failureReason": reason},
                    })),
                    (_, Some(backup)) => serde_json::to_value(backup).ok(),
                    _ => None,
                })
                .collect();
            let list = serde_json::json!({"apiVersion": "v1", "kind": "List", "items": items});
            print_structured(&list, format)
        }
        OutputFormat::Name => {
            let names: String = backups
                .iter()
                .map(|b| format!("backup.velero.io/{}\n", b.name))
                .collect();
            Ok(write_stdout(&names)?)
        }
        OutputFormat::Table | OutputFormat::Wide => {
            if backups.is_empty() {
                eprintln!("No backups found in {}.", destination.description);
                return Ok(());
            }
            let now = chrono::Utc::now();
            let mut table = Table::new(&[
                "name", "status", "errors", "warnings", "items", "size", "age", "expires", "owner",
            ])
            .with_wide(&["location", "selector", "integrity"]);
            for b in &backups {
                let status = b
                    .current()
                    .and_then(|x| x.status.clone())
                    .unwrap_or_default();
                let expires = b.expires().map_or("<none>".to_string(), |e| {
                    if e > now {
                        age(now, e)
                    } else {
                        "expired".into()
                    }
                });
                let owner = if b.owned_by_velero() {
                    "velero"
                } else if b.written_by_us() {
                    "kubectl-backup"
                } else if b.backup.is_some() {
                    "velero (synced)"
                } else {
                    "-"
                };
                let spec = b.current().map(|x| x.spec.clone()).unwrap_or_default();
                let selector =
                    spec.label_selector
                        .and_then(|s| s.match_labels)
                        .map_or("<none>".into(), |l| {
                            l.iter()
                                .map(|(k, v)| format!("{k}={v}"))
                                .collect::<Vec<_>>()
                                .join(",")
                        });
                let labels = b
                    .current()
                    .and_then(|x| x.metadata.labels.clone())
                    .unwrap_or_default();
                table.row_labelled(
                    [
                        b.name.clone(),
                        b.phase(),
                        status.errors.unwrap_or(0).to_string(),
                        status.warnings.unwrap_or(0).to_string(),
                        b.items().map_or("-".into(), |i| i.to_string()),
                        b.tarball_bytes.map_or("-".into(), human_bytes),
                        b.created().map_or("-".into(), |c| age(c, now)),
                        expires,
                        owner.to_string(),
                        spec.storage_location
                            .unwrap_or_else(|| destination.location_name.clone()),
                        selector,
                        if b.has_integrity_record {
                            "sha256".into()
                        } else {
                            "-".into()
                        },
                    ],
                    &labels,
                );
            }
            Ok(table.print(format)?)
        }
    }
}

/// Finds a backup (see `snapshot::locate`), with the cluster when one is reachable or needed.
async fn locate(
    name: &str,
    location: &DestinationArgs,
    global: &GlobalArgs,
) -> Result<(Located, Option<Cluster>)> {
    let request = location.request()?;
    let cluster = optional_cluster(global, request.needs_cluster()).await?;
    let found = crate::snapshot::locate::locate(cluster.as_ref(), &request, name).await?;
    Ok((found, cluster))
}

async fn run_describe(args: DescribeArgs, global: &GlobalArgs) -> Result<()> {
    let (Located { listed, store }, cluster) = locate(&args.name, &args.location, global).await?;
    let format = global.output_or(OutputFormat::Table);
    if let Some(reason) = listed
        .corrupt
        .as_ref()
        .filter(|_| listed.in_cluster.is_none())
    {
        if matches!(format, OutputFormat::Json | OutputFormat::Yaml) {
            print_structured(
                &serde_json::json!({
                    "apiVersion": "velero.io/v1", "kind": "Backup",
                    "metadata": {"name": listed.name, "namespace": DEFAULT_NAMESPACE},
                    "status": {"phase": "Corrupt", "failureReason": reason},
                }),
                format,
            )?;
        } else {
            write_stdout(&describe::render(
                &listed,
                &describe::Extras::default(),
                false,
            ))?;
        }
        bail!(
            "backup {} is corrupt: {reason}; it cannot be restored (delete it with `kubectl backup snapshot delete {}`)",
            args.name,
            args.name
        );
    }
    if matches!(format, OutputFormat::Json | OutputFormat::Yaml) {
        let backup = listed
            .current()
            .context("the backup has no velero-backup.json yet")?;
        return print_structured(backup, format);
    }
    let extras = match (&store, &listed.in_cluster, &cluster) {
        (Some(store), _, _) => describe::read_extras(store, &args.name, args.details).await?,
        (None, Some(backup), Some(cluster)) => {
            let namespace = backup.namespace();
            let cancel = crate::interrupt::cancellation();
            match describe::read_extras_via_velero(
                cluster,
                &namespace,
                &args.name,
                args.details,
                &cancel,
            )
            .await
            {
                Ok(extras) => extras,
                Err(e) => {
                    eprintln!(
                        "warning: warnings, errors and the resource list are not available: {e:#}"
                    );
                    describe::Extras::default()
                }
            }
        }
        _ => describe::Extras::default(),
    };
    Ok(write_stdout(&describe::render(
        &listed,
        &extras,
        args.details,
    ))?)
}

async fn run_download(args: DownloadArgs, global: &GlobalArgs) -> Result<()> {
    let (Located { listed, store }, cluster) = locate(&args.name, &args.location, global).await?;
    let downloaded = match (store, &listed.in_cluster, &cluster) {
        (Some(store), in_cluster, _) => {
            // A Backup in the cluster is Velero's live record; the files alone are judged here.
            if in_cluster.is_none() {
                download::check_before_reading(&listed, args.allow_incomplete)?;
            }
            download::download(&store, &args.name, args.file.as_deref(), args.force).await?
        }
        (None, Some(backup), Some(cluster)) => {
            // Velero's location is not readable from here: ask Velero for the file.
            let namespace = backup.namespace();
            let cancel = crate::interrupt::cancellation();
            download::download_via_velero(
                cluster,
                &namespace,
                &args.name,
                args.file.as_deref(),
                args.force,
                &cancel,
            )
            .await?
        }
        _ => bail!(
            "backup {:?} has no files in a storage location this machine can read",
            args.name
        ),
    };
    eprintln!(
        "Backup {:?} downloaded to {} ({}, {} items, {}).",
        args.name,
        downloaded.path.display(),
        human_bytes(downloaded.bytes),
        downloaded.items,
        if downloaded.integrity_checked {
            "every item's SHA-256 verified"
        } else {
            "structure verified; no integrity record"
        }
    );
    Ok(())
}

async fn run_delete(args: DeleteArgs, global: &GlobalArgs) -> Result<()> {
    let (Located { listed, store }, cluster) = locate(&args.name, &args.location, global).await?;
    confirm(global, &format!("Delete backup {:?}?", args.name))?;
    if let (Some(backup), Some(cluster)) = (&listed.in_cluster, &cluster) {
        velero_mode::request_delete(cluster, backup).await?;
        eprintln!(
            "Request to delete backup {:?} submitted; Velero deletes its files, volume snapshots and restores.",
            args.name
        );
        if args.wait {
            let namespace = backup.namespace();
            let cancel = crate::interrupt::cancellation();
            loop {
                if velero_mode::get(cluster, &namespace, &args.name)
                    .await?
                    .is_none()
                {
                    eprintln!("Backup {:?} deleted.", args.name);
                    break;
                }
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                    _ = cancel.cancelled() => bail!("stopped waiting; Velero keeps deleting backup {:?}", args.name),
                }
            }
        }
        return Ok(());
    }
    let store = store.ok_or_else(|| anyhow!("no backup named {:?}", args.name))?;
    if let Some(location) = &args.location.location
        && let Some(c) = &cluster
        && let Ok(destination) = destination::resolve(
            Some(c),
            &DestinationRequest::Location(location.clone()),
            CancellationToken::new(),
        )
        .await
    {
        crate::snapshot::create::refuse_read_only(&destination)?;
    }
    let deleted = delete::delete_from_store(&store, &args.name).await?;
    eprintln!(
        "Backup {:?} deleted ({deleted} objects removed from {}).",
        args.name,
        store.location()
    );
    Ok(())
}

pub(crate) fn confirm(global: &GlobalArgs, question: &str) -> Result<()> {
    if global.yes {
        return Ok(());
    }
    if !global.interactive() {
        bail!("refusing to delete without confirmation: pass --yes (-y)");
    }
    let answer = dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()
        .context("cannot read the confirmation")?;
    if !answer {
        bail!("cancelled; nothing was deleted");
    }
    Ok(())
}
