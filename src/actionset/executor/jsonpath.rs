//! The part of kubectl's JSONPath that Kanister's deprecated `Wait` function substitutes into
//! its conditions (`{ $.status.phase }`): fields (`.a`, `['a.b']`), `..a`, `*`, indexes and
//! slices (`[0]`, `[-1]`, `[1:3]`), unions (`['a','b']`) and filters (`[?(@.type=="Ready")]`).
//! Results print as kubectl prints them: strings bare, maps and lists as JSON, several results
//! separated by a space; a missing field is an error, as it is without `allowMissingKeys`.

use anyhow::{Result, anyhow, bail};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Field(String),
    Recursive(String),
    Wildcard,
    Index(i64),
    Slice(Option<i64>, Option<i64>),
    Union(Vec<String>),
    Filter(Filter),
}

#[derive(Debug, Clone, PartialEq)]
struct Filter {
    path: Vec<Step>,
    op: Option<(String, Value)>,
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.src[self.pos..].starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn name(&mut self) -> Result<String> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '/')
        {
            self.pos += self.peek().map_or(1, char::len_utf8);
        }
        if start == self.pos {
            bail!("expected a field name at {:?}", &self.src[start..]);
        }
        Ok(self.src[start..self.pos].to_string())
    }

    fn quoted(&mut self) -> Result<String> {
        let quote = self.peek().ok_or_else(|| anyhow!("unterminated string"))?;
        self.pos += 1;
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == quote {
                let s = self.src[start..self.pos].to_string();
                self.pos += 1;
                return Ok(s);
            }
            self.pos += c.len_utf8();
        }
        bail!("unterminated string in {:?}", self.src)
    }

    fn int(&mut self) -> Option<i64> {
        let start = self.pos;
        if self.peek() == Some('-') {
            self.pos += 1;
        }
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        match self.src[start..self.pos].parse() {
            Ok(n) => Some(n),
            Err(_) => {
                self.pos = start;
                None
            }
        }
    }

    /// Steps until the end of input or a character that cannot continue a path.
    fn steps(&mut self) -> Result<Vec<Step>> {
        let mut steps = Vec::new();
        loop {
            if self.eat("..") {
                if self.eat("*") {
                    steps.push(Step::Recursive("*".into()));
                } else {
                    steps.push(Step::Recursive(self.name()?));
                }
            } else if self.eat(".") {
                if self.eat("*") {
                    steps.push(Step::Wildcard);
                } else if self.peek() == Some('[') || self.peek().is_none() {
                    continue;
                } else {
                    steps.push(Step::Field(self.name()?));
                }
            } else if self.eat("[") {
                self.skip_ws();
                steps.push(self.bracket()?);
                self.skip_ws();
                if !self.eat("]") {
                    bail!("expected ] at {:?}", &self.src[self.pos..]);
                }
            } else {
                return Ok(steps);
            }
        }
    }

    fn bracket(&mut self) -> Result<Step> {
        if self.eat("*") {
            return Ok(Step::Wildcard);
        }
        if self.eat("?(") {
            self.skip_ws();
            if !self.eat("@") {
                bail!("a filter starts with @: {:?}", self.src);
            }
            let path = self.steps()?;
            self.skip_ws();
            let mut op = None;
            for o in ["==", "!=", "<=", ">=", "<", ">"] {
                if self.eat(o) {
                    self.skip_ws();
                    let literal = match self.peek() {
                        Some('"' | '\'') => Value::String(self.quoted()?),
                        _ => {
                            let start = self.pos;
                            while self.peek().is_some_and(|c| c != ')' && !c.is_whitespace()) {
                                self.pos += 1;
                            }
                            let text = &self.src[start..self.pos];
                            serde_json::from_str(text)
                                .map_err(|_| anyhow!("bad filter value {text:?}"))?
                        }
                    };
                    op = Some((o.to_string(), literal));
                    break;
                }
            }
            self.skip_ws();
            if !self.eat(")") {
                bail!("expected ) in filter {:?}", self.src);
            }
            return Ok(Step::Filter(Filter { path, op }));
        }
        if matches!(self.peek(), Some('"' | '\'')) {
            let mut names = vec![self.quoted()?];
            loop {
                self.skip_ws();
                if !self.eat(",") {
                    break;
                }
                self.skip_ws();
                names.push(self.quoted()?);
            }
            return Ok(if names.len() == 1 {
                Step::Field(names.remove(0))
            } else {
                Step::Union(names)
            });
        }
        let start = self.int();
        if self.eat(":") {
            let end = self.int();
            return Ok(Step::Slice(start, end));
        }
        start
            .map(Step::Index)
            .ok_or_else(|| anyhow!("unsupported subscript at {:?}", &self.src[self.pos..]))
    }
}

fn parse(path: &str) -> Result<Vec<Step>> {
    let mut p = Parser { src: path, pos: 0 };
    p.skip_ws();
    p.eat("$");
    let steps = p.steps()?;
    p.skip_ws();
    if p.pos != path.len() {
        bail!("unexpected {:?} in JSONPath {path:?}", &path[p.pos..]);
    }
    Ok(steps)
}

fn descend<'v>(v: &'v Value, name: &str, out: &mut Vec<&'v Value>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                if name == "*" || k == name {
                    out.push(child);
                }
                descend(child, name, out);
            }
        }
        Value::Array(items) => {
            for child in items {
                descend(child, name, out);
            }
        }
        _ => {}
    }
}

fn compare(left: &Value, op: &str, right: &Value) -> bool {
    let ordering = match (left, right) {
        (Value::Number(a), Value::Number(b)) => a.as_f64().partial_cmp(&b.as_f64()),
        (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
        (a, b) => (a == b).then_some(std::cmp::Ordering::Equal),
    };
    match op {
        "==" => ordering == Some(std::cmp::Ordering::Equal),
        "!=" => ordering != Some(std::cmp::Ordering::Equal),
        "<" => ordering == Some(std::cmp::Ordering::Less),
        "<=" => matches!(
            ordering,
            Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)
        ),
        ">" => ordering == Some(std::cmp::Ordering::Greater),
        ">=" => matches!(
            ordering,
            Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)
        ),
        _ => false,
    }
}

fn eval<'v>(steps: &[Step], root: &'v Value, strict: bool) -> Result<Vec<&'v Value>> {
    let mut current = vec![root];
    for step in steps {
        let mut next = Vec::new();
        for v in current {
            match step {
                Step::Field(name) => match v.get(name) {
                    Some(child) => next.push(child),
                    None if strict => bail!("{name} is not found"),
                    None => {}
                },
                Step::Union(names) => {
                    for name in names {
                        match v.get(name) {
                            Some(child) => next.push(child),
                            None if strict => bail!("{name} is not found"),
                            None => {}
                        }
                    }
                }
                Step::Recursive(name) => descend(v, name, &mut next),
                Step::Wildcard => match v {
                    Value::Object(m) => next.extend(m.values()),
                    Value::Array(items) => next.extend(items.iter()),
                    _ => {}
                },
                Step::Index(i) => {
                    let items = v
                        .as_array()
                        .ok_or_else(|| anyhow!("cannot index a non-list with [{i}]"))?;
                    let len = items.len() as i64;
                    let at = if *i < 0 { len + i } else { *i };
                    if at < 0 || at >= len {
                        bail!("array index out of bounds: index {i}, length {len}");
                    }
                    next.push(&items[at as usize]);
                }
                Step::Slice(start, end) => {
                    let items = v
                        .as_array()
                        .ok_or_else(|| anyhow!("cannot slice a non-list"))?;
                    let len = items.len() as i64;
                    let clamp = |x: i64| {
                        let x = if x < 0 { len + x } else { x };
                        x.clamp(0, len) as usize
                    };
                    let (s, e) = (clamp(start.unwrap_or(0)), clamp(end.unwrap_or(len)));
                    if s < e {
                        next.extend(items[s..e].iter());
                    }
                }
                Step::Filter(filter) => {
                    let candidates: Vec<&Value> = match v {
                        Value::Array(items) => items.iter().collect(),
                        other => vec![other],
                    };
                    for item in candidates {
                        let found = eval(&filter.path, item, false)?;
                        let keep = match &filter.op {
                            None => !found.is_empty(),
                            Some((op, literal)) => found.iter().any(|f| compare(f, op, literal)),
                        };
                        if keep {
                            next.push(item);
                        }
                    }
                }
            }
        }
        current = next;
    }
    Ok(current)
}

fn print(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Object(_) | Value::Array(_) => v.to_string(),
        other => other.to_string(),
    }
}

/// Evaluates one JSONPath expression (without the surrounding braces) against `object` and
/// prints the results as kubectl does.
pub fn resolve_to_string(object: &Value, path: &str) -> Result<String> {
    let steps = parse(path)?;
    let results = eval(&steps, object, true)?;
    Ok(results.into_iter().map(print).collect::<Vec<_>>().join(" "))
}

/// Every value `path` selects in `object`; with `allow_missing` a missing field selects nothing
/// (what `kubectl get -o jsonpath` does) instead of being an error. For `-o jsonpath` templates.
pub fn select<'v>(object: &'v Value, path: &str, allow_missing: bool) -> Result<Vec<&'v Value>> {
    eval(&parse(path)?, object, !allow_missing)
}

/// One selected value as kubectl prints it: strings bare, maps and lists as JSON.
pub fn print_value(v: &Value) -> String {
    print(v)
}

/// Kanister's `Wait` substitution: every `{ $...}` in `condition` replaced by the JSONPath's
/// value in `object` (the brace-enclosed text after `$`, trimmed).
pub fn substitute(condition: &str, object: &Value) -> Result<String> {
    let re = regex::Regex::new(r"\{\s*\$([^}]*)\}").expect("valid regex");
    let mut out = String::with_capacity(condition.len());
    let mut last = 0;
    for c in re.captures_iter(condition) {
        let whole = c.get(0).expect("match");
        out.push_str(&condition[last..whole.start()]);
        out.push_str(&resolve_to_string(object, c[1].trim())?);
        last = whole.end();
    }
    out.push_str(&condition[last..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pod() -> Value {
        json!({"metadata": {"name": "p", "labels": {"app.kubernetes.io/name": "db"}},
               "spec": {"containers": [{"name": "a"}, {"name": "b"}]},
               "status": {"phase": "Running", "replicas": 3, "ready": true,
                 "conditions": [{"type": "Ready", "status": "True"},
                                {"type": "Initialized", "status": "False"}]}})
    }

    #[test]
    fn paths_print_like_kubectl() {
        let p = pod();
        assert_eq!(resolve_to_string(&p, ".status.phase").unwrap(), "Running");
        assert_eq!(resolve_to_string(&p, "$.status.replicas").unwrap(), "3");
        assert_eq!(resolve_to_string(&p, ".status.ready").unwrap(), "true");
        assert_eq!(
            resolve_to_string(&p, ".spec.containers[*].name").unwrap(),
            "a b"
        );
        assert_eq!(
            resolve_to_string(&p, ".spec.containers[-1].name").unwrap(),
            "b"
        );
        assert_eq!(
            resolve_to_string(&p, ".spec.containers[0:1].name").unwrap(),
            "a"
        );
        assert_eq!(
            resolve_to_string(&p, ".status.conditions[?(@.type==\"Ready\")].status").unwrap(),
            "True"
        );
        assert_eq!(
            resolve_to_string(&p, ".metadata.labels['app.kubernetes.io/name']").unwrap(),
            "db"
        );
        assert_eq!(resolve_to_string(&p, "..name").unwrap(), "p a b");
        assert_eq!(
            resolve_to_string(&p, ".metadata.labels").unwrap(),
            r#"{"app.kubernetes.io/name":"db"}"#
        );
        assert_eq!(
            resolve_to_string(&p, ".status.missing")
                .unwrap_err()
                .to_string(),
            "missing is not found"
        );
        assert!(resolve_to_string(&p, ".spec.containers[5]").is_err());
    }

    #[test]
    fn conditions_substitute_every_reference() {
        let es = json!({"status": {"health": "green"}});
        let condition = r#"{{ if or (eq "{ $.status.health }" "green") (eq "{$.status.health}" "yellow") }}true{{ else }}false{{ end }}"#;
        assert_eq!(
            substitute(condition, &es).unwrap(),
            r#"{{ if or (eq "green" "green") (eq "green" "yellow") }}true{{ else }}false{{ end }}"#
        );
        assert!(substitute("{$.status.nope}", &es).is_err());
    }
}
