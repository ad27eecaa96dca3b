//! Bottom-up B+tree construction for the bbolt writer: sorted entries go in, full leaf pages go
//! out to the file as they fill, and each full page's first key moves up one level. Memory is one
//! page per level, whatever the size of the bucket.

use anyhow::{Result, bail};

use crate::etcd::bbolt::{ELEMENT_SIZE, FLAG_BRANCH, FLAG_LEAF, PAGE_HEADER_SIZE};

/// Where finished pages go; hands out page ids in write order.
pub trait PageSink {
    fn page_size(&self) -> usize;
    /// Writes `page` (header included, padded to whole pages by the sink) and returns its id.
    fn write_page(&mut self, page: &mut [u8]) -> Result<u64>;
}

/// A leaf element waiting for its page.
struct LeafEntry {
    flags: u32,
    key: Vec<u8>,
    value: Vec<u8>,
}

/// One level of the tree under construction: the page being filled.
enum Level {
    Leaf(Vec<LeafEntry>),
    Branch(Vec<(Vec<u8>, u64)>),
}

impl Level {
    fn is_empty(&self) -> bool {
        match self {
            Level::Leaf(e) => e.is_empty(),
            Level::Branch(e) => e.is_empty(),
        }
    }

    fn bytes(&self) -> usize {
        PAGE_HEADER_SIZE
            + match self {
                Level::Leaf(e) => e
                    .iter()
                    .map(|e| ELEMENT_SIZE + e.key.len() + e.value.len())
                    .sum::<usize>(),
                Level::Branch(e) => e.iter().map(|(k, _)| ELEMENT_SIZE + k.len()).sum(),
            }
    }
}

pub struct TreeBuilder {
    levels: Vec<Level>,
    /// Bytes used in each level's pending page.
    used: Vec<usize>,
    last_key: Vec<u8>,
    entries: u64,
}

impl Default for TreeBuilder {
    fn default() -> Self {
        Self {
            levels: vec![Level::Leaf(Vec::new())],
            used: vec![PAGE_HEADER_SIZE],
            last_key: Vec::new(),
            entries: 0,
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
        self.last_key.clear();
        self.last_key.extend_from_slice(key);
        self.entries += 1;
        let size = ELEMENT_SIZE + key.len() + value.len();
        if !self.levels[0].is_empty() && self.used[0] + size > sink.page_size() {
            self.flush(sink, 0)?;
        }
        let Level::Leaf(entries) = &mut self.levels[0] else {
            unreachable!("level 0 holds leaves")
        };
        entries.push(LeafEntry {
            flags,
            key: key.to_vec(),
            value: value.to_vec(),
        });
        self.used[0] += size;
        Ok(())
    }

    /// Writes the pending pages and returns the root page id.
    pub fn finish(mut self, sink: &mut impl PageSink) -> Result<u64> {
        let mut level = 0;
        loop {
            let top = level + 1 == self.levels.len();
            if top {
                // A one-child branch adds nothing: its child is the root.
                if let Level::Branch(children) = &self.levels[level]
                    && children.len() == 1
                {
                    return Ok(children[0].1);
                }
                return self.write_level(sink, level);
            }
            if !self.levels[level].is_empty() {
                self.flush(sink, level)?;
            }
            level += 1;
        }
    }

    /// Writes the pending page of `level` and adds it to the level above.
    fn flush(&mut self, sink: &mut impl PageSink, level: usize) -> Result<()> {
        let first_key = match &self.levels[level] {
            Level::Leaf(e) => e[0].key.clone(),
            Level::Branch(e) => e[0].0.clone(),
        };
        let id = self.write_level(sink, level)?;
        if level + 1 == self.levels.len() {
            self.levels.push(Level::Branch(Vec::new()));
            self.used.push(PAGE_HEADER_SIZE);
        }
        let size = ELEMENT_SIZE + first_key.len();
        if !self.levels[level + 1].is_empty() && self.used[level + 1] + size > sink.page_size() {
            self.flush(sink, level + 1)?;
        }
        let Level::Branch(children) = &mut self.levels[level + 1] else {
            unreachable!("upper levels hold branches")
        };
        children.push((first_key, id));
        self.used[level + 1] += size;
        Ok(())
    }

    fn write_level(&mut self, sink: &mut impl PageSink, level: usize) -> Result<u64> {
        let fresh = match &self.levels[level] {
            Level::Leaf(_) => Level::Leaf(Vec::new()),
            Level::Branch(_) => Level::Branch(Vec::new()),
        };
        let pending = std::mem::replace(&mut self.levels[level], fresh);
        self.used[level] = PAGE_HEADER_SIZE;
        let mut page = encode(&pending);
        sink.write_page(&mut page)
    }
}

/// The page image of a level's pending elements (page id left 0 for the sink to fill in).
fn encode(level: &Level) -> Vec<u8> {
    let mut page = Vec::with_capacity(level.bytes());
    match level {
        Level::Leaf(entries) => {
            page_header(&mut page, FLAG_LEAF, entries.len());
            let mut data = ELEMENT_SIZE * entries.len();
            for (i, e) in entries.iter().enumerate() {
                let pos = data - ELEMENT_SIZE * i;
                page.extend_from_slice(&e.flags.to_ne_bytes());
                page.extend_from_slice(&(pos as u32).to_ne_bytes());
                page.extend_from_slice(&(e.key.len() as u32).to_ne_bytes());
                page.extend_from_slice(&(e.value.len() as u32).to_ne_bytes());
                data += e.key.len() + e.value.len();
            }
            for e in entries {
                page.extend_from_slice(&e.key);
                page.extend_from_slice(&e.value);
            }
        }
        Level::Branch(children) => {
            page_header(&mut page, FLAG_BRANCH, children.len());
            let mut data = ELEMENT_SIZE * children.len();
            for (i, (key, id)) in children.iter().enumerate() {
                let pos = data - ELEMENT_SIZE * i;
                page.extend_from_slice(&(pos as u32).to_ne_bytes());
                page.extend_from_slice(&(key.len() as u32).to_ne_bytes());
                page.extend_from_slice(&id.to_ne_bytes());
                data += key.len();
            }
            for (key, _) in children {
                page.extend_from_slice(key);
            }
        }
    }
    page
}

fn page_header(page: &mut Vec<u8>, flags: u16, count: usize) {
    page.extend_from_slice(&0u64.to_ne_bytes());
    page.extend_from_slice(&flags.to_ne_bytes());
    page.extend_from_slice(&(count as u16).to_ne_bytes());
    page.extend_from_slice(&0u32.to_ne_bytes());
}

/// A leaf-page image for an inline bucket (bbolt stores small buckets inside their parent).
pub fn inline_leaf(entries: &[(Vec<u8>, Vec<u8>)]) -> Vec<u8> {
    let level = Level::Leaf(
        entries
            .iter()
            .map(|(k, v)| LeafEntry {
                flags: 0,
                key: k.clone(),
                value: v.clone(),
            })
            .collect(),
    );
    encode(&level)
}

/// Size bbolt gives a leaf node holding `entries` (`node.size()`), to decide inlining.
pub fn leaf_size<'a>(entries: impl Iterator<Item = (&'a [u8], &'a [u8])>) -> usize {
    PAGE_HEADER_SIZE
        + entries
            .map(|(k, v)| ELEMENT_SIZE + k.len() + v.len())
            .sum::<usize>()
}
