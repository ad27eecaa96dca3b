//! Kubernetes' protobuf storage encoding, decoded without generated types: the `k8s\0`
//! envelope (`runtime.Unknown`), then the object through the field table in
//! [`super::k8s_schema`] (every built-in kind), with the API's JSON spellings of the well-known
//! types (times, quantities, int-or-string). Fields the table does not know are dumped by number.

use base64::Engine;
use serde_json::{Map, Value as Json, json};

use super::k8s_schema::{self, Field, Type};
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

/// Options for decoding.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecodeOptions {
    /// Print Secret data (base64) instead of redacting it.
    pub show_secrets: bool,
}

/// The object in an envelope as JSON: `apiVersion`, `kind`, then its fields. Kinds missing from
/// the schema table still get `metadata` decoded; their other fields are dumped by number.
pub fn decode_object(envelope: &Envelope<'_>, options: DecodeOptions) -> Result<Json, WireError> {
    let type_name = k8s_schema::type_name(envelope.api_version, envelope.kind);
    let decoder = Decoder {
        options,
        secret: envelope.kind == "Secret" && envelope.api_version == "v1",
    };
    let mut object = Map::new();
    object.insert("apiVersion".into(), json!(envelope.api_version));
    object.insert("kind".into(), json!(envelope.kind));
    let fields = match k8s_schema::message(&type_name) {
        Some(fields) => fields.as_slice(),
        None => OBJECT_WITH_METADATA.get_or_init(|| {
            vec![Field {
                number: 1,
                name: "metadata",
                repeated: false,
                ty: Type::Message(OBJECT_META),
            }]
        }),
    };
    decoder.message_into(&mut object, envelope.raw, fields)?;
    Ok(Json::Object(object))
}

static OBJECT_WITH_METADATA: std::sync::OnceLock<Vec<Field>> = std::sync::OnceLock::new();
const OBJECT_META: &str = "meta.v1.ObjectMeta";

/// Just `metadata`, the cheap path for listings.
pub fn decode_metadata(raw: &[u8]) -> Result<Json, WireError> {
    let decoder = Decoder {
        options: DecodeOptions::default(),
        secret: false,
    };
    for field in fields(raw) {
        if let (1, Value::Bytes(meta)) = field? {
            return decoder.typed(Type::Message(OBJECT_META), Value::Bytes(meta), "metadata");
        }
    }
    Ok(Json::Object(Map::new()))
}

struct Decoder {
    options: DecodeOptions,
    /// Decoding a core/v1 Secret: its `data` and `stringData` are redacted unless asked.
    secret: bool,
}

impl Decoder {
    fn message(&self, name: &str, buf: &[u8]) -> Result<Json, WireError> {
        // Well-known types print as the API prints them, not as their protobuf shape.
        match name {
            "meta.v1.Time" | "meta.v1.MicroTime" => return time(buf),
            "resource.Quantity" => return Ok(first_string(buf)?.map_or(Json::Null, Json::String)),
            "intstr.IntOrString" => return int_or_string(buf),
            "meta.v1.Duration" => {
                for f in fields(buf) {
                    if let (1, Value::Varint(nanos)) = f? {
                        return Ok(json!(crate::duration::format_go_duration(
                            std::time::Duration::from_nanos(nanos)
                        )));
                    }
                }
                return Ok(json!("0s"));
            }
            "runtime.RawExtension" => {
                for f in fields(buf) {
                    if let (1, Value::Bytes(raw)) = f? {
                        return Ok(
                            serde_json::from_slice(raw).unwrap_or_else(|_| generic_bytes(raw))
                        );
                    }
                }
                return Ok(Json::Null);
            }
            _ => {}
        }
        let mut out = Map::new();
        match k8s_schema::message(name) {
            Some(schema) => self.message_into(&mut out, buf, schema)?,
            None => {
                for f in fields(buf) {
                    let (number, value) = f?;
                    push(&mut out, number.to_string(), generic(value), true);
                }
            }
        }
        Ok(Json::Object(out))
    }

    fn message_into(
        &self,
        out: &mut Map<String, Json>,
        buf: &[u8],
        schema: &[Field],
    ) -> Result<(), WireError> {
        let mut unknown: Map<String, Json> = Map::new();
        for field in fields(buf) {
            let (number, value) = field?;
            let Some(def) = schema.iter().find(|f| f.number == number) else {
                push(&mut unknown, number.to_string(), generic(value), true);
                continue;
            };
            // managedFields is bookkeeping kubectl hides by default; so do we.
            if def.name == "managedFields"
                && matches!(def.ty, Type::Message("meta.v1.ManagedFieldsEntry"))
            {
                continue;
            }
            let decoded = self.typed(def.ty, value, def.name)?;
            match out.get_mut(def.name) {
                Some(Json::Array(items)) if def.repeated => items.push(decoded),
                Some(Json::Object(map)) if is_map(def.ty) => {
                    if let Json::Object(more) = decoded {
                        map.extend(more);
                    }
                }
                _ if def.repeated => {
                    out.insert(def.name.to_string(), Json::Array(vec![decoded]));
                }
                _ => {
                    // gogo-protobuf writes empty optional strings; the JSON API omits them.
                    if decoded != json!("") {
                        out.insert(def.name.to_string(), decoded);
                    }
                }
            }
        }
        for (name, value) in unknown {
            out.insert(name, value);
        }
        Ok(())
    }

    fn typed(&self, ty: Type, value: Value<'_>, name: &str) -> Result<Json, WireError> {
        Ok(match (ty, value) {
            (Type::Str, Value::Bytes(b)) => json!(String::from_utf8_lossy(b)),
            (Type::Int, Value::Varint(v)) => json!(v as i64),
            (Type::Bool, Value::Varint(v)) => json!(v != 0),
            (Type::Double, Value::Fixed64(v)) => json!(f64::from_bits(v)),
            (Type::Bytes, Value::Bytes(b)) => {
                json!(base64::engine::general_purpose::STANDARD.encode(b))
            }
            (Type::Message(m), Value::Bytes(b)) => self.message(m, b)?,
            (Type::StringMap | Type::BytesMap | Type::MessageMap(_), Value::Bytes(entry)) => {
                let (mut key, mut val): (&[u8], &[u8]) = (b"", b"");
                for f in fields(entry) {
                    match f? {
                        (1, Value::Bytes(k)) => key = k,
                        (2, Value::Bytes(v)) => val = v,
                        _ => {}
                    }
                }
                let redact = self.secret
                    && !self.options.show_secrets
                    && matches!(name, "data" | "stringData");
                let shown = match ty {
                    _ if redact => json!(format!(
                        "<redacted: {} bytes; --show-secrets to reveal>",
                        val.len()
                    )),
                    Type::StringMap => json!(String::from_utf8_lossy(val)),
                    Type::MessageMap(m) => self.message(m, val)?,
                    _ => json!(base64::engine::general_purpose::STANDARD.encode(val)),
                };
                let mut map = Map::new();
                map.insert(String::from_utf8_lossy(key).into_owned(), shown);
                Json::Object(map)
            }
            (_, other) => generic(other),
        })
    }
}

fn is_map(ty: Type) -> bool {
    matches!(ty, Type::StringMap | Type::BytesMap | Type::MessageMap(_))
}

fn first_string(buf: &[u8]) -> Result<Option<String>, WireError> {
    for f in fields(buf) {
        if let (1, Value::Bytes(s)) = f? {
            return Ok(Some(String::from_utf8_lossy(s).into_owned()));
        }
    }
    Ok(None)
}

fn int_or_string(buf: &[u8]) -> Result<Json, WireError> {
    let (mut kind, mut int, mut string) = (0u64, 0i64, String::new());
    for f in fields(buf) {
        match f? {
            (1, Value::Varint(k)) => kind = k,
            (2, Value::Varint(i)) => int = i as i64,
            (3, Value::Bytes(s)) => string = String::from_utf8_lossy(s).into_owned(),
            _ => {}
        }
    }
    Ok(if kind == 1 {
        json!(string)
    } else {
        json!(int as i32)
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
    if seconds == 0 && nanos == 0 {
        return Ok(Json::Null); // Go's zero time, which the JSON API prints as null
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

        // A Deployment, through the generated table, with the well-known types.
        let mut port = bytes_field(1, b"http");
        port.extend(varint_field(3, 80));
        let quantity = bytes_field(1, b"500m");
        let mut container = bytes_field(1, b"web");
        container.extend(bytes_field(2, b"nginx:1.27"));
        container.extend(bytes_field(6, &port));
        container.extend(bytes_field(8, &map_entry(1, "cpu", &quantity)));
        let mut template = bytes_field(1, &meta("", ""));
        template.extend(bytes_field(2, &bytes_field(2, &container)));
        let mut max_unavailable = varint_field(1, 1);
        max_unavailable.extend(bytes_field(3, b"25%"));
        let mut strategy = bytes_field(1, b"RollingUpdate");
        strategy.extend(bytes_field(2, &bytes_field(1, &max_unavailable)));
        let mut spec = varint_field(1, 0);
        spec.extend(bytes_field(2, &map_entry(1, "app", b"web")));
        spec.extend(bytes_field(3, &template));
        spec.extend(bytes_field(4, &strategy));
        spec.extend(bytes_field(99, b"from a newer release"));
        let mut raw = bytes_field(1, &meta("web", "apps"));
        raw.extend(bytes_field(2, &spec));
        let object = decode_object(
            &Envelope::decode(&stored("apps/v1", "Deployment", &raw)).unwrap(),
            DecodeOptions::default(),
        )
        .unwrap();
        assert_eq!(object["metadata"]["name"], "web");
        assert_eq!(object["spec"]["replicas"], 0, "an explicit zero is kept");
        assert_eq!(
            object["spec"]["selector"],
            json!({"matchLabels": {"app": "web"}})
        );
        let c = &object["spec"]["template"]["spec"]["containers"][0];
        assert_eq!(c["image"], "nginx:1.27");
        assert_eq!(c["ports"], json!([{"name": "http", "containerPort": 80}]));
        assert_eq!(c["resources"], json!({"limits": {"cpu": "500m"}}));
        assert_eq!(
            object["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"],
            "25%"
        );
        assert_eq!(object["spec"]["99"], "from a newer release");
        assert!(
            object["spec"]["template"]["metadata"].get("name").is_none(),
            "empty strings omitted"
        );

        assert_eq!(decode_metadata(&raw).unwrap()["uid"], "uid-1");
    }
}
