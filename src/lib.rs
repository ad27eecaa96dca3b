//! kubectl-backup: the library behind the `kubectl backup` plugin.
//!
//! One module per domain; `cli` is the thin layer on top and `kube` holds every piece of
//! Kubernetes plumbing (configuration from kubectl's flags, clients, discovery, errors).

pub mod actionset;
pub mod blueprint;
pub mod cli;
pub mod doctor;
pub mod duration;
pub mod etcd;
pub mod interrupt;
pub mod kube;
pub mod logging;
pub mod mode;
pub mod output;
pub mod profile;
pub mod proxy;
pub mod schedule;
pub mod snapshot;
pub mod storage;
pub mod template;
