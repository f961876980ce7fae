//! The bot against the client's mock HubSpot (`generated_client::testing`): typed answers built
//! with the models' constructors, pages walked by cursor, and the requests the bot sent read
//! back from the mock server.

use generated_client::chrono::{DateTime, Utc};
use generated_client::models::{
    ConversationMessage, ForwardPaging, Inbox, InboxPage, InboxType, Message, MessageClient,
    MessageClientClientType, MessageDirection, MessagePage, MessageSender, MessageTruncationStatus,
    NextPage, Thread, ThreadPage, ThreadStatus,
};
use generated_client::testing::MockApi;
use serde_json::{json, Value};
use triage_bot::{Outcome, Triage, TriageError, REPLY};

fn at() -> DateTime<Utc> {
    "2026-11-02T09:30:00Z".parse().unwrap()
}

fn inboxes() -> InboxPage {
    let sales = Inbox::new(false, at(), 1001, "Sales", InboxType::Inbox, at());
    let support = Inbox::new(false, at(), 1002, "Support", InboxType::HelpDesk, at());
    InboxPage::new([sales, support], 2)
}

fn thread(id: i64) -> Thread {
    Thread::new(
        false,
        5001,
        at(),
        id,
        1002,
        240316291,
        1000,
        false,
        ThreadStatus::Open,
    )
}

/// A message in thread `thread` from the visitor `V-1` (incoming) or the agent (outgoing).
fn message(thread: i64, id: &str, direction: MessageDirection, text: &str) -> Message {
    let from = MessageSender::new().with_actor_id(match direction {
        MessageDirection::Incoming => "V-1",
        _ => "A-7",
    });
    let client = MessageClient::new(MessageClientClientType::Hubspot);
    let truncation = MessageTruncationStatus::NotTruncated;
    ConversationMessage::new(
        false,
        [],
        240316291,
        1000,
        client,
        thread,
        at(),
        "V-1",
        direction,
        id,
        [],
        [from],
        text,
        truncation,
    )
    .into()
}

fn bot(mock: &MockApi) -> Triage {
    Triage {
        client: mock.client(),
        inbox: "Support".to_owned(),
        agent: "A-7".into(),
        refund_form: 162781988054.into(),
    }
}

/// The JSON bodies the bot sent with `method` to paths ending in `suffix`, in order.
async fn sent(mock: &MockApi, method: &str, suffix: &str) -> Vec<(String, Value)> {
    let requests = mock.server().received_requests().await.unwrap();
    requests
        .iter()
        .filter(|r| r.method.as_str() == method && r.url.path().ends_with(suffix))
        .map(|r| {
            (
                r.url.path().to_owned(),
                serde_json::from_slice(&r.body).unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn answers_refund_requests_across_pages_and_leaves_the_rest() {
    let mock = MockApi::start().await;
    mock.list_inboxes().returns(inboxes()).await;
    let next = ForwardPaging::new().with_next(NextPage::new("page-2"));
    let first = ThreadPage::new([thread(11), thread(12)]).with_paging(next);
    let pages = [first, ThreadPage::new([thread(13)])];
    mock.list_threads()
        .query("inboxId", "1002")
        .query("threadStatus", "OPEN")
        .pages(pages)
        .await;
    let incoming = MessageDirection::Incoming;
    let refund = message(
        11,
        "m-1",
        incoming.clone(),
        "The zipper broke. Can I get a refund?",
    );
    mock.list_messages(11)
        .returns(MessagePage::new([refund]))
        .await;
    let asked = message(12, "m-2", incoming.clone(), "I want my money back");
    let answered = message(
        12,
        "m-3",
        MessageDirection::Outgoing,
        "Here is your refund form",
    );
    let question = message(12, "m-4", incoming, "Thanks! When do you open?");
    // The latest incoming message decides: thread 12's customer moved on.
    mock.list_messages(12)
        .returns(MessagePage::new([asked, answered, question]))
        .await;
    mock.list_messages(13).returns(MessagePage::new([])).await;
    let created = message(11, "m-9", MessageDirection::Outgoing, REPLY);
    mock.send_message(11).expect(1).returns(created).await;
    mock.assign_thread(11).expect(1).returns(thread(11)).await;

    let outcomes = bot(&mock).run().await.unwrap();

    let reply = Some("m-9".into());
    let refund = Outcome::Refund {
        thread: 11.into(),
        reply,
    };
    assert_eq!(
        outcomes,
        [
            refund,
            Outcome::Skipped(12.into()),
            Outcome::Skipped(13.into())
        ]
    );
    let path = "/conversations/conversations/2026-09/threads/11/messages".to_owned();
    let body = json!({
        "type": "MESSAGE",
        "text": REPLY,
        "attachments": [{"type": "FILE", "fileId": "162781988054"}],
        "recipients": [{"actorId": "V-1", "deliveryIdentifiers": []}],
        "senderActorId": "A-7",
        "channelId": "1000",
        "channelAccountId": "240316291"
    });
    assert_eq!(sent(&mock, "POST", "/messages").await, [(path, body)]);
    let assigned = sent(&mock, "PUT", "/assignee").await;
    assert_eq!(
        assigned.iter().map(|(_, b)| b).collect::<Vec<_>>(),
        [&json!({"actorId": "A-7"})]
    );
}

#[tokio::test]
async fn a_missing_inbox_is_named() {
    let mock = MockApi::start().await;
    mock.list_inboxes().returns(inboxes()).await;
    let mut bot = bot(&mock);
    bot.inbox = "Billing".to_owned();
    let error = bot.run().await.unwrap_err();
    assert!(matches!(error, TriageError::NoInbox(ref name) if name == "Billing"));
    assert_eq!(error.to_string(), "no inbox is named `Billing`");
}

#[tokio::test]
async fn a_thread_gone_midway_stops_the_run_with_hubspots_answer() {
    let mock = MockApi::start().await;
    mock.list_inboxes().returns(inboxes()).await;
    mock.list_threads()
        .returns(ThreadPage::new([thread(11)]))
        .await;
    mock.list_messages(11).returns_status(404).await;
    let error = bot(&mock).run().await.unwrap_err();
    let TriageError::HubSpot(error) = error else {
        panic!("expected HubSpot's answer, got {error}")
    };
    assert!(error.is_not_found(), "{error}");
}
