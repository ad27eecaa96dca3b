//! `schedule create`: who runs the schedule, and the objects that make it. A resource-snapshot
//! schedule becomes a Velero Schedule when the mode policy (`crate::snapshot::runner`) hands
//! its backups to Velero; everything else becomes our CronJob with its ServiceAccount and RBAC.

use std::future::Future;
use std::time::Duration;

use anyhow::{Result, bail};
use serde_json::Value;

use super::cron::Cron;
use super::velero::Schedule as VeleroSchedule;
use super::{ScheduleRequest, Work, WorkKind, manage, objects};
use crate::kube::Cluster;
use crate::mode::Requested;
use crate::snapshot::collect::Selection;

/// A CronJob's name leaves 11 characters of 63 for the Job suffix.
const MAX_NAME_LEN: usize = 52;

/// Everything `schedule create` was told.
#[derive(Debug, Clone)]
pub struct CreateOptions {
    pub name: String,
    pub cron: String,
    pub time_zone: Option<String>,
    pub keep_last: Option<usize>,
    /// The job's image; the release image of this version when not given.
    pub image: Option<String>,
    pub image_pull_policy: Option<String>,
    pub host_network: bool,
    pub env: Vec<(String, String)>,
    pub paused: bool,
    pub mode: Requested,
    pub work: Work,
    /// For a snapshot schedule: what its backups hold, for a Velero Schedule's template.
    pub snapshot: Option<SnapshotWork>,
}

/// The backup a snapshot schedule makes, in Velero's terms.
#[derive(Debug, Clone)]
pub struct SnapshotWork {
    pub selection: Selection,
    pub ttl: Duration,
    /// `--location` as given, `""` for Velero's default location.
    pub location: String,
}

/// A schedule decided but not yet applied.
#[derive(Debug)]
pub enum Planned {
    /// A velero.io Schedule in Velero's namespace.
    Velero { namespace: String, manifest: Value },
    /// Our CronJob, with its ServiceAccount and RBAC, in the order they are applied.
    CronJob {
        request: ScheduleRequest,
        manifests: Vec<Value>,
    },
}

impl Planned {
    pub fn manifests(&self) -> &[Value] {
        match self {
            Planned::Velero { manifest, .. } => std::slice::from_ref(manifest),
            Planned::CronJob { manifests, .. } => manifests,
        }
    }
}

/// The schedule's own name and timetable: checked first, since the scheduled command's backup
/// names derive from the schedule's name.
pub fn check(name: &str, cron: &str) -> Result<()> {
    if !crate::kube::is_dns_subdomain(name) || name.len() > MAX_NAME_LEN {
        bail!(
            "schedule name {name:?}: lower-case letters, digits, '-' and '.', at most {MAX_NAME_LEN} characters (a CronJob's limit)"
        );
    }
    Cron::parse(cron)?;
    Ok(())
}

/// Checks the options, connects, and decides who runs the schedule. Bad input fails before the
/// cluster is contacted.
pub async fn plan(
    options: &CreateOptions,
    connect: impl Future<Output = Result<Cluster>>,
) -> Result<(Cluster, Planned)> {
    check(&options.name, &options.cron)?;
    let cluster = connect.await?;
    if let Some(snapshot) = &options.snapshot
        && let Some(namespace) = velero_namespace(&cluster, options).await?
    {
        let template = crate::snapshot::create::backup_spec(
            &snapshot.selection,
            snapshot.ttl,
            &snapshot.location,
        )?;
        let schedule = VeleroSchedule::new(
            &options.name,
            &namespace,
            &options.cron,
            template,
            options.paused,
        );
        let manifest = serde_json::to_value(&schedule)?;
        return Ok((
            cluster,
            Planned::Velero {
                namespace,
                manifest,
            },
        ));
    }
    if options.mode == Requested::Controller {
        bail!(
            "--mode controller: only resource snapshots to a Velero location can be run by Velero (Velero must be installed and the location Available); use --mode client for a CronJob"
        );
    }
    let request = ScheduleRequest {
        name: options.name.clone(),
        namespace: cluster.namespace.clone(),
        cron: options.cron.clone(),
        time_zone: options.time_zone.clone(),
        work: options.work.clone(),
        keep_last: options.keep_last,
        image: options.image.clone().unwrap_or_else(super::default_image),
        image_pull_policy: options.image_pull_policy.clone(),
        host_network: options.host_network,
        env: options.env.clone(),
        suspend: options.paused,
    };
    let manifests = objects::manifests(&request);
    Ok((cluster, Planned::CronJob { request, manifests }))
}

/// Creates (or updates) what was planned; `server_dry_run` has the API server admit it only.
pub async fn apply(cluster: &Cluster, planned: &Planned, server_dry_run: bool) -> Result<()> {
    manage::apply(cluster, planned.manifests(), server_dry_run).await
}

/// Velero's namespace when Velero should run this snapshot schedule.
async fn velero_namespace(cluster: &Cluster, options: &CreateOptions) -> Result<Option<String>> {
    debug_assert_eq!(options.work.kind, WorkKind::Snapshot);
    let (namespace, _reason) = crate::snapshot::runner::backup_runner(
        cluster,
        options.mode,
        options.work.has_flag("--profile"),
        options.work.flag_value("--location"),
    )
    .await?;
    Ok(namespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schedule_needs_a_cronjob_name_and_a_timetable() {
        assert!(check("nightly", "@daily").is_ok());
        assert!(check(&"n".repeat(MAX_NAME_LEN), "0 1 * * *").is_ok());
        for bad in ["Bad_Name", "", &"n".repeat(MAX_NAME_LEN + 1)] {
            let e = check(bad, "@daily").unwrap_err().to_string();
            assert!(e.starts_with("schedule name"), "{bad}: {e}");
        }
        assert!(check("nightly", "every day").is_err());
    }
}
