//! Deployment → ReplicaSet `<name>-<template hash>` → pods, with rollout status.

use serde_json::{Value, json};

use super::*;
use crate::apiserver::store::{State, meta_str};
use crate::apiserver::write;

pub(super) fn replica_set(st: &mut State, ns: &str, name: &str) {
    let Some(rs) = st.get("apps", "replicasets", ns, name) else {
        return;
    };
    if terminating(&rs) {
        return;
    }
    let want = replicas(&rs);
    let uid = meta_str(&rs, "uid").to_string();
    let mut active: Vec<Value> = owned_pods(st, ns, &uid)
        .into_iter()
        .filter(|p| !terminating(p) && !finished(p))
        .collect();
    let template = rs.pointer("/spec/template").cloned().unwrap_or(json!({}));
    while (active.len() as i64) < want {
        let pod = pod_from_template(&template, &rs, None, &format!("{name}-"), &[]);
        create(st, "", "pods", "v1", pod.clone());
        active.push(pod);
    }
    if active.len() as i64 > want {
        // Not-ready pods go first, then the newest.
        active.sort_by_key(|p| (ready(p), std::cmp::Reverse(meta_str(p, "name").to_string())));
        let extra = active.len() - want as usize;
        for p in active.drain(..extra) {
            delete_pod(st, ns, meta_str(&p, "name"));
        }
    }
    let pods: Vec<Value> = owned_pods(st, ns, &uid)
        .into_iter()
        .filter(|p| !terminating(p) && !finished(p))
        .collect();
    let ready_count = pods.iter().filter(|p| ready(p)).count();
    let mut status = json!({
        "replicas": pods.len(),
        "fullyLabeledReplicas": pods.len(),
        "readyReplicas": ready_count,
        "availableReplicas": ready_count,
        "observedGeneration": rs.pointer("/metadata/generation").cloned().unwrap_or(json!(1)),
    });
    if ready_count == 0 {
        let m = status.as_object_mut().expect("object");
        m.shift_remove("readyReplicas");
        m.shift_remove("availableReplicas");
    }
    set_status(st, "apps", "replicasets", ns, name, status);
}

pub(super) fn deployment(st: &mut State, ns: &str, name: &str) {
    let Some(d) = st.get("apps", "deployments", ns, name) else {
        return;
    };
    if terminating(&d) || d.pointer("/spec/paused") == Some(&json!(true)) {
        return;
    }
    let want = replicas(&d);
    let uid = meta_str(&d, "uid").to_string();
    let template = d.pointer("/spec/template").cloned().unwrap_or(json!({}));
    let hash = template_hash(&template);
    let rs_name = format!("{name}-{hash}");
    let owned: Vec<Value> = st
        .range("apps", "replicasets", Some(ns), None)
        .filter(|(_, r)| controller_ref(r).is_some_and(|c| c["uid"] == uid.as_str()))
        .map(|(_, r)| (**r).clone())
        .collect();
    let revision = owned
        .iter()
        .filter_map(|r| {
            r.pointer("/metadata/annotations/deployment.kubernetes.io~1revision")
                .and_then(Value::as_str)
                .and_then(|v| v.parse::<i64>().ok())
        })
        .max()
        .unwrap_or(0);
    match owned.iter().find(|r| meta_str(r, "name") == rs_name) {
        None => {
            let mut tpl = template.clone();
            tpl["metadata"]["labels"]["pod-template-hash"] = json!(hash);
            let mut selector = d.pointer("/spec/selector").cloned().unwrap_or(json!({}));
            selector["matchLabels"]["pod-template-hash"] = json!(hash);
            let mut labels = template
                .pointer("/metadata/labels")
                .cloned()
                .unwrap_or(json!({}));
            labels["pod-template-hash"] = json!(hash);
            create(
                st,
                "apps",
                "replicasets",
                "v1",
                json!({
                    "apiVersion": "apps/v1", "kind": "ReplicaSet",
                    "metadata": {
                        "name": rs_name, "namespace": ns, "labels": labels,
                        "annotations": {
                            "deployment.kubernetes.io/revision": (revision + 1).to_string(),
                            "deployment.kubernetes.io/desired-replicas": want.to_string(),
                        },
                        "ownerReferences": [owner_ref(&d)],
                    },
                    "spec": {"replicas": want, "selector": selector, "template": tpl},
                }),
            );
        }
        Some(r) if replicas(r) != want => {
            write::controller_update(st, "apps", "replicasets", ns, &rs_name, |r| {
                r["spec"]["replicas"] = json!(want);
                r["metadata"]["annotations"]["deployment.kubernetes.io/desired-replicas"] =
                    json!(want.to_string());
            });
        }
        Some(_) => {}
    }
    for old in owned
        .iter()
        .filter(|r| meta_str(r, "name") != rs_name && replicas(r) != 0)
    {
        write::controller_update(st, "apps", "replicasets", ns, meta_str(old, "name"), |r| {
            r["spec"]["replicas"] = json!(0);
        });
    }
    // The Deployment carries the revision of its current ReplicaSet, written (as by the real
    // controller) with a status update.
    let current_revision = st.get("apps", "replicasets", ns, &rs_name).and_then(|r| {
        r.pointer("/metadata/annotations/deployment.kubernetes.io~1revision")
            .cloned()
    });
    if let Some(revision) = current_revision
        && d.pointer("/metadata/annotations/deployment.kubernetes.io~1revision") != Some(&revision)
    {
        write::controller_update_as(
            st,
            CONTROLLER_MANAGER,
            Some("status"),
            "apps",
            "deployments",
            ns,
            name,
            |d| {
                let meta = d["metadata"].as_object_mut().expect("metadata");
                let annotations = meta.entry("annotations").or_insert_with(|| json!({}));
                annotations["deployment.kubernetes.io/revision"] = revision;
            },
        );
    }
    let sets: Vec<Value> = st
        .range("apps", "replicasets", Some(ns), None)
        .filter(|(_, r)| controller_ref(r).is_some_and(|c| c["uid"] == uid.as_str()))
        .map(|(_, r)| (**r).clone())
        .collect();
    let sum = |field: &str| -> i64 {
        sets.iter()
            .map(|r| {
                r.pointer(&format!("/status/{field}"))
                    .and_then(Value::as_i64)
                    .unwrap_or(0)
            })
            .sum()
    };
    let updated = sets
        .iter()
        .find(|r| meta_str(r, "name") == rs_name)
        .and_then(|r| r.pointer("/status/replicas").and_then(Value::as_i64))
        .unwrap_or(0);
    let available = sum("availableReplicas");
    let mut conditions = conditions_of(&d);
    let enough = available >= want;
    set_condition(
        &mut conditions,
        "Available",
        enough,
        if enough {
            "MinimumReplicasAvailable"
        } else {
            "MinimumReplicasUnavailable"
        },
        if enough {
            "Deployment has minimum availability."
        } else {
            "Deployment does not have minimum availability."
        },
    );
    let complete = enough && updated == want && sum("replicas") == want;
    set_condition(
        &mut conditions,
        "Progressing",
        true,
        if complete {
            "NewReplicaSetAvailable"
        } else {
            "ReplicaSetUpdated"
        },
        &if complete {
            format!("ReplicaSet \"{rs_name}\" has successfully progressed.")
        } else {
            format!("ReplicaSet \"{rs_name}\" is progressing.")
        },
    );
    let mut status = json!({
        "observedGeneration": d.pointer("/metadata/generation").cloned().unwrap_or(json!(1)),
        "replicas": sum("replicas"),
        "updatedReplicas": updated,
        "readyReplicas": sum("readyReplicas"),
        "availableReplicas": available,
        "conditions": conditions,
    });
    let unavailable = (want - available).max(0);
    if unavailable > 0 {
        status["unavailableReplicas"] = json!(unavailable);
    }
    set_status(st, "apps", "deployments", ns, name, status);
}
