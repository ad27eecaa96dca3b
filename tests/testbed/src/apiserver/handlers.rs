//! Resource requests: routing by verb and subresource, RBAC, get, create, update, patch,
//! delete, deletecollection and `/status`. LIST, watch, `/scale`, logs and exec have their own modules.

use std::sync::Arc;

use http::Response;
use serde_json::{Value, json};

use super::Inner;
use super::auth::Attributes;
use super::http::{Body, Call, ResourcePath, json_response};
use super::patch;
use super::resources::ResourceType;
use super::selector::{FieldSelector, LabelSelector};
use super::status::{ApiError, success_status};
use super::store::{State, meta_str};
use super::write::{self, DeleteOptions, WriteOptions};
use super::{access_review, exec, list, logs, scale, watch};

/// The verb RBAC sees for this request.
fn verb(call: &Call, p: &ResourcePath) -> &'static str {
    match (call.method.as_str(), p.name.is_some()) {
        ("GET", _) if p.subresource.as_deref() == Some("exec") => "create",
        ("GET", true) => "get",
        ("GET", false) if call.query.flag("watch") => "watch",
        ("GET", false) => "list",
        ("POST", _) => "create",
        ("PUT", _) => "update",
        ("PATCH", _) => "patch",
        ("DELETE", true) => "delete",
        ("DELETE", false) => "deletecollection",
        _ => "unknown",
    }
}

/// Sets `apiVersion` to the version the client asked for (CRDs serve several).
pub fn present(rt: &ResourceType, version: &str, obj: &Value) -> Value {
    let mut o = obj.clone();
    o["apiVersion"] = json!(rt.api_version(version));
    o["kind"] = json!(rt.kind);
    o
}

pub async fn resource(
    inner: &Arc<Inner>,
    call: Call,
    p: ResourcePath,
) -> Result<Response<Body>, ApiError> {
    let rt = {
        let st = inner.store.lock();
        st.find_type(&p.group, &p.resource)
            .filter(|t| t.serves(&p.version))
            .cloned()
    }
    .ok_or_else(ApiError::path_not_found)?;
    if p.namespace.is_some() && !rt.namespaced {
        return Err(ApiError::path_not_found());
    }
    if rt.namespaced && p.namespace.is_none() && p.name.is_some() {
        return Err(ApiError::path_not_found());
    }
    let verb = verb(&call, &p);
    let attrs = Attributes {
        verb: verb.to_string(),
        group: rt.group.clone(),
        resource: rt.plural.clone(),
        subresource: p.subresource.clone(),
        namespace: p.namespace.clone(),
        name: p.name.clone(),
    };
    let allowed = inner
        .auth
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .allowed(&call.who, &attrs);
    if !allowed {
        return Err(ApiError::forbidden(
            &call.who.user,
            verb,
            &rt.group,
            &rt.plural,
            p.subresource.as_deref(),
            p.namespace.as_deref(),
            p.name.as_deref(),
        ));
    }
    if !rt.allows(verb) && p.subresource.is_none() {
        return Err(ApiError::method_not_allowed());
    }
    let ns = p.namespace.clone().unwrap_or_default();
    match (p.subresource.as_deref(), p.name.as_deref()) {
        (None, None) => match call.method.as_str() {
            "GET" if call.query.flag("watch") => {
                watch::start(inner, &rt, &p, &call.query, metadata_only(&call))
            }
            "GET" => list::list(inner, &rt, &p, &call),
            "POST" if rt.plural == "selfsubjectaccessreviews" => {
                access_review::answer(inner, &call)
            }
            "POST" => create(inner, &rt, &p.version, &ns, &call),
            "DELETE" => delete_collection(inner, &rt, &p, &call),
            _ => Err(ApiError::method_not_allowed()),
        },
        (None, Some(name)) => match call.method.as_str() {
            "GET" => get(inner, &rt, &p.version, &ns, name, metadata_only(&call)),
            "PUT" => update(inner, &rt, &p.version, &ns, name, &call, None),
            "PATCH" => patch(inner, &rt, &p.version, &ns, name, &call, None),
            "DELETE" => delete(inner, &rt, &ns, name, &call),
            _ => Err(ApiError::method_not_allowed()),
        },
        (Some("status"), Some(name)) if rt.status => match call.method.as_str() {
            "GET" => get(inner, &rt, &p.version, &ns, name, false),
            "PUT" => update(inner, &rt, &p.version, &ns, name, &call, Some("status")),
            "PATCH" => patch(inner, &rt, &p.version, &ns, name, &call, Some("status")),
            _ => Err(ApiError::method_not_allowed()),
        },
        (Some("finalize"), Some(name)) if rt.plural == "namespaces" && rt.group.is_empty() => {
            match call.method.as_str() {
                "PUT" => update(inner, &rt, &p.version, &ns, name, &call, None),
                _ => Err(ApiError::method_not_allowed()),
            }
        }
        (Some("scale"), Some(name)) if rt.scale.is_some() => {
            scale::scale(inner, &rt, &p.version, &ns, name, &call)
        }
        (Some("log"), Some(name)) if rt.plural == "pods" && rt.group.is_empty() => {
            logs::serve(inner, &ns, name, &call.query)
        }
        (Some("exec"), Some(name)) if rt.plural == "pods" && rt.group.is_empty() => {
            exec::serve(inner, &ns, name, call)
        }
        _ => Err(ApiError::path_not_found()),
    }
}

pub fn write_options(call: &Call, apply: bool) -> WriteOptions {
    let agent_manager = call
        .header("user-agent")
        .map(|ua| ua.split('/').next().unwrap_or(ua).to_string());
    WriteOptions {
        from_api: true,
        dry_run: call.query.get("dryRun") == Some("All"),
        field_manager: call
            .query
            .get("fieldManager")
            .map(String::from)
            .or(agent_manager),
        apply,
    }
}

/// `?dryRun=` takes only `All`; anything else is refused as the real server's option
/// validation does (`options` is `CreateOptions`, `UpdateOptions` or `PatchOptions`).
fn check_dry_run(call: &Call, options: &str) -> Result<(), ApiError> {
    match call.query.get("dryRun") {
        None | Some("All") => Ok(()),
        Some(other) => Err(ApiError::invalid(
            "meta.k8s.io",
            options,
            "",
            &[(
                "dryRun",
                "FieldValueNotSupported",
                format!("Unsupported value: [{other:?}]: supported values: \"All\""),
            )],
        )),
    }
}

/// The body of a create or update: a JSON object of the resource's kind, with the real
/// server's wording when it is not JSON at all (the parse error itself is serde's, not Go's).
fn parse_object(call: &Call, rt: &ResourceType) -> Result<Value, ApiError> {
    parse_body(call).map_err(|mut e| {
        if e.code == 400 {
            let excerpt: String = String::from_utf8_lossy(&call.body)
                .chars()
                .take(64)
                .collect();
            e.message = format!(
                "the object provided is unrecognized (must be of type {}): {} ({excerpt})",
                rt.kind, e.message
            );
        }
        e
    })
}

pub fn parse_body(call: &Call) -> Result<Value, ApiError> {
    let content_type = call.header("content-type").unwrap_or_default();
    if content_type.starts_with("application/vnd.kubernetes.protobuf") {
        return Err(ApiError::new(
            415,
            "UnsupportedMediaType",
            format!(
                "the body of the request was in an unknown format - accepted media types include: application/json (the testbed does not speak protobuf; got {content_type:?})"
            ),
        ));
    }
    serde_json::from_slice(&call.body).map_err(|e| {
        ApiError::bad_request(format!("couldn't get version/kind; json parse error: {e}"))
    })
}

/// `Accept: application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1` (kube's
/// `get_metadata`/`list_metadata`/`watch_metadata`).
pub fn metadata_only(call: &Call) -> bool {
    call.header("accept").is_some_and(|a| {
        a.split(',').next().is_some_and(|first| {
            first.contains("as=PartialObjectMetadata") && first.contains("g=meta.k8s.io")
        })
    })
}

/// An object reduced to its metadata, as the server sends PartialObjectMetadata.
pub fn partial(obj: &Value, with_type: bool) -> Value {
    let mut p = json!({"metadata": obj.get("metadata").cloned().unwrap_or(json!({}))});
    if with_type {
        p = json!({"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": p["metadata"].take()});
    }
    p
}

fn get(
    inner: &Inner,
    rt: &ResourceType,
    version: &str,
    ns: &str,
    name: &str,
    metadata_only: bool,
) -> Result<Response<Body>, ApiError> {
    let st = inner.store.lock();
    let obj = st
        .get(&rt.group, &rt.plural, ns, name)
        .ok_or_else(|| ApiError::not_found(&rt.group, &rt.plural, name))?;
    if metadata_only {
        return Ok(json_response(200, &partial(&obj, true)));
    }
    Ok(json_response(200, &present(rt, version, &obj)))
}

pub fn selectors(
    rt: &ResourceType,
    query: &super::http::Query,
) -> Result<(LabelSelector, FieldSelector), ApiError> {
    Ok((
        LabelSelector::parse(query.get("labelSelector").unwrap_or_default())?,
        FieldSelector::parse(
            query.get("fieldSelector").unwrap_or_default(),
            &rt.group,
            &rt.plural,
        )?,
    ))
}

/// A list item as the real server sends it: built-in types without `kind`/`apiVersion`.
pub fn list_item(rt: &ResourceType, version: &str, obj: &Value) -> Value {
    if rt.builtin {
        let mut o = obj.clone();
        if let Some(m) = o.as_object_mut() {
            m.shift_remove("kind");
            m.shift_remove("apiVersion");
        }
        o
    } else {
        present(rt, version, obj)
    }
}

fn create(
    inner: &Inner,
    rt: &ResourceType,
    version: &str,
    ns: &str,
    call: &Call,
) -> Result<Response<Body>, ApiError> {
    check_dry_run(call, "CreateOptions")?;
    let body = parse_object(call, rt)?;
    let opts = write_options(call, false);
    let obj = inner
        .store
        .write(|st| write::create(st, rt, version, ns, body, &opts))?;
    Ok(json_response(201, &present(rt, version, &obj)))
}

fn update(
    inner: &Inner,
    rt: &ResourceType,
    version: &str,
    ns: &str,
    name: &str,
    call: &Call,
    subresource: Option<&str>,
) -> Result<Response<Body>, ApiError> {
    check_dry_run(call, "UpdateOptions")?;
    let body = parse_object(call, rt)?;
    let opts = write_options(call, false);
    let obj = inner
        .store
        .write(|st| write::update(st, rt, version, ns, name, body, subresource, &opts))?;
    Ok(json_response(200, &present(rt, version, &obj)))
}

/// Applies a patch document of the given content type to `doc`.
pub fn apply_patch(
    rt: &ResourceType,
    content_type: &str,
    doc: &mut Value,
    body: &[u8],
) -> Result<(), ApiError> {
    let media = content_type.split(';').next().unwrap_or_default().trim();
    let parse_json = || -> Result<Value, ApiError> {
        serde_json::from_slice(body)
            .map_err(|e| ApiError::bad_request(format!("error decoding patch: {e}")))
    };
    match media {
        "application/merge-patch+json" => patch::merge_patch(doc, &parse_json()?),
        // The real server does not say which operation failed.
        "application/json-patch+json" => patch::json_patch(doc, &parse_json()?).map_err(|_| {
            let mut e = ApiError::new(
                422,
                "Invalid",
                "the server rejected our request due to an error in our request",
            );
            e.details = Some(Box::new(json!({})));
            e
        })?,
        "application/strategic-merge-patch+json" if rt.builtin => {
            patch::strategic_merge(doc, &parse_json()?);
        }
        "application/apply-patch+yaml" | "application/apply-patch+cbor" => {
            let v: Value = match serde_json::from_slice(body) {
                Ok(v) => v,
                Err(_) => {
                    let text = std::str::from_utf8(body)
                        .map_err(|_| ApiError::bad_request("apply patch is not UTF-8"))?;
                    serde_saphyr::from_str(text)
                        .map_err(|e| ApiError::bad_request(format!("error decoding YAML: {e}")))?
                }
            };
            patch::merge_patch(doc, &v);
        }
        // Custom resources have no strategic merge (no patch strategies in their schema).
        "application/strategic-merge-patch+json" => {
            return Err(ApiError::unsupported_media_type(media));
        }
        _ => return Err(ApiError::unknown_media_type()),
    }
    Ok(())
}

fn patch(
    inner: &Inner,
    rt: &ResourceType,
    version: &str,
    ns: &str,
    name: &str,
    call: &Call,
    subresource: Option<&str>,
) -> Result<Response<Body>, ApiError> {
    let content_type = call.header("content-type").unwrap_or_default().to_string();
    let apply = content_type.starts_with("application/apply-patch");
    check_dry_run(call, "PatchOptions")?;
    if apply && call.query.get("fieldManager").is_none_or(str::is_empty) {
        return Err(ApiError::invalid(
            "meta.k8s.io",
            "PatchOptions",
            "",
            &[(
                "fieldManager",
                "FieldValueRequired",
                "Required value: is required for apply patch".into(),
            )],
        ));
    }
    let opts = write_options(call, apply);
    let (code, obj) = inner.store.write(|st| -> Result<(u16, Value), ApiError> {
        let Some(current) = st.get(&rt.group, &rt.plural, ns, name) else {
            if apply && subresource.is_none() {
                let mut doc = json!({});
                apply_patch(rt, &content_type, &mut doc, &call.body)?;
                let created = write::create(st, rt, version, ns, doc, &opts)?;
                return Ok((201, created));
            }
            return Err(ApiError::not_found(&rt.group, &rt.plural, name));
        };
        let mut doc = present(rt, version, &current);
        let current_rv = meta_str(&current, "resourceVersion").to_string();
        doc["metadata"]
            .as_object_mut()
            .expect("metadata")
            .shift_remove("resourceVersion");
        apply_patch(rt, &content_type, &mut doc, &call.body)?;
        if meta_str(&doc, "resourceVersion").is_empty() {
            doc["metadata"]["resourceVersion"] = json!(current_rv);
        }
        let updated = write::update(st, rt, version, ns, name, doc, subresource, &opts)?;
        Ok((200, updated))
    })?;
    Ok(json_response(code, &present(rt, version, &obj)))
}

fn delete_options(call: &Call) -> Result<DeleteOptions, ApiError> {
    let body: Value = if call.body.is_empty() {
        json!({})
    } else {
        serde_json::from_slice(&call.body)
            .map_err(|e| ApiError::bad_request(format!("invalid DeleteOptions: {e}")))?
    };
    let q = &call.query;
    Ok(DeleteOptions {
        dry_run: q.get("dryRun") == Some("All")
            || body["dryRun"]
                .as_array()
                .is_some_and(|d| d.iter().any(|x| x == "All")),
        grace_period_seconds: q
            .get("gracePeriodSeconds")
            .and_then(|g| g.parse().ok())
            .or_else(|| body["gracePeriodSeconds"].as_i64()),
        propagation: q
            .get("propagationPolicy")
            .map(String::from)
            .or_else(|| body["propagationPolicy"].as_str().map(String::from))
            .or_else(|| match body["orphanDependents"].as_bool() {
                Some(true) => Some("Orphan".into()),
                _ => None,
            }),
        precondition_uid: body
            .pointer("/preconditions/uid")
            .and_then(Value::as_str)
            .map(String::from),
        precondition_rv: body
            .pointer("/preconditions/resourceVersion")
            .and_then(Value::as_str)
            .map(String::from),
    })
}

fn delete(
    inner: &Inner,
    rt: &ResourceType,
    ns: &str,
    name: &str,
    call: &Call,
) -> Result<Response<Body>, ApiError> {
    let opts = delete_options(call)?;
    let deleted = inner
        .store
        .write(|st| write::delete(st, rt, ns, name, &opts))?;
    let version = rt.preferred_version().to_string();
    if deleted.gone && !deleted.answer_pending && !rt.returns_deleted_object {
        return Ok(json_response(
            200,
            &success_status(
                &rt.group,
                &rt.plural,
                name,
                meta_str(&deleted.object, "uid"),
            ),
        ));
    }
    // 202 only when the deletion is pending and the client asked for cascading deletion the
    // deprecated way (`orphanDependents: false`); finalizers and graceful deletion answer 200.
    let asked_cascading = serde_json::from_slice::<Value>(&call.body)
        .is_ok_and(|b| b["orphanDependents"] == json!(false));
    let code = if !deleted.gone && asked_cascading {
        202
    } else {
        200
    };
    Ok(json_response(code, &present(rt, &version, &deleted.object)))
}

fn delete_collection(
    inner: &Inner,
    rt: &ResourceType,
    p: &ResourcePath,
    call: &Call,
) -> Result<Response<Body>, ApiError> {
    let (labels, fields) = selectors(rt, &call.query)?;
    let opts = delete_options(call)?;
    let items = inner.store.write(|st: &mut State| {
        let targets: Vec<(String, String)> = st
            .range(&rt.group, &rt.plural, p.namespace.as_deref(), None)
            .filter(|(_, o)| labels.matches(o) && fields.matches(o))
            .map(|(_, o)| {
                (
                    meta_str(o, "namespace").to_string(),
                    meta_str(o, "name").to_string(),
                )
            })
            .collect();
        let mut items = Vec::new();
        for (ns, name) in targets {
            if let Ok(d) = write::delete(st, rt, &ns, &name, &opts) {
                items.push(list_item(rt, &p.version, &d.object));
            }
        }
        items
    });
    Ok(json_response(
        200,
        &json!({
            "kind": rt.list_kind,
            "apiVersion": rt.api_version(&p.version),
            "metadata": {},
            "items": items,
        }),
    ))
}
