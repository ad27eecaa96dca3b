//! Target namespaces: wait for those still being deleted (Velero polls a Terminating namespace
//! until it is gone, up to 10 minutes), then make sure each exists before its first item.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use futures::StreamExt;
use kube::api::{Api, DynamicObject, PostParams};
use kube::discovery::ApiResource;
use serde_json::{Value, json};

use super::execute::Run;
use super::fixes;
use super::plan::Plan;
use super::report::{Action, RestoreReport};
use crate::kube::describe_error;

fn namespaces_api(ctx: &Run<'_>) -> Api<DynamicObject> {
    Api::all_with(
        ctx.cluster.client.clone(),
        &ApiResource::erase::<k8s_openapi::api::core::v1::Namespace>(&()),
    )
}

/// Every namespace the restore writes into: those of planned items and planned Namespace
/// objects, after mapping.
fn targets(ctx: &Run<'_>, plan: &Plan) -> BTreeSet<String> {
    let mut names: BTreeSet<String> = plan
        .namespaces
        .iter()
        .map(|n| ctx.fix.map_namespace(n).to_string())
        .collect();
    for planned in plan
        .types
        .iter()
        .filter(|t| t.group_resource == "namespaces")
    {
        for (_, item) in &planned.items {
            names.insert(ctx.fix.map_namespace(&item.name).to_string());
        }
    }
    names
}

/// Before anything is created: a target namespace that is being deleted would swallow what we
/// restore into it, so wait until it is gone (bounded by `--namespace-timeout`).
pub(super) async fn wait_until_not_terminating(
    ctx: &Run<'_>,
    plan: &Plan,
    report: &mut RestoreReport,
) -> Result<()> {
    let api = namespaces_api(ctx);
    let timeout = ctx.options.namespace_timeout;
    for ns in targets(ctx, plan) {
        let mut announced = false;
        let deadline = Instant::now() + timeout;
        loop {
            let live = api
                .get_opt(&ns)
                .await
                .map_err(|e| anyhow!(describe_error(&ctx.cluster.server, &e)))
                .with_context(|| format!("cannot read namespace {ns}"))?;
            let Some(live) = live.filter(|n| n.metadata.deletion_timestamp.is_some()) else {
                break;
            };
            if ctx.options.dry_run {
                report.preview.push(format!(
                    "! namespace {ns} is being deleted: a restore would wait for it to be gone first"
                ));
                break;
            }
            if !announced {
                ctx.note(&format!(
                    "Namespace {ns} is being deleted (Terminating); waiting up to {} for it to be gone before restoring into it…",
                    crate::duration::format_go_duration(timeout)
                ));
                announced = true;
            }
            if Instant::now() >= deadline {
                bail!(
                    "namespace {ns} is still being deleted after {}{}; nothing was restored. Find what holds it with `kubectl get namespace {ns} -o yaml` (status.conditions), or restore into another namespace with --namespace-mappings {}:NEW",
                    crate::duration::format_go_duration(timeout),
                    stuck_reason(&live),
                    reverse_mapping(ctx, &ns),
                );
            }
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs(1).min(deadline - Instant::now())) => {}
                _ = ctx.options.cancel.cancelled() => return Ok(()),
            }
        }
        if ctx.cancelled() {
            return Ok(());
        }
    }
    Ok(())
}

/// The source namespace whose items go to `target`.
fn reverse_mapping(ctx: &Run<'_>, target: &str) -> String {
    ctx.fix
        .namespace_mapping
        .iter()
        .find(|(_, to)| *to == target)
        .map_or(target.to_string(), |(from, _)| from.clone())
}

/// What the namespace controller reports as blocking (`NamespaceContentRemaining`,
/// `NamespaceFinalizersRemaining`), or its finalizers.
fn stuck_reason(namespace: &DynamicObject) -> String {
    let blocking: Vec<String> = namespace
        .data
        .pointer("/status/conditions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|c| c["status"] == "True")
        .filter_map(|c| c["message"].as_str().map(str::to_string))
        .collect();
    if !blocking.is_empty() {
        return format!(" ({})", blocking.join("; "));
    }
    let mut finalizers = namespace.metadata.finalizers.clone().unwrap_or_default();
    finalizers.extend(
        namespace
            .data
            .pointer("/spec/finalizers")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_string),
    );
    if finalizers.is_empty() {
        String::new()
    } else {
        format!(" (finalizers: {})", finalizers.join(", "))
    }
}

/// Before the first namespaced item: every target namespace exists (created bare, with the
/// restore labels, when the backup has no Namespace object for it).
pub(super) async fn ensure_namespaces(
    ctx: &Run<'_>,
    plan: &Plan,
    report: &mut RestoreReport,
) -> Result<()> {
    let api = namespaces_api(ctx);
    let targets: BTreeSet<String> = plan
        .namespaces
        .iter()
        .map(|n| ctx.fix.map_namespace(n).to_string())
        .collect();
    // Each namespace is independent: check and create them concurrently (a restore into 200
    // mapped namespaces would otherwise spend 400 round trips one after the other), then
    // record the outcomes in name order.
    let outcomes: Vec<(String, Result<Ensured>)> = futures::stream::iter(targets)
        .map(|ns| {
            let api = &api;
            async move {
                let outcome = ensure_namespace(ctx, api, &ns).await;
                (ns, outcome)
            }
        })
        .buffer_unordered(NAMESPACES_AT_ONCE)
        .collect()
        .await;
    let mut outcomes = outcomes;
    outcomes.sort_by(|a, b| a.0.cmp(&b.0));
    for (ns, outcome) in outcomes {
        match outcome? {
            Ensured::Existed => {}
            Ensured::WouldCreate => {
                report
                    .preview
                    .push(format!("+ create namespaces {ns} (bare)"));
                report.record("v1/Namespace", &ns, Action::WouldCreate);
            }
            Ensured::Created => {
                report.record("v1/Namespace", &ns, Action::Created);
                report.log.push(format!("created: namespaces {ns} (bare)"));
            }
        }
    }
    Ok(())
}

/// Namespaces checked and created at once.
const NAMESPACES_AT_ONCE: usize = 16;

enum Ensured {
    Existed,
    WouldCreate,
    Created,
}

async fn ensure_namespace(ctx: &Run<'_>, api: &Api<DynamicObject>, ns: &str) -> Result<Ensured> {
    let live = api
        .get_opt(ns)
        .await
        .map_err(|e| anyhow!(describe_error(&ctx.cluster.server, &e)))?;
    match live {
        Some(live) => {
            if live.metadata.deletion_timestamp.is_some() && !ctx.options.dry_run {
                bail!(
                    "namespace {ns} started being deleted during the restore; wait until it is gone and restore again"
                );
            }
            Ok(Ensured::Existed)
        }
        None if ctx.options.dry_run => Ok(Ensured::WouldCreate),
        None => {
            let mut body =
                json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}});
            fixes::prepare(&mut body, "namespaces-bare", &ctx.fix);
            let body: DynamicObject = serde_json::from_value(body)?;
            match api.create(&PostParams::default(), &body).await {
                Ok(_) => Ok(Ensured::Created),
                // Created meanwhile (by another client): it exists, which is what is needed.
                Err(e) if crate::kube::is_conflict(&e) => Ok(Ensured::Existed),
                Err(e) => Err(anyhow!(describe_error(&ctx.cluster.server, &e)))
                    .with_context(|| format!("cannot create namespace {ns}")),
            }
        }
    }
}
