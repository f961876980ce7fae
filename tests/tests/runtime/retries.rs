//! Which failures are retried and how: 429 with `Retry-After`, 5xx on idempotent requests
//! only (unless opted in or marked idempotent by the spec), never a `DAILY` 429, attempt
//! limits, connection failures.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use conversations_tests::fixture;
use generated_client::models::{ActorBatch, ActorBatchRequest, Message};
use generated_client::runtime::{Auth, Client, Error, RetryPolicy};
use serde_json::{json, Value};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer};

use crate::{
    assert_redacted, builder, client, comment_draft, fast_retry, json_response, mount_sequence,
    requests, server_error, thread_json, Sequence, THREADS, TOKEN,
};

const ACTORS_BATCH: &str = "/conversations/conversations/2026-09/actors/batch/read";

/// HubSpot's rate-limit body (`errorType: RATE_LIMIT`) for `policy`.
fn rate_limit_body(policy: &str) -> Value {
    json!({
        "status": "error",
        "message": "You have reached your secondly limit.",
        "errorType": "RATE_LIMIT",
        "correlationId": "c7c5e0f3-5b61-4ba4-9e6f-0d7d0d3f2a11",
        "policyName": policy,
        "requestId": "b3a5d5e2-7c07-4c3e-a8c4-9b55f4d9a0f1"
    })
}

#[tokio::test]
async fn a_429_is_retried_after_the_retry_after_delay() {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "GET",
        Sequence::new(vec![
            json_response(429, rate_limit_body("TEN_SECONDLY_ROLLING"))
                .insert_header("Retry-After", "1"),
            json_response(200, thread_json("7315416722")),
        ]),
    )
    .await;
    let thread = client(&server).get_thread(7315416722).send().await.unwrap();
    assert_eq!(thread.id, "7315416722");
    assert_eq!(seq.count(), 2);
    assert_eq!(requests(&server).await.len(), 2);
    let arrivals = seq.arrivals();
    let gap = arrivals[1] - arrivals[0];
    assert!(
        gap >= Duration::from_millis(950),
        "retried after {gap:?}, before Retry-After: 1"
    );
    assert!(gap < Duration::from_secs(5), "{gap:?}");
}

#[tokio::test]
async fn a_429_under_a_secondly_policy_is_retried_even_for_a_post() {
    // HubSpot's rate limiter rejected the request before it was processed: safe to resend.
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "POST",
        Sequence::new(vec![
            json_response(429, rate_limit_body("TEN_SECONDLY_ROLLING"))
                .insert_header("Retry-After", "0"),
            json_response(201, fixture("Message", "comment.json")),
        ]),
    )
    .await;
    let sent = client(&server)
        .send_message(42, comment_draft())
        .send()
        .await
        .unwrap();
    assert!(matches!(sent, Message::Comment(_)), "{sent:?}");
    assert_eq!(seq.count(), 2);
}

#[tokio::test]
async fn a_retry_after_longer_than_max_backoff_ends_the_retries() {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "GET",
        Sequence::new(vec![
            json_response(429, rate_limit_body("TEN_SECONDLY_ROLLING"))
                .insert_header("Retry-After", "30"),
            json_response(200, thread_json("1")),
        ]),
    )
    .await;
    let started = Instant::now();
    let err = client(&server).get_thread(1).send().await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(seq.count(), 1);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(30)));
    assert!(err.is_retryable());
    assert_redacted(&err);
}

#[tokio::test]
async fn an_idempotent_get_is_retried_through_503s() {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "GET",
        Sequence::new(vec![
            server_error(503),
            server_error(503),
            json_response(200, thread_json("14")),
        ]),
    )
    .await;
    let thread = client(&server).get_thread(14).send().await.unwrap();
    assert_eq!(thread.id, "14");
    assert_eq!(seq.count(), 3);
    let received = requests(&server).await;
    assert_eq!(received.len(), 3);
    assert!(received
        .iter()
        .all(|r| r.url.path() == format!("{THREADS}/14")));
}

#[tokio::test]
async fn send_message_is_never_retried_after_a_500() {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "POST",
        Sequence::new(vec![
            server_error(500),
            json_response(201, fixture("Message", "comment.json")),
        ]),
    )
    .await;
    let err = client(&server)
        .send_message(42, comment_draft())
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    assert!(
        matches!(&err, Error::Api(api) if api.status.as_u16() == 500),
        "{err:?}"
    );
    // Retryable in principle, but a resend could post the message twice.
    assert!(err.is_retryable());
    assert_eq!(seq.count(), 1);
    assert_eq!(requests(&server).await.len(), 1);
    assert_redacted(&err);
}

#[tokio::test]
async fn send_message_is_retried_after_a_500_when_opted_in() {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "POST",
        Sequence::new(vec![
            server_error(500),
            json_response(201, fixture("Message", "comment.json")),
        ]),
    )
    .await;
    let client = builder(&server)
        .retry(fast_retry().retry_non_idempotent(true))
        .build()
        .unwrap();
    let sent = client
        .send_message(42, comment_draft())
        .send()
        .await
        .unwrap();
    assert!(matches!(sent, Message::Comment(_)), "{sent:?}");
    assert!(seq.count() >= 2, "{} requests", seq.count());
    // Every attempt carried the same body.
    let received = requests(&server).await;
    assert_eq!(received[0].body, received[1].body);
}

#[tokio::test]
async fn batch_read_actors_is_retried_because_the_spec_marks_it_idempotent() {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "POST",
        Sequence::new(vec![
            server_error(503),
            json_response(200, fixture("ActorBatch", "complete.json")),
        ]),
    )
    .await;
    let batch = ActorBatchRequest {
        inputs: vec!["A-5125493".into(), "V-3820177".into()],
    };
    let answer = client(&server)
        .batch_read_actors(batch)
        .send()
        .await
        .unwrap();
    let expected: ActorBatch =
        serde_json::from_value(fixture("ActorBatch", "complete.json")).unwrap();
    assert_eq!(answer, expected);
    assert_eq!(seq.count(), 2);
    let received = requests(&server).await;
    assert!(received.iter().all(|r| r.url.path() == ACTORS_BATCH));
    assert_eq!(
        received[1].body_json::<Value>().unwrap(),
        json!({"inputs": ["A-5125493", "V-3820177"]})
    );
}

#[tokio::test]
async fn a_daily_429_is_not_retried() {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "GET",
        Sequence::new(vec![
            json_response(429, rate_limit_body("DAILY")).insert_header("Retry-After", "1"),
            json_response(200, thread_json("1")),
        ]),
    )
    .await;
    let started = Instant::now();
    let err = client(&server).get_thread(1).send().await.unwrap_err();
    assert!(started.elapsed() < Duration::from_millis(900));
    assert_eq!(seq.count(), 1);
    assert!(!err.is_retryable());
    assert_eq!(err.rate_limit_policy(), Some("DAILY"));
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert!(err.to_string().contains("429"), "{err}");
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    let body = api.body.as_ref().expect("the rate-limit body parses");
    assert_eq!(body.error_type.as_deref(), Some("RATE_LIMIT"));
    assert_eq!(body.status.as_deref(), Some("error"));
    assert_eq!(
        body.request_id.as_deref(),
        Some("b3a5d5e2-7c07-4c3e-a8c4-9b55f4d9a0f1")
    );
    assert_eq!(
        err.correlation_id(),
        Some("c7c5e0f3-5b61-4ba4-9e6f-0d7d0d3f2a11")
    );
    assert_redacted(&err);
}

#[tokio::test]
async fn retries_give_up_after_max_attempts_with_the_last_error() {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "GET",
        Sequence::new(vec![
            server_error(503),
            server_error(503),
            // The last answer differs so we can tell it is the one returned.
            server_error(502),
        ]),
    )
    .await;
    let client = builder(&server)
        .retry(fast_retry().max_attempts(3))
        .build()
        .unwrap();
    let err = client.get_thread(1).send().await.unwrap_err();
    assert_eq!(seq.count(), 3);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(502));
    assert!(err.is_retryable());
    assert_redacted(&err);
}

#[tokio::test]
async fn a_disabled_retry_policy_sends_once() {
    let server = MockServer::start().await;
    let seq = mount_sequence(&server, "GET", Sequence::new(vec![server_error(503)])).await;
    let client = builder(&server)
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let err = client.get_thread(1).send().await.unwrap_err();
    assert_eq!(seq.count(), 1);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_redacted(&err);
}

#[tokio::test]
async fn a_connection_failure_is_retried_even_for_a_post() {
    // Nothing listens on the port: the server never saw the request, so resending is safe.
    // The token provider is asked once per attempt, which counts the attempts.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let attempts = Arc::new(AtomicUsize::new(0));
    let counter = attempts.clone();
    let auth = Auth::provider(move || {
        counter.fetch_add(1, Ordering::SeqCst);
        async { Ok(TOKEN.to_owned()) }
    });
    let client = Client::builder(auth)
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry(fast_retry().max_attempts(3))
        .build()
        .unwrap();
    let err = client
        .send_message(42, comment_draft())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(err.is_retryable());
    assert_eq!(err.status(), None);
    assert_eq!(attempts.load(Ordering::SeqCst), 3);
    assert_redacted(&err);
}

#[tokio::test]
async fn an_absurd_retry_after_does_not_panic() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(server_error(503).insert_header("Retry-After", "1e30"))
        .mount(&server)
        .await;
    let client = client(&server);
    let outcome = tokio::spawn(async move {
        client
            .get_thread(1)
            .send()
            .await
            .map(|_| ())
            .map_err(|e| e.status().map(|s| s.as_u16()))
    })
    .await;
    let result = outcome.unwrap_or_else(|e| panic!("the client panicked: {e}"));
    assert_eq!(result, Err(Some(503)));
}
