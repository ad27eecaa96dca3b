//! The flags kubectl keeps to itself: kubectl refuses flags placed before a plugin name, so every
//! global flag a user expects (`--context`, `-n`, `-o`, …) is defined here, once, and accepted
//! after any subcommand.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, ValueEnum};
use clap_complete::engine::ArgValueCompleter;
use secrecy::SecretString;

use super::completion::{
    cluster_names, context_names, kubeconfig_names, namespace_names, user_names,
};

use crate::kube::ClusterOptions;
use crate::output::OutputFormat;

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

    /// Don't check the server's certificate (insecure)
    #[arg(long, global = true, help_heading = "Cluster access")]
    pub insecure_skip_tls_verify: bool,

    /// How long to wait for a single API request: 0 (no limit), a number of seconds, or 1s, 2m, 3h
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_request_timeout, help_heading = "Cluster access")]
    pub request_timeout: Option<Duration>,

    /// Output format
    #[arg(
        short = 'o',
        long,
        global = true,
        value_enum,
        value_name = "FORMAT",
        help_heading = "Output"
    )]
    pub output: Option<OutputFormat>,

    /// More detail on stderr (repeat for more)
    #[arg(short = 'v', long, global = true, action = clap::ArgAction::Count, help_heading = "Output")]
    pub verbose: u8,

    /// Don't draw progress bars (they are also off when stderr is not a terminal)
    #[arg(long, global = true, help_heading = "Output")]
    pub no_progress: bool,

    /// Answer yes to every confirmation and skip interactive pickers
    #[arg(short = 'y', long, global = true, help_heading = "Output")]
    pub yes: bool,

    /// Colour: auto, always or never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, hide = true)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl GlobalArgs {
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

    pub fn output_or(&self, default: OutputFormat) -> OutputFormat {
        self.output.unwrap_or(default)
    }
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
        .map_err(|e| format!("invalid duration {text:?}: {e} (use e.g. 30, 30s, 2m or 1h)"))
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
