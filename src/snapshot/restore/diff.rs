//! Comparing a live object with the one a restore would create: a JSON merge patch of what
//! differs (fields the backup has; fields only the server has, such as defaults, are not
//! differences) and a readable line per change for `--dry-run`, with Secret values hidden.

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The merge patch that makes `live` carry every field of `desired`, or `None` if it already
/// does.
pub fn merge_patch(live: &Value, desired: &Value) -> Option<Value> {
    match (live, desired) {
        (Value::Object(live), Value::Object(desired)) => {
            let mut patch = Map::new();
            for (key, want) in desired {
                if want.is_null() {
                    continue;
                }
                match live.get(key) {
                    Some(have) => {
                        if let Some(sub) = merge_patch(have, want) {
                            patch.insert(key.clone(), sub);
                        }
                    }
                    None => {
                        patch.insert(key.clone(), want.clone());
                    }
                }
            }
            (!patch.is_empty()).then_some(Value::Object(patch))
        }
        _ => (live != desired).then(|| desired.clone()),
    }
}

/// One line per changed leaf: `data.mode: "dev" → "prod"`. Values under a Secret's
/// `data`/`stringData` are shown as a short hash, never in clear.
pub fn describe_changes(live: &Value, patch: &Value, secret: bool) -> Vec<String> {
    let mut lines = Vec::new();
    walk(live, patch, String::new(), secret, &mut lines);
    lines
}

fn walk(live: &Value, patch: &Value, path: String, secret: bool, out: &mut Vec<String>) {
    match patch {
        Value::Object(fields) if live.is_object() || live.is_null() => {
            for (key, sub) in fields {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let have = live.get(key).unwrap_or(&Value::Null);
                if have.is_null() {
                    out.push(format!("{child}: (absent) → {}", show(sub, &child, secret)));
                } else {
                    walk(have, sub, child, secret, out);
                }
            }
        }
        _ => out.push(format!(
            "{path}: {} → {}",
            show(live, &path, secret),
            show(patch, &path, secret)
        )),
    }
}

fn show(value: &Value, path: &str, secret: bool) -> String {
    let sensitive = secret && (path.starts_with("data") || path.starts_with("stringData"));
    if sensitive {
        return redact(value);
    }
    let text = value.to_string();
    if text.chars().count() > 120 {
        let cut: String = text.chars().take(117).collect();
        format!("{cut}...")
    } else {
        text
    }
}

fn redact(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{k:?}: {}", redact(v)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
        other => {
            let digest = hex::encode(Sha256::digest(other.to_string().as_bytes()));
            format!("<hidden, sha256 {}>", &digest[..8])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn patch_only_what_the_backup_has() {
        let live = json!({"metadata": {"name": "a", "labels": {"x": "1"}}, "data": {"mode": "dev"}, "extra": 1});
        let desired = json!({"metadata": {"name": "a", "labels": {"x": "1", "y": "2"}}, "data": {"mode": "prod"}});
        let patch = merge_patch(&live, &desired).unwrap();
        assert_eq!(
            patch,
            json!({"metadata": {"labels": {"y": "2"}}, "data": {"mode": "prod"}})
        );
        assert_eq!(
            describe_changes(&live, &patch, false),
            [
                "metadata.labels.y: (absent) → \"2\"",
                "data.mode: \"dev\" → \"prod\""
            ]
        );
        assert_eq!(merge_patch(&desired, &desired), None);
    }

    #[test]
    fn secret_values_are_hidden() {
        let live = json!({"data": {"password": "b2xk"}});
        let desired = json!({"data": {"password": "bmV3", "token": "dA=="}});
        let patch = merge_patch(&live, &desired).unwrap();
        let lines = describe_changes(&live, &patch, true).join("\n");
        assert!(
            !lines.contains("b2xk") && !lines.contains("bmV3") && !lines.contains("dA=="),
            "{lines}"
        );
        assert!(lines.contains("data.password: <hidden, sha256"), "{lines}");
    }
}
