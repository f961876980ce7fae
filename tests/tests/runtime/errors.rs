//! HubSpot's error body: every field parsed into `Error::Api`, what the error says (each cause
//! once along its `source()` chain), and the predicates that tell failures apart.

use std::error::Error as _;
use std::time::Duration;

use generated_client::runtime::{Error, RetryPolicy};
use serde_json::{json, Value};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer};

use crate::{
    assert_redacted, builder, client, json_response, mount_sequence, thread_json, Sequence,
};

/// HubSpot's answer to an invalid request, with every field its error body can carry.
fn validation_error_body() -> Value {
    json!({
        "status": "error",
        "message": "Invalid input JSON: status must be one of [OPEN, CLOSED]",
        "correlationId": "5c1f0e84-93a2-4b7d-8e61-2f3d9a07c4b5",
        "category": "VALIDATION_ERROR",
        "subCategory": "ConversationsThreadError.INVALID_STATUS",
        "context": {"threadId": ["7315416722"], "invalidPropertyName": ["status"]},
        "links": {"knowledge-base": "https://developers.hubspot.com/docs/api/conversations"},
        "errors": [
            {"message": "status must be one of [OPEN, CLOSED]", "code": "INVALID_ENUM_VALUE", "in": "status"},
            {"message": "archived must be a boolean"}
        ]
    })
}

/// The error of a `getThread` call HubSpot answers with 400 and `body`, and how many requests
/// the server received.
async fn get_thread_answered_400(body: &Value) -> (Error, usize) {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "GET",
        Sequence::new(vec![json_response(400, body.clone())]),
    )
    .await;
    let err = client(&server)
        .get_thread(7315416722)
        .send()
        .await
        .unwrap_err();
    (err, seq.count())
}

#[tokio::test]
async fn a_400_is_not_retried_and_its_error_says_what_hubspot_said() {
    let body = validation_error_body();
    let (err, received) = get_thread_answered_400(&body).await;
    assert_eq!(received, 1, "a 400 is not retried");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(
        err.correlation_id(),
        Some("5c1f0e84-93a2-4b7d-8e61-2f3d9a07c4b5")
    );
    assert!(!err.is_retryable());
    assert_eq!(err.rate_limit_policy(), None);
    let Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}");
    };
    assert_eq!(api.status.as_u16(), 400);
    assert_eq!(api.retry_after, None);
    assert_eq!(serde_json::from_str::<Value>(&api.raw).unwrap(), body);
    let shown = err.to_string();
    for part in [
        "400",
        "VALIDATION_ERROR",
        "status must be one of",
        "5c1f0e84-93a2-4b7d-8e61-2f3d9a07c4b5",
    ] {
        assert!(shown.contains(part), "{part:?} missing from {shown:?}");
    }
    assert_redacted(&err);
}

#[tokio::test]
async fn a_400_carries_every_field_of_hubspots_error_body() {
    let (err, _) = get_thread_answered_400(&validation_error_body()).await;
    let Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}");
    };
    let parsed = api.body.as_ref().expect("the error body parses");
    assert_eq!(parsed.status.as_deref(), Some("error"));
    assert_eq!(
        parsed.message.as_deref(),
        Some("Invalid input JSON: status must be one of [OPEN, CLOSED]")
    );
    assert_eq!(
        parsed.correlation_id.as_deref(),
        Some("5c1f0e84-93a2-4b7d-8e61-2f3d9a07c4b5")
    );
    assert_eq!(parsed.category.as_deref(), Some("VALIDATION_ERROR"));
    assert_eq!(
        parsed.sub_category.as_deref(),
        Some("ConversationsThreadError.INVALID_STATUS")
    );
    let context = parsed.context.as_ref().unwrap();
    assert_eq!(context.len(), 2);
    assert_eq!(context["threadId"], ["7315416722"]);
    assert_eq!(context["invalidPropertyName"], ["status"]);
    let links = parsed.links.as_ref().unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(
        links["knowledge-base"],
        "https://developers.hubspot.com/docs/api/conversations"
    );
    let errors = parsed.errors.as_ref().unwrap();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].message, "status must be one of [OPEN, CLOSED]");
    assert_eq!(errors[0].code.as_deref(), Some("INVALID_ENUM_VALUE"));
    assert_eq!(errors[0].in_.as_deref(), Some("status"));
    assert_eq!(errors[1].message, "archived must be a boolean");
    assert_eq!(errors[1].code, None);
    assert_eq!(errors[1].in_, None);
    assert_eq!(parsed.error_type, None);
    assert_eq!(parsed.policy_name, None);
    assert_eq!(parsed.request_id, None);
}

/// The `Display` of `err` and of each error along its `source()` chain.
fn chain(err: &Error) -> Vec<String> {
    let mut messages = vec![err.to_string()];
    let mut source = err.source();
    while let Some(inner) = source {
        messages.push(inner.to_string());
        source = inner.source();
    }
    messages
}

/// No error of the chain repeats the message of one below it, so a reporter printing the whole
/// chain says each cause once.
fn assert_each_cause_once(messages: &[String]) {
    for (i, outer) in messages.iter().enumerate() {
        for inner in &messages[i + 1..] {
            assert!(
                !outer.contains(inner.as_str()),
                "{outer:?} repeats its cause {inner:?}; chain: {messages:#?}"
            );
        }
    }
}

#[tokio::test]
async fn a_transport_error_says_what_failed_and_leaves_the_cause_to_its_source() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let client =
        generated_client::Client::builder(generated_client::Auth::private_app_token(crate::TOKEN))
            .base_url(format!("http://127.0.0.1:{port}"))
            .retry(RetryPolicy::disabled())
            .build()
            .unwrap();
    let err = client.get_thread(1).send().await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    let messages = chain(&err);
    assert_eq!(messages[0], "the request to HubSpot failed");
    assert!(
        messages.len() >= 2,
        "the cause is the source: {messages:#?}"
    );
    assert_each_cause_once(&messages);
    assert!(!err.is_timeout() && !err.is_server_error() && err.status().is_none());
    assert_redacted(&err);
}

#[tokio::test]
async fn a_timeout_says_so_once() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(json_response(200, thread_json("1")).set_delay(Duration::from_secs(2)))
        .mount(&server)
        .await;
    let client = builder(&server)
        .timeout(Duration::from_millis(100))
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let err = client.get_thread(1).send().await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    let messages = chain(&err);
    assert_eq!(messages[0], "the request to HubSpot timed out");
    assert!(
        messages.len() >= 2,
        "the cause is the source: {messages:#?}"
    );
    assert_each_cause_once(&messages);
}

#[tokio::test]
async fn a_decode_error_names_the_field_and_leaves_serdes_message_to_its_source() {
    let server = MockServer::start().await;
    let mut body = thread_json("1");
    body["spam"] = json!("not a bool");
    Mock::given(method("GET"))
        .respond_with(json_response(200, body))
        .mount(&server)
        .await;
    let err = client(&server).get_thread(1).send().await.unwrap_err();
    let messages = chain(&err);
    assert!(messages[0].contains("at `spam`"), "{messages:#?}");
    assert!(messages[1].contains("invalid type"), "{messages:#?}");
    assert_each_cause_once(&messages);
}

#[tokio::test]
async fn predicates_tell_hubspots_answers_apart() {
    type Predicate = fn(&Error) -> bool;
    let predicates: [(&str, Predicate); 7] = [
        ("bad request", Error::is_bad_request),
        ("unauthorized", Error::is_unauthorized),
        ("forbidden", Error::is_forbidden),
        ("not found", Error::is_not_found),
        ("conflict", Error::is_conflict),
        ("rate limited", Error::is_rate_limited),
        ("server error", Error::is_server_error),
    ];
    let cases = [
        (400, "bad request"),
        (401, "unauthorized"),
        (403, "forbidden"),
        (404, "not found"),
        (409, "conflict"),
        (429, "rate limited"),
        (500, "server error"),
        (503, "server error"),
    ];
    for (status, expected) in cases {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(json_response(
                status,
                json!({"status": "error", "message": "no"}),
            ))
            .mount(&server)
            .await;
        let client = builder(&server)
            .retry(RetryPolicy::disabled())
            .build()
            .unwrap();
        let err = client.get_thread(1).send().await.unwrap_err();
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(err.api_error().map(|e| e.status.as_u16()), Some(status));
        assert!(!err.is_timeout(), "{status}");
        for (name, predicate) in predicates {
            assert_eq!(predicate(&err), name == expected, "{name} for {status}");
        }
        assert_each_cause_once(&chain(&err));
    }
    let invalid = Error::InvalidArgument("x".into());
    assert!(invalid.api_error().is_none());
    assert!(predicates.iter().all(|(_, predicate)| !predicate(&invalid)));
}
