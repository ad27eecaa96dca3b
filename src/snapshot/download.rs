//! Getting a backup's tarball out of a storage location: `snapshot download` writes it next to
//! the user after checking it, and [`open_archive`] hands a verified, indexed [`Archive`] to
//! restore. Either way the bytes stream to disk; nothing is held in memory.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use tokio::io::AsyncWriteExt;

use crate::snapshot::layout::BackupKeys;
use crate::snapshot::tarball::Archive;
use crate::storage::ObjectStore;

/// Streams `key` into a new temp file inside `dir`.
async fn fetch_to_temp(
    store: &ObjectStore,
    key: &str,
    dir: &Path,
) -> Result<tempfile::NamedTempFile> {
    let temp = tempfile::Builder::new()
        .prefix(".kubectl-backup-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let mut reader = store.get(key).await?;
    let mut file = tokio::fs::File::from_std(temp.reopen()?);
    tokio::io::copy(&mut reader, &mut file)
        .await
        .with_context(|| format!("downloading {key} from {} failed", store.location()))?;
    file.flush().await?;
    Ok(temp)
}

/// Downloads the tarball (and our integrity record when present) and checks it fully: paths,
/// truncation, every item's hash. Fails before returning anything usable if any check fails.
pub async fn open_archive(store: &ObjectStore, name: &str) -> Result<Archive> {
    let keys = BackupKeys::new(name);
    if store.head(&keys.tarball()).await?.is_none() {
        bail!(
            "backup {name:?} has no tarball ({}) in {}",
            keys.tarball(),
            store.location()
        );
    }
    let dir = std::env::temp_dir();
    let tarball = fetch_to_temp(store, &keys.tarball(), &dir).await?;
    let record = match store.head(&keys.integrity()).await? {
        Some(_) => Some(fetch_to_temp(store, &keys.integrity(), &dir).await?),
        None => None,
    };
    let archive = tokio::task::spawn_blocking(move || {
        Archive::open_path(tarball.path(), record.as_ref().map(|r| r.path()))
    })
    .await
    .context("the archive reader crashed")?
    .with_context(|| format!("backup {name}"))?;
    Ok(archive)
}

#[derive(Debug)]
pub struct Downloaded {
    pub path: PathBuf,
    pub bytes: u64,
    pub items: usize,
    pub integrity_checked: bool,
}

/// `snapshot download`: `<NAME>-data.tar.gz` (Velero's name) unless a path is given. The file
/// appears only once it was verified; an existing file is kept unless `force`.
pub async fn download(
    store: &ObjectStore,
    name: &str,
    target: Option<&Path>,
    force: bool,
) -> Result<Downloaded> {
    let keys = BackupKeys::new(name);
    if store.head(&keys.tarball()).await?.is_none() {
        bail!("backup {name:?} has no tarball in {}", store.location());
    }
    let path = target_path(name, target, force)?;
    let dir = parent_dir(&path);
    let tarball = fetch_to_temp(store, &keys.tarball(), &dir).await?;
    let record = match store.head(&keys.integrity()).await? {
        Some(_) => Some(fetch_to_temp(store, &keys.integrity(), &std::env::temp_dir()).await?),
        None => None,
    };
    verify_and_keep(name, tarball, record, path).await
}

/// `snapshot download` of a Velero-owned backup whose location this machine cannot read:
/// Velero hands out a presigned URL through a DownloadRequest.
pub async fn download_via_velero(
    cluster: &crate::kube::Cluster,
    namespace: &str,
    name: &str,
    target: Option<&Path>,
    force: bool,
    cancel: &tokio_util::sync::CancellationToken,
) -> Result<Downloaded> {
    let path = target_path(name, target, force)?;
    let url = crate::snapshot::velero_mode::download_url(
        cluster,
        namespace,
        "BackupContents",
        name,
        cancel,
    )
    .await?;
    let temp = tempfile::Builder::new()
        .prefix(".kubectl-backup-")
        .tempfile_in(parent_dir(&path))
        .context("cannot create a temporary file for the download")?;
    let mut file = tokio::fs::File::from_std(temp.reopen()?);
    crate::snapshot::velero_mode::fetch_url(&url, &mut file).await?;
    verify_and_keep(name, temp, None, path).await
}

fn target_path(name: &str, target: Option<&Path>, force: bool) -> Result<PathBuf> {
    let path = target.map_or_else(
        || PathBuf::from(format!("{name}-data.tar.gz")),
        Path::to_path_buf,
    );
    if path.exists() && !force {
        bail!(
            "{} already exists; pass --force to overwrite it",
            path.display()
        );
    }
    Ok(path)
}

fn parent_dir(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Checks the downloaded tarball fully, then moves it into place; on failure it is removed.
async fn verify_and_keep(
    name: &str,
    tarball: tempfile::NamedTempFile,
    record: Option<tempfile::NamedTempFile>,
    path: PathBuf,
) -> Result<Downloaded> {
    let (tarball, archive) = tokio::task::spawn_blocking(move || {
        let archive = Archive::open_path(tarball.path(), record.as_ref().map(|r| r.path()));
        (tarball, archive)
    })
    .await
    .context("the archive reader crashed")?;
    let archive =
        archive.with_context(|| format!("backup {name}: the downloaded tarball was not kept"))?;
    let bytes = archive.verification().tarball_size;
    tarball
        .persist(&path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Downloaded {
        path,
        bytes,
        items: archive.item_count(),
        integrity_checked: archive.verification().integrity_checked,
    })
}
