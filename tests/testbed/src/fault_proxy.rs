//! A fault-injecting HTTP proxy for any API server: the fake one (plain HTTP) or a real
//! kube-apiserver (HTTPS).
//!
//! Why an HTTP proxy that terminates TLS rather than a TCP relay: the faults that matter to the
//! plugin are decided per request — a 429 with `Retry-After` on a LIST, a 500 on a create, a body
//! cut after a few bytes of a given response — and a TCP relay in front of a TLS server sees
//! neither methods nor paths nor response boundaries. So the proxy serves TLS itself, with the
//! test bed's certificate for 127.0.0.1 (the test CA of `tests/storage/tls`, [`TEST_CA_PEM`]),
//! reads each request, and re-originates it to the upstream over a TLS connection of its own
//! that trusts the upstream's CA. Bearer tokens pass through unchanged, which is all the real
//! test cluster and the fake use. Connection-level faults (a reset with RST, a close without an
//! answer, a stall) are still TCP-level in effect: they are applied to the client's connection.
//!
//! Not proxied: protocol upgrades (exec, attach, port-forward); HTTP/2 (ALPN offers only
//! `http/1.1`, which every client falls back to).
//!
//! ```ignore
//! let proxy = FaultProxy::for_kubeconfig(cluster.kubeconfig_path())?;
//! let kubeconfig = proxy.write_kubeconfig(cluster.kubeconfig_path(), &dir.join("via-proxy"))?;
//! proxy.add(ProxyRule::new(ProxyFault::Status { code: 429, retry_after: Some(1) }).times(3).method("GET"));
//! cluster.command(bin).env("KUBECONFIG", &kubeconfig) …
//! ```

use std::net::SocketAddr;
use std::path::Path;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use anyhow::{Context as _, Result, anyhow, bail};
use bytes::Bytes;
use http::{Request, Response, StatusCode, Uri};
use http_body_util::BodyExt;
use http_body_util::combinators::UnsyncBoxBody;
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

type BoxError = Box<dyn std::error::Error + Send + Sync>;
// io::Error rather than a boxed error for what hyper's server sees: with boxed ones, the `Send`
// check of the spawned connection trips over their lifetimes.
type ProxyBody = UnsyncBoxBody<Bytes, std::io::Error>;
type Answer = Result<Response<ProxyBody>, std::io::Error>;

/// The CA that signed the proxy's certificate (for 127.0.0.1): what a client of the proxy trusts.
pub const TEST_CA_PEM: &[u8] = include_bytes!("../../storage/tls/ca.pem");
const PROXY_CERT_PEM: &[u8] = include_bytes!("../../storage/tls/server.pem");
const PROXY_KEY_PEM: &[u8] = include_bytes!("../../storage/tls/server.key");

/// What the proxy does to a matching request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProxyFault {
    /// Answer with this status and a Kubernetes `Status` body, without forwarding (429 with
    /// `Retry-After`, as API Priority and Fairness sends it; 500; 503).
    Status { code: u16, retry_after: Option<u64> },
    /// Read the request, then close the connection without an answer (and without forwarding).
    DropConnection,
    /// Read the request, then reset the connection (TCP RST) without forwarding.
    ResetConnection,
    /// Forward, then send only this many bytes of the response body and break the connection.
    TruncateBody(usize),
    /// Hold the request this long, then forward it (if the client is still there).
    Stall(Duration),
}

/// A fault for requests matching a method and a path-and-query fragment, `times` times (None:
/// every matching request).
#[derive(Clone, Debug)]
pub struct ProxyRule {
    pub fault: ProxyFault,
    pub times: Option<usize>,
    pub method: Option<String>,
    pub path_contains: Option<String>,
}

impl ProxyRule {
    pub fn new(fault: ProxyFault) -> Self {
        ProxyRule {
            fault,
            times: None,
            method: None,
            path_contains: None,
        }
    }

    pub fn times(mut self, n: usize) -> Self {
        self.times = Some(n);
        self
    }

    pub fn method(mut self, method: &str) -> Self {
        self.method = Some(method.to_uppercase());
        self
    }

    pub fn path_contains(mut self, fragment: &str) -> Self {
        self.path_contains = Some(fragment.into());
        self
    }

    fn matches(&self, method: &str, path_and_query: &str) -> bool {
        self.times != Some(0)
            && self.method.as_deref().is_none_or(|m| m == method)
            && self
                .path_contains
                .as_deref()
                .is_none_or(|p| path_and_query.contains(p))
    }
}

/// Where the proxy forwards to.
#[derive(Clone, Debug)]
pub struct Upstream {
    /// `http://host:port` or `https://host:port`.
    pub url: Uri,
    /// PEM of the CA the upstream's certificate is checked against (HTTPS).
    pub ca_pem: Option<Vec<u8>>,
}

#[derive(Default)]
struct State {
    rules: Mutex<Vec<ProxyRule>>,
    log: Mutex<Vec<String>>,
    faults_served: Mutex<Vec<(ProxyFault, String)>>,
}

impl State {
    fn take(&self, method: &str, path_and_query: &str) -> Option<ProxyFault> {
        let mut rules = self.rules.lock().unwrap_or_else(|e| e.into_inner());
        let rule = rules
            .iter_mut()
            .find(|r| r.matches(method, path_and_query))?;
        if let Some(n) = rule.times.as_mut() {
            *n -= 1;
        }
        let fault = rule.fault.clone();
        self.faults_served
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((fault.clone(), format!("{method} {path_and_query}")));
        Some(fault)
    }
}

/// A running proxy on `127.0.0.1:<random port>`, on a runtime of its own (so synchronous tests
/// can use it); stopped on drop.
pub struct FaultProxy {
    pub addr: SocketAddr,
    /// `http://…` or `https://…`, the same scheme as the upstream.
    pub url: String,
    state: Arc<State>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

impl FaultProxy {
    /// A proxy in front of the current cluster of this kubeconfig.
    pub fn for_kubeconfig(kubeconfig: &Path) -> Result<Self> {
        Self::start(upstream_of(kubeconfig)?)
    }

    pub fn start(upstream: Upstream) -> Result<Self> {
        let tls = match upstream.url.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            other => bail!("the proxy forwards to http or https, not {other:?}"),
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("fault-proxy")
            .enable_all()
            .build()?;
        let listener = runtime.block_on(TcpListener::bind("127.0.0.1:0"))?;
        let addr = listener.local_addr()?;
        let acceptor = tls.then(server_tls).transpose()?;
        let connector = match &upstream.ca_pem {
            Some(ca) if tls => Some(client_tls(ca)?),
            None if tls => bail!("an https upstream needs its CA"),
            _ => None,
        };
        let state = Arc::new(State::default());
        let forward = Arc::new(Forward {
            upstream,
            connector,
            state: state.clone(),
        });
        runtime.spawn(accept_loop(listener, acceptor, forward));
        Ok(FaultProxy {
            addr,
            url: format!("{}://{addr}", if tls { "https" } else { "http" }),
            state,
            runtime: Some(runtime),
        })
    }

    pub fn add(&self, rule: ProxyRule) {
        self.state
            .rules
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(rule);
    }

    pub fn clear(&self) {
        self.state
            .rules
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// Every fault served so far, with the request it was served to (`METHOD path?query`).
    pub fn faults_served(&self) -> Vec<(ProxyFault, String)> {
        self.state
            .faults_served
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Every request so far, as `METHOD path?query`.
    pub fn requests(&self) -> Vec<String> {
        self.state
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A copy of `kubeconfig` whose clusters all point at the proxy (trusting [`TEST_CA_PEM`]
    /// when it serves TLS); users, tokens and contexts are unchanged.
    pub fn write_kubeconfig(&self, kubeconfig: &Path, target: &Path) -> Result<()> {
        use base64::Engine;
        let mut config = read_kubeconfig(kubeconfig)?;
        let clusters = config["clusters"]
            .as_array_mut()
            .context("kubeconfig without clusters")?;
        for entry in clusters {
            let cluster = entry["cluster"]
                .as_object_mut()
                .context("kubeconfig cluster without a body")?;
            cluster.insert("server".into(), Value::String(self.url.clone()));
            cluster.remove("certificate-authority");
            cluster.remove("tls-server-name");
            if self.url.starts_with("https") {
                cluster.insert(
                    "certificate-authority-data".into(),
                    Value::String(base64::engine::general_purpose::STANDARD.encode(TEST_CA_PEM)),
                );
            }
        }
        // JSON is YAML: every kubeconfig reader takes it.
        std::fs::write(target, serde_json::to_vec_pretty(&config)?)
            .with_context(|| format!("writing {}", target.display()))
    }
}

fn read_kubeconfig(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    serde_saphyr::from_str(&text).map_err(|e| anyhow!("{}: {e}", path.display()))
}

/// The server and CA of the kubeconfig's current context.
pub fn upstream_of(kubeconfig: &Path) -> Result<Upstream> {
    use base64::Engine;
    let config = read_kubeconfig(kubeconfig)?;
    let current = config["current-context"].as_str().unwrap_or_default();
    let contexts = config["contexts"].as_array().cloned().unwrap_or_default();
    let cluster_name = contexts
        .iter()
        .find(|c| c["name"] == current)
        .or(contexts.first())
        .and_then(|c| c["context"]["cluster"].as_str())
        .map(String::from);
    let clusters = config["clusters"].as_array().cloned().unwrap_or_default();
    let cluster = clusters
        .iter()
        .find(|c| cluster_name.is_none() || c["name"].as_str() == cluster_name.as_deref())
        .context("kubeconfig: no cluster for the current context")?;
    let url: Uri = cluster["cluster"]["server"]
        .as_str()
        .context("kubeconfig: cluster without a server")?
        .parse()?;
    let ca_pem = match (
        cluster["cluster"]["certificate-authority-data"].as_str(),
        cluster["cluster"]["certificate-authority"].as_str(),
    ) {
        (Some(data), _) => Some(base64::engine::general_purpose::STANDARD.decode(data)?),
        (None, Some(file)) => Some(std::fs::read(file)?),
        (None, None) => None,
    };
    Ok(Upstream { url, ca_pem })
}

fn server_tls() -> Result<tokio_rustls::TlsAcceptor> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs = CertificateDer::pem_slice_iter(PROXY_CERT_PEM).collect::<Result<Vec<_>, _>>()?;
    let key = PrivateKeyDer::from_pem_slice(PROXY_KEY_PEM)?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(certs, key)?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
}

fn client_tls(ca_pem: &[u8]) -> Result<tokio_rustls::TlsConnector> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(ca_pem) {
        roots.add(cert?)?;
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(tokio_rustls::TlsConnector::from(Arc::new(config)))
}

/// The client's TCP connection, which can be told to end with a reset instead of a FIN.
struct ClientConn {
    stream: TcpStream,
    reset: Arc<AtomicBool>,
}

impl Drop for ClientConn {
    fn drop(&mut self) {
        if self.reset.load(Ordering::SeqCst) {
            // SO_LINGER 0: close() sends RST.
            let _ = self.stream.set_zero_linger();
        }
    }
}

impl AsyncRead for ClientConn {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for ClientConn {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

struct Forward {
    upstream: Upstream,
    connector: Option<tokio_rustls::TlsConnector>,
    state: Arc<State>,
}

async fn accept_loop(
    listener: TcpListener,
    acceptor: Option<tokio_rustls::TlsAcceptor>,
    forward: Arc<Forward>,
) {
    loop {
        let Ok((socket, _)) = listener.accept().await else {
            continue;
        };
        let _ = socket.set_nodelay(true);
        let reset = Arc::new(AtomicBool::new(false));
        let conn = ClientConn {
            stream: socket,
            reset: reset.clone(),
        };
        let forward = forward.clone();
        let acceptor = acceptor.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request: Request<Incoming>| {
                let forward = forward.clone();
                let reset = reset.clone();
                async move { forward.handle(request, reset).await }
            });
            let http = hyper::server::conn::http1::Builder::new();
            match acceptor {
                None => {
                    let _ = http.serve_connection(TokioIo::new(conn), service).await;
                }
                Some(acceptor) => {
                    let Ok(stream) = acceptor.accept(conn).await else {
                        return;
                    };
                    let _ = http.serve_connection(TokioIo::new(stream), service).await;
                }
            }
        });
    }
}

/// Request and response headers that belong to one connection, not to the message.
const HOP_BY_HOP: &[&str] = &[
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

impl Forward {
    async fn handle(&self, request: Request<Incoming>, reset: Arc<AtomicBool>) -> Answer {
        let method = request.method().to_string();
        let path_and_query = request
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into());
        self.state
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(format!("{method} {path_and_query}"));
        let mut truncate = None;
        match self.state.take(&method, &path_and_query) {
            None => {}
            Some(ProxyFault::Status { code, retry_after }) => {
                let _ = request.into_body().collect().await;
                return Ok(status_response(code, retry_after));
            }
            Some(ProxyFault::DropConnection) => {
                let _ = request.into_body().collect().await;
                return Err(std::io::Error::other(
                    "injected: connection closed without an answer",
                ));
            }
            Some(ProxyFault::ResetConnection) => {
                let _ = request.into_body().collect().await;
                reset.store(true, Ordering::SeqCst);
                return Err(std::io::Error::other("injected: connection reset"));
            }
            Some(ProxyFault::TruncateBody(limit)) => truncate = Some(limit),
            Some(ProxyFault::Stall(delay)) => tokio::time::sleep(delay).await,
        }
        let response = match self.send_upstream(request, &path_and_query).await {
            Ok(response) => response,
            Err(error) => return Err(std::io::Error::other(error)),
        };
        let (mut parts, body) = response.into_parts();
        for name in HOP_BY_HOP {
            parts.headers.remove(*name);
        }
        let body: ProxyBody = match truncate {
            None => body.map_err(std::io::Error::other).boxed_unsync(),
            Some(limit) => cut_after(body, limit),
        };
        Ok(Response::from_parts(parts, body))
    }

    async fn send_upstream(
        &self,
        request: Request<Incoming>,
        path_and_query: &str,
    ) -> Result<Response<Incoming>, BoxError> {
        let authority = self
            .upstream
            .url
            .authority()
            .ok_or("upstream without host:port")?
            .clone();
        let (mut parts, body) = request.into_parts();
        parts.uri = path_and_query.parse()?;
        for name in HOP_BY_HOP {
            parts.headers.remove(*name);
        }
        parts
            .headers
            .insert(http::header::HOST, authority.as_str().parse()?);
        let request = Request::from_parts(parts, body);
        let tcp = TcpStream::connect(authority.as_str()).await?;
        let _ = tcp.set_nodelay(true);
        // One upstream connection per request: simple, and a fault never poisons the next one.
        match &self.connector {
            None => send_on(TokioIo::new(tcp), request).await,
            Some(connector) => {
                let host = authority
                    .host()
                    .trim_start_matches('[')
                    .trim_end_matches(']');
                let name = rustls::pki_types::ServerName::try_from(host.to_string())?;
                let tls = connector.connect(name, tcp).await?;
                send_on(TokioIo::new(tls), request).await
            }
        }
    }
}

async fn send_on<T>(io: T, request: Request<Incoming>) -> Result<Response<Incoming>, BoxError>
where
    T: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let (mut sender, connection) = hyper::client::conn::http1::handshake(io).await?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(sender.send_request(request).await?)
}

/// The first `limit` bytes of `body`, then an error, so the client's connection breaks mid-body.
fn cut_after(body: Incoming, limit: usize) -> ProxyBody {
    let mut sent = 0usize;
    let stream = futures::StreamExt::scan(body.into_data_stream(), false, move |ended, chunk| {
        if *ended {
            return futures::future::ready(None);
        }
        let item: Result<Bytes, std::io::Error> = match chunk {
            Ok(bytes) if sent + bytes.len() >= limit => {
                *ended = true;
                let keep = limit - sent;
                sent = limit;
                Ok(bytes.slice(..keep))
            }
            Ok(bytes) => {
                sent += bytes.len();
                Ok(bytes)
            }
            Err(e) => Err(std::io::Error::other(e)),
        };
        futures::future::ready(Some(item))
    });
    let failing = futures::StreamExt::chain(
        stream,
        futures::stream::once(async {
            Err::<Bytes, _>(std::io::Error::other("injected: body truncated"))
        }),
    );
    http_body_util::StreamBody::new(futures::StreamExt::map(failing, |r| {
        r.map(hyper::body::Frame::data)
    }))
    .boxed_unsync()
}

/// A Kubernetes `Status` answer, worded as kube-apiserver words these codes.
fn status_response(code: u16, retry_after: Option<u64>) -> Response<ProxyBody> {
    let (reason, message) = match code {
        429 => (
            "TooManyRequests",
            "Too many requests, please try again later.",
        ),
        500 => ("InternalError", "Internal error occurred: injected fault"),
        503 => ("ServiceUnavailable", "The service is unavailable."),
        504 => ("Timeout", "The server was unable to respond in time."),
        _ => ("", "injected fault"),
    };
    let mut body = serde_json::json!({
        "kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
        "message": message, "reason": reason, "code": code,
    });
    if let Some(seconds) = retry_after {
        body["details"] = serde_json::json!({"retryAfterSeconds": seconds});
    }
    let mut response = Response::builder()
        .status(StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        .header(http::header::CONTENT_TYPE, "application/json");
    if let Some(seconds) = retry_after {
        response = response.header(http::header::RETRY_AFTER, seconds.to_string());
    }
    let bytes = Bytes::from(serde_json::to_vec(&body).unwrap_or_default());
    response
        .body(
            http_body_util::Full::new(bytes)
                .map_err(|never| match never {})
                .boxed_unsync(),
        )
        .expect("static response")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FakeApiServer;

    fn get(proxy: &FaultProxy, path: &str) -> std::io::Result<(u16, String)> {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(proxy.addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nConnection: close\r\n\r\n",
            crate::apiserver::ADMIN_TOKEN
        )?;
        let mut text = String::new();
        stream.read_to_string(&mut text)?;
        let status = text
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("no status in {text:?}")))?;
        Ok((status, text))
    }

    #[test]
    fn forwards_and_injects_per_request() {
        let server = FakeApiServer::start_blocking();
        let proxy = FaultProxy::for_kubeconfig(server.kubeconfig_path()).unwrap();
        let (status, text) = get(&proxy, "/api/v1/namespaces/default").unwrap();
        assert_eq!(status, 200, "{text}");
        proxy.add(
            ProxyRule::new(ProxyFault::Status {
                code: 429,
                retry_after: Some(3),
            })
            .times(1)
            .path_contains("/namespaces"),
        );
        let (status, text) = get(&proxy, "/api/v1/namespaces/default").unwrap();
        assert_eq!(status, 429);
        assert!(
            text.contains("Retry-After: 3") || text.contains("retry-after: 3"),
            "{text}"
        );
        proxy.add(ProxyRule::new(ProxyFault::DropConnection).times(1));
        assert!(get(&proxy, "/api/v1/namespaces/default").is_err());
        proxy.add(ProxyRule::new(ProxyFault::ResetConnection).times(1));
        assert!(get(&proxy, "/api/v1/namespaces/default").is_err());
        proxy.add(ProxyRule::new(ProxyFault::TruncateBody(10)).times(1));
        let cut = get(&proxy, "/api/v1/namespaces/default");
        assert!(
            cut.as_ref().map_or(true, |(_, t)| !t.contains("\"kind\"")),
            "{cut:?}"
        );
        assert_eq!(proxy.faults_served().len(), 4);
        assert_eq!(get(&proxy, "/api/v1/namespaces/default").unwrap().0, 200);
    }
}
