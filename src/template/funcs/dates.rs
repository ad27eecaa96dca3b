//! sprig date functions. The local zone is UTC (see `template::dates`).

use chrono::{DateTime, Utc};

use super::{FnError, FnResult, FuncDef, failed, s, str_arg, wrong_type};
use crate::template::dates::{format_go_time, in_zone, now, parse_go_time, utc_time, zero_time};
use crate::template::go_duration;
use crate::template::value::{GoTime, IntType, Value, View, int_type, view};

pub(super) const FUNCS: &[FuncDef] = &[
    super::f("date", 2, |a| date_in_zone("date", a, None)),
    super::f("date_in_zone", 3, |a| {
        date_in_zone("date_in_zone", a, Some(2))
    }),
    super::f("dateInZone", 3, |a| date_in_zone("dateInZone", a, Some(2))),
    super::f("htmlDate", 1, |a| {
        format_in_zone("htmlDate", "2006-01-02", &a[0], "Local")
    }),
    super::f("htmlDateInZone", 2, |a| {
        format_in_zone("htmlDateInZone", "2006-01-02", &a[0], str_arg(a, 1)?)
    }),
    super::f("dateModify", 2, date_modify),
    super::f("date_modify", 2, date_modify),
    super::f("now", 0, |_| Ok(Value::from_object(now()))),
    super::f("ago", 1, ago),
    super::f("toDate", 2, to_date),
    super::f("unixEpoch", 1, |a| {
        s(time_arg(a, 0)?.time.timestamp().to_string())
    }),
];

fn time_arg(a: &[Value], i: usize) -> Result<GoTime, FnError> {
    match view(&a[i]) {
        View::Time(t) => Ok(t.clone()),
        View::Ptr(p) => match view(p) {
            View::Time(t) => Ok(t.clone()),
            _ => Err(wrong_type(i, "time.Time", &a[i])),
        },
        _ => Err(wrong_type(i, "time.Time", &a[i])),
    }
}

/// sprig's date argument: a `time.Time` (or pointer to one), or Unix seconds as an `int` or
/// `int64`; anything else, a `time.Month` included, means now.
fn as_time(v: &Value, func: &str) -> Result<GoTime, FnError> {
    match view(v) {
        View::Time(t) => Ok(t.clone()),
        View::Ptr(p) => match view(p) {
            View::Time(t) => Ok(t.clone()),
            _ => Ok(now()),
        },
        View::Int(secs) if matches!(int_type(v), None | Some(IntType::Int64)) => {
            // Go's time holds any int64 of seconds; past year 262143 there is no date to give.
            DateTime::<Utc>::from_timestamp(secs, 0)
                .map(utc_time)
                .ok_or_else(|| {
                    failed(format!(
                        "{func}: Unix time {secs} is beyond the years this engine can represent \
                         (±262143); Go would give a year past that"
                    ))
                })
        }
        _ => Ok(now()),
    }
}

/// sprig's `dateInZone`: the time in the named zone, read from the system's zoneinfo database
/// as Go's `time.LoadLocation` reads it; a zone that does not load formats in UTC, as sprig
/// falls back to UTC.
fn format_in_zone(func: &str, layout: &str, date: &Value, zone: &str) -> FnResult {
    s(format_go_time(
        &in_zone(&as_time(date, func)?, zone),
        layout,
    ))
}

fn date_in_zone(func: &str, a: &[Value], zone: Option<usize>) -> FnResult {
    let layout = str_arg(a, 0)?;
    let zone = match zone {
        Some(i) => str_arg(a, i)?,
        None => "Local",
    };
    format_in_zone(func, layout, &a[1], zone)
}

/// sprig's `dateModify`: the time moved by a Go duration; a text Go cannot parse leaves it as is.
fn date_modify(a: &[Value]) -> FnResult {
    let text = str_arg(a, 0)?;
    let t = time_arg(a, 1)?;
    let Some(nanos) = go_duration::parse(text) else {
        return Ok(Value::from_object(t));
    };
    let time = t
        .time
        .checked_add_signed(chrono::TimeDelta::nanoseconds(nanos))
        .ok_or_else(|| {
            failed(format!(
                "dateModify: {text:?} moves the date past the years this engine can represent \
                 (±262143)"
            ))
        })?;
    Ok(Value::from_object(GoTime {
        time,
        zone: t.zone.clone(),
    }))
}

/// sprig's `ago`: the time since the date, rounded to seconds, as Go's `Duration.String`
/// prints it (saturating at ±2562047h47m16.85s, as Go's `time.Since` does).
fn ago(a: &[Value]) -> FnResult {
    let t = as_time(&a[0], "ago")?;
    let now = Utc::now();
    let since = i128::from(now.timestamp() - t.time.timestamp()) * 1_000_000_000
        + i128::from(now.timestamp_subsec_nanos())
        - i128::from(t.time.timestamp_subsec_nanos());
    let since = since.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64;
    s(go_duration::format(go_duration::round(
        since,
        1_000_000_000,
    )))
}

fn to_date(a: &[Value]) -> FnResult {
    let layout = str_arg(a, 0)?;
    let value = str_arg(a, 1)?;
    Ok(Value::from_object(
        parse_go_time(layout, value).unwrap_or_else(|_| zero_time()),
    ))
}
