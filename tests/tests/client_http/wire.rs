//! What every operation's request shares on the wire: path parameters are one percent-encoded
//! segment each, a list parameter's setter adds to the values set before, the client names
//! itself in `User-Agent`, and neither the token nor the developer key shows in `Debug` output
//! of the client or a request builder.

use conversations_tests::fixture;
use conversations_tests::http::{MockHubSpot, DEVELOPER_KEY, TOKEN};

#[tokio::test]
async fn a_path_parameter_cannot_change_the_path() {
    let hubspot = MockHubSpot::start().await;
    hubspot
        .answer(200, fixture("Message", "comment.json"))
        .await;
    hubspot
        .client()
        .get_message(5, "a/../b?x=1#f")
        .send()
        .await
        .unwrap();
    let sent = hubspot.only_sent().await;
    assert_eq!(
        sent.path,
        "/conversations/conversations/2026-09/threads/5/messages/a%2F..%2Fb%3Fx%3D1%23f"
    );
    assert_eq!(sent.query, "");
}

#[tokio::test]
async fn a_list_parameter_accumulates_across_setter_calls() {
    let hubspot = MockHubSpot::start().await;
    hubspot
        .answer(200, serde_json::json!({"results": []}))
        .await;
    hubspot
        .client()
        .list_threads()
        .inbox_id([1001])
        .sort(["-latestMessageTimestamp".to_owned()])
        .inbox_id(vec![1002, 1003])
        .limit(5)
        .limit(10)
        .send()
        .await
        .unwrap();
    let sent = hubspot.only_sent().await;
    // A scalar setter replaces: `limit` is sent once, with the last value.
    assert_eq!(
        sent.query,
        "inboxId=1001&inboxId=1002&inboxId=1003&limit=10&sort=-latestMessageTimestamp"
    );
}

#[tokio::test]
async fn the_client_names_itself_in_the_user_agent() {
    let hubspot = MockHubSpot::start().await;
    hubspot.answer(200, fixture("Thread", "minimal.json")).await;
    hubspot.client().get_thread(1).send().await.unwrap();
    let requests = hubspot.server.received_requests().await.unwrap();
    let agent = requests[0].headers["user-agent"].to_str().unwrap();
    assert!(agent.starts_with("generated-client/"), "{agent}");
}

#[tokio::test]
async fn no_secret_shows_in_debug_output() {
    let hubspot = MockHubSpot::start().await;
    let client = hubspot.client();
    let shown = format!(
        "{client:?} {:?} {:?}",
        client.get_thread(1),
        client.list_custom_channels().app_id(7)
    );
    for secret in [TOKEN, DEVELOPER_KEY] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
}
