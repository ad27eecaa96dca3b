//! `blueprint validate`: every mistake Kanister would only hit mid-backup, found up front and
//! pointed at in the YAML. Structure and function arguments are checked here; the templates
//! inside them are checked by [`super::templates`].

use std::collections::{BTreeMap, BTreeSet};

use super::findings::Findings;
use super::functions::{self, ArgKind, FUNCTIONS, FunctionSpec};
use super::source::{Node, NodeValue, Pos, ScalarType, SourceDoc};
use super::types::{API_VERSION, Blueprint, KIND};

/// The result of validating one Blueprint source.
#[derive(Debug)]
pub struct Validation {
    /// The Blueprint, when the source is structurally sound enough to build one.
    pub blueprint: Option<Blueprint>,
    pub findings: Findings,
    /// The parsed source, when the YAML parsed.
    pub source: Option<SourceDoc>,
}

impl Validation {
    pub fn is_valid(&self) -> bool {
        !self.findings.has_errors()
    }
}

/// Validates a Blueprint given as YAML (or JSON) text, collecting every finding.
pub fn validate_yaml(text: &str) -> Validation {
    let mut findings = Findings::default();
    let source = match SourceDoc::parse(text) {
        Ok(source) => source,
        Err(e) => {
            findings.error(e.pos, format!("invalid YAML: {}", e.message));
            return Validation {
                blueprint: None,
                findings,
                source: None,
            };
        }
    };
    let model = check_structure(&source.root, &mut findings);
    if let Some(model) = &model {
        check_phases(model, &mut findings);
        super::templates::check(&source, model, &mut findings);
    }
    let blueprint = if findings.has_errors() {
        None
    } else {
        match serde_json::from_value::<Blueprint>(source.root.to_json()) {
            Ok(bp) => Some(bp),
            Err(e) => {
                findings.error(source.root.pos, format!("not a Blueprint: {e}"));
                None
            }
        }
    };
    Validation {
        blueprint,
        findings,
        source: Some(source),
    }
}

/// Validates a Blueprint already in memory (read from the cluster) through its YAML form, so
/// that positions refer to what `blueprint get -o yaml` prints.
pub fn validate_blueprint(blueprint: &Blueprint) -> anyhow::Result<(String, Validation)> {
    let text = serde_saphyr::to_string(blueprint)?;
    let validation = validate_yaml(&text);
    Ok((text, validation))
}

/// The nodes of one Blueprint, gathered while checking its structure, for the later checks.
pub(crate) struct Model<'a> {
    pub actions: Vec<ActionModel<'a>>,
}

pub(crate) struct ActionModel<'a> {
    pub name: &'a str,
    pub node: &'a Node,
    pub input_artifacts: Option<BTreeSet<&'a str>>,
    pub secret_names: Option<BTreeSet<&'a str>>,
    pub config_map_names: Option<BTreeSet<&'a str>>,
    pub phases: Vec<PhaseModel<'a>>,
    pub defer_phase: Option<PhaseModel<'a>>,
    /// `outputArtifacts` templates: (artifact, field node).
    pub output_artifacts: Vec<&'a Node>,
}

pub(crate) struct PhaseModel<'a> {
    pub name: &'a str,
    pub name_node: Option<&'a Node>,
    pub node: &'a Node,
    pub func: Option<&'static FunctionSpec>,
    pub objects: Option<&'a Node>,
    pub args: Option<&'a Node>,
    /// Lower-cased `kind` of each phase object.
    pub object_kinds: BTreeMap<&'a str, String>,
}

impl<'a> PhaseModel<'a> {
    /// Output keys this phase can produce: `None` when anything is possible.
    pub fn output_keys(&self) -> Option<BTreeSet<String>> {
        let func = self.func?;
        match func.outputs {
            functions::Outputs::None => Some(BTreeSet::new()),
            functions::Outputs::Fixed(keys) => Some(keys.iter().map(|k| k.to_string()).collect()),
            functions::Outputs::Dynamic => None,
            functions::Outputs::Kando => kando_output_keys(self.args?),
        }
    }
}

/// The keys a command emits with `kando output KEY VALUE`; `None` when a key is computed at
/// run time (`kando output "$k" …`), since then any key may appear.
fn kando_output_keys(args: &Node) -> Option<BTreeSet<String>> {
    let mut keys = BTreeSet::new();
    let mut dynamic = false;
    visit_strings(args, &mut |text, _| {
        let mut rest = text;
        while let Some(at) = rest.find("kando") {
            rest = &rest[at + 5..];
            let mut words = rest.split_whitespace();
            if words.next() != Some("output") {
                continue;
            }
            match words.next() {
                Some(key) => {
                    let key = key.trim_matches(|c| c == '"' || c == '\'');
                    if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        dynamic = true;
                    } else {
                        keys.insert(key.to_string());
                    }
                }
                None => dynamic = true,
            }
        }
    });
    (!dynamic).then_some(keys)
}

/// Calls `f` on every string scalar under `node` (map keys included, as Kanister renders them).
pub(crate) fn visit_strings<'a>(node: &'a Node, f: &mut impl FnMut(&'a str, &'a Node)) {
    match &node.value {
        NodeValue::Scalar { text, .. } => {
            if node.scalar_type() == Some(ScalarType::String) {
                f(text, node)
            }
        }
        NodeValue::Seq(items) => items.iter().for_each(|n| visit_strings(n, f)),
        NodeValue::Map(entries) => {
            for (k, v) in entries {
                visit_strings(k, f);
                visit_strings(v, f);
            }
        }
    }
}

const TOP_FIELDS: &[&str] = &["apiVersion", "kind", "metadata", "actions"];
const ACTION_FIELDS: &[&str] = &[
    "name",
    "kind",
    "configMapNames",
    "secretNames",
    "inputArtifactNames",
    "outputArtifacts",
    "phases",
    "deferPhase",
];
const PHASE_FIELDS: &[&str] = &["func", "name", "objects", "args"];
const OBJECT_REF_FIELDS: &[&str] = &[
    "apiVersion",
    "group",
    "resource",
    "kind",
    "name",
    "namespace",
];
const ARTIFACT_FIELDS: &[&str] = &["keyValue", "kopiaSnapshot"];

fn check_structure<'a>(root: &'a Node, findings: &mut Findings) -> Option<Model<'a>> {
    let Some(entries) = root.as_map() else {
        findings.error(
            root.pos,
            format!(
                "a Blueprint must be a YAML mapping, not {}",
                root.describe()
            ),
        );
        return None;
    };
    unknown_fields(entries, TOP_FIELDS, "the Blueprint", findings, |key| {
        (key == "spec").then_some(
            "a Blueprint has no spec: `actions` goes at the top level, next to `metadata`",
        )
    });
    match root.get("apiVersion") {
        Some(v) if v.as_str() != Some(API_VERSION) => findings.error(
            v.pos,
            format!(
                "apiVersion must be {API_VERSION}, not {:?}",
                v.as_scalar().unwrap_or("")
            ),
        ),
        None => findings.warning(
            root.pos,
            format!("apiVersion is missing; `blueprint apply` sets {API_VERSION}"),
        ),
        _ => {}
    }
    match root.get("kind") {
        Some(v) if v.as_str() != Some(KIND) => findings.error(
            v.pos,
            format!("kind must be {KIND}, not {:?}", v.as_scalar().unwrap_or("")),
        ),
        None => findings.warning(
            root.pos,
            "kind is missing; `blueprint apply` sets Blueprint",
        ),
        _ => {}
    }
    match root.get("metadata") {
        None => findings.error(root.pos, "metadata.name is missing"),
        Some(meta) if meta.as_map().is_none() => findings.error(
            meta.pos,
            format!("metadata must be a mapping, not {}", meta.describe()),
        ),
        Some(meta) => match (meta.get("name"), meta.get("generateName")) {
            (Some(name), _) => check_dns_name(name, findings),
            (None, Some(_)) => {}
            (None, None) => findings.error(meta.pos, "metadata.name is missing"),
        },
    }
    let Some(actions) = root.get("actions") else {
        findings.error(root.pos, "the Blueprint has no actions");
        return None;
    };
    let Some(action_entries) = actions.as_map() else {
        findings.error(
            actions.pos,
            format!(
                "actions must be a mapping of action name to action, not {}",
                actions.describe()
            ),
        );
        return None;
    };
    if action_entries.is_empty() {
        findings.error(actions.pos, "the Blueprint has no actions");
    }
    let mut model = Model {
        actions: Vec::new(),
    };
    for (key, action) in action_entries {
        let Some(name) = key.as_scalar() else {
            findings.error(key.pos, "an action name must be a string");
            continue;
        };
        if let Some(action) = check_action(name, key.pos, action, findings) {
            model.actions.push(action);
        }
    }
    Some(model)
}

fn check_dns_name(node: &Node, findings: &mut Findings) {
    let Some(name) = node.as_str() else {
        findings.error(node.pos, "metadata.name must be a string");
        return;
    };
    let valid = crate::kube::is_dns_subdomain(name);
    if !valid {
        findings.error(
            node.pos,
            format!(
                "metadata.name {name:?} is not a valid Kubernetes name (lower-case letters, digits, '-' and '.', starting and ending alphanumeric)"
            ),
        );
    }
}

fn unknown_fields(
    entries: &[(Node, Node)],
    known: &[&str],
    what: &str,
    findings: &mut Findings,
    hint: impl Fn(&str) -> Option<&'static str>,
) {
    let mut seen = BTreeSet::new();
    for (key, _) in entries {
        let Some(name) = key.as_scalar() else {
            findings.error(key.pos, format!("a key in {what} must be a string"));
            continue;
        };
        if !seen.insert(name) {
            findings.error(key.pos, format!("{name:?} appears twice in {what}"));
        }
        if known.contains(&name) {
            continue;
        }
        let advice = match (hint(name), functions::suggest(name, known.iter().copied())) {
            (Some(h), _) => format!(": {h}"),
            (None, Some(s)) => format!(" (did you mean {s:?}?)"),
            (None, None) => format!(" (known: {})", known.join(", ")),
        };
        // The Blueprint CRD prunes unknown fields and Kanister runs what is left, so this is a
        // warning: the blueprint works, without what the field was meant to do.
        findings.warning(
            key.pos,
            format!(
                "unknown field {name:?} in {what}; the API server would silently drop it{advice}"
            ),
        );
    }
}

fn string_list<'a>(
    node: &'a Node,
    what: &str,
    findings: &mut Findings,
) -> Option<BTreeSet<&'a str>> {
    if node.is_null() {
        return Some(BTreeSet::new());
    }
    let Some(items) = node.as_seq() else {
        findings.error(
            node.pos,
            format!("{what} must be a list of names, not {}", node.describe()),
        );
        return None;
    };
    let mut names = BTreeSet::new();
    for item in items {
        match item.as_scalar() {
            Some(s) if item.as_map().is_none() => {
                names.insert(s);
            }
            _ => findings.error(item.pos, format!("{what} entries must be names")),
        }
    }
    Some(names)
}

fn check_action<'a>(
    name: &'a str,
    key_pos: Pos,
    node: &'a Node,
    findings: &mut Findings,
) -> Option<ActionModel<'a>> {
    let what = format!("action {name:?}");
    let Some(entries) = node.as_map() else {
        findings.error(
            node.pos,
            format!("{what} must be a mapping, not {}", node.describe()),
        );
        return None;
    };
    unknown_fields(entries, ACTION_FIELDS, &what, findings, |key| match key {
        "deferPhases" => Some("there is one `deferPhase` (a single phase, not a list)"),
        _ => None,
    });
    for field in ["name", "kind"] {
        if let Some(v) = node.get(field)
            && (v.as_map().is_some() || v.as_seq().is_some())
        {
            findings.error(v.pos, format!("{what}: {field} must be a string"));
        }
    }
    let mut action = ActionModel {
        name,
        node,
        input_artifacts: node
            .get("inputArtifactNames")
            .and_then(|n| string_list(n, "inputArtifactNames", findings)),
        secret_names: node
            .get("secretNames")
            .and_then(|n| string_list(n, "secretNames", findings)),
        config_map_names: node
            .get("configMapNames")
            .and_then(|n| string_list(n, "configMapNames", findings)),
        phases: Vec::new(),
        defer_phase: None,
        output_artifacts: Vec::new(),
    };
    if let Some(artifacts) = node.get("outputArtifacts") {
        check_output_artifacts(&what, artifacts, &mut action, findings);
    }
    match node.get("phases") {
        Some(phases) if phases.is_null() => {}
        Some(phases) => match phases.as_seq() {
            Some(items) => {
                for phase in items {
                    if let Some(p) = check_phase(&what, phase, findings) {
                        action.phases.push(p);
                    }
                }
            }
            None => findings.error(
                phases.pos,
                format!("{what}: phases must be a list, not {}", phases.describe()),
            ),
        },
        None => {}
    }
    if let Some(defer) = node.get("deferPhase") {
        if defer.as_seq().is_some() {
            findings.error(
                defer.pos,
                format!("{what}: deferPhase is a single phase, not a list"),
            );
        } else if !defer.is_null() {
            action.defer_phase = check_phase(&what, defer, findings);
        }
    }
    if action.phases.is_empty() && action.defer_phase.is_none() {
        findings.warning(
            key_pos,
            format!("{what} has no phases: running it does nothing"),
        );
    }
    Some(action)
}

fn check_output_artifacts<'a>(
    what: &str,
    node: &'a Node,
    action: &mut ActionModel<'a>,
    findings: &mut Findings,
) {
    let Some(entries) = node.as_map() else {
        if !node.is_null() {
            findings.error(
                node.pos,
                format!("{what}: outputArtifacts must be a mapping of artifact name to artifact"),
            );
        }
        return;
    };
    for (key, artifact) in entries {
        let artifact_name = key.as_scalar().unwrap_or("");
        let artifact_what = format!("output artifact {artifact_name:?}");
        let Some(fields) = artifact.as_map() else {
            findings.error(
                artifact.pos,
                format!("{artifact_what} must be a mapping with keyValue or kopiaSnapshot"),
            );
            continue;
        };
        unknown_fields(fields, ARTIFACT_FIELDS, &artifact_what, findings, |_| None);
        if let Some(kv) = artifact.get("keyValue") {
            match kv.as_map() {
                Some(pairs) => {
                    for (_, value) in pairs {
                        if value.as_map().is_some() || value.as_seq().is_some() {
                            findings.error(
                                value.pos,
                                format!("{artifact_what}: keyValue values must be strings"),
                            );
                        } else {
                            action.output_artifacts.push(value);
                        }
                    }
                }
                None => findings.error(
                    kv.pos,
                    format!("{artifact_what}: keyValue must be a mapping of strings"),
                ),
            }
        }
        if let Some(snapshot) = artifact.get("kopiaSnapshot") {
            if snapshot.as_scalar().is_some() {
                action.output_artifacts.push(snapshot);
            } else {
                findings.error(
                    snapshot.pos,
                    format!("{artifact_what}: kopiaSnapshot must be a string"),
                );
            }
        }
        if artifact.get("keyValue").is_none() && artifact.get("kopiaSnapshot").is_none() {
            findings.warning(
                artifact.pos,
                format!("{artifact_what} is empty: give it keyValue or kopiaSnapshot"),
            );
        }
    }
}

fn check_phase<'a>(
    action_what: &str,
    node: &'a Node,
    findings: &mut Findings,
) -> Option<PhaseModel<'a>> {
    let Some(entries) = node.as_map() else {
        findings.error(
            node.pos,
            format!("{action_what}: a phase must be a mapping with func, name and args"),
        );
        return None;
    };
    let name_node = node.get("name");
    let name = name_node.and_then(Node::as_scalar).unwrap_or("");
    let what = if name.is_empty() {
        format!("a phase of {action_what}")
    } else {
        format!("phase {name:?}")
    };
    unknown_fields(entries, PHASE_FIELDS, &what, findings, |key| match key {
        "arguments" | "arg" => Some("function arguments go under `args`"),
        "function" | "fn" => Some("the function name goes under `func`"),
        _ => None,
    });
    // Kanister accepts a phase without a name (it rejects only duplicate names, see
    // check_phases), but no template can refer to its output.
    match name_node {
        None => findings.warning(
            node.pos,
            format!("{what} has no name, so no template can use its output (.Phases.<name>)"),
        ),
        Some(n) if n.as_map().is_some() || n.as_seq().is_some() => {
            findings.error(n.pos, format!("{what}: name must be a string"))
        }
        Some(n) if n.as_scalar().is_none_or(str::is_empty) => findings.warning(
            n.pos,
            format!("{what}: the name is empty, so no template can use its output"),
        ),
        _ => {}
    }
    let func = match node.get("func") {
        None => {
            findings.error(node.pos, format!("{what} has no func"));
            None
        }
        Some(f) => match f.as_scalar() {
            Some(fname) => match functions::lookup(fname) {
                Some(spec) => {
                    if let Some(why) = spec.deprecated {
                        findings.warning(f.pos, format!("{fname} is deprecated: {why}"));
                    }
                    Some(spec)
                }
                None => {
                    let detail = match (
                        functions::removed(fname),
                        functions::suggest(fname, FUNCTIONS.iter().map(|f| f.name)),
                    ) {
                        (Some(removed), _) => format!(": {removed}"),
                        (None, Some(s)) => {
                            format!(" (did you mean {s:?}? names are case-sensitive)")
                        }
                        (None, None) => String::new(),
                    };
                    findings.error(f.pos, format!("{what}: unknown function {fname:?}{detail}"));
                    None
                }
            },
            None => {
                findings.error(f.pos, format!("{what}: func must be a function name"));
                None
            }
        },
    };
    let objects = node.get("objects").filter(|o| !o.is_null());
    let mut object_kinds = BTreeMap::new();
    if let Some(objects) = objects {
        check_objects(&what, objects, &mut object_kinds, findings);
    }
    let args = node.get("args").filter(|a| !a.is_null());
    match (args, func) {
        (Some(args), _) if args.as_map().is_none() => findings.error(
            args.pos,
            format!("{what}: args must be a mapping, not {}", args.describe()),
        ),
        (args, Some(spec)) => check_args(&what, node, args, spec, findings),
        _ => {}
    }
    Some(PhaseModel {
        name,
        name_node,
        node,
        func,
        objects,
        args,
        object_kinds,
    })
}

fn check_objects<'a>(
    what: &str,
    objects: &'a Node,
    kinds: &mut BTreeMap<&'a str, String>,
    findings: &mut Findings,
) {
    let Some(entries) = objects.as_map() else {
        findings.error(
            objects.pos,
            format!("{what}: objects must be a mapping of key to object reference"),
        );
        return;
    };
    for (key, reference) in entries {
        let key_name = key.as_scalar().unwrap_or("");
        let object_what = format!("object {key_name:?} of {what}");
        let Some(fields) = reference.as_map() else {
            findings.error(
                reference.pos,
                format!("{object_what} must be a mapping (kind, name, namespace)"),
            );
            continue;
        };
        unknown_fields(fields, OBJECT_REF_FIELDS, &object_what, findings, |_| None);
        for (field, value) in fields {
            if value.as_map().is_some() || value.as_seq().is_some() {
                findings.error(
                    value.pos,
                    format!(
                        "{object_what}: {} must be a string",
                        field.as_scalar().unwrap_or("")
                    ),
                );
            }
        }
        if reference.get("name").is_none() {
            findings.error(reference.pos, format!("{object_what} has no name"));
        }
        let kind = reference
            .get("kind")
            .and_then(Node::as_scalar)
            .unwrap_or("")
            .to_lowercase();
        match kind.as_str() {
            "secret" | "configmap" => {}
            "" if reference.get("resource").is_some() => {}
            _ => findings.warning(
                reference.get("kind").map_or(reference.pos, |k| k.pos),
                format!(
                    "{object_what}: only Secret and ConfigMap objects are fetched into .Phases.<phase>.Secrets/.ConfigMaps"
                ),
            ),
        }
        kinds.insert(key_name, kind);
    }
}

fn check_args(
    what: &str,
    phase: &Node,
    args: Option<&Node>,
    spec: &FunctionSpec,
    findings: &mut Findings,
) {
    let entries = args.and_then(Node::as_map).unwrap_or(&[]);
    let anchor = args.map_or(phase.pos, |a| {
        phase.key_node("args").map_or(a.pos, |k| k.pos)
    });
    let missing: Vec<&str> = spec
        .required_args()
        .filter(|a| !entries.iter().any(|(k, _)| k.as_scalar() == Some(a.name)))
        .map(|a| a.name)
        .collect();
    if !missing.is_empty() {
        findings.error(
            anchor,
            format!(
                "{what}: {} requires {} {}",
                spec.name,
                if missing.len() == 1 {
                    "argument"
                } else {
                    "arguments"
                },
                missing.join(", ")
            ),
        );
    }
    for (key, value) in entries {
        let Some(name) = key.as_scalar() else {
            continue;
        };
        let Some(arg) = spec.arg(name) else {
            let hint = match functions::suggest(name, spec.arg_names()) {
                Some(s) => format!(" (did you mean {s:?}?)"),
                None => format!(" (it accepts {})", spec.arg_names().join(", ")),
            };
            findings.error(
                key.pos,
                format!(
                    "{what}: {} does not accept argument {name:?}{hint}",
                    spec.name
                ),
            );
            continue;
        };
        check_arg_kind(what, spec, name, arg.kind, value, findings);
    }
    for group in spec.exclusive {
        let given: Vec<&str> = group
            .iter()
            .copied()
            .filter(|a| entries.iter().any(|(k, _)| k.as_scalar() == Some(a)))
            .collect();
        if given.len() > 1 {
            findings.error(
                anchor,
                format!(
                    "{what}: {} takes only one of {}",
                    spec.name,
                    given.join(", ")
                ),
            );
        }
    }
}

fn has_template(text: &str) -> bool {
    text.contains("{{")
}

/// Whether Kanister's `GetYamlList` accepts this string: YAML that parses as a list, or as
/// nothing at all (an empty string gives no list).
fn yaml_list_text(text: &str) -> bool {
    if text.trim().is_empty() {
        return true;
    }
    matches!(
        serde_saphyr::from_str::<serde_json::Value>(text),
        Ok(serde_json::Value::Array(_)) | Ok(serde_json::Value::Null)
    )
}

fn check_arg_kind(
    what: &str,
    spec: &FunctionSpec,
    name: &str,
    kind: ArgKind,
    value: &Node,
    findings: &mut Findings,
) {
    let wrong = |findings: &mut Findings| {
        findings.error(
            value.pos,
            format!(
                "{what}: {} argument {name:?} must be {}, not {}",
                spec.name,
                kind.describe(),
                value.describe()
            ),
        )
    };
    let is_collection = value.as_map().is_some() || value.as_seq().is_some();
    let text = value.as_scalar().unwrap_or("");
    let templated = has_template(text);
    match kind {
        ArgKind::String => {
            if is_collection {
                wrong(findings)
            }
        }
        ArgKind::StringList => match &value.value {
            NodeValue::Seq(items) => {
                for item in items {
                    if item.as_scalar().is_none() {
                        findings.error(
                            item.pos,
                            format!(
                                "{what}: every entry of {name:?} must be a string, not {}",
                                item.describe()
                            ),
                        );
                    }
                }
            }
            NodeValue::Map(_) => wrong(findings),
            NodeValue::Scalar { .. } if value.is_null() => {}
            NodeValue::Scalar { .. } => {
                if text.trim().contains(char::is_whitespace) {
                    findings.error(
                        value.pos,
                        format!(
                            "{what}: {name:?} must be a list (exec form); this string would run as one program named {text:?}. Write e.g. [sh, -c, '...']"
                        ),
                    );
                } else {
                    findings.warning(
                        value.pos,
                        format!("{what}: {name:?} should be a list; a single string becomes a one-element list"),
                    );
                }
            }
        },
        ArgKind::Int => {
            if is_collection {
                wrong(findings)
            } else if value.scalar_type() == Some(ScalarType::String)
                && !templated
                && text.trim().parse::<i64>().is_err()
            {
                findings.error(
                    value.pos,
                    format!("{what}: {name:?} must be an integer, not {text:?}"),
                );
            }
        }
        ArgKind::Bool => {
            if is_collection {
                wrong(findings)
            } else if value.scalar_type() == Some(ScalarType::String)
                && !templated
                && !matches!(
                    text,
                    "" | "1"
                        | "t"
                        | "T"
                        | "TRUE"
                        | "true"
                        | "True"
                        | "0"
                        | "f"
                        | "F"
                        | "FALSE"
                        | "false"
                        | "False"
                )
            {
                findings.error(
                    value.pos,
                    format!("{what}: {name:?} must be true or false, not {text:?}"),
                );
            }
        }
        ArgKind::Duration => {
            if is_collection {
                wrong(findings)
            } else if !templated && let Err(e) = crate::duration::parse_go_duration(text.trim()) {
                findings.error(
                    value.pos,
                    format!("{what}: {name:?} must be a duration such as 30s or 5m: {e}"),
                );
            }
        }
        ArgKind::StringMap => match value.as_map() {
            Some(entries) => {
                for (_, v) in entries {
                    if v.as_map().is_some() || v.as_seq().is_some() {
                        findings
                            .error(v.pos, format!("{what}: values of {name:?} must be strings"));
                    }
                }
            }
            None if value.is_null() => {}
            None => wrong(findings),
        },
        ArgKind::Object => {
            if value.as_map().is_none() && !value.is_null() {
                wrong(findings)
            }
        }
        ArgKind::YamlList => match &value.value {
            NodeValue::Map(_) => wrong(findings),
            // A template renders to the list's YAML or JSON at run time; a plain string must
            // already be one (`[sg-1, sg-2]`), as `GetYamlList` unmarshals it.
            NodeValue::Scalar { .. } if !templated && !value.is_null() && !yaml_list_text(text) => {
                findings.error(
                    value.pos,
                    format!(
                        "{what}: {name:?} must be a list, or a string holding a YAML list such as [a, b], not {text:?}"
                    ),
                );
            }
            _ => {}
        },
    }
}

/// Phase names: unique within an action (`.Phases.X` must be unambiguous) and, as Kanister's
/// validating webhook requires, across the whole Blueprint.
fn check_phases(model: &Model<'_>, findings: &mut Findings) {
    let mut seen_anywhere: BTreeMap<&str, (&str, Pos)> = BTreeMap::new();
    for action in &model.actions {
        let mut seen_here: BTreeMap<&str, Pos> = BTreeMap::new();
        for phase in action.phases.iter().chain(action.defer_phase.as_ref()) {
            if phase.name.is_empty() {
                continue;
            }
            let pos = phase.name_node.map_or(phase.node.pos, |n| n.pos);
            if let Some(first) = seen_here.get(phase.name) {
                findings.error(
                    pos,
                    format!(
                        "phase name {:?} is used twice in action {:?} (first at line {}): .Phases.{} would be ambiguous",
                        phase.name, action.name, first.line, phase.name
                    ),
                );
                continue;
            }
            seen_here.insert(phase.name, pos);
            if let Some((other, first)) = seen_anywhere.get(phase.name) {
                findings.warning(
                    pos,
                    format!(
                        "phase name {:?} is also used in action {other:?} (line {}); Kanister's validating webhook and `kanctl validate` reject duplicate phase names across a Blueprint",
                        phase.name, first.line
                    ),
                );
            } else {
                seen_anywhere.insert(phase.name, (action.name, pos));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<String> {
        validate_yaml(text)
            .findings
            .sorted()
            .iter()
            .map(|f| f.display("bp.yaml"))
            .collect()
    }

    #[test]
    fn every_public_blueprint_validates_without_errors() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/blueprint/public");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let v = validate_yaml(&text);
            assert!(
                v.is_valid(),
                "{}:\n{}",
                path.display(),
                v.findings.render(&path.display().to_string())
            );
            assert!(v.blueprint.is_some());
        }
    }

    const HEADER: &str =
        "apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata:\n  name: bp\n";

    #[test]
    fn all_findings_at_once_with_positions() {
        let text = format!(
            "{HEADER}actions:\n  backup:\n    phases:\n    - func: KubeTsk\n      name: one\n      args: {{}}\n    - func: KubeTask\n      name: two\n      args:\n        image: busybox\n        comand: [sh]\n    - func: ScaleWorkload\n      name: one\n      args:\n        replicas: many\n        waitForReady: maybe\n"
        );
        let f = findings(&text);
        assert_eq!(
            f,
            vec![
                "bp.yaml:8:13: error: phase \"one\": unknown function \"KubeTsk\" (did you mean \"KubeTask\"? names are case-sensitive)",
                "bp.yaml:13:7: error: phase \"two\": KubeTask requires argument command",
                "bp.yaml:15:9: error: phase \"two\": KubeTask does not accept argument \"comand\" (did you mean \"command\"?)",
                "bp.yaml:17:13: error: phase name \"one\" is used twice in action \"backup\" (first at line 9): .Phases.one would be ambiguous",
                "bp.yaml:19:19: error: phase \"one\": \"replicas\" must be an integer, not \"many\"",
                "bp.yaml:20:23: error: phase \"one\": \"waitForReady\" must be true or false, not \"maybe\"",
            ]
        );
    }

    #[test]
    fn structure_mistakes() {
        let text = "apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata:\n  name: Bad_Name\nspec:\n  actions: {}\nactions:\n  backup:\n    phase: []\n";
        let f = findings(text);
        assert!(
            f[0].starts_with("bp.yaml:4:9: error: metadata.name \"Bad_Name\""),
            "{f:#?}"
        );
        assert!(f[1].starts_with("bp.yaml:5:1: warning: unknown field \"spec\" in the Blueprint; the API server would silently drop it: a Blueprint has no spec"), "{f:#?}");
        assert!(
            f[2].starts_with("bp.yaml:8:3: warning: action \"backup\" has no phases"),
            "{f:#?}"
        );
        assert!(
            f[3].contains("unknown field \"phase\" in action \"backup\"")
                && f[3].contains("did you mean \"phases\""),
            "{f:#?}"
        );
        assert!(!validate_yaml(text).is_valid());
    }

    #[test]
    fn argument_kinds() {
        let text = format!(
            "{HEADER}actions:\n  backup:\n    phases:\n    - func: KubeTask\n      name: a\n      args:\n        image: [x]\n        command: pg_dump -U x\n        podLabels: plain\n    - func: WaitV2\n      name: b\n      args:\n        timeout: 360\n        conditions: {{anyOf: []}}\n"
        );
        let f = findings(&text);
        assert_eq!(f.len(), 4, "{f:#?}");
        assert!(f[0].contains("\"image\" must be a string, not a list"));
        assert!(f[1].contains("must be a list (exec form)"));
        assert!(f[2].contains("\"podLabels\" must be a map of strings"));
        assert!(f[3].contains("\"timeout\" must be a duration"));
    }

    #[test]
    fn duplicate_phase_names_across_actions_only_warn() {
        let text = format!(
            "{HEADER}actions:\n  backup:\n    phases:\n    - func: KubeTask\n      name: a\n      args: {{image: x, command: [x]}}\n  restore:\n    deferPhase:\n      func: KubeTask\n      name: a\n      args: {{image: x, command: [x]}}\n"
        );
        let v = validate_yaml(&text);
        assert!(v.is_valid());
        assert_eq!(v.findings.warnings(), 1);
    }

    #[test]
    fn yaml_syntax_error_is_one_finding() {
        let f = findings("actions: [\n");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].starts_with("bp.yaml:1:10: error: invalid YAML: unclosed bracket"),
            "{f:#?}"
        );
    }
}
