//! `-v` turns on diagnostics on stderr, like kubectl's `-v=N`: one `-v` shows every API request
//! (method, URL, status) and what we decided; more `-v`s show more of the libraries underneath.
//! Without `-v` nothing is installed, so nothing is logged.
//!
//! Nothing logged may carry a secret, at any level: a request URL's query can hold a rendered
//! command (an exec's `command=` parameters, with `{{ toJson .Profile }}` in them) or a
//! credential (a presigned URL's signature, an Azure SAS). Every line goes through
//! [`redact_query_values`] on its way to stderr, which keeps the values of the query parameters
//! known to be harmless and replaces all others, so a library that logs a URL we never thought
//! of is covered too. No library here logs request or response bodies.

use std::io::{self, Write};
use std::sync::LazyLock;

use tracing::level_filters::LevelFilter;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// `use_color` is the caller's decision from `--color`, `NO_COLOR` and whether stderr is a
/// terminal.
pub fn init(verbosity: u8, use_color: bool) {
    if verbosity == 0 {
        return;
    }
    let (ours, kube, everything) = match verbosity {
        1 => (LevelFilter::INFO, LevelFilter::DEBUG, LevelFilter::WARN),
        2 => (LevelFilter::DEBUG, LevelFilter::DEBUG, LevelFilter::INFO),
        _ => (LevelFilter::TRACE, LevelFilter::TRACE, LevelFilter::TRACE),
    };
    let filter = Targets::new()
        .with_default(everything)
        .with_target("kubectl_backup", ours)
        .with_target("kube_client", kube);
    let _ = tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(|| RedactingStderr)
                .with_ansi(use_color)
                .with_target(verbosity > 1),
        )
        .with(filter)
        .try_init();
}

/// Stderr, with every query value that may be a secret replaced. The fmt layer writes each
/// event in one call, so each call is redacted as a whole.
struct RedactingStderr;

impl Write for RedactingStderr {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        io::stderr()
            .lock()
            .write_all(redact_query_values(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        io::stderr().flush()
    }
}

/// Query parameters whose values never carry a secret: Kubernetes list, watch, delete, log and
/// exec options (not `command`), and object-store listing and multipart bookkeeping.
const HARMLESS_QUERY_KEYS: &[&str] = &[
    "labelSelector",
    "fieldSelector",
    "limit",
    "continue",
    "watch",
    "resourceVersion",
    "resourceVersionMatch",
    "allowWatchBookmarks",
    "sendInitialEvents",
    "timeoutSeconds",
    "propagationPolicy",
    "gracePeriodSeconds",
    "orphanDependents",
    "dryRun",
    "fieldManager",
    "fieldValidation",
    "force",
    "pretty",
    "container",
    "stdin",
    "stdout",
    "stderr",
    "tty",
    "follow",
    "previous",
    "timestamps",
    "tailLines",
    "sinceSeconds",
    "limitBytes",
    "list-type",
    "prefix",
    "delimiter",
    "max-keys",
    "continuation-token",
    "start-after",
    "uploads",
    "uploadId",
    "partNumber",
    "x-id",
    "delete",
    "restype",
    "comp",
    "maxresults",
    "marker",
    "blockid",
    "location",
    "versioning",
];

/// `text` with the value of every query parameter not in [`HARMLESS_QUERY_KEYS`] replaced by
/// `<redacted>`.
pub fn redact_query_values(text: &str) -> std::borrow::Cow<'_, str> {
    static PARAMETER: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"([?&])([^=&?\s"'#]+)=([^&\s"'#]*)"#).expect("valid regex")
    });
    if !text.contains('?') {
        return std::borrow::Cow::Borrowed(text);
    }
    PARAMETER.replace_all(text, |c: &regex::Captures<'_>| {
        let key = &c[2];
        if HARMLESS_QUERY_KEYS.contains(&key) || c[3].is_empty() {
            c[0].to_string()
        } else {
            format!("{}{key}=<redacted>", &c[1])
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_commands_and_signatures_are_redacted_selectors_kept() {
        let exec = r#"http.url=https://10.0.0.1:6443/api/v1/namespaces/db/pods/app-0/exec?&command=sh&command=-c&command=kando%20location%20push%20--profile%20%27%7B%22Credential%22%3A%7B%22Secret%22%3A%22s3cr3t%22%7D%7D%27&container=app&stdout=true"#;
        let redacted = redact_query_values(exec);
        assert!(!redacted.contains("s3cr3t"), "{redacted}");
        assert!(!redacted.contains("kando"), "{redacted}");
        assert!(redacted.contains("&command=<redacted>"), "{redacted}");
        assert!(redacted.contains("container=app&stdout=true"), "{redacted}");
        let list = "GET /api/v1/pods?labelSelector=kubectl-backup.io%2Factionset%3Dx&limit=1";
        assert_eq!(redact_query_values(list), list);
        let presigned = "GET http://s3/b/k?X-Amz-Credential=AKIA123%2F2026&X-Amz-Signature=abc";
        let redacted = redact_query_values(presigned);
        assert!(
            !redacted.contains("AKIA123") && !redacted.contains("abc"),
            "{redacted}"
        );
        assert_eq!(redact_query_values("no query here"), "no query here");
    }
}
