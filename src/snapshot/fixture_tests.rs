//! Our reader, lister and writer against `tests/data/snapshot/velero-made/`: a backup laid out
//! by hand exactly as Velero writes one (see `make_velero_fixture.py` next to it).

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::snapshot::create::{BackupRecord, backup_record, backup_spec};
use crate::snapshot::layout::{BackupKeys, ItemPath};
use crate::snapshot::schema_check::{crd_schema, validate};
use crate::snapshot::tarball::{Archive, ArchivedItem, TarballWriter};
use crate::snapshot::types::{Backup, BackupPhase};
use crate::storage::{LocalConfig, ObjectStore, StorageConfig};

fn fixture_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/snapshot/velero-made")
}

fn fixture_store() -> ObjectStore {
    ObjectStore::new(StorageConfig::Local(LocalConfig {
        root: fixture_root(),
        prefix: String::new(),
    }))
    .unwrap()
}

fn velero_archive() -> Archive {
    let tarball = fixture_root().join("backups/nightly/nightly.tar.gz");
    Archive::open_path(&tarball, None).unwrap()
}

fn entry_paths(tarball: &[u8]) -> BTreeSet<String> {
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(tarball));
    archive
        .entries()
        .unwrap()
        .map(|e| e.unwrap().path().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn reads_a_velero_made_tarball() {
    let archive = velero_archive();
    assert_eq!(archive.format_version(), "1.1.0");
    assert!(!archive.verification().integrity_checked);
    assert_eq!(archive.item_count(), 8);
    let widgets = archive.resource("widgets.example.com").unwrap();
    assert_eq!(widgets.kind, "Widget");
    assert_eq!(widgets.api_version, "example.com/v1alpha1");
    assert_eq!(widgets.preferred_version.as_deref(), Some("v1alpha1"));
    let deployment = archive
        .get("deployments.apps", Some("shop"), "web")
        .unwrap()
        .unwrap();
    assert_eq!(deployment["spec"]["replicas"], 2);
    assert!(
        archive
            .get("persistentvolumes", None, "pv-1")
            .unwrap()
            .is_some()
    );
    assert_eq!(
        archive.namespaces().into_iter().collect::<Vec<_>>(),
        ["shop"]
    );
}

#[test]
fn our_writer_produces_velero_layout_for_the_same_items() {
    let velero = std::fs::read(fixture_root().join("backups/nightly/nightly.tar.gz")).unwrap();
    let archive = velero_archive();
    let mut writer = TarballWriter::new(Vec::new(), std::io::sink()).unwrap();
    for handle in archive.items() {
        let index = archive.resource(handle.group_resource).unwrap();
        writer
            .add(&ArchivedItem {
                path: ItemPath::new(handle.group_resource, handle.namespace, &handle.item.name),
                version: index.preferred_version.clone().unwrap(),
                api_version: index.api_version.clone(),
                kind: index.kind.clone(),
                body: archive.read_bytes(handle.item).unwrap(),
            })
            .unwrap();
    }
    let ours = writer.finish().unwrap();
    assert_eq!(entry_paths(&ours.out), entry_paths(&velero));

    // The resource list matches Velero's file for the same items.
    let velero_list: crate::snapshot::tarball::ResourceList =
        serde_json::from_reader(flate2::read::GzDecoder::new(
            std::fs::File::open(
                fixture_root().join("backups/nightly/nightly-resource-list.json.gz"),
            )
            .unwrap(),
        ))
        .unwrap();
    assert_eq!(ours.resource_list, velero_list);
}

#[test]
fn velero_backup_json_parses_and_validates() {
    let text = std::fs::read(fixture_root().join("backups/nightly/velero-backup.json")).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&text).unwrap();
    assert!(validate(&crd_schema("velero.io_backups.yaml"), &value).is_empty());
    let backup: Backup = serde_json::from_value(value).unwrap();
    assert_eq!(backup.phase(), Some(BackupPhase::Completed));
}

#[test]
fn our_velero_backup_json_validates_against_the_crd() {
    let selection = crate::snapshot::collect::Selection {
        include_namespaces: vec!["shop".into(), "web-*".into()],
        selector: Some("app=web,tier in (a,b)".into()),
        include_cluster_resources: Some(false),
        ..Default::default()
    };
    let ttl = std::time::Duration::from_secs(3600);
    let version = k8s_openapi::apimachinery::pkg::version::Info {
        git_version: "v1.33.1".into(),
        major: "1".into(),
        minor: "33".into(),
        ..Default::default()
    };
    let backup = backup_record(&BackupRecord {
        name: "b1",
        spec: backup_spec(&selection, ttl, "default").unwrap(),
        location: "default",
        started: crate::snapshot::types::now(),
        ttl,
        phase: BackupPhase::PartiallyFailed,
        warnings: 1,
        errors: 2,
        items: 10,
        server_version: &version,
    });
    let json = serde_json::to_value(&backup).unwrap();
    let errors = validate(&crd_schema("velero.io_backups.yaml"), &json);
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(json["spec"]["ttl"], "1h0m0s");
    assert_eq!(json["spec"]["includeClusterResources"], false);
    assert_eq!(json["spec"]["labelSelector"]["matchLabels"]["app"], "web");
    assert_eq!(json["status"]["formatVersion"], "1.1.0");
    assert_eq!(json["status"]["version"], 1);
    assert_eq!(
        json["metadata"]["labels"]["velero.io/storage-location"],
        "default"
    );
    assert_eq!(json["status"]["progress"]["itemsBackedUp"], 10);
}

#[tokio::test]
async fn lists_describes_and_downloads_a_velero_made_backup() {
    let store = fixture_store();
    let listed = crate::snapshot::list::list(&store, Vec::new())
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    let nightly = &listed[0];
    assert_eq!(nightly.name, "nightly");
    assert_eq!(nightly.phase(), "Completed");
    assert_eq!(nightly.items(), Some(8));
    assert!(!nightly.written_by_us());
    assert!(!nightly.has_integrity_record);
    assert!(nightly.is_usable());

    let extras = crate::snapshot::describe::read_extras(&store, "nightly", true)
        .await
        .unwrap();
    let text = crate::snapshot::describe::render(nightly, &extras, true);
    assert!(text.contains("shop: a warning from velero"), "{text}");
    assert!(text.contains("apps/v1/Deployment (1):"), "{text}");
    assert!(text.contains("shop (1): web"), "{text}");

    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.tar.gz");
    let downloaded = crate::snapshot::download::download(&store, "nightly", Some(&target), false)
        .await
        .unwrap();
    assert_eq!(downloaded.items, 8);
    assert!(target.exists());
    // Refuses to overwrite without --force.
    assert!(
        crate::snapshot::download::download(&store, "nightly", Some(&target), false)
            .await
            .is_err()
    );

    let archive = crate::snapshot::download::open_archive(&store, "nightly")
        .await
        .unwrap();
    assert_eq!(archive.item_count(), 8);
    assert_eq!(
        BackupKeys::new("nightly").tarball(),
        "backups/nightly/nightly.tar.gz"
    );
}
