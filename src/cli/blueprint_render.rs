//! `kubectl backup blueprint render (-f FILE | NAME) --action A …`: loads the Blueprint, has
//! `crate::actionset::preview` render the action with the parameters a run would get, and
//! prints every phase with its arguments rendered (errors at their line of the source).

use anyhow::{Result, anyhow};

use super::blueprint::{RenderArgs, print_findings, read_source, summary};
use crate::actionset::preview;
use crate::blueprint::render::{RenderedAction, locate};
use crate::blueprint::source::SourceDoc;
use crate::blueprint::store::{BlueprintStore, normalised};
use crate::blueprint::targets::Subject;
use crate::blueprint::{Blueprint, validate_blueprint, validate_yaml};
use crate::cli::{AlreadyReported, GlobalArgs};
use crate::kube::{Cluster, connect};
use crate::output::{OutputFormat, print_structured, write_stdout};

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
    let spec = preview::action_spec(&cluster.namespace, &(&args.target).into())?;
    let (file, blueprint, source) = load(&args, &cluster).await?;
    let redact = !args.show_secrets;
    let preview = preview::render(&cluster, &blueprint, &args.action, &spec, time, redact).await?;
    let rendered = &preview.rendered;
    for problem in &preview.problems {
        eprintln!("error: {problem}");
    }
    report_errors(&file, &args.action, rendered, source.as_ref());
    match global.output_or(OutputFormat::Table) {
        format @ (OutputFormat::Json | OutputFormat::Yaml) => print_structured(rendered, format)?,
        _ => write_stdout(&as_text(&blueprint, &preview.subject, rendered, redact)?)?,
    }
    if !preview.problems.is_empty() || rendered.error_count() > 0 {
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
