//! A bulk-loading bbolt writer: buckets are written one after the other from sorted entries into a
//! fresh, compact file (no free pages, no stored freelist, as etcd's `NoFreelistSync` leaves it),
//! then two meta pages point at the result. bbolt and etcd open it like any file they wrote.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::tree::{PageSink, TreeBuilder, inline_leaf, leaf_size};
use crate::etcd::bbolt::{
    BUCKET_HEADER_SIZE, FLAG_META, LEAF_BUCKET, MAGIC, NO_FREELIST, PAGE_HEADER_SIZE, VERSION,
    fnv1a64,
};

pub struct DbWriter {
    path: PathBuf,
    file: BufWriter<File>,
    page_size: usize,
    next_page: u64,
    /// Top-level entries: bucket name → bucket value (header, plus the page image if inline).
    buckets: Vec<(Vec<u8>, Vec<u8>)>,
}

impl PageSink for DbWriter {
    fn page_size(&self) -> usize {
        self.page_size
    }

    fn write_page(&mut self, page: &mut [u8]) -> Result<u64> {
        let id = self.next_page;
        let pages = page.len() / self.page_size;
        let overflow = u32::try_from(pages - 1).context("value too large for a bbolt page")?;
        page[..8].copy_from_slice(&id.to_ne_bytes());
        page[12..16].copy_from_slice(&overflow.to_ne_bytes());
        self.file
            .write_all(page)
            .with_context(|| format!("cannot write {}", self.path.display()))?;
        self.next_page += pages as u64;
        Ok(id)
    }
}

impl DbWriter {
    /// Creates `path` (which must not exist) for a database of `page_size`-byte pages.
    pub fn create(path: &Path, page_size: usize) -> Result<Self> {
        if page_size < 1024 || !page_size.is_power_of_two() {
            bail!("unsupported bbolt page size {page_size}");
        }
        let file = super::fsutil::create_private_file(path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        let mut file = BufWriter::with_capacity(1 << 20, file);
        // Pages 0 and 1 are the metas, written last once the root is known.
        file.write_all(&vec![0; 2 * page_size])
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(Self {
            path: path.to_path_buf(),
            file,
            page_size,
            next_page: 2,
            buckets: Vec::new(),
        })
    }

    /// Starts a top-level bucket; its entries must then be put in key order.
    pub fn bucket(&mut self, name: &[u8], sequence: u64) -> Result<BucketWriter<'_>> {
        if self.buckets.iter().any(|(n, _)| n == name) {
            bail!("bucket {:?} written twice", String::from_utf8_lossy(name));
        }
        Ok(BucketWriter {
            name: name.to_vec(),
            sequence,
            inline: Some(Vec::new()),
            tree: TreeBuilder::default(),
            entries: 0,
            db: self,
        })
    }

    /// Writes the root tree and both meta pages, then fsyncs. Returns the database size in bytes.
    pub fn finish(mut self, txid: u64) -> Result<u64> {
        self.buckets.sort_by(|a, b| a.0.cmp(&b.0));
        let mut root = TreeBuilder::default();
        for (name, value) in std::mem::take(&mut self.buckets) {
            root.put(&mut self, LEAF_BUCKET, &name, &value)?;
        }
        let root = root.finish(&mut self)?;
        let high_water_mark = self.next_page;
        let file = self
            .file
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("cannot write {}", self.path.display()))?;
        // bbolt keeps the newer meta on page `txid % 2`; the other holds the previous txid.
        let txid = txid.max(2) & !1;
        for (id, txid) in [(0u64, txid), (1, txid - 1)] {
            let page = meta_page(self.page_size, id, root, high_water_mark, txid);
            file.write_all_at(&page, id * self.page_size as u64)
                .with_context(|| format!("cannot write {}", self.path.display()))?;
        }
        file.sync_all()
            .with_context(|| format!("cannot sync {}", self.path.display()))?;
        Ok(high_water_mark * self.page_size as u64)
    }
}

fn meta_page(page_size: usize, id: u64, root: u64, high_water_mark: u64, txid: u64) -> Vec<u8> {
    let mut page = Vec::with_capacity(page_size);
    page.extend_from_slice(&id.to_ne_bytes());
    page.extend_from_slice(&FLAG_META.to_ne_bytes());
    page.extend_from_slice(&[0; 6]);
    page.extend_from_slice(&MAGIC.to_ne_bytes());
    page.extend_from_slice(&VERSION.to_ne_bytes());
    page.extend_from_slice(&(page_size as u32).to_ne_bytes());
    page.extend_from_slice(&0u32.to_ne_bytes()); // flags
    page.extend_from_slice(&root.to_ne_bytes());
    page.extend_from_slice(&0u64.to_ne_bytes()); // root bucket sequence
    page.extend_from_slice(&NO_FREELIST.to_ne_bytes());
    page.extend_from_slice(&high_water_mark.to_ne_bytes());
    page.extend_from_slice(&txid.to_ne_bytes());
    let checksum = fnv1a64(&page[PAGE_HEADER_SIZE..]);
    page.extend_from_slice(&checksum.to_ne_bytes());
    page.resize(page_size, 0);
    page
}

/// Writes one bucket. Entries stay in memory only while the bucket is small enough for bbolt to
/// inline it (a quarter page); past that they stream into pages.
pub struct BucketWriter<'a> {
    db: &'a mut DbWriter,
    name: Vec<u8>,
    sequence: u64,
    inline: Option<Vec<(Vec<u8>, Vec<u8>)>>,
    tree: TreeBuilder,
    entries: u64,
}

impl BucketWriter<'_> {
    pub fn put(&mut self, key: &[u8], value: &[u8]) -> Result<()> {
        if key.is_empty() {
            bail!(
                "empty key in bucket {:?}",
                String::from_utf8_lossy(&self.name)
            );
        }
        self.entries += 1;
        if let Some(pending) = &mut self.inline {
            if let Some((last, _)) = pending.last()
                && key <= last.as_slice()
            {
                bail!(
                    "keys out of order in bucket {:?}: {:?} after {:?}",
                    String::from_utf8_lossy(&self.name),
                    String::from_utf8_lossy(key),
                    String::from_utf8_lossy(last)
                );
            }
            pending.push((key.to_vec(), value.to_vec()));
            let size = leaf_size(pending.iter().map(|(k, v)| (k.as_slice(), v.as_slice())));
            if size <= self.db.page_size / 4 {
                return Ok(());
            }
            for (k, v) in self.inline.take().expect("pending entries") {
                self.tree.put(self.db, 0, &k, &v)?;
            }
            return Ok(());
        }
        self.tree
            .put(self.db, 0, key, value)
            .with_context(|| format!("bucket {:?}", String::from_utf8_lossy(&self.name)))
    }

    pub fn entries(&self) -> u64 {
        self.entries
    }

    /// Bytes of the database file written so far.
    pub fn written_bytes(&self) -> u64 {
        self.db.next_page * self.db.page_size as u64
    }

    /// Ends the bucket: an inline leaf image if it stayed small, else its tree's root page.
    pub fn finish(self) -> Result<u64> {
        let mut value = Vec::with_capacity(BUCKET_HEADER_SIZE);
        match self.inline {
            Some(pending) => {
                value.extend_from_slice(&0u64.to_ne_bytes());
                value.extend_from_slice(&self.sequence.to_ne_bytes());
                value.extend_from_slice(&inline_leaf(&pending));
            }
            None => {
                let root = self.tree.finish(self.db)?;
                value.extend_from_slice(&root.to_ne_bytes());
                value.extend_from_slice(&self.sequence.to_ne_bytes());
            }
        }
        self.db.buckets.push((self.name, value));
        Ok(self.entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::etcd::bbolt::{Db, check};

    fn value_for(i: u32) -> Vec<u8> {
        // Mostly small values, some spanning several pages (overflow pages).
        let len = match i % 997 {
            0 => 20_000,
            1 => 4_090,
            _ => (i % 300) as usize,
        };
        (0..len).map(|j| (i as usize + j) as u8).collect()
    }

    fn write(page_size: usize, big: u32) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let mut db = DbWriter::create(&path, page_size).unwrap();
        db.bucket(b"empty", 0).unwrap().finish().unwrap();
        let mut small = db.bucket(b"small", 7).unwrap();
        small.put(b"k1", b"v1").unwrap();
        small.put(b"k2", b"v2").unwrap();
        assert_eq!(small.finish().unwrap(), 2);
        // Written out of name order on purpose: the root must still be sorted.
        let mut large = db.bucket(b"key", 0).unwrap();
        for i in 0..big {
            large
                .put(format!("{i:08}").as_bytes(), &value_for(i))
                .unwrap();
        }
        assert_eq!(large.finish().unwrap(), u64::from(big));
        db.finish(9).unwrap();
        (dir, path)
    }

    #[test]
    fn round_trips_through_the_reader() {
        for (page_size, big) in [(4096, 30_000), (16384, 5_000), (4096, 1), (4096, 0)] {
            let (_dir, path) = write(page_size, big);
            let db = Db::open(&path).unwrap();
            assert_eq!(check(&db), Vec::<String>::new(), "page size {page_size}");
            assert_eq!(db.page_size(), page_size);
            assert_eq!(db.meta().txid, 8);
            assert_eq!(
                std::fs::metadata(&path).unwrap().len(),
                db.meta().high_water_mark * page_size as u64
            );
            let names: Vec<Vec<u8>> = db.buckets().map(|b| b.unwrap().0.to_vec()).collect();
            assert_eq!(
                names,
                [b"empty".to_vec(), b"key".to_vec(), b"small".to_vec()]
            );

            let small = db.bucket(b"small").unwrap().unwrap();
            assert!(small.is_inline());
            assert_eq!(small.sequence(), 7);
            assert_eq!(small.get(b"k2").unwrap().unwrap().value, b"v2");
            let empty = db.bucket(b"empty").unwrap().unwrap();
            assert_eq!(empty.iter().count(), 0);

            let key = db.bucket(b"key").unwrap().unwrap();
            let mut n = 0;
            for (i, entry) in key.iter().enumerate() {
                let entry = entry.unwrap();
                assert_eq!(entry.key, format!("{i:08}").as_bytes());
                assert_eq!(entry.value, value_for(i as u32).as_slice());
                n += 1;
            }
            assert_eq!(n, big as usize);
            if big > 100 {
                assert!(!key.is_inline());
                let probe = format!("{:08}", big / 2);
                assert_eq!(
                    key.get(probe.as_bytes()).unwrap().unwrap().value,
                    value_for(big / 2).as_slice()
                );
            }
        }
    }

    #[test]
    fn refuses_unsorted_keys_and_existing_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let mut db = DbWriter::create(&path, 4096).unwrap();
        let mut b = db.bucket(b"b", 0).unwrap();
        b.put(b"2", b"").unwrap();
        let error = b.put(b"1", b"").unwrap_err();
        assert!(error.to_string().contains("out of order"), "{error}");
        assert!(DbWriter::create(&path, 4096).is_err());
    }
}
