//! Shared helpers: stores on the test servers, deterministic data streams, digests.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use kubectl_backup::storage::{
    ListEntry, MIB, ObjectStore, RetryPolicy, S3Config, StorageConfig, TransferOptions,
};
use kubectl_backup_testbed::s3::S3Server;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncRead, AsyncReadExt, ReadBuf};

/// Small parts so multipart paths run on small objects; fast retries.
pub fn small_parts() -> TransferOptions {
    TransferOptions {
        part_size: 5 * MIB,
        multipart_threshold: 5 * MIB,
        concurrency: 3,
        retry: RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(50),
        },
        ..TransferOptions::default()
    }
}

pub fn s3_config(
    endpoint: &str,
    bucket: &str,
    prefix: &str,
    access_key: &str,
    secret: &str,
) -> S3Config {
    S3Config {
        endpoint: Some(endpoint.to_string()),
        region: "us-east-1".into(),
        bucket: bucket.into(),
        prefix: prefix.into(),
        path_style: true,
        access_key_id: access_key.into(),
        secret_access_key: secret.into(),
        ..Default::default()
    }
}

pub fn s3s_store(server: &S3Server, prefix: &str, options: TransferOptions) -> ObjectStore {
    let config = s3_config(
        &server.endpoint,
        "bucket",
        prefix,
        &server.access_key,
        &server.secret_key,
    );
    ObjectStore::with_options(StorageConfig::S3(config), options).expect("store")
}

/// A deterministic byte stream of `len` bytes, generated on the fly: byte `i` depends only on
/// `seed` and `i`, so reads of any size give the same stream.
pub struct Pattern {
    len: u64,
    pos: u64,
    seed: u64,
}

impl Pattern {
    pub fn new(len: u64, seed: u64) -> Self {
        Self { len, pos: 0, seed }
    }

    fn block(&self, index: u64) -> [u8; 8] {
        // splitmix64
        let mut z = self
            .seed
            .wrapping_add(index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)).to_le_bytes()
    }
}

impl AsyncRead for Pattern {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let n = (buf.remaining() as u64).min(self.len - self.pos) as usize;
        let mut out = Vec::with_capacity(n);
        let mut pos = self.pos;
        while out.len() < n {
            let block = self.block(pos / 8);
            let from = (pos % 8) as usize;
            let take = (8 - from).min(n - out.len());
            out.extend_from_slice(&block[from..from + take]);
            pos += take as u64;
        }
        buf.put_slice(&out);
        self.pos = pos;
        Poll::Ready(Ok(()))
    }
}

/// SHA-256 and length of everything `reader` yields.
pub async fn digest(mut reader: impl AsyncRead + Unpin) -> (String, u64) {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = reader.read(&mut buf).await.expect("read");
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        total += n as u64;
    }
    (hex::encode(hasher.finalize()), total)
}

/// Push `len` pattern bytes, pull them back, and assert they are identical.
pub async fn round_trip(
    store: &ObjectStore,
    key: &str,
    len: u64,
    seed: u64,
) -> kubectl_backup::storage::PutResult {
    let put = store
        .put(key, Pattern::new(len, seed), Some(len))
        .await
        .unwrap_or_else(|e| panic!("put {key} ({len} B): {e}"));
    assert_eq!(put.size, len, "{key}");
    let (want, _) = digest(Pattern::new(len, seed)).await;
    let reader = store
        .get(key)
        .await
        .unwrap_or_else(|e| panic!("get {key}: {e}"));
    assert_eq!(reader.meta().size, len, "{key}: size announced by GET");
    let (got, got_len) = digest(reader).await;
    assert_eq!(got_len, len, "{key}: bytes read back");
    assert_eq!(got, want, "{key}: content differs");
    let head = store.head(key).await.unwrap().expect("head after put");
    assert_eq!(head.size, len);
    put
}

/// A reader that yields `len` pattern bytes, then blocks forever (a push that never finishes).
pub struct Stalls {
    inner: Pattern,
}

impl Stalls {
    pub fn after(len: u64) -> Self {
        Self {
            inner: Pattern::new(len, 99),
        }
    }
}

impl AsyncRead for Stalls {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.inner.pos == self.inner.len {
            return Poll::Pending;
        }
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

/// The keys under `prefix`, in the order the store lists them.
pub async fn listed(store: &ObjectStore, prefix: &str) -> Vec<String> {
    store
        .list(prefix)
        .map_ok(|m| m.key)
        .try_collect()
        .await
        .unwrap()
}

/// The listing under `prefix` grouped by `/`: common prefixes and object keys, in order.
pub async fn delimited(store: &ObjectStore, prefix: &str) -> Vec<String> {
    let entries: Vec<ListEntry> = store
        .list_delimited(prefix, "/")
        .try_collect()
        .await
        .unwrap();
    entries
        .iter()
        .map(|e| match e {
            ListEntry::Prefix(p) => p.clone(),
            ListEntry::Object(m) => m.key.clone(),
        })
        .collect()
}

/// Writes the one-byte object `1` at each key, one after the other.
pub async fn put_ones<K: AsRef<str>>(store: &ObjectStore, keys: impl IntoIterator<Item = K>) {
    for key in keys {
        store.put_bytes(key.as_ref(), &b"1"[..]).await.unwrap();
    }
}

/// Writes the one-byte object `x` at each name, 16 at a time.
pub async fn put_in_parallel(store: &ObjectStore, names: &[String]) {
    futures::stream::iter(names.iter().map(|n| store.put_bytes(n, &b"x"[..])))
        .buffer_unordered(16)
        .try_collect::<Vec<_>>()
        .await
        .unwrap();
}
