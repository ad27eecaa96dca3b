//! `kubectl backup etcd restore FILE --data-dir DIR`.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, anyhow};
use clap::Args;

use crate::cli::GlobalArgs;
use crate::etcd::kubeadm::{DEFAULT_MANIFEST, EtcdPodConfig};
use crate::etcd::restore::{Control, MembershipFlags, RestoreOptions, RestoreReport, restore};
use crate::output::{OutputFormat, human_bytes, print_structured, write_stdout};

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The snapshot file (`etcd save`/`etcdctl snapshot save` output; a raw member/snap/db needs --skip-hash-check)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Data dir to create (must be missing or empty); point the member at it afterwards
    #[arg(long, value_name = "DIR")]
    pub data_dir: PathBuf,

    /// Take --name, --initial-cluster, --initial-cluster-token and --initial-advertise-peer-urls
    /// from a kubeadm etcd static pod manifest (flags given here still win)
    #[arg(long, value_name = "MANIFEST", num_args = 0..=1, default_missing_value = DEFAULT_MANIFEST)]
    pub from_manifest: Option<PathBuf>,

    /// Member name (etcd's default: default)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Every member of the new cluster (default: default=http://localhost:2380)
    #[arg(long, value_name = "NAME=URL,...")]
    pub initial_cluster: Option<String>,

    /// Cluster token (default: etcd-cluster; kubeadm never sets one)
    #[arg(long, value_name = "TOKEN")]
    pub initial_cluster_token: Option<String>,

    /// This member's peer URLs; must match its entry in --initial-cluster (default: http://localhost:2380)
    #[arg(long, value_name = "URLS")]
    pub initial_advertise_peer_urls: Option<String>,

    /// Restore a file without a SHA-256 trailer, or whose trailer does not match
    #[arg(long)]
    pub skip_hash_check: bool,

    /// Start the restored member N revisions after the snapshot's (needs --mark-compacted)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub bump_revision: u64,

    /// Mark the bumped revision compacted so watchers (Kubernetes informers) re-list
    #[arg(long)]
    pub mark_compacted: bool,
}

pub async fn run(args: RestoreArgs, global: &GlobalArgs) -> Result<()> {
    let manifest = args.from_manifest.clone();
    let (options, warnings) = options(args)?;
    let cancel = Arc::new(AtomicBool::new(false));
    let bar = super::byte_progress("restore", global.show_progress());
    let task = {
        let (options, cancel, bar) = (options.clone(), cancel.clone(), bar.clone());
        tokio::task::spawn_blocking(move || {
            let progress = move |done: u64, total: u64| {
                bar.set_length(total);
                bar.set_position(done);
            };
            let control = Control {
                cancel: Some(&cancel),
                progress: Some(&progress),
            };
            restore(&options, control)
        })
    };
    tokio::pin!(task);
    let result = tokio::select! {
        joined = &mut task => joined.context("restore task failed").and_then(|r| r),
        _ = crate::interrupt::signalled() => {
            cancel.store(true, Ordering::Relaxed);
            // Let the copy notice and remove its temporary directory before exiting.
            let _ = task.await;
            Err(anyhow!(
                "interrupted: nothing was written to {}",
                options.data_dir.display()
            ))
        }
    };
    bar.finish_and_clear();
    let report = result?;
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
    match global.output {
        Some(format @ (OutputFormat::Json | OutputFormat::Yaml)) => {
            print_structured(&report, format)
        }
        _ => Ok(write_stdout(&summary(&report, manifest.as_deref()))?),
    }
}

/// etcd's defaults, then the manifest's values, then the flags given here; plus warnings to
/// show once the restore succeeded.
fn options(args: RestoreArgs) -> Result<(RestoreOptions, Vec<String>)> {
    let mut warnings = Vec::new();
    let mut membership = MembershipFlags::default();
    if let Some(path) = &args.from_manifest {
        let pod = EtcdPodConfig::from_manifest_file(path)?;
        if pod.initial_cluster_state == "existing" && args.initial_cluster.is_none() {
            warnings.push(format!(
                "{} is a member kubeadm joined to an existing cluster: its --initial-cluster ({}) \
                 lists only the members present when it joined. To restore several members, pass \
                 the full --initial-cluster, the same on every node.",
                path.display(),
                pod.initial_cluster
            ));
        }
        membership = MembershipFlags {
            name: pod.name,
            initial_cluster: pod.initial_cluster,
            initial_cluster_token: pod.initial_cluster_token,
            initial_advertise_peer_urls: pod.initial_advertise_peer_urls.join(","),
        };
    } else if args.name.is_none()
        && args.initial_cluster.is_none()
        && args.initial_advertise_peer_urls.is_none()
    {
        warnings.push(
            "restored with etcd's default member (name \"default\", peer URL \
             http://localhost:2380, token etcd-cluster); etcd started with other values \
             crash-loops with \"member unknown\". For a kubeadm node restore with --from-manifest."
                .to_string(),
        );
    }
    if let Some(name) = args.name {
        membership.name = name;
    }
    if let Some(cluster) = args.initial_cluster {
        membership.initial_cluster = cluster;
    }
    if let Some(token) = args.initial_cluster_token {
        membership.initial_cluster_token = token;
    }
    if let Some(urls) = args.initial_advertise_peer_urls {
        membership.initial_advertise_peer_urls = urls;
    }
    let options = RestoreOptions {
        snapshot: args.file,
        data_dir: args.data_dir,
        membership,
        skip_hash_check: args.skip_hash_check,
        bump_revision: args.bump_revision,
        mark_compacted: args.mark_compacted,
    };
    Ok((options, warnings))
}

fn summary(report: &RestoreReport, manifest: Option<&std::path::Path>) -> String {
    let members: Vec<String> = report
        .members
        .iter()
        .map(|m| format!("{}={}", m.name, m.peer_urls.join(",")))
        .collect();
    let revision = if report.start_revision == report.revision {
        report.revision.to_string()
    } else {
        format!(
            "{} (bumped from {}{})",
            report.start_revision,
            report.revision,
            if report.compacted {
                ", marked compacted"
            } else {
                ""
            }
        )
    };
    let mut text = format!(
        "Restored {} into {}\n  member     {} ({})\n  cluster    {} ({})\n  revision   {}\n  \
         keys       {} revisions, {} database\n  sha256     {}\n",
        report.snapshot.display(),
        report.data_dir.display(),
        report.name,
        report.member_id,
        report.cluster_id,
        members.join(","),
        revision,
        report.key_revisions,
        human_bytes(report.db_size),
        report.hash_check,
    );
    match manifest {
        Some(manifest) => text.push_str(&format!(
            "Next: kubectl backup etcd repoint --manifest {} --data-dir {}\n",
            manifest.display(),
            report.data_dir.display()
        )),
        None => text.push_str(&format!(
            "Next: start etcd with --data-dir {} --name {} and the same peer URLs \
             (etcd ignores --initial-cluster* once the data dir exists)\n",
            report.data_dir.display(),
            report.name
        )),
    }
    if report.members.len() > 1 {
        text.push_str(&format!(
            "This is 1 of {} members: restore each of them from this same file with this same \
             --initial-cluster and token (and its own --name), then start them together.\n",
            report.members.len()
        ));
    }
    text
}
