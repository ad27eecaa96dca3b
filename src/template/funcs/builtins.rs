//! Go's built-in template functions: `and or not eq ne lt le gt ge index len print printf println
//! html js urlquery call` (`slice` comes from sprig, which overrides Go's in Kanister's FuncMap).

use super::{FnError, FnResult, FuncDef, Imp, failed, str_arg};
use crate::template::gofmt::{sprint, sprintf, sprintln};
use crate::template::value::{Value, View, byte_value, deref, is_true, type_name, view};

pub(super) const FUNCS: &[FuncDef] = &[
    FuncDef {
        name: "and",
        min: 1,
        variadic: true,
        imp: Imp::And,
    },
    FuncDef {
        name: "or",
        min: 1,
        variadic: true,
        imp: Imp::Or,
    },
    super::f("not", 1, not),
    super::v("eq", 1, eq),
    super::f("ne", 2, ne),
    super::f("lt", 2, lt),
    super::f("le", 2, le),
    super::f("gt", 2, gt),
    super::f("ge", 2, ge),
    super::v("index", 1, index),
    super::f("len", 1, len),
    super::v("print", 0, print),
    super::v("printf", 1, printf),
    super::v("println", 0, println),
    super::v("html", 0, html),
    super::v("js", 0, js),
    super::v("urlquery", 0, urlquery),
    super::v("call", 1, call),
];

fn not(a: &[Value]) -> FnResult {
    Ok(Value::from(!is_true(&a[0])))
}

#[derive(PartialEq, Clone, Copy)]
enum Basic {
    Bool,
    Int,
    Uint,
    Float,
    Str,
    Invalid,
    Other,
}

fn basic(v: &Value) -> Basic {
    match view(v) {
        View::Bool(_) => Basic::Bool,
        View::Int(_) => Basic::Int,
        View::Uint(_) => Basic::Uint,
        View::Float(_) => Basic::Float,
        View::Str(_) => Basic::Str,
        View::Nil => Basic::Invalid,
        _ => Basic::Other,
    }
}

const BAD_COMPARISON: &str = "incompatible types for comparison";

fn int_uint_cmp(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    let as_i128 = |v: &Value| match view(v) {
        View::Int(i) => Some(i as i128),
        View::Uint(u) => Some(u as i128),
        _ => None,
    };
    Some(as_i128(a)?.cmp(&as_i128(b)?))
}

/// Go's `eq` for one pair.
fn eq_pair(a: &Value, b: &Value) -> Result<bool, FnError> {
    let (k1, k2) = (basic(a), basic(b));
    // Go (since 1.18) compares anything that is not a basic value with nil: a nil pointer or a
    // nil map equals `nil`, a struct, list or non-nil map does not.
    let go_nil = |v: &Value| match view(v) {
        View::Nil | View::NilPtr(_) => true,
        View::Map(m) => m.is_nil,
        _ => false,
    };
    let not_basic = |k: Basic| matches!(k, Basic::Invalid | Basic::Other);
    if not_basic(k1) && not_basic(k2) && (go_nil(a) || go_nil(b)) {
        return Ok(go_nil(a) == go_nil(b));
    }
    if k1 != k2 {
        if matches!(
            (k1, k2),
            (Basic::Int, Basic::Uint) | (Basic::Uint, Basic::Int)
        ) {
            return Ok(int_uint_cmp(a, b) == Some(std::cmp::Ordering::Equal));
        }
        if k1 != Basic::Invalid && k2 != Basic::Invalid {
            return Err(failed(BAD_COMPARISON));
        }
        return Ok(false);
    }
    Ok(match (view(a), view(b)) {
        (View::Bool(x), View::Bool(y)) => x == y,
        (View::Int(x), View::Int(y)) => x == y,
        (View::Uint(x), View::Uint(y)) => x == y,
        (View::Float(x), View::Float(y)) => x == y,
        (View::Str(x), View::Str(y)) => x == y,
        (View::Nil, View::Nil) => true,
        (View::NilPtr(_), View::NilPtr(_)) => true,
        (View::NilPtr(_), _) | (_, View::NilPtr(_)) => false,
        (View::Time(x), View::Time(y)) => x.time == y.time && x.zone == y.zone,
        (View::Ptr(x), View::Ptr(y)) => std::ptr::eq(x, y),
        _ => {
            return Err(failed(format!(
                "non-comparable types {}: {}, {}: {}",
                super::show(a),
                type_name(a),
                type_name(b),
                super::show(b)
            )));
        }
    })
}

fn eq(a: &[Value]) -> FnResult {
    if a.len() < 2 {
        return Err(failed("missing argument for comparison"));
    }
    for b in &a[1..] {
        if eq_pair(&a[0], b)? {
            return Ok(Value::from(true));
        }
    }
    Ok(Value::from(false))
}

fn ne(a: &[Value]) -> FnResult {
    Ok(Value::from(!eq_pair(&a[0], &a[1])?))
}

fn less(a: &Value, b: &Value) -> Result<bool, FnError> {
    let (k1, k2) = (basic(a), basic(b));
    if k1 != k2 {
        if let Some(o) = int_uint_cmp(a, b) {
            return Ok(o == std::cmp::Ordering::Less);
        }
        return Err(failed(BAD_COMPARISON));
    }
    match (view(a), view(b)) {
        (View::Int(x), View::Int(y)) => Ok(x < y),
        (View::Uint(x), View::Uint(y)) => Ok(x < y),
        (View::Float(x), View::Float(y)) => Ok(x < y),
        (View::Str(x), View::Str(y)) => Ok(x < y),
        _ => Err(failed("invalid type for comparison")),
    }
}

fn lt(a: &[Value]) -> FnResult {
    Ok(Value::from(less(&a[0], &a[1])?))
}

fn le(a: &[Value]) -> FnResult {
    let l = less(&a[0], &a[1])?;
    Ok(Value::from(l || eq_pair(&a[0], &a[1])?))
}

fn gt(a: &[Value]) -> FnResult {
    let l = less(&a[0], &a[1])?;
    Ok(Value::from(!l && !eq_pair(&a[0], &a[1])?))
}

fn ge(a: &[Value]) -> FnResult {
    Ok(Value::from(!less(&a[0], &a[1])?))
}

fn index_arg(idx: &Value, len: usize) -> Result<usize, FnError> {
    let x: i128 = match view(idx) {
        View::Int(i) => i as i128,
        View::Uint(u) => u as i128,
        View::Nil => return Err(failed("cannot index slice/array with nil")),
        _ => {
            return Err(failed(format!(
                "cannot index slice/array with type {}",
                type_name(idx)
            )));
        }
    };
    if x < 0 || x >= len as i128 {
        return Err(failed(format!("index out of range: {x}")));
    }
    Ok(x as usize)
}

/// Go's `index`: a missing map key yields the element type's zero value, not an error.
fn index(a: &[Value]) -> FnResult {
    let mut item = a[0].clone();
    if matches!(view(&item), View::Nil) {
        return Err(failed("index of untyped nil"));
    }
    for idx in &a[1..] {
        let cur = deref(&item).clone();
        item = match view(&cur) {
            View::Nil | View::NilPtr(_) => return Err(failed("index of nil pointer")),
            View::List(l) => l[index_arg(idx, l.len())?].clone(),
            View::Bytes(b) => byte_value(b[index_arg(idx, b.len())?]),
            View::Str(s) => {
                let bytes = crate::template::value::go_bytes(s);
                Value::from(bytes[index_arg(idx, bytes.len())?] as i64)
            }
            View::Map(m) => match view(idx) {
                View::Str(k) => m.get(k).unwrap_or_else(|| m.elem.zero()),
                View::Nil => return Err(failed("value is nil; should be of type string")),
                _ => {
                    return Err(failed(format!(
                        "value has type {}; should be string",
                        type_name(idx)
                    )));
                }
            },
            _ => {
                return Err(failed(format!(
                    "can't index item of type {}",
                    type_name(&cur)
                )));
            }
        };
    }
    Ok(item)
}

fn len(a: &[Value]) -> FnResult {
    let v = deref(&a[0]);
    let n = match view(v) {
        View::Str(s) => crate::template::value::go_len(s),
        View::Bytes(b) => b.len(),
        View::List(l) => l.len(),
        View::Map(m) => m.len(),
        View::NilPtr(_) => return Err(failed("len of nil pointer")),
        View::Nil => return Err(failed("len of untyped nil")),
        _ => return Err(failed(format!("len of type {}", type_name(v)))),
    };
    Ok(Value::from(n as i64))
}

fn print(a: &[Value]) -> FnResult {
    Ok(Value::from(sprint(a)))
}

fn printf(a: &[Value]) -> FnResult {
    let format = str_arg(a, 0)?;
    Ok(Value::from(sprintf(format, &a[1..])))
}

fn println(a: &[Value]) -> FnResult {
    Ok(Value::from(sprintln(a)))
}

/// Go's `evalArgs`: a single string argument is used as is, otherwise `fmt.Sprint`.
fn eval_args(a: &[Value]) -> String {
    if a.len() == 1
        && let View::Str(s) = view(&a[0])
    {
        return s.to_string();
    }
    sprint(a)
}

fn html(a: &[Value]) -> FnResult {
    let s = eval_args(a);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Ok(Value::from(out))
}

fn js(a: &[Value]) -> FnResult {
    let s = eval_args(a);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003D"),
            // text/template's JSEscape writes every rune unicode.IsPrint rejects as \uXXXX.
            c if (c as u32) < 0x20 || !crate::template::gofmt::is_go_printable(c) => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    Ok(Value::from(out))
}

/// `url.QueryEscape`.
pub(crate) fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in crate::template::value::go_bytes(s).iter() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn urlquery(a: &[Value]) -> FnResult {
    Ok(Value::from(query_escape(&eval_args(a))))
}

fn call(a: &[Value]) -> FnResult {
    match view(&a[0]) {
        View::Nil => Err(failed("call of nil")),
        _ => Err(failed(format!("non-function of type {}", type_name(&a[0])))),
    }
}
