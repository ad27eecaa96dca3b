//! Helpers the integration-test binaries share: each binary includes this module with
//! `mod common;` and uses what it needs, so a helper is written once and behaves the same in
//! every test.

// A binary that includes `common` uses only part of it; the rest would warn as dead code.
#![allow(dead_code)]

pub mod cli;
pub mod etcd;
pub mod files;
pub mod kanister;
pub mod kube;
pub mod net;
pub mod velero;

/// The plugin under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_kubectl-backup");
