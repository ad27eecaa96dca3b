//! `kanctl create actionset`'s rules: the spec its flags make (from scratch or from a complete
//! parent's artifacts), the checks before anything is created, and which completed backups a
//! later action can take its artifacts from.

use anyhow::{Result, anyhow, bail};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::executor;
use super::naming::actionset_name;
use super::record::Store;
use super::types::{ActionSet, ActionSetSpec, ActionSpec, State};
use super::validate::{self, SelectorKind};
use crate::blueprint::ObjectReference;
use crate::blueprint::inputs::TargetFlags;
use crate::blueprint::targets;
use crate::kube::{Cluster, describe_error};
use crate::mode::{self, Controller, Decision, Found, Requested};

/// What to create, as the user asked for it.
#[derive(Debug, Clone)]
pub struct CreateOptions {
    pub action: Option<String>,
    pub blueprint: Option<String>,
    pub name: Option<String>,
    /// The parent ActionSet whose artifacts become the inputs.
    pub from: Option<String>,
    pub targets: TargetFlags,
    /// Also act on every object this label selector picks, of `kind`, in `selector_namespace`
    /// (every namespace when `None`).
    pub selector: Option<String>,
    pub kind: SelectorKind,
    pub selector_namespace: Option<String>,
    /// `KEY=VALUE` labels on the ActionSet itself.
    pub labels: Vec<String>,
    pub skip_validation: bool,
    /// A JSON or YAML mapping.
    pub pod_override: Option<String>,
    pub pod_labels: Vec<String>,
    pub pod_annotations: Vec<String>,
}

/// The ActionSet to create and what the checks found worth a warning.
pub struct Prepared {
    pub actionset: ActionSet,
    pub warnings: Vec<String>,
}

/// Builds the ActionSet as kanctl would in `namespace`: reads the parent and the selected
/// objects, checks the labels and (unless told not to) every object the actions name.
pub async fn prepare(
    cluster: &Cluster,
    store: &Store,
    options: &CreateOptions,
) -> Result<Prepared> {
    let namespace = cluster.namespace.clone();
    let parent = match &options.from {
        Some(name) => Some(complete_parent(store, &namespace, name).await?),
        None => None,
    };
    let selected = match &options.selector {
        Some(selector) => {
            validate::select_objects(
                cluster,
                selector,
                options.kind,
                options.selector_namespace.as_deref(),
            )
            .await?
        }
        None => {
            if options.selector_namespace.is_some() {
                bail!("--selector-namespace needs --selector");
            }
            Vec::new()
        }
    };
    let labels = targets::parse_key_values(&options.labels, "--labels")?;
    for (k, v) in &labels {
        validate::check_label(k, v)?;
    }
    let actions = build_spec(options, &namespace, parent.as_ref(), selected)?;
    let warnings = if options.skip_validation {
        Vec::new()
    } else {
        validate::check_references(cluster, &namespace, &actions).await?
    };
    let name = actionset_name(
        options.name.as_deref(),
        options.action.as_deref(),
        options.from.as_deref(),
    );
    let actionset = ActionSet {
        metadata: ObjectMeta {
            name: Some(name),
            namespace: Some(namespace),
            labels: (!labels.is_empty()).then_some(labels),
            ..ObjectMeta::default()
        },
        spec: Some(ActionSetSpec { actions }),
        ..ActionSet::default()
    };
    Ok(Prepared {
        actionset,
        warnings,
    })
}

/// Only a complete ActionSet's artifacts can feed another action.
async fn complete_parent(store: &Store, namespace: &str, name: &str) -> Result<ActionSet> {
    let parent = store.require(namespace, name).await?;
    let state = parent
        .status
        .as_ref()
        .map(|s| s.state.clone())
        .unwrap_or_default();
    if state != State::Complete {
        bail!(
            "actionset {name:?} is {:?}, not complete: only a complete ActionSet's artifacts can be used",
            state.as_str()
        );
    }
    Ok(parent)
}

/// Who runs the ActionSet. The controller is looked for only when its API is served; a failed
/// look leaves the choice to the policy as "API served, controller unknown".
pub async fn choose_mode(
    cluster: &Cluster,
    store: &Store,
    requested: Requested,
) -> Result<Decision> {
    mode::choose(requested, Controller::Kanister, async {
        if !store.is_resource() {
            return Ok(Found::Absent(
                mode::not_installed(Controller::Kanister).to_string(),
            ));
        }
        Ok(match crate::doctor::inspect_kanister(cluster).await {
            Ok(kanister) => kanister.found(),
            Err(e) => Found::ApiOnly(format!(
                "checking for a Kanister controller: {}",
                describe_error(&cluster.server, &e)
            )),
        })
    })
    .await
}

/// Refuses, before anything is created, what client-side mode cannot run. With
/// `skip_validation` a missing Blueprint is left to the run, which fails the ActionSet as the
/// controller does.
pub async fn check_client_side(
    cluster: &Cluster,
    actionset: &ActionSet,
    skip_validation: bool,
) -> Result<()> {
    let spec = actionset
        .spec
        .as_ref()
        .map(|s| s.actions.as_slice())
        .unwrap_or_default();
    let namespace = actionset.metadata.namespace.as_deref().unwrap_or_default();
    let blueprints = executor::load_blueprints(cluster, namespace, spec).await?;
    if !skip_validation {
        for action in spec {
            if let Some(Err(e)) = blueprints.get(&action.blueprint) {
                bail!("{e}");
            }
        }
    }
    executor::check_supported(&blueprints, spec)
}

/// The ActionSet spec kanctl would build from these options (and the parent, for `--from`),
/// acting also on the `selected` objects.
pub fn build_spec(
    options: &CreateOptions,
    namespace: &str,
    parent: Option<&ActionSet>,
    selected: Vec<ObjectReference>,
) -> Result<Vec<ActionSpec>> {
    let inputs = options.targets.parse()?;
    let mut objects = inputs.subjects;
    validate::merge_objects(&mut objects, selected);
    let profile = inputs
        .profile
        .as_deref()
        .map(|p| targets::parse_profile(p, namespace))
        .transpose()?;
    let template = ActionSpec {
        artifacts: inputs.artifacts,
        config_maps: inputs.config_maps,
        secrets: inputs.secrets,
        profile,
        pod_override: pod_override(options.pod_override.as_deref())?,
        options: inputs.options,
        pod_labels: targets::parse_key_values(&options.pod_labels, "--podlabels")?,
        pod_annotations: targets::parse_key_values(&options.pod_annotations, "--podannotations")?,
        ..ActionSpec::default()
    };
    let bases = match parent {
        Some(parent) => from_parent(options, parent, &template),
        None => {
            let name = options
                .action
                .clone()
                .ok_or_else(|| anyhow!("--action is required (or --from PARENT)"))?;
            let blueprint = options
                .blueprint
                .clone()
                .ok_or_else(|| anyhow!("--blueprint is required (or --from PARENT)"))?;
            if objects.is_empty() {
                bail!(
                    "name the object the action runs on: --statefulset, --deployment, --deploymentconfig, --pvc, --namespace-target, --object or --selector"
                );
            }
            vec![ActionSpec {
                name,
                blueprint,
                ..template
            }]
        }
    };
    // One action per object; a parent's actions keep their own object when none is named.
    let mut actions = Vec::new();
    for base in bases {
        if objects.is_empty() {
            actions.push(base);
            continue;
        }
        for object in &objects {
            actions.push(ActionSpec {
                object: object.clone(),
                ..base.clone()
            });
        }
    }
    Ok(actions)
}

/// kanctl's `--from`: each of the parent's actions with its output artifacts as inputs; the
/// flags add artifacts and options, replace the pod settings, and replace the action,
/// Blueprint, Secrets, ConfigMaps and Profile when given.
fn from_parent(options: &CreateOptions, parent: &ActionSet, flags: &ActionSpec) -> Vec<ActionSpec> {
    let status = parent.status.clone().unwrap_or_default();
    let parent_spec = parent.spec.clone().unwrap_or_default();
    let mut out = Vec::new();
    for (i, p) in parent_spec.actions.iter().enumerate() {
        let mut base = p.clone();
        base.artifacts = status
            .actions
            .get(i)
            .map(|a| a.artifacts.clone())
            .unwrap_or_default();
        base.artifacts.extend(flags.artifacts.clone());
        base.options.extend(flags.options.clone());
        base.pod_override = flags.pod_override.clone();
        base.preferred_version.clear();
        base.pod_labels = flags.pod_labels.clone();
        base.pod_annotations = flags.pod_annotations.clone();
        if let Some(a) = &options.action {
            base.name = a.clone();
        }
        if let Some(b) = &options.blueprint {
            base.blueprint = b.clone();
        }
        if !flags.secrets.is_empty() {
            base.secrets = flags.secrets.clone();
        }
        if !flags.config_maps.is_empty() {
            base.config_maps = flags.config_maps.clone();
        }
        if flags.profile.is_some() {
            base.profile = flags.profile.clone();
        }
        out.push(base);
    }
    out
}

fn pod_override(text: Option<&str>) -> Result<Option<serde_json::Map<String, serde_json::Value>>> {
    match text {
        None => Ok(None),
        Some(text) => match serde_saphyr::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(m)) => Ok(Some(m)),
            _ => bail!("--pod-override must be a JSON or YAML mapping"),
        },
    }
}

/// Completed ActionSets whose artifacts could feed an action of `blueprint` on `objects`
/// (any object when none is given), newest first.
pub fn backup_candidates(
    items: &[ActionSet],
    blueprint: &str,
    objects: &[ObjectReference],
) -> Vec<ActionSet> {
    let mut found: Vec<ActionSet> = items
        .iter()
        .filter(|a| {
            let Some(status) = &a.status else {
                return false;
            };
            status.state == State::Complete
                && status.actions.iter().any(|x| {
                    x.blueprint == blueprint
                        && !x.artifacts.is_empty()
                        && (objects.is_empty()
                            || objects.iter().any(|o| {
                                o.name == x.object.name
                                    && o.namespace == x.object.namespace
                                    && o.kind.eq_ignore_ascii_case(&x.object.kind)
                            }))
                })
        })
        .cloned()
        .collect();
    found.sort_by(|a, b| {
        let t = |x: &ActionSet| x.metadata.creation_timestamp.as_ref().map(|t| t.0);
        t(b).cmp(&t(a))
            .then_with(|| b.metadata.name.cmp(&a.metadata.name))
    });
    found
}

/// Whether `action` should offer a backup to take its artifacts from: anything but a backup,
/// given neither a parent nor artifacts.
pub fn wants_parent(options: &CreateOptions) -> bool {
    options.from.is_none()
        && options.targets.artifacts.is_empty()
        && options.action.as_deref().is_some_and(|a| a != "backup")
        && options.blueprint.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

    use crate::actionset::types::{ActionSetStatus, ActionStatus};
    use crate::blueprint::Artifact;
    use std::collections::BTreeMap;

    fn done(name: &str, created: &str, blueprint: &str, object: &str, state: State) -> ActionSet {
        let object = ObjectReference {
            kind: "statefulset".into(),
            name: object.into(),
            namespace: "db".into(),
            ..Default::default()
        };
        let mut artifacts = BTreeMap::new();
        artifacts.insert("dump".to_string(), Artifact::default());
        ActionSet {
            metadata: ObjectMeta {
                name: Some(name.into()),
                creation_timestamp: Some(
                    serde_json::from_value(serde_json::json!(created)).unwrap(),
                ),
                ..Default::default()
            },
            status: Some(ActionSetStatus {
                state,
                actions: vec![ActionStatus {
                    name: "backup".into(),
                    object,
                    blueprint: blueprint.into(),
                    artifacts,
                    ..Default::default()
                }],
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn picker_offers_completed_backups_of_the_blueprint_and_subject_newest_first() {
        let items = vec![
            done(
                "old",
                "2026-01-01T00:00:00Z",
                "mysql",
                "db1",
                State::Complete,
            ),
            done(
                "new",
                "2026-02-01T00:00:00Z",
                "mysql",
                "db1",
                State::Complete,
            ),
            done(
                "failed",
                "2026-03-01T00:00:00Z",
                "mysql",
                "db1",
                State::Failed,
            ),
            done(
                "other-bp",
                "2026-03-01T00:00:00Z",
                "pg",
                "db1",
                State::Complete,
            ),
            done(
                "other-db",
                "2026-03-01T00:00:00Z",
                "mysql",
                "db2",
                State::Complete,
            ),
        ];
        let subject = vec![ObjectReference {
            kind: "statefulset".into(),
            name: "db1".into(),
            namespace: "db".into(),
            ..Default::default()
        }];
        let names: Vec<String> = backup_candidates(&items, "mysql", &subject)
            .into_iter()
            .filter_map(|a| a.metadata.name)
            .collect();
        assert_eq!(names, ["new", "old"]);
        assert_eq!(backup_candidates(&items, "mysql", &[]).len(), 3);
    }
}
