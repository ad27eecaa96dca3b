//! KubeTask as the controller runs it (kanister.md §6, §7, §4.2): a `kanister-job-` pod with one
//! container named `container`, its followed log scanned for `###Phase-output###:` markers, an
//! error carrying the last log lines when the pod fails, and the pod deleted in every case.

use std::collections::{BTreeMap, VecDeque};
use std::time::Duration;

use futures::{AsyncBufReadExt, StreamExt};
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, DeleteParams, LogParams, PostParams};
use serde_json::{Map, Value, json};

const MARKER: &str = "###Phase-output###:";
/// Lines of log an error carries (§7 step 8: "the last ~10 log lines").
const TAIL_LINES: usize = 10;
/// §7 step 6 allows 15 minutes to leave Pending; test pods start within seconds (fake: at once,
/// a real node: an image already loaded), so five minutes means something is wrong.
const START_TIMEOUT: Duration = Duration::from_secs(300);

/// What the pod needs besides the rendered args.
pub struct TaskContext<'a> {
    pub client: &'a kube::Client,
    /// Used when the `namespace` arg is absent: the controller's own namespace.
    pub default_namespace: &'a str,
    pub pod_labels: BTreeMap<String, String>,
    pub pod_annotations: BTreeMap<String, String>,
    /// Turns true when the ActionSet is deleted: the function stops and its pod goes.
    pub cancel: tokio::sync::watch::Receiver<bool>,
}

fn string_arg(args: &Map<String, Value>, name: &str) -> Result<Option<String>, String> {
    match args.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("argument {name} must be a string, got {other}")),
    }
}

/// Runs the function; `Ok` holds the phase output.
pub async fn run(
    args: &Map<String, Value>,
    ctx: &TaskContext<'_>,
) -> Result<Map<String, Value>, String> {
    for key in args.keys() {
        if !matches!(key.as_str(), "image" | "command" | "namespace") {
            return Err(format!(
                "argument {key} is not supported (by the test controller's KubeTask)"
            ));
        }
    }
    let image = string_arg(args, "image")?.ok_or("Required arg missing: image")?;
    let command: Vec<String> = match args.get("command") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| match i {
                Value::String(s) => Ok(s.clone()),
                other => Ok(other.to_string()),
            })
            .collect::<Result<_, String>>()?,
        Some(_) => return Err("argument command must be a list".into()),
        None => return Err("Required arg missing: command".into()),
    };
    let namespace = string_arg(args, "namespace")?
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| ctx.default_namespace.to_string());
    let mut labels = ctx.pod_labels.clone();
    labels.insert("createdBy".into(), "kanister".into());
    let pod = json!({
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"generateName": "kanister-job-", "namespace": namespace,
                     "labels": labels, "annotations": ctx.pod_annotations},
        "spec": {"restartPolicy": "Never", "containers": [{
            "name": "container", "image": image, "command": command,
            "imagePullPolicy": "IfNotPresent"}]},
    });
    let pod: Pod = serde_json::from_value(pod).map_err(|e| e.to_string())?;
    let api: Api<Pod> = Api::namespaced(ctx.client.clone(), &namespace);
    let created = api
        .create(&PostParams::default(), &pod)
        .await
        .map_err(|e| format!("Failed to create pod: {e}"))?;
    let name = created.metadata.name.unwrap_or_default();
    let mut cancel = ctx.cancel.clone();
    let result = tokio::select! {
        r = follow(&api, &namespace, &name) => r,
        _ = cancel.wait_for(|c| *c) => Err("cancelled: the ActionSet was deleted".into()),
    };
    let _ = api
        .delete(&name, &DeleteParams::default().grace_period(0))
        .await;
    result
}

async fn follow(api: &Api<Pod>, namespace: &str, name: &str) -> Result<Map<String, Value>, String> {
    let deadline = tokio::time::Instant::now() + START_TIMEOUT;
    loop {
        let pod = api.get(name).await.map_err(|e| e.to_string())?;
        let phase = phase_of(&pod);
        if !phase.is_empty() && phase != "Pending" {
            break;
        }
        if tokio::time::Instant::now() > deadline {
            return Err(format!("pod {namespace}/{name} did not leave Pending"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let params = LogParams {
        container: Some("container".into()),
        follow: true,
        ..LogParams::default()
    };
    let stream = api
        .log_stream(name, &params)
        .await
        .map_err(|e| format!("Failed to fetch logs from the pod: {e}"))?;
    let mut lines = stream.lines();
    let mut output = Map::new();
    let mut tail = VecDeque::new();
    let mut parse_error = None;
    while let Some(line) = lines.next().await {
        let Ok(line) = line else { break };
        if let Some(at) = line.find(MARKER) {
            #[derive(serde::Deserialize)]
            struct Pair {
                key: String,
                value: String,
            }
            match serde_json::from_str::<Pair>(line[at + MARKER.len()..].trim()) {
                Ok(p) => {
                    output.insert(p.key, Value::String(p.value));
                }
                Err(e) => {
                    parse_error.get_or_insert(format!("Failed to parse phase output: {e}"));
                }
            }
        }
        tail.push_back(line);
        if tail.len() > TAIL_LINES {
            tail.pop_front();
        }
    }
    let (phase, exit) = loop {
        let pod = api.get(name).await.map_err(|e| e.to_string())?;
        let phase = phase_of(&pod);
        if phase == "Succeeded" || phase == "Failed" {
            let exit = pod
                .status
                .and_then(|s| s.container_statuses)
                .into_iter()
                .flatten()
                .find(|c| c.name == "container")
                .and_then(|c| c.state?.terminated)
                .map(|t| t.exit_code);
            break (phase, exit);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    if phase == "Failed" {
        let tail: Vec<String> = tail.into();
        return Err(format!(
            "pod {namespace}/{name} failed (exit code {}){}",
            exit.map_or("unknown".into(), |c| c.to_string()),
            if tail.is_empty() {
                String::new()
            } else {
                format!("; last log lines:\n{}", tail.join("\n"))
            }
        ));
    }
    match parse_error {
        Some(e) => Err(e),
        None => Ok(output),
    }
}

fn phase_of(pod: &Pod) -> String {
    pod.status
        .as_ref()
        .and_then(|s| s.phase.clone())
        .unwrap_or_default()
}
