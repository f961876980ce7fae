//! Inboxes, channels and channel accounts.

use generated_client::Client;

use crate::round::Round;

pub async fn run(round: &mut Round, client: &Client) {
    let sort = || ["-createdAt".to_owned(), "name".to_owned()];
    round
        .call(
            "listInboxes",
            "every parameter, two sort keys",
            client
                .list_inboxes()
                .after("MTAwMQ")
                .archived(false)
                .default_page_length(20)
                .limit(50)
                .sort(sort())
                .send(),
        )
        .await;
    round
        .call("listInboxes", "no parameters", client.list_inboxes().send())
        .await;
    round
        .call(
            "getInbox",
            "archived inbox",
            client.get_inbox(147959634).archived(true).send(),
        )
        .await;
    round
        .call(
            "listChannels",
            "every parameter, two sort keys",
            client
                .list_channels()
                .after("MTAwMQ")
                .default_page_length(20)
                .limit(10)
                .sort(sort())
                .send(),
        )
        .await;
    round
        .call(
            "getChannel",
            "email channel",
            client.get_channel(1002).send(),
        )
        .await;
    round
        .call(
            "listChannelAccounts",
            "every parameter, several channels, inboxes and sort keys",
            client
                .list_channel_accounts()
                .after("MTAwMQ")
                .archived(false)
                .channel_id([1000, 1002])
                .default_page_length(20)
                .inbox_id([147959634, 147959635])
                .limit(25)
                .sort(sort())
                .send(),
        )
        .await;
    round
        .call(
            "getChannelAccount",
            "archived account",
            client.get_channel_account(240995143).archived(true).send(),
        )
        .await;
}
