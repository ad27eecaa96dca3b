//! What `-vvv` would print: every tracing event of every library (reqwest, hyper, rustls, ours) at
//! TRACE, captured in memory for the whole test binary and passed through the same redaction as
//! the CLI's stderr. Tests grep it for their secrets, so a fetched token, a client secret or a
//! signed request that some layer logs fails the suite.

use std::io::Write;
use std::sync::{Mutex, Once};

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

static CAPTURED: Mutex<String> = Mutex::new(String::new());

struct Capture;

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let shown = kubectl_backup::logging::redact_query_values(&text);
        CAPTURED
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_str(&shown);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Start capturing (once per test binary).
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = tracing_subscriber::registry()
            .with(
                tracing_subscriber::fmt::layer()
                    .with_writer(|| Capture)
                    .with_ansi(false)
                    .with_target(true),
            )
            .with(tracing_subscriber::filter::LevelFilter::TRACE)
            .try_init();
    });
}

/// Everything logged so far by any test of this binary.
pub fn captured() -> String {
    CAPTURED.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// Fails when the log so far holds any of `secrets`, and when nothing was logged at all (a
/// capture that sees nothing proves nothing).
pub fn assert_log_has_no_secret(secrets: &[&str]) {
    let log = captured();
    assert!(!log.is_empty(), "the TRACE capture saw no event");
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        if let Some(line) = log.lines().find(|l| l.contains(secret)) {
            panic!("a secret leaked into the TRACE log: {line}");
        }
    }
}
