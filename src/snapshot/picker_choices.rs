//! What the interactive restore picker offers: the restorable backups of a location, newest
//! first, one line each; then, for the chosen backup, its namespaces and resource types with
//! item counts. Those come from the small files beside the tarball (our integrity record, else
//! Velero's resource list), so choosing costs no tarball download.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use anyhow::{Context, Result};
use tokio::io::AsyncReadExt;

use crate::kube::ApiCatalog;
use crate::output::age;
use crate::snapshot::describe::read_extras;
use crate::snapshot::filters::IncludesExcludes;
use crate::snapshot::integrity::Record;
use crate::snapshot::layout::{BackupKeys, ItemPath};
use crate::snapshot::list::Listed;
use crate::snapshot::restore::Filters;
use crate::snapshot::restore::order::{NON_RESTORABLE, is_crd, resource_part};
use crate::snapshot::tarball::ResourceList;
use crate::snapshot::types::{Backup, BackupPhase};
use crate::storage::ObjectStore;

/// A backup a restore can start from: Completed or PartiallyFailed, with its files written.
pub fn is_restorable(listed: &Listed) -> bool {
    let files_present = (listed.in_store && !listed.incomplete && listed.corrupt.is_none())
        || listed.in_cluster.is_some();
    files_present
        && listed
            .current()
            .and_then(Backup::phase)
            .is_some_and(BackupPhase::is_usable)
}

/// The restorable backups, newest first (undated ones last, by name).
pub fn restorable(listed: Vec<Listed>) -> Vec<Listed> {
    let mut found: Vec<Listed> = listed.into_iter().filter(is_restorable).collect();
    found.sort_by(|a, b| b.created().cmp(&a.created()).then(a.name.cmp(&b.name)));
    found
}

/// The namespaces a backup was asked for, from its spec: `all`, `shop, web`, `all except x`.
pub fn namespaces_label(listed: &Listed) -> String {
    let spec = listed.current().map(|b| b.spec.clone()).unwrap_or_default();
    let included: Vec<String> = spec
        .included_namespaces
        .unwrap_or_default()
        .into_iter()
        .filter(|n| n != "*")
        .collect();
    let excluded = spec.excluded_namespaces.unwrap_or_default();
    let label = match (included.is_empty(), excluded.is_empty()) {
        (true, true) => "all namespaces".to_string(),
        (true, false) => format!("all namespaces except {}", excluded.join(", ")),
        (false, true) => included.join(", "),
        (false, false) => format!("{} (except {})", included.join(", "), excluded.join(", ")),
    };
    truncate(&label, 60)
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut short: String = text.chars().take(max - 1).collect();
    short.push('…');
    short
}

/// One line per backup, columns aligned, the name first so that typing a name finds it.
pub fn rows(backups: &[Listed], now: chrono::DateTime<chrono::Utc>) -> Vec<String> {
    let width = backups.iter().map(|b| b.name.len()).max().unwrap_or(0);
    backups
        .iter()
        .map(|b| {
            let age = b.created().map_or("-".to_string(), |c| age(c, now));
            let items = b
                .items()
                .map_or("? items".to_string(), |i| format!("{i} items"));
            let mut row = format!(
                "{:<width$}  {age:>4} old  {items:>11}  {}",
                b.name,
                namespaces_label(b)
            );
            if b.phase() != "Completed" {
                row.push_str(&format!("  [{}]", b.phase()));
            }
            row
        })
        .collect()
}

/// A backup's items by type and namespace: counts only, whatever the backup's size.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contents {
    types: BTreeMap<String, TypeCounts>,
    /// Names of the Namespace objects in the backup.
    namespace_objects: BTreeSet<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct TypeCounts {
    cluster: usize,
    namespaces: BTreeMap<String, usize>,
}

/// One line of a multi-select: the value the restore filter takes, and how many items it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub items: usize,
    pub cluster_scoped: bool,
    /// Cluster-scoped items restored only where the chosen namespaces need them (Velero's
    /// rule for a namespace subset): `items` is then an upper bound.
    pub as_needed: bool,
}

impl Choice {
    pub fn label(&self) -> String {
        let plural = if self.items == 1 { "" } else { "s" };
        if self.as_needed {
            return format!(
                "{} (up to {} item{plural}: those the chosen namespaces use)",
                self.value, self.items
            );
        }
        let scope = if self.cluster_scoped {
            ", cluster-scoped"
        } else {
            ""
        };
        format!("{} ({} item{plural}{scope})", self.value, self.items)
    }
}

impl Contents {
    pub fn add(&mut self, group_resource: &str, namespace: Option<&str>, name: &str) {
        let counts = self.types.entry(group_resource.to_string()).or_default();
        match namespace {
            Some(ns) => *counts.namespaces.entry(ns.to_string()).or_default() += 1,
            None => {
                counts.cluster += 1;
                if group_resource == "namespaces" {
                    self.namespace_objects.insert(name.to_string());
                }
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    fn restorable_types(&self) -> impl Iterator<Item = (&String, &TypeCounts)> {
        self.types
            .iter()
            .filter(|(gr, _)| !NON_RESTORABLE.contains(&gr.as_str()))
    }

    /// Every namespace with something to restore (its items, or its Namespace object), with the
    /// count of those, for the namespaces the filters let through.
    pub fn namespaces(&self, filters: &Filters) -> Result<Vec<Choice>> {
        let filter = namespace_filter(filters)?;
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, t) in self.restorable_types() {
            for (ns, n) in &t.namespaces {
                *counts.entry(ns).or_default() += n;
            }
        }
        for ns in &self.namespace_objects {
            *counts.entry(ns).or_default() += 1;
        }
        Ok(counts
            .into_iter()
            .filter(|(ns, _)| filter.should_include(ns))
            .map(|(ns, items)| Choice {
                value: ns.to_string(),
                items,
                cluster_scoped: false,
                as_needed: false,
            })
            .collect())
    }

    /// The restorable types the filters take, with their items in the chosen namespaces, as
    /// the restore plans them: Namespace objects follow the namespace filter; other
    /// cluster-scoped items follow `--include-cluster-resources`, whose default takes them all
    /// for every namespace, else only the CRDs and PersistentVolumes the namespaces use.
    pub fn types(&self, filters: &Filters) -> Result<Vec<Choice>> {
        let namespaces = namespace_filter(filters)?;
        let included = IncludesExcludes::new(&filters.include_resources, &[], "resources")?;
        let excluded = IncludesExcludes::new(&[], &filters.exclude_resources, "resources")?;
        let wanted = |gr: &str| {
            let short = resource_part(gr);
            let excluded = !excluded.should_include(gr) || !excluded.should_include(short);
            let included = included.includes_all()
                || included.should_include(gr)
                || included.should_include(short);
            included && !excluded
        };
        let cluster_scope = filters.include_cluster_resources;
        let all_cluster_items = cluster_scope.unwrap_or_else(|| namespaces.include_everything());
        let as_needed = |gr: &str| {
            cluster_scope.is_none()
                && !all_cluster_items
                && (is_crd(gr) || gr == "persistentvolumes")
        };
        Ok(self
            .restorable_types()
            .filter(|(gr, _)| wanted(gr))
            .filter_map(|(gr, t)| {
                let namespaced: usize = t
                    .namespaces
                    .iter()
                    .filter(|(ns, _)| namespaces.should_include(ns))
                    .map(|(_, n)| n)
                    .sum();
                let cluster = if gr == "namespaces" {
                    self.namespace_objects
                        .iter()
                        .filter(|ns| namespaces.should_include(ns))
                        .count()
                } else if all_cluster_items || as_needed(gr) {
                    t.cluster
                } else {
                    0
                };
                let items = namespaced + cluster;
                (items > 0).then(|| Choice {
                    value: gr.clone(),
                    items,
                    cluster_scoped: t.namespaces.is_empty(),
                    as_needed: namespaced == 0 && as_needed(gr),
                })
            })
            .collect())
    }

    /// From our integrity record's lines (each tarball entry's path): the un-versioned copy
    /// of each item is counted, its `-preferredversion` twin is not.
    pub fn add_record_line(&mut self, line: &[u8]) -> Result<()> {
        let record: Record = serde_json::from_slice(line).with_context(|| {
            format!(
                "the integrity record has a malformed line: {:.120}",
                String::from_utf8_lossy(line)
            )
        })?;
        if let Record::Entry { path, .. } = record
            && path.starts_with("resources/")
        {
            let item = ItemPath::parse(&path)?;
            if item.version_dir.is_none() {
                self.add(&item.group_resource, item.namespace.as_deref(), &item.name);
            }
        }
        Ok(())
    }

    /// From Velero's resource list (`{"apps/v1/Deployment": ["ns/name", …]}`); `resource_of`
    /// turns an API group and kind into the group-resource the restore filters take.
    pub fn from_resource_list(
        list: &ResourceList,
        resource_of: impl Fn(&str, &str) -> String,
    ) -> Self {
        let mut contents = Contents::default();
        for (type_key, names) in list {
            let (api_version, kind) = type_key.rsplit_once('/').unwrap_or(("", type_key));
            let group = api_version.rsplit_once('/').map_or("", |(g, _)| g);
            let gr = resource_of(group, kind);
            for qualified in names {
                match qualified.split_once('/') {
                    Some((ns, name)) => contents.add(&gr, Some(ns), name),
                    None => contents.add(&gr, None, qualified),
                }
            }
        }
        contents
    }
}

fn namespace_filter(filters: &Filters) -> Result<IncludesExcludes> {
    IncludesExcludes::new(
        &filters.include_namespaces,
        &filters.exclude_namespaces,
        "namespaces",
    )
}

/// Kubernetes' own guess of a resource from a kind (`UnsafeGuessKindToResource`), for kinds the
/// cluster does not serve (yet): `NetworkPolicy` → `networkpolicies`.
pub fn guess_resource(group: &str, kind: &str) -> String {
    let lower = kind.to_lowercase();
    let plural = if lower.ends_with('s') {
        format!("{lower}es")
    } else if let Some(stem) = lower.strip_suffix('y') {
        format!("{stem}ies")
    } else {
        format!("{lower}s")
    };
    if group.is_empty() {
        plural
    } else {
        format!("{plural}.{group}")
    }
}

/// The backup's contents from our integrity record (streamed: constant memory), else from
/// Velero's resource list (its kinds named through the cluster's discovery when given). `None`
/// when the backup has neither file.
pub async fn read_contents(
    store: &ObjectStore,
    name: &str,
    catalog: impl AsyncFnOnce() -> Option<ApiCatalog>,
) -> Result<Option<Contents>> {
    let keys = BackupKeys::new(name);
    if store.head(&keys.integrity()).await?.is_some() {
        let contents = read_integrity_record(store, &keys.integrity()).await?;
        return Ok(Some(contents));
    }
    let Some(list) = read_extras(store, name, true).await?.resource_list else {
        return Ok(None);
    };
    let catalog = catalog().await;
    let contents = Contents::from_resource_list(&list, |group, kind| {
        match catalog.as_ref().and_then(|c| c.by_kind(group, kind)) {
            Some(found) => found.group_resource(),
            None => guess_resource(group, kind),
        }
    });
    Ok(Some(contents))
}

async fn read_integrity_record(store: &ObjectStore, key: &str) -> Result<Contents> {
    let mut reader = store.get(key).await?;
    let mut decoder = flate2::write::MultiGzDecoder::new(LineSink::default());
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = reader
            .read(&mut buf)
            .await
            .with_context(|| format!("reading {key} from {}", store.location()))?;
        if n == 0 {
            break;
        }
        decoder
            .write_all(&buf[..n])
            .with_context(|| format!("{key} is not valid gzip"))?;
    }
    let sink = decoder
        .finish()
        .with_context(|| format!("{key} is not valid gzip"))?;
    sink.finish().with_context(|| format!("in {key}"))
}

/// Splits decompressed bytes into lines and counts each as it completes.
#[derive(Default)]
struct LineSink {
    partial: Vec<u8>,
    contents: Contents,
    error: Option<anyhow::Error>,
}

impl LineSink {
    fn line(&mut self, line: &[u8]) {
        if self.error.is_none()
            && !line.is_empty()
            && let Err(e) = self.contents.add_record_line(line)
        {
            self.error = Some(e);
        }
    }

    fn finish(mut self) -> Result<Contents> {
        let rest = std::mem::take(&mut self.partial);
        self.line(&rest);
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.contents),
        }
    }
}

impl Write for LineSink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut rest = bytes;
        while let Some(end) = rest.iter().position(|b| *b == b'\n') {
            if self.partial.is_empty() {
                self.line(&rest[..end]);
            } else {
                let mut line = std::mem::take(&mut self.partial);
                line.extend_from_slice(&rest[..end]);
                self.line(&line);
            }
            rest = &rest[end + 1..];
        }
        self.partial.extend_from_slice(rest);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::integrity::IntegrityWriter;

    fn all() -> Filters {
        Filters::default()
    }

    fn with(f: impl FnOnce(&mut Filters)) -> Filters {
        let mut filters = Filters::default();
        f(&mut filters);
        filters
    }

    fn values(choices: &[Choice]) -> Vec<(&str, usize)> {
        choices
            .iter()
            .map(|c| (c.value.as_str(), c.items))
            .collect()
    }

    fn sample() -> Contents {
        let mut c = Contents::default();
        c.add("configmaps", Some("shop"), "a");
        c.add("configmaps", Some("shop"), "b");
        c.add("configmaps", Some("web"), "c");
        c.add("deployments.apps", Some("web"), "web");
        c.add("events", Some("web"), "e1");
        c.add("namespaces", None, "shop");
        c.add("namespaces", None, "web");
        c.add("namespaces", None, "empty");
        c.add("clusterroles.rbac.authorization.k8s.io", None, "view");
        c.add("persistentvolumes", None, "pv-1");
        c
    }

    #[test]
    fn namespaces_count_items_and_namespace_objects_but_not_events() {
        let c = sample();
        assert_eq!(
            values(&c.namespaces(&all()).unwrap()),
            [("empty", 1), ("shop", 3), ("web", 3)]
        );
        let no_shop = with(|f| f.exclude_namespaces = vec!["shop".into()]);
        assert_eq!(
            values(&c.namespaces(&no_shop).unwrap()),
            [("empty", 1), ("web", 3)]
        );
    }

    #[test]
    fn types_follow_the_namespace_choice_and_hide_non_restorable_ones() {
        let c = sample();
        let all_types = c.types(&all()).unwrap();
        assert_eq!(
            values(&all_types),
            [
                ("clusterroles.rbac.authorization.k8s.io", 1),
                ("configmaps", 3),
                ("deployments.apps", 1),
                ("namespaces", 3),
                ("persistentvolumes", 1),
            ]
        );
        assert!(all_types[0].cluster_scoped && !all_types[1].cluster_scoped);
        // A namespace subset takes only the cluster-scoped items it needs (Velero's rule).
        let shop = with(|f| f.include_namespaces = vec!["shop".into()]);
        let shop_types = c.types(&shop).unwrap();
        assert_eq!(
            values(&shop_types),
            [
                ("configmaps", 2),
                ("namespaces", 1),
                ("persistentvolumes", 1)
            ]
        );
        assert_eq!(
            shop_types[2].label(),
            "persistentvolumes (up to 1 item: those the chosen namespaces use)"
        );
        // … unless --include-cluster-resources says otherwise.
        let shop_all_cluster = with(|f| {
            f.include_namespaces = vec!["shop".into()];
            f.include_cluster_resources = Some(true);
        });
        assert_eq!(values(&c.types(&shop_all_cluster).unwrap()).len(), 4);
        assert_eq!(
            values(
                &c.types(&with(|f| f.include_cluster_resources = Some(false)))
                    .unwrap()
            ),
            [
                ("configmaps", 3),
                ("deployments.apps", 1),
                ("namespaces", 3)
            ]
        );
        let no_deploy = with(|f| f.exclude_resources = vec!["deployments".into()]);
        assert!(
            !c.types(&no_deploy)
                .unwrap()
                .iter()
                .any(|t| t.value == "deployments.apps")
        );
        let only_config =
            with(|f| f.include_resources = vec!["configmaps".into(), "clusterroles.*".into()]);
        assert_eq!(
            values(&c.types(&only_config).unwrap()),
            [
                ("clusterroles.rbac.authorization.k8s.io", 1),
                ("configmaps", 3)
            ]
        );
        assert_eq!(all_types[1].label(), "configmaps (3 items)");
        assert_eq!(
            all_types[0].label(),
            "clusterroles.rbac.authorization.k8s.io (1 item, cluster-scoped)"
        );
    }

    #[test]
    fn integrity_record_counts_each_item_once() {
        let mut gz = Vec::new();
        {
            let mut w = IntegrityWriter::new(&mut gz);
            w.entry("metadata/version", "x", 6).unwrap();
            for path in [
                ItemPath::new("configmaps", Some("shop"), "a"),
                ItemPath::new("namespaces", None, "shop"),
            ] {
                w.entry(&path.to_entry_path(), "x", 1).unwrap();
                w.entry(&path.preferred_copy("v1").to_entry_path(), "x", 1)
                    .unwrap();
            }
            w.finish("y", 10).unwrap();
        }
        // Fed in small, odd-sized pieces, as a download delivers them.
        let mut decoder = flate2::write::MultiGzDecoder::new(LineSink::default());
        for chunk in gz.chunks(7) {
            decoder.write_all(chunk).unwrap();
        }
        let contents = decoder.finish().unwrap().finish().unwrap();
        let mut want = Contents::default();
        want.add("configmaps", Some("shop"), "a");
        want.add("namespaces", None, "shop");
        assert_eq!(contents, want);
    }

    #[test]
    fn a_malformed_record_line_is_an_error() {
        let mut sink = LineSink::default();
        sink.write_all(b"{\"entry\":{\"path\":\"resources/x\"}}\nnot json\n")
            .unwrap();
        assert!(sink.finish().is_err());
    }

    #[test]
    fn resource_list_kinds_become_group_resources() {
        let mut list = ResourceList::new();
        list.insert("apps/v1/Deployment".into(), vec!["web/web".into()]);
        list.insert("v1/Namespace".into(), vec!["web".into()]);
        list.insert("v1/NetworkPolicy".into(), vec!["web/deny".into()]);
        let contents = Contents::from_resource_list(&list, guess_resource);
        assert_eq!(
            values(&contents.types(&all()).unwrap()),
            [
                ("deployments.apps", 1),
                ("namespaces", 1),
                ("networkpolicies", 1)
            ]
        );
        assert_eq!(guess_resource("", "Ingress"), "ingresses");
        assert_eq!(
            guess_resource("example.com", "Widget"),
            "widgets.example.com"
        );
    }

    fn listed(name: &str, phase: &str, minutes_ago: i64, namespaces: &[&str]) -> Listed {
        let started = chrono::Utc::now() - chrono::Duration::minutes(minutes_ago);
        let backup: Backup = serde_json::from_value(serde_json::json!({
            "apiVersion": "velero.io/v1", "kind": "Backup",
            "metadata": {"name": name, "namespace": "velero"},
            "spec": {"includedNamespaces": namespaces},
            "status": {"phase": phase, "startTimestamp": started.to_rfc3339(),
                "progress": {"itemsBackedUp": 7, "totalItems": 7}},
        }))
        .unwrap();
        Listed {
            name: name.into(),
            backup: Some(backup),
            in_cluster: None,
            in_store: true,
            incomplete: false,
            tarball_bytes: Some(1),
            has_integrity_record: true,
            corrupt: None,
            corrupt_content: false,
        }
    }

    #[test]
    fn only_restorable_backups_newest_first() {
        let found = restorable(vec![
            listed("old", "Completed", 300, &["shop"]),
            listed("failed", "Failed", 1, &[]),
            listed("new", "PartiallyFailed", 5, &[]),
            listed("running", "InProgress", 2, &[]),
        ]);
        let names: Vec<&str> = found.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["new", "old"]);
        let rows = rows(&found, chrono::Utc::now());
        assert!(rows[0].starts_with("new "), "{rows:?}");
        assert!(rows[0].contains("7 items") && rows[0].contains("all namespaces"));
        assert!(rows[0].ends_with("[PartiallyFailed]"), "{rows:?}");
        assert!(
            rows[1].contains("5h old") && rows[1].contains("shop"),
            "{rows:?}"
        );
    }
}
