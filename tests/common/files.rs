//! Where tests find their data files and where the plugin keeps local backups.

use std::path::{Path, PathBuf};

use kubectl_backup::snapshot::tarball::Archive;
use kubectl_backup_testbed::Backend;
use kubectl_backup_testbed::s3::S3Server;

/// `tests/data/<path>`.
pub fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

/// The local default location: under the backend's own HOME.
pub fn local_root(backend: &impl Backend) -> PathBuf {
    backend.home_dir().join(".local/share/kubectl-backup")
}

/// The directory of backup `name` in the local default location.
pub fn backup_dir(backend: &impl Backend, name: &str) -> PathBuf {
    local_root(backend).join("backups").join(name)
}

/// Every file under `dir`, at any depth (s3s-fs may keep empty directories: they are not listed).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found
}

/// The tarball of backup `name` in `dir`, checked against its integrity record.
pub fn open_archive(dir: &Path, name: &str) -> Archive {
    Archive::open_path(
        &dir.join(format!("{name}.tar.gz")),
        Some(&dir.join(format!("{name}-kubectl-backup-integrity.json.gz"))),
    )
    .unwrap()
}

/// The objects the in-process S3 server holds in its bucket `bucket`: the files s3s-fs keeps,
/// without its hidden metadata files.
pub fn bucket_objects(s3: &S3Server) -> Vec<PathBuf> {
    files_under(&s3.root().join("bucket"))
        .into_iter()
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect()
}
