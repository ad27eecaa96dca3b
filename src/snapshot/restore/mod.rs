//! Client-side restore of a Velero-format backup (ours or Velero's) into a cluster.
//!
//! The archive is opened and checked in full before this module sees it ([`download::open_archive`]
//! refuses bad paths, truncation and tampered items), so nothing is created from a bad backup.
//! Then: [`plan`] (filters, order), and [`execute::restore`] (CRDs first and waited for, then one
//! tier per type in Velero's priority order, items within a tier created concurrently, the
//! existing-resource policy, restore labels, managedFields and opt-in status after the create),
//! producing a [`RestoreReport`]. [`crate::snapshot::velero_restore`] does the same through an
//! installed Velero server.
//!
//! [`download::open_archive`]: crate::snapshot::download::open_archive

pub mod diff;
pub mod execute;
mod existing;
pub mod fixes;
pub mod from_backup;
mod item;
mod namespaces;
pub mod order;
pub mod plan;
pub mod report;
pub mod status;
pub mod volumes;

pub use execute::{ExistingPolicy, RestoreOptions, restore};
pub use plan::{Filters, Plan};
pub use report::{Action, RestoreReport};
pub use status::{RESTORE_STATUS_ANNOTATION, StatusFilter};

/// Velero's default restore name: `<backup>-<YYYYMMDDHHMMSS>` (UTC).
pub fn default_restore_name(backup: &str) -> String {
    format!("{backup}-{}", chrono::Utc::now().format("%Y%m%d%H%M%S"))
}

/// Parses `--namespace-mappings a:b,c:d`.
pub fn parse_namespace_mappings(
    entries: &[String],
) -> anyhow::Result<std::collections::BTreeMap<String, String>> {
    let mut mapping = std::collections::BTreeMap::new();
    for entry in entries {
        let Some((from, to)) = entry.split_once(':') else {
            anyhow::bail!("--namespace-mappings: {entry:?} is not SOURCE:TARGET");
        };
        let (from, to) = (from.trim(), to.trim());
        for ns in [from, to] {
            let valid = !ns.is_empty()
                && ns.len() <= 63
                && ns
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !ns.starts_with('-')
                && !ns.ends_with('-');
            if !valid {
                anyhow::bail!("--namespace-mappings: {ns:?} is not a valid namespace name");
            }
        }
        if mapping.insert(from.to_string(), to.to_string()).is_some() {
            anyhow::bail!("--namespace-mappings: {from:?} is mapped twice");
        }
    }
    Ok(mapping)
}
