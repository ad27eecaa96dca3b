//! `etcd save --from-cluster`: find the etcd static pod (kubeadm's mirror pod in kube-system)
//! through the API and turn its flags into an [`Endpoint`] usable from the control-plane node
//! the plugin runs on: its loopback client URL and its certificate files, as node paths.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, ListParams};

use super::connect::Endpoint;
use super::kubeadm::EtcdPodConfig;
use crate::kube::{Cluster, describe_error};

pub const ETCD_NAMESPACE: &str = "kube-system";
/// kubeadm labels its etcd static pod `component=etcd, tier=control-plane`.
pub const ETCD_SELECTOR: &str = "component=etcd";

/// The etcd pod to save from and the endpoint derived from it.
#[derive(Debug, Clone)]
pub struct Discovered {
    pub pod: String,
    pub node: String,
    pub endpoint: Endpoint,
}

/// Lists kube-system's etcd pods and picks the one on `node` (default: this machine's host
/// name, or the only one).
pub async fn from_cluster(cluster: &Cluster, node: Option<&str>) -> Result<Discovered> {
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), ETCD_NAMESPACE);
    let mut found = pods
        .list(&ListParams::default().labels(ETCD_SELECTOR))
        .await
        .map_err(|e| anyhow!(describe_error(&cluster.server, &e)))?
        .items;
    if found.is_empty() {
        // Not kubeadm's labels: fall back to the conventional `etcd-<node>` names.
        found = pods
            .list(&ListParams::default())
            .await
            .map_err(|e| anyhow!(describe_error(&cluster.server, &e)))?
            .items
            .into_iter()
            .filter(|p| {
                p.metadata
                    .name
                    .as_deref()
                    .is_some_and(|n| n.starts_with("etcd-"))
            })
            .collect();
    }
    let here = hostname();
    let pod = choose(found, node, here.as_deref())?;
    endpoint_for(&pod)
}

fn node_of(pod: &Pod) -> &str {
    pod.spec
        .as_ref()
        .and_then(|s| s.node_name.as_deref())
        .unwrap_or("")
}

/// Picks the pod on `node`, else on this host, else the only one.
pub fn choose(pods: Vec<Pod>, node: Option<&str>, hostname: Option<&str>) -> Result<Pod> {
    if pods.is_empty() {
        bail!(
            "no etcd pod in {ETCD_NAMESPACE} (looked for label {ETCD_SELECTOR} and names etcd-*): \
             this cluster's etcd is not a kubeadm static pod (managed control planes do not expose \
             etcd); pass --endpoints and --cacert/--cert/--key instead"
        );
    }
    let nodes: Vec<String> = pods.iter().map(|p| node_of(p).to_string()).collect();
    let same = |a: &str, b: &str| a == b || a.split('.').next() == b.split('.').next();
    if let Some(node) = node {
        return pods
            .into_iter()
            .find(|p| same(node_of(p), node))
            .ok_or_else(|| {
                anyhow!(
                    "no etcd pod on node {node}; etcd runs on: {}",
                    nodes.join(", ")
                )
            });
    }
    if pods.len() == 1 {
        return Ok(pods.into_iter().next().expect("one pod"));
    }
    if let Some(host) = hostname
        && let Some(pod) = pods.iter().find(|p| same(node_of(p), host))
    {
        return Ok(pod.clone());
    }
    bail!(
        "etcd runs on several nodes ({}) and this machine ({}) is not one of them: pass \
         --node NAME and run this on that node (the snapshot is read through its loopback \
         address with its certificate files)",
        nodes.join(", "),
        hostname.unwrap_or("unknown host")
    )
}

/// The endpoint for a pod: its local client URL and TLS files mapped to node paths.
pub fn endpoint_for(pod: &Pod) -> Result<Discovered> {
    let config = EtcdPodConfig::from_pod(pod)?;
    let url = config
        .local_client_url()
        .ok_or_else(|| anyhow!("etcd pod {} has no client URL", config.pod_name))?
        .to_string();
    let on_node = |path: &Option<String>| {
        path.as_deref()
            .map(|p| host_path(pod, &config.container, p))
    };
    Ok(Discovered {
        pod: config.pod_name.clone(),
        node: node_of(pod).to_string(),
        endpoint: Endpoint {
            url,
            cacert: on_node(&config.trusted_ca_file),
            // The server certificate doubles as a client certificate in kubeadm (both usages).
            cert: on_node(&config.cert_file),
            key: on_node(&config.key_file),
            ..Default::default()
        },
    })
}

/// A path inside the etcd container as a path on the node, through its hostPath mounts
/// (kubeadm mounts `/etc/kubernetes/pki/etcd` at the same path, but others may not).
fn host_path(pod: &Pod, container: &str, path: &str) -> PathBuf {
    let spec = pod.spec.as_ref();
    let mounts = spec
        .and_then(|s| s.containers.iter().find(|c| c.name == container))
        .and_then(|c| c.volume_mounts.as_ref());
    let volumes = spec.and_then(|s| s.volumes.as_ref());
    let (Some(mounts), Some(volumes)) = (mounts, volumes) else {
        return PathBuf::from(path);
    };
    let best = mounts
        .iter()
        .filter_map(|m| Some((m, Path::new(path).strip_prefix(&m.mount_path).ok()?)))
        .max_by_key(|(m, _)| m.mount_path.len());
    let Some((mount, below)) = best else {
        return PathBuf::from(path);
    };
    volumes
        .iter()
        .find(|v| v.name == mount.name)
        .and_then(|v| v.host_path.as_ref())
        .map_or_else(|| PathBuf::from(path), |h| Path::new(&h.path).join(below))
}

fn hostname() -> Option<String> {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod(node: &str) -> Pod {
        serde_json::from_value(serde_json::json!({
            "metadata": {"name": format!("etcd-{node}"), "namespace": "kube-system",
                         "labels": {"component": "etcd", "tier": "control-plane"}},
            "spec": {
                "nodeName": node,
                "containers": [{
                    "name": "etcd",
                    "command": ["etcd", "--name=cp-1", "--data-dir=/var/lib/etcd",
                        "--listen-client-urls=https://127.0.0.1:2379,https://10.0.0.5:2379",
                        "--advertise-client-urls=https://10.0.0.5:2379",
                        "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
                        "--key-file=/etc/kubernetes/pki/etcd/server.key",
                        "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt"],
                    "volumeMounts": [
                        {"name": "etcd-data", "mountPath": "/var/lib/etcd"},
                        {"name": "etcd-certs", "mountPath": "/etc/kubernetes/pki/etcd"}]
                }],
                "volumes": [
                    {"name": "etcd-data", "hostPath": {"path": "/var/lib/etcd"}},
                    {"name": "etcd-certs", "hostPath": {"path": "/srv/pki/etcd"}}]
            }
        }))
        .unwrap()
    }

    #[test]
    fn endpoint_uses_loopback_and_node_paths() {
        let found = endpoint_for(&pod("cp-1")).unwrap();
        assert_eq!(found.endpoint.url, "https://127.0.0.1:2379");
        assert_eq!(
            found.endpoint.cacert.as_deref(),
            Some(Path::new("/srv/pki/etcd/ca.crt"))
        );
        assert_eq!(
            found.endpoint.cert.as_deref(),
            Some(Path::new("/srv/pki/etcd/server.crt"))
        );
        assert_eq!(
            found.endpoint.key.as_deref(),
            Some(Path::new("/srv/pki/etcd/server.key"))
        );
        assert_eq!(found.node, "cp-1");
    }

    #[test]
    fn picks_the_right_member() {
        let three = || vec![pod("cp-1"), pod("cp-2"), pod("cp-3")];
        assert_eq!(
            node_of(&choose(three(), Some("cp-2"), None).unwrap()),
            "cp-2"
        );
        assert_eq!(
            node_of(&choose(three(), None, Some("cp-3.example.internal")).unwrap()),
            "cp-3"
        );
        let err = choose(three(), None, Some("laptop"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("cp-1, cp-2, cp-3") && err.contains("--node"),
            "{err}"
        );
        let err = choose(three(), Some("cp-9"), None).unwrap_err().to_string();
        assert!(err.contains("no etcd pod on node cp-9"), "{err}");
        assert_eq!(
            node_of(&choose(vec![pod("solo")], None, Some("laptop")).unwrap()),
            "solo"
        );
        let err = choose(vec![], None, None).unwrap_err().to_string();
        assert!(err.contains("--endpoints"), "{err}");
    }
}
