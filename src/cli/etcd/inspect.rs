//! `kubectl backup etcd inspect FILE`: the Kubernetes objects in a snapshot, offline.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;

use crate::cli::GlobalArgs;
use crate::etcd::bbolt::Db;
use crate::etcd::inspect::{DEFAULT_ETCD_PREFIX, candidate_keys, decode, describe, latest};
use crate::etcd::k8s_proto::DecodeOptions;
use crate::etcd::status::check_for_reading;
use crate::output::{OutputFormat, Table, print_structured, write_stdout};

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The snapshot file (or a raw member/snap/db); opened read-only
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Only keys starting with this (e.g. /registry/deployments/ or /registry/cert-manager.io/)
    #[arg(long, value_name = "KEY_PREFIX")]
    pub prefix: Option<String>,

    /// Print one object as YAML (or -o json): a full key, or RESOURCE[.GROUP]/[NAMESPACE/]NAME
    #[arg(long, value_name = "OBJECT")]
    pub get: Option<String>,

    /// Show the state as of this revision instead of the snapshot's last one
    #[arg(long, value_name = "N")]
    pub revision: Option<i64>,

    /// The API server's --etcd-prefix
    #[arg(long, value_name = "PREFIX", default_value = DEFAULT_ETCD_PREFIX)]
    pub etcd_prefix: String,

    /// Print Secret data with --get (redacted by default)
    #[arg(long)]
    pub show_secrets: bool,

    /// Read a snapshot whose SHA-256 trailer or structure check fails (as `status` and
    /// `restore` would refuse it), with a warning
    #[arg(long)]
    pub skip_hash_check: bool,
}

pub fn run(args: InspectArgs, global: &GlobalArgs) -> Result<()> {
    let db = Db::open(&args.file)
        .with_context(|| format!("cannot read snapshot {}", args.file.display()))?;
    for warning in check_for_reading(&args.file, &db, args.skip_hash_check)? {
        eprintln!("warning: {warning}");
    }
    match &args.get {
        Some(reference) => get(&db, &args, reference, global),
        None => list(&db, &args, global),
    }
}

fn get(db: &Db, args: &InspectArgs, reference: &str, global: &GlobalArgs) -> Result<()> {
    let candidates = candidate_keys(reference, &args.etcd_prefix);
    // One pass, restricted to the common prefix of the candidates' parents.
    let scan_prefix = format!("{}/", args.etcd_prefix.trim_end_matches('/'));
    let scan_prefix = if reference.starts_with('/') {
        reference.to_string()
    } else {
        scan_prefix
    };
    let live = latest(db, scan_prefix.as_bytes(), args.revision)?;
    let Some(kv) = candidates.iter().find_map(|k| live.get(k.as_bytes())) else {
        bail!(
            "{reference} is not in {} (looked for {}); list what is there with \
             `kubectl backup etcd inspect {} --prefix {}`",
            args.file.display(),
            candidates.join(", "),
            args.file.display(),
            scan_prefix
        );
    };
    let object = decode(
        kv,
        DecodeOptions {
            show_secrets: args.show_secrets,
        },
    )?;
    print_structured(&object, global.output_or(OutputFormat::Yaml))
}

fn list(db: &Db, args: &InspectArgs, global: &GlobalArgs) -> Result<()> {
    let prefix = args
        .prefix
        .clone()
        .unwrap_or_else(|| format!("{}/", args.etcd_prefix.trim_end_matches('/')));
    let live = latest(db, prefix.as_bytes(), args.revision)?;
    let rows: Vec<_> = live
        .values()
        .map(|kv| describe(kv, &args.etcd_prefix))
        .filter(|row| {
            global
                .namespace
                .as_deref()
                .is_none_or(|ns| row.namespace.as_deref() == Some(ns))
        })
        .collect();
    match global.output_or(OutputFormat::Table) {
        format @ (OutputFormat::Json | OutputFormat::Yaml) => print_structured(&rows, format),
        OutputFormat::Name => {
            let text: String = rows
                .iter()
                .map(|r| format!("{}/{}\n", r.resource, r.name))
                .collect();
            Ok(write_stdout(&text)?)
        }
        format => {
            if rows.is_empty() {
                eprintln!("No keys under {prefix} in {}.", args.file.display());
                return Ok(());
            }
            let mut table = Table::new(&["resource", "namespace", "name", "revision"])
                .with_wide(&["kind", "encoding", "size", "key"]);
            for row in &rows {
                table.row([
                    row.resource.clone(),
                    row.namespace.clone().unwrap_or_default(),
                    row.name.clone(),
                    row.revision.to_string(),
                    if row.kind.is_empty() {
                        "-".to_string()
                    } else {
                        format!("{}/{}", row.api_version, row.kind)
                    },
                    row.encoding.clone(),
                    row.size.to_string(),
                    row.key.clone(),
                ]);
            }
            Ok(table.print(format)?)
        }
    }
}
