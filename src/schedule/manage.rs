//! Schedules in the cluster: apply, list, show, pause, resume, delete, run now. CronJob-run
//! schedules are found by their labels; Velero's by their `Schedule` objects.

use anyhow::{Context, Result, anyhow, bail};
use chrono::{DateTime, Utc};
use k8s_openapi::api::batch::v1::{CronJob, Job};
use k8s_openapi::api::core::v1::ServiceAccount;
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding, Role, RoleBinding};
use kube::api::{
    Api, ApiResource, DeleteParams, DynamicObject, ListParams, Patch, PatchParams, PostParams,
};
use serde_json::{Value, json};

use super::cron::Cron;
use super::objects::selector;
use super::velero::Schedule as VeleroSchedule;
use super::{KEEP_LAST_ANNOTATION, MANAGED_BY, MANAGED_BY_LABEL, WORK_ANNOTATION, Work};
use crate::kube::Cluster;
use crate::kube::wait::{Check, TimedOut, Wait};

const FIELD_MANAGER: &str = "kubectl-backup";

fn velero_schedules() -> ApiResource {
    ApiResource {
        group: "velero.io".into(),
        version: "v1".into(),
        api_version: "velero.io/v1".into(),
        kind: "Schedule".into(),
        plural: "schedules".into(),
    }
}

/// Applies the manifests in order (server-side apply, so re-running `schedule create` updates).
/// With `dry_run`, the server validates and admits each object and stores nothing.
pub async fn apply(cluster: &Cluster, manifests: &[Value], dry_run: bool) -> Result<()> {
    let mut params = PatchParams::apply(FIELD_MANAGER).force();
    params.dry_run = dry_run;
    for object in manifests {
        let kind = object["kind"].as_str().unwrap_or_default();
        let name = object["metadata"]["name"].as_str().unwrap_or_default();
        let namespace = object["metadata"]["namespace"].as_str();
        let client = cluster.client.clone();
        let patch = Patch::Apply(object);
        let result = match (kind, namespace) {
            ("ServiceAccount", Some(ns)) => Api::<ServiceAccount>::namespaced(client, ns)
                .patch(name, &params, &patch)
                .await
                .map(drop),
            ("Role", Some(ns)) => Api::<Role>::namespaced(client, ns)
                .patch(name, &params, &patch)
                .await
                .map(drop),
            ("RoleBinding", Some(ns)) => Api::<RoleBinding>::namespaced(client, ns)
                .patch(name, &params, &patch)
                .await
                .map(drop),
            ("ClusterRole", None) => Api::<ClusterRole>::all(client)
                .patch(name, &params, &patch)
                .await
                .map(drop),
            ("ClusterRoleBinding", None) => Api::<ClusterRoleBinding>::all(client)
                .patch(name, &params, &patch)
                .await
                .map(drop),
            ("CronJob", Some(ns)) => Api::<CronJob>::namespaced(client, ns)
                .patch(name, &params, &patch)
                .await
                .map(drop),
            ("Schedule", Some(ns)) => {
                Api::<DynamicObject>::namespaced_with(client, ns, &velero_schedules())
                    .patch(name, &params, &patch)
                    .await
                    .map(drop)
            }
            _ => bail!("internal: cannot apply a {kind} (namespace {namespace:?})"),
        };
        result.map_err(|e| {
            anyhow!(
                "cannot apply {kind} {}{name}: {}",
                namespace.map(|n| format!("{n}/")).unwrap_or_default(),
                crate::kube::describe_error(&cluster.server, &e)
            )
        })?;
    }
    Ok(())
}

/// Who starts a schedule's runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Runner {
    /// Our CronJob, running this plugin in a pod.
    CronJob,
    /// A velero.io Schedule.
    Velero,
}

impl Runner {
    /// How `list` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Runner::CronJob => "cronjob",
            Runner::Velero => "velero",
        }
    }

    /// The object that holds the schedule, as `kubectl get -o name` spells its kind.
    pub fn kind(self) -> &'static str {
        match self {
            Runner::CronJob => "cronjob.batch",
            Runner::Velero => "schedule.velero.io",
        }
    }
}

impl std::fmt::Display for Runner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One schedule as `list` and `describe` show it.
#[derive(Debug, Clone)]
pub struct ScheduleView {
    pub namespace: String,
    pub name: String,
    pub cron: String,
    pub time_zone: Option<String>,
    pub paused: bool,
    pub runner: Runner,
    pub work: Option<Work>,
    pub keep_last: Option<usize>,
    pub last_scheduled: Option<DateTime<Utc>>,
    pub last_successful: Option<DateTime<Utc>>,
    pub active: usize,
    pub next_run: Option<DateTime<Utc>>,
    /// The CronJob's or Velero Schedule's own labels (`list --show-labels`).
    pub labels: std::collections::BTreeMap<String, String>,
}

fn time(t: &Option<k8s_openapi::apimachinery::pkg::apis::meta::v1::Time>) -> Option<DateTime<Utc>> {
    t.as_ref().map(crate::snapshot::types::time_to_chrono)
}

fn next_run(cron: &str, time_zone: Option<&str>, paused: bool) -> Option<DateTime<Utc>> {
    // A time zone other than UTC would need the zone database; the next run is shown in UTC only
    // for UTC schedules rather than shown wrong.
    if paused || time_zone.is_some_and(|z| z != "UTC" && z != "Etc/UTC") {
        return None;
    }
    Cron::parse(cron).ok()?.next_after(Utc::now())
}

fn view_of_cronjob(cronjob: &CronJob) -> ScheduleView {
    let annotations = cronjob.metadata.annotations.clone().unwrap_or_default();
    let work = annotations
        .get(WORK_ANNOTATION)
        .and_then(|text| serde_json::from_str::<Vec<String>>(text).ok())
        .and_then(|args| Work::new(args).ok());
    let spec = cronjob.spec.clone();
    let status = cronjob.status.clone().unwrap_or_default();
    let paused = spec.suspend.unwrap_or(false);
    ScheduleView {
        labels: cronjob.metadata.labels.clone().unwrap_or_default(),
        namespace: cronjob.metadata.namespace.clone().unwrap_or_default(),
        name: cronjob.metadata.name.clone().unwrap_or_default(),
        next_run: next_run(&spec.schedule, spec.time_zone.as_deref(), paused),
        cron: spec.schedule,
        time_zone: spec.time_zone,
        paused,
        runner: Runner::CronJob,
        work,
        keep_last: annotations
            .get(KEEP_LAST_ANNOTATION)
            .and_then(|v| v.parse().ok()),
        last_scheduled: time(&status.last_schedule_time),
        last_successful: time(&status.last_successful_time),
        active: status.active.map_or(0, |a| a.len()),
    }
}

fn view_of_velero(object: DynamicObject) -> Result<ScheduleView> {
    let schedule: VeleroSchedule = serde_json::from_value(serde_json::to_value(&object)?)?;
    let paused = schedule.spec.paused.unwrap_or(false);
    let status = schedule.status.clone().unwrap_or_default();
    Ok(ScheduleView {
        labels: schedule.metadata.labels.clone().unwrap_or_default(),
        namespace: schedule.metadata.namespace.clone().unwrap_or_default(),
        name: schedule.metadata.name.clone().unwrap_or_default(),
        next_run: next_run(&schedule.spec.schedule, None, paused),
        cron: schedule.spec.schedule.clone(),
        time_zone: None,
        paused,
        runner: Runner::Velero,
        work: None,
        keep_last: None,
        last_scheduled: time(&status.last_backup),
        last_successful: None,
        active: 0,
    })
}

/// Every schedule in `namespace` (all namespaces with None): ours, and Velero's.
pub async fn list(cluster: &Cluster, namespace: Option<&str>) -> Result<Vec<ScheduleView>> {
    let cronjobs: Api<CronJob> = match namespace {
        Some(ns) => Api::namespaced(cluster.client.clone(), ns),
        None => Api::all(cluster.client.clone()),
    };
    let params = ListParams::default().labels(&format!("{MANAGED_BY_LABEL}={MANAGED_BY}"));
    let mut views: Vec<ScheduleView> = cronjobs
        .list(&params)
        .await
        .map_err(|e| {
            anyhow!(
                "cannot list CronJobs: {}",
                crate::kube::describe_error(&cluster.server, &e)
            )
        })?
        .items
        .iter()
        .map(view_of_cronjob)
        .collect();
    let velero: Api<DynamicObject> = match namespace {
        Some(ns) => Api::namespaced_with(cluster.client.clone(), ns, &velero_schedules()),
        None => Api::all_with(cluster.client.clone(), &velero_schedules()),
    };
    // No Velero (404) or no right to read its Schedules: there are none to show.
    if let Ok(list) = velero.list(&ListParams::default()).await {
        for object in list.items {
            views.push(view_of_velero(object)?);
        }
    }
    views.sort_by(|a, b| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));
    Ok(views)
}

/// One schedule by name: our CronJob first, else Velero's Schedule.
pub async fn get(cluster: &Cluster, namespace: &str, name: &str) -> Result<ScheduleView> {
    let cronjobs: Api<CronJob> = Api::namespaced(cluster.client.clone(), namespace);
    if let Some(cronjob) = cronjobs.get_opt(name).await? {
        if !is_ours(&cronjob.metadata) {
            bail!(
                "CronJob {namespace}/{name} was not created by `kubectl backup schedule create`; it is left alone"
            );
        }
        return Ok(view_of_cronjob(&cronjob));
    }
    let velero: Api<DynamicObject> =
        Api::namespaced_with(cluster.client.clone(), namespace, &velero_schedules());
    if let Ok(Some(object)) = velero.get_opt(name).await {
        return view_of_velero(object);
    }
    bail!("no schedule {name:?} in namespace {namespace} (see `kubectl backup schedule list -A`)")
}

fn is_ours(metadata: &kube::api::ObjectMeta) -> bool {
    metadata
        .labels
        .as_ref()
        .and_then(|l| l.get(MANAGED_BY_LABEL))
        .is_some_and(|v| v == MANAGED_BY)
}

/// Pauses (`true`) or resumes a schedule: `spec.suspend` of the CronJob, `spec.paused` of
/// Velero's Schedule.
pub async fn set_paused(cluster: &Cluster, view: &ScheduleView, paused: bool) -> Result<()> {
    let params = PatchParams::default();
    match view.runner {
        Runner::Velero => {
            let api: Api<DynamicObject> =
                Api::namespaced_with(cluster.client.clone(), &view.namespace, &velero_schedules());
            api.patch(
                &view.name,
                &params,
                &Patch::Merge(json!({"spec": {"paused": paused}})),
            )
            .await?;
        }
        Runner::CronJob => {
            let api: Api<CronJob> = Api::namespaced(cluster.client.clone(), &view.namespace);
            api.patch(
                &view.name,
                &params,
                &Patch::Merge(json!({"spec": {"suspend": paused}})),
            )
            .await?;
        }
    }
    Ok(())
}

/// Deletes the schedule and everything created with it (its Jobs go with the CronJob). The
/// backups it made stay: they are deleted by `snapshot prune` or `snapshot delete`.
pub async fn delete(cluster: &Cluster, view: &ScheduleView) -> Result<Vec<String>> {
    let mut deleted = Vec::new();
    let background = DeleteParams::background();
    if view.runner == Runner::Velero {
        let api: Api<DynamicObject> =
            Api::namespaced_with(cluster.client.clone(), &view.namespace, &velero_schedules());
        api.delete(&view.name, &background).await?;
        deleted.push(format!("schedule.velero.io/{}", view.name));
        return Ok(deleted);
    }
    let client = cluster.client.clone();
    Api::<CronJob>::namespaced(client.clone(), &view.namespace)
        .delete(&view.name, &background)
        .await?;
    deleted.push(format!("cronjob.batch/{}", view.name));
    let params = ListParams::default().labels(&selector(&view.namespace, &view.name));
    for role in Api::<Role>::all(client.clone()).list(&params).await?.items {
        let (ns, name) = namespaced_name(&role.metadata);
        Api::<Role>::namespaced(client.clone(), &ns)
            .delete(&name, &background)
            .await?;
        deleted.push(format!(
            "role.rbac.authorization.k8s.io/{name} (namespace {ns})"
        ));
    }
    for binding in Api::<RoleBinding>::all(client.clone())
        .list(&params)
        .await?
        .items
    {
        let (ns, name) = namespaced_name(&binding.metadata);
        Api::<RoleBinding>::namespaced(client.clone(), &ns)
            .delete(&name, &background)
            .await?;
        deleted.push(format!(
            "rolebinding.rbac.authorization.k8s.io/{name} (namespace {ns})"
        ));
    }
    for role in Api::<ClusterRole>::all(client.clone())
        .list(&params)
        .await?
        .items
    {
        let name = role.metadata.name.unwrap_or_default();
        Api::<ClusterRole>::all(client.clone())
            .delete(&name, &background)
            .await?;
        deleted.push(format!("clusterrole.rbac.authorization.k8s.io/{name}"));
    }
    for binding in Api::<ClusterRoleBinding>::all(client.clone())
        .list(&params)
        .await?
        .items
    {
        let name = binding.metadata.name.unwrap_or_default();
        Api::<ClusterRoleBinding>::all(client.clone())
            .delete(&name, &background)
            .await?;
        deleted.push(format!(
            "clusterrolebinding.rbac.authorization.k8s.io/{name}"
        ));
    }
    let accounts: Api<ServiceAccount> = Api::namespaced(client, &view.namespace);
    for account in accounts.list(&params).await?.items {
        let name = account.metadata.name.unwrap_or_default();
        accounts.delete(&name, &background).await?;
        deleted.push(format!("serviceaccount/{name}"));
    }
    Ok(deleted)
}

fn namespaced_name(metadata: &kube::api::ObjectMeta) -> (String, String) {
    (
        metadata.namespace.clone().unwrap_or_default(),
        metadata.name.clone().unwrap_or_default(),
    )
}

/// Starts a run now, as `kubectl create job --from=cronjob/NAME` does: a Job from the CronJob's
/// template, owned by the CronJob (so it goes when the schedule is deleted).
pub async fn run_now(cluster: &Cluster, view: &ScheduleView) -> Result<String> {
    if view.runner == Runner::Velero {
        bail!(
            "schedule {} is run by Velero; start a run with `kubectl backup snapshot create` and the same filters, or `velero backup create --from-schedule {}`",
            view.name,
            view.name
        );
    }
    let cronjobs: Api<CronJob> = Api::namespaced(cluster.client.clone(), &view.namespace);
    let cronjob = cronjobs.get(&view.name).await?;
    let template = cronjob.spec.job_template.clone();
    let suffix: String = {
        use rand::RngExt;
        let mut rng = rand::rng();
        (0..5)
            .map(|_| char::from(b"bcdfghjklmnpqrstvwxz2456789"[rng.random_range(0..27)]))
            .collect()
    };
    let name = format!("{}-manual-{suffix}", view.name);
    let mut metadata = template.metadata.clone().unwrap_or_default();
    metadata.name = Some(name.clone());
    metadata.namespace = Some(view.namespace.clone());
    metadata
        .annotations
        .get_or_insert_with(Default::default)
        .insert("cronjob.kubernetes.io/instantiate".into(), "manual".into());
    metadata.owner_references = Some(vec![
        k8s_openapi::apimachinery::pkg::apis::meta::v1::OwnerReference {
            api_version: "batch/v1".into(),
            kind: "CronJob".into(),
            name: view.name.clone(),
            uid: cronjob.metadata.uid.clone().unwrap_or_default(),
            controller: Some(true),
            block_owner_deletion: None,
        },
    ]);
    let job = Job {
        metadata,
        spec: template.spec,
        status: None,
    };
    Api::<Job>::namespaced(cluster.client.clone(), &view.namespace)
        .create(&PostParams::default(), &job)
        .await
        .with_context(|| format!("cannot start a run of schedule {}", view.name))?;
    Ok(name)
}

/// The outcome of one run, from its Job.
#[derive(Debug, Clone)]
pub struct RunView {
    pub job: String,
    pub started: Option<DateTime<Utc>>,
    pub finished: Option<DateTime<Utc>>,
    /// `Running`, `Succeeded` or `Failed`.
    pub outcome: &'static str,
    pub message: Option<String>,
}

pub fn run_view(job: &Job) -> RunView {
    let status = job.status.clone().unwrap_or_default();
    let condition = |kind: &str| {
        status
            .conditions
            .iter()
            .flatten()
            .find(|c| c.type_ == kind && c.status == "True")
            .cloned()
    };
    let (outcome, message, finished) = if let Some(c) = condition("Complete") {
        ("Succeeded", c.message, time(&status.completion_time))
    } else if let Some(c) = condition("Failed") {
        (
            "Failed",
            c.message.or(c.reason),
            time(&c.last_transition_time),
        )
    } else {
        ("Running", None, None)
    };
    RunView {
        job: job.metadata.name.clone().unwrap_or_default(),
        started: time(&status.start_time),
        finished,
        outcome,
        message,
    }
}

/// The runs of a schedule still in the Job history, newest first.
pub async fn runs(cluster: &Cluster, view: &ScheduleView) -> Result<Vec<RunView>> {
    let jobs: Api<Job> = Api::namespaced(cluster.client.clone(), &view.namespace);
    let params = ListParams::default().labels(&selector(&view.namespace, &view.name));
    let mut list = jobs.list(&params).await?.items;
    list.sort_by(|a, b| {
        b.metadata
            .creation_timestamp
            .cmp(&a.metadata.creation_timestamp)
    });
    Ok(list.iter().map(run_view).collect())
}

/// Waits for a Job to finish, for `run-now --wait`; the Job goes on when the wait ends first.
pub async fn wait_for_job(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    timeout: std::time::Duration,
) -> Result<RunView> {
    let jobs: Api<Job> = Api::namespaced(cluster.client.clone(), namespace);
    let keeps_running = format!("job {namespace}/{name} keeps running");
    Wait::new(format!("job {namespace}/{name}"), "finish")
        .timeout(timeout)
        .on_stop(format!("stopped waiting; {keeps_running}"))
        .until(|| async {
            let view = run_view(&jobs.get(name).await?);
            Ok(if view.outcome == "Running" {
                Check::Pending(None)
            } else {
                Check::Done(view)
            })
        })
        .await
        .map_err(|e| match e.downcast_ref::<TimedOut>() {
            Some(_) => {
                anyhow!("{e}; it keeps running (see `kubectl logs -n {namespace} job/{name}`)")
            }
            None => e,
        })
}

/// The log of the (last) pod of a Job, to show why a run failed.
pub async fn job_log(cluster: &Cluster, namespace: &str, job: &str) -> Result<String> {
    use k8s_openapi::api::core::v1::Pod;
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), namespace);
    let list = pods
        .list(&ListParams::default().labels(&format!("job-name={job}")))
        .await?;
    let Some(pod) = list.items.last() else {
        return Ok(String::new());
    };
    let name = pod.metadata.name.clone().unwrap_or_default();
    Ok(pods
        .logs(&name, &kube::api::LogParams::default())
        .await
        .unwrap_or_default())
}
