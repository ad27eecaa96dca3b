//! What the current cluster offers and permits, gathered once so that `doctor` can print it and
//! every capability can pick its mode (through the installed controller, or client-side).

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::authorization::v1::{
    ResourceAttributes, SelfSubjectAccessReview, SelfSubjectAccessReviewSpec,
};
use kube::api::{Api, DynamicObject, ListParams, PostParams};
use kube::discovery::ApiResource;
use serde::Serialize;

use crate::kube::{ApiCatalog, Cluster};
pub use crate::mode::Mode;
use crate::mode::{self as policy, Decision, Found};

pub const KANISTER_GROUP: &str = "cr.kanister.io";
pub const VELERO_GROUP: &str = "velero.io";
const KANISTER_OPERATOR_SELECTOR: &str = "app=kanister-operator";
const VELERO_SELECTOR: &str = "component=velero";

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub server: String,
    pub server_version: String,
    pub kanister: Kanister,
    pub velero: Velero,
    pub capabilities: Vec<Capability>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Kanister {
    pub crds_installed: bool,
    pub controller: Option<Component>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Velero {
    pub crds_installed: bool,
    pub server: Option<Component>,
    pub storage_locations: Vec<StorageLocationState>,
}

impl Velero {
    fn absent() -> Velero {
        Velero {
            crds_installed: false,
            server: None,
            storage_locations: Vec::new(),
        }
    }

    /// Velero does the work when its server is Available with at least one Available location.
    pub fn ready(&self) -> bool {
        self.server.as_ref().is_some_and(|c| c.available)
            && self.available_locations().next().is_some()
    }

    pub fn available_locations(&self) -> impl Iterator<Item = &StorageLocationState> {
        self.storage_locations
            .iter()
            .filter(|l| l.phase.as_deref() == Some("Available"))
    }

    /// What the mode policy needs to know, in words.
    pub fn found(&self) -> Found {
        if !self.crds_installed {
            return Found::Absent("Velero's CRDs (velero.io) are not installed".into());
        }
        let server = match &self.server {
            None => return Found::ApiOnly("no Velero server Deployment was found".into()),
            Some(c) if !c.available => {
                return Found::ApiOnly(format!(
                    "the Velero server {}/{} is not Available",
                    c.namespace, c.name
                ));
            }
            Some(c) => c,
        };
        let locations: Vec<&str> = self
            .available_locations()
            .map(|l| l.name.as_str())
            .collect();
        if locations.is_empty() {
            return Found::ApiOnly("Velero has no Available BackupStorageLocation".into());
        }
        Found::Ready(format!(
            "Velero server {}/{} is Available with location(s) {}",
            server.namespace,
            server.name,
            locations.join(", ")
        ))
    }
}

impl Kanister {
    /// What the mode policy needs to know, in words.
    pub fn found(&self) -> Found {
        if !self.crds_installed {
            return Found::Absent("Kanister's CRDs (cr.kanister.io) are not installed".into());
        }
        match &self.controller {
            None => Found::ApiOnly("no Kanister controller Deployment was found".into()),
            Some(c) if !c.available => Found::ApiOnly(format!(
                "the Kanister controller {}/{} is not Available",
                c.namespace, c.name
            )),
            Some(c) => Found::Ready(format!(
                "Kanister controller {}/{} is Available",
                c.namespace, c.name
            )),
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Component {
    pub namespace: String,
    pub name: String,
    pub available: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StorageLocationState {
    pub namespace: String,
    pub name: String,
    pub phase: Option<String>,
    pub default: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Capability {
    pub name: &'static str,
    pub mode: Mode,
    /// Why this mode: what was found of the controller, or why the work is client-side.
    pub reason: String,
    pub allowed: bool,
    /// `verb resource.group [in namespace]` for every permission the review denied.
    pub missing: Vec<String>,
}

/// A permission one capability needs: verb on group/resource, in a namespace or cluster-wide.
struct Permission {
    verb: &'static str,
    group: &'static str,
    resource: &'static str,
    subresource: Option<&'static str>,
    namespace: Option<String>,
}

impl Permission {
    fn new(verb: &'static str, group: &'static str, resource: &'static str) -> Self {
        Permission {
            verb,
            group,
            resource,
            subresource: None,
            namespace: None,
        }
    }

    fn sub(mut self, subresource: &'static str) -> Self {
        self.subresource = Some(subresource);
        self
    }

    fn in_ns(mut self, namespace: &str) -> Self {
        self.namespace = Some(namespace.to_string());
        self
    }

    fn describe(&self) -> String {
        let mut resource = self.resource.to_string();
        if let Some(sub) = self.subresource {
            resource.push('/');
            resource.push_str(sub);
        }
        if !self.group.is_empty() {
            resource.push('.');
            resource.push_str(self.group);
        }
        match &self.namespace {
            Some(ns) => format!("{} {resource} in {ns}", self.verb),
            None => format!("{} {resource}", self.verb),
        }
    }
}

pub async fn inspect(cluster: &Cluster) -> Result<Report, kube::Error> {
    let client = &cluster.client;
    let version = client.apiserver_version().await?;
    let catalog = ApiCatalog::discover(client).await?;
    let groups = catalog.groups();
    let kanister_crds = groups.contains_key(KANISTER_GROUP);
    let velero_crds = groups.contains_key(VELERO_GROUP);

    let kanister = kanister_given(cluster, kanister_crds).await?;
    let velero = if velero_crds {
        let bsl = catalog
            .by_kind(VELERO_GROUP, "BackupStorageLocation")
            .map(|r| r.resource.clone());
        inspect_installed_velero(cluster, bsl.as_ref()).await?
    } else {
        Velero::absent()
    };

    let kanister_mode = policy::auto(kanister.found());
    let velero_mode = policy::auto(velero.found());
    let velero_ns = velero
        .server
        .as_ref()
        .map_or("velero".to_string(), |c| c.namespace.clone());

    let ns = cluster.namespace.as_str();
    let kanister_ns = kanister
        .controller
        .as_ref()
        .map_or(ns.to_string(), |c| c.namespace.clone());
    let profile_store = if kanister_crds {
        Permission::new("create", KANISTER_GROUP, "profiles").in_ns(ns)
    } else {
        Permission::new("create", "", "secrets").in_ns(ns)
    };
    let task_pods = [
        Permission::new("create", "", "pods").in_ns(ns),
        Permission::new("delete", "", "pods").in_ns(ns),
        Permission::new("get", "", "pods").sub("log").in_ns(ns),
        Permission::new("create", "", "pods").sub("exec").in_ns(ns),
        Permission::new("patch", "apps", "deployments")
            .sub("scale")
            .in_ns(ns),
    ];
    let blueprints_mode = if kanister_crds {
        Decision {
            mode: Mode::Controller,
            reason: "Kanister's CRDs are installed: Blueprints are stored as its objects".into(),
        }
    } else {
        Decision::client_side(kanister.found().reason())
    };
    let mut plans: Vec<(&'static str, Decision, Vec<Permission>)> = vec![
        (
            "profiles",
            Decision::client_side("profiles are read from this machine"),
            vec![
                profile_store,
                Permission::new("get", "", "secrets").in_ns(ns),
            ],
        ),
        (
            "blueprints",
            blueprints_mode,
            if kanister_crds {
                vec![Permission::new("create", KANISTER_GROUP, "blueprints").in_ns(ns)]
            } else {
                Vec::new()
            },
        ),
    ];
    let actionset_permissions = match kanister_mode.mode {
        Mode::Controller => {
            vec![Permission::new("create", KANISTER_GROUP, "actionsets").in_ns(&kanister_ns)]
        }
        Mode::ClientSide => task_pods.into_iter().collect(),
    };
    plans.push(("actionsets", kanister_mode, actionset_permissions));
    let snapshot_permissions = match velero_mode.mode {
        Mode::Controller => vec![
            Permission::new("create", VELERO_GROUP, "backups").in_ns(&velero_ns),
            Permission::new("create", VELERO_GROUP, "restores").in_ns(&velero_ns),
        ],
        Mode::ClientSide => vec![
            Permission::new("list", "*", "*"),
            Permission::new("create", "*", "*"),
        ],
    };
    plans.push(("snapshots", velero_mode, snapshot_permissions));
    plans.push((
        "etcd (--from-cluster)",
        Decision::client_side("etcd snapshots are always taken from this machine"),
        vec![Permission::new("list", "", "pods").in_ns("kube-system")],
    ));

    let mut capabilities = Vec::new();
    for (name, decision, permissions) in plans {
        let mut missing = Vec::new();
        for permission in &permissions {
            if !allowed(cluster, permission).await? {
                missing.push(permission.describe());
            }
        }
        capabilities.push(Capability {
            name,
            mode: decision.mode,
            reason: decision.reason,
            allowed: missing.is_empty(),
            missing,
        });
    }

    Ok(Report {
        server: cluster.server.clone(),
        server_version: version.git_version,
        kanister,
        velero,
        capabilities,
    })
}

async fn find_deployment(
    cluster: &Cluster,
    selector: &str,
) -> Result<Option<Component>, kube::Error> {
    let api: Api<Deployment> = Api::all(cluster.client.clone());
    let list = match api.list(&ListParams::default().labels(selector)).await {
        Ok(list) => list,
        // A user who may not list Deployments cluster-wide still gets the rest of the report.
        Err(e) if crate::kube::api_status(&e).is_some_and(|s| s.code == 403) => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut found: Option<Component> = None;
    for deployment in list.items {
        let available = deployment
            .status
            .as_ref()
            .and_then(|s| s.conditions.as_ref())
            .is_some_and(|conditions| {
                conditions.iter().any(|c| {
                    c.type_.as_deref() == Some("Available") && c.status.as_deref() == Some("True")
                })
            });
        let candidate = Component {
            namespace: deployment.metadata.namespace.clone().unwrap_or_default(),
            name: deployment.metadata.name.clone().unwrap_or_default(),
            available,
        };
        // Prefer an Available one when several match.
        if found.as_ref().is_none_or(|f| !f.available && available) {
            found = Some(candidate);
        }
    }
    Ok(found)
}

/// Only what the actionset commands need to choose a mode: is the Kanister API served, and its
/// controller Deployment found (and Available)?
pub async fn inspect_kanister(cluster: &Cluster) -> Result<Kanister, kube::Error> {
    let groups = cluster.client.list_api_groups().await?;
    let crds_installed = groups.groups.iter().any(|g| g.name == KANISTER_GROUP);
    kanister_given(cluster, crds_installed).await
}

/// The Kanister part of the report, once it is known whether its API is served.
async fn kanister_given(cluster: &Cluster, crds_installed: bool) -> Result<Kanister, kube::Error> {
    let controller = if crds_installed {
        find_deployment(cluster, KANISTER_OPERATOR_SELECTOR).await?
    } else {
        None
    };
    Ok(Kanister {
        crds_installed,
        controller,
    })
}

/// Only what the snapshot commands need to choose a mode: one discovery request instead of the
/// whole API and the permission checks `doctor` makes.
pub async fn inspect_velero(cluster: &Cluster) -> Result<Velero, kube::Error> {
    let groups = cluster.client.list_api_groups().await?;
    let Some(group) = groups.groups.iter().find(|g| g.name == VELERO_GROUP) else {
        return Ok(Velero::absent());
    };
    let version = group
        .preferred_version
        .as_ref()
        .map_or("v1", |v| v.version.as_str());
    let bsl = ApiResource {
        group: VELERO_GROUP.into(),
        version: version.into(),
        api_version: format!("{VELERO_GROUP}/{version}"),
        kind: "BackupStorageLocation".into(),
        plural: "backupstoragelocations".into(),
    };
    inspect_installed_velero(cluster, Some(&bsl)).await
}

async fn inspect_installed_velero(
    cluster: &Cluster,
    bsl: Option<&ApiResource>,
) -> Result<Velero, kube::Error> {
    Ok(Velero {
        crds_installed: true,
        server: find_deployment(cluster, VELERO_SELECTOR).await?,
        storage_locations: match bsl {
            Some(resource) => storage_locations(cluster, resource).await?,
            None => Vec::new(),
        },
    })
}

async fn storage_locations(
    cluster: &Cluster,
    resource: &ApiResource,
) -> Result<Vec<StorageLocationState>, kube::Error> {
    let api: Api<DynamicObject> = Api::all_with(cluster.client.clone(), resource);
    let list = match api.list(&ListParams::default()).await {
        Ok(list) => list,
        Err(e) if crate::kube::api_status(&e).is_some_and(|s| s.code == 403) => {
            return Ok(Vec::new());
        }
        Err(e) => return Err(e),
    };
    Ok(list
        .items
        .into_iter()
        .map(|bsl| StorageLocationState {
            namespace: bsl.metadata.namespace.clone().unwrap_or_default(),
            name: bsl.metadata.name.clone().unwrap_or_default(),
            phase: bsl.data["status"]["phase"].as_str().map(str::to_string),
            default: bsl.data["spec"]["default"].as_bool().unwrap_or(false),
        })
        .collect())
}

async fn allowed(cluster: &Cluster, permission: &Permission) -> Result<bool, kube::Error> {
    let review = SelfSubjectAccessReview {
        spec: SelfSubjectAccessReviewSpec {
            resource_attributes: Some(ResourceAttributes {
                verb: Some(permission.verb.to_string()),
                group: Some(permission.group.to_string()),
                resource: Some(permission.resource.to_string()),
                subresource: permission.subresource.map(str::to_string),
                namespace: permission.namespace.clone(),
                ..Default::default()
            }),
            ..Default::default()
        },
        ..Default::default()
    };
    let api: Api<SelfSubjectAccessReview> = Api::all(cluster.client.clone());
    let answer = api.create(&PostParams::default(), &review).await?;
    Ok(answer.status.is_some_and(|s| s.allowed))
}
