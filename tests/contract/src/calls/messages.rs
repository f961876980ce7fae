//! A thread's history: listing, reading, full content and sending every kind of draft.

use generated_client::Client;

use super::drafts;
use crate::round::Round;

const THREAD: i64 = 7315416722;
const MESSAGE: &str = "4e9cd9f2a2b64c1aa6b1e2f3c4d5e6f7";

pub async fn run(round: &mut Round, client: &Client) {
    round
        .call(
            "listMessages",
            "every parameter, two sort keys",
            client
                .list_messages(THREAD)
                .after("MTcxMDc3")
                .archived(false)
                .limit(25)
                .property("hs_body")
                .sort(["-createdAt".to_owned(), "id".to_owned()])
                .send(),
        )
        .await;
    for (name, draft) in drafts::all() {
        round
            .call(
                "sendMessage",
                name,
                client.send_message(THREAD, draft).send(),
            )
            .await;
    }
    round
        .call(
            "getMessage",
            "with an extra property",
            client
                .get_message(THREAD, MESSAGE)
                .property("hs_body")
                .send(),
        )
        .await;
    round
        .call(
            "getOriginalContent",
            "with an extra property",
            client
                .get_original_content(THREAD, MESSAGE)
                .property("hs_body")
                .send(),
        )
        .await;
}
