//! `kubectl backup etcd inspect FILE`: the Kubernetes objects in a snapshot, offline; one of them
//! as the API server would serve it (or ready for `kubectl apply`); or what changed since, against
//! the live cluster.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;

use crate::cli::GlobalArgs;
use crate::etcd::bbolt::Db;
use crate::etcd::inspect::live::{self, Change, LiveDiff};
use crate::etcd::inspect::resources::{
    ResourceType, built_in, from_crd, key_of, parse_reference, resolve,
};
use crate::etcd::inspect::{
    DEFAULT_ETCD_PREFIX, DecodeOptions, candidate_keys, crd, decode, describe, latest,
};
use crate::etcd::protowire::KeyValue;
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

    /// Print one object as YAML (or -o json): a full key, or TYPE/[NAMESPACE/]NAME where TYPE is
    /// any name kubectl accepts (deployments, deployments.apps, deploy, Deployment, a custom
    /// resource's names); without NAMESPACE, -n or "default"
    #[arg(long, value_name = "OBJECT", conflicts_with = "diff_live")]
    pub get: Option<String>,

    /// Show the state as of this revision instead of the snapshot's last one
    #[arg(long, value_name = "N")]
    pub revision: Option<i64>,

    /// The API server's --etcd-prefix
    #[arg(long, value_name = "PREFIX", default_value = DEFAULT_ETCD_PREFIX)]
    pub etcd_prefix: String,

    /// Print Secret values (redacted by default, also in the last-applied annotation)
    #[arg(long)]
    pub show_secrets: bool,

    /// Keep metadata.managedFields in --get output (hidden by default, as kubectl does)
    #[arg(long)]
    pub show_managed_fields: bool,

    /// With --get: leave out what the server sets (uid, resourceVersion, timestamps, status,
    /// allocated cluster IPs, generated Job selectors, owner references) so that `kubectl apply`
    /// or `kubectl create` recreates the object
    #[arg(long, requires = "get")]
    pub for_apply: bool,

    /// List the objects (under --prefix) that were changed, deleted or created in the live
    /// cluster since the snapshot; uses the cluster-access flags
    #[arg(long)]
    pub diff_live: bool,

    /// Read a snapshot whose SHA-256 trailer or structure check fails (as `status` and
    /// `restore` would refuse it), with a warning
    #[arg(long)]
    pub skip_hash_check: bool,
}

pub async fn run(args: InspectArgs, global: &GlobalArgs) -> Result<()> {
    let db = Db::open(&args.file)
        .with_context(|| format!("cannot read snapshot {}", args.file.display()))?;
    for warning in check_for_reading(&args.file, &db, args.skip_hash_check)? {
        eprintln!("warning: {warning}");
    }
    match &args.get {
        Some(reference) => get(&db, &args, reference, global),
        None if args.diff_live => diff_live(&db, &args, global).await,
        None => list(&db, &args, global),
    }
}

fn registry_root(args: &InspectArgs) -> String {
    format!("{}/", args.etcd_prefix.trim_end_matches('/'))
}

/// Built-in types plus those the snapshot's CustomResourceDefinitions define.
fn resource_types(live: &BTreeMap<&[u8], KeyValue<'_>>, args: &InspectArgs) -> Vec<ResourceType> {
    let mut types = built_in();
    let crds = format!(
        "{}apiextensions.k8s.io/customresourcedefinitions/",
        registry_root(args)
    );
    for (_, kv) in live.range(crds.as_bytes()..) {
        if !kv.key.starts_with(crds.as_bytes()) {
            break;
        }
        if let Some(t) = decode(kv, DecodeOptions::default())
            .ok()
            .as_ref()
            .and_then(from_crd)
        {
            types.push(t);
        }
    }
    types
}

fn get(db: &Db, args: &InspectArgs, reference: &str, global: &GlobalArgs) -> Result<()> {
    let scan_prefix = if reference.starts_with('/') {
        reference.to_string()
    } else {
        registry_root(args)
    };
    let live = latest(db, scan_prefix.as_bytes(), args.revision)?;
    let candidates = match parse_reference(reference) {
        Some(r) if !reference.starts_with('/') => {
            let types = resource_types(&live, args);
            match resolve(&types, r.resource) {
                Some(t) => {
                    let namespace = r
                        .namespace
                        .or(global.namespace.as_deref())
                        .unwrap_or("default");
                    vec![key_of(t, namespace, r.name, &args.etcd_prefix)]
                }
                None => candidate_keys(reference, &args.etcd_prefix),
            }
        }
        _ => candidate_keys(reference, &args.etcd_prefix),
    };
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
            show_managed_fields: args.show_managed_fields,
            for_apply: args.for_apply,
        },
    )?;
    if kv.value.starts_with(crate::etcd::k8s_proto::MAGIC)
        && crate::etcd::k8s_proto::Envelope::decode(kv.value).is_ok_and(|e| {
            e.api_version == crd::STORED_VERSION && e.kind == "CustomResourceDefinition"
        })
    {
        eprintln!(
            "note: this CustomResourceDefinition is stored as {} (the API server's storage \
             version) and printed converted to {}, as the API serves it",
            crd::STORED_VERSION,
            crd::SERVED_VERSION
        );
    }
    print_structured(&object, global.output_or(OutputFormat::Yaml))
}

fn list(db: &Db, args: &InspectArgs, global: &GlobalArgs) -> Result<()> {
    let prefix = args.prefix.clone().unwrap_or_else(|| registry_root(args));
    let live = latest(db, prefix.as_bytes(), args.revision)?;
    let rows: Vec<_> = live
        .values()
        .map(|kv| describe(kv, &args.etcd_prefix))
        .filter(|row| in_namespace(global, row.namespace.as_deref()))
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

fn in_namespace(global: &GlobalArgs, namespace: Option<&str>) -> bool {
    global
        .namespace
        .as_deref()
        .is_none_or(|ns| namespace == Some(ns))
}

async fn diff_live(db: &Db, args: &InspectArgs, global: &GlobalArgs) -> Result<()> {
    let prefix = args.prefix.clone().unwrap_or_else(|| registry_root(args));
    let options = LiveDiff {
        prefix: &prefix,
        revision: args.revision,
        etcd_prefix: &args.etcd_prefix,
        namespace: global.namespace.as_deref(),
    };
    let cluster = crate::kube::connect(&global.cluster_options()).await?;
    let found = live::diff_live(db, &cluster, &options).await?;
    for warning in &found.warnings {
        eprintln!("warning: {warning}");
    }
    print_changes(&found.changes, args, global)
}

fn print_changes(changes: &[Change], args: &InspectArgs, global: &GlobalArgs) -> Result<()> {
    match global.output_or(OutputFormat::Table) {
        format @ (OutputFormat::Json | OutputFormat::Yaml) => print_structured(&changes, format),
        OutputFormat::Name => {
            let text: String = changes
                .iter()
                .map(|c| format!("{}/{}\n", c.resource, c.name))
                .collect();
            Ok(write_stdout(&text)?)
        }
        format => {
            if changes.is_empty() {
                eprintln!(
                    "No differences between {} and the live cluster.",
                    args.file.display()
                );
                return Ok(());
            }
            let mut table = Table::new(&["change", "resource", "namespace", "name", "paths"]);
            for c in changes {
                let mut paths = c
                    .paths
                    .iter()
                    .take(4)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                if c.paths.len() > 4 {
                    paths.push_str(&format!(" (+{} more)", c.paths.len() - 4));
                }
                table.row([
                    c.change.to_string(),
                    c.resource.clone(),
                    c.namespace.clone().unwrap_or_default(),
                    c.name.clone(),
                    paths,
                ]);
            }
            Ok(table.print(format)?)
        }
    }
}
