//! What changed in the live cluster since a snapshot: each stored object compared with the
//! live one (read at the stored version when the server still serves it), and the live objects
//! under the same keys that the snapshot does not have.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use kube::api::{Api, DynamicObject, ListParams};
use kube::core::{ApiResource, GroupVersionKind};
use serde::Serialize;
use serde_json::Value as Json;

use super::diff::changed_paths;
use super::{DecodeOptions, Listed, decode, describe, latest};
use crate::etcd::bbolt::Db;
use crate::etcd::protowire::KeyValue;
use crate::kube::{Cluster, ResolvedResource};

/// What to compare.
pub struct LiveDiff<'a> {
    /// Only keys starting with this (`/registry/` for everything).
    pub prefix: &'a str,
    /// The snapshot's state as of this revision (default: its last).
    pub revision: Option<i64>,
    /// The API server's `--etcd-prefix`.
    pub etcd_prefix: &'a str,
    /// Only objects of this namespace (`-n`); cluster-scoped ones then drop out too.
    pub namespace: Option<&'a str>,
}

impl LiveDiff<'_> {
    fn in_namespace(&self, namespace: Option<&str>) -> bool {
        self.namespace.is_none_or(|ns| namespace == Some(ns))
    }
}

/// One changed, deleted or created object.
#[derive(Debug, Serialize)]
pub struct Change {
    pub change: &'static str,
    pub resource: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
}

/// The changes, and the types that could not be compared.
pub struct LiveChanges {
    pub changes: Vec<Change>,
    pub warnings: Vec<String>,
}

/// The snapshot's objects of one type, and where their keys live.
struct StoredType<'a> {
    api_version: String,
    kind: String,
    resource: String,
    /// The key up to the namespace or name: `/registry/services/specs/`.
    dir: String,
    objects: Vec<(&'a KeyValue<'a>, Listed)>,
}

/// Compares the snapshot's objects under `options.prefix` with the live cluster's.
pub async fn diff_live(db: &Db, cluster: &Cluster, options: &LiveDiff<'_>) -> Result<LiveChanges> {
    let live = latest(db, options.prefix.as_bytes(), options.revision)?;
    let by_type = stored_types(&live, options.etcd_prefix);
    let catalog = crate::kube::ApiCatalog::discover(&cluster.client)
        .await
        .with_context(|| format!("cannot list the API resources of {}", cluster.server))?;
    let mut found = LiveChanges {
        changes: Vec::new(),
        warnings: Vec::new(),
    };
    for stored in by_type.values() {
        let (group, _) = stored.group_version();
        let Some(served) = catalog.by_kind(group, &stored.kind) else {
            found.warnings.push(format!(
                "the live cluster does not serve {} ({}); its {} object(s) in the \
                 snapshot are not compared",
                stored.kind,
                stored.api_version,
                stored.objects.len()
            ));
            continue;
        };
        let current = live_objects(cluster, stored, served).await?;
        compare(stored, current, options, &mut found.changes)?;
    }
    Ok(found)
}

/// The snapshot's objects grouped by type; keys that are not objects (the service IP
/// allocation ranges, …) are left out.
fn stored_types<'a>(
    live: &'a BTreeMap<&'a [u8], KeyValue<'a>>,
    etcd_prefix: &str,
) -> BTreeMap<(String, String), StoredType<'a>> {
    let mut by_type: BTreeMap<(String, String), StoredType> = BTreeMap::new();
    for kv in live.values() {
        let row = describe(kv, etcd_prefix);
        if row.kind.is_empty() || row.name.is_empty() {
            continue;
        }
        let tail = match &row.namespace {
            Some(ns) => format!("{ns}/{}", row.name),
            None => row.name.clone(),
        };
        let dir = row.key.strip_suffix(&tail).unwrap_or(&row.key).to_string();
        by_type
            .entry((row.api_version.clone(), row.kind.clone()))
            .or_insert_with(|| StoredType {
                api_version: row.api_version.clone(),
                kind: row.kind.clone(),
                resource: row.resource.clone(),
                dir,
                objects: Vec::new(),
            })
            .objects
            .push((kv, row));
    }
    by_type
}

impl StoredType<'_> {
    fn group_version(&self) -> (&str, &str) {
        match self.api_version.split_once('/') {
            Some((g, v)) => (g, v),
            None => ("", self.api_version.as_str()),
        }
    }
}

/// The live objects of a stored type by (namespace, name), as JSON without managedFields. Read
/// at the stored version when it is still served, for a like-for-like comparison.
async fn live_objects(
    cluster: &Cluster,
    stored: &StoredType<'_>,
    served: &ResolvedResource,
) -> Result<BTreeMap<(Option<String>, String), Json>> {
    let (group, version) = stored.group_version();
    let resource = ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk(group, version, &stored.kind),
        &served.resource.plural,
    );
    let api: Api<DynamicObject> = Api::all_with(cluster.client.clone(), &resource);
    let listed = match api.list(&ListParams::default()).await {
        Ok(list) => list.items,
        Err(_) => {
            let preferred: Api<DynamicObject> =
                Api::all_with(cluster.client.clone(), &served.resource);
            preferred
                .list(&ListParams::default())
                .await
                .with_context(|| {
                    format!(
                        "cannot list {} in the live cluster",
                        served.group_resource()
                    )
                })?
                .items
        }
    };
    let mut current = BTreeMap::new();
    for item in listed {
        let key = (
            item.metadata.namespace.clone(),
            item.metadata.name.clone().unwrap_or_default(),
        );
        let mut value = serde_json::to_value(&item)?;
        value["apiVersion"] = Json::String(resource.api_version.clone());
        value["kind"] = Json::String(stored.kind.clone());
        if let Some(meta) = value.get_mut("metadata").and_then(Json::as_object_mut) {
            meta.remove("managedFields");
        }
        current.insert(key, value);
    }
    Ok(current)
}

/// Deleted and changed objects of one type, then the created ones (what is left of `current`).
fn compare(
    stored: &StoredType<'_>,
    mut current: BTreeMap<(Option<String>, String), Json>,
    options: &LiveDiff<'_>,
    changes: &mut Vec<Change>,
) -> Result<()> {
    for (kv, row) in &stored.objects {
        if !options.in_namespace(row.namespace.as_deref()) {
            continue;
        }
        let key = (row.namespace.clone(), row.name.clone());
        let change = |change, paths| Change {
            change,
            resource: stored.resource.clone(),
            namespace: row.namespace.clone(),
            name: row.name.clone(),
            paths,
        };
        match current.remove(&key) {
            None => changes.push(change("deleted", Vec::new())),
            Some(now) => {
                // Values are compared in full but only paths are printed, so Secrets are
                // safe to decode unredacted here.
                let then = decode(
                    kv,
                    DecodeOptions {
                        show_secrets: true,
                        ..DecodeOptions::default()
                    },
                )?;
                let paths = changed_paths(&then, &now);
                if !paths.is_empty() {
                    changes.push(change("changed", paths));
                }
            }
        }
    }
    for ((namespace, name), _) in current {
        let key = match &namespace {
            Some(ns) => format!("{}{ns}/{name}", stored.dir),
            None => format!("{}{name}", stored.dir),
        };
        if key.starts_with(options.prefix) && options.in_namespace(namespace.as_deref()) {
            changes.push(Change {
                change: "created",
                resource: stored.resource.clone(),
                namespace,
                name,
                paths: Vec::new(),
            });
        }
    }
    Ok(())
}
