//! `kubectl backup etcd save FILE`.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use clap::Args;

use super::EtcdConnectionArgs;
use crate::cli::GlobalArgs;
use crate::etcd::connect::Endpoint;
use crate::etcd::discover::{ETCD_NAMESPACE, from_cluster};
use crate::etcd::save::{Saved, save};
use crate::etcd::status::humanize_bytes;
use crate::output::{OutputFormat, print_structured, write_stdout};
use crate::profile::transfer;
use crate::profile::{Destination, DestinationRequest, resolve};
use crate::storage::ObjectStore;

#[derive(Debug, Args)]
pub struct SaveArgs {
    /// Where to write the snapshot (replaced atomically; never left half-written)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    #[command(flatten)]
    pub connection: EtcdConnectionArgs,

    /// Find the endpoint and certificate files from the kube-system etcd static pod, read
    /// through the API (run on that control-plane node). Replaces --endpoints;
    /// --cacert/--cert/--key still override the pod's files
    #[arg(long)]
    pub from_cluster: bool,

    /// With --from-cluster: the node whose etcd member to use (default: this machine)
    #[arg(long, value_name = "NAME", requires = "from_cluster")]
    pub node: Option<String>,

    /// Upload the snapshot to this profile's object storage instead of keeping it on disk; FILE
    /// becomes the object's path under the profile's prefix
    #[arg(long, value_name = "[NS/]NAME", help_heading = "Destination", add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::profile_names))]
    pub profile: Option<String>,

    /// With --profile: also keep FILE on disk
    #[arg(long, requires = "profile", help_heading = "Destination")]
    pub keep_local: bool,
}

/// Where `--profile` sends the snapshot.
struct Upload {
    destination: Destination,
    store: ObjectStore,
    key: String,
}

pub async fn run(args: SaveArgs, global: &GlobalArgs) -> Result<()> {
    let mut endpoint = args.connection.endpoint(global)?;
    let cluster = if args.from_cluster || args.profile.is_some() {
        Some(crate::kube::connect(&global.cluster_options()).await?)
    } else {
        None
    };
    if let (true, Some(cluster)) = (args.from_cluster, &cluster) {
        let found = from_cluster(cluster, args.node.as_deref()).await?;
        eprintln!(
            "using etcd pod {ETCD_NAMESPACE}/{} on node {}: {}",
            found.pod, found.node, found.endpoint.url
        );
        endpoint = Endpoint {
            url: found.endpoint.url,
            cacert: endpoint.cacert.or(found.endpoint.cacert),
            cert: endpoint.cert.or(found.endpoint.cert),
            key: endpoint.key.or(found.endpoint.key),
            ..endpoint
        };
    }
    // The destination is resolved before any byte is fetched: a wrong profile fails fast.
    let upload = match &args.profile {
        Some(profile) => {
            let request = DestinationRequest::from_flags(Some(profile), None)?;
            let destination = resolve(cluster.as_ref(), &request).await?;
            let store = destination
                .store()?
                .with_cancellation(crate::interrupt::cancellation());
            let key = object_path(&args.file)?;
            transfer::object_key(&store, &key)?;
            Some(Upload {
                destination,
                store,
                key,
            })
        }
        None => None,
    };
    let scratch = match (&upload, args.keep_local) {
        (Some(_), false) => {
            Some(tempfile::tempdir().context("cannot create a temporary directory")?)
        }
        _ => None,
    };
    let local = match &scratch {
        Some(dir) => dir.path().join("snapshot.db"),
        None => args.file.clone(),
    };

    let bar = super::byte_progress("snapshot", global.show_progress());
    let mut on_progress = {
        let bar = bar.clone();
        move |received: u64, total: u64| {
            if bar.length() != Some(total) {
                bar.set_length(total);
            }
            bar.set_position(received);
        }
    };
    let result = tokio::select! {
        result = save(&endpoint, &local, &mut on_progress) => result,
        signal = crate::interrupt::signalled() => {
            bar.finish_and_clear();
            eprintln!(
                "error: {}: the partial snapshot was removed and {} was not touched",
                signal.described(),
                args.file.display()
            );
            return Err(crate::cli::Interrupted.into());
        }
    };
    bar.finish_and_clear();
    let mut saved = result?;
    saved.path = args.file.clone();
    match upload {
        None => report(&saved, global),
        Some(upload) => {
            let uploaded = push(&upload, &local, saved.size + 32).await;
            if let Err(e) = uploaded {
                // A fresh snapshot is too precious to drop because the upload failed.
                let kept = match scratch {
                    Some(dir) => dir.keep().join("snapshot.db"),
                    None => local,
                };
                bail!("{e:#}; the snapshot is kept at {}", kept.display());
            }
            report_upload(&saved, &upload, args.keep_local, global)
        }
    }
}

/// FILE as an object path: relative, `/`-separated, no `.` or `..`.
fn object_path(file: &Path) -> Result<String> {
    let mut parts = Vec::new();
    for component in file.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            Component::ParentDir => bail!(
                "{} cannot be an object path: `..` is not allowed with --profile",
                file.display()
            ),
        }
    }
    if parts.is_empty() {
        bail!("{} does not name an object", file.display());
    }
    Ok(parts.join("/"))
}

async fn push(upload: &Upload, local: &Path, size: u64) -> Result<()> {
    let file = tokio::fs::File::open(local)
        .await
        .with_context(|| format!("cannot open {}", local.display()))?;
    transfer::push(&upload.store, &upload.key, file, Some(size))
        .await
        .map_err(|e| {
            anyhow!(
                "{}: upload of {} failed: {e:#}",
                upload.destination.name,
                upload.key
            )
        })?;
    Ok(())
}

fn report_upload(
    saved: &Saved,
    upload: &Upload,
    keep_local: bool,
    global: &GlobalArgs,
) -> Result<()> {
    let key = upload.store.full_key(&upload.key)?;
    eprintln!(
        "uploaded {} to {} key {key} ({}), revision {}, sha256 {} verified",
        humanize_bytes(saved.size + 32),
        upload.store.location(),
        upload.destination.name,
        saved.revision,
        saved.sha256,
    );
    match global.output {
        Some(format @ (OutputFormat::Json | OutputFormat::Yaml)) => {
            let mut value = serde_json::to_value(saved)?;
            value["destination"] = serde_json::json!(upload.destination.name);
            value["objectKey"] = serde_json::json!(key);
            if !keep_local {
                value.as_object_mut().map(|o| o.remove("path"));
            }
            print_structured(&value, format)
        }
        _ => {
            let mut text = format!(
                "Snapshot uploaded to {} as {key}\n",
                upload.destination.name
            );
            if keep_local {
                text.push_str(&format!("Snapshot saved at {}\n", saved.path.display()));
            }
            Ok(write_stdout(&text)?)
        }
    }
}

fn report(saved: &Saved, global: &GlobalArgs) -> Result<()> {
    match global.output {
        Some(format @ (OutputFormat::Json | OutputFormat::Yaml)) => print_structured(saved, format),
        _ => {
            eprintln!(
                "fetched {} from {} in {:.2}s ({}/s), revision {}, sha256 {} verified",
                humanize_bytes(saved.size),
                saved.endpoint,
                saved.elapsed.as_secs_f64(),
                humanize_bytes(saved.bytes_per_second() as u64),
                saved.revision,
                saved.sha256,
            );
            // The one stdout line etcdctl prints, so scripts written for it keep working.
            let mut text = format!("Snapshot saved at {}\n", saved.path.display());
            if !saved.server_version.is_empty() {
                text.push_str(&format!("Server version {}\n", saved.server_version));
            }
            Ok(write_stdout(&text)?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_arguments_become_object_paths() {
        assert_eq!(
            object_path(Path::new("etcd/nightly.db")).unwrap(),
            "etcd/nightly.db"
        );
        assert_eq!(object_path(Path::new("./x.db")).unwrap(), "x.db");
        assert_eq!(
            object_path(Path::new("/backups/x.db")).unwrap(),
            "backups/x.db"
        );
        assert!(object_path(Path::new("../x.db")).is_err());
        assert!(object_path(Path::new("/")).is_err());
    }
}
