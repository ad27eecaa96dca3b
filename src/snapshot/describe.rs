//! `snapshot describe`: Velero's `backup describe` layout (spec, status, counts), the warning
//! and error texts from `<B>-results.gz`, and with `--details` the resources per type and
//! namespace from `<B>-resource-list.json.gz`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::io::Read;

use anyhow::Result;

use crate::output::human_bytes;
use crate::snapshot::layout::BackupKeys;
use crate::snapshot::list::Listed;
use crate::snapshot::tarball::ResourceList;
use crate::snapshot::types::{Backup, BackupResults, time_to_chrono};
use crate::storage::ObjectStore;

/// The optional files `describe` reads; missing ones are tolerated as Velero does.
#[derive(Debug, Default)]
pub struct Extras {
    pub results: Option<BackupResults>,
    pub resource_list: Option<ResourceList>,
}

pub async fn read_extras(store: &ObjectStore, name: &str, details: bool) -> Result<Extras> {
    let keys = BackupKeys::new(name);
    let results = read_gz_json(store, &keys.results()).await?;
    let resource_list = if details {
        read_gz_json(store, &keys.resource_list()).await?
    } else {
        None
    };
    Ok(Extras {
        results,
        resource_list,
    })
}

async fn read_gz_json<T: serde::de::DeserializeOwned>(
    store: &ObjectStore,
    key: &str,
) -> Result<Option<T>> {
    if store.head(key).await?.is_none() {
        return Ok(None);
    }
    let bytes = store.get_bytes(key).await?;
    let mut text = Vec::new();
    flate2::read::MultiGzDecoder::new(&bytes[..])
        .read_to_end(&mut text)
        .map_err(|e| anyhow::anyhow!("{key} is not valid gzip: {e}"))?;
    Ok(Some(serde_json::from_slice(&text).map_err(|e| {
        anyhow::anyhow!("{key} is not the expected JSON: {e}")
    })?))
}

pub fn render(listed: &Listed, extras: &Extras, details: bool) -> String {
    let mut out = String::new();
    let line = |out: &mut String, key: &str, value: &str| {
        let _ = writeln!(out, "{key:<20}{value}");
    };
    line(&mut out, "Name:", &listed.name);
    let owner = if listed.owned_by_velero() {
        "Velero (Backup in the cluster)"
    } else if listed.written_by_us() {
        "kubectl-backup (client-side)"
    } else {
        "Velero (found in object storage)"
    };
    line(&mut out, "Managed by:", owner);
    line(&mut out, "Phase:", &listed.phase());
    if let Some(reason) = &listed.corrupt {
        line(&mut out, "Problem:", reason);
    }
    let Some(backup) = listed.current() else {
        if listed.corrupt.is_some() {
            return out;
        }
        line(
            &mut out,
            "Note:",
            "velero-backup.json is missing: the backup was interrupted or is still being written",
        );
        return out;
    };
    render_counts(&mut out, backup);
    out.push('\n');
    render_spec(&mut out, backup);
    out.push('\n');
    render_status(&mut out, listed, backup);

    if let Some(results) = &extras.results {
        for (title, set) in [("Errors", &results.errors), ("Warnings", &results.warnings)] {
            let lines = set.lines();
            if !lines.is_empty() {
                let _ = writeln!(out, "\n{title}:");
                for l in lines {
                    let _ = writeln!(out, "  {l}");
                }
            }
        }
    }
    if details {
        match &extras.resource_list {
            Some(list) => render_resource_list(&mut out, list),
            None => out.push_str(
                "\nResource List:  <not available (no resource list in the storage location)>\n",
            ),
        }
    }
    out
}

fn render_counts(out: &mut String, backup: &Backup) {
    let status = backup.status.clone().unwrap_or_default();
    let errors = status.errors.unwrap_or(0);
    let warnings = status.warnings.unwrap_or(0);
    let _ = writeln!(out, "{:<20}{errors}", "Errors:");
    let _ = writeln!(out, "{:<20}{warnings}", "Warnings:");
    if let Some(reason) = &status.failure_reason {
        let _ = writeln!(out, "{:<20}{reason}", "Failure reason:");
    }
    for e in status.validation_errors.iter().flatten() {
        let _ = writeln!(out, "{:<20}{e}", "Validation error:");
    }
}

fn render_spec(out: &mut String, backup: &Backup) {
    let spec = &backup.spec;
    let list = |v: &Option<Vec<String>>, empty: &str| match v {
        Some(v) if !v.is_empty() => v.join(", "),
        _ => empty.to_string(),
    };
    let _ = writeln!(out, "Namespaces:");
    let _ = writeln!(out, "  Included:  {}", list(&spec.included_namespaces, "*"));
    let _ = writeln!(
        out,
        "  Excluded:  {}",
        list(&spec.excluded_namespaces, "<none>")
    );
    let _ = writeln!(out, "\nResources:");
    let _ = writeln!(
        out,
        "  Included:        {}",
        list(&spec.included_resources, "*")
    );
    let _ = writeln!(
        out,
        "  Excluded:        {}",
        list(&spec.excluded_resources, "<none>")
    );
    let cluster = match spec.include_cluster_resources {
        Some(true) => "included",
        Some(false) => "excluded",
        None => "auto",
    };
    let _ = writeln!(out, "  Cluster-scoped:  {cluster}");
    let selector = spec
        .label_selector
        .as_ref()
        .map_or("<none>".to_string(), format_selector);
    let _ = writeln!(out, "\nLabel selector:  {selector}");
    let _ = writeln!(
        out,
        "\nStorage Location:  {}",
        spec.storage_location.as_deref().unwrap_or("<default>")
    );
    let _ = writeln!(out, "\nTTL:  {}", spec.ttl.as_deref().unwrap_or("720h0m0s"));
}

fn render_status(out: &mut String, listed: &Listed, backup: &Backup) {
    let status = backup.status.clone().unwrap_or_default();
    let time = |t: &Option<k8s_openapi::apimachinery::pkg::apis::meta::v1::Time>| {
        t.as_ref()
            .map_or("<n/a>".to_string(), |t| time_to_chrono(t).to_rfc3339())
    };
    let _ = writeln!(
        out,
        "Backup Format Version:  {}",
        status.format_version.as_deref().unwrap_or("<unknown>")
    );
    let _ = writeln!(out, "\nStarted:    {}", time(&status.start_timestamp));
    let _ = writeln!(out, "Completed:  {}", time(&status.completion_timestamp));
    let _ = writeln!(out, "\nExpiration:  {}", time(&status.expiration));
    if let Some(progress) = &status.progress {
        let _ = writeln!(
            out,
            "\nTotal items to be backed up:  {}",
            progress.total_items.unwrap_or(0)
        );
        let _ = writeln!(
            out,
            "Items backed up:              {}",
            progress.items_backed_up.unwrap_or(0)
        );
    }
    if let Some(size) = listed.tarball_bytes {
        let _ = writeln!(out, "\nTarball size:  {}", human_bytes(size));
    }
    let integrity = if listed.has_integrity_record {
        "recorded (SHA-256 of every item and of the tarball; checked on download and restore)"
    } else {
        "none (not written by kubectl-backup)"
    };
    let _ = writeln!(out, "Integrity:     {integrity}");
}

fn format_selector(
    selector: &k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector,
) -> String {
    let mut terms: Vec<String> = selector
        .match_labels
        .iter()
        .flatten()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    for r in selector.match_expressions.iter().flatten() {
        let values = r.values.clone().unwrap_or_default().join(",");
        terms.push(match r.operator.as_str() {
            "In" => format!("{} in ({values})", r.key),
            "NotIn" => format!("{} notin ({values})", r.key),
            "Exists" => r.key.clone(),
            "DoesNotExist" => format!("!{}", r.key),
            other => format!("{} {other} ({values})", r.key),
        });
    }
    if terms.is_empty() {
        "<none>".into()
    } else {
        terms.join(",")
    }
}

/// Per type: the count, then per namespace the count and names.
fn render_resource_list(out: &mut String, list: &ResourceList) {
    let _ = writeln!(out, "\nResource List:");
    for (kind, names) in list {
        let _ = writeln!(out, "  {kind} ({}):", names.len());
        let mut by_namespace: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for name in names {
            match name.split_once('/') {
                Some((ns, n)) => by_namespace.entry(ns).or_default().push(n),
                None => by_namespace.entry("").or_default().push(name),
            }
        }
        for (ns, names) in by_namespace {
            let label = if ns.is_empty() { "<cluster>" } else { ns };
            let _ = writeln!(out, "    {label} ({}): {}", names.len(), names.join(", "));
        }
    }
}

/// The same files through Velero's DownloadRequests, for a backup whose location this machine
/// cannot read. A file Velero cannot serve is left out, as Velero's own `describe` does.
pub async fn read_extras_via_velero(
    cluster: &crate::kube::Cluster,
    namespace: &str,
    name: &str,
    details: bool,
    cancel: &tokio_util::sync::CancellationToken,
) -> Result<Extras> {
    use crate::snapshot::velero_mode::{DOWNLOAD_WAIT, fetch_gz_json};
    let results = fetch_gz_json(
        cluster,
        namespace,
        "BackupResults",
        name,
        DOWNLOAD_WAIT,
        cancel,
    )
    .await?;
    let resource_list = if details {
        fetch_gz_json(
            cluster,
            namespace,
            "BackupResourceList",
            name,
            DOWNLOAD_WAIT,
            cancel,
        )
        .await?
    } else {
        None
    };
    Ok(Extras {
        results,
        resource_list,
    })
}
