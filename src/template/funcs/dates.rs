//! sprig date functions. The local zone is UTC (see `template::dates`).

use chrono::{DateTime, Utc};

use super::{FnError, FnResult, FuncDef, s, str_arg, wrong_type};
use crate::duration::{format_go_duration, parse_go_duration};
use crate::template::dates::{format_go_time, in_zone, now, parse_go_time, utc_time, zero_time};
use crate::template::value::{GoTime, Value, View, view};

pub(super) const FUNCS: &[FuncDef] = &[
    super::f("date", 2, |a| date_in_zone(a, None)),
    super::f("date_in_zone", 3, |a| date_in_zone(a, Some(2))),
    super::f("dateInZone", 3, |a| date_in_zone(a, Some(2))),
    super::f("htmlDate", 1, |a| {
        format_in_zone("2006-01-02", &a[0], "Local")
    }),
    super::f("htmlDateInZone", 2, |a| {
        format_in_zone("2006-01-02", &a[0], str_arg(a, 1)?)
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

/// sprig's date argument: a `time.Time`, or Unix seconds as an integer; anything else means now.
fn as_time(v: &Value) -> GoTime {
    match view(v) {
        View::Time(t) => t.clone(),
        View::Int(secs) => {
            DateTime::<Utc>::from_timestamp(secs, 0).map_or_else(zero_time, utc_time)
        }
        _ => now(),
    }
}

/// sprig's `dateInZone`: the time in the named zone, read from the system's zoneinfo database
/// as Go's `time.LoadLocation` reads it; a zone that does not load formats in UTC, as sprig
/// falls back to UTC.
fn format_in_zone(layout: &str, date: &Value, zone: &str) -> FnResult {
    s(format_go_time(&in_zone(&as_time(date), zone), layout))
}

fn date_in_zone(a: &[Value], zone: Option<usize>) -> FnResult {
    let layout = str_arg(a, 0)?;
    let zone = match zone {
        Some(i) => str_arg(a, i)?,
        None => "Local",
    };
    format_in_zone(layout, &a[1], zone)
}

fn date_modify(a: &[Value]) -> FnResult {
    let text = str_arg(a, 0)?;
    let t = time_arg(a, 1)?;
    let (neg, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text),
    };
    let Ok(d) = parse_go_duration(body) else {
        return Ok(Value::from_object(t));
    };
    let Ok(delta) = chrono::Duration::from_std(d) else {
        return Ok(Value::from_object(t));
    };
    let time = if neg { t.time - delta } else { t.time + delta };
    Ok(Value::from_object(GoTime {
        time,
        zone: t.zone.clone(),
    }))
}

fn ago(a: &[Value]) -> FnResult {
    let t = match view(&a[0]) {
        View::Time(t) => t.clone(),
        View::Int(secs) => {
            DateTime::<Utc>::from_timestamp(secs, 0).map_or_else(zero_time, utc_time)
        }
        _ => return s(""),
    };
    let since = Utc::now().signed_duration_since(t.time);
    let secs = (since.num_milliseconds() as f64 / 1000.0).round() as i64;
    let text = format_go_duration(std::time::Duration::from_secs(secs.unsigned_abs()));
    s(if secs < 0 { format!("-{text}") } else { text })
}

fn to_date(a: &[Value]) -> FnResult {
    let layout = str_arg(a, 0)?;
    let value = str_arg(a, 1)?;
    Ok(Value::from_object(
        parse_go_time(layout, value).unwrap_or_else(|_| zero_time()),
    ))
}
