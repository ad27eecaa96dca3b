//! `-v` turns on diagnostics on stderr, like kubectl's `-v=N`: one `-v` shows every API request
//! (method, URL, status) and what we decided; more `-v`s show more of the libraries underneath.
//! Without `-v` nothing is installed, so nothing is logged.

use tracing::level_filters::LevelFilter;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

pub fn init(verbosity: u8) {
    if verbosity == 0 {
        return;
    }
    let (ours, kube, everything) = match verbosity {
        1 => (LevelFilter::INFO, LevelFilter::DEBUG, LevelFilter::WARN),
        2 => (LevelFilter::DEBUG, LevelFilter::DEBUG, LevelFilter::INFO),
        _ => (LevelFilter::TRACE, LevelFilter::TRACE, LevelFilter::TRACE),
    };
    let filter = Targets::new()
        .with_default(everything)
        .with_target("kubectl_backup", ours)
        .with_target("kube_client", kube);
    let use_color = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let _ = tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(use_color)
                .with_target(verbosity > 1),
        )
        .with(filter)
        .try_init();
}
