//! sprig encoding, hashing, path and regex functions.

use base64::Engine;
use regex::Regex;
use sha1::Digest;

use super::strings::string_list;
use super::{FnError, FnResult, FuncDef, failed, int_arg, s, str_arg};
use crate::template::value::{Value, go_bytes, go_string};

pub(super) const FUNCS: &[FuncDef] = &[
    super::f("b64enc", 1, |a| {
        s(base64::engine::general_purpose::STANDARD.encode(go_bytes(str_arg(a, 0)?)))
    }),
    super::f("b64dec", 1, |a| s(b64_decode(&go_bytes(str_arg(a, 0)?)))),
    super::f("b32enc", 1, |a| s(b32_encode(&go_bytes(str_arg(a, 0)?)))),
    super::f("b32dec", 1, |a| s(b32_decode(&go_bytes(str_arg(a, 0)?)))),
    super::f("sha1sum", 1, |a| {
        s(hex::encode(sha1::Sha1::digest(go_bytes(str_arg(a, 0)?))))
    }),
    super::f("sha256sum", 1, |a| {
        s(hex::encode(sha2::Sha256::digest(go_bytes(str_arg(a, 0)?))))
    }),
    super::f("adler32sum", 1, |a| {
        s(adler32(&go_bytes(str_arg(a, 0)?)).to_string())
    }),
    super::f("base", 1, |a| s(path_base(str_arg(a, 0)?))),
    super::f("dir", 1, |a| s(path_dir(str_arg(a, 0)?))),
    super::f("clean", 1, |a| s(path_clean(str_arg(a, 0)?))),
    super::f("ext", 1, |a| s(path_ext(str_arg(a, 0)?))),
    super::f("isAbs", 1, |a| {
        Ok(Value::from(str_arg(a, 0)?.starts_with('/')))
    }),
    super::f("regexMatch", 2, |a| {
        Ok(Value::from(
            Regex::new(str_arg(a, 0)?).is_ok_and(|r| r.is_match(str_arg(a, 1).unwrap_or(""))),
        ))
    }),
    super::f("regexFindAll", 3, regex_find_all),
    super::f("regexFind", 2, |a| {
        s(compile(str_arg(a, 0)?)?
            .find(str_arg(a, 1)?)
            .map_or("", |m| m.as_str()))
    }),
    super::f("regexReplaceAll", 3, |a| {
        s(compile(str_arg(a, 0)?)?
            .replace_all(str_arg(a, 1)?, str_arg(a, 2)?)
            .into_owned())
    }),
    super::f("regexReplaceAllLiteral", 3, |a| {
        s(compile(str_arg(a, 0)?)?
            .replace_all(str_arg(a, 1)?, regex::NoExpand(str_arg(a, 2)?))
            .into_owned())
    }),
    super::f("regexSplit", 3, regex_split),
];

/// `regexp.MustCompile`: a bad pattern panics in sprig, which Go reports as the call's error.
fn compile(pattern: &str) -> Result<Regex, FnError> {
    Regex::new(pattern).map_err(|e| failed(format!("regexp: Compile({pattern:?}): {e}")))
}

fn regex_find_all(a: &[Value]) -> FnResult {
    let re = compile(str_arg(a, 0)?)?;
    let text = str_arg(a, 1)?;
    let n = int_arg(a, 2)?;
    let it = re.find_iter(text).map(|m| m.as_str().to_string());
    let found: Vec<String> = if n < 0 {
        it.collect()
    } else {
        it.take(n as usize).collect()
    };
    Ok(string_list(found))
}

/// `Regexp.Split(s, n)`.
fn regex_split(a: &[Value]) -> FnResult {
    let pattern = str_arg(a, 0)?;
    let re = compile(pattern)?;
    let text = str_arg(a, 1)?;
    let n = int_arg(a, 2)?;
    if n == 0 {
        return Ok(string_list(Vec::new()));
    }
    if !pattern.is_empty() && text.is_empty() {
        return Ok(string_list(vec![String::new()]));
    }
    let matches: Vec<(usize, usize)> = if n < 0 {
        re.find_iter(text).map(|m| (m.start(), m.end())).collect()
    } else {
        re.find_iter(text)
            .take(n as usize)
            .map(|m| (m.start(), m.end()))
            .collect()
    };
    let mut out = Vec::new();
    let (mut beg, mut end) = (0, 0);
    for (ms, me) in matches {
        if n > 0 && out.len() as i64 == n - 1 {
            break;
        }
        end = ms;
        if me != 0 {
            out.push(text[beg..end].to_string());
        }
        beg = me;
    }
    if end != text.len() {
        out.push(text[beg..].to_string());
    }
    Ok(string_list(out))
}

/// Go's `base64.StdEncoding.DecodeString`; sprig returns the error text instead of failing.
fn b64_decode(src: &[u8]) -> String {
    const ALPHA: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let decode = |c: u8| ALPHA.iter().position(|&x| x == c).map(|p| p as u32);
    let corrupt = |at: usize| format!("illegal base64 data at input byte {at}");
    let mut out = Vec::with_capacity(src.len() * 3 / 4);
    let mut si = 0;
    loop {
        let mut dbuf = [0u32; 4];
        let mut dlen = 4;
        let mut j = 0;
        let mut trailing_err = None;
        while j < 4 {
            if si == src.len() {
                if j == 0 {
                    return go_string(&out);
                }
                return corrupt(si - j);
            }
            let c = src[si];
            si += 1;
            if let Some(v) = decode(c) {
                dbuf[j] = v;
                j += 1;
                continue;
            }
            if c == b'\n' || c == b'\r' {
                continue;
            }
            if c != b'=' {
                return corrupt(si - 1);
            }
            match j {
                0 | 1 => return corrupt(si - 1),
                2 => {
                    while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                        si += 1;
                    }
                    if si == src.len() {
                        return corrupt(src.len());
                    }
                    if src[si] != b'=' {
                        return corrupt(si - 1);
                    }
                    si += 1;
                }
                _ => {}
            }
            while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                si += 1;
            }
            if si < src.len() {
                trailing_err = Some(corrupt(si));
            }
            dlen = j;
            break;
        }
        let val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
        let bytes = [(val >> 16) as u8, (val >> 8) as u8, val as u8];
        out.extend_from_slice(&bytes[..dlen - 1]);
        if let Some(e) = trailing_err {
            return e;
        }
        if dlen < 4 {
            return go_string(&out);
        }
    }
}

const B32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn b32_encode(src: &[u8]) -> String {
    let mut out = String::with_capacity(src.len().div_ceil(5) * 8);
    for chunk in src.chunks(5) {
        let mut buf = [0u8; 5];
        buf[..chunk.len()].copy_from_slice(chunk);
        let v = buf.iter().fold(0u64, |acc, &b| (acc << 8) | b as u64);
        let chars = match chunk.len() {
            1 => 2,
            2 => 4,
            3 => 5,
            4 => 7,
            _ => 8,
        };
        for i in 0..8 {
            if i < chars {
                out.push(B32[((v >> (35 - i * 5)) & 31) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `base32.StdEncoding.DecodeString`; sprig returns the error text instead of failing.
fn b32_decode(src: &[u8]) -> String {
    let corrupt = |at: usize| format!("illegal base32 data at input byte {at}");
    let clean: Vec<(usize, u8)> = src
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, c)| *c != b'\n' && *c != b'\r')
        .collect();
    if !clean.len().is_multiple_of(8) {
        return corrupt(src.len() - src.len() % 8);
    }
    let mut out = Vec::new();
    for quantum in clean.chunks(8) {
        let pad = quantum.iter().rev().take_while(|(_, c)| *c == b'=').count();
        let chars = 8 - pad;
        if !matches!(chars, 2 | 4 | 5 | 7 | 8) {
            return corrupt(quantum[chars].0);
        }
        let mut v = 0u64;
        for (i, &(at, c)) in quantum.iter().enumerate() {
            let d = if i < chars {
                match B32.iter().position(|&x| x == c) {
                    Some(d) => d as u64,
                    None => return corrupt(at),
                }
            } else {
                0
            };
            v = (v << 5) | d;
        }
        let bytes = v.to_be_bytes();
        let n = match chars {
            2 => 1,
            4 => 2,
            5 => 3,
            7 => 4,
            _ => 5,
        };
        out.extend_from_slice(&bytes[3..3 + n]);
        if pad > 0 && quantum.as_ptr() != clean[clean.len() - 8..].as_ptr() {
            return corrupt(quantum[7].0 + 1);
        }
    }
    go_string(&out)
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + x as u32) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

/// Go's `path.Clean`.
pub(crate) fn path_clean(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

fn path_base(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let trimmed = p.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".into();
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed).to_string()
}

fn path_dir(p: &str) -> String {
    let dir = match p.rfind('/') {
        Some(i) => &p[..=i],
        None => "",
    };
    path_clean(dir)
}

fn path_ext(p: &str) -> String {
    for (i, c) in p.char_indices().rev() {
        if c == '/' {
            break;
        }
        if c == '.' {
            return p[i..].to_string();
        }
    }
    String::new()
}
