//! Kanister ActionSets: the CRD types, where they are recorded, the client-side executor, and
//! the in-pod `kando` stand-in.

pub mod events;
pub mod executor;
pub mod kando;
pub mod marker;
pub mod naming;
pub mod record;
pub mod types;
pub mod validate;
