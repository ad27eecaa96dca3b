//! Kubernetes plumbing, in one place: a client built from kubectl's flags, dynamic access to any
//! resource through discovery, and errors phrased for people (which server, which object, what
//! to do next).

mod connect;
mod crd_store;
mod discovery;
mod errors;
mod names;
mod read_retry;
pub mod wait;

pub use connect::{Cluster, ClusterOptions, connect};
pub use crd_store::{CrdOrFallback, Place};
#[cfg(test)]
pub(crate) use discovery::tests as discovery_tests;
pub use discovery::{ApiCatalog, GroupFailure, ResolvedResource};
pub use errors::{api_status, describe_error, is_conflict, is_not_found};
pub use names::is_dns_subdomain;
pub use wait::{Check, Wait};
