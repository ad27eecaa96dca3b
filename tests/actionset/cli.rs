//! kanctl's creation rules (`--selector`/`--kind`, `--labels`, existence checks and
//! `--skip-validation`) and the functions added to the client-side executor (`Wait`,
//! PrepareData's `failOnError`).

use super::*;

fn deployment(name: &str, namespace: &str, labels: Value) -> Value {
    json!({"apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": name, "namespace": namespace, "labels": labels},
        "spec": {"replicas": 0, "selector": {"matchLabels": {"app": name}},
            "template": {"metadata": {"labels": {"app": name}},
                "spec": {"containers": [{"name": "c", "image": "busybox",
                    "command": ["sleep", "3600"]}]}}}})
}

fn dry_run_spec(out: &Output) -> Value {
    serde_json::from_str(&ok(out)).unwrap_or_else(|e| panic!("{e}: {}", text(&out.stdout)))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn selector_makes_one_action_per_matching_object_and_labels_go_on_the_actionset() {
    let bed = bed().await;
    let store = bed.srv.store();
    store.create_namespace("web");
    store
        .create(deployment("front", "web", json!({"tier": "web"})))
        .unwrap();
    store
        .create(deployment("api", "db", json!({"tier": "web"})))
        .unwrap();
    store
        .create(deployment("other", "web", json!({"tier": "batch"})))
        .unwrap();
    store
        .create(json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
            "metadata": {"name": "cache", "namespace": "web", "labels": {"tier": "web"}},
            "spec": {"accessModes": ["ReadWriteOnce"],
                     "resources": {"requests": {"storage": "1Gi"}}}}))
        .unwrap();

    // kind all (the default): deployments, statefulsets, deploymentconfigs and PVCs in every
    // namespace; an object also named explicitly appears once.
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "backup",
        "--blueprint",
        "mysql-blueprint",
        "--selector",
        "tier=web",
        "--deployment",
        "web/front",
        "--labels",
        "team=db,kanister.io/run=nightly",
        "--dry-run",
        "-o",
        "json",
    ]))
    .await;
    let spec = dry_run_spec(&out);
    let subjects: Vec<String> = spec["spec"]["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            format!(
                "{} {}/{}",
                a["object"]["kind"].as_str().unwrap(),
                a["object"]["namespace"].as_str().unwrap(),
                a["object"]["name"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        subjects,
        ["deployment web/front", "deployment db/api", "pvc web/cache"],
        "{spec:#}"
    );
    assert!(
        spec["spec"]["actions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["name"] == "backup" && a["blueprint"] == "mysql-blueprint")
    );
    assert_eq!(spec["metadata"]["labels"]["team"], "db");
    assert_eq!(spec["metadata"]["labels"]["kanister.io/run"], "nightly");

    // --kind and --selector-namespace narrow the search.
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "-a",
        "backup",
        "-b",
        "mysql-blueprint",
        "-l",
        "tier=web",
        "-k",
        "deployment",
        "--selector-namespace",
        "db",
        "--dry-run",
        "-o",
        "json",
    ]))
    .await;
    let spec = dry_run_spec(&out);
    let actions = spec["spec"]["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{spec:#}");
    assert_eq!(actions[0]["object"]["name"], "api");
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "-a",
        "backup",
        "-b",
        "mysql-blueprint",
        "-l",
        "app.kubernetes.io/instance=mysql",
        "-k",
        "statefulset",
        "--dry-run",
        "-o",
        "json",
    ]))
    .await;
    let spec = dry_run_spec(&out);
    assert_eq!(spec["spec"]["actions"][0]["object"]["kind"], "statefulset");
    assert_eq!(spec["spec"]["actions"][0]["object"]["name"], "mysql");

    // Nothing matching is an error; so is a bad label.
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "-a",
        "backup",
        "-b",
        "mysql-blueprint",
        "-l",
        "tier=none",
    ]))
    .await;
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no deployments, statefulsets, deploymentconfigs, pvcs match --selector \"tier=none\" in any namespace"),
        "{}",
        text(&out.stderr)
    );
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "-a",
        "backup",
        "-b",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--labels",
        "bad key=x",
    ]))
    .await;
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("invalid value 'bad key=x' for '--labels <KEY=VALUE>'")
            && text(&out.stderr).contains("label key \"bad key\" is not valid"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        store
            .list("cr.kanister.io/v1alpha1", "ActionSet", Some("kanister"))
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn existence_checks_name_every_missing_object_unless_skipped() {
    let bed = bed().await;
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "backup",
        "--blueprint",
        "nobp",
        "--statefulset",
        "db/mysql,db/gone",
        "--secrets",
        "creds=db/nosecret",
        "--config-maps",
        "cfg=db/nocm",
        "--name",
        "checked",
    ]))
    .await;
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    for line in [
        "blueprint \"nobp\" not found in namespace \"kanister\"",
        "statefulset db/gone not found",
        "secret db/nosecret (--secrets creds) not found",
        "configmap db/nocm (--config-maps cfg) not found",
    ] {
        assert!(
            stderr.lines().any(|l| l.ends_with(line)),
            "missing {line:?} in\n{stderr}"
        );
    }
    assert!(
        !stderr.contains("statefulset db/mysql not found"),
        "{stderr}"
    );
    let store = bed.srv.store();
    assert!(
        store
            .get(
                "cr.kanister.io/v1alpha1",
                "ActionSet",
                Some("kanister"),
                "checked"
            )
            .is_none()
    );

    // A missing profile is only a warning (kanctl's rule).
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
        "noprofile",
        "--dry-run",
    ]))
    .await;
    ok(&out);
    assert!(
        text(&out.stderr)
            .contains("warning: profile \"noprofile\" not found in namespace \"kanister\""),
        "{}",
        text(&out.stderr)
    );

    // --skip-validation creates it anyway; the run then fails it the way the controller does,
    // with the controller's Warning Event.
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "backup",
        "--blueprint",
        "nobp",
        "--statefulset",
        "db/mysql",
        "--name",
        "unchecked",
        "--skip-validation",
    ]))
    .await;
    assert!(!out.status.success());
    let status = bed.actionset("unchecked")["status"].clone();
    assert_eq!(status["state"], "failed", "{status:#}");
    assert!(
        status["error"]["message"]
            .as_str()
            .unwrap()
            .contains("\"nobp\" not found"),
        "{status:#}"
    );
    let events = bed.events("unchecked");
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].0, "Warning");
    assert_eq!(events[0].1, "Error");
    assert!(
        events[0]
            .2
            .starts_with("Could not get blueprint: Failed to query blueprint:"),
        "{events:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deprecated_wait_substitutes_jsonpath_and_times_out_with_the_last_error() {
    let bed = bed().await;
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "waits",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--name",
        "wait-run",
    ]))
    .await;
    ok(&out);
    let status = bed.actionset("wait-run")["status"].clone();
    assert_eq!(status["state"], "complete", "{status:#}");

    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "waitTimeout",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--name",
        "wait-timeout",
    ]))
    .await;
    assert!(!out.status.success());
    let status = bed.actionset("wait-timeout")["status"].clone();
    assert_eq!(status["state"], "failed");
    let message = status["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("Failed to wait for the condition to be met within 2s")
            && message.contains("neverSet is not found"),
        "{message}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prepare_data_fails_on_a_failed_pod_only_with_fail_on_error() {
    let bed = bed().await;
    let out = run_off_runtime(bed.cmd(&[
        "actionset",
        "create",
        "--action",
        "prepare",
        "--blueprint",
        "mysql-blueprint",
        "--statefulset",
        "db/mysql",
        "--name",
        "prep-run",
    ]))
    .await;
    assert!(!out.status.success());
    let status = bed.actionset("prep-run")["status"].clone();
    let phases = &status["actions"][0]["phases"];
    // failOnError unset: the pod exited 5, the phase still completes with its outputs.
    assert_eq!(phases[0]["state"], "complete", "{status:#}");
    assert_eq!(phases[0]["output"]["tolerated"], "yes");
    // failOnError: true: the same kind of failure fails the phase and the ActionSet.
    assert_eq!(phases[1]["state"], "failed", "{status:#}");
    assert_eq!(status["state"], "failed");
    let message = status["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("prepStrict")
            && message.contains("exit code 6")
            && message.contains("strict step failing"),
        "{message}"
    );
    assert!(bed.task_pods().is_empty(), "{:?}", bed.task_pods());
}

/// `actionset create` of the backup action on `web/front` with `--dry-run=server`, plus `extra`.
fn server_dry_run(bed: &Bed, extra: &[&str]) -> std::process::Command {
    let mut args = vec![
        "actionset",
        "create",
        "--action",
        "backup",
        "--blueprint",
        "mysql-blueprint",
        "--deployment",
        "web/front",
        "--dry-run=server",
    ];
    args.extend_from_slice(extra);
    bed.cmd(&args)
}

/// `--dry-run=server` has the API server admit the ActionSet and store nothing, printed as
/// kubectl prints a server dry run; without Kanister's CRD there is no server to ask, and the
/// error says so and what to use instead.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_dry_run_admits_the_actionset_and_stores_nothing() {
    let bed = bed().await;
    let store = bed.srv.store();
    store.create_namespace("web");
    store
        .create(deployment("front", "web", json!({"tier": "web"})))
        .unwrap();
    let create = |extra: &[&str]| server_dry_run(&bed, extra);
    let named = ok(&run_off_runtime(create(&["-o", "name"])).await);
    assert_eq!(named.lines().count(), 1, "{named}");
    assert!(
        named.starts_with("actionset.cr.kanister.io/backup-"),
        "{named}"
    );
    let line = ok(&run_off_runtime(create(&[])).await);
    assert!(
        line.trim_end().ends_with(" created (server dry run)"),
        "{line}"
    );
    assert!(
        store
            .list("cr.kanister.io/v1alpha1", "ActionSet", Some("kanister"))
            .is_empty()
    );

    let bare = bed_with(false).await;
    bare.srv.store().create_namespace("web");
    bare.srv
        .store()
        .create(deployment("front", "web", json!({"tier": "web"})))
        .unwrap();
    let out = run_off_runtime(server_dry_run(&bare, &[])).await;
    assert!(!out.status.success());
    let error = text(&out.stderr);
    assert!(
        error.contains("--dry-run=server needs Kanister's ActionSet CRD")
            && error.contains("use --dry-run=client"),
        "{error}"
    );
}
