//! What the suite needs from a decoded response: its JSON encoding (to compare with what was
//! received) and the union variants it holds (to see which variants the decoders met).

use generated_client::models::{
    Actor, ActorBatch, Attachment, Channel, ChannelAccount, ChannelAccountPage,
    ChannelAccountStagingToken, ChannelPage, CustomChannel, CustomChannelMessage,
    CustomChannelPage, Inbox, InboxPage, Message, MessageContent, MessagePage, Thread, ThreadPage,
    VisitorToken,
};
use serde_json::Value;

/// Every union variant the suite expects to meet in responses, by union. (Request-only unions,
/// such as `MessageDraft` and `CustomChannelAttachmentDraft`, are sent, never decoded.)
pub const UNION_VARIANTS: [(&str, &[&str]); 3] = [
    (
        "Message",
        &[
            "Message",
            "Comment",
            "WelcomeMessage",
            "Assignment",
            "ThreadStatusChange",
            "ThreadInboxChange",
        ],
    ),
    (
        "Actor",
        &[
            "Agent",
            "Bot",
            "Integrator",
            "System",
            "Visitor",
            "Email",
            "Llm",
        ],
    ),
    (
        "Attachment",
        &[
            "File",
            "Location",
            "Contact",
            "UnsupportedContent",
            "MessageHeader",
            "QuickReplies",
            "WhatsappTemplateMetadata",
            "SocialMediaMetadata",
        ],
    ),
];

/// A decoded response body.
pub trait Decoded {
    /// The value encoded again, or `None` for an operation without a response body.
    fn encode(&self) -> Result<Option<Value>, String>;

    /// Adds the union variants in the value, as `Union::Variant`, to `seen`.
    fn variants(&self, _seen: &mut Vec<String>) {}
}

fn encode(value: &impl serde::Serialize) -> Result<Option<Value>, String> {
    serde_json::to_value(value)
        .map(Some)
        .map_err(|e| format!("cannot encode the decoded value again: {e}"))
}

impl Decoded for () {
    fn encode(&self) -> Result<Option<Value>, String> {
        Ok(None)
    }
}

macro_rules! without_unions {
    ($($model:ty),* $(,)?) => {$(
        impl Decoded for $model {
            fn encode(&self) -> Result<Option<Value>, String> {
                encode(self)
            }
        }
    )*};
}

without_unions!(
    Inbox,
    InboxPage,
    Channel,
    ChannelPage,
    ChannelAccount,
    ChannelAccountPage,
    Thread,
    ThreadPage,
    MessageContent,
    VisitorToken,
    CustomChannel,
    CustomChannelPage,
    ChannelAccountStagingToken,
);

impl Decoded for Message {
    fn encode(&self) -> Result<Option<Value>, String> {
        encode(self)
    }

    fn variants(&self, seen: &mut Vec<String>) {
        let (name, attachments) = match self {
            Message::Message(m) => ("Message", m.attachments.as_slice()),
            Message::Comment(c) => ("Comment", c.attachments.as_slice()),
            Message::WelcomeMessage(_) => ("WelcomeMessage", &[][..]),
            Message::Assignment(_) => ("Assignment", &[][..]),
            Message::ThreadStatusChange(_) => ("ThreadStatusChange", &[][..]),
            Message::ThreadInboxChange(_) => ("ThreadInboxChange", &[][..]),
            Message::Unknown(_) => ("Unknown", &[][..]),
            _ => ("<not listed in decoded.rs>", &[][..]),
        };
        seen.push(format!("Message::{name}"));
        for attachment in attachments {
            attachment.variants(seen);
        }
    }
}

impl Decoded for MessagePage {
    fn encode(&self) -> Result<Option<Value>, String> {
        encode(self)
    }

    fn variants(&self, seen: &mut Vec<String>) {
        for message in &self.results {
            message.variants(seen);
        }
    }
}

impl Decoded for Attachment {
    fn encode(&self) -> Result<Option<Value>, String> {
        encode(self)
    }

    fn variants(&self, seen: &mut Vec<String>) {
        let name = match self {
            Attachment::File(_) => "File",
            Attachment::Location(_) => "Location",
            Attachment::Contact(_) => "Contact",
            Attachment::UnsupportedContent(_) => "UnsupportedContent",
            Attachment::MessageHeader(_) => "MessageHeader",
            Attachment::QuickReplies(_) => "QuickReplies",
            Attachment::WhatsappTemplateMetadata(_) => "WhatsappTemplateMetadata",
            Attachment::SocialMediaMetadata(_) => "SocialMediaMetadata",
            Attachment::Unknown(_) => "Unknown",
            _ => "<not listed in decoded.rs>",
        };
        seen.push(format!("Attachment::{name}"));
    }
}

impl Decoded for Actor {
    fn encode(&self) -> Result<Option<Value>, String> {
        encode(self)
    }

    fn variants(&self, seen: &mut Vec<String>) {
        let name = match self {
            Actor::Agent(_) => "Agent",
            Actor::Bot(_) => "Bot",
            Actor::Integrator(_) => "Integrator",
            Actor::System(_) => "System",
            Actor::Visitor(_) => "Visitor",
            Actor::Email(_) => "Email",
            Actor::Llm(_) => "Llm",
            Actor::Unknown(_) => "Unknown",
            _ => "<not listed in decoded.rs>",
        };
        seen.push(format!("Actor::{name}"));
    }
}

impl Decoded for ActorBatch {
    fn encode(&self) -> Result<Option<Value>, String> {
        encode(self)
    }

    fn variants(&self, seen: &mut Vec<String>) {
        self.results.iter().for_each(|actor| actor.variants(seen));
    }
}

impl Decoded for CustomChannelMessage {
    fn encode(&self) -> Result<Option<Value>, String> {
        encode(self)
    }

    fn variants(&self, seen: &mut Vec<String>) {
        self.attachments.iter().for_each(|a| a.variants(seen));
    }
}

/// [`UNION_VARIANTS`] as `Union::Variant` names.
pub fn expected_variants() -> Vec<String> {
    UNION_VARIANTS
        .iter()
        .flat_map(|(union, names)| names.iter().map(move |name| format!("{union}::{name}")))
        .collect()
}

/// Whether `variant` (`Union::Variant`) is one the suite expects; `Unknown` never is: the
/// server sent a tag the client does not know although both follow the same spec.
pub fn is_expected(variant: &str) -> bool {
    variant.split_once("::").is_some_and(|(union, name)| {
        UNION_VARIANTS
            .iter()
            .any(|(u, names)| *u == union && names.contains(&name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn variants_of_a_page_include_attachments() {
        let page: MessagePage = serde_json::from_value(json!({"results": [
            {"type": "COMMENT", "id": "1", "conversationsThreadId": "2", "createdAt": "2024-01-01T00:00:00Z",
             "createdBy": "A-1", "archived": false, "text": "hi", "richText": "<p>hi</p>",
             "senders": [], "recipients": [],
             "client": {"clientType": "HUBSPOT"},
             "attachments": [{"type": "FILE", "fileId": "9", "url": "u", "fileUsageType": "IMAGE"}]},
            {"type": "TEA_BREAK"}
        ]}))
        .unwrap();
        let mut seen = Vec::new();
        page.variants(&mut seen);
        assert_eq!(
            seen,
            ["Message::Comment", "Attachment::File", "Message::Unknown"]
        );
        assert!(is_expected("Message::Comment") && is_expected("Attachment::File"));
        assert!(!is_expected("Message::Unknown"));
    }
}
