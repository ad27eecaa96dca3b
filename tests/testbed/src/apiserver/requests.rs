//! The request log: every request the server received, so tests can assert that a flag had
//! an effect (a header, a query parameter, a body).

use std::sync::Mutex;

use serde_json::Value;

/// Bodies larger than this are truncated in the log.
const BODY_LIMIT: usize = 1 << 20;

#[derive(Debug, Clone)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    /// Raw query string (percent-encoded), empty when absent.
    pub query: String,
    /// Header names are lowercase.
    pub headers: Vec<(String, String)>,
    /// The authenticated user (after impersonation), empty if authentication failed.
    pub user: String,
    pub body: Vec<u8>,
}

impl RecordedRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every header with this name (Impersonate-Group may repeat).
    pub fn headers_named(&self, name: &str) -> Vec<&str> {
        let name = name.to_lowercase();
        self.headers
            .iter()
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// A decoded query parameter (the first, if repeated).
    pub fn query_param(&self, name: &str) -> Option<String> {
        url::form_urlencoded::parse(self.query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    }

    pub fn body_json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

pub struct RequestLog {
    entries: Mutex<Vec<RecordedRequest>>,
    enabled: std::sync::atomic::AtomicBool,
}

impl Default for RequestLog {
    fn default() -> Self {
        RequestLog {
            entries: Mutex::new(Vec::new()),
            enabled: std::sync::atomic::AtomicBool::new(true),
        }
    }
}

impl RequestLog {
    /// Index of the entry, or `usize::MAX` when recording is off.
    pub(crate) fn push(&self, mut r: RecordedRequest) -> usize {
        if !self.enabled.load(std::sync::atomic::Ordering::Relaxed) {
            return usize::MAX;
        }
        r.body.truncate(BODY_LIMIT);
        let mut e = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        e.push(r);
        e.len() - 1
    }

    pub fn set_enabled(&self, on: bool) {
        self.enabled.store(on, std::sync::atomic::Ordering::Relaxed);
    }

    pub(crate) fn set_user(&self, index: usize, user: &str) {
        let mut e = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(r) = e.get_mut(index) {
            r.user = user.to_string();
        }
    }

    pub fn all(&self) -> Vec<RecordedRequest> {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn clear(&self) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}
