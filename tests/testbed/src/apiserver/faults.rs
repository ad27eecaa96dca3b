//! Fault injection: throttling (429 + Retry-After), server errors, dropped connections and
//! added latency, for the next N matching requests or for all of them.

use std::sync::Mutex;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// 429 TooManyRequests with `Retry-After: secs`.
    TooManyRequests { retry_after_secs: u64 },
    /// A `Status` error with this code (500 InternalError, 503 ServiceUnavailable, 504…).
    ServerError { code: u16 },
    /// The connection is closed without a response.
    DropConnection,
    /// The request is carried out (a create creates), then the connection is closed without
    /// the response: the client cannot tell whether it happened.
    DropAnswer,
    /// The request is answered normally after this delay.
    Latency(Duration),
}

/// A fault for requests matching a method and a path fragment, `times` times (None: always).
#[derive(Debug, Clone, PartialEq)]
pub struct FaultRule {
    pub fault: Fault,
    pub times: Option<usize>,
    pub method: Option<String>,
    pub path_contains: Option<String>,
}

impl FaultRule {
    pub fn new(fault: Fault) -> Self {
        FaultRule {
            fault,
            times: None,
            method: None,
            path_contains: None,
        }
    }

    pub fn times(mut self, n: usize) -> Self {
        self.times = Some(n);
        self
    }

    pub fn method(mut self, m: &str) -> Self {
        self.method = Some(m.to_uppercase());
        self
    }

    pub fn path_contains(mut self, p: &str) -> Self {
        self.path_contains = Some(p.into());
        self
    }

    fn matches(&self, method: &str, path_and_query: &str) -> bool {
        self.method.as_deref().is_none_or(|m| m == method)
            && self
                .path_contains
                .as_deref()
                .is_none_or(|p| path_and_query.contains(p))
    }
}

/// The fault knobs (`FakeApiServer::faults()`).
#[derive(Default)]
pub struct Faults {
    rules: Mutex<Vec<FaultRule>>,
}

impl Faults {
    pub fn add(&self, rule: FaultRule) {
        self.rules
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(rule);
    }

    /// The next `n` requests get 429 with `Retry-After: retry_after_secs`.
    pub fn throttle(&self, n: usize, retry_after_secs: u64) {
        self.add(FaultRule::new(Fault::TooManyRequests { retry_after_secs }).times(n));
    }

    /// The next `n` requests get 500 InternalError.
    pub fn server_errors(&self, n: usize) {
        self.add(FaultRule::new(Fault::ServerError { code: 500 }).times(n));
    }

    /// The next `n` requests have their connection closed without an answer.
    pub fn drop_connections(&self, n: usize) {
        self.add(FaultRule::new(Fault::DropConnection).times(n));
    }

    /// The next `n` requests are carried out, but their answers are lost (connection closed).
    pub fn drop_answers(&self, n: usize) {
        self.add(FaultRule::new(Fault::DropAnswer).times(n));
    }

    /// Every request is delayed by `delay` (replaces any previous global latency).
    pub fn set_latency(&self, delay: Duration) {
        let mut rules = self.rules.lock().unwrap_or_else(|e| e.into_inner());
        rules.retain(|r| {
            !(matches!(r.fault, Fault::Latency(_))
                && r.times.is_none()
                && r.method.is_none()
                && r.path_contains.is_none())
        });
        if !delay.is_zero() {
            rules.push(FaultRule::new(Fault::Latency(delay)));
        }
    }

    pub fn clear(&self) {
        self.rules.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Faults pending (rules with a count left, and permanent ones).
    pub fn rules(&self) -> Vec<FaultRule> {
        self.rules.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The total latency and the first failure that apply to this request (consuming counts).
    pub(crate) fn take(&self, method: &str, path_and_query: &str) -> (Duration, Option<Fault>) {
        let mut rules = self.rules.lock().unwrap_or_else(|e| e.into_inner());
        let mut delay = Duration::ZERO;
        let mut failure = None;
        for rule in rules.iter_mut() {
            if rule.times == Some(0) || !rule.matches(method, path_and_query) {
                continue;
            }
            match &rule.fault {
                Fault::Latency(d) => delay += *d,
                f if failure.is_none() => failure = Some(f.clone()),
                _ => continue,
            }
            if let Some(n) = rule.times.as_mut() {
                *n -= 1;
            }
        }
        rules.retain(|r| r.times != Some(0));
        (delay, failure)
    }
}
