//! `kubectl backup blueprint …` end to end: the built binary against files (validate needs no
//! cluster) and against the test bed's fake API server.

use std::process::{Command, Output};

use common::BIN;
use common::cli::text;
use common::files::data;

mod common;

fn kubectl_backup(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("KUBECONFIG")
        .env("HOME", std::env::temp_dir())
        .output()
        .unwrap()
}

fn public_blueprints() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(data("blueprint/public"))
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

/// Kanister's own example Blueprints (its last `examples/` tree, `tests/data/
/// blueprints_kanister_examples`): Kanister runs every one of them, so validation may warn but
/// never report an error.
#[test]
fn kanister_examples_validate_without_errors() {
    let dir = data("blueprints_kanister_examples");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert!(files.len() >= 49, "only {} example blueprints", files.len());
    let mut args = vec!["blueprint", "validate"];
    for f in &files {
        args.push("-f");
        args.push(f);
    }
    let out = kubectl_backup(&args);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(!stdout.contains(": error:"), "{stdout}");
}

fn validate_snippet(yaml: &str) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bp.yaml");
    std::fs::write(&file, yaml).unwrap();
    let out = kubectl_backup(&["blueprint", "validate", "-f", &file.display().to_string()]);
    (out.status.success(), text(&out.stdout))
}

const SNIPPET_HEADER: &str = "apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata:\n  name: bp\n  namespace: kanister\nactions:\n";

/// What issue 17 found refused although Kanister runs it: each is valid, some with a warning.
#[test]
fn what_kanister_runs_is_not_an_error() {
    let cases = [
        // GetYamlList arguments given as a templated string, and the RDS credentials arguments.
        (
            "  restore:\n    phases:\n    - func: RestoreRDSSnapshot\n      name: restore\n      args:\n        instanceID: db\n        securityGroupID: \"{{ toJson .ArtifactsIn.snap.KeyValue.sg }}\"\n        credentialsSource: secret\n        credentialsSecret: aws\n",
            None,
        ),
        (
            "  backup:\n    phases:\n    - func: ExportRDSSnapshotToLocation\n      name: export\n      args:\n        namespace: ns\n        instanceID: db\n        snapshotID: s\n        dbEngine: PostgreSQL\n        databases: \"- a\\n- b\"\n        securityGroupID: \"{{ toJson (list \\\"sg-1\\\") }}\"\n",
            None,
        ),
        // A deferPhase without a name: Kanister rejects only duplicate names.
        (
            "  backup:\n    phases:\n    - func: KubeTask\n      name: a\n      args: {image: x, command: [x]}\n    deferPhase:\n      func: KubeTask\n      args: {image: x, command: [x]}\n",
            Some("has no name"),
        ),
        // The deprecated Wait's unquoted `{$.jsonpath}` (substituted before parsing).
        (
            "  backup:\n    phases:\n    - func: Wait\n      name: w\n      args:\n        timeout: 1m\n        conditions:\n          anyOf:\n          - condition: '{{ if (eq {$.spec.replicas} { $.status.availableReplicas } )}}true{{ else }}false{{ end }}'\n            objectReference: {apiVersion: v1, group: apps, resource: deployments, name: d, namespace: ns}\n",
            None,
        ),
        // A field the CRD prunes: Kanister runs the rest.
        (
            "  backup:\n    phases:\n    - func: KubeTask\n      name: a\n      timeout: 5m\n      args: {image: x, command: [x]}\n",
            Some("unknown field \"timeout\""),
        ),
    ];
    for (actions, warning) in cases {
        let (ok, stdout) = validate_snippet(&format!("{SNIPPET_HEADER}{actions}"));
        assert!(ok && !stdout.contains(": error:"), "{actions}\n{stdout}");
        if let Some(w) = warning {
            assert!(
                stdout.contains(": warning:") && stdout.contains(w),
                "{actions}\n{stdout}"
            );
        }
    }
    // The same arguments stay errors where Kanister refuses them too.
    let (ok, stdout) = validate_snippet(&format!(
        "{SNIPPET_HEADER}  backup:\n    phases:\n    - func: CreateRDSSnapshot\n      name: s\n      args:\n        instanceID: db\n        credentialSource: secret\n    - func: ExportRDSSnapshotToLocation\n      name: e\n      args: {{namespace: ns, instanceID: db, snapshotID: s, dbEngine: x, databases: 'not: a list'}}\n"
    ));
    assert!(!ok, "{stdout}");
    assert!(
        stdout.contains(
            "does not accept argument \"credentialSource\" (did you mean \"credentialsSource\"?)"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("\"databases\" must be a list"), "{stdout}");
}

/// The validation registry against Kanister's own argument lists
/// (`tests/data/blueprints_kanister_functions.json`, extracted from Kanister's `pkg/function` by
/// `scripts/kanister-functions/extract.py`): a function or argument added, removed or made
/// required upstream fails this test until the registry follows.
#[test]
fn function_registry_matches_kanister() {
    use kubectl_backup::blueprint::functions::{ArgKind, FUNCTIONS, lookup};
    let path = data("blueprints_kanister_functions.json");
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let upstream = data["functions"].as_object().unwrap();
    let names = |v: &serde_json::Value| -> std::collections::BTreeSet<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    };
    let mut problems = Vec::new();
    for (name, spec) in upstream {
        let Some(ours) = lookup(name) else {
            problems.push(format!("{name}: in Kanister, not in the registry"));
            continue;
        };
        let accepted: std::collections::BTreeSet<String> =
            ours.arg_names().iter().map(|a| a.to_string()).collect();
        let required: std::collections::BTreeSet<String> =
            ours.required_args().map(|a| a.name.to_string()).collect();
        if accepted != names(&spec["arguments"]) {
            problems.push(format!(
                "{name}: accepts {accepted:?}, Kanister {:?}",
                names(&spec["arguments"])
            ));
        }
        if required != names(&spec["required"]) {
            problems.push(format!(
                "{name}: requires {required:?}, Kanister {:?}",
                names(&spec["required"])
            ));
        }
        for arg in names(&spec["yaml_list"]) {
            if ours.arg(&arg).map(|a| a.kind) != Some(ArgKind::YamlList) {
                problems.push(format!(
                    "{name}: {arg} is read with GetYamlList, so it is a YamlList"
                ));
            }
        }
    }
    for f in FUNCTIONS {
        if !upstream.contains_key(f.name) {
            problems.push(format!("{}: in the registry, not in Kanister", f.name));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_mistake_is_reported_with_its_position() {
    let file = data("blueprint/invalid/mistakes.yaml")
        .display()
        .to_string();
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
    let file = data("blueprint/invalid/mistakes.yaml")
        .display()
        .to_string();
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
    let file = data("blueprint/invalid/mistakes.yaml")
        .display()
        .to_string();
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
    let file = data("blueprint/public/postgresql-blueprint.yaml")
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

mod cluster {
    use super::*;
    use kubectl_backup_testbed::FakeApiServer;
    use serde_json::{Value, json};

    fn run(srv: &FakeApiServer, args: &[&str]) -> (i32, String, String) {
        let out = srv.command(BIN).args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            text(&out.stdout),
            text(&out.stderr),
        )
    }

    fn crd(plural: &str, kind: &str) -> Value {
        json!({
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": {"name": format!("{plural}.cr.kanister.io")},
            "spec": {
                "group": "cr.kanister.io",
                "scope": "Namespaced",
                "names": {"kind": kind, "plural": plural, "singular": kind.to_lowercase(),
                          "listKind": format!("{kind}List")},
                "versions": [{"name": "v1alpha1", "served": true, "storage": true,
                    "schema": {"openAPIV3Schema": {"type": "object",
                        "x-kubernetes-preserve-unknown-fields": true}}}]
            }
        })
    }

    #[test]
    fn without_kanister_blueprints_live_in_configmaps() {
        let srv = FakeApiServer::start_blocking();
        let file = data("blueprint/public/postgresql-blueprint.yaml")
            .display()
            .to_string();

        let (code, stdout, stderr) = run(&srv, &["blueprint", "apply", "-f", &file]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(
            stdout,
            "blueprint/postgres-bp created (kept in ConfigMap default/blueprint.postgres-bp: the Kanister CRDs are not installed)\n"
        );
        let cm = srv
            .store()
            .get("v1", "ConfigMap", Some("default"), "blueprint.postgres-bp")
            .expect("the ConfigMap");
        assert_eq!(
            cm["metadata"]["labels"]["kubectl-backup.io/kind"],
            "Blueprint"
        );
        assert_eq!(
            cm["metadata"]["labels"]["app.kubernetes.io/managed-by"],
            "kubectl-backup"
        );
        assert_eq!(
            cm["metadata"]["annotations"]["kubectl-backup.io/blueprint-name"],
            "postgres-bp"
        );
        assert!(
            cm["data"]["blueprint.yaml"]
                .as_str()
                .unwrap()
                .contains("pgDump")
        );

        let (code, stdout, _) = run(&srv, &["blueprint", "apply", "-f", &file]);
        assert_eq!(
            (code, stdout.as_str()),
            (0, "blueprint/postgres-bp unchanged\n")
        );

        let changed = srv.temp_dir().join("changed.yaml");
        let original = std::fs::read_to_string(&file).unwrap();
        std::fs::write(
            &changed,
            original.replace(
                "postgres-kanister-tools:0.117.0",
                "postgres-kanister-tools:0.119.0",
            ),
        )
        .unwrap();
        let (code, stdout, stderr) = run(
            &srv,
            &["blueprint", "apply", "-f", changed.to_str().unwrap()],
        );
        assert_eq!(code, 0, "{stderr}");
        assert!(
            stdout.starts_with("blueprint/postgres-bp configured"),
            "{stdout}"
        );

        let (code, stdout, _) = run(&srv, &["blueprint", "list"]);
        assert_eq!(code, 0);
        let lines: Vec<&str> = stdout.lines().collect();
        assert!(lines[0].starts_with("NAME "), "{stdout}");
        assert!(
            lines[1].starts_with("postgres-bp ") && lines[1].contains("ConfigMap"),
            "{stdout}"
        );

        let (code, stdout, _) = run(&srv, &["blueprint", "get", "postgres-bp", "-o", "json"]);
        assert_eq!(code, 0);
        let bp: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(bp["metadata"]["name"], "postgres-bp");
        assert!(
            bp["actions"]["backup"]["phases"][0]["args"]["image"]
                .as_str()
                .unwrap()
                .ends_with("0.119.0")
        );

        let (code, _, stderr) = run(&srv, &["blueprint", "validate", "postgres-bp"]);
        assert_eq!(code, 0, "{stderr}");
        assert!(stderr.contains("blueprint/postgres-bp: valid"), "{stderr}");

        let (code, stdout, _) = run(&srv, &["blueprint", "delete", "postgres-bp"]);
        assert_eq!(
            (code, stdout.as_str()),
            (0, "blueprint/postgres-bp deleted\n")
        );
        assert!(
            srv.store()
                .get("v1", "ConfigMap", Some("default"), "blueprint.postgres-bp")
                .is_none()
        );
        let (code, _, stderr) = run(&srv, &["blueprint", "get", "postgres-bp"]);
        assert_eq!(code, 1);
        assert!(
            stderr.contains("blueprint \"postgres-bp\" not found in namespace \"default\""),
            "{stderr}"
        );
    }

    #[test]
    fn with_kanister_blueprints_are_custom_resources() {
        let srv = FakeApiServer::start_blocking();
        srv.install_crd(crd("blueprints", "Blueprint")).unwrap();
        srv.store().create_namespace("kanister");
        let file = data("blueprint/public/mysql-blueprint.yaml")
            .display()
            .to_string();
        let (code, stdout, stderr) =
            run(&srv, &["blueprint", "apply", "-f", &file, "-n", "kanister"]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(stdout, "blueprint.cr.kanister.io/mysql-blueprint created\n");
        let stored = srv
            .store()
            .get(
                "cr.kanister.io/v1alpha1",
                "Blueprint",
                Some("kanister"),
                "mysql-blueprint",
            )
            .expect("the Blueprint resource");
        assert_eq!(stored["actions"]["backup"]["phases"][0]["func"], "KubeTask");

        let (code, stdout, _) = run(&srv, &["blueprint", "list", "-A", "-o", "name"]);
        assert_eq!(
            (code, stdout.as_str()),
            (0, "blueprint.cr.kanister.io/mysql-blueprint\n")
        );
        let (code, stdout, _) = run(
            &srv,
            &["blueprint", "delete", "mysql-blueprint", "-n", "kanister"],
        );
        assert_eq!(
            (code, stdout.as_str()),
            (0, "blueprint.cr.kanister.io/mysql-blueprint deleted\n")
        );
    }

    #[test]
    fn an_invalid_blueprint_changes_nothing() {
        let srv = FakeApiServer::start_blocking();
        let file = data("blueprint/invalid/mistakes.yaml")
            .display()
            .to_string();
        let (code, stdout, stderr) = run(&srv, &["blueprint", "apply", "-f", &file]);
        assert_eq!(code, 1);
        assert!(stdout.is_empty());
        assert!(stderr.contains("nothing was applied"), "{stderr}");
        assert!(
            srv.requests().iter().all(|r| r.method == "GET"),
            "no writes"
        );
        assert!(
            srv.store()
                .list("v1", "ConfigMap", Some("default"))
                .iter()
                .all(|c| c["metadata"]["name"] != "blueprint.broken")
        );
    }

    fn seed_postgres(srv: &FakeApiServer) {
        srv.install_crd(crd("profiles", "Profile")).unwrap();
        let store = srv.store();
        store.create_namespace("db");
        store.create_namespace("kanister");
        store
            .create(json!({"apiVersion": "apps/v1", "kind": "StatefulSet",
                "metadata": {"name": "db-postgresql", "namespace": "db",
                             "labels": {"app.kubernetes.io/instance": "db"}},
                "spec": {"replicas": 1, "serviceName": "db",
                         "selector": {"matchLabels": {"app": "pg"}},
                         "template": {"metadata": {"labels": {"app": "pg"}},
                                      "spec": {"containers": [{"name": "postgres", "image": "postgres",
                                                               "command": ["sleep", "30"]}]}}}}))
            .unwrap();
        store
            .create(json!({"apiVersion": "v1", "kind": "Secret",
                "metadata": {"name": "db-postgresql", "namespace": "db"},
                "data": {"postgres-password": "aHVudGVyMg=="}}))
            .unwrap();
        store
            .create(json!({"apiVersion": "v1", "kind": "Secret",
                "metadata": {"name": "s3-creds", "namespace": "kanister"},
                "data": {"aws_access_key_id": "QUtJQUVYQU1QTEU=", "aws_secret_access_key": "c3VwM3Itc2VjcmV0"}}))
            .unwrap();
        store
            .create(
                json!({"apiVersion": "cr.kanister.io/v1alpha1", "kind": "Profile",
                "metadata": {"name": "s3", "namespace": "kanister"},
                "location": {"type": "s3Compliant", "bucket": "backups", "region": "us-east-1",
                             "endpoint": "http://minio:9000"},
                "credential": {"type": "keyPair", "keyPair": {"idField": "aws_access_key_id",
                    "secretField": "aws_secret_access_key",
                    "secret": {"kind": "Secret", "name": "s3-creds", "namespace": "kanister"}}},
                "skipSSLVerify": false}),
            )
            .unwrap();
    }

    #[test]
    fn render_reads_the_cluster_and_redacts_secrets() {
        let srv = FakeApiServer::start_blocking();
        seed_postgres(&srv);
        let file = data("blueprint/public/postgresql-blueprint.yaml")
            .display()
            .to_string();
        let base = [
            "blueprint",
            "render",
            "-f",
            &file,
            "--action",
            "backup",
            "--statefulset",
            "db/db-postgresql",
            "--profile",
            "kanister/s3",
            "--time",
            "2026-01-02T03:04:05Z",
        ];
        let (code, stdout, stderr) = run(&srv, &base);
        assert_eq!(code, 0, "{stderr}");
        assert!(stdout.contains("phase 1/1: pgDump (KubeTask)"), "{stdout}");
        assert!(
            stdout.contains("pgSecret: secret db/db-postgresql"),
            "{stdout}"
        );
        assert!(stdout.contains("namespace: db"), "{stdout}");
        assert!(
            stdout.contains("export PGPASSWORD='<redacted>'"),
            "{stdout}"
        );
        // Go's json.Marshal escapes < and > (as Kanister's toJson does).
        assert!(
            stdout.contains(
                r#""KeyPair":{"ID":"\u003credacted\u003e","Secret":"\u003credacted\u003e"}"#
            ),
            "{stdout}"
        );
        assert!(
            stdout.contains("pg_backups/db/db-postgresql/2026-01-02T03:04:05Z/backup.sql.gz"),
            "{stdout}"
        );
        assert!(
            stdout.contains("backupLocation: <.Phases.pgDump.Output.backupLocation>"),
            "{stdout}"
        );
        assert!(
            !stdout.contains("hunter2")
                && !stdout.contains("sup3r-secret")
                && !stdout.contains("AKIAEXAMPLE")
        );

        let mut shown = base.to_vec();
        shown.push("--show-secrets");
        let (code, stdout, stderr) = run(&srv, &shown);
        assert_eq!(code, 0, "{stderr}");
        assert!(stdout.contains("export PGPASSWORD='hunter2'"), "{stdout}");
        assert!(stdout.contains("AKIAEXAMPLE"), "{stdout}");
    }

    #[test]
    fn render_errors_point_at_the_template() {
        let srv = FakeApiServer::start_blocking();
        seed_postgres(&srv);
        let file = data("blueprint/public/postgresql-blueprint.yaml")
            .display()
            .to_string();
        let restore = [
            "blueprint",
            "render",
            "-f",
            &file,
            "--action",
            "restore",
            "--statefulset",
            "db/db-postgresql",
            "--profile",
            "kanister/s3",
        ];
        let (code, _, stderr) = run(&srv, &restore);
        assert_eq!(code, 1);
        assert!(
            stderr.contains(&format!(
                "{file}:63:42: error: phase \"pgRestore\": args.command[6]:"
            )),
            "{stderr}"
        );
        assert!(stderr.contains("cloudObject"), "{stderr}");

        let mut with_artifact = restore.to_vec();
        with_artifact.extend([
            "--artifacts",
            "cloudObject.backupLocation=pg_backups/x/backup.sql.gz",
        ]);
        let (code, stdout, stderr) = run(&srv, &with_artifact);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            stdout.contains("BACKUP_LOCATION=pg_backups/x/backup.sql.gz"),
            "{stdout}"
        );

        let (code, _, stderr) = run(
            &srv,
            &[
                "blueprint",
                "render",
                "-f",
                &file,
                "--action",
                "backup",
                "--statefulset",
                "db/missing",
            ],
        );
        assert_eq!(code, 1);
        assert!(
            stderr.contains("statefulset db/missing not found"),
            "{stderr}"
        );
    }
}

/// A `|` block scalar that ends the file without a line break has none in its value, as Go's
/// YAML parser (so Kanister) reads it; with the line break it keeps one.
#[test]
fn block_scalar_at_end_of_file_keeps_no_line_break() {
    let body = format!(
        "{SNIPPET_HEADER}  backup:\n    phases:\n    - func: KubeTask\n      name: a\n      args:\n        image: x\n        command:\n        - sh\n        - |\n          echo hi"
    );
    for (text, want) in [
        (body.clone(), "echo hi"),
        (format!("{body}\n"), "echo hi\n"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bp.yaml");
        std::fs::write(&file, &text).unwrap();
        let out = kubectl_backup(&[
            "blueprint",
            "apply",
            "-f",
            &file.display().to_string(),
            "--dry-run",
            "-o",
            "json",
        ]);
        assert!(out.status.success(), "{}", text_of(&out));
        let object: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            object["actions"]["backup"]["phases"][0]["args"]["command"][1],
            want,
            "{}",
            text_of(&out)
        );
    }
}

fn text_of(out: &Output) -> String {
    format!("{}{}", text(&out.stdout), text(&out.stderr))
}
