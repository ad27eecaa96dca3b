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
    pub errors: Vec<RenderError>,
}

/// One step of the path to a rendered string: a map key or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A template that failed to render: where it is (`args.command[6]`), where inside it, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError {
    pub path: Vec<Seg>,
    /// 1-based line and column inside the template, when the engine knows them.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl RenderError {
    pub fn location(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Seg::Key(k) if out.is_empty() => out.push_str(k),
                Seg::Key(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Seg::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: line {} col {}: {}",
            self.location(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl Serialize for RenderError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RenderedAction {
    pub action: String,
    pub phases: Vec<RenderedPhase>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub output_artifacts: BTreeMap<String, Artifact>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<RenderError>,
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
    artifacts: Vec<PreparedArtifact>,
    /// Output keys referenced anywhere, per phase, to fill placeholders.
    referenced_outputs: BTreeMap<String, BTreeSet<String>>,
    referenced_defer_outputs: BTreeSet<String>,
}

/// An output artifact: its name, `keyValue` templates and `kopiaSnapshot` template.
type PreparedArtifact = (String, Option<Vec<(String, Prepared)>>, Option<Prepared>);

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
    Invalid(crate::template::TemplateError),
}

impl Prepared {
    fn new(name: &str, source: &str) -> Prepared {
        if !source.contains("{{") {
            return Prepared::Text(source.to_string());
        }
        match Template::parse(name, source) {
            Ok(t) => Prepared::Template(t),
            Err(e) => Prepared::Invalid(e),
        }
    }

    fn references(&self) -> Vec<Reference> {
        match self {
            Prepared::Template(t) => t.references(),
            _ => Vec::new(),
        }
    }

    fn render(&self, data: &Data, path: &[Seg]) -> Result<String, RenderError> {
        let failed = |e: &crate::template::TemplateError| RenderError {
            path: path.to_vec(),
            line: e.line,
            column: e.column,
            message: e.message.clone(),
        };
        match self {
            Prepared::Text(s) => Ok(s.clone()),
            Prepared::Template(t) => t.render(data).map_err(|e| failed(&e)),
            Prepared::Invalid(e) => Err(failed(e)),
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
        // `name` only labels templates for the engine; errors carry the structured path.
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
    fn render(&self, data: &Data, path: &mut Vec<Seg>, errors: &mut Vec<RenderError>) -> Value {
        match self {
            PreparedValue::Str(p) => match p.render(data, path) {
                Ok(s) => Value::String(s),
                Err(e) => {
                    errors.push(e);
                    Value::Null
                }
            },
            PreparedValue::Literal(v) => v.clone(),
            PreparedValue::List(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        path.push(Seg::Index(i));
                        let rendered = v.render(data, path, errors);
                        path.pop();
                        rendered
                    })
                    .collect(),
            ),
            PreparedValue::Map(entries) => {
                let mut map = Map::new();
                for (k, v) in entries {
                    let source_key = match k {
                        Prepared::Text(t) => t.clone(),
                        Prepared::Template(t) => t.source().to_string(),
                        Prepared::Invalid(_) => String::new(),
                    };
                    path.push(Seg::Key(source_key));
                    match k.render(data, path) {
                        Ok(key) => {
                            let value = v.render(data, path, errors);
                            map.insert(key, value);
                        }
                        Err(e) => errors.push(e),
                    }
                    path.pop();
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
    ) -> Vec<(BTreeMap<String, ObjectReference>, Vec<RenderError>)> {
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
                        let path = [
                            Seg::Key("objects".into()),
                            Seg::Key(key.clone()),
                            Seg::Key(field.to_string()),
                        ];
                        match prepared.render(&data, &path) {
                            Ok(v) => set_object_field(&mut reference, field, v),
                            Err(e) => errors.push(e),
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
        let build = |p: &TemplateParams| {
            if redact {
                p.build_redacted()
            } else {
                p.build()
            }
        };
        let mut params = params.clone();
        params.phases.clear();
        params.defer_phase = None;
        let objects = self.render_objects(&params, redact);
        // The data is built once; `.Phases` (a Go map, shared by reference) then gains one
        // entry per phase as it "starts", exactly what Kanister's templates see at that point.
        let data = build(&params);
        let mut rendered = Vec::with_capacity(self.phases.len());
        for (p, (objects, object_errors)) in self.phases.iter().zip(objects) {
            let mut current = fetched.get(&p.phase.name).cloned().unwrap_or_default();
            current.output = None;
            data.set_phase(&p.phase.name, &current);
            let mut errors = object_errors;
            let args = match p
                .args
                .render(&data, &mut vec![Seg::Key("args".into())], &mut errors)
            {
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
            current.output = Some(self.placeholder_output(p.phase, p.deferred));
            data.set_phase(&p.phase.name, &current);
            if p.deferred {
                params.defer_phase = Some(current.clone());
            }
            params.phases.insert(p.phase.name.clone(), current);
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
            let base = [Seg::Key("outputArtifacts".into()), Seg::Key(name.clone())];
            for (key, prepared) in kv.iter().flatten() {
                let path = [
                    base.to_vec(),
                    vec![Seg::Key("keyValue".into()), Seg::Key(key.clone())],
                ]
                .concat();
                match prepared.render(&data, &path) {
                    Ok(v) => {
                        artifact.key_value.insert(key.clone(), v);
                    }
                    Err(e) => errors.push(e),
                }
            }
            if let Some(prepared) = kopia {
                let path = [base.to_vec(), vec![Seg::Key("kopiaSnapshot".into())]].concat();
                match prepared.render(&data, &path) {
                    Ok(v) => artifact.kopia_snapshot = v,
                    Err(e) => errors.push(e),
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

/// Where a render error is in the Blueprint source: the phase (by name, or the defer phase)
/// of `action`, then the error's path, then the line and column inside the template.
pub fn locate(
    source: &super::source::SourceDoc,
    action: &str,
    phase: Option<&RenderedPhase>,
    error: &RenderError,
) -> Option<super::source::Pos> {
    let action_node = source.root.get("actions")?.get(action)?;
    let mut node = match phase {
        Some(p) if p.deferred => action_node.get("deferPhase")?,
        Some(p) => action_node
            .get("phases")?
            .as_seq()?
            .iter()
            .find(|n| n.get("name").and_then(|n| n.as_scalar()) == Some(p.name.as_str()))?,
        None => action_node,
    };
    for seg in &error.path {
        node = match seg {
            Seg::Key(k) => node.get(k)?,
            Seg::Index(i) => node.as_seq()?.get(*i)?,
        };
    }
    Some(source.value_line_col(node, error.line, error.column))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{
        KeyPair, ProfileCredential, ProfileLocation, ProfileParams, SecretParams, WorkloadParams,
    };

    fn postgres() -> Blueprint {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/blueprint/public/postgresql-blueprint.yaml"
        ))
        .unwrap();
        crate::blueprint::validate_yaml(&text).blueprint.unwrap()
    }

    fn params() -> TemplateParams {
        let mut params = TemplateParams {
            stateful_set: Some(WorkloadParams::new("db-postgresql", "db")),
            object: serde_json::json!({"metadata": {"name": "db-postgresql", "namespace": "db",
                "labels": {"app.kubernetes.io/instance": "db"}}}),
            profile: Some(ProfileParams {
                location: ProfileLocation {
                    type_: "s3Compliant".into(),
                    bucket: "b".into(),
                    region: "us-east-1".into(),
                    ..Default::default()
                },
                credential: ProfileCredential {
                    type_: "keyPair".into(),
                    key_pair: Some(KeyPair {
                        id: "AKIAEXAMPLE".into(),
                        secret: "sup3r-s3cret".into(),
                    }),
                    ..Default::default()
                },
                skip_ssl_verify: false,
            }),
            ..Default::default()
        };
        params.time = "2026-01-02T03:04:05.123456789Z".into();
        params
    }

    fn fetched() -> BTreeMap<String, PhaseParams> {
        let mut phase = PhaseParams::default();
        phase.secrets.insert(
            "pgSecret".into(),
            SecretParams::new("db-postgresql", "db").with("postgres-password", "hunter2"),
        );
        BTreeMap::from([("pgDump".to_string(), phase)])
    }

    #[test]
    fn renders_phases_with_placeholders_and_redaction() {
        let bp = postgres();
        let prepared = PreparedAction::new(&bp, "backup").unwrap();
        let objects = prepared.render_objects(&params(), true);
        assert_eq!(objects[0].0["pgSecret"].name, "db-postgresql");
        assert_eq!(objects[0].0["pgSecret"].namespace, "db");

        let out = prepared.render(&params(), &fetched(), true);
        assert_eq!(out.error_count(), 0, "{out:#?}");
        let script = out.phases[0].args["command"][6].as_str().unwrap();
        assert!(
            script.contains("export PGPASSWORD='<redacted>'"),
            "{script}"
        );
        assert!(
            !script.contains("hunter2") && !script.contains("sup3r-s3cret"),
            "{script}"
        );
        assert!(
            script.contains("pg_backups/db/db-postgresql/2026-01-02T03:04:05Z/backup.sql.gz"),
            "{script}"
        );
        assert_eq!(out.phases[0].args["namespace"], "db");
        assert_eq!(
            out.output_artifacts["cloudObject"].key_value["backupLocation"],
            "<.Phases.pgDump.Output.backupLocation>"
        );

        let shown = prepared.render(&params(), &fetched(), false);
        let script = shown.phases[0].args["command"][6].as_str().unwrap();
        assert!(script.contains("export PGPASSWORD='hunter2'"), "{script}");
        assert!(script.contains("sup3r-s3cret"), "{script}");
    }

    #[test]
    fn render_errors_name_the_phase_argument_and_position() {
        let bp = postgres();
        let prepared = PreparedAction::new(&bp, "restore").unwrap();
        // No input artifact given: `.ArtifactsIn.cloudObject` is missing.
        let mut fetched = fetched();
        fetched.insert("pgRestore".into(), fetched["pgDump"].clone());
        let out = prepared.render(&params(), &fetched, true);
        assert_eq!(out.phases[0].errors.len(), 1, "{out:#?}");
        let error = out.phases[0].errors[0].to_string();
        assert!(error.starts_with("args.command[6]: line 4 col "), "{error}");
        assert!(error.contains("cloudObject"), "{error}");
        assert!(PreparedAction::new(&bp, "nope").is_err());

        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/blueprint/public/postgresql-blueprint.yaml"
        ))
        .unwrap();
        let source = crate::blueprint::source::SourceDoc::parse(&text).unwrap();
        let pos = locate(
            &source,
            "restore",
            Some(&out.phases[0]),
            &out.phases[0].errors[0],
        )
        .unwrap();
        // `{{ .ArtifactsIn.cloudObject… }}` on line 63 of the file.
        assert_eq!(pos.line, 63);
        let at = &text.lines().nth(62).unwrap()[pos.col - 1..];
        assert!(at.starts_with(".cloudObject"), "{at} {error}");
    }
}
