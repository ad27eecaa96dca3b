//! "Where does this backup go?" for every capability, in one function: [`resolve`].
//!
//! - `--profile [ns/]NAME`: a Kanister Profile (or our labelled-Secret profile), credentials read
//!   from the Secret it names;
//! - `--location [ns/]NAME`: a Velero BackupStorageLocation with Velero's own credentials;
//! - neither: the embedded default, a directory under `$XDG_DATA_HOME/kubectl-backup`
//!   (`~/.local/share/kubectl-backup` without XDG_DATA_HOME), so a new user needs no setup.
//!
//! The result carries a [`StorageConfig`], a display name, and the Kanister `.Profile` template
//! value. Nothing here prints or formats a credential: `Debug` is redacted throughout.

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow, bail};

use super::bsl;
use super::credentials::{self, LOCAL_TYPE, local_endpoint};
use super::store::{ProfileStore, Storage};
use super::template_value::{TemplateCredential, TemplateProfile};
use super::types::{Location, LocationType};
use crate::kube::Cluster;
use crate::storage::{LocalConfig, ObjectStore, StorageConfig, TransferOptions};

/// What the user asked for on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DestinationRequest {
    /// `--profile [ns/]NAME` (namespace defaults to the cluster's current namespace).
    Profile(String),
    /// `--location [ns/]NAME`: a Velero BackupStorageLocation (namespace defaults to `velero`).
    Location(String),
    /// Neither: the local default directory.
    Default,
}

impl DestinationRequest {
    /// From the two flags; giving both is an error.
    pub fn from_flags(profile: Option<&str>, location: Option<&str>) -> Result<Self> {
        match (profile, location) {
            (Some(_), Some(_)) => bail!("give either --profile or --location, not both"),
            (Some(p), None) if p.trim().is_empty() => bail!("--profile must not be empty"),
            (None, Some(l)) if l.trim().is_empty() => bail!("--location must not be empty"),
            (Some(p), None) => Ok(Self::Profile(p.trim().to_string())),
            (None, Some(l)) => Ok(Self::Location(l.trim().to_string())),
            (None, None) => Ok(Self::Default),
        }
    }

    /// Does resolving this need the cluster?
    pub fn needs_cluster(&self) -> bool {
        !matches!(self, Self::Default)
    }
}

/// Which kind of destination was resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DestinationSource {
    Profile {
        namespace: String,
        name: String,
        storage: Storage,
    },
    Location {
        namespace: String,
        name: String,
    },
    LocalDefault {
        root: PathBuf,
    },
}

/// A resolved place to read and write objects.
#[derive(Debug, Clone)]
pub struct Destination {
    /// For messages: `profile kanister/s3-profile-x7k2p`, `location velero/default`,
    /// `local default /home/me/.local/share/kubectl-backup`.
    pub name: String,
    pub source: DestinationSource,
    pub storage: StorageConfig,
    /// The Kanister `.Profile` template value (credentials resolved; `Debug` redacted). A local
    /// directory gets `location.type: local`, which `kando` in a pod cannot use.
    pub template: TemplateProfile,
    /// Where the credentials came from, for `profile validate` and `describe`.
    pub credentials_source: String,
}

impl Destination {
    /// An object store for this destination, with default transfer options.
    pub fn store(&self) -> Result<ObjectStore> {
        self.store_with(TransferOptions::default())
    }

    pub fn store_with(&self, options: TransferOptions) -> Result<ObjectStore> {
        ObjectStore::with_options(self.storage.clone(), options)
            .map_err(|e| anyhow!("{}: {e}", self.name))
    }

    /// Is this a directory on this machine (pods cannot reach it)?
    pub fn is_local(&self) -> bool {
        matches!(self.storage, StorageConfig::Local(_))
    }

    /// Refuses a key that would put a Velero location out of service: Velero's store validation
    /// marks a BackupStorageLocation Unavailable when its prefix holds a top-level directory
    /// other than its own, so writes through `--location` must stay inside those.
    pub fn check_velero_layout(&self, path: &str) -> Result<()> {
        if !matches!(self.source, DestinationSource::Location { .. }) {
            return Ok(());
        }
        if velero_layout_allows(path) {
            return Ok(());
        }
        bail!(
            "{}: refusing to write {path:?}: Velero marks a location Unavailable when its prefix \
             holds a top-level directory other than {}; use a path under plugins/ (e.g. \
             plugins/{}) or a profile instead of --location",
            self.name,
            VELERO_TOP_LEVEL_DIRS.join(", "),
            path.trim_start_matches('/')
        )
    }
}

/// The top-level directories Velero's object-store validation accepts under a location's prefix
/// (`pkg/persistence/object_store_layout.go`).
pub const VELERO_TOP_LEVEL_DIRS: &[&str] = &[
    "backups", "restores", "restic", "kopia", "metadata", "plugins",
];

/// Whether an object at `path` (relative to a Velero location's prefix) sits inside one of
/// Velero's own top-level directories.
pub fn velero_layout_allows(path: &str) -> bool {
    let path = path.trim_start_matches('/');
    match path.split_once('/') {
        Some((top, rest)) => !rest.is_empty() && VELERO_TOP_LEVEL_DIRS.contains(&top),
        None => false,
    }
}

/// Resolve `request`. `cluster` is needed for profiles and locations, not for the local default.
pub async fn resolve(
    cluster: Option<&Cluster>,
    request: &DestinationRequest,
) -> Result<Destination> {
    match request {
        DestinationRequest::Profile(reference) => {
            let cluster =
                cluster.context("--profile needs access to the cluster that holds the profile")?;
            let (namespace, name) = split_reference(reference, &cluster.namespace);
            let store = ProfileStore::open(cluster).await?;
            let stored = store.require(&namespace, &name).await?;
            from_profile(cluster, &stored).await
        }
        DestinationRequest::Location(reference) => {
            let cluster = cluster.context(
                "--location needs access to the cluster that holds the BackupStorageLocation",
            )?;
            let object = bsl::find(cluster, reference).await?;
            let namespace = object.metadata.namespace.clone().unwrap_or_default();
            let name = object.metadata.name.clone().unwrap_or_default();
            let resolved = bsl::resolve(cluster, &object).await?;
            Ok(Destination {
                name: format!("location {namespace}/{name}"),
                source: DestinationSource::Location { namespace, name },
                storage: resolved.storage,
                template: resolved.template,
                credentials_source: resolved.credentials_source,
            })
        }
        DestinationRequest::Default => local_default(),
    }
}

/// Resolve an already-read profile (credentials from the cluster).
pub async fn from_profile(
    cluster: &Cluster,
    stored: &super::store::StoredProfile,
) -> Result<Destination> {
    let (namespace, name) = (stored.namespace().to_string(), stored.name().to_string());
    let what = format!("profile {namespace}/{name}");
    let resolved = credentials::resolve(cluster, &stored.profile, &what).await?;
    let profile = &stored.profile;
    let storage = credentials::storage_config(
        &profile.location,
        &resolved.credential,
        profile.skip_ssl_verify,
        &what,
    )?;
    Ok(Destination {
        name: what,
        source: DestinationSource::Profile {
            namespace,
            name,
            storage: stored.storage,
        },
        storage,
        template: TemplateProfile {
            location: profile.location.clone(),
            credential: resolved.credential,
            skip_ssl_verify: profile.skip_ssl_verify,
        },
        credentials_source: resolved.source,
    })
}

/// The embedded default: a local directory that needs no cluster and no credentials.
pub fn local_default() -> Result<Destination> {
    let root = default_root()?;
    std::fs::create_dir_all(&root).with_context(|| {
        format!(
            "cannot create the default backup directory {}",
            root.display()
        )
    })?;
    Ok(Destination {
        name: format!("local default {}", root.display()),
        source: DestinationSource::LocalDefault { root: root.clone() },
        storage: StorageConfig::Local(LocalConfig {
            root: root.clone(),
            prefix: String::new(),
        }),
        template: TemplateProfile {
            location: Location {
                location_type: LocationType::Other(LOCAL_TYPE.into()),
                endpoint: local_endpoint(&root)?,
                ..Default::default()
            },
            credential: TemplateCredential::None,
            skip_ssl_verify: false,
        },
        credentials_source: "none needed (local directory)".into(),
    })
}

/// `$XDG_DATA_HOME/kubectl-backup`, else `$HOME/.local/share/kubectl-backup`.
pub fn default_root() -> Result<PathBuf> {
    if let Some(data) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        let data = PathBuf::from(data);
        // The XDG spec ignores relative values.
        if data.is_absolute() {
            return Ok(data.join("kubectl-backup"));
        }
    }
    let home = std::env::var_os("HOME")
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
            anyhow!("neither XDG_DATA_HOME nor HOME is set: give --profile or --location")
        })?;
    Ok(PathBuf::from(home).join(".local/share/kubectl-backup"))
}

/// `ns/name` or `name` (in `default_namespace`).
pub fn split_reference(reference: &str, default_namespace: &str) -> (String, String) {
    match reference.split_once('/') {
        Some((ns, name)) => (ns.to_string(), name.to_string()),
        None => (default_namespace.to_string(), reference.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_choose_the_source() {
        assert_eq!(
            DestinationRequest::from_flags(None, None).unwrap(),
            DestinationRequest::Default
        );
        assert_eq!(
            DestinationRequest::from_flags(Some("ns/p"), None).unwrap(),
            DestinationRequest::Profile("ns/p".into())
        );
        assert!(DestinationRequest::from_flags(Some("p"), Some("l")).is_err());
        assert_eq!(split_reference("p", "d"), ("d".into(), "p".into()));
        assert_eq!(split_reference("n/p", "d"), ("n".into(), "p".into()));
    }

    #[test]
    fn only_velero_directories_are_written_under_a_location() {
        for path in ["plugins/team/dump.gz", "/plugins/x", "backups/b/extra.txt"] {
            assert!(velero_layout_allows(path), "{path}");
        }
        for path in [
            "dump.gz",
            "app/dump.gz",
            "plugins",
            "plugins/",
            "kubectl-backup/x",
            "backupsx/y",
        ] {
            assert!(!velero_layout_allows(path), "{path}");
        }
    }
}
