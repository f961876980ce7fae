//! A channel integrator's first run: register a custom channel for your app, connect an account
//! of it to an inbox of the HubSpot account that installed the app, and publish an incoming
//! message from a customer, which opens a thread in that inbox.
//!
//! ```sh
//! HUBSPOT_DEVELOPER_API_KEY=... HUBSPOT_APP_ID=1234567 HUBSPOT_ACCESS_TOKEN=... \
//!     cargo run -p generated-client --example custom_channel -- INBOX_ID WEBHOOK_URL
//! ```
//!
//! Two credentials are involved, and one client holds both: channel registration takes the
//! developer API key of the developer account that owns the app (sent as `hapikey`), while
//! connecting accounts and publishing messages take an OAuth access token of the installing
//! account with the `conversations.custom_channels.*` scopes. Each operation picks the
//! credential it accepts.

use std::collections::BTreeMap;
use std::process::ExitCode;

use generated_client::models::{
    ChannelAccount, ChannelAccountDraft, ChannelId, CustomChannelDraft, CustomChannelMessageDraft,
    CustomChannelParticipant, DeliveryIdentifier, DeliveryIdentifierType, InboxId,
    MessageDirection,
};
use generated_client::{security, Auth, Client, Error};
use serde_json::json;

#[tokio::main]
async fn main() -> ExitCode {
    let (Ok(developer_key), Ok(app_id), Ok(token)) = (
        std::env::var("HUBSPOT_DEVELOPER_API_KEY"),
        std::env::var("HUBSPOT_APP_ID"),
        std::env::var("HUBSPOT_ACCESS_TOKEN"),
    ) else {
        eprintln!(
            "Set HUBSPOT_DEVELOPER_API_KEY (your developer account's API key), HUBSPOT_APP_ID \
             (the app that owns the channel) and HUBSPOT_ACCESS_TOKEN (an OAuth token of the \
             installing account with the conversations.custom_channels.read/write scopes)."
        );
        return ExitCode::from(2);
    };
    let Ok(app_id) = app_id.parse::<i64>() else {
        eprintln!("HUBSPOT_APP_ID must be a number");
        return ExitCode::from(2);
    };
    let mut args = std::env::args().skip(1);
    let (Some(inbox_id), Some(webhook_url)) = (args.next(), args.next()) else {
        eprintln!("usage: custom_channel INBOX_ID WEBHOOK_URL");
        return ExitCode::from(2);
    };
    let auth = Auth::oauth_token(token).with_api_key(security::DEVELOPER_HAPIKEY, developer_key);
    match run(Client::new(auth), app_id, inbox_id.into(), webhook_url).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "HubSpot request failed: {error} (correlation id {:?})",
                error.correlation_id()
            );
            ExitCode::FAILURE
        }
    }
}

async fn run(
    client: Client,
    app_id: i64,
    inbox_id: InboxId,
    webhook_url: String,
) -> Result<(), Error> {
    let channel_id = register_channel(&client, app_id, webhook_url).await?;
    let account = connect_account(&client, &channel_id, inbox_id).await?;
    publish_incoming_message(&client, &channel_id, &account).await
}

/// Step 1: registers the channel (developer API key) and returns its id.
async fn register_channel(
    client: &Client,
    app_id: i64,
    webhook_url: String,
) -> Result<ChannelId, Error> {
    let channel = client
        .create_custom_channel(CustomChannelDraft {
            name: "Acme Chat".to_owned(),
            capabilities: capabilities(),
            webhook_url: Some(webhook_url),
            channel_description: Some("Chats from the Acme mobile app".to_owned()),
            channel_logo_url: None,
            channel_account_connection_redirect_url: None,
        })
        .app_id(app_id)
        .send()
        .await?;
    println!("registered channel {} ({})", channel.id, channel.name);
    Ok(channel.id)
}

/// What the channel's messages can carry and how its threads work, as HubSpot asks at
/// registration.
fn capabilities() -> BTreeMap<String, serde_json::Value> {
    BTreeMap::from([
        (
            "deliveryIdentifierTypes".to_owned(),
            json!(["CHANNEL_SPECIFIC_OPAQUE_ID"]),
        ),
        ("threadingModel".to_owned(), json!("INTEGRATION_THREAD_ID")),
        ("allowInlineImages".to_owned(), json!(false)),
        ("allowOutgoingMessages".to_owned(), json!(true)),
        (
            "richText".to_owned(),
            json!(["HYPERLINK", "TEXT_ALIGNMENT"]),
        ),
    ])
}

/// Step 2: connects an account of the channel to an inbox (OAuth token of the installing account).
async fn connect_account(
    client: &Client,
    channel_id: &ChannelId,
    inbox_id: InboxId,
) -> Result<ChannelAccount, Error> {
    let account = client
        .create_custom_channel_account(
            channel_id,
            ChannelAccountDraft {
                name: "Acme support line".to_owned(),
                inbox_id,
                authorized: true,
                delivery_identifier: Some(opaque_id("acme-support")),
            },
        )
        .send()
        .await?;
    println!(
        "connected account {} to inbox {}",
        account.id, account.inbox_id
    );
    Ok(account)
}

/// Step 3: publishes a message a customer sent to that account: HubSpot opens a thread for it.
async fn publish_incoming_message(
    client: &Client,
    channel_id: &ChannelId,
    account: &ChannelAccount,
) -> Result<(), Error> {
    let message = client
        .publish_custom_channel_message(
            channel_id,
            CustomChannelMessageDraft {
                channel_account_id: account.id.clone(),
                message_direction: MessageDirection::Incoming,
                text: "Hi! My order #1042 has not arrived yet.".to_owned(),
                rich_text: None,
                timestamp: chrono::Utc::now(),
                senders: vec![CustomChannelParticipant {
                    delivery_identifier: opaque_id("customer-8812"),
                    name: Some("Jordan Customer".to_owned()),
                }],
                recipients: vec![CustomChannelParticipant {
                    delivery_identifier: opaque_id("acme-support"),
                    name: None,
                }],
                attachments: Vec::new(),
                integration_thread_id: Some("order-1042".to_owned()),
                integration_idempotency_id: Some("acme-msg-5531".to_owned()),
                in_reply_to_id: None,
                associate_with_contact_id: None,
                pre_resolved_contacts: None,
            },
        )
        .send()
        .await?;
    println!(
        "published message {} on thread {}",
        message.id, message.conversations_thread_id
    );
    Ok(())
}

/// A delivery identifier opaque to HubSpot: the integration's own id of a participant.
fn opaque_id(value: &str) -> DeliveryIdentifier {
    DeliveryIdentifier {
        type_: DeliveryIdentifierType::ChannelSpecificOpaqueId,
        value: value.to_owned(),
    }
}
