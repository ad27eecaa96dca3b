use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result, anyhow};
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
/// merged), else `~/.kube/config`, else the in-cluster service account; then the flag overrides.
pub async fn connect(options: &ClusterOptions) -> Result<Cluster> {
    let mut config = load_config(options).await?;
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
    if let Some(namespace) = &options.namespace {
        config.default_namespace = namespace.clone();
    }
    if let Some(user) = &options.impersonate {
        config.auth_info.impersonate = Some(user.clone());
    }
    if !options.impersonate_groups.is_empty() {
        config.auth_info.impersonate_groups = Some(options.impersonate_groups.clone());
    }
    if options.insecure_skip_tls_verify {
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
    let server = config
        .cluster_url
        .to_string()
        .trim_end_matches('/')
        .to_string();
    let namespace = config.default_namespace.clone();
    tracing::info!(server = %server, namespace = %namespace, "connecting to the Kubernetes API");
    let client = kube::client::ClientBuilder::try_from(config)
        .map_err(|e| anyhow!("cannot set up a client for {server}: {e}"))?
        // Retry needs a cloneable service; the buffer makes the boxed stack one.
        .with_layer(&tower::buffer::BufferLayer::new(1024))
        .with_layer(&tower::retry::RetryLayer::new(
            super::read_retry::RetryReads::default(),
        ))
        .build();
    Ok(Cluster {
        client,
        namespace,
        server,
        context: options.context.clone(),
    })
}

async fn load_config(options: &ClusterOptions) -> Result<Config> {
    let kube_options = KubeConfigOptions {
        context: options.context.clone(),
        cluster: options.cluster.clone(),
        user: options.user.clone(),
    };
    if let Some(path) = &options.kubeconfig {
        let kubeconfig = Kubeconfig::read_from(path)
            .map_err(|e| anyhow!("cannot read kubeconfig {}: {e}", path.display()))?;
        return Config::from_custom_kubeconfig(kubeconfig, &kube_options)
            .await
            .map_err(|e| anyhow!("kubeconfig {}: {e}", path.display()));
    }
    match Kubeconfig::read() {
        Ok(kubeconfig) => Config::from_custom_kubeconfig(kubeconfig, &kube_options)
            .await
            .map_err(|e| anyhow!("kubeconfig: {e}")),
        Err(kubeconfig_error) => {
            let no_kubeconfig_flags =
                options.context.is_none() && options.cluster.is_none() && options.user.is_none();
            if no_kubeconfig_flags && let Ok(config) = Config::incluster() {
                return Ok(config);
            }
            if let Some(server) = &options.server {
                // `--server` alone is enough, as with kubectl.
                let uri = server
                    .parse()
                    .with_context(|| format!("--server {server:?} is not a valid URL"))?;
                return Ok(Config::new(uri));
            }
            Err(anyhow!(
                "no usable kubeconfig ({kubeconfig_error}); set KUBECONFIG, pass --kubeconfig, or run inside a cluster"
            ))
        }
    }
}
