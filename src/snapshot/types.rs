//! Velero's `velero.io/v1` objects, modelled field for field on the upstream CRDs
//! (`crds/velero/velero.io_*.yaml`): what we write as `velero-backup.json`, what we create in
//! controller mode, and what we read back from a cluster or a bucket.

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta, Time};
use serde::{Deserialize, Serialize};

pub const API_VERSION: &str = "velero.io/v1";
pub const GROUP: &str = "velero.io";
/// The tarball format we write, `status.formatVersion`.
pub const FORMAT_VERSION: &str = "1.1.0";
/// Velero's server-side default for `spec.ttl`.
pub const DEFAULT_TTL: &str = "720h0m0s";
pub const DEFAULT_NAMESPACE: &str = "velero";
pub const STORAGE_LOCATION_LABEL: &str = "velero.io/storage-location";
pub const BACKUP_NAME_LABEL: &str = "velero.io/backup-name";
pub const BACKUP_UID_LABEL: &str = "velero.io/backup-uid";
pub const EXCLUDE_FROM_BACKUP_LABEL: &str = "velero.io/exclude-from-backup";
/// Our own marker on a `velero-backup.json` we wrote; Velero copies it along and ignores it.
pub const WRITTEN_BY_ANNOTATION: &str = "backup.kubectl.io/written-by";

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Backup {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    #[serde(default)]
    pub spec: BackupSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<BackupStatus>,
}

impl Backup {
    pub fn new(name: &str, namespace: &str, spec: BackupSpec) -> Self {
        Backup {
            api_version: API_VERSION.into(),
            kind: "Backup".into(),
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

    /// Where this Backup object lives (Velero's namespace), `velero` when unset.
    pub fn namespace(&self) -> String {
        self.metadata
            .namespace
            .clone()
            .unwrap_or_else(|| DEFAULT_NAMESPACE.into())
    }

    pub fn phase(&self) -> Option<BackupPhase> {
        self.status.as_ref().and_then(|s| s.phase)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BackupSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BackupTemplateMetadata>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_namespaces: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_namespaces: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_resources: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_resources: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_cluster_scoped_resources: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_cluster_scoped_resources: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_namespace_scoped_resources: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_namespace_scoped_resources: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_selector: Option<LabelSelector>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub or_label_selectors: Option<Vec<LabelSelector>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_volumes: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_cluster_resources: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hooks: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_snapshot_locations: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_volumes_to_fs_backup: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_volumes_to_restic: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered_resources: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csi_snapshot_timeout: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_operation_timeout: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_policy: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_move_data: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datamover: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploader_config: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_group_snapshot_label_key: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct BackupTemplateMetadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BackupPhase {
    New,
    Queued,
    ReadyToStart,
    FailedValidation,
    InProgress,
    WaitingForPluginOperations,
    WaitingForPluginOperationsPartiallyFailed,
    Finalizing,
    FinalizingPartiallyFailed,
    Completed,
    PartiallyFailed,
    Failed,
    Deleting,
}

impl BackupPhase {
    /// The phases after which Velero never touches the backup again (except to delete it).
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            BackupPhase::Completed
                | BackupPhase::PartiallyFailed
                | BackupPhase::Failed
                | BackupPhase::FailedValidation
        )
    }

    /// A backup that can be restored from.
    pub fn is_usable(self) -> bool {
        matches!(self, BackupPhase::Completed | BackupPhase::PartiallyFailed)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BackupPhase::New => "New",
            BackupPhase::Queued => "Queued",
            BackupPhase::ReadyToStart => "ReadyToStart",
            BackupPhase::FailedValidation => "FailedValidation",
            BackupPhase::InProgress => "InProgress",
            BackupPhase::WaitingForPluginOperations => "WaitingForPluginOperations",
            BackupPhase::WaitingForPluginOperationsPartiallyFailed => {
                "WaitingForPluginOperationsPartiallyFailed"
            }
            BackupPhase::Finalizing => "Finalizing",
            BackupPhase::FinalizingPartiallyFailed => "FinalizingPartiallyFailed",
            BackupPhase::Completed => "Completed",
            BackupPhase::PartiallyFailed => "PartiallyFailed",
            BackupPhase::Failed => "Failed",
            BackupPhase::Deleting => "Deleting",
        }
    }
}

impl std::fmt::Display for BackupPhase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<BackupPhase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue_position: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_errors: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_timestamp: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_timestamp: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_snapshots_attempted: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_snapshots_completed: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warnings: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<BackupProgress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csi_volume_snapshots_attempted: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csi_volume_snapshots_completed: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_item_operations_attempted: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_item_operations_completed: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_item_operations_failed: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hook_status: Option<HookStatus>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BackupProgress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_items: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items_backed_up: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct HookStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hooks_attempted: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hooks_failed: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BackupStorageLocation {
    #[serde(default)]
    pub api_version: String,
    #[serde(default)]
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: BackupStorageLocationSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<BackupStorageLocationStatus>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BackupStorageLocationSpec {
    pub provider: String,
    pub object_storage: ObjectStorageLocation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential: Option<SecretKeySelector>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_sync_period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_frequency: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ObjectStorageLocation {
    pub bucket: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_cert_ref: Option<SecretKeySelector>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SecretKeySelector {
    pub key: String,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optional: Option<bool>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BackupStorageLocationStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_validation_time: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_synced_time: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_synced_revision: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DeleteBackupRequest {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: DeleteBackupRequestSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DeleteBackupRequestStatus>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DeleteBackupRequestSpec {
    pub backup_name: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DeleteBackupRequestStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<String>>,
}

impl DeleteBackupRequest {
    /// The request Velero's own CLI creates: `generateName: <backup>-` and the two labels its
    /// controller uses to find the backup.
    pub fn for_backup(backup: &Backup) -> Self {
        let name = backup.name();
        let mut labels = BTreeMap::new();
        labels.insert(BACKUP_NAME_LABEL.to_string(), valid_label_value(name));
        if let Some(uid) = &backup.metadata.uid {
            labels.insert(BACKUP_UID_LABEL.to_string(), uid.clone());
        }
        DeleteBackupRequest {
            api_version: API_VERSION.into(),
            kind: "DeleteBackupRequest".into(),
            metadata: ObjectMeta {
                generate_name: Some(format!("{name}-")),
                namespace: backup.metadata.namespace.clone(),
                labels: Some(labels),
                ..Default::default()
            },
            spec: DeleteBackupRequestSpec {
                backup_name: name.to_string(),
            },
            status: None,
        }
    }
}

/// `<B>-results.gz`: `{"warnings": R, "errors": R}`, empty parts left out as Velero's
/// `omitempty` does.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct BackupResults {
    #[serde(default)]
    pub warnings: ResultSet,
    #[serde(default)]
    pub errors: ResultSet,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ResultSet {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub velero: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cluster: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub namespaces: BTreeMap<String, Vec<String>>,
}

impl ResultSet {
    pub fn count(&self) -> usize {
        self.velero.len()
            + self.cluster.len()
            + self.namespaces.values().map(Vec::len).sum::<usize>()
    }

    /// Files a message the way Velero does: under its namespace, else under `cluster`.
    pub fn add(&mut self, namespace: Option<&str>, message: String) {
        match namespace {
            Some(ns) if !ns.is_empty() => self
                .namespaces
                .entry(ns.to_string())
                .or_default()
                .push(message),
            _ => self.cluster.push(message),
        }
    }

    /// Every message, with its namespace in front when it has one.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.velero.iter().chain(&self.cluster).cloned().collect();
        for (ns, messages) in &self.namespaces {
            out.extend(messages.iter().map(|m| format!("{ns}: {m}")));
        }
        out
    }
}

/// Velero's `label.GetValidName`: values over 63 characters become the first 57 plus six hex
/// digits of the value's SHA-256.
pub fn valid_label_value(value: &str) -> String {
    use sha2::{Digest, Sha256};
    if value.len() <= 63 {
        return value.to_string();
    }
    let digest = hex::encode(Sha256::digest(value.as_bytes()));
    format!("{}{}", &value[..57], &digest[..6])
}

/// Now, to the second: what a Kubernetes timestamp can hold.
pub fn now() -> Time {
    let seconds = k8s_openapi::jiff::Timestamp::now().as_second();
    Time(k8s_openapi::jiff::Timestamp::from_second(seconds).unwrap_or_default())
}

pub fn time_from_chrono(t: chrono::DateTime<chrono::Utc>) -> Time {
    Time(k8s_openapi::jiff::Timestamp::from_second(t.timestamp()).unwrap_or_default())
}

pub fn time_to_chrono(t: &Time) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(t.0.as_second(), 0).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::schema_check::{crd_schema, validate};

    fn full_backup() -> Backup {
        let mut backup = Backup::new(
            "nightly",
            DEFAULT_NAMESPACE,
            BackupSpec {
                included_namespaces: Some(vec!["shop".into(), "web-*".into()]),
                excluded_namespaces: Some(vec!["kube-system".into()]),
                included_resources: Some(vec!["*".into()]),
                excluded_resources: Some(vec!["events".into()]),
                include_cluster_resources: Some(true),
                label_selector: Some(LabelSelector {
                    match_labels: Some([("app".to_string(), "web".to_string())].into()),
                    match_expressions: None,
                }),
                ttl: Some(DEFAULT_TTL.into()),
                storage_location: Some("default".into()),
                csi_snapshot_timeout: Some("10m0s".into()),
                item_operation_timeout: Some("4h0m0s".into()),
                metadata: Some(BackupTemplateMetadata::default()),
                ..Default::default()
            },
        );
        backup.metadata.labels =
            Some([(STORAGE_LOCATION_LABEL.to_string(), "default".to_string())].into());
        backup.status = Some(BackupStatus {
            version: Some(1),
            format_version: Some(FORMAT_VERSION.into()),
            expiration: Some(now()),
            phase: Some(BackupPhase::PartiallyFailed),
            start_timestamp: Some(now()),
            completion_timestamp: Some(now()),
            warnings: Some(2),
            errors: Some(1),
            progress: Some(BackupProgress {
                total_items: Some(10),
                items_backed_up: Some(10),
            }),
            ..Default::default()
        });
        backup
    }

    #[test]
    fn backup_validates_against_the_upstream_crd_and_round_trips() {
        let backup = full_backup();
        let json = serde_json::to_value(&backup).unwrap();
        let errors = validate(&crd_schema("velero.io_backups.yaml"), &json);
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(json["status"]["phase"], "PartiallyFailed");
        assert_eq!(json["spec"]["includeClusterResources"], true);
        assert!(
            json["status"]["expiration"]
                .as_str()
                .unwrap()
                .ends_with('Z')
        );
        let back: Backup = serde_json::from_value(json).unwrap();
        assert_eq!(back, backup);
    }

    #[test]
    fn every_phase_is_in_the_crd_enum() {
        let schema = crd_schema("velero.io_backups.yaml");
        let allowed = schema["properties"]["status"]["properties"]["phase"]["enum"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(allowed.len(), 13);
        for phase in allowed {
            let parsed: BackupPhase = serde_json::from_value(phase.clone()).unwrap();
            assert_eq!(parsed.as_str(), phase.as_str().unwrap());
        }
    }

    #[test]
    fn storage_location_and_delete_request_match_their_crds() {
        let bsl_json = serde_json::json!({
            "apiVersion": "velero.io/v1", "kind": "BackupStorageLocation",
            "metadata": {"name": "default", "namespace": "velero"},
            "spec": {"provider": "aws", "default": true, "accessMode": "ReadWrite",
                     "objectStorage": {"bucket": "b", "prefix": "team"},
                     "credential": {"name": "creds", "key": "cloud"},
                     "config": {"region": "us-east-1", "s3ForcePathStyle": "true", "s3Url": "http://minio:9000"}},
            "status": {"phase": "Available", "lastValidationTime": "2026-01-01T00:00:00Z"}
        });
        let bsl: BackupStorageLocation = serde_json::from_value(bsl_json.clone()).unwrap();
        assert_eq!(serde_json::to_value(&bsl).unwrap(), bsl_json);
        assert!(
            validate(
                &crd_schema("velero.io_backupstoragelocations.yaml"),
                &bsl_json
            )
            .is_empty()
        );

        let mut backup = full_backup();
        backup.metadata.uid = Some("1234".into());
        let dbr = DeleteBackupRequest::for_backup(&backup);
        let json = serde_json::to_value(&dbr).unwrap();
        assert!(validate(&crd_schema("velero.io_deletebackuprequests.yaml"), &json).is_empty());
        assert_eq!(json["metadata"]["generateName"], "nightly-");
        assert_eq!(json["metadata"]["labels"][BACKUP_UID_LABEL], "1234");
    }

    #[test]
    fn long_label_values_are_shortened_like_velero() {
        let long = "a".repeat(70);
        let short = valid_label_value(&long);
        assert_eq!(short.len(), 63);
        assert!(short.starts_with(&"a".repeat(57)));
        assert_eq!(valid_label_value("short"), "short");
    }

    #[test]
    fn results_omit_empty_parts() {
        let mut results = BackupResults::default();
        results.errors.add(Some("shop"), "boom".into());
        results.warnings.add(None, "careful".into());
        let json = serde_json::to_value(&results).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"warnings": {"cluster": ["careful"]}, "errors": {"namespaces": {"shop": ["boom"]}}})
        );
        assert_eq!(results.errors.count(), 1);
    }
}
