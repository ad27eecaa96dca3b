//! Writes `<B>.tar.gz` in Velero's format 1.1.0, one item at a time, straight into any
//! `Write` (the multipart upload's pipe): `metadata/version` first, then each item twice (the
//! un-versioned path restore reads and the `<ver>-preferredversion/` copy), regular files only,
//! mode 0755, mtime = now. Beside it, the integrity record and the resource list accumulate.

use std::collections::BTreeMap;
use std::io::{self, Write};

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::snapshot::integrity::{HashingWriter, IntegrityWriter, sha256_hex};
use crate::snapshot::layout::{ItemPath, METADATA_VERSION_PATH, qualified_name};
use crate::snapshot::types::FORMAT_VERSION;

/// One object, ready to be archived: its place and its compact JSON body (with `apiVersion`
/// and `kind` filled in).
#[derive(Debug, Clone)]
pub struct ArchivedItem {
    pub path: ItemPath,
    /// The server-preferred version the object was read at (`v1`), for the preferred copy.
    pub version: String,
    /// `apps/v1`, `v1`.
    pub api_version: String,
    pub kind: String,
    pub body: Vec<u8>,
}

/// What `<B>-resource-list.json.gz` holds: `{"<apiVersion>/<Kind>": ["ns/name", …]}`, sorted.
pub type ResourceList = BTreeMap<String, Vec<String>>;

pub struct TarballWriter<W: Write, I: Write> {
    tar: tar::Builder<GzEncoder<HashingWriter<W>>>,
    integrity: IntegrityWriter<I>,
    mtime: u64,
    resource_list: ResourceList,
    items: u64,
    raw_bytes: u64,
}

/// A finished tarball: the sinks handed back, and what was written.
pub struct WrittenTarball<W, I> {
    pub out: W,
    pub integrity: I,
    pub sha256: String,
    pub size: u64,
    pub items: u64,
    /// Bytes of JSON archived (each item counted once).
    pub raw_bytes: u64,
    pub resource_list: ResourceList,
}

impl<W: Write, I: Write> TarballWriter<W, I> {
    pub fn new(out: W, integrity: I) -> io::Result<Self> {
        let gz = GzEncoder::new(HashingWriter::new(out), Compression::fast());
        let mut tar = tar::Builder::new(gz);
        tar.mode(tar::HeaderMode::Complete);
        let mut writer = TarballWriter {
            tar,
            integrity: IntegrityWriter::new(integrity),
            mtime: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            resource_list: ResourceList::new(),
            items: 0,
            raw_bytes: 0,
        };
        let version = format!("{FORMAT_VERSION}\n");
        let sha = sha256_hex(version.as_bytes());
        writer.append(METADATA_VERSION_PATH, version.as_bytes(), &sha)?;
        Ok(writer)
    }

    pub fn add(&mut self, item: &ArchivedItem) -> io::Result<()> {
        let sha = sha256_hex(&item.body);
        self.append(&item.path.to_entry_path(), &item.body, &sha)?;
        let copy = item.path.preferred_copy(&item.version);
        self.append(&copy.to_entry_path(), &item.body, &sha)?;
        self.items += 1;
        self.raw_bytes += item.body.len() as u64;
        self.resource_list
            .entry(format!("{}/{}", item.api_version, item.kind))
            .or_default()
            .push(qualified_name(
                item.path.namespace.as_deref(),
                &item.path.name,
            ));
        Ok(())
    }

    pub fn items(&self) -> u64 {
        self.items
    }

    fn append(&mut self, path: &str, body: &[u8], sha: &str) -> io::Result<()> {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(tar::EntryType::Regular);
        header.set_mode(0o755);
        header.set_mtime(self.mtime);
        header.set_size(body.len() as u64);
        self.tar.append_data(&mut header, path, body)?;
        self.integrity.entry(path, sha, body.len() as u64)
    }

    pub fn finish(self) -> io::Result<WrittenTarball<W, I>> {
        let gz = self.tar.into_inner()?;
        let hashing = gz.finish()?;
        let (mut out, sha256, size) = hashing.finish();
        out.flush()?;
        let integrity = self.integrity.finish(&sha256, size)?;
        let mut resource_list = self.resource_list;
        for names in resource_list.values_mut() {
            names.sort();
        }
        Ok(WrittenTarball {
            out,
            integrity,
            sha256,
            size,
            items: self.items,
            raw_bytes: self.raw_bytes,
            resource_list,
        })
    }
}
