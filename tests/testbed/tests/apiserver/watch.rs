use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use k8s_openapi::api::core::v1::ConfigMap;
use kube::api::{Api, Patch, PatchParams, PostParams, WatchEvent, WatchParams};
use kube::runtime::{WatchStreamExt, watcher};
use kubectl_backup_testbed::FakeApiServer;
use serde_json::json;

fn cm(name: &str, labels: serde_json::Value) -> ConfigMap {
    serde_json::from_value(json!({"metadata": {"name": name, "labels": labels}})).unwrap()
}

#[tokio::test]
async fn watch_from_a_resource_version_streams_changes_in_order() {
    let srv = FakeApiServer::start().await;
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "default");
    let list = api.list(&Default::default()).await.unwrap();
    let rv = list.metadata.resource_version.unwrap();
    let mut stream = api
        .watch(&WatchParams::default().labels("w=1").timeout(10), &rv)
        .await
        .unwrap()
        .boxed();
    api.create(&PostParams::default(), &cm("a", json!({"w": "1"})))
        .await
        .unwrap();
    api.create(&PostParams::default(), &cm("ignored", json!({"w": "2"})))
        .await
        .unwrap();
    api.patch(
        "a",
        &PatchParams::default(),
        &Patch::Merge(json!({"data": {"x": "1"}})),
    )
    .await
    .unwrap();
    // Moving out of the selector is a DELETED for this watcher.
    api.patch(
        "a",
        &PatchParams::default(),
        &Patch::Merge(json!({"metadata": {"labels": {"w": "0"}}})),
    )
    .await
    .unwrap();
    let mut seen = Vec::new();
    let mut last_rv = 0u64;
    while seen.len() < 3 {
        let ev = tokio::time::timeout(Duration::from_secs(10), stream.try_next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        let (kind, obj) = match ev {
            WatchEvent::Added(o) => ("ADDED", o),
            WatchEvent::Modified(o) => ("MODIFIED", o),
            WatchEvent::Deleted(o) => ("DELETED", o),
            other => panic!("unexpected {other:?}"),
        };
        let rv: u64 = obj
            .metadata
            .resource_version
            .clone()
            .unwrap()
            .parse()
            .unwrap();
        assert!(rv > last_rv, "resourceVersions increase along the stream");
        last_rv = rv;
        seen.push((kind, obj.metadata.name.unwrap()));
    }
    assert_eq!(
        seen,
        vec![
            ("ADDED", "a".to_string()),
            ("MODIFIED", "a".to_string()),
            ("DELETED", "a".to_string())
        ]
    );
}

#[tokio::test]
async fn watch_from_a_compacted_resource_version_gets_410() {
    let srv = FakeApiServer::start().await;
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "default");
    let rv = api
        .list(&Default::default())
        .await
        .unwrap()
        .metadata
        .resource_version
        .unwrap();
    api.create(&PostParams::default(), &cm("b", json!({})))
        .await
        .unwrap();
    srv.store().compact();
    let mut stream = api
        .watch(&WatchParams::default(), &rv)
        .await
        .unwrap()
        .boxed();
    match stream.try_next().await.unwrap().unwrap() {
        WatchEvent::Error(e) => {
            assert_eq!(e.code, 410);
            assert_eq!(e.reason, "Expired");
        }
        other => panic!("expected 410, got {other:?}"),
    }
}

#[tokio::test]
async fn kube_runtime_watcher_sees_initial_state_and_updates() {
    let srv = FakeApiServer::start().await;
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "default");
    api.create(&PostParams::default(), &cm("before", json!({})))
        .await
        .unwrap();
    let stream = watcher(api.clone(), watcher::Config::default()).applied_objects();
    let mut stream = stream.boxed();
    let mut names = Vec::new();
    while !names.contains(&"before".to_string()) {
        let o = tokio::time::timeout(Duration::from_secs(10), stream.try_next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        names.push(o.metadata.name.unwrap());
    }
    api.create(&PostParams::default(), &cm("after", json!({})))
        .await
        .unwrap();
    loop {
        let o = tokio::time::timeout(Duration::from_secs(10), stream.try_next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        if o.metadata.name.as_deref() == Some("after") {
            break;
        }
    }
    // Streaming lists (sendInitialEvents) end the initial batch with a bookmark.
    let streaming = watcher(api, watcher::Config::default().streaming_lists())
        .applied_objects()
        .boxed();
    let got: Vec<_> = tokio::time::timeout(
        Duration::from_secs(10),
        streaming.take(3).try_collect::<Vec<_>>(),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(got.len(), 3, "kube-root-ca.crt, before, after");
}

#[tokio::test]
async fn watch_times_out_with_timeout_seconds() {
    let srv = FakeApiServer::start().await;
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "default");
    let stream = api
        .watch(&WatchParams::default().timeout(1), "0")
        .await
        .unwrap();
    let events: Vec<_> = tokio::time::timeout(Duration::from_secs(10), stream.collect::<Vec<_>>())
        .await
        .expect("the stream ends by itself");
    // The initial ADDED of kube-root-ca.crt, then (bookmarks allowed) a closing BOOKMARK.
    assert_eq!(events.len(), 2);
    assert!(matches!(events[0], Ok(WatchEvent::Added(_))));
    assert!(matches!(events[1], Ok(WatchEvent::Bookmark(_))));
}
