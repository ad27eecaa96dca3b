//! Profiles: where backups go and the credentials that reach it. Kanister Profiles when the CRD
//! is installed, the same content in labelled Secrets otherwise; Velero BackupStorageLocations and
//! a local default directory are accepted wherever a profile is. [`resolve`] is the one entry
//! point every capability uses.

pub mod bsl;
pub mod create;
pub mod credentials;
pub mod destination;
pub mod store;
pub mod template_value;
pub mod transfer;
pub mod types;
pub mod validate;

pub use destination::{
    Destination, DestinationRequest, DestinationSource, default_root, local_default, resolve,
};
pub use store::{ProfileStore, Storage, StoredProfile};
pub use template_value::{TemplateCredential, TemplateProfile};
