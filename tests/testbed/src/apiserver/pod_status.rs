//! Pod phase and conditions derived from container statuses.

use serde_json::{Value, json};

use super::write;

/// Phase and Ready/ContainersReady/Initialized conditions from the container statuses.
pub fn refresh_pod_conditions(p: &mut Value) {
    let statuses: Vec<Value> = p
        .pointer("/status/containerStatuses")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let all_terminated = !statuses.is_empty()
        && statuses
            .iter()
            .all(|s| s.pointer("/state/terminated").is_some());
    let any_running = statuses
        .iter()
        .any(|s| s.pointer("/state/running").is_some());
    let phase = if all_terminated {
        let failed = statuses.iter().any(|s| {
            s.pointer("/state/terminated/exitCode")
                .and_then(Value::as_i64)
                != Some(0)
        });
        if failed { "Failed" } else { "Succeeded" }
    } else if any_running {
        "Running"
    } else {
        "Pending"
    };
    let ready = !statuses.is_empty() && statuses.iter().all(|s| s["ready"] == true);
    p["status"]["phase"] = json!(phase);
    let now = write::now();
    let mut conditions: Vec<Value> = p
        .pointer("/status/conditions")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut set = |kind: &str, value: bool, reason: Option<&str>| {
        let status = if value { "True" } else { "False" };
        match conditions.iter_mut().find(|c| c["type"] == kind) {
            Some(c) => {
                // A new reason alone (ContainersNotReady → PodFailed) is no transition.
                if c["status"] != status {
                    c["status"] = json!(status);
                    c["lastTransitionTime"] = json!(now);
                }
                match reason {
                    Some(r) => c["reason"] = json!(r),
                    None => {
                        c.as_object_mut().expect("object").shift_remove("reason");
                    }
                }
            }
            None => {
                let mut c = json!({"type": kind, "status": status, "lastProbeTime": null, "lastTransitionTime": now});
                if let Some(r) = reason {
                    c["reason"] = json!(r);
                }
                conditions.push(c);
            }
        }
    };
    // As a v1.36 kubelet writes them: a failed pod is not "completed".
    let reason = if phase == "Failed" {
        Some("PodFailed")
    } else if all_terminated {
        Some("PodCompleted")
    } else if ready {
        None
    } else {
        Some("ContainersNotReady")
    };
    set(
        "Initialized",
        true,
        if phase == "Succeeded" {
            Some("PodCompleted")
        } else {
            None
        },
    );
    set("Ready", ready, reason);
    set("ContainersReady", ready, reason);
    p["status"]["conditions"] = json!(conditions);
}
