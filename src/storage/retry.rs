//! Exponential backoff with full jitter for throttling, 5xx and dropped connections.

use std::future::Future;
use std::time::Duration;

use rand::RngExt;
use tokio_util::sync::CancellationToken;

use super::config::RetryPolicy;
use super::error::{Result, StorageError};

/// Run `attempt` until it succeeds, fails with a non-retryable error, or the attempts run out.
/// A cancelled token ends the attempt in flight, or the wait between attempts, with
/// `cancelled()`'s error.
pub(crate) async fn retry<T, F, Fut>(
    policy: &RetryPolicy,
    cancel: &CancellationToken,
    cancelled: impl Fn() -> StorageError,
    attempt: F,
) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T>>,
{
    retry_with(policy, cancel, cancelled, attempt, Interrupt::Anytime).await
}

/// What a cancelled token interrupts.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Interrupt {
    /// The attempt in flight too.
    Anytime,
    /// Only further attempts: the attempt in flight finishes. Multipart parts need this: a
    /// part request dropped mid-way may still be written by the server after the upload is
    /// aborted, leaving storage nobody can free.
    BetweenAttempts,
}

pub(crate) async fn retry_with<T, F, Fut>(
    policy: &RetryPolicy,
    cancel: &CancellationToken,
    cancelled: impl Fn() -> StorageError,
    mut attempt: F,
    interrupt: Interrupt,
) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let mut number = 1;
    loop {
        if cancel.is_cancelled() {
            return Err(cancelled());
        }
        let outcome = if interrupt == Interrupt::Anytime {
            tokio::select! {
                biased;
                () = cancel.cancelled() => return Err(cancelled()),
                outcome = attempt() => outcome,
            }
        } else {
            attempt().await
        };
        match outcome {
            Ok(value) => return Ok(value),
            Err(mut error) if !error.is_retryable() || number >= policy.max_attempts => {
                error.set_attempts(number);
                return Err(error);
            }
            Err(_) => {
                let delay = backoff(policy, number);
                tokio::select! {
                    biased;
                    () = cancel.cancelled() => return Err(cancelled()),
                    () = tokio::time::sleep(delay) => {}
                }
                number += 1;
            }
        }
    }
}

/// Full jitter: uniform in `[0, min(max, base × 2^(n-1))]`, at least a millisecond.
fn backoff(policy: &RetryPolicy, attempt: u32) -> Duration {
    let exp = policy
        .base_delay
        .saturating_mul(1u32 << (attempt - 1).min(16));
    let cap = exp.min(policy.max_delay).as_millis().max(1) as u64;
    Duration::from_millis(rand::rng().random_range(1..=cap))
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;
    use crate::storage::error::Attempts;

    fn policy() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
        }
    }

    fn slow_down() -> StorageError {
        StorageError::Service {
            location: "s3://b".into(),
            operation: "PUT",
            key: "k".into(),
            status: 503,
            code: "SlowDown".into(),
            message: "Please reduce your request rate.".into(),
            attempts: Attempts::default(),
        }
    }

    fn cancelled() -> StorageError {
        StorageError::Cancelled {
            location: "l".into(),
            operation: "PUT",
            key: "k".into(),
            cleanup: String::new(),
        }
    }

    #[tokio::test]
    async fn retries_until_success() {
        let calls = AtomicU32::new(0);
        let value = retry(&policy(), &CancellationToken::new(), cancelled, || async {
            if calls.fetch_add(1, Ordering::SeqCst) < 2 {
                Err(slow_down())
            } else {
                Ok(7)
            }
        })
        .await
        .unwrap();
        assert_eq!(value, 7);
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn gives_up_and_says_how_often_it_tried() {
        let calls = AtomicU32::new(0);
        let error = retry(&policy(), &CancellationToken::new(), cancelled, || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err::<(), _>(slow_down())
        })
        .await
        .unwrap_err();
        assert_eq!(calls.load(Ordering::SeqCst), 4);
        assert!(
            error.to_string().contains("gave up after 4 attempts"),
            "{error}"
        );
    }

    #[tokio::test]
    async fn does_not_retry_permanent_errors() {
        let calls = AtomicU32::new(0);
        let error = retry(&policy(), &CancellationToken::new(), cancelled, || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err::<(), _>(StorageError::NotFound {
                location: "l".into(),
                key: "k".into(),
            })
        })
        .await
        .unwrap_err();
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert!(error.is_not_found());
    }

    #[tokio::test]
    async fn cancellation_stops_retrying() {
        let token = CancellationToken::new();
        token.cancel();
        let error = retry(&policy(), &token, cancelled, || async {
            Err::<(), _>(slow_down())
        })
        .await
        .unwrap_err();
        assert!(matches!(error, StorageError::Cancelled { .. }));
    }

    #[tokio::test]
    async fn between_attempts_lets_the_attempt_in_flight_end_then_stops() {
        let attempt = |token: &CancellationToken, outcome: Result<&'static str>| {
            let token = token.clone();
            async move {
                token.cancel();
                tokio::time::sleep(Duration::from_millis(20)).await;
                outcome
            }
        };
        let token = CancellationToken::new();
        let calls = AtomicU32::new(0);
        let error = retry_with(
            &policy(),
            &token,
            cancelled,
            || {
                calls.fetch_add(1, Ordering::SeqCst);
                attempt(&token, Err(slow_down()))
            },
            Interrupt::BetweenAttempts,
        )
        .await
        .unwrap_err();
        assert_eq!(
            calls.load(Ordering::SeqCst),
            1,
            "no attempt after the cancel"
        );
        assert!(matches!(error, StorageError::Cancelled { .. }));

        let token = CancellationToken::new();
        let finished = retry_with(
            &policy(),
            &token,
            cancelled,
            || attempt(&token, Ok("written")),
            Interrupt::BetweenAttempts,
        )
        .await;
        assert_eq!(finished.unwrap(), "written");
    }

    #[test]
    fn backoff_is_capped() {
        let p = RetryPolicy {
            max_attempts: 10,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(300),
        };
        for attempt in 1..10 {
            assert!(backoff(&p, attempt) <= Duration::from_millis(300));
        }
    }
}
