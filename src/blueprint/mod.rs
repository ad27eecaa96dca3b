//! Kanister Blueprints: the CRD types, the function registry, validation that points at the
//! line of every mistake before anything runs, rendering, and storage in the cluster.

pub mod findings;
pub mod functions;
pub mod inputs;
pub mod render;
pub mod source;
pub mod store;
pub mod targets;
pub mod templates;
pub mod types;
pub mod validate;

pub use findings::{Finding, Findings, Severity};
pub use types::{Artifact, Blueprint, BlueprintAction, BlueprintPhase, ObjectReference};
pub use validate::{Validation, validate_blueprint, validate_yaml};

#[cfg(test)]
mod crd_tests;
