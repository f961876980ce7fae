//! A custom channel's accounts: listing (narrowed by several addresses), connecting, reading,
//! changing, and completing a staged connection.

use generated_client::models::{
    ChannelAccountDraft, ChannelAccountStagingTokenUpdate, ChannelAccountUpdate,
    DeliveryIdentifier, DeliveryIdentifierType,
};
use generated_client::Client;

use super::custom_channels::CHANNEL;
use crate::round::Round;

const ACCOUNT: i64 = 240_995_201;

/// Lists, connects, reads and changes accounts, then completes a staged connection.
pub async fn run(round: &mut Round, client: &Client) {
    list(round, client).await;
    connect(round, client).await;
    read_and_update(round, client).await;
    complete_staged_connection(round, client).await;
}

/// listCustomChannelAccounts with every parameter and with none.
async fn list(round: &mut Round, client: &Client) {
    round
        .call(
            "listCustomChannelAccounts",
            "every parameter, several address types, addresses and sort keys",
            client
                .list_custom_channel_accounts(CHANNEL)
                .after("MjQwOTk1MjAx")
                .archived(false)
                .default_page_length(20)
                .delivery_identifier_type([
                    DeliveryIdentifierType::HsPhoneNumber,
                    DeliveryIdentifierType::ChannelSpecificOpaqueId,
                ])
                .delivery_identifier_value(["+15555550142".to_owned(), "chat:jordan".to_owned()])
                .limit(25)
                .sort(["-createdAt".to_owned(), "name".to_owned()])
                .send(),
        )
        .await;
    round
        .call(
            "listCustomChannelAccounts",
            "no parameters",
            client.list_custom_channel_accounts(CHANNEL).send(),
        )
        .await;
}

/// createCustomChannelAccount with an address, then unauthorized without one.
async fn connect(round: &mut Round, client: &Client) {
    round
        .call(
            "createCustomChannelAccount",
            "with its address",
            client
                .create_custom_channel_account(
                    CHANNEL,
                    ChannelAccountDraft {
                        authorized: true,
                        delivery_identifier: Some(phone("+15555550100")),
                        inbox_id: "147959634".into(),
                        name: "Support line".to_owned(),
                    },
                )
                .send(),
        )
        .await;
    round
        .call(
            "createCustomChannelAccount",
            "required fields only, not yet authorized",
            client
                .create_custom_channel_account(
                    CHANNEL,
                    ChannelAccountDraft {
                        authorized: false,
                        delivery_identifier: None,
                        inbox_id: "147959635".into(),
                        name: "Sales line".to_owned(),
                    },
                )
                .send(),
        )
        .await;
}

/// getCustomChannelAccount, then updateCustomChannelAccount renaming and authorizing.
async fn read_and_update(round: &mut Round, client: &Client) {
    round
        .call(
            "getCustomChannelAccount",
            "archived account",
            client
                .get_custom_channel_account(CHANNEL, ACCOUNT)
                .archived(true)
                .send(),
        )
        .await;
    round
        .call(
            "updateCustomChannelAccount",
            "rename and revoke",
            client
                .update_custom_channel_account(
                    CHANNEL,
                    ACCOUNT,
                    ChannelAccountUpdate {
                        authorized: Some(false),
                        name: Some("Support line (old)".to_owned()),
                    },
                )
                .send(),
        )
        .await;
    round
        .call(
            "updateCustomChannelAccount",
            "authorize only",
            client
                .update_custom_channel_account(
                    CHANNEL,
                    ACCOUNT,
                    ChannelAccountUpdate {
                        authorized: Some(true),
                        name: None,
                    },
                )
                .send(),
        )
        .await;
}

/// updateChannelAccountStagingToken: the account name and address of a staged connection.
async fn complete_staged_connection(round: &mut Round, client: &Client) {
    round
        .call(
            "updateChannelAccountStagingToken",
            "name and address",
            client
                .update_channel_account_staging_token(
                    CHANNEL,
                    "stg-9f1c2e7a",
                    ChannelAccountStagingTokenUpdate {
                        account_name: "Jordan's shop".to_owned(),
                        delivery_identifier: DeliveryIdentifier {
                            type_: DeliveryIdentifierType::ChannelSpecificOpaqueId,
                            value: "shop-8812".to_owned(),
                        },
                    },
                )
                .send(),
        )
        .await;
}

fn phone(number: &str) -> DeliveryIdentifier {
    DeliveryIdentifier {
        type_: DeliveryIdentifierType::HsPhoneNumber,
        value: number.to_owned(),
    }
}
