//! A resource-snapshot schedule run by Velero: a `velero.io/v1` `Schedule` whose template is the
//! Backup spec `snapshot create` would submit, so Velero names (`<schedule>-<timestamp>`),
//! labels (`velero.io/schedule-name`) and expires its backups itself.

use kube::api::ObjectMeta;
use serde::{Deserialize, Serialize};

use crate::snapshot::types::BackupSpec;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    #[serde(default)]
    pub spec: ScheduleSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ScheduleStatus>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleSpec {
    pub schedule: String,
    pub template: BackupSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_owner_references_in_backup: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_immediately: Option<bool>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_backup: Option<k8s_openapi::apimachinery::pkg::apis::meta::v1::Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_skipped: Option<k8s_openapi::apimachinery::pkg::apis::meta::v1::Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_errors: Option<Vec<String>>,
}

impl Schedule {
    pub fn new(
        name: &str,
        namespace: &str,
        cron: &str,
        template: BackupSpec,
        paused: bool,
    ) -> Self {
        Schedule {
            api_version: "velero.io/v1".into(),
            kind: "Schedule".into(),
            metadata: ObjectMeta {
                name: Some(name.into()),
                namespace: Some(namespace.into()),
                labels: Some(
                    [(
                        super::MANAGED_BY_LABEL.to_string(),
                        super::MANAGED_BY.to_string(),
                    )]
                    .into(),
                ),
                ..Default::default()
            },
            spec: ScheduleSpec {
                schedule: cron.into(),
                template,
                paused: paused.then_some(true),
                use_owner_references_in_backup: None,
                skip_immediately: None,
            },
            status: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::collect::Selection;
    use crate::snapshot::schema_check::{crd_schema, validate};

    #[test]
    fn our_schedule_passes_the_upstream_crd_and_round_trips() {
        let selection = Selection {
            include_namespaces: vec!["shop".into(), "web-*".into()],
            selector: Some("app=db".into()),
            ..Default::default()
        };
        let template = crate::snapshot::create::backup_spec(
            &selection,
            std::time::Duration::from_secs(3600 * 24 * 7),
            "default",
        )
        .unwrap();
        let schedule = Schedule::new("nightly", "velero", "0 1 * * *", template, true);
        let json = serde_json::to_value(&schedule).unwrap();
        let errors = validate(&crd_schema("velero.io_schedules.yaml"), &json);
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(json["spec"]["template"]["ttl"], "168h0m0s");
        assert_eq!(json["spec"]["paused"], true);
        let back: Schedule = serde_json::from_value(json).unwrap();
        assert_eq!(back, schedule);
    }

    #[test]
    fn velero_written_schedules_are_read() {
        let text = r#"{"apiVersion":"velero.io/v1","kind":"Schedule","metadata":{"name":"daily","namespace":"velero"},
            "spec":{"schedule":"@every 24h","template":{"includedNamespaces":["*"],"ttl":"720h0m0s"},"useOwnerReferencesInBackup":false},
            "status":{"phase":"Enabled","lastBackup":"2026-12-06T01:00:00Z"}}"#;
        let schedule: Schedule = serde_json::from_str(text).unwrap();
        assert_eq!(schedule.status.unwrap().phase.as_deref(), Some("Enabled"));
    }
}
