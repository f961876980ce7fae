//! A HubSpot Conversations webhook receiver on hyper 1: every request is read raw (at most
//! [`MAX_BODY`] bytes), its signature verified ([`generated_client::webhooks`]), its batch
//! decoded ([`decode_batch`]) and deduplicated by event id ([`SeenEvents`]); the answer is 200 at
//! once and the events are handled in a spawned task ([`Receiver::process`]), so HubSpot's
//! five-second timeout is never at risk. See the README for HubSpot's retry behaviour.

mod dedupe;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use generated_client::bytes::Bytes;
use generated_client::http::{Request, Response, StatusCode};
use generated_client::models::ConversationEvent;
use generated_client::webhooks::{ConversationEvents, WebhookDecodeError, WebhookVerifier};
use generated_client::{Auth, Client};
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;

pub use dedupe::SeenEvents;

/// The largest body accepted: a batch holds at most 100 events of well under 1 KiB each.
pub const MAX_BODY: usize = 1024 * 1024;
/// How many event ids are remembered for deduplication.
pub const SEEN_CAPACITY: usize = 100_000;
/// How long an event id is remembered: HubSpot's retries of a failed delivery span a day.
pub const SEEN_TTL: Duration = Duration::from_secs(26 * 60 * 60);

/// The receiver's settings, from environment variables (see [`Config::from_env`]).
#[derive(Clone)]
pub struct Config {
    /// The app's client secret, which keys the signatures (`HUBSPOT_CLIENT_SECRET`).
    pub client_secret: String,
    /// The token the receiver calls HubSpot with (`HUBSPOT_ACCESS_TOKEN`).
    pub access_token: String,
    /// Where to listen (`LISTEN_ADDR`, default `127.0.0.1:8080`).
    pub listen: SocketAddr,
    /// The public URL HubSpot calls, when a proxy sits in front (`PUBLIC_URL`, e.g.
    /// `https://hooks.example.com`).
    pub public_url: Option<String>,
    /// Another HubSpot API base URL, e.g. a mock server's (`HUBSPOT_BASE_URL`).
    pub base_url: Option<String>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("public_url", &self.public_url)
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

/// A setting missing from or invalid in the environment.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A required variable is unset or not UTF-8.
    #[error("environment variable {0} is required")]
    Missing(&'static str),
    /// `LISTEN_ADDR` is not `host:port`.
    #[error("LISTEN_ADDR is not an address like 127.0.0.1:8080")]
    ListenAddr,
}

impl Config {
    /// Reads `HUBSPOT_CLIENT_SECRET`, `HUBSPOT_ACCESS_TOKEN`, `LISTEN_ADDR`, `PUBLIC_URL` and
    /// `HUBSPOT_BASE_URL`.
    pub fn from_env() -> Result<Config, ConfigError> {
        let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
        let required = |name| var(name).ok_or(ConfigError::Missing(name));
        let listen = var("LISTEN_ADDR").unwrap_or_else(|| "127.0.0.1:8080".to_owned());
        Ok(Config {
            client_secret: required("HUBSPOT_CLIENT_SECRET")?,
            access_token: required("HUBSPOT_ACCESS_TOKEN")?,
            listen: listen.parse().map_err(|_| ConfigError::ListenAddr)?,
            public_url: var("PUBLIC_URL"),
            base_url: var("HUBSPOT_BASE_URL"),
        })
    }
}

/// The decoded batch of a webhook call, by the type generated from the spec's `x-webhooks`; a
/// failure names the JSON path of the value that did not decode.
pub fn decode_batch(body: &[u8]) -> Result<Vec<ConversationEvent>, WebhookDecodeError> {
    ConversationEvents::decode(body)
}

/// The event id HubSpot repeats on retries; read from the JSON for kinds this client does not
/// know.
fn event_id(event: &ConversationEvent) -> Option<i64> {
    match event {
        ConversationEvent::Unknown(value) => value.get("eventId")?.as_i64(),
        known => known.event_id().copied(),
    }
}

/// Verifies, dedupes and hands events to [`process`](Self::process); shared by every connection.
#[derive(Debug)]
pub struct Receiver {
    verifier: WebhookVerifier,
    client: Client,
    seen: Mutex<SeenEvents>,
    processed: watch::Sender<usize>,
}

impl Receiver {
    /// A receiver for `config`: its verifier and a client with the access token.
    pub fn new(config: &Config) -> Receiver {
        let mut verifier = WebhookVerifier::new(&config.client_secret);
        if let Some(url) = &config.public_url {
            verifier = verifier.public_url(url);
        }
        let mut client = Client::new(Auth::private_app_token(config.access_token.clone()));
        if let Some(url) = &config.base_url {
            client = client.with_base_url(url.clone());
        }
        Receiver::with_parts(verifier, client)
    }

    /// A receiver from a verifier and a client as they are (tests use a mock's client).
    pub fn with_parts(verifier: WebhookVerifier, client: Client) -> Receiver {
        Receiver {
            verifier,
            client,
            seen: Mutex::new(SeenEvents::new(SEEN_CAPACITY, SEEN_TTL)),
            processed: watch::channel(0).0,
        }
    }

    /// Counts the events [`process`](Self::process) has finished, to wait on in tests.
    pub fn processed(&self) -> watch::Receiver<usize> {
        self.processed.subscribe()
    }

    /// Accepts connections on `listener` and serves each in its own task, forever.
    pub async fn serve(self: Arc<Self>, listener: TcpListener) -> std::io::Result<()> {
        loop {
            let (stream, _) = listener.accept().await?;
            let receiver = Arc::clone(&self);
            tokio::spawn(async move {
                let service = service_fn(move |request| {
                    let receiver = Arc::clone(&receiver);
                    async move { Ok::<_, Infallible>(receiver.handle(request).await) }
                });
                let connection =
                    http1::Builder::new().serve_connection(TokioIo::new(stream), service);
                if let Err(error) = connection.await {
                    tracing::debug!(%error, "connection closed with an error");
                }
            });
        }
    }

    /// One webhook call: 413 over [`MAX_BODY`], 401 for a bad signature, 400 for a body that is
    /// not a batch of events, else 200 with the new events processed in the background.
    pub async fn handle(self: &Arc<Self>, request: Request<Incoming>) -> Response<Full<Bytes>> {
        let (parts, body) = request.into_parts();
        let body = match Limited::new(body, MAX_BODY).collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(error) if error.is::<LengthLimitError>() => {
                return status(StatusCode::PAYLOAD_TOO_LARGE)
            }
            Err(_) => return status(StatusCode::BAD_REQUEST),
        };
        let request = Request::from_parts(parts, body);
        if let Err(error) = self.verifier.verify_request(&request) {
            tracing::warn!(%error, "rejected a webhook call");
            return status(StatusCode::UNAUTHORIZED);
        }
        let events = match decode_batch(request.body()) {
            Ok(events) => events,
            Err(error) => {
                tracing::warn!(%error, "signed webhook call with an undecodable body");
                return status(StatusCode::BAD_REQUEST);
            }
        };
        let fresh = self.first_time(events);
        let receiver = Arc::clone(self);
        tokio::spawn(async move { receiver.process(fresh).await });
        status(StatusCode::OK)
    }

    /// The events whose id was not seen before (events without an id always pass).
    fn first_time(&self, events: Vec<ConversationEvent>) -> Vec<ConversationEvent> {
        let now = Instant::now();
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        events
            .into_iter()
            .filter(|event| event_id(event).is_none_or(|id| seen.first_time(id, now)))
            .collect()
    }

    /// Handles new events: fetches each new message, logs the other kinds.
    pub async fn process(&self, events: Vec<ConversationEvent>) {
        for event in events {
            match &event {
                ConversationEvent::ConversationNewMessage(e) => {
                    match self
                        .client
                        .get_message(&e.object_id, &e.message_id)
                        .send()
                        .await
                    {
                        Ok(message) => {
                            tracing::info!(thread = %e.object_id, id = ?message.id(), "new message")
                        }
                        Err(error) => {
                            tracing::error!(%error, thread = %e.object_id, "could not fetch the new message")
                        }
                    }
                }
                ConversationEvent::Unknown(value) => {
                    let kind = value.get("subscriptionType");
                    tracing::info!(?kind, "event of a kind this client does not know; skipped");
                }
                other => {
                    tracing::info!(event_id = ?other.event_id(), thread = ?other.object_id(), "{}", kind(other))
                }
            }
            self.processed.send_modify(|count| *count += 1);
        }
    }
}

/// The `subscriptionType` of a known event.
fn kind(event: &ConversationEvent) -> &'static str {
    match event {
        ConversationEvent::ConversationCreation(_) => "conversation.creation",
        ConversationEvent::ConversationDeletion(_) => "conversation.deletion",
        ConversationEvent::ConversationPrivacyDeletion(_) => "conversation.privacyDeletion",
        ConversationEvent::ConversationPropertyChange(_) => "conversation.propertyChange",
        ConversationEvent::ConversationNewMessage(_) => "conversation.newMessage",
        _ => "unknown",
    }
}

/// An empty response with `status`.
fn status(status: StatusCode) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = status;
    response
}
