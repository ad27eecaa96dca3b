//! sprig's `urlParse` and `urlJoin`, on a model of Go's `net/url`: the same split into scheme,
//! opaque, userinfo, host, path, query and fragment, the same unescaping on parse and escaping
//! on join. (WHATWG parsers normalise — lowercased hosts, dropped default ports, added `/`
//! paths — where Go keeps the text, so the `url` crate would render differently.)

use std::collections::BTreeMap;

use super::collections::map_arg;
use super::{FnError, FnResult, FuncDef, failed, s, str_arg};
use crate::template::value::{GoMap, Value, View, kind_name, map_any, view};

pub(super) const FUNCS: &[FuncDef] = &[
    super::f("urlParse", 1, url_parse),
    super::f("urlJoin", 1, url_join),
];

#[derive(Debug, Default, PartialEq)]
struct GoUrl {
    scheme: String,
    opaque: String,
    /// Already unescaped; `None` when the URL has no `@`.
    user: Option<UserInfo>,
    host: String,
    path: String,
    raw_query: String,
    force_query: bool,
    fragment: String,
    omit_host: bool,
}

#[derive(Debug, Default, PartialEq)]
struct UserInfo {
    username: String,
    password: Option<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Path,
    UserPassword,
    Host,
    Fragment,
}

fn url_parse(a: &[Value]) -> FnResult {
    let raw = str_arg(a, 0)?;
    let url =
        parse(raw).map_err(|msg| failed(format!("unable to parse url: parse {raw:?}: {msg}")))?;
    let mut dict = BTreeMap::new();
    let mut put = |key: &str, value: String| {
        dict.insert(key.to_string(), Value::from(value));
    };
    put("scheme", url.scheme.clone());
    put("host", url.host.clone());
    put("hostname", hostname(&url.host).to_string());
    put("path", url.path.clone());
    put("query", url.raw_query.clone());
    put("opaque", url.opaque.clone());
    put("fragment", url.fragment.clone());
    put(
        "userinfo",
        url.user.as_ref().map(user_string).unwrap_or_default(),
    );
    Ok(map_any(dict))
}

fn url_join(a: &[Value]) -> FnResult {
    let dict = map_arg(a, 0)?;
    let get = |key: &str| dict_string(dict, key);
    let userinfo = get("userinfo")?;
    let user = if userinfo.is_empty() {
        None
    } else {
        let probe = format!("proto://{userinfo}@host");
        let parsed = parse(&probe).map_err(|msg| {
            failed(format!(
                "unable to parse userinfo in dict: parse {probe:?}: {msg}"
            ))
        })?;
        parsed.user
    };
    let url = GoUrl {
        scheme: get("scheme")?,
        host: get("host")?,
        path: get("path")?,
        raw_query: get("query")?,
        opaque: get("opaque")?,
        fragment: get("fragment")?,
        user,
        ..GoUrl::default()
    };
    s(to_string(&url))
}

/// sprig's `dictGetOrEmpty`: a missing key is empty, a non-string one is an error.
fn dict_string(dict: &GoMap, key: &str) -> Result<String, FnError> {
    match dict.get(key) {
        None => Ok(String::new()),
        Some(value) => match view(&value) {
            View::Str(text) => Ok(text.to_string()),
            _ => Err(failed(format!(
                "unable to parse {key} key, must be of type string, but {} found",
                kind_name(&value)
            ))),
        },
    }
}

/// `url.Parse`.
fn parse(raw: &str) -> Result<GoUrl, String> {
    let (rest, fragment) = match raw.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (raw, None),
    };
    let mut url = parse_without_fragment(rest)?;
    if let Some(fragment) = fragment {
        url.fragment = unescape(fragment, Mode::Fragment)?;
    }
    Ok(url)
}

fn parse_without_fragment(raw: &str) -> Result<GoUrl, String> {
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err("net/url: invalid control character in URL".into());
    }
    let mut url = GoUrl::default();
    if raw == "*" {
        url.path = "*".into();
        return Ok(url);
    }
    let (scheme, mut rest) = split_scheme(raw)?;
    url.scheme = scheme.to_ascii_lowercase();
    if rest.ends_with('?') && rest.matches('?').count() == 1 {
        url.force_query = true;
        rest = &rest[..rest.len() - 1];
    } else if let Some((before, query)) = rest.split_once('?') {
        url.raw_query = query.to_string();
        rest = before;
    }
    if !rest.starts_with('/') {
        if !url.scheme.is_empty() {
            url.opaque = rest.to_string();
            return Ok(url);
        }
        let segment = rest.split('/').next().unwrap_or_default();
        if segment.contains(':') {
            return Err("first path segment in URL cannot contain colon".into());
        }
    }
    if (!url.scheme.is_empty() || !rest.starts_with("///")) && rest.starts_with("//") {
        let after = &rest[2..];
        let (authority, path) = match after.find('/') {
            Some(i) => (&after[..i], &after[i..]),
            None => (after, ""),
        };
        let (user, host) = parse_authority(authority)?;
        url.user = user;
        url.host = host;
        rest = path;
    } else if !url.scheme.is_empty() && rest.starts_with('/') {
        url.omit_host = true;
    }
    url.path = unescape(rest, Mode::Path)?;
    Ok(url)
}

/// `getScheme`: letters, then letters, digits, `+`, `-`, `.` up to a colon.
fn split_scheme(raw: &str) -> Result<(&str, &str), String> {
    for (i, c) in raw.char_indices() {
        match c {
            'a'..='z' | 'A'..='Z' => {}
            '0'..='9' | '+' | '-' | '.' if i > 0 => {}
            ':' if i == 0 => return Err("missing protocol scheme".into()),
            ':' => return Ok((&raw[..i], &raw[i + 1..])),
            _ => return Ok(("", raw)),
        }
    }
    Ok(("", raw))
}

fn parse_authority(authority: &str) -> Result<(Option<UserInfo>, String), String> {
    let Some(at) = authority.rfind('@') else {
        return Ok((None, parse_host(authority)?));
    };
    let host = parse_host(&authority[at + 1..])?;
    let userinfo = &authority[..at];
    if !userinfo.bytes().all(valid_userinfo_byte) {
        return Err("net/url: invalid userinfo".into());
    }
    let user = match userinfo.split_once(':') {
        None => UserInfo {
            username: unescape(userinfo, Mode::UserPassword)?,
            password: None,
        },
        Some((name, password)) => UserInfo {
            username: unescape(name, Mode::UserPassword)?,
            password: Some(unescape(password, Mode::UserPassword)?),
        },
    };
    Ok((Some(user), host))
}

fn valid_userinfo_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._:~!$&'()*+,;=%@".contains(&b)
}

fn parse_host(host: &str) -> Result<String, String> {
    if host.starts_with('[') {
        let Some(end) = host.rfind(']') else {
            return Err("missing ']' in host".into());
        };
        let port = &host[end + 1..];
        if !valid_optional_port(port) {
            return Err(format!("invalid port {port:?} after host"));
        }
    } else if let Some(colon) = host.rfind(':') {
        let port = &host[colon..];
        if !valid_optional_port(port) {
            return Err(format!("invalid port {port:?} after host"));
        }
    }
    unescape(host, Mode::Host)
}

fn valid_optional_port(port: &str) -> bool {
    port.is_empty() || (port.starts_with(':') && port[1..].bytes().all(|b| b.is_ascii_digit()))
}

/// `URL.Hostname`: the host without its port or IPv6 brackets.
fn hostname(host: &str) -> &str {
    let without_port = match host.rfind(':') {
        Some(colon) if valid_optional_port(&host[colon..]) => &host[..colon],
        _ => host,
    };
    without_port
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(without_port)
}

fn unescape(text: &str, mode: Mode) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .filter(|h| h.iter().all(u8::is_ascii_hexdigit));
            let Some(hex) = hex else {
                let shown: String = text[i..].chars().take(3).collect();
                return Err(format!("invalid URL escape {shown:?}"));
            };
            let value = u8::from_str_radix(std::str::from_utf8(hex).unwrap_or("00"), 16)
                .map_err(|e| e.to_string())?;
            if mode == Mode::Host && value < 0x80 && &text[i..i + 3] != "%25" {
                return Err(format!("invalid URL escape {:?}", &text[i..i + 3]));
            }
            out.push(value);
            i += 3;
        } else {
            if mode == Mode::Host && bytes[i] < 0x80 && should_escape(bytes[i], mode) {
                return Err(format!(
                    "invalid character {:?} in host name",
                    (bytes[i] as char).to_string()
                ));
            }
            out.push(bytes[i]);
            i += 1;
        }
    }
    // Go keeps the decoded bytes as they are, valid UTF-8 or not.
    Ok(crate::template::value::go_string(&out))
}

/// `shouldEscape` for the modes used when a URL is written.
fn should_escape(c: u8, mode: Mode) -> bool {
    if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~') {
        return false;
    }
    if mode == Mode::Host
        && matches!(
            c,
            b'!' | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'"'
        )
    {
        return false;
    }
    match c {
        b'$' | b'&' | b'+' | b',' | b'/' | b':' | b';' | b'=' | b'?' | b'@' => match mode {
            Mode::Path => c == b'?',
            Mode::UserPassword => matches!(c, b'@' | b'/' | b'?' | b':'),
            Mode::Fragment => false,
            Mode::Host => true,
        },
        b'!' | b'(' | b')' | b'*' if mode == Mode::Fragment => false,
        _ => true,
    }
}

fn escape(text: &str, mode: Mode) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in crate::template::value::go_bytes(text).iter() {
        if should_escape(b, mode) {
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push(b as char);
        }
    }
    out
}

fn user_string(user: &UserInfo) -> String {
    let mut out = escape(&user.username, Mode::UserPassword);
    if let Some(password) = &user.password {
        out.push(':');
        out.push_str(&escape(password, Mode::UserPassword));
    }
    out
}

/// `URL.String`.
fn to_string(url: &GoUrl) -> String {
    let mut out = String::new();
    if !url.scheme.is_empty() {
        out.push_str(&url.scheme);
        out.push(':');
    }
    if !url.opaque.is_empty() {
        out.push_str(&url.opaque);
    } else {
        let path = escape(&url.path, Mode::Path);
        let no_authority = url.host.is_empty() && url.user.is_none();
        if !(no_authority && (url.scheme.is_empty() || url.omit_host)) {
            if !url.host.is_empty() || !url.path.is_empty() || url.user.is_some() {
                out.push_str("//");
            }
            if let Some(user) = &url.user {
                out.push_str(&user_string(user));
                out.push('@');
            }
            out.push_str(&escape(&url.host, Mode::Host));
        }
        if !path.is_empty() && !path.starts_with('/') && !url.host.is_empty() {
            out.push('/');
        }
        if out.is_empty() && path.split('/').next().unwrap_or_default().contains(':') {
            out.push_str("./");
        }
        out.push_str(&path);
    }
    if url.force_query || !url.raw_query.is_empty() {
        out.push('?');
        out.push_str(&url.raw_query);
    }
    if !url.fragment.is_empty() {
        out.push('#');
        out.push_str(&escape(&url.fragment, Mode::Fragment));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(raw: &str) -> [String; 8] {
        let url = parse(raw).unwrap();
        [
            url.scheme.clone(),
            url.user.as_ref().map(user_string).unwrap_or_default(),
            url.host.clone(),
            hostname(&url.host).to_string(),
            url.path.clone(),
            url.raw_query.clone(),
            url.fragment.clone(),
            url.opaque.clone(),
        ]
    }

    #[test]
    fn parses_like_go() {
        assert_eq!(
            parts("HTTPS://admin:s%40fe@Example.COM:8443/a%20b/c?x=1&y=2#frag%21"),
            [
                "https",
                "admin:s%40fe",
                "Example.COM:8443",
                "Example.COM",
                "/a b/c",
                "x=1&y=2",
                "frag!",
                ""
            ]
        );
        assert_eq!(
            parts("mailto:someone@example.com"),
            ["mailto", "", "", "", "", "", "", "someone@example.com"]
        );
        assert_eq!(
            parts("http://[::1]:80/x"),
            ["http", "", "[::1]:80", "::1", "/x", "", "", ""]
        );
        assert_eq!(
            parts("/relative/path?q"),
            ["", "", "", "", "/relative/path", "q", "", ""]
        );
        assert!(parse("http://h/p?").unwrap().force_query);
    }

    #[test]
    fn refuses_what_go_refuses() {
        for (raw, message) in [
            (":foo", "missing protocol scheme"),
            ("a:b/c:d", ""),
            ("1a:b", "first path segment in URL cannot contain colon"),
            ("http://h:port/", "invalid port \":port\" after host"),
            ("http://h/%zz", "invalid URL escape \"%zz\""),
            ("http://h/\n", "invalid control character"),
            ("http://a b/", "invalid character \" \" in host name"),
        ] {
            match parse(raw) {
                Ok(url) => assert!(message.is_empty(), "{raw} parsed as {url:?}"),
                Err(error) => assert!(error.contains(message), "{raw}: {error}"),
            }
        }
    }

    #[test]
    fn writes_like_go() {
        for raw in [
            "https://admin:s%40fe@example.com:8443/a%20b/c?x=1&y=2#frag!",
            "mailto:someone@example.com",
            "http://[::1]:80/x",
            "file:///etc/hosts",
            "s3://bucket/prefix/key%3Fodd",
            "/just/a/path",
        ] {
            assert_eq!(to_string(&parse(raw).unwrap()), raw);
        }
        let url = GoUrl {
            path: "a:b".into(),
            ..GoUrl::default()
        };
        assert_eq!(to_string(&url), "./a:b");
    }
}
