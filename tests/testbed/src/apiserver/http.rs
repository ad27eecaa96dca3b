//! The HTTP front: connection handling, request log, faults, authentication, authorization,
//! and routing to discovery or resource handlers.

use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;
use http::{HeaderValue, Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full, combinators::BoxBody};
use hyper::body::Incoming;
use serde_json::Value;
use tokio::net::TcpListener;

use super::Inner;
use super::auth::{Attributes, Identity};
use super::discovery;
use super::faults::Fault;
use super::handlers;
use super::requests::RecordedRequest;
use super::status::ApiError;

pub type Body = BoxBody<Bytes, Infallible>;

pub fn full(bytes: impl Into<Bytes>) -> Body {
    Full::new(bytes.into()).boxed()
}

pub fn json_response(code: u16, value: &Value) -> Response<Body> {
    let body = serde_json::to_vec(value).expect("serializable");
    Response::builder()
        .status(code)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CACHE_CONTROL, "no-cache, private")
        .body(full(body))
        .expect("response")
}

pub fn error_response(e: &ApiError) -> Response<Body> {
    let mut r = json_response(e.code, &e.to_status());
    if let Some(secs) = e.retry_after {
        r.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from_str(&secs.to_string()).expect("digits"),
        );
    }
    r
}

/// The error a handler returns to make hyper close the connection without answering.
#[derive(Debug)]
pub struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by fault injection")
    }
}

impl std::error::Error for DropConnection {}

/// Decoded query parameters.
#[derive(Debug, Default, Clone)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    pub fn parse(raw: &str) -> Self {
        Query {
            pairs: url::form_urlencoded::parse(raw.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub fn flag(&self, name: &str) -> bool {
        matches!(self.get(name), Some("true" | "1"))
    }
}

/// Everything a handler needs to know about the request.
pub struct Call {
    pub method: String,
    pub path: String,
    pub query: Query,
    pub headers: http::HeaderMap,
    pub body: Bytes,
    pub who: Identity,
    pub upgrade: Option<hyper::upgrade::OnUpgrade>,
}

impl Call {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

pub async fn serve(
    listener: TcpListener,
    inner: Arc<Inner>,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let inner = inner.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |req| handle(inner.clone(), req));
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                        .with_upgrades()
                        .await;
                });
            }
            _ = shutdown.changed() => break,
        }
    }
}

async fn handle(
    inner: Arc<Inner>,
    mut req: Request<Incoming>,
) -> Result<Response<Body>, DropConnection> {
    let method = req.method().as_str().to_string();
    let path = req.uri().path().to_string();
    let raw_query = req.uri().query().unwrap_or_default().to_string();
    let headers = req.headers().clone();
    let upgrade = if headers.contains_key(header::UPGRADE) {
        Some(hyper::upgrade::on(&mut req))
    } else {
        None
    };
    let body = match req.into_body().collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return Err(DropConnection),
    };
    let log_index = inner.log.push(RecordedRequest {
        method: method.clone(),
        path: path.clone(),
        query: raw_query.clone(),
        headers: headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        user: String::new(),
        body: body.to_vec(),
    });

    let path_and_query = if raw_query.is_empty() {
        path.clone()
    } else {
        format!("{path}?{raw_query}")
    };
    let (delay, fault) = inner.faults.take(&method, &path_and_query);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    match fault {
        Some(Fault::DropConnection) => return Err(DropConnection),
        Some(Fault::TooManyRequests { retry_after_secs }) => {
            return Ok(error_response(&ApiError::too_many_requests(
                retry_after_secs,
            )));
        }
        Some(Fault::ServerError { code }) => {
            let e = match code {
                503 => ApiError::new(
                    503,
                    "ServiceUnavailable",
                    "the server is currently unable to handle the request",
                ),
                504 => ApiError::new(
                    504,
                    "Timeout",
                    "the server was unable to return a response in the time allotted, but may still be processing the request",
                ),
                c => ApiError::new(
                    c,
                    "InternalError",
                    "Internal error occurred: injected fault",
                ),
            };
            return Ok(error_response(&e));
        }
        Some(Fault::Latency(_) | Fault::DropAnswer) | None => {}
    }
    let drop_answer = fault == Some(Fault::DropAnswer);

    let who = match authenticate(&inner, &headers) {
        Ok(who) => who,
        Err(e) => return Ok(error_response(&e)),
    };
    inner.log.set_user(log_index, &who.user);
    let call = Call {
        method,
        path,
        query: Query::parse(&raw_query),
        headers,
        body,
        who,
        upgrade,
    };
    let response = match route(&inner, call).await {
        Ok(r) => r,
        Err(e) => error_response(&e),
    };
    if drop_answer {
        return Err(DropConnection);
    }
    Ok(response)
}

fn authenticate(inner: &Inner, headers: &http::HeaderMap) -> Result<Identity, ApiError> {
    let auth = inner.auth.lock().unwrap_or_else(|e| e.into_inner());
    let mut who = match headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        Some(value) => {
            let token = value.strip_prefix("Bearer ").map(str::trim);
            match token.and_then(|t| auth.tokens.get(t)) {
                Some(id) => id.clone(),
                None => return Err(ApiError::unauthorized()),
            }
        }
        None => Identity::anonymous(),
    };
    let impersonate = headers
        .get("impersonate-user")
        .and_then(|v| v.to_str().ok());
    if let Some(user) = impersonate {
        let attrs = Attributes {
            verb: "impersonate".into(),
            resource: "users".into(),
            name: Some(user.to_string()),
            ..Default::default()
        };
        if who.user == "system:anonymous" || !auth.allowed(&who, &attrs) {
            return Err(ApiError::forbidden(
                &who.user,
                "impersonate",
                "",
                "users",
                None,
                None,
                Some(user),
            ));
        }
        let mut groups: Vec<String> = headers
            .get_all("impersonate-group")
            .iter()
            .filter_map(|v| v.to_str().ok().map(String::from))
            .collect();
        groups.push("system:authenticated".into());
        who = Identity {
            user: user.to_string(),
            groups,
        };
    }
    Ok(who)
}

/// `/api/v1/...` or `/apis/{group}/{version}/...` split into its parts.
#[derive(Debug, Clone)]
pub struct ResourcePath {
    pub group: String,
    pub version: String,
    pub resource: String,
    pub namespace: Option<String>,
    pub name: Option<String>,
    pub subresource: Option<String>,
}

fn parse_resource_path(group: &str, version: &str, rest: &[&str]) -> Option<ResourcePath> {
    let mut p = ResourcePath {
        group: group.into(),
        version: version.into(),
        resource: String::new(),
        namespace: None,
        name: None,
        subresource: None,
    };
    let namespaced_path = rest.first() == Some(&"namespaces")
        && rest.len() >= 3
        && !(group.is_empty() && rest.len() == 3 && matches!(rest[2], "status" | "finalize"));
    let rest: &[&str] = if namespaced_path {
        p.namespace = Some(rest[1].to_string());
        &rest[2..]
    } else {
        rest
    };
    match rest {
        [res] => p.resource = res.to_string(),
        [res, name] => {
            p.resource = res.to_string();
            p.name = Some(name.to_string());
        }
        [res, name, sub] => {
            p.resource = res.to_string();
            p.name = Some(name.to_string());
            p.subresource = Some(sub.to_string());
        }
        _ => return None,
    }
    if p.resource.is_empty() || p.name.as_deref() == Some("") {
        return None;
    }
    Some(p)
}

fn public_path(path: &str) -> bool {
    matches!(
        path,
        "/version" | "/version/" | "/healthz" | "/livez" | "/readyz"
    )
}

async fn route(inner: &Arc<Inner>, call: Call) -> Result<Response<Body>, ApiError> {
    let path = call.path.trim_end_matches('/').to_string();
    if public_path(&call.path) {
        return Ok(match path.as_str() {
            "/version" => json_response(200, &discovery::version()),
            _ => Response::builder()
                .status(StatusCode::OK)
                .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
                .body(full("ok"))
                .expect("response"),
        });
    }
    let anonymous_allowed = inner
        .auth
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .allow_anonymous;
    if call.who.user == "system:anonymous" && !anonymous_allowed {
        return Err(ApiError::new(
            403,
            "Forbidden",
            format!(
                "forbidden: User \"system:anonymous\" cannot {} path \"{}\"",
                call.method.to_lowercase(),
                call.path
            ),
        ));
    }
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let aggregated = call
        .header("accept")
        .is_some_and(|a| a.contains("g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"));
    let types = || inner.store.lock().types.clone();
    match segments.as_slice() {
        ["api"] => {
            if aggregated {
                return Ok(aggregated_response(&discovery::aggregated(&types(), true)));
            }
            Ok(json_response(
                200,
                &discovery::core_versions(&inner.address),
            ))
        }
        ["apis"] => {
            if aggregated {
                return Ok(aggregated_response(&discovery::aggregated(&types(), false)));
            }
            Ok(json_response(200, &discovery::group_list(&types())))
        }
        ["api", "v1"] => discovery::resource_list(&types(), "", "v1")
            .map(|v| json_response(200, &v))
            .ok_or_else(ApiError::path_not_found),
        ["apis", group] => Ok(discovery::group(&types(), group)
            .map(|v| json_response(200, &v))
            .unwrap_or_else(page_not_found)),
        ["apis", group, version] => Ok(discovery::resource_list(&types(), group, version)
            .map(|v| json_response(200, &v))
            .unwrap_or_else(page_not_found)),
        ["api", "v1", rest @ ..] => {
            let p = parse_resource_path("", "v1", rest).ok_or_else(ApiError::path_not_found)?;
            handlers::resource(inner, call, p).await
        }
        ["apis", group, version, rest @ ..] => {
            // A group/version nobody serves is not routed at all (as for a CRD not yet served).
            if !types()
                .iter()
                .any(|t| t.group == *group && t.serves(version))
            {
                return Ok(page_not_found());
            }
            let p =
                parse_resource_path(group, version, rest).ok_or_else(ApiError::path_not_found)?;
            handlers::resource(inner, call, p).await
        }
        _ => Ok(page_not_found()),
    }
}

/// What kube-apiserver's mux answers for a path no API group serves: plain text, no `Status`.
fn page_not_found() -> Response<Body> {
    Response::builder()
        .status(StatusCode::NOT_FOUND)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .header("x-content-type-options", "nosniff")
        .body(full("404 page not found\n"))
        .expect("response")
}

fn aggregated_response(value: &Value) -> Response<Body> {
    let mut r = json_response(200, value);
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(
            "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList",
        ),
    );
    r
}
