//! The few Go-template forms the parity Blueprints use, and nothing else: `{{ .A.B.C }}` field
//! and map-key paths (kanister.md §5.2/§5.4). Every other form (pipelines, functions, `index`,
//! trim markers, printing a map or a list) is refused with an error naming it, so a Blueprint
//! this stand-in cannot render honestly fails loudly instead of being guessed at.

use serde_json::Value;

/// Why a template did not render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    /// A form outside the supported subset: the test is wrong, not the code under test.
    Unsupported(String),
    /// A supported form that fails in Go too (missing key, nil pointer).
    Failed(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Unsupported(m) => write!(f, "unsupported by the test controller: {m}"),
            RenderError::Failed(m) => write!(f, "Failed to render template: {m}"),
        }
    }
}

/// Renders `src` against `data` (a JSON object keyed by the Go parameter names:
/// `StatefulSet`, `Object`, `Phases`, …).
pub fn render(src: &str, data: &Value) -> Result<String, RenderError> {
    let mut out = String::new();
    let mut rest = src;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| RenderError::Unsupported(format!("unclosed action in {src:?}")))?;
        let action = &after[..end];
        out.push_str(&evaluate(action, data)?);
        rest = &after[end + 2..];
    }
    if rest.contains("}}") {
        return Err(RenderError::Unsupported(format!("stray '}}}}' in {src:?}")));
    }
    out.push_str(rest);
    Ok(out)
}

fn evaluate(action: &str, data: &Value) -> Result<String, RenderError> {
    if action.starts_with('-') || action.ends_with('-') {
        return Err(RenderError::Unsupported(format!(
            "trim markers in {{{{{action}}}}}"
        )));
    }
    let path = action.trim();
    let fields: Vec<&str> = path.strip_prefix('.').unwrap_or("").split('.').collect();
    let valid = path.starts_with('.')
        && fields.iter().all(|f| {
            let mut chars = f.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
    if !valid {
        return Err(RenderError::Unsupported(format!(
            "{{{{{action}}}}} (only {{{{ .Field.Path }}}} is supported)"
        )));
    }
    let mut current = data;
    let mut walked = String::new();
    for field in fields {
        current = match current {
            Value::Object(map) => map
                .get(field)
                .ok_or_else(|| RenderError::Failed(format!("\"{field}\" not found")))?,
            Value::Null => {
                return Err(RenderError::Failed(format!(
                    "nil pointer evaluating {walked}.{field}"
                )));
            }
            _ => {
                return Err(RenderError::Failed(format!(
                    "can't evaluate field {field} in {walked}"
                )));
            }
        };
        walked.push('.');
        walked.push_str(field);
    }
    match current {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Null => Err(RenderError::Unsupported(format!("printing nil ({walked})"))),
        Value::Object(_) | Value::Array(_) => Err(RenderError::Unsupported(format!(
            "printing a map or list ({walked}) in Go's %v form"
        ))),
    }
}

/// Kanister's argument rendering: every string in a tree of maps and lists is a template,
/// map keys included; other values pass through.
pub fn render_tree(value: &Value, data: &Value) -> Result<Value, RenderError> {
    Ok(match value {
        Value::String(s) => Value::String(render(s, data)?),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| render_tree(v, data))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                out.insert(render(k, data)?, render_tree(v, data)?);
            }
            Value::Object(out)
        }
        other => other.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_render_and_everything_else_is_refused() {
        let data = json!({"StatefulSet": {"Name": "db", "Namespace": "app"},
            "Phases": {"a": {"Output": {"n": 3, "s": "x"}}}, "Deployment": null});
        assert_eq!(
            render("{{ .StatefulSet.Namespace }}/{{.StatefulSet.Name}}!", &data).unwrap(),
            "app/db!"
        );
        assert_eq!(
            render("{{ .Phases.a.Output.n }}{{ .Phases.a.Output.s }}", &data).unwrap(),
            "3x"
        );
        assert_eq!(
            render("{{ .Phases.b.Output.s }}", &data),
            Err(RenderError::Failed("\"b\" not found".into()))
        );
        assert!(matches!(
            render("{{ .Deployment.Name }}", &data),
            Err(RenderError::Failed(m)) if m.contains("nil pointer")
        ));
        for bad in [
            "{{ index .Phases \"a\" }}",
            "{{ .StatefulSet.Name | upper }}",
            "{{- .StatefulSet.Name }}",
            "{{ .Phases.a }}",
            "{{ .StatefulSet.Name",
        ] {
            assert!(
                matches!(render(bad, &data), Err(RenderError::Unsupported(_))),
                "{bad}"
            );
        }
        assert_eq!(
            render_tree(
                &json!({"{{ .StatefulSet.Name }}": ["{{ .StatefulSet.Namespace }}", 1]}),
                &data
            )
            .unwrap(),
            json!({"db": ["app", 1]})
        );
    }
}
