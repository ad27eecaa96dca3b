//! Retention for scheduled ActionSets, as Kanister users do it by hand: an old backup is removed
//! by running the blueprint's `delete` action on it (`actionset create --action delete --from
//! BACKUP`), which deletes its data, and then its record. The newest `--keep-last` complete
//! backups of the schedule stay, and only backups whose delete action completed lose their record.

use crate::actionset::types::{ActionSet, State};

/// The ActionSets of `schedule` to delete so that the newest `keep_last` complete backups stay.
/// Runs that did not complete are not restore points and are left for a person to look at.
pub fn doomed<'a>(
    schedule: &str,
    actionsets: &'a [ActionSet],
    keep_last: usize,
) -> Vec<&'a ActionSet> {
    let mut ours: Vec<&ActionSet> = actionsets
        .iter()
        .filter(|a| {
            a.metadata
                .labels
                .as_ref()
                .and_then(|l| l.get(super::SCHEDULE_LABEL))
                .is_some_and(|s| s == schedule)
        })
        .filter(|a| {
            a.status
                .as_ref()
                .is_some_and(|s| s.state == State::Complete)
        })
        .filter(|a| {
            a.spec
                .as_ref()
                .is_some_and(|s| s.actions.iter().all(|action| action.name != "delete"))
        })
        .collect();
    // Newest first; names break ties (one-second timestamps).
    ours.sort_by(|a, b| {
        b.metadata
            .creation_timestamp
            .cmp(&a.metadata.creation_timestamp)
            .then_with(|| b.metadata.name.cmp(&a.metadata.name))
    });
    ours.into_iter().skip(keep_last.max(1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn actionset(
        name: &str,
        schedule: Option<&str>,
        minute: u32,
        state: &str,
        action: &str,
    ) -> ActionSet {
        let labels = schedule.map_or(json!({}), |s| json!({ super::super::SCHEDULE_LABEL: s }));
        serde_json::from_value(json!({
            "apiVersion": "cr.kanister.io/v1alpha1", "kind": "ActionSet",
            "metadata": {"name": name, "namespace": "kanister", "labels": labels,
                "creationTimestamp": format!("2026-12-07T01:{minute:02}:00Z")},
            "spec": {"actions": [{"name": action, "blueprint": "b",
                "object": {"kind": "StatefulSet", "name": "app", "namespace": "db"}}]},
            "status": {"state": state}
        }))
        .unwrap()
    }

    #[test]
    fn the_newest_complete_backups_of_the_schedule_stay() {
        let all = [
            actionset("b1", Some("nightly"), 1, "complete", "backup"),
            actionset("b2", Some("nightly"), 2, "complete", "backup"),
            actionset("b3", Some("nightly"), 3, "failed", "backup"),
            actionset("b4", Some("nightly"), 4, "complete", "backup"),
            actionset("other", Some("weekly"), 0, "complete", "backup"),
            actionset("manual", None, 0, "complete", "backup"),
            actionset("d1", Some("nightly"), 5, "complete", "delete"),
        ];
        let names: Vec<&str> = doomed("nightly", &all, 2)
            .iter()
            .map(|a| a.metadata.name.as_deref().unwrap())
            .collect();
        assert_eq!(names, ["b1"]);
        // Never the last one.
        assert_eq!(doomed("nightly", &all, 0).len(), 2);
    }
}
