//! Messages to publish on a custom channel: every kind of attachment (files with and without a
//! usage type, a location, a contact card, a message header, unsupported content, quick
//! replies, a social media post), both directions, and one without any optional field.

use generated_client::models::{
    ContactAddress, ContactAddressType, ContactAttachment, ContactEmail, ContactEmailType,
    ContactMatchProperty, ContactName, ContactOrg, ContactPhone, ContactPhoneType, ContactProfile,
    ContactUrl, ContactUrlType, CustomChannelAttachmentDraft as Draft,
    CustomChannelFileAttachmentDraft, CustomChannelMessageDraft, CustomChannelParticipant,
    DeliveryIdentifier, DeliveryIdentifierType, FileUsageType, LocationAttachment,
    MessageDirection, MessageHeaderAttachment, PreResolvedContact, PreResolvedContacts,
    UnsupportedContentAttachment,
};

use super::drafts::{quick_reply_options, social_post};

/// The drafts to publish, each with what it exercises.
pub fn all() -> Vec<(&'static str, CustomChannelMessageDraft)> {
    vec![
        (
            "incoming, every optional field, two files",
            CustomChannelMessageDraft {
                associate_with_contact_id: Some(51),
                attachments: vec![
                    file("183940265", Some(FileUsageType::Image)),
                    file("183940266", None),
                ],
                in_reply_to_id: Some("4e9cd9f2a2b64c1aa6b1e2f3c4d5e6f7".into()),
                integration_idempotency_id: Some("msg-20240318-0042".to_owned()),
                integration_thread_id: Some("conv-8812".to_owned()),
                pre_resolved_contacts: Some(pre_resolved()),
                rich_text: Some("<p>Where is my <b>order</b>?</p>".to_owned()),
                ..incoming()
            },
        ),
        (
            "location and contact card",
            CustomChannelMessageDraft {
                attachments: vec![location(), contact()],
                ..incoming()
            },
        ),
        (
            "message header and unsupported content",
            CustomChannelMessageDraft {
                attachments: vec![
                    Draft::MessageHeader(MessageHeaderAttachment {
                        file_id: Some(183_940_267),
                        text: Some("Order #1042".to_owned()),
                    }),
                    Draft::UnsupportedContent(UnsupportedContentAttachment {}),
                ],
                ..incoming()
            },
        ),
        (
            "outgoing, quick replies and a social media post",
            CustomChannelMessageDraft {
                attachments: vec![
                    Draft::QuickReplies(quick_reply_options()),
                    Draft::SocialMediaMetadata(social_post()),
                ],
                ..outgoing()
            },
        ),
        ("outgoing, required fields only", outgoing()),
    ]
}

/// A customer's message with no optional field and no attachment.
fn incoming() -> CustomChannelMessageDraft {
    CustomChannelMessageDraft {
        associate_with_contact_id: None,
        attachments: Vec::new(),
        channel_account_id: "240995201".into(),
        in_reply_to_id: None,
        integration_idempotency_id: None,
        integration_thread_id: None,
        message_direction: MessageDirection::Incoming,
        pre_resolved_contacts: None,
        recipients: vec![participant("+15555550100", None)],
        rich_text: None,
        senders: vec![participant("+15555550142", Some("Jordan Lee"))],
        text: "Where is my order?".to_owned(),
        timestamp: chrono::DateTime::parse_from_rfc3339("2024-03-18T14:22:05Z")
            .map(|t| t.to_utc())
            .unwrap_or_default(),
    }
}

/// An agent's answer to two customers, with no optional field and no attachment.
fn outgoing() -> CustomChannelMessageDraft {
    CustomChannelMessageDraft {
        message_direction: MessageDirection::Outgoing,
        recipients: vec![
            participant("+15555550142", Some("Jordan Lee")),
            participant("+15555550143", None),
        ],
        senders: vec![participant("+15555550100", Some("Support"))],
        text: "It ships today.".to_owned(),
        ..incoming()
    }
}

fn participant(phone: &str, name: Option<&str>) -> CustomChannelParticipant {
    CustomChannelParticipant {
        delivery_identifier: DeliveryIdentifier {
            type_: DeliveryIdentifierType::HsPhoneNumber,
            value: phone.to_owned(),
        },
        name: name.map(str::to_owned),
    }
}

fn pre_resolved() -> PreResolvedContacts {
    PreResolvedContacts {
        contacts: vec![
            PreResolvedContact {
                contact_properties_leading_to_match: vec![
                    ContactMatchProperty::Phone,
                    ContactMatchProperty::Firstname,
                    ContactMatchProperty::Lastname,
                ],
                contact_vid: 51,
            },
            PreResolvedContact {
                contact_properties_leading_to_match: vec![ContactMatchProperty::Email],
                contact_vid: 52,
            },
        ],
    }
}

fn file(id: &str, usage: Option<FileUsageType>) -> Draft {
    Draft::File(CustomChannelFileAttachmentDraft {
        file_id: id.into(),
        file_usage_type: usage,
    })
}

fn location() -> Draft {
    Draft::Location(LocationAttachment {
        address: Some("1 Main St, Cambridge, MA".to_owned()),
        latitude: 42.3626,
        longitude: -71.0843,
        name: Some("Example Store".to_owned()),
        url: Some("https://maps.example.com/?q=42.3626,-71.0843".to_owned()),
    })
}

fn contact() -> Draft {
    Draft::Contact(ContactAttachment {
        contact_profile: ContactProfile {
            addresses: vec![ContactAddress {
                city: Some("Cambridge".to_owned()),
                country: Some("United States".to_owned()),
                country_code: Some("US".to_owned()),
                state: Some("MA".to_owned()),
                street: Some("1 Main St".to_owned()),
                type_: Some(ContactAddressType::Work),
                zip: Some("02142".to_owned()),
            }],
            emails: vec![
                ContactEmail {
                    email: "sam@example.com".to_owned(),
                    type_: Some(ContactEmailType::Work),
                },
                ContactEmail {
                    email: "sam.home@example.com".to_owned(),
                    type_: None,
                },
            ],
            name: Some(ContactName {
                first_name: Some("Sam".to_owned()),
                last_name: Some("Rivera".to_owned()),
                middle_name: Some("J".to_owned()),
                prefix: Some("Dr".to_owned()),
                suffix: Some("PhD".to_owned()),
            }),
            org: Some(ContactOrg {
                company: Some("Example Inc".to_owned()),
                department: Some("Support".to_owned()),
                title: Some("Lead".to_owned()),
            }),
            phones: vec![
                ContactPhone {
                    phone: "+15555550150".to_owned(),
                    type_: Some(ContactPhoneType::Cell),
                },
                ContactPhone {
                    phone: "+15555550151".to_owned(),
                    type_: Some(ContactPhoneType::Main),
                },
            ],
            urls: vec![ContactUrl {
                type_: Some(ContactUrlType::Work),
                url: "https://example.com/sam".to_owned(),
            }],
        },
    })
}
