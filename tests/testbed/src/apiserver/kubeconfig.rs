//! Kubeconfig files pointing at the fake server: the default one, and builders for tests of
//! `--context`, `--user`, `--cluster` and namespace defaults.

use std::path::Path;

/// A kubeconfig under construction. Strings are written as YAML double-quoted scalars.
#[derive(Debug, Clone, Default)]
pub struct KubeconfigBuilder {
    clusters: Vec<(String, String)>,
    users: Vec<(String, String)>,
    contexts: Vec<(String, String, String, Option<String>)>,
    current: Option<String>,
}

fn q(s: &str) -> String {
    serde_json::to_string(s).expect("string")
}

impl KubeconfigBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn cluster(mut self, name: &str, server: &str) -> Self {
        self.clusters.push((name.into(), server.into()));
        self
    }

    /// A user authenticating with a bearer token (register it with `FakeApiServer::add_token`).
    pub fn user(mut self, name: &str, token: &str) -> Self {
        self.users.push((name.into(), token.into()));
        self
    }

    pub fn context(
        mut self,
        name: &str,
        cluster: &str,
        user: &str,
        namespace: Option<&str>,
    ) -> Self {
        self.contexts.push((
            name.into(),
            cluster.into(),
            user.into(),
            namespace.map(String::from),
        ));
        self
    }

    pub fn current_context(mut self, name: &str) -> Self {
        self.current = Some(name.into());
        self
    }

    pub fn to_yaml(&self) -> String {
        let mut y = String::from("apiVersion: v1\nkind: Config\npreferences: {}\nclusters:\n");
        for (name, server) in &self.clusters {
            y += &format!(
                "- name: {}\n  cluster:\n    server: {}\n",
                q(name),
                q(server)
            );
        }
        y += "users:\n";
        for (name, token) in &self.users {
            y += &format!("- name: {}\n  user:\n    token: {}\n", q(name), q(token));
        }
        y += "contexts:\n";
        for (name, cluster, user, ns) in &self.contexts {
            y += &format!(
                "- name: {}\n  context:\n    cluster: {}\n    user: {}\n",
                q(name),
                q(cluster),
                q(user)
            );
            if let Some(ns) = ns {
                y += &format!("    namespace: {}\n", q(ns));
            }
        }
        if let Some(c) = &self.current {
            y += &format!("current-context: {}\n", q(c));
        }
        y
    }

    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        std::fs::write(path, self.to_yaml())
    }
}
