//! Velero's restore order (reference §5.2): CRDs first, then the high-priority list, then every
//! other type alphabetically by `resource.group`, then the low-priority list. Each type is one
//! tier; tiers run one after another, items within a tier concurrently.

/// Velero's default high priorities, in order. Entries without a group match by resource name
/// (Velero resolves them through discovery).
pub const HIGH_PRIORITIES: &[&str] = &[
    "customresourcedefinitions",
    "namespaces",
    "storageclasses",
    "volumesnapshotclass.snapshot.storage.k8s.io",
    "volumesnapshotcontents.snapshot.storage.k8s.io",
    "volumesnapshots.snapshot.storage.k8s.io",
    "datauploads.velero.io",
    "persistentvolumes",
    "persistentvolumeclaims",
    "clusterroles",
    "roles",
    "serviceaccounts",
    "clusterrolebindings",
    "rolebindings",
    "secrets",
    "configmaps",
    "limitranges",
    "priorityclasses",
    "pods",
    "replicasets.apps",
    "clusterclasses.cluster.x-k8s.io",
    "endpoints",
    "services",
];

pub const LOW_PRIORITIES: &[&str] = &[
    "clusterbootstraps.run.tanzu.vmware.com",
    "clusters.cluster.x-k8s.io",
    "clusterresourcesets.addons.cluster.x-k8s.io",
    "apps.kappctrl.k14s.io",
    "packageinstalls.packaging.carvel.dev",
];

/// Types that are never restored; Velero refuses to include them explicitly.
pub const NON_RESTORABLE: &[&str] = &[
    "nodes",
    "events",
    "events.events.k8s.io",
    "backups.velero.io",
    "restores.velero.io",
    "resticrepositories.velero.io",
    "csinodes.storage.k8s.io",
    "volumeattachments.storage.k8s.io",
    "backuprepositories.velero.io",
];

/// `deployments.apps` → `deployments`.
pub fn resource_part(group_resource: &str) -> &str {
    group_resource.split('.').next().unwrap_or(group_resource)
}

/// Whether a priority entry names this type: exactly, or by resource name when the entry has no
/// group (`clusterroles` → `clusterroles.rbac.authorization.k8s.io`). Velero also accepts the
/// singular `volumesnapshotclass`.
pub fn entry_matches(entry: &str, group_resource: &str) -> bool {
    if entry == group_resource {
        return true;
    }
    if !entry.contains('.') {
        return resource_part(group_resource) == entry;
    }
    let (entry_resource, entry_group) = entry.split_once('.').unwrap_or((entry, ""));
    let (resource, group) = group_resource
        .split_once('.')
        .unwrap_or((group_resource, ""));
    group == entry_group && format!("{entry_resource}es") == resource
}

pub fn is_crd(group_resource: &str) -> bool {
    entry_matches("customresourcedefinitions", group_resource)
}

/// Orders the types present in a backup. `priorities` replaces the high list when given
/// (`--restore-resource-priorities` semantics).
pub fn order<'a>(
    types: impl IntoIterator<Item = &'a str>,
    priorities: Option<&[String]>,
) -> Vec<String> {
    let mut rest: Vec<&str> = types.into_iter().collect();
    rest.sort_unstable();
    rest.dedup();
    let high: Vec<&str> = match priorities {
        Some(list) => list.iter().map(String::as_str).collect(),
        None => HIGH_PRIORITIES.to_vec(),
    };
    let mut ordered = Vec::with_capacity(rest.len());
    let take = |entry: &str, rest: &mut Vec<&str>, ordered: &mut Vec<String>| {
        rest.retain(|gr| {
            if entry_matches(entry, gr) {
                ordered.push(gr.to_string());
                false
            } else {
                true
            }
        });
    };
    // CRDs always come first, even with a custom list that forgot them.
    take("customresourcedefinitions", &mut rest, &mut ordered);
    for entry in &high {
        take(entry, &mut rest, &mut ordered);
    }
    let mut low = Vec::new();
    for entry in LOW_PRIORITIES {
        take(entry, &mut rest, &mut low);
    }
    ordered.extend(rest.iter().map(|s| s.to_string()));
    ordered.extend(low);
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn velero_order() {
        let types = [
            "services",
            "deployments.apps",
            "clusters.cluster.x-k8s.io",
            "configmaps",
            "customresourcedefinitions.apiextensions.k8s.io",
            "namespaces",
            "foos.example.com",
            "clusterroles.rbac.authorization.k8s.io",
            "volumesnapshotclasses.snapshot.storage.k8s.io",
            "pods",
        ];
        assert_eq!(
            order(types, None),
            [
                "customresourcedefinitions.apiextensions.k8s.io",
                "namespaces",
                "volumesnapshotclasses.snapshot.storage.k8s.io",
                "clusterroles.rbac.authorization.k8s.io",
                "configmaps",
                "pods",
                "services",
                "deployments.apps",
                "foos.example.com",
                "clusters.cluster.x-k8s.io",
            ]
        );
    }

    #[test]
    fn custom_priorities_replace_the_list_but_crds_stay_first() {
        let custom = vec!["services".to_string()];
        assert_eq!(
            order(
                [
                    "configmaps",
                    "services",
                    "customresourcedefinitions.apiextensions.k8s.io"
                ],
                Some(&custom)
            ),
            [
                "customresourcedefinitions.apiextensions.k8s.io",
                "services",
                "configmaps"
            ]
        );
    }
}
