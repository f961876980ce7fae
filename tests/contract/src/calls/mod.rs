//! The calls of a round: every operation of the client with realistic arguments, every
//! optional parameter set at least once, array parameters with several values and every kind
//! of message draft and custom-channel attachment.

mod actors;
mod catalog;
mod custom_accounts;
mod custom_channels;
mod custom_drafts;
mod custom_messages;
mod drafts;
mod messages;
mod threads;

use generated_client::Client;

use crate::round::Round;

/// The clients a round calls through.
pub struct Clients {
    /// Asks for the first success status the spec lists; holds a private app token and the
    /// developer API key, and sends whichever an operation accepts.
    pub plain: Client,
    /// Asks Prism (`Prefer: code=207`) for the partial-success answer of the batch read.
    pub multi_status: Client,
}

/// Makes every call of the suite, in order.
pub async fn run(round: &mut Round, clients: &Clients) {
    catalog::run(round, &clients.plain).await;
    threads::run(round, &clients.plain).await;
    messages::run(round, &clients.plain).await;
    actors::run(round, clients).await;
    custom_channels::run(round, &clients.plain).await;
    custom_accounts::run(round, &clients.plain).await;
    custom_messages::run(round, &clients.plain).await;
}
