//! Per-type behaviour of the real API server that clients notice: defaulted fields, the
//! status a new object starts with, Secret `stringData`, minimal validation, and the objects a
//! new namespace gets (the `default` ServiceAccount and the `kube-root-ca.crt` ConfigMap).

use base64::Engine;
use serde_json::{Value, json};

use super::resources::ResourceType;
use super::status::ApiError;
use super::store::{State, meta_str};

const ROOT_CA: &str = "-----BEGIN CERTIFICATE-----\nMIIBdjCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhrM3Mtc2Vy\ndmVyLWNhQDE3MDAwMDAwMDAwHhcNMjQwMTAxMDAwMDAwWhcNMzQwMTAxMDAwMDAw\nWjAjMSEwHwYDVQQDDBh0ZXN0YmVkLWZha2Utcm9vdC1jYQ==\n-----END CERTIFICATE-----\n";

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
    Ok(())
}

/// Secret `stringData` is write-only: the server folds it into `data` (base64).
pub fn fold_string_data(obj: &mut Value) -> Result<(), ApiError> {
    let engine = base64::engine::general_purpose::STANDARD;
    if let Some(data) = obj.get("data").and_then(Value::as_object) {
        for (k, v) in data {
            let ok = v.as_str().is_some_and(|s| engine.decode(s).is_ok());
            if !ok {
                return Err(ApiError::bad_request(format!(
                    "Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 0 (key {k:?})"
                )));
            }
        }
    }
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
            if spec.get("clusterIP").is_none() {
                let n = st.rv;
                let ip = format!("10.96.{}.{}", (n / 250) % 250, n % 250 + 1);
                spec.insert("clusterIP".into(), json!(ip));
                spec.insert("clusterIPs".into(), json!([ip]));
            }
            if let Some(ports) = spec.get_mut("ports").and_then(Value::as_array_mut) {
                for p in ports {
                    let port = p.get("port").cloned();
                    if let Some(p) = p.as_object_mut() {
                        p.entry("protocol").or_insert(json!("TCP"));
                        if let Some(port) = port {
                            p.entry("targetPort").or_insert(port);
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
        ("batch", "jobs") => {
            if let Some(spec) = obj.get_mut("spec").and_then(Value::as_object_mut) {
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
            json!({"data": {"ca.crt": ROOT_CA}}),
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
                o[k] = v.clone();
            }
        }
        let _ = super::write::create(st, &rt, "v1", &ns, o, &Default::default());
    }
}
