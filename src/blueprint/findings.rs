//! What validation found, each finding pointing into the YAML source, printed the way compilers
//! do (`FILE:LINE:COL: error: message`) so editors can jump to it.

use super::source::Pos;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub pos: Pos,
    pub severity: Severity,
    pub message: String,
}

impl Finding {
    /// `FILE:LINE:COL: error: message`.
    pub fn display(&self, file: &str) -> String {
        format!(
            "{file}:{}:{}: {}: {}",
            self.pos.line, self.pos.col, self.severity, self.message
        )
    }
}

/// Every finding of one validation run, in source order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    items: Vec<Finding>,
}

impl Findings {
    pub fn error(&mut self, pos: Pos, message: impl Into<String>) {
        self.push(pos, Severity::Error, message.into());
    }

    pub fn warning(&mut self, pos: Pos, message: impl Into<String>) {
        self.push(pos, Severity::Warning, message.into());
    }

    fn push(&mut self, pos: Pos, severity: Severity, message: String) {
        let finding = Finding {
            pos,
            severity,
            message,
        };
        if !self.items.contains(&finding) {
            self.items.push(finding);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|f| f.severity == severity).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorted by position, so output reads top to bottom like the file.
    pub fn sorted(mut self) -> Vec<Finding> {
        self.items.sort_by_key(|f| (f.pos, f.severity));
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        self.items.iter()
    }

    /// All findings as `FILE:LINE:COL: severity: message` lines.
    pub fn render(&self, file: &str) -> String {
        let mut out = String::new();
        for finding in self.clone().sorted() {
            out.push_str(&finding.display(file));
            out.push('\n');
        }
        out
    }
}
