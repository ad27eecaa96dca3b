//! Where an ActionSet lives: as a `cr.kanister.io` resource when the CRD is served (so
//! `kubectl get actionsets` and the controller's tools see client-side runs too); without the
//! CRD, as a JSON object next to the data of the Profile it uses (the local default directory
//! when it names none), under [`RECORD_PREFIX`]`/<namespace>/<name>.json`. That prefix sits in
//! `plugins/`, one of the top-level directories Velero's store validation accepts (`backups`,
//! `restores`, `restic`, `kopia`, `metadata`, `plugins`; any other one marks a
//! BackupStorageLocation Unavailable) and the one Velero itself never reads, lists or deletes, so
//! a profile that shares its bucket and prefix with a Velero location never puts it out of
//! service. Records older versions wrote under [`OLD_RECORD_PREFIX`] are still read, and moved to
//! the new place by the next record written there. Status is written
//! the way the controller writes it: the whole object is replaced (there is no status
//! subresource), retried on conflict. Object stores replace an object atomically, so a reader
//! sees the previous record or the new one, never half of one.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result, anyhow, bail};
use futures::{StreamExt, TryStreamExt};
use kube::api::{Api, DeleteParams, DynamicObject, ListParams, PostParams};
use kube::core::GroupVersionKind;
use kube::discovery::ApiResource;
use tokio::sync::OnceCell;

use super::types::{API_VERSION, ActionSet, ActionSetStatus, GROUP, KIND, PLURAL, VERSION};
use crate::kube::{Cluster, describe_error, is_conflict, is_not_found};
use crate::profile::{DestinationRequest, ProfileStore};
use crate::storage::ObjectStore;

/// Key prefix of the records inside a destination (after the profile's own prefix): under
/// Velero's `plugins/`, so a Velero location sharing the prefix stays Available.
pub const RECORD_PREFIX: &str = "plugins/kubectl-backup/actionsets";

/// Where older versions wrote records: a top-level directory Velero's validation refuses.
/// Still read; moved to [`RECORD_PREFIX`] when a record is next written to that destination.
pub const OLD_RECORD_PREFIX: &str = "kubectl-backup/actionsets";

/// How many records a listing reads at once.
const READ_CONCURRENCY: usize = 8;

pub fn api_resource() -> ApiResource {
    ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(GROUP, VERSION, KIND), PLURAL)
}

/// The key of a record inside its destination.
pub fn record_key(namespace: &str, name: &str) -> String {
    format!("{RECORD_PREFIX}/{namespace}/{name}.json")
}

/// The key older versions used for the same record.
pub fn old_record_key(namespace: &str, name: &str) -> String {
    format!("{OLD_RECORD_PREFIX}/{namespace}/{name}.json")
}

/// Where ActionSets are kept for one cluster. With the CRD, the records written before it was
/// installed (`earlier`) are still listed, read, used by `--from` and deleted, so installing
/// Kanister never hides a backup; `kubectl backup migrate` moves them into resources.
#[derive(Clone)]
pub enum Store {
    Resource {
        cluster: Cluster,
        earlier: Arc<ObjectRecords>,
    },
    Objects(Arc<ObjectRecords>),
}

/// One destination that can hold records.
#[derive(Clone)]
struct Place {
    /// For messages: `profile kanister/s3`, `local default /home/me/...`.
    name: String,
    store: ObjectStore,
}

/// Records kept in object stores: the destination of the Profile a record's actions use, else
/// the local default. Readers search every Profile they can see (or only `--profile`), the
/// local default, and the directory older versions wrote to.
pub struct ObjectRecords {
    cluster: Cluster,
    only: Option<String>,
    places: OnceCell<Vec<Place>>,
    /// Where each record was found or written, so later writes go back there.
    known: Mutex<HashMap<(String, String), Place>>,
    /// `<data dir>/actionsets/<ns>/<name>.json`, where records were kept before.
    legacy: Option<PathBuf>,
    /// Read beside the CRD: a destination that cannot be searched is not worth a warning on
    /// every command, only on `migrate`.
    quiet: bool,
}

impl Store {
    /// The CRD when the API server serves `actionsets.cr.kanister.io`, else object-store
    /// records; `profile` (`[ns/]name`) restricts where those are searched.
    pub async fn open(cluster: &Cluster, profile: Option<&str>) -> Result<Store> {
        let api: Api<DynamicObject> = Api::all_with(cluster.client.clone(), &api_resource());
        let records = |quiet| {
            Arc::new(ObjectRecords {
                cluster: cluster.clone(),
                only: profile.map(str::to_string),
                places: OnceCell::new(),
                known: Mutex::new(HashMap::new()),
                // Older versions kept records in the data directory, which no profile names.
                legacy: match profile {
                    Some(_) => None,
                    None => crate::profile::default_root()
                        .ok()
                        .map(|r| r.join("actionsets")),
                },
                quiet,
            })
        };
        match api.list(&ListParams::default().limit(1)).await {
            Ok(_) => Ok(Store::Resource {
                cluster: cluster.clone(),
                earlier: records(true),
            }),
            Err(e) if is_not_found(&e) => Ok(Store::Objects(records(false))),
            Err(e) => Err(anyhow!(
                "listing actionsets: {}",
                describe_error(&cluster.server, &e)
            )),
        }
    }

    pub fn is_resource(&self) -> bool {
        matches!(self, Store::Resource { .. })
    }

    fn api(cluster: &Cluster, namespace: &str) -> Api<DynamicObject> {
        Api::namespaced_with(cluster.client.clone(), namespace, &api_resource())
    }

    /// Creates the ActionSet; returns it as stored (name, uid, resourceVersion filled in).
    pub async fn create(&self, actionset: &ActionSet) -> Result<ActionSet> {
        self.create_with(actionset, &PostParams::default()).await
    }

    /// [`Store::create`] with kubectl's POST parameters: with `dry_run` the API server admits
    /// the ActionSet (validation, defaults) and stores nothing. Records kept without the
    /// ActionSet CRD have no server to ask, so a server dry run is refused there.
    pub async fn create_with(
        &self,
        actionset: &ActionSet,
        params: &PostParams,
    ) -> Result<ActionSet> {
        let namespace = actionset.metadata.namespace.clone().unwrap_or_default();
        let name = actionset.metadata.name.clone().unwrap_or_default();
        let mut object = actionset.clone();
        object.api_version = API_VERSION.to_string();
        object.kind = KIND.to_string();
        match self {
            Store::Resource { cluster, .. } => {
                let dynamic: DynamicObject =
                    serde_json::from_value(serde_json::to_value(&object)?)?;
                let created = Self::api(cluster, &namespace)
                    .create(params, &dynamic)
                    .await
                    .map_err(|e| {
                        anyhow!(
                            "creating actionset {namespace}/{name}: {}",
                            describe_error(&cluster.server, &e)
                        )
                    })?;
                Ok(serde_json::from_value(serde_json::to_value(created)?)?)
            }
            Store::Objects(_) if params.dry_run => bail!(
                "--dry-run=server needs Kanister's ActionSet CRD, which is not installed (without \
                 it ActionSets are kept as records of this plugin, with no API server to admit \
                 them); use --dry-run=client to see the ActionSet"
            ),
            Store::Objects(records) => {
                if object.metadata.creation_timestamp.is_none() {
                    object.metadata.creation_timestamp = Some(now_time());
                }
                records.create(&namespace, &name, &object).await?;
                Ok(object)
            }
        }
    }

    pub async fn get(&self, namespace: &str, name: &str) -> Result<Option<ActionSet>> {
        match self {
            Store::Resource { cluster, earlier } => {
                match Self::api(cluster, namespace).get(name).await {
                    Ok(o) => Ok(Some(serde_json::from_value(serde_json::to_value(o)?)?)),
                    Err(e) if is_not_found(&e) => Ok(earlier.get_quietly(namespace, name).await),
                    Err(e) => Err(anyhow!(
                        "reading actionset {namespace}/{name}: {}",
                        describe_error(&cluster.server, &e)
                    )),
                }
            }
            Store::Objects(records) => records.get(namespace, name).await,
        }
    }

    pub async fn require(&self, namespace: &str, name: &str) -> Result<ActionSet> {
        self.get(namespace, name)
            .await?
            .ok_or_else(|| anyhow!("actionset {name:?} not found in namespace {namespace:?}"))
    }

    pub async fn list(&self, namespace: Option<&str>) -> Result<Vec<ActionSet>> {
        let mut items: Vec<ActionSet> = match self {
            Store::Resource { cluster, earlier } => {
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
                let mut items: Vec<ActionSet> = list
                    .items
                    .into_iter()
                    .filter_map(|o| serde_json::to_value(o).ok())
                    .filter_map(|v| serde_json::from_value(v).ok())
                    .collect();
                // A resource and an earlier record of the same name: the resource wins.
                for record in earlier.list_quietly(namespace).await {
                    let same = |a: &ActionSet| {
                        a.metadata.namespace == record.metadata.namespace
                            && a.metadata.name == record.metadata.name
                    };
                    if !items.iter().any(same) {
                        items.push(record);
                    }
                }
                items
            }
            Store::Objects(records) => records.list(namespace).await?,
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
            Store::Resource { cluster, earlier } => {
                match Self::api(cluster, namespace)
                    .delete(name, &DeleteParams::default())
                    .await
                {
                    Ok(_) => Ok(true),
                    Err(e) if is_not_found(&e) => earlier.delete(namespace, name).await,
                    Err(e) => Err(anyhow!(
                        "deleting actionset {namespace}/{name}: {}",
                        describe_error(&cluster.server, &e)
                    )),
                }
            }
            Store::Objects(records) => records.delete(namespace, name).await,
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
            Store::Resource { cluster, .. } => {
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
            Store::Objects(records) => records.write_status(namespace, name, status).await,
        }
    }
}

impl ObjectRecords {
    /// The records written without the CRD, when the CRD is installed now (for `migrate`).
    pub fn of(store: &Store) -> Option<Arc<ObjectRecords>> {
        match store {
            Store::Resource { earlier, .. } => Some(earlier.clone()),
            Store::Objects(_) => None,
        }
    }

    fn warn(&self, message: String) {
        if self.quiet {
            tracing::debug!("{message}");
        } else {
            crate::actionset::note!("warning: {message}");
        }
    }

    async fn get_quietly(&self, namespace: &str, name: &str) -> Option<ActionSet> {
        match self.get(namespace, name).await {
            Ok(found) => found,
            Err(e) => {
                tracing::debug!("records written without the ActionSet CRD not searched: {e:#}");
                None
            }
        }
    }

    async fn list_quietly(&self, namespace: Option<&str>) -> Vec<ActionSet> {
        match self.list(namespace).await {
            Ok(found) => found,
            Err(e) => {
                tracing::debug!("records written without the ActionSet CRD not listed: {e:#}");
                Vec::new()
            }
        }
    }

    /// Every record, everywhere (warning about destinations that cannot be searched).
    pub async fn list_all(&self) -> Result<Vec<ActionSet>> {
        self.list(None).await
    }

    /// Deletes one record (after it was moved into a resource).
    pub async fn remove(&self, namespace: &str, name: &str) -> Result<bool> {
        self.delete(namespace, name).await
    }

    /// Every destination records may be in: `--profile` only, or each Profile this user can
    /// read (a Profile that cannot be resolved is skipped with a warning) plus the local
    /// default. Destinations sharing a bucket and prefix are searched once.
    async fn places(&self) -> Result<&Vec<Place>> {
        self.places
            .get_or_try_init(|| async {
                if let Some(reference) = &self.only {
                    let destination = crate::profile::resolve(
                        Some(&self.cluster),
                        &DestinationRequest::Profile(reference.clone()),
                    )
                    .await?;
                    return Ok(vec![Place {
                        name: destination.name.clone(),
                        store: destination.store()?,
                    }]);
                }
                let mut places: Vec<Place> = Vec::new();
                let profiles = ProfileStore::open(&self.cluster).await?;
                let stored = match profiles.list(None).await {
                    Ok(all) => all,
                    Err(_) => profiles.list(Some(&self.cluster.namespace)).await?,
                };
                for profile in stored {
                    let what = format!("profile {}/{}", profile.namespace(), profile.name());
                    match crate::profile::destination::from_profile(&self.cluster, &profile)
                        .await
                        .and_then(|d| d.store())
                    {
                        Ok(store) => push_place(&mut places, Place { name: what, store }),
                        Err(e) => self.warn(format!(
                            "actionset records in {what} are not searched: {e:#}"
                        )),
                    }
                }
                let local = crate::profile::local_default()?;
                push_place(
                    &mut places,
                    Place {
                        name: local.name.clone(),
                        store: local.store()?,
                    },
                );
                Ok(places)
            })
            .await
    }

    /// Where a new record goes: the destination of the Profile its actions use, else the local
    /// default.
    async fn place_for(&self, actionset: &ActionSet) -> Result<Place> {
        let profile = actionset
            .spec
            .iter()
            .flat_map(|s| s.actions.iter())
            .find_map(|a| a.profile.clone());
        let request = match profile {
            Some(p) => DestinationRequest::Profile(format!("{}/{}", p.namespace, p.name)),
            None => DestinationRequest::Default,
        };
        let destination = crate::profile::resolve(Some(&self.cluster), &request)
            .await
            .context("choosing where to record the actionset")?;
        Ok(Place {
            name: destination.name.clone(),
            store: destination.store()?,
        })
    }

    fn legacy_file(&self, namespace: &str, name: &str) -> Option<PathBuf> {
        self.legacy
            .as_ref()
            .map(|root| root.join(namespace).join(format!("{name}.json")))
    }

    fn remember(&self, namespace: &str, name: &str, place: &Place) {
        self.known
            .lock()
            .unwrap()
            .insert((namespace.to_string(), name.to_string()), place.clone());
    }

    fn remembered(&self, namespace: &str, name: &str) -> Option<Place> {
        self.known
            .lock()
            .unwrap()
            .get(&(namespace.to_string(), name.to_string()))
            .cloned()
    }

    async fn create(&self, namespace: &str, name: &str, object: &ActionSet) -> Result<()> {
        let place = self.place_for(object).await?;
        let exists = Self::read(&place, &record_key(namespace, name))
            .await?
            .is_some()
            || self
                .legacy_file(namespace, name)
                .is_some_and(|path| path.exists());
        let exists = exists
            || Self::read(&place, &old_record_key(namespace, name))
                .await?
                .is_some();
        if exists {
            bail!(
                "actionset {name:?} already exists in namespace {namespace:?} ({})",
                place.name
            );
        }
        write_record(&place, namespace, name, object).await?;
        self.remember(namespace, name, &place);
        move_old_records(&place).await;
        Ok(())
    }

    /// The record at its key, else at the key older versions used.
    async fn read_any(place: &Place, namespace: &str, name: &str) -> Result<Option<ActionSet>> {
        match Self::read(place, &record_key(namespace, name)).await? {
            Some(found) => Ok(Some(found)),
            None => Self::read(place, &old_record_key(namespace, name)).await,
        }
    }

    async fn read(place: &Place, key: &str) -> Result<Option<ActionSet>> {
        match place.store.get_bytes(key).await {
            Ok(bytes) => Ok(Some(serde_json::from_slice(&bytes).with_context(|| {
                format!("{key} in {} is not a complete ActionSet record", place.name)
            })?)),
            Err(e) if e.is_not_found() => Ok(None),
            Err(e) => Err(anyhow!("reading {key} in {}: {e}", place.name)),
        }
    }

    async fn get(&self, namespace: &str, name: &str) -> Result<Option<ActionSet>> {
        if let Some(place) = self.remembered(namespace, name)
            && let Some(found) = Self::read_any(&place, namespace, name).await?
        {
            return Ok(Some(found));
        }
        // One unreachable destination must not hide a record kept in another.
        let mut problems = Vec::new();
        for place in self.places().await? {
            match Self::read_any(place, namespace, name).await {
                Ok(Some(found)) => {
                    self.remember(namespace, name, place);
                    return Ok(Some(found));
                }
                Ok(None) => {}
                Err(e) => problems.push(format!("{e:#}")),
            }
        }
        let legacy = self.legacy_file(namespace, name);
        if !problems.is_empty() && !legacy.as_ref().is_some_and(|p| p.exists()) {
            bail!(
                "actionset {namespace}/{name} could not be looked up everywhere:\n{}",
                problems.join("\n")
            );
        }
        let Some(path) = legacy else {
            return Ok(None);
        };
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

    async fn list(&self, namespace: Option<&str>) -> Result<Vec<ActionSet>> {
        let mut found: BTreeMap<(String, String), ActionSet> = BTreeMap::new();
        // Where a record is in both places (a move cut short), the new one wins.
        let prefixes = [RECORD_PREFIX, OLD_RECORD_PREFIX].map(|root| match namespace {
            Some(ns) => format!("{root}/{ns}/"),
            None => format!("{root}/"),
        });
        let places = self.places().await?;
        for (place, prefix) in places
            .iter()
            .flat_map(|place| prefixes.iter().map(move |prefix| (place, prefix)))
        {
            let keys: Vec<String> = match list_records(place, prefix).await {
                Ok(keys) => keys,
                Err(e) => {
                    self.warn(format!(
                        "cannot list actionset records in {}: {e}",
                        place.name
                    ));
                    continue;
                }
            };
            let records: Vec<Result<Option<ActionSet>>> = futures::stream::iter(keys)
                .map(|key| async move { Self::read(place, &key).await })
                .buffered(READ_CONCURRENCY)
                .collect()
                .await;
            for record in records {
                match record {
                    Ok(Some(a)) => {
                        let id = (
                            a.metadata.namespace.clone().unwrap_or_default(),
                            a.metadata.name.clone().unwrap_or_default(),
                        );
                        self.remember(&id.0, &id.1, place);
                        found.entry(id).or_insert(a);
                    }
                    Ok(None) => {}
                    Err(e) => self.warn(format!("{e:#}")),
                }
            }
        }
        for a in self.legacy_list(namespace) {
            let id = (
                a.metadata.namespace.clone().unwrap_or_default(),
                a.metadata.name.clone().unwrap_or_default(),
            );
            found.entry(id).or_insert(a);
        }
        Ok(found.into_values().collect())
    }

    fn legacy_list(&self, namespace: Option<&str>) -> Vec<ActionSet> {
        let Some(root) = &self.legacy else {
            return Vec::new();
        };
        let dirs: Vec<PathBuf> = match namespace {
            Some(ns) => vec![root.join(ns)],
            None => std::fs::read_dir(root)
                .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
                .unwrap_or_default(),
        };
        let mut items = Vec::new();
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

    async fn delete(&self, namespace: &str, name: &str) -> Result<bool> {
        let keys = [record_key(namespace, name), old_record_key(namespace, name)];
        let mut deleted = false;
        let mut problems = Vec::new();
        for place in self.places().await? {
            for key in &keys {
                match place.store.head(key).await {
                    Ok(Some(_)) => match place.store.delete(key).await {
                        Ok(()) => deleted = true,
                        Err(e) => problems.push(format!("deleting {key} in {}: {e}", place.name)),
                    },
                    Ok(None) => {}
                    Err(e) => problems.push(format!("reading {key} in {}: {e}", place.name)),
                }
            }
        }
        if let Some(path) = self.legacy_file(namespace, name) {
            match std::fs::remove_file(&path) {
                Ok(()) => deleted = true,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => bail!("deleting {}: {e}", path.display()),
            }
        }
        self.known
            .lock()
            .unwrap()
            .remove(&(namespace.to_string(), name.to_string()));
        if !problems.is_empty() {
            if !deleted {
                bail!("{}", problems.join("\n"));
            }
            for problem in problems {
                crate::actionset::note!("warning: {problem}");
            }
        }
        Ok(deleted)
    }

    async fn write_status(
        &self,
        namespace: &str,
        name: &str,
        status: &ActionSetStatus,
    ) -> Result<()> {
        let mut object = self
            .get(namespace, name)
            .await?
            .ok_or_else(|| anyhow!("actionset record {namespace}/{name} is gone"))?;
        object.status = Some(status.clone());
        match self.remembered(namespace, name) {
            Some(place) => {
                write_record(&place, namespace, name, &object).await?;
                // A record older versions wrote moves to the new place with its first update.
                let old = old_record_key(namespace, name);
                if let Ok(Some(_)) = place.store.head(&old).await
                    && let Err(e) = place.store.delete(&old).await
                {
                    crate::actionset::note!("warning: deleting {old} in {}: {e}", place.name);
                }
                Ok(())
            }
            // A record from before records moved next to the profile's data.
            None => match self.legacy_file(namespace, name) {
                Some(path) => write_legacy_file(&path, &object),
                None => bail!("actionset record {namespace}/{name} is gone"),
            },
        }
    }
}

fn push_place(places: &mut Vec<Place>, place: Place) {
    let same = |p: &Place| {
        p.store.location() == place.store.location() && p.store.prefix() == place.store.prefix()
    };
    if !places.iter().any(same) {
        places.push(place);
    }
}

/// The record keys under `prefix` in one destination.
async fn list_records(
    place: &Place,
    prefix: &str,
) -> Result<Vec<String>, crate::storage::StorageError> {
    place
        .store
        .list(prefix)
        .try_filter_map(|meta| async move { Ok(meta.key.ends_with(".json").then_some(meta.key)) })
        .try_collect()
        .await
}

/// Moves the records older versions wrote under [`OLD_RECORD_PREFIX`] of this destination to
/// [`RECORD_PREFIX`] (a record already in the new place wins), so a Velero location sharing the
/// prefix becomes valid again. Best effort: what cannot be moved stays where it is readable, with
/// a warning.
async fn move_old_records(place: &Place) {
    let keys = match list_records(place, &format!("{OLD_RECORD_PREFIX}/")).await {
        Ok(keys) => keys,
        Err(e) => {
            crate::actionset::note!(
                "warning: cannot list old actionset records in {}: {e}",
                place.name
            );
            return;
        }
    };
    let mut moved = 0;
    for old in keys {
        let new = format!("{RECORD_PREFIX}/{}", &old[OLD_RECORD_PREFIX.len() + 1..]);
        let step = async {
            if place.store.head(&new).await?.is_none() {
                let bytes = place.store.get_bytes(&old).await?;
                place.store.put_bytes(&new, bytes).await?;
            }
            place.store.delete(&old).await
        };
        match step.await {
            Ok(()) => moved += 1,
            Err(e) => crate::actionset::note!("warning: cannot move {old} in {}: {e}", place.name),
        }
    }
    if moved > 0 {
        crate::actionset::note!(
            "note: moved {moved} actionset record(s) in {} from {OLD_RECORD_PREFIX}/ to {RECORD_PREFIX}/ (Velero marks a storage location with other top-level directories Unavailable)",
            place.name
        );
    }
}

/// One PUT of the whole record: object stores make it visible all at once.
async fn write_record(
    place: &Place,
    namespace: &str,
    name: &str,
    object: &ActionSet,
) -> Result<()> {
    let key = record_key(namespace, name);
    let bytes = serde_json::to_vec_pretty(object)?;
    place.store.put_bytes(&key, bytes).await.map_err(|e| {
        anyhow!(
            "recording actionset {namespace}/{name} in {}: {e}",
            place.name
        )
    })?;
    Ok(())
}

/// Now, as a Kubernetes `Time` (second precision, as the API server stores it).
pub fn now_time() -> k8s_openapi::apimachinery::pkg::apis::meta::v1::Time {
    let text = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    serde_json::from_value(serde_json::Value::String(text)).expect("RFC 3339 time parses")
}

fn write_legacy_file(path: &std::path::Path, object: &ActionSet) -> Result<()> {
    let dir = path.parent().expect("record path has a directory");
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let temp = tempfile::NamedTempFile::new_in(dir)?;
    serde_json::to_writer_pretty(&temp, object)?;
    temp.persist(path)
        .map_err(|e| anyhow!("cannot write {}: {}", path.display(), e.error))?;
    Ok(())
}
