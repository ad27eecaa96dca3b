//! What an action runs on and with, as kanctl's flags spell it, and the same parsed: one
//! reading shared by `actionset create` (the ActionSet spec) and `blueprint render`, so both
//! accept and refuse the same values with the same messages.

use std::collections::BTreeMap;

use anyhow::{Result, anyhow};

use super::targets;
use super::types::{Artifact, ObjectReference};

/// The flag values, unparsed (`NS/NAME`, `KEY=NS/NAME`, `KEY=VALUE`, `NAME.KEY=VALUE`); each
/// list may also hold comma-separated values.
#[derive(Debug, Clone, Default)]
pub struct TargetFlags {
    pub statefulset: Vec<String>,
    pub deployment: Vec<String>,
    pub deploymentconfig: Vec<String>,
    pub pvc: Vec<String>,
    pub namespace_targets: Vec<String>,
    pub objects: Vec<String>,
    /// `[NS/]NAME` of a Profile.
    pub profile: Option<String>,
    pub secrets: Vec<String>,
    pub config_maps: Vec<String>,
    pub options: Vec<String>,
    pub artifacts: Vec<String>,
}

/// The flags, parsed.
#[derive(Debug, Clone, Default)]
pub struct ActionInputs {
    pub subjects: Vec<ObjectReference>,
    /// `[NS/]NAME`; the namespace is filled in where the action is created.
    pub profile: Option<String>,
    pub secrets: BTreeMap<String, ObjectReference>,
    pub config_maps: BTreeMap<String, ObjectReference>,
    pub options: BTreeMap<String, String>,
    pub artifacts: BTreeMap<String, Artifact>,
}

impl TargetFlags {
    /// The objects the action runs on, in flag order.
    pub fn subjects(&self) -> Result<Vec<ObjectReference>> {
        let mut out = Vec::new();
        for (kind, values, flag) in [
            (targets::STATEFULSET, &self.statefulset, "--statefulset"),
            (targets::DEPLOYMENT, &self.deployment, "--deployment"),
            (
                targets::DEPLOYMENTCONFIG,
                &self.deploymentconfig,
                "--deploymentconfig",
            ),
            (targets::PVC, &self.pvc, "--pvc"),
        ] {
            out.extend(targets::parse_workloads(kind, values, flag)?);
        }
        out.extend(targets::parse_namespaces(&self.namespace_targets));
        out.extend(targets::parse_generic(&self.objects)?);
        Ok(out)
    }

    pub fn parse(&self) -> Result<ActionInputs> {
        Ok(ActionInputs {
            subjects: self.subjects()?,
            profile: self.profile.clone(),
            secrets: targets::parse_named_refs(&self.secrets, "secret", "--secrets")?,
            config_maps: targets::parse_named_refs(
                &self.config_maps,
                "configmap",
                "--config-maps",
            )?,
            options: targets::parse_key_values(&self.options, "--options")?,
            artifacts: parse_artifacts(&self.artifacts)?,
        })
    }
}

/// `NAME.KEY=VALUE` input artifacts; `NAME.kopiaSnapshot` is the artifact's Kopia snapshot.
fn parse_artifacts(values: &[String]) -> Result<BTreeMap<String, Artifact>> {
    let mut artifacts: BTreeMap<String, Artifact> = BTreeMap::new();
    for (name_key, value) in targets::parse_key_values(values, "--artifacts")? {
        let (name, key) = name_key
            .split_once('.')
            .ok_or_else(|| anyhow!("--artifacts {name_key}={value}: expected NAME.KEY=VALUE"))?;
        let artifact = artifacts.entry(name.to_string()).or_default();
        if key == "kopiaSnapshot" {
            artifact.kopia_snapshot = value;
        } else {
            artifact.key_value.insert(key.to_string(), value);
        }
    }
    Ok(artifacts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_keep_flag_order_and_artifacts_split_name_and_key() {
        let flags = TargetFlags {
            statefulset: vec!["db/mysql".into()],
            pvc: vec!["db/data".into()],
            namespace_targets: vec!["apps".into()],
            artifacts: vec!["dump.path=/x".into(), "dump.kopiaSnapshot=abc".into()],
            ..TargetFlags::default()
        };
        let inputs = flags.parse().unwrap();
        let kinds: Vec<&str> = inputs.subjects.iter().map(|s| s.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [targets::STATEFULSET, targets::PVC, targets::NAMESPACE]
        );
        let dump = &inputs.artifacts["dump"];
        assert_eq!(dump.kopia_snapshot, "abc");
        assert_eq!(dump.key_value["path"], "/x");
        let bad = TargetFlags {
            artifacts: vec!["dump=/x".into()],
            ..TargetFlags::default()
        };
        assert_eq!(
            bad.parse().unwrap_err().to_string(),
            "--artifacts dump=/x: expected NAME.KEY=VALUE"
        );
    }
}
