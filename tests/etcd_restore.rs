//! `kubectl backup etcd restore` and `etcd repoint` against the real etcd binary (Debian
//! `etcd-server` 3.4) on loopback, with `etcdctl snapshot restore` as the oracle: the restored
//! directory must start a real etcd that serves every key with its original value and revision.
//! Skips loudly when the binaries are absent.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use kubectl_backup_testbed::etcd::Etcd;
use serde_json::Value;

use common::cli::{run_ok, text};
use common::etcd::{Member, base64_decode, etcdctl, ours};
use common::net::free_loopback_url;

mod common;

/// How long a member started on a restored data dir may take to serve.
const HEALTHY_WITHIN: Duration = Duration::from_secs(30);

/// A source etcd with keys written, overwritten, deleted and leased, and its snapshot (saved by
/// etcdctl). Returns the snapshot path and `get --prefix ""` as JSON.
fn source_snapshot(etcd: &Etcd, keys: usize, dir: &Path) -> (PathBuf, Value) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime
        .block_on(etcd.load("/registry/pods/ns-1/pod-", keys, 200))
        .unwrap();
    let url = &etcd.client_url;
    run_ok(etcdctl(url).args(["put", "/registry/pods/ns-1/pod-0000001", "overwritten"]));
    run_ok(etcdctl(url).args(["del", "/registry/pods/ns-1/pod-0000002"]));
    run_ok(etcdctl(url).args(["put", "compact_rev_key", "x"]));
    let lease = text(&run_ok(etcdctl(url).args(["lease", "grant", "3600"])).stdout);
    let lease = lease.split_whitespace().nth(1).unwrap().to_string();
    run_ok(etcdctl(url).args(["put", "--lease", &lease, "/registry/leases/n1", "held"]));
    let snapshot = dir.join("snapshot.db");
    run_ok(etcdctl(url).args(["snapshot", "save"]).arg(&snapshot));
    (snapshot, get_all(url))
}

fn get_all(url: &str) -> Value {
    serde_json::from_slice(&run_ok(etcdctl(url).args(["get", "--prefix", "", "-w", "json"])).stdout)
        .unwrap()
}

fn restore_json(snapshot: &Path, data_dir: &Path, flags: &[&str]) -> Value {
    let output = ours()
        .args(["etcd", "restore", "-o", "json"])
        .arg(snapshot)
        .arg("--data-dir")
        .arg(data_dir)
        .args(flags)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "restore failed: {}",
        text(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// `(type, data)` of every record of a WAL segment.
fn wal_records(path: &Path) -> Vec<(u8, Vec<u8>)> {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(bytes.len(), 64_000_000, "WAL segment is preallocated");
    let mut records = Vec::new();
    let mut at = 0;
    loop {
        let word = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
        if word == 0 {
            break;
        }
        let len = (word & ((1 << 56) - 1)) as usize;
        let pad = if word >> 63 == 1 {
            ((word >> 56) & 0x7) as usize
        } else {
            0
        };
        let record = &bytes[at + 8..at + 8 + len];
        // walpb.Record: 08 type, 10 crc (varint), [1a len data]
        let kind = record[1];
        let mut i = 3;
        while record[i] & 0x80 != 0 {
            i += 1;
        }
        i += 1;
        let data = if i < record.len() {
            let (mut len, mut shift, mut j) = (0usize, 0, i + 1);
            loop {
                len |= ((record[j] & 0x7f) as usize) << shift;
                shift += 7;
                j += 1;
                if record[j - 1] & 0x80 == 0 {
                    break;
                }
            }
            record[j..j + len].to_vec()
        } else {
            Vec::new()
        };
        records.push((kind, data));
        at += 8 + len + pad;
    }
    records
}

fn varint(bytes: &[u8]) -> u64 {
    let mut value = 0u64;
    for (i, b) in bytes.iter().enumerate() {
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            break;
        }
    }
    value
}

fn restored_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walk(dir)
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn restore_serves_every_key_and_matches_etcdctl() {
    let Some(source) = Etcd::start() else { return };
    let work = tempfile::tempdir().unwrap();
    let (snapshot, before) = source_snapshot(&source, 3000, work.path());
    drop(source);
    let peer = free_loopback_url();
    let flags = [
        "--name=x".to_string(),
        format!("--initial-cluster=x={peer}"),
        "--initial-cluster-token=restore-tok".to_string(),
        format!("--initial-advertise-peer-urls={peer}"),
    ];
    let flag_refs: Vec<&str> = flags.iter().map(String::as_str).collect();

    let ours_dir = work.path().join("ours");
    let report = restore_json(&snapshot, &ours_dir, &flag_refs);
    let oracle_dir = work.path().join("etcdctl");
    run_ok(
        Command::new(Etcd::etcdctl_binary().unwrap())
            .env("ETCDCTL_API", "3")
            .args(["snapshot", "restore"])
            .arg(&snapshot)
            .arg("--data-dir")
            .arg(&oracle_dir)
            .args(&flags),
    );

    // Same layout, same v2 snapshot, same raft log (3.5+ adds the ConfState to the last
    // snapshot record; 3.4's etcdctl does not).
    assert_eq!(restored_files(&ours_dir), restored_files(&oracle_dir));
    let snap = "member/snap/0000000000000001-0000000000000001.snap";
    assert!(
        std::fs::read(ours_dir.join(snap)).unwrap()
            == std::fs::read(oracle_dir.join(snap)).unwrap(),
        "v2 snapshot differs from etcdctl's"
    );
    let wal = "member/wal/0000000000000000-0000000000000000.wal";
    let (mine, theirs) = (
        wal_records(&ours_dir.join(wal)),
        wal_records(&oracle_dir.join(wal)),
    );
    assert_eq!(mine.len(), theirs.len());
    assert_eq!(mine[..mine.len() - 1], theirs[..theirs.len() - 1]);
    let (last_mine, last_theirs) = (&mine[mine.len() - 1], &theirs[theirs.len() - 1]);
    assert_eq!(last_mine.0, 5);
    assert!(last_mine.1.starts_with(&last_theirs.1));

    // IDs: the WAL metadata record (compared above) carries etcdctl's; the report says the same.
    let member_id = u64::from_str_radix(report["memberId"].as_str().unwrap(), 16).unwrap();
    let cluster_id = u64::from_str_radix(report["clusterId"].as_str().unwrap(), 16).unwrap();
    let metadata = &mine[1].1;
    assert_eq!(metadata[0], 0x08);
    assert_eq!(varint(&metadata[1..]), member_id);
    assert_eq!(report["hashCheck"], "verified");
    let revision = before["header"]["revision"].as_i64().unwrap();
    assert_eq!(report["revision"], revision);

    // The restored member serves every key, value and revision the source had.
    let mut member = Member::start(&ours_dir, "x", &peer);
    member.wait_healthy(HEALTHY_WITHIN);
    let after = get_all(&member.client_url);
    assert_eq!(after["kvs"], before["kvs"]);
    assert_eq!(after["count"].as_i64().unwrap(), 3001);
    assert_eq!(after["header"]["revision"], revision);
    assert_eq!(after["header"]["member_id"].as_u64(), Some(member_id));
    assert_eq!(after["header"]["cluster_id"].as_u64(), Some(cluster_id));
    let members = text(&run_ok(etcdctl(&member.client_url).args(["member", "list"])).stdout);
    assert!(
        members.starts_with(&format!("{member_id:x}, started, x, {peer}")),
        "{members}"
    );
    // Old revisions are still there, and the member takes writes.
    let old = run_ok(etcdctl(&member.client_url).args([
        "get",
        "/registry/pods/ns-1/pod-0000002",
        &format!("--rev={}", revision - 3),
        "--print-value-only",
    ]));
    assert!(!old.stdout.is_empty(), "deleted key's history was lost");
    run_ok(etcdctl(&member.client_url).args(["put", "after-restore", "ok"]));
    let new = get_all(&member.client_url);
    assert_eq!(new["header"]["revision"], revision + 1);

    // bbolt keeps working on the written file: mass deletes, a physical compaction (which
    // removes revisions page by page) and a defrag (which rewrites it).
    let url = &member.client_url;
    run_ok(etcdctl(url).args(["del", "--prefix", "/registry/pods/ns-1/pod-00010"]));
    run_ok(etcdctl(url).args(["compact", &(revision + 2).to_string(), "--physical"]));
    run_ok(etcdctl(url).args(["defrag"]));
    let left = get_all(url);
    assert_eq!(left["count"].as_i64().unwrap(), 3001 + 1 - 100);
    let kept: Vec<&Value> = before["kvs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|kv| {
            let key = base64_decode(kv["key"].as_str().unwrap());
            !key.starts_with(b"/registry/pods/ns-1/pod-00010")
        })
        .collect();
    let left_kvs: Vec<&Value> = left["kvs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|kv| kv["key"] != "YWZ0ZXItcmVzdG9yZQ==")
        .collect();
    assert_eq!(left_kvs, kept);
}

#[test]
fn bump_revision_marks_compacted() {
    let Some(source) = Etcd::start() else { return };
    let work = tempfile::tempdir().unwrap();
    let (snapshot, before) = source_snapshot(&source, 200, work.path());
    drop(source);
    let peer = free_loopback_url();
    let dir = work.path().join("bumped");
    let report = restore_json(
        &snapshot,
        &dir,
        &[
            "--name=m",
            &format!("--initial-cluster=m={peer}"),
            &format!("--initial-advertise-peer-urls={peer}"),
            "--bump-revision=1000000",
            "--mark-compacted",
        ],
    );
    let revision = before["header"]["revision"].as_i64().unwrap();
    assert_eq!(report["startRevision"], revision + 1_000_000);
    assert_eq!(report["compacted"], true);

    let mut member = Member::start(&dir, "m", &peer);
    member.wait_healthy(HEALTHY_WITHIN);
    let after = get_all(&member.client_url);
    assert_eq!(after["kvs"], before["kvs"]);
    assert_eq!(after["header"]["revision"], revision + 1_000_000);
    // A client resuming from the snapshot's revision is told to re-list.
    let old = etcdctl(&member.client_url)
        .args([
            "get",
            "/registry/pods/ns-1/pod-0000003",
            &format!("--rev={revision}"),
        ])
        .output()
        .unwrap();
    assert!(!old.status.success());
    assert!(
        text(&old.stderr).contains("required revision has been compacted"),
        "{}",
        text(&old.stderr)
    );
    run_ok(etcdctl(&member.client_url).args(["put", "next", "1"]));
    assert_eq!(
        get_all(&member.client_url)["header"]["revision"],
        revision + 1_000_001
    );
}

#[test]
fn three_members_restored_from_one_file_form_a_cluster() {
    let Some(source) = Etcd::start() else { return };
    let work = tempfile::tempdir().unwrap();
    let (snapshot, before) = source_snapshot(&source, 100, work.path());
    drop(source);
    let peers: Vec<(String, String)> = ["a", "b", "c"]
        .iter()
        .map(|n| (n.to_string(), free_loopback_url()))
        .collect();
    let cluster = peers
        .iter()
        .map(|(n, u)| format!("{n}={u}"))
        .collect::<Vec<_>>()
        .join(",");
    let mut cluster_ids = Vec::new();
    let mut members = Vec::new();
    for (name, peer) in &peers {
        let dir = work.path().join(name);
        let report = restore_json(
            &snapshot,
            &dir,
            &[
                &format!("--name={name}"),
                &format!("--initial-cluster={cluster}"),
                "--initial-cluster-token=three",
                &format!("--initial-advertise-peer-urls={peer}"),
            ],
        );
        cluster_ids.push(report["clusterId"].clone());
        members.push(Member::start(&dir, name, peer));
    }
    assert!(cluster_ids.windows(2).all(|w| w[0] == w[1]));
    for member in &mut members {
        member.wait_healthy(HEALTHY_WITHIN);
    }
    for member in &members {
        assert_eq!(get_all(&member.client_url)["kvs"], before["kvs"]);
    }
    let list = text(&run_ok(etcdctl(&members[0].client_url).args(["member", "list"])).stdout);
    assert_eq!(
        list.lines().filter(|l| l.contains(", started, ")).count(),
        3,
        "{list}"
    );
    run_ok(etcdctl(&members[0].client_url).args(["put", "replicated", "yes"]));
    let read = run_ok(etcdctl(&members[2].client_url).args([
        "get",
        "replicated",
        "--print-value-only",
        "--consistency=l",
    ]));
    assert_eq!(text(&read.stdout).trim(), "yes");
}

#[test]
fn bad_input_is_refused_and_leaves_nothing() {
    let Some(source) = Etcd::start() else { return };
    let work = tempfile::tempdir().unwrap();
    let (snapshot, _) = source_snapshot(&source, 50, work.path());
    drop(source);
    let target = work.path().join("restored");
    let restore = |file: &Path, extra: &[&str]| {
        ours()
            .args(["etcd", "restore"])
            .arg(file)
            .arg("--data-dir")
            .arg(&target)
            .args(extra)
            .output()
            .unwrap()
    };
    let status = |file: &Path| ours().args(["etcd", "status"]).arg(file).output().unwrap();
    let bytes = std::fs::read(&snapshot).unwrap();

    // Tampered: one byte of a value changed after the save.
    let tampered = work.path().join("tampered.db");
    let mut changed = bytes.clone();
    let at = changed.len() / 2;
    changed[at] ^= 0x01;
    std::fs::write(&tampered, &changed).unwrap();
    let out = restore(&tampered, &[]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("expected sha256 ["),
        "{}",
        text(&out.stderr)
    );
    assert!(!status(&tampered).status.success());

    // Truncated: the copy stopped early.
    let truncated = work.path().join("truncated.db");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let out = restore(&truncated, &[]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("is truncated"), "{err}");
    let out = restore(&truncated, &["--skip-hash-check"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("truncated"),
        "{}",
        text(&out.stderr)
    );
    assert!(!status(&truncated).status.success());

    // A raw db without the trailer needs --skip-hash-check, as with etcdutl.
    let raw = work.path().join("raw.db");
    std::fs::write(&raw, &bytes[..bytes.len() - 32]).unwrap();
    let out = restore(&raw, &[]);
    assert!(text(&out.stderr).contains("snapshot missing hash but --skip-hash-check=false"));

    // Flag mistakes read like etcd's.
    let out = restore(&snapshot, &["--initial-cluster=other=http://127.0.0.1:1"]);
    assert!(
        text(&out.stderr)
            .contains("couldn't find local name \"default\" in the initial cluster configuration")
    );
    let out = restore(&snapshot, &["--bump-revision=5"]);
    assert!(text(&out.stderr).contains("--mark-compacted"));
    let out = restore(&snapshot, &["--mark-compacted"]);
    assert!(text(&out.stderr).contains("--bump-revision"));
    assert!(
        !target.exists(),
        "a refused restore wrote {}",
        target.display()
    );
    assert_eq!(
        std::fs::read_dir(work.path()).unwrap().count(),
        4,
        "temporary files left"
    );

    // A non-empty data dir is never written into.
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep"), "old").unwrap();
    let out = restore(&snapshot, &[]);
    assert!(
        text(&out.stderr).contains("not empty"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(restored_files(&target), ["keep"]);

    // An empty one is filled (the raw db restores with --skip-hash-check).
    std::fs::remove_file(target.join("keep")).unwrap();
    let out = restore(&raw, &["--skip-hash-check"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("warning: restored with etcd's default member"));
    assert_eq!(
        restored_files(&target),
        [
            "member/snap/0000000000000001-0000000000000001.snap",
            "member/snap/db",
            "member/wal/0000000000000000-0000000000000000.wal"
        ]
    );
    // It holds every Secret of the cluster: owner-only, as etcd makes it.
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&target), 0o700);
    assert_eq!(mode(&target.join("member")), 0o700);
    assert_eq!(mode(&target.join("member/snap/db")), 0o600);
    assert_eq!(
        mode(&target.join("member/wal/0000000000000000-0000000000000000.wal")),
        0o600
    );
}

/// The kubeadm flow: restore with the manifest's values, repoint the manifest, and the etcd the
/// manifest now describes starts and serves the data.
#[test]
fn kubeadm_restore_repoint_and_start() {
    let Some(source) = Etcd::start() else { return };
    let work = tempfile::tempdir().unwrap();
    let (snapshot, before) = source_snapshot(&source, 100, work.path());
    drop(source);
    let kubernetes = work.path().join("kubernetes");
    let manifests = kubernetes.join("manifests");
    std::fs::create_dir_all(&manifests).unwrap();
    let peer = free_loopback_url();
    let fixture = std::fs::read_to_string(common::files::data("etcd/etcd.yaml")).unwrap();
    let manifest_text = fixture.replace("https://10.0.0.11:2380", &peer);
    let manifest = manifests.join("etcd.yaml");
    std::fs::write(&manifest, &manifest_text).unwrap();
    let data_dir = work.path().join("etcd-restore");

    let report = restore_json(
        &snapshot,
        &data_dir,
        &[&format!("--from-manifest={}", manifest.display())],
    );
    assert_eq!(report["name"], "cp-1");

    let dry = ours()
        .args(["etcd", "repoint", "--dry-run", "--manifest"])
        .arg(&manifest)
        .arg("--data-dir")
        .arg(&data_dir)
        .output()
        .unwrap();
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    let diff = text(&dry.stdout);
    assert!(diff.contains("-      path: /var/lib/etcd\n"), "{diff}");
    assert!(
        diff.contains(&format!("+      path: {}\n", data_dir.display())),
        "{diff}"
    );
    assert_eq!(std::fs::read_to_string(&manifest).unwrap(), manifest_text);

    let applied = ours()
        .args(["etcd", "repoint", "--manifest"])
        .arg(&manifest)
        .arg("--data-dir")
        .arg(&data_dir)
        .output()
        .unwrap();
    assert!(applied.status.success(), "{}", text(&applied.stderr));
    assert_eq!(
        std::fs::read_dir(&manifests).unwrap().count(),
        1,
        "backup left in manifests/"
    );
    let backups: Vec<PathBuf> = std::fs::read_dir(&kubernetes)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".bak"))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(std::fs::read_to_string(&backups[0]).unwrap(), manifest_text);

    // Start etcd the way kubelet would: the manifest's name and peer URL, the new hostPath.
    let pod = kubectl_backup::etcd::kubeadm::EtcdPodConfig::from_manifest_file(&manifest).unwrap();
    assert_eq!(pod.host_data_dir(), Some(data_dir.clone()));
    let mut member = Member::start(&data_dir, &pod.name, &pod.initial_advertise_peer_urls[0]);
    member.wait_healthy(HEALTHY_WITHIN);
    assert_eq!(get_all(&member.client_url)["kvs"], before["kvs"]);
}
