//! Template errors: every parse and render error carries the 1-based line and column inside the
//! template source, so callers can add the template's own position in a YAML file.

use std::fmt;

/// What went wrong, for callers that react to specific failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Malformed template syntax (unexpected token, bad number, `{{break}}` outside range…).
    Syntax,
    /// An action, string, comment or control structure that is never closed.
    Unterminated,
    /// A function name that is not a Go built-in or a provided sprig function.
    UnknownFunction,
    /// `$x` used before it was declared.
    UndefinedVariable,
    /// `.a.b` where map `a` has no key `b` (Go's `missingkey=error`).
    MissingKey,
    /// Field access through a nil pointer or nil value (`.Profile.Location` without a Profile).
    NilPointer,
    /// A field that the value's type does not have (`.StatefulSet.Nme`), or a field on a non-struct.
    NoSuchField,
    /// A function called with the wrong number of arguments.
    WrongArgCount,
    /// A function argument of the wrong type.
    WrongType,
    /// A function returned an error (`index out of range`, `fail "…"`, invalid base64…).
    FunctionFailed,
    /// Other execution errors (range over a non-iterable, unknown `{{template}}` name…).
    Exec,
}

/// A parse or render error at a position inside the template source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// 1-based line inside the template string.
    pub line: usize,
    /// 1-based column (in characters) inside that line.
    pub column: usize,
    /// What failed; names the missing key, unknown function or variable.
    pub message: String,
    pub kind: ErrorKind,
}

impl TemplateError {
    /// An error at byte offset `pos` of `src`.
    pub(crate) fn at(src: &str, pos: usize, kind: ErrorKind, message: String) -> TemplateError {
        let (line, column) = line_col(src, pos);
        TemplateError {
            line,
            column,
            message,
            kind,
        }
    }
}

/// 1-based (line, column) of byte offset `pos`; columns count characters.
pub fn line_col(src: &str, pos: usize) -> (usize, usize) {
    let mut pos = pos.min(src.len());
    while !src.is_char_boundary(pos) {
        pos -= 1;
    }
    let before = &src[..pos];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = src[line_start..pos].chars().count() + 1;
    (line, column)
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for TemplateError {}
