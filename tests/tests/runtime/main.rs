//! The runtime's behaviour over real HTTP against a local wiremock server, one module per
//! concern: retries, timeouts, decoding, pagination, HubSpot's error bodies, credentials, the
//! token kept secret, rate limits, the raw escape hatch, client configuration, tracing, path
//! parameters, and requests left unanswered or answered with oversized bodies (over raw
//! loopback servers). This file holds the helpers the modules share.

mod auth;
mod configuration;
mod decode;
mod errors;
mod pagination;
mod paths;
mod rate_limit_windows;
mod rate_limiting;
mod raw_requests;
mod response_size;
mod retries;
mod security;
mod timeouts;
mod tracing;
mod unanswered;

use std::io::Read;
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use conversations_tests::fixture;
use generated_client::models::MessageDraft;
use generated_client::runtime::{Auth, Client, ClientBuilder, Error, RetryPolicy};
use serde_json::{json, Value};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const TOKEN: &str = "pat-secret-token";

const THREADS: &str = "/conversations/conversations/2026-09/threads";

/// Retries fast enough for tests: backoff from 10 ms, `Retry-After` honoured up to 2 s.
fn fast_retry() -> RetryPolicy {
    RetryPolicy::default()
        .initial_backoff(Duration::from_millis(10))
        .max_backoff(Duration::from_secs(2))
}

fn builder(server: &MockServer) -> ClientBuilder {
    builder_for(&server.uri())
}

/// A client builder for the server at `base_url`, with fast retries.
fn builder_for(base_url: &str) -> ClientBuilder {
    Client::builder(Auth::private_app_token(TOKEN))
        .base_url(base_url)
        .retry(fast_retry())
}

fn client(server: &MockServer) -> Client {
    builder(server).build().unwrap()
}

/// A valid thread as HubSpot returns it.
fn thread_json(id: &str) -> Value {
    json!({
        "id": id,
        "createdAt": "2024-03-18T14:02:47.391Z",
        "status": "OPEN",
        "originalChannelId": "1002",
        "originalChannelAccountId": "240316291",
        "spam": false,
        "inboxId": "147959634",
        "associatedContactId": "90551",
        "archived": false
    })
}

fn json_response(status: u16, body: Value) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(body)
}

fn server_error(status: u16) -> ResponseTemplate {
    json_response(
        status,
        json!({
            "status": "error",
            "message": "internal error",
            "correlationId": "0f0f0f0f-1111-2222-3333-444455556666",
            "category": "INTERNAL_ERROR"
        }),
    )
}

/// Answers with `responses` in turn (the last one repeats) and records when each request
/// arrived.
#[derive(Clone)]
struct Sequence {
    responses: Arc<Vec<ResponseTemplate>>,
    arrivals: Arc<Mutex<Vec<Instant>>>,
}

impl Sequence {
    fn new(responses: Vec<ResponseTemplate>) -> Self {
        assert!(!responses.is_empty());
        Sequence {
            responses: Arc::new(responses),
            arrivals: Arc::default(),
        }
    }

    fn count(&self) -> usize {
        self.arrivals.lock().unwrap().len()
    }

    fn arrivals(&self) -> Vec<Instant> {
        self.arrivals.lock().unwrap().clone()
    }
}

impl Respond for Sequence {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let mut arrivals = self.arrivals.lock().unwrap();
        let n = arrivals.len();
        arrivals.push(Instant::now());
        self.responses[n.min(self.responses.len() - 1)].clone()
    }
}

/// Mounts `sequence` for every request with `verb` and returns it.
async fn mount_sequence(server: &MockServer, verb: &str, sequence: Sequence) -> Sequence {
    Mock::given(method(verb))
        .respond_with(sequence.clone())
        .mount(server)
        .await;
    sequence
}

async fn requests(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.unwrap()
}

/// Neither the `Debug` nor the `Display` form of `err` shows the token.
fn assert_redacted(err: &Error) {
    let debug = format!("{err:?}");
    let display = err.to_string();
    assert!(!debug.contains(TOKEN), "token in Debug: {debug}");
    assert!(!display.contains(TOKEN), "token in Display: {display}");
}

fn comment_draft() -> MessageDraft {
    serde_json::from_value(fixture("MessageDraft", "comment_minimal.json")).unwrap()
}

/// Reads one request (head and `Content-Length` body); false when the peer closed first.
fn read_request(socket: &mut TcpStream) -> bool {
    let mut data = Vec::new();
    let mut buf = [0_u8; 4096];
    loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
            let length: usize = head
                .lines()
                .find_map(|line| line.strip_prefix("content-length:"))
                .map_or(0, |value| value.trim().parse().unwrap());
            if data.len() >= end + 4 + length {
                return true;
            }
        }
        match socket.read(&mut buf) {
            Ok(0) | Err(_) => return false,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    }
}
