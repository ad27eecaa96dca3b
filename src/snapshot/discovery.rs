//! Which types a backup lists: server-preferred versions, group by group, so that one broken
//! aggregated API (`metrics.k8s.io` with its Service down) costs a warning, not the backup.
//! Eligible types support list, create, get and delete; subresources are skipped; types served
//! by two groups (`extensions` vs `apps`) are backed up once; Velero's always-excluded types stay out.

use futures::{StreamExt, TryStreamExt};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::APIResourceList;
use kube::Client;
use kube::discovery::ApiResource;

use crate::kube::describe_error;

/// One listable type at the server's preferred version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiType {
    pub group: String,
    pub version: String,
    /// The plural resource name (`deployments`).
    pub resource: String,
    pub kind: String,
    pub singular: String,
    pub short_names: Vec<String>,
    pub namespaced: bool,
    pub verbs: Vec<String>,
}

impl ApiType {
    /// `deployments.apps`, `configmaps`.
    pub fn group_resource(&self) -> String {
        group_resource(&self.group, &self.resource)
    }

    /// `apps/v1`, `v1`.
    pub fn api_version(&self) -> String {
        if self.group.is_empty() {
            self.version.clone()
        } else {
            format!("{}/{}", self.group, self.version)
        }
    }

    pub fn api_resource(&self) -> ApiResource {
        ApiResource {
            group: self.group.clone(),
            version: self.version.clone(),
            api_version: self.api_version(),
            kind: self.kind.clone(),
            plural: self.resource.clone(),
        }
    }

    /// The verbs a backup needs now and a restore needs later.
    pub fn is_backupable(&self) -> bool {
        ["list", "create", "get", "delete"]
            .iter()
            .all(|v| self.verbs.iter().any(|have| have == v))
    }

    /// `configmaps`, `configmap`, `cm`, `ConfigMap`, optionally `.group`-qualified.
    fn answers_to(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        let (base, group) = match name.split_once('.') {
            Some((base, group)) => (base, Some(group)),
            None => (name.as_str(), None),
        };
        if group.is_some_and(|g| g != self.group) {
            return false;
        }
        base == self.resource
            || base == self.singular
            || base == self.kind.to_lowercase()
            || self.short_names.iter().any(|s| s == base)
    }
}

pub fn group_resource(group: &str, resource: &str) -> String {
    if group.is_empty() {
        resource.to_string()
    } else {
        format!("{resource}.{group}")
    }
}

/// Types Velero never backs up.
const ALWAYS_EXCLUDED: &[&str] = &[
    "volumesnapshots.snapshot.storage.k8s.io",
    "volumesnapshotcontents.snapshot.storage.k8s.io",
];

/// (served here, preferred there): skip the first when the second exists.
const COHABITING: &[(&str, &str)] = &[
    ("deployments.extensions", "deployments.apps"),
    ("daemonsets.extensions", "daemonsets.apps"),
    ("replicasets.extensions", "replicasets.apps"),
    (
        "networkpolicies.extensions",
        "networkpolicies.networking.k8s.io",
    ),
    ("events.events.k8s.io", "events"),
];

#[derive(Debug, Default)]
pub struct Discovered {
    /// Backup-eligible types, core group first (pods, PVCs, PVs leading), `extensions` last.
    pub types: Vec<ApiType>,
    /// Groups whose discovery failed, as warnings.
    pub warnings: Vec<String>,
}

impl Discovered {
    /// Resolves a user-typed name the way kubectl does (plural, singular, kind, short name,
    /// `name.group`); the first match in discovery order wins.
    pub fn resolve(&self, name: &str) -> Option<&ApiType> {
        self.types.iter().find(|t| t.answers_to(name))
    }

    pub fn by_group_resource(&self, group_resource: &str) -> Option<&ApiType> {
        self.types
            .iter()
            .find(|t| t.group_resource() == group_resource)
    }

    pub fn by_group_kind(&self, group: &str, kind: &str) -> Option<&ApiType> {
        self.types
            .iter()
            .find(|t| t.group == group && t.kind == kind)
    }
}

/// Runs discovery with up to 8 requests in flight.
pub async fn discover(client: &Client, server: &str) -> anyhow::Result<Discovered> {
    let core_versions = client
        .list_core_api_versions()
        .await
        .map_err(|e| anyhow::anyhow!("discovery failed: {}", describe_error(server, &e)))?;
    let groups = client
        .list_api_groups()
        .await
        .map_err(|e| anyhow::anyhow!("discovery failed: {}", describe_error(server, &e)))?;

    // (group, versions with the preferred one first)
    let mut queries: Vec<(String, Vec<String>)> = Vec::new();
    if let Some(v) = core_versions.versions.first() {
        queries.push((String::new(), vec![v.clone()]));
    }
    for group in &groups.groups {
        let mut versions: Vec<String> = Vec::new();
        if let Some(preferred) = &group.preferred_version {
            versions.push(preferred.version.clone());
        }
        for v in &group.versions {
            if !versions.contains(&v.version) {
                versions.push(v.version.clone());
            }
        }
        queries.push((group.name.clone(), versions));
    }

    let results: Vec<(usize, Result<Vec<ApiType>, String>)> =
        futures::stream::iter(queries.iter().enumerate())
            .map(|(i, (group, versions))| async move {
                (i, discover_group(client, server, group, versions).await)
            })
            .buffer_unordered(8)
            .collect()
            .await;
    let mut results = results;
    results.sort_by_key(|(i, _)| *i);

    let mut discovered = Discovered::default();
    let mut extensions = Vec::new();
    for (i, result) in results {
        match result {
            Ok(types) if queries[i].0 == "extensions" => extensions.extend(types),
            Ok(types) => discovered.types.extend(types),
            Err(warning) => discovered.warnings.push(warning),
        }
    }
    discovered.types.extend(extensions);
    order_core_group(&mut discovered.types);
    let present: Vec<String> = discovered
        .types
        .iter()
        .map(ApiType::group_resource)
        .collect();
    discovered.types.retain(|t| {
        let gr = t.group_resource();
        !ALWAYS_EXCLUDED.contains(&gr.as_str())
            && !COHABITING
                .iter()
                .any(|(skip, keep)| *skip == gr && present.iter().any(|p| p == keep))
    });
    Ok(discovered)
}

async fn discover_group(
    client: &Client,
    server: &str,
    group: &str,
    versions: &[String],
) -> Result<Vec<ApiType>, String> {
    let mut types: Vec<ApiType> = Vec::new();
    let lists: Vec<(String, APIResourceList)> = futures::stream::iter(versions.iter())
        .then(|version| async move {
            let list = if group.is_empty() {
                client.list_core_api_resources(version).await
            } else {
                client
                    .list_api_group_resources(&format!("{group}/{version}"))
                    .await
            };
            list.map(|l| (version.clone(), l))
        })
        .try_collect()
        .await
        .map_err(|e| {
            let name = if group.is_empty() { "core" } else { group };
            format!(
                "API group {name} could not be discovered, so its types are not in the backup: {}",
                describe_error(server, &e)
            )
        })?;
    for (version, list) in lists {
        for r in list.resources {
            if r.name.contains('/') || types.iter().any(|t| t.resource == r.name) {
                continue;
            }
            let t = ApiType {
                group: group.to_string(),
                version: version.clone(),
                resource: r.name,
                kind: r.kind,
                singular: r.singular_name,
                short_names: r.short_names.unwrap_or_default(),
                namespaced: r.namespaced,
                verbs: r.verbs,
            };
            if t.is_backupable() {
                types.push(t);
            }
        }
    }
    Ok(types)
}

/// Velero's core-group order: pods, then persistentvolumeclaims, then persistentvolumes.
fn order_core_group(types: &mut [ApiType]) {
    let rank = |t: &ApiType| -> u8 {
        if !t.group.is_empty() {
            return 4;
        }
        match t.resource.as_str() {
            "pods" => 0,
            "persistentvolumeclaims" => 1,
            "persistentvolumes" => 2,
            _ => 3,
        }
    };
    types.sort_by_key(rank);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(group: &str, resource: &str, kind: &str, short: &[&str]) -> ApiType {
        ApiType {
            group: group.into(),
            version: "v1".into(),
            resource: resource.into(),
            kind: kind.into(),
            singular: kind.to_lowercase(),
            short_names: short.iter().map(|s| s.to_string()).collect(),
            namespaced: true,
            verbs: vec![
                "list".into(),
                "create".into(),
                "get".into(),
                "delete".into(),
            ],
        }
    }

    #[test]
    fn resolves_like_kubectl() {
        let d = Discovered {
            types: vec![
                t("", "configmaps", "ConfigMap", &["cm"]),
                t("apps", "deployments", "Deployment", &["deploy"]),
            ],
            warnings: vec![],
        };
        for name in ["cm", "configmap", "ConfigMaps", "configmaps"] {
            assert_eq!(d.resolve(name).unwrap().resource, "configmaps", "{name}");
        }
        assert_eq!(
            d.resolve("deployments.apps").unwrap().group_resource(),
            "deployments.apps"
        );
        assert_eq!(d.resolve("deploy").unwrap().api_version(), "apps/v1");
        assert!(d.resolve("deployments.batch").is_none());
        assert!(d.resolve("widgets").is_none());
    }

    #[test]
    fn core_order_leads_with_pods_pvcs_pvs() {
        let mut types = vec![
            t("apps", "deployments", "Deployment", &[]),
            t("", "configmaps", "ConfigMap", &[]),
            t("", "persistentvolumes", "PersistentVolume", &[]),
            t("", "pods", "Pod", &[]),
            t("", "persistentvolumeclaims", "PersistentVolumeClaim", &[]),
        ];
        order_core_group(&mut types);
        let names: Vec<_> = types.iter().map(|t| t.resource.as_str()).collect();
        assert_eq!(
            names,
            [
                "pods",
                "persistentvolumeclaims",
                "persistentvolumes",
                "configmaps",
                "deployments"
            ]
        );
    }
}
