//! An installed Velero server as the plugin sees it on the fake API server: Velero's CRDs, its
//! running Deployment and a default BackupStorageLocation.

use kubectl_backup_testbed::FakeApiServer;
use kubectl_backup_testbed::s3::S3Server;
use serde_json::json;

/// Velero installed and running, with its default location (bucket `bucket`, prefix `team-a`)
/// in phase `bsl_phase`; on `s3` with its credentials when given, else on an endpoint the tests
/// never reach.
pub fn install_velero(server: &FakeApiServer, bsl_phase: &str, s3: Option<&S3Server>) {
    server.install_velero_crds();
    let store = server.store();
    store.create_namespace("velero");
    store
        .create(json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "velero", "namespace": "velero", "labels": {"component": "velero"}},
            "spec": {"replicas": 1, "selector": {"matchLabels": {"component": "velero"}},
                "template": {"metadata": {"labels": {"component": "velero"}},
                    "spec": {"containers": [{"name": "velero", "image": "velero/velero"}]}}},
            "status": {"replicas": 1, "availableReplicas": 1,
                "conditions": [{"type": "Available", "status": "True"}]}}))
        .expect("Velero Deployment");
    let mut config = json!({"region": "us-east-1", "s3ForcePathStyle": "true"});
    if let Some(s3) = s3 {
        config["s3Url"] = json!(s3.endpoint);
        let ini = format!(
            "[default]\naws_access_key_id={}\naws_secret_access_key={}\n",
            s3.access_key, s3.secret_key
        );
        store
            .create(json!({"apiVersion": "v1", "kind": "Secret",
                "metadata": {"name": "cloud-credentials", "namespace": "velero"},
                "data": {"cloud": base64(&ini)}}))
            .expect("Velero credentials Secret");
    }
    store
        .apply(
            json!({"apiVersion": "velero.io/v1", "kind": "BackupStorageLocation",
            "metadata": {"name": "default", "namespace": "velero"},
            "spec": {"provider": "aws", "default": true,
                "objectStorage": {"bucket": "bucket", "prefix": "team-a"},
                "config": config},
            "status": {"phase": bsl_phase}}),
        )
        .expect("Velero BackupStorageLocation");
}

fn base64(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}
