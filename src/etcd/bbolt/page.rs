//! Zero-copy views of branch and leaf pages (and of inline buckets, which are leaf-page images
//! stored inside a value). Every offset is bounds-checked so a corrupt file yields an error.

use super::error::{Error, Result};

pub const PAGE_HEADER_SIZE: usize = 16;
pub const ELEMENT_SIZE: usize = 16;
/// Bucket header in a value: root page id and sequence.
pub const BUCKET_HEADER_SIZE: usize = 16;

pub const FLAG_BRANCH: u16 = 0x01;
pub const FLAG_LEAF: u16 = 0x02;
pub const FLAG_META: u16 = 0x04;
pub const FLAG_FREELIST: u16 = 0x10;
/// Leaf element flag: the value is a bucket header.
pub const LEAF_BUCKET: u32 = 0x01;

/// bbolt writes integers in the writer's native order; etcd files are little-endian except
/// those written on s390x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByteOrder {
    Little,
    Big,
}

impl ByteOrder {
    /// Callers guarantee `bytes[at..at + 2]` exists.
    pub fn u16(self, bytes: &[u8], at: usize) -> u16 {
        let raw: [u8; 2] = bytes[at..at + 2].try_into().expect("2 bytes");
        match self {
            ByteOrder::Little => u16::from_le_bytes(raw),
            ByteOrder::Big => u16::from_be_bytes(raw),
        }
    }

    pub fn u32(self, bytes: &[u8], at: usize) -> u32 {
        let raw: [u8; 4] = bytes[at..at + 4].try_into().expect("4 bytes");
        match self {
            ByteOrder::Little => u32::from_le_bytes(raw),
            ByteOrder::Big => u32::from_be_bytes(raw),
        }
    }

    pub fn u64(self, bytes: &[u8], at: usize) -> u64 {
        let raw: [u8; 8] = bytes[at..at + 8].try_into().expect("8 bytes");
        match self {
            ByteOrder::Little => u64::from_le_bytes(raw),
            ByteOrder::Big => u64::from_be_bytes(raw),
        }
    }
}

/// The 16-byte header every page starts with.
#[derive(Debug, Clone, Copy)]
pub struct PageHeader {
    pub id: u64,
    pub flags: u16,
    pub count: u16,
    pub overflow: u32,
}

impl PageHeader {
    pub fn decode(bytes: &[u8], order: ByteOrder) -> PageHeader {
        PageHeader {
            id: order.u64(bytes, 0),
            flags: order.u16(bytes, 8),
            count: order.u16(bytes, 10),
            overflow: order.u32(bytes, 12),
        }
    }
}

pub fn describe_flags(flags: u16) -> String {
    match flags {
        FLAG_BRANCH => "branch".into(),
        FLAG_LEAF => "leaf".into(),
        FLAG_META => "meta".into(),
        FLAG_FREELIST => "freelist".into(),
        other => format!("unknown<{other:#04x}>"),
    }
}

/// A branch or leaf page: its bytes (header included, overflow pages included) and where it came
/// from, for error messages (`page` is the containing page for inline buckets).
#[derive(Debug, Clone, Copy)]
pub struct Node<'a> {
    pub bytes: &'a [u8],
    pub page: u64,
    pub is_leaf: bool,
    pub count: usize,
    pub order: ByteOrder,
}

/// One entry of a leaf page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeafElement<'a> {
    pub flags: u32,
    pub key: &'a [u8],
    pub value: &'a [u8],
}

impl<'a> Node<'a> {
    /// Checks the header and that the element table fits; element reads are then in bounds.
    pub fn new(bytes: &'a [u8], page: u64, order: ByteOrder) -> Result<Node<'a>> {
        if bytes.len() < PAGE_HEADER_SIZE {
            return Err(Error::corrupt(page, "shorter than a page header"));
        }
        let header = PageHeader::decode(bytes, order);
        let is_leaf = match header.flags {
            FLAG_LEAF => true,
            FLAG_BRANCH => false,
            other => {
                return Err(Error::corrupt(
                    page,
                    format!(
                        "invalid type {} where a branch or leaf page was expected",
                        describe_flags(other)
                    ),
                ));
            }
        };
        let count = usize::from(header.count);
        if PAGE_HEADER_SIZE + count * ELEMENT_SIZE > bytes.len() {
            return Err(Error::corrupt(
                page,
                format!("{count} elements do not fit in {} bytes", bytes.len()),
            ));
        }
        Ok(Node {
            bytes,
            page,
            is_leaf,
            count,
            order,
        })
    }

    fn element_at(&self, index: usize) -> usize {
        PAGE_HEADER_SIZE + index * ELEMENT_SIZE
    }

    fn slice(&self, start: usize, len: usize, index: usize) -> Result<&'a [u8]> {
        start
            .checked_add(len)
            .and_then(|end| self.bytes.get(start..end))
            .ok_or_else(|| {
                Error::corrupt(
                    self.page,
                    format!(
                        "element {index} points outside the page ({len} bytes at offset {start})"
                    ),
                )
            })
    }

    /// Key and child page of branch element `index` (< `count`).
    pub fn branch(&self, index: usize) -> Result<(&'a [u8], u64)> {
        let at = self.element_at(index);
        let pos = self.order.u32(self.bytes, at) as usize;
        let ksize = self.order.u32(self.bytes, at + 4) as usize;
        let child = self.order.u64(self.bytes, at + 8);
        let key = self.slice(at + pos, ksize, index)?;
        Ok((key, child))
    }

    /// Leaf element `index` (< `count`).
    pub fn leaf(&self, index: usize) -> Result<LeafElement<'a>> {
        let at = self.element_at(index);
        let flags = self.order.u32(self.bytes, at);
        let pos = self.order.u32(self.bytes, at + 4) as usize;
        let ksize = self.order.u32(self.bytes, at + 8) as usize;
        let vsize = self.order.u32(self.bytes, at + 12) as usize;
        let kv = self.slice(at + pos, ksize + vsize, index)?;
        let (key, value) = kv.split_at(ksize);
        Ok(LeafElement { flags, key, value })
    }

    /// The key of element `index`, branch or leaf.
    pub fn key(&self, index: usize) -> Result<&'a [u8]> {
        if self.is_leaf {
            Ok(self.leaf(index)?.key)
        } else {
            Ok(self.branch(index)?.0)
        }
    }
}
