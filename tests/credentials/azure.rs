//! Azure AD tokens against Azurite: a loopback stand-in for the AD token endpoint
//! (`<authority>/<tenant>/oauth2/v2.0/token`) that checks the form fields the real one requires
//! for a service principal's client secret and for a workload identity's federated token, and
//! Azurite over HTTPS with `--oauth basic`, which accepts a bearer token only with Blob Storage's
//! audience, an AD issuer and a valid lifetime. The authority host comes from
//! `AZURE_AUTHORITY_HOST`, as Azure Workload Identity's webhook sets it.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use kubectl_backup::profile::credentials::cloud::{AzureAuth, azure_auth};
use kubectl_backup::storage::auth::TokenSource;
use kubectl_backup::storage::auth::azure::AzureEnvironment;
use kubectl_backup::storage::{AzureConfig, MIB, ObjectStore, StorageConfig, TlsOptions};

use crate::assert_no_secret;
use crate::azurite::{self, ACCOUNT, Azurite};
use crate::support::{round_trip, small_parts};
use crate::token_server::{Request, TokenServer};

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CLIENT: &str = "0b9a3e5c-1111-2222-3333-444455556666";
const CLIENT_SECRET: &str = "aad-client-secret-value";
const FEDERATED_TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.federated-sa-token.c2lnbmF0dXJl";
const TLS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/storage/tls");

/// Azurite serving HTTPS with the test bed's certificate for 127.0.0.1, checking OAuth tokens.
async fn azurite_oauth() -> Option<Azurite> {
    let cert = format!("{TLS_DIR}/server.pem");
    let key = format!("{TLS_DIR}/server.key");
    azurite::start(
        "an Azure AD test",
        &["--oauth", "basic", "--cert", &cert, "--key", &key],
    )
    .await
}

/// An access token as AD issues it for Blob Storage: what Azurite's basic OAuth check reads
/// (audience, issuer, lifetime); it does not verify the signature.
fn access_token(serial: usize) -> String {
    token_for("https://storage.azure.com", serial)
}

fn token_for(audience: &str, serial: usize) -> String {
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let header = serde_json::json!({"alg": "RS256", "typ": "JWT"});
    let claims = serde_json::json!({
        "aud": audience,
        "iss": format!("https://sts.windows.net/{TENANT}/"),
        "iat": now - 10,
        "nbf": now - 10,
        "exp": now + 3600,
        "appid": CLIENT,
        "tid": TENANT,
        "oid": "aad-object-id",
        "uti": format!("serial-{serial}"),
    });
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string()),
        URL_SAFE_NO_PAD.encode(b"not-checked-by-azurite-basic")
    )
}

/// The AD v2.0 token endpoint: client credentials for Blob Storage's scope, proven by the client
/// secret or by a federated token with the JWT-bearer assertion type. Records the proof kinds.
async fn aad_endpoint(
    proofs: Arc<Mutex<Vec<String>>>,
    issued: Arc<Mutex<Vec<String>>>,
) -> TokenServer {
    TokenServer::start(move |request: &Request| {
        let reject = |code: &str, why: &str| {
            (
                400,
                serde_json::json!({"error": code, "error_description": why}).to_string(),
            )
        };
        if request.method != "POST" || request.path != format!("/{TENANT}/oauth2/v2.0/token") {
            return (404, r#"{"error":"not_found"}"#.into());
        }
        let form: BTreeMap<String, String> = request.form().into_iter().collect();
        let field = |k: &str| form.get(k).map(String::as_str);
        let content_type = request
            .headers
            .iter()
            .find(|(k, _)| k == "content-type")
            .map(|(_, v)| v.as_str());
        if content_type != Some("application/x-www-form-urlencoded") {
            return reject("invalid_request", "AADSTS900144: body must be a form");
        }
        if field("grant_type") != Some("client_credentials") {
            return reject("unsupported_grant_type", "AADSTS70003");
        }
        if field("client_id") != Some(CLIENT) {
            return reject("unauthorized_client", "AADSTS700016: application not found");
        }
        if field("scope") != Some("https://storage.azure.com/.default") {
            return reject("invalid_scope", "AADSTS70011: the scope is not valid");
        }
        let proof = match (
            field("client_secret"),
            field("client_assertion_type"),
            field("client_assertion"),
        ) {
            (Some(CLIENT_SECRET), None, None) => "client_secret",
            (Some(_), None, None) => {
                return reject(
                    "invalid_client",
                    "AADSTS7000215: Invalid client secret provided.",
                );
            }
            (
                None,
                Some("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                Some(FEDERATED_TOKEN),
            ) => "client_assertion",
            _ => return reject("invalid_client", "AADSTS700025: no valid client proof"),
        };
        proofs.lock().unwrap().push(proof.into());
        let mut issued = issued.lock().unwrap();
        let token = access_token(issued.len());
        issued.push(token.clone());
        (
            200,
            serde_json::json!({"token_type": "Bearer", "expires_in": 3599, "access_token": token})
                .to_string(),
        )
    })
    .await
}

fn store_with(azurite: &Azurite, source: TokenSource) -> ObjectStore {
    let config = StorageConfig::Azure(AzureConfig {
        account: ACCOUNT.into(),
        token_source: Some(source),
        container: "backups".into(),
        prefix: "aad".into(),
        endpoint: Some(azurite.endpoint.clone()),
        tls: TlsOptions {
            ca_cert_pem: Some(std::fs::read(format!("{TLS_DIR}/ca.pem")).unwrap()),
            skip_verify: false,
        },
        ..Default::default()
    });
    ObjectStore::with_options(config, small_parts()).unwrap()
}

fn fields(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_principal_and_workload_identity_tokens_are_accepted_by_azurite() {
    crate::trace_capture::install();
    let Some(azurite) = azurite_oauth().await else {
        return;
    };
    let proofs = Arc::new(Mutex::new(Vec::new()));
    let issued = Arc::new(Mutex::new(Vec::new()));
    let aad = aad_endpoint(proofs.clone(), issued.clone()).await;
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("azure-identity-token");
    std::fs::write(&token_file, format!("{FEDERATED_TOKEN}\n")).unwrap();
    let (authority, file) = (aad.url.clone(), token_file.display().to_string());
    let env = move |k: &str| match k {
        "AZURE_AUTHORITY_HOST" => Some(authority.clone()),
        "AZURE_TENANT_ID" => Some(TENANT.into()),
        "AZURE_CLIENT_ID" => Some(CLIENT.into()),
        "AZURE_FEDERATED_TOKEN_FILE" => Some(file.clone()),
        _ => None,
    };
    let public = AzureEnvironment::named("").unwrap();
    let principal = fields(&[
        ("azure_client_id", CLIENT),
        ("azure_tenant_id", TENANT),
        ("azure_client_secret", CLIENT_SECRET),
    ]);
    let workload = fields(&[("azure_federated_identity", "true")]);
    let mut shown = String::new();
    for (name, secret_fields) in [("principal", &principal), ("workload", &workload)] {
        let AzureAuth::Token(source) =
            azure_auth(secret_fields, "kanister/azure", &public, &env, "profile p").unwrap()
        else {
            panic!("{name}: not a token source");
        };
        assert!(
            source.describe().contains(&aad.url),
            "{name}: {}",
            source.describe()
        );
        let store = store_with(&azurite, source.clone());
        if name == "principal" {
            store.create_bucket().await.unwrap();
        }
        round_trip(&store, &format!("{name}/big"), 2 * 5 * MIB as u64 + 9, 3).await;
        round_trip(&store, &format!("{name}/small"), 100, 4).await;
        shown.push_str(&format!("{source:?} {} {store:?}", source.describe()));
    }
    assert_eq!(
        *proofs.lock().unwrap(),
        ["client_secret", "client_assertion"]
    );

    // Azurite checks the bearer: a wrong client secret gets no token, and the error names the
    // source and AD's reason.
    let wrong = fields(&[
        ("azure_client_id", CLIENT),
        ("azure_tenant_id", TENANT),
        ("azure_client_secret", "a-wrong-client-secret"),
    ]);
    let AzureAuth::Token(source) =
        azure_auth(&wrong, "kanister/azure", &public, &env, "p").unwrap()
    else {
        panic!("not a token source");
    };
    let error = store_with(&azurite, source)
        .check()
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("service principal (client secret)")
            && error.contains(CLIENT)
            && error.contains("Invalid client secret"),
        "{error}"
    );
    shown.push_str(&error);

    // And Azurite does check the token: one AD issued for another resource is refused.
    let other = TokenServer::start(|_: &Request| {
        let token = token_for("https://management.azure.com", 0);
        (
            200,
            serde_json::json!({"expires_in": 3599, "access_token": token}).to_string(),
        )
    })
    .await;
    let (other_url, tenant_env) = (other.url.clone(), env.clone());
    let other_env = move |k: &str| match k {
        "AZURE_AUTHORITY_HOST" => Some(other_url.clone()),
        _ => tenant_env(k),
    };
    let AzureAuth::Token(source) =
        azure_auth(&principal, "kanister/azure", &public, &other_env, "p").unwrap()
    else {
        panic!("not a token source");
    };
    let refused = store_with(&azurite, source)
        .check()
        .await
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("AuthenticationFailed")
            && refused.contains("the token of Azure AD service principal (client secret)"),
        "{refused}"
    );
    let mut secrets = vec![CLIENT_SECRET, FEDERATED_TOKEN, "a-wrong-client-secret"];
    let issued = issued.lock().unwrap().clone();
    secrets.extend(issued.iter().map(String::as_str));
    assert_no_secret(&shown, &secrets);
    crate::trace_capture::assert_log_has_no_secret(&secrets);
}

#[test]
fn the_authority_comes_from_the_cloud_unless_the_environment_names_one() {
    let principal = fields(&[
        ("azure_client_id", CLIENT),
        ("azure_tenant_id", TENANT),
        ("azure_client_secret", CLIENT_SECRET),
    ]);
    let describe = |cloud: &str, env: &dyn Fn(&str) -> Option<String>| {
        let environment = AzureEnvironment::named(cloud).unwrap();
        match azure_auth(&principal, "ns/s", &environment, env, "p").unwrap() {
            AzureAuth::Token(source) => source.describe(),
            _ => panic!("not a token source"),
        }
    };
    let none = |_: &str| None;
    assert!(describe("AzureUSGovernmentCloud", &none).contains("https://login.microsoftonline.us"));
    assert!(describe("AzureChinaCloud", &none).contains("https://login.chinacloudapi.cn"));
    assert!(describe("", &none).contains("https://login.microsoftonline.com"));
    let custom =
        |k: &str| (k == "AZURE_AUTHORITY_HOST").then(|| "https://login.example.test".to_string());
    assert!(describe("AzureChinaCloud", &custom).contains("https://login.example.test"));
}
