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

mod check;
mod dates;
mod error;
mod exec;
mod funcs;
mod go_duration;
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
pub struct Data {
    pub(crate) value: Value,
    /// Built by [`TemplateParams::build_redacted`]: phases added later are redacted too.
    pub(crate) redacted: bool,
}

impl Data {
    /// Data from plain JSON: objects become `map[string]interface{}`, integers `int64`.
    pub fn from_json(json: &serde_json::Value) -> Data {
        Data {
            value: value::from_json(json),
            redacted: false,
        }
    }

    /// Data from any Go-shaped value.
    pub fn from_value(v: Value) -> Data {
        Data {
            value: v,
            redacted: false,
        }
    }

    /// No data (Go's `nil`): what Kanister's `Wait` conditions render against.
    pub fn nil() -> Data {
        Data {
            value: value::nil(),
            redacted: false,
        }
    }

    pub fn value(&self) -> &Value {
        &self.value
    }

    /// Adds or replaces `.Phases.<name>` in place, so an executor builds the data once per action
    /// and records each phase as it starts (Secrets, ConfigMaps) and completes (Output) without
    /// rebuilding everything. Every clone of this `Data` sees the change. Returns false when the
    /// data was not built from [`TemplateParams`].
    pub fn set_phase(&self, name: &str, phase: &PhaseParams) -> bool {
        let root = value::deref(&self.value);
        let Some(phases) = root
            .downcast_object_ref::<value::GoStruct>()
            .and_then(|s| s.lookup("Phases"))
        else {
            return false;
        };
        let Some(map) = phases.downcast_object_ref::<value::GoMap>() else {
            return false;
        };
        map.write()
            .insert(name.to_string(), phase.to_value(self.redacted));
        true
    }

    /// Sets `.DeferPhase` (for rendering output artifacts after the defer phase ran). Returns
    /// false when the data was not built from [`TemplateParams`].
    pub fn set_defer_phase(&mut self, phase: &PhaseParams) -> bool {
        let root = value::deref(&self.value);
        let Some(s) = root.downcast_object_ref::<value::GoStruct>() else {
            return false;
        };
        let mut s = s.clone();
        let Some(field) = s.fields.iter_mut().find(|f| f.name == "DeferPhase") else {
            return false;
        };
        field.value = phase.to_value(self.redacted);
        self.value = s.into_ptr();
        true
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
        let parsed = parse::parse(source)?;
        Ok(Template {
            name: name.to_string(),
            source: source.to_string(),
            root: parsed.root,
            defines: parsed.defines,
        })
    }

    /// Renders with Go semantics. Errors carry the line and column inside the source.
    pub fn render(&self, data: &Data) -> Result<String, TemplateError> {
        self.render_with(data, false)
    }

    /// Renders as kubectl's `-o go-template` does: Go's `missingkey=default`, where a missing map
    /// key is the zero value (printed `<no value>`) instead of an error.
    pub fn render_missing_as_zero(&self, data: &Data) -> Result<String, TemplateError> {
        self.render_with(data, true)
    }

    fn render_with(&self, data: &Data, missing_key_is_zero: bool) -> Result<String, TemplateError> {
        let mut ex = exec::Exec {
            src: &self.source,
            defines: &self.defines,
            vars: vec![("$".to_string(), data.value.clone())],
            out: String::with_capacity(self.source.len() + 64),
            depth: 0,
            missing_key_is_zero,
        };
        ex.walk(&data.value, &self.root)?;
        Ok(value::to_utf8_lossy(ex.out))
    }

    /// Renders and returns Go's exact output bytes: unlike [`Template::render`], bytes that are
    /// not UTF-8 (binary data printed with `toString`, `b64dec`, `printf "%s"`) are kept.
    pub fn render_bytes(&self, data: &Data) -> Result<Vec<u8>, TemplateError> {
        let mut ex = exec::Exec {
            src: &self.source,
            defines: &self.defines,
            vars: vec![("$".to_string(), data.value.clone())],
            out: String::with_capacity(self.source.len() + 64),
            depth: 0,
            missing_key_is_zero: false,
        };
        ex.walk(&data.value, &self.root)?;
        Ok(value::go_bytes(&ex.out).into_owned())
    }

    /// Errors Go would only report when the offending line executes (wrong argument counts,
    /// `nil` as a command), found statically with their positions: for validating Blueprints.
    pub fn check(&self) -> Vec<TemplateError> {
        check::check(&self.source, &self.root, &self.defines)
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

/// A render error inside a JSON tree, with the path of the failing string (`command[2]`,
/// `objects.pgSecret.name`, or a map key path ending in `{key}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeError {
    pub path: String,
    pub error: TemplateError,
}

impl std::fmt::Display for TreeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.error)
    }
}

impl std::error::Error for TreeError {}

/// Kanister's argument rendering: walks maps and lists, renders every string (map keys
/// included) as a template and passes other values through.
pub fn render_json(value: &serde_json::Value, data: &Data) -> Result<serde_json::Value, TreeError> {
    render_json_at(value, data, String::new())
}

fn render_json_at(
    value: &serde_json::Value,
    data: &Data,
    path: String,
) -> Result<serde_json::Value, TreeError> {
    use serde_json::Value as J;
    let render = |s: &str, path: &str| {
        if !s.contains("{{") {
            return Ok(s.to_string());
        }
        render_str(path, s, data).map_err(|error| TreeError {
            path: path.to_string(),
            error,
        })
    };
    Ok(match value {
        J::String(s) => J::String(render(s, &path)?),
        J::Array(items) => J::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| render_json_at(v, data, format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        J::Object(map) => {
            let mut out = serde_json::Map::with_capacity(map.len());
            for (k, v) in map {
                let child = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                let key = render(k, &format!("{child}{{key}}"))?;
                out.insert(key, render_json_at(v, data, child)?);
            }
            J::Object(out)
        }
        other => other.clone(),
    })
}

/// Parses and renders in one step.
pub fn render_str(name: &str, source: &str, data: &Data) -> Result<String, TemplateError> {
    Template::parse(name, source)?.render(data)
}
