//! Static checks that Go only reports when a line executes: a function called with the wrong
//! number of arguments, or `nil` used as a command. Running them at validation time catches the
//! error even in a branch the test render did not take.

use std::collections::HashMap;

use super::error::{ErrorKind, TemplateError};
use super::parse::{Arg, Node, Pipe};

pub(crate) fn check(
    src: &str,
    root: &[Node],
    defines: &HashMap<String, Vec<Node>>,
) -> Vec<TemplateError> {
    let mut out = Vec::new();
    nodes(src, root, &mut out);
    let mut names: Vec<&String> = defines.keys().collect();
    names.sort();
    for name in names {
        nodes(src, &defines[name], &mut out);
    }
    out.sort_by_key(|e| (e.line, e.column));
    out
}

fn nodes(src: &str, list: &[Node], out: &mut Vec<TemplateError>) {
    for n in list {
        match n {
            Node::Text(_) | Node::Break | Node::Continue => {}
            Node::Action(p) => pipe(src, p, out),
            Node::If(b) | Node::With(b) | Node::Range(b) => {
                pipe(src, &b.pipe, out);
                nodes(src, &b.list, out);
                if let Some(e) = &b.else_list {
                    nodes(src, e, out);
                }
            }
            Node::Template { pipe: Some(p), .. } => pipe(src, p, out),
            Node::Template { pipe: None, .. } => {}
        }
    }
}

fn pipe(src: &str, p: &Pipe, out: &mut Vec<TemplateError>) {
    for (stage, cmd) in p.cmds.iter().enumerate() {
        let piped = usize::from(stage > 0);
        for (i, a) in cmd.args.iter().enumerate() {
            // A function heading a command gets its operands plus the piped value; a function
            // used as an operand is called with no arguments.
            let given = if i == 0 {
                cmd.args.len() - 1 + piped
            } else {
                0
            };
            arg(src, a, given, out);
        }
        if let Some(Arg::Nil(pos)) = cmd.args.first() {
            out.push(TemplateError::at(
                src,
                *pos,
                ErrorKind::Exec,
                "nil is not a command".into(),
            ));
        }
    }
}

fn arg(src: &str, a: &Arg, given: usize, out: &mut Vec<TemplateError>) {
    match a {
        Arg::Func { pos, def } => {
            let msg = if def.variadic && given < def.min {
                Some(format!("want at least {}", def.min))
            } else if !def.variadic && given != def.min {
                Some(format!("want {}", def.min))
            } else {
                None
            };
            if let Some(want) = msg {
                out.push(TemplateError::at(
                    src,
                    *pos,
                    ErrorKind::WrongArgCount,
                    format!("wrong number of args for {}: {want} got {given}", def.name),
                ));
            }
        }
        Arg::Pipe(p) => pipe(src, p, out),
        Arg::Chain { node, .. } => arg(src, node, 0, out),
        _ => {}
    }
}
