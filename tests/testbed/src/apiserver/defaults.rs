//! Per-type behaviour of the real API server that clients notice: defaulted fields, the
//! status a new object starts with, Secret `stringData`, minimal validation, and the objects a
//! new namespace gets (the `default` ServiceAccount and the `kube-root-ca.crt` ConfigMap).

use base64::Engine;
use serde_json::{Value, json};

use super::resources::ResourceType;
use super::status::ApiError;
use super::store::{State, meta_str};

const ROOT_CA: &str = "-----BEGIN CERTIFICATE-----\nMIIBdjCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhrM3Mtc2Vy\ndmVyLWNhQDE3MDAwMDAwMDAwHhcNMjQwMTAxMDAwMDAwWhcNMzQwMTAxMDAwMDAw\nWjAjMSEwHwYDVQQDDBh0ZXN0YmVkLWZha2Utcm9vdC1jYQ==\n-----END CERTIFICATE-----\n";

/// The annotation kube-controller-manager's root-CA publisher puts on `kube-root-ca.crt`.
const ROOT_CA_DESCRIPTION: &str = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";

fn is(rt: &ResourceType, group: &str, plural: &str) -> bool {
    rt.group == group && rt.plural == plural
}

/// The checks whose 422s clients rely on.
pub fn validate(rt: &ResourceType, obj: &Value) -> Result<(), ApiError> {
    let name = meta_str(obj, "name");
    let invalid = |field: &str, reason: &str, msg: &str| {
        Err(ApiError::invalid(
            &rt.group,
            &rt.kind,
            name,
            &[(field, reason, msg.to_string())],
        ))
    };
    if is(rt, "", "pods") {
        let containers = obj.pointer("/spec/containers").and_then(Value::as_array);
        if containers.is_none_or(|c| c.is_empty()) {
            return invalid("spec.containers", "FieldValueRequired", "Required value");
        }
        for (i, c) in containers.into_iter().flatten().enumerate() {
            if c.get("name")
                .and_then(Value::as_str)
                .is_none_or(str::is_empty)
            {
                return invalid(
                    &format!("spec.containers[{i}].name"),
                    "FieldValueRequired",
                    "Required value",
                );
            }
            if c.get("image")
                .and_then(Value::as_str)
                .is_none_or(str::is_empty)
            {
                return invalid(
                    &format!("spec.containers[{i}].image"),
                    "FieldValueRequired",
                    "Required value",
                );
            }
        }
    }
    if matches!(
        (rt.group.as_str(), rt.plural.as_str()),
        (
            "apps",
            "deployments" | "statefulsets" | "replicasets" | "daemonsets"
        )
    ) {
        if obj.pointer("/spec/selector").is_none() {
            return invalid("spec.selector", "FieldValueRequired", "Required value");
        }
        if obj.pointer("/spec/template/spec/containers").is_none() {
            return invalid(
                "spec.template.spec.containers",
                "FieldValueRequired",
                "Required value",
            );
        }
    }
    if is(rt, "", "configmaps")
        && let Some(data) = obj.get("data").and_then(Value::as_object)
        && let Some((k, _)) = data.iter().find(|(_, v)| !v.is_string())
    {
        return Err(ApiError::bad_request(format!(
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal value of data[{k:?}] into Go struct field ConfigMap.data of type string"
        )));
    }
    if is(rt, "apiextensions.k8s.io", "customresourcedefinitions") {
        let group = obj
            .pointer("/spec/group")
            .and_then(Value::as_str)
            .unwrap_or("");
        let plural = obj
            .pointer("/spec/names/plural")
            .and_then(Value::as_str)
            .unwrap_or("");
        if group.is_empty() || plural.is_empty() {
            return invalid("spec.group", "FieldValueRequired", "Required value");
        }
        if name != format!("{plural}.{group}") {
            return invalid(
                "metadata.name",
                "FieldValueInvalid",
                &format!("Invalid value: {name:?}: must be spec.names.plural+\".\"+spec.group"),
            );
        }
        let versions = obj.pointer("/spec/versions").and_then(Value::as_array);
        if versions.is_none_or(|v| v.is_empty()) {
            return invalid(
                "spec.versions",
                "FieldValueInvalid",
                "Invalid value: must have exactly one version marked as storage version",
            );
        }
    }
    super::validation::validate(rt, obj)
}

/// Secret `stringData` is write-only: the server folds it into `data` (base64).
pub fn fold_string_data(obj: &mut Value) -> Result<(), ApiError> {
    let engine = base64::engine::general_purpose::STANDARD;
    super::validation::secret_base64(obj)?;
    let Some(string_data) = obj
        .as_object_mut()
        .and_then(|m| m.shift_remove("stringData"))
    else {
        return Ok(());
    };
    if let Some(sd) = string_data.as_object() {
        let data = obj
            .as_object_mut()
            .expect("object")
            .entry("data")
            .or_insert_with(|| json!({}));
        for (k, v) in sd {
            data[k] = json!(engine.encode(v.as_str().unwrap_or_default()));
        }
    }
    Ok(())
}

/// The status an object starts with when created through the API (what a client sent is
/// ignored, as with the real status subresource).
pub fn reset_status(rt: &ResourceType, obj: &mut Value) {
    let status = match (rt.group.as_str(), rt.plural.as_str()) {
        ("", "pods") => json!({"phase": "Pending", "qosClass": "BestEffort"}),
        ("", "namespaces") => json!({"phase": "Active"}),
        ("", "persistentvolumeclaims") => json!({"phase": "Pending"}),
        ("", "persistentvolumes") => json!({"phase": "Pending"}),
        ("", "services") => json!({"loadBalancer": {}}),
        // Status structs the real server serialises even when empty (fields without omitempty).
        ("apps", "deployments") | ("batch", "jobs" | "cronjobs") => json!({}),
        ("apps", "statefulsets") => json!({"replicas": 0, "availableReplicas": 0}),
        ("apps", "replicasets") => json!({"replicas": 0}),
        ("apps", "daemonsets") => json!({"currentNumberScheduled": 0, "numberMisscheduled": 0,
            "desiredNumberScheduled": 0, "numberReady": 0}),
        ("apiextensions.k8s.io", "customresourcedefinitions") => {
            json!({"conditions": [], "acceptedNames": {"plural": "", "kind": ""}, "storedVersions": []})
        }
        _ => Value::Null,
    };
    let m = obj.as_object_mut().expect("object");
    if status.is_null() {
        m.shift_remove("status");
    } else {
        m.insert("status".into(), status);
    }
}

fn default_pod_spec(spec: &mut Value) {
    let Some(s) = spec.as_object_mut() else {
        return;
    };
    s.entry("restartPolicy").or_insert(json!("Always"));
    s.entry("dnsPolicy").or_insert(json!("ClusterFirst"));
    s.entry("schedulerName")
        .or_insert(json!("default-scheduler"));
    s.entry("terminationGracePeriodSeconds")
        .or_insert(json!(30));
    s.entry("securityContext").or_insert(json!({}));
    for list in ["initContainers", "containers"] {
        if let Some(cs) = s.get_mut(list).and_then(Value::as_array_mut) {
            for c in cs {
                let image = c
                    .get("image")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                let Some(c) = c.as_object_mut() else { continue };
                let tagged = image
                    .rsplit('/')
                    .next()
                    .is_some_and(|last| last.contains(':'))
                    && !image.ends_with(":latest");
                c.entry("imagePullPolicy").or_insert(json!(if tagged {
                    "IfNotPresent"
                } else {
                    "Always"
                }));
                c.entry("terminationMessagePath")
                    .or_insert(json!("/dev/termination-log"));
                c.entry("terminationMessagePolicy").or_insert(json!("File"));
                c.entry("resources").or_insert(json!({}));
                if let Some(ports) = c.get_mut("ports").and_then(Value::as_array_mut) {
                    for port in ports.iter_mut().filter_map(Value::as_object_mut) {
                        port.entry("protocol").or_insert(json!("TCP"));
                    }
                }
            }
        }
    }
}

/// Defaulted fields (a subset of the real defaulters: the ones diffs and round-trips notice).
pub fn apply(rt: &ResourceType, obj: &mut Value, st: &State) {
    match (rt.group.as_str(), rt.plural.as_str()) {
        ("", "namespaces") => {
            let name = meta_str(obj, "name").to_string();
            let meta = obj["metadata"].as_object_mut().expect("metadata");
            let labels = meta.entry("labels").or_insert_with(|| json!({}));
            labels["kubernetes.io/metadata.name"] = json!(name);
            if obj.get("spec").is_none() {
                obj["spec"] = json!({"finalizers": ["kubernetes"]});
            }
            if obj.pointer("/status/phase").is_none() {
                obj["status"] = json!({"phase": "Active"});
            }
        }
        ("", "pods") => {
            let spec = &mut obj["spec"];
            default_pod_spec(spec);
            if let Some(s) = spec.as_object_mut() {
                let sa = s
                    .get("serviceAccountName")
                    .or_else(|| s.get("serviceAccount"))
                    .cloned()
                    .unwrap_or(json!("default"));
                s.insert("serviceAccountName".into(), sa.clone());
                s.insert("serviceAccount".into(), sa);
            }
        }
        ("", "secrets") => {
            let _ = fold_string_data(obj);
            if obj.get("type").is_none() {
                obj["type"] = json!("Opaque");
            }
        }
        ("", "services") => {
            let Some(spec) = obj.get_mut("spec").and_then(Value::as_object_mut) else {
                return;
            };
            spec.entry("type").or_insert(json!("ClusterIP"));
            spec.entry("sessionAffinity").or_insert(json!("None"));
            let service_type = spec
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let external_name = service_type == "ExternalName";
            if !external_name {
                // A single-stack IPv4 cluster, as the real one; a headless Service without a
                // selector asks for both families (and gets what the cluster has).
                let headless = spec.get("clusterIP").and_then(Value::as_str) == Some("None");
                if headless && spec.get("clusterIPs").is_none() {
                    spec.insert("clusterIPs".into(), json!(["None"]));
                }
                let policy = if headless && spec.get("selector").is_none() {
                    "RequireDualStack"
                } else {
                    "SingleStack"
                };
                spec.entry("ipFamilyPolicy").or_insert(json!(policy));
                spec.entry("ipFamilies").or_insert(json!(["IPv4"]));
                spec.entry("internalTrafficPolicy")
                    .or_insert(json!("Cluster"));
            }
            if matches!(service_type.as_str(), "NodePort" | "LoadBalancer") {
                spec.entry("externalTrafficPolicy")
                    .or_insert(json!("Cluster"));
            }
            if service_type == "LoadBalancer" {
                spec.entry("allocateLoadBalancerNodePorts")
                    .or_insert(json!(true));
            }
            if spec.get("clusterIP").is_none() && !external_name {
                let n = st.rv;
                let ip = format!("10.96.{}.{}", (n / 250) % 250, n % 250 + 1);
                spec.insert("clusterIP".into(), json!(ip));
                spec.insert("clusterIPs".into(), json!([ip]));
            }
            // NodePort and LoadBalancer Services get a node port on every port that has none,
            // from the default range 30000-32767, as the real allocator does.
            let needs_node_port = matches!(
                spec.get("type").and_then(Value::as_str),
                Some("NodePort" | "LoadBalancer")
            );
            if let Some(ports) = spec.get_mut("ports").and_then(Value::as_array_mut) {
                for (i, p) in ports.iter_mut().enumerate() {
                    let port = p.get("port").cloned();
                    if let Some(p) = p.as_object_mut() {
                        p.entry("protocol").or_insert(json!("TCP"));
                        if let Some(port) = port {
                            p.entry("targetPort").or_insert(port);
                        }
                        if needs_node_port && p.get("nodePort").is_none_or(|n| n == 0) {
                            let offset = (st.rv * 7 + i as u64) % 2768;
                            p.insert("nodePort".into(), json!(30000 + offset));
                        }
                    }
                }
            }
        }
        ("", "persistentvolumeclaims") => {
            if let Some(spec) = obj.get_mut("spec").and_then(Value::as_object_mut) {
                spec.entry("volumeMode").or_insert(json!("Filesystem"));
            }
        }
        ("apps", "deployments" | "statefulsets" | "replicasets") => {
            let is_deploy = rt.plural == "deployments";
            let is_sts = rt.plural == "statefulsets";
            if let Some(spec) = obj.get_mut("spec").and_then(Value::as_object_mut) {
                spec.entry("replicas").or_insert(json!(1));
                if is_deploy {
                    spec.entry("revisionHistoryLimit").or_insert(json!(10));
                    spec.entry("progressDeadlineSeconds").or_insert(json!(600));
                    spec.entry("strategy").or_insert(json!({
                        "type": "RollingUpdate",
                        "rollingUpdate": {"maxUnavailable": "25%", "maxSurge": "25%"}
                    }));
                }
                if is_sts {
                    spec.entry("persistentVolumeClaimRetentionPolicy")
                        .or_insert(json!({"whenDeleted": "Retain", "whenScaled": "Retain"}));
                    spec.entry("podManagementPolicy")
                        .or_insert(json!("OrderedReady"));
                    spec.entry("revisionHistoryLimit").or_insert(json!(10));
                    spec.entry("updateStrategy").or_insert(json!({
                        "type": "RollingUpdate", "rollingUpdate": {"partition": 0}
                    }));
                }
                if let Some(tpl) = spec.get_mut("template").and_then(|t| t.get_mut("spec")) {
                    default_pod_spec(tpl);
                }
            }
        }
        ("apps", "daemonsets") => {
            if let Some(spec) = obj.get_mut("spec").and_then(Value::as_object_mut) {
                spec.entry("revisionHistoryLimit").or_insert(json!(10));
                spec.entry("updateStrategy").or_insert(json!({
                    "type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1, "maxSurge": 0}
                }));
                if let Some(tpl) = spec.get_mut("template").and_then(|t| t.get_mut("spec")) {
                    default_pod_spec(tpl);
                }
            }
        }
        ("batch", "jobs") => {
            if let Some(spec) = obj.get_mut("spec").and_then(Value::as_object_mut) {
                spec.entry("completionMode").or_insert(json!("NonIndexed"));
                spec.entry("manualSelector").or_insert(json!(false));
                if spec.get("podFailurePolicy").is_none() {
                    spec.entry("podReplacementPolicy")
                        .or_insert(json!("TerminatingOrFailed"));
                }
                spec.entry("backoffLimit").or_insert(json!(6));
                spec.entry("completions").or_insert(json!(1));
                spec.entry("parallelism").or_insert(json!(1));
                if let Some(tpl) = spec.get_mut("template").and_then(|t| t.get_mut("spec")) {
                    default_pod_spec(tpl);
                }
            }
        }
        _ => {}
    }
}

/// Where the ServiceAccount admission plugin mounts the API token.
const TOKEN_MOUNT_PATH: &str = "/var/run/secrets/kubernetes.io/serviceaccount";

/// What admission plugins add to a new pod: Priority (`priority`, `preemptionPolicy`),
/// DefaultTolerationSeconds (5 minutes on not-ready and unreachable nodes), the pod defaulter's
/// `enableServiceLinks`, and ServiceAccount (the projected `kube-api-access-*` token volume,
/// mounted in every container, unless automounting is off for the pod or its ServiceAccount).
pub fn admit_pod(obj: &mut Value, st: &State) {
    let ns = meta_str(obj, "namespace").to_string();
    let Some(spec) = obj.get_mut("spec").and_then(Value::as_object_mut) else {
        return;
    };
    spec.entry("enableServiceLinks").or_insert(json!(true));
    spec.entry("priority").or_insert(json!(0));
    spec.entry("preemptionPolicy")
        .or_insert(json!("PreemptLowerPriority"));
    let tolerations = spec.entry("tolerations").or_insert_with(|| json!([]));
    if let Some(list) = tolerations.as_array_mut() {
        for key in [
            "node.kubernetes.io/not-ready",
            "node.kubernetes.io/unreachable",
        ] {
            let tolerated = list.iter().any(|t| {
                t["key"] == key && (t["effect"] == "NoExecute" || t.get("effect").is_none())
            });
            if !tolerated {
                list.push(
                    json!({"key": key, "operator": "Exists", "effect": "NoExecute",
                    "tolerationSeconds": 300}),
                );
            }
        }
    }
    let account = spec
        .get("serviceAccountName")
        .and_then(Value::as_str)
        .unwrap_or("default")
        .to_string();
    let automount = spec
        .get("automountServiceAccountToken")
        .and_then(Value::as_bool)
        .or_else(|| {
            st.get("", "serviceaccounts", &ns, &account).and_then(|sa| {
                sa.get("automountServiceAccountToken")
                    .and_then(Value::as_bool)
            })
        })
        .unwrap_or(true);
    if !automount {
        return;
    }
    let volume = format!("kube-api-access-{}", super::write::random_suffix(5));
    let mut mounted = false;
    for list in ["initContainers", "containers"] {
        for container in spec
            .get_mut(list)
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            let mounts = container
                .as_object_mut()
                .map(|c| c.entry("volumeMounts").or_insert_with(|| json!([])));
            let Some(mounts) = mounts.and_then(Value::as_array_mut) else {
                continue;
            };
            if mounts.iter().any(|m| m["mountPath"] == TOKEN_MOUNT_PATH) {
                continue;
            }
            mounts.push(json!({"name": volume, "readOnly": true, "mountPath": TOKEN_MOUNT_PATH}));
            mounted = true;
        }
    }
    if mounted {
        let volumes = spec.entry("volumes").or_insert_with(|| json!([]));
        if let Some(volumes) = volumes.as_array_mut() {
            volumes.push(json!({"name": volume, "projected": {"sources": [
                {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
                {"configMap": {"name": "kube-root-ca.crt", "items": [{"key": "ca.crt", "path": "ca.crt"}]}},
                {"downwardAPI": {"items": [{"path": "namespace",
                    "fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}}]}}
            ], "defaultMode": 420}}));
        }
    }
}

/// Defaults that need the new object's uid (set after [`apply`]): a Job's generated selector and
/// pod labels, a DaemonSet's template generation annotation.
pub fn with_uid(rt: &ResourceType, obj: &mut Value) {
    match (rt.group.as_str(), rt.plural.as_str()) {
        ("batch", "jobs") => {
            let manual = obj.pointer("/spec/manualSelector") == Some(&json!(true));
            if manual || obj.pointer("/spec/selector").is_some() {
                return;
            }
            let uid = meta_str(obj, "uid").to_string();
            let name = meta_str(obj, "name").to_string();
            let generated = json!({
                "batch.kubernetes.io/controller-uid": uid,
                "batch.kubernetes.io/job-name": name,
                "controller-uid": uid,
                "job-name": name,
            });
            obj["spec"]["selector"] =
                json!({"matchLabels": {"batch.kubernetes.io/controller-uid": uid}});
            let template_meta = &mut obj["spec"]["template"]["metadata"];
            if !template_meta.is_object() {
                *template_meta = json!({});
            }
            let labels = template_meta
                .as_object_mut()
                .expect("object")
                .entry("labels")
                .or_insert_with(|| json!({}));
            for (k, v) in generated.as_object().expect("object") {
                labels[k] = v.clone();
            }
            // A Job without labels of its own takes its pods' labels.
            let labels = labels.clone();
            let meta = obj["metadata"].as_object_mut().expect("metadata");
            if meta
                .get("labels")
                .and_then(Value::as_object)
                .is_none_or(|l| l.is_empty())
            {
                meta.insert("labels".into(), labels);
            }
        }
        ("apps", "daemonsets") => {
            let meta = obj["metadata"].as_object_mut().expect("metadata");
            let annotations = meta.entry("annotations").or_insert_with(|| json!({}));
            annotations["deprecated.daemonset.template.generation"] = json!("1");
        }
        _ => {}
    }
}

/// Objects the control plane adds right after a create (namespace contents).
pub fn after_create(rt: &ResourceType, obj: &Value, st: &mut State) {
    if !st.behaviour.controllers || !is(rt, "", "namespaces") {
        return;
    }
    let ns = meta_str(obj, "name").to_string();
    for (resource, kind, extra) in [
        ("serviceaccounts", "ServiceAccount", json!({})),
        (
            "configmaps",
            "ConfigMap",
            json!({"metadata": {"annotations": {"kubernetes.io/description": ROOT_CA_DESCRIPTION}},
                "data": {"ca.crt": ROOT_CA}}),
        ),
    ] {
        let name = if resource == "serviceaccounts" {
            "default"
        } else {
            "kube-root-ca.crt"
        };
        if st.get("", resource, &ns, name).is_some() {
            continue;
        }
        let Some(rt) = st.find_type("", resource).cloned() else {
            continue;
        };
        let mut o =
            json!({"apiVersion": "v1", "kind": kind, "metadata": {"name": name, "namespace": ns}});
        if let Some(m) = extra.as_object() {
            for (k, v) in m {
                match (k.as_str(), v.as_object()) {
                    ("metadata", Some(meta)) => {
                        for (mk, mv) in meta {
                            o["metadata"][mk] = mv.clone();
                        }
                    }
                    _ => o[k] = v.clone(),
                }
            }
        }
        // The root-CA publisher writes through the API (its managedFields show it); the
        // ServiceAccount controller's object carries none.
        let opts = if resource == "configmaps" {
            super::write::WriteOptions {
                from_api: true,
                field_manager: Some("kube-controller-manager".into()),
                ..Default::default()
            }
        } else {
            Default::default()
        };
        let _ = super::write::create(st, &rt, "v1", &ns, o, &opts);
    }
}
