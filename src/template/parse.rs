//! Parser for Go `text/template`, following the grammar and checks of Go's `text/template/parse`:
//! undefined functions and variables are parse errors, as are unbalanced control structures.

use std::collections::HashMap;

use super::error::{ErrorKind, TemplateError};
use super::funcs::{self, FuncDef};
use super::lex::{Kw, Tok, Token, lex};
use super::value::Value;

#[derive(Debug)]
pub(crate) enum Node {
    Text(String),
    Action(Pipe),
    If(Branch),
    Range(Branch),
    With(Branch),
    Template {
        pos: usize,
        name: String,
        pipe: Option<Pipe>,
    },
    Break,
    Continue,
}

#[derive(Debug)]
pub(crate) struct Branch {
    pub pipe: Pipe,
    pub list: Vec<Node>,
    pub else_list: Option<Vec<Node>>,
}

#[derive(Debug)]
pub(crate) struct Pipe {
    pub pos: usize,
    pub is_assign: bool,
    pub decl: Vec<(String, usize)>,
    pub cmds: Vec<Cmd>,
}

#[derive(Debug)]
pub(crate) struct Cmd {
    pub pos: usize,
    pub end: usize,
    pub args: Vec<Arg>,
}

/// A field name in a chain, with the position of its `.`.
pub(crate) type Segment = (String, usize);

#[derive(Debug)]
pub(crate) enum Arg {
    /// `.a.b.c`, evaluated against dot.
    Field {
        pos: usize,
        fields: Vec<Segment>,
    },
    /// `$x.a.b`.
    Var {
        pos: usize,
        name: String,
        fields: Vec<Segment>,
    },
    /// `(pipeline).a.b`.
    Chain {
        pos: usize,
        node: Box<Arg>,
        fields: Vec<Segment>,
    },
    Func {
        pos: usize,
        def: &'static FuncDef,
    },
    Pipe(Box<Pipe>),
    Dot(usize),
    Nil(usize),
    Bool(usize, bool),
    Str(usize, String),
    /// A numeric constant already converted as Go does for an `interface{}` argument (int or float64).
    Num(usize, Value),
}

impl Arg {
    pub fn pos(&self) -> usize {
        match self {
            Arg::Field { pos, .. }
            | Arg::Var { pos, .. }
            | Arg::Chain { pos, .. }
            | Arg::Func { pos, .. }
            | Arg::Dot(pos)
            | Arg::Nil(pos)
            | Arg::Bool(pos, _)
            | Arg::Str(pos, _)
            | Arg::Num(pos, _) => *pos,
            Arg::Pipe(p) => p.pos,
        }
    }
}

pub(crate) struct Parsed {
    pub root: Vec<Node>,
    pub defines: HashMap<String, Vec<Node>>,
}

struct Parser<'s> {
    src: &'s str,
    tokens: Vec<Token>,
    i: usize,
    vars: Vec<String>,
    range_depth: usize,
    /// Nesting of control structures and parenthesised pipelines, bounded so a hostile template
    /// cannot overflow the stack.
    nesting: usize,
    defines: HashMap<String, Vec<Node>>,
}

const MAX_NESTING: usize = 100;

type PResult<T> = Result<T, TemplateError>;

pub(crate) fn parse(src: &str) -> PResult<Parsed> {
    let mut p = Parser {
        src,
        tokens: lex(src),
        i: 0,
        vars: vec!["$".into()],
        range_depth: 0,
        nesting: 0,
        defines: HashMap::new(),
    };
    let root = p.top()?;
    Ok(Parsed {
        root,
        defines: p.defines,
    })
}

fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Text(t) => {
            let short: String = t.chars().take(10).collect();
            if short.len() < t.len() {
                format!("{short:?}...")
            } else {
                format!("{short:?}")
            }
        }
        Tok::LeftDelim => "\"{{\"".into(),
        Tok::RightDelim => "\"}}\"".into(),
        Tok::Space => "space".into(),
        Tok::Ident(s) => format!("<{s}>"),
        Tok::Field(s) => format!("<.{s}>"),
        Tok::Dot => "<.>".into(),
        Tok::Var(s) => format!("<{s}>"),
        Tok::Str(s) => format!("{s:?}"),
        Tok::Char(c) => format!("{c}"),
        Tok::Number(n) => format!("{n:?}"),
        Tok::Bool(b) => format!("<{b}>"),
        Tok::Nil => "<nil>".into(),
        Tok::Kw(k) => format!("<{}>", k.name()),
        Tok::Pipe => "\"|\"".into(),
        Tok::LParen => "\"(\"".into(),
        Tok::RParen => "\")\"".into(),
        Tok::Declare => "\":=\"".into(),
        Tok::Assign => "\"=\"".into(),
        Tok::Comma => "\",\"".into(),
        Tok::Error(e) => e.clone(),
        Tok::Eof => "EOF".into(),
    }
}

/// What ended an item list.
enum End {
    End(usize),
    Else(usize),
}

impl<'s> Parser<'s> {
    fn err(&self, kind: ErrorKind, pos: usize, msg: impl Into<String>) -> TemplateError {
        TemplateError::at(self.src, pos, kind, msg.into())
    }

    fn peek(&self) -> &Token {
        &self.tokens[self.i.min(self.tokens.len() - 1)]
    }

    fn next(&mut self) -> PResult<Token> {
        let t = self.peek().clone();
        if let Tok::Error(e) = &t.tok {
            let kind = if e.starts_with("unclosed action")
                || e.starts_with("unterminated")
                || e.starts_with("unclosed")
            {
                ErrorKind::Unterminated
            } else {
                ErrorKind::Syntax
            };
            return Err(self.err(kind, t.pos, e.clone()));
        }
        self.i += 1;
        Ok(t)
    }

    fn skip_space(&mut self) {
        while matches!(self.peek().tok, Tok::Space) {
            self.i += 1;
        }
    }

    fn next_non_space(&mut self) -> PResult<Token> {
        self.skip_space();
        self.next()
    }

    fn peek_non_space(&mut self) -> &Token {
        self.skip_space();
        self.peek()
    }

    fn unexpected(&self, t: &Token, context: &str) -> TemplateError {
        if let Tok::Error(e) = &t.tok {
            return self.err(ErrorKind::Syntax, t.pos, e.clone());
        }
        if matches!(t.tok, Tok::Eof) {
            return self.err(
                ErrorKind::Unterminated,
                t.pos,
                format!("unexpected EOF in {context}"),
            );
        }
        self.err(
            ErrorKind::Syntax,
            t.pos,
            format!("unexpected {} in {context}", describe(&t.tok)),
        )
    }

    fn expect_right(&mut self, context: &str) -> PResult<Token> {
        let t = self.next_non_space()?;
        if t.tok != Tok::RightDelim {
            return Err(self.unexpected(&t, context));
        }
        Ok(t)
    }

    fn top(&mut self) -> PResult<Vec<Node>> {
        let mut root = Vec::new();
        loop {
            if matches!(self.peek().tok, Tok::Eof) {
                return Ok(root);
            }
            if matches!(self.peek().tok, Tok::LeftDelim) {
                let save = self.i;
                self.i += 1;
                if matches!(self.peek_non_space().tok, Tok::Kw(Kw::Define)) {
                    self.next()?;
                    self.definition()?;
                    continue;
                }
                self.i = save;
            }
            match self.text_or_action()? {
                Ok(n) => root.push(n),
                Err(End::End(pos)) => {
                    return Err(self.err(ErrorKind::Syntax, pos, "unexpected {{end}}"));
                }
                Err(End::Else(pos)) => {
                    return Err(self.err(ErrorKind::Syntax, pos, "unexpected {{else}}"));
                }
            }
        }
    }

    fn template_name(&mut self, context: &str) -> PResult<(String, usize)> {
        let t = self.next_non_space()?;
        match t.tok {
            Tok::Str(s) => Ok((s, t.pos)),
            _ => Err(self.unexpected(&t, context)),
        }
    }

    fn definition(&mut self) -> PResult<()> {
        let context = "define clause";
        let (name, _) = self.template_name(context)?;
        self.expect_right(context)?;
        let saved = std::mem::replace(&mut self.vars, vec!["$".into()]);
        let (list, end) = self.item_list()?;
        self.vars = saved;
        if let End::Else(pos) = end {
            return Err(self.err(
                ErrorKind::Syntax,
                pos,
                format!("unexpected {{{{else}}}} in {context}"),
            ));
        }
        self.defines.insert(name, list);
        Ok(())
    }

    fn item_list(&mut self) -> PResult<(Vec<Node>, End)> {
        let mut list = Vec::new();
        loop {
            let t = self.peek_non_space().clone();
            if matches!(t.tok, Tok::Eof) {
                return Err(self.err(
                    ErrorKind::Unterminated,
                    t.pos,
                    "unexpected EOF: missing {{end}}",
                ));
            }
            match self.text_or_action()? {
                Ok(n) => list.push(n),
                Err(end) => return Ok((list, end)),
            }
        }
    }

    /// A node, or the `{{end}}` / `{{else}}` that closes the enclosing list.
    fn text_or_action(&mut self) -> PResult<Result<Node, End>> {
        let t = self.next_non_space()?;
        match t.tok {
            Tok::Text(s) => Ok(Ok(Node::Text(s))),
            Tok::LeftDelim => self.action(),
            _ => Err(self.unexpected(&t, "input")),
        }
    }

    fn action(&mut self) -> PResult<Result<Node, End>> {
        let t = self.next_non_space()?;
        let node = match t.tok {
            Tok::Kw(Kw::Block) => self.block()?,
            Tok::Kw(Kw::Break) | Tok::Kw(Kw::Continue) => {
                let is_break = t.tok == Tok::Kw(Kw::Break);
                let word = if is_break { "break" } else { "continue" };
                self.expect_right(&format!("{{{{{word}}}}}"))?;
                if self.range_depth == 0 {
                    return Err(self.err(
                        ErrorKind::Syntax,
                        t.pos,
                        format!("{{{{{word}}}}} outside {{{{range}}}}"),
                    ));
                }
                if is_break {
                    Node::Break
                } else {
                    Node::Continue
                }
            }
            Tok::Kw(Kw::Else) => {
                if matches!(
                    self.peek_non_space().tok,
                    Tok::Kw(Kw::If) | Tok::Kw(Kw::With)
                ) {
                    return Ok(Err(End::Else(t.pos)));
                }
                self.expect_right("else")?;
                return Ok(Err(End::Else(t.pos)));
            }
            Tok::Kw(Kw::End) => {
                self.expect_right("end")?;
                return Ok(Err(End::End(t.pos)));
            }
            Tok::Kw(Kw::If) => Node::If(self.control("if", t.pos)?),
            Tok::Kw(Kw::Range) => Node::Range(self.control("range", t.pos)?),
            Tok::Kw(Kw::With) => Node::With(self.control("with", t.pos)?),
            Tok::Kw(Kw::Template) => {
                let (name, pos) = self.template_name("template clause")?;
                let pipe = if matches!(self.peek_non_space().tok, Tok::RightDelim) {
                    self.next()?;
                    None
                } else {
                    Some(self.pipeline("template clause", true)?)
                };
                Node::Template { pos, name, pipe }
            }
            Tok::Kw(Kw::Define) => {
                return Err(self.err(ErrorKind::Syntax, t.pos, "unexpected <define> in command"));
            }
            _ => {
                self.i -= 1;
                Node::Action(self.pipeline("command", true)?)
            }
        };
        Ok(Ok(node))
    }

    fn block(&mut self) -> PResult<Node> {
        let context = "block clause";
        let (name, pos) = self.template_name(context)?;
        let pipe = self.pipeline(context, true)?;
        let saved = std::mem::replace(&mut self.vars, vec!["$".into()]);
        let (list, end) = self.item_list()?;
        self.vars = saved;
        if let End::Else(p) = end {
            return Err(self.err(
                ErrorKind::Syntax,
                p,
                format!("unexpected {{{{else}}}} in {context}"),
            ));
        }
        self.defines.insert(name.clone(), list);
        Ok(Node::Template {
            pos,
            name,
            pipe: Some(pipe),
        })
    }

    fn enter(&mut self, pos: usize) -> PResult<()> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(self.err(
                ErrorKind::Syntax,
                pos,
                format!("template nested too deeply (more than {MAX_NESTING} levels)"),
            ));
        }
        Ok(())
    }

    fn control(&mut self, context: &str, pos: usize) -> PResult<Branch> {
        self.enter(pos)?;
        let branch = self.control_inner(context);
        self.nesting -= 1;
        branch
    }

    fn control_inner(&mut self, context: &str) -> PResult<Branch> {
        let nvars = self.vars.len();
        let pipe = self.pipeline(context, true)?;
        if context == "range" {
            self.range_depth += 1;
        }
        let (list, end) = self.item_list()?;
        if context == "range" {
            self.range_depth -= 1;
        }
        let else_list = match end {
            End::End(_) => None,
            End::Else(_) => {
                let next = self.peek_non_space().tok.clone();
                if context == "if" && next == Tok::Kw(Kw::If) {
                    let t = self.next()?;
                    Some(vec![Node::If(self.control("if", t.pos)?)])
                } else if context == "with" && next == Tok::Kw(Kw::With) {
                    let t = self.next()?;
                    Some(vec![Node::With(self.control("with", t.pos)?)])
                } else {
                    let (list, end) = self.item_list()?;
                    if let End::Else(p) = end {
                        return Err(self.err(ErrorKind::Syntax, p, "expected end; found {{else}}"));
                    }
                    Some(list)
                }
            }
        };
        self.vars.truncate(nvars);
        Ok(Branch {
            pipe,
            list,
            else_list,
        })
    }

    /// Parses a pipeline up to `}}` (`to_delim`) or `)`.
    fn pipeline(&mut self, context: &str, to_delim: bool) -> PResult<Pipe> {
        let pos = self.peek().pos;
        self.enter(pos)?;
        let pipe = self.pipeline_inner(context, to_delim);
        self.nesting -= 1;
        pipe
    }

    fn pipeline_inner(&mut self, context: &str, to_delim: bool) -> PResult<Pipe> {
        let start = self.peek_non_space().pos;
        let mut pipe = Pipe {
            pos: start,
            is_assign: false,
            decl: Vec::new(),
            cmds: Vec::new(),
        };
        // Declarations: `$x :=`, `$x =`, and `$i, $e :=` in range.
        loop {
            let save = self.i;
            let t = self.peek_non_space().clone();
            let Tok::Var(name) = &t.tok else { break };
            self.i += 1;
            let next = self.peek_non_space().tok.clone();
            match next {
                Tok::Declare | Tok::Assign => {
                    pipe.is_assign = next == Tok::Assign;
                    self.i += 1;
                    if pipe.is_assign && !self.vars.contains(name) {
                        return Err(self.err(
                            ErrorKind::UndefinedVariable,
                            t.pos,
                            format!("undefined variable {name:?}"),
                        ));
                    }
                    pipe.decl.push((name.clone(), t.pos));
                    self.vars.push(name.clone());
                    break;
                }
                Tok::Comma => {
                    self.i += 1;
                    pipe.decl.push((name.clone(), t.pos));
                    self.vars.push(name.clone());
                    if context == "range" && pipe.decl.len() < 2 {
                        if matches!(self.peek_non_space().tok, Tok::Var(_)) {
                            continue;
                        }
                        return Err(self.err(
                            ErrorKind::Syntax,
                            t.pos,
                            "range can only initialize variables",
                        ));
                    }
                    return Err(self.err(
                        ErrorKind::Syntax,
                        t.pos,
                        format!("too many declarations in {context}"),
                    ));
                }
                _ => {
                    self.i = save;
                    break;
                }
            }
        }
        loop {
            let t = self.peek_non_space().clone();
            match t.tok {
                Tok::RightDelim if to_delim => {
                    self.i += 1;
                    break;
                }
                Tok::RParen if !to_delim => {
                    self.i += 1;
                    break;
                }
                Tok::Bool(_)
                | Tok::Char(_)
                | Tok::Dot
                | Tok::Field(_)
                | Tok::Ident(_)
                | Tok::Number(_)
                | Tok::Nil
                | Tok::Str(_)
                | Tok::Var(_)
                | Tok::LParen => pipe.cmds.push(self.command()?),
                _ => {
                    let t = self.next()?;
                    return Err(self.unexpected(&t, context));
                }
            }
        }
        if pipe.cmds.is_empty() {
            return Err(self.err(
                ErrorKind::Syntax,
                start,
                format!("missing value for {context}"),
            ));
        }
        for (i, c) in pipe.cmds.iter().enumerate().skip(1) {
            if matches!(
                c.args[0],
                Arg::Bool(..) | Arg::Dot(_) | Arg::Nil(_) | Arg::Num(..) | Arg::Str(..)
            ) {
                return Err(self.err(
                    ErrorKind::Syntax,
                    c.pos,
                    format!("non executable command in pipeline stage {}", i + 1),
                ));
            }
        }
        Ok(pipe)
    }

    fn command(&mut self) -> PResult<Cmd> {
        let pos = self.peek_non_space().pos;
        let mut args = Vec::new();
        let mut end = pos;
        loop {
            self.skip_space();
            if let Some(a) = self.operand()? {
                args.push(a);
            }
            let t = self.peek().clone();
            end = end.max(t.pos);
            match t.tok {
                Tok::Space => {
                    self.i += 1;
                    continue;
                }
                Tok::RightDelim | Tok::RParen => {}
                Tok::Pipe => {
                    self.i += 1;
                }
                _ => {
                    let t = self.next()?;
                    return Err(self.unexpected(&t, "operand"));
                }
            }
            break;
        }
        if args.is_empty() {
            return Err(self.err(ErrorKind::Syntax, pos, "empty command"));
        }
        Ok(Cmd { pos, end, args })
    }

    fn operand(&mut self) -> PResult<Option<Arg>> {
        let Some(node) = self.term()? else {
            return Ok(None);
        };
        if !matches!(self.peek().tok, Tok::Field(_)) {
            return Ok(Some(node));
        }
        let mut fields = Vec::new();
        while let Tok::Field(f) = &self.peek().tok {
            fields.push((f.clone(), self.peek().pos));
            self.i += 1;
        }
        Ok(Some(match node {
            Arg::Field { pos, fields: mut f } => {
                f.extend(fields);
                Arg::Field { pos, fields: f }
            }
            Arg::Var {
                pos,
                name,
                fields: mut f,
            } => {
                f.extend(fields);
                Arg::Var {
                    pos,
                    name,
                    fields: f,
                }
            }
            Arg::Bool(pos, _)
            | Arg::Str(pos, _)
            | Arg::Num(pos, _)
            | Arg::Nil(pos)
            | Arg::Dot(pos) => {
                let text = &self.src[pos..fields[0].1];
                return Err(self.err(
                    ErrorKind::Syntax,
                    fields[0].1,
                    format!("unexpected . after term {:?}", text.trim()),
                ));
            }
            other => Arg::Chain {
                pos: other.pos(),
                node: Box::new(other),
                fields,
            },
        }))
    }

    fn term(&mut self) -> PResult<Option<Arg>> {
        self.skip_space();
        let t = self.peek().clone();
        let arg = match t.tok {
            Tok::Ident(name) => {
                let Some(def) = funcs::lookup(&name) else {
                    return Err(self.err(
                        ErrorKind::UnknownFunction,
                        t.pos,
                        format!(
                            "function {name:?} not defined{}",
                            funcs::unknown_function_hint(&name)
                        ),
                    ));
                };
                Arg::Func { pos: t.pos, def }
            }
            Tok::Dot => Arg::Dot(t.pos),
            Tok::Nil => Arg::Nil(t.pos),
            Tok::Var(name) => {
                if !self.vars.contains(&name) {
                    return Err(self.err(
                        ErrorKind::UndefinedVariable,
                        t.pos,
                        format!("undefined variable {name:?}"),
                    ));
                }
                Arg::Var {
                    pos: t.pos,
                    name,
                    fields: Vec::new(),
                }
            }
            Tok::Field(f) => Arg::Field {
                pos: t.pos,
                fields: vec![(f, t.pos)],
            },
            Tok::Bool(b) => Arg::Bool(t.pos, b),
            Tok::Char(c) => Arg::Num(t.pos, Value::from(c)),
            Tok::Number(n) => Arg::Num(t.pos, self.number(&n, t.pos)?),
            Tok::Str(s) => Arg::Str(t.pos, s),
            Tok::LParen => {
                self.i += 1;
                let p = self.pipeline("parenthesized pipeline", false)?;
                return Ok(Some(Arg::Pipe(Box::new(p))));
            }
            Tok::Error(_) => {
                self.next()?;
                return Ok(None);
            }
            _ => return Ok(None),
        };
        self.i += 1;
        Ok(Some(arg))
    }

    /// Go's number constant rules for an `interface{}` argument: integers become `int`, anything
    /// written with `.`, `e` or `p` becomes `float64`; imaginary numbers are not supported.
    fn number(&self, text: &str, pos: usize) -> PResult<Value> {
        let illegal = || {
            self.err(
                ErrorKind::Syntax,
                pos,
                format!("illegal number syntax: {text:?}"),
            )
        };
        if text.ends_with('i') {
            return Err(self.err(
                ErrorKind::Syntax,
                pos,
                format!("complex constant {text} is not supported"),
            ));
        }
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        let (neg, body) = match clean.strip_prefix('-') {
            Some(b) => (true, b.to_string()),
            None => (false, clean.strip_prefix('+').unwrap_or(&clean).to_string()),
        };
        let lower = body.to_ascii_lowercase();
        let is_hex = lower.starts_with("0x");
        let float_like = if is_hex {
            lower.contains('.') || lower.contains('p')
        } else {
            lower.contains(['.', 'e'])
        };
        if !float_like {
            let parsed = if let Some(h) = lower.strip_prefix("0x") {
                i128::from_str_radix(h, 16)
            } else if let Some(o) = lower.strip_prefix("0o") {
                i128::from_str_radix(o, 8)
            } else if let Some(b) = lower.strip_prefix("0b") {
                i128::from_str_radix(b, 2)
            } else if lower.len() > 1 && lower.starts_with('0') {
                i128::from_str_radix(&lower[1..], 8)
            } else {
                lower.parse::<i128>()
            };
            let v = parsed.map_err(|_| illegal())?;
            let v = if neg { -v } else { v };
            return i64::try_from(v)
                .map(Value::from)
                .map_err(|_| self.err(ErrorKind::Syntax, pos, format!("{text} overflows int")));
        }
        let f = if is_hex {
            parse_hex_float(&lower[2..]).ok_or_else(illegal)?
        } else {
            lower.parse::<f64>().map_err(|_| illegal())?
        };
        Ok(Value::from(if neg { -f } else { f }))
    }
}

fn parse_hex_float(s: &str) -> Option<f64> {
    let (mant, exp) = match s.split_once('p') {
        Some((m, e)) => (m, e.parse::<i32>().ok()?),
        None => (s, 0),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let mut v = 0f64;
    for c in int.chars() {
        v = v * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac.chars() {
        v += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    Some(v * 2f64.powi(exp))
}
