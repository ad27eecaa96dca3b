//! The gRPC client underneath `etcd save`: one HTTP/2 connection (hyper's client) to one etcd
//! member, plain or over TLS (rustls with ring), carrying unary and server-streaming calls.
//!
//! It replaces the `etcd-client` crate, whose tonic and prost code generation needed `protoc` at
//! build time and pulled in tonic's server side (axum) for a client that calls two RPCs. The
//! messages of those RPCs are encoded and decoded by hand in [`etcdserverpb`]; this module only
//! knows gRPC's framing (a 5-byte prefix per message) and its status trailers.

pub mod etcdserverpb;

use std::sync::Arc;
use std::time::Duration;

use bytes::{Buf, Bytes, BytesMut};
use http::{HeaderMap, HeaderValue, Request, StatusCode, Uri};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::client::conn::http2;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use rustls::pki_types::ServerName;
use tokio::net::TcpStream;

/// The largest message accepted (etcd sends snapshots in 32 KiB chunks; tonic's default limit is
/// 4 MiB). A length prefix beyond it means a broken stream, not a message worth allocating for.
const MAX_MESSAGE_LEN: usize = 16 << 20;

/// gRPC's length prefix: one compression flag byte, then the length as a big-endian u32.
const PREFIX_LEN: usize = 5;

/// A gRPC status code (`google.rpc.Code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code(pub u32);

impl Code {
    pub const OK: Code = Code(0);

    /// The name gRPC gives the code, as grpc-go prints it.
    pub fn name(self) -> &'static str {
        const NAMES: [&str; 17] = [
            "OK",
            "Canceled",
            "Unknown",
            "InvalidArgument",
            "DeadlineExceeded",
            "NotFound",
            "AlreadyExists",
            "PermissionDenied",
            "ResourceExhausted",
            "FailedPrecondition",
            "Aborted",
            "OutOfRange",
            "Unimplemented",
            "Internal",
            "Unavailable",
            "DataLoss",
            "Unauthenticated",
        ];
        NAMES
            .get(self.0 as usize)
            .copied()
            .unwrap_or("unknown code")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The member answered the call with a status other than OK.
    #[error("{}", if message.is_empty() { code.name() } else { message })]
    Status { code: Code, message: String },
    /// The connection could not be made or broke; `what` says at which step.
    #[error("{what}")]
    Transport {
        what: &'static str,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("no connection within {0:?}")]
    Timeout(Duration),
    /// The peer does not speak gRPC the way etcd does (or the stream was cut mid-message).
    #[error("{0}")]
    Protocol(String),
}

impl Error {
    fn transport(what: &'static str) -> impl FnOnce(hyper::Error) -> Error {
        move |source| Error::Transport {
            what,
            source: Box::new(source),
        }
    }
}

/// How to reach a member: `http://host:port` or `https://host:port` with a TLS configuration.
pub struct Target<'a> {
    pub url: &'a str,
    pub tls: Option<Arc<rustls::ClientConfig>>,
    /// Time allowed for TCP, TLS and HTTP/2 set-up together.
    pub connect_timeout: Duration,
    /// HTTP/2 PINGs while a call is in flight, and how long to wait for their answer: a member
    /// that vanishes mid-snapshot is noticed instead of waited for forever.
    pub keep_alive_interval: Duration,
    pub keep_alive_timeout: Duration,
}

/// One HTTP/2 connection to one member. Calls are sent on it one after another.
pub struct Channel {
    sender: http2::SendRequest<Full<Bytes>>,
    /// `scheme://authority`, the prefix of every call's URI.
    origin: String,
    /// Sent with every call (etcd's auth `token`).
    metadata: HeaderMap,
}

impl Channel {
    pub async fn connect(target: Target<'_>) -> Result<Channel, Error> {
        let uri: Uri = target
            .url
            .parse()
            .map_err(|e| Error::Protocol(format!("{} is not a URL: {e}", target.url)))?;
        let https = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            other => {
                return Err(Error::Protocol(format!(
                    "{}: unsupported scheme {:?} (use http:// or https://)",
                    target.url,
                    other.unwrap_or("")
                )));
            }
        };
        let authority = uri
            .authority()
            .ok_or_else(|| Error::Protocol(format!("{} has no host", target.url)))?
            .clone();
        // `[::1]` in a URL is `::1` to the resolver and to TLS.
        let host = authority
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let port = authority.port_u16().unwrap_or(2379);
        let tls = match (https, target.tls) {
            (true, Some(tls)) => Some(tls),
            (true, None) => {
                return Err(Error::Protocol(format!(
                    "{} uses TLS but no TLS configuration was given",
                    target.url
                )));
            }
            (false, _) => None,
        };
        let handshake = async {
            let tcp = TcpStream::connect((host.as_str(), port))
                .await
                .map_err(|e| Error::Transport {
                    what: "cannot connect",
                    source: Box::new(e),
                })?;
            // Small request frames must not wait for Nagle's algorithm.
            let _ = tcp.set_nodelay(true);
            let mut builder = http2::Builder::new(TokioExecutor::new());
            builder
                .timer(TokioTimer::new())
                .keep_alive_interval(target.keep_alive_interval)
                .keep_alive_timeout(target.keep_alive_timeout);
            let sender = match tls {
                Some(config) => {
                    let name =
                        ServerName::try_from(host.clone()).map_err(|e| Error::Transport {
                            what: "invalid TLS server name",
                            source: Box::new(e),
                        })?;
                    let stream = tokio_rustls::TlsConnector::from(config)
                        .connect(name, tcp)
                        .await
                        .map_err(|e| Error::Transport {
                            what: "TLS handshake failed",
                            source: Box::new(e),
                        })?;
                    spawn_connection(&mut builder, stream).await?
                }
                None => spawn_connection(&mut builder, tcp).await?,
            };
            Ok::<_, Error>(sender)
        };
        let sender = tokio::time::timeout(target.connect_timeout, handshake)
            .await
            .map_err(|_| Error::Timeout(target.connect_timeout))??;
        Ok(Channel {
            sender,
            origin: format!("{}://{authority}", if https { "https" } else { "http" }),
            metadata: HeaderMap::new(),
        })
    }

    /// Adds a header sent with every later call.
    pub fn set_metadata(&mut self, name: &'static str, value: HeaderValue) {
        self.metadata.insert(name, value);
    }

    /// Calls a unary method (`/package.Service/Method`) with an encoded request message.
    pub async fn unary(&mut self, method: &str, request: &[u8]) -> Result<Bytes, Error> {
        let mut messages = self.server_streaming(method, request).await?;
        let Some(response) = messages.message().await? else {
            return Err(Error::Protocol(format!(
                "{method} answered without a message"
            )));
        };
        if messages.message().await?.is_some() {
            return Err(Error::Protocol(format!(
                "{method} answered with more than one message"
            )));
        }
        Ok(response)
    }

    /// Calls a server-streaming method; the messages are read from the returned stream.
    pub async fn server_streaming(
        &mut self,
        method: &str,
        request: &[u8],
    ) -> Result<Messages, Error> {
        let mut body = BytesMut::with_capacity(PREFIX_LEN + request.len());
        body.extend_from_slice(&[0]);
        let len = u32::try_from(request.len())
            .map_err(|_| Error::Protocol(format!("{method}: request too large")))?;
        body.extend_from_slice(&len.to_be_bytes());
        body.extend_from_slice(request);
        let mut call = Request::post(format!("{}{method}", self.origin))
            .header(http::header::CONTENT_TYPE, "application/grpc")
            .header(http::header::TE, "trailers")
            .header(
                http::header::USER_AGENT,
                concat!("kubectl-backup/", env!("CARGO_PKG_VERSION")),
            )
            .body(Full::new(body.freeze()))
            .map_err(|e| Error::Protocol(format!("{method}: {e}")))?;
        call.headers_mut().extend(self.metadata.clone());
        self.sender
            .ready()
            .await
            .map_err(Error::transport("the connection closed"))?;
        let response = self
            .sender
            .send_request(call)
            .await
            .map_err(Error::transport("the call failed"))?;
        let (parts, body) = response.into_parts();
        // A call that fails at once is answered "trailers-only": the status in the headers.
        let status = status_of(&parts.headers);
        if parts.status != StatusCode::OK {
            return Err(status.err().unwrap_or_else(|| {
                Error::Protocol(format!(
                    "{method}: HTTP status {} instead of a gRPC response (is this an etcd client URL?)",
                    parts.status
                ))
            }));
        }
        let finished = status? == CallStatus::Ok;
        Ok(Messages {
            body,
            deframer: Deframer::default(),
            finished,
        })
    }
}

async fn spawn_connection<S>(
    builder: &mut http2::Builder<TokioExecutor>,
    stream: S,
) -> Result<http2::SendRequest<Full<Bytes>>, Error>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (sender, connection) = builder
        .handshake(TokioIo::new(stream))
        .await
        .map_err(Error::transport("HTTP/2 handshake failed"))?;
    tokio::spawn(async move {
        // A broken connection also fails the call in flight, which reports it; this is detail.
        if let Err(e) = connection.await {
            tracing::debug!("etcd connection closed: {e}");
        }
    });
    Ok(sender)
}

/// What a response's headers or trailers say about the end of the call.
#[derive(Debug, PartialEq, Eq)]
enum CallStatus {
    /// No `grpc-status` (messages follow).
    Pending,
    /// The call ended with status OK.
    Ok,
}

/// The status in a response's headers or trailers; a code other than OK is the call's error.
fn status_of(headers: &HeaderMap) -> Result<CallStatus, Error> {
    let Some(code) = headers.get("grpc-status") else {
        return Ok(CallStatus::Pending);
    };
    let code = code
        .to_str()
        .ok()
        .and_then(|c| c.parse().ok())
        .map(Code)
        .ok_or_else(|| Error::Protocol(format!("unreadable grpc-status {code:?}")))?;
    if code == Code::OK {
        return Ok(CallStatus::Ok);
    }
    // grpc-message is percent-encoded (gRPC over HTTP/2, "Responses").
    let message = headers
        .get("grpc-message")
        .map(|m| {
            percent_encoding::percent_decode(m.as_bytes())
                .decode_utf8_lossy()
                .into_owned()
        })
        .unwrap_or_default();
    Err(Error::Status { code, message })
}

/// The messages of one call, in order, then its status.
pub struct Messages {
    body: Incoming,
    deframer: Deframer,
    /// The status arrived (OK); no message follows.
    finished: bool,
}

impl Messages {
    /// The next message, `None` after the last one (the call ended with status OK), or the
    /// error the call ended with.
    pub async fn message(&mut self) -> Result<Option<Bytes>, Error> {
        loop {
            if let Some(message) = self.deframer.next_message()? {
                return Ok(Some(message));
            }
            if self.finished {
                return if self.deframer.is_empty() {
                    Ok(None)
                } else {
                    Err(Error::Protocol(
                        "the call ended in the middle of a message".into(),
                    ))
                };
            }
            let Some(frame) = self.body.frame().await else {
                // grpc-go always ends a call with trailers; without them the stream was cut.
                return Err(Error::Protocol(
                    "the stream ended without a gRPC status (connection lost?)".into(),
                ));
            };
            let frame = frame.map_err(Error::transport("the stream broke"))?;
            match frame.into_data() {
                Ok(data) => self.deframer.push(&data),
                Err(frame) => {
                    if let Ok(trailers) = frame.into_trailers() {
                        match status_of(&trailers)? {
                            CallStatus::Ok => self.finished = true,
                            CallStatus::Pending => {
                                return Err(Error::Protocol(
                                    "the call's trailers carry no grpc-status".into(),
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Splits the bytes of HTTP/2 DATA frames (16 KiB each from grpc-go) into gRPC messages.
#[derive(Default)]
struct Deframer {
    buffer: BytesMut,
}

impl Deframer {
    fn push(&mut self, data: &[u8]) {
        self.buffer.extend_from_slice(data);
    }

    fn is_empty(&self) -> bool {
        self.buffer.is_empty()
    }

    fn next_message(&mut self) -> Result<Option<Bytes>, Error> {
        let Some(prefix) = self.buffer.get(..PREFIX_LEN) else {
            return Ok(None);
        };
        if prefix[0] != 0 {
            // We offer no grpc-accept-encoding, so a compressed message is a broken peer.
            return Err(Error::Protocol(
                "the member sent a compressed message, which was not asked for".into(),
            ));
        }
        let len = u32::from_be_bytes(prefix[1..].try_into().expect("4 bytes")) as usize;
        if len > MAX_MESSAGE_LEN {
            return Err(Error::Protocol(format!(
                "a message of {len} bytes announced (at most {MAX_MESSAGE_LEN} are accepted)"
            )));
        }
        let whole = PREFIX_LEN + len;
        if self.buffer.len() < whole {
            // One allocation for the rest of the message, not one per frame.
            self.buffer.reserve(whole - self.buffer.len());
            return Ok(None);
        }
        self.buffer.advance(PREFIX_LEN);
        Ok(Some(self.buffer.split_to(len).freeze()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(message: &[u8]) -> Vec<u8> {
        let mut out = vec![0];
        out.extend_from_slice(&(message.len() as u32).to_be_bytes());
        out.extend_from_slice(message);
        out
    }

    #[test]
    fn messages_split_across_frames_and_frames_holding_several() {
        let big = vec![7u8; 40_000];
        let mut stream = framed(&big);
        stream.extend(framed(b"second"));
        stream.extend(framed(b""));
        let mut deframer = Deframer::default();
        let mut got = Vec::new();
        for frame in stream.chunks(16_384) {
            deframer.push(frame);
            while let Some(message) = deframer.next_message().unwrap() {
                got.push(message);
            }
        }
        assert_eq!(got, [&big[..], b"second", b""]);
        assert!(deframer.is_empty());
    }

    #[test]
    fn a_partial_message_waits_and_bad_prefixes_are_refused() {
        let mut deframer = Deframer::default();
        deframer.push(&framed(b"hello")[..7]);
        assert!(deframer.next_message().unwrap().is_none());
        assert!(!deframer.is_empty());

        let mut compressed = Deframer::default();
        compressed.push(&[1, 0, 0, 0, 1, 0]);
        assert!(compressed.next_message().is_err());

        let mut huge = Deframer::default();
        huge.push(&[0, 0xff, 0xff, 0xff, 0xff]);
        let err = huge.next_message().unwrap_err().to_string();
        assert!(err.contains("4294967295 bytes"), "{err}");
    }

    #[test]
    fn status_from_headers_and_trailers() {
        let mut headers = HeaderMap::new();
        assert!(matches!(status_of(&headers), Ok(CallStatus::Pending)));
        headers.insert("grpc-status", HeaderValue::from_static("0"));
        assert!(matches!(status_of(&headers), Ok(CallStatus::Ok)));
        headers.insert("grpc-status", HeaderValue::from_static("3"));
        headers.insert(
            "grpc-message",
            HeaderValue::from_static(
                "etcdserver: authentication failed, invalid user ID or password%21",
            ),
        );
        match status_of(&headers) {
            Err(Error::Status { code, message }) => {
                assert_eq!(code.name(), "InvalidArgument");
                assert_eq!(
                    message,
                    "etcdserver: authentication failed, invalid user ID or password!"
                );
            }
            other => panic!("expected a status error, got {other:?}"),
        }
        headers.remove("grpc-message");
        headers.insert("grpc-status", HeaderValue::from_static("14"));
        assert_eq!(status_of(&headers).unwrap_err().to_string(), "Unavailable");
        headers.insert("grpc-status", HeaderValue::from_static("x"));
        assert!(matches!(status_of(&headers), Err(Error::Protocol(_))));
    }
}
