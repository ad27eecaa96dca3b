//! Bottom-up B+tree construction for the bbolt writer: sorted entries go in, full leaf pages go
//! out to the file as they fill, and each full page's first key moves up one level. Memory is one
//! page per level, whatever the size of the bucket.

use anyhow::{Result, bail};

use crate::etcd::bbolt::{ELEMENT_SIZE, FLAG_BRANCH, FLAG_LEAF, PAGE_HEADER_SIZE};

/// Where finished pages go; hands out page ids in write order.
pub trait PageSink {
    fn page_size(&self) -> usize;
    /// Writes `page` (header included, already padded to whole pages) and returns its id.
    fn write_page(&mut self, page: &mut [u8]) -> Result<u64>;
}

/// The page being filled at one level: element headers and the key/value bytes they point to.
#[derive(Default)]
struct PendingPage {
    /// Leaf: (flags, key length, value length). Branch: (0, key length, child page id).
    elements: Vec<(u32, u32, u64)>,
    data: Vec<u8>,
    /// First key of the page, which the level above indexes it by.
    first_key: Vec<u8>,
}

impl PendingPage {
    fn is_empty(&self) -> bool {
        self.elements.is_empty()
    }

    fn size(&self) -> usize {
        PAGE_HEADER_SIZE + ELEMENT_SIZE * self.elements.len() + self.data.len()
    }

    fn fits(&self, element_size: usize, page_size: usize) -> bool {
        self.is_empty()
            || (self.size() + element_size <= page_size && self.elements.len() < u16::MAX as usize)
    }

    fn push(&mut self, flags: u32, key: &[u8], third: u64, value: &[u8]) {
        if self.is_empty() {
            self.first_key.clear();
            self.first_key.extend_from_slice(key);
        }
        self.elements.push((flags, key.len() as u32, third));
        self.data.extend_from_slice(key);
        self.data.extend_from_slice(value);
    }

    /// The page image, padded to whole pages, into `out`; the page id is left for the sink.
    fn encode(&self, leaf: bool, page_size: usize, out: &mut Vec<u8>) {
        out.clear();
        out.extend_from_slice(&0u64.to_ne_bytes());
        out.extend_from_slice(&(if leaf { FLAG_LEAF } else { FLAG_BRANCH }).to_ne_bytes());
        out.extend_from_slice(&(self.elements.len() as u16).to_ne_bytes());
        out.extend_from_slice(&0u32.to_ne_bytes());
        let count = self.elements.len();
        let mut offset = ELEMENT_SIZE * count;
        for (i, &(flags, key_len, third)) in self.elements.iter().enumerate() {
            let pos = (offset - ELEMENT_SIZE * i) as u32;
            if leaf {
                out.extend_from_slice(&flags.to_ne_bytes());
                out.extend_from_slice(&pos.to_ne_bytes());
                out.extend_from_slice(&key_len.to_ne_bytes());
                out.extend_from_slice(&(third as u32).to_ne_bytes());
                offset += key_len as usize + third as usize;
            } else {
                out.extend_from_slice(&pos.to_ne_bytes());
                out.extend_from_slice(&key_len.to_ne_bytes());
                out.extend_from_slice(&third.to_ne_bytes());
                offset += key_len as usize;
            }
        }
        out.extend_from_slice(&self.data);
        out.resize(out.len().div_ceil(page_size).max(1) * page_size, 0);
    }

    fn clear(&mut self) {
        self.elements.clear();
        self.data.clear();
    }
}

pub struct TreeBuilder {
    /// Level 0 holds leaves, the others branches.
    levels: Vec<PendingPage>,
    last_key: Vec<u8>,
    entries: u64,
    scratch: Vec<u8>,
}

impl Default for TreeBuilder {
    fn default() -> Self {
        Self {
            levels: vec![PendingPage::default()],
            last_key: Vec::new(),
            entries: 0,
            scratch: Vec::new(),
        }
    }
}

impl TreeBuilder {
    /// Adds the next entry; keys must arrive strictly increasing (bytewise), as bbolt stores them.
    pub fn put(
        &mut self,
        sink: &mut impl PageSink,
        flags: u32,
        key: &[u8],
        value: &[u8],
    ) -> Result<()> {
        if self.entries > 0 && key <= self.last_key.as_slice() {
            bail!(
                "keys out of order: {:?} after {:?}",
                String::from_utf8_lossy(key),
                String::from_utf8_lossy(&self.last_key)
            );
        }
        if u32::try_from(value.len()).is_err() || u32::try_from(key.len()).is_err() {
            bail!(
                "entry of {} bytes is too large for bbolt",
                key.len() + value.len()
            );
        }
        self.last_key.clear();
        self.last_key.extend_from_slice(key);
        self.entries += 1;
        let size = ELEMENT_SIZE + key.len() + value.len();
        if !self.levels[0].fits(size, sink.page_size()) {
            self.flush(sink, 0)?;
        }
        self.levels[0].push(flags, key, value.len() as u64, value);
        Ok(())
    }

    /// Writes the pending pages and returns the root page id.
    pub fn finish(mut self, sink: &mut impl PageSink) -> Result<u64> {
        let mut level = 0;
        while level + 1 < self.levels.len() {
            if !self.levels[level].is_empty() {
                self.flush(sink, level)?;
            }
            level += 1;
        }
        let top = &self.levels[level];
        // A one-child branch adds nothing: its child is the root.
        if level > 0 && top.elements.len() == 1 {
            return Ok(top.elements[0].2);
        }
        self.write(sink, level)
    }

    /// Writes the pending page of `level` and indexes it in the level above.
    fn flush(&mut self, sink: &mut impl PageSink, level: usize) -> Result<()> {
        let first_key = std::mem::take(&mut self.levels[level].first_key);
        let id = self.write(sink, level)?;
        if level + 1 == self.levels.len() {
            self.levels.push(PendingPage::default());
        }
        let size = ELEMENT_SIZE + first_key.len();
        if !self.levels[level + 1].fits(size, sink.page_size()) {
            self.flush(sink, level + 1)?;
        }
        self.levels[level + 1].push(0, &first_key, id, &[]);
        self.levels[level].first_key = first_key;
        Ok(())
    }

    fn write(&mut self, sink: &mut impl PageSink, level: usize) -> Result<u64> {
        let page = &mut self.levels[level];
        page.encode(level == 0, sink.page_size(), &mut self.scratch);
        page.clear();
        sink.write_page(&mut self.scratch)
    }
}

/// A leaf-page image for an inline bucket (bbolt stores small buckets inside their parent).
pub fn inline_leaf(entries: &[(Vec<u8>, Vec<u8>)]) -> Vec<u8> {
    let mut page = PendingPage::default();
    for (key, value) in entries {
        page.push(0, key, value.len() as u64, value);
    }
    let mut out = Vec::new();
    page.encode(true, 1, &mut out);
    out
}

/// Size bbolt gives a leaf node holding `entries` (`node.size()`), to decide inlining.
pub fn leaf_size<'a>(entries: impl Iterator<Item = (&'a [u8], &'a [u8])>) -> usize {
    PAGE_HEADER_SIZE
        + entries
            .map(|(k, v)| ELEMENT_SIZE + k.len() + v.len())
            .sum::<usize>()
}
