//! HubSpot's Conversations webhook events through the generated `webhooks::ConversationEvents`:
//! a batch mixing every kind decodes into the right variants with typed ids (HubSpot's numeric
//! `objectId` and a string one alike), unknown kinds and property names are kept, shared fields
//! read without a `match`, a decoded batch encodes back and decodes equal, and a new-message
//! event leads to `get_message` in one line.

use generated_client::models::{
    ConversationEvent, ConversationNewMessageType, ConversationPropertyName, MessageId, ThreadId,
};
use generated_client::testing::MockApi;
use generated_client::webhooks::{ConversationEvents, Webhook};
use generated_client::Error;
use serde_json::{json, Value};

/// The fields every event has, for the event of `kind` with id `id`.
fn event(id: i64, kind: &str, object_id: Value, extra: Value) -> Value {
    let mut event = json!({
        "eventId": id, "subscriptionId": 9001, "portalId": 62515, "appId": 4242,
        "occurredAt": 1764504000000_i64, "subscriptionType": kind, "attemptNumber": 0,
        "objectId": object_id, "changeSource": "CONVERSATIONS", "changeFlag": "CHANGED"
    });
    event
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    event
}

fn batch() -> Value {
    json!([
        event(1, "conversation.creation", json!(7315416722_i64), json!({})),
        event(2, "conversation.deletion", json!("7315416722"), json!({})),
        event(
            3,
            "conversation.privacyDeletion",
            json!(7315416722_i64),
            json!({})
        ),
        event(
            4,
            "conversation.propertyChange",
            json!(7315416722_i64),
            json!({"propertyName": "status", "propertyValue": "CLOSED"})
        ),
        event(
            5,
            "conversation.propertyChange",
            json!(7315416722_i64),
            json!({"propertyName": "priority", "propertyValue": "HIGH"})
        ),
        event(
            6,
            "conversation.newMessage",
            json!(7315416722_i64),
            json!({"messageId": "3f1b2c9d", "messageType": "MESSAGE"})
        ),
        event(7, "conversation.reopened", json!(7315416722_i64), json!({}))
    ])
}

#[test]
fn a_mixed_batch_decodes_into_the_right_variants() {
    let events = ConversationEvents::decode(batch().to_string().as_bytes()).unwrap();
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| match e {
            ConversationEvent::ConversationCreation(_) => "creation",
            ConversationEvent::ConversationDeletion(_) => "deletion",
            ConversationEvent::ConversationPrivacyDeletion(_) => "privacyDeletion",
            ConversationEvent::ConversationPropertyChange(_) => "propertyChange",
            ConversationEvent::ConversationNewMessage(_) => "newMessage",
            ConversationEvent::Unknown(_) => "unknown",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "creation",
            "deletion",
            "privacyDeletion",
            "propertyChange",
            "propertyChange",
            "newMessage",
            "unknown"
        ]
    );
    // The thread id decodes from HubSpot's number and from a string alike.
    let thread = ThreadId::from(7315416722_i64);
    for event in &events[..6] {
        assert_eq!(event.object_id(), Some(&thread), "{event:?}");
    }
    let ConversationEvent::ConversationPropertyChange(status) = &events[3] else {
        unreachable!()
    };
    assert_eq!(status.property_name, ConversationPropertyName::Status);
    assert_eq!(status.property_value, "CLOSED");
    let ConversationEvent::ConversationPropertyChange(unknown) = &events[4] else {
        unreachable!()
    };
    assert_eq!(unknown.property_name.as_str(), "priority");
    let ConversationEvent::ConversationNewMessage(message) = &events[5] else {
        unreachable!()
    };
    assert_eq!(message.message_id, MessageId::from("3f1b2c9d"));
    assert_eq!(message.message_type, ConversationNewMessageType::Message);
    // An unknown kind is kept whole; its shared fields are not guessed.
    assert_eq!(events[6], ConversationEvent::Unknown(batch()[6].clone()));
    assert_eq!(events[6].event_id(), None);
    assert_eq!(
        events
            .iter()
            .filter_map(|e| e.event_id())
            .copied()
            .collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
}

#[test]
fn a_decoded_batch_encodes_back_and_decodes_equal() {
    let events = ConversationEvents::decode(batch().to_string().as_bytes()).unwrap();
    let encoded = serde_json::to_vec(&events).unwrap();
    assert_eq!(ConversationEvents::decode(&encoded).unwrap(), events);
    // Ids are written in their kind's JSON form: the thread id as a string, the app id as a number.
    let value: Value = serde_json::from_slice(&encoded).unwrap();
    assert_eq!(value[0]["objectId"], json!("7315416722"));
    assert_eq!(value[0]["appId"], json!(4242));
}

#[test]
fn a_malformed_event_names_its_place_in_the_batch() {
    let mut bad = batch();
    bad[5]["messageType"] = json!(17);
    let error = ConversationEvents::decode(bad.to_string().as_bytes()).unwrap_err();
    assert_eq!(error.path(), "[5].messageType");
    assert_eq!(error.webhook(), "conversationEvents");
    assert_eq!(<ConversationEvents as Webhook>::NAME, "conversationEvents");
    assert!(ConversationEvents::decode(br#"{"eventId": 1}"#).is_err());
}

#[tokio::test]
async fn a_new_message_event_leads_to_get_message_in_one_line() {
    let mock = MockApi::start().await;
    mock.get_message(7315416722_i64, "3f1b2c9d")
        .expect(1)
        .returns_status(404)
        .await;
    let client = mock.client();
    let events = ConversationEvents::decode(batch().to_string().as_bytes()).unwrap();
    for event in &events {
        if let ConversationEvent::ConversationNewMessage(e) = event {
            let fetched = client.get_message(&e.object_id, &e.message_id).send().await;
            assert!(
                matches!(fetched, Err(Error::Api(ref api)) if api.status == 404),
                "{fetched:?}"
            );
        }
    }
}
