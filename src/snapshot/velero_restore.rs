//! Restoring through an installed Velero server: the `Restore` object (modelled field for field on
//! `crds/velero/velero.io_restores.yaml`), the spec our restore flags map to, submitting it and
//! following it to a terminal phase.

use std::collections::BTreeMap;

use anyhow::Result;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta, Time};
use kube::api::{Api, DynamicObject};
use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

use crate::kube::Cluster;
use crate::snapshot::restore::{ExistingPolicy, Filters, RestoreOptions};
use crate::snapshot::types::{API_VERSION, BackupResults, HookStatus};
use crate::snapshot::velero_mode::{
    FollowState, Followed, create_object, follow_object, get_object, resource,
};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Restore {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    #[serde(default)]
    pub spec: RestoreSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RestoreStatus>,
}

impl Restore {
    pub fn new(name: &str, namespace: &str, spec: RestoreSpec) -> Self {
        Restore {
            api_version: API_VERSION.into(),
            kind: "Restore".into(),
            metadata: ObjectMeta {
                name: Some(name.into()),
                namespace: Some(namespace.into()),
                ..Default::default()
            },
            spec,
            status: None,
        }
    }

    pub fn name(&self) -> &str {
        self.metadata.name.as_deref().unwrap_or_default()
    }

    pub fn phase(&self) -> Option<RestorePhase> {
        self.status.as_ref().and_then(|s| s.phase)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RestoreSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_namespaces: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_namespaces: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_resources: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_resources: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_cluster_resources: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace_mapping: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_selector: Option<LabelSelector>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub or_label_selectors: Option<Vec<LabelSelector>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restore_pvs: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restore_status: Option<RestoreStatusSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preserve_node_ports: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_resource_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hooks: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_operation_timeout: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_modifier: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploader_config: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RestoreStatusSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_resources: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_resources: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RestorePhase {
    New,
    FailedValidation,
    InProgress,
    WaitingForPluginOperations,
    WaitingForPluginOperationsPartiallyFailed,
    Completed,
    PartiallyFailed,
    Failed,
    Finalizing,
    FinalizingPartiallyFailed,
}

impl RestorePhase {
    /// Velero never changes a restore in these phases again.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            RestorePhase::Completed
                | RestorePhase::PartiallyFailed
                | RestorePhase::Failed
                | RestorePhase::FailedValidation
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RestorePhase::New => "New",
            RestorePhase::FailedValidation => "FailedValidation",
            RestorePhase::InProgress => "InProgress",
            RestorePhase::WaitingForPluginOperations => "WaitingForPluginOperations",
            RestorePhase::WaitingForPluginOperationsPartiallyFailed => {
                "WaitingForPluginOperationsPartiallyFailed"
            }
            RestorePhase::Completed => "Completed",
            RestorePhase::PartiallyFailed => "PartiallyFailed",
            RestorePhase::Failed => "Failed",
            RestorePhase::Finalizing => "Finalizing",
            RestorePhase::FinalizingPartiallyFailed => "FinalizingPartiallyFailed",
        }
    }
}

impl std::fmt::Display for RestorePhase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RestoreStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<RestorePhase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_errors: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warnings: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_timestamp: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_timestamp: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<RestoreProgress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restore_item_operations_attempted: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restore_item_operations_completed: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restore_item_operations_failed: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hook_status: Option<HookStatus>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RestoreProgress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_items: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items_restored: Option<i64>,
}

fn non_empty(list: &[String]) -> Option<Vec<String>> {
    (!list.is_empty()).then(|| list.to_vec())
}

/// The Restore spec our flags mean, field for field as `velero restore create` fills it. The
/// settings Velero has no field for (priorities, dry run, concurrency) are refused by the caller.
pub fn restore_spec(filters: &Filters, options: &RestoreOptions) -> RestoreSpec {
    let status = &options.restore_status;
    RestoreSpec {
        backup_name: Some(options.backup_name.clone()),
        included_namespaces: non_empty(&filters.include_namespaces),
        excluded_namespaces: non_empty(&filters.exclude_namespaces),
        included_resources: non_empty(&filters.include_resources),
        excluded_resources: non_empty(&filters.exclude_resources),
        include_cluster_resources: filters.include_cluster_resources,
        namespace_mapping: (!options.namespace_mapping.is_empty())
            .then(|| options.namespace_mapping.clone()),
        label_selector: options.selector.clone(),
        // Velero's CLI sets it only when asked (`--preserve-nodeports`); so do we.
        preserve_node_ports: options.preserve_node_ports.then_some(true),
        existing_resource_policy: Some(
            match options.existing {
                ExistingPolicy::None => "none",
                ExistingPolicy::Update => "update",
            }
            .into(),
        ),
        restore_status: status.enabled().then(|| RestoreStatusSpec {
            included_resources: non_empty(&status.include),
            excluded_resources: non_empty(&status.exclude),
        }),
        ..Default::default()
    }
}

fn restores_api(cluster: &Cluster, namespace: &str) -> Api<DynamicObject> {
    Api::namespaced_with(
        cluster.client.clone(),
        namespace,
        &resource("Restore", "restores"),
    )
}

/// Creates the Restore in Velero's namespace.
pub async fn submit(cluster: &Cluster, restore: &Restore) -> Result<Restore> {
    let namespace = restore.metadata.namespace.as_deref().unwrap_or_default();
    create_object(
        &restores_api(cluster, namespace),
        &cluster.server,
        "Restore",
        restore,
        "; choose another --restore-name",
    )
    .await
}

pub async fn get(cluster: &Cluster, namespace: &str, name: &str) -> Result<Option<Restore>> {
    let api = restores_api(cluster, namespace);
    get_object(&api, &cluster.server, "Restore", namespace, name).await
}

/// Follows the Restore to a terminal phase, showing Velero's `itemsRestored / totalItems`.
pub async fn follow(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    show_progress: bool,
    cancel: &CancellationToken,
) -> Result<Restore> {
    follow_object(
        Followed {
            cluster,
            resource: resource("Restore", "restores"),
            namespace,
            name,
        },
        show_progress,
        cancel,
        |restore: &Restore| {
            let phase = restore.phase();
            let progress = restore.status.as_ref().and_then(|s| s.progress.clone());
            FollowState {
                phase: phase.map(RestorePhase::as_str),
                done: progress.as_ref().and_then(|p| p.items_restored).unwrap_or(0),
                total: progress.as_ref().and_then(|p| p.total_items).unwrap_or(0),
                terminal: phase.is_some_and(RestorePhase::is_terminal),
            }
        },
        || format!(
            "stopped following; the Velero Restore {namespace}/{name} keeps running on the server (see `kubectl -n {namespace} get restores.velero.io {name}`)"
        ),
    )
    .await
}

/// The restore's warning and error texts (`restore-<R>-results.gz`), through a DownloadRequest
/// Velero answers with a presigned URL. `None` if the file is missing or unreadable.
pub async fn results(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    cancel: &CancellationToken,
) -> Result<Option<BackupResults>> {
    crate::snapshot::velero_mode::fetch_gz_json(
        cluster,
        namespace,
        "RestoreResults",
        name,
        std::time::Duration::from_secs(20),
        cancel,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::restore::StatusFilter;
    use crate::snapshot::schema_check::{crd_schema, validate};

    #[test]
    fn flags_map_to_velero_fields_and_match_the_crd() {
        let filters = Filters {
            include_namespaces: vec!["shop".into(), "web-*".into()],
            exclude_namespaces: vec!["kube-system".into()],
            include_resources: vec!["deployments.apps".into(), "configmaps".into()],
            exclude_resources: vec!["secrets".into()],
            include_cluster_resources: Some(false),
            priorities: None,
        };
        let options = RestoreOptions {
            selector: Some(crate::snapshot::selector::parse("app=web,tier!=db").unwrap()),
            namespace_mapping: [("shop".to_string(), "shop-copy".to_string())].into(),
            existing: ExistingPolicy::Update,
            preserve_node_ports: true,
            restore_status: StatusFilter {
                include: vec!["widgets.example.com".into()],
                exclude: vec![],
            },
            ..RestoreOptions::new("nightly", "nightly-1")
        };
        let mut restore = Restore::new("nightly-1", "velero", restore_spec(&filters, &options));
        let json = serde_json::to_value(&restore).unwrap();
        let errors = validate(&crd_schema("velero.io_restores.yaml"), &json);
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(
            json["spec"],
            serde_json::json!({
                "backupName": "nightly",
                "includedNamespaces": ["shop", "web-*"],
                "excludedNamespaces": ["kube-system"],
                "includedResources": ["deployments.apps", "configmaps"],
                "excludedResources": ["secrets"],
                "includeClusterResources": false,
                "namespaceMapping": {"shop": "shop-copy"},
                "labelSelector": {"matchLabels": {"app": "web"},
                    "matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["db"]}]},
                "preserveNodePorts": true,
                "existingResourcePolicy": "update",
                "restoreStatus": {"includedResources": ["widgets.example.com"]}
            })
        );
        restore.status = Some(RestoreStatus {
            phase: Some(RestorePhase::PartiallyFailed),
            warnings: Some(1),
            errors: Some(2),
            progress: Some(RestoreProgress {
                total_items: Some(9),
                items_restored: Some(7),
            }),
            start_timestamp: Some(crate::snapshot::types::now()),
            ..Default::default()
        });
        let json = serde_json::to_value(&restore).unwrap();
        assert!(validate(&crd_schema("velero.io_restores.yaml"), &json).is_empty());
        let back: Restore = serde_json::from_value(json).unwrap();
        assert_eq!(back, restore);

        // Defaults: only the backup and the policy.
        let plain = restore_spec(&Filters::default(), &RestoreOptions::new("b", "r"));
        assert_eq!(
            serde_json::to_value(plain).unwrap(),
            serde_json::json!({"backupName": "b", "existingResourcePolicy": "none"})
        );
    }

    #[test]
    fn every_phase_is_in_the_crd_enum() {
        let schema = crd_schema("velero.io_restores.yaml");
        let allowed = schema["properties"]["status"]["properties"]["phase"]["enum"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(allowed.len(), 10);
        for phase in allowed {
            let parsed: RestorePhase = serde_json::from_value(phase.clone()).unwrap();
            assert_eq!(parsed.as_str(), phase.as_str().unwrap());
        }
    }
}
