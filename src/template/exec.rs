//! The evaluator: walks the parsed tree with Go `text/template` semantics (`missingkey=error`,
//! pipelines passing the previous value as the last argument, Go printing, variable scoping).

use std::collections::HashMap;

use super::error::{ErrorKind, TemplateError};
use super::funcs::{FnError, FuncDef, Imp};
use super::gofmt::write_value;
use super::parse::{Arg, Branch, Cmd, Node, Pipe, Segment};
use super::value::{
    Value, View, byte_value, deref, int_like, int_stringer, is_true, type_name, view,
};

/// `{{template}}` nesting limit (Go allows 100000, which would overflow a Rust thread's stack
/// long before; real templates nest a handful of levels).
const MAX_DEPTH: usize = 100;

pub(crate) struct Exec<'t> {
    pub src: &'t str,
    pub defines: &'t HashMap<String, Vec<Node>>,
    pub vars: Vec<(String, Value)>,
    pub out: String,
    pub depth: usize,
    /// Go's `missingkey=default` (kubectl's `-o go-template`) instead of Kanister's `error`.
    pub missing_key_is_zero: bool,
}

#[derive(PartialEq, Eq)]
pub(crate) enum Flow {
    Normal,
    Break,
    Continue,
}

type R<T> = Result<T, TemplateError>;

impl<'t> Exec<'t> {
    fn err(&self, pos: usize, kind: ErrorKind, msg: String) -> TemplateError {
        TemplateError::at(self.src, pos, kind, msg)
    }

    /// The source text of a node, for `at <…>` context in messages.
    fn context(&self, start: usize, end: usize) -> String {
        let end = end.min(self.src.len()).max(start);
        let text = self.src.get(start..end).unwrap_or("").trim();
        if text.chars().count() > 60 {
            let short: String = text.chars().take(60).collect();
            format!("{short}...")
        } else {
            text.to_string()
        }
    }

    pub fn walk(&mut self, dot: &Value, nodes: &[Node]) -> R<Flow> {
        for node in nodes {
            let flow = match node {
                Node::Text(t) => {
                    self.out.push_str(t);
                    Flow::Normal
                }
                Node::Action(pipe) => {
                    let v = self.eval_pipeline(dot, pipe)?;
                    if pipe.decl.is_empty() {
                        self.print(&v);
                    }
                    Flow::Normal
                }
                Node::If(b) => self.walk_if_with(dot, b, false)?,
                Node::With(b) => self.walk_if_with(dot, b, true)?,
                Node::Range(b) => self.walk_range(dot, b)?,
                Node::Template { pos, name, pipe } => {
                    self.walk_template(dot, *pos, name, pipe.as_ref())?;
                    Flow::Normal
                }
                Node::Break => Flow::Break,
                Node::Continue => Flow::Continue,
            };
            if flow != Flow::Normal {
                return Ok(flow);
            }
        }
        Ok(Flow::Normal)
    }

    /// Go's `printValue`: nil prints `<no value>`, pointers are followed.
    fn print(&mut self, v: &Value) {
        match view(v) {
            View::Nil => self.out.push_str("<no value>"),
            View::Str(s) => self.out.push_str(s),
            _ => write_value(&mut self.out, deref(v)),
        }
    }

    fn walk_if_with(&mut self, dot: &Value, b: &Branch, with: bool) -> R<Flow> {
        let mark = self.vars.len();
        let v = self.eval_pipeline(dot, &b.pipe)?;
        let flow = if is_true(&v) {
            if with {
                self.walk(&v, &b.list)?
            } else {
                self.walk(dot, &b.list)?
            }
        } else if let Some(e) = &b.else_list {
            self.walk(dot, e)?
        } else {
            Flow::Normal
        };
        self.vars.truncate(mark);
        Ok(flow)
    }

    fn walk_range(&mut self, dot: &Value, b: &Branch) -> R<Flow> {
        let mark0 = self.vars.len();
        let v = self.eval_pipeline(dot, &b.pipe)?;
        let v = deref(&v).clone();
        let mark = self.vars.len();
        // Index/element pairs; `range N` (Go 1.22) is generated lazily.
        let items: Box<dyn Iterator<Item = (Value, Value)> + '_> = match view(&v) {
            View::List(l) => Box::new(
                l.iter()
                    .cloned()
                    .enumerate()
                    .map(|(i, x)| (Value::from(i as i64), x)),
            ),
            View::Bytes(bs) => Box::new(
                bs.iter()
                    .copied()
                    .enumerate()
                    .map(|(i, x)| (Value::from(i as i64), byte_value(x))),
            ),
            View::Map(m) => Box::new(m.pairs().into_iter().map(|(k, x)| (Value::from(k), x))),
            // Go yields the integer's own type (`range (int64 3)` gives int64s).
            View::Int(n) => {
                let like = v.clone();
                Box::new((0..n.max(0)).map(move |i| (int_like(&like, i), int_like(&like, i))))
            }
            View::Nil | View::NilPtr(_) => Box::new(std::iter::empty()),
            _ => {
                let pos = b.pipe.pos;
                return Err(self.err(
                    pos,
                    ErrorKind::Exec,
                    format!(
                        "range can't iterate over {}",
                        super::gofmt::sprint_value(&v)
                    ),
                ));
            }
        };
        let mut iterated = false;
        for (index, elem) in items {
            iterated = true;
            let decl = &b.pipe.decl;
            if !decl.is_empty() {
                if b.pipe.is_assign {
                    if decl.len() > 1 {
                        self.set_var(&decl[0].0, index);
                        self.set_var(&decl[1].0, elem.clone());
                    } else {
                        self.set_var(&decl[0].0, elem.clone());
                    }
                } else {
                    let n = self.vars.len();
                    self.vars[n - 1].1 = elem.clone();
                    if decl.len() > 1 {
                        self.vars[n - 2].1 = index;
                    }
                }
            }
            let flow = self.walk(&elem, &b.list)?;
            self.vars.truncate(mark);
            if flow == Flow::Break {
                break;
            }
        }
        if !iterated && let Some(e) = &b.else_list {
            let flow = self.walk(dot, e)?;
            self.vars.truncate(mark0);
            return Ok(flow);
        }
        self.vars.truncate(mark0);
        Ok(Flow::Normal)
    }

    fn walk_template(&mut self, dot: &Value, pos: usize, name: &str, pipe: Option<&Pipe>) -> R<()> {
        let Some(body) = self.defines.get(name) else {
            return Err(self.err(
                pos,
                ErrorKind::Exec,
                format!("no template {name:?} defined"),
            ));
        };
        if self.depth >= MAX_DEPTH {
            return Err(self.err(
                pos,
                ErrorKind::Exec,
                format!("exceeded maximum template depth ({MAX_DEPTH})"),
            ));
        }
        let new_dot = match pipe {
            Some(p) => self.eval_pipeline(dot, p)?,
            None => Value::from(()),
        };
        let saved = std::mem::replace(&mut self.vars, vec![("$".to_string(), new_dot.clone())]);
        self.depth += 1;
        let res = self.walk(&new_dot, body);
        self.depth -= 1;
        self.vars = saved;
        res.map(|_| ())
    }

    fn set_var(&mut self, name: &str, v: Value) {
        if let Some(slot) = self.vars.iter_mut().rev().find(|(n, _)| n == name) {
            slot.1 = v;
        }
    }

    fn var(&self, name: &str, pos: usize) -> R<Value> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| {
                self.err(
                    pos,
                    ErrorKind::UndefinedVariable,
                    format!("undefined variable: {name}"),
                )
            })
    }

    pub fn eval_pipeline(&mut self, dot: &Value, pipe: &Pipe) -> R<Value> {
        let mut value: Option<Value> = None;
        for cmd in &pipe.cmds {
            value = Some(self.eval_command(dot, cmd, value)?);
        }
        let value = value.unwrap_or_else(|| Value::from(()));
        for (name, _) in &pipe.decl {
            if pipe.is_assign {
                self.set_var(name, value.clone());
            } else {
                self.vars.push((name.clone(), value.clone()));
            }
        }
        Ok(value)
    }

    fn not_a_function(&self, cmd: &Cmd, has_final: bool) -> R<()> {
        if cmd.args.len() > 1 || has_final {
            let first = &cmd.args[0];
            let end = cmd.args.get(1).map_or(cmd.end, |a| a.pos());
            return Err(self.err(
                first.pos(),
                ErrorKind::Exec,
                format!(
                    "can't give argument to non-function {}",
                    self.context(first.pos(), end)
                ),
            ));
        }
        Ok(())
    }

    fn eval_command(&mut self, dot: &Value, cmd: &Cmd, fin: Option<Value>) -> R<Value> {
        let first = &cmd.args[0];
        match first {
            Arg::Field { pos, fields } => {
                self.eval_chain(dot, dot.clone(), *pos, fields, Some(cmd), fin, true)
            }
            Arg::Chain { node, fields, pos } => {
                let recv = self.eval_arg(dot, node)?;
                self.eval_chain(dot, recv, *pos, fields, Some(cmd), fin, true)
            }
            Arg::Var { pos, name, fields } => {
                let v = self.var(name, *pos)?;
                if fields.is_empty() {
                    self.not_a_function(cmd, fin.is_some())?;
                    return Ok(v);
                }
                self.eval_chain(dot, v, *pos, fields, Some(cmd), fin, true)
            }
            Arg::Func { pos, def } => self.eval_function(dot, *pos, def, &cmd.args[1..], fin),
            Arg::Pipe(p) => {
                self.not_a_function(cmd, fin.is_some())?;
                self.eval_pipeline(dot, p)
            }
            Arg::Nil(pos) => Err(self.err(*pos, ErrorKind::Exec, "nil is not a command".into())),
            Arg::Dot(_) | Arg::Bool(..) | Arg::Str(..) | Arg::Num(..) => {
                self.not_a_function(cmd, fin.is_some())?;
                self.eval_arg(dot, first)
            }
        }
    }

    fn eval_arg(&mut self, dot: &Value, arg: &Arg) -> R<Value> {
        match arg {
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Nil(_) => Ok(Value::from(())),
            Arg::Bool(_, b) => Ok(Value::from(*b)),
            Arg::Str(_, s) => Ok(Value::from(s.as_str())),
            Arg::Num(_, n) => Ok(n.clone()),
            Arg::Field { pos, fields } => {
                self.eval_chain(dot, dot.clone(), *pos, fields, None, None, true)
            }
            Arg::Var { pos, name, fields } => {
                let v = self.var(name, *pos)?;
                if fields.is_empty() {
                    Ok(v)
                } else {
                    self.eval_chain(dot, v, *pos, fields, None, None, true)
                }
            }
            Arg::Chain { pos, node, fields } => {
                let recv = self.eval_arg(dot, node)?;
                self.eval_chain(dot, recv, *pos, fields, None, None, true)
            }
            Arg::Pipe(p) => self.eval_pipeline(dot, p),
            Arg::Func { pos, def } => self.eval_function(dot, *pos, def, &[], None),
        }
    }

    /// Evaluates `.a.b.c` on `recv`. `cmd` is set when the chain heads a command, whose other
    /// arguments (or a piped value) would be method arguments: Go rejects those for fields.
    #[allow(clippy::too_many_arguments)]
    fn eval_chain(
        &mut self,
        dot: &Value,
        mut recv: Value,
        start: usize,
        fields: &[Segment],
        cmd: Option<&Cmd>,
        fin: Option<Value>,
        from_start: bool,
    ) -> R<Value> {
        let has_args = cmd.is_some_and(|c| c.args.len() > 1) || fin.is_some();
        let n = fields.len();
        for (i, (name, pos)) in fields.iter().enumerate() {
            let last = i + 1 == n;
            let end = pos + 1 + name.len();
            if let View::Time(t) = view(deref(&recv)) {
                // `time.Time` methods (`.Year`, `.Unix`, `.Format "…"`): the arguments are the
                // command's other arguments plus the piped value, as Go passes them.
                let mut args = Vec::new();
                if last && has_args {
                    if let Some(cmd) = cmd {
                        for a in &cmd.args[1..] {
                            args.push(self.eval_arg(dot, a)?);
                        }
                    }
                    args.extend(fin.clone());
                }
                let t = t.clone();
                recv = super::dates::time_method(&t, name, &args).map_err(|msg| {
                    let context = self.context(start, end);
                    self.err(
                        *pos,
                        ErrorKind::NoSuchField,
                        format!("at <{context}>: {msg}"),
                    )
                })?;
                continue;
            }
            if name == "String"
                && !(has_args && last)
                && let Some(text) = int_stringer(&recv)
            {
                // `.Month.String`: the one method of `time.Month`/`time.Weekday`.
                recv = Value::from(text);
                continue;
            }
            if self.missing_key_is_zero && !(has_args && last) && is_missing_key(&recv, name) {
                // Go returns the zero value, and every later field of it is zero too.
                return Ok(super::value::nil());
            }
            recv = self.eval_field(
                &recv,
                name,
                *pos,
                start,
                end,
                has_args && last,
                from_start && i == 0,
            )?;
        }
        Ok(recv)
    }

    #[allow(clippy::too_many_arguments)]
    fn eval_field(
        &self,
        recv: &Value,
        name: &str,
        pos: usize,
        start: usize,
        end: usize,
        has_args: bool,
        chain_start: bool,
    ) -> R<Value> {
        let at = || format!("at <{}>: ", self.context(start, end));
        let err = |kind: ErrorKind, msg: String| Err(self.err(pos, kind, format!("{}{msg}", at())));
        match view(recv) {
            View::Nil => {
                if chain_start {
                    err(
                        ErrorKind::NilPointer,
                        format!("nil data; no entry for key {name:?}"),
                    )
                } else {
                    err(
                        ErrorKind::NilPointer,
                        format!("nil pointer evaluating interface {{}}.{name}"),
                    )
                }
            }
            View::NilPtr(t) => err(
                ErrorKind::NilPointer,
                format!("nil pointer evaluating {t}.{name}"),
            ),
            View::Ptr(p) => self.eval_field(p, name, pos, start, end, has_args, false),
            View::Struct(s) => match s.lookup(name) {
                Some(_) if has_args => err(
                    ErrorKind::Exec,
                    format!("{name} has arguments but cannot be invoked as function"),
                ),
                Some(v) => Ok(v),
                None => err(
                    ErrorKind::NoSuchField,
                    format!("can't evaluate field {name} in type {}", s.type_name),
                ),
            },
            View::Map(m) => {
                if has_args {
                    return err(
                        ErrorKind::Exec,
                        format!("{name} is not a method but has arguments"),
                    );
                }
                match m.get(name) {
                    Some(v) => Ok(v),
                    None => err(
                        ErrorKind::MissingKey,
                        format!("map has no entry for key {name:?}"),
                    ),
                }
            }
            _ => err(
                ErrorKind::NoSuchField,
                format!("can't evaluate field {name} in type {}", type_name(recv)),
            ),
        }
    }

    fn eval_function(
        &mut self,
        dot: &Value,
        pos: usize,
        def: &FuncDef,
        args: &[Arg],
        fin: Option<Value>,
    ) -> R<Value> {
        let n_in = args.len() + usize::from(fin.is_some());
        if def.variadic {
            if n_in < def.min {
                return Err(self.err(
                    pos,
                    ErrorKind::WrongArgCount,
                    format!(
                        "wrong number of args for {}: want at least {} got {}",
                        def.name, def.min, n_in
                    ),
                ));
            }
        } else if n_in != def.min {
            return Err(self.err(
                pos,
                ErrorKind::WrongArgCount,
                format!(
                    "wrong number of args for {}: want {} got {}",
                    def.name, def.min, n_in
                ),
            ));
        }
        match def.imp {
            Imp::And | Imp::Or => {
                let want = matches!(def.imp, Imp::Or);
                let mut v = Value::from(());
                for a in args {
                    v = self.eval_arg(dot, a)?;
                    if is_true(&v) == want {
                        return Ok(v);
                    }
                }
                if let Some(f) = fin {
                    v = f;
                }
                Ok(v)
            }
            Imp::Fn(f) => {
                let mut vals = Vec::with_capacity(n_in);
                for a in args {
                    vals.push(self.eval_arg(dot, a)?);
                }
                if let Some(x) = fin {
                    vals.push(x);
                }
                f(&vals).map_err(|e| match e {
                    FnError::WrongType { arg, msg } => {
                        let at = args.get(arg).map_or(pos, Arg::pos);
                        self.err(
                            at,
                            ErrorKind::WrongType,
                            format!("{msg} (argument {} of {})", arg + 1, def.name),
                        )
                    }
                    FnError::Failed(msg) => self.err(
                        pos,
                        ErrorKind::FunctionFailed,
                        format!("error calling {}: {msg}", def.name),
                    ),
                })
            }
        }
    }
}

/// A map (behind any pointers) that has no entry `name`.
fn is_missing_key(recv: &Value, name: &str) -> bool {
    matches!(view(deref(recv)), View::Map(m) if m.get(name).is_none())
}
