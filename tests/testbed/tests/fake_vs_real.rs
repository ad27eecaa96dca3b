//! A differential test of the fake API server against a real kube-apiserver: one battery of
//! requests goes to both, the answers are normalised (uids, timestamps, resourceVersions, IPs,
//! the real cluster's name tags, generated name suffixes) and compared. Every difference a
//! client can see is either fixed in the fake or listed in `KNOWN_DIFFERENCES` (and in the test
//! bed's README, "Checked against the real server"), so this test fails on any new one, and on
//! a known one that went away.
//!
//! Without a real cluster (no Kubernetes binaries) it is skipped visibly.

use std::collections::BTreeMap;

use http_body_util::BodyExt;
use kubectl_backup_testbed::TestCluster;
use serde_json::{Value, json};

/// Stands for the test namespace in paths and bodies (`fvr` on the fake, `fvr-<tag>` on the
/// real cluster).
const NS: &str = "__NS__";
/// Stands for the test's CRD group.
const GROUP: &str = "__GROUP__";

/// One backend's run of the battery: every answer, by step label.
struct Session<'a> {
    cluster: &'a TestCluster,
    client: kube::Client,
    namespace: String,
    group: String,
    /// The real cluster's name tag (`-1a2b3c`), removed from answers; empty on the fake.
    tag: String,
    answers: BTreeMap<String, (u16, Value)>,
    order: Vec<String>,
}

impl<'a> Session<'a> {
    fn new(cluster: &'a TestCluster) -> Self {
        Session {
            cluster,
            client: cluster.client(),
            namespace: cluster.name("fvr"),
            group: format!("{}.example.com", cluster.name("fvr")),
            tag: cluster.name(""),
            answers: BTreeMap::new(),
            order: Vec::new(),
        }
    }

    fn fill(&self, text: &str) -> String {
        text.replace(NS, &self.namespace)
            .replace(GROUP, &self.group)
    }

    /// Sends one request and records its answer under `label`; returns the raw answer.
    async fn send(
        &mut self,
        label: &str,
        method: &str,
        path: &str,
        content_type: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        // A JSON string is sent as raw text (for malformed bodies).
        let body = match body {
            Some(Value::String(raw)) => self.fill(&raw).into_bytes(),
            Some(b) => self.fill(&b.to_string()).into_bytes(),
            None => Vec::new(),
        };
        let request = http::Request::builder()
            .method(method)
            .uri(self.fill(path))
            .header("Content-Type", content_type)
            .header("Accept", "application/json")
            .body(kube::client::Body::from(body))
            .expect("request");
        let response = self.client.send(request).await.expect("send");
        let code = response.status().as_u16();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        let value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        let normalised = self.normalise(value.clone());
        assert!(
            !self.answers.contains_key(label),
            "step label {label} used twice"
        );
        self.order.push(label.to_string());
        self.answers.insert(label.to_string(), (code, normalised));
        (code, value)
    }

    async fn get(&mut self, label: &str, path: &str) -> (u16, Value) {
        self.send(label, "GET", path, "application/json", None)
            .await
    }

    async fn post(&mut self, label: &str, path: &str, body: Value) -> (u16, Value) {
        self.send(label, "POST", path, "application/json", Some(body))
            .await
    }

    async fn put(&mut self, label: &str, path: &str, body: Value) -> (u16, Value) {
        self.send(label, "PUT", path, "application/json", Some(body))
            .await
    }

    async fn patch(
        &mut self,
        label: &str,
        path: &str,
        content_type: &str,
        body: Value,
    ) -> (u16, Value) {
        self.send(label, "PATCH", path, content_type, Some(body))
            .await
    }

    async fn delete(&mut self, label: &str, path: &str) -> (u16, Value) {
        self.send(label, "DELETE", path, "application/json", None)
            .await
    }

    /// Opens a watch on `path`, runs `writes` (their answers recorded as usual), then reads
    /// `count` events and records them under `label`.
    async fn watch(
        &mut self,
        label: &str,
        path: &str,
        count: usize,
        writes: impl AsyncFnOnce(&mut Self),
    ) {
        let request = http::Request::get(self.fill(path))
            .header("Accept", "application/json")
            .body(kube::client::Body::empty())
            .expect("request");
        let response = self.client.send(request).await.expect("watch");
        let code = response.status().as_u16();
        let mut body = response.into_body();
        writes(self).await;
        let mut buffer = Vec::new();
        let mut events = Vec::new();
        while events.len() < count {
            let frame = tokio::time::timeout(std::time::Duration::from_secs(60), body.frame())
                .await
                .unwrap_or_else(|_| panic!("{label}: no watch event within 60 s: {events:?}"));
            let Some(frame) = frame else { break };
            if let Ok(data) = frame.expect("watch frame").into_data() {
                buffer.extend_from_slice(&data);
            }
            while let Some(end) = buffer.iter().position(|b| *b == b'\n') {
                let line: Vec<u8> = buffer.drain(..=end).collect();
                let event: Value = serde_json::from_slice(&line).expect("a watch event");
                // Servers batch events into frames differently: take exactly `count`.
                if events.len() < count {
                    events.push(self.normalise(event));
                }
            }
        }
        self.order.push(label.to_string());
        self.answers
            .insert(label.to_string(), (code, json!({"events": events})));
    }

    /// Replaces what differs between runs and backends by design with placeholders.
    fn normalise(&self, mut value: Value) -> Value {
        // This OpenShift-built kube-controller-manager publishes `openshift-service-ca.crt` in
        // every namespace; upstream Kubernetes, which the fake follows, does not.
        if let Some(items) = value.get_mut("items").and_then(Value::as_array_mut) {
            items.retain(|item| item["metadata"]["name"] != "openshift-service-ca.crt");
        }
        // ... and projects it into every pod's token volume.
        if let Some(volumes) = value
            .pointer_mut("/spec/volumes")
            .and_then(Value::as_array_mut)
        {
            for volume in volumes {
                if let Some(sources) = volume
                    .pointer_mut("/projected/sources")
                    .and_then(Value::as_array_mut)
                {
                    sources.retain(|s| s["configMap"]["name"] != "openshift-service-ca.crt");
                }
            }
        }
        normalise_value(value, "", &self.tag)
    }
}

fn normalise_value(value: Value, key: &str, tag: &str) -> Value {
    // The fake does not track field ownership (see KNOWN_DIFFERENCES): who wrote, how and when
    // is compared, not which fields.
    if key == "fieldsV1" {
        return json!("<fields>");
    }
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let v = normalise_value(v, &k, tag);
                    (k, v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|v| normalise_value(v, key, tag))
                .collect(),
        ),
        Value::String(text) => {
            let placeholder = match key {
                "uid" | "controller-uid" | "batch.kubernetes.io/controller-uid" => Some("<uid>"),
                "creationTimestamp" | "deletionTimestamp" | "time" | "lastTransitionTime"
                | "lastUpdateTime" => Some("<time>"),
                "resourceVersion" => Some("<rv>"),
                "continue" => Some("<continue>"),
                "clusterIP" | "clusterIPs" => Some("<ip>"),
                "ca.crt" => Some("<ca>"),
                _ => None,
            };
            if let Some(placeholder) = placeholder
                && !text.is_empty()
            {
                return json!(placeholder);
            }
            let mut text = if tag.is_empty() {
                text
            } else {
                text.replace(tag, "")
            };
            // Random name suffixes (generateName, the token volume): five characters of
            // Kubernetes' alphabet.
            for prefix in ["gen-", "kube-api-access-"] {
                if let Some(at) = text.find(prefix)
                    && text.len() >= at + prefix.len() + 5
                {
                    let range = at + prefix.len()..at + prefix.len() + 5;
                    if text[range.clone()]
                        .chars()
                        .all(|c| "bcdfghjklmnpqrstvwxz2456789".contains(c))
                    {
                        text.replace_range(range, "<sfx>");
                    }
                }
            }
            Value::String(text)
        }
        other => other,
    }
}

/// Paths (`a.b[2].c`) where two answers differ, with both values.
fn differences(path: &str, fake: &Value, real: &Value, out: &mut Vec<String>) {
    match (fake, real) {
        (Value::Object(f), Value::Object(r)) => {
            let mut keys: Vec<&String> = f.keys().chain(r.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let sub = format!("{path}.{k}");
                match (f.get(k), r.get(k)) {
                    (Some(a), Some(b)) => differences(&sub, a, b, out),
                    (Some(a), None) => out.push(format!("{sub}: only the fake has {a}")),
                    (None, Some(b)) => out.push(format!("{sub}: only the real has {b}")),
                    (None, None) => {}
                }
            }
        }
        (Value::Array(f), Value::Array(r)) if f.len() == r.len() => {
            for (i, (a, b)) in f.iter().zip(r).enumerate() {
                differences(&format!("{path}[{i}]"), a, b, out);
            }
        }
        _ if fake == real => {}
        _ => out.push(format!("{path}: fake {fake} vs real {real}")),
    }
}

const STRATEGIC: &str = "application/strategic-merge-patch+json";
const MERGE: &str = "application/merge-patch+json";
const JSON_PATCH: &str = "application/json-patch+json";
const APPLY: &str = "application/apply-patch+yaml";

fn configmap(name: &str, labels: Value, data: Value) -> Value {
    json!({"apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": name, "namespace": NS, "labels": labels}, "data": data})
}

/// The battery: the same requests in the same order on one backend.
async fn battery(s: &mut Session<'_>) {
    let cms = format!("/api/v1/namespaces/{NS}/configmaps");

    // The namespace, created through the API on both; then what the control plane adds to it
    // (on the real cluster, once kube-controller-manager got to it: `namespace` waits for that,
    // and has the namespace deleted at the end).
    s.post(
        "ns/create",
        "/api/v1/namespaces",
        json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": NS}}),
    )
    .await;
    let cluster = s.cluster;
    // Blocking calls: the battery runs on the runtime's `block_on` thread, the clients'
    // connections on its workers.
    cluster.namespace("fvr");
    cluster.wait_for(
        "kube-root-ca.crt in the new namespace",
        std::time::Duration::from_secs(60),
        || {
            cluster.objects().get(
                "v1",
                "ConfigMap",
                Some(&cluster.name("fvr")),
                "kube-root-ca.crt",
            )
        },
    );
    s.get(
        "ns/default-sa",
        &format!("/api/v1/namespaces/{NS}/serviceaccounts/default"),
    )
    .await;
    s.get("ns/root-ca", &format!("{cms}/kube-root-ca.crt"))
        .await;
    s.get("ns/namespace", &format!("/api/v1/namespaces/{NS}"))
        .await;

    // Errors.
    s.get("err/404-configmap", &format!("{cms}/missing")).await;
    s.get(
        "err/404-namespace-of-object",
        "/api/v1/namespaces/no-such-ns-fvr/configmaps/x",
    )
    .await;
    s.get("err/404-namespace", "/api/v1/namespaces/no-such-ns-fvr")
        .await;
    s.post(
        "err/404-create-in-missing-namespace",
        "/api/v1/namespaces/no-such-ns-fvr/configmaps",
        json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}}),
    )
    .await;
    s.get(
        "err/404-unknown-resource",
        &format!("/api/v1/namespaces/{NS}/gizmos/x"),
    )
    .await;
    s.get("err/404-unknown-group", "/apis/no.such.group/v1/gizmos")
        .await;
    s.post(
        "err/405-post-to-a-name",
        &format!("{cms}/settings"),
        configmap("settings", json!({}), json!({})),
    )
    .await;
    s.send(
        "err/415-unknown-patch-type",
        "PATCH",
        &format!("{cms}/kube-root-ca.crt"),
        "application/xml",
        Some(json!("<data/>")),
    )
    .await;
    s.get("err/400-bad-limit", &format!("{cms}?limit=many"))
        .await;
    s.get(
        "err/400-bad-continue",
        &format!("{cms}?limit=1&continue=not-a-token"),
    )
    .await;
    s.delete("err/405-delete-namespaces", "/api/v1/namespaces")
        .await;
    s.post(
        "create/configmap",
        &cms,
        configmap("settings", json!({"app": "shop"}), json!({"k": "v"})),
    )
    .await;
    s.post(
        "err/409-already-exists",
        &cms,
        configmap("settings", json!({"app": "shop"}), json!({"k": "v"})),
    )
    .await;
    s.post(
        "err/422-bad-name",
        &cms,
        configmap("Bad_Name", json!({}), json!({})),
    )
    .await;
    s.post(
        "err/422-bad-data-key",
        &cms,
        configmap("bad-key", json!({}), json!({"no/slash": "x"})),
    )
    .await;
    s.post(
        "err/422-bad-label",
        &cms,
        configmap("bad-label", json!({"a b": "c"}), json!({})),
    )
    .await;
    s.post(
        "err/400-resource-version-on-create",
        &cms,
        json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "with-rv", "resourceVersion": "5"}}),
    )
    .await;
    s.post(
        "err/400-namespace-mismatch",
        &cms,
        json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "elsewhere", "namespace": "kube-system"}}),
    )
    .await;
    s.send(
        "err/400-malformed-json",
        "POST",
        &cms,
        "application/json",
        Some(json!("{not json")),
    )
    .await;
    s.post(
        "err/422-no-name",
        &cms,
        json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {}}),
    )
    .await;

    // Reads and updates.
    let (_, stored) = s.get("get/configmap", &format!("{cms}/settings")).await;
    let mut stale = stored.clone();
    stale["data"]["k"] = json!("v2");
    s.put(
        "update/configmap",
        &format!("{cms}/settings"),
        stale.clone(),
    )
    .await;
    stale["data"]["k"] = json!("v3");
    s.put(
        "err/409-conflict",
        &format!("{cms}/settings"),
        stale.clone(),
    )
    .await;
    let mut no_rv = stale.clone();
    no_rv["metadata"]
        .as_object_mut()
        .unwrap()
        .remove("resourceVersion");
    s.put("update/without-rv", &format!("{cms}/settings"), no_rv)
        .await;
    s.put(
        "err/400-name-mismatch",
        &format!("{cms}/settings"),
        configmap("other-name", json!({}), json!({})),
    )
    .await;
    s.put(
        "err/404-update-missing",
        &format!("{cms}/missing"),
        configmap("missing", json!({}), json!({})),
    )
    .await;
    s.patch(
        "patch/merge",
        &format!("{cms}/settings"),
        MERGE,
        json!({"data": {"merged": "1", "k": null}, "metadata": {"labels": {"tier": "web"}}}),
    )
    .await;
    s.patch(
        "patch/json",
        &format!("{cms}/settings"),
        JSON_PATCH,
        json!([{"op": "add", "path": "/data/json", "value": "2"},
               {"op": "replace", "path": "/metadata/labels/tier", "value": "db"}]),
    )
    .await;
    s.patch(
        "err/422-json-patch-test-fails",
        &format!("{cms}/settings"),
        JSON_PATCH,
        json!([{"op": "test", "path": "/data/json", "value": "nope"}]),
    )
    .await;
    s.patch(
        "patch/strategic",
        &format!("{cms}/settings"),
        STRATEGIC,
        json!({"data": {"strategic": "3"}}),
    )
    .await;
    s.patch(
        "err/404-patch-missing",
        &format!("{cms}/missing"),
        MERGE,
        json!({"data": {"a": "b"}}),
    )
    .await;
    s.patch(
        "patch/apply-create",
        &format!("{cms}/applied?fieldManager=fvr"),
        APPLY,
        configmap("applied", json!({"via": "apply"}), json!({"a": "1"})),
    )
    .await;
    s.patch(
        "patch/apply-update",
        &format!("{cms}/applied?fieldManager=fvr"),
        APPLY,
        configmap("applied", json!({"via": "apply"}), json!({"a": "2"})),
    )
    .await;
    s.patch(
        "err/400-apply-without-field-manager",
        &format!("{cms}/applied"),
        APPLY,
        configmap("applied", json!({}), json!({})),
    )
    .await;

    // generateName.
    s.post(
        "create/generate-name",
        &cms,
        json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"generateName": "gen-", "labels": {"made": "generated"}}}),
    )
    .await;

    // Secrets: stringData folded into data.
    s.post(
        "create/secret",
        &format!("/api/v1/namespaces/{NS}/secrets"),
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"},
            "stringData": {"password": "hunter2"}, "data": {"user": "YWRtaW4="}}),
    )
    .await;
    s.get("get/secret", &format!("/api/v1/namespaces/{NS}/secrets/db"))
        .await;
    s.post(
        "err/422-secret-bad-base64",
        &format!("/api/v1/namespaces/{NS}/secrets"),
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "bad"},
            "data": {"x": "not base64!"}}),
    )
    .await;

    // Services, Deployments, PVCs: defaults filled in on create.
    s.post(
        "create/service",
        &format!("/api/v1/namespaces/{NS}/services"),
        json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
            "spec": {"selector": {"app": "web"}, "ports": [{"port": 80, "targetPort": 8080}]}}),
    )
    .await;
    s.post(
        "create/service-headless",
        &format!("/api/v1/namespaces/{NS}/services"),
        json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "headless"},
            "spec": {"clusterIP": "None", "selector": {"app": "web"}, "ports": [{"name": "http", "port": 80}]}}),
    )
    .await;
    s.post(
        "err/422-service-without-ports",
        &format!("/api/v1/namespaces/{NS}/services"),
        json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "noports"},
            "spec": {"selector": {"app": "web"}}}),
    )
    .await;
    s.post(
        "create/deployment",
        &format!("/apis/apps/v1/namespaces/{NS}/deployments"),
        json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
            "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                "template": {"metadata": {"labels": {"app": "web"}},
                    "spec": {"containers": [{"name": "web", "image": "registry.k8s.io/pause:3.10",
                        "ports": [{"containerPort": 8080}]}]}}}}),
    )
    .await;
    s.post(
        "err/422-deployment-selector-mismatch",
        &format!("/apis/apps/v1/namespaces/{NS}/deployments"),
        json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "bad"},
            "spec": {"selector": {"matchLabels": {"app": "x"}},
                "template": {"metadata": {"labels": {"app": "y"}},
                    "spec": {"containers": [{"name": "c", "image": "i"}]}}}}),
    )
    .await;
    // Once the deployment controller has seen it (its revision annotation and status manager
    // are then part of every answer).
    let (cluster, ns) = (s.cluster, s.namespace.clone());
    cluster.wait_for(
        "the deployment controller to observe web",
        std::time::Duration::from_secs(60),
        || {
            cluster
                .objects()
                .get("apps/v1", "Deployment", Some(&ns), "web")
                .filter(|d| d["status"]["observedGeneration"] == 1)
        },
    );
    s.patch(
        "patch/strategic-deployment-containers",
        &format!("/apis/apps/v1/namespaces/{NS}/deployments/web"),
        STRATEGIC,
        json!({"spec": {"template": {"spec": {"containers": [
            {"name": "web", "image": "registry.k8s.io/pause:3.10.1"},
            {"name": "sidecar", "image": "registry.k8s.io/pause:3.9"}]}}}}),
    )
    .await;
    let pod_template = json!({"metadata": {"labels": {"app": "db"}},
        "spec": {"containers": [{"name": "db", "image": "registry.k8s.io/pause:3.10"}]}});
    s.post(
        "create/statefulset",
        &format!("/apis/apps/v1/namespaces/{NS}/statefulsets"),
        json!({"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db"},
            "spec": {"replicas": 0, "serviceName": "headless",
                "selector": {"matchLabels": {"app": "db"}}, "template": pod_template}}),
    )
    .await;
    s.post(
        "create/daemonset",
        &format!("/apis/apps/v1/namespaces/{NS}/daemonsets"),
        json!({"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "agent"},
            "spec": {"selector": {"matchLabels": {"app": "db"}}, "template": pod_template}}),
    )
    .await;
    s.post(
        "create/job",
        &format!("/apis/batch/v1/namespaces/{NS}/jobs"),
        json!({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "once"},
            "spec": {"suspend": true, "template": {"spec": {"restartPolicy": "Never",
                "containers": [{"name": "c", "image": "registry.k8s.io/pause:3.10"}]}}}}),
    )
    .await;
    s.post(
        "create/pvc",
        &format!("/api/v1/namespaces/{NS}/persistentvolumeclaims"),
        json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "data"},
            "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": "fvr-none",
                "resources": {"requests": {"storage": "1Gi"}}}}),
    )
    .await;

    s.delete(
        "delete/pvc",
        &format!("/api/v1/namespaces/{NS}/persistentvolumeclaims/data"),
    )
    .await;

    // A pod: what admission and defaulting add (on the fake, its kubelet starts it after the
    // answer; a control-plane-only real cluster leaves it Pending).
    s.post(
        "create/pod",
        &format!("/api/v1/namespaces/{NS}/pods"),
        json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "solo"},
            "spec": {"containers": [{"name": "c", "image": "registry.k8s.io/pause:3.10",
                "ports": [{"containerPort": 80}]}]}}),
    )
    .await;

    // Lists: metadata, pagination, selectors.
    for i in 0..5 {
        s.post(
            &format!("list/seed-{i}"),
            &cms,
            configmap(
                &format!("page-{i}"),
                json!({"page": "yes", "parity": if i % 2 == 0 { "even" } else { "odd" }}),
                json!({"i": i.to_string()}),
            ),
        )
        .await;
    }
    let (_, first) = s
        .get(
            "list/page-1",
            &format!("{cms}?labelSelector=page%3Dyes&limit=2"),
        )
        .await;
    let token = first["metadata"]["continue"].as_str().unwrap_or_default();
    let (_, second) = s
        .get(
            "list/page-2",
            &format!("{cms}?labelSelector=page%3Dyes&limit=2&continue={token}"),
        )
        .await;
    let token = second["metadata"]["continue"].as_str().unwrap_or_default();
    s.get(
        "list/page-3",
        &format!("{cms}?labelSelector=page%3Dyes&limit=2&continue={token}"),
    )
    .await;
    s.get(
        "list/label-set",
        &format!("{cms}?labelSelector=parity%20in%20(odd),page"),
    )
    .await;
    s.get("list/label-not", &format!("{cms}?labelSelector=!page"))
        .await;
    s.get(
        "list/field-name",
        &format!("{cms}?fieldSelector=metadata.name%3Dpage-3"),
    )
    .await;
    s.get(
        "list/field-name-not",
        &format!("{cms}?fieldSelector=metadata.name!%3Dpage-3&labelSelector=page"),
    )
    .await;
    s.get(
        "err/400-field-unknown",
        &format!("{cms}?fieldSelector=data.k%3Dv"),
    )
    .await;
    s.get(
        "err/400-label-bad",
        &format!("{cms}?labelSelector=a%20in%20b"),
    )
    .await;
    s.get(
        "list/secrets-field-type",
        &format!("/api/v1/namespaces/{NS}/secrets?fieldSelector=type%3DOpaque"),
    )
    .await;

    // Watch: the events of one object's changes, from a list's resourceVersion.
    let (_, seeded) = s
        .post(
            "watch/seed",
            &cms,
            configmap("watched", json!({"w": "1"}), json!({"v": "1"})),
        )
        .await;
    let rv = seeded["metadata"]["resourceVersion"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let watched = format!("{cms}/watched");
    s.watch(
        "watch/events",
        &format!("{cms}?watch=true&fieldSelector=metadata.name%3Dwatched&resourceVersion={rv}&timeoutSeconds=60"),
        2,
        async |s: &mut Session<'_>| {
            s.patch("watch/modify", &watched, MERGE, json!({"data": {"v": "2"}}))
                .await;
            s.delete("watch/delete", &watched).await;
        },
    )
    .await;
    s.watch(
        "watch/initial-events",
        &format!("{cms}?watch=true&labelSelector=page%3Dyes"),
        5,
        async |_: &mut Session<'_>| {},
    )
    .await;

    // Dry run: answered as if done, nothing stored.
    s.post(
        "dry-run/create",
        &format!("{cms}?dryRun=All"),
        configmap("dry", json!({}), json!({"d": "1"})),
    )
    .await;
    s.get("dry-run/get-after-create", &format!("{cms}/dry"))
        .await;
    s.send(
        "dry-run/delete",
        "DELETE",
        &format!("{cms}/page-0?dryRun=All"),
        "application/json",
        None,
    )
    .await;
    s.get("dry-run/get-after-delete", &format!("{cms}/page-0"))
        .await;
    s.post(
        "err/422-dry-run-bad",
        &format!("{cms}?dryRun=Some"),
        configmap("dry", json!({}), json!({})),
    )
    .await;

    // Deletion, with and without finalizers.
    s.delete("delete/configmap", &format!("{cms}/page-1")).await;
    s.delete("err/404-delete-missing", &format!("{cms}/page-1"))
        .await;
    s.post(
        "create/with-finalizer",
        &cms,
        json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "held", "finalizers": ["example.com/hold"]}}),
    )
    .await;
    s.delete("delete/with-finalizer", &format!("{cms}/held"))
        .await;
    s.get("get/terminating", &format!("{cms}/held")).await;
    s.delete("delete/again-terminating", &format!("{cms}/held"))
        .await;
    s.patch(
        "patch/drop-finalizer",
        &format!("{cms}/held"),
        MERGE,
        json!({"metadata": {"finalizers": null}}),
    )
    .await;
    s.get("get/after-finalizer", &format!("{cms}/held")).await;

    // Custom resources: status subresource, schema pruning.
    s.cluster.install_crd(json!({
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": {"name": s.fill(&format!("widgets.{GROUP}"))},
        "spec": {"group": s.fill(GROUP), "scope": "Namespaced",
            "names": {"kind": "Widget", "plural": "widgets", "singular": "widget",
                "listKind": "WidgetList", "shortNames": ["wdg"]},
            "versions": [{"name": "v1", "served": true, "storage": true,
                "subresources": {"status": {}},
                "schema": {"openAPIV3Schema": {"type": "object", "properties": {
                    "spec": {"type": "object", "properties": {
                        "size": {"type": "integer", "minimum": 1},
                        "colour": {"type": "string", "default": "blue"}}},
                    "status": {"type": "object", "properties": {"phase": {"type": "string"}}}}}}}]}
    }));
    let widgets = format!("/apis/{GROUP}/v1/namespaces/{NS}/widgets");
    s.post(
        "cr/create",
        &widgets,
        json!({"apiVersion": format!("{GROUP}/v1"), "kind": "Widget", "metadata": {"name": "w1"},
            "spec": {"size": 3, "unknown": "pruned"}, "status": {"phase": "ignored"}}),
    )
    .await;
    s.post(
        "err/422-cr-invalid",
        &widgets,
        json!({"apiVersion": format!("{GROUP}/v1"), "kind": "Widget", "metadata": {"name": "w2"},
            "spec": {"size": "three"}}),
    )
    .await;
    s.patch(
        "cr/status-merge",
        &format!("{widgets}/w1/status"),
        MERGE,
        json!({"status": {"phase": "Ready"}, "spec": {"size": 9}}),
    )
    .await;
    let (_, widget) = s
        .get("cr/get-status", &format!("{widgets}/w1/status"))
        .await;
    let mut with_status = widget.clone();
    with_status["status"] = json!({"phase": "Put"});
    s.put(
        "cr/status-put",
        &format!("{widgets}/w1/status"),
        with_status,
    )
    .await;
    s.patch(
        "cr/main-ignores-status",
        &format!("{widgets}/w1"),
        MERGE,
        json!({"status": {"phase": "Changed"}, "spec": {"size": 4}}),
    )
    .await;
    s.patch(
        "err/415-cr-strategic",
        &format!("{widgets}/w1"),
        STRATEGIC,
        json!({"spec": {"size": 5}}),
    )
    .await;
    s.get("cr/list", &widgets).await;
    s.delete("cr/delete", &format!("{widgets}/w1")).await;
}

/// Discovery: for each resource the fake serves, what a client reads of it (and the real-only
/// resources, which the fake does not serve).
async fn discovery(cluster: &TestCluster, path: &str) -> BTreeMap<String, Value> {
    let client = cluster.client();
    let request = http::Request::get(path).body(Vec::new()).expect("request");
    let list: Value = client.request(request).await.expect("discovery");
    list["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .map(|r| {
            let mut verbs: Vec<String> = r["verbs"]
                .as_array()
                .map(|v| {
                    v.iter()
                        .filter_map(|x| x.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            verbs.sort();
            let mut short: Vec<String> = r["shortNames"]
                .as_array()
                .map(|v| {
                    v.iter()
                        .filter_map(|x| x.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            short.sort();
            (
                r["name"].as_str().unwrap_or_default().to_string(),
                json!({"kind": r["kind"], "namespaced": r["namespaced"], "verbs": verbs,
                    "shortNames": short, "singularName": r["singularName"]}),
            )
        })
        .collect()
}

/// Steps whose answer carries a status the controllers may or may not have written yet.
const CONTROLLER_TIMED: &[&str] = &["patch/strategic-deployment-containers"];

/// Differences we know of and keep (the fake does not model them); see the test bed's README.
const KNOWN_DIFFERENCES: &[&str] = &[
    // The text of a JSON syntax error is serde's, not Go's encoding/json's.
    "err/400-malformed-json: .message",
    // ... and so is the one inside a garbled continue token.
    "err/400-bad-continue: .message",
    // No field ownership in the fake: a manager whose fields are all gone keeps its entry.
    "patch/drop-finalizer: .metadata.managedFields",
    // Subresources and types the fake does not serve.
    "discovery /api/v1 bindings: only the real",
    "discovery /api/v1 componentstatuses: only the real",
    "discovery /api/v1 nodes/proxy: only the real",
    "discovery /api/v1 pods/attach: only the real",
    "discovery /api/v1 pods/binding: only the real",
    "discovery /api/v1 pods/ephemeralcontainers: only the real",
    "discovery /api/v1 pods/eviction: only the real",
    "discovery /api/v1 pods/portforward: only the real",
    "discovery /api/v1 pods/proxy: only the real",
    "discovery /api/v1 pods/resize: only the real",
    "discovery /api/v1 serviceaccounts/token: only the real",
    "discovery /api/v1 services/proxy: only the real",
];

#[test]
fn fake_and_real_answer_alike() {
    let fake = TestCluster::fake();
    let Some(real) = TestCluster::real("fake_vs_real::fake_and_real_answer_alike") else {
        return;
    };
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    // kube clients are made inside a runtime.
    let _entered = runtime.enter();
    let mut found = Vec::new();
    let mut sessions = Vec::new();
    for cluster in [&fake, &real] {
        let mut session = Session::new(cluster);
        runtime.block_on(battery(&mut session));
        sessions.push(session);
    }
    let (f, r) = (&sessions[0], &sessions[1]);
    for label in &f.order {
        let (fake_code, mut fake_body) = f.answers[label].clone();
        let (real_code, mut real_body) = r.answers[label].clone();
        // What controllers wrote by the time of the answer depends on timing, not on the server.
        if CONTROLLER_TIMED.contains(&label.as_str()) {
            for body in [&mut fake_body, &mut real_body] {
                if let Some(map) = body.as_object_mut() {
                    map.shift_remove("status");
                }
            }
        }
        let (fake_body, real_body) = (&fake_body, &real_body);
        if fake_code != real_code {
            found.push(format!(
                "{label}: status fake {fake_code} vs real {real_code}"
            ));
        }
        let mut diffs = Vec::new();
        differences("", fake_body, real_body, &mut diffs);
        found.extend(diffs.into_iter().map(|d| format!("{label}: {d}")));
    }

    for path in ["/api/v1", "/apis/apps/v1"] {
        let (fake_resources, real_resources) = runtime
            .block_on(async { (discovery(&fake, path).await, discovery(&real, path).await) });
        for (name, fake_entry) in &fake_resources {
            match real_resources.get(name) {
                None => found.push(format!("discovery {path} {name}: only the fake serves it")),
                Some(real_entry) => {
                    let mut diffs = Vec::new();
                    differences("", fake_entry, real_entry, &mut diffs);
                    found.extend(
                        diffs
                            .into_iter()
                            .map(|d| format!("discovery {path} {name}: {d}")),
                    );
                }
            }
        }
        for name in real_resources.keys() {
            if !fake_resources.contains_key(name) {
                found.push(format!("discovery {path} {name}: only the real serves it"));
            }
        }
    }

    // Both sides of every answer, for reading the differences in context.
    let dump: serde_json::Map<String, Value> = f
        .order
        .iter()
        .map(|label| {
            (
                label.clone(),
                json!({"fake": f.answers[label], "real": r.answers[label]}),
            )
        })
        .collect();
    let dump_path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fake_vs_real.json");
    std::fs::write(
        &dump_path,
        serde_json::to_string_pretty(&dump).expect("JSON"),
    )
    .expect("write the answers");

    let stale: Vec<&&str> = KNOWN_DIFFERENCES
        .iter()
        .filter(|known| !found.iter().any(|d| d.starts_with(**known)))
        .collect();
    assert!(
        stale.is_empty(),
        "known differences that no longer occur (remove them here and in the README): {stale:?}"
    );
    let unexpected: Vec<&String> = found
        .iter()
        .filter(|d| !KNOWN_DIFFERENCES.iter().any(|known| d.starts_with(known)))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{} differences between the fake and the real API server (all answers: {}):\n{}",
        unexpected.len(),
        dump_path.display(),
        unexpected
            .iter()
            .map(|d| d.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
