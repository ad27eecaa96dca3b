//! Reads a Velero backup tarball (ours or Velero's) safely, in one streaming pass:
//!
//! * every entry path is vetted (no absolute paths, no `..`, no links or devices, no duplicates);
//! * truncation is caught (the gzip trailer and CRC must be there, nothing may follow);
//! * our integrity record, when given, is checked entry by entry and against the whole tarball;
//! * every un-versioned item must be a JSON object whose `metadata.name` matches its file.
//!
//! Only when all of that holds does [`Archive::open`] return, so a restore built on it refuses a
//! bad backup before creating anything. Item bodies are spooled to an anonymous temp
//! file and items are indexed by group-resource, namespace and name; item bodies stay on disk
//! and are read on demand (positional reads, so an `Archive` can be shared across threads).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs::File;
use std::io::{self, Read, Write};

use anyhow::{Context, Result, anyhow, bail};
use flate2::read::MultiGzDecoder;
use serde::Deserialize;

use crate::snapshot::integrity::{HashingReader, IntegrityReader, sha256_hex};
use crate::snapshot::layout::{ItemPath, METADATA_VERSION_PATH, RESOURCES_DIR};

/// No Kubernetes object comes near this (etcd refuses values over 1.5 MiB by default); a bigger
/// entry is not an item and would only cost memory.
pub const MAX_ENTRY_BYTES: u64 = 64 << 20;

/// Where one item's JSON sits in the spool file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRef {
    pub name: String,
    offset: u64,
    size: u64,
}

impl ItemRef {
    pub fn size(&self) -> u64 {
        self.size
    }
}

/// Every item of one type (`deployments.apps`) in the backup.
#[derive(Debug, Clone, Default)]
pub struct ResourceIndex {
    /// `apps/v1` as found in the items (empty if the type has only versioned copies).
    pub api_version: String,
    pub kind: String,
    /// The version of the `<ver>-preferredversion/` directory, when present.
    pub preferred_version: Option<String>,
    /// Other version directories (Velero's `EnableAPIGroupVersions`).
    pub other_versions: BTreeSet<String>,
    /// Cluster-scoped items, sorted by name.
    pub cluster: Vec<ItemRef>,
    /// Namespaced items by namespace, each list sorted by name.
    pub namespaces: BTreeMap<String, Vec<ItemRef>>,
}

impl ResourceIndex {
    pub fn is_namespaced(&self) -> bool {
        !self.namespaces.is_empty()
    }

    pub fn len(&self) -> usize {
        self.cluster.len() + self.namespaces.values().map(Vec::len).sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn find(&self, namespace: Option<&str>, name: &str) -> Option<&ItemRef> {
        let list = match namespace {
            Some(ns) => self.namespaces.get(ns)?,
            None => &self.cluster,
        };
        list.binary_search_by(|r| r.name.as_str().cmp(name))
            .ok()
            .map(|i| &list[i])
    }
}

/// One item as the iterator hands it out.
#[derive(Debug, Clone, Copy)]
pub struct ItemHandle<'a> {
    pub group_resource: &'a str,
    pub namespace: Option<&'a str>,
    pub item: &'a ItemRef,
}

/// How the archive was checked, for messages and `describe`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub tarball_sha256: String,
    pub tarball_size: u64,
    pub entries: u64,
    /// True when our integrity record was present and matched.
    pub integrity_checked: bool,
}

#[derive(Debug)]
pub struct Archive {
    spool: File,
    format_version: String,
    resources: BTreeMap<String, ResourceIndex>,
    verification: Verification,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ItemHead {
    #[serde(default)]
    api_version: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    metadata: MetaHead,
}

#[derive(Deserialize, Default)]
struct MetaHead {
    #[serde(default)]
    name: String,
    #[serde(default)]
    namespace: Option<String>,
}

impl Archive {
    /// Reads and checks a whole `<B>.tar.gz`. `integrity` is our record when the backup has one
    /// (`None` for Velero-made backups: the structural checks still apply).
    pub fn open<R: Read, I: Read>(tarball: R, integrity: Option<I>) -> Result<Archive> {
        let spool =
            tempfile::tempfile().context("cannot create a temporary file to unpack the backup")?;
        let mut integrity = integrity.map(IntegrityReader::new);
        let mut spool_writer = io::BufWriter::with_capacity(1 << 20, spool.try_clone()?);
        let mut spooled = 0u64;
        let hashing = HashingReader::new(tarball);
        let mut tar = tar::Archive::new(MultiGzDecoder::new(hashing));
        let mut format_version = None;
        let mut resources: BTreeMap<String, ResourceIndex> = BTreeMap::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut entries = 0u64;

        for entry in tar.entries().map_err(truncated)? {
            let mut entry = entry.map_err(truncated)?;
            let path = vet_path(&entry)?;
            let kind = entry.header().entry_type();
            if kind.is_dir() {
                continue;
            }
            if !(kind.is_file() || kind == tar::EntryType::Continuous) {
                bail!(
                    "the backup is refused: entry {path:?} is a {kind:?}, not a regular file (links and devices are never part of a backup)"
                );
            }
            if !seen.insert(path.clone()) {
                bail!("the backup is refused: entry {path:?} appears twice");
            }
            let size = entry.header().size().map_err(truncated)?;
            if size > MAX_ENTRY_BYTES {
                bail!(
                    "the backup is refused: entry {path:?} is {size} bytes, larger than any Kubernetes object"
                );
            }
            let mut body = Vec::with_capacity(size as usize);
            entry.read_to_end(&mut body).map_err(truncated)?;
            if body.len() as u64 != size {
                return Err(truncated(io::Error::from(io::ErrorKind::UnexpectedEof)));
            }
            entries += 1;
            if let Some(record) = integrity.as_mut() {
                record
                    .check_entry(&path, &sha256_hex(&body), size)
                    .context("the backup is refused")?;
            }
            if path == METADATA_VERSION_PATH {
                format_version = Some(check_format_version(&body)?);
                continue;
            }
            if !path.starts_with(&format!("{RESOURCES_DIR}/")) {
                continue;
            }
            let item_path = ItemPath::parse(&path).context("the backup is refused")?;
            let index = resources
                .entry(item_path.group_resource.clone())
                .or_default();
            match &item_path.version_dir {
                Some(dir) => {
                    match item_path.preferred_version() {
                        Some(v) => index.preferred_version = Some(v.to_string()),
                        None => {
                            index.other_versions.insert(dir.clone());
                        }
                    }
                    continue;
                }
                None => {
                    let head: ItemHead = serde_json::from_slice(&body).map_err(|e| {
                        anyhow!("the backup is refused: {path} is not a valid JSON object: {e}")
                    })?;
                    if head.metadata.name != item_path.name {
                        bail!(
                            "the backup is refused: {path} holds an object named {:?}",
                            head.metadata.name
                        );
                    }
                    if let (Some(ns), Some(want)) = (&head.metadata.namespace, &item_path.namespace)
                        && !ns.is_empty()
                        && ns != want
                    {
                        bail!("the backup is refused: {path} holds an object of namespace {ns:?}");
                    }
                    if head.api_version.is_empty() || head.kind.is_empty() {
                        bail!("the backup is refused: {path} has no apiVersion or kind");
                    }
                    if index.kind.is_empty() {
                        index.api_version = head.api_version;
                        index.kind = head.kind;
                    }
                    // Only the copy restore reads is kept: half the disk of the whole tar.
                    spool_writer.write_all(&body)?;
                    let item = ItemRef {
                        name: item_path.name,
                        offset: spooled,
                        size,
                    };
                    spooled += size;
                    match item_path.namespace {
                        Some(ns) => index.namespaces.entry(ns).or_default().push(item),
                        None => index.cluster.push(item),
                    }
                }
            }
        }

        // Read to the very end so the gzip trailer (CRC, length) is checked and nothing
        // trails it; a cut-off upload fails here even when the cut fell between entries.
        let mut rest = tar.into_inner();
        io::copy(&mut rest, &mut io::sink()).map_err(truncated)?;
        spool_writer.flush()?;
        drop(spool_writer);
        let (tarball_sha256, tarball_size) = rest.into_inner().finish();
        let integrity_checked = match integrity {
            Some(record) => {
                record
                    .finish(&tarball_sha256, tarball_size)
                    .context("the backup is refused")?;
                true
            }
            None => false,
        };
        let format_version = format_version.ok_or_else(|| {
            anyhow!("the backup is refused: it has no metadata/version entry, so it is not a Velero backup tarball")
        })?;
        for index in resources.values_mut() {
            index.cluster.sort_by(|a, b| a.name.cmp(&b.name));
            for list in index.namespaces.values_mut() {
                list.sort_by(|a, b| a.name.cmp(&b.name));
            }
        }
        resources.retain(|_, index| !index.is_empty());
        Ok(Archive {
            spool,
            format_version,
            resources,
            verification: Verification {
                tarball_sha256,
                tarball_size,
                entries,
                integrity_checked,
            },
        })
    }

    /// Opens a tarball on disk, with its integrity record when one is given.
    pub fn open_path(
        tarball: &std::path::Path,
        integrity: Option<&std::path::Path>,
    ) -> Result<Archive> {
        let file =
            File::open(tarball).with_context(|| format!("cannot open {}", tarball.display()))?;
        let record = integrity
            .map(|p| File::open(p).with_context(|| format!("cannot open {}", p.display())))
            .transpose()?;
        Archive::open(io::BufReader::new(file), record.map(io::BufReader::new))
    }

    pub fn format_version(&self) -> &str {
        &self.format_version
    }

    pub fn verification(&self) -> &Verification {
        &self.verification
    }

    /// Types in the backup, by their `resource.group` string, sorted.
    pub fn resources(&self) -> impl Iterator<Item = (&str, &ResourceIndex)> {
        self.resources.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn resource(&self, group_resource: &str) -> Option<&ResourceIndex> {
        self.resources.get(group_resource)
    }

    /// Every namespace that holds at least one item.
    pub fn namespaces(&self) -> BTreeSet<&str> {
        self.resources
            .values()
            .flat_map(|r| r.namespaces.keys().map(String::as_str))
            .collect()
    }

    pub fn item_count(&self) -> usize {
        self.resources.values().map(ResourceIndex::len).sum()
    }

    /// Every item: types sorted, then cluster-scoped items, then namespaces sorted, names sorted.
    pub fn items(&self) -> impl Iterator<Item = ItemHandle<'_>> {
        self.resources.iter().flat_map(|(gr, index)| {
            let cluster = index.cluster.iter().map(move |item| ItemHandle {
                group_resource: gr.as_str(),
                namespace: None,
                item,
            });
            let namespaced = index.namespaces.iter().flat_map(move |(ns, list)| {
                list.iter().map(move |item| ItemHandle {
                    group_resource: gr.as_str(),
                    namespace: Some(ns.as_str()),
                    item,
                })
            });
            cluster.chain(namespaced)
        })
    }

    /// The item's JSON exactly as archived.
    pub fn read_bytes(&self, item: &ItemRef) -> Result<Vec<u8>> {
        use std::os::unix::fs::FileExt;
        let mut body = vec![0u8; item.size as usize];
        self.spool
            .read_exact_at(&mut body, item.offset)
            .with_context(|| format!("cannot read item {} from the unpacked backup", item.name))?;
        Ok(body)
    }

    pub fn read_json(&self, item: &ItemRef) -> Result<serde_json::Value> {
        let body = self.read_bytes(item)?;
        serde_json::from_slice(&body)
            .with_context(|| format!("item {} is not valid JSON", item.name))
    }

    /// Looks one item up: `get("deployments.apps", Some("shop"), "web")`.
    pub fn get(
        &self,
        group_resource: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Result<Option<serde_json::Value>> {
        match self
            .resources
            .get(group_resource)
            .and_then(|r| r.find(namespace, name))
        {
            Some(item) => self.read_json(item).map(Some),
            None => Ok(None),
        }
    }
}

fn truncated(error: io::Error) -> anyhow::Error {
    anyhow!(
        "the backup is refused: the tarball is truncated or corrupt ({error}); it was cut off during upload or download, or modified. Download it again or choose another backup"
    )
}

fn check_format_version(body: &[u8]) -> Result<String> {
    let text = std::str::from_utf8(body)
        .map_err(|_| anyhow!("the backup is refused: metadata/version is not text"))?
        .trim()
        .to_string();
    let major = text.split('.').next().unwrap_or_default();
    if major != "1" {
        bail!("the backup has format version {text:?}; only Velero format 1.x is supported");
    }
    Ok(text)
}

/// Refuses any entry path that could land outside the extraction root or is ambiguous.
fn vet_path<R: Read>(entry: &tar::Entry<'_, R>) -> Result<String> {
    let raw = entry.path_bytes();
    let path = std::str::from_utf8(&raw)
        .map_err(|_| anyhow!("the backup is refused: an entry path is not UTF-8"))?
        .to_string();
    let refuse = |why: &str| anyhow!("the backup is refused: entry {path:?} {why}");
    if path.starts_with('/') || path.starts_with('\\') || path.contains(":\\") {
        return Err(refuse("is an absolute path"));
    }
    if path.contains('\0') || path.contains('\\') {
        return Err(refuse("contains a NUL or backslash"));
    }
    let trimmed = path.strip_suffix('/').unwrap_or(&path);
    for component in trimmed.split('/') {
        match component {
            ".." => return Err(refuse("climbs out of the archive with '..'")),
            "" | "." => return Err(refuse("has an empty or '.' path component")),
            _ => {}
        }
    }
    if entry.link_name_bytes().is_some_and(|link| !link.is_empty()) {
        return Err(refuse("is a link"));
    }
    Ok(trimmed.to_string())
}
