//! Test bed for kubectl-backup (see the crate description).
pub mod s3;
pub mod etcd;
