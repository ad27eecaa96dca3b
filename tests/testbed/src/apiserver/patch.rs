//! The three PATCH flavours: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and strategic
//! merge patch for built-in types (merge keys of the fields the plugin touches).

use serde_json::{Map, Value};

/// RFC 7386.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch_map) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    let map = target.as_object_mut().expect("object");
    for (k, v) in patch_map {
        if v.is_null() {
            map.shift_remove(k);
        } else {
            merge_patch(map.entry(k.clone()).or_insert(Value::Null), v);
        }
    }
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

fn split_pointer(path: &str) -> Result<(String, String), String> {
    if path.is_empty() {
        return Ok((String::new(), String::new()));
    }
    let idx = path
        .rfind('/')
        .ok_or_else(|| format!("invalid JSON pointer {path:?}"))?;
    Ok((path[..idx].to_string(), unescape(&path[idx + 1..])))
}

fn add_at(doc: &mut Value, path: &str, value: Value) -> Result<(), String> {
    if path.is_empty() {
        *doc = value;
        return Ok(());
    }
    let (parent, last) = split_pointer(path)?;
    let container = doc
        .pointer_mut(&parent)
        .ok_or_else(|| format!("add operation does not apply: doc is missing path: {parent:?}"))?;
    match container {
        Value::Object(m) => {
            m.insert(last, value);
            Ok(())
        }
        Value::Array(a) => {
            if last == "-" {
                a.push(value);
                return Ok(());
            }
            let i: usize = last
                .parse()
                .map_err(|_| format!("invalid array index {last:?}"))?;
            if i > a.len() {
                return Err(format!("add operation: index {i} out of bounds"));
            }
            a.insert(i, value);
            Ok(())
        }
        _ => Err(format!(
            "add operation does not apply: {parent:?} is not a container"
        )),
    }
}

fn remove_at(doc: &mut Value, path: &str) -> Result<Value, String> {
    let (parent, last) = split_pointer(path)?;
    let missing = || format!("remove operation does not apply: doc is missing path: {path:?}");
    match doc.pointer_mut(&parent).ok_or_else(missing)? {
        Value::Object(m) => m.shift_remove(&last).ok_or_else(missing),
        Value::Array(a) => {
            let i: usize = last.parse().map_err(|_| missing())?;
            if i >= a.len() {
                return Err(missing());
            }
            Ok(a.remove(i))
        }
        _ => Err(missing()),
    }
}

/// RFC 6902. Errors carry the message the API server returns (as a 422).
pub fn json_patch(doc: &mut Value, ops: &Value) -> Result<(), String> {
    let ops = ops
        .as_array()
        .ok_or("the JSON patch must be an array of operations")?;
    for op in ops {
        let kind = op.get("op").and_then(Value::as_str).unwrap_or_default();
        let path = op
            .get("path")
            .and_then(Value::as_str)
            .ok_or("operation is missing \"path\"")?;
        let value = || {
            op.get("value")
                .cloned()
                .ok_or("operation is missing \"value\"")
        };
        match kind {
            "add" => add_at(doc, path, value()?)?,
            "remove" => {
                remove_at(doc, path)?;
            }
            "replace" => {
                let target = doc.pointer_mut(path).ok_or_else(|| {
                    format!("replace operation does not apply: doc is missing key: {path}")
                })?;
                *target = value()?;
            }
            "test" => {
                if doc.pointer(path) != Some(&value()?) {
                    return Err(format!("testing value {path} failed: test failed"));
                }
            }
            "move" | "copy" => {
                let from = op
                    .get("from")
                    .and_then(Value::as_str)
                    .ok_or("operation is missing \"from\"")?;
                let v = if kind == "move" {
                    remove_at(doc, from)?
                } else {
                    doc.pointer(from)
                        .cloned()
                        .ok_or_else(|| format!("copy operation: missing {from}"))?
                };
                add_at(doc, path, v)?;
            }
            other => return Err(format!("Unexpected kind: {other}")),
        }
    }
    Ok(())
}

/// The merge key of a list field in built-in types, `None` for atomic lists.
fn merge_key(field: &str, items: &[Value]) -> Option<&'static str> {
    Some(match field {
        "containers"
        | "initContainers"
        | "ephemeralContainers"
        | "volumes"
        | "env"
        | "imagePullSecrets"
        | "secrets"
        | "resourceClaims"
        | "schedulingGates" => "name",
        "volumeMounts" => "mountPath",
        "volumeDevices" => "devicePath",
        "conditions" => "type",
        "ownerReferences" => "uid",
        "hostAliases" => "ip",
        "topologySpreadConstraints" => "topologyKey",
        "ports" => {
            if items.iter().any(|i| i.get("containerPort").is_some()) {
                "containerPort"
            } else {
                "port"
            }
        }
        _ => return None,
    })
}

/// Lists of scalars merged as sets (`patchStrategy: merge` without a key).
fn is_primitive_merge(field: &str) -> bool {
    field == "finalizers"
}

fn strip_directives(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !k.starts_with('$'))
                .map(|(k, v)| (k.clone(), strip_directives(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip_directives).collect()),
        other => other.clone(),
    }
}

/// Strategic merge patch. Returns false when the patch deleted the target (`$patch: delete`).
pub fn strategic_merge(target: &mut Value, patch: &Value) -> bool {
    let Value::Object(pm) = patch else {
        *target = patch.clone();
        return true;
    };
    match pm.get("$patch").and_then(Value::as_str) {
        Some("replace") => {
            *target = strip_directives(patch);
            return true;
        }
        Some("delete") => return false,
        _ => {}
    }
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    let map = target.as_object_mut().expect("object");
    for (k, v) in pm {
        if let Some(field) = k.strip_prefix("$deleteFromPrimitiveList/") {
            if let (Some(Value::Array(list)), Some(remove)) = (map.get_mut(field), v.as_array()) {
                list.retain(|x| !remove.contains(x));
            }
            continue;
        }
        if k.starts_with('$') {
            continue;
        }
        match v {
            Value::Null => {
                map.shift_remove(k);
            }
            Value::Object(_) => {
                let slot = map.entry(k.clone()).or_insert(Value::Null);
                if !strategic_merge(slot, v) {
                    map.shift_remove(k);
                }
            }
            Value::Array(items) => {
                let existing = map.get_mut(k);
                match existing {
                    Some(Value::Array(current)) => merge_list(k, current, items),
                    _ => {
                        let cleaned: Vec<Value> = items
                            .iter()
                            .filter(|i| i.get("$patch").is_none())
                            .map(strip_directives)
                            .collect();
                        map.insert(k.clone(), Value::Array(cleaned));
                    }
                }
            }
            other => {
                map.insert(k.clone(), other.clone());
            }
        }
    }
    true
}

fn merge_list(field: &str, current: &mut Vec<Value>, items: &[Value]) {
    if items
        .iter()
        .any(|i| i.get("$patch").and_then(Value::as_str) == Some("replace"))
    {
        *current = items
            .iter()
            .filter(|i| i.get("$patch").is_none())
            .map(strip_directives)
            .collect();
        return;
    }
    if is_primitive_merge(field) {
        for item in items {
            if !current.contains(item) {
                current.push(item.clone());
            }
        }
        return;
    }
    let Some(key) = merge_key(field, current.as_slice()).or_else(|| merge_key(field, items)) else {
        *current = items.iter().map(strip_directives).collect();
        return;
    };
    for item in items {
        let id = item.get(key);
        let position = current
            .iter()
            .position(|c| id.is_some() && c.get(key) == id);
        match (position, item.get("$patch").and_then(Value::as_str)) {
            (Some(i), Some("delete")) => {
                current.remove(i);
            }
            (None, Some("delete")) => {}
            (Some(i), _) => {
                strategic_merge(&mut current[i], item);
            }
            (None, _) => current.push(strip_directives(item)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_patch_deletes_nulls_and_replaces_lists() {
        let mut doc = json!({"a": {"b": 1, "c": 2}, "l": [1, 2]});
        merge_patch(&mut doc, &json!({"a": {"b": null, "d": 3}, "l": [3]}));
        assert_eq!(doc, json!({"a": {"c": 2, "d": 3}, "l": [3]}));
    }

    #[test]
    fn json_patch_operations() {
        let mut doc = json!({"spec": {"replicas": 1, "list": ["a"]}});
        json_patch(
            &mut doc,
            &json!([
                {"op": "test", "path": "/spec/replicas", "value": 1},
                {"op": "replace", "path": "/spec/replicas", "value": 3},
                {"op": "add", "path": "/spec/list/-", "value": "b"},
                {"op": "add", "path": "/metadata", "value": {"labels": {"a/b": "x"}}},
                {"op": "copy", "from": "/spec/replicas", "path": "/spec/copy"},
                {"op": "remove", "path": "/metadata/labels/a~1b"}
            ]),
        )
        .unwrap();
        assert_eq!(
            doc,
            json!({"spec": {"replicas": 3, "list": ["a", "b"], "copy": 3}, "metadata": {"labels": {}}})
        );
        let err = json_patch(
            &mut doc,
            &json!([{"op": "replace", "path": "/nope", "value": 1}]),
        );
        assert!(err.unwrap_err().contains("missing"));
        assert!(
            json_patch(
                &mut doc,
                &json!([{"op": "test", "path": "/spec/replicas", "value": 9}])
            )
            .is_err()
        );
    }

    #[test]
    fn strategic_merge_uses_merge_keys() {
        let mut pod = json!({"metadata": {"finalizers": ["a"]}, "spec": {"containers": [
            {"name": "app", "image": "app:1", "env": [{"name": "A", "value": "1"}]},
            {"name": "side", "image": "side:1"}
        ], "tolerations": [{"key": "x"}]}});
        strategic_merge(
            &mut pod,
            &json!({"metadata": {"finalizers": ["b"]}, "spec": {"containers": [
                {"name": "app", "image": "app:2", "env": [{"name": "B", "value": "2"}]},
                {"name": "side", "$patch": "delete"},
                {"name": "new", "image": "new:1"}
            ], "tolerations": [{"key": "y"}]}}),
        );
        assert_eq!(
            pod,
            json!({"metadata": {"finalizers": ["a", "b"]}, "spec": {"containers": [
                {"name": "app", "image": "app:2", "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}]},
                {"name": "new", "image": "new:1"}
            ], "tolerations": [{"key": "y"}]}})
        );
        let mut obj = json!({"metadata": {"finalizers": ["a", "b"]}, "data": {"x": "1"}});
        strategic_merge(
            &mut obj,
            &json!({"$deleteFromPrimitiveList/finalizers": ["a"], "metadata": {"$deleteFromPrimitiveList/finalizers": ["a"]}, "data": {"$patch": "replace", "y": "2"}}),
        );
        assert_eq!(
            obj,
            json!({"metadata": {"finalizers": ["b"]}, "data": {"y": "2"}})
        );
    }
}
