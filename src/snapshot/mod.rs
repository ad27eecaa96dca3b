//! Velero-compatible resource snapshots: the on-disk format (Velero's object-storage layout and
//! tarball, plus our integrity record), collection from a live cluster, and the commands that
//! create, list, describe, download and delete backups, client-side or through an installed
//! Velero server.

pub mod collect;
pub mod create;
pub mod delete;
pub mod describe;
pub mod destination;
pub mod discovery;
pub mod download;
pub mod filters;
pub mod integrity;
pub mod layout;
pub mod list;
pub mod related;
pub mod report;
pub mod selector;
pub mod tarball;
pub mod types;
pub mod velero_mode;

#[cfg(test)]
mod schema_check;

#[cfg(test)]
mod fixture_tests;
