//! The HTTP client for remote backends, and helpers to read S3/Azure-style error bodies.

use std::io;

use futures::TryStreamExt;
use reqwest::Response;

use super::backend::{ByteStream, ObjectMeta};
use super::config::{TlsOptions, TransferOptions};
use super::error::{Result, StorageError};

/// A reqwest client for one endpoint. TLS is rustls with ring (the process-wide provider is
/// installed here too, so library users and tests need not remember to).
pub(crate) fn client(tls: &TlsOptions, options: &TransferOptions) -> Result<reqwest::Client> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut builder = reqwest::Client::builder()
        .connect_timeout(options.connect_timeout)
        .read_timeout(options.read_timeout)
        .pool_max_idle_per_host(options.concurrency.max(1) * 2)
        .tcp_nodelay(true)
        // The proxy kubectl would pick (HTTPS_PROXY/HTTP_PROXY, NO_PROXY, never loopback),
        // decided per request in one place for every client of the project.
        .no_proxy()
        .proxy(environment_proxy()?);
    let mut extra = Vec::new();
    if let Some(pem) = &tls.ca_cert_pem {
        let certs = reqwest::Certificate::from_pem_bundle(pem).map_err(|e| {
            StorageError::Config(format!("cannot read the CA certificate bundle: {e}"))
        })?;
        if certs.is_empty() {
            return Err(StorageError::Config(
                "the CA certificate bundle holds no PEM certificate".into(),
            ));
        }
        extra = certs;
    }
    builder = if system_roots_available() {
        builder.tls_certs_merge(extra)
    } else {
        // A minimal image (scratch, distroless, busybox) has no CA bundle, and the platform
        // verifier refuses to start without one, even for plain http://. Trust the Profile's CA
        // and the public roots built into the binary instead.
        builder.tls_certs_only(extra.into_iter().chain(bundled_roots()))
    };
    if tls.skip_verify {
        builder = builder.tls_danger_accept_invalid_certs(true);
    }
    builder.build().map_err(|e| {
        StorageError::Config(format!(
            "cannot build the HTTP client: {}",
            super::error::root_cause(&e)
        ))
    })
}

fn environment_proxy() -> Result<reqwest::Proxy> {
    let environment = crate::proxy::ProxyEnvironment::from_env();
    environment.check().map_err(StorageError::Config)?;
    Ok(reqwest::Proxy::custom(move |target| {
        // `check` above refused any proxy setting that cannot be parsed.
        environment.proxy_for(target).ok().flatten()
    }))
}

/// The body of a response as a stream of chunks; transport errors become `io::Error`s.
pub(crate) fn body_stream(response: Response) -> ByteStream {
    Box::pin(
        response
            .bytes_stream()
            .map_err(|e| io::Error::other(super::error::root_cause(&e.without_url()))),
    )
}

/// The text of the first `<tag>…</tag>` element, with XML entities decoded.
pub(crate) fn xml_text(xml: &str, tag: &str) -> Option<String> {
    xml_elements(xml, tag).next().map(unescape)
}

/// The raw inner XML of every `<tag …>…</tag>` element (not nested in one another), in order.
/// `<tag/>` yields an empty string.
pub(crate) fn xml_elements<'a>(xml: &'a str, tag: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut rest = xml;
    std::iter::from_fn(move || {
        loop {
            let at = rest.find(&open)?;
            let after = &rest[at + open.len()..];
            // `<Blob>` must not match `<BlobPrefix>`.
            match after.chars().next() {
                Some('>') | Some(' ') | Some('/') => {}
                _ => {
                    rest = after;
                    continue;
                }
            }
            let gt = after.find('>')?;
            if after[..gt].ends_with('/') {
                rest = &after[gt + 1..];
                return Some("");
            }
            let body = &after[gt + 1..];
            let end = body.find(&close)?;
            rest = &body[end + close.len()..];
            return Some(&body[..end]);
        }
    })
}

pub(crate) fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';') else { break };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// A header as a string, if present and valid.
pub(crate) fn header(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The object's metadata from a GET or HEAD answer whose body starts at byte `offset`.
pub(crate) fn object_meta(key: &str, response: &Response, offset: u64) -> ObjectMeta {
    let length: u64 = header(response, "content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    ObjectMeta {
        key: key.to_string(),
        size: offset + length,
        etag: header(response, "etag").map(|e| unquote(&e)),
        last_modified: header(response, "last-modified"),
    }
}

/// `"abc"` → `abc`.
pub(crate) fn unquote(etag: &str) -> String {
    etag.trim().trim_matches('"').to_string()
}

/// Whether this system has a CA bundle the platform verifier can load (checked once).
fn system_roots_available() -> bool {
    static AVAILABLE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *AVAILABLE.get_or_init(|| !rustls_native_certs::load_native_certs().certs.is_empty())
}

/// Mozilla's public CA roots, compiled in (webpki-root-certs).
fn bundled_roots() -> impl Iterator<Item = reqwest::Certificate> {
    webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .filter_map(|der| reqwest::Certificate::from_der(der.as_ref()).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_error_codes() {
        let body = "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The key &lt;a&amp;b&gt; &#x41;</Message></Error>";
        assert_eq!(xml_text(body, "Code").as_deref(), Some("NoSuchKey"));
        assert_eq!(
            xml_text(body, "Message").as_deref(),
            Some("The key <a&b> A")
        );
        assert_eq!(xml_text(body, "Missing"), None);
    }

    #[test]
    fn finds_every_element_without_prefix_matches() {
        let xml = "<Blobs><Blob><Name>a</Name></Blob><BlobPrefix><Name>p/</Name></BlobPrefix><Blob><Name Encoded=\"false\">b</Name></Blob><Marker/></Blobs>";
        let blobs: Vec<&str> = xml_elements(xml, "Blob").collect();
        assert_eq!(blobs.len(), 2);
        assert_eq!(xml_text(blobs[1], "Name").as_deref(), Some("b"));
        let prefixes: Vec<String> = xml_elements(xml, "BlobPrefix")
            .filter_map(|p| xml_text(p, "Name"))
            .collect();
        assert_eq!(prefixes, ["p/"]);
        assert_eq!(xml_text(xml, "Marker").as_deref(), Some(""));
    }

    #[test]
    fn escape_round_trips() {
        let text = "a<b>&\"c'";
        assert_eq!(unescape(&escape(text)), text);
    }
}
