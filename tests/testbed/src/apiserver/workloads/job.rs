//! Job → pods until `completions` succeed, or `backoffLimit` failures.

use serde_json::{Value, json};

use super::*;
use crate::apiserver::store::{State, meta_str};
use crate::apiserver::write;

pub(super) fn job(st: &mut State, ns: &str, name: &str) {
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
