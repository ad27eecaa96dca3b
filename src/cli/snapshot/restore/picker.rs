//! The interactive restore picker: `kubectl backup restore` with no NAME on a terminal offers
//! the restorable backups (fuzzy search), then the namespaces and resource types of the chosen
//! one, then a summary to confirm. The answers become the same flags a user would type, and the
//! restore runs exactly as with those flags. `--yes`, or no terminal, skips every prompt: the
//! backup must then be named.

use std::collections::BTreeSet;

use anyhow::{Context, Result, bail};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, FuzzySelect, MultiSelect};
use tokio_util::sync::CancellationToken;

use super::super::{cluster_backups, locate, optional_cluster};
use super::{PolicyArg, RestoreArgs};
use crate::cli::GlobalArgs;
use crate::kube::{ApiCatalog, Cluster, connect};
use crate::snapshot::destination;
use crate::snapshot::list::{self, Listed};
use crate::snapshot::locate::Located;
use crate::snapshot::picker_choices::{Choice, Contents, read_contents, restorable, rows};
use crate::snapshot::restore::{default_restore_name, parse_namespace_mappings};

const CANCELLED: &str = "restore cancelled, nothing was changed";
/// Rows of backups shown at once; typing narrows the list.
const VISIBLE_ROWS: usize = 15;

/// With a NAME, nothing to ask. Without one, the picker on a terminal; otherwise an error
/// saying how to name a backup. Returns the arguments the restore then runs with.
pub async fn pick_if_unnamed(mut args: RestoreArgs, global: &GlobalArgs) -> Result<RestoreArgs> {
    if args.name.is_some() {
        return Ok(args);
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
    // The name the summary shows is the name the restore gets.
    if args.restore_name.is_none() {
        args.restore_name = Some(default_restore_name(&backup));
    }
    let (Located { store, .. }, cluster) = locate(&backup, &args.location, global).await?;
    let cluster = match cluster {
        Some(c) => c,
        None => connect(&global.cluster_options()).await?,
    };
    // A backup whose files this machine cannot read has nothing to offer here; the restore
    // says why, or Velero restores it.
    let contents = match &store {
        Some(store) => {
            let catalog = async || ApiCatalog::discover(&cluster.client).await.ok();
            read_contents(store, &backup, catalog).await?
        }
        None => None,
    };
    if let Some(contents) = &contents {
        pick_namespaces(&mut args, contents)?;
        pick_types(&mut args, contents)?;
    }
    let summary = Summary {
        args: &args,
        row: &row,
        location: &location,
        cluster: &cluster,
        contents: contents.as_ref(),
    };
    summary.confirm()?;
    Ok(args)
}

/// The fuzzy list of restorable backups, newest first.
async fn pick_backup(args: &RestoreArgs, global: &GlobalArgs) -> Result<(String, String, String)> {
    let spec = args.location.request()?;
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

/// Skipped when --include-namespaces answered it; --exclude-namespaces hides what it names.
fn pick_namespaces(args: &mut RestoreArgs, contents: &Contents) -> Result<()> {
    if !args.include_namespaces.is_empty() {
        return Ok(());
    }
    let offered = contents.namespaces(&args.filters())?;
    if let Some(chosen) = multi_select("Namespaces to restore", &offered)? {
        args.include_namespaces = chosen;
    }
    Ok(())
}

/// Skipped when --include-resources answered it; counted within the chosen namespaces.
fn pick_types(args: &mut RestoreArgs, contents: &Contents) -> Result<()> {
    if !args.include_resources.is_empty() {
        return Ok(());
    }
    let offered = contents.types(&args.filters())?;
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
        // A prompt that failed half-way leaves the cursor hidden.
        let _ = dialoguer::console::Term::stderr().show_cursor();
    }
    match result {
        Ok(value) => Ok(value),
        Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
            bail!(CANCELLED)
        }
        Err(e) => Err(e).context("cannot read the answer from the terminal"),
    }
}

/// What the restore will do, from the answers and the backup's contents, before anything is
/// downloaded or created.
struct Summary<'a> {
    args: &'a RestoreArgs,
    row: &'a str,
    location: &'a str,
    cluster: &'a Cluster,
    contents: Option<&'a Contents>,
}

impl Summary<'_> {
    /// The summary, then "restore?" defaulting to no. A dry run changes nothing: no question.
    fn confirm(&self) -> Result<()> {
        let (text, count) = self.render()?;
        eprint!("{text}");
        if self.args.dry_run {
            return Ok(());
        }
        let question = format!("Restore {count} into {}?", cluster_name(self.cluster));
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

    /// The text, and the item count for the question.
    fn render(&self) -> Result<(String, String)> {
        let args = self.args;
        let backup = args.name.as_deref().unwrap_or_default();
        let restore_name = args.restore_name.as_deref().unwrap_or_default();
        let mut lines = vec![
            String::new(),
            format!("Restore {restore_name:?} from backup {backup:?}"),
            format!("  backup:            {}", self.row.trim_end()),
            format!("  from:              {}", self.location),
            format!("  into:              {}", cluster_name(self.cluster)),
        ];
        let count = match self.contents {
            Some(contents) => {
                let namespaces: Vec<String> = contents
                    .namespaces(&args.filters())?
                    .into_iter()
                    .map(|c| c.value)
                    .collect();
                lines.push(format!("  namespaces:        {}", listing(&namespaces)));
                let types = contents.types(&args.filters())?;
                let labels: Vec<String> = types
                    .iter()
                    .map(|t| match t.as_needed {
                        true => format!("{} (up to {}, as needed)", t.value, t.items),
                        false => format!("{} ({})", t.value, t.items),
                    })
                    .collect();
                lines.push(format!("  resource types:    {}", listing(&labels)));
                let exact: usize = types.iter().filter(|t| !t.as_needed).map(|t| t.items).sum();
                let as_needed: usize = types.iter().filter(|t| t.as_needed).map(|t| t.items).sum();
                if exact + as_needed == 0 {
                    bail!(
                        "nothing to restore: backup {backup:?} has no items matching these choices; {CANCELLED}"
                    );
                }
                let mut count = items(exact);
                if as_needed > 0 {
                    count.push_str(&format!(
                        " (plus up to {as_needed} cluster-scoped: the ones these namespaces use)"
                    ));
                }
                if args.selector.is_some() {
                    count = format!("at most {count}");
                }
                count
            }
            None => {
                lines.push(format!(
                    "  namespaces:        {}",
                    filter_text(&args.include_namespaces, &args.exclude_namespaces)
                ));
                lines.push(format!(
                    "  resource types:    {}",
                    filter_text(&args.include_resources, &args.exclude_resources)
                ));
                lines.push(
                    "  (the backup has no resource list: its namespaces and types are not known before it is read)"
                        .to_string(),
                );
                "the matching items".to_string()
            }
        };
        let mappings: BTreeSet<String> = parse_namespace_mappings(&args.namespace_mappings)?
            .into_iter()
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
            match args.existing_resource_policy {
                PolicyArg::None =>
                    "left unchanged (--existing-resource-policy=none; differences are reported)",
                PolicyArg::Update =>
                    "updated to match the backup (--existing-resource-policy=update)",
            }
        ));
        if let Some(selector) = &args.selector {
            lines.push(format!(
                "  label selector:    {selector} (only matching items are restored)"
            ));
        }
        let mode = if args.dry_run {
            " (dry run: nothing will be changed)"
        } else {
            ""
        };
        lines.push(format!("  to restore:        {count}{mode}"));
        lines.push(String::new());
        Ok((lines.join("\n") + "\n", count))
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

fn filter_text(includes: &[String], excludes: &[String]) -> String {
    let mut text = if includes.is_empty() {
        "all".to_string()
    } else {
        includes.join(", ")
    };
    if !excludes.is_empty() {
        text.push_str(&format!(" except {}", excludes.join(", ")));
    }
    text
}

/// `a, b, c`, at most 12 shown.
fn listing(values: &[String]) -> String {
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
