//! Go's `time.Duration` as sprig's date functions use it: `time.ParseDuration` (`dateModify`),
//! `Duration.Round` and `Duration.String` (`ago`). Durations are signed nanoseconds in an `i64`
//! whose overflow rules are Go's: parsing refuses a duration beyond ±2562047h47m16.854775807s,
//! and subtracting or rounding saturates at those bounds. The crate's own
//! `duration::parse_go_duration` accepts only what a timeout flag may be (no sign, float sums);
//! templates need Go's exact integer arithmetic, since the result ends up in rendered text.

/// Nanoseconds per unit, as `time.ParseDuration` spells the units.
fn unit_nanos(unit: &str) -> Option<u64> {
    Some(match unit {
        "ns" => 1,
        "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        _ => return None,
    })
}

const LIMIT: u64 = 1 << 63;

/// The leading decimal digits of `s` as an integer (`None` when beyond 2^63), and the rest.
fn leading_int(s: &[u8]) -> Option<(u64, &[u8])> {
    let digits = s.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut x: u64 = 0;
    for &b in &s[..digits] {
        if x > LIMIT / 10 {
            return None;
        }
        x = x * 10 + u64::from(b - b'0');
        if x > LIMIT {
            return None;
        }
    }
    Some((x, &s[digits..]))
}

/// The digits after a decimal point: their value, the power of ten they are scaled by, and the
/// rest. Digits past what fits are dropped, as Go drops them.
fn leading_fraction(s: &[u8]) -> (u64, f64, &[u8]) {
    let digits = s.iter().take_while(|b| b.is_ascii_digit()).count();
    let (mut x, mut scale, mut overflow) = (0u64, 1.0f64, false);
    for &b in &s[..digits] {
        if overflow {
            continue;
        }
        if x > (LIMIT - 1) / 10 {
            overflow = true;
            continue;
        }
        let y = x * 10 + u64::from(b - b'0');
        if y > LIMIT {
            overflow = true;
            continue;
        }
        x = y;
        scale *= 10.0;
    }
    (x, scale, &s[digits..])
}

/// `time.ParseDuration`: `None` where Go returns an error.
pub fn parse(text: &str) -> Option<i64> {
    let mut s = text.as_bytes();
    let mut neg = false;
    if let Some(&c) = s.first()
        && (c == b'-' || c == b'+')
    {
        neg = c == b'-';
        s = &s[1..];
    }
    if s == b"0" {
        return Some(0);
    }
    if s.is_empty() {
        return None;
    }
    let mut total: u64 = 0;
    while !s.is_empty() {
        if !(s[0] == b'.' || s[0].is_ascii_digit()) {
            return None;
        }
        let before = s.len();
        let (mut v, rest) = leading_int(s)?;
        s = rest;
        let pre = before != s.len();
        let (mut f, mut scale, mut post) = (0, 1.0, false);
        if s.first() == Some(&b'.') {
            s = &s[1..];
            let before = s.len();
            (f, scale, s) = leading_fraction(s);
            post = before != s.len();
        }
        if !pre && !post {
            return None;
        }
        let unit_len = s
            .iter()
            .position(|&c| c == b'.' || c.is_ascii_digit())
            .unwrap_or(s.len());
        if unit_len == 0 {
            return None;
        }
        let unit = unit_nanos(std::str::from_utf8(&s[..unit_len]).ok()?)?;
        s = &s[unit_len..];
        if v > LIMIT / unit {
            return None;
        }
        v *= unit;
        if f > 0 {
            // Go converts the fraction through float64, rounding toward zero.
            v += (f as f64 * (unit as f64 / scale)) as u64;
            if v > LIMIT {
                return None;
            }
        }
        total += v;
        if total > LIMIT {
            return None;
        }
    }
    if neg {
        return Some((total as i64).wrapping_neg());
    }
    i64::try_from(total).ok()
}

/// `Duration.Round(m)` for a positive `m`: halfway rounds away from zero, saturating.
pub fn round(d: i64, m: i64) -> i64 {
    let (d, m) = (i128::from(d), i128::from(m));
    let r = (d % m).abs();
    let rounded = match (d < 0, r + r < m) {
        (false, true) => d - r,
        (false, false) => d + m - r,
        (true, true) => d + r,
        (true, false) => d - m + r,
    };
    rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// `Duration.String`: `72h3m0.5s`, `1.2ms`, `0s`.
pub fn format(d: i64) -> String {
    let u = d.unsigned_abs();
    let mut out = String::new();
    if d < 0 {
        out.push('-');
    }
    if u == 0 {
        return "0s".into();
    }
    if u < 1_000_000_000 {
        let (prec, unit) = match u {
            u if u < 1_000 => (0, "ns"),
            u if u < 1_000_000 => (3, "\u{b5}s"),
            _ => (6, "ms"),
        };
        push_with_fraction(&mut out, u, prec);
        out.push_str(unit);
        return out;
    }
    let secs = u / 1_000_000_000;
    let (hours, minutes) = (secs / 3600, secs / 60 % 60);
    if hours > 0 {
        out.push_str(&format!("{hours}h"));
    }
    if secs >= 60 {
        out.push_str(&format!("{minutes}m"));
    }
    push_with_fraction(&mut out, u % 60_000_000_000, 9);
    out.push('s');
    out
}

/// `v / 10^prec` with its fraction, trailing zeros (and a bare point) left out.
fn push_with_fraction(out: &mut String, v: u64, prec: u32) {
    let div = 10u64.pow(prec);
    out.push_str(&(v / div).to_string());
    let frac = v % div;
    if frac != 0 {
        let digits = format!("{frac:0width$}", width = prec as usize);
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_as_go_does() {
        assert_eq!(parse("1.5h30m"), Some(7_200_000_000_000));
        assert_eq!(parse(".5h"), Some(1_800_000_000_000));
        assert_eq!(parse("5.h"), Some(18_000_000_000_000));
        assert_eq!(parse("-0"), Some(0));
        assert_eq!(parse("0.5ns"), Some(0));
        assert_eq!(parse("1.99999999999999999999999s"), Some(2_000_000_000));
        assert_eq!(parse("-2562047h47m16.854775808s"), Some(i64::MIN));
        assert_eq!(parse("2562047h47m16.854775808s"), None);
        assert_eq!(parse("2562048h"), None);
        assert_eq!(parse("-+5h"), None);
        assert_eq!(parse("1h-1m"), None);
        assert_eq!(parse("."), None);
        assert_eq!(parse("5"), None);
        assert_eq!(parse("5d"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn rounds_and_formats_as_go_does() {
        assert_eq!(
            format(round(i64::MAX, 1_000_000_000)),
            "2562047h47m16.854775807s"
        );
        assert_eq!(
            format(round(i64::MIN, 1_000_000_000)),
            "-2562047h47m16.854775808s"
        );
        assert_eq!(format(round(1_500_000_000, 1_000_000_000)), "2s");
        assert_eq!(format(round(-1_499_999_999, 1_000_000_000)), "-1s");
        assert_eq!(format(3_600_000_000_000), "1h0m0s");
        assert_eq!(format(61_000_000_000), "1m1s");
        assert_eq!(format(1_200_000), "1.2ms");
        assert_eq!(format(1_500), "1.5\u{b5}s");
        assert_eq!(format(7), "7ns");
        assert_eq!(format(0), "0s");
    }
}
