//! Related items, as Velero's backup item actions add them: a pod brings its PVCs and its
//! PriorityClass, a PVC its PV, a ServiceAccount the ClusterRoleBindings naming it (and their
//! ClusterRoles), and every custom resource type its CRD. They bypass the label selector but
//! not the resource filter or `--include-cluster-resources=false`.
//!
//! Only the handful of types that can be related targets are tracked (to avoid archiving one
//! twice), so memory follows the number of PVs, bindings and CRDs, not the cluster's size.

use std::collections::{BTreeSet, HashSet};
use std::sync::Mutex;

use anyhow::Result;
use serde_json::{Map, Value};

use crate::kube::ResolvedResource;
use crate::snapshot::collect::{Collector, list_pages};
use crate::snapshot::layout::qualified_name;

pub const PVCS: &str = "persistentvolumeclaims";
pub const PVS: &str = "persistentvolumes";
pub const PRIORITY_CLASSES: &str = "priorityclasses.scheduling.k8s.io";
pub const CLUSTER_ROLE_BINDINGS: &str = "clusterrolebindings.rbac.authorization.k8s.io";
pub const CLUSTER_ROLES: &str = "clusterroles.rbac.authorization.k8s.io";
pub const CRDS: &str = "customresourcedefinitions.apiextensions.k8s.io";
const TRACKED: &[&str] = &[
    PVCS,
    PVS,
    PRIORITY_CLASSES,
    CLUSTER_ROLE_BINDINGS,
    CLUSTER_ROLES,
    CRDS,
];

/// Groups whose types are built into Kubernetes, never CRDs: no point asking for a CRD.
const BUILT_IN_GROUPS: &[&str] = &[
    "apps",
    "batch",
    "autoscaling",
    "policy",
    "extensions",
    "rbac.authorization.k8s.io",
    "networking.k8s.io",
    "storage.k8s.io",
    "scheduling.k8s.io",
    "coordination.k8s.io",
    "discovery.k8s.io",
    "node.k8s.io",
    "certificates.k8s.io",
    "admissionregistration.k8s.io",
    "apiextensions.k8s.io",
    "apiregistration.k8s.io",
    "events.k8s.io",
    "flowcontrol.apiserver.k8s.io",
    "resource.k8s.io",
    "storagemigration.k8s.io",
    "internal.apiserver.k8s.io",
    "authentication.k8s.io",
    "authorization.k8s.io",
];

type Key = (String, Option<String>, String);

#[derive(Debug, Default)]
pub struct Related {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    claimed: HashSet<Key>,
    wanted: BTreeSet<Key>,
    service_accounts: BTreeSet<(String, String)>,
    /// `(group, resource)` of non-built-in types with at least one item.
    custom_types: BTreeSet<(String, String)>,
}

impl Related {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Marks an item as archived; `false` if it already was (only tracked types can collide).
    pub fn claim(&self, group_resource: &str, namespace: Option<&str>, name: &str) -> bool {
        if !TRACKED.contains(&group_resource) {
            return true;
        }
        self.lock().claimed.insert((
            group_resource.to_string(),
            namespace.map(str::to_string),
            name.to_string(),
        ))
    }

    /// Notes what an archived item refers to.
    pub fn observe(&self, api_type: &ResolvedResource, body: &Map<String, Value>) {
        let gr = api_type.group_resource();
        let null = Value::Null;
        let metadata = body.get("metadata").unwrap_or(&null);
        let namespace = metadata["namespace"].as_str().map(str::to_string);
        let spec = body.get("spec").unwrap_or(&null);
        let mut inner = self.lock();
        let group = &api_type.resource.group;
        if !group.is_empty() && !BUILT_IN_GROUPS.contains(&group.as_str()) {
            inner
                .custom_types
                .insert((group.clone(), api_type.resource.plural.clone()));
        }
        match gr.as_str() {
            "pods" => {
                for volume in spec["volumes"].as_array().into_iter().flatten() {
                    if let Some(claim) = volume["persistentVolumeClaim"]["claimName"].as_str() {
                        inner
                            .wanted
                            .insert((PVCS.into(), namespace.clone(), claim.into()));
                    }
                }
                if let Some(class) = spec["priorityClassName"].as_str() {
                    inner
                        .wanted
                        .insert((PRIORITY_CLASSES.into(), None, class.into()));
                }
            }
            PVCS => {
                if let Some(volume) = spec["volumeName"].as_str().filter(|v| !v.is_empty()) {
                    inner.wanted.insert((PVS.into(), None, volume.into()));
                }
            }
            "serviceaccounts" => {
                if let (Some(ns), Some(name)) = (namespace, metadata["name"].as_str()) {
                    inner.service_accounts.insert((ns, name.to_string()));
                }
            }
            _ => {}
        }
    }

    fn take_pending(&self) -> Vec<Key> {
        let mut inner = self.lock();
        let wanted = std::mem::take(&mut inner.wanted);
        wanted
            .into_iter()
            .filter(|k| !inner.claimed.contains(k))
            .collect()
    }

    fn want(&self, key: Key) {
        self.lock().wanted.insert(key);
    }
}

/// Runs after the lists: fetches wanted items until nothing new turns up (a PVC fetched as
/// related can want its PV), then the ClusterRoleBindings of backed-up ServiceAccounts, then
/// the CRDs of custom types.
pub async fn resolve(collector: &Collector) -> Result<()> {
    let mut bindings_done = false;
    let mut crds_checked: BTreeSet<(String, String)> = BTreeSet::new();
    loop {
        let pending = collector.related.take_pending();
        if pending.is_empty() {
            if !bindings_done {
                bindings_done = true;
                want_cluster_role_bindings(collector).await?;
                continue;
            }
            let custom: Vec<(String, String)> = collector
                .related
                .lock()
                .custom_types
                .difference(&crds_checked)
                .cloned()
                .collect();
            if custom.is_empty() {
                return Ok(());
            }
            for (group, resource) in custom {
                collector
                    .related
                    .want((CRDS.into(), None, format!("{resource}.{group}")));
                crds_checked.insert((group, resource));
            }
            continue;
        }
        for (gr, namespace, name) in pending {
            if collector.cancel.is_cancelled() {
                anyhow::bail!("interrupted");
            }
            let Some(api_type) = collector.discovered.by_group_resource(&gr).cloned() else {
                continue;
            };
            if !collector.admits_related(&api_type, namespace.as_deref()) {
                continue;
            }
            match collector
                .fetch(&api_type, namespace.as_deref(), &name)
                .await?
            {
                Some(object) => {
                    collector.offer(&api_type, object).await?;
                }
                // Types served by an aggregated API have no CRD; that is not a problem.
                None if gr == CRDS => {}
                None => collector.report.warning(
                    namespace.as_deref(),
                    format!(
                        "{gr} {} is referenced by a backed-up item but does not exist",
                        qualified_name(namespace.as_deref(), &name)
                    ),
                ),
            }
        }
    }
}

/// ServiceAccount → the ClusterRoleBindings that name it, and their ClusterRoles.
async fn want_cluster_role_bindings(collector: &Collector) -> Result<()> {
    let accounts = collector.related.lock().service_accounts.clone();
    if accounts.is_empty() {
        return Ok(());
    }
    let Some(bindings) = collector
        .discovered
        .by_group_resource(CLUSTER_ROLE_BINDINGS)
        .cloned()
    else {
        return Ok(());
    };
    if !collector.admits_related(&bindings, None) {
        return Ok(());
    }
    let mut found: Vec<Key> = Vec::new();
    let outcome = list_pages(
        &collector.client,
        &collector.server,
        &bindings,
        None,
        None,
        collector.page_size,
        |items| {
            for binding in items {
                let names_account = binding["subjects"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|s| {
                        s["kind"] == "ServiceAccount"
                            && accounts.contains(&(
                                s["namespace"].as_str().unwrap_or_default().to_string(),
                                s["name"].as_str().unwrap_or_default().to_string(),
                            ))
                    });
                if !names_account {
                    continue;
                }
                if let Some(name) = binding["metadata"]["name"].as_str() {
                    found.push((CLUSTER_ROLE_BINDINGS.into(), None, name.into()));
                }
                if binding["roleRef"]["kind"] == "ClusterRole"
                    && let Some(role) = binding["roleRef"]["name"].as_str()
                {
                    found.push((CLUSTER_ROLES.into(), None, role.into()));
                }
            }
            Ok(())
        },
    )
    .await;
    if let Err(e) = outcome {
        collector.report.error(None, format!("{e:#}"));
    }
    for key in found {
        collector.related.want(key);
    }
    Ok(())
}
