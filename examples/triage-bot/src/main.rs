//! `cargo run -p triage-bot -- INBOX_NAME AGENT_ACTOR_ID REFUND_FORM_FILE_ID`, with a private app
//! token in `HUBSPOT_ACCESS_TOKEN`.

use std::process::ExitCode;

use generated_client::{Auth, Client};
use triage_bot::{Outcome, Triage};

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Ok(token), [inbox, agent, form]) = (std::env::var("HUBSPOT_ACCESS_TOKEN"), &args[..])
    else {
        eprintln!(
            "usage: HUBSPOT_ACCESS_TOKEN=… triage-bot INBOX_NAME AGENT_ACTOR_ID FORM_FILE_ID"
        );
        return ExitCode::from(2);
    };
    let bot = Triage {
        client: Client::new(Auth::private_app_token(token)),
        inbox: inbox.clone(),
        agent: agent.into(),
        refund_form: form.into(),
    };
    match bot.run().await {
        Ok(outcomes) => {
            for outcome in outcomes {
                match outcome {
                    Outcome::Refund { thread, .. } => println!("thread {thread}: refund form sent"),
                    Outcome::Skipped(thread) => println!("thread {thread}: nothing to do"),
                }
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
