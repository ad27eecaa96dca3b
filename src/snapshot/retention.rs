//! Which backups `snapshot prune` deletes. Pure: the caller lists, this decides, the caller
//! deletes, so every rule is unit-tested without a store.
//!
//! The rules, in order:
//! 1. Only backups whose state is settled are candidates: a backup in progress, incomplete (no
//!    `velero-backup.json`, maybe still being written) or corrupt is never pruned; a human looks
//!    at those.
//! 2. Expired backups (past `status.expiration`, Velero's TTL) go, as Velero's GC would delete
//!    them.
//! 3. With `--keep-last N`, a schedule keeps its newest N complete backups; older ones go even if
//!    they have not expired.
//! 4. Whatever 2 and 3 say, the newest complete backup of a schedule is kept when it would be
//!    the schedule's last: a schedule that fails for a month must not lose its only restore
//!    point to the TTL.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

/// The Velero label naming the Schedule that produced a backup.
pub const SCHEDULE_LABEL: &str = "velero.io/schedule-name";

/// One backup as retention sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub name: String,
    /// The schedule that produced it (its `velero.io/schedule-name` label).
    pub schedule: Option<String>,
    pub created: Option<DateTime<Utc>>,
    pub expires: Option<DateTime<Utc>>,
    pub state: CandidateState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateState {
    /// Completed (or PartiallyFailed): a restore point.
    Complete,
    /// Failed or FailedValidation: worth nothing as a restore point, pruned when expired.
    Failed,
    /// New, InProgress, Deleting, incomplete or corrupt: never touched.
    Unsettled,
}

#[derive(Debug, Clone, Default)]
pub struct RetentionPolicy {
    /// Only backups of this schedule are considered.
    pub schedule: Option<String>,
    /// Keep the newest N complete backups of each schedule.
    pub keep_last: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub name: String,
    pub delete: bool,
    /// Why, in words for the `--dry-run` listing.
    pub reason: String,
}

/// Decides for every candidate in scope, newest first within each schedule.
pub fn plan(
    candidates: &[Candidate],
    policy: &RetentionPolicy,
    now: DateTime<Utc>,
) -> Vec<Decision> {
    let mut by_schedule: BTreeMap<Option<&str>, Vec<&Candidate>> = BTreeMap::new();
    for candidate in candidates {
        if policy
            .schedule
            .as_deref()
            .is_some_and(|wanted| candidate.schedule.as_deref() != Some(wanted))
        {
            continue;
        }
        by_schedule
            .entry(candidate.schedule.as_deref())
            .or_default()
            .push(candidate);
    }
    let mut decisions = Vec::new();
    for (schedule, mut group) in by_schedule {
        // Newest first; a backup without a creation time sorts as the oldest.
        group.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.name.cmp(&a.name)));
        decisions.extend(plan_group(schedule, &group, policy, now));
    }
    decisions
}

fn plan_group(
    schedule: Option<&str>,
    group: &[&Candidate],
    policy: &RetentionPolicy,
    now: DateTime<Utc>,
) -> Vec<Decision> {
    let mut complete_seen = 0usize;
    let mut decisions: Vec<Decision> = group
        .iter()
        .map(|candidate| {
            let expired = candidate.expires.is_some_and(|at| at <= now);
            let (delete, reason) = match candidate.state {
                CandidateState::Unsettled => (
                    false,
                    "not settled (in progress, incomplete or corrupt): left alone".to_string(),
                ),
                CandidateState::Failed if expired => (true, "failed, and expired".to_string()),
                CandidateState::Failed => (false, "failed, not yet expired".to_string()),
                CandidateState::Complete => {
                    complete_seen += 1;
                    let beyond_keep = schedule.is_some()
                        && policy.keep_last.is_some_and(|keep| complete_seen > keep);
                    match (expired, beyond_keep) {
                        (true, _) => (true, "expired".to_string()),
                        (false, true) => (
                            true,
                            format!(
                                "older than the newest {} of schedule {}",
                                policy.keep_last.unwrap_or_default(),
                                schedule.unwrap_or_default()
                            ),
                        ),
                        (false, false) => (false, "kept".to_string()),
                    }
                }
            };
            Decision {
                name: candidate.name.clone(),
                delete,
                reason,
            }
        })
        .collect();
    // A schedule never loses its last restore point.
    if let Some(schedule) = schedule {
        let kept_complete = group
            .iter()
            .zip(&decisions)
            .any(|(c, d)| c.state == CandidateState::Complete && !d.delete);
        if !kept_complete
            && let Some(index) = group
                .iter()
                .position(|c| c.state == CandidateState::Complete)
        {
            decisions[index].delete = false;
            decisions[index].reason =
                format!("kept: the only complete backup left of schedule {schedule}");
        }
    }
    decisions
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, 1, 0, 0).unwrap()
    }

    fn backup(
        name: &str,
        schedule: Option<&str>,
        day: u32,
        ttl_days: u32,
        state: CandidateState,
    ) -> Candidate {
        Candidate {
            name: name.into(),
            schedule: schedule.map(Into::into),
            created: Some(at(day)),
            expires: Some(at(day) + chrono::Duration::days(i64::from(ttl_days))),
            state,
        }
    }

    fn deleted(decisions: &[Decision]) -> Vec<&str> {
        let mut names: Vec<&str> = decisions
            .iter()
            .filter(|d| d.delete)
            .map(|d| d.name.as_str())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn expired_backups_go_and_fresh_ones_stay() {
        let candidates = [
            backup("old", None, 1, 2, CandidateState::Complete),
            backup("new", None, 5, 2, CandidateState::Complete),
        ];
        let decisions = plan(&candidates, &RetentionPolicy::default(), at(4));
        assert_eq!(deleted(&decisions), ["old"]);
    }

    #[test]
    fn keep_last_keeps_the_newest_complete_backups_of_each_schedule() {
        let candidates = [
            backup("a-1", Some("a"), 1, 30, CandidateState::Complete),
            backup("a-2", Some("a"), 2, 30, CandidateState::Complete),
            backup("a-3", Some("a"), 3, 30, CandidateState::Failed),
            backup("a-4", Some("a"), 4, 30, CandidateState::Complete),
            backup("b-1", Some("b"), 1, 30, CandidateState::Complete),
            backup("manual", None, 1, 30, CandidateState::Complete),
        ];
        let policy = RetentionPolicy {
            keep_last: Some(2),
            ..Default::default()
        };
        let decisions = plan(&candidates, &policy, at(5));
        // The failed one does not count as a restore point and has not expired.
        assert_eq!(deleted(&decisions), ["a-1"]);
    }

    #[test]
    fn the_only_complete_backup_of_a_schedule_survives_its_ttl() {
        let candidates = [
            backup("a-1", Some("a"), 1, 1, CandidateState::Complete),
            backup("a-2", Some("a"), 2, 1, CandidateState::Failed),
            backup("a-3", Some("a"), 3, 1, CandidateState::Unsettled),
        ];
        let decisions = plan(&candidates, &RetentionPolicy::default(), at(20));
        assert_eq!(deleted(&decisions), ["a-2"]);
        let kept = decisions.iter().find(|d| d.name == "a-1").unwrap();
        assert!(kept.reason.contains("only complete backup"), "{kept:?}");
    }

    #[test]
    fn the_newest_complete_backup_is_the_one_kept_when_all_expired() {
        let candidates = [
            backup("a-1", Some("a"), 1, 1, CandidateState::Complete),
            backup("a-2", Some("a"), 2, 1, CandidateState::Complete),
        ];
        let decisions = plan(&candidates, &RetentionPolicy::default(), at(20));
        assert_eq!(deleted(&decisions), ["a-1"]);
    }

    #[test]
    fn unscheduled_backups_have_no_last_backup_protection() {
        let candidates = [backup("manual", None, 1, 1, CandidateState::Complete)];
        let decisions = plan(&candidates, &RetentionPolicy::default(), at(20));
        assert_eq!(deleted(&decisions), ["manual"]);
    }

    #[test]
    fn unsettled_backups_are_never_deleted() {
        let candidates = [backup("x", Some("a"), 1, 1, CandidateState::Unsettled)];
        let policy = RetentionPolicy {
            keep_last: Some(0),
            ..Default::default()
        };
        assert!(deleted(&plan(&candidates, &policy, at(20))).is_empty());
    }

    #[test]
    fn a_schedule_filter_leaves_other_backups_out_of_the_plan() {
        let candidates = [
            backup("a-1", Some("a"), 1, 1, CandidateState::Complete),
            backup("a-2", Some("a"), 2, 30, CandidateState::Complete),
            backup("b-1", Some("b"), 1, 1, CandidateState::Complete),
            backup("manual", None, 1, 1, CandidateState::Complete),
        ];
        let policy = RetentionPolicy {
            schedule: Some("a".into()),
            keep_last: None,
        };
        let decisions = plan(&candidates, &policy, at(20));
        assert_eq!(decisions.len(), 2);
        assert_eq!(deleted(&decisions), ["a-1"]);
    }
}
