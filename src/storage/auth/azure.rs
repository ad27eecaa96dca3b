//! Azure AD (Entra ID) tokens for Blob Storage: client credentials of a service principal (a
//! client secret, as Velero's Azure plugin and Kanister take `AZURE_CLIENT_SECRET`), or a federated
//! token (Azure Workload Identity: `AZURE_FEDERATED_TOKEN_FILE`, read again on each refresh).
//! Also the storage environments: which AD authority and which blob endpoint suffix each cloud has.

use std::path::PathBuf;

use super::{Token, failed, oauth_token, send_token_request};
use crate::storage::config::Secret;
use crate::storage::error::Result;

/// Blob Storage's OAuth scope (the same in every cloud).
pub const STORAGE_SCOPE: &str = "https://storage.azure.com/.default";

/// An Azure cloud: where its AD authority and its blob endpoints are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AzureEnvironment {
    /// As Kanister's `azure_storage_environment` and Velero's `AZURE_CLOUD_NAME` spell it.
    pub name: &'static str,
    pub authority_host: &'static str,
    pub blob_suffix: &'static str,
}

pub const AZURE_ENVIRONMENTS: [AzureEnvironment; 3] = [
    AzureEnvironment {
        name: "AzurePublicCloud",
        authority_host: "https://login.microsoftonline.com",
        blob_suffix: "blob.core.windows.net",
    },
    AzureEnvironment {
        name: "AzureUSGovernmentCloud",
        authority_host: "https://login.microsoftonline.us",
        blob_suffix: "blob.core.usgovcloudapi.net",
    },
    AzureEnvironment {
        name: "AzureChinaCloud",
        authority_host: "https://login.chinacloudapi.cn",
        blob_suffix: "blob.core.chinacloudapi.cn",
    },
];

impl AzureEnvironment {
    /// By name, case-insensitively; empty means the public cloud. `AzureUSGovernment` and
    /// `AzureChina` (the names of Azure's CLI) are accepted too.
    pub fn named(name: &str) -> Option<Self> {
        let name = name.trim();
        if name.is_empty() {
            return Some(AZURE_ENVIRONMENTS[0]);
        }
        AZURE_ENVIRONMENTS.into_iter().find(|e| {
            e.name.eq_ignore_ascii_case(name)
                || e.name
                    .strip_suffix("Cloud")
                    .is_some_and(|short| short.eq_ignore_ascii_case(name))
        })
    }

    pub fn names() -> String {
        AZURE_ENVIRONMENTS
            .iter()
            .map(|e| e.name)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What proves the service principal's identity to Azure AD.
#[derive(Clone, Debug)]
pub enum ClientProof {
    Secret(Secret),
    /// A federated token (workload identity) in this file.
    FederatedTokenFile(PathBuf),
}

/// A service principal or workload identity. `Debug` never shows the secret.
#[derive(Clone, Debug)]
pub struct AadCredential {
    pub tenant_id: String,
    pub client_id: String,
    pub proof: ClientProof,
    /// `https://login.microsoftonline.com` or the environment's (`AZURE_AUTHORITY_HOST` overrides).
    pub authority_host: String,
    /// Where the credential came from (`Secret ns/name`, `environment variables`).
    pub origin: String,
}

impl AadCredential {
    pub fn describe(&self) -> String {
        let how = match &self.proof {
            ClientProof::Secret(_) => "service principal (client secret)".to_string(),
            ClientProof::FederatedTokenFile(file) => {
                format!(
                    "workload identity (federated token file {})",
                    file.display()
                )
            }
        };
        format!(
            "Azure AD {how} of client {} in tenant {} from {}, tokens from {}",
            self.client_id, self.tenant_id, self.origin, self.authority_host
        )
    }

    fn token_url(&self) -> String {
        format!(
            "{}/{}/oauth2/v2.0/token",
            self.authority_host.trim_end_matches('/'),
            self.tenant_id
        )
    }

    pub(crate) async fn fetch_token(&self, client: &reqwest::Client) -> Result<Token> {
        let origin = self.describe();
        let mut form = vec![
            ("grant_type", "client_credentials".to_string()),
            ("client_id", self.client_id.clone()),
            ("scope", STORAGE_SCOPE.to_string()),
        ];
        match &self.proof {
            ClientProof::Secret(secret) => {
                form.push(("client_secret", secret.expose().to_string()));
            }
            ClientProof::FederatedTokenFile(file) => {
                let token = std::fs::read_to_string(file).map_err(|e| {
                    failed(
                        &origin,
                        format!(
                            "cannot read the federated token file: {e}; is the pod labelled \
                             azure.workload.identity/use=true?"
                        ),
                    )
                })?;
                form.push((
                    "client_assertion_type",
                    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer".to_string(),
                ));
                form.push(("client_assertion", token.trim().to_string()));
            }
        }
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let request = super::form_post(client, &self.token_url(), &form);
        let body = send_token_request(request, &origin).await?;
        oauth_token(&body, &origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environments_by_name() {
        assert_eq!(
            AzureEnvironment::named("AzureChinaCloud")
                .unwrap()
                .blob_suffix,
            "blob.core.chinacloudapi.cn"
        );
        assert_eq!(
            AzureEnvironment::named("azureusgovernment")
                .unwrap()
                .authority_host,
            "https://login.microsoftonline.us"
        );
        assert_eq!(
            AzureEnvironment::named("").unwrap().name,
            "AzurePublicCloud"
        );
        assert!(AzureEnvironment::named("AzureGermanCloud").is_none());
    }
}
