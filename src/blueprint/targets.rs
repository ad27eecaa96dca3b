//! What an action runs on, as kanctl spells it on the command line (`--statefulset ns/name`,
//! `--objects group/version/resource/ns/name`, `--secrets key=ns/name`, `--options k=v`), and
//! reading those objects from the cluster the way Kanister builds its template parameters.

use std::collections::BTreeMap;

use anyhow::{Result, anyhow, bail};
use k8s_openapi::api::apps::v1::{Deployment, ReplicaSet, StatefulSet};
use k8s_openapi::api::core::v1::{ConfigMap, Namespace, PersistentVolumeClaim, Pod, Secret};
use kube::api::{Api, DynamicObject, ListParams};
use kube::core::GroupVersionKind;
use kube::discovery::ApiResource;
use serde_json::Value;

use super::types::ObjectReference;
use crate::kube::{ApiCatalog, Cluster, describe_error, is_not_found};

/// The kinds kanctl writes (lower-case) and Kanister compares case-insensitively.
pub const STATEFULSET: &str = "statefulset";
pub const DEPLOYMENT: &str = "deployment";
pub const DEPLOYMENTCONFIG: &str = "deploymentconfig";
pub const PVC: &str = "pvc";
pub const NAMESPACE: &str = "namespace";

fn split_ns_name(value: &str, flag: &str) -> Result<(String, String)> {
    match value.split_once('/') {
        Some((ns, name)) if !ns.is_empty() && !name.is_empty() && !name.contains('/') => {
            Ok((ns.to_string(), name.to_string()))
        }
        _ => bail!("{flag} {value:?}: expected NAMESPACE/NAME"),
    }
}

/// `--statefulset ns/name` and friends: one reference per comma-separated value.
pub fn parse_workloads(kind: &str, values: &[String], flag: &str) -> Result<Vec<ObjectReference>> {
    let mut refs = Vec::new();
    for value in values
        .iter()
        .flat_map(|v| v.split(','))
        .filter(|v| !v.is_empty())
    {
        let (namespace, name) = split_ns_name(value, flag)?;
        refs.push(ObjectReference {
            kind: kind.to_string(),
            name,
            namespace,
            ..ObjectReference::default()
        });
    }
    Ok(refs)
}

/// `--namespace-target ns`: kind `namespace`, with `name` and `namespace` both the value.
pub fn parse_namespaces(values: &[String]) -> Vec<ObjectReference> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .filter(|v| !v.is_empty())
        .map(|ns| ObjectReference {
            kind: NAMESPACE.to_string(),
            name: ns.to_string(),
            namespace: ns.to_string(),
            ..ObjectReference::default()
        })
        .collect()
}

/// `--object group/version/resource/ns/name` (core API: `version/resource/ns/name`).
pub fn parse_generic(values: &[String]) -> Result<Vec<ObjectReference>> {
    let mut refs = Vec::new();
    for value in values
        .iter()
        .flat_map(|v| v.split(','))
        .filter(|v| !v.is_empty())
    {
        let parts: Vec<&str> = value.split('/').collect();
        let (group, version, resource, namespace, name) = match parts.as_slice() {
            [g, v, r, ns, n] => (*g, *v, *r, *ns, *n),
            [v, r, ns, n] => ("", *v, *r, *ns, *n),
            _ => bail!(
                "--object {value:?}: expected GROUP/VERSION/RESOURCE/NAMESPACE/NAME (core API: VERSION/RESOURCE/NAMESPACE/NAME)"
            ),
        };
        if [version, resource, name].iter().any(|s| s.is_empty()) {
            bail!("--object {value:?}: version, resource and name must not be empty");
        }
        refs.push(ObjectReference {
            api_version: version.to_string(),
            group: group.to_string(),
            resource: resource.to_string(),
            name: name.to_string(),
            namespace: namespace.to_string(),
            ..ObjectReference::default()
        });
    }
    Ok(refs)
}

/// `--secrets key=ns/name,…` / `--config-maps key=ns/name,…`.
pub fn parse_named_refs(
    values: &[String],
    kind: &str,
    flag: &str,
) -> Result<BTreeMap<String, ObjectReference>> {
    let mut refs = BTreeMap::new();
    for value in values
        .iter()
        .flat_map(|v| v.split(','))
        .filter(|v| !v.is_empty())
    {
        let (key, target) = value
            .split_once('=')
            .ok_or_else(|| anyhow!("{flag} {value:?}: expected KEY=NAMESPACE/NAME"))?;
        let (namespace, name) = split_ns_name(target, flag)?;
        refs.insert(
            key.to_string(),
            ObjectReference {
                kind: kind.to_string(),
                name,
                namespace,
                ..ObjectReference::default()
            },
        );
    }
    Ok(refs)
}

/// `--options k=v,…` (values may not contain `=` or `,`, as with kanctl).
pub fn parse_key_values(values: &[String], flag: &str) -> Result<BTreeMap<String, String>> {
    let mut map = BTreeMap::new();
    for value in values
        .iter()
        .flat_map(|v| v.split(','))
        .filter(|v| !v.is_empty())
    {
        match value.split_once('=') {
            Some((k, v)) if !k.is_empty() && !v.contains('=') => {
                map.insert(k.to_string(), v.to_string());
            }
            _ => bail!("{flag} {value:?}: expected KEY=VALUE"),
        }
    }
    Ok(map)
}

/// `--profile name` (in `default_namespace`) or `ns/name`.
pub fn parse_profile(value: &str, default_namespace: &str) -> Result<ObjectReference> {
    let (namespace, name) = match value.split_once('/') {
        Some(_) => split_ns_name(value, "--profile")?,
        None if !value.is_empty() => (default_namespace.to_string(), value.to_string()),
        None => bail!("--profile must not be empty"),
    };
    Ok(ObjectReference {
        kind: "Profile".to_string(),
        name,
        namespace,
        ..ObjectReference::default()
    })
}

/// A workload as Kanister's `.StatefulSet` / `.Deployment` / `.DeploymentConfig` shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workload {
    pub name: String,
    pub namespace: String,
    /// Running pods owned by the workload (Deployment: by its current ReplicaSet).
    pub pods: Vec<String>,
    /// Container names of each pod, in pod order.
    pub containers: Vec<Vec<String>>,
    /// pod → PVC claim name → mount path.
    pub persistent_volume_claims: BTreeMap<String, BTreeMap<String, String>>,
}

/// Everything Kanister derives from an action's object.
#[derive(Debug, Clone, Default)]
pub struct Subject {
    pub reference: ObjectReference,
    /// The full object (`.Object`), as unstructured JSON.
    pub object: Value,
    /// Set for statefulset / deployment / deploymentconfig.
    pub workload: Option<Workload>,
}

impl Subject {
    pub fn kind(&self) -> String {
        self.reference.kind.to_lowercase()
    }

    /// Sets the template parameters that describe this subject: `.Object`, and `.StatefulSet`,
    /// `.Deployment`, `.DeploymentConfig`, `.PVC` or `.Namespace` by its kind.
    pub fn fill_params(&self, params: &mut crate::template::TemplateParams) {
        let reference = &self.reference;
        let workload = self
            .workload
            .as_ref()
            .map(|w| crate::template::WorkloadParams {
                name: w.name.clone(),
                namespace: w.namespace.clone(),
                pods: w.pods.clone(),
                containers: w.containers.clone(),
                persistent_volume_claims: w.persistent_volume_claims.clone(),
            });
        match self.kind().as_str() {
            STATEFULSET => params.stateful_set = workload,
            DEPLOYMENT => params.deployment = workload,
            DEPLOYMENTCONFIG => params.deployment_config = workload,
            PVC => params.pvc = Some((reference.name.clone(), reference.namespace.clone())),
            // Kanister fills both from object.namespace.
            NAMESPACE => {
                params.namespace = Some((reference.namespace.clone(), reference.namespace.clone()))
            }
            _ => {}
        }
        params.object = self.object.clone();
    }
}

fn fail(cluster: &Cluster, what: &str, e: &kube::Error) -> anyhow::Error {
    if is_not_found(e) {
        anyhow!("{what} not found")
    } else {
        anyhow!("reading {what}: {}", describe_error(&cluster.server, e))
    }
}

/// Reads the action's object and, for workloads, its pods, containers and PVCs.
pub async fn read_subject(cluster: &Cluster, reference: &ObjectReference) -> Result<Subject> {
    let client = cluster.client.clone();
    let ns = reference.namespace.as_str();
    let name = reference.name.as_str();
    let kind = reference.kind.to_lowercase();
    let what = reference.describe();
    let (object, workload) = match kind.as_str() {
        STATEFULSET => {
            let sts = Api::<StatefulSet>::namespaced(client.clone(), ns)
                .get(name)
                .await
                .map_err(|e| fail(cluster, &what, &e))?;
            let uid = sts.metadata.uid.clone().unwrap_or_default();
            let pods = owned_pods(cluster, ns, &[uid]).await?;
            (serde_json::to_value(&sts)?, Some(workload(name, ns, &pods)))
        }
        DEPLOYMENT => {
            let deployment = Api::<Deployment>::namespaced(client.clone(), ns)
                .get(name)
                .await
                .map_err(|e| fail(cluster, &what, &e))?;
            let owners = current_replicasets(cluster, &deployment).await?;
            let pods = owned_pods(cluster, ns, &owners).await?;
            (
                serde_json::to_value(&deployment)?,
                Some(workload(name, ns, &pods)),
            )
        }
        DEPLOYMENTCONFIG => {
            let ar = ApiResource::from_gvk_with_plural(
                &GroupVersionKind::gvk("apps.openshift.io", "v1", "DeploymentConfig"),
                "deploymentconfigs",
            );
            let dc = Api::<DynamicObject>::namespaced_with(client.clone(), ns, &ar)
                .get(name)
                .await
                .map_err(|e| fail(cluster, &what, &e))?;
            // Pods of a DeploymentConfig belong to its latest ReplicationController.
            let latest = dc.data["status"]["latestVersion"].as_i64().unwrap_or(0);
            let rc = format!("{name}-{latest}");
            let pods: Vec<Pod> = running_pods(cluster, ns)
                .await?
                .into_iter()
                .filter(|p| owner_names(p).iter().any(|o| *o == rc))
                .collect();
            (serde_json::to_value(&dc)?, Some(workload(name, ns, &pods)))
        }
        PVC => {
            let pvc = Api::<PersistentVolumeClaim>::namespaced(client.clone(), ns)
                .get(name)
                .await
                .map_err(|e| fail(cluster, &what, &e))?;
            (serde_json::to_value(&pvc)?, None)
        }
        NAMESPACE => {
            // Kanister takes both .Namespace fields from object.namespace.
            let target = if ns.is_empty() { name } else { ns };
            let namespace = Api::<Namespace>::all(client.clone())
                .get(target)
                .await
                .map_err(|e| fail(cluster, &what, &e))?;
            (serde_json::to_value(&namespace)?, None)
        }
        _ => (read_generic(cluster, reference).await?, None),
    };
    let mut object = object;
    fill_type_meta(&mut object, reference);
    Ok(Subject {
        reference: reference.clone(),
        object,
        workload,
    })
}

/// Typed reads drop `apiVersion`/`kind`; templates such as `.Object.kind` expect them.
fn fill_type_meta(object: &mut Value, reference: &ObjectReference) {
    let Some(map) = object.as_object_mut() else {
        return;
    };
    let (api_version, kind) = match reference.kind.to_lowercase().as_str() {
        STATEFULSET => ("apps/v1", "StatefulSet"),
        DEPLOYMENT => ("apps/v1", "Deployment"),
        DEPLOYMENTCONFIG => ("apps.openshift.io/v1", "DeploymentConfig"),
        PVC => ("v1", "PersistentVolumeClaim"),
        NAMESPACE => ("v1", "Namespace"),
        _ => return,
    };
    map.entry("apiVersion").or_insert(api_version.into());
    map.entry("kind").or_insert(kind.into());
}

/// The API resource a reference names (resource and group resolved through discovery, at the
/// reference's version when it gives one), and whether it is namespaced.
pub(crate) fn api_resource_for(
    catalog: &ApiCatalog,
    reference: &ObjectReference,
) -> Result<(ApiResource, bool)> {
    let qualified = if reference.group.is_empty() {
        reference.resource.clone()
    } else {
        format!("{}.{}", reference.resource, reference.group)
    };
    let resolved = catalog.resolve(&qualified)?;
    let mut ar = resolved.resource.clone();
    if !reference.api_version.is_empty() {
        ar.version = reference.api_version.clone();
        ar.api_version = if ar.group.is_empty() {
            ar.version.clone()
        } else {
            format!("{}/{}", ar.group, ar.version)
        };
    }
    Ok((ar, resolved.namespaced()))
}

async fn read_generic(cluster: &Cluster, reference: &ObjectReference) -> Result<Value> {
    let what = reference.describe();
    if reference.resource.is_empty() {
        bail!(
            "{what}: kind {:?} is not one Kanister knows; give the resource (--object GROUP/VERSION/RESOURCE/NAMESPACE/NAME)",
            reference.kind
        );
    }
    let catalog = ApiCatalog::discover(&cluster.client)
        .await
        .map_err(|e| anyhow!(describe_error(&cluster.server, &e)))?;
    let (ar, namespaced) = api_resource_for(&catalog, reference)?;
    let api: Api<DynamicObject> = if namespaced {
        Api::namespaced_with(cluster.client.clone(), &reference.namespace, &ar)
    } else {
        Api::all_with(cluster.client.clone(), &ar)
    };
    let object = api
        .get(&reference.name)
        .await
        .map_err(|e| fail(cluster, &what, &e))?;
    Ok(serde_json::to_value(&object)?)
}

async fn running_pods(cluster: &Cluster, namespace: &str) -> Result<Vec<Pod>> {
    let pods = Api::<Pod>::namespaced(cluster.client.clone(), namespace)
        .list(&ListParams::default())
        .await
        .map_err(|e| {
            anyhow!(
                "listing pods in {namespace}: {}",
                describe_error(&cluster.server, &e)
            )
        })?;
    Ok(pods
        .items
        .into_iter()
        .filter(|p| p.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running"))
        .collect())
}

fn owner_names(pod: &Pod) -> Vec<&str> {
    pod.metadata
        .owner_references
        .iter()
        .flatten()
        .map(|o| o.name.as_str())
        .collect()
}

async fn owned_pods(cluster: &Cluster, namespace: &str, owner_uids: &[String]) -> Result<Vec<Pod>> {
    let mut pods: Vec<Pod> = running_pods(cluster, namespace)
        .await?
        .into_iter()
        .filter(|p| {
            p.metadata
                .owner_references
                .iter()
                .flatten()
                .any(|o| owner_uids.contains(&o.uid))
        })
        .collect();
    pods.sort_by(|a, b| a.metadata.name.cmp(&b.metadata.name));
    Ok(pods)
}

/// The Deployment's current ReplicaSet(s): same revision annotation as the Deployment.
async fn current_replicasets(cluster: &Cluster, deployment: &Deployment) -> Result<Vec<String>> {
    let ns = deployment.metadata.namespace.as_deref().unwrap_or_default();
    let uid = deployment.metadata.uid.clone().unwrap_or_default();
    let revision_key = "deployment.kubernetes.io/revision";
    let revision = deployment
        .metadata
        .annotations
        .as_ref()
        .and_then(|a| a.get(revision_key).cloned());
    let sets = Api::<ReplicaSet>::namespaced(cluster.client.clone(), ns)
        .list(&ListParams::default())
        .await
        .map_err(|e| {
            anyhow!(
                "listing replicasets in {ns}: {}",
                describe_error(&cluster.server, &e)
            )
        })?;
    Ok(sets
        .items
        .into_iter()
        .filter(|rs| {
            rs.metadata
                .owner_references
                .iter()
                .flatten()
                .any(|o| o.uid == uid)
        })
        .filter(|rs| {
            revision.is_none()
                || rs
                    .metadata
                    .annotations
                    .as_ref()
                    .and_then(|a| a.get(revision_key))
                    == revision.as_ref()
        })
        .filter_map(|rs| rs.metadata.uid)
        .collect())
}

fn workload(name: &str, namespace: &str, pods: &[Pod]) -> Workload {
    let mut w = Workload {
        name: name.to_string(),
        namespace: namespace.to_string(),
        ..Workload::default()
    };
    for pod in pods {
        let pod_name = pod.metadata.name.clone().unwrap_or_default();
        let spec = pod.spec.as_ref();
        let containers: Vec<String> = spec
            .map(|s| s.containers.iter().map(|c| c.name.clone()).collect())
            .unwrap_or_default();
        let mut claims = BTreeMap::new();
        for volume in spec.and_then(|s| s.volumes.as_ref()).into_iter().flatten() {
            let Some(claim) = &volume.persistent_volume_claim else {
                continue;
            };
            let mount = spec
                .into_iter()
                .flat_map(|s| s.containers.iter())
                .flat_map(|c| c.volume_mounts.iter().flatten())
                .find(|m| m.name == volume.name)
                .map(|m| m.mount_path.clone())
                .unwrap_or_default();
            claims.insert(claim.claim_name.clone(), mount);
        }
        w.persistent_volume_claims.insert(pod_name.clone(), claims);
        w.pods.push(pod_name);
        w.containers.push(containers);
    }
    w
}

pub async fn read_secret(cluster: &Cluster, reference: &ObjectReference) -> Result<Secret> {
    Api::<Secret>::namespaced(cluster.client.clone(), &reference.namespace)
        .get(&reference.name)
        .await
        .map_err(|e| {
            fail(
                cluster,
                &format!("secret {}/{}", reference.namespace, reference.name),
                &e,
            )
        })
}

pub async fn read_configmap(cluster: &Cluster, reference: &ObjectReference) -> Result<ConfigMap> {
    Api::<ConfigMap>::namespaced(cluster.client.clone(), &reference.namespace)
        .get(&reference.name)
        .await
        .map_err(|e| {
            fail(
                cluster,
                &format!("configmap {}/{}", reference.namespace, reference.name),
                &e,
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_like_kanctl() {
        let refs = parse_workloads(STATEFULSET, &["db/pg,db/pg2".into()], "--statefulset").unwrap();
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[1].name, "pg2");
        assert!(parse_workloads(DEPLOYMENT, &["noslash".into()], "--deployment").is_err());
        let generic =
            parse_generic(&["v1/secrets/ns/s".into(), "apps/v1/deployments/ns/d".into()]).unwrap();
        assert_eq!(generic[0].group, "");
        assert_eq!(generic[1].group, "apps");
        assert_eq!(generic[1].resource, "deployments");
        assert!(parse_generic(&["a/b".into()]).is_err());
        let secrets = parse_named_refs(&["pg=db/pg-secret".into()], "secret", "--secrets").unwrap();
        assert_eq!(secrets["pg"].namespace, "db");
        let options = parse_key_values(&["a=1,b=2".into()], "--options").unwrap();
        assert_eq!(options["b"], "2");
        assert!(parse_key_values(&["a=b=c".into()], "--options").is_err());
        assert_eq!(
            parse_profile("p", "kanister").unwrap().namespace,
            "kanister"
        );
        let ns = parse_namespaces(&["app".into()]);
        assert_eq!(
            (ns[0].name.as_str(), ns[0].namespace.as_str()),
            ("app", "app")
        );
    }
}
