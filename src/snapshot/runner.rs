//! Who runs a snapshot, its schedule or a restore: an installed Velero server or this machine.
//! The choice itself is `crate::mode`'s; this adds what only snapshots know (a profile is ours,
//! Velero writes only to its own Available locations, Velero restores only the Backups it has).

use std::future::Future;

use anyhow::{Result, bail};

use crate::kube::Cluster;
use crate::mode::{self, Controller, Decision, Found, Requested};
use crate::snapshot::types::Backup;
use crate::snapshot::velero_mode::{self, VeleroServer};

/// The refusal of `--mode controller` with a profile destination.
const PROFILE_IS_CLIENT_SIDE: &str = "--profile is a client-side destination; Velero writes only to its BackupStorageLocations (use --location)";

/// The mode policy applied to Velero, with the server when Velero is chosen. `--mode client`
/// makes no API request.
pub async fn velero(
    cluster: &Cluster,
    requested: Requested,
) -> Result<(Decision, Option<VeleroServer>)> {
    let mut server = None;
    let decision = mode::choose(requested, Controller::Velero, async {
        let velero = velero_mode::inspect(cluster).await?;
        server = velero_mode::server_of(&velero);
        Ok::<Found, anyhow::Error>(velero.found())
    })
    .await?;
    let server = server.filter(|_| decision.is_controller());
    Ok((decision, server))
}

/// Where a backup (or a schedule's backups) is made: `Some(Velero's namespace)` when Velero
/// does it, `None` client-side, with the reason for `--verbose`. `location` is the
/// `--location` given, `profile` whether `--profile` was.
pub async fn backup_runner(
    cluster: &Cluster,
    requested: Requested,
    profile: bool,
    location: Option<&str>,
) -> Result<(Option<String>, String)> {
    if profile {
        if requested == Requested::Controller {
            bail!(PROFILE_IS_CLIENT_SIDE);
        }
        // A profile is ours, not Velero's: the work is client-side.
        return Ok((None, "a profile is a client-side destination".into()));
    }
    let (decision, server) = velero(cluster, requested).await?;
    let Some(server) = server else {
        return Ok((None, decision.reason));
    };
    if let Some(location) = location
        && !server.available_locations.iter().any(|a| a == location)
    {
        if requested == Requested::Controller {
            bail!(
                "BackupStorageLocation {location:?} is not Available to Velero (available: {})",
                server.available_locations.join(", ")
            );
        }
        return Ok((
            None,
            format!("BackupStorageLocation {location:?} is not Available to Velero"),
        ));
    }
    Ok((Some(server.namespace), decision.reason))
}

/// A restore Velero will run.
pub struct VeleroRestore {
    pub cluster: Cluster,
    pub namespace: String,
    pub backup: Backup,
}

/// What decides who restores a backup.
pub struct RestoreChoice<'a> {
    pub requested: Requested,
    pub backup: &'a str,
    /// `--location` as given (`[NS/]NAME`).
    pub location: Option<&'a str>,
    /// Flags given that Velero's Restore has no field for (they need the client-side engine).
    pub client_only: Vec<&'static str>,
}

/// `auto` picks Velero when it runs with an Available location and has a Backup of this name
/// (its own, or one it synced from a location) whose location is Available; `controller`
/// requires all that and says which part is missing. `Ok(None)` (with the reason) is
/// client-side. The cluster is connected only when Velero is considered.
pub async fn restore_runner(
    choice: &RestoreChoice<'_>,
    connect: impl Future<Output = Result<Cluster>>,
) -> Result<(Option<VeleroRestore>, String)> {
    let forced = choice.requested == Requested::Controller;
    if choice.requested == Requested::Client {
        return Ok((None, "--mode client".into()));
    }
    if !choice.client_only.is_empty() {
        let settings = choice.client_only.join(", ");
        if forced {
            bail!(
                "{settings} cannot be used with --mode controller: Velero's Restore has no such setting (use --mode client)"
            );
        }
        return Ok((None, format!("{settings} given: restoring client-side")));
    }
    let cluster = connect.await?;
    let (decision, server) = velero(&cluster, choice.requested).await?;
    let Some(server) = server else {
        return Ok((None, decision.reason));
    };
    let name = choice.backup;
    let namespace = server.namespace.clone();
    let Some(backup) = velero_mode::get(&cluster, &namespace, name).await? else {
        if forced {
            bail!(
                "Velero (namespace {namespace}) has no Backup named {name:?}; it syncs the backups of its storage locations every minute: check `kubectl backup snapshot list`, or restore client-side with --mode client"
            );
        }
        return Ok((None, format!("Velero has no Backup named {name:?}")));
    };
    let location = backup
        .spec
        .storage_location
        .clone()
        .filter(|l| !l.is_empty());
    if let Some(wanted) = choice.location {
        let wanted_name = wanted.rsplit('/').next().unwrap_or(wanted);
        if location.as_deref().is_some_and(|l| l != wanted_name) {
            if forced {
                bail!(
                    "Velero's Backup {name:?} is in location {:?}, not {wanted:?}; drop --location to restore it through Velero",
                    location.unwrap_or_default()
                );
            }
            return Ok((
                None,
                format!("Velero's Backup {name:?} is in another location"),
            ));
        }
    }
    let available = match &location {
        Some(l) => server.available_locations.contains(l),
        None => !server.available_locations.is_empty(),
    };
    if !available {
        if forced {
            bail!(
                "Velero cannot restore {name:?} now: its storage location {:?} is not Available (available: {}); see `kubectl backup doctor`",
                location.unwrap_or_default(),
                server.available_locations.join(", ")
            );
        }
        return Ok((
            None,
            format!("the storage location of Velero's Backup {name:?} is not Available"),
        ));
    }
    Ok((
        Some(VeleroRestore {
            cluster,
            namespace,
            backup,
        }),
        decision.reason,
    ))
}
