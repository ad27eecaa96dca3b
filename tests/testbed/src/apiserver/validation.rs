//! Field validation a client can run into, with the real server's wording (checked against
//! kube-apiserver v1.36 by `tests/fake_vs_real.rs`): label and annotation keys and values,
//! ConfigMap and Secret keys, Secret base64, Service ports, workload selectors that do not
//! match their template.

use base64::Engine;
use serde_json::Value;

use super::resources::ResourceType;
use super::selector::LabelSelector;
use super::status::ApiError;
use super::store::meta_str;

const NAME_PART: &str = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE: &str = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const PREFIX_PART: &str = "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const CONFIG_KEY: &str = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`, at most 63 characters.
fn is_name_part(s: &str) -> bool {
    let bytes = s.as_bytes();
    !s.is_empty()
        && s.len() <= 63
        && bytes[0].is_ascii_alphanumeric()
        && bytes[bytes.len() - 1].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn is_dns_subdomain(s: &str) -> bool {
    s.len() <= 253
        && s.split('.').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !part.starts_with('-')
                && !part.ends_with('-')
        })
}

/// Why a label or annotation key is invalid (`prefix/name` or `name`), or `None`.
pub fn qualified_name_error(key: &str) -> Option<String> {
    let (prefix, name) = match key.split_once('/') {
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, key),
    };
    if let Some(prefix) = prefix
        && !is_dns_subdomain(prefix)
    {
        return Some(PREFIX_PART.to_string());
    }
    if name.len() > 63 {
        return Some("name part must be no more than 63 characters".to_string());
    }
    if !is_name_part(name) {
        return Some(NAME_PART.to_string());
    }
    None
}

fn is_label_value(v: &str) -> bool {
    v.is_empty() || is_name_part(v)
}

fn is_config_key(k: &str) -> bool {
    !k.is_empty()
        && k.len() <= 253
        && k != "."
        && k != ".."
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

type Cause = (String, &'static str, String);

fn metadata_causes(obj: &Value) -> Vec<Cause> {
    let mut causes = Vec::new();
    if let Some(labels) = obj.pointer("/metadata/labels").and_then(Value::as_object) {
        for (k, v) in labels {
            if let Some(why) = qualified_name_error(k) {
                causes.push((
                    "metadata.labels".to_string(),
                    "FieldValueInvalid",
                    format!("Invalid value: {k:?}: {why}"),
                ));
            }
            let value = v.as_str().unwrap_or_default();
            if !is_label_value(value) {
                causes.push((
                    "metadata.labels".to_string(),
                    "FieldValueInvalid",
                    format!("Invalid value: {value:?}: {LABEL_VALUE}"),
                ));
            }
        }
    }
    if let Some(annotations) = obj
        .pointer("/metadata/annotations")
        .and_then(Value::as_object)
    {
        for k in annotations.keys() {
            if let Some(why) = qualified_name_error(&k.to_lowercase()) {
                causes.push((
                    "metadata.annotations".to_string(),
                    "FieldValueInvalid",
                    format!("Invalid value: {k:?}: {why}"),
                ));
            }
        }
    }
    causes
}

fn data_key_causes(obj: &Value, fields: &[&str]) -> Vec<Cause> {
    let mut causes = Vec::new();
    for field in fields {
        if let Some(map) = obj.get(*field).and_then(Value::as_object) {
            for k in map.keys().filter(|k| !is_config_key(k)) {
                causes.push((
                    format!("{field}[{k}]"),
                    "FieldValueInvalid",
                    format!("Invalid value: {k:?}: {CONFIG_KEY}"),
                ));
            }
        }
    }
    causes
}

fn service_causes(obj: &Value) -> Vec<Cause> {
    let spec = obj.get("spec").cloned().unwrap_or(Value::Null);
    let kind = spec
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("ClusterIP");
    let headless = spec.get("clusterIP").and_then(Value::as_str) == Some("None");
    let has_ports = spec
        .get("ports")
        .and_then(Value::as_array)
        .is_some_and(|p| !p.is_empty());
    if kind != "ExternalName" && !headless && !has_ports {
        return vec![(
            "spec.ports".to_string(),
            "FieldValueRequired",
            "Required value".to_string(),
        )];
    }
    Vec::new()
}

/// A workload whose selector does not select its own pod template.
fn selector_causes(obj: &Value) -> Vec<Cause> {
    let (Some(selector), Some(template)) = (
        obj.pointer("/spec/selector"),
        obj.pointer("/spec/template/metadata"),
    ) else {
        return Vec::new();
    };
    let pod = serde_json::json!({"metadata": {"labels": template.get("labels").cloned().unwrap_or_default()}});
    if LabelSelector::from_object(selector).matches(&pod) {
        return Vec::new();
    }
    // Go prints the map with sorted keys.
    let labels: std::collections::BTreeMap<String, Value> = template
        .get("labels")
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    vec![(
        "spec.template.metadata.labels".to_string(),
        "FieldValueInvalid",
        format!(
            "Invalid value: {}: `selector` does not match template `labels`",
            serde_json::to_string(&labels).unwrap_or_default()
        ),
    )]
}

/// The 422 the real server answers for an invalid object, or `Ok`.
pub fn validate(rt: &ResourceType, obj: &Value) -> Result<(), ApiError> {
    if rt.group.is_empty() && rt.plural == "secrets" {
        secret_base64(obj)?;
    }
    let mut causes = metadata_causes(obj);
    match (rt.group.as_str(), rt.plural.as_str()) {
        ("", "configmaps") => causes.extend(data_key_causes(obj, &["data", "binaryData"])),
        ("", "secrets") => causes.extend(data_key_causes(obj, &["data", "stringData"])),
        ("", "services") => causes.extend(service_causes(obj)),
        ("apps", "deployments" | "statefulsets" | "replicasets" | "daemonsets") => {
            causes.extend(selector_causes(obj))
        }
        _ => {}
    }
    if causes.is_empty() {
        return Ok(());
    }
    let borrowed: Vec<(&str, &str, String)> = causes
        .iter()
        .map(|(field, reason, message)| (field.as_str(), *reason, message.clone()))
        .collect();
    Err(ApiError::invalid(
        &rt.group,
        &rt.kind,
        meta_str(obj, "name"),
        &borrowed,
    ))
}

/// Secret `data` must be base64: the real server fails decoding the body (400), naming the
/// offset of the first byte Go's decoder refuses.
pub fn secret_base64(obj: &Value) -> Result<(), ApiError> {
    let engine = base64::engine::general_purpose::STANDARD;
    let Some(data) = obj.get("data").and_then(Value::as_object) else {
        return Ok(());
    };
    for value in data.values() {
        let text = value.as_str().unwrap_or_default();
        if engine.decode(text).is_ok() {
            continue;
        }
        let at = text
            .bytes()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')))
            .or_else(|| text.find('='))
            .unwrap_or(text.len());
        return Err(ApiError::bad_request(format!(
            "Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte {at}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_keys_and_values() {
        assert_eq!(qualified_name_error("app"), None);
        assert_eq!(qualified_name_error("example.com/app.v1"), None);
        assert!(
            qualified_name_error("a b")
                .unwrap()
                .starts_with("name part")
        );
        assert!(
            qualified_name_error("Ex/a")
                .unwrap()
                .starts_with("prefix part")
        );
        assert!(
            qualified_name_error(&"a".repeat(64))
                .unwrap()
                .contains("63")
        );
        assert!(is_label_value("") && is_label_value("v1.2_3") && !is_label_value("-x"));
    }

    #[test]
    fn base64_offsets_like_go() {
        let obj = |v: &str| serde_json::json!({"data": {"k": v}});
        assert!(secret_base64(&obj("aGk=")).is_ok());
        let e = secret_base64(&obj("not base64!")).unwrap_err();
        assert!(e.message.ends_with("input byte 3"), "{}", e.message);
    }
}
