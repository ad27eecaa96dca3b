//! LIST: label/field selectors, `limit` + `continue` (tokens carry the list's resourceVersion;
//! 410 Expired once it is compacted), `remainingItemCount`, and metadata-only lists.

use base64::Engine;
use http::Response;
use serde_json::{Value, json};

use super::Inner;
use super::handlers::{list_item, metadata_only, partial, selectors};
use super::http::{Body, Call, ResourcePath, error_response, json_response};
use super::resources::ResourceType;
use super::status::ApiError;

/// A continue token: the list's resourceVersion and the last key returned.
pub fn encode_continue(rv: u64, last_key: &str) -> String {
    let raw = json!({"rv": rv, "start": last_key}).to_string();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
}

fn decode_continue(token: &str) -> Option<(u64, String)> {
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token)
        .ok()?;
    let v: Value = serde_json::from_slice(&raw).ok()?;
    Some((v["rv"].as_u64()?, v["start"].as_str()?.to_string()))
}

pub fn list(
    inner: &Inner,
    rt: &ResourceType,
    p: &ResourcePath,
    call: &Call,
) -> Result<Response<Body>, ApiError> {
    let (labels, fields) = selectors(rt, &call.query)?;
    let limit: usize = match call.query.get("limit") {
        Some(l) => l
            .parse::<i64>()
            .map_err(|_| {
                ApiError::bad_request(format!("strconv.ParseInt: parsing {l:?}: invalid syntax"))
            })?
            .max(0) as usize,
        None => 0,
    };
    let st = inner.store.lock();
    let (list_rv, after) = match call.query.get("continue").filter(|c| !c.is_empty()) {
        Some(token) => {
            let (rv, start) = decode_continue(token).ok_or_else(|| {
                ApiError::bad_request(
                    "invalid continue token: continue key is not valid: illegal base64 data",
                )
            })?;
            if rv < st.compacted_rv {
                let mut e = ApiError::gone(
                    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.",
                );
                e.details = None;
                let mut r = error_response(&e);
                let mut status = e.to_status();
                status["metadata"]["continue"] = json!(encode_continue(st.rv, &start));
                *r.body_mut() = super::http::full(serde_json::to_vec(&status).expect("json"));
                return Ok(r);
            }
            (rv, Some(start))
        }
        None => (st.rv, None),
    };
    let scope = p.namespace.as_deref();
    let mut items = Vec::new();
    let mut last_key = None;
    let mut more = false;
    let mut remaining = 0usize;
    let unfiltered = labels.is_empty() && fields.is_empty();
    for (k, obj) in st.range(&rt.group, &rt.plural, scope, after.as_deref()) {
        if !labels.matches(obj) || !fields.matches(obj) {
            continue;
        }
        if limit > 0 && items.len() == limit {
            more = true;
            if !unfiltered {
                break;
            }
            remaining += 1;
            continue;
        }
        items.push(if metadata_only(call) {
            partial(obj, false)
        } else {
            list_item(rt, &p.version, obj)
        });
        last_key = Some(k.clone());
    }
    let mut metadata = json!({"resourceVersion": list_rv.to_string()});
    if more && let Some(k) = last_key {
        metadata["continue"] = json!(encode_continue(list_rv, &k));
        if unfiltered {
            metadata["remainingItemCount"] = json!(remaining);
        }
    } else if !rt.builtin && !metadata_only(call) {
        // Custom resource lists are unstructured: their empty `continue` is not omitted.
        metadata["continue"] = json!("");
    }
    let (kind, api_version) = if metadata_only(call) {
        (
            "PartialObjectMetadataList".to_string(),
            "meta.k8s.io/v1".to_string(),
        )
    } else {
        (rt.list_kind.clone(), rt.api_version(&p.version))
    };
    Ok(json_response(
        200,
        &json!({
            "kind": kind,
            "apiVersion": api_version,
            "metadata": metadata,
            "items": items,
        }),
    ))
}
