//! `kubectl backup profile …`: create (kanctl-compatible), list, get, describe, delete and
//! validate Profiles. Credentials come from flags, the environment, an existing Secret or a hidden
//! prompt, and are never printed.

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Subcommand};
use serde_json::Value;

use crate::cli::{AlreadyReported, GlobalArgs};
use crate::kube::{Cluster, connect};
use crate::output::{
    DryRun, Listed, OutputFormat, Table, Written, age, print_list, print_structured, print_written,
    write_stdout,
};
use crate::profile::create::{self, NewCredentials, NewProfile, kanctl_json, local_location};
use crate::profile::destination::{self, DestinationRequest, split_reference};
use crate::profile::store::{ProfileStore, Storage, StoredProfile};
use crate::profile::types::{CredentialType, GROUP, Location, LocationType, Profile};
use crate::profile::validate::{self, Failed, Passed};

#[derive(Debug, Args)]
pub struct ProfileArgs {
    #[command(subcommand)]
    pub command: ProfileCommand,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Create a profile (a Kanister Profile and its credential Secret, like `kanctl create profile`)
    Create(CreateArgs),
    /// List profiles
    #[command(alias = "ls")]
    List(ListArgs),
    /// Show one profile (-o json|yaml for the whole object; credentials are never shown)
    Get(NameArgs),
    /// Show a profile in detail, with where its credentials come from
    Describe(NameArgs),
    /// Delete profiles, and the credential Secrets kubectl-backup created for them
    #[command(alias = "rm")]
    Delete(DeleteArgs),
    /// Check that a profile works: credentials, endpoint, bucket, and a probe object written, read back and deleted
    Validate(ValidateArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    #[command(subcommand)]
    pub kind: CreateKind,
}

#[derive(Debug, Subcommand)]
pub enum CreateKind {
    /// An S3-compatible object store (AWS S3, MinIO, Ceph, …)
    #[command(name = "s3compliant", alias = "s3")]
    S3(S3Args),
    /// Google Cloud Storage
    #[command(name = "gcs", alias = "gcp")]
    Gcs(GcsArgs),
    /// Azure Blob Storage
    Azure(AzureArgs),
    /// A directory (kubectl-backup only: Kanister has no such location type)
    Local(LocalArgs),
}

#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Profile name (default: generated, `<type>-profile-xxxxx`, like kanctl)
    #[arg(long, value_parser = super::validate::object_name)]
    pub name: Option<String>,
    /// Key prefix under which every object of this profile lives
    #[arg(long, default_value = "")]
    pub prefix: String,
    /// Create it without checking the location first
    #[arg(long)]
    pub skip_validation: bool,
    /// client: print the Profile that would be created and send nothing; server: have the API
    /// server check it and store nothing (kubectl's --dry-run; a bare --dry-run is client)
    #[arg(long, value_enum, value_name = "WHERE", num_args = 0..=1, default_value_t, default_missing_value = "client", hide_default_value = true)]
    pub dry_run: DryRun,
}

#[derive(Debug, Args)]
pub struct BucketArgs {
    /// Bucket (container for Azure)
    #[arg(long, required = true)]
    pub bucket: String,
    /// Custom endpoint URL (MinIO, Ceph, emulators)
    #[arg(long)]
    pub endpoint: Option<String>,
    /// Skip TLS certificate verification
    #[arg(
        long = "skip-SSL-verify",
        alias = "skip-SSL-verification",
        alias = "skip-ssl-verify"
    )]
    pub skip_ssl_verify: bool,
    /// Use the credentials in this existing Secret (`[namespace/]name`) instead of creating one
    #[arg(long, value_name = "[NS/]NAME")]
    pub secret: Option<String>,
}

#[derive(Debug, Args)]
pub struct S3Args {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub bucket: BucketArgs,
    /// Region of the bucket (S3-compatible servers usually accept us-east-1)
    #[arg(long, required = true)]
    pub region: String,
    /// Access key ID (default: $AWS_ACCESS_KEY_ID, else a prompt)
    #[arg(long, conflicts_with = "secret")]
    pub access_key: Option<String>,
    /// Secret access key (default: $AWS_SECRET_ACCESS_KEY, else a hidden prompt). Visible in
    /// shell history and `ps`: prefer the environment or the prompt
    #[arg(long, conflicts_with = "secret")]
    pub secret_key: Option<String>,
    /// IAM role to assume (stored in a typed `secrets.kanister.io/aws` Secret)
    #[arg(long, conflicts_with = "secret")]
    pub role: Option<String>,
}

#[derive(Debug, Args)]
pub struct GcsArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub bucket: BucketArgs,
    /// GCP project ID (with --service-key; the form Kanister's controller uses)
    #[arg(long, requires = "service_key", conflicts_with_all = ["secret", "hmac_access_id"])]
    pub project_id: Option<String>,
    /// Path to the service-account key JSON file
    #[arg(long, requires = "project_id")]
    pub service_key: Option<PathBuf>,
    /// HMAC access ID (interoperability keys; the form kubectl-backup's own data path uses)
    #[arg(long, conflicts_with = "secret")]
    pub hmac_access_id: Option<String>,
    /// HMAC secret (default: a hidden prompt)
    #[arg(long, requires = "hmac_access_id")]
    pub hmac_secret: Option<String>,
}

#[derive(Debug, Args)]
pub struct AzureArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub bucket: BucketArgs,
    /// Storage account (default: $AZURE_STORAGE_ACCOUNT, else a prompt)
    #[arg(long, conflicts_with = "secret")]
    pub storage_account: Option<String>,
    /// Storage account key (default: $AZURE_STORAGE_KEY, else a hidden prompt)
    #[arg(long, conflicts_with = "secret")]
    pub storage_key: Option<String>,
    /// Azure environment (AzurePublicCloud, AzureChinaCloud, AzureUSGovernmentCloud)
    #[arg(long = "storage-env", conflicts_with = "secret")]
    pub storage_env: Option<String>,
}

#[derive(Debug, Args)]
pub struct LocalArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// The directory (created if missing)
    #[arg(long, required = true)]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct ListArgs {}

#[derive(Debug, Args)]
pub struct NameArgs {
    /// Profile `[namespace/]name`
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::profile_names))]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Profile names (`[namespace/]name`)
    #[arg(required = true, add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::profile_names))]
    pub names: Vec<String>,
    /// Keep the credential Secret even when kubectl-backup created it
    #[arg(long)]
    pub keep_secret: bool,
    /// Succeed when a profile does not exist
    #[arg(long)]
    pub ignore_not_found: bool,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Profile `[namespace/]name` (neither this nor --location: the local default)
    #[arg(conflicts_with = "location", add = clap_complete::engine::ArgValueCompleter::new(crate::cli::complete::profile_names))]
    pub name: Option<String>,
    /// A Velero BackupStorageLocation `[namespace/]name` instead of a profile
    #[arg(long, value_name = "[NS/]NAME")]
    pub location: Option<String>,
}

pub async fn run(args: ProfileArgs, global: &GlobalArgs) -> Result<()> {
    match args.command {
        ProfileCommand::Create(a) => create_profile(a, global).await,
        ProfileCommand::List(_) => list(global).await,
        ProfileCommand::Get(a) => get(a, global).await,
        ProfileCommand::Describe(a) => describe(a, global).await,
        ProfileCommand::Delete(a) => delete(a, global).await,
        ProfileCommand::Validate(a) => validate_command(a, global).await,
    }
}

/// A credential value: the flag, else the environment variable, else a hidden prompt.
fn credential_value(
    flag: Option<String>,
    env: Option<&str>,
    prompt: &str,
    global: &GlobalArgs,
    flag_name: &str,
) -> Result<String> {
    if let Some(value) = flag.filter(|v| !v.is_empty()) {
        return Ok(value);
    }
    if let Some(value) = env
        .and_then(|e| std::env::var(e).ok())
        .filter(|v| !v.is_empty())
    {
        return Ok(value);
    }
    if global.interactive() {
        let value = dialoguer::Password::new()
            .with_prompt(prompt)
            .allow_empty_password(false)
            .interact()
            .with_context(|| format!("reading {prompt} from the terminal"))?;
        return Ok(value);
    }
    match env {
        Some(env) => bail!(
            "no {prompt}: give {flag_name}, set {env}, use --secret NAME, or run in a terminal to be prompted"
        ),
        None => bail!("no {prompt}: give {flag_name}, or run in a terminal to be prompted"),
    }
}

fn existing_secret(reference: &str, namespace: &str) -> NewCredentials {
    let (namespace, name) = split_reference(reference, namespace);
    NewCredentials::Existing { namespace, name }
}

fn bucket_location(
    kind: LocationType,
    bucket: &BucketArgs,
    prefix: &str,
    region: &str,
) -> Location {
    Location {
        location_type: kind,
        bucket: bucket.bucket.clone(),
        endpoint: bucket.endpoint.clone().unwrap_or_default(),
        prefix: prefix.to_string(),
        region: region.to_string(),
    }
}

async fn create_profile(args: CreateArgs, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let namespace = cluster.namespace.clone();
    let (common, new) = match args.kind {
        CreateKind::S3(a) => {
            let credentials = match &a.bucket.secret {
                Some(secret) => existing_secret(secret, &namespace),
                None => NewCredentials::s3(
                    credential_value(
                        a.access_key,
                        Some("AWS_ACCESS_KEY_ID"),
                        "access key ID",
                        global,
                        "--access-key",
                    )?,
                    credential_value(
                        a.secret_key,
                        Some("AWS_SECRET_ACCESS_KEY"),
                        "secret access key",
                        global,
                        "--secret-key",
                    )?,
                    a.role,
                ),
            };
            let location = bucket_location(
                LocationType::S3Compliant,
                &a.bucket,
                &a.common.prefix,
                &a.region,
            );
            (
                a.common,
                new_profile(location, a.bucket.skip_ssl_verify, credentials),
            )
        }
        CreateKind::Gcs(a) => {
            let credentials = match (
                &a.bucket.secret,
                a.project_id,
                a.service_key,
                a.hmac_access_id,
            ) {
                (Some(secret), ..) => existing_secret(secret, &namespace),
                (None, Some(project), Some(key_file), _) => {
                    let key = std::fs::read_to_string(&key_file).with_context(|| {
                        format!("cannot read the service key {}", key_file.display())
                    })?;
                    serde_json::from_str::<Value>(&key).map_err(|e| {
                        anyhow!(
                            "{} is not a service-account key JSON file: {e}",
                            key_file.display()
                        )
                    })?;
                    NewCredentials::gcp(project, key)
                }
                (None, _, _, Some(id)) => NewCredentials::gcs_hmac(
                    id,
                    credential_value(a.hmac_secret, None, "HMAC secret", global, "--hmac-secret")?,
                ),
                _ => bail!(
                    "give --project-id and --service-key (for Kanister), --hmac-access-id (for kubectl-backup), or --secret"
                ),
            };
            let location = bucket_location(LocationType::Gcs, &a.bucket, &a.common.prefix, "");
            (
                a.common,
                new_profile(location, a.bucket.skip_ssl_verify, credentials),
            )
        }
        CreateKind::Azure(a) => {
            let credentials = match &a.bucket.secret {
                Some(secret) => existing_secret(secret, &namespace),
                None => NewCredentials::azure(
                    credential_value(
                        a.storage_account,
                        Some("AZURE_STORAGE_ACCOUNT"),
                        "storage account",
                        global,
                        "--storage-account",
                    )?,
                    credential_value(
                        a.storage_key,
                        Some("AZURE_STORAGE_KEY"),
                        "storage account key",
                        global,
                        "--storage-key",
                    )?,
                    a.storage_env,
                ),
            };
            let location = bucket_location(LocationType::Azure, &a.bucket, &a.common.prefix, "");
            (
                a.common,
                new_profile(location, a.bucket.skip_ssl_verify, credentials),
            )
        }
        CreateKind::Local(a) => {
            if a.common.dry_run == DryRun::None {
                std::fs::create_dir_all(&a.path)
                    .with_context(|| format!("cannot create {}", a.path.display()))?;
            }
            let location = local_location(&a.path, a.common.prefix.clone())?;
            (a.common, new_profile(location, false, NewCredentials::None))
        }
    };
    let new = NewProfile {
        name: common.name.clone(),
        ..new
    };
    let store = ProfileStore::open(&cluster).await?;
    let plan = create::plan(&store, &namespace, new).await?;
    if common.dry_run == DryRun::Client {
        return print_client_dry_run(&store, &plan, global);
    }
    if !common.skip_validation && common.dry_run == DryRun::None {
        let mut lines = Vec::new();
        if let Err(failed) = create::check(&plan, |p| lines.push(p)).await {
            for p in &lines {
                eprintln!("ok    {:<22}{}", p.check, p.detail);
            }
            bail!(
                "{}: {failed}; nothing was created (fix it, or pass --skip-validation to create it anyway)",
                plan.what
            );
        }
    }
    let cancel = crate::interrupt::cancellation();
    let params = common.dry_run.post_params();
    let created = create::execute_cancellable(&store, plan, &params, &cancel).await?;
    if global.output.is_some() || common.dry_run == DryRun::Server {
        // The profile alone: scripts capture it (`name=$(… -o name)`); its Secret is a detail.
        let written = Written {
            object: &shown(&created.profile),
            resource_name: &created.profile.resource_name(),
            verb: "created",
        };
        return print_written(global.output, common.dry_run, &written);
    }
    let mut out = String::new();
    if let Some(secret) = &created.secret {
        out.push_str(&format!("secret/{secret} created\n"));
    }
    out.push_str(&format!("{} created", created.profile.resource_name()));
    if created.profile.storage == Storage::Secret {
        let holder = format!("{}/{}", created.profile.namespace(), created.profile.name());
        out.push_str(&if store.crd_served() {
            format!(" (kept in labelled Secret {holder}: Kanister has no local directory type)")
        } else {
            format!(
                " (kept in labelled Secret {holder}: the Kanister Profile CRD is not installed)"
            )
        });
    }
    out.push('\n');
    Ok(write_stdout(&out)?)
}

/// `--dry-run=client`: the Profile as it would be sent (never a credential value: those go to
/// the Secret), marked when it would be kept in a labelled Secret.
fn print_client_dry_run(
    store: &ProfileStore<'_>,
    plan: &create::Plan,
    global: &GlobalArgs,
) -> Result<()> {
    let mut object = kanctl_json(&plan.profile);
    let stored_as_secret = store.storage_for(&plan.profile) == Storage::Secret;
    if stored_as_secret {
        object["metadata"]["annotations"] = serde_json::json!({
            "kubectl-backup.io/stored-as": "Secret (the Profile CRD is not installed or cannot hold this type)"
        });
    }
    let name = plan
        .profile
        .metadata
        .name
        .clone()
        .or_else(|| plan.profile.metadata.generate_name.clone())
        .unwrap_or_default();
    // As `StoredProfile::resource_name` names the created one.
    let resource_name = if stored_as_secret {
        format!("profile/{name}")
    } else {
        format!("profile.{GROUP}/{name}")
    };
    // Without -o, the Profile as YAML: what --dry-run has always printed here.
    let format = global.output.or(Some(OutputFormat::Yaml));
    let written = Written {
        object: &object,
        resource_name: &resource_name,
        verb: "created",
    };
    print_written(format, DryRun::Client, &written)
}

fn new_profile(
    location: Location,
    skip_ssl_verify: bool,
    credentials: NewCredentials,
) -> NewProfile {
    NewProfile {
        name: None,
        location,
        skip_ssl_verify,
        credentials,
    }
}

/// The object shown by `get -o json|yaml`: the Profile as stored. It holds only references to
/// Secrets, never credential values.
fn shown(stored: &StoredProfile) -> Value {
    let mut value = kanctl_json(&stored.profile);
    if let Some(meta) = value.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.remove("managedFields");
        if stored.storage == Storage::Secret {
            meta.entry("annotations")
                .or_insert_with(|| Value::Object(Default::default()))
                .as_object_mut()
                .map(|a| a.insert("kubectl-backup.io/stored-as".into(), "Secret".into()));
        }
    }
    value
}

async fn list(global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let store = ProfileStore::open(&cluster).await?;
    let namespace = (!global.all_namespaces).then_some(cluster.namespace.as_str());
    let items = store.list(namespace).await?;
    print_profiles(&items, global, global.all_namespaces)
}

async fn get(args: NameArgs, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let stored = require(&cluster, &args.name).await?;
    match global.output_or(OutputFormat::Table) {
        // One named object prints as itself, as `kubectl get TYPE NAME` does.
        format @ (OutputFormat::Json | OutputFormat::Yaml) => {
            print_structured(&shown(&stored), format)
        }
        _ => print_profiles(&[stored], global, false),
    }
}

async fn require(cluster: &Cluster, reference: &str) -> Result<StoredProfile> {
    let (namespace, name) = split_reference(reference, &cluster.namespace);
    ProfileStore::open(cluster)
        .await?
        .require(&namespace, &name)
        .await
}

fn print_profiles(
    items: &[StoredProfile],
    global: &GlobalArgs,
    all_namespaces: bool,
) -> Result<()> {
    let format = global.output_or(OutputFormat::Table);
    let mut headers = vec![
        "NAME",
        "TYPE",
        "BUCKET",
        "ENDPOINT",
        "PREFIX",
        "STORED-AS",
        "AGE",
    ];
    if all_namespaces {
        headers.insert(0, "NAMESPACE");
    }
    let now = chrono::Utc::now();
    let rows = items
        .iter()
        .map(|item| {
            let p = &item.profile;
            let mut cells = vec![
                item.name().to_string(),
                p.location.location_type.to_string(),
                p.location.bucket.clone(),
                p.location.endpoint.clone(),
                p.location.prefix.clone(),
                item.storage.to_string(),
                p.metadata
                    .creation_timestamp
                    .as_ref()
                    .and_then(|t| chrono::DateTime::from_timestamp(t.0.as_second(), 0))
                    .map(|t| age(t, now))
                    .unwrap_or_else(|| "<unknown>".into()),
                p.location.region.clone(),
                credential_summary(p),
            ];
            if all_namespaces {
                cells.insert(0, item.namespace().to_string());
            }
            Listed {
                object: shown(item),
                resource_name: name_of(item),
                cells,
                labels: p.metadata.labels.as_ref(),
            }
        })
        .collect();
    let table = Table::new(&headers).with_wide(&["REGION", "CREDENTIAL"]);
    print_list(format, table, rows, "No profiles found.")
}

fn name_of(stored: &StoredProfile) -> String {
    match stored.storage {
        Storage::Resource => format!("profile.{GROUP}/{}", stored.name()),
        Storage::Secret => format!("secret/{}", stored.name()),
    }
}

/// `keyPair ns/secret` / `secret ns/secret` / `none`: names only, never values.
fn credential_summary(profile: &Profile) -> String {
    let c = &profile.credential;
    match &c.credential_type {
        CredentialType::KeyPair => c
            .key_pair
            .as_ref()
            .map(|k| format!("keyPair {}/{}", k.secret.namespace, k.secret.name))
            .unwrap_or_else(|| "keyPair".into()),
        CredentialType::Secret => c
            .secret
            .as_ref()
            .map(|s| format!("secret {}/{}", s.namespace, s.name))
            .unwrap_or_else(|| "secret".into()),
        CredentialType::Unset => "none".into(),
        other => other.to_string(),
    }
}

async fn describe(args: NameArgs, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let stored = require(&cluster, &args.name).await?;
    let p = &stored.profile;
    let mut out = String::new();
    let mut line = |k: &str, v: &str| {
        let text = format!("{k:<18}{v}");
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line("Name:", stored.name());
    line("Namespace:", stored.namespace());
    line(
        "Stored as:",
        &match stored.storage {
            Storage::Resource => format!("Profile ({}.{GROUP})", crate::profile::types::PLURAL),
            Storage::Secret => format!("labelled Secret {}/{}", stored.namespace(), stored.name()),
        },
    );
    line("Location:", "");
    line("  Type:", p.location.location_type.as_str());
    line("  Bucket:", &p.location.bucket);
    line("  Endpoint:", &p.location.endpoint);
    line("  Prefix:", &p.location.prefix);
    line("  Region:", &p.location.region);
    line("Skip SSL verify:", &p.skip_ssl_verify.to_string());
    line("Credential:", "");
    line("  Type:", p.credential.credential_type.as_str());
    if let Some(pair) = &p.credential.key_pair {
        line(
            "  Secret:",
            &format!(
                "{}/{} (keys {}, {})",
                pair.secret.namespace, pair.secret.name, pair.id_field, pair.secret_field
            ),
        );
    }
    if let Some(secret) = &p.credential.secret {
        line(
            "  Secret:",
            &format!("{}/{}", secret.namespace, secret.name),
        );
    }
    let resolution = match destination::from_profile(&cluster, &stored).await {
        Ok(d) => format!("yes, {} → {}", d.credentials_source, location_of(&d)),
        Err(e) => format!("no: {e:#}"),
    };
    line("  Values:", "<redacted>");
    line("Resolves:", &resolution);
    Ok(write_stdout(&out)?)
}

fn location_of(d: &destination::Destination) -> String {
    match d.store() {
        Ok(store) if store.prefix().is_empty() => store.location().to_string(),
        Ok(store) => format!("{} prefix {}", store.location(), store.prefix()),
        Err(e) => format!("{e:#}"),
    }
}

async fn delete(args: DeleteArgs, global: &GlobalArgs) -> Result<()> {
    let cluster = connect(&global.cluster_options()).await?;
    let store = ProfileStore::open(&cluster).await?;
    let mut failed = false;
    for reference in &args.names {
        let (namespace, name) = split_reference(reference, &cluster.namespace);
        let Some(stored) = store.get(&namespace, &name).await? else {
            if args.ignore_not_found {
                continue;
            }
            eprintln!("error: profile {namespace}/{name} not found");
            failed = true;
            continue;
        };
        store.delete(&stored).await?;
        write_stdout(&format!("{} deleted\n", name_of(&stored)))?;
        if !args.keep_secret
            && let Some(secret) = delete_owned_secret(&store, &stored).await?
        {
            write_stdout(&format!("secret/{secret} deleted\n"))?;
        }
    }
    if failed {
        return Err(AlreadyReported.into());
    }
    Ok(())
}

/// Delete the profile's credential Secret if kubectl-backup created it and no other profile in
/// the namespace still refers to it.
async fn delete_owned_secret(
    store: &ProfileStore<'_>,
    stored: &StoredProfile,
) -> Result<Option<String>> {
    use crate::profile::store::{MANAGED_BY, MANAGED_BY_LABEL};
    use k8s_openapi::api::core::v1::Secret;
    let c = &stored.profile.credential;
    let Some(reference) = c.key_pair.as_ref().map(|k| &k.secret).or(c.secret.as_ref()) else {
        return Ok(None);
    };
    let namespace = if reference.namespace.is_empty() {
        stored.namespace()
    } else {
        &reference.namespace
    };
    let cluster = store.cluster();
    let api: kube::Api<Secret> = kube::Api::namespaced(cluster.client.clone(), namespace);
    let Some(secret) = api.get_opt(&reference.name).await.ok().flatten() else {
        return Ok(None);
    };
    let ours = secret
        .metadata
        .labels
        .as_ref()
        .and_then(|l| l.get(MANAGED_BY_LABEL))
        .is_some_and(|v| v == MANAGED_BY);
    if !ours {
        return Ok(None);
    }
    let still_used = store.list(Some(namespace)).await?.iter().any(|other| {
        let oc = &other.profile.credential;
        oc.key_pair
            .as_ref()
            .map(|k| &k.secret)
            .or(oc.secret.as_ref())
            .is_some_and(|r| r.name == reference.name)
    });
    if still_used {
        return Ok(None);
    }
    match api.delete(&reference.name, &Default::default()).await {
        Ok(_) => Ok(Some(reference.name.clone())),
        Err(e) if crate::kube::is_not_found(&e) => Ok(None),
        Err(e) => Err(anyhow!(
            "cannot delete credential Secret {namespace}/{}: {}",
            reference.name,
            crate::kube::describe_error(&cluster.server, &e)
        )),
    }
}

async fn validate_command(args: ValidateArgs, global: &GlobalArgs) -> Result<()> {
    let request = DestinationRequest::from_flags(args.name.as_deref(), args.location.as_deref())?;
    let cluster = if request.needs_cluster() {
        Some(connect(&global.cluster_options()).await?)
    } else {
        None
    };
    let print_ok = |p: Passed| {
        let _ = write_stdout(&format!("ok    {:<22}{}\n", p.check, p.detail));
    };
    let what = match &request {
        DestinationRequest::Profile(r) => {
            let default_ns = cluster.as_ref().map_or("", |c| c.namespace.as_str());
            let (ns, name) = split_reference(r, default_ns);
            format!("profile {ns}/{name}")
        }
        DestinationRequest::Location(r) => format!("location {r}"),
        DestinationRequest::Default => "the local default".into(),
    };
    // A missing profile is not a failed check: it is an ordinary error.
    let destination = match &request {
        DestinationRequest::Profile(reference) => {
            let cluster = cluster.as_ref().expect("connected above");
            let stored = require(cluster, reference).await?;
            destination::from_profile(cluster, &stored).await
        }
        _ => destination::resolve(cluster.as_ref(), &request).await,
    };
    let destination = match destination {
        Ok(d) => d,
        Err(e) => {
            let failed = Failed::new(validate::CREDENTIALS_RESOLVE, format!("{e:#}"));
            return report_failure(&what, &failed);
        }
    };
    print_ok(Passed {
        check: validate::CREDENTIALS_RESOLVE,
        detail: destination.credentials_source.clone(),
    });
    match validate::check_storage(&destination.storage, print_ok).await {
        Ok(()) => Ok(()),
        Err(failed) => report_failure(&destination.name, &failed),
    }
}

fn report_failure(what: &str, failed: &Failed) -> Result<()> {
    write_stdout(&format!("FAIL  {:<22}{}\n", failed.check, failed.message))?;
    eprintln!("error: {what}: {failed}");
    Err(AlreadyReported.into())
}
