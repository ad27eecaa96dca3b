//! Synchronous API access to a real cluster for seeding and assertions, with the shape of the
//! fake server's `Store` (plain JSON objects named by `apiVersion` and `kind`), so one test body
//! runs on both backends. Calls run on a runtime of their own, so they may be made from plain
//! `#[test]` functions and from inside other runtimes alike.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use kube::api::{Api, DeleteParams, DynamicObject, ListParams, PostParams};
use kube::core::{ApiResource, GroupVersionKind};
use kube::discovery::Scope;
use serde_json::{Value, json};

use crate::apiserver::ApiError;

/// A kube client for the admin kubeconfig of a real cluster, plus a type cache.
pub struct ApiHelper {
    runtime: tokio::runtime::Runtime,
    config: kube::Config,
    client: kube::Client,
    kinds: Mutex<HashMap<String, (ApiResource, bool)>>,
    crds: Mutex<HashSet<String>>,
}

impl ApiHelper {
    pub(super) fn connect(kubeconfig: &Path) -> Result<Self, String> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("real-cluster-api")
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        let path = kubeconfig.to_path_buf();
        let (config, client) = runtime.block_on(async move {
            let kubeconfig = kube::config::Kubeconfig::read_from(&path)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let config = kube::Config::from_custom_kubeconfig(kubeconfig, &Default::default())
                .await
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let client = kube::Client::try_from(config.clone()).map_err(|e| e.to_string())?;
            Ok::<_, String>((config, client))
        })?;
        Ok(ApiHelper {
            runtime,
            config,
            client,
            kinds: Mutex::new(HashMap::new()),
            crds: Mutex::new(HashSet::new()),
        })
    }

    /// The admin client configuration (for a `kube::Client` on the caller's runtime).
    pub fn config(&self) -> kube::Config {
        self.config.clone()
    }

    /// Runs a future on the helper's runtime and waits for it from any thread.
    pub fn run<F>(&self, future: F) -> F::Output
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        let (tx, rx) = std::sync::mpsc::channel();
        self.runtime.spawn(async move {
            let _ = tx.send(future.await);
        });
        rx.recv().expect("real-cluster API task finished")
    }

    /// The client on the helper's runtime (use it inside [`run`](Self::run)).
    pub fn client(&self) -> kube::Client {
        self.client.clone()
    }

    fn resolve(&self, api_version: &str, kind: &str) -> Result<(ApiResource, bool), ApiError> {
        let key = format!("{api_version}/{kind}");
        if let Some(found) = self
            .kinds
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Ok(found.clone());
        }
        let (group, version) = match api_version.split_once('/') {
            Some((g, v)) => (g.to_string(), v.to_string()),
            None => (String::new(), api_version.to_string()),
        };
        let gvk = GroupVersionKind::gvk(&group, &version, kind);
        let client = self.client();
        let found = self
            .run(async move { kube::discovery::pinned_kind(&client, &gvk).await })
            .map_err(|e| {
                ApiError::new(
                    404,
                    "NotFound",
                    format!(
                        "the server doesn't have a resource type for {api_version} {kind}: {e}"
                    ),
                )
            })?;
        let entry = (found.0, found.1.scope == Scope::Namespaced);
        self.kinds
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, entry.clone());
        Ok(entry)
    }

    fn api(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
    ) -> Result<(Api<DynamicObject>, ApiResource), ApiError> {
        let (resource, namespaced) = self.resolve(api_version, kind)?;
        let api = match (namespaced, namespace) {
            (true, Some(ns)) if !ns.is_empty() => {
                Api::namespaced_with(self.client(), ns, &resource)
            }
            _ => Api::all_with(self.client(), &resource),
        };
        Ok((api, resource))
    }

    /// Creates an object (`apiVersion`, `kind`, `metadata.namespace` taken from it).
    pub fn create(&self, obj: Value) -> Result<Value, ApiError> {
        let (api, _) = self.object_api(&obj)?;
        let object: DynamicObject = from_value(obj)?;
        self.run(async move { api.create(&PostParams::default(), &object).await })
            .map(to_value)
            .map_err(api_error)
    }

    /// Creates the object, or replaces the stored one when it exists (status too, where the
    /// type has a status subresource).
    pub fn apply(&self, obj: Value) -> Result<Value, ApiError> {
        match self.create(obj.clone()) {
            Err(e) if e.code == 409 => {
                let (api_version, kind, ns, name) = identity(&obj);
                self.modify(&api_version, &kind, ns.as_deref(), &name, move |stored| {
                    let rv = stored["metadata"]["resourceVersion"].clone();
                    *stored = obj;
                    stored["metadata"]["resourceVersion"] = rv;
                })
            }
            other => other,
        }
    }

    pub fn get(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Option<Value> {
        let (api, resource) = self.api(api_version, kind, namespace).ok()?;
        let name = name.to_string();
        self.run(async move { api.get_opt(&name).await })
            .ok()
            .flatten()
            .map(|o| with_type(to_value(o), &resource))
    }

    /// Every object of a type, in one namespace or (None) all of them.
    pub fn list(&self, api_version: &str, kind: &str, namespace: Option<&str>) -> Vec<Value> {
        let Ok((api, resource)) = self.api(api_version, kind, namespace) else {
            return Vec::new();
        };
        self.run(async move { api.list(&ListParams::default()).await })
            .map(|list| {
                list.items
                    .into_iter()
                    .map(|o| with_type(to_value(o), &resource))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Replaces an object; a `metadata.resourceVersion` in it must match the stored one.
    pub fn update(&self, obj: Value) -> Result<Value, ApiError> {
        let (api, _) = self.object_api(&obj)?;
        let name = obj["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let object: DynamicObject = from_value(obj)?;
        self.run(async move { api.replace(&name, &PostParams::default(), &object).await })
            .map(to_value)
            .map_err(api_error)
    }

    /// Changes a stored object with a closure: the object is replaced, then its status through
    /// the status subresource when the closure changed it (retried on conflicts).
    pub fn modify(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
        f: impl FnOnce(&mut Value),
    ) -> Result<Value, ApiError> {
        let (api, _) = self.api(api_version, kind, namespace)?;
        let stored = self
            .get(api_version, kind, namespace, name)
            .ok_or_else(|| {
                ApiError::new(404, "NotFound", format!("{kind} \"{name}\" not found"))
            })?;
        let mut changed = stored.clone();
        f(&mut changed);
        let status = changed.get("status").cloned();
        let name = name.to_string();
        let object: DynamicObject = from_value(changed)?;
        let replaced = {
            let (api, name) = (api.clone(), name.clone());
            self.run(async move { api.replace(&name, &PostParams::default(), &object).await })
                .map(to_value)
                .map_err(api_error)?
        };
        match status {
            Some(status) if replaced.get("status") != Some(&status) => {
                let mut with_status = replaced.clone();
                with_status["status"] = status;
                let object: DynamicObject = from_value(with_status)?;
                match self.run(async move {
                    api.replace_status(&name, &PostParams::default(), &object)
                        .await
                }) {
                    Ok(o) => Ok(to_value(o)),
                    Err(kube::Error::Api(e)) if e.code == 404 => Ok(replaced),
                    Err(e) => Err(api_error(e)),
                }
            }
            _ => Ok(replaced),
        }
    }

    /// Deletes like `kubectl delete --wait=false` (background propagation). Returns the object's
    /// state as the server answered.
    pub fn delete(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Result<Value, ApiError> {
        let (api, _) = self.api(api_version, kind, namespace)?;
        let name = name.to_string();
        self.run(async move { api.delete(&name, &DeleteParams::background()).await })
            .map(|answer| {
                answer.either(to_value, |status| {
                    serde_json::to_value(status).unwrap_or(Value::Null)
                })
            })
            .map_err(api_error)
    }

    /// Creates a namespace unless it exists, and waits for its `default` ServiceAccount (made
    /// by kube-controller-manager; pods are refused until it is there).
    pub fn create_namespace(&self, name: &str) -> Value {
        let ns = match self
            .create(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}))
        {
            Ok(ns) => ns,
            Err(e) if e.code == 409 => self.get("v1", "Namespace", None, name).expect("namespace"),
            Err(e) => panic!("create namespace {name}: {e}"),
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while self
            .get("v1", "ServiceAccount", Some(name), "default")
            .is_none()
        {
            assert!(
                Instant::now() < deadline,
                "namespace {name}: no default ServiceAccount after 60 s (is kube-controller-manager running?)"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        ns
    }

    /// Installs CRDs (once per cluster) and waits until each is Established and served.
    pub fn install_crds(&self, crds: Vec<Value>) {
        let mut installed = self.crds.lock().unwrap_or_else(|e| e.into_inner());
        for crd in crds {
            let name = crd["metadata"]["name"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            if installed.contains(&name) {
                continue;
            }
            match self.create(crd.clone()) {
                Ok(_) => {}
                Err(e) if e.code == 409 => {}
                Err(e) => panic!("install CRD {name}: {e}"),
            }
            let group = crd["spec"]["group"].as_str().unwrap_or_default();
            let kind = crd["spec"]["names"]["kind"].as_str().unwrap_or_default();
            let version = crd["spec"]["versions"]
                .as_array()
                .and_then(|vs| vs.iter().find(|v| v["served"] == true))
                .and_then(|v| v["name"].as_str())
                .unwrap_or_default();
            let deadline = Instant::now() + Duration::from_secs(60);
            loop {
                let established = self
                    .get(
                        "apiextensions.k8s.io/v1",
                        "CustomResourceDefinition",
                        None,
                        &name,
                    )
                    .and_then(|c| c["status"]["conditions"].as_array().cloned())
                    .is_some_and(|cs| {
                        cs.iter()
                            .any(|c| c["type"] == "Established" && c["status"] == "True")
                    });
                if established && self.resolve(&format!("{group}/{version}"), kind).is_ok() {
                    break;
                }
                assert!(
                    Instant::now() < deadline,
                    "CRD {name} not served after 60 s"
                );
                std::thread::sleep(Duration::from_millis(200));
            }
            installed.insert(name);
        }
    }

    /// A GET of an API path, as JSON.
    pub fn get_path(&self, path: &str) -> Result<Value, ApiError> {
        let client = self.client();
        let request = http::Request::get(path)
            .body(Vec::new())
            .map_err(|e| ApiError::new(400, "BadRequest", e.to_string()))?;
        self.run(async move { client.request::<Value>(request).await })
            .map_err(api_error)
    }

    fn object_api(&self, obj: &Value) -> Result<(Api<DynamicObject>, ApiResource), ApiError> {
        let (api_version, kind, ns, _) = identity(obj);
        self.api(&api_version, &kind, ns.as_deref())
    }
}

fn identity(obj: &Value) -> (String, String, Option<String>, String) {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    (
        text(&obj["apiVersion"]),
        text(&obj["kind"]),
        obj["metadata"]["namespace"].as_str().map(str::to_string),
        text(&obj["metadata"]["name"]),
    )
}

fn from_value(obj: Value) -> Result<DynamicObject, ApiError> {
    serde_json::from_value(obj).map_err(|e| ApiError::new(400, "BadRequest", e.to_string()))
}

fn to_value(obj: DynamicObject) -> Value {
    serde_json::to_value(obj).unwrap_or(Value::Null)
}

/// List items of built-in types come without `apiVersion`/`kind`; put them back, as the fake's
/// store handle does, so assertions read the same on both backends.
fn with_type(mut obj: Value, resource: &ApiResource) -> Value {
    if let Some(map) = obj.as_object_mut() {
        map.entry("apiVersion")
            .or_insert_with(|| json!(resource.api_version));
        map.entry("kind").or_insert_with(|| json!(resource.kind));
    }
    obj
}

fn api_error(error: kube::Error) -> ApiError {
    match error {
        kube::Error::Api(status) => {
            let reason: &'static str = Box::leak(status.reason.clone().into_boxed_str());
            ApiError::new(status.code, reason, status.message.clone())
        }
        other => ApiError::new(0, "ClientError", other.to_string()),
    }
}
