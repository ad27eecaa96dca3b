//! Where Blueprints live in a cluster: as Kanister `Blueprint` resources when the CRD is served,
//! otherwise in labelled ConfigMaps, so that client-side mode works on clusters without
//! Kanister.
//!
//! ConfigMap format (one per Blueprint, in the Blueprint's namespace):
//!
//! ```yaml
//! apiVersion: v1
//! kind: ConfigMap
//! metadata:
//!   name: blueprint.<blueprint-name>
//!   labels:
//!     app.kubernetes.io/managed-by: kubectl-backup
//!     kubectl-backup.io/kind: Blueprint
//!   annotations:
//!     kubectl-backup.io/blueprint-name: <blueprint-name>
//! data:
//!   blueprint.yaml: |
//!     apiVersion: cr.kanister.io/v1alpha1
//!     kind: Blueprint
//!     metadata: {name: <blueprint-name>, namespace: <ns>, labels/annotations as applied}
//!     actions: …
//! ```

use std::collections::BTreeMap;

use anyhow::{Context, Result, anyhow, bail};
use k8s_openapi::api::core::v1::ConfigMap;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use kube::api::{DynamicObject, PostParams};
use kube::core::GroupVersionKind;
use kube::discovery::ApiResource;

use super::types::{API_VERSION, Blueprint, GROUP, KIND, PLURAL, VERSION};
use crate::kube::{Cluster, CrdOrFallback, Place, is_conflict};

pub const CONFIGMAP_PREFIX: &str = "blueprint.";
pub const CONFIGMAP_KEY: &str = "blueprint.yaml";
pub const KIND_LABEL: &str = "kubectl-backup.io/kind";
pub const MANAGED_BY_LABEL: &str = "app.kubernetes.io/managed-by";
pub const MANAGED_BY: &str = "kubectl-backup";
pub const NAME_ANNOTATION: &str = "kubectl-backup.io/blueprint-name";

/// Where a Blueprint is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// A `blueprints.cr.kanister.io` resource.
    Resource,
    /// A labelled ConfigMap (no Kanister CRDs on the cluster).
    ConfigMap,
}

impl std::fmt::Display for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Storage::Resource => "Blueprint",
            Storage::ConfigMap => "ConfigMap",
        })
    }
}

#[derive(Debug, Clone)]
pub struct StoredBlueprint {
    pub blueprint: Blueprint,
    pub storage: Storage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplyOutcome {
    Created,
    Configured,
    Unchanged,
}

impl std::fmt::Display for ApplyOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ApplyOutcome::Created => "created",
            ApplyOutcome::Configured => "configured",
            ApplyOutcome::Unchanged => "unchanged",
        })
    }
}

/// The ConfigMap name that holds Blueprint `name`.
pub fn configmap_name(name: &str) -> String {
    format!("{CONFIGMAP_PREFIX}{name}")
}

pub fn api_resource() -> ApiResource {
    ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(GROUP, VERSION, KIND), PLURAL)
}

/// Access to the Blueprints of one cluster.
pub struct BlueprintStore<'a> {
    store: CrdOrFallback<'a, ConfigMap>,
}

impl<'a> BlueprintStore<'a> {
    /// Finds out whether the Blueprint CRD is served (one discovery request).
    pub async fn open(cluster: &'a Cluster) -> Result<BlueprintStore<'a>> {
        Ok(BlueprintStore {
            store: CrdOrFallback::open(cluster, api_resource()).await?,
        })
    }

    /// Where `apply` puts new Blueprints.
    pub fn storage(&self) -> Storage {
        if self.store.crd_served() {
            Storage::Resource
        } else {
            Storage::ConfigMap
        }
    }

    /// The Blueprint `namespace/name`, from the resource or else the ConfigMap.
    pub async fn get(&self, namespace: &str, name: &str) -> Result<Option<StoredBlueprint>> {
        let what = format!("reading blueprint {namespace}/{name}");
        if let Some(object) = self.store.get_resource(namespace, name, &what).await? {
            return Ok(Some(StoredBlueprint {
                blueprint: from_dynamic(object)?,
                storage: Storage::Resource,
            }));
        }
        let cm = self
            .store
            .get_fallback(namespace, &configmap_name(name), &what)
            .await?;
        match cm {
            Some(cm) if is_blueprint_configmap(&cm) => Ok(Some(StoredBlueprint {
                blueprint: from_configmap(&cm)?,
                storage: Storage::ConfigMap,
            })),
            _ => Ok(None),
        }
    }

    /// Like [`get`](Self::get), with a helpful error when the Blueprint is absent.
    pub async fn require(&self, namespace: &str, name: &str) -> Result<StoredBlueprint> {
        self.get(namespace, name).await?.ok_or_else(|| {
            anyhow!(
                "blueprint {name:?} not found in namespace {namespace:?} (list them with `kubectl backup blueprint list -n {namespace}`)"
            )
        })
    }

    /// Every Blueprint in `namespace` (all namespaces when `None`), resources and ConfigMaps.
    pub async fn list(&self, namespace: Option<&str>) -> Result<Vec<StoredBlueprint>> {
        let mut found = Vec::new();
        let scope = namespace.unwrap_or("all namespaces");
        let what = format!("listing blueprints in {scope}");
        for object in self.store.list_resources(namespace, &what).await? {
            found.push(StoredBlueprint {
                blueprint: from_dynamic(object)?,
                storage: Storage::Resource,
            });
        }
        let selector = format!("{KIND_LABEL}={KIND}");
        let what = format!("listing blueprint ConfigMaps in {scope}");
        for cm in self
            .store
            .list_fallbacks(namespace, &selector, &what)
            .await?
        {
            match from_configmap(&cm) {
                Ok(blueprint) => found.push(StoredBlueprint {
                    blueprint,
                    storage: Storage::ConfigMap,
                }),
                Err(e) => eprintln!("warning: {e:#}"),
            }
        }
        found.sort_by(|a, b| {
            let key = |s: &StoredBlueprint| {
                (
                    s.blueprint.metadata.namespace.clone().unwrap_or_default(),
                    s.blueprint.name().to_string(),
                )
            };
            key(a).cmp(&key(b))
        });
        Ok(found)
    }

    /// Creates or updates the Blueprint (already validated by the caller) in `namespace`. An
    /// existing ConfigMap copy is updated in place even once the CRD is installed, so a
    /// Blueprint never exists twice.
    pub async fn apply(
        &self,
        namespace: &str,
        blueprint: &Blueprint,
    ) -> Result<(ApplyOutcome, Storage)> {
        self.apply_with(namespace, blueprint, &PostParams::default())
            .await
    }

    /// [`BlueprintStore::apply`] with kubectl's write parameters: with `dry_run` the API server
    /// admits the create or update and stores nothing.
    pub async fn apply_with(
        &self,
        namespace: &str,
        blueprint: &Blueprint,
        params: &PostParams,
    ) -> Result<(ApplyOutcome, Storage)> {
        let name = blueprint.name().to_string();
        let desired = normalised(blueprint, namespace);
        for _attempt in 0..5 {
            let existing = self.get(namespace, &name).await?;
            let storage = existing.as_ref().map_or(self.storage(), |e| e.storage);
            if let Some(existing) = &existing
                && normalised(&existing.blueprint, namespace) == desired
            {
                return Ok((ApplyOutcome::Unchanged, storage));
            }
            let result = match storage {
                Storage::Resource => {
                    self.write_resource(namespace, &desired, existing.is_some(), params)
                        .await
                }
                Storage::ConfigMap => {
                    self.write_configmap(namespace, &desired, existing.is_some(), params)
                        .await
                }
            };
            match result {
                Ok(()) => {
                    let outcome = if existing.is_some() {
                        ApplyOutcome::Configured
                    } else {
                        ApplyOutcome::Created
                    };
                    return Ok((outcome, storage));
                }
                Err(e) if is_conflict(&e) => continue,
                Err(e) => {
                    let what = format!("writing blueprint {namespace}/{name}");
                    return Err(self.store.fail(&what, &e));
                }
            }
        }
        bail!("blueprint {namespace}/{name} kept changing while we updated it; try again")
    }

    async fn write_resource(
        &self,
        namespace: &str,
        desired: &Blueprint,
        exists: bool,
        params: &PostParams,
    ) -> Result<(), kube::Error> {
        let api = self.store.resources(namespace);
        let name = desired.name();
        let mut object: DynamicObject =
            serde_json::from_value(serde_json::to_value(desired).map_err(kube::Error::SerdeError)?)
                .map_err(kube::Error::SerdeError)?;
        if exists {
            let current = api.get(name).await?;
            object.metadata.resource_version = current.metadata.resource_version;
            api.replace(name, params, &object).await?;
        } else {
            api.create(params, &object).await?;
        }
        Ok(())
    }

    async fn write_configmap(
        &self,
        namespace: &str,
        desired: &Blueprint,
        exists: bool,
        params: &PostParams,
    ) -> Result<(), kube::Error> {
        let api = self.store.fallbacks(namespace);
        let mut cm = to_configmap(desired)
            .map_err(|e| kube::Error::SerdeError(serde::de::Error::custom(e.to_string())))?;
        let cm_name = configmap_name(desired.name());
        if exists {
            let current = api.get(&cm_name).await?;
            cm.metadata.resource_version = current.metadata.resource_version;
            api.replace(&cm_name, params, &cm).await?;
        } else {
            api.create(params, &cm).await?;
        }
        Ok(())
    }

    /// Deletes the Blueprint wherever it is kept; `Ok(None)` when there was none.
    pub async fn delete(&self, namespace: &str, name: &str) -> Result<Option<Storage>> {
        let Some(existing) = self.get(namespace, name).await? else {
            return Ok(None);
        };
        let (place, object_name) = match existing.storage {
            Storage::Resource => (Place::Resource, name.to_string()),
            Storage::ConfigMap => (Place::Fallback, configmap_name(name)),
        };
        let what = format!("deleting blueprint {namespace}/{name}");
        let deleted = self
            .store
            .delete(namespace, place, &object_name, &what)
            .await?;
        Ok(deleted.then_some(existing.storage))
    }
}

/// The namespace a Blueprint from a file is applied in: the file's, unless `-n` says
/// otherwise; like kubectl, a conflict between the two is an error. `current` is the context's.
pub fn apply_namespace(flag: Option<&str>, file: Option<&str>, current: &str) -> Result<String> {
    match (flag, file) {
        (Some(flag), Some(file)) if flag != file => bail!(
            "the namespace from the file ({file:?}) does not match the namespace from -n ({flag:?})"
        ),
        (_, Some(file)) => Ok(file.to_string()),
        (_, None) => Ok(current.to_string()),
    }
}

/// The parts of a Blueprint that `apply` owns: type, name, namespace, labels, annotations and
/// actions. Server-managed metadata (resourceVersion, uid, …) from a file produced by
/// `get -o yaml` is dropped so it cannot cause conflicts.
pub fn normalised(blueprint: &Blueprint, namespace: &str) -> Blueprint {
    Blueprint {
        api_version: API_VERSION.to_string(),
        kind: KIND.to_string(),
        metadata: ObjectMeta {
            name: blueprint.metadata.name.clone(),
            namespace: Some(namespace.to_string()),
            labels: blueprint.metadata.labels.clone().filter(|l| !l.is_empty()),
            annotations: blueprint
                .metadata
                .annotations
                .clone()
                .map(|mut a| {
                    a.remove("kubectl.kubernetes.io/last-applied-configuration");
                    a
                })
                .filter(|a| !a.is_empty()),
            ..ObjectMeta::default()
        },
        actions: blueprint.actions.clone(),
    }
}

fn from_dynamic(object: DynamicObject) -> Result<Blueprint> {
    let name = object.metadata.name.clone().unwrap_or_default();
    let mut value = serde_json::to_value(&object)?;
    if let Some(map) = value.as_object_mut() {
        map.entry("apiVersion").or_insert(API_VERSION.into());
        map.entry("kind").or_insert(KIND.into());
    }
    serde_json::from_value(value).with_context(|| format!("blueprint {name:?} is malformed"))
}

fn is_blueprint_configmap(cm: &ConfigMap) -> bool {
    cm.metadata
        .labels
        .as_ref()
        .and_then(|l| l.get(KIND_LABEL))
        .is_some_and(|v| v == KIND)
}

/// Reads the Blueprint kept in a ConfigMap; its identity comes from the ConfigMap.
pub fn from_configmap(cm: &ConfigMap) -> Result<Blueprint> {
    let cm_name = cm.metadata.name.as_deref().unwrap_or("");
    let namespace = cm.metadata.namespace.clone().unwrap_or_default();
    let text = cm
        .data
        .as_ref()
        .and_then(|d| d.get(CONFIGMAP_KEY))
        .ok_or_else(|| anyhow!("ConfigMap {namespace}/{cm_name} has no {CONFIGMAP_KEY} key"))?;
    let root = super::source::SourceDoc::parse(text)
        .map_err(|e| {
            anyhow!(
                "ConfigMap {namespace}/{cm_name}: {CONFIGMAP_KEY}:{}: {}",
                e.pos,
                e.message
            )
        })?
        .root;
    let mut blueprint: Blueprint = serde_json::from_value(root.to_json())
        .with_context(|| format!("ConfigMap {namespace}/{cm_name} does not hold a Blueprint"))?;
    let name = cm
        .metadata
        .annotations
        .as_ref()
        .and_then(|a| a.get(NAME_ANNOTATION).cloned())
        .or_else(|| cm_name.strip_prefix(CONFIGMAP_PREFIX).map(str::to_string));
    blueprint.metadata.name = name.or(blueprint.metadata.name);
    blueprint.metadata.namespace = Some(namespace);
    blueprint.metadata.creation_timestamp = cm.metadata.creation_timestamp.clone();
    blueprint.metadata.resource_version = cm.metadata.resource_version.clone();
    blueprint.metadata.uid = cm.metadata.uid.clone();
    Ok(blueprint)
}

/// The ConfigMap that keeps `blueprint` (already normalised).
pub fn to_configmap(blueprint: &Blueprint) -> Result<ConfigMap> {
    let name = blueprint.name();
    Ok(ConfigMap {
        metadata: ObjectMeta {
            name: Some(configmap_name(name)),
            namespace: blueprint.metadata.namespace.clone(),
            labels: Some(BTreeMap::from([
                (MANAGED_BY_LABEL.to_string(), MANAGED_BY.to_string()),
                (KIND_LABEL.to_string(), KIND.to_string()),
            ])),
            annotations: Some(BTreeMap::from([(
                NAME_ANNOTATION.to_string(),
                name.to_string(),
            )])),
            ..ObjectMeta::default()
        },
        data: Some(BTreeMap::from([(
            CONFIGMAP_KEY.to_string(),
            serde_saphyr::to_string(blueprint)?,
        )])),
        ..ConfigMap::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configmap_round_trip() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/blueprint/public/postgresql-blueprint.yaml"
        ))
        .unwrap();
        let bp = super::super::validate_yaml(&text).blueprint.unwrap();
        let bp = normalised(&bp, "db");
        let cm = to_configmap(&bp).unwrap();
        assert_eq!(cm.metadata.name.as_deref(), Some("blueprint.postgres-bp"));
        assert!(is_blueprint_configmap(&cm));
        let back = from_configmap(&cm).unwrap();
        assert_eq!(normalised(&back, "db"), bp);
    }
}
