//! One way to wait for the cluster to reach a state: poll a GET or LIST with backoff until a
//! condition holds, give up at a deadline with an error naming the object and the condition (and
//! the last state seen, which is usually why), and stop at once on Ctrl-C.
//!
//! Polling rather than kube-runtime's `await_condition`: the binary leaves out kube's `runtime`
//! feature for its size, and a watch adds nothing to waits that last seconds and look at one
//! object; a poll also survives a server that closes watches, which the fake test server does.

use std::future::Future;
use std::time::Duration;

use anyhow::Result;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::duration::format_go_duration;

/// What one look at the cluster found.
pub enum Check<T> {
    /// The condition holds; the wait returns this value.
    Done(T),
    /// Not yet; the text (if any) says what was seen instead, and ends up in the timeout error.
    Pending(Option<String>),
}

/// A wait for `object` to reach `condition` ("job ns/x", "to finish").
pub struct Wait {
    object: String,
    condition: String,
    timeout: Option<Duration>,
    first_interval: Duration,
    max_interval: Duration,
    cancel: Option<CancellationToken>,
    on_stop: Option<String>,
}

/// The deadline passed before the condition held.
#[derive(Debug)]
pub struct TimedOut {
    pub object: String,
    pub condition: String,
    pub after: Duration,
    pub last_seen: Option<String>,
}

impl std::fmt::Display for TimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} did not {} within {}",
            self.object,
            self.condition,
            format_go_duration(self.after)
        )?;
        if let Some(seen) = &self.last_seen {
            write!(f, "; last seen: {seen}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TimedOut {}

/// The user stopped the wait (Ctrl-C, SIGTERM); the object itself is left as it is.
#[derive(Debug)]
pub struct Stopped(pub String);

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Stopped {}

impl Wait {
    /// Polls every second, without a deadline, until stopped by the user.
    pub fn new(object: impl Into<String>, condition: impl Into<String>) -> Self {
        Wait {
            object: object.into(),
            condition: condition.into(),
            timeout: None,
            first_interval: Duration::from_secs(1),
            max_interval: Duration::from_secs(1),
            cancel: None,
            on_stop: None,
        }
    }

    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Starts polling every `first` and doubles the pause up to `max`: quick for states that
    /// settle at once, gentle on the server for ones that take minutes.
    pub fn interval(mut self, first: Duration, max: Duration) -> Self {
        self.first_interval = first;
        self.max_interval = max.max(first);
        self
    }

    /// Stops on this token instead of the process-wide one (`crate::interrupt::cancellation`).
    pub fn cancel_on(mut self, token: CancellationToken) -> Self {
        self.cancel = Some(token);
        self
    }

    /// The error text when the user stops the wait, to say what keeps going without us
    /// ("job x keeps running"); by default "stopped waiting for OBJECT to CONDITION".
    pub fn on_stop(mut self, text: impl Into<String>) -> Self {
        self.on_stop = Some(text.into());
        self
    }

    /// Runs `check` until it returns [`Check::Done`]; an error from `check` ends the wait with
    /// that error, so a check decides itself which failures are worth another look.
    pub async fn until<T, F, Fut>(self, mut check: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Check<T>>>,
    {
        let cancel = self
            .cancel
            .clone()
            .unwrap_or_else(crate::interrupt::cancellation);
        let started = Instant::now();
        let deadline = self.timeout.map(|t| started + t);
        let mut pause = self.first_interval;
        loop {
            if cancel.is_cancelled() {
                return Err(self.stopped().into());
            }
            let last_seen = tokio::select! {
                checked = check() => match checked? {
                    Check::Done(value) => return Ok(value),
                    Check::Pending(seen) => seen,
                },
                _ = cancel.cancelled() => return Err(self.stopped().into()),
            };
            let now = Instant::now();
            let sleep = match deadline {
                Some(deadline) if now >= deadline => {
                    return Err(TimedOut {
                        object: self.object,
                        condition: self.condition,
                        after: self.timeout.unwrap_or_default(),
                        last_seen,
                    }
                    .into());
                }
                Some(deadline) => pause.min(deadline - now),
                None => pause,
            };
            tokio::select! {
                _ = tokio::time::sleep(sleep) => {}
                _ = cancel.cancelled() => return Err(self.stopped().into()),
            }
            pause = (pause * 2).min(self.max_interval);
        }
    }

    fn stopped(&self) -> Stopped {
        Stopped(self.on_stop.clone().unwrap_or_else(|| {
            format!("stopped waiting for {} to {}", self.object, self.condition)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[tokio::test]
    async fn returns_the_value_once_the_condition_holds() {
        let polls = AtomicU32::new(0);
        let value = Wait::new("job ns/x", "finish")
            .interval(Duration::from_millis(1), Duration::from_millis(1))
            .cancel_on(CancellationToken::new())
            .until(|| async {
                let n = polls.fetch_add(1, Ordering::SeqCst);
                Ok(if n == 3 {
                    Check::Done(n)
                } else {
                    Check::Pending(None)
                })
            })
            .await
            .unwrap();
        assert_eq!(value, 3);
    }

    #[tokio::test]
    async fn backs_off_up_to_the_cap() {
        let started = Instant::now();
        let polls = AtomicU32::new(0);
        Wait::new("pod ns/p", "start")
            .interval(Duration::from_millis(10), Duration::from_millis(40))
            .cancel_on(CancellationToken::new())
            .until(|| async {
                Ok(if polls.fetch_add(1, Ordering::SeqCst) == 5 {
                    Check::Done(())
                } else {
                    Check::Pending(None)
                })
            })
            .await
            .unwrap();
        // 10 + 20 + 40 + 40 + 40 between the six polls; without the cap it would be 310.
        let elapsed = started.elapsed();
        assert!(
            elapsed >= Duration::from_millis(150) && elapsed < Duration::from_millis(300),
            "{elapsed:?}"
        );
    }

    #[tokio::test]
    async fn times_out_naming_object_condition_and_last_state() {
        let started = Instant::now();
        let err = Wait::new("job ns/x", "finish")
            .timeout(Duration::from_millis(300))
            .interval(Duration::from_millis(20), Duration::from_millis(20))
            .cancel_on(CancellationToken::new())
            .until(|| async { Ok(Check::<()>::Pending(Some("phase Running".into()))) })
            .await
            .unwrap_err();
        assert!(started.elapsed() >= Duration::from_millis(300));
        assert!(err.downcast_ref::<TimedOut>().is_some());
        assert_eq!(
            err.to_string(),
            "job ns/x did not finish within 300ms; last seen: phase Running"
        );
    }

    #[tokio::test]
    async fn a_cancelled_token_stops_the_wait_with_the_given_text() {
        let cancel = CancellationToken::new();
        let trigger = cancel.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(30)).await;
            trigger.cancel();
        });
        let err = Wait::new("job ns/x", "finish")
            .interval(Duration::from_millis(5), Duration::from_millis(5))
            .cancel_on(cancel)
            .on_stop("stopped waiting; job ns/x keeps running")
            .until(|| async { Ok(Check::<()>::Pending(None)) })
            .await
            .unwrap_err();
        assert!(err.downcast_ref::<Stopped>().is_some());
        assert_eq!(err.to_string(), "stopped waiting; job ns/x keeps running");
    }

    #[tokio::test]
    async fn a_failed_check_ends_the_wait_with_its_error() {
        let err = Wait::new("job ns/x", "finish")
            .cancel_on(CancellationToken::new())
            .until(|| async { Err::<Check<()>, _>(anyhow::anyhow!("forbidden")) })
            .await
            .unwrap_err();
        assert_eq!(err.to_string(), "forbidden");
    }
}
