//! The Go value model on top of `minijinja::Value`.
//!
//! minijinja stores scalars, strings, bytes and shared objects; Go adds distinctions Jinja does not
//! have (struct vs map, typed map elements whose zero value `index` returns, nil pointers, `time.Time`).
//! Those are minijinja objects defined here, and [`view`] gives every consumer one exhaustive match.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use chrono::{DateTime, FixedOffset};
pub use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr};

use super::dates::{LONG_DAYS, LONG_MONTHS};

/// The element type of a Go map or slice: decides the zero value `index` yields for a missing key
/// and how the Go type is named in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elem {
    /// `interface{}`: zero value is nil (printed `<no value>` at top level).
    Any,
    /// `string`: zero value `""`.
    String,
    /// `[]byte`: zero value is an empty byte slice (printed `[]`).
    Bytes,
    /// A struct or pointer type named by Go (`v1.Secret`, `*param.Phase`, `map[string]string`…).
    Named(&'static str),
}

impl Elem {
    pub fn go_name(self) -> &'static str {
        match self {
            Elem::Any => "interface {}",
            Elem::String => "string",
            Elem::Bytes => "[]uint8",
            Elem::Named(n) => n,
        }
    }

    pub fn zero(self) -> Value {
        match self {
            Elem::Any => Value::from(()),
            Elem::String => Value::from(""),
            Elem::Bytes => Value::from_bytes(Vec::new()),
            Elem::Named(n) if n.starts_with('*') => nil_ptr(n),
            Elem::Named(n) if n.starts_with("map[") => Value::from_object(GoMap::nil(Elem::Any)),
            Elem::Named(n) => super::params::zero_struct(n).unwrap_or_else(|| Value::from(())),
        }
    }
}

/// A Go map with string keys. Keys iterate sorted, as Go prints and ranges them. Go maps are
/// reference values: sprig's `set`, `unset` and `merge` mutate them in place, hence the lock.
#[derive(Debug)]
pub struct GoMap {
    pub elem: Elem,
    entries: RwLock<BTreeMap<String, Value>>,
    /// A nil map prints `map[]` like an empty one but marshals to JSON `null`.
    pub is_nil: bool,
}

impl GoMap {
    pub fn new(elem: Elem, entries: BTreeMap<String, Value>) -> GoMap {
        GoMap {
            elem,
            entries: RwLock::new(entries),
            is_nil: false,
        }
    }

    pub fn nil(elem: Elem) -> GoMap {
        GoMap {
            elem,
            entries: RwLock::new(BTreeMap::new()),
            is_nil: true,
        }
    }

    pub fn go_type(&self) -> String {
        format!("map[string]{}", self.elem.go_name())
    }

    /// The entries, for reading.
    pub fn read(&self) -> RwLockReadGuard<'_, BTreeMap<String, Value>> {
        self.entries.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The entries, for sprig's in-place mutations.
    pub fn write(&self) -> RwLockWriteGuard<'_, BTreeMap<String, Value>> {
        self.entries.write().unwrap_or_else(|e| e.into_inner())
    }

    pub fn get(&self, key: &str) -> Option<Value> {
        self.read().get(key).cloned()
    }

    pub fn len(&self) -> usize {
        self.read().len()
    }

    pub fn is_empty(&self) -> bool {
        self.read().is_empty()
    }

    /// A snapshot of the entries in key order.
    pub fn pairs(&self) -> Vec<(String, Value)> {
        self.read()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

impl Object for GoMap {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.get(key.as_str()?)
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        let keys: Vec<Value> = self
            .read()
            .keys()
            .map(|k| Value::from(k.as_str()))
            .collect();
        Enumerator::Values(keys)
    }
}

/// How a struct field is marshalled by `encoding/json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonTag {
    /// No tag: the Go field name is the key.
    GoName,
    /// `json:"name"` / `json:"name,omitempty"`.
    Named(&'static str, bool),
    /// An embedded struct without a name: its fields are promoted into the parent object.
    Inline,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    pub value: Value,
    pub json: JsonTag,
    /// Embedded (anonymous) field: its own fields are reachable from the parent (`.Secrets.x.Name`).
    pub embedded: bool,
}

/// A Go struct value: ordered fields with Go names, promoted embedded fields, JSON tags.
#[derive(Debug, Clone)]
pub struct GoStruct {
    /// Go type name used in messages, e.g. `param.Profile`.
    pub type_name: &'static str,
    pub fields: Vec<Field>,
}

impl GoStruct {
    pub fn new(type_name: &'static str) -> GoStruct {
        GoStruct {
            type_name,
            fields: Vec::new(),
        }
    }

    /// Adds a field whose JSON key is its Go name.
    pub fn field(mut self, name: &'static str, value: Value) -> GoStruct {
        self.fields.push(Field {
            name,
            value,
            json: JsonTag::GoName,
            embedded: false,
        });
        self
    }

    /// Adds a field with a `json:"tag[,omitempty]"` tag.
    pub fn tagged(
        mut self,
        name: &'static str,
        tag: &'static str,
        omitempty: bool,
        value: Value,
    ) -> GoStruct {
        self.fields.push(Field {
            name,
            value,
            json: JsonTag::Named(tag, omitempty),
            embedded: false,
        });
        self
    }

    /// Adds an embedded struct field (Go promotes its fields).
    pub fn embed(mut self, name: &'static str, json: JsonTag, value: Value) -> GoStruct {
        self.fields.push(Field {
            name,
            value,
            json,
            embedded: true,
        });
        self
    }

    /// Go field lookup: direct fields first, then fields promoted from embedded structs.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(f) = self.fields.iter().find(|f| f.name == name) {
            return Some(f.value.clone());
        }
        self.fields.iter().filter(|f| f.embedded).find_map(|f| {
            f.value
                .downcast_object_ref::<GoStruct>()
                .and_then(|s| s.lookup(name))
        })
    }

    pub fn into_value(self) -> Value {
        Value::from_object(self)
    }

    /// A pointer to this struct (`*T`): Go prints and indexes it like the struct itself.
    pub fn into_ptr(self) -> Value {
        Value::from_object(GoPtr(Value::from_object(self)))
    }
}

impl Object for GoStruct {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.lookup(key.as_str()?)
    }
}

/// A non-nil pointer to a struct.
#[derive(Debug, Clone)]
pub struct GoPtr(pub Value);

impl GoPtr {
    pub fn into_value(self) -> Value {
        Value::from_object(self)
    }
}

impl Object for GoPtr {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }
}

/// A typed nil pointer (`(*param.Profile)(nil)`): printing gives `<nil>`, field access errors.
#[derive(Debug, Clone)]
pub struct NilPtr(pub &'static str);

impl Object for NilPtr {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn is_true(self: &Arc<Self>) -> bool {
        false
    }
}

pub fn nil_ptr(type_name: &'static str) -> Value {
    Value::from_object(NilPtr(type_name))
}

/// A Go `time.Time` (instant plus zone).
#[derive(Debug, Clone)]
pub struct GoTime {
    pub time: DateTime<FixedOffset>,
    /// Zone abbreviation Go prints for `MST` (`UTC` for the UTC location).
    pub zone: Arc<str>,
}

impl Object for GoTime {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }
}

pub fn time_value(time: DateTime<FixedOffset>, zone: &str) -> Value {
    Value::from_object(GoTime {
        time,
        zone: Arc::from(zone),
    })
}

/// A `[]interface{}` slice.
pub fn list(items: Vec<Value>) -> Value {
    Value::from_object(items)
}

/// A slice whose Go element type is not `interface{}` (sprig's `[]string` results, `until`'s
/// `[]int`): it behaves as any list, but `typeOf` and `deepEqual` tell it apart, as Go does.
#[derive(Debug)]
pub struct TypedList {
    /// The element type's Go name (`string`, `int`).
    pub elem: &'static str,
    pub items: Vec<Value>,
}

impl Object for TypedList {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.items.get(usize::try_from(key.clone()).ok()?).cloned()
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.items.len())
    }
}

/// A `[]elem` slice (`typed_list("string", …)` is Go's `[]string`).
pub fn typed_list(elem: &'static str, items: Vec<Value>) -> Value {
    Value::from_object(TypedList { elem, items })
}

/// Go integer types besides `int` that templates meet: sprig's maths returns `int64`, and
/// `time.Time`'s `Month`/`Weekday` are `time.Month`/`time.Weekday`, which print as English names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntType {
    Int64,
    /// A `[]byte` element (`index`, `range`, `first` of a byte slice).
    Uint8,
    Month,
    Weekday,
}

impl IntType {
    fn go_name(self) -> &'static str {
        match self {
            IntType::Int64 => "int64",
            IntType::Uint8 => "uint8",
            IntType::Month => "time.Month",
            IntType::Weekday => "time.Weekday",
        }
    }
}

/// An integer of one of the [`IntType`]s. [`view`] shows it as [`View::Int`], so it computes,
/// compares and converts as an integer; its type shows in `typeOf`, `%T`, `%v` and in typed
/// `int` parameters, which Go refuses it for.
#[derive(Debug)]
pub struct TypedInt {
    pub ty: IntType,
    pub value: i64,
}

impl Object for TypedInt {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn is_true(self: &Arc<Self>) -> bool {
        self.value != 0
    }
}

pub fn typed_int(ty: IntType, value: i64) -> Value {
    Value::from_object(TypedInt { ty, value })
}

/// An element of a `[]byte`: a `uint8`.
pub fn byte_value(b: u8) -> Value {
    typed_int(IntType::Uint8, i64::from(b))
}

pub fn int64(value: i64) -> Value {
    typed_int(IntType::Int64, value)
}

/// The integer type of `v` when it is not plain `int`.
pub fn int_type(v: &Value) -> Option<IntType> {
    v.downcast_object_ref::<TypedInt>().map(|t| t.ty)
}

/// An integer of the same Go type as `like` (Go's `range` over an integer yields its type).
pub fn int_like(like: &Value, value: i64) -> Value {
    match int_type(like) {
        Some(ty) => typed_int(ty, value),
        None => Value::from(value),
    }
}

/// What the `String` method of `v`'s type returns, for the types that have one among the
/// integers (`time.Month`, `time.Weekday`): `fmt` uses it for `%v`, `%s`, `%q` and `%x`.
pub fn int_stringer(v: &Value) -> Option<String> {
    let t = v.downcast_object_ref::<TypedInt>()?;
    let (names, name, first): (&[&str], &str, i64) = match t.ty {
        IntType::Int64 | IntType::Uint8 => return None,
        IntType::Month => (&LONG_MONTHS, "Month", 1),
        IntType::Weekday => (&LONG_DAYS, "Weekday", 0),
    };
    let name = usize::try_from(t.value - first)
        .ok()
        .and_then(|i| names.get(i))
        .map_or_else(|| format!("%!{name}({})", t.value), |n| n.to_string());
    Some(name)
}

pub fn map_any(entries: BTreeMap<String, Value>) -> Value {
    Value::from_object(GoMap::new(Elem::Any, entries))
}

pub fn map_of(elem: Elem, entries: BTreeMap<String, Value>) -> Value {
    Value::from_object(GoMap::new(elem, entries))
}

pub fn nil() -> Value {
    Value::from(())
}

/// One exhaustive view of a value in Go terms.
pub enum View<'a> {
    Nil,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str(&'a str),
    Bytes(&'a [u8]),
    List(&'a [Value]),
    Map(&'a GoMap),
    Struct(&'a GoStruct),
    Ptr(&'a Value),
    NilPtr(&'static str),
    Time(&'a GoTime),
    /// Anything minijinja holds that has no Go counterpart (should not occur).
    Other,
}

pub fn view(v: &Value) -> View<'_> {
    use minijinja::value::ValueKind as K;
    match v.kind() {
        K::Undefined | K::None => View::Nil,
        K::Bool => View::Bool(v.is_true()),
        K::Number if v.is_integer() => match i64::try_from(v.clone()) {
            Ok(i) => View::Int(i),
            Err(_) => View::Uint(u64::try_from(v.clone()).unwrap_or(u64::MAX)),
        },
        K::Number => View::Float(f64::try_from(v.clone()).unwrap_or(f64::NAN)),
        K::String => View::Str(v.as_str().unwrap_or("")),
        K::Bytes => View::Bytes(v.as_bytes().unwrap_or(&[])),
        _ => {
            if let Some(l) = v.downcast_object_ref::<Vec<Value>>() {
                View::List(l)
            } else if let Some(t) = v.downcast_object_ref::<TypedInt>() {
                View::Int(t.value)
            } else if let Some(l) = v.downcast_object_ref::<TypedList>() {
                View::List(&l.items)
            } else if let Some(m) = v.downcast_object_ref::<GoMap>() {
                View::Map(m)
            } else if let Some(s) = v.downcast_object_ref::<GoStruct>() {
                View::Struct(s)
            } else if let Some(p) = v.downcast_object_ref::<GoPtr>() {
                View::Ptr(&p.0)
            } else if let Some(p) = v.downcast_object_ref::<NilPtr>() {
                View::NilPtr(p.0)
            } else if let Some(t) = v.downcast_object_ref::<GoTime>() {
                View::Time(t)
            } else {
                View::Other
            }
        }
    }
}

/// Follows non-nil pointers (Go's `indirect`).
pub fn deref(v: &Value) -> &Value {
    let mut cur = v;
    while let Some(p) = cur.downcast_object_ref::<GoPtr>() {
        cur = &p.0;
    }
    cur
}

/// Go's `template.IsTrue`: the zero value of its type is false; structs are always true.
pub fn is_true(v: &Value) -> bool {
    match view(v) {
        View::Nil | View::NilPtr(_) => false,
        View::Bool(b) => b,
        View::Int(i) => i != 0,
        View::Uint(u) => u != 0,
        View::Float(f) => f != 0.0,
        View::Str(s) => !s.is_empty(),
        View::Bytes(b) => !b.is_empty(),
        View::List(l) => !l.is_empty(),
        View::Map(m) => !m.is_empty(),
        View::Struct(_) | View::Ptr(_) | View::Time(_) => true,
        View::Other => v.is_true(),
    }
}

/// Go type name, as `printf "%T"` and error messages show it.
pub fn type_name(v: &Value) -> String {
    if let Some(ty) = int_type(v) {
        return ty.go_name().into();
    }
    if let Some(l) = v.downcast_object_ref::<TypedList>() {
        return format!("[]{}", l.elem);
    }
    match view(v) {
        View::Nil => "<nil>".into(),
        View::Bool(_) => "bool".into(),
        View::Int(_) => "int".into(),
        View::Uint(_) => "uint64".into(),
        View::Float(_) => "float64".into(),
        View::Str(_) => "string".into(),
        View::Bytes(_) => "[]uint8".into(),
        View::List(_) => "[]interface {}".into(),
        View::Map(m) => m.go_type(),
        View::Struct(s) => s.type_name.into(),
        View::Ptr(p) => format!("*{}", type_name(p)),
        View::NilPtr(t) => t.into(),
        View::Time(_) => "time.Time".into(),
        View::Other => v.kind().to_string(),
    }
}

/// Go's `reflect.Kind` name (sprig `kindOf`).
pub fn kind_name(v: &Value) -> &'static str {
    match int_type(v) {
        Some(IntType::Int64) => return "int64",
        Some(IntType::Uint8) => return "uint8",
        _ => {}
    }
    match view(v) {
        View::Nil => "invalid",
        View::Bool(_) => "bool",
        View::Int(_) => "int",
        View::Uint(_) => "uint64",
        View::Float(_) => "float64",
        View::Str(_) => "string",
        View::Bytes(_) | View::List(_) => "slice",
        View::Map(_) => "map",
        View::Struct(_) | View::Time(_) => "struct",
        View::Ptr(_) | View::NilPtr(_) => "ptr",
        View::Other => "invalid",
    }
}

/// A value listed as Go would see a slice: `[]byte` counts as a slice of numbers.
pub fn as_slice(v: &Value) -> Option<Vec<Value>> {
    match view(v) {
        View::List(l) => Some(l.to_vec()),
        View::Bytes(b) => Some(b.iter().map(|&x| byte_value(x)).collect()),
        _ => None,
    }
}

/// Converts JSON (e.g. an unstructured Kubernetes object) into Go's `map[string]interface{}` shape:
/// integers become int64, other numbers float64.
pub fn from_json(j: &serde_json::Value) -> Value {
    match j {
        serde_json::Value::Null => nil(),
        serde_json::Value::Bool(b) => Value::from(*b),
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                int64(i)
            } else if let Some(u) = n.as_u64() {
                // Kubernetes' JSON decoder turns integers that overflow int64 into float64.
                Value::from(u as f64)
            } else {
                Value::from(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        serde_json::Value::String(s) => Value::from(s.as_str()),
        serde_json::Value::Array(a) => list(a.iter().map(from_json).collect()),
        serde_json::Value::Object(o) => {
            map_any(o.iter().map(|(k, v)| (k.clone(), from_json(v))).collect())
        }
    }
}

pub struct DisplayType<'a>(pub &'a Value);

impl fmt::Display for DisplayType<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&type_name(self.0))
    }
}

// ---- Go's byte strings ----
//
// A Go `string` is any sequence of bytes; a Rust `String` must be UTF-8. Strings in this engine
// stay Rust strings, and a byte that is not part of valid UTF-8 (from `toString` of a binary
// `[]byte`, `b64dec`, `"\xff"` literals, byte-offset slicing in `trunc`/`substr`/`wrap`…) is held
// as one character of the last 128 code points of Unicode (plane 16, private use: U+10FF80 +
// byte - 0x80). Every function that Go lets carry bytes decodes them back with
// [`go_bytes`], and rendering turns them back into the original bytes, so binary data survives
// `{{ .Secrets.x.Data.k | toString | b64enc }}`. Input text that already contains one of those
// 128 private-use characters (never seen in Kubernetes objects) would be read as the byte it
// stands for.

/// First code point standing for a raw byte: U+10FF80 stands for byte 0x80.
const RAW_BYTE_BASE: u32 = 0x10FF00;

/// The raw byte a character stands for, if it is one of the escape characters.
pub fn raw_byte(c: char) -> Option<u8> {
    let code = c as u32;
    (code >= RAW_BYTE_BASE + 0x80).then(|| (code - RAW_BYTE_BASE) as u8)
}

/// True when `s` holds at least one raw (non-UTF-8) byte. The escape characters are 4-byte
/// UTF-8 sequences starting with 0xF4 0x8F 0xBE/0xBF, so ordinary text is rejected fast.
pub fn has_raw_bytes(s: &str) -> bool {
    s.as_bytes().contains(&0xF4) && s.chars().any(|c| raw_byte(c).is_some())
}

/// The Go bytes of a string: escape characters become the bytes they stand for.
pub fn go_bytes(s: &str) -> std::borrow::Cow<'_, [u8]> {
    if !has_raw_bytes(s) {
        return std::borrow::Cow::Borrowed(s.as_bytes());
    }
    let mut out = Vec::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        match raw_byte(c) {
            Some(b) => out.push(b),
            None => out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes()),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A Go string from bytes: valid UTF-8 is kept as is, every other byte is escaped.
pub fn go_string(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for &b in chunk.invalid() {
            out.push(char::from_u32(RAW_BYTE_BASE + u32::from(b)).unwrap_or('\u{FFFD}'));
        }
    }
    out
}

/// Go's `len` of a string: its length in bytes.
pub fn go_len(s: &str) -> usize {
    if has_raw_bytes(s) {
        go_bytes(s).len()
    } else {
        s.len()
    }
}

/// What a Kubernetes API would receive for a rendered string: raw bytes that are not UTF-8
/// become U+FFFD, as Go's `encoding/json` writes them.
pub fn to_utf8_lossy(s: String) -> String {
    if has_raw_bytes(&s) {
        String::from_utf8_lossy(&go_bytes(&s)).into_owned()
    } else {
        s
    }
}
