//! kanctl's ActionSet names: `--name`, else `<action>-<parent>-<r>` (`--from` and `--action`),
//! `<parent>-<r>` (`--from` only) or `<action>-<r>`, where `<r>` is 5 characters from
//! Kubernetes' random alphabet.

pub fn random_suffix() -> String {
    crate::profile::create::random_suffix(5)
}

pub fn actionset_name(
    explicit: Option<&str>,
    action: Option<&str>,
    parent: Option<&str>,
) -> String {
    if let Some(name) = explicit {
        return name.to_string();
    }
    let r = random_suffix();
    match (action, parent) {
        (Some(a), Some(p)) => format!("{a}-{p}-{r}"),
        (None, Some(p)) => format!("{p}-{r}"),
        (Some(a), None) => format!("{a}-{r}"),
        (None, None) => format!("actionset-{r}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_like_kanctl() {
        let n = actionset_name(None, Some("backup"), None);
        assert!(n.starts_with("backup-") && n.len() == 12, "{n}");
        assert!(
            n[7..]
                .bytes()
                .all(|b| b"bcdfghjklmnpqrstvwxz2456789".contains(&b))
        );
        assert!(
            actionset_name(None, Some("restore"), Some("backup-abcde"))
                .starts_with("restore-backup-abcde-")
        );
        assert!(actionset_name(None, None, Some("p")).starts_with("p-"));
        assert_eq!(actionset_name(Some("x"), Some("a"), None), "x");
    }
}
