//! Who is calling: bearer tokens mapped to users, impersonation headers, and the RBAC knob
//! (deny rules; everything else is allowed).

use std::collections::HashMap;

/// The default credentials written into the temp kubeconfig.
pub const ADMIN_USER: &str = "testbed-admin";
pub const ADMIN_TOKEN: &str = "testbed-admin-token";

#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub user: String,
    pub groups: Vec<String>,
}

impl Identity {
    pub fn anonymous() -> Self {
        Identity {
            user: "system:anonymous".into(),
            groups: vec!["system:unauthenticated".into()],
        }
    }
}

/// One denied permission. `"*"` matches anything; `namespace: None` matches every namespace.
#[derive(Debug, Clone, PartialEq)]
pub struct DenyRule {
    pub user: String,
    pub verb: String,
    pub group: String,
    /// Plural, or `plural/subresource` (`pods/exec`).
    pub resource: String,
    pub namespace: Option<String>,
    /// Only this object name (None: every name).
    pub name: Option<String>,
    /// Only requests across all namespaces (a cluster-wide LIST of a namespaced type), not
    /// those inside one namespace: a user with RoleBindings in some namespaces only.
    pub cluster_wide_only: bool,
}

impl DenyRule {
    /// `resource` in kubectl's notation: `pods`, `deployments.apps`, `pods/exec`, `*`.
    pub fn new(user: &str, verb: &str, resource: &str) -> Self {
        let (res, sub) = match resource.split_once('/') {
            Some((r, s)) => (r, Some(s)),
            None => (resource, None),
        };
        let (plural, group) = match res.split_once('.') {
            Some((p, g)) => (p, g),
            None if res == "*" => ("*", "*"),
            None => (res, ""),
        };
        let resource = match sub {
            Some(s) => format!("{plural}/{s}"),
            None => plural.to_string(),
        };
        DenyRule {
            user: user.into(),
            verb: verb.into(),
            group: group.into(),
            resource,
            namespace: None,
            name: None,
            cluster_wide_only: false,
        }
    }

    /// Denies only requests made across all namespaces.
    pub fn cluster_wide_only(mut self) -> Self {
        self.cluster_wide_only = true;
        self
    }

    pub fn in_namespace(mut self, ns: &str) -> Self {
        self.namespace = Some(ns.into());
        self
    }

    pub fn named(mut self, name: &str) -> Self {
        self.name = Some(name.into());
        self
    }

    fn matches(&self, who: &Identity, attrs: &Attributes) -> bool {
        let any = |pattern: &str, value: &str| pattern == "*" || pattern == value;
        let full_resource = match &attrs.subresource {
            Some(s) if !s.is_empty() => format!("{}/{s}", attrs.resource),
            _ => attrs.resource.clone(),
        };
        let user_ok = self.user == "*" || self.user == who.user || who.groups.contains(&self.user);
        user_ok
            && any(&self.verb, &attrs.verb)
            && any(&self.group, &attrs.group)
            && any(&self.resource, &full_resource)
            && self
                .namespace
                .as_ref()
                .is_none_or(|ns| attrs.namespace.as_deref() == Some(ns.as_str()))
            && (!self.cluster_wide_only || attrs.namespace.is_none())
            && self
                .name
                .as_ref()
                .is_none_or(|n| attrs.name.as_deref() == Some(n.as_str()))
    }
}

/// What a request (or a SelfSubjectAccessReview) asks to do.
#[derive(Debug, Clone, Default)]
pub struct Attributes {
    pub verb: String,
    pub group: String,
    pub resource: String,
    pub subresource: Option<String>,
    pub namespace: Option<String>,
    pub name: Option<String>,
}

pub struct Auth {
    pub tokens: HashMap<String, Identity>,
    pub deny: Vec<DenyRule>,
    /// Requests without credentials are served (as `system:anonymous`) instead of 401/403.
    pub allow_anonymous: bool,
}

impl Default for Auth {
    fn default() -> Self {
        let mut tokens = HashMap::new();
        tokens.insert(
            ADMIN_TOKEN.to_string(),
            Identity {
                user: ADMIN_USER.into(),
                groups: vec!["system:masters".into(), "system:authenticated".into()],
            },
        );
        Auth {
            tokens,
            deny: Vec::new(),
            allow_anonymous: false,
        }
    }
}

impl Auth {
    pub fn allowed(&self, who: &Identity, attrs: &Attributes) -> bool {
        !self.deny.iter().any(|r| r.matches(who, attrs))
    }
}
