//! `etcd inspect` against what a real kube-apiserver v1.36 stores and serves: a realistic set of
//! objects is made on the real control plane (with kubectl, so they carry the last-applied
//! annotation), a snapshot is saved with `etcd save`, and then
//!
//! 1. every object of the test's namespace (those made here and those the controllers made from
//!    them) and the cluster-scoped ones made here: `etcd inspect --get KEY -o json` equals
//!    `kubectl get -o json` of the same version, managedFields included, apart from
//!    [`DOCUMENTED_DIFFERENCES`];
//! 2. Secrets are redacted everywhere unless `--show-secrets`;
//! 3. each object a user made, printed with `--for-apply`, deleted and created again from that
//!    output with kubectl, is the same object again (apart from what the server assigns anew);
//! 4. `--diff-live` names what was changed, deleted and created since the snapshot.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use kubectl_backup_testbed::TestCluster;
use kubectl_backup_testbed::skip::skipped;
use serde_json::{Value, json};

use common::BIN;
use common::cli::{output_with_stdin, run_ok_with_stdin, text};

mod common;

const KUBECTL: &str = "/usr/bin/kubectl";
const TEST: &str = "etcd_inspect_real::inspect_serves_every_object_as_the_api_server_does";

/// Where our output may differ from the API server's, and why. Each entry: a kind, the
/// top-level path that may differ, and the reason. Empty: every object in the snapshot,
/// CRDs included (converted from their stored v1beta1 to v1), equals `kubectl get -o json`.
const DOCUMENTED_DIFFERENCES: &[(&str, &str, &str)] = &[];

struct Bed {
    cluster: TestCluster,
    kubeconfig: PathBuf,
}

impl Bed {
    fn kubectl(&self) -> Command {
        let mut command = Command::new(KUBECTL);
        command.arg("--kubeconfig").arg(&self.kubeconfig);
        command
    }

    fn ours(&self) -> Command {
        let mut command = self.cluster.command(BIN);
        command.env_remove("ETCDCTL_ENDPOINTS");
        command
    }

    fn apply(&self, objects: &[Value]) {
        let list = json!({"apiVersion": "v1", "kind": "List", "items": objects});
        run_ok_with_stdin(
            self.kubectl()
                .args(["apply", "--validate=false", "-f", "-"]),
            Some(&list.to_string()),
        );
    }

    fn inspect(&self, snapshot: &Path, args: &[&str]) -> Output {
        output_with_stdin(
            self.ours()
                .args(["etcd", "inspect"])
                .arg(snapshot)
                .args(args),
            None,
        )
    }

    fn inspect_json(&self, snapshot: &Path, args: &[&str]) -> Value {
        let output = self.inspect(snapshot, args);
        assert!(
            output.status.success(),
            "inspect {args:?}: {}",
            text(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("inspect JSON")
    }

    fn kubectl_json(&self, args: &[&str]) -> Option<Value> {
        let output = output_with_stdin(self.kubectl().args(args).args(["-o", "json"]), None);
        output
            .status
            .success()
            .then(|| serde_json::from_slice(&output.stdout).expect("kubectl JSON"))
    }
}

/// `deployments.v1.apps`, `pods.v1`: the resource at exactly the stored version.
fn qualified(resource: &str, api_version: &str) -> String {
    let plural = resource.split('.').next().unwrap_or(resource);
    match api_version.split_once('/') {
        Some((group, version)) => format!("{plural}.{version}.{group}"),
        None => plural.to_string(), // the core group has only v1
    }
}

fn pod_spec() -> Value {
    json!({
        "serviceAccountName": "app",
        "terminationGracePeriodSeconds": 5,
        "securityContext": {"runAsNonRoot": true, "runAsUser": 1000, "fsGroup": 2000},
        "nodeSelector": {"kubernetes.io/os": "linux"},
        "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "app", "effect": "NoSchedule"}],
        "affinity": {"podAntiAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [
            {"weight": 50, "podAffinityTerm": {"topologyKey": "kubernetes.io/hostname",
                "labelSelector": {"matchExpressions": [{"key": "app", "operator": "In", "values": ["web"]}]}}}]}},
        "initContainers": [{"name": "init", "image": "registry.k8s.io/pause:3.10", "command": ["/pause"]}],
        "containers": [{
            "name": "web", "image": "registry.k8s.io/pause:3.10",
            "args": ["--port", "8080"],
            "ports": [{"name": "http", "containerPort": 8080}, {"containerPort": 9090, "protocol": "UDP"}],
            "env": [
                {"name": "PLAIN", "value": ""},
                {"name": "FROM_SECRET", "valueFrom": {"secretKeyRef": {"name": "opaque", "key": "password"}}},
                {"name": "FROM_CM", "valueFrom": {"configMapKeyRef": {"name": "settings", "key": "mode", "optional": true}}},
                {"name": "POD_IP", "valueFrom": {"fieldRef": {"fieldPath": "status.podIP"}}},
                {"name": "CPU", "valueFrom": {"resourceFieldRef": {"resource": "limits.cpu", "divisor": "1m"}}}
            ],
            "envFrom": [
                {"configMapRef": {"name": "settings"}, "prefix": "CFG_"},
                {"secretRef": {"name": "opaque", "optional": false}}
            ],
            "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"cpu": "1", "memory": "128Mi"}},
            "readinessProbe": {"httpGet": {"path": "/ready", "port": "http"}, "periodSeconds": 5},
            "livenessProbe": {"tcpSocket": {"port": 8080}, "initialDelaySeconds": 3},
            "startupProbe": {"exec": {"command": ["true"]}, "failureThreshold": 30},
            "lifecycle": {"preStop": {"sleep": {"seconds": 2}}},
            "securityContext": {"allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true,
                "capabilities": {"drop": ["ALL"]}},
            "volumeMounts": [
                {"name": "scratch", "mountPath": "/scratch"},
                {"name": "host", "mountPath": "/host", "readOnly": true},
                {"name": "secret", "mountPath": "/secret"},
                {"name": "config", "mountPath": "/config", "subPath": "app.conf"},
                {"name": "projected", "mountPath": "/projected"},
                {"name": "downward", "mountPath": "/downward"},
                {"name": "claim", "mountPath": "/claim"},
                {"name": "nfs", "mountPath": "/nfs"},
                {"name": "csi", "mountPath": "/csi"},
                {"name": "ephemeral", "mountPath": "/ephemeral"}
            ]
        }],
        "volumes": [
            {"name": "scratch", "emptyDir": {"medium": "Memory", "sizeLimit": "64Mi"}},
            {"name": "host", "hostPath": {"path": "/var/log", "type": "Directory"}},
            {"name": "secret", "secret": {"secretName": "opaque", "defaultMode": 0o400,
                "items": [{"key": "password", "path": "pw"}]}},
            {"name": "config", "configMap": {"name": "settings", "optional": true}},
            {"name": "projected", "projected": {"sources": [
                {"serviceAccountToken": {"path": "token", "expirationSeconds": 3600, "audience": "api"}},
                {"configMap": {"name": "settings"}},
                {"secret": {"name": "opaque"}},
                {"downwardAPI": {"items": [{"path": "labels", "fieldRef": {"fieldPath": "metadata.labels"}}]}}
            ]}},
            {"name": "downward", "downwardAPI": {"items": [{"path": "name", "fieldRef": {"fieldPath": "metadata.name"}}]}},
            {"name": "claim", "persistentVolumeClaim": {"claimName": "data"}},
            {"name": "nfs", "nfs": {"server": "nfs.example.com", "path": "/exports"}},
            {"name": "csi", "csi": {"driver": "inline.storage.example.com", "volumeAttributes": {"size": "1Gi"}}},
            {"name": "ephemeral", "ephemeral": {"volumeClaimTemplate": {"spec": {
                "accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}}}
        ],
        "imagePullSecrets": [{"name": "registry"}],
        "dnsConfig": {"options": [{"name": "ndots", "value": "2"}]},
        "hostAliases": [{"ip": "10.1.2.3", "hostnames": ["db.local"]}],
        "enableServiceLinks": false
    })
}

/// The namespaced objects a user makes, applied with kubectl.
fn user_objects(ns: &str, group: &str) -> Vec<Value> {
    let meta = |name: &str| json!({"name": name, "namespace": ns, "labels": {"app": "web"}});
    let template = json!({"metadata": {"labels": {"app": "web"}}, "spec": pod_spec()});
    let selector = json!({"matchLabels": {"app": "web"}});
    let tls_cert = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJ4ekNDQVcyZ0F3SUJBZ0lVWEFNUExFCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K";
    vec![
        // First, so that every pod is admitted under the same LimitRange.
        json!({"apiVersion": "v1", "kind": "ResourceQuota", "metadata": meta("quota"),
            "spec": {"hard": {"pods": "20", "configmaps": "50", "persistentvolumeclaims": "10"}}}),
        json!({"apiVersion": "v1", "kind": "LimitRange", "metadata": meta("limits"),
            "spec": {"limits": [{"type": "Container", "default": {"cpu": "500m"},
                "defaultRequest": {"cpu": "100m"}, "max": {"memory": "1Gi"}}]}}),
        json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta("settings"),
            "data": {"mode": "fast", "app.conf": "a=1\nb=2\n", "empty": ""},
            "binaryData": {"blob": "AAEC"}}),
        json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta("frozen"),
            "data": {"k": "v"}, "immutable": true}),
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": meta("opaque"),
            "stringData": {"password": "hunter2-not-for-eyes"}, "data": {"token": "c2VjcmV0LXRva2Vu"}}),
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": meta("tls"), "type": "kubernetes.io/tls",
            "data": {"tls.crt": tls_cert, "tls.key": "cHJpdmF0ZS1rZXk="}}),
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": meta("registry"),
            "type": "kubernetes.io/dockerconfigjson",
            "stringData": {".dockerconfigjson": "{\"auths\":{\"r.example.com\":{\"auth\":\"dTpw\"}}}"}}),
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": meta("basic"),
            "type": "kubernetes.io/basic-auth", "stringData": {"username": "u", "password": "p4ss"}}),
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": meta("ssh"),
            "type": "kubernetes.io/ssh-auth", "stringData": {"ssh-privatekey": "not-a-real-key"}}),
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": meta("custom"),
            "type": "example.com/custom", "stringData": {"x": "y"}}),
        json!({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta("app"),
            "automountServiceAccountToken": false}),
        json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "app-token", "namespace": ns,
                "annotations": {"kubernetes.io/service-account.name": "app"}},
            "type": "kubernetes.io/service-account-token"}),
        json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": meta("data"),
            "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": "manual",
                "resources": {"requests": {"storage": "1Gi"}}}}),
        json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": meta("web"),
            "spec": {"replicas": 2, "revisionHistoryLimit": 3, "selector": selector, "template": template,
                "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": "25%"}}}}),
        json!({"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": meta("db"),
            "spec": {"serviceName": "db", "replicas": 1, "selector": {"matchLabels": {"app": "db"}},
                "podManagementPolicy": "Parallel",
                "template": {"metadata": {"labels": {"app": "db"}},
                    "spec": {"containers": [{"name": "db", "image": "registry.k8s.io/pause:3.10",
                        "volumeMounts": [{"name": "pgdata", "mountPath": "/var/lib/pg"}]}]}},
                "volumeClaimTemplates": [{"metadata": {"name": "pgdata", "labels": {"app": "db"}},
                    "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "2Gi"}}}}],
                "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Delete", "whenScaled": "Retain"}}}),
        json!({"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": meta("agent"),
            "spec": {"selector": {"matchLabels": {"app": "agent"}},
                "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1}},
                "template": {"metadata": {"labels": {"app": "agent"}},
                    "spec": {"hostNetwork": true, "containers": [{"name": "agent", "image": "registry.k8s.io/pause:3.10"}]}}}}),
        json!({"apiVersion": "batch/v1", "kind": "Job", "metadata": meta("migrate"),
            "spec": {"backoffLimit": 2, "ttlSecondsAfterFinished": 3600,
                "template": {"spec": {"restartPolicy": "Never",
                    "containers": [{"name": "m", "image": "registry.k8s.io/pause:3.10"}]}}}}),
        json!({"apiVersion": "batch/v1", "kind": "CronJob", "metadata": meta("nightly"),
            "spec": {"schedule": "0 3 * * *", "concurrencyPolicy": "Forbid", "suspend": true,
                "jobTemplate": {"spec": {"template": {"spec": {"restartPolicy": "OnFailure",
                    "containers": [{"name": "n", "image": "registry.k8s.io/pause:3.10"}]}}}}}}),
        json!({"apiVersion": "v1", "kind": "Pod", "metadata": meta("standalone"), "spec": pod_spec()}),
        json!({"apiVersion": "v1", "kind": "Service", "metadata": meta("web"),
            "spec": {"selector": {"app": "web"}, "ports": [{"name": "http", "port": 80, "targetPort": "http"}]}}),
        json!({"apiVersion": "v1", "kind": "Service", "metadata": meta("web-np"),
            "spec": {"type": "NodePort", "selector": {"app": "web"}, "externalTrafficPolicy": "Local",
                "ports": [{"port": 80, "targetPort": 8080, "protocol": "TCP"}]}}),
        json!({"apiVersion": "v1", "kind": "Service", "metadata": meta("db"),
            "spec": {"clusterIP": "None", "selector": {"app": "db"}, "ports": [{"port": 5432}]}}),
        json!({"apiVersion": "v1", "kind": "Service", "metadata": meta("external"),
            "spec": {"type": "ExternalName", "externalName": "db.example.com"}}),
        json!({"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": meta("web"),
            "spec": {"tls": [{"hosts": ["shop.example.com"], "secretName": "tls"}],
                "rules": [{"host": "shop.example.com", "http": {"paths": [
                    {"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"name": "http"}}}},
                    {"path": "/api", "pathType": "Exact", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}]}}),
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": meta("reader"),
            "rules": [{"apiGroups": [""], "resources": ["pods", "configmaps"], "verbs": ["get", "list"]},
                {"apiGroups": ["apps"], "resources": ["deployments"], "resourceNames": ["web"], "verbs": ["get"]}]}),
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": meta("nothing")}),
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": meta("reader"),
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "reader"},
            "subjects": [{"kind": "ServiceAccount", "name": "app", "namespace": ns},
                {"kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": "jane"}]}),
        json!({"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": meta("web"),
            "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
                "minReplicas": 2, "maxReplicas": 5,
                "metrics": [{"type": "Resource", "resource": {"name": "cpu",
                    "target": {"type": "Utilization", "averageUtilization": 70}}}],
                "behavior": {"scaleDown": {"stabilizationWindowSeconds": 60,
                    "policies": [{"type": "Pods", "value": 1, "periodSeconds": 60}]}}}}),
        json!({"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": meta("web"),
            "spec": {"minAvailable": 1, "selector": selector}}),
        json!({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": meta("web"),
            "spec": {"podSelector": {"matchLabels": {"app": "web"}}, "policyTypes": ["Ingress", "Egress"],
                "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"team": "a"}}},
                    {"ipBlock": {"cidr": "10.0.0.0/8", "except": ["10.1.0.0/16"]}}],
                    "ports": [{"protocol": "TCP", "port": 8080}, {"port": "http"}]}],
                "egress": [{}]}}),
        json!({"apiVersion": format!("{group}/v1"), "kind": "Widget", "metadata": meta("w1"),
            "spec": {"size": 3, "colour": "teal", "tags": ["a", "b"]}}),
        json!({"apiVersion": format!("{group}/v1"), "kind": "Widget", "metadata": meta("w2"),
            "spec": {"size": 0, "colour": ""}}),
    ]
}

/// What a recreated object is compared on: everything but what the server assigns anew.
fn user_view(object: &Value) -> Value {
    let mut object = object.clone();
    if let Some(meta) = object.get_mut("metadata").and_then(Value::as_object_mut) {
        for field in [
            "uid",
            "resourceVersion",
            "creationTimestamp",
            "generation",
            "managedFields",
        ] {
            meta.remove(field);
        }
        if let Some(annotations) = meta.get_mut("annotations").and_then(Value::as_object_mut) {
            annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
            if annotations.is_empty() {
                meta.remove("annotations");
            }
        }
    }
    if let Some(top) = object.as_object_mut() {
        top.remove("status");
    }
    if object["kind"] == "Job" {
        // A recreated Job gets a new generated selector, named after its new UID.
        let spec = object["spec"].as_object_mut().expect("spec");
        spec.remove("selector");
        if let Some(labels) = spec
            .get_mut("template")
            .and_then(|t| t.pointer_mut("/metadata/labels"))
            .and_then(Value::as_object_mut)
        {
            labels.retain(|key, _| !key.ends_with("controller-uid"));
        }
    }
    if object["kind"] == "Service" && object["spec"]["clusterIP"] != "None" {
        let spec = object["spec"].as_object_mut().expect("spec");
        spec.remove("clusterIP");
        spec.remove("clusterIPs");
    }
    object
}

#[test]
fn inspect_serves_every_object_as_the_api_server_does() {
    let Some(cluster) = TestCluster::real(TEST) else {
        return;
    };
    if !Path::new(KUBECTL).exists() {
        skipped(TEST, "kubectl not found at /usr/bin/kubectl");
        return;
    }
    let endpoint = cluster
        .real_cluster()
        .expect("a real cluster")
        .etcd_endpoint()
        .to_string();
    let kubeconfig = cluster.kubeconfig_path().to_path_buf();
    let bed = Bed {
        cluster,
        kubeconfig,
    };
    let cluster = &bed.cluster;
    let ns = cluster.namespace("inspect");
    let group = format!("{}.example.com", cluster.name("inspect"));
    cluster.install_crd(json!({
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": {"name": format!("widgets.{group}")},
        "spec": {"group": group, "scope": "Namespaced",
            "names": {"kind": "Widget", "plural": "widgets", "singular": "widget",
                "shortNames": ["wdg"], "listKind": "WidgetList"},
            "versions": [{"name": "v1", "served": true, "storage": true,
                "additionalPrinterColumns": [{"name": "Size", "type": "integer", "jsonPath": ".spec.size"}],
                "subresources": {"status": {}},
                "schema": {"openAPIV3Schema": {"type": "object", "properties": {
                    "spec": {"type": "object", "properties": {
                        "size": {"type": "integer", "minimum": 0},
                        "colour": {"type": "string", "enum": ["teal", "red", ""]},
                        "tags": {"type": "array", "items": {"type": "string"}}}},
                    "status": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}}}]}
    }));
    // Cluster-scoped objects, recorded by the test bed for deletion.
    let pv = cluster.name("inspect-pv");
    let cluster_role = cluster.name("inspect-reader");
    let objects = cluster.objects();
    objects
        .create(json!({"apiVersion": "v1", "kind": "PersistentVolume",
            "metadata": {"name": pv, "labels": {"tier": "slow"}},
            "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce"],
                "storageClassName": "manual", "persistentVolumeReclaimPolicy": "Retain",
                "hostPath": {"path": "/tmp/pv", "type": "DirectoryOrCreate"},
                "claimRef": {"namespace": ns, "name": "data"}}}))
        .expect("create PersistentVolume");
    objects
        .create(
            json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
            "metadata": {"name": cluster_role},
            "rules": [{"nonResourceURLs": ["/healthz"], "verbs": ["get"]}],
            "aggregationRule": null}),
        )
        .expect("create ClusterRole");
    bed.apply(&user_objects(&ns, &group));

    // Let the controllers settle (ReplicaSets, Pods, PV binding, Job pods, token data).
    cluster.wait_for(
        "the controllers to act on the new objects",
        Duration::from_secs(90),
        || {
            let claim = bed.kubectl_json(&["get", "pvc", "data", "-n", &ns])?;
            let token = bed.kubectl_json(&["get", "secret", "app-token", "-n", &ns])?;
            let pods = bed.kubectl_json(&["get", "pods", "-n", &ns])?;
            (claim["status"]["phase"] == "Bound"
                && token["data"].get("token").is_some()
                && pods["items"].as_array().is_some_and(|p| p.len() >= 4))
            .then_some(())
        },
    );
    std::thread::sleep(Duration::from_secs(3));

    let snapshot = cluster.temp_dir().join("inspect.db");
    run_ok_with_stdin(
        bed.ours()
            .args(["etcd", "save", "--endpoints", &endpoint])
            .arg(&snapshot),
        None,
    );

    // 1. Every object as kubectl gets it.
    let listed = bed.inspect_json(&snapshot, &["-o", "json"]);
    let keys: Vec<&Value> = listed
        .as_array()
        .expect("listing")
        .iter()
        .filter(|row| {
            row["namespace"] == ns.as_str()
                || row["name"] == pv.as_str()
                || row["name"] == cluster_role.as_str()
                || row["name"] == format!("widgets.{group}").as_str()
        })
        .filter(|row| row["resource"] != "events")
        .collect();
    let mut compared: Vec<String> = Vec::new();
    let mut changed_since = Vec::new();
    let mut documented = Vec::new();
    let mut failures = Vec::new();
    for row in &keys {
        let key = row["key"].as_str().expect("key");
        let (api_version, kind) = (
            row["apiVersion"].as_str().unwrap_or_default(),
            row["kind"].as_str().unwrap_or_default(),
        );
        let ours = bed.inspect_json(
            &snapshot,
            &[
                "--get",
                key,
                "-o",
                "json",
                "--show-managed-fields",
                "--show-secrets",
            ],
        );
        // At the version we print (a CRD is converted from its stored v1beta1 to v1).
        let printed_version = ours["apiVersion"].as_str().unwrap_or(api_version);
        let resource = qualified(row["resource"].as_str().expect("resource"), printed_version);
        let mut get = vec!["get", &resource, row["name"].as_str().expect("name")];
        if let Some(namespace) = row["namespace"].as_str() {
            get.extend(["-n", namespace]);
        }
        get.push("--show-managed-fields");
        let Some(theirs) = bed.kubectl_json(&get) else {
            if DOCUMENTED_DIFFERENCES.iter().any(|(k, _, _)| *k == kind) {
                let output = bed.inspect(&snapshot, &["--get", key, "-o", "json"]);
                assert!(
                    text(&output.stderr).contains("note: "),
                    "{key}: no note about the stored version: {}",
                    text(&output.stderr)
                );
                documented.push(format!("{key} ({api_version})"));
                continue;
            }
            failures.push(format!("kubectl get {get:?} failed for {key}"));
            continue;
        };
        if theirs["metadata"]["resourceVersion"] != ours["metadata"]["resourceVersion"] {
            changed_since.push(key.to_string());
            continue;
        }
        if theirs != ours && !DOCUMENTED_DIFFERENCES.iter().any(|(k, _, _)| *k == kind) {
            failures.push(format!(
                "{key} ({api_version} {kind}):\n  ours:    {}\n  kubectl: {}",
                ours, theirs
            ));
        }
        compared.push(kind.to_string());
    }
    assert!(
        failures.is_empty(),
        "{} of {} objects differ from kubectl get:\n{}",
        failures.len(),
        keys.len(),
        failures.join("\n")
    );
    for kind in [
        "ConfigMap",
        "Secret",
        "ServiceAccount",
        "PersistentVolumeClaim",
        "PersistentVolume",
        "Deployment",
        "ReplicaSet",
        "StatefulSet",
        "DaemonSet",
        "Job",
        "CronJob",
        "Pod",
        "Service",
        "Endpoints",
        "EndpointSlice",
        "Ingress",
        "Role",
        "RoleBinding",
        "ClusterRole",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
        "NetworkPolicy",
        "ResourceQuota",
        "LimitRange",
        "ControllerRevision",
        "Widget",
    ] {
        assert!(
            compared.iter().any(|k| k == kind),
            "no {kind} was compared (compared: {compared:?}; changed since the snapshot: \
             {changed_since:?})"
        );
    }
    eprintln!(
        "{TEST}: {} objects equal to kubectl get, {} changed after the snapshot and skipped, \
         documented differences: {documented:?}",
        compared.len(),
        changed_since.len()
    );

    // 2. Names as kubectl accepts them, and Secrets redacted unless asked.
    for reference in [
        format!("deployments.apps/{ns}/web"),
        format!("deploy/{ns}/web"),
        format!("Deployment/{ns}/web"),
        format!("deployment/{ns}/web"),
    ] {
        let object = bed.inspect_json(&snapshot, &["--get", &reference, "-o", "json"]);
        assert_eq!(object["metadata"]["name"], "web", "{reference}");
        assert!(object["metadata"].get("managedFields").is_none());
    }
    for (reference, name) in [
        (format!("svc/{ns}/web"), "web"),
        (format!("cm/{ns}/settings"), "settings"),
        (format!("sts/{ns}/db"), "db"),
        (format!("ing/{ns}/web"), "web"),
        (format!("wdg/{ns}/w1"), "w1"),
        (format!("widgets.{group}/{ns}/w1"), "w1"),
        (format!("Widget/{ns}/w1"), "w1"),
        (format!("pv/{pv}"), pv.as_str()),
        (format!("crd/widgets.{group}"), ""),
    ] {
        let object = bed.inspect_json(&snapshot, &["--get", &reference, "-o", "json"]);
        if !name.is_empty() {
            assert_eq!(object["metadata"]["name"], name, "{reference}");
        }
    }
    let by_namespace_flag = bed.inspect_json(
        &snapshot,
        &["--get", "cm/settings", "-n", &ns, "-o", "json"],
    );
    assert_eq!(by_namespace_flag["data"]["mode"], "fast");
    let secret = bed.inspect(
        &snapshot,
        &["--get", &format!("secret/{ns}/opaque"), "-o", "json"],
    );
    assert!(secret.status.success(), "{}", text(&secret.stderr));
    let printed = text(&secret.stdout);
    for value in [
        "hunter2-not-for-eyes",
        "aHVudGVyMi1ub3QtZm9yLWV5ZXM",
        "c2VjcmV0LXRva2Vu",
        "secret-token",
    ] {
        assert!(!printed.contains(value), "{value} printed:\n{printed}");
    }
    assert!(printed.contains("redacted"), "{printed}");
    let refused = bed.inspect(
        &snapshot,
        &["--get", &format!("secret/{ns}/opaque"), "--for-apply"],
    );
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("--show-secrets"),
        "{}",
        text(&refused.stderr)
    );

    // 3. --for-apply output recreates the same object after deletion.
    let mut recreated = 0;
    for object in user_objects(&ns, &group) {
        // Not deleted here: the claim is in use by pods (kubernetes.io/pvc-protection keeps it),
        // and a service-account token is deleted by the token controller once its account is
        // recreated with a new UID.
        if object["kind"] == "PersistentVolumeClaim"
            || object["type"] == "kubernetes.io/service-account-token"
        {
            continue;
        }
        let kind = object["kind"].as_str().expect("kind").to_string();
        let name = object["metadata"]["name"]
            .as_str()
            .expect("name")
            .to_string();
        let api_version = object["apiVersion"]
            .as_str()
            .expect("apiVersion")
            .to_string();
        let row = keys
            .iter()
            .find(|r| r["kind"] == kind.as_str() && r["name"] == name.as_str())
            .unwrap_or_else(|| panic!("{kind} {name} not in the snapshot"));
        let key = row["key"].as_str().expect("key");
        let resource = qualified(row["resource"].as_str().expect("resource"), &api_version);
        let before = bed
            .kubectl_json(&["get", &resource, &name, "-n", &ns])
            .expect("before");
        let for_apply = bed.inspect(
            &snapshot,
            &["--get", key, "--for-apply", "--show-secrets", "-o", "yaml"],
        );
        assert!(for_apply.status.success(), "{}", text(&for_apply.stderr));
        let manifest = text(&for_apply.stdout);
        run_ok_with_stdin(
            bed.kubectl().args([
                "delete",
                &resource,
                &name,
                "-n",
                &ns,
                "--wait=true",
                "--cascade=orphan",
            ]),
            None,
        );
        run_ok_with_stdin(
            bed.kubectl()
                .args(["create", "--validate=false", "-f", "-"]),
            Some(&manifest),
        );
        let after = bed
            .kubectl_json(&["get", &resource, &name, "-n", &ns])
            .expect("after");
        assert_eq!(
            user_view(&after),
            user_view(&before),
            "{kind} {name} recreated from:\n{manifest}"
        );
        recreated += 1;
    }
    eprintln!("{TEST}: {recreated} objects recreated from --for-apply output");

    // 4. --diff-live: one change, one deletion, one creation since the snapshot.
    run_ok_with_stdin(
        bed.kubectl()
            .args(["label", "configmap", "frozen", "-n", &ns, "changed=yes"]),
        None,
    );
    run_ok_with_stdin(
        bed.kubectl().args(["delete", "role", "nothing", "-n", &ns]),
        None,
    );
    run_ok_with_stdin(
        bed.kubectl().args([
            "create",
            "configmap",
            "brand-new",
            "-n",
            &ns,
            "--from-literal=a=b",
        ]),
        None,
    );
    let prefix = format!("/registry/configmaps/{ns}/");
    let diff = bed.inspect_json(
        &snapshot,
        &[
            "--diff-live",
            "--prefix",
            &prefix,
            "--kubeconfig",
            &bed.kubeconfig.to_string_lossy(),
            "-o",
            "json",
        ],
    );
    let find = |change: &str, name: &str| {
        diff.as_array()
            .expect("changes")
            .iter()
            .find(|c| c["change"] == change && c["name"] == name)
            .cloned()
    };
    let frozen = find("changed", "frozen").unwrap_or_else(|| panic!("{diff}"));
    assert!(
        frozen["paths"]
            .as_array()
            .expect("paths")
            .contains(&json!("metadata.labels.changed")),
        "{frozen}"
    );
    assert!(find("created", "brand-new").is_some(), "{diff}");
    let roles = bed.inspect_json(
        &snapshot,
        &[
            "--diff-live",
            "--prefix",
            &format!("/registry/roles/{ns}/"),
            "--kubeconfig",
            &bed.kubeconfig.to_string_lossy(),
            "-o",
            "json",
        ],
    );
    assert!(
        roles
            .as_array()
            .expect("changes")
            .iter()
            .any(|c| c["change"] == "deleted" && c["name"] == "nothing"),
        "{roles}"
    );
}
