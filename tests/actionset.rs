//! ActionSets end to end through the built binary: the classic database scenario on the test
//! bed (StatefulSet "database", the public MySQL Blueprint shape, kando against s3s-fs), run
//! client-side and recorded as an ActionSet resource, plus failure, defer and cleanup rules.

use std::path::PathBuf;
use std::process::{Command, Output};

use kubectl_backup_testbed::FakeApiServer;
use kubectl_backup_testbed::s3::S3Server;
use serde_json::{Value, json};

use common::BIN;
use common::cli::{ok, run_off_runtime, send_signal, text};
use common::files::{bucket_objects, data};
use common::kanister::{actionset_events, created_name};

mod common;

#[path = "actionset/cli.rs"]
mod cli;
#[path = "actionset/pty.rs"]
mod pty;

const ROOT_PASSWORD: &str = "r00t-pa55-do-not-print";

struct Bed {
    srv: FakeApiServer,
    s3: S3Server,
    db: PathBuf,
    _dirs: Vec<tempfile::TempDir>,
}

impl Bed {
    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = self.srv.command(BIN);
        c.args(args).args(["-n", "kanister", "--no-progress"]);
        c
    }

    fn actionset(&self, name: &str) -> Value {
        self.srv
            .store()
            .get(
                "cr.kanister.io/v1alpha1",
                "ActionSet",
                Some("kanister"),
                name,
            )
            .unwrap_or_else(|| panic!("actionset {name} not recorded"))
    }

    /// `(type, reason, message)` of the Events on ActionSet `name`, oldest first.
    fn events(&self, name: &str) -> Vec<(String, String, String)> {
        actionset_events(self.srv.store().list("v1", "Event", Some("kanister")), name)
    }

    fn task_pods(&self) -> Vec<String> {
        ["db", "kanister"]
            .iter()
            .flat_map(|ns| self.srv.store().list("v1", "Pod", Some(ns)))
            .filter(|p| p["metadata"]["labels"]["createdBy"] == "kanister")
            .map(|p| p["metadata"]["name"].as_str().unwrap_or("").to_string())
            .collect()
    }

    fn objects(&self) -> Vec<PathBuf> {
        bucket_objects(&self.s3)
    }
}

/// Fake API server with Kanister's CRDs, a "mysql" StatefulSet whose dump/restore are scripts
/// over a data file, a Profile for s3s-fs, the Blueprint, and `kando` on the pods' PATH.
async fn bed() -> Bed {
    bed_with(true).await
}

async fn bed_with(crds: bool) -> Bed {
    let srv = FakeApiServer::start().await;
    let s3 = S3Server::start().await.unwrap();
    if crds {
        srv.install_kanister_crds();
    }
    let store = srv.store();
    store.create_namespace("kanister");
    store.create_namespace("db");

    let db_dir = tempfile::tempdir().unwrap();
    let db = db_dir.path().to_path_buf();
    std::fs::write(db.join("data.txt"), "row 1: alice\nrow 2: bob\n").unwrap();
    let script = |name: &str, body: &str| {
        let path = db.join(name);
        std::fs::write(
            &path,
            format!("#!/bin/sh\nif [ \"$1\" != '{ROOT_PASSWORD}' ]; then echo 'access denied' >&2; exit 1; fi\n{body}\n"),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    script("mysqldump", &format!("cat '{}/data.txt'", db.display()));
    script("mysql", &format!("cat > '{}/data.txt'", db.display()));

    let tools = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(BIN, tools.path().join("kando")).unwrap();
    srv.set_pod_path_prefix(tools.path());

    store
        .create(json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "mysql", "namespace": "db"},
            "stringData": {"mysql-root-password": ROOT_PASSWORD}}))
        .unwrap();
    // The volume PrepareData phases mount (it must exist, as upstream checks).
    store
        .create(json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
            "metadata": {"name": "data-mysql-0", "namespace": "db"},
            "spec": {"accessModes": ["ReadWriteOnce"],
                     "resources": {"requests": {"storage": "1Gi"}}}}))
        .unwrap();
    store
        .create(json!({"apiVersion": "apps/v1", "kind": "StatefulSet",
            "metadata": {"name": "mysql", "namespace": "db",
                         "labels": {"app.kubernetes.io/instance": "mysql"}},
            "spec": {"replicas": 1, "serviceName": "mysql",
                "selector": {"matchLabels": {"app": "mysql"}},
                "template": {"metadata": {"labels": {"app": "mysql"}},
                    "spec": {"containers": [{"name": "mysql", "image": "mysql:8",
                        "command": ["sleep", "3600"]}]}}}}))
        .unwrap();
    let text = std::fs::read_to_string(data("actionset/mysql-blueprint.yaml"))
        .unwrap()
        .replace("@DB@", &db.display().to_string());
    if crds {
        store
            .create(json!({"apiVersion": "v1", "kind": "Secret",
                "metadata": {"name": "s3-creds", "namespace": "kanister"},
                "stringData": {"aws_access_key_id": s3.access_key, "aws_secret_access_key": s3.secret_key}}))
            .unwrap();
        store
            .create(
                json!({"apiVersion": "cr.kanister.io/v1alpha1", "kind": "Profile",
                "metadata": {"name": "s3", "namespace": "kanister"},
                "location": {"type": "s3Compliant", "bucket": "bucket", "endpoint": s3.endpoint,
                             "prefix": "team", "region": "us-east-1"},
                "credential": {"type": "keyPair", "keyPair": {"idField": "aws_access_key_id",
                    "secretField": "aws_secret_access_key",
                    "secret": {"name": "s3-creds", "namespace": "kanister"}}},
                "skipSSLVerify": false}),
            )
            .unwrap();
        let mut blueprint: Value = serde_saphyr::from_str(&text).unwrap();
        blueprint["metadata"]["namespace"] = json!("kanister");
        store.create(blueprint).unwrap();
    } else {
        // Without Kanister: our own Profile (labelled Secret) and Blueprint (ConfigMap) forms.
        let file = db.join("blueprint.yaml");
        std::fs::write(&file, &text).unwrap();
        let mut c = srv.command(BIN);
        c.args(["blueprint", "apply", "-f"])
            .arg(&file)
            .args(["-n", "kanister"]);
        ok(&run_off_runtime(c).await);
        let mut c = srv.command(BIN);
        c.args([
            "profile",
            "create",
            "s3compliant",
            "--name",
            "s3",
            "--bucket",
            "bucket",
            "--region",
            "us-east-1",
            "--prefix",
            "team",
            "--endpoint",
            &s3.endpoint,
            "--access-key",
            &s3.access_key,
            "--secret-key",
            &s3.secret_key,
            "-n",
            "kanister",
        ]);
        ok(&run_off_runtime(c).await);
    }
    // Wait for the database pod: the actions read `.StatefulSet.Pods` (running pods only).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !store
        .get("v1", "Pod", Some("db"), "mysql-0")
        .is_some_and(|p| p["status"]["phase"] == "Running")
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the database pod db/mysql-0 never became Running"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    Bed {
        srv,
        s3,
        db,
        _dirs: vec![db_dir, tools],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn database_backup_damage_restore_delete() {
    let bed = bed().await;
    let original = std::fs::read_to_string(bed.db.join("data.txt")).unwrap();

    // Backup (client-side: no controller runs), with --logs to stream the task pod's log, and
    // -vvv: every request traced, the exec URLs carrying the rendered password among them.
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "backup",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--profile",
        "s3",
        "--logs",
        "-vvv",
    ]))
    .await;
    let stdout = ok(&out);
    let stderr = text(&out.stderr);
    let backup = created_name(&stdout);
    assert!(
        backup.starts_with("backup-") && backup.len() == 12,
        "{backup}"
    );
    assert!(
        stderr.contains("dumping mysql (pods: [mysql-0])"),
        "{stderr}"
    );
    // The backup phase is a KubeTask: its pod's log stream is traced at -vvv, so the grep below
    // covers the requests of the run.
    assert!(
        stderr.contains("/log?"),
        "-vvv traced no pod log request:\n{stderr}"
    );
    for leaked in [
        ROOT_PASSWORD,
        bed.s3.secret_key.as_str(),
        bed.s3.access_key.as_str(),
    ] {
        assert!(
            !stdout.contains(leaked) && !stderr.contains(leaked),
            "secret leaked:\n{stdout}\n{stderr}"
        );
    }

    let record = bed.actionset(&backup);
    let status = &record["status"];
    assert_eq!(status["state"], "complete", "{record:#}");
    assert_eq!(status["progress"]["percentCompleted"], "100");
    let phase = &status["actions"][0]["phases"][0];
    assert_eq!(phase["name"], "dumpToObjectStore");
    assert_eq!(phase["state"], "complete");
    let s3path = phase["output"]["s3path"].as_str().unwrap().to_string();
    assert!(
        s3path.starts_with("/mysql-backups/db/mysql/") && s3path.ends_with("/dump.sql.gz"),
        "{s3path}"
    );
    assert_eq!(
        status["actions"][0]["artifacts"]["mysqlCloudDump"]["keyValue"]["s3path"],
        s3path.as_str()
    );
    assert_eq!(
        status["actions"][0]["deferPhase"]["name"]
            .as_str()
            .unwrap_or(""),
        ""
    );
    assert!(
        stdout.contains(&format!("mysqlCloudDump.s3path: {s3path}")),
        "{stdout}"
    );
    let objects = bed.objects();
    assert_eq!(objects.len(), 1, "{objects:?}");
    assert!(objects[0].ends_with(format!("team{s3path}")), "{objects:?}");
    assert!(
        bed.task_pods().is_empty(),
        "task pods left: {:?}",
        bed.task_pods()
    );
    // The controller's Events, recorded on the ActionSet by the client-side run.
    let events = bed.events(&backup);
    let reasons: Vec<&str> = events.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "Started Action",
            "Started Phase",
            "Ended Phase",
            "Update Complete"
        ],
        "{events:?}"
    );
    assert_eq!(events[1].2, "Executing phase dumpToObjectStore");
    assert_eq!(events[2].2, "Completed phase dumpToObjectStore");
    assert_eq!(
        events[3].2,
        format!("Updated ActionSet '{backup}' Status->complete")
    );
    assert!(events.iter().all(|e| e.0 == "Normal"), "{events:?}");

    // Damage the data, restore from the backup, and it is back.
    std::fs::write(bed.db.join("data.txt"), "DROP TABLE users;\n").unwrap();
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "restore",
        "--from",
        &backup,
    ]))
    .await;
    let stdout = ok(&out);
    let restore = created_name(&stdout);
    assert!(
        restore.starts_with(&format!("restore-{backup}-")),
        "{restore}"
    );
    assert_eq!(
        std::fs::read_to_string(bed.db.join("data.txt")).unwrap(),
        original
    );
    let record = bed.actionset(&restore);
    assert_eq!(record["status"]["state"], "complete", "{record:#}");
    assert_eq!(
        record["spec"]["actions"][0]["artifacts"]["mysqlCloudDump"]["keyValue"]["s3path"],
        s3path.as_str()
    );
    assert_eq!(record["spec"]["actions"][0]["object"]["name"], "mysql");

    // Delete the backup (kanctl's way: --namespacetargets) and the object is gone.
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "delete",
        "--from",
        &backup,
        "--namespacetargets",
        "db",
    ]))
    .await;
    ok(&out);
    assert!(bed.objects().is_empty(), "{:?}", bed.objects());
    assert!(bed.task_pods().is_empty());

    // list / describe read the records.
    let out = run_off_runtime(bed.cmd(&["actionset", "list"])).await;
    let listed = ok(&out);
    assert!(
        listed.contains(&backup) && listed.contains(&restore),
        "{listed}"
    );
    let out = run_off_runtime(bed.cmd(&["actionset", "describe", &backup])).await;
    let described = ok(&out);
    assert!(
        described.contains("State:      complete") && described.contains(&s3path),
        "{described}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_phase_stops_the_action_runs_defer_and_reports() {
    let bed = bed().await;
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "broken",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--name",
        "broken-run",
    ]))
    .await;
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("failingStep"), "{stderr}");
    assert!(stderr.contains("the disk is on fire"), "{stderr}");
    assert!(stderr.contains("exit code 3"), "{stderr}");
    assert!(
        bed.db.join("defer-ran").exists(),
        "the defer phase must run"
    );
    assert!(
        !bed.db.join("never-ran").exists(),
        "phases after a failure must not run"
    );
    let status = bed.actionset("broken-run")["status"].clone();
    assert_eq!(status["state"], "failed");
    let phases = &status["actions"][0]["phases"];
    assert_eq!(phases[0]["state"], "failed");
    assert_eq!(phases[1]["state"], "pending");
    assert_eq!(status["actions"][0]["deferPhase"]["state"], "complete");
    assert!(
        status["error"]["message"]
            .as_str()
            .unwrap()
            .contains("failingStep")
    );
    // Artifacts stay the unrendered templates (none here), and no task pod survives.
    assert!(bed.task_pods().is_empty(), "{:?}", bed.task_pods());
    let events = bed.events("broken-run");
    let reasons: Vec<&str> = events.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "Started Action",
            "Started Phase",
            "ActionSetFailed Action: broken",
            "Started deferPhase",
            "Ended deferPhase"
        ],
        "{events:?}"
    );
    assert_eq!(events[2].0, "Warning");
    assert!(
        events[2]
            .2
            .starts_with("Failed to execute phase failingStep: ")
            && events[2].2.contains("the disk is on fire"),
        "{events:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unsupported_functions_and_bad_parents_fail_before_anything_runs() {
    let bed = bed().await;
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "unsupported",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--name",
        "nope",
    ]))
    .await;
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("BackupData needs Kanister's restic data mover"),
        "{stderr}"
    );
    assert!(
        bed.srv
            .store()
            .get(
                "cr.kanister.io/v1alpha1",
                "ActionSet",
                Some("kanister"),
                "nope"
            )
            .is_none()
    );

    // --from needs a complete parent.
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "broken",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--name",
        "parent",
    ]))
    .await;
    assert!(!out.status.success());
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "restore",
        "--from",
        "parent",
    ]))
    .await;
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not complete"),
        "{}",
        text(&out.stderr)
    );

    // A missing Blueprint is a clear error.
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "backup",
        "--blueprint",
        "nobp",
        "--statefulset",
        "db/mysql",
    ]))
    .await;
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("\"nobp\" not found"),
        "{}",
        text(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_deletes_the_task_pods_and_fails_the_record() {
    let bed = bed().await;
    let mut cmd = bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "slow",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--name",
        "slow-run",
    ]);
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = cmd.spawn().unwrap();
    let pid = child.id();
    let mut started = false;
    for _ in 0..200 {
        if bed
            .srv
            .store()
            .list("v1", "Pod", Some("db"))
            .iter()
            .any(|p| {
                p["metadata"]["labels"]["createdBy"] == "kanister"
                    && p["status"]["phase"] == "Running"
            })
        {
            started = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(started, "the task pod never ran");
    send_signal(pid, "INT");
    let out = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("interrupted"),
        "{}",
        text(&out.stderr)
    );
    assert!(bed.task_pods().is_empty(), "{:?}", bed.task_pods());
    let status = bed.actionset("slow-run")["status"].clone();
    assert_eq!(status["state"], "failed");
}

/// A Kanister controller stand-in: an available `app=kanister-operator` Deployment, and a
/// script that drives the ActionSet's status the way the controller does.
async fn start_operator(bed: &Bed) {
    bed.srv
        .store()
        .create(json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "kanister-kanister-operator", "namespace": "kanister",
                         "labels": {"app": "kanister-operator"}},
            "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "kanister-operator"}},
                "template": {"metadata": {"labels": {"app": "kanister-operator"}},
                    "spec": {"containers": [{"name": "operator", "image": "kanister-controller",
                        "command": ["sleep", "3600"]}]}}}}))
        .unwrap();
    for _ in 0..200 {
        let d = bed.srv.store().get(
            "apps/v1",
            "Deployment",
            Some("kanister"),
            "kanister-kanister-operator",
        );
        if d.is_some_and(|d| d["status"]["availableReplicas"] == 1) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("operator deployment never became available");
}

/// Plays `steps` (statuses) onto ActionSet `name` once it appears, with an Event per step.
async fn scripted_controller(bed: &Bed, name: &str, steps: Vec<Value>) {
    let store = bed.srv.store();
    for _ in 0..400 {
        if store
            .get(
                "cr.kanister.io/v1alpha1",
                "ActionSet",
                Some("kanister"),
                name,
            )
            .is_some()
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    for (i, step) in steps.into_iter().enumerate() {
        store
            .modify(
                "cr.kanister.io/v1alpha1",
                "ActionSet",
                Some("kanister"),
                name,
                |o| {
                    o["status"] = step;
                },
            )
            .unwrap();
        store
            .create(json!({"apiVersion": "v1", "kind": "Event",
                "metadata": {"name": format!("{name}.{i}"), "namespace": "kanister"},
                "involvedObject": {"kind": "ActionSet", "name": name, "namespace": "kanister"},
                "reason": if i == 0 { "Started Action" } else { "Ended Phase" },
                "message": format!("step {i}"), "type": "Normal"}))
            .unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
}

fn with_state(mut status: Value, state: &str, phase_state: &str) -> Value {
    status["state"] = json!(state);
    status["actions"][0]["phases"][0]["state"] = json!(phase_state);
    if phase_state != "complete" {
        status["actions"][0]["phases"][0]
            .as_object_mut()
            .unwrap()
            .remove("output");
    }
    status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn controller_mode_follows_the_status_the_controller_writes() {
    let bed = bed().await;
    // The client-side run gives the status a controller writes for the same flags.
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "backup",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--profile",
        "s3",
        "--name",
        "client-run",
    ]))
    .await;
    let client_stdout = ok(&out);
    let final_status = bed.actionset("client-run")["status"].clone();
    assert_eq!(final_status["state"], "complete");
    let objects_before = bed.objects().len();

    start_operator(&bed).await;
    let steps = vec![
        with_state(final_status.clone(), "pending", "pending"),
        with_state(final_status.clone(), "running", "running"),
        final_status.clone(),
    ];
    let cmd = bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "backup",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--profile",
        "s3",
        "--name",
        "ctrl-run",
        "--wait",
    ]);
    let (out, ()) = tokio::join!(
        run_off_runtime(cmd),
        scripted_controller(&bed, "ctrl-run", steps)
    );
    let stdout = ok(&out);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("phase dumpToObjectStore running"),
        "{stderr}"
    );
    assert!(
        stderr.contains("event Normal Started Action: step 0"),
        "{stderr}"
    );
    // Same artifacts line as the client-side run, and nothing ran here.
    let artifact_line = |s: &str| {
        s.lines()
            .find(|l| l.contains("artifact"))
            .map(str::to_string)
    };
    assert_eq!(
        artifact_line(&stdout),
        artifact_line(&client_stdout),
        "{stdout}"
    );
    assert_eq!(bed.objects().len(), objects_before);
    assert!(bed.task_pods().is_empty());
    let spec_client = bed.actionset("client-run")["spec"].clone();
    let spec_ctrl = bed.actionset("ctrl-run")["spec"].clone();
    assert_eq!(spec_client, spec_ctrl, "both modes create the same spec");

    // A failure: non-zero exit, the error, the failing phase, and where its log is.
    let mut failed = with_state(final_status.clone(), "failed", "failed");
    failed["error"] = json!({"message": "command terminated with exit code 1"});
    let cmd = bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "backup",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--profile",
        "s3",
        "--name",
        "ctrl-fail",
        "--wait",
    ]);
    let (out, ()) = tokio::join!(
        run_off_runtime(cmd),
        scripted_controller(&bed, "ctrl-fail", vec![failed])
    );
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("in phase \"dumpToObjectStore\": command terminated with exit code 1"),
        "{stderr}"
    );
    assert!(
        stderr.contains("kubectl logs -n kanister deployment/kanister-kanister-operator"),
        "{stderr}"
    );

    // watch follows an existing one to its end.
    let out = run_off_runtime(bed.cmd(&["actionset", "watch", "ctrl-run"])).await;
    assert!(ok(&out).contains("actionset ctrl-run complete"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_crd_the_record_is_kept_with_the_profiles_data_and_from_works() {
    let bed = bed_with(false).await;
    let original = std::fs::read_to_string(bed.db.join("data.txt")).unwrap();
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "backup",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--profile",
        "s3",
        "--name",
        "local-backup",
    ]))
    .await;
    ok(&out);
    // Next to the profile's data: bucket "bucket", profile prefix "team".
    let record = bed
        .s3
        .root()
        .join("bucket/team/plugins/kubectl-backup/actionsets/kanister/local-backup.json");
    let stored: Value = serde_json::from_slice(&std::fs::read(&record).unwrap()).unwrap();
    assert_eq!(stored["kind"], "ActionSet");
    assert_eq!(stored["status"]["state"], "complete", "{stored:#}");
    assert_eq!(bed.objects().len(), 2, "{:?}", bed.objects());
    assert!(
        !bed.srv
            .home_dir()
            .join(".local/share/kubectl-backup/actionsets")
            .exists()
    );

    // A record an older version kept in the data directory is still read.
    let legacy = bed
        .srv
        .home_dir()
        .join(".local/share/kubectl-backup/actionsets/kanister/old-run.json");
    std::fs::create_dir_all(legacy.parent().unwrap()).unwrap();
    let mut old = stored.clone();
    old["metadata"]["name"] = json!("old-run");
    std::fs::write(&legacy, serde_json::to_vec(&old).unwrap()).unwrap();

    std::fs::write(bed.db.join("data.txt"), "garbage\n").unwrap();
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "restore",
        "--from",
        "local-backup",
        "--name",
        "local-restore",
    ]))
    .await;
    ok(&out);
    assert_eq!(
        std::fs::read_to_string(bed.db.join("data.txt")).unwrap(),
        original
    );
    // The child inherits the profile, so its record sits next to the same data.
    assert!(
        bed.s3
            .root()
            .join("bucket/team/plugins/kubectl-backup/actionsets/kanister/local-restore.json")
            .exists()
    );
    // A profile whose store cannot be reached does not hide the records kept elsewhere.
    ok(&run_off_runtime(bed.cmd(&[
        "profile",
        "create",
        "s3compliant",
        "--name",
        "broken",
        "--bucket",
        "nowhere",
        "--region",
        "us-east-1",
        "--endpoint",
        "http://127.0.0.1:9",
        "--access-key",
        "x",
        "--secret-key",
        "y",
        "--skip-validation",
    ]))
    .await);
    let out = run_off_runtime(bed.cmd(&["actionset", "list"])).await;
    let listed = ok(&out);
    for name in ["local-backup", "local-restore", "old-run"] {
        assert!(listed.contains(name), "{listed}");
    }
    assert!(
        text(&out.stderr).contains("cannot list actionset records in profile kanister/broken"),
        "{}",
        text(&out.stderr)
    );
    let out = run_off_runtime(bed.cmd(&["actionset", "describe", "local-restore"])).await;
    assert!(ok(&out).contains("State:      complete"));
    let out = run_off_runtime(bed.cmd(&["actionset", "list", "--profile", "s3"])).await;
    let listed = ok(&out);
    assert!(
        listed.contains("local-backup") && !listed.contains("old-run"),
        "{listed}"
    );
    let out = run_off_runtime(bed.cmd(&["actionset", "describe", "old-run"])).await;
    assert!(ok(&out).contains("State:      complete"));
    // A half-written record (what an interrupted non-atomic write would leave) is reported,
    // never shown as an ActionSet.
    let torn = record.with_file_name("torn.json");
    let bytes = std::fs::read(&record).unwrap();
    std::fs::write(&torn, &bytes[..bytes.len() / 2]).unwrap();
    let out = run_off_runtime(bed.cmd(&["actionset", "list"])).await;
    assert!(!ok(&out).contains("torn"));
    assert!(
        text(&out.stderr).contains("not a complete ActionSet record"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_file(&torn).unwrap();

    let out = run_off_runtime(bed.cmd(&["actionset", "delete", "local-backup", "old-run"])).await;
    ok(&out);
    assert!(!record.exists());
    assert!(!legacy.exists());
    let out =
        run_off_runtime(bed.cmd(&["actionset", "describe", "local-backup", "--profile", "s3"]))
            .await;
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("actionset \"local-backup\" not found"),
        "{}",
        text(&out.stderr)
    );
    // Without --profile, the unreachable store means absence cannot be proven: say so.
    let out = run_off_runtime(bed.cmd(&["actionset", "describe", "local-backup"])).await;
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("could not be looked up everywhere")
            && text(&out.stderr).contains("profile kanister/broken"),
        "{}",
        text(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kubernetes_functions_chain_their_outputs() {
    let bed = bed().await;
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "ops",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--name",
        "ops-run",
    ]))
    .await;
    let stdout = ok(&out);
    let status = bed.actionset("ops-run")["status"].clone();
    assert_eq!(status["state"], "complete", "{status:#}");
    let phases = status["actions"][0]["phases"].as_array().unwrap();
    assert_eq!(phases[0]["output"]["name"], "marker");
    assert_eq!(phases[0]["output"]["resource"], "configmaps");
    assert_eq!(phases[3]["output"]["originalReplicaCount"], 1);
    let summary = &status["actions"][0]["artifacts"]["summary"]["keyValue"];
    assert_eq!(summary["rows"], "2", "{stdout}");
    assert_eq!(summary["replicas"], "1");
    assert_eq!(summary["prepared"], "yes");
    assert!(
        bed.srv
            .store()
            .get("v1", "ConfigMap", Some("db"), "marker")
            .is_none()
    );
    let sts = bed
        .srv
        .store()
        .get("apps/v1", "StatefulSet", Some("db"), "mysql")
        .unwrap();
    assert_eq!(sts["spec"]["replicas"], 1);
    assert!(bed.task_pods().is_empty(), "{:?}", bed.task_pods());
}

/// A controller marks the ActionSet `failed` as soon as a phase fails and runs the defer phase
/// after that: `--wait` must follow it until the defer phase is done, not stop at `failed`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn controller_mode_waits_for_the_defer_phase_after_a_failure() {
    let bed = bed().await;
    // The client-side run gives the final status a controller writes for the same flags.
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "broken",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--name",
        "client-broken",
    ]))
    .await;
    assert!(!out.status.success());
    let final_status = bed.actionset("client-broken")["status"].clone();
    assert_eq!(final_status["state"], "failed", "{final_status:#}");
    assert_eq!(
        final_status["actions"][0]["deferPhase"]["state"], "complete",
        "{final_status:#}"
    );
    let with_defer = |state: &str| {
        let mut status = final_status.clone();
        status["actions"][0]["deferPhase"]["state"] = json!(state);
        status["actions"][0]["deferPhase"]
            .as_object_mut()
            .unwrap()
            .remove("output");
        status
    };
    start_operator(&bed).await;
    // Failed with the defer phase yet to run, then running for a while (the CLI polls every
    // 500 ms, the script writes every 300 ms: it sees at least one of these), then done.
    let steps = vec![
        with_defer("pending"),
        with_defer("running"),
        with_defer("running"),
        with_defer("running"),
        final_status.clone(),
    ];
    let cmd = bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "broken",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--name",
        "ctrl-broken",
        "--mode",
        "controller",
        "--wait",
    ]);
    let (out, ()) = tokio::join!(
        run_off_runtime(cmd),
        scripted_controller(&bed, "ctrl-broken", steps)
    );
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("phase cleanup complete"), "{stderr}");
    assert!(stderr.contains("in phase \"failingStep\""), "{stderr}");
}

/// Issue #16: a backup recorded before Kanister's CRDs were installed stays listed, describable
/// and usable by `--from` after they are; `migrate` moves the ConfigMap Blueprint, the Secret
/// Profile and the record into resources (`--dry-run` first changes nothing).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_from_before_the_crds_survive_installing_them_and_migrate_moves_everything() {
    let bed = bed_with(false).await;
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "backup",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--profile",
        "s3",
        "--name",
        "early-backup",
    ]))
    .await;
    ok(&out);
    let record = bed
        .s3
        .root()
        .join("bucket/team/plugins/kubectl-backup/actionsets/kanister/early-backup.json");
    assert!(record.exists());

    bed.srv.install_kanister_crds();
    let listed = ok(&run_off_runtime(bed.cmd(&["actionset", "list"])).await);
    assert!(listed.contains("early-backup"), "{listed}");
    let described = ok(&run_off_runtime(bed.cmd(&["actionset", "describe", "early-backup"])).await);
    assert!(described.contains("State:      complete"), "{described}");

    let planned = ok(&run_off_runtime(bed.cmd(&["migrate", "--dry-run"])).await);
    for wanted in [
        "blueprint kanister/mysql-blueprint (ConfigMap blueprint.mysql-blueprint): would move",
        "profile kanister/s3 (Secret): would move",
        "actionset kanister/early-backup (recorded without the CRD): would move",
    ] {
        assert!(planned.contains(wanted), "{wanted:?} missing:\n{planned}");
    }
    assert!(record.exists(), "--dry-run moved the record");
    let store = bed.srv.store();
    assert!(
        store
            .get(
                "cr.kanister.io/v1alpha1",
                "ActionSet",
                Some("kanister"),
                "early-backup"
            )
            .is_none()
    );

    let moved = ok(&run_off_runtime(bed.cmd(&["migrate"])).await);
    assert!(
        moved.contains("early-backup (recorded without the CRD): moved"),
        "{moved}"
    );
    let resource = store
        .get(
            "cr.kanister.io/v1alpha1",
            "ActionSet",
            Some("kanister"),
            "early-backup",
        )
        .expect("the record became a resource");
    assert_eq!(resource["status"]["state"], "complete", "{resource:#}");
    assert!(!record.exists(), "the moved record is still in the bucket");
    assert!(
        store
            .get(
                "cr.kanister.io/v1alpha1",
                "Blueprint",
                Some("kanister"),
                "mysql-blueprint"
            )
            .is_some()
    );
    assert!(
        store
            .get(
                "v1",
                "ConfigMap",
                Some("kanister"),
                "blueprint.mysql-blueprint"
            )
            .is_none()
    );
    assert!(
        store
            .get("cr.kanister.io/v1alpha1", "Profile", Some("kanister"), "s3")
            .is_some()
    );

    // The moved backup restores with --from, now from the resource.
    std::fs::write(bed.db.join("data.txt"), "garbage\n").unwrap();
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "restore",
        "--from",
        "early-backup",
        "--mode",
        "client",
    ]))
    .await;
    ok(&out);
    assert_eq!(
        std::fs::read_to_string(bed.db.join("data.txt")).unwrap(),
        "row 1: alice\nrow 2: bob\n"
    );
}
