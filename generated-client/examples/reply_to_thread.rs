//! Replies to a thread on the channel its last incoming message came from.
//!
//! ```sh
//! HUBSPOT_ACCESS_TOKEN=pat-na1-... HUBSPOT_SENDER_ACTOR_ID=A-12345 \
//!     cargo run -p generated-client --example reply_to_thread -- THREAD_ID "Thanks, we're on it!"
//! ```
//!
//! The sender is an agent actor id (`A-` followed by the HubSpot user id); the thread's assignee
//! is used when `HUBSPOT_SENDER_ACTOR_ID` is not set.

use std::process::ExitCode;

use futures::TryStreamExt;
use generated_client::models::{
    ActorId, ConversationMessage, ConversationMessageDraft, Message, MessageDirection,
    MessageDraft, RecipientDraft,
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
    let (Some(thread_id), Some(text)) = (args.next(), args.next()) else {
        eprintln!("usage: reply_to_thread THREAD_ID TEXT");
        return ExitCode::from(2);
    };
    let Ok(thread_id) = thread_id.parse::<i64>() else {
        eprintln!("THREAD_ID must be a number");
        return ExitCode::from(2);
    };
    let sender = std::env::var("HUBSPOT_SENDER_ACTOR_ID").ok();
    match reply(
        Client::new(Auth::private_app_token(token)),
        thread_id,
        text,
        sender,
    )
    .await
    {
        Ok(Some(id)) => {
            println!("sent message {id}");
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
    client: Client,
    thread_id: i64,
    text: String,
    sender: Option<String>,
) -> Result<Option<String>, Error> {
    let thread = client.get_thread(thread_id).send().await?;
    let Some(sender) = sender.map(ActorId::from).or(thread.assigned_to) else {
        return Err(Error::InvalidArgument(
            "the thread is unassigned: set HUBSPOT_SENDER_ACTOR_ID to an agent actor id".into(),
        ));
    };
    let Some(last) = last_incoming(&client, thread_id).await? else {
        return Ok(None);
    };
    // Answer everyone who wrote the last incoming message, on the channel it came in on.
    let recipients = last
        .senders
        .iter()
        .map(|from| RecipientDraft {
            actor_id: from.actor_id.clone(),
            delivery_identifier: None,
            delivery_identifiers: from.delivery_identifier.iter().cloned().collect(),
            name: from.name.clone(),
            recipient_field: Some("TO".into()),
        })
        .collect();
    let draft = MessageDraft::Message(ConversationMessageDraft {
        text,
        rich_text: None,
        subject: last.subject.as_ref().map(|s| format!("Re: {s}")),
        attachments: Vec::new(),
        recipients,
        sender_actor_id: sender,
        channel_id: last.channel_id.clone(),
        channel_account_id: last.channel_account_id.clone(),
    });
    // Sending is not idempotent: the client never retries it once HubSpot may have posted it.
    match client.send_message(thread_id, draft).send().await? {
        Message::Message(sent) => Ok(Some(sent.id.to_string())),
        other => Ok(Some(format!("{other:?}"))),
    }
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
