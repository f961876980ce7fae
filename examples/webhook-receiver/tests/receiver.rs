//! The receiver on a loopback port, called as HubSpot calls it (signatures made with RustCrypto's
//! `hmac`, independent of the verifier), with the client's mock HubSpot behind it: a signed
//! batch mixing event kinds is answered 200 and its new message fetched once even when the batch
//! is delivered twice; tampered, stale, unsigned and wrongly versioned calls get 401 and fetch
//! nothing; a signed body that is not a batch gets 400.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use generated_client::chrono::{DateTime, Utc};
use generated_client::models::{
    ConversationMessage, Message, MessageClient, MessageClientClientType, MessageDirection,
    MessageSender, MessageTruncationStatus,
};
use generated_client::reqwest;
use generated_client::testing::{MockApi, TEST_TOKEN};
use hmac::{KeyInit, Mac};
use serde_json::{json, Value};
use tokio::net::TcpListener;
use webhook_receiver::{decode_batch, Config, Receiver};

const SECRET: &str = "app-client-secret-5f1e";
const PUBLIC: &str = "https://hooks.example.com";
const PATH: &str = "/hubspot/webhook?app=4242";
const THREAD: i64 = 7315416722;
const MESSAGE: &str = "a1b2c3d4";

struct Harness {
    mock: MockApi,
    receiver: Arc<Receiver>,
    local: String,
    http: reqwest::Client,
}

/// The receiver configured as `main` configures it, its HubSpot base URL on the mock.
async fn start() -> Harness {
    let mock = MockApi::start().await;
    let config = Config {
        client_secret: SECRET.to_owned(),
        access_token: TEST_TOKEN.to_owned(),
        listen: "127.0.0.1:0".parse().unwrap(),
        public_url: Some(PUBLIC.to_owned()),
        base_url: Some(mock.server().uri()),
    };
    let receiver = Arc::new(Receiver::new(&config));
    let listener = TcpListener::bind(config.listen).await.unwrap();
    let local = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(Arc::clone(&receiver).serve(listener));
    let http = reqwest::Client::new();
    Harness {
        mock,
        receiver,
        local,
        http,
    }
}

fn now_ms() -> u64 {
    let since = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap();
    u64::try_from(since.as_millis()).unwrap()
}

/// Base64 HMAC-SHA256 of method + URL + body + timestamp, keyed with the client secret.
fn sign(method: &str, url: &str, body: &str, timestamp: &str) -> String {
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(format!("{method}{url}{body}{timestamp}").as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Four events of four kinds, one unknown, as HubSpot posts them on delivery `attempt`.
fn batch(attempt: i32) -> String {
    let common = |id: i64, kind: &str| {
        json!({
            "eventId": id, "subscriptionId": 9001, "portalId": 62515, "appId": 4242,
            "occurredAt": 1764504000000_i64, "subscriptionType": kind,
            "attemptNumber": attempt, "objectId": THREAD, "changeSource": "CONVERSATIONS"
        })
    };
    let mut new_message = common(101, "conversation.newMessage");
    new_message["messageId"] = json!(MESSAGE);
    new_message["messageType"] = json!("MESSAGE");
    new_message["changeFlag"] = json!("NEW_MESSAGE");
    let mut change = common(103, "conversation.propertyChange");
    change["propertyName"] = json!("status");
    change["propertyValue"] = json!("CLOSED");
    let unknown = common(104, "conversation.somethingNew");
    Value::from(vec![
        new_message,
        common(102, "conversation.creation"),
        change,
        unknown,
    ])
    .to_string()
}

/// A signed call: `signed` is (method, path, body, timestamp) as HubSpot signed them.
struct Call<'a> {
    method: &'a str,
    path: &'a str,
    body: String,
    timestamp: String,
}

impl Call<'_> {
    fn of(body: String) -> Self {
        Call {
            method: "POST",
            path: PATH,
            body,
            timestamp: now_ms().to_string(),
        }
    }

    fn signature(&self) -> String {
        let url = format!("{PUBLIC}{}", self.path);
        sign(self.method, &url, &self.body, &self.timestamp)
    }
}

impl Harness {
    /// Sends `method path` with `body` and these headers; the status.
    async fn send(
        &self,
        method: &str,
        path: &str,
        body: String,
        headers: &[(&str, String)],
    ) -> u16 {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.local))
            .body(body);
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        request.send().await.unwrap().status().as_u16()
    }

    /// Sends `call` as signed.
    async fn deliver(&self, call: &Call<'_>) -> u16 {
        let headers = v3(call.signature(), call.timestamp.clone());
        self.send(call.method, call.path, call.body.clone(), &headers)
            .await
    }

    /// The requests the mock HubSpot received.
    async fn hubspot_calls(&self) -> usize {
        self.mock.server().received_requests().await.unwrap().len()
    }
}

/// Request headers, name and value.
type Headers = Vec<(&'static str, String)>;

/// A named variant of a call: method, path, body and headers.
type Case = (&'static str, &'static str, &'static str, String, Headers);

fn v3(signature: String, timestamp: String) -> Headers {
    vec![
        ("x-hubspot-signature-v3", signature),
        ("x-hubspot-request-timestamp", timestamp),
    ]
}

fn message() -> Message {
    let at: DateTime<Utc> = "2026-11-02T09:30:00Z".parse().unwrap();
    let from = MessageSender::new().with_actor_id("V-1");
    let client = MessageClient::new(MessageClientClientType::Hubspot);
    let truncation = MessageTruncationStatus::NotTruncated;
    let direction = MessageDirection::Incoming;
    ConversationMessage::new(
        false,
        [],
        240316291,
        1000,
        client,
        THREAD,
        at,
        "V-1",
        direction,
        MESSAGE,
        [],
        [from],
        "Hello",
        truncation,
    )
    .into()
}

#[tokio::test]
async fn signed_batch_fetches_the_new_message_once() {
    let h = start().await;
    h.mock
        .get_message(THREAD, MESSAGE)
        .expect(1)
        .returns(message())
        .await;
    assert_eq!(h.deliver(&Call::of(batch(0))).await, 200);
    // HubSpot's retry: the same event ids, the next attempt number, a fresh signature.
    assert_eq!(h.deliver(&Call::of(batch(1))).await, 200);
    let mut processed = h.receiver.processed();
    let waited = tokio::time::timeout(Duration::from_secs(10), processed.wait_for(|n| *n >= 4));
    assert!(waited.await.is_ok(), "the four events were not processed");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        *processed.borrow(),
        4,
        "the second delivery was processed again"
    );
    assert_eq!(h.hubspot_calls().await, 1);
}

#[tokio::test]
async fn tampered_calls_are_unauthorized_and_fetch_nothing() {
    let h = start().await;
    let body = batch(0);
    let now = now_ms();
    let signed = Call::of(body.clone());
    let headers = v3(signed.signature(), signed.timestamp.clone());
    let tampered_body = body.replace(MESSAGE, "zzzzzzzz");
    let cases: Vec<Case> = vec![
        ("body", "POST", PATH, tampered_body, headers.clone()),
        ("method", "PUT", PATH, body.clone(), headers.clone()),
        (
            "path",
            "POST",
            "/hubspot/other?app=4242",
            body.clone(),
            headers.clone(),
        ),
        (
            "query",
            "POST",
            "/hubspot/webhook?app=4243",
            body.clone(),
            headers.clone(),
        ),
        (
            "timestamp",
            "POST",
            PATH,
            body.clone(),
            v3(signed.signature(), (now + 1).to_string()),
        ),
        (
            "missing signature",
            "POST",
            PATH,
            body.clone(),
            vec![("x-hubspot-request-timestamp", now.to_string())],
        ),
    ];
    for (name, method, path, body, headers) in cases {
        assert_eq!(h.send(method, path, body, &headers).await, 401, "{name}");
    }
    // Correctly signed, but six minutes old, or ten minutes ahead.
    for timestamp in [now - 6 * 60 * 1000, now + 10 * 60 * 1000] {
        let call = Call {
            timestamp: timestamp.to_string(),
            ..Call::of(body.clone())
        };
        assert_eq!(h.deliver(&call).await, 401, "timestamp {timestamp}");
    }
    // Only a legacy signature of an unknown version, or of v2 (not accepted by default).
    for version in ["v4", "v2"] {
        let headers = [
            ("x-hubspot-signature-version", version.to_owned()),
            ("x-hubspot-signature", "ab".repeat(32)),
        ];
        assert_eq!(
            h.send("POST", PATH, body.clone(), &headers).await,
            401,
            "{version}"
        );
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(*h.receiver.processed().borrow(), 0);
    assert_eq!(h.hubspot_calls().await, 0);
}

#[tokio::test]
async fn signed_garbage_is_a_bad_request() {
    let h = start().await;
    for body in [
        "{not json",
        r#"{"eventId":1}"#,
        r#"[{"subscriptionType":"conversation.newMessage"}]"#,
    ] {
        assert_eq!(h.deliver(&Call::of(body.to_owned())).await, 400, "{body}");
    }
    let huge = format!("[{}]", " ".repeat(webhook_receiver::MAX_BODY));
    assert_eq!(h.deliver(&Call::of(huge)).await, 413);
    assert_eq!(h.hubspot_calls().await, 0);
}

#[test]
fn decode_batch_keeps_unknown_kinds() {
    let events = decode_batch(batch(0).as_bytes()).unwrap();
    let kinds: Vec<_> = events.iter().map(|e| e.event_id().copied()).collect();
    assert_eq!(kinds, [Some(101), Some(102), Some(103), None]);
    assert!(matches!(
        events[3],
        generated_client::models::ConversationEvent::Unknown(_)
    ));
}
