//! Scheduled backups: the same work as `snapshot create`, `actionset create` or `etcd save`, on
//! a timetable. A resource-snapshot schedule becomes a Velero `Schedule` when Velero runs the
//! backups; everything else becomes a Kubernetes `CronJob` that runs this plugin's own static
//! binary in a pod, with a ServiceAccount of its own and the least RBAC its work needs.
//!
//! The scheduled work is kept as the plugin command line it runs (`snapshot create --include-namespaces shop
//! --profile s3`), so a schedule accepts exactly the flags of the command, checked by the same
//! parser when the schedule is created and when the job runs.

pub mod actionset_retention;
pub mod create;
pub mod cron;
pub mod etcd_retention;
pub mod manage;
pub mod objects;
pub mod velero;

use anyhow::{Result, bail};
use chrono::{DateTime, Utc};

/// Labels every object a schedule creates carries, so list/delete find them all.
pub const MANAGED_BY_LABEL: &str = "app.kubernetes.io/managed-by";
pub const MANAGED_BY: &str = "kubectl-backup";
pub const SCHEDULE_LABEL: &str = "backup.kubectl-backup.io/schedule";
pub const SCHEDULE_NAMESPACE_LABEL: &str = "backup.kubectl-backup.io/schedule-namespace";
/// The scheduled command line (JSON array), on the CronJob.
pub const WORK_ANNOTATION: &str = "backup.kubectl-backup.io/work";
/// `--keep-last`, on the CronJob.
pub const KEEP_LAST_ANNOTATION: &str = "backup.kubectl-backup.io/keep-last";

/// The image the CronJob runs when `--image` is not given: the release image that
/// `scripts/release` describes (the static binary and CA roots, nothing else).
pub fn default_image() -> String {
    format!(
        "ghcr.io/kubectl-backup/kubectl-backup:v{}",
        env!("CARGO_PKG_VERSION")
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkKind {
    /// `snapshot create …`: a Velero-format resource backup.
    Snapshot,
    /// `actionset create …`: a blueprint action.
    ActionSet,
    /// `etcd save …`: an etcd snapshot uploaded to a profile.
    Etcd,
}

impl WorkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            WorkKind::Snapshot => "snapshot",
            WorkKind::ActionSet => "actionset",
            WorkKind::Etcd => "etcd",
        }
    }
}

/// What a schedule runs: a plugin command line without the program name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    pub kind: WorkKind,
    pub args: Vec<String>,
}

impl Work {
    /// Accepts `snapshot create …`, `actionset create …` and `etcd save …` (with the aliases the
    /// command line accepts), refusing anything else and flags that carry credentials: the
    /// command line is stored in the CronJob, readable by anyone who can read CronJobs.
    pub fn new(args: Vec<String>) -> Result<Work> {
        let words: Vec<&str> = args.iter().take(2).map(String::as_str).collect();
        let kind = match words.as_slice() {
            ["snapshot", "create"] => WorkKind::Snapshot,
            ["actionset" | "actionsets" | "as", "create"] => WorkKind::ActionSet,
            ["etcd", "save"] => WorkKind::Etcd,
            _ => bail!(
                "a schedule runs `snapshot create …`, `actionset create …` or `etcd save …` (after `--`), not {:?}",
                args.join(" ")
            ),
        };
        for arg in &args {
            let flag = arg.split('=').next().unwrap_or_default();
            if matches!(
                flag,
                "--token" | "--password" | "--client-key" | "--kubeconfig"
            ) {
                bail!(
                    "{flag} cannot be scheduled: the command line is stored in the CronJob, readable by anyone who can read it; the job uses its own ServiceAccount, and storage credentials come from the profile or location"
                );
            }
        }
        let work = Work { kind, args };
        if work.kind == WorkKind::Etcd && !work.has_flag("--profile") {
            bail!(
                "a scheduled `etcd save` needs --profile: the job's pod is gone after it runs, so the snapshot must be uploaded"
            );
        }
        if work.kind == WorkKind::Snapshot
            && !work.has_flag("--profile")
            && !work.has_flag("--location")
        {
            bail!(
                "a scheduled `snapshot create` needs --profile or --location: the default local directory would be inside the job's pod and lost with it"
            );
        }
        Ok(work)
    }

    pub fn has_flag(&self, flag: &str) -> bool {
        self.args
            .iter()
            .any(|a| a == flag || a.starts_with(&format!("{flag}=")))
    }

    /// The value of `--flag V` or `--flag=V`.
    pub fn flag_value(&self, flag: &str) -> Option<&str> {
        let prefix = format!("{flag}=");
        self.args.iter().enumerate().find_map(|(i, a)| {
            if a == flag {
                self.args.get(i + 1).map(String::as_str)
            } else {
                a.strip_prefix(&prefix)
            }
        })
    }

    /// Every value of a repeatable flag, in order.
    pub fn flag_values(&self, flag: &str) -> Vec<&str> {
        let prefix = format!("{flag}=");
        self.args
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                if a == flag {
                    self.args.get(i + 1).map(String::as_str)
                } else {
                    a.strip_prefix(&prefix)
                }
            })
            .collect()
    }

    /// The destination flags (`--profile`/`--location`) as given, for the prune that follows.
    pub fn destination_args(&self) -> Vec<String> {
        let mut out = Vec::new();
        for flag in ["--profile", "--location"] {
            if let Some(value) = self.flag_value(flag) {
                out.push(flag.to_string());
                out.push(value.to_string());
            }
        }
        out
    }

    /// The command line one run executes. A snapshot gets its name and the schedule label
    /// (Velero's `<schedule>-<YYYYMMDDHHMMSS>` and `velero.io/schedule-name`), an etcd snapshot a
    /// file in the pod's scratch space.
    pub fn run_args(&self, schedule: &str, at: DateTime<Utc>) -> Vec<String> {
        let name = backup_name(schedule, at);
        let mut args: Vec<String> = self.args[..2].to_vec();
        match self.kind {
            WorkKind::Snapshot => {
                args.push(name);
                args.push("--labels".into());
                args.push(format!(
                    "{}={schedule}",
                    crate::snapshot::retention::SCHEDULE_LABEL
                ));
            }
            WorkKind::Etcd => args.push(etcd_object_path(schedule, &name)),
            WorkKind::ActionSet => {
                args.push("--labels".into());
                args.push(format!("{SCHEDULE_LABEL}={schedule}"));
            }
        }
        args.extend(self.args[2..].iter().cloned());
        args
    }
}

/// Where a scheduled etcd snapshot goes under the profile's prefix; retention lists this folder.
pub fn etcd_object_path(schedule: &str, name: &str) -> String {
    format!("{}{name}.db", etcd_folder(schedule))
}

pub fn etcd_folder(schedule: &str) -> String {
    format!("etcd-snapshots/{schedule}/")
}

/// Velero's name for a scheduled backup: `<schedule>-<YYYYMMDDHHMMSS>` in UTC.
pub fn backup_name(schedule: &str, at: DateTime<Utc>) -> String {
    format!("{schedule}-{}", at.format("%Y%m%d%H%M%S"))
}

/// Everything `schedule create` needs to know.
#[derive(Debug, Clone)]
pub struct ScheduleRequest {
    pub name: String,
    pub namespace: String,
    pub cron: String,
    pub time_zone: Option<String>,
    pub work: Work,
    pub keep_last: Option<usize>,
    pub image: String,
    pub image_pull_policy: Option<String>,
    pub host_network: bool,
    pub env: Vec<(String, String)>,
    pub suspend: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn work(args: &str) -> Result<Work> {
        Work::new(args.split_whitespace().map(String::from).collect())
    }

    #[test]
    fn only_backup_commands_with_a_lasting_destination_are_scheduled() {
        assert_eq!(
            work("snapshot create --profile s3").unwrap().kind,
            WorkKind::Snapshot
        );
        assert_eq!(
            work("as create --blueprint b --action backup")
                .unwrap()
                .kind,
            WorkKind::ActionSet
        );
        assert!(work("snapshot delete x").is_err());
        let e = work("snapshot create --include-namespaces a").unwrap_err();
        assert!(e.to_string().contains("--profile or --location"), "{e}");
        let e = work("etcd save --from-cluster").unwrap_err();
        assert!(e.to_string().contains("needs --profile"), "{e}");
        let e = work("snapshot create --profile p --token=abc").unwrap_err();
        assert!(e.to_string().contains("--token cannot be scheduled"), "{e}");
    }

    #[test]
    fn a_run_names_its_backup_as_velero_does() {
        let at = Utc.with_ymd_and_hms(2026, 12, 7, 1, 0, 5).unwrap();
        let w = work("snapshot create --include-namespaces shop --location=default").unwrap();
        assert_eq!(
            w.run_args("nightly", at),
            [
                "snapshot",
                "create",
                "nightly-20261207010005",
                "--labels",
                "velero.io/schedule-name=nightly",
                "--include-namespaces",
                "shop",
                "--location=default"
            ]
        );
        assert_eq!(w.destination_args(), ["--location", "default"]);
        let e = work("etcd save --from-cluster --profile kube-system/s3").unwrap();
        assert_eq!(
            e.run_args("etcd", at)[..3],
            ["etcd", "save", "etcd-snapshots/etcd/etcd-20261207010005.db"]
        );
    }
}
