//! `kubectl backup location push | pull | delete`: the user-facing `kando location`. The object
//! key is the destination's prefix joined with `--path`, exactly as kando computes it.
//!
//! [`DestinationArgs`] (`--profile` / `--location`) is the flag pair every command that stores
//! data flattens in; its [`resolve`](DestinationArgs::resolve) gives a
//! [`crate::profile::Destination`].

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::GlobalArgs;
use crate::kube::connect;
use crate::output::{human_bytes, write_stdout};
use crate::profile::transfer::{self, Counting};
use crate::profile::{Destination, DestinationRequest, resolve};
use crate::storage::{ObjectStore, PrefixMode};

/// Where data goes: `--profile`, `--location`, or (neither) the local default directory.
#[derive(Debug, Clone, Args)]
pub struct DestinationArgs {
    /// Profile `[namespace/]name` (a Kanister Profile or a kubectl-backup profile). Without
    /// --profile or --location: the local directory $XDG_DATA_HOME/kubectl-backup
    #[arg(long, value_name = "[NS/]NAME", conflicts_with = "location", value_parser = super::validate::namespaced_object_name, add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::profile_names))]
    pub profile: Option<String>,
    /// Velero BackupStorageLocation `[namespace/]name` (namespace defaults to velero)
    #[arg(long, value_name = "[NS/]NAME", value_parser = super::validate::namespaced_object_name)]
    pub location: Option<String>,
}

/// The destination flags as the snapshot commands describe them (their default is also
/// Velero's location in controller mode; only client-side work writes to a profile), with
/// `--location` listed first. For `#[command(mut_args(snapshot_words))]` beside the flattened
/// group.
pub fn snapshot_words(arg: clap::Arg) -> clap::Arg {
    let order = arg.get_display_order();
    match arg.get_id().as_str() {
        "location" => arg
            .help("Velero BackupStorageLocation `[NS/]NAME` (default: the local directory $XDG_DATA_HOME/kubectl-backup, or Velero's default location in controller mode)")
            .display_order(order.saturating_sub(1)),
        "profile" => arg
            .help("Profile `[NS/]NAME` (a Kanister Profile or a kubectl-backup profile); client-side only")
            .display_order(order + 1),
        _ => arg,
    }
}

impl DestinationArgs {
    pub fn request(&self) -> Result<DestinationRequest> {
        DestinationRequest::from_flags(self.profile.as_deref(), self.location.as_deref())
    }

    /// Resolve, connecting to the cluster only when a profile or location was named.
    pub async fn resolve(&self, global: &GlobalArgs) -> Result<Destination> {
        let request = self.request()?;
        let cluster = if request.needs_cluster() {
            Some(connect(&global.cluster_options()).await?)
        } else {
            None
        };
        resolve(cluster.as_ref(), &request).await
    }
}

#[derive(Debug, Args)]
pub struct LocationArgs {
    #[command(subcommand)]
    pub command: LocationCommand,
}

#[derive(Debug, Subcommand)]
pub enum LocationCommand {
    /// Upload a file (or stdin with `-`) to PREFIX/PATH
    Push(PushArgs),
    /// Download PREFIX/PATH to a file (or stdout with `-`)
    Pull(PullArgs),
    /// Delete PREFIX/PATH and everything under PREFIX/PATH/
    Delete(DeleteArgs),
}

#[derive(Debug, Args)]
pub struct PathArgs {
    #[command(flatten)]
    pub destination: DestinationArgs,
    /// Object path, joined to the destination's prefix (like `kando --path`)
    #[arg(long, required = true)]
    pub path: String,
}

#[derive(Debug, Args)]
pub struct PushArgs {
    #[command(flatten)]
    pub target: PathArgs,
    /// The file to upload; `-` reads stdin
    #[arg(default_value = "-")]
    #[arg(value_name = "FILE")]
    pub source: PathBuf,
}

#[derive(Debug, Args)]
pub struct PullArgs {
    #[command(flatten)]
    pub target: PathArgs,
    /// Where to write; `-` writes stdout
    #[arg(default_value = "-")]
    #[arg(value_name = "FILE")]
    pub destination_file: PathBuf,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    #[command(flatten)]
    pub target: PathArgs,
    /// Delete every key that merely starts with the path, like `kando location delete`
    /// (`--path a/b` then also deletes `a/bc`)
    #[arg(long)]
    pub prefix_match: bool,
}

pub async fn run(args: LocationArgs, global: &GlobalArgs) -> Result<()> {
    match args.command {
        LocationCommand::Push(a) => push(a, global).await,
        LocationCommand::Pull(a) => pull(a, global).await,
        LocationCommand::Delete(a) => delete(a, global).await,
    }
}

async fn open(target: &PathArgs, global: &GlobalArgs) -> Result<(Destination, ObjectStore)> {
    let destination = target.destination.resolve(global).await?;
    let store = destination
        .store()?
        .with_cancellation(crate::interrupt::cancellation());
    transfer::object_key(&store, &target.path)?;
    Ok((destination, store))
}

/// A byte counter drawn as a progress bar with bytes and rate (when stderr is a terminal).
struct Progress {
    bar: Option<ProgressBar>,
    ticker: Option<tokio::task::JoinHandle<()>>,
}

impl Progress {
    fn start(global: &GlobalArgs, total: Option<u64>, count: Arc<AtomicU64>, verb: &str) -> Self {
        if !global.show_progress() {
            return Self {
                bar: None,
                ticker: None,
            };
        }
        let bar = match total {
            Some(total) => ProgressBar::new(total).with_style(
                ProgressStyle::with_template(
                    "{msg} {bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{msg} {spinner} {binary_bytes} {binary_bytes_per_sec}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        bar.set_message(verb.to_string());
        let ticking = bar.clone();
        let ticker = tokio::spawn(async move {
            loop {
                ticking.set_position(count.load(Ordering::Relaxed));
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        });
        Self {
            bar: Some(bar),
            ticker: Some(ticker),
        }
    }

    fn finish(self) {
        if let Some(t) = self.ticker {
            t.abort();
        }
        if let Some(b) = self.bar {
            b.finish_and_clear();
        }
    }
}

/// stdin/stdout as an async file (a duplicate of the descriptor; reads and writes run on
/// Tokio's blocking pool).
#[cfg(unix)]
fn std_stream(stream: impl std::os::fd::AsFd) -> Result<tokio::fs::File> {
    let fd = stream
        .as_fd()
        .try_clone_to_owned()
        .context("duplicating a standard stream")?;
    Ok(tokio::fs::File::from_std(std::fs::File::from(fd)))
}

#[cfg(windows)]
fn std_stream(stream: impl std::os::windows::io::AsHandle) -> Result<tokio::fs::File> {
    let handle = stream
        .as_handle()
        .try_clone_to_owned()
        .context("duplicating a standard stream")?;
    Ok(tokio::fs::File::from_std(std::fs::File::from(handle)))
}

async fn push(args: PushArgs, global: &GlobalArgs) -> Result<()> {
    let (destination, store) = open(&args.target, global).await?;
    let path = &args.target.path;
    destination.check_velero_layout(path)?;
    let stdin = args.source.as_os_str() == "-";
    let result = if stdin {
        let (reader, count) = Counting::new(std_stream(std::io::stdin())?);
        let progress = Progress::start(global, None, count, "push");
        let result = transfer::push(&store, path, reader, None).await;
        progress.finish();
        result
    } else {
        let file = tokio::fs::File::open(&args.source)
            .await
            .with_context(|| format!("cannot open {}", args.source.display()))?;
        let size = file.metadata().await.ok().map(|m| m.len());
        let (reader, count) = Counting::new(file);
        let progress = Progress::start(global, size, count, "push");
        let result = transfer::push(&store, path, reader, size).await;
        progress.finish();
        result
    };
    let put = match result {
        Ok(put) => put,
        Err(e) if crate::interrupt::received().is_some() => {
            eprintln!(
                "error: {}: push to {path:?} {}: {e:#}",
                destination.name,
                crate::interrupt::stop_described()
            );
            return Err(super::Interrupted.into());
        }
        Err(e) => bail!("{}: push to {path:?} failed: {e:#}", destination.name),
    };
    eprintln!(
        "pushed {} to {} key {} ({})",
        human_bytes(put.size),
        store.location(),
        put.key,
        destination.name
    );
    Ok(())
}

async fn pull(args: PullArgs, global: &GlobalArgs) -> Result<()> {
    let (destination, store) = open(&args.target, global).await?;
    let path = args.target.path.clone();
    let size = store
        .head(&path)
        .await
        .map_err(|e| anyhow!("{}: {e}", destination.name))?
        .map(|m| m.size);
    if size.is_none() {
        bail!(
            "{}: no object {:?} (key {})",
            destination.name,
            path,
            store.full_key(&path)?
        );
    }
    let count = Arc::new(AtomicU64::new(0));
    let progress = Progress::start(global, size, count.clone(), "pull");
    let cancel = crate::interrupt::cancellation();
    let to_stdout = args.destination_file.as_os_str() == "-";
    let work = async {
        if to_stdout {
            let mut stdout = std_stream(std::io::stdout())?;
            transfer::pull_to(&store, &path, &mut stdout, &count).await
        } else {
            transfer::pull_to_file(&store, &path, &args.destination_file, &count).await
        }
    };
    let result = tokio::select! {
        r = work => r,
        _ = cancel.cancelled() => {
            progress.finish();
            eprintln!(
                "error: {}: pull of {path:?} {}: cancelled; nothing was written to the target",
                destination.name,
                crate::interrupt::stop_described()
            );
            return Err(super::Interrupted.into());
        }
    };
    progress.finish();
    let copied =
        result.map_err(|e| anyhow!("{}: pull of {path:?} failed: {e:#}", destination.name))?;
    if !to_stdout {
        eprintln!(
            "pulled {} from {} to {}",
            human_bytes(copied),
            destination.name,
            args.destination_file.display()
        );
    }
    Ok(())
}

async fn delete(args: DeleteArgs, global: &GlobalArgs) -> Result<()> {
    let (destination, store) = open(&args.target, global).await?;
    let mode = if args.prefix_match {
        PrefixMode::Kanister
    } else {
        PrefixMode::PathSafe
    };
    let path = &args.target.path;
    let deleted = transfer::delete(&store, path, mode)
        .await
        .map_err(|e| anyhow!("{}: delete of {path:?} failed: {e:#}", destination.name))?;
    write_stdout(&format!(
        "deleted {deleted} object{} under {} ({})\n",
        if deleted == 1 { "" } else { "s" },
        store.full_key(path)?,
        destination.name
    ))?;
    Ok(())
}
