//! What changed between an object in a snapshot and the same object in the live cluster, as the
//! JSON paths that differ (`spec.replicas`, `data.app.conf`, `spec.template.spec.containers[0]`).

use serde_json::Value as Json;

/// Bookkeeping that changes on every write and says nothing about what the user changed.
const IGNORED: &[&str] = &["metadata.resourceVersion", "metadata.managedFields"];

/// The paths where `before` and `after` differ, in document order; a path is reported once, at
/// the deepest object level where it differs (list elements are compared whole when the lists'
/// lengths differ).
pub fn changed_paths(before: &Json, after: &Json) -> Vec<String> {
    let mut out = Vec::new();
    walk(before, after, String::new(), &mut out);
    out
}

fn walk(before: &Json, after: &Json, path: String, out: &mut Vec<String>) {
    if IGNORED.contains(&path.as_str()) || before == after {
        return;
    }
    match (before, after) {
        (Json::Object(a), Json::Object(b)) => {
            let mut keys: Vec<&String> = a
                .keys()
                .chain(b.keys().filter(|k| !a.contains_key(*k)))
                .collect();
            keys.dedup();
            for key in keys {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk(
                    a.get(key).unwrap_or(&Json::Null),
                    b.get(key).unwrap_or(&Json::Null),
                    child,
                    out,
                );
            }
        }
        (Json::Array(a), Json::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                walk(x, y, format!("{path}[{i}]"), out);
            }
        }
        _ => out.push(if path.is_empty() { ".".into() } else { path }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reports_the_paths_that_differ() {
        let before = json!({"metadata": {"name": "web", "resourceVersion": "5", "labels": {"a": "1"}},
            "spec": {"replicas": 2, "template": {"spec": {"containers": [{"image": "nginx:1"}]}}}});
        let after = json!({"metadata": {"name": "web", "resourceVersion": "9", "labels": {"a": "1", "b": "2"}},
            "spec": {"replicas": 3, "template": {"spec": {"containers": [{"image": "nginx:2"}]}}}});
        assert_eq!(
            changed_paths(&before, &after),
            [
                "metadata.labels.b",
                "spec.replicas",
                "spec.template.spec.containers[0].image"
            ]
        );
        assert!(changed_paths(&before, &before.clone()).is_empty());
        let mut only_version = before.clone();
        only_version["metadata"]["resourceVersion"] = json!("77");
        assert!(changed_paths(&before, &only_version).is_empty());
        assert_eq!(
            changed_paths(&json!({"a": [1]}), &json!({"a": [1, 2]})),
            ["a"]
        );
    }
}
