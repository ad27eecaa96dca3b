//! Velero's include/exclude rules: excludes win, an empty include list or `*` includes
//! everything, entries are globs (`*`, `?`, `[abc]`). Old-style validation as Velero does it.

use anyhow::{Result, bail};

#[derive(Debug, Clone, Default)]
pub struct IncludesExcludes {
    includes: Vec<String>,
    excludes: Vec<String>,
    include_patterns: Vec<glob::Pattern>,
    exclude_patterns: Vec<glob::Pattern>,
}

impl IncludesExcludes {
    /// `what` names the flag pair in errors ("namespaces", "resources").
    pub fn new(includes: &[String], excludes: &[String], what: &str) -> Result<Self> {
        if includes.iter().any(|i| i == "*") && includes.len() > 1 {
            bail!("--include-{what}: '*' must be the only entry when present");
        }
        if excludes.iter().any(|e| e == "*") {
            bail!("--exclude-{what} may not contain '*'");
        }
        if let Some(both) = includes.iter().find(|i| excludes.contains(i)) {
            bail!("{both:?} is both included and excluded (--include-{what} / --exclude-{what})");
        }
        let compile = |list: &[String]| -> Result<Vec<glob::Pattern>> {
            list.iter()
                .map(|p| {
                    glob::Pattern::new(p).map_err(|e| {
                        anyhow::anyhow!("invalid pattern {p:?} in --include/--exclude-{what}: {e}")
                    })
                })
                .collect()
        };
        Ok(IncludesExcludes {
            include_patterns: compile(includes)?,
            exclude_patterns: compile(excludes)?,
            includes: includes.to_vec(),
            excludes: excludes.to_vec(),
        })
    }

    pub fn should_include(&self, value: &str) -> bool {
        if self.exclude_patterns.iter().any(|p| p.matches(value)) {
            return false;
        }
        self.includes_all() || self.include_patterns.iter().any(|p| p.matches(value))
    }

    /// No include list, or `*`.
    pub fn includes_all(&self) -> bool {
        self.includes.is_empty() || self.includes.iter().any(|i| i == "*")
    }

    /// Velero's `IncludeEverything`: includes all and excludes nothing.
    pub fn include_everything(&self) -> bool {
        self.includes_all() && self.excludes.is_empty()
    }

    pub fn includes(&self) -> &[String] {
        &self.includes
    }

    pub fn excludes(&self) -> &[String] {
        &self.excludes
    }
}

pub fn is_glob(text: &str) -> bool {
    text.contains(['*', '?', '['])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ie(i: &[&str], e: &[&str]) -> Result<IncludesExcludes> {
        let v = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        IncludesExcludes::new(&v(i), &v(e), "namespaces")
    }

    #[test]
    fn excludes_win_and_globs_match() {
        let f = ie(&["web-*", "shop"], &["web-old"]).unwrap();
        assert!(f.should_include("web-1"));
        assert!(f.should_include("shop"));
        assert!(!f.should_include("web-old"));
        assert!(!f.should_include("db"));
        let all = ie(&[], &["kube-*"]).unwrap();
        assert!(all.should_include("x"));
        assert!(!all.should_include("kube-system"));
        assert!(!all.include_everything());
        assert!(ie(&["*"], &[]).unwrap().include_everything());
    }

    #[test]
    fn velero_validation() {
        assert!(ie(&["*", "a"], &[]).is_err());
        assert!(ie(&[], &["*"]).is_err());
        assert!(ie(&["a"], &["a"]).is_err());
        assert!(ie(&["[a"], &[]).is_err());
    }
}
