//! The interactive restore picker: `kubectl backup restore` with no NAME on a terminal offers
//! the restorable backups (fuzzy search), then the namespaces and resource types of the chosen
//! one, and fills in the same flags a user would type. After the restore is planned,
//! [`Picked::confirm`] shows what will happen and asks before anything is created.
//! `--yes`, or no terminal, skips every prompt: the backup must then be named.

use std::collections::BTreeSet;

use anyhow::{Context, Result, bail};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, FuzzySelect, MultiSelect};
use tokio_util::sync::CancellationToken;

use super::super::{cluster_backups, locate, optional_cluster, spec_of};
use super::{ClusterScopeArg, RestoreArgs};
use crate::cli::GlobalArgs;
use crate::kube::{ApiCatalog, Cluster, connect};
use crate::snapshot::destination;
use crate::snapshot::filters::IncludesExcludes;
use crate::snapshot::list::{self, Listed};
use crate::snapshot::picker_choices::{Choice, Contents, read_contents, restorable, rows};
use crate::snapshot::restore::{ExistingPolicy, Plan, RestoreOptions};

const CANCELLED: &str = "restore cancelled, nothing was changed";
/// Rows of backups shown at once; typing narrows the list.
const VISIBLE_ROWS: usize = 15;

/// What the picker asked, kept for the summary once the restore is planned.
#[derive(Debug)]
pub struct Picked {
    row: String,
    location: String,
    selector: Option<String>,
}

/// With a NAME, nothing to ask. Without one, the picker on a terminal; otherwise an error
/// saying how to name a backup.
pub async fn pick_if_unnamed(
    mut args: RestoreArgs,
    global: &GlobalArgs,
) -> Result<(RestoreArgs, Option<Picked>)> {
    if args.name.is_some() {
        return Ok((args, None));
    }
    if !global.interactive() {
        let why = if global.yes {
            "--yes skips the interactive picker"
        } else {
            "there is no terminal to pick one on"
        };
        bail!(
            "which backup? {why}: name it, as in `kubectl backup restore NAME`; `kubectl backup snapshot list` shows the backups"
        );
    }
    let (backup, row, location) = pick_backup(&args, global).await?;
    args.name = Some(backup.clone());
    pick_contents(&mut args, &backup, global).await?;
    eprintln!("Reading backup {backup:?} (every item is checked before anything is created)…");
    let picked = Picked {
        row,
        location,
        selector: args.selector.clone(),
    };
    Ok((args, Some(picked)))
}

/// The fuzzy list of restorable backups, newest first.
async fn pick_backup(args: &RestoreArgs, global: &GlobalArgs) -> Result<(String, String, String)> {
    let spec = spec_of(&args.location)?;
    let cluster = optional_cluster(global, spec.needs_cluster()).await?;
    let destination =
        destination::resolve(cluster.as_ref(), &spec, CancellationToken::new()).await?;
    let in_cluster = cluster_backups(cluster.as_ref(), &destination, global).await;
    let all = list::list(&destination.store, in_cluster).await?;
    let total = all.len();
    let backups: Vec<Listed> = restorable(all);
    if backups.is_empty() {
        if total == 0 {
            bail!(
                "no backups in {}: create one with `kubectl backup snapshot create NAME`, or pick another place with --location/--profile",
                destination.description
            );
        }
        bail!(
            "none of the {total} backups in {} can be restored (only Completed or PartiallyFailed ones can); `kubectl backup snapshot list` shows their status",
            destination.description
        );
    }
    let lines = rows(&backups, chrono::Utc::now());
    // The location goes on its own line: a prompt wider than the terminal would wrap and
    // break the redrawing.
    eprintln!(
        "{} restorable backup{} in {}:",
        backups.len(),
        if backups.len() == 1 { "" } else { "s" },
        destination.description
    );
    let prompt = "Pick a backup to restore (type to search, ↑/↓ to move, Esc to cancel)";
    let choice = prompt_blocking(|| {
        FuzzySelect::with_theme(&ColorfulTheme::default())
            .with_prompt(prompt)
            .items(&lines)
            .default(0)
            .max_length(VISIBLE_ROWS)
            .interact_opt()
    })?;
    let Some(index) = choice else {
        bail!(CANCELLED);
    };
    Ok((
        backups[index].name.clone(),
        lines[index].clone(),
        destination.description.clone(),
    ))
}

/// The namespaces, then the resource types, of the chosen backup; each prompt is skipped when
/// its --include-… flag already answered it.
async fn pick_contents(args: &mut RestoreArgs, backup: &str, global: &GlobalArgs) -> Result<()> {
    let (_, store, cluster) = locate(backup, &args.location, global).await?;
    // Without a readable store the restore itself says why; nothing to offer here.
    let Some(store) = store else {
        return Ok(());
    };
    let catalog = async || discover(cluster, global).await;
    let Some((contents, _)) = read_contents(&store, backup, catalog).await? else {
        eprintln!(
            "note: backup {backup:?} has no resource list, so there are no namespaces or types to choose from; the summary will show what would be restored"
        );
        return Ok(());
    };
    pick_namespaces(args, &contents)?;
    pick_types(args, &contents)
}

/// The cluster's API types, to name the kinds of a Velero resource list; `None` if unreachable.
async fn discover(cluster: Option<Cluster>, global: &GlobalArgs) -> Option<ApiCatalog> {
    let cluster = match cluster {
        Some(c) => c,
        None => connect(&global.cluster_options()).await.ok()?,
    };
    ApiCatalog::discover(&cluster.client).await.ok()
}

fn pick_namespaces(args: &mut RestoreArgs, contents: &Contents) -> Result<()> {
    if !args.include_namespaces.is_empty() {
        return Ok(());
    }
    let filter = IncludesExcludes::new(&[], &args.exclude_namespaces, "namespaces")?;
    let offered = contents.namespaces(&filter);
    if let Some(chosen) = multi_select("Namespaces to restore", &offered)? {
        args.include_namespaces = chosen;
    }
    Ok(())
}

fn pick_types(args: &mut RestoreArgs, contents: &Contents) -> Result<()> {
    if !args.include_resources.is_empty() {
        return Ok(());
    }
    let namespaces = IncludesExcludes::new(
        &args.include_namespaces,
        &args.exclude_namespaces,
        "namespaces",
    )?;
    let excluded = IncludesExcludes::new(&[], &args.exclude_resources, "resources")?;
    let cluster_scope = match args.include_cluster_resources {
        ClusterScopeArg::True => Some(true),
        ClusterScopeArg::False => Some(false),
        ClusterScopeArg::Auto => None,
    };
    let offered = contents.types(&namespaces, &excluded, cluster_scope);
    if let Some(chosen) = multi_select("Resource types to restore", &offered)? {
        args.include_resources = chosen;
    }
    Ok(())
}

/// All pre-selected. `None` when everything stays selected (or there was nothing to choose
/// between): the flags stay as they are, so Velero's rules for "everything" keep applying.
fn multi_select(what: &str, offered: &[Choice]) -> Result<Option<Vec<String>>> {
    if offered.len() < 2 {
        return Ok(None);
    }
    let labels: Vec<String> = offered.iter().map(Choice::label).collect();
    let prompt =
        format!("{what} (Space to toggle, a for all/none, Enter to accept, Esc to cancel)");
    let checked = prompt_blocking(|| {
        MultiSelect::with_theme(&ColorfulTheme::default())
            .with_prompt(prompt)
            .items_checked(labels.iter().map(|l| (l, true)))
            .max_length(VISIBLE_ROWS)
            .interact_opt()
    })?;
    let Some(checked) = checked else {
        bail!(CANCELLED);
    };
    if checked.is_empty() {
        bail!("nothing selected in {}: {CANCELLED}", what.to_lowercase());
    }
    if checked.len() == offered.len() {
        return Ok(None);
    }
    Ok(Some(
        checked
            .into_iter()
            .map(|i| offered[i].value.clone())
            .collect(),
    ))
}

/// dialoguer blocks on the terminal; the runtime's other tasks keep running meanwhile.
fn prompt_blocking<T>(prompt: impl FnOnce() -> dialoguer::Result<T>) -> Result<T> {
    let result = tokio::task::block_in_place(prompt);
    if result.is_err() {
        let _ = console_show_cursor();
    }
    match result {
        Ok(value) => Ok(value),
        Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
            bail!(CANCELLED)
        }
        Err(e) => Err(e).context("cannot read the answer from the terminal"),
    }
}

/// A prompt that failed half-way leaves the cursor hidden.
fn console_show_cursor() -> std::io::Result<()> {
    use std::io::Write;
    let mut err = std::io::stderr();
    err.write_all(b"\x1b[?25h")?;
    err.flush()
}

impl Picked {
    /// The summary of the planned restore, then "restore?" defaulting to no. A dry run only
    /// shows the summary: it changes nothing.
    pub fn confirm(&self, plan: &Plan, options: &RestoreOptions, cluster: &Cluster) -> Result<()> {
        let summary = self.summary(plan, options, cluster);
        eprint!("{summary}");
        if options.dry_run {
            return Ok(());
        }
        let question = format!(
            "Restore {} into {}?",
            items(plan.item_count()),
            cluster_name(cluster)
        );
        let answer = prompt_blocking(|| {
            Confirm::with_theme(&ColorfulTheme::default())
                .with_prompt(question)
                .default(false)
                .interact_opt()
        })?;
        if answer != Some(true) {
            bail!(CANCELLED);
        }
        Ok(())
    }

    fn summary(&self, plan: &Plan, options: &RestoreOptions, cluster: &Cluster) -> String {
        let mut lines = vec![
            String::new(),
            format!("Restore {:?}", options.restore_name),
            format!("  backup:            {}", self.row),
            format!("  from:              {}", self.location),
            format!("  into:              {}", cluster_name(cluster)),
        ];
        let namespaces: Vec<&str> = plan.namespaces.iter().map(String::as_str).collect();
        lines.push(format!("  namespaces:        {}", listing(&namespaces)));
        let types: Vec<String> = plan
            .types
            .iter()
            .map(|t| format!("{} ({})", t.group_resource, t.items.len()))
            .collect();
        let types: Vec<&str> = types.iter().map(String::as_str).collect();
        lines.push(format!("  resource types:    {}", listing(&types)));
        let mappings: BTreeSet<String> = options
            .namespace_mapping
            .iter()
            .map(|(from, to)| format!("{from} → {to}"))
            .collect();
        lines.push(format!(
            "  namespace mapping: {}",
            if mappings.is_empty() {
                "none (same names as in the backup)".to_string()
            } else {
                mappings.into_iter().collect::<Vec<_>>().join(", ")
            }
        ));
        lines.push(format!(
            "  existing objects:  {}",
            match options.existing {
                ExistingPolicy::None =>
                    "left unchanged (--existing-resource-policy=none; differences are reported)",
                ExistingPolicy::Update =>
                    "updated to match the backup (--existing-resource-policy=update)",
            }
        ));
        if let Some(selector) = &self.selector {
            lines.push(format!(
                "  label selector:    {selector} (only matching items are restored)"
            ));
        }
        let count = match &self.selector {
            Some(_) => format!("up to {}", items(plan.item_count())),
            None => items(plan.item_count()),
        };
        let mode = if options.dry_run {
            " (dry run: nothing will be changed)"
        } else {
            ""
        };
        lines.push(format!("  to restore:        {count}{mode}"));
        lines.push(String::new());
        lines.join("\n") + "\n"
    }
}

fn items(n: usize) -> String {
    format!("{n} item{}", if n == 1 { "" } else { "s" })
}

fn cluster_name(cluster: &Cluster) -> String {
    match &cluster.context {
        Some(context) => format!("{} (context {context})", cluster.server),
        None => cluster.server.clone(),
    }
}

/// `a, b, c`, at most 12 shown.
fn listing(values: &[&str]) -> String {
    const SHOWN: usize = 12;
    if values.is_empty() {
        return "none".into();
    }
    let mut text = values[..values.len().min(SHOWN)].join(", ");
    if values.len() > SHOWN {
        text.push_str(&format!(", and {} more", values.len() - SHOWN));
    }
    text
}
