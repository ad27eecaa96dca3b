//! Go reference-time layouts (`2006-01-02T15:04:05Z07:00`): formatting and parsing with the rules of
//! Go's `time.Format` / `time.Parse`. The local zone is UTC: Kanister's controller runs in UTC and a
//! workstation's zone must not change what a Blueprint renders.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Timelike, Utc};

use super::value::GoTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Std {
    Month,
    LongMonth,
    NumMonth,
    ZeroMonth,
    WeekDay,
    LongWeekDay,
    Day,
    UnderDay,
    ZeroDay,
    UnderYearDay,
    ZeroYearDay,
    Hour,
    Hour12,
    ZeroHour12,
    Minute,
    ZeroMinute,
    Second,
    ZeroSecond,
    LongYear,
    Year,
    PM,
    Pm,
    Tz,
    Iso8601Tz,
    Iso8601SecondsTz,
    Iso8601ShortTz,
    Iso8601ColonTz,
    Iso8601ColonSecondsTz,
    NumTz,
    NumSecondsTz,
    NumShortTz,
    NumColonTz,
    NumColonSecondsTz,
    /// Fractional seconds `.000` (fixed digits) with the separator and digit count.
    Frac0(u8, usize),
    /// Fractional seconds `.999` (trailing zeros trimmed).
    Frac9(u8, usize),
}

pub(crate) const LONG_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub(crate) const LONG_DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

fn starts_with_lower(s: &[u8]) -> bool {
    s.first().is_some_and(|c| c.is_ascii_lowercase())
}

/// Go's `nextStdChunk`: (prefix, std, suffix).
fn next_chunk(layout: &str) -> (&str, Option<Std>, &str) {
    let b = layout.as_bytes();
    let n = b.len();
    let has = |i: usize, s: &str| layout[i..].starts_with(s);
    let mut i = 0;
    while i < n {
        let c = b[i];
        let found: Option<(Std, usize)> = match c {
            b'J' if has(i, "Jan") => {
                if has(i, "January") {
                    Some((Std::LongMonth, 7))
                } else if !starts_with_lower(&b[i + 3..]) {
                    Some((Std::Month, 3))
                } else {
                    None
                }
            }
            b'M' if n >= i + 3 => {
                if has(i, "Mon") {
                    if has(i, "Monday") {
                        Some((Std::LongWeekDay, 6))
                    } else if !starts_with_lower(&b[i + 3..]) {
                        Some((Std::WeekDay, 3))
                    } else {
                        None
                    }
                } else if has(i, "MST") {
                    Some((Std::Tz, 3))
                } else {
                    None
                }
            }
            b'0' if n >= i + 2 && (b'1'..=b'6').contains(&b[i + 1]) => {
                let s = [
                    Std::ZeroMonth,
                    Std::ZeroDay,
                    Std::ZeroHour12,
                    Std::ZeroMinute,
                    Std::ZeroSecond,
                    Std::Year,
                ];
                Some((s[(b[i + 1] - b'1') as usize], 2))
            }
            b'0' if has(i, "002") => Some((Std::ZeroYearDay, 3)),
            b'1' => {
                if n >= i + 2 && b[i + 1] == b'5' {
                    Some((Std::Hour, 2))
                } else {
                    Some((Std::NumMonth, 1))
                }
            }
            b'2' => {
                if has(i, "2006") {
                    Some((Std::LongYear, 4))
                } else {
                    Some((Std::Day, 1))
                }
            }
            b'_' if n >= i + 2 && b[i + 1] == b'2' => {
                if has(i + 1, "2006") {
                    // `_2006` is a literal underscore followed by the long year.
                    return (&layout[..i + 1], Some(Std::LongYear), &layout[i + 5..]);
                }
                Some((Std::UnderDay, 2))
            }
            b'_' if has(i, "__2") => Some((Std::UnderYearDay, 3)),
            b'3' => Some((Std::Hour12, 1)),
            b'4' => Some((Std::Minute, 1)),
            b'5' => Some((Std::Second, 1)),
            b'P' if n >= i + 2 && b[i + 1] == b'M' => Some((Std::PM, 2)),
            b'p' if n >= i + 2 && b[i + 1] == b'm' => Some((Std::Pm, 2)),
            b'-' => {
                if has(i, "-070000") {
                    Some((Std::NumSecondsTz, 7))
                } else if has(i, "-07:00:00") {
                    Some((Std::NumColonSecondsTz, 9))
                } else if has(i, "-0700") {
                    Some((Std::NumTz, 5))
                } else if has(i, "-07:00") {
                    Some((Std::NumColonTz, 6))
                } else if has(i, "-07") {
                    Some((Std::NumShortTz, 3))
                } else {
                    None
                }
            }
            b'Z' => {
                if has(i, "Z070000") {
                    Some((Std::Iso8601SecondsTz, 7))
                } else if has(i, "Z07:00:00") {
                    Some((Std::Iso8601ColonSecondsTz, 9))
                } else if has(i, "Z0700") {
                    Some((Std::Iso8601Tz, 5))
                } else if has(i, "Z07:00") {
                    Some((Std::Iso8601ColonTz, 6))
                } else if has(i, "Z07") {
                    Some((Std::Iso8601ShortTz, 3))
                } else {
                    None
                }
            }
            b'.' | b',' if i + 1 < n && (b[i + 1] == b'0' || b[i + 1] == b'9') => {
                let ch = b[i + 1];
                let mut j = i + 1;
                while j < n && b[j] == ch {
                    j += 1;
                }
                if j < n && b[j].is_ascii_digit() {
                    None
                } else {
                    let digits = j - (i + 1);
                    let std = if ch == b'0' {
                        Std::Frac0(c, digits)
                    } else {
                        Std::Frac9(c, digits)
                    };
                    return (&layout[..i], Some(std), &layout[j..]);
                }
            }
            _ => None,
        };
        if let Some((std, len)) = found {
            return (&layout[..i], Some(std), &layout[i + len..]);
        }
        i += 1;
    }
    (layout, None, "")
}

fn pad(out: &mut String, v: i64, width: usize) {
    if v < 0 {
        out.push('-');
    }
    let s = v.unsigned_abs().to_string();
    for _ in s.len()..width {
        out.push('0');
    }
    out.push_str(&s);
}

/// Go's `Time.Format(layout)`.
pub fn format_go_time(t: &GoTime, layout: &str) -> String {
    let dt = &t.time;
    let offset = dt.offset().local_minus_utc();
    let mut out = String::with_capacity(layout.len() + 10);
    let mut rest = layout;
    loop {
        let (prefix, std, suffix) = next_chunk(rest);
        out.push_str(prefix);
        let Some(std) = std else { break };
        rest = suffix;
        let hour = dt.hour() as i64;
        match std {
            Std::Year => pad(&mut out, (dt.year() as i64).rem_euclid(100), 2),
            Std::LongYear => pad(&mut out, dt.year() as i64, 4),
            Std::Month => out.push_str(&LONG_MONTHS[dt.month0() as usize][..3]),
            Std::LongMonth => out.push_str(LONG_MONTHS[dt.month0() as usize]),
            Std::NumMonth => pad(&mut out, dt.month() as i64, 0),
            Std::ZeroMonth => pad(&mut out, dt.month() as i64, 2),
            Std::WeekDay => {
                out.push_str(&LONG_DAYS[dt.weekday().num_days_from_sunday() as usize][..3])
            }
            Std::LongWeekDay => {
                out.push_str(LONG_DAYS[dt.weekday().num_days_from_sunday() as usize])
            }
            Std::Day => pad(&mut out, dt.day() as i64, 0),
            Std::UnderDay => {
                if dt.day() < 10 {
                    out.push(' ');
                }
                pad(&mut out, dt.day() as i64, 0);
            }
            Std::ZeroDay => pad(&mut out, dt.day() as i64, 2),
            Std::UnderYearDay => {
                let yd = dt.ordinal();
                if yd < 100 {
                    out.push(' ');
                    if yd < 10 {
                        out.push(' ');
                    }
                }
                pad(&mut out, yd as i64, 0);
            }
            Std::ZeroYearDay => pad(&mut out, dt.ordinal() as i64, 3),
            Std::Hour => pad(&mut out, hour, 2),
            Std::Hour12 => pad(&mut out, if hour % 12 == 0 { 12 } else { hour % 12 }, 0),
            Std::ZeroHour12 => pad(&mut out, if hour % 12 == 0 { 12 } else { hour % 12 }, 2),
            Std::Minute => pad(&mut out, dt.minute() as i64, 0),
            Std::ZeroMinute => pad(&mut out, dt.minute() as i64, 2),
            Std::Second => pad(&mut out, dt.second() as i64, 0),
            Std::ZeroSecond => pad(&mut out, dt.second() as i64, 2),
            Std::PM => out.push_str(if hour >= 12 { "PM" } else { "AM" }),
            Std::Pm => out.push_str(if hour >= 12 { "pm" } else { "am" }),
            Std::Tz => {
                if !t.zone.is_empty() {
                    out.push_str(&t.zone);
                } else {
                    let zone = offset / 60;
                    out.push(if zone < 0 { '-' } else { '+' });
                    pad(&mut out, (zone.abs() / 60) as i64, 2);
                    pad(&mut out, (zone.abs() % 60) as i64, 2);
                }
            }
            Std::Frac0(sep, digits) | Std::Frac9(sep, digits) => {
                let nanos = format!("{:09}", dt.nanosecond() % 1_000_000_000);
                let mut frac = &nanos[..digits.min(9)];
                if matches!(std, Std::Frac9(..)) {
                    frac = frac.trim_end_matches('0');
                    if frac.is_empty() {
                        continue;
                    }
                }
                out.push(sep as char);
                out.push_str(frac);
            }
            zone_std => {
                let iso = matches!(
                    zone_std,
                    Std::Iso8601Tz
                        | Std::Iso8601SecondsTz
                        | Std::Iso8601ShortTz
                        | Std::Iso8601ColonTz
                        | Std::Iso8601ColonSecondsTz
                );
                if offset == 0 && iso {
                    out.push('Z');
                    continue;
                }
                let zone = offset / 60;
                let abs_offset = offset.abs();
                out.push(if zone < 0 { '-' } else { '+' });
                let zone = zone.abs();
                pad(&mut out, (zone / 60) as i64, 2);
                let colon = matches!(
                    zone_std,
                    Std::Iso8601ColonTz
                        | Std::NumColonTz
                        | Std::Iso8601ColonSecondsTz
                        | Std::NumColonSecondsTz
                );
                if colon {
                    out.push(':');
                }
                if !matches!(zone_std, Std::NumShortTz | Std::Iso8601ShortTz) {
                    pad(&mut out, (zone % 60) as i64, 2);
                }
                if matches!(
                    zone_std,
                    Std::Iso8601SecondsTz
                        | Std::NumSecondsTz
                        | Std::NumColonSecondsTz
                        | Std::Iso8601ColonSecondsTz
                ) {
                    if matches!(
                        zone_std,
                        Std::NumColonSecondsTz | Std::Iso8601ColonSecondsTz
                    ) {
                        out.push(':');
                    }
                    pad(&mut out, (abs_offset % 60) as i64, 2);
                }
            }
        }
    }
    out
}

/// Go's zero `time.Time` (`0001-01-01 00:00:00 +0000 UTC`).
pub fn zero_time() -> GoTime {
    let t = Utc
        .with_ymd_and_hms(1, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default();
    GoTime {
        time: t.fixed_offset(),
        zone: "UTC".into(),
    }
}

/// A UTC instant as Go's `time.Time` in the UTC (= local) location.
pub fn utc_time(t: DateTime<Utc>) -> GoTime {
    GoTime {
        time: t.fixed_offset(),
        zone: "UTC".into(),
    }
}

/// Go's `time.Now()` in the local (UTC) zone.
pub fn now() -> GoTime {
    utc_time(Utc::now())
}

fn skip<'a>(mut value: &'a str, mut prefix: &str) -> Result<&'a str, ()> {
    while !prefix.is_empty() {
        if prefix.starts_with(' ') {
            if !value.is_empty() && !value.starts_with(' ') {
                return Err(());
            }
            prefix = prefix.trim_start_matches(' ');
            value = value.trim_start_matches(' ');
            continue;
        }
        // Whole characters, not bytes: a layout or value may hold any UTF-8.
        let Some(c) = prefix.chars().next() else {
            break;
        };
        let Some(rest) = value.strip_prefix(c) else {
            return Err(());
        };
        prefix = &prefix[c.len_utf8()..];
        value = rest;
    }
    Ok(value)
}

/// Go's `getnum`: one or two digits (exactly two when `fixed`).
fn getnum(value: &str, fixed: bool) -> Result<(i64, &str), ()> {
    let b = value.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return Err(());
    }
    if b.len() < 2 || !b[1].is_ascii_digit() {
        if fixed {
            return Err(());
        }
        return Ok(((b[0] - b'0') as i64, &value[1..]));
    }
    Ok((((b[0] - b'0') * 10 + (b[1] - b'0')) as i64, &value[2..]))
}

fn getnum3(value: &str, fixed: bool) -> Result<(i64, &str), ()> {
    let b = value.as_bytes();
    let mut n = 0i64;
    let mut i = 0;
    while i < 3 && i < b.len() && b[i].is_ascii_digit() {
        n = n * 10 + (b[i] - b'0') as i64;
        i += 1;
    }
    if i == 0 || (fixed && i != 3) {
        return Err(());
    }
    Ok((n, &value[i..]))
}

/// `&s[range]` for the value parser: Go slices values by bytes, and a cut inside a multi-byte
/// character leaves bytes no layout element accepts, so it is the parse error Go reports.
fn sub<R: std::slice::SliceIndex<str, Output = str>>(s: &str, range: R) -> Result<&str, ()> {
    s.get(range).ok_or(())
}

fn lookup_name<'a>(
    names: &[&str],
    value: &'a str,
    len: Option<usize>,
) -> Result<(usize, &'a str), ()> {
    for (i, name) in names.iter().enumerate() {
        let name = match len {
            Some(l) => &name[..l],
            None => name,
        };
        // A cut inside a multi-byte character cannot equal an ASCII name: try the next one.
        if let Some(head) = value.get(..name.len())
            && head.eq_ignore_ascii_case(name)
        {
            return Ok((i, sub(value, name.len()..)?));
        }
    }
    Err(())
}

fn parse_nanos(value: &str, nbytes: usize) -> Result<i64, ()> {
    let b = value.as_bytes();
    if b.is_empty() || (b[0] != b'.' && b[0] != b',') {
        return Err(());
    }
    let digits = sub(value, 1..nbytes)?;
    if digits.len() > 9 {
        // Go truncates to nanoseconds.
        return sub(digits, ..9)?.parse::<i64>().map_err(|_| ());
    }
    let n: i64 = digits.parse().map_err(|_| ())?;
    Ok(n * 10i64.pow((9 - digits.len()) as u32))
}

/// Go's `time.ParseInLocation(layout, value, time.Local)` with Local = UTC. The error names what
/// failed, like Go's `parsing time "x" as "layout": cannot parse "…" as "…"`.
pub fn parse_go_time(layout: &str, value: &str) -> Result<GoTime, String> {
    let orig_value = value;
    let bad = |elem: &str, rest: &str| {
        format!(
            "parsing time {:?} as {:?}: cannot parse {:?} as {:?}",
            orig_value, layout, rest, elem
        )
    };
    let (mut year, mut month, mut day, mut yday) = (0i64, -1i64, -1i64, -1i64);
    let (mut hour, mut min, mut sec, mut nsec) = (0i64, 0i64, 0i64, 0i64);
    let mut pm_set = false;
    let mut am_set = false;
    let mut zone_offset: Option<i32> = None;
    let mut zone_name = String::new();
    let mut utc = false;
    let mut layout_rest = layout;
    let mut value = value;
    loop {
        let (prefix, std, suffix) = next_chunk(layout_rest);
        let std_str = &layout_rest[prefix.len()..layout_rest.len() - suffix.len()];
        value = skip(value, prefix).map_err(|_| bad(prefix, value))?;
        let Some(std) = std else {
            if !value.is_empty() {
                return Err(format!(
                    "parsing time {:?}: extra text: {:?}",
                    orig_value, value
                ));
            }
            break;
        };
        layout_rest = suffix;
        let hold = value;
        let range_err =
            |what: &str| format!("parsing time {:?}: {} out of range", orig_value, what);
        let res: Result<&str, ()> = (|| -> Result<&str, ()> {
            Ok(match std {
                Std::Year => {
                    if value.len() < 2 {
                        return Err(());
                    }
                    let (y, rest) = (
                        sub(value, ..2)?.parse::<i64>().map_err(|_| ())?,
                        sub(value, 2..)?,
                    );
                    year = if y >= 69 { y + 1900 } else { y + 2000 };
                    rest
                }
                Std::LongYear => {
                    if value.len() < 4 || !value.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
                        return Err(());
                    }
                    year = sub(value, ..4)?.parse().map_err(|_| ())?;
                    sub(value, 4..)?
                }
                Std::Month => {
                    let (m, rest) = lookup_name(&LONG_MONTHS, value, Some(3))?;
                    month = m as i64 + 1;
                    rest
                }
                Std::LongMonth => {
                    let (m, rest) = lookup_name(&LONG_MONTHS, value, None)?;
                    month = m as i64 + 1;
                    rest
                }
                Std::NumMonth | Std::ZeroMonth => {
                    let (m, rest) = getnum(value, std == Std::ZeroMonth)?;
                    month = m;
                    rest
                }
                Std::WeekDay => lookup_name(&LONG_DAYS, value, Some(3))?.1,
                Std::LongWeekDay => lookup_name(&LONG_DAYS, value, None)?.1,
                Std::Day | Std::UnderDay | Std::ZeroDay => {
                    let v = if std == Std::UnderDay && value.starts_with(' ') {
                        sub(value, 1..)?
                    } else {
                        value
                    };
                    let (d, rest) = getnum(v, std == Std::ZeroDay)?;
                    day = d;
                    rest
                }
                Std::UnderYearDay | Std::ZeroYearDay => {
                    let mut v = value;
                    if std == Std::UnderYearDay {
                        for _ in 0..2 {
                            if v.starts_with(' ') {
                                v = &v[1..];
                            }
                        }
                    }
                    let (d, rest) = getnum3(v, std == Std::ZeroYearDay)?;
                    yday = d;
                    rest
                }
                Std::Hour => {
                    let (h, rest) = getnum(value, false)?;
                    hour = h;
                    rest
                }
                Std::Hour12 | Std::ZeroHour12 => {
                    let (h, rest) = getnum(value, std == Std::ZeroHour12)?;
                    hour = h;
                    rest
                }
                Std::Minute | Std::ZeroMinute => {
                    let (m, rest) = getnum(value, std == Std::ZeroMinute)?;
                    min = m;
                    rest
                }
                Std::Second | Std::ZeroSecond => {
                    let (s, mut rest) = getnum(value, std == Std::ZeroSecond)?;
                    sec = s;
                    // A fractional second in the value but not in the layout is still accepted.
                    let rb = rest.as_bytes();
                    if rb.len() >= 2 && (rb[0] == b'.' || rb[0] == b',') && rb[1].is_ascii_digit() {
                        let (_, next, _) = next_chunk(layout_rest);
                        if !matches!(next, Some(Std::Frac0(..) | Std::Frac9(..))) {
                            let mut n = 2;
                            while n < rb.len() && rb[n].is_ascii_digit() {
                                n += 1;
                            }
                            nsec = parse_nanos(rest, n)?;
                            rest = sub(rest, n..)?;
                        }
                    }
                    rest
                }
                Std::PM | Std::Pm => {
                    if value.len() < 2 {
                        return Err(());
                    }
                    let p = sub(value, ..2)?;
                    let p = if std == Std::PM {
                        p.to_string()
                    } else {
                        p.to_ascii_uppercase()
                    };
                    match p.as_str() {
                        "PM" if std == Std::PM || value.starts_with("pm") => pm_set = true,
                        "AM" if std == Std::PM || value.starts_with("am") => am_set = true,
                        _ => return Err(()),
                    }
                    sub(value, 2..)?
                }
                Std::Tz => {
                    if let Some(rest) = value.strip_prefix("UTC") {
                        utc = true;
                        rest
                    } else {
                        let n = value.bytes().take_while(u8::is_ascii_uppercase).count();
                        if n < 3 {
                            return Err(());
                        }
                        zone_name = sub(value, ..n)?.to_string();
                        sub(value, n..)?
                    }
                }
                Std::Frac0(_, digits) => {
                    let nd = 1 + digits;
                    if value.len() < nd {
                        return Err(());
                    }
                    nsec = parse_nanos(value, nd)?;
                    sub(value, nd..)?
                }
                Std::Frac9(..) => {
                    let b = value.as_bytes();
                    if b.len() < 2 || (b[0] != b'.' && b[0] != b',') || !b[1].is_ascii_digit() {
                        value
                    } else {
                        let mut i = 0;
                        while i + 1 < b.len() && b[i + 1].is_ascii_digit() {
                            i += 1;
                        }
                        nsec = parse_nanos(value, 1 + i)?;
                        sub(value, 1 + i..)?
                    }
                }
                zone_std => {
                    let iso = matches!(
                        zone_std,
                        Std::Iso8601Tz
                            | Std::Iso8601SecondsTz
                            | Std::Iso8601ShortTz
                            | Std::Iso8601ColonTz
                            | Std::Iso8601ColonSecondsTz
                    );
                    if iso && value.starts_with('Z') {
                        utc = true;
                        return sub(value, 1..);
                    }
                    let b = value.as_bytes();
                    let (hh, mm, ss, rest): (&str, &str, &str, &str) = match zone_std {
                        Std::Iso8601ColonTz | Std::NumColonTz => {
                            if b.len() < 6 || b[3] != b':' {
                                return Err(());
                            }
                            (sub(value, 1..3)?, sub(value, 4..6)?, "00", sub(value, 6..)?)
                        }
                        Std::NumShortTz | Std::Iso8601ShortTz => {
                            if b.len() < 3 {
                                return Err(());
                            }
                            (sub(value, 1..3)?, "00", "00", sub(value, 3..)?)
                        }
                        Std::Iso8601ColonSecondsTz | Std::NumColonSecondsTz => {
                            if b.len() < 9 || b[3] != b':' || b[6] != b':' {
                                return Err(());
                            }
                            (
                                sub(value, 1..3)?,
                                sub(value, 4..6)?,
                                sub(value, 7..9)?,
                                sub(value, 9..)?,
                            )
                        }
                        Std::Iso8601SecondsTz | Std::NumSecondsTz => {
                            if b.len() < 7 {
                                return Err(());
                            }
                            (
                                sub(value, 1..3)?,
                                sub(value, 3..5)?,
                                sub(value, 5..7)?,
                                sub(value, 7..)?,
                            )
                        }
                        _ => {
                            if b.len() < 5 {
                                return Err(());
                            }
                            (sub(value, 1..3)?, sub(value, 3..5)?, "00", sub(value, 5..)?)
                        }
                    };
                    let h: i32 = hh.parse().map_err(|_| ())?;
                    let m: i32 = mm.parse().map_err(|_| ())?;
                    let s: i32 = ss.parse().map_err(|_| ())?;
                    if h > 24 || m > 60 || s > 60 {
                        return Err(());
                    }
                    let off = (h * 60 + m) * 60 + s;
                    zone_offset = Some(match b[0] {
                        b'+' => off,
                        b'-' => -off,
                        _ => return Err(()),
                    });
                    rest
                }
            })
        })();
        value = res.map_err(|_| bad(std_str, hold))?;
        match std {
            Std::NumMonth | Std::ZeroMonth if !(1..=12).contains(&month) => {
                return Err(range_err("month"));
            }
            Std::Hour if !(0..24).contains(&hour) => return Err(range_err("hour")),
            Std::Hour12 | Std::ZeroHour12 if !(0..=12).contains(&hour) => {
                return Err(range_err("hour"));
            }
            Std::Minute | Std::ZeroMinute if !(0..60).contains(&min) => {
                return Err(range_err("minute"));
            }
            Std::Second | Std::ZeroSecond if !(0..60).contains(&sec) => {
                return Err(range_err("second"));
            }
            _ => {}
        }
    }
    if pm_set && hour < 12 {
        hour += 12;
    } else if am_set && hour == 12 {
        hour = 0;
    }
    if yday >= 0 {
        let start = NaiveDate::from_ymd_opt(year as i32, 1, 1)
            .ok_or_else(|| "day-of-year out of range".to_string())?;
        let d = start
            .checked_add_days(chrono::Days::new((yday - 1).max(0) as u64))
            .filter(|d| d.year() as i64 == year && yday >= 1)
            .ok_or_else(|| format!("parsing time {:?}: day-of-year out of range", orig_value))?;
        if month >= 0 && d.month() as i64 != month || day >= 0 && d.day() as i64 != day {
            return Err(format!(
                "parsing time {:?}: day-of-year does not match month",
                orig_value
            ));
        }
        month = d.month() as i64;
        day = d.day() as i64;
    } else {
        if month < 0 {
            month = 1;
        }
        if day < 0 {
            day = 1;
        }
    }
    let date = NaiveDate::from_ymd_opt(year as i32, month as u32, day as u32)
        .ok_or_else(|| format!("parsing time {:?}: day out of range", orig_value))?;
    let naive = date
        .and_hms_nano_opt(hour as u32, min as u32, sec as u32, nsec as u32)
        .ok_or_else(|| format!("parsing time {:?}: out of range", orig_value))?;
    let (offset, zone) = match zone_offset {
        _ if utc => (0, "UTC".to_string()),
        // An offset equal to the local (UTC) zone's takes the local location, as Go does.
        Some(0) => (0, "UTC".to_string()),
        Some(off) => (off, String::new()),
        None if !zone_name.is_empty() => (0, zone_name),
        None => (0, "UTC".to_string()),
    };
    let fixed =
        FixedOffset::east_opt(offset).ok_or_else(|| "time zone offset out of range".to_string())?;
    let time = fixed
        .from_local_datetime(&naive)
        .single()
        .ok_or_else(|| format!("parsing time {:?}: out of range", orig_value))?;
    Ok(GoTime {
        time,
        zone: zone.into(),
    })
}

/// `t.In(UTC)`: what sprig's `date` does before formatting (local zone = UTC here).
pub fn in_utc(t: &GoTime) -> GoTime {
    GoTime {
        time: t.time.with_timezone(&Utc).fixed_offset(),
        zone: "UTC".into(),
    }
}

/// The `time.Time` methods templates call (`(toDate "2006-01-02" .x).Year`, `now.Unix`,
/// `.Format "Jan 2"`): fields of the time in its own zone, with Go's result types (`Unix` is an
/// `int64`, `Month` a `time.Month` that prints as its English name).
pub(crate) fn time_method(
    t: &GoTime,
    name: &str,
    args: &[super::value::Value],
) -> Result<super::value::Value, String> {
    use super::value::{IntType, Value, View, int64, time_value, typed_int, view};
    let local = t.time;
    let want = |n: usize| {
        if args.len() == n {
            Ok(())
        } else {
            Err(format!(
                "wrong number of args for {name}: want {n} got {}",
                args.len()
            ))
        }
    };
    let int = |v: i64| Ok(Value::from(v));
    match name {
        "Format" => {
            want(1)?;
            match view(&args[0]) {
                View::Str(layout) => Ok(Value::from(format_go_time(t, layout))),
                _ => Err(format!(
                    "wrong type for value; expected string; got {}",
                    super::value::type_name(&args[0])
                )),
            }
        }
        _ => {
            want(0)?;
            match name {
                "Year" => int(i64::from(local.year())),
                "Month" => Ok(typed_int(IntType::Month, i64::from(local.month()))),
                "Day" => int(i64::from(local.day())),
                "Hour" => int(i64::from(local.hour())),
                "Minute" => int(i64::from(local.minute())),
                "Second" => int(i64::from(local.second())),
                "Nanosecond" => int(i64::from(local.nanosecond() % 1_000_000_000)),
                "YearDay" => int(i64::from(local.ordinal())),
                "Weekday" => Ok(typed_int(
                    IntType::Weekday,
                    i64::from(local.weekday().num_days_from_sunday()),
                )),
                "Unix" => Ok(int64(local.timestamp())),
                "UnixMilli" => Ok(int64(local.timestamp_millis())),
                "UnixMicro" => Ok(int64(local.timestamp_micros())),
                // Go's UnixNano wraps around past the years 1678–2262, where i64 nanoseconds end.
                "UnixNano" => Ok(int64(
                    local
                        .timestamp()
                        .wrapping_mul(1_000_000_000)
                        .wrapping_add(i64::from(local.timestamp_subsec_nanos())),
                )),
                "IsZero" => Ok(Value::from(local == zero_time().time)),
                "UTC" | "Local" => {
                    let u = in_utc(t);
                    Ok(time_value(u.time, &u.zone))
                }
                "String" => Ok(Value::from(super::gofmt::format_go_time_string(t))),
                _ => Err(format!("can't evaluate field {name} in type time.Time")),
            }
        }
    }
}

/// One zone of a TZif file: its UTC offset and abbreviation.
#[derive(Debug, Clone)]
struct ZoneType {
    offset: i32,
    abbrev: String,
    is_dst: bool,
}

/// A location read from the system's zoneinfo database, as Go's `time.LoadLocation` reads it
/// (Go too uses the system files unless a program embeds `time/tzdata`, which Kanister does
/// not): transitions, plus the POSIX TZ rule of the footer for instants after the last one.
#[derive(Debug, Clone)]
struct Location {
    transitions: Vec<(i64, usize)>,
    types: Vec<ZoneType>,
    rule: Option<String>,
}

/// The directories Go's `time.LoadLocation` searches on Unix, in its order (after `$ZONEINFO`).
const ZONEINFO_DIRS: &[&str] = &[
    "/usr/share/zoneinfo/",
    "/usr/share/lib/zoneinfo/",
    "/usr/lib/locale/TZ/",
    "/etc/zoneinfo/",
];

fn load_location(name: &str) -> Option<Location> {
    // Go refuses names that could escape the database directory.
    if name.is_empty()
        || name.starts_with('/')
        || name.starts_with('\\')
        || name.contains("..")
        || name.len() > 255
    {
        return None;
    }
    let from_env = std::env::var("ZONEINFO").ok().filter(|d| !d.is_empty());
    from_env
        .iter()
        .map(|d| format!("{d}/"))
        .chain(ZONEINFO_DIRS.iter().map(|d| d.to_string()))
        .find_map(|dir| std::fs::read(format!("{dir}{name}")).ok())
        .and_then(|bytes| parse_tzif(&bytes))
}

fn parse_tzif(data: &[u8]) -> Option<Location> {
    let be32 = |b: &[u8], at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
    };
    if data.get(..4)? != b"TZif" {
        return None;
    }
    let version = *data.get(4)?;
    let counts = |at: usize| -> Option<[usize; 6]> {
        let mut c = [0usize; 6];
        for (i, slot) in c.iter_mut().enumerate() {
            *slot = be32(data, at + 20 + 4 * i)? as usize;
        }
        Some(c)
    };
    // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    let [isut, isstd, leap, time, typ, chars] = counts(0)?;
    let v1_len = time * 5 + typ * 6 + chars + leap * 8 + isstd + isut;
    let (start, width, [isut, isstd, leap, time, typ, chars]) = if version >= b'2' {
        let second = 44 + v1_len;
        (second + 44, 8, counts(second)?)
    } else {
        (44, 4, [isut, isstd, leap, time, typ, chars])
    };
    let mut at = start;
    let mut transitions = Vec::with_capacity(time);
    let times_at = at;
    at += time * width;
    let idx_at = at;
    at += time;
    for i in 0..time {
        let when = if width == 8 {
            i64::from_be_bytes(
                data.get(times_at + 8 * i..times_at + 8 * i + 8)?
                    .try_into()
                    .ok()?,
            )
        } else {
            i64::from(be32(data, times_at + 4 * i)? as i32)
        };
        transitions.push((when, *data.get(idx_at + i)? as usize));
    }
    let types_at = at;
    at += typ * 6;
    let abbrevs = data.get(at..at + chars)?;
    let mut types = Vec::with_capacity(typ);
    for i in 0..typ {
        let b = data.get(types_at + 6 * i..types_at + 6 * i + 6)?;
        let offset = i32::from_be_bytes(b[..4].try_into().ok()?);
        let abbr_at = b[5] as usize;
        let abbrev = abbrevs.get(abbr_at..)?;
        let end = abbrev.iter().position(|&c| c == 0).unwrap_or(abbrev.len());
        types.push(ZoneType {
            offset,
            abbrev: String::from_utf8_lossy(&abbrev[..end]).into_owned(),
            is_dst: b[4] != 0,
        });
    }
    at += chars + leap * (width + 4) + isstd + isut;
    if transitions.iter().any(|&(_, i)| i >= types.len()) || types.is_empty() {
        return None;
    }
    let rule = (version >= b'2')
        .then(|| data.get(at..))
        .flatten()
        .and_then(|footer| std::str::from_utf8(footer).ok())
        .map(|f| f.trim_matches('\n').to_string())
        .filter(|f| !f.is_empty());
    Some(Location {
        transitions,
        types,
        rule,
    })
}

impl Location {
    /// The zone in effect at Unix time `secs`, as Go's `Location.lookup` finds it.
    fn lookup(&self, secs: i64) -> (i32, String) {
        let first_standard = || {
            self.types
                .iter()
                .find(|t| !t.is_dst)
                .unwrap_or(&self.types[0])
        };
        let zone = match self.transitions.iter().rposition(|&(when, _)| when <= secs) {
            None => first_standard(),
            Some(i) if i + 1 == self.transitions.len() => {
                if let Some(z) = self.rule.as_deref().and_then(|r| posix_rule_zone(r, secs)) {
                    return z;
                }
                &self.types[self.transitions[i].1]
            }
            Some(i) => &self.types[self.transitions[i].1],
        };
        (zone.offset, zone.abbrev.clone())
    }
}

/// A POSIX TZ rule (`CET-1CEST,M3.5.0,M10.5.0/3`) at Unix time `secs`: the zone (offset east of
/// UTC, abbreviation). Only the `Mm.w.d` date form is read (what the tz database writes);
/// `None` for anything else, and the caller keeps the last transition's zone.
fn posix_rule_zone(rule: &str, secs: i64) -> Option<(i32, String)> {
    fn name(s: &str) -> Option<(String, &str)> {
        if let Some(rest) = s.strip_prefix('<') {
            let end = rest.find('>')?;
            return Some((rest[..end].to_string(), &rest[end + 1..]));
        }
        let end = s
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(s.len());
        (end >= 3).then(|| (s[..end].to_string(), &s[end..]))
    }
    /// `[+-]hh[:mm[:ss]]` in seconds, and the rest.
    fn hms(s: &str) -> Option<(i64, &str)> {
        let (sign, body) = match s.as_bytes().first()? {
            b'-' => (-1, &s[1..]),
            b'+' => (1, &s[1..]),
            _ => (1, s),
        };
        let end = body
            .find(|c: char| !c.is_ascii_digit() && c != ':')
            .unwrap_or(body.len());
        let mut total = 0i64;
        for (i, part) in body[..end].split(':').enumerate().take(3) {
            total += part.parse::<i64>().ok()? * [3600, 60, 1][i];
        }
        Some((sign * total, &body[end..]))
    }
    /// `Mm.w.d[/time]`: seconds from the start of `year` (UTC) to that local wall time.
    fn date(spec: &str, year: i32) -> Option<i64> {
        let (day, time) = match spec.split_once('/') {
            Some((d, t)) => (d, hms(t)?.0),
            None => (spec, 7200),
        };
        let mut parts = day.strip_prefix('M')?.split('.');
        let month: u32 = parts.next()?.parse().ok()?;
        let week: u32 = parts.next()?.parse().ok()?;
        let weekday: u32 = parts.next()?.parse().ok()?;
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let first_wd = first.weekday().num_days_from_sunday();
        let mut mday = 1 + (7 + weekday - first_wd) % 7 + 7 * (week.clamp(1, 5) - 1);
        let days_in_month = NaiveDate::from_ymd_opt(
            if month == 12 { year + 1 } else { year },
            if month == 12 { 1 } else { month + 1 },
            1,
        )?
        .pred_opt()?
        .day();
        while mday > days_in_month {
            mday -= 7;
        }
        let d = NaiveDate::from_ymd_opt(year, month, mday)?;
        let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
        Some((d - start).num_days() * 86400 + time)
    }
    let (std_name, rest) = name(rule)?;
    let (std_west, rest) = hms(rest)?;
    let std_offset = -std_west as i32;
    if rest.is_empty() {
        return Some((std_offset, std_name));
    }
    let (dst_name, rest) = name(rest)?;
    let (dst_offset, rest) = if rest.starts_with(',') {
        (std_offset + 3600, rest)
    } else {
        let (west, r) = hms(rest)?;
        (-west as i32, r)
    };
    let (start_spec, end_spec) = rest.strip_prefix(',')?.split_once(',')?;
    let year = DateTime::<Utc>::from_timestamp(secs + i64::from(std_offset), 0)?.year();
    let year_start = NaiveDate::from_ymd_opt(year, 1, 1)?
        .and_hms_opt(0, 0, 0)?
        .and_utc()
        .timestamp();
    // Transition instants in UTC: DST starts at a standard-time wall clock, ends at a DST one.
    let dst_start = year_start + date(start_spec, year)? - i64::from(std_offset);
    let dst_end = year_start + date(end_spec, year)? - i64::from(dst_offset);
    let in_dst = if dst_start < dst_end {
        secs >= dst_start && secs < dst_end
    } else {
        !(secs >= dst_end && secs < dst_start)
    };
    Some(if in_dst {
        (dst_offset, dst_name)
    } else {
        (std_offset, std_name)
    })
}

/// `t.In(loc)` for a named location, as sprig's `dateInZone` does; like sprig, a zone that does
/// not load (unknown name, no zoneinfo database on this machine) means UTC, and `Local` is UTC
/// here (the plugin renders as Kanister's controller pods run, in UTC).
pub fn in_zone(t: &GoTime, zone: &str) -> GoTime {
    if matches!(zone, "" | "UTC" | "Local") {
        return in_utc(t);
    }
    let Some(location) = load_location(zone) else {
        return in_utc(t);
    };
    let (offset, abbrev) = location.lookup(t.time.timestamp());
    let Some(fixed) = FixedOffset::east_opt(offset) else {
        return in_utc(t);
    };
    GoTime {
        time: t.time.with_timezone(&fixed),
        zone: abbrev.into(),
    }
}
