//! Discovery documents: `/version`, `/api`, `/apis`, `/api/v1`, `/apis/{group}/{version}`, and
//! the aggregated (apidiscovery.k8s.io/v2) forms of `/api` and `/apis`.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::resources::{ResourceType, version_priority};

pub fn version() -> Value {
    json!({
        "major": "1",
        "minor": "34",
        "emulationMajor": "1",
        "emulationMinor": "34",
        "minCompatibilityMajor": "1",
        "minCompatibilityMinor": "33",
        "gitVersion": "v1.34.0-testbed",
        "gitCommit": "0000000000000000000000000000000000000000",
        "gitTreeState": "clean",
        "buildDate": "2026-01-01T00:00:00Z",
        "goVersion": "go1.24.0",
        "compiler": "gc",
        "platform": "linux/amd64"
    })
}

pub fn core_versions(server_address: &str) -> Value {
    json!({
        "kind": "APIVersions",
        "versions": ["v1"],
        "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": server_address}]
    })
}

/// Groups (other than core) with their versions, preferred first.
fn groups(types: &[ResourceType]) -> Vec<(String, Vec<String>)> {
    let mut by_group: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for t in types.iter().filter(|t| !t.group.is_empty()) {
        if !by_group.contains_key(&t.group) {
            order.push(t.group.clone());
        }
        let versions = by_group.entry(t.group.clone()).or_default();
        for v in &t.versions {
            if !versions.contains(v) {
                versions.push(v.clone());
            }
        }
    }
    order
        .into_iter()
        .map(|g| {
            let mut versions = by_group.remove(&g).unwrap_or_default();
            versions.sort_by_key(|v| std::cmp::Reverse(version_priority(v)));
            (g, versions)
        })
        .collect()
}

pub fn group_list(types: &[ResourceType]) -> Value {
    let groups: Vec<Value> = groups(types)
        .into_iter()
        .map(|(g, versions)| {
            let vs: Vec<Value> = versions
                .iter()
                .map(|v| json!({"groupVersion": format!("{g}/{v}"), "version": v}))
                .collect();
            json!({"name": g, "versions": vs, "preferredVersion": vs[0].clone()})
        })
        .collect();
    json!({"kind": "APIGroupList", "apiVersion": "v1", "groups": groups})
}

/// `/apis/{group}`.
pub fn group(types: &[ResourceType], name: &str) -> Option<Value> {
    let (g, versions) = groups(types).into_iter().find(|(g, _)| g == name)?;
    let vs: Vec<Value> = versions
        .iter()
        .map(|v| json!({"groupVersion": format!("{g}/{v}"), "version": v}))
        .collect();
    Some(
        json!({"kind": "APIGroup", "apiVersion": "v1", "name": g, "versions": vs, "preferredVersion": vs[0].clone()}),
    )
}

fn resource_entries(t: &ResourceType) -> Vec<Value> {
    let mut out = Vec::new();
    let mut main = json!({
        "name": t.plural,
        "singularName": t.singular,
        "namespaced": t.namespaced,
        "kind": t.kind,
        "verbs": t.verbs,
    });
    if !t.short_names.is_empty() {
        main["shortNames"] = json!(t.short_names);
    }
    if !t.categories.is_empty() {
        main["categories"] = json!(t.categories);
    }
    out.push(main);
    if t.status {
        out.push(json!({
            "name": format!("{}/status", t.plural), "singularName": "", "namespaced": t.namespaced,
            "kind": t.kind, "verbs": ["get", "patch", "update"]
        }));
    }
    if t.scale.is_some() {
        out.push(json!({
            "name": format!("{}/scale", t.plural), "singularName": "", "namespaced": t.namespaced,
            "group": "autoscaling", "version": "v1", "kind": "Scale", "verbs": ["get", "patch", "update"]
        }));
    }
    for (sub, kind, verbs) in &t.extra_subresources {
        out.push(json!({
            "name": format!("{}/{sub}", t.plural), "singularName": "", "namespaced": t.namespaced,
            "kind": kind, "verbs": verbs
        }));
    }
    out
}

/// `/api/v1` or `/apis/{group}/{version}`.
pub fn resource_list(types: &[ResourceType], group: &str, version: &str) -> Option<Value> {
    let matching: Vec<&ResourceType> = types
        .iter()
        .filter(|t| t.group == group && t.serves(version))
        .collect();
    if matching.is_empty() {
        return None;
    }
    let gv = if group.is_empty() {
        version.to_string()
    } else {
        format!("{group}/{version}")
    };
    let resources: Vec<Value> = matching.iter().flat_map(|t| resource_entries(t)).collect();
    Some(
        json!({"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv, "resources": resources}),
    )
}

fn aggregated_resource(t: &ResourceType) -> Value {
    let mut r = json!({
        "resource": t.plural,
        "responseKind": {"group": t.group, "version": "", "kind": t.kind},
        "scope": if t.namespaced { "Namespaced" } else { "Cluster" },
        "singularResource": t.singular,
        "verbs": t.verbs,
    });
    if !t.short_names.is_empty() {
        r["shortNames"] = json!(t.short_names);
    }
    if !t.categories.is_empty() {
        r["categories"] = json!(t.categories);
    }
    let mut subs = Vec::new();
    if t.status {
        subs.push(json!({"subresource": "status", "responseKind": {"group": t.group, "version": "", "kind": t.kind}, "verbs": ["get", "patch", "update"]}));
    }
    if t.scale.is_some() {
        subs.push(json!({"subresource": "scale", "responseKind": {"group": "autoscaling", "version": "v1", "kind": "Scale"}, "verbs": ["get", "patch", "update"]}));
    }
    for (sub, kind, verbs) in &t.extra_subresources {
        subs.push(json!({"subresource": sub, "responseKind": {"group": "", "version": "", "kind": kind}, "verbs": verbs}));
    }
    if !subs.is_empty() {
        r["subresources"] = json!(subs);
    }
    r
}

/// `application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList` for `/api` (core
/// only) or `/apis` (everything else).
pub fn aggregated(types: &[ResourceType], core: bool) -> Value {
    let group_names: Vec<(String, Vec<String>)> = if core {
        vec![(String::new(), vec!["v1".into()])]
    } else {
        groups(types)
    };
    let items: Vec<Value> = group_names
        .into_iter()
        .map(|(g, versions)| {
            let vs: Vec<Value> = versions
                .iter()
                .map(|v| {
                    let resources: Vec<Value> = types
                        .iter()
                        .filter(|t| t.group == g && t.serves(v))
                        .map(|t| {
                            let mut r = aggregated_resource(t);
                            r["responseKind"]["version"] = json!(v);
                            r
                        })
                        .collect();
                    json!({"version": v, "resources": resources, "freshness": "Current"})
                })
                .collect();
            json!({"metadata": {"name": g}, "versions": vs})
        })
        .collect();
    json!({"kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2", "metadata": {}, "items": items})
}
