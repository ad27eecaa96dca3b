//! The upstream Kanister and Velero CRDs (JSON copies of `/work/shared/reference/crds`, see
//! `crds/README.md`), ready to install into a fake server.

use serde_json::Value;

const KANISTER: &[&str] = &[
    include_str!("../../crds/kanister/actionset.json"),
    include_str!("../../crds/kanister/blueprint.json"),
    include_str!("../../crds/kanister/profile.json"),
];

const VELERO: &[&str] = &[
    include_str!("../../crds/velero/velero.io_backups.json"),
    include_str!("../../crds/velero/velero.io_backupstoragelocations.json"),
    include_str!("../../crds/velero/velero.io_deletebackuprequests.json"),
    include_str!("../../crds/velero/velero.io_downloadrequests.json"),
    include_str!("../../crds/velero/velero.io_podvolumebackups.json"),
    include_str!("../../crds/velero/velero.io_restores.json"),
    include_str!("../../crds/velero/velero.io_schedules.json"),
];

fn parse(docs: &[&str]) -> Vec<Value> {
    docs.iter()
        .map(|d| serde_json::from_str(d).expect("bundled CRD JSON parses"))
        .collect()
}

/// `actionsets`, `blueprints`, `profiles` of `cr.kanister.io`.
pub fn kanister() -> Vec<Value> {
    parse(KANISTER)
}

/// `backups`, `backupstoragelocations`, `deletebackuprequests`, `downloadrequests`,
/// `podvolumebackups`, `restores`, `schedules` of `velero.io`.
pub fn velero() -> Vec<Value> {
    parse(VELERO)
}
