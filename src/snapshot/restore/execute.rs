//! Runs a [`Plan`] against the cluster: tier by tier, items within a tier concurrently.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use futures::StreamExt;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use kube::api::{Api, DynamicObject, Patch, PatchParams, PostParams};
use kube::discovery::ApiResource;
use serde_json::{Value, json};

use super::diff::{describe_changes, merge_patch};
use super::fixes::{self, FixContext};
use super::order::is_crd;
use super::plan::{Plan, PlannedType};
use super::report::{Action, RestoreReport};
use crate::kube::{ApiCatalog, Cluster, describe_error, is_not_found};
use crate::snapshot::selector;
use crate::snapshot::tarball::{Archive, ItemRef};

/// `--existing-resource-policy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExistingPolicy {
    /// Never change an existing object; report it when it differs.
    #[default]
    None,
    /// Merge-patch an existing object to match the backup.
    Update,
}

#[derive(Debug, Clone)]
pub struct RestoreOptions {
    pub backup_name: String,
    pub restore_name: String,
    pub selector: Option<LabelSelector>,
    pub namespace_mapping: BTreeMap<String, String>,
    pub existing: ExistingPolicy,
    pub preserve_node_ports: bool,
    pub dry_run: bool,
    /// Items in flight at once within a tier.
    pub concurrency: usize,
    /// How long to wait for a restored CRD to be Established.
    pub crd_timeout: Duration,
}

impl RestoreOptions {
    pub fn new(backup_name: &str, restore_name: &str) -> Self {
        RestoreOptions {
            backup_name: backup_name.to_string(),
            restore_name: restore_name.to_string(),
            selector: None,
            namespace_mapping: BTreeMap::new(),
            existing: ExistingPolicy::None,
            preserve_node_ports: false,
            dry_run: false,
            concurrency: 32,
            crd_timeout: Duration::from_secs(600),
        }
    }
}

struct Outcome {
    qualified: String,
    namespace: Option<String>,
    action: Action,
    /// Warning (Skipped/Excluded notes) or error text.
    message: Option<String>,
    /// Dry-run lines for this item.
    preview: Vec<String>,
}

struct Run<'a> {
    cluster: &'a Cluster,
    archive: &'a Archive,
    options: &'a RestoreOptions,
    fix: FixContext,
}

/// Restores `plan` from `archive`. Per-item failures are recorded in the report (Velero's
/// PartiallyFailed); only cluster-level problems (discovery, a CRD that never becomes
/// Established) return an error.
pub async fn restore(
    cluster: &Cluster,
    archive: &Archive,
    plan: &Plan,
    options: &RestoreOptions,
) -> Result<RestoreReport> {
    let started = Instant::now();
    let ctx = Run {
        cluster,
        archive,
        options,
        fix: FixContext {
            backup_name: options.backup_name.clone(),
            restore_name: options.restore_name.clone(),
            namespace_mapping: options.namespace_mapping.clone(),
            preserve_node_ports: options.preserve_node_ports,
        },
    };
    let mut report = RestoreReport {
        restore_name: options.restore_name.clone(),
        backup_name: options.backup_name.clone(),
        dry_run: options.dry_run,
        ..Default::default()
    };
    let mut catalog = ApiCatalog::discover(&cluster.client)
        .await
        .map_err(|e| anyhow::anyhow!(describe_error(&cluster.server, &e)))?;
    let mut namespaces_ensured = false;
    for planned in &plan.types {
        let namespaced = planned.items.iter().any(|(ns, _)| ns.is_some());
        if namespaced && !namespaces_ensured {
            ensure_namespaces(&ctx, plan, &mut report).await?;
            namespaces_ensured = true;
        }
        let outcomes = restore_type(&ctx, &catalog, planned).await;
        let type_key = format!("{}/{}", planned.api_version, planned.kind);
        let mut crds = Vec::new();
        for outcome in outcomes {
            record(&mut report, &planned.group_resource, &type_key, &outcome);
            if is_crd(&planned.group_resource)
                && matches!(outcome.action, Action::Created | Action::Updated)
            {
                crds.push(outcome.qualified.clone());
            }
        }
        if !crds.is_empty() {
            wait_established(cluster, &crds, options.crd_timeout).await?;
            catalog = ApiCatalog::discover(&cluster.client)
                .await
                .map_err(|e| anyhow::anyhow!(describe_error(&cluster.server, &e)))?;
        }
    }
    if !namespaces_ensured {
        ensure_namespaces(&ctx, plan, &mut report).await?;
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

fn record(report: &mut RestoreReport, gr: &str, type_key: &str, outcome: &Outcome) {
    report.record(type_key, &outcome.qualified, outcome.action);
    let subject = format!("{gr} {}", outcome.qualified);
    match (&outcome.action, &outcome.message) {
        (Action::Failed, Some(m)) => {
            report
                .errors
                .add(outcome.namespace.as_deref(), format!("{subject}: {m}"));
            report.log.push(format!("error: {subject}: {m}"));
        }
        (Action::Skipped, Some(m)) => {
            report
                .warnings
                .add(outcome.namespace.as_deref(), format!("{subject}: {m}"));
            report.log.push(format!("warning: {subject}: {m}"));
        }
        (action, message) => report.log.push(format!(
            "{}: {subject}{}",
            action.velero_word(),
            message
                .as_ref()
                .map(|m| format!(" ({m})"))
                .unwrap_or_default()
        )),
    }
    report.preview.extend(outcome.preview.iter().cloned());
}

/// The API endpoint for a type, at the version the backup holds.
fn api_resource(catalog: &ApiCatalog, planned: &PlannedType) -> Result<(ApiResource, bool)> {
    let (group, version) = match planned.api_version.split_once('/') {
        Some((g, v)) => (g.to_string(), v.to_string()),
        None => (String::new(), planned.api_version.clone()),
    };
    let plural = super::order::resource_part(&planned.group_resource);
    let Some(found) = catalog
        .all()
        .iter()
        .find(|r| r.resource.group == group && r.resource.plural == plural)
    else {
        bail!(
            "the cluster does not serve {} ({}); install its CRD or API first",
            planned.group_resource,
            planned.api_version
        );
    };
    let mut resource = found.resource.clone();
    if !version.is_empty() {
        resource.version = version;
        resource.api_version = planned.api_version.clone();
    }
    Ok((resource, found.namespaced()))
}

async fn restore_type(ctx: &Run<'_>, catalog: &ApiCatalog, planned: &PlannedType) -> Vec<Outcome> {
    let endpoint = api_resource(catalog, planned);
    let endpoint = endpoint.as_ref();
    futures::stream::iter(planned.items.iter())
        .map(|(ns, item)| async move {
            match endpoint {
                Ok((resource, namespaced)) => {
                    restore_item(ctx, planned, resource, *namespaced, ns.as_deref(), item).await
                }
                Err(e) => Outcome {
                    qualified: qualified(
                        ns.as_deref().map(|n| ctx.fix.map_namespace(n)),
                        &item.name,
                    ),
                    namespace: ns.clone(),
                    action: Action::Failed,
                    message: Some(format!("{e:#}")),
                    preview: Vec::new(),
                },
            }
        })
        .buffer_unordered(ctx.options.concurrency.max(1))
        .collect()
        .await
}

fn qualified(namespace: Option<&str>, name: &str) -> String {
    crate::snapshot::layout::qualified_name(namespace, name)
}

async fn restore_item(
    ctx: &Run<'_>,
    planned: &PlannedType,
    resource: &ApiResource,
    namespaced: bool,
    source_ns: Option<&str>,
    item: &ItemRef,
) -> Outcome {
    let gr = planned.group_resource.as_str();
    let target_ns = source_ns.map(|n| ctx.fix.map_namespace(n).to_string());
    let mut outcome = Outcome {
        qualified: qualified(target_ns.as_deref(), &item.name),
        namespace: target_ns.clone(),
        action: Action::Failed,
        message: None,
        preview: Vec::new(),
    };
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
    // The Namespace object itself is renamed by the mapping.
    let name = object
        .pointer("/metadata/name")
        .and_then(Value::as_str)
        .unwrap_or(&item.name)
        .to_string();
    if gr == "namespaces" {
        outcome.qualified = name.clone();
    }
    let api: Api<DynamicObject> = match (namespaced, target_ns.as_deref()) {
        (true, Some(ns)) => Api::namespaced_with(ctx.cluster.client.clone(), ns, resource),
        _ => Api::all_with(ctx.cluster.client.clone(), resource),
    };
    let server = &ctx.cluster.server;
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
                outcome.message = Some(describe_error(server, &e));
                outcome
            }
        };
    }
    let body: DynamicObject = match serde_json::from_value(object.clone()) {
        Ok(b) => b,
        Err(e) => {
            outcome.message = Some(format!("not a valid Kubernetes object: {e}"));
            return outcome;
        }
    };
    match api.create(&PostParams::default(), &body).await {
        Ok(_) => {
            outcome.action = Action::Created;
            outcome
        }
        Err(e) if crate::kube::is_conflict(&e) => match api.get_opt(&name).await {
            Ok(Some(live)) => compare_existing(ctx, gr, &api, &name, live, &object, outcome).await,
            Ok(None) => {
                outcome.message = Some("already exists, but could not be read back".into());
                outcome
            }
            Err(e) => {
                outcome.message = Some(describe_error(server, &e));
                outcome
            }
        },
        Err(e) => {
            outcome.message = Some(describe_error(server, &e));
            outcome
        }
    }
}

/// Reference §5.4: equal → skip (with `update`, patch only the restore labels); different →
/// warning (`none`) or JSON merge patch (`update`).
async fn compare_existing(
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
                outcome.message = Some(describe_error(&ctx.cluster.server, &e));
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
                            describe_error(&ctx.cluster.server, &e)
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

/// Before the first namespaced item: every target namespace exists (created bare, with the
/// restore labels, when the backup has no Namespace object for it).
async fn ensure_namespaces(ctx: &Run<'_>, plan: &Plan, report: &mut RestoreReport) -> Result<()> {
    let api: Api<DynamicObject> = Api::all_with(
        ctx.cluster.client.clone(),
        &ApiResource::erase::<k8s_openapi::api::core::v1::Namespace>(&()),
    );
    let targets: BTreeSet<String> = plan
        .namespaces
        .iter()
        .map(|n| ctx.fix.map_namespace(n).to_string())
        .collect();
    for ns in targets {
        let live = api
            .get_opt(&ns)
            .await
            .map_err(|e| anyhow::anyhow!(describe_error(&ctx.cluster.server, &e)))?;
        match live {
            Some(live) => {
                let terminating = live.metadata.deletion_timestamp.is_some();
                if terminating {
                    bail!(
                        "namespace {ns} is being deleted; wait until it is gone and restore again"
                    );
                }
            }
            None if ctx.options.dry_run => {
                report
                    .preview
                    .push(format!("+ create namespaces {ns} (bare)"));
                report.record("v1/Namespace", &ns, Action::WouldCreate);
            }
            None => {
                let mut body =
                    json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}});
                fixes::prepare(&mut body, "namespaces-bare", &ctx.fix);
                let body: DynamicObject = serde_json::from_value(body)?;
                match api.create(&PostParams::default(), &body).await {
                    Ok(_) => {
                        report.record("v1/Namespace", &ns, Action::Created);
                        report.log.push(format!("created: namespaces {ns} (bare)"));
                    }
                    Err(e) if crate::kube::is_conflict(&e) => {}
                    Err(e) => {
                        return Err(anyhow::anyhow!(describe_error(&ctx.cluster.server, &e)))
                            .with_context(|| format!("cannot create namespace {ns}"));
                    }
                }
            }
        }
    }
    Ok(())
}

/// Polls (5 times a second; Velero polls once a second) until each CRD is Established and NamesAccepted.
async fn wait_established(cluster: &Cluster, names: &[String], timeout: Duration) -> Result<()> {
    let resource = ApiResource {
        group: "apiextensions.k8s.io".into(),
        version: "v1".into(),
        api_version: "apiextensions.k8s.io/v1".into(),
        kind: "CustomResourceDefinition".into(),
        plural: "customresourcedefinitions".into(),
    };
    let api: Api<DynamicObject> = Api::all_with(cluster.client.clone(), &resource);
    let deadline = Instant::now() + timeout;
    for name in names {
        loop {
            let ready = match api.get_opt(name).await {
                Ok(Some(crd)) => {
                    let conditions = crd.data.pointer("/status/conditions").cloned();
                    let is_true = |kind: &str| {
                        conditions
                            .as_ref()
                            .and_then(Value::as_array)
                            .is_some_and(|list| {
                                list.iter()
                                    .any(|c| c["type"] == kind && c["status"] == "True")
                            })
                    };
                    is_true("Established") && is_true("NamesAccepted")
                }
                Ok(None) => false,
                Err(e) if is_not_found(&e) => false,
                Err(e) => bail!(describe_error(&cluster.server, &e)),
            };
            if ready {
                break;
            }
            if Instant::now() >= deadline {
                bail!(
                    "CRD {name} was not Established within {}s; check it with kubectl describe crd {name}",
                    timeout.as_secs()
                );
            }
            tokio::time::sleep(Duration::from_millis(200).min(deadline - Instant::now())).await;
        }
    }
    Ok(())
}
