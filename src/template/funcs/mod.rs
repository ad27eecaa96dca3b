//! The function registry: Go's built-in template functions plus sprig v2.22.0's `TxtFuncMap`
//! without `env`/`expandenv` (rendering must not read the workstation's environment).
//!
//! - Go built-ins: `and or not eq ne lt le gt ge index len print printf println html js urlquery
//!   call` (`slice` is sprig's, which overrides Go's in Kanister's function map).
//! - strings: `abbrev abbrevboth trunc trim trimAll trimall trimSuffix trimPrefix upper lower title
//!   untitle substr repeat nospace initials swapcase shuffle snakecase camelcase kebabcase wrap
//!   wrapWith contains hasPrefix hasSuffix quote squote cat indent nindent replace plural split
//!   splitList splitn toStrings join sortAlpha randAlphaNum randAlpha randNumeric randAscii uuidv4`
//! - conversions, defaults, types: `toString atoi int int64 float64 toDecimal default empty
//!   coalesce ternary toJson toPrettyJson typeOf typeIs typeIsLike kindOf kindIs deepEqual deepCopy
//!   fail hello`
//! - lists and dicts: `list tuple append push prepend first rest last initial reverse uniq without
//!   has slice concat compact until untilStep dict set unset hasKey pluck keys pick omit merge
//!   mergeOverwrite values`
//! - maths: `add1 add sub div mod mul max biggest min ceil floor round`
//! - dates (local zone = UTC): `date date_in_zone dateInZone htmlDate htmlDateInZone dateModify
//!   date_modify now ago toDate unixEpoch`
//! - encoding, paths, regex: `b64enc b64dec b32enc b32dec sha1sum sha256sum adler32sum base dir
//!   clean ext isAbs regexMatch regexFind regexFindAll regexReplaceAll regexReplaceAllLiteral
//!   regexSplit`
//! - versions and URLs: `semverCompare urlParse urlJoin`
//!
//! Not provided: `env expandenv` (withheld), `semver` (a Go object with methods),
//! `getHostByName` (rendering must not depend on this machine's DNS) and the crypto functions;
//! calling them is a parse error that says so.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::gofmt::sprint_value;
use super::value::{Value, View, int_type, type_name, view};

mod builtins;
mod collections;
mod convert;
mod dates;
mod encoding;
mod math;
mod semver;
mod strings;
mod urls;

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
            semver::FUNCS,
            urls::FUNCS,
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

/// Sprig v2.22.0 functions this engine does not provide (besides the withheld `env`/`expandenv`).
const NOT_PROVIDED: &[&str] = &[
    "semver",
    "getHostByName",
    "genPrivateKey",
    "derivePassword",
    "buildCustomCert",
    "genCA",
    "genSelfSignedCert",
    "genSignedCert",
    "encryptAES",
    "decryptAES",
];

/// Functions that exist only in sprig v3 (Kanister ships sprig v2.22.0).
const SPRIG_V3_ONLY: &[&str] = &[
    "fromJson",
    "mustFromJson",
    "toRawJson",
    "mustToJson",
    "mustToPrettyJson",
    "mustToRawJson",
    "get",
    "dig",
    "seq",
    "duration",
    "durationRound",
    "randInt",
    "all",
    "any",
    "chunk",
    "addf",
    "add1f",
    "subf",
    "divf",
    "mulf",
    "maxf",
    "minf",
    "regexQuoteMeta",
    "mustRegexFind",
    "mustRegexFindAll",
    "mustRegexMatch",
    "mustRegexReplaceAll",
    "mustRegexReplaceAllLiteral",
    "mustRegexSplit",
    "mustAppend",
    "mustPush",
    "mustPrepend",
    "mustFirst",
    "mustRest",
    "mustLast",
    "mustInitial",
    "mustReverse",
    "mustUniq",
    "mustWithout",
    "mustHas",
    "mustSlice",
    "mustCompact",
    "mustDeepCopy",
    "mustMerge",
    "mustMergeOverwrite",
    "mustDateModify",
    "mustToDate",
    "bcrypt",
    "htpasswd",
    "randBytes",
    "osBase",
    "osDir",
    "osExt",
    "osClean",
    "osIsAbs",
    "toYaml",
];

/// Why `name` is not a function, and what the user probably meant: appended to
/// `function "x" not defined`.
pub(crate) fn unknown_function_hint(name: &str) -> String {
    if name == "env" || name == "expandenv" {
        return " (withheld: rendering must not read this machine's environment variables)".into();
    }
    if NOT_PROVIDED.contains(&name) {
        return " (a sprig function kubectl-backup does not provide)".into();
    }
    if SPRIG_V3_ONLY.contains(&name) {
        return " (sprig v3 only; Kanister templates use sprig v2.22.0)".into();
    }
    let lower = name.to_ascii_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for known in registry().keys() {
        let d = edit_distance(&lower, &known.to_ascii_lowercase());
        if d <= 2 && best.is_none_or(|(bd, bn)| d < bd || (d == bd && *known < bn)) {
            best = Some((d, known));
        }
    }
    match best {
        Some((_, known)) => format!(" (did you mean {known:?}?)"),
        None => String::new(),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
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

/// An `int` parameter. Go accepts only values assignable to `int`: an `int64` (sprig's maths) or
/// a `time.Month` is refused, as Go refuses it, with Go's message.
pub(crate) fn int_arg(args: &[Value], i: usize) -> Result<i64, FnError> {
    if int_type(&args[i]).is_some() {
        return Err(wrong_type(i, "int", &args[i]));
    }
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

/// Largest string or list a function may build: Go would try and exhaust memory; a clear error
/// is kinder.
pub(crate) const MAX_RESULT: usize = 64 << 20;

pub(crate) fn check_size(n: u128, what: &str) -> Result<usize, FnError> {
    if n > MAX_RESULT as u128 {
        return Err(failed(format!(
            "{what} would hold {n} elements; the limit is {MAX_RESULT}"
        )));
    }
    Ok(n as usize)
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
