//! Create and update with the API server's rules: names and generateName, namespaces that
//! must exist, resourceVersion preconditions, status subresource isolation, generation,
//! managedFields, and finalizers completing a pending deletion.

use serde_json::{Value, json};

use super::defaults;
use super::immutable;
use super::resources::ResourceType;
use super::schema;
use super::status::ApiError;
use super::store::{State, meta_str};

pub use super::delete::{DeleteOptions, collect_dependents, delete};

/// Who writes, and how.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Through HTTP (status is reset on create, managedFields recorded) rather than seeding.
    pub from_api: bool,
    pub dry_run: bool,
    pub field_manager: Option<String>,
    /// `Apply` for server-side apply, else `Update`.
    pub apply: bool,
}

pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn new_uid() -> String {
    let b: [u8; 16] = rand::random();
    format!(
        "{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-4{:01x}{:02x}-{:01x}{:01x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
        b[0],
        b[1],
        b[2],
        b[3],
        b[4],
        b[5],
        b[6] & 0x0f,
        b[7],
        8 | (b[8] & 0x3),
        b[8] >> 4,
        b[9],
        b[10],
        b[11],
        b[12],
        b[13],
        b[14],
        b[15]
    )
}

/// Kubernetes' random-suffix alphabet (no vowels, no ambiguous characters).
pub fn random_suffix(n: usize) -> String {
    const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    (0..n)
        .map(|_| ALPHABET[rand::random_range(0..ALPHABET.len())] as char)
        .collect()
}

fn is_dns_subdomain(name: &str) -> bool {
    name.len() <= 253
        && name.split('.').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !part.starts_with('-')
                && !part.ends_with('-')
        })
}

fn validate_name(rt: &ResourceType, name: &str) -> Result<(), ApiError> {
    // RBAC objects only need to be valid path segments (`system:controller:x` is fine).
    let ok = if rt.group == "rbac.authorization.k8s.io" {
        !name.contains('/') && !name.contains('%') && name != "." && name != ".."
    } else {
        is_dns_subdomain(name)
    };
    if ok {
        return Ok(());
    }
    Err(ApiError::invalid(
        &rt.group,
        &rt.kind,
        name,
        &[(
            "metadata.name",
            "FieldValueInvalid",
            format!(
                "Invalid value: {name:?}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
            ),
        )],
    ))
}

fn check_type_meta(rt: &ResourceType, version: &str, obj: &mut Value) -> Result<(), ApiError> {
    if !obj.is_object() {
        return Err(ApiError::bad_request(
            "the body of the request must be a JSON object",
        ));
    }
    let expected = rt.api_version(version);
    match obj.get("apiVersion").and_then(Value::as_str) {
        Some(v) if v != expected && rt.type_matches_version(v) => {}
        Some(v) if v != expected => {
            return Err(ApiError::bad_request(format!(
                "the API version in the data ({v}) does not match the expected API version ({expected})"
            )));
        }
        _ => {}
    }
    match obj.get("kind").and_then(Value::as_str) {
        Some(k) if k != rt.kind => {
            return Err(ApiError::bad_request(format!(
                "the kind in the data ({k}) does not match the expected kind ({})",
                rt.kind
            )));
        }
        _ => {}
    }
    obj["apiVersion"] = json!(expected);
    obj["kind"] = json!(rt.kind);
    if !obj.get("metadata").is_some_and(Value::is_object) {
        obj["metadata"] = json!({});
    }
    Ok(())
}

impl ResourceType {
    fn type_matches_version(&self, api_version: &str) -> bool {
        self.versions
            .iter()
            .any(|v| self.api_version(v) == api_version)
    }
}

fn managed_fields_entry(
    rt: &ResourceType,
    version: &str,
    opts: &WriteOptions,
    subresource: Option<&str>,
) -> Value {
    let mut entry = json!({
        "manager": opts.field_manager.clone().unwrap_or_else(|| "unknown".into()),
        "operation": if opts.apply { "Apply" } else { "Update" },
        "apiVersion": rt.api_version(version),
        "time": now(),
        "fieldsType": "FieldsV1",
        "fieldsV1": {},
    });
    if let Some(s) = subresource {
        entry["subresource"] = json!(s);
    }
    entry
}

fn record_manager(
    rt: &ResourceType,
    version: &str,
    obj: &mut Value,
    opts: &WriteOptions,
    subresource: Option<&str>,
) {
    if !opts.from_api {
        return;
    }
    let entry = managed_fields_entry(rt, version, opts, subresource);
    let list = obj["metadata"]
        .as_object_mut()
        .expect("metadata")
        .entry("managedFields")
        .or_insert_with(|| json!([]));
    if let Some(list) = list.as_array_mut() {
        list.retain(|e| {
            !(e["manager"] == entry["manager"]
                && e["operation"] == entry["operation"]
                && e.get("subresource") == entry.get("subresource"))
        });
        list.push(entry);
        // The real server's order: operation, time (seconds), manager, apiVersion, subresource.
        let text = |e: &Value, k: &str| e[k].as_str().unwrap_or_default().to_string();
        list.sort_by_key(|e| {
            (
                text(e, "operation"),
                text(e, "time"),
                text(e, "manager"),
                text(e, "apiVersion"),
                text(e, "subresource"),
            )
        });
    } else {
        *list = json!([entry]);
    }
}

/// Creates `obj` in `ns` ("" for cluster-scoped).
pub fn create(
    st: &mut State,
    rt: &ResourceType,
    version: &str,
    ns: &str,
    mut obj: Value,
    opts: &WriteOptions,
) -> Result<Value, ApiError> {
    check_type_meta(rt, version, &mut obj)?;
    if opts.from_api && !meta_str(&obj, "resourceVersion").is_empty() && !opts.apply {
        // The real server answers this one as an internal error, without a reason.
        return Err(ApiError::new(
            500,
            "",
            "resourceVersion should not be set on objects to be created",
        ));
    }
    let meta = obj["metadata"].as_object_mut().expect("metadata");
    // The server owns these.
    for field in [
        "uid",
        "resourceVersion",
        "creationTimestamp",
        "deletionTimestamp",
        "deletionGracePeriodSeconds",
        "generation",
        "selfLink",
    ] {
        meta.shift_remove(field);
    }
    if !opts.from_api {
        meta.shift_remove("managedFields");
    }
    if rt.namespaced {
        let body_ns = meta
            .get("namespace")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let ns = if ns.is_empty() {
            body_ns.clone()
        } else {
            ns.to_string()
        };
        if !body_ns.is_empty() && body_ns != ns {
            return Err(ApiError::bad_request(
                "the namespace of the provided object does not match the namespace sent on the request",
            ));
        }
        if ns.is_empty() {
            return Err(ApiError::bad_request(
                "an empty namespace may not be set during creation",
            ));
        }
        meta.insert("namespace".into(), json!(ns));
    } else {
        meta.shift_remove("namespace");
    }
    let ns = meta_str(&obj, "namespace").to_string();
    let mut name = meta_str(&obj, "name").to_string();
    let generate = meta_str(&obj, "generateName").to_string();
    if name.is_empty() && generate.is_empty() {
        return Err(ApiError::invalid(
            &rt.group,
            &rt.kind,
            "",
            &[(
                "metadata.name",
                "FieldValueRequired",
                "Required value: name or generateName is required".into(),
            )],
        ));
    }
    if name.is_empty() {
        name = format!("{generate}{}", random_suffix(5));
        for _ in 0..8 {
            if st.get(&rt.group, &rt.plural, &ns, &name).is_none() {
                break;
            }
            name = format!("{generate}{}", random_suffix(5));
        }
        obj["metadata"]["name"] = json!(name);
    }
    validate_name(rt, &name)?;
    if rt.namespaced {
        match st.namespace_exists(&ns) {
            None => return Err(ApiError::not_found("", "namespaces", &ns)),
            Some(n) if n.pointer("/metadata/deletionTimestamp").is_some() => {
                let mut e = ApiError::new(
                    403,
                    "Forbidden",
                    format!(
                        "{} \"{name}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated",
                        rt.qualified()
                    ),
                );
                e.details = Some(Box::new(json!({
                    "name": name, "kind": rt.plural,
                    "causes": [{"reason": "NamespaceTerminating", "message": format!("namespace {ns} is being terminated"), "field": "metadata.namespace"}]
                })));
                return Err(e);
            }
            Some(_) => {}
        }
    }
    if st.get(&rt.group, &rt.plural, &ns, &name).is_some() {
        return Err(ApiError::already_exists(&rt.group, &rt.plural, &name));
    }
    if rt.plural == "selfsubjectaccessreviews" {
        return Err(ApiError::internal(
            "selfsubjectaccessreviews are answered by the HTTP layer",
        ));
    }
    defaults::validate(rt, &obj)?;
    schema::apply(st, rt, version, &mut obj)?;
    if opts.from_api && rt.status {
        defaults::reset_status(rt, &mut obj);
    }
    defaults::apply(rt, &mut obj, st);
    protect_storage(rt, &mut obj);
    if rt.group.is_empty() && rt.plural == "pods" {
        defaults::admit_pod(&mut obj, st);
    }
    drop_empty_fields(rt, &mut obj);
    let meta = obj["metadata"].as_object_mut().expect("metadata");
    meta.insert("uid".into(), json!(new_uid()));
    // A dry-run create is never stored, so it has no resourceVersion.
    if !opts.dry_run {
        meta.insert("resourceVersion".into(), json!(st.next_rv().to_string()));
    }
    meta.insert("creationTimestamp".into(), json!(now()));
    if has_generation(rt) {
        meta.insert("generation".into(), json!(1));
    }
    defaults::with_uid(rt, &mut obj);
    record_manager(rt, version, &mut obj, opts, None);
    if opts.dry_run {
        return Ok(obj);
    }
    st.put(&rt.group, &rt.plural, obj.clone());
    defaults::after_create(rt, &obj, st);
    Ok(obj)
}

/// The storage-protection admission plugin: new PVCs and PVs get their protection finalizer.
fn protect_storage(rt: &ResourceType, obj: &mut Value) {
    let Some((_, finalizer)) = super::delete::STORAGE_PROTECTION
        .iter()
        .find(|(plural, _)| rt.group.is_empty() && rt.plural == *plural)
    else {
        return;
    };
    let meta = obj["metadata"].as_object_mut().expect("metadata");
    let finalizers = meta.entry("finalizers").or_insert_with(|| json!([]));
    if let Some(list) = finalizers.as_array_mut()
        && !list.iter().any(|f| f == finalizer)
    {
        list.push(json!(finalizer));
    }
}

/// Types whose objects carry `metadata.generation`: custom resources, and the built-in types
/// whose strategy counts spec changes (not ConfigMaps, Secrets, Services, PVCs, Namespaces...).
fn has_generation(rt: &ResourceType) -> bool {
    !rt.builtin
        || matches!(
            (rt.group.as_str(), rt.plural.as_str()),
            ("", "pods" | "replicationcontrollers")
                | (
                    "apps",
                    "deployments" | "statefulsets" | "daemonsets" | "replicasets"
                )
                | ("batch", "jobs" | "cronjobs")
                | ("autoscaling", "horizontalpodautoscalers")
                | ("policy", "poddisruptionbudgets")
                | ("networking.k8s.io", "ingresses" | "networkpolicies")
                | ("apiextensions.k8s.io", "customresourcedefinitions")
                | (
                    "admissionregistration.k8s.io",
                    "validatingwebhookconfigurations" | "mutatingwebhookconfigurations"
                )
        )
}

/// Empty maps and lists the real server does not keep: `omitempty` fields of ObjectMeta (for
/// every type: custom resources' metadata goes through ObjectMeta too) and of ConfigMaps and
/// Secrets.
fn drop_empty_fields(rt: &ResourceType, obj: &mut Value) {
    let is_empty = |v: &Value| match v {
        Value::Object(m) => m.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Null => true,
        _ => false,
    };
    if let Some(meta) = obj.get_mut("metadata").and_then(Value::as_object_mut) {
        for field in ["labels", "annotations", "finalizers", "ownerReferences"] {
            if meta.get(field).is_some_and(is_empty) {
                meta.shift_remove(field);
            }
        }
    }
    if rt.group.is_empty()
        && matches!(rt.plural.as_str(), "configmaps" | "secrets")
        && let Some(map) = obj.as_object_mut()
    {
        for field in ["data", "binaryData", "stringData"] {
            if map.get(field).is_some_and(is_empty) {
                map.shift_remove(field);
            }
        }
    }
}

/// Everything but `metadata` and `status`: a change there bumps `metadata.generation`.
/// Without a status subresource, a status change is a spec change too.
fn spec_part(rt: &ResourceType, obj: &Value) -> Value {
    let mut o = obj.clone();
    if let Some(m) = o.as_object_mut() {
        m.shift_remove("metadata");
        if rt.status {
            m.shift_remove("status");
        }
    }
    o
}

fn comparable(obj: &Value) -> Value {
    let mut o = obj.clone();
    if let Some(m) = o.get_mut("metadata").and_then(Value::as_object_mut) {
        m.shift_remove("resourceVersion");
        m.shift_remove("managedFields");
    }
    o
}

/// Replaces an object (PUT), or only its status when `subresource` is `status`.
#[allow(clippy::too_many_arguments)]
pub fn update(
    st: &mut State,
    rt: &ResourceType,
    version: &str,
    ns: &str,
    name: &str,
    mut obj: Value,
    subresource: Option<&str>,
    opts: &WriteOptions,
) -> Result<Value, ApiError> {
    check_type_meta(rt, version, &mut obj)?;
    let Some(current) = st.get(&rt.group, &rt.plural, ns, name) else {
        return Err(ApiError::not_found(&rt.group, &rt.plural, name));
    };
    let body_name = meta_str(&obj, "name");
    if !body_name.is_empty() && body_name != name {
        return Err(ApiError::bad_request(format!(
            "the name of the object ({body_name}) does not match the name on the URL ({name})"
        )));
    }
    let body_ns = meta_str(&obj, "namespace");
    if rt.namespaced && !body_ns.is_empty() && body_ns != ns {
        return Err(ApiError::bad_request(
            "the namespace of the provided object does not match the namespace sent on the request",
        ));
    }
    let body_rv = meta_str(&obj, "resourceVersion").to_string();
    if body_rv.is_empty() {
        if !rt.builtin && opts.from_api && !opts.apply {
            return Err(ApiError::invalid(
                &rt.group,
                &rt.kind,
                name,
                &[(
                    "metadata.resourceVersion",
                    "FieldValueInvalid",
                    "Invalid value: 0x0: must be specified for an update".into(),
                )],
            ));
        }
    } else if body_rv != meta_str(&current, "resourceVersion") {
        return Err(ApiError::conflict(&rt.group, &rt.plural, name));
    }
    let body_uid = meta_str(&obj, "uid");
    if !body_uid.is_empty() && body_uid != meta_str(&current, "uid") {
        let mut e = ApiError::conflict(&rt.group, &rt.plural, name);
        e.message = format!(
            "Precondition failed: UID in precondition: {body_uid}, UID in object meta: {}",
            meta_str(&current, "uid")
        );
        return Err(e);
    }

    let mut new = if subresource == Some("status") {
        let mut n = (*current).clone();
        match obj.get("status") {
            Some(s) => n["status"] = s.clone(),
            None => {
                n.as_object_mut().expect("object").shift_remove("status");
            }
        }
        n
    } else {
        let mut n = obj;
        if rt.status {
            match current.get("status") {
                Some(s) => n["status"] = s.clone(),
                None => {
                    n.as_object_mut().expect("object").shift_remove("status");
                }
            }
        }
        n
    };
    // Immutable and server-owned metadata.
    {
        let cur_meta = current["metadata"].as_object().expect("metadata");
        let meta = new["metadata"].as_object_mut().expect("metadata");
        for field in [
            "uid",
            "creationTimestamp",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "generation",
            "name",
            "namespace",
        ] {
            match cur_meta.get(field) {
                Some(v) => meta.insert(field.into(), v.clone()),
                None => meta.shift_remove(field),
            };
        }
        if !opts.from_api
            && !meta.contains_key("managedFields")
            && let Some(m) = cur_meta.get("managedFields")
        {
            meta.insert("managedFields".into(), m.clone());
        }
    }
    if rt.plural == "secrets" {
        defaults::fold_string_data(&mut new)?;
    }
    if subresource.is_none() {
        defaults::validate(rt, &new)?;
        if opts.from_api {
            immutable::carry_over(rt, &current, &mut new);
            defaults::apply(rt, &mut new, st);
            immutable::check(rt, &current, &new)?;
        }
    }
    schema::apply(st, rt, version, &mut new)?;
    drop_empty_fields(rt, &mut new);
    if spec_part(rt, &new) != spec_part(rt, &current)
        && let Some(g) = current
            .pointer("/metadata/generation")
            .and_then(Value::as_i64)
    {
        new["metadata"]["generation"] = json!(g + 1);
    }
    new["metadata"]["resourceVersion"] = json!(meta_str(&current, "resourceVersion"));
    if comparable(&new) == comparable(&current) {
        // A no-op write: no new resourceVersion, no event.
        return Ok((*current).clone());
    }
    record_manager(rt, version, &mut new, opts, subresource);
    if opts.dry_run {
        return Ok(new);
    }
    let deleting = new.pointer("/metadata/deletionTimestamp").is_some();
    let finalizers_left = new
        .pointer("/metadata/finalizers")
        .and_then(Value::as_array)
        .is_some_and(|f| !f.is_empty());
    let rv = st.next_rv();
    new["metadata"]["resourceVersion"] = json!(rv.to_string());
    // A terminating namespace goes once it is empty (the namespace controller decides).
    let is_namespace = rt.group.is_empty() && rt.plural == "namespaces";
    if deleting && !finalizers_left && !graceful_pending(rt, &new) && !is_namespace {
        st.put(&rt.group, &rt.plural, new.clone());
        let last = st.remove(&rt.group, &rt.plural, ns, name).unwrap_or(new);
        collect_dependents(st, &last);
        return Ok(last);
    }
    st.put(&rt.group, &rt.plural, new.clone());
    Ok(new)
}

/// A pod the kubelet still has to stop: it removes the pod itself afterwards.
fn graceful_pending(rt: &ResourceType, obj: &Value) -> bool {
    rt.group.is_empty()
        && rt.plural == "pods"
        && obj
            .pointer("/metadata/deletionGracePeriodSeconds")
            .and_then(Value::as_i64)
            .is_some_and(|g| g > 0)
}

/// As [`controller_update`], for a control-plane component writing through the API (to the
/// `subresource`, e.g. `status`): when the object changed, `manager` gets its managedFields
/// entry, as the real components' writes leave.
#[allow(clippy::too_many_arguments)]
pub fn controller_update_as(
    st: &mut State,
    manager: &str,
    subresource: Option<&str>,
    group: &str,
    resource: &str,
    ns: &str,
    name: &str,
    f: impl FnOnce(&mut Value),
) -> Option<Value> {
    let rt = st.find_type(group, resource).cloned()?;
    let before = st.get(group, resource, ns, name)?;
    let opts = WriteOptions {
        from_api: true,
        field_manager: Some(manager.to_string()),
        ..Default::default()
    };
    let version = rt.preferred_version().to_string();
    controller_update(st, group, resource, ns, name, |obj| {
        f(obj);
        if comparable(obj) != comparable(&before) {
            record_manager(&rt, &version, obj, &opts, subresource);
        }
    })
}

/// Sets or replaces fields of a stored object from a controller (no preconditions).
pub fn controller_update(
    st: &mut State,
    group: &str,
    resource: &str,
    ns: &str,
    name: &str,
    f: impl FnOnce(&mut Value),
) -> Option<Value> {
    let current = st.get(group, resource, ns, name)?;
    let mut obj = (*current).clone();
    f(&mut obj);
    if comparable(&obj) == comparable(&current) {
        return Some(obj);
    }
    let rv = st.next_rv();
    obj["metadata"]["resourceVersion"] = json!(rv.to_string());
    st.put(group, resource, obj.clone());
    Some(obj)
}
