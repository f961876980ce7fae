//! Every kind of message draft: outgoing messages with each kind of attachment and with no
//! optional field, and internal comments with and without them.

use generated_client::models::{
    AttachmentDraft, CommentDraft, ConversationMessageDraft, DeliveryIdentifier,
    DeliveryIdentifierType, FileAttachmentDraft, MessageDraft, QuickRepliesAttachmentDraft,
    QuickReply, QuickReplyValueType, RecipientDraft, SocialMediaAttachmentDraft, SocialMetadata,
    SocialMetadataMediaType,
};

/// The drafts to send, each with what it exercises.
pub fn all() -> Vec<(&'static str, MessageDraft)> {
    vec![
        (
            "email with every optional field and a file",
            MessageDraft::Message(ConversationMessageDraft {
                subject: Some("Your order #1042".to_owned()),
                rich_text: Some("<p>Your order has <b>shipped</b>.</p>".to_owned()),
                attachments: vec![file()],
                recipients: vec![email_recipient()],
                ..message()
            }),
        ),
        (
            "chat message with quick replies",
            MessageDraft::Message(ConversationMessageDraft {
                attachments: vec![quick_replies()],
                ..message()
            }),
        ),
        (
            "social reply with the post's metadata",
            MessageDraft::Message(ConversationMessageDraft {
                attachments: vec![social_media()],
                ..message()
            }),
        ),
        (
            "message without optional fields",
            MessageDraft::Message(message()),
        ),
        (
            "comment with rich text and a file",
            MessageDraft::Comment(CommentDraft {
                attachments: vec![file()],
                rich_text: Some("<p>Refund approved by <b>finance</b>.</p>".to_owned()),
                text: "Refund approved by finance.".to_owned(),
            }),
        ),
        (
            "comment without optional fields",
            MessageDraft::Comment(CommentDraft {
                attachments: Vec::new(),
                rich_text: None,
                text: "Following up tomorrow.".to_owned(),
            }),
        ),
    ]
}

fn message() -> ConversationMessageDraft {
    ConversationMessageDraft {
        attachments: Vec::new(),
        channel_account_id: "240995143".into(),
        channel_id: "1000".into(),
        recipients: vec![RecipientDraft {
            actor_id: Some("V-8801".into()),
            delivery_identifier: None,
            delivery_identifiers: Vec::new(),
            name: None,
            recipient_field: None,
        }],
        rich_text: None,
        sender_actor_id: "A-12345".into(),
        subject: None,
        text: "Thanks for reaching out, we're on it.".to_owned(),
    }
}

fn email_recipient() -> RecipientDraft {
    let address = DeliveryIdentifier {
        type_: DeliveryIdentifierType::HsEmailAddress,
        value: "jordan@example.com".to_owned(),
    };
    RecipientDraft {
        actor_id: Some("E-jordan@example.com".into()),
        delivery_identifier: Some(address.clone()),
        delivery_identifiers: vec![address],
        name: Some("Jordan Lee".to_owned()),
        recipient_field: Some("TO".to_owned()),
    }
}

fn file() -> AttachmentDraft {
    AttachmentDraft::File(FileAttachmentDraft {
        file_id: "183940265".into(),
    })
}

fn quick_replies() -> AttachmentDraft {
    AttachmentDraft::QuickReplies(quick_reply_options())
}

/// Two quick replies, a text one with a label and a link without.
pub(super) fn quick_reply_options() -> QuickRepliesAttachmentDraft {
    QuickRepliesAttachmentDraft {
        quick_replies: vec![
            QuickReply {
                label: Some("Track my order".to_owned()),
                value: "track".to_owned(),
                value_type: QuickReplyValueType::Text,
            },
            QuickReply {
                label: None,
                value: "https://example.com/help".to_owned(),
                value_type: QuickReplyValueType::Url,
            },
        ],
    }
}

fn social_media() -> AttachmentDraft {
    AttachmentDraft::SocialMediaMetadata(social_post())
}

/// A social media post with every field of its metadata.
pub(super) fn social_post() -> SocialMediaAttachmentDraft {
    SocialMediaAttachmentDraft {
        social_metadata: SocialMetadata {
            description: Some("Our spring collection is here".to_owned()),
            id: Some("17895695668004550".to_owned()),
            media_title: Some("Spring collection".to_owned()),
            media_type: SocialMetadataMediaType::Photo,
            media_url: Some("https://cdn.example.com/spring.jpg".to_owned()),
            media_url_string: Some("https://cdn.example.com/spring.jpg".to_owned()),
            thumbnail_url: Some("https://cdn.example.com/spring-thumb.jpg".to_owned()),
        },
    }
}
