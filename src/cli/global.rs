//! The flags kubectl keeps to itself: kubectl refuses flags placed before a plugin name, so every
//! global flag a user expects (`--context`, `-n`, `-o`, …) is defined here, once, and accepted
//! after any subcommand.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, ValueEnum};
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter, CompletionCandidate};
use secrecy::SecretString;

use super::complete::namespace_names;
use super::completion::{cluster_names, context_names, kubeconfig_names, user_names};

use crate::kube::ClusterOptions;
use crate::output::{OUTPUT_FORMATS, OutputFormat, OutputSpec, PrinterSettings};

#[derive(Debug, Clone, Default, Args)]
pub struct GlobalArgs {
    /// Path to the kubeconfig file (default: $KUBECONFIG, whose paths are merged, then ~/.kube/config)
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        help_heading = "Cluster access"
    )]
    pub kubeconfig: Option<PathBuf>,

    /// The kubeconfig context to use
    #[arg(
        long,
        global = true,
        value_name = "NAME",
        help_heading = "Cluster access",
        add = ArgValueCompleter::new(kubeconfig_names(context_names)),
    )]
    pub context: Option<String>,

    /// The kubeconfig cluster to use
    #[arg(
        long,
        global = true,
        value_name = "NAME",
        help_heading = "Cluster access",
        add = ArgValueCompleter::new(kubeconfig_names(cluster_names)),
    )]
    pub cluster: Option<String>,

    /// The kubeconfig user to use
    #[arg(
        long,
        global = true,
        value_name = "NAME",
        help_heading = "Cluster access",
        add = ArgValueCompleter::new(kubeconfig_names(user_names)),
    )]
    pub user: Option<String>,

    /// Namespace to work in (default: the context's namespace, else "default")
    #[arg(
        short = 'n',
        long,
        global = true,
        value_name = "NS",
        help_heading = "Cluster access",
        value_parser = super::validate::namespace_name,
        add = ArgValueCompleter::new(namespace_names),
    )]
    pub namespace: Option<String>,

    /// Work across all namespaces, where the command supports it
    #[arg(short = 'A', long, global = true, help_heading = "Cluster access")]
    pub all_namespaces: bool,

    /// Username to impersonate for the operation
    #[arg(
        long = "as",
        global = true,
        value_name = "USER",
        help_heading = "Cluster access"
    )]
    pub as_user: Option<String>,

    /// Group to impersonate for the operation (repeatable)
    #[arg(
        long = "as-group",
        global = true,
        value_name = "GROUP",
        help_heading = "Cluster access"
    )]
    pub as_group: Vec<String>,

    /// The address of the Kubernetes API server (overrides the kubeconfig)
    #[arg(
        short = 's',
        long,
        global = true,
        value_name = "URL",
        help_heading = "Cluster access"
    )]
    pub server: Option<String>,

    /// Bearer token for authentication to the API server
    #[arg(
        long,
        global = true,
        value_name = "TOKEN",
        help_heading = "Cluster access",
        value_parser = parse_token
    )]
    pub token: Option<SecretString>,

    /// UID to impersonate for the operation
    #[arg(
        long = "as-uid",
        global = true,
        value_name = "UID",
        help_heading = "Cluster access"
    )]
    pub as_uid: Option<String>,

    /// Path to a PEM file of certificate authorities (replaces the kubeconfig's)
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        value_hint = clap::ValueHint::FilePath,
        help_heading = "Cluster access"
    )]
    pub certificate_authority: Option<PathBuf>,

    /// Path to a client certificate file for TLS (replaces the kubeconfig's)
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        value_hint = clap::ValueHint::FilePath,
        help_heading = "Cluster access"
    )]
    pub client_certificate: Option<PathBuf>,

    /// Path to a client key file for TLS (replaces the kubeconfig's)
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        value_hint = clap::ValueHint::FilePath,
        help_heading = "Cluster access"
    )]
    pub client_key: Option<PathBuf>,

    /// Server name to check the server certificate against (default: the server's host name)
    #[arg(
        long,
        global = true,
        value_name = "NAME",
        help_heading = "Cluster access"
    )]
    pub tls_server_name: Option<String>,

    /// Don't check the server's certificate (insecure)
    #[arg(long, global = true, help_heading = "Cluster access")]
    pub insecure_skip_tls_verify: bool,

    /// Ask the API server for uncompressed responses
    #[arg(long, global = true, help_heading = "Cluster access")]
    pub disable_compression: bool,

    /// How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_request_timeout, help_heading = "Cluster access")]
    pub request_timeout: Option<Duration>,

    /// Output format: json, yaml, name, wide, jsonpath=…, jsonpath-file=…, go-template=…,
    /// go-template-file=…, custom-columns=…, custom-columns-file=…
    #[arg(
        short = 'o',
        long = "output",
        global = true,
        value_name = "FORMAT",
        value_parser = OutputSpec::parse,
        help_heading = "Output",
        add = ArgValueCandidates::new(output_format_names),
    )]
    pub output_spec: Option<OutputSpec>,

    /// What commands branch on, derived from `-o` by [`GlobalArgs::finish`].
    #[arg(skip)]
    pub output: Option<OutputFormat>,

    /// Don't print the header line of tables and custom columns
    #[arg(long, global = true, help_heading = "Output")]
    pub no_headers: bool,

    /// Show each object's labels as the last column of a table
    #[arg(long, global = true, help_heading = "Output")]
    pub show_labels: bool,

    /// More detail on stderr: -v shows every API request, -vv and -vvv more; kubectl's -v=N
    /// also works (6 is -v, 7 and 8 are -vv, 9 is -vvv)
    #[arg(short = 'v', long, global = true, action = clap::ArgAction::Count, help_heading = "Output")]
    pub verbose: u8,

    /// kubectl's numeric level; `-v=N` and `--v=N` are rewritten to this before parsing
    #[arg(long = KUBECTL_LEVEL_FLAG, global = true, value_name = "N", hide = true)]
    pub kubectl_verbosity: Option<u8>,

    /// Don't draw progress bars (they are also off when stderr is not a terminal)
    #[arg(long, global = true, help_heading = "Output")]
    pub no_progress: bool,

    /// Answer yes to every confirmation and skip interactive pickers
    #[arg(short = 'y', long, global = true, help_heading = "Output")]
    pub yes: bool,

    /// Colour in tables and logs: auto (a terminal, and NO_COLOR unset), always or never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, help_heading = "Output")]
    pub color: ColorChoice,
}

const KUBECTL_LEVEL_FLAG: &str = "kubectl-verbosity";

/// kubectl spells its level `-v=6`; clap's counted `-v` cannot take a value, so the attached forms
/// (`-v=N`, `--v=N`, `-vN`) become the hidden level flag before parsing. `-v 6` is left alone: it
/// cannot be told apart from `-v` followed by an argument.
pub fn rewrite_kubectl_verbosity(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut past_separator = false;
    args.into_iter()
        .map(|arg| {
            if past_separator {
                return arg;
            }
            let Some(text) = arg.to_str() else {
                return arg;
            };
            if text == "--" {
                past_separator = true;
                return arg;
            }
            let level = text
                .strip_prefix("--v=")
                .or_else(|| text.strip_prefix("-v="))
                .or_else(|| {
                    text.strip_prefix("-v")
                        .filter(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
                });
            match level {
                Some(level) => format!("--{KUBECTL_LEVEL_FLAG}={level}").into(),
                None => arg,
            }
        })
        .collect()
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl GlobalArgs {
    /// Completes parsing: derives the format commands branch on from `-o`, and hands the
    /// printer its settings. Called once, before any command runs.
    pub fn finish(&mut self) {
        self.output = self.output_spec.as_ref().map(OutputSpec::format);
        crate::output::configure(PrinterSettings {
            spec: self.output_spec.clone(),
            no_headers: self.no_headers,
            show_labels: self.show_labels,
        });
    }

    pub fn cluster_options(&self) -> ClusterOptions {
        ClusterOptions {
            kubeconfig: self.kubeconfig.clone(),
            context: self.context.clone(),
            cluster: self.cluster.clone(),
            user: self.user.clone(),
            namespace: self.namespace.clone(),
            impersonate: self.as_user.clone(),
            impersonate_groups: self.as_group.clone(),
            server: self.server.clone(),
            token: self.token.clone(),
            insecure_skip_tls_verify: self.insecure_skip_tls_verify,
            request_timeout: self.request_timeout,
            impersonate_uid: self.as_uid.clone(),
            certificate_authority: self.certificate_authority.clone(),
            client_certificate: self.client_certificate.clone(),
            client_key: self.client_key.clone(),
            tls_server_name: self.tls_server_name.clone(),
            disable_compression: self.disable_compression,
        }
    }

    /// Progress bars are drawn only for a person watching a terminal.
    pub fn show_progress(&self) -> bool {
        use std::io::IsTerminal;
        !self.no_progress && std::io::stderr().is_terminal()
    }

    /// Prompts need a person at a terminal on both ends, and no `--yes`.
    pub fn interactive(&self) -> bool {
        use std::io::IsTerminal;
        !self.yes && std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }

    /// Our level 0–3 from `-v…` or kubectl's `-v=N`, whichever says more: kubectl shows request
    /// URLs from 6, headers from 7, bodies from 8 and everything at 9.
    pub fn verbosity(&self) -> u8 {
        let from_kubectl_level = match self.kubectl_verbosity.unwrap_or(0) {
            0..=5 => 0,
            6 => 1,
            7 | 8 => 2,
            _ => 3,
        };
        self.verbose.max(from_kubectl_level)
    }

    /// Whether stderr logs (and other decorations) use colour: `--color`, then `NO_COLOR`
    /// (any non-empty value, see no-color.org), then whether stderr is a terminal.
    pub fn stderr_color(&self) -> bool {
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::IsTerminal::is_terminal(&std::io::stderr())
            }
        }
    }

    pub fn output_or(&self, default: OutputFormat) -> OutputFormat {
        self.output.unwrap_or(default)
    }
}

fn output_format_names() -> Vec<CompletionCandidate> {
    OUTPUT_FORMATS
        .iter()
        .map(|name| CompletionCandidate::new(*name))
        .collect()
}

/// Held as a secret so that no `{:?}` of the parsed command line can print it.
fn parse_token(text: &str) -> Result<SecretString, String> {
    Ok(SecretString::from(text.to_string()))
}

/// kubectl's `--request-timeout` grammar: a bare integer is seconds, otherwise a Go duration
/// made of `h`, `m`, `s`, `ms` units; `0` means no limit.
pub fn parse_request_timeout(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Ok(Duration::from_secs(seconds));
    }
    crate::duration::parse_go_duration(text)
        .map_err(|e| format!("{e}; a bare number is seconds, and 0 means no limit"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_timeout_accepts_kubectl_forms() {
        assert_eq!(parse_request_timeout("0").unwrap(), Duration::ZERO);
        assert_eq!(parse_request_timeout("5").unwrap(), Duration::from_secs(5));
        assert_eq!(
            parse_request_timeout("2m").unwrap(),
            Duration::from_secs(120)
        );
        assert_eq!(
            parse_request_timeout("1h30m").unwrap(),
            Duration::from_secs(5400)
        );
        assert!(parse_request_timeout("soon").is_err());
    }

    #[test]
    fn debug_output_never_shows_the_token() {
        use clap::Parser;
        #[derive(Debug, Parser)]
        struct Probe {
            #[command(flatten)]
            global: GlobalArgs,
        }
        let probe = Probe::parse_from(["probe", "--token", "s3cr3t-bearer", "-n", "team"]);
        let printed = format!("{probe:?}");
        assert!(!printed.contains("s3cr3t-bearer"), "{printed}");
        assert!(printed.contains("team"), "{printed}");
        let options = probe.global.cluster_options();
        assert!(!format!("{options:?}").contains("s3cr3t-bearer"));
        use secrecy::ExposeSecret;
        assert_eq!(options.token.unwrap().expose_secret(), "s3cr3t-bearer");
    }
}
