//! `snapshot prune`: deletes the backups retention says may go. Velero's own backups are deleted
//! through a `DeleteBackupRequest` (deleting their files would have Velero's sync re-create
//! them); ours are deleted from the store.

use anyhow::Result;
use chrono::{DateTime, Utc};

use crate::kube::Cluster;
use crate::snapshot::list::Listed;
use crate::snapshot::retention::{
    Candidate, CandidateState, Decision, RetentionPolicy, SCHEDULE_LABEL, plan,
};
use crate::snapshot::types::BackupPhase;
use crate::snapshot::{delete, velero_mode};
use crate::storage::ObjectStore;

#[derive(Debug, Clone)]
pub struct PruneOptions {
    pub policy: RetentionPolicy,
    /// Decide and report, delete nothing.
    pub dry_run: bool,
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Kept,
    /// Would be deleted (`--dry-run`).
    WouldDelete,
    DeletedFromStore {
        objects: u64,
    },
    DeleteRequested,
    Failed(String),
}

#[derive(Debug, Clone)]
pub struct Pruned {
    pub decision: Decision,
    pub outcome: Outcome,
}

/// The schedule a listed backup belongs to: Velero's label, on the record or the cluster's Backup.
pub fn schedule_of(listed: &Listed) -> Option<String> {
    listed
        .current()?
        .metadata
        .labels
        .as_ref()?
        .get(SCHEDULE_LABEL)
        .cloned()
}

pub fn candidate(listed: &Listed) -> Candidate {
    let phase = listed.current().and_then(|b| b.phase());
    let state = if !listed.in_store && listed.in_cluster.is_none()
        || listed.incomplete
        || listed.corrupt.is_some()
    {
        CandidateState::Unsettled
    } else {
        match phase {
            Some(p) if p.is_usable() => CandidateState::Complete,
            Some(BackupPhase::Failed | BackupPhase::FailedValidation) => CandidateState::Failed,
            _ => CandidateState::Unsettled,
        }
    };
    Candidate {
        name: listed.name.clone(),
        schedule: schedule_of(listed),
        created: listed.created(),
        expires: listed.expires(),
        state,
    }
}

/// Decides for every listed backup and, unless `dry_run`, deletes. One failed deletion does not
/// stop the others; it is reported in its row.
pub async fn prune(
    store: &ObjectStore,
    cluster: Option<&Cluster>,
    listed: &[Listed],
    options: &PruneOptions,
) -> Result<Vec<Pruned>> {
    let candidates: Vec<Candidate> = listed.iter().map(candidate).collect();
    let decisions = plan(&candidates, &options.policy, options.now);
    let mut results = Vec::with_capacity(decisions.len());
    for decision in decisions {
        let outcome = if !decision.delete {
            Outcome::Kept
        } else if options.dry_run {
            Outcome::WouldDelete
        } else {
            let entry = listed.iter().find(|l| l.name == decision.name);
            match (entry.and_then(|l| l.in_cluster.as_ref()), cluster) {
                (Some(backup), Some(cluster)) => {
                    match velero_mode::request_delete(cluster, backup).await {
                        Ok(_) => Outcome::DeleteRequested,
                        Err(e) => Outcome::Failed(format!("{e:#}")),
                    }
                }
                _ => match delete::delete_from_store(store, &decision.name).await {
                    Ok(objects) => Outcome::DeletedFromStore { objects },
                    Err(e) => Outcome::Failed(format!("{e:#}")),
                },
            }
        };
        results.push(Pruned { decision, outcome });
    }
    Ok(results)
}
