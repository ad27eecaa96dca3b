//! Control-plane stand-ins that react to store events: CRD establishment, namespace
//! termination, and (via their own modules) the kubelet, the workload controllers and the PV
//! binder.

use std::sync::Arc;

use serde_json::{Value, json};

use super::Inner;
use super::resources;
use super::store::{Event, EventType, State, meta_str};
use super::write::{self, DeleteOptions};

/// Where the controllers start reading the event history. Taken before the server reports
/// ready, so that objects a test creates right after start are never skipped: a controller
/// task first polled late (a loaded machine) would otherwise start after them.
pub struct Start {
    changed: tokio::sync::watch::Receiver<u64>,
    cursor: u64,
}

impl Start {
    pub fn now(inner: &Inner) -> Start {
        let changed = inner.store.subscribe();
        let cursor = inner.store.lock().rv;
        Start { changed, cursor }
    }
}

/// Follows the event history for the life of the server and hands each event to every
/// controller.
pub async fn run(inner: Arc<Inner>, start: Start) {
    let Start {
        mut changed,
        mut cursor,
    } = start;
    loop {
        let events = {
            let st = inner.store.lock();
            match st.events_since(cursor) {
                Ok(e) => e,
                // Fell behind the history: everything is worth a look again.
                Err(_) => {
                    cursor = st.rv;
                    Vec::new()
                }
            }
        };
        for e in &events {
            cursor = e.rv;
            handle(&inner, e);
        }
        if changed.changed().await.is_err() {
            return;
        }
    }
}

fn handle(inner: &Arc<Inner>, e: &Event) {
    if e.group == "apiextensions.k8s.io" && e.resource == "customresourcedefinitions" {
        crd_changed(inner, e);
    }
    if !e.namespace.is_empty() || (e.group.is_empty() && e.resource == "namespaces") {
        let ns = if e.namespace.is_empty() {
            meta_str(&e.object, "name").to_string()
        } else {
            e.namespace.clone()
        };
        let terminating = inner
            .store
            .lock()
            .namespace_exists(&ns)
            .is_some_and(|n| n.pointer("/metadata/deletionTimestamp").is_some());
        if terminating {
            inner.store.write(|st| finish_namespace(st, &ns));
        }
    }
    super::kubelet::on_event(inner, e);
    super::workloads::on_event(inner, e);
    super::volumes::on_event(inner, e);
}

fn is_established(crd: &Value) -> bool {
    crd.pointer("/status/conditions")
        .and_then(Value::as_array)
        .is_some_and(|c| {
            c.iter()
                .any(|c| c["type"] == "Established" && c["status"] == "True")
        })
}

/// Registers the CRD's resource and marks it NamesAccepted + Established.
pub fn establish(st: &mut State, name: &str) {
    let Some(crd) = st.get(
        "apiextensions.k8s.io",
        "customresourcedefinitions",
        "",
        name,
    ) else {
        return;
    };
    let Some(rt) = resources::from_crd(&crd) else {
        return;
    };
    st.types
        .retain(|t| !(t.group == rt.group && t.plural == rt.plural));
    st.types.push(rt);
    let now = write::now();
    let storage: Vec<Value> = crd
        .pointer("/spec/versions")
        .and_then(Value::as_array)
        .map(|vs| {
            vs.iter()
                .filter(|v| v["storage"] == true)
                .map(|v| v["name"].clone())
                .collect()
        })
        .unwrap_or_default();
    write::controller_update(
        st,
        "apiextensions.k8s.io",
        "customresourcedefinitions",
        "",
        name,
        |o| {
            let names = o.pointer("/spec/names").cloned().unwrap_or(json!({}));
            let mut accepted = names.clone();
            if accepted.get("singular").is_none() {
                accepted["singular"] =
                    json!(names["kind"].as_str().unwrap_or_default().to_lowercase());
            }
            if accepted.get("listKind").is_none() {
                accepted["listKind"] = json!(format!(
                    "{}List",
                    names["kind"].as_str().unwrap_or_default()
                ));
            }
            o["status"] = json!({
                "conditions": [
                    {"type": "NamesAccepted", "status": "True", "lastTransitionTime": now, "reason": "NoConflicts", "message": "no conflicts found"},
                    {"type": "Established", "status": "True", "lastTransitionTime": now, "reason": "InitialNamesAccepted", "message": "the initial names have been accepted"}
                ],
                "acceptedNames": accepted,
                "storedVersions": storage,
            });
        },
    );
}

fn crd_changed(inner: &Arc<Inner>, e: &Event) {
    let name = meta_str(&e.object, "name").to_string();
    if e.kind == EventType::Deleted {
        let Some(rt) = resources::from_crd(&e.object) else {
            return;
        };
        inner.store.write(|st| {
            let keys: Vec<(String, String)> = st
                .range(&rt.group, &rt.plural, None, None)
                .map(|(_, o)| {
                    (
                        meta_str(o, "namespace").to_string(),
                        meta_str(o, "name").to_string(),
                    )
                })
                .collect();
            for (ns, n) in keys {
                st.remove(&rt.group, &rt.plural, &ns, &n);
            }
            st.types
                .retain(|t| !(t.group == rt.group && t.plural == rt.plural));
        });
        return;
    }
    let registered = {
        let st = inner.store.lock();
        resources::from_crd(&e.object).is_some_and(|rt| st.types.contains(&rt))
    };
    if is_established(&e.object) && registered {
        return;
    }
    let delay = inner.store.lock().behaviour.crd_establish_delay;
    let inner = inner.clone();
    tokio::spawn(async move {
        tokio::time::sleep(delay).await;
        inner.store.write(|st| establish(st, &name));
    });
}

/// Namespace termination: delete everything inside, then the namespace once it is empty.
fn finish_namespace(st: &mut State, ns: &str) {
    let Some(namespace) = st.namespace_exists(ns) else {
        return;
    };
    if namespace.pointer("/metadata/deletionTimestamp").is_none() {
        return;
    }
    let mut remaining = 0;
    let types: Vec<_> = st.types.iter().filter(|t| t.namespaced).cloned().collect();
    for rt in types {
        let names: Vec<(String, bool)> = st
            .range(&rt.group, &rt.plural, Some(ns), None)
            .map(|(_, o)| {
                (
                    meta_str(o, "name").to_string(),
                    o.pointer("/metadata/deletionTimestamp").is_some(),
                )
            })
            .collect();
        for (name, deleting) in names {
            remaining += 1;
            if !deleting {
                let _ = write::delete(st, &rt, ns, &name, &DeleteOptions::default());
            }
        }
    }
    let left = st.types.iter().filter(|t| t.namespaced).any(|t| {
        st.range(&t.group, &t.plural, Some(ns), None)
            .next()
            .is_some()
    });
    if remaining == 0 || !left {
        let finalizers_left = namespace
            .pointer("/metadata/finalizers")
            .and_then(Value::as_array)
            .is_some_and(|f| !f.is_empty());
        if !finalizers_left {
            st.remove("", "namespaces", "", ns);
        }
    }
}
