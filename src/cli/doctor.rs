//! `kubectl backup doctor`: what this cluster offers (Kanister, Velero), whether the current user
//! may do what each capability needs, and which mode each capability will run in.

use anyhow::{Result, anyhow};
use clap::Args;

use crate::cli::GlobalArgs;
use crate::doctor::{self, Report};
use crate::output::{OutputFormat, Table, print_structured, write_stdout};

#[derive(Debug, Args)]
pub struct DoctorArgs {}

pub async fn run(_args: DoctorArgs, global: &GlobalArgs) -> Result<()> {
    let cluster = crate::kube::connect(&global.cluster_options()).await?;
    let report = doctor::inspect(&cluster)
        .await
        .map_err(|e| anyhow!(crate::kube::describe_error(&cluster.server, &e)))?;
    match global.output_or(OutputFormat::Table) {
        format @ (OutputFormat::Json | OutputFormat::Yaml) => print_structured(&report, format),
        // -o wide adds why each capability runs in its mode.
        format => Ok(write_stdout(&render(
            &report,
            format == OutputFormat::Wide,
        ))?),
    }
}

fn render(report: &Report, wide: bool) -> String {
    let mut checks = Table::new(&["check", "result"]);
    checks.row([
        "API server".to_string(),
        format!("{} ({})", report.server_version, report.server),
    ]);
    checks.row([
        "Kanister CRDs".to_string(),
        yes_no(report.kanister.crds_installed).to_string(),
    ]);
    checks.row([
        "Kanister controller".to_string(),
        component(&report.kanister.controller),
    ]);
    checks.row([
        "Velero CRDs".to_string(),
        yes_no(report.velero.crds_installed).to_string(),
    ]);
    checks.row([
        "Velero server".to_string(),
        component(&report.velero.server),
    ]);
    if report.velero.storage_locations.is_empty() {
        checks.row(["Velero storage locations", "none"]);
    }
    for bsl in &report.velero.storage_locations {
        checks.row([
            format!("Velero location {}/{}", bsl.namespace, bsl.name),
            format!(
                "{}{}",
                bsl.phase.as_deref().unwrap_or("Unknown"),
                if bsl.default { " (default)" } else { "" }
            ),
        ]);
    }
    let mut text = checks.render(false);
    text.push('\n');
    let mut capabilities = Table::new(&["capability", "mode", "allowed", "missing permissions"])
        .with_wide(&["reason"]);
    for cap in &report.capabilities {
        capabilities.row([
            cap.name.to_string(),
            cap.mode.to_string(),
            yes_no(cap.allowed).to_string(),
            if cap.missing.is_empty() {
                "-".to_string()
            } else {
                cap.missing.join(", ")
            },
            cap.reason.clone(),
        ]);
    }
    text.push_str(&capabilities.render(wide));
    text
}

fn component(c: &Option<doctor::Component>) -> String {
    match c {
        None => "not found".into(),
        Some(c) => format!(
            "{}/{} {}",
            c.namespace,
            c.name,
            if c.available {
                "Available"
            } else {
                "not Available"
            }
        ),
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}
