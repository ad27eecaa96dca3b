//! `pods/{name}/exec` over WebSocket, subprotocols `v5.channel.k8s.io` and `v4.channel.k8s.io`:
//! channel 0 stdin, 1 stdout, 2 stderr, 3 the final `Status`, 4 resize (ignored); v5 adds
//! the close signal (`[255, 0]` closes stdin). The command runs on the host with the
//! container's env.

use std::process::Stdio;
use std::sync::Arc;

use futures::{SinkExt, StreamExt};
use http::{Response, StatusCode, header};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, Role};

use super::Inner;
use super::http::{Body, Call, full};
use super::kubelet::{ContainerEnv, exit_code};
use super::logs::pick_container;
use super::status::ApiError;
use super::store::meta_str;

pub const V4: &str = "v4.channel.k8s.io";
pub const V5: &str = "v5.channel.k8s.io";

const STDIN: u8 = 0;
const STDOUT: u8 = 1;
const STDERR: u8 = 2;
const ERROR: u8 = 3;
const CLOSE: u8 = 255;

/// The protocol to speak: the client's first choice that the server allows.
fn choose_protocol(offered: &str, allowed: &[String]) -> Option<String> {
    offered
        .split(',')
        .map(str::trim)
        .find(|p| allowed.iter().any(|a| a == p))
        .map(String::from)
}

pub fn serve(
    inner: &Arc<Inner>,
    ns: &str,
    name: &str,
    mut call: Call,
) -> Result<Response<Body>, ApiError> {
    let pod = inner
        .store
        .lock()
        .get("", "pods", ns, name)
        .ok_or_else(|| ApiError::not_found("", "pods", name))?;
    let phase = pod
        .pointer("/status/phase")
        .and_then(Value::as_str)
        .unwrap_or("Pending");
    if matches!(phase, "Succeeded" | "Failed") {
        return Err(ApiError::bad_request(format!(
            "cannot exec into a container in a completed pod; current phase is {phase}"
        )));
    }
    let container = pick_container(&pod, name, call.query.get("container"))?;
    let command = call.query.all("command");
    if command.is_empty() {
        return Err(ApiError::bad_request("you must specify at least 1 command"));
    }
    let Some(env) = inner
        .kubelet
        .container_env(meta_str(&pod, "uid"), &container)
    else {
        return Err(ApiError::bad_request(format!(
            "unable to upgrade connection: container not found (\"{container}\")"
        )));
    };
    let websocket = call
        .header("upgrade")
        .is_some_and(|u| u.eq_ignore_ascii_case("websocket"));
    let upgrade = call.upgrade.take();
    let (Some(key), true, Some(upgrade)) = (call.header("sec-websocket-key"), websocket, upgrade)
    else {
        return Err(ApiError::bad_request("Upgrade request required"));
    };
    let offered = call.header("sec-websocket-protocol").unwrap_or_default();
    let allowed = inner
        .exec_protocols
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let Some(protocol) = choose_protocol(offered, &allowed) else {
        return Err(ApiError::bad_request(format!(
            "unable to upgrade: no supported subprotocol among {offered:?} (server speaks {})",
            allowed.join(", ")
        )));
    };
    let accept = derive_accept_key(key.as_bytes());
    let stdin = call.query.flag("stdin");
    let stdout = call
        .query
        .get("stdout")
        .is_none_or(|v| v == "true" || v == "1");
    let stderr = call.query.flag("stderr");
    let v5 = protocol == V5;
    tokio::spawn(async move {
        let Ok(upgraded) = upgrade.await else { return };
        let ws = WebSocketStream::from_raw_socket(
            hyper_util::rt::TokioIo::new(upgraded),
            Role::Server,
            None,
        )
        .await;
        run_session(ws, command, env, stdin, stdout, stderr, v5).await;
    });
    Ok(Response::builder()
        .status(StatusCode::SWITCHING_PROTOCOLS)
        .header(header::UPGRADE, "websocket")
        .header(header::CONNECTION, "Upgrade")
        .header(header::SEC_WEBSOCKET_ACCEPT, accept)
        .header(header::SEC_WEBSOCKET_PROTOCOL, protocol)
        .body(full(""))
        .expect("response"))
}

/// Close code 1000: clients (client-go) treat a close without a code (1005) as an error.
fn normal_close() -> Message {
    Message::Close(Some(CloseFrame {
        code: CloseCode::Normal,
        reason: "".into(),
    }))
}

fn frame(channel: u8, data: &[u8]) -> Message {
    let mut v = Vec::with_capacity(data.len() + 1);
    v.push(channel);
    v.extend_from_slice(data);
    Message::binary(v)
}

/// The status a v1.36 kubelet sends on channel 3 (checked against a real node): the command
/// itself is never repeated in it; a start failure is an InternalError naming the exec id.
fn status_for(command: &[String], code: Option<i32>, start_error: Option<String>) -> Value {
    match (code, start_error) {
        (_, Some(e)) => {
            let exec_id: String = (0..64)
                .map(|_| format!("{:x}", rand::random_range(0..16u8)))
                .collect();
            let cause = format!(
                "Internal error occurred: error executing command in container: failed to exec in container: failed to start exec {exec_id:?}: OCI runtime exec failed: exec failed: unable to start container process: exec: {:?}: {e}: unknown",
                command[0]
            );
            json!({
                "metadata": {}, "status": "Failure",
                "message": format!("Internal error occurred: {cause}"),
                "reason": "InternalError", "code": 500,
                "details": {"causes": [{"message": cause}]}
            })
        }
        (Some(0), None) => json!({"metadata": {}, "status": "Success"}),
        (code, None) => {
            let code = code.unwrap_or(137);
            json!({
                "metadata": {}, "status": "Failure",
                "message": format!("command terminated with non-zero exit code: command terminated with exit code {code}"),
                "reason": "NonZeroExitCode",
                "details": {"causes": [{"reason": "ExitCode", "message": code.to_string()}]}
            })
        }
    }
}

async fn run_session<S>(
    ws: WebSocketStream<S>,
    command: Vec<String>,
    env: ContainerEnv,
    stdin: bool,
    stdout: bool,
    stderr: bool,
    v5: bool,
) where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (mut sink, mut source) = ws.split();
    let mut cmd = tokio::process::Command::new(&command[0]);
    cmd.args(&command[1..])
        .env_clear()
        .envs(env.env.iter().map(|(k, v)| (k, v)))
        .current_dir(&env.workdir)
        .stdin(if stdin { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            // runc's wording: a path is stat'ed, a bare name is looked up in $PATH.
            let why = match e.kind() {
                std::io::ErrorKind::NotFound if command[0].contains('/') => {
                    format!("stat {}: no such file or directory", command[0])
                }
                std::io::ErrorKind::NotFound => "executable file not found in $PATH".to_string(),
                _ => e.to_string(),
            };
            let status = status_for(&command, None, Some(why));
            let _ = sink.send(frame(ERROR, status.to_string().as_bytes())).await;
            let _ = sink.send(normal_close()).await;
            return;
        }
    };
    // Everything the process writes goes through one queue so frames never interleave.
    let (out_tx, mut out_rx) = mpsc::channel::<Message>(64);
    let mut readers = Vec::new();
    for (pipe, channel, wanted) in [
        (
            child
                .stdout
                .take()
                .map(|p| Box::new(p) as Box<dyn tokio::io::AsyncRead + Unpin + Send>),
            STDOUT,
            stdout,
        ),
        (
            child
                .stderr
                .take()
                .map(|p| Box::new(p) as Box<dyn tokio::io::AsyncRead + Unpin + Send>),
            STDERR,
            stderr,
        ),
    ] {
        let Some(mut pipe) = pipe else { continue };
        let tx = out_tx.clone();
        readers.push(tokio::spawn(async move {
            let mut buf = vec![0u8; 16 * 1024];
            loop {
                match pipe.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) if wanted => {
                        if tx.send(frame(channel, &buf[..n])).await.is_err() {
                            return;
                        }
                    }
                    Ok(_) => {}
                }
            }
        }));
    }
    drop(out_tx);
    let mut child_stdin = child.stdin.take();
    let writer = tokio::spawn(async move {
        while let Some(m) = out_rx.recv().await {
            if sink.send(m).await.is_err() {
                break;
            }
        }
        sink
    });
    let status = loop {
        tokio::select! {
            status = child.wait() => break status.ok(),
            msg = source.next() => match msg {
                Some(Ok(Message::Binary(data))) if !data.is_empty() => match data[0] {
                    STDIN => {
                        if let Some(w) = child_stdin.as_mut()
                            && w.write_all(&data[1..]).await.is_err()
                        {
                            child_stdin = None;
                        }
                    }
                    CLOSE if v5 && data.get(1) == Some(&STDIN) => child_stdin = None,
                    _ => {}
                },
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => {
                    // The client went away: stop the command like the kubelet does.
                    let _ = child.start_kill();
                    break child.wait().await.ok();
                }
                Some(Ok(_)) => {}
            },
        }
    };
    drop(child_stdin);
    for r in readers {
        let _ = r.await;
    }
    let Ok(mut sink) = writer.await else { return };
    let status = status_for(&command, status.map(exit_code), None);
    let _ = sink.send(frame(ERROR, status.to_string().as_bytes())).await;
    let _ = sink.send(normal_close()).await;
}
