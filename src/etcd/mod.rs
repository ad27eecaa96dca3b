//! etcd v3 snapshots: save, inspect, restore, and the kubeadm static pod around them.

pub mod kubeadm;
