//! Restoring `.status` (Velero's `restoreStatus`): off unless types are named
//! (`--status-include-resources`); the annotation `velero.io/restore-status: "true"|"false"` on
//! an object overrides the type rule. The status is written after the create, through the
//! status subresource; a failure is a warning, as in Velero.

use anyhow::{Result, bail};
use serde_json::Value;

use super::plan::ResourceFilter;

pub const RESTORE_STATUS_ANNOTATION: &str = "velero.io/restore-status";

/// `--status-include-resources` / `--status-exclude-resources`.
#[derive(Debug, Clone, Default)]
pub struct StatusFilter {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl StatusFilter {
    /// Velero's CLI sends `restoreStatus` only when types are included.
    pub fn enabled(&self) -> bool {
        !self.include.is_empty()
    }

    pub fn validate(&self) -> Result<()> {
        if !self.exclude.is_empty() && self.include.is_empty() {
            bail!(
                "--status-exclude-resources needs --status-include-resources (status is restored only for the types it names; '*' names all)"
            );
        }
        ResourceFilter::new(&self.include, &self.exclude, "status-resources")?;
        Ok(())
    }

    /// Compiled once per restore.
    pub fn rule(&self) -> Result<StatusRule> {
        self.validate()?;
        Ok(StatusRule {
            filter: self
                .enabled()
                .then(|| ResourceFilter::new(&self.include, &self.exclude, "status-resources"))
                .transpose()?,
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct StatusRule {
    filter: Option<ResourceFilter>,
}

impl StatusRule {
    /// The status to write back after creating `object` (read before it is stripped), if any.
    pub fn status_to_restore(&self, group_resource: &str, object: &Value) -> Option<Value> {
        let status = object.get("status").filter(|s| !s.is_null())?;
        let annotation = object
            .pointer("/metadata/annotations")
            .and_then(|a| a.get(RESTORE_STATUS_ANNOTATION))
            .and_then(Value::as_str);
        let wanted = match annotation {
            Some("true") => true,
            Some("false") => false,
            _ => self
                .filter
                .as_ref()
                .is_some_and(|f| f.matches(group_resource)),
        };
        wanted.then(|| status.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn types_and_annotation_decide() {
        let rule = StatusFilter {
            include: vec!["widgets.example.com".into(), "deployments".into()],
            exclude: vec![],
        }
        .rule()
        .unwrap();
        let widget = json!({"metadata": {"name": "w"}, "status": {"ready": true}});
        assert_eq!(
            rule.status_to_restore("widgets.example.com", &widget),
            Some(json!({"ready": true}))
        );
        assert!(
            rule.status_to_restore("deployments.apps", &widget)
                .is_some()
        );
        assert_eq!(rule.status_to_restore("configmaps", &widget), None);
        let opted_out = json!({"metadata": {"annotations": {"velero.io/restore-status": "false"}},
            "status": {"ready": true}});
        assert_eq!(
            rule.status_to_restore("widgets.example.com", &opted_out),
            None
        );
        let opted_in = json!({"metadata": {"annotations": {"velero.io/restore-status": "true"}},
            "status": {"x": 1}});
        assert!(
            StatusRule::default()
                .status_to_restore("configmaps", &opted_in)
                .is_some()
        );
        let no_status = json!({"metadata": {"name": "w"}});
        assert_eq!(
            rule.status_to_restore("widgets.example.com", &no_status),
            None
        );
        assert!(
            StatusFilter {
                include: vec![],
                exclude: vec!["pods".into()]
            }
            .validate()
            .is_err()
        );
    }
}
