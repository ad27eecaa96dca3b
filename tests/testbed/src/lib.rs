//! Test bed for kubectl-backup (see the crate description).
pub mod etcd;
pub mod s3;
