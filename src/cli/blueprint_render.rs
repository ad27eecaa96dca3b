//! `kubectl backup blueprint render (-f FILE | NAME) --action A …`: reads the action's object,
//! Profile, Secrets and ConfigMaps from the cluster, builds Kanister's template parameters and
//! prints every phase with its arguments rendered.

use std::collections::BTreeMap;

use anyhow::{Result, anyhow, bail};

use super::blueprint::{RenderArgs, TargetArgs, print_findings, read_source, summary};
use crate::blueprint::render::{PreparedAction, RenderedAction, locate};
use crate::blueprint::source::SourceDoc;
use crate::blueprint::store::{BlueprintStore, normalised};
use crate::blueprint::targets::{self, Subject};
use crate::blueprint::types::{Artifact, ObjectReference};
use crate::blueprint::{Blueprint, validate_blueprint, validate_yaml};
use crate::cli::{AlreadyReported, GlobalArgs};
use crate::kube::{Cluster, connect};
use crate::output::{OutputFormat, print_structured, write_stdout};
use crate::template::{ArtifactParams, ConfigMapParams, PhaseParams, SecretParams, TemplateParams};

/// Everything `render` was asked to render against, parsed from the flags.
struct Inputs {
    subject: ObjectReference,
    /// `[ns/]name`, resolved by the profile module (Profile resource or its Secret form).
    profile: Option<String>,
    secrets: BTreeMap<String, ObjectReference>,
    config_maps: BTreeMap<String, ObjectReference>,
    options: BTreeMap<String, String>,
    artifacts: BTreeMap<String, Artifact>,
}

fn parse_inputs(target: &TargetArgs) -> Result<Inputs> {
    let mut subjects = Vec::new();
    subjects.extend(targets::parse_workloads(
        targets::STATEFULSET,
        &target.statefulset,
        "--statefulset",
    )?);
    subjects.extend(targets::parse_workloads(
        targets::DEPLOYMENT,
        &target.deployment,
        "--deployment",
    )?);
    subjects.extend(targets::parse_workloads(
        targets::DEPLOYMENTCONFIG,
        &target.deploymentconfig,
        "--deploymentconfig",
    )?);
    subjects.extend(targets::parse_workloads(
        targets::PVC,
        &target.pvc,
        "--pvc",
    )?);
    subjects.extend(targets::parse_namespaces(&target.namespace_targets));
    subjects.extend(targets::parse_generic(&target.objects)?);
    let subject = match subjects.len() {
        1 => subjects.remove(0),
        0 => bail!(
            "name the object the action runs on: --statefulset, --deployment, --deploymentconfig, --pvc, --namespace-target or --object"
        ),
        n => bail!("render one object at a time ({n} given)"),
    };
    let mut artifacts: BTreeMap<String, Artifact> = BTreeMap::new();
    for (name_key, value) in targets::parse_key_values(&target.artifacts, "--artifacts")? {
        let (name, key) = name_key
            .split_once('.')
            .ok_or_else(|| anyhow!("--artifacts {name_key}={value}: expected NAME.KEY=VALUE"))?;
        let artifact = artifacts.entry(name.to_string()).or_default();
        if key == "kopiaSnapshot" {
            artifact.kopia_snapshot = value;
        } else {
            artifact.key_value.insert(key.to_string(), value);
        }
    }
    Ok(Inputs {
        subject,
        profile: target.profile.clone(),
        secrets: targets::parse_named_refs(&target.secrets, "secret", "--secrets")?,
        config_maps: targets::parse_named_refs(&target.config_maps, "configmap", "--config-maps")?,
        options: targets::parse_key_values(&target.options, "--options")?,
        artifacts,
    })
}

/// The Blueprint and, for a file, its source (to point errors at lines).
async fn load(
    args: &RenderArgs,
    cluster: &Cluster,
) -> Result<(String, Blueprint, Option<SourceDoc>)> {
    if let Some(path) = &args.file {
        let (file, text) = read_source(path)?;
        let validation = validate_yaml(&text);
        if validation.findings.has_errors() {
            print_findings(&file, &validation.findings, false)?;
            eprintln!(
                "error: {}; fix it before rendering",
                summary(&file, &validation.findings)
            );
            return Err(AlreadyReported.into());
        }
        let blueprint = validation
            .blueprint
            .ok_or_else(|| anyhow!("{file} does not hold a Blueprint"))?;
        return Ok((file, blueprint, validation.source));
    }
    let name = args.name.as_deref().unwrap_or_default();
    let store = BlueprintStore::open(cluster).await?;
    let found = store.require(&cluster.namespace, name).await?;
    let (text, _) = validate_blueprint(&normalised(&found.blueprint, &cluster.namespace))?;
    let source = SourceDoc::parse(&text).ok();
    Ok((format!("blueprint/{name}"), found.blueprint, source))
}

fn parse_time(text: Option<&str>) -> Result<chrono::DateTime<chrono::Utc>> {
    match text {
        None => Ok(chrono::Utc::now()),
        Some(t) => chrono::DateTime::parse_from_rfc3339(t)
            .map(|t| t.with_timezone(&chrono::Utc))
            .map_err(|e| anyhow!("--time {t:?}: not an RFC 3339 time: {e}")),
    }
}

pub async fn render(args: RenderArgs, global: &GlobalArgs) -> Result<()> {
    let time = parse_time(args.time.as_deref())?;
    let cluster = connect(&global.cluster_options()).await?;
    let inputs = parse_inputs(&args.target)?;
    let (file, blueprint, source) = load(&args, &cluster).await?;
    let prepared = PreparedAction::new(&blueprint, &args.action)?;

    let mut params = TemplateParams::default();
    params.set_time(time);
    let subject = targets::read_subject(&cluster, &inputs.subject).await?;
    subject.fill_params(&mut params);
    if let Some(profile) = &inputs.profile {
        let request = crate::profile::DestinationRequest::from_flags(Some(profile), None)?;
        let destination = crate::profile::resolve(Some(&cluster), &request).await?;
        params.profile = Some(destination.template.params());
    }
    for (key, reference) in &inputs.secrets {
        let secret = targets::read_secret(&cluster, reference).await?;
        params
            .secrets
            .insert(key.clone(), SecretParams::from_k8s(&secret));
    }
    for (key, reference) in &inputs.config_maps {
        let cm = targets::read_configmap(&cluster, reference).await?;
        params
            .config_maps
            .insert(key.clone(), ConfigMapParams::from_k8s(&cm));
    }
    params.options = inputs.options.clone();
    params.artifacts_in = inputs
        .artifacts
        .iter()
        .map(|(name, a)| {
            (
                name.clone(),
                ArtifactParams {
                    key_value: a.key_value.clone(),
                    kopia_snapshot: a.kopia_snapshot.clone(),
                },
            )
        })
        .collect();

    // Phase objects are rendered first, then the Secrets and ConfigMaps they name are fetched
    // for `.Phases.<phase>.Secrets/ConfigMaps`, as Kanister does before each phase.
    let redact = !args.show_secrets;
    let mut problems = Vec::new();
    let mut fetched: BTreeMap<String, PhaseParams> = BTreeMap::new();
    let phase_names: Vec<String> = prepared.phase_names().map(str::to_string).collect();
    for (name, (objects, _)) in phase_names
        .iter()
        .zip(prepared.render_objects(&params, redact))
    {
        let mut phase = PhaseParams::default();
        for (key, reference) in objects {
            let result = match reference.kind.to_lowercase().as_str() {
                "secret" => targets::read_secret(&cluster, &reference).await.map(|s| {
                    phase
                        .secrets
                        .insert(key.clone(), SecretParams::from_k8s(&s));
                }),
                "configmap" => targets::read_configmap(&cluster, &reference)
                    .await
                    .map(|c| {
                        phase
                            .config_maps
                            .insert(key.clone(), ConfigMapParams::from_k8s(&c));
                    }),
                _ => Ok(()),
            };
            if let Err(e) = result {
                problems.push(format!("phase {name:?}: object {key:?}: {e:#}"));
            }
        }
        fetched.insert(name.clone(), phase);
    }
    let rendered = prepared.render(&params, &fetched, redact);

    for problem in &problems {
        eprintln!("error: {problem}");
    }
    report_errors(&file, &args.action, &rendered, source.as_ref());
    match global.output_or(OutputFormat::Table) {
        format @ (OutputFormat::Json | OutputFormat::Yaml) => print_structured(&rendered, format)?,
        _ => write_stdout(&as_text(&blueprint, &subject, &rendered, redact)?)?,
    }
    if !problems.is_empty() || rendered.error_count() > 0 {
        return Err(AlreadyReported.into());
    }
    Ok(())
}

/// Render errors on stderr, at `FILE:LINE:COL` when the source is known.
fn report_errors(file: &str, action: &str, rendered: &RenderedAction, source: Option<&SourceDoc>) {
    let report = |phase: Option<&crate::blueprint::render::RenderedPhase>,
                  error: &crate::blueprint::render::RenderError| {
        let what = phase.map_or(format!("action {action:?}"), |p| {
            format!("phase {:?}", p.name)
        });
        match source.and_then(|s| locate(s, action, phase, error)) {
            Some(pos) => eprintln!(
                "{file}:{}:{}: error: {what}: {}: {}",
                pos.line,
                pos.col,
                error.location(),
                error.message
            ),
            None => eprintln!("{file}: error: {what}: {error}"),
        }
    };
    for phase in &rendered.phases {
        for error in &phase.errors {
            report(Some(phase), error);
        }
    }
    for error in &rendered.errors {
        report(None, error);
    }
}

fn indent(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_string()
            } else {
                format!("{pad}{l}\n")
            }
        })
        .collect()
}

fn as_text(
    blueprint: &Blueprint,
    subject: &Subject,
    rendered: &RenderedAction,
    redact: bool,
) -> Result<String> {
    let mut out = format!(
        "# blueprint {}, action {}, on {}\n",
        blueprint.name(),
        rendered.action,
        subject.reference.describe()
    );
    if redact {
        out.push_str("# Secret values and credentials are shown as <redacted> (--show-secrets reveals them)\n");
    }
    let total = rendered.phases.len();
    for (i, phase) in rendered.phases.iter().enumerate() {
        let label = if phase.deferred {
            "deferPhase".to_string()
        } else {
            format!(
                "phase {}/{}",
                i + 1,
                total - usize::from(rendered.phases.iter().any(|p| p.deferred))
            )
        };
        out.push_str(&format!("\n{label}: {} ({})\n", phase.name, phase.func));
        if let Some(needs) = phase.needs {
            out.push_str(&format!("  # needs {needs}\n"));
        }
        if !phase.objects.is_empty() {
            out.push_str("  objects:\n");
            for (key, reference) in &phase.objects {
                out.push_str(&format!("    {key}: {}\n", reference.describe()));
            }
        }
        if !phase.args.is_empty() {
            out.push_str("  args:\n");
            out.push_str(&indent(&serde_saphyr::to_string(&phase.args)?, 4));
        }
    }
    if !rendered.output_artifacts.is_empty() {
        out.push_str("\noutputArtifacts:\n");
        out.push_str(&indent(
            &serde_saphyr::to_string(&rendered.output_artifacts)?,
            2,
        ));
    }
    Ok(out)
}
