//! A `kando` for task pods: when this binary is invoked under the name `kando`, it implements
//! `kando location push|pull|delete --profile JSON --path P` and `kando output KEY VALUE` with
//! Kanister's rules (kanister.md §4), on top of [`crate::storage`]. The `--profile` value is the
//! `toJson .Profile` shape; Go decodes it case-insensitively, so do we.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::os::fd::AsFd;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Parser, Subcommand};
use serde_json::Value;

use super::marker;
use crate::profile::credentials::storage_config;
use crate::profile::template_value::TemplateCredential;
use crate::profile::types::{Location, LocationType};
use crate::storage::{ObjectStore, PrefixMode};

/// True when argv[0] names `kando` (a symlink to this binary).
pub fn invoked_as_kando(args: &[OsString]) -> bool {
    args.first()
        .and_then(|a| std::path::Path::new(a).file_name())
        .is_some_and(|n| n == "kando")
}

#[derive(Debug, Parser)]
#[command(
    name = "kando",
    about = "Kanister's in-pod helper (kubectl-backup stand-in)"
)]
struct Kando {
    /// Log level (accepted for compatibility)
    #[arg(short = 'v', long = "verbosity", global = true, default_value = "warn")]
    _verbosity: String,
    #[command(subcommand)]
    command: KandoCommand,
}

#[derive(Debug, Subcommand)]
enum KandoCommand {
    /// Push, pull or delete objects in a Profile's location
    Location {
        #[command(subcommand)]
        command: LocationCommand,
    },
    /// Emit a phase output pair
    Output { key: String, value: String },
}

#[derive(Debug, clap::Args)]
struct LocationFlags {
    /// The Profile as JSON (`{{ toJson .Profile }}`)
    #[arg(short = 'p', long = "profile")]
    profile: String,
    /// Object path, joined to the Profile's prefix
    #[arg(short = 's', long = "path", default_value = "")]
    path: String,
}

#[derive(Debug, Subcommand)]
enum LocationCommand {
    Push {
        #[command(flatten)]
        flags: LocationFlags,
        #[arg(short = 'o', long = "output-name", default_value = "kandoOutput")]
        _output_name: String,
        /// A file, or `-` for stdin (which must be a pipe)
        source: String,
    },
    Pull {
        #[command(flatten)]
        flags: LocationFlags,
        #[arg(short = 'k', long = "kopia-snapshot")]
        kopia_snapshot: Option<String>,
        /// A file, or `-` for stdout
        target: String,
    },
    Delete {
        #[command(flatten)]
        flags: LocationFlags,
        #[arg(short = 'k', long = "kopia-snapshot")]
        kopia_snapshot: Option<String>,
    },
}

pub fn main(args: Vec<OsString>) -> ExitCode {
    let kando = match Kando::try_parse_from(&args) {
        Ok(k) => k,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 1 } else { 0 });
        }
    };
    let _ = rustls::crypto::ring::default_provider().install_default();
    let result = match kando.command {
        KandoCommand::Output { key, value } => output(&key, &value),
        KandoCommand::Location { command } => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(anyhow::Error::from)
            .and_then(|rt| rt.block_on(location(command))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let message = format!("{e:#}");
            eprintln!("kando: error: {message}");
            if let Some(hint) = certificate_hint(&message) {
                eprintln!("kando: hint: {hint}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Why an HTTPS endpoint's certificate was not trusted, when the image has no CA bundle: only
/// the public CAs built into kando are trusted then (plain `http://` needs nothing).
fn certificate_hint(message: &str) -> Option<&'static str> {
    let lower = message.to_ascii_lowercase();
    let about_certificates = lower.contains("certificate") || lower.contains("unknownissuer");
    (about_certificates && rustls_native_certs::load_native_certs().certs.is_empty()).then_some(
        "this image has no CA bundle, so kando trusts only the public CAs built into it, and the \
         endpoint's certificate is not signed by one of them: put the CA that signed it in the \
         image (a PEM file named by SSL_CERT_FILE, or under /etc/ssl/certs), or set \
         skipSSLVerify: true in the Profile for a test endpoint",
    )
}

fn output(key: &str, value: &str) -> Result<()> {
    if !marker::valid_key(key) {
        bail!("output key {key:?} must match ^[a-zA-Z0-9_]+$");
    }
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(marker::format_line(key, value).as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Field `name` of a JSON object, matched case-insensitively like Go's decoder.
fn field<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
    let map = v.as_object()?;
    map.get(name).or_else(|| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    })
}

fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or_default().to_string()
}

/// The object store a `toJson .Profile` value describes.
pub fn store_from_profile_json(json: &str) -> Result<ObjectStore> {
    let profile: Value =
        serde_json::from_str(json).context("--profile is not the JSON of a Profile")?;
    let location =
        field(&profile, "Location").ok_or_else(|| anyhow!("--profile has no Location"))?;
    let location = Location {
        location_type: LocationType::from(text(field(location, "type"))),
        bucket: text(field(location, "bucket")),
        endpoint: text(field(location, "endpoint")),
        prefix: text(field(location, "prefix")),
        region: text(field(location, "region")),
    };
    if location.location_type == LocationType::Kopia {
        bail!("kopia profiles are not supported by this kando");
    }
    let credential = match field(&profile, "Credential") {
        Some(c) => {
            let key_pair = field(c, "KeyPair").filter(|v| !v.is_null());
            let secret = field(c, "Secret").filter(|v| !v.is_null());
            match (key_pair, secret) {
                (Some(kp), _) => TemplateCredential::KeyPair {
                    id: text(field(kp, "ID")),
                    secret: text(field(kp, "Secret")),
                },
                (None, Some(s)) => TemplateCredential::Secret(s.clone()),
                (None, None) => TemplateCredential::None,
            }
        }
        None => TemplateCredential::None,
    };
    let skip = field(&profile, "SkipSSLVerify")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let config = storage_config(&location, &credential, skip, "kando --profile")?;
    Ok(ObjectStore::new(config)?)
}

fn key_path(path: &str) -> Result<String> {
    let trimmed = path.trim_start_matches('/');
    if trimmed.is_empty() {
        bail!("--path must name an object");
    }
    Ok(trimmed.to_string())
}

async fn location(command: LocationCommand) -> Result<()> {
    match command {
        LocationCommand::Push { flags, source, .. } => {
            let store = store_from_profile_json(&flags.profile)?;
            let path = key_path(&flags.path)?;
            if source == "-" {
                require_pipe()?;
                let stdin = tokio::fs::File::from_std(std_handle(std::io::stdin().as_fd())?);
                store.put(&path, stdin, None).await?;
            } else {
                let file = tokio::fs::File::open(&source)
                    .await
                    .with_context(|| format!("cannot open {source}"))?;
                let size = file.metadata().await.ok().map(|m| m.len());
                store.put(&path, file, size).await?;
            }
            Ok(())
        }
        LocationCommand::Pull {
            flags,
            target,
            kopia_snapshot,
        } => {
            refuse_kopia(&kopia_snapshot)?;
            let store = store_from_profile_json(&flags.profile)?;
            let path = key_path(&flags.path)?;
            let count = Arc::new(AtomicU64::new(0));
            if target == "-" {
                let mut out = tokio::fs::File::from_std(std_handle(std::io::stdout().as_fd())?);
                crate::profile::transfer::pull_to(&store, &path, &mut out, &count).await?;
            } else {
                // Upstream opens the target with create and without truncate.
                let mut file = tokio::fs::OpenOptions::new()
                    .create(true)
                    .write(true)
                    .truncate(false)
                    .open(&target)
                    .await
                    .with_context(|| format!("cannot open {target}"))?;
                crate::profile::transfer::pull_to(&store, &path, &mut file, &count).await?;
            }
            Ok(())
        }
        LocationCommand::Delete {
            flags,
            kopia_snapshot,
        } => {
            refuse_kopia(&kopia_snapshot)?;
            let store = store_from_profile_json(&flags.profile)?;
            let path = key_path(&flags.path)?;
            store.delete_prefix(&path, PrefixMode::Kanister).await?;
            Ok(())
        }
    }
}

/// A standard stream as a file tokio can read or write (without the `io-std` feature).
fn std_handle(fd: std::os::fd::BorrowedFd<'_>) -> Result<std::fs::File> {
    Ok(std::fs::File::from(fd.try_clone_to_owned()?))
}

fn refuse_kopia(snapshot: &Option<String>) -> Result<()> {
    if snapshot.is_some() {
        bail!("--kopia-snapshot: kopia repositories are not supported by this kando");
    }
    Ok(())
}

/// Like upstream, `push -` reads only from a pipe: a `< file` redirect or a terminal is refused.
fn require_pipe() -> Result<()> {
    use std::os::unix::fs::FileTypeExt;
    if std::io::stdin().is_terminal() {
        bail!("push -: stdin is a terminal; pipe the data in");
    }
    let meta = std::fs::metadata("/proc/self/fd/0")
        .or_else(|_| std::fs::metadata("/dev/stdin"))
        .context("cannot inspect stdin")?;
    let kind = meta.file_type();
    if !(kind.is_fifo() || kind.is_socket()) {
        bail!("push -: stdin must be a pipe (use `cmd | kando location push … -`, not `< file`)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argv0_and_profile_json() {
        assert!(invoked_as_kando(&["/tmp/x/kando".into()]));
        assert!(!invoked_as_kando(&["/tmp/x/kubectl-backup".into()]));
        let dir = tempfile::tempdir().unwrap();
        let endpoint = crate::profile::credentials::local_endpoint(dir.path()).unwrap();
        let json = format!(
            r#"{{"location":{{"type":"s3Compliant","bucket":"b","endpoint":"{endpoint}","prefix":"p","region":"us-east-1"}},"credential":{{"Type":"keyPair","KeyPair":{{"ID":"a","Secret":"s"}}}},"SkipSSLVerify":false}}"#
        );
        // A file:// endpoint is a local directory; parsing must succeed either way.
        let _ = store_from_profile_json(&json);
        assert!(store_from_profile_json("not json").is_err());
        assert!(key_path("/").is_err());
        assert_eq!(key_path("/a/b").unwrap(), "a/b");
    }
}
