//! Messages of a custom channel: publishing every kind of draft, reading one, and reporting
//! each delivery status.

use generated_client::models::{
    CustomChannelMessageStatusUpdate, CustomChannelMessageStatusUpdateStatusType as Status,
};
use generated_client::Client;

use super::custom_channels::CHANNEL;
use super::custom_drafts;
use crate::round::Round;

const MESSAGE: &str = "8c1d0e4f5a6b4c7d8e9f0a1b2c3d4e5f";

pub async fn run(round: &mut Round, client: &Client) {
    for (name, draft) in custom_drafts::all() {
        round
            .call(
                "publishCustomChannelMessage",
                name,
                client.publish_custom_channel_message(CHANNEL, draft).send(),
            )
            .await;
    }
    round
        .call(
            "getCustomChannelMessage",
            "published message",
            client.get_custom_channel_message(CHANNEL, MESSAGE).send(),
        )
        .await;
    let statuses = [
        ("sent", Status::Sent, None),
        ("read", Status::Read, None),
        (
            "failed, with the reason",
            Status::Failed,
            Some("The recipient blocked the number".to_owned()),
        ),
    ];
    for (name, status_type, error_message) in statuses {
        round
            .call(
                "updateCustomChannelMessage",
                name,
                client
                    .update_custom_channel_message(
                        CHANNEL,
                        MESSAGE,
                        CustomChannelMessageStatusUpdate {
                            error_message,
                            status_type,
                        },
                    )
                    .send(),
            )
            .await;
    }
}
