//! Timeouts: a slow answer fails the attempt; a timed-out GET is retried, a POST is not.

use std::time::{Duration, Instant};

use conversations_tests::fixture;
use generated_client::runtime::{Error, RetryPolicy};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer};

use crate::{
    assert_redacted, builder, comment_draft, fast_retry, json_response, thread_json, Sequence,
};

#[tokio::test]
async fn a_slow_answer_times_out() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(json_response(200, thread_json("1")).set_delay(Duration::from_secs(2)))
        .mount(&server)
        .await;
    let client = builder(&server)
        .timeout(Duration::from_millis(200))
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.get_thread(1).send().await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert!(err.is_retryable());
    assert!(
        elapsed >= Duration::from_millis(190) && elapsed < Duration::from_millis(1500),
        "{elapsed:?}"
    );
    assert_redacted(&err);
}

#[tokio::test]
async fn timeouts_are_retried_for_gets_but_not_for_posts() {
    let server = MockServer::start().await;
    let slow = Sequence::new(vec![
        json_response(200, thread_json("1")).set_delay(Duration::from_secs(2))
    ]);
    Mock::given(method("GET"))
        .respond_with(slow.clone())
        .mount(&server)
        .await;
    let slow_post =
        Sequence::new(vec![json_response(201, fixture("Message", "comment.json"))
            .set_delay(Duration::from_secs(2))]);
    Mock::given(method("POST"))
        .respond_with(slow_post.clone())
        .mount(&server)
        .await;
    let client = builder(&server)
        .timeout(Duration::from_millis(150))
        .retry(fast_retry().max_attempts(2))
        .build()
        .unwrap();
    let err = client.get_thread(1).send().await.unwrap_err();
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert_eq!(slow.count(), 2);
    // The server may have acted on a POST that timed out: it is not resent, and says so.
    let err = client
        .send_message(42, comment_draft())
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::MaybeApplied {
                timed_out: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.is_timeout() && !err.is_retryable());
    assert_eq!(slow_post.count(), 1);
    assert_redacted(&err);
}
