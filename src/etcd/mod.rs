//! etcd v3 snapshots: saving them from a live member, reading them offline (status, inventory of
//! the Kubernetes objects inside) and the on-disk formats underneath (bbolt, the SHA-256 trailer),
//! restoring them into a new data dir, and the kubeadm static pod around them.

pub mod bbolt;
pub mod connect;
pub mod discover;
pub mod grpc;
pub mod inspect;
pub mod k8s_proto;
pub mod k8s_schema;
pub mod kubeadm;
pub mod protowire;
pub mod repoint;
pub mod restore;
pub mod revision;
pub mod save;
pub mod snapshot_file;
pub mod status;
