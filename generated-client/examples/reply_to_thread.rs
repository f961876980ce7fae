//! Replies to a thread on the channel its last incoming message came from, optionally with a
//! file from HubSpot's file manager attached.
//!
//! ```sh
//! HUBSPOT_ACCESS_TOKEN=pat-na1-... HUBSPOT_SENDER_ACTOR_ID=A-12345 \
//!     cargo run -p generated-client --example reply_to_thread -- THREAD_ID "Thanks, we're on it!" [FILE_ID]
//! ```
//!
//! The sender is an agent actor id (`A-` followed by the HubSpot user id); the thread's assignee
//! is used when `HUBSPOT_SENDER_ACTOR_ID` is not set.

use std::process::ExitCode;

use futures::TryStreamExt;
use generated_client::models::{
    ConversationMessage, ConversationMessageDraft, FileAttachmentDraft, Message, MessageDirection,
    RecipientDraft,
};
use generated_client::{Auth, Client, Error};

#[tokio::main]
async fn main() -> ExitCode {
    let Ok(token) = std::env::var("HUBSPOT_ACCESS_TOKEN") else {
        eprintln!(
            "Set HUBSPOT_ACCESS_TOKEN to a private app or OAuth access token with the \
             `conversations.read` and `conversations.write` scopes."
        );
        return ExitCode::from(2);
    };
    let mut args = std::env::args().skip(1);
    let (Some(thread_id), Some(text), file_id) = (args.next(), args.next(), args.next()) else {
        eprintln!("usage: reply_to_thread THREAD_ID TEXT [FILE_ID]");
        return ExitCode::from(2);
    };
    let Ok(thread_id) = thread_id.parse::<i64>() else {
        eprintln!("THREAD_ID must be a number");
        return ExitCode::from(2);
    };
    let sender = std::env::var("HUBSPOT_SENDER_ACTOR_ID").ok();
    let client = Client::new(Auth::private_app_token(token));
    match reply(&client, thread_id, text, file_id, sender).await {
        Ok(Some(sent)) => {
            // `id()` reads the field every kind of message has, without matching on the kind.
            println!(
                "sent message {}",
                sent.id().unwrap_or("of a kind this client does not know")
            );
            ExitCode::SUCCESS
        }
        Ok(None) => {
            eprintln!("thread {thread_id} has no incoming message to reply to");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("HubSpot request failed: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn reply(
    client: &Client,
    thread_id: i64,
    text: String,
    file_id: Option<String>,
    sender: Option<String>,
) -> Result<Option<Message>, Error> {
    let thread = client.get_thread(thread_id).send().await?;
    let Some(sender) = sender.or(thread.assigned_to) else {
        return Err(Error::InvalidArgument(
            "the thread is unassigned: set HUBSPOT_SENDER_ACTOR_ID to an agent actor id".into(),
        ));
    };
    let Some(last) = last_incoming(client, thread_id).await? else {
        return Ok(None);
    };
    // Answer everyone who wrote the last incoming message, on the channel it came in on.
    let recipients = last.senders.iter().map(|from| RecipientDraft {
        actor_id: from.actor_id.clone(),
        name: from.name.clone(),
        ..RecipientDraft::new(from.delivery_identifier.clone()).with_recipient_field("TO")
    });
    // A file attachment converts into the `AttachmentDraft` union with `.into()`.
    let attachments = file_id.map(|id| FileAttachmentDraft::new(id).into());
    let mut draft = ConversationMessageDraft::new(
        attachments,
        &last.channel_account_id,
        &last.channel_id,
        recipients,
        sender,
        text,
    );
    draft.subject = last.subject.as_ref().map(|s| format!("Re: {s}"));
    // Sending is not idempotent: the client never retries it once HubSpot may have posted it.
    let sent = client.send_message(thread_id, draft.into()).send().await?;
    Ok(Some(sent))
}

/// The newest incoming message of the thread, reading every page of its history.
async fn last_incoming(
    client: &Client,
    thread_id: i64,
) -> Result<Option<ConversationMessage>, Error> {
    let mut history = client.list_messages(thread_id).limit(100).into_stream();
    let mut last: Option<ConversationMessage> = None;
    while let Some(item) = history.try_next().await? {
        if let Message::Message(message) = item {
            let newer = last
                .as_ref()
                .is_none_or(|l| message.created_at >= l.created_at);
            if message.direction == MessageDirection::Incoming && newer {
                last = Some(message);
            }
        }
    }
    Ok(last)
}
