//! A YAML document kept with the position of every node, so that each finding can point at
//! `FILE:LINE:COL`, including a position inside a multi-line template held in a `|` block or a
//! quoted scalar. Scalars resolve the way `kubectl apply` reads YAML (go-yaml v2 rules, where
//! `yes`/`on` are booleans), so what we validate is what the API server will store.

use serde_json::{Map, Number, Value};
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span};

/// A 1-based line and column, counted in characters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeValue {
    Scalar {
        text: String,
        style: ScalarStyle,
        /// An explicit `!!str` (or other core) tag suffix, which overrides resolution.
        tag: Option<String>,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: NodeValue,
    pub pos: Pos,
    /// Character offsets of the node in the source (end exclusive).
    pub start: usize,
    pub end: usize,
}

/// What a scalar resolves to, as `kubectl apply` would send it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarType {
    Null,
    Bool,
    Int,
    Float,
    String,
}

impl Node {
    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            NodeValue::Map(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            NodeValue::Seq(items) => Some(items),
            _ => None,
        }
    }

    /// The scalar's text, whatever it resolves to.
    pub fn as_scalar(&self) -> Option<&str> {
        match &self.value {
            NodeValue::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The scalar's text when it resolves to a string.
    pub fn as_str(&self) -> Option<&str> {
        match self.scalar_type() {
            Some(ScalarType::String) => self.as_scalar(),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.as_scalar() == Some(key))
            .map(|(_, v)| v)
    }

    /// The key node of `key`, for findings about the key itself.
    pub fn key_node(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.as_scalar() == Some(key))
            .map(|(k, _)| k)
    }

    pub fn is_null(&self) -> bool {
        self.scalar_type() == Some(ScalarType::Null)
    }

    pub fn scalar_type(&self) -> Option<ScalarType> {
        let NodeValue::Scalar { text, style, tag } = &self.value else {
            return None;
        };
        if let Some(tag) = tag {
            return Some(match tag.as_str() {
                "null" => ScalarType::Null,
                "bool" => ScalarType::Bool,
                "int" => ScalarType::Int,
                "float" => ScalarType::Float,
                _ => ScalarType::String,
            });
        }
        if *style != ScalarStyle::Plain {
            return Some(ScalarType::String);
        }
        Some(resolve_plain(text).0)
    }

    /// What a YAML-to-JSON conversion (`kubectl apply`) produces for this node.
    pub fn to_json(&self) -> Value {
        match &self.value {
            NodeValue::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            NodeValue::Map(entries) => {
                let mut map = Map::new();
                for (k, v) in entries {
                    let key = match k.to_json() {
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    map.insert(key, v.to_json());
                }
                Value::Object(map)
            }
            NodeValue::Scalar { text, .. } => match self.scalar_type() {
                Some(ScalarType::String) | None => Value::String(text.clone()),
                Some(_) => resolve_plain(text)
                    .1
                    .unwrap_or_else(|| Value::String(text.clone())),
            },
        }
    }

    /// A short description of the node's type for messages ("a list", "a string", …).
    pub fn describe(&self) -> &'static str {
        match &self.value {
            NodeValue::Seq(_) => "a list",
            NodeValue::Map(_) => "a mapping",
            NodeValue::Scalar { .. } => match self.scalar_type() {
                Some(ScalarType::Null) => "null",
                Some(ScalarType::Bool) => "a boolean",
                Some(ScalarType::Int) => "an integer",
                Some(ScalarType::Float) => "a number",
                _ => "a string",
            },
        }
    }
}

/// go-yaml v2's resolution of a plain scalar.
fn resolve_plain(text: &str) -> (ScalarType, Option<Value>) {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return (ScalarType::Null, Some(Value::Null)),
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "true" | "True" | "TRUE" => {
            return (ScalarType::Bool, Some(Value::Bool(true)));
        }
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" | "false" | "False" | "FALSE" => {
            return (ScalarType::Bool, Some(Value::Bool(false)));
        }
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF"
        | ".nan" | ".NaN" | ".NAN" => {
            // JSON cannot hold these; the API server would refuse them anyway.
            return (ScalarType::Float, None);
        }
        _ => {}
    }
    let first = text.as_bytes()[0];
    if !(first.is_ascii_digit() || first == b'-' || first == b'+' || first == b'.') {
        return (ScalarType::String, None);
    }
    let plain: String = text.chars().filter(|&c| c != '_').collect();
    let (negative, digits) = match plain.as_bytes()[0] {
        b'-' => (true, &plain[1..]),
        b'+' => (false, &plain[1..]),
        _ => (false, plain.as_str()),
    };
    let parsed = if let Some(hex) = digits.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).ok()
    } else if let Some(bin) = digits.strip_prefix("0b") {
        i64::from_str_radix(bin, 2).ok()
    } else if digits.len() > 1
        && digits.starts_with('0')
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        i64::from_str_radix(&digits[1..], 8).ok()
    } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse::<i64>().ok()
    } else {
        None
    };
    if let Some(n) = parsed {
        let n = if negative { -n } else { n };
        return (ScalarType::Int, Some(Value::Number(n.into())));
    }
    let is_float = digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'));
    if is_float && let Ok(f) = plain.parse::<f64>() {
        return (ScalarType::Float, Number::from_f64(f).map(Value::Number));
    }
    (ScalarType::String, None)
}

/// A syntax error, with where it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// A parsed YAML document and its source text.
#[derive(Debug, Clone)]
pub struct SourceDoc {
    pub root: Node,
    chars: Vec<char>,
    /// Character index where each line starts.
    line_starts: Vec<usize>,
}

impl SourceDoc {
    /// Parses one YAML document. An empty input or a second document is an error: a Blueprint
    /// file holds exactly one Blueprint.
    pub fn parse(text: &str) -> Result<SourceDoc, SyntaxError> {
        let mut builder = Builder {
            unterminated_end: (!text.is_empty() && !text.ends_with('\n'))
                .then(|| text.trim_end().chars().count()),
            ..Builder::default()
        };
        let mut documents = 0;
        for event in Parser::new_from_str(text) {
            let (event, span) = event.map_err(|e| SyntaxError {
                pos: Pos {
                    line: e.marker().line(),
                    col: e.marker().col() + 1,
                },
                message: e.info(),
            })?;
            if let Event::DocumentStart(..) = event {
                documents += 1;
                if documents > 1 {
                    return Err(SyntaxError {
                        pos: pos_of(&span),
                        message: "a second YAML document: put one Blueprint per file".into(),
                    });
                }
            }
            builder.event(event, span)?;
        }
        let root = builder.root.ok_or_else(|| SyntaxError {
            pos: Pos { line: 1, col: 1 },
            message: "the file is empty".into(),
        })?;
        let chars: Vec<char> = text.chars().collect();
        let line_starts = std::iter::once(0)
            .chain(
                chars
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c == '\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Ok(SourceDoc {
            root,
            chars,
            line_starts,
        })
    }

    /// Where the character at `offset` (counted in characters of the scalar's *value*) is in
    /// the source. Templates live in scalar values; a template error at template line:col is
    /// mapped through here, accounting for quotes, escapes, folding and block indentation.
    pub fn value_pos(&self, node: &Node, offset: usize) -> Pos {
        let NodeValue::Scalar { text, style, .. } = &node.value else {
            return node.pos;
        };
        let index = self.align(text, *style, node, offset);
        self.pos_at(index)
    }

    /// Like [`value_pos`](Self::value_pos) with a 1-based line and column inside the value.
    pub fn value_line_col(&self, node: &Node, line: usize, col: usize) -> Pos {
        let NodeValue::Scalar { text, .. } = &node.value else {
            return node.pos;
        };
        let mut offset = 0;
        for (i, value_line) in text.split('\n').enumerate() {
            if i + 1 == line.max(1) {
                offset += col.saturating_sub(1).min(value_line.chars().count());
                return self.value_pos(node, offset);
            }
            offset += value_line.chars().count() + 1;
        }
        self.value_pos(node, offset.saturating_sub(1))
    }

    fn pos_at(&self, index: usize) -> Pos {
        let index = index.min(self.chars.len());
        let line = self.line_starts.partition_point(|&start| start <= index);
        Pos {
            line,
            col: index - self.line_starts[line - 1] + 1,
        }
    }

    /// Walks the value and the source side by side and returns the source index of value
    /// character `offset`. Template text is copied verbatim by every scalar style, so a greedy
    /// alignment that understands escapes, doubled quotes and folded whitespace is exact for
    /// the characters a template error can point at.
    fn align(&self, text: &str, style: ScalarStyle, node: &Node, offset: usize) -> usize {
        let src = &self.chars;
        let end = node.end.min(src.len());
        let mut s = node.start.min(end);
        // Quoted scalars' spans include the opening quote; block scalars' spans start at their
        // content, after the `|`/`>` header.
        if matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted)
            && s < end
            && matches!(src[s], '\'' | '"')
        {
            s += 1;
        }
        for (i, v) in text.chars().enumerate() {
            if s >= end {
                return end.saturating_sub(1).max(node.start);
            }
            if style == ScalarStyle::DoubleQuoted {
                // An escaped line break yields no character: skip it and the next indentation.
                while s + 1 < end && src[s] == '\\' && matches!(src[s + 1], '\n' | '\r') {
                    s += escape_len(&src[s..end]);
                    while s < end && matches!(src[s], ' ' | '\t' | '\n') {
                        s += 1;
                    }
                }
                if s >= end {
                    return end.saturating_sub(1).max(node.start);
                }
            }
            let here;
            if style == ScalarStyle::DoubleQuoted && src[s] == '\\' {
                here = s;
                s += escape_len(&src[s..end]);
            } else if v.is_whitespace() {
                here = s;
                if src[s].is_whitespace() {
                    s += 1;
                }
            } else {
                while s < end && src[s] != v && src[s].is_whitespace() {
                    s += 1;
                }
                if s < end && src[s] != v {
                    // Out of step (a construct we don't model): resynchronise on the next match.
                    if let Some(found) = (s..end).find(|&j| src[j] == v) {
                        s = found;
                    }
                }
                here = s.min(end.saturating_sub(1));
                s += 1;
                if style == ScalarStyle::SingleQuoted && v == '\'' && s < end && src[s] == '\'' {
                    s += 1;
                }
            }
            if i == offset {
                return here;
            }
        }
        s.min(end)
    }
}

/// Length in source characters of the escape sequence starting at `src[0] == '\\'`.
fn escape_len(src: &[char]) -> usize {
    match src.get(1) {
        Some('x') => 4,
        Some('u') => 6,
        Some('U') => 10,
        Some('\r') if src.get(2) == Some(&'\n') => 3,
        Some(_) => 2,
        None => 1,
    }
}

fn pos_of(span: &Span) -> Pos {
    Pos {
        line: span.start.line(),
        col: span.start.col() + 1,
    }
}

enum Frame {
    Seq(Node, Vec<Node>),
    Map(Node, Vec<(Node, Node)>, Option<Node>),
}

#[derive(Default)]
struct Builder {
    stack: Vec<(Frame, usize)>,
    anchors: std::collections::HashMap<usize, Node>,
    root: Option<Node>,
    /// Character index just past the last non-whitespace character, when the file does not
    /// end with a line break: a block scalar reaching there has no final line break to keep.
    unterminated_end: Option<usize>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), SyntaxError> {
        let start = span.start.index();
        let shell = |value| Node {
            value,
            pos: pos_of(&span),
            start,
            end: span.end.index(),
        };
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let tag = tag
                    .filter(|t| t.is_yaml_core_schema())
                    .map(|t| t.suffix().to_string());
                let mut text = text.into_owned();
                // A `|` or `>` block ending the file without a line break: its last line has
                // none, so the value ends without one (as Go's YAML parser, hence Kanister,
                // reads it); the parser here adds one.
                if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded)
                    && self
                        .unterminated_end
                        .is_some_and(|end| span.end.index() >= end)
                    && text.ends_with('\n')
                {
                    text.pop();
                }
                let node = shell(NodeValue::Scalar { text, style, tag });
                self.finish(node, anchor);
            }
            Event::SequenceStart(_, anchor, _) => self.stack.push((
                Frame::Seq(shell(NodeValue::Seq(Vec::new())), Vec::new()),
                anchor,
            )),
            Event::MappingStart(_, anchor, _) => self.stack.push((
                Frame::Map(shell(NodeValue::Map(Vec::new())), Vec::new(), None),
                anchor,
            )),
            Event::SequenceEnd | Event::MappingEnd => {
                let Some((frame, anchor)) = self.stack.pop() else {
                    return Ok(());
                };
                let node = match frame {
                    Frame::Seq(mut node, items) => {
                        node.end = node.end.max(span.end.index());
                        node.value = NodeValue::Seq(items);
                        node
                    }
                    Frame::Map(mut node, entries, _) => {
                        node.end = node.end.max(span.end.index());
                        node.value = NodeValue::Map(entries);
                        node
                    }
                };
                self.finish(node, anchor);
            }
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id).cloned() else {
                    return Err(SyntaxError {
                        pos: pos_of(&span),
                        message: "alias to an unknown anchor".into(),
                    });
                };
                let node = Node {
                    pos: pos_of(&span),
                    ..target
                };
                self.finish(node, 0);
            }
            _ => {}
        }
        Ok(())
    }

    fn finish(&mut self, node: Node, anchor: usize) {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some((Frame::Seq(_, items), _)) => items.push(node),
            Some((Frame::Map(_, entries, pending), _)) => match pending.take() {
                None => *pending = Some(node),
                Some(key) => entries.push((key, node)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> SourceDoc {
        SourceDoc::parse(text).unwrap()
    }

    #[test]
    fn positions_of_nodes() {
        let d = doc("a:\n  b: [1, two]\n  c: x\n");
        let b = d.root.get("a").unwrap().get("b").unwrap();
        assert_eq!(b.pos, Pos { line: 2, col: 6 });
        assert_eq!(b.as_seq().unwrap()[1].pos, Pos { line: 2, col: 10 });
        assert_eq!(
            d.root.get("a").unwrap().key_node("c").unwrap().pos,
            Pos { line: 3, col: 3 }
        );
    }

    #[test]
    fn resolution_follows_kubectl() {
        let d = doc("a: yes\nb: '1'\nc: 010\nd: 1.5\ne: ~\nf: 0x1F\ng: hello\nh: !!str 12\n");
        let j = d.root.to_json();
        assert_eq!(
            j,
            serde_json::json!({"a": true, "b": "1", "c": 8, "d": 1.5, "e": null,
                               "f": 31, "g": "hello", "h": "12"})
        );
    }

    #[test]
    fn template_positions_inside_a_literal_block() {
        let text = "cmd: |\n  echo one\n    two {{ .X }}\n";
        let d = doc(text);
        let node = d.root.get("cmd").unwrap();
        // value line 2 is "  two {{ .X }}": "{{" at value column 7.
        assert_eq!(d.value_line_col(node, 2, 7), Pos { line: 3, col: 9 });
        assert_eq!(d.value_line_col(node, 1, 1), Pos { line: 2, col: 3 });
    }

    #[test]
    fn template_positions_inside_quoted_and_folded_scalars() {
        let d = doc("a: 'it''s {{ .X }}'\nb: \"\\t{{ .Y }}\"\nc: >\n  one\n  two {{ .Z }}\n");
        let a = d.root.get("a").unwrap();
        assert_eq!(d.value_line_col(a, 1, 6), Pos { line: 1, col: 11 });
        let b = d.root.get("b").unwrap();
        assert_eq!(d.value_line_col(b, 1, 2), Pos { line: 2, col: 7 });
        let c = d.root.get("c").unwrap();
        // Folded: "one two {{ .Z }}\n" — "{{" is value column 9.
        assert_eq!(d.value_line_col(c, 1, 9), Pos { line: 5, col: 7 });
    }

    #[test]
    fn plain_multi_line_scalar() {
        let d = doc("a: one\n  two {{ .Z }}\n");
        let a = d.root.get("a").unwrap();
        assert_eq!(a.as_scalar(), Some("one two {{ .Z }}"));
        assert_eq!(d.value_line_col(a, 1, 9), Pos { line: 2, col: 7 });
    }

    #[test]
    fn syntax_errors_and_extra_documents() {
        let e = SourceDoc::parse("a: [1, 2\nb: c\n").unwrap_err();
        assert!(e.pos.line >= 1);
        let e = SourceDoc::parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!(e.pos.line, 2);
        assert!(SourceDoc::parse("").is_err());
    }

    #[test]
    fn aliases_are_expanded() {
        let d = doc("a: &x {k: v}\nb: *x\n");
        assert_eq!(
            d.root.get("b").unwrap().get("k").unwrap().as_str(),
            Some("v")
        );
    }
}
