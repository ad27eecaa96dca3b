//! Kubernetes' protobuf storage encoding, decoded without generated types: the `k8s\0`
//! envelope (`runtime.Unknown`), `ObjectMeta` in full, a handful of simple kinds field by field
//! (ConfigMap, Secret, RBAC, Lease, Namespace, ServiceAccount), and everything else as a generic
//! dump keyed by field number. Field numbers come from k8s.io/api's `generated.proto`.

use base64::Engine;
use serde_json::{Map, Value as Json, json};

use super::protowire::{Value, WireError, fields, is_message};

/// The four bytes every protobuf-encoded object starts with in etcd.
pub const MAGIC: &[u8] = b"k8s\0";

/// `runtime.Unknown`: type information plus the object's own protobuf bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Envelope<'a> {
    pub api_version: &'a str,
    pub kind: &'a str,
    pub raw: &'a [u8],
}

impl<'a> Envelope<'a> {
    /// Decodes a stored value that starts with [`MAGIC`].
    pub fn decode(value: &'a [u8]) -> Result<Envelope<'a>, WireError> {
        let body = value.strip_prefix(MAGIC).ok_or(WireError {
            offset: 0,
            what: "missing the k8s\\0 prefix",
        })?;
        let mut envelope = Envelope::default();
        for field in fields(body) {
            match field? {
                (1, Value::Bytes(type_meta)) => {
                    for f in fields(type_meta) {
                        match f? {
                            (1, Value::Bytes(v)) => envelope.api_version = text(v),
                            (2, Value::Bytes(k)) => envelope.kind = text(k),
                            _ => {}
                        }
                    }
                }
                (2, Value::Bytes(raw)) => envelope.raw = raw,
                _ => {}
            }
        }
        Ok(envelope)
    }
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or("")
}

/// How a field's bytes are to be read.
#[derive(Clone, Copy)]
enum Kind {
    Str,
    Int,
    Bool,
    /// `metav1.Time` / `MicroTime`: seconds and nanos, printed as RFC 3339.
    Time,
    Msg(&'static [Field]),
    /// `map<string,string>`: repeated `{1: key, 2: value}`.
    MapStr,
    /// `map<string,bytes>` holding Secret data: redacted unless asked.
    SecretData,
    /// `map<string,bytes>`, base64 like the API prints it.
    MapBytes,
    /// Unknown shape: generic dump.
    Any,
}

#[derive(Clone, Copy)]
struct Field {
    number: u32,
    name: &'static str,
    kind: Kind,
    repeated: bool,
}

const fn one(number: u32, name: &'static str, kind: Kind) -> Field {
    Field {
        number,
        name,
        kind,
        repeated: false,
    }
}

const fn many(number: u32, name: &'static str, kind: Kind) -> Field {
    Field {
        number,
        name,
        kind,
        repeated: true,
    }
}

const OWNER_REFERENCE: &[Field] = &[
    one(5, "apiVersion", Kind::Str),
    one(1, "kind", Kind::Str),
    one(3, "name", Kind::Str),
    one(4, "uid", Kind::Str),
    one(6, "controller", Kind::Bool),
    one(7, "blockOwnerDeletion", Kind::Bool),
];

/// `metav1.ObjectMeta` (managedFields, 17, is left out as kubectl does by default).
const OBJECT_META: &[Field] = &[
    one(1, "name", Kind::Str),
    one(2, "generateName", Kind::Str),
    one(3, "namespace", Kind::Str),
    one(4, "selfLink", Kind::Str),
    one(5, "uid", Kind::Str),
    one(6, "resourceVersion", Kind::Str),
    one(7, "generation", Kind::Int),
    one(8, "creationTimestamp", Kind::Time),
    one(9, "deletionTimestamp", Kind::Time),
    one(10, "deletionGracePeriodSeconds", Kind::Int),
    one(11, "labels", Kind::MapStr),
    one(12, "annotations", Kind::MapStr),
    many(13, "ownerReferences", Kind::Msg(OWNER_REFERENCE)),
    many(14, "finalizers", Kind::Str),
];

const METADATA: Field = one(1, "metadata", Kind::Msg(OBJECT_META));

const POLICY_RULE: &[Field] = &[
    many(2, "apiGroups", Kind::Str),
    many(3, "resources", Kind::Str),
    many(4, "resourceNames", Kind::Str),
    many(5, "nonResourceURLs", Kind::Str),
    many(1, "verbs", Kind::Str),
];
const SUBJECT: &[Field] = &[
    one(1, "kind", Kind::Str),
    one(2, "apiGroup", Kind::Str),
    one(3, "name", Kind::Str),
    one(4, "namespace", Kind::Str),
];
const ROLE_REF: &[Field] = &[
    one(1, "apiGroup", Kind::Str),
    one(2, "kind", Kind::Str),
    one(3, "name", Kind::Str),
];
const LEASE_SPEC: &[Field] = &[
    one(1, "holderIdentity", Kind::Str),
    one(2, "leaseDurationSeconds", Kind::Int),
    one(3, "acquireTime", Kind::Time),
    one(4, "renewTime", Kind::Time),
    one(5, "leaseTransitions", Kind::Int),
    one(6, "strategy", Kind::Str),
    one(7, "preferredHolder", Kind::Str),
];
const NAMESPACE_SPEC: &[Field] = &[many(1, "finalizers", Kind::Str)];
const NAMESPACE_STATUS: &[Field] = &[one(1, "phase", Kind::Str), many(2, "conditions", Kind::Any)];
const LOCAL_OBJECT_REFERENCE: &[Field] = &[one(1, "name", Kind::Str)];

/// The top-level fields of a kind.
fn top_level(kind: &str) -> Vec<Field> {
    let rest: &[Field] = match kind {
        "ConfigMap" => &[
            one(2, "data", Kind::MapStr),
            one(3, "binaryData", Kind::MapBytes),
            one(4, "immutable", Kind::Bool),
        ],
        "Secret" => &[
            one(3, "type", Kind::Str),
            one(2, "data", Kind::SecretData),
            one(5, "immutable", Kind::Bool),
        ],
        "Role" => &[many(2, "rules", Kind::Msg(POLICY_RULE))],
        "ClusterRole" => &[
            many(2, "rules", Kind::Msg(POLICY_RULE)),
            one(3, "aggregationRule", Kind::Any),
        ],
        "RoleBinding" | "ClusterRoleBinding" => &[
            many(2, "subjects", Kind::Msg(SUBJECT)),
            one(3, "roleRef", Kind::Msg(ROLE_REF)),
        ],
        "Lease" => &[one(2, "spec", Kind::Msg(LEASE_SPEC))],
        "Namespace" => &[
            one(2, "spec", Kind::Msg(NAMESPACE_SPEC)),
            one(3, "status", Kind::Msg(NAMESPACE_STATUS)),
        ],
        "ServiceAccount" => &[
            many(2, "secrets", Kind::Any),
            many(3, "imagePullSecrets", Kind::Msg(LOCAL_OBJECT_REFERENCE)),
            one(4, "automountServiceAccountToken", Kind::Bool),
        ],
        // Kinds whose fields 2 and 3 are spec and status (their insides are dumped generically).
        "Pod"
        | "Service"
        | "Node"
        | "PersistentVolume"
        | "PersistentVolumeClaim"
        | "ReplicationController"
        | "Deployment"
        | "StatefulSet"
        | "DaemonSet"
        | "ReplicaSet"
        | "Job"
        | "CronJob"
        | "HorizontalPodAutoscaler"
        | "Ingress"
        | "PodDisruptionBudget"
        | "NetworkPolicy"
        | "CertificateSigningRequest"
        | "ResourceQuota"
        | "LimitRange"
        | "VolumeAttachment"
        | "IngressClass"
        | "CSIDriver"
        | "CSINode"
        | "FlowSchema"
        | "PriorityLevelConfiguration"
        | "ValidatingAdmissionPolicy"
        | "ValidatingAdmissionPolicyBinding"
        | "ResourceClaim"
        | "DeviceClass" => &[one(2, "spec", Kind::Any), one(3, "status", Kind::Any)],
        _ => &[],
    };
    let mut all = vec![METADATA];
    all.extend_from_slice(rest);
    all
}

/// Options for decoding.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecodeOptions {
    /// Print Secret data (base64) instead of redacting it.
    pub show_secrets: bool,
}

/// The object in an envelope as JSON: `apiVersion`, `kind`, then its fields.
pub fn decode_object(envelope: &Envelope<'_>, options: DecodeOptions) -> Result<Json, WireError> {
    let mut object = Map::new();
    object.insert("apiVersion".into(), json!(envelope.api_version));
    object.insert("kind".into(), json!(envelope.kind));
    decode_into(
        &mut object,
        envelope.raw,
        &top_level(envelope.kind),
        options,
    )?;
    Ok(Json::Object(object))
}

/// Just `metadata`, the cheap path for listings.
pub fn decode_metadata(raw: &[u8]) -> Result<Json, WireError> {
    for field in fields(raw) {
        if let (1, Value::Bytes(meta)) = field? {
            let mut out = Map::new();
            decode_into(&mut out, meta, OBJECT_META, DecodeOptions::default())?;
            return Ok(Json::Object(out));
        }
    }
    Ok(Json::Object(Map::new()))
}

fn decode_into(
    out: &mut Map<String, Json>,
    buf: &[u8],
    schema: &[Field],
    options: DecodeOptions,
) -> Result<(), WireError> {
    // Schema order first (so `metadata` leads, as kubectl prints), then unknown fields.
    let mut known: Vec<(usize, Json)> = Vec::new();
    let mut unknown: Map<String, Json> = Map::new();
    for field in fields(buf) {
        let (number, value) = field?;
        let Some(index) = schema.iter().position(|f| f.number == number) else {
            push(&mut unknown, number.to_string(), generic(value), true);
            continue;
        };
        let def = schema[index];
        let decoded = typed(def.kind, value, options)?;
        if let Some(slot) = known.iter_mut().find(|(i, _)| *i == index) {
            merge(&mut slot.1, decoded, def);
        } else {
            let initial = if def.repeated {
                Json::Array(vec![decoded])
            } else {
                decoded
            };
            known.push((index, initial));
        }
    }
    known.sort_by_key(|(i, _)| *i);
    for (index, value) in known {
        out.insert(schema[index].name.to_string(), value);
    }
    for (name, value) in unknown {
        out.insert(name, value);
    }
    Ok(())
}

/// A repeated occurrence: arrays grow, maps gain entries, scalars keep the last value.
fn merge(slot: &mut Json, value: Json, def: Field) {
    match (slot, value) {
        (Json::Array(items), value) if def.repeated => items.push(value),
        (Json::Object(map), Json::Object(more))
            if matches!(def.kind, Kind::MapStr | Kind::MapBytes | Kind::SecretData) =>
        {
            map.extend(more)
        }
        (slot, value) => *slot = value,
    }
}

fn typed(kind: Kind, value: Value<'_>, options: DecodeOptions) -> Result<Json, WireError> {
    Ok(match (kind, value) {
        (Kind::Str, Value::Bytes(b)) => json!(String::from_utf8_lossy(b)),
        (Kind::Int, Value::Varint(v)) => json!(v as i64),
        (Kind::Bool, Value::Varint(v)) => json!(v != 0),
        (Kind::Time, Value::Bytes(b)) => time(b)?,
        (Kind::Msg(schema), Value::Bytes(b)) => {
            let mut out = Map::new();
            decode_into(&mut out, b, schema, options)?;
            Json::Object(out)
        }
        (Kind::MapStr | Kind::MapBytes | Kind::SecretData, Value::Bytes(entry)) => {
            let (mut key, mut val): (&[u8], &[u8]) = (b"", b"");
            for f in fields(entry) {
                match f? {
                    (1, Value::Bytes(k)) => key = k,
                    (2, Value::Bytes(v)) => val = v,
                    _ => {}
                }
            }
            let shown = match kind {
                Kind::MapStr => json!(String::from_utf8_lossy(val)),
                Kind::SecretData if !options.show_secrets => {
                    json!(format!(
                        "<redacted: {} bytes; --show-secrets to reveal>",
                        val.len()
                    ))
                }
                _ => json!(base64::engine::general_purpose::STANDARD.encode(val)),
            };
            let mut map = Map::new();
            map.insert(String::from_utf8_lossy(key).into_owned(), shown);
            Json::Object(map)
        }
        (_, other) => generic(other),
    })
}

fn time(buf: &[u8]) -> Result<Json, WireError> {
    let (mut seconds, mut nanos) = (0i64, 0u32);
    for f in fields(buf) {
        match f? {
            (1, Value::Varint(s)) => seconds = s as i64,
            (2, Value::Varint(n)) => nanos = n as u32,
            _ => {}
        }
    }
    Ok(match chrono::DateTime::from_timestamp(seconds, nanos) {
        Some(t) if nanos == 0 => json!(t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        Some(t) => json!(t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()),
        None => json!(seconds),
    })
}

fn push(out: &mut Map<String, Json>, name: String, value: Json, repeatable: bool) {
    match out.get_mut(&name) {
        Some(Json::Array(items)) if repeatable => items.push(value),
        Some(existing) if repeatable => {
            let first = existing.take();
            *existing = Json::Array(vec![first, value]);
        }
        _ => {
            out.insert(name, value);
        }
    }
}

/// Best-effort reading of a field whose schema we do not carry: nested messages become objects
/// keyed by field number, text stays text, other bytes become base64.
fn generic(value: Value<'_>) -> Json {
    match value {
        Value::Varint(v) => json!(v as i64),
        Value::Fixed64(v) => json!(f64::from_bits(v)),
        Value::Fixed32(v) => json!(f32::from_bits(v)),
        Value::Bytes(b) => generic_bytes(b),
    }
}

fn generic_bytes(b: &[u8]) -> Json {
    if b.is_empty() {
        return json!("");
    }
    // Nested messages almost always contain a length byte below 0x20; text almost never both
    // contains one and parses as a complete message.
    let looks_like_message = b.iter().any(|&c| c < 0x20) && is_message(b);
    if !looks_like_message
        && let Ok(s) = std::str::from_utf8(b)
        && !s
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        return json!(s);
    }
    if is_message(b) {
        let mut out = Map::new();
        for (number, value) in fields(b).flatten() {
            push(&mut out, number.to_string(), generic(value), true);
        }
        return Json::Object(out);
    }
    json!(base64::engine::general_purpose::STANDARD.encode(b))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A tiny protobuf writer for building fixtures.
    pub fn bytes_field(number: u32, data: &[u8]) -> Vec<u8> {
        let mut out = varint(u64::from(number) << 3 | 2);
        out.extend(varint(data.len() as u64));
        out.extend_from_slice(data);
        out
    }

    pub fn varint_field(number: u32, v: u64) -> Vec<u8> {
        let mut out = varint(u64::from(number) << 3);
        out.extend(varint(v));
        out
    }

    fn varint(mut v: u64) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(byte);
                return out;
            }
            out.push(byte | 0x80);
        }
    }

    pub fn map_entry(number: u32, key: &str, value: &[u8]) -> Vec<u8> {
        let mut entry = bytes_field(1, key.as_bytes());
        entry.extend(bytes_field(2, value));
        bytes_field(number, &entry)
    }

    /// A stored object: `k8s\0` + Unknown{typeMeta, raw}.
    pub fn stored(api_version: &str, kind: &str, raw: &[u8]) -> Vec<u8> {
        let mut type_meta = bytes_field(1, api_version.as_bytes());
        type_meta.extend(bytes_field(2, kind.as_bytes()));
        let mut out = MAGIC.to_vec();
        out.extend(bytes_field(1, &type_meta));
        out.extend(bytes_field(2, raw));
        out.extend(bytes_field(4, b"application/vnd.kubernetes.protobuf"));
        out
    }

    pub fn meta(name: &str, namespace: &str) -> Vec<u8> {
        let mut m = bytes_field(1, name.as_bytes());
        m.extend(bytes_field(3, namespace.as_bytes()));
        m.extend(bytes_field(5, b"uid-1"));
        let mut ts = varint_field(1, 1_700_000_000);
        ts.extend(varint_field(2, 0));
        m.extend(bytes_field(8, &ts));
        m.extend(map_entry(11, "app", b"web"));
        m.extend(map_entry(11, "tier", b"front"));
        m.extend(bytes_field(14, b"example.com/guard"));
        m
    }

    #[test]
    fn decodes_a_secret_redacted_by_default() {
        let mut raw = bytes_field(1, &meta("creds", "apps"));
        raw.extend(map_entry(2, "password", b"hunter2"));
        raw.extend(bytes_field(3, b"Opaque"));
        let value = stored("v1", "Secret", &raw);
        let envelope = Envelope::decode(&value).unwrap();
        assert_eq!((envelope.api_version, envelope.kind), ("v1", "Secret"));

        let object = decode_object(&envelope, DecodeOptions::default()).unwrap();
        assert_eq!(object["metadata"]["name"], "creds");
        assert_eq!(object["metadata"]["namespace"], "apps");
        assert_eq!(
            object["metadata"]["creationTimestamp"],
            "2023-11-14T22:13:20Z"
        );
        assert_eq!(
            object["metadata"]["labels"],
            json!({"app": "web", "tier": "front"})
        );
        assert_eq!(
            object["metadata"]["finalizers"],
            json!(["example.com/guard"])
        );
        assert_eq!(object["type"], "Opaque");
        let shown = object["data"]["password"].as_str().unwrap();
        assert!(
            !shown.contains("hunter2") && shown.contains("redacted"),
            "{shown}"
        );
        assert!(
            !object.to_string().contains("aHVudGVyMg"),
            "no base64 of the secret either"
        );

        let revealed = decode_object(&envelope, DecodeOptions { show_secrets: true }).unwrap();
        assert_eq!(revealed["data"]["password"], "aHVudGVyMg==");
    }

    #[test]
    fn config_maps_rbac_and_unknown_kinds() {
        let mut raw = bytes_field(1, &meta("settings", "apps"));
        raw.extend(map_entry(2, "a.conf", b"x=1\n"));
        raw.extend(map_entry(2, "b.conf", b"y=2\n"));
        let object = decode_object(
            &Envelope::decode(&stored("v1", "ConfigMap", &raw)).unwrap(),
            DecodeOptions::default(),
        )
        .unwrap();
        assert_eq!(
            object["data"],
            json!({"a.conf": "x=1\n", "b.conf": "y=2\n"})
        );

        let mut rule = bytes_field(1, b"get");
        rule.extend(bytes_field(1, b"list"));
        rule.extend(bytes_field(2, b""));
        rule.extend(bytes_field(3, b"pods"));
        let mut raw = bytes_field(1, &meta("reader", ""));
        raw.extend(bytes_field(2, &rule));
        let object = decode_object(
            &Envelope::decode(&stored("rbac.authorization.k8s.io/v1", "ClusterRole", &raw))
                .unwrap(),
            DecodeOptions::default(),
        )
        .unwrap();
        assert_eq!(
            object["rules"],
            json!([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"]}])
        );

        // A Deployment: metadata exact, spec/status dumped by field number.
        let mut spec = varint_field(1, 3);
        spec.extend(bytes_field(
            2,
            &bytes_field(2, &map_entry(1, "app", b"web")),
        ));
        let mut raw = bytes_field(1, &meta("web", "apps"));
        raw.extend(bytes_field(2, &spec));
        let object = decode_object(
            &Envelope::decode(&stored("apps/v1", "Deployment", &raw)).unwrap(),
            DecodeOptions::default(),
        )
        .unwrap();
        assert_eq!(object["metadata"]["name"], "web");
        assert_eq!(object["spec"]["1"], 3);
        assert_eq!(
            object["spec"]["2"]["2"]["1"],
            json!({"1": "app", "2": "web"})
        );

        assert_eq!(decode_metadata(&raw).unwrap()["uid"], "uid-1");
    }
}
