//! Decoding success bodies: a bad or truncated body is a decode error naming where it broke;
//! values and fields HubSpot adds later still decode.

use conversations_tests::fixture;
use generated_client::models::ThreadStatus;
use generated_client::runtime::Error;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{
    assert_redacted, client, json_response, mount_sequence, thread_json, Sequence, THREADS,
};

#[tokio::test]
async fn a_bad_field_in_a_success_body_is_a_decode_error_naming_its_path() {
    let server = MockServer::start().await;
    let mut bad = thread_json("2");
    bad["createdAt"] = json!("not a date");
    let seq = mount_sequence(
        &server,
        "GET",
        Sequence::new(vec![json_response(
            200,
            json!({"results": [thread_json("1"), bad]}),
        )]),
    )
    .await;
    let err = client(&server).list_threads().send().await.unwrap_err();
    let Error::Decode { status, path, .. } = &err else {
        panic!("expected a decode error, got {err:?}");
    };
    assert_eq!(status.as_u16(), 200);
    assert_eq!(path, "results[1].createdAt");
    assert!(err.to_string().contains("results[1].createdAt"), "{err}");
    assert!(!err.is_retryable());
    // A decode error is not a transient failure: never retried.
    assert_eq!(seq.count(), 1);
    assert_redacted(&err);
}

#[tokio::test]
async fn a_truncated_success_body_is_a_decode_error() {
    let server = MockServer::start().await;
    let full = serde_json::to_string(&thread_json("1")).unwrap();
    let truncated = &full[..full.len() / 2];
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(truncated.as_bytes().to_vec(), "application/json"),
        )
        .mount(&server)
        .await;
    let err = client(&server).get_thread(1).send().await.unwrap_err();
    let Error::Decode {
        status, snippet, ..
    } = &err
    else {
        panic!("expected a decode error, got {err:?}");
    };
    assert_eq!(status.as_u16(), 200);
    assert_eq!(snippet, truncated);
    assert_redacted(&err);
}

#[tokio::test]
async fn a_decode_error_inside_a_message_names_the_field() {
    let server = MockServer::start().await;
    let mut page = fixture("MessagePage", "with_next.json");
    assert_eq!(page["results"][0]["type"], "MESSAGE");
    page["results"][0]["createdAt"] = json!("not a date");
    Mock::given(method("GET"))
        .respond_with(json_response(200, page))
        .mount(&server)
        .await;
    let err = client(&server)
        .list_messages(7315416722)
        .send()
        .await
        .unwrap_err();
    let Error::Decode { path, .. } = &err else {
        panic!("expected a decode error, got {err:?}");
    };
    assert_eq!(path, "results[0].createdAt", "{err}");
}

#[tokio::test]
async fn unknown_enum_values_and_extra_fields_decode() {
    let server = MockServer::start().await;
    let mut body = fixture("Thread", "unknown_status_snoozed.json");
    body["brandNewField"] = json!({"nested": [1, 2, {"deeper": true}], "flag": "x"});
    body["anotherNewScalar"] = json!(42);
    Mock::given(method("GET"))
        .and(path(format!("{THREADS}/7315533907")))
        .respond_with(json_response(200, body))
        .mount(&server)
        .await;
    let thread = client(&server).get_thread(7315533907).send().await.unwrap();
    assert_eq!(thread.status, ThreadStatus::Unknown("SNOOZED".into()));
    assert_eq!(thread.status.as_str(), "SNOOZED");
    assert_eq!(thread.id, "7315533907");
    assert_eq!(thread.assigned_to.as_deref(), Some("A-5125493"));
}
