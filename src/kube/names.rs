//! Kubernetes' rules for object names.

/// A DNS-1123 subdomain, the rule most object names follow: at most 253 characters of
/// lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit.
pub fn is_dns_subdomain(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 253
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric())
}
