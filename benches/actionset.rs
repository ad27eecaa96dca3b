//! `cargo bench --bench actionset`: the overhead of a client-side ActionSet on the real node-mode
//! cluster (kube-apiserver v1.36, kube-scheduler, kubelet, containerd and runc on 127.0.0.1,
//! started by the test bed: pods really run), against the pods' own time in the same run.
//!
//! - ours: `kubectl backup actionset create --action bench --blueprint … --namespace-target NS
//!   --mode client` of a blueprint action with `ACTIONSET_BENCH_PHASES` (default 3) KubeTask
//!   phases, each `echo …; sleep ACTIONSET_BENCH_SLEEP` (default 1 s) in `localhost/tools:1`
//!   (the node's preloaded busybox image), wall time of the whole command (process start,
//!   discovery, the ActionSet record and its Events, each task pod created, its log followed,
//!   waited for and deleted);
//! - baseline: the same pods (the spec KubeTask makes: same image, command, labels and
//!   namespace) created straight through the API one after another, each watched until it has
//!   Succeeded, then deleted with grace period 0: the floor for running those phases;
//! - for scale, the same with kubectl: `kubectl run --restart=Never`, `kubectl wait` for
//!   `Succeeded`, `kubectl delete --wait=false` (when `/usr/bin/kubectl` exists).
//!
//! Overhead = ours − baseline, per round. `ACTIONSET_BENCH_ROUNDS` counted rounds (default 5)
//! after one warm-up round; the sides alternate within a round. The load average is printed with
//! every figure: on a shared machine it says how much to trust it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, DeleteParams, PostParams};
use kubectl_backup_testbed::TestCluster;
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_kubectl-backup");
const KUBECTL: &str = "/usr/bin/kubectl";
/// Preloaded on the node (busybox with all applets): no image build, no pull.
const IMAGE: &str = "localhost/tools:1";
const POD_TIMEOUT: Duration = Duration::from_secs(300);

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo test --benches` runs bench binaries without `--bench`: stay quick then.
    if !std::env::args().any(|a| a == "--bench") {
        println!("actionset: run with `cargo bench --bench actionset`");
        return;
    }
    let phases = env_number("ACTIONSET_BENCH_PHASES", 3).max(1) as usize;
    let sleep = env_number("ACTIONSET_BENCH_SLEEP", 1);
    let rounds = env_number("ACTIONSET_BENCH_ROUNDS", 5).max(1) as usize;

    println!("load average before the cluster starts: {}", load_average());
    let started = Instant::now();
    // Reports the skip (why there is no node-mode cluster) and returns None: exit 0.
    let Some(cluster) = TestCluster::real_node("the actionset bench") else {
        return;
    };
    println!(
        "node-mode cluster ready in {:.1}s; load average {}",
        started.elapsed().as_secs_f64(),
        load_average()
    );
    cluster.install_kanister_crds();
    let kanister = cluster.namespace("kanister");
    let target = cluster.namespace("bench");
    let commands: Vec<Vec<String>> = (0..phases)
        .map(|i| {
            vec![
                "sh".into(),
                "-c".into(),
                format!("echo phase {i}; sleep {sleep}; echo done"),
            ]
        })
        .collect();
    let blueprint_phases: Vec<Value> = commands
        .iter()
        .enumerate()
        .map(|(i, command)| {
            json!({"func": "KubeTask", "name": format!("task{i}"),
                "args": {"image": IMAGE, "namespace": "{{ .Namespace.Name }}", "command": command}})
        })
        .collect();
    cluster
        .objects()
        .create(
            json!({"apiVersion": "cr.kanister.io/v1alpha1", "kind": "Blueprint",
            "metadata": {"name": "bench-blueprint", "namespace": kanister},
            "actions": {"bench": {"phases": blueprint_phases}}}),
        )
        .expect("creating the blueprint");

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let client = runtime.block_on(async { cluster.client() });
    let pods: Api<Pod> = Api::namespaced(client, &target);
    let kubectl = Path::new(KUBECTL).is_file();

    println!(
        "actionset bench: {phases} KubeTask phases of `sleep {sleep}` in {IMAGE}, {rounds} rounds after a warm-up; load average {}",
        load_average()
    );
    let mut ours = Vec::new();
    let mut baseline = Vec::new();
    let mut with_kubectl = Vec::new();
    let mut loads = Vec::new();
    for round in 0..=rounds {
        let load = load_average();
        // Alternate which side goes first, so neither always follows the other's cleanup.
        let (our_time, base_time) = if round % 2 == 0 {
            let o = run_actionset(&cluster, &kanister, &target, round);
            let b = runtime.block_on(run_pods(&pods, &commands));
            (o, b)
        } else {
            let b = runtime.block_on(run_pods(&pods, &commands));
            let o = run_actionset(&cluster, &kanister, &target, round);
            (o, b)
        };
        let kubectl_time = kubectl.then(|| run_kubectl(&cluster, &target, &commands, round));
        let label = if round == 0 {
            "warm-up (not counted)".to_string()
        } else {
            format!("round {round}")
        };
        println!(
            "{label}: actionset {:.2}s, pods through the API {:.2}s, overhead {:+.2}s{}; load average {load}",
            our_time,
            base_time,
            our_time - base_time,
            kubectl_time.map_or(String::new(), |k| format!(", kubectl run+wait {k:.2}s")),
        );
        if round > 0 {
            ours.push(our_time);
            baseline.push(base_time);
            with_kubectl.extend(kubectl_time);
            loads.push(load);
        }
    }

    let overhead: Vec<f64> = ours.iter().zip(&baseline).map(|(o, b)| o - b).collect();
    println!();
    println!(
        "| what ({phases} phases × `sleep {sleep}`, {rounds} rounds) | mean s | min s | per phase (mean) |"
    );
    println!("|---|---:|---:|---:|");
    let row = |what: &str, values: &[f64]| {
        if values.is_empty() {
            return;
        }
        let (mean, min) = mean_min(values);
        println!(
            "| {what} | {mean:.2} | {min:.2} | {:.2} |",
            mean / phases as f64
        );
    };
    row(
        "`actionset create --mode client` (ours, whole command)",
        &ours,
    );
    row(
        "the same pods through the API (create, watch to Succeeded, delete)",
        &baseline,
    );
    row("overhead = ours − pods (same round)", &overhead);
    row(
        "`kubectl run --restart=Never` + `kubectl wait` + `kubectl delete`",
        &with_kubectl,
    );
    println!();
    println!(
        "load average during the counted rounds: {}",
        loads.join("; ")
    );
    println!("load average at end: {}", load_average());
}

/// One client-side run of the bench action; seconds of the whole command.
fn run_actionset(cluster: &TestCluster, kanister: &str, target: &str, round: usize) -> f64 {
    let name = format!("bench-run-{round}");
    let mut command = cluster.command(BIN);
    command
        .args(["actionset", "create", "--action", "bench"])
        .args([
            "--blueprint",
            "bench-blueprint",
            "--namespace-target",
            target,
        ])
        .args([
            "--name",
            &name,
            "--mode",
            "client",
            "--wait",
            "--no-progress",
        ])
        .args(["-n", kanister])
        .stdin(Stdio::null());
    let started = Instant::now();
    let output = command.output().expect("run kubectl-backup");
    let seconds = started.elapsed().as_secs_f64();
    assert!(
        output.status.success(),
        "actionset create failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let record = cluster
        .objects()
        .get(
            "cr.kanister.io/v1alpha1",
            "ActionSet",
            Some(kanister),
            &name,
        )
        .expect("the ActionSet record");
    assert_eq!(record["status"]["state"], "complete", "{record:#}");
    seconds
}

/// The same pods as the KubeTask phases, one after another: create, watch until Succeeded,
/// delete (grace period 0, as the ActionSet run does). Seconds for all of them.
async fn run_pods(pods: &Api<Pod>, commands: &[Vec<String>]) -> f64 {
    let started = Instant::now();
    for command in commands {
        let pod: Pod = serde_json::from_value(json!({
            "metadata": {"generateName": "bench-baseline-", "labels": {"createdBy": "bench"}},
            "spec": {"restartPolicy": "Never", "containers": [{"name": "container",
                "image": IMAGE, "imagePullPolicy": "IfNotPresent", "command": command}]}}))
        .expect("pod JSON");
        let created = pods
            .create(&PostParams::default(), &pod)
            .await
            .expect("creating a pod");
        let name = created.metadata.name.expect("generated name");
        let ended =
            kube::runtime::wait::await_condition(pods.clone(), &name, |pod: Option<&Pod>| {
                matches!(phase(pod).as_deref(), Some("Succeeded" | "Failed"))
            });
        let pod = tokio::time::timeout(POD_TIMEOUT, ended)
            .await
            .unwrap_or_else(|_| panic!("pod {name} did not finish in {POD_TIMEOUT:?}"))
            .expect("watching the pod");
        assert_eq!(
            phase(pod.as_ref()).as_deref(),
            Some("Succeeded"),
            "{pod:#?}"
        );
        pods.delete(&name, &DeleteParams::default().grace_period(0))
            .await
            .expect("deleting the pod");
    }
    started.elapsed().as_secs_f64()
}

fn phase(pod: Option<&Pod>) -> Option<String> {
    pod?.status.as_ref()?.phase.clone()
}

/// The same pods with kubectl, one after another: run, wait for Succeeded, delete.
fn run_kubectl(cluster: &TestCluster, target: &str, commands: &[Vec<String>], round: usize) -> f64 {
    let started = Instant::now();
    for (i, command) in commands.iter().enumerate() {
        let name = format!("bench-kubectl-{round}-{i}");
        let mut run = cluster.command(KUBECTL);
        run.args(["run", &name, "-n", target, "--image", IMAGE])
            .args(["--image-pull-policy", "IfNotPresent", "--restart", "Never"])
            .args(["--command", "--"])
            .args(command);
        kubectl_ok(run);
        let mut wait = cluster.command(KUBECTL);
        wait.args(["wait", "-n", target, "--timeout", "300s"])
            .arg("--for=jsonpath={.status.phase}=Succeeded")
            .arg(format!("pod/{name}"));
        kubectl_ok(wait);
        let mut delete = cluster.command(KUBECTL);
        delete.args(["delete", "pod", &name, "-n", target]).args([
            "--grace-period=0",
            "--force",
            "--wait=false",
        ]);
        kubectl_ok(delete);
    }
    started.elapsed().as_secs_f64()
}

fn kubectl_ok(mut command: Command) {
    let output = command.stdin(Stdio::null()).output().expect("run kubectl");
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn mean_min(values: &[f64]) -> (f64, f64) {
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let min = values.iter().cloned().fold(f64::INFINITY, f64::min);
    (mean, min)
}

/// `/proc/loadavg`'s 1, 5 and 15 minute figures.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "unknown".into())
}
