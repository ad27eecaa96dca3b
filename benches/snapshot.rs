//! `cargo bench --bench snapshot`: `snapshot create` and `snapshot restore` on a real control
//! plane (kube-apiserver v1.36 + etcd on 127.0.0.1, started by the test bed), each side by side
//! with its baseline in the same run:
//!
//! - create for every filter shape (no filter, `--include-resources configmaps`, a list of many
//!   namespaces, the glob `'perf-*'`, one namespace, a label selector), each followed at once by
//!   the raw paginated LIST (limit=500 and `continue`, one stream, each page decoded: the floor
//!   for any client) that gets the same ConfigMaps — for a glob or a list of names the server
//!   has no filter, so that is every ConfigMap, the others dropped — and `kubectl get cm -A -o
//!   json`; a last table gives each shape's ratios;
//! - restore of the `perf-*` backup into mapped namespaces, against `kubectl create
//!   --validate=false -f` of the same ConfigMaps (exported with kubectl) into fresh namespaces.
//!
//! The data: N namespaces `perf-NNN` × 100 ConfigMaps of 1 KiB, plus as many again in `other-NNN`
//! namespaces. `SNAPSHOT_BENCH_SCALE` scales N: 1.0 is the set (200 namespaces, 40,000
//! ConfigMaps in all); the default, 0.25, runs in a few minutes on a busy 2-core machine.
//! `SNAPSHOT_BENCH_BACKEND=fake` runs the same on the test bed's fake API server (no cluster, no
//! per-request cost of a real apiserver: it measures the client side alone).
//!
//! The load average is printed with every row: on a shared machine it says how much to trust a
//! figure, and both sides of a comparison run back to back under the same load.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use futures::{StreamExt, TryStreamExt, stream};
use k8s_openapi::api::core::v1::{ConfigMap, Namespace};
use kube::api::{Api, PostParams};
use kubectl_backup_testbed::FakeApiServer;
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_kubectl-backup");
const KUBECTL: &str = "/usr/bin/kubectl";
const CONFIGMAPS_PER_NAMESPACE: usize = 100;
/// Clients creating objects at once while seeding (kube-apiserver admits 200 mutations at once).
const SEED_CONCURRENCY: usize = 16;
/// Label of every seeded ConfigMap, so the restored ones are counted apart from the ConfigMaps
/// the controllers create (`kube-root-ca.crt` in every namespace).
const SEED_LABEL: (&str, &str) = ("bench", "snapshot");
const PAGE_SIZE: usize = 500;

fn main() {
    // `cargo test --benches` runs bench binaries without `--bench`: stay quick then.
    if !std::env::args().any(|a| a == "--bench") {
        println!("snapshot: run with `cargo bench --bench snapshot`");
        return;
    }
    let scale: f64 = std::env::var("SNAPSHOT_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.25);
    let namespaces = ((200.0 * scale).round() as usize).max(1);
    let fake = std::env::var("SNAPSHOT_BENCH_BACKEND").is_ok_and(|v| v == "fake");
    let Some(target) = (if fake { Target::fake() } else { Target::real() }) else {
        return;
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let http = target.http_client();

    println!(
        "snapshot bench on the {} backend: scale {scale} = {namespaces} namespaces perf-* × {CONFIGMAPS_PER_NAMESPACE} ConfigMaps of 1 KiB, plus as many again in other-*",
        target.backend
    );
    println!("load average at start: {}", load_average());

    let perf: Vec<String> = (0..namespaces).map(|n| format!("perf-{n:03}")).collect();
    let other: Vec<String> = (0..namespaces).map(|n| format!("other-{n:03}")).collect();
    let seeding = Instant::now();
    let client = runtime.block_on(target.kube_client());
    runtime.block_on(seed(&client, &[perf.clone(), other.clone()].concat()));
    let seeded = 2 * namespaces * CONFIGMAPS_PER_NAMESPACE;
    println!(
        "seeded {seeded} ConfigMaps in {} namespaces in {:.1}s ({:.0} objects/s, {SEED_CONCURRENCY} concurrent clients)",
        2 * namespaces,
        seeding.elapsed().as_secs_f64(),
        seeded as f64 / seeding.elapsed().as_secs_f64()
    );

    let mut table = Table::default();

    // (a) snapshot create for every filter shape, each followed at once by the raw paginated
    // LIST a client must make to get the same objects (for a namespace glob or a list of
    // names the server has no filter: every ConfigMap, the others dropped).
    let half: Vec<String> = perf[..(namespaces / 2).max(1)].to_vec();
    let shapes: Vec<Shape> = vec![
        Shape {
            label: "all",
            backup: "bench-all",
            args: vec![],
            raw: RawList::everything(),
        },
        Shape {
            label: "one type",
            backup: "bench-cms",
            args: vec!["--include-resources".into(), "configmaps".into()],
            raw: RawList::everything(),
        },
        Shape {
            label: "many namespaces",
            backup: "bench-many",
            args: vec!["--include-namespaces".into(), half.join(",")],
            raw: RawList {
                keep: Keep::Namespaces(half.clone()),
                ..RawList::everything()
            },
        },
        Shape {
            label: "glob",
            backup: "bench-perf",
            args: vec!["--include-namespaces".into(), "perf-*".into()],
            raw: RawList {
                keep: Keep::Prefix("perf-"),
                ..RawList::everything()
            },
        },
        Shape {
            label: "one namespace",
            backup: "bench-one",
            args: vec!["--include-namespaces".into(), perf[0].clone()],
            raw: RawList {
                namespace: Some(perf[0].clone()),
                ..RawList::everything()
            },
        },
        Shape {
            label: "label selector",
            backup: "bench-selector",
            args: vec![
                "--selector".into(),
                format!("{}={}", SEED_LABEL.0, SEED_LABEL.1),
            ],
            raw: RawList {
                label_selector: Some(format!("{}={}", SEED_LABEL.0, SEED_LABEL.1)),
                ..RawList::everything()
            },
        },
    ];
    let mut comparisons = Vec::new();
    for shape in &shapes {
        let load = load_average();
        let mut command = target.command(BIN);
        command
            .args(["snapshot", "create", shape.backup, "--mode", "client"])
            .args(&shape.args);
        let run = timed(command);
        let ours_items = backed_up_items(&run.stderr);
        let what = format!("snapshot create, {}: {}", shape.label, shape.args.join(" "));
        let what = if what.len() > 90 {
            format!("{}…", &what[..90])
        } else {
            what
        };
        table.row(&what, ours_items, &run, load);
        let load = load_average();
        let started = Instant::now();
        let listed = runtime.block_on(list_configmaps(
            &http,
            &target,
            shape.raw.namespace.as_deref(),
            shape.raw.label_selector.as_deref(),
        ));
        let seconds = started.elapsed().as_secs_f64();
        let kept = listed.iter().filter(|cm| shape.raw.keeps(cm)).count();
        drop(listed);
        table.row_seconds(
            &format!("  raw LIST of the same ConfigMaps ({})", shape.label),
            kept,
            seconds,
            None,
            load,
        );
        comparisons.push((
            shape.label,
            ours_items as f64 / run.seconds,
            kept as f64 / seconds,
        ));
    }

    // (b) kubectl get cm -A -o json, kept: it is what the kubectl restore below creates from.
    let export = target.work.path().join("kubectl-get-cm.json");
    let load = load_average();
    let mut command = target.command(KUBECTL);
    command.args(["get", "configmaps", "-A", "-o", "json"]);
    command.stdout(File::create(&export).expect("export file"));
    let run = timed(command);
    let exported: Value =
        serde_json::from_slice(&std::fs::read(&export).expect("read the export")).expect("JSON");
    let kubectl_items = exported["items"].as_array().map_or(0, Vec::len);
    table.row("kubectl get cm -A -o json", kubectl_items, &run, load);
    let kubectl_get_rate = kubectl_items as f64 / run.seconds;

    // (c) the raw paginated LIST of every ConfigMap, the floor for any client.
    let load = load_average();
    let started = Instant::now();
    let listed = runtime.block_on(list_configmaps(&http, &target, None, None));
    let seconds = started.elapsed().as_secs_f64();
    table.row_seconds(
        "raw LIST /api/v1/configmaps (limit=500)",
        listed.len(),
        seconds,
        None,
        load,
    );
    assert_eq!(
        listed.len(),
        kubectl_items,
        "the raw LIST and kubectl agree"
    );
    drop(listed);

    // (d) restore into mapped namespaces, against kubectl create of the same ConfigMaps.
    let restored_objects = namespaces * (CONFIGMAPS_PER_NAMESPACE + 1);
    let mappings = (0..namespaces)
        .map(|n| format!("perf-{n:03}:restored-{n:03}"))
        .collect::<Vec<_>>()
        .join(",");
    let load = load_average();
    let mut command = target.command(BIN);
    command.args([
        "snapshot",
        "restore",
        "bench-perf",
        "--mode",
        "client",
        "--restore-name",
        "bench-restore",
        "--namespace-mappings",
        &mappings,
    ]);
    let ours = timed(command);
    table.row(
        "snapshot restore (perf-* into restored-*)",
        restored_objects,
        &ours,
        load,
    );
    if let Some(summary) = ours.stderr.lines().find(|l| l.starts_with("Restore ")) {
        println!("{summary}");
    }
    let restored = runtime.block_on(count_seeded(&http, &target, "restored-"));
    assert_eq!(
        restored,
        namespaces * CONFIGMAPS_PER_NAMESPACE,
        "snapshot restore created every ConfigMap"
    );

    let manifest = target.work.path().join("kubectl-create.json");
    std::fs::write(
        &manifest,
        serde_json::to_vec(&kubectl_restore_list(&exported, namespaces)).expect("JSON"),
    )
    .expect("write the manifest");
    drop(exported);
    let load = load_average();
    let mut command = target.command(KUBECTL);
    command
        .args(["create", "--validate=false", "-o", "name", "-f"])
        .arg(&manifest);
    let theirs = timed(command);
    table.row(
        "kubectl create --validate=false -f (into kubectl-*)",
        restored_objects,
        &theirs,
        load,
    );
    let created = runtime.block_on(count_seeded(&http, &target, "kubectl-"));
    assert_eq!(
        created,
        namespaces * CONFIGMAPS_PER_NAMESPACE,
        "kubectl created every ConfigMap"
    );

    table.print();
    println!(
        "| filter shape | create objects/s | raw LIST objects/s | create / raw LIST (goal ≥ 60%) | create / kubectl get -A (goal ≥ 5x) |"
    );
    println!("|---|---:|---:|---:|---:|");
    for (label, ours_rate, raw_rate) in &comparisons {
        println!(
            "| {label} | {ours_rate:.0} | {raw_rate:.0} | {:.0}% | {:.1}x |",
            100.0 * ours_rate / raw_rate,
            ours_rate / kubectl_get_rate
        );
    }
    println!(
        "ratios: snapshot restore is {:.2}x as fast as kubectl create -f (goal ≥ 4x)",
        theirs.seconds / ours.seconds
    );
    println!("load average at end: {}", load_average());
}

/// Where the bench runs: the cluster's kubeconfig and API, and a work folder that is `HOME` for
/// the tools (the local backup location lives there).
struct Target {
    backend: &'static str,
    kubeconfig: PathBuf,
    api_url: String,
    token: String,
    ca_file: Option<PathBuf>,
    work: tempfile::TempDir,
    /// Kept alive for the run (fake backend only).
    _server: Option<FakeApiServer>,
}

impl Target {
    /// The test bed's real control plane, or `None` after reporting the skip.
    fn real() -> Option<Target> {
        let cluster = match kubectl_backup_testbed::real::control_plane() {
            Ok(cluster) => cluster,
            Err(reason) => {
                kubectl_backup_testbed::skip::skipped(
                    "the snapshot bench",
                    &format!(
                        "no real Kubernetes: {reason} (SNAPSHOT_BENCH_BACKEND=fake runs it on the fake server)"
                    ),
                );
                return None;
            }
        };
        Some(Target {
            backend: "real (kube-apiserver v1.36 + etcd on 127.0.0.1)",
            kubeconfig: cluster.kubeconfig(),
            api_url: cluster.api_url().to_string(),
            token: cluster.env["K8S_API_TOKEN"].clone(),
            ca_file: cluster.env.get("K8S_CA_FILE").map(PathBuf::from),
            work: work_dir(),
            _server: None,
        })
    }

    fn fake() -> Option<Target> {
        let server = FakeApiServer::start_blocking();
        server.set_controllers_enabled(false);
        // kubectl sends no token over plain http.
        server.allow_anonymous(true);
        Some(Target {
            backend: "fake (the test bed's in-process API server)",
            kubeconfig: server.kubeconfig_path().to_path_buf(),
            api_url: server.url().to_string(),
            token: kubectl_backup_testbed::apiserver::ADMIN_TOKEN.to_string(),
            ca_file: None,
            work: work_dir(),
            _server: Some(server),
        })
    }

    /// `program` against this cluster, with nothing of the caller's kube or proxy settings, run
    /// under `/usr/bin/time -v` (for the peak RSS) when it is installed.
    fn command(&self, program: &str) -> Command {
        let gnu_time = Path::new("/usr/bin/time");
        let mut command = if gnu_time.is_file() {
            let mut wrapped = Command::new(gnu_time);
            wrapped.arg("-v").arg(program);
            wrapped
        } else {
            Command::new(program)
        };
        for (key, _) in std::env::vars_os() {
            let key_text = key.to_string_lossy();
            if key_text.starts_with("KUBECTL_")
                || key_text.starts_with("KUBERNETES_")
                || key_text.starts_with("XDG_")
                || key_text.to_ascii_lowercase().ends_with("_proxy")
            {
                command.env_remove(&key);
            }
        }
        let home = self.work.path().join("home");
        std::fs::create_dir_all(&home).expect("home dir");
        command
            .env("KUBECONFIG", &self.kubeconfig)
            .env("HOME", home);
        command
    }

    async fn kube_client(&self) -> kube::Client {
        let kubeconfig = kube::config::Kubeconfig::read_from(&self.kubeconfig).expect("kubeconfig");
        let config = kube::Config::from_custom_kubeconfig(kubeconfig, &Default::default())
            .await
            .expect("kube config");
        kube::Client::try_from(config).expect("kube client")
    }

    fn http_client(&self) -> reqwest::Client {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = reqwest::Client::builder();
        if let Some(ca) = &self.ca_file {
            let pem = std::fs::read(ca).expect("the cluster's CA");
            builder =
                builder.tls_certs_merge(reqwest::Certificate::from_pem_bundle(&pem).expect("CA"));
        }
        builder.build().expect("HTTP client")
    }
}

fn work_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("kb-snapshot-bench-")
        .tempdir()
        .expect("temp dir")
}

/// Creates the namespaces, then their ConfigMaps, `SEED_CONCURRENCY` requests at a time. An
/// object that exists already (a reused cluster) is fine.
async fn seed(client: &kube::Client, namespaces: &[String]) {
    let payload = "x".repeat(1024);
    let ignore_exists = |result: Result<(), kube::Error>| match result {
        Err(kube::Error::Api(e)) if e.code == 409 => Ok(()),
        other => other,
    };
    stream::iter(namespaces.iter().cloned())
        .map(|name| {
            let api: Api<Namespace> = Api::all(client.clone());
            async move {
                let ns: Namespace =
                    serde_json::from_value(json!({"metadata": {"name": name}})).unwrap();
                ignore_exists(api.create(&PostParams::default(), &ns).await.map(drop))
            }
        })
        .buffer_unordered(SEED_CONCURRENCY)
        .try_collect::<()>()
        .await
        .expect("creating the namespaces");
    let configmaps = namespaces
        .iter()
        .flat_map(|ns| (0..CONFIGMAPS_PER_NAMESPACE).map(move |i| (ns.clone(), i)));
    stream::iter(configmaps)
        .map(|(ns, i)| {
            let api: Api<ConfigMap> = Api::namespaced(client.clone(), &ns);
            let cm: ConfigMap = serde_json::from_value(json!({
                "metadata": {"name": format!("cm-{i:04}"), "labels": {SEED_LABEL.0: SEED_LABEL.1, "index": i.to_string()}},
                "data": {"payload": payload, "index": i.to_string()}}))
            .unwrap();
            async move { ignore_exists(api.create(&PostParams::default(), &cm).await.map(drop)) }
        })
        .buffer_unordered(SEED_CONCURRENCY)
        .try_collect::<()>()
        .await
        .expect("creating the ConfigMaps");
}

/// Every ConfigMap (matching `label_selector`), by a paginated LIST in one stream; each page is
/// decoded, as any client must.
async fn list_configmaps(
    http: &reqwest::Client,
    target: &Target,
    namespace: Option<&str>,
    label_selector: Option<&str>,
) -> Vec<Value> {
    let mut items = Vec::new();
    let mut continue_token = String::new();
    let path = match namespace {
        Some(ns) => format!("/api/v1/namespaces/{ns}/configmaps"),
        None => "/api/v1/configmaps".to_string(),
    };
    loop {
        let mut url = url::Url::parse(&format!("{}{path}", target.api_url)).expect("API URL");
        {
            let mut query = url.query_pairs_mut();
            query.append_pair("limit", &PAGE_SIZE.to_string());
            if let Some(selector) = label_selector {
                query.append_pair("labelSelector", selector);
            }
            if !continue_token.is_empty() {
                query.append_pair("continue", &continue_token);
            }
        }
        let response = http
            .get(url)
            .bearer_auth(&target.token)
            .send()
            .await
            .expect("LIST configmaps");
        assert!(
            response.status().is_success(),
            "LIST: {}",
            response.status()
        );
        let mut page: Value = serde_json::from_slice(&response.bytes().await.expect("body"))
            .expect("a JSON ConfigMapList");
        if let Some(Value::Array(page_items)) = page.get_mut("items").map(Value::take) {
            items.extend(page_items);
        }
        continue_token = page["metadata"]["continue"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        if continue_token.is_empty() {
            return items;
        }
    }
}

/// How many seeded ConfigMaps there are in namespaces named `prefix*`.
async fn count_seeded(http: &reqwest::Client, target: &Target, prefix: &str) -> usize {
    let selector = format!("{}={}", SEED_LABEL.0, SEED_LABEL.1);
    list_configmaps(http, target, None, Some(&selector))
        .await
        .iter()
        .filter(|cm| {
            cm["metadata"]["namespace"]
                .as_str()
                .is_some_and(|ns| ns.starts_with(prefix))
        })
        .count()
}

/// The plain way to restore the `perf-*` namespaces: their seeded ConfigMaps from `kubectl get`
/// without what the server owns, pointed at `kubectl-NNN`, each namespace first.
fn kubectl_restore_list(exported: &Value, namespaces: usize) -> Value {
    let mut items: Vec<Value> = (0..namespaces)
        .map(|n| json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": format!("kubectl-{n:03}")}}))
        .collect();
    for item in exported["items"].as_array().into_iter().flatten() {
        let namespace = item["metadata"]["namespace"].as_str().unwrap_or_default();
        let seeded = item["metadata"]["labels"][SEED_LABEL.0] == SEED_LABEL.1;
        let Some(index) = namespace.strip_prefix("perf-") else {
            continue;
        };
        if !seeded {
            continue;
        }
        let mut item = item.clone();
        let metadata = item["metadata"].as_object_mut().expect("metadata");
        for field in [
            "uid",
            "resourceVersion",
            "creationTimestamp",
            "generation",
            "managedFields",
        ] {
            metadata.remove(field);
        }
        metadata.insert("namespace".into(), json!(format!("kubectl-{index}")));
        items.push(item);
    }
    json!({"apiVersion": "v1", "kind": "List", "items": items})
}

/// One filter shape of `snapshot create`, and the raw LIST that gets the same ConfigMaps.
struct Shape {
    label: &'static str,
    backup: &'static str,
    args: Vec<String>,
    raw: RawList,
}

/// A paginated LIST of ConfigMaps (in one namespace or all, with a label selector or not),
/// and which of the listed items are the shape's.
struct RawList {
    namespace: Option<String>,
    label_selector: Option<String>,
    keep: Keep,
}

enum Keep {
    All,
    Namespaces(Vec<String>),
    Prefix(&'static str),
}

impl RawList {
    fn everything() -> Self {
        RawList {
            namespace: None,
            label_selector: None,
            keep: Keep::All,
        }
    }

    fn keeps(&self, item: &Value) -> bool {
        let namespace = item["metadata"]["namespace"].as_str().unwrap_or_default();
        match &self.keep {
            Keep::All => true,
            Keep::Namespaces(names) => names.iter().any(|n| n == namespace),
            Keep::Prefix(prefix) => namespace.starts_with(prefix),
        }
    }
}

struct Timing {
    seconds: f64,
    peak_kib: Option<u64>,
    stderr: String,
}

/// Runs a command made by [`Target::command`] and times it; the peak RSS comes from
/// `/usr/bin/time -v` when that wraps it.
fn timed(mut command: Command) -> Timing {
    let started = Instant::now();
    let output: Output = command
        .stdin(Stdio::null())
        .output()
        .expect("run the command");
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{command:?} failed:\n{stderr}");
    let peak_kib = stderr.lines().find_map(|l| {
        l.trim()
            .strip_prefix("Maximum resident set size (kbytes): ")
            .and_then(|v| v.trim().parse().ok())
    });
    Timing {
        seconds,
        peak_kib,
        stderr,
    }
}

/// `Backup "NAME" completed: N items (…)` on stderr.
fn backed_up_items(stderr: &str) -> usize {
    stderr
        .lines()
        .filter(|l| l.starts_with("Backup "))
        .find_map(|l| l.split_once(" items").map(|(before, _)| before))
        .and_then(|before| before.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no item count in the output of snapshot create:\n{stderr}"))
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

#[derive(Default)]
struct Table {
    rows: Vec<(String, usize, f64, Option<u64>, String)>,
}

impl Table {
    fn row(&mut self, what: &str, objects: usize, run: &Timing, load: String) {
        self.row_seconds(what, objects, run.seconds, run.peak_kib, load);
    }

    fn row_seconds(
        &mut self,
        what: &str,
        objects: usize,
        seconds: f64,
        peak_kib: Option<u64>,
        load: String,
    ) {
        println!(
            "{what}: {objects} objects in {seconds:.2}s ({:.0} objects/s)",
            objects as f64 / seconds
        );
        self.rows
            .push((what.to_string(), objects, seconds, peak_kib, load));
    }

    fn print(&self) {
        println!();
        println!("| what | objects | seconds | objects/s | peak RSS | load average (1 5 15 min) |");
        println!("|---|---:|---:|---:|---:|---|");
        for (what, objects, seconds, peak_kib, load) in &self.rows {
            let rss = peak_kib.map_or("-".to_string(), |kib| {
                format!("{:.0} MiB", kib as f64 / 1024.0)
            });
            println!(
                "| {what} | {objects} | {seconds:.2} | {:.0} | {rss} | {load} |",
                *objects as f64 / seconds
            );
        }
        println!();
    }
}
