//! Keys of etcd's `key` bucket: a revision `main` (8 bytes big-endian), `_`, `sub` (8 bytes
//! big-endian), and a trailing `t` when the revision is a tombstone (a delete).

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Revision {
    pub main: i64,
    pub sub: i64,
}

pub const REVISION_LEN: usize = 17;
pub const TOMBSTONE_MARK: u8 = b't';

impl Revision {
    /// Decodes a `key`-bucket key, tombstone mark or not; `None` for anything else.
    pub fn decode(key: &[u8]) -> Option<Revision> {
        if key.len() != REVISION_LEN && !is_tombstone(key) {
            return None;
        }
        if key[8] != b'_' {
            return None;
        }
        Some(Revision {
            main: i64::from_be_bytes(key[..8].try_into().ok()?),
            sub: i64::from_be_bytes(key[9..17].try_into().ok()?),
        })
    }

    pub fn encode(&self) -> [u8; REVISION_LEN] {
        let mut out = [0u8; REVISION_LEN];
        out[..8].copy_from_slice(&self.main.to_be_bytes());
        out[8] = b'_';
        out[9..].copy_from_slice(&self.sub.to_be_bytes());
        out
    }
}

pub fn is_tombstone(key: &[u8]) -> bool {
    key.len() == REVISION_LEN + 1 && key[REVISION_LEN] == TOMBSTONE_MARK
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_tombstones() {
        let rev = Revision { main: 783, sub: 2 };
        let key = rev.encode();
        assert_eq!(Revision::decode(&key), Some(rev));
        let mut tomb = key.to_vec();
        tomb.push(b't');
        assert!(is_tombstone(&tomb));
        assert_eq!(Revision::decode(&tomb), Some(rev));
        assert_eq!(Revision::decode(b"compact_rev_key"), None);
    }
}
