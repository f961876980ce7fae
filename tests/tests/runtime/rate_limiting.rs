//! Rate limits: HubSpot's rate-limit headers exposed by `send_with_response`, the client-side
//! limiter pacing a burst, and pacing driven by those headers (only lower bounds on time are
//! asserted; whether a request was held back is read from the client's debug event).

use std::time::{Duration, Instant};

use conversations_tests::captured::Captured;
use conversations_tests::fixture;
use generated_client::runtime::{Pacing, RateLimit, RateLimitInfo};
use generated_client::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{builder, client, json_response, mount_sequence, Sequence};

/// A channel answered with HubSpot's interval headers: `remaining` of 100 left per
/// `interval_ms`.
fn channel_with_budget(remaining: u32, interval_ms: u32) -> ResponseTemplate {
    json_response(200, fixture("Channel", "email.json"))
        .insert_header("X-HubSpot-RateLimit-Max", "100")
        .insert_header("X-HubSpot-RateLimit-Remaining", remaining.to_string())
        .insert_header(
            "X-HubSpot-RateLimit-Interval-Milliseconds",
            interval_ms.to_string(),
        )
}

/// Sends `count` calls one after the other.
async fn one_after_another(client: &Client, count: i64) {
    for i in 0..count {
        client.get_channel(1000 + i).send().await.unwrap();
    }
}

/// Runs `calls` and counts how many times a client held a request back, from its debug events.
///
/// Every test where pacing waits runs under such a subscriber: `tracing` caches whether an
/// event is wanted the first time it fires, and a test firing it with no subscriber would hide
/// it from the others.
async fn times_paced(calls: impl std::future::Future<Output = ()>) -> usize {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(captured.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::DEBUG)
        .finish();
    {
        let _guard = tracing::subscriber::set_default(subscriber);
        calls.await;
    }
    captured.text().matches("paced:").count()
}

#[tokio::test]
async fn send_with_response_exposes_status_and_rate_limit_headers() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/conversations/conversations/2026-09/channels/1002"))
        .respond_with(
            json_response(200, fixture("Channel", "email.json"))
                .insert_header("X-HubSpot-RateLimit-Max", "190")
                .insert_header("X-HubSpot-RateLimit-Remaining", "187")
                .insert_header("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
                .insert_header("X-HubSpot-RateLimit-Daily", "1000000")
                .insert_header("X-HubSpot-RateLimit-Daily-Remaining", "999123")
                .insert_header("X-Request-Marker", "m-1"),
        )
        .mount(&server)
        .await;
    let response = client(&server)
        .get_channel(1002)
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(response.status.as_u16(), 200);
    assert_eq!(
        response.rate_limit,
        RateLimitInfo {
            max: Some(190),
            remaining: Some(187),
            interval_ms: Some(10000),
            daily: Some(1_000_000),
            daily_remaining: Some(999_123),
        }
    );
    assert_eq!(response.headers["x-request-marker"], "m-1");
    assert_eq!(response.body.id, "1002");
    assert_eq!(response.into_body().name, "Email");
}

#[tokio::test]
async fn rate_limit_info_is_empty_without_the_headers() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(json_response(200, fixture("Channel", "email.json")))
        .mount(&server)
        .await;
    let response = client(&server)
        .get_channel(1002)
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(response.rate_limit, RateLimitInfo::default());
}

#[tokio::test]
async fn the_rate_limiter_paces_a_burst() {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "GET",
        Sequence::new(vec![json_response(200, fixture("Channel", "email.json"))]),
    )
    .await;
    let client = builder(&server)
        .rate_limit(RateLimit::new(2, Duration::from_millis(500)))
        .build()
        .unwrap();
    let started = Instant::now();
    let results =
        futures::future::join_all((0..6).map(|i| client.get_channel(1000 + i).send())).await;
    let elapsed = started.elapsed();
    assert_eq!(results.len(), 6);
    for result in &results {
        assert_eq!(result.as_ref().unwrap().id, "1002");
    }
    assert_eq!(seq.count(), 6);
    // Two at once, two when the first 500 ms have passed, two more 500 ms later.
    assert!(elapsed >= Duration::from_millis(950), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(4), "{elapsed:?}");
    let arrivals = seq.arrivals();
    let spread = arrivals[5] - arrivals[0];
    assert!(spread >= Duration::from_millis(850), "{spread:?}");
}

#[tokio::test(flavor = "current_thread")]
async fn pacing_spaces_each_replicas_requests_while_the_headers_say_the_budget_is_low() {
    let server = MockServer::start().await;
    // One left of 100 per 400 ms: each client spaces its requests by 400 ms.
    let seq = mount_sequence(
        &server,
        "GET",
        Sequence::new(vec![channel_with_budget(1, 400)]),
    )
    .await;
    let replica = || {
        builder(&server)
            .pacing(Pacing::hubspot_headers())
            .build()
            .unwrap()
    };
    let (first, second) = (replica(), replica());
    let started = Instant::now();
    let both = futures::future::join(one_after_another(&first, 3), one_after_another(&second, 3));
    assert_eq!(
        times_paced(async {
            both.await;
        })
        .await,
        4
    );
    let elapsed = started.elapsed();
    assert_eq!(seq.count(), 6);
    // Each replica's third request waited two spacings after its first was sent.
    assert!(elapsed >= Duration::from_millis(800), "{elapsed:?}");
}

#[tokio::test(flavor = "current_thread")]
async fn pacing_stops_once_the_budget_recovers_and_is_off_by_default() {
    let server = MockServer::start().await;
    let answers = || {
        Sequence::new(vec![
            channel_with_budget(1, 1_000),
            channel_with_budget(90, 10_000),
        ])
    };
    mount_sequence(&server, "GET", answers()).await;
    let paced = builder(&server)
        .pacing(Pacing::hubspot_headers())
        .build()
        .unwrap();
    let started = Instant::now();
    // The second request waits a second after the first; the third, after an answer that left
    // 90 of 100, goes at once.
    assert_eq!(times_paced(one_after_another(&paced, 3)).await, 1);
    assert!(started.elapsed() >= Duration::from_secs(1));

    let server = MockServer::start().await;
    mount_sequence(&server, "GET", answers()).await;
    let unpaced = client(&server);
    assert_eq!(
        times_paced(one_after_another(&unpaced, 3)).await,
        0,
        "pacing is opt-in"
    );
}
