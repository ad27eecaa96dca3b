//! Kanister's template parameters for one action (kanister.md §5.4), read from the cluster.

use anyhow::Result;

use crate::actionset::types::ActionSpec;
use crate::blueprint::ObjectReference;
use crate::blueprint::targets::{self, Subject};
use crate::kube::Cluster;
use crate::template::{ArtifactParams, ConfigMapParams, PhaseParams, SecretParams, TemplateParams};

/// Builds everything but `.Phases`: the object (and its pods), Profile with resolved
/// credentials, Secrets, ConfigMaps, options, input artifacts, pod settings and `.Time`.
/// `blueprint render` builds them here too, so what it shows is what a run would use.
pub async fn build(
    cluster: &Cluster,
    spec: &ActionSpec,
    time: chrono::DateTime<chrono::Utc>,
) -> Result<(TemplateParams, Subject)> {
    let mut params = TemplateParams::default();
    params.set_time(time);
    let subject = targets::read_subject(cluster, &spec.object).await?;
    subject.fill_params(&mut params);
    if let Some(profile) = &spec.profile {
        let reference = format!("{}/{}", profile.namespace, profile.name);
        let request = crate::profile::DestinationRequest::from_flags(Some(&reference), None)?;
        let destination = crate::profile::resolve(Some(cluster), &request).await?;
        params.profile = Some(destination.template.params());
    }
    for (key, reference) in &spec.secrets {
        let secret = targets::read_secret(cluster, reference).await?;
        params
            .secrets
            .insert(key.clone(), SecretParams::from_k8s(&secret));
    }
    for (key, reference) in &spec.config_maps {
        let cm = targets::read_configmap(cluster, reference).await?;
        params
            .config_maps
            .insert(key.clone(), ConfigMapParams::from_k8s(&cm));
    }
    params.options = spec.options.clone();
    params.artifacts_in = spec
        .artifacts
        .iter()
        .map(|(name, a)| {
            (
                name.clone(),
                ArtifactParams {
                    key_value: a.key_value.clone(),
                    kopia_snapshot: a.kopia_snapshot.clone(),
                },
            )
        })
        .collect();
    params.pod_override = spec.pod_override.clone();
    params.pod_labels = spec.pod_labels.clone();
    params.pod_annotations = spec.pod_annotations.clone();
    Ok((params, subject))
}

/// Adds a phase's Secret or ConfigMap object, read from the cluster, to `.Phases.<name>` as
/// Kanister does before each phase; other kinds are not exposed there.
pub async fn add_phase_object(
    cluster: &Cluster,
    key: &str,
    reference: &ObjectReference,
    phase: &mut PhaseParams,
) -> Result<()> {
    match reference.kind.to_lowercase().as_str() {
        "secret" => {
            let s = targets::read_secret(cluster, reference).await?;
            phase
                .secrets
                .insert(key.to_string(), SecretParams::from_k8s(&s));
        }
        "configmap" => {
            let c = targets::read_configmap(cluster, reference).await?;
            phase
                .config_maps
                .insert(key.to_string(), ConfigMapParams::from_k8s(&c));
        }
        _ => {}
    }
    Ok(())
}
