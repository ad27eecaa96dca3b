//! A container's output as the kubelet stand-in keeps it: timestamped chunks plus a signal
//! for followers (`pods/log?follow=true`).

use std::sync::{Arc, Mutex};

use tokio::sync::watch;

/// One container's output, appended as it arrives; `version` wakes followers.
pub struct ContainerLog {
    /// (arrival time, bytes) chunks, in order.
    chunks: Mutex<Vec<(String, Vec<u8>)>>,
    version: watch::Sender<u64>,
    finished: std::sync::atomic::AtomicBool,
}

impl ContainerLog {
    pub fn new() -> Arc<Self> {
        Arc::new(ContainerLog {
            chunks: Mutex::new(Vec::new()),
            version: watch::channel(0).0,
            finished: std::sync::atomic::AtomicBool::new(false),
        })
    }

    pub fn append(&self, bytes: &[u8]) {
        let time = chrono::Utc::now()
            .format("%Y-%m-%dT%H:%M:%S%.9fZ")
            .to_string();
        self.chunks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((time, bytes.to_vec()));
        self.version.send_modify(|v| *v += 1);
    }

    pub fn finish(&self) {
        self.finished
            .store(true, std::sync::atomic::Ordering::SeqCst);
        self.version.send_modify(|v| *v += 1);
    }

    pub fn is_finished(&self) -> bool {
        self.finished.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Chunks from index `from` on.
    pub fn chunks_from(&self, from: usize) -> Vec<(String, Vec<u8>)> {
        let c = self.chunks.lock().unwrap_or_else(|e| e.into_inner());
        c.get(from..).map(<[_]>::to_vec).unwrap_or_default()
    }

    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.version.subscribe()
    }
}
