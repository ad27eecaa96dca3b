//! `kubectl backup snapshot prune`: delete expired backups, keep the newest N per schedule.

use anyhow::Result;
use clap::Args;
use tokio_util::sync::CancellationToken;

use super::super::location::DestinationArgs;
use super::{cluster_backups, confirm, optional_cluster};
use crate::cli::{AlreadyReported, GlobalArgs};
use crate::output::{OutputFormat, Table, print_structured};
use crate::snapshot::destination;
use crate::snapshot::list;
use crate::snapshot::prune::{Outcome, PruneOptions, Pruned, prune};
use crate::snapshot::retention::RetentionPolicy;

#[derive(Debug, Args)]
#[command(mut_args(crate::cli::location::snapshot_words))]
pub struct PruneArgs {
    /// Only backups of this schedule (their `velero.io/schedule-name` label)
    #[arg(long, value_name = "NAME")]
    pub schedule: Option<String>,
    /// Keep the newest N complete backups of each schedule, even before they expire
    #[arg(long, value_name = "N")]
    pub keep_last: Option<usize>,
    /// List what would be deleted, delete nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub location: DestinationArgs,
}

pub async fn run(args: PruneArgs, global: &GlobalArgs) -> Result<()> {
    if let Some(schedule) = &args.schedule {
        anyhow::ensure!(
            crate::kube::is_dns_subdomain(schedule),
            "--schedule {schedule:?}: a schedule name is lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"
        );
    }
    let spec = args.location.request()?;
    let cluster = optional_cluster(global, spec.needs_cluster()).await?;
    let destination =
        destination::resolve(cluster.as_ref(), &spec, CancellationToken::new()).await?;
    let in_cluster = cluster_backups(cluster.as_ref(), &destination, global).await;
    let listed = list::list(&destination.store, in_cluster).await?;
    let options = PruneOptions {
        policy: RetentionPolicy {
            schedule: args.schedule.clone(),
            keep_last: args.keep_last,
        },
        dry_run: args.dry_run,
        now: chrono::Utc::now(),
    };
    if !args.dry_run {
        let dry = PruneOptions {
            dry_run: true,
            ..options.clone()
        };
        let planned = prune(&destination.store, cluster.as_ref(), &listed, &dry).await?;
        let doomed = planned.iter().filter(|p| p.decision.delete).count();
        if doomed == 0 {
            eprintln!(
                "Nothing to prune in {} ({} backups kept).",
                destination.description,
                planned.len()
            );
            return print_results(&planned, global);
        }
        confirm(
            global,
            &format!(
                "Delete {doomed} backup(s) from {}?",
                destination.description
            ),
        )?;
    }
    let results = prune(&destination.store, cluster.as_ref(), &listed, &options).await?;
    print_results(&results, global)?;
    let failed = results
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
        .count();
    let deleted = results
        .iter()
        .filter(|r| {
            matches!(
                r.outcome,
                Outcome::DeletedFromStore { .. } | Outcome::DeleteRequested
            )
        })
        .count();
    if args.dry_run {
        let would = results
            .iter()
            .filter(|r| r.outcome == Outcome::WouldDelete)
            .count();
        eprintln!("Dry run: {would} backup(s) would be deleted; nothing was changed.");
    } else {
        eprintln!(
            "Pruned {deleted} backup(s) from {}.",
            destination.description
        );
    }
    if failed > 0 {
        for r in &results {
            if let Outcome::Failed(why) = &r.outcome {
                eprintln!("error: could not delete backup {}: {why}", r.decision.name);
            }
        }
        return Err(AlreadyReported.into());
    }
    Ok(())
}

fn outcome_text(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Kept => "kept".into(),
        Outcome::WouldDelete => "would delete".into(),
        Outcome::DeletedFromStore { objects } => format!("deleted ({objects} objects)"),
        Outcome::DeleteRequested => "delete requested (Velero)".into(),
        Outcome::Failed(_) => "FAILED".into(),
    }
}

fn print_results(results: &[Pruned], global: &GlobalArgs) -> Result<()> {
    let format = global.output_or(OutputFormat::Table);
    match format {
        OutputFormat::Json | OutputFormat::Yaml => {
            let items: Vec<serde_json::Value> = results
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "name": r.decision.name,
                        "delete": r.decision.delete,
                        "reason": r.decision.reason,
                        "outcome": outcome_text(&r.outcome),
                    })
                })
                .collect();
            print_structured(&serde_json::json!({"items": items}), format)
        }
        OutputFormat::Name => {
            let names: String = results
                .iter()
                .filter(|r| r.decision.delete)
                .map(|r| format!("backup.velero.io/{}\n", r.decision.name))
                .collect();
            Ok(crate::output::write_stdout(&names)?)
        }
        _ => {
            if results.is_empty() {
                return Ok(());
            }
            let mut table = Table::new(&["name", "action", "reason"]);
            for r in results {
                table.row([
                    r.decision.name.clone(),
                    outcome_text(&r.outcome),
                    r.decision.reason.clone(),
                ]);
            }
            Ok(table.print(format)?)
        }
    }
}
