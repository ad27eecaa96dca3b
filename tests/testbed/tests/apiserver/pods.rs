use std::time::Duration;

use futures::{AsyncBufReadExt, TryStreamExt};
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, AttachParams, DeleteParams, LogParams, PostParams};
use kube::runtime::wait::{await_condition, conditions};
use kubectl_backup_testbed::FakeApiServer;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn pod(name: &str, command: serde_json::Value, env: serde_json::Value) -> Pod {
    serde_json::from_value(json!({
        "metadata": {"name": name},
        "spec": {"restartPolicy": "Never", "containers": [{"name": "main", "image": "busybox:1.36", "command": command, "env": env}]}
    }))
    .unwrap()
}

async fn wait_phase(api: &Api<Pod>, name: &str, phase: &str) -> Pod {
    for _ in 0..500 {
        let p = api.get(name).await.unwrap();
        if p.status.as_ref().and_then(|s| s.phase.as_deref()) == Some(phase) {
            return p;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!(
        "pod {name} never reached {phase}: {:?}",
        api.get(name).await.unwrap().status
    );
}

#[tokio::test]
async fn pods_run_their_command_and_report_exit_codes_and_logs() {
    let srv = FakeApiServer::start().await;
    srv.store()
        .create(json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "creds", "namespace": "default"}, "stringData": {"pw": "s3cret"}}))
        .unwrap();
    let api: Api<Pod> = Api::namespaced(srv.client(), "default");
    let ok = pod(
        "ok",
        json!(["sh", "-c", "echo out-$GREETING; echo err-$PW >&2"]),
        json!([{"name": "GREETING", "value": "hi"}, {"name": "PW", "valueFrom": {"secretKeyRef": {"name": "creds", "key": "pw"}}}]),
    );
    let created = api.create(&PostParams::default(), &ok).await.unwrap();
    assert_eq!(created.status.unwrap().phase.as_deref(), Some("Pending"));
    let done = wait_phase(&api, "ok", "Succeeded").await;
    let cs = &done.status.unwrap().container_statuses.unwrap()[0];
    assert_eq!(
        cs.state
            .as_ref()
            .unwrap()
            .terminated
            .as_ref()
            .unwrap()
            .exit_code,
        0
    );
    assert_eq!(
        done.spec.unwrap().node_name.as_deref(),
        Some("testbed-node")
    );
    let log = api.logs("ok", &LogParams::default()).await.unwrap();
    assert!(
        log.contains("out-hi\n") && log.contains("err-s3cret\n"),
        "{log:?}"
    );

    api.create(
        &PostParams::default(),
        &pod("bad", json!(["sh", "-c", "exit 3"]), json!([])),
    )
    .await
    .unwrap();
    let failed = wait_phase(&api, "bad", "Failed").await;
    let term = failed.status.unwrap().container_statuses.unwrap()[0]
        .state
        .clone()
        .unwrap()
        .terminated
        .unwrap();
    assert_eq!((term.exit_code, term.reason.as_deref()), (3, Some("Error")));

    api.create(
        &PostParams::default(),
        &pod("missing", json!(["/no/such/binary"]), json!([])),
    )
    .await
    .unwrap();
    let failed = wait_phase(&api, "missing", "Failed").await;
    let term = failed.status.unwrap().container_statuses.unwrap()[0]
        .state
        .clone()
        .unwrap()
        .terminated
        .unwrap();
    assert_eq!(term.exit_code, 128);
}

#[tokio::test]
async fn long_running_pods_stay_running_follow_logs_and_die_on_delete() {
    let srv = FakeApiServer::start().await;
    let api: Api<Pod> = Api::namespaced(srv.client(), "default");
    api.create(
        &PostParams::default(),
        &pod(
            "server",
            json!(["sh", "-c", "echo started; exec sleep 600"]),
            json!([]),
        ),
    )
    .await
    .unwrap();
    tokio::time::timeout(
        Duration::from_secs(10),
        await_condition(api.clone(), "server", conditions::is_pod_running()),
    )
    .await
    .unwrap()
    .unwrap();
    let running = wait_phase(&api, "server", "Running").await;
    let ready = running
        .status
        .unwrap()
        .conditions
        .unwrap()
        .into_iter()
        .find(|c| c.type_ == "Ready")
        .unwrap();
    assert_eq!(ready.status, "True");
    let mut lines = api
        .log_stream(
            "server",
            &LogParams {
                follow: true,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .lines();
    let first = tokio::time::timeout(Duration::from_secs(10), lines.try_next())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.as_deref(), Some("started"));

    let deleted = api
        .delete("server", &DeleteParams::default())
        .await
        .unwrap();
    assert!(
        deleted
            .left()
            .unwrap()
            .metadata
            .deletion_timestamp
            .is_some(),
        "graceful deletion"
    );
    tokio::time::timeout(
        Duration::from_secs(10),
        await_condition(api.clone(), "server", conditions::is_deleted("")),
    )
    .await
    .unwrap()
    .unwrap();
    // The follow stream ends when the container is killed.
    let rest = tokio::time::timeout(Duration::from_secs(10), lines.try_collect::<Vec<_>>())
        .await
        .unwrap()
        .unwrap();
    assert!(rest.is_empty());
    // Pods without a command (an image's own server) run until deleted.
    api.create(
        &PostParams::default(),
        &pod("image-only", json!(null), json!([])),
    )
    .await
    .unwrap();
    wait_phase(&api, "image-only", "Running").await;
}

#[tokio::test]
async fn pod_path_prefix_puts_stand_in_tools_first() {
    let srv = FakeApiServer::start().await;
    let bin = srv.temp_dir().join("tools");
    std::fs::create_dir_all(&bin).unwrap();
    let tool = bin.join("kando");
    std::fs::write(&tool, "#!/bin/sh\necho kando-stand-in \"$@\"\n").unwrap();
    std::os::unix::fs::PermissionsExt::set_mode(
        &mut std::fs::metadata(&tool).unwrap().permissions(),
        0o755,
    );
    std::fs::set_permissions(&tool, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    srv.set_pod_path_prefix(&bin);
    let api: Api<Pod> = Api::namespaced(srv.client(), "default");
    api.create(
        &PostParams::default(),
        &pod("k", json!(["kando", "output", "a", "b"]), json!([])),
    )
    .await
    .unwrap();
    wait_phase(&api, "k", "Succeeded").await;
    assert_eq!(
        api.logs("k", &LogParams::default()).await.unwrap(),
        "kando-stand-in output a b\n"
    );
    let tail = api
        .logs(
            "k",
            &LogParams {
                tail_lines: Some(0),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(tail, "");
}

async fn exec_checks(srv: &FakeApiServer) {
    let api: Api<Pod> = Api::namespaced(srv.client(), "default");
    if api.get_opt("shell").await.unwrap().is_none() {
        api.create(
            &PostParams::default(),
            &pod(
                "shell",
                json!(["sleep", "600"]),
                json!([{"name": "APP_MODE", "value": "test"}]),
            ),
        )
        .await
        .unwrap();
        wait_phase(&api, "shell", "Running").await;
    }
    // stdout + the pod's env.
    let mut p = api
        .exec(
            "shell",
            vec!["sh", "-c", "echo mode=$APP_MODE; echo oops >&2"],
            &AttachParams::default().stderr(true),
        )
        .await
        .unwrap();
    let mut out = String::new();
    p.stdout().unwrap().read_to_string(&mut out).await.unwrap();
    let mut err = String::new();
    p.stderr().unwrap().read_to_string(&mut err).await.unwrap();
    let status = p.take_status().unwrap().await.unwrap();
    assert_eq!(out, "mode=test\n");
    assert_eq!(err, "oops\n");
    assert_eq!(status.status.as_deref(), Some("Success"));
    p.join().await.unwrap();

    // Non-zero exit code.
    let mut p = api
        .exec(
            "shell",
            vec!["sh", "-c", "exit 7"],
            &AttachParams::default(),
        )
        .await
        .unwrap();
    let status = p.take_status().unwrap().await.unwrap();
    assert_eq!(status.status.as_deref(), Some("Failure"));
    assert_eq!(status.reason.as_deref(), Some("NonZeroExitCode"));
    let causes = status.details.unwrap().causes.unwrap();
    assert_eq!(causes[0].message.as_deref(), Some("7"));
    let _ = p.join().await;
}

#[tokio::test]
async fn exec_over_v5_with_stdin_close() {
    let srv = FakeApiServer::start().await;
    exec_checks(&srv).await;
    let api: Api<Pod> = Api::namespaced(srv.client(), "default");
    let mut p = api
        .exec(
            "shell",
            vec!["sh", "-c", "tr a-z A-Z"],
            &AttachParams::default().stdin(true).stderr(false),
        )
        .await
        .unwrap();
    let mut stdin = p.stdin().unwrap();
    stdin.write_all(b"hello\n").await.unwrap();
    stdin.shutdown().await.unwrap();
    drop(stdin);
    let mut out = String::new();
    p.stdout().unwrap().read_to_string(&mut out).await.unwrap();
    assert_eq!(out, "HELLO\n");
    let status = p.take_status().unwrap().await.unwrap();
    assert_eq!(status.status.as_deref(), Some("Success"));
    let r = srv
        .requests()
        .into_iter()
        .rev()
        .find(|r| r.path.ends_with("/exec"))
        .unwrap();
    assert!(
        r.header("sec-websocket-protocol")
            .unwrap()
            .contains("v5.channel.k8s.io")
    );
}

#[tokio::test]
async fn exec_over_v4() {
    let srv = FakeApiServer::start().await;
    srv.set_exec_protocols(&["v4.channel.k8s.io"]);
    exec_checks(&srv).await;
    let api: Api<Pod> = Api::namespaced(srv.client(), "default");
    // v4 has no close signal: stdin is written, the command ends by itself.
    let mut p = api
        .exec(
            "shell",
            vec!["sh", "-c", "head -n1"],
            &AttachParams::default().stdin(true).stderr(false),
        )
        .await
        .unwrap();
    let mut stdin = p.stdin().unwrap();
    stdin.write_all(b"line\n").await.unwrap();
    let mut out = p.stdout().unwrap();
    let mut buf = vec![0u8; 5];
    out.read_exact(&mut buf).await.unwrap();
    assert_eq!(buf, b"line\n");
    let status = p.take_status().unwrap().await.unwrap();
    assert_eq!(status.status.as_deref(), Some("Success"));
}

#[tokio::test]
async fn exec_and_log_errors() {
    let srv = FakeApiServer::start().await;
    srv.set_kubelet_enabled(false);
    let api: Api<Pod> = Api::namespaced(srv.client(), "default");
    api.create(
        &PostParams::default(),
        &pod("idle", json!(["true"]), json!([])),
    )
    .await
    .unwrap();
    let e = api.logs("idle", &LogParams::default()).await.unwrap_err();
    let kube::Error::Api(s) = e else { panic!() };
    assert_eq!(s.code, 400);
    assert_eq!(
        s.message,
        "container \"main\" in pod \"idle\" is waiting to start: ContainerCreating"
    );
    let e = api.logs("nope", &LogParams::default()).await.unwrap_err();
    assert!(matches!(e, kube::Error::Api(s) if s.code == 404));
    let e = api
        .logs(
            "idle",
            &LogParams {
                container: Some("x".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(e, kube::Error::Api(s) if s.message == "container x is not valid for pod idle")
    );
    assert!(
        api.exec("idle", vec!["true"], &AttachParams::default())
            .await
            .is_err()
    );
    // Seeded pods keep the status they were given and are not run.
    srv.store()
        .create(json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "seeded", "namespace": "default"},
            "spec": {"nodeName": "n1", "containers": [{"name": "c", "image": "x"}]}, "status": {"phase": "Succeeded"}}))
        .unwrap();
    let Err(e) = api
        .exec("seeded", vec!["true"], &AttachParams::default())
        .await
    else {
        panic!("exec into a completed pod must fail");
    };
    let msg = e.to_string();
    assert!(msg.contains("completed pod"), "{msg}");
}

/// kubectl (client-go) as a second client of exec and logs: exit codes, stdin, streams.
/// Skipped when kubectl is not installed. kubectl sends no token over plain HTTP.
#[tokio::test]
async fn kubectl_exec_and_logs_against_the_fake_server() {
    if std::process::Command::new("kubectl")
        .arg("version")
        .arg("--client")
        .output()
        .is_err()
    {
        kubectl_backup_testbed::skip::skipped(
            "kubectl_exec_and_logs_against_the_fake_server",
            "kubectl is not installed",
        );
        return;
    }
    let srv = FakeApiServer::start().await;
    srv.allow_anonymous(true);
    let api: Api<Pod> = Api::namespaced(srv.client(), "default");
    api.create(
        &PostParams::default(),
        &pod(
            "k",
            json!(["sh", "-c", "echo booted; exec sleep 600"]),
            json!([]),
        ),
    )
    .await
    .unwrap();
    wait_phase(&api, "k", "Running").await;
    let run = |args: &[&str], stdin: &'static [u8]| {
        let mut cmd = srv.command("kubectl");
        cmd.args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(stdin).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(
        &[
            "exec",
            "k",
            "--",
            "sh",
            "-c",
            "echo out; echo err >&2; exit 3",
        ],
        b"",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "out\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("err\n"));
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["exec", "-i", "k", "--", "cat"], b"piped\n");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "piped\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["logs", "k"], b"");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "booted\n");
}
