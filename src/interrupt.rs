//! How the plugin is stopped. SIGINT (Ctrl-C), SIGTERM (a CI timeout, `timeout(1)`, the pod the
//! plugin runs in being stopped) and SIGHUP (the terminal closed) all mean the same thing: stop,
//! clean up what this run created, and say what was and was not done. A second signal while that
//! cleanup runs means "stop now": the process exits at once, as a shell user expects from a second
//! Ctrl-C.
//!
//! Listening starts on the first call to [`cancellation`] or [`signalled`], not at startup: until a
//! command asks, the default signal actions (terminate) stay in place, so a command with nothing
//! to clean up still dies at the first Ctrl-C.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::Duration;

use tokio_util::sync::CancellationToken;

/// A stop request the plugin honours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// SIGINT: Ctrl-C at the terminal.
    Interrupt,
    /// SIGTERM: `kill`, `timeout(1)`, a CI job's time limit, a pod being stopped.
    Terminate,
    /// SIGHUP: the terminal was closed.
    Hangup,
}

impl Signal {
    pub fn name(self) -> &'static str {
        match self {
            Signal::Interrupt => "SIGINT",
            Signal::Terminate => "SIGTERM",
            Signal::Hangup => "SIGHUP",
        }
    }

    fn number(self) -> u8 {
        match self {
            Signal::Hangup => 1,
            Signal::Interrupt => 2,
            Signal::Terminate => 15,
        }
    }

    /// The exit status a shell reports for a process stopped by this signal (128 + its number).
    pub fn exit_code(self) -> u8 {
        128 + self.number()
    }

    /// How the user's stop request reads in a message: "interrupted" for Ctrl-C, "terminated" and
    /// "hung up" for the others.
    pub fn described(self) -> &'static str {
        match self {
            Signal::Interrupt => "interrupted (Ctrl-C)",
            Signal::Terminate => "terminated (SIGTERM)",
            Signal::Hangup => "hung up (SIGHUP)",
        }
    }
}

struct Listener {
    token: CancellationToken,
    first: Arc<OnceLock<Signal>>,
}

static LISTENER: OnceLock<Listener> = OnceLock::new();

/// Last-moment cleanup run on the second signal, just before the process exits.
type ForcedExitHook = Box<dyn Fn() -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

static FORCED_EXIT_HOOKS: Mutex<Vec<ForcedExitHook>> = Mutex::new(Vec::new());

/// How long the hooks get on a second signal: the user asked to stop now.
const FORCED_EXIT_GRACE: Duration = Duration::from_secs(3);

/// Registers what must still be undone if a second signal ends the process during the cleanup
/// the first one started (e.g. deleting a pod a deferPhase created). The hooks run together,
/// for at most a few seconds, on the signal thread's runtime; their futures must not depend on
/// the main runtime's tasks being polled by the caller.
pub fn on_forced_exit<F, Fut>(hook: F)
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    FORCED_EXIT_HOOKS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Box::new(move || Box::pin(hook())));
}

/// A token cancelled by the first SIGINT, SIGTERM or SIGHUP. Every caller gets a child of one
/// process-wide token, so cancelling a child (e.g. when a step ends) does not affect the others.
pub fn cancellation() -> CancellationToken {
    listener().token.child_token()
}

/// Waits for the first stop signal; returns at once if one was already received.
pub async fn signalled() -> Signal {
    let listener = listener();
    listener.token.cancelled().await;
    listener.first.get().copied().unwrap_or(Signal::Interrupt)
}

/// The first stop signal received so far, if any.
pub fn received() -> Option<Signal> {
    LISTENER.get().and_then(|l| l.first.get().copied())
}

/// How the stop request reads in a message ("terminated (SIGTERM)"); "interrupted" when the
/// work was cancelled without a signal.
pub fn stop_described() -> &'static str {
    received().map_or("interrupted", Signal::described)
}

fn listener() -> &'static Listener {
    LISTENER.get_or_init(|| {
        let listener = Listener {
            token: CancellationToken::new(),
            first: Arc::new(OnceLock::new()),
        };
        start(listener.token.clone(), listener.first.clone());
        listener
    })
}

/// Registers the handlers on a thread of its own (with its own small runtime), so they outlive
/// any one Tokio runtime and work from synchronous code too. Returns once they are registered, so
/// a signal sent right after the first call is never lost.
fn start(token: CancellationToken, first: Arc<OnceLock<Signal>>) {
    let (ready_tx, ready_rx) = mpsc::channel::<Result<(), String>>();
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || listen(token, first, ready_tx));
    match spawned {
        Ok(_) => {
            if let Ok(Err(e)) = ready_rx.recv() {
                tracing::warn!("cannot listen for stop signals: {e}");
            }
        }
        Err(e) => tracing::warn!("cannot start the signal listener: {e}"),
    }
}

fn listen(
    token: CancellationToken,
    first: Arc<OnceLock<Signal>>,
    ready: mpsc::Sender<Result<(), String>>,
) {
    use tokio::signal::unix::{SignalKind, signal};
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            let _ = ready.send(Err(e.to_string()));
            return;
        }
    };
    runtime.block_on(async move {
        let streams = (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
            signal(SignalKind::hangup()),
        );
        let (mut interrupt, mut terminate, mut hangup) = match streams {
            (Ok(i), Ok(t), Ok(h)) => (i, t, h),
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                let _ = ready.send(Err(e.to_string()));
                return;
            }
        };
        let _ = ready.send(Ok(()));
        loop {
            let signal = tokio::select! {
                _ = interrupt.recv() => Signal::Interrupt,
                _ = terminate.recv() => Signal::Terminate,
                _ = hangup.recv() => Signal::Hangup,
            };
            match first.set(signal) {
                Ok(()) => token.cancel(),
                Err(_) => {
                    // Cleanup is what the first signal started; a second one means the user
                    // will not wait for it.
                    eprintln!(
                        "\n{}: a second stop signal, so stopping now without finishing the cleanup",
                        signal.name()
                    );
                    let hooks: Vec<_> = FORCED_EXIT_HOOKS
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .iter()
                        .map(|hook| hook())
                        .collect();
                    let _ =
                        tokio::time::timeout(FORCED_EXIT_GRACE, futures::future::join_all(hooks))
                            .await;
                    std::process::exit(i32::from(signal.exit_code()));
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_the_shells() {
        assert_eq!(Signal::Interrupt.exit_code(), 130);
        assert_eq!(Signal::Terminate.exit_code(), 143);
        assert_eq!(Signal::Hangup.exit_code(), 129);
    }
}
