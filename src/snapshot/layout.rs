//! Where things live: object keys under a storage location (`backups/<B>/…`) and entry paths
//! inside the tarball (`resources/<gr>/namespaces/<ns>/<name>.json`), both exactly as Velero
//! lays them out, plus the one file of our own (the integrity record), kept inside
//! `backups/<B>/` so that a shared prefix never gains a top-level directory Velero would reject.

use anyhow::{Result, bail};

pub const BACKUPS_DIR: &str = "backups";
pub const METADATA_VERSION_PATH: &str = "metadata/version";
pub const RESOURCES_DIR: &str = "resources";
pub const CLUSTER_DIR: &str = "cluster";
pub const NAMESPACES_DIR: &str = "namespaces";
pub const PREFERRED_VERSION_SUFFIX: &str = "-preferredversion";

/// On a `velero-backup.json` we wrote: what it commits. The backup is complete exactly when this
/// file exists and the tarball and integrity record it names are present and match (Velero
/// copies the annotations along and ignores them).
pub const TARBALL_SHA256_ANNOTATION: &str = "backup.kubectl.io/tarball-sha256";
pub const TARBALL_SIZE_ANNOTATION: &str = "backup.kubectl.io/tarball-size";
pub const INTEGRITY_SHA256_ANNOTATION: &str = "backup.kubectl.io/integrity-sha256";

/// Object keys of one backup, relative to the location's root (bucket prefix or directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupKeys {
    name: String,
}

impl BackupKeys {
    pub fn new(name: &str) -> Self {
        BackupKeys {
            name: name.to_string(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// `backups/<B>/`, with the trailing slash: the prefix to list or delete.
    pub fn dir(&self) -> String {
        format!("{BACKUPS_DIR}/{}/", self.name)
    }

    /// The commit marker: written last, its presence means the backup is complete.
    pub fn metadata(&self) -> String {
        format!("{}velero-backup.json", self.dir())
    }

    pub fn tarball(&self) -> String {
        format!("{}{}.tar.gz", self.dir(), self.name)
    }

    pub fn logs(&self) -> String {
        format!("{}{}-logs.gz", self.dir(), self.name)
    }

    pub fn resource_list(&self) -> String {
        format!("{}{}-resource-list.json.gz", self.dir(), self.name)
    }

    pub fn results(&self) -> String {
        format!("{}{}-results.gz", self.dir(), self.name)
    }

    pub fn volume_snapshots(&self) -> String {
        format!("{}{}-volumesnapshots.json.gz", self.dir(), self.name)
    }

    pub fn item_operations(&self) -> String {
        format!("{}{}-itemoperations.json.gz", self.dir(), self.name)
    }

    /// Our integrity record (SHA-256 of every tarball entry and of the tarball); Velero never
    /// reads it and deletes it with the rest of `backups/<B>/`.
    pub fn integrity(&self) -> String {
        format!(
            "{}{}-kubectl-backup-integrity.json.gz",
            self.dir(),
            self.name
        )
    }
}

/// Velero's backup names are Kubernetes object names; we also use them as path components.
pub fn validate_backup_name(name: &str) -> Result<()> {
    if !crate::kube::is_dns_subdomain(name) {
        bail!(
            "invalid backup name {name:?}: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (at most 253 characters)"
        );
    }
    Ok(())
}

/// Where an item sits in the tarball.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemPath {
    /// `configmaps`, `deployments.apps`.
    pub group_resource: String,
    /// `None` for the un-versioned copy restore reads; `Some("v1-preferredversion")` or
    /// `Some("v1beta1")` for a version directory.
    pub version_dir: Option<String>,
    /// `None` for cluster-scoped items.
    pub namespace: Option<String>,
    pub name: String,
}

impl ItemPath {
    pub fn new(group_resource: &str, namespace: Option<&str>, name: &str) -> Self {
        ItemPath {
            group_resource: group_resource.to_string(),
            version_dir: None,
            namespace: namespace.map(str::to_string),
            name: name.to_string(),
        }
    }

    /// The same item under `<version>-preferredversion/`.
    pub fn preferred_copy(&self, version: &str) -> Self {
        ItemPath {
            version_dir: Some(format!("{version}{PREFERRED_VERSION_SUFFIX}")),
            ..self.clone()
        }
    }

    /// The preferred API version when this is a `-preferredversion` copy.
    pub fn preferred_version(&self) -> Option<&str> {
        self.version_dir
            .as_deref()
            .and_then(|d| d.strip_suffix(PREFERRED_VERSION_SUFFIX))
    }

    pub fn to_entry_path(&self) -> String {
        let mut path = format!("{RESOURCES_DIR}/{}/", self.group_resource);
        if let Some(version) = &self.version_dir {
            path.push_str(version);
            path.push('/');
        }
        match &self.namespace {
            Some(ns) => {
                path.push_str(NAMESPACES_DIR);
                path.push('/');
                path.push_str(ns);
            }
            None => path.push_str(CLUSTER_DIR),
        }
        path.push('/');
        path.push_str(&self.name);
        path.push_str(".json");
        path
    }

    /// Parses `resources/<gr>[/<version>]/(cluster|namespaces/<ns>)/<name>.json`. Anything
    /// else under `resources/` is refused; the caller has already vetted the components.
    pub fn parse(path: &str) -> Result<Self> {
        let Some(rest) = path.strip_prefix("resources/") else {
            bail!("{path:?} is not under resources/");
        };
        let parts: Vec<&str> = rest.split('/').collect();
        let bad = || {
            anyhow::anyhow!(
                "unexpected entry {path:?}: expected resources/<type>/[<version>/](cluster|namespaces/<ns>)/<name>.json"
            )
        };
        let (group_resource, version_dir, scope) = match parts.as_slice() {
            [gr, CLUSTER_DIR, ..] | [gr, NAMESPACES_DIR, ..] => (*gr, None, &parts[1..]),
            [gr, version, scope @ ..] => (*gr, Some(version.to_string()), scope),
            _ => return Err(bad()),
        };
        let (namespace, file) = match scope {
            [CLUSTER_DIR, file] => (None, *file),
            [NAMESPACES_DIR, ns, file] => (Some(ns.to_string()), *file),
            _ => return Err(bad()),
        };
        let Some(name) = file.strip_suffix(".json") else {
            return Err(bad());
        };
        if name.is_empty() || group_resource.is_empty() {
            return Err(bad());
        }
        Ok(ItemPath {
            group_resource: group_resource.to_string(),
            version_dir,
            namespace,
            name: name.to_string(),
        })
    }
}

/// `ns/name` or `name`: how Velero's resource list and our messages name an item.
pub fn qualified_name(namespace: Option<&str>, name: &str) -> String {
    match namespace {
        Some(ns) if !ns.is_empty() => format!("{ns}/{name}"),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_keys_match_velero() {
        let keys = BackupKeys::new("nightly");
        assert_eq!(keys.metadata(), "backups/nightly/velero-backup.json");
        assert_eq!(keys.tarball(), "backups/nightly/nightly.tar.gz");
        assert_eq!(keys.logs(), "backups/nightly/nightly-logs.gz");
        assert_eq!(
            keys.resource_list(),
            "backups/nightly/nightly-resource-list.json.gz"
        );
        assert_eq!(keys.results(), "backups/nightly/nightly-results.gz");
        assert!(keys.integrity().starts_with(&keys.dir()));
    }

    #[test]
    fn entry_paths_round_trip() {
        let item = ItemPath::new("deployments.apps", Some("shop"), "web");
        assert_eq!(
            item.to_entry_path(),
            "resources/deployments.apps/namespaces/shop/web.json"
        );
        let copy = item.preferred_copy("v1");
        assert_eq!(
            copy.to_entry_path(),
            "resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json"
        );
        assert_eq!(copy.preferred_version(), Some("v1"));
        assert_eq!(ItemPath::parse(&copy.to_entry_path()).unwrap(), copy);
        let ns = ItemPath::new("namespaces", None, "shop");
        assert_eq!(ns.to_entry_path(), "resources/namespaces/cluster/shop.json");
        assert_eq!(ItemPath::parse(&ns.to_entry_path()).unwrap(), ns);
    }

    #[test]
    fn odd_entries_are_refused() {
        for bad in [
            "resources/pods/namespaces/a.json",
            "resources/pods/cluster/x/y.json",
            "resources/pods/namespaces/ns/x.yaml",
            "resources/pods",
            "metadata/version",
        ] {
            assert!(ItemPath::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn backup_names() {
        assert!(validate_backup_name("nightly-2026.01").is_ok());
        for bad in ["", "Nightly", "../x", "a/b", "-a", "a-"] {
            assert!(validate_backup_name(bad).is_err(), "{bad}");
        }
    }
}
