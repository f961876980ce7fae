//! The one operation of HubSpot's Visitor Identification API: creating a token for the chat
//! widget, with the bearer token, the visitor as the JSON body, and the token decoded.

use conversations_tests::http::{assert_decoded, MockHubSpot, Sent};
use conversations_tests::{fixture, typed_fixture};
use generated_client::models::VisitorTokenRequest;

#[tokio::test]
async fn create_visitor_token() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("VisitorToken", "token.json"))
        .await;
    let (request, body) = typed_fixture::<VisitorTokenRequest>("VisitorTokenRequest", "full.json");
    let token = hubspot
        .client()
        .create_visitor_token(request)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer("POST", "/visitor-identification/2026-09/tokens/create", "").json(body)
    );
    assert_decoded(&token, &answer);
}
