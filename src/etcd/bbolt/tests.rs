use super::*;

fn fixture_bytes() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/etcd/small-3.4.db");
    std::fs::read(path).unwrap()
}

#[test]
fn reads_an_etcd_snapshot() {
    let db = Db::from_bytes(fixture_bytes()).unwrap();
    assert_eq!(db.page_size(), 4096);
    assert_eq!(db.size(), 110_592);
    assert!(!db.meta().has_freelist(), "etcd uses NoFreelistSync");
    let names: Vec<String> = db
        .buckets()
        .map(|b| String::from_utf8(b.unwrap().0.to_vec()).unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "alarm",
            "auth",
            "authRoles",
            "authUsers",
            "cluster",
            "key",
            "lease",
            "members",
            "members_removed",
            "meta"
        ]
    );
    assert!(check(&db).is_empty(), "{:?}", check(&db));

    let meta = db.bucket(b"meta").unwrap().unwrap();
    assert!(meta.is_inline());
    assert_eq!(
        meta.get(b"consistent_index").unwrap().unwrap().value.len(),
        8
    );
    assert!(meta.get(b"nope").unwrap().is_none());
    assert!(db.bucket(b"nope").unwrap().is_none());
    let cluster = db.bucket(b"cluster").unwrap().unwrap();
    assert_eq!(
        cluster.get(b"clusterVersion").unwrap().unwrap().value,
        b"3.4.0"
    );

    // `key` spans several leaves under a branch, with one value on overflow pages.
    let key = db.bucket(b"key").unwrap().unwrap();
    assert!(!key.is_inline());
    let root = key.root_page().unwrap();
    assert_eq!(db.raw_page(root).unwrap().0.flags, FLAG_BRANCH);
    let entries: Vec<Entry> = key.iter().map(Result::unwrap).collect();
    assert_eq!(
        entries.len(),
        323 - 1,
        "one revision per write after the first"
    );
    assert!(entries.windows(2).all(|w| w[0].key < w[1].key));
    assert!(
        entries.iter().any(|e| e.value.len() > 4096),
        "overflow value"
    );
    // Every key is found by lookup, and lookups between keys find nothing.
    for e in &entries {
        assert_eq!(key.get(e.key).unwrap().unwrap().value, e.value);
        let mut after = e.key.to_vec();
        after.push(0);
        assert!(key.get(&after).unwrap().is_none());
    }
    assert!(key.get(b"").unwrap().is_none());
    assert_eq!(
        key.last().unwrap().unwrap().key,
        entries.last().unwrap().key
    );
}

#[test]
fn a_torn_meta_page_falls_back_to_the_other() {
    let original = Db::from_bytes(fixture_bytes()).unwrap();
    let txid = original.meta().txid;
    let mut bytes = fixture_bytes();
    // Which meta is newer depends on the txid's parity; tear that one.
    let newer = if Meta::decode(&bytes, ByteOrder::Little).unwrap().txid == txid {
        0
    } else {
        4096
    };
    bytes[newer + PAGE_HEADER_SIZE + 40] ^= 0xFF;
    let db = Db::from_bytes(bytes.clone()).unwrap();
    assert_eq!(db.meta().txid, txid - 1);
    // Tear the other one too: nothing left to trust.
    let older = 4096 - newer;
    bytes[older + PAGE_HEADER_SIZE + 40] ^= 0xFF;
    let err = Db::from_bytes(bytes).unwrap_err().to_string();
    assert!(err.contains("both meta pages are invalid"), "{err}");
    assert!(err.contains("checksum mismatch"), "{err}");
}

#[test]
fn truncated_and_foreign_files_are_refused() {
    let bytes = fixture_bytes();
    let err = Db::from_bytes(bytes[..50_000].to_vec()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Truncated {
                needed: 110_592,
                actual: 50_000
            }
        ),
        "{err}"
    );
    let err = Db::from_bytes(b"hello world, not a database".repeat(400)).unwrap_err();
    assert!(err.to_string().starts_with("not a bbolt database"), "{err}");
    let err = Db::from_bytes(vec![1, 2, 3]).unwrap_err();
    assert!(err.to_string().contains("only 3 bytes"), "{err}");
}

#[test]
fn corrupt_pages_are_reported_not_panicked_on() {
    let clean = fixture_bytes();
    let db = Db::from_bytes(clean.clone()).unwrap();
    let key_root = db.bucket(b"key").unwrap().unwrap().root_page().unwrap() as usize;
    let ps = db.page_size();

    // A branch element pointing past the high-water mark.
    let mut bytes = clean.clone();
    let child = key_root * ps + PAGE_HEADER_SIZE + 8;
    bytes[child..child + 8].copy_from_slice(&1_000_000u64.to_le_bytes());
    let db = Db::from_bytes(bytes).unwrap();
    let problems = check(&db);
    assert!(
        problems.iter().any(|p| p.contains("out of bounds")),
        "{problems:?}"
    );
    let key = db.bucket(b"key").unwrap().unwrap();
    assert!(key.iter().any(|e| e.is_err()));

    // Two branch elements pointing at the same child.
    let mut bytes = clean.clone();
    let first = key_root * ps + PAGE_HEADER_SIZE + 8;
    let second = first + ELEMENT_SIZE;
    let target: [u8; 8] = bytes[first..first + 8].try_into().unwrap();
    bytes[second..second + 8].copy_from_slice(&target);
    let problems = check(&Db::from_bytes(bytes).unwrap());
    assert!(
        problems.iter().any(|p| p.contains("multiple references")),
        "{problems:?}"
    );

    // Garbage page type and an element count that cannot fit.
    let mut bytes = clean.clone();
    bytes[key_root * ps + 8] = 0x40;
    let problems = check(&Db::from_bytes(bytes).unwrap());
    assert!(
        problems
            .iter()
            .any(|p| p.contains("invalid type unknown<0x40>")),
        "{problems:?}"
    );
    let mut bytes = clean;
    bytes[key_root * ps + 10..key_root * ps + 12].copy_from_slice(&u16::MAX.to_le_bytes());
    let db = Db::from_bytes(bytes).unwrap();
    assert!(check(&db).iter().any(|p| p.contains("do not fit")));
    assert!(
        db.bucket(b"key")
            .unwrap()
            .unwrap()
            .iter()
            .next()
            .unwrap()
            .is_err()
    );
}
