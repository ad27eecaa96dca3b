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

/// The object in an envelope as JSON, as the API server prints it: `apiVersion`, `kind`, then
/// its fields by Go's encoding/json rules for the Go type (see [`Decoder::struct_into`]). Kinds
/// missing from the schema table still get `metadata` decoded; their other fields are dumped by
/// number.
pub fn decode_object(envelope: &Envelope<'_>) -> Result<Json, WireError> {
    let type_name = k8s_schema::type_name(envelope.api_version, envelope.kind);
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
                inline: false,
                omit_empty: true,
                omit_zero: false,
                pointer: false,
            }]
        }),
    };
    Decoder.struct_into(&mut object, envelope.raw, fields)?;
    Ok(Json::Object(object))
}

static OBJECT_WITH_METADATA: std::sync::OnceLock<Vec<Field>> = std::sync::OnceLock::new();
const OBJECT_META: &str = "meta.v1.ObjectMeta";

/// Just `metadata`, the cheap path for listings.
pub fn decode_metadata(raw: &[u8]) -> Result<Json, WireError> {
    for field in fields(raw) {
        if let (1, Value::Bytes(meta)) = field? {
            return Decoder.message(OBJECT_META, meta);
        }
    }
    Ok(Json::Object(Map::new()))
}

struct Decoder;

impl Decoder {
    fn message(&self, name: &str, buf: &[u8]) -> Result<Json, WireError> {
        // Types with their own MarshalJSON print as the API prints them, not in their protobuf
        // shape.
        match name {
            "meta.v1.Time" => return time(buf, false),
            "meta.v1.MicroTime" => return time(buf, true),
            // Quantity's zero value marshals as "0".
            "resource.Quantity" => return Ok(json!(first_string(buf)?.unwrap_or("0".into()))),
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
            // Raw JSON bytes, printed as they are; no bytes marshal as null.
            "runtime.RawExtension"
            | "meta.v1.FieldsV1"
            | "apiextensions.v1.JSON"
            | "apiextensions.v1beta1.JSON" => {
                for f in fields(buf) {
                    if let (1, Value::Bytes(raw)) = f?
                        && !raw.is_empty()
                    {
                        return Ok(
                            serde_json::from_slice(raw).unwrap_or_else(|_| generic_bytes(raw))
                        );
                    }
                }
                return Ok(Json::Null);
            }
            _ => {}
        }
        if let Some(version) = name.strip_prefix("apiextensions.")
            && let Some(kind) = version.split_once('.').map(|(_, kind)| kind)
            && kind.starts_with("JSONSchemaPropsOr")
        {
            return self.json_schema_props_or(name, kind, buf);
        }
        let mut out = Map::new();
        match k8s_schema::message(name) {
            Some(schema) => self.struct_into(&mut out, buf, schema)?,
            None => {
                for f in fields(buf) {
                    let (number, value) = f?;
                    push(&mut out, number.to_string(), generic(value), true);
                }
            }
        }
        Ok(Json::Object(out))
    }

    /// The apiextensions unions (`JSONSchemaPropsOrBool`, `…OrArray`, `…OrStringArray`): one of
    /// their fields, unwrapped, as their MarshalJSON prints them.
    fn json_schema_props_or(&self, name: &str, kind: &str, buf: &[u8]) -> Result<Json, WireError> {
        let props = name.replace(kind, "JSONSchemaProps");
        let (mut schema, mut allows, mut list) = (None, false, Vec::new());
        for f in fields(buf) {
            match (kind, f?) {
                (_, (1, Value::Bytes(b))) if kind != "JSONSchemaPropsOrBool" => {
                    schema = Some(self.message(&props, b)?)
                }
                ("JSONSchemaPropsOrBool", (1, Value::Varint(v))) => allows = v != 0,
                ("JSONSchemaPropsOrBool", (2, Value::Bytes(b))) => {
                    schema = Some(self.message(&props, b)?)
                }
                ("JSONSchemaPropsOrArray", (2, Value::Bytes(b))) => {
                    list.push(self.message(&props, b)?)
                }
                ("JSONSchemaPropsOrStringArray", (2, Value::Bytes(b))) => {
                    list.push(json!(String::from_utf8_lossy(b)))
                }
                _ => {}
            }
        }
        Ok(match kind {
            "JSONSchemaPropsOrBool" => schema.unwrap_or(json!(allows)),
            _ if !list.is_empty() => Json::Array(list),
            _ => schema.unwrap_or(Json::Null),
        })
    }

    /// A Go struct's fields into `out`, by encoding/json's rules and the json tags in the
    /// table: every field of the Go type is considered, present on the wire or not (absent means
    /// the Go zero value, or nil for pointers, lists and maps); `,inline` structs print their
    /// fields in the parent; `omitempty` leaves out false, 0, "", nil and empty lists and maps,
    /// but never a struct; `omitzero` leaves out zero values. Fields the table does not know
    /// are dumped by number.
    fn struct_into(
        &self,
        out: &mut Map<String, Json>,
        buf: &[u8],
        schema: &[Field],
    ) -> Result<(), WireError> {
        let mut wire: Vec<(u32, Value<'_>)> = Vec::new();
        for field in fields(buf) {
            wire.push(field?);
        }
        for def in schema {
            let values: Vec<Value<'_>> = wire
                .iter()
                .filter(|(number, _)| *number == def.number)
                .map(|(_, value)| *value)
                .collect();
            if def.inline {
                if let Some(schema) = message_of(def.ty) {
                    let bytes = match values.last() {
                        Some(Value::Bytes(b)) => *b,
                        _ if def.pointer => continue,
                        _ => &[],
                    };
                    self.struct_into(out, bytes, schema)?;
                }
                continue;
            }
            if let Some(value) = self.field(def, &values)? {
                out.insert(def.name.to_string(), value);
            }
        }
        for (number, value) in wire {
            if !schema.iter().any(|f| f.number == number) {
                push(out, number.to_string(), generic(value), true);
            }
        }
        Ok(())
    }

    /// One field's JSON value, or `None` when its json tag leaves it out.
    fn field(&self, def: &Field, values: &[Value<'_>]) -> Result<Option<Json>, WireError> {
        if def.repeated {
            if values.is_empty() {
                // A nil slice or map: `null` unless omitempty.
                return Ok((!def.omit_empty).then_some(Json::Null));
            }
            if is_map(def.ty) {
                let mut map = Map::new();
                for value in values {
                    if let Json::Object(entry) = self.typed(def.ty, *value)? {
                        map.extend(entry);
                    }
                }
                return Ok(Some(Json::Object(map)));
            }
            let items = values
                .iter()
                .map(|value| self.typed(def.ty, *value))
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(Some(Json::Array(items)));
        }
        let Some(value) = values.last() else {
            // Absent: nil for pointers and []byte, else the Go zero value.
            if def.pointer || def.ty == Type::Bytes {
                return Ok((!def.omit_empty && !def.omit_zero).then_some(Json::Null));
            }
            let zero = match def.ty {
                Type::Str => json!(""),
                Type::Int => json!(0),
                Type::Bool => json!(false),
                Type::Double => json!(0.0),
                Type::Message(m) => self.message(m, &[])?,
                _ => Json::Null,
            };
            let omitted = def.omit_zero || (def.omit_empty && is_empty_scalar(&zero, def.ty));
            return Ok((!omitted).then_some(zero));
        };
        let decoded = self.typed(def.ty, *value)?;
        if def.pointer {
            return Ok(Some(decoded)); // a non-nil pointer is printed, even to a zero value
        }
        if def.omit_empty && is_empty_scalar(&decoded, def.ty) {
            return Ok(None);
        }
        if def.omit_zero && self.is_zero(def.ty, *value, &decoded)? {
            return Ok(None);
        }
        Ok(Some(decoded))
    }

    /// Go's zero value test for `omitzero`: `IsZero()` for times, else equal to the zero value.
    fn is_zero(&self, ty: Type, value: Value<'_>, decoded: &Json) -> Result<bool, WireError> {
        Ok(match ty {
            Type::Message("meta.v1.Time" | "meta.v1.MicroTime") => decoded.is_null(),
            Type::Message(m) => match value {
                Value::Bytes(b) => *decoded == self.message(m, &[])? || b.is_empty(),
                _ => false,
            },
            _ => is_empty_scalar(decoded, ty),
        })
    }

    fn typed(&self, ty: Type, value: Value<'_>) -> Result<Json, WireError> {
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
                let shown = match ty {
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

fn message_of(ty: Type) -> Option<&'static [Field]> {
    match ty {
        Type::Message(m) => k8s_schema::message(m).map(Vec::as_slice),
        _ => None,
    }
}

/// What `omitempty` leaves out: false, 0, "" and empty bytes (never a struct).
fn is_empty_scalar(value: &Json, ty: Type) -> bool {
    match ty {
        Type::Str | Type::Bytes => value.as_str() == Some(""),
        Type::Int | Type::Double => value.as_f64() == Some(0.0),
        Type::Bool => value.as_bool() == Some(false),
        _ => false,
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

/// `metav1.Time` prints RFC 3339 in whole seconds, `MicroTime` always with six digits; the zero
/// time prints as null.
fn time(buf: &[u8], micro: bool) -> Result<Json, WireError> {
    let (mut seconds, mut nanos) = (0i64, 0u32);
    for f in fields(buf) {
        match f? {
            (1, Value::Varint(s)) => seconds = s as i64,
            (2, Value::Varint(n)) => nanos = n as u32,
            _ => {}
        }
    }
    if seconds == 0 && nanos == 0 {
        return Ok(Json::Null);
    }
    Ok(match chrono::DateTime::from_timestamp(seconds, nanos) {
        Some(t) if micro => json!(t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()),
        Some(t) => json!(t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
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

    fn decode(api_version: &str, kind: &str, raw: &[u8]) -> Json {
        decode_object(&Envelope::decode(&stored(api_version, kind, raw)).unwrap()).unwrap()
    }

    #[test]
    fn decodes_a_secret_with_its_values() {
        let mut raw = bytes_field(1, &meta("creds", "apps"));
        raw.extend(map_entry(2, "password", b"hunter2"));
        raw.extend(bytes_field(3, b"Opaque"));
        let value = stored("v1", "Secret", &raw);
        let envelope = Envelope::decode(&value).unwrap();
        assert_eq!((envelope.api_version, envelope.kind), ("v1", "Secret"));
        let object = decode_object(&envelope).unwrap();
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
        // Redaction is the caller's (inspect::secrets), applied to every encoding alike.
        assert_eq!(object["data"]["password"], "aHVudGVyMg==");
        assert!(object.get("stringData").is_none() && object.get("immutable").is_none());
    }

    #[test]
    fn inline_structs_are_flattened() {
        // Pod spec: a volume (Volume{name, VolumeSource ",inline"}) and envFrom with a
        // ConfigMapEnvSource{LocalObjectReference ",inline"}.
        let secret_source = bytes_field(1, b"creds");
        let volume_source = bytes_field(6, &secret_source);
        let mut volume = bytes_field(1, b"data");
        volume.extend(bytes_field(2, &volume_source));
        let config_map_ref = bytes_field(1, &bytes_field(1, b"settings"));
        let env_from = bytes_field(2, &config_map_ref);
        let mut container = bytes_field(1, b"web");
        container.extend(bytes_field(2, b"nginx"));
        container.extend(bytes_field(19, &env_from));
        let mut spec = bytes_field(1, &volume);
        spec.extend(bytes_field(2, &container));
        let mut raw = bytes_field(1, &meta("web", "apps"));
        raw.extend(bytes_field(2, &spec));
        let pod = decode("v1", "Pod", &raw);
        assert_eq!(
            pod["spec"]["volumes"],
            json!([{"name": "data", "secret": {"secretName": "creds"}}])
        );
        assert_eq!(
            pod["spec"]["containers"][0]["envFrom"],
            json!([{"configMapRef": {"name": "settings"}}])
        );
        // Absent fields by their Go tags: omitempty scalars and nil pointers left out, structs
        // without omitempty printed as {}.
        let spec = pod["spec"].as_object().unwrap();
        for absent in [
            "hostNetwork",
            "nodeName",
            "restartPolicy",
            "terminationGracePeriodSeconds",
        ] {
            assert!(!spec.contains_key(absent), "{absent} in {spec:?}");
        }
        assert_eq!(pod["spec"]["containers"][0]["resources"], json!({}));
        assert_eq!(pod["status"], json!({}));
        assert!(pod["metadata"].get("generation").is_none());

        // A PersistentVolume's source and an Ingress rule's value are inline too.
        let host_path = bytes_field(1, b"/data");
        let mut pv_spec = map_entry(1, "storage", &bytes_field(1, b"1Gi"));
        pv_spec.extend(bytes_field(2, &bytes_field(3, &host_path)));
        let mut raw = bytes_field(1, &meta("pv1", ""));
        raw.extend(bytes_field(2, &pv_spec));
        let pv = decode("v1", "PersistentVolume", &raw);
        assert_eq!(pv["spec"]["hostPath"], json!({"path": "/data"}));
        assert_eq!(pv["spec"]["capacity"], json!({"storage": "1Gi"}));
        assert!(pv["spec"].get("persistentVolumeSource").is_none());
    }

    #[test]
    fn go_json_rules_for_zero_values() {
        // creationTimestamp is omitzero: a zero time in a template is left out.
        let mut template = bytes_field(1, &map_entry(11, "app", b"x"));
        template.extend(bytes_field(2, &bytes_field(2, &bytes_field(1, b"c"))));
        let mut spec = bytes_field(3, &template);
        spec.extend(varint_field(1, 0)); // replicas: a pointer set to 0 is printed
        let mut raw = bytes_field(1, &meta("web", "apps"));
        raw.extend(bytes_field(2, &spec));
        let deployment = decode("apps/v1", "Deployment", &raw);
        assert_eq!(
            deployment["spec"]["template"]["metadata"],
            json!({"labels": {"app": "x"}})
        );
        assert_eq!(deployment["spec"]["replicas"], 0);

        // Service port: nodePort omitempty (0 left out), targetPort an IntOrString; protocol
        // kept as the empty string would be left out (omitempty), port printed.
        let mut target = varint_field(1, 0);
        target.extend(varint_field(2, 8080));
        let mut port = bytes_field(1, b"http");
        port.extend(bytes_field(2, b"TCP"));
        port.extend(varint_field(3, 80));
        port.extend(bytes_field(4, &target));
        port.extend(varint_field(5, 0));
        let mut raw = bytes_field(1, &meta("api", "apps"));
        raw.extend(bytes_field(2, &bytes_field(1, &port)));
        let service = decode("v1", "Service", &raw);
        assert_eq!(
            service["spec"]["ports"],
            json!([{"name": "http", "protocol": "TCP", "port": 80, "targetPort": 8080}])
        );

        // RBAC: an empty string in a list is kept; RoleRef.apiGroup (no omitempty) is printed
        // even when empty; Role.rules (no omitempty) is null when there are none.
        let mut role_ref = bytes_field(1, b"");
        role_ref.extend(bytes_field(2, b"ClusterRole"));
        role_ref.extend(bytes_field(3, b"view"));
        let mut raw = bytes_field(1, &meta("b", "apps"));
        raw.extend(bytes_field(3, &role_ref));
        let binding = decode("rbac.authorization.k8s.io/v1", "RoleBinding", &raw);
        assert_eq!(
            binding["roleRef"],
            json!({"apiGroup": "", "kind": "ClusterRole", "name": "view"})
        );
        assert!(binding.get("subjects").is_none(), "subjects is omitempty");
        let role = decode(
            "rbac.authorization.k8s.io/v1",
            "Role",
            &bytes_field(1, &meta("r", "a")),
        );
        assert_eq!(role["rules"], Json::Null);
        assert!(role.as_object().unwrap().contains_key("rules"));
    }

    #[test]
    fn well_known_types_and_managed_fields() {
        // managedFields: FieldsV1 is raw JSON; the time is a Time.
        let mut entry = bytes_field(1, b"kubectl");
        entry.extend(bytes_field(2, b"Update"));
        entry.extend(bytes_field(3, b"v1"));
        entry.extend(bytes_field(4, &varint_field(1, 1_700_000_000)));
        entry.extend(bytes_field(6, b"FieldsV1"));
        entry.extend(bytes_field(7, &bytes_field(1, br#"{"f:data":{"f:a":{}}}"#)));
        let mut m = meta("cm", "apps");
        m.extend(bytes_field(17, &entry));
        let object = decode("v1", "ConfigMap", &bytes_field(1, &m));
        assert_eq!(
            object["metadata"]["managedFields"],
            json!([{"manager": "kubectl", "operation": "Update", "apiVersion": "v1",
                "time": "2023-11-14T22:13:20Z", "fieldsType": "FieldsV1",
                "fieldsV1": {"f:data": {"f:a": {}}}}])
        );

        // MicroTime keeps six digits even on a whole second; a Lease's times are MicroTime.
        let mut lease = bytes_field(1, b"holder");
        lease.extend(bytes_field(4, &varint_field(1, 1_700_000_000)));
        let mut raw = bytes_field(1, &meta("l", "kube-system"));
        raw.extend(bytes_field(2, &lease));
        let object = decode("coordination.k8s.io/v1", "Lease", &raw);
        assert_eq!(
            object["spec"],
            json!({"holderIdentity": "holder", "renewTime": "2023-11-14T22:13:20.000000Z"})
        );

        // Quantities as stored, IntOrString as string, a zero Quantity as "0".
        assert_eq!(Decoder.message("resource.Quantity", &[]).unwrap(), "0");
        let mut percent = varint_field(1, 1);
        percent.extend(bytes_field(3, b"25%"));
        assert_eq!(int_or_string(&percent).unwrap(), "25%");
    }

    #[test]
    fn custom_resource_definitions_unwrap_their_unions() {
        let string_type = bytes_field(5, b"string");
        let mut props = bytes_field(5, b"object");
        props.extend(map_entry(29, "colour", &string_type));
        let additional = varint_field(1, 1);
        props.extend(bytes_field(30, &additional));
        let object = Decoder
            .message("apiextensions.v1.JSONSchemaProps", &props)
            .unwrap();
        assert_eq!(
            object,
            json!({"type": "object", "properties": {"colour": {"type": "string"}},
                "additionalProperties": true})
        );
    }

    #[test]
    fn config_maps_rbac_and_unknown_kinds() {
        let mut raw = bytes_field(1, &meta("settings", "apps"));
        raw.extend(map_entry(2, "a.conf", b"x=1\n"));
        raw.extend(map_entry(2, "b.conf", b"y=2\n"));
        let object = decode("v1", "ConfigMap", &raw);
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
        let object = decode("rbac.authorization.k8s.io/v1", "ClusterRole", &raw);
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
        let object = decode("apps/v1", "Deployment", &raw);
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
            "name is omitempty"
        );

        assert_eq!(decode_metadata(&raw).unwrap()["uid"], "uid-1");
    }
}
