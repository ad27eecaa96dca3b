//! `blueprint render`: what each phase of an action would run, with its arguments rendered the
//! way Kanister renders them (objects first, then each phase's args in order, then the output
//! artifacts). Outputs of phases that have not run are shown as placeholders; Secret values and
//! credentials are redacted unless asked for.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::{Map, Value};

use super::functions;
use super::types::{Artifact, Blueprint, BlueprintAction, BlueprintPhase, ObjectReference};
use crate::template::{
    Data, PhaseParams, Reference, ReferenceKind, Root, Template, TemplateParams,
};

/// One phase, rendered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RenderedPhase {
    pub name: String,
    pub func: String,
    /// True for the action's deferPhase.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub deferred: bool,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub objects: BTreeMap<String, ObjectReference>,
    pub args: Map<String, Value>,
    /// What the function needs beyond the Kubernetes API, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs: Option<&'static str>,
    /// Render errors, each naming the argument and the position inside its template.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RenderedAction {
    pub action: String,
    pub phases: Vec<RenderedPhase>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub output_artifacts: BTreeMap<String, Artifact>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
}

impl RenderedAction {
    pub fn error_count(&self) -> usize {
        self.errors.len() + self.phases.iter().map(|p| p.errors.len()).sum::<usize>()
    }
}

/// How a phase output that is not known yet is shown: the expression that will fill it.
pub fn output_placeholder(phase: &str, key: &str) -> String {
    format!("<.Phases.{phase}.Output.{key}>")
}

fn defer_placeholder(key: &str) -> String {
    format!("<.DeferPhase.Output.{key}>")
}

/// A Blueprint action with every template parsed once, ready to render many times.
pub struct PreparedAction<'b> {
    name: String,
    action: &'b BlueprintAction,
    /// Per phase (defer phase last): parsed templates of objects and args.
    phases: Vec<PreparedPhase<'b>>,
    artifacts: Vec<(String, Option<Vec<(String, Prepared)>>, Option<Prepared>)>,
    /// Output keys referenced anywhere, per phase, to fill placeholders.
    referenced_outputs: BTreeMap<String, BTreeSet<String>>,
    referenced_defer_outputs: BTreeSet<String>,
}

struct PreparedPhase<'b> {
    phase: &'b BlueprintPhase,
    deferred: bool,
    objects: Vec<(String, Vec<(&'static str, Prepared)>)>,
    args: PreparedValue,
}

/// A string that is a template (parsed), plain text, or failed to parse.
enum Prepared {
    Text(String),
    Template(Template),
    Invalid(String),
}

impl Prepared {
    fn new(name: &str, source: &str) -> Prepared {
        if !source.contains("{{") {
            return Prepared::Text(source.to_string());
        }
        match Template::parse(name, source) {
            Ok(t) => Prepared::Template(t),
            Err(e) => Prepared::Invalid(format!("line {} col {}: {}", e.line, e.column, e.message)),
        }
    }

    fn references(&self) -> Vec<Reference> {
        match self {
            Prepared::Template(t) => t.references(),
            _ => Vec::new(),
        }
    }

    fn render(&self, data: &Data) -> Result<String, String> {
        match self {
            Prepared::Text(s) => Ok(s.clone()),
            Prepared::Template(t) => t
                .render(data)
                .map_err(|e| format!("line {} col {}: {}", e.line, e.column, e.message)),
            Prepared::Invalid(e) => Err(e.clone()),
        }
    }
}

/// An argument value with its strings (map keys included) prepared.
enum PreparedValue {
    Str(Prepared),
    /// Left as is: non-strings, and Wait/WaitV2 conditions (the function evaluates them).
    Literal(Value),
    List(Vec<PreparedValue>),
    Map(Vec<(Prepared, PreparedValue)>),
}

impl PreparedValue {
    fn new(value: &Value, name: &str, literal_conditions: bool) -> PreparedValue {
        match value {
            Value::String(s) => PreparedValue::Str(Prepared::new(name, s)),
            Value::Array(items) => PreparedValue::List(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        PreparedValue::new(v, &format!("{name}[{i}]"), literal_conditions)
                    })
                    .collect(),
            ),
            Value::Object(map) => PreparedValue::Map(
                map.iter()
                    .map(|(k, v)| {
                        let child = format!("{name}.{k}");
                        let value = if literal_conditions && k == "condition" {
                            PreparedValue::Literal(v.clone())
                        } else {
                            PreparedValue::new(v, &child, literal_conditions)
                        };
                        (Prepared::new(&child, k), value)
                    })
                    .collect(),
            ),
            other => PreparedValue::Literal(other.clone()),
        }
    }

    fn references(&self, out: &mut Vec<Reference>) {
        match self {
            PreparedValue::Str(p) => out.extend(p.references()),
            PreparedValue::Literal(_) => {}
            PreparedValue::List(items) => items.iter().for_each(|i| i.references(out)),
            PreparedValue::Map(entries) => {
                for (k, v) in entries {
                    out.extend(k.references());
                    v.references(out);
                }
            }
        }
    }

    /// Renders every string; errors are collected with the argument path.
    fn render(&self, data: &Data, path: &str, errors: &mut Vec<String>) -> Value {
        match self {
            PreparedValue::Str(p) => match p.render(data) {
                Ok(s) => Value::String(s),
                Err(e) => {
                    errors.push(format!("{path}: {e}"));
                    Value::Null
                }
            },
            PreparedValue::Literal(v) => v.clone(),
            PreparedValue::List(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| v.render(data, &format!("{path}[{i}]"), errors))
                    .collect(),
            ),
            PreparedValue::Map(entries) => {
                let mut map = Map::new();
                for (k, v) in entries {
                    let key = match k.render(data) {
                        Ok(key) => key,
                        Err(e) => {
                            errors.push(format!("{path} (a key): {e}"));
                            continue;
                        }
                    };
                    let value = v.render(data, &format!("{path}.{key}"), errors);
                    map.insert(key, value);
                }
                Value::Object(map)
            }
        }
    }
}

const OBJECT_FIELDS: [&str; 6] = [
    "apiVersion",
    "group",
    "resource",
    "kind",
    "name",
    "namespace",
];

fn object_field<'a>(reference: &'a ObjectReference, field: &str) -> &'a str {
    match field {
        "apiVersion" => &reference.api_version,
        "group" => &reference.group,
        "resource" => &reference.resource,
        "kind" => &reference.kind,
        "name" => &reference.name,
        _ => &reference.namespace,
    }
}

fn set_object_field(reference: &mut ObjectReference, field: &str, value: String) {
    match field {
        "apiVersion" => reference.api_version = value,
        "group" => reference.group = value,
        "resource" => reference.resource = value,
        "kind" => reference.kind = value,
        "name" => reference.name = value,
        _ => reference.namespace = value,
    }
}

impl<'b> PreparedAction<'b> {
    /// Parses every template of action `name`.
    pub fn new(blueprint: &'b Blueprint, name: &str) -> anyhow::Result<PreparedAction<'b>> {
        let action = blueprint.actions.get(name).ok_or_else(|| {
            anyhow::anyhow!(
                "blueprint {:?} has no action {name:?} (it has {})",
                blueprint.name(),
                blueprint
                    .actions
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })?;
        let mut phases = Vec::new();
        for (phase, deferred) in action
            .phases
            .iter()
            .map(|p| (p, false))
            .chain(action.defer_phase.iter().map(|p| (p, true)))
        {
            let objects = phase
                .objects
                .iter()
                .map(|(key, reference)| {
                    let fields = OBJECT_FIELDS
                        .iter()
                        .map(|f| (*f, Prepared::new(f, object_field(reference, f))))
                        .collect();
                    (key.clone(), fields)
                })
                .collect();
            let waits = matches!(phase.func.as_str(), "Wait" | "WaitV2");
            let args = PreparedValue::new(&Value::Object(phase.args.clone()), "args", waits);
            phases.push(PreparedPhase {
                phase,
                deferred,
                objects,
                args,
            });
        }
        let artifacts = action
            .output_artifacts
            .iter()
            .map(|(name, artifact)| {
                let kv = (!artifact.key_value.is_empty()).then(|| {
                    artifact
                        .key_value
                        .iter()
                        .map(|(k, v)| (k.clone(), Prepared::new(k, v)))
                        .collect()
                });
                let kopia = (!artifact.kopia_snapshot.is_empty())
                    .then(|| Prepared::new("kopiaSnapshot", &artifact.kopia_snapshot));
                (name.clone(), kv, kopia)
            })
            .collect();
        let mut prepared = PreparedAction {
            name: name.to_string(),
            action,
            phases,
            artifacts,
            referenced_outputs: BTreeMap::new(),
            referenced_defer_outputs: BTreeSet::new(),
        };
        prepared.collect_output_references();
        Ok(prepared)
    }

    fn collect_output_references(&mut self) {
        let mut refs = Vec::new();
        for phase in &self.phases {
            phase.args.references(&mut refs);
        }
        for (_, kv, kopia) in &self.artifacts {
            for (_, p) in kv.iter().flatten() {
                refs.extend(p.references());
            }
            if let Some(p) = kopia {
                refs.extend(p.references());
            }
        }
        for r in refs {
            let ReferenceKind::Field {
                root: Root::Data,
                path,
                ..
            } = r.kind
            else {
                continue;
            };
            match path.as_slice() {
                [root, phase, output, key, ..] if root == "Phases" && output == "Output" => {
                    self.referenced_outputs
                        .entry(phase.clone())
                        .or_default()
                        .insert(key.clone());
                }
                [root, output, key, ..] if root == "DeferPhase" && output == "Output" => {
                    self.referenced_defer_outputs.insert(key.clone());
                }
                _ => {}
            }
        }
    }

    /// Placeholder outputs for a phase that has not run: every key the Blueprint reads and
    /// every key the function is known to produce.
    fn placeholder_output(&self, phase: &BlueprintPhase, deferred: bool) -> Map<String, Value> {
        let mut keys: BTreeSet<String> = if deferred {
            self.referenced_defer_outputs.clone()
        } else {
            self.referenced_outputs
                .get(&phase.name)
                .cloned()
                .unwrap_or_default()
        };
        if let Some(functions::Outputs::Fixed(fixed)) =
            functions::lookup(&phase.func).map(|f| f.outputs)
        {
            keys.extend(fixed.iter().map(|k| k.to_string()));
        }
        keys.into_iter()
            .map(|k| {
                let shown = if deferred {
                    defer_placeholder(&k)
                } else {
                    output_placeholder(&phase.name, &k)
                };
                (k, Value::String(shown))
            })
            .collect()
    }

    /// Renders the phase objects (before any phase, as Kanister does). Returns, per phase
    /// index, the rendered references and any errors.
    pub fn render_objects(
        &self,
        params: &TemplateParams,
        redact: bool,
    ) -> Vec<(BTreeMap<String, ObjectReference>, Vec<String>)> {
        let data = if redact {
            params.build_redacted()
        } else {
            params.build()
        };
        self.phases
            .iter()
            .map(|p| {
                let mut errors = Vec::new();
                let mut rendered = BTreeMap::new();
                for (key, fields) in &p.objects {
                    let mut reference = ObjectReference::default();
                    for (field, prepared) in fields {
                        match prepared.render(&data) {
                            Ok(v) => set_object_field(&mut reference, field, v),
                            Err(e) => errors.push(format!("objects.{key}.{field}: {e}")),
                        }
                    }
                    rendered.insert(key.clone(), reference);
                }
                (rendered, errors)
            })
            .collect()
    }

    /// The Secret/ConfigMap objects each phase needs fetched before its args are rendered.
    pub fn phase_names(&self) -> impl Iterator<Item = &str> {
        self.phases.iter().map(|p| p.phase.name.as_str())
    }

    /// Renders every phase and the output artifacts. `params` holds everything but `.Phases`;
    /// `fetched` holds, per phase name, the Secrets and ConfigMaps of its `objects`.
    pub fn render(
        &self,
        params: &TemplateParams,
        fetched: &BTreeMap<String, PhaseParams>,
        redact: bool,
    ) -> RenderedAction {
        let mut params = params.clone();
        let objects = self.render_objects(&params, redact);
        let mut rendered = Vec::with_capacity(self.phases.len());
        for (p, (objects, object_errors)) in self.phases.iter().zip(objects) {
            let mut current = fetched.get(&p.phase.name).cloned().unwrap_or_default();
            current.output = None;
            if p.deferred {
                params.defer_phase = Some(current.clone());
            }
            params.phases.insert(p.phase.name.clone(), current);
            let data = if redact {
                params.build_redacted()
            } else {
                params.build()
            };
            let mut errors = object_errors;
            let args = match p.args.render(&data, "args", &mut errors) {
                Value::Object(map) => map,
                _ => Map::new(),
            };
            let needs = functions::lookup(&p.phase.func)
                .map(|f| f.needs)
                .filter(|n| *n != functions::Needs::Kubernetes)
                .map(functions::Needs::describe);
            rendered.push(RenderedPhase {
                name: p.phase.name.clone(),
                func: p.phase.func.clone(),
                deferred: p.deferred,
                objects,
                args,
                needs,
                errors,
            });
            // Later phases see this phase's output; we can only say where it will come from.
            let placeholder = Some(self.placeholder_output(p.phase, p.deferred));
            if p.deferred {
                if let Some(d) = params.defer_phase.as_mut() {
                    d.output = placeholder.clone();
                }
            }
            if let Some(entry) = params.phases.get_mut(&p.phase.name) {
                entry.output = placeholder;
            }
        }
        if self.action.defer_phase.is_none() {
            params.defer_phase = None;
        }
        let data = if redact {
            params.build_redacted()
        } else {
            params.build()
        };
        let mut errors = Vec::new();
        let mut output_artifacts = BTreeMap::new();
        for (name, kv, kopia) in &self.artifacts {
            let mut artifact = Artifact::default();
            for (key, prepared) in kv.iter().flatten() {
                match prepared.render(&data) {
                    Ok(v) => {
                        artifact.key_value.insert(key.clone(), v);
                    }
                    Err(e) => errors.push(format!("outputArtifacts.{name}.keyValue.{key}: {e}")),
                }
            }
            if let Some(prepared) = kopia {
                match prepared.render(&data) {
                    Ok(v) => artifact.kopia_snapshot = v,
                    Err(e) => errors.push(format!("outputArtifacts.{name}.kopiaSnapshot: {e}")),
                }
            }
            output_artifacts.insert(name.clone(), artifact);
        }
        RenderedAction {
            action: self.name.clone(),
            phases: rendered,
            output_artifacts,
            errors,
        }
    }
}
