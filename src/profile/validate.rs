//! `profile validate`: one line per check, stopping at the first failure, which is named.
//!
//! Checks, in order: the credentials resolve (the Secret is read; for fetched credentials STS, a
//! token endpoint or a metadata server answers; the line names the source used, never a value);
//! the endpoint is reachable; the credentials are accepted; the bucket exists; a probe object can
//! be written, read back byte-identical, and deleted. A local directory has no endpoint or
//! credentials: it is checked for being writable.

use rand::RngExt;

use crate::storage::{ObjectStore, StorageConfig, StorageError};

pub const CREDENTIALS_RESOLVE: &str = "credentials resolve";
pub const ENDPOINT_REACHABLE: &str = "endpoint reachable";
pub const CREDENTIALS_ACCEPTED: &str = "credentials accepted";
pub const BUCKET_EXISTS: &str = "bucket exists";
pub const DIRECTORY_WRITABLE: &str = "directory writable";
pub const PROBE_WRITTEN: &str = "probe written";
pub const PROBE_READ_BACK: &str = "probe read back";
pub const PROBE_DELETED: &str = "probe deleted";

/// One passed check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passed {
    pub check: &'static str,
    pub detail: String,
}

/// The first failed check.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("check {check:?} failed: {message}")]
pub struct Failed {
    pub check: &'static str,
    pub message: String,
}

impl Failed {
    pub fn new(check: &'static str, message: impl std::fmt::Display) -> Self {
        Self {
            check,
            message: message.to_string(),
        }
    }
}

/// Which check a failed reachability/bucket probe (`ObjectStore::check`) belongs to.
fn classify(error: &StorageError) -> &'static str {
    match error {
        StorageError::Unreachable { .. } | StorageError::Tls { .. } => ENDPOINT_REACHABLE,
        StorageError::Credentials { .. } | StorageError::AccessDenied { .. } => {
            CREDENTIALS_ACCEPTED
        }
        StorageError::Transport { .. } => ENDPOINT_REACHABLE,
        // STS, a token endpoint or a metadata server refused or could not be reached: the
        // credentials never came to exist.
        StorageError::CredentialSource { .. } => CREDENTIALS_RESOLVE,
        _ => BUCKET_EXISTS,
    }
}

/// Run the storage checks against `config`, reporting each passed check as it happens.
pub async fn check_storage(
    config: &StorageConfig,
    mut passed: impl FnMut(Passed),
) -> Result<(), Failed> {
    let is_local = matches!(config, StorageConfig::Local(_));
    let store = ObjectStore::new(config.clone()).map_err(|e| {
        Failed::new(
            if is_local {
                DIRECTORY_WRITABLE
            } else {
                ENDPOINT_REACHABLE
            },
            e,
        )
    })?;
    let location = store.location().to_string();
    if let Err(e) = store.check().await {
        return Err(Failed::new(
            if is_local {
                DIRECTORY_WRITABLE
            } else {
                classify(&e)
            },
            e,
        ));
    }
    if is_local {
        passed(Passed {
            check: DIRECTORY_WRITABLE,
            detail: location.clone(),
        });
    } else {
        passed(Passed {
            check: ENDPOINT_REACHABLE,
            detail: location.clone(),
        });
        passed(Passed {
            check: CREDENTIALS_ACCEPTED,
            detail: "listing allowed".into(),
        });
        passed(Passed {
            check: BUCKET_EXISTS,
            detail: location.clone(),
        });
    }
    probe(&store, passed).await
}

async fn probe(store: &ObjectStore, mut passed: impl FnMut(Passed)) -> Result<(), Failed> {
    let mut rng = rand::rng();
    let key = format!(".kubectl-backup-probe-{:016x}", rng.random::<u64>());
    let mut body = vec![0u8; 4096];
    rng.fill(&mut body[..]);
    let full = store
        .full_key(&key)
        .map_err(|e| Failed::new(PROBE_WRITTEN, e))?;
    store
        .put_bytes(&key, body.clone())
        .await
        .map_err(|e| Failed::new(PROBE_WRITTEN, e))?;
    passed(Passed {
        check: PROBE_WRITTEN,
        detail: format!("{full} ({} bytes)", body.len()),
    });
    let read = store.get_bytes(&key).await;
    let read_result = match read {
        Ok(bytes) if bytes[..] == body[..] => Ok(()),
        Ok(bytes) => Err(Failed::new(
            PROBE_READ_BACK,
            format!(
                "{full} came back different ({} bytes read, {} written): the store alters objects",
                bytes.len(),
                body.len()
            ),
        )),
        Err(e) => Err(Failed::new(PROBE_READ_BACK, e)),
    };
    if let Err(failed) = read_result {
        // Leave nothing behind even when reading failed.
        let _ = store.delete(&key).await;
        return Err(failed);
    }
    passed(Passed {
        check: PROBE_READ_BACK,
        detail: "byte-identical".into(),
    });
    store
        .delete(&key)
        .await
        .map_err(|e| Failed::new(PROBE_DELETED, e))?;
    match store.head(&key).await {
        Ok(None) => {}
        Ok(Some(_)) => {
            return Err(Failed::new(
                PROBE_DELETED,
                format!("{full} still exists after DELETE"),
            ));
        }
        Err(e) => return Err(Failed::new(PROBE_DELETED, e)),
    }
    passed(Passed {
        check: PROBE_DELETED,
        detail: full,
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::LocalConfig;

    #[tokio::test]
    async fn local_directory_passes_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let config = StorageConfig::Local(LocalConfig {
            root: dir.path().into(),
            prefix: "p".into(),
        });
        let mut lines = Vec::new();
        check_storage(&config, |p| lines.push(p.check))
            .await
            .unwrap();
        assert_eq!(
            lines,
            [
                DIRECTORY_WRITABLE,
                PROBE_WRITTEN,
                PROBE_READ_BACK,
                PROBE_DELETED
            ]
        );
        let store = ObjectStore::new(config).unwrap();
        use futures::TryStreamExt;
        let left: Vec<_> = store.list("").try_collect().await.unwrap();
        assert!(left.is_empty(), "{left:?}");
    }

    #[tokio::test]
    async fn unreachable_endpoint_is_named() {
        let config = StorageConfig::S3(crate::storage::S3Config {
            endpoint: Some("http://127.0.0.1:1".into()),
            region: "us-east-1".into(),
            bucket: "b".into(),
            path_style: true,
            access_key_id: "AK".into(),
            secret_access_key: "SK".into(),
            ..Default::default()
        });
        let failed = check_storage(&config, |_| {}).await.unwrap_err();
        assert_eq!(failed.check, ENDPOINT_REACHABLE, "{failed}");
    }
}
