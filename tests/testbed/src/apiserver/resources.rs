//! The resource types the server serves: the built-in ones and those of established CRDs.

use serde_json::Value;

pub const ALL_VERBS: &[&str] = &[
    "create",
    "delete",
    "deletecollection",
    "get",
    "list",
    "patch",
    "update",
    "watch",
];

/// Where a `/scale` subresource finds its numbers (CRD `subresources.scale`, or the built-in paths).
#[derive(Debug, Clone, PartialEq)]
pub struct ScalePaths {
    pub spec_replicas: String,
    pub status_replicas: String,
    pub label_selector: Option<String>,
}

impl ScalePaths {
    fn workload() -> Self {
        ScalePaths {
            spec_replicas: ".spec.replicas".into(),
            status_replicas: ".status.replicas".into(),
            label_selector: Some(".spec.selector".into()),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ResourceType {
    pub group: String,
    /// Served versions, preferred first.
    pub versions: Vec<String>,
    pub plural: String,
    pub singular: String,
    pub kind: String,
    pub list_kind: String,
    pub namespaced: bool,
    pub short_names: Vec<String>,
    pub categories: Vec<String>,
    pub verbs: Vec<String>,
    pub status: bool,
    pub scale: Option<ScalePaths>,
    /// Extra subresources advertised in discovery: (name, kind, verbs), e.g. `("log", "Pod", ["get"])`.
    pub extra_subresources: Vec<(String, String, Vec<String>)>,
    /// Built-in types: list items carry no `kind`/`apiVersion`, strategic merge patch works,
    /// updates without `resourceVersion` are unconditional.
    pub builtin: bool,
    /// Deletes answer with the object rather than a `Status`.
    pub returns_deleted_object: bool,
}

impl ResourceType {
    pub fn api_version(&self, version: &str) -> String {
        if self.group.is_empty() {
            version.to_string()
        } else {
            format!("{}/{version}", self.group)
        }
    }

    pub fn preferred_version(&self) -> &str {
        &self.versions[0]
    }

    pub fn serves(&self, version: &str) -> bool {
        self.versions.iter().any(|v| v == version)
    }

    pub fn allows(&self, verb: &str) -> bool {
        self.verbs.iter().any(|v| v == verb)
    }

    /// `pods`, `deployments.apps`.
    pub fn qualified(&self) -> String {
        super::status::qualified(&self.group, &self.plural)
    }
}

struct Def {
    group: &'static str,
    version: &'static str,
    plural: &'static str,
    kind: &'static str,
    namespaced: bool,
    short: &'static [&'static str],
    status: bool,
    scale: bool,
    categories: &'static [&'static str],
}

const fn def(
    group: &'static str,
    version: &'static str,
    plural: &'static str,
    kind: &'static str,
    namespaced: bool,
    short: &'static [&'static str],
) -> Def {
    Def {
        group,
        version,
        plural,
        kind,
        namespaced,
        short,
        status: false,
        scale: false,
        categories: &[],
    }
}

const fn with_status(mut d: Def) -> Def {
    d.status = true;
    d
}

const fn with_scale(mut d: Def) -> Def {
    d.status = true;
    d.scale = true;
    d
}

const fn in_all(mut d: Def) -> Def {
    d.categories = &["all"];
    d
}

const BUILTINS: &[Def] = &[
    with_status(def("", "v1", "namespaces", "Namespace", false, &["ns"])),
    with_status(def("", "v1", "nodes", "Node", false, &["no"])),
    in_all(with_status(def("", "v1", "pods", "Pod", true, &["po"]))),
    in_all(with_status(def(
        "",
        "v1",
        "services",
        "Service",
        true,
        &["svc"],
    ))),
    def("", "v1", "endpoints", "Endpoints", true, &["ep"]),
    def("", "v1", "configmaps", "ConfigMap", true, &["cm"]),
    def("", "v1", "secrets", "Secret", true, &[]),
    def("", "v1", "serviceaccounts", "ServiceAccount", true, &["sa"]),
    with_status(def(
        "",
        "v1",
        "persistentvolumeclaims",
        "PersistentVolumeClaim",
        true,
        &["pvc"],
    )),
    with_status(def(
        "",
        "v1",
        "persistentvolumes",
        "PersistentVolume",
        false,
        &["pv"],
    )),
    def("", "v1", "events", "Event", true, &["ev"]),
    in_all(with_scale(def(
        "",
        "v1",
        "replicationcontrollers",
        "ReplicationController",
        true,
        &["rc"],
    ))),
    def("", "v1", "limitranges", "LimitRange", true, &["limits"]),
    def("", "v1", "podtemplates", "PodTemplate", true, &[]),
    with_status(def(
        "",
        "v1",
        "resourcequotas",
        "ResourceQuota",
        true,
        &["quota"],
    )),
    in_all(with_scale(def(
        "apps",
        "v1",
        "deployments",
        "Deployment",
        true,
        &["deploy"],
    ))),
    in_all(with_scale(def(
        "apps",
        "v1",
        "statefulsets",
        "StatefulSet",
        true,
        &["sts"],
    ))),
    in_all(with_scale(def(
        "apps",
        "v1",
        "replicasets",
        "ReplicaSet",
        true,
        &["rs"],
    ))),
    in_all(with_status(def(
        "apps",
        "v1",
        "daemonsets",
        "DaemonSet",
        true,
        &["ds"],
    ))),
    def(
        "apps",
        "v1",
        "controllerrevisions",
        "ControllerRevision",
        true,
        &[],
    ),
    in_all(with_status(def("batch", "v1", "jobs", "Job", true, &[]))),
    in_all(with_status(def(
        "batch",
        "v1",
        "cronjobs",
        "CronJob",
        true,
        &["cj"],
    ))),
    def(
        "rbac.authorization.k8s.io",
        "v1",
        "roles",
        "Role",
        true,
        &[],
    ),
    def(
        "rbac.authorization.k8s.io",
        "v1",
        "rolebindings",
        "RoleBinding",
        true,
        &[],
    ),
    def(
        "rbac.authorization.k8s.io",
        "v1",
        "clusterroles",
        "ClusterRole",
        false,
        &[],
    ),
    def(
        "rbac.authorization.k8s.io",
        "v1",
        "clusterrolebindings",
        "ClusterRoleBinding",
        false,
        &[],
    ),
    with_status(def(
        "apiextensions.k8s.io",
        "v1",
        "customresourcedefinitions",
        "CustomResourceDefinition",
        false,
        &["crd", "crds"],
    )),
    def(
        "authorization.k8s.io",
        "v1",
        "selfsubjectaccessreviews",
        "SelfSubjectAccessReview",
        false,
        &[],
    ),
    def(
        "storage.k8s.io",
        "v1",
        "storageclasses",
        "StorageClass",
        false,
        &["sc"],
    ),
    def("coordination.k8s.io", "v1", "leases", "Lease", true, &[]),
    def("events.k8s.io", "v1", "events", "Event", true, &["ev"]),
];

/// Kubernetes' singular form: the lowercased kind.
fn singular(kind: &str) -> String {
    kind.to_lowercase()
}

pub fn builtins() -> Vec<ResourceType> {
    BUILTINS
        .iter()
        .map(|d| {
            let verbs: Vec<String> = if d.plural == "selfsubjectaccessreviews" {
                vec!["create".into()]
            } else {
                ALL_VERBS
                    .iter()
                    // Namespaces cannot be deleted as a collection.
                    .filter(|v| !(d.plural == "namespaces" && **v == "deletecollection"))
                    .map(|v| v.to_string())
                    .collect()
            };
            let mut extra = Vec::new();
            if d.plural == "pods" {
                extra.push((
                    "log".to_string(),
                    "Pod".to_string(),
                    vec!["get".to_string()],
                ));
                extra.push((
                    "exec".to_string(),
                    "PodExecOptions".to_string(),
                    vec!["create".to_string(), "get".to_string()],
                ));
            }
            if d.plural == "namespaces" {
                extra.push((
                    "finalize".to_string(),
                    "Namespace".to_string(),
                    vec!["update".to_string()],
                ));
            }
            ResourceType {
                group: d.group.to_string(),
                versions: vec![d.version.to_string()],
                plural: d.plural.to_string(),
                singular: singular(d.kind),
                kind: d.kind.to_string(),
                list_kind: format!("{}List", d.kind),
                namespaced: d.namespaced,
                short_names: d.short.iter().map(|s| s.to_string()).collect(),
                categories: d.categories.iter().map(|s| s.to_string()).collect(),
                verbs,
                status: d.status,
                scale: d.scale.then(ScalePaths::workload),
                extra_subresources: extra,
                builtin: true,
                returns_deleted_object: matches!(
                    d.plural,
                    "pods" | "namespaces" | "customresourcedefinitions" | "services"
                ),
            }
        })
        .collect()
}

/// The resource type a CRD defines, when the CRD is well-formed.
pub fn from_crd(crd: &Value) -> Option<ResourceType> {
    let spec = crd.get("spec")?;
    let names = spec.get("names")?;
    let plural = names.get("plural")?.as_str()?.to_string();
    let kind = names.get("kind")?.as_str()?.to_string();
    let group = spec.get("group")?.as_str()?.to_string();
    let versions: Vec<&Value> = spec
        .get("versions")?
        .as_array()?
        .iter()
        .filter(|v| v.get("served").and_then(Value::as_bool).unwrap_or(false))
        .collect();
    if versions.is_empty() {
        return None;
    }
    // Kubernetes sorts versions by "version priority" (GA > beta > alpha, then number);
    // the storage version is a good-enough stand-in for the preferred one here.
    let mut names_sorted: Vec<String> = versions
        .iter()
        .filter_map(|v| v.get("name")?.as_str().map(String::from))
        .collect();
    names_sorted.sort_by_key(|v| std::cmp::Reverse(version_priority(v)));
    let first = versions[0];
    let status = first.pointer("/subresources/status").is_some();
    let scale = first.pointer("/subresources/scale").map(|s| ScalePaths {
        spec_replicas: s
            .get("specReplicasPath")
            .and_then(Value::as_str)
            .unwrap_or(".spec.replicas")
            .to_string(),
        status_replicas: s
            .get("statusReplicasPath")
            .and_then(Value::as_str)
            .unwrap_or(".status.replicas")
            .to_string(),
        label_selector: s
            .get("labelSelectorPath")
            .and_then(Value::as_str)
            .map(String::from),
    });
    let strings = |key: &str| -> Vec<String> {
        names
            .get(key)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    Some(ResourceType {
        group,
        versions: names_sorted,
        singular: names
            .get("singular")
            .and_then(Value::as_str)
            .map(String::from)
            .unwrap_or_else(|| kind.to_lowercase()),
        list_kind: names
            .get("listKind")
            .and_then(Value::as_str)
            .map(String::from)
            .unwrap_or_else(|| format!("{kind}List")),
        plural,
        kind,
        namespaced: spec.get("scope").and_then(Value::as_str) != Some("Cluster"),
        short_names: strings("shortNames"),
        categories: strings("categories"),
        verbs: ALL_VERBS.iter().map(|v| v.to_string()).collect(),
        status,
        scale,
        extra_subresources: Vec::new(),
        builtin: false,
        // Custom resources answer a finished DELETE with a `Status`, as most built-in types do.
        returns_deleted_object: false,
    })
}

/// Kubernetes' version ordering: `v2` > `v1` > `v1beta2` > `v1beta1` > `v1alpha1` > anything else.
pub fn version_priority(v: &str) -> (u8, u32, u32) {
    let Some(rest) = v.strip_prefix('v') else {
        return (0, 0, 0);
    };
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let Ok(major) = digits.parse::<u32>() else {
        return (0, 0, 0);
    };
    let tail = &rest[digits.len()..];
    if tail.is_empty() {
        return (3, major, 0);
    }
    for (prefix, rank) in [("beta", 2u8), ("alpha", 1u8)] {
        if let Some(n) = tail.strip_prefix(prefix)
            && let Ok(minor) = n.parse::<u32>()
        {
            return (rank, major, minor);
        }
    }
    (0, 0, 0)
}
