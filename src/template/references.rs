//! What a template refers to: functions and parameter paths with their positions, so a Blueprint
//! validator can flag unknown functions, phases referenced before they run, missing artifacts…

use std::collections::HashMap;
use std::fmt;

use super::error::line_col;
use super::parse::{Arg, Branch, Cmd, Node, Pipe, Segment};

/// Where a field path starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Root {
    /// The template's data: `.X` outside `with`/`range`, or `$.X`.
    Data,
    /// Dot rebound by `with`/`range` (or inside a `define`): relative to an unknown value.
    Dot,
    /// A variable other than `$`, e.g. `$x.a`.
    Variable(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferenceKind {
    /// A function call (built-in or sprig).
    Function(String),
    /// A field path such as `.Phases.backup.Output.s3path`. `via_index` marks trailing segments
    /// that came from `index <path> "literal"…` (missing keys there render a zero value instead
    /// of failing).
    Field {
        root: Root,
        path: Vec<String>,
        via_index: bool,
    },
}

/// One use of a function or parameter path, with its 1-based position in the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub kind: ReferenceKind,
    pub line: usize,
    pub column: usize,
}

impl Reference {
    /// The path as written in Go syntax (`.Phases.x.Output.y`, `$v.a`), or the function name.
    pub fn text(&self) -> String {
        match &self.kind {
            ReferenceKind::Function(name) => name.clone(),
            ReferenceKind::Field { root, path, .. } => {
                let mut out = match root {
                    Root::Data | Root::Dot => String::new(),
                    Root::Variable(v) => v.clone(),
                };
                for p in path {
                    out.push('.');
                    out.push_str(p);
                }
                if out.is_empty() { ".".into() } else { out }
            }
        }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.text())
    }
}

struct Collector<'s> {
    src: &'s str,
    out: Vec<Reference>,
}

pub(crate) fn collect(
    src: &str,
    root: &[Node],
    defines: &HashMap<String, Vec<Node>>,
) -> Vec<Reference> {
    let mut c = Collector {
        src,
        out: Vec::new(),
    };
    c.nodes(root, true);
    let mut names: Vec<&String> = defines.keys().collect();
    names.sort();
    for name in names {
        c.nodes(&defines[name], false);
    }
    c.out.sort_by_key(|r| (r.line, r.column));
    c.out
}

impl Collector<'_> {
    fn push(&mut self, pos: usize, kind: ReferenceKind) {
        let (line, column) = line_col(self.src, pos);
        self.out.push(Reference { kind, line, column });
    }

    fn nodes(&mut self, nodes: &[Node], dot_is_data: bool) {
        for n in nodes {
            match n {
                Node::Text(_) | Node::Break | Node::Continue => {}
                Node::Action(p) => self.pipe(p, dot_is_data),
                Node::If(b) => self.branch(b, dot_is_data, dot_is_data),
                Node::With(b) | Node::Range(b) => self.branch(b, false, dot_is_data),
                Node::Template { pipe, .. } => {
                    if let Some(p) = pipe {
                        self.pipe(p, dot_is_data);
                    }
                }
            }
        }
    }

    fn branch(&mut self, b: &Branch, body_dot_is_data: bool, dot_is_data: bool) {
        self.pipe(&b.pipe, dot_is_data);
        self.nodes(&b.list, body_dot_is_data);
        if let Some(e) = &b.else_list {
            self.nodes(e, dot_is_data);
        }
    }

    fn pipe(&mut self, p: &Pipe, dot_is_data: bool) {
        for c in &p.cmds {
            self.cmd(c, dot_is_data);
        }
    }

    fn cmd(&mut self, c: &Cmd, dot_is_data: bool) {
        // `index <path> "k1" "k2"` extends the path with literal keys.
        if let (Some(Arg::Func { def, .. }), Some(first)) = (c.args.first(), c.args.get(1))
            && def.name == "index"
            && c.args[2..]
                .iter()
                .all(|a| matches!(a, Arg::Str(..) | Arg::Num(..)))
            && c.args.len() > 2
            && let Some((root, mut path, pos)) = self.path_of(first, dot_is_data)
        {
            self.arg(&c.args[0], dot_is_data);
            for a in &c.args[2..] {
                match a {
                    Arg::Str(_, s) => path.push(s.clone()),
                    Arg::Num(_, n) => path.push(n.to_string()),
                    _ => {}
                }
            }
            self.arg_children(first, dot_is_data);
            self.push(
                pos,
                ReferenceKind::Field {
                    root,
                    path,
                    via_index: true,
                },
            );
            return;
        }
        for a in &c.args {
            self.arg(a, dot_is_data);
        }
    }

    fn path_of(&self, a: &Arg, dot_is_data: bool) -> Option<(Root, Vec<String>, usize)> {
        let names = |f: &[Segment]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        match a {
            Arg::Field { pos, fields } => Some((
                if dot_is_data { Root::Data } else { Root::Dot },
                names(fields),
                *pos,
            )),
            Arg::Var { pos, name, fields } => {
                let root = if name == "$" {
                    Root::Data
                } else {
                    Root::Variable(name.clone())
                };
                Some((root, names(fields), *pos))
            }
            _ => None,
        }
    }

    /// Sub-expressions of a path argument (only chains have any).
    fn arg_children(&mut self, a: &Arg, dot_is_data: bool) {
        if let Arg::Chain { node, .. } = a {
            self.arg(node, dot_is_data);
        }
    }

    fn arg(&mut self, a: &Arg, dot_is_data: bool) {
        match a {
            Arg::Func { pos, def } => {
                self.push(*pos, ReferenceKind::Function(def.name.to_string()))
            }
            Arg::Field { .. } | Arg::Var { .. } => {
                if let Some((root, path, pos)) = self.path_of(a, dot_is_data) {
                    self.push(
                        pos,
                        ReferenceKind::Field {
                            root,
                            path,
                            via_index: false,
                        },
                    );
                }
            }
            Arg::Chain { node, .. } => self.arg(node, dot_is_data),
            Arg::Pipe(p) => self.pipe(p, dot_is_data),
            Arg::Dot(_) | Arg::Nil(_) | Arg::Bool(..) | Arg::Str(..) | Arg::Num(..) => {}
        }
    }
}
