//! The v2 `.snap` file etcd 3.4–3.7 loads at start: a raft snapshot at the restore's commit index
//! whose data is the v2 store holding the new membership. Without it etcd ≤ 3.7 finds the WAL's
//! snapshot record but no snapshot and refuses to start.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde_json::{Map, Value, json};

use super::config::Membership;
use super::proto::{Message, conf_state};
use super::wal::start_point;

/// Writes `<snap_dir>/<term:016x>-<index:016x>.snap` and fsyncs it.
pub fn write_snap_file(snap_dir: &Path, membership: &Membership) -> Result<PathBuf> {
    let (term, index) = start_point(membership);
    let path = snap_dir.join(format!("{term:016x}-{index:016x}.snap"));
    crate::etcd::restore::fsutil::write_synced(&path, &snap_file(membership))
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// `snappb.snapshot{crc, data = raftpb.Snapshot{v2 store JSON, metadata}}`.
pub fn snap_file(membership: &Membership) -> Vec<u8> {
    let (term, index) = start_point(membership);
    let metadata = Message::new()
        .bytes(1, &conf_state(&membership.member_ids()))
        .uint(2, index)
        .uint(3, term)
        .finish();
    let snapshot = Message::new()
        .bytes(1, v2_store_json(membership).as_bytes())
        .bytes(2, &metadata)
        .finish();
    Message::new()
        .uint(1, u64::from(crc32c::crc32c(&snapshot)))
        .bytes(2, &snapshot)
        .finish()
}

/// The v2 store as etcd serialises it after adding each member's `raftAttributes` (one create
/// per member, in ID order), including the event history and stats etcd would have.
pub fn v2_store_json(membership: &Membership) -> String {
    const HISTORY_CAPACITY: usize = 1000;
    let count = membership.members.len() as u64;
    let mut member_dirs = Map::new();
    let mut events = Vec::with_capacity(HISTORY_CAPACITY);
    let mut by_key: Vec<(String, u64, String)> = Vec::new();
    for (index, member) in (1u64..).zip(&membership.members) {
        by_key.push((member.id_string(), index, member.raft_attributes_json()));
        events.push(json!({
            "action": "create",
            "node": {
                "key": format!("/0/members/{}/raftAttributes", member.id_string()),
                "value": member.raft_attributes_json(),
                "modifiedIndex": index,
                "createdIndex": index,
            }
        }));
    }
    events.resize(HISTORY_CAPACITY, Value::Null);
    // Go marshals map keys sorted.
    by_key.sort();
    for (id, index, attributes) in by_key {
        let dir = format!("/0/members/{id}");
        let leaf = node(
            &format!("{dir}/raftAttributes"),
            index,
            &attributes,
            Value::Null,
        );
        member_dirs.insert(id, node(&dir, index, "", json!({ "raftAttributes": leaf })));
    }
    let members = node("/0/members", 1, "", Value::Object(member_dirs));
    let root = node(
        "/",
        0,
        "",
        json!({
            "0": node("/0", 0, "", json!({ "members": members })),
            "1": node("/1", 0, "", json!({})),
        }),
    );
    let store = json!({
        "Root": root,
        "WatcherHub": {
            "EventHistory": {
                "Queue": {
                    "Events": events,
                    "Size": count,
                    "Front": 0,
                    "Back": count,
                    "Capacity": HISTORY_CAPACITY,
                },
                "StartIndex": 1,
                "LastIndex": count,
            }
        },
        "CurrentIndex": count,
        "Stats": {
            "getsSuccess": 0, "getsFail": 0, "setsSuccess": 0, "setsFail": 0,
            "deleteSuccess": 0, "deleteFail": 0, "updateSuccess": 0, "updateFail": 0,
            "createSuccess": count, "createFail": 0,
            "compareAndSwapSuccess": 0, "compareAndSwapFail": 0,
            "compareAndDeleteSuccess": 0, "compareAndDeleteFail": 0,
            "expireCount": 0, "watchers": 0,
        },
        "CurrentVersion": 2,
    });
    serde_json::to_string(&store).expect("v2 store JSON")
}

/// A v2 store node; `children` null for a key, an object for a directory.
fn node(path: &str, index: u64, value: &str, children: Value) -> Value {
    json!({
        "Path": path,
        "CreatedIndex": index,
        "ModifiedIndex": index,
        "ExpireTime": "0001-01-01T00:00:00Z",
        "Value": value,
        "Children": children,
    })
}

#[cfg(test)]
mod tests {
    use super::super::config::etcdctl_fixture_membership;
    use super::*;

    /// Byte-for-byte what `etcdctl snapshot restore` 3.4.23 wrote for member x, token
    /// restore-tok, peer http://127.0.0.1:23801.
    #[test]
    fn matches_etcdctl() {
        let membership = etcdctl_fixture_membership();
        let expected = include_bytes!("../../../tests/data/etcd/etcdctl-3.4-restore-x.snap");
        let got = snap_file(&membership);
        assert!(
            got == expected,
            "differs from etcdctl:\n{}\n{}",
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(expected)
        );
    }
}
