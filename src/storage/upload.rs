//! The upload driver shared by S3 multipart uploads, Azure block blobs and GCS parallel
//! composite uploads: cut the stream into
//! parts, upload up to `concurrency` of them at once (each with retries), then commit the list.
//! On any failure or cancellation the upload is aborted, so no object appears under the key.
//! Memory is bounded by `part_size × (concurrency + 1)`.

use std::sync::Arc;

use async_trait::async_trait;
use bytes::{Bytes, BytesMut};
use tokio::io::{AsyncRead, AsyncReadExt};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::PutResult;
use super::config::{MAX_PARTS, MIB, TransferOptions};
use super::error::{Result, StorageError};
use super::retry::retry;
use super::retry::{Interrupt, retry_with};

/// Transfer settings and the cancellation token of one call.
#[derive(Clone, Debug)]
pub(crate) struct Upload {
    pub options: Arc<TransferOptions>,
    pub cancel: CancellationToken,
}

/// A started multipart upload (S3) or a set of uncommitted blocks (Azure).
#[async_trait]
pub(crate) trait PartSink: Send + Sync + 'static {
    /// Upload part `number` (from 1); returns what `complete` needs (ETag or block ID).
    async fn upload_part(&self, number: u32, body: Bytes) -> Result<String>;
    /// Commit the parts, in order.
    async fn complete(&self, parts: Vec<String>, size: u64) -> Result<PutResult>;
    /// Throw the uploaded parts away.
    async fn abort(&self) -> Result<()>;
}

/// Read until `limit` bytes or end of input. A shorter result means the input ended.
/// `capacity` is the initial buffer size; the buffer grows up to `limit` if the input is longer.
pub(crate) async fn read_chunk(
    reader: &mut (dyn AsyncRead + Send + Unpin),
    limit: usize,
    capacity: usize,
) -> std::io::Result<Bytes> {
    let mut buf = BytesMut::with_capacity(capacity.min(limit));
    while buf.len() < limit {
        if buf.len() == buf.capacity() {
            buf.reserve((buf.capacity().max(64 * 1024)).min(limit - buf.len()));
        }
        // `take` keeps read_buf from growing the buffer past `limit`.
        let wanted = (limit - buf.len()) as u64;
        if (&mut *reader).take(wanted).read_buf(&mut buf).await? == 0 {
            break;
        }
    }
    Ok(buf.freeze())
}

/// The start of an upload: small objects go up in one request, larger ones in parts.
pub(crate) enum FirstChunk {
    /// The whole object.
    Whole(Bytes),
    /// The first part of a larger object.
    FirstPart(Bytes),
}

/// Read enough of `reader` to choose between a single PUT and a multipart upload.
/// Small inputs allocate only what they need (a `size_hint` sizes the buffer).
pub(crate) async fn read_first(
    reader: &mut (dyn AsyncRead + Send + Unpin),
    size_hint: Option<u64>,
    options: &TransferOptions,
    target: &Target<'_>,
) -> Result<FirstChunk> {
    let first_len = options.multipart_threshold.max(options.part_size);
    let capacity = match size_hint {
        Some(size) => (size.saturating_add(1)).min(first_len as u64) as usize,
        None => first_len.min(256 * 1024),
    };
    let first = read_chunk(reader, first_len, capacity)
        .await
        .map_err(|source| StorageError::Io {
            location: target.location.to_string(),
            operation: "read the source of",
            key: target.key.to_string(),
            source,
        })?;
    if first.len() < first_len && first.len() <= options.multipart_threshold {
        Ok(FirstChunk::Whole(first))
    } else {
        Ok(FirstChunk::FirstPart(first))
    }
}

/// The part size for this object: the configured one, raised so that `size_hint` fits in 10,000
/// parts (rounded up to a MiB).
pub(crate) fn base_part_size(options: &TransferOptions, size_hint: Option<u64>) -> usize {
    let needed = size_hint.map_or(0, |size| {
        size.div_ceil(MAX_PARTS).div_ceil(MIB as u64) * MIB as u64
    });
    options.part_size.max(needed as usize)
}

/// Part `number`'s size: parts double every 1,000 so a stream of unknown length still fits in
/// 10,000 parts (up to ~8 TiB with 8 MiB parts).
fn part_size(base: usize, number: u32) -> usize {
    base.saturating_mul(1 << ((number.saturating_sub(1)) / 1000).min(9))
}

/// Context for messages.
pub(crate) struct Target<'a> {
    pub location: &'a str,
    pub key: &'a str,
}

/// Upload `first` (already read, full-size) and the rest of `reader` as parts into `sink`,
/// then complete. Aborts the sink on error or cancellation.
pub(crate) async fn upload_parts(
    sink: Arc<dyn PartSink>,
    first: Bytes,
    reader: &mut (dyn AsyncRead + Send + Unpin),
    size_hint: Option<u64>,
    upload: &Upload,
    target: Target<'_>,
) -> Result<PutResult> {
    // If this future is dropped mid-way (a caller's `select!` on Ctrl-C, an aborted task), the
    // guard still aborts the upload in the background.
    let mut guard = AbortOnDrop(Some(sink.clone()));
    let mut in_flight = InFlightParts::default();
    let outcome = drive(
        sink.clone(),
        first,
        reader,
        size_hint,
        upload,
        &target,
        &mut in_flight,
    )
    .await;
    let result = match outcome {
        Ok((parts, size)) => {
            // Completing is not cancellable half-way: it is one request, and aborting after a
            // successful complete would be wrong. Still abort if completing fails.
            match sink.complete(parts, size).await {
                Ok(result) => Ok(result),
                Err(error) => {
                    let _ = sink.abort().await;
                    Err(error)
                }
            }
        }
        Err(error) => {
            in_flight.settle().await;
            let cleanup = match abort_with_retries(&*sink, upload).await {
                Ok(()) => "; the partial upload was aborted, no object was created".to_string(),
                Err(abort_error) => {
                    format!("; aborting the partial upload also failed: {abort_error}")
                }
            };
            Err(match error {
                StorageError::Cancelled {
                    location,
                    operation,
                    key,
                    ..
                } => StorageError::Cancelled {
                    location,
                    operation,
                    key,
                    cleanup,
                },
                other => other,
            })
        }
    };
    guard.0 = None;
    result
}

/// Part uploads still running, and the token that stops their retries.
#[derive(Default)]
struct InFlightParts {
    tasks: JoinSet<(u32, Result<String>)>,
    stop: CancellationToken,
}

impl InFlightParts {
    /// The longest we wait for part requests already sent before aborting anyway.
    const SETTLE_LIMIT: std::time::Duration = std::time::Duration::from_secs(30);

    /// Stop retrying and wait for the requests already on the wire, so the abort that follows
    /// frees every part: a part the server finishes writing after the abort would be orphaned.
    async fn settle(&mut self) {
        self.stop.cancel();
        let drained = tokio::time::timeout(Self::SETTLE_LIMIT, async {
            while self.tasks.join_next().await.is_some() {}
        })
        .await;
        if drained.is_err() {
            self.tasks.abort_all();
        }
    }
}

struct AbortOnDrop(Option<Arc<dyn PartSink>>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(sink) = self.0.take()
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            runtime.spawn(async move {
                let _ = sink.abort().await;
            });
        }
    }
}

async fn abort_with_retries(sink: &dyn PartSink, upload: &Upload) -> Result<()> {
    // A fresh token: the caller's may be the one that was cancelled.
    let never = CancellationToken::new();
    retry(&upload.options.retry, &never, unreachable_cancel, || {
        sink.abort()
    })
    .await
}

fn unreachable_cancel() -> StorageError {
    StorageError::Config("internal: abort cancelled".into())
}

#[derive(Clone)]
struct CancelInfo {
    location: String,
    key: String,
}

impl CancelInfo {
    fn error(&self) -> StorageError {
        StorageError::Cancelled {
            location: self.location.clone(),
            operation: "PUT",
            key: self.key.clone(),
            cleanup: String::new(),
        }
    }
}

async fn drive(
    sink: Arc<dyn PartSink>,
    first: Bytes,
    reader: &mut (dyn AsyncRead + Send + Unpin),
    size_hint: Option<u64>,
    upload: &Upload,
    target: &Target<'_>,
    in_flight: &mut InFlightParts,
) -> Result<(Vec<String>, u64)> {
    let base = base_part_size(&upload.options, size_hint);
    let concurrency = upload.options.concurrency.max(1);
    let cancel_info = CancelInfo {
        location: target.location.to_string(),
        key: target.key.to_string(),
    };
    let cancelled = || cancel_info.error();
    let tasks = &mut in_flight.tasks;
    let mut etags: Vec<Option<String>> = Vec::new();
    let mut pending = Some(first);
    let mut number: u32 = 0;
    let mut total: u64 = 0;
    let mut eof = false;

    loop {
        if !eof && tasks.len() < concurrency {
            let body = match pending.take() {
                Some(body) => body,
                None => {
                    let wanted = part_size(base, number + 1);
                    let read = tokio::select! {
                        biased;
                        () = upload.cancel.cancelled() => return Err(cancelled()),
                        read = read_chunk(reader, wanted, wanted) => read,
                    };
                    let body = read.map_err(|source| StorageError::Io {
                        location: target.location.to_string(),
                        operation: "read the source of",
                        key: target.key.to_string(),
                        source,
                    })?;
                    if body.len() < wanted {
                        eof = true;
                    }
                    body
                }
            };
            // An empty read after a full part ends the stream; part 1 is never empty here.
            if body.is_empty() {
                eof = true;
                continue;
            }
            number += 1;
            if u64::from(number) > MAX_PARTS {
                return Err(StorageError::Config(format!(
                    "{:?} needs more than {MAX_PARTS} parts; raise the part size",
                    target.key
                )));
            }
            total += body.len() as u64;
            etags.push(None);
            let sink = sink.clone();
            let policy = upload.options.retry.clone();
            let stop = in_flight.stop.clone();
            let info = cancel_info.clone();
            tasks.spawn(async move {
                let result = retry_with(
                    &policy,
                    &stop,
                    || info.error(),
                    || sink.upload_part(number, body.clone()),
                    Interrupt::BetweenAttempts,
                )
                .await;
                (number, result)
            });
            continue;
        }
        if tasks.is_empty() {
            break;
        }
        let joined = tokio::select! {
            biased;
            () = upload.cancel.cancelled() => return Err(cancelled()),
            joined = tasks.join_next() => joined,
        };
        match joined {
            Some(Ok((n, Ok(etag)))) => etags[(n - 1) as usize] = Some(etag),
            Some(Ok((_, Err(error)))) => return Err(error),
            Some(Err(join_error)) => {
                return Err(StorageError::Config(format!(
                    "internal: part upload task failed: {join_error}"
                )));
            }
            None => break,
        }
    }
    Ok((
        etags.into_iter().map(|e| e.unwrap_or_default()).collect(),
        total,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_size_fits_the_size_hint_in_10000_parts() {
        let options = TransferOptions::default();
        assert_eq!(base_part_size(&options, None), 8 * MIB);
        assert_eq!(base_part_size(&options, Some(1 << 30)), 8 * MIB);
        let huge = 200u64 << 30; // 200 GiB needs ≥ 20.48 MiB parts
        let size = base_part_size(&options, Some(huge));
        assert_eq!(size, 21 * MIB);
        assert!(huge.div_ceil(size as u64) <= MAX_PARTS);
    }

    #[test]
    fn unknown_sizes_grow_parts_every_thousand() {
        assert_eq!(part_size(MIB, 1), MIB);
        assert_eq!(part_size(MIB, 1000), MIB);
        assert_eq!(part_size(MIB, 1001), 2 * MIB);
        assert_eq!(part_size(MIB, 2001), 4 * MIB);
    }

    #[tokio::test]
    async fn read_chunk_stops_at_the_limit_and_at_eof() {
        let data = vec![7u8; 10_000];
        let mut reader: &[u8] = &data;
        let first = read_chunk(&mut reader, 4096, 10).await.unwrap();
        assert_eq!(first.len(), 4096);
        let second = read_chunk(&mut reader, 8192, 8192).await.unwrap();
        assert_eq!(second.len(), 10_000 - 4096);
        assert!(read_chunk(&mut reader, 10, 0).await.unwrap().is_empty());
    }
}
