//! The first WAL segment of a restored member: the raft log etcd would write when bootstrapping a
//! new cluster from these members, so the member starts as if it had just been created.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::config::Membership;
use super::proto::{Message, conf_state};

/// etcd preallocates every segment to this size.
pub const SEGMENT_SIZE: u64 = 64_000_000;
/// Name of the first segment: sequence 0, first index 0.
pub const FIRST_SEGMENT: &str = "0000000000000000-0000000000000000.wal";

const METADATA: u64 = 1;
const ENTRY: u64 = 2;
const STATE: u64 = 3;
const CRC: u64 = 4;
const SNAPSHOT: u64 = 5;

const ENTRY_CONF_CHANGE: u64 = 1;
const CONF_CHANGE_ADD_NODE: u64 = 0;

/// The raft term and commit index a restored member starts at: term 1, one entry per member.
pub fn start_point(membership: &Membership) -> (u64, u64) {
    (1, membership.members.len() as u64)
}

/// Writes `<dir>/0000000000000000-0000000000000000.wal`, preallocated and fsynced.
pub fn write_segment(dir: &Path, membership: &Membership) -> Result<PathBuf> {
    let path = dir.join(FIRST_SEGMENT);
    let bytes = segment_records(membership);
    let mut file = super::fsutil::create_private_file(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(&bytes)
        .and_then(|()| file.set_len(SEGMENT_SIZE))
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// The framed records, in etcd's order: crc, metadata, empty snapshot, one ConfChange entry per
/// member, HardState, snapshot at the commit index.
pub fn segment_records(membership: &Membership) -> Vec<u8> {
    let (term, commit) = start_point(membership);
    let ids = membership.member_ids();
    let mut wal = Encoder::default();
    wal.record(CRC, None);
    let metadata = Message::new()
        .uint(1, membership.local_id)
        .uint(2, membership.cluster_id)
        .finish();
    wal.record(METADATA, Some(&metadata));
    wal.record(
        SNAPSHOT,
        Some(&Message::new().uint(1, 0).uint(2, 0).finish()),
    );
    for (index, member) in (1u64..).zip(&membership.members) {
        let change = Message::new()
            .uint(1, 0)
            .uint(2, CONF_CHANGE_ADD_NODE)
            .uint(3, member.id)
            .bytes(4, member.json().as_bytes())
            .finish();
        let entry = Message::new()
            .uint(1, ENTRY_CONF_CHANGE)
            .uint(2, term)
            .uint(3, index)
            .bytes(4, &change)
            .finish();
        wal.record(ENTRY, Some(&entry));
    }
    let hard_state = Message::new()
        .uint(1, term)
        .uint(2, ids[0])
        .uint(3, commit)
        .finish();
    wal.record(STATE, Some(&hard_state));
    let snapshot = Message::new()
        .uint(1, commit)
        .uint(2, term)
        .bytes(3, &conf_state(&ids))
        .finish();
    wal.record(SNAPSHOT, Some(&snapshot));
    wal.out
}

/// `walpb.Record` framing with the running CRC-32C etcd chains through a segment.
#[derive(Default)]
struct Encoder {
    crc: u32,
    out: Vec<u8>,
}

impl Encoder {
    fn record(&mut self, kind: u64, data: Option<&[u8]>) {
        if let Some(data) = data {
            self.crc = crc32c::crc32c_append(self.crc, data);
        }
        let mut record = Message::new().uint(1, kind).uint(2, u64::from(self.crc));
        if let Some(data) = data {
            record = record.bytes(3, data);
        }
        let record = record.finish();
        let pad = (8 - record.len() % 8) % 8;
        let mut length = record.len() as u64;
        if pad != 0 {
            length |= (0x80 | pad as u64) << 56;
        }
        self.out.extend_from_slice(&length.to_le_bytes());
        self.out.extend_from_slice(&record);
        self.out.resize(self.out.len() + pad, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::super::config::etcdctl_fixture_membership;
    use super::*;

    /// The records `etcdctl snapshot restore` (3.4.23) wrote for member x, token restore-tok,
    /// peer http://127.0.0.1:23801; 3.5's etcdutl adds the ConfState to the last snapshot record.
    #[test]
    fn matches_etcdctl_records() {
        let membership = etcdctl_fixture_membership();
        let got = hex::encode(segment_records(&membership));
        let etcdctl_prefix = concat!(
            "0400000000000084",
            "08041000",
            "00000000",
            "1f00000000000081",
            "080110d184debc041a150889e4e7f4c1b1a6a72510a4c4ed85f08d9bf5ff01",
            "00",
            "0e00000000000082",
            "080510e687cc8f0f1a0408001000",
            "0000",
            "6d00000000000083",
            "080210c581d6b6091a63080110011801225b080010001889e4e7f4c1b1a6a725224b",
            "7b226964223a323638383235343835343637343634313431372c227065657255524c73223a5b22",
            "687474703a2f2f3132372e302e302e313a3233383031225d2c226e616d65223a2278227d",
            "000000",
            "1800000000000000",
            "0803108aa0acac061a0e08011089e4e7f4c1b1a6a7251801",
        );
        assert!(got.starts_with(etcdctl_prefix), "{got}");
        let last = &got[etcdctl_prefix.len()..];
        // type 5, running crc, data = {index 1, term 1, confState{voters [id], auto_leave false}}
        assert!(last.starts_with("1c00000000000084080510"), "{last}");
        assert!(
            last.contains("080110011a0c0889e4e7f4c1b1a6a7252800"),
            "{last}"
        );
        assert_eq!(got.len() % 16, 0, "records are 8-byte aligned");
    }
}
