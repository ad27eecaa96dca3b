use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::{Client, Config};

/// Everything on the command line that shapes how we reach the cluster.
#[derive(Debug, Clone, Default)]
pub struct ClusterOptions {
    pub kubeconfig: Option<PathBuf>,
    pub context: Option<String>,
    pub cluster: Option<String>,
    pub user: Option<String>,
    pub namespace: Option<String>,
    pub impersonate: Option<String>,
    pub impersonate_groups: Vec<String>,
    pub server: Option<String>,
    pub token: Option<secrecy::SecretString>,
    pub insecure_skip_tls_verify: bool,
    pub request_timeout: Option<Duration>,
    /// `--as-uid`: the UID to impersonate.
    pub impersonate_uid: Option<String>,
    /// `--certificate-authority`: a PEM file of CA certificates that replaces the kubeconfig's.
    pub certificate_authority: Option<PathBuf>,
    /// `--client-certificate` and `--client-key`: PEM files that replace the kubeconfig's.
    pub client_certificate: Option<PathBuf>,
    pub client_key: Option<PathBuf>,
    /// `--tls-server-name`: the name the server certificate is checked against.
    pub tls_server_name: Option<String>,
    /// `--disable-compression`: ask for uncompressed responses.
    pub disable_compression: bool,
}

/// A connected cluster: the client, the namespace commands default to, and the server URL we
/// name in every error.
#[derive(Clone)]
pub struct Cluster {
    pub client: Client,
    pub namespace: String,
    pub server: String,
    pub context: Option<String>,
}

impl std::fmt::Debug for Cluster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cluster")
            .field("server", &self.server)
            .field("namespace", &self.namespace)
            .field("context", &self.context)
            .finish()
    }
}

/// Builds the client the way kubectl would: `--kubeconfig`, else `KUBECONFIG` (several paths,
/// merged; missing ones skipped), else `~/.kube/config`, else the in-cluster service account; then
/// the flag overrides, then the proxy kubectl would use for this server.
pub async fn connect(options: &ClusterOptions) -> Result<Cluster> {
    let (mut config, kubeconfig_proxy) = load_config(options).await?;
    apply_overrides(&mut config, options)?;
    config.proxy_url = proxy_for_server(&config.cluster_url, kubeconfig_proxy.as_deref())?;
    let server = config
        .cluster_url
        .to_string()
        .trim_end_matches('/')
        .to_string();
    let namespace = config.default_namespace.clone();
    tracing::info!(server = %server, namespace = %namespace, "connecting to the Kubernetes API");
    if let Some(proxy) = &config.proxy_url {
        tracing::info!(proxy = %redacted_proxy(proxy), "through a proxy");
    }
    // One retry layer, ours (read_retry.rs): kube's would wait under it, unbounded and silent.
    config.default_retry = false;
    let client = kube::client::ClientBuilder::try_from(config)
        .map_err(|e| anyhow!("cannot set up a client for {server}: {e}"))?
        // Retry needs a cloneable service; the buffer makes the boxed stack one.
        .with_layer(&tower::buffer::BufferLayer::new(1024))
        .with_layer(&super::read_retry::ApiRetryLayer::new(
            super::read_retry::RetrySettings::for_cli(options.request_timeout),
        ))
        .build();
    Ok(Cluster {
        client,
        namespace,
        server,
        context: options.context.clone(),
    })
}

/// The command-line flags win over the kubeconfig, as kubectl's overrides do.
fn apply_overrides(config: &mut Config, options: &ClusterOptions) -> Result<()> {
    if let Some(server) = &options.server {
        config.cluster_url = server
            .parse()
            .with_context(|| format!("--server {server:?} is not a valid URL"))?;
    }
    if let Some(token) = &options.token {
        config.auth_info.token = Some(token.clone());
        config.auth_info.token_file = None;
        config.auth_info.client_certificate = None;
        config.auth_info.client_certificate_data = None;
        config.auth_info.client_key = None;
        config.auth_info.client_key_data = None;
        config.auth_info.exec = None;
        config.auth_info.username = None;
        config.auth_info.password = None;
    }
    if let Some(path) = &options.client_certificate {
        readable(path, "--client-certificate")?;
        config.auth_info.client_certificate = Some(path.display().to_string());
        config.auth_info.client_certificate_data = None;
    }
    if let Some(path) = &options.client_key {
        readable(path, "--client-key")?;
        config.auth_info.client_key = Some(path.display().to_string());
        config.auth_info.client_key_data = None;
    }
    if let Some(path) = &options.certificate_authority {
        config.root_cert = Some(read_ca_bundle(path)?);
        config.root_cert_file = None;
    }
    if let Some(name) = &options.tls_server_name {
        config.tls_server_name = Some(name.clone());
    }
    if options.disable_compression {
        config.disable_compression = true;
    }
    if let Some(namespace) = &options.namespace {
        config.default_namespace = namespace.clone();
    }
    if let Some(user) = &options.impersonate {
        config.auth_info.impersonate = Some(user.clone());
    }
    if let Some(uid) = &options.impersonate_uid {
        config.auth_info.impersonate_uid = Some(uid.clone());
    }
    if !options.impersonate_groups.is_empty() {
        config.auth_info.impersonate_groups = Some(options.impersonate_groups.clone());
    }
    if options.insecure_skip_tls_verify {
        if options.certificate_authority.is_some() {
            // kubectl refuses the same pair, for the same reason: one of them is a mistake.
            bail!(
                "--certificate-authority and --insecure-skip-tls-verify cannot be used together: \
                 a CA is only useful when the certificate is checked"
            );
        }
        config.accept_invalid_certs = true;
        config.root_cert = None;
    }
    if let Some(timeout) = options.request_timeout {
        // kubectl: 0 means no limit.
        let limit = (!timeout.is_zero()).then_some(timeout);
        config.read_timeout = limit;
        config.write_timeout = limit;
        config.connect_timeout = limit.or(config.connect_timeout);
    }
    Ok(())
}

fn readable(path: &Path, flag: &str) -> Result<()> {
    std::fs::metadata(path)
        .map(|_| ())
        .map_err(|e| anyhow!("{flag} {}: {e}", path.display()))
}

/// The DER certificates of a PEM bundle; an empty bundle is a mistake, not "trust nothing".
fn read_ca_bundle(path: &Path) -> Result<Vec<Vec<u8>>> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let certificates = CertificateDer::pem_file_iter(path)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| anyhow!("--certificate-authority {}: {e}", path.display()))?;
    if certificates.is_empty() {
        bail!(
            "--certificate-authority {}: no PEM certificate in the file",
            path.display()
        );
    }
    Ok(certificates.into_iter().map(|c| c.to_vec()).collect())
}

/// kubectl's choice: the cluster's `proxy-url` if the kubeconfig has one, else the environment's
/// proxy for this server (`HTTPS_PROXY`/`HTTP_PROXY`, minus `NO_PROXY` and loopback).
fn proxy_for_server(
    server: &http::Uri,
    kubeconfig_proxy: Option<&str>,
) -> Result<Option<http::Uri>> {
    let proxy = match kubeconfig_proxy {
        Some(text) => Some(
            crate::proxy::parse_proxy_url(text)
                .map_err(|rule| anyhow!("kubeconfig proxy-url {text:?}: {rule}"))?,
        ),
        None => {
            let server_url = url::Url::parse(&server.to_string())
                .with_context(|| format!("server {server} is not a valid URL"))?;
            crate::proxy::ProxyEnvironment::from_env()
                .proxy_for(&server_url)
                .map_err(|e| anyhow!(e))?
        }
    };
    let Some(mut proxy) = proxy else {
        return Ok(None);
    };
    // The SOCKS connector resolves names on the proxy either way, which is what socks5h asks.
    if proxy.scheme() == "socks5h" {
        let rest = proxy.as_str()["socks5h".len()..].to_string();
        proxy = url::Url::parse(&format!("socks5{rest}"))?;
    }
    let text = proxy.as_str().trim_end_matches('/').to_string();
    text.parse()
        .map(Some)
        .map_err(|e| anyhow!("proxy {}: {e}", redacted_proxy_text(&proxy)))
}

fn redacted_proxy(proxy: &http::Uri) -> String {
    match url::Url::parse(&proxy.to_string()) {
        Ok(url) => redacted_proxy_text(&url),
        Err(_) => "(unparsable)".into(),
    }
}

/// A proxy URL may carry a password; logs and errors show the user name only.
fn redacted_proxy_text(proxy: &url::Url) -> String {
    let mut shown = proxy.clone();
    if shown.password().is_some() {
        let _ = shown.set_password(Some("xxxxx"));
    }
    shown.to_string()
}

/// The kubeconfig kubectl would read without `--kubeconfig`: every existing file named in
/// `KUBECONFIG`, merged (missing ones are skipped, as kubectl skips them), else
/// `~/.kube/config`. `None` when there is none.
pub fn read_default_kubeconfig() -> Result<Option<Kubeconfig>> {
    let Some(list) = std::env::var_os("KUBECONFIG").filter(|v| !v.is_empty()) else {
        return match Kubeconfig::read() {
            Ok(kubeconfig) => Ok(Some(kubeconfig)),
            Err(_) if !home_kubeconfig_exists() => Ok(None),
            Err(e) => Err(anyhow!("kubeconfig: {e}")),
        };
    };
    let mut merged: Option<Kubeconfig> = None;
    for path in std::env::split_paths(&list) {
        if path.as_os_str().is_empty() || !path.exists() {
            tracing::debug!(path = %path.display(), "KUBECONFIG entry does not exist; skipped");
            continue;
        }
        let next = Kubeconfig::read_from(&path)
            .map_err(|e| anyhow!("cannot read kubeconfig {}: {e}", path.display()))?;
        merged = Some(match merged {
            None => next,
            Some(earlier) => earlier
                .merge(next)
                .map_err(|e| anyhow!("cannot merge kubeconfig {}: {e}", path.display()))?,
        });
    }
    Ok(merged)
}

fn home_kubeconfig_exists() -> bool {
    std::env::home_dir().is_some_and(|home| home.join(".kube").join("config").exists())
}

/// The `proxy-url` of the cluster these options select, if any.
fn selected_proxy_url(kubeconfig: &Kubeconfig, options: &ClusterOptions) -> Option<String> {
    let context_name = options
        .context
        .clone()
        .or_else(|| kubeconfig.current_context.clone())?;
    let cluster_name = options.cluster.clone().or_else(|| {
        kubeconfig
            .contexts
            .iter()
            .find(|c| c.name == context_name)
            .and_then(|c| c.context.as_ref())
            .map(|c| c.cluster.clone())
    })?;
    kubeconfig
        .clusters
        .iter()
        .find(|c| c.name == cluster_name)
        .and_then(|c| c.cluster.as_ref())
        .and_then(|c| c.proxy_url.clone())
        .filter(|p| !p.is_empty())
}

async fn load_config(options: &ClusterOptions) -> Result<(Config, Option<String>)> {
    let kube_options = KubeConfigOptions {
        context: options.context.clone(),
        cluster: options.cluster.clone(),
        user: options.user.clone(),
    };
    if let Some(path) = &options.kubeconfig {
        let kubeconfig = Kubeconfig::read_from(path)
            .map_err(|e| anyhow!("cannot read kubeconfig {}: {e}", path.display()))?;
        let proxy = selected_proxy_url(&kubeconfig, options);
        let config = Config::from_custom_kubeconfig(kubeconfig, &kube_options)
            .await
            .map_err(|e| anyhow!("kubeconfig {}: {e}", path.display()))?;
        return Ok((config, proxy));
    }
    if let Some(kubeconfig) = read_default_kubeconfig()? {
        let proxy = selected_proxy_url(&kubeconfig, options);
        let config = Config::from_custom_kubeconfig(kubeconfig, &kube_options)
            .await
            .map_err(|e| anyhow!("kubeconfig: {e}"))?;
        return Ok((config, proxy));
    }
    let no_kubeconfig_flags =
        options.context.is_none() && options.cluster.is_none() && options.user.is_none();
    if no_kubeconfig_flags && let Ok(config) = Config::incluster() {
        return Ok((config, None));
    }
    if let Some(server) = &options.server {
        // `--server` alone is enough, as with kubectl.
        let uri = server
            .parse()
            .with_context(|| format!("--server {server:?} is not a valid URL"))?;
        return Ok((Config::new(uri), None));
    }
    Err(anyhow!(
        "no kubeconfig found (KUBECONFIG names no existing file and ~/.kube/config does not exist); \
         set KUBECONFIG, pass --kubeconfig, or run inside a cluster"
    ))
}
