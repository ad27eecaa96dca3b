//! A consistency check in the spirit of bbolt's `tx.Check()`, which `etcdctl snapshot status`
//! runs before trusting a file: every page is reachable exactly once (or free), lies below the
//! high-water mark, has the right type, and keys are ordered within and across pages.

use super::page::{FLAG_FREELIST, LEAF_BUCKET, Node, PAGE_HEADER_SIZE, describe_flags};
use super::{Bucket, Db, MAX_DEPTH, Root};

/// Stop collecting after this many problems; one is enough to refuse the file.
const MAX_ERRORS: usize = 50;

/// Returns every problem found (empty when the database is consistent).
pub fn check(db: &Db) -> Vec<String> {
    let mut checker = Checker {
        db,
        reachable: vec![false; db.meta().high_water_mark as usize],
        errors: Vec::new(),
    };
    checker.reachable[0] = true;
    checker.reachable[1] = true;
    let freed = checker.freelist();
    checker.bucket(&db.root(), 0);
    if let Some(freed) = freed {
        let states: Vec<(usize, bool)> = (checker.reachable.iter().zip(&freed))
            .enumerate()
            .filter(|(_, (r, f))| **r == **f)
            .map(|(id, (r, _))| (id, *r))
            .collect();
        for (id, reachable) in states {
            checker.error(if reachable {
                format!("page {id}: reachable freed")
            } else {
                format!("page {id}: unreachable unfreed")
            });
        }
    }
    // Without a stored freelist (etcd's NoFreelistSync) unreachable pages simply are the free
    // ones, as bbolt itself concludes when it rebuilds the freelist.
    if checker.errors.len() > MAX_ERRORS {
        let more = checker.errors.len() - MAX_ERRORS;
        checker.errors.truncate(MAX_ERRORS);
        checker.errors.push(format!("… and {more} more"));
    }
    checker.errors
}

struct Checker<'a> {
    db: &'a Db,
    reachable: Vec<bool>,
    errors: Vec<String>,
}

impl<'a> Checker<'a> {
    fn error(&mut self, message: String) {
        self.errors.push(message);
    }

    /// Marks the stored freelist's own pages reachable and returns the freed map, or `None` when
    /// the freelist is not stored.
    fn freelist(&mut self) -> Option<Vec<bool>> {
        let meta = *self.db.meta();
        if !meta.has_freelist() {
            return None;
        }
        let hwm = meta.high_water_mark as usize;
        let mut freed = vec![false; hwm];
        let (header, bytes) = match self.db.raw_page(meta.freelist) {
            Ok(page) => page,
            Err(e) => {
                self.error(format!("freelist: {e}"));
                return None;
            }
        };
        if header.flags != FLAG_FREELIST {
            self.error(format!(
                "page {}: invalid type {} where the freelist was expected",
                meta.freelist,
                describe_flags(header.flags)
            ));
            return None;
        }
        for id in meta.freelist..=meta.freelist + u64::from(header.overflow) {
            self.reachable[id as usize] = true;
        }
        let order = self.db.byte_order();
        let (mut count, mut at) = (usize::from(header.count), PAGE_HEADER_SIZE);
        if header.count == 0xFFFF {
            count = order.u64(bytes, at) as usize;
            at += 8;
        }
        if at + count.saturating_mul(8) > bytes.len() {
            self.error(format!(
                "page {}: freelist of {count} ids does not fit in the page",
                meta.freelist
            ));
            return None;
        }
        for i in 0..count {
            let id = order.u64(bytes, at + i * 8);
            if id as usize >= hwm {
                self.error(format!("page {id}: freed page out of bounds: {hwm}"));
            } else if std::mem::replace(&mut freed[id as usize], true) {
                self.error(format!("page {id}: already freed"));
            }
        }
        Some(freed)
    }

    fn bucket(&mut self, bucket: &Bucket<'a>, depth: usize) {
        if depth > MAX_DEPTH {
            self.error("buckets nested deeper than 64 levels".into());
            return;
        }
        match bucket.root {
            Root::Page(id) => self.page(id, None, None, depth, 0),
            Root::Inline { bytes, page } => match Node::new(bytes, page, self.db.order) {
                Ok(node) if node.is_leaf => self.leaf(&node, None, None, depth),
                Ok(_) => self.error(format!("page {page}: inline bucket is not a leaf")),
                Err(e) => self.error(e.to_string()),
            },
        }
    }

    /// Checks page `id` and its subtree; its keys must lie in `[low, high)`.
    fn page(
        &mut self,
        id: u64,
        low: Option<&'a [u8]>,
        high: Option<&'a [u8]>,
        bucket_depth: usize,
        tree_depth: usize,
    ) {
        if self.errors.len() > MAX_ERRORS {
            return;
        }
        if tree_depth > MAX_DEPTH {
            self.error(format!("page {id}: tree deeper than 64 levels (a cycle?)"));
            return;
        }
        let (header, bytes) = match self.db.raw_page(id) {
            Ok(page) => page,
            Err(e) => return self.error(e.to_string()),
        };
        for p in id..=id + u64::from(header.overflow) {
            if std::mem::replace(&mut self.reachable[p as usize], true) {
                self.error(format!("page {p}: multiple references"));
                return;
            }
        }
        if header.id != id {
            self.error(format!("page {id}: header claims to be page {}", header.id));
        }
        let node = match Node::new(bytes, id, self.db.order) {
            Ok(node) => node,
            Err(e) => return self.error(e.to_string()),
        };
        if node.count == 0 && !node.is_leaf {
            self.error(format!("page {id}: empty branch page"));
        }
        if node.is_leaf {
            return self.leaf(&node, low, high, bucket_depth);
        }
        let mut previous: Option<&[u8]> = None;
        for i in 0..node.count {
            let (key, child) = match node.branch(i) {
                Ok(element) => element,
                Err(e) => return self.error(e.to_string()),
            };
            if !self.ordered(id, i, key, previous, low, high) {
                return;
            }
            let next = if i + 1 < node.count {
                match node.key(i + 1) {
                    Ok(key) => Some(key),
                    Err(e) => return self.error(e.to_string()),
                }
            } else {
                high
            };
            // The first child inherits the parent's lower bound: bbolt keeps branch keys in sync,
            // but the key a lookup uses is the parent's.
            self.page(child, Some(key), next, bucket_depth, tree_depth + 1);
            previous = Some(key);
        }
    }

    fn leaf(&mut self, node: &Node<'a>, low: Option<&[u8]>, high: Option<&[u8]>, depth: usize) {
        let mut previous: Option<&[u8]> = None;
        for i in 0..node.count {
            let element = match node.leaf(i) {
                Ok(element) => element,
                Err(e) => return self.error(e.to_string()),
            };
            if !self.ordered(node.page, i, element.key, previous, low, high) {
                return;
            }
            previous = Some(element.key);
            if element.flags & LEAF_BUCKET != 0 {
                match Bucket::from_value(self.db, element.value, node.page) {
                    Ok(child) => self.bucket(&child, depth + 1),
                    Err(e) => self.error(e.to_string()),
                }
            }
        }
    }

    fn ordered(
        &mut self,
        page: u64,
        index: usize,
        key: &[u8],
        previous: Option<&[u8]>,
        low: Option<&[u8]>,
        high: Option<&[u8]>,
    ) -> bool {
        let problem = if previous.is_some_and(|p| p >= key) {
            "is not greater than the previous key"
        } else if low.is_some_and(|l| key < l) {
            "is below its parent's separator key"
        } else if high.is_some_and(|h| key >= h) {
            "is not below the next separator key in the parent"
        } else {
            return true;
        };
        self.error(format!(
            "page {page}: key {index} ({}) {problem}",
            printable(key)
        ));
        false
    }
}

/// A key for a message: as text when it is printable ASCII, else hex; at most 64 bytes.
fn printable(key: &[u8]) -> String {
    let key = &key[..key.len().min(64)];
    if key.iter().all(|b| b.is_ascii_graphic() || *b == b' ') {
        String::from_utf8_lossy(key).into_owned()
    } else {
        format!("0x{}", hex::encode(key))
    }
}
