//! Workload controller stand-ins: Deployment → ReplicaSet → pods, StatefulSet → ordered pods
//! `<name>-<i>` (+ PVCs from volumeClaimTemplates), DaemonSet → one pod on the one node, Job →
//! pods until `completions` succeed. Status fields (`replicas`, `readyReplicas`,
//! `availableReplicas`, conditions) follow the pods the kubelet stand-in runs.

use std::sync::Arc;

use serde_json::{Map, Value, json};

mod daemonset;
mod deployment;
mod job;
mod statefulset;

use super::Inner;
use super::store::{Event, EventType, State, meta_str};
use super::write::{self, DeleteOptions, WriteOptions};

use daemonset::daemon_set;
use deployment::{deployment, replica_set};
use job::job;
use statefulset::stateful_set;

pub fn on_event(inner: &Arc<Inner>, e: &Event) {
    if !inner.store.lock().behaviour.controllers {
        return;
    }
    let name = meta_str(&e.object, "name").to_string();
    let ns = e.namespace.clone();
    let deleted = e.kind == EventType::Deleted;
    match (e.group.as_str(), e.resource.as_str()) {
        ("apps", "deployments") if !deleted => inner.store.write(|st| deployment(st, &ns, &name)),
        ("apps", "replicasets") => inner.store.write(|st| {
            if !deleted {
                replica_set(st, &ns, &name);
            }
            reconcile_owner(st, &ns, &e.object);
        }),
        ("apps", "statefulsets") if !deleted => {
            inner.store.write(|st| stateful_set(st, &ns, &name))
        }
        ("apps", "daemonsets") if !deleted => inner.store.write(|st| daemon_set(st, &ns, &name)),
        ("batch", "jobs") if !deleted => inner.store.write(|st| job(st, &ns, &name)),
        ("", "pods") => {
            // Only react when something the controllers look at changed.
            let relevant = |o: &Value| {
                (
                    o.pointer("/status/phase").cloned(),
                    o.pointer("/metadata/deletionTimestamp").is_some(),
                    ready(o),
                )
            };
            let changed = deleted
                || e.kind == EventType::Added
                || e.old
                    .as_ref()
                    .is_none_or(|old| relevant(old) != relevant(&e.object));
            if changed && controller_ref(&e.object).is_some() {
                inner.store.write(|st| reconcile_owner(st, &ns, &e.object));
            }
        }
        _ => {}
    }
}

pub(super) fn controller_ref(obj: &Value) -> Option<&Value> {
    obj.pointer("/metadata/ownerReferences")
        .and_then(Value::as_array)?
        .iter()
        .find(|r| r["controller"] == true)
}

fn reconcile_owner(st: &mut State, ns: &str, obj: &Value) {
    let Some(owner) = controller_ref(obj) else {
        return;
    };
    let name = owner["name"].as_str().unwrap_or_default().to_string();
    let uid = owner["uid"].as_str().unwrap_or_default();
    let (group, resource) = match owner["kind"].as_str().unwrap_or_default() {
        "ReplicaSet" => ("apps", "replicasets"),
        "Deployment" => ("apps", "deployments"),
        "StatefulSet" => ("apps", "statefulsets"),
        "DaemonSet" => ("apps", "daemonsets"),
        "Job" => ("batch", "jobs"),
        _ => return,
    };
    if st
        .get(group, resource, ns, &name)
        .is_none_or(|o| meta_str(&o, "uid") != uid)
    {
        return;
    }
    match resource {
        "replicasets" => replica_set(st, ns, &name),
        "deployments" => deployment(st, ns, &name),
        "statefulsets" => stateful_set(st, ns, &name),
        "daemonsets" => daemon_set(st, ns, &name),
        _ => job(st, ns, &name),
    }
}

pub(super) fn ready(pod: &Value) -> bool {
    pod.pointer("/status/phase").and_then(Value::as_str) == Some("Running")
        && pod
            .pointer("/status/conditions")
            .and_then(Value::as_array)
            .is_some_and(|c| {
                c.iter()
                    .any(|c| c["type"] == "Ready" && c["status"] == "True")
            })
}

pub(super) fn terminating(o: &Value) -> bool {
    o.pointer("/metadata/deletionTimestamp").is_some()
}

pub(super) fn finished(pod: &Value) -> bool {
    matches!(
        pod.pointer("/status/phase").and_then(Value::as_str),
        Some("Succeeded" | "Failed")
    )
}

/// Pods whose controller is the object with this uid.
pub(super) fn owned_pods(st: &State, ns: &str, uid: &str) -> Vec<Value> {
    st.range("", "pods", Some(ns), None)
        .filter(|(_, p)| controller_ref(p).is_some_and(|r| r["uid"] == uid))
        .map(|(_, p)| (**p).clone())
        .collect()
}

pub(super) fn owner_ref(owner: &Value) -> Value {
    json!({
        "apiVersion": owner["apiVersion"], "kind": owner["kind"], "name": owner["metadata"]["name"],
        "uid": owner["metadata"]["uid"], "controller": true, "blockOwnerDeletion": true
    })
}

/// Kubernetes-style short hash of a template (10 characters of the safe alphabet).
pub(super) fn template_hash(template: &Value) -> String {
    const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    let mut h: u64 = 0xcbf29ce484222325;
    for b in template.to_string().bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    (0..10)
        .map(|i| ALPHABET[((h >> (i * 6)) % ALPHABET.len() as u64) as usize] as char)
        .collect()
}

pub(super) fn replicas(obj: &Value) -> i64 {
    obj.pointer("/spec/replicas")
        .and_then(Value::as_i64)
        .unwrap_or(1)
}

/// A pod built from a workload's pod template.
pub(super) fn pod_from_template(
    template: &Value,
    owner: &Value,
    name: Option<&str>,
    generate_name: &str,
    extra_labels: &[(&str, String)],
) -> Value {
    let mut labels: Map<String, Value> = template
        .pointer("/metadata/labels")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    for (k, v) in extra_labels {
        labels.insert(k.to_string(), json!(v));
    }
    let mut meta = json!({
        "namespace": owner["metadata"]["namespace"],
        "labels": labels,
        "ownerReferences": [owner_ref(owner)],
    });
    match name {
        Some(n) => meta["name"] = json!(n),
        None => meta["generateName"] = json!(generate_name),
    }
    if let Some(a) = template.pointer("/metadata/annotations") {
        meta["annotations"] = a.clone();
    }
    json!({
        "apiVersion": "v1", "kind": "Pod", "metadata": meta,
        "spec": template.get("spec").cloned().unwrap_or(json!({})),
    })
}

/// The field manager of the real controllers' writes.
pub(super) const CONTROLLER_MANAGER: &str = "kube-controller-manager";

pub(super) fn create(st: &mut State, group: &str, resource: &str, version: &str, obj: Value) {
    let Some(rt) = st.find_type(group, resource).cloned() else {
        return;
    };
    let ns = meta_str(&obj, "namespace").to_string();
    // Seeded, not written through the API: the stand-ins set statuses (a claim `Bound`) that an
    // API create would reset.
    let _ = write::create(st, &rt, version, &ns, obj, &WriteOptions::default());
}

pub(super) fn delete_pod(st: &mut State, ns: &str, name: &str) {
    if let Some(rt) = st.find_type("", "pods").cloned() {
        let _ = write::delete(st, &rt, ns, name, &DeleteOptions::default());
    }
}

/// Sets a condition, keeping its transition time when the status did not change.
pub(super) fn set_condition(
    conditions: &mut Vec<Value>,
    kind: &str,
    status: bool,
    reason: &str,
    message: &str,
) {
    let status = if status { "True" } else { "False" };
    let now = write::now();
    match conditions.iter_mut().find(|c| c["type"] == kind) {
        Some(c) if c["status"] == status && c["reason"] == reason => {}
        Some(c) => {
            *c = json!({"type": kind, "status": status, "lastUpdateTime": now, "lastTransitionTime": now, "reason": reason, "message": message});
        }
        None => conditions.push(json!({"type": kind, "status": status, "lastUpdateTime": now, "lastTransitionTime": now, "reason": reason, "message": message})),
    }
}

pub(super) fn conditions_of(obj: &Value) -> Vec<Value> {
    obj.pointer("/status/conditions")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

pub(super) fn set_status(
    st: &mut State,
    group: &str,
    resource: &str,
    ns: &str,
    name: &str,
    status: Value,
) {
    write::controller_update_as(
        st,
        CONTROLLER_MANAGER,
        Some("status"),
        group,
        resource,
        ns,
        name,
        |o| {
            o["status"] = status;
        },
    );
}
