//! `?watch=true`: a chunked stream of `{"type": ..., "object": ...}` lines read from the event
//! history, with label/field selector transitions, bookmarks, `sendInitialEvents`, timeouts,
//! and the 410 Expired error event for a resourceVersion older than the history.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::{Response, header};
use http_body_util::{BodyExt, StreamBody};
use hyper::body::Frame;
use serde_json::{Value, json};
use tokio::sync::mpsc;

use super::Inner;
use super::handlers::{partial, present, selectors};
use super::http::{Body, Query, ResourcePath};
use super::resources::ResourceType;
use super::selector::{FieldSelector, LabelSelector};
use super::status::ApiError;
use super::store::{Event, EventType, too_old};

struct Filter {
    metadata_only: bool,
    rt: ResourceType,
    version: String,
    namespace: Option<String>,
    labels: LabelSelector,
    fields: FieldSelector,
}

impl Filter {
    fn selects(&self, obj: &Value) -> bool {
        self.labels.matches(obj) && self.fields.matches(obj)
    }

    /// What the watcher sees for an event (if anything), with selector transitions:
    /// an object moving into the selection is ADDED, moving out is DELETED.
    fn translate(&self, e: &Event) -> Option<(&'static str, Value)> {
        if e.group != self.rt.group || e.resource != self.rt.plural {
            return None;
        }
        if let Some(ns) = &self.namespace
            && &e.namespace != ns
        {
            return None;
        }
        let now = self.selects(&e.object);
        let before = e.old.as_ref().is_some_and(|o| self.selects(o));
        let kind = match e.kind {
            EventType::Added if now => "ADDED",
            EventType::Modified if now && before => "MODIFIED",
            EventType::Modified if now => "ADDED",
            EventType::Modified if before => "DELETED",
            EventType::Deleted if now || before => "DELETED",
            _ => return None,
        };
        Some((kind, self.render(&e.object)))
    }

    fn render(&self, obj: &Value) -> Value {
        if self.metadata_only {
            partial(obj, true)
        } else {
            present(&self.rt, &self.version, obj)
        }
    }
}

fn line(kind: &str, object: Value) -> Bytes {
    let mut text = serde_json::to_vec(&json!({"type": kind, "object": object})).expect("json");
    text.push(b'\n');
    Bytes::from(text)
}

fn bookmark(rt: &ResourceType, version: &str, rv: u64, initial_end: bool) -> Bytes {
    let mut meta = json!({"resourceVersion": rv.to_string()});
    if initial_end {
        meta["annotations"] = json!({"k8s.io/initial-events-end": "true"});
    }
    line(
        "BOOKMARK",
        json!({"kind": rt.kind, "apiVersion": rt.api_version(version), "metadata": meta}),
    )
}

pub fn start(
    inner: &Arc<Inner>,
    rt: &ResourceType,
    p: &ResourcePath,
    query: &Query,
    metadata_only: bool,
) -> Result<Response<Body>, ApiError> {
    let (labels, fields) = selectors(rt, query)?;
    let filter = Filter {
        metadata_only,
        rt: rt.clone(),
        version: p.version.clone(),
        namespace: p.namespace.clone(),
        labels,
        fields,
    };
    let timeout = query
        .get("timeoutSeconds")
        .and_then(|t| t.parse::<u64>().ok())
        .map(Duration::from_secs);
    let bookmarks = query.flag("allowWatchBookmarks");
    let send_initial = query.flag("sendInitialEvents");
    let requested_rv = query.get("resourceVersion").unwrap_or_default().to_string();
    let from_now = requested_rv.is_empty() || requested_rv == "0" || send_initial;

    let (tx, rx) = mpsc::channel::<Bytes>(256);
    let mut changed = inner.store.subscribe();
    let (mut cursor, initial, error) = {
        let st = inner.store.lock();
        if from_now {
            let items: Vec<Bytes> = st
                .range(&rt.group, &rt.plural, p.namespace.as_deref(), None)
                .filter(|(_, o)| filter.selects(o))
                .map(|(_, o)| line("ADDED", filter.render(o)))
                .collect();
            (st.rv, items, None)
        } else {
            match requested_rv.parse::<u64>() {
                Ok(rv) if rv < st.compacted_rv => (rv, Vec::new(), Some(too_old(rv))),
                Ok(rv) => (rv, Vec::new(), None),
                Err(_) => {
                    return Err(ApiError::bad_request(format!(
                        "invalid resource version {requested_rv:?}"
                    )));
                }
            }
        }
    };
    let inner = inner.clone();
    let version = p.version.clone();
    tokio::spawn(async move {
        let deadline = timeout.map(|t| tokio::time::Instant::now() + t);
        for item in initial {
            if tx.send(item).await.is_err() {
                return;
            }
        }
        if send_initial {
            let _ = tx.send(bookmark(&filter.rt, &version, cursor, true)).await;
        }
        if let Some(e) = error {
            let _ = tx.send(line("ERROR", e.to_status())).await;
            return;
        }
        loop {
            let events = inner.store.lock().events_since(cursor);
            match events {
                Err(e) => {
                    let _ = tx.send(line("ERROR", e.to_status())).await;
                    return;
                }
                Ok(events) => {
                    for e in events {
                        cursor = e.rv;
                        if let Some((kind, obj)) = filter.translate(&e)
                            && tx.send(line(kind, obj)).await.is_err()
                        {
                            return;
                        }
                    }
                }
            }
            let wait = changed.changed();
            let finished = match deadline {
                Some(d) => tokio::time::timeout_at(d, wait).await.is_err(),
                None => wait.await.is_err(),
            };
            if finished {
                if bookmarks {
                    let _ = tx.send(bookmark(&filter.rt, &version, cursor, false)).await;
                }
                return;
            }
            if tx.is_closed() {
                return;
            }
        }
    });
    let stream = futures::stream::unfold(rx, |mut rx| async move {
        rx.recv()
            .await
            .map(|b| (Ok::<_, std::convert::Infallible>(Frame::data(b)), rx))
    });
    Ok(Response::builder()
        .status(200)
        .header(header::CONTENT_TYPE, "application/json")
        .body(StreamBody::new(stream).boxed())
        .expect("response"))
}
