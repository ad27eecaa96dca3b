//! Client-side ActionSets whose pods really run (part of the `actionset_parity` binary, the one
//! that starts the node-mode cluster): the same test body on the fake server (pods as
//! host processes, `kando` on their PATH) and on the real node-mode cluster (containers of the
//! kando image, `hostNetwork` to reach the in-process S3 server on the host's loopback).
//!
//! The app is a StatefulSet whose container writes its data file into a hostPath directory
//! mounted at the same path, so the test reads and damages the data from the host on both
//! backends, and the data survives the app being scaled to zero.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use kubectl_backup_testbed::TestCluster;
use kubectl_backup_testbed::real::ImageBuilder;
use kubectl_backup_testbed::s3::S3Server;
use serde_json::{Value, json};

use super::common::BIN;
use super::common::cli::{ok, send_signal, text};
use super::common::files::{self, bucket_objects};
use super::common::kanister::{actionset_events, create_s3_profile, created_name, start_s3};

/// What the app writes on its first start.
const ORIGINAL: &str = "row 1: alice\nrow 2: bob\n";
/// Generous: task pods start in about a second on an idle node, much later on a loaded one.
const POD_TIMEOUT: Duration = Duration::from_secs(180);

/// A StatefulSet `app` in namespace `db` with its data in `data_dir`, a Kanister Profile for the
/// S3 server, and the app blueprint, on either backend.
pub(super) struct AppBed<'a> {
    cluster: &'a TestCluster,
    s3: S3Server,
    /// Runs the S3 server's accept loop (declared after it: dropped after it).
    _runtime: tokio::runtime::Runtime,
    pub(super) kanister: String,
    pub(super) db: String,
    data_dir: PathBuf,
    _dirs: Vec<tempfile::TempDir>,
}

impl<'a> AppBed<'a> {
    pub(super) fn new(cluster: &'a TestCluster) -> Self {
        let (s3, runtime) = start_s3();
        cluster.install_kanister_crds();
        let kanister = cluster.namespace("kanister");
        let db = cluster.namespace("db");
        let objects = cluster.objects();

        let data = tempfile::Builder::new()
            .prefix("kubectl-backup-app-data-")
            .tempdir()
            .unwrap();
        let data_dir = data.path().to_path_buf();
        let mut dirs = vec![data];
        let image = match cluster.real_cluster() {
            Some(real) => ImageBuilder::kando_image(real, Path::new(BIN))
                .unwrap_or_else(|e| panic!("building the kando image: {e}")),
            None => {
                // Host-process pods: `kando` is the binary under test, first on their PATH.
                let tools = tempfile::tempdir().unwrap();
                std::os::unix::fs::symlink(BIN, tools.path().join("kando")).unwrap();
                let server = cluster.fake_server().unwrap();
                server.set_pod_path_prefix(tools.path());
                dirs.push(tools);
                "localhost/kubectl-backup-tools:fake".to_string()
            }
        };

        let data_path = data_dir.display().to_string();
        // `trap`: the shell is PID 1 in the container and would otherwise ignore SIGTERM, so
        // every scale-down would wait out the grace period.
        let app_script = format!(
            "trap 'exit 0' TERM; test -f {data_path}/data.txt || printf '{}' > {data_path}/data.txt; while true; do sleep 1; done",
            ORIGINAL.replace('\n', "\\n")
        );
        objects
            .create(json!({"apiVersion": "apps/v1", "kind": "StatefulSet",
                "metadata": {"name": "app", "namespace": db},
                "spec": {"replicas": 1, "serviceName": "app",
                    "selector": {"matchLabels": {"app": "app"}},
                    "template": {"metadata": {"labels": {"app": "app"}},
                        "spec": {"hostNetwork": true, "terminationGracePeriodSeconds": 5,
                            "containers": [{"name": "app", "image": image,
                                "imagePullPolicy": "IfNotPresent",
                                "command": ["sh", "-c", app_script],
                                // No CA bundle in the image, none mounted: kando needs
                                // none for the S3 server's http:// endpoint.
                                "volumeMounts": [{"name": "data", "mountPath": data_path}]}],
                            "volumes": [{"name": "data",
                                "hostPath": {"path": data_path, "type": "Directory"}}]}}}}))
            .unwrap();
        create_s3_profile(cluster, &s3, &kanister, "team");
        let blueprint_text = std::fs::read_to_string(files::data("actionset/app-blueprint.yaml"))
            .unwrap()
            .replace("@DATA@", &data_path)
            .replace("@IMAGE@", &image);
        let mut blueprint: Value = serde_saphyr::from_str(&blueprint_text).unwrap();
        blueprint["metadata"]["namespace"] = json!(kanister);
        objects.create(blueprint).unwrap();

        let bed = AppBed {
            cluster,
            s3,
            _runtime: runtime,
            kanister,
            db,
            data_dir,
            _dirs: dirs,
        };
        // The actions read `.StatefulSet.Pods` (running pods only) and the app writes its data
        // when it starts.
        bed.wait_for_app_running();
        cluster.wait_for("the app's data file", POD_TIMEOUT, || {
            (bed.data() == ORIGINAL).then_some(())
        });
        bed
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = self.cluster.command(BIN);
        c.args(args).args(["-n", &self.kanister, "--no-progress"]);
        if args.starts_with(&["actionset", "create"]) {
            // Client-side: on the real cluster, shared by this binary's tests, `--mode auto`
            // would find the controller stand-in another test runs.
            c.args(["--mode", "client"]);
        }
        c
    }

    pub(super) fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    fn data(&self) -> String {
        std::fs::read_to_string(self.data_dir.join("data.txt")).unwrap_or_default()
    }

    fn app_pod(&self) -> Option<Value> {
        self.cluster
            .objects()
            .get("v1", "Pod", Some(&self.db), "app-0")
    }

    pub(super) fn wait_for_app_running(&self) -> Value {
        self.cluster.wait_for("pod app-0 Running", POD_TIMEOUT, || {
            self.app_pod().filter(|p| {
                p["status"]["phase"] == "Running" && p["metadata"]["deletionTimestamp"].is_null()
            })
        })
    }

    pub(super) fn actionset(&self, name: &str) -> Value {
        self.cluster
            .objects()
            .get(
                "cr.kanister.io/v1alpha1",
                "ActionSet",
                Some(&self.kanister),
                name,
            )
            .unwrap_or_else(|| panic!("actionset {name} not recorded"))
    }

    /// `(type, reason, message)` of the Events on ActionSet `name`, oldest first.
    fn events(&self, name: &str) -> Vec<(String, String, String)> {
        actionset_events(
            self.cluster
                .objects()
                .list("v1", "Event", Some(&self.kanister)),
            name,
        )
    }

    fn task_pods(&self) -> Vec<String> {
        [&self.db, &self.kanister]
            .iter()
            .flat_map(|ns| self.cluster.objects().list("v1", "Pod", Some(ns)))
            .filter(|p| p["metadata"]["labels"]["createdBy"] == "kanister")
            .map(|p| p["metadata"]["name"].as_str().unwrap_or("").to_string())
            .collect()
    }

    /// The run deletes its task pods before it returns (grace period 0, so the API object is
    /// gone at once on both backends).
    #[track_caller]
    fn assert_no_task_pods(&self) {
        let left = self.task_pods();
        assert!(left.is_empty(), "task pods left: {left:?}");
    }

    fn bucket_objects(&self) -> Vec<PathBuf> {
        bucket_objects(&self.s3)
    }
}

kubectl_backup_testbed::on_both_backends! {
    /// Backup (KubeExec push + KubeTask check), damage, restore `--from` it byte for byte,
    /// then delete `--from` it: records, statuses, outputs, artifacts, Events and task pods.
    node fn app_backup_damage_restore_delete(cluster) {
        let bed = AppBed::new(cluster);
        let subject = format!("{}/app", bed.db);

        let out = bed.run(&[
            "actionset", "create", "--action", "backup", "--blueprint", "app-blueprint",
            "--statefulset", &subject, "--profile", "s3", "-vvv", "--logs",
        ]);
        let stdout = ok(&out);
        let stderr = text(&out.stderr);
        let backup = created_name(&stdout);
        assert!(backup.starts_with("backup-"), "{backup}");
        // --logs streams the task pod's log (the KubeTask phase's echo).
        assert!(stderr.contains(&format!("uploaded {} bytes", ORIGINAL.len())), "{stderr}");
        // Both phases render `{{ toJson .Profile }}` (into an exec request's URL, a pod's
        // command); -vvv traces every request, and still no credential reaches the output.
        assert!(stderr.contains("/exec?"), "-vvv traced no exec request:\n{stderr}");
        for credential in [&bed.s3.secret_key, &bed.s3.access_key] {
            assert!(
                !stdout.contains(credential.as_str()) && !stderr.contains(credential.as_str()),
                "a credential leaked:\n{stdout}\n{stderr}"
            );
        }
        bed.assert_no_task_pods();

        let record = bed.actionset(&backup);
        let status = &record["status"];
        assert_eq!(status["state"], "complete", "{record:#}");
        assert_eq!(record["spec"]["actions"][0]["object"]["name"], "app");
        assert_eq!(record["spec"]["actions"][0]["object"]["namespace"], bed.db.as_str());
        let phases = &status["actions"][0]["phases"];
        assert_eq!(phases[0]["name"], "pushData");
        assert_eq!(phases[0]["state"], "complete");
        assert_eq!(phases[1]["name"], "checkUpload");
        assert_eq!(phases[1]["state"], "complete");
        let s3path = phases[0]["output"]["s3path"].as_str().unwrap().to_string();
        let prefix = format!("/app-backups/{}/app/", bed.db);
        assert!(s3path.starts_with(&prefix) && s3path.ends_with("/data.gz"), "{s3path}");
        let bytes = ORIGINAL.len().to_string();
        assert_eq!(phases[1]["output"], json!({"bytes": bytes}));
        assert_eq!(
            status["actions"][0]["artifacts"]["appData"]["keyValue"],
            json!({"s3path": s3path, "bytes": bytes})
        );
        assert!(stdout.contains(&format!("appData.s3path: {s3path}")), "{stdout}");
        let stored = bed.bucket_objects();
        assert_eq!(stored.len(), 1, "{stored:?}");
        assert!(stored[0].ends_with(format!("team{s3path}")), "{stored:?}");

        let events = bed.events(&backup);
        let reasons: Vec<&str> = events.iter().map(|e| e.1.as_str()).collect();
        assert_eq!(
            reasons,
            ["Started Action", "Started Phase", "Ended Phase", "Started Phase", "Ended Phase",
             "Update Complete"],
            "{events:?}"
        );
        assert_eq!(events[3].2, "Executing phase checkUpload");
        assert!(events.iter().all(|e| e.0 == "Normal"), "{events:?}");

        // Destroy the data, restore it from the backup: byte for byte.
        std::fs::write(bed.data_dir.join("data.txt"), "DROP TABLE users;\n").unwrap();
        let out = bed.run(&["actionset", "create", "--action", "restore", "--from", &backup]);
        let restore = created_name(&ok(&out));
        assert!(restore.starts_with(&format!("restore-{backup}-")), "{restore}");
        assert_eq!(bed.data(), ORIGINAL);
        let record = bed.actionset(&restore);
        assert_eq!(record["status"]["state"], "complete", "{record:#}");
        assert_eq!(record["status"]["actions"][0]["phases"][0]["name"], "pullData");
        assert_eq!(
            record["spec"]["actions"][0]["artifacts"]["appData"]["keyValue"]["s3path"],
            s3path.as_str()
        );
        assert_eq!(record["spec"]["actions"][0]["profile"]["name"], "s3");
        bed.assert_no_task_pods();

        // Delete the backup (kanctl's way: --namespacetargets): the object leaves the bucket.
        let out = bed.run(&[
            "actionset", "create", "--action", "delete", "--from", &backup,
            "--namespacetargets", &bed.db,
        ]);
        let delete = created_name(&ok(&out));
        let record = bed.actionset(&delete);
        assert_eq!(record["status"]["state"], "complete", "{record:#}");
        assert_eq!(record["spec"]["actions"][0]["object"]["kind"], "namespace");
        let stored = bed.bucket_objects();
        assert!(stored.is_empty(), "{stored:?}");
        bed.assert_no_task_pods();
    }
}

kubectl_backup_testbed::on_both_backends! {
    /// ScaleWorkload down to zero and back: each step waits for the StatefulSet, and the pod
    /// that runs afterwards is a new one.
    node fn scale_workload_to_zero_and_back(cluster) {
        let bed = AppBed::new(cluster);
        let before = bed.wait_for_app_running();
        let out = bed.run(&[
            "actionset", "create", "--action", "scale", "--blueprint", "app-blueprint",
            "--statefulset", &format!("{}/app", bed.db), "--name", "scale-run",
        ]);
        ok(&out);
        let status = bed.actionset("scale-run")["status"].clone();
        assert_eq!(status["state"], "complete", "{status:#}");
        let phases = &status["actions"][0]["phases"];
        assert_eq!(phases[0]["output"]["originalReplicaCount"], 1, "{status:#}");
        assert_eq!(
            status["actions"][0]["artifacts"]["scaled"]["keyValue"]["replicas"],
            "1"
        );
        // scaleUp waited for readiness: the StatefulSet is ready when the run returns, with a
        // pod that is not the one from before the scale-down.
        let sts = bed
            .cluster
            .objects()
            .get("apps/v1", "StatefulSet", Some(&bed.db), "app")
            .unwrap();
        assert_eq!(sts["spec"]["replicas"], 1, "{sts:#}");
        assert_eq!(sts["status"]["readyReplicas"], 1, "{sts:#}");
        let after = bed.app_pod().expect("pod app-0 after scaling up");
        assert_ne!(
            after["metadata"]["uid"], before["metadata"]["uid"],
            "scaling to zero must have removed the pod"
        );
        assert_eq!(after["status"]["phase"], "Running", "{after:#}");
        // The data lives outside the pod and survived.
        assert_eq!(bed.data(), ORIGINAL);
    }
}

kubectl_backup_testbed::on_both_backends! {
    /// How failures reach the user, which depends on what the kubelet says (exec status, pod
    /// log, container state): a failing KubeExec stops the action with its exit code and stderr,
    /// a defer-phase task pod whose command does not exist fails with the kubelet's reason, and
    /// a KubeExec of a missing command names it.
    node fn failures_report_the_kubelets_reasons(cluster) {
        let bed = AppBed::new(cluster);
        let subject = format!("{}/app", bed.db);
        let out = bed.run(&[
            "actionset", "create", "--action", "broken", "--blueprint", "app-blueprint",
            "--statefulset", &subject, "--name", "broken-run",
        ]);
        assert!(!out.status.success());
        let stderr = text(&out.stderr);
        for wanted in [
            "in phase \"execFails\"",
            "command terminated with exit code 4",
            "the table is corrupt",
        ] {
            assert!(stderr.contains(wanted), "{wanted:?} missing:\n{stderr}");
        }
        // The exec status names the exit code only, never the command.
        assert!(!stderr.contains("echo \"reading the table\""), "{stderr}");
        let status = bed.actionset("broken-run")["status"].clone();
        assert_eq!(status["state"], "failed", "{status:#}");
        let phases = &status["actions"][0]["phases"];
        assert_eq!(phases[0]["state"], "failed", "{status:#}");
        assert_eq!(phases[1]["state"], "pending", "{status:#}");
        assert_eq!(status["actions"][0]["deferPhase"]["state"], "failed", "{status:#}");
        assert!(!bed.data_dir.join("never-ran").exists(), "a phase after the failure ran");
        // The defer pod never started: no log, so the reason comes from its container state.
        let events = bed.events("broken-run");
        let defer_failure = events
            .iter()
            .find(|e| e.2.starts_with("Failed to execute defer phase noSuchTool"))
            .unwrap_or_else(|| panic!("{events:?}"));
        assert_eq!(defer_failure.0, "Warning");
        for wanted in ["exit code 128", "StartError", "\"/no/such/tool\"", "no such file or directory"] {
            assert!(defer_failure.2.contains(wanted), "{wanted:?} missing: {defer_failure:?}");
        }
        bed.assert_no_task_pods();

        let out = bed.run(&[
            "actionset", "create", "--action", "execMissing", "--blueprint", "app-blueprint",
            "--statefulset", &subject, "--name", "exec-missing",
        ]);
        assert!(!out.status.success());
        let stderr = text(&out.stderr);
        for wanted in [
            "in phase \"execNoSuchTool\"",
            "exec: \"/no/such/tool\": stat /no/such/tool: no such file or directory",
        ] {
            assert!(stderr.contains(wanted), "{wanted:?} missing:\n{stderr}");
        }
        assert_eq!(bed.actionset("exec-missing")["status"]["state"], "failed");

        // A task pod whose image is missing fails at once, not after the 15 minutes a pod may
        // stay Pending. (Real node only: the fake has no images.)
        if cluster.is_real() {
            let out = bed.run(&[
                "actionset", "create", "--action", "missingImage", "--blueprint",
                "app-blueprint", "--statefulset", &subject, "--name", "missing-image",
            ]);
            assert!(!out.status.success());
            let stderr = text(&out.stderr);
            assert!(
                stderr.contains("cannot start: ErrImageNeverPull"),
                "{stderr}"
            );
            bed.assert_no_task_pods();
        }
    }
}

kubectl_backup_testbed::on_both_backends! {
    /// Ctrl-C (SIGINT) during a running task pod: the run stops, deletes the pod, starts no
    /// further phase and records the ActionSet as failed.
    node fn ctrl_c_deletes_the_running_task_pod(cluster) {
        let bed = AppBed::new(cluster);
        let mut cmd = bed.cmd(&[
            "actionset", "create", "--action", "slow", "--blueprint", "app-blueprint",
            "--statefulset", &format!("{}/app", bed.db), "--name", "slow-run",
        ]);
        cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
        let child = cmd.spawn().unwrap();
        cluster.wait_for("a Running task pod", POD_TIMEOUT, || {
            cluster
                .objects()
                .list("v1", "Pod", Some(&bed.db))
                .iter()
                .any(|p| {
                    p["metadata"]["labels"]["createdBy"] == "kanister"
                        && p["status"]["phase"] == "Running"
                })
                .then_some(())
        });
        send_signal(child.id(), "INT");
        let out = child.wait_with_output().unwrap();
        assert!(!out.status.success());
        let stderr = text(&out.stderr);
        assert!(stderr.contains("interrupted"), "{stderr}");
        bed.assert_no_task_pods();
        let status = bed.actionset("slow-run")["status"].clone();
        assert_eq!(status["state"], "failed", "{status:#}");
        assert_eq!(status["actions"][0]["phases"][1]["state"], "pending", "{status:#}");
        assert!(!bed.data_dir.join("never-ran").exists(), "a phase ran after Ctrl-C");
    }
}

/// Starts `actionset create --action ACTION --name NAME` in the background and waits until a
/// task pod of the run is Running.
fn start_until_task_pod_runs(bed: &AppBed<'_>, action: &str, name: &str) -> std::process::Child {
    let mut cmd = bed.cmd(&[
        "actionset",
        "create",
        "--action",
        action,
        "--blueprint",
        "app-blueprint",
        "--statefulset",
        &format!("{}/app", bed.db),
        "--name",
        name,
    ]);
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = cmd.spawn().unwrap();
    wait_for_running_task_pod(bed, name);
    child
}

/// Waits for a Running task pod of ActionSet `name`; returns the pod's name.
fn wait_for_running_task_pod(bed: &AppBed<'_>, name: &str) -> String {
    bed.cluster.wait_for("a Running task pod", POD_TIMEOUT, || {
        bed.cluster
            .objects()
            .list("v1", "Pod", Some(&bed.db))
            .iter()
            .find(|p| {
                p["metadata"]["labels"]["kubectl-backup.io/actionset"] == name
                    && p["status"]["phase"] == "Running"
                    && p["metadata"]["deletionTimestamp"].is_null()
            })
            .map(|p| p["metadata"]["name"].as_str().unwrap_or("").to_string())
    })
}

/// No phase `running` anywhere in a terminal ActionSet.
#[track_caller]
fn assert_nothing_running(status: &Value) {
    for action in status["actions"].as_array().unwrap() {
        for phase in action["phases"]
            .as_array()
            .unwrap()
            .iter()
            .chain([&action["deferPhase"]])
        {
            assert_ne!(phase["state"], "running", "{status:#}");
        }
    }
    assert_eq!(
        status["progress"]["runningPhase"].as_str().unwrap_or(""),
        "",
        "{status:#}"
    );
}

kubectl_backup_testbed::on_both_backends! {
    /// SIGTERM (a CI timeout, `timeout(1)`) and SIGHUP (the terminal closed) end a client-side
    /// run as Ctrl-C does: the running task pod deleted, no further phase, the deferPhase run,
    /// the ActionSet failed with the interrupted phase failed and the controller's failure
    /// Event, percentCompleted over the phases only (Kanister's), and the shell's exit status.
    node fn sigterm_and_sighup_clean_up_run_the_defer_phase_and_fail_the_record(cluster) {
        let bed = AppBed::new(cluster);
        for (signal, code, described) in
            [("TERM", 143, "terminated (SIGTERM)"), ("HUP", 129, "hung up (SIGHUP)")]
        {
            let name = format!("stopped-by-{}", signal.to_lowercase());
            let _ = std::fs::remove_file(bed.data_dir.join("undone"));
            let child = start_until_task_pod_runs(&bed, "slowWithUndo", &name);
            send_signal(child.id(), signal);
            let out = child.wait_with_output().unwrap();
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(code), "{stderr}");
            assert!(stderr.contains(&format!("actionset {name}: {described}")), "{stderr}");
            assert!(stderr.contains("deferPhase \"undo\""), "{stderr}");
            bed.assert_no_task_pods();
            assert!(bed.data_dir.join("undone").exists(), "the deferPhase did not run");
            assert!(!bed.data_dir.join("never-ran").exists(), "a phase ran after the stop");

            let status = bed.actionset(&name)["status"].clone();
            assert_eq!(status["state"], "failed", "{status:#}");
            assert_nothing_running(&status);
            let phases = &status["actions"][0]["phases"];
            assert_eq!(phases[0]["state"], "complete", "{status:#}");
            assert_eq!(phases[1]["state"], "failed", "{status:#}");
            assert_eq!(phases[2]["state"], "pending", "{status:#}");
            assert_eq!(status["actions"][0]["deferPhase"]["state"], "complete", "{status:#}");
            // One of the three phases complete: 33; counting the complete deferPhase would
            // make it 50, which Kanister never reports.
            assert_eq!(status["progress"]["percentCompleted"], "33", "{status:#}");
            let message = status["error"]["message"].as_str().unwrap();
            assert!(message.contains(described) && message.contains("takesForever"), "{message}");

            let events = bed.events(&name);
            assert!(
                events.iter().any(|e| e.0 == "Warning"
                    && e.1 == "ActionSetFailed Action: slowWithUndo"
                    && e.2 == format!("Failed to execute phase takesForever: {described}")),
                "{events:?}"
            );
            assert!(events.iter().any(|e| e.1 == "Ended deferPhase"), "{events:?}");
        }
    }
}

kubectl_backup_testbed::on_both_backends! {
    /// A second Ctrl-C while the deferPhase runs ends the process at once (130), and still
    /// leaves no task pod and no phase `running` in the failed ActionSet.
    node fn a_second_ctrl_c_ends_at_once_with_a_consistent_record(cluster) {
        let bed = AppBed::new(cluster);
        let child = start_until_task_pod_runs(&bed, "slowUndo", "stopped-twice");
        let first = wait_for_running_task_pod(&bed, "stopped-twice");
        send_signal(child.id(), "INT");
        // The deferPhase's pod (a new one) runs: the first pod was deleted before it started.
        bed.cluster.wait_for("the deferPhase's task pod", POD_TIMEOUT, || {
            let pod = wait_for_running_task_pod(&bed, "stopped-twice");
            (pod != first).then_some(())
        });
        let before = std::time::Instant::now();
        send_signal(child.id(), "INT");
        let out = child.wait_with_output().unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(130), "{stderr}");
        assert!(before.elapsed() < Duration::from_secs(30), "{:?}", before.elapsed());
        assert!(stderr.contains("a second stop signal"), "{stderr}");
        bed.assert_no_task_pods();
        let status = bed.actionset("stopped-twice")["status"].clone();
        assert_eq!(status["state"], "failed", "{status:#}");
        assert_nothing_running(&status);
        assert_eq!(status["actions"][0]["phases"][0]["state"], "failed", "{status:#}");
        assert_eq!(status["actions"][0]["deferPhase"]["state"], "failed", "{status:#}");
    }
}

kubectl_backup_testbed::on_both_backends! {
    /// A run killed outright (SIGKILL: nothing can clean up) leaves its task pod and a
    /// `running` ActionSet; `actionset delete` removes both, as the controller deletes a
    /// deleted ActionSet's pods.
    node fn deleting_a_stuck_actionset_deletes_its_task_pods(cluster) {
        let bed = AppBed::new(cluster);
        let mut child = start_until_task_pod_runs(&bed, "slow", "stuck-run");
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(bed.actionset("stuck-run")["status"]["state"], "running");
        assert_eq!(bed.task_pods().len(), 1, "{:?}", bed.task_pods());
        let out = bed.run(&["actionset", "delete", "stuck-run"]);
        let stdout = ok(&out);
        assert!(stdout.contains("(task pod of actionset stuck-run) deleted"), "{stdout}");
        assert!(stdout.contains("actionset stuck-run deleted"), "{stdout}");
        bed.assert_no_task_pods();
        assert!(
            bed.cluster
                .objects()
                .get("cr.kanister.io/v1alpha1", "ActionSet", Some(&bed.kanister), "stuck-run")
                .is_none()
        );
    }
}

kubectl_backup_testbed::on_both_backends! {
    /// The reader of the output went away (`… | head -1` after the first line): the run stops
    /// as on a signal, creates no pod and records the ActionSet as failed, not running.
    node fn a_closed_output_pipe_stops_the_run_cleanly(cluster) {
        let bed = AppBed::new(cluster);
        let mut cmd = bed.cmd(&[
            "actionset", "create", "--action", "slow", "--blueprint", "app-blueprint",
            "--statefulset", &format!("{}/app", bed.db), "--name", "unread-run",
        ]);
        cmd.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = text(&out.stderr);
        assert!(!out.status.success(), "{stderr}");
        assert!(stderr.contains("broken pipe"), "{stderr}");
        bed.assert_no_task_pods();
        let status = bed.actionset("unread-run")["status"].clone();
        assert_eq!(status["state"], "failed", "{status:#}");
        assert_nothing_running(&status);
    }
}

kubectl_backup_testbed::on_both_backends! {
    /// With several actions, every progress line names the action and its object.
    node fn progress_lines_name_the_action_when_there_are_several(cluster) {
        let bed = AppBed::new(cluster);
        let out = bed.run(&[
            "actionset", "create", "--action", "hello", "--blueprint", "app-blueprint",
            "--namespacetargets", &bed.db, "--namespacetargets", &bed.kanister,
            "--name", "two-actions",
        ]);
        ok(&out);
        let stderr = text(&out.stderr);
        for namespace in [&bed.db, &bed.kanister] {
            let wanted = format!(
                "two-actions: action hello on namespace {namespace}/{namespace}: ended phase \"greet\""
            );
            assert!(stderr.contains(&wanted), "{wanted:?} missing:\n{stderr}");
        }
        bed.assert_no_task_pods();
    }
}

kubectl_backup_testbed::on_both_backends! {
    /// kando in an image without a CA bundle: an http:// endpoint needs none. (On the fake
    /// backend kando runs on the host, so the host's bundle is hidden from it.)
    node fn kando_needs_no_ca_bundle_for_http(cluster) {
        let bed = AppBed::new(cluster);
        let profile = json!({"Location": {"Type": "s3Compliant", "Bucket": "bucket",
            "Endpoint": bed.s3.endpoint, "Prefix": "team", "Region": "us-east-1"},
            "Credential": {"Type": "keyPair", "KeyPair": {"ID": bed.s3.access_key,
                "Secret": bed.s3.secret_key}}, "SkipSSLVerify": false})
        .to_string();
        let tools = tempfile::tempdir().unwrap();
        let kando = tools.path().join("kando");
        std::os::unix::fs::symlink(BIN, &kando).unwrap();
        let file = tools.path().join("payload");
        std::fs::write(&file, "payload\n").unwrap();
        let out = Command::new(&kando)
            .args(["location", "push", "--profile", &profile, "--path", "no-ca/payload"])
            .arg(&file)
            .env("SSL_CERT_FILE", tools.path().join("no-such-bundle.pem"))
            .env("SSL_CERT_DIR", tools.path().join("no-such-dir"))
            .output()
            .unwrap();
        ok(&out);
        assert!(
            bed.bucket_objects().iter().any(|p| p.ends_with("team/no-ca/payload")),
            "{:?}",
            bed.bucket_objects()
        );
    }
}

kubectl_backup_testbed::on_both_backends! {
    /// A pull error is waited out until the pod start timeout, as Kanister does (a registry may
    /// recover), with the kubelet's reason reported as it goes. (Real node only: the fake server
    /// has no image pulls.)
    node fn pod_start_waits_out_pull_errors_and_reports_them(cluster) {
        if !cluster.is_real() {
            return;
        }
        let bed = AppBed::new(cluster);
        let started = std::time::Instant::now();
        let out = bed
            .cmd(&[
                "actionset", "create", "--action", "unpullable", "--blueprint", "app-blueprint",
                "--statefulset", &format!("{}/app", bed.db), "--name", "unpullable-run",
            ])
            .env("TIMEOUT_WORKER_POD_READY", "1")
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert!(!out.status.success(), "{stderr}");
        assert!(started.elapsed() >= Duration::from_secs(55), "gave up after {:?}", started.elapsed());
        assert!(stderr.contains("not started yet: ErrImagePull")
            || stderr.contains("not started yet: ImagePullBackOff"), "{stderr}");
        assert!(stderr.contains("did not start within 1m0s"), "{stderr}");
        bed.assert_no_task_pods();
    }
}
