//! Template checks: every string Kanister renders (phase `objects` and `args`, output artifacts)
//! must parse, call only known functions, and name only parameters that will exist when it is
//! rendered: `.Phases.X` an earlier phase of the same action, `.ArtifactsIn.X` a declared input
//! artifact, outputs a phase can actually produce. Each finding points at the exact line and
//! column inside the YAML, through block scalars and quotes.

use std::collections::BTreeSet;

use super::findings::Findings;
use super::source::{Node, Pos, SourceDoc};
use super::validate::{ActionModel, Model, PhaseModel, visit_strings};

/// A parameter path a template reads (`.Phases.dump.Output.path` → `["Phases", "dump",
/// "Output", "path"]`), with its 1-based line and column inside the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamRef {
    pub path: Vec<String>,
    pub line: usize,
    pub column: usize,
}

/// A template that does not parse, at its 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFailure {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Checks that `path[at]` is one of `fields` of `owner`, reporting it if not.
type FieldCheck<'f> = dyn Fn(&[&str], usize, &str, &mut Findings) -> bool + 'f;

/// When a template is rendered, which decides what it may read.
#[derive(Clone, Copy)]
enum Stage<'m, 'a> {
    /// Phase `objects`: once per action, before the first phase.
    Objects,
    /// A phase's `args`, just before it runs.
    Args {
        phase: &'m PhaseModel<'a>,
        /// Position among the action's phases; the defer phase comes after all of them.
        index: usize,
    },
    /// `outputArtifacts`, after every phase and the defer phase succeeded.
    OutputArtifacts,
}

pub(crate) const PARAMS: &[&str] = &[
    "StatefulSet",
    "Deployment",
    "DeploymentConfig",
    "PVC",
    "Namespace",
    "Object",
    "ArtifactsIn",
    "ConfigMaps",
    "Secrets",
    "Profile",
    "Time",
    "Options",
    "Phases",
    "DeferPhase",
    "PodOverride",
    "PodLabels",
    "PodAnnotations",
    "CurrentPhase",
];

const WORKLOAD_FIELDS: &[&str] = &[
    "Name",
    "Namespace",
    "Pods",
    "Containers",
    "PersistentVolumeClaims",
];
const NAME_NAMESPACE: &[&str] = &["Name", "Namespace"];
const PHASE_FIELDS: &[&str] = &["Secrets", "ConfigMaps", "Output"];
const ARTIFACT_FIELDS: &[&str] = &["KeyValue", "KopiaSnapshot"];
const PROFILE_FIELDS: &[&str] = &["Location", "Credential", "SkipSSLVerify"];
const LOCATION_FIELDS: &[&str] = &["Type", "Bucket", "Endpoint", "Prefix", "Region"];
const CREDENTIAL_FIELDS: &[&str] = &["Type", "KeyPair", "Secret", "KopiaServerSecret"];
const KEYPAIR_FIELDS: &[&str] = &["ID", "Secret"];
const KOPIA_FIELDS: &[&str] = &["Username", "Hostname", "Password", "Cert", "ConnectOptions"];

/// Parses one template with the template engine and lists the data paths it reads.
pub fn analyse(text: &str) -> Result<Vec<ParamRef>, ParseFailure> {
    let template =
        crate::template::Template::parse("template", text).map_err(|e| ParseFailure {
            line: e.line,
            column: e.column,
            message: e.message,
        })?;
    Ok(template
        .references()
        .into_iter()
        .filter_map(|r| match r.kind {
            crate::template::ReferenceKind::Field {
                root: crate::template::Root::Data,
                path,
                ..
            } => Some(ParamRef {
                path,
                line: r.line,
                column: r.column,
            }),
            _ => None,
        })
        .collect())
}

/// Checks every template of the Blueprint with the template engine.
pub(crate) fn check(source: &SourceDoc, model: &Model<'_>, findings: &mut Findings) {
    check_with(source, model, findings, &analyse);
}

/// Checks every template of the Blueprint. `analyse` parses one template and lists the
/// parameters it reads (the template engine's job).
pub(crate) fn check_with(
    source: &SourceDoc,
    model: &Model<'_>,
    findings: &mut Findings,
    analyse: &dyn Fn(&str) -> Result<Vec<ParamRef>, ParseFailure>,
) {
    for action in &model.actions {
        let checker = Checker {
            source,
            model,
            action,
            analyse,
        };
        for (index, phase) in action
            .phases
            .iter()
            .chain(action.defer_phase.as_ref())
            .enumerate()
        {
            if let Some(objects) = phase.objects {
                checker.node(objects, phase, Stage::Objects, findings);
            }
            if let Some(args) = phase.args {
                checker.node(args, phase, Stage::Args { phase, index }, findings);
            }
        }
        for node in &action.output_artifacts {
            checker.template(node, None, Stage::OutputArtifacts, findings);
        }
    }
}

struct Checker<'s, 'm, 'a> {
    source: &'s SourceDoc,
    model: &'m Model<'a>,
    action: &'m ActionModel<'a>,
    analyse: &'s dyn Fn(&str) -> Result<Vec<ParamRef>, ParseFailure>,
}

impl<'a> Checker<'_, '_, 'a> {
    fn node(
        &self,
        node: &Node,
        phase: &PhaseModel<'a>,
        stage: Stage<'_, 'a>,
        findings: &mut Findings,
    ) {
        // Wait and WaitV2 evaluate their `condition`s themselves (against the fetched object),
        // so those are not Blueprint templates: they only have to parse.
        let waits = phase
            .func
            .is_some_and(|f| f.name == "Wait" || f.name == "WaitV2");
        let deprecated_wait = phase.func.is_some_and(|f| f.name == "Wait");
        visit_strings(node, &mut |text, scalar| {
            if !text.contains("{{") {
                return;
            }
            if waits && is_condition(node, scalar) {
                // The deprecated Wait substitutes `{$.jsonpath}` with the object's value before
                // it parses the template, so `{{ if eq {$.spec.replicas} 3 }}` is valid there.
                let substituted;
                let text = if deprecated_wait {
                    substituted = substitute_wait_jsonpath(text);
                    substituted.as_str()
                } else {
                    text
                };
                if let Err(e) = (self.analyse)(text) {
                    findings.error(
                        self.source.value_line_col(scalar, e.line, e.column),
                        format!(
                            "phase {:?}: condition template error: {}",
                            phase.name, e.message
                        ),
                    );
                }
                return;
            }
            self.template(scalar, Some(phase), stage, findings);
        });
    }

    fn template(
        &self,
        node: &Node,
        phase: Option<&PhaseModel<'a>>,
        stage: Stage<'_, 'a>,
        findings: &mut Findings,
    ) {
        let Some(text) = node.as_scalar() else {
            return;
        };
        let where_ = |line, column| self.source.value_line_col(node, line, column);
        let context = match (phase, stage) {
            (Some(p), Stage::Objects) => format!("phase {:?} objects", p.name),
            (Some(p), _) => format!("phase {:?}", p.name),
            (None, _) => format!("output artifact of action {:?}", self.action.name),
        };
        match (self.analyse)(text) {
            Err(e) => findings.error(
                where_(e.line, e.column),
                format!("{context}: template error: {}", e.message),
            ),
            Ok(refs) => {
                for r in refs {
                    self.reference(&r, stage, &context, where_(r.line, r.column), findings);
                }
            }
        }
    }

    fn reference(
        &self,
        r: &ParamRef,
        stage: Stage<'_, 'a>,
        context: &str,
        pos: Pos,
        findings: &mut Findings,
    ) {
        let path: Vec<&str> = r.path.iter().map(String::as_str).collect();
        let Some(&param) = path.first() else {
            return;
        };
        let shown = format!(".{}", path.join("."));
        let field_of = |fields: &[&str], at: usize, owner: &str, findings: &mut Findings| {
            if let Some(field) = path.get(at)
                && !fields.contains(field)
            {
                let hint = super::functions::suggest(field, fields.iter().copied())
                    .map_or(format!("its fields are {}", fields.join(", ")), |s| {
                        format!("did you mean {s}?")
                    });
                findings.error(
                    pos,
                    format!("{context}: {shown}: {owner} has no field {field} ({hint})"),
                );
                return false;
            }
            true
        };
        match param {
            "StatefulSet" | "Deployment" | "DeploymentConfig" => {
                field_of(WORKLOAD_FIELDS, 1, &format!(".{param}"), findings);
                self.kind_matches(param, context, pos, findings);
            }
            "PVC" | "Namespace" => {
                field_of(NAME_NAMESPACE, 1, &format!(".{param}"), findings);
            }
            "Profile" => {
                if field_of(PROFILE_FIELDS, 1, ".Profile", findings) {
                    match path.get(1) {
                        Some(&"Location") => {
                            field_of(LOCATION_FIELDS, 2, ".Profile.Location", findings);
                        }
                        Some(&"Credential")
                            if field_of(CREDENTIAL_FIELDS, 2, ".Profile.Credential", findings) =>
                        {
                            match path.get(2) {
                                Some(&"KeyPair") => {
                                    field_of(KEYPAIR_FIELDS, 3, ".Profile.Credential.KeyPair", findings);
                                }
                                Some(&"KopiaServerSecret") => {
                                    field_of(
                                        KOPIA_FIELDS,
                                        3,
                                        ".Profile.Credential.KopiaServerSecret",
                                        findings,
                                    );
                                }
                                _ => {}
                            }
                        }
                        _ => {}
                    }
                }
            }
            "ArtifactsIn" => self.artifact_in(&path, &shown, context, pos, findings, &field_of),
            "Secrets" | "ConfigMaps" => {
                let declared = if param == "Secrets" {
                    &self.action.secret_names
                } else {
                    &self.action.config_map_names
                };
                if let (Some(name), Some(declared)) = (path.get(1), declared)
                    && !declared.contains(name)
                {
                    let list = if param == "Secrets" { "secretNames" } else { "configMapNames" };
                    findings.warning(
                        pos,
                        format!("{context}: {shown}: {name:?} is not listed in the action's {list}"),
                    );
                }
            }
            "Phases" => self.phase_ref(&path, &shown, stage, context, pos, findings, &field_of),
            "DeferPhase" => match (stage, &self.action.defer_phase) {
                (Stage::OutputArtifacts, Some(defer)) => {
                    if field_of(PHASE_FIELDS, 1, ".DeferPhase", findings)
                        && path.get(1) == Some(&"Output")
                        && let Some(key) = path.get(2)
                    {
                        self.output_key(defer, key, &shown, context, pos, findings);
                    }
                }
                (Stage::OutputArtifacts, None) => findings.error(
                    pos,
                    format!("{context}: {shown}: action {:?} has no deferPhase", self.action.name),
                ),
                _ => findings.error(
                    pos,
                    format!("{context}: {shown}: .DeferPhase is only set when outputArtifacts are rendered"),
                ),
            },
            "Object" | "Time" | "Options" | "PodOverride" | "PodLabels" | "PodAnnotations" => {}
            "CurrentPhase" => findings.warning(
                pos,
                format!("{context}: .CurrentPhase is set only after a phase's args are rendered, so it is empty here"),
            ),
            other => {
                let hint = super::functions::suggest(other, PARAMS.iter().copied())
                    .map_or(String::new(), |s| format!(" (did you mean .{s}?)"));
                findings.error(pos, format!("{context}: unknown template parameter .{other}{hint}"));
            }
        }
    }

    fn kind_matches(&self, param: &str, context: &str, pos: Pos, findings: &mut Findings) {
        let Some(kind) = self
            .action
            .node
            .get("kind")
            .and_then(Node::as_scalar)
            .map(str::to_lowercase)
        else {
            return;
        };
        let expected = param.to_lowercase();
        let workloads = ["statefulset", "deployment", "deploymentconfig"];
        if workloads.contains(&kind.as_str()) && kind != expected {
            findings.warning(
                pos,
                format!(
                    "{context}: .{param} is only set when the action runs on a {param}, but action {:?} is for kind {kind}",
                    self.action.name
                ),
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn artifact_in(
        &self,
        path: &[&str],
        shown: &str,
        context: &str,
        pos: Pos,
        findings: &mut Findings,
        field_of: &FieldCheck,
    ) {
        let Some(name) = path.get(1) else {
            return;
        };
        match &self.action.input_artifacts {
            Some(declared) if !declared.contains(name) => {
                let hint = super::functions::suggest(name, declared.iter().copied())
                    .map_or(String::new(), |s| format!(" (did you mean {s:?}?)"));
                findings.error(
                    pos,
                    format!(
                        "{context}: {shown}: {name:?} is not a declared input artifact of action {:?}{hint}",
                        self.action.name
                    ),
                );
            }
            None => findings.warning(
                pos,
                format!(
                    "{context}: {shown}: action {:?} does not declare inputArtifactNames; add {name:?} so users know to pass it",
                    self.action.name
                ),
            ),
            _ => {}
        }
        field_of(
            ARTIFACT_FIELDS,
            2,
            &format!(".ArtifactsIn.{name}"),
            findings,
        );
        if path.get(2) == Some(&"KeyValue") && path.len() > 3 {
            self.artifact_key_produced(name, path[3], shown, context, pos, findings);
        }
    }

    /// `.ArtifactsIn.X.KeyValue.k` where another action of this Blueprint produces artifact X
    /// without key k: the usual backup → restore chain, checked end to end.
    fn artifact_key_produced(
        &self,
        artifact: &str,
        key: &str,
        shown: &str,
        context: &str,
        pos: Pos,
        findings: &mut Findings,
    ) {
        let mut producers = Vec::new();
        for action in &self.model.actions {
            let Some(artifacts) = action.node.get("outputArtifacts") else {
                continue;
            };
            if let Some(a) = artifacts.get(artifact) {
                let keys: BTreeSet<&str> = a
                    .get("keyValue")
                    .and_then(Node::as_map)
                    .map(|m| m.iter().filter_map(|(k, _)| k.as_scalar()).collect())
                    .unwrap_or_default();
                producers.push((action.name, keys));
            }
        }
        if !producers.is_empty() && producers.iter().all(|(_, keys)| !keys.contains(key)) {
            let (action, keys) = &producers[0];
            findings.warning(
                pos,
                format!(
                    "{context}: {shown}: action {action:?} produces artifact {artifact:?} with keys {}, not {key:?}",
                    keys.iter().copied().collect::<Vec<_>>().join(", ")
                ),
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn phase_ref(
        &self,
        path: &[&str],
        shown: &str,
        stage: Stage<'_, 'a>,
        context: &str,
        pos: Pos,
        findings: &mut Findings,
        field_of: &FieldCheck,
    ) {
        let Some(&name) = path.get(1) else {
            return;
        };
        let phases = &self.action.phases;
        let found = phases.iter().position(|p| p.name == name);
        let defer = self.action.defer_phase.as_ref().filter(|d| d.name == name);
        if let Stage::Objects = stage {
            findings.error(
                pos,
                format!("{context}: {shown}: phase objects are rendered before the first phase runs, when .Phases is still empty"),
            );
            return;
        }
        let Some(index) = found else {
            if defer.is_some() {
                findings.error(
                    pos,
                    format!("{context}: {shown}: {name:?} is the defer phase; read its output as .DeferPhase in outputArtifacts"),
                );
                return;
            }
            let elsewhere = self.model.actions.iter().find(|a| {
                a.name != self.action.name
                    && a.phases
                        .iter()
                        .chain(a.defer_phase.as_ref())
                        .any(|p| p.name == name)
            });
            let detail = match elsewhere {
                Some(a) => format!(
                    "{name:?} is a phase of action {:?}; .Phases only holds phases of action {:?}",
                    a.name, self.action.name
                ),
                None => {
                    let hint = super::functions::suggest(name, phases.iter().map(|p| p.name))
                        .map_or(String::new(), |s| format!(" (did you mean {s:?}?)"));
                    format!("action {:?} has no phase {name:?}{hint}", self.action.name)
                }
            };
            findings.error(pos, format!("{context}: {shown}: {detail}"));
            return;
        };
        let phase = &phases[index];
        if !field_of(PHASE_FIELDS, 2, &format!(".Phases.{name}"), findings) {
            return;
        }
        if let Stage::Args {
            phase: current,
            index: current_index,
        } = stage
        {
            if index > current_index {
                findings.error(
                    pos,
                    format!(
                        "{context}: {shown}: phase {name:?} runs after phase {:?}, so it has not run yet",
                        current.name
                    ),
                );
                return;
            }
            if index == current_index && path.get(2) == Some(&"Output") {
                findings.error(
                    pos,
                    format!("{context}: {shown}: a phase cannot read its own output; only its Secrets and ConfigMaps"),
                );
                return;
            }
        }
        match path.get(2) {
            Some(&"Output") => {
                if let Some(key) = path.get(3) {
                    self.output_key(phase, key, shown, context, pos, findings);
                }
            }
            Some(kind @ (&"Secrets" | &"ConfigMaps")) => {
                if let Some(key) = path.get(3) {
                    let wanted = if *kind == "Secrets" {
                        "secret"
                    } else {
                        "configmap"
                    };
                    match phase.object_kinds.get(key) {
                        Some(k) if k == wanted => {}
                        Some(k) => findings.error(
                            pos,
                            format!("{context}: {shown}: object {key:?} of phase {name:?} is a {k}, not a {wanted}"),
                        ),
                        None => findings.error(
                            pos,
                            format!("{context}: {shown}: phase {name:?} declares no {wanted} object {key:?} under `objects`"),
                        ),
                    }
                }
            }
            _ => {}
        }
    }

    fn output_key(
        &self,
        phase: &PhaseModel<'a>,
        key: &str,
        shown: &str,
        context: &str,
        pos: Pos,
        findings: &mut Findings,
    ) {
        let Some(keys) = phase.output_keys() else {
            return;
        };
        if keys.contains(key) {
            return;
        }
        let func = phase.func.map_or("?", |f| f.name);
        let listed = keys.iter().cloned().collect::<Vec<_>>().join(", ");
        let kando = matches!(
            phase.func.map(|f| f.outputs),
            Some(super::functions::Outputs::Kando)
        );
        let detail = match (kando, keys.is_empty()) {
            (true, true) => format!("its command never runs `kando output {key} …`"),
            (true, false) => {
                format!("its command runs `kando output` only for {listed}, never for {key:?}")
            }
            (false, true) => format!("{func} produces no outputs"),
            (false, false) => format!("{func} produces only {listed}, never {key:?}"),
        };
        findings.warning(
            pos,
            format!(
                "{context}: {shown}: phase {:?} ({func}): {detail}",
                phase.name
            ),
        );
    }
}

/// Whether `scalar` is the value of a `condition` key somewhere inside `root`.
/// Kanister's `resolveJsonpath` for Wait conditions, with `0` standing for every resolved value
/// (a value of any JSON type prints as a number, a string or a word, all of which parse where
/// `0` does): each match of `{\s*\$[^}]*` plus the closing `}` is replaced everywhere.
pub(crate) fn substitute_wait_jsonpath(condition: &str) -> String {
    static JSONPATH: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\{\s*\$[^}]*").expect("valid regex"));
    let mut out = condition.to_string();
    for m in JSONPATH.find_iter(condition) {
        out = out.replace(&format!("{}}}", m.as_str()), "0");
    }
    out
}

pub(crate) fn is_condition(root: &Node, scalar: &Node) -> bool {
    fn walk(node: &Node, scalar: &Node, inside: bool) -> Option<bool> {
        if std::ptr::eq(node, scalar) {
            return Some(inside);
        }
        if let Some(items) = node.as_seq() {
            return items.iter().find_map(|n| walk(n, scalar, false));
        }
        node.as_map()?.iter().find_map(|(k, v)| {
            walk(k, scalar, false).or_else(|| walk(v, scalar, k.as_scalar() == Some("condition")))
        })
    }
    walk(root, scalar, false).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use crate::blueprint::validate_yaml;

    fn findings(actions: &str) -> Vec<String> {
        let text = format!(
            "apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata:\n  name: bp\nactions:\n{actions}"
        );
        validate_yaml(&text)
            .findings
            .sorted()
            .iter()
            .map(|f| f.display("bp.yaml"))
            .collect()
    }

    fn task(name: &str, command: &str) -> String {
        format!(
            "    - func: KubeTask\n      name: {name}\n      args:\n        image: busybox\n        command:\n        - sh\n        - -c\n        - |\n          {command}\n"
        )
    }

    #[test]
    fn phases_must_be_earlier_phases_of_the_same_action() {
        let actions = format!(
            "  backup:\n    phases:\n{}{}{}  restore:\n    phases:\n{}",
            task("first", "echo {{ .Phases.second.Output.x }}"),
            task(
                "second",
                "echo {{ .Phases.second.Output.x }}; kando output x 1"
            ),
            task(
                "third",
                "echo {{ .Phases.other.Output.x }} {{ .Phases.secnd.Output.x }}"
            ),
            task("other", "kando output x 1"),
        );
        let f = findings(&actions);
        assert_eq!(f.len(), 4, "{f:#?}");
        assert!(f[0].starts_with("bp.yaml:16:19: error: phase \"first\": .Phases.second.Output.x: phase \"second\" runs after phase \"first\""), "{f:#?}");
        assert!(f[1].starts_with("bp.yaml:25:19: error: phase \"second\": .Phases.second.Output.x: a phase cannot read its own output"), "{f:#?}");
        assert!(
            f[2].contains("\"other\" is a phase of action \"restore\""),
            "{f:#?}"
        );
        assert!(
            f[3].contains("has no phase \"secnd\" (did you mean \"second\"?)"),
            "{f:#?}"
        );
    }

    #[test]
    fn template_errors_point_into_block_scalars() {
        let actions = format!(
            "  backup:\n    phases:\n{}",
            task("a", "echo {{ .Object.metadata.name | nosuchfunc }}")
        );
        let f = findings(&actions);
        assert_eq!(f.len(), 1, "{f:#?}");
        // Line 16 is the block scalar's content line; column 43 is `nosuchfunc` in it.
        assert_eq!(
            f[0],
            "bp.yaml:16:43: error: phase \"a\": template error: function \"nosuchfunc\" not defined"
        );
    }

    #[test]
    fn parameters_fields_secrets_and_artifacts() {
        let actions = "  restore:\n    kind: StatefulSet\n    inputArtifactNames: [dump]\n    phases:\n    - func: KubeTask\n      name: a\n      objects:\n        pg:\n          kind: Secret\n          name: '{{ .StatefulSet.Name }}'\n          namespace: '{{ .Phases.a.Output.x }}'\n      args:\n        image: '{{ .Profil.Location.Bucket }}'\n        namespace: '{{ .StatefulSet.Nme }}'\n        command: ['{{ .ArtifactsIn.dmp.KeyValue.path }}', '{{ .Phases.a.Secrets.pg.Data.password }}', '{{ .Phases.a.Secrets.other }}', '{{ .DeferPhase.Output.x }}', '{{ .Deployment.Name }}']\n";
        let f = findings(actions);
        let has = |needle: &str| assert!(f.iter().any(|l| l.contains(needle)), "{needle}\n{f:#?}");
        has("phase objects are rendered before the first phase runs");
        has("unknown template parameter .Profil (did you mean .Profile?)");
        has(".StatefulSet has no field Nme (did you mean Name?)");
        has(
            "\"dmp\" is not a declared input artifact of action \"restore\" (did you mean \"dump\"?)",
        );
        has("phase \"a\" declares no secret object \"other\"");
        has(".DeferPhase is only set when outputArtifacts are rendered");
        has("warning: phase \"a\": .Deployment is only set when the action runs on a Deployment");
        assert!(!f.iter().any(|l| l.contains("Secrets.pg.Data")), "{f:#?}");
    }

    #[test]
    fn outputs_that_no_phase_produces_are_warned() {
        let actions = format!(
            "  backup:\n    outputArtifacts:\n      snap:\n        keyValue:\n          id: '{{{{ .Phases.scale.Output.originalReplicaCount }}}}'\n          path: '{{{{ .Phases.dump.Output.pth }}}}'\n    phases:\n    - func: ScaleWorkload\n      name: scale\n      args: {{replicas: 0}}\n{}",
            task("dump", "kando output path /x")
        );
        let f = findings(&actions);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].contains("warning: output artifact of action \"backup\": .Phases.dump.Output.pth: phase \"dump\" (KubeTask): its command runs `kando output` only for path, never for \"pth\""), "{f:#?}");
    }

    #[test]
    fn wait_conditions_are_not_blueprint_templates() {
        let actions = "  backup:\n    phases:\n    - func: WaitV2\n      name: w\n      args:\n        timeout: 1m\n        conditions:\n          anyOf:\n          - condition: '{{ if eq .status.phase \"Bound\" }}true{{ else }}false{{ end }}'\n            objectReference: {apiVersion: v1, resource: persistentvolumeclaims, name: '{{ .PVC.Name }}', namespace: '{{ .PVC.Namespace }}'}\n";
        let f = findings(actions);
        assert!(f.is_empty(), "{f:#?}");
    }
}
