//! Request bodies built with the generated constructors, setters and `From` conversions, checked
//! against the JSON HubSpot expects; the union accessors and strict enum parsing that spare a
//! `match` on every kind of message and a misspelt value silently kept as `Unknown`.

use conversations_tests::fixture;
use conversations_tests::http::{MockHubSpot, Sent};
use generated_client::models::{
    ChannelAccountUpdate, ConversationMessageDraft, FileAttachmentDraft, Message, MessageDraft,
    QuickRepliesAttachmentDraft, QuickReply, QuickReplyValueType, RecipientDraft, ThreadStatus,
    ThreadUpdate,
};
use generated_client::runtime::UnknownVariant;
use serde_json::json;

/// What HubSpot must receive for the reply below.
fn reply_json() -> serde_json::Value {
    json!({
        "type": "MESSAGE",
        "text": "A replacement is on its way; the return label is attached.",
        "subject": "Re: Broken zipper on order NW-48213",
        "attachments": [{"type": "FILE", "fileId": "162781988054"}],
        "recipients": [{"actorId": "V-3820177", "deliveryIdentifiers": []}],
        "senderActorId": "A-5125493",
        "channelId": "1002",
        "channelAccountId": "240316291"
    })
}

#[tokio::test]
async fn a_reply_with_one_attachment_takes_a_few_lines() {
    let text = "A replacement is on its way; the return label is attached.";
    // The reply: five lines.
    let file = FileAttachmentDraft::new("162781988054").into();
    let to = RecipientDraft::new([]).with_actor_id("V-3820177");
    let draft = ConversationMessageDraft::new([file], "240316291", "1002", [to], "A-5125493", text)
        .with_subject("Re: Broken zipper on order NW-48213");
    let draft: MessageDraft = draft.into();
    assert_eq!(serde_json::to_value(&draft).unwrap(), reply_json());

    // Sent as built; the id of the message HubSpot created is read without matching its kind.
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(201, fixture("Message", "message.json"))
        .await;
    let sent = hubspot
        .client()
        .send_message(7315416722, draft)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "POST",
            "/conversations/conversations/2026-09/threads/7315416722/messages",
            ""
        )
        .json(reply_json())
    );
    assert_eq!(sent.id().map(|id| id.as_str()), answer["id"].as_str());
    assert_eq!(
        sent.conversations_thread_id().map(|id| id.as_str()),
        answer["conversationsThreadId"].as_str()
    );
}

#[test]
fn every_kind_of_message_answers_the_shared_accessors() {
    for file in [
        "message.json",
        "comment.json",
        "welcome_message.json",
        "assignment.json",
        "thread_status_change.json",
        "thread_inbox_change.json",
    ] {
        let json = fixture("Message", file);
        let message: Message = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(
            message.id().map(|id| id.as_str()),
            json["id"].as_str(),
            "{file}"
        );
        let created = message.created_at().map(|at| at.to_rfc3339());
        let expected = json["createdAt"].as_str().map(|at| {
            chrono::DateTime::parse_from_rfc3339(at)
                .unwrap()
                .to_utc()
                .to_rfc3339()
        });
        assert_eq!(created, expected, "{file}");
    }
    // A kind this client does not know yet: kept whole, and no field is assumed.
    let unknown: Message =
        serde_json::from_value(fixture("Message", "unknown_call_transcript.json")).unwrap();
    assert!(matches!(unknown, Message::Unknown(_)), "{unknown:?}");
    assert_eq!(unknown.id(), None);
}

#[test]
fn optional_only_bodies_start_from_default_and_setters_convert() {
    assert_eq!(
        serde_json::to_value(ThreadUpdate::default().with_status(ThreadStatus::Closed)).unwrap(),
        json!({"status": "CLOSED"})
    );
    assert_eq!(ThreadUpdate::default(), ThreadUpdate::new());
    assert_eq!(
        serde_json::to_value(ChannelAccountUpdate::new().with_name("Support")).unwrap(),
        json!({"name": "Support"})
    );
    // A quick-reply attachment converts into its union too.
    let reply = QuickReply::new("yes", QuickReplyValueType::Text).with_label("Yes");
    let draft = ConversationMessageDraft::new(
        [QuickRepliesAttachmentDraft::new([reply]).into()],
        "240316291",
        "1002",
        [],
        "A-5125493",
        "Did that help?",
    );
    let json = serde_json::to_value(MessageDraft::from(draft)).unwrap();
    assert_eq!(json["attachments"][0]["type"], "QUICK_REPLIES");
    assert_eq!(json["attachments"][0]["quickReplies"][0]["label"], "Yes");
}

#[test]
fn enums_parse_only_the_exact_wire_values() {
    assert_eq!("OPEN".parse::<ThreadStatus>(), Ok(ThreadStatus::Open));
    let error: UnknownVariant = "open".parse::<ThreadStatus>().unwrap_err();
    assert_eq!((error.type_name(), error.value()), ("ThreadStatus", "open"));
    assert_eq!(
        error.to_string(),
        "`open` is not a known ThreadStatus value (expected `CLOSED`, `OPEN`)"
    );
    // Decoding keeps values HubSpot adds later; that conversion stays lenient.
    assert_eq!(
        ThreadStatus::from("open"),
        ThreadStatus::Unknown("open".to_owned())
    );
}
