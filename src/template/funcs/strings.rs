//! sprig string functions.

use rand::Rng;
use rand::seq::SliceRandom;

use super::{FnResult, FuncDef, failed, int_arg, s, str_arg, strval};
use crate::template::gofmt::go_quote;
use crate::template::value::{Elem, Value, View, list, map_of, view};

pub(super) const FUNCS: &[FuncDef] = &[
    super::f("abbrev", 2, abbrev),
    super::f("abbrevboth", 3, abbrevboth),
    super::f("trunc", 2, trunc),
    super::f("trim", 1, |a| s(str_arg(a, 0)?.trim())),
    super::f("trimAll", 2, trim_all),
    super::f("trimall", 2, trim_all),
    super::f("trimSuffix", 2, |a| {
        s(str_arg(a, 1)?
            .strip_suffix(str_arg(a, 0)?)
            .unwrap_or(str_arg(a, 1)?))
    }),
    super::f("trimPrefix", 2, |a| {
        s(str_arg(a, 1)?
            .strip_prefix(str_arg(a, 0)?)
            .unwrap_or(str_arg(a, 1)?))
    }),
    super::f("upper", 1, |a| s(str_arg(a, 0)?.to_uppercase())),
    super::f("lower", 1, |a| s(str_arg(a, 0)?.to_lowercase())),
    super::f("title", 1, |a| s(title(str_arg(a, 0)?))),
    super::f("untitle", 1, |a| s(untitle(str_arg(a, 0)?))),
    super::f("substr", 3, substr),
    super::f("repeat", 2, repeat),
    super::f("nospace", 1, |a| {
        s(str_arg(a, 0)?
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>())
    }),
    super::f("initials", 1, |a| s(initials(str_arg(a, 0)?))),
    super::f("swapcase", 1, |a| s(swapcase(str_arg(a, 0)?))),
    super::f("shuffle", 1, shuffle),
    super::f("snakecase", 1, |a| s(delimited(str_arg(a, 0)?, '_'))),
    super::f("kebabcase", 1, |a| s(delimited(str_arg(a, 0)?, '-'))),
    super::f("camelcase", 1, |a| s(camelcase(str_arg(a, 0)?))),
    super::f("wrap", 2, |a| {
        s(wrap_custom(str_arg(a, 1)?, int_arg(a, 0)?, "\n", false))
    }),
    super::f("wrapWith", 3, |a| {
        s(wrap_custom(
            str_arg(a, 2)?,
            int_arg(a, 0)?,
            str_arg(a, 1)?,
            true,
        ))
    }),
    super::f("contains", 2, |a| {
        Ok(Value::from(str_arg(a, 1)?.contains(str_arg(a, 0)?)))
    }),
    super::f("hasPrefix", 2, |a| {
        Ok(Value::from(str_arg(a, 1)?.starts_with(str_arg(a, 0)?)))
    }),
    super::f("hasSuffix", 2, |a| {
        Ok(Value::from(str_arg(a, 1)?.ends_with(str_arg(a, 0)?)))
    }),
    super::v("quote", 0, quote),
    super::v("squote", 0, squote),
    super::v("cat", 0, cat),
    super::f("indent", 2, |a| s(indent(int_arg(a, 0)?, str_arg(a, 1)?))),
    super::f("nindent", 2, |a| {
        s(format!("\n{}", indent(int_arg(a, 0)?, str_arg(a, 1)?)))
    }),
    super::f("replace", 3, |a| {
        s(str_arg(a, 2)?.replace(str_arg(a, 0)?, str_arg(a, 1)?))
    }),
    super::f("plural", 3, |a| {
        s(if int_arg(a, 2)? == 1 {
            str_arg(a, 0)?
        } else {
            str_arg(a, 1)?
        })
    }),
    super::f("split", 2, split),
    super::f("splitList", 2, split_list),
    super::f("splitn", 3, splitn),
    super::f("toStrings", 1, |a| Ok(string_list(strslice(&a[0])))),
    super::f("join", 2, |a| s(strslice(&a[1]).join(str_arg(a, 0)?))),
    super::f("sortAlpha", 1, sort_alpha),
    super::f("randAlphaNum", 1, |a| {
        random(
            a,
            b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        )
    }),
    super::f("randAlpha", 1, |a| {
        random(a, b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    }),
    super::f("randNumeric", 1, |a| random(a, b"0123456789")),
    super::f("randAscii", 1, rand_ascii),
    super::f("uuidv4", 0, |_| s(uuidv4())),
];

fn abbrev(a: &[Value]) -> FnResult {
    let width = int_arg(a, 0)?;
    let st = str_arg(a, 1)?;
    if width < 4 {
        return s(st);
    }
    s(abbreviate_full(st, 0, width as usize))
}

fn abbrevboth(a: &[Value]) -> FnResult {
    let (left, right) = (int_arg(a, 0)?, int_arg(a, 1)?);
    let st = str_arg(a, 2)?;
    if right < 4 || left > 0 && right < 7 {
        return s(st);
    }
    s(abbreviate_full(st, left.max(0) as usize, right as usize))
}

/// goutils.AbbreviateFull (byte offsets, as in Go).
fn abbreviate_full(st: &str, offset: usize, max_width: usize) -> String {
    let b = st.as_bytes();
    let cut = |from: usize, to: usize| String::from_utf8_lossy(&b[from..to]).into_owned();
    if st.is_empty() || b.len() <= max_width {
        return st.to_string();
    }
    let mut offset = offset.min(b.len());
    if b.len() - offset < max_width - 3 {
        offset = b.len() - (max_width - 3);
    }
    if offset <= 4 {
        return format!("{}...", cut(0, max_width - 3));
    }
    if max_width < 7 {
        return String::new();
    }
    if offset + max_width - 3 < b.len() {
        let rest = cut(offset, b.len());
        return format!("...{}", abbreviate_full(&rest, 0, max_width - 3));
    }
    format!("...{}", cut(b.len() - (max_width - 3), b.len()))
}

fn trunc(a: &[Value]) -> FnResult {
    let c = int_arg(a, 0)?;
    let st = str_arg(a, 1)?;
    let len = st.len() as i64;
    let b = st.as_bytes();
    let out = if c < 0 && len + c > 0 {
        String::from_utf8_lossy(&b[(len + c) as usize..]).into_owned()
    } else if c >= 0 && len > c {
        String::from_utf8_lossy(&b[..c as usize]).into_owned()
    } else {
        st.to_string()
    };
    s(out)
}

fn trim_all(a: &[Value]) -> FnResult {
    let cutset = str_arg(a, 0)?;
    s(str_arg(a, 1)?.trim_matches(|c| cutset.contains(c)))
}

fn is_title_separator(c: char) -> bool {
    if c.is_ascii() {
        return !(c.is_ascii_alphanumeric() || c == '_');
    }
    if c.is_alphabetic() || c.is_numeric() {
        return false;
    }
    c.is_whitespace()
}

/// Go's `strings.Title`.
fn title(st: &str) -> String {
    let mut prev = ' ';
    st.chars()
        .flat_map(|c| {
            let up = is_title_separator(prev);
            prev = c;
            if up {
                c.to_uppercase().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// goutils.Uncapitalize: lower-cases the first letter of each whitespace-separated word.
fn untitle(st: &str) -> String {
    let mut prev_space = true;
    st.chars()
        .flat_map(|c| {
            let low = prev_space;
            prev_space = c.is_whitespace();
            if low {
                c.to_lowercase().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

fn substr(a: &[Value]) -> FnResult {
    let (start, end) = (int_arg(a, 0)?, int_arg(a, 1)?);
    let st = str_arg(a, 2)?;
    let b = st.as_bytes();
    let len = b.len() as i64;
    let slice = |from: i64, to: i64| -> FnResult {
        if from < 0 || to > len || from > to {
            return Err(failed(format!(
                "runtime error: slice bounds out of range [{from}:{to}]"
            )));
        }
        s(String::from_utf8_lossy(&b[from as usize..to as usize]).into_owned())
    };
    if start < 0 {
        return slice(0, end);
    }
    if end < 0 || end > len {
        return slice(start, len);
    }
    slice(start, end)
}

fn repeat(a: &[Value]) -> FnResult {
    let n = int_arg(a, 0)?;
    if n < 0 {
        return Err(failed("strings: negative Repeat count"));
    }
    super::check_size(n as u128 * str_arg(a, 1)?.len() as u128, "the string")?;
    s(str_arg(a, 1)?.repeat(n as usize))
}

fn initials(st: &str) -> String {
    st.split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect()
}

fn swapcase(st: &str) -> String {
    st.chars()
        .flat_map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<Vec<_>>()
            } else if c.is_lowercase() {
                c.to_uppercase().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

fn shuffle(a: &[Value]) -> FnResult {
    let mut chars: Vec<char> = str_arg(a, 0)?.chars().collect();
    chars.shuffle(&mut rand::rng());
    s(chars.into_iter().collect::<String>())
}

/// Splits camel case and separators into lower-case words (xstrings' snake/kebab rules:
/// `HTTPServer` → `http_server`, `FirstName` → `first_name`).
fn delimited(st: &str, sep: char) -> String {
    let chars: Vec<char> = st.chars().collect();
    let mut out = String::with_capacity(st.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' || c == '-' || c == ' ' {
            if !out.is_empty() && !out.ends_with(sep) {
                out.push(sep);
            }
            continue;
        }
        if c.is_uppercase() && i > 0 && !out.is_empty() && !out.ends_with(sep) {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                out.push(sep);
            }
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// xstrings.ToCamelCase: `some_words` → `SomeWords`; leading and trailing underscores stay, and a
/// run of n underscores inside keeps n-1 (`a__b` → `A_B`).
fn camelcase(st: &str) -> String {
    let mut out = String::with_capacity(st.len());
    let mut chars = st.chars();
    let mut r0 = None;
    for c in chars.by_ref() {
        if c != '_' {
            r0 = Some(c);
            break;
        }
        out.push('_');
    }
    let Some(first) = r0 else { return out };
    let mut r0: Vec<char> = first.to_uppercase().collect();
    for c in chars {
        let r1 = std::mem::replace(&mut r0, vec![c]);
        if r1 == ['_'] && c == '_' {
            out.push('_');
            continue;
        }
        if r1 == ['_'] {
            r0 = c.to_uppercase().collect();
        } else {
            out.extend(r1);
        }
    }
    out.extend(r0);
    out
}

/// goutils.WrapCustom (Apache Commons WordUtils.wrap).
fn wrap_custom(st: &str, width: i64, newline: &str, wrap_long: bool) -> String {
    if st.is_empty() {
        return String::new();
    }
    let newline = if newline.is_empty() { "\n" } else { newline };
    let width = width.max(1) as usize;
    let b = st.as_bytes();
    let len = b.len();
    let text = |from: usize, to: usize| String::from_utf8_lossy(&b[from..to.min(len)]).into_owned();
    let mut offset = 0;
    let mut out = String::new();
    while len - offset > width {
        if b[offset] == b' ' {
            offset += 1;
            continue;
        }
        let end = (width + offset + 1).min(len);
        let space = st[offset..end].rfind(' ').map(|i| i + offset);
        match space {
            Some(at) if at >= offset => {
                out.push_str(&text(offset, at));
                out.push_str(newline);
                offset = at + 1;
            }
            _ => {
                let end = width + offset;
                if wrap_long {
                    out.push_str(&text(offset, end));
                    out.push_str(newline);
                    offset += width;
                } else {
                    match st[end..].find(' ') {
                        None => {
                            out.push_str(&text(offset, len));
                            offset = len;
                        }
                        Some(i) => {
                            let at = i + end;
                            out.push_str(&text(offset, at));
                            out.push_str(newline);
                            offset = at + 1;
                        }
                    }
                }
            }
        }
    }
    out.push_str(&text(offset, len));
    out
}

fn non_nil(a: &[Value]) -> impl Iterator<Item = &Value> {
    a.iter().filter(|v| !matches!(view(v), View::Nil))
}

fn quote(a: &[Value]) -> FnResult {
    s(non_nil(a)
        .map(|v| go_quote(&strval(v)))
        .collect::<Vec<_>>()
        .join(" "))
}

fn squote(a: &[Value]) -> FnResult {
    s(non_nil(a)
        .map(|v| format!("'{}'", strval(v)))
        .collect::<Vec<_>>()
        .join(" "))
}

fn cat(a: &[Value]) -> FnResult {
    let parts: Vec<Value> = non_nil(a).cloned().collect();
    s(crate::template::gofmt::sprintf(
        &vec!["%v"; parts.len()].join(" "),
        &parts,
    ))
}

fn indent(spaces: i64, st: &str) -> String {
    let pad = " ".repeat(spaces.max(0) as usize);
    format!("{pad}{}", st.replace('\n', &format!("\n{pad}")))
}

fn split(a: &[Value]) -> FnResult {
    let (sep, orig) = (str_arg(a, 0)?, str_arg(a, 1)?);
    let parts = go_split(orig, sep, None);
    Ok(map_of(
        Elem::String,
        parts
            .into_iter()
            .enumerate()
            .map(|(i, p)| (format!("_{i}"), Value::from(p)))
            .collect(),
    ))
}

fn splitn(a: &[Value]) -> FnResult {
    let sep = str_arg(a, 0)?;
    let n = int_arg(a, 1)?;
    let orig = str_arg(a, 2)?;
    let parts = go_split(orig, sep, Some(n));
    Ok(map_of(
        Elem::String,
        parts
            .into_iter()
            .enumerate()
            .map(|(i, p)| (format!("_{i}"), Value::from(p)))
            .collect(),
    ))
}

fn split_list(a: &[Value]) -> FnResult {
    let (sep, orig) = (str_arg(a, 0)?, str_arg(a, 1)?);
    Ok(string_list(go_split(orig, sep, None)))
}

/// Go's `strings.Split` / `SplitN`: an empty separator splits into UTF-8 characters.
fn go_split(st: &str, sep: &str, n: Option<i64>) -> Vec<String> {
    if n == Some(0) {
        return Vec::new();
    }
    let limit = n.filter(|&n| n > 0).map(|n| n as usize);
    if sep.is_empty() {
        let chars: Vec<String> = st.chars().map(String::from).collect();
        return match limit {
            Some(l) if chars.len() > l => {
                let mut v: Vec<String> = chars[..l - 1].to_vec();
                v.push(st.chars().skip(l - 1).collect());
                v
            }
            _ => chars,
        };
    }
    match limit {
        Some(l) => st.splitn(l, sep).map(String::from).collect(),
        None => st.split(sep).map(String::from).collect(),
    }
}

pub(crate) fn string_list(items: Vec<String>) -> Value {
    list(items.into_iter().map(Value::from).collect())
}

/// sprig's `strslice`: a list's non-nil elements as strings; a scalar becomes a one-element list.
pub(crate) fn strslice(v: &Value) -> Vec<String> {
    match view(v) {
        View::List(l) => non_nil(l).map(strval).collect(),
        View::Bytes(b) => b.iter().map(|x| x.to_string()).collect(),
        View::Nil => Vec::new(),
        _ => vec![strval(v)],
    }
}

fn sort_alpha(a: &[Value]) -> FnResult {
    match view(&a[0]) {
        View::List(_) | View::Bytes(_) => {
            let mut v = strslice(&a[0]);
            v.sort();
            Ok(string_list(v))
        }
        _ => Ok(string_list(vec![strval(&a[0])])),
    }
}

fn random(a: &[Value], alphabet: &[u8]) -> FnResult {
    let n = super::check_size(int_arg(a, 0)?.max(0) as u128, "the string")?;
    let mut rng = rand::rng();
    s((0..n)
        .map(|_| alphabet[rng.random_range(0..alphabet.len())] as char)
        .collect::<String>())
}

fn rand_ascii(a: &[Value]) -> FnResult {
    let n = super::check_size(int_arg(a, 0)?.max(0) as u128, "the string")?;
    let mut rng = rand::rng();
    s((0..n)
        .map(|_| rng.random_range(32u8..=126) as char)
        .collect::<String>())
}

fn uuidv4() -> String {
    let mut b: [u8; 16] = rand::random();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}
