//! What kanctl does before it creates an ActionSet: expand `--selector` into one subject per
//! matching object, and (unless `--skip-validation`) check that the Blueprint, the subjects,
//! the Secrets and the ConfigMaps exist; a missing Profile is only a warning.

use std::collections::BTreeSet;

use anyhow::{Result, anyhow, bail};
use kube::api::{Api, DynamicObject, ListParams};
use kube::core::GroupVersionKind;
use kube::discovery::ApiResource;

use super::types::{ActionSpec, ObjectReference};
use crate::blueprint::store::BlueprintStore;
use crate::blueprint::targets::{DEPLOYMENT, DEPLOYMENTCONFIG, NAMESPACE, PVC, STATEFULSET};
use crate::kube::{ApiCatalog, Cluster, describe_error, is_not_found};
use crate::profile::ProfileStore;

/// The kinds `--selector` can pick, as kanctl's `--kind` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SelectorKind {
    /// Deployments, StatefulSets, DeploymentConfigs and PVCs
    All,
    Deployment,
    Statefulset,
    Deploymentconfig,
    Pvc,
    Namespace,
}

impl SelectorKind {
    /// The kanctl kinds searched, in kanctl's order.
    fn kinds(self) -> &'static [&'static str] {
        match self {
            SelectorKind::All => &[DEPLOYMENT, STATEFULSET, DEPLOYMENTCONFIG, PVC],
            SelectorKind::Deployment => &[DEPLOYMENT],
            SelectorKind::Statefulset => &[STATEFULSET],
            SelectorKind::Deploymentconfig => &[DEPLOYMENTCONFIG],
            SelectorKind::Pvc => &[PVC],
            SelectorKind::Namespace => &[NAMESPACE],
        }
    }
}

/// The API resource of a kind kanctl knows, and whether it is namespaced.
fn known_resource(kind: &str) -> Option<(ApiResource, bool)> {
    let (group, version, k, plural, namespaced) = match kind {
        DEPLOYMENT => ("apps", "v1", "Deployment", "deployments", true),
        STATEFULSET => ("apps", "v1", "StatefulSet", "statefulsets", true),
        DEPLOYMENTCONFIG => (
            "apps.openshift.io",
            "v1",
            "DeploymentConfig",
            "deploymentconfigs",
            true,
        ),
        PVC => (
            "",
            "v1",
            "PersistentVolumeClaim",
            "persistentvolumeclaims",
            true,
        ),
        NAMESPACE => ("", "v1", "Namespace", "namespaces", false),
        _ => return None,
    };
    Some((
        ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(group, version, k), plural),
        namespaced,
    ))
}

fn plural_word(kind: &str) -> &'static str {
    match kind {
        DEPLOYMENT => "deployments",
        STATEFULSET => "statefulsets",
        DEPLOYMENTCONFIG => "deploymentconfigs",
        PVC => "pvcs",
        _ => "namespaces",
    }
}

/// kanctl's `--selector` (with `--kind` and `--selector-namespace`): every matching object of
/// the kinds, as subjects. `namespace` `None` searches all namespaces. DeploymentConfigs are
/// skipped when the server has no OpenShift apps API. Finding nothing is an error.
pub async fn select_objects(
    cluster: &Cluster,
    selector: &str,
    kind: SelectorKind,
    namespace: Option<&str>,
) -> Result<Vec<ObjectReference>> {
    if selector.trim().is_empty() {
        bail!("--selector must not be empty");
    }
    let mut found = Vec::new();
    let params = ListParams::default().labels(selector);
    for &k in kind.kinds() {
        let (ar, namespaced) = known_resource(k).expect("known kind");
        let api: Api<DynamicObject> = match namespace {
            Some(ns) if namespaced => Api::namespaced_with(cluster.client.clone(), ns, &ar),
            _ => Api::all_with(cluster.client.clone(), &ar),
        };
        let list = match api.list(&params).await {
            Ok(l) => l,
            // No OpenShift: kanctl skips DeploymentConfigs too.
            Err(e) if k == DEPLOYMENTCONFIG && is_not_found(&e) => continue,
            Err(e) => bail!(
                "listing {} matching --selector {selector:?}: {}",
                plural_word(k),
                describe_error(&cluster.server, &e)
            ),
        };
        for item in list.items {
            let name = item.metadata.name.clone().unwrap_or_default();
            let ns = if namespaced {
                item.metadata.namespace.clone().unwrap_or_default()
            } else {
                // kanctl writes a namespace subject with name = namespace = the namespace.
                name.clone()
            };
            found.push(ObjectReference {
                kind: k.to_string(),
                name,
                namespace: ns,
                ..ObjectReference::default()
            });
        }
    }
    if found.is_empty() {
        let kinds: Vec<&str> = kind.kinds().iter().map(|k| plural_word(k)).collect();
        bail!(
            "no {} match --selector {selector:?} {}",
            kinds.join(", "),
            match namespace {
                Some(ns) => format!("in namespace {ns:?}"),
                None => "in any namespace".to_string(),
            }
        );
    }
    Ok(found)
}

/// Appends `more` to `objects`, skipping references already present (kanctl de-duplicates
/// subjects given both explicitly and by selector).
pub fn merge_objects(objects: &mut Vec<ObjectReference>, more: Vec<ObjectReference>) {
    for object in more {
        let same = |o: &ObjectReference| {
            o.kind.eq_ignore_ascii_case(&object.kind)
                && o.name == object.name
                && o.namespace == object.namespace
                && o.resource == object.resource
                && o.group == object.group
        };
        if !objects.iter().any(same) {
            objects.push(object);
        }
    }
}

/// Whether the object a reference names exists (`Ok(false)` when the API answers NotFound).
async fn exists(
    cluster: &Cluster,
    catalog: &mut Option<ApiCatalog>,
    reference: &ObjectReference,
) -> Result<bool> {
    let kind = reference.kind.to_lowercase();
    let (ar, namespaced) = match kind.as_str() {
        "secret" => (
            ApiResource::from_gvk_with_plural(
                &GroupVersionKind::gvk("", "v1", "Secret"),
                "secrets",
            ),
            true,
        ),
        "configmap" => (
            ApiResource::from_gvk_with_plural(
                &GroupVersionKind::gvk("", "v1", "ConfigMap"),
                "configmaps",
            ),
            true,
        ),
        k => match known_resource(k) {
            Some(r) => r,
            None => {
                if catalog.is_none() {
                    *catalog = Some(ApiCatalog::discover(&cluster.client).await.map_err(|e| {
                        anyhow!(
                            "discovering the API: {}",
                            describe_error(&cluster.server, &e)
                        )
                    })?);
                }
                let catalog = catalog.as_ref().expect("set above");
                let Ok(resolved) = crate::blueprint::targets::api_resource_for(catalog, reference)
                else {
                    return Ok(false);
                };
                resolved
            }
        },
    };
    let api: Api<DynamicObject> = if namespaced {
        Api::namespaced_with(cluster.client.clone(), &reference.namespace, &ar)
    } else {
        Api::all_with(cluster.client.clone(), &ar)
    };
    match api.get_opt(&reference.name).await {
        Ok(found) => Ok(found.is_some()),
        Err(e) if is_not_found(&e) => Ok(false),
        Err(e) => Err(anyhow!(
            "checking {}: {}",
            reference.describe(),
            describe_error(&cluster.server, &e)
        )),
    }
}

/// kanctl's checks before creating: every missing Blueprint, subject, Secret and ConfigMap is
/// an error (all are reported, one line each); a missing Profile is returned as a warning.
pub async fn check_references(
    cluster: &Cluster,
    namespace: &str,
    actions: &[ActionSpec],
) -> Result<Vec<String>> {
    let mut problems: Vec<String> = Vec::new();
    let mut warnings: Vec<String> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let blueprints = BlueprintStore::open(cluster).await?;
    let mut catalog = None;
    for action in actions {
        if seen.insert(format!("blueprint/{}", action.blueprint)) {
            if action.blueprint.is_empty() {
                problems.push("the action names no blueprint".into());
            } else if blueprints
                .get(namespace, &action.blueprint)
                .await?
                .is_none()
            {
                problems.push(format!(
                    "blueprint {:?} not found in namespace {namespace:?}",
                    action.blueprint
                ));
            }
        }
        let object = &action.object;
        if seen.insert(format!("object/{}", object.describe())) {
            let kind = object.kind.to_lowercase();
            if known_resource(&kind).is_none() && object.resource.is_empty() {
                problems.push(format!(
                    "{}: kind {:?} is not one Kanister knows; give the resource (--object GROUP/VERSION/RESOURCE/NAMESPACE/NAME)",
                    object.describe(),
                    object.kind
                ));
            } else if !exists(cluster, &mut catalog, object).await? {
                problems.push(format!("{} not found", object.describe()));
            }
        }
        for (flag, kind, refs) in [
            ("--secrets", "secret", &action.secrets),
            ("--config-maps", "configmap", &action.config_maps),
        ] {
            for (key, reference) in refs {
                let mut reference = reference.clone();
                reference.kind = kind.to_string();
                if seen.insert(format!("{kind}/{}/{}", reference.namespace, reference.name))
                    && !exists(cluster, &mut catalog, &reference).await?
                {
                    problems.push(format!(
                        "{kind} {}/{} ({flag} {key}) not found",
                        reference.namespace, reference.name
                    ));
                }
            }
        }
        if let Some(profile) = &action.profile
            && seen.insert(format!("profile/{}/{}", profile.namespace, profile.name))
        {
            let store = ProfileStore::open(cluster).await?;
            if store
                .get(&profile.namespace, &profile.name)
                .await?
                .is_none()
            {
                warnings.push(format!(
                    "profile {:?} not found in namespace {:?}",
                    profile.name, profile.namespace
                ));
            }
        }
    }
    if !problems.is_empty() {
        bail!(
            "{}\n(nothing was created; --skip-validation creates the ActionSet without these checks)",
            problems.join("\n")
        );
    }
    Ok(warnings)
}

/// Kubernetes label syntax for `--labels` (a bad label changes nothing).
pub fn check_label(key: &str, value: &str) -> Result<()> {
    fn name_ok(s: &str) -> bool {
        !s.is_empty()
            && s.len() <= 63
            && s.starts_with(|c: char| c.is_ascii_alphanumeric())
            && s.ends_with(|c: char| c.is_ascii_alphanumeric())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    }
    let name = match key.split_once('/') {
        Some((prefix, name)) => {
            let prefix_ok = !prefix.is_empty()
                && prefix.len() <= 253
                && prefix.split('.').all(|part| {
                    !part.is_empty()
                        && part.len() <= 63
                        && part.starts_with(|c: char| c.is_ascii_alphanumeric())
                        && part.ends_with(|c: char| c.is_ascii_alphanumeric())
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                });
            if !prefix_ok {
                bail!("--labels {key}={value}: {prefix:?} is not a valid DNS subdomain prefix");
            }
            name
        }
        None => key,
    };
    if !name_ok(name) {
        bail!(
            "--labels {key}={value}: the key must be 63 characters or less, start and end with a letter or digit, and contain only letters, digits, '-', '_' and '.'"
        );
    }
    if !value.is_empty() && !name_ok(value) {
        bail!(
            "--labels {key}={value}: the value must be empty or 63 characters or less, start and end with a letter or digit, and contain only letters, digits, '-', '_' and '.'"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_kubernetes_syntax() {
        assert!(check_label("team", "db").is_ok());
        assert!(check_label("kanister.io/app", "mysql-1").is_ok());
        assert!(check_label("a", "").is_ok());
        assert!(check_label("-bad", "x").is_err());
        assert!(check_label("ok", "bad value").is_err());
        assert!(check_label("Bad_Prefix/x", "y").is_err());
        assert!(check_label(&"k".repeat(64), "v").is_err());
    }

    #[test]
    fn merged_subjects_are_unique() {
        let r = |kind: &str, name: &str| ObjectReference {
            kind: kind.into(),
            name: name.into(),
            namespace: "db".into(),
            ..Default::default()
        };
        let mut objects = vec![r("statefulset", "a")];
        merge_objects(
            &mut objects,
            vec![
                r("StatefulSet", "a"),
                r("deployment", "a"),
                r("statefulset", "b"),
            ],
        );
        let names: Vec<String> = objects.iter().map(|o| o.describe()).collect();
        assert_eq!(names.len(), 3, "{names:?}");
    }
}
