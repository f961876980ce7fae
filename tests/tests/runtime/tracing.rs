//! Tracing: one `hubspot.request` span per call with OpenTelemetry's HTTP client fields
//! (method, URL template, server, status, resend count, error type) plus the operation and
//! latency, and never a token, a body or a concrete path.

use conversations_tests::captured::Captured;
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer};

use crate::{client, json_response, mount_sequence, server_error, thread_json, Sequence, TOKEN};

const THREAD_TEMPLATE: &str = "/conversations/conversations/2026-09/threads/{threadId}";

/// A subscriber printing spans as they close into `captured`.
fn subscriber(captured: &Captured) -> impl tracing::Subscriber {
    tracing_subscriber::fmt()
        .with_writer(captured.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .finish()
}

/// Whether `out` has the string field `name` with `value`, quoted or not.
fn has_field(out: &str, name: &str, value: &str) -> bool {
    out.contains(&format!("{name}={value}")) || out.contains(&format!("{name}=\"{value}\""))
}

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
    let subscriber = subscriber(&captured);
    let thread = {
        let _guard = tracing::subscriber::set_default(subscriber);
        client.get_thread(7315416722).send().await.unwrap()
    };
    assert_eq!(thread.associated_contact_id, "BODY-MARKER-90551");

    let out = captured.text();
    for expected in [
        "hubspot.request",
        "http.request.method=GET",
        "http.response.status_code=200",
        "server.port=",
        "hubspot.latency_ms=",
    ] {
        assert!(out.contains(expected), "{expected:?} missing from:\n{out}");
    }
    let otel_name = format!("GET {THREAD_TEMPLATE}");
    for (name, value) in [
        ("url.template", THREAD_TEMPLATE),
        ("otel.name", otel_name.as_str()),
        ("otel.kind", "client"),
        ("server.address", "127.0.0.1"),
        ("hubspot.operation", "getThread"),
    ] {
        assert!(
            has_field(&out, name, value),
            "{name}={value} missing from:\n{out}"
        );
    }
    for absent in [
        "http.request.resend_count",
        "error.type",
        "otel.status_code",
    ] {
        assert!(
            !out.contains(absent),
            "{absent} on a first attempt that succeeded:\n{out}"
        );
    }
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
    let subscriber = subscriber(&captured);
    {
        let _guard = tracing::subscriber::set_default(subscriber);
        client.get_thread(1).send().await.unwrap();
    }
    let out = captured.text();
    assert!(out.contains("hubspot.request"), "{out}");
    assert!(out.contains("http.request.resend_count=1"), "{out}");
    assert!(out.contains("http.response.status_code=200"), "{out}");
    assert!(!out.contains("error.type"), "{out}");
    assert!(
        !out.contains("internal error"),
        "error body in the logs:\n{out}"
    );
    assert!(!out.contains(TOKEN), "{out}");
}

#[tokio::test(flavor = "current_thread")]
async fn a_failed_call_records_its_error_type_and_status() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(json_response(
            404,
            json!({"status": "error", "message": "Thread not found", "category": "OBJECT_NOT_FOUND"}),
        ))
        .mount(&server)
        .await;
    let client = client(&server);
    let captured = Captured::default();
    let err = {
        let _guard = tracing::subscriber::set_default(subscriber(&captured));
        client.get_thread(1).send().await.unwrap_err()
    };
    assert!(err.is_not_found(), "{err:?}");
    let out = captured.text();
    assert!(out.contains("http.response.status_code=404"), "{out}");
    assert!(has_field(&out, "error.type", "404"), "{out}");
    assert!(has_field(&out, "otel.status_code", "ERROR"), "{out}");
    assert!(
        !out.contains("Thread not found"),
        "error body in the logs:\n{out}"
    );
}
