//! Serde round-trips of the generated models on hand-written JSON (`tests/fixtures/models/`):
//! every file decodes into its type and re-encodes to the same JSON value. `unknown_*` files
//! carry values HubSpot may add later and must be kept, not rejected.

use std::path::{Path, PathBuf};

use generated_client::models::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/models")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Decodes every fixture of `dir` as `T`, re-encodes it and compares; returns how many ran.
fn round_trip_dir<T: DeserializeOwned + Serialize>(dir: &str) -> usize {
    let folder = fixtures_dir().join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", folder.display());
    for path in &files {
        let text = read(path);
        let original: Value = serde_json::from_str(&text).unwrap();
        let decoded: T = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} does not decode: {e}", path.display()));
        let encoded = serde_json::to_value(&decoded).unwrap();
        assert_eq!(encoded, original, "{} does not round-trip", path.display());
    }
    files.len()
}

/// Every fixture folder and the type its files decode into.
macro_rules! fixture_types {
    ($($name:ident),* $(,)?) => {
        const FIXTURE_TYPES: &[&str] = &[$(stringify!($name)),*];

        #[test]
        fn every_fixture_round_trips() {
            let mut total = 0;
            $(total += round_trip_dir::<$name>(stringify!($name));)*
            assert!(total >= 170, "only {total} fixtures ran");
        }
    };
}

fixture_types!(
    Actor,
    ActorBatch,
    ActorBatchRequest,
    Attachment,
    Channel,
    ChannelAccount,
    ChannelAccountDraft,
    ChannelAccountPage,
    ChannelAccountStagingToken,
    ChannelAccountStagingTokenUpdate,
    ChannelAccountUpdate,
    ChannelPage,
    CustomChannel,
    CustomChannelAttachmentDraft,
    CustomChannelDraft,
    CustomChannelMessage,
    CustomChannelMessageDraft,
    CustomChannelMessageStatusUpdate,
    CustomChannelPage,
    CustomChannelParticipant,
    CustomChannelUpdate,
    DeliveryIdentifier,
    ErrorResponse,
    Inbox,
    InboxPage,
    Message,
    MessageContent,
    MessageDraft,
    MessagePage,
    PreResolvedContacts,
    Thread,
    ThreadAssignment,
    ThreadPage,
    ThreadUpdate,
    VisitorToken,
    VisitorTokenRequest,
);

#[test]
fn every_fixture_folder_is_tested() {
    let mut folders: Vec<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut listed: Vec<String> = FIXTURE_TYPES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(folders, listed);
}

fn fixture<T: DeserializeOwned>(dir: &str, file: &str) -> T {
    let path = fixtures_dir().join(dir).join(file);
    serde_json::from_str(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn unions_decode_into_the_variant_their_tag_names() {
    let message: Message = fixture("Message", "comment.json");
    assert!(matches!(message, Message::Comment(_)), "{message:?}");
    let actor: Actor = fixture("Actor", "visitor.json");
    assert!(matches!(actor, Actor::Visitor(_)), "{actor:?}");
    let attachment: Attachment = fixture("Attachment", "location.json");
    let Attachment::Location(location) = attachment else {
        panic!("expected a location, got {attachment:?}");
    };
    assert!(location.latitude.abs() <= 90.0);
    let draft: MessageDraft = fixture("MessageDraft", "comment.json");
    assert!(matches!(draft, MessageDraft::Comment(_)), "{draft:?}");
}

#[test]
fn custom_channel_attachments_decode_into_their_draft_shapes() {
    // A file published on a custom channel has no name or URL and may omit its usage type,
    // unlike the `FileAttachment` HubSpot sends back.
    let file: CustomChannelAttachmentDraft =
        fixture("CustomChannelAttachmentDraft", "file_minimal.json");
    let CustomChannelAttachmentDraft::File(file) = file else {
        panic!("expected a file, got {file:?}");
    };
    assert_eq!(file.file_id, "162782004933");
    assert_eq!(file.file_usage_type, None);
    let replies: CustomChannelAttachmentDraft =
        fixture("CustomChannelAttachmentDraft", "quick_replies.json");
    let CustomChannelAttachmentDraft::QuickReplies(replies) = replies else {
        panic!("expected quick replies, got {replies:?}");
    };
    assert_eq!(replies.quick_replies.len(), 3);
    let draft: CustomChannelMessageDraft = fixture("CustomChannelMessageDraft", "full.json");
    assert!(matches!(
        draft.attachments.as_slice(),
        [
            CustomChannelAttachmentDraft::File(_),
            CustomChannelAttachmentDraft::Location(_)
        ]
    ));
}

#[test]
fn unknown_union_tags_are_kept_whole() {
    let message: Message = fixture("Message", "unknown_call_transcript.json");
    let Message::Unknown(value) = &message else {
        panic!("expected Unknown, got {message:?}");
    };
    assert_eq!(value["type"], "CALL_TRANSCRIPT");
    let actor: Actor = fixture("Actor", "unknown_workflow.json");
    assert!(
        matches!(&actor, Actor::Unknown(v) if v["type"] == "WORKFLOW"),
        "{actor:?}"
    );
    let attachment: Attachment = fixture("Attachment", "unknown_sticker_pack.json");
    assert!(matches!(&attachment, Attachment::Unknown(v) if v["type"] == "STICKER_PACK"));
    let draft: MessageDraft = fixture("MessageDraft", "unknown_forward.json");
    assert!(matches!(&draft, MessageDraft::Unknown(v) if v["type"] == "FORWARD"));
    let published: CustomChannelAttachmentDraft =
        fixture("CustomChannelAttachmentDraft", "unknown_reaction.json");
    assert!(
        matches!(&published, CustomChannelAttachmentDraft::Unknown(v) if v["emoji"] == "👍"),
        "{published:?}"
    );
}

#[test]
fn an_unknown_item_in_a_list_leaves_its_neighbours_decoded() {
    let page: MessagePage = fixture("MessagePage", "unknown_call_transcript.json");
    assert!(
        matches!(
            page.results.as_slice(),
            [Message::Message(_), Message::Unknown(v)] if v["callId"] == "58219377130"
        ),
        "{page:?}"
    );
    let message: CustomChannelMessage =
        fixture("CustomChannelMessage", "unknown_attachment_reaction.json");
    assert!(
        matches!(message.attachments.as_slice(), [Attachment::Unknown(v)] if v["type"] == "REACTION")
    );
    assert_eq!(message.type_, CustomChannelMessageType::Message);
}

#[test]
fn unknown_enum_values_are_kept() {
    let thread: Thread = fixture("Thread", "unknown_status_snoozed.json");
    assert_eq!(thread.status, ThreadStatus::Unknown("SNOOZED".into()));
    assert_eq!(thread.status.as_str(), "SNOOZED");
    let message: Message = fixture("Message", "unknown_direction_internal.json");
    let Message::Message(message) = message else {
        panic!("expected a conversation message");
    };
    assert_eq!(message.direction.as_str(), "INTERNAL");
    let update: CustomChannelMessageStatusUpdate = fixture(
        "CustomChannelMessageStatusUpdate",
        "unknown_status_type_delivered.json",
    );
    assert_eq!(
        update.status_type,
        CustomChannelMessageStatusUpdateStatusType::Unknown("DELIVERED".into())
    );
    let message: CustomChannelMessage =
        fixture("CustomChannelMessage", "unknown_status_delivered.json");
    let status = message.status.expect("the fixture has a status");
    assert_eq!(status.status_type.as_str(), "DELIVERED");
    let matched: PreResolvedContacts =
        fixture("PreResolvedContacts", "unknown_custom_property.json");
    assert_eq!(
        matched.contacts[0].contact_properties_leading_to_match,
        [
            ContactMatchProperty::Unknown("kestrel_user_id".into()),
            ContactMatchProperty::Mobilephone
        ]
    );
    let address: DeliveryIdentifier = fixture("DeliveryIdentifier", "unknown_social_handle.json");
    assert_eq!(
        address.type_,
        DeliveryIdentifierType::Unknown("HS_SOCIAL_HANDLE".into())
    );
    let batch: ActorBatch = fixture("ActorBatch", "unknown_status_partially_complete.json");
    assert_eq!(batch.status.as_str(), "PARTIALLY_COMPLETE");
}

#[test]
fn a_batch_answer_carries_both_its_results_and_its_failures() {
    let batch: ActorBatch = fixture("ActorBatch", "partial.json");
    assert_eq!(batch.results.len(), 2);
    assert_eq!(batch.num_errors, Some(2));
    let errors = batch.errors.expect("the fixture has errors");
    assert_eq!(errors[0].id.as_deref(), Some("A-9999001"));
    // `subCategory` comes as an object or as a string; both are kept as sent.
    assert_eq!(
        errors[0].sub_category,
        Some(serde_json::json!({"reason": "ACTOR_NOT_FOUND"}))
    );
    let failed: ActorBatch = fixture("ActorBatch", "all_failed.json");
    assert!(failed.results.is_empty());
    let sub_category = &failed.errors.expect("the fixture has errors")[0].sub_category;
    assert_eq!(
        sub_category.as_ref().and_then(Value::as_str),
        Some("ConversationsActorError.ACTOR_NOT_FOUND")
    );
    let complete: ActorBatch = fixture("ActorBatch", "complete.json");
    assert_eq!((complete.errors, complete.num_errors), (None, None));
}

#[test]
fn custom_channel_capabilities_keep_every_kind_of_value() {
    let channel: CustomChannel = fixture("CustomChannel", "full.json");
    let caps = &channel.capabilities;
    assert_eq!(caps["allowInlineImages"], false);
    assert_eq!(caps["maxFileAttachmentCount"], 4);
    assert_eq!(caps["threadingModel"], "INTEGRATION_THREAD_ID");
    assert_eq!(caps["richText"][0], "HYPERLINK");
    // A capability HubSpot documents later, whatever its shape, is kept too.
    let channel: CustomChannel = fixture("CustomChannel", "new_capability.json");
    assert_eq!(
        channel.capabilities["typingIndicators"]["timeoutSeconds"],
        8
    );
}

#[test]
fn a_known_tag_with_a_malformed_body_is_an_error_not_unknown() {
    // `COMMENT` requires `text`; dropping it must fail loudly, naming the variant.
    let mut comment: Value = fixture("Message", "comment.json");
    comment.as_object_mut().unwrap().remove("text");
    let err = serde_json::from_value::<Message>(comment)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("type: COMMENT") && err.contains("text"),
        "{err}"
    );
}

#[test]
fn a_union_without_its_tag_is_an_error() {
    let err = serde_json::from_str::<Actor>(r#"{"id": "A-1"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing field `type`"), "{err}");
}

#[test]
fn the_tag_is_written_by_the_union_not_the_variant() {
    let draft = MessageDraft::Comment(CommentDraft {
        text: "Escalating to billing".into(),
        rich_text: None,
        attachments: Vec::new(),
    });
    let json = serde_json::to_value(&draft).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"type": "COMMENT", "text": "Escalating to billing", "attachments": []})
    );
    let file = CustomChannelAttachmentDraft::File(CustomChannelFileAttachmentDraft {
        file_id: "162782004933".into(),
        file_usage_type: None,
    });
    assert_eq!(
        serde_json::to_value(&file).unwrap(),
        serde_json::json!({"type": "FILE", "fileId": "162782004933"})
    );
}
