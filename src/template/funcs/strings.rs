//! sprig string functions.

use rand::RngExt;
use rand::seq::SliceRandom;

use super::{FnError, FnResult, FuncDef, failed, int_arg, s, str_arg, strval};
use crate::template::gofmt::go_quote;
use crate::template::value::{Elem, Value, View, go_bytes, go_string, map_of, typed_list, view};

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
    super::f("upper", 1, |a| s(map_chars(str_arg(a, 0)?, go_upper))),
    super::f("lower", 1, |a| s(map_chars(str_arg(a, 0)?, go_lower))),
    super::f("title", 1, |a| s(title(str_arg(a, 0)?))),
    super::f("untitle", 1, |a| s(untitle(str_arg(a, 0)?))),
    super::f("substr", 3, substr),
    super::f("repeat", 2, repeat),
    super::f("nospace", 1, |a| s(nospace(str_arg(a, 0)?))),
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
    super::f("indent", 2, |a| s(indent(int_arg(a, 0)?, str_arg(a, 1)?)?)),
    super::f("nindent", 2, |a| {
        s(format!("\n{}", indent(int_arg(a, 0)?, str_arg(a, 1)?)?))
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

/// goutils.AbbreviateFull on Go's bytes: offsets count bytes, so a cut may split a multi-byte
/// character, which Go keeps as raw bytes (and so do we, see [`go_string`]).
fn abbreviate_full(st: &str, offset: usize, max_width: usize) -> String {
    let bytes = go_bytes(st);
    let b: &[u8] = &bytes;
    if b.is_empty() || max_width < 4 {
        // goutils returns "" with an error for widths under 4, and sprig ignores the error.
        return if b.is_empty() {
            String::new()
        } else {
            st.to_string()
        };
    }
    if b.len() <= max_width {
        return st.to_string();
    }
    let mut offset = offset.min(b.len());
    if b.len() - offset < max_width - 3 {
        offset = b.len() - (max_width - 3);
    }
    if offset <= 4 {
        return format!("{}...", go_string(&b[..max_width - 3]));
    }
    if max_width < 7 {
        return String::new();
    }
    if offset + max_width - 3 < b.len() {
        let rest = go_string(&b[offset..]);
        return format!("...{}", abbreviate_full(&rest, 0, max_width - 3));
    }
    format!("...{}", go_string(&b[b.len() - (max_width - 3)..]))
}

/// Go's `s[from:to]` on bytes, with the runtime's panic message (which `text/template` turns
/// into an error) when the bounds are out of range.
fn slice_bytes(b: &[u8], from: Option<i64>, to: Option<i64>) -> Result<String, FnError> {
    let len = b.len() as i64;
    let (lo, hi) = (from.unwrap_or(0), to.unwrap_or(len));
    let shown = |x: Option<i64>| x.map(|v| v.to_string()).unwrap_or_default();
    if hi < 0 || hi > len {
        let with_len = if hi > len {
            format!(" with length {len}")
        } else {
            String::new()
        };
        return Err(failed(format!(
            "runtime error: slice bounds out of range [{}:{}]{with_len}",
            if from.is_some() {
                shown(from)
            } else {
                String::new()
            },
            hi
        )));
    }
    if lo < 0 || lo > hi {
        return Err(failed(format!(
            "runtime error: slice bounds out of range [{lo}:{hi}]"
        )));
    }
    Ok(go_string(&b[lo as usize..hi as usize]))
}

/// sprig v2.22.0's `trunc`: `if len(s) <= c { return s }; return s[0:c]` on bytes, so a
/// negative count is Go's slice-bounds runtime error (sprig v3 counts from the end instead).
fn trunc(a: &[Value]) -> FnResult {
    let c = int_arg(a, 0)?;
    let st = str_arg(a, 1)?;
    let bytes = go_bytes(st);
    if bytes.len() as i64 <= c {
        return s(st);
    }
    s(slice_bytes(&bytes, None, Some(c))?)
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

/// Go's `unicode.ToUpper`: the simple (one character) case mapping. Rust only offers the full
/// mapping, which turns `ß` into `SS`; where that yields several characters Go's simple mapping
/// keeps the character (`strings.ToUpper("straße")` is `STRAßE`). A raw byte that is not UTF-8
/// becomes U+FFFD, as `strings.Map` writes it.
fn go_upper(c: char) -> char {
    if crate::template::value::raw_byte(c).is_some() {
        return '\u{FFFD}';
    }
    // Greek small letters with ypogegrammeni: the full mapping adds a capital iota, the simple
    // one gives the title-case letter.
    let code = c as u32;
    if matches!(code & 0xF, 0..=7) && matches!(code, 0x1F80..=0x1FAF) {
        return char::from_u32(code + 8).unwrap_or(c);
    }
    if matches!(code, 0x1FB3 | 0x1FC3 | 0x1FF3) {
        return char::from_u32(code + 9).unwrap_or(c);
    }
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Go's `unicode.ToLower` (simple mapping; `İ` lowers to `i` in both), per character, so a
/// final `Σ` becomes `σ` as in Go (Rust's `str::to_lowercase` would write `ς`).
fn go_lower(c: char) -> char {
    if crate::template::value::raw_byte(c).is_some() {
        return '\u{FFFD}';
    }
    c.to_lowercase().next().unwrap_or(c)
}

/// Go's `for _, r := range s`: a byte that is not UTF-8 reads as U+FFFD.
fn go_runes(st: &str) -> impl Iterator<Item = char> + '_ {
    st.chars().map(|c| {
        if crate::template::value::raw_byte(c).is_some() {
            '\u{FFFD}'
        } else {
            c
        }
    })
}

/// goutils v1.1.1 reads strings byte by byte and writes each byte back as the rune of the
/// same number (`rune(str[i])`), so non-ASCII text comes out as Latin-1 mojibake; `nospace`
/// and `initials` do that, and Go's output is what Kanister runs.
fn latin1_rune(b: u8) -> char {
    char::from(b)
}

/// Go's `unicode.IsSpace` for a rune below 256.
fn is_go_space_byte(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' | 0x85 | 0xa0)
}

/// goutils.DeleteWhiteSpace: unchanged when no byte is a space, else every non-space byte as
/// a rune.
fn nospace(st: &str) -> String {
    let bytes = go_bytes(st);
    if !bytes.iter().any(|&b| is_go_space_byte(b)) {
        return st.to_string();
    }
    bytes
        .iter()
        .filter(|&&b| !is_go_space_byte(b))
        .map(|&b| latin1_rune(b))
        .collect()
}

/// goutils.Initials: the first byte (as a rune) after each run of space bytes.
fn initials(st: &str) -> String {
    let mut last_was_gap = true;
    let mut out = String::new();
    for &b in go_bytes(st).iter() {
        if is_go_space_byte(b) {
            last_was_gap = true;
        } else if last_was_gap {
            out.push(latin1_rune(b));
            last_was_gap = false;
        }
    }
    out
}

fn map_chars(st: &str, f: fn(char) -> char) -> String {
    st.chars().map(f).collect()
}

/// Go's `strings.Title`.
fn title(st: &str) -> String {
    let mut prev = ' ';
    go_runes(st)
        .map(|c| {
            let up = is_title_separator(prev);
            prev = c;
            if up { go_title(c) } else { c }
        })
        .collect()
}

/// Unicode's title-case letters (category Lt: `ǅ ǈ ǋ ǲ` and the Greek letters with
/// prosgegrammeni), which Go's `unicode.IsTitle` reports.
fn is_go_title(c: char) -> bool {
    matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

/// Go's `unicode.ToTitle`: the Latin digraphs have their own title case (`ǆ` → `ǅ`, not `Ǆ`);
/// every other letter titles as it upper-cases.
fn go_title(c: char) -> char {
    let code = c as u32;
    let titled = match code {
        0x1C4..=0x1C6 => 0x1C5,
        0x1C7..=0x1C9 => 0x1C8,
        0x1CA..=0x1CC => 0x1CB,
        0x1F1..=0x1F3 => 0x1F2,
        _ => return go_upper(c),
    };
    char::from_u32(titled).unwrap_or(c)
}

/// goutils.Uncapitalize: lower-cases the first letter of each whitespace-separated word.
fn untitle(st: &str) -> String {
    let mut prev_space = true;
    go_runes(st)
        .map(|c| {
            let low = prev_space;
            prev_space = c.is_whitespace();
            if low { go_lower(c) } else { c }
        })
        .collect()
}

/// sprig's `substring` on Go's bytes: `s[:end]` for a negative start, `s[start:]` for a
/// negative or too large end, else `s[start:end]`; out-of-range bounds are Go's runtime error.
fn substr(a: &[Value]) -> FnResult {
    let (start, end) = (int_arg(a, 0)?, int_arg(a, 1)?);
    let st = str_arg(a, 2)?;
    let bytes = go_bytes(st);
    let len = bytes.len() as i64;
    if start < 0 {
        return s(slice_bytes(&bytes, None, Some(end))?);
    }
    if end < 0 || end > len {
        return s(slice_bytes(&bytes, Some(start), None)?);
    }
    s(slice_bytes(&bytes, Some(start), Some(end))?)
}

fn repeat(a: &[Value]) -> FnResult {
    let n = int_arg(a, 0)?;
    if n < 0 {
        return Err(failed("strings: negative Repeat count"));
    }
    super::check_size(n as u128 * str_arg(a, 1)?.len() as u128, "the string")?;
    s(str_arg(a, 1)?.repeat(n as usize))
}

fn swapcase(st: &str) -> String {
    go_runes(st)
        .map(|c| {
            if c.is_uppercase() || is_go_title(c) {
                go_lower(c)
            } else if c.is_lowercase() {
                go_upper(c)
            } else {
                c
            }
        })
        .collect()
}

fn shuffle(a: &[Value]) -> FnResult {
    let mut chars: Vec<char> = go_runes(str_arg(a, 0)?).collect();
    chars.shuffle(&mut rand::rng());
    s(chars.into_iter().collect::<String>())
}

/// xstrings v1.2.0's `camelCaseToLowerCase` (snakecase, kebabcase), rune for rune: a connector
/// before an upper-case letter or a number that does not follow one, runs of capitals read as an
/// abbreviation plus a word (`HTTPServer` → `http_server`), and every space, `-` and `_` becomes
/// the connector (so leading and trailing spaces stay, as connectors).
fn delimited(st: &str, sep: char) -> String {
    let mut runes = go_runes(st).peekable();
    let mut out = String::with_capacity(st.len() + 4);
    let mut r0 = sep;
    while let Some(c) = runes.next() {
        let prev = r0;
        r0 = c;
        if r0 == '\u{FFFD}' {
            out.push(r0);
        } else if r0.is_uppercase() {
            if prev != sep && !prev.is_numeric() {
                out.push(sep);
            }
            out.push(go_lower(r0));
            let Some(c) = runes.next() else { break };
            r0 = c;
            if !r0.is_uppercase() {
                out.push(r0);
                continue;
            }
            for c in runes.by_ref() {
                let r1 = r0;
                r0 = c;
                if r0 == '\u{FFFD}' {
                    out.push(go_lower(r1));
                    out.push(r0);
                    break;
                }
                if !r0.is_uppercase() {
                    if r0 == '_' || r0 == ' ' || r0 == '-' {
                        r0 = sep;
                        out.push(go_lower(r1));
                    } else if r0.is_numeric() {
                        out.push(go_lower(r1));
                        out.push(sep);
                        out.push(r0);
                    } else {
                        out.push(sep);
                        out.push(go_lower(r1));
                        out.push(r0);
                    }
                    break;
                }
                out.push(go_lower(r1));
            }
            if runes.peek().is_none() || r0 == sep {
                out.push(go_lower(r0));
            }
        } else if r0.is_numeric() {
            if prev != sep && !prev.is_numeric() {
                out.push(sep);
            }
            out.push(r0);
        } else {
            if r0 == ' ' || r0 == '-' || r0 == '_' {
                r0 = sep;
            }
            out.push(r0);
        }
    }
    out
}

/// xstrings.ToCamelCase: `some_words` → `SomeWords`; leading and trailing underscores stay, and a
/// run of n underscores inside keeps n-1 (`a__b` → `A_B`).
fn camelcase(st: &str) -> String {
    let mut out = String::with_capacity(st.len());
    let mut chars = go_runes(st);
    let mut r0 = None;
    for c in chars.by_ref() {
        if c != '_' {
            r0 = Some(c);
            break;
        }
        out.push('_');
    }
    let Some(first) = r0 else { return out };
    let mut r0: Vec<char> = vec![go_upper(first)];
    for c in chars {
        let r1 = std::mem::replace(&mut r0, vec![c]);
        if r1 == ['_'] && c == '_' {
            out.push('_');
            continue;
        }
        if r1 == ['_'] {
            r0 = vec![go_upper(c)];
        } else {
            // xstrings v1.2.0 lower-cases every rune that does not follow an underscore.
            r0 = vec![go_lower(c)];
            out.extend(r1);
        }
    }
    out.extend(r0);
    out
}

/// goutils.WrapCustom (Apache Commons WordUtils.wrap) on Go's bytes: widths and offsets count
/// bytes, so a wrap point may fall inside a multi-byte character; Go then emits the two halves
/// as raw bytes and so does this (never a panic on a char boundary).
fn wrap_custom(st: &str, width: i64, newline: &str, wrap_long: bool) -> String {
    if st.is_empty() {
        return String::new();
    }
    let newline = go_bytes(if newline.is_empty() { "\n" } else { newline }).into_owned();
    let width = usize::try_from(width.max(1)).unwrap_or(usize::MAX);
    let bytes = go_bytes(st);
    let b: &[u8] = &bytes;
    let len = b.len();
    let last_space = |from: usize, to: usize| b[from..to].iter().rposition(|&c| c == b' ');
    let first_space = |from: usize| b[from..].iter().position(|&c| c == b' ');
    let mut offset = 0;
    let mut out: Vec<u8> = Vec::with_capacity(len + len / width.max(1) * newline.len());
    while len - offset > width {
        if b[offset] == b' ' {
            offset += 1;
            continue;
        }
        // `len - offset > width` keeps `end` within the string.
        let end = width + offset + 1;
        match last_space(offset, end) {
            Some(at) => {
                out.extend_from_slice(&b[offset..offset + at]);
                out.extend_from_slice(&newline);
                offset += at + 1;
            }
            None => {
                let end = width + offset;
                if wrap_long {
                    out.extend_from_slice(&b[offset..end]);
                    out.extend_from_slice(&newline);
                    offset = end;
                } else {
                    match first_space(end) {
                        None => {
                            out.extend_from_slice(&b[offset..]);
                            offset = len;
                        }
                        Some(i) => {
                            out.extend_from_slice(&b[offset..end + i]);
                            out.extend_from_slice(&newline);
                            offset = end + i + 1;
                        }
                    }
                }
            }
        }
    }
    out.extend_from_slice(&b[offset..]);
    go_string(&out)
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

/// sprig's `indent`: `strings.Repeat(" ", spaces)`, so a negative count is Go's error.
fn indent(spaces: i64, st: &str) -> Result<String, FnError> {
    if spaces < 0 {
        return Err(failed("strings: negative Repeat count"));
    }
    let lines = st.matches('\n').count() as u128 + 1;
    super::check_size(spaces as u128 * lines + st.len() as u128, "the string")?;
    let pad = " ".repeat(spaces as usize);
    Ok(format!("{pad}{}", st.replace('\n', &format!("\n{pad}"))))
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

/// A Go `[]string`.
pub(crate) fn string_list(items: Vec<String>) -> Value {
    typed_list("string", items.into_iter().map(Value::from).collect())
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
