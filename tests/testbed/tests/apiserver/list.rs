use k8s_openapi::api::core::v1::ConfigMap;
use kube::api::{Api, ListParams};
use kubectl_backup_testbed::FakeApiServer;
use serde_json::json;

use crate::get_json;

fn seed(srv: &FakeApiServer, n: usize) {
    srv.store().create_namespace("paged");
    for i in 0..n {
        srv.store()
            .create(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {
                "name": format!("cm-{i:03}"), "namespace": "paged",
                "labels": {"parity": if i % 2 == 0 { "even" } else { "odd" }, "index": i.to_string()}
            }}))
            .unwrap();
    }
}

#[tokio::test]
async fn limit_and_continue_walk_every_item_once() {
    let srv = FakeApiServer::start().await;
    seed(&srv, 25);
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "paged");
    let mut names = Vec::new();
    let mut lp = ListParams::default().limit(10);
    let mut pages = 0;
    loop {
        let page = api.list(&lp).await.unwrap();
        pages += 1;
        names.extend(page.items.iter().map(|c| c.metadata.name.clone().unwrap()));
        match page.metadata.continue_.filter(|c| !c.is_empty()) {
            Some(token) => {
                if pages == 1 {
                    // 25 + kube-root-ca.crt
                    assert_eq!(page.metadata.remaining_item_count, Some(16));
                }
                lp = lp.continue_token(&token)
            }
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(names.len(), 26);
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 26);
}

#[tokio::test]
async fn lists_have_kind_api_version_and_resource_version() {
    let srv = FakeApiServer::start().await;
    seed(&srv, 2);
    let (code, list) = get_json(&srv, "/api/v1/namespaces/paged/configmaps").await;
    assert_eq!(code, 200);
    assert_eq!(list["kind"], "ConfigMapList");
    assert_eq!(list["apiVersion"], "v1");
    let rv: u64 = list["metadata"]["resourceVersion"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(rv, srv.store().resource_version());
    // Built-in list items carry no kind/apiVersion, like the real server.
    assert!(list["items"][0].get("kind").is_none());
    // All namespaces.
    let (_, all) = get_json(&srv, "/api/v1/configmaps").await;
    assert!(
        all["items"].as_array().unwrap().len() >= 2 + 4,
        "plus kube-root-ca.crt per namespace"
    );
}

#[tokio::test]
async fn label_and_field_selectors() {
    let srv = FakeApiServer::start().await;
    seed(&srv, 10);
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "paged");
    let even = api
        .list(&ListParams::default().labels("parity=even"))
        .await
        .unwrap();
    assert_eq!(even.items.len(), 5);
    let set = api
        .list(&ListParams::default().labels("index in (1,2,3),parity!=odd"))
        .await
        .unwrap();
    assert_eq!(set.items.len(), 1);
    let by_name = api
        .list(&ListParams::default().fields("metadata.name=cm-007"))
        .await
        .unwrap();
    assert_eq!(by_name.items.len(), 1);
    let all: Api<ConfigMap> = Api::all(srv.client());
    let ns = all
        .list(
            &ListParams::default()
                .fields("metadata.namespace=paged")
                .labels("parity=odd"),
        )
        .await
        .unwrap();
    assert_eq!(ns.items.len(), 5);
    let paged_filter = api
        .list(&ListParams::default().labels("parity=odd").limit(2))
        .await
        .unwrap();
    assert_eq!(paged_filter.items.len(), 2);
    assert!(paged_filter.metadata.continue_.is_some());
    let (code, body) = get_json(&srv, "/api/v1/configmaps?fieldSelector=data.k%3Dv").await;
    assert_eq!(code, 400);
    assert_eq!(
        body["message"],
        r#""data.k" is not a known field selector: only "metadata.name", "metadata.namespace""#
    );
}

#[tokio::test]
async fn expired_continue_token_is_410_gone() {
    let srv = FakeApiServer::start().await;
    seed(&srv, 5);
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "paged");
    let page = api.list(&ListParams::default().limit(2)).await.unwrap();
    srv.store().compact();
    let token = page.metadata.continue_.unwrap();
    let e = api
        .list(&ListParams::default().limit(2).continue_token(&token))
        .await
        .unwrap_err();
    match e {
        kube::Error::Api(s) => {
            assert_eq!(s.code, 410);
            assert_eq!(s.reason, "Expired");
        }
        other => panic!("{other:?}"),
    }
}

/// Thousands of objects: every page is consistent, nothing is listed twice or skipped, and
/// objects created during the walk after the cursor show up (served from live data).
#[tokio::test]
async fn paging_through_thousands_of_objects() {
    let srv = FakeApiServer::start().await;
    srv.store().create_namespace("big");
    for i in 0..3000 {
        srv.store()
            .create(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": format!("c{i:05}"), "namespace": "big"}}))
            .unwrap();
    }
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "big");
    let mut lp = ListParams::default().limit(500);
    let mut seen = std::collections::BTreeSet::new();
    let mut first_rv = None;
    loop {
        let page = api.list(&lp).await.unwrap();
        let rv = page.metadata.resource_version.clone();
        assert_eq!(
            *first_rv.get_or_insert(rv.clone()),
            rv,
            "every page reports the list's resourceVersion"
        );
        for item in page.items {
            assert!(seen.insert(item.metadata.name.unwrap()), "listed twice");
        }
        match page.metadata.continue_ {
            Some(token) if !token.is_empty() => {
                if seen.len() == 500 {
                    srv.store()
                        .create(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c99999", "namespace": "big"}}))
                        .unwrap();
                }
                lp = lp.continue_token(&token)
            }
            _ => break,
        }
    }
    assert_eq!(
        seen.len(),
        3000 + 1 + 1,
        "plus kube-root-ca.crt and the late c99999"
    );
}
