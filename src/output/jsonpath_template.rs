//! kubectl's `-o jsonpath=` templates: literal text with `{…}` actions, where an action is a
//! JSONPath (`{.metadata.name}`), a quoted string (`{"\n"}`), or `{range PATH}…{end}` that runs
//! its body once per selected value, `@` and relative paths then meaning that value. A missing
//! field prints nothing, as `kubectl get` allows missing keys.

use serde_json::Value;

use crate::actionset::executor::jsonpath;

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Text(String),
    Path(String),
    Range(String, Vec<Node>),
}

/// A parsed `-o jsonpath=` template.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonPathTemplate {
    source: String,
    nodes: Vec<Node>,
}

impl JsonPathTemplate {
    pub fn parse(source: &str) -> Result<Self, String> {
        let mut stack: Vec<(String, Vec<Node>)> = vec![(String::new(), Vec::new())];
        let mut rest = source;
        while !rest.is_empty() {
            let Some(open) = rest.find('{') else {
                push(&mut stack, Node::Text(rest.to_string()));
                break;
            };
            if open > 0 {
                push(&mut stack, Node::Text(rest[..open].to_string()));
            }
            let close = closing_brace(&rest[open..])
                .ok_or_else(|| format!("unclosed action at {:?}", &rest[open..]))?;
            let action = rest[open + 1..open + close].trim();
            rest = &rest[open + close + 1..];
            if let Some(path) = action.strip_prefix("range ") {
                let path = relative(path.trim());
                check_path(&path)?;
                stack.push((path, Vec::new()));
            } else if action == "end" {
                if stack.len() < 2 {
                    return Err("{end} without a {range}".into());
                }
                let (path, body) = stack.pop().expect("checked above");
                push(&mut stack, Node::Range(path, body));
            } else if action.starts_with('"') {
                let text: String = serde_json::from_str(action)
                    .map_err(|e| format!("bad string literal {action}: {e}"))?;
                push(&mut stack, Node::Text(text));
            } else {
                let path = relative(action);
                check_path(&path)?;
                push(&mut stack, Node::Path(path));
            }
        }
        if stack.len() > 1 {
            return Err("{range} without an {end}".into());
        }
        let (_, nodes) = stack.pop().expect("the root frame");
        Ok(JsonPathTemplate {
            source: source.to_string(),
            nodes,
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn render(&self, object: &Value) -> Result<String, String> {
        let mut out = String::new();
        render(&self.nodes, object, &mut out)?;
        Ok(out)
    }
}

fn push(stack: &mut [(String, Vec<Node>)], node: Node) {
    stack.last_mut().expect("never empty").1.push(node);
}

/// The `}` closing the action that starts at `text[0] == '{'`, skipping quoted strings.
fn closing_brace(text: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '}' if !in_string => return Some(i),
            _ => {}
        }
    }
    None
}

/// `@.x` and `$.x` and `.x` all mean "from the current value" here.
fn relative(path: &str) -> String {
    path.strip_prefix('@').unwrap_or(path).to_string()
}

fn check_path(path: &str) -> Result<(), String> {
    jsonpath::select(&Value::Null, path, true)
        .map(|_| ())
        .map_err(|e| format!("{e}"))
}

fn render(nodes: &[Node], current: &Value, out: &mut String) -> Result<(), String> {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Path(path) => {
                let values = jsonpath::select(current, path, true).map_err(|e| format!("{e}"))?;
                let printed: Vec<String> = values.into_iter().map(jsonpath::print_value).collect();
                out.push_str(&printed.join(" "));
            }
            Node::Range(path, body) => {
                for value in jsonpath::select(current, path, true).map_err(|e| format!("{e}"))? {
                    render(body, value, out)?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn text_paths_literals_and_ranges() {
        let list = json!({"kind": "List", "items": [
            {"metadata": {"name": "a", "labels": {"app": "x"}}},
            {"metadata": {"name": "b"}}
        ]});
        let render = |t: &str| JsonPathTemplate::parse(t).unwrap().render(&list).unwrap();
        assert_eq!(render("{.items[*].metadata.name}"), "a b");
        assert_eq!(
            render(r#"{range .items[*]}{.metadata.name}{"\n"}{end}"#),
            "a\nb\n"
        );
        assert_eq!(
            render("kind={.kind} missing=[{.nope}]"),
            "kind=List missing=[]"
        );
        assert_eq!(render("{.items[0].metadata.labels}"), r#"{"app":"x"}"#);
        assert!(JsonPathTemplate::parse("{range .items[*]}x").is_err());
        assert!(JsonPathTemplate::parse("{end}").is_err());
        assert!(JsonPathTemplate::parse("{.a").is_err());
    }
}
