//! `kubectl backup etcd repoint --manifest FILE --data-dir DIR`.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use crate::cli::GlobalArgs;
use crate::etcd::kubeadm::DEFAULT_MANIFEST;
use crate::etcd::repoint::{RepointPlan, apply, plan};
use crate::output::{OutputFormat, print_structured, write_stdout};

#[derive(Debug, Args)]
pub struct RepointArgs {
    /// The etcd static pod manifest to edit
    #[arg(long, value_name = "FILE", default_value = DEFAULT_MANIFEST)]
    pub manifest: PathBuf,

    /// The restored data dir (absolute host path) the etcd-data volume should point at
    #[arg(long, value_name = "DIR")]
    pub data_dir: PathBuf,

    /// Where to keep a copy of the old manifest (default: the manifests folder's parent; never
    /// the manifests folder itself)
    #[arg(long, value_name = "DIR")]
    pub backup_dir: Option<PathBuf>,

    /// Show the change as a diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Outcome<'a> {
    #[serde(flatten)]
    plan: &'a RepointPlan,
    changed: bool,
    dry_run: bool,
    backup: Option<PathBuf>,
}

pub fn run(args: RepointArgs, global: &GlobalArgs) -> Result<()> {
    let plan = plan(&args.manifest, &args.data_dir)?;
    let backup = if args.dry_run || plan.is_noop() {
        None
    } else {
        let backup_dir = args
            .backup_dir
            .clone()
            .unwrap_or_else(|| default_backup_dir(&args.manifest));
        Some(apply(&plan, &backup_dir)?)
    };
    if let Some(format @ (OutputFormat::Json | OutputFormat::Yaml)) = global.output {
        let outcome = Outcome {
            plan: &plan,
            changed: backup.is_some(),
            dry_run: args.dry_run,
            backup,
        };
        return print_structured(&outcome, format);
    }
    let mut text = String::new();
    if plan.is_noop() {
        text.push_str(&format!(
            "{} already points volume {} at {}; nothing to do\n",
            plan.manifest.display(),
            plan.volume,
            plan.new_host_path
        ));
    } else if args.dry_run {
        text.push_str(&plan.diff());
        text.push_str("(dry run: nothing written)\n");
    } else {
        text.push_str(&plan.diff());
        if let Some(backup) = &backup {
            text.push_str(&format!("Old manifest kept at {}\n", backup.display()));
        }
        text.push_str(&format!(
            "Volume {} now points at {} (was {}){}. kubelet restarts etcd by itself; wait until it \
             is healthy, then move the kube-apiserver manifest back and restart kube-controller-manager, \
             kube-scheduler and kubelet.\n",
            plan.volume,
            plan.new_host_path,
            plan.old_host_path,
            plan.restored_member
                .as_ref()
                .map(|m| format!(", restored for member {m}"))
                .unwrap_or_default()
        ));
    }
    Ok(write_stdout(&text)?)
}

/// `/etc/kubernetes/manifests/etcd.yaml` → `/etc/kubernetes`.
fn default_backup_dir(manifest: &Path) -> PathBuf {
    let folder = match manifest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    folder
        .canonicalize()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| folder.join(".."))
}
