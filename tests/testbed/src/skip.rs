//! Skipping a test because a tool is missing, visibly.
//!
//! `cargo test` swallows what a passing test prints, so a skip that only prints is a silent pass.
//! Every skip therefore goes three ways: a line on stderr, a line appended to the skip log
//! (`$KB_SKIP_LOG`, which `.ci/run` prints at the end), and — when `KB_NO_SKIPS=1`, as in CI,
//! where everything is installed — a panic, so the test fails instead of passing unseen.

use std::io::Write;

/// Records that `what` did not run because of `reason`. Panics under `KB_NO_SKIPS=1`.
pub fn skipped(what: &str, reason: &str) {
    let line = format!("SKIPPED {what}: {reason}");
    eprintln!("\n*** {line} ***\n");
    if let Some(path) = std::env::var_os("KB_SKIP_LOG")
        && let Ok(mut file) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
    {
        let _ = writeln!(file, "{line}");
    }
    if std::env::var("KB_NO_SKIPS").is_ok_and(|v| v == "1") {
        panic!("{line} (KB_NO_SKIPS=1: a skipped test fails here)");
    }
}
