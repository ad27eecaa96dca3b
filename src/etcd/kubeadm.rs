//! The etcd static pod that kubeadm writes to `/etc/kubernetes/manifests/etcd.yaml`: which member
//! it runs (name, peer URLs, cluster, token), where its data lives (container path and the
//! `etcd-data` hostPath) and how to reach it (client URLs, TLS files).
//!
//! etcd reads its flags Go-style (`--flag=value`, `--flag value`, one or two dashes) and falls back
//! to `ETCD_<FLAG>` environment variables; both are honoured so that the values restore uses are the
//! ones the member will really start with.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use k8s_openapi::api::core::v1::{Container, Pod};
use serde::Serialize;

/// Where kubeadm puts the etcd static pod.
pub const DEFAULT_MANIFEST: &str = "/etc/kubernetes/manifests/etcd.yaml";
/// The token etcd uses when `--initial-cluster-token` is absent (kubeadm never sets it).
pub const DEFAULT_INITIAL_CLUSTER_TOKEN: &str = "etcd-cluster";
/// The hostPath volume kubeadm mounts at the data dir.
pub const DATA_VOLUME_NAME: &str = "etcd-data";
/// Annotation kubeadm sets with the member's advertised client URL.
pub const ADVERTISE_CLIENT_URLS_ANNOTATION: &str =
    "kubeadm.kubernetes.io/etcd.advertise-client-urls";

/// Everything restore, save and repoint need from an etcd static pod.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EtcdPodConfig {
    /// `metadata.name` of the pod (`etcd` in a manifest, `etcd-<node>` when read from the API).
    pub pod_name: String,
    /// The container that runs etcd.
    pub container: String,
    /// `--name` (etcd's default: `default`).
    pub name: String,
    /// `--data-dir` as seen inside the container (etcd's default: `<name>.etcd`).
    pub data_dir: String,
    /// `--initial-advertise-peer-urls`, split on commas.
    pub initial_advertise_peer_urls: Vec<String>,
    /// `--initial-cluster` verbatim (`name=url,name=url`).
    pub initial_cluster: String,
    /// `--initial-cluster-token`, `etcd-cluster` when absent.
    pub initial_cluster_token: String,
    /// `--initial-cluster-state`: `new`, or `existing` on members kubeadm joined later (their
    /// `--initial-cluster` lists only the members that existed at join time).
    pub initial_cluster_state: String,
    /// `--listen-client-urls`, split on commas.
    pub listen_client_urls: Vec<String>,
    /// `--advertise-client-urls` (or kubeadm's annotation), split on commas.
    pub advertise_client_urls: Vec<String>,
    /// `--cert-file`, `--key-file`, `--trusted-ca-file` (container paths; kubeadm mounts them at the same host path).
    pub cert_file: Option<String>,
    pub key_file: Option<String>,
    pub trusted_ca_file: Option<String>,
    /// The hostPath volume mounted at (or above) the data dir, if any.
    pub data_volume: Option<DataVolume>,
}

/// A hostPath volume holding the data dir.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataVolume {
    /// Volume name (`etcd-data` for kubeadm).
    pub name: String,
    /// `volumeMounts[].mountPath` in the etcd container.
    pub mount_path: String,
    /// `volumes[].hostPath.path` on the node.
    pub host_path: String,
}

impl EtcdPodConfig {
    /// Reads a static pod manifest (YAML or JSON) from disk.
    pub fn from_manifest_file(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read etcd manifest {}", path.display()))?;
        Self::from_manifest_str(&text).with_context(|| format!("etcd manifest {}", path.display()))
    }

    /// Parses a static pod manifest's text.
    pub fn from_manifest_str(text: &str) -> Result<Self> {
        let pod: Pod =
            serde_saphyr::from_str(text).map_err(|e| anyhow!("not a valid Pod manifest: {e}"))?;
        Self::from_pod(&pod)
    }

    /// Extracts the configuration from a Pod object (a manifest or the mirror pod from the API).
    pub fn from_pod(pod: &Pod) -> Result<Self> {
        let pod_name = pod.metadata.name.clone().unwrap_or_default();
        let spec = pod
            .spec
            .as_ref()
            .ok_or_else(|| anyhow!("pod {pod_name:?} has no spec"))?;
        let container = find_etcd_container(&spec.containers).ok_or_else(|| {
            anyhow!(
                "pod {pod_name:?} has no container running etcd (looked for a container named \
                 `etcd` or whose command is `etcd`)"
            )
        })?;
        let flags = Flags::of(container);

        let name = flags.get("name").unwrap_or("default").to_string();
        let data_dir = flags
            .get("data-dir")
            .map(str::to_string)
            .unwrap_or_else(|| format!("{name}.etcd"));
        let advertise_client_urls = flags
            .get("advertise-client-urls")
            .or_else(|| {
                pod.metadata
                    .annotations
                    .as_ref()
                    .and_then(|a| a.get(ADVERTISE_CLIENT_URLS_ANNOTATION))
                    .map(String::as_str)
            })
            .map(split_list)
            .unwrap_or_default();
        let initial_advertise_peer_urls = split_list(
            flags
                .get("initial-advertise-peer-urls")
                .unwrap_or("http://localhost:2380"),
        );
        let initial_cluster = flags
            .get("initial-cluster")
            .map(str::to_string)
            .unwrap_or_else(|| format!("{name}={}", initial_advertise_peer_urls.join(",")));
        let data_volume = find_data_volume(pod, container, &data_dir);

        Ok(Self {
            pod_name,
            container: container.name.clone(),
            initial_cluster_token: flags
                .get("initial-cluster-token")
                .unwrap_or(DEFAULT_INITIAL_CLUSTER_TOKEN)
                .to_string(),
            initial_cluster_state: flags
                .get("initial-cluster-state")
                .unwrap_or("new")
                .to_string(),
            listen_client_urls: split_list(
                flags
                    .get("listen-client-urls")
                    .unwrap_or("http://localhost:2379"),
            ),
            cert_file: flags.get("cert-file").map(str::to_string),
            key_file: flags.get("key-file").map(str::to_string),
            trusted_ca_file: flags.get("trusted-ca-file").map(str::to_string),
            name,
            data_dir,
            initial_advertise_peer_urls,
            initial_cluster,
            advertise_client_urls,
            data_volume,
        })
    }

    /// The data dir as a path on the node: the hostPath plus whatever lies below the mount point.
    /// `None` when no hostPath volume holds the data dir (then it lives in the container).
    pub fn host_data_dir(&self) -> Option<PathBuf> {
        let volume = self.data_volume.as_ref()?;
        let below = Path::new(&self.data_dir)
            .strip_prefix(&volume.mount_path)
            .ok()?;
        let mut path = PathBuf::from(&volume.host_path);
        if !below.as_os_str().is_empty() {
            path.push(below);
        }
        Some(path)
    }

    /// The client URL to reach this member from its own node: a loopback listen URL when there is
    /// one (kubeadm listens on `https://127.0.0.1:2379`), else the first advertised or listen URL.
    pub fn local_client_url(&self) -> Option<&str> {
        let loopback = |u: &&String| {
            url::Url::parse(u).ok().is_some_and(|url| {
                matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
            })
        };
        self.listen_client_urls
            .iter()
            .find(loopback)
            .or_else(|| self.advertise_client_urls.first())
            .or_else(|| self.listen_client_urls.first())
            .map(String::as_str)
    }
}

fn split_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn find_etcd_container(containers: &[Container]) -> Option<&Container> {
    let runs_etcd = |c: &&Container| {
        c.command
            .as_ref()
            .and_then(|cmd| cmd.first())
            .is_some_and(|program| Path::new(program).file_name() == Some("etcd".as_ref()))
    };
    containers
        .iter()
        .find(|c| c.name == "etcd")
        .or_else(|| containers.iter().find(runs_etcd))
}

/// etcd's flags as the container passes them: command (minus the program) then args, with
/// `ETCD_*` environment variables as the fallback etcd itself applies.
struct Flags<'a> {
    args: Vec<&'a str>,
    env: Vec<(&'a str, &'a str)>,
}

impl<'a> Flags<'a> {
    fn of(container: &'a Container) -> Self {
        let command = container.command.iter().flatten().skip(1);
        let args = command
            .chain(container.args.iter().flatten())
            .map(String::as_str)
            .collect();
        let env = container
            .env
            .iter()
            .flatten()
            .filter_map(|v| Some((v.name.as_str(), v.value.as_deref()?)))
            .collect();
        Self { args, env }
    }

    /// The last value given for `flag` (Go's flag package keeps the last one).
    fn get(&self, flag: &str) -> Option<&'a str> {
        let mut found = None;
        let mut args = self.args.iter();
        while let Some(arg) = args.next() {
            let Some(rest) = arg.strip_prefix("--").or_else(|| arg.strip_prefix('-')) else {
                continue;
            };
            match rest.split_once('=') {
                Some((name, value)) if name == flag => found = Some(value),
                None if rest == flag => found = args.next().copied().or(found),
                _ => {}
            }
        }
        found.or_else(|| {
            let env_name = format!("ETCD_{}", flag.replace('-', "_").to_uppercase());
            self.env
                .iter()
                .rev()
                .find(|(name, _)| *name == env_name)
                .map(|(_, value)| *value)
        })
    }
}

/// The hostPath volume whose mount in the etcd container is the data dir or its closest ancestor.
fn find_data_volume(pod: &Pod, container: &Container, data_dir: &str) -> Option<DataVolume> {
    let volumes = pod.spec.as_ref()?.volumes.as_ref()?;
    let data_dir = normalize(Path::new(data_dir));
    container
        .volume_mounts
        .iter()
        .flatten()
        .filter(|m| data_dir.starts_with(normalize(Path::new(&m.mount_path))))
        .filter_map(|m| {
            let volume = volumes.iter().find(|v| v.name == m.name)?;
            let host_path = volume.host_path.as_ref()?;
            Some(DataVolume {
                name: volume.name.clone(),
                mount_path: m.mount_path.clone(),
                host_path: host_path.path.clone(),
            })
        })
        .max_by_key(|v| normalize(Path::new(&v.mount_path)).components().count())
}

fn normalize(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KUBEADM: &str = include_str!("../../tests/data/etcd/etcd.yaml");

    #[test]
    fn reads_a_kubeadm_manifest() {
        let config = EtcdPodConfig::from_manifest_str(KUBEADM).unwrap();
        assert_eq!(config.pod_name, "etcd");
        assert_eq!(config.container, "etcd");
        assert_eq!(config.name, "cp-1");
        assert_eq!(config.data_dir, "/var/lib/etcd");
        assert_eq!(
            config.initial_advertise_peer_urls,
            ["https://10.0.0.11:2380"]
        );
        assert_eq!(config.initial_cluster, "cp-1=https://10.0.0.11:2380");
        assert_eq!(config.initial_cluster_token, "etcd-cluster");
        assert_eq!(config.initial_cluster_state, "new");
        assert_eq!(
            config.listen_client_urls,
            ["https://127.0.0.1:2379", "https://10.0.0.11:2379"]
        );
        assert_eq!(config.advertise_client_urls, ["https://10.0.0.11:2379"]);
        assert_eq!(
            config.cert_file.as_deref(),
            Some("/etc/kubernetes/pki/etcd/server.crt")
        );
        assert_eq!(
            config.key_file.as_deref(),
            Some("/etc/kubernetes/pki/etcd/server.key")
        );
        assert_eq!(
            config.trusted_ca_file.as_deref(),
            Some("/etc/kubernetes/pki/etcd/ca.crt")
        );
        assert_eq!(
            config.data_volume,
            Some(DataVolume {
                name: "etcd-data".into(),
                mount_path: "/var/lib/etcd".into(),
                host_path: "/var/lib/etcd".into(),
            })
        );
        assert_eq!(config.host_data_dir(), Some(PathBuf::from("/var/lib/etcd")));
        assert_eq!(config.local_client_url(), Some("https://127.0.0.1:2379"));
    }

    #[test]
    fn separate_values_env_fallback_and_nested_data_dir() {
        let manifest = r#"
apiVersion: v1
kind: Pod
metadata: {name: etcd-node}
spec:
  containers:
  - name: main
    image: etcd
    command: ["/usr/local/bin/etcd"]
    args: ["-name", "n1", "--data-dir", "/data/member-data", "--initial-cluster-token=tok",
           "--name=n2"]
    env:
    - {name: ETCD_INITIAL_ADVERTISE_PEER_URLS, value: "https://a:2380,https://b:2380"}
    volumeMounts:
    - {name: root, mountPath: /}
    - {name: data, mountPath: /data}
  volumes:
  - {name: root, hostPath: {path: /host}}
  - {name: data, hostPath: {path: /mnt/etcd}}
"#;
        let config = EtcdPodConfig::from_manifest_str(manifest).unwrap();
        assert_eq!(config.container, "main");
        assert_eq!(config.name, "n2");
        assert_eq!(config.data_dir, "/data/member-data");
        assert_eq!(config.initial_cluster_token, "tok");
        assert_eq!(
            config.initial_advertise_peer_urls,
            ["https://a:2380", "https://b:2380"]
        );
        assert_eq!(config.initial_cluster, "n2=https://a:2380,https://b:2380");
        assert_eq!(config.data_volume.as_ref().unwrap().name, "data");
        assert_eq!(
            config.host_data_dir(),
            Some(PathBuf::from("/mnt/etcd/member-data"))
        );
    }

    #[test]
    fn defaults_match_etcd() {
        let manifest = "kind: Pod\nspec:\n  containers:\n  - name: etcd\n    command: [etcd]\n";
        let config = EtcdPodConfig::from_manifest_str(manifest).unwrap();
        assert_eq!(config.name, "default");
        assert_eq!(config.data_dir, "default.etcd");
        assert_eq!(config.initial_cluster, "default=http://localhost:2380");
        assert_eq!(config.data_volume, None);
        assert_eq!(config.host_data_dir(), None);
    }

    #[test]
    fn refuses_a_pod_without_etcd() {
        let manifest = "kind: Pod\nspec:\n  containers:\n  - name: web\n    command: [nginx]\n";
        let error = EtcdPodConfig::from_manifest_str(manifest).unwrap_err();
        assert!(
            error.to_string().contains("no container running etcd"),
            "{error}"
        );
        assert!(EtcdPodConfig::from_manifest_str("- [").is_err());
    }
}
