//! `cargo run -p webhook-receiver`, with `HUBSPOT_CLIENT_SECRET` and `HUBSPOT_ACCESS_TOKEN` set
//! (and optionally `LISTEN_ADDR`, `PUBLIC_URL`, `HUBSPOT_BASE_URL`; see the README).

use std::process::ExitCode;
use std::sync::Arc;

use tokio::net::TcpListener;
use webhook_receiver::{Config, Receiver};

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt().init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let listener = match TcpListener::bind(config.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("error: cannot listen on {}: {error}", config.listen);
            return ExitCode::FAILURE;
        }
    };
    tracing::info!(listen = %config.listen, "receiving HubSpot webhooks");
    if let Err(error) = Arc::new(Receiver::new(&config)).serve(listener).await {
        eprintln!("error: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
