//! `kubectl backup etcd …`: snapshots of etcd itself, taken from a live member and inspected
//! offline. Flags mirror etcdctl's (and read the same `ETCDCTL_*` variables).

mod inspect;
mod repoint;
mod restore;
mod save;
mod status;

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;
use clap::{Args, Subcommand};
use secrecy::SecretString;

use crate::cli::{GlobalArgs, parse_request_timeout};
use crate::etcd::connect::Endpoint;

#[derive(Debug, Args)]
pub struct EtcdArgs {
    // Boxed: the subcommands' flags would make every `Command` as large as the biggest of them.
    #[command(subcommand)]
    pub command: Box<EtcdCommand>,
}

#[derive(Debug, Subcommand)]
pub enum EtcdCommand {
    /// Stream a snapshot from one etcd member into FILE (verified, fsynced, never partial)
    Save(save::SaveArgs),
    /// Hash, revision, keys, size and trailer check of a snapshot file (offline, read-only)
    Status(status::StatusArgs),
    /// List the Kubernetes objects inside a snapshot, or print one (offline, read-only)
    Inspect(inspect::InspectArgs),
    /// Turn a snapshot into the data dir of a member of a new cluster (native, like etcdutl snapshot restore)
    Restore(restore::RestoreArgs),
    /// Point a kubeadm etcd static pod's etcd-data volume at a restored data dir
    Repoint(repoint::RepointArgs),
}

pub async fn run(args: EtcdArgs, global: &GlobalArgs) -> Result<()> {
    match *args.command {
        EtcdCommand::Save(args) => save::run(args, global).await,
        EtcdCommand::Status(args) => status::run(args, global),
        EtcdCommand::Inspect(args) => inspect::run(args, global).await,
        EtcdCommand::Restore(args) => restore::run(args, global).await,
        EtcdCommand::Repoint(args) => repoint::run(args, global),
    }
}

/// How to reach one etcd member, with etcdctl's flag names and environment variables.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "etcd connection")]
pub struct EtcdConnectionArgs {
    /// The etcd member to talk to (one URL; default 127.0.0.1:2379, https when TLS files are given)
    #[arg(
        long,
        env = "ETCDCTL_ENDPOINTS",
        value_name = "URL",
        value_delimiter = ','
    )]
    pub endpoints: Vec<String>,

    /// CA certificate that signed etcd's serving certificate
    #[arg(long, env = "ETCDCTL_CACERT", value_name = "FILE")]
    pub cacert: Option<PathBuf>,

    /// Client certificate (any certificate signed by the etcd CA)
    #[arg(long, env = "ETCDCTL_CERT", value_name = "FILE")]
    pub cert: Option<PathBuf>,

    /// Client certificate's private key
    #[arg(long, env = "ETCDCTL_KEY", value_name = "FILE")]
    pub key: Option<PathBuf>,

    /// etcd user, as NAME or NAME:PASSWORD (only when etcd auth is on; needs the root role)
    #[arg(
        long,
        env = "ETCDCTL_USER",
        value_name = "NAME[:PASSWORD]",
        hide_env_values = true
    )]
    pub user: Option<String>,

    /// Password for --user (prompted for when missing and a terminal is attached)
    #[arg(
        long,
        env = "ETCDCTL_PASSWORD",
        value_name = "PASSWORD",
        hide_env_values = true
    )]
    pub password: Option<String>,

    /// Time allowed to connect (the transfer itself has no deadline)
    #[arg(long, env = "ETCDCTL_DIAL_TIMEOUT", value_name = "DURATION", default_value = "5s", value_parser = parse_request_timeout)]
    pub dial_timeout: Duration,
}

impl EtcdConnectionArgs {
    pub fn endpoint(&self, global: &GlobalArgs) -> Result<Endpoint> {
        let url = Endpoint::single(&self.endpoints)?;
        let (user, mut password) = match self.user.as_deref().map(|u| u.split_once(':')) {
            Some(Some((name, password))) => (Some(name.to_string()), Some(password.to_string())),
            Some(None) => (self.user.clone(), None),
            None => (None, None),
        };
        if password.is_none() {
            password = self.password.clone();
        }
        if let (Some(name), None) = (&user, &password) {
            if !global.interactive() {
                anyhow::bail!("--user {name} needs a password: pass --password or NAME:PASSWORD");
            }
            password = Some(
                dialoguer::Password::new()
                    .with_prompt(format!("Password for etcd user {name}"))
                    .interact()?,
            );
        }
        Ok(Endpoint {
            url,
            cacert: self.cacert.clone(),
            cert: self.cert.clone(),
            key: self.key.clone(),
            user,
            password: password.map(SecretString::from),
            dial_timeout: (!self.dial_timeout.is_zero()).then_some(self.dial_timeout),
        })
    }
}

/// A byte-count bar for `save` and `restore` (`label` names the work); hidden unless shown.
fn byte_progress(label: &str, visible: bool) -> indicatif::ProgressBar {
    if !visible {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {label} {{bar:30}} {{bytes}}/{{total_bytes}} {{bytes_per_sec}} eta {{eta}}"
        ))
        .expect("valid template"),
    );
    bar
}
