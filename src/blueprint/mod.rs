//! Kanister Blueprints: the CRD types, the function registry, validation that points at the
//! line of every mistake before anything runs, rendering, and storage in the cluster.

pub mod functions;
pub mod source;
pub mod types;
