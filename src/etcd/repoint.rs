//! Pointing a kubeadm etcd static pod at a restored data dir: only
//! `volumes[etcd-data].hostPath.path` changes (the container path and `--data-dir` stay), the
//! rest of the manifest is kept byte for byte, the old manifest is copied outside the manifests
//! folder (kubelet would run a copy left inside it), and the new one is renamed into place.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::etcd::bbolt::Db;
use crate::etcd::kubeadm::EtcdPodConfig;
use crate::etcd::restore::ids;

/// What a repoint changes, computed without touching anything.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RepointPlan {
    pub manifest: PathBuf,
    pub volume: String,
    pub old_host_path: String,
    pub new_host_path: String,
    /// Member this data dir was restored for, when it could be read.
    pub restored_member: Option<String>,
    #[serde(skip)]
    pub old_text: String,
    #[serde(skip)]
    pub new_text: String,
}

impl RepointPlan {
    pub fn is_noop(&self) -> bool {
        self.old_text == self.new_text
    }

    /// A unified diff of the manifest change.
    pub fn diff(&self) -> String {
        unified_diff(
            &self.manifest.display().to_string(),
            &self.old_text,
            &self.new_text,
        )
    }
}

/// Reads the manifest, checks that `data_dir` is a restored data dir for this member, and
/// prepares the edited manifest text.
pub fn plan(manifest: &Path, data_dir: &Path) -> Result<RepointPlan> {
    check_host_path(data_dir)?;
    let old_text = std::fs::read_to_string(manifest)
        .with_context(|| format!("cannot read etcd manifest {}", manifest.display()))?;
    let config = EtcdPodConfig::from_manifest_str(&old_text)
        .with_context(|| format!("etcd manifest {}", manifest.display()))?;
    let Some(volume) = config.data_volume.clone() else {
        bail!(
            "{}: no hostPath volume is mounted at etcd's --data-dir {}; nothing to repoint",
            manifest.display(),
            config.data_dir
        );
    };
    if Path::new(&config.data_dir) != Path::new(&volume.mount_path) {
        bail!(
            "{}: etcd's --data-dir {} is below the mount {} of volume {}; change the manifest by hand",
            manifest.display(),
            config.data_dir,
            volume.mount_path,
            volume.name
        );
    }
    let restored_member = check_restored_for(&config, data_dir)?;
    let new_host_path = data_dir.to_str().expect("checked UTF-8").to_string();
    let span = host_path_span(&old_text, &volume.name)
        .with_context(|| format!("etcd manifest {}", manifest.display()))?;
    let mut new_text = String::with_capacity(old_text.len() + new_host_path.len());
    new_text.push_str(&old_text[..span.start]);
    new_text.push_str(&yaml_scalar(&new_host_path));
    new_text.push_str(&old_text[span.end..]);
    // The edit must change exactly what it means to.
    let check = EtcdPodConfig::from_manifest_str(&new_text)?;
    if check.data_volume.as_ref().map(|v| v.host_path.as_str()) != Some(new_host_path.as_str()) {
        bail!("internal error: the edited manifest does not point at {new_host_path}");
    }
    Ok(RepointPlan {
        manifest: manifest.to_path_buf(),
        volume: volume.name,
        old_host_path: volume.host_path,
        new_host_path,
        restored_member,
        old_text,
        new_text,
    })
}

/// Copies the old manifest into `backup_dir` (which must not be the manifests folder), then
/// writes the new one atomically. Returns the backup's path.
pub fn apply(plan: &RepointPlan, backup_dir: &Path) -> Result<PathBuf> {
    let manifests = plan
        .manifest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if same_dir(backup_dir, manifests) {
        bail!(
            "the backup cannot go into {}: kubelet runs every manifest there and would start a \
             second etcd; choose another --backup-dir",
            manifests.display()
        );
    }
    std::fs::create_dir_all(backup_dir)
        .with_context(|| format!("cannot create {}", backup_dir.display()))?;
    let file_name = plan
        .manifest
        .file_name()
        .map_or_else(|| "etcd.yaml".into(), |n| n.to_string_lossy().into_owned());
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let backup = backup_dir.join(format!("{file_name}.{stamp}.bak"));
    let permissions = std::fs::metadata(&plan.manifest)
        .with_context(|| format!("cannot read {}", plan.manifest.display()))?
        .permissions();
    write_new(&backup, &plan.old_text, permissions.clone())?;

    // Staged outside the manifests folder so kubelet never sees a half-written pod.
    let staged = tempfile::Builder::new()
        .prefix(&format!(".{file_name}.repoint-"))
        .tempfile_in(backup_dir)
        .with_context(|| format!("cannot create a temporary file in {}", backup_dir.display()))?;
    std::fs::write(staged.path(), &plan.new_text)
        .and_then(|()| std::fs::set_permissions(staged.path(), permissions))
        .and_then(|()| staged.as_file().sync_all())
        .with_context(|| format!("cannot write {}", staged.path().display()))?;
    staged
        .persist(&plan.manifest)
        .map_err(|e| e.error)
        .with_context(|| {
            format!(
                "cannot replace {} (the backup {} is intact)",
                plan.manifest.display(),
                backup.display()
            )
        })?;
    if let Ok(dir) = std::fs::File::open(manifests) {
        let _ = dir.sync_all();
    }
    Ok(backup)
}

fn write_new(path: &Path, text: &str, permissions: std::fs::Permissions) -> Result<()> {
    use std::io::Write;
    let mut file = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.set_permissions(permissions))
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", path.display()))
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn check_host_path(path: &Path) -> Result<()> {
    if !path.is_absolute() {
        bail!(
            "--data-dir {} must be an absolute path (it becomes a hostPath)",
            path.display()
        );
    }
    if path.components().any(|c| matches!(c, Component::ParentDir)) {
        bail!(
            "--data-dir {} contains `..`; give the resolved path",
            path.display()
        );
    }
    if path.to_str().is_none() {
        bail!("--data-dir {} is not valid UTF-8", path.display());
    }
    Ok(())
}

/// The data dir must be a restore for the member this manifest runs: the member ID etcd derives
/// from the manifest's peer URLs and token must be in the restored `members` bucket. Pointing
/// etcd at anything else ends in a crash loop ("member unknown") or a brand-new empty cluster.
fn check_restored_for(config: &EtcdPodConfig, data_dir: &Path) -> Result<Option<String>> {
    let db_path = data_dir.join("member/snap/db");
    if !data_dir.join("member/wal").is_dir() || !db_path.is_file() {
        bail!(
            "{} is not a restored etcd data dir (no member/wal and member/snap/db); run \
             `kubectl backup etcd restore FILE --data-dir {} --from-manifest` first",
            data_dir.display(),
            data_dir.display()
        );
    }
    let db = Db::open(&db_path).with_context(|| format!("cannot read {}", db_path.display()))?;
    let expected = ids::id_string(ids::member_id(
        &config.initial_advertise_peer_urls,
        &config.initial_cluster_token,
    ));
    let mut restored = Vec::new();
    if let Some(members) = db.bucket(b"members")? {
        for entry in members.iter() {
            let entry = entry?;
            let id = String::from_utf8_lossy(entry.key).into_owned();
            if id == expected {
                return Ok(Some(format!("{} ({id})", config.name)));
            }
            let name = serde_json::from_slice::<serde_json::Value>(entry.value)
                .ok()
                .and_then(|v| v.get("name")?.as_str().map(str::to_string))
                .unwrap_or_default();
            restored.push(format!("{name} ({id})"));
        }
    }
    bail!(
        "{} was restored for member(s) {} but this manifest runs {} with peer URLs {} and token {}, \
         which is member {expected}: etcd would crash-loop with \"member unknown\". Restore again \
         with --from-manifest",
        data_dir.display(),
        if restored.is_empty() {
            "<none>".into()
        } else {
            restored.join(", ")
        },
        config.name,
        config.initial_advertise_peer_urls.join(","),
        config.initial_cluster_token
    )
}

#[derive(Deserialize)]
struct SpannedPod {
    spec: SpannedSpec,
}

#[derive(Deserialize)]
struct SpannedSpec {
    #[serde(default)]
    volumes: Vec<SpannedVolume>,
}

#[derive(Deserialize)]
struct SpannedVolume {
    name: String,
    #[serde(rename = "hostPath")]
    host_path: Option<SpannedHostPath>,
}

#[derive(Deserialize)]
struct SpannedHostPath {
    path: Spanned<String>,
}

/// Byte range of the `hostPath.path` scalar of volume `name` in the manifest text.
fn host_path_span(text: &str, name: &str) -> Result<std::ops::Range<usize>> {
    let pod: SpannedPod = serde_saphyr::from_str(text)
        .map_err(|e| anyhow::anyhow!("not a valid Pod manifest: {e}"))?;
    let volume = pod
        .spec
        .volumes
        .iter()
        .find(|v| v.name == name)
        .and_then(|v| v.host_path.as_ref())
        .with_context(|| format!("volume {name} has no hostPath"))?;
    let span = volume.path.referenced.span();
    let (Some(start), Some(len)) = (span.byte_offset(), span.byte_len()) else {
        bail!("cannot locate volume {name}'s hostPath in the text");
    };
    let range = start as usize..(start + len) as usize;
    let found = text.get(range.clone()).unwrap_or_default();
    if !found.contains(volume.path.value.as_str()) {
        bail!("cannot locate volume {name}'s hostPath in the text (found {found:?})");
    }
    Ok(range)
}

/// A path as a YAML scalar: plain when safe, double-quoted otherwise.
fn yaml_scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '+' | '@'));
    if plain {
        value.to_string()
    } else {
        serde_json::to_string(value).expect("string JSON")
    }
}

/// A minimal unified diff (3 lines of context) between two versions of one file.
fn unified_diff(name: &str, old: &str, new: &str) -> String {
    let old: Vec<&str> = old.lines().collect();
    let new: Vec<&str> = new.lines().collect();
    let mut out = format!("--- {name}\n+++ {name} (repointed)\n");
    // The edit replaces one scalar, so the common prefix and suffix hold everything else.
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    if prefix == old.len() && prefix == new.len() {
        return out;
    }
    let start = prefix.saturating_sub(3);
    let old_end = (old.len() - suffix + 3).min(old.len());
    let new_end = (new.len() - suffix + 3).min(new.len());
    out.push_str(&format!(
        "@@ -{},{} +{},{} @@\n",
        start + 1,
        old_end - start,
        start + 1,
        new_end - start
    ));
    for line in &old[start..prefix] {
        out.push_str(&format!(" {line}\n"));
    }
    for line in &old[prefix..old.len() - suffix] {
        out.push_str(&format!("-{line}\n"));
    }
    for line in &new[prefix..new.len() - suffix] {
        out.push_str(&format!("+{line}\n"));
    }
    for line in &old[old.len() - suffix..old_end] {
        out.push_str(&format!(" {line}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::etcd::restore::{MembershipFlags, RestoreOptions, restore};

    const MANIFEST: &str = include_str!("../../tests/data/etcd/etcd.yaml");
    const SNAPSHOT: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/etcd/small-3.4.db"
    );

    fn restored(dir: &Path, name: &str, url: &str) -> PathBuf {
        let data_dir = dir.join(format!("restored-{name}"));
        restore(
            &RestoreOptions {
                snapshot: SNAPSHOT.into(),
                data_dir: data_dir.clone(),
                membership: MembershipFlags {
                    name: name.into(),
                    initial_cluster: format!("{name}={url}"),
                    initial_cluster_token: "etcd-cluster".into(),
                    initial_advertise_peer_urls: url.into(),
                },
                skip_hash_check: false,
                bump_revision: 0,
                mark_compacted: false,
            },
            Default::default(),
        )
        .unwrap();
        data_dir
    }

    #[test]
    fn repoints_only_the_host_path_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let manifests = dir.path().join("manifests");
        std::fs::create_dir(&manifests).unwrap();
        let manifest = manifests.join("etcd.yaml");
        std::fs::write(&manifest, MANIFEST).unwrap();
        let data_dir = restored(dir.path(), "cp-1", "https://10.0.0.11:2380");

        let plan = plan(&manifest, &data_dir).unwrap();
        assert_eq!(plan.volume, "etcd-data");
        assert_eq!(plan.old_host_path, "/var/lib/etcd");
        assert!(!plan.is_noop());
        let diff = plan.diff();
        assert!(diff.contains("\n-      path: /var/lib/etcd\n"), "{diff}");
        assert!(
            diff.contains(&format!("\n+      path: {}\n", data_dir.display())),
            "{diff}"
        );
        assert_eq!(
            diff.lines().filter(|l| l.starts_with(['-', '+'])).count(),
            4,
            "{diff}"
        );
        // The container side is untouched.
        assert!(plan.new_text.contains("- --data-dir=/var/lib/etcd\n"));
        assert!(plan.new_text.contains("- mountPath: /var/lib/etcd\n"));

        // Inside the manifests folder kubelet would run the backup as a second etcd.
        assert!(apply(&plan, &manifests).is_err());
        assert_eq!(std::fs::read_to_string(&manifest).unwrap(), MANIFEST);

        let backup = apply(&plan, dir.path()).unwrap();
        assert_eq!(std::fs::read_to_string(&backup).unwrap(), MANIFEST);
        assert_eq!(std::fs::read_to_string(&manifest).unwrap(), plan.new_text);
        let after = EtcdPodConfig::from_manifest_file(&manifest).unwrap();
        assert_eq!(after.host_data_dir(), Some(data_dir.clone()));
        assert_eq!(std::fs::read_dir(&manifests).unwrap().count(), 1);

        // Running it again changes nothing.
        assert!(super::plan(&manifest, &data_dir).unwrap().is_noop());
    }

    #[test]
    fn refuses_a_dir_restored_for_another_member() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("etcd.yaml");
        std::fs::write(&manifest, MANIFEST).unwrap();
        let wrong = restored(dir.path(), "default", "http://localhost:2380");
        let error = format!("{:#}", plan(&manifest, &wrong).unwrap_err());
        assert!(error.contains("member unknown"), "{error}");
        assert!(error.contains("default (8e9e05c52164694d)"), "{error}");

        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        let error = format!("{:#}", plan(&manifest, &empty).unwrap_err());
        assert!(error.contains("not a restored etcd data dir"), "{error}");
        let error = format!("{:#}", plan(&manifest, Path::new("relative")).unwrap_err());
        assert!(error.contains("absolute"), "{error}");
    }

    #[test]
    fn quoted_and_flow_style_paths_are_replaced_in_place() {
        let text = "kind: Pod\nspec:\n  containers:\n  - name: etcd\n    command: [etcd, --data-dir=/d]\n    \
                    volumeMounts: [{name: etcd-data, mountPath: /d}]\n  volumes:\n  - {name: etcd-data, \
                    hostPath: {path: \"/old dir\", type: DirectoryOrCreate}}\n";
        let span = host_path_span(text, "etcd-data").unwrap();
        assert!(text[span.clone()].contains("/old dir"));
        let mut new = text.to_string();
        new.replace_range(span, &yaml_scalar("/new dir"));
        let config = EtcdPodConfig::from_manifest_str(&new).unwrap();
        assert_eq!(config.data_volume.unwrap().host_path, "/new dir");
        assert!(new.contains("type: DirectoryOrCreate"));
    }
}
