//! Value parsers for every flag that names a Kubernetes thing. They run while clap parses, so a
//! bad value is refused before anything is sent, with clap's message naming the flag
//! (`invalid value 'a b' for '--profile <[NS/]NAME>': …`) followed by the rule broken, worded as
//! the API server words it.

const SUBDOMAIN_RULE: &str = "a lowercase RFC 1123 subdomain must consist of lower case \
     alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character \
     (e.g. 'example.com'), at most 253 characters";

const LABEL_RULE: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric \
     characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name'), \
     at most 63 characters";

/// An object name (Profile, Blueprint, ActionSet, Secret…): an RFC 1123 subdomain.
pub fn object_name(text: &str) -> Result<String, String> {
    check_subdomain(text)?;
    Ok(text.to_string())
}

/// A namespace name: an RFC 1123 label.
pub fn namespace_name(text: &str) -> Result<String, String> {
    if is_label(text) {
        Ok(text.to_string())
    } else {
        Err(format!("namespace {text:?} is not valid: {LABEL_RULE}"))
    }
}

/// `NAME` or `NAMESPACE/NAME`, each part checked by its own rule.
pub fn namespaced_object_name(text: &str) -> Result<String, String> {
    match text.split_once('/') {
        Some((namespace, name)) => {
            namespace_name(namespace)?;
            check_subdomain(name)?;
        }
        None => check_subdomain(text)?,
    }
    Ok(text.to_string())
}

/// A label selector in kubectl's syntax: `k=v`, `k==v`, `k!=v`, `k`, `!k`, `k in (a,b)`,
/// `k notin (a,b)`, joined by commas.
pub fn label_selector(text: &str) -> Result<String, String> {
    for requirement in split_requirements(text)? {
        check_requirement(requirement.trim())?;
    }
    Ok(text.to_string())
}

/// One `--namespace-mappings` entry, `SOURCE:TARGET`, both namespace names (the flag splits
/// on commas first). A source mapped twice is refused later, once every entry is known.
pub fn namespace_mapping(text: &str) -> Result<String, String> {
    let (source, target) = text.split_once(':').ok_or_else(|| {
        format!("{text:?} is not SOURCE:TARGET: a mapping is two namespace names joined by ':' (e.g. prod:staging)")
    })?;
    for namespace in [source.trim(), target.trim()] {
        namespace_name(namespace)?;
    }
    Ok(text.to_string())
}

/// `KEY=VALUE[,KEY=VALUE…]` that become labels (`--labels`, `--podlabels`): each key and value
/// by the label rules the API server applies.
pub fn label_pairs(text: &str) -> Result<String, String> {
    for (key, value) in key_value_pairs(text)? {
        check_label_key(key)?;
        check_label_value(value)?;
    }
    Ok(text.to_string())
}

/// `KEY=VALUE[,KEY=VALUE…]` that become annotations (`--podannotations`): the key by the label
/// key rule, the value free text (without ',' or '=', which separate pairs).
pub fn annotation_pairs(text: &str) -> Result<String, String> {
    for (key, _) in key_value_pairs(text)? {
        check_label_key(key)?;
    }
    Ok(text.to_string())
}

/// Empty parts are skipped, as the command reads them.
fn key_value_pairs(text: &str) -> Result<Vec<(&str, &str)>, String> {
    text.split(',')
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((key, value)) if !key.is_empty() && !value.contains('=') => Ok((key, value)),
            _ => Err(format!(
                "{part:?} is not KEY=VALUE: pairs are KEY=VALUE joined by ',' (e.g. app=web,tier=db)"
            )),
        })
        .collect()
}

fn check_subdomain(text: &str) -> Result<(), String> {
    let well_formed = !text.is_empty()
        && text.len() <= 253
        && text.split('.').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        && starts_and_ends_alphanumeric(text);
    if well_formed {
        Ok(())
    } else {
        Err(format!("name {text:?} is not valid: {SUBDOMAIN_RULE}"))
    }
}

fn is_label(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 63
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && starts_and_ends_alphanumeric(text)
}

fn starts_and_ends_alphanumeric(text: &str) -> bool {
    let alphanumeric = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
    alphanumeric(text.as_bytes().first()) && alphanumeric(text.as_bytes().last())
}

/// Commas separate requirements except inside the parentheses of `in (…)`.
fn split_requirements(text: &str) -> Result<Vec<&str>, String> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| format!("selector {text:?}: ')' without '('"))?;
            }
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if depth != 0 {
        return Err(format!("selector {text:?}: '(' is never closed"));
    }
    parts.push(&text[start..]);
    Ok(parts)
}

fn check_requirement(requirement: &str) -> Result<(), String> {
    if requirement.is_empty() {
        return Err(
            "a selector has an empty requirement (two commas in a row, or a trailing comma)".into(),
        );
    }
    if let Some(key) = requirement.strip_prefix('!') {
        return check_label_key(key.trim());
    }
    for operator in ["!=", "==", "="] {
        if let Some((key, value)) = requirement.split_once(operator) {
            check_label_key(key.trim())?;
            return check_label_value(value.trim());
        }
    }
    for operator in [" notin ", " in "] {
        if let Some((key, values)) = requirement.split_once(operator) {
            check_label_key(key.trim())?;
            let values = values.trim();
            let inner = values
                .strip_prefix('(')
                .and_then(|v| v.strip_suffix(')'))
                .ok_or_else(|| {
                    format!(
                        "{requirement:?}: the values after `{}` go in parentheses, e.g. (a,b)",
                        operator.trim()
                    )
                })?;
            for value in inner.split(',') {
                check_label_value(value.trim())?;
            }
            return Ok(());
        }
    }
    check_label_key(requirement)
}

/// `[prefix/]name`: the prefix a DNS subdomain, the name at most 63 characters of alphanumerics,
/// `-`, `_` and `.`, starting and ending with an alphanumeric.
fn check_label_key(key: &str) -> Result<(), String> {
    let name = match key.split_once('/') {
        Some((prefix, name)) => {
            check_subdomain(prefix).map_err(|_| {
                format!("label key {key:?}: the prefix before '/' must be a DNS subdomain ({SUBDOMAIN_RULE})")
            })?;
            name
        }
        None => key,
    };
    if name.is_empty() || !is_label_value(name) {
        return Err(format!(
            "label key {key:?} is not valid: a name part must be at most 63 characters of \
             alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric \
             (e.g. 'app' or 'example.com/app')"
        ));
    }
    Ok(())
}

fn check_label_value(value: &str) -> Result<(), String> {
    if value.is_empty() || is_label_value(value) {
        Ok(())
    } else {
        Err(format!(
            "label value {value:?} is not valid: at most 63 characters of alphanumerics, '-', '_' \
             or '.', starting and ending with an alphanumeric (or empty)"
        ))
    }
}

fn is_label_value(text: &str) -> bool {
    text.len() <= 63
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && starts_and_ends_alphanumeric(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_names_follow_rfc_1123_subdomains() {
        for good in ["a", "minio", "prod.backups", "x-1", "0abc"] {
            assert!(object_name(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "a b",
            "Minio",
            "-a",
            "a-",
            "a..b",
            "a_b",
            &"a".repeat(254),
        ] {
            let error = object_name(bad).unwrap_err();
            assert!(error.contains("RFC 1123 subdomain"), "{bad}: {error}");
        }
    }

    #[test]
    fn namespaces_are_labels_and_pairs_are_checked_part_by_part() {
        assert!(namespace_name("kube-system").is_ok());
        assert!(namespace_name("a.b").is_err());
        assert!(namespace_name(&"a".repeat(64)).is_err());
        assert!(namespaced_object_name("velero/default").is_ok());
        assert!(namespaced_object_name("Velero/default").is_err());
        assert!(namespaced_object_name("velero/de fault").is_err());
    }

    #[test]
    fn mappings_and_pairs_name_the_broken_part() {
        assert!(namespace_mapping("prod:staging").is_ok());
        for (bad, named) in [
            ("prod", "SOURCE:TARGET"),
            ("prod:Staging", "namespace \"Staging\""),
            (":staging", "namespace \"\""),
        ] {
            let error = namespace_mapping(bad).unwrap_err();
            assert!(error.contains(named), "{bad}: {error}");
        }
        assert!(label_pairs("app=web,tier=").is_ok());
        assert!(label_pairs("app=we b").unwrap_err().contains("label value"));
        assert!(label_pairs("app").unwrap_err().contains("KEY=VALUE"));
        assert!(label_pairs("a b=c").unwrap_err().contains("label key"));
        assert!(annotation_pairs("note=free text").is_ok());
        assert!(
            annotation_pairs("bad key=x")
                .unwrap_err()
                .contains("label key")
        );
    }

    #[test]
    fn selectors_accept_kubectl_syntax_and_name_the_broken_part() {
        for good in [
            "app=web",
            "app==web,tier!=db",
            "app",
            "!app",
            "env in (prod, staging),tier notin (db)",
            "example.com/app=x",
            "app=",
        ] {
            assert!(label_selector(good).is_ok(), "{good}");
        }
        for (bad, named) in [
            ("app=we b", "label value"),
            ("a b=c", "label key"),
            ("app=web,", "empty requirement"),
            ("env in prod", "parentheses"),
            ("env in (a", "never closed"),
            ("Bad_/x=y", "prefix"),
        ] {
            let error = label_selector(bad).unwrap_err();
            assert!(error.contains(named), "{bad}: {error}");
        }
    }
}
