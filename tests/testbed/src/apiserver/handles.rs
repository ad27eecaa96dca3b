//! Test-facing handles: direct store access (`FakeApiServer::store`) and the RBAC knob
//! (`FakeApiServer::rbac`).

use serde_json::{Value, json};

use super::auth::DenyRule;
use super::resources::ResourceType;
use super::status::ApiError;
use super::write::{self, DeleteOptions, WriteOptions};
use super::{Inner, handlers, store};

/// Direct store access for seeding and assertions. Objects are plain JSON; types are named by
/// `apiVersion` and `kind`. Writes follow the API's rules (namespaces must exist, names are
/// validated, `resourceVersion` preconditions apply) but keep the `status` you give.
pub struct Store<'a> {
    pub(super) inner: &'a Inner,
}

impl Store<'_> {
    fn type_of(&self, api_version: &str, kind: &str) -> Result<ResourceType, ApiError> {
        self.inner
            .store
            .lock()
            .type_of(api_version, kind)
            .cloned()
            .ok_or_else(|| {
                ApiError::new(
                    404,
                    "NotFound",
                    format!("the server doesn't have a resource type for {api_version} {kind}"),
                )
            })
    }

    fn type_of_object(&self, obj: &Value) -> Result<(ResourceType, String), ApiError> {
        let api_version = obj["apiVersion"].as_str().unwrap_or_default();
        let kind = obj["kind"].as_str().unwrap_or_default();
        let rt = self.type_of(api_version, kind)?;
        let version = api_version
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        Ok((rt, version))
    }

    /// Creates an object (`apiVersion`, `kind` and `metadata.namespace` taken from it).
    pub fn create(&self, obj: Value) -> Result<Value, ApiError> {
        let (rt, version) = self.type_of_object(&obj)?;
        let ns = store::meta_str(&obj, "namespace").to_string();
        self.inner
            .store
            .write(|st| write::create(st, &rt, &version, &ns, obj, &WriteOptions::default()))
    }

    /// Creates the object, or replaces the stored one (unconditionally) when it exists.
    pub fn apply(&self, mut obj: Value) -> Result<Value, ApiError> {
        let (rt, version) = self.type_of_object(&obj)?;
        let ns = store::meta_str(&obj, "namespace").to_string();
        let name = store::meta_str(&obj, "name").to_string();
        self.inner.store.write(|st| {
            if st.get(&rt.group, &rt.plural, &ns, &name).is_some() {
                if let Some(m) = obj["metadata"].as_object_mut() {
                    m.shift_remove("resourceVersion");
                }
                write::update(
                    st,
                    &rt,
                    &version,
                    &ns,
                    &name,
                    obj.clone(),
                    None,
                    &WriteOptions::default(),
                )?;
                write::update(
                    st,
                    &rt,
                    &version,
                    &ns,
                    &name,
                    obj,
                    Some("status"),
                    &WriteOptions::default(),
                )
            } else {
                write::create(st, &rt, &version, &ns, obj, &WriteOptions::default())
            }
        })
    }

    /// Creates a namespace if it does not exist yet; returns it.
    pub fn create_namespace(&self, name: &str) -> Value {
        if let Some(ns) = self.get("v1", "Namespace", None, name) {
            return ns;
        }
        self.create(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}))
            .expect("create namespace")
    }

    pub fn get(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Option<Value> {
        let rt = self.type_of(api_version, kind).ok()?;
        let version = api_version.rsplit('/').next().unwrap_or_default();
        let st = self.inner.store.lock();
        st.get(&rt.group, &rt.plural, namespace.unwrap_or_default(), name)
            .map(|o| handlers::present(&rt, version, &o))
    }

    /// Every object of a type, in one namespace or (None) all of them.
    pub fn list(&self, api_version: &str, kind: &str, namespace: Option<&str>) -> Vec<Value> {
        let Ok(rt) = self.type_of(api_version, kind) else {
            return Vec::new();
        };
        let version = api_version.rsplit('/').next().unwrap_or_default();
        let st = self.inner.store.lock();
        st.range(&rt.group, &rt.plural, namespace, None)
            .map(|(_, o)| handlers::present(&rt, version, o))
            .collect()
    }

    /// Replaces an object (spec and metadata; `status` too). A `metadata.resourceVersion` in
    /// `obj` must match the stored one.
    pub fn update(&self, obj: Value) -> Result<Value, ApiError> {
        let (rt, version) = self.type_of_object(&obj)?;
        let ns = store::meta_str(&obj, "namespace").to_string();
        let name = store::meta_str(&obj, "name").to_string();
        self.inner.store.write(|st| {
            let updated = write::update(
                st,
                &rt,
                &version,
                &ns,
                &name,
                obj.clone(),
                None,
                &WriteOptions::default(),
            )?;
            let mut status_obj = obj;
            status_obj["metadata"]["resourceVersion"] =
                updated["metadata"]["resourceVersion"].clone();
            write::update(
                st,
                &rt,
                &version,
                &ns,
                &name,
                status_obj,
                Some("status"),
                &WriteOptions::default(),
            )
        })
    }

    /// Changes a stored object in place (status included) with a closure.
    pub fn modify(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
        f: impl FnOnce(&mut Value),
    ) -> Result<Value, ApiError> {
        let rt = self.type_of(api_version, kind)?;
        let ns = namespace.unwrap_or_default();
        self.inner.store.write(|st| {
            write::controller_update(st, &rt.group, &rt.plural, ns, name, f)
                .ok_or_else(|| ApiError::not_found(&rt.group, &rt.plural, name))
        })
    }

    /// Deletes like the API does (finalizers and graceful pod deletion respected, dependents
    /// garbage-collected). Returns the object's last state.
    pub fn delete(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Result<Value, ApiError> {
        let rt = self.type_of(api_version, kind)?;
        let ns = namespace.unwrap_or_default();
        self.inner
            .store
            .write(|st| write::delete(st, &rt, ns, name, &DeleteOptions::default()))
            .map(|d| d.object)
    }

    /// The current (highest) resourceVersion.
    pub fn resource_version(&self) -> u64 {
        self.inner.store.lock().rv
    }

    /// Forgets the event history: watches and continue tokens from before now get 410 Gone.
    pub fn compact(&self) {
        let mut st = self.inner.store.lock();
        st.compacted_rv = st.next_rv();
        st.history.clear();
    }

    /// How many events the history keeps before older ones are compacted (default 50 000).
    pub fn set_history_limit(&self, events: usize) {
        self.inner.store.lock().history_limit = events.max(1);
    }

    /// The resource types currently served (built-ins and established CRDs).
    pub fn resource_types(&self) -> Vec<ResourceType> {
        self.inner.store.lock().types.clone()
    }
}

/// The RBAC knob (`FakeApiServer::rbac()`).
pub struct Rbac<'a> {
    pub(super) inner: &'a Inner,
}

impl Rbac<'_> {
    /// Denies `verb` (`get`, `list`, `create`, …, `*`) on `resource` (`pods`,
    /// `deployments.apps`, `pods/exec`, `*`) to `user` (a user or group name, or `*`), in every
    /// namespace.
    pub fn deny(&self, user: &str, verb: &str, resource: &str) {
        self.add(DenyRule::new(user, verb, resource));
    }

    /// Same, in one namespace only.
    pub fn deny_in_namespace(&self, user: &str, verb: &str, resource: &str, namespace: &str) {
        self.add(DenyRule::new(user, verb, resource).in_namespace(namespace));
    }

    pub fn add(&self, rule: DenyRule) {
        self.inner
            .auth
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .deny
            .push(rule);
    }

    /// Removes every deny rule.
    pub fn allow_all(&self) {
        self.inner
            .auth
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .deny
            .clear();
    }
}
