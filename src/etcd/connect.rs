//! Connecting to one etcd member the way etcdctl does: one endpoint, optional TLS client
//! certificate, optional user/password.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Result, bail};
use etcd_client::{Certificate, Client, ConnectOptions, Identity, TlsOptions};
use secrecy::{ExposeSecret, SecretString};

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

    fn tls_options(&self, url: &str) -> Result<Option<TlsOptions>> {
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
        let mut tls =
            TlsOptions::new().ca_certificate(Certificate::from_pem(read(ca, "--cacert")?));
        match (&self.cert, &self.key) {
            (Some(cert), Some(key)) => {
                tls = tls.identity(Identity::from_pem(
                    read(cert, "--cert")?,
                    read(key, "--key")?,
                ));
            }
            (None, None) => {}
            (Some(_), None) => bail!("--cert was given without --key"),
            (None, Some(_)) => bail!("--key was given without --cert"),
        }
        Ok(Some(tls))
    }

    /// Connects. Certificate files are read here, so a wrong path fails before any network I/O.
    pub async fn connect(&self) -> Result<Client> {
        let url = self.normalized_url();
        let mut options = ConnectOptions::new()
            .with_connect_timeout(self.dial_timeout.unwrap_or(Duration::from_secs(5)))
            .with_keep_alive(Duration::from_secs(30), Duration::from_secs(10));
        if let Some(tls) = self.tls_options(&url)? {
            options = options.with_tls(tls);
        }
        if let Some(user) = &self.user {
            let password = self
                .password
                .as_ref()
                .map(|p| p.expose_secret().to_string())
                .unwrap_or_default();
            options = options.with_user(user.clone(), password);
        }
        Client::connect([url.as_str()], Some(options))
            .await
            .map_err(|e| self.describe(&url, e))
    }

    /// One line that says what failed and what to check, instead of tonic's nested chain.
    pub fn describe(&self, url: &str, error: etcd_client::Error) -> anyhow::Error {
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

fn error_chain(error: &etcd_client::Error) -> String {
    match error {
        etcd_client::Error::GRpcStatus(status) => {
            let root = deepest_cause(status);
            let message = status.message();
            match root {
                Some(root) if !message.contains(&root) => format!("{message} ({root})"),
                _ if message.is_empty() => format!("{:?}", status.code()),
                _ => message.to_string(),
            }
        }
        other => match deepest_cause(other) {
            Some(root) => format!("{other} ({root})"),
            None => other.to_string(),
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
            .tls_options("https://127.0.0.1:2379")
            .unwrap_err()
            .to_string();
        assert!(err.contains("pass --cacert"), "{err}");
        let e = Endpoint {
            url: "http://127.0.0.1:2379".into(),
            cacert: Some("/nonexistent/ca.crt".into()),
            ..Default::default()
        };
        assert!(e.tls_options("http://127.0.0.1:2379").is_err());
        let e = Endpoint {
            url: "https://127.0.0.1:2379".into(),
            cacert: Some("/nonexistent/ca.crt".into()),
            ..Default::default()
        };
        let err = e
            .tls_options("https://127.0.0.1:2379")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("cannot read --cacert file /nonexistent/ca.crt"),
            "{err}"
        );
    }
}
