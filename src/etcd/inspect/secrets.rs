//! Secret values kept out of what `etcd inspect` prints: a Secret's `data` and `stringData`, and
//! the copy of both that `kubectl apply` keeps in the last-applied-configuration annotation.
//! Keys stay visible (and so does `managedFields`, which holds keys, never values).

use base64::Engine;
use serde_json::{Value as Json, json};

pub const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

pub fn is_secret(object: &Json) -> bool {
    object.get("kind").and_then(Json::as_str) == Some("Secret")
        && object.get("apiVersion").and_then(Json::as_str) == Some("v1")
}

/// Replaces every value of a Secret with a note of its size.
pub fn redact(object: &mut Json) {
    if !is_secret(object) {
        return;
    }
    redact_values(object);
    let Some(annotation) = object
        .pointer_mut("/metadata/annotations")
        .and_then(Json::as_object_mut)
        .and_then(|a| a.get_mut(LAST_APPLIED))
    else {
        return;
    };
    let redacted = match annotation.as_str().map(serde_json::from_str::<Json>) {
        Some(Ok(mut applied)) => {
            redact_values(&mut applied);
            applied.to_string()
        }
        // Not JSON we can read: hide it whole rather than risk printing a value.
        _ => note(annotation.as_str().map_or(0, str::len)),
    };
    *annotation = json!(redacted);
}

fn redact_values(object: &mut Json) {
    for (field, base64) in [("data", true), ("stringData", false)] {
        let Some(values) = object.get_mut(field).and_then(Json::as_object_mut) else {
            continue;
        };
        for value in values.values_mut() {
            let text = value.as_str().unwrap_or_default();
            let size = if base64 {
                base64::engine::general_purpose::STANDARD
                    .decode(text)
                    .map_or(text.len(), |b| b.len())
            } else {
                text.len()
            };
            *value = json!(note(size));
        }
    }
}

fn note(size: usize) -> String {
    format!("<redacted: {size} bytes; --show-secrets to reveal>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_hidden_everywhere_keys_are_not() {
        let applied = json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "db"}, "stringData": {"password": "hunter2"}});
        let mut secret = json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "db", "annotations": {LAST_APPLIED: applied.to_string(), "team": "a"}},
            "data": {"password": "aHVudGVyMg=="}, "type": "Opaque"});
        redact(&mut secret);
        let printed = secret.to_string();
        assert!(
            !printed.contains("hunter2") && !printed.contains("aHVudGVyMg"),
            "{printed}"
        );
        assert_eq!(
            secret["data"]["password"],
            "<redacted: 7 bytes; --show-secrets to reveal>"
        );
        let applied: Json = serde_json::from_str(
            secret["metadata"]["annotations"][LAST_APPLIED]
                .as_str()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(
            applied["stringData"]["password"],
            "<redacted: 7 bytes; --show-secrets to reveal>"
        );
        assert_eq!(secret["metadata"]["annotations"]["team"], "a");

        let mut broken = json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"annotations": {LAST_APPLIED: "{\"data\":{\"k\":\"c2VjcmV0"}}});
        redact(&mut broken);
        assert!(!broken.to_string().contains("c2VjcmV0"));

        let mut config = json!({"apiVersion": "v1", "kind": "ConfigMap", "data": {"k": "v"}});
        redact(&mut config);
        assert_eq!(config["data"]["k"], "v");
    }
}
