//! `kubectl backup etcd status FILE`.

use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::Args;

use crate::cli::GlobalArgs;
use crate::etcd::snapshot_file::HashCheck;
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
    let status = status(&args.file)?;
    if let Some(HashCheck::Mismatch { expected, got }) = status.trailer
        && !args.skip_hash_check
    {
        bail!(
            "{} was modified or truncated after it was saved: its SHA-256 trailer says {} but \
             its contents hash to {}; a restore would refuse it. Use another copy of the \
             snapshot, or --skip-hash-check to inspect this one anyway",
            args.file.display(),
            hex::encode(expected),
            hex::encode(got)
        );
    }
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
