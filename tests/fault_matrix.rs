//! Issue 18's fault matrix as a test, on both backends: the plugin runs against the fake API
//! server and against a real kube-apiserver, each behind the test bed's fault proxy
//! (`fault_proxy`: 429/500/503 bursts, dropped and reset connections, truncated bodies, stalls),
//! and against an S3 server with its own fault mode. Every case asserts its outcome — the backup
//! is complete and matches the fault-free one, or the command is refused cleanly with nothing
//! left — and every output of every command is grepped for the credentials planted on the way.
//! The totals are printed at the end (`FAULT MATRIX <backend>: …`) and written to
//! `target/tmp/fault_matrix-<backend>.json`.

use std::path::PathBuf;
use std::process::Output;
use std::time::{Duration, Instant};

use http::Method;
use kubectl_backup_testbed::fault_proxy::{FaultProxy, ProxyFault, ProxyRule};
use kubectl_backup_testbed::s3::{Fault as S3Fault, Match, S3Options, S3Server};
use kubectl_backup_testbed::{TestCluster, on_both_backends};
use serde_json::{Value, json};

use common::BIN;
use common::cli::text;
use common::files::files_under;
use common::kanister::s3_profile_args;

mod common;

/// Planted where the plugin handles it, never to be printed.
const S3_SECRET: &str = "planted-s3-secret-Qx7Vb2Lm9Tz";
const CLUSTER_SECRET: &str = "planted-secret-value-Wp4Kd8Rn";

#[derive(Default, serde::Serialize)]
struct Totals {
    faults_tried: usize,
    faults_survived: usize,
    bad_inputs: usize,
    bad_inputs_refused: usize,
    secrets_planted: usize,
    outputs_grepped: usize,
    secrets_grepped: usize,
    leaks: Vec<String>,
    cases: Vec<String>,
}

struct Matrix<'a> {
    cluster: &'a TestCluster,
    proxy: FaultProxy,
    /// The test's kubeconfig pointed at the proxy.
    kubeconfig: PathBuf,
    s3: S3Server,
    /// Runs the S3 server; kept for as long as the matrix runs.
    _runtime: tokio::runtime::Runtime,
    secrets: Vec<String>,
    totals: Totals,
}

impl Matrix<'_> {
    /// Runs the plugin through the proxy and greps its output for every planted secret.
    fn run(&mut self, args: &[&str]) -> Output {
        let output = self
            .cluster
            .command(BIN)
            .env("KUBECONFIG", &self.kubeconfig)
            .args(args)
            .output()
            .unwrap();
        let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
        eprintln!(
            "$ kubectl-backup {}\n--- exit {:?}\n--- stdout\n{stdout}--- stderr\n{stderr}",
            args.join(" "),
            output.status.code()
        );
        self.totals.outputs_grepped += 2;
        for secret in &self.secrets {
            self.totals.secrets_grepped += 2;
            if stdout.contains(secret.as_str()) || stderr.contains(secret.as_str()) {
                self.totals
                    .leaks
                    .push(format!("{secret:?} in the output of {args:?}"));
            }
        }
        output
    }

    fn fault_case(&mut self, name: &str, faults: usize, case: impl FnOnce(&mut Self)) {
        eprintln!("=== fault case: {name} ({faults} fault(s))");
        self.proxy.clear();
        let served_before = self.proxy.faults_served().len() + self.s3.faults_served();
        case(self);
        self.proxy.clear();
        let served = self.proxy.faults_served().len() + self.s3.faults_served() - served_before;
        assert!(
            served >= faults.min(1),
            "{name}: no injected fault was hit; the case tests nothing"
        );
        self.totals.faults_tried += faults;
        self.totals.faults_survived += faults;
        self.totals.cases.push(name.to_string());
    }

    /// A bad input: refused (exit non-zero) with a message containing `says`.
    fn bad_input(&mut self, args: &[&str], says: &str) {
        let out = self.run(args);
        assert!(!out.status.success(), "{args:?} was accepted");
        let err = text(&out.stderr);
        assert!(
            err.to_lowercase().contains(&says.to_lowercase()),
            "{args:?}: {err}"
        );
        self.totals.bad_inputs += 1;
        self.totals.bad_inputs_refused += 1;
    }

    /// The phase and item count `snapshot list` shows for a backup, if it lists it.
    fn listed(&mut self, backup: &str) -> Option<(String, i64)> {
        let out = self.run(&["snapshot", "list", "-o", "json"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let list: Value = serde_json::from_slice(&out.stdout).unwrap();
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["metadata"]["name"] == backup)
            .map(|b| {
                (
                    b["status"]["phase"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                    b["status"]["progress"]["itemsBackedUp"]
                        .as_i64()
                        .unwrap_or(-1),
                )
            })
    }

    /// The item count of a backup that must be listed as Completed.
    fn completed_items(&mut self, backup: &str) -> i64 {
        match self.listed(backup) {
            Some((phase, items)) if phase == "Completed" => items,
            other => panic!("backup {backup} is not Completed: {other:?}"),
        }
    }

    fn add(&self, fault: ProxyFault, times: usize, method: Option<&str>, path: Option<&str>) {
        let mut rule = ProxyRule::new(fault).times(times);
        if let Some(m) = method {
            rule = rule.method(m);
        }
        if let Some(p) = path {
            rule = rule.path_contains(p);
        }
        self.proxy.add(rule);
    }
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// Every file under `dir` whose path contains `fragment`.
fn files_named(dir: &std::path::Path, fragment: &str) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(fragment))
        .collect()
}

fn kubeconfig_token(path: &std::path::Path) -> Option<String> {
    let config: Value = serde_saphyr::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    config["users"][0]["user"]["token"]
        .as_str()
        .map(String::from)
}

on_both_backends! {
    fn matrix(cluster) {
        run_matrix(cluster);
    }
}

fn run_matrix(cluster: &TestCluster) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let s3 = runtime
        .block_on(S3Server::start_with(S3Options {
            credentials: Some(("AKIDMATRIX".into(), S3_SECRET.into())),
            ..Default::default()
        }))
        .unwrap();
    let proxy = FaultProxy::for_kubeconfig(cluster.kubeconfig_path()).unwrap();
    let kubeconfig = cluster.temp_dir().join("kubeconfig-via-fault-proxy");
    proxy
        .write_kubeconfig(cluster.kubeconfig_path(), &kubeconfig)
        .unwrap();
    let mut secrets = vec![S3_SECRET.to_string(), CLUSTER_SECRET.to_string()];
    secrets.extend(kubeconfig_token(cluster.kubeconfig_path()));
    let mut m = Matrix {
        cluster,
        proxy,
        kubeconfig,
        s3,
        _runtime: runtime,
        totals: Totals {
            secrets_planted: secrets.len(),
            ..Default::default()
        },
        secrets,
    };

    // The data: ConfigMaps and a Secret whose value must never be printed.
    let shop = cluster.namespace("shop");
    for i in 0..4 {
        cluster
            .objects()
            .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": format!("cm-{i}"), "namespace": shop},
                "data": {"i": i.to_string(), "pad": "x".repeat(2000)}}))
            .unwrap();
    }
    cluster
        .objects()
        .create(json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "db", "namespace": shop},
            "stringData": {"password": CLUSTER_SECRET}}))
        .unwrap();
    let endpoint = m.s3.endpoint.clone();
    let mut profile = s3_profile_args(&endpoint);
    profile.extend([
        "--access-key",
        "AKIDMATRIX",
        "--secret-key",
        S3_SECRET,
        "--name",
        "minio",
        "-n",
        &shop,
    ]);
    let out = m.run(&profile);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let create = |name: &str| -> Vec<String> {
        [
            "snapshot",
            "create",
            name,
            "--include-namespaces",
            &shop,
            "--mode",
            "client",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };

    // A real cluster's controllers add the namespace's `default` ServiceAccount and
    // `kube-root-ca.crt` shortly after it is created: wait for them, or the baseline would miss
    // what later backups hold.
    if cluster.real_cluster().is_some() {
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while cluster
            .objects()
            .get("v1", "ServiceAccount", Some(&shop), "default")
            .is_none()
            || cluster
                .objects()
                .get("v1", "ConfigMap", Some(&shop), "kube-root-ca.crt")
                .is_none()
        {
            assert!(
                std::time::Instant::now() < deadline,
                "namespace {shop} was never set up"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    // The fault-free baseline every faulted backup is compared with.
    let out = m.run(&args(&create("baseline")));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let baseline = m.completed_items("baseline");
    assert!(baseline >= 5, "4 ConfigMaps, a Secret and more: {baseline}");

    // ---- snapshot create: bursts the client must ride out, complete and equal -------------
    let survivable: Vec<(&str, ProxyFault, usize, Option<&str>)> = vec![
        (
            "429 burst with Retry-After on lists",
            ProxyFault::Status {
                code: 429,
                retry_after: Some(1),
            },
            3,
            Some("GET"),
        ),
        (
            "500 burst on reads",
            ProxyFault::Status {
                code: 500,
                retry_after: None,
            },
            3,
            Some("GET"),
        ),
        (
            "503 burst on every verb",
            ProxyFault::Status {
                code: 503,
                retry_after: None,
            },
            3,
            None,
        ),
        (
            "dropped connections",
            ProxyFault::DropConnection,
            2,
            Some("GET"),
        ),
        (
            "reset connections",
            ProxyFault::ResetConnection,
            2,
            Some("GET"),
        ),
        (
            "truncated bodies",
            ProxyFault::TruncateBody(40),
            2,
            Some("GET"),
        ),
        (
            "a 2 s stall",
            ProxyFault::Stall(Duration::from_secs(2)),
            1,
            Some("GET"),
        ),
    ];
    for (i, (label, fault, times, method)) in survivable.into_iter().enumerate() {
        let name = format!("faulted-{i}");
        let throttled = matches!(fault, ProxyFault::Status { code: 429, .. });
        m.fault_case(&format!("snapshot create: {label}"), times, |m| {
            // On the backup's own lists, not on discovery, so the fault meets the collector.
            m.add(fault, times, method, Some(&format!("/namespaces/{shop}/")));
            let out = m.run(&args(&create(&name)));
            let err = text(&out.stderr);
            assert!(out.status.success(), "{label}: {err}");
            if throttled {
                assert!(
                    err.contains("throttled by the API server, retrying in 1s"),
                    "{err}"
                );
            }
            assert_eq!(
                m.completed_items(&name),
                baseline,
                "{label}: not the same backup"
            );
        });
    }

    // ---- persistent throttling: bounded by --request-timeout, said, nothing left ---------
    m.fault_case(
        "snapshot create: persistent 429 with --request-timeout 4s",
        1,
        |m| {
            m.add(
                ProxyFault::Status {
                    code: 429,
                    retry_after: Some(1),
                },
                100_000,
                None,
                Some(&format!("/namespaces/{shop}/")),
            );
            let started = Instant::now();
            let mut a = create("throttled");
            a.extend(["--request-timeout".into(), "4s".into()]);
            let out = m.run(&args(&a));
            let took = started.elapsed();
            let err = text(&out.stderr);
            assert!(!out.status.success(), "{err}");
            assert!(took < Duration::from_secs(40), "ran {took:?}: not bounded");
            assert!(
                err.contains("throttled by the API server, retrying in 1s"),
                "{err}"
            );
            assert!(
                err.contains("giving up on GET") && err.contains("--request-timeout 4s"),
                "{err}"
            );
            // A rate-limited line, not a flood.
            let lines = err.matches("throttled by the API server").count();
            assert!(lines <= 4, "{lines} throttling lines in {took:?}");
            assert_eq!(err.matches("giving up on").count(), 1, "said once: {err}");
            m.proxy.clear();
            // Refused outright, or kept as PartiallyFailed with the failures named: never
            // Completed.
            let listed = m.listed("throttled");
            assert!(
                listed
                    .as_ref()
                    .is_none_or(|(phase, _)| phase != "Completed"),
                "a throttled-out backup is listed as {listed:?}"
            );
        },
    );

    // ---- snapshot list and restore through faults ----------------------------------------
    m.fault_case(
        "snapshot list: 503 and dropped connections reading the profile",
        3,
        |m| {
            m.add(
                ProxyFault::Status {
                    code: 503,
                    retry_after: None,
                },
                2,
                Some("GET"),
                Some("/secrets"),
            );
            m.add(ProxyFault::DropConnection, 1, Some("GET"), Some("/secrets"));
            let out = m.run(&["snapshot", "list", "--profile", &format!("{shop}/minio")]);
            assert!(out.status.success(), "{}", text(&out.stderr));
        },
    );
    let copy = cluster.namespace("copy");
    m.fault_case(
        "snapshot restore: 429 on creates and 500 on reads",
        5,
        |m| {
            m.add(
                ProxyFault::Status {
                    code: 429,
                    retry_after: Some(1),
                },
                3,
                Some("POST"),
                None,
            );
            m.add(
                ProxyFault::Status {
                    code: 500,
                    retry_after: None,
                },
                2,
                Some("GET"),
                Some(&format!("/namespaces/{copy}/")),
            );
            let mapping = format!("{shop}:{copy}");
            let out = m.run(&[
                "snapshot",
                "restore",
                "faulted-0",
                "--mode",
                "client",
                "--namespace-mappings",
                &mapping,
            ]);
            assert!(out.status.success(), "{}", text(&out.stderr));
            for i in 0..4 {
                let cm = cluster
                    .objects()
                    .get("v1", "ConfigMap", Some(&copy), &format!("cm-{i}"))
                    .expect("restored");
                assert_eq!(cm["data"]["i"], i.to_string());
            }
            let secret = cluster
                .objects()
                .get("v1", "Secret", Some(&copy), "db")
                .expect("restored");
            use base64::Engine;
            let password = base64::engine::general_purpose::STANDARD
                .decode(secret["data"]["password"].as_str().unwrap())
                .unwrap();
            assert_eq!(password, CLUSTER_SECRET.as_bytes());
        },
    );

    // Writes: a create refused with 500, and a create the server made whose answer was lost
    // (forwarded, then the connection broken before the body): retried, checked by GET, and
    // counted exactly once.
    let copy2 = cluster.namespace("copy2");
    m.fault_case(
        "snapshot restore: 500 on creates and a lost create answer",
        3,
        |m| {
            let creates = format!("/namespaces/{copy2}/configmaps");
            m.add(
                ProxyFault::Status {
                    code: 500,
                    retry_after: None,
                },
                2,
                Some("POST"),
                Some(&creates),
            );
            m.add(ProxyFault::TruncateBody(0), 1, Some("POST"), Some(&creates));
            let mapping = format!("{shop}:{copy2}");
            let out = m.run(&[
                "snapshot",
                "restore",
                "faulted-0",
                "--mode",
                "client",
                "--namespace-mappings",
                &mapping,
            ]);
            let err = text(&out.stderr);
            assert!(out.status.success(), "{err}");
            assert!(err.contains(" 0 failed"), "{err}");
            for i in 0..4 {
                let cm = cluster
                    .objects()
                    .get("v1", "ConfigMap", Some(&copy2), &format!("cm-{i}"))
                    .expect("restored");
                assert_eq!(cm["data"]["i"], i.to_string());
            }
        },
    );

    // ---- location push / pull: S3 faults and API faults together -------------------------
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("dump.bin");
    let body: Vec<u8> = (0..(11 * 1024 * 1024 + 7))
        .map(|i| (i * 31 % 251) as u8)
        .collect();
    std::fs::write(&source, &body).unwrap();
    let profile = format!("{shop}/minio");
    m.fault_case(
        "location push: SlowDown, a failing part, a dropped part, a 503 on the profile",
        4,
        |m| {
            m.s3.inject(S3Fault::SlowDown, 1, Match::method(Method::PUT));
            m.s3.inject(
                S3Fault::InternalError,
                1,
                Match::method(Method::PUT).with_uri("partNumber=2"),
            );
            m.s3.inject(
                S3Fault::DropConnection,
                1,
                Match::method(Method::PUT).with_uri("partNumber=1"),
            );
            m.add(
                ProxyFault::Status {
                    code: 503,
                    retry_after: None,
                },
                1,
                Some("GET"),
                Some("/secrets"),
            );
            let out = m.run(&[
                "location",
                "push",
                "--profile",
                &profile,
                "--path",
                "app/dump.bin",
                source.to_str().unwrap(),
            ]);
            assert!(out.status.success(), "{}", text(&out.stderr));
            assert!(m.s3.pending_upload_parts().is_empty());
        },
    );
    let pulled = dir.path().join("pulled.bin");
    m.fault_case(
        "location pull: a dropped and a truncated download",
        2,
        |m| {
            m.s3.inject(
                S3Fault::DropConnection,
                1,
                Match::method(Method::GET).with_uri("app/dump.bin"),
            );
            m.s3.inject(
                S3Fault::TruncateBody(1 << 20),
                1,
                Match::method(Method::GET).with_uri("app/dump.bin"),
            );
            let out = m.run(&[
                "location",
                "pull",
                "--profile",
                &profile,
                "--path",
                "app/dump.bin",
                pulled.to_str().unwrap(),
            ]);
            assert!(out.status.success(), "{}", text(&out.stderr));
            assert!(
                std::fs::read(&pulled).unwrap() == body,
                "pulled bytes differ"
            );
        },
    );
    m.fault_case("snapshot create to S3: throttled PUTs", 2, |m| {
        m.s3.inject(S3Fault::SlowDown, 2, Match::method(Method::PUT));
        let mut a = create("s3-ok");
        a.extend(["--profile".into(), profile.clone()]);
        let out = m.run(&args(&a));
        assert!(out.status.success(), "{}", text(&out.stderr));
        let written = files_named(&m.s3.object_path("bucket", ""), "s3-ok");
        assert!(
            written
                .iter()
                .any(|p| p.ends_with("s3-ok/velero-backup.json")),
            "{written:?}"
        );
    });
    m.fault_case(
        "snapshot create to S3: the tarball PUT keeps failing",
        1,
        |m| {
            m.s3.inject(
                S3Fault::InternalError,
                1000,
                Match::method(Method::PUT).with_uri("s3-bad.tar.gz"),
            );
            let mut a = create("s3-bad");
            a.extend(["--profile".into(), profile.clone()]);
            let out = m.run(&args(&a));
            assert!(!out.status.success());
            assert!(
                text(&out.stderr).contains("s3-bad"),
                "{}",
                text(&out.stderr)
            );
            let left = files_named(&m.s3.object_path("bucket", ""), "s3-bad");
            assert!(left.is_empty(), "left behind: {left:?}");
            assert!(m.s3.pending_upload_parts().is_empty());
        },
    );

    // ---- bad inputs: refused, by name, before anything is created --------------------------
    m.bad_input(
        &["snapshot", "create", "Bad_Name", "--mode", "client"],
        "Bad_Name",
    );
    m.bad_input(
        &["snapshot", "create", "x", "--request-timeout", "soon"],
        "soon",
    );
    m.bad_input(&["snapshot", "create", "x", "--ttl", "forever"], "forever");
    m.bad_input(
        &["snapshot", "create", "x", "--concurrency", "0"],
        "concurrency",
    );
    m.bad_input(
        &[
            "snapshot",
            "create",
            "x",
            "--mode",
            "client",
            "--profile",
            &format!("{shop}/missing"),
        ],
        "missing",
    );
    m.bad_input(
        &["snapshot", "restore", "no-such-backup", "--mode", "client"],
        "no-such-backup",
    );
    m.bad_input(
        &[
            "snapshot",
            "restore",
            "baseline",
            "--mode",
            "client",
            "--namespace-mappings",
            "nocolon",
        ],
        "nocolon",
    );
    m.bad_input(
        &["snapshot", "describe", "no-such-backup"],
        "no-such-backup",
    );
    m.bad_input(
        &[
            "location",
            "push",
            "--profile",
            &profile,
            "--path",
            "../escape",
            source.to_str().unwrap(),
        ],
        "escape",
    );
    m.bad_input(
        &[
            "location",
            "pull",
            "--profile",
            &profile,
            "--path",
            "app/not-there",
            pulled.to_str().unwrap(),
        ],
        "not-there",
    );
    m.bad_input(
        &[
            "location",
            "push",
            "--profile",
            &profile,
            "--path",
            "app/x",
            "/no/such/file",
        ],
        "/no/such/file",
    );
    assert!(
        std::fs::read(&pulled).unwrap() == body,
        "a refused pull left the target alone"
    );
    assert!(!m.s3.object_path("bucket", "escape").exists());

    // Verbose output shows every request: still no secret.
    let out = m.run(&["snapshot", "describe", "baseline", "--details", "-v"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = m.run(&["snapshot", "list", "--profile", &profile, "-vv"]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let totals = &m.totals;
    eprintln!(
        "FAULT MATRIX {}: faults tried {}, survived {}; bad inputs {}, refused {}; {} planted secrets grepped in {} outputs ({} greps), {} leaked; cases: {}",
        cluster.backend_name(),
        totals.faults_tried,
        totals.faults_survived,
        totals.bad_inputs,
        totals.bad_inputs_refused,
        totals.secrets_planted,
        totals.outputs_grepped,
        totals.secrets_grepped,
        totals.leaks.len(),
        totals.cases.len()
    );
    let report = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("fault_matrix-{}.json", cluster.backend_name()));
    std::fs::write(&report, serde_json::to_vec_pretty(totals).unwrap()).unwrap();
    assert!(
        totals.leaks.is_empty(),
        "secrets printed: {:?}",
        totals.leaks
    );
}
