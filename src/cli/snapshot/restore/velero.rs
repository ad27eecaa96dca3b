//! `snapshot restore` through an installed Velero server: submitting the `Restore`, following it
//! (--wait) and reporting its outcome. Whether Velero restores is `snapshot::runner`'s choice.

use anyhow::{Result, bail};

use super::RestoreArgs;
use crate::cli::{AlreadyReported, GlobalArgs, Interrupted};
use crate::output::{OutputFormat, print_structured};
use crate::snapshot::restore::{Filters, RestoreOptions};
use crate::snapshot::runner::VeleroRestore;
use crate::snapshot::types::BackupPhase;
use crate::snapshot::velero_restore::{self, Restore, RestorePhase, restore_spec};

/// Settings Velero's Restore has no field for; they need the client-side engine.
pub(super) fn client_only_settings(args: &RestoreArgs) -> Vec<&'static str> {
    let mut found = Vec::new();
    if args.dry_run {
        found.push("--dry-run");
    }
    if !args.restore_resource_priorities.is_empty() {
        found.push("--restore-resource-priorities");
    }
    if args.concurrency.is_some() {
        found.push("--concurrency");
    }
    if args.crd_timeout.is_some() {
        found.push("--crd-timeout");
    }
    if args.namespace_timeout.is_some() {
        found.push("--namespace-timeout");
    }
    if args.location.profile.is_some() {
        found.push("--profile");
    }
    found
}

pub(super) async fn restore(
    target: VeleroRestore,
    args: &RestoreArgs,
    filters: &Filters,
    options: &RestoreOptions,
    global: &GlobalArgs,
) -> Result<()> {
    let VeleroRestore {
        cluster,
        namespace,
        backup,
    } = target;
    let backup_name = backup.name().to_string();
    match backup.phase() {
        Some(phase) if phase.is_usable() => {}
        phase => bail!(
            "Velero's backup {backup_name:?} is {}: only Completed or PartiallyFailed backups can be restored",
            phase.map_or("New", BackupPhase::as_str)
        ),
    }
    let name = options.restore_name.clone();
    let request = Restore::new(&name, &namespace, restore_spec(filters, options));
    velero_restore::submit(&cluster, &request).await?;
    eprintln!(
        "Restore request {name:?} submitted successfully (Velero in namespace {namespace}, backup {backup_name:?})."
    );
    if !args.wait {
        if let Some(format @ (OutputFormat::Json | OutputFormat::Yaml)) = global.output {
            print_structured(&request, format)?;
        }
        eprintln!(
            "Velero runs it in the background. Follow it with `kubectl -n {namespace} get restores.velero.io {name} -w` (phase, progress, errors), or pass --wait next time."
        );
        return Ok(());
    }
    let cancel = &options.cancel;
    let done =
        match velero_restore::follow(&cluster, &namespace, &name, options.show_progress, cancel)
            .await
        {
            Ok(done) => done,
            Err(e) if cancel.is_cancelled() => {
                eprintln!("{e:#}");
                return Err(Interrupted.into());
            }
            Err(e) => return Err(e),
        };
    if let Some(format @ (OutputFormat::Json | OutputFormat::Yaml)) = global.output {
        print_structured(&done, format)?;
    }
    let phase = done.phase().unwrap_or(RestorePhase::Failed);
    let status = done.status.clone().unwrap_or_default();
    let progress = status.progress.clone().unwrap_or_default();
    eprintln!(
        "Restore completed with status: {phase}. {} of {} items restored, {} error(s), {} warning(s).",
        progress.items_restored.unwrap_or(0),
        progress.total_items.unwrap_or(0),
        status.errors.unwrap_or(0),
        status.warnings.unwrap_or(0)
    );
    if phase == RestorePhase::Completed {
        return Ok(());
    }
    if let Some(reason) = &status.failure_reason {
        eprintln!("Failure reason: {reason}");
    }
    for e in status.validation_errors.iter().flatten() {
        eprintln!("Validation error: {e}");
    }
    if status.errors.unwrap_or(0) + status.warnings.unwrap_or(0) > 0 {
        match velero_restore::results(&cluster, &namespace, &name, cancel).await {
            Ok(Some(results)) => {
                print_messages("error", &results.errors.lines());
                print_messages("warning", &results.warnings.lines());
            }
            Ok(None) => {}
            Err(e) => eprintln!("note: the error texts could not be fetched from Velero: {e:#}"),
        }
    }
    eprintln!(
        "Velero keeps the details: `velero restore describe {name} --details` and `velero restore logs {name}` (namespace {namespace})."
    );
    Err(AlreadyReported.into())
}

/// Velero's messages, the first 20 of each kind (a restore can fail on thousands of items).
fn print_messages(label: &str, lines: &[String]) {
    const SHOWN: usize = 20;
    for line in lines.iter().take(SHOWN) {
        eprintln!("{label}: {line}");
    }
    if lines.len() > SHOWN {
        eprintln!("… and {} more {label}s", lines.len() - SHOWN);
    }
}
