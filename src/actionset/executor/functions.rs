//! The Kanister functions client-side mode performs with nothing but the Kubernetes API, with
//! upstream's arguments, defaults and outputs (kanister.md §6). Arguments arrive rendered;
//! they are decoded weakly as Kanister does (`"3"` is an integer, `"true"` a boolean). Which
//! functions run here is decided by `crate::blueprint::functions::FUNCTIONS` alone.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use k8s_openapi::api::apps::v1::{Deployment, StatefulSet};
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, AttachParams, Patch, PatchParams};
use serde_json::{Map, Value};
use tokio::io::AsyncReadExt;

use super::pods::{LogSink, PodTracker, TaskPod};
use crate::actionset::marker::Collector;
use crate::blueprint::functions::{self, Runner};
use crate::blueprint::types::ObjectReference;
use crate::kube::wait::Check;
use crate::kube::{Cluster, describe_error};

/// Everything a function needs besides its arguments.
pub struct Context<'a> {
    pub cluster: &'a Cluster,
    pub tracker: &'a PodTracker,
    pub sink: LogSink,
    /// The action's object.
    pub object: &'a ObjectReference,
    /// Namespace for pods when the Blueprint gives none (the ActionSet's).
    pub default_namespace: &'a str,
    pub pod_labels: BTreeMap<String, String>,
    pub pod_annotations: BTreeMap<String, String>,
    pub pod_override: Option<Map<String, Value>>,
    /// Claim names of the workload's PVCs (PrepareData's default volumes).
    pub pvcs: Vec<String>,
}

/// Runs `func` through the implementation the function registry names for it.
pub async fn run(
    func: &str,
    args: &Map<String, Value>,
    ctx: &Context<'_>,
) -> Result<Option<Map<String, Value>>> {
    match functions::client_side(func).map_err(|why| anyhow!(why))? {
        Runner::KubeTask => kube_task(args, ctx).await,
        Runner::KubeExec => kube_exec(args, ctx).await,
        Runner::KubeExecAll => kube_exec_all(args, ctx).await,
        Runner::ScaleWorkload => scale_workload(args, ctx).await,
        Runner::PrepareData => prepare_data(args, ctx).await,
        Runner::KubeOps => super::dynamic::kube_ops(args, ctx).await,
        Runner::WaitV2 => super::dynamic::wait_v2(args, ctx).await,
        Runner::Wait => super::dynamic::wait(args, ctx).await,
    }
}

fn string(args: &Map<String, Value>, name: &str) -> Result<Option<String>> {
    Ok(match args.get(name) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Bool(b)) => Some(b.to_string()),
        Some(_) => bail!("argument {name} must be a string"),
    })
}

fn required(args: &Map<String, Value>, name: &str) -> Result<String> {
    string(args, name)?.ok_or_else(|| anyhow!("Required arg missing: {name}"))
}

fn string_list(args: &Map<String, Value>, name: &str) -> Result<Vec<String>> {
    match args.get(name) {
        None | Some(Value::Null) => bail!("Required arg missing: {name}"),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| match v {
                Value::String(s) => Ok(s.clone()),
                Value::Number(n) => Ok(n.to_string()),
                Value::Bool(b) => Ok(b.to_string()),
                _ => Err(anyhow!("argument {name} must be a list of strings")),
            })
            .collect(),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(_) => bail!("argument {name} must be a list of strings"),
    }
}

fn int(args: &Map<String, Value>, name: &str) -> Result<Option<i64>> {
    Ok(match args.get(name) {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => Some(
            n.as_i64()
                .ok_or_else(|| anyhow!("argument {name} must be an integer"))?,
        ),
        Some(Value::String(s)) => Some(
            s.trim()
                .parse()
                .map_err(|_| anyhow!("argument {name}: {s:?} is not an integer"))?,
        ),
        Some(_) => bail!("argument {name} must be an integer"),
    })
}

fn boolean(args: &Map<String, Value>, name: &str) -> Result<Option<bool>> {
    Ok(match args.get(name) {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::String(s)) => Some(match s.as_str() {
            "1" | "t" | "T" | "true" | "TRUE" | "True" => true,
            "0" | "f" | "F" | "false" | "FALSE" | "False" => false,
            _ => bail!("argument {name}: {s:?} is not a boolean"),
        }),
        Some(Value::Number(n)) => Some(n.as_i64() != Some(0)),
        Some(_) => bail!("argument {name} must be a boolean"),
    })
}

fn string_map(args: &Map<String, Value>, name: &str) -> Result<BTreeMap<String, String>> {
    match args.get(name) {
        None | Some(Value::Null) => Ok(BTreeMap::new()),
        Some(Value::Object(m)) => Ok(m
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    v.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string()),
                )
            })
            .collect()),
        Some(_) => bail!("argument {name} must be a map of strings"),
    }
}

/// Pod labels, annotations and `podOverride` patches (Blueprint first, ActionSet last).
type PodSettings = (
    BTreeMap<String, String>,
    BTreeMap<String, String>,
    Vec<Map<String, Value>>,
);

fn pod_settings(args: &Map<String, Value>, ctx: &Context<'_>) -> Result<PodSettings> {
    // Blueprint-level labels/annotations override the ActionSet's.
    let mut labels = ctx.pod_labels.clone();
    labels.extend(string_map(args, "podLabels")?);
    let mut annotations = ctx.pod_annotations.clone();
    annotations.extend(string_map(args, "podAnnotations")?);
    let mut overrides = Vec::new();
    match args.get("podOverride") {
        Some(Value::Object(m)) => overrides.push(m.clone()),
        None | Some(Value::Null) => {}
        Some(_) => bail!("argument podOverride must be a mapping"),
    }
    if let Some(o) = &ctx.pod_override {
        overrides.push(o.clone());
    }
    Ok((labels, annotations, overrides))
}

async fn kube_task(
    args: &Map<String, Value>,
    ctx: &Context<'_>,
) -> Result<Option<Map<String, Value>>> {
    let image = required(args, "image")?;
    let command = string_list(args, "command")?;
    let namespace = string(args, "namespace")?
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| ctx.default_namespace.to_string());
    let (labels, annotations, overrides) = pod_settings(args, ctx)?;
    let pod = TaskPod {
        namespace,
        generate_name: "kanister-job-",
        image,
        command,
        labels,
        annotations,
        overrides,
        volumes: BTreeMap::new(),
        service_account: None,
    };
    Ok(pod
        .run(ctx.cluster, ctx.tracker, &ctx.sink, false)
        .await?
        .output)
}

/// Runs `command` in one container and collects outputs from its stdout.
async fn exec_in(
    ctx: &Context<'_>,
    namespace: &str,
    pod: &str,
    container: Option<&str>,
    command: &[String],
    collector: &mut Collector,
) -> Result<()> {
    let api: Api<Pod> = Api::namespaced(ctx.cluster.client.clone(), namespace);
    let mut params = AttachParams::default()
        .stdout(true)
        .stderr(true)
        .stdin(false);
    if let Some(c) = container {
        params = params.container(c);
    }
    let what = format!(
        "pod {namespace}/{pod}{}",
        container
            .map(|c| format!(" container {c}"))
            .unwrap_or_default()
    );
    let mut process = api
        .exec(pod, command.to_vec(), &params)
        .await
        .map_err(|e| {
            anyhow!(
                "exec in {what}: {}",
                describe_error(&ctx.cluster.server, &e)
            )
        })?;
    let mut stdout = process
        .stdout()
        .ok_or_else(|| anyhow!("exec in {what}: no stdout"))?;
    let mut stderr = process
        .stderr()
        .ok_or_else(|| anyhow!("exec in {what}: no stderr"))?;
    let status = process.take_status();
    let mut err_text = Vec::new();
    let read_out = async {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = stdout.read(&mut buf).await?;
            if n == 0 {
                break;
            }
            collector.feed(&buf[..n]);
            if ctx.sink.echo {
                use std::io::Write as _;
                let _ = std::io::stderr().lock().write_all(&buf[..n]);
            }
        }
        Ok::<_, std::io::Error>(())
    };
    let read_err = stderr.read_to_end(&mut err_text);
    let (a, b) = tokio::join!(read_out, read_err);
    a?;
    b?;
    let status = match status {
        Some(s) => s.await,
        None => None,
    };
    process.join().await.ok();
    if let Some(s) = status
        && s.status.as_deref() == Some("Failure")
    {
        let tail: Vec<&str> = std::str::from_utf8(&err_text)
            .unwrap_or("")
            .lines()
            .rev()
            .take(10)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        bail!(
            "command in {what} failed: {}{}",
            s.message.unwrap_or_default(),
            if tail.is_empty() {
                String::new()
            } else {
                format!("; last stderr lines:\n{}", tail.join("\n"))
            }
        );
    }
    Ok(())
}

async fn kube_exec(
    args: &Map<String, Value>,
    ctx: &Context<'_>,
) -> Result<Option<Map<String, Value>>> {
    let namespace = required(args, "namespace")?;
    let pod = required(args, "pod")?;
    let container = string(args, "container")?.filter(|c| !c.is_empty());
    let command = string_list(args, "command")?;
    let mut collector = Collector::new();
    exec_in(
        ctx,
        &namespace,
        &pod,
        container.as_deref(),
        &command,
        &mut collector,
    )
    .await?;
    collector.finish()
}

async fn kube_exec_all(
    args: &Map<String, Value>,
    ctx: &Context<'_>,
) -> Result<Option<Map<String, Value>>> {
    let namespace = required(args, "namespace")?;
    let pods: Vec<String> = required(args, "pods")?
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let containers: Vec<String> = required(args, "containers")?
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let command = string_list(args, "command")?;
    let mut collector = Collector::new();
    for pod in &pods {
        for container in &containers {
            exec_in(
                ctx,
                &namespace,
                pod,
                Some(container),
                &command,
                &mut collector,
            )
            .await?;
        }
    }
    Ok(Some(collector.finish()?.unwrap_or_default()))
}

async fn scale_workload(
    args: &Map<String, Value>,
    ctx: &Context<'_>,
) -> Result<Option<Map<String, Value>>> {
    let replicas =
        int(args, "replicas")?.ok_or_else(|| anyhow!("Required arg missing: replicas"))?;
    let namespace = string(args, "namespace")?
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| ctx.object.namespace.clone());
    let name = string(args, "name")?
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| ctx.object.name.clone());
    let kind = string(args, "kind")?
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| ctx.object.kind.clone())
        .to_lowercase();
    let wait = boolean(args, "waitForReady")?.unwrap_or(true);
    let server = &ctx.cluster.server;
    let client = ctx.cluster.client.clone();
    let patch = Patch::Merge(serde_json::json!({"spec": {"replicas": replicas}}));
    let what = format!("{kind} {namespace}/{name}");
    let fail = |e: kube::Error| anyhow!("scaling {what}: {}", describe_error(server, &e));
    let original = match kind.as_str() {
        "statefulset" => {
            let api: Api<StatefulSet> = Api::namespaced(client.clone(), &namespace);
            let current = api.get(&name).await.map_err(fail)?;
            api.patch_scale(&name, &PatchParams::default(), &patch)
                .await
                .map_err(fail)?;
            current.spec.replicas.unwrap_or(1)
        }
        "deployment" => {
            let api: Api<Deployment> = Api::namespaced(client.clone(), &namespace);
            let current = api.get(&name).await.map_err(fail)?;
            api.patch_scale(&name, &PatchParams::default(), &patch)
                .await
                .map_err(fail)?;
            current.spec.replicas.unwrap_or(1)
        }
        other => {
            bail!("ScaleWorkload: kind {other:?} is not supported (deployment or statefulset)")
        }
    };
    if wait {
        wait_scaled(ctx, &kind, &namespace, &name, replicas as i32).await?;
    }
    let mut output = Map::new();
    output.insert("originalReplicaCount".into(), Value::from(original));
    Ok(Some(output))
}

/// Waits until the workload reports `replicas` ready replicas and no extra pods.
async fn wait_scaled(
    ctx: &Context<'_>,
    kind: &str,
    namespace: &str,
    name: &str,
    replicas: i32,
) -> Result<()> {
    let client = ctx.cluster.client.clone();
    let what = format!("{kind} {namespace}/{name}");
    let scaled = super::poll::every(
        Duration::from_millis(250),
        &what,
        &format!("reach {replicas} ready replicas"),
    )
    .timeout(Duration::from_secs(15 * 60))
    .until(|| async {
        let (current, ready) = if kind == "statefulset" {
            let s = Api::<StatefulSet>::namespaced(client.clone(), namespace)
                .get_status(name)
                .await;
            let s = s.map_err(|e| {
                anyhow!(
                    "reading {what}: {}",
                    describe_error(&ctx.cluster.server, &e)
                )
            })?;
            let st = s.status.unwrap_or_default();
            (st.replicas, st.ready_replicas.unwrap_or(0))
        } else {
            let d = Api::<Deployment>::namespaced(client.clone(), namespace)
                .get_status(name)
                .await;
            let d = d.map_err(|e| {
                anyhow!(
                    "reading {what}: {}",
                    describe_error(&ctx.cluster.server, &e)
                )
            })?;
            let st = d.status.unwrap_or_default();
            (st.replicas.unwrap_or(0), st.ready_replicas.unwrap_or(0))
        };
        Ok(if current == replicas && ready == replicas {
            Check::Done(())
        } else {
            Check::Pending(None)
        })
    })
    .await;
    scaled.map_err(|e| match super::poll::timed_out(&e) {
        Some(_) => anyhow!("{what} did not reach {replicas} ready replicas in 15 minutes"),
        None => e,
    })
}

async fn prepare_data(
    args: &Map<String, Value>,
    ctx: &Context<'_>,
) -> Result<Option<Map<String, Value>>> {
    let namespace = required(args, "namespace")?;
    let image = required(args, "image")?;
    let command = string_list(args, "command")?;
    let mut volumes = string_map(args, "volumes")?;
    if volumes.is_empty() {
        volumes = ctx
            .pvcs
            .iter()
            .map(|c| (c.clone(), format!("/mnt/prepare_data/{c}")))
            .collect();
    }
    if volumes.is_empty() {
        bail!("PrepareData: no volumes given and the object has no PVCs");
    }
    // Like upstream, every volume must be a PVC of the pod's namespace before anything runs.
    let pvcs: Api<k8s_openapi::api::core::v1::PersistentVolumeClaim> =
        Api::namespaced(ctx.cluster.client.clone(), &namespace);
    for claim in volumes.keys() {
        match pvcs.get_opt(claim).await {
            Ok(Some(_)) => {}
            Ok(None) => bail!("PrepareData: PVC {namespace}/{claim} not found"),
            Err(e) => bail!(
                "PrepareData: reading PVC {namespace}/{claim}: {}",
                describe_error(&ctx.cluster.server, &e)
            ),
        }
    }
    // failOnError (default false): a pod that ends Failed fails the phase only when set;
    // otherwise its outputs are taken as they are, as upstream does.
    let fail_on_error = boolean(args, "failOnError")?.unwrap_or(false);
    let service_account = string(args, "serviceaccount")?.filter(|s| !s.is_empty());
    let (labels, annotations, overrides) = pod_settings(args, ctx)?;
    let pod = TaskPod {
        namespace,
        generate_name: "prepare-data-job-",
        image,
        command,
        labels,
        annotations,
        overrides,
        volumes,
        service_account,
    };
    Ok(pod
        .run(ctx.cluster, ctx.tracker, &ctx.sink, !fail_on_error)
        .await?
        .output)
}
