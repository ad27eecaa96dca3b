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

const LONG_MONTHS: [&str; 12] = [
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
const LONG_DAYS: [&str; 7] = [
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
        let c = prefix.as_bytes()[0];
        if value.as_bytes().first() != Some(&c) {
            return Err(());
        }
        prefix = &prefix[1..];
        value = &value[1..];
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
        if value.len() >= name.len() && value[..name.len()].eq_ignore_ascii_case(name) {
            return Ok((i, &value[name.len()..]));
        }
    }
    Err(())
}

fn parse_nanos(value: &str, nbytes: usize) -> Result<i64, ()> {
    let b = value.as_bytes();
    if b.is_empty() || (b[0] != b'.' && b[0] != b',') {
        return Err(());
    }
    let digits = &value[1..nbytes];
    if digits.len() > 9 {
        // Go truncates to nanoseconds.
        return digits[..9].parse::<i64>().map_err(|_| ());
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
                    let (y, rest) = (value[..2].parse::<i64>().map_err(|_| ())?, &value[2..]);
                    year = if y >= 69 { y + 1900 } else { y + 2000 };
                    rest
                }
                Std::LongYear => {
                    if value.len() < 4 || !value.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
                        return Err(());
                    }
                    year = value[..4].parse().map_err(|_| ())?;
                    &value[4..]
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
                        &value[1..]
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
                            rest = &rest[n..];
                        }
                    }
                    rest
                }
                Std::PM | Std::Pm => {
                    if value.len() < 2 {
                        return Err(());
                    }
                    let p = &value[..2];
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
                    &value[2..]
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
                        zone_name = value[..n].to_string();
                        &value[n..]
                    }
                }
                Std::Frac0(_, digits) => {
                    let nd = 1 + digits;
                    if value.len() < nd {
                        return Err(());
                    }
                    nsec = parse_nanos(value, nd)?;
                    &value[nd..]
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
                        &value[1 + i..]
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
                        return Ok(&value[1..]);
                    }
                    let b = value.as_bytes();
                    let (hh, mm, ss, rest): (&str, &str, &str, &str) = match zone_std {
                        Std::Iso8601ColonTz | Std::NumColonTz => {
                            if b.len() < 6 || b[3] != b':' {
                                return Err(());
                            }
                            (&value[1..3], &value[4..6], "00", &value[6..])
                        }
                        Std::NumShortTz | Std::Iso8601ShortTz => {
                            if b.len() < 3 {
                                return Err(());
                            }
                            (&value[1..3], "00", "00", &value[3..])
                        }
                        Std::Iso8601ColonSecondsTz | Std::NumColonSecondsTz => {
                            if b.len() < 9 || b[3] != b':' || b[6] != b':' {
                                return Err(());
                            }
                            (&value[1..3], &value[4..6], &value[7..9], &value[9..])
                        }
                        Std::Iso8601SecondsTz | Std::NumSecondsTz => {
                            if b.len() < 7 {
                                return Err(());
                            }
                            (&value[1..3], &value[3..5], &value[5..7], &value[7..])
                        }
                        _ => {
                            if b.len() < 5 {
                                return Err(());
                            }
                            (&value[1..3], &value[3..5], "00", &value[5..])
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
