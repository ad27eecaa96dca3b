//! Where Profiles live: as Kanister `profiles.cr.kanister.io` resources when the CRD is served,
//! otherwise as labelled Secrets holding the same object, so profiles work on clusters without
//! Kanister.
//!
//! Secret format (one per profile, in the profile's namespace; the credentials stay in their own
//! Secret, exactly as with a Kanister Profile):
//!
//! ```yaml
//! apiVersion: v1
//! kind: Secret
//! type: kubectl-backup.io/profile
//! metadata:
//!   name: <profile-name>
//!   labels:
//!     app.kubernetes.io/managed-by: kubectl-backup
//!     kubectl-backup.io/kind: Profile
//! data:
//!   profile.yaml: <base64 of the Profile as kanctl would create it:
//!     apiVersion: cr.kanister.io/v1alpha1
//!     kind: Profile
//!     metadata: {name, namespace}
//!     location: {type, bucket, endpoint, prefix, region}
//!     credential: {type: keyPair, keyPair: {idField, secretField, secret: {name, namespace}}}
//!     skipSSLVerify: false>
//! ```
//!
//! Profiles of `location.type: local` (a directory; Kanister has no such type) are always kept in
//! this form, with the directory as a `file://` URL in `location.endpoint`.

use std::collections::BTreeMap;

use anyhow::{Context, Result, anyhow};
use k8s_openapi::ByteString;
use k8s_openapi::api::core::v1::Secret;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use kube::api::{DynamicObject, PostParams};
use kube::core::GroupVersionKind;
use kube::discovery::ApiResource;

use super::credentials::LOCAL_TYPE;
use super::types::{API_VERSION, GROUP, KIND, LocationType, PLURAL, Profile, VERSION};
use crate::kube::{Cluster, CrdOrFallback, Place};

pub const SECRET_TYPE: &str = "kubectl-backup.io/profile";
pub const SECRET_KEY: &str = "profile.yaml";
pub const KIND_LABEL: &str = "kubectl-backup.io/kind";
pub const MANAGED_BY_LABEL: &str = "app.kubernetes.io/managed-by";
pub const MANAGED_BY: &str = "kubectl-backup";

/// Where a Profile is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// A `profiles.cr.kanister.io` resource.
    Resource,
    /// A labelled Secret of type `kubectl-backup.io/profile`.
    Secret,
}

impl std::fmt::Display for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Storage::Resource => "Profile",
            Storage::Secret => "Secret",
        })
    }
}

#[derive(Debug, Clone)]
pub struct StoredProfile {
    pub profile: Profile,
    pub storage: Storage,
}

impl StoredProfile {
    pub fn name(&self) -> &str {
        self.profile.metadata.name.as_deref().unwrap_or("")
    }

    pub fn namespace(&self) -> &str {
        self.profile.metadata.namespace.as_deref().unwrap_or("")
    }

    /// `profile.cr.kanister.io/NAME` or `secret/NAME`, as kubectl prints created objects.
    pub fn resource_name(&self) -> String {
        match self.storage {
            Storage::Resource => format!("profile.{GROUP}/{}", self.name()),
            Storage::Secret => format!("profile/{}", self.name()),
        }
    }
}

pub fn api_resource() -> ApiResource {
    ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(GROUP, VERSION, KIND), PLURAL)
}

/// Can this profile be a Kanister resource? Kanister knows no `local` type.
pub fn fits_kanister(profile: &Profile) -> bool {
    profile.location.location_type != LocationType::Other(LOCAL_TYPE.into())
}

/// Access to the Profiles of one cluster.
pub struct ProfileStore<'a> {
    store: CrdOrFallback<'a, Secret>,
}

impl<'a> ProfileStore<'a> {
    /// Finds out whether the Profile CRD is served (one discovery request).
    pub async fn open(cluster: &'a Cluster) -> Result<ProfileStore<'a>> {
        Ok(ProfileStore {
            store: CrdOrFallback::open(cluster, api_resource()).await?,
        })
    }

    pub fn crd_served(&self) -> bool {
        self.store.crd_served()
    }

    pub fn cluster(&self) -> &Cluster {
        self.store.cluster()
    }

    /// Where `create` puts `profile`.
    pub fn storage_for(&self, profile: &Profile) -> Storage {
        if self.store.crd_served() && fits_kanister(profile) {
            Storage::Resource
        } else {
            Storage::Secret
        }
    }

    /// The profile `namespace/name`: the Kanister resource, else our Secret.
    pub async fn get(&self, namespace: &str, name: &str) -> Result<Option<StoredProfile>> {
        let what = format!("reading profile {namespace}/{name}");
        if let Some(object) = self.store.get_resource(namespace, name, &what).await? {
            return Ok(Some(StoredProfile {
                profile: from_dynamic(object)?,
                storage: Storage::Resource,
            }));
        }
        match self.store.get_fallback(namespace, name, &what).await? {
            Some(secret) if is_profile_secret(&secret) => Ok(Some(StoredProfile {
                profile: from_secret(&secret)?,
                storage: Storage::Secret,
            })),
            _ => Ok(None),
        }
    }

    /// Like [`get`](Self::get), with a helpful error when the profile is absent.
    pub async fn require(&self, namespace: &str, name: &str) -> Result<StoredProfile> {
        self.get(namespace, name).await?.ok_or_else(|| {
            anyhow!(
                "profile {namespace}/{name} not found (list them with `kubectl backup profile list -n {namespace}`)"
            )
        })
    }

    /// Every profile in `namespace` (all namespaces when `None`), resources and Secrets.
    pub async fn list(&self, namespace: Option<&str>) -> Result<Vec<StoredProfile>> {
        let scope = namespace.unwrap_or("all namespaces");
        let mut found = Vec::new();
        let what = format!("listing profiles in {scope}");
        for object in self.store.list_resources(namespace, &what).await? {
            found.push(StoredProfile {
                profile: from_dynamic(object)?,
                storage: Storage::Resource,
            });
        }
        let selector = format!("{KIND_LABEL}={KIND}");
        let what = format!("listing profile Secrets in {scope}");
        let secrets = self
            .store
            .list_fallbacks(namespace, &selector, &what)
            .await?;
        for secret in secrets.iter().filter(|s| is_profile_secret(s)) {
            match from_secret(secret) {
                Ok(profile) => found.push(StoredProfile {
                    profile,
                    storage: Storage::Secret,
                }),
                Err(e) => eprintln!("warning: {e:#}"),
            }
        }
        found.sort_by(|a, b| (a.namespace(), a.name()).cmp(&(b.namespace(), b.name())));
        Ok(found)
    }

    /// Create `profile` in `namespace` (named by `metadata.name` or `metadata.generateName`) and
    /// return it as stored, with the name the server chose.
    pub async fn create(&self, namespace: &str, profile: &Profile) -> Result<StoredProfile> {
        self.create_with(namespace, profile, &PostParams::default())
            .await
    }

    /// [`Self::create`] with the POST's parameters (`dry_run` for `--dry-run=server`).
    pub async fn create_with(
        &self,
        namespace: &str,
        profile: &Profile,
        params: &PostParams,
    ) -> Result<StoredProfile> {
        let storage = self.storage_for(profile);
        let shown = profile
            .metadata
            .name
            .clone()
            .or_else(|| {
                profile
                    .metadata
                    .generate_name
                    .as_ref()
                    .map(|g| format!("{g}…"))
            })
            .unwrap_or_default();
        let what = format!("creating profile {namespace}/{shown}");
        match storage {
            Storage::Resource => {
                let mut object = profile.clone();
                object.api_version = API_VERSION.into();
                object.kind = KIND.into();
                object.metadata.namespace = Some(namespace.into());
                let dynamic: DynamicObject =
                    serde_json::from_value(super::create::kanctl_json(&object))?;
                let created = self
                    .store
                    .resources(namespace)
                    .create(params, &dynamic)
                    .await
                    .map_err(|e| self.store.fail(&what, &e))?;
                Ok(StoredProfile {
                    profile: from_dynamic(created)?,
                    storage,
                })
            }
            Storage::Secret => {
                let secret = to_secret(namespace, profile)?;
                let created = self
                    .store
                    .fallbacks(namespace)
                    .create(params, &secret)
                    .await
                    .map_err(|e| self.store.fail(&what, &e))?;
                // `from_secret` takes the name from the Secret, so a generated name needs no rewrite.
                let mut stored = profile.clone();
                stored.metadata.name = created.metadata.name.clone();
                stored.metadata.generate_name = None;
                stored.metadata.namespace = Some(namespace.into());
                Ok(StoredProfile {
                    profile: with_type_meta(stored),
                    storage,
                })
            }
        }
    }

    /// Delete the profile (the resource or our Secret). Returns false when it did not exist.
    pub async fn delete(&self, stored: &StoredProfile) -> Result<bool> {
        let (namespace, name) = (stored.namespace(), stored.name());
        let what = format!("deleting profile {namespace}/{name}");
        let place = match stored.storage {
            Storage::Resource => Place::Resource,
            Storage::Secret => Place::Fallback,
        };
        self.store.delete(namespace, place, name, &what).await
    }
}

pub fn is_profile_secret(secret: &Secret) -> bool {
    secret.type_.as_deref() == Some(SECRET_TYPE)
        && secret
            .metadata
            .labels
            .as_ref()
            .and_then(|l| l.get(KIND_LABEL))
            .is_some_and(|k| k == KIND)
}

fn with_type_meta(mut profile: Profile) -> Profile {
    profile.api_version = API_VERSION.into();
    profile.kind = KIND.into();
    profile
}

fn from_dynamic(object: DynamicObject) -> Result<Profile> {
    let name = object.metadata.name.clone().unwrap_or_default();
    let profile: Profile = serde_json::from_value(serde_json::to_value(&object)?)
        .with_context(|| format!("profile {name} is malformed"))?;
    Ok(with_type_meta(profile))
}

/// The labelled Secret that stores `profile` in `namespace`.
pub fn to_secret(namespace: &str, profile: &Profile) -> Result<Secret> {
    let mut inner = with_type_meta(profile.clone());
    inner.metadata = ObjectMeta {
        name: profile.metadata.name.clone(),
        namespace: Some(namespace.into()),
        labels: profile.metadata.labels.clone(),
        annotations: profile.metadata.annotations.clone(),
        ..Default::default()
    };
    let yaml = serde_saphyr::to_string(&super::create::kanctl_json(&inner))
        .context("serialising the profile")?;
    let mut labels = profile.metadata.labels.clone().unwrap_or_default();
    labels.insert(MANAGED_BY_LABEL.into(), MANAGED_BY.into());
    labels.insert(KIND_LABEL.into(), KIND.into());
    Ok(Secret {
        metadata: ObjectMeta {
            name: profile.metadata.name.clone(),
            generate_name: profile.metadata.generate_name.clone(),
            namespace: Some(namespace.into()),
            labels: Some(labels),
            ..Default::default()
        },
        type_: Some(SECRET_TYPE.into()),
        data: Some(BTreeMap::from([(
            SECRET_KEY.to_string(),
            ByteString(yaml.into_bytes()),
        )])),
        ..Default::default()
    })
}

/// The profile a labelled Secret holds; its name and namespace are the Secret's.
pub fn from_secret(secret: &Secret) -> Result<Profile> {
    let name = secret.metadata.name.clone().unwrap_or_default();
    let namespace = secret.metadata.namespace.clone().unwrap_or_default();
    let bytes = super::credentials::secret_value(secret, SECRET_KEY)
        .ok_or_else(|| anyhow!("profile Secret {namespace}/{name} has no key {SECRET_KEY:?}"))?;
    let text = std::str::from_utf8(bytes)
        .map_err(|_| anyhow!("profile Secret {namespace}/{name}: {SECRET_KEY} is not UTF-8"))?;
    let mut profile: Profile = serde_saphyr::from_str(text).map_err(|e| {
        anyhow!("profile Secret {namespace}/{name}: {SECRET_KEY} is not a Profile: {e}")
    })?;
    profile.metadata.name = Some(name);
    profile.metadata.namespace = Some(namespace);
    profile.metadata.generate_name = None;
    profile.metadata.creation_timestamp = secret.metadata.creation_timestamp.clone();
    profile.metadata.uid = secret.metadata.uid.clone();
    profile.metadata.resource_version = secret.metadata.resource_version.clone();
    Ok(with_type_meta(profile))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::types::{Credential, CredentialType, KeyPair, Location, ObjectReference};

    #[test]
    fn secret_form_round_trips() {
        let profile = Profile {
            metadata: ObjectMeta {
                name: Some("minio".into()),
                ..Default::default()
            },
            location: Location {
                location_type: LocationType::S3Compliant,
                bucket: "b".into(),
                endpoint: "http://minio:9000".into(),
                prefix: "p".into(),
                region: "us-east-1".into(),
            },
            credential: Credential {
                credential_type: CredentialType::KeyPair,
                key_pair: Some(KeyPair {
                    id_field: "aws_access_key_id".into(),
                    secret_field: "aws_secret_access_key".into(),
                    secret: ObjectReference {
                        name: "s3-secret-abcdef".into(),
                        namespace: "ns".into(),
                        ..Default::default()
                    },
                }),
                ..Default::default()
            },
            skip_ssl_verify: true,
            ..Default::default()
        };
        let mut secret = to_secret("ns", &profile).unwrap();
        assert_eq!(secret.type_.as_deref(), Some(SECRET_TYPE));
        secret.metadata.namespace = Some("ns".into());
        assert!(is_profile_secret(&secret));
        let back = from_secret(&secret).unwrap();
        assert_eq!(back.location, profile.location);
        assert_eq!(back.credential, profile.credential);
        assert!(back.skip_ssl_verify);
        assert_eq!(back.metadata.name.as_deref(), Some("minio"));
        assert_eq!(back.kind, KIND);
    }
}
