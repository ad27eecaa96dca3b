//! Tests of the fake API server's own behaviour, through kube-rs and raw HTTP.

mod access;
mod binary;
mod crd;
mod crud;
mod discovery;
mod faults;
mod list;
mod pods;
mod volumes;
mod watch;
mod workloads;

use kubectl_backup_testbed::FakeApiServer;

/// A raw HTTP client for what kube-rs hides (status codes, headers, exact bodies).
pub fn http() -> reqwest::Client {
    reqwest::Client::builder().build().expect("reqwest client")
}

pub fn bearer() -> String {
    format!("Bearer {}", kubectl_backup_testbed::apiserver::ADMIN_TOKEN)
}

pub async fn get_json(srv: &FakeApiServer, path: &str) -> (u16, serde_json::Value) {
    let r = http()
        .get(format!("{}{path}", srv.url()))
        .header("Authorization", bearer())
        .send()
        .await
        .expect("request");
    let code = r.status().as_u16();
    (code, r.json().await.expect("json body"))
}

/// The status code and raw body text (for answers that are not JSON, such as the plain
/// `404 page not found` of a path no API group serves).
pub async fn get_text(srv: &FakeApiServer, path: &str) -> (u16, String) {
    let r = http()
        .get(format!("{}{path}", srv.url()))
        .header("Authorization", bearer())
        .send()
        .await
        .expect("request");
    let code = r.status().as_u16();
    (code, r.text().await.expect("text body"))
}
