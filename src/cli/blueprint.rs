//! `kubectl backup blueprint …`: apply, list, get, delete, validate and render Kanister
//! Blueprints. Blueprints live in `blueprints.cr.kanister.io` when Kanister is installed, else
//! in labelled ConfigMaps (see `crate::blueprint::store`).

use crate::output::{DryRun, Written, print_written};
use std::io::Read;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::blueprint::inputs::TargetFlags;
use crate::blueprint::store::{
    BlueprintStore, Storage, StoredBlueprint, apply_namespace, normalised,
};
use crate::blueprint::types::{GROUP, KIND};
use crate::blueprint::{
    Blueprint, Findings, Severity, Validation, validate_blueprint, validate_yaml,
};
use crate::cli::{AlreadyReported, GlobalArgs};
use crate::kube::connect;
use crate::output::{OutputFormat, Table, print_structured, write_stdout};

#[derive(Debug, Args)]
pub struct BlueprintArgs {
    #[command(subcommand)]
    pub command: BlueprintCommand,
}

#[derive(Debug, Subcommand)]
pub enum BlueprintCommand {
    /// Create or update a Blueprint from a file, after validating it (invalid ones are refused)
    Apply(ApplyArgs),
    /// List Blueprints
    #[command(alias = "ls")]
    List(ListArgs),
    /// Show one Blueprint (-o yaml for the whole object)
    Get(GetArgs),
    /// Delete Blueprints
    #[command(alias = "rm")]
    Delete(DeleteArgs),
    /// Check a Blueprint for every mistake Kanister would only hit mid-backup
    Validate(ValidateArgs),
    /// Show what each phase of an action would run, with its arguments rendered
    Render(Box<RenderArgs>),
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The Blueprint YAML file (`-` for stdin)
    #[arg(short = 'f', long = "filename", value_name = "FILE", required = true)]
    pub file: PathBuf,
    /// Validate and print the object that would be stored, without contacting the cluster
    /// (client, also a bare --dry-run), or have the API server admit it and store nothing (server)
    #[arg(long, value_enum, value_name = "WHERE", num_args = 0..=1, require_equals = true, default_value_t, default_missing_value = "client", hide_default_value = true)]
    pub dry_run: DryRun,
}

#[derive(Debug, Args)]
pub struct ListArgs {}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// Blueprint name
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::blueprint_names))]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Blueprint names
    #[arg(required = true, add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::blueprint_names))]
    pub names: Vec<String>,
    /// Succeed when a Blueprint does not exist
    #[arg(long)]
    pub ignore_not_found: bool,
}

/// What an action runs on and with, spelled as for an ActionSet (kanctl's flags).
#[derive(Debug, Clone, Default, Args)]
pub struct TargetArgs {
    /// StatefulSet to act on (repeatable, or comma-separated)
    #[arg(long, value_name = "NS/NAME", help_heading = "Action subject")]
    pub statefulset: Vec<String>,
    /// Deployment to act on
    #[arg(long, value_name = "NS/NAME", help_heading = "Action subject")]
    pub deployment: Vec<String>,
    /// OpenShift DeploymentConfig to act on
    #[arg(long, value_name = "NS/NAME", help_heading = "Action subject")]
    pub deploymentconfig: Vec<String>,
    /// PersistentVolumeClaim to act on
    #[arg(long, value_name = "NS/NAME", help_heading = "Action subject")]
    pub pvc: Vec<String>,
    /// Namespace to act on (kanctl's --namespacetargets; -n/--namespace picks where the
    /// Blueprint lives)
    #[arg(
        long = "namespace-target",
        visible_alias = "namespacetargets",
        value_name = "NS",
        help_heading = "Action subject"
    )]
    pub namespace_targets: Vec<String>,
    /// Any other object: GROUP/VERSION/RESOURCE/NS/NAME (core API: VERSION/RESOURCE/NS/NAME)
    #[arg(
        long = "object",
        visible_alias = "objects",
        value_name = "G/V/R/NS/NAME",
        help_heading = "Action subject"
    )]
    pub objects: Vec<String>,
    /// Profile giving the backup location: NAME (in the -n namespace) or NS/NAME
    #[arg(long, value_name = "[NS/]NAME", help_heading = "Action inputs", value_parser = super::validate::namespaced_object_name, add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::profile_names))]
    pub profile: Option<String>,
    /// Secrets exposed as .Secrets.KEY (repeatable, or comma-separated)
    #[arg(long, value_name = "KEY=NS/NAME", help_heading = "Action inputs")]
    pub secrets: Vec<String>,
    /// ConfigMaps exposed as .ConfigMaps.KEY
    #[arg(
        long = "config-maps",
        value_name = "KEY=NS/NAME",
        help_heading = "Action inputs"
    )]
    pub config_maps: Vec<String>,
    /// Options exposed as .Options.KEY
    #[arg(long, value_name = "KEY=VALUE", help_heading = "Action inputs")]
    pub options: Vec<String>,
    /// Input artifacts exposed as .ArtifactsIn.NAME.KeyValue.KEY (NAME.kopiaSnapshot=… for a
    /// Kopia snapshot)
    #[arg(long, value_name = "NAME.KEY=VALUE", help_heading = "Action inputs")]
    pub artifacts: Vec<String>,
}

impl From<&TargetArgs> for TargetFlags {
    fn from(t: &TargetArgs) -> TargetFlags {
        TargetFlags {
            statefulset: t.statefulset.clone(),
            deployment: t.deployment.clone(),
            deploymentconfig: t.deploymentconfig.clone(),
            pvc: t.pvc.clone(),
            namespace_targets: t.namespace_targets.clone(),
            objects: t.objects.clone(),
            profile: t.profile.clone(),
            secrets: t.secrets.clone(),
            config_maps: t.config_maps.clone(),
            options: t.options.clone(),
            artifacts: t.artifacts.clone(),
        }
    }
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("source").required(true).args(["file", "name"]))]
pub struct RenderArgs {
    /// The Blueprint YAML file (`-` for stdin)
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// A Blueprint in the cluster
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::blueprint_names))]
    pub name: Option<String>,
    /// The action to render (backup, restore, delete, …)
    #[arg(short = 'a', long)]
    pub action: String,
    #[command(flatten)]
    pub target: TargetArgs,
    /// Show Secret values and Profile credentials instead of <redacted>
    #[arg(long)]
    pub show_secrets: bool,
    /// The value of .Time (RFC 3339), for reproducible output (default: now)
    #[arg(long, value_name = "RFC3339")]
    pub time: Option<String>,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("source").required(true).args(["files", "name"]))]
pub struct ValidateArgs {
    /// Blueprint YAML files (`-` for stdin); repeatable
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// A Blueprint in the cluster
    pub name: Option<String>,
}

pub async fn run(args: BlueprintArgs, global: &GlobalArgs) -> Result<()> {
    match args.command {
        BlueprintCommand::Apply(a) => apply(a, global).await,
        BlueprintCommand::List(a) => list(a, global).await,
        BlueprintCommand::Get(a) => get(a, global).await,
        BlueprintCommand::Delete(a) => delete(a, global).await,
        BlueprintCommand::Validate(a) => validate(a, global).await,
        BlueprintCommand::Render(a) => super::blueprint_render::render(*a, global).await,
    }
}

/// Reads a file, or stdin for `-`.
pub(crate) fn read_source(path: &std::path::Path) -> Result<(String, String)> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading the Blueprint from stdin")?;
        return Ok(("<stdin>".to_string(), text));
    }
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok((path.display().to_string(), text))
}

/// How the Blueprint is named in messages and `-o name` output.
fn qualified(name: &str, storage: Storage) -> String {
    match storage {
        Storage::Resource => format!("blueprint.{GROUP}/{name}"),
        Storage::ConfigMap => format!("blueprint/{name}"),
    }
}

pub(crate) fn print_findings(file: &str, findings: &Findings, to_stdout: bool) -> Result<()> {
    let text = findings.render(file);
    if to_stdout {
        write_stdout(&text)?;
    } else {
        eprint!("{text}");
    }
    Ok(())
}

pub(crate) fn summary(file: &str, findings: &Findings) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (findings.errors(), findings.warnings()) {
        (0, 0) => format!("{file}: valid"),
        (0, w) => format!("{file}: valid ({})", plural(w, "warning")),
        (e, w) => format!("{file}: {}, {}", plural(e, "error"), plural(w, "warning")),
    }
}

async fn apply(args: ApplyArgs, global: &GlobalArgs) -> Result<()> {
    let (file, text) = read_source(&args.file)?;
    let validation = validate_yaml(&text);
    print_findings(&file, &validation.findings, false)?;
    let Some(blueprint) = validation
        .blueprint
        .filter(|_| validation.findings.errors() == 0)
    else {
        eprintln!(
            "error: {}; nothing was applied",
            summary(&file, &validation.findings)
        );
        return Err(AlreadyReported.into());
    };
    if args.dry_run == DryRun::Client {
        let namespace = global
            .namespace
            .clone()
            .or(blueprint.metadata.namespace.clone())
            .unwrap_or_else(|| "default".into());
        let object = normalised(&blueprint, &namespace);
        return print_structured(&object, global.output_or(OutputFormat::Yaml));
    }
    let cluster = connect(&global.cluster_options()).await?;
    let namespace = apply_namespace(
        global.namespace.as_deref(),
        blueprint.metadata.namespace.as_deref(),
        &cluster.namespace,
    )?;
    let store = BlueprintStore::open(&cluster).await?;
    let (outcome, storage) = store
        .apply_with(&namespace, &blueprint, &args.dry_run.post_params())
        .await?;
    let name = blueprint.name();
    if global.output.is_some() || args.dry_run != DryRun::None {
        return print_written(
            global.output,
            args.dry_run,
            &Written {
                object: &normalised(&blueprint, &namespace),
                resource_name: &qualified(name, storage),
                verb: &outcome.to_string(),
            },
        );
    }
    let mut line = format!("{} {outcome}", qualified(name, storage));
    if storage == Storage::ConfigMap && outcome != crate::blueprint::store::ApplyOutcome::Unchanged
    {
        line.push_str(&format!(
            " (kept in ConfigMap {namespace}/{}: the Kanister CRDs are not installed)",
            crate::blueprint::store::configmap_name(name)
        ));
    }
    line.push('\n');
    Ok(write_stdout(&line)?)
}

#[derive(Serialize)]
struct BlueprintList {
    #[serde(rename = "apiVersion")]
    api_version: &'static str,
    kind: &'static str,
    items: Vec<Blueprint>,
}

fn print_blueprints(
    items: Vec<StoredBlueprint>,
    global: &GlobalArgs,
    all_namespaces: bool,
) -> Result<()> {
    let format = global.output_or(OutputFormat::Table);
    match format {
        OutputFormat::Json | OutputFormat::Yaml => {
            let list = BlueprintList {
                api_version: "v1",
                kind: "List",
                items: items.into_iter().map(|s| s.blueprint).collect(),
            };
            print_structured(&list, format)
        }
        OutputFormat::Name => {
            let mut out = String::new();
            for s in &items {
                out.push_str(&qualified(s.blueprint.name(), s.storage));
                out.push('\n');
            }
            Ok(write_stdout(&out)?)
        }
        OutputFormat::Table | OutputFormat::Wide => {
            let mut headers = vec!["name", "actions", "phases", "stored in", "age"];
            if all_namespaces {
                headers.insert(0, "namespace");
            }
            let mut table = Table::new(&headers).with_wide(&["functions"]);
            let now = chrono::Utc::now();
            for s in &items {
                let bp = &s.blueprint;
                let mut functions: Vec<&str> =
                    bp.all_phases().map(|(_, p)| p.func.as_str()).collect();
                functions.sort();
                functions.dedup();
                let age = bp
                    .metadata
                    .creation_timestamp
                    .as_ref()
                    .and_then(|t| chrono::DateTime::from_timestamp(t.0.as_second(), 0))
                    .map_or("<unknown>".to_string(), |t| crate::output::age(t, now));
                let mut row = vec![
                    bp.name().to_string(),
                    bp.actions.keys().cloned().collect::<Vec<_>>().join(","),
                    bp.all_phases().count().to_string(),
                    s.storage.to_string(),
                    age,
                    functions.join(","),
                ];
                if all_namespaces {
                    row.insert(0, bp.metadata.namespace.clone().unwrap_or_default());
                }
                table.row_labelled(row, &bp.metadata.labels.clone().unwrap_or_default());
            }
            if table.is_empty() {
                eprintln!("No blueprints found.");
                return Ok(());
            }
            Ok(table.print(format)?)
        }
    }
}

async fn list(_args: ListArgs, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let store = BlueprintStore::open(&cluster).await?;
    let namespace = (!global.all_namespaces).then_some(cluster.namespace.as_str());
    let items = store.list(namespace).await?;
    print_blueprints(items, global, global.all_namespaces)
}

async fn get(args: GetArgs, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let store = BlueprintStore::open(&cluster).await?;
    let found = store.require(&cluster.namespace, &args.name).await?;
    match global.output_or(OutputFormat::Table) {
        format @ (OutputFormat::Json | OutputFormat::Yaml) => {
            print_structured(&found.blueprint, format)
        }
        _ => print_blueprints(vec![found], global, false),
    }
}

async fn delete(args: DeleteArgs, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let store = BlueprintStore::open(&cluster).await?;
    let mut missing = Vec::new();
    for name in &args.names {
        match store.delete(&cluster.namespace, name).await? {
            Some(storage) => write_stdout(&format!("{} deleted\n", qualified(name, storage)))?,
            None if args.ignore_not_found => {}
            None => missing.push(name.as_str()),
        }
    }
    if !missing.is_empty() {
        bail!(
            "blueprint {} not found in namespace {:?}",
            missing.join(", "),
            cluster.namespace
        );
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    severity: &'a str,
    message: &'a str,
}

async fn validate(args: ValidateArgs, global: &GlobalArgs) -> Result<()> {
    let mut results: Vec<(String, Validation)> = Vec::new();
    if let Some(name) = &args.name {
        let cluster = connect(&global.cluster_options()).await?;
        let store = BlueprintStore::open(&cluster).await?;
        let found = store.require(&cluster.namespace, name).await?;
        let (_, validation) =
            validate_blueprint(&normalised(&found.blueprint, &cluster.namespace))?;
        results.push((format!("{}/{name}", KIND.to_lowercase()), validation));
    }
    for path in &args.files {
        let (file, text) = read_source(path)?;
        results.push((file, validate_yaml(&text)));
    }
    let json = matches!(global.output, Some(OutputFormat::Json | OutputFormat::Yaml));
    let mut failed = false;
    let mut all = Vec::new();
    for (file, validation) in &results {
        failed |= validation.findings.has_errors();
        if json {
            for f in validation.findings.clone().sorted() {
                all.push((file.clone(), f));
            }
        } else {
            print_findings(file, &validation.findings, true)?;
            eprintln!("{}", summary(file, &validation.findings));
        }
    }
    if json {
        let items: Vec<JsonFinding> = all
            .iter()
            .map(|(file, f)| JsonFinding {
                file,
                line: f.pos.line,
                column: f.pos.col,
                severity: match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                message: &f.message,
            })
            .collect();
        print_structured(&items, global.output.unwrap_or(OutputFormat::Json))?;
    }
    if failed {
        return Err(AlreadyReported.into());
    }
    Ok(())
}
