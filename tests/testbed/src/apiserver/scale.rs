//! The `/scale` subresource (autoscaling/v1 `Scale`) of workloads and CRDs that declare it.

use http::Response;
use serde_json::{Value, json};

use super::Inner;
use super::handlers::{apply_patch, parse_body, present, write_options};
use super::http::{Body, Call, json_response};
use super::resources::ResourceType;
use super::selector::LabelSelector;
use super::status::ApiError;
use super::store::meta_str;
use super::write;

fn pointer_of(path: &str) -> String {
    path.trim_start_matches('.')
        .split('.')
        .fold(String::new(), |mut acc, part| {
            acc.push('/');
            acc.push_str(part);
            acc
        })
}

fn scale_of(rt: &ResourceType, obj: &Value) -> Value {
    let paths = rt.scale.as_ref().expect("scale subresource");
    let spec = obj
        .pointer(&pointer_of(&paths.spec_replicas))
        .and_then(Value::as_i64)
        .unwrap_or(0);
    let status = obj
        .pointer(&pointer_of(&paths.status_replicas))
        .and_then(Value::as_i64)
        .unwrap_or(0);
    let selector = paths
        .label_selector
        .as_deref()
        .and_then(|p| obj.pointer(&pointer_of(p)))
        .map(|s| match s {
            Value::String(s) => s.clone(),
            other => LabelSelector::from_object(other).to_query(),
        });
    let m = &obj["metadata"];
    let mut status_obj = json!({"replicas": status});
    if let Some(sel) = selector {
        status_obj["selector"] = json!(sel);
    }
    json!({
        "kind": "Scale",
        "apiVersion": "autoscaling/v1",
        "metadata": {
            "name": m["name"], "namespace": m["namespace"], "uid": m["uid"],
            "resourceVersion": m["resourceVersion"], "creationTimestamp": m["creationTimestamp"]
        },
        "spec": {"replicas": spec},
        "status": status_obj,
    })
}

pub fn scale(
    inner: &Inner,
    rt: &ResourceType,
    version: &str,
    ns: &str,
    name: &str,
    call: &Call,
) -> Result<Response<Body>, ApiError> {
    if call.method == "GET" {
        let st = inner.store.lock();
        let obj = st
            .get(&rt.group, &rt.plural, ns, name)
            .ok_or_else(|| ApiError::not_found(&rt.group, &rt.plural, name))?;
        return Ok(json_response(200, &scale_of(rt, &obj)));
    }
    if call.method != "PUT" && call.method != "PATCH" {
        return Err(ApiError::method_not_allowed());
    }
    let opts = write_options(call, false);
    let content_type = call.header("content-type").unwrap_or_default().to_string();
    let updated = inner.store.write(|st| -> Result<Value, ApiError> {
        let current = st
            .get(&rt.group, &rt.plural, ns, name)
            .ok_or_else(|| ApiError::not_found(&rt.group, &rt.plural, name))?;
        let mut scale = scale_of(rt, &current);
        let wanted = if call.method == "PUT" {
            parse_body(call)?
        } else {
            // Scale is a built-in type: every patch flavour works on it.
            let scale_type = ResourceType {
                builtin: true,
                ..rt.clone()
            };
            apply_patch(&scale_type, &content_type, &mut scale, &call.body)?;
            scale
        };
        let rv = wanted
            .pointer("/metadata/resourceVersion")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if !rv.is_empty() && rv != meta_str(&current, "resourceVersion") {
            return Err(ApiError::conflict(&rt.group, &rt.plural, name));
        }
        let replicas = wanted
            .pointer("/spec/replicas")
            .and_then(Value::as_i64)
            .ok_or_else(|| {
                ApiError::invalid(
                    "autoscaling",
                    "Scale",
                    name,
                    &[(
                        "spec.replicas",
                        "FieldValueRequired",
                        "Required value".into(),
                    )],
                )
            })?;
        if replicas < 0 {
            return Err(ApiError::invalid(
                "autoscaling",
                "Scale",
                name,
                &[(
                    "spec.replicas",
                    "FieldValueInvalid",
                    format!("Invalid value: {replicas}: must be greater than or equal to 0"),
                )],
            ));
        }
        let mut obj = present(rt, version, &current);
        let ptr = pointer_of(&rt.scale.as_ref().expect("scale").spec_replicas);
        set_pointer(&mut obj, &ptr, json!(replicas));
        write::update(st, rt, version, ns, name, obj, None, &opts)
    })?;
    Ok(json_response(200, &scale_of(rt, &updated)))
}

fn set_pointer(obj: &mut Value, pointer: &str, value: Value) {
    let mut cur = obj;
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        if i == parts.len() - 1 {
            cur[*part] = value;
            return;
        }
        if !cur.get(*part).is_some_and(Value::is_object) {
            cur[*part] = json!({});
        }
        cur = &mut cur[*part];
    }
}
