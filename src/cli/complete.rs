//! Completion that asks the cluster and the store: backup, profile, blueprint, action, ActionSet
//! and schedule names. A completer reads the flags already typed (`--context`, `-n`,
//! `--profile`, …) from the words the shell passed, answers within a short deadline, and turns
//! every failure into "no candidates": a shell must never hang or show an error while the user
//! presses Tab.

mod lookup;
mod names;
mod words;

pub use names::{
    action_names, actionset_names, backup_names, blueprint_names, namespace_names, profile_names,
    schedule_names,
};
pub use words::remember_words;
