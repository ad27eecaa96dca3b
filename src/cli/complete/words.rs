//! The words already on the command line when the user pressed Tab. clap hands a completer only
//! the word being completed, so both entry points (kubectl's `kubectl_complete-backup` and
//! clap's `COMPLETE=<shell>`) record the words before it here, and completers read flags from them.

use std::ffi::OsString;
use std::sync::OnceLock;
use std::time::Duration;

use secrecy::SecretString;

use crate::kube::ClusterOptions;

static TYPED: OnceLock<Vec<String>> = OnceLock::new();

/// Without `--request-timeout` on the line, a completion request waits at most this long:
/// kubectl's completion waits for the request timeout, and a person pressing Tab waits for no more.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(2);

/// Records the words before the one being completed (the first is the program's name).
pub fn remember_words(words: &[OsString]) {
    let words = words
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    let _ = TYPED.set(words);
}

/// The flags typed so far; empty when no completion request is running.
#[derive(Debug, Clone, Default)]
pub struct Typed {
    words: Vec<String>,
}

impl Typed {
    pub fn current() -> Typed {
        Typed {
            words: TYPED.get().cloned().unwrap_or_default(),
        }
    }

    #[cfg(test)]
    pub fn from_words(words: &[&str]) -> Typed {
        Typed {
            words: words.iter().map(|w| w.to_string()).collect(),
        }
    }

    /// The last value given to `--long` (`--long V`, `--long=V`) or `-s` (`-s V`, `-sV`, `-s=V`),
    /// as clap would take it: the last occurrence wins, nothing after `--` is a flag.
    pub fn value(&self, long: &str, short: Option<char>) -> Option<String> {
        let long_flag = format!("--{long}");
        let short_flag = short.map(|c| format!("-{c}"));
        let mut found = None;
        let mut words = self.words.iter().skip(1);
        while let Some(word) = words.next() {
            if word == "--" {
                break;
            }
            if *word == long_flag || short_flag.as_ref() == Some(word) {
                found = words.next().cloned().or(found);
            } else if let Some(value) = word.strip_prefix(&format!("{long_flag}=")) {
                found = Some(value.to_string());
            } else if let Some(short_flag) = &short_flag
                && let Some(attached) = word.strip_prefix(short_flag.as_str())
                && !attached.is_empty()
                && !word.starts_with("--")
            {
                found = Some(attached.strip_prefix('=').unwrap_or(attached).to_string());
            }
        }
        found.filter(|v| !v.is_empty())
    }

    fn has(&self, long: &str) -> bool {
        let flag = format!("--{long}");
        self.words
            .iter()
            .skip(1)
            .take_while(|w| *w != "--")
            .any(|w| *w == flag)
    }

    /// How long a lookup may take: the typed `--request-timeout` when it is shorter than the
    /// default (0, "no limit", is not honoured here: the shell is waiting).
    pub fn timeout(&self) -> Duration {
        self.value("request-timeout", None)
            .and_then(|t| super::super::parse_request_timeout(&t).ok())
            .filter(|t| !t.is_zero())
            .map_or(DEFAULT_TIMEOUT, |t| t.min(DEFAULT_TIMEOUT))
    }

    /// The cluster the finished command would talk to.
    pub fn cluster_options(&self) -> ClusterOptions {
        ClusterOptions {
            kubeconfig: self.value("kubeconfig", None).map(Into::into),
            context: self.value("context", None),
            cluster: self.value("cluster", None),
            user: self.value("user", None),
            namespace: self.value("namespace", Some('n')),
            impersonate: self.value("as", None),
            server: self.value("server", Some('s')),
            token: self.value("token", None).map(SecretString::from),
            insecure_skip_tls_verify: self.has("insecure-skip-tls-verify"),
            request_timeout: Some(self.timeout()),
            impersonate_uid: self.value("as-uid", None),
            certificate_authority: self.value("certificate-authority", None).map(Into::into),
            client_certificate: self.value("client-certificate", None).map(Into::into),
            client_key: self.value("client-key", None).map(Into::into),
            tls_server_name: self.value("tls-server-name", None),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_read_in_every_spelling_and_the_last_one_wins() {
        let typed = Typed::from_words(&[
            "kubectl-backup",
            "snapshot",
            "-n",
            "one",
            "--context=dev",
            "restore",
            "-ntwo",
            "--profile",
            "team/minio",
            "--",
            "--context",
            "ignored",
        ]);
        assert_eq!(typed.value("namespace", Some('n')).as_deref(), Some("two"));
        assert_eq!(typed.value("context", None).as_deref(), Some("dev"));
        assert_eq!(typed.value("profile", None).as_deref(), Some("team/minio"));
        assert_eq!(typed.value("location", None), None);
        let typed = Typed::from_words(&["kubectl-backup", "--namespace=three", "-n=four"]);
        assert_eq!(typed.value("namespace", Some('n')).as_deref(), Some("four"));
    }

    #[test]
    fn the_deadline_is_short_whatever_was_typed() {
        let typed = |t: &str| Typed::from_words(&["kubectl-backup", "--request-timeout", t]);
        assert_eq!(typed("0").timeout(), DEFAULT_TIMEOUT);
        assert_eq!(typed("1").timeout(), Duration::from_secs(1));
        assert_eq!(typed("1m").timeout(), DEFAULT_TIMEOUT);
        assert_eq!(Typed::default().timeout(), DEFAULT_TIMEOUT);
    }
}
