//! Where an ActionSet lives: as a `cr.kanister.io` resource when the CRD is served (so
//! `kubectl get actionsets` and the controller's tools see client-side runs too), else as a JSON
//! file under the local data directory. Status is written the way the controller writes it:
//! the whole object is replaced (there is no status subresource), retried on conflict.

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow, bail};
use kube::api::{Api, DeleteParams, DynamicObject, ListParams, PostParams};
use kube::core::GroupVersionKind;
use kube::discovery::ApiResource;

use super::types::{API_VERSION, ActionSet, ActionSetStatus, GROUP, KIND, PLURAL, VERSION};
use crate::kube::{Cluster, describe_error, is_conflict, is_not_found};

pub fn api_resource() -> ApiResource {
    ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(GROUP, VERSION, KIND), PLURAL)
}

/// Where ActionSets are kept for one cluster.
#[derive(Clone)]
pub enum Store {
    Resource(Cluster),
    Local { root: PathBuf },
}

impl Store {
    /// The CRD when the API server serves `actionsets.cr.kanister.io`, else the local directory.
    pub async fn open(cluster: &Cluster) -> Result<Store> {
        let api: Api<DynamicObject> = Api::all_with(cluster.client.clone(), &api_resource());
        match api.list(&ListParams::default().limit(1)).await {
            Ok(_) => Ok(Store::Resource(cluster.clone())),
            Err(e) if is_not_found(&e) => Ok(Store::Local {
                root: crate::profile::default_root()?.join("actionsets"),
            }),
            Err(e) => Err(anyhow!(
                "listing actionsets: {}",
                describe_error(&cluster.server, &e)
            )),
        }
    }

    pub fn is_resource(&self) -> bool {
        matches!(self, Store::Resource(_))
    }

    fn api(cluster: &Cluster, namespace: &str) -> Api<DynamicObject> {
        Api::namespaced_with(cluster.client.clone(), namespace, &api_resource())
    }

    fn file(root: &std::path::Path, namespace: &str, name: &str) -> PathBuf {
        root.join(namespace).join(format!("{name}.json"))
    }

    /// Creates the ActionSet; returns it as stored (name, uid, resourceVersion filled in).
    pub async fn create(&self, actionset: &ActionSet) -> Result<ActionSet> {
        let namespace = actionset.metadata.namespace.clone().unwrap_or_default();
        let name = actionset.metadata.name.clone().unwrap_or_default();
        let mut object = actionset.clone();
        object.api_version = API_VERSION.to_string();
        object.kind = KIND.to_string();
        match self {
            Store::Resource(cluster) => {
                let dynamic: DynamicObject =
                    serde_json::from_value(serde_json::to_value(&object)?)?;
                let created = Self::api(cluster, &namespace)
                    .create(&PostParams::default(), &dynamic)
                    .await
                    .map_err(|e| {
                        anyhow!(
                            "creating actionset {namespace}/{name}: {}",
                            describe_error(&cluster.server, &e)
                        )
                    })?;
                Ok(serde_json::from_value(serde_json::to_value(created)?)?)
            }
            Store::Local { root } => {
                let path = Self::file(root, &namespace, &name);
                if path.exists() {
                    bail!(
                        "actionset {namespace}/{name} already exists ({})",
                        path.display()
                    );
                }
                if object.metadata.creation_timestamp.is_none() {
                    object.metadata.creation_timestamp = Some(now_time());
                }
                write_file(&path, &object)?;
                Ok(object)
            }
        }
    }

    pub async fn get(&self, namespace: &str, name: &str) -> Result<Option<ActionSet>> {
        match self {
            Store::Resource(cluster) => match Self::api(cluster, namespace).get(name).await {
                Ok(o) => Ok(Some(serde_json::from_value(serde_json::to_value(o)?)?)),
                Err(e) if is_not_found(&e) => Ok(None),
                Err(e) => Err(anyhow!(
                    "reading actionset {namespace}/{name}: {}",
                    describe_error(&cluster.server, &e)
                )),
            },
            Store::Local { root } => {
                let path = Self::file(root, namespace, name);
                match std::fs::read(&path) {
                    Ok(bytes) => {
                        Ok(Some(serde_json::from_slice(&bytes).with_context(|| {
                            format!("{} is not an ActionSet", path.display())
                        })?))
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                    Err(e) => Err(anyhow!("reading {}: {e}", path.display())),
                }
            }
        }
    }

    pub async fn require(&self, namespace: &str, name: &str) -> Result<ActionSet> {
        self.get(namespace, name)
            .await?
            .ok_or_else(|| anyhow!("actionset {name:?} not found in namespace {namespace:?}"))
    }

    pub async fn list(&self, namespace: Option<&str>) -> Result<Vec<ActionSet>> {
        let mut items: Vec<ActionSet> = match self {
            Store::Resource(cluster) => {
                let api: Api<DynamicObject> = match namespace {
                    Some(ns) => Self::api(cluster, ns),
                    None => Api::all_with(cluster.client.clone(), &api_resource()),
                };
                let list = api.list(&ListParams::default()).await.map_err(|e| {
                    anyhow!(
                        "listing actionsets: {}",
                        describe_error(&cluster.server, &e)
                    )
                })?;
                list.items
                    .into_iter()
                    .filter_map(|o| serde_json::to_value(o).ok())
                    .filter_map(|v| serde_json::from_value(v).ok())
                    .collect()
            }
            Store::Local { root } => {
                let mut items = Vec::new();
                let dirs: Vec<PathBuf> = match namespace {
                    Some(ns) => vec![root.join(ns)],
                    None => std::fs::read_dir(root)
                        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
                        .unwrap_or_default(),
                };
                for dir in dirs {
                    let Ok(entries) = std::fs::read_dir(&dir) else {
                        continue;
                    };
                    for entry in entries.filter_map(|e| e.ok()) {
                        if let Ok(bytes) = std::fs::read(entry.path())
                            && let Ok(a) = serde_json::from_slice::<ActionSet>(&bytes)
                        {
                            items.push(a);
                        }
                    }
                }
                items
            }
        };
        items.sort_by(|a, b| {
            (&a.metadata.namespace, &a.metadata.name)
                .cmp(&(&b.metadata.namespace, &b.metadata.name))
        });
        Ok(items)
    }

    /// Deletes; `Ok(false)` when it did not exist.
    pub async fn delete(&self, namespace: &str, name: &str) -> Result<bool> {
        match self {
            Store::Resource(cluster) => {
                match Self::api(cluster, namespace)
                    .delete(name, &DeleteParams::default())
                    .await
                {
                    Ok(_) => Ok(true),
                    Err(e) if is_not_found(&e) => Ok(false),
                    Err(e) => Err(anyhow!(
                        "deleting actionset {namespace}/{name}: {}",
                        describe_error(&cluster.server, &e)
                    )),
                }
            }
            Store::Local { root } => {
                match std::fs::remove_file(Self::file(root, namespace, name)) {
                    Ok(()) => Ok(true),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
                    Err(e) => Err(e.into()),
                }
            }
        }
    }

    /// Writes `status` into the stored ActionSet: get → replace status → update, retried on
    /// conflict, like the controller.
    pub async fn write_status(
        &self,
        namespace: &str,
        name: &str,
        status: &ActionSetStatus,
    ) -> Result<()> {
        match self {
            Store::Resource(cluster) => {
                let api = Self::api(cluster, namespace);
                let status_json = serde_json::to_value(status)?;
                for _ in 0..10 {
                    let mut object = api.get(name).await.map_err(|e| {
                        anyhow!(
                            "reading actionset {namespace}/{name}: {}",
                            describe_error(&cluster.server, &e)
                        )
                    })?;
                    object.data["status"] = status_json.clone();
                    match api.replace(name, &PostParams::default(), &object).await {
                        Ok(_) => return Ok(()),
                        Err(e) if is_conflict(&e) => continue,
                        Err(e) => {
                            return Err(anyhow!(
                                "updating actionset {namespace}/{name}: {}",
                                describe_error(&cluster.server, &e)
                            ));
                        }
                    }
                }
                bail!("updating actionset {namespace}/{name}: conflicts kept happening")
            }
            Store::Local { root } => {
                let path = Self::file(root, namespace, name);
                let mut object: ActionSet = match std::fs::read(&path) {
                    Ok(bytes) => serde_json::from_slice(&bytes)?,
                    Err(e) => bail!("actionset record {} is gone: {e}", path.display()),
                };
                object.status = Some(status.clone());
                write_file(&path, &object)
            }
        }
    }
}

/// Now, as a Kubernetes `Time` (second precision, as the API server stores it).
pub fn now_time() -> k8s_openapi::apimachinery::pkg::apis::meta::v1::Time {
    let text = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    serde_json::from_value(serde_json::Value::String(text)).expect("RFC 3339 time parses")
}

fn write_file(path: &std::path::Path, object: &ActionSet) -> Result<()> {
    let dir = path.parent().expect("record path has a directory");
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let temp = tempfile::NamedTempFile::new_in(dir)?;
    serde_json::to_writer_pretty(&temp, object)?;
    temp.persist(path)
        .map_err(|e| anyhow!("cannot write {}: {}", path.display(), e.error))?;
    Ok(())
}
