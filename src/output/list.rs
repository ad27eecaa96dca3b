//! What a list command prints, as `kubectl get` does for several objects: `-o json|yaml` (and
//! the templates) a `v1` `List` even of one item, `-o name` one `TYPE/NAME` a line, otherwise a
//! table whose `--show-labels` column comes from each row's labels.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{OutputFormat, Table, list_object, print_names, print_structured};

/// One listed object, as each format needs it.
pub struct Listed<'a> {
    /// The object for `-o json|yaml` (never with credential values).
    pub object: Value,
    /// kubectl's `TYPE/NAME` for `-o name`.
    pub resource_name: String,
    /// The table cells: the columns of [`Table::new`], then those of [`Table::with_wide`].
    pub cells: Vec<String>,
    /// Shown with `--show-labels`; `None` is `<none>`.
    pub labels: Option<&'a BTreeMap<String, String>>,
}

/// Prints `rows` in `format`. `table` gives the columns (its rows are ignored: `rows` fill it);
/// `nothing` goes to stderr when a table would be empty, as kubectl's "No resources found".
pub fn print_list(
    format: OutputFormat,
    table: Table,
    rows: Vec<Listed<'_>>,
    nothing: &str,
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Json | OutputFormat::Yaml => {
            let objects: Vec<Value> = rows.into_iter().map(|r| r.object).collect();
            print_structured(&list_object(&objects)?, format)
        }
        OutputFormat::Name => Ok(print_names(rows.iter().map(|r| &r.resource_name))?),
        OutputFormat::Table | OutputFormat::Wide => {
            if rows.is_empty() {
                eprintln!("{nothing}");
                return Ok(());
            }
            let mut table = Table {
                rows: Vec::new(),
                labels: Vec::new(),
                ..table
            };
            let none = BTreeMap::new();
            for row in rows {
                table.row_labelled(row.cells, row.labels.unwrap_or(&none));
            }
            Ok(table.print(format)?)
        }
    }
}
