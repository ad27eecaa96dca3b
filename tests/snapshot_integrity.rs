//! Issue 18: a backup never lies. Completion is one fact (`velero-backup.json`, written last,
//! naming the tarball and integrity record); an interrupted run leaves nothing, even when its
//! last PUT is still in flight at the server; incomplete, corrupt and future-format backups are
//! refused by name; one corrupt entry never hides the others; `etcd inspect` of a damaged
//! snapshot is refused (or warned about) like `status` and `restore`.

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use kubectl_backup_testbed::TestCluster;
use kubectl_backup_testbed::s3::{Fault, Match, S3Server};
use serde_json::{Value, json};

use common::BIN;
use common::cli::{run, send_signal, text};
use common::files::{backup_dir, data, files_under};
use common::kanister::s3_profile_args;

mod common;

fn seed(cluster: &TestCluster) -> String {
    let shop = cluster.namespace("shop");
    for i in 0..3 {
        cluster
            .objects()
            .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": format!("cm-{i}"), "namespace": shop}, "data": {"i": i.to_string()}}))
            .unwrap();
    }
    shop
}

fn create_backup(cluster: &TestCluster, name: &str, shop: &str) {
    let out = run(
        cluster,
        &[
            "snapshot",
            "create",
            name,
            "--include-namespaces",
            shop,
            "--mode",
            "client",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

fn edit_metadata(cluster: &TestCluster, name: &str, edit: impl FnOnce(&mut Value)) {
    let path = backup_dir(cluster, name).join("velero-backup.json");
    let mut backup: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edit(&mut backup);
    std::fs::write(&path, serde_json::to_vec_pretty(&backup).unwrap()).unwrap();
}

fn configmap_exists(cluster: &TestCluster, namespace: &str, name: &str) -> bool {
    cluster
        .objects()
        .get("v1", "ConfigMap", Some(namespace), name)
        .is_some()
}

// ---- 1. Ctrl-C while a PUT is in flight at the server ----------------------------------------

fn install_velero_location(cluster: &TestCluster, s3: &S3Server) {
    let server = cluster.fake_server().unwrap();
    let crds = data("snapshot/crds");
    for file in [
        "velero.io_backups.yaml",
        "velero.io_backupstoragelocations.yaml",
    ] {
        let crd: Value =
            serde_saphyr::from_str(&std::fs::read_to_string(crds.join(file)).unwrap()).unwrap();
        server.install_crd(crd).unwrap();
    }
    server.store().create_namespace("velero");
    use base64::Engine;
    let ini = format!(
        "[default]\naws_access_key_id={}\naws_secret_access_key={}\n",
        s3.access_key, s3.secret_key
    );
    server
        .store()
        .create(json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "cloud-credentials", "namespace": "velero"},
            "data": {"cloud": base64::engine::general_purpose::STANDARD.encode(ini)}}))
        .unwrap();
    server.store().apply(json!({"apiVersion": "velero.io/v1", "kind": "BackupStorageLocation",
        "metadata": {"name": "default", "namespace": "velero"},
        "spec": {"provider": "aws", "default": true, "objectStorage": {"bucket": "bucket", "prefix": "team-a"},
            "config": {"region": "us-east-1", "s3ForcePathStyle": "true", "s3Url": s3.endpoint}},
        "status": {"phase": "Unavailable"}})).unwrap();
}

/// A stop signal as `kill` names it, what the plugin says about it and the exit status it
/// must end with (128 + its number).
#[derive(Clone, Copy)]
struct StopSignal {
    name: &'static str,
    said: &'static str,
    exit_code: i32,
}

const SIGINT: StopSignal = StopSignal {
    name: "INT",
    said: "interrupted",
    exit_code: 130,
};
const SIGTERM: StopSignal = StopSignal {
    name: "TERM",
    said: "terminated (SIGTERM)",
    exit_code: 143,
};
const SIGHUP: StopSignal = StopSignal {
    name: "HUP",
    said: "hung up (SIGHUP)",
    exit_code: 129,
};

/// Holds the PUT of `object` at the server for a while, sends SIGINT once it has arrived, and
/// checks that once the server has handled every held request, nothing of the backup is left.
async fn interrupt_during_put_of(object: &str) {
    stop_during_put_of(object, SIGINT).await;
}

async fn stop_during_put_of(object: &str, signal: StopSignal) {
    let s3 = S3Server::start().await.unwrap();
    let (cluster, shop) = tokio::task::block_in_place(|| {
        let cluster = TestCluster::fake();
        let shop = seed(&cluster);
        install_velero_location(&cluster, &s3);
        (cluster, shop)
    });
    let server = cluster.fake_server().unwrap();
    s3.inject(
        Fault::Delay(Duration::from_secs(2)),
        1,
        Match::method(http::Method::PUT).with_uri(object),
    );
    let child = tokio::process::Command::from(server.command(BIN))
        .args([
            "snapshot",
            "create",
            "b1",
            "--include-namespaces",
            &shop,
            "--location",
            "default",
            "--mode",
            "client",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !s3
        .requests()
        .iter()
        .any(|r| r.starts_with("PUT ") && r.contains(object))
    {
        assert!(Instant::now() < deadline, "the PUT of {object} never came");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(s3.delayed_in_flight(), 1, "the PUT is held at the server");
    send_signal(child.id().unwrap(), signal.name);
    let output = child.wait_with_output().await.unwrap();
    let err = text(&output.stderr);
    assert_eq!(output.status.code(), Some(signal.exit_code), "{err}");
    assert!(
        err.contains(signal.said) && err.contains("nothing was left"),
        "{err}"
    );
    // The held PUT is handled by now or soon; whenever it is, it must not bring a file back.
    while s3.delayed_in_flight() > 0 {
        assert!(Instant::now() < deadline, "the held request never finished");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let left = files_under(&s3.object_path("bucket", "team-a/backups/b1"));
    assert!(left.is_empty(), "left behind: {left:?}\n{err}");
    assert!(s3.pending_upload_parts().is_empty());
    let listed = tokio::task::block_in_place(|| {
        run(&cluster, &["snapshot", "list", "--location", "default"])
    });
    assert!(listed.status.success());
    assert!(
        !text(&listed.stdout).contains("b1"),
        "{}",
        text(&listed.stdout)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_during_the_velero_backup_json_put_leaves_no_backup() {
    interrupt_during_put_of("/velero-backup.json").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_during_the_integrity_record_put_leaves_no_file() {
    interrupt_during_put_of("-kubectl-backup-integrity.json.gz").await;
}

// ---- 5. SIGTERM and SIGHUP are handled like Ctrl-C; a second signal stops at once ----------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_during_the_velero_backup_json_put_leaves_no_backup() {
    stop_during_put_of("/velero-backup.json", SIGTERM).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_during_the_tarball_put_leaves_no_backup() {
    stop_during_put_of("/b1.tar.gz", SIGHUP).await;
}

/// `location push` of a stream bigger than one part, stalled after two parts: the signal aborts
/// the multipart upload (no part left on the server), no object appears, and the exit status
/// names the signal.
/// Profile `minio` for the in-process S3 server.
fn create_minio_profile(cluster: &TestCluster, s3: &S3Server) {
    let mut args = s3_profile_args(&s3.endpoint);
    args.extend([
        "--access-key",
        &s3.access_key,
        "--secret-key",
        &s3.secret_key,
        "--name",
        "minio",
    ]);
    let profile = run_blocking(cluster, &args);
    assert!(profile.status.success(), "{}", text(&profile.stderr));
}

async fn stop_a_multipart_push(signal: StopSignal) {
    let s3 = S3Server::start().await.unwrap();
    let cluster = tokio::task::block_in_place(TestCluster::fake);
    create_minio_profile(&cluster, &s3);
    let mut command = cluster.command(BIN);
    command
        .args([
            "location",
            "push",
            "--profile",
            "minio",
            "--path",
            "big/object",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = tokio::process::Command::from(command).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    use tokio::io::AsyncWriteExt;
    let chunk = vec![0x5au8; 1 << 20];
    for _ in 0..20 {
        stdin.write_all(&chunk).await.unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while s3
        .requests()
        .iter()
        .filter(|r| r.contains("partNumber="))
        .count()
        < 2
    {
        assert!(Instant::now() < deadline, "no part was uploaded");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    send_signal(child.id().unwrap(), signal.name);
    let output = child.wait_with_output().await.unwrap();
    drop(stdin);
    let err = text(&output.stderr);
    assert_eq!(output.status.code(), Some(signal.exit_code), "{err}");
    assert!(err.contains(signal.said), "{err}");
    assert!(!s3.object_path("bucket", "big/object").exists(), "{err}");
    assert!(
        s3.pending_upload_parts().is_empty(),
        "parts left: {:?}",
        s3.pending_upload_parts()
    );
    assert!(
        s3.requests()
            .iter()
            .any(|r| r.starts_with("DELETE /bucket/big/object?uploadId=")),
        "the upload was aborted: {:?}",
        s3.requests()
    );
}

fn run_blocking(cluster: &TestCluster, args: &[&str]) -> Output {
    tokio::task::block_in_place(|| run(cluster, args))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_during_a_multipart_push_aborts_the_upload() {
    stop_a_multipart_push(SIGTERM).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_during_a_multipart_push_aborts_the_upload() {
    stop_a_multipart_push(SIGHUP).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_sigint_during_the_cleanup_stops_at_once_with_130() {
    let s3 = S3Server::start().await.unwrap();
    let (cluster, shop) = tokio::task::block_in_place(|| {
        let cluster = TestCluster::fake();
        let shop = seed(&cluster);
        install_velero_location(&cluster, &s3);
        (cluster, shop)
    });
    let server = cluster.fake_server().unwrap();
    // The final PUT is held long enough that the cleanup, which waits for it, is still waiting
    // when the second signal comes.
    s3.inject(
        Fault::Delay(Duration::from_secs(15)),
        1,
        Match::method(http::Method::PUT).with_uri("/velero-backup.json"),
    );
    let child = tokio::process::Command::from(server.command(BIN))
        .args([
            "snapshot",
            "create",
            "b2",
            "--include-namespaces",
            &shop,
            "--location",
            "default",
            "--mode",
            "client",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while s3.delayed_in_flight() == 0 {
        assert!(Instant::now() < deadline, "the PUT never came");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let pid = child.id().unwrap();
    send_signal(pid, SIGINT.name);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let second = Instant::now();
    send_signal(pid, SIGINT.name);
    let output = child.wait_with_output().await.unwrap();
    let err = text(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{err}");
    assert!(
        second.elapsed() < Duration::from_secs(5),
        "took {:?} after the second signal",
        second.elapsed()
    );
    assert!(
        err.contains("a second stop signal, so stopping now"),
        "{err}"
    );
}

// ---- 2. No velero-backup.json: refused by name unless --allow-incomplete ---------------------

#[test]
fn a_backup_without_velero_backup_json_is_refused_unless_allowed() {
    let cluster = TestCluster::fake();
    let shop = seed(&cluster);
    create_backup(&cluster, "half", &shop);
    std::fs::remove_file(backup_dir(&cluster, "half").join("velero-backup.json")).unwrap();

    let listed = run(&cluster, &["snapshot", "list"]);
    assert!(listed.status.success());
    assert!(
        text(&listed.stdout).contains("Incomplete"),
        "{}",
        text(&listed.stdout)
    );

    let copy = cluster.namespace("copy");
    let mapping = format!("{shop}:{copy}");
    let restore = [
        "snapshot",
        "restore",
        "half",
        "--mode",
        "client",
        "--namespace-mappings",
        &mapping,
    ];
    let refused = run(&cluster, &restore);
    assert!(!refused.status.success());
    let err = text(&refused.stderr);
    assert!(
        err.contains("backup half is incomplete") && err.contains("--allow-incomplete"),
        "{err}"
    );
    assert!(
        !configmap_exists(&cluster, &copy, "cm-0"),
        "nothing restored"
    );

    let target = cluster.temp_dir().join("half.tar.gz");
    let target = target.to_str().unwrap();
    let refused = run(
        &cluster,
        &["snapshot", "download", "half", "--file", target],
    );
    assert!(!refused.status.success());
    assert!(text(&refused.stderr).contains("backup half is incomplete"));
    assert!(!Path::new(target).exists());

    let allowed = run(&cluster, &[&restore[..], &["--allow-incomplete"]].concat());
    let err = text(&allowed.stderr);
    assert!(allowed.status.success(), "{err}");
    assert!(err.contains("warning: backup half is incomplete"), "{err}");
    assert!(configmap_exists(&cluster, &copy, "cm-0"));
    let allowed = run(
        &cluster,
        &[
            "snapshot",
            "download",
            "half",
            "--file",
            target,
            "--allow-incomplete",
        ],
    );
    assert!(allowed.status.success(), "{}", text(&allowed.stderr));
    assert!(Path::new(target).is_file());
}

// ---- The reported case: velero-backup.json without its tarball --------------------------------

#[test]
fn velero_backup_json_without_its_tarball_is_corrupt_not_completed() {
    let cluster = TestCluster::fake();
    let shop = seed(&cluster);
    create_backup(&cluster, "lost", &shop);
    std::fs::remove_file(backup_dir(&cluster, "lost").join("lost.tar.gz")).unwrap();

    let listed = run(&cluster, &["snapshot", "list"]);
    assert!(listed.status.success());
    let row = text(&listed.stdout)
        .lines()
        .find(|l| l.starts_with("lost "))
        .unwrap_or_default()
        .to_string();
    assert!(
        row.contains("Corrupt") && !row.contains("Completed"),
        "{row}"
    );

    let described = run(&cluster, &["snapshot", "describe", "lost"]);
    assert!(!described.status.success());
    assert!(
        text(&described.stderr).contains("backup lost is corrupt")
            && text(&described.stderr).contains("tarball"),
        "{}",
        text(&described.stderr)
    );
    let restore = run(
        &cluster,
        &["snapshot", "restore", "lost", "--mode", "client"],
    );
    assert!(!restore.status.success());
    assert!(text(&restore.stderr).contains("backup lost is corrupt"));
}

#[test]
fn a_tarball_of_another_size_than_recorded_is_corrupt() {
    let cluster = TestCluster::fake();
    let shop = seed(&cluster);
    create_backup(&cluster, "a", &shop);
    let extra = cluster.namespace("extra");
    cluster
        .objects()
        .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "more", "namespace": extra}, "data": {"x": "y".repeat(5000)}}))
        .unwrap();
    let both = format!("{shop},{extra}");
    create_backup(&cluster, "b", &both);
    // b's tarball under a's name: a's velero-backup.json no longer matches it.
    std::fs::copy(
        backup_dir(&cluster, "b").join("b.tar.gz"),
        backup_dir(&cluster, "a").join("a.tar.gz"),
    )
    .unwrap();
    let listed = run(&cluster, &["snapshot", "list", "-o", "json"]);
    assert!(listed.status.success());
    let list: Value = serde_json::from_slice(&listed.stdout).unwrap();
    let a = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["metadata"]["name"] == "a")
        .unwrap();
    assert_eq!(a["status"]["phase"], "Corrupt");
    assert!(
        a["status"]["failureReason"]
            .as_str()
            .unwrap()
            .contains("velero-backup.json records"),
        "{a}"
    );
    // Download reads the tarball, whose check against a's integrity record names what changed.
    let target = cluster.temp_dir().join("a.tar.gz");
    let target = target.to_str().unwrap();
    let out = run(&cluster, &["snapshot", "download", "a", "--file", target]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("the backup is refused"),
        "{}",
        text(&out.stderr)
    );
    assert!(!Path::new(target).exists());
}

// ---- 3. One corrupt velero-backup.json never hides the rest -----------------------------------

#[test]
fn one_corrupt_velero_backup_json_is_listed_as_corrupt_and_hides_nothing() {
    let cluster = TestCluster::fake();
    let shop = seed(&cluster);
    for name in ["good-1", "bad", "good-2"] {
        create_backup(&cluster, name, &shop);
    }
    std::fs::write(
        backup_dir(&cluster, "bad").join("velero-backup.json"),
        b"{\"kind\": \"Backup\", \"status\": ",
    )
    .unwrap();

    let listed = run(&cluster, &["snapshot", "list"]);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let out = text(&listed.stdout);
    for good in ["good-1", "good-2"] {
        let row = out
            .lines()
            .find(|l| l.starts_with(good))
            .unwrap_or_default();
        assert!(row.contains("Completed"), "{good}: {out}");
    }
    let bad = out
        .lines()
        .find(|l| l.starts_with("bad "))
        .unwrap_or_default();
    assert!(bad.contains("Corrupt"), "{out}");

    let json = run(&cluster, &["snapshot", "list", "-o", "json"]);
    assert!(json.status.success());
    let list: Value = serde_json::from_slice(&json.stdout).unwrap();
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "{list}");
    let bad = items
        .iter()
        .find(|i| i["metadata"]["name"] == "bad")
        .unwrap();
    assert_eq!(bad["status"]["phase"], "Corrupt");
    assert!(
        bad["status"]["failureReason"]
            .as_str()
            .unwrap()
            .contains("is not a Velero Backup"),
        "{bad}"
    );

    let described = run(&cluster, &["snapshot", "describe", "bad"]);
    assert!(!described.status.success());
    assert!(text(&described.stdout).contains("Corrupt"));
    assert!(
        text(&described.stderr).contains("backup bad is corrupt"),
        "{}",
        text(&described.stderr)
    );
    let described = run(&cluster, &["snapshot", "describe", "good-1"]);
    assert!(described.status.success());

    let restore = run(
        &cluster,
        &["snapshot", "restore", "bad", "--mode", "client"],
    );
    assert!(!restore.status.success());
    assert!(
        text(&restore.stderr).contains("backup bad is corrupt"),
        "{}",
        text(&restore.stderr)
    );
}

// ---- 7. Future format versions ---------------------------------------------------------------

#[test]
fn a_future_major_format_version_is_refused_and_a_newer_minor_warned_about() {
    let cluster = TestCluster::fake();
    let shop = seed(&cluster);
    create_backup(&cluster, "future", &shop);
    edit_metadata(&cluster, "future", |b| {
        b["status"]["formatVersion"] = json!("9.9.9");
    });
    let copy = cluster.namespace("copy");
    let mapping = format!("{shop}:{copy}");
    let refused = run(
        &cluster,
        &[
            "snapshot",
            "restore",
            "future",
            "--mode",
            "client",
            "--namespace-mappings",
            &mapping,
        ],
    );
    assert!(!refused.status.success());
    let err = text(&refused.stderr);
    assert!(
        err.contains("backup future has format version 9.9.9") && err.contains("refused"),
        "{err}"
    );
    assert!(!configmap_exists(&cluster, &copy, "cm-0"));

    edit_metadata(&cluster, "future", |b| {
        b["status"]["formatVersion"] = json!("1.4.0");
    });
    let warned = run(
        &cluster,
        &[
            "snapshot",
            "restore",
            "future",
            "--mode",
            "client",
            "--namespace-mappings",
            &mapping,
        ],
    );
    let err = text(&warned.stderr);
    assert!(warned.status.success(), "{err}");
    assert!(
        err.contains("warning: backup future has format version 1.4.0, newer than 1.1.0"),
        "{err}"
    );
    assert!(configmap_exists(&cluster, &copy, "cm-0"));
}

// ---- 7. etcd inspect of a damaged snapshot -----------------------------------------------------

#[test]
fn etcd_inspect_refuses_a_tampered_snapshot_like_status_and_warns_when_asked() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/etcd/small-3.4.db");
    let mut bytes = std::fs::read(fixture).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.db");
    std::fs::write(&good, &bytes).unwrap();
    // One byte of a key changed: the trailer no longer matches.
    let at = bytes
        .windows(10)
        .position(|w| w == b"/registry/")
        .expect("a key in the fixture");
    bytes[at + 1] = b'R';
    let tampered = dir.path().join("tampered.db");
    std::fs::write(&tampered, &bytes).unwrap();

    let inspect = |file: &Path, extra: &[&str]| {
        std::process::Command::new(BIN)
            .args(["etcd", "inspect"])
            .arg(file)
            .args(extra)
            .env_remove("KUBECONFIG")
            .output()
            .unwrap()
    };
    let ok = inspect(&good, &[]);
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert!(
        !text(&ok.stderr).contains("warning"),
        "{}",
        text(&ok.stderr)
    );

    let refused = inspect(&tampered, &[]);
    assert!(!refused.status.success());
    let err = text(&refused.stderr);
    assert!(
        err.contains("modified or truncated") && err.contains("--skip-hash-check"),
        "{err}"
    );
    assert!(refused.stdout.is_empty());

    let status = std::process::Command::new(BIN)
        .args(["etcd", "status"])
        .arg(&tampered)
        .output()
        .unwrap();
    assert!(!status.status.success(), "status refuses it too");

    let warned = inspect(&tampered, &["--skip-hash-check"]);
    let err = text(&warned.stderr);
    assert!(warned.status.success(), "{err}");
    assert!(
        err.contains("warning:") && err.contains("modified or truncated"),
        "{err}"
    );
    assert!(!warned.stdout.is_empty());
}

#[test]
fn an_integrity_record_other_than_the_committed_one_is_refused() {
    let cluster = TestCluster::fake();
    let shop = seed(&cluster);
    create_backup(&cluster, "a", &shop);
    let extra = cluster.namespace("extra");
    cluster
        .objects()
        .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "more", "namespace": extra}}))
        .unwrap();
    create_backup(&cluster, "b", &extra);
    std::fs::copy(
        backup_dir(&cluster, "b").join("b-kubectl-backup-integrity.json.gz"),
        backup_dir(&cluster, "a").join("a-kubectl-backup-integrity.json.gz"),
    )
    .unwrap();
    let target = cluster.temp_dir().join("a.tar.gz");
    let target = target.to_str().unwrap();
    let out = run(&cluster, &["snapshot", "download", "a", "--file", target]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("integrity record's SHA-256"),
        "{}",
        text(&out.stderr)
    );
    assert!(!Path::new(target).exists());
    let out = run(
        &cluster,
        &["snapshot", "restore", "a", "--mode", "client", "--dry-run"],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("backup a is corrupt"),
        "{}",
        text(&out.stderr)
    );
}

/// A pull stopped while its download is held at the server: the signal's exit status, and the
/// target file never appears (the download goes to a temporary file renamed at the end).
async fn stop_a_pull(signal: StopSignal) {
    let s3 = S3Server::start().await.unwrap();
    let cluster = tokio::task::block_in_place(TestCluster::fake);
    create_minio_profile(&cluster, &s3);
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.bin");
    std::fs::write(&source, vec![0x5au8; 3 << 20]).unwrap();
    let source_arg = source.display().to_string();
    let push = run_blocking(
        &cluster,
        &[
            "location",
            "push",
            "--profile",
            "minio",
            "--path",
            "big/object",
            &source_arg,
        ],
    );
    assert!(push.status.success(), "{}", text(&push.stderr));
    s3.inject(
        Fault::Delay(Duration::from_secs(5)),
        usize::MAX,
        Match::method(http::Method::GET).with_uri("/bucket/big/object"),
    );
    let target = dir.path().join("pulled.bin");
    let mut command = cluster.command(BIN);
    command
        .args([
            "location",
            "pull",
            "--profile",
            "minio",
            "--path",
            "big/object",
        ])
        .arg(&target)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = tokio::process::Command::from(command).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while s3.delayed_in_flight() == 0 {
        assert!(Instant::now() < deadline, "the download never started");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    send_signal(child.id().unwrap(), signal.name);
    let output = child.wait_with_output().await.unwrap();
    let err = text(&output.stderr);
    assert_eq!(output.status.code(), Some(signal.exit_code), "{err}");
    assert!(err.contains(signal.said), "{err}");
    assert!(!target.exists(), "a partial target was left: {err}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "source.bin")
        .collect();
    assert!(
        leftovers.is_empty(),
        "files left next to the target: {leftovers:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_during_a_pull_leaves_no_target() {
    stop_a_pull(SIGHUP).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_during_a_pull_leaves_no_target() {
    stop_a_pull(SIGTERM).await;
}
