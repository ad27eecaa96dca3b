//! One completer per kind of name. Each is an `ArgValueCompleter` function: it gets the word
//! being completed and reads everything else (cluster, namespace, `--profile`, `--blueprint`)
//! from the typed words.

use std::ffi::OsStr;

use anyhow::Result;
use clap_complete::CompletionCandidate;
use futures::future::join;
use k8s_openapi::api::core::v1::Namespace;

use super::lookup::{candidates, connect};
use super::words::Typed;
use crate::profile::destination::{self, DestinationRequest, split_reference};
use crate::snapshot::types::DEFAULT_NAMESPACE as VELERO_NAMESPACE;

/// `-n`: the namespaces of the cluster.
pub fn namespace_names(current: &OsStr) -> Vec<CompletionCandidate> {
    candidates(current, |typed| async move {
        let cluster = connect(&typed).await?;
        let api: kube::Api<Namespace> = kube::Api::all(cluster.client);
        let list = api.list_metadata(&Default::default()).await?;
        Ok(list
            .items
            .into_iter()
            .filter_map(|n| n.metadata.name)
            .collect())
    })
}

/// `--profile` and the profile commands' NAME: profiles in the namespace.
pub fn profile_names(current: &OsStr) -> Vec<CompletionCandidate> {
    candidates(current, |typed| async move {
        let cluster = connect(&typed).await?;
        let store = crate::profile::ProfileStore::open(&cluster).await?;
        let profiles = store.list(Some(&cluster.namespace)).await?;
        Ok(profiles.iter().map(|p| p.name().to_string()).collect())
    })
}

/// `--blueprint` and the blueprint commands' NAME.
pub fn blueprint_names(current: &OsStr) -> Vec<CompletionCandidate> {
    candidates(current, |typed| async move {
        let cluster = connect(&typed).await?;
        let store = crate::blueprint::store::BlueprintStore::open(&cluster).await?;
        let blueprints = store.list(Some(&cluster.namespace)).await?;
        Ok(blueprints
            .into_iter()
            .filter_map(|b| b.blueprint.metadata.name)
            .collect())
    })
}

/// `--action`: the actions of the blueprint named by `--blueprint` on the same line.
pub fn action_names(current: &OsStr) -> Vec<CompletionCandidate> {
    candidates(current, |typed| async move {
        let Some(reference) = typed.value("blueprint", Some('b')) else {
            return Ok(Vec::new());
        };
        let cluster = connect(&typed).await?;
        let (namespace, name) = split_reference(&reference, &cluster.namespace);
        let store = crate::blueprint::store::BlueprintStore::open(&cluster).await?;
        let stored = store.require(&namespace, &name).await?;
        Ok(stored.blueprint.actions.into_keys().collect())
    })
}

/// ActionSet NAME: the CRD's objects, or the records kept in the store without it.
pub fn actionset_names(current: &OsStr) -> Vec<CompletionCandidate> {
    candidates(current, |typed| async move {
        let cluster = connect(&typed).await?;
        let profile = typed.value("profile", None);
        let store = crate::actionset::record::Store::open(&cluster, profile.as_deref()).await?;
        let actionsets = store.list(Some(&cluster.namespace)).await?;
        Ok(actionsets
            .into_iter()
            .filter_map(|a| a.metadata.name)
            .collect())
    })
}

/// Schedule NAME.
pub fn schedule_names(current: &OsStr) -> Vec<CompletionCandidate> {
    candidates(current, |typed| async move {
        let cluster = connect(&typed).await?;
        let schedules = crate::schedule::manage::list(&cluster, Some(&cluster.namespace)).await?;
        Ok(schedules.into_iter().map(|s| s.name).collect())
    })
}

/// Snapshot NAME: the backups in the destination of `--profile`/`--location` (else the local
/// default), and the Velero Backups of the cluster when Velero is installed. Either half may fail
/// alone: an unreachable cluster still leaves the local default's names.
pub fn backup_names(current: &OsStr) -> Vec<CompletionCandidate> {
    candidates(current, |typed| async move {
        let (stored, velero) = join(stored_backups(&typed), velero_backups(&typed)).await;
        let mut names = stored.unwrap_or_default();
        names.extend(velero.unwrap_or_default());
        Ok(names)
    })
}

async fn stored_backups(typed: &Typed) -> Result<Vec<String>> {
    let request = DestinationRequest::from_flags(
        typed.value("profile", None).as_deref(),
        typed.value("location", None).as_deref(),
    )?;
    let cluster = if request.needs_cluster() {
        Some(connect(typed).await?)
    } else {
        None
    };
    let destination = destination::resolve(cluster.as_ref(), &request).await?;
    crate::snapshot::list::backup_names(&destination.store()?).await
}

/// The Backups of the `--location` named (in its namespace), else all of Velero's namespace.
async fn velero_backups(typed: &Typed) -> Result<Vec<String>> {
    if typed.value("profile", None).is_some() {
        return Ok(Vec::new());
    }
    let location = typed.value("location", None);
    let (namespace, location) = match &location {
        Some(reference) => {
            let (namespace, name) = split_reference(reference, VELERO_NAMESPACE);
            (namespace, Some(name))
        }
        None => (VELERO_NAMESPACE.to_string(), None),
    };
    let cluster = connect(typed).await?;
    let backups = crate::snapshot::velero_mode::list(&cluster, &namespace).await?;
    Ok(backups
        .into_iter()
        .filter(|b| location.is_none() || b.spec.storage_location == location)
        .filter_map(|b| b.metadata.name)
        .collect())
}
