//! `--for-apply`: a stored object cut down to what a user writes, so that `kubectl apply` or
//! `kubectl create` accepts it and recreates the same object. Fields the API server or the
//! controllers set (identity, versions, timestamps, status, allocated addresses, generated
//! selectors) are removed; everything the user chose stays.

use serde_json::{Map, Value as Json};

use super::secrets::LAST_APPLIED;

/// Metadata the server owns.
const SERVER_METADATA: &[&str] = &[
    "uid",
    "resourceVersion",
    "generation",
    "creationTimestamp",
    "deletionTimestamp",
    "deletionGracePeriodSeconds",
    "selfLink",
    "managedFields",
    // Owners are named by UID, which a recreated owner does not keep; an object pointing at a
    // missing owner would be garbage-collected at once.
    "ownerReferences",
];

/// Annotations that controllers write and would be wrong on a recreated object.
const SERVER_ANNOTATIONS: &[&str] = &[
    LAST_APPLIED,
    "deployment.kubernetes.io/revision",
    "pv.kubernetes.io/bind-completed",
    "pv.kubernetes.io/bound-by-controller",
];

/// Labels the Job controller adds to a Job it generated a selector for.
const JOB_GENERATED_LABELS: &[&str] = &[
    "controller-uid",
    "batch.kubernetes.io/controller-uid",
    "job-name",
    "batch.kubernetes.io/job-name",
];

pub fn strip(object: &mut Json) {
    let kind = object
        .get("kind")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_string();
    let Some(top) = object.as_object_mut() else {
        return;
    };
    top.remove("status");
    if let Some(meta) = top.get_mut("metadata").and_then(Json::as_object_mut) {
        for field in SERVER_METADATA {
            meta.remove(*field);
        }
        remove_keys(meta, "annotations", SERVER_ANNOTATIONS);
    }
    let Some(spec) = top.get_mut("spec").and_then(Json::as_object_mut) else {
        return;
    };
    match kind.as_str() {
        // Allocated by the API server; a headless Service ("None") keeps it, it is a choice.
        "Service" if spec.get("clusterIP").and_then(Json::as_str) != Some("None") => {
            spec.remove("clusterIP");
            spec.remove("clusterIPs");
        }
        "Job" => strip_job_selector(spec),
        "CronJob" => {
            if let Some(job) = spec
                .get_mut("jobTemplate")
                .and_then(|t| t.get_mut("spec"))
                .and_then(Json::as_object_mut)
            {
                strip_job_selector(job);
            }
        }
        "PersistentVolume" => {
            // The claim is named by UID too; a recreated claim binds by namespace and name.
            if let Some(claim) = spec.get_mut("claimRef").and_then(Json::as_object_mut) {
                claim.remove("uid");
                claim.remove("resourceVersion");
            }
        }
        _ => {}
    }
}

/// A Job's selector and the matching template labels are generated unless the user set
/// `manualSelector`; the API refuses them back otherwise.
fn strip_job_selector(spec: &mut Map<String, Json>) {
    if spec.get("manualSelector").and_then(Json::as_bool) == Some(true) {
        return;
    }
    spec.remove("selector");
    if let Some(meta) = spec
        .get_mut("template")
        .and_then(|t| t.get_mut("metadata"))
        .and_then(Json::as_object_mut)
    {
        remove_keys(meta, "labels", JOB_GENERATED_LABELS);
    }
}

fn remove_keys(meta: &mut Map<String, Json>, field: &str, keys: &[&str]) {
    let Some(map) = meta.get_mut(field).and_then(Json::as_object_mut) else {
        return;
    };
    for key in keys {
        map.remove(*key);
    }
    if map.is_empty() {
        meta.remove(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn server_set_fields_go_user_fields_stay() {
        let mut service = json!({"apiVersion": "v1", "kind": "Service",
            "metadata": {"name": "api", "namespace": "shop", "uid": "u", "resourceVersion": "9",
                "creationTimestamp": "2026-01-01T00:00:00Z", "labels": {"app": "api"},
                "annotations": {LAST_APPLIED: "{}"}, "managedFields": []},
            "spec": {"clusterIP": "10.0.0.7", "clusterIPs": ["10.0.0.7"], "ports": [{"port": 80}]},
            "status": {"loadBalancer": {}}});
        strip(&mut service);
        assert_eq!(
            service,
            json!({"apiVersion": "v1", "kind": "Service",
                "metadata": {"name": "api", "namespace": "shop", "labels": {"app": "api"}},
                "spec": {"ports": [{"port": 80}]}})
        );
        let mut headless = json!({"kind": "Service", "spec": {"clusterIP": "None"}});
        strip(&mut headless);
        assert_eq!(headless["spec"]["clusterIP"], "None");
    }

    #[test]
    fn generated_job_selectors_go_manual_ones_stay() {
        let job = |manual: bool| {
            json!({"kind": "Job", "metadata": {"name": "j"},
                "spec": {"manualSelector": manual, "selector": {"matchLabels": {"controller-uid": "u"}},
                    "template": {"metadata": {"labels": {"controller-uid": "u", "job-name": "j", "app": "x"}}}}})
        };
        let mut generated = job(false);
        strip(&mut generated);
        assert!(generated["spec"].get("selector").is_none());
        assert_eq!(
            generated["spec"]["template"]["metadata"]["labels"],
            json!({"app": "x"})
        );
        let mut manual = job(true);
        strip(&mut manual);
        assert_eq!(manual, {
            let mut j = job(true);
            j["metadata"] = json!({"name": "j"});
            j
        });
    }
}
