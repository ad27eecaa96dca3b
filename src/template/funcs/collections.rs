//! sprig list and dict functions. Dict mutators (`set`, `unset`, `merge`, `mergeOverwrite`)
//! change the map in place, as they do in Go.

use std::collections::BTreeMap;

use super::convert::{deep_equal, empty};
use super::{FnError, FnResult, FuncDef, failed, int_arg, str_arg, strval, to_int64};
use crate::template::value::{
    Elem, GoMap, TypedList, Value, View, byte_value, list, map_any, type_name, typed_list, view,
};

pub(super) const FUNCS: &[FuncDef] = &[
    super::v("list", 0, |a| Ok(list(a.to_vec()))),
    super::v("tuple", 0, |a| Ok(list(a.to_vec()))),
    super::v("dict", 0, dict),
    super::f("set", 3, set),
    super::f("unset", 2, unset),
    super::f("hasKey", 2, |a| {
        Ok(Value::from(map_arg(a, 0)?.get(str_arg(a, 1)?).is_some()))
    }),
    super::v("pluck", 1, pluck),
    super::v("keys", 0, keys),
    super::v("pick", 1, pick),
    super::v("omit", 1, omit),
    super::v("merge", 1, |a| merge(a, false)),
    super::v("mergeOverwrite", 1, |a| merge(a, true)),
    super::f("values", 1, |a| {
        Ok(list(
            map_arg(a, 0)?.pairs().into_iter().map(|(_, v)| v).collect(),
        ))
    }),
    super::f("append", 2, append),
    super::f("push", 2, append),
    super::f("prepend", 2, prepend),
    super::f("first", 1, |a| {
        with_list(a, "first", |l| l.first().cloned().unwrap_or_else(nil))
    }),
    super::f("last", 1, |a| {
        with_list(a, "last", |l| l.last().cloned().unwrap_or_else(nil))
    }),
    super::f("rest", 1, |a| {
        // An empty list gives Go's typed nil slice, which prints `[]`.
        with_list(a, "rest", |l| {
            if l.is_empty() {
                list(Vec::new())
            } else {
                list(l[1..].to_vec())
            }
        })
    }),
    super::f("initial", 1, |a| {
        with_list(a, "initial", |l| {
            if l.is_empty() {
                list(Vec::new())
            } else {
                list(l[..l.len() - 1].to_vec())
            }
        })
    }),
    super::f("reverse", 1, |a| {
        with_list(a, "reverse", |l| list(l.iter().rev().cloned().collect()))
    }),
    super::f("uniq", 1, uniq),
    super::v("without", 1, without),
    super::f("has", 2, has),
    super::v("slice", 1, slice),
    super::v("concat", 0, concat),
    super::f("compact", 1, |a| {
        with_list(a, "compact", |l| {
            list(l.iter().filter(|v| !empty(v)).cloned().collect())
        })
    }),
    super::f("until", 1, |a| {
        let n = int_arg(a, 0)?;
        until_step(0, n, if n < 0 { -1 } else { 1 })
    }),
    super::f("untilStep", 3, |a| {
        until_step(int_arg(a, 0)?, int_arg(a, 1)?, int_arg(a, 2)?)
    }),
];

fn nil() -> Value {
    Value::from(())
}

pub(super) fn map_arg(a: &[Value], i: usize) -> Result<&GoMap, FnError> {
    match view(&a[i]) {
        View::Map(m) if m.elem == Elem::Any => Ok(m),
        _ => Err(super::wrong_type(i, "map[string]interface {}", &a[i])),
    }
}

/// A slice argument as sprig's reflection sees it (`[]byte` included); anything else panics in
/// sprig with "Cannot <op> on type <T>", which Go reports as the call's error.
fn as_list(v: &Value, op: &str) -> Result<Vec<Value>, FnError> {
    match view(v) {
        View::List(l) => Ok(l.to_vec()),
        View::Bytes(b) => Ok(b.iter().map(|&x| byte_value(x)).collect()),
        _ => Err(failed(format!("Cannot {op} on type {}", kind_word(v)))),
    }
}

fn kind_word(v: &Value) -> String {
    crate::template::value::kind_name(v).to_string()
}

fn with_list(a: &[Value], op: &str, f: impl FnOnce(&[Value]) -> Value) -> FnResult {
    let l = as_list(&a[0], &format!("find {op}"))?;
    Ok(f(&l))
}

fn dict(a: &[Value]) -> FnResult {
    let mut m = BTreeMap::new();
    for pair in a.chunks(2) {
        let key = strval(&pair[0]);
        let value = pair.get(1).cloned().unwrap_or_else(|| Value::from(""));
        m.insert(key, value);
    }
    Ok(map_any(m))
}

fn set(a: &[Value]) -> FnResult {
    let m = map_arg(a, 0)?;
    m.write().insert(str_arg(a, 1)?.to_string(), a[2].clone());
    Ok(a[0].clone())
}

fn unset(a: &[Value]) -> FnResult {
    let m = map_arg(a, 0)?;
    m.write().remove(str_arg(a, 1)?);
    Ok(a[0].clone())
}

fn pluck(a: &[Value]) -> FnResult {
    let name = str_arg(a, 0)?;
    let mut out = Vec::new();
    for i in 1..a.len() {
        if let Some(v) = map_arg(a, i)?.get(name) {
            out.push(v);
        }
    }
    Ok(list(out))
}

/// Go returns map keys in random order; sorted is one of the orders Go could produce.
fn keys(a: &[Value]) -> FnResult {
    let mut out = Vec::new();
    for i in 0..a.len() {
        out.extend(
            map_arg(a, i)?
                .read()
                .keys()
                .map(|k| Value::from(k.as_str())),
        );
    }
    Ok(typed_list("string", out))
}

fn string_args(a: &[Value], from: usize) -> Result<Vec<&str>, FnError> {
    (from..a.len()).map(|i| str_arg(a, i)).collect()
}

fn pick(a: &[Value]) -> FnResult {
    let m = map_arg(a, 0)?;
    let wanted = string_args(a, 1)?;
    let entries = m.read();
    Ok(map_any(
        wanted
            .iter()
            .filter_map(|k| entries.get(*k).map(|v| (k.to_string(), v.clone())))
            .collect(),
    ))
}

fn omit(a: &[Value]) -> FnResult {
    let m = map_arg(a, 0)?;
    let dropped = string_args(a, 1)?;
    Ok(map_any(
        m.pairs()
            .into_iter()
            .filter(|(k, _)| !dropped.contains(&k.as_str()))
            .collect(),
    ))
}

/// mergo.Merge (optionally WithOverride) into the first dict, recursing into nested dicts. Values
/// of a `map[string]interface{}` count as empty only when nil: `merge` fills missing or nil keys,
/// `mergeOverwrite` replaces with any non-nil source value.
fn merge(a: &[Value], overwrite: bool) -> FnResult {
    let dst = map_arg(a, 0)?;
    for i in 1..a.len() {
        let src = map_arg(a, i)?.pairs();
        merge_into(dst, &src, overwrite);
    }
    Ok(a[0].clone())
}

/// mergo v0.3.12's `deepMerge` for `map[string]interface{}` (what sprig's `merge` calls):
/// a key is filled when the destination lacks it or holds its type's zero value (`""`, `0`,
/// `false`, an empty list or map), or always with `mergeOverwrite`; nested maps merge in place;
/// a destination that is not empty is kept when the source is a map or a list, even when
/// overwriting; a nil source value is skipped, or written by `mergeOverwrite`.
fn merge_into(dst: &GoMap, src: &[(String, Value)], overwrite: bool) {
    for (k, sv) in src {
        let dv = dst.get(k);
        if matches!(view(sv), View::Nil) {
            if overwrite {
                dst.write().insert(k.clone(), sv.clone());
            }
            continue;
        }
        if let (View::Map(sm), Some(View::Map(dm))) = (view(sv), dv.as_ref().map(view)) {
            merge_into(dm, &sm.pairs(), overwrite);
        }
        let dst_empty = dv.as_ref().is_none_or(super::convert::empty);
        let src_is_container = matches!(view(sv), View::Map(_) | View::List(_) | View::Bytes(_));
        if !dst_empty && src_is_container {
            continue;
        }
        if overwrite || dst_empty {
            dst.write().insert(k.clone(), sv.clone());
        }
    }
}

fn append(a: &[Value]) -> FnResult {
    let mut l = as_list(&a[0], "push")?;
    l.push(a[1].clone());
    Ok(list(l))
}

fn prepend(a: &[Value]) -> FnResult {
    let mut l = as_list(&a[0], "prepend")?;
    l.insert(0, a[1].clone());
    Ok(list(l))
}

fn uniq(a: &[Value]) -> FnResult {
    let l = as_list(&a[0], "find uniq")?;
    let mut out: Vec<Value> = Vec::new();
    for v in l {
        if !out.iter().any(|o| deep_equal(o, &v)) {
            out.push(v);
        }
    }
    Ok(list(out))
}

fn without(a: &[Value]) -> FnResult {
    let l = as_list(&a[0], "find without")?;
    Ok(list(
        l.into_iter()
            .filter(|v| !a[1..].iter().any(|o| deep_equal(o, v)))
            .collect(),
    ))
}

fn has(a: &[Value]) -> FnResult {
    if matches!(view(&a[1]), View::Nil) {
        return Ok(Value::from(false));
    }
    let l = as_list(&a[1], "find has")?;
    Ok(Value::from(l.iter().any(|v| deep_equal(v, &a[0]))))
}

fn slice(a: &[Value]) -> FnResult {
    let l = as_list(&a[0], "slice")?;
    if l.is_empty() {
        return Ok(nil());
    }
    let start = a.get(1).map_or(0, to_int64);
    let end = if a.len() < 3 {
        l.len() as i64
    } else {
        to_int64(&a[2])
    };
    if start < 0 || end < start || end > l.len() as i64 {
        return Err(failed(format!(
            "reflect: slice index out of range [{start}:{end}] with length {}",
            l.len()
        )));
    }
    // reflect's Slice keeps the slice's type: a slice of a `[]string` is a `[]string`.
    let part = l[start as usize..end as usize].to_vec();
    Ok(match a[0].downcast_object_ref::<TypedList>() {
        Some(t) => typed_list(t.elem, part),
        None => list(part),
    })
}

fn concat(a: &[Value]) -> FnResult {
    let mut out = Vec::new();
    for v in a {
        match view(v) {
            View::List(l) => out.extend(l.iter().cloned()),
            View::Bytes(b) => out.extend(b.iter().map(|&x| byte_value(x))),
            _ => {
                return Err(failed(format!(
                    "Cannot concat type {} as list",
                    type_name(v)
                )));
            }
        }
    }
    Ok(list(out))
}

fn until_step(start: i64, stop: i64, step: i64) -> FnResult {
    if step != 0 {
        let count = (stop as i128 - start as i128).unsigned_abs() / step.unsigned_abs() as u128;
        super::check_size(count, "the list")?;
    }
    Ok(until_list(start, stop, step))
}

fn until_list(start: i64, stop: i64, step: i64) -> Value {
    let mut v = Vec::new();
    if stop < start {
        if step >= 0 {
            return typed_list("int", v);
        }
        let mut i = start;
        while i > stop {
            v.push(Value::from(i));
            i += step;
        }
        return typed_list("int", v);
    }
    if step <= 0 {
        return typed_list("int", v);
    }
    let mut i = start;
    while i < stop {
        v.push(Value::from(i));
        i += step;
    }
    typed_list("int", v)
}
