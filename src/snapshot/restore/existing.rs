//! An item that already exists (reference §5.3–5.4): ServiceAccounts are always merged; other
//! objects are compared and, by the existing-resource policy, kept or merge-patched.

use kube::api::{Api, DynamicObject, Patch, PatchParams};
use serde_json::{Value, json};

use super::diff::{describe_changes, merge_patch};
use super::execute::{ExistingPolicy, Outcome, Run};
use super::fixes;
use super::report::Action;

pub(super) async fn compare_existing(
    ctx: &Run<'_>,
    gr: &str,
    api: &Api<DynamicObject>,
    name: &str,
    live: DynamicObject,
    desired: &Value,
    mut outcome: Outcome,
) -> Outcome {
    let live = match serde_json::to_value(&live) {
        Ok(v) => v,
        Err(e) => {
            outcome.message = Some(format!("cannot read the live object: {e}"));
            return outcome;
        }
    };
    let mut wanted = desired.clone();
    if let Some(m) = wanted.get_mut("metadata").and_then(Value::as_object_mut) {
        m.remove("managedFields");
    }
    if gr == "serviceaccounts" {
        return merge_service_account(ctx, api, name, &live, &wanted, outcome).await;
    }
    let comparable = fixes::comparable_live(&live, &wanted);
    let difference = merge_patch(&comparable, &wanted);
    let update = ctx.options.existing == ExistingPolicy::Update;
    let labels_only = json!({"metadata": {"labels": {
        fixes::BACKUP_NAME_LABEL: wanted.pointer("/metadata/labels/velero.io~1backup-name"),
        fixes::RESTORE_NAME_LABEL: wanted.pointer("/metadata/labels/velero.io~1restore-name"),
    }}});
    let secret = gr == "secrets";
    match difference {
        None => {
            outcome.action = Action::Unchanged;
            if ctx.options.dry_run {
                outcome.preview.push(format!(
                    "= exists {gr} {} (same as the backup)",
                    outcome.qualified
                ));
            } else if update && let Err(e) = patch(api, name, &labels_only).await {
                outcome.action = Action::Failed;
                outcome.message = Some(crate::kube::describe_error(&ctx.cluster.server, &e));
            }
        }
        Some(patch_body) => {
            let changes = describe_changes(&comparable, &patch_body, secret);
            if ctx.options.dry_run {
                let verb = if update { "update" } else { "keep  " };
                outcome.action = if update {
                    Action::WouldUpdate
                } else {
                    Action::Skipped
                };
                outcome.preview.push(format!(
                    "~ {verb} {gr} {} (exists and differs from the backup{})",
                    outcome.qualified,
                    if update {
                        ""
                    } else {
                        "; --existing-resource-policy update would change it"
                    }
                ));
                outcome
                    .preview
                    .extend(changes.iter().map(|c| format!("      {c}")));
                if !update {
                    outcome.message = Some(format!(
                        "already exists and differs from the backup ({} field(s)); left unchanged",
                        changes.len()
                    ));
                }
            } else if update {
                let mut patch_body = patch_body;
                json_merge(&mut patch_body, &labels_only);
                match patch(api, name, &patch_body).await {
                    Ok(()) => outcome.action = Action::Updated,
                    Err(e) => {
                        outcome.action = Action::Skipped;
                        outcome.message = Some(format!(
                            "exists and differs; the update failed ({}), only the restore labels were patched",
                            crate::kube::describe_error(&ctx.cluster.server, &e)
                        ));
                        let _ = patch(api, name, &labels_only).await;
                    }
                }
            } else {
                outcome.action = Action::Skipped;
                outcome.message = Some(format!(
                    "could not restore, it already exists and the in-cluster version is different ({}); left unchanged (use --existing-resource-policy update to overwrite)",
                    changes.join("; ")
                ));
            }
        }
    }
    outcome
}

/// Velero's `mergeServiceAccounts`, whatever the policy: labels and annotations missing from the
/// live ServiceAccount are added (live values win), `secrets` and `imagePullSecrets` entries it
/// lacks (by name) are appended. A failed patch is a warning, as in Velero.
async fn merge_service_account(
    ctx: &Run<'_>,
    api: &Api<DynamicObject>,
    name: &str,
    live: &Value,
    backup: &Value,
    mut outcome: Outcome,
) -> Outcome {
    let merged = merged_service_account(live, backup);
    let Some(patch_body) = merge_patch(live, &merged) else {
        outcome.action = Action::Unchanged;
        if ctx.options.dry_run {
            outcome.preview.push(format!(
                "= exists serviceaccounts {} (nothing to merge)",
                outcome.qualified
            ));
        }
        return outcome;
    };
    let changes = describe_changes(live, &patch_body, false);
    if ctx.options.dry_run {
        outcome.action = Action::WouldUpdate;
        outcome.preview.push(format!(
            "~ merge  serviceaccounts {} (exists; the backup's secrets, imagePullSecrets, labels and annotations are added)",
            outcome.qualified
        ));
        outcome
            .preview
            .extend(changes.iter().map(|c| format!("      {c}")));
        return outcome;
    }
    match patch(api, name, &patch_body).await {
        Ok(()) => {
            outcome.action = Action::Updated;
            outcome.message = Some(format!(
                "merged into the existing ServiceAccount: {}",
                changes.join("; ")
            ));
        }
        Err(e) => {
            outcome.action = Action::Skipped;
            outcome.message = Some(format!(
                "exists; merging the backup's secrets and imagePullSecrets into it failed: {}",
                crate::kube::describe_error(&ctx.cluster.server, &e)
            ));
        }
    }
    outcome
}

/// The live ServiceAccount with the backup's additions (see [`merge_service_account`]).
pub(super) fn merged_service_account(live: &Value, backup: &Value) -> Value {
    let mut merged = live.clone();
    for key in ["labels", "annotations"] {
        let Some(extra) = backup
            .pointer(&format!("/metadata/{key}"))
            .and_then(Value::as_object)
        else {
            continue;
        };
        let Some(metadata) = merged.get_mut("metadata").and_then(Value::as_object_mut) else {
            continue;
        };
        let map = metadata.entry(key).or_insert_with(|| json!({}));
        if !map.is_object() {
            *map = json!({});
        }
        let map = map.as_object_mut().expect("just made an object");
        for (k, v) in extra {
            map.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
    for key in ["secrets", "imagePullSecrets"] {
        let Some(extra) = backup.get(key).and_then(Value::as_array) else {
            continue;
        };
        let Some(object) = merged.as_object_mut() else {
            continue;
        };
        let list = object.entry(key).or_insert_with(|| json!([]));
        if !list.is_array() {
            *list = json!([]);
        }
        let list = list.as_array_mut().expect("just made an array");
        for entry in extra {
            let present = list.iter().any(|e| e.get("name") == entry.get("name"));
            if !present {
                list.push(entry.clone());
            }
        }
    }
    merged
}

/// Adds `extra`'s fields to `target` (objects merged recursively).
fn json_merge(target: &mut Value, extra: &Value) {
    match (target.as_object_mut(), extra.as_object()) {
        (Some(t), Some(e)) => {
            for (k, v) in e {
                json_merge(t.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        _ => *target = extra.clone(),
    }
}

async fn patch(api: &Api<DynamicObject>, name: &str, body: &Value) -> kube::Result<()> {
    api.patch(name, &PatchParams::default(), &Patch::Merge(body))
        .await
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_accounts_merge_like_velero() {
        let live = json!({"metadata": {"name": "web", "labels": {"team": "live", "x": "1"}},
            "secrets": [{"name": "a"}], "imagePullSecrets": [{"name": "reg-live"}]});
        let backup = json!({"metadata": {"name": "web", "labels": {"team": "backup", "y": "2"},
                "annotations": {"note": "n"}},
            "secrets": [{"name": "a"}, {"name": "b"}],
            "imagePullSecrets": [{"name": "reg-backup"}, {"name": "reg-live"}]});
        let merged = merged_service_account(&live, &backup);
        assert_eq!(
            merged,
            json!({"metadata": {"name": "web", "labels": {"team": "live", "x": "1", "y": "2"},
                    "annotations": {"note": "n"}},
                "secrets": [{"name": "a"}, {"name": "b"}],
                "imagePullSecrets": [{"name": "reg-live"}, {"name": "reg-backup"}]})
        );
        assert_eq!(
            merge_patch(&merged, &merged_service_account(&merged, &backup)),
            None
        );
    }
}
