//! Kanister's side of the tests: Profiles for the in-process S3 server and the names the plugin
//! gives ActionSets.

use kubectl_backup_testbed::TestCluster;
use kubectl_backup_testbed::s3::S3Server;
use serde_json::{Value, json};

/// The in-process S3 server for a test without a runtime of its own: the returned runtime runs
/// its accept loop, so keep it (and drop it after the server).
pub fn start_s3() -> (S3Server, tokio::runtime::Runtime) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let s3 = runtime.block_on(S3Server::start()).unwrap();
    (s3, runtime)
}

/// A Kanister Profile `s3` in `namespace` for the in-process S3 server, with its key Secret.
pub fn create_s3_profile(cluster: &TestCluster, s3: &S3Server, namespace: &str, prefix: &str) {
    let objects = cluster.objects();
    objects
        .create(json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "s3-creds", "namespace": namespace},
            "stringData": {"aws_access_key_id": s3.access_key,
                           "aws_secret_access_key": s3.secret_key}}))
        .unwrap();
    objects
        .create(
            json!({"apiVersion": "cr.kanister.io/v1alpha1", "kind": "Profile",
            "metadata": {"name": "s3", "namespace": namespace},
            "location": {"type": "s3Compliant", "bucket": "bucket", "endpoint": s3.endpoint,
                         "prefix": prefix, "region": "us-east-1"},
            "credential": {"type": "keyPair", "keyPair": {"idField": "aws_access_key_id",
                "secretField": "aws_secret_access_key",
                "secret": {"name": "s3-creds", "namespace": namespace}}},
            "skipSSLVerify": false}),
        )
        .unwrap();
}

/// The ActionSet name in the plugin's `actionset NAME created` line.
pub fn created_name(stdout: &str) -> String {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("actionset ")?.strip_suffix(" created"))
        .unwrap_or_else(|| panic!("no 'actionset … created' line in {stdout}"))
        .to_string()
}

/// `(type, reason, message)` of the Events on ActionSet `name` among `events` (a namespace's
/// Events), oldest first: their names carry a timestamp.
pub fn actionset_events(events: Vec<Value>, name: &str) -> Vec<(String, String, String)> {
    let mut events: Vec<Value> = events
        .into_iter()
        .filter(|e| {
            e["involvedObject"]["name"] == name && e["involvedObject"]["kind"] == "ActionSet"
        })
        .collect();
    events.sort_by_key(|e| e["metadata"]["name"].as_str().unwrap_or("").to_string());
    events
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or("").to_string();
            (s("type"), s("reason"), s("message"))
        })
        .collect()
}

/// The plugin's arguments that make an `s3compliant` Profile for bucket `bucket` at `endpoint`;
/// the caller adds credentials, name and the rest.
pub fn s3_profile_args(endpoint: &str) -> Vec<&str> {
    vec![
        "profile",
        "create",
        "s3compliant",
        "--bucket",
        "bucket",
        "--region",
        "us-east-1",
        "--endpoint",
        endpoint,
    ]
}
