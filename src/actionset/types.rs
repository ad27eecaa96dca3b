//! Kanister's ActionSet custom resource (`cr.kanister.io/v1alpha1`): the request (`spec`) and the
//! controller's record of how it went (`status`), as upstream serialises them.

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, Time};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use crate::blueprint::types::{API_VERSION, Artifact, GROUP, ObjectReference, VERSION};

pub const KIND: &str = "ActionSet";
pub const PLURAL: &str = "actionsets";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionSet {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub api_version: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    #[serde(default)]
    pub metadata: ObjectMeta,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<ActionSetSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ActionSetStatus>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionSetSpec {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionSpec>,
}

/// One action to run: a Blueprint action applied to one object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionSpec {
    /// Key in the Blueprint's `actions` map.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub object: ObjectReference,
    /// Blueprint name, looked up in the ActionSet's namespace.
    #[serde(default)]
    pub blueprint: String,
    /// Input artifacts, exposed to templates as `.ArtifactsIn`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub artifacts: BTreeMap<String, Artifact>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub config_maps: BTreeMap<String, ObjectReference>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub secrets: BTreeMap<String, ObjectReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<ObjectReference>,
    /// Strategic-merge patch for every pod a function creates (unknown fields preserved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod_override: Option<Map<String, Value>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub preferred_version: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pod_labels: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pod_annotations: BTreeMap<String, String>,
}

/// Lifecycle state of an ActionSet or a phase; upstream writes them lowercase.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum State {
    /// Go's zero value `""`: not initialised yet.
    #[default]
    Unset,
    Pending,
    Running,
    Failed,
    Complete,
    /// Anything else a newer controller might write, kept verbatim.
    Other(String),
}

impl State {
    pub fn as_str(&self) -> &str {
        match self {
            State::Unset => "",
            State::Pending => "pending",
            State::Running => "running",
            State::Failed => "failed",
            State::Complete => "complete",
            State::Other(s) => s,
        }
    }

    pub fn is_final(&self) -> bool {
        matches!(self, State::Failed | State::Complete)
    }
}

impl From<String> for State {
    fn from(s: String) -> Self {
        match s.as_str() {
            "" => State::Unset,
            "pending" => State::Pending,
            "running" => State::Running,
            "failed" => State::Failed,
            "complete" => State::Complete,
            _ => State::Other(s),
        }
    }
}

impl From<State> for String {
    fn from(s: State) -> Self {
        s.as_str().to_string()
    }
}

impl std::fmt::Display for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionSetStatus {
    #[serde(default)]
    pub state: State,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionStatus>,
    #[serde(default, skip_serializing_if = "StatusError::is_empty")]
    pub error: StatusError,
    #[serde(default, skip_serializing_if = "ActionProgress::is_empty")]
    pub progress: ActionProgress,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusError {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

impl StatusError {
    pub fn is_empty(&self) -> bool {
        self.message.is_empty()
    }
}

/// Aggregate progress over every phase of every action.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionProgress {
    /// The phase executing now; `""` when done.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub running_phase: String,
    /// A string integer, `"0"`–`"100"`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub percent_completed: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub size_downloaded_b: i64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub size_uploaded_b: i64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub estimated_download_size_b: i64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub estimated_upload_size_b: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_transition_time: Option<Time>,
}

impl ActionProgress {
    pub fn is_empty(&self) -> bool {
        *self == ActionProgress::default()
    }
}

/// Status of one `spec.actions[i]`, at the same index.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionStatus {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub object: ObjectReference,
    #[serde(default)]
    pub blueprint: String,
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// Always present; its name is `""` when the Blueprint action has no defer phase.
    #[serde(default)]
    pub defer_phase: Phase,
    /// The Blueprint's `outputArtifacts` templates until every phase succeeded, then the
    /// rendered values. Final only when the ActionSet is `complete`.
    #[serde(default)]
    pub artifacts: BTreeMap<String, Artifact>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub state: State,
    /// What the function returned (for KubeTask: the `kando output` pairs).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub output: Map<String, Value>,
    #[serde(default, skip_serializing_if = "PhaseProgress::is_empty")]
    pub progress: PhaseProgress,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhaseProgress {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub progress_percent: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub size_downloaded_b: i64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub size_uploaded_b: i64,
    /// Upstream's Go tag is misspelt `estinatedTimeSeconds` (and the API server prunes it, the
    /// CRD knowing only the right spelling): read both, write the one the schema keeps.
    #[serde(
        default,
        alias = "estinatedTimeSeconds",
        skip_serializing_if = "is_zero"
    )]
    pub estimated_time_seconds: i64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub estimated_download_size_b: i64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub estimated_upload_size_b: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_transition_time: Option<Time>,
}

impl PhaseProgress {
    pub fn is_empty(&self) -> bool {
        *self == PhaseProgress::default()
    }
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}
