//! What becomes of each restored claim's storage, decided before anything is created, so that
//! `--dry-run` and the report can say it (Velero leaves users to find out from a Pending claim).
//!
//! Velero's rules without volume snapshots (we never take any; reference §5.3): a PV with
//! reclaim policy `Delete` is not restored and its claims lose `spec.volumeName`, so the
//! provisioner gives them a new, empty volume (`pvsToProvision`); any other PV is restored as it
//! is, and when it exists already it is left alone: it is never cloned under a new name (that
//! happens only with a snapshot, whose restore makes a new volume), because two PVs on one volume
//! would let two claims write to the same storage.

use std::collections::{BTreeMap, BTreeSet};

use kube::api::{Api, DynamicObject};
use kube::discovery::ApiResource;
use serde::Serialize;
use serde_json::Value;

use super::fixes::FixContext;
use super::plan::Plan;
use crate::kube::{Cluster, describe_error, is_not_found};
use crate::snapshot::selector;
use crate::snapshot::tarball::Archive;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;

/// Where a restored claim's storage comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Storage {
    /// The claim exists in the cluster; the restore leaves it as it is.
    ClaimExists,
    /// Bound to its original PV, restored from the backup.
    RestoredVolume,
    /// Bound to its original PV, which exists in the cluster and is free for it.
    ExistingVolume,
    /// A new, empty volume from its StorageClass: the original PV had reclaim policy `Delete`.
    Reprovisioned,
    /// The claim named no PV in the backup: its StorageClass provisions one as usual.
    Provisioned,
    /// Pending until someone acts; the detail says why and what to do.
    Waiting,
    /// The cluster could not be asked (the detail has its answer).
    Unknown,
}

/// One claim's line in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimStorage {
    /// `namespace/name` in the target cluster.
    pub claim: String,
    pub storage: Storage,
    /// The PV the claim binds or waits for, when one is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    pub detail: String,
}

impl ClaimStorage {
    pub fn line(&self) -> String {
        let word = match self.storage {
            Storage::ClaimExists => "exists",
            Storage::RestoredVolume | Storage::ExistingVolume => "bound",
            Storage::Reprovisioned => "EMPTY",
            Storage::Provisioned => "provisioned",
            Storage::Waiting => "WAITING",
            Storage::Unknown => "unknown",
        };
        format!("{}: {word}: {}", self.claim, self.detail)
    }
}

/// A PV as the backup holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupVolume {
    pub reclaim_policy: String,
    /// Part of this restore's plan (not filtered out).
    pub planned: bool,
}

/// A PV as the cluster holds it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LiveVolume {
    pub phase: String,
    /// `namespace/name` of its `spec.claimRef`.
    pub claimed_by: Option<String>,
    pub claim_uid: Option<String>,
}

/// Everything [`decide`] needs to know about one claim.
#[derive(Debug, Clone)]
pub struct ClaimFacts {
    /// `namespace/name` in the target cluster.
    pub claim: String,
    /// `spec.volumeName` in the backup.
    pub volume_name: Option<String>,
    /// `spec.storageClassName`: `None` takes the default class, `Some("")` means none.
    pub storage_class: Option<String>,
    /// The claim in the cluster already: its phase and `spec.volumeName`.
    pub live_claim: Option<(String, Option<String>)>,
    pub backup_volume: Option<BackupVolume>,
    pub live_volume: Result<Option<LiveVolume>, String>,
}

fn class_words(storage_class: Option<&str>) -> String {
    match storage_class {
        None => "the default StorageClass".to_string(),
        Some(class) => format!("StorageClass {class}"),
    }
}

/// The storage a claim gets from this restore.
pub fn decide(facts: &ClaimFacts) -> ClaimStorage {
    let claim = facts.claim.clone();
    let class = facts.storage_class.as_deref();
    let result = |storage, volume: Option<&str>, detail: String| ClaimStorage {
        claim: claim.clone(),
        storage,
        volume: volume.map(str::to_string),
        detail,
    };
    if let Some((phase, live_volume)) = &facts.live_claim {
        let bound = live_volume
            .as_deref()
            .map(|v| format!(" on PV {v}"))
            .unwrap_or_default();
        return result(
            Storage::ClaimExists,
            live_volume.as_deref(),
            format!("the claim exists ({phase}{bound}); the restore leaves it as it is"),
        );
    }
    let Some(volume) = facts.volume_name.as_deref().filter(|v| !v.is_empty()) else {
        return result(
            Storage::Provisioned,
            None,
            format!(
                "named no PV in the backup: a volume comes from {}",
                class_words(class)
            ),
        );
    };
    if facts
        .backup_volume
        .as_ref()
        .is_some_and(|v| v.reclaim_policy == "Delete")
    {
        if class == Some("") {
            return result(
                Storage::Waiting,
                Some(volume),
                format!(
                    "its PV {volume} had reclaim policy Delete and is not restored (no volume snapshot), and the claim has no StorageClass to provision a new one: it stays Pending until a matching PV is created"
                ),
            );
        }
        return result(
            Storage::Reprovisioned,
            None,
            format!(
                "a new, EMPTY volume from {}: its PV {volume} had reclaim policy Delete and is not restored (the backup holds no volume data)",
                class_words(class)
            ),
        );
    }
    match &facts.live_volume {
        Err(error) => result(
            Storage::Unknown,
            Some(volume),
            format!("could not read its PV {volume}: {error}"),
        ),
        Ok(Some(live)) => match (&live.claimed_by, &live.claim_uid) {
            (Some(other), _) if *other != claim => result(
                Storage::Waiting,
                Some(volume),
                format!(
                    "its PV {volume} exists and belongs to claim {other}; a PV without a volume snapshot is never cloned (two PVs on one volume would let both claims write to it), so this claim stays Pending. For an empty volume instead, delete the claim and create it again without spec.volumeName"
                ),
            ),
            (Some(_), Some(_)) => result(
                Storage::Waiting,
                Some(volume),
                format!(
                    "its PV {volume} exists ({}) and is still reserved for the deleted claim's uid; it binds once that is removed: kubectl patch pv {volume} --type json -p '[{{\"op\":\"remove\",\"path\":\"/spec/claimRef/uid\"}}]'",
                    live.phase
                ),
            ),
            _ => result(
                Storage::ExistingVolume,
                Some(volume),
                format!(
                    "binds to its PV {volume}, which exists in the cluster ({})",
                    live.phase
                ),
            ),
        },
        Ok(None) => match &facts.backup_volume {
            Some(backup) if backup.planned => result(
                Storage::RestoredVolume,
                Some(volume),
                format!(
                    "binds to its PV {volume}, restored from the backup (reclaim policy {})",
                    backup.reclaim_policy
                ),
            ),
            Some(_) => result(
                Storage::Waiting,
                Some(volume),
                format!(
                    "its PV {volume} is in the backup but not in this restore (the filters leave out persistentvolumes), and not in the cluster: the claim stays Pending until it is restored"
                ),
            ),
            None => result(
                Storage::Waiting,
                Some(volume),
                format!(
                    "its PV {volume} is neither in the backup nor in the cluster: the claim stays Pending until a PV of that name exists"
                ),
            ),
        },
    }
}

fn core_resource(kind: &str, plural: &str) -> ApiResource {
    ApiResource {
        group: String::new(),
        version: "v1".into(),
        api_version: "v1".into(),
        kind: kind.into(),
        plural: plural.into(),
    }
}

/// The backup's PVs by name.
pub(super) fn backup_volumes(
    archive: &Archive,
    plan: &Plan,
) -> anyhow::Result<BTreeMap<String, BackupVolume>> {
    let planned_pvs: BTreeSet<&str> = plan
        .types
        .iter()
        .filter(|t| t.group_resource == "persistentvolumes")
        .flat_map(|t| t.items.iter().map(|(_, item)| item.name.as_str()))
        .collect();
    let mut volumes = BTreeMap::new();
    if let Some(index) = archive.resource("persistentvolumes") {
        for item in &index.cluster {
            let pv = archive.read_json(item)?;
            let reclaim_policy = text_at(&pv, "/spec/persistentVolumeReclaimPolicy")
                .unwrap_or_else(|| "Retain".into());
            volumes.insert(
                item.name.clone(),
                BackupVolume {
                    reclaim_policy,
                    planned: planned_pvs.contains(item.name.as_str()),
                },
            );
        }
    }
    Ok(volumes)
}

/// Velero's `pvsToProvision`: every PV of the backup with reclaim policy `Delete`. Taken from
/// the whole backup, not only the planned PVs, so a claim restored without its PV is
/// re-provisioned too rather than left waiting for a PV that is never restored.
pub(super) fn pvs_to_provision(volumes: &BTreeMap<String, BackupVolume>) -> BTreeSet<String> {
    volumes
        .iter()
        .filter(|(_, v)| v.reclaim_policy == "Delete")
        .map(|(name, _)| name.clone())
        .collect()
}

/// Reads the cluster's state of each planned claim and its PV, and decides (see [`decide`]).
/// Run before the first item is created, so it describes the cluster as the restore found it.
pub(super) async fn plan_claims(
    cluster: &Cluster,
    archive: &Archive,
    plan: &Plan,
    fix: &FixContext,
    backup_volumes: &BTreeMap<String, BackupVolume>,
    label_selector: Option<&LabelSelector>,
) -> anyhow::Result<Vec<ClaimStorage>> {
    let pv_api: Api<DynamicObject> = Api::all_with(
        cluster.client.clone(),
        &core_resource("PersistentVolume", "persistentvolumes"),
    );
    let pvc_resource = core_resource("PersistentVolumeClaim", "persistentvolumeclaims");
    let mut live_volumes: BTreeMap<String, Result<Option<LiveVolume>, String>> = BTreeMap::new();
    let mut claims = Vec::new();
    for planned in plan
        .types
        .iter()
        .filter(|t| t.group_resource == "persistentvolumeclaims")
    {
        for (source_ns, item) in &planned.items {
            let Some(source_ns) = source_ns else { continue };
            let pvc = archive.read_json(item)?;
            if let Some(wanted) = label_selector
                && !selector::matches(wanted, &selector::labels_of(&pvc))
            {
                continue;
            }
            let target_ns = fix.map_namespace(source_ns).to_string();
            let claim = format!("{target_ns}/{}", item.name);
            let pvc_api: Api<DynamicObject> =
                Api::namespaced_with(cluster.client.clone(), &target_ns, &pvc_resource);
            let live_claim = match pvc_api.get_opt(&item.name).await {
                Ok(found) => found.map(|live| {
                    let live = serde_json::to_value(live).unwrap_or_default();
                    (
                        text_at(&live, "/status/phase").unwrap_or_else(|| "Pending".into()),
                        text_at(&live, "/spec/volumeName").filter(|v| !v.is_empty()),
                    )
                }),
                Err(e) if is_not_found(&e) => None,
                Err(e) => anyhow::bail!(describe_error(&cluster.server, &e)),
            };
            let volume_name = text_at(&pvc, "/spec/volumeName").filter(|v| !v.is_empty());
            let live_volume = match &volume_name {
                Some(volume) if live_claim.is_none() => {
                    if !live_volumes.contains_key(volume) {
                        let found = read_live_volume(cluster, &pv_api, volume).await;
                        live_volumes.insert(volume.clone(), found);
                    }
                    live_volumes[volume].clone()
                }
                _ => Ok(None),
            };
            let facts = ClaimFacts {
                claim,
                backup_volume: volume_name
                    .as_ref()
                    .and_then(|v| backup_volumes.get(v))
                    .cloned(),
                volume_name,
                storage_class: text_at(&pvc, "/spec/storageClassName"),
                live_claim,
                live_volume,
            };
            claims.push(decide(&facts));
        }
    }
    claims.sort_by(|a, b| a.claim.cmp(&b.claim));
    Ok(claims)
}

async fn read_live_volume(
    cluster: &Cluster,
    api: &Api<DynamicObject>,
    name: &str,
) -> Result<Option<LiveVolume>, String> {
    match api.get_opt(name).await {
        Ok(None) => Ok(None),
        Ok(Some(pv)) => {
            let pv = serde_json::to_value(pv).unwrap_or_default();
            Ok(Some(live_volume(&pv)))
        }
        Err(e) if is_not_found(&e) => Ok(None),
        Err(e) => Err(describe_error(&cluster.server, &e)),
    }
}

/// The parts of a live PV that decide a claim's fate.
pub fn live_volume(pv: &Value) -> LiveVolume {
    let claimed_by = text_at(pv, "/spec/claimRef/namespace")
        .zip(text_at(pv, "/spec/claimRef/name"))
        .map(|(ns, name)| format!("{ns}/{name}"));
    LiveVolume {
        phase: text_at(pv, "/status/phase").unwrap_or_else(|| "Pending".into()),
        claimed_by,
        claim_uid: text_at(pv, "/spec/claimRef/uid").filter(|u| !u.is_empty()),
    }
}

fn text_at(object: &Value, pointer: &str) -> Option<String> {
    object
        .pointer(pointer)
        .and_then(Value::as_str)
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn facts(volume: Option<&str>) -> ClaimFacts {
        ClaimFacts {
            claim: "db-copy/data-db-0".into(),
            volume_name: volume.map(str::to_string),
            storage_class: Some("fast".into()),
            live_claim: None,
            backup_volume: None,
            live_volume: Ok(None),
        }
    }

    fn retained(planned: bool) -> Option<BackupVolume> {
        Some(BackupVolume {
            reclaim_policy: "Retain".into(),
            planned,
        })
    }

    #[test]
    fn a_delete_pv_is_reprovisioned_empty_unless_the_claim_has_no_class() {
        let mut claim = facts(Some("pvc-123"));
        claim.backup_volume = Some(BackupVolume {
            reclaim_policy: "Delete".into(),
            planned: true,
        });
        // Whether or not the original still exists: it is never shared.
        claim.live_volume = Ok(Some(LiveVolume {
            phase: "Bound".into(),
            claimed_by: Some("db/data-db-0".into()),
            claim_uid: Some("u1".into()),
        }));
        let decided = decide(&claim);
        assert_eq!(decided.storage, Storage::Reprovisioned);
        assert_eq!(decided.volume, None);
        assert!(decided.detail.contains("StorageClass fast"), "{decided:?}");
        claim.storage_class = Some(String::new());
        assert_eq!(decide(&claim).storage, Storage::Waiting);
        claim.storage_class = None;
        assert!(decide(&claim).detail.contains("the default StorageClass"));
    }

    #[test]
    fn a_retained_pv_binds_when_restored_or_free_and_waits_when_another_claim_has_it() {
        let mut claim = facts(Some("pv-static"));
        claim.backup_volume = retained(true);
        assert_eq!(decide(&claim).storage, Storage::RestoredVolume);

        claim.backup_volume = retained(false);
        assert_eq!(decide(&claim).storage, Storage::Waiting);
        claim.backup_volume = None;
        assert!(decide(&claim).detail.contains("neither in the backup"));

        // Mapped restore while the original lives: the PV belongs to the original claim.
        claim.backup_volume = retained(true);
        claim.live_volume = Ok(Some(live_volume(&json!({
            "spec": {"claimRef": {"namespace": "db", "name": "data-db-0", "uid": "u1"}},
            "status": {"phase": "Bound"}}))));
        let decided = decide(&claim);
        assert_eq!(decided.storage, Storage::Waiting);
        assert!(
            decided.detail.contains("belongs to claim db/data-db-0"),
            "{decided:?}"
        );
        assert!(decided.detail.contains("never cloned"), "{decided:?}");

        // In place, the PV outlived its deleted claim: Released, still holding the old uid.
        claim.live_volume = Ok(Some(live_volume(&json!({
            "spec": {"claimRef": {"namespace": "db-copy", "name": "data-db-0", "uid": "old"}},
            "status": {"phase": "Released"}}))));
        let decided = decide(&claim);
        assert_eq!(decided.storage, Storage::Waiting);
        assert!(decided.detail.contains("/spec/claimRef/uid"), "{decided:?}");

        // Pre-bound to this claim without a uid, or free: it binds.
        for pv in [
            json!({"spec": {"claimRef": {"namespace": "db-copy", "name": "data-db-0"}}, "status": {"phase": "Available"}}),
            json!({"spec": {}, "status": {"phase": "Available"}}),
        ] {
            claim.live_volume = Ok(Some(live_volume(&pv)));
            assert_eq!(decide(&claim).storage, Storage::ExistingVolume, "{pv}");
        }
    }

    #[test]
    fn an_existing_claim_or_one_without_a_volume_name() {
        let mut claim = facts(Some("pv-static"));
        claim.live_claim = Some(("Bound".into(), Some("pv-static".into())));
        let decided = decide(&claim);
        assert_eq!(decided.storage, Storage::ClaimExists);
        assert!(
            decided.line().contains("Bound on PV pv-static"),
            "{decided:?}"
        );
        assert_eq!(decide(&facts(None)).storage, Storage::Provisioned);
    }
}
