//! Rate limits: HubSpot's rate-limit headers exposed by `send_with_response`, and the
//! client-side limiter pacing a burst.

use std::time::{Duration, Instant};

use conversations_tests::fixture;
use generated_client::runtime::{RateLimit, RateLimitInfo};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

use crate::{builder, client, json_response, mount_sequence, Sequence};

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
    // Two at once, then one every 250 ms: the sixth goes out about 1 s after the first.
    assert!(elapsed >= Duration::from_millis(950), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(4), "{elapsed:?}");
    let arrivals = seq.arrivals();
    let spread = arrivals[5] - arrivals[0];
    assert!(spread >= Duration::from_millis(850), "{spread:?}");
}
