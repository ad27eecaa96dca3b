//! DELETE with the API server's rules: preconditions, finalizers (`deletionTimestamp` first),
//! graceful pod deletion (the kubelet finishes it), protected namespaces, namespaces that
//! terminate, `Orphan` propagation, and owner-reference garbage collection (background).

use serde_json::{Value, json};

use super::resources::ResourceType;
use super::status::ApiError;
use super::store::{State, meta_str};
use super::write::now;

#[derive(Debug, Clone, Default)]
pub struct DeleteOptions {
    pub dry_run: bool,
    pub grace_period_seconds: Option<i64>,
    /// `Orphan`, `Background` or `Foreground`.
    pub propagation: Option<String>,
    pub precondition_uid: Option<String>,
    pub precondition_rv: Option<String>,
}

/// What a DELETE did: the object's last state and whether it is gone (200) or still
/// terminating (202, finalizers or graceful deletion pending).
pub struct Deleted {
    pub object: Value,
    pub gone: bool,
    /// Gone, but the real server would answer as for a pending deletion: the storage-protection
    /// finalizer held it until its controller (here: at once) released it.
    pub answer_pending: bool,
}

pub fn delete(
    st: &mut State,
    rt: &ResourceType,
    ns: &str,
    name: &str,
    opts: &DeleteOptions,
) -> Result<Deleted, ApiError> {
    let Some(current) = st.get(&rt.group, &rt.plural, ns, name) else {
        return Err(ApiError::not_found(&rt.group, &rt.plural, name));
    };
    if let Some(uid) = &opts.precondition_uid
        && uid != meta_str(&current, "uid")
    {
        let mut e = ApiError::conflict(&rt.group, &rt.plural, name);
        e.message = format!(
            "Precondition failed: UID in precondition: {uid}, UID in object meta: {}",
            meta_str(&current, "uid")
        );
        return Err(e);
    }
    if let Some(rv) = &opts.precondition_rv
        && rv != meta_str(&current, "resourceVersion")
    {
        let mut e = ApiError::conflict(&rt.group, &rt.plural, name);
        e.message = format!(
            "Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {}",
            meta_str(&current, "resourceVersion")
        );
        return Err(e);
    }
    if rt.group.is_empty()
        && rt.plural == "namespaces"
        && matches!(name, "default" | "kube-system" | "kube-public")
    {
        return Err(ApiError::new(
            403,
            "Forbidden",
            format!("namespaces \"{name}\" is forbidden: this namespace may not be deleted"),
        ));
    }
    if opts.dry_run {
        return Ok(Deleted {
            object: (*current).clone(),
            gone: true,
            answer_pending: false,
        });
    }
    // What the real server answers for a protected PVC or PV: the object, terminating, with its
    // finalizers still on.
    let protected_view = without_storage_protection(rt, &current).map(|_| {
        let mut view = (*current).clone();
        view["metadata"]["deletionTimestamp"] = json!(now());
        view["metadata"]["deletionGracePeriodSeconds"] = json!(0);
        view
    });
    let current = match without_storage_protection(rt, &current) {
        Some(released) => std::sync::Arc::new(released),
        None => current,
    };
    let has_finalizers = current
        .pointer("/metadata/finalizers")
        .and_then(Value::as_array)
        .is_some_and(|f| !f.is_empty());
    let is_namespace = rt.group.is_empty() && rt.plural == "namespaces";
    let graceful_pod = rt.group.is_empty()
        && rt.plural == "pods"
        && st.behaviour.kubelet
        && opts.grace_period_seconds != Some(0)
        && !current
            .pointer("/spec/nodeName")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .is_empty()
        && !matches!(
            current.pointer("/status/phase").and_then(Value::as_str),
            Some("Succeeded" | "Failed")
        );
    if opts.propagation.as_deref() == Some("Orphan") {
        orphan_dependents(st, &current);
    }
    if has_finalizers || is_namespace || graceful_pod {
        if current.pointer("/metadata/deletionTimestamp").is_some() {
            return Ok(Deleted {
                object: (*current).clone(),
                gone: false,
                answer_pending: false,
            });
        }
        let mut obj = (*current).clone();
        let rv = st.next_rv();
        obj["metadata"]["deletionTimestamp"] = json!(now());
        let grace = if graceful_pod {
            opts.grace_period_seconds.unwrap_or_else(|| {
                current
                    .pointer("/spec/terminationGracePeriodSeconds")
                    .and_then(Value::as_i64)
                    .unwrap_or(30)
            })
        } else {
            0
        };
        obj["metadata"]["deletionGracePeriodSeconds"] = json!(grace);
        obj["metadata"]["resourceVersion"] = json!(rv.to_string());
        if is_namespace {
            obj["status"]["phase"] = json!("Terminating");
        }
        st.put(&rt.group, &rt.plural, obj.clone());
        return Ok(Deleted {
            object: obj,
            gone: false,
            answer_pending: false,
        });
    }
    let mut last = st
        .remove(&rt.group, &rt.plural, ns, name)
        .expect("object present");
    if let Some(released) = without_storage_protection(rt, &last) {
        last = released;
    }
    if opts.propagation.as_deref() != Some("Orphan") {
        collect_dependents(st, &last);
    }
    if let Some(mut view) = protected_view {
        view["metadata"]["resourceVersion"] = last["metadata"]["resourceVersion"].clone();
        return Ok(Deleted {
            object: view,
            gone: true,
            answer_pending: true,
        });
    }
    Ok(Deleted {
        object: last,
        gone: true,
        answer_pending: false,
    })
}

/// The finalizers the real admission plugin puts on every PVC and PV so that storage in use is
/// not deleted; its controllers remove them once nothing uses the claim or volume.
pub const STORAGE_PROTECTION: [(&str, &str); 2] = [
    ("persistentvolumeclaims", "kubernetes.io/pvc-protection"),
    ("persistentvolumes", "kubernetes.io/pv-protection"),
];

/// The object without its storage-protection finalizer, when it has one. The fake's stand-in
/// for the protection controllers releases it as soon as deletion starts, whether or not a pod
/// still uses the claim (see the README).
fn without_storage_protection(rt: &ResourceType, obj: &Value) -> Option<Value> {
    let (_, finalizer) = STORAGE_PROTECTION
        .iter()
        .find(|(plural, _)| rt.group.is_empty() && rt.plural == *plural)?;
    let finalizers = obj.pointer("/metadata/finalizers")?.as_array()?;
    if !finalizers.iter().any(|f| f == finalizer) {
        return None;
    }
    let kept: Vec<Value> = finalizers
        .iter()
        .filter(|f| *f != finalizer)
        .cloned()
        .collect();
    let mut released = obj.clone();
    let meta = released["metadata"].as_object_mut()?;
    if kept.is_empty() {
        meta.shift_remove("finalizers");
    } else {
        meta.insert("finalizers".into(), Value::Array(kept));
    }
    Some(released)
}

/// Objects whose ownerReferences point at `owner`: same namespace for a namespaced owner,
/// cluster-scoped ones for a cluster-scoped owner.
fn dependents(st: &State, owner: &Value) -> Vec<(String, String, String, String)> {
    let uid = meta_str(owner, "uid");
    if uid.is_empty() {
        return Vec::new();
    }
    let ns = meta_str(owner, "namespace");
    let mut found = Vec::new();
    for rt in &st.types {
        if rt.namespaced == ns.is_empty() {
            continue;
        }
        let scope = if ns.is_empty() { None } else { Some(ns) };
        for (_, obj) in st.range(&rt.group, &rt.plural, scope, None) {
            let owned = obj
                .pointer("/metadata/ownerReferences")
                .and_then(Value::as_array)
                .is_some_and(|refs| refs.iter().any(|r| r["uid"] == uid));
            if owned {
                found.push((
                    rt.group.clone(),
                    rt.plural.clone(),
                    meta_str(obj, "namespace").to_string(),
                    meta_str(obj, "name").to_string(),
                ));
            }
        }
    }
    found
}

/// The garbage collector, run synchronously: dependents of a deleted owner are deleted too.
pub fn collect_dependents(st: &mut State, owner: &Value) {
    for (group, resource, ns, name) in dependents(st, owner) {
        let Some(rt) = st.find_type(&group, &resource).cloned() else {
            continue;
        };
        let _ = delete(st, &rt, &ns, &name, &DeleteOptions::default());
    }
}

fn orphan_dependents(st: &mut State, owner: &Value) {
    let uid = meta_str(owner, "uid").to_string();
    for (group, resource, ns, name) in dependents(st, owner) {
        let Some(obj) = st.get(&group, &resource, &ns, &name) else {
            continue;
        };
        let mut obj = (*obj).clone();
        if let Some(refs) = obj
            .pointer_mut("/metadata/ownerReferences")
            .and_then(Value::as_array_mut)
        {
            refs.retain(|r| r["uid"] != uid.as_str());
        }
        let rv = st.next_rv();
        obj["metadata"]["resourceVersion"] = json!(rv.to_string());
        st.put(&group, &resource, obj);
    }
}
