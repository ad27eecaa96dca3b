//! Go's `fmt` and `encoding/json` output for template values: `%v` printing (what `{{ . }}` shows),
//! float formatting, `json.Marshal` (sprig `toJson`) and `fmt.Sprintf` (`printf`).

use std::fmt::Write;

use base64::Engine;

use super::dates::format_go_time;
use super::value::{GoTime, JsonTag, Value, View, deref, int_stringer, type_name, view};

/// Go's `time.Time.String()`.
pub fn format_go_time_string(t: &GoTime) -> String {
    format_go_time(t, "2006-01-02 15:04:05.999999999 -0700 MST")
}

/// Go's `%v` for floats (`strconv.FormatFloat(f, 'g', -1, 64)`): shortest representation, `%e`
/// form when the exponent is < -4 or >= 6, so 1000000.0 prints `1e+06`.
pub fn format_float(f: f64) -> String {
    format_float_g(f, -1, 6, 'e')
}

/// strconv.FormatFloat(f, 'g', prec, 64); `eprec_shortest` is the exponent threshold used when
/// `prec` is -1 (6 in Go).
pub fn format_float_g(f: f64, prec: i32, eprec_shortest: i32, echar: char) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let neg = f.is_sign_negative();
    let (digits, dp) = if prec < 0 {
        shortest_digits(f.abs())
    } else {
        let p = prec.max(1) as usize;
        rounded_digits(f.abs(), p)
    };
    let nd = digits.len() as i32;
    let mut eprec = if prec < 0 {
        eprec_shortest
    } else {
        prec.max(1)
    };
    if prec >= 0 && eprec > nd && nd >= dp {
        eprec = nd;
    }
    let exp = dp - 1;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if digits == "0" {
        out.push('0');
        return out;
    }
    if exp < -4 || exp >= eprec {
        out.push_str(&digits[..1]);
        let rest = &digits[1..];
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push(echar);
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    } else {
        let digits = if prec < 0 {
            digits.as_str()
        } else {
            digits.trim_end_matches('0')
        };
        let digits = if digits.is_empty() { "0" } else { digits };
        if dp <= 0 {
            out.push_str("0.");
            for _ in 0..(-dp) {
                out.push('0');
            }
            out.push_str(digits);
        } else if dp as usize >= digits.len() {
            out.push_str(digits);
            for _ in 0..(dp as usize - digits.len()) {
                out.push('0');
            }
        } else {
            out.push_str(&digits[..dp as usize]);
            out.push('.');
            out.push_str(&digits[dp as usize..]);
        }
    }
    out
}

/// Shortest round-trip decimal digits and decimal point position (value = 0.DIGITS × 10^dp).
pub fn shortest_digits(f: f64) -> (String, i32) {
    if f == 0.0 {
        return ("0".into(), 1);
    }
    let s = format!("{f:e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp + 1)
}

/// Digits rounded to `n` significant digits.
fn rounded_digits(f: f64, n: usize) -> (String, i32) {
    if f == 0.0 {
        return ("0".repeat(n), 1);
    }
    let s = format!("{:.*e}", n - 1, f);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp + 1)
}

/// `fmt.Sprint(v)` for one operand (`%v`).
pub fn sprint_value(v: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, v);
    out
}

/// Appends Go's `%v` form (nil prints `<nil>`; top-level `<no value>` is the executor's job).
pub fn write_value(out: &mut String, v: &Value) {
    match view(v) {
        View::Nil => out.push_str("<nil>"),
        View::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        View::Int(i) => match int_stringer(v) {
            Some(name) => out.push_str(&name),
            None => {
                let _ = write!(out, "{i}");
            }
        },
        View::Uint(u) => {
            let _ = write!(out, "{u}");
        }
        View::Float(f) => out.push_str(&format_float(f)),
        View::Str(s) => out.push_str(s),
        View::Bytes(b) => {
            out.push('[');
            for (i, x) in b.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{x}");
            }
            out.push(']');
        }
        View::List(l) => {
            out.push('[');
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_value(out, x);
            }
            out.push(']');
        }
        View::Map(m) => {
            out.push_str("map[");
            for (i, (k, x)) in m.pairs().iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(k);
                out.push(':');
                write_value(out, x);
            }
            out.push(']');
        }
        View::Struct(s) => {
            out.push('{');
            for (i, f) in s.fields.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_value(out, &f.value);
            }
            out.push('}');
        }
        View::Ptr(p) => {
            // Go prints `&{…}` at top level and an address deeper down; an address would be
            // meaningless here, so both levels show the pointee.
            out.push('&');
            write_value(out, p);
        }
        View::NilPtr(_) => out.push_str("<nil>"),
        View::Time(t) => out.push_str(&format_go_time_string(t)),
        View::Other => {
            let _ = write!(out, "{v}");
        }
    }
}

/// `json.Marshal(v)`.
pub fn to_json(v: &Value) -> Result<String, String> {
    let mut out = String::new();
    write_json(&mut out, v, None, 0)?;
    Ok(out)
}

/// `json.MarshalIndent(v, "", "  ")`.
pub fn to_pretty_json(v: &Value) -> Result<String, String> {
    let mut out = String::new();
    write_json(&mut out, v, Some("  "), 0)?;
    Ok(out)
}

fn newline(out: &mut String, indent: Option<&str>, level: usize) {
    if let Some(ind) = indent {
        out.push('\n');
        for _ in 0..level {
            out.push_str(ind);
        }
    }
}

fn write_json(
    out: &mut String,
    v: &Value,
    indent: Option<&str>,
    level: usize,
) -> Result<(), String> {
    match view(v) {
        View::Nil | View::NilPtr(_) => out.push_str("null"),
        View::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        View::Int(i) => {
            let _ = write!(out, "{i}");
        }
        View::Uint(u) => {
            let _ = write!(out, "{u}");
        }
        View::Float(f) => {
            if !f.is_finite() {
                return Err(format!("json: unsupported value: {}", format_float(f)));
            }
            out.push_str(&json_float(f));
        }
        View::Str(s) => json_string(out, s),
        View::Bytes(b) => {
            out.push('"');
            out.push_str(&base64::engine::general_purpose::STANDARD.encode(b));
            out.push('"');
        }
        View::List(l) => {
            if l.is_empty() {
                out.push_str("[]");
                return Ok(());
            }
            out.push('[');
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_json(out, x, indent, level + 1)?;
            }
            newline(out, indent, level);
            out.push(']');
        }
        View::Map(m) => {
            if m.is_nil {
                out.push_str("null");
                return Ok(());
            }
            write_json_object(out, &m.pairs(), indent, level)?;
        }
        View::Struct(_) => {
            let mut fields = Vec::new();
            collect_json_fields(v, &mut fields);
            write_json_object(out, &fields, indent, level)?;
        }
        View::Ptr(p) => write_json(out, p, indent, level)?,
        View::Time(t) => {
            out.push('"');
            out.push_str(&format_go_time(t, "2006-01-02T15:04:05.999999999Z07:00"));
            out.push('"');
        }
        View::Other => out.push_str("null"),
    }
    Ok(())
}

/// A JSON object of `pairs`, in their order (maps and structs alike); `{}` when there are none.
fn write_json_object(
    out: &mut String,
    pairs: &[(String, Value)],
    indent: Option<&str>,
    level: usize,
) -> Result<(), String> {
    if pairs.is_empty() {
        out.push_str("{}");
        return Ok(());
    }
    out.push('{');
    for (i, (k, x)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        newline(out, indent, level + 1);
        json_string(out, k);
        out.push(':');
        if indent.is_some() {
            out.push(' ');
        }
        write_json(out, x, indent, level + 1)?;
    }
    newline(out, indent, level);
    out.push('}');
    Ok(())
}

/// The (key, value) pairs `encoding/json` emits for a struct, honouring tags, omitempty and inlining.
fn collect_json_fields(v: &Value, out: &mut Vec<(String, Value)>) {
    let View::Struct(s) = view(deref(v)) else {
        return;
    };
    for f in &s.fields {
        match f.json {
            JsonTag::Inline => collect_json_fields(&f.value, out),
            JsonTag::GoName => out.push((f.name.to_string(), f.value.clone())),
            JsonTag::Named(name, omitempty) => {
                if omitempty && is_empty_json(&f.value) {
                    continue;
                }
                out.push((name.to_string(), f.value.clone()));
            }
        }
    }
}

/// encoding/json's `isEmptyValue`: false, 0, "", nil, and empty arrays, maps and slices.
fn is_empty_json(v: &Value) -> bool {
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
        _ => false,
    }
}

/// encoding/json float format: like `%f`/`%e` with the 1e-6 / 1e21 switch and `e-7` exponents.
pub fn json_float(f: f64) -> String {
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let s = format_float_g(f, -1, 0, 'e');
        // Go trims the exponent's leading zero: 1e-07 -> 1e-7.
        if let Some(idx) = s.find("e-0").or_else(|| s.find("e+0")) {
            let mut t = s.clone();
            t.remove(idx + 2);
            return t;
        }
        return s;
    }
    let (digits, dp) = shortest_digits(abs);
    let mut out = String::new();
    if f.is_sign_negative() && abs != 0.0 {
        out.push('-');
    }
    if digits == "0" {
        out.push('0');
    } else if dp <= 0 {
        out.push_str("0.");
        for _ in 0..(-dp) {
            out.push('0');
        }
        out.push_str(&digits);
    } else if dp as usize >= digits.len() {
        out.push_str(&digits);
        for _ in 0..(dp as usize - digits.len()) {
            out.push('0');
        }
    } else {
        out.push_str(&digits[..dp as usize]);
        out.push('.');
        out.push_str(&digits[dp as usize..]);
    }
    out
}

/// encoding/json string escaping with HTML escaping on (the default of `json.Marshal`).
pub fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            // encoding/json writes a byte that is not UTF-8 as the replacement character.
            c if crate::template::value::raw_byte(c).is_some() => out.push('\u{FFFD}'),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Go's `strconv.Quote` (used by `%q` and sprig `quote`… no: sprig quote uses `%q`).
pub fn go_quote(s: &str) -> String {
    quote_with(s, false)
}

/// `strconv.Quote`, or `strconv.QuoteToASCII` when `ascii` (`%+q`).
fn quote_with(s: &str, ascii: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match crate::template::value::raw_byte(c) {
            Some(byte) => {
                let _ = write!(out, "\\x{byte:02x}");
            }
            None => push_escaped(&mut out, c, '"', ascii),
        }
    }
    out.push('"');
    out
}

/// `strconv.QuoteRune` (`QuoteRuneToASCII` when `ascii`) of an integer, as `%q` prints one:
/// values that are not a valid rune print as U+FFFD.
fn quote_rune(i: i128, ascii: bool) -> String {
    let mut out = String::from("'");
    push_escaped(&mut out, rune_of(i), '\'', ascii);
    out.push('\'');
    out
}

/// The rune `%c` and `%q` print for an integer: U+FFFD when it is none.
fn rune_of(i: i128) -> char {
    u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{fffd}')
}

/// One character of a quoted Go literal (`strconv`'s `appendEscapedRune`).
fn push_escaped(out: &mut String, c: char, quote: char, ascii: bool) {
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if is_go_printable(c) && (!ascii || c.is_ascii()) {
        out.push(c);
        return;
    }
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\u{b}' => out.push_str("\\v"),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if (c as u32) < 0x10000 => {
            let _ = write!(out, "\\u{:04x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\U{:08x}", c as u32);
        }
    }
}

pub(crate) fn is_go_printable(c: char) -> bool {
    // Approximates unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space.
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c as u32, 0xad | 0x200b..=0x200f | 0xfeff))
}

/// `fmt.Sprint(args...)`: spaces between operands when neither side is a string.
pub fn sprint(args: &[Value]) -> String {
    let mut out = String::new();
    let mut prev_string = false;
    for (i, a) in args.iter().enumerate() {
        let is_string = matches!(view(a), View::Str(_));
        if i > 0 && !is_string && !prev_string {
            out.push(' ');
        }
        write_value(&mut out, a);
        prev_string = is_string;
    }
    out
}

/// `fmt.Sprintln(args...)`: always spaces, trailing newline.
pub fn sprintln(args: &[Value]) -> String {
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        write_value(&mut out, a);
    }
    out.push('\n');
    out
}

#[derive(Default, Clone, Copy)]
struct Spec {
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

/// `fmt.Sprintf(format, args...)` for the verbs templates use: `%v %+v %s %q %d %x %X %o %b %c %f %F
/// %e %E %g %G %t %T %%`, with flags, width and precision (including `*`). Bad verbs and argument
/// count mismatches print Go's `%!v(…)` markers, as Go does.
pub fn sprintf(format: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let mut argi = 0;
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = Spec::default();
        while let Some(&f) = chars.peek() {
            match f {
                '-' => spec.minus = true,
                '+' => spec.plus = true,
                '#' => spec.sharp = true,
                ' ' => spec.space = true,
                '0' => spec.zero = true,
                _ => break,
            }
            chars.next();
        }
        spec.width = parse_num(&mut chars, args, &mut argi);
        if chars.peek() == Some(&'.') {
            chars.next();
            spec.prec = Some(parse_num(&mut chars, args, &mut argi).unwrap_or(0));
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = args.get(argi) else {
            let _ = write!(out, "%!{verb}(MISSING)");
            continue;
        };
        argi += 1;
        let body = format_verb(verb, &spec, arg);
        pad(&mut out, &body, &spec, verb);
    }
    if argi < args.len() {
        out.push_str("%!(EXTRA ");
        for (i, a) in args[argi..].iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "{}={}", type_name(a), sprint_value(a));
        }
        out.push(')');
    }
    out
}

fn parse_num(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    args: &[Value],
    argi: &mut usize,
) -> Option<usize> {
    if chars.peek() == Some(&'*') {
        chars.next();
        let n = args.get(*argi).and_then(|a| match view(a) {
            View::Int(i) if i >= 0 => Some(i as usize),
            _ => None,
        });
        *argi += 1;
        return n;
    }
    let mut n: Option<usize> = None;
    while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
        n = Some(n.unwrap_or(0) * 10 + d as usize);
        chars.next();
    }
    n
}

fn pad(out: &mut String, body: &str, spec: &Spec, verb: char) {
    let len = body.chars().count();
    let width = spec.width.unwrap_or(0);
    if len >= width {
        out.push_str(body);
        return;
    }
    let fill = width - len;
    if spec.minus {
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if spec.zero && !matches!(verb, 's' | 'q' | 'v' | 'T' | 't' | 'c')
        || spec.zero && verb == 'v' && body.starts_with(|c: char| c.is_ascii_digit() || c == '-')
    {
        let (sign, digits) = match body.chars().next() {
            Some(s @ ('-' | '+' | ' ')) => (Some(s), &body[1..]),
            _ => (None, body),
        };
        if let Some(s) = sign {
            out.push(s);
        }
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(digits);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(body);
    }
}

fn bad_verb(verb: char, arg: &Value) -> String {
    match view(arg) {
        View::Nil => format!("%!{verb}(<nil>)"),
        // fmt does not call `String` while reporting a bad verb: a `time.Month` shows its number.
        View::Int(i) => format!("%!{verb}({}={i})", type_name(arg)),
        _ => format!("%!{verb}({}={})", type_name(arg), sprint_value(arg)),
    }
}

fn sign(s: String, spec: &Spec, negative: bool) -> String {
    if negative {
        s
    } else if spec.plus {
        format!("+{s}")
    } else if spec.space {
        format!(" {s}")
    } else {
        s
    }
}

fn format_int(verb: char, spec: &Spec, i: i128) -> Option<String> {
    let neg = i < 0;
    let a = i.unsigned_abs();
    let mut digits = match verb {
        'd' | 'v' => a.to_string(),
        'x' => format!("{a:x}"),
        'X' => format!("{a:X}"),
        'o' | 'O' => format!("{a:o}"),
        'b' => format!("{a:b}"),
        'c' => return Some(rune_of(i).to_string()),
        'q' => return Some(quote_rune(i, spec.plus)),
        'U' => {
            // fmt prints the two's-complement bits of a negative number.
            let mut u = format!("U+{:04X}", i as u64);
            if spec.sharp
                && let Some(c) = char::from_u32(i as u32).filter(|_| i >= 0)
                && is_go_printable(c)
            {
                let _ = write!(u, " '{c}'");
            }
            return Some(u);
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => return None,
        _ => return None,
    };
    if let Some(p) = spec.prec
        && digits.len() < p
    {
        digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
    }
    if spec.sharp {
        match verb {
            'x' => digits = format!("0x{digits}"),
            'X' => digits = format!("0X{digits}"),
            'o' => digits = format!("0{digits}"),
            _ => {}
        }
    }
    if verb == 'O' {
        digits = format!("0o{digits}");
    }
    if neg {
        digits = format!("-{digits}");
    }
    Some(sign(digits, spec, neg))
}

fn format_float_verb(verb: char, spec: &Spec, f: f64) -> Option<String> {
    let s = match verb {
        'v' | 'g' => match spec.prec {
            Some(p) => format_float_g(f, p as i32, 0, 'e'),
            None => format_float_g(f, -1, 6, 'e'),
        },
        'G' => match spec.prec {
            Some(p) => format_float_g(f, p as i32, 0, 'E'),
            None => format_float_g(f, -1, 6, 'E'),
        },
        'f' | 'F' => {
            if f.is_infinite() || f.is_nan() {
                format_float(f)
            } else {
                format!("{:.*}", spec.prec.unwrap_or(6), f)
            }
        }
        'e' | 'E' => {
            let s = format!("{:.*e}", spec.prec.unwrap_or(6), f);
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            let e: i32 = e.parse().unwrap_or(0);
            let ec = if verb == 'E' { 'E' } else { 'e' };
            format!("{m}{ec}{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
        }
        _ => return None,
    };
    Some(sign(s, spec, f.is_sign_negative()))
}

fn format_verb(verb: char, spec: &Spec, arg: &Value) -> String {
    if verb == 'T' {
        return type_name(arg);
    }
    // fmt calls a `String` method for the verbs that take strings.
    if matches!(verb, 'v' | 's' | 'q' | 'x' | 'X')
        && let Some(name) = int_stringer(arg)
    {
        return format_str(verb, spec, &name).unwrap_or_else(|| bad_verb(verb, arg));
    }
    match view(arg) {
        View::Bool(b) if matches!(verb, 'v' | 't') => b.to_string(),
        View::Int(i) => format_int(verb, spec, i as i128).unwrap_or_else(|| bad_verb(verb, arg)),
        View::Uint(u) => format_int(verb, spec, u as i128).unwrap_or_else(|| bad_verb(verb, arg)),
        View::Float(f) => format_float_verb(verb, spec, f).unwrap_or_else(|| bad_verb(verb, arg)),
        View::Str(s) => format_str(verb, spec, s).unwrap_or_else(|| bad_verb(verb, arg)),
        // Integer verbs format a []byte element by element, as for any slice.
        View::Bytes(b) if matches!(verb, 'd' | 'o' | 'b' | 'c' | 'U') => {
            let parts: Vec<String> = b
                .iter()
                .map(|&x| format_verb(verb, spec, &Value::from(i64::from(x))))
                .collect();
            format!("[{}]", parts.join(" "))
        }
        View::Bytes(b) if matches!(verb, 's' | 'q' | 'x' | 'X') => {
            let s = crate::template::value::go_string(b);
            format_str(verb, spec, &s).unwrap_or_else(|| bad_verb(verb, arg))
        }
        View::Nil if verb == 'v' || verb == 's' => {
            if verb == 'v' {
                "<nil>".into()
            } else {
                "%!s(<nil>)".into()
            }
        }
        View::List(l) if verb != 'v' => {
            let parts: Vec<String> = l.iter().map(|x| format_verb(verb, spec, x)).collect();
            format!("[{}]", parts.join(" "))
        }
        _ if verb == 'v' || verb == 's' => {
            if spec.plus {
                plus_v(arg)
            } else {
                sprint_value(arg)
            }
        }
        _ => bad_verb(verb, arg),
    }
}

/// `%+v`: struct fields are prefixed with their names.
fn plus_v(v: &Value) -> String {
    match view(v) {
        View::Struct(s) => {
            let parts: Vec<String> = s
                .fields
                .iter()
                .map(|f| format!("{}:{}", f.name, plus_v(&f.value)))
                .collect();
            format!("{{{}}}", parts.join(" "))
        }
        View::Ptr(p) => format!("&{}", plus_v(p)),
        _ => sprint_value(v),
    }
}

fn format_str(verb: char, spec: &Spec, s: &str) -> Option<String> {
    let s: String = match spec.prec {
        Some(p) if verb != 'x' && verb != 'X' => s.chars().take(p).collect(),
        _ => s.to_string(),
    };
    Some(match verb {
        's' | 'v' => s,
        'q' => {
            if spec.sharp && !s.contains('`') {
                format!("`{s}`")
            } else {
                quote_with(&s, spec.plus)
            }
        }
        'x' => hex::encode(crate::template::value::go_bytes(&s)),
        'X' => hex::encode_upper(crate::template::value::go_bytes(&s)),
        _ => return None,
    })
}
