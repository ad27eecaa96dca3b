//! Runs one completion lookup: its own small runtime, the typed flags, a deadline, and no
//! errors: whatever fails or is late gives no candidates.

use std::ffi::OsStr;
use std::future::Future;

use clap_complete::CompletionCandidate;

use super::words::Typed;
use crate::kube::Cluster;

/// The names `lookup` finds that start with what the user typed, sorted and without repeats.
pub fn candidates<F, Fut>(current: &OsStr, lookup: F) -> Vec<CompletionCandidate>
where
    F: FnOnce(Typed) -> Fut,
    Fut: Future<Output = anyhow::Result<Vec<String>>>,
{
    let prefix = current.to_string_lossy().into_owned();
    let typed = Typed::current();
    // A lookup's requests each stop at the request timeout; this bounds the sum of them.
    let deadline = typed.timeout() + std::time::Duration::from_secs(1);
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    let _ = rustls::crypto::ring::default_provider().install_default();
    let found = runtime.block_on(async {
        match tokio::time::timeout(deadline, lookup(typed)).await {
            Ok(Ok(names)) => names,
            _ => Vec::new(),
        }
    });
    // The runtime may still hold a request the deadline cut short; do not wait for it.
    runtime.shutdown_background();
    let mut names: Vec<String> = found
        .into_iter()
        .filter(|name| name.starts_with(&prefix))
        .collect();
    names.sort();
    names.dedup();
    names.into_iter().map(CompletionCandidate::new).collect()
}

/// The cluster and namespace the finished command would use.
pub async fn connect(typed: &Typed) -> anyhow::Result<Cluster> {
    crate::kube::connect(&typed.cluster_options()).await
}
