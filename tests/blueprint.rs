//! `kubectl backup blueprint …` end to end: the built binary against files (validate needs no
//! cluster) and against the test bed's fake API server.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/blueprint")
        .join(path)
}

fn kubectl_backup(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kubectl-backup"))
        .args(args)
        .env_remove("KUBECONFIG")
        .env("HOME", std::env::temp_dir())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn public_blueprints() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(data("public"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn every_public_blueprint_validates() {
    let files = public_blueprints();
    let mut args = vec!["blueprint", "validate"];
    for f in &files {
        args.push("-f");
        args.push(f);
    }
    let out = kubectl_backup(&args);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(!stdout.contains(": error:"), "{stdout}");
    assert_eq!(text(&out.stderr).matches(": valid").count(), files.len());
}

#[test]
fn every_mistake_is_reported_with_its_position() {
    let file = data("invalid/mistakes.yaml").display().to_string();
    let out = kubectl_backup(&["blueprint", "validate", "-f", &file]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let expected = [
        format!(
            "{file}:22:13: error: phase \"verify\": unknown function \"kubetask\" (did you mean \"KubeTask\"? names are case-sensitive)"
        ),
        format!(
            "{file}:27:13: error: phase name \"pgDump\" is used twice in action \"backup\" (first at line 13): .Phases.pgDump would be ambiguous"
        ),
        format!("{file}:28:7: error: phase \"pgDump\": ScaleWorkload requires argument replicas"),
        format!(
            "{file}:29:9: error: phase \"pgDump\": ScaleWorkload does not accept argument \"replica\" (did you mean \"replicas\"?)"
        ),
    ];
    for line in &expected {
        assert!(
            lines.contains(&line.as_str()),
            "missing {line}\nin:\n{stdout}"
        );
    }
    assert!(
        text(&out.stderr).contains("errors"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn invalid_blueprints_are_not_applied() {
    let file = data("invalid/mistakes.yaml").display().to_string();
    let out = kubectl_backup(&["blueprint", "apply", "-f", &file, "--dry-run"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("nothing was applied"), "{stderr}");
    assert!(
        stderr.contains(&format!("{file}:22:13: error:")),
        "{stderr}"
    );
}

#[test]
fn findings_as_json() {
    let file = data("invalid/mistakes.yaml").display().to_string();
    let out = kubectl_backup(&["blueprint", "validate", "-f", &file, "-o", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &findings.as_array().unwrap()[0];
    assert_eq!(first["file"], file.as_str());
    assert!(first["line"].as_u64().unwrap() > 0);
    assert!(matches!(
        first["severity"].as_str(),
        Some("error" | "warning")
    ));
}

#[test]
fn dry_run_prints_the_normalised_object() {
    let file = data("public/postgresql-blueprint.yaml")
        .display()
        .to_string();
    let out = kubectl_backup(&[
        "blueprint",
        "apply",
        "-f",
        &file,
        "--dry-run",
        "-n",
        "db",
        "-o",
        "json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let object: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(object["apiVersion"], "cr.kanister.io/v1alpha1");
    assert_eq!(object["metadata"]["namespace"], "db");
    assert_eq!(object["actions"]["backup"]["phases"][0]["name"], "pgDump");
}
