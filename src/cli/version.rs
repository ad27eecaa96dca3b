use anyhow::Result;
use clap::Args;
use serde::Serialize;

use crate::cli::GlobalArgs;
use crate::output::{OutputFormat, print_structured, write_stdout};

#[derive(Debug, Args)]
pub struct VersionArgs {
    /// Print only the client version, without contacting the cluster
    #[arg(long)]
    pub client: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Versions {
    client_version: ClientVersion,
    #[serde(skip_serializing_if = "Option::is_none")]
    server_version: Option<k8s_openapi::apimachinery::pkg::version::Info>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ClientVersion {
    version: &'static str,
    platform: String,
}

pub async fn run(args: VersionArgs, global: &GlobalArgs) -> Result<()> {
    let client_version = ClientVersion {
        version: env!("CARGO_PKG_VERSION"),
        platform: format!("{}/{}", std::env::consts::OS, std::env::consts::ARCH),
    };
    let server_version = if args.client {
        None
    } else {
        let cluster = crate::kube::connect(&global.cluster_options()).await?;
        let info = cluster
            .client
            .apiserver_version()
            .await
            .map_err(|e| anyhow::anyhow!(crate::kube::describe_error(&cluster.server, &e)))?;
        Some(info)
    };
    let versions = Versions {
        client_version,
        server_version,
    };
    match global.output {
        Some(format @ (OutputFormat::Json | OutputFormat::Yaml)) => {
            print_structured(&versions, format)
        }
        _ => {
            let mut text = format!(
                "Client Version: v{} ({})\n",
                versions.client_version.version, versions.client_version.platform
            );
            if let Some(server) = &versions.server_version {
                text.push_str(&format!("Server Version: {}\n", server.git_version));
            }
            Ok(write_stdout(&text)?)
        }
    }
}
