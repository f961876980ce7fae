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
            assert!(total >= 90, "only {total} fixtures ran");
        }
    };
}

fixture_types!(
    Actor,
    ActorBatch,
    ActorBatchRequest,
    ActorBatchWithErrors,
    Attachment,
    Channel,
    ChannelAccount,
    ChannelAccountPage,
    ChannelPage,
    ErrorResponse,
    Inbox,
    InboxPage,
    Message,
    MessageContent,
    MessageDraft,
    MessagePage,
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

/// Every type an operation returns or accepts as a body has fixtures.
#[test]
fn every_request_and_response_type_has_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let spec = codegen::load::load(&root.join(codegen::vendored::SPEC)).unwrap();
    let api = codegen::resolve::resolve(&spec).unwrap();
    let mut missing = Vec::new();
    for op in &api.operations {
        let bodies = op.body.iter().map(|b| &b.ty);
        let responses = op.responses.iter().filter_map(|r| r.ty.as_ref());
        for ty in bodies.chain(responses).chain(op.error.iter()) {
            if let codegen::ir::TypeRef::Named(name) = ty {
                if !FIXTURE_TYPES.contains(&name.as_str()) {
                    missing.push(format!("{} uses {name}", op.id));
                }
            }
        }
    }
    assert!(missing.is_empty(), "types without fixtures: {missing:?}");
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
}
