//! Object keys under a location prefix, with Kanister's rules: `key = path.Join(prefix, path)` with a
//! leading `/` removed (Go `path.Join` cleans `//`, `.` and `..`).
//!
//! Unlike Kanister, a key that climbs out of the location prefix (`../x`) is refused: the prefix is
//! the boundary a Profile or BSL grants, and silently writing or deleting outside it is never wanted.

use super::error::{Result, StorageError};

/// How `delete_prefix` matches keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrefixMode {
    /// `kando location delete` semantics: every key that starts with the joined string, so
    /// `a/b` also deletes `a/bc` and `a/b.tar`.
    Kanister,
    /// The object `a/b` itself and everything under `a/b/`; never `a/bc`.
    PathSafe,
}

/// Go's `path.Clean`.
pub fn clean(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// Go's `path.Join`: empty elements are ignored, an all-empty join is `""`.
pub fn join(elements: &[&str]) -> String {
    let non_empty: Vec<&str> = elements.iter().copied().filter(|e| !e.is_empty()).collect();
    if non_empty.is_empty() {
        return String::new();
    }
    clean(&non_empty.join("/"))
}

/// The full key of object `key` under `prefix`.
pub fn object_key(prefix: &str, key: &str) -> Result<String> {
    let full = join(&[prefix, key]).trim_start_matches('/').to_string();
    if full.is_empty() || full == "." || key.trim_matches('/').is_empty() {
        return Err(invalid(key, "an object key must not be empty"));
    }
    check_inside(prefix, key, &full, false)?;
    Ok(full)
}

/// The listing prefix for `key_prefix` under `prefix`. A trailing `/` is kept, because
/// `backups/` and `backups` list different things; an empty `key_prefix` lists the whole location.
pub fn list_prefix(prefix: &str, key_prefix: &str) -> Result<String> {
    if key_prefix.trim_matches('/').is_empty() || clean(key_prefix) == "." {
        return Ok(if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}/")
        });
    }
    let mut full = join(&[prefix, key_prefix])
        .trim_start_matches('/')
        .to_string();
    check_inside(prefix, key_prefix, &full, false)?;
    if key_prefix.ends_with('/') && !full.ends_with('/') {
        full.push('/');
    }
    Ok(full)
}

/// The raw string `kando location delete` matches: `path.Join(prefix, path)` without a leading `/`.
/// With an empty `key_prefix` this is the location prefix itself, which (as in Kanister) also
/// matches sibling prefixes such as `<prefix>-old/`.
pub fn kanister_prefix(prefix: &str, key_prefix: &str) -> Result<String> {
    let full = join(&[prefix, key_prefix])
        .trim_start_matches('/')
        .to_string();
    check_inside(prefix, key_prefix, &full, true)?;
    Ok(full)
}

/// The key relative to the location prefix, for keys listed under it.
pub fn relative<'a>(prefix: &str, full: &'a str) -> &'a str {
    if prefix.is_empty() {
        return full;
    }
    full.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('/'))
        .unwrap_or(full)
}

fn check_inside(prefix: &str, key: &str, full: &str, allow_prefix_itself: bool) -> Result<()> {
    if full == ".." || full.starts_with("../") {
        return Err(invalid(key, "it climbs above the bucket root"));
    }
    if prefix.is_empty() {
        return Ok(());
    }
    let inside = full
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.starts_with('/'))
        || (allow_prefix_itself && full == prefix);
    if inside {
        Ok(())
    } else {
        Err(invalid(
            key,
            &format!("it leaves the location prefix {prefix:?}"),
        ))
    }
}

fn invalid(key: &str, reason: &str) -> StorageError {
    StorageError::InvalidKey {
        key: key.to_string(),
        reason: reason.to_string(),
    }
}

/// Does `key` match a path-safe prefix `target` (the object itself or anything under `target/`)?
pub fn path_safe_match(target: &str, key: &str) -> bool {
    key == target
        || key
            .strip_prefix(target)
            .is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_matches_go() {
        for (input, want) in [
            ("", "."),
            ("a//b", "a/b"),
            ("a/./b/", "a/b"),
            ("a/../b", "b"),
            ("../a", "../a"),
            ("/../a", "/a"),
            ("a/b/../../..", ".."),
            ("/", "/"),
        ] {
            assert_eq!(clean(input), want, "clean({input:?})");
        }
    }

    #[test]
    fn object_keys_follow_kando() {
        assert_eq!(object_key("", "/a/b").unwrap(), "a/b");
        assert_eq!(object_key("pre", "a//b").unwrap(), "pre/a/b");
        assert_eq!(object_key("pre/fix", "./x").unwrap(), "pre/fix/x");
        assert!(object_key("pre", "").is_err());
        assert!(object_key("pre", "/").is_err());
        assert!(object_key("pre", "../x").is_err());
        assert!(object_key("", "../x").is_err());
        assert!(object_key("pre", "a/../..").is_err());
    }

    #[test]
    fn list_prefixes_keep_the_trailing_slash() {
        assert_eq!(list_prefix("pre", "backups/").unwrap(), "pre/backups/");
        assert_eq!(list_prefix("pre", "backups").unwrap(), "pre/backups");
        assert_eq!(list_prefix("pre", "").unwrap(), "pre/");
        assert_eq!(list_prefix("", "").unwrap(), "");
        assert!(list_prefix("pre", "../other/").is_err());
    }

    #[test]
    fn kanister_prefix_is_the_raw_join() {
        assert_eq!(kanister_prefix("pre", "a/b").unwrap(), "pre/a/b");
        assert_eq!(kanister_prefix("pre", "").unwrap(), "pre");
        assert_eq!(kanister_prefix("", "/a/b").unwrap(), "a/b");
        assert!(kanister_prefix("pre", "..").is_err());
    }

    #[test]
    fn path_safe_never_matches_siblings() {
        assert!(path_safe_match("a/b", "a/b"));
        assert!(path_safe_match("a/b", "a/b/c"));
        assert!(!path_safe_match("a/b", "a/bc"));
        assert!(!path_safe_match("a/b", "a/b.tar"));
    }

    #[test]
    fn relative_strips_the_location_prefix() {
        assert_eq!(relative("pre", "pre/a/b"), "a/b");
        assert_eq!(relative("", "a/b"), "a/b");
        assert_eq!(relative("pre", "prex/a"), "prex/a");
    }
}
