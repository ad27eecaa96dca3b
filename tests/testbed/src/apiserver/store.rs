//! The object store: JSON objects keyed by group, resource, namespace and name, one global
//! resourceVersion counter, and the event history watches and controllers read from.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::Value;
use tokio::sync::watch;

use super::resources::{self, ResourceType};
use super::status::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    Added,
    Modified,
    Deleted,
}

/// One change, as watches see it.
#[derive(Debug, Clone)]
pub struct Event {
    pub rv: u64,
    pub kind: EventType,
    pub group: String,
    pub resource: String,
    pub namespace: String,
    pub object: Arc<Value>,
    /// The previous state (for MODIFIED), so selector watches can turn it into ADDED/DELETED.
    pub old: Option<Arc<Value>>,
}

/// Switches for the stand-ins that make the fake cluster move by itself.
#[derive(Debug, Clone)]
pub struct Behaviour {
    pub kubelet: bool,
    pub controllers: bool,
    pub crd_establish_delay: std::time::Duration,
}

pub struct State {
    pub rv: u64,
    pub types: Vec<ResourceType>,
    pub objects: BTreeMap<String, Arc<Value>>,
    pub history: VecDeque<Event>,
    pub history_limit: usize,
    /// Events at or below this resourceVersion are gone: watches and continue tokens from
    /// before it get 410 Expired.
    pub compacted_rv: u64,
    pub behaviour: Behaviour,
}

pub fn key(group: &str, resource: &str, namespace: &str, name: &str) -> String {
    format!("{group}\u{0}{resource}\u{0}{namespace}\u{0}{name}")
}

/// Key prefix of every object of a resource (and namespace when given).
pub fn prefix(group: &str, resource: &str, namespace: Option<&str>) -> String {
    match namespace {
        Some(ns) => format!("{group}\u{0}{resource}\u{0}{ns}\u{0}"),
        None => format!("{group}\u{0}{resource}\u{0}"),
    }
}

pub fn meta_str<'a>(obj: &'a Value, field: &str) -> &'a str {
    obj.get("metadata")
        .and_then(|m| m.get(field))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

pub fn rv_of(obj: &Value) -> u64 {
    meta_str(obj, "resourceVersion").parse().unwrap_or(0)
}

impl State {
    pub fn new() -> Self {
        State {
            rv: 1,
            types: resources::builtins(),
            objects: BTreeMap::new(),
            history: VecDeque::new(),
            history_limit: 50_000,
            compacted_rv: 0,
            behaviour: Behaviour {
                kubelet: true,
                controllers: true,
                crd_establish_delay: std::time::Duration::from_millis(50),
            },
        }
    }

    pub fn find_type(&self, group: &str, resource: &str) -> Option<&ResourceType> {
        self.types
            .iter()
            .find(|t| t.group == group && t.plural == resource)
    }

    /// Resolves an object's `apiVersion` + `kind`.
    pub fn type_of(&self, api_version: &str, kind: &str) -> Option<&ResourceType> {
        let (group, version) = match api_version.split_once('/') {
            Some((g, v)) => (g, v),
            None => ("", api_version),
        };
        self.types
            .iter()
            .find(|t| t.group == group && t.kind == kind && t.serves(version))
    }

    pub fn get(&self, group: &str, resource: &str, ns: &str, name: &str) -> Option<Arc<Value>> {
        self.objects.get(&key(group, resource, ns, name)).cloned()
    }

    /// Every object of a resource, in key order (namespace, then name), from `start` (exclusive).
    pub fn range<'a>(
        &'a self,
        group: &str,
        resource: &str,
        namespace: Option<&str>,
        after: Option<&str>,
    ) -> impl Iterator<Item = (&'a String, &'a Arc<Value>)> + 'a {
        let p = prefix(group, resource, namespace);
        let start = match after {
            Some(k) => std::ops::Bound::Excluded(k.to_string()),
            None => std::ops::Bound::Included(p.clone()),
        };
        self.objects
            .range((start, std::ops::Bound::Unbounded))
            .take_while(move |(k, _)| k.starts_with(&p))
    }

    pub fn namespace_exists(&self, ns: &str) -> Option<Arc<Value>> {
        self.get("", "namespaces", "", ns)
    }

    pub fn next_rv(&mut self) -> u64 {
        self.rv += 1;
        self.rv
    }

    fn record(&mut self, event: Event) {
        self.history.push_back(event);
        while self.history.len() > self.history_limit {
            if let Some(e) = self.history.pop_front() {
                self.compacted_rv = e.rv;
            }
        }
    }

    /// Stores `obj` (its resourceVersion already set) and records the event.
    pub fn put(&mut self, rt_group: &str, resource: &str, obj: Value) -> Arc<Value> {
        let ns = meta_str(&obj, "namespace").to_string();
        let name = meta_str(&obj, "name").to_string();
        let rv = rv_of(&obj);
        let obj = Arc::new(obj);
        let old = self
            .objects
            .insert(key(rt_group, resource, &ns, &name), obj.clone());
        let kind = if old.is_some() {
            EventType::Modified
        } else {
            EventType::Added
        };
        self.record(Event {
            rv,
            kind,
            group: rt_group.to_string(),
            resource: resource.to_string(),
            namespace: ns,
            object: obj.clone(),
            old,
        });
        obj
    }

    /// Removes an object; the DELETED event carries it with a fresh resourceVersion.
    pub fn remove(&mut self, group: &str, resource: &str, ns: &str, name: &str) -> Option<Value> {
        let old = self.objects.remove(&key(group, resource, ns, name))?;
        let rv = self.next_rv();
        let mut last = (*old).clone();
        last["metadata"]["resourceVersion"] = Value::String(rv.to_string());
        let last = Arc::new(last);
        self.record(Event {
            rv,
            kind: EventType::Deleted,
            group: group.to_string(),
            resource: resource.to_string(),
            namespace: ns.to_string(),
            object: last.clone(),
            old: Some(old),
        });
        Some((*last).clone())
    }

    /// Events after `rv`, or 410 when some of them were compacted away.
    pub fn events_since(&self, rv: u64) -> Result<Vec<Event>, ApiError> {
        if rv < self.compacted_rv {
            return Err(too_old(rv));
        }
        // History is sorted by rv: binary search the first newer event.
        let start = self.history.partition_point(|e| e.rv <= rv);
        Ok(self.history.range(start..).cloned().collect())
    }
}

pub fn too_old(rv: u64) -> ApiError {
    ApiError::gone(format!("too old resource version: {rv}"))
}

impl Default for State {
    fn default() -> Self {
        Self::new()
    }
}

/// The store plus the signal that wakes watchers and controllers after each write.
pub struct Shared {
    state: Mutex<State>,
    changed: watch::Sender<u64>,
}

impl Shared {
    pub fn new() -> Self {
        let (changed, _) = watch::channel(1);
        Shared {
            state: Mutex::new(State::new()),
            changed,
        }
    }

    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` under the lock and wakes everyone waiting for changes.
    pub fn write<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let (out, rv) = {
            let mut st = self.lock();
            let out = f(&mut st);
            (out, st.rv)
        };
        self.changed.send_replace(rv);
        out
    }

    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.changed.subscribe()
    }
}

impl Default for Shared {
    fn default() -> Self {
        Self::new()
    }
}
