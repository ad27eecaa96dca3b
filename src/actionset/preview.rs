//! `blueprint render`'s domain half: an action of a Blueprint rendered against the cluster with
//! the parameters and phase objects the executor itself builds, so the preview cannot drift
//! from a run.

use std::collections::BTreeMap;

use anyhow::{Result, bail};

use super::executor::params;
use super::types::ActionSpec;
use crate::blueprint::Blueprint;
use crate::blueprint::inputs::TargetFlags;
use crate::blueprint::render::{PreparedAction, RenderedAction};
use crate::blueprint::targets::{self, Subject};
use crate::kube::Cluster;
use crate::template::PhaseParams;

/// One action rendered on one object.
pub struct Preview {
    pub subject: Subject,
    pub rendered: RenderedAction,
    /// Phase objects that could not be read, one line each; the phases that name them are
    /// rendered without them.
    pub problems: Vec<String>,
}

/// Renders `action` of `blueprint` for `spec` (see [`action_spec`]), with `.Time` = `time`;
/// `redact` shows Secret values and credentials as `<redacted>`.
pub async fn render(
    cluster: &Cluster,
    blueprint: &Blueprint,
    action: &str,
    spec: &ActionSpec,
    time: chrono::DateTime<chrono::Utc>,
    redact: bool,
) -> Result<Preview> {
    let prepared = PreparedAction::new(blueprint, action)?;
    let (params, subject) = params::build(cluster, spec, time).await?;
    // Phase objects are rendered first, then the Secrets and ConfigMaps they name are fetched
    // for `.Phases.<phase>.Secrets/ConfigMaps`, as Kanister does before each phase.
    let mut problems = Vec::new();
    let mut fetched: BTreeMap<String, PhaseParams> = BTreeMap::new();
    let phase_names: Vec<String> = prepared.phase_names().map(str::to_string).collect();
    for (name, (objects, _)) in phase_names
        .iter()
        .zip(prepared.render_objects(&params, redact))
    {
        let mut phase = PhaseParams::default();
        for (key, reference) in objects {
            if let Err(e) = params::add_phase_object(cluster, &key, &reference, &mut phase).await {
                problems.push(format!("phase {name:?}: object {key:?}: {e:#}"));
            }
        }
        fetched.insert(name.clone(), phase);
    }
    let rendered = prepared.render(&params, &fetched, redact);
    Ok(Preview {
        subject,
        rendered,
        problems,
    })
}

/// The action a run would get for these flags in `namespace`, on exactly one object.
pub fn action_spec(namespace: &str, flags: &TargetFlags) -> Result<ActionSpec> {
    let mut inputs = flags.parse()?;
    let object = match inputs.subjects.len() {
        1 => inputs.subjects.remove(0),
        0 => bail!(
            "name the object the action runs on: --statefulset, --deployment, --deploymentconfig, --pvc, --namespace-target or --object"
        ),
        n => bail!("render one object at a time ({n} given)"),
    };
    Ok(ActionSpec {
        object,
        profile: inputs
            .profile
            .as_deref()
            .map(|p| targets::parse_profile(p, namespace))
            .transpose()?,
        secrets: inputs.secrets,
        config_maps: inputs.config_maps,
        options: inputs.options,
        artifacts: inputs.artifacts,
        ..ActionSpec::default()
    })
}
