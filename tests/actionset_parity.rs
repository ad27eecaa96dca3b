//! Issue #6, "same blueprint and flags, same ActionSet status in both modes": every scenario runs
//! `kubectl backup actionset create … --wait` twice on fresh test beds, once followed in
//! controller mode while the test bed's independent Kanister controller stand-in
//! (`kubectl_backup_testbed::kanister_controller`) runs it, once executed client-side with no
//! controller, and compares the two ActionSets: spec, states, phase states and outputs,
//! artifacts, error message, progress, plus exit code and what the user is told.
//!
//! Most scenarios run on both backends (`parity_test!`): the fake server, whose pods are host
//! processes, and the real node-mode cluster, whose pods are containers of the kando image. On the
//! real cluster, shared by the tests of this binary, each bed's namespaces carry a suffix of their
//! own; `Bed::localised` takes it out again, so both beds' results compare as on the fake.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use kubectl_backup_testbed::TestCluster;
use kubectl_backup_testbed::kanister_controller::{KanisterController, PhaseScript};
use kubectl_backup_testbed::real::ImageBuilder;
use serde_json::{Value, json};

use common::BIN;
use common::cli::text;

mod common;

/// Client-side ActionSets whose pods really run: kept in this binary so that one test binary
/// of the ActionSet tests starts the (machine-wide, one at a time) node-mode cluster.
#[path = "actionset/node.rs"]
mod node;
#[path = "actionset/schedule_node.rs"]
mod schedule_node;

/// The controller namespace and the subjects' namespace (on the real cluster with a suffix).
const NS: &str = "kanister";
const APP: &str = "app";

/// Phases use only the template forms the stand-in renders (field paths); `@DIR@` is a
/// per-bed directory the phases leave marker files in, `@IMAGE@` the task pods' image.
const BLUEPRINT: &str = r#"
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata:
  name: parity
actions:
  backup:
    outputArtifacts:
      dump:
        keyValue:
          path: "{{ .Phases.dump.Output.path }}"
          checked: "{{ .Phases.verify.Output.checked }}"
          replicas: "{{ .Phases.quiesce.Output.originalReplicaCount }}"
      cleanup:
        keyValue:
          done: "{{ .DeferPhase.Output.done }}"
    phases:
    - func: KubeTask
      name: dump
      args:
        image: "@IMAGE@"
        namespace: "{{ .StatefulSet.Namespace }}"
        command:
        - sh
        - -c
        - |
          echo "dumping {{ .StatefulSet.Name }}"
          kando output path "/backups/{{ .Object.metadata.namespace }}/{{ .Object.metadata.name }}/{{ .Options.tag }}"
          kando output size 42
    - func: ScaleWorkload
      name: quiesce
      args:
        replicas: 1
    - func: KubeTask
      name: verify
      args:
        image: "@IMAGE@"
        command:
        - sh
        - -c
        - test "{{ .Phases.dump.Output.path }}" = "/backups/{{ .StatefulSet.Namespace }}/db/{{ .Options.tag }}" && kando output checked "{{ .Phases.dump.Output.size }}"
    deferPhase:
      func: KubeTask
      name: finish
      args:
        image: "@IMAGE@"
        command: ["sh", "-c", "kando output done yes"]
  restore:
    phases:
    - func: KubeTask
      name: restore
      args:
        image: "@IMAGE@"
        namespace: "{{ .StatefulSet.Namespace }}"
        command:
        - sh
        - -c
        - |
          echo "restoring {{ .ArtifactsIn.dump.KeyValue.path }} (checked {{ .ArtifactsIn.dump.KeyValue.checked }})"
          kando output restored "{{ .ArtifactsIn.dump.KeyValue.path }}"
  delete:
    phases:
    - func: KubeTask
      name: forget
      args:
        image: "@IMAGE@"
        namespace: "{{ .Namespace.Name }}"
        command:
        - sh
        - -c
        - kando output forgot "{{ .ArtifactsIn.dump.KeyValue.path }}"; kando output in "{{ .Namespace.Namespace }}"
  badref:
    phases:
    - func: KubeTask
      name: fine
      args:
        image: "@IMAGE@"
        command: ["sh", "-c", "kando output ok yes"]
    - func: KubeTask
      name: uses
      args:
        image: "@IMAGE@"
        command: ["sh", "-c", "echo {{ .Options.nope }}"]
    deferPhase:
      func: KubeTask
      name: tidy
      args:
        image: "@IMAGE@"
        command: ["sh", "-c", "kando output tidied yes"]
  broken:
    outputArtifacts:
      never:
        keyValue:
          x: "{{ .Phases.never.Output.x }}"
    phases:
    - func: KubeTask
      name: first
      args:
        image: "@IMAGE@"
        command: ["sh", "-c", "kando output started yes"]
    - func: KubeTask
      name: failing
      args:
        image: "@IMAGE@"
        namespace: "{{ .StatefulSet.Namespace }}"
        command:
        - sh
        - -c
        - |
          for i in 01 02 03 04 05 06 07 08 09 10 11 12; do echo "log line $i"; done
          echo "the disk is on fire"
          exit 3
    - func: KubeTask
      name: never
      args:
        image: "@IMAGE@"
        command: ["sh", "-c", "touch @DIR@/never-ran; kando output x y"]
    deferPhase:
      func: KubeTask
      name: cleanup
      args:
        image: "@IMAGE@"
        command: ["sh", "-c", "touch @DIR@/defer-ran; kando output cleaned yes"]
  inventory:
    outputArtifacts:
      item:
        keyValue:
          kind: "{{ .Phases.list.Output.kind }}"
          name: "{{ .Object.metadata.name }}"
    phases:
    - func: KubeTask
      name: list
      args:
        image: "@IMAGE@"
        namespace: "{{ .Object.metadata.namespace }}"
        command:
        - sh
        - -c
        - kando output kind "{{ .Object.kind }}"; kando output name "{{ .Object.metadata.name }}"
  picky:
    outputArtifacts:
      item:
        keyValue:
          name: "{{ .Phases.check.Output.name }}"
    phases:
    - func: KubeTask
      name: check
      args:
        image: "@IMAGE@"
        namespace: "{{ .Object.metadata.namespace }}"
        command:
        - sh
        - -c
        - echo "checking {{ .Object.kind }}"; test "{{ .Object.kind }}" = StatefulSet || exit 5; kando output name "{{ .Object.metadata.name }}"
  slow:
    phases:
    - func: KubeTask
      name: wait
      args:
        image: "@IMAGE@"
        namespace: "{{ .StatefulSet.Namespace }}"
        command: ["sh", "-c", "echo started; sleep 300"]
    - func: KubeTask
      name: after
      args:
        image: "@IMAGE@"
        command: ["sh", "-c", "touch @DIR@/after-ran"]
  deferfails:
    outputArtifacts:
      out:
        keyValue:
          v: "{{ .Phases.work.Output.v }}"
    phases:
    - func: KubeTask
      name: work
      args:
        image: "@IMAGE@"
        command: ["sh", "-c", "kando output v 1"]
    deferPhase:
      func: KubeTask
      name: teardown
      args:
        image: "@IMAGE@"
        command: ["sh", "-c", "echo cannot tear down; exit 4"]
"#;

/// What a phase that is not KubeTask returns in controller mode: Kanister's ScaleWorkload
/// output, `originalReplicaCount` as an integer (kanister.md §6).
fn scripts() -> Vec<(&'static str, PhaseScript)> {
    let mut out = serde_json::Map::new();
    out.insert("originalReplicaCount".into(), json!(1));
    vec![("quiesce", PhaseScript::Output(out))]
}

/// How long one `actionset create --wait` may take: generous, so a loaded machine is not a
/// failure, but a hang is reported with what each side was doing instead of stalling CI.
const RUN_LIMIT: Duration = Duration::from_secs(240);

/// Runs the command; `true` with the output when it was still running after [`RUN_LIMIT`]
/// (then killed).
async fn run(mut cmd: Command) -> (Output, bool) {
    tokio::task::spawn_blocking(move || {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let pipe = |mut r: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let _ = r.read_to_end(&mut buf);
                buf
            })
        };
        let stdout = pipe(Box::new(child.stdout.take().unwrap()));
        let stderr = pipe(Box::new(child.stderr.take().unwrap()));
        let deadline = Instant::now() + RUN_LIMIT;
        let mut timed_out = false;
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                timed_out = true;
                let _ = child.kill();
                break child.wait().unwrap();
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let out = Output {
            status,
            stdout: stdout.join().unwrap(),
            stderr: stderr.join().unwrap(),
        };
        (out, timed_out)
    })
    .await
    .unwrap()
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    Controller,
    Client,
}

impl Mode {
    fn flag(self) -> &'static str {
        match self {
            Mode::Controller => "controller",
            Mode::Client => "client",
        }
    }
}

struct Bed {
    mode: Mode,
    cluster: TestCluster,
    controller: Option<KanisterController>,
    /// The controller namespace (`kanister` on the fake).
    ns: String,
    /// The subjects' namespace (`app` on the fake).
    app: String,
    /// Where phases leave marker files: a host directory on the fake, whose pods are host
    /// processes; `None` on a real node, whose containers write into their own `/tmp` (there
    /// the phase states say what ran).
    dir: Option<PathBuf>,
    _dirs: Vec<tempfile::TempDir>,
}

/// What one `actionset create` gave: the process output and the stored ActionSet.
struct Outcome {
    out: Output,
    actionset: Value,
    /// Events recorded on the ActionSet: (type, reason, message), sorted (actions run
    /// concurrently, so only the set is deterministic).
    events: Vec<(String, String, String)>,
}

impl Outcome {
    fn stderr(&self) -> String {
        text(&self.out.stderr)
    }
}

/// Two beds, controller mode on `controller` and client-side on `client`, set up side by side,
/// then `body` on a runtime of its own.
fn both_modes<F: Future<Output = ()>>(
    controller: TestCluster,
    client: TestCluster,
    body: impl FnOnce(Bed, Bed) -> F,
) {
    let (ctrl, client) = std::thread::scope(|scope| {
        let ctrl = scope.spawn(|| Bed::new(Mode::Controller, controller));
        let client = Bed::new(Mode::Client, client);
        (ctrl.join().expect("controller-mode bed"), client)
    });
    runtime().block_on(body(ctrl, client));
}

/// One controller-mode bed, then `body`.
fn controller_only<F: Future<Output = ()>>(cluster: TestCluster, body: impl FnOnce(Bed) -> F) {
    let bed = Bed::new(Mode::Controller, cluster);
    runtime().block_on(body(bed));
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// A scenario on both backends: `mod NAME { fn fake(); fn real() }`, like
/// `kubectl_backup_testbed::on_both_backends!` but with a bed (and its own cluster handle) per
/// mode: `fn NAME(ctrl, client)` for both modes, `fn NAME(ctrl)` for controller mode only.
macro_rules! parity_test {
    ($(#[$attr:meta])* fn $name:ident($ctrl:ident, $client:ident) $body:block) => {
        $(#[$attr])*
        mod $name {
            use super::*;

            async fn body($ctrl: Bed, $client: Bed) $body

            #[test]
            fn fake() {
                both_modes(TestCluster::fake(), TestCluster::fake(), body);
            }

            #[test]
            fn real() {
                let test = concat!(module_path!(), "::real");
                let Some(ctrl) = TestCluster::real_node(test) else { return };
                let Some(client) = TestCluster::real_node(test) else { return };
                both_modes(ctrl, client, body);
            }
        }
    };
    ($(#[$attr:meta])* fn $name:ident($ctrl:ident) $body:block) => {
        $(#[$attr])*
        mod $name {
            use super::*;

            async fn body($ctrl: Bed) $body

            #[test]
            fn fake() {
                controller_only(TestCluster::fake(), body);
            }

            #[test]
            fn real() {
                let Some(cluster) = TestCluster::real_node(concat!(module_path!(), "::real"))
                else {
                    return;
                };
                controller_only(cluster, body);
            }
        }
    };
}

impl Bed {
    /// Kanister's CRDs, StatefulSet app/db, Deployment app/web, the parity Blueprint and
    /// `kando` in the task pods (on the fake's PATH; the kando image on a real node); in
    /// controller mode the stand-in runs too.
    fn new(mode: Mode, cluster: TestCluster) -> Bed {
        cluster.install_kanister_crds();
        let ns = cluster.namespace(NS);
        let app = cluster.namespace(APP);
        let objects = cluster.objects();
        let mut dirs = Vec::new();
        let (image, dir) = match cluster.real_cluster() {
            Some(real) => (
                ImageBuilder::kando_image(real, Path::new(BIN))
                    .unwrap_or_else(|e| panic!("building the kando image: {e}")),
                None,
            ),
            None => {
                let tools = tempfile::tempdir().unwrap();
                std::os::unix::fs::symlink(BIN, tools.path().join("kando")).unwrap();
                cluster
                    .fake_server()
                    .unwrap()
                    .set_pod_path_prefix(tools.path());
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().to_path_buf();
                dirs.extend([tools, dir]);
                ("busybox".to_string(), Some(path))
            }
        };
        // The subjects only need to run: the pause image (the fake runs a container without a
        // command until it is deleted).
        let template = json!({"metadata": {"labels": {"app": "x"}},
            "spec": {"terminationGracePeriodSeconds": 1, "containers": [{"name": "main",
                "image": "registry.k8s.io/pause:3.10", "imagePullPolicy": "IfNotPresent"}]}});
        for (kind, name) in [("StatefulSet", "db"), ("Deployment", "web")] {
            let mut template = template.clone();
            template["metadata"]["labels"]["app"] = json!(name);
            objects
                .create(json!({"apiVersion": "apps/v1", "kind": kind,
                    "metadata": {"name": name, "namespace": app},
                    "spec": {"replicas": 1, "serviceName": name,
                        "selector": {"matchLabels": {"app": name}}, "template": template}}))
                .unwrap();
        }
        let marker_dir = dir
            .as_ref()
            .map_or_else(|| "/tmp".to_string(), |d| d.display().to_string());
        let mut blueprint: Value = serde_saphyr::from_str(
            &BLUEPRINT
                .replace("@DIR@", &marker_dir)
                .replace("@IMAGE@", &image),
        )
        .unwrap();
        blueprint["metadata"]["namespace"] = json!(ns);
        objects.create(blueprint).unwrap();
        let controller = (mode == Mode::Controller).then(|| {
            scripts()
                .into_iter()
                .fold(KanisterController::builder(&ns), |b, (phase, script)| {
                    b.script(phase, script)
                })
                .start(&cluster)
        });
        Bed {
            mode,
            cluster,
            controller,
            ns,
            app,
            dir,
            _dirs: dirs,
        }
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = self.cluster.command(BIN);
        c.args(args).args(["-n", &self.ns, "--no-progress"]);
        c
    }

    /// What this bed adds to names on the shared real cluster (`""` on the fake).
    fn suffix(&self) -> &str {
        self.ns.strip_prefix(NS).unwrap_or("")
    }

    /// `text` as the fake would show it: this bed's namespace names without their suffix.
    fn localised_text(&self, text: &str) -> String {
        if self.suffix().is_empty() {
            text.to_string()
        } else {
            text.replace(self.suffix(), "")
        }
    }

    /// [`localised_text`](Self::localised_text) on every string of a JSON value.
    fn localised(&self, value: &Value) -> Value {
        match value {
            Value::String(s) => Value::String(self.localised_text(s)),
            Value::Array(items) => Value::Array(items.iter().map(|i| self.localised(i)).collect()),
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), self.localised(v)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    fn actionset(&self, name: &str) -> Option<Value> {
        self.cluster
            .objects()
            .get("cr.kanister.io/v1alpha1", "ActionSet", Some(&self.ns), name)
    }

    fn pods(&self) -> Vec<Value> {
        [&self.ns, &self.app]
            .iter()
            .flat_map(|ns| self.cluster.objects().list("v1", "Pod", Some(ns)))
            .collect()
    }

    /// `actionset create ARGS --name NAME --wait`, with `--mode <this bed's>` unless ARGS
    /// chooses one. Namespace names in ARGS are the fake's (`app`); they are localised.
    async fn create(&self, name: &str, args: &[&str]) -> Outcome {
        let mut all: Vec<String> = ["actionset", "create", "--name", name, "--wait"]
            .iter()
            .map(|a| a.to_string())
            .collect();
        all.extend(args.iter().map(|a| self.localise_arg(a)));
        if !args.contains(&"--mode") {
            all.extend(["--mode".to_string(), self.mode.flag().to_string()]);
        }
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let (mut out, timed_out) = run(self.cmd(&all)).await;
        assert!(
            !timed_out,
            "{:?} mode ({} backend): `{}` still running after {RUN_LIMIT:?}\nstdout:\n{}\nstderr:\n{}\nactionset: {:#}\npods: {:#}\ncontroller: handled {:?}, problems {:?}, phases {:?}",
            self.mode,
            self.cluster.backend_name(),
            all.join(" "),
            text(&out.stdout),
            text(&out.stderr),
            self.actionset(name).unwrap_or_default(),
            Value::Array(self.pods()),
            self.controller.as_ref().map(|c| c.handled()),
            self.controller.as_ref().map(|c| c.problems()),
            self.controller.as_ref().map(|c| c.phases()),
        );
        if let Some(controller) = &self.controller {
            assert!(
                controller.handled().contains(&name.to_string()),
                "the controller did not take up {name}: {:?}",
                controller.handled()
            );
            // Its last Event may come just after the final status the CLI saw.
            let deadline = Instant::now() + Duration::from_secs(60);
            while !controller.finished().contains(&name.to_string()) {
                assert!(
                    Instant::now() < deadline,
                    "the controller never finished {name}"
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            assert_eq!(controller.problems(), Vec::<String>::new());
        }
        // Read once the controller is done: its last write may come after what the CLI saw.
        let actionset = self.actionset(name).unwrap_or_else(|| {
            panic!(
                "{:?} mode: actionset {name} not recorded\nstdout:\n{}\nstderr:\n{}",
                self.mode,
                text(&out.stdout),
                text(&out.stderr)
            )
        });
        let mut events: Vec<(String, String, String)> = self
            .cluster
            .objects()
            .list("v1", "Event", Some(&self.ns))
            .into_iter()
            .filter(|e| e["involvedObject"]["name"] == name)
            .map(|e| {
                let field = |k: &str| self.localised_text(e[k].as_str().unwrap_or(""));
                (field("type"), field("reason"), field("message"))
            })
            .collect();
        events.sort();
        out.stdout = self.localised_text(&text(&out.stdout)).into_bytes();
        out.stderr = self.localised_text(&text(&out.stderr)).into_bytes();
        Outcome {
            out,
            actionset: self.localised(&actionset),
            events,
        }
    }

    /// `app` or `app/NAME` → this bed's namespace.
    fn localise_arg(&self, arg: &str) -> String {
        match arg.split_once('/') {
            Some((APP, name)) => format!("{}/{name}", self.app),
            None if arg == APP => self.app.clone(),
            _ => arg.to_string(),
        }
    }

    fn task_pods(&self) -> Vec<String> {
        self.pods()
            .into_iter()
            .filter(|p| p["metadata"]["labels"]["createdBy"] == "kanister")
            .map(|p| p["metadata"]["name"].as_str().unwrap_or("").to_string())
            .collect()
    }

    /// The task pods as created (the request bodies), minus our own ActionSet label, sorted;
    /// `None` on the real cluster, which keeps no request log.
    fn created_task_pods(&self) -> Option<Vec<Value>> {
        let server = self.cluster.fake_server()?;
        let mut pods: Vec<Value> = server
            .requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/pods"))
            .filter_map(|r| r.body_json())
            .filter(|p| p["metadata"]["labels"]["createdBy"] == "kanister")
            .map(|mut p| {
                if let Some(labels) = p["metadata"]["labels"].as_object_mut() {
                    labels.retain(|k, _| !k.starts_with("kubectl-backup.io/"));
                }
                normalised(&p)
            })
            .collect();
        pods.sort_by_key(|p| p.to_string());
        Some(pods)
    }

    /// Whether a phase left marker `name`; `None` where markers cannot be seen (a real node).
    fn marker(&self, name: &str) -> Option<bool> {
        self.dir.as_ref().map(|dir| dir.join(name).exists())
    }
}

/// What may differ between two runs of the same thing: timestamps, the generated task pod
/// names, and how empty fields are serialised (Go writes `""`/`{}` where we may omit them).
fn normalised(value: &Value) -> Value {
    fn walk(v: &Value, pods: &regex::Regex) -> Option<Value> {
        let out = match v {
            Value::Object(m) => {
                let mut out = serde_json::Map::new();
                for (k, child) in m {
                    if k == "lastTransitionTime" {
                        continue;
                    }
                    if let Some(c) = walk(child, pods) {
                        out.insert(k.clone(), c);
                    }
                }
                Value::Object(out)
            }
            Value::Array(items) => {
                Value::Array(items.iter().filter_map(|i| walk(i, pods)).collect())
            }
            Value::String(s) => Value::String(pods.replace_all(s, "kanister-job-*").into_owned()),
            other => other.clone(),
        };
        let empty = match &out {
            Value::Null => true,
            Value::String(s) => s.is_empty(),
            Value::Object(m) => m.is_empty(),
            Value::Array(a) => a.is_empty(),
            _ => false,
        };
        (!empty).then_some(out)
    }
    let pods = regex::Regex::new(r"kanister-job-[a-z0-9]{5}").unwrap();
    walk(value, &pods).unwrap_or(Value::Null)
}

/// Spec and status must agree once normalised; stdout (the result lines) and the exit code too.
#[track_caller]
fn assert_parity(controller: &Outcome, client: &Outcome) {
    for part in ["spec", "status"] {
        let a = normalised(&controller.actionset[part]);
        let b = normalised(&client.actionset[part]);
        assert!(
            a == b,
            "{part} differs between modes\ncontroller mode:\n{}\nclient-side:\n{}\ncontroller stderr:\n{}\nclient stderr:\n{}",
            serde_json::to_string_pretty(&a).unwrap(),
            serde_json::to_string_pretty(&b).unwrap(),
            controller.stderr(),
            client.stderr()
        );
    }
    // Events: the same reasons; the controller's fixed wording for Normal ones. A Warning's
    // message carries the error, whose wording is each side's own.
    let events = |o: &Outcome| -> Vec<(String, String, String)> {
        o.events
            .iter()
            .map(|(t, r, m)| {
                let m = if t == "Normal" {
                    m.clone()
                } else {
                    String::new()
                };
                (t.clone(), r.clone(), m)
            })
            .collect()
    };
    assert!(
        !controller.events.is_empty(),
        "the controller recorded no Events"
    );
    assert_eq!(
        events(controller),
        events(client),
        "Events differ between modes (controller mode first)"
    );
    assert_eq!(
        controller.out.status.code(),
        client.out.status.code(),
        "exit codes differ\ncontroller stderr:\n{}\nclient stderr:\n{}",
        controller.stderr(),
        client.stderr()
    );
    assert_eq!(text(&controller.out.stdout), text(&client.out.stdout));
}

parity_test! {
    fn backup_with_outputs_and_artifacts_then_restore_from_it_match(ctrl, client) {
        let backup_args = [
            "--action",
            "backup",
            "--blueprint",
            "parity",
            "--statefulset",
            "app/db",
            "--options",
            "tag=nightly",
            "--podlabels",
            "team=db",
            "--podannotations",
            "note=parity",
        ];
        let a = ctrl.create("backup-1", &backup_args).await;
        let b = client.create("backup-1", &backup_args).await;
        assert_parity(&a, &b);
        // Kanister's KubeTask pod recipe (kanister.md §7), pod labels and annotations included
        // (the fake's request log shows the pods as created).
        let pods = ctrl.created_task_pods().unwrap_or_default();
        if let Some(client_pods) = client.created_task_pods() {
            assert_eq!(pods.len(), 3, "{pods:#?}");
            assert_eq!(pods, client_pods);
        }
        for pod in &pods {
            assert_eq!(pod["metadata"]["generateName"], "kanister-job-");
            assert_eq!(
                pod["metadata"]["labels"],
                json!({"createdBy": "kanister", "team": "db"})
            );
            assert_eq!(pod["metadata"]["annotations"], json!({"note": "parity"}));
            assert_eq!(pod["spec"]["restartPolicy"], "Never");
            assert_eq!(pod["spec"]["containers"][0]["name"], "container");
            assert_eq!(
                pod["spec"]["containers"][0]["imagePullPolicy"],
                "IfNotPresent"
            );
        }

        // The shared result is the one the reference calls for, not merely the same twice.
        let status = &a.actionset["status"];
        assert_eq!(status["state"], "complete", "{status:#}");
        assert_eq!(status["progress"]["percentCompleted"], "100");
        let phases = &status["actions"][0]["phases"];
        assert_eq!(
            phases[0]["output"],
            json!({"path": "/backups/app/db/nightly", "size": "42"})
        );
        assert_eq!(phases[1]["output"]["originalReplicaCount"], json!(1));
        assert_eq!(phases[2]["output"], json!({"checked": "42"}));
        assert_eq!(status["actions"][0]["deferPhase"]["name"], "finish");
        assert_eq!(
            status["actions"][0]["deferPhase"]["output"],
            json!({"done": "yes"})
        );
        assert_eq!(
            status["actions"][0]["artifacts"],
            json!({"dump": {"keyValue": {"path": "/backups/app/db/nightly", "checked": "42", "replicas": "1"}},
                   "cleanup": {"keyValue": {"done": "yes"}}})
        );
        assert!(a.out.status.success());
        let stdout = text(&a.out.stdout);
        assert!(
            stdout.contains("artifact dump.path: /backups/app/db/nightly"),
            "{stdout}"
        );
        // Controller mode followed the stand-in's status and Events; nothing ran client-side.
        let followed = a.stderr();
        assert!(
            followed.contains("run by the Kanister controller"),
            "{followed}"
        );
        assert!(
            followed.contains("event Normal Started Action: Executing action backup"),
            "{followed}"
        );
        let controller = ctrl.controller.as_ref().unwrap();
        let quiesce = controller
            .phases()
            .into_iter()
            .find(|p| p.phase == "quiesce")
            .expect("the scripted phase ran");
        assert_eq!(quiesce.func, "ScaleWorkload");
        assert_eq!(Value::Object(quiesce.args), json!({"replicas": 1}));
        assert!(ctrl.task_pods().is_empty() && client.task_pods().is_empty());

        // --from: the parent's rendered artifacts become the child's input artifacts.
        let restore_args = ["--action", "restore", "--from", "backup-1"];
        let a = ctrl.create("restore-1", &restore_args).await;
        let b = client.create("restore-1", &restore_args).await;
        assert_parity(&a, &b);
        assert_eq!(
            a.actionset["spec"]["actions"][0]["artifacts"]["dump"]["keyValue"]["path"],
            "/backups/app/db/nightly"
        );
        let status = &a.actionset["status"];
        assert_eq!(status["state"], "complete", "{status:#}");
        assert_eq!(
            status["actions"][0]["phases"][0]["output"],
            json!({"restored": "/backups/app/db/nightly"})
        );

        // kanctl's delete: --from the backup with --namespacetargets (`.Namespace` from the object).
        let delete_args = [
            "--action",
            "delete",
            "--from",
            "backup-1",
            "--namespacetargets",
            "app",
        ];
        let a = ctrl.create("delete-1", &delete_args).await;
        let b = client.create("delete-1", &delete_args).await;
        assert_parity(&a, &b);
        let status = &a.actionset["status"];
        assert_eq!(status["state"], "complete", "{status:#}");
        assert_eq!(
            status["actions"][0]["phases"][0]["output"],
            json!({"forgot": "/backups/app/db/nightly", "in": "app"})
        );
    }
}

parity_test! {
    fn failing_phase_stops_runs_the_defer_phase_and_reports_alike(ctrl, client) {
        let args = [
            "--action",
            "broken",
            "--blueprint",
            "parity",
            "--statefulset",
            "app/db",
        ];
        let a = ctrl.create("broken-1", &args).await;
        let b = client.create("broken-1", &args).await;
        assert_parity(&a, &b);

        let status = &a.actionset["status"];
        assert_eq!(status["state"], "failed", "{status:#}");
        let states: Vec<&Value> = status["actions"][0]["phases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| &p["state"])
            .collect();
        assert_eq!(
            states,
            [&json!("complete"), &json!("failed"), &json!("pending")]
        );
        assert_eq!(status["actions"][0]["deferPhase"]["state"], "complete");
        assert_eq!(
            status["actions"][0]["deferPhase"]["output"],
            json!({"cleaned": "yes"})
        );
        // Output artifacts stay the unrendered templates.
        assert_eq!(
            status["actions"][0]["artifacts"]["never"]["keyValue"]["x"],
            "{{ .Phases.never.Output.x }}"
        );
        let message = status["error"]["message"].as_str().unwrap();
        assert!(message.contains("failing"), "{message}");
        assert!(message.contains("exit code 3"), "{message}");

        // Both modes: non-zero exit, the failing phase named, the last ten log lines shown.
        let tail: Vec<String> = (3..=12)
            .map(|i| format!("log line {i:02}"))
            .skip(1)
            .chain(["the disk is on fire".to_string()])
            .collect();
        // Controller mode also shows the controller's Events as they come.
        let followed = a.stderr();
        for event in [
            "event Warning ActionSetFailed Action: broken: Failed to execute phase failing",
            "event Normal Started deferPhase: Executing deferPhase cleanup",
            "event Normal Ended deferPhase: Completed deferPhase cleanup",
        ] {
            assert!(followed.contains(event), "{event:?} missing:\n{followed}");
        }
        for (bed, outcome) in [(&ctrl, &a), (&client, &b)] {
            assert!(!outcome.out.status.success(), "{:?}", bed.mode);
            let stderr = outcome.stderr();
            assert!(
                stderr.contains("in phase \"failing\""),
                "{:?}: {stderr}",
                bed.mode
            );
            for line in &tail {
                assert!(
                    stderr.contains(line.as_str()),
                    "{:?}: {line:?} missing:\n{stderr}",
                    bed.mode
                );
            }
            for old in ["log line 01", "log line 02", "log line 03"] {
                assert!(
                    !stderr.contains(old),
                    "{:?}: more than ten lines:\n{stderr}",
                    bed.mode
                );
            }
            // (On a real node the phase states above say the same.)
            assert_ne!(
                bed.marker("defer-ran"),
                Some(false),
                "{:?}: the defer phase did not run",
                bed.mode
            );
            assert_ne!(
                bed.marker("never-ran"),
                Some(true),
                "{:?}: a phase after the failure ran",
                bed.mode
            );
            assert!(
                bed.task_pods().is_empty(),
                "{:?}: {:?}",
                bed.mode,
                bed.task_pods()
            );
        }
    }
}

/// Fake only: `--mode auto` looks for a controller in every namespace, and on the real cluster,
/// shared by this binary's tests, another test's stand-in would be found.
#[test]
fn several_subjects_run_as_several_actions_alike() {
    both_modes(TestCluster::fake(), TestCluster::fake(), several_subjects);
}

async fn several_subjects(ctrl: Bed, client: Bed) {
    let args = [
        "--action",
        "inventory",
        "--blueprint",
        "parity",
        "--statefulset",
        "app/db",
        "--deployment",
        "app/web",
        "--mode",
        "auto",
    ];
    // The same flags, mode chosen by what the cluster runs: the stand-in's Deployment and the
    // CRDs make `auto` follow the controller; without them it runs client-side.
    let a = ctrl.create("inventory-1", &args).await;
    let b = client.create("inventory-1", &args).await;
    assert!(
        a.stderr().contains("run by the Kanister controller"),
        "{}",
        a.stderr()
    );
    assert!(
        !b.stderr().contains("run by the Kanister controller"),
        "{}",
        b.stderr()
    );
    assert_parity(&a, &b);
    let status = &a.actionset["status"];
    assert_eq!(status["state"], "complete", "{status:#}");
    let actions = status["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 2);
    let summary: Vec<(Value, Value)> = actions
        .iter()
        .map(|a| {
            (
                a["object"]["kind"].clone(),
                a["artifacts"]["item"]["keyValue"].clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                json!("statefulset"),
                json!({"kind": "StatefulSet", "name": "db"})
            ),
            (
                json!("deployment"),
                json!({"kind": "Deployment", "name": "web"})
            ),
        ]
    );
}

parity_test! {
    fn one_failing_action_among_several_and_a_failing_defer_phase_alike(ctrl, client) {
        // Actions run concurrently: the StatefulSet's completes (artifacts rendered), the
        // Deployment's fails, and the ActionSet fails with that error.
        let args = [
            "--action",
            "picky",
            "--blueprint",
            "parity",
            "--statefulset",
            "app/db",
            "--deployment",
            "app/web",
        ];
        let a = ctrl.create("picky-1", &args).await;
        let b = client.create("picky-1", &args).await;
        assert_parity(&a, &b);
        let status = &a.actionset["status"];
        assert_eq!(status["state"], "failed", "{status:#}");
        assert_eq!(status["actions"][0]["phases"][0]["state"], "complete");
        assert_eq!(
            status["actions"][0]["artifacts"]["item"]["keyValue"]["name"],
            "db"
        );
        assert_eq!(status["actions"][1]["phases"][0]["state"], "failed");
        assert_eq!(
            status["actions"][1]["artifacts"]["item"]["keyValue"]["name"],
            "{{ .Phases.check.Output.name }}"
        );
        let message = status["error"]["message"].as_str().unwrap();
        assert!(
            message.contains("exit code 5") && message.contains("checking Deployment"),
            "{message}"
        );

        // A failing defer phase fails the ActionSet even though every phase succeeded.
        let args = [
            "--action",
            "deferfails",
            "--blueprint",
            "parity",
            "--statefulset",
            "app/db",
        ];
        let a = ctrl.create("deferfails-1", &args).await;
        let b = client.create("deferfails-1", &args).await;
        assert_parity(&a, &b);
        let status = &a.actionset["status"];
        assert_eq!(status["state"], "failed", "{status:#}");
        assert_eq!(status["actions"][0]["phases"][0]["state"], "complete");
        assert_eq!(status["actions"][0]["deferPhase"]["state"], "failed");
        assert_eq!(
            status["actions"][0]["artifacts"]["out"]["keyValue"]["v"],
            "{{ .Phases.work.Output.v }}"
        );
        for outcome in [&a, &b] {
            let stderr = outcome.stderr();
            assert!(stderr.contains("in phase \"teardown\""), "{stderr}");
            assert!(stderr.contains("cannot tear down"), "{stderr}");
        }
    }
}

parity_test! {
    fn an_action_missing_from_the_blueprint_fails_alike(ctrl, client) {
        let args = [
            "--action",
            "nosuch",
            "--blueprint",
            "parity",
            "--statefulset",
            "app/db",
        ];
        let a = ctrl.create("nosuch-1", &args).await;
        let b = client.create("nosuch-1", &args).await;
        assert_parity(&a, &b);
        let status = &a.actionset["status"];
        assert_eq!(status["state"], "failed", "{status:#}");
        assert!(
            status["error"]["message"]
                .as_str()
                .unwrap()
                .contains("nosuch"),
            "{status:#}"
        );
        assert!(ctrl.task_pods().is_empty() && client.task_pods().is_empty());
    }
}

parity_test! {
    fn a_template_error_fails_its_phase_and_still_runs_the_defer_phase_alike(ctrl, client) {
        // `.Options.nope` without --options: a missing map key is an error (missingkey=error).
        let args = [
            "--action",
            "badref",
            "--blueprint",
            "parity",
            "--statefulset",
            "app/db",
        ];
        let a = ctrl.create("badref-1", &args).await;
        let b = client.create("badref-1", &args).await;
        // The wording of a template error is each engine's own (ours gives line:column); both name
        // the missing key.
        let without_message = |o: &Outcome| {
            let mut o = Outcome {
                out: o.out.clone(),
                actionset: o.actionset.clone(),
                events: o.events.clone(),
            };
            o.actionset["status"]["error"] = Value::Null;
            o
        };
        assert_parity(&without_message(&a), &without_message(&b));
        for outcome in [&a, &b] {
            let message = outcome.actionset["status"]["error"]["message"]
                .as_str()
                .unwrap_or("");
            assert!(message.contains("nope"), "{message}");
        }
        let status = &a.actionset["status"];
        assert_eq!(status["state"], "failed", "{status:#}");
        let states: Vec<&Value> = status["actions"][0]["phases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| &p["state"])
            .collect();
        assert_eq!(states, [&json!("complete"), &json!("failed")]);
        assert_eq!(status["actions"][0]["deferPhase"]["state"], "complete");
    }
}

/// The stand-in is only trustworthy if it refuses what it does not implement: a template form
/// outside its subset and a function without a script fail the ActionSet and are listed as
/// problems, never guessed at. (About the stand-in itself, so the fake is enough.)
#[test]
fn the_stand_in_refuses_what_it_does_not_implement() {
    controller_only(TestCluster::fake(), stand_in_refuses);
}

async fn stand_in_refuses(bed: Bed) {
    let store = bed.cluster.objects();
    store
        .create(
            json!({"apiVersion": "cr.kanister.io/v1alpha1", "kind": "Blueprint",
            "metadata": {"name": "beyond", "namespace": bed.ns},
            "actions": {
                "fancy": {"phases": [{"func": "KubeTask", "name": "fancy", "args": {
                    "image": "busybox",
                    "command": ["sh", "-c", "echo {{ index .Object.metadata.labels \"app\" }}"]}}]},
                "unscripted": {"phases": [{"func": "KubeExec", "name": "exec", "args": {
                    "namespace": "app", "pod": "db-0", "command": ["true"]}}]}}}),
        )
        .unwrap();
    for action in ["fancy", "unscripted"] {
        let name = format!("{action}-1");
        let args = [
            "--action",
            action,
            "--blueprint",
            "beyond",
            "--statefulset",
            "app/db",
            "--mode",
            "controller",
        ];
        let mut all = vec!["actionset", "create", "--name", &name, "--wait"];
        all.extend_from_slice(&args);
        let (out, timed_out) = run(bed.cmd(&all)).await;
        assert!(!timed_out && !out.status.success(), "{}", text(&out.stderr));
        let status = bed.actionset(&name).unwrap()["status"].clone();
        assert_eq!(status["state"], "failed", "{status:#}");
        assert!(
            status["error"]["message"]
                .as_str()
                .unwrap()
                .contains("unsupported by the test controller")
                || action == "unscripted",
            "{status:#}"
        );
    }
    let problems = bed.controller.as_ref().unwrap().problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("index"), "{problems:?}");
    assert!(
        problems[1].contains("KubeExec has no script"),
        "{problems:?}"
    );
}

parity_test! {
    /// Deleting a running ActionSet is how a controller-mode run is cancelled (the CLI's Ctrl-C
    /// "cancel" does it): the controller stops the function, deletes its pod, starts nothing more.
    fn deleting_a_running_actionset_stops_it_in_controller_mode(bed) {
        // Without --wait and without a terminal, create returns once the ActionSet exists.
        let (out, timed_out) = run(bed.cmd(&[
            "actionset",
            "create",
            "--name",
            "slow-1",
            "--action",
            "slow",
            "--blueprint",
            "parity",
            "--statefulset",
            &bed.localise_arg("app/db"),
            "--mode",
            "controller",
        ]))
        .await;
        assert!(!timed_out && out.status.success(), "{}", text(&out.stderr));
        let deadline = Instant::now() + Duration::from_secs(120);
        while !bed.pods().iter().any(|p| {
            p["metadata"]["labels"]["createdBy"] == "kanister" && p["status"]["phase"] == "Running"
        }) {
            assert!(Instant::now() < deadline, "the task pod never ran");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let (out, _) = run(bed.cmd(&["actionset", "delete", "slow-1"])).await;
        assert!(out.status.success(), "{}", text(&out.stderr));
        let controller = bed.controller.as_ref().unwrap();
        let deadline = Instant::now() + Duration::from_secs(120);
        while !(bed.task_pods().is_empty() && controller.finished().contains(&"slow-1".to_string())) {
            assert!(
                Instant::now() < deadline,
                "task pods left: {:?}",
                bed.task_pods()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(controller.cancelled(), ["slow-1"]);
        assert_ne!(
            bed.marker("after-ran"),
            Some(true),
            "a phase started after the deletion"
        );
        assert_eq!(controller.problems(), Vec::<String>::new());
    }
}
