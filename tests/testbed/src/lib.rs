//! Test bed for kubectl-backup (see the crate description).
//!
//! - [`apiserver`]: the fake Kubernetes API server ([`FakeApiServer`]).
//! - [`s3`]: an in-process S3 server (s3s-fs) and a moto launcher.
//! - [`etcd`]: a launcher for the real etcd binary.
//! - [`pty`]: a pseudo-terminal driver for interactive tests.

pub mod apiserver;
pub mod etcd;
pub mod pty;
pub mod s3;

pub use apiserver::FakeApiServer;
