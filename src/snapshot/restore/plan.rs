//! Which items a restore takes from the archive and in which order: resource, namespace and
//! cluster-scope filters (Velero's rules), the always-excluded types, and the priority order.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Result, bail};
use serde_json::Value;

use super::order::{self, NON_RESTORABLE, is_crd, resource_part};
use crate::snapshot::filters::IncludesExcludes;
use crate::snapshot::tarball::{Archive, ItemRef};

/// The filters of a restore, as the user gave them.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub include_namespaces: Vec<String>,
    pub exclude_namespaces: Vec<String>,
    pub include_resources: Vec<String>,
    pub exclude_resources: Vec<String>,
    /// `None` = Velero's auto: cluster-scoped types only when every namespace is restored.
    pub include_cluster_resources: Option<bool>,
    /// Replaces Velero's high-priority list.
    pub priorities: Option<Vec<String>>,
}

/// One type's items, restored as one tier.
#[derive(Debug, Clone)]
pub struct PlannedType {
    pub group_resource: String,
    pub api_version: String,
    pub kind: String,
    /// `(source namespace, item)`; `None` for cluster-scoped items.
    pub items: Vec<(Option<String>, ItemRef)>,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub types: Vec<PlannedType>,
    /// Source namespaces with at least one planned item.
    pub namespaces: BTreeSet<String>,
}

impl Plan {
    pub fn item_count(&self) -> usize {
        self.types.iter().map(|t| t.items.len()).sum()
    }
}

/// Velero's resource include/exclude pair.
#[derive(Debug, Clone, Default)]
pub(crate) struct ResourceFilter {
    includes: IncludesExcludes,
    excludes: IncludesExcludes,
}

impl ResourceFilter {
    /// `what` names the flag pair in errors.
    pub(crate) fn new(includes: &[String], excludes: &[String], what: &str) -> Result<Self> {
        // Validates the pair (no '*' in excludes, nothing in both lists).
        IncludesExcludes::new(includes, excludes, what)?;
        Ok(ResourceFilter {
            includes: IncludesExcludes::new(includes, &[], what)?,
            excludes: IncludesExcludes::new(&[], excludes, what)?,
        })
    }

    /// Entries match `resource.group` or the bare resource (`deployments`).
    pub(crate) fn matches(&self, group_resource: &str) -> bool {
        let short = resource_part(group_resource);
        let excluded =
            !self.excludes.should_include(group_resource) || !self.excludes.should_include(short);
        let included = self.includes.includes_all()
            || self.includes.should_include(group_resource)
            || self.includes.should_include(short);
        !excluded && included
    }
}

impl Filters {
    /// Checks the flags without reading a backup: non-restorable types, include/exclude pairs.
    pub fn validate(&self) -> Result<()> {
        self.compile().map(|_| ())
    }

    fn compile(&self) -> Result<(ResourceFilter, IncludesExcludes)> {
        for wanted in &self.include_resources {
            if NON_RESTORABLE
                .iter()
                .any(|n| n == wanted || resource_part(n) == wanted)
            {
                bail!(
                    "{wanted} cannot be restored (Velero never restores it); remove it from --include-resources"
                );
            }
        }
        let resources = ResourceFilter::new(
            &self.include_resources,
            &self.exclude_resources,
            "resources",
        )?;
        let namespaces = IncludesExcludes::new(
            &self.include_namespaces,
            &self.exclude_namespaces,
            "namespaces",
        )?;
        Ok((resources, namespaces))
    }
}

pub fn plan(archive: &Archive, filters: &Filters) -> Result<Plan> {
    let (resources, namespaces) = filters.compile()?;
    let cluster_scoped = filters
        .include_cluster_resources
        .unwrap_or_else(|| namespaces.include_everything());

    let mut by_type: BTreeMap<String, PlannedType> = BTreeMap::new();
    let mut planned_namespaces = BTreeSet::new();
    for (gr, index) in archive.resources() {
        if NON_RESTORABLE.contains(&gr) || !resources.matches(gr) {
            continue;
        }
        let mut items = Vec::new();
        for (ns, list) in &index.namespaces {
            if !namespaces.should_include(ns) {
                continue;
            }
            planned_namespaces.insert(ns.clone());
            items.extend(list.iter().map(|i| (Some(ns.clone()), i.clone())));
        }
        for item in &index.cluster {
            if gr == "namespaces" {
                // A Namespace object follows the namespace filter, not the cluster-scope rule.
                if namespaces.should_include(&item.name) {
                    items.push((None, item.clone()));
                }
            } else if cluster_scoped || filters.include_cluster_resources.is_none() {
                items.push((None, item.clone()));
            }
        }
        if !items.is_empty() {
            by_type.insert(
                gr.to_string(),
                PlannedType {
                    group_resource: gr.to_string(),
                    api_version: index.api_version.clone(),
                    kind: index.kind.clone(),
                    items,
                },
            );
        }
    }
    if !cluster_scoped && filters.include_cluster_resources.is_none() {
        keep_related_cluster_items(archive, &mut by_type, &planned_namespaces)?;
    }
    let order = order::order(
        by_type.keys().map(String::as_str),
        filters.priorities.as_deref(),
    );
    let types = order
        .into_iter()
        .filter_map(|gr| by_type.remove(&gr))
        .collect();
    Ok(Plan {
        types,
        namespaces: planned_namespaces,
    })
}

/// Velero's auto cluster scope for a namespace subset: only the cluster-scoped items the
/// restored namespaced items need: the CRDs of restored custom types and the PVs claimed from
/// restored namespaces.
fn keep_related_cluster_items(
    archive: &Archive,
    by_type: &mut BTreeMap<String, PlannedType>,
    namespaces: &BTreeSet<String>,
) -> Result<()> {
    let namespaced_types: BTreeSet<String> = by_type
        .iter()
        .filter(|(_, t)| t.items.iter().any(|(ns, _)| ns.is_some()))
        .map(|(gr, _)| gr.clone())
        .collect();
    let mut drop = Vec::new();
    for (gr, planned) in by_type.iter_mut() {
        if gr == "namespaces" {
            continue;
        }
        let mut kept = Vec::new();
        for (ns, item) in planned.items.drain(..) {
            let keep = if ns.is_some() {
                true
            } else if is_crd(gr) {
                namespaced_types.contains(&item.name)
            } else if gr == "persistentvolumes" {
                let pv: Value = archive.read_json(&item)?;
                pv.pointer("/spec/claimRef/namespace")
                    .and_then(Value::as_str)
                    .is_some_and(|n| namespaces.contains(n))
            } else {
                false
            };
            if keep {
                kept.push((ns, item));
            }
        }
        planned.items = kept;
        if planned.items.is_empty() {
            drop.push(gr.clone());
        }
    }
    for gr in drop {
        by_type.remove(&gr);
    }
    Ok(())
}
