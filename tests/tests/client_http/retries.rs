//! Which custom-channel requests the client resends after a server error: reads (GET, DELETE)
//! are retried with their credentials on every attempt; publishing a message (POST) and the
//! PATCH updates are not, since HubSpot may have acted on them before failing.

use conversations_tests::http::{assert_decoded, MockHubSpot, Sent};
use conversations_tests::{fixture, typed_fixture};
use generated_client::models::{
    CustomChannelMessageDraft, CustomChannelMessageStatusUpdate, CustomChannelUpdate,
};
use serde_json::Value;
use wiremock::ResponseTemplate;

fn server_error(status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(fixture("ErrorResponse", "full.json"))
}

fn ok(status: u16, body: &Value) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(body)
}

#[tokio::test]
async fn publishing_a_message_is_sent_once_despite_a_500() {
    let hubspot = MockHubSpot::start().await;
    let published = fixture("CustomChannelMessage", "full.json");
    hubspot
        .answer_in_turn(vec![server_error(500), ok(201, &published)])
        .await;
    let (draft, body) =
        typed_fixture::<CustomChannelMessageDraft>("CustomChannelMessageDraft", "full.json");
    let err = hubspot
        .client()
        .publish_custom_channel_message(1047326, draft)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    // A 500 is retryable in principle; a resend could publish the message twice.
    assert!(err.is_retryable());
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "POST",
            "/conversations/custom-channels/2026-09/1047326/messages",
            ""
        )
        .json(body)
    );
}

#[tokio::test]
async fn a_patch_is_not_retried_after_a_500() {
    let hubspot = MockHubSpot::start().await;
    hubspot
        .answer_in_turn(vec![
            server_error(500),
            ok(200, &fixture("CustomChannelMessage", "outgoing_sent.json")),
        ])
        .await;
    let (update, _) = typed_fixture::<CustomChannelMessageStatusUpdate>(
        "CustomChannelMessageStatusUpdate",
        "sent.json",
    );
    let err = hubspot
        .client()
        .update_custom_channel_message(1047326, "b4d29e0f", update)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    assert_eq!(hubspot.sent().await.len(), 1);

    // The same for a developer-key PATCH.
    let hubspot = MockHubSpot::start().await;
    hubspot
        .answer_in_turn(vec![
            server_error(500),
            ok(200, &fixture("CustomChannel", "full.json")),
        ])
        .await;
    let (update, _) = typed_fixture::<CustomChannelUpdate>("CustomChannelUpdate", "minimal.json");
    let err = hubspot
        .client()
        .update_custom_channel(1047326, update)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    assert_eq!(hubspot.sent().await.len(), 1);
}

#[tokio::test]
async fn a_developer_key_get_is_retried_after_a_503_with_the_key_once_per_attempt() {
    let hubspot = MockHubSpot::start().await;
    let channel = fixture("CustomChannel", "full.json");
    hubspot
        .answer_in_turn(vec![server_error(503), ok(200, &channel)])
        .await;
    let decoded = hubspot
        .client()
        .get_custom_channel(1047326)
        .app_id(2817364)
        .send()
        .await
        .unwrap();
    assert_decoded(&decoded, &channel);
    let attempt = Sent::developer_key(
        "GET",
        "/conversations/custom-channels/2026-09/1047326",
        "appId=2817364",
    );
    assert_eq!(hubspot.sent().await, [attempt.clone(), attempt]);
}

#[tokio::test]
async fn a_developer_key_delete_is_retried_after_a_503() {
    let hubspot = MockHubSpot::start().await;
    hubspot
        .answer_in_turn(vec![server_error(503), ResponseTemplate::new(204)])
        .await;
    hubspot
        .client()
        .delete_custom_channel(1047326)
        .send()
        .await
        .unwrap();
    let attempt = Sent::developer_key(
        "DELETE",
        "/conversations/custom-channels/2026-09/1047326",
        "",
    );
    assert_eq!(hubspot.sent().await, [attempt.clone(), attempt]);
}
