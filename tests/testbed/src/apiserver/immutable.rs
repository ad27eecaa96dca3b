//! Update rules the real server enforces on built-in types: immutable ConfigMaps/Secrets, pod
//! specs, workload selectors, StatefulSet and Job specs, PVC specs, Service cluster IPs.

use serde_json::{Value, json};

use super::resources::ResourceType;
use super::status::ApiError;
use super::store::meta_str;

fn without(obj: &Value, pointers: &[&str]) -> Value {
    let mut o = obj.clone();
    for p in pointers {
        let (parent, last) = p.rsplit_once('/').expect("pointer");
        if let Some(m) = o.pointer_mut(parent).and_then(Value::as_object_mut) {
            m.shift_remove(last);
        }
    }
    o
}

fn pod_spec_mutable_part(spec: &Value) -> Value {
    let mut s = without(
        spec,
        &[
            "/activeDeadlineSeconds",
            "/tolerations",
            "/terminationGracePeriodSeconds",
        ],
    );
    for list in ["containers", "initContainers"] {
        if let Some(cs) = s.get_mut(list).and_then(Value::as_array_mut) {
            for c in cs {
                if let Some(m) = c.as_object_mut() {
                    m.shift_remove("image");
                }
            }
        }
    }
    s
}

/// Values the server allocated that an update may leave out (a Service's cluster IPs).
pub fn carry_over(rt: &ResourceType, old: &Value, new: &mut Value) {
    if !(rt.group.is_empty() && rt.plural == "services") {
        return;
    }
    let missing = new
        .pointer("/spec/clusterIP")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty);
    if let (true, Some(spec)) = (missing, new.get_mut("spec").and_then(Value::as_object_mut)) {
        for field in ["clusterIP", "clusterIPs"] {
            if let Some(v) = old.pointer(&format!("/spec/{field}")) {
                spec.insert(field.into(), v.clone());
            }
        }
    }
    // Node ports left out are kept, matched by port name (the real `patchAllocatedValues`),
    // when both the old and the new type need them.
    let needs_node_port = |svc: &Value| {
        matches!(
            svc.pointer("/spec/type").and_then(Value::as_str),
            Some("NodePort" | "LoadBalancer")
        )
    };
    if needs_node_port(old) && needs_node_port(new) {
        let old_ports = old
            .pointer("/spec/ports")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let port_name = |p: &Value| {
            p.get("name")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        if let Some(ports) = new.pointer_mut("/spec/ports").and_then(Value::as_array_mut) {
            for port in ports {
                let unset = port.get("nodePort").is_none_or(|n| n == 0);
                let previous = old_ports
                    .iter()
                    .find(|o| port_name(o) == port_name(port))
                    .and_then(|o| o.get("nodePort"))
                    .cloned();
                if let (true, Some(previous), Some(port)) = (unset, previous, port.as_object_mut())
                {
                    port.insert("nodePort".into(), previous);
                }
            }
        }
    }
}

/// Checks an update (`new` replacing `old`, both defaulted).
pub fn check(rt: &ResourceType, old: &Value, new: &Value) -> Result<(), ApiError> {
    let name = meta_str(old, "name").to_string();
    let forbid = |field: &str, reason: &str, message: String| {
        Err(ApiError::invalid(
            &rt.group,
            &rt.kind,
            &name,
            &[(field, reason, message)],
        ))
    };
    let changed = |pointer: &str, new: &Value| old.pointer(pointer) != new.pointer(pointer);
    match (rt.group.as_str(), rt.plural.as_str()) {
        ("", "configmaps" | "secrets") if old["immutable"] == true => {
            for field in ["data", "binaryData", "immutable"] {
                if changed(&format!("/{field}"), new) {
                    return forbid(
                        field,
                        "FieldValueForbidden",
                        "Forbidden: field is immutable when `immutable` is set".into(),
                    );
                }
            }
        }
        ("", "pods") => {
            let (o, n) = (
                old.get("spec").cloned().unwrap_or(json!({})),
                new.get("spec").cloned().unwrap_or(json!({})),
            );
            if pod_spec_mutable_part(&o) != pod_spec_mutable_part(&n) {
                return forbid(
                    "spec",
                    "FieldValueForbidden",
                    "Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)".into(),
                );
            }
        }
        ("apps", "deployments" | "replicasets" | "daemonsets")
            if changed("/spec/selector", new) =>
        {
            return forbid(
                "spec.selector",
                "FieldValueInvalid",
                format!(
                    "Invalid value: {}: field is immutable",
                    new.pointer("/spec/selector")
                        .cloned()
                        .unwrap_or(Value::Null)
                ),
            );
        }
        ("apps", "statefulsets") => {
            let mutable = [
                "/replicas",
                "/ordinals",
                "/template",
                "/updateStrategy",
                "/persistentVolumeClaimRetentionPolicy",
                "/minReadySeconds",
            ];
            let strip = |o: &Value| without(&o.get("spec").cloned().unwrap_or(json!({})), &mutable);
            if strip(old) != strip(new) {
                return forbid("spec", "FieldValueForbidden", "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden".into());
            }
        }
        ("batch", "jobs") => {
            for (pointer, field) in [
                ("/spec/selector", "spec.selector"),
                ("/spec/template", "spec.template"),
                ("/spec/completions", "spec.completions"),
            ] {
                if changed(pointer, new) {
                    return forbid(
                        field,
                        "FieldValueInvalid",
                        "Invalid value: field is immutable".into(),
                    );
                }
            }
        }
        ("", "persistentvolumeclaims") => {
            let strip = |o: &Value| {
                without(
                    &o.get("spec").cloned().unwrap_or(json!({})),
                    &["/resources", "/volumeAttributesClassName"],
                )
            };
            if strip(old) != strip(new) {
                return forbid("spec", "FieldValueForbidden", "Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims".into());
            }
        }
        ("", "services") => {
            let old_ip = old.pointer("/spec/clusterIP").and_then(Value::as_str);
            let new_ip = new.pointer("/spec/clusterIP").and_then(Value::as_str);
            if let (Some(o), Some(n)) = (old_ip, new_ip)
                && o != n
            {
                return forbid(
                    "spec.clusterIPs[0]",
                    "FieldValueInvalid",
                    format!("Invalid value: []string{{\"{n}\"}}: may not change once set"),
                );
            }
        }
        _ => {}
    }
    Ok(())
}
