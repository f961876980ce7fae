//! Registering custom channels, which takes the developer account's API key (`hapikey`) only:
//! listing, registering, reading, changing and deleting, each with the app ID once, and a
//! request without the key that the server must refuse.

use std::collections::BTreeMap;

use generated_client::models::{CustomChannelDraft, CustomChannelUpdate};
use generated_client::Client;
use reqwest::Method;
use serde_json::{json, Value};

use crate::round::Round;

/// The channel the calls read, change and delete.
pub const CHANNEL: i64 = 1007;
/// The app the channel belongs to.
const APP: i64 = 2_130_417;
/// listCustomChannels' path, for the request sent without the API key: at the HubSpot version
/// the client was generated for, so the next version's spec needs no edit here.
fn channels_path() -> String {
    format!(
        "/conversations/custom-channels/{}",
        generated_client::API_VERSION
    )
}

/// Lists, registers, reads, changes and deletes channels, in that order.
pub async fn run(round: &mut Round, client: &Client) {
    list(round, client).await;
    register(round, client).await;
    read_and_update(round, client).await;
    delete(round, client).await;
}

/// listCustomChannels with every parameter and with none, then without the API key.
async fn list(round: &mut Round, client: &Client) {
    round
        .call(
            "listCustomChannels",
            "every parameter, two sort keys",
            client
                .list_custom_channels()
                .app_id(APP)
                .after("MTAwNw")
                .default_page_length(20)
                .limit(10)
                .sort(["-createdAt".to_owned(), "name".to_owned()])
                .send(),
        )
        .await;
    round
        .call(
            "listCustomChannels",
            "no parameters",
            client.list_custom_channels().send(),
        )
        .await;
    round
        .refused(
            "listCustomChannels",
            "a bearer token without the developer API key is refused",
            client.request(Method::GET, channels_path()).send(),
        )
        .await;
}

/// createCustomChannel with every field, then with the required ones only.
async fn register(round: &mut Round, client: &Client) {
    round
        .call(
            "createCustomChannel",
            "every field, capabilities of every JSON type",
            client
                .create_custom_channel(CustomChannelDraft {
                    capabilities: capabilities(),
                    channel_account_connection_redirect_url: Some(
                        "https://chat.example.com/hubspot/connect".to_owned(),
                    ),
                    channel_description: Some("Chat with customers on Example Chat".to_owned()),
                    channel_logo_url: Some("https://chat.example.com/logo.png".to_owned()),
                    name: "Example Chat".to_owned(),
                    webhook_url: Some("https://chat.example.com/hubspot/webhook".to_owned()),
                })
                .app_id(APP)
                .send(),
        )
        .await;
    round
        .call(
            "createCustomChannel",
            "required fields only, no capabilities",
            client
                .create_custom_channel(CustomChannelDraft {
                    capabilities: BTreeMap::new(),
                    channel_account_connection_redirect_url: None,
                    channel_description: None,
                    channel_logo_url: None,
                    name: "Example SMS".to_owned(),
                    webhook_url: None,
                })
                .send(),
        )
        .await;
}

/// getCustomChannel, then updateCustomChannel with every field and renaming only.
async fn read_and_update(round: &mut Round, client: &Client) {
    round
        .call(
            "getCustomChannel",
            "of an app",
            client.get_custom_channel(CHANNEL).app_id(APP).send(),
        )
        .await;
    round
        .call(
            "updateCustomChannel",
            "every field",
            client
                .update_custom_channel(
                    CHANNEL,
                    CustomChannelUpdate {
                        capabilities: Some(capabilities()),
                        channel_account_connection_redirect_url: Some(
                            "https://chat.example.com/hubspot/connect/v2".to_owned(),
                        ),
                        channel_description: Some("Example Chat, now with threads".to_owned()),
                        channel_logo_url: Some("https://chat.example.com/logo-v2.png".to_owned()),
                        name: Some("Example Chat 2".to_owned()),
                        webhook_url: Some("https://chat.example.com/hubspot/webhook/v2".to_owned()),
                    },
                )
                .app_id(APP)
                .send(),
        )
        .await;
    round
        .call(
            "updateCustomChannel",
            "rename only",
            client
                .update_custom_channel(
                    CHANNEL,
                    CustomChannelUpdate {
                        capabilities: None,
                        channel_account_connection_redirect_url: None,
                        channel_description: None,
                        channel_logo_url: None,
                        name: Some("Example Chat".to_owned()),
                        webhook_url: None,
                    },
                )
                .send(),
        )
        .await;
}

/// deleteCustomChannel of an app.
async fn delete(round: &mut Round, client: &Client) {
    round
        .call(
            "deleteCustomChannel",
            "of an app",
            client.delete_custom_channel(CHANNEL).app_id(APP).send(),
        )
        .await;
}

/// Capabilities as HubSpot's guide shows them: booleans, numbers, strings and lists.
fn capabilities() -> BTreeMap<String, Value> {
    let capabilities = json!({
        "allowInlineImages": false,
        "allowOutgoingMessages": true,
        "maxFileAttachmentCount": 5,
        "maxTotalFileAttachmentSizeInBytes": 10_000_000,
        "outgoingAttachmentTypes": ["IMAGE", "FILE"],
        "richText": ["HYPERLINK", "TEXT_ALIGNMENT"],
        "threadingModel": "INTEGRATION_THREAD_ID",
    });
    match capabilities {
        Value::Object(map) => map.into_iter().collect(),
        _ => BTreeMap::new(),
    }
}
