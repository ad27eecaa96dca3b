//! Connects the async collectors to the synchronous tar+gzip writer and the async upload:
//! items arrive on a bounded channel, a blocking thread archives them, and the compressed bytes
//! leave in 256 KiB chunks on another bounded channel that the upload reads as an `AsyncRead`.
//! Memory is bounded by the two channels, whatever the backup's size. Aborting makes the upload
//! see an I/O error rather than a clean end, so a half-written tarball is never committed.

use std::fs::File;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use bytes::Bytes;
use futures::Stream;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::io::StreamReader;

use super::writer::{ArchivedItem, ResourceList, TarballWriter};

const CHUNK: usize = 256 << 10;
const ITEM_QUEUE: usize = 512;
const CHUNK_QUEUE: usize = 8;

/// The upload's view of the tarball.
pub type TarballReader = StreamReader<ChunkStream, Bytes>;

/// What the writer produced, once the last item was archived.
#[derive(Debug)]
pub struct Finished {
    pub sha256: String,
    pub size: u64,
    pub items: u64,
    pub raw_bytes: u64,
    pub resource_list: ResourceList,
    /// The integrity record (gzip), rewound, ready to upload.
    pub integrity: File,
}

pub struct TarballPipe {
    abort: Arc<AtomicBool>,
    writer: JoinHandle<io::Result<Finished>>,
}

/// Starts the writer thread. Send items on the returned sender and upload the reader; drop
/// every sender, then call [`TarballPipe::finish`].
pub fn start() -> io::Result<(mpsc::Sender<ArchivedItem>, TarballReader, TarballPipe)> {
    let (item_tx, mut item_rx) = mpsc::channel::<ArchivedItem>(ITEM_QUEUE);
    let (chunk_tx, chunk_rx) = mpsc::channel::<io::Result<Bytes>>(CHUNK_QUEUE);
    let integrity = tempfile::tempfile()?;
    let abort = Arc::new(AtomicBool::new(false));
    let thread_abort = abort.clone();
    let writer = tokio::task::spawn_blocking(move || -> io::Result<Finished> {
        let sink = ChunkWriter {
            tx: chunk_tx.clone(),
            buffer: Vec::with_capacity(CHUNK),
        };
        let outcome = (|| {
            let mut tarball = TarballWriter::new(sink, integrity)?;
            while let Some(item) = item_rx.blocking_recv() {
                tarball.add(&item)?;
            }
            if thread_abort.load(Ordering::SeqCst) {
                return Err(io::Error::other("the backup was aborted"));
            }
            tarball.finish()
        })();
        match outcome {
            Ok(written) => {
                let mut integrity = written.integrity;
                io::Seek::rewind(&mut integrity)?;
                drop(written.out);
                Ok(Finished {
                    sha256: written.sha256,
                    size: written.size,
                    items: written.items,
                    raw_bytes: written.raw_bytes,
                    resource_list: written.resource_list,
                    integrity,
                })
            }
            Err(e) => {
                // Make the upload fail instead of committing a partial object.
                let _ = chunk_tx
                    .blocking_send(Err(io::Error::other(format!("tarball not completed: {e}"))));
                Err(e)
            }
        }
    });
    let reader = StreamReader::new(ChunkStream { rx: chunk_rx });
    Ok((item_tx, reader, TarballPipe { abort, writer }))
}

impl TarballPipe {
    /// Marks the tarball as incomplete: when the item channel closes, the writer fails and the
    /// upload reading from it fails too.
    pub fn abort(&self) {
        self.abort.store(true, Ordering::SeqCst);
    }

    pub async fn finish(self) -> io::Result<Finished> {
        self.writer
            .await
            .map_err(|e| io::Error::other(format!("the tarball writer crashed: {e}")))?
    }
}

/// Collects the compressed stream into chunks for the upload channel.
struct ChunkWriter {
    tx: mpsc::Sender<io::Result<Bytes>>,
    buffer: Vec<u8>,
}

impl ChunkWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK),
        ));
        self.tx.blocking_send(Ok(chunk)).map_err(|_| {
            io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the upload stopped reading the tarball",
            )
        })
    }
}

impl Write for ChunkWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(buf);
        if self.buffer.len() >= CHUNK {
            self.send()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

pub struct ChunkStream {
    rx: mpsc::Receiver<io::Result<Bytes>>,
}

impl Stream for ChunkStream {
    type Item = io::Result<Bytes>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        self.rx.poll_recv(cx)
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::AsyncReadExt;

    use super::*;
    use crate::snapshot::layout::ItemPath;
    use crate::snapshot::tarball::Archive;

    fn item(i: usize) -> ArchivedItem {
        let name = format!("cm-{i}");
        let body = serde_json::to_vec(&serde_json::json!({
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": name, "namespace": "ns"},
            "data": {"blob": "x".repeat(i % 2000)}
        }))
        .unwrap();
        ArchivedItem {
            path: ItemPath::new("configmaps", Some("ns"), &name),
            version: "v1".into(),
            api_version: "v1".into(),
            kind: "ConfigMap".into(),
            body,
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn streams_items_into_a_readable_tarball() {
        let (tx, mut reader, pipe) = start().unwrap();
        let upload = tokio::spawn(async move {
            let mut all = Vec::new();
            reader.read_to_end(&mut all).await.map(|_| all)
        });
        for i in 0..3000 {
            tx.send(item(i)).await.unwrap();
        }
        drop(tx);
        let finished = pipe.finish().await.unwrap();
        let tarball = upload.await.unwrap().unwrap();
        assert_eq!(finished.items, 3000);
        assert_eq!(finished.size, tarball.len() as u64);
        let archive = Archive::open(tarball.as_slice(), Some(finished.integrity)).unwrap();
        assert_eq!(archive.item_count(), 3000);
        assert!(archive.verification().integrity_checked);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_aborted_tarball_fails_the_upload() {
        let (tx, mut reader, pipe) = start().unwrap();
        let upload = tokio::spawn(async move {
            let mut all = Vec::new();
            reader.read_to_end(&mut all).await.map(|_| all)
        });
        tx.send(item(1)).await.unwrap();
        pipe.abort();
        drop(tx);
        assert!(pipe.finish().await.is_err());
        assert!(upload.await.unwrap().is_err());
    }
}
