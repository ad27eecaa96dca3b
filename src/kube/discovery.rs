use std::collections::BTreeMap;

use anyhow::{Result, anyhow};
use kube::Client;
use kube::discovery::{ApiCapabilities, ApiResource, Discovery, Scope};

/// A resource found through discovery, at the server's preferred version.
#[derive(Debug, Clone)]
pub struct ResolvedResource {
    pub resource: ApiResource,
    pub capabilities: ApiCapabilities,
}

impl ResolvedResource {
    pub fn namespaced(&self) -> bool {
        self.capabilities.scope == Scope::Namespaced
    }

    pub fn supports(&self, verb: &str) -> bool {
        self.capabilities.operations.iter().any(|v| v == verb)
    }

    /// `deployments.apps`, `configmaps`: the group-resource form Velero and kubectl print.
    pub fn group_resource(&self) -> String {
        if self.resource.group.is_empty() {
            self.resource.plural.clone()
        } else {
            format!("{}.{}", self.resource.plural, self.resource.group)
        }
    }
}

/// Every resource the server serves, at preferred versions, with kubectl's lookup rules.
pub struct ApiCatalog {
    resources: Vec<ResolvedResource>,
}

impl ApiCatalog {
    pub async fn discover(client: &Client) -> Result<Self, kube::Error> {
        let discovery = Discovery::new(client.clone()).run().await?;
        let mut resources = Vec::new();
        for group in discovery.groups() {
            for (resource, capabilities) in group.recommended_resources() {
                resources.push(ResolvedResource {
                    resource,
                    capabilities,
                });
            }
        }
        Ok(ApiCatalog { resources })
    }

    pub fn all(&self) -> &[ResolvedResource] {
        &self.resources
    }

    /// Finds a resource the way kubectl does: plural, singular, kind or short name,
    /// case-insensitively, optionally qualified with its group (`deployments.apps`).
    pub fn resolve(&self, name: &str) -> Result<&ResolvedResource> {
        let wanted = name.to_lowercase();
        let (base, group) = match wanted.split_once('.') {
            Some((base, group)) => (base.to_string(), Some(group.to_string())),
            None => (wanted.clone(), None),
        };
        let matches = |r: &&ResolvedResource| {
            let ar = &r.resource;
            let names_match = ar.plural.to_lowercase() == base
                || ar.kind.to_lowercase() == base
                || ar.plural.trim_end_matches('s').to_lowercase() == base;
            let group_match = group.as_ref().is_none_or(|g| ar.group.to_lowercase() == *g);
            names_match && group_match
        };
        self.resources
            .iter()
            .find(matches)
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
}
