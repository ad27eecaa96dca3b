//! What a backup run has to say: warnings and errors (`<B>-results.gz`) and the run log
//! (`<B>-logs.gz`, logrus-style lines like Velero's so `velero backup logs` reads naturally).
//! Shared by the concurrent listers, so it sits behind one mutex; it holds messages and
//! per-type summaries, never per-item lines.

use std::io::Write;
use std::sync::Mutex;

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::snapshot::types::BackupResults;

pub struct RunReport {
    backup: String,
    inner: Mutex<Inner>,
}

struct Inner {
    results: BackupResults,
    /// Plain text: a few lines per type, gzipped when uploaded.
    log: Vec<u8>,
}

#[derive(Clone, Copy)]
enum Level {
    Info,
    Warning,
    Error,
}

impl RunReport {
    /// `backup` is `namespace/name` as Velero's log lines carry it.
    pub fn new(backup: &str) -> Self {
        RunReport {
            backup: backup.to_string(),
            inner: Mutex::new(Inner {
                results: BackupResults::default(),
                log: Vec::new(),
            }),
        }
    }

    pub fn info(&self, message: &str) {
        self.push(Level::Info, None, message);
    }

    pub fn warning(&self, namespace: Option<&str>, message: String) {
        self.push(Level::Warning, namespace, &message);
        self.lock().results.warnings.add(namespace, message);
    }

    pub fn error(&self, namespace: Option<&str>, message: String) {
        self.push(Level::Error, namespace, &message);
        self.lock().results.errors.add(namespace, message);
    }

    pub fn counts(&self) -> (usize, usize) {
        let inner = self.lock();
        (inner.results.warnings.count(), inner.results.errors.count())
    }

    pub fn results(&self) -> BackupResults {
        self.lock().results.clone()
    }

    /// The log so far, gzipped.
    pub fn log_gz(&self) -> std::io::Result<Vec<u8>> {
        gzip(&self.lock().log)
    }

    /// The results, as gzipped JSON.
    pub fn results_gz(&self) -> std::io::Result<Vec<u8>> {
        gzip(&serde_json::to_vec(&self.results())?)
    }

    fn push(&self, level: Level, namespace: Option<&str>, message: &str) {
        let time = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
        let level = match level {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        };
        let mut line = format!(
            "time=\"{time}\" level={level} msg={} backup={}",
            quote(message),
            self.backup
        );
        if let Some(ns) = namespace {
            line.push_str(&format!(" namespace={ns}"));
        }
        line.push_str(" logSource=\"kubectl-backup\"\n");
        self.lock().log.extend_from_slice(line.as_bytes());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

pub fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes)?;
    encoder.finish()
}

fn quote(text: &str) -> String {
    format!("{text:?}")
}
