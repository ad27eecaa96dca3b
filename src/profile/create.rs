//! Creating a profile the way `kanctl create profile` does: a credential Secret named
//! `<s3|gcp|azure>-secret-<6 random>`, then a Profile with `generateName` `<s3|gcp|azure>-profile-`
//! (or the `--name` given) whose credential is a `keyPair` naming keys of that Secret, or `secret`
//! when a typed Secret is needed (an AWS role, an Azure environment). The location is checked
//! before anything is created, and the Secret is deleted again when the Profile cannot be created.

use std::collections::BTreeMap;

use anyhow::{Result, anyhow, bail};
use k8s_openapi::ByteString;
use k8s_openapi::api::core::v1::Secret;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use kube::api::{Api, DeleteParams, PostParams};
use rand::RngExt;
use serde_json::{Value, json};

use super::credentials::{
    self, AWS_ACCESS_KEY_ID, AWS_ROLE, AWS_SECRET_ACCESS_KEY, AWS_SECRET_TYPE, AZURE_SECRET_TYPE,
    AZURE_STORAGE_ACCOUNT_ID, AZURE_STORAGE_ENVIRONMENT, AZURE_STORAGE_KEY, GCP_PROJECT_ID,
    GCP_SERVICE_KEY, GCS_HMAC_ACCESS_ID, GCS_HMAC_SECRET, LOCAL_TYPE, secret_json,
};
use super::store::{MANAGED_BY, MANAGED_BY_LABEL, ProfileStore, StoredProfile};
use super::template_value::TemplateCredential;
use super::types::{
    API_VERSION, Credential, CredentialType, KIND, KeyPair, Location, LocationType,
    ObjectReference, Profile,
};
use super::validate::{self, Failed, Passed};
use crate::kube::{describe_error, is_not_found};
use crate::storage::StorageConfig;

/// Kubernetes' random-name alphabet (no vowels, no confusable digits), as kanctl uses.
const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

pub fn random_suffix(n: usize) -> String {
    let mut rng = rand::rng();
    (0..n)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

/// The provider word kanctl uses in generated names: `s3`, `gcp`, `azure`; `local` for ours.
pub fn name_word(location_type: &LocationType) -> &str {
    match location_type {
        LocationType::S3Compliant => "s3",
        LocationType::Gcs => "gcp",
        LocationType::Azure => "azure",
        other => other.as_str(),
    }
}

/// Where the credentials of a new profile come from.
pub enum NewCredentials {
    /// Write a new Secret with these keys. Values are secrets: never printed.
    NewSecret {
        data: BTreeMap<String, String>,
        id_field: String,
        secret_field: String,
        /// `secrets.kanister.io/aws` / `…/azure` for typed Secrets (credential type `secret`).
        secret_type: Option<String>,
    },
    /// An existing Secret `namespace/name`.
    Existing { namespace: String, name: String },
    /// A local directory needs none.
    None,
}

impl NewCredentials {
    /// kanctl's S3 Secret: a key pair, typed `secrets.kanister.io/aws` when a role is given.
    pub fn s3(access_key: String, secret_key: String, role: Option<String>) -> Self {
        let mut data = BTreeMap::from([
            (AWS_ACCESS_KEY_ID.to_string(), access_key),
            (AWS_SECRET_ACCESS_KEY.to_string(), secret_key),
        ]);
        let secret_type = role.filter(|r| !r.is_empty()).map(|role| {
            data.insert(AWS_ROLE.into(), role);
            AWS_SECRET_TYPE.to_string()
        });
        NewCredentials::NewSecret {
            data,
            id_field: AWS_ACCESS_KEY_ID.into(),
            secret_field: AWS_SECRET_ACCESS_KEY.into(),
            secret_type,
        }
    }

    /// kanctl's GCP Secret: project ID and service-account key JSON.
    pub fn gcp(project_id: String, service_key: String) -> Self {
        NewCredentials::NewSecret {
            data: BTreeMap::from([
                (GCP_PROJECT_ID.to_string(), project_id),
                (GCP_SERVICE_KEY.to_string(), service_key),
            ]),
            id_field: GCP_PROJECT_ID.into(),
            secret_field: GCP_SERVICE_KEY.into(),
            secret_type: None,
        }
    }

    /// Ours: GCS HMAC keys, which kubectl-backup's data path uses (Kanister's controller cannot).
    pub fn gcs_hmac(access_id: String, secret: String) -> Self {
        NewCredentials::NewSecret {
            data: BTreeMap::from([
                (GCS_HMAC_ACCESS_ID.to_string(), access_id),
                (GCS_HMAC_SECRET.to_string(), secret),
            ]),
            id_field: GCS_HMAC_ACCESS_ID.into(),
            secret_field: GCS_HMAC_SECRET.into(),
            secret_type: None,
        }
    }

    /// kanctl's Azure Secret, typed `secrets.kanister.io/azure` when an environment is given.
    pub fn azure(account: String, key: String, environment: Option<String>) -> Self {
        let mut data = BTreeMap::from([
            (AZURE_STORAGE_ACCOUNT_ID.to_string(), account),
            (AZURE_STORAGE_KEY.to_string(), key),
        ]);
        let secret_type = environment.filter(|e| !e.is_empty()).map(|env| {
            data.insert(AZURE_STORAGE_ENVIRONMENT.into(), env);
            AZURE_SECRET_TYPE.to_string()
        });
        NewCredentials::NewSecret {
            data,
            id_field: AZURE_STORAGE_ACCOUNT_ID.into(),
            secret_field: AZURE_STORAGE_KEY.into(),
            secret_type,
        }
    }
}

/// Everything `profile create` needs.
pub struct NewProfile {
    /// `None`: `generateName` `<word>-profile-`, like kanctl.
    pub name: Option<String>,
    pub location: Location,
    pub skip_ssl_verify: bool,
    pub credentials: NewCredentials,
}

/// A profile ready to be created: the Secret to write (if any), the Profile, and the storage
/// configuration to check, all built without touching the cluster except to read an existing
/// Secret.
pub struct Plan {
    pub namespace: String,
    pub secret: Option<Secret>,
    pub profile: Profile,
    /// What the checks run against; an error when kubectl-backup cannot use this location
    /// itself (e.g. a GCP service-account key), which only `--skip-validation` gets past.
    pub storage: Result<StorageConfig, String>,
    pub what: String,
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plan")
            .field("namespace", &self.namespace)
            .field(
                "secret",
                &self.secret.as_ref().and_then(|s| s.metadata.name.clone()),
            )
            .field("profile", &self.profile.metadata.name)
            .field("storage", &self.storage)
            .finish()
    }
}

/// The Profile exactly as kanctl sends it: every `location` field present (Go has no
/// `omitempty` there), ObjectReferences with empty `apiVersion/group/resource/kind`.
pub fn kanctl_json(profile: &Profile) -> Value {
    let reference = |r: &ObjectReference| {
        let mut v = json!({
            "apiVersion": r.api_version, "group": r.group, "resource": r.resource,
            "kind": r.kind, "name": r.name,
        });
        if !r.namespace.is_empty() {
            v["namespace"] = json!(r.namespace);
        }
        v
    };
    let mut credential = json!({"type": profile.credential.credential_type.as_str()});
    if let Some(pair) = &profile.credential.key_pair {
        credential["keyPair"] = json!({
            "idField": pair.id_field, "secretField": pair.secret_field,
            "secret": reference(&pair.secret),
        });
    }
    if let Some(secret) = &profile.credential.secret {
        credential["secret"] = reference(secret);
    }
    let mut metadata = serde_json::to_value(&profile.metadata).unwrap_or_else(|_| json!({}));
    if metadata.is_null() {
        metadata = json!({});
    }
    json!({
        "apiVersion": API_VERSION,
        "kind": KIND,
        "metadata": metadata,
        "location": {
            "type": profile.location.location_type.as_str(),
            "bucket": profile.location.bucket,
            "endpoint": profile.location.endpoint,
            "prefix": profile.location.prefix,
            "region": profile.location.region,
        },
        "credential": credential,
        "skipSSLVerify": profile.skip_ssl_verify,
    })
}

/// Build the Secret and Profile for `new` in `namespace`; reads an existing Secret if named.
pub async fn plan(store: &ProfileStore<'_>, namespace: &str, new: NewProfile) -> Result<Plan> {
    let word = name_word(&new.location.location_type).to_string();
    let what = match &new.name {
        Some(name) => format!("profile {namespace}/{name}"),
        None => format!("new profile {namespace}/{word}-profile-…"),
    };
    if let Some(name) = &new.name {
        validate_name(name)?;
        if store.get(namespace, name).await?.is_some() {
            bail!(
                "profile {namespace}/{name} already exists; delete it first or pick another --name"
            );
        }
    }
    let metadata = ObjectMeta {
        name: new.name.clone(),
        generate_name: new.name.is_none().then(|| format!("{word}-profile-")),
        namespace: Some(namespace.into()),
        ..Default::default()
    };
    let (secret, credential, template) = match new.credentials {
        NewCredentials::NewSecret {
            data,
            id_field,
            secret_field,
            secret_type,
        } => {
            let secret_name = format!("{word}-secret-{}", random_suffix(6));
            let reference = ObjectReference {
                name: secret_name.clone(),
                namespace: namespace.into(),
                ..Default::default()
            };
            let secret = Secret {
                metadata: ObjectMeta {
                    name: Some(secret_name),
                    namespace: Some(namespace.into()),
                    labels: Some(BTreeMap::from([(
                        MANAGED_BY_LABEL.into(),
                        MANAGED_BY.into(),
                    )])),
                    ..Default::default()
                },
                type_: secret_type.clone(),
                data: Some(
                    data.iter()
                        .map(|(k, v)| (k.clone(), ByteString(v.clone().into_bytes())))
                        .collect(),
                ),
                ..Default::default()
            };
            let (credential, template) = if secret_type.is_some() {
                (
                    Credential {
                        credential_type: CredentialType::Secret,
                        secret: Some(reference),
                        ..Default::default()
                    },
                    TemplateCredential::Secret(secret_json(&secret)),
                )
            } else {
                let template = TemplateCredential::KeyPair {
                    id: data.get(&id_field).cloned().unwrap_or_default(),
                    secret: data.get(&secret_field).cloned().unwrap_or_default(),
                };
                (
                    Credential {
                        credential_type: CredentialType::KeyPair,
                        key_pair: Some(KeyPair {
                            id_field,
                            secret_field,
                            secret: reference,
                        }),
                        ..Default::default()
                    },
                    template,
                )
            };
            (Some(secret), credential, template)
        }
        NewCredentials::Existing {
            namespace: secret_ns,
            name,
        } => {
            let credential =
                existing_credential(store, &new.location.location_type, &secret_ns, &name).await?;
            let probe = Profile {
                location: new.location.clone(),
                credential: credential.clone(),
                ..Default::default()
            };
            let resolved = credentials::resolve(store.cluster(), &probe, &what).await?;
            (None, credential, resolved.credential)
        }
        NewCredentials::None => (None, Credential::default(), TemplateCredential::None),
    };
    let storage = credentials::storage_config(&new.location, &template, new.skip_ssl_verify, &what)
        .map_err(|e| format!("{e:#}"));
    Ok(Plan {
        namespace: namespace.into(),
        secret,
        profile: Profile {
            api_version: API_VERSION.into(),
            kind: KIND.into(),
            metadata,
            location: new.location,
            credential,
            skip_ssl_verify: new.skip_ssl_verify,
        },
        storage,
        what,
    })
}

/// How a profile refers to an existing Secret: a typed Kanister Secret as `secret`, any other
/// as a `keyPair` of the provider's standard key names (which must be present).
async fn existing_credential(
    store: &ProfileStore<'_>,
    location_type: &LocationType,
    namespace: &str,
    name: &str,
) -> Result<Credential> {
    let cluster = store.cluster();
    let secret = Api::<Secret>::namespaced(cluster.client.clone(), namespace)
        .get(name)
        .await
        .map_err(|e| {
            anyhow!(
                "--secret {namespace}/{name}: {}",
                describe_error(&cluster.server, &e)
            )
        })?;
    let reference = ObjectReference {
        name: name.into(),
        namespace: namespace.into(),
        ..Default::default()
    };
    let typed = secret.type_.as_deref();
    if matches!(typed, Some(AWS_SECRET_TYPE) | Some(AZURE_SECRET_TYPE)) {
        return Ok(Credential {
            credential_type: CredentialType::Secret,
            secret: Some(reference),
            ..Default::default()
        });
    }
    let (id_field, secret_field) = match location_type {
        LocationType::S3Compliant => (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY),
        LocationType::Azure => (AZURE_STORAGE_ACCOUNT_ID, AZURE_STORAGE_KEY),
        LocationType::Gcs if credentials::secret_value(&secret, GCS_HMAC_ACCESS_ID).is_some() => {
            (GCS_HMAC_ACCESS_ID, GCS_HMAC_SECRET)
        }
        LocationType::Gcs => (GCP_PROJECT_ID, GCP_SERVICE_KEY),
        other => bail!("location type {other} takes no credential Secret"),
    };
    for key in [id_field, secret_field] {
        if credentials::secret_value(&secret, key).is_none() {
            let keys: Vec<&String> = secret.data.iter().flat_map(|d| d.keys()).collect();
            bail!(
                "--secret {namespace}/{name} has no key {key:?} (it has {keys:?}); a {location_type} profile needs \
                 {id_field} and {secret_field}"
            );
        }
    }
    Ok(Credential {
        credential_type: CredentialType::KeyPair,
        key_pair: Some(KeyPair {
            id_field: id_field.into(),
            secret_field: secret_field.into(),
            secret: reference,
        }),
        ..Default::default()
    })
}

fn validate_name(name: &str) -> Result<()> {
    let ok = crate::kube::is_dns_subdomain(name);
    if ok {
        Ok(())
    } else {
        bail!(
            "invalid profile name {name:?}: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"
        )
    }
}

/// Run the location checks of a plan (before anything is created).
pub async fn check(plan: &Plan, passed: impl FnMut(Passed)) -> Result<(), Failed> {
    match &plan.storage {
        Ok(storage) => validate::check_storage(storage, passed).await,
        Err(e) => Err(Failed::new(validate::CREDENTIALS_RESOLVE, e)),
    }
}

/// What `execute` created.
pub struct Created {
    pub secret: Option<String>,
    pub profile: StoredProfile,
}

/// [`execute`], stopped by `cancel` (Ctrl-C): the credential Secret, if it got created, is
/// deleted again so an interrupted create leaves nothing behind.
pub async fn execute_cancellable(
    store: &ProfileStore<'_>,
    plan: Plan,
    params: &PostParams,
    cancel: &tokio_util::sync::CancellationToken,
) -> Result<Created> {
    let namespace = plan.namespace.clone();
    let secret = plan.secret.as_ref().and_then(|s| s.metadata.name.clone());
    tokio::select! {
        result = execute(store, plan, params) => result,
        _ = cancel.cancelled() => {
            let mut note = String::new();
            if let Some(name) = secret {
                let api: Api<Secret> = Api::namespaced(store.cluster().client.clone(), &namespace);
                match api.delete(&name, &DeleteParams::default()).await {
                    Ok(_) => note = format!("; credential Secret {namespace}/{name} deleted again"),
                    Err(e) if is_not_found(&e) => {}
                    Err(e) => note = format!(
                        "; credential Secret {namespace}/{name} may remain: {}",
                        describe_error(&store.cluster().server, &e)
                    ),
                }
            }
            bail!("interrupted before the profile was created{note}")
        }
    }
}

/// Create the Secret, then the Profile; delete the Secret again when the Profile fails.
/// `params.dry_run` (`--dry-run=server`) has the API server check both and store neither.
pub async fn execute(store: &ProfileStore<'_>, plan: Plan, params: &PostParams) -> Result<Created> {
    let cluster = store.cluster();
    let secrets: Api<Secret> = Api::namespaced(cluster.client.clone(), &plan.namespace);
    let mut secret_name = None;
    if let Some(secret) = &plan.secret {
        let created = secrets.create(params, secret).await.map_err(|e| {
            anyhow!(
                "{}: cannot create credential Secret: {}",
                plan.what,
                describe_error(&cluster.server, &e)
            )
        })?;
        secret_name = created.metadata.name;
    }
    match store
        .create_with(&plan.namespace, &plan.profile, params)
        .await
    {
        Ok(profile) => Ok(Created {
            secret: secret_name,
            profile,
        }),
        Err(error) => {
            if let Some(name) = &secret_name {
                match secrets.delete(name, &DeleteParams::default()).await {
                    Ok(_) => {}
                    Err(e) if is_not_found(&e) => {}
                    Err(e) => {
                        return Err(error.context(format!(
                            "and the credential Secret {}/{name} could not be deleted again: {}",
                            plan.namespace,
                            describe_error(&cluster.server, &e)
                        )));
                    }
                }
            }
            Err(error)
        }
    }
}

/// A `local` profile's location: the directory as a `file://` URL.
pub fn local_location(dir: &std::path::Path, prefix: String) -> Result<Location> {
    let dir = if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        std::env::current_dir()?.join(dir)
    };
    Ok(Location {
        location_type: LocationType::Other(LOCAL_TYPE.into()),
        endpoint: credentials::local_endpoint(&dir)?,
        prefix,
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kanctl_shape_has_every_location_field() {
        let profile = Profile {
            metadata: ObjectMeta {
                generate_name: Some("s3-profile-".into()),
                namespace: Some("kanister".into()),
                ..Default::default()
            },
            location: Location {
                location_type: LocationType::S3Compliant,
                bucket: "b".into(),
                region: "us-east-1".into(),
                ..Default::default()
            },
            credential: Credential {
                credential_type: CredentialType::KeyPair,
                key_pair: Some(KeyPair {
                    id_field: AWS_ACCESS_KEY_ID.into(),
                    secret_field: AWS_SECRET_ACCESS_KEY.into(),
                    secret: ObjectReference {
                        name: "s3-secret-abcdef".into(),
                        namespace: "kanister".into(),
                        ..Default::default()
                    },
                }),
                ..Default::default()
            },
            ..Default::default()
        };
        let expected = json!({
            "apiVersion": "cr.kanister.io/v1alpha1",
            "kind": "Profile",
            "metadata": {"generateName": "s3-profile-", "namespace": "kanister"},
            "location": {"type": "s3Compliant", "bucket": "b", "endpoint": "", "prefix": "", "region": "us-east-1"},
            "credential": {"type": "keyPair", "keyPair": {
                "idField": "aws_access_key_id", "secretField": "aws_secret_access_key",
                "secret": {"apiVersion": "", "group": "", "resource": "", "kind": "", "name": "s3-secret-abcdef", "namespace": "kanister"}}},
            "skipSSLVerify": false,
        });
        assert_eq!(kanctl_json(&profile), expected);
        let back: Profile = serde_json::from_value(expected).unwrap();
        assert_eq!(back.credential, profile.credential);
    }

    #[test]
    fn secrets_follow_kanctl() {
        let NewCredentials::NewSecret {
            secret_type, data, ..
        } = NewCredentials::s3("AK".into(), "SK".into(), Some("arn:role".into()))
        else {
            panic!()
        };
        assert_eq!(secret_type.as_deref(), Some(AWS_SECRET_TYPE));
        assert_eq!(data.get(AWS_ROLE).map(String::as_str), Some("arn:role"));
        let NewCredentials::NewSecret { secret_type, .. } =
            NewCredentials::s3("AK".into(), "SK".into(), None)
        else {
            panic!()
        };
        assert_eq!(secret_type, None);
        let suffix = random_suffix(6);
        assert_eq!(suffix.len(), 6);
        assert!(suffix.bytes().all(|b| ALPHABET.contains(&b)));
        assert!(validate_name("my-minio").is_ok());
        assert!(validate_name("My_minio").is_err());
    }
}
