//! Kanister's template parameters (`param.TemplateParams`) with the Go shapes and field names
//! templates see: `.StatefulSet.Pods`, `.Secrets.x.Data.y` (bytes), `.Profile.Credential.KeyPair.ID`…
//!
//! [`TemplateParams::build`] converts them once into render [`Data`];
//! [`TemplateParams::build_redacted`] does the same with every secret value and credential
//! replaced by [`REDACTED`], for showing rendered arguments without leaking them.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::Data;
use super::dates::utc_time;
use super::value::{Elem, GoMap, GoStruct, JsonTag, Value, from_json, list, map_of, nil, nil_ptr};

/// What secret values and credentials render as in redacted mode.
pub const REDACTED: &str = "<redacted>";

/// `.StatefulSet`, `.Deployment` and `.DeploymentConfig`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WorkloadParams {
    pub name: String,
    pub namespace: String,
    /// Running pods owned by the workload.
    pub pods: Vec<String>,
    /// Container names per pod, in pod order.
    pub containers: Vec<Vec<String>>,
    /// pod → (PVC name → mount path).
    pub persistent_volume_claims: BTreeMap<String, BTreeMap<String, String>>,
}

impl WorkloadParams {
    pub fn new(name: &str, namespace: &str) -> WorkloadParams {
        WorkloadParams {
            name: name.into(),
            namespace: namespace.into(),
            ..Default::default()
        }
    }

    fn to_value(&self, type_name: &'static str) -> Value {
        let pods = list(self.pods.iter().map(|p| Value::from(p.as_str())).collect());
        let containers = list(
            self.containers
                .iter()
                .map(|c| list(c.iter().map(|x| Value::from(x.as_str())).collect()))
                .collect(),
        );
        let pvcs = map_of(
            Elem::Named("map[string]string"),
            self.persistent_volume_claims
                .iter()
                .map(|(pod, m)| (pod.clone(), string_map(m)))
                .collect(),
        );
        GoStruct::new(type_name)
            .field("Name", Value::from(self.name.as_str()))
            .field("Namespace", Value::from(self.namespace.as_str()))
            .field("Pods", pods)
            .field("Containers", containers)
            .field("PersistentVolumeClaims", pvcs)
            .into_ptr()
    }
}

/// An input artifact (`.ArtifactsIn.<name>`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArtifactParams {
    pub key_value: BTreeMap<String, String>,
    pub kopia_snapshot: String,
}

impl ArtifactParams {
    fn to_value(&self) -> Value {
        GoStruct::new("v1alpha1.Artifact")
            .tagged("KeyValue", "keyValue", true, string_map(&self.key_value))
            .tagged(
                "KopiaSnapshot",
                "kopiaSnapshot",
                true,
                Value::from(self.kopia_snapshot.as_str()),
            )
            .into_value()
    }
}

/// Object metadata shared by Secrets and ConfigMaps (`.Secrets.x.Name` is promoted from it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectMetaParams {
    pub name: String,
    pub namespace: String,
    pub uid: String,
    pub resource_version: String,
    pub labels: BTreeMap<String, String>,
    pub annotations: BTreeMap<String, String>,
    pub creation_timestamp: Option<DateTime<Utc>>,
}

impl ObjectMetaParams {
    fn from_k8s(
        m: &k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta,
    ) -> ObjectMetaParams {
        ObjectMetaParams {
            name: m.name.clone().unwrap_or_default(),
            namespace: m.namespace.clone().unwrap_or_default(),
            uid: m.uid.clone().unwrap_or_default(),
            resource_version: m.resource_version.clone().unwrap_or_default(),
            labels: m.labels.clone().unwrap_or_default(),
            annotations: m.annotations.clone().unwrap_or_default(),
            creation_timestamp: m.creation_timestamp.as_ref().and_then(|t| {
                DateTime::<Utc>::from_timestamp(
                    t.0.as_second(),
                    t.0.subsec_nanosecond().max(0) as u32,
                )
            }),
        }
    }

    fn to_value(&self) -> Value {
        let s = |v: &str| Value::from(v);
        let created = match self.creation_timestamp {
            Some(t) => Value::from_object(utc_time(t)),
            None => nil(),
        };
        GoStruct::new("v1.ObjectMeta")
            .tagged("Name", "name", true, s(&self.name))
            .tagged("GenerateName", "generateName", true, s(""))
            .tagged("Namespace", "namespace", true, s(&self.namespace))
            .tagged("SelfLink", "selfLink", true, s(""))
            .tagged("UID", "uid", true, s(&self.uid))
            .tagged(
                "ResourceVersion",
                "resourceVersion",
                true,
                s(&self.resource_version),
            )
            .tagged("Generation", "generation", true, Value::from(0i64))
            .tagged("CreationTimestamp", "creationTimestamp", false, created)
            .tagged(
                "DeletionTimestamp",
                "deletionTimestamp",
                true,
                nil_ptr("*v1.Time"),
            )
            .tagged(
                "DeletionGracePeriodSeconds",
                "deletionGracePeriodSeconds",
                true,
                nil_ptr("*int64"),
            )
            .tagged("Labels", "labels", true, opt_string_map(&self.labels))
            .tagged(
                "Annotations",
                "annotations",
                true,
                opt_string_map(&self.annotations),
            )
            .tagged("OwnerReferences", "ownerReferences", true, list(Vec::new()))
            .tagged("Finalizers", "finalizers", true, list(Vec::new()))
            .tagged("ManagedFields", "managedFields", true, list(Vec::new()))
            .into_value()
    }
}

fn type_meta(kind: &str, api_version: &str) -> Value {
    GoStruct::new("v1.TypeMeta")
        .tagged("Kind", "kind", true, Value::from(kind))
        .tagged("APIVersion", "apiVersion", true, Value::from(api_version))
        .into_value()
}

/// A Secret as templates see it (`v1.Secret`): `Data` values are bytes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SecretParams {
    pub kind: String,
    pub api_version: String,
    pub metadata: ObjectMetaParams,
    pub type_: String,
    pub data: BTreeMap<String, Vec<u8>>,
    pub string_data: BTreeMap<String, String>,
}

impl SecretParams {
    pub fn new(name: &str, namespace: &str) -> SecretParams {
        SecretParams {
            metadata: ObjectMetaParams {
                name: name.into(),
                namespace: namespace.into(),
                ..Default::default()
            },
            type_: "Opaque".into(),
            ..Default::default()
        }
    }

    /// Adds one `data` entry.
    pub fn with(mut self, key: &str, value: impl AsRef<[u8]>) -> SecretParams {
        self.data.insert(key.into(), value.as_ref().to_vec());
        self
    }

    /// From a fetched Secret. Kubernetes' client leaves kind/apiVersion empty, as Go's does.
    pub fn from_k8s(s: &k8s_openapi::api::core::v1::Secret) -> SecretParams {
        SecretParams {
            kind: String::new(),
            api_version: String::new(),
            metadata: ObjectMetaParams::from_k8s(&s.metadata),
            type_: s.type_.clone().unwrap_or_default(),
            data: s
                .data
                .as_ref()
                .map(|d| d.iter().map(|(k, v)| (k.clone(), v.0.clone())).collect())
                .unwrap_or_default(),
            string_data: s.string_data.clone().unwrap_or_default(),
        }
    }

    fn to_value(&self, redact: bool) -> Value {
        let data: BTreeMap<String, Value> = self
            .data
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    Value::from_bytes(if redact {
                        REDACTED.as_bytes().to_vec()
                    } else {
                        v.clone()
                    }),
                )
            })
            .collect();
        let string_data: BTreeMap<String, String> = self
            .string_data
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    if redact {
                        REDACTED.to_string()
                    } else {
                        v.clone()
                    },
                )
            })
            .collect();
        let data = if self.data.is_empty() {
            Value::from_object(GoMap::nil(Elem::Bytes))
        } else {
            map_of(Elem::Bytes, data)
        };
        GoStruct::new("v1.Secret")
            .embed(
                "TypeMeta",
                JsonTag::Inline,
                type_meta(&self.kind, &self.api_version),
            )
            .embed(
                "ObjectMeta",
                JsonTag::Named("metadata", true),
                self.metadata.to_value(),
            )
            .tagged("Immutable", "immutable", true, nil_ptr("*bool"))
            .tagged("Data", "data", true, data)
            .tagged(
                "StringData",
                "stringData",
                true,
                opt_string_map(&string_data),
            )
            .tagged("Type", "type", true, Value::from(self.type_.as_str()))
            .into_value()
    }
}

/// A ConfigMap as templates see it (`v1.ConfigMap`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConfigMapParams {
    pub kind: String,
    pub api_version: String,
    pub metadata: ObjectMetaParams,
    pub data: BTreeMap<String, String>,
    pub binary_data: BTreeMap<String, Vec<u8>>,
}

impl ConfigMapParams {
    pub fn new(name: &str, namespace: &str) -> ConfigMapParams {
        ConfigMapParams {
            metadata: ObjectMetaParams {
                name: name.into(),
                namespace: namespace.into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    pub fn with(mut self, key: &str, value: &str) -> ConfigMapParams {
        self.data.insert(key.into(), value.into());
        self
    }

    pub fn from_k8s(c: &k8s_openapi::api::core::v1::ConfigMap) -> ConfigMapParams {
        ConfigMapParams {
            kind: String::new(),
            api_version: String::new(),
            metadata: ObjectMetaParams::from_k8s(&c.metadata),
            data: c.data.clone().unwrap_or_default(),
            binary_data: c
                .binary_data
                .as_ref()
                .map(|d| d.iter().map(|(k, v)| (k.clone(), v.0.clone())).collect())
                .unwrap_or_default(),
        }
    }

    fn to_value(&self) -> Value {
        let binary = if self.binary_data.is_empty() {
            Value::from_object(GoMap::nil(Elem::Bytes))
        } else {
            map_of(
                Elem::Bytes,
                self.binary_data
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from_bytes(v.clone())))
                    .collect(),
            )
        };
        GoStruct::new("v1.ConfigMap")
            .embed(
                "TypeMeta",
                JsonTag::Inline,
                type_meta(&self.kind, &self.api_version),
            )
            .embed(
                "ObjectMeta",
                JsonTag::Named("metadata", true),
                self.metadata.to_value(),
            )
            .tagged("Immutable", "immutable", true, nil_ptr("*bool"))
            .tagged("Data", "data", true, opt_string_map(&self.data))
            .tagged("BinaryData", "binaryData", true, binary)
            .into_value()
    }
}

/// `.Profile.Location` (JSON keys are the CRD's lowercase tags).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileLocation {
    /// `s3Compliant`, `gcs`, `azure` or `kopia`.
    pub type_: String,
    pub bucket: String,
    pub endpoint: String,
    pub prefix: String,
    pub region: String,
}

/// `.Profile.Credential.KeyPair`: the resolved ID and secret.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyPair {
    pub id: String,
    pub secret: String,
}

/// `.Profile.Credential.KopiaServerSecret`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KopiaServerCreds {
    pub username: String,
    pub hostname: String,
    pub password: String,
    pub cert: String,
    pub connect_options: BTreeMap<String, i64>,
}

/// `.Profile.Credential`, with credentials resolved to their values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileCredential {
    /// `keyPair`, `secret` or `kopia`.
    pub type_: String,
    pub key_pair: Option<KeyPair>,
    pub secret: Option<SecretParams>,
    pub kopia_server_secret: Option<KopiaServerCreds>,
}

/// `.Profile` (`param.Profile`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileParams {
    pub location: ProfileLocation,
    pub credential: ProfileCredential,
    pub skip_ssl_verify: bool,
}

impl ProfileParams {
    fn to_value(&self, redact: bool) -> Value {
        let hide = |v: &str| Value::from(if redact { REDACTED } else { v });
        let l = &self.location;
        let location = GoStruct::new("v1alpha1.Location")
            .tagged("Type", "type", false, Value::from(l.type_.as_str()))
            .tagged("Bucket", "bucket", false, Value::from(l.bucket.as_str()))
            .tagged(
                "Endpoint",
                "endpoint",
                false,
                Value::from(l.endpoint.as_str()),
            )
            .tagged("Prefix", "prefix", false, Value::from(l.prefix.as_str()))
            .tagged("Region", "region", false, Value::from(l.region.as_str()))
            .into_value();
        let c = &self.credential;
        let key_pair = match &c.key_pair {
            Some(kp) => GoStruct::new("param.KeyPair")
                .field("ID", hide(&kp.id))
                .field("Secret", hide(&kp.secret))
                .into_ptr(),
            None => nil_ptr("*param.KeyPair"),
        };
        let secret = match &c.secret {
            Some(s) => super::value::GoPtr(s.to_value(redact)).into_value(),
            None => nil_ptr("*v1.Secret"),
        };
        let kopia = match &c.kopia_server_secret {
            Some(k) => GoStruct::new("param.KopiaServerCreds")
                .field("Username", Value::from(k.username.as_str()))
                .field("Hostname", Value::from(k.hostname.as_str()))
                .field("Password", hide(&k.password))
                .field("Cert", hide(&k.cert))
                .field(
                    "ConnectOptions",
                    map_of(
                        Elem::Named("int"),
                        k.connect_options
                            .iter()
                            .map(|(n, v)| (n.clone(), Value::from(*v)))
                            .collect(),
                    ),
                )
                .into_ptr(),
            None => nil_ptr("*param.KopiaServerCreds"),
        };
        let credential = GoStruct::new("param.Credential")
            .field("Type", Value::from(c.type_.as_str()))
            .field("KeyPair", key_pair)
            .field("Secret", secret)
            .field("KopiaServerSecret", kopia)
            .into_value();
        GoStruct::new("param.Profile")
            .field("Location", location)
            .field("Credential", credential)
            .field("SkipSSLVerify", Value::from(self.skip_ssl_verify))
            .into_ptr()
    }
}

/// `.Phases.<name>` and `.DeferPhase`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PhaseParams {
    pub secrets: BTreeMap<String, SecretParams>,
    pub config_maps: BTreeMap<String, ConfigMapParams>,
    /// The phase's output once it succeeded (`None` before: `.Output` is a nil map).
    pub output: Option<serde_json::Map<String, serde_json::Value>>,
}

impl PhaseParams {
    pub(crate) fn to_value(&self, redact: bool) -> Value {
        let output = match &self.output {
            Some(o) => map_of(
                Elem::Any,
                o.iter().map(|(k, v)| (k.clone(), from_json(v))).collect(),
            ),
            None => Value::from_object(GoMap::nil(Elem::Any)),
        };
        GoStruct::new("param.Phase")
            .field("Secrets", secrets_map(&self.secrets, redact))
            .field("ConfigMaps", config_maps_map(&self.config_maps))
            .field("Output", output)
            .into_ptr()
    }
}

/// Kanister's `param.TemplateParams`. Fields left `None`/empty are nil in the template, as in Go.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TemplateParams {
    pub stateful_set: Option<WorkloadParams>,
    pub deployment_config: Option<WorkloadParams>,
    pub deployment: Option<WorkloadParams>,
    /// `.PVC` (`{Name, Namespace}`).
    pub pvc: Option<(String, String)>,
    /// `.Namespace` (`{Name, Namespace}`).
    pub namespace: Option<(String, String)>,
    pub artifacts_in: BTreeMap<String, ArtifactParams>,
    pub config_maps: BTreeMap<String, ConfigMapParams>,
    pub secrets: BTreeMap<String, SecretParams>,
    /// `.Time`: UTC, RFC 3339 with nanoseconds, fixed once per action.
    pub time: String,
    pub profile: Option<ProfileParams>,
    pub options: BTreeMap<String, String>,
    /// `.Object`: the action's unstructured object.
    pub object: serde_json::Value,
    pub phases: BTreeMap<String, PhaseParams>,
    pub defer_phase: Option<PhaseParams>,
    pub pod_override: Option<serde_json::Map<String, serde_json::Value>>,
    pub pod_annotations: BTreeMap<String, String>,
    pub pod_labels: BTreeMap<String, String>,
}

/// Go's `time.Now().UTC().Format(time.RFC3339Nano)`, the format of `.Time`.
pub fn format_time_param(t: DateTime<Utc>) -> String {
    super::dates::format_go_time(&utc_time(t), "2006-01-02T15:04:05.999999999Z07:00")
}

impl TemplateParams {
    /// Sets `.Time` from an instant.
    pub fn set_time(&mut self, t: DateTime<Utc>) {
        self.time = format_time_param(t);
    }

    /// The render data (`.`).
    pub fn build(&self) -> Data {
        Data {
            value: self.to_value(false),
            redacted: false,
        }
    }

    /// The render data with every Secret value and Profile credential replaced by [`REDACTED`].
    pub fn build_redacted(&self) -> Data {
        Data {
            value: self.to_value(true),
            redacted: true,
        }
    }

    fn to_value(&self, redact: bool) -> Value {
        let workload = |w: &Option<WorkloadParams>, ptr: &'static str, ty: &'static str| match w {
            Some(w) => w.to_value(ty),
            None => nil_ptr(ptr),
        };
        let pair = |p: &Option<(String, String)>, ptr: &'static str, ty: &'static str| match p {
            Some((n, ns)) => GoStruct::new(ty)
                .field("Name", Value::from(n.as_str()))
                .field("Namespace", Value::from(ns.as_str()))
                .into_ptr(),
            None => nil_ptr(ptr),
        };
        let artifacts = map_of(
            Elem::Named("v1alpha1.Artifact"),
            self.artifacts_in
                .iter()
                .map(|(k, a)| (k.clone(), a.to_value()))
                .collect(),
        );
        let profile = match &self.profile {
            Some(p) => p.to_value(redact),
            None => nil_ptr("*param.Profile"),
        };
        let object = match &self.object {
            serde_json::Value::Null => Value::from_object(GoMap::nil(Elem::Any)),
            o => from_json(o),
        };
        let phases = map_of(
            Elem::Named("*param.Phase"),
            self.phases
                .iter()
                .map(|(k, p)| (k.clone(), p.to_value(redact)))
                .collect(),
        );
        let defer_phase = match &self.defer_phase {
            Some(p) => p.to_value(redact),
            None => nil_ptr("*param.Phase"),
        };
        let pod_override = match &self.pod_override {
            Some(o) => map_of(
                Elem::Any,
                o.iter().map(|(k, v)| (k.clone(), from_json(v))).collect(),
            ),
            None => Value::from_object(GoMap::nil(Elem::Any)),
        };
        GoStruct::new("param.TemplateParams")
            .field(
                "StatefulSet",
                workload(
                    &self.stateful_set,
                    "*param.StatefulSetParams",
                    "param.StatefulSetParams",
                ),
            )
            .field(
                "DeploymentConfig",
                workload(
                    &self.deployment_config,
                    "*param.DeploymentConfigParams",
                    "param.DeploymentConfigParams",
                ),
            )
            .field(
                "Deployment",
                workload(
                    &self.deployment,
                    "*param.DeploymentParams",
                    "param.DeploymentParams",
                ),
            )
            .field(
                "PVC",
                pair(&self.pvc, "*param.PVCParams", "param.PVCParams"),
            )
            .field(
                "Namespace",
                pair(
                    &self.namespace,
                    "*param.NamespaceParams",
                    "param.NamespaceParams",
                ),
            )
            .field("ArtifactsIn", artifacts)
            .field("ConfigMaps", config_maps_map(&self.config_maps))
            .field("Secrets", secrets_map(&self.secrets, redact))
            .field("Time", Value::from(self.time.as_str()))
            .field("Profile", profile)
            .field("Options", opt_string_map(&self.options))
            .field("Object", object)
            // Kanister sets CurrentPhase only after a phase's arguments are rendered (for the
            // function's own use), so templates always see a nil *param.Phase.
            .field("CurrentPhase", nil_ptr("*param.Phase"))
            .field("Phases", phases)
            .field("DeferPhase", defer_phase)
            .field("PodOverride", pod_override)
            .field("PodAnnotations", opt_string_map(&self.pod_annotations))
            .field("PodLabels", opt_string_map(&self.pod_labels))
            .into_ptr()
    }
}

/// The zero value of a parameter struct type, for `index` on a missing key of a typed map
/// (`index .ArtifactsIn "x"` yields an empty Artifact in Go, not nil).
pub(crate) fn zero_struct(type_name: &str) -> Option<Value> {
    match type_name {
        "v1alpha1.Artifact" => Some(ArtifactParams::default().to_value()),
        "v1.Secret" => Some(SecretParams::default().to_value(false)),
        "v1.ConfigMap" => Some(ConfigMapParams::default().to_value()),
        _ => None,
    }
}

fn string_map(m: &BTreeMap<String, String>) -> Value {
    map_of(
        Elem::String,
        m.iter()
            .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
            .collect(),
    )
}

/// A `map[string]string` that is nil when empty (how Go leaves unset maps).
fn opt_string_map(m: &BTreeMap<String, String>) -> Value {
    if m.is_empty() {
        Value::from_object(GoMap::nil(Elem::String))
    } else {
        string_map(m)
    }
}

fn secrets_map(m: &BTreeMap<String, SecretParams>, redact: bool) -> Value {
    map_of(
        Elem::Named("v1.Secret"),
        m.iter()
            .map(|(k, s)| (k.clone(), s.to_value(redact)))
            .collect(),
    )
}

fn config_maps_map(m: &BTreeMap<String, ConfigMapParams>) -> Value {
    map_of(
        Elem::Named("v1.ConfigMap"),
        m.iter().map(|(k, c)| (k.clone(), c.to_value())).collect(),
    )
}
