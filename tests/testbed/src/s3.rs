//! S3 servers for tests: an in-process s3s-fs (SigV4 auth, files in a temp dir) with fault
//! injection, and a launcher for moto (`moto_server`, PyPI `moto[server]`) as a second, independent
//! implementation.
//!
//! Faults are served by a wrapper in front of s3s: a rule matches requests by method and a substring
//! of the URI and fires a given number of times (503 SlowDown, 500 InternalError, a dropped
//! connection, or a response body cut after N bytes).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use bytes::Bytes;
use http::{Method, Request, Response, StatusCode};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder as ConnBuilder;
use s3s::service::S3ServiceBuilder;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// What an injected fault does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// 503 with S3's `SlowDown` error body (throttling).
    SlowDown,
    /// 500 `InternalError`.
    InternalError,
    /// Close the connection without answering.
    DropConnection,
    /// Serve the real response but end the connection after this many body bytes.
    TruncateBody(usize),
    /// Receive the whole request, wait this long, then handle it, whether or not the client is
    /// still there: a real server that has a request commits it even after the client gave up,
    /// so a PUT abandoned by the client can land after the client's next DELETE.
    /// [`S3Server::delayed_in_flight`] counts those not yet handled.
    Delay(Duration),
}

/// Which requests a fault applies to.
#[derive(Clone, Debug, Default)]
pub struct Match {
    pub method: Option<Method>,
    /// A substring of the path and query, e.g. `"partNumber=2"`, `"uploads"`, `"/bucket/key"`.
    pub uri_contains: Option<String>,
}

impl Match {
    pub fn any() -> Self {
        Self::default()
    }

    pub fn method(method: Method) -> Self {
        Self {
            method: Some(method),
            uri_contains: None,
        }
    }

    pub fn with_uri(mut self, text: &str) -> Self {
        self.uri_contains = Some(text.to_string());
        self
    }

    fn matches(&self, method: &Method, uri: &str) -> bool {
        self.method.as_ref().is_none_or(|m| m == method)
            && self.uri_contains.as_ref().is_none_or(|t| uri.contains(t))
    }
}

struct Rule {
    fault: Fault,
    when: Match,
    remaining: usize,
}

#[derive(Default)]
struct State {
    rules: Mutex<Vec<Rule>>,
    log: Mutex<Vec<String>>,
    faults_served: Mutex<usize>,
    delayed_in_flight: std::sync::atomic::AtomicUsize,
}

impl State {
    fn take(&self, method: &Method, uri: &str) -> Option<Fault> {
        let mut rules = self.rules.lock().unwrap();
        let rule = rules
            .iter_mut()
            .find(|r| r.remaining > 0 && r.when.matches(method, uri))?;
        rule.remaining -= 1;
        *self.faults_served.lock().unwrap() += 1;
        Some(rule.fault.clone())
    }
}

/// Options for [`S3Server::start_with`].
#[derive(Clone, Debug)]
pub struct S3Options {
    /// Require SigV4 with these keys (`None`: no auth).
    pub credentials: Option<(String, String)>,
    pub buckets: Vec<String>,
    /// Enable virtual-hosted-style requests for this domain (`localhost:<port>` is added for you
    /// when `true`).
    pub virtual_host: bool,
    /// Serve HTTPS with this PEM certificate chain and PKCS#8 PEM key.
    pub tls: Option<(Vec<u8>, Vec<u8>)>,
}

impl Default for S3Options {
    fn default() -> Self {
        Self {
            credentials: Some(("AKIDTESTBED".into(), "testbed-secret-key".into())),
            buckets: vec!["bucket".into()],
            virtual_host: false,
            tls: None,
        }
    }
}

/// An in-process s3s-fs server on `127.0.0.1:<random port>`.
pub struct S3Server {
    pub addr: SocketAddr,
    /// `http://127.0.0.1:<port>`
    pub endpoint: String,
    pub access_key: String,
    pub secret_key: String,
    root: tempfile::TempDir,
    state: Arc<State>,
    accept: tokio::task::JoinHandle<()>,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

impl S3Server {
    /// s3s-fs with SigV4 auth (`AKIDTESTBED` / `testbed-secret-key`) and a bucket named `bucket`.
    pub async fn start() -> Result<Self> {
        Self::start_with(S3Options::default()).await
    }

    pub async fn start_with(options: S3Options) -> Result<Self> {
        let root = tempfile::tempdir().context("temp dir for s3s-fs")?;
        for bucket in &options.buckets {
            std::fs::create_dir(root.path().join(bucket))?;
        }
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let fs =
            s3s_fs::FileSystem::new(root.path()).map_err(|e| anyhow::anyhow!("s3s-fs: {e:?}"))?;
        let mut builder = S3ServiceBuilder::new(fs);
        let (access_key, secret_key) = options.credentials.clone().unwrap_or_default();
        if let Some((ak, sk)) = &options.credentials {
            builder.set_auth(s3s::auth::SimpleAuth::from_single(ak.as_str(), sk.as_str()));
        }
        if options.virtual_host {
            let domain = format!("localhost:{}", addr.port());
            builder.set_host(
                s3s::host::MultiDomain::new(&[domain]).map_err(|e| anyhow::anyhow!("{e:?}"))?,
            );
        }
        let service = builder.build();
        let tls = options
            .tls
            .as_ref()
            .map(|(cert, key)| tls_acceptor(cert, key))
            .transpose()?;
        let state = Arc::new(State::default());
        let accept_state = state.clone();
        let accept = tokio::spawn(async move {
            let http = ConnBuilder::new(TokioExecutor::new());
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    continue;
                };
                let _ = socket.set_nodelay(true);
                let service = service.clone();
                let state = accept_state.clone();
                let svc = service_fn(move |req: Request<Incoming>| {
                    let service = service.clone();
                    let state = state.clone();
                    async move { handle(service, state, req).await }
                });
                match &tls {
                    None => {
                        let conn = http
                            .serve_connection(TokioIo::new(socket), svc)
                            .into_owned();
                        tokio::spawn(async move {
                            let _ = conn.await;
                        });
                    }
                    Some(acceptor) => {
                        let (acceptor, http) = (acceptor.clone(), http.clone());
                        tokio::spawn(async move {
                            // A client that rejects our certificate ends the handshake here.
                            let Ok(stream) = acceptor.accept(socket).await else {
                                return;
                            };
                            let _ = http.serve_connection(TokioIo::new(stream), svc).await;
                        });
                    }
                }
            }
        });
        let scheme = if options.tls.is_some() {
            "https"
        } else {
            "http"
        };
        Ok(Self {
            addr,
            endpoint: format!("{scheme}://{addr}"),
            access_key,
            secret_key,
            root,
            state,
            accept,
        })
    }

    /// The directory s3s-fs stores buckets in.
    pub fn root(&self) -> &Path {
        self.root.path()
    }

    pub fn create_bucket(&self, name: &str) -> Result<()> {
        std::fs::create_dir_all(self.root.path().join(name))?;
        Ok(())
    }

    /// Where s3s-fs keeps `bucket/key` on disk.
    pub fn object_path(&self, bucket: &str, key: &str) -> PathBuf {
        self.root.path().join(bucket).join(key)
    }

    /// Files of multipart uploads still in progress (parts not completed nor aborted).
    pub fn pending_upload_parts(&self) -> Vec<String> {
        std::fs::read_dir(self.root.path())
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.starts_with(".upload_id-"))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Serve `fault` to the next `times` requests matching `when`.
    pub fn inject(&self, fault: Fault, times: usize, when: Match) {
        self.state.rules.lock().unwrap().push(Rule {
            fault,
            when,
            remaining: times,
        });
    }

    /// How many injected faults were served so far.
    pub fn faults_served(&self) -> usize {
        *self.state.faults_served.lock().unwrap()
    }

    /// Requests held by [`Fault::Delay`] that the server has not handled yet.
    pub fn delayed_in_flight(&self) -> usize {
        self.state
            .delayed_in_flight
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Every request so far as `METHOD /path?query` (signature parameters removed).
    pub fn requests(&self) -> Vec<String> {
        self.state.log.lock().unwrap().clone()
    }
}

async fn handle(
    service: s3s::service::S3Service,
    state: Arc<State>,
    req: Request<Incoming>,
) -> Result<Response<s3s::Body>, s3s::HttpError> {
    let uri = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    state
        .log
        .lock()
        .unwrap()
        .push(format!("{} {}", req.method(), strip_signature(&uri)));
    let fault = state.take(req.method(), &uri);
    match fault {
        None => hyper::service::Service::call(&service, req).await,
        Some(Fault::Delay(delay)) => {
            use std::sync::atomic::Ordering;
            let (parts, body) = req.into_parts();
            let body = body
                .collect()
                .await
                .map_err(|e| s3s::HttpError::new(Box::new(e)))?
                .to_bytes();
            let request = Request::from_parts(parts, s3s::Body::from(body));
            state.delayed_in_flight.fetch_add(1, Ordering::SeqCst);
            // Detached from the connection: dropping the client does not cancel it.
            let task = tokio::spawn(async move {
                tokio::time::sleep(delay).await;
                let response = service.call(request).await;
                state.delayed_in_flight.fetch_sub(1, Ordering::SeqCst);
                response
            });
            task.await.map_err(|e| s3s::HttpError::new(Box::new(e)))?
        }
        Some(Fault::SlowDown) => {
            let _ = req.into_body().collect().await;
            Ok(error_response(
                StatusCode::SERVICE_UNAVAILABLE,
                "SlowDown",
                "Please reduce your request rate.",
            ))
        }
        Some(Fault::InternalError) => {
            let _ = req.into_body().collect().await;
            Ok(error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                "InternalError",
                "We encountered an internal error.",
            ))
        }
        Some(Fault::DropConnection) => {
            Err(s3s::HttpError::new("injected: connection dropped".into()))
        }
        Some(Fault::TruncateBody(limit)) => {
            let response = hyper::service::Service::call(&service, req).await?;

            let (parts, body) = response.into_parts();
            let mut sent = 0usize;
            let stream = body.into_data_stream();
            let cut = futures::StreamExt::scan(stream, false, move |ended, chunk| {
                if *ended {
                    return futures::future::ready(None);
                }
                let item = match chunk {
                    Ok(bytes) if sent + bytes.len() > limit => {
                        *ended = true;
                        let keep = limit - sent;
                        sent = limit;
                        if keep == 0 {
                            Err::<Bytes, BoxError>("injected: body truncated".into())
                        } else {
                            Ok(bytes.slice(..keep))
                        }
                    }
                    Ok(bytes) => {
                        sent += bytes.len();
                        Ok(bytes)
                    }
                    Err(e) => Err(e),
                };
                futures::future::ready(Some(item))
            });
            // After the kept bytes, fail the body so the connection ends early.
            let failing = futures::StreamExt::chain(
                cut,
                futures::stream::once(async {
                    Err::<Bytes, BoxError>("injected: body truncated".into())
                }),
            );
            let body = http_body_util::StreamBody::new(futures::StreamExt::map(failing, |r| {
                r.map(hyper::body::Frame::data)
            }));
            Ok(Response::from_parts(
                parts,
                s3s::Body::http_body_unsync(body),
            ))
        }
    }
}

fn tls_acceptor(cert_pem: &[u8], key_pem: &[u8]) -> Result<tokio_rustls::TlsAcceptor> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs = CertificateDer::pem_slice_iter(cert_pem).collect::<Result<Vec<_>, _>>()?;
    let key = PrivateKeyDer::from_pem_slice(key_pem)?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(certs, key)?;
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
}

fn strip_signature(uri: &str) -> String {
    let Some((path, query)) = uri.split_once('?') else {
        return uri.to_string();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.starts_with("X-Amz-"))
        .collect();
    if kept.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

fn error_response(status: StatusCode, code: &str, message: &str) -> Response<s3s::Body> {
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>"
    );
    Response::builder()
        .status(status)
        .header("content-type", "application/xml")
        .body(s3s::Body::from(body))
        .expect("static response")
}

/// A moto server (`moto_server -H 127.0.0.1 -p <port>`), killed on drop. moto keeps objects in
/// memory and does not check credentials.
pub struct MotoServer {
    pub endpoint: String,
    child: Child,
}

impl Drop for MotoServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `moto_server` executable: `$MOTO_SERVER`, else the first one on `PATH`.
pub fn moto_binary() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MOTO_SERVER").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("moto_server"))
        .find(|p| p.is_file())
}

impl MotoServer {
    /// Start moto, or `Ok(None)` (after reporting the skip) when `moto_server` is not installed.
    pub async fn start() -> Result<Option<Self>> {
        let Some(binary) = moto_binary() else {
            crate::skip::skipped(
                "a moto S3 test",
                "moto_server not found (set MOTO_SERVER or `pip install 'moto[server]'`)",
            );
            return Ok(None);
        };
        let port = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0")?;
            probe.local_addr()?.port()
        };
        let child = Command::new(&binary)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        let server = Self {
            endpoint: format!("http://127.0.0.1:{port}"),
            child,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                return Ok(Some(server));
            }
            if Instant::now() > deadline {
                bail!("moto_server did not open port {port} within 20 s");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Create a bucket (moto needs no signature).
    pub async fn create_bucket(&self, name: &str) -> Result<()> {
        let status = raw_request(&self.endpoint, "PUT", &format!("/{name}")).await?;
        if !(200..300).contains(&status) {
            bail!("creating bucket {name} on moto answered HTTP {status}");
        }
        Ok(())
    }
}

/// Send a bodiless HTTP/1.1 request and return the status code.
pub async fn raw_request(endpoint: &str, method: &str, path: &str) -> Result<u16> {
    let host = endpoint.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(host).await?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await?;
    let text = String::from_utf8_lossy(&response);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("no HTTP status in {:?}", text.lines().next()))?;
    Ok(status)
}
