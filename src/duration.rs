//! Go's `time.ParseDuration` grammar, used by kubectl flags (`--request-timeout`), Velero (`--ttl`)
//! and Kanister (`WaitV2` timeouts), so all three accept exactly what their upstream tools accept.

use std::time::Duration;

/// What a duration may look like, appended to every parse error so the message states the rule.
pub const DURATION_RULE: &str = "a duration is a number and a unit (ns, us, ms, s, m or h), or several, e.g. 90s, 1h30m or 720h";

/// Parses `300ms`, `1.5h`, `2h45m`, `-0`... Negative durations are refused: nothing here can wait
/// a negative time. Errors are Go's (`unknown unit "d" in duration "3d"`) followed by the rule.
pub fn parse_go_duration(text: &str) -> Result<Duration, String> {
    parse(text).map_err(|e| format!("{e}: {DURATION_RULE}"))
}

fn parse(text: &str) -> Result<Duration, String> {
    let mut rest = text.strip_prefix('+').unwrap_or(text);
    if rest.starts_with('-') {
        return Err("negative durations are not allowed".into());
    }
    if rest == "0" {
        return Ok(Duration::ZERO);
    }
    if rest.is_empty() {
        return Err("empty duration".into());
    }
    let mut total_nanos: f64 = 0.0;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(|| format!("missing unit in duration {text:?}"))?;
        if number_len == 0 {
            return Err(format!("invalid duration {text:?}"));
        }
        let value: f64 = rest[..number_len]
            .parse()
            .map_err(|_| format!("invalid number in duration {text:?}"))?;
        rest = &rest[number_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        rest = &rest[unit_len..];
        let nanos_per_unit = match unit {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return Err(format!("unknown unit {unit:?} in duration {text:?}")),
        };
        total_nanos += value * nanos_per_unit;
    }
    Ok(Duration::from_nanos(total_nanos.round() as u64))
}

/// Formats like Go's `Duration.String()` (`1h0m0s`, `2m30s`, `1.5s`), for messages that echo
/// a user's duration back.
pub fn format_go_duration(d: Duration) -> String {
    let total = d.as_secs();
    if total == 0 {
        let nanos = d.subsec_nanos();
        return match nanos {
            0 => "0s".into(),
            n if n < 1_000 => format!("{n}ns"),
            n if n < 1_000_000 => format!("{}µs", trim_float(n as f64 / 1e3)),
            n => format!("{}ms", trim_float(n as f64 / 1e6)),
        };
    }
    let hours = total / 3600;
    let minutes = (total % 3600) / 60;
    let seconds = (total % 60) as f64 + f64::from(d.subsec_nanos()) / 1e9;
    let mut out = String::new();
    if hours > 0 {
        out.push_str(&format!("{hours}h"));
    }
    if hours > 0 || minutes > 0 {
        out.push_str(&format!("{minutes}m"));
    }
    out.push_str(&format!("{}s", trim_float(seconds)));
    out
}

fn trim_float(v: f64) -> String {
    let s = format!("{v:.9}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_go_forms() {
        assert_eq!(
            parse_go_duration("300ms").unwrap(),
            Duration::from_millis(300)
        );
        assert_eq!(
            parse_go_duration("1.5h").unwrap(),
            Duration::from_secs(5400)
        );
        assert_eq!(
            parse_go_duration("2h45m").unwrap(),
            Duration::from_secs(9900)
        );
        assert_eq!(
            parse_go_duration("720h").unwrap(),
            Duration::from_secs(720 * 3600)
        );
        assert!(parse_go_duration("10").is_err());
        assert!(parse_go_duration("-1s").is_err());
        let error = parse_go_duration("3d").unwrap_err();
        assert!(
            error.starts_with(r#"unknown unit "d" in duration "3d": "#),
            "{error}"
        );
        assert!(error.ends_with(DURATION_RULE), "{error}");
    }

    #[test]
    fn formats_like_go() {
        assert_eq!(format_go_duration(Duration::from_secs(3600)), "1h0m0s");
        assert_eq!(format_go_duration(Duration::from_secs(150)), "2m30s");
        assert_eq!(format_go_duration(Duration::from_millis(1500)), "1.5s");
        assert_eq!(format_go_duration(Duration::ZERO), "0s");
    }
}
