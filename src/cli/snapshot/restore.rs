//! `kubectl backup snapshot restore NAME` (also `kubectl backup restore NAME`): through an
//! installed Velero server (a `Restore` object, followed with --wait), or client-side with
//! Velero's filters, order and per-kind fixes.

use std::time::Duration;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};

mod velero;

use super::locate;
use crate::cli::location::DestinationArgs;
use crate::cli::{AlreadyReported, GlobalArgs, Interrupted};
use crate::kube::connect;
use crate::mode::Requested;
use crate::output::{OutputFormat, print_structured, write_stdout};
use crate::snapshot::restore::{
    Action, ExistingPolicy, Filters, RestoreOptions, StatusFilter, default_restore_name,
    from_backup, parse_namespace_mappings,
};
use crate::snapshot::runner::{self, RestoreChoice};
use crate::snapshot::selector;

mod picker;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PolicyArg {
    /// Never change an existing object; report each one that differs
    None,
    /// Merge-patch existing objects that differ from the backup
    Update,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClusterScopeArg {
    True,
    False,
    /// Cluster-scoped items only when every namespace is restored, else only the CRDs and
    /// PVs the restored namespaces need (Velero's default)
    Auto,
}

/// `snapshot restore --mode`.
const RESTORE_MODES: crate::cli::mode::ModeHelp = [
    "Through Velero when it is installed, has an Available location and knows the backup; else client-side",
    "Create a Velero Restore (and follow it with --wait)",
    "Restore from this machine",
];

#[derive(Debug, Args)]
#[command(mut_args(crate::cli::location::snapshot_words))]
pub struct RestoreArgs {
    /// Backup to restore (see `kubectl backup snapshot list`); omit it on a terminal to pick one
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::backup_names))]
    pub name: Option<String>,

    /// Name of this restore (default: BACKUP-YYYYMMDDHHMMSS)
    #[arg(long, value_name = "NAME")]
    pub restore_name: Option<String>,

    /// Namespaces to restore, by their name in the backup (comma-separated globs; default: all)
    #[arg(long, value_delimiter = ',', value_name = "NS")]
    pub include_namespaces: Vec<String>,
    /// Namespaces not to restore (comma-separated globs)
    #[arg(long, value_delimiter = ',', value_name = "NS")]
    pub exclude_namespaces: Vec<String>,
    /// Resource types to restore (`deployments`, `deployments.apps`, globs; default: all)
    #[arg(long, value_delimiter = ',', value_name = "RESOURCE")]
    pub include_resources: Vec<String>,
    /// Resource types not to restore
    #[arg(long, value_delimiter = ',', value_name = "RESOURCE")]
    pub exclude_resources: Vec<String>,
    /// Restore cluster-scoped resources
    #[arg(long, value_enum, default_value_t = ClusterScopeArg::Auto, value_name = "WHEN")]
    pub include_cluster_resources: ClusterScopeArg,
    /// Only items whose labels match this selector (`app=web,tier!=db`)
    #[arg(short = 'l', long = "selector", value_name = "SELECTOR", value_parser = crate::cli::validate::label_selector)]
    pub selector: Option<String>,
    /// Restore namespaces under other names: SOURCE:TARGET,…
    #[arg(long, value_delimiter = ',', value_name = "SRC:DST", value_parser = crate::cli::validate::namespace_mapping)]
    pub namespace_mappings: Vec<String>,
    /// What to do with objects that already exist
    #[arg(long, value_enum, default_value_t = PolicyArg::None)]
    pub existing_resource_policy: PolicyArg,
    /// Replace Velero's resource priority list (comma-separated; CRDs still go first)
    #[arg(long, value_delimiter = ',', value_name = "RESOURCE")]
    pub restore_resource_priorities: Vec<String>,
    /// Keep Services' nodePorts
    #[arg(long)]
    pub preserve_node_ports: bool,
    /// Restore `.status` of these types too (comma-separated; '*' for all)
    #[arg(long, value_delimiter = ',', value_name = "RESOURCE")]
    pub status_include_resources: Vec<String>,
    /// Types whose `.status` is not restored
    #[arg(long, value_delimiter = ',', value_name = "RESOURCE")]
    pub status_exclude_resources: Vec<String>,
    /// Print what would be created, skipped or changed (with the differences); change nothing
    /// (client-side)
    #[arg(long)]
    pub dry_run: bool,
    /// Who does the work
    #[arg(long, default_value_t = Requested::Auto, value_parser = crate::cli::mode::parser(RESTORE_MODES))]
    pub mode: Requested,
    /// Restore a backup without (or with a corrupt) velero-backup.json; its tarball is still
    /// verified before anything is created
    #[arg(long)]
    pub allow_incomplete: bool,
    /// Through Velero: follow the Restore until it ends (without it, submit and return)
    #[arg(long)]
    pub wait: bool,
    /// Objects created at once within a resource type (client-side) [default: 32]
    #[arg(long, value_name = "N")]
    pub concurrency: Option<usize>,
    /// How long to wait for restored CRDs to be Established (client-side) [default: 10m]
    #[arg(long, value_parser = parse_duration, value_name = "DURATION")]
    pub crd_timeout: Option<Duration>,
    /// How long to wait for a target namespace that is being deleted (client-side) [default: 10m]
    #[arg(long, value_parser = parse_duration, value_name = "DURATION")]
    pub namespace_timeout: Option<Duration>,
    #[command(flatten)]
    pub location: DestinationArgs,
}

impl RestoreArgs {
    /// The restore's filters as the flags (given, or picked so far) say.
    pub(super) fn filters(&self) -> Filters {
        Filters {
            include_namespaces: self.include_namespaces.clone(),
            exclude_namespaces: self.exclude_namespaces.clone(),
            include_resources: self.include_resources.clone(),
            exclude_resources: self.exclude_resources.clone(),
            include_cluster_resources: match self.include_cluster_resources {
                ClusterScopeArg::True => Some(true),
                ClusterScopeArg::False => Some(false),
                ClusterScopeArg::Auto => None,
            },
            priorities: (!self.restore_resource_priorities.is_empty())
                .then(|| self.restore_resource_priorities.clone()),
        }
    }

    /// The restore the flags describe, checked before anything is read or created.
    fn request(&self, name: &str, global: &GlobalArgs) -> Result<(Filters, RestoreOptions)> {
        let mapping = parse_namespace_mappings(&self.namespace_mappings)?;
        let label_selector = self.selector.as_deref().map(selector::parse).transpose()?;
        let filters = self.filters();
        let restore_name = self
            .restore_name
            .clone()
            .unwrap_or_else(|| default_restore_name(name));
        crate::snapshot::layout::validate_backup_name(&restore_name)?;
        filters.validate()?;
        let restore_status = StatusFilter {
            include: self.status_include_resources.clone(),
            exclude: self.status_exclude_resources.clone(),
        };
        restore_status.validate()?;
        let options = RestoreOptions {
            selector: label_selector,
            namespace_mapping: mapping,
            existing: match self.existing_resource_policy {
                PolicyArg::None => ExistingPolicy::None,
                PolicyArg::Update => ExistingPolicy::Update,
            },
            preserve_node_ports: self.preserve_node_ports,
            restore_status,
            dry_run: self.dry_run,
            concurrency: self.concurrency.unwrap_or(32).max(1),
            crd_timeout: self.crd_timeout.unwrap_or(Duration::from_secs(600)),
            namespace_timeout: self.namespace_timeout.unwrap_or(Duration::from_secs(600)),
            show_progress: global.show_progress(),
            cancel: crate::interrupt::cancellation(),
            ..RestoreOptions::new(name, &restore_name)
        };
        Ok((filters, options))
    }
}

fn parse_duration(text: &str) -> Result<Duration, String> {
    crate::duration::parse_go_duration(text)
}

pub async fn run(args: RestoreArgs, global: &GlobalArgs) -> Result<()> {
    let args = picker::pick_if_unnamed(args, global).await?;
    let Some(name) = args.name.clone() else {
        bail!(
            "which backup? give its NAME: kubectl backup snapshot restore NAME (kubectl backup snapshot list shows them)"
        );
    };
    let (filters, options) = args.request(&name, global)?;
    let restore_name = options.restore_name.clone();
    let choice = RestoreChoice {
        requested: args.mode,
        backup: &name,
        location: args.location.location.as_deref(),
        client_only: velero::client_only_settings(&args),
    };
    let (target, reason) =
        runner::restore_runner(&choice, connect(&global.cluster_options())).await?;
    if let Some(target) = target {
        return velero::restore(target, &args, &filters, &options, global).await;
    }
    if global.verbose > 0 {
        eprintln!("note: {reason}; restoring client-side");
    }

    let (located, cluster) = locate(&name, &args.location, global).await?;
    let connected = async {
        match cluster {
            Some(c) => Ok(c),
            None => connect(&global.cluster_options()).await,
        }
    };
    let prepared = from_backup::prepare(
        &name,
        located,
        args.allow_incomplete,
        connected,
        &filters,
        &options,
    )
    .await?;
    let Some(prepared) = prepared else {
        eprintln!(
            "Stopped ({}) while reading backup {name:?}: nothing was restored.",
            crate::interrupt::stop_described()
        );
        return Err(Interrupted.into());
    };
    for warning in &prepared.warnings {
        eprintln!("warning: {warning}");
    }
    let (report, not_written) = prepared.restore(&options).await?;
    if let Some(warning) = not_written {
        eprintln!("warning: {warning}");
    }
    match global.output {
        Some(OutputFormat::Json | OutputFormat::Yaml) => {
            print_structured(&report, global.output_or(OutputFormat::Json))?;
        }
        _ if args.dry_run => {
            let mut text = report.preview.join("\n");
            text.push('\n');
            write_stdout(&text)?;
        }
        _ => {}
    }
    // The dry run shows these in its preview.
    if !args.dry_run {
        for line in report.storage_lines() {
            eprintln!("storage: {line}");
        }
    }
    for line in report.warnings.lines() {
        eprintln!("warning: {line}");
    }
    for line in report.errors.lines() {
        eprintln!("error: {line}");
    }
    let items_per_s = report.restored() as f64 / report.seconds.max(1e-9);
    if args.dry_run {
        eprintln!(
            "Dry run of restore {restore_name:?} from backup {name:?}: {} to create, {} to update, {} unchanged, {} existing and different (kept), {} excluded. Nothing was changed.",
            report.count(Action::WouldCreate),
            report.count(Action::WouldUpdate),
            report.count(Action::Unchanged),
            report.count(Action::Skipped),
            report.count(Action::Excluded),
        );
    } else {
        eprintln!(
            "Restore {restore_name:?} from backup {name:?}: {} created, {} updated, {} unchanged, {} existing and different (kept), {} excluded, {} failed in {:.1}s ({items_per_s:.0} items/s).",
            report.count(Action::Created),
            report.count(Action::Updated),
            report.count(Action::Unchanged),
            report.count(Action::Skipped),
            report.count(Action::Excluded),
            report.count(Action::Failed),
            report.seconds,
        );
    }
    if report.interrupted {
        let left: usize = report.not_restored.values().sum();
        let by_type: Vec<String> = report
            .not_restored
            .iter()
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        eprintln!(
            "Interrupted: restore {restore_name:?} was {} and stopped before {left} item(s) were restored ({}). The counts above are what was done; run the same command again to restore the rest (what exists is kept).",
            crate::interrupt::stop_described(),
            if by_type.is_empty() {
                "none left".to_string()
            } else {
                by_type.join(", ")
            }
        );
        return Err(Interrupted.into());
    }
    if report.errors.count() > 0 {
        return Err(AlreadyReported.into());
    }
    Ok(())
}
