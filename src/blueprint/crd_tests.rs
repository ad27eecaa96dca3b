//! Round trips of the Kanister types against upstream data: every public Blueprint parses and
//! re-serialises without losing anything, and what we emit for each kind fits its CRD's
//! openAPIV3Schema (every field exists there, with the right type).

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::source::SourceDoc;
use crate::actionset::types::ActionSet;
use crate::blueprint::types::Blueprint;
use crate::profile::types::Profile;

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/blueprint")
        .join(path)
}

/// YAML → JSON the way `kubectl apply` converts it.
fn yaml_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    SourceDoc::parse(&text)
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
        .root
        .to_json()
}

/// The CRD's schema. Upstream's ActionSet CRD continues quoted `description`s at the key's own
/// indentation, which go-yaml tolerates and YAML 1.2 forbids; descriptions don't matter to a
/// structural check, so they are dropped before parsing.
fn schema(crd: &str) -> Value {
    let text = std::fs::read_to_string(data(&format!("crds/{crd}.yaml"))).unwrap();
    let is_key = |line: &str| {
        let t = line.trim_start();
        t.starts_with("- ")
            || t.split_once(':').is_some_and(|(k, rest)| {
                !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
                    && (rest.is_empty() || rest.starts_with(' '))
            })
    };
    let mut kept = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.trim_start().starts_with("description:") {
            skipping = true;
            continue;
        }
        if skipping && !is_key(line) {
            continue;
        }
        skipping = false;
        kept.push_str(line);
        kept.push('\n');
    }
    let crd = SourceDoc::parse(&kept).unwrap().root.to_json();
    crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"].clone()
}

/// Every field in `value` must exist in `schema` with a matching type.
fn check_schema(value: &Value, schema: &Value, path: &str, errors: &mut Vec<String>) {
    let preserve = schema["x-kubernetes-preserve-unknown-fields"] == Value::Bool(true);
    let declared = schema["type"].as_str();
    let ok = match (declared, value) {
        (None, _) => true,
        (Some("object"), Value::Object(_)) => true,
        (Some("array"), Value::Array(_)) => true,
        (Some("string"), Value::String(_)) => true,
        (Some("integer"), Value::Number(n)) => n.is_i64() || n.is_u64(),
        (Some("number"), Value::Number(_)) => true,
        (Some("boolean"), Value::Bool(_)) => true,
        _ => false,
    };
    if !ok {
        errors.push(format!("{path}: {value} is not of type {declared:?}"));
        return;
    }
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_path = format!("{path}.{key}");
                if child_path == ".metadata" {
                    // ObjectMeta is validated by the API server itself, not the CRD schema.
                    continue;
                } else if let Some(s) = schema["properties"].get(key) {
                    check_schema(child, s, &child_path, errors);
                } else if schema["additionalProperties"].is_object() {
                    check_schema(child, &schema["additionalProperties"], &child_path, errors);
                } else if !preserve {
                    errors.push(format!("{child_path}: not in the CRD schema"));
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_schema(item, &schema["items"], &format!("{path}[{i}]"), errors);
            }
        }
        _ => {}
    }
}

fn round_trip<T: DeserializeOwned + Serialize>(path: &Path) -> (Value, Value) {
    let original = yaml_json(path);
    let typed: T = serde_json::from_value(original.clone())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (original, serde_json::to_value(&typed).unwrap())
}

fn public_blueprints() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data("public"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 12, "the 12 upstream example Blueprints");
    files
}

#[test]
fn public_blueprints_round_trip_and_fit_the_crd() {
    let schema = schema("blueprint");
    for path in public_blueprints() {
        let (original, again) = round_trip::<Blueprint>(&path);
        assert_eq!(
            original,
            again,
            "{} lost data in a round trip",
            path.display()
        );
        let mut errors = Vec::new();
        check_schema(&again, &schema, "", &mut errors);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        // And through our own YAML output.
        let typed: Blueprint = serde_json::from_value(again.clone()).unwrap();
        let yaml = serde_saphyr::to_string(&typed).unwrap();
        let reparsed = SourceDoc::parse(&yaml).unwrap().root.to_json();
        assert_eq!(reparsed, again, "{} YAML output differs", path.display());
    }
}

#[test]
fn actionset_sample_round_trips_and_fits_the_crd() {
    let path = data("actionset-sample.yaml");
    let (mut original, again) = round_trip::<ActionSet>(&path);
    // The one deliberate change: upstream's misspelt key is read and written correctly.
    let progress = &mut original["status"]["actions"][0]["phases"][0]["progress"];
    let seconds = progress
        .as_object_mut()
        .unwrap()
        .remove("estinatedTimeSeconds")
        .unwrap();
    progress["estimatedTimeSeconds"] = seconds;
    // An empty error message is omitted, as Go's omitempty would not (it is harmless).
    original["status"].as_object_mut().unwrap().remove("error");
    assert_eq!(original, again);
    let mut errors = Vec::new();
    check_schema(&again, &schema("actionset"), "", &mut errors);
    assert!(errors.is_empty(), "{errors:#?}");

    let typed: ActionSet = serde_json::from_value(again).unwrap();
    let status = typed.status.unwrap();
    assert_eq!(status.state, crate::actionset::types::State::Running);
    assert_eq!(
        status.actions[0].phases[0].progress.estimated_time_seconds,
        30
    );
}

#[test]
fn profile_samples_round_trip_and_fit_the_crd() {
    for file in ["profile-sample.yaml", "profile-kopia-sample.yaml"] {
        let (original, again) = round_trip::<Profile>(&data(file));
        assert_eq!(original, again, "{file}");
        let mut errors = Vec::new();
        check_schema(&again, &schema("profile"), "", &mut errors);
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
}

#[test]
fn schema_check_catches_unknown_and_mistyped_fields() {
    let schema = schema("profile");
    let mut errors = Vec::new();
    check_schema(
        &serde_json::json!({"location": {"bucket": 3, "colour": "red"}, "skipSSLVerify": "yes"}),
        &schema,
        "",
        &mut errors,
    );
    assert_eq!(errors.len(), 3, "{errors:#?}");
}
