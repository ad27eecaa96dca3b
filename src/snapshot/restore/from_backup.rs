//! The client-side restore of one stored backup, from finding it to its written results: the
//! checks a backup must pass, the archive (verified in full before anything is created), the
//! plan, the restore itself and its artefacts in the store. `snapshot restore` prints what this
//! returns.

use std::future::Future;

use anyhow::{Result, bail};

use super::{Filters, Plan, RestoreOptions, RestoreReport, plan, restore};
use crate::kube::Cluster;
use crate::snapshot::download::{check_before_reading, open_archive};
use crate::snapshot::locate::Located;
use crate::snapshot::tarball::Archive;
use crate::snapshot::types::BackupPhase;
use crate::storage::ObjectStore;

/// A backup checked, read and planned: ready to restore.
pub struct Prepared {
    cluster: Cluster,
    store: ObjectStore,
    archive: Archive,
    plan: Plan,
    /// About the request itself (a mapped namespace the backup does not restore, …).
    pub warnings: Vec<String>,
}

/// Checks backup `located` (named `name`) can be restored, connects (`cluster`, unless the
/// backup is refused first), reads and verifies its archive and plans the restore.
/// `allow_incomplete` accepts a backup without (or with a corrupt) velero-backup.json. `None`:
/// stopped (interrupt) while reading, nothing was restored.
pub async fn prepare(
    name: &str,
    located: Located,
    allow_incomplete: bool,
    cluster: impl Future<Output = Result<Cluster>>,
    filters: &Filters,
    options: &RestoreOptions,
) -> Result<Option<Prepared>> {
    let Located { listed, store } = located;
    let Some(store) = store else {
        bail!(
            "backup {name:?} has no files in a storage location this machine can read; check the name with `kubectl backup snapshot list` or pass --location/--profile"
        );
    };
    if listed.in_cluster.is_none() {
        check_before_reading(&listed, allow_incomplete)?;
    }
    if let Some(phase) = listed.backup.as_ref().and_then(|b| b.phase())
        && !matches!(phase, BackupPhase::Completed | BackupPhase::PartiallyFailed)
    {
        bail!(
            "backup {name:?} is {}: only Completed or PartiallyFailed backups can be restored",
            phase.as_str()
        );
    }
    let cluster = cluster.await?;
    // Everything is checked (paths, truncation, item hashes) before anything is created.
    let archive = tokio::select! {
        archive = open_archive(&store, name) => archive?,
        _ = options.cancel.cancelled() => return Ok(None),
    };
    let plan = plan::plan(&archive, filters)?;
    if plan.item_count() == 0 {
        bail!(
            "nothing to restore: backup {name:?} has no items matching these filters (it holds {} items in namespaces {})",
            archive.item_count(),
            archive
                .namespaces()
                .into_iter()
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let warnings = options
        .namespace_mapping
        .keys()
        .filter(|source| !plan.namespaces.contains(*source))
        .map(|source| {
            format!("--namespace-mappings: namespace {source:?} is not restored from this backup")
        })
        .collect();
    Ok(Some(Prepared {
        cluster,
        store,
        archive,
        plan,
        warnings,
    }))
}

impl Prepared {
    /// Restores, then writes the results next to the backup (not for a dry run). The second
    /// value says why the results could not be written, if they could not.
    pub async fn restore(
        self,
        options: &RestoreOptions,
    ) -> Result<(RestoreReport, Option<String>)> {
        let mut report = restore(&self.cluster, &self.archive, &self.plan, options).await?;
        let mut not_written = None;
        if !options.dry_run
            && let Err(e) = report.write_artefacts(&self.store).await
        {
            not_written = Some(format!(
                "the restore's results could not be written to {}: {e:#}",
                self.store.location()
            ));
        }
        Ok((report, not_written))
    }
}
