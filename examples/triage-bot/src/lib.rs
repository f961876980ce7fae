//! A triage bot for one HubSpot help-desk inbox: it walks the inbox's open threads, reads each
//! thread's messages, answers a customer asking for a refund with the refund form attached, and
//! assigns the thread to the refunds agent.
//!
//! Ids flow from one call to the next as the client's typed ids: nothing here parses an id.

use futures::TryStreamExt;
use generated_client::models::{
    ActorId, ConversationMessage, ConversationMessageDraft, FileAttachmentDraft, FileId, Inbox,
    Message, MessageDirection, MessageId, RecipientDraft, Thread, ThreadAssignment, ThreadId,
    ThreadStatus,
};
use generated_client::Client;

/// The reply sent with the refund form.
pub const REPLY: &str = "Sorry to hear that! Fill in the attached form and we'll refund you.";

/// Why a triage run stopped.
#[derive(Debug, thiserror::Error)]
pub enum TriageError {
    /// No inbox has the configured name.
    #[error("no inbox is named `{0}`")]
    NoInbox(String),
    /// A HubSpot call failed.
    #[error(transparent)]
    HubSpot(#[from] generated_client::Error),
}

/// What the bot did with one open thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Replied with the refund form (the sent message) and assigned the thread.
    Refund {
        /// The thread.
        thread: ThreadId,
        /// The reply HubSpot created.
        reply: Option<MessageId>,
    },
    /// Nothing asked for a refund: left alone.
    Skipped(ThreadId),
}

/// The bot: a client, the inbox it watches, the agent it acts as and the form it sends.
#[derive(Debug, Clone)]
pub struct Triage {
    /// The HubSpot client.
    pub client: Client,
    /// The name of the inbox to triage.
    pub inbox: String,
    /// The refunds agent: replies come from them and threads are assigned to them.
    pub agent: ActorId,
    /// The file id of the refund form in HubSpot's file manager.
    pub refund_form: FileId,
}

impl Triage {
    /// Triages every open thread of the inbox, in order.
    pub async fn run(&self) -> Result<Vec<Outcome>, TriageError> {
        let inbox = self.inbox().await?;
        let open = self.client.list_threads().inbox_id([inbox.id]);
        let mut threads = open.thread_status(ThreadStatus::Open).into_stream();
        let mut outcomes = Vec::new();
        while let Some(thread) = threads.try_next().await? {
            outcomes.push(self.triage(&thread).await?);
        }
        Ok(outcomes)
    }

    /// The inbox named [`Triage::inbox`].
    async fn inbox(&self) -> Result<Inbox, TriageError> {
        let mut inboxes = self.client.list_inboxes().into_stream();
        while let Some(inbox) = inboxes.try_next().await? {
            if inbox.name == self.inbox {
                return Ok(inbox);
            }
        }
        Err(TriageError::NoInbox(self.inbox.clone()))
    }

    async fn triage(&self, thread: &Thread) -> Result<Outcome, TriageError> {
        let (client, agent, id) = (&self.client, &self.agent, &thread.id);
        let messages: Vec<Message> = client.list_messages(id).into_stream().try_collect().await?;
        let ask = messages.iter().rev().find_map(incoming).filter(asks_refund);
        let customer = ask.and_then(|m| m.senders.iter().find_map(|s| s.actor_id.as_ref()));
        let (Some(ask), Some(customer)) = (ask, customer) else {
            return Ok(Outcome::Skipped(id.clone()));
        };
        // The reply with the form attached, on the channel the customer wrote on: five lines.
        let form = FileAttachmentDraft::new(&self.refund_form).into();
        let to = RecipientDraft::new([]).with_actor_id(customer);
        let (account, channel) = (&ask.channel_account_id, &ask.channel_id);
        let draft = ConversationMessageDraft::new([form], account, channel, [to], agent, REPLY);
        let sent = client.send_message(id, draft.into()).send().await?;

        let assignment = ThreadAssignment::new(agent);
        client.assign_thread(id, assignment).send().await?;
        let reply = sent.id().cloned();
        Ok(Outcome::Refund {
            thread: id.clone(),
            reply,
        })
    }
}

/// A message the customer sent (not an agent's reply, a comment or an event).
fn incoming(message: &Message) -> Option<&ConversationMessage> {
    match message {
        Message::Message(m) if m.direction == MessageDirection::Incoming => Some(m),
        _ => None,
    }
}

/// Whether the customer asks for their money back.
fn asks_refund(message: &&ConversationMessage) -> bool {
    let text = message.text.to_lowercase();
    ["refund", "money back"]
        .iter()
        .any(|word| text.contains(word))
}
