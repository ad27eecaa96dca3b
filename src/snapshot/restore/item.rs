//! Restoring one item (reference §5.3): filters, fixes, the PV rename rule, create, then what
//! Velero does after a create (managedFields patched back, opt-in status).

use kube::api::{Api, DynamicObject, Patch, PatchParams, PostParams};
use kube::discovery::ApiResource;
use serde_json::{Value, json};

use super::execute::{Outcome, Run};
use super::existing::compare_existing;
use super::fixes;
use super::plan::PlannedType;
use super::report::Action;
use crate::kube::is_not_found;
use crate::snapshot::selector;
use crate::snapshot::tarball::ItemRef;

/// Annotation Velero puts on a PV restored under a new name.
pub const ORIGINAL_PV_NAME_ANNOTATION: &str = "velero.io/original-pv-name";

pub(super) async fn restore_item(
    ctx: &Run<'_>,
    planned: &PlannedType,
    resource: &ApiResource,
    namespaced: bool,
    item: &ItemRef,
    mut outcome: Outcome,
) -> Outcome {
    let gr = planned.group_resource.as_str();
    let target_ns = outcome.namespace.clone();
    let mut object = match ctx.archive.read_json(item) {
        Ok(o) => o,
        Err(e) => {
            outcome.message = Some(format!("{e:#}"));
            return outcome;
        }
    };
    if let Some(sel) = &ctx.options.selector
        && !selector::matches(sel, &selector::labels_of(&object))
    {
        outcome.action = Action::Excluded;
        outcome.message = Some("does not match the label selector".into());
        return outcome;
    }
    // Read before the fixes strip them.
    let status = ctx.status.status_to_restore(gr, &object);
    let claim_source_ns = object
        .pointer("/spec/claimRef/namespace")
        .and_then(Value::as_str)
        .map(str::to_string);
    if let Some(skip) = fixes::prepare(&mut object, gr, &ctx.fix) {
        outcome.action = Action::Excluded;
        outcome.message = Some(skip.reason().into());
        if ctx.options.dry_run {
            outcome.preview.push(format!(
                "  skip   {gr} {}: {}",
                outcome.qualified,
                skip.reason()
            ));
        }
        return outcome;
    }
    let api: Api<DynamicObject> = match (namespaced, target_ns.as_deref()) {
        (true, Some(ns)) => Api::namespaced_with(ctx.cluster.client.clone(), ns, resource),
        _ => Api::all_with(ctx.cluster.client.clone(), resource),
    };
    let server = &ctx.cluster.server;
    match gr {
        "persistentvolumes" => {
            if let Err(e) = rename_clashing_pv(ctx, &api, &mut object, claim_source_ns).await {
                outcome.message = Some(e);
                return outcome;
            }
        }
        "persistentvolumeclaims" => {
            let renamed = object
                .pointer("/spec/volumeName")
                .and_then(Value::as_str)
                .and_then(|v| ctx.renamed_pvs.lock().ok()?.get(v).cloned());
            if let Some(new_name) = renamed {
                object["spec"]["volumeName"] = json!(new_name);
            }
        }
        _ => {}
    }
    // The Namespace object itself is renamed by the mapping; a clashing PV by the rule above.
    let name = object
        .pointer("/metadata/name")
        .and_then(Value::as_str)
        .unwrap_or(&item.name)
        .to_string();
    if target_ns.is_none() {
        outcome.qualified = name.clone();
    }
    if ctx.options.dry_run {
        return match api.get_opt(&name).await {
            Ok(None) => {
                outcome.action = Action::WouldCreate;
                outcome
                    .preview
                    .push(format!("+ create {gr} {}", outcome.qualified));
                outcome
            }
            Ok(Some(live)) => compare_existing(ctx, gr, &api, &name, live, &object, outcome).await,
            Err(e) => {
                outcome.message = Some(crate::kube::describe_error(server, &e));
                outcome
            }
        };
    }
    // Velero creates with the backup's managedFields, then patches them back: the server adds
    // an entry for the restoring client, owning every field, on create.
    let managed_fields = object
        .pointer("/metadata/managedFields")
        .filter(|m| m.as_array().is_some_and(|a| !a.is_empty()))
        .cloned();
    let body: DynamicObject = match serde_json::from_value(object.clone()) {
        Ok(b) => b,
        Err(e) => {
            outcome.message = Some(format!("not a valid Kubernetes object: {e}"));
            return outcome;
        }
    };
    // The last moment Ctrl-C can still keep this item from being created.
    if ctx.cancelled() {
        outcome.action = Action::NotAttempted;
        return outcome;
    }
    match api.create(&PostParams::default(), &body).await {
        Ok(created) => {
            outcome.action = Action::Created;
            after_create(
                ctx,
                &api,
                &name,
                created,
                managed_fields,
                status,
                &mut outcome,
            )
            .await;
            outcome
        }
        Err(e) if crate::kube::is_conflict(&e) => match api.get_opt(&name).await {
            Ok(Some(live)) => compare_existing(ctx, gr, &api, &name, live, &object, outcome).await,
            Ok(None) => {
                outcome.message = Some("already exists, but could not be read back".into());
                outcome
            }
            Err(e) => {
                outcome.message = Some(crate::kube::describe_error(server, &e));
                outcome
            }
        },
        Err(e) => {
            outcome.message = Some(crate::kube::describe_error(server, &e));
            outcome
        }
    }
}

/// Velero, after a create: patch `managedFields` back to the backup's (an error if that fails),
/// then write the status for opted-in types (a warning if that fails).
async fn after_create(
    ctx: &Run<'_>,
    api: &Api<DynamicObject>,
    name: &str,
    created: DynamicObject,
    managed_fields: Option<Value>,
    status: Option<Value>,
    outcome: &mut Outcome,
) {
    let server = &ctx.cluster.server;
    if let Some(wanted) = managed_fields {
        let current = serde_json::to_value(&created.metadata.managed_fields).unwrap_or_default();
        if current != wanted {
            let patch = json!({"metadata": {"managedFields": wanted}});
            match api
                .patch(name, &PatchParams::default(), &Patch::Merge(&patch))
                .await
            {
                Ok(_) => {}
                Err(e) if is_not_found(&e) => {}
                Err(e) => outcome.later_errors.push(format!(
                    "created, but its managedFields could not be restored: {}",
                    crate::kube::describe_error(server, &e)
                )),
            }
        }
    }
    if let Some(status) = status {
        let patch = json!({"status": status});
        if let Err(e) = api
            .patch_status(name, &PatchParams::default(), &Patch::Merge(&patch))
            .await
        {
            outcome.later_warnings.push(format!(
                "created, but its status could not be restored: {}",
                crate::kube::describe_error(server, &e)
            ));
        }
    }
}

/// Velero's rule: with namespace mapping, a PV claimed from a remapped namespace that already
/// exists in the cluster is restored as `velero-clone-<uuid>` (annotated with its original
/// name), and the restored PVC follows it.
async fn rename_clashing_pv(
    ctx: &Run<'_>,
    api: &Api<DynamicObject>,
    pv: &mut Value,
    claim_source_ns: Option<String>,
) -> Result<(), String> {
    let remapped = claim_source_ns.is_some_and(|ns| ctx.fix.namespace_mapping.contains_key(&ns));
    if !remapped {
        return Ok(());
    }
    let Some(old_name) = pv
        .pointer("/metadata/name")
        .and_then(Value::as_str)
        .map(str::to_string)
    else {
        return Ok(());
    };
    match api.get_opt(&old_name).await {
        Ok(None) => return Ok(()),
        Ok(Some(_)) => {}
        Err(e) => return Err(crate::kube::describe_error(&ctx.cluster.server, &e)),
    }
    let new_name = format!("velero-clone-{}", uuid_v4());
    let metadata = pv["metadata"]
        .as_object_mut()
        .expect("an item has metadata");
    metadata.insert("name".into(), json!(new_name));
    let annotations = metadata.entry("annotations").or_insert_with(|| json!({}));
    if !annotations.is_object() {
        *annotations = json!({});
    }
    annotations[ORIGINAL_PV_NAME_ANNOTATION] = json!(old_name);
    if let Ok(mut renamed) = ctx.renamed_pvs.lock() {
        renamed.insert(old_name, new_name);
    }
    Ok(())
}

/// A random (version 4) UUID, as Velero's PV renamer uses.
fn uuid_v4() -> String {
    let mut bytes: [u8; 16] = rand::random();
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = hex::encode(bytes);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn uuid_has_the_v4_shape() {
        let id = super::uuid_v4();
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "{id}");
        assert_ne!(id, super::uuid_v4());
    }
}
