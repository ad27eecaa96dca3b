//! Lexer for Go `text/template` syntax: text, `{{ }}` actions with `{{-`/`-}}` trim markers,
//! comments, and the tokens inside actions. Positions are byte offsets into the source.

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    Text(String),
    LeftDelim,
    RightDelim,
    Space,
    Ident(String),
    /// `.name` (without the dot).
    Field(String),
    Dot,
    /// `$name` or `$` (with the dollar).
    Var(String),
    /// Decoded string literal (interpreted or raw).
    Str(String),
    /// Character constant, already decoded to its code point.
    Char(i64),
    Number(String),
    Bool(bool),
    Nil,
    Kw(Kw),
    Pipe,
    LParen,
    RParen,
    Declare,
    Assign,
    Comma,
    /// A lexical error; parsing stops when it reaches this token.
    Error(String),
    Eof,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    Block,
    Break,
    Continue,
    Define,
    Else,
    End,
    If,
    Range,
    Template,
    With,
}

impl Kw {
    pub fn name(self) -> &'static str {
        match self {
            Kw::Block => "block",
            Kw::Break => "break",
            Kw::Continue => "continue",
            Kw::Define => "define",
            Kw::Else => "else",
            Kw::End => "end",
            Kw::If => "if",
            Kw::Range => "range",
            Kw::Template => "template",
            Kw::With => "with",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub tok: Tok,
    pub pos: usize,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_alnum(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    tokens: Vec<Token>,
    paren_depth: usize,
}

/// Tokenises a template. A lexical error becomes a final [`Tok::Error`] token.
pub(crate) fn lex(src: &str) -> Vec<Token> {
    let mut l = Lexer {
        src,
        pos: 0,
        tokens: Vec::new(),
        paren_depth: 0,
    };
    l.run();
    l.tokens
}

impl<'a> Lexer<'a> {
    fn emit(&mut self, tok: Tok, pos: usize) {
        self.tokens.push(Token { tok, pos });
    }

    fn error(&mut self, msg: impl Into<String>, pos: usize) {
        self.emit(Tok::Error(msg.into()), pos);
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn run(&mut self) {
        let mut trim_next = false;
        loop {
            let rest = self.rest();
            let (text_end, found) = match rest.find("{{") {
                Some(i) => (self.pos + i, true),
                None => (self.src.len(), false),
            };
            let mut text = &self.src[self.pos..text_end];
            let text_pos = self.pos;
            if trim_next {
                text = text.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
            }
            let delim = text_end;
            let mut after = delim + 2;
            let left_trim = found && {
                let b = self.src.as_bytes();
                b.get(after) == Some(&b'-') && b.get(after + 1).is_some_and(|&c| is_space(c))
            };
            if left_trim {
                text = text.trim_end_matches(|c: char| c.is_ascii() && is_space(c as u8));
                after += 2;
            }
            if !text.is_empty() {
                self.emit(Tok::Text(text.to_string()), text_pos);
            }
            if !found {
                self.emit(Tok::Eof, self.src.len());
                return;
            }
            self.pos = after;
            // Comments: {{/* … */}} with optional trim markers, nothing else inside the action.
            if self.rest().starts_with("/*") {
                match self.comment(delim) {
                    Some(trim) => {
                        trim_next = trim;
                        continue;
                    }
                    None => return,
                }
            }
            self.emit(Tok::LeftDelim, delim);
            match self.inside_action(delim) {
                Some(trim) => trim_next = trim,
                None => return,
            }
        }
    }

    /// Returns whether the comment ended with a right trim marker; None after an error.
    fn comment(&mut self, delim: usize) -> Option<bool> {
        let Some(end) = self.rest().find("*/") else {
            self.error("unclosed comment", delim);
            return None;
        };
        self.pos += end + 2;
        let rest = self.rest();
        if rest.starts_with("}}") {
            self.pos += 2;
            return Some(false);
        }
        let trimmed = rest.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
        if trimmed.len() < rest.len() && trimmed.starts_with("-}}") {
            self.pos += rest.len() - trimmed.len() + 3;
            return Some(true);
        }
        self.error("comment ends before closing delimiter", delim);
        None
    }

    /// Lexes inside `{{ … }}`. Returns whether the action ended with `-}}`; None after an error.
    fn inside_action(&mut self, delim: usize) -> Option<bool> {
        loop {
            let start = self.pos;
            let rest = self.rest();
            if rest.starts_with("}}") {
                if self.paren_depth > 0 {
                    self.error("unclosed left paren", start);
                    return None;
                }
                self.pos += 2;
                self.emit(Tok::RightDelim, start);
                return Some(false);
            }
            let Some(c) = self.peek() else {
                self.error("unclosed action", delim);
                return None;
            };
            if c.is_ascii() && is_space(c as u8) {
                let trimmed = rest.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
                let n = rest.len() - trimmed.len();
                if trimmed.starts_with("-}}") {
                    if self.paren_depth > 0 {
                        self.error("unclosed left paren", start);
                        return None;
                    }
                    self.pos += n + 3;
                    self.emit(Tok::RightDelim, start + n);
                    return Some(true);
                }
                self.pos += n;
                self.emit(Tok::Space, start);
                continue;
            }
            match c {
                '|' => self.single(Tok::Pipe),
                ',' => self.single(Tok::Comma),
                '=' => self.single(Tok::Assign),
                ':' => {
                    if rest.starts_with(":=") {
                        self.pos += 2;
                        self.emit(Tok::Declare, start);
                    } else {
                        self.error("expected :=", start);
                        return None;
                    }
                }
                '(' => {
                    self.paren_depth += 1;
                    self.single(Tok::LParen);
                }
                ')' => {
                    if self.paren_depth == 0 {
                        self.error("unexpected right paren", start);
                        return None;
                    }
                    self.paren_depth -= 1;
                    self.single(Tok::RParen);
                }
                '"' => self.quote()?,
                '`' => self.raw_quote()?,
                '\'' => self.char_constant()?,
                '$' => {
                    self.pos += 1;
                    let name = self.take_alnum();
                    self.emit(Tok::Var(format!("${name}")), start);
                    self.check_terminator()?;
                }
                '.' => {
                    let next = rest[1..].chars().next();
                    if next.is_some_and(|d| d.is_ascii_digit()) {
                        self.number()?;
                    } else {
                        self.pos += 1;
                        let name = self.take_alnum();
                        if name.is_empty() {
                            self.emit(Tok::Dot, start);
                        } else {
                            self.emit(Tok::Field(name.to_string()), start);
                        }
                        self.check_terminator()?;
                    }
                }
                '+' | '-' | '0'..='9' => self.number()?,
                c if is_alnum(c) => {
                    let word = self.take_alnum();
                    let tok = match word {
                        "true" => Tok::Bool(true),
                        "false" => Tok::Bool(false),
                        "nil" => Tok::Nil,
                        "block" => Tok::Kw(Kw::Block),
                        "break" => Tok::Kw(Kw::Break),
                        "continue" => Tok::Kw(Kw::Continue),
                        "define" => Tok::Kw(Kw::Define),
                        "else" => Tok::Kw(Kw::Else),
                        "end" => Tok::Kw(Kw::End),
                        "if" => Tok::Kw(Kw::If),
                        "range" => Tok::Kw(Kw::Range),
                        "template" => Tok::Kw(Kw::Template),
                        "with" => Tok::Kw(Kw::With),
                        w => Tok::Ident(w.to_string()),
                    };
                    self.emit(tok, start);
                    self.check_terminator()?;
                }
                c => {
                    self.error(
                        format!("unrecognized character in action: {}", go_rune(c)),
                        start,
                    );
                    return None;
                }
            }
        }
    }

    fn single(&mut self, tok: Tok) {
        let start = self.pos;
        self.pos += 1;
        self.emit(tok, start);
    }

    fn take_alnum(&mut self) -> &'a str {
        let rest = self.rest();
        let n = rest.find(|c: char| !is_alnum(c)).unwrap_or(rest.len());
        self.pos += n;
        &rest[..n]
    }

    /// Go requires a word to be followed by a space, `.`, `,`, `|`, `:`, `(`, `)` or the delimiter.
    fn check_terminator(&mut self) -> Option<()> {
        let rest = self.rest();
        match rest.chars().next() {
            None => Some(()),
            Some(c) if (c.is_ascii() && is_space(c as u8)) || ".,|:()=".contains(c) => Some(()),
            Some(_) if rest.starts_with("}}") => Some(()),
            Some(c) => {
                self.error(format!("bad character {}", go_rune(c)), self.pos);
                None
            }
        }
    }

    fn number(&mut self) -> Option<()> {
        let start = self.pos;
        let b = self.src.as_bytes();
        let mut i = self.pos;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let mut digits: &[u8] = b"0123456789_";
        let mut hex = false;
        if i < b.len() && b[i] == b'0' {
            i += 1;
            if i < b.len() && (b[i] == b'x' || b[i] == b'X') {
                i += 1;
                digits = b"0123456789abcdefABCDEF_";
                hex = true;
            } else if i < b.len() && (b[i] == b'o' || b[i] == b'O') {
                i += 1;
                digits = b"01234567_";
            } else if i < b.len() && (b[i] == b'b' || b[i] == b'B') {
                i += 1;
                digits = b"01_";
            }
        }
        let run = |i: &mut usize, set: &[u8]| {
            while *i < b.len() && set.contains(&b[*i]) {
                *i += 1;
            }
        };
        run(&mut i, digits);
        if i < b.len() && b[i] == b'.' {
            i += 1;
            run(&mut i, digits);
        }
        if digits.len() == 11 && i < b.len() && (b[i] == b'e' || b[i] == b'E') {
            i += 1;
            if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
                i += 1;
            }
            run(&mut i, b"0123456789_");
        }
        if hex && i < b.len() && (b[i] == b'p' || b[i] == b'P') {
            i += 1;
            if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
                i += 1;
            }
            run(&mut i, b"0123456789_");
        }
        if i < b.len() && b[i] == b'i' {
            i += 1;
        }
        let next = self.src[i..].chars().next();
        if next.is_some_and(is_alnum) {
            let end = i + next.map_or(0, char::len_utf8);
            self.error(
                format!("bad number syntax: {:?}", &self.src[start..end]),
                start,
            );
            return None;
        }
        self.pos = i;
        self.emit(Tok::Number(self.src[start..i].to_string()), start);
        Some(())
    }

    fn quote(&mut self) -> Option<()> {
        let start = self.pos;
        let b = self.src.as_bytes();
        let mut i = self.pos + 1;
        loop {
            match b.get(i) {
                None | Some(b'\n') => {
                    self.error("unterminated quoted string", start);
                    return None;
                }
                Some(b'\\') => {
                    i += 2;
                    if i > b.len() {
                        self.error("unterminated quoted string", start);
                        return None;
                    }
                }
                Some(b'"') => break,
                _ => i += 1,
            }
        }
        let body = &self.src[start + 1..i];
        self.pos = i + 1;
        match unquote(body, '"') {
            Ok(s) => {
                self.emit(Tok::Str(s), start);
                Some(())
            }
            Err(e) => {
                self.error(e, start);
                None
            }
        }
    }

    fn raw_quote(&mut self) -> Option<()> {
        let start = self.pos;
        let Some(end) = self.src[start + 1..].find('`') else {
            self.error("unterminated raw quoted string", start);
            return None;
        };
        let body = self.src[start + 1..start + 1 + end].replace('\r', "");
        self.pos = start + end + 2;
        self.emit(Tok::Str(body), start);
        Some(())
    }

    fn char_constant(&mut self) -> Option<()> {
        let start = self.pos;
        let b = self.src.as_bytes();
        let mut i = self.pos + 1;
        loop {
            match b.get(i) {
                None | Some(b'\n') => {
                    self.error("unterminated character constant", start);
                    return None;
                }
                Some(b'\\') => i += 2,
                Some(b'\'') => break,
                _ => i += 1,
            }
        }
        let body = &self.src[start + 1..i.min(b.len())];
        self.pos = i + 1;
        match unquote(body, '\'') {
            Ok(s) if s.chars().count() == 1 => {
                let c = s.chars().next().unwrap_or('\0');
                self.emit(Tok::Char(c as i64), start);
                Some(())
            }
            _ => {
                self.error(format!("malformed character constant: '{body}'"), start);
                None
            }
        }
    }
}

/// Go's rune description in lexer errors, e.g. `U+0023 '#'`.
fn go_rune(c: char) -> String {
    format!("U+{:04X} '{}'", c as u32, c)
}

/// Decodes the body of a Go interpreted string or rune literal (`strconv.Unquote`). Byte escapes
/// that do not form valid UTF-8 are kept as raw bytes ([`super::value::go_string`]).
pub(crate) fn unquote(body: &str, quote: char) -> Result<String, String> {
    let mut out: Vec<u8> = Vec::with_capacity(body.len());
    let mut chars = body.chars();
    let bad = || "invalid syntax".to_string();
    let push = |out: &mut Vec<u8>, c: char| {
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            push(&mut out, c);
            continue;
        }
        let e = chars.next().ok_or_else(bad)?;
        let mut hex = |n: usize| -> Result<u32, String> {
            let s: String = chars.by_ref().take(n).collect();
            if s.len() != n {
                return Err(bad());
            }
            u32::from_str_radix(&s, 16).map_err(|_| bad())
        };
        match e {
            'a' => push(&mut out, '\u{7}'),
            'b' => push(&mut out, '\u{8}'),
            'f' => push(&mut out, '\u{c}'),
            'n' => push(&mut out, '\n'),
            'r' => push(&mut out, '\r'),
            't' => push(&mut out, '\t'),
            'v' => push(&mut out, '\u{b}'),
            '\\' => push(&mut out, '\\'),
            '\'' if quote == '\'' => push(&mut out, '\''),
            '"' if quote == '"' => push(&mut out, '"'),
            'x' => out.push(hex(2)? as u8),
            'u' => push(&mut out, char::from_u32(hex(4)?).ok_or_else(bad)?),
            'U' => push(&mut out, char::from_u32(hex(8)?).ok_or_else(bad)?),
            '0'..='7' => {
                let rest: String = chars.by_ref().take(2).collect();
                if rest.len() != 2 {
                    return Err(bad());
                }
                let v = u32::from_str_radix(&format!("{e}{rest}"), 8).map_err(|_| bad())?;
                if v > 255 {
                    return Err(bad());
                }
                out.push(v as u8);
            }
            _ => return Err(bad()),
        }
    }
    Ok(super::value::go_string(&out))
}
