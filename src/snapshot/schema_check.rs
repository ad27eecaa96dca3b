//! Test-only: checks a JSON document against a CRD's `openAPIV3Schema` the way the API server's
//! structural validation would (types, unknown fields, enums, required fields, date-times), so
//! our Velero objects are tested against the upstream CRDs rather than against our own reading.

use serde_json::Value;

pub fn crd_schema(file: &str) -> Value {
    let path = format!(
        "{}/tests/data/snapshot/crds/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let crd: Value = serde_saphyr::from_str(&text).unwrap();
    crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"].clone()
}

/// Every violation, as `path: problem`.
pub fn validate(schema: &Value, doc: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, doc, "$", &mut errors);
    errors
}

fn check(schema: &Value, doc: &Value, at: &str, errors: &mut Vec<String>) {
    if doc.is_null() {
        if schema["nullable"] != Value::Bool(true) {
            errors.push(format!("{at}: null where the schema does not allow it"));
        }
        return;
    }
    if let Some(allowed) = schema["enum"].as_array()
        && !allowed.contains(doc)
    {
        errors.push(format!("{at}: {doc} is not one of {allowed:?}"));
    }
    match schema["type"].as_str() {
        Some("object") => {
            let Some(map) = doc.as_object() else {
                errors.push(format!("{at}: expected an object"));
                return;
            };
            for required in schema["required"].as_array().into_iter().flatten() {
                let key = required.as_str().unwrap();
                if !map.contains_key(key) {
                    errors.push(format!("{at}: missing required field {key}"));
                }
            }
            let properties = schema["properties"].as_object();
            let additional = &schema["additionalProperties"];
            let open = schema["x-kubernetes-preserve-unknown-fields"] == Value::Bool(true)
                || (properties.is_none() && additional.is_null());
            for (key, value) in map {
                let child = format!("{at}.{key}");
                if let Some(sub) = properties.and_then(|p| p.get(key)) {
                    check(sub, value, &child, errors);
                } else if additional.is_object() {
                    check(additional, value, &child, errors);
                } else if !open {
                    errors.push(format!(
                        "{child}: unknown field (the API server would drop it)"
                    ));
                }
            }
        }
        Some("array") => match doc.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    check(&schema["items"], item, &format!("{at}[{i}]"), errors);
                }
            }
            None => errors.push(format!("{at}: expected an array")),
        },
        Some("string") => match doc.as_str() {
            Some(text) => {
                if schema["format"] == "date-time"
                    && chrono::DateTime::parse_from_rfc3339(text).is_err()
                {
                    errors.push(format!("{at}: {text:?} is not an RFC 3339 date-time"));
                }
            }
            None => errors.push(format!("{at}: expected a string")),
        },
        Some("integer") if !(doc.is_i64() || doc.is_u64()) => {
            errors.push(format!("{at}: expected an integer"));
        }
        Some("number") if !doc.is_number() => {
            errors.push(format!("{at}: expected a number"));
        }
        Some("boolean") if !doc.is_boolean() => {
            errors.push(format!("{at}: expected a boolean"));
        }
        _ => {}
    }
}

#[test]
fn the_checker_catches_what_the_server_would() {
    let schema = crd_schema("velero.io_backups.yaml");
    let bad = serde_json::json!({
        "apiVersion": "velero.io/v1", "kind": "Backup", "metadata": {"name": "x"},
        "spec": {"ttl": 5, "bogus": true, "includedNamespaces": ["a"]},
        "status": {"phase": "Done", "expiration": "tomorrow"}
    });
    let errors = validate(&schema, &bad);
    assert_eq!(errors.len(), 4, "{errors:#?}");
}
