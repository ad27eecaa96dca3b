//! DaemonSet → one pod on the single node.

use serde_json::{Value, json};

use super::*;
use crate::apiserver::store::{State, meta_str};

pub(super) fn daemon_set(st: &mut State, ns: &str, name: &str) {
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
