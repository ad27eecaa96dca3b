//! Test bed for kubectl-backup (see the crate description).
//!
//! - [`apiserver`]: the fake Kubernetes API server ([`FakeApiServer`]).

pub mod apiserver;

pub use apiserver::FakeApiServer;
