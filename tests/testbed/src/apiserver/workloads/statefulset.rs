//! StatefulSet → pods `<name>-<ordinal>` (OrderedReady or Parallel), PVCs from
//! volumeClaimTemplates, rolling replacement of outdated pods.

use serde_json::{Value, json};

use super::*;
use crate::apiserver::store::{State, meta_str};

fn ordinal(sts: &str, pod: &str) -> Option<i64> {
    pod.strip_prefix(sts)?.strip_prefix('-')?.parse().ok()
}

pub(super) fn stateful_set(st: &mut State, ns: &str, name: &str) {
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
