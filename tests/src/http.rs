//! A mock HubSpot for the end-to-end HTTP tests: a wiremock server that gives one canned answer
//! and records what the client sent, a client holding both kinds of HubSpot credentials, and
//! [`Sent`], a request in the terms the tests compare (method, path, raw query, credentials,
//! JSON body).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use generated_client::runtime::RetryPolicy;
use generated_client::{security, Auth, Client};
use serde::Serialize;
use serde_json::Value;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// The private app token every [`MockHubSpot::client`] sends as `Authorization: Bearer`.
pub const TOKEN: &str = "pat-na1-test-token";

/// The developer API key every [`MockHubSpot::client`] sends as `?hapikey=`: characters a query
/// must escape, so the tests also check it is percent-encoded.
pub const DEVELOPER_KEY: &str = "dev+key/7f3a=";

/// [`DEVELOPER_KEY`] as it appears in a query string.
pub const DEVELOPER_KEY_IN_QUERY: &str = "dev%2Bkey%2F7f3a%3D";

/// A local server standing in for HubSpot.
pub struct MockHubSpot {
    /// The wiremock server; mount more mocks on it for sequences of answers.
    pub server: MockServer,
}

impl MockHubSpot {
    /// Starts a server that answers nothing yet (404 until a mock is mounted).
    pub async fn start() -> Self {
        MockHubSpot {
            server: MockServer::start().await,
        }
    }

    /// A client for this server holding the private app token and the developer API key, so
    /// each operation must pick the credentials its spec accepts. Retries are fast.
    pub fn client(&self) -> Client {
        self.client_with(
            Auth::private_app_token(TOKEN).with_api_key(security::DEVELOPER_HAPIKEY, DEVELOPER_KEY),
        )
    }

    /// A client for this server holding `auth`, with fast retries.
    pub fn client_with(&self, auth: Auth) -> Client {
        Client::builder(auth)
            .base_url(self.server.uri())
            .retry(RetryPolicy::default().initial_backoff(Duration::from_millis(5)))
            .build()
            .expect("the test client builds")
    }

    /// Answers every request with `status` and `body` as JSON; returns `body`, which the
    /// decoded answer is compared with.
    pub async fn answer(&self, status: u16, body: Value) -> Value {
        self.mount(ResponseTemplate::new(status).set_body_json(&body))
            .await;
        body
    }

    /// Answers every request with `status` and no body.
    pub async fn answer_empty(&self, status: u16) {
        self.mount(ResponseTemplate::new(status)).await;
    }

    /// Answers the first request with the first of `answers`, the second with the second, and
    /// so on; the last answer repeats.
    ///
    /// # Panics
    ///
    /// When `answers` is empty.
    pub async fn answer_in_turn(&self, answers: Vec<ResponseTemplate>) {
        assert!(!answers.is_empty(), "no answers to give");
        Mock::given(wiremock::matchers::any())
            .respond_with(InTurn {
                answers,
                given: AtomicUsize::new(0),
            })
            .mount(&self.server)
            .await;
    }

    async fn mount(&self, response: ResponseTemplate) {
        Mock::given(wiremock::matchers::any())
            .respond_with(response)
            .mount(&self.server)
            .await;
    }

    /// Every request received so far, in order.
    pub async fn sent(&self) -> Vec<Sent> {
        let requests = self
            .server
            .received_requests()
            .await
            .expect("request recording is on");
        requests.iter().map(Sent::from).collect()
    }

    /// The one request received so far.
    ///
    /// # Panics
    ///
    /// When there was not exactly one.
    pub async fn only_sent(&self) -> Sent {
        let mut sent = self.sent().await;
        assert_eq!(sent.len(), 1, "expected exactly one request: {sent:#?}");
        sent.remove(0)
    }
}

/// Gives `answers` one after the other, repeating the last.
struct InTurn {
    answers: Vec<ResponseTemplate>,
    given: AtomicUsize,
}

impl Respond for InTurn {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let n = self.given.fetch_add(1, Ordering::SeqCst);
        self.answers[n.min(self.answers.len() - 1)].clone()
    }
}

/// A request as the tests compare it: what HubSpot would see of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    /// `GET`, `POST`, …
    pub method: String,
    /// The path, percent-encoded as sent.
    pub path: String,
    /// The query string exactly as sent (order and encoding), empty when there is none.
    pub query: String,
    /// The `Authorization` header.
    pub authorization: Option<String>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The body as JSON, `None` when empty.
    pub body: Option<Value>,
}

impl Sent {
    /// A bodiless request with the private app token (and so no `hapikey`).
    pub fn bearer(method: &str, path: &str, query: &str) -> Sent {
        Sent {
            authorization: Some(format!("Bearer {TOKEN}")),
            ..Sent::anonymous(method, path, query)
        }
    }

    /// A bodiless request with the developer API key: `query` is the operation's own
    /// parameters, after which the key comes last as `hapikey`; no `Authorization` header.
    pub fn developer_key(method: &str, path: &str, query: &str) -> Sent {
        let key = format!("hapikey={DEVELOPER_KEY_IN_QUERY}");
        let query = match query {
            "" => key,
            own => format!("{own}&{key}"),
        };
        Sent::anonymous(method, path, &query)
    }

    fn anonymous(method: &str, path: &str, query: &str) -> Sent {
        Sent {
            method: method.to_owned(),
            path: path.to_owned(),
            query: query.to_owned(),
            authorization: None,
            content_type: None,
            body: None,
        }
    }

    /// The same request with `body` sent as `application/json`.
    pub fn json(self, body: Value) -> Sent {
        Sent {
            content_type: Some("application/json".to_owned()),
            body: Some(body),
            ..self
        }
    }
}

impl From<&Request> for Sent {
    fn from(request: &Request) -> Self {
        let header = |name: &str| {
            request
                .headers
                .get(name)
                .map(|v| v.to_str().expect("an ASCII header").to_owned())
        };
        let body = (!request.body.is_empty()).then(|| {
            serde_json::from_slice(&request.body).unwrap_or_else(|e| {
                panic!(
                    "the body is not JSON ({e}): {}",
                    String::from_utf8_lossy(&request.body)
                )
            })
        });
        Sent {
            method: request.method.to_string(),
            path: request.url.path().to_owned(),
            query: request.url.query().unwrap_or_default().to_owned(),
            authorization: header("authorization"),
            content_type: header("content-type"),
            body,
        }
    }
}

/// Asserts that `decoded` encodes back to `answer`, the JSON it was decoded from: every field
/// HubSpot sent was read into the right place (the fixtures round-trip exactly).
///
/// # Panics
///
/// When they differ.
pub fn assert_decoded<T: Serialize>(decoded: &T, answer: &Value) {
    let encoded = serde_json::to_value(decoded).expect("a decoded value encodes");
    assert_eq!(
        &encoded, answer,
        "the decoded answer differs from what was sent"
    );
}
