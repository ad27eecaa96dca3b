//! kubectl's label selector syntax (`app=web,tier!=db,env in (prod,stage),!legacy`), parsed into
//! the `metav1.LabelSelector` a Velero Backup stores, and matched locally where the API server
//! cannot do it for us.

use std::collections::BTreeMap;

use anyhow::{Result, bail};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, LabelSelectorRequirement};

/// Parses `-l/--selector`. Equality terms become `matchLabels`, the rest `matchExpressions`.
pub fn parse(text: &str) -> Result<LabelSelector> {
    let mut labels = BTreeMap::new();
    let mut expressions = Vec::new();
    for term in split_terms(text)? {
        let term = term.trim();
        if term.is_empty() {
            bail!("invalid selector {text:?}: empty term");
        }
        let requirement =
            |key: &str, operator: &str, values: Option<Vec<String>>| LabelSelectorRequirement {
                key: key.to_string(),
                operator: operator.to_string(),
                values,
            };
        if let Some(key) = term.strip_prefix('!') {
            check_key(key.trim(), text)?;
            expressions.push(requirement(key.trim(), "DoesNotExist", None));
        } else if let Some((key, value)) = term.split_once("!=") {
            check_key(key.trim(), text)?;
            expressions.push(requirement(
                key.trim(),
                "NotIn",
                Some(vec![value.trim().to_string()]),
            ));
        } else if let Some((key, value)) = term.split_once("==").or_else(|| term.split_once('=')) {
            check_key(key.trim(), text)?;
            labels.insert(key.trim().to_string(), value.trim().to_string());
        } else if let Some((key, rest)) = split_set_operator(term) {
            let (operator, list) = rest;
            check_key(key, text)?;
            let list = list.trim();
            let Some(inner) = list.strip_prefix('(').and_then(|l| l.strip_suffix(')')) else {
                bail!("invalid selector {text:?}: expected a parenthesised list after {operator}");
            };
            let values: Vec<String> = inner
                .split(',')
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect();
            if values.is_empty() {
                bail!("invalid selector {text:?}: {operator} needs at least one value");
            }
            let operator = if operator == "in" { "In" } else { "NotIn" };
            expressions.push(requirement(key, operator, Some(values)));
        } else {
            check_key(term, text)?;
            expressions.push(requirement(term, "Exists", None));
        }
    }
    Ok(LabelSelector {
        match_labels: (!labels.is_empty()).then_some(labels),
        match_expressions: (!expressions.is_empty()).then_some(expressions),
    })
}

/// Commas separate terms except inside `( … )`.
fn split_terms(text: &str) -> Result<Vec<&str>> {
    let mut terms = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                terms.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        if depth < 0 {
            bail!("invalid selector {text:?}: unbalanced parentheses");
        }
    }
    if depth != 0 {
        bail!("invalid selector {text:?}: unbalanced parentheses");
    }
    terms.push(&text[start..]);
    Ok(terms)
}

fn split_set_operator(term: &str) -> Option<(&str, (&str, &str))> {
    for operator in [" notin ", " in "] {
        if let Some(pos) = term.find(operator) {
            let key = term[..pos].trim();
            let rest = &term[pos + operator.len()..];
            return Some((key, (operator.trim(), rest)));
        }
    }
    None
}

fn check_key(key: &str, text: &str) -> Result<()> {
    let valid = !key.is_empty()
        && key.len() <= 317
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    if !valid {
        bail!("invalid selector {text:?}: {key:?} is not a valid label key");
    }
    Ok(())
}

/// Does an object with these labels match? (An empty selector matches everything.)
pub fn matches(selector: &LabelSelector, labels: &BTreeMap<String, String>) -> bool {
    let equal = selector
        .match_labels
        .iter()
        .flatten()
        .all(|(k, v)| labels.get(k) == Some(v));
    let expressions = selector.match_expressions.iter().flatten().all(|r| {
        let value = labels.get(&r.key);
        let values = r.values.as_deref().unwrap_or_default();
        match r.operator.as_str() {
            "In" => value.is_some_and(|v| values.contains(v)),
            "NotIn" => value.is_none_or(|v| !values.contains(v)),
            "Exists" => value.is_some(),
            "DoesNotExist" => value.is_none(),
            _ => false,
        }
    });
    equal && expressions
}

/// Labels of a raw object, for [`matches`].
pub fn labels_of(object: &serde_json::Value) -> BTreeMap<String, String> {
    object["metadata"]["labels"]
        .as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_kubectl_forms() {
        let s = parse("app=web,tier!=db,env in (prod, stage),!legacy,owner").unwrap();
        assert_eq!(s.match_labels.as_ref().unwrap()["app"], "web");
        let ops: Vec<_> = s
            .match_expressions
            .as_ref()
            .unwrap()
            .iter()
            .map(|r| (r.key.as_str(), r.operator.as_str()))
            .collect();
        assert_eq!(
            ops,
            [
                ("tier", "NotIn"),
                ("env", "In"),
                ("legacy", "DoesNotExist"),
                ("owner", "Exists")
            ]
        );
        assert_eq!(
            s.match_expressions.as_ref().unwrap()[1].values,
            Some(vec!["prod".to_string(), "stage".to_string()])
        );
        for bad in ["", "a=b,", "env in prod", "env in ()", "a b=c", "(x"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn matches_like_the_api_server() {
        let s = parse("app=web,env notin (dev),!legacy").unwrap();
        let labels = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>()
        };
        assert!(matches(&s, &labels(&[("app", "web")])));
        assert!(matches(&s, &labels(&[("app", "web"), ("env", "prod")])));
        assert!(!matches(&s, &labels(&[("app", "web"), ("env", "dev")])));
        assert!(!matches(&s, &labels(&[("app", "web"), ("legacy", "1")])));
        assert!(!matches(&s, &labels(&[])));
    }
}
