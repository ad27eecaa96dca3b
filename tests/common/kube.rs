//! Kubernetes objects the tests make and the states they wait for, on either backend.

use std::time::Duration;

use kubectl_backup_testbed::TestCluster;
use serde_json::{Value, json};

/// A namespaced CRD `widgets.<group>`, objects of any shape. On the real cluster give it a group
/// of the test's own: CRDs are cluster-scoped and the cluster is shared.
pub fn widget_crd(group: &str) -> Value {
    json!({"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": {"name": format!("widgets.{group}")},
        "spec": {"group": group, "scope": "Namespaced",
            "names": {"plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"},
            "versions": [{"name": "v1", "served": true, "storage": true,
                "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}]}})
}

/// Waits until claim `ns/name` is Bound (the PV controller binds within its resync period on the
/// real cluster) and returns the name of its PV.
pub fn wait_until_bound(cluster: &TestCluster, ns: &str, name: &str, timeout: Duration) -> String {
    cluster.wait_for(&format!("PVC {ns}/{name} Bound"), timeout, || {
        let pvc = cluster
            .objects()
            .get("v1", "PersistentVolumeClaim", Some(ns), name)?;
        if pvc["status"]["phase"] != "Bound" {
            return None;
        }
        pvc["spec"]["volumeName"]
            .as_str()
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    })
}

/// The node port of a Service's first port; a Service without one fails the test.
#[track_caller]
pub fn node_port(service: &Value) -> u64 {
    service["spec"]["ports"][0]["nodePort"]
        .as_u64()
        .unwrap_or_else(|| panic!("no node port: {service}"))
}
