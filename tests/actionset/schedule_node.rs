//! Scheduled snapshots on the real node (part of the `actionset_parity` binary, the one that
//! starts the node-mode cluster): the schedule's CronJob runs the plugin's static binary in a pod,
//! as its own ServiceAccount, and the backup lands in S3; retention keeps the newest; the job's
//! RBAC allows its work and nothing more. Real only: the fake server runs no CronJobs or Jobs.

use std::path::Path;
use std::process::Command;

use kubectl_backup_testbed::TestCluster;
use kubectl_backup_testbed::real::ImageBuilder;
use serde_json::{Value, json};

use super::common::BIN;
use super::common::cli::{ok, run, text};
use super::common::kanister::{create_s3_profile, start_s3};

/// Names of the backups in the profile's bucket.
fn backups(cluster: &TestCluster, ns: &str) -> Vec<(String, Value)> {
    let out = run(
        cluster,
        &[
            "-n",
            ns,
            "snapshot",
            "list",
            "--profile",
            &format!("{ns}/s3"),
            "-o",
            "json",
        ],
    );
    let list: Value = serde_json::from_str(&ok(&out)).unwrap();
    let mut names: Vec<(String, Value)> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["metadata"]["name"].as_str().unwrap().to_string(),
                b.clone(),
            )
        })
        .collect();
    names.sort_by(|a, b| a.0.cmp(&b.0));
    names
}

fn can_i(cluster: &TestCluster, account: &str, verb: &str, resource: &str, ns: &str) -> bool {
    let out = Command::new("kubectl")
        .arg("--kubeconfig")
        .arg(cluster.kubeconfig_path())
        .args(["auth", "can-i", verb, resource, "-n", ns, "--as", account])
        .output()
        .unwrap();
    text(&out.stdout).trim() == "yes"
}

/// The release image (`scripts/release-image`: a scratch image with the static binary and CA
/// roots, what `schedule create` defaults to) when the static build is at hand, as in CI;
/// otherwise the test build in the busybox tools image, with its shared libraries.
fn job_image(real: &kubectl_backup_testbed::real::RealCluster) -> String {
    let Some(release) = std::env::var_os("KB_RELEASE_BINARY").filter(|p| Path::new(p).is_file())
    else {
        return ImageBuilder::kando_image(real, Path::new(BIN))
            .unwrap_or_else(|e| panic!("building the image: {e}"));
    };
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("release.tar");
    let tag = "localhost/kubectl-backup-release:test";
    let out = Command::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/release-image"
    ))
    .arg(&release)
    .arg("--out")
    .arg(&archive)
    .args(["--tag", tag])
    .output()
    .unwrap();
    ok(&out);
    ImageBuilder::load_archive(real, &archive).unwrap_or_else(|e| panic!("{e}"));
    tag.to_string()
}

/// The `--env` values that send a job's pod to the API server on the host's loopback: the test
/// node runs no kube-proxy.
fn api_on_host_loopback(real: &kubectl_backup_testbed::real::RealCluster) -> [String; 2] {
    let port = real
        .api_url()
        .rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    [
        "KUBERNETES_SERVICE_HOST=127.0.0.1".to_string(),
        format!("KUBERNETES_SERVICE_PORT={port}"),
    ]
}

#[test]
fn a_scheduled_snapshot_runs_in_a_pod_and_keeps_the_newest() {
    let Some(cluster) = TestCluster::real_node("schedule_node::a_scheduled_snapshot_runs_in_a_pod")
    else {
        return;
    };
    let real = cluster.real_cluster().unwrap();
    let (s3, _runtime) = start_s3();
    cluster.install_kanister_crds();
    let bk = cluster.namespace("bk");
    let shop = cluster.namespace("shop");
    let objects = cluster.objects();
    objects
        .create(json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "menu", "namespace": shop}, "data": {"soup": "tomato"}}))
        .unwrap();
    create_s3_profile(&cluster, &s3, &bk, "scheduled");
    let image = job_image(real);
    let [host_env, port_env] = api_on_host_loopback(real);
    let profile = format!("{bk}/s3");
    let create_args = [
        "-n",
        &bk,
        "schedule",
        "create",
        "nightly",
        "--schedule",
        "0 1 * * *",
        "--keep-last",
        "1",
        "--image",
        &image,
        "--image-pull-policy",
        "IfNotPresent",
        "--host-network",
        "--env",
        &host_env,
        "--env",
        &port_env,
        "--",
        "snapshot",
        "create",
        "--include-namespaces",
        &shop,
        "--profile",
        &profile,
    ];

    // --dry-run prints what would be created, for review, and creates nothing.
    let mut dry = create_args.to_vec();
    dry.insert(5, "--dry-run");
    let printed = ok(&run(&cluster, &dry));
    for kind in [
        "ServiceAccount",
        "ClusterRole",
        "ClusterRoleBinding",
        "CronJob",
    ] {
        assert!(
            printed.contains(&format!("kind: {kind}")),
            "{kind} missing from:\n{printed}"
        );
    }
    assert!(
        objects
            .get("batch/v1", "CronJob", Some(&bk), "nightly")
            .is_none()
    );

    ok(&run(&cluster, &create_args));
    let cronjob = objects
        .get("batch/v1", "CronJob", Some(&bk), "nightly")
        .unwrap();
    assert_eq!(cronjob["spec"]["concurrencyPolicy"], "Forbid");

    // The job's account: reads what it backs up, writes nothing in the cluster.
    let account = format!("system:serviceaccount:{bk}:kubectl-backup-nightly");
    assert!(can_i(&cluster, &account, "list", "configmaps", &shop));
    assert!(can_i(
        &cluster,
        &account,
        "get",
        "profiles.cr.kanister.io",
        &bk
    ));
    assert!(!can_i(&cluster, &account, "create", "configmaps", &shop));
    assert!(!can_i(&cluster, &account, "delete", "pods", &bk));
    assert!(!can_i(
        &cluster,
        &account,
        "patch",
        "deployments.apps",
        &shop
    ));

    // Two runs: each is a pod running the static binary; keep-last 1 leaves the newest.
    let mut made = Vec::new();
    for _ in 0..2 {
        let out = run(
            &cluster,
            &[
                "-n",
                &bk,
                "schedule",
                "run-now",
                "nightly",
                "--wait",
                "--timeout",
                "5m",
            ],
        );
        ok(&out);
        let now: Vec<String> = backups(&cluster, &bk).into_iter().map(|(n, _)| n).collect();
        let new = now.iter().find(|n| !made.contains(*n)).cloned();
        made.push(new.unwrap_or_else(|| panic!("no new backup after a run; have {now:?}")));
        // Backup names have one-second resolution.
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    let left = backups(&cluster, &bk);
    assert_eq!(
        left.len(),
        1,
        "keep-last 1 should leave one backup: {left:#?}"
    );
    let (name, backup) = &left[0];
    assert_eq!(name, &made[1]);
    assert!(
        name.starts_with("nightly-") && name.len() == "nightly-".len() + 14,
        "{name}"
    );
    assert_eq!(
        backup["metadata"]["labels"]["velero.io/schedule-name"],
        "nightly"
    );
    assert_eq!(backup["status"]["phase"], "Completed");

    // The backup holds the namespace's ConfigMap.
    let describe = ok(&run(
        &cluster,
        &[
            "-n",
            &bk,
            "snapshot",
            "describe",
            name,
            "--details",
            "--profile",
            &profile,
        ],
    ));
    assert!(describe.contains("menu"), "{describe}");

    let shown = ok(&run(
        &cluster,
        &["-n", &bk, "schedule", "describe", "nightly"],
    ));
    assert!(
        shown.contains(&format!("Last backup:  {name} (Completed")),
        "{shown}"
    );
    assert!(shown.contains("Succeeded"), "{shown}");

    ok(&run(&cluster, &["-n", &bk, "schedule", "pause", "nightly"]));
    let cronjob = objects
        .get("batch/v1", "CronJob", Some(&bk), "nightly")
        .unwrap();
    assert_eq!(cronjob["spec"]["suspend"], true);
    ok(&run(
        &cluster,
        &["-n", &bk, "schedule", "resume", "nightly"],
    ));
    let cronjob = objects
        .get("batch/v1", "CronJob", Some(&bk), "nightly")
        .unwrap();
    assert_eq!(cronjob["spec"]["suspend"], false);

    let listed = ok(&run(
        &cluster,
        &["-n", &bk, "schedule", "list", "-o", "json"],
    ));
    let listed: Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed["items"][0]["name"], "nightly");

    ok(&run(
        &cluster,
        &["-n", &bk, "schedule", "delete", "nightly", "--yes"],
    ));
    assert!(
        objects
            .get("batch/v1", "CronJob", Some(&bk), "nightly")
            .is_none()
    );
    assert!(
        objects
            .get("v1", "ServiceAccount", Some(&bk), "kubectl-backup-nightly")
            .is_none()
    );
    let role = format!("kubectl-backup:{bk}:nightly");
    assert!(
        objects
            .get("rbac.authorization.k8s.io/v1", "ClusterRole", None, &role)
            .is_none()
    );
    // The backups stay.
    assert_eq!(backups(&cluster, &bk).len(), 1);

    // On its timetable: the CronJob controller starts the run by itself.
    let mut every_minute = create_args.to_vec();
    every_minute[4] = "every-minute";
    every_minute[6] = "* * * * *";
    ok(&run(&cluster, &every_minute));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    let produced = loop {
        let now = backups(&cluster, &bk);
        if let Some((name, _)) = now.iter().find(|(n, _)| n.starts_with("every-minute-")) {
            break name.clone();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the CronJob produced no backup within 3 minutes:\n{}",
            ok(&run(
                &cluster,
                &["-n", &bk, "schedule", "describe", "every-minute"]
            ))
        );
        std::thread::sleep(std::time::Duration::from_secs(3));
    };
    let shown = ok(&run(
        &cluster,
        &["-n", &bk, "schedule", "describe", "every-minute"],
    ));
    assert!(shown.contains(&produced), "{shown}");
    ok(&run(
        &cluster,
        &["-n", &bk, "schedule", "delete", "every-minute", "--yes"],
    ));
    drop(s3);
}

#[test]
fn a_scheduled_actionset_runs_in_a_pod_with_its_own_account() {
    let Some(cluster) = TestCluster::real_node(
        "schedule_node::a_scheduled_actionset_runs_in_a_pod_with_its_own_account",
    ) else {
        return;
    };
    let real = cluster.real_cluster().unwrap();
    let bed = super::node::AppBed::new(&cluster);
    bed.wait_for_app_running();
    let image = job_image(real);
    let [host_env, port_env] = api_on_host_loopback(real);
    let subject = format!("{}/app", bed.db);
    let kanister = bed.kanister.clone();
    ok(&run(
        &cluster,
        &[
            "-n",
            &kanister,
            "schedule",
            "create",
            "app-nightly",
            "--schedule",
            "0 1 * * *",
            "--keep-last",
            "1",
            "--image",
            &image,
            "--image-pull-policy",
            "IfNotPresent",
            "--host-network",
            "--env",
            &host_env,
            "--env",
            &port_env,
            "--",
            "actionset",
            "create",
            "--action",
            "backup",
            "--blueprint",
            "app-blueprint",
            "--statefulset",
            &subject,
            "--profile",
            "s3",
            "--mode",
            "client",
        ],
    ));
    // The account may run the action in the app's namespace, and nothing outside it.
    let account = format!("system:serviceaccount:{kanister}:kubectl-backup-app-nightly");
    assert!(can_i(&cluster, &account, "create", "pods/exec", &bed.db));
    assert!(can_i(
        &cluster,
        &account,
        "create",
        "actionsets.cr.kanister.io",
        &kanister
    ));
    assert!(!can_i(&cluster, &account, "create", "pods", "default"));
    assert!(!can_i(
        &cluster,
        &account,
        "delete",
        "statefulsets.apps",
        &bed.db
    ));

    // Two runs with --keep-last 1: the second runs the blueprint's delete action on the first
    // backup and then removes its record.
    let backups = |state: &str| -> Vec<String> {
        let mut names: Vec<String> = cluster
            .objects()
            .list("cr.kanister.io/v1alpha1", "ActionSet", Some(&kanister))
            .iter()
            .filter(|a| {
                a["status"]["state"] == state && a["spec"]["actions"][0]["name"] == "backup"
            })
            .map(|a| a["metadata"]["name"].as_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    };
    let mut made = Vec::new();
    for _ in 0..2 {
        ok(&run(
            &cluster,
            &[
                "-n",
                &kanister,
                "schedule",
                "run-now",
                "app-nightly",
                "--wait",
                "--timeout",
                "5m",
            ],
        ));
        let now = backups("complete");
        let new = now.iter().find(|n| !made.contains(*n)).cloned();
        made.push(new.unwrap_or_else(|| panic!("no new complete backup after a run: {now:?}")));
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    assert_eq!(backups("complete"), [made[1].clone()], "keep-last 1");
    let recorded = bed.actionset(&made[1]);
    assert_eq!(
        recorded["metadata"]["labels"]["backup.kubectl-backup.io/schedule"],
        "app-nightly"
    );
    let deletes: Vec<Value> = cluster
        .objects()
        .list("cr.kanister.io/v1alpha1", "ActionSet", Some(&kanister))
        .into_iter()
        .filter(|a| a["spec"]["actions"][0]["name"] == "delete")
        .collect();
    assert_eq!(deletes.len(), 1, "{deletes:#?}");
    assert_eq!(deletes[0]["status"]["state"], "complete", "{deletes:#?}");
    ok(&run(
        &cluster,
        &[
            "-n",
            &kanister,
            "schedule",
            "delete",
            "app-nightly",
            "--yes",
        ],
    ));
}
