//! Kanister's template language: Go `text/template` with `missingkey=error` and the sprig v2.22.0
//! functions (without `env`/`expandenv`), rendering exactly what Go would print.
//!
//! Parse once, render many:
//!
//! ```
//! use kubectl_backup::template::{Template, TemplateParams};
//!
//! let tmpl = Template::parse("args.namespace", "{{ .StatefulSet.Namespace }}").unwrap();
//! let mut params = TemplateParams::default();
//! params.stateful_set = Some(kubectl_backup::template::WorkloadParams::new("db", "prod"));
//! let data = params.build();
//! assert_eq!(tmpl.render(&data).unwrap(), "prod");
//! ```
//!
//! Every error carries the 1-based line and column inside the template source
//! ([`TemplateError`]); callers add the template's position in its YAML file.
//!
//! minijinja provides the value model ([`Value`]: maps, sequences, bytes, none); the Go parser,
//! evaluator, printing and the function set are implemented here because Go semantics differ from
//! Jinja's (pipelines, `missingkey=error`, `%v` printing, struct vs map).

mod dates;
mod error;
mod exec;
mod funcs;
mod gofmt;
mod lex;
mod params;
mod parse;
mod references;
pub mod value;

#[cfg(test)]
mod golden;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

pub use error::{ErrorKind, TemplateError, line_col};
pub use funcs::{function_names, is_known_function};
pub use params::{
    ArtifactParams, ConfigMapParams, KeyPair, KopiaServerCreds, ObjectMetaParams, PhaseParams,
    ProfileCredential, ProfileLocation, ProfileParams, REDACTED, SecretParams, TemplateParams,
    WorkloadParams, format_time_param,
};
pub use references::{Reference, ReferenceKind, Root};
pub use value::Value;

/// The data a template renders against (`.` at the start). Built once from [`TemplateParams`]
/// (or from JSON) and shared by every render of a phase.
#[derive(Debug, Clone)]
pub struct Data(pub(crate) Value);

impl Data {
    /// Data from plain JSON: objects become `map[string]interface{}`, integers `int64`.
    pub fn from_json(json: &serde_json::Value) -> Data {
        Data(value::from_json(json))
    }

    /// Data from any Go-shaped value.
    pub fn from_value(v: Value) -> Data {
        Data(v)
    }

    /// No data (Go's `nil`): what Kanister's `Wait` conditions render against.
    pub fn nil() -> Data {
        Data(value::nil())
    }

    pub fn value(&self) -> &Value {
        &self.0
    }
}

/// A parsed template, ready to render any number of times.
#[derive(Debug)]
pub struct Template {
    name: String,
    source: String,
    root: Vec<parse::Node>,
    defines: HashMap<String, Vec<parse::Node>>,
}

impl Template {
    /// Parses Go template source. `name` is informational (used in `{{template}}` errors).
    pub fn parse(name: &str, source: &str) -> Result<Template, TemplateError> {
        let parsed = parse::parse(name, source)?;
        Ok(Template {
            name: name.to_string(),
            source: source.to_string(),
            root: parsed.root,
            defines: parsed.defines,
        })
    }

    /// Renders with Go semantics. Errors carry the line and column inside the source.
    pub fn render(&self, data: &Data) -> Result<String, TemplateError> {
        let mut ex = exec::Exec {
            src: &self.source,
            defines: &self.defines,
            vars: vec![("$".to_string(), data.0.clone())],
            out: String::with_capacity(self.source.len() + 64),
            depth: 0,
        };
        ex.walk(&data.0, &self.root)?;
        Ok(ex.out)
    }

    /// Every function and parameter path the template uses, with positions, for validation.
    pub fn references(&self) -> Vec<Reference> {
        references::collect(&self.source, &self.root, &self.defines)
    }

    /// True when the source contains no action at all (plain text renders as itself).
    pub fn is_plain_text(&self) -> bool {
        self.defines.is_empty() && self.root.iter().all(|n| matches!(n, parse::Node::Text(_)))
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn source(&self) -> &str {
        &self.source
    }
}

/// Parses and renders in one step.
pub fn render_str(name: &str, source: &str, data: &Data) -> Result<String, TemplateError> {
    Template::parse(name, source)?.render(data)
}
