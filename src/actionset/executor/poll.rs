//! The executor's waits, all through `crate::kube::wait`: a fixed short pause (what functions
//! wait for settles in seconds, and Kanister polls as often), and no reaction to the user's
//! stop signal, because the executor itself decides what a stop ends (deferPhases still run
//! after one, bounded by `DEFER_AFTER_STOP`).

use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::kube::wait::{TimedOut, Wait};

/// A wait for `object` to `condition`, looking every `pause`.
pub fn every(pause: Duration, object: &str, condition: &str) -> Wait {
    Wait::new(object, condition)
        .interval(pause, pause)
        .cancel_on(CancellationToken::new())
}

/// When `error` is the wait's deadline passing: what the last look saw (if it said). The
/// callers word their own timeout errors, as Kanister does.
pub fn timed_out(error: &anyhow::Error) -> Option<Option<&str>> {
    error
        .downcast_ref::<TimedOut>()
        .map(|t| t.last_seen.as_deref())
}
