//! `kubectl backup etcd status FILE`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::cli::GlobalArgs;
use crate::etcd::status::{Status, humanize_bytes, status};
use crate::output::{OutputFormat, Table, print_structured};

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The snapshot file (`etcd save`/`etcdctl snapshot save` output, or a raw member/snap/db)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Report a SHA-256 trailer mismatch instead of refusing the file
    #[arg(long)]
    pub skip_hash_check: bool,
}

pub fn run(args: StatusArgs, global: &GlobalArgs) -> Result<()> {
    let status = status(&args.file, args.skip_hash_check)?;
    match global.output_or(OutputFormat::Table) {
        format @ (OutputFormat::Json | OutputFormat::Yaml) => print_structured(&status, format),
        format => Ok(table(&status).print(format)?),
    }
}

fn table(status: &Status) -> Table {
    let mut table = Table::new(&[
        "hash",
        "revision",
        "total keys",
        "total size",
        "version",
        "sha256 trailer",
    ])
    .with_wide(&["sha256"]);
    table.row([
        format!("{:08x}", status.hash),
        status.revision.to_string(),
        status.total_key.to_string(),
        humanize_bytes(status.total_size),
        if status.version.is_empty() {
            "-".into()
        } else {
            status.version.clone()
        },
        status.sha256_trailer.to_string(),
        status.sha256.clone(),
    ]);
    table
}
