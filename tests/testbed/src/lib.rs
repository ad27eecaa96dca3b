//! Test bed for kubectl-backup (see the crate description).
//!
//! - [`apiserver`]: the fake Kubernetes API server ([`FakeApiServer`]).

pub mod apiserver;
pub mod s3;

pub use apiserver::FakeApiServer;
