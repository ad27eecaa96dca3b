//! Getting a backup's tarball out of a storage location: `snapshot download` writes it next to
//! the user after checking it, and [`open_archive`] hands a verified, indexed [`Archive`] to
//! restore. Either way the bytes stream to disk; nothing is held in memory.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use tokio::io::AsyncWriteExt;

use crate::snapshot::layout::{BackupKeys, INTEGRITY_SHA256_ANNOTATION, TARBALL_SHA256_ANNOTATION};
use crate::snapshot::list::Listed;
use crate::snapshot::tarball::Archive;
use crate::snapshot::types::{Backup, FORMAT_VERSION};
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

/// What a backup must pass before its tarball is read for a restore or a download: it is
/// complete (`velero-backup.json` exists and agrees with the files) unless `allow_incomplete`,
/// and its format version is one we read. Warnings go to stderr.
pub fn check_before_reading(listed: &Listed, allow_incomplete: bool) -> Result<()> {
    listed.require_complete(allow_incomplete)?;
    let version = listed
        .backup
        .as_ref()
        .and_then(|b| b.status.as_ref())
        .and_then(|s| s.format_version.as_deref());
    if let Some(version) = version
        && let Some(warning) = check_format_version(&listed.name, version)?
    {
        eprintln!("warning: {warning}");
    }
    Ok(())
}

/// Velero's backup format is versioned `major.minor.patch` (`status.formatVersion`, and
/// `metadata/version` in the tarball; Velero writes 1.1.0). Minor versions only add to the
/// layout (1.1.0 added the `-preferredversion` directories), so a newer 1.x is read with a
/// warning that what it added is ignored; another major version lays the tarball out in a way
/// this version does not know, so it is refused (the tarball reader refuses it too).
pub fn check_format_version(name: &str, version: &str) -> Result<Option<String>> {
    let parts: Vec<Option<u64>> = version.trim().split('.').map(|p| p.parse().ok()).collect();
    let (ours_major, ours_minor) = (1, 1);
    match parts.as_slice() {
        [Some(major), Some(minor), rest @ ..] if rest.iter().all(Option::is_some) => {
            if *major != ours_major {
                bail!(
                    "backup {name} has format version {version}, a major version this kubectl-backup cannot read (it reads Velero format 1.x, up to {FORMAT_VERSION}): refused, nothing was read or changed. Use a kubectl-backup or Velero release that supports format {version}"
                );
            }
            Ok((*minor > ours_minor).then(|| {
                format!(
                    "backup {name} has format version {version}, newer than {FORMAT_VERSION} (the newest this kubectl-backup knows): it is read as {FORMAT_VERSION}, and whatever the newer format added is ignored"
                )
            }))
        }
        _ => bail!(
            "backup {name} has format version {version:?}, which is not a version (expected major.minor.patch, e.g. {FORMAT_VERSION}): refused"
        ),
    }
}

/// What `velero-backup.json` commits (our backups only): the SHA-256 of the tarball and of the
/// integrity record.
#[derive(Debug, Default)]
struct Committed {
    tarball: Option<String>,
    integrity: Option<String>,
}

async fn committed(store: &ObjectStore, keys: &BackupKeys) -> Result<Committed> {
    if store.head(&keys.metadata()).await?.is_none() {
        return Ok(Committed::default());
    }
    let bytes = store.get_bytes(&keys.metadata()).await?;
    let annotations = serde_json::from_slice::<Backup>(&bytes)
        .ok()
        .and_then(|b| b.metadata.annotations)
        .unwrap_or_default();
    Ok(Committed {
        tarball: annotations.get(TARBALL_SHA256_ANNOTATION).cloned(),
        integrity: annotations.get(INTEGRITY_SHA256_ANNOTATION).cloned(),
    })
}

/// The integrity record, downloaded, must be the one `velero-backup.json` names.
fn check_committed_record(
    name: &str,
    record: Option<&tempfile::NamedTempFile>,
    committed: Option<&str>,
) -> Result<()> {
    let (Some(record), Some(committed)) = (record, committed) else {
        return Ok(());
    };
    use sha2::Digest;
    let mut hasher = sha2::Sha256::new();
    // sha2 0.11 hashers are no io::Write: feed the digest from a buffer.
    let mut file = std::fs::File::open(record.path())?;
    let mut buffer = vec![0; 1 << 16];
    loop {
        let read = std::io::Read::read(&mut file, &mut buffer)?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    let actual = hex::encode(hasher.finalize());
    if actual != committed {
        bail!(
            "backup {name} is corrupt: its integrity record's SHA-256 is {actual} but velero-backup.json records {committed} (the record was replaced or belongs to another run)"
        );
    }
    Ok(())
}

fn check_committed(name: &str, archive: &Archive, committed: Option<&str>) -> Result<()> {
    let actual = &archive.verification().tarball_sha256;
    if let Some(committed) = committed
        && committed != actual
    {
        bail!(
            "backup {name} is corrupt: its tarball's SHA-256 is {actual} but velero-backup.json records {committed} (the tarball was replaced or belongs to another run)"
        );
    }
    Ok(())
}

/// Downloads the tarball (and our integrity record when present) and checks it fully: paths,
/// truncation, every item's hash, and the tarball's SHA-256 against the one `velero-backup.json`
/// commits. Fails before returning anything usable if any check fails. Completeness and the
/// format version are checked before, by [`check_before_reading`].
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
    let committed = committed(store, &keys).await?;
    check_committed_record(name, record.as_ref(), committed.integrity.as_deref())?;
    let archive = tokio::task::spawn_blocking(move || {
        Archive::open_path(tarball.path(), record.as_ref().map(|r| r.path()))
    })
    .await
    .context("the archive reader crashed")?
    .with_context(|| format!("backup {name}"))?;
    check_committed(name, &archive, committed.tarball.as_deref())?;
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
    let committed = committed(store, &keys).await?;
    check_committed_record(name, record.as_ref(), committed.integrity.as_deref())
        .context("the downloaded tarball was not kept")?;
    verify_and_keep(name, tarball, record, path, committed.tarball).await
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
    verify_and_keep(name, temp, None, path, None).await
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
    committed_sha256: Option<String>,
) -> Result<Downloaded> {
    let (tarball, archive) = tokio::task::spawn_blocking(move || {
        let archive = Archive::open_path(tarball.path(), record.as_ref().map(|r| r.path()));
        (tarball, archive)
    })
    .await
    .context("the archive reader crashed")?;
    let archive =
        archive.with_context(|| format!("backup {name}: the downloaded tarball was not kept"))?;
    check_committed(name, &archive, committed_sha256.as_deref())
        .context("the downloaded tarball was not kept")?;
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

#[cfg(test)]
mod tests {
    use super::check_format_version;

    #[test]
    fn format_versions() {
        assert_eq!(check_format_version("b", "1.1.0").unwrap(), None);
        assert_eq!(check_format_version("b", "1.0.0").unwrap(), None);
        let newer = check_format_version("b", "1.4.0").unwrap().unwrap();
        assert!(newer.contains("newer than 1.1.0"), "{newer}");
        for refused in ["9.9.9", "2.0.0", "0.9.0", "x", "1", ""] {
            let err = check_format_version("b", refused).unwrap_err().to_string();
            assert!(
                err.contains("backup b has format version"),
                "{refused}: {err}"
            );
        }
    }
}
