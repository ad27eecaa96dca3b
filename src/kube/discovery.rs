//! The one discovery model: every resource type the server serves, at the server's preferred
//! version, with what kubectl resolves names by (plural, singular, kind, short names) and what
//! callers decide by (scope, verbs, subresources). Groups are asked in parallel and one by one,
//! so a broken aggregated API (`metrics.k8s.io` with its Service down) is recorded as a failed
//! group instead of failing the whole catalog; each caller decides what that costs it.

use std::collections::BTreeMap;

use anyhow::{Result, anyhow};
use futures::{StreamExt, TryStreamExt};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{APIResource, APIResourceList};
use kube::Client;
use kube::discovery::{ApiResource, Scope};

/// Discovery requests in flight at once: enough to hide latency, few enough for API fairness.
const CONCURRENT_GROUPS: usize = 8;

/// A resource type found through discovery, at the server's preferred version.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedResource {
    pub resource: ApiResource,
    pub singular: String,
    pub short_names: Vec<String>,
    pub scope: Scope,
    pub verbs: Vec<String>,
    /// `status`, `scale`, … (without the `plural/` prefix discovery lists them with).
    pub subresources: Vec<String>,
}

impl ResolvedResource {
    pub fn namespaced(&self) -> bool {
        self.scope == Scope::Namespaced
    }

    pub fn supports(&self, verb: &str) -> bool {
        self.verbs.iter().any(|v| v == verb)
    }

    /// `deployments.apps`, `configmaps`: the group-resource form Velero and kubectl print.
    pub fn group_resource(&self) -> String {
        group_resource(&self.resource.group, &self.resource.plural)
    }

    /// kubectl's lookup: plural, singular, kind or short name, case-insensitively, optionally
    /// qualified with the group (`deployments.apps`). A plural without its `s` also answers,
    /// for servers that leave `singularName` empty.
    pub fn answers_to(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        let (base, group) = match name.split_once('.') {
            Some((base, group)) => (base, Some(group)),
            None => (name.as_str(), None),
        };
        let ar = &self.resource;
        if group.is_some_and(|g| g != ar.group.to_lowercase()) {
            return false;
        }
        let plural = ar.plural.to_lowercase();
        base == plural
            || base == plural.trim_end_matches('s')
            || (!self.singular.is_empty() && base == self.singular.to_lowercase())
            || base == ar.kind.to_lowercase()
            || self.short_names.iter().any(|s| s.to_lowercase() == base)
    }
}

fn group_resource(group: &str, resource: &str) -> String {
    if group.is_empty() {
        resource.to_string()
    } else {
        format!("{resource}.{group}")
    }
}

/// A group whose resource lists could not be read.
#[derive(Debug)]
pub struct GroupFailure {
    /// The group's name, `""` for the core group.
    pub group: String,
    pub error: kube::Error,
}

/// Every resource the server serves: the core group first, then the groups in the server's order.
pub struct ApiCatalog {
    resources: Vec<ResolvedResource>,
    failed_groups: Vec<GroupFailure>,
}

impl ApiCatalog {
    /// Fails only when the group lists themselves cannot be read; a group that fails on its own
    /// ends up in [`ApiCatalog::failed_groups`].
    pub async fn discover(client: &Client) -> Result<Self, kube::Error> {
        let core_versions = client.list_core_api_versions().await?;
        let groups = client.list_api_groups().await?;

        // (group, versions with the server's preferred one first)
        let mut queries: Vec<(String, Vec<String>)> = Vec::new();
        if let Some(v) = core_versions.versions.first() {
            queries.push((String::new(), vec![v.clone()]));
        }
        for group in &groups.groups {
            let mut versions: Vec<String> = Vec::new();
            if let Some(preferred) = &group.preferred_version {
                versions.push(preferred.version.clone());
            }
            for v in &group.versions {
                if !versions.contains(&v.version) {
                    versions.push(v.version.clone());
                }
            }
            queries.push((group.name.clone(), versions));
        }

        let mut results: Vec<(usize, Result<Vec<ResolvedResource>, kube::Error>)> =
            futures::stream::iter(queries.iter().enumerate())
                .map(|(i, (group, versions))| async move {
                    (i, discover_group(client, group, versions).await)
                })
                .buffer_unordered(CONCURRENT_GROUPS)
                .collect()
                .await;
        results.sort_by_key(|(i, _)| *i);

        let mut catalog = ApiCatalog {
            resources: Vec::new(),
            failed_groups: Vec::new(),
        };
        for (i, result) in results {
            match result {
                Ok(resources) => catalog.resources.extend(resources),
                Err(error) => catalog.failed_groups.push(GroupFailure {
                    group: queries[i].0.clone(),
                    error,
                }),
            }
        }
        Ok(catalog)
    }

    pub fn all(&self) -> &[ResolvedResource] {
        &self.resources
    }

    pub fn failed_groups(&self) -> &[GroupFailure] {
        &self.failed_groups
    }

    /// Finds a resource the way kubectl does (see [`ResolvedResource::answers_to`]); the first
    /// match in catalog order wins.
    pub fn resolve(&self, name: &str) -> Result<&ResolvedResource> {
        self.resources
            .iter()
            .find(|r| r.answers_to(name))
            .ok_or_else(|| anyhow!("the server doesn't have a resource type {name:?}"))
    }

    /// Lookup by group and kind (what an object's `apiVersion`/`kind` names).
    pub fn by_kind(&self, group: &str, kind: &str) -> Option<&ResolvedResource> {
        self.resources
            .iter()
            .find(|r| r.resource.group == group && r.resource.kind == kind)
    }

    /// Groups present on the server, for capability checks such as "are Velero's CRDs there".
    pub fn groups(&self) -> BTreeMap<&str, Vec<&ResolvedResource>> {
        let mut groups: BTreeMap<&str, Vec<&ResolvedResource>> = BTreeMap::new();
        for r in &self.resources {
            groups.entry(r.resource.group.as_str()).or_default().push(r);
        }
        groups
    }

    #[cfg(test)]
    pub(crate) fn from_resources(resources: Vec<ResolvedResource>) -> Self {
        ApiCatalog {
            resources,
            failed_groups: Vec::new(),
        }
    }
}

/// One group's resources, each at the first version (in the order given) that serves it.
async fn discover_group(
    client: &Client,
    group: &str,
    versions: &[String],
) -> Result<Vec<ResolvedResource>, kube::Error> {
    let lists: Vec<(String, APIResourceList)> = futures::stream::iter(versions.iter())
        .then(|version| async move {
            let list = if group.is_empty() {
                client.list_core_api_resources(version).await
            } else {
                client
                    .list_api_group_resources(&format!("{group}/{version}"))
                    .await
            };
            list.map(|l| (version.clone(), l))
        })
        .try_collect()
        .await?;
    let mut resources: Vec<ResolvedResource> = Vec::new();
    for (version, list) in &lists {
        for r in &list.resources {
            if r.name.contains('/') || resources.iter().any(|t| t.resource.plural == r.name) {
                continue;
            }
            resources.push(resolved(group, version, r, &list.resources));
        }
    }
    Ok(resources)
}

fn resolved(group: &str, version: &str, r: &APIResource, all: &[APIResource]) -> ResolvedResource {
    let prefix = format!("{}/", r.name);
    ResolvedResource {
        resource: ApiResource {
            group: group.to_string(),
            version: version.to_string(),
            api_version: if group.is_empty() {
                version.to_string()
            } else {
                format!("{group}/{version}")
            },
            kind: r.kind.clone(),
            plural: r.name.clone(),
        },
        singular: r.singular_name.clone(),
        short_names: r.short_names.clone().unwrap_or_default(),
        scope: if r.namespaced {
            Scope::Namespaced
        } else {
            Scope::Cluster
        },
        verbs: r.verbs.clone(),
        subresources: all
            .iter()
            .filter_map(|s| s.name.strip_prefix(&prefix).map(str::to_string))
            .collect(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn resource(
        group: &str,
        plural: &str,
        kind: &str,
        short: &[&str],
    ) -> ResolvedResource {
        let all = [
            APIResource {
                name: plural.into(),
                kind: kind.into(),
                singular_name: kind.to_lowercase(),
                short_names: Some(short.iter().map(|s| s.to_string()).collect()),
                namespaced: true,
                verbs: ["list", "create", "get", "delete"]
                    .map(String::from)
                    .to_vec(),
                ..Default::default()
            },
            APIResource {
                name: format!("{plural}/status"),
                kind: kind.into(),
                ..Default::default()
            },
        ];
        resolved(group, "v1", &all[0], &all)
    }

    #[test]
    fn resolves_like_kubectl() {
        let catalog = ApiCatalog::from_resources(vec![
            resource("", "configmaps", "ConfigMap", &["cm"]),
            resource("apps", "deployments", "Deployment", &["deploy"]),
        ]);
        for name in ["cm", "configmap", "ConfigMaps", "configmaps", "CM"] {
            let found = catalog.resolve(name).unwrap();
            assert_eq!(found.resource.plural, "configmaps", "{name}");
        }
        let deploy = catalog.resolve("deploy").unwrap();
        assert_eq!(deploy.group_resource(), "deployments.apps");
        assert_eq!(deploy.resource.api_version, "apps/v1");
        assert_eq!(deploy.subresources, ["status"]);
        assert!(catalog.resolve("Deployments.Apps").is_ok());
        assert!(catalog.resolve("deployments.batch").is_err());
        assert_eq!(
            catalog.resolve("widgets").unwrap_err().to_string(),
            "the server doesn't have a resource type \"widgets\""
        );
    }
}
