//! What Velero does to each item before creating it (reference §5.3): strip server-set fields,
//! apply the per-kind fixes, map namespaces, add the restore labels; and which items it skips.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::order::resource_part;

pub const BACKUP_NAME_LABEL: &str = "velero.io/backup-name";
pub const RESTORE_NAME_LABEL: &str = "velero.io/restore-name";

/// Metadata fields the server owns; removed from every item (Velero's `resetMetadata`).
const STRIPPED_METADATA: &[&str] = &[
    "generateName",
    "selfLink",
    "uid",
    "resourceVersion",
    "generation",
    "creationTimestamp",
    "deletionTimestamp",
    "deletionGracePeriodSeconds",
    "ownerReferences",
];

const PVC_ANNOTATIONS: &[&str] = &[
    "pv.kubernetes.io/bind-completed",
    "pv.kubernetes.io/bound-by-controller",
    "volume.beta.kubernetes.io/storage-provisioner",
    "volume.kubernetes.io/storage-provisioner",
    "volume.kubernetes.io/selected-node",
];

/// The name prefix of the projected service-account token volume admission adds to pods.
pub const KUBE_API_ACCESS_PREFIX: &str = "kube-api-access-";

/// Why an item is left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    PodFinished,
    JobCompleted,
    MirrorPod,
    ServiceAccountToken,
    ReclaimDelete,
    ApiService,
    PublishedConfigMap,
    ControllerEndpointSlice,
}

/// ConfigMaps kube-controller-manager publishes in every namespace (the cluster's CA bundle;
/// OpenShift's service CA): the target cluster's own copy is the right one.
const PUBLISHED_CONFIG_MAPS: &[&str] = &["kube-root-ca.crt", "openshift-service-ca.crt"];

/// `endpointslice.kubernetes.io/managed-by` values of the controllers that write EndpointSlices
/// from Services and Endpoints; they write them again for the restored objects.
const ENDPOINTSLICE_CONTROLLERS: &[&str] = &[
    "endpointslice-controller.k8s.io",
    "endpointslicemirroring-controller.k8s.io",
];

impl Skip {
    pub fn reason(&self) -> &'static str {
        match self {
            Skip::PodFinished => "pod has finished (Succeeded/Failed)",
            Skip::JobCompleted => "job has completed",
            Skip::MirrorPod => "mirror pod (the kubelet recreates it)",
            Skip::ServiceAccountToken => "auto-generated service account token",
            Skip::ReclaimDelete => "PV with reclaim policy Delete and no volume snapshot",
            Skip::ApiService => "APIService (registered by its server)",
            Skip::PublishedConfigMap => {
                "published in every namespace by kube-controller-manager (the target cluster's own CA)"
            }
            Skip::ControllerEndpointSlice => {
                "EndpointSlice written by a controller (it writes it again from the restored Service/Endpoints)"
            }
        }
    }
}

/// Settings the fixes need.
#[derive(Debug, Clone, Default)]
pub struct FixContext {
    pub backup_name: String,
    pub restore_name: String,
    pub namespace_mapping: BTreeMap<String, String>,
    pub preserve_node_ports: bool,
    /// Velero's `pvsToProvision`: PVs of the backup that are not restored (reclaim policy
    /// `Delete`, no volume snapshot). Claims naming one lose `spec.volumeName`, so the
    /// provisioner gives them a new volume instead of leaving them Pending for ever.
    pub pvs_to_provision: BTreeSet<String>,
}

impl FixContext {
    pub fn map_namespace<'a>(&'a self, namespace: &'a str) -> &'a str {
        self.namespace_mapping
            .get(namespace)
            .map_or(namespace, String::as_str)
    }
}

/// Velero's `GetValidName`: label values over 63 characters become the first 57 plus 6 hex
/// characters of their SHA-256.
pub fn valid_label_value(value: &str) -> String {
    if value.len() <= 63 {
        return value.to_string();
    }
    let digest = hex::encode(Sha256::digest(value.as_bytes()));
    format!("{}{}", &value[..57], &digest[..6])
}

/// Decides whether `object` (of type `group_resource`) is restored, and prepares it.
pub fn prepare(object: &mut Value, group_resource: &str, ctx: &FixContext) -> Option<Skip> {
    if let Some(skip) = skip_reason(object, group_resource) {
        return Some(skip);
    }
    strip(object);
    let resource = resource_part(group_resource);
    let group = group_resource.split_once('.').map_or("", |(_, g)| g);
    match (group, resource) {
        ("", "pods") => fix_pod(object),
        ("", "services") => fix_service(object, ctx.preserve_node_ports),
        ("batch", "jobs") => fix_job(object),
        ("", "persistentvolumeclaims") => fix_pvc(object, ctx),
        ("", "persistentvolumes") => fix_pv(object, ctx),
        ("", "secrets") => fix_secret(object),
        ("", "serviceaccounts") => fix_service_account(object),
        ("", "namespaces") => {
            if let Some(name) = object.pointer("/metadata/name").and_then(Value::as_str) {
                let mapped = ctx.map_namespace(name).to_string();
                object["metadata"]["name"] = Value::String(mapped);
            }
        }
        ("rbac.authorization.k8s.io", "rolebindings" | "clusterrolebindings") => {
            map_subjects(object, ctx)
        }
        (
            "admissionregistration.k8s.io",
            "mutatingwebhookconfigurations" | "validatingwebhookconfigurations",
        ) => fix_webhooks(object),
        ("apiextensions.k8s.io", "customresourcedefinitions") => fix_crd(object),
        _ => {}
    }
    if let Some(ns) = object
        .pointer("/metadata/namespace")
        .and_then(Value::as_str)
    {
        let mapped = ctx.map_namespace(ns).to_string();
        object["metadata"]["namespace"] = Value::String(mapped);
    }
    add_restore_labels(object, ctx);
    None
}

fn skip_reason(object: &Value, group_resource: &str) -> Option<Skip> {
    let annotations = object.pointer("/metadata/annotations");
    match group_resource {
        "pods" => {
            let phase = object.pointer("/status/phase").and_then(Value::as_str);
            if matches!(phase, Some("Succeeded" | "Failed")) {
                return Some(Skip::PodFinished);
            }
            if annotations
                .and_then(|a| a.get("kubernetes.io/config.mirror"))
                .is_some()
            {
                return Some(Skip::MirrorPod);
            }
        }
        "jobs.batch" if object.pointer("/status/completionTime").is_some() => {
            return Some(Skip::JobCompleted);
        }
        "secrets" => {
            let is_token = object.get("type").and_then(Value::as_str)
                == Some("kubernetes.io/service-account-token");
            // The token controller made it (legacy auto-generated tokens): it makes it again.
            let generated = object
                .pointer("/metadata/name")
                .and_then(Value::as_str)
                .zip(
                    annotations
                        .and_then(|a| a.get("kubernetes.io/service-account.name"))
                        .and_then(Value::as_str),
                )
                .is_some_and(|(name, sa)| name.starts_with(&format!("{sa}-token-")));
            if is_token && generated {
                return Some(Skip::ServiceAccountToken);
            }
        }
        "persistentvolumes"
            if object
                .pointer("/spec/persistentVolumeReclaimPolicy")
                .and_then(Value::as_str)
                == Some("Delete") =>
        {
            return Some(Skip::ReclaimDelete);
        }
        "apiservices.apiregistration.k8s.io" => return Some(Skip::ApiService),
        "configmaps"
            if object
                .pointer("/metadata/name")
                .and_then(Value::as_str)
                .is_some_and(|n| PUBLISHED_CONFIG_MAPS.contains(&n)) =>
        {
            return Some(Skip::PublishedConfigMap);
        }
        "endpointslices.discovery.k8s.io"
            if object
                .pointer("/metadata/labels")
                .and_then(|l| l.get("endpointslice.kubernetes.io/managed-by"))
                .and_then(Value::as_str)
                .is_some_and(|m| ENDPOINTSLICE_CONTROLLERS.contains(&m)) =>
        {
            return Some(Skip::ControllerEndpointSlice);
        }
        _ => {}
    }
    None
}

/// Removes what the server sets; keeps name, namespace, labels, annotations, finalizers and
/// managedFields.
pub fn strip(object: &mut Value) {
    if let Some(metadata) = object.get_mut("metadata").and_then(Value::as_object_mut) {
        for field in STRIPPED_METADATA {
            metadata.remove(*field);
        }
    }
    if let Some(map) = object.as_object_mut() {
        map.remove("status");
    }
}

fn fix_pod(pod: &mut Value) {
    let Some(spec) = pod.get_mut("spec").and_then(Value::as_object_mut) else {
        return;
    };
    spec.remove("nodeName");
    spec.remove("priority");
    let sa = spec
        .get("serviceAccountName")
        .and_then(Value::as_str)
        .unwrap_or("default")
        .to_string();
    let token_prefix = format!("{sa}-token-");
    // Beyond Velero (which drops only the legacy `<sa>-token-*` Secret volumes): the projected
    // token volume the ServiceAccount admission plugin adds (`kube-api-access-<random>`) is
    // dropped too, so admission adds a fresh one. Kept, it names what the source cluster
    // projected (an OpenShift cluster's `openshift-service-ca.crt`, a token lifetime), and a
    // pod whose projected ConfigMap is missing never starts.
    let mut projected_tokens: BTreeSet<String> = BTreeSet::new();
    for volume in spec
        .get("volumes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = volume.get("name").and_then(Value::as_str).unwrap_or("");
        let has_token = volume
            .pointer("/projected/sources")
            .and_then(Value::as_array)
            .is_some_and(|sources| {
                sources
                    .iter()
                    .any(|s| s.get("serviceAccountToken").is_some())
            });
        if name.starts_with(KUBE_API_ACCESS_PREFIX) && has_token {
            projected_tokens.insert(name.to_string());
        }
    }
    let is_token = |v: &Value| {
        v.get("name")
            .and_then(Value::as_str)
            .is_some_and(|n| n.starts_with(&token_prefix) || projected_tokens.contains(n))
    };
    if let Some(volumes) = spec.get_mut("volumes").and_then(Value::as_array_mut) {
        volumes.retain(|v| !is_token(v));
    }
    for key in ["containers", "initContainers"] {
        if let Some(containers) = spec.get_mut(key).and_then(Value::as_array_mut) {
            for container in containers {
                if let Some(mounts) = container
                    .get_mut("volumeMounts")
                    .and_then(Value::as_array_mut)
                {
                    mounts.retain(|m| !is_token(m));
                }
            }
        }
    }
}

fn fix_service(service: &mut Value, preserve_node_ports: bool) {
    let chosen = (!preserve_node_ports).then(|| UserNodePorts::of(service));
    let Some(spec) = service.get_mut("spec").and_then(Value::as_object_mut) else {
        return;
    };
    if spec.get("type").and_then(Value::as_str) == Some("ExternalName") {
        return;
    }
    let headless = spec.get("clusterIP").and_then(Value::as_str) == Some("None");
    if !headless {
        spec.remove("clusterIP");
        spec.remove("clusterIPs");
    }
    let Some(chosen) = chosen else {
        return;
    };
    if !chosen.health_check_node_port {
        spec.remove("healthCheckNodePort");
    }
    if let Some(ports) = spec.get_mut("ports").and_then(Value::as_array_mut) {
        for port in ports {
            if !chosen.keeps(port)
                && let Some(p) = port.as_object_mut()
            {
                p.remove("nodePort");
            }
        }
    }
}

pub const LAST_APPLIED_ANNOTATION: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// The node ports a user chose, found as Velero's service action finds them: in kubectl's
/// last-applied configuration when the Service has one (named ports by name, unnamed ones by
/// value), otherwise in the managedFields entries that own `spec.ports[].nodePort` (keyed by
/// port and protocol). Auto-assigned ports are in neither: the server allocates them after
/// it has recorded who set which field. Those are dropped, so the server allocates them anew.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct UserNodePorts {
    /// From the last-applied configuration; `None` when the Service has none.
    last_applied: Option<LastAppliedNodePorts>,
    /// managedFields keys of ports whose `nodePort` a manager owns: `k:{"port":80,"protocol":"TCP"}`.
    managed_port_keys: BTreeSet<String>,
    pub health_check_node_port: bool,
}

#[derive(Debug, Default, PartialEq, Eq)]
struct LastAppliedNodePorts {
    named: BTreeSet<String>,
    unnamed_values: BTreeSet<i64>,
}

impl UserNodePorts {
    pub fn of(service: &Value) -> Self {
        let last_applied: Option<Value> = service
            .pointer("/metadata/annotations")
            .and_then(|a| a.get(LAST_APPLIED_ANNOTATION))
            .and_then(Value::as_str)
            .and_then(|text| serde_json::from_str(text).ok());
        let mut chosen = UserNodePorts::default();
        if let Some(applied) = &last_applied {
            let mut ports = LastAppliedNodePorts::default();
            for port in applied
                .pointer("/spec/ports")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let Some(node_port) = port.get("nodePort").and_then(number).filter(|n| *n > 0)
                else {
                    continue;
                };
                match port.get("name").and_then(Value::as_str) {
                    Some(name) => ports.named.insert(name.to_string()),
                    None => ports.unnamed_values.insert(node_port),
                };
            }
            chosen.health_check_node_port = applied
                .pointer("/spec/healthCheckNodePort")
                .and_then(number)
                .is_some_and(|n| n != 0);
            chosen.last_applied = Some(ports);
        }
        for entry in service
            .pointer("/metadata/managedFields")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(spec) = entry.pointer("/fieldsV1/f:spec") else {
                continue;
            };
            if spec.get("f:healthCheckNodePort").is_some() {
                chosen.health_check_node_port = true;
            }
            if let Some(ports) = spec.get("f:ports").and_then(Value::as_object) {
                for (key, fields) in ports {
                    if fields.get("f:nodePort").is_some() {
                        chosen.managed_port_keys.insert(key.clone());
                    }
                }
            }
        }
        chosen
    }

    /// Whether `port` (an entry of `spec.ports`) keeps its `nodePort`.
    pub fn keeps(&self, port: &Value) -> bool {
        let name = port
            .get("name")
            .and_then(Value::as_str)
            .filter(|n| !n.is_empty());
        match (&self.last_applied, name) {
            (Some(applied), Some(name)) => applied.named.contains(name),
            (Some(applied), None) => port
                .get("nodePort")
                .and_then(number)
                .is_some_and(|n| applied.unnamed_values.contains(&n)),
            (None, _) => {
                let key = format!(
                    r#"k:{{"port":{},"protocol":"{}"}}"#,
                    port.get("port").and_then(number).unwrap_or_default(),
                    // The server defaults it; a backup always has it.
                    port.get("protocol")
                        .and_then(Value::as_str)
                        .unwrap_or("TCP")
                );
                self.managed_port_keys.contains(&key)
            }
        }
    }
}

/// A port number as JSON holds it: a number, or a string in hand-written configurations.
fn number(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn fix_job(job: &mut Value) {
    const LABELS: [&str; 2] = ["controller-uid", "batch.kubernetes.io/controller-uid"];
    for path in [
        "/spec/selector/matchLabels",
        "/spec/template/metadata/labels",
    ] {
        if let Some(labels) = job.pointer_mut(path).and_then(Value::as_object_mut) {
            for label in LABELS {
                labels.remove(label);
            }
        }
    }
}

fn fix_pvc(pvc: &mut Value, ctx: &FixContext) {
    if let Some(annotations) = pvc
        .pointer_mut("/metadata/annotations")
        .and_then(Value::as_object_mut)
    {
        for a in PVC_ANNOTATIONS {
            annotations.remove(*a);
        }
    }
    let provision = pvc
        .pointer("/spec/volumeName")
        .and_then(Value::as_str)
        .is_some_and(|volume| ctx.pvs_to_provision.contains(volume));
    if provision && let Some(spec) = pvc.get_mut("spec").and_then(Value::as_object_mut) {
        spec.remove("volumeName");
    }
}

fn fix_pv(pv: &mut Value, ctx: &FixContext) {
    if let Some(claim) = pv
        .pointer_mut("/spec/claimRef")
        .and_then(Value::as_object_mut)
    {
        claim.remove("uid");
        claim.remove("resourceVersion");
        if let Some(ns) = claim.get("namespace").and_then(Value::as_str) {
            let mapped = ctx.map_namespace(ns).to_string();
            claim.insert("namespace".into(), Value::String(mapped));
        }
    }
}

fn fix_secret(secret: &mut Value) {
    if secret.get("type").and_then(Value::as_str) != Some("kubernetes.io/service-account-token") {
        return;
    }
    if let Some(data) = secret.get_mut("data").and_then(Value::as_object_mut) {
        data.remove("token");
        data.remove("ca.crt");
    }
    if let Some(annotations) = secret
        .pointer_mut("/metadata/annotations")
        .and_then(Value::as_object_mut)
    {
        annotations.remove("kubernetes.io/service-account.uid");
    }
}

fn fix_service_account(sa: &mut Value) {
    let Some(name) = sa.pointer("/metadata/name").and_then(Value::as_str) else {
        return;
    };
    let prefix = format!("{name}-token-");
    if let Some(secrets) = sa.get_mut("secrets").and_then(Value::as_array_mut) {
        secrets.retain(|s| {
            !s.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| n.starts_with(&prefix))
        });
    }
}

fn map_subjects(binding: &mut Value, ctx: &FixContext) {
    if let Some(subjects) = binding.get_mut("subjects").and_then(Value::as_array_mut) {
        for subject in subjects {
            if let Some(ns) = subject.get("namespace").and_then(Value::as_str) {
                let mapped = ctx.map_namespace(ns).to_string();
                subject["namespace"] = Value::String(mapped);
            }
        }
    }
}

fn fix_webhooks(config: &mut Value) {
    if let Some(hooks) = config.get_mut("webhooks").and_then(Value::as_array_mut) {
        for hook in hooks {
            let valid = matches!(
                hook.get("sideEffects").and_then(Value::as_str),
                Some("None" | "NoneOnDryRun")
            );
            if !valid && let Some(h) = hook.as_object_mut() {
                h.insert("sideEffects".into(), Value::String("None".into()));
            }
        }
    }
}

/// Velero's `CRDV1PreserveUnknownFieldsAction`: a v1 CRD carried over from v1beta1 may still
/// hold `preserveUnknownFields: true`, which the v1 API refuses on create; the schema flag
/// `x-kubernetes-preserve-unknown-fields` on every version's schema says the same thing.
fn fix_crd(crd: &mut Value) {
    if crd.get("apiVersion").and_then(Value::as_str) != Some("apiextensions.k8s.io/v1")
        || crd.pointer("/spec/preserveUnknownFields") != Some(&Value::Bool(true))
    {
        return;
    }
    crd["spec"]["preserveUnknownFields"] = Value::Bool(false);
    for version in crd
        .pointer_mut("/spec/versions")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        if let Some(schema) = version
            .pointer_mut("/schema/openAPIV3Schema")
            .and_then(Value::as_object_mut)
        {
            schema.insert(
                "x-kubernetes-preserve-unknown-fields".into(),
                Value::Bool(true),
            );
        }
    }
}

fn add_restore_labels(object: &mut Value, ctx: &FixContext) {
    let Some(metadata) = object.get_mut("metadata").and_then(Value::as_object_mut) else {
        return;
    };
    let labels = metadata
        .entry("labels")
        .or_insert_with(|| Value::Object(Map::new()));
    if !labels.is_object() {
        *labels = Value::Object(Map::new());
    }
    let labels = labels.as_object_mut().expect("labels is an object");
    labels.insert(
        BACKUP_NAME_LABEL.into(),
        Value::String(valid_label_value(&ctx.backup_name)),
    );
    labels.insert(
        RESTORE_NAME_LABEL.into(),
        Value::String(valid_label_value(&ctx.restore_name)),
    );
}

/// The live object as restore compares it: stripped like a backed-up item, with the desired
/// object's restore labels copied on (so they never count as a difference).
pub fn comparable_live(live: &Value, desired: &Value) -> Value {
    let mut live = live.clone();
    strip(&mut live);
    if let Some(metadata) = live.get_mut("metadata").and_then(Value::as_object_mut) {
        metadata.remove("managedFields");
        let labels = metadata
            .entry("labels")
            .or_insert_with(|| Value::Object(Map::new()));
        for key in [BACKUP_NAME_LABEL, RESTORE_NAME_LABEL] {
            if let Some(v) =
                desired.pointer(&format!("/metadata/labels/{}", key.replace('/', "~1")))
            {
                labels[key] = v.clone();
            }
        }
    }
    live
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ctx() -> FixContext {
        FixContext {
            backup_name: "nightly".into(),
            restore_name: "nightly-20260101000000".into(),
            namespace_mapping: [("shop".to_string(), "shop-copy".to_string())].into(),
            preserve_node_ports: false,
            pvs_to_provision: ["pvc-dyn".to_string()].into(),
        }
    }

    fn node_ports_after(service: &Value, preserve_node_ports: bool) -> Vec<Value> {
        let mut service = service.clone();
        let ctx = FixContext {
            preserve_node_ports,
            ..ctx()
        };
        prepare(&mut service, "services", &ctx);
        service["spec"]["ports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.get("nodePort").cloned().unwrap_or(Value::Null))
            .collect()
    }

    #[test]
    fn user_chosen_node_ports_are_kept_from_the_last_applied_configuration() {
        // kubectl apply of a Service naming one port's nodePort; the other was allocated.
        let applied = json!({"apiVersion": "v1", "kind": "Service",
            "spec": {"type": "NodePort", "ports": [{"name": "http", "port": 80, "nodePort": 30080},
                {"name": "admin", "port": 9000}, {"port": 81, "nodePort": "30081"}]}});
        let service = json!({"metadata": {"name": "s", "namespace": "shop",
                "annotations": {LAST_APPLIED_ANNOTATION: applied.to_string()},
                // Ignored while a last-applied configuration exists (Velero's order).
                "managedFields": [{"manager": "x", "fieldsV1": {"f:spec": {"f:ports": {
                    r#"k:{"port":9000,"protocol":"TCP"}"#: {"f:nodePort": {}}}}}}]},
            "spec": {"type": "NodePort", "ports": [
                {"name": "http", "port": 80, "protocol": "TCP", "nodePort": 30080},
                {"name": "admin", "port": 9000, "protocol": "TCP", "nodePort": 31234},
                {"port": 81, "protocol": "TCP", "nodePort": 30081},
                {"port": 82, "protocol": "TCP", "nodePort": 31235}]}});
        assert_eq!(
            node_ports_after(&service, false),
            [json!(30080), Value::Null, json!(30081), Value::Null]
        );
        assert_eq!(
            node_ports_after(&service, true),
            [json!(30080), json!(31234), json!(30081), json!(31235)]
        );
    }

    #[test]
    fn user_chosen_node_ports_are_kept_from_managed_fields() {
        let service = json!({"metadata": {"name": "s", "namespace": "shop", "managedFields": [
                {"manager": "terraform", "operation": "Update", "fieldsV1": {"f:spec": {
                    "f:healthCheckNodePort": {},
                    "f:ports": {r#"k:{"port":80,"protocol":"TCP"}"#: {".": {}, "f:nodePort": {}, "f:port": {}},
                        r#"k:{"port":443,"protocol":"TCP"}"#: {".": {}, "f:port": {}}}}}}]},
            "spec": {"type": "LoadBalancer", "externalTrafficPolicy": "Local", "healthCheckNodePort": 32000,
                "ports": [{"port": 80, "protocol": "TCP", "nodePort": 30080},
                    {"port": 443, "protocol": "TCP", "nodePort": 31443}]}});
        assert_eq!(
            node_ports_after(&service, false),
            [json!(30080), Value::Null]
        );
        let mut fixed = service.clone();
        prepare(&mut fixed, "services", &ctx());
        assert_eq!(fixed["spec"]["healthCheckNodePort"], 32000);

        // Nobody owns the ports: all were allocated by the server.
        let mut allocated = service.clone();
        allocated["metadata"]["managedFields"] = json!([]);
        assert_eq!(
            node_ports_after(&allocated, false),
            [Value::Null, Value::Null]
        );
        prepare(&mut allocated, "services", &ctx());
        assert!(allocated["spec"].get("healthCheckNodePort").is_none());
    }

    #[test]
    fn a_claim_of_a_delete_pv_loses_its_volume_name_and_binding_annotations() {
        let claim = |volume: &str| {
            json!({"metadata": {"name": "data-db-0", "namespace": "shop", "annotations": {
                    "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes",
                    "volume.beta.kubernetes.io/storage-provisioner": "kubernetes.io/host-path",
                    "volume.kubernetes.io/storage-provisioner": "kubernetes.io/host-path",
                    "volume.kubernetes.io/selected-node": "n1", "team": "db"}},
                "spec": {"storageClassName": "fast", "volumeName": volume}})
        };
        let mut dynamic = claim("pvc-dyn");
        prepare(&mut dynamic, "persistentvolumeclaims", &ctx());
        assert_eq!(dynamic["spec"], json!({"storageClassName": "fast"}));
        assert_eq!(dynamic["metadata"]["annotations"], json!({"team": "db"}));
        let mut retained = claim("pv-static");
        prepare(&mut retained, "persistentvolumeclaims", &ctx());
        assert_eq!(retained["spec"]["volumeName"], "pv-static");
        assert_eq!(retained["metadata"]["annotations"], json!({"team": "db"}));
    }

    #[test]
    fn strips_server_fields_and_labels() {
        let mut cm = json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "a", "namespace": "shop", "uid": "u", "resourceVersion": "5",
                "creationTimestamp": "t", "ownerReferences": [{}], "finalizers": ["x"],
                "managedFields": [{"manager": "m"}]},
            "data": {"k": "v"}, "status": {}});
        assert_eq!(prepare(&mut cm, "configmaps", &ctx()), None);
        assert_eq!(
            cm,
            json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "a", "namespace": "shop-copy", "finalizers": ["x"],
                    "managedFields": [{"manager": "m"}],
                    "labels": {"velero.io/backup-name": "nightly", "velero.io/restore-name": "nightly-20260101000000"}},
                "data": {"k": "v"}})
        );
    }

    #[test]
    fn service_pv_binding_fixes() {
        let mut svc = json!({"metadata": {"name": "s", "namespace": "shop"},
            "spec": {"type": "NodePort", "clusterIP": "10.0.0.1", "clusterIPs": ["10.0.0.1"],
                "ports": [{"port": 80, "nodePort": 30080}]}});
        prepare(&mut svc, "services", &ctx());
        assert_eq!(
            svc["spec"],
            json!({"type": "NodePort", "ports": [{"port": 80}]})
        );
        let mut headless = json!({"metadata": {"name": "h"}, "spec": {"clusterIP": "None"}});
        prepare(&mut headless, "services", &ctx());
        assert_eq!(headless["spec"]["clusterIP"], "None");

        let mut pv = json!({"metadata": {"name": "pv1"}, "spec": {"persistentVolumeReclaimPolicy": "Retain",
            "claimRef": {"namespace": "shop", "name": "data", "uid": "u", "resourceVersion": "1"}}});
        prepare(&mut pv, "persistentvolumes", &ctx());
        assert_eq!(
            pv["spec"]["claimRef"],
            json!({"namespace": "shop-copy", "name": "data"})
        );
        let mut deleted = json!({"metadata": {"name": "pv2"}, "spec": {"persistentVolumeReclaimPolicy": "Delete"}});
        assert_eq!(
            prepare(&mut deleted, "persistentvolumes", &ctx()),
            Some(Skip::ReclaimDelete)
        );

        let mut rb = json!({"metadata": {"name": "rb", "namespace": "shop"},
            "subjects": [{"kind": "ServiceAccount", "name": "app", "namespace": "shop"}, {"kind": "User", "name": "u"}]});
        prepare(&mut rb, "rolebindings.rbac.authorization.k8s.io", &ctx());
        assert_eq!(rb["subjects"][0]["namespace"], "shop-copy");
        assert_eq!(rb["metadata"]["namespace"], "shop-copy");
    }

    #[test]
    fn pods_and_jobs() {
        let mut pod = json!({"metadata": {"name": "p", "namespace": "shop"},
            "spec": {"nodeName": "n1", "priority": 5, "serviceAccountName": "app",
                "volumes": [{"name": "app-token-abcde"}, {"name": "data"}],
                "containers": [{"name": "c", "volumeMounts": [{"name": "app-token-abcde"}, {"name": "data"}]}]},
            "status": {"phase": "Running"}});
        assert_eq!(prepare(&mut pod, "pods", &ctx()), None);
        assert_eq!(pod["spec"]["volumes"], json!([{"name": "data"}]));
        assert_eq!(
            pod["spec"]["containers"][0]["volumeMounts"],
            json!([{"name": "data"}])
        );
        assert!(pod["spec"].get("nodeName").is_none());
        let token = json!({"name": "kube-api-access-x1y2z", "projected": {"sources": [
            {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
            {"configMap": {"name": "openshift-service-ca.crt"}}]}});
        let own = json!({"name": "kube-api-access-mine", "projected": {"sources": [
            {"configMap": {"name": "settings"}}]}});
        let mut pod = json!({"metadata": {"name": "p", "namespace": "shop"},
            "spec": {"serviceAccountName": "app", "volumes": [token, own.clone()],
                "initContainers": [{"name": "i", "volumeMounts": [{"name": "kube-api-access-x1y2z"}]}],
                "containers": [{"name": "c", "volumeMounts": [{"name": "kube-api-access-x1y2z"},
                    {"name": "kube-api-access-mine"}]}]}});
        prepare(&mut pod, "pods", &ctx());
        assert_eq!(pod["spec"]["volumes"], json!([own]));
        assert_eq!(pod["spec"]["initContainers"][0]["volumeMounts"], json!([]));
        assert_eq!(
            pod["spec"]["containers"][0]["volumeMounts"],
            json!([{"name": "kube-api-access-mine"}])
        );
        let mut done = json!({"metadata": {"name": "p"}, "status": {"phase": "Succeeded"}});
        assert_eq!(prepare(&mut done, "pods", &ctx()), Some(Skip::PodFinished));
        let mut job = json!({"metadata": {"name": "j"}, "spec": {"selector": {"matchLabels": {"controller-uid": "x", "a": "b"}},
            "template": {"metadata": {"labels": {"batch.kubernetes.io/controller-uid": "x", "a": "b"}}}}});
        prepare(&mut job, "jobs.batch", &ctx());
        assert_eq!(job["spec"]["selector"]["matchLabels"], json!({"a": "b"}));
        assert_eq!(
            job["spec"]["template"]["metadata"]["labels"],
            json!({"a": "b"})
        );
    }

    #[test]
    fn published_config_maps_and_controller_endpoint_slices_are_left_to_their_controllers() {
        let mut ca = json!({"metadata": {"name": "kube-root-ca.crt", "namespace": "shop"}});
        assert_eq!(
            prepare(&mut ca, "configmaps", &ctx()),
            Some(Skip::PublishedConfigMap)
        );
        let slice = |manager: &str| {
            json!({"metadata": {"name": "web-abc12", "namespace": "shop", "labels": {
                "kubernetes.io/service-name": "web", "endpointslice.kubernetes.io/managed-by": manager}}})
        };
        assert_eq!(
            prepare(
                &mut slice("endpointslice-controller.k8s.io"),
                "endpointslices.discovery.k8s.io",
                &ctx()
            ),
            Some(Skip::ControllerEndpointSlice)
        );
        assert_eq!(
            prepare(&mut slice("me"), "endpointslices.discovery.k8s.io", &ctx()),
            None
        );
    }

    #[test]
    fn a_v1_crd_that_preserves_unknown_fields_says_so_in_its_schemas() {
        let mut crd = json!({"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": {"name": "widgets.example.com"},
            "spec": {"preserveUnknownFields": true, "versions": [
                {"name": "v1", "schema": {"openAPIV3Schema": {"type": "object"}}},
                {"name": "v2"}]}});
        prepare(
            &mut crd,
            "customresourcedefinitions.apiextensions.k8s.io",
            &ctx(),
        );
        assert_eq!(crd["spec"]["preserveUnknownFields"], false);
        assert_eq!(
            crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"],
            json!({"type": "object", "x-kubernetes-preserve-unknown-fields": true})
        );
        assert!(crd["spec"]["versions"][1].get("schema").is_none());
    }

    #[test]
    fn long_label_values_are_shortened() {
        let long = "a".repeat(70);
        let v = valid_label_value(&long);
        assert_eq!(v.len(), 63);
        assert!(v.starts_with(&"a".repeat(57)));
    }
}
