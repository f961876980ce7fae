//! The two callers the client-overhead benches compare: `get_thread` through the generated
//! client, and a hand-written `reqwest` + `serde_json` call decoding into the same `Thread`.
//!
//! The hand-written call gets what a production call needs and the client does too: a bearer
//! token, the same connect and request timeouts, a status check. The client adds its retry
//! bookkeeping, tracing span, rate-limit header parsing and URL checks on top.

use std::time::Duration;

use generated_client::models::Thread;
use generated_client::{Auth, Client};

use super::bodies;

const TOKEN: &str = "pat-na1-bench";

/// The generated client, sending to `base_url`.
pub fn client(base_url: &str) -> Client {
    Client::builder(Auth::private_app_token(TOKEN))
        .base_url(base_url)
        .build()
        .unwrap()
}

/// The hand-written caller: a `reqwest` client with the generated client's default timeouts,
/// and the thread's URL on `base_url`.
#[derive(Clone)]
pub struct HandWritten {
    http: reqwest::Client,
    url: String,
}

impl HandWritten {
    pub fn new(base_url: &str) -> Self {
        HandWritten {
            http: reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(10))
                .timeout(Duration::from_secs(60))
                .build()
                .unwrap(),
            url: format!(
                "{base_url}/conversations/conversations/2026-09/threads/{}",
                bodies::THREAD_ID
            ),
        }
    }

    /// One hand-written `GET` of the thread.
    pub async fn get_thread(&self) -> Thread {
        let response = self.http.get(&self.url).bearer_auth(TOKEN).send().await;
        let response = response.unwrap().error_for_status().unwrap();
        let bytes = response.bytes().await.unwrap();
        serde_json::from_slice(&bytes).unwrap()
    }
}

/// One `get_thread` through the generated client.
pub async fn generated(client: &Client) -> Thread {
    client.get_thread(bodies::THREAD_ID).send().await.unwrap()
}
