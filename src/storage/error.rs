//! Storage errors: one line each, naming the location, the object and the failing check.
//!
//! Transport errors are reduced to their root cause ("connection refused") and never carry a
//! request URL: presigned S3 URLs contain the access key ID and a signature.

use std::error::Error as StdError;
use std::fmt;

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("object {key:?} not found in {location}")]
    NotFound { location: String, key: String },

    #[error(
        "{location}: the bucket/container does not exist ({code}); check its name and region, or create it"
    )]
    NoSuchBucket { location: String, code: String },

    #[error(
        "{location}: credentials rejected ({code}: {message}); check the access key ID and secret"
    )]
    Credentials {
        location: String,
        code: String,
        message: String,
    },

    #[error(
        "{location}: access denied on {operation} {key:?} ({code}: {message}); check the credentials' permissions on this bucket and prefix"
    )]
    AccessDenied {
        location: String,
        operation: &'static str,
        key: String,
        code: String,
        message: String,
    },

    #[error(
        "cannot reach {endpoint}: {detail}; check the endpoint URL and that the server is running"
    )]
    Unreachable { endpoint: String, detail: String },

    #[error(
        "TLS with {endpoint} failed: {detail}; give the server's CA certificate or skip verification"
    )]
    Tls { endpoint: String, detail: String },

    #[error("{operation} {key:?} on {location} failed: HTTP {status} {code}: {message}{attempts}")]
    Service {
        location: String,
        operation: &'static str,
        key: String,
        status: u16,
        code: String,
        message: String,
        /// " (after N attempts)" once retries are exhausted, else empty.
        attempts: Attempts,
    },

    #[error("{operation} {key:?} on {location} failed: {detail}{attempts}")]
    Transport {
        location: String,
        operation: &'static str,
        key: String,
        detail: String,
        attempts: Attempts,
    },

    #[error("{operation} {key:?} on {location} failed: {source}")]
    Io {
        location: String,
        operation: &'static str,
        key: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{operation} {key:?} on {location} was cancelled{cleanup}")]
    Cancelled {
        location: String,
        operation: &'static str,
        key: String,
        cleanup: String,
    },

    #[error("invalid object key {key:?}: {reason}")]
    InvalidKey { key: String, reason: String },

    #[error("invalid storage configuration: {0}")]
    Config(String),

    /// A credential source (STS, a token file, a metadata server, a token endpoint) failed.
    #[error("credentials from {origin}: {detail}")]
    CredentialSource { origin: String, detail: String },

    #[error("{location}: unexpected response to {operation} {key:?}: {detail}")]
    Protocol {
        location: String,
        operation: &'static str,
        key: String,
        detail: String,
    },
}

/// How many attempts a failed request took, shown only when it was retried.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Attempts(pub u32);

impl fmt::Display for Attempts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 > 1 {
            write!(f, " (gave up after {} attempts)", self.0)
        } else {
            Ok(())
        }
    }
}

impl StorageError {
    /// `operation` on `key` was cancelled before it changed anything.
    pub(crate) fn cancelled(location: &str, operation: &'static str, key: &str) -> StorageError {
        StorageError::Cancelled {
            location: location.to_string(),
            operation,
            key: key.to_string(),
            cleanup: String::new(),
        }
    }

    /// Throttling, server errors and dropped connections are worth another attempt.
    pub fn is_retryable(&self) -> bool {
        match self {
            StorageError::Service { status, code, .. } => {
                *status >= 500
                    || *status == 429
                    || *status == 408
                    || matches!(
                        code.as_str(),
                        "SlowDown"
                            | "Throttling"
                            | "RequestTimeout"
                            | "ServerBusy"
                            | "InternalError"
                            | "OperationTimedOut"
                    )
            }
            StorageError::Transport { .. } => true,
            _ => false,
        }
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, StorageError::NotFound { .. })
    }

    pub(crate) fn set_attempts(&mut self, n: u32) {
        if let StorageError::Service { attempts, .. } | StorageError::Transport { attempts, .. } =
            self
        {
            *attempts = Attempts(n);
        }
    }
}

/// Classify a reqwest error into one line without the request URL.
pub(crate) fn from_reqwest(
    error: reqwest::Error,
    endpoint: &str,
    location: &str,
    operation: &'static str,
    key: &str,
) -> StorageError {
    let error = error.without_url();
    let detail = root_cause(&error);
    let lower = detail.to_ascii_lowercase();
    if error.is_connect() {
        if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
            return StorageError::Tls {
                endpoint: endpoint.to_string(),
                detail,
            };
        }
        return StorageError::Unreachable {
            endpoint: endpoint.to_string(),
            detail,
        };
    }
    let detail = if error.is_timeout() {
        format!("timed out ({detail})")
    } else {
        detail
    };
    StorageError::Transport {
        location: location.to_string(),
        operation,
        key: key.to_string(),
        detail,
        attempts: Attempts::default(),
    }
}

/// The innermost message of an error chain, with its outer context when that adds information.
pub(crate) fn root_cause(error: &(dyn StdError + 'static)) -> String {
    let mut messages: Vec<String> = Vec::new();
    let mut current: Option<&(dyn StdError + 'static)> = Some(error);
    while let Some(e) = current {
        let text = e.to_string();
        let noise = text.starts_with("client error (") || text.starts_with("error sending request");
        if !text.is_empty() && !noise && !messages.iter().any(|m| m.contains(&text)) {
            messages.push(text);
        }
        current = e.source();
    }
    // The outermost reqwest layers ("error sending request", "client error (Connect)") add nothing
    // a person can act on; the last two layers usually do ("tcp connect error: Connection refused").
    let useful: Vec<&String> = messages.iter().rev().take(2).collect();
    useful
        .into_iter()
        .rev()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_errors_are_retryable_by_status_and_code() {
        let err = |status, code: &str| StorageError::Service {
            location: "l".into(),
            operation: "PUT",
            key: "k".into(),
            status,
            code: code.into(),
            message: String::new(),
            attempts: Attempts::default(),
        };
        assert!(err(503, "SlowDown").is_retryable());
        assert!(err(500, "InternalError").is_retryable());
        assert!(err(429, "").is_retryable());
        assert!(err(400, "RequestTimeout").is_retryable());
        assert!(!err(403, "AccessDenied").is_retryable());
        assert!(!err(404, "NoSuchKey").is_retryable());
    }

    #[test]
    fn attempts_are_shown_only_after_retries() {
        let mut e = StorageError::Transport {
            location: "s3://b".into(),
            operation: "PUT",
            key: "k".into(),
            detail: "connection reset".into(),
            attempts: Attempts::default(),
        };
        assert_eq!(
            e.to_string(),
            r#"PUT "k" on s3://b failed: connection reset"#
        );
        e.set_attempts(5);
        assert!(e.to_string().ends_with("(gave up after 5 attempts)"));
    }
}
