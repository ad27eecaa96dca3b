//! Which types a backup lists, chosen from the one discovery model (`crate::kube::ApiCatalog`)
//! by Velero's rules: eligible types support list, create, get and delete; types served by two
//! groups (`extensions` vs `apps`) are backed up once; Velero's always-excluded types stay out;
//! a group whose discovery failed costs a warning, not the backup.

use crate::kube::{ApiCatalog, ResolvedResource, describe_error};

/// The verbs a backup needs now and a restore needs later.
fn is_backupable(t: &ResolvedResource) -> bool {
    ["list", "create", "get", "delete"]
        .iter()
        .all(|verb| t.supports(verb))
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
    pub types: Vec<ResolvedResource>,
    /// Groups whose discovery failed, as warnings.
    pub warnings: Vec<String>,
}

impl Discovered {
    /// Resolves a user-typed name the way kubectl does (plural, singular, kind, short name,
    /// `name.group`); the first match in discovery order wins.
    pub fn resolve(&self, name: &str) -> Option<&ResolvedResource> {
        self.types.iter().find(|t| t.answers_to(name))
    }

    pub fn by_group_resource(&self, group_resource: &str) -> Option<&ResolvedResource> {
        self.types
            .iter()
            .find(|t| t.group_resource() == group_resource)
    }

    pub fn by_group_kind(&self, group: &str, kind: &str) -> Option<&ResolvedResource> {
        self.types
            .iter()
            .find(|t| t.resource.group == group && t.resource.kind == kind)
    }
}

/// Discovers the server's types and keeps the ones a backup lists.
pub async fn discover(client: &kube::Client, server: &str) -> anyhow::Result<Discovered> {
    let catalog = ApiCatalog::discover(client)
        .await
        .map_err(|e| anyhow::anyhow!("discovery failed: {}", describe_error(server, &e)))?;
    Ok(backup_types(&catalog, server))
}

fn backup_types(catalog: &ApiCatalog, server: &str) -> Discovered {
    let warnings = catalog
        .failed_groups()
        .iter()
        .map(|failed| {
            let name = if failed.group.is_empty() {
                "core"
            } else {
                &failed.group
            };
            format!(
                "API group {name} could not be discovered, so its types are not in the backup: {}",
                describe_error(server, &failed.error)
            )
        })
        .collect();
    let (extensions, mut types): (Vec<ResolvedResource>, Vec<ResolvedResource>) = catalog
        .all()
        .iter()
        .filter(|t| is_backupable(t))
        .cloned()
        .partition(|t| t.resource.group == "extensions");
    types.extend(extensions);
    order_core_group(&mut types);
    let present: Vec<String> = types.iter().map(ResolvedResource::group_resource).collect();
    types.retain(|t| {
        let gr = t.group_resource();
        !ALWAYS_EXCLUDED.contains(&gr.as_str())
            && !COHABITING
                .iter()
                .any(|(skip, keep)| *skip == gr && present.iter().any(|p| p == keep))
    });
    Discovered { types, warnings }
}

/// Velero's core-group order: pods, then persistentvolumeclaims, then persistentvolumes.
fn order_core_group(types: &mut [ResolvedResource]) {
    let rank = |t: &ResolvedResource| -> u8 {
        if !t.resource.group.is_empty() {
            return 4;
        }
        match t.resource.plural.as_str() {
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
    use crate::kube::discovery_tests::resource as t;

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
            assert_eq!(
                d.resolve(name).unwrap().resource.plural,
                "configmaps",
                "{name}"
            );
        }
        assert_eq!(
            d.resolve("deployments.apps").unwrap().group_resource(),
            "deployments.apps"
        );
        assert_eq!(d.resolve("deploy").unwrap().resource.api_version, "apps/v1");
        assert!(d.resolve("deployments.batch").is_none());
        assert!(d.resolve("widgets").is_none());
    }

    #[test]
    fn keeps_backupable_types_once_in_veleros_order() {
        let mut unlistable = t("", "bindings", "Binding", &[]);
        unlistable.verbs = vec!["create".into()];
        let catalog = ApiCatalog::from_resources(vec![
            unlistable,
            t("extensions", "deployments", "Deployment", &[]),
            t("apps", "deployments", "Deployment", &[]),
            t("", "configmaps", "ConfigMap", &[]),
            t("", "persistentvolumes", "PersistentVolume", &[]),
            t("", "pods", "Pod", &[]),
            t("", "persistentvolumeclaims", "PersistentVolumeClaim", &[]),
            t(
                "snapshot.storage.k8s.io",
                "volumesnapshots",
                "VolumeSnapshot",
                &[],
            ),
        ]);
        let d = backup_types(&catalog, "https://api");
        let names: Vec<_> = d.types.iter().map(|t| t.group_resource()).collect();
        assert_eq!(
            names,
            [
                "pods",
                "persistentvolumeclaims",
                "persistentvolumes",
                "configmaps",
                "deployments.apps"
            ]
        );
        assert!(d.warnings.is_empty());
    }
}
