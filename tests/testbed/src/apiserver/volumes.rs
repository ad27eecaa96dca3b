//! The PV controller's static binding, as far as clients notice it: a claim that names its
//! volume (`spec.volumeName`) and that volume, when it is free or pre-bound to the claim, are
//! bound to each other (both `Bound`, the PV's `claimRef` completed with the claim's uid, the
//! claim's capacity and access modes from the PV); a volume nobody claims is `Available`; a
//! bound volume whose claim is deleted becomes `Released`. Not played: dynamic provisioning (a
//! claim without `volumeName` stays `Pending`), matching claims to volumes by size, reclaiming.

use std::sync::Arc;

use serde_json::{Value, json};

use super::Inner;
use super::store::{Event, EventType, State, meta_str};
use super::write;

pub fn on_event(inner: &Arc<Inner>, e: &Event) {
    if !e.group.is_empty() || !inner.store.lock().behaviour.controllers {
        return;
    }
    let deleted = e.kind == EventType::Deleted;
    match e.resource.as_str() {
        "persistentvolumeclaims" if deleted => inner.store.write(|st| release(st, &e.object)),
        "persistentvolumeclaims" => {
            let name = meta_str(&e.object, "name").to_string();
            inner.store.write(|st| bind(st, &e.namespace, &name));
        }
        "persistentvolumes" if !deleted => {
            let name = meta_str(&e.object, "name").to_string();
            inner.store.write(|st| volume_changed(st, &name));
        }
        _ => {}
    }
}

fn terminating(obj: &Value) -> bool {
    obj.pointer("/metadata/deletionTimestamp").is_some()
}

fn phase(obj: &Value) -> &str {
    obj.pointer("/status/phase")
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// A PV's new phase, with the time of the change (`lastPhaseTransitionTime`, as the real
/// controller writes it).
fn set_volume_phase(pv: &mut Value, phase: &str) {
    if pv["status"]["phase"] != phase {
        pv["status"]["phase"] = json!(phase);
        pv["status"]["lastPhaseTransitionTime"] = json!(write::now());
    }
}

fn set_phase(st: &mut State, name: &str, phase: &str) {
    write::controller_update(st, "", "persistentvolumes", "", name, |pv| {
        set_volume_phase(pv, phase)
    });
}

/// A new or changed volume: bind it to the claim it is pre-bound to, else it is Available.
fn volume_changed(st: &mut State, name: &str) {
    let Some(pv) = st.get("", "persistentvolumes", "", name) else {
        return;
    };
    if terminating(&pv) {
        return;
    }
    if let Some(claim) = pv.pointer("/spec/claimRef") {
        let ns = claim["namespace"].as_str().unwrap_or_default();
        let claim_name = claim["name"].as_str().unwrap_or_default();
        bind(st, ns, claim_name);
    }
    // As it is now: the bind above may have just bound it.
    let Some(pv) = st.get("", "persistentvolumes", "", name) else {
        return;
    };
    let unclaimed = pv.pointer("/spec/claimRef/uid").is_none();
    if unclaimed && phase(&pv) == "Pending" {
        set_phase(st, name, "Available");
    }
}

/// Binds claim `ns/name` to the volume it names, when that volume is free or pre-bound to it.
fn bind(st: &mut State, ns: &str, name: &str) {
    let Some(pvc) = st.get("", "persistentvolumeclaims", ns, name) else {
        return;
    };
    let volume = pvc
        .pointer("/spec/volumeName")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if volume.is_empty() || terminating(&pvc) || phase(&pvc) == "Bound" {
        return;
    }
    let Some(pv) = st.get("", "persistentvolumes", "", &volume) else {
        return;
    };
    let uid = meta_str(&pvc, "uid").to_string();
    let ours = match pv.pointer("/spec/claimRef") {
        None => true,
        Some(c) => {
            c["namespace"] == ns
                && c["name"] == name
                && c.get("uid")
                    .is_none_or(|u| u.as_str() == Some(uid.as_str()))
        }
    };
    if !ours || terminating(&pv) {
        return;
    }
    let claim_ref = json!({"kind": "PersistentVolumeClaim", "apiVersion": "v1", "namespace": ns,
        "name": name, "uid": uid, "resourceVersion": meta_str(&pvc, "resourceVersion")});
    write::controller_update(st, "", "persistentvolumes", "", &volume, |pv| {
        pv["spec"]["claimRef"] = claim_ref;
        set_volume_phase(pv, "Bound");
    });
    let access_modes = pv.pointer("/spec/accessModes").cloned();
    let capacity = pv.pointer("/spec/capacity").cloned();
    write::controller_update(st, "", "persistentvolumeclaims", ns, name, |pvc| {
        let metadata = pvc["metadata"].as_object_mut().expect("metadata");
        let annotations = metadata.entry("annotations").or_insert_with(|| json!({}));
        annotations["pv.kubernetes.io/bind-completed"] = json!("yes");
        pvc["status"] = json!({"phase": "Bound"});
        if let Some(modes) = access_modes {
            pvc["status"]["accessModes"] = modes;
        }
        if let Some(capacity) = capacity {
            pvc["status"]["capacity"] = capacity;
        }
    });
}

/// The claim is gone: the volume bound to it is Released (it keeps its `claimRef`).
fn release(st: &mut State, pvc: &Value) {
    let uid = meta_str(pvc, "uid");
    let bound: Vec<String> = st
        .range("", "persistentvolumes", None, None)
        .filter(|(_, pv)| pv.pointer("/spec/claimRef/uid").and_then(Value::as_str) == Some(uid))
        .map(|(_, pv)| meta_str(pv, "name").to_string())
        .collect();
    for name in bound {
        set_phase(st, &name, "Released");
    }
}
