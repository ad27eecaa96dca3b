//! Profiles and `location push/pull/delete` through the built binary, against the fake API
//! server (with and without Kanister's Profile CRD, with Velero's BSL CRD) and s3s-fs.

use std::process::{Command, Stdio};

use kubectl_backup_testbed::FakeApiServer;
use kubectl_backup_testbed::s3::S3Server;
use serde_json::{Value, json};

use common::BIN;
use common::cli::{ok, run_off_runtime, send_signal, text};
use common::files::data;
use common::kanister::s3_profile_args;

mod common;

const RANDOM_ALPHABET: &str = "bcdfghjklmnpqrstvwxz2456789";

fn crd(path: &str) -> Value {
    let text = std::fs::read_to_string(data(path)).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

fn with_profile_crd(srv: &FakeApiServer) {
    srv.install_crd(crd("blueprint/crds/profile.yaml")).unwrap();
}

fn cmd(srv: &FakeApiServer, args: &[&str]) -> Command {
    let mut c = srv.command(BIN);
    c.args(args).arg("--no-progress");
    c
}

/// `profile create s3compliant` against `s3`, credentials from flags.
fn create_s3(srv: &FakeApiServer, s3: &S3Server, extra: &[&str]) -> Command {
    let mut c = cmd(srv, &s3_profile_args(&s3.endpoint));
    c.args(extra);
    c
}

fn secrets(srv: &FakeApiServer, ns: &str) -> Vec<Value> {
    srv.store().list("v1", "Secret", Some(ns))
}

fn profiles(srv: &FakeApiServer, ns: &str) -> Vec<Value> {
    srv.store()
        .list("cr.kanister.io/v1alpha1", "Profile", Some(ns))
}

fn name_of(obj: &Value) -> String {
    obj["metadata"]["name"].as_str().unwrap().to_string()
}

/// Every field of `value` exists in the CRD's schema with the right type.
fn check_schema(value: &Value, schema: &Value, path: &str, errors: &mut Vec<String>) {
    let ty = schema.get("type").and_then(Value::as_str);
    match value {
        Value::Object(map) => {
            if ty.is_some_and(|t| t != "object") {
                errors.push(format!("{path}: object where the schema says {ty:?}"));
            }
            let preserve = schema
                .get("x-kubernetes-preserve-unknown-fields")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let props = schema.get("properties").and_then(Value::as_object);
            for (k, v) in map {
                if path.is_empty() && k == "metadata" {
                    continue;
                }
                match props.and_then(|p| p.get(k)) {
                    Some(s) => check_schema(v, s, &format!("{path}.{k}"), errors),
                    None if preserve => {}
                    None => errors.push(format!("{path}.{k}: not in the schema")),
                }
            }
        }
        Value::String(_) if ty != Some("string") => {
            errors.push(format!("{path}: string vs {ty:?}"))
        }
        Value::Bool(_) if ty != Some("boolean") => errors.push(format!("{path}: bool vs {ty:?}")),
        _ => {}
    }
}

fn profile_schema() -> Value {
    crd("blueprint/crds/profile.yaml")["spec"]["versions"][0]["schema"]["openAPIV3Schema"].clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_with_the_crd_is_what_kanctl_creates() {
    let srv = FakeApiServer::start().await;
    with_profile_crd(&srv);
    let s3 = S3Server::start().await.unwrap();
    let out = run_off_runtime(create_s3(
        &srv,
        &s3,
        &[
            "--prefix",
            "team-a",
            "--access-key",
            &s3.access_key,
            "--secret-key",
            &s3.secret_key,
        ],
    ))
    .await;
    let stdout = ok(&out);

    let all_secrets = secrets(&srv, "default");
    let created: Vec<&Value> = all_secrets
        .iter()
        .filter(|s| name_of(s).starts_with("s3-secret-"))
        .collect();
    assert_eq!(created.len(), 1, "{all_secrets:#?}");
    let secret_name = name_of(created[0]);
    let suffix = secret_name.trim_start_matches("s3-secret-");
    assert_eq!(suffix.len(), 6);
    assert!(
        suffix.chars().all(|c| RANDOM_ALPHABET.contains(c)),
        "{secret_name}"
    );
    assert!(
        stdout.contains(&format!("secret/{secret_name} created")),
        "{stdout}"
    );
    let decode = |k: &str| {
        use base64::Engine;
        let b = created[0]["data"][k].as_str().unwrap();
        String::from_utf8(base64::engine::general_purpose::STANDARD.decode(b).unwrap()).unwrap()
    };
    assert_eq!(decode("aws_access_key_id"), s3.access_key);
    assert_eq!(decode("aws_secret_access_key"), s3.secret_key);
    assert!(created[0]["type"].as_str().is_none_or(|t| t == "Opaque"));

    let stored = profiles(&srv, "default");
    assert_eq!(stored.len(), 1);
    let p = &stored[0];
    let name = name_of(p);
    assert!(name.starts_with("s3-profile-"), "{name}");
    assert_eq!(p["metadata"]["generateName"], "s3-profile-");
    assert!(
        stdout.contains(&format!("profile.cr.kanister.io/{name} created")),
        "{stdout}"
    );
    // Field for field what kanctl sends (Go: no omitempty on Location and most ObjectReference fields).
    let mut payload = p.clone();
    payload.as_object_mut().unwrap().remove("metadata");
    assert_eq!(
        payload,
        json!({
            "apiVersion": "cr.kanister.io/v1alpha1",
            "kind": "Profile",
            "location": {"type": "s3Compliant", "bucket": "bucket", "endpoint": s3.endpoint,
                         "prefix": "team-a", "region": "us-east-1"},
            "credential": {"type": "keyPair", "keyPair": {
                "idField": "aws_access_key_id", "secretField": "aws_secret_access_key",
                "secret": {"apiVersion": "", "group": "", "resource": "", "kind": "",
                           "name": secret_name, "namespace": "default"}}},
            "skipSSLVerify": false,
        })
    );
    let mut errors = Vec::new();
    check_schema(p, &profile_schema(), "", &mut errors);
    assert!(errors.is_empty(), "{errors:#?}");

    // -o json / yaml / describe show references, never the secret.
    for args in [
        vec!["profile", "get", name.as_str(), "-o", "json"],
        vec!["profile", "get", name.as_str(), "-o", "yaml"],
        vec!["profile", "list", "-o", "json"],
        vec!["profile", "list", "-o", "wide"],
        vec!["profile", "describe", name.as_str()],
    ] {
        let out = run_off_runtime(cmd(&srv, &args)).await;
        let shown = ok(&out);
        assert!(!shown.contains(&s3.secret_key), "{args:?} leaked: {shown}");
        assert!(!text(&out.stderr).contains(&s3.secret_key));
        assert!(
            shown.contains(&name) || shown.contains("s3Compliant"),
            "{args:?}: {shown}"
        );
    }
    let out = run_off_runtime(cmd(&srv, &["profile", "get", &name, "-o", "json"])).await;
    let shown: Value = serde_json::from_str(&ok(&out)).unwrap();
    assert_eq!(shown["location"]["prefix"], "team-a");
    let out = run_off_runtime(cmd(&srv, &["profile", "describe", &name])).await;
    assert!(
        ok(&out).contains("Resolves:         yes"),
        "{}",
        text(&out.stdout)
    );

    // --name gives a readable name; delete removes the Profile and the Secret we created.
    let out = run_off_runtime(create_s3(
        &srv,
        &s3,
        &[
            "--name",
            "minio",
            "--access-key",
            &s3.access_key,
            "--secret-key",
            &s3.secret_key,
        ],
    ))
    .await;
    ok(&out);
    assert!(
        profiles(&srv, "default")
            .iter()
            .any(|p| name_of(p) == "minio")
    );
    let out = run_off_runtime(cmd(&srv, &["profile", "delete", "minio"])).await;
    let deleted = ok(&out);
    assert!(
        deleted.contains("profile.cr.kanister.io/minio deleted"),
        "{deleted}"
    );
    assert!(deleted.contains("secret/s3-secret-"), "{deleted}");
    assert!(
        !profiles(&srv, "default")
            .iter()
            .any(|p| name_of(p) == "minio")
    );
    assert_eq!(
        secrets(&srv, "default")
            .iter()
            .filter(|s| name_of(s).starts_with("s3-secret-"))
            .count(),
        1
    );
    let out = run_off_runtime(cmd(&srv, &["profile", "delete", "minio"])).await;
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("profile default/minio not found"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_crd_profiles_live_in_labelled_secrets() {
    let srv = FakeApiServer::start().await;
    let s3 = S3Server::start().await.unwrap();
    let mut c = create_s3(&srv, &s3, &["--name", "minio"]);
    c.env("AWS_ACCESS_KEY_ID", &s3.access_key)
        .env("AWS_SECRET_ACCESS_KEY", &s3.secret_key);
    let stdout = ok(&run_off_runtime(c).await);
    assert!(stdout.contains("labelled Secret"), "{stdout}");
    let all_secrets = secrets(&srv, "default");
    let holder = all_secrets
        .iter()
        .find(|s| name_of(s) == "minio")
        .expect("profile Secret");
    assert_eq!(holder["type"], "kubectl-backup.io/profile");
    assert_eq!(
        holder["metadata"]["labels"]["kubectl-backup.io/kind"],
        "Profile"
    );
    assert_eq!(
        holder["metadata"]["labels"]["app.kubernetes.io/managed-by"],
        "kubectl-backup"
    );
    use base64::Engine;
    let yaml = base64::engine::general_purpose::STANDARD
        .decode(holder["data"]["profile.yaml"].as_str().unwrap())
        .unwrap();
    let inner: Value = serde_saphyr::from_str(std::str::from_utf8(&yaml).unwrap()).unwrap();
    assert_eq!(inner["kind"], "Profile");
    assert_eq!(inner["location"]["type"], "s3Compliant");
    assert_eq!(
        inner["credential"]["keyPair"]["idField"],
        "aws_access_key_id"
    );
    assert!(!String::from_utf8_lossy(&yaml).contains(&s3.secret_key));

    let out = run_off_runtime(cmd(&srv, &["profile", "list"])).await;
    let table = ok(&out);
    assert!(
        table.contains("minio") && table.contains("Secret"),
        "{table}"
    );
    let out = run_off_runtime(cmd(&srv, &["profile", "get", "minio", "-o", "json"])).await;
    let json = ok(&out);
    assert!(!json.contains(&s3.secret_key));
    let out = run_off_runtime(cmd(&srv, &["profile", "validate", "minio"])).await;
    let lines = ok(&out);
    for check in [
        "credentials resolve",
        "endpoint reachable",
        "credentials accepted",
        "bucket exists",
        "probe written",
        "probe read back",
        "probe deleted",
    ] {
        assert!(lines.contains(&format!("ok    {check}")), "{lines}");
    }
    assert!(!lines.contains(&s3.secret_key));
    // The probe left nothing behind.
    assert_eq!(
        std::fs::read_dir(s3.root().join("bucket")).unwrap().count(),
        0
    );

    // Push and pull through the Secret-kept profile.
    push_bytes(&srv, ["--profile", "minio"], "x/y", b"hello profile").await;
    assert_eq!(
        std::fs::read(s3.object_path("bucket", "x/y")).unwrap(),
        b"hello profile"
    );

    let out = run_off_runtime(cmd(&srv, &["profile", "delete", "minio"])).await;
    ok(&out);
    assert!(secrets_named(&srv, "minio").is_empty());
    assert!(
        !secrets(&srv, "default")
            .iter()
            .any(|s| name_of(s).starts_with("s3-secret-"))
    );
}

fn profile_named(srv: &FakeApiServer, name: &str) -> Value {
    profiles(srv, "default")
        .into_iter()
        .find(|p| name_of(p) == name)
        .unwrap()
}

/// `location push` of a file holding `bytes` to `path` through `source` (`--profile P` or
/// `--location L`); it must succeed.
async fn push_bytes(srv: &FakeApiServer, source: [&str; 2], path: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in.bin");
    std::fs::write(&file, bytes).unwrap();
    let mut args = vec!["location", "push"];
    args.extend(source);
    args.extend(["--path", path, file.to_str().unwrap()]);
    ok(&run_off_runtime(cmd(srv, &args)).await);
}

fn secrets_named(srv: &FakeApiServer, name: &str) -> Vec<Value> {
    secrets(srv, "default")
        .into_iter()
        .filter(|s| name_of(s) == name)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credentials_from_an_existing_secret() {
    let srv = FakeApiServer::start().await;
    with_profile_crd(&srv);
    let s3 = S3Server::start().await.unwrap();
    srv.store()
        .create(json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "minio-creds", "namespace": "default"},
            "stringData": {"aws_access_key_id": s3.access_key, "aws_secret_access_key": s3.secret_key}}))
        .unwrap();
    let out = run_off_runtime(create_s3(
        &srv,
        &s3,
        &["--name", "p1", "--secret", "default/minio-creds"],
    ))
    .await;
    let stdout = ok(&out);
    assert!(!stdout.contains("secret/"), "no new Secret: {stdout}");
    assert!(
        !secrets(&srv, "default")
            .iter()
            .any(|s| name_of(s).starts_with("s3-secret-"))
    );
    let p = profile_named(&srv, "p1");
    assert_eq!(p["credential"]["keyPair"]["secret"]["name"], "minio-creds");

    // A Secret without the keys is refused and nothing is created.
    srv.store()
        .create(json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "wrong-keys", "namespace": "default"},
            "stringData": {"user": "x", "password": "y"}}))
        .unwrap();
    let out = run_off_runtime(create_s3(
        &srv,
        &s3,
        &["--name", "p2", "--secret", "wrong-keys"],
    ))
    .await;
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("has no key \"aws_access_key_id\""), "{err}");
    assert!(!profiles(&srv, "default").iter().any(|p| name_of(p) == "p2"));

    // A typed Kanister Secret becomes credential type `secret`, and works for data.
    srv.store()
        .create(json!({"apiVersion": "v1", "kind": "Secret", "type": "secrets.kanister.io/aws",
            "metadata": {"name": "typed", "namespace": "default"},
            "stringData": {"aws_access_key_id": s3.access_key, "aws_secret_access_key": s3.secret_key}}))
        .unwrap();
    ok(&run_off_runtime(create_s3(&srv, &s3, &["--name", "p3", "--secret", "typed"])).await);
    let p3 = profile_named(&srv, "p3");
    assert_eq!(p3["credential"]["type"], "secret");
    assert_eq!(p3["credential"]["secret"]["name"], "typed");
    assert!(p3["credential"].get("keyPair").is_none());
    push_bytes(&srv, ["--profile", "p3"], "t", b"typed").await;
    assert_eq!(
        std::fs::read(s3.object_path("bucket", "t")).unwrap(),
        b"typed"
    );

    // The profile is not deleted with the user's own Secret.
    let out = run_off_runtime(cmd(&srv, &["profile", "delete", "p1"])).await;
    assert!(!ok(&out).contains("secret/"));
    assert_eq!(secrets_named(&srv, "minio-creds").len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_credentials_without_a_terminal_is_a_clear_error() {
    let srv = FakeApiServer::start().await;
    let s3 = S3Server::start().await.unwrap();
    let out = run_off_runtime(create_s3(&srv, &s3, &[])).await;
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("--access-key") && err.contains("AWS_ACCESS_KEY_ID"),
        "{err}"
    );
    assert!(
        secrets(&srv, "default")
            .iter()
            .all(|s| !name_of(s).starts_with("s3-"))
    );
}

/// The hidden prompt, through a pseudo-terminal made by `script(1)`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hidden_prompt_never_echoes_the_secret() {
    if Command::new("script").arg("--version").output().is_err() {
        kubectl_backup_testbed::skip::skipped(
            "hidden_prompt_never_echoes_the_secret",
            "script(1) (util-linux) is not installed",
        );
        return;
    }
    let srv = FakeApiServer::start().await;
    let s3 = S3Server::start().await.unwrap();
    let inner = format!(
        "{BIN} profile create s3compliant --bucket bucket --region us-east-1 --endpoint {} --name prompted",
        s3.endpoint
    );
    let mut c = srv.command("script");
    c.args(["-qefc", &inner, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let (ak, sk) = (s3.access_key.clone(), s3.secret_key.clone());
    let (out, seen) = tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        use std::sync::{Arc, Mutex};
        let mut child = c.spawn().unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let seen = Arc::new(Mutex::new(String::new()));
        let sink = seen.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        // Type only once each prompt is shown (and has switched echo off): type-ahead would be
        // echoed by the terminal before the program could hide it.
        let wait_for = |prompt: &str| {
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
            while !seen.lock().unwrap().contains(prompt) {
                assert!(
                    std::time::Instant::now() < deadline,
                    "no prompt {prompt:?}: {}",
                    seen.lock().unwrap()
                );
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            std::thread::sleep(std::time::Duration::from_millis(300));
        };
        wait_for("access key ID");
        stdin.write_all(format!("{ak}\r").as_bytes()).unwrap();
        wait_for("secret access key");
        stdin.write_all(format!("{sk}\r").as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        drop(stdin);
        reader.join().unwrap();
        let seen = seen.lock().unwrap().clone();
        (out, seen)
    })
    .await
    .unwrap();
    let transcript = format!("{seen}{}", text(&out.stderr));
    assert!(transcript.contains("secret access key"), "{transcript}");
    assert!(!transcript.contains(&s3.secret_key), "echoed: {transcript}");
    assert!(out.status.success(), "{transcript}");
    assert_eq!(secrets_named(&srv, "prompted").len(), 1, "{transcript}");
    // What was typed is what got stored.
    let stored = secrets(&srv, "default")
        .into_iter()
        .find(|s| name_of(s).starts_with("s3-secret-"))
        .expect("credential Secret");
    use base64::Engine;
    let typed = base64::engine::general_purpose::STANDARD
        .decode(stored["data"]["aws_secret_access_key"].as_str().unwrap())
        .unwrap();
    assert_eq!(typed, s3.secret_key.as_bytes());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn validate_names_the_failing_check() {
    let srv = FakeApiServer::start().await;
    with_profile_crd(&srv);
    let s3 = S3Server::start().await.unwrap();
    let create = |name: &str, endpoint: &str, bucket: &str, secret: &str| {
        let mut c = cmd(
            &srv,
            &[
                "profile",
                "create",
                "s3compliant",
                "--bucket",
                bucket,
                "--region",
                "us-east-1",
                "--endpoint",
                endpoint,
                "--name",
                name,
                "--access-key",
                &s3.access_key,
                "--secret-key",
                secret,
                "--skip-validation",
            ],
        );
        c.stdin(Stdio::null());
        c
    };
    ok(&run_off_runtime(create(
        "wrong-secret",
        &s3.endpoint,
        "bucket",
        "not-the-secret",
    ))
    .await);
    ok(&run_off_runtime(create(
        "no-bucket",
        &s3.endpoint,
        "missing-bucket",
        &s3.secret_key,
    ))
    .await);
    ok(&run_off_runtime(create(
        "unreachable",
        "http://127.0.0.1:1",
        "bucket",
        &s3.secret_key,
    ))
    .await);
    for (name, check, words) in [
        (
            "wrong-secret",
            "credentials accepted",
            "credentials rejected",
        ),
        ("no-bucket", "bucket exists", "does not exist"),
        ("unreachable", "endpoint reachable", "cannot reach"),
    ] {
        let out = run_off_runtime(cmd(&srv, &["profile", "validate", name])).await;
        assert!(!out.status.success(), "{name}");
        let stdout = text(&out.stdout);
        let stderr = text(&out.stderr);
        assert!(
            stdout.contains(&format!("FAIL  {check}")),
            "{name}: {stdout}"
        );
        let error_lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
        assert_eq!(error_lines.len(), 1, "{stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
        assert!(
            error_lines[0].contains(&format!("profile default/{name}"))
                && error_lines[0].contains(&format!("check \"{check}\" failed"))
                && error_lines[0].contains(words),
            "{name}: {stderr}"
        );
        assert!(!stdout.contains("not-the-secret") && !stderr.contains("not-the-secret"));
    }
    // A missing credential Secret fails the first check.
    srv.store()
        .delete(
            "v1",
            "Secret",
            Some("default"),
            &profile_secret(&srv, "no-bucket"),
        )
        .unwrap();
    let out = run_off_runtime(cmd(&srv, &["profile", "validate", "no-bucket"])).await;
    assert!(
        text(&out.stdout).contains("FAIL  credentials resolve"),
        "{}",
        text(&out.stdout)
    );

    // Creating with a failing check creates nothing.
    let before = secrets(&srv, "default").len();
    let mut c2 = cmd(
        &srv,
        &[
            "profile",
            "create",
            "s3compliant",
            "--bucket",
            "missing-bucket",
            "--region",
            "us-east-1",
            "--endpoint",
            &s3.endpoint,
            "--name",
            "never",
            "--access-key",
            &s3.access_key,
            "--secret-key",
            &s3.secret_key,
        ],
    );
    c2.stdin(Stdio::null());
    let out = run_off_runtime(c2).await;
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("check \"bucket exists\" failed") && err.contains("nothing was created"),
        "{err}"
    );
    assert_eq!(secrets(&srv, "default").len(), before);
    assert!(
        !profiles(&srv, "default")
            .iter()
            .any(|p| name_of(p) == "never")
    );
}

fn profile_secret(srv: &FakeApiServer, profile: &str) -> String {
    let p = profile_named(srv, profile);
    p["credential"]["keyPair"]["secret"]["name"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn s3_profile(srv: &FakeApiServer, s3: &S3Server, name: &str, prefix: &str) {
    let out = run_off_runtime(create_s3(
        srv,
        s3,
        &[
            "--name",
            name,
            "--prefix",
            prefix,
            "--access-key",
            &s3.access_key,
            "--secret-key",
            &s3.secret_key,
        ],
    ))
    .await;
    ok(&out);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn location_push_pull_delete_round_trip() {
    let srv = FakeApiServer::start().await;
    with_profile_crd(&srv);
    let s3 = S3Server::start().await.unwrap();
    s3_profile(&srv, &s3, "minio", "pre").await;
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("dump.bin");
    let body: Vec<u8> = (0..(9 * 1024 * 1024 + 17))
        .map(|i| (i * 31 % 251) as u8)
        .collect();
    std::fs::write(&source, &body).unwrap();
    let push = |path: &str| {
        cmd(
            &srv,
            &[
                "location",
                "push",
                "--profile",
                "default/minio",
                "--path",
                path,
                source.to_str().unwrap(),
            ],
        )
    };
    let out = run_off_runtime(push("app/a/b")).await;
    ok(&out);
    assert!(
        text(&out.stderr).contains("pre/app/a/b"),
        "{}",
        text(&out.stderr)
    );
    // kando's key rule: prefix + path.
    assert_eq!(
        std::fs::read(s3.object_path("bucket", "pre/app/a/b")).unwrap(),
        body
    );
    ok(&run_off_runtime(push("app/a/bc")).await);

    // Pull to a file and to stdout.
    let target = dir.path().join("out.bin");
    ok(&run_off_runtime(cmd(
        &srv,
        &[
            "location",
            "pull",
            "--profile",
            "minio",
            "--path",
            "app/a/b",
            target.to_str().unwrap(),
        ],
    ))
    .await);
    assert_eq!(std::fs::read(&target).unwrap(), body);
    let out = run_off_runtime(cmd(
        &srv,
        &[
            "location",
            "pull",
            "--profile",
            "minio",
            "--path",
            "/app/a/b",
            "-",
        ],
    ))
    .await;
    assert_eq!(out.stdout, body);
    let out = run_off_runtime(cmd(
        &srv,
        &[
            "location",
            "pull",
            "--profile",
            "minio",
            "--path",
            "app/missing",
            target.to_str().unwrap(),
        ],
    ))
    .await;
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no object"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&target).unwrap(),
        body,
        "a failed pull leaves the target alone"
    );

    // Path-safe delete (default): a/b and a/b/..., not a/bc. (s3s-fs keeps objects as files, so
    // `a/b` and `a/b/inner` cannot coexist there: each case is checked on its own.)
    let delete = |path: &str, kanister: bool| {
        let mut c = cmd(
            &srv,
            &["location", "delete", "--profile", "minio", "--path", path],
        );
        if kanister {
            c.arg("--prefix-match");
        }
        c
    };
    let out = run_off_runtime(delete("app/a/b", false)).await;
    assert!(
        ok(&out).contains("deleted 1 object under pre/app/a/b "),
        "{}",
        text(&out.stdout)
    );
    assert!(s3.object_path("bucket", "pre/app/a/bc").exists());
    assert!(!s3.object_path("bucket", "pre/app/a/b").exists());
    ok(&run_off_runtime(push("app/a/b/inner")).await);
    let out = run_off_runtime(delete("app/a/b", false)).await;
    assert!(
        ok(&out).contains("deleted 1 object"),
        "{}",
        text(&out.stdout)
    );
    assert!(!s3.object_path("bucket", "pre/app/a/b/inner").exists());
    assert!(s3.object_path("bucket", "pre/app/a/bc").exists());
    // Kanister prefix match: a/b also deletes a/bc.
    ok(&run_off_runtime(push("app/k/b")).await);
    ok(&run_off_runtime(push("app/k/bc")).await);
    let out = run_off_runtime(delete("app/k/b", true)).await;
    assert!(
        ok(&out).contains("deleted 2 objects"),
        "{}",
        text(&out.stdout)
    );
    assert!(!s3.object_path("bucket", "pre/app/k/bc").exists());
    assert!(!s3.object_path("bucket", "pre/app/k/b").exists());
    // Refused: an empty path and a path escaping the prefix.
    for path in ["/", "../other"] {
        let out = run_off_runtime(cmd(
            &srv,
            &["location", "delete", "--profile", "minio", "--path", path],
        ))
        .await;
        assert!(!out.status.success(), "{path}");
    }
}

/// Ctrl-C in the middle of a multipart push: nothing under the key, no parts left behind.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interrupted_push_leaves_no_object() {
    let srv = FakeApiServer::start().await;
    with_profile_crd(&srv);
    let s3 = S3Server::start().await.unwrap();
    s3_profile(&srv, &s3, "minio", "").await;
    for signal in ["INT", "KILL"] {
        let mut c = cmd(
            &srv,
            &[
                "location",
                "push",
                "--profile",
                "minio",
                "--path",
                "big/object",
                "-",
            ],
        );
        c.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let out = tokio::task::spawn_blocking(move || {
            use std::io::Write;
            let mut child = c.spawn().unwrap();
            let mut stdin = child.stdin.take().unwrap();
            // More than one 8 MiB part, then stall with the pipe open.
            let chunk = vec![0x5au8; 1024 * 1024];
            for _ in 0..20 {
                stdin.write_all(&chunk).unwrap();
            }
            std::thread::sleep(std::time::Duration::from_millis(1500));
            send_signal(child.id(), signal);
            let out = child.wait_with_output().unwrap();
            drop(stdin);
            out
        })
        .await
        .unwrap();
        assert!(!out.status.success(), "{signal}");
        assert!(!s3.object_path("bucket", "big/object").exists(), "{signal}");
        if signal == "INT" {
            assert!(
                text(&out.stderr).contains("cancelled"),
                "{}",
                text(&out.stderr)
            );
            assert!(
                s3.pending_upload_parts().is_empty(),
                "{:?}",
                s3.pending_upload_parts()
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn velero_backup_storage_location_is_accepted() {
    let srv = FakeApiServer::start().await;
    srv.install_velero_crds();
    srv.store().create_namespace("velero");
    let s3 = S3Server::start().await.unwrap();
    srv.store()
        .create(json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "cloud-credentials", "namespace": "velero"},
            "stringData": {"cloud": format!(
                "[default]\naws_access_key_id = wrong\naws_secret_access_key = wrong\n\n[backup]\naws_access_key_id = {}\naws_secret_access_key = {}\n",
                s3.access_key, s3.secret_key)}}))
        .unwrap();
    srv.store()
        .create(json!({"apiVersion": "velero.io/v1", "kind": "BackupStorageLocation",
            "metadata": {"name": "default", "namespace": "velero"},
            "spec": {"provider": "aws", "objectStorage": {"bucket": "bucket", "prefix": "/velero/"},
                     "config": {"region": "minio", "s3Url": s3.endpoint, "s3ForcePathStyle": "true", "profile": "backup"}}}))
        .unwrap();
    let out = run_off_runtime(cmd(&srv, &["profile", "validate", "--location", "default"])).await;
    let lines = ok(&out);
    assert!(lines.contains("ok    probe deleted"), "{lines}");
    assert!(lines.contains("[backup]"), "{lines}");
    push_bytes(&srv, ["--location", "velero/default"], "kopia/x", b"bsl").await;
    assert_eq!(
        std::fs::read(s3.object_path("bucket", "velero/kopia/x")).unwrap(),
        b"bsl"
    );
    // A top-level directory of its own would make Velero mark the location Unavailable.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in.bin");
    std::fs::write(&file, b"x").unwrap();
    let out = run_off_runtime(cmd(
        &srv,
        &[
            "location",
            "push",
            "--location",
            "velero/default",
            "--path",
            "app/dump.gz",
            file.to_str().unwrap(),
        ],
    ))
    .await;
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("refusing to write \"app/dump.gz\"") && err.contains("plugins/app/dump.gz"),
        "{err}"
    );
    assert!(!s3.object_path("bucket", "velero/app").exists());

    // With spec.credential pointing at a bad key, the error names the Secret and key.
    srv.store()
        .create(
            json!({"apiVersion": "velero.io/v1", "kind": "BackupStorageLocation",
            "metadata": {"name": "other", "namespace": "velero"},
            "spec": {"provider": "aws", "objectStorage": {"bucket": "bucket"},
                     "credential": {"name": "cloud-credentials", "key": "nope"},
                     "config": {"s3Url": s3.endpoint, "s3ForcePathStyle": "true"}}}),
        )
        .unwrap();
    let out = run_off_runtime(cmd(&srv, &["profile", "validate", "--location", "other"])).await;
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("check \"credentials resolve\" failed") && err.contains("has no key \"nope\""),
        "{err}"
    );
    let out = run_off_runtime(cmd(
        &srv,
        &["location", "pull", "--location", "missing", "--path", "x"],
    ))
    .await;
    assert!(
        text(&out.stderr).contains("BackupStorageLocation \"missing\" not found"),
        "{}",
        text(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn local_profiles_and_the_default_directory() {
    let srv = FakeApiServer::start().await;
    with_profile_crd(&srv);
    let dir = tempfile::tempdir().unwrap();
    // The embedded default: no profile, no cluster access needed.
    let data_home = dir.path().join("xdg");
    let file = dir.path().join("f");
    std::fs::write(&file, b"local").unwrap();
    let mut c = cmd(
        &srv,
        &["location", "push", "--path", "a/b", file.to_str().unwrap()],
    );
    c.env("XDG_DATA_HOME", &data_home)
        .env("KUBECONFIG", "/nonexistent");
    ok(&run_off_runtime(c).await);
    assert_eq!(
        std::fs::read(data_home.join("kubectl-backup/a/b")).unwrap(),
        b"local"
    );
    // Without XDG_DATA_HOME: ~/.local/share/kubectl-backup.
    let mut c = cmd(
        &srv,
        &["location", "push", "--path", "a/b", file.to_str().unwrap()],
    );
    c.env_remove("XDG_DATA_HOME");
    ok(&run_off_runtime(c).await);
    assert!(
        srv.home_dir()
            .join(".local/share/kubectl-backup/a/b")
            .exists()
    );

    // A local profile is kept in a labelled Secret even with the CRD installed.
    let store = dir.path().join("store");
    let out = run_off_runtime(cmd(
        &srv,
        &[
            "profile",
            "create",
            "local",
            "--path",
            store.to_str().unwrap(),
            "--name",
            "disk",
            "--prefix",
            "p",
        ],
    ))
    .await;
    assert!(
        ok(&out).contains("labelled Secret"),
        "{}",
        text(&out.stdout)
    );
    assert!(profiles(&srv, "default").is_empty());
    assert_eq!(
        secrets_named(&srv, "disk")[0]["type"],
        "kubectl-backup.io/profile"
    );
    ok(&run_off_runtime(cmd(
        &srv,
        &[
            "location",
            "push",
            "--profile",
            "disk",
            "--path",
            "x",
            file.to_str().unwrap(),
        ],
    ))
    .await);
    assert_eq!(std::fs::read(store.join("p/x")).unwrap(), b"local");
    let out = run_off_runtime(cmd(&srv, &["profile", "validate", "disk"])).await;
    assert!(
        ok(&out).contains("ok    directory writable"),
        "{}",
        text(&out.stdout)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gcs_and_azure_profiles_follow_kanctl() {
    let srv = FakeApiServer::start().await;
    with_profile_crd(&srv);
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("key.json");
    std::fs::write(&key, r#"{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\nSECRETKEYMATERIAL\n"}"#).unwrap();
    let gcs = |extra: &[&str]| {
        let mut c = cmd(
            &srv,
            &[
                "profile",
                "create",
                "gcs",
                "--bucket",
                "gb",
                "--project-id",
                "proj",
                "--service-key",
                key.to_str().unwrap(),
            ],
        );
        c.args(extra);
        c
    };
    // kubectl-backup cannot check a service-account profile itself: creating it needs --skip-validation.
    let out = run_off_runtime(gcs(&[])).await;
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("check \"credentials resolve\" failed") && err.contains("--skip-validation"),
        "{err}"
    );
    assert!(
        secrets(&srv, "default")
            .iter()
            .all(|s| !name_of(s).starts_with("gcp-"))
    );

    // --dry-run prints the Profile and creates nothing.
    let out = run_off_runtime(gcs(&["--dry-run", "--skip-validation"])).await;
    let yaml = ok(&out);
    assert!(
        yaml.contains("generateName: gcp-profile-") && yaml.contains("idField: gcp_project_id"),
        "{yaml}"
    );
    assert!(!yaml.contains("SECRETKEYMATERIAL"));
    assert!(profiles(&srv, "default").is_empty());

    ok(&run_off_runtime(gcs(&["--skip-validation"])).await);
    let p = &profiles(&srv, "default")[0];
    assert!(name_of(p).starts_with("gcp-profile-"));
    assert_eq!(p["location"]["type"], "gcs");
    assert_eq!(p["credential"]["keyPair"]["idField"], "gcp_project_id");
    assert_eq!(p["credential"]["keyPair"]["secretField"], "gcp_service_key");
    let secret_name = p["credential"]["keyPair"]["secret"]["name"]
        .as_str()
        .unwrap();
    assert!(secret_name.starts_with("gcp-secret-") && secret_name.len() == "gcp-secret-".len() + 6);

    // Azure with an environment: a typed secrets.kanister.io/azure Secret, credential type secret.
    let mut c = cmd(
        &srv,
        &[
            "profile",
            "create",
            "azure",
            "--bucket",
            "container",
            "--storage-account",
            "acct",
            "--storage-env",
            "AzureChinaCloud",
            "--skip-validation",
            "--name",
            "az",
        ],
    );
    c.env("AZURE_STORAGE_KEY", "YXp1cmUta2V5");
    let stdout = ok(&run_off_runtime(c).await);
    assert!(stdout.contains("secret/azure-secret-"), "{stdout}");
    let az = profile_named(&srv, "az");
    assert_eq!(az["credential"]["type"], "secret");
    let secret_name = az["credential"]["secret"]["name"]
        .as_str()
        .unwrap()
        .to_string();
    let secret = secrets_named(&srv, &secret_name).pop().unwrap();
    assert_eq!(secret["type"], "secrets.kanister.io/azure");
    let out = run_off_runtime(cmd(&srv, &["profile", "describe", "az"])).await;
    let shown = ok(&out);
    assert!(
        shown.contains("blob.core.chinacloudapi.cn") && !shown.contains("YXp1cmUta2V5"),
        "{shown}"
    );
}
