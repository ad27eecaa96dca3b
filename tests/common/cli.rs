//! Running the plugin (and other tools) and reading what they printed.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use kubectl_backup_testbed::Backend;

use super::BIN;

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn stdout(output: &Output) -> String {
    text(&output.stdout)
}

pub fn stderr(output: &Output) -> String {
    text(&output.stderr)
}

/// Runs the plugin with `args` on `backend` (no terminal on stdin) and logs the command and its
/// output, which the test harness shows only when the test fails.
pub fn run(backend: &impl Backend, args: &[&str]) -> Output {
    let output = backend
        .command(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run kubectl-backup");
    eprintln!(
        "$ kubectl-backup {}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        text(&output.stdout),
        text(&output.stderr)
    );
    output
}

/// Runs `cmd` on a blocking thread, so a test's runtime keeps serving what the command talks to
/// (the in-process S3 server).
pub async fn run_off_runtime(mut cmd: Command) -> Output {
    tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap()
}

/// The stdout of a command that must have succeeded; otherwise a panic with everything it said.
#[track_caller]
pub fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        output.status,
        text(&output.stdout),
        text(&output.stderr)
    );
    text(&output.stdout)
}

/// Runs `command` with `stdin` as its input (none: no input at all) and collects its output.
pub fn output_with_stdin(command: &mut Command, stdin: Option<&str>) -> Output {
    command.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().expect("spawn");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    }
    child.wait_with_output().expect("wait")
}

/// [`output_with_stdin`] of a command that must succeed; a failure names the command.
#[track_caller]
pub fn run_ok_with_stdin(command: &mut Command, stdin: Option<&str>) -> Output {
    let description = format!("{command:?}");
    let output = output_with_stdin(command, stdin);
    assert!(
        output.status.success(),
        "{description} failed ({}):\n{}{}",
        output.status,
        text(&output.stdout),
        text(&output.stderr)
    );
    output
}

/// Runs `command` with no input; it must succeed.
#[track_caller]
pub fn run_ok(command: &mut Command) -> Output {
    run_ok_with_stdin(command, None)
}

/// Sends `signal` (its name: `INT`, `TERM`, …) to process `pid`, as a user's `kill` does.
#[track_caller]
pub fn send_signal(pid: u32, signal: &str) {
    let sent = Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success(), "kill -{signal} {pid}");
}
