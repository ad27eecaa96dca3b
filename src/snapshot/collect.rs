//! Collection: turn the user's filters into a plan (which types, which namespaces, which
//! cluster-scoped types), then list everything with paginated requests, several lists at once,
//! and push each kept item down a bounded channel to the tarball writer. Nothing is accumulated:
//! a page is dropped once its items are sent, and the channel's bound is the backpressure.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context, Result, bail};
use futures::StreamExt;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use kube::Client;
use kube::api::{DynamicObject, ListParams};
use kube::core::{Request, Resource};
use serde::Deserialize;
use serde_json::{Map, Value};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::kube::{ResolvedResource, describe_error};
use crate::snapshot::discovery::Discovered;
use crate::snapshot::filters::{IncludesExcludes, is_glob};
use crate::snapshot::layout::{ItemPath, qualified_name};
use crate::snapshot::list_plan::{ListPlan, ListScope};
use crate::snapshot::related::Related;
use crate::snapshot::report::RunReport;
use crate::snapshot::selector;
use crate::snapshot::tarball::ArchivedItem;
use crate::snapshot::types::EXCLUDE_FROM_BACKUP_LABEL;

pub const DEFAULT_PAGE_SIZE: u32 = 500;
pub const DEFAULT_CONCURRENCY: usize = 4;

/// What the user asked for, in Velero's terms.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub include_namespaces: Vec<String>,
    pub exclude_namespaces: Vec<String>,
    pub include_resources: Vec<String>,
    pub exclude_resources: Vec<String>,
    /// `-l` as typed (sent to every LIST) and parsed (stored in the Backup).
    pub selector: Option<String>,
    /// `--include-cluster-resources`: `None` is Velero's "auto".
    pub include_cluster_resources: Option<bool>,
}

/// Which cluster-scoped items go in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterScope {
    /// Every cluster-scoped type the resource filter allows.
    All,
    /// Only items pulled in as related (PVC → PV, CR → CRD, …): auto with a namespace subset.
    RelatedOnly,
    /// None at all, not even related ones (`--include-cluster-resources=false`).
    None,
}

/// The resolved resource filter, matching `resource.group` strings.
#[derive(Debug, Clone)]
pub struct ResourceFilter {
    filter: IncludesExcludes,
}

impl ResourceFilter {
    pub fn should_include(&self, group_resource: &str) -> bool {
        self.filter.should_include(group_resource)
    }
}

/// One LIST to run: a type, in one namespace or across all of them.
#[derive(Debug, Clone)]
pub struct ListUnit {
    pub api_type: ResolvedResource,
    pub namespace: Option<String>,
}

/// Everything decided before the first item is read.
#[derive(Debug)]
pub struct Plan {
    pub units: Vec<ListUnit>,
    pub cluster_scope: ClusterScope,
    pub resources: ResourceFilter,
    /// Selected namespaces and their Namespace objects (written at the end, see `finish`).
    pub namespaces: BTreeMap<String, Value>,
    pub selector: Option<(String, LabelSelector)>,
    pub warnings: Vec<String>,
    /// How namespaced types are listed (see [`ListPlan`]).
    pub list_scope: ListScope,
}

/// Validates the selection against the cluster and builds the plan. Bad input fails here,
/// before anything is written.
pub async fn plan(
    client: &Client,
    server: &str,
    discovered: &Discovered,
    selection: &Selection,
) -> Result<Plan> {
    let namespace_filter = IncludesExcludes::new(
        &selection.include_namespaces,
        &selection.exclude_namespaces,
        "namespaces",
    )?;
    let mut warnings = discovered.warnings.clone();
    let resources = resolve_resource_filter(discovered, selection, &mut warnings)?;
    let selector = selection
        .selector
        .as_deref()
        .map(|s| selector::parse(s).map(|parsed| (s.to_string(), parsed)))
        .transpose()?;

    let namespaces_type = discovered
        .by_group_resource("namespaces")
        .context("the server does not serve namespaces")?;
    let mut all_namespace_objects = Vec::new();
    list_pages(
        client,
        server,
        namespaces_type,
        None,
        None,
        DEFAULT_PAGE_SIZE,
        |items| {
            all_namespace_objects.extend(items);
            Ok(())
        },
    )
    .await?;
    let existing: BTreeSet<String> = all_namespace_objects
        .iter()
        .filter_map(|ns| ns["metadata"]["name"].as_str().map(str::to_string))
        .collect();
    for wanted in namespace_filter.includes() {
        if wanted != "*" && !is_glob(wanted) && !existing.contains(wanted) {
            bail!(
                "namespace {wanted:?} does not exist (--include-namespaces); nothing was backed up"
            );
        }
    }
    let mut namespaces = BTreeMap::new();
    let mut namespaces_in_cluster = 0;
    for ns in all_namespace_objects {
        let name = ns["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let active = ns["status"]["phase"].as_str().is_none_or(|p| p == "Active")
            && ns["metadata"]["deletionTimestamp"].is_null();
        if active {
            namespaces_in_cluster += 1;
        }
        if !namespace_filter.should_include(&name) || !active || excluded_by_label(&ns) {
            continue;
        }
        namespaces.insert(name, ns);
    }
    if namespaces.is_empty() {
        warnings.push(format!(
            "no namespace matches --include-namespaces {:?} / --exclude-namespaces {:?}",
            namespace_filter.includes(),
            namespace_filter.excludes()
        ));
    }

    let cluster_scope = match selection.include_cluster_resources {
        Some(true) => ClusterScope::All,
        Some(false) => ClusterScope::None,
        None if namespace_filter.include_everything() => ClusterScope::All,
        None => ClusterScope::RelatedOnly,
    };

    // Namespaces come from the list above; they are written at the end.
    let wanted = |api_type: &&ResolvedResource| {
        let gr = api_type.group_resource();
        gr != "namespaces" && resources.should_include(&gr)
    };
    let list_plan = ListPlan {
        namespaces_in_cluster,
        namespaces_selected: namespaces.len(),
        namespaced_types: discovered
            .types
            .iter()
            .filter(wanted)
            .filter(|t| t.namespaced())
            .count(),
        includes_all_namespaces: namespace_filter.includes_all(),
        has_label_selector: selector.is_some(),
    };
    let list_scope = list_plan.scope();
    let mut units = Vec::new();
    for api_type in discovered.types.iter().filter(wanted) {
        if api_type.namespaced() {
            // No namespace selected: no namespaced item can be in scope.
            if namespaces.is_empty() {
                continue;
            }
            if list_scope == ListScope::ClusterWide {
                units.push(ListUnit {
                    api_type: api_type.clone(),
                    namespace: None,
                });
            } else {
                units.extend(namespaces.keys().map(|ns| ListUnit {
                    api_type: api_type.clone(),
                    namespace: Some(ns.clone()),
                }));
            }
        } else if cluster_scope == ClusterScope::All {
            units.push(ListUnit {
                api_type: api_type.clone(),
                namespace: None,
            });
        }
    }
    Ok(Plan {
        units,
        cluster_scope,
        resources,
        namespaces,
        selector,
        warnings,
        list_scope,
    })
}

fn resolve_resource_filter(
    discovered: &Discovered,
    selection: &Selection,
    warnings: &mut Vec<String>,
) -> Result<ResourceFilter> {
    let mut resolve = |names: &[String], include: bool| -> Result<Vec<String>> {
        let mut out = Vec::new();
        for name in names {
            if name == "*" || is_glob(name) {
                out.push(name.clone());
            } else if let Some(t) = discovered.resolve(name) {
                out.push(t.group_resource());
            } else if include {
                bail!(
                    "the server doesn't have a resource type {name:?} (--include-resources); check `kubectl api-resources`"
                );
            } else {
                warnings.push(format!(
                    "--exclude-resources {name:?} matches no type served by this cluster"
                ));
                out.push(name.clone());
            }
        }
        Ok(out)
    };
    let includes = resolve(&selection.include_resources, true)?;
    let excludes = resolve(&selection.exclude_resources, false)?;
    Ok(ResourceFilter {
        filter: IncludesExcludes::new(&includes, &excludes, "resources")?,
    })
}

pub fn excluded_by_label(object: &Value) -> bool {
    object["metadata"]["labels"][EXCLUDE_FROM_BACKUP_LABEL].as_str() == Some("true")
}

#[derive(Deserialize)]
struct ListPage {
    #[serde(default)]
    metadata: ListPageMeta,
    #[serde(default)]
    items: Vec<Value>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ListPageMeta {
    #[serde(default, rename = "continue")]
    continue_token: Option<String>,
    #[serde(default)]
    remaining_item_count: Option<i64>,
}

/// Lists one type page by page, handing each page's items to `each_page` before the next
/// request, so at most one page per running list is in memory.
pub async fn list_pages(
    client: &Client,
    server: &str,
    api_type: &ResolvedResource,
    namespace: Option<&str>,
    label_selector: Option<&str>,
    page_size: u32,
    mut each_page: impl FnMut(Vec<Value>) -> Result<()>,
) -> Result<()> {
    let mut pages = PageLister::new(api_type, namespace, label_selector, page_size);
    while let Some(page) = pages.next(client, server).await? {
        each_page(page.items)?;
    }
    Ok(())
}

struct PageLister {
    url: String,
    params: ListParams,
    done: bool,
    what: String,
}

impl PageLister {
    fn new(
        api_type: &ResolvedResource,
        namespace: Option<&str>,
        label_selector: Option<&str>,
        page_size: u32,
    ) -> Self {
        let url = DynamicObject::url_path(&api_type.resource, namespace);
        let mut params = ListParams::default();
        if page_size > 0 {
            params = params.limit(page_size);
        }
        if let Some(selector) = label_selector {
            params = params.labels(selector);
        }
        let what = match namespace {
            Some(ns) => format!("{} in namespace {ns}", api_type.group_resource()),
            None => api_type.group_resource(),
        };
        PageLister {
            url,
            params,
            done: false,
            what,
        }
    }

    async fn next(&mut self, client: &Client, server: &str) -> Result<Option<ListPage>> {
        if self.done {
            return Ok(None);
        }
        let page: ListPage = self.request(client).await.map_err(|e| {
            let hint = match crate::kube::api_status(&e).map(|s| s.code) {
                Some(410) => "; the list took longer than the API server keeps its continue tokens, retry the backup",
                _ => "",
            };
            anyhow::Error::new(ListFailed {
                not_found: crate::kube::is_not_found(&e),
                forbidden: crate::kube::api_status(&e).is_some_and(|s| s.code == 403),
                message: format!(
                    "listing {} failed: {}{hint}",
                    self.what,
                    describe_error(server, &e)
                ),
            })
        })?;
        match page.metadata.continue_token.as_deref() {
            Some(token) if !token.is_empty() => {
                self.params.continue_token = Some(token.to_string())
            }
            _ => self.done = true,
        }
        Ok(Some(page))
    }
}

impl PageLister {
    /// One page. Retries (429/5xx backoff, dropped connections, bodies cut short) happen below,
    /// in the client's one retry layer (`crate::kube::read_retry`); the same continue token
    /// makes its repeat of a page safe.
    async fn request(&self, client: &Client) -> Result<ListPage, kube::Error> {
        let request = Request::new(&self.url)
            .list(&self.params)
            .map_err(kube::Error::BuildRequest)?;
        client.request::<ListPage>(request).await
    }
}

/// A failed LIST: the message, and whether the type was simply gone.
#[derive(Debug)]
struct ListFailed {
    not_found: bool,
    forbidden: bool,
    message: String,
}

impl std::fmt::Display for ListFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ListFailed {}

/// How a list ended (errors other than the fallback case are recorded in the report).
#[derive(Debug, PartialEq, Eq)]
enum Listed {
    Done,
    /// 403 on the first page of a cluster-wide list: list namespace by namespace instead.
    ForbiddenClusterWide,
}

/// Counters the progress bar reads.
#[derive(Debug, Default)]
pub struct Progress {
    /// Items seen so far plus what the server says remains: an estimate that only grows.
    pub estimated_total: AtomicU64,
    /// Items handed to the writer.
    pub sent: AtomicU64,
    /// Items skipped (being deleted, excluded by label, outside the namespaces).
    pub skipped: AtomicU64,
}

/// Shared state of one collection run.
pub struct Collector {
    pub client: Client,
    pub server: String,
    pub plan: Plan,
    pub discovered: Discovered,
    pub report: Arc<RunReport>,
    pub progress: Arc<Progress>,
    pub related: Related,
    pub cancel: CancellationToken,
    pub page_size: u32,
    pub concurrency: usize,
    tx: mpsc::Sender<ArchivedItem>,
    /// Namespaces that had at least one item, for the selector rule on Namespace objects.
    namespaces_with_items: std::sync::Mutex<HashSet<String>>,
}

impl Collector {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        client: Client,
        server: String,
        plan: Plan,
        discovered: Discovered,
        report: Arc<RunReport>,
        progress: Arc<Progress>,
        cancel: CancellationToken,
        tx: mpsc::Sender<ArchivedItem>,
    ) -> Self {
        Collector {
            client,
            server,
            plan,
            discovered,
            report,
            progress,
            related: Related::default(),
            cancel,
            page_size: DEFAULT_PAGE_SIZE,
            concurrency: DEFAULT_CONCURRENCY,
            tx,
            namespaces_with_items: std::sync::Mutex::new(HashSet::new()),
        }
    }

    /// Runs every list (bounded concurrency), then related items, then Namespace objects.
    /// Returns when everything was sent; a LIST error is recorded, never fatal.
    pub async fn run(&self) -> Result<()> {
        let units = self.plan.units.clone();
        let mut lists = futures::stream::iter(units.iter())
            .map(|unit| self.list_unit(unit))
            .buffer_unordered(self.concurrency.max(1));
        while let Some(outcome) = lists.next().await {
            outcome?;
        }
        drop(lists);
        crate::snapshot::related::resolve(self).await?;
        self.send_namespaces().await
    }

    fn check_cancelled(&self) -> Result<()> {
        if self.cancel.is_cancelled() {
            bail!("interrupted");
        }
        Ok(())
    }

    /// Lists one unit. A cluster-wide list of a namespaced type that the user may not run
    /// (403) is replaced by one list per selected namespace, where RBAC may allow it.
    async fn list_unit(&self, unit: &ListUnit) -> Result<()> {
        let falls_back = unit.namespace.is_none() && unit.api_type.namespaced();
        if self.list_one(unit, falls_back).await? == Listed::ForbiddenClusterWide {
            self.report.info(&format!(
                "Listing {} across all namespaces is forbidden; listing it in each of the {} selected namespaces instead",
                unit.api_type.group_resource(),
                self.plan.namespaces.len()
            ));
            let per_namespace: Vec<ListUnit> = self
                .plan
                .namespaces
                .keys()
                .map(|ns| ListUnit {
                    api_type: unit.api_type.clone(),
                    namespace: Some(ns.clone()),
                })
                .collect();
            let mut lists = futures::stream::iter(per_namespace.iter())
                .map(|unit| self.list_one(unit, false))
                .buffer_unordered(self.concurrency.max(1));
            while let Some(outcome) = lists.next().await {
                outcome?;
            }
        }
        Ok(())
    }

    /// Lists one type in one namespace or all of them. With `forbidden_is_fallback`, a 403 on
    /// the first page is returned as [`Listed::ForbiddenClusterWide`] instead of recorded as an
    /// error.
    async fn list_one(&self, unit: &ListUnit, forbidden_is_fallback: bool) -> Result<Listed> {
        let selector = self.plan.selector.as_ref().map(|(raw, _)| raw.as_str());
        let mut pages = PageLister::new(
            &unit.api_type,
            unit.namespace.as_deref(),
            selector,
            self.page_size,
        );
        let gr = unit.api_type.group_resource();
        let mut kept = 0u64;
        let mut first = true;
        loop {
            self.check_cancelled()?;
            let page = tokio::select! {
                page = pages.next(&self.client, &self.server) => page,
                _ = self.cancel.cancelled() => bail!("interrupted"),
            };
            let page = match page {
                Ok(Some(page)) => page,
                Ok(None) => break,
                Err(e) => {
                    let failed = e.downcast_ref::<ListFailed>();
                    if first && forbidden_is_fallback && failed.is_some_and(|f| f.forbidden) {
                        return Ok(Listed::ForbiddenClusterWide);
                    }
                    let gone = failed.is_some_and(|f| f.not_found);
                    if gone {
                        // The type went away after discovery (CRD deleted): nothing to miss.
                        self.report
                            .warning(unit.namespace.as_deref(), format!("{e}"));
                    } else {
                        self.report.error(unit.namespace.as_deref(), format!("{e}"));
                    }
                    return Ok(Listed::Done);
                }
            };
            let remaining = page.metadata.remaining_item_count.unwrap_or(0).max(0) as u64;
            let seen = page.items.len() as u64;
            if first {
                self.progress
                    .estimated_total
                    .fetch_add(seen + remaining, Ordering::Relaxed);
                first = false;
            }
            for object in page.items {
                if self.offer(&unit.api_type, object).await? {
                    kept += 1;
                }
            }
        }
        if kept > 0 {
            let scope = unit
                .namespace
                .as_deref()
                .map_or(String::new(), |ns| format!(" in namespace {ns}"));
            self.report
                .info(&format!("Backed up {kept} items of {gr}{scope}"));
        }
        Ok(Listed::Done)
    }

    /// Applies the per-item rules and sends the item on; `true` when it went into the backup.
    pub async fn offer(&self, api_type: &ResolvedResource, object: Value) -> Result<bool> {
        let Value::Object(object) = object else {
            return Ok(false);
        };
        let null = Value::Null;
        let metadata = object.get("metadata").unwrap_or(&null);
        let name = metadata["name"].as_str().unwrap_or_default().to_string();
        let namespace = if api_type.namespaced() {
            metadata["namespace"].as_str().map(str::to_string)
        } else {
            None
        };
        let skip = name.is_empty()
            || !metadata["deletionTimestamp"].is_null()
            || metadata["labels"][EXCLUDE_FROM_BACKUP_LABEL].as_str() == Some("true")
            || namespace
                .as_ref()
                .is_some_and(|ns| !self.plan.namespaces.contains_key(ns))
            || (api_type.namespaced() && namespace.is_none());
        if skip {
            self.progress.skipped.fetch_add(1, Ordering::Relaxed);
            return Ok(false);
        }
        let gr = api_type.group_resource();
        if !self.related.claim(&gr, namespace.as_deref(), &name) {
            // Already in the backup (listed and also pulled in as related).
            return Ok(false);
        }
        let body = with_type_meta(api_type, object);
        self.related.observe(api_type, &body);
        if let Some(ns) = &namespace {
            self.namespaces_with_items
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(ns.clone());
        }
        let item = ArchivedItem {
            path: ItemPath::new(&gr, namespace.as_deref(), &name),
            version: api_type.resource.version.clone(),
            api_version: api_type.resource.api_version.clone(),
            kind: api_type.resource.kind.clone(),
            body: serde_json::to_vec(&Value::Object(body))?,
        };
        self.tx.send(item).await.map_err(|_| WriterStopped)?;
        self.progress.sent.fetch_add(1, Ordering::Relaxed);
        Ok(true)
    }

    /// Namespace objects of the selected namespaces: all of them without a selector; with one,
    /// those that match it or hold a selected item (Velero's rule).
    async fn send_namespaces(&self) -> Result<()> {
        if !self.plan.resources.should_include("namespaces") {
            return Ok(());
        }
        let Some(namespaces_type) = self.discovered.by_group_resource("namespaces").cloned() else {
            return Ok(());
        };
        let with_items = self
            .namespaces_with_items
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        for (name, object) in &self.plan.namespaces {
            self.check_cancelled()?;
            let keep = match &self.plan.selector {
                None => true,
                Some((_, parsed)) => {
                    with_items.contains(name)
                        || selector::matches(parsed, &selector::labels_of(object))
                }
            };
            if keep {
                self.offer(&namespaces_type, object.clone()).await?;
            }
        }
        Ok(())
    }

    /// Is a related item allowed in? The resource filter and the cluster scope still apply;
    /// the label selector does not (Velero's additional items bypass it).
    pub fn admits_related(&self, api_type: &ResolvedResource, namespace: Option<&str>) -> bool {
        if !self
            .plan
            .resources
            .should_include(&api_type.group_resource())
        {
            return false;
        }
        match namespace {
            Some(ns) => self.plan.namespaces.contains_key(ns),
            None => self.plan.cluster_scope != ClusterScope::None,
        }
    }

    /// GETs one object for the related-items pass; `None` when it does not exist.
    pub async fn fetch(
        &self,
        api_type: &ResolvedResource,
        namespace: Option<&str>,
        name: &str,
    ) -> Result<Option<Value>> {
        let url = DynamicObject::url_path(&api_type.resource, namespace);
        let request = Request::new(url).get(name, &Default::default())?;
        match self.client.request::<Value>(request).await {
            Ok(object) => Ok(Some(object)),
            Err(e) if crate::kube::is_not_found(&e) => Ok(None),
            Err(e) => {
                let what = format!(
                    "{} {}",
                    api_type.group_resource(),
                    qualified_name(namespace, name)
                );
                self.report.error(
                    namespace,
                    format!(
                        "reading related item {what} failed: {}",
                        describe_error(&self.server, &e)
                    ),
                );
                Ok(None)
            }
        }
    }
}

/// The tarball writer went away (its own error, or the upload's, says why).
#[derive(Debug)]
pub struct WriterStopped;

impl std::fmt::Display for WriterStopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the tarball writer stopped")
    }
}

impl std::error::Error for WriterStopped {}

/// LIST items lack `apiVersion` and `kind`; Velero's items carry them, first.
fn with_type_meta(api_type: &ResolvedResource, object: Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::with_capacity(object.len() + 2);
    out.insert(
        "apiVersion".into(),
        Value::String(api_type.resource.api_version.clone()),
    );
    out.insert("kind".into(), Value::String(api_type.resource.kind.clone()));
    for (k, v) in object {
        if k != "apiVersion" && k != "kind" {
            out.insert(k, v);
        }
    }
    out
}
