//! The 18 operations of HubSpot's Conversations Inbox & Messages API: each called with every
//! parameter it has, sending exactly the expected request with the bearer token (never the
//! developer key), and decoding HubSpot's answer.

use chrono::{DateTime, Utc};
use conversations_tests::http::{assert_decoded, MockHubSpot, Sent};
use conversations_tests::{fixture, typed_fixture};
use generated_client::models::{
    Actor, ActorBatchRequest, Message, MessageDraft, ThreadAssignment, ThreadAssociationType,
    ThreadStatus, ThreadUpdate,
};

#[tokio::test]
async fn list_inboxes() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("InboxPage", "with_paging.json"))
        .await;
    let page = hubspot
        .client()
        .list_inboxes()
        .after("MTAx")
        .archived(false)
        .default_page_length(20)
        .limit(10)
        .sort(["-createdAt".to_owned(), "name".to_owned()])
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/conversations/2026-09/inboxes",
            "after=MTAx&archived=false&defaultPageLength=20&limit=10&sort=-createdAt&sort=name"
        )
    );
    assert_decoded(&page, &answer);
}

#[tokio::test]
async fn get_inbox() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("Inbox", "help_desk.json"))
        .await;
    let inbox = hubspot
        .client()
        .get_inbox(147959634)
        .archived(true)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/conversations/2026-09/inboxes/147959634",
            "archived=true"
        )
    );
    assert_decoded(&inbox, &answer);
}

#[tokio::test]
async fn list_channels() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("ChannelPage", "with_paging.json"))
        .await;
    let page = hubspot
        .client()
        .list_channels()
        .after("abc")
        .default_page_length(25)
        .limit(5)
        .sort(["name".to_owned()])
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/conversations/2026-09/channels",
            "after=abc&defaultPageLength=25&limit=5&sort=name"
        )
    );
    assert_decoded(&page, &answer);
}

#[tokio::test]
async fn get_channel() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot.answer(200, fixture("Channel", "email.json")).await;
    let channel = hubspot.client().get_channel(1002).send().await.unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/conversations/2026-09/channels/1002",
            ""
        )
    );
    assert_decoded(&channel, &answer);
}

#[tokio::test]
async fn list_channel_accounts() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("ChannelAccountPage", "with_paging.json"))
        .await;
    let page = hubspot
        .client()
        .list_channel_accounts()
        .after("Mg==")
        .archived(false)
        .channel_id([1000, 1002])
        .default_page_length(50)
        .inbox_id([147959634])
        .limit(2)
        .sort(["createdAt".to_owned(), "-name".to_owned()])
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/conversations/2026-09/channel-accounts",
            "after=Mg%3D%3D&archived=false&channelId=1000&channelId=1002\
             &defaultPageLength=50&inboxId=147959634&limit=2&sort=createdAt&sort=-name"
        )
    );
    assert_decoded(&page, &answer);
}

#[tokio::test]
async fn get_channel_account() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("ChannelAccount", "whatsapp.json"))
        .await;
    let account = hubspot
        .client()
        .get_channel_account(240316291)
        .archived(false)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/conversations/2026-09/channel-accounts/240316291",
            "archived=false"
        )
    );
    assert_decoded(&account, &answer);
}

#[tokio::test]
async fn list_threads() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("ThreadPage", "with_next.json"))
        .await;
    let after: DateTime<Utc> = "2024-03-18T14:22:05Z".parse().unwrap();
    let page = hubspot
        .client()
        .list_threads()
        .after("MTAx")
        .archived(false)
        .associated_contact_id(90551)
        .associated_ticket_id(1873364402)
        .association([ThreadAssociationType::Ticket])
        .inbox_id([1001, 1002])
        .latest_message_timestamp_after(after)
        .limit(50)
        .property("hs_thread_id")
        .sort(["latestMessageTimestamp".to_owned(), "-id".to_owned()])
        .thread_status(ThreadStatus::Open)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/conversations/2026-09/threads",
            "after=MTAx&archived=false&associatedContactId=90551&associatedTicketId=1873364402\
             &association=TICKET&inboxId=1001&inboxId=1002\
             &latestMessageTimestampAfter=2024-03-18T14%3A22%3A05Z&limit=50\
             &property=hs_thread_id&sort=latestMessageTimestamp&sort=-id&threadStatus=OPEN"
        )
    );
    assert_decoded(&page, &answer);
}

#[tokio::test]
async fn get_thread() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("Thread", "open_assigned.json"))
        .await;
    let thread = hubspot
        .client()
        .get_thread(7315416722)
        .archived(true)
        .association([ThreadAssociationType::Ticket])
        .property("hs_thread_id")
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/conversations/2026-09/threads/7315416722",
            "archived=true&association=TICKET&property=hs_thread_id"
        )
    );
    assert_eq!(thread.status, ThreadStatus::Open);
    assert_decoded(&thread, &answer);
}

#[tokio::test]
async fn update_thread() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot.answer(200, fixture("Thread", "closed.json")).await;
    let (update, body) = typed_fixture::<ThreadUpdate>("ThreadUpdate", "close.json");
    let thread = hubspot
        .client()
        .update_thread(7315416722, update)
        .archived(false)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "PATCH",
            "/conversations/conversations/2026-09/threads/7315416722",
            "archived=false"
        )
        .json(body)
    );
    assert_eq!(thread.status, ThreadStatus::Closed);
    assert_decoded(&thread, &answer);
}

#[tokio::test]
async fn archive_thread() {
    let hubspot = MockHubSpot::start().await;
    hubspot.answer_empty(204).await;
    hubspot
        .client()
        .archive_thread(7315416722)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "DELETE",
            "/conversations/conversations/2026-09/threads/7315416722",
            ""
        )
    );
}

#[tokio::test]
async fn assign_thread() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("Thread", "open_assigned.json"))
        .await;
    let (assignment, body) = typed_fixture::<ThreadAssignment>("ThreadAssignment", "assign.json");
    let thread = hubspot
        .client()
        .assign_thread(7315416722, assignment)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "PUT",
            "/conversations/conversations/2026-09/threads/7315416722/assignee",
            ""
        )
        .json(body)
    );
    assert_decoded(&thread, &answer);
}

#[tokio::test]
async fn unassign_thread() {
    let hubspot = MockHubSpot::start().await;
    hubspot.answer_empty(204).await;
    hubspot
        .client()
        .unassign_thread(7315416722)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "DELETE",
            "/conversations/conversations/2026-09/threads/7315416722/assignee",
            ""
        )
    );
}

#[tokio::test]
async fn list_messages() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("MessagePage", "with_next.json"))
        .await;
    let page = hubspot
        .client()
        .list_messages(7315416722)
        .after("NTA=")
        .archived(false)
        .limit(5)
        .property("hs_body")
        .sort(["-createdAt".to_owned()])
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/conversations/2026-09/threads/7315416722/messages",
            "after=NTA%3D&archived=false&limit=5&property=hs_body&sort=-createdAt"
        )
    );
    assert_decoded(&page, &answer);
}

#[tokio::test]
async fn send_message() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(201, fixture("Message", "message.json"))
        .await;
    let (draft, body) = typed_fixture::<MessageDraft>("MessageDraft", "message_file.json");
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
        .json(body)
    );
    assert!(matches!(sent, Message::Message(_)), "{sent:?}");
    assert_decoded(&sent, &answer);
}

#[tokio::test]
async fn get_message() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("Message", "welcome_message.json"))
        .await;
    let message = hubspot
        .client()
        .get_message(7315416722, "a83c2b4f0e6d4c1b9f7e5d3c1b0a9f8e")
        .property("hs_body")
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/conversations/2026-09/threads/7315416722/messages/\
             a83c2b4f0e6d4c1b9f7e5d3c1b0a9f8e",
            "property=hs_body"
        )
    );
    assert!(matches!(message, Message::WelcomeMessage(_)), "{message:?}");
    assert_decoded(&message, &answer);
}

#[tokio::test]
async fn get_original_content() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("MessageContent", "full.json"))
        .await;
    let content = hubspot
        .client()
        .get_original_content(7315416722, "a83c2b4f")
        .property("hs_body")
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/conversations/2026-09/threads/7315416722/messages/a83c2b4f\
             /original-content",
            "property=hs_body"
        )
    );
    assert_decoded(&content, &answer);
}

#[tokio::test]
async fn get_actor() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot.answer(200, fixture("Actor", "agent.json")).await;
    let actor = hubspot
        .client()
        .get_actor("A-5125493")
        .property("email")
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/conversations/2026-09/actors/A-5125493",
            "property=email"
        )
    );
    assert!(matches!(actor, Actor::Agent(_)), "{actor:?}");
    assert_decoded(&actor, &answer);
}

/// 200 (every ID resolved) and 207 (some failed) carry the same `ActorBatch`.
#[tokio::test]
async fn batch_read_actors() {
    for (status, file) in [(200, "complete.json"), (207, "partial.json")] {
        let hubspot = MockHubSpot::start().await;
        let answer = hubspot.answer(status, fixture("ActorBatch", file)).await;
        let (request, body) =
            typed_fixture::<ActorBatchRequest>("ActorBatchRequest", "inputs.json");
        let batch = hubspot
            .client()
            .batch_read_actors(request)
            .property("email")
            .send()
            .await
            .unwrap();
        assert_eq!(
            hubspot.only_sent().await,
            Sent::bearer(
                "POST",
                "/conversations/conversations/2026-09/actors/batch/read",
                "property=email"
            )
            .json(body)
        );
        assert_decoded(&batch, &answer);
        assert_eq!(
            batch.errors.as_ref().map_or(0, Vec::len),
            answer["errors"].as_array().map_or(0, Vec::len),
            "{status}"
        );
    }
}
