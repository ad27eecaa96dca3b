//! `SelfSubjectAccessReview`: "can I do this?", answered from the RBAC knob.

use http::Response;
use serde_json::{Value, json};

use super::Inner;
use super::auth::Attributes;
use super::http::{Body, Call, json_response};
use super::status::ApiError;

pub fn answer(inner: &Inner, call: &Call) -> Result<Response<Body>, ApiError> {
    let mut review: Value = serde_json::from_slice(&call.body)
        .map_err(|e| ApiError::bad_request(format!("invalid SelfSubjectAccessReview: {e}")))?;
    let spec = review.get("spec").cloned().unwrap_or(Value::Null);
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(String::from);
    let allowed = if let Some(ra) = spec.get("resourceAttributes") {
        let attrs = Attributes {
            verb: text(ra, "verb").unwrap_or_default(),
            group: text(ra, "group").unwrap_or_default(),
            resource: text(ra, "resource").unwrap_or_default(),
            subresource: text(ra, "subresource").filter(|s| !s.is_empty()),
            namespace: text(ra, "namespace").filter(|s| !s.is_empty()),
            name: text(ra, "name").filter(|s| !s.is_empty()),
        };
        inner
            .auth
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .allowed(&call.who, &attrs)
    } else if spec.get("nonResourceAttributes").is_some() {
        true
    } else {
        return Err(ApiError::invalid(
            "authorization.k8s.io",
            "SelfSubjectAccessReview",
            "",
            &[(
                "spec.resourceAttributes",
                "FieldValueRequired",
                "Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified".into(),
            )],
        ));
    };
    review["apiVersion"] = json!("authorization.k8s.io/v1");
    review["kind"] = json!("SelfSubjectAccessReview");
    if !review.get("metadata").is_some_and(Value::is_object) {
        review["metadata"] = json!({});
    }
    review["metadata"]["creationTimestamp"] = Value::Null;
    review["status"] = if allowed {
        json!({"allowed": true, "reason": "allowed by the testbed RBAC knob"})
    } else {
        json!({"allowed": false, "reason": "denied by the testbed RBAC knob"})
    };
    Ok(json_response(201, &review))
}
