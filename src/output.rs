//! Everything a command prints on stdout goes through here: one place decides the `-o` formats,
//! the table layout kubectl users know, and that a closed pipe (`| head`) is not an error.

mod jsonpath_template;
mod list;
mod written;

use std::io::{self, Write};
use std::sync::OnceLock;

use clap::ValueEnum;
use serde::Serialize;
use serde_json::Value;

pub use jsonpath_template::JsonPathTemplate;
pub use list::{Listed, print_list};
pub use written::{DryRun, Written, print_written};

/// What a command branches on. The template formats (`jsonpath=…`, `go-template=…`,
/// `custom-columns=…`) reach commands as `Json`: they need the structured object, and the
/// printer turns it into the text asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Wide,
    Json,
    Yaml,
    Name,
}

/// Everything `-o` accepts, as kubectl spells it.
#[derive(Debug, Clone)]
pub enum OutputSpec {
    Plain(OutputFormat),
    JsonPath(JsonPathTemplate),
    GoTemplate(std::sync::Arc<crate::template::Template>),
    CustomColumns(Vec<CustomColumn>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CustomColumn {
    pub header: String,
    pub path: JsonPathTemplate,
}

/// The `-o` values offered by completion.
pub const OUTPUT_FORMATS: &[&str] = &[
    "json",
    "yaml",
    "name",
    "wide",
    "table",
    "jsonpath=",
    "jsonpath-file=",
    "go-template=",
    "go-template-file=",
    "custom-columns=",
    "custom-columns-file=",
];

impl OutputSpec {
    /// The `-o` value parser: a bad template is refused while parsing, before anything is sent.
    pub fn parse(text: &str) -> Result<OutputSpec, String> {
        let (kind, argument) = match text.split_once('=') {
            Some((kind, argument)) => (kind, Some(argument)),
            None => (text, None),
        };
        let from_file = |path: &str| {
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
        };
        let need = |argument: Option<&'_ str>| required(kind, argument).map(str::to_string);
        match kind {
            "json" | "yaml" | "name" | "wide" | "table" if argument.is_none() => {
                let format = OutputFormat::from_str(kind, false).expect("listed above");
                Ok(OutputSpec::Plain(format))
            }
            "jsonpath" => jsonpath_spec(&need(argument)?),
            "jsonpath-file" => jsonpath_spec(&from_file(&need(argument)?)?),
            "go-template" | "template" => go_template_spec(&need(argument)?),
            "go-template-file" | "templatefile" => go_template_spec(&from_file(&need(argument)?)?),
            "custom-columns" => custom_columns_spec(&need(argument)?),
            "custom-columns-file" => custom_columns_file_spec(&from_file(&need(argument)?)?),
            _ => Err(
                "unknown output format; allowed: json, yaml, name, wide, jsonpath=…, \
                 jsonpath-file=…, go-template=…, go-template-file=…, custom-columns=…, \
                 custom-columns-file=…"
                    .to_string(),
            ),
        }
    }

    /// What the command should produce: the template formats print from the object.
    pub fn format(&self) -> OutputFormat {
        match self {
            OutputSpec::Plain(format) => *format,
            _ => OutputFormat::Json,
        }
    }
}

fn required<'a>(kind: &str, argument: Option<&'a str>) -> Result<&'a str, String> {
    argument.filter(|a| !a.is_empty()).ok_or_else(|| {
        format!("{kind} needs a value after '=', e.g. -o {kind}=… (see kubectl get --help)")
    })
}

fn jsonpath_spec(source: &str) -> Result<OutputSpec, String> {
    JsonPathTemplate::parse(source)
        .map(OutputSpec::JsonPath)
        .map_err(|e| format!("bad JSONPath template: {e}"))
}

fn go_template_spec(source: &str) -> Result<OutputSpec, String> {
    crate::template::Template::parse("output", source)
        .map(|t| OutputSpec::GoTemplate(std::sync::Arc::new(t)))
        .map_err(|e| format!("bad Go template: {e}"))
}

/// `HEADER:PATH,HEADER:PATH`; a path may be written with or without its braces.
fn custom_columns_spec(text: &str) -> Result<OutputSpec, String> {
    let columns = text
        .split(',')
        .map(|column| {
            let (header, path) = column.split_once(':').ok_or_else(|| {
                format!(
                    "custom column {column:?} is not HEADER:JSONPATH (e.g. NAME:.metadata.name)"
                )
            })?;
            custom_column(header, path)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(OutputSpec::CustomColumns(columns))
}

/// kubectl's file form: a line of headers and a line of paths, separated by white space.
fn custom_columns_file_spec(text: &str) -> Result<OutputSpec, String> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let (Some(headers), Some(paths)) = (lines.next(), lines.next()) else {
        return Err("a custom-columns file holds two lines: the headers, then the paths".into());
    };
    let headers: Vec<&str> = headers.split_whitespace().collect();
    let paths: Vec<&str> = paths.split_whitespace().collect();
    if headers.len() != paths.len() {
        return Err(format!(
            "the custom-columns file has {} headers but {} paths",
            headers.len(),
            paths.len()
        ));
    }
    let columns = headers
        .iter()
        .zip(&paths)
        .map(|(header, path)| custom_column(header, path))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(OutputSpec::CustomColumns(columns))
}

fn custom_column(header: &str, path: &str) -> Result<CustomColumn, String> {
    let path = path.trim();
    let braced = if path.starts_with('{') {
        path.to_string()
    } else {
        format!("{{{path}}}")
    };
    Ok(CustomColumn {
        header: header.trim().to_string(),
        path: JsonPathTemplate::parse(&braced)
            .map_err(|e| format!("custom column {header:?}: {e}"))?,
    })
}

/// How the printer prints, set once from the command line (`-o`, `--no-headers`,
/// `--show-labels`) before any command runs.
#[derive(Debug, Clone, Default)]
pub struct PrinterSettings {
    pub spec: Option<OutputSpec>,
    pub no_headers: bool,
    pub show_labels: bool,
}

static SETTINGS: OnceLock<PrinterSettings> = OnceLock::new();

/// Called once by the command line; later calls are ignored (the first one wins).
pub fn configure(settings: PrinterSettings) {
    let _ = SETTINGS.set(settings);
}

fn settings() -> &'static PrinterSettings {
    static DEFAULT: PrinterSettings = PrinterSettings {
        spec: None,
        no_headers: false,
        show_labels: false,
    };
    SETTINGS.get().unwrap_or(&DEFAULT)
}

/// `-o json|yaml` of several objects, as kubectl prints it: a `v1` `List`.
pub fn list_object<T: Serialize>(items: &[T]) -> anyhow::Result<Value> {
    let items = items
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(serde_json::json!({
        "apiVersion": "v1",
        "items": items,
        "kind": "List",
        "metadata": {"resourceVersion": ""},
    }))
}

/// What a create-like command prints for each object it made: with `-o name`, kubectl's
/// `TYPE/NAME` and nothing else (scripts read it: `name=$(kubectl backup … -o name)`); otherwise
/// the command's own message.
pub fn created_line(format: Option<OutputFormat>, resource_name: &str, message: &str) -> String {
    if format == Some(OutputFormat::Name) {
        format!("{resource_name}\n")
    } else {
        format!("{message}\n")
    }
}

/// `-o name` of created or listed objects: one `TYPE/NAME` per line and nothing else.
pub fn print_names<I, S>(names: I) -> io::Result<()>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let text: String = names
        .into_iter()
        .map(|n| format!("{}\n", n.as_ref()))
        .collect();
    write_stdout(&text)
}

/// Renders `value` with a template `-o` (jsonpath, go-template, custom-columns); `None` for the
/// other formats.
pub fn render_template(
    spec: &OutputSpec,
    value: &Value,
    no_headers: bool,
) -> anyhow::Result<Option<String>> {
    Ok(Some(match spec {
        OutputSpec::Plain(_) => return Ok(None),
        OutputSpec::JsonPath(template) => template
            .render(value)
            .map_err(|e| anyhow::anyhow!("-o jsonpath: {e}"))?,
        OutputSpec::GoTemplate(template) => template
            .render_missing_as_zero(&crate::template::Data::from_json(value))
            .map_err(|e| anyhow::anyhow!("-o go-template: {e}"))?,
        OutputSpec::CustomColumns(columns) => custom_columns(columns, value, no_headers)?,
    }))
}

/// One row per object (per item of a List), `<none>` where a path selects nothing.
fn custom_columns(
    columns: &[CustomColumn],
    value: &Value,
    no_headers: bool,
) -> anyhow::Result<String> {
    let headers: Vec<&str> = columns.iter().map(|c| c.header.as_str()).collect();
    let mut table = Table::new(&headers);
    table.headers = columns.iter().map(|c| (c.header.clone(), false)).collect();
    let objects: Vec<&Value> = match value.get("items").and_then(Value::as_array) {
        Some(items) if is_list(value) => items.iter().collect(),
        _ => vec![value],
    };
    for object in objects {
        let mut row = Vec::new();
        for column in columns {
            let cell = column
                .path
                .render(object)
                .map_err(|e| anyhow::anyhow!("-o custom-columns {}: {e}", column.header))?;
            row.push(if cell.is_empty() {
                "<none>".to_string()
            } else {
                cell
            });
        }
        table.row(row);
    }
    Ok(table.render_with(false, no_headers))
}

fn is_list(value: &Value) -> bool {
    value
        .get("kind")
        .and_then(Value::as_str)
        .is_some_and(|kind| kind.ends_with("List"))
}

/// A kubectl-style table: upper-case headers, columns padded with three spaces, no borders.
/// Wide-only columns are dropped unless the format is `wide`.
#[derive(Debug, Default, Clone)]
pub struct Table {
    headers: Vec<(String, bool)>,
    rows: Vec<Vec<String>>,
    /// Per row, when the command gave them: the text of the `--show-labels` column.
    labels: Vec<Option<String>>,
}

impl Table {
    pub fn new(headers: &[&str]) -> Self {
        Table {
            headers: headers.iter().map(|h| (h.to_uppercase(), false)).collect(),
            rows: Vec::new(),
            labels: Vec::new(),
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

    /// Adds a row with the object's labels, shown as a last LABELS column with `--show-labels`.
    pub fn row_labelled<I, S>(
        &mut self,
        cells: I,
        labels: &std::collections::BTreeMap<String, String>,
    ) where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.row(cells);
        let text = if labels.is_empty() {
            "<none>".to_string()
        } else {
            labels
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(",")
        };
        let index = self.rows.len() - 1;
        self.labels.resize(index, None);
        self.labels.push(Some(text));
    }

    pub fn render(&self, wide: bool) -> String {
        self.render_with(wide, false)
    }

    fn render_with(&self, wide: bool, no_headers: bool) -> String {
        let show_labels = settings().show_labels && !self.labels.is_empty();
        let mut headers = self.headers.clone();
        let mut rows = self.rows.clone();
        if show_labels {
            headers.push(("LABELS".into(), false));
            for (i, row) in rows.iter_mut().enumerate() {
                row.resize(self.headers.len(), String::new());
                row.push(
                    self.labels
                        .get(i)
                        .cloned()
                        .flatten()
                        .unwrap_or_else(|| "<none>".into()),
                );
            }
        }
        Table {
            headers,
            rows,
            labels: Vec::new(),
        }
        .render_plain(wide, no_headers)
    }

    fn render_plain(&self, wide: bool, no_headers: bool) -> String {
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
        if !no_headers {
            push_line(&mut out, &header_cells, &widths);
        }
        for row in &self.rows {
            let cells: Vec<&str> = shown
                .iter()
                .map(|&i| row.get(i).map_or("", String::as_str))
                .collect();
            push_line(&mut out, &cells, &widths);
        }
        out
    }

    /// Prints the table with `--no-headers` and `--show-labels` applied.
    pub fn print(&self, format: OutputFormat) -> io::Result<()> {
        write_stdout(&self.render_with(format == OutputFormat::Wide, settings().no_headers))
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

/// Prints a structured value as `-o json` or `-o yaml`, or through the `-o` template
/// (jsonpath, go-template, custom-columns) when one was given; `-o name` and tables are the
/// caller's business.
pub fn print_structured<T: Serialize>(value: &T, format: OutputFormat) -> anyhow::Result<()> {
    let settings = settings();
    if let Some(spec) = &settings.spec
        && format == OutputFormat::Json
        && !matches!(spec, OutputSpec::Plain(_))
    {
        let value = serde_json::to_value(value)?;
        if let Some(text) = render_template(spec, &value, settings.no_headers)? {
            return Ok(write_stdout(&text)?);
        }
    }
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
    fn go_templates_print_missing_keys_as_kubectl_does() {
        let spec = OutputSpec::parse("go-template={{.a}}|{{.b.c.d}}|{{.x.y}}").unwrap();
        let value = serde_json::json!({"x": {"y": 1}, "n": null});
        let text = render_template(&spec, &value, false).unwrap().unwrap();
        assert_eq!(text, "<no value>|<no value>|1");
        // A field of an explicit null is still an error, as in Go.
        let spec = OutputSpec::parse("go-template={{.n.z}}").unwrap();
        let error = render_template(&spec, &value, false).unwrap_err();
        assert!(format!("{error:#}").contains("nil pointer"), "{error:#}");
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
