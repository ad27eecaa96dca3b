//! Streaming downloads. A remote body that breaks mid-way (reset connection, truncated response)
//! is resumed with a ranged GET pinned to the same ETag, so a long pull survives a flaky network
//! and never mixes two versions of an object.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures::{Stream, StreamExt};
use tokio::io::{AsyncRead, ReadBuf};
use tokio_util::io::StreamReader;

use super::backend::{Backend, Body, ByteStream, ObjectMeta};
use super::config::RetryPolicy;
use super::error::{Result, StorageError};

/// An object being read. Implements `AsyncRead`; `meta()` has its size and ETag.
pub struct ObjectReader {
    meta: ObjectMeta,
    inner: Pin<Box<dyn AsyncRead + Send>>,
}

impl ObjectReader {
    pub fn meta(&self) -> &ObjectMeta {
        &self.meta
    }
}

impl std::fmt::Debug for ObjectReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ObjectReader")
            .field("meta", &self.meta)
            .finish_non_exhaustive()
    }
}

impl AsyncRead for ObjectReader {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        self.inner.as_mut().poll_read(cx, buf)
    }
}

pub(crate) async fn open(
    backend: Arc<dyn Backend>,
    key: String,
    policy: RetryPolicy,
) -> Result<ObjectReader> {
    let (meta, body) = backend.get(&key, 0, None).await?;
    let inner: Pin<Box<dyn AsyncRead + Send>> = match body {
        Body::Local(reader) => reader,
        Body::Remote(stream) => {
            let resume = Resume {
                backend,
                key: key.clone(),
                etag: meta.etag.clone(),
                size: meta.size,
                offset: 0,
                failures: 0,
                policy,
                stream,
                done: false,
            };
            Box::pin(StreamReader::new(resuming(resume)))
        }
    };
    Ok(ObjectReader { meta, inner })
}

struct Resume {
    backend: Arc<dyn Backend>,
    key: String,
    etag: Option<String>,
    size: u64,
    offset: u64,
    failures: u32,
    policy: RetryPolicy,
    stream: ByteStream,
    done: bool,
}

fn resuming(state: Resume) -> impl Stream<Item = io::Result<Bytes>> + Send {
    futures::stream::unfold(state, |mut s| async move {
        if s.done {
            return None;
        }
        loop {
            let failure = match s.stream.next().await {
                Some(Ok(chunk)) => {
                    s.offset += chunk.len() as u64;
                    s.failures = 0;
                    return Some((Ok(chunk), s));
                }
                None if s.offset >= s.size => return None,
                None => format!("the body ended after {} of {} bytes", s.offset, s.size),
                Some(Err(e)) => e.to_string(),
            };
            s.failures += 1;
            if s.failures >= s.policy.max_attempts {
                s.done = true;
                let message = format!(
                    "reading {:?} failed: {failure} (gave up after {} attempts)",
                    s.key, s.failures
                );
                return Some((Err(io::Error::other(message)), s));
            }
            let delay = s
                .policy
                .base_delay
                .saturating_mul(1 << s.failures.min(8))
                .min(s.policy.max_delay);
            tokio::time::sleep(delay).await;
            let if_match = s.etag.as_ref().map(|etag| format!("\"{etag}\""));
            match s.backend.get(&s.key, s.offset, if_match.as_deref()).await {
                Ok((_, Body::Remote(stream))) => s.stream = stream,
                Ok((_, Body::Local(_))) => unreachable!("a remote backend resumed as local"),
                Err(error) if error.is_retryable() => {}
                Err(error) => {
                    s.done = true;
                    let message = match &error {
                        StorageError::Service { status: 412, .. } => {
                            format!("{:?} changed while it was being read; read it again", s.key)
                        }
                        _ => format!("resuming {:?} failed: {error}", s.key),
                    };
                    return Some((Err(io::Error::other(message)), s));
                }
            }
        }
    })
}
