//! Tracing: one `hubspot.request` span per call with operation, method, path template, status,
//! attempt and latency, and never a token or a body.

use conversations_tests::captured::Captured;
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer};

use crate::{client, json_response, mount_sequence, server_error, thread_json, Sequence, TOKEN};

const THREAD_TEMPLATE: &str = "/conversations/conversations/2026-09/threads/{threadId}";

#[tokio::test(flavor = "current_thread")]
async fn each_request_is_traced_in_a_span_without_secrets_or_bodies() {
    let server = MockServer::start().await;
    let mut body = thread_json("7315416722");
    body["associatedContactId"] = json!("BODY-MARKER-90551");
    Mock::given(method("GET"))
        .respond_with(json_response(200, body))
        .mount(&server)
        .await;
    let client = client(&server);

    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(captured.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .finish();
    let thread = {
        let _guard = tracing::subscriber::set_default(subscriber);
        client.get_thread(7315416722).send().await.unwrap()
    };
    assert_eq!(thread.associated_contact_id, "BODY-MARKER-90551");

    let out = captured.text();
    for expected in [
        "hubspot.request",
        "method=GET",
        THREAD_TEMPLATE,
        "status=200",
        "attempt=1",
        "latency_ms=",
    ] {
        assert!(out.contains(expected), "{expected:?} missing from:\n{out}");
    }
    assert!(
        out.contains("operation=getThread") || out.contains("operation=\"getThread\""),
        "operation missing from:\n{out}"
    );
    assert!(!out.contains(TOKEN), "token in the logs:\n{out}");
    assert!(!out.contains("Bearer"), "credentials in the logs:\n{out}");
    assert!(
        !out.contains("BODY-MARKER"),
        "response body in the logs:\n{out}"
    );
    assert!(
        !out.contains("7315416722"),
        "the concrete path (with ids) in the logs:\n{out}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_retried_request_traces_its_last_attempt_and_status() {
    let server = MockServer::start().await;
    mount_sequence(
        &server,
        "GET",
        Sequence::new(vec![
            server_error(503),
            json_response(200, thread_json("1")),
        ]),
    )
    .await;
    let client = client(&server);
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(captured.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .finish();
    {
        let _guard = tracing::subscriber::set_default(subscriber);
        client.get_thread(1).send().await.unwrap();
    }
    let out = captured.text();
    assert!(out.contains("hubspot.request"), "{out}");
    assert!(out.contains("attempt=2"), "{out}");
    assert!(out.contains("status=200"), "{out}");
    assert!(
        !out.contains("internal error"),
        "error body in the logs:\n{out}"
    );
    assert!(!out.contains(TOKEN), "{out}");
}
