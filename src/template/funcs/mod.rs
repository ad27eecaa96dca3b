//! The function registry: Go's built-in template functions plus sprig v2.22.0's `TxtFuncMap`
//! without `env`/`expandenv` (rendering must not read the workstation's environment).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::gofmt::sprint_value;
use super::value::{Value, View, type_name, view};

mod builtins;
mod collections;
mod convert;
mod dates;
mod encoding;
mod math;
mod strings;

pub(crate) use convert::{strval, to_float64, to_int64};

/// How a function is evaluated.
pub(crate) enum Imp {
    /// A plain function of its evaluated arguments.
    Fn(fn(&[Value]) -> Result<Value, FnError>),
    /// Go's short-circuit `and` / `or`: arguments are evaluated lazily by the executor.
    And,
    Or,
}

pub(crate) struct FuncDef {
    pub name: &'static str,
    /// Minimum argument count; also the exact count when `variadic` is false.
    pub min: usize,
    pub variadic: bool,
    pub imp: Imp,
}

impl std::fmt::Debug for FuncDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FuncDef({})", self.name)
    }
}

/// An error returned by a function implementation.
#[derive(Debug)]
pub(crate) enum FnError {
    /// Argument `arg` (0-based) has the wrong type; the message is Go's
    /// (`wrong type for value; expected string; got int`).
    WrongType { arg: usize, msg: String },
    /// The function failed; rendered as `error calling NAME: msg`.
    Failed(String),
}

pub(crate) type FnResult = Result<Value, FnError>;

pub(crate) const fn f(name: &'static str, min: usize, imp: fn(&[Value]) -> FnResult) -> FuncDef {
    FuncDef {
        name,
        min,
        variadic: false,
        imp: Imp::Fn(imp),
    }
}

pub(crate) const fn v(name: &'static str, min: usize, imp: fn(&[Value]) -> FnResult) -> FuncDef {
    FuncDef {
        name,
        min,
        variadic: true,
        imp: Imp::Fn(imp),
    }
}

fn registry() -> &'static HashMap<&'static str, &'static FuncDef> {
    static REG: OnceLock<HashMap<&'static str, &'static FuncDef>> = OnceLock::new();
    REG.get_or_init(|| {
        let mut m = HashMap::new();
        for table in [
            builtins::FUNCS,
            strings::FUNCS,
            collections::FUNCS,
            convert::FUNCS,
            dates::FUNCS,
            encoding::FUNCS,
            math::FUNCS,
        ] {
            for def in table {
                m.insert(def.name, def);
            }
        }
        m
    })
}

pub(crate) fn lookup(name: &str) -> Option<&'static FuncDef> {
    registry().get(name).copied()
}

/// Whether `name` is a function templates may call (Go built-in or provided sprig function).
pub fn is_known_function(name: &str) -> bool {
    lookup(name).is_some()
}

/// Every function name templates may call, sorted.
pub fn function_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = registry().keys().copied().collect();
    names.sort_unstable();
    names
}

// ---- argument helpers shared by the implementations ----

pub(crate) fn wrong_type(arg: usize, expected: &str, got: &Value) -> FnError {
    let msg = match view(got) {
        View::Nil => format!("invalid value; expected {expected}"),
        _ => format!(
            "wrong type for value; expected {expected}; got {}",
            type_name(got)
        ),
    };
    FnError::WrongType { arg, msg }
}

/// A `string` parameter: Go accepts only strings (not `[]byte`).
pub(crate) fn str_arg(args: &[Value], i: usize) -> Result<&str, FnError> {
    match view(&args[i]) {
        View::Str(s) => Ok(s),
        _ => Err(wrong_type(i, "string", &args[i])),
    }
}

/// An `int` parameter (any Go integer is accepted).
pub(crate) fn int_arg(args: &[Value], i: usize) -> Result<i64, FnError> {
    match view(&args[i]) {
        View::Int(n) => Ok(n),
        View::Uint(n) => i64::try_from(n).map_err(|_| wrong_type(i, "int", &args[i])),
        _ => Err(wrong_type(i, "int", &args[i])),
    }
}

pub(crate) fn bool_arg(args: &[Value], i: usize) -> Result<bool, FnError> {
    match view(&args[i]) {
        View::Bool(b) => Ok(b),
        _ => Err(wrong_type(i, "bool", &args[i])),
    }
}

/// A `[]interface{}` parameter (sprig list functions); a `[]byte` is not accepted.
pub(crate) fn list_arg(args: &[Value], i: usize) -> Result<&[Value], FnError> {
    match view(&args[i]) {
        View::List(l) => Ok(l),
        _ => Err(wrong_type(i, "[]interface {}", &args[i])),
    }
}

pub(crate) fn failed(msg: impl Into<String>) -> FnError {
    FnError::Failed(msg.into())
}

pub(crate) fn s(v: impl Into<String>) -> FnResult {
    Ok(Value::from(v.into()))
}

/// Debug form for messages.
pub(crate) fn show(v: &Value) -> String {
    sprint_value(v)
}
