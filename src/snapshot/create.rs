//! `snapshot create`, client-side: plan, then list, archive and upload concurrently, then the
//! small files, then `velero-backup.json` last. Until that last write succeeds nothing looks
//! like a backup; on any failure or Ctrl-C everything already written under `backups/<B>/` is
//! removed.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use futures::StreamExt;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::Time;
use kube::api::ObjectMeta;
use tokio_util::sync::CancellationToken;

use crate::kube::Cluster;
use crate::snapshot::collect::{self, ClusterScope, Collector, Progress, Selection};
use crate::snapshot::destination::Destination;
use crate::snapshot::discovery;
use crate::snapshot::layout::{
    BackupKeys, INTEGRITY_SHA256_ANNOTATION, TARBALL_SHA256_ANNOTATION, TARBALL_SIZE_ANNOTATION,
    validate_backup_name,
};
use crate::snapshot::report::{RunReport, gzip};
use crate::snapshot::selector;
use crate::snapshot::tarball::pipe;
use crate::snapshot::types::{
    Backup, BackupPhase, BackupProgress, BackupSpec, BackupStatus, DEFAULT_NAMESPACE,
    FORMAT_VERSION, STORAGE_LOCATION_LABEL, WRITTEN_BY_ANNOTATION, now, time_from_chrono,
    valid_label_value,
};
use crate::storage::{ObjectStore, PrefixMode};

#[derive(Debug, Clone)]
pub struct CreateOptions {
    pub name: String,
    /// Labels of the Backup record (`--labels`; a schedule's run sets `velero.io/schedule-name`).
    pub labels: std::collections::BTreeMap<String, String>,
    pub selection: Selection,
    pub ttl: Duration,
    pub page_size: u32,
    pub concurrency: usize,
    pub show_progress: bool,
}

#[derive(Debug)]
pub struct CreateOutcome {
    pub backup: Backup,
    pub items: u64,
    pub tarball_bytes: u64,
    pub raw_bytes: u64,
    pub elapsed: Duration,
    pub warnings: Vec<String>,
    pub errors: Vec<String>,
}

/// The Backup spec Velero would store for these flags (also what controller mode submits).
pub fn backup_spec(selection: &Selection, ttl: Duration, location: &str) -> Result<BackupSpec> {
    let label_selector = selection
        .selector
        .as_deref()
        .map(selector::parse)
        .transpose()?;
    let list = |v: &[String]| (!v.is_empty()).then(|| v.to_vec());
    Ok(BackupSpec {
        // Velero's CLI stores `*` when no namespace is named.
        included_namespaces: Some(if selection.include_namespaces.is_empty() {
            vec!["*".to_string()]
        } else {
            selection.include_namespaces.clone()
        }),
        excluded_namespaces: list(&selection.exclude_namespaces),
        included_resources: list(&selection.include_resources),
        excluded_resources: list(&selection.exclude_resources),
        include_cluster_resources: selection.include_cluster_resources,
        label_selector,
        ttl: Some(crate::duration::format_go_duration(ttl)),
        storage_location: Some(location.to_string()),
        csi_snapshot_timeout: Some("10m0s".into()),
        item_operation_timeout: Some("4h0m0s".into()),
        metadata: Some(Default::default()),
        ..Default::default()
    })
}

/// Velero refuses to write to a ReadOnly location (typically one being restored from); so do we.
pub fn refuse_read_only(destination: &Destination) -> Result<()> {
    if let Some(bsl) = &destination.bsl
        && bsl.spec.access_mode.as_deref() == Some("ReadOnly")
    {
        bail!(
            "BackupStorageLocation {} is ReadOnly; nothing can be written to or deleted from it",
            destination.location_name
        );
    }
    Ok(())
}

/// Refuses a name that is taken, completely or by a half-written backup.
pub async fn ensure_name_free(store: &ObjectStore, keys: &BackupKeys) -> Result<()> {
    if store.head(&keys.metadata()).await?.is_some() {
        bail!(
            "a backup named {:?} already exists in {}; choose another name or delete it first",
            keys.name(),
            store.location()
        );
    }
    if let Some(first) = store.list(&keys.dir()).next().await {
        let first = first?;
        bail!(
            "{} already holds {} without a velero-backup.json (an interrupted or foreign backup); delete it with `kubectl backup snapshot delete {}` first",
            keys.dir(),
            first.key,
            keys.name()
        );
    }
    Ok(())
}

pub async fn create(
    cluster: &Cluster,
    destination: &Destination,
    options: &CreateOptions,
    cancel: CancellationToken,
) -> Result<CreateOutcome> {
    validate_backup_name(&options.name)?;
    let started = Instant::now();
    let start_time = now();
    let keys = BackupKeys::new(&options.name);
    let store = &destination.store;
    refuse_read_only(destination)?;
    ensure_name_free(store, &keys).await?;
    let spec = backup_spec(&options.selection, options.ttl, &destination.location_name)?;

    let client = &cluster.client;
    let version = client
        .apiserver_version()
        .await
        .map_err(|e| anyhow!(crate::kube::describe_error(&cluster.server, &e)))?;
    let discovered = discovery::discover(client, &cluster.server).await?;
    let plan = collect::plan(client, &cluster.server, &discovered, &options.selection).await?;
    let report = Arc::new(RunReport::new(&format!(
        "{DEFAULT_NAMESPACE}/{}",
        options.name
    )));
    for warning in &plan.warnings {
        report.warning(None, warning.clone());
    }
    report.info(&format!(
        "Starting backup {} of {} into {}: {} lists, cluster-scoped resources: {}",
        options.name,
        cluster.server,
        destination.description,
        plan.units.len(),
        match plan.cluster_scope {
            ClusterScope::All => "all",
            ClusterScope::RelatedOnly => "related only",
            ClusterScope::None => "none",
        }
    ));

    let progress = Arc::new(Progress::default());
    let bar = progress_bar(options.show_progress, progress.clone());
    let (items_tx, reader, tarball) = pipe::start()?;
    let upload_store = store.clone();
    let tarball_key = keys.tarball();
    let upload = tokio::spawn(async move { upload_store.put(&tarball_key, reader, None).await });
    let mut collector = Collector::new(
        client.clone(),
        cluster.server.clone(),
        plan,
        discovered,
        report.clone(),
        progress.clone(),
        cancel.clone(),
        items_tx,
    );
    collector.page_size = options.page_size;
    collector.concurrency = options.concurrency;
    let collected = collector.run().await;
    if collected.is_err() || cancel.is_cancelled() {
        tarball.abort();
    }
    drop(collector);
    let finished = tarball.finish().await;
    let uploaded = upload
        .await
        .map_err(|e| anyhow!("the upload task crashed: {e}"))?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }

    let outcome = async {
        if cancel.is_cancelled() {
            bail!("interrupted");
        }
        // When the writer stopped, the upload's or the writer's own error is the cause.
        let uploaded = uploaded.context("uploading the tarball failed");
        let finished = finished.context("writing the tarball failed");
        let finished = match (collected, uploaded, finished) {
            (Err(e), _, _) if e.downcast_ref::<collect::WriterStopped>().is_none() => {
                return Err(e);
            }
            (_, Err(e), _) | (_, _, Err(e)) => return Err(e),
            (Err(e), _, _) => return Err(e),
            (Ok(()), Ok(_), Ok(finished)) => finished,
        };
        let (integrity, integrity_sha256) = hash_and_rewind(finished.integrity).await?;
        let integrity = tokio::fs::File::from_std(integrity);
        store.put(&keys.integrity(), integrity, None).await?;
        store
            .put_bytes(
                &keys.resource_list(),
                gzip(&serde_json::to_vec(&finished.resource_list)?)?,
            )
            .await?;
        let (warnings, errors) = report.counts();
        let phase = if errors > 0 {
            BackupPhase::PartiallyFailed
        } else {
            BackupPhase::Completed
        };
        report.info(&format!(
            "Backup {} finished: {} items, {} bytes compressed, phase {phase}",
            options.name, finished.items, finished.size
        ));
        store
            .put_bytes(&keys.results(), report.results_gz()?)
            .await?;
        store.put_bytes(&keys.logs(), report.log_gz()?).await?;

        let mut backup = backup_record(&BackupRecord {
            name: &options.name,
            spec: spec.clone(),
            location: &destination.location_name,
            started: start_time.clone(),
            ttl: options.ttl,
            phase,
            warnings,
            errors,
            items: finished.items,
            server_version: &version,
        });
        backup
            .metadata
            .labels
            .get_or_insert_default()
            .extend(options.labels.clone());
        // The commit marker names what it commits: the tarball and the integrity record.
        let annotations = backup.metadata.annotations.get_or_insert_default();
        annotations.insert(TARBALL_SHA256_ANNOTATION.into(), finished.sha256.clone());
        annotations.insert(TARBALL_SIZE_ANNOTATION.into(), finished.size.to_string());
        annotations.insert(INTEGRITY_SHA256_ANNOTATION.into(), integrity_sha256);
        if cancel.is_cancelled() {
            bail!("interrupted");
        }
        // The commit marker, last. Its PUT is never abandoned half-way (see the storage layer),
        // so a Ctrl-C during it is seen here, before anything is reported.
        let mut json = serde_json::to_vec_pretty(&backup)?;
        json.push(b'\n');
        store.put_bytes(&keys.metadata(), json).await?;
        if cancel.is_cancelled() {
            bail!("interrupted");
        }
        let results = report.results();
        Ok(CreateOutcome {
            backup,
            items: finished.items,
            tarball_bytes: finished.size,
            raw_bytes: finished.raw_bytes,
            elapsed: started.elapsed(),
            warnings: results.warnings.lines(),
            errors: results.errors.lines(),
        })
    }
    .await;

    match outcome {
        Ok(outcome) => Ok(outcome),
        Err(error) => {
            let cleanup = remove_partial(store, &keys).await;
            let interrupted = cancel.is_cancelled();
            let what = if interrupted {
                anyhow!("interrupted")
            } else {
                error
            };
            match cleanup {
                Ok(()) => Err(what.context(format!(
                    "backup {} was not created; nothing was left in {}",
                    options.name,
                    store.location()
                ))),
                Err(cleanup_error) => Err(what.context(format!(
                    "backup {} was not created, and removing its partial files under {} failed ({cleanup_error:#}); run `kubectl backup snapshot delete {}`",
                    options.name,
                    keys.dir(),
                    options.name
                ))),
            }
        }
    }
}

/// What `velero-backup.json` is made of.
pub struct BackupRecord<'a> {
    pub name: &'a str,
    pub spec: BackupSpec,
    pub location: &'a str,
    pub started: Time,
    pub ttl: Duration,
    pub phase: BackupPhase,
    pub warnings: usize,
    pub errors: usize,
    pub items: u64,
    pub server_version: &'a k8s_openapi::apimachinery::pkg::version::Info,
}

/// The Backup as Velero's server would have stored it after a finished run.
pub fn backup_record(record: &BackupRecord<'_>) -> Backup {
    let expiration = chrono::Utc::now()
        + chrono::Duration::from_std(record.ttl).unwrap_or(chrono::Duration::zero());
    let mut backup = Backup::new(record.name, DEFAULT_NAMESPACE, record.spec.clone());
    backup.metadata = ObjectMeta {
        name: Some(record.name.to_string()),
        namespace: Some(DEFAULT_NAMESPACE.into()),
        creation_timestamp: Some(record.started.clone()),
        labels: Some(
            [(
                STORAGE_LOCATION_LABEL.to_string(),
                valid_label_value(record.location),
            )]
            .into(),
        ),
        annotations: Some(
            [
                (
                    WRITTEN_BY_ANNOTATION.to_string(),
                    format!("kubectl-backup/{}", env!("CARGO_PKG_VERSION")),
                ),
                (
                    "velero.io/source-cluster-k8s-gitversion".to_string(),
                    record.server_version.git_version.clone(),
                ),
                (
                    "velero.io/source-cluster-k8s-major-version".to_string(),
                    record.server_version.major.clone(),
                ),
                (
                    "velero.io/source-cluster-k8s-minor-version".to_string(),
                    record.server_version.minor.clone(),
                ),
            ]
            .into(),
        ),
        ..Default::default()
    };
    backup.status = Some(BackupStatus {
        version: Some(1),
        format_version: Some(FORMAT_VERSION.into()),
        expiration: Some(time_from_chrono(expiration)),
        phase: Some(record.phase),
        start_timestamp: Some(record.started.clone()),
        completion_timestamp: Some(now()),
        warnings: Some(record.warnings as i64),
        errors: Some(record.errors as i64),
        progress: Some(BackupProgress {
            total_items: Some(record.items as i64),
            items_backed_up: Some(record.items as i64),
        }),
        ..Default::default()
    });
    backup
}

/// Deletes whatever a failed run left under `backups/<B>/`, even after Ctrl-C. Runs only once
/// every request of the run has ended (the tarball upload was joined, single PUTs are never
/// abandoned mid-request), so nothing of ours lands after it. `velero-backup.json` goes first:
/// if the rest cannot be deleted, what stays never looks like a backup. Then it checks that
/// nothing is left.
async fn remove_partial(store: &ObjectStore, keys: &BackupKeys) -> Result<()> {
    let store = store.clone().with_cancellation(CancellationToken::new());
    store.delete(&keys.metadata()).await?;
    store
        .delete_prefix(keys.dir().trim_end_matches('/'), PrefixMode::PathSafe)
        .await?;
    if let Some(left) = store.list(&keys.dir()).next().await {
        bail!("{} is still there after the cleanup", left?.key);
    }
    Ok(())
}

/// The SHA-256 of the integrity record, and the file rewound for its upload.
async fn hash_and_rewind(file: std::fs::File) -> Result<(std::fs::File, String)> {
    tokio::task::spawn_blocking(move || -> Result<_> {
        use sha2::Digest;
        use std::io::{Seek, SeekFrom};
        let mut file = file;
        let mut hasher = sha2::Sha256::new();
        // sha2 0.11 hashers are no io::Write: feed the digest from a buffer.
        let mut buffer = vec![0; 1 << 16];
        loop {
            let read = std::io::Read::read(&mut file, &mut buffer)?;
            if read == 0 {
                break;
            }
            hasher.update(&buffer[..read]);
        }
        file.seek(SeekFrom::Start(0))?;
        Ok((file, hex::encode(hasher.finalize())))
    })
    .await
    .map_err(|e| anyhow!("hashing the integrity record crashed: {e}"))?
}

fn progress_bar(show: bool, progress: Arc<Progress>) -> Option<indicatif::ProgressBar> {
    if !show {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    let shown = bar.clone();
    tokio::spawn(async move {
        while !shown.is_finished() {
            let sent = progress.sent.load(Ordering::Relaxed);
            let total = progress.estimated_total.load(Ordering::Relaxed).max(sent);
            shown.set_message(format!("backed up {sent} of ~{total} items"));
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    });
    Some(bar)
}
