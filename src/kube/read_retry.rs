//! The one retry layer of the API client. kube's own (`Config::default_retry`) is switched off in
//! `connect.rs`: it waits up to 1000 s between attempts, only honours `Retry-After` when that is
//! longer than its own backoff, says nothing while it waits, and starts from zero on every
//! request, so a server that keeps throttling held a command for minutes in silence.
//!
//! What is retried: 429, 503 and 504 for every verb (the server did not act on those); for GETs
//! (which include lists and watches), also 500, 502, a dropped or reset connection and a body
//! cut short, since repeating a read is always safe. Writes that may have been applied are left
//! to their callers (restore checks what exists before it reports).
//!
//! How long: the server's `Retry-After` when it gives one (API Priority and Fairness does), else
//! a doubling backoff with a cap. Waiting is bounded twice: a request never runs past
//! `--request-timeout` (counted from its first attempt, as client-go does), and a run of failures
//! shared by all requests never lasts longer than the budget, so a caller that repeats a request
//! after it failed does not start the wait over. While it waits, stderr says so, at most once every
//! few seconds.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use kube::client::{Body, DynBody};
use tokio::time::Instant;
use tower::{BoxError, Layer, Service};

/// How the layer waits; [`RetrySettings::for_cli`] is what the plugin uses, tests use shorter ones.
#[derive(Clone, Debug)]
pub(super) struct RetrySettings {
    /// `--request-timeout`: one request, its retries included, ends by then (`None`: no limit).
    pub request_timeout: Option<Duration>,
    /// How long an unbroken run of failures may last, across requests, before requests fail
    /// at once instead of waiting again.
    pub budget: Duration,
    /// The first backoff wait without `Retry-After`; it doubles up to `max_backoff`.
    pub first_backoff: Duration,
    pub max_backoff: Duration,
    /// The longest `Retry-After` honoured as such; a longer one is waited for only this long.
    pub max_retry_after: Duration,
    /// At most one "retrying" line on stderr per this interval.
    pub notice_every: Duration,
    /// Print the lines at all (off in unit tests).
    pub notices: bool,
}

/// Without `--request-timeout`, a server that keeps failing gets this long before we give up.
const DEFAULT_BUDGET: Duration = Duration::from_secs(60);

impl RetrySettings {
    pub(super) fn for_cli(request_timeout: Option<Duration>) -> Self {
        // kubectl: 0 means no limit.
        let request_timeout = request_timeout.filter(|t| !t.is_zero());
        RetrySettings {
            request_timeout,
            budget: request_timeout.unwrap_or(DEFAULT_BUDGET),
            first_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(30),
            notice_every: Duration::from_secs(5),
            notices: true,
        }
    }
}

/// State shared by every request of one client.
struct Shared {
    settings: RetrySettings,
    state: Mutex<FailureRun>,
}

/// The current unbroken run of failed attempts (any success ends it).
#[derive(Default)]
struct FailureRun {
    since: Option<Instant>,
    /// Failed attempts in the run: the backoff step, so the next request continues from it.
    attempts: u32,
    last_notice: Option<Instant>,
    /// The run's "giving up" line was printed: the requests in flight together (the collector
    /// runs several lists at once) would otherwise each print one.
    gave_up_said: bool,
}

#[derive(Clone)]
pub(super) struct ApiRetryLayer {
    shared: Arc<Shared>,
}

impl ApiRetryLayer {
    pub(super) fn new(settings: RetrySettings) -> Self {
        ApiRetryLayer {
            shared: Arc::new(Shared {
                settings,
                state: Mutex::new(FailureRun::default()),
            }),
        }
    }
}

impl<S> Layer<S> for ApiRetryLayer {
    type Service = ApiRetry<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ApiRetry {
            inner,
            shared: self.shared.clone(),
        }
    }
}

#[derive(Clone)]
pub(super) struct ApiRetry<S> {
    inner: S,
    shared: Arc<Shared>,
}

/// Why an attempt is worth repeating.
#[derive(Debug)]
enum Transient {
    Status(StatusCode),
    Connection(String),
}

/// Retries of a request for failures that are not throttling.
const MAX_QUIET_RETRIES: u32 = 4;

/// A connection that was never made: refused, or a name that does not resolve.
fn never_connected(error: &BoxError) -> bool {
    let text = format!("{error:?}").to_ascii_lowercase();
    text.contains("connection refused") || text.contains("dns error")
}

impl Transient {
    /// The server asks us to slow down (429, 503, 504): worth waiting for, and worth telling.
    fn is_throttling(&self) -> bool {
        matches!(
            self,
            Transient::Status(
                StatusCode::TOO_MANY_REQUESTS
                    | StatusCode::SERVICE_UNAVAILABLE
                    | StatusCode::GATEWAY_TIMEOUT
            )
        )
    }

    fn notice(&self, delay: Duration) -> String {
        let seconds = delay.as_secs_f64().ceil().max(1.0) as u64;
        match self {
            Transient::Status(StatusCode::TOO_MANY_REQUESTS) => {
                format!("throttled by the API server, retrying in {seconds}s")
            }
            Transient::Status(status) => {
                format!("the API server answered {status}, retrying in {seconds}s")
            }
            Transient::Connection(error) => {
                format!("lost the answer of the API server ({error}), retrying in {seconds}s")
            }
        }
    }

    fn what(&self) -> String {
        match self {
            Transient::Status(StatusCode::TOO_MANY_REQUESTS) => {
                "kept throttling (429 Too Many Requests)".into()
            }
            Transient::Status(status) => format!("kept answering {status}"),
            Transient::Connection(error) => format!("kept failing ({error})"),
        }
    }
}

type Answer = Result<Response<Box<DynBody>>, BoxError>;

impl<S, B> Service<Request<Body>> for ApiRetry<S>
where
    S: Service<Request<Body>, Response = Response<B>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    type Response = Response<Box<DynBody>>;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Answer> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        // Readiness is awaited per attempt on a clone, in `call`.
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<Body>) -> Self::Future {
        let inner = self.inner.clone();
        let shared = self.shared.clone();
        Box::pin(send_with_retries(inner, shared, request))
    }
}

/// The response body as one buffer, or the reason it could not be read in full.
fn boxed<B>(body: B) -> Box<DynBody>
where
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    Box::new(body.map_err(Into::into).boxed_unsync())
}

async fn send_with_retries<S, B>(
    mut inner: S,
    shared: Arc<Shared>,
    request: Request<Body>,
) -> Answer
where
    S: Service<Request<Body>, Response = Response<B>> + Send,
    S::Future: Send,
    S::Error: Into<BoxError>,
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    let settings = &shared.settings;
    let started = Instant::now();
    let deadline = settings.request_timeout.map(|t| started + t);
    let is_get = request.method() == Method::GET;
    // Streams (watches, logs being followed, exec) are handed over as they come; other reads are
    // read in full here, so a body cut short is retried like a dropped connection.
    let buffer = is_get && !is_stream(&request);
    let target = format!("{} {}", request.method(), request.uri().path());
    let mut spare = copy_of(&request);
    let mut next = Some(request);
    // Failures that are not throttling (500, 502, a dropped connection) are retried a few times,
    // quietly, as client-go does for reads; a server that keeps failing is reported at once.
    let mut quiet_retries = 0u32;
    loop {
        let Some(attempt) = next.take() else {
            unreachable!("an attempt is only made with a request in hand");
        };
        let outcome = attempt_once(&mut inner, attempt, deadline, buffer).await;
        let (transient, retry_after) = match &outcome {
            Attempt::Answer(response) => match transient_status(response.status(), is_get) {
                Some(t) => (t, retry_after(response)),
                None => {
                    shared.succeeded();
                    return outcome.into_answer();
                }
            },
            // Nothing listens there (or the name does not resolve): the request never reached
            // a server, and waiting will not make one appear; kubectl says so at once.
            Attempt::Failed(error) if is_get && !never_connected(error) => {
                (Transient::Connection(short(error)), None)
            }
            Attempt::Failed(_) | Attempt::TimedOut(_) => return outcome.into_answer(),
        };
        if !transient.is_throttling() {
            quiet_retries += 1;
            if quiet_retries > MAX_QUIET_RETRIES {
                return outcome.into_answer();
            }
        }
        let Some(request) = spare.take() else {
            // A body that can be sent only once (a stream): the answer stands.
            return outcome.into_answer();
        };
        let now = Instant::now();
        match shared.next_wait(now, retry_after, deadline) {
            Wait::Retry(delay) => {
                // Quiet retries stay short: a failing server is reported within seconds.
                let delay = if transient.is_throttling() {
                    delay
                } else {
                    delay.min(Duration::from_secs(1))
                };
                if transient.is_throttling() {
                    shared.notify(now, || format!("{} ({target})", transient.notice(delay)));
                }
                tracing::debug!(%target, ?delay, ?transient, "retrying an API request");
                tokio::time::sleep(delay).await;
                spare = copy_of(&request);
                next = Some(request);
            }
            Wait::GiveUp { failing_for } => {
                let limit = match settings.request_timeout {
                    Some(t) => format!("--request-timeout {}", seconds(t)),
                    None => format!("the {} retry limit", seconds(settings.budget)),
                };
                shared.notify_giving_up(&format!(
                    "giving up on {target}: the API server {} for {} ({limit}); try again later, or raise --request-timeout",
                    transient.what(),
                    seconds(failing_for.max(now - started)),
                ));
                return outcome.into_answer();
            }
        }
    }
}

fn seconds(d: Duration) -> String {
    format!("{}s", d.as_secs_f64().round() as u64)
}

/// The first line of an error chain's innermost cause, which names what happened
/// ("connection reset by peer") rather than the layers it went through.
fn short(error: &BoxError) -> String {
    let mut cause: &(dyn std::error::Error + 'static) = error.as_ref();
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause
        .to_string()
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

enum Attempt {
    Answer(Response<Box<DynBody>>),
    Failed(BoxError),
    TimedOut(Duration),
}

impl Attempt {
    fn into_answer(self) -> Answer {
        match self {
            Attempt::Answer(response) => Ok(response),
            Attempt::Failed(error) => Err(error),
            Attempt::TimedOut(limit) => Err(format!(
                "the API request did not finish within --request-timeout {}",
                seconds(limit)
            )
            .into()),
        }
    }
}

async fn attempt_once<S, B>(
    inner: &mut S,
    request: Request<Body>,
    deadline: Option<Instant>,
    buffer: bool,
) -> Attempt
where
    S: Service<Request<Body>, Response = Response<B>>,
    S::Error: Into<BoxError>,
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    let send = async {
        std::future::poll_fn(|cx| inner.poll_ready(cx))
            .await
            .map_err(Into::into)?;
        let response = inner.call(request).await.map_err(Into::into)?;
        let (parts, body) = response.into_parts();
        if !buffer {
            return Ok::<_, BoxError>(Response::from_parts(parts, boxed(body)));
        }
        let bytes = body.collect().await.map_err(Into::into)?.to_bytes();
        Ok(Response::from_parts(parts, boxed(Full::new(bytes))))
    };
    let result = match deadline {
        Some(deadline) => match tokio::time::timeout_at(deadline, send).await {
            Ok(result) => result,
            Err(_) => {
                return Attempt::TimedOut(deadline.saturating_duration_since(Instant::now()));
            }
        },
        None => send.await,
    };
    match result {
        Ok(response) => Attempt::Answer(response),
        Err(error) => Attempt::Failed(error),
    }
}

enum Wait {
    Retry(Duration),
    GiveUp { failing_for: Duration },
}

impl Shared {
    fn succeeded(&self) {
        let mut run = self.state.lock().unwrap_or_else(|e| e.into_inner());
        run.since = None;
        run.attempts = 0;
        run.gave_up_said = false;
    }

    /// The wait before the next attempt, or that there is none: the run of failures has used
    /// its budget, or the wait would end past the request's deadline.
    fn next_wait(
        &self,
        now: Instant,
        retry_after: Option<Duration>,
        deadline: Option<Instant>,
    ) -> Wait {
        let settings = &self.settings;
        let mut run = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let since = *run.since.get_or_insert(now);
        run.attempts = run.attempts.saturating_add(1);
        let failing_for = now - since;
        let backoff = settings
            .first_backoff
            .saturating_mul(1 << (run.attempts - 1).min(16))
            .min(settings.max_backoff);
        let delay = match retry_after {
            Some(server) => server.min(settings.max_retry_after),
            // ±20% so that parallel requests do not come back all at once.
            None => backoff.mul_f64(rand::random_range(0.8..1.2)),
        };
        let ends = now + delay;
        let past_budget = ends > since + settings.budget;
        let past_deadline = deadline.is_some_and(|d| ends >= d);
        if past_budget || past_deadline {
            return Wait::GiveUp { failing_for };
        }
        Wait::Retry(delay)
    }

    /// A "retrying" line, unless one was printed less than `notice_every` ago.
    fn notify(&self, now: Instant, line: impl FnOnce() -> String) {
        if !self.settings.notices {
            return;
        }
        let mut run = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if run
            .last_notice
            .is_some_and(|last| now - last < self.settings.notice_every)
        {
            return;
        }
        run.last_notice = Some(now);
        drop(run);
        eprintln!("{}", line());
    }

    /// The first "giving up" line of a run of failures; the rest of the run fails the same way.
    fn notify_giving_up(&self, line: &str) {
        let mut run = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if !self.settings.notices || std::mem::replace(&mut run.gave_up_said, true) {
            return;
        }
        drop(run);
        eprintln!("{line}");
    }
}

fn transient_status(status: StatusCode, is_get: bool) -> Option<Transient> {
    let always = matches!(
        status,
        StatusCode::TOO_MANY_REQUESTS
            | StatusCode::SERVICE_UNAVAILABLE
            | StatusCode::GATEWAY_TIMEOUT
    );
    let for_reads = matches!(
        status,
        StatusCode::INTERNAL_SERVER_ERROR | StatusCode::BAD_GATEWAY
    );
    (always || (is_get && for_reads)).then_some(Transient::Status(status))
}

/// `Retry-After` in seconds, as the API server sends it (APF and the max-in-flight filter).
fn retry_after<B>(response: &Response<B>) -> Option<Duration> {
    let value = response.headers().get(http::header::RETRY_AFTER)?;
    let seconds: u64 = value.to_str().ok()?.trim().parse().ok()?;
    Some(Duration::from_secs(seconds))
}

fn is_stream(request: &Request<Body>) -> bool {
    let query = request.uri().query().unwrap_or_default();
    let path = request.uri().path();
    query
        .split('&')
        .any(|p| p == "watch=true" || p == "watch=1" || p == "follow=true")
        || ["/exec", "/attach", "/portforward", "/proxy"]
            .iter()
            .any(|s| path.ends_with(s) || path.contains(&format!("{s}/")))
        || request.headers().contains_key(http::header::UPGRADE)
}

/// The same request again, when its body can be sent twice.
fn copy_of(request: &Request<Body>) -> Option<Request<Body>> {
    let mut copy = Request::builder()
        .method(request.method().clone())
        .uri(request.uri().clone())
        .version(request.version())
        .body(request.body().try_clone()?)
        .ok()?;
    *copy.headers_mut() = request.headers().clone();
    *copy.extensions_mut() = request.extensions().clone();
    Some(copy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    /// What the scripted server does for one attempt.
    enum Step {
        Status(u16, Option<&'static str>),
        Drop,
        CutBody,
    }

    /// An inner service answering from a script (then 200), counting the attempts it saw.
    #[derive(Clone)]
    struct Scripted {
        steps: Arc<Mutex<VecDeque<Step>>>,
        seen: Arc<Mutex<u32>>,
    }

    type TestBody = http_body_util::combinators::UnsyncBoxBody<Bytes, BoxError>;

    impl Scripted {
        fn new(steps: impl IntoIterator<Item = Step>) -> Self {
            Scripted {
                steps: Arc::new(Mutex::new(steps.into_iter().collect())),
                seen: Arc::new(Mutex::new(0)),
            }
        }

        fn attempts(&self) -> u32 {
            *self.seen.lock().unwrap()
        }
    }

    impl Service<Request<Body>> for Scripted {
        type Response = Response<TestBody>;
        type Error = BoxError;
        type Future = Pin<Box<dyn Future<Output = Result<Self::Response, BoxError>> + Send>>;

        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
            Poll::Ready(Ok(()))
        }

        fn call(&mut self, _: Request<Body>) -> Self::Future {
            *self.seen.lock().unwrap() += 1;
            let step = self.steps.lock().unwrap().pop_front();
            Box::pin(async move {
                let full = |b: &'static str| {
                    Full::new(Bytes::from_static(b.as_bytes()))
                        .map_err(|never| match never {})
                        .boxed_unsync()
                };
                match step {
                    None => Ok(Response::new(full("ok"))),
                    Some(Step::Status(code, after)) => {
                        let mut response = Response::builder().status(code);
                        if let Some(after) = after {
                            response = response.header("Retry-After", after);
                        }
                        Ok(response.body(full("{}")).unwrap())
                    }
                    Some(Step::Drop) => Err("connection reset by peer".into()),
                    Some(Step::CutBody) => {
                        let chunks: Vec<Result<http_body::Frame<Bytes>, BoxError>> = vec![
                            Ok(http_body::Frame::data(Bytes::from_static(b"{\"items\":"))),
                            Err("unexpected end of file".into()),
                        ];
                        let body = http_body_util::StreamBody::new(futures::stream::iter(chunks));
                        Ok(Response::new(body.boxed_unsync()))
                    }
                }
            })
        }
    }

    fn settings(request_timeout: Option<Duration>) -> RetrySettings {
        RetrySettings {
            request_timeout,
            budget: request_timeout.unwrap_or(Duration::from_secs(2)),
            first_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(40),
            max_retry_after: Duration::from_secs(30),
            notice_every: Duration::from_secs(5),
            notices: false,
        }
    }

    fn client(script: &Scripted, settings: RetrySettings) -> ApiRetry<Scripted> {
        ApiRetryLayer::new(settings).layer(script.clone())
    }

    fn get() -> Request<Body> {
        Request::get("/api/v1/pods").body(Body::empty()).unwrap()
    }

    fn post() -> Request<Body> {
        Request::post("/api/v1/namespaces/a/pods")
            .body(Body::from(b"{}".to_vec()))
            .unwrap()
    }

    async fn body_of(response: Response<Box<DynBody>>) -> String {
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[tokio::test]
    async fn reads_survive_server_errors_dropped_connections_and_cut_bodies() {
        let script = Scripted::new([
            Step::Status(500, None),
            Step::Drop,
            Step::Status(502, None),
            Step::CutBody,
            Step::Status(503, None),
        ]);
        let response = client(&script, settings(None)).call(get()).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(body_of(response).await, "ok");
        assert_eq!(script.attempts(), 6);
    }

    #[tokio::test]
    async fn writes_are_retried_only_when_the_server_did_not_act() {
        let script = Scripted::new([Step::Status(429, None), Step::Status(503, None)]);
        let response = client(&script, settings(None)).call(post()).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(script.attempts(), 3);

        for step in [Step::Status(500, None), Step::Drop] {
            let script = Scripted::new([step]);
            let answer = client(&script, settings(None)).call(post()).await;
            assert!(answer.is_err() || answer.unwrap().status() == 500);
            assert_eq!(
                script.attempts(),
                1,
                "a write that may have landed is not repeated"
            );
        }
    }

    #[tokio::test]
    async fn retry_after_is_honoured() {
        let script = Scripted::new([Step::Status(429, Some("1"))]);
        let started = Instant::now();
        let response = client(&script, settings(None)).call(get()).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            started.elapsed() >= Duration::from_secs(1),
            "waited {:?}",
            started.elapsed()
        );
    }

    #[tokio::test]
    async fn persistent_throttling_ends_at_the_request_timeout() {
        let script = Scripted::new((0..1000).map(|_| Step::Status(429, None)));
        let limit = Duration::from_millis(300);
        let started = Instant::now();
        let response = client(&script, settings(Some(limit)))
            .call(get())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(started.elapsed() <= limit, "took {:?}", started.elapsed());
        assert!(script.attempts() > 3, "it did retry: {}", script.attempts());
    }

    #[tokio::test]
    async fn a_retry_after_beyond_the_deadline_is_not_waited_for() {
        let script = Scripted::new([Step::Status(429, Some("20"))]);
        let started = Instant::now();
        let response = client(&script, settings(Some(Duration::from_secs(5))))
            .call(get())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(started.elapsed() < Duration::from_secs(1));
        assert_eq!(script.attempts(), 1);
    }

    #[tokio::test]
    async fn the_next_request_does_not_start_the_wait_over() {
        let script = Scripted::new((0..1000).map(|_| Step::Status(503, None)));
        let service = client(&script, settings(Some(Duration::from_millis(200))));
        let response = service.clone().call(get()).await.unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        let first = script.attempts();
        assert!(first > 1);
        // A caller repeating the request a little later continues the same run of failures,
        // which has used its budget by then: the repeated request fails at once.
        tokio::time::sleep(Duration::from_millis(50)).await;
        let started = Instant::now();
        let response = service.clone().call(get()).await.unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(script.attempts(), first + 1);
        assert!(started.elapsed() < Duration::from_millis(100));
        // A success ends the run; the budget is whole again.
        script.steps.lock().unwrap().clear();
        assert_eq!(service.clone().call(get()).await.unwrap().status(), 200);
        script
            .steps
            .lock()
            .unwrap()
            .extend([Step::Status(503, None)]);
        assert_eq!(service.clone().call(get()).await.unwrap().status(), 200);
    }

    #[tokio::test]
    async fn a_stalled_request_ends_at_the_request_timeout() {
        #[derive(Clone)]
        struct Stalled;
        impl Service<Request<Body>> for Stalled {
            type Response = Response<TestBody>;
            type Error = BoxError;
            type Future = Pin<Box<dyn Future<Output = Result<Self::Response, BoxError>> + Send>>;
            fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
                Poll::Ready(Ok(()))
            }
            fn call(&mut self, _: Request<Body>) -> Self::Future {
                Box::pin(std::future::pending())
            }
        }
        let mut service =
            ApiRetryLayer::new(settings(Some(Duration::from_millis(200)))).layer(Stalled);
        let Err(error) = service.call(get()).await else {
            panic!("a stalled request cannot succeed");
        };
        assert!(error.to_string().contains("--request-timeout"), "{error}");
    }

    #[test]
    fn streams_are_not_buffered() {
        let watch = Request::get("/api/v1/pods?watch=true&resourceVersion=1")
            .body(Body::empty())
            .unwrap();
        assert!(is_stream(&watch));
        let logs = Request::get("/api/v1/namespaces/a/pods/p/log?follow=true")
            .body(Body::empty())
            .unwrap();
        assert!(is_stream(&logs));
        assert!(!is_stream(&get()));
    }

    #[test]
    fn notices_say_what_happens() {
        let wait = Duration::from_millis(1500);
        assert_eq!(
            Transient::Status(StatusCode::TOO_MANY_REQUESTS).notice(wait),
            "throttled by the API server, retrying in 2s"
        );
        assert!(
            Transient::Status(StatusCode::SERVICE_UNAVAILABLE)
                .notice(wait)
                .contains("503 Service Unavailable")
        );
    }
}
