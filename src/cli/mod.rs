//! The command line: every subcommand parses into an options struct, then calls a plain async
//! function with it. Nothing here knows how a backup works; the domain modules do.

mod actionset;
mod blueprint;
mod blueprint_render;
mod complete;
mod completion;
mod doctor;
mod etcd;
mod global;
mod location;
mod migrate;
mod mode;
mod profile;
mod schedule;
mod snapshot;
mod validate;
mod version;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

pub use global::{ColorChoice, GlobalArgs, parse_request_timeout};

#[derive(Debug, Parser)]
#[command(
    name = "kubectl-backup",
    bin_name = "kubectl backup",
    version,
    about = "Every kind of Kubernetes backup in one kubectl plugin",
    long_about = "Every kind of Kubernetes backup in one kubectl plugin: Kanister-compatible \
                  blueprints and ActionSets, Velero-compatible resource snapshots, and etcd snapshots.\n\n\
                  Flags go after `backup`: kubectl rejects flags placed before a plugin's name.",
    propagate_version = true,
    max_term_width = 110
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the client and server versions
    Version(version::VersionArgs),
    /// Check what this cluster offers and which mode each capability will use
    Doctor(doctor::DoctorArgs),
    /// Print a shell completion script (bash, zsh or fish)
    Completion(completion::CompletionArgs),
    /// Kanister Blueprints: apply, list, get, delete, validate, render
    #[command(alias = "blueprints", alias = "bp")]
    Blueprint(blueprint::BlueprintArgs),
    /// etcd snapshots: save from a live member, status and inventory offline
    Etcd(etcd::EtcdArgs),
    /// Profiles: where backups go (Kanister Profiles, or labelled Secrets without Kanister)
    #[command(alias = "profiles")]
    Profile(profile::ProfileArgs),
    /// Push, pull and delete objects in a profile's location (like `kando location`)
    Location(location::LocationArgs),
    /// Kanister ActionSets: create (run client-side or by the controller), list, describe, watch, delete
    #[command(alias = "actionsets", alias = "as")]
    Actionset(actionset::ActionsetArgs),
    /// Move ConfigMap Blueprints, Secret Profiles and ActionSet records kept without Kanister's CRDs into Kanister's resources
    Migrate(migrate::MigrateArgs),
    /// Velero-compatible resource snapshots: create, list, describe, download, delete
    Snapshot(snapshot::SnapshotArgs),
    /// Restore a resource snapshot (same as `snapshot restore`)
    Restore(snapshot::restore::RestoreArgs),
    /// Scheduled backups: snapshots, ActionSets and etcd snapshots on a timetable, with retention
    #[command(alias = "schedules")]
    Schedule(schedule::ScheduleArgs),
}

/// An error whose message was already shown to the user; only the exit code is left to set.
#[derive(Debug)]
pub struct AlreadyReported;

impl std::fmt::Display for AlreadyReported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("failed")
    }
}

impl std::error::Error for AlreadyReported {}

/// Stopped by a signal (Ctrl-C, SIGTERM, SIGHUP) after telling the user what was and was not done:
/// exit 128 + the signal's number (130, 143, 129), as a shell reports it.
#[derive(Debug)]
pub struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}

pub fn command() -> clap::Command {
    Cli::command()
}

pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    if crate::actionset::kando::invoked_as_kando(&args) {
        return crate::actionset::kando::main(args);
    }
    if completion::invoked_as_kubectl_completer(&args) {
        return completion::run_kubectl_completer(args);
    }
    completion::complete_from_environment();
    let args = global::rewrite_kubectl_verbosity(args);
    let mut cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` and `--version` are "errors" that go to stdout with exit 0.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    cli.global.finish();
    crate::logging::init(cli.global.verbosity(), cli.global.stderr_color());
    // One TLS crypto provider for the whole process (kube, reqwest and etcd all use ring).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(run(cli));
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
    exit_code(result)
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let global = cli.global;
    match cli.command {
        Command::Version(args) => version::run(args, &global).await,
        Command::Doctor(args) => doctor::run(args, &global).await,
        Command::Completion(args) => completion::run(args),
        Command::Blueprint(args) => blueprint::run(args, &global).await,
        Command::Etcd(args) => etcd::run(args, &global).await,
        Command::Profile(args) => profile::run(args, &global).await,
        Command::Location(args) => location::run(args, &global).await,
        Command::Actionset(args) => actionset::run(args, &global).await,
        Command::Migrate(args) => migrate::run(args, &global).await,
        Command::Snapshot(args) => snapshot::run(args, &global).await,
        Command::Restore(args) => snapshot::restore::run(args, &global).await,
        Command::Schedule(args) => schedule::run(args, &global).await,
    }
}

fn exit_code(result: anyhow::Result<()>) -> ExitCode {
    let Err(error) = result else {
        return ExitCode::SUCCESS;
    };
    if is_broken_pipe(&error) {
        return ExitCode::SUCCESS;
    }
    if error.downcast_ref::<Interrupted>().is_some() {
        let signal = crate::interrupt::received().unwrap_or(crate::interrupt::Signal::Interrupt);
        return ExitCode::from(signal.exit_code());
    }
    if error.downcast_ref::<AlreadyReported>().is_none() {
        eprintln!("error: {error:#}");
    }
    ExitCode::FAILURE
}

/// `kubectl backup … | head` closes our stdout early; that is the reader's choice, not a failure.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_flags_parse_after_the_subcommand() {
        let cli = Cli::try_parse_from([
            "kubectl-backup",
            "version",
            "--context",
            "dev",
            "-n",
            "apps",
            "-o",
            "json",
            "--request-timeout",
            "5s",
        ])
        .unwrap();
        assert_eq!(cli.global.context.as_deref(), Some("dev"));
        assert_eq!(cli.global.namespace.as_deref(), Some("apps"));
        assert_eq!(
            cli.global.request_timeout,
            Some(std::time::Duration::from_secs(5))
        );
    }

    #[test]
    fn broken_pipe_is_a_clean_exit() {
        let e = anyhow::Error::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert!(is_broken_pipe(&e));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }
}
