//! `kubectl backup etcd save FILE`.

use std::path::PathBuf;

use anyhow::{Result, anyhow};
use clap::Args;

use super::EtcdConnectionArgs;
use crate::cli::GlobalArgs;
use crate::etcd::save::{Saved, save};
use crate::etcd::status::humanize_bytes;
use crate::output::{OutputFormat, print_structured, write_stdout};

#[derive(Debug, Args)]
pub struct SaveArgs {
    /// Where to write the snapshot (replaced atomically; never left half-written)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    #[command(flatten)]
    pub connection: EtcdConnectionArgs,
}

pub async fn run(args: SaveArgs, global: &GlobalArgs) -> Result<()> {
    let endpoint = args.connection.endpoint(global)?;
    let bar = progress_bar(global.show_progress());
    let mut on_progress = {
        let bar = bar.clone();
        move |received: u64, total: u64| {
            if bar.length() != Some(total) {
                bar.set_length(total);
            }
            bar.set_position(received);
        }
    };
    let result = tokio::select! {
        result = save(&endpoint, &args.file, &mut on_progress) => result,
        _ = tokio::signal::ctrl_c() => Err(anyhow!(
            "interrupted: the partial snapshot was removed and {} was not touched",
            args.file.display()
        )),
    };
    bar.finish_and_clear();
    let saved = result?;
    report(&saved, global)
}

fn report(saved: &Saved, global: &GlobalArgs) -> Result<()> {
    match global.output {
        Some(format @ (OutputFormat::Json | OutputFormat::Yaml)) => print_structured(saved, format),
        _ => {
            eprintln!(
                "fetched {} from {} in {:.2}s ({}/s), revision {}, sha256 {} verified",
                humanize_bytes(saved.size),
                saved.endpoint,
                saved.elapsed.as_secs_f64(),
                humanize_bytes(saved.bytes_per_second() as u64),
                saved.revision,
                saved.sha256,
            );
            // The one stdout line etcdctl prints, so scripts written for it keep working.
            let mut text = format!("Snapshot saved at {}\n", saved.path.display());
            if !saved.server_version.is_empty() {
                text.push_str(&format!("Server version {}\n", saved.server_version));
            }
            Ok(write_stdout(&text)?)
        }
    }
}

fn progress_bar(visible: bool) -> indicatif::ProgressBar {
    if !visible {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} snapshot {bar:30} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
        )
        .expect("valid template"),
    );
    bar
}
