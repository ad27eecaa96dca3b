//! Workload controller stand-ins: Deployment → ReplicaSet → pods, StatefulSet → ordered pods
//! `<name>-<i>` (+ PVCs from volumeClaimTemplates), DaemonSet → one pod on the one node, Job →
//! pods until `completions` succeed. Status fields (`replicas`, `readyReplicas`,
//! `availableReplicas`, conditions) follow the pods the kubelet stand-in runs.

use std::sync::Arc;

use serde_json::{Map, Value, json};

use super::Inner;
use super::store::{Event, EventType, State, meta_str};
use super::write::{self, DeleteOptions, WriteOptions};

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

fn controller_ref(obj: &Value) -> Option<&Value> {
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

fn ready(pod: &Value) -> bool {
    pod.pointer("/status/phase").and_then(Value::as_str) == Some("Running")
        && pod
            .pointer("/status/conditions")
            .and_then(Value::as_array)
            .is_some_and(|c| {
                c.iter()
                    .any(|c| c["type"] == "Ready" && c["status"] == "True")
            })
}

fn terminating(o: &Value) -> bool {
    o.pointer("/metadata/deletionTimestamp").is_some()
}

fn finished(pod: &Value) -> bool {
    matches!(
        pod.pointer("/status/phase").and_then(Value::as_str),
        Some("Succeeded" | "Failed")
    )
}

/// Pods whose controller is the object with this uid.
fn owned_pods(st: &State, ns: &str, uid: &str) -> Vec<Value> {
    st.range("", "pods", Some(ns), None)
        .filter(|(_, p)| controller_ref(p).is_some_and(|r| r["uid"] == uid))
        .map(|(_, p)| (**p).clone())
        .collect()
}

fn owner_ref(owner: &Value) -> Value {
    json!({
        "apiVersion": owner["apiVersion"], "kind": owner["kind"], "name": owner["metadata"]["name"],
        "uid": owner["metadata"]["uid"], "controller": true, "blockOwnerDeletion": true
    })
}

/// Kubernetes-style short hash of a template (10 characters of the safe alphabet).
fn template_hash(template: &Value) -> String {
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

fn replicas(obj: &Value) -> i64 {
    obj.pointer("/spec/replicas")
        .and_then(Value::as_i64)
        .unwrap_or(1)
}

/// A pod built from a workload's pod template.
fn pod_from_template(
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

fn create(st: &mut State, group: &str, resource: &str, version: &str, obj: Value) {
    let Some(rt) = st.find_type(group, resource).cloned() else {
        return;
    };
    let ns = meta_str(&obj, "namespace").to_string();
    let _ = write::create(st, &rt, version, &ns, obj, &WriteOptions::default());
}

fn delete_pod(st: &mut State, ns: &str, name: &str) {
    if let Some(rt) = st.find_type("", "pods").cloned() {
        let _ = write::delete(st, &rt, ns, name, &DeleteOptions::default());
    }
}

/// Sets a condition, keeping its transition time when the status did not change.
fn set_condition(
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

fn conditions_of(obj: &Value) -> Vec<Value> {
    obj.pointer("/status/conditions")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

fn set_status(st: &mut State, group: &str, resource: &str, ns: &str, name: &str, status: Value) {
    write::controller_update(st, group, resource, ns, name, |o| {
        o["status"] = status;
    });
}

fn replica_set(st: &mut State, ns: &str, name: &str) {
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

fn deployment(st: &mut State, ns: &str, name: &str) {
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

fn ordinal(sts: &str, pod: &str) -> Option<i64> {
    pod.strip_prefix(sts)?.strip_prefix('-')?.parse().ok()
}

fn stateful_set(st: &mut State, ns: &str, name: &str) {
    let Some(s) = st.get("apps", "statefulsets", ns, name) else {
        return;
    };
    if terminating(&s) {
        return;
    }
    let want = replicas(&s);
    let uid = meta_str(&s, "uid").to_string();
    let template = s.pointer("/spec/template").cloned().unwrap_or(json!({}));
    let revision = format!("{name}-{}", template_hash(&template));
    let parallel = s
        .pointer("/spec/podManagementPolicy")
        .and_then(Value::as_str)
        == Some("Parallel");
    let claim_templates: Vec<Value> = s
        .pointer("/spec/volumeClaimTemplates")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let selector_labels = s
        .pointer("/spec/selector/matchLabels")
        .cloned()
        .unwrap_or(json!({}));
    let pods = owned_pods(st, ns, &uid);
    let by_ordinal = |i: i64| {
        pods.iter()
            .find(|p| ordinal(name, meta_str(p, "name")) == Some(i))
    };
    for i in 0..want {
        let pod_name = format!("{name}-{i}");
        if let Some(p) = by_ordinal(i) {
            let outdated = p
                .pointer("/metadata/labels/controller-revision-hash")
                .and_then(Value::as_str)
                != Some(revision.as_str());
            if !terminating(p)
                && outdated
                && pods
                    .iter()
                    .all(|q| terminating(q) || ready(q) || finished(q))
            {
                // Rolling update: replace one outdated pod at a time.
                delete_pod(st, ns, &pod_name);
                break;
            }
            if !parallel && !ready(p) && !finished(p) {
                break;
            }
            continue;
        }
        let mut volumes: Vec<Value> = template
            .pointer("/spec/volumes")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for ct in &claim_templates {
            let ct_name = ct
                .pointer("/metadata/name")
                .and_then(Value::as_str)
                .unwrap_or("data");
            let claim = format!("{ct_name}-{name}-{i}");
            if st.get("", "persistentvolumeclaims", ns, &claim).is_none() {
                let spec = ct.get("spec").cloned().unwrap_or(json!({}));
                let capacity = spec
                    .pointer("/resources/requests")
                    .cloned()
                    .unwrap_or(json!({}));
                create(
                    st,
                    "",
                    "persistentvolumeclaims",
                    "v1",
                    json!({
                        "apiVersion": "v1", "kind": "PersistentVolumeClaim",
                        "metadata": {"name": claim, "namespace": ns, "labels": selector_labels},
                        "spec": spec,
                        "status": {"phase": "Bound", "accessModes": ct.pointer("/spec/accessModes").cloned().unwrap_or(json!(["ReadWriteOnce"])), "capacity": capacity},
                    }),
                );
            }
            volumes.retain(|v| v["name"] != ct_name);
            volumes.push(json!({"name": ct_name, "persistentVolumeClaim": {"claimName": claim}}));
        }
        let mut pod = pod_from_template(
            &template,
            &s,
            Some(&pod_name),
            "",
            &[
                ("statefulset.kubernetes.io/pod-name", pod_name.clone()),
                ("controller-revision-hash", revision.clone()),
                ("apps.kubernetes.io/pod-index", i.to_string()),
            ],
        );
        if !volumes.is_empty() {
            pod["spec"]["volumes"] = json!(volumes);
        }
        pod["spec"]["hostname"] = json!(pod_name);
        if let Some(svc) = s.pointer("/spec/serviceName").and_then(Value::as_str) {
            pod["spec"]["subdomain"] = json!(svc);
        }
        create(st, "", "pods", "v1", pod);
        if !parallel {
            break;
        }
    }
    // Scale down from the highest ordinal.
    let mut extra: Vec<(i64, String)> = pods
        .iter()
        .filter(|p| !terminating(p))
        .filter_map(|p| {
            ordinal(name, meta_str(p, "name")).map(|i| (i, meta_str(p, "name").to_string()))
        })
        .filter(|(i, _)| *i >= want)
        .collect();
    extra.sort_by_key(|(i, _)| std::cmp::Reverse(*i));
    for (_, pod_name) in extra {
        delete_pod(st, ns, &pod_name);
    }
    let current: Vec<Value> = owned_pods(st, ns, &uid)
        .into_iter()
        .filter(|p| !terminating(p))
        .collect();
    let ready_count = current.iter().filter(|p| ready(p)).count();
    let updated = current
        .iter()
        .filter(|p| {
            p.pointer("/metadata/labels/controller-revision-hash")
                .and_then(Value::as_str)
                == Some(revision.as_str())
        })
        .count();
    let status = json!({
        "observedGeneration": s.pointer("/metadata/generation").cloned().unwrap_or(json!(1)),
        "replicas": current.len(),
        "readyReplicas": ready_count,
        "currentReplicas": updated,
        "updatedReplicas": updated,
        "availableReplicas": ready_count,
        "currentRevision": revision,
        "updateRevision": revision,
        "collisionCount": 0,
    });
    set_status(st, "apps", "statefulsets", ns, name, status);
}

fn daemon_set(st: &mut State, ns: &str, name: &str) {
    let Some(ds) = st.get("apps", "daemonsets", ns, name) else {
        return;
    };
    if terminating(&ds) {
        return;
    }
    let uid = meta_str(&ds, "uid").to_string();
    let template = ds.pointer("/spec/template").cloned().unwrap_or(json!({}));
    let hash = template_hash(&template);
    let pods: Vec<Value> = owned_pods(st, ns, &uid)
        .into_iter()
        .filter(|p| !terminating(p))
        .collect();
    for p in pods.iter().skip(1) {
        delete_pod(st, ns, meta_str(p, "name"));
    }
    match pods.first() {
        None => {
            let pod = pod_from_template(
                &template,
                &ds,
                None,
                &format!("{name}-"),
                &[
                    ("controller-revision-hash", hash.clone()),
                    ("pod-template-generation", "1".into()),
                ],
            );
            create(st, "", "pods", "v1", pod);
        }
        Some(p)
            if p.pointer("/metadata/labels/controller-revision-hash")
                .and_then(Value::as_str)
                != Some(hash.as_str()) =>
        {
            delete_pod(st, ns, meta_str(p, "name"));
        }
        Some(_) => {}
    }
    let current: Vec<Value> = owned_pods(st, ns, &uid)
        .into_iter()
        .filter(|p| !terminating(p))
        .collect();
    let ready_count = current.iter().filter(|p| ready(p)).count();
    let status = json!({
        "currentNumberScheduled": current.len(),
        "desiredNumberScheduled": 1,
        "numberMisscheduled": 0,
        "numberReady": ready_count,
        "numberAvailable": ready_count,
        "updatedNumberScheduled": current.len(),
        "observedGeneration": ds.pointer("/metadata/generation").cloned().unwrap_or(json!(1)),
    });
    set_status(st, "apps", "daemonsets", ns, name, status);
}

fn job(st: &mut State, ns: &str, name: &str) {
    let Some(j) = st.get("batch", "jobs", ns, name) else {
        return;
    };
    if terminating(&j) {
        return;
    }
    let done = conditions_of(&j)
        .iter()
        .any(|c| (c["type"] == "Complete" || c["type"] == "Failed") && c["status"] == "True");
    if done || j.pointer("/spec/suspend") == Some(&json!(true)) {
        return;
    }
    let get = |k: &str, d: i64| {
        j.pointer(&format!("/spec/{k}"))
            .and_then(Value::as_i64)
            .unwrap_or(d)
    };
    let (completions, parallelism, backoff) = (
        get("completions", 1),
        get("parallelism", 1),
        get("backoffLimit", 6),
    );
    let uid = meta_str(&j, "uid").to_string();
    let pods = owned_pods(st, ns, &uid);
    let phase_count = |phase: &str| {
        pods.iter()
            .filter(|p| p.pointer("/status/phase").and_then(Value::as_str) == Some(phase))
            .count() as i64
    };
    let (succeeded, failed) = (phase_count("Succeeded"), phase_count("Failed"));
    let mut active = pods
        .iter()
        .filter(|p| !terminating(p) && !finished(p))
        .count() as i64;
    let now = write::now();
    let mut conditions = conditions_of(&j);
    let mut finished_at = None;
    if succeeded >= completions {
        set_condition(
            &mut conditions,
            "SuccessCriteriaMet",
            true,
            "CompletionsReached",
            "Reached expected number of succeeded pods",
        );
        set_condition(
            &mut conditions,
            "Complete",
            true,
            "CompletionsReached",
            "Reached expected number of succeeded pods",
        );
        finished_at = Some(now.clone());
    } else if failed > backoff {
        set_condition(
            &mut conditions,
            "FailureTarget",
            true,
            "BackoffLimitExceeded",
            "Job has reached the specified backoff limit",
        );
        set_condition(
            &mut conditions,
            "Failed",
            true,
            "BackoffLimitExceeded",
            "Job has reached the specified backoff limit",
        );
        for p in pods.iter().filter(|p| !terminating(p) && !finished(p)) {
            delete_pod(st, ns, meta_str(p, "name"));
        }
        active = 0;
    } else {
        let template = j.pointer("/spec/template").cloned().unwrap_or(json!({}));
        let want = parallelism.min(completions - succeeded);
        while active < want {
            let pod = pod_from_template(
                &template,
                &j,
                None,
                &format!("{name}-"),
                &[
                    ("batch.kubernetes.io/controller-uid", uid.clone()),
                    ("batch.kubernetes.io/job-name", name.to_string()),
                    ("controller-uid", uid.clone()),
                    ("job-name", name.to_string()),
                ],
            );
            create(st, "", "pods", "v1", pod);
            active += 1;
        }
    }
    let ready_count = pods.iter().filter(|p| ready(p)).count();
    let mut status = json!({
        "startTime": j.pointer("/status/startTime").cloned().unwrap_or(json!(now)),
        "active": active,
        "succeeded": succeeded,
        "failed": failed,
        "ready": ready_count,
        "uncountedTerminatedPods": {},
        "conditions": conditions,
    });
    if let Some(t) = finished_at {
        status["completionTime"] = json!(t);
        status["active"] = json!(0);
    }
    let m = status.as_object_mut().expect("object");
    for k in ["active", "succeeded", "failed"] {
        if m.get(k) == Some(&json!(0)) {
            m.shift_remove(k);
        }
    }
    if conditions_of(&j).is_empty() && m["conditions"].as_array().is_some_and(Vec::is_empty) {
        m.shift_remove("conditions");
    }
    set_status(st, "batch", "jobs", ns, name, status);
}
