//! sprig conversions, defaults and type functions: `toString atoi int int64 float64 toDecimal
//! default empty coalesce ternary toJson toPrettyJson typeOf typeIs typeIsLike kindOf kindIs
//! deepEqual deepCopy fail hello`.

use super::{FnResult, FuncDef, bool_arg, failed, s, str_arg};
use crate::template::gofmt::{format_go_time_string, sprint_value, to_json, to_pretty_json};
use crate::template::value::{
    TypedList, Value, View, go_string, int_type, int64, kind_name, type_name, view,
};

pub(super) const FUNCS: &[FuncDef] = &[
    super::f("hello", 0, |_| s("Hello!")),
    super::f("toString", 1, |a| s(strval(&a[0]))),
    super::f("atoi", 1, atoi),
    super::f("int", 1, |a| Ok(Value::from(to_int64(&a[0])))),
    super::f("int64", 1, |a| Ok(int64(to_int64(&a[0])))),
    super::f("float64", 1, |a| Ok(Value::from(to_float64(&a[0])))),
    super::f("toDecimal", 1, to_decimal),
    super::v("default", 1, default),
    super::f("empty", 1, |a| Ok(Value::from(empty(&a[0])))),
    super::v("coalesce", 0, coalesce),
    super::f("ternary", 3, ternary),
    super::f("toJson", 1, |a| s(to_json(&a[0]).unwrap_or_default())),
    super::f("toPrettyJson", 1, |a| {
        s(to_pretty_json(&a[0]).unwrap_or_default())
    }),
    super::f("typeOf", 1, |a| s(type_name(&a[0]))),
    super::f("typeIs", 2, |a| {
        Ok(Value::from(str_arg(a, 0)? == type_name(&a[1])))
    }),
    super::f("typeIsLike", 2, type_is_like),
    super::f("kindOf", 1, |a| s(kind_name(&a[0]))),
    super::f("kindIs", 2, |a| {
        Ok(Value::from(str_arg(a, 0)? == kind_name(&a[1])))
    }),
    super::f("deepEqual", 2, |a| {
        Ok(Value::from(deep_equal(&a[0], &a[1])))
    }),
    super::f("deepCopy", 1, |a| Ok(a[0].clone())),
    super::f("fail", 1, |a| Err(failed(str_arg(a, 0)?))),
];

/// sprig's `strval`: strings as is, `[]byte` as text, `time.Time` via its `String` method,
/// anything else with `fmt`'s `%v`.
pub(crate) fn strval(v: &Value) -> String {
    match view(v) {
        View::Str(s) => s.to_string(),
        View::Bytes(b) => go_string(b),
        View::Time(t) => format_go_time_string(t),
        _ => sprint_value(v),
    }
}

/// sprig v2.22.0's `toInt64`: numbers truncate, strings parse as base-10 integers
/// (`strconv.ParseInt(s, 10, 64)`: no `0x` prefix, no underscores), bools are 0/1, anything
/// else (or a parse failure) is 0.
pub(crate) fn to_int64(v: &Value) -> i64 {
    match view(v) {
        View::Int(i) => i,
        View::Uint(u) => u as i64,
        View::Float(f) => f as i64,
        View::Bool(b) => i64::from(b),
        View::Str(s) => s.parse::<i64>().unwrap_or(0),
        _ => 0,
    }
}

/// `cast.ToFloat64`.
pub(crate) fn to_float64(v: &Value) -> f64 {
    match view(v) {
        View::Int(i) => i as f64,
        View::Uint(u) => u as f64,
        View::Float(f) => f,
        View::Bool(b) => f64::from(u8::from(b)),
        View::Str(s) => parse_go_float(s).unwrap_or(0.0),
        _ => 0.0,
    }
}

/// `strconv.ParseFloat(s, 64)` for the decimal forms plus Go's `Inf`/`NaN` spellings.
pub(crate) fn parse_go_float(s: &str) -> Option<f64> {
    let t = s.trim_start_matches(['+', '-']);
    let lower = t.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        let v = if lower == "nan" {
            f64::NAN
        } else {
            f64::INFINITY
        };
        return Some(if s.starts_with('-') { -v } else { v });
    }
    if t.is_empty()
        || !t
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() || b == b'.')
    {
        return None;
    }
    s.replace('_', "").parse::<f64>().ok()
}

fn atoi(a: &[Value]) -> FnResult {
    let s = str_arg(a, 0)?;
    // strconv.Atoi: base 10 only, optional sign.
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let v = if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
        s.parse::<i64>().unwrap_or(0)
    } else {
        0
    };
    Ok(Value::from(v))
}

fn to_decimal(a: &[Value]) -> FnResult {
    let text = sprint_value(&a[0]);
    let body = text.strip_prefix(['+', '-']).unwrap_or(&text);
    let v = if !body.is_empty() && body.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        i64::from_str_radix(&text, 8).unwrap_or(0)
    } else {
        0
    };
    Ok(int64(v))
}

/// sprig's `empty`: nil, zero numbers, false, and empty strings, slices and maps; structs never.
pub(crate) fn empty(v: &Value) -> bool {
    match view(v) {
        View::Nil | View::NilPtr(_) => true,
        View::Bool(b) => !b,
        View::Int(i) => i == 0,
        View::Uint(u) => u == 0,
        View::Float(f) => f == 0.0,
        View::Str(s) => s.is_empty(),
        View::Bytes(b) => b.is_empty(),
        View::List(l) => l.is_empty(),
        View::Map(m) => m.is_empty(),
        View::Struct(_) | View::Ptr(_) | View::Time(_) => false,
        View::Other => true,
    }
}

fn default(a: &[Value]) -> FnResult {
    if a.len() < 2 || empty(&a[1]) {
        return Ok(a[0].clone());
    }
    Ok(a[1].clone())
}

fn coalesce(a: &[Value]) -> FnResult {
    Ok(a.iter()
        .find(|v| !empty(v))
        .cloned()
        .unwrap_or_else(|| Value::from(())))
}

fn ternary(a: &[Value]) -> FnResult {
    Ok(if bool_arg(a, 2)? {
        a[0].clone()
    } else {
        a[1].clone()
    })
}

fn type_is_like(a: &[Value]) -> FnResult {
    let target = str_arg(a, 0)?;
    let t = type_name(&a[1]);
    Ok(Value::from(target == t || format!("*{target}") == t))
}

/// `reflect.DeepEqual`: values of different Go types are never equal (`int64 1` is not `1`,
/// a `[]string` is not a `[]interface{}` of the same strings).
pub(crate) fn deep_equal(a: &Value, b: &Value) -> bool {
    if int_type(a) != int_type(b) || list_elem(a) != list_elem(b) {
        return false;
    }
    match (view(a), view(b)) {
        (View::Nil, View::Nil) => true,
        (View::Bool(x), View::Bool(y)) => x == y,
        (View::Int(x), View::Int(y)) => x == y,
        (View::Uint(x), View::Uint(y)) => x == y,
        (View::Float(x), View::Float(y)) => x == y,
        (View::Str(x), View::Str(y)) => x == y,
        (View::Bytes(x), View::Bytes(y)) => x == y,
        (View::List(x), View::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| deep_equal(p, q))
        }
        (View::Map(x), View::Map(y)) => {
            let (xe, ye) = (x.pairs(), y.pairs());
            x.elem == y.elem
                && xe.len() == ye.len()
                && xe
                    .iter()
                    .zip(&ye)
                    .all(|((k1, v1), (k2, v2))| k1 == k2 && deep_equal(v1, v2))
        }
        (View::Struct(x), View::Struct(y)) => {
            x.type_name == y.type_name
                && x.fields.len() == y.fields.len()
                && x.fields
                    .iter()
                    .zip(&y.fields)
                    .all(|(p, q)| deep_equal(&p.value, &q.value))
        }
        (View::Ptr(x), View::Ptr(y)) => deep_equal(x, y),
        (View::NilPtr(x), View::NilPtr(y)) => x == y,
        (View::Time(x), View::Time(y)) => x.time == y.time && x.zone == y.zone,
        _ => false,
    }
}

/// The element type of a typed slice, `None` for `[]interface{}` and non-slices.
fn list_elem(v: &Value) -> Option<&'static str> {
    v.downcast_object_ref::<TypedList>().map(|l| l.elem)
}
