//! `pods/{name}/log`: the container's stdout+stderr as kept by the kubelet stand-in, with
//! `container`, `follow`, `tailLines`, `limitBytes`, `timestamps` and `previous`.

use std::sync::Arc;

use bytes::Bytes;
use http::{Response, header};
use http_body_util::{BodyExt, StreamBody};
use hyper::body::Frame;
use serde_json::Value;
use tokio::sync::mpsc;

use super::Inner;
use super::container_log::ContainerLog;
use super::http::{Body, Query};
use super::status::ApiError;
use super::store::meta_str;

/// The container a pod request means: `container=` or the only one, with the API's errors.
pub fn pick_container(pod: &Value, name: &str, wanted: Option<&str>) -> Result<String, ApiError> {
    let names: Vec<String> = ["initContainers", "containers"]
        .iter()
        .flat_map(|list| {
            pod.pointer(&format!("/spec/{list}"))
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|c| c["name"].as_str().map(String::from))
        .collect();
    let main: Vec<String> = pod
        .pointer("/spec/containers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| c["name"].as_str().map(String::from))
        .collect();
    match wanted.filter(|w| !w.is_empty()) {
        Some(w) if names.iter().any(|n| n == w) => Ok(w.to_string()),
        Some(w) => Err(ApiError::bad_request(format!(
            "container {w} is not valid for pod {name}"
        ))),
        None if main.len() == 1 => Ok(main[0].clone()),
        None => {
            let default = pod
                .pointer("/metadata/annotations/kubectl.kubernetes.io~1default-container")
                .and_then(Value::as_str);
            match default {
                Some(d) if main.iter().any(|n| n == d) => Ok(d.to_string()),
                _ => Err(ApiError::bad_request(format!(
                    "a container name must be specified for pod {name}, choose one of: [{}]",
                    main.join(" ")
                ))),
            }
        }
    }
}

fn render(chunks: &[(String, Vec<u8>)], timestamps: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut at_line_start = true;
    for (time, bytes) in chunks {
        if !timestamps {
            out.extend_from_slice(bytes);
            continue;
        }
        for &b in bytes {
            if at_line_start {
                out.extend_from_slice(time.as_bytes());
                out.push(b' ');
            }
            out.push(b);
            at_line_start = b == b'\n';
        }
    }
    out
}

fn tail(text: Vec<u8>, lines: Option<usize>) -> Vec<u8> {
    let Some(n) = lines else { return text };
    if n == 0 {
        return Vec::new();
    }
    let body = text.strip_suffix(b"\n").unwrap_or(&text);
    let mut count = 0;
    for (i, b) in body.iter().enumerate().rev() {
        if *b == b'\n' {
            count += 1;
            if count == n {
                return text[i + 1..].to_vec();
            }
        }
    }
    text
}

pub fn serve(
    inner: &Arc<Inner>,
    ns: &str,
    name: &str,
    query: &Query,
) -> Result<Response<Body>, ApiError> {
    let pod = inner
        .store
        .lock()
        .get("", "pods", ns, name)
        .ok_or_else(|| ApiError::not_found("", "pods", name))?;
    let container = pick_container(&pod, name, query.get("container"))?;
    if query.flag("previous") {
        return Err(ApiError::bad_request(format!(
            "previous terminated container \"{container}\" in pod \"{name}\" not found"
        )));
    }
    let uid = meta_str(&pod, "uid");
    let Some(log) = inner.kubelet.log(uid, &container) else {
        let phase = pod
            .pointer("/status/phase")
            .and_then(Value::as_str)
            .unwrap_or("Pending");
        if phase == "Pending" {
            return Err(ApiError::bad_request(format!(
                "container \"{container}\" in pod \"{name}\" is waiting to start: ContainerCreating"
            )));
        }
        // A seeded pod the kubelet never ran: it has no output.
        return Ok(text_response(Vec::new()));
    };
    let timestamps = query.flag("timestamps");
    let tail_lines = query.get("tailLines").and_then(|t| t.parse::<usize>().ok());
    let limit = query
        .get("limitBytes")
        .and_then(|t| t.parse::<usize>().ok());
    let existing = log.chunks_from(0);
    let mut first = tail(render(&existing, timestamps), tail_lines);
    if let Some(l) = limit {
        first.truncate(l);
    }
    if !query.flag("follow") {
        return Ok(text_response(first));
    }
    Ok(follow(log, existing.len(), first, timestamps, limit))
}

fn text_response(body: Vec<u8>) -> Response<Body> {
    Response::builder()
        .status(200)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(super::http::full(body))
        .expect("response")
}

fn follow(
    log: Arc<ContainerLog>,
    mut seen: usize,
    first: Vec<u8>,
    timestamps: bool,
    limit: Option<usize>,
) -> Response<Body> {
    let (tx, rx) = mpsc::channel::<Bytes>(64);
    tokio::spawn(async move {
        let mut sent = first.len();
        if !first.is_empty() && tx.send(Bytes::from(first)).await.is_err() {
            return;
        }
        let mut changes = log.subscribe();
        loop {
            let finished = log.is_finished();
            let chunks = log.chunks_from(seen);
            seen += chunks.len();
            let mut more = render(&chunks, timestamps);
            if let Some(l) = limit {
                more.truncate(l.saturating_sub(sent));
                if more.is_empty() && sent >= l {
                    return;
                }
            }
            sent += more.len();
            if !more.is_empty() && tx.send(Bytes::from(more)).await.is_err() {
                return;
            }
            if finished {
                return;
            }
            if changes.changed().await.is_err() {
                return;
            }
        }
    });
    let stream = futures::stream::unfold(rx, |mut rx| async move {
        rx.recv()
            .await
            .map(|b| (Ok::<_, std::convert::Infallible>(Frame::data(b)), rx))
    });
    Response::builder()
        .status(200)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(StreamBody::new(stream).boxed())
        .expect("response")
}
