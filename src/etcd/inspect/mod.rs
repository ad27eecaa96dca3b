//! What a snapshot holds, without restoring it: the latest live revision of every key under a
//! prefix, named the way Kubernetes stores objects (`/registry/<resource>/<ns>/<name>`), and
//! any one of them decoded (JSON as is, protobuf through [`super::k8s_proto`]).
//!
//! etcd's `key` bucket is ordered by revision, not by key, so the newest state of each key is
//! found with one pass and an index of borrowed slices into the memory map (no values copied).

pub mod crd;
pub mod diff;
pub mod for_apply;
pub mod live;
pub mod resources;
pub mod secrets;

use std::collections::BTreeMap;

use anyhow::{Context, Result, bail};
use serde::Serialize;
use serde_json::Value as Json;

use super::k8s_proto::{self, Envelope};
use crate::etcd::bbolt::Db;
use crate::etcd::protowire::KeyValue;
use crate::etcd::revision::{Revision, is_tombstone};

/// kube-apiserver's default `--etcd-prefix`.
pub const DEFAULT_ETCD_PREFIX: &str = "/registry";

/// The newest live state of every key that starts with `prefix`, as of `at_revision` (default:
/// the snapshot's last revision), in key order.
pub fn latest<'a>(
    db: &'a Db,
    prefix: &[u8],
    at_revision: Option<i64>,
) -> Result<BTreeMap<&'a [u8], KeyValue<'a>>> {
    let Some(bucket) = db.bucket(b"key")? else {
        bail!("no `key` bucket: this is not an etcd v3 database");
    };
    if let Some(at) = at_revision {
        let compacted = compacted_revision(db)?;
        if at < compacted {
            bail!(
                "revision {at} was compacted away (the snapshot keeps history from revision \
                 {compacted} on); pick a revision >= {compacted}"
            );
        }
    }
    let mut live: BTreeMap<&[u8], KeyValue> = BTreeMap::new();
    for entry in bucket.iter() {
        let entry = entry?;
        let Some(revision) = Revision::decode(entry.key) else {
            continue;
        };
        if at_revision.is_some_and(|at| revision.main > at) {
            break;
        }
        let kv = KeyValue::decode(entry.value).with_context(|| {
            format!(
                "revision {}/{} holds a malformed KeyValue",
                revision.main, revision.sub
            )
        })?;
        if !kv.key.starts_with(prefix) {
            continue;
        }
        if is_tombstone(entry.key) {
            live.remove(kv.key);
        } else {
            live.insert(kv.key, kv);
        }
    }
    Ok(live)
}

/// `meta/finishedCompactRev`: revisions below it may be missing.
pub fn compacted_revision(db: &Db) -> Result<i64> {
    let Some(meta) = db.bucket(b"meta")? else {
        return Ok(0);
    };
    Ok(meta
        .get(b"finishedCompactRev")?
        .and_then(|e| Revision::decode(e.value))
        .map_or(0, |r| r.main))
}

/// Where an object sits, read from its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyInfo {
    /// Plural resource name as kubectl spells it (`deployments`, `certificates.cert-manager.io`).
    pub resource: String,
    pub namespace: Option<String>,
    pub name: String,
}

/// Keys that history named differently from the resource.
const HISTORICAL: &[(&str, &str)] = &[
    ("minions", "nodes"),
    ("controllers", "replicationcontrollers"),
    ("ingress", "ingresses"),
    ("serviceips", "serviceips"),
];

/// Parses `<prefix>/<resource>/[<ns>/]<name>` and its variants (`<group>/<plural>/…`,
/// `services/specs/…`, `services/endpoints/…`).
pub fn parse_key(key: &str, etcd_prefix: &str) -> Option<KeyInfo> {
    let rest = key
        .strip_prefix(etcd_prefix.trim_end_matches('/'))?
        .strip_prefix('/')?;
    let parts: Vec<&str> = rest.split('/').collect();
    let (resource, rest) = match parts.as_slice() {
        ["services", "specs", rest @ ..] => ("services".to_string(), rest),
        ["services", "endpoints", rest @ ..] => ("endpoints".to_string(), rest),
        [group, plural, rest @ ..] if group.contains('.') && !rest.is_empty() => {
            (format!("{plural}.{group}"), rest)
        }
        [resource, rest @ ..] => {
            let resource = HISTORICAL
                .iter()
                .find(|(stored, _)| stored == resource)
                .map_or(*resource, |(_, real)| *real);
            (resource.to_string(), rest)
        }
        [] => return None,
    };
    let (namespace, name) = match rest {
        [] => (None, String::new()),
        [name] => (None, name.to_string()),
        [namespace, name] => (Some(namespace.to_string()), name.to_string()),
        more => (None, more.join("/")),
    };
    Some(KeyInfo {
        resource,
        namespace,
        name,
    })
}

/// Candidate keys for what a user typed: a full key (`/registry/pods/ns/x`), or
/// `<resource>[.<group>]/[<ns>/]<name>` relative to the prefix, including historical spellings.
pub fn candidate_keys(reference: &str, etcd_prefix: &str) -> Vec<String> {
    if reference.starts_with('/') {
        return vec![reference.to_string()];
    }
    let prefix = etcd_prefix.trim_end_matches('/');
    let Some((resource, rest)) = reference.split_once('/') else {
        return vec![format!("{prefix}/{reference}")];
    };
    let mut stored: Vec<String> = match resource.split_once('.') {
        Some((plural, group)) => vec![format!("{group}/{plural}"), resource.to_string()],
        None => vec![resource.to_string()],
    };
    let plural = resource.split('.').next().unwrap_or(resource);
    match plural {
        "services" | "service" | "svc" => stored.push("services/specs".into()),
        "endpoints" | "ep" => stored.push("services/endpoints".into()),
        "nodes" | "node" | "no" => stored.push("minions".into()),
        "replicationcontrollers" | "rc" => stored.push("controllers".into()),
        "ingresses" | "ing" => stored.push("ingress".into()),
        _ if !plural.ends_with('s') => stored.push(format!("{plural}s")),
        _ => {}
    }
    stored
        .into_iter()
        .map(|s| format!("{prefix}/{s}/{rest}"))
        .collect()
}

/// How a value is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Encoding {
    Protobuf,
    Json,
    Cbor,
    /// Encrypted at rest; the string is the provider prefix, e.g. `k8s:enc:aescbc:v1:key1`.
    Encrypted(String),
    Other,
}

impl Encoding {
    pub fn sniff(value: &[u8]) -> Encoding {
        if value.starts_with(k8s_proto::MAGIC) {
            Encoding::Protobuf
        } else if value.starts_with(b"k8s:enc:") {
            // `k8s:enc:<provider>:v1:<key name>:` (kms: `k8s:enc:kms:v2:<plugin>:`).
            let head = &value[..value.len().min(128)];
            let end = head
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b':')
                .nth(4)
                .map_or(head.len(), |(i, _)| i);
            Encoding::Encrypted(String::from_utf8_lossy(&head[..end]).into_owned())
        } else if value.first() == Some(&b'{') {
            Encoding::Json
        } else if value.starts_with(&[0xd9, 0xd9, 0xf7]) {
            Encoding::Cbor
        } else {
            Encoding::Other
        }
    }

    pub fn label(&self) -> &str {
        match self {
            Encoding::Protobuf => "protobuf",
            Encoding::Json => "json",
            Encoding::Cbor => "cbor",
            Encoding::Encrypted(_) => "encrypted",
            Encoding::Other => "other",
        }
    }
}

/// One row of an inventory.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listed {
    pub key: String,
    pub resource: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    pub name: String,
    /// The revision that last modified the object (its resourceVersion).
    pub revision: i64,
    pub create_revision: i64,
    pub version: i64,
    #[serde(skip_serializing_if = "is_zero")]
    pub lease: i64,
    pub encoding: String,
    pub api_version: String,
    pub kind: String,
    pub size: usize,
}

fn is_zero(v: &i64) -> bool {
    *v == 0
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct TypeMeta {
    #[serde(default)]
    api_version: String,
    #[serde(default)]
    kind: String,
}

pub fn describe(kv: &KeyValue<'_>, etcd_prefix: &str) -> Listed {
    let key = String::from_utf8_lossy(kv.key).into_owned();
    let info = parse_key(&key, etcd_prefix).unwrap_or(KeyInfo {
        resource: String::new(),
        namespace: None,
        name: key.clone(),
    });
    let encoding = Encoding::sniff(kv.value);
    let (api_version, kind) = match &encoding {
        Encoding::Protobuf => Envelope::decode(kv.value)
            .map(|e| (e.api_version.to_string(), e.kind.to_string()))
            .unwrap_or_default(),
        Encoding::Json => serde_json::from_slice::<TypeMeta>(kv.value)
            .map(|t| (t.api_version, t.kind))
            .unwrap_or_default(),
        _ => Default::default(),
    };
    Listed {
        key,
        resource: info.resource,
        namespace: info.namespace,
        name: info.name,
        revision: kv.mod_revision,
        create_revision: kv.create_revision,
        version: kv.version,
        lease: kv.lease,
        encoding: encoding.label().to_string(),
        api_version,
        kind,
        size: kv.value.len(),
    }
}

/// How `decode` prints an object.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecodeOptions {
    /// Print Secret values (redacted by default, wherever they appear).
    pub show_secrets: bool,
    /// Keep `metadata.managedFields`, which kubectl hides unless `--show-managed-fields`.
    pub show_managed_fields: bool,
    /// Strip what the server sets, for `kubectl apply`/`create` (see [`for_apply`]).
    pub for_apply: bool,
}

/// The stored object as the API would serve it (resourceVersion = its mod revision).
pub fn decode(kv: &KeyValue<'_>, options: DecodeOptions) -> Result<Json> {
    let key = String::from_utf8_lossy(kv.key);
    let mut object = match Encoding::sniff(kv.value) {
        Encoding::Json => serde_json::from_slice::<Json>(kv.value)
            .with_context(|| format!("{key} holds malformed JSON"))?,
        Encoding::Protobuf => {
            let envelope = Envelope::decode(kv.value)
                .with_context(|| format!("{key} holds a malformed protobuf envelope"))?;
            k8s_proto::decode_object(&envelope)
                .with_context(|| format!("{key} holds a malformed {} object", envelope.kind))?
        }
        Encoding::Encrypted(provider) => bail!(
            "{key} is encrypted at rest ({provider}): it cannot be decoded without the API \
             server's encryption key; restore the snapshot into a cluster configured with that \
             key to read it"
        ),
        Encoding::Cbor => bail!("{key} is stored as CBOR, which this version cannot decode yet"),
        Encoding::Other => {
            return Ok(Json::String(String::from_utf8_lossy(kv.value).into_owned()));
        }
    };
    if crd::is_stored_v1beta1(&object) {
        crd::to_v1(&mut object);
    }
    served_defaults(&mut object);
    if let Some(meta) = object.get_mut("metadata").and_then(Json::as_object_mut) {
        meta.insert(
            "resourceVersion".into(),
            Json::String(kv.mod_revision.to_string()),
        );
        if !options.show_managed_fields {
            meta.remove("managedFields");
        }
    }
    if options.for_apply {
        if secrets::is_secret(&object) && !options.show_secrets {
            bail!(
                "{key} is a Secret: --for-apply would print its values redacted, which \
                 cannot be applied; add --show-secrets to print them"
            );
        }
        for_apply::strip(&mut object);
    }
    if !options.show_secrets {
        secrets::redact(&mut object);
    }
    Ok(object)
}

/// Defaults the API server applies to every object it reads from etcd (its defaulting
/// functions run on decode, so they fill what was stored empty): the phase of claims, volumes
/// and namespaces, and the type of a StatefulSet's claim templates (whose own phase is not
/// defaulted).
fn served_defaults(object: &mut Json) {
    let kind = object
        .get("kind")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_string();
    let default_phase = match &*kind {
        "PersistentVolumeClaim" | "PersistentVolume" => Some("Pending"),
        "Namespace" => Some("Active"),
        _ => None,
    };
    if let (Some(phase), Some(top)) = (default_phase, object.as_object_mut()) {
        let status = top
            .entry("status")
            .or_insert_with(|| Json::Object(Default::default()));
        if let Some(status) = status.as_object_mut()
            && status
                .get("phase")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .is_empty()
        {
            status.insert("phase".into(), Json::String(phase.into()));
        }
    }
    if kind != "StatefulSet" {
        return;
    }
    let Some(templates) = object
        .pointer_mut("/spec/volumeClaimTemplates")
        .and_then(Json::as_array_mut)
    else {
        return;
    };
    for template in templates.iter_mut().filter_map(Json::as_object_mut) {
        template
            .entry("apiVersion")
            .or_insert_with(|| Json::String("v1".into()));
        template
            .entry("kind")
            .or_insert_with(|| Json::String("PersistentVolumeClaim".into()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(resource: &str, namespace: Option<&str>, name: &str) -> Option<KeyInfo> {
        Some(KeyInfo {
            resource: resource.into(),
            namespace: namespace.map(Into::into),
            name: name.into(),
        })
    }

    #[test]
    fn parses_kubernetes_keys() {
        let p = DEFAULT_ETCD_PREFIX;
        assert_eq!(
            parse_key("/registry/pods/default/web-0", p),
            info("pods", Some("default"), "web-0")
        );
        assert_eq!(
            parse_key("/registry/clusterroles/admin", p),
            info("clusterroles", None, "admin")
        );
        assert_eq!(
            parse_key("/registry/services/specs/ns/api", p),
            info("services", Some("ns"), "api")
        );
        assert_eq!(
            parse_key("/registry/services/endpoints/ns/api", p),
            info("endpoints", Some("ns"), "api")
        );
        assert_eq!(
            parse_key("/registry/minions/node-1", p),
            info("nodes", None, "node-1")
        );
        assert_eq!(
            parse_key("/registry/cert-manager.io/certificates/ns/x", p),
            info("certificates.cert-manager.io", Some("ns"), "x")
        );
        assert_eq!(
            parse_key("/registry/apiregistration.k8s.io/apiservices/v1.apps", p),
            info("apiservices.apiregistration.k8s.io", None, "v1.apps")
        );
        assert_eq!(
            parse_key(
                "/registry/apiextensions.k8s.io/customresourcedefinitions/widgets.example.com",
                p
            ),
            info(
                "customresourcedefinitions.apiextensions.k8s.io",
                None,
                "widgets.example.com"
            )
        );
        assert_eq!(parse_key("compact_rev_key", p), None);
        assert_eq!(parse_key("/registryx/pods/a", p), None);
        assert_eq!(
            parse_key("/custom/pods/ns/a", "/custom/"),
            info("pods", Some("ns"), "a")
        );
    }

    #[test]
    fn candidate_keys_cover_historical_names() {
        let p = DEFAULT_ETCD_PREFIX;
        assert_eq!(
            candidate_keys("/registry/pods/a/b", p),
            ["/registry/pods/a/b"]
        );
        assert!(
            candidate_keys("services/ns/api", p)
                .contains(&"/registry/services/specs/ns/api".to_string())
        );
        assert!(candidate_keys("pod/ns/web", p).contains(&"/registry/pods/ns/web".to_string()));
        assert_eq!(
            candidate_keys("certificates.cert-manager.io/ns/x", p)[0],
            "/registry/cert-manager.io/certificates/ns/x"
        );
    }

    #[test]
    fn sniffs_encodings() {
        assert_eq!(Encoding::sniff(b"k8s\0\x0a"), Encoding::Protobuf);
        assert_eq!(Encoding::sniff(b"{\"kind\":\"X\"}"), Encoding::Json);
        assert_eq!(
            Encoding::sniff(b"k8s:enc:aescbc:v1:key1:\x01\x02secret"),
            Encoding::Encrypted("k8s:enc:aescbc:v1:key1".into())
        );
        assert_eq!(
            Encoding::sniff(b"k8s:enc:kms:v2:provider:\x00..."),
            Encoding::Encrypted("k8s:enc:kms:v2:provider".into())
        );
        assert_eq!(Encoding::sniff(&[0xd9, 0xd9, 0xf7, 0xa1]), Encoding::Cbor);
    }

    #[test]
    fn encrypted_values_are_explained_not_dumped() {
        let kv = KeyValue {
            key: b"/registry/secrets/ns/s",
            value: b"k8s:enc:aescbc:v1:key1:\x99\x98",
            ..Default::default()
        };
        let err = decode(&kv, DecodeOptions::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("encrypted at rest (k8s:enc:aescbc:v1:key1)"),
            "{err}"
        );
    }

    #[test]
    fn latest_state_of_the_fixture() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/etcd/small-3.4.db");
        let db = Db::open(path).unwrap();
        // 300 config maps written, 20 deleted.
        let live = latest(&db, b"/registry/configmaps/", None).unwrap();
        assert_eq!(live.len(), 280);
        assert!(!live.contains_key(&b"/registry/configmaps/ns-1/cm-1"[..]));
        assert!(live.contains_key(&b"/registry/configmaps/ns-0/cm-21"[..]));
        // Before the deletes, all 300 existed.
        let before = latest(&db, b"/registry/configmaps/", Some(301)).unwrap();
        assert_eq!(before.len(), 300);
        let events = latest(&db, b"/registry/events/", None).unwrap();
        let event = events.values().next().unwrap();
        assert_ne!(event.lease, 0, "the event was written with a lease");
    }
}
