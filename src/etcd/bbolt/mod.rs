//! A read-only, zero-copy reader for bbolt files: etcd's `member/snap/db` and the body of every
//! `etcdctl snapshot save` file. The file is memory-mapped and never written; keys and values
//! are borrowed straight from the map.
//!
//! ```no_run
//! # fn main() -> Result<(), kubectl_backup::etcd::bbolt::Error> {
//! use kubectl_backup::etcd::bbolt::Db;
//! let db = Db::open("snapshot.db")?;
//! if let Some(meta) = db.bucket(b"meta")? {
//!     for entry in meta.iter() {
//!         let entry = entry?;
//!         println!("{:?} = {:?}", entry.key, entry.value);
//!     }
//! }
//! # Ok(()) }
//! ```

mod check;
mod error;
mod meta;
mod page;

use std::path::{Path, PathBuf};

pub use check::check;
pub use error::{Error, Result};
pub use meta::{MAGIC, META_SIZE, Meta, NO_FREELIST, VERSION, fnv1a64};
pub use page::{
    BUCKET_HEADER_SIZE, ByteOrder, ELEMENT_SIZE, FLAG_BRANCH, FLAG_FREELIST, FLAG_LEAF, FLAG_META,
    LEAF_BUCKET, PAGE_HEADER_SIZE, PageHeader,
};
use page::{LeafElement, Node};

/// Deeper trees than this are corrupt (a cycle); real ones are a handful of levels.
const MAX_DEPTH: usize = 64;

enum Storage {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

/// An open bbolt database, read-only.
pub struct Db {
    storage: Storage,
    path: PathBuf,
    meta: Meta,
    order: ByteOrder,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("path", &self.path)
            .field("meta", &self.meta)
            .field("order", &self.order)
            .finish()
    }
}

impl Db {
    /// Maps `path` read-only. The file is never modified (an old `etcdctl snapshot status`
    /// reopened snapshots read-write and broke their hash; this reader cannot).
    pub fn open(path: impl AsRef<Path>) -> Result<Db> {
        let path = path.as_ref().to_path_buf();
        let io = |source| Error::Io {
            path: path.clone(),
            source,
        };
        let file = std::fs::File::open(&path).map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        if len == 0 {
            return Err(Error::NotBbolt(format!("{} is empty", path.display())));
        }
        // SAFETY: the map is read-only and private to this process. Another process truncating
        // the file while we read it would fault; snapshots are not written once saved.
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(io)?;
        #[cfg(unix)]
        let _ = map.advise(memmap2::Advice::WillNeed);
        Db::new(Storage::Mapped(map), path)
    }

    /// A database held in memory (tests, or bytes just produced by a writer).
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Db> {
        Db::new(Storage::Owned(bytes), PathBuf::from("<memory>"))
    }

    fn new(storage: Storage, path: PathBuf) -> Result<Db> {
        let data: &[u8] = match &storage {
            Storage::Mapped(m) => m,
            Storage::Owned(v) => v,
        };
        let (meta, order) = meta::choose(data)?;
        let needed = meta
            .high_water_mark
            .checked_mul(u64::from(meta.page_size))
            .ok_or_else(|| Error::NotBbolt("high-water mark overflows".into()))?;
        if needed > data.len() as u64 {
            return Err(Error::Truncated {
                needed,
                actual: data.len() as u64,
            });
        }
        if meta.root >= meta.high_water_mark {
            return Err(Error::OutOfBounds {
                page: meta.root,
                high_water_mark: meta.high_water_mark,
            });
        }
        Ok(Db {
            storage,
            path,
            meta,
            order,
        })
    }

    fn data(&self) -> &[u8] {
        match &self.storage {
            Storage::Mapped(m) => m,
            Storage::Owned(v) => v,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The meta page in effect (valid, highest txid).
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    pub fn page_size(&self) -> usize {
        self.meta.page_size as usize
    }

    pub fn byte_order(&self) -> ByteOrder {
        self.order
    }

    /// High-water mark × page size: what bbolt's `tx.Size()` and `snapshot status` report. A
    /// file may be longer (preallocation, the snapshot's SHA-256 trailer).
    pub fn size(&self) -> u64 {
        self.meta.high_water_mark * u64::from(self.meta.page_size)
    }

    /// The bytes of the database proper, `0..size()`.
    pub fn bytes(&self) -> &[u8] {
        &self.data()[..self.size() as usize]
    }

    /// Every byte of the file, including anything past the database (the snapshot trailer).
    pub fn file_bytes(&self) -> &[u8] {
        self.data()
    }

    /// The raw bytes of page `id` and its overflow pages, header included.
    pub fn raw_page(&self, id: u64) -> Result<(PageHeader, &[u8])> {
        let hwm = self.meta.high_water_mark;
        if id >= hwm {
            return Err(Error::OutOfBounds {
                page: id,
                high_water_mark: hwm,
            });
        }
        let ps = self.page_size();
        let start = id as usize * ps;
        let header = PageHeader::decode(&self.data()[start..], self.order);
        let span = u64::from(header.overflow) + 1;
        if id + span > hwm {
            return Err(Error::corrupt(
                id,
                format!(
                    "overflow of {} pages runs past the high-water mark {hwm}",
                    header.overflow
                ),
            ));
        }
        Ok((header, &self.data()[start..start + span as usize * ps]))
    }

    fn node(&self, id: u64) -> Result<Node<'_>> {
        let (_, bytes) = self.raw_page(id)?;
        Node::new(bytes, id, self.order)
    }

    /// The root bucket: its entries are the top-level buckets.
    pub fn root(&self) -> Bucket<'_> {
        Bucket {
            db: self,
            root: Root::Page(self.meta.root),
            sequence: self.meta.root_sequence,
        }
    }

    /// A top-level bucket by name.
    pub fn bucket(&self, name: &[u8]) -> Result<Option<Bucket<'_>>> {
        self.root().bucket(name)
    }

    /// The top-level buckets in key order.
    pub fn buckets(&self) -> impl Iterator<Item = Result<(&[u8], Bucket<'_>)>> {
        self.root().iter().map(|entry| {
            let entry = entry?;
            match entry.bucket {
                Some(bucket) => Ok((entry.key, bucket)),
                None => Err(Error::corrupt(
                    self.meta.root,
                    format!(
                        "the root holds a plain value {:?} where only buckets belong",
                        String::from_utf8_lossy(entry.key)
                    ),
                )),
            }
        })
    }
}

#[derive(Debug, Clone, Copy)]
enum Root<'a> {
    Page(u64),
    /// A bucket small enough to live inside its parent's value: a leaf-page image.
    Inline {
        bytes: &'a [u8],
        page: u64,
    },
}

/// A bucket: an ordered map from byte keys to byte values or nested buckets.
#[derive(Debug, Clone, Copy)]
pub struct Bucket<'a> {
    db: &'a Db,
    root: Root<'a>,
    sequence: u64,
}

/// One entry of a bucket. For a nested bucket `value` is its raw header and `bucket` is set.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub key: &'a [u8],
    pub value: &'a [u8],
    pub bucket: Option<Bucket<'a>>,
}

impl<'a> Bucket<'a> {
    fn from_value(db: &'a Db, value: &'a [u8], page: u64) -> Result<Bucket<'a>> {
        if value.len() < BUCKET_HEADER_SIZE {
            return Err(Error::corrupt(
                page,
                format!("bucket header of {} bytes, expected 16", value.len()),
            ));
        }
        let root = db.order.u64(value, 0);
        let sequence = db.order.u64(value, 8);
        let root = if root == 0 {
            Root::Inline {
                bytes: &value[BUCKET_HEADER_SIZE..],
                page,
            }
        } else {
            Root::Page(root)
        };
        Ok(Bucket { db, root, sequence })
    }

    fn entry(&self, element: LeafElement<'a>, page: u64) -> Result<Entry<'a>> {
        let bucket = if element.flags & LEAF_BUCKET != 0 {
            Some(Bucket::from_value(self.db, element.value, page)?)
        } else {
            None
        };
        Ok(Entry {
            key: element.key,
            value: element.value,
            bucket,
        })
    }

    fn root_node(&self) -> Result<Node<'a>> {
        match self.root {
            Root::Page(id) => self.db.node(id),
            Root::Inline { bytes, page } => {
                let node = Node::new(bytes, page, self.db.order)?;
                if !node.is_leaf {
                    return Err(Error::corrupt(page, "inline bucket is not a leaf"));
                }
                Ok(node)
            }
        }
    }

    /// The bucket's sequence counter (`NextSequence`).
    pub fn sequence(&self) -> u64 {
        self.sequence
    }

    /// Whether the bucket is stored inline in its parent's leaf.
    pub fn is_inline(&self) -> bool {
        matches!(self.root, Root::Inline { .. })
    }

    /// The root page id, `None` for an inline bucket.
    pub fn root_page(&self) -> Option<u64> {
        match self.root {
            Root::Page(id) => Some(id),
            Root::Inline { .. } => None,
        }
    }

    /// Every entry in key order.
    pub fn iter(&self) -> Entries<'a> {
        let (stack, pending) = match self.root_node() {
            Ok(node) => (vec![(node, 0)], None),
            Err(e) => (Vec::new(), Some(e)),
        };
        Entries {
            bucket: *self,
            stack,
            pending,
        }
    }

    /// The entry stored under `key`.
    pub fn get(&self, key: &[u8]) -> Result<Option<Entry<'a>>> {
        let mut node = self.root_node()?;
        for _ in 0..MAX_DEPTH {
            if node.is_leaf {
                let (mut lo, mut hi) = (0, node.count);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    let element = node.leaf(mid)?;
                    match element.key.cmp(key) {
                        std::cmp::Ordering::Less => lo = mid + 1,
                        std::cmp::Ordering::Greater => hi = mid,
                        std::cmp::Ordering::Equal => {
                            return self.entry(element, node.page).map(Some);
                        }
                    }
                }
                return Ok(None);
            }
            // The child to follow is the last one whose first key is <= key.
            let (mut lo, mut hi) = (0, node.count);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if node.key(mid)? <= key {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if node.count == 0 {
                return Ok(None);
            }
            let (_, child) = node.branch(lo.saturating_sub(1))?;
            node = self.db.node(child)?;
        }
        Err(Error::corrupt(
            node.page,
            "tree deeper than 64 levels (a cycle?)",
        ))
    }

    /// The entry with the greatest key, found by descending the rightmost path.
    pub fn last(&self) -> Result<Option<Entry<'a>>> {
        let mut node = self.root_node()?;
        for _ in 0..MAX_DEPTH {
            if node.count == 0 {
                return Ok(None);
            }
            if node.is_leaf {
                let element = node.leaf(node.count - 1)?;
                return self.entry(element, node.page).map(Some);
            }
            let (_, child) = node.branch(node.count - 1)?;
            node = self.db.node(child)?;
        }
        Err(Error::corrupt(
            node.page,
            "tree deeper than 64 levels (a cycle?)",
        ))
    }

    /// A nested bucket by name.
    pub fn bucket(&self, name: &[u8]) -> Result<Option<Bucket<'a>>> {
        Ok(self.get(name)?.and_then(|entry| entry.bucket))
    }
}

/// In-order iterator over a bucket's entries; stops after the first error.
pub struct Entries<'a> {
    bucket: Bucket<'a>,
    stack: Vec<(Node<'a>, usize)>,
    pending: Option<Error>,
}

impl<'a> Iterator for Entries<'a> {
    type Item = Result<Entry<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.pending.take() {
            return Some(Err(e));
        }
        let result = self.advance();
        if matches!(result, Some(Err(_))) {
            self.stack.clear();
        }
        result
    }
}

impl<'a> Entries<'a> {
    fn advance(&mut self) -> Option<Result<Entry<'a>>> {
        loop {
            let (node, index) = self.stack.last_mut()?;
            let node = *node;
            if *index >= node.count {
                self.stack.pop();
                continue;
            }
            let i = *index;
            *index += 1;
            if node.is_leaf {
                return Some(
                    node.leaf(i)
                        .and_then(|element| self.bucket.entry(element, node.page)),
                );
            }
            if self.stack.len() >= MAX_DEPTH {
                return Some(Err(Error::corrupt(
                    node.page,
                    "tree deeper than 64 levels (a cycle?)",
                )));
            }
            match node
                .branch(i)
                .and_then(|(_, child)| self.bucket.db.node(child))
            {
                Ok(child) => self.stack.push((child, 0)),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests;
