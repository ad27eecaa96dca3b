//! Custom resources against their CRD's structural schema, as the real server treats them:
//! unknown fields are pruned (unless `x-kubernetes-preserve-unknown-fields`), `default`s are
//! filled in, and types, `required` and `enum` are checked (422 Invalid).

use serde_json::{Map, Value};

use super::resources::ResourceType;
use super::status::ApiError;
use super::store::{State, meta_str};

/// The `openAPIV3Schema` of `version` in the CRD that defines `rt`.
fn schema_for(st: &State, rt: &ResourceType, version: &str) -> Option<Value> {
    let crd = st.get(
        "apiextensions.k8s.io",
        "customresourcedefinitions",
        "",
        &format!("{}.{}", rt.plural, rt.group),
    )?;
    let versions = crd.pointer("/spec/versions")?.as_array()?;
    let v = versions.iter().find(|v| v["name"] == version)?;
    v.pointer("/schema/openAPIV3Schema").cloned()
}

struct Violation {
    field: String,
    reason: &'static str,
    message: String,
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn type_ok(schema: &Value, v: &Value) -> bool {
    if v.is_null() {
        return schema["nullable"] == true;
    }
    if schema["x-kubernetes-int-or-string"] == true {
        return matches!(type_name(v), "integer" | "string");
    }
    match schema.get("type").and_then(Value::as_str) {
        None => true,
        Some("number") => matches!(type_name(v), "integer" | "number"),
        Some(t) => t == type_name(v),
    }
}

fn walk(schema: &Value, v: &mut Value, path: &str, out: &mut Vec<Violation>) {
    if !type_ok(schema, v) {
        let expected = schema
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("integer or string");
        out.push(Violation {
            field: path.to_string(),
            reason: "FieldValueTypeInvalid",
            message: format!(
                "Invalid value: \"{actual}\": {path} in body must be of type {expected}: \"{actual}\"",
                actual = type_name(v)
            ),
        });
        return;
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(v)
    {
        let list: Vec<String> = allowed.iter().map(Value::to_string).collect();
        out.push(Violation {
            field: path.to_string(),
            reason: "FieldValueNotSupported",
            message: format!(
                "Unsupported value: {v}: supported values: {}",
                list.join(", ")
            ),
        });
    }
    let child = |name: &str| {
        if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        }
    };
    match v {
        Value::Object(map) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            let additional = schema.get("additionalProperties");
            let preserve = schema["x-kubernetes-preserve-unknown-fields"] == true;
            let embedded = schema["x-kubernetes-embedded-resource"] == true;
            // Nulls in fields that are not nullable are dropped (then defaulted).
            let nulls: Vec<String> = map
                .iter()
                .filter(|(k, v)| {
                    v.is_null()
                        && properties
                            .and_then(|p| p.get(*k))
                            .or(additional.filter(|a| a.is_object()))
                            .is_some_and(|sub| sub["nullable"] != true)
                })
                .map(|(k, _)| k.clone())
                .collect();
            for k in nulls {
                map.shift_remove(&k);
            }
            if let Some(props) = properties {
                for (name, prop) in props {
                    if !map.contains_key(name)
                        && let Some(d) = prop.get("default")
                    {
                        map.insert(name.clone(), d.clone());
                    }
                }
            }
            let keys: Vec<String> = map.keys().cloned().collect();
            for key in keys {
                let top_level_meta =
                    path.is_empty() && matches!(key.as_str(), "apiVersion" | "kind" | "metadata");
                if top_level_meta
                    || (embedded && matches!(key.as_str(), "apiVersion" | "kind" | "metadata"))
                {
                    continue;
                }
                let sub = properties.and_then(|p| p.get(&key)).or(match additional {
                    Some(Value::Object(_)) => additional,
                    _ => None,
                });
                match sub {
                    Some(sub) => walk(sub, map.get_mut(&key).expect("key"), &child(&key), out),
                    None if preserve || additional == Some(&Value::Bool(true)) => {}
                    None => {
                        map.shift_remove(&key);
                    }
                }
            }
            for req in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if !map.contains_key(req) {
                    out.push(Violation {
                        field: child(req),
                        reason: "FieldValueRequired",
                        message: "Required value".into(),
                    });
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items") {
                for (i, item) in items.iter_mut().enumerate() {
                    walk(item_schema, item, &format!("{path}[{i}]"), out);
                }
            }
        }
        _ => {}
    }
}

/// Prunes, defaults and validates `obj` (a custom resource) in place.
pub fn apply(
    st: &State,
    rt: &ResourceType,
    version: &str,
    obj: &mut Value,
) -> Result<(), ApiError> {
    if rt.builtin {
        return Ok(());
    }
    let Some(schema) = schema_for(st, rt, version) else {
        return Ok(());
    };
    let mut violations = Vec::new();
    if !obj.is_object() {
        *obj = Value::Object(Map::new());
    }
    walk(&schema, obj, "", &mut violations);
    if violations.is_empty() {
        return Ok(());
    }
    let causes: Vec<(&str, &str, String)> = violations
        .iter()
        .map(|v| (v.field.as_str(), v.reason, v.message.clone()))
        .collect();
    Err(ApiError::invalid(
        &rt.group,
        &rt.kind,
        meta_str(obj, "name"),
        &causes,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn prunes_defaults_and_validates() {
        let schema = json!({"type": "object", "properties": {
            "spec": {"type": "object", "required": ["size"], "properties": {
                "size": {"type": "string", "enum": ["S", "M"]},
                "count": {"type": "integer", "default": 1},
                "free": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
                "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                "port": {"x-kubernetes-int-or-string": true}
            }}
        }});
        let mut ok = json!({"apiVersion": "x/v1", "kind": "W", "metadata": {"name": "w"},
            "spec": {"size": "S", "unknown": 1, "free": {"any": {"thing": 1}}, "labels": {"a": "b"}, "port": "http"}, "extra": true});
        let mut v = Vec::new();
        walk(&schema, &mut ok, "", &mut v);
        assert!(v.is_empty());
        assert_eq!(
            ok,
            json!({"apiVersion": "x/v1", "kind": "W", "metadata": {"name": "w"},
            "spec": {"size": "S", "free": {"any": {"thing": 1}}, "labels": {"a": "b"}, "port": "http", "count": 1}})
        );
        let mut bad = json!({"spec": {"size": "XL", "count": "two"}});
        walk(&schema, &mut bad, "", &mut v);
        let fields: Vec<&str> = v.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(fields, ["spec.size", "spec.count"]);
        assert!(
            v[1].message
                .contains("spec.count in body must be of type integer")
        );
        let mut nulls = json!({"spec": {"size": "S", "count": null}});
        v.clear();
        walk(&schema, &mut nulls, "", &mut v);
        assert!(v.is_empty());
        assert_eq!(nulls["spec"]["count"], 1, "null dropped, then defaulted");
        let mut missing = json!({"spec": {}});
        v.clear();
        walk(&schema, &mut missing, "", &mut v);
        assert_eq!(v[0].field, "spec.size");
        assert_eq!(v[0].message, "Required value");
    }
}
