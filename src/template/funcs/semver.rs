//! sprig v2.22's `semverCompare`, with the constraint rules of the semver library it ships
//! (Masterminds/semver 1.x): `,` is AND, `||` is OR, `a - b` is a range, operators
//! `= != > < >= => <= =< ~ ~> ^`, `x`/`X`/`*` wildcards, and a prerelease version satisfies
//! only constraints that name a prerelease themselves.
//!
//! `semver` itself (a `*semver.Version` with methods) is not offered: the template values here
//! have no methods, and a struct stand-in would print and marshal differently from Go.

use std::cmp::Ordering;
use std::sync::OnceLock;

use regex::Regex;

use super::{FuncDef, failed, str_arg};
use crate::template::value::Value;

pub(super) const FUNCS: &[FuncDef] = &[super::f("semverCompare", 2, |a| {
    let constraints = Constraints::parse(str_arg(a, 0)?).map_err(failed)?;
    let version = Version::parse(str_arg(a, 1)?).map_err(failed)?;
    Ok(Value::from(constraints.check(&version)))
})];

/// `v?MAJOR[.MINOR[.PATCH]][-PRERELEASE][+METADATA]`, wildcards allowed in constraints.
const VERSION_PATTERN: &str = r"v?([0-9xX*]+)(\.[0-9xX*]+)?(\.[0-9xX*]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?";

fn version_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!("^{}$", VERSION_PATTERN.replace("xX*", ""))).expect("valid regex")
    })
}

fn constraint_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"^\s*(!=|>=|=>|<=|=<|~>|>|<|=|~|\^)?\s*({VERSION_PATTERN})\s*$"
        ))
        .expect("valid regex")
    })
}

fn range_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\s*({VERSION_PATTERN})\s+-\s+({VERSION_PATTERN})\s*"
        ))
        .expect("valid regex")
    })
}

#[derive(Debug, Clone, PartialEq)]
struct Version {
    major: u64,
    minor: u64,
    patch: u64,
    pre: String,
}

impl Version {
    fn parse(text: &str) -> Result<Version, String> {
        let invalid = || "Invalid Semantic Version".to_string();
        let m = version_regex().captures(text).ok_or_else(invalid)?;
        let number = |i: usize| -> Result<u64, String> {
            m.get(i).map_or(Ok(0), |g| {
                g.as_str()
                    .trim_start_matches('.')
                    .parse()
                    .map_err(|e| format!("Error parsing version segment: {e}"))
            })
        };
        Ok(Version {
            major: number(1)?,
            minor: number(2)?,
            patch: number(3)?,
            pre: m.get(5).map_or("", |g| g.as_str()).to_string(),
        })
    }

    fn compare(&self, other: &Version) -> Ordering {
        (self.major, self.minor, self.patch)
            .cmp(&(other.major, other.minor, other.patch))
            .then_with(|| match (self.pre.is_empty(), other.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => compare_prerelease(&self.pre, &other.pre),
            })
    }
}

/// Dot-separated parts: numbers numerically and below words, words by bytes, a missing part
/// lowest.
fn compare_prerelease(a: &str, b: &str) -> Ordering {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split('.').collect(), b.split('.').collect());
    for i in 0..a.len().max(b.len()) {
        let (x, y) = (
            a.get(i).copied().unwrap_or(""),
            b.get(i).copied().unwrap_or(""),
        );
        if x == y {
            continue;
        }
        return match (x.is_empty(), y.is_empty()) {
            (true, _) => Ordering::Less,
            (_, true) => Ordering::Greater,
            _ => match (x.parse::<u64>(), y.parse::<u64>()) {
                (Ok(p), Ok(q)) if p != q => p.cmp(&q),
                (Ok(_), Ok(_)) => Ordering::Less,
                (Ok(_), Err(_)) => Ordering::Less,
                (Err(_), Ok(_)) => Ordering::Greater,
                (Err(_), Err(_)) => x.cmp(y),
            },
        };
    }
    Ordering::Equal
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    TildeOrEqual,
    NotEqual,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
    Tilde,
    Caret,
}

#[derive(Debug)]
struct Constraint {
    op: Op,
    version: Version,
    /// A wildcard somewhere (`1.x`, `*`), and where.
    dirty: bool,
    minor_dirty: bool,
    patch_dirty: bool,
}

/// OR of ANDs.
#[derive(Debug)]
struct Constraints(Vec<Vec<Constraint>>);

impl Constraints {
    fn parse(text: &str) -> Result<Constraints, String> {
        let rewritten = range_regex()
            .replace_all(text, |c: &regex::Captures| {
                format!(">= {}, <= {}", &c[1], &c[11])
            })
            .into_owned();
        rewritten
            .split("||")
            .map(|any| any.split(',').map(Constraint::parse).collect())
            .collect::<Result<_, _>>()
            .map(Constraints)
    }

    fn check(&self, version: &Version) -> bool {
        self.0
            .iter()
            .any(|all| all.iter().all(|constraint| constraint.check(version)))
    }
}

fn is_wildcard(text: &str) -> bool {
    matches!(text, "x" | "X" | "*")
}

impl Constraint {
    fn parse(text: &str) -> Result<Constraint, String> {
        let m = constraint_regex()
            .captures(text)
            .ok_or_else(|| format!("improper constraint: {text}"))?;
        let part = |i: usize| m.get(i).map_or("", |g| g.as_str());
        let op = match part(1) {
            "" | "=" => Op::TildeOrEqual,
            "!=" => Op::NotEqual,
            ">" => Op::Greater,
            "<" => Op::Less,
            ">=" | "=>" => Op::GreaterOrEqual,
            "<=" | "=<" => Op::LessOrEqual,
            "~" | "~>" => Op::Tilde,
            _ => Op::Caret,
        };
        // Groups of the version inside the constraint pattern: 2 whole, 3 major, 4 .minor,
        // 5 .patch, 6 -prerelease.
        let (major, minor, patch, pre) = (part(3), part(4), part(5), part(6));
        let (mut dirty, mut minor_dirty, mut patch_dirty) = (false, false, false);
        let text = if is_wildcard(major) {
            dirty = true;
            "0.0.0".to_string()
        } else if minor.is_empty() || is_wildcard(minor.trim_start_matches('.')) {
            dirty = true;
            minor_dirty = true;
            format!("{major}.0.0{pre}")
        } else if is_wildcard(patch.trim_start_matches('.')) {
            dirty = true;
            patch_dirty = true;
            format!("{major}{minor}.0{pre}")
        } else {
            part(2).to_string()
        };
        let version = Version::parse(&text).map_err(|_| "constraint Parser Error".to_string())?;
        Ok(Constraint {
            op,
            version,
            dirty,
            minor_dirty,
            patch_dirty,
        })
    }

    fn check(&self, v: &Version) -> bool {
        let c = &self.version;
        // A prerelease only satisfies constraints that are about prereleases (the library
        // skips this rule for a plain `!=`).
        let plain_not_equal = self.op == Op::NotEqual && !self.dirty;
        if !v.pre.is_empty() && c.pre.is_empty() && !plain_not_equal {
            return false;
        }
        // The library's reading of `< 2.1.x`: neither the major nor (unless a wildcard) the
        // minor above the constraint's — so 1.5.0 is not below 2.1.x, as upstream decides.
        let within_wildcard_upper =
            || !(v.major > c.major || (v.minor > c.minor && !self.minor_dirty));
        match self.op {
            Op::TildeOrEqual if self.dirty => self.tilde(v),
            Op::TildeOrEqual => v.compare(c) == Ordering::Equal,
            Op::NotEqual if self.dirty => {
                c.major != v.major || (c.minor != v.minor && !self.minor_dirty)
            }
            Op::NotEqual => v.compare(c) != Ordering::Equal,
            Op::Greater => v.compare(c) == Ordering::Greater,
            Op::GreaterOrEqual => v.compare(c) != Ordering::Less,
            Op::Less if self.dirty => within_wildcard_upper(),
            Op::Less => v.compare(c) == Ordering::Less,
            Op::LessOrEqual if self.dirty => within_wildcard_upper(),
            Op::LessOrEqual => v.compare(c) != Ordering::Greater,
            Op::Tilde => self.tilde(v),
            Op::Caret => v.compare(c) != Ordering::Less && v.major == c.major,
        }
    }

    /// `~1.2.3` is `>= 1.2.3, < 1.3.0`; `~1` and `~1.x` are `>= 1.0.0, < 2.0.0`; `~0.0.0` is any.
    fn tilde(&self, v: &Version) -> bool {
        let c = &self.version;
        if v.compare(c) == Ordering::Less {
            return false;
        }
        if (c.major, c.minor, c.patch) == (0, 0, 0) && !self.minor_dirty && !self.patch_dirty {
            return true;
        }
        v.major == c.major && (v.minor == c.minor || self.minor_dirty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holds(constraint: &str, version: &str) -> bool {
        Constraints::parse(constraint)
            .unwrap()
            .check(&Version::parse(version).unwrap())
    }

    #[test]
    fn constraints_follow_the_library_kanister_ships() {
        for (constraint, version, expected) in [
            (">= 1.2.3", "1.3", true),
            (">=1.2.3", "1.2.2", false),
            ("1.2.3", "1.2.3", true),
            ("= 1.2", "1.2.0", true),
            ("!=4.1", "4.1.0", false),
            ("!= 4.x", "5.1.0", true),
            ("!= 4.x", "4.9.0", false),
            ("< 1.20", "1.19.8", true),
            ("<= 2.x", "2.9.9", true),
            ("<= 2.x", "3.0.0", false),
            ("< 2.1.x", "2.1.9", true),
            ("< 2.1.x", "2.2.0", false),
            ("< 2.1.x", "1.5.0", false),
            ("!= 1.2.3", "1.2.3-rc.1", true),
            ("!= 1.x", "1.2.3-rc.1", false),
            ("~1.2.3", "1.2.9", true),
            ("~1.2.3", "1.3.0", false),
            ("~1", "1.9.0", true),
            ("~1.x", "2.0.0", false),
            ("~0.0.0", "5.0.0", true),
            ("^1.2.3", "1.9.9", true),
            ("^1.2.3", "2.0.0", false),
            ("^0.2.3", "0.9.0", true),
            ("1.x", "1.5.0", true),
            ("*", "7.0.0", true),
            ("1.2 - 1.4.5", "1.4.5", true),
            ("1.2 - 1.4.5", "1.4.6", false),
            (">= 1.1, < 2", "1.5.0", true),
            ("< 1 || >= 3", "2.0.0", false),
            ("< 1 || >= 3", "3.1.0", true),
            (">= 1.2.3", "1.3.0-beta.1", false),
            (">= 1.3.0-alpha", "1.3.0-beta.1", true),
            (">= 1.3.0-beta.2", "1.3.0-beta.10", true),
            ("> 1.3.0-beta", "1.3.0-beta.1", true),
            ("v1.2.3", "1.2.3+build.7", true),
        ] {
            assert_eq!(
                holds(constraint, version),
                expected,
                "{constraint} on {version}"
            );
        }
    }

    #[test]
    fn bad_input_gives_the_librarys_errors() {
        assert_eq!(
            Constraints::parse(">= one").unwrap_err(),
            "improper constraint: >= one"
        );
        assert_eq!(
            Version::parse("1.2.3.4").unwrap_err(),
            "Invalid Semantic Version"
        );
        assert_eq!(
            compare_prerelease("alpha.1", "alpha"),
            Ordering::Greater,
            "a longer prerelease is higher"
        );
        assert_eq!(compare_prerelease("1", "alpha"), Ordering::Less);
    }
}
