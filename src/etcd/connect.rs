//! Connecting to one etcd member the way etcdctl does: one endpoint, optional TLS client
//! certificate, optional user/password.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Result, bail};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use secrecy::{ExposeSecret, SecretString};

use super::grpc::{self, Channel, Target, etcdserverpb};

/// etcdctl's default endpoint.
pub const DEFAULT_ENDPOINT: &str = "127.0.0.1:2379";

/// Where and how to reach one etcd member.
#[derive(Debug, Clone, Default)]
pub struct Endpoint {
    /// URL or `host:port`; without a scheme, `https` when any TLS file is given, else `http`.
    pub url: String,
    pub cacert: Option<PathBuf>,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
    pub user: Option<String>,
    pub password: Option<SecretString>,
    /// Time allowed to establish the connection (not the transfer, which has no deadline).
    pub dial_timeout: Option<Duration>,
}

impl Endpoint {
    /// Picks the one endpoint a snapshot may come from, with etcdctl's error for several.
    pub fn single(endpoints: &[String]) -> Result<String> {
        let list: Vec<&str> = endpoints
            .iter()
            .flat_map(|e| e.split(','))
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .collect();
        match list.as_slice() {
            [] => Ok(DEFAULT_ENDPOINT.to_string()),
            [one] => Ok(one.to_string()),
            many => bail!(
                "snapshot must be requested to one selected node, not multiple [{}]: \
                 pass the one member to save from",
                many.join(" ")
            ),
        }
    }

    fn uses_tls(&self) -> bool {
        self.cacert.is_some() || self.cert.is_some() || self.key.is_some()
    }

    /// The URL with its scheme made explicit.
    pub fn normalized_url(&self) -> String {
        if self.url.contains("://") {
            self.url.clone()
        } else if self.uses_tls() {
            format!("https://{}", self.url)
        } else {
            format!("http://{}", self.url)
        }
    }

    /// The TLS client configuration for an `https://` URL (`None` for `http://`): the CA from
    /// `--cacert` as the only trust root, `--cert`/`--key` as the client identity.
    fn tls_config(&self, url: &str) -> Result<Option<rustls::ClientConfig>> {
        let https = url.starts_with("https://");
        if !https {
            if self.uses_tls() {
                bail!(
                    "{url} is plain http but TLS files were given: use an https:// endpoint \
                     (or drop --cacert/--cert/--key)"
                );
            }
            return Ok(None);
        }
        let Some(ca) = &self.cacert else {
            bail!(
                "{url} uses TLS: pass --cacert with the etcd CA certificate \
                 (kubeadm: /etc/kubernetes/pki/etcd/ca.crt)"
            );
        };
        let mut roots = rustls::RootCertStore::empty();
        for certificate in certificates(ca, "--cacert")? {
            roots.add(certificate).map_err(|e| {
                anyhow::anyhow!("--cacert file {}: unusable certificate: {e}", ca.display())
            })?;
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots);
        let mut config = match (&self.cert, &self.key) {
            (Some(cert), Some(key)) => {
                let chain = certificates(cert, "--cert")?;
                let key = PrivateKeyDer::from_pem_slice(&read(key, "--key")?).map_err(|e| {
                    anyhow::anyhow!(
                        "--key file {} holds no usable private key: {e}",
                        key.display()
                    )
                })?;
                builder.with_client_auth_cert(chain, key).map_err(|e| {
                    anyhow::anyhow!("--cert and --key do not make a client identity: {e}")
                })?
            }
            (None, None) => builder.with_no_client_auth(),
            (Some(_), None) => bail!("--cert was given without --key"),
            (None, Some(_)) => bail!("--key was given without --cert"),
        };
        // etcd serves gRPC and its HTTP endpoints on one port and picks by ALPN.
        config.alpn_protocols = vec![b"h2".to_vec()];
        Ok(Some(config))
    }

    /// Connects (and logs in with `--user`). Certificate files are read here, so a wrong path
    /// fails before any network I/O.
    pub async fn connect(&self) -> Result<Channel> {
        let url = self.normalized_url();
        let tls = self.tls_config(&url)?.map(Arc::new);
        let target = Target {
            url: &url,
            tls,
            connect_timeout: self.dial_timeout.unwrap_or(Duration::from_secs(5)),
            // While the snapshot streams, a ping every 30 s that must be answered within 10 s:
            // a member that vanishes mid-transfer fails the save instead of hanging it.
            keep_alive_interval: Duration::from_secs(30),
            keep_alive_timeout: Duration::from_secs(10),
        };
        let mut channel = Channel::connect(target)
            .await
            .map_err(|e| self.describe(&url, e))?;
        if let Some(user) = &self.user {
            let password = self
                .password
                .as_ref()
                .map(|p| p.expose_secret())
                .unwrap_or_default();
            etcdserverpb::authenticate(&mut channel, user, password)
                .await
                .map_err(|e| self.describe(&url, e))?;
        }
        Ok(channel)
    }

    /// One line that says what failed and what to check, instead of a nested error chain.
    pub fn describe(&self, url: &str, error: grpc::Error) -> anyhow::Error {
        let detail = error_chain(&error);
        let lower = detail.to_lowercase();
        let auth = ["auth", "user name is empty", "permission denied"];
        let hint = if auth.iter().any(|needle| lower.contains(needle)) {
            "check --user/--password (snapshots need the root user when etcd auth is on)"
        } else if url.starts_with("https://") && self.cert.is_none() {
            "if the member requires client certificates (kubeadm's does), pass --cert and --key \
             (kubeadm: /etc/kubernetes/pki/etcd/server.crt and server.key)"
        } else if lower.contains("certificate")
            || lower.contains("tls")
            || lower.contains("handshake")
        {
            "check --cacert/--cert/--key (kubeadm: /etc/kubernetes/pki/etcd/ca.crt, server.crt, server.key)"
        } else {
            "check --endpoints and that etcd is running and listening there"
        };
        anyhow::anyhow!("etcd at {url}: {detail}; {hint}")
    }
}

/// The certificates of a PEM file; an empty one is a mistake, not "trust nothing".
fn certificates(path: &Path, flag: &str) -> Result<Vec<CertificateDer<'static>>> {
    let pem = read(path, flag)?;
    let certificates = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow::anyhow!("{flag} file {}: {e}", path.display()))?;
    if certificates.is_empty() {
        bail!("{flag} file {}: no PEM certificate in it", path.display());
    }
    Ok(certificates)
}

fn read(path: &Path, flag: &str) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        let hint = if e.kind() == std::io::ErrorKind::PermissionDenied {
            " (etcd's key files are root-only: run as root on the control-plane node)"
        } else {
            ""
        };
        anyhow::anyhow!("cannot read {flag} file {}: {e}{hint}", path.display())
    })
}

fn error_chain(error: &grpc::Error) -> String {
    match error {
        // etcd's own words ("etcdserver: authentication failed, …") are the detail.
        grpc::Error::Status { .. } => error.to_string(),
        other => match deepest_cause(other) {
            Some(root) if !other.to_string().contains(&root) => format!("{other} ({root})"),
            _ => other.to_string(),
        },
    }
}

/// The innermost cause (e.g. "Connection refused (os error 111)"), which is what a user acts on.
fn deepest_cause(error: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut source = error.source()?;
    while let Some(next) = source.source() {
        source = next;
    }
    Some(source.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_endpoint_only() {
        assert_eq!(Endpoint::single(&[]).unwrap(), DEFAULT_ENDPOINT);
        assert_eq!(
            Endpoint::single(&["https://10.0.0.1:2379".into()]).unwrap(),
            "https://10.0.0.1:2379"
        );
        let err = Endpoint::single(&["a:1,b:2".into()])
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(
                "snapshot must be requested to one selected node, not multiple [a:1 b:2]"
            ),
            "{err}"
        );
    }

    #[test]
    fn scheme_follows_tls_flags() {
        let mut e = Endpoint {
            url: "127.0.0.1:2379".into(),
            ..Default::default()
        };
        assert_eq!(e.normalized_url(), "http://127.0.0.1:2379");
        e.cacert = Some("ca.crt".into());
        assert_eq!(e.normalized_url(), "https://127.0.0.1:2379");
    }

    #[test]
    fn tls_misconfigurations_are_explained() {
        let e = Endpoint {
            url: "https://127.0.0.1:2379".into(),
            ..Default::default()
        };
        let err = e
            .tls_config("https://127.0.0.1:2379")
            .unwrap_err()
            .to_string();
        assert!(err.contains("pass --cacert"), "{err}");
        let e = Endpoint {
            url: "http://127.0.0.1:2379".into(),
            cacert: Some("/nonexistent/ca.crt".into()),
            ..Default::default()
        };
        assert!(e.tls_config("http://127.0.0.1:2379").is_err());
        let e = Endpoint {
            url: "https://127.0.0.1:2379".into(),
            cacert: Some("/nonexistent/ca.crt".into()),
            ..Default::default()
        };
        let err = e
            .tls_config("https://127.0.0.1:2379")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("cannot read --cacert file /nonexistent/ca.crt"),
            "{err}"
        );
        // A file that is not PEM (say, a key given as --cacert) is named, not trusted as nothing.
        let dir = tempfile::tempdir().unwrap();
        let not_pem = dir.path().join("ca.crt");
        std::fs::write(&not_pem, "not a certificate\n").unwrap();
        let e = Endpoint {
            url: "https://127.0.0.1:2379".into(),
            cacert: Some(not_pem),
            ..Default::default()
        };
        let err = e
            .tls_config("https://127.0.0.1:2379")
            .unwrap_err()
            .to_string();
        assert!(err.contains("no PEM certificate"), "{err}");
    }
}
