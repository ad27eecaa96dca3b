//! Runs a [`Plan`] against the cluster: tier by tier, items within a tier concurrently, with a
//! progress bar, and a clean stop on Ctrl-C (no new object is started, the ones in flight end,
//! everything not reached is reported as not restored).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use futures::StreamExt;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use kube::api::{Api, DynamicObject};
use kube::discovery::ApiResource;
use serde_json::Value;
use tokio_util::sync::CancellationToken;

use super::fixes::FixContext;
use super::item::restore_item;
use super::namespaces::{ensure_namespaces, wait_until_not_terminating};
use super::order::is_crd;
use super::plan::{Plan, PlannedType};
use super::report::{Action, RestoreReport};
use super::status::{StatusFilter, StatusRule};
use super::volumes::{self, BackupVolume};
use crate::kube::{ApiCatalog, Cluster, describe_error, is_not_found};
use crate::snapshot::tarball::Archive;

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
    /// Types whose `.status` is written back after the create.
    pub restore_status: StatusFilter,
    pub dry_run: bool,
    /// Items in flight at once within a tier.
    pub concurrency: usize,
    /// How long to wait for a restored CRD to be Established.
    pub crd_timeout: Duration,
    /// How long to wait for a Terminating target namespace to be gone (Velero: 10m).
    pub namespace_timeout: Duration,
    /// Draw a progress bar on stderr.
    pub show_progress: bool,
    /// Ctrl-C: stop starting objects; the report says what was and was not restored.
    pub cancel: CancellationToken,
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
            restore_status: StatusFilter::default(),
            dry_run: false,
            concurrency: 32,
            crd_timeout: Duration::from_secs(600),
            namespace_timeout: Duration::from_secs(600),
            show_progress: false,
            cancel: CancellationToken::new(),
        }
    }
}

/// What happened to one item.
pub(super) struct Outcome {
    pub qualified: String,
    pub namespace: Option<String>,
    pub action: Action,
    /// Warning (Skipped/Excluded notes) or error text.
    pub message: Option<String>,
    /// Problems after the item itself was restored (managedFields, status): errors and warnings.
    pub later_errors: Vec<String>,
    pub later_warnings: Vec<String>,
    /// Dry-run lines for this item.
    pub preview: Vec<String>,
}

impl Outcome {
    pub fn new(qualified: String, namespace: Option<String>) -> Self {
        Outcome {
            qualified,
            namespace,
            action: Action::Failed,
            message: None,
            later_errors: Vec::new(),
            later_warnings: Vec::new(),
            preview: Vec::new(),
        }
    }
}

/// One restore's shared state.
pub(super) struct Run<'a> {
    pub cluster: &'a Cluster,
    pub archive: &'a Archive,
    pub options: &'a RestoreOptions,
    pub fix: FixContext,
    pub status: StatusRule,
    /// The backup's PVs, for the storage decisions of its claims.
    pub backup_volumes: BTreeMap<String, BackupVolume>,
    pub bar: Option<indicatif::ProgressBar>,
}

impl Run<'_> {
    /// A line for the user that does not tear the progress bar.
    pub fn note(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.println(message),
            None => eprintln!("{message}"),
        }
    }

    pub fn cancelled(&self) -> bool {
        self.options.cancel.is_cancelled()
    }
}

fn progress_bar(total: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(total as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} restoring [{bar:30}] {pos}/{len} items {msg} [{elapsed}]",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Restores `plan` from `archive`. Per-item failures are recorded in the report (Velero's
/// PartiallyFailed); only cluster-level problems (discovery, a CRD that never becomes
/// Established, a namespace stuck in Terminating) return an error. After Ctrl-C the report is
/// returned with `interrupted` set.
pub async fn restore(
    cluster: &Cluster,
    archive: &Archive,
    plan: &Plan,
    options: &RestoreOptions,
) -> Result<RestoreReport> {
    let started = Instant::now();
    let backup_volumes = volumes::backup_volumes(archive, plan)?;
    let ctx = Run {
        cluster,
        archive,
        options,
        fix: FixContext {
            backup_name: options.backup_name.clone(),
            restore_name: options.restore_name.clone(),
            namespace_mapping: options.namespace_mapping.clone(),
            preserve_node_ports: options.preserve_node_ports,
            pvs_to_provision: volumes::pvs_to_provision(&backup_volumes),
        },
        status: options.restore_status.rule()?,
        backup_volumes,
        bar: options
            .show_progress
            .then(|| progress_bar(plan.item_count())),
    };
    let mut report = RestoreReport {
        restore_name: options.restore_name.clone(),
        backup_name: options.backup_name.clone(),
        dry_run: options.dry_run,
        ..Default::default()
    };
    let result = run_tiers(&ctx, plan, &mut report).await;
    if let Some(bar) = &ctx.bar {
        bar.finish_and_clear();
    }
    result?;
    report.interrupted = ctx.cancelled();
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

async fn run_tiers(ctx: &Run<'_>, plan: &Plan, report: &mut RestoreReport) -> Result<()> {
    let cluster = ctx.cluster;
    wait_until_not_terminating(ctx, plan, report).await?;
    // Before anything is created: the report describes the cluster as the restore found it.
    match volumes::plan_claims(
        cluster,
        ctx.archive,
        plan,
        &ctx.fix,
        &ctx.backup_volumes,
        ctx.options.selector.as_ref(),
    )
    .await
    {
        Ok(claims) => report.record_claim_storage(claims),
        Err(e) => report.warnings.add(
            None,
            format!("could not work out what becomes of the claims' storage: {e:#}"),
        ),
    }
    for warning in velero_mapping_actions(cluster).await {
        report.warnings.add(None, warning);
    }
    let mut catalog = ApiCatalog::discover(&cluster.client)
        .await
        .map_err(|e| anyhow::anyhow!(describe_error(&cluster.server, &e)))?;
    let mut namespaces_ensured = false;
    for (index, planned) in plan.types.iter().enumerate() {
        if ctx.cancelled() {
            not_attempted(ctx, &plan.types[index..], report);
            return Ok(());
        }
        let namespaced = planned.items.iter().any(|(ns, _)| ns.is_some());
        if namespaced && !namespaces_ensured {
            ensure_namespaces(ctx, plan, report).await?;
            namespaces_ensured = true;
        }
        let outcomes = restore_type(ctx, &catalog, planned).await;
        let type_key = format!("{}/{}", planned.api_version, planned.kind);
        let mut crds = Vec::new();
        for outcome in outcomes {
            record(report, &planned.group_resource, &type_key, &outcome);
            if is_crd(&planned.group_resource)
                && matches!(outcome.action, Action::Created | Action::Updated)
            {
                crds.push(outcome.qualified.clone());
            }
        }
        if !crds.is_empty() {
            wait_established(ctx, &crds).await?;
            catalog = ApiCatalog::discover(&cluster.client)
                .await
                .map_err(|e| anyhow::anyhow!(describe_error(&cluster.server, &e)))?;
        }
    }
    if !namespaces_ensured && !ctx.cancelled() {
        ensure_namespaces(ctx, plan, report).await?;
    }
    Ok(())
}

/// Ctrl-C before these types' turn: every item is reported as not restored.
fn not_attempted(ctx: &Run<'_>, types: &[PlannedType], report: &mut RestoreReport) {
    for planned in types {
        let type_key = format!("{}/{}", planned.api_version, planned.kind);
        for (ns, item) in &planned.items {
            let target = ns.as_deref().map(|n| ctx.fix.map_namespace(n).to_string());
            let mut outcome = Outcome::new(qualified(target.as_deref(), &item.name), target);
            outcome.action = Action::NotAttempted;
            record(report, &planned.group_resource, &type_key, &outcome);
        }
    }
}

pub(super) fn record(report: &mut RestoreReport, gr: &str, type_key: &str, outcome: &Outcome) {
    report.record(type_key, &outcome.qualified, outcome.action);
    let subject = format!("{gr} {}", outcome.qualified);
    let ns = outcome.namespace.as_deref();
    match (&outcome.action, &outcome.message) {
        (Action::Failed, Some(m)) => {
            report.errors.add(ns, format!("{subject}: {m}"));
            report.log.push(format!("error: {subject}: {m}"));
        }
        (Action::Skipped, Some(m)) => {
            report.warnings.add(ns, format!("{subject}: {m}"));
            report.log.push(format!("warning: {subject}: {m}"));
        }
        (Action::NotAttempted, _) => report
            .log
            .push(format!("not restored: {subject} (interrupted)")),
        (action, message) => report.log.push(format!(
            "{}: {subject}{}",
            action.velero_word(),
            message
                .as_ref()
                .map(|m| format!(" ({m})"))
                .unwrap_or_default()
        )),
    }
    for e in &outcome.later_errors {
        report.errors.add(ns, format!("{subject}: {e}"));
        report.log.push(format!("error: {subject}: {e}"));
    }
    for w in &outcome.later_warnings {
        report.warnings.add(ns, format!("{subject}: {w}"));
        report.log.push(format!("warning: {subject}: {w}"));
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
            let target = ns.as_deref().map(|n| ctx.fix.map_namespace(n).to_string());
            let mut outcome = Outcome::new(qualified(target.as_deref(), &item.name), target);
            // Items start lazily (buffer_unordered), so those not started by Ctrl-C never are.
            if ctx.cancelled() {
                outcome.action = Action::NotAttempted;
                return outcome;
            }
            let outcome = match endpoint {
                Ok((resource, namespaced)) => {
                    restore_item(ctx, planned, resource, *namespaced, item, outcome).await
                }
                Err(e) => {
                    outcome.message = Some(format!("{e:#}"));
                    outcome
                }
            };
            if let Some(bar) = &ctx.bar {
                bar.inc(1);
            }
            outcome
        })
        .buffer_unordered(ctx.options.concurrency.max(1))
        .collect()
        .await
}

pub(super) fn qualified(namespace: Option<&str>, name: &str) -> String {
    crate::snapshot::layout::qualified_name(namespace, name)
}

/// Polls (5 times a second; Velero polls once a second) until each CRD is Established and
/// NamesAccepted. Ctrl-C ends the wait (the caller stops there).
async fn wait_established(ctx: &Run<'_>, names: &[String]) -> Result<()> {
    let cluster = ctx.cluster;
    let timeout = ctx.options.crd_timeout;
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
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(200).min(deadline - Instant::now())) => {}
                _ = ctx.options.cancel.cancelled() => return Ok(()),
            }
        }
    }
    Ok(())
}

/// Velero's configurable restore item actions: a ConfigMap carrying one of these labels tells
/// Velero's server to rewrite items while it restores them.
const VELERO_MAPPING_ACTIONS: &[(&str, &str)] = &[
    (
        "velero.io/change-storage-class",
        "storage classes of PVs and PVCs",
    ),
    ("velero.io/change-image-name", "container images"),
    ("velero.io/change-pvc-node-selector", "PVCs' selected nodes"),
];

/// Warnings for the mapping ConfigMaps a Velero user set up: a client-side restore does not
/// apply them, and must say so rather than silently restore the backup's values. A cluster
/// where ConfigMaps cannot be listed gets no warning.
async fn velero_mapping_actions(cluster: &Cluster) -> Vec<String> {
    use k8s_openapi::api::core::v1::ConfigMap;
    use kube::api::ListParams;
    let api: Api<ConfigMap> = Api::all(cluster.client.clone());
    let mut warnings = Vec::new();
    for (label, what) in VELERO_MAPPING_ACTIONS {
        let Ok(list) = api
            .list_metadata(&ListParams::default().labels(label).limit(10))
            .await
        else {
            continue;
        };
        for cm in list.items {
            warnings.push(format!(
                "ConfigMap {}/{} configures Velero's {} restore item action ({what}); a client-side restore does not apply it, so items keep the backup's values (--mode controller lets Velero apply it)",
                cm.metadata.namespace.unwrap_or_default(),
                cm.metadata.name.unwrap_or_default(),
                label.trim_start_matches("velero.io/"),
            ));
        }
    }
    warnings
}
