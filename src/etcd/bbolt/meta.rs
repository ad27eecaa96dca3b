//! The two meta pages at the start of every bbolt file. Writers alternate between them, so one
//! may be torn by a crash; the reader takes the valid one with the higher transaction id.

use super::error::{Error, Result};
use super::page::{ByteOrder, PAGE_HEADER_SIZE};

pub const MAGIC: u32 = 0xED0C_DAED;
pub const VERSION: u32 = 2;
/// `meta.freelist` when the freelist is not stored (`NoFreelistSync`, etcd's default on Linux).
pub const NO_FREELIST: u64 = u64::MAX;
/// Bytes of a meta record after the page header, checksum included.
pub const META_SIZE: usize = 64;
const CHECKSUMMED: usize = 56;

/// One decoded meta page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meta {
    pub page_size: u32,
    pub flags: u32,
    /// Root page of the tree whose entries are the top-level buckets.
    pub root: u64,
    pub root_sequence: u64,
    /// Page of the stored freelist, or [`NO_FREELIST`].
    pub freelist: u64,
    /// High-water mark: number of pages in use; the database size is this × page size.
    pub high_water_mark: u64,
    pub txid: u64,
    pub checksum: u64,
}

impl Meta {
    /// Decodes the meta record of the page starting at `page`, checking magic, version and
    /// checksum. The error says which check failed.
    pub fn decode(page: &[u8], order: ByteOrder) -> Result<Meta, String> {
        let Some(body) = page.get(PAGE_HEADER_SIZE..PAGE_HEADER_SIZE + META_SIZE) else {
            return Err("file too short for a meta page".into());
        };
        let magic = order.u32(body, 0);
        if magic != MAGIC {
            return Err(format!("bad magic {magic:#010x} (expected {MAGIC:#010x})"));
        }
        let version = order.u32(body, 4);
        if version != VERSION {
            return Err(format!(
                "unsupported version {version} (expected {VERSION})"
            ));
        }
        let meta = Meta {
            page_size: order.u32(body, 8),
            flags: order.u32(body, 12),
            root: order.u64(body, 16),
            root_sequence: order.u64(body, 24),
            freelist: order.u64(body, 32),
            high_water_mark: order.u64(body, 40),
            txid: order.u64(body, 48),
            checksum: order.u64(body, 56),
        };
        let computed = fnv1a64(&body[..CHECKSUMMED]);
        if computed != meta.checksum {
            return Err(format!(
                "checksum mismatch (stored {:#018x}, computed {computed:#018x})",
                meta.checksum
            ));
        }
        Ok(meta)
    }

    pub fn has_freelist(&self) -> bool {
        self.freelist != NO_FREELIST
    }
}

pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Page sizes tried for meta page 1 when meta page 0 is unreadable (bbolt picks the OS page size
/// at creation, so these cover every platform etcd runs on).
const CANDIDATE_PAGE_SIZES: [u32; 8] = [4096, 16384, 65536, 8192, 32768, 2048, 1024, 512];

/// Finds the byte order and the meta to use. Returns the chosen meta and the byte order.
pub fn choose(data: &[u8]) -> Result<(Meta, ByteOrder)> {
    let order = detect_order(data)?;
    let meta0 = Meta::decode(data, order);
    let mut sizes: Vec<u32> = Vec::new();
    if let Ok(m) = &meta0 {
        sizes.push(m.page_size);
    } else if data.len() >= PAGE_HEADER_SIZE + 12 {
        // A torn meta 0 may still hold the right page size.
        let claimed = order.u32(&data[PAGE_HEADER_SIZE..], 8);
        if is_plausible_page_size(claimed) {
            sizes.push(claimed);
        }
    }
    for size in CANDIDATE_PAGE_SIZES {
        if !sizes.contains(&size) {
            sizes.push(size);
        }
    }
    let meta1 = sizes
        .iter()
        .filter_map(|&size| data.get(size as usize..))
        .map(|page| Meta::decode(page, order))
        .find(|m| m.is_ok())
        .unwrap_or_else(|| Err("no valid meta page found at any page size".into()));

    let chosen = match (&meta0, &meta1) {
        (Ok(a), Ok(b)) if a.page_size == b.page_size => {
            if b.txid > a.txid {
                *b
            } else {
                *a
            }
        }
        (Ok(a), _) => *a,
        (Err(_), Ok(b)) => *b,
        (Err(e0), Err(e1)) => {
            return Err(Error::NotBbolt(format!(
                "both meta pages are invalid (meta 0: {e0}; meta 1: {e1})"
            )));
        }
    };
    if !is_plausible_page_size(chosen.page_size) {
        return Err(Error::NotBbolt(format!(
            "implausible page size {}",
            chosen.page_size
        )));
    }
    if chosen.high_water_mark < 2 {
        return Err(Error::NotBbolt(format!(
            "high-water mark {} is below the two meta pages",
            chosen.high_water_mark
        )));
    }
    Ok((chosen, order))
}

fn is_plausible_page_size(size: u32) -> bool {
    size.is_power_of_two() && (512..=1 << 20).contains(&size)
}

fn detect_order(data: &[u8]) -> Result<ByteOrder> {
    let Some(magic) = data.get(PAGE_HEADER_SIZE..PAGE_HEADER_SIZE + 4) else {
        return Err(Error::NotBbolt(format!(
            "the file is only {} bytes long",
            data.len()
        )));
    };
    let magic: [u8; 4] = magic.try_into().expect("4 bytes");
    if u32::from_le_bytes(magic) == MAGIC {
        Ok(ByteOrder::Little)
    } else if u32::from_be_bytes(magic) == MAGIC {
        Ok(ByteOrder::Big)
    } else {
        // Meta 0 is torn: let meta 1's magic decide.
        let big = CANDIDATE_PAGE_SIZES.iter().any(|&size| {
            let at = size as usize + PAGE_HEADER_SIZE;
            data.get(at..at + 4)
                .is_some_and(|m| u32::from_be_bytes(m.try_into().expect("4 bytes")) == MAGIC)
        });
        Ok(if big {
            ByteOrder::Big
        } else {
            ByteOrder::Little
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_reference_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
