//! Retries for reads. kube's own layer retries 429, 503 and 504 for every verb (the server did
//! not act on those); a 500 or 502 may come after a write was applied, so only requests that are
//! safe to repeat — GETs, which include lists and watches — are retried on those as well.

use std::time::Duration;

use http::{Method, Request, Response, StatusCode};
use kube::client::Body;
use tower::retry::Policy;

/// Attempts after the first, and the backoff between them (doubling, capped).
const RETRIES: u32 = 4;
const FIRST_DELAY: Duration = Duration::from_millis(200);
const MAX_DELAY: Duration = Duration::from_secs(3);

#[derive(Clone, Default)]
pub(super) struct RetryReads {
    retries_done: u32,
}

impl RetryReads {
    fn delay(&self) -> Duration {
        FIRST_DELAY
            .saturating_mul(1 << self.retries_done.min(8))
            .min(MAX_DELAY)
    }
}

fn is_transient(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::INTERNAL_SERVER_ERROR | StatusCode::BAD_GATEWAY
    )
}

impl<B, E> Policy<Request<Body>, Response<B>, E> for RetryReads {
    type Future = tokio::time::Sleep;

    fn retry(
        &mut self,
        request: &mut Request<Body>,
        result: &mut Result<Response<B>, E>,
    ) -> Option<Self::Future> {
        let transient = matches!(result, Ok(response) if is_transient(response.status()));
        if request.method() != Method::GET || !transient || self.retries_done >= RETRIES {
            return None;
        }
        let delay = self.delay();
        self.retries_done += 1;
        tracing::debug!(uri = %request.uri(), ?delay, "retrying a read after a server error");
        Some(tokio::time::sleep(delay))
    }

    fn clone_request(&mut self, request: &Request<Body>) -> Option<Request<Body>> {
        if request.method() != Method::GET {
            return None;
        }
        let mut copy = Request::builder()
            .method(Method::GET)
            .uri(request.uri().clone())
            .version(request.version())
            .body(request.body().try_clone()?)
            .ok()?;
        *copy.headers_mut() = request.headers().clone();
        *copy.extensions_mut() = request.extensions().clone();
        Some(copy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get() -> Request<Body> {
        Request::get("/api/v1/pods").body(Body::empty()).unwrap()
    }

    fn answer(status: StatusCode) -> Result<Response<()>, ()> {
        Ok(Response::builder().status(status).body(()).unwrap())
    }

    #[tokio::test]
    async fn gets_are_retried_on_500_and_502_a_bounded_number_of_times() {
        let mut policy = RetryReads::default();
        let mut request = get();
        for _ in 0..RETRIES {
            assert!(
                policy
                    .retry(&mut request, &mut answer(StatusCode::INTERNAL_SERVER_ERROR))
                    .is_some()
            );
        }
        assert!(
            policy
                .retry(&mut request, &mut answer(StatusCode::BAD_GATEWAY))
                .is_none(),
            "gives up after {RETRIES} retries"
        );
        assert!(policy.delay() <= MAX_DELAY);
    }

    #[test]
    fn writes_and_other_answers_are_left_alone() {
        let mut policy = RetryReads::default();
        let mut post = Request::post("/api/v1/namespaces/a/pods")
            .body(Body::empty())
            .unwrap();
        assert!(
            policy
                .retry(&mut post, &mut answer(StatusCode::INTERNAL_SERVER_ERROR))
                .is_none()
        );
        let clone = |policy: &mut RetryReads, request: &Request<Body>| {
            Policy::<Request<Body>, Response<()>, ()>::clone_request(policy, request)
        };
        assert!(clone(&mut policy, &post).is_none());
        for status in [StatusCode::OK, StatusCode::NOT_FOUND, StatusCode::CONFLICT] {
            assert!(policy.retry(&mut get(), &mut answer(status)).is_none());
        }
        assert!(clone(&mut policy, &get()).is_some());
    }
}
