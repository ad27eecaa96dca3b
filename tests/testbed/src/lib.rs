//! Test bed for kubectl-backup (see the crate description).
//!
//! - [`apiserver`]: the fake Kubernetes API server ([`FakeApiServer`]).
//! - [`s3`]: an in-process S3 server (s3s-fs) and a moto launcher.
//! - [`etcd`]: a launcher for the real etcd binary.
//! - [`fault_proxy`]: a fault-injecting HTTP(S) proxy in front of the fake or a real API server.
//! - [`kanister_controller`]: a scripted stand-in for the Kanister controller.
//! - [`pty`]: a pseudo-terminal driver for interactive tests.
//! - [`real`]: a real Kubernetes (control plane, or a whole node) for the real-cluster tier.
//! - [`cluster`]: [`TestCluster`], one handle over either backend, and `on_both_backends!`.
//! - [`skip`]: visible skips for tests whose tools are missing.

pub mod apiserver;
pub mod cluster;
pub mod etcd;
pub mod fault_proxy;
pub mod kanister_controller;
pub mod pty;
pub mod real;
pub mod s3;
pub mod skip;

pub use apiserver::FakeApiServer;
pub use cluster::{Backend, TestCluster};
