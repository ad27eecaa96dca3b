//! Resource names as kubectl accepts them (plural, `RESOURCE.GROUP`, singular, Kind, short
//! names), mapped to where kube-apiserver keeps the objects in etcd. Built-in types come from a
//! table of the resources a v1.36 API server stores; custom resources from the
//! CustomResourceDefinitions found in the snapshot itself.

use serde_json::Value as Json;

/// One storable resource type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceType {
    pub group: String,
    pub plural: String,
    pub singular: String,
    pub kind: String,
    pub short_names: Vec<String>,
    pub namespaced: bool,
    /// The key directory under the etcd prefix: `deployments`, `services/specs`,
    /// `cert-manager.io/certificates`.
    pub etcd_dir: String,
}

impl ResourceType {
    /// `deployments.apps`, `configmaps`.
    pub fn group_resource(&self) -> String {
        if self.group.is_empty() {
            self.plural.clone()
        } else {
            format!("{}.{}", self.plural, self.group)
        }
    }

    fn answers_to(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        self.plural == name
            || self.singular == name
            || self.kind.to_lowercase() == name
            || self.short_names.contains(&name)
    }
}

/// Built-in resources kube-apiserver v1.36 stores: (group, plural, Kind, short names,
/// namespaced, etcd directory when it is not the plural). Built-in groups keep their objects
/// under `/registry/<plural>/`, except for the historical names below and the two groups served
/// by the apiextensions and aggregator servers, which use `/registry/<group>/<plural>/`.
const BUILT_IN: &[(&str, &str, &str, &str, bool, &str)] = &[
    ("", "configmaps", "ConfigMap", "cm", true, ""),
    (
        "",
        "endpoints",
        "Endpoints",
        "ep",
        true,
        "services/endpoints",
    ),
    ("", "events", "Event", "ev", true, ""),
    ("", "limitranges", "LimitRange", "limits", true, ""),
    ("", "namespaces", "Namespace", "ns", false, ""),
    ("", "nodes", "Node", "no", false, "minions"),
    (
        "",
        "persistentvolumeclaims",
        "PersistentVolumeClaim",
        "pvc",
        true,
        "",
    ),
    ("", "persistentvolumes", "PersistentVolume", "pv", false, ""),
    ("", "pods", "Pod", "po", true, ""),
    ("", "podtemplates", "PodTemplate", "", true, ""),
    (
        "",
        "replicationcontrollers",
        "ReplicationController",
        "rc",
        true,
        "controllers",
    ),
    ("", "resourcequotas", "ResourceQuota", "quota", true, ""),
    ("", "secrets", "Secret", "", true, ""),
    ("", "serviceaccounts", "ServiceAccount", "sa", true, ""),
    ("", "services", "Service", "svc", true, "services/specs"),
    (
        "admissionregistration.k8s.io",
        "mutatingwebhookconfigurations",
        "MutatingWebhookConfiguration",
        "",
        false,
        "",
    ),
    (
        "admissionregistration.k8s.io",
        "validatingwebhookconfigurations",
        "ValidatingWebhookConfiguration",
        "",
        false,
        "",
    ),
    (
        "admissionregistration.k8s.io",
        "validatingadmissionpolicies",
        "ValidatingAdmissionPolicy",
        "",
        false,
        "",
    ),
    (
        "admissionregistration.k8s.io",
        "validatingadmissionpolicybindings",
        "ValidatingAdmissionPolicyBinding",
        "",
        false,
        "",
    ),
    (
        "admissionregistration.k8s.io",
        "mutatingadmissionpolicies",
        "MutatingAdmissionPolicy",
        "",
        false,
        "",
    ),
    (
        "admissionregistration.k8s.io",
        "mutatingadmissionpolicybindings",
        "MutatingAdmissionPolicyBinding",
        "",
        false,
        "",
    ),
    (
        "apiextensions.k8s.io",
        "customresourcedefinitions",
        "CustomResourceDefinition",
        "crd,crds",
        false,
        "apiextensions.k8s.io/customresourcedefinitions",
    ),
    (
        "apiregistration.k8s.io",
        "apiservices",
        "APIService",
        "",
        false,
        "apiregistration.k8s.io/apiservices",
    ),
    (
        "apps",
        "controllerrevisions",
        "ControllerRevision",
        "",
        true,
        "",
    ),
    ("apps", "daemonsets", "DaemonSet", "ds", true, ""),
    ("apps", "deployments", "Deployment", "deploy", true, ""),
    ("apps", "replicasets", "ReplicaSet", "rs", true, ""),
    ("apps", "statefulsets", "StatefulSet", "sts", true, ""),
    (
        "autoscaling",
        "horizontalpodautoscalers",
        "HorizontalPodAutoscaler",
        "hpa",
        true,
        "",
    ),
    ("batch", "cronjobs", "CronJob", "cj", true, ""),
    ("batch", "jobs", "Job", "", true, ""),
    (
        "certificates.k8s.io",
        "certificatesigningrequests",
        "CertificateSigningRequest",
        "csr",
        false,
        "",
    ),
    (
        "certificates.k8s.io",
        "clustertrustbundles",
        "ClusterTrustBundle",
        "",
        false,
        "",
    ),
    ("coordination.k8s.io", "leases", "Lease", "", true, ""),
    (
        "coordination.k8s.io",
        "leasecandidates",
        "LeaseCandidate",
        "",
        true,
        "",
    ),
    (
        "discovery.k8s.io",
        "endpointslices",
        "EndpointSlice",
        "",
        true,
        "",
    ),
    (
        "flowcontrol.apiserver.k8s.io",
        "flowschemas",
        "FlowSchema",
        "",
        false,
        "",
    ),
    (
        "flowcontrol.apiserver.k8s.io",
        "prioritylevelconfigurations",
        "PriorityLevelConfiguration",
        "",
        false,
        "",
    ),
    (
        "networking.k8s.io",
        "ingressclasses",
        "IngressClass",
        "",
        false,
        "",
    ),
    (
        "networking.k8s.io",
        "ingresses",
        "Ingress",
        "ing",
        true,
        "ingress",
    ),
    (
        "networking.k8s.io",
        "networkpolicies",
        "NetworkPolicy",
        "netpol",
        true,
        "",
    ),
    (
        "networking.k8s.io",
        "ipaddresses",
        "IPAddress",
        "ip",
        false,
        "",
    ),
    (
        "networking.k8s.io",
        "servicecidrs",
        "ServiceCIDR",
        "",
        false,
        "",
    ),
    (
        "node.k8s.io",
        "runtimeclasses",
        "RuntimeClass",
        "",
        false,
        "",
    ),
    (
        "policy",
        "poddisruptionbudgets",
        "PodDisruptionBudget",
        "pdb",
        true,
        "",
    ),
    (
        "rbac.authorization.k8s.io",
        "clusterrolebindings",
        "ClusterRoleBinding",
        "",
        false,
        "",
    ),
    (
        "rbac.authorization.k8s.io",
        "clusterroles",
        "ClusterRole",
        "",
        false,
        "",
    ),
    (
        "rbac.authorization.k8s.io",
        "rolebindings",
        "RoleBinding",
        "",
        true,
        "",
    ),
    ("rbac.authorization.k8s.io", "roles", "Role", "", true, ""),
    (
        "resource.k8s.io",
        "deviceclasses",
        "DeviceClass",
        "",
        false,
        "",
    ),
    (
        "resource.k8s.io",
        "resourceclaims",
        "ResourceClaim",
        "",
        true,
        "",
    ),
    (
        "resource.k8s.io",
        "resourceclaimtemplates",
        "ResourceClaimTemplate",
        "",
        true,
        "",
    ),
    (
        "resource.k8s.io",
        "resourceslices",
        "ResourceSlice",
        "",
        false,
        "",
    ),
    (
        "scheduling.k8s.io",
        "priorityclasses",
        "PriorityClass",
        "pc",
        false,
        "",
    ),
    ("storage.k8s.io", "csidrivers", "CSIDriver", "", false, ""),
    ("storage.k8s.io", "csinodes", "CSINode", "", false, ""),
    (
        "storage.k8s.io",
        "csistoragecapacities",
        "CSIStorageCapacity",
        "",
        true,
        "",
    ),
    (
        "storage.k8s.io",
        "storageclasses",
        "StorageClass",
        "sc",
        false,
        "",
    ),
    (
        "storage.k8s.io",
        "volumeattachments",
        "VolumeAttachment",
        "",
        false,
        "",
    ),
    (
        "storage.k8s.io",
        "volumeattributesclasses",
        "VolumeAttributesClass",
        "vac",
        false,
        "",
    ),
];

pub fn built_in() -> Vec<ResourceType> {
    BUILT_IN
        .iter()
        .map(
            |(group, plural, kind, short, namespaced, dir)| ResourceType {
                group: group.to_string(),
                plural: plural.to_string(),
                singular: kind.to_lowercase(),
                kind: kind.to_string(),
                short_names: short
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
                namespaced: *namespaced,
                etcd_dir: if dir.is_empty() {
                    plural.to_string()
                } else {
                    dir.to_string()
                },
            },
        )
        .collect()
}

/// The resource type a CustomResourceDefinition (any stored version) defines; custom resources
/// live under `/registry/<group>/<plural>/`.
pub fn from_crd(crd: &Json) -> Option<ResourceType> {
    let spec = crd.get("spec")?;
    let group = spec.get("group")?.as_str()?.to_string();
    let names = spec.get("names")?;
    let text = |key: &str| names.get(key).and_then(Json::as_str).map(str::to_lowercase);
    let plural = text("plural")?;
    let kind = names.get("kind")?.as_str()?.to_string();
    Some(ResourceType {
        singular: text("singular")
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| kind.to_lowercase()),
        short_names: names
            .get("shortNames")
            .and_then(Json::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Json::as_str)
                    .map(str::to_lowercase)
                    .collect()
            })
            .unwrap_or_default(),
        namespaced: spec.get("scope").and_then(Json::as_str) != Some("Cluster"),
        etcd_dir: format!("{group}/{plural}"),
        group,
        plural,
        kind,
    })
}

/// Finds a type by any name kubectl accepts, optionally qualified with its group
/// (`deploy.apps`, `widgets.example.com`); an unqualified name prefers the built-in types,
/// as kubectl does.
pub fn resolve<'a>(types: &'a [ResourceType], name: &str) -> Option<&'a ResourceType> {
    types.iter().find(|t| t.answers_to(name)).or_else(|| {
        let (base, group) = name.split_once('.')?;
        types
            .iter()
            .find(|t| t.group.eq_ignore_ascii_case(group) && t.answers_to(base))
    })
}

/// What `--get` was given, split: a type name, an optional namespace and a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<'a> {
    pub resource: &'a str,
    pub namespace: Option<&'a str>,
    pub name: &'a str,
}

/// `TYPE/NAME` or `TYPE/NAMESPACE/NAME` (kubectl's `TYPE/NAME` plus the namespace inline).
pub fn parse_reference(reference: &str) -> Option<Reference<'_>> {
    let mut parts = reference.split('/');
    let (resource, first, second) = (parts.next()?, parts.next()?, parts.next());
    if parts.next().is_some() || resource.is_empty() || first.is_empty() {
        return None;
    }
    Some(match second {
        Some(name) => Reference {
            resource,
            namespace: Some(first),
            name,
        },
        None => Reference {
            resource,
            namespace: None,
            name: first,
        },
    })
}

/// The key of `name` of type `t`, in `namespace` when the type is namespaced.
pub fn key_of(t: &ResourceType, namespace: &str, name: &str, etcd_prefix: &str) -> String {
    let prefix = etcd_prefix.trim_end_matches('/');
    if t.namespaced {
        format!("{prefix}/{}/{namespace}/{name}", t.etcd_dir)
    } else {
        format!("{prefix}/{}/{name}", t.etcd_dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn kubectl_names_of_built_in_types() {
        let types = built_in();
        let p = "/registry";
        for name in [
            "deployments",
            "deployment",
            "Deployment",
            "deploy",
            "deployments.apps",
            "deploy.apps",
        ] {
            let t = resolve(&types, name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(
                key_of(t, "shop", "web", p),
                "/registry/deployments/shop/web",
                "{name}"
            );
        }
        let svc = resolve(&types, "svc").unwrap();
        assert_eq!(
            key_of(svc, "shop", "api", p),
            "/registry/services/specs/shop/api"
        );
        let ing = resolve(&types, "ingresses.networking.k8s.io").unwrap();
        assert_eq!(key_of(ing, "shop", "web", p), "/registry/ingress/shop/web");
        let crd = resolve(&types, "crd").unwrap();
        assert_eq!(
            key_of(crd, "", "widgets.example.com", p),
            "/registry/apiextensions.k8s.io/customresourcedefinitions/widgets.example.com"
        );
        assert_eq!(
            key_of(resolve(&types, "clusterrole").unwrap(), "", "admin", p),
            "/registry/clusterroles/admin"
        );
        assert!(resolve(&types, "widgets").is_none());
        assert!(resolve(&types, "deployments.batch").is_none());
    }

    #[test]
    fn custom_resources_from_their_definition() {
        let crd = json!({"spec": {"group": "example.com", "scope": "Namespaced",
            "names": {"plural": "widgets", "singular": "widget", "kind": "Widget", "shortNames": ["wd"]}}});
        let mut types = built_in();
        types.push(from_crd(&crd).unwrap());
        for name in [
            "widgets",
            "widget",
            "Widget",
            "wd",
            "widgets.example.com",
            "wd.example.com",
        ] {
            let t = resolve(&types, name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(
                key_of(t, "a", "w1", "/registry/"),
                "/registry/example.com/widgets/a/w1"
            );
        }
    }

    #[test]
    fn references() {
        assert_eq!(
            parse_reference("deploy/shop/web"),
            Some(Reference {
                resource: "deploy",
                namespace: Some("shop"),
                name: "web"
            })
        );
        assert_eq!(
            parse_reference("cm/settings"),
            Some(Reference {
                resource: "cm",
                namespace: None,
                name: "settings"
            })
        );
        assert_eq!(parse_reference("cm"), None);
        assert_eq!(parse_reference("a/b/c/d"), None);
    }
}
