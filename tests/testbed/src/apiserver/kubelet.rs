//! The kubelet stand-in: binds new pods to `testbed-node`, runs each container's `command` +
//! `args` as a host process with the container's env (and a configurable PATH prefix), keeps
//! stdout+stderr as the container log, sets Running, then Succeeded/Failed from the exit
//! codes, and kills the processes when the pod is deleted.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use tokio::io::AsyncReadExt;
use tokio::sync::watch;

use super::Inner;
use super::container_log::ContainerLog;
use super::pod_env::resolve_env;
use super::pod_events;
use super::pod_status::refresh_pod_conditions;
use super::store::{Event, EventType, State, meta_str};
use super::write;

pub const NODE: &str = "testbed-node";

/// What exec needs to run a command "in" a container.
#[derive(Clone)]
pub struct ContainerEnv {
    pub env: Vec<(String, String)>,
    pub workdir: PathBuf,
}

struct PodRuntime {
    logs: HashMap<String, Arc<ContainerLog>>,
    envs: HashMap<String, ContainerEnv>,
    running: HashMap<String, bool>,
    kill: watch::Sender<bool>,
}

/// Kubelet state: running pods by uid, and the PATH prefix put in front of the host PATH.
pub struct Kubelet {
    pods: Mutex<HashMap<String, PodRuntime>>,
    path_prefix: Mutex<Vec<PathBuf>>,
    base_dir: PathBuf,
}

impl Kubelet {
    pub fn new(base_dir: PathBuf) -> Self {
        Kubelet {
            pods: Mutex::new(HashMap::new()),
            path_prefix: Mutex::new(Vec::new()),
            base_dir,
        }
    }

    pub fn set_path_prefix(&self, dirs: Vec<PathBuf>) {
        *self.path_prefix.lock().unwrap_or_else(|e| e.into_inner()) = dirs;
    }

    fn path(&self) -> String {
        let mut parts: Vec<String> = self
            .path_prefix
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        parts.push(std::env::var("PATH").unwrap_or_else(|_| "/usr/local/bin:/usr/bin:/bin".into()));
        parts.join(":")
    }

    pub fn log(&self, uid: &str, container: &str) -> Option<Arc<ContainerLog>> {
        let pods = self.pods.lock().unwrap_or_else(|e| e.into_inner());
        pods.get(uid)?.logs.get(container).cloned()
    }

    /// The env of a running container (None when it is not running).
    pub fn container_env(&self, uid: &str, container: &str) -> Option<ContainerEnv> {
        let pods = self.pods.lock().unwrap_or_else(|e| e.into_inner());
        let pod = pods.get(uid)?;
        if !pod.running.get(container).copied().unwrap_or(false) {
            return None;
        }
        pod.envs.get(container).cloned()
    }

    /// Kills every process (server shutdown).
    pub fn kill_all(&self) {
        for pod in self.pods.lock().unwrap_or_else(|e| e.into_inner()).values() {
            let _ = pod.kill.send(true);
        }
    }

    fn kill(&self, uid: &str) -> bool {
        match self.pods.lock().unwrap_or_else(|e| e.into_inner()).get(uid) {
            Some(p) => {
                let _ = p.kill.send(true);
                true
            }
            None => false,
        }
    }
}

/// Reacts to pod events: start new pods, stop deleted ones.
pub fn on_event(inner: &Arc<Inner>, e: &Event) {
    if !e.group.is_empty() || e.resource != "pods" {
        return;
    }
    let uid = meta_str(&e.object, "uid").to_string();
    match e.kind {
        EventType::Deleted => {
            inner.kubelet.kill(&uid);
        }
        _ if e.object.pointer("/metadata/deletionTimestamp").is_some() => {
            if !inner.kubelet.kill(&uid) {
                // Nothing running: the pod can go at once.
                let ns = e.namespace.clone();
                let name = meta_str(&e.object, "name").to_string();
                inner.store.write(|st| remove_pod(st, &ns, &name, &uid));
            }
        }
        _ => {
            let pending = matches!(
                e.object.pointer("/status/phase").and_then(Value::as_str),
                None | Some("Pending")
            );
            let unbound = e
                .object
                .pointer("/spec/nodeName")
                .and_then(Value::as_str)
                .is_none_or(str::is_empty);
            if pending && unbound && inner.store.lock().behaviour.kubelet {
                start_pod(inner, &e.namespace, meta_str(&e.object, "name"));
            }
        }
    }
}

fn remove_pod(st: &mut State, ns: &str, name: &str, uid: &str) {
    if st
        .get("", "pods", ns, name)
        .is_some_and(|p| meta_str(&p, "uid") == uid)
    {
        st.remove("", "pods", ns, name);
    }
}

struct Planned {
    pod_ns: String,
    pod_name: String,
    name: String,
    argv: Vec<String>,
    env: ContainerEnv,
    log: Arc<ContainerLog>,
}

fn container_argv(c: &Value) -> Vec<String> {
    let strings = |k: &str| -> Vec<String> {
        c.get(k)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut argv = strings("command");
    argv.extend(strings("args"));
    argv
}

/// Binds the pod and spawns its runner.
fn start_pod(inner: &Arc<Inner>, ns: &str, name: &str) {
    let path = inner.kubelet.path();
    let planned = inner.store.write(|st| {
        let pod = st.get("", "pods", ns, name)?;
        if pod
            .pointer("/spec/nodeName")
            .and_then(Value::as_str)
            .is_some_and(|n| !n.is_empty())
        {
            return None;
        }
        let uid = meta_str(&pod, "uid").to_string();
        let workdir = inner.kubelet.base_dir.join(&uid);
        let _ = std::fs::create_dir_all(&workdir);
        let plan = |list: &str| -> Vec<Planned> {
            pod.pointer(&format!("/spec/{list}"))
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|c| {
                    let mut env = vec![
                        ("PATH".to_string(), path.clone()),
                        ("HOSTNAME".to_string(), name.to_string()),
                        ("HOME".to_string(), workdir.display().to_string()),
                    ];
                    env.extend(resolve_env(st, ns, &pod, c));
                    let cwd = c
                        .get("workingDir")
                        .and_then(Value::as_str)
                        .map(PathBuf::from)
                        .filter(|p| p.is_dir())
                        .unwrap_or_else(|| workdir.clone());
                    Planned {
                        pod_ns: ns.to_string(),
                        pod_name: name.to_string(),
                        name: c["name"].as_str().unwrap_or_default().to_string(),
                        argv: container_argv(c),
                        env: ContainerEnv { env, workdir: cwd },
                        log: ContainerLog::new(),
                    }
                })
                .collect()
        };
        let init = plan("initContainers");
        let main = plan("containers");
        let now = write::now();
        write::controller_update(st, "", "pods", ns, name, |p| {
            p["spec"]["nodeName"] = json!(NODE);
            p["status"] = json!({
                "phase": "Pending",
                "qosClass": p.pointer("/status/qosClass").cloned().unwrap_or(json!("BestEffort")),
                "hostIP": "127.0.0.1",
                "hostIPs": [{"ip": "127.0.0.1"}],
                "podIP": "127.0.0.1",
                "podIPs": [{"ip": "127.0.0.1"}],
                "startTime": now,
                "conditions": [
                    {"type": "PodScheduled", "status": "True", "lastProbeTime": null, "lastTransitionTime": now}
                ],
                "containerStatuses": main.iter().map(|c| waiting_status(c, p)).collect::<Vec<_>>(),
            });
        })?;
        pod_events::record(st, ns, name, None, false, "Scheduled", &format!("Successfully assigned {ns}/{name} to {NODE}"));
        Some((uid, init, main))
    });
    let Some((uid, init, main)) = planned else {
        return;
    };
    let (kill_tx, kill_rx) = watch::channel(false);
    {
        let mut pods = inner.kubelet.pods.lock().unwrap_or_else(|e| e.into_inner());
        pods.insert(
            uid.clone(),
            PodRuntime {
                logs: init
                    .iter()
                    .chain(main.iter())
                    .map(|c| (c.name.clone(), c.log.clone()))
                    .collect(),
                envs: init
                    .iter()
                    .chain(main.iter())
                    .map(|c| (c.name.clone(), c.env.clone()))
                    .collect(),
                running: HashMap::new(),
                kill: kill_tx,
            },
        );
    }
    let inner = inner.clone();
    let ns = ns.to_string();
    let name = name.to_string();
    tokio::spawn(async move {
        run_pod(&inner, &ns, &name, &uid, init, main, kill_rx).await;
        // Keep the logs readable while the pod object exists; a deleted pod goes away.
        let deleting = inner
            .store
            .lock()
            .get("", "pods", &ns, &name)
            .is_none_or(|p| {
                meta_str(&p, "uid") != uid || p.pointer("/metadata/deletionTimestamp").is_some()
            });
        if deleting {
            inner.store.write(|st| remove_pod(st, &ns, &name, &uid));
            inner
                .kubelet
                .pods
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&uid);
        }
    });
}

/// The Events a v1.36 kubelet records before it starts a container (the image is always local
/// here, as on a node with `imagePullPolicy: IfNotPresent`).
fn record_created(st: &mut State, c: &Planned) {
    let image = st
        .get("", "pods", &c.pod_ns, &c.pod_name)
        .map(|pod| {
            ["/spec/initContainers", "/spec/containers"]
                .iter()
                .filter_map(|at| pod.pointer(at).and_then(Value::as_array))
                .flatten()
                .find(|x| x["name"] == c.name.as_str())
                .and_then(|x| x["image"].as_str())
                .unwrap_or_default()
                .to_string()
        })
        .unwrap_or_default();
    pod_events::record(
        st,
        &c.pod_ns,
        &c.pod_name,
        Some(&c.name),
        false,
        "Pulled",
        &format!(
            "Container image {image:?} already present on machine and can be accessed by the pod"
        ),
    );
    pod_events::record(
        st,
        &c.pod_ns,
        &c.pod_name,
        Some(&c.name),
        false,
        "Created",
        "Container created",
    );
}

fn image_of(c: &Planned, pod: &Value) -> String {
    pod.pointer("/spec/containers")
        .and_then(Value::as_array)
        .and_then(|cs| cs.iter().find(|x| x["name"] == c.name.as_str()))
        .and_then(|x| x["image"].as_str())
        .unwrap_or_default()
        .to_string()
}

fn waiting_status(c: &Planned, pod: &Value) -> Value {
    json!({
        "name": c.name, "image": image_of(c, pod), "imageID": "", "ready": false, "restartCount": 0, "started": false,
        "state": {"waiting": {"reason": "ContainerCreating"}}
    })
}

fn set_running(inner: &Inner, uid: &str, container: &str, running: bool) {
    if let Some(p) = inner
        .kubelet
        .pods
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_mut(uid)
    {
        p.running.insert(container.to_string(), running);
    }
}

/// Runs one container to completion (or until killed); returns its exit code, the terminated
/// state's reason and, for a start error, its message (a real kubelet keeps that out of the log).
async fn run_container(
    inner: &Inner,
    uid: &str,
    c: &Planned,
    mut kill: watch::Receiver<bool>,
) -> (i32, String, Option<String>) {
    set_running(inner, uid, &c.name, true);
    let result = if c.argv.is_empty() {
        // No command: the image's own entrypoint, which we cannot run. Treat it as a server
        // that runs until the pod is deleted.
        let _ = kill.wait_for(|k| *k).await;
        (137, "Error".to_string(), None)
    } else {
        inner.store.write(|st| record_created(st, c));
        match spawn(c) {
            Err(e) => {
                inner.store.write(|st| {
                    pod_events::record(
                        st,
                        &c.pod_ns,
                        &c.pod_name,
                        Some(&c.name),
                        true,
                        "Failed",
                        &format!("Error: {e}"),
                    )
                });
                (128, "StartError".to_string(), Some(e.to_string()))
            }
            Ok(mut child) => {
                inner.store.write(|st| {
                    pod_events::record(
                        st,
                        &c.pod_ns,
                        &c.pod_name,
                        Some(&c.name),
                        false,
                        "Started",
                        "Container started",
                    )
                });
                let out = child.stdout.take().expect("piped stdout");
                let err = child.stderr.take().expect("piped stderr");
                let pump_out = pump(out, c.log.clone());
                let pump_err = pump(err, c.log.clone());
                let status = tokio::select! {
                    s = child.wait() => s.ok(),
                    _ = killed(&mut kill) => {
                        inner.store.write(|st| {
                            pod_events::record(st, &c.pod_ns, &c.pod_name, Some(&c.name), false, "Killing", &format!("Stopping container {}", c.name))
                        });
                        let _ = child.start_kill();
                        child.wait().await.ok()
                    }
                };
                let _ = tokio::join!(pump_out, pump_err);
                let code = status.map(exit_code).unwrap_or(137);
                let reason = if code == 0 { "Completed" } else { "Error" };
                (code, reason.to_string(), None)
            }
        }
    };
    set_running(inner, uid, &c.name, false);
    c.log.finish();
    result
}

async fn killed(kill: &mut watch::Receiver<bool>) {
    let _ = kill.wait_for(|k| *k).await;
}

pub fn exit_code(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .unwrap_or_else(|| 128 + status.signal().unwrap_or(9))
}

fn spawn(c: &Planned) -> std::io::Result<tokio::process::Child> {
    let mut cmd = tokio::process::Command::new(&c.argv[0]);
    cmd.args(&c.argv[1..])
        .env_clear()
        .envs(c.env.env.iter().map(|(k, v)| (k, v)))
        .current_dir(&c.env.workdir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    cmd.spawn().map_err(|e| {
        // runc's wording: a path is stat'ed, a bare name is looked up in $PATH.
        let why = match e.kind() {
            std::io::ErrorKind::NotFound if c.argv[0].contains('/') => {
                format!("stat {}: no such file or directory", c.argv[0])
            }
            std::io::ErrorKind::NotFound => "executable file not found in $PATH".to_string(),
            _ => e.to_string(),
        };
        std::io::Error::new(
            e.kind(),
            format!(
                "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: {:?}: {why}: unknown",
                c.argv[0]
            ),
        )
    })
}

fn pump(
    mut from: impl tokio::io::AsyncRead + Unpin + Send + 'static,
    log: Arc<ContainerLog>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            match from.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => log.append(&buf[..n]),
            }
        }
    })
}

fn update_container_status(
    inner: &Inner,
    ns: &str,
    name: &str,
    uid: &str,
    container: &str,
    state: Value,
    ready: bool,
) {
    inner.store.write(|st| {
        if st
            .get("", "pods", ns, name)
            .is_none_or(|p| meta_str(&p, "uid") != uid)
        {
            return;
        }
        write::controller_update(st, "", "pods", ns, name, |p| {
            if let Some(list) = p
                .pointer_mut("/status/containerStatuses")
                .and_then(Value::as_array_mut)
                && let Some(cs) = list.iter_mut().find(|cs| cs["name"] == container)
            {
                cs["state"] = state.clone();
                cs["ready"] = json!(ready);
                cs["started"] = json!(state.get("running").is_some());
                cs["containerID"] = json!(format!("testbed://{uid}-{container}"));
            }
            refresh_pod_conditions(p);
        });
    });
}

async fn run_pod(
    inner: &Arc<Inner>,
    ns: &str,
    name: &str,
    uid: &str,
    init: Vec<Planned>,
    main: Vec<Planned>,
    kill: watch::Receiver<bool>,
) {
    for c in &init {
        let (code, _, _) = run_container(inner, uid, c, kill.clone()).await;
        if code != 0 || *kill.borrow() {
            // A failed init container fails the pod (restartPolicy is not honoured).
            let now = write::now();
            inner.store.write(|st| {
                write::controller_update(st, "", "pods", ns, name, |p| {
                    p["status"]["phase"] = json!("Failed");
                    p["status"]["initContainerStatuses"] = json!([{"name": c.name, "ready": false, "restartCount": 0,
                        "state": {"terminated": {"exitCode": code, "reason": "Error", "finishedAt": now}}}]);
                })
            });
            return;
        }
    }
    let tasks = main.into_iter().map(|c| {
        let inner = inner.clone();
        let kill = kill.clone();
        let (ns, name, uid) = (ns.to_string(), name.to_string(), uid.to_string());
        async move {
            let started = write::now();
            // Exec must work as soon as the status says Running.
            set_running(&inner, &uid, &c.name, true);
            update_container_status(
                &inner,
                &ns,
                &name,
                &uid,
                &c.name,
                json!({"running": {"startedAt": started}}),
                true,
            );
            let (code, reason, message) = run_container(&inner, &uid, &c, kill).await;
            let mut terminated = json!({"exitCode": code, "reason": reason, "startedAt": started, "finishedAt": write::now(), "containerID": format!("testbed://{uid}-{}", c.name)});
            if let Some(message) = message {
                terminated["message"] = json!(message);
            }
            update_container_status(
                &inner,
                &ns,
                &name,
                &uid,
                &c.name,
                json!({ "terminated": terminated }),
                false,
            );
        }
    });
    futures::future::join_all(tasks).await;
}
