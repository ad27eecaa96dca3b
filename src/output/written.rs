//! What a create-like command prints for an object it created (or would create), as `kubectl
//! create` does, and kubectl's `--dry-run` choice that decides whether anything is sent.

use clap::ValueEnum;
use serde::Serialize;

use super::{OutputFormat, print_names, print_structured, write_stdout};

/// kubectl's `--dry-run`: `client` prints what would be sent and sends nothing; `server` sends it
/// with `dryRun=All`, so the API server validates and defaults it but stores nothing. Declare the
/// flag as `#[arg(long, value_enum, num_args = 0..=1, default_value_t, default_missing_value =
/// "client")]`, so that a bare `--dry-run` is `client`, as in kubectl.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum DryRun {
    #[default]
    None,
    Client,
    Server,
}

impl DryRun {
    /// Whether the command talks to the API server at all for the write.
    pub fn sends(self) -> bool {
        self != DryRun::Client
    }

    /// The parameters of the POST (or PUT, PATCH: `dry_run` is the same field there).
    pub fn post_params(self) -> kube::api::PostParams {
        kube::api::PostParams {
            dry_run: self == DryRun::Server,
            ..Default::default()
        }
    }

    /// kubectl's note after the verb.
    fn note(self) -> &'static str {
        match self {
            DryRun::None => "",
            DryRun::Client => " (dry run)",
            DryRun::Server => " (server dry run)",
        }
    }
}

/// One object a command wrote.
pub struct Written<'a, T: Serialize> {
    /// As sent (`--dry-run=client`) or as the API server returned it.
    pub object: &'a T,
    /// kubectl's `TYPE/NAME`, e.g. `profile.cr.kanister.io/x` (see [`super::resource_name`]).
    pub resource_name: &'a str,
    /// `created`, `configured`, `unchanged`, …
    pub verb: &'a str,
}

/// `-o json|yaml` and the template formats print the object, `-o name` prints `TYPE/NAME` and
/// nothing else, and without `-o` the line `TYPE/NAME created`, with kubectl's dry-run note.
pub fn print_written<T: Serialize>(
    format: Option<OutputFormat>,
    dry_run: DryRun,
    written: &Written<'_, T>,
) -> anyhow::Result<()> {
    match format {
        Some(OutputFormat::Name) => Ok(print_names([written.resource_name])?),
        Some(format @ (OutputFormat::Json | OutputFormat::Yaml)) => {
            print_structured(written.object, format)
        }
        _ => Ok(write_stdout(&format!(
            "{} {}{}\n",
            written.resource_name,
            written.verb,
            dry_run.note()
        ))?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_server_dry_run_is_sent_and_it_is_sent_as_one() {
        assert!(!DryRun::Client.sends());
        assert!(DryRun::Server.sends() && DryRun::None.sends());
        assert!(DryRun::Server.post_params().dry_run);
        assert!(!DryRun::None.post_params().dry_run);
        assert_eq!(DryRun::Client.note(), " (dry run)");
        assert_eq!(DryRun::Server.note(), " (server dry run)");
    }
}
