//! Lists the open threads of one inbox (or of every inbox), streaming page after page.
//!
//! ```sh
//! HUBSPOT_ACCESS_TOKEN=pat-na1-... cargo run -p generated-client --example list_open_threads -- [INBOX_ID]
//! ```

use std::process::ExitCode;

use futures::TryStreamExt;
use generated_client::models::{InboxId, ThreadStatus};
use generated_client::runtime::RateLimit;
use generated_client::{Auth, Client, Error};

#[tokio::main]
async fn main() -> ExitCode {
    let Ok(token) = std::env::var("HUBSPOT_ACCESS_TOKEN") else {
        eprintln!(
            "Set HUBSPOT_ACCESS_TOKEN to a private app or OAuth access token with the \
             `conversations.read` scope, e.g.\n  \
             HUBSPOT_ACCESS_TOKEN=pat-na1-... cargo run -p generated-client --example list_open_threads -- [INBOX_ID]"
        );
        return ExitCode::from(2);
    };
    let inbox = std::env::args().nth(1).map(InboxId::from);
    match run(token, inbox).await {
        Ok(count) => {
            println!("{count} open thread(s)");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("HubSpot request failed: {error}");
            if let Some(id) = error.correlation_id() {
                eprintln!("(correlation id for HubSpot support: {id})");
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(token: String, inbox: Option<InboxId>) -> Result<usize, Error> {
    // Pace requests within HubSpot's standard budget rather than collecting 429s.
    let client = Client::builder(Auth::private_app_token(token))
        .rate_limit(RateLimit::hubspot_standard())
        .build()?;
    let mut request = client
        .list_threads()
        .thread_status(ThreadStatus::Open)
        .limit(100);
    if let Some(inbox) = inbox {
        request = request.inbox_id([inbox]);
    }
    // Pages are fetched lazily as the stream is consumed: memory stays that of one page.
    let mut threads = request.into_stream();
    let mut count = 0;
    while let Some(thread) = threads.try_next().await? {
        count += 1;
        let last = thread
            .latest_message_timestamp
            .map(|t| t.to_rfc3339())
            .unwrap_or_else(|| "-".into());
        let assignee = thread.assigned_to.as_deref().unwrap_or("unassigned");
        println!(
            "{:>12}  inbox {:>8}  last message {last}  {assignee}",
            thread.id, thread.inbox_id
        );
    }
    Ok(count)
}
