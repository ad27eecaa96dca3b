//! Core v1 Events about pods, as the scheduler and kubelet record them (`Scheduled`, `Pulled`,
//! `Created`, `Started`, `Failed`, `Killing`), so clients that explain pod failures have something
//! to show.

use serde_json::{Value, json};

use super::kubelet::NODE;
use super::store::{State, meta_str};
use super::write::{self, WriteOptions};

pub fn record(
    st: &mut State,
    ns: &str,
    pod: &str,
    container: Option<&str>,
    warning: bool,
    reason: &str,
    message: &str,
) {
    let Some(obj) = st.get("", "pods", ns, pod) else {
        return;
    };
    let Some(rt) = st.find_type("", "events").cloned() else {
        return;
    };
    let now = write::now();
    let component = if reason == "Scheduled" {
        "default-scheduler"
    } else {
        "kubelet"
    };
    let mut involved = json!({
        "kind": "Pod", "namespace": ns, "name": pod, "uid": meta_str(&obj, "uid"),
        "apiVersion": "v1", "resourceVersion": meta_str(&obj, "resourceVersion"),
    });
    if let Some(c) = container {
        involved["fieldPath"] = json!(format!("spec.containers{{{c}}}"));
    }
    let suffix: String = (0..16)
        .map(|_| format!("{:x}", rand::random_range(0..16u8)))
        .collect();
    let mut event: Value = json!({
        "apiVersion": "v1", "kind": "Event",
        "metadata": {"name": format!("{pod}.{suffix}"), "namespace": ns},
        "involvedObject": involved,
        "reason": reason,
        "message": message,
        "type": if warning { "Warning" } else { "Normal" },
        "source": {"component": component, "host": NODE},
        "firstTimestamp": now, "lastTimestamp": now, "count": 1,
        "reportingComponent": component, "reportingInstance": NODE,
    });
    if component == "default-scheduler" {
        // The scheduler writes through events.k8s.io/v1: read back as core v1, such an Event
        // has an eventTime and an action but no source, timestamps or count.
        event["source"] = json!({});
        event["firstTimestamp"] = Value::Null;
        event["lastTimestamp"] = Value::Null;
        event.as_object_mut().expect("object").shift_remove("count");
        event["eventTime"] =
            json!(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true));
        event["action"] = json!("Binding");
        event["reportingInstance"] = json!(format!("default-scheduler-{NODE}"));
    }
    let _ = write::create(st, &rt, "v1", ns, event, &WriteOptions::default());
}
