//! What a restore did to each item, summed up for the user and written as Velero's restore
//! artefacts (`restores/<R>/restore-<R>-results.gz`, `-resource-list.json.gz`, `-logs.gz`).

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use flate2::Compression;
use flate2::write::GzEncoder;
use serde::Serialize;

use super::volumes::ClaimStorage;
use crate::snapshot::types::{BackupResults, ResultSet};
use crate::storage::ObjectStore;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    Created,
    Updated,
    /// Exists and equals the backup (only the restore labels may be patched).
    Unchanged,
    /// Exists, differs, and the policy is `none`.
    Skipped,
    /// Left out by a per-kind rule or the label selector.
    Excluded,
    Failed,
    WouldCreate,
    WouldUpdate,
    /// Not reached: the restore was interrupted first.
    NotAttempted,
}

impl Action {
    /// The word in Velero's resource list (`ns/name(created)`).
    pub fn velero_word(self) -> &'static str {
        match self {
            Action::Created | Action::WouldCreate => "created",
            Action::Updated | Action::WouldUpdate => "updated",
            Action::Unchanged | Action::Skipped | Action::Excluded | Action::NotAttempted => {
                "skipped"
            }
            Action::Failed => "failed",
        }
    }
}

/// The restore's outcome.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    pub restore_name: String,
    pub backup_name: String,
    pub dry_run: bool,
    /// Stopped by Ctrl-C: items counted as `notAttempted` were not restored.
    pub interrupted: bool,
    pub counts: BTreeMap<String, usize>,
    /// After an interruption: per type (`v1/ConfigMap`), the items that were not reached.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub not_restored: BTreeMap<String, usize>,
    /// `"<apiVersion>/<Kind>" → ["ns/name(created)", ...]`, Velero's resource list.
    pub resource_list: BTreeMap<String, Vec<String>>,
    pub warnings: ResultSet,
    pub errors: ResultSet,
    /// For every restored claim, what becomes of its storage.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<ClaimStorage>,
    #[serde(skip)]
    pub log: Vec<String>,
    /// `--dry-run`: one line per planned action, with the changes of objects that differ.
    #[serde(skip)]
    pub preview: Vec<String>,
    pub seconds: f64,
}

impl RestoreReport {
    pub fn record(&mut self, type_key: &str, qualified: &str, action: Action) {
        let key = serde_json::to_value(action)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        *self.counts.entry(key).or_default() += 1;
        if action == Action::NotAttempted {
            *self.not_restored.entry(type_key.to_string()).or_default() += 1;
        }
        if !matches!(action, Action::Excluded | Action::NotAttempted) {
            self.resource_list
                .entry(type_key.to_string())
                .or_default()
                .push(format!("{qualified}({})", action.velero_word()));
        }
    }

    /// Records the claims' storage decisions: in the log, and for `--dry-run` in the preview.
    pub fn record_claim_storage(&mut self, claims: Vec<ClaimStorage>) {
        for claim in &claims {
            self.log.push(format!("storage: {}", claim.line()));
            if self.dry_run {
                self.preview.push(format!("  storage {}", claim.line()));
            }
        }
        self.volumes = claims;
    }

    /// One line per claim, for the summary.
    pub fn storage_lines(&self) -> Vec<String> {
        self.volumes.iter().map(ClaimStorage::line).collect()
    }

    pub fn count(&self, action: Action) -> usize {
        let key = serde_json::to_value(action).unwrap_or_default();
        key.as_str()
            .and_then(|k| self.counts.get(k))
            .copied()
            .unwrap_or(0)
    }

    /// Items the restore touched (created or updated).
    pub fn restored(&self) -> usize {
        self.count(Action::Created) + self.count(Action::Updated)
    }

    /// Uploads Velero's restore artefacts next to the backups.
    pub async fn write_artefacts(&mut self, store: &ObjectStore) -> Result<()> {
        for list in self.resource_list.values_mut() {
            list.sort();
        }
        let name = &self.restore_name;
        let dir = format!("restores/{name}");
        let results = BackupResults {
            warnings: self.warnings.clone(),
            errors: self.errors.clone(),
        };
        store
            .put_bytes(
                &format!("{dir}/restore-{name}-results.gz"),
                gzip(&serde_json::to_vec(&results)?)?,
            )
            .await?;
        store
            .put_bytes(
                &format!("{dir}/restore-{name}-resource-list.json.gz"),
                gzip(&serde_json::to_vec(&self.resource_list)?)?,
            )
            .await?;
        let mut log = self.log.join("\n");
        log.push('\n');
        store
            .put_bytes(
                &format!("{dir}/restore-{name}-logs.gz"),
                gzip(log.as_bytes())?,
            )
            .await?;
        Ok(())
    }
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}
