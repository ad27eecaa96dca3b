//! Shell completion two ways: static scripts (`kubectl backup completion bash`) for the
//! `kubectl-backup` binary itself, and kubectl's plugin-completion protocol (kubectl ≥ 1.26 runs
//! `kubectl_complete-backup WORDS… PARTIAL` and reads `value<TAB>help` lines, then `:<directive>`).
//! The same binary serves both: installed (or linked) as `kubectl_complete-backup`, it completes.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use clap_complete::Shell;

/// Cobra's ShellCompDirectiveNoFileComp: candidates are complete, don't fall back to file names.
const DIRECTIVE_NO_FILE_COMPLETION: u32 = 4;

#[derive(Debug, Args)]
pub struct CompletionArgs {
    /// The shell to print a completion script for
    #[arg(value_enum)]
    pub shell: CompletionShell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
}

impl CompletionShell {
    fn clap_shell(self) -> Shell {
        match self {
            CompletionShell::Bash => Shell::Bash,
            CompletionShell::Zsh => Shell::Zsh,
            CompletionShell::Fish => Shell::Fish,
        }
    }
}

pub fn run(args: CompletionArgs) -> Result<()> {
    let script = script(args.shell);
    std::io::stdout().lock().write_all(&script)?;
    Ok(())
}

/// The static script for one shell, exactly as checked in under `completions/`.
pub fn script(shell: CompletionShell) -> Vec<u8> {
    let mut command = super::command();
    let mut out = Vec::new();
    clap_complete::generate(shell.clap_shell(), &mut command, "kubectl-backup", &mut out);
    out
}

/// clap's dynamic protocol: `COMPLETE=bash kubectl-backup -- WORDS…` (the shell passes the index
/// of the word being completed in `_CLAP_COMPLETE_INDEX`; without it, the last word). Exits when
/// it completed; returns for an ordinary run.
pub fn complete_from_environment() {
    if std::env::var_os("COMPLETE").is_none_or(|v| v.is_empty() || v == "0") {
        return;
    }
    let args: Vec<OsString> = std::env::args_os().collect();
    if let Some(separator) = args.iter().position(|a| a == "--") {
        let words = &args[separator + 1..];
        let current = std::env::var("_CLAP_COMPLETE_INDEX")
            .ok()
            .and_then(|i| i.parse::<usize>().ok())
            .unwrap_or(words.len().saturating_sub(1))
            .min(words.len());
        super::complete::remember_words(&words[..current]);
    }
    clap_complete::CompleteEnv::with_factory(super::command).complete();
}

pub fn invoked_as_kubectl_completer(args: &[OsString]) -> bool {
    args.first()
        .and_then(|argv0| Path::new(argv0).file_name())
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with("kubectl_complete-"))
}

/// kubectl passes the words after `backup`; the last one is the word being completed (maybe "").
pub fn run_kubectl_completer(args: Vec<OsString>) -> ExitCode {
    let mut words: Vec<OsString> = vec![OsString::from("kubectl-backup")];
    words.extend(args.into_iter().skip(1));
    if words.len() == 1 {
        words.push(OsString::new());
    }
    let current = words.len() - 1;
    super::complete::remember_words(&words[..current]);
    let partial = words[current].to_string_lossy().into_owned();
    let mut command = super::command();
    let candidates =
        clap_complete::engine::complete(&mut command, words, current, None).unwrap_or_default();
    let mut out = String::new();
    for candidate in candidates {
        if candidate.is_hide_set() {
            continue;
        }
        let value = candidate.get_value().to_string_lossy();
        // kubectl does not filter by prefix; the plugin must. Like cobra, flags are offered
        // only once the word starts with '-' (clap offers them beside a positional's values).
        if !value.starts_with(&partial) || (value.starts_with('-') && !partial.starts_with('-')) {
            continue;
        }
        out.push_str(&value);
        if let Some(help) = candidate.get_help() {
            let help = help.to_string();
            let first_line = help.lines().next().unwrap_or_default();
            if !first_line.is_empty() {
                out.push('\t');
                out.push_str(first_line);
            }
        }
        out.push('\n');
    }
    out.push_str(&format!(":{DIRECTIVE_NO_FILE_COMPLETION}\n"));
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    ExitCode::SUCCESS
}

/// Candidates for `--context`, `--cluster` and `--user`: names from the merged kubeconfig.
pub fn kubeconfig_names(
    pick: fn(&kube::config::Kubeconfig) -> Vec<String>,
) -> impl Fn(&std::ffi::OsStr) -> Vec<clap_complete::CompletionCandidate> + Send + Sync {
    move |current| {
        let prefix = current.to_string_lossy();
        kube::config::Kubeconfig::read()
            .map(|kubeconfig| pick(&kubeconfig))
            .unwrap_or_default()
            .into_iter()
            .filter(|name| name.starts_with(prefix.as_ref()))
            .map(clap_complete::CompletionCandidate::new)
            .collect()
    }
}

pub fn context_names(kubeconfig: &kube::config::Kubeconfig) -> Vec<String> {
    kubeconfig.contexts.iter().map(|c| c.name.clone()).collect()
}

pub fn cluster_names(kubeconfig: &kube::config::Kubeconfig) -> Vec<String> {
    kubeconfig.clusters.iter().map(|c| c.name.clone()).collect()
}

pub fn user_names(kubeconfig: &kube::config::Kubeconfig) -> Vec<String> {
    kubeconfig
        .auth_infos
        .iter()
        .map(|u| u.name.clone())
        .collect()
}
