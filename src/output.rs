//! Everything a command prints on stdout goes through here: one place decides the `-o` formats,
//! the table layout kubectl users know, and that a closed pipe (`| head`) is not an error.

use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Wide,
    Json,
    Yaml,
    Name,
}

/// A kubectl-style table: upper-case headers, columns padded with three spaces, no borders.
/// Wide-only columns are dropped unless the format is `wide`.
#[derive(Debug, Default)]
pub struct Table {
    headers: Vec<(String, bool)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(headers: &[&str]) -> Self {
        Table {
            headers: headers.iter().map(|h| (h.to_uppercase(), false)).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds columns shown only with `-o wide`; their cells come last in each row.
    pub fn with_wide(mut self, headers: &[&str]) -> Self {
        self.headers
            .extend(headers.iter().map(|h| (h.to_uppercase(), true)));
        self
    }

    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn render(&self, wide: bool) -> String {
        let shown: Vec<usize> = (0..self.headers.len())
            .filter(|&i| wide || !self.headers[i].1)
            .collect();
        let mut widths: Vec<usize> = shown
            .iter()
            .map(|&i| self.headers[i].0.chars().count())
            .collect();
        for row in &self.rows {
            for (w, &i) in widths.iter_mut().zip(&shown) {
                let len = row.get(i).map_or(0, |c| c.chars().count());
                *w = (*w).max(len);
            }
        }
        let mut out = String::new();
        let header_cells: Vec<&str> = shown.iter().map(|&i| self.headers[i].0.as_str()).collect();
        push_line(&mut out, &header_cells, &widths);
        for row in &self.rows {
            let cells: Vec<&str> = shown
                .iter()
                .map(|&i| row.get(i).map_or("", String::as_str))
                .collect();
            push_line(&mut out, &cells, &widths);
        }
        out
    }

    pub fn print(&self, format: OutputFormat) -> io::Result<()> {
        write_stdout(&self.render(format == OutputFormat::Wide))
    }
}

fn push_line(out: &mut String, cells: &[&str], widths: &[usize]) {
    let last = cells.len().saturating_sub(1);
    for (i, cell) in cells.iter().enumerate() {
        out.push_str(cell);
        if i < last {
            let pad = widths[i] - cell.chars().count() + 3;
            out.extend(std::iter::repeat_n(' ', pad));
        }
    }
    out.push('\n');
}

pub fn write_stdout(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

pub fn to_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

pub fn to_yaml<T: Serialize>(value: &T) -> anyhow::Result<String> {
    Ok(serde_saphyr::to_string(value)?)
}

/// Prints a structured value as `-o json` or `-o yaml`; other formats are the caller's business.
pub fn print_structured<T: Serialize>(value: &T, format: OutputFormat) -> anyhow::Result<()> {
    let text = match format {
        OutputFormat::Yaml => to_yaml(value)?,
        _ => to_json(value)?,
    };
    Ok(write_stdout(&text)?)
}

/// kubectl's `-o name`: `kind.group/name`, with no group for the core API.
pub fn resource_name(kind: &str, group: &str, name: &str) -> String {
    let kind = kind.to_lowercase();
    if group.is_empty() {
        format!("{kind}/{name}")
    } else {
        format!("{kind}.{group}/{name}")
    }
}

/// Human age the way kubectl prints it: 45s, 12m, 5h, 3d, 2y.
pub fn age(since: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> String {
    let seconds = (now - since).num_seconds().max(0);
    match seconds {
        s if s < 120 => format!("{s}s"),
        s if s < 3600 * 2 => format!("{}m", s / 60),
        s if s < 86400 * 2 => format!("{}h", s / 3600),
        s if s < 86400 * 365 * 2 => format!("{}d", s / 86400),
        s => format!("{}y", s / (86400 * 365)),
    }
}

/// Byte counts for tables: 512B, 1.5KiB, 20MiB.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes}B")
    } else if value < 10.0 {
        format!("{value:.1}{}", UNITS[unit])
    } else {
        format!("{value:.0}{}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_pads_and_hides_wide_columns() {
        let mut t = Table::new(&["name", "phase"]).with_wide(&["location"]);
        t.row(["a", "Completed", "default"]);
        t.row(["longer-name", "New", "s3"]);
        assert_eq!(
            t.render(false),
            "NAME          PHASE\na             Completed\nlonger-name   New\n"
        );
        assert!(
            t.render(true)
                .starts_with("NAME          PHASE       LOCATION\n")
        );
    }

    #[test]
    fn names_and_sizes() {
        assert_eq!(
            resource_name("Deployment", "apps", "x"),
            "deployment.apps/x"
        );
        assert_eq!(resource_name("ConfigMap", "", "x"), "configmap/x");
        assert_eq!(human_bytes(512), "512B");
        assert_eq!(human_bytes(1536), "1.5KiB");
        assert_eq!(human_bytes(20 * 1024 * 1024), "20MiB");
    }
}
