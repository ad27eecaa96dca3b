//! Standard five-field cron expressions, as a Kubernetes CronJob reads them (minute hour
//! day-of-month month day-of-week, names for months and days, `@hourly`-style macros), checked
//! before anything is created and used to show a schedule's next run.

use anyhow::{Result, bail};
use chrono::{DateTime, Datelike, Duration, Timelike, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cron {
    minutes: Vec<bool>,
    hours: Vec<bool>,
    days_of_month: Vec<bool>,
    months: Vec<bool>,
    days_of_week: Vec<bool>,
    /// Cron's rule: when both day fields are restricted, a day matching either one runs.
    both_days_restricted: bool,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

impl Cron {
    pub fn parse(expression: &str) -> Result<Cron> {
        let expanded = match expression.trim() {
            "@yearly" | "@annually" => "0 0 1 1 *",
            "@monthly" => "0 0 1 * *",
            "@weekly" => "0 0 * * 0",
            "@daily" | "@midnight" => "0 0 * * *",
            "@hourly" => "0 * * * *",
            other if other.starts_with('@') => bail!(
                "schedule {expression:?}: unknown macro (a CronJob knows @yearly, @monthly, @weekly, @daily and @hourly; Velero's @every is not a cron expression)"
            ),
            other => other,
        };
        let fields: Vec<&str> = expanded.split_whitespace().collect();
        if fields.len() != 5 {
            bail!(
                "schedule {expression:?}: a cron expression has 5 fields (minute hour day-of-month month day-of-week), found {}",
                fields.len()
            );
        }
        let field = |index: usize, name: &str, low: u32, high: u32, names: &[&str]| {
            parse_field(fields[index], low, high, names).map_err(|e| {
                anyhow::anyhow!(
                    "schedule {expression:?}: {name} field {:?}: {e}",
                    fields[index]
                )
            })
        };
        let mut days_of_week = field(4, "day-of-week", 0, 7, &DAYS)?;
        // 7 is Sunday too.
        if days_of_week[7] {
            days_of_week[0] = true;
        }
        days_of_week.truncate(7);
        Ok(Cron {
            minutes: field(0, "minute", 0, 59, &[])?,
            hours: field(1, "hour", 0, 23, &[])?,
            days_of_month: field(2, "day-of-month", 1, 31, &[])?,
            months: field(3, "month", 1, 12, &MONTHS)?,
            days_of_week,
            both_days_restricted: !fields[2].starts_with('*') && !fields[4].starts_with('*'),
        })
    }

    fn matches_day(&self, at: &DateTime<Utc>) -> bool {
        let dom = self.days_of_month[at.day() as usize];
        let dow = self.days_of_week[at.weekday().num_days_from_sunday() as usize];
        if self.both_days_restricted {
            dom || dow
        } else {
            dom && dow
        }
    }

    /// The first run strictly after `after`, within the next five years (a schedule such as
    /// `0 0 30 2 *` never runs: None).
    pub fn next_after(&self, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let mut at = after.with_second(0)?.with_nanosecond(0)? + Duration::minutes(1);
        let limit = after + Duration::days(366 * 5);
        while at < limit {
            if !self.months[at.month() as usize] || !self.matches_day(&at) {
                at = (at + Duration::days(1)).with_hour(0)?.with_minute(0)?;
                continue;
            }
            if !self.hours[at.hour() as usize] {
                at = (at + Duration::hours(1)).with_minute(0)?;
                continue;
            }
            if !self.minutes[at.minute() as usize] {
                at += Duration::minutes(1);
                continue;
            }
            return Some(at);
        }
        None
    }
}

/// One field as a table indexed by value (index 0 unused for 1-based fields).
fn parse_field(text: &str, low: u32, high: u32, names: &[&str]) -> Result<Vec<bool>> {
    let mut allowed = vec![false; high as usize + 1];
    for part in text.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((range, step)) => {
                let step: u32 = step
                    .parse()
                    .ok()
                    .filter(|s| *s > 0)
                    .ok_or_else(|| anyhow::anyhow!("step {step:?} is not a positive number"))?;
                (range, step)
            }
            None => (part, 1),
        };
        let (start, end) = if range == "*" {
            (low, high)
        } else if let Some((a, b)) = range.split_once('-') {
            (value(a, low, high, names)?, value(b, low, high, names)?)
        } else {
            let v = value(range, low, high, names)?;
            // `5/15` means from 5 to the end in steps of 15.
            (v, if part.contains('/') { high } else { v })
        };
        if start > end {
            bail!("range {range:?} runs backwards");
        }
        let mut v = start;
        while v <= end {
            allowed[v as usize] = true;
            v += step;
        }
    }
    Ok(allowed)
}

fn value(text: &str, low: u32, high: u32, names: &[&str]) -> Result<u32> {
    let lower = text.to_ascii_lowercase();
    if let Some(index) = names.iter().position(|n| *n == lower) {
        // Month names are 1-based (the field starts at 1), day names 0-based.
        return Ok(index as u32 + low);
    }
    let v: u32 = text
        .parse()
        .map_err(|_| anyhow::anyhow!("{text:?} is not a number"))?;
    if v < low || v > high {
        bail!("{v} is outside {low}-{high}");
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn next_runs_follow_cron_rules() {
        let daily = Cron::parse("0 1 * * *").unwrap();
        assert_eq!(
            daily.next_after(t(2026, 12, 7, 0, 30)),
            Some(t(2026, 12, 7, 1, 0))
        );
        assert_eq!(
            daily.next_after(t(2026, 12, 7, 1, 0)),
            Some(t(2026, 12, 8, 1, 0))
        );
        let every15 = Cron::parse("*/15 * * * *").unwrap();
        assert_eq!(
            every15.next_after(t(2026, 12, 7, 10, 46)),
            Some(t(2026, 12, 7, 11, 0))
        );
        let weekdays = Cron::parse("30 2 * * mon-fri").unwrap();
        // 2026-12-12 is a Saturday.
        assert_eq!(
            weekdays.next_after(t(2026, 12, 12, 0, 0)),
            Some(t(2026, 12, 14, 2, 30))
        );
        let months = Cron::parse("0 0 1 jan,jul *").unwrap();
        assert_eq!(
            months.next_after(t(2026, 12, 7, 0, 0)),
            Some(t(2027, 1, 1, 0, 0))
        );
        let sunday7 = Cron::parse("0 0 * * 7").unwrap();
        assert_eq!(
            sunday7.next_after(t(2026, 12, 7, 0, 0)),
            Some(t(2026, 12, 13, 0, 0))
        );
        // Both day fields restricted: either matches (the 1st, or any Monday).
        let either = Cron::parse("0 0 1 * mon").unwrap();
        assert_eq!(
            either.next_after(t(2026, 12, 8, 0, 0)),
            Some(t(2026, 12, 14, 0, 0))
        );
        assert_eq!(
            Cron::parse("@daily").unwrap(),
            Cron::parse("0 0 * * *").unwrap()
        );
        assert_eq!(
            Cron::parse("0 0 30 2 *")
                .unwrap()
                .next_after(t(2026, 1, 1, 0, 0)),
            None
        );
    }

    #[test]
    fn bad_expressions_name_the_field() {
        for (expr, needle) in [
            ("0 1 * *", "5 fields"),
            ("61 * * * *", "minute field"),
            ("* 24 * * *", "hour field"),
            ("* * 0 * *", "day-of-month"),
            ("* * * 13 *", "month field"),
            ("* * * * 8", "day-of-week"),
            ("*/0 * * * *", "step"),
            ("5-1 * * * *", "backwards"),
            ("@every 6h", "@every"),
        ] {
            let e = Cron::parse(expr).unwrap_err().to_string();
            assert!(e.contains(needle), "{expr}: {e}");
        }
    }
}
