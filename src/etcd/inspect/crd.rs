//! CustomResourceDefinitions are stored in apiextensions.k8s.io/v1beta1 (the API server's storage
//! version for them) but served only as v1. This is the v1beta1 → v1 conversion the API server
//! applies on every read: the spec-wide schema, subresources and printer columns (which v1beta1
//! hoists out of the versions when all versions share them) go back into each version, printer
//! columns spell `jsonPath`, and the webhook settings of `conversion` move under `webhook`.

use serde_json::{Map, Value as Json, json};

pub const STORED_VERSION: &str = "apiextensions.k8s.io/v1beta1";
pub const SERVED_VERSION: &str = "apiextensions.k8s.io/v1";

pub fn is_stored_v1beta1(object: &Json) -> bool {
    object.get("kind").and_then(Json::as_str) == Some("CustomResourceDefinition")
        && object.get("apiVersion").and_then(Json::as_str) == Some(STORED_VERSION)
}

pub fn to_v1(object: &mut Json) {
    object["apiVersion"] = json!(SERVED_VERSION);
    let Some(spec) = object.get_mut("spec").and_then(Json::as_object_mut) else {
        return;
    };
    spec.remove("version");
    let validation = spec.remove("validation");
    let subresources = spec.remove("subresources");
    let columns = spec.remove("additionalPrinterColumns");
    let selectable = spec.remove("selectableFields");
    if let Some(versions) = spec.get_mut("versions").and_then(Json::as_array_mut) {
        for version in versions.iter_mut().filter_map(Json::as_object_mut) {
            if let Some(validation) = &validation {
                version
                    .entry("schema")
                    .or_insert_with(|| validation.clone());
            }
            if let Some(subresources) = &subresources {
                version
                    .entry("subresources")
                    .or_insert_with(|| subresources.clone());
            }
            if let Some(columns) = &columns {
                version
                    .entry("additionalPrinterColumns")
                    .or_insert_with(|| columns.clone());
            }
            if let Some(selectable) = &selectable {
                version
                    .entry("selectableFields")
                    .or_insert_with(|| selectable.clone());
            }
            if let Some(columns) = version
                .get_mut("additionalPrinterColumns")
                .and_then(Json::as_array_mut)
            {
                for column in columns.iter_mut().filter_map(Json::as_object_mut) {
                    if let Some(path) = column.remove("JSONPath") {
                        column.insert("jsonPath".into(), path);
                    }
                }
            }
        }
    }
    // v1's preserveUnknownFields is a plain bool with omitempty.
    if spec.get("preserveUnknownFields").and_then(Json::as_bool) != Some(true) {
        spec.remove("preserveUnknownFields");
    }
    if let Some(conversion) = spec.get_mut("conversion").and_then(Json::as_object_mut) {
        let mut webhook = Map::new();
        if let Some(client) = conversion.remove("webhookClientConfig") {
            webhook.insert("clientConfig".into(), client);
        }
        if let Some(versions) = conversion.remove("conversionReviewVersions") {
            webhook.insert("conversionReviewVersions".into(), versions);
        }
        if !webhook.is_empty() {
            conversion.insert("webhook".into(), Json::Object(webhook));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hoisted_fields_go_back_into_each_version() {
        let schema = json!({"openAPIV3Schema": {"type": "object"}});
        let mut crd = json!({"apiVersion": STORED_VERSION, "kind": "CustomResourceDefinition",
            "spec": {"group": "example.com", "version": "v1", "preserveUnknownFields": false,
                "validation": schema, "subresources": {"status": {}},
                "additionalPrinterColumns": [{"name": "Size", "type": "integer", "JSONPath": ".spec.size"}],
                "versions": [{"name": "v1", "served": true, "storage": true}],
                "conversion": {"strategy": "Webhook", "conversionReviewVersions": ["v1"],
                    "webhookClientConfig": {"url": "https://x"}}}});
        assert!(is_stored_v1beta1(&crd));
        to_v1(&mut crd);
        assert_eq!(
            crd,
            json!({"apiVersion": SERVED_VERSION, "kind": "CustomResourceDefinition",
                "spec": {"group": "example.com",
                    "versions": [{"name": "v1", "served": true, "storage": true, "schema": schema,
                        "subresources": {"status": {}},
                        "additionalPrinterColumns": [{"name": "Size", "type": "integer", "jsonPath": ".spec.size"}]}],
                    "conversion": {"strategy": "Webhook", "webhook": {"conversionReviewVersions": ["v1"],
                        "clientConfig": {"url": "https://x"}}}}})
        );
    }
}
