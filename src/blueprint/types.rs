//! Kanister's Blueprint custom resource (`cr.kanister.io/v1alpha1`), field for field as upstream
//! serialises it (`pkg/apis/cr/v1alpha1/types.go`). `ObjectReference` and `Artifact` live here
//! because every Kanister resource shares them.

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub const GROUP: &str = "cr.kanister.io";
pub const VERSION: &str = "v1alpha1";
pub const API_VERSION: &str = "cr.kanister.io/v1alpha1";
pub const KIND: &str = "Blueprint";
pub const PLURAL: &str = "blueprints";

/// A Blueprint: named actions, each an ordered list of phases. There is no `spec`: `actions`
/// sits at the top level of the object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Blueprint {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub api_version: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    #[serde(default)]
    pub metadata: ObjectMeta,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub actions: BTreeMap<String, BlueprintAction>,
}

impl Blueprint {
    pub fn name(&self) -> &str {
        self.metadata.name.as_deref().unwrap_or("")
    }

    /// Every phase of every action, defer phases included, with the action it belongs to.
    pub fn all_phases(&self) -> impl Iterator<Item = (&str, &BlueprintPhase)> {
        self.actions.iter().flat_map(|(name, action)| {
            action
                .phases
                .iter()
                .chain(action.defer_phase.as_ref())
                .map(move |phase| (name.as_str(), phase))
        })
    }
}

/// One action (`backup`, `restore`, `delete`, …). `kind`, `configMapNames`, `secretNames` and
/// `inputArtifactNames` are documentation: Kanister enforces none of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BlueprintAction {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub config_map_names: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secret_names: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub input_artifact_names: Vec<String>,
    /// Artifact templates rendered once every phase and the defer phase succeeded.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub output_artifacts: BTreeMap<String, Artifact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<BlueprintPhase>,
    /// Cleanup phase that runs after the phases whether they succeeded or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defer_phase: Option<BlueprintPhase>,
}

/// One step of an action: a registered function and its templated arguments.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BlueprintPhase {
    #[serde(default)]
    pub func: String,
    #[serde(default)]
    pub name: String,
    /// Objects fetched before the phase runs; Secrets and ConfigMaps become
    /// `.Phases.<name>.Secrets.<key>` / `.ConfigMaps.<key>`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub objects: BTreeMap<String, ObjectReference>,
    /// Function arguments; the CRD preserves unknown fields here, so any JSON is kept.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub args: Map<String, Value>,
}

/// Kanister's reference to any Kubernetes object. Go writes every field but `namespace` even
/// when empty; we omit empty ones, which Kanister reads identically.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectReference {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub api_version: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub resource: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub namespace: String,
}

impl ObjectReference {
    /// `kind ns/name` (or `group/version/resource ns/name` for generic objects) for messages.
    pub fn describe(&self) -> String {
        let what = if !self.kind.is_empty() {
            self.kind.to_lowercase()
        } else if self.group.is_empty() {
            format!("{}/{}", self.api_version, self.resource)
        } else {
            format!("{}/{}/{}", self.group, self.api_version, self.resource)
        };
        if self.namespace.is_empty() {
            format!("{what} {}", self.name)
        } else {
            format!("{what} {}/{}", self.namespace, self.name)
        }
    }
}

/// An artifact: free-form key/value pairs, or a Kopia snapshot description.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Artifact {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub key_value: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kopia_snapshot: String,
}
