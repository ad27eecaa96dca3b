//! Driving an installed Velero server: submit a `Backup`, follow it to a terminal phase with a
//! progress bar, read Backups, ask for deletion with a `DeleteBackupRequest`.

use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use kube::api::{Api, DynamicObject, ListParams, PostParams};
use kube::discovery::ApiResource;
use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio_util::sync::CancellationToken;

use crate::kube::{Cluster, describe_error, is_not_found};
use crate::snapshot::types::{
    API_VERSION, Backup, BackupPhase, BackupSpec, DEFAULT_NAMESPACE, DeleteBackupRequest, GROUP,
};

pub(crate) fn resource(kind: &str, plural: &str) -> ApiResource {
    ApiResource {
        group: GROUP.into(),
        version: "v1".into(),
        api_version: API_VERSION.into(),
        kind: kind.into(),
        plural: plural.into(),
    }
}

fn backups_api(cluster: &Cluster, namespace: &str) -> Api<DynamicObject> {
    Api::namespaced_with(
        cluster.client.clone(),
        namespace,
        &resource("Backup", "backups"),
    )
}

pub(crate) fn convert<T: DeserializeOwned, S: Serialize>(object: &S) -> Result<T> {
    Ok(serde_json::from_value(serde_json::to_value(object)?)?)
}

/// The namespace Velero runs in: the server Deployment's, else `velero`.
#[derive(Debug, Clone)]
pub struct VeleroServer {
    pub namespace: String,
    /// Names of Available storage locations.
    pub available_locations: Vec<String>,
}

/// What the mode policy needs of Velero: one discovery request, the server, its locations.
pub async fn inspect(cluster: &Cluster) -> Result<crate::doctor::Velero> {
    crate::doctor::inspect_velero(cluster).await.map_err(|e| {
        anyhow!(
            "cannot tell whether Velero is installed: {}",
            describe_error(&cluster.server, &e)
        )
    })
}

/// The server to hand work to, when the inspection found one ready.
pub fn server_of(velero: &crate::doctor::Velero) -> Option<VeleroServer> {
    velero.ready().then(|| VeleroServer {
        available_locations: velero
            .available_locations()
            .map(|l| l.name.clone())
            .collect(),
        namespace: velero
            .server
            .as_ref()
            .map(|s| s.namespace.clone())
            .unwrap_or_default(),
    })
}

pub async fn submit(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    spec: BackupSpec,
) -> Result<Backup> {
    submit_with(
        cluster,
        &Backup::new(name, namespace, spec),
        &PostParams::default(),
    )
    .await
}

/// [`submit`] of a whole Backup with kubectl's POST parameters (`dry_run`: admitted by the API
/// server, not stored, so Velero never sees it).
pub async fn submit_with(
    cluster: &Cluster,
    backup: &Backup,
    params: &PostParams,
) -> Result<Backup> {
    let namespace = backup.metadata.namespace.clone().unwrap_or_default();
    create_object_with(
        &backups_api(cluster, &namespace),
        &cluster.server,
        "Backup",
        backup,
        "",
        params,
    )
    .await
}

pub async fn get(cluster: &Cluster, namespace: &str, name: &str) -> Result<Option<Backup>> {
    let api = backups_api(cluster, namespace);
    get_object(&api, &cluster.server, "Backup", namespace, name).await
}

/// Creates a Velero object (`kind` names it in errors; `on_clash` is advice for a name taken).
pub(crate) async fn create_object<T: Serialize + DeserializeOwned>(
    api: &Api<DynamicObject>,
    server: &str,
    kind: &str,
    object: &T,
    on_clash: &str,
) -> Result<T> {
    create_object_with(api, server, kind, object, on_clash, &PostParams::default()).await
}

async fn create_object_with<T: Serialize + DeserializeOwned>(
    api: &Api<DynamicObject>,
    server: &str,
    kind: &str,
    object: &T,
    on_clash: &str,
    params: &PostParams,
) -> Result<T> {
    let dynamic: DynamicObject = convert(object)?;
    let name = dynamic.metadata.name.clone().unwrap_or_default();
    let namespace = dynamic.metadata.namespace.clone().unwrap_or_default();
    let created = api.create(params, &dynamic).await.map_err(|e| {
        if crate::kube::is_conflict(&e) {
            anyhow!(
                "a Velero {kind} named {name:?} already exists in namespace {namespace}{on_clash}"
            )
        } else {
            anyhow!(
                "cannot create the Velero {kind} {namespace}/{name}: {}",
                describe_error(server, &e)
            )
        }
    })?;
    convert(&created)
}

/// Reads a Velero object; `None` when it does not exist.
pub(crate) async fn get_object<T: DeserializeOwned>(
    api: &Api<DynamicObject>,
    server: &str,
    kind: &str,
    namespace: &str,
    name: &str,
) -> Result<Option<T>> {
    match api.get(name).await {
        Ok(object) => Ok(Some(convert(&object)?)),
        Err(e) if is_not_found(&e) => Ok(None),
        Err(e) => Err(anyhow!(
            "cannot read the Velero {kind} {namespace}/{name}: {}",
            describe_error(server, &e)
        )),
    }
}

/// Velero Backups in `namespace`; empty when Velero's CRDs are absent.
pub async fn list(cluster: &Cluster, namespace: &str) -> Result<Vec<Backup>> {
    match backups_api(cluster, namespace)
        .list(&ListParams::default())
        .await
    {
        Ok(list) => list.items.iter().map(convert).collect(),
        Err(e) if is_not_found(&e) => Ok(Vec::new()),
        Err(e) => Err(anyhow!(
            "cannot list Velero Backups in {namespace}: {}",
            describe_error(&cluster.server, &e)
        )),
    }
}

/// Polls once a second until the Backup reaches a terminal phase. The bar shows Velero's own
/// `itemsBackedUp / totalItems`.
pub async fn follow(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    show_progress: bool,
    cancel: &CancellationToken,
) -> Result<Backup> {
    follow_object(
        Followed {
            cluster,
            resource: resource("Backup", "backups"),
            namespace,
            name,
        },
        show_progress,
        cancel,
        |backup: &Backup| {
            let phase = backup.phase();
            let progress = backup.status.as_ref().and_then(|s| s.progress.clone());
            FollowState {
                phase: phase.map(BackupPhase::as_str),
                done: progress.as_ref().and_then(|p| p.items_backed_up).unwrap_or(0),
                total: progress.as_ref().and_then(|p| p.total_items).unwrap_or(0),
                terminal: phase.is_some_and(BackupPhase::is_terminal),
            }
        },
        || format!(
            "stopped following; the Velero Backup {namespace}/{name} keeps running on the server (delete it with `kubectl backup snapshot delete {name}`)"
        ),
    )
    .await
}

/// The Velero object to follow.
pub(crate) struct Followed<'a> {
    pub cluster: &'a Cluster,
    pub resource: ApiResource,
    pub namespace: &'a str,
    pub name: &'a str,
}

/// What one poll of a followed Velero object (Backup, Restore) shows.
pub(crate) struct FollowState {
    pub phase: Option<&'static str>,
    pub done: i64,
    pub total: i64,
    pub terminal: bool,
}

/// Polls a Velero object once a second until `state` calls it terminal: a progress bar of
/// Velero's own item counts on a terminal, one line per phase change otherwise (logs, CI).
/// Ctrl-C stops following (the server keeps working) with the error `stopped()` describes.
pub(crate) async fn follow_object<T: DeserializeOwned>(
    followed: Followed<'_>,
    show_progress: bool,
    cancel: &CancellationToken,
    state: impl Fn(&T) -> FollowState,
    stopped: impl FnOnce() -> String,
) -> Result<T> {
    let Followed {
        cluster,
        resource,
        namespace,
        name,
    } = followed;
    let kind = resource.kind.as_str();
    let api: Api<DynamicObject> =
        Api::namespaced_with(cluster.client.clone(), namespace, &resource);
    let bar = show_progress.then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {msg} [{bar:30}] {pos}/{len} items [{elapsed}]",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    });
    let finish = |bar: &Option<indicatif::ProgressBar>| {
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
    };
    let mut last_seen: Option<&'static str> = None;
    loop {
        let object = match api.get(name).await {
            Ok(object) => object,
            Err(e) if is_not_found(&e) => {
                finish(&bar);
                bail!("the Velero {kind} {namespace}/{name} disappeared");
            }
            Err(e) => {
                finish(&bar);
                bail!(
                    "cannot read the Velero {kind} {namespace}/{name}: {}",
                    describe_error(&cluster.server, &e)
                );
            }
        };
        let object: T = convert(&object)?;
        let now = state(&object);
        if let Some(bar) = &bar {
            bar.set_length(now.total.max(now.done).max(0) as u64);
            bar.set_position(now.done.max(0) as u64);
            bar.set_message(now.phase.unwrap_or("New").to_string());
        } else if now.phase.is_some() && now.phase != last_seen {
            eprintln!(
                "{kind} {name}: {} ({}/{} items)",
                now.phase.unwrap_or("New"),
                now.done,
                now.total
            );
            last_seen = now.phase;
        }
        if now.terminal {
            finish(&bar);
            return Ok(object);
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = cancel.cancelled() => {
                finish(&bar);
                return Err(anyhow!(stopped()));
            }
        }
    }
}

/// Asks Velero to delete a backup (volume snapshots, files, the Backup itself).
pub async fn request_delete(cluster: &Cluster, backup: &Backup) -> Result<DeleteBackupRequest> {
    let namespace = backup
        .metadata
        .namespace
        .clone()
        .unwrap_or_else(|| DEFAULT_NAMESPACE.into());
    let request = DeleteBackupRequest::for_backup(backup);
    let api: Api<DynamicObject> = Api::namespaced_with(
        cluster.client.clone(),
        &namespace,
        &resource("DeleteBackupRequest", "deletebackuprequests"),
    );
    let created = api
        .create(&PostParams::default(), &convert(&request)?)
        .await
        .map_err(|e| {
            anyhow!(
                "cannot create a DeleteBackupRequest for {}: {}",
                backup.name(),
                describe_error(&cluster.server, &e)
            )
        })?;
    convert(&created)
}

/// Asks Velero for a presigned URL of one of a backup's files (`BackupContents`,
/// `BackupResults`, `BackupResourceList`, `BackupLog`…) and returns it once the server has
/// answered. Works whatever the location's provider, with no object-store credentials here.
/// How long `describe` waits for Velero to answer a DownloadRequest.
pub(crate) const DOWNLOAD_WAIT: Duration = Duration::from_secs(60);

/// A gzipped JSON file Velero keeps for `name` (`kind`: BackupResults, RestoreResults, …),
/// through a DownloadRequest. `None` when Velero has no such file or it cannot be fetched.
pub(crate) async fn fetch_gz_json<T: DeserializeOwned>(
    cluster: &Cluster,
    namespace: &str,
    kind: &str,
    name: &str,
    wait: Duration,
    cancel: &CancellationToken,
) -> Result<Option<T>> {
    use std::io::Read;
    let url = download_url_within(cluster, namespace, kind, name, wait, cancel).await?;
    let mut body = Vec::new();
    if fetch_url(&url, &mut body).await.is_err() {
        return Ok(None);
    }
    let mut text = Vec::new();
    flate2::read::MultiGzDecoder::new(&body[..])
        .read_to_end(&mut text)
        .map_err(|e| anyhow!("Velero's {kind} for {name} is not valid gzip: {e}"))?;
    Ok(serde_json::from_slice(&text).ok())
}

pub async fn download_url(
    cluster: &Cluster,
    namespace: &str,
    kind: &str,
    backup: &str,
    cancel: &CancellationToken,
) -> Result<String> {
    download_url_within(cluster, namespace, kind, backup, DOWNLOAD_WAIT, cancel).await
}

/// [`download_url`] with a bound on how long Velero may take to answer. `target` names a
/// Backup or, for the `Restore*` kinds, a Restore.
pub async fn download_url_within(
    cluster: &Cluster,
    namespace: &str,
    kind: &str,
    target: &str,
    timeout: Duration,
    cancel: &CancellationToken,
) -> Result<String> {
    use rand::RngExt;
    let suffix: String = (0..8)
        .map(|_| {
            char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[rand::rng().random_range(0..36)])
        })
        .collect();
    let name = format!("{}-{suffix}", target.chars().take(240).collect::<String>());
    let request = serde_json::json!({
        "apiVersion": API_VERSION, "kind": "DownloadRequest",
        "metadata": {"name": name, "namespace": namespace},
        "spec": {"target": {"kind": kind, "name": target}}
    });
    let api: Api<DynamicObject> = Api::namespaced_with(
        cluster.client.clone(),
        namespace,
        &resource("DownloadRequest", "downloadrequests"),
    );
    api.create(&PostParams::default(), &convert(&request)?)
        .await
        .map_err(|e| {
            anyhow!(
                "cannot create a DownloadRequest for {kind} of {target}: {}",
                describe_error(&cluster.server, &e)
            )
        })?;
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        let current = api.get(&name).await.map_err(|e| {
            anyhow!(
                "cannot read DownloadRequest {namespace}/{name}: {}",
                describe_error(&cluster.server, &e)
            )
        })?;
        if let Some(url) = current.data["status"]["downloadURL"]
            .as_str()
            .filter(|u| !u.is_empty())
        {
            return Ok(url.to_string());
        }
        if tokio::time::Instant::now() > deadline {
            bail!(
                "Velero did not answer DownloadRequest {namespace}/{name} within {}s; is the Velero server running? (see `kubectl backup doctor`)",
                timeout.as_secs()
            );
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(250)) => {}
            _ = cancel.cancelled() => bail!("interrupted"),
        }
    }
}

/// Streams a presigned URL into `out`; returns the byte count.
pub async fn fetch_url(url: &str, out: &mut (impl tokio::io::AsyncWrite + Unpin)) -> Result<u64> {
    use futures::TryStreamExt;
    use tokio::io::AsyncWriteExt;
    // Never echo the URL: a presigned URL is a credential for its lifetime.
    let response = reqwest::Client::new().get(url).send().await.map_err(|e| {
        anyhow!(
            "downloading from Velero's presigned URL failed: {}",
            without_url(&e)
        )
    })?;
    if !response.status().is_success() {
        bail!(
            "downloading from Velero's presigned URL failed: HTTP {}",
            response.status()
        );
    }
    let mut stream = response.bytes_stream();
    let mut total = 0u64;
    while let Some(chunk) = stream.try_next().await.map_err(|e| {
        anyhow!(
            "downloading from Velero's presigned URL failed: {}",
            without_url(&e)
        )
    })? {
        out.write_all(&chunk).await?;
        total += chunk.len() as u64;
    }
    out.flush().await?;
    Ok(total)
}

fn without_url(error: &reqwest::Error) -> String {
    let mut root: &dyn std::error::Error = error;
    while let Some(source) = root.source() {
        root = source;
    }
    root.to_string()
}
