//! What an operation returns when HubSpot answers with an error or with a body that does not
//! decode: HubSpot's parsed error body, the raw text of any other body, and a decode error
//! quoting the start of the body.

use conversations_tests::fixture;
use conversations_tests::http::{assert_decoded, MockHubSpot};
use generated_client::models::ErrorResponse;
use generated_client::Error;
use serde_json::json;
use wiremock::ResponseTemplate;

#[tokio::test]
async fn an_api_error_carries_the_status_and_hubspots_error_body() {
    let hubspot = MockHubSpot::start().await;
    let expected = hubspot
        .answer(404, fixture("ErrorResponse", "full.json"))
        .await;
    let err = hubspot.client().get_inbox(77).send().await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(err.correlation_id(), expected["correlationId"].as_str());
    let Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}");
    };
    let body = api.body.as_ref().expect("the error body parses");
    assert_eq!(body.category.as_deref(), expected["category"].as_str());
    assert_eq!(
        body.errors.as_ref().map(Vec::len),
        expected["errors"].as_array().map(Vec::len)
    );
    assert!(err.to_string().contains("404"), "{err}");
}

#[tokio::test]
async fn a_developer_key_operations_error_decodes_as_the_declared_schema() {
    let hubspot = MockHubSpot::start().await;
    let expected = hubspot
        .answer(403, fixture("ErrorResponse", "minimal.json"))
        .await;
    let err = hubspot
        .client()
        .get_custom_channel(1047326)
        .send()
        .await
        .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}");
    };
    assert_eq!(api.status.as_u16(), 403);
    // As the operation's docs say, the declared error schema decodes from the error.
    let body: ErrorResponse = api.decode_body().unwrap();
    assert_decoded(&body, &expected);
}

#[tokio::test]
async fn a_non_json_error_body_is_kept_raw() {
    let hubspot = MockHubSpot::start().await;
    hubspot
        .answer_in_turn(vec![
            ResponseTemplate::new(502).set_body_string("<html>Bad gateway</html>")
        ])
        .await;
    let err = hubspot.client().get_channel(3).send().await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert!(api.body.is_none());
    assert_eq!(api.raw, "<html>Bad gateway</html>");
}

#[tokio::test]
async fn a_malformed_success_body_is_a_decode_error_with_a_snippet() {
    let hubspot = MockHubSpot::start().await;
    hubspot.answer(200, json!({"id": "1", "name": 5})).await;
    let err = hubspot.client().get_channel(3).send().await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert!(err.to_string().contains(r#"{"id":"1","name":5}"#), "{err}");
}
