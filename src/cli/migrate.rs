//! `kubectl backup migrate`: once Kanister's CRDs are installed, moves what the plugin kept
//! without them into Kanister's resources, so the controller (and `kubectl get`) sees it:
//! Blueprints kept in ConfigMaps, Profiles kept in labelled Secrets, and ActionSet records kept
//! in object stores. One command for all three (rather than a `--to-crd` flag on each), because
//! they belong together: a recorded backup is restored with its Blueprint and Profile. Each
//! object is created as a resource first and its old copy deleted only then; a resource that
//! already exists under the same name is left alone and reported. `--dry-run` shows the plan.

use anyhow::{Result, bail};
use clap::Args;
use kube::api::{Api, DeleteParams, DynamicObject, PostParams};

use crate::actionset::record::{ObjectRecords, Store};
use crate::blueprint::store::{BlueprintStore, Storage as BlueprintStorage, configmap_name};
use crate::cli::GlobalArgs;
use crate::kube::{Cluster, connect, describe_error, is_conflict};
use crate::output::write_stdout;
use crate::profile::{ProfileStore, Storage as ProfileStorage};

#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// Show what would move, change nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub async fn run(args: MigrateArgs, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let namespace = (!global.all_namespaces).then_some(cluster.namespace.as_str());
    let records = Store::open(&cluster, None).await?;
    let Some(earlier) = ObjectRecords::of(&records) else {
        bail!(
            "Kanister's CRDs (actionsets, blueprints, profiles.cr.kanister.io) are not installed: there is nothing to migrate into yet; install Kanister, then run this again"
        );
    };
    let verb = if args.dry_run { "would move" } else { "moved" };
    let mut problems = 0;

    let blueprints = BlueprintStore::open(&cluster).await?;
    for stored in blueprints.list(namespace).await? {
        if stored.storage != BlueprintStorage::ConfigMap {
            continue;
        }
        let ns = stored
            .blueprint
            .metadata
            .namespace
            .clone()
            .unwrap_or_default();
        let name = stored.blueprint.name().to_string();
        let what = format!(
            "blueprint {ns}/{name} (ConfigMap {})",
            configmap_name(&name)
        );
        if !args.dry_run {
            let mut object = serde_json::to_value(&stored.blueprint)?;
            object["apiVersion"] = crate::blueprint::types::API_VERSION.into();
            object["kind"] = "Blueprint".into();
            clean_metadata(&mut object, &ns);
            let api: Api<DynamicObject> = Api::namespaced_with(
                cluster.client.clone(),
                &ns,
                &crate::blueprint::store::api_resource(),
            );
            if !create(&cluster, &api, object, &what, &mut problems).await? {
                continue;
            }
            let configmaps: Api<k8s_openapi::api::core::v1::ConfigMap> =
                Api::namespaced(cluster.client.clone(), &ns);
            configmaps
                .delete(&configmap_name(&name), &DeleteParams::default())
                .await
                .map_err(|e| {
                    anyhow::anyhow!(
                        "{what}: created as a Blueprint, but deleting the ConfigMap failed: {}",
                        describe_error(&cluster.server, &e)
                    )
                })?;
        }
        write_stdout(&format!("{what}: {verb} to a Blueprint resource\n"))?;
    }

    let profiles = ProfileStore::open(&cluster).await?;
    for stored in profiles.list(namespace).await? {
        if stored.storage != ProfileStorage::Secret {
            continue;
        }
        let (ns, name) = (stored.namespace().to_string(), stored.name().to_string());
        let what = format!("profile {ns}/{name} (Secret)");
        if !crate::profile::store::fits_kanister(&stored.profile) {
            write_stdout(&format!(
                "{what}: stays a Secret (Kanister's Profile has no local-directory type)\n"
            ))?;
            continue;
        }
        if !args.dry_run {
            if profiles.get(&ns, &name).await?.map(|p| p.storage) != Some(ProfileStorage::Secret) {
                crate::actionset::note!(
                    "warning: {what}: a Profile resource of that name exists already; left as it is"
                );
                problems += 1;
                continue;
            }
            let mut profile = stored.profile.clone();
            profile.metadata.resource_version = None;
            profile.metadata.uid = None;
            profile.metadata.creation_timestamp = None;
            profile.metadata.managed_fields = None;
            profile.metadata.labels = None;
            let created = profiles.create(&ns, &profile).await?;
            if created.storage != ProfileStorage::Resource {
                bail!("{what}: the Profile CRD is not served; nothing was moved");
            }
            profiles.delete(&stored).await?;
        }
        write_stdout(&format!("{what}: {verb} to a Profile resource\n"))?;
    }

    for record in earlier.list_all().await? {
        let ns = record.metadata.namespace.clone().unwrap_or_default();
        let name = record.metadata.name.clone().unwrap_or_default();
        if namespace.is_some_and(|wanted| wanted != ns) {
            continue;
        }
        let what = format!("actionset {ns}/{name} (recorded without the CRD)");
        if !args.dry_run {
            // The record as it is, status included: the CRD has no status subresource, so
            // the status is kept on create, and the controller leaves a final ActionSet alone.
            let mut object = serde_json::to_value(&record)?;
            object["apiVersion"] = crate::actionset::types::API_VERSION.into();
            object["kind"] = crate::actionset::types::KIND.into();
            clean_metadata(&mut object, &ns);
            let api: Api<DynamicObject> = Api::namespaced_with(
                cluster.client.clone(),
                &ns,
                &crate::actionset::record::api_resource(),
            );
            if !create(&cluster, &api, object, &what, &mut problems).await? {
                continue;
            }
            earlier.remove(&ns, &name).await?;
        }
        write_stdout(&format!("{what}: {verb} to an ActionSet resource\n"))?;
    }
    if problems > 0 {
        bail!("{problems} object(s) were not moved (see the warnings above)");
    }
    Ok(())
}

/// Metadata the API server sets: a resource is created without it.
fn clean_metadata(object: &mut serde_json::Value, namespace: &str) {
    if let Some(meta) = object["metadata"].as_object_mut() {
        for field in [
            "resourceVersion",
            "uid",
            "managedFields",
            "selfLink",
            "generation",
        ] {
            meta.remove(field);
        }
        meta.insert("namespace".into(), namespace.into());
    }
}

/// Creates the resource; `false` (with a warning) when one of that name exists already.
async fn create(
    cluster: &Cluster,
    api: &Api<DynamicObject>,
    object: serde_json::Value,
    what: &str,
    problems: &mut usize,
) -> Result<bool> {
    let dynamic: DynamicObject = serde_json::from_value(object)?;
    match api.create(&PostParams::default(), &dynamic).await {
        Ok(_) => Ok(true),
        // 409: AlreadyExists.
        Err(e) if is_conflict(&e) => {
            crate::actionset::note!(
                "warning: {what}: a resource of that name exists already; the old copy is kept"
            );
            *problems += 1;
            Ok(false)
        }
        Err(e) => bail!("{what}: {}", describe_error(&cluster.server, &e)),
    }
}
