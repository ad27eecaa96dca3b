//! Restoring one item (reference §5.3): filters, fixes, an existing PV left to its claim, create
//! (a Service's kept node ports given up when another Service holds them), then what Velero does
//! after a create (managedFields patched back, opt-in status).

use kube::api::{Api, DynamicObject, Patch, PatchParams, PostParams};
use kube::discovery::ApiResource;
use serde_json::{Value, json};

use super::execute::{Outcome, Run};
use super::existing::compare_existing;
use super::fixes;
use super::plan::PlannedType;
use super::report::Action;
use super::volumes;
use crate::kube::is_not_found;
use crate::snapshot::selector;
use crate::snapshot::tarball::ItemRef;

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
    // The Namespace object itself is renamed by the mapping.
    let name = object
        .pointer("/metadata/name")
        .and_then(Value::as_str)
        .unwrap_or(&item.name)
        .to_string();
    if target_ns.is_none() {
        outcome.qualified = name.clone();
    }
    if gr == "persistentvolumes" {
        match api.get_opt(&name).await {
            Ok(Some(live)) => {
                if let Some(owner) = claimed_by_another(&live, &object) {
                    let reason = format!(
                        "exists and belongs to claim {owner}; a PV without a volume snapshot is never cloned or re-pointed (two PVs or two claims on one volume would share its data), so it is left as it is"
                    );
                    if ctx.options.dry_run {
                        outcome
                            .preview
                            .push(format!("~ keep   {gr} {} ({reason})", outcome.qualified));
                    }
                    outcome.action = Action::Skipped;
                    outcome.message = Some(reason);
                    return outcome;
                }
            }
            Ok(None) => {}
            Err(e) => {
                outcome.message = Some(crate::kube::describe_error(server, &e));
                return outcome;
            }
        }
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
    let mut created = create_answered(ctx, &api, &name, &body).await;
    let mut node_ports_given_up = None;
    if gr == "services"
        && let Err(e) = &created
        && is_port_already_allocated(e)
    {
        // Velero counts this as "exists" when the Service does; otherwise another Service (the
        // original, under a namespace mapping) holds a port the user chose. The copy still gets
        // its Service, on ports the server picks, and the report says so.
        match api.get_opt(&name).await {
            Ok(Some(live)) => {
                return compare_existing(ctx, gr, &api, &name, live, &object, outcome).await;
            }
            Ok(None) => {
                let mut retry = object.clone();
                node_ports_given_up = Some(drop_node_ports(&mut retry));
                match serde_json::from_value::<DynamicObject>(retry) {
                    Ok(body) => created = create_answered(ctx, &api, &name, &body).await,
                    Err(e) => {
                        outcome.message = Some(format!("not a valid Kubernetes object: {e}"));
                        return outcome;
                    }
                }
            }
            Err(e) => {
                outcome.message = Some(crate::kube::describe_error(server, &e));
                return outcome;
            }
        }
    }
    match created {
        Ok(created) => {
            if let Some(given_up) = node_ports_given_up {
                let now = serde_json::to_value(&created)
                    .ok()
                    .map(|c| node_ports(&c))
                    .unwrap_or_default();
                outcome.later_warnings.push(format!(
                    "node port(s) {} chosen in the backup could not be kept (another Service in this cluster holds one), so the server allocated {} instead",
                    join_ports(&given_up),
                    join_ports(&now)
                ));
            }
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

/// Attempts at one create: the first, then retries after 0.25, 0.5, 1 and 2 s.
const CREATE_ATTEMPTS: u32 = 5;

/// Creates `body`, retrying what is safe to retry, and never reports as failed an object this
/// restore did create. kube's own layer already retries 429, 503 and 504 (the server did not
/// act, or says so with Retry-After). Left are a 500 or 502 and a connection that dropped before
/// the answer: the server may or may not have created the object, so the create is repeated,
/// and a 409 AlreadyExists — on a repeat, or after kube's retry of a 504 — is checked with a
/// GET: an object carrying this restore's name label was created by this restore (no other
/// writer knows the name, and each item is restored once), so it counts as created. A create
/// still failing after the last attempt is checked the same way before it is reported.
async fn create_answered(
    ctx: &Run<'_>,
    api: &Api<DynamicObject>,
    name: &str,
    body: &DynamicObject,
) -> Result<DynamicObject, kube::Error> {
    let mut attempt = 1;
    loop {
        let error = match api.create(&PostParams::default(), body).await {
            Ok(created) => return Ok(created),
            Err(e) => e,
        };
        let answer_lost = answer_may_be_lost(&error);
        if answer_lost && attempt < CREATE_ATTEMPTS && !ctx.cancelled() {
            tokio::time::sleep(std::time::Duration::from_millis(250 << (attempt - 1))).await;
            attempt += 1;
            continue;
        }
        if (answer_lost || crate::kube::is_conflict(&error))
            && let Ok(Some(live)) = api.get_opt(name).await
            && created_by_this_restore(&live, &ctx.options.restore_name)
        {
            return Ok(live);
        }
        return Err(error);
    }
}

/// A 500 or 502, or no answer at all: the create may have been applied.
fn answer_may_be_lost(error: &kube::Error) -> bool {
    match crate::kube::api_status(error) {
        Some(status) => matches!(status.code, 500 | 502),
        None => matches!(
            error,
            kube::Error::HyperError(_) | kube::Error::Service(_) | kube::Error::ReadEvents(_)
        ),
    }
}

fn created_by_this_restore(live: &DynamicObject, restore_name: &str) -> bool {
    live.metadata
        .labels
        .as_ref()
        .and_then(|labels| labels.get(fixes::RESTORE_NAME_LABEL))
        .is_some_and(|value| *value == fixes::valid_label_value(restore_name))
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

/// The claim (`namespace/name`) that holds a live PV, when it is not the claim the backup's PV
/// names: restoring over it would take the volume from that claim.
fn claimed_by_another(live: &DynamicObject, desired: &Value) -> Option<String> {
    let live = volumes::live_volume(&serde_json::to_value(live).ok()?);
    let wanted = desired
        .pointer("/spec/claimRef/namespace")
        .and_then(Value::as_str)
        .zip(
            desired
                .pointer("/spec/claimRef/name")
                .and_then(Value::as_str),
        )
        .map(|(ns, name)| format!("{ns}/{name}"));
    live.claimed_by
        .filter(|owner| Some(owner) != wanted.as_ref())
}

/// kube-apiserver's answer when a Service asks for a node port another Service holds (422,
/// `spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated`).
fn is_port_already_allocated(error: &kube::Error) -> bool {
    crate::kube::api_status(error)
        .is_some_and(|s| s.code == 422 && s.message.contains("port is already allocated"))
}

/// Removes every node port (and the health-check node port) from a Service; returns the ports
/// removed.
fn drop_node_ports(service: &mut Value) -> Vec<u64> {
    let removed = node_ports(service);
    if let Some(spec) = service.get_mut("spec").and_then(Value::as_object_mut) {
        spec.remove("healthCheckNodePort");
        for port in spec
            .get_mut("ports")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(p) = port.as_object_mut() {
                p.remove("nodePort");
            }
        }
    }
    removed
}

fn node_ports(service: &Value) -> Vec<u64> {
    service
        .pointer("/spec/ports")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|p| p.get("nodePort").and_then(Value::as_u64))
        .chain(
            service
                .pointer("/spec/healthCheckNodePort")
                .and_then(Value::as_u64),
        )
        .filter(|p| *p != 0)
        .collect()
}

fn join_ports(ports: &[u64]) -> String {
    if ports.is_empty() {
        return "none".into();
    }
    ports
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_pv_held_by_another_claim_is_never_restored_over() {
        let live: DynamicObject = serde_json::from_value(json!({
            "apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "pv"},
            "spec": {"claimRef": {"namespace": "db", "name": "data", "uid": "u"}}}))
        .unwrap();
        let mapped = json!({"spec": {"claimRef": {"namespace": "db-copy", "name": "data"}}});
        assert_eq!(
            claimed_by_another(&live, &mapped).as_deref(),
            Some("db/data")
        );
        let same = json!({"spec": {"claimRef": {"namespace": "db", "name": "data"}}});
        assert_eq!(claimed_by_another(&live, &same), None);
    }

    fn api_error(code: u16) -> kube::Error {
        kube::Error::Api(Box::new(
            serde_json::from_value(json!({"code": code, "message": "m", "reason": "r"})).unwrap(),
        ))
    }

    #[test]
    fn only_answers_that_may_hide_an_applied_create_are_retried() {
        assert!(answer_may_be_lost(&api_error(500)));
        assert!(answer_may_be_lost(&api_error(502)));
        // The server did not act (kube retries 429/503/504 itself), or it answered for sure.
        for code in [400, 403, 404, 409, 422, 429, 503] {
            assert!(!answer_may_be_lost(&api_error(code)), "{code}");
        }
    }

    #[test]
    fn only_this_restores_label_proves_the_create_was_ours() {
        let object = |labels: Value| -> DynamicObject {
            serde_json::from_value(json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "c", "namespace": "n", "labels": labels}}))
            .unwrap()
        };
        let ours = object(json!({"velero.io/restore-name": "r1"}));
        assert!(created_by_this_restore(&ours, "r1"));
        assert!(!created_by_this_restore(&ours, "r2"));
        assert!(!created_by_this_restore(&object(json!({})), "r1"));
    }

    #[test]
    fn dropping_node_ports_reports_them() {
        let mut service = json!({"spec": {"type": "LoadBalancer", "healthCheckNodePort": 31000,
            "ports": [{"port": 80, "nodePort": 30080}, {"port": 443}]}});
        assert_eq!(drop_node_ports(&mut service), vec![30080, 31000]);
        assert_eq!(
            service,
            json!({"spec": {"type": "LoadBalancer", "ports": [{"port": 80}, {"port": 443}]}})
        );
        assert_eq!(join_ports(&[]), "none");
    }
}
