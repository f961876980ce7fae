//! HubSpot's error body: every field parsed into `Error::Api`, and what the error says.

use generated_client::runtime::Error;
use serde_json::{json, Value};
use wiremock::MockServer;

use crate::{assert_redacted, client, json_response, mount_sequence, Sequence};

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
