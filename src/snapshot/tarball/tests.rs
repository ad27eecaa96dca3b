use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;

use super::*;
use crate::snapshot::layout::ItemPath;

fn item(gr: &str, ns: Option<&str>, name: &str, api_version: &str, kind: &str) -> ArchivedItem {
    let mut meta = serde_json::json!({ "name": name });
    if let Some(ns) = ns {
        meta["namespace"] = ns.into();
    }
    let body = serde_json::to_vec(&serde_json::json!({
        "apiVersion": api_version, "kind": kind, "metadata": meta, "data": {"k": "v"}
    }))
    .unwrap();
    ArchivedItem {
        path: ItemPath::new(gr, ns, name),
        version: api_version.rsplit('/').next().unwrap().to_string(),
        api_version: api_version.to_string(),
        kind: kind.to_string(),
        body,
    }
}

type Sample = (Vec<u8>, Vec<u8>, WrittenTarball<Vec<u8>, Vec<u8>>);

fn sample() -> Sample {
    let mut w = TarballWriter::new(Vec::new(), Vec::new()).unwrap();
    w.add(&item("configmaps", Some("shop"), "b", "v1", "ConfigMap"))
        .unwrap();
    w.add(&item("configmaps", Some("shop"), "a", "v1", "ConfigMap"))
        .unwrap();
    w.add(&item(
        "deployments.apps",
        Some("shop"),
        "web",
        "apps/v1",
        "Deployment",
    ))
    .unwrap();
    w.add(&item("namespaces", None, "shop", "v1", "Namespace"))
        .unwrap();
    let written = w.finish().unwrap();
    (written.out.clone(), written.integrity.clone(), written)
}

fn entry_paths(tarball: &[u8]) -> Vec<String> {
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(tarball));
    archive
        .entries()
        .unwrap()
        .map(|e| e.unwrap().path().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn writer_follows_velero_layout() {
    let (tarball, _, written) = sample();
    let paths = entry_paths(&tarball);
    assert_eq!(paths[0], "metadata/version");
    assert!(paths.contains(&"resources/configmaps/namespaces/shop/a.json".to_string()));
    assert!(
        paths.contains(
            &"resources/configmaps/v1-preferredversion/namespaces/shop/a.json".to_string()
        )
    );
    assert!(paths.contains(
        &"resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json".to_string()
    ));
    assert!(paths.contains(&"resources/namespaces/cluster/shop.json".to_string()));
    assert_eq!(paths.len(), 1 + 2 * 4);
    // Regular files only, mode 0755.
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(tarball.as_slice()));
    for entry in archive.entries().unwrap() {
        let entry = entry.unwrap();
        assert_eq!(entry.header().entry_type(), tar::EntryType::Regular);
        assert_eq!(entry.header().mode().unwrap(), 0o755);
    }
    assert_eq!(written.items, 4);
    assert_eq!(
        written.resource_list["v1/ConfigMap"],
        vec!["shop/a", "shop/b"]
    );
    assert_eq!(
        written.resource_list["apps/v1/Deployment"],
        vec!["shop/web"]
    );
    assert_eq!(written.resource_list["v1/Namespace"], vec!["shop"]);
}

#[test]
fn reader_indexes_what_the_writer_wrote() {
    let (tarball, record, _) = sample();
    let archive = Archive::open(tarball.as_slice(), Some(record.as_slice())).unwrap();
    assert_eq!(archive.format_version(), "1.1.0");
    assert!(archive.verification().integrity_checked);
    assert_eq!(archive.item_count(), 4);
    let cms = archive.resource("configmaps").unwrap();
    assert_eq!(cms.kind, "ConfigMap");
    assert_eq!(cms.preferred_version.as_deref(), Some("v1"));
    let names: Vec<_> = cms.namespaces["shop"]
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["a", "b"]);
    let web = archive
        .get("deployments.apps", Some("shop"), "web")
        .unwrap()
        .unwrap();
    assert_eq!(web["kind"], "Deployment");
    assert!(
        archive
            .get("deployments.apps", Some("shop"), "nope")
            .unwrap()
            .is_none()
    );
    assert_eq!(
        archive.namespaces().into_iter().collect::<Vec<_>>(),
        ["shop"]
    );
    let all: Vec<_> = archive
        .items()
        .map(|h| (h.group_resource, h.namespace, h.item.name.as_str()))
        .collect();
    assert_eq!(all[0], ("configmaps", Some("shop"), "a"));
    assert!(all.contains(&("namespaces", None, "shop")));
    // Velero-made backups have no record: structure is still checked.
    assert!(
        !Archive::open(tarball.as_slice(), None::<&[u8]>)
            .unwrap()
            .verification()
            .integrity_checked
    );
}

#[test]
fn truncated_tarballs_are_refused() {
    let (tarball, _, _) = sample();
    for cut in [tarball.len() - 1, tarball.len() - 8, tarball.len() / 2, 30] {
        let err = Archive::open(&tarball[..cut], None::<&[u8]>).unwrap_err();
        assert!(
            format!("{err:#}").contains("truncated"),
            "cut at {cut}: {err:#}"
        );
    }
}

#[test]
fn trailing_garbage_is_refused() {
    let (mut tarball, _, _) = sample();
    tarball.extend_from_slice(b"garbage");
    assert!(Archive::open(tarball.as_slice(), None::<&[u8]>).is_err());
}

/// Builds a gzip tarball by hand, for shapes our writer never produces.
fn raw_tarball(entries: &[(&str, tar::EntryType, &[u8])]) -> Vec<u8> {
    let mut builder = tar::Builder::new(GzEncoder::new(Vec::new(), Compression::fast()));
    for (path, kind, body) in entries {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(*kind);
        header.set_size(body.len() as u64);
        header.set_mode(0o644);
        // Bypass the tar crate's own path checks: write the name bytes directly.
        let name = &mut header.as_old_mut().name;
        name[..path.len()].copy_from_slice(path.as_bytes());
        if *kind == tar::EntryType::Symlink {
            header.set_link_name("/etc/passwd").unwrap();
        }
        header.set_cksum();
        builder.append(&header, *body).unwrap();
    }
    builder.into_inner().unwrap().finish().unwrap()
}

const VERSION: (&str, tar::EntryType, &[u8]) =
    ("metadata/version", tar::EntryType::Regular, b"1.1.0\n");

#[test]
fn escaping_paths_and_links_are_refused() {
    let body: &[u8] = br#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}"#;
    let cases: [(&str, tar::EntryType, &str); 4] = [
        (
            "resources/configmaps/namespaces/../../../etc/x.json",
            tar::EntryType::Regular,
            "..",
        ),
        (
            "/resources/configmaps/cluster/x.json",
            tar::EntryType::Regular,
            "absolute",
        ),
        (
            "resources/configmaps/cluster/x.json",
            tar::EntryType::Symlink,
            "link",
        ),
        (
            "resources/configmaps/cluster/x.json",
            tar::EntryType::Link,
            "link",
        ),
    ];
    for (path, kind, why) in cases {
        let tarball = raw_tarball(&[
            VERSION,
            (path, kind, if kind.is_file() { body } else { b"" }),
        ]);
        let err = Archive::open(tarball.as_slice(), None::<&[u8]>).unwrap_err();
        assert!(format!("{err:#}").contains(why), "{path}: {err:#}");
    }
}

#[test]
fn malformed_items_are_refused() {
    let other_name: &[u8] = br#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"y"}}"#;
    let tarball = raw_tarball(&[
        VERSION,
        (
            "resources/configmaps/namespaces/a/x.json",
            tar::EntryType::Regular,
            other_name,
        ),
    ]);
    assert!(Archive::open(tarball.as_slice(), None::<&[u8]>).is_err());
    let not_json = raw_tarball(&[
        VERSION,
        (
            "resources/configmaps/namespaces/a/x.json",
            tar::EntryType::Regular,
            b"{",
        ),
    ]);
    assert!(Archive::open(not_json.as_slice(), None::<&[u8]>).is_err());
    let no_version = raw_tarball(&[(
        "resources/configmaps/namespaces/a/y.json",
        tar::EntryType::Regular,
        other_name,
    )]);
    let err = Archive::open(no_version.as_slice(), None::<&[u8]>).unwrap_err();
    assert!(err.to_string().contains("metadata/version"), "{err}");
    let v2 = raw_tarball(&[("metadata/version", tar::EntryType::Regular, b"2.0.0\n")]);
    assert!(Archive::open(v2.as_slice(), None::<&[u8]>).is_err());
}

#[test]
fn a_tampered_item_is_refused() {
    let (tarball, record, _) = sample();
    // Re-pack the same entries with one body changed (same length, so only the hash tells).
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(tarball.as_slice()));
    let mut builder = tar::Builder::new(GzEncoder::new(Vec::new(), Compression::fast()));
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let mut body = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut body).unwrap();
        let path = entry.path().unwrap().into_owned();
        if path.to_string_lossy() == "resources/configmaps/namespaces/shop/a.json" {
            let text = String::from_utf8(body).unwrap().replace("\"v\"", "\"w\"");
            body = text.into_bytes();
        }
        let mut header = entry.header().clone();
        builder
            .append_data(&mut header, path, body.as_slice())
            .unwrap();
    }
    let tampered = builder.into_inner().unwrap().finish().unwrap();
    let err = Archive::open(tampered.as_slice(), Some(record.as_slice())).unwrap_err();
    assert!(
        format!("{err:#}").contains("resources/configmaps/namespaces/shop/a.json was modified"),
        "{err:#}"
    );
    // Without the record, the same tarball is structurally fine.
    assert!(Archive::open(tampered.as_slice(), None::<&[u8]>).is_ok());
}

#[test]
fn a_replaced_tarball_is_refused_even_with_matching_entries() {
    let (tarball, record, _) = sample();
    // Same entries, different compression: every entry hash matches, the tarball hash does not.
    let mut out = GzEncoder::new(Vec::new(), Compression::best());
    let mut raw = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(tarball.as_slice()),
        &mut raw,
    )
    .unwrap();
    out.write_all(&raw).unwrap();
    let recompressed = out.finish().unwrap();
    let err = Archive::open(recompressed.as_slice(), Some(record.as_slice())).unwrap_err();
    assert!(
        format!("{err:#}").contains("modified or replaced"),
        "{err:#}"
    );
}

#[test]
fn long_names_survive_the_round_trip() {
    let ns = "n".repeat(63);
    let name = format!("{}-{}", "a".repeat(120), "z".repeat(100));
    let mut w = TarballWriter::new(Vec::new(), Vec::new()).unwrap();
    w.add(&item(
        "widgets.very-long-group-name.example.com",
        Some(&ns),
        &name,
        "very-long-group-name.example.com/v1",
        "Widget",
    ))
    .unwrap();
    let written = w.finish().unwrap();
    let archive =
        Archive::open(written.out.as_slice(), Some(written.integrity.as_slice())).unwrap();
    let found = archive
        .get("widgets.very-long-group-name.example.com", Some(&ns), &name)
        .unwrap()
        .unwrap();
    assert_eq!(found["metadata"]["name"], name.as_str());
    assert!(
        entry_paths(&written.out)
            .iter()
            .all(|p| !p.contains("LongLink"))
    );
}
