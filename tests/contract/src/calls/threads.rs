//! Threads: listing, reading, updating, archiving and assignment.

use generated_client::models::{
    ThreadAssignment, ThreadAssociationType, ThreadStatus, ThreadUpdate,
};
use generated_client::Client;

use crate::round::Round;

const THREAD: i64 = 7315416722;

/// Lists threads, reads and updates one, then archives and assigns it, in that order.
pub async fn run(round: &mut Round, client: &Client) {
    list(round, client).await;
    read_and_update(round, client).await;
    archive_and_assign(round, client).await;
}

/// listThreads narrowed by inboxes, then by contact and ticket.
async fn list(round: &mut Round, client: &Client) {
    let since = chrono::DateTime::parse_from_rfc3339("2024-03-18T14:22:05Z")
        .map(|t| t.to_utc())
        .unwrap_or_default();
    round
        .call(
            "listThreads",
            "by inboxes: several inbox IDs, every inbox filter",
            client
                .list_threads()
                .after("NzMxNTQxNjcyMg")
                .archived(false)
                .association([ThreadAssociationType::Ticket])
                .inbox_id([147959634, 147959635])
                .latest_message_timestamp_after(since)
                .limit(50)
                .property("hs_thread_subject")
                .sort(["latestMessageTimestamp".to_owned(), "id".to_owned()])
                .thread_status(ThreadStatus::Open)
                .send(),
        )
        .await;
    round
        .call(
            "listThreads",
            "by contact and ticket, newest first",
            client
                .list_threads()
                .associated_contact_id(51)
                .associated_ticket_id(8814)
                .thread_status(ThreadStatus::Closed)
                .sort(["-latestMessageTimestamp".to_owned()])
                .send(),
        )
        .await;
}

/// getThread, then updateThread closing it and restoring it.
async fn read_and_update(round: &mut Round, client: &Client) {
    round
        .call(
            "getThread",
            "every parameter",
            client
                .get_thread(THREAD)
                .archived(false)
                .association([ThreadAssociationType::Ticket])
                .property("hs_thread_subject")
                .send(),
        )
        .await;
    round
        .call(
            "updateThread",
            "close",
            client
                .update_thread(
                    THREAD,
                    ThreadUpdate {
                        archived: None,
                        status: Some(ThreadStatus::Closed),
                    },
                )
                .send(),
        )
        .await;
    round
        .call(
            "updateThread",
            "restore an archived thread and reopen it",
            client
                .update_thread(
                    THREAD,
                    ThreadUpdate {
                        archived: Some(false),
                        status: Some(ThreadStatus::Open),
                    },
                )
                .archived(true)
                .send(),
        )
        .await;
}

/// archiveThread, then assignThread and unassignThread.
async fn archive_and_assign(round: &mut Round, client: &Client) {
    round
        .call(
            "archiveThread",
            "archive",
            client.archive_thread(THREAD).send(),
        )
        .await;
    round
        .call(
            "assignThread",
            "assign to an agent",
            client
                .assign_thread(
                    THREAD,
                    ThreadAssignment {
                        actor_id: "A-12345".into(),
                    },
                )
                .send(),
        )
        .await;
    round
        .call(
            "unassignThread",
            "unassign",
            client.unassign_thread(THREAD).send(),
        )
        .await;
}
