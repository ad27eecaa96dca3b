//! Integration tests of the storage module against real servers on loopback: s3s-fs in-process
//! (SigV4 auth, fault injection), moto (`moto_server`, skipped loudly when absent), Azurite
//! (`azurite-blob`, skipped loudly when absent) and the local directory backend.

#[path = "storage/support.rs"]
mod support;

#[path = "storage/s3s.rs"]
mod s3s;

#[path = "storage/faults.rs"]
mod faults;

#[path = "storage/moto.rs"]
mod moto;

#[path = "storage/local.rs"]
mod local;

#[path = "storage/azurite.rs"]
mod azurite;

#[path = "storage/azure.rs"]
mod azure;

#[path = "storage/tls.rs"]
mod tls;
