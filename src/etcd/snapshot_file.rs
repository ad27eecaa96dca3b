//! The snapshot file layout `etcdctl snapshot save` writes: the raw bbolt database followed by
//! the 32-byte SHA-256 of those bytes, with no framing. bbolt pages are multiples of 512 bytes,
//! so a file whose length is `32 (mod 512)` carries the trailer; a raw `member/snap/db` copy
//! does not.

use std::fmt;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

pub const HASH_LEN: usize = 32;

/// etcd's own message when a file has no trailer and the check was not skipped.
pub const MISSING_HASH: &str = "snapshot missing hash but --skip-hash-check=false";

/// etcd's rule for "has a hash": `len % 512 == 32`.
pub fn has_trailer(file_len: u64) -> bool {
    file_len % 512 == HASH_LEN as u64
}

/// Length of the database part of a file of `file_len` bytes.
pub fn db_len(file_len: u64) -> u64 {
    if has_trailer(file_len) {
        file_len - HASH_LEN as u64
    } else {
        file_len
    }
}

/// The result of comparing a file's trailer with the hash of its database bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashCheck {
    /// Trailer present and equal to the SHA-256 of the database bytes.
    Match([u8; HASH_LEN]),
    /// No trailer (a raw `member/snap/db` copy); `computed` is the hash of the whole file.
    Missing { computed: [u8; HASH_LEN] },
    Mismatch {
        expected: [u8; HASH_LEN],
        got: [u8; HASH_LEN],
    },
}

/// A failed hash check, worded exactly as etcd words it so users can search for the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HashError {
    #[error("snapshot missing hash but --skip-hash-check=false")]
    Missing,
    #[error("expected sha256 {}, got {}", GoBytes(expected), GoBytes(got))]
    Mismatch {
        expected: [u8; HASH_LEN],
        got: [u8; HASH_LEN],
    },
}

impl HashCheck {
    /// Compares a whole snapshot file already in memory (or mapped).
    pub fn of_bytes(file: &[u8]) -> HashCheck {
        let db = db_len(file.len() as u64) as usize;
        let computed: [u8; HASH_LEN] = Sha256::digest(&file[..db]).into();
        HashCheck::compare(computed, (db < file.len()).then(|| &file[db..]))
    }

    /// Streams the file at `path` through SHA-256 without loading it.
    pub fn of_file(path: &Path) -> std::io::Result<HashCheck> {
        let mut file = std::fs::File::open(path)?;
        let len = file.metadata()?.len();
        let db = db_len(len);
        let mut hasher = Sha256::new();
        let mut remaining = db;
        let mut buffer = vec![0u8; 1 << 20];
        while remaining > 0 {
            let want = remaining.min(buffer.len() as u64) as usize;
            let n = file.read(&mut buffer[..want])?;
            if n == 0 {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    format!("{} shrank while being read", path.display()),
                ));
            }
            hasher.update(&buffer[..n]);
            remaining -= n as u64;
        }
        let mut trailer = [0u8; HASH_LEN];
        let trailer = if has_trailer(len) {
            file.read_exact(&mut trailer)?;
            Some(&trailer[..])
        } else {
            None
        };
        Ok(HashCheck::compare(hasher.finalize().into(), trailer))
    }

    fn compare(computed: [u8; HASH_LEN], trailer: Option<&[u8]>) -> HashCheck {
        match trailer {
            None => HashCheck::Missing { computed },
            Some(t) if t == computed => HashCheck::Match(computed),
            Some(t) => HashCheck::Mismatch {
                expected: t.try_into().expect("32-byte trailer"),
                got: computed,
            },
        }
    }

    /// etcd's restore rule: a mismatch always fails; a missing trailer fails unless skipped.
    pub fn require(self, skip_hash_check: bool) -> Result<(), HashError> {
        match self {
            HashCheck::Match(_) => Ok(()),
            HashCheck::Missing { .. } if skip_hash_check => Ok(()),
            HashCheck::Missing { .. } => Err(HashError::Missing),
            HashCheck::Mismatch { .. } if skip_hash_check => Ok(()),
            HashCheck::Mismatch { expected, got } => Err(HashError::Mismatch { expected, got }),
        }
    }

    /// `match`, `missing` or `mismatch`, for tables and JSON.
    pub fn label(&self) -> &'static str {
        match self {
            HashCheck::Match(_) => "match",
            HashCheck::Missing { .. } => "missing",
            HashCheck::Mismatch { .. } => "mismatch",
        }
    }

    /// The SHA-256 of the database bytes.
    pub fn computed(&self) -> [u8; HASH_LEN] {
        match *self {
            HashCheck::Match(h) => h,
            HashCheck::Missing { computed } => computed,
            HashCheck::Mismatch { got, .. } => got,
        }
    }
}

/// Go's `%v` of a byte slice: `[1 2 3]`.
struct GoBytes<'a>(&'a [u8]);

impl fmt::Display for GoBytes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[")?;
        for (i, b) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{b}")?;
        }
        f.write_str("]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_trailer(db: &[u8]) -> Vec<u8> {
        let mut file = db.to_vec();
        file.extend_from_slice(&Sha256::digest(db));
        file
    }

    #[test]
    fn trailer_detection_follows_etcd() {
        assert!(has_trailer(4096 * 3 + 32));
        assert!(!has_trailer(4096 * 3));
        assert!(!has_trailer(4096 * 3 + 31));
        assert_eq!(db_len(8192 + 32), 8192);
        assert_eq!(db_len(8192), 8192);
    }

    #[test]
    fn matching_missing_and_tampered() {
        let db = vec![7u8; 8192];
        let good = with_trailer(&db);
        assert!(matches!(HashCheck::of_bytes(&good), HashCheck::Match(_)));
        assert_eq!(HashCheck::of_bytes(&good).require(false), Ok(()));

        let missing = HashCheck::of_bytes(&db);
        assert_eq!(missing.label(), "missing");
        assert_eq!(
            missing.require(false).unwrap_err().to_string(),
            "snapshot missing hash but --skip-hash-check=false"
        );
        assert_eq!(missing.require(true), Ok(()));

        let mut tampered = good.clone();
        tampered[100] ^= 1;
        let check = HashCheck::of_bytes(&tampered);
        assert_eq!(check.label(), "mismatch");
        let message = check.require(false).unwrap_err().to_string();
        assert!(message.starts_with("expected sha256 ["), "{message}");
        assert!(message.contains("], got ["), "{message}");
        assert!(
            !message.replace("], got [", "").contains(','),
            "Go prints bytes space-separated: {message}"
        );
    }

    #[test]
    fn file_and_bytes_agree() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let file = with_trailer(&vec![3u8; 3 * 4096 + 512]);
        std::fs::write(&path, &file).unwrap();
        assert_eq!(
            HashCheck::of_file(&path).unwrap(),
            HashCheck::of_bytes(&file)
        );
        std::fs::write(&path, &file[..file.len() - 1]).unwrap();
        assert_eq!(HashCheck::of_file(&path).unwrap().label(), "missing");
    }

    #[test]
    fn go_byte_formatting() {
        assert_eq!(GoBytes(&[1, 22, 255]).to_string(), "[1 22 255]");
    }
}
