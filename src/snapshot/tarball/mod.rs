//! The resource tarball `<B>.tar.gz`: a streaming writer and a validating, indexed reader.

pub mod pipe;
pub mod reader;
pub mod writer;

pub use reader::{Archive, ItemHandle, ItemRef, ResourceIndex, Verification};
pub use writer::{ArchivedItem, ResourceList, TarballWriter, WrittenTarball};

#[cfg(test)]
mod tests;
