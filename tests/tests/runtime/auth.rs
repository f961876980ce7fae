//! Credentials: which ones a HubSpot operation sends, the error when the client has none it
//! accepts, token providers asked for every attempt, and that an API key never shows in
//! errors, `Debug` output or logs — also when reqwest reports a failed request by its URL,
//! whose query carries the key.

use std::error::Error as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use conversations_tests::captured::Captured;
use generated_client::runtime::{
    ApiKeyLocation, ApiKeyScheme, Auth, Client, Error, Method, RetryPolicy,
};
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::{fast_retry, json_response, mount_sequence, requests, server_error, Sequence, TOKEN};

const SECRET: &str = "hapikey-secret-7f3a";

const DEVELOPER_KEY: ApiKeyScheme =
    ApiKeyScheme::new("developer_hapikey", ApiKeyLocation::Query, "hapikey");

/// Every text form of an error: `Display`, `Debug`, alternate `Debug`, and each source's.
fn every_form(error: &Error) -> String {
    let mut text = format!("{error}\n{error:?}\n{error:#?}\n");
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(&format!("{inner}\n{inner:?}\n"));
        source = inner.source();
    }
    text
}

/// A loopback URL nothing listens on.
fn closed_port() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}

fn client(base_url: &str, retry: RetryPolicy) -> Client {
    Client::builder(Auth::private_app_token(TOKEN).with_api_key(DEVELOPER_KEY, SECRET))
        .base_url(base_url)
        .retry(retry)
        .build()
        .unwrap()
}

#[tokio::test]
async fn hubspot_operations_send_the_bearer_token_and_never_the_key() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"id": "1002", "name": "Email"})),
        )
        .mount(&server)
        .await;
    client(&server.uri(), RetryPolicy::disabled())
        .get_channel(1002)
        .send()
        .await
        .unwrap();
    let sent = server.received_requests().await.unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].url.query(), None);
    assert_eq!(
        sent[0].headers["authorization"].to_str().unwrap(),
        format!("Bearer {TOKEN}")
    );

    // A client with only the key cannot call a bearer-only operation, and sends nothing.
    let keyed = Client::builder(Auth::api_key(DEVELOPER_KEY, SECRET))
        .base_url(server.uri())
        .build()
        .unwrap();
    let error = keyed.get_channel(1002).send().await.unwrap_err();
    assert_eq!(
        error.to_string(),
        "`getChannel` needs credentials the client was not given: it accepts a bearer token \
         (`private_apps`), or a bearer token (`oauth2`)"
    );
    assert!(!every_form(&error).contains(SECRET));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_connection_error_names_the_url_without_the_key() {
    let client = client(&closed_port(), RetryPolicy::disabled());
    let error = client
        .request(Method::GET, "/crm/objects")
        .query("limit", &5)
        .auth_scheme(DEVELOPER_KEY)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    let text = every_form(&error);
    assert!(!text.contains(SECRET), "the key leaked:\n{text}");
    assert!(
        !text.contains("hapikey"),
        "the key's parameter leaked:\n{text}"
    );
    // What is not secret stays, for debugging.
    assert!(text.contains("/crm/objects?limit=5"), "{text}");
}

#[tokio::test]
async fn a_timeout_names_the_url_without_the_key() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(204).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = Client::builder(Auth::api_key(DEVELOPER_KEY, SECRET))
        .base_url(server.uri())
        .timeout(Duration::from_millis(100))
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let error = client
        .request(Method::GET, "/slow")
        .auth_scheme(DEVELOPER_KEY)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    let text = every_form(&error);
    assert!(!text.contains(SECRET), "the key leaked:\n{text}");
    // The key did go out.
    let sent = server.received_requests().await.unwrap();
    assert_eq!(sent[0].url.query(), Some(&*format!("hapikey={SECRET}")));
}

#[tokio::test(flavor = "current_thread")]
async fn retries_are_logged_without_the_key() {
    let client = client(
        &closed_port(),
        RetryPolicy::default()
            .max_attempts(2)
            .initial_backoff(Duration::from_millis(5)),
    );
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(captured.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .finish();
    let outcome = {
        let _guard = tracing::subscriber::set_default(subscriber);
        client
            .request(Method::GET, "/crm/objects")
            .auth_scheme(DEVELOPER_KEY)
            .send()
            .await
    };
    assert!(outcome.is_err());
    let out = captured.text();
    assert!(out.contains("retrying"), "the retry was not logged:\n{out}");
    assert!(
        !out.contains(SECRET),
        "the key leaked into the logs:\n{out}"
    );
    assert!(
        !out.contains(TOKEN),
        "the token leaked into the logs:\n{out}"
    );
}

#[test]
fn debug_output_of_auth_client_and_builder_hides_every_secret() {
    let auth = Auth::private_app_token(TOKEN)
        .with_api_key(DEVELOPER_KEY, SECRET)
        .with_basic("user-secret", "password-secret");
    let builder = format!("{:?}", Client::builder(auth.clone()));
    let client = Client::builder(auth.clone()).build().unwrap();
    let shown = format!("{auth:?}\n{builder}\n{client:?}");
    for secret in [SECRET, TOKEN, "user-secret", "password-secret"] {
        assert!(!shown.contains(secret), "{secret} shown in:\n{shown}");
    }
    assert!(shown.contains("developer_hapikey(<redacted>)"), "{shown}");
}

fn counting_provider() -> (Auth, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = calls.clone();
    let auth = Auth::provider(move || {
        let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
        async move { Ok(format!("token-{n}")) }
    });
    (auth, calls)
}

fn authorizations(received: &[Request]) -> Vec<String> {
    received
        .iter()
        .map(|r| r.headers["authorization"].to_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_token_provider_is_asked_for_each_call() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(json_response(200, json!({"id": "1002", "name": "Email"})))
        .mount(&server)
        .await;
    let (auth, calls) = counting_provider();
    let client = Client::builder(auth)
        .base_url(server.uri())
        .build()
        .unwrap();
    client.get_channel(1002).send().await.unwrap();
    client.get_channel(1002).send().await.unwrap();
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    assert_eq!(
        authorizations(&requests(&server).await),
        ["Bearer token-1", "Bearer token-2"]
    );
}

#[tokio::test]
async fn a_token_provider_is_asked_again_on_a_retry() {
    let server = MockServer::start().await;
    mount_sequence(
        &server,
        "GET",
        Sequence::new(vec![
            server_error(503),
            json_response(200, json!({"id": "1002", "name": "Email"})),
        ]),
    )
    .await;
    let (auth, calls) = counting_provider();
    let client = Client::builder(auth)
        .base_url(server.uri())
        .retry(fast_retry())
        .build()
        .unwrap();
    client.get_channel(1002).send().await.unwrap();
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    assert_eq!(
        authorizations(&requests(&server).await),
        ["Bearer token-1", "Bearer token-2"]
    );
}

#[tokio::test]
async fn a_failing_token_provider_fails_the_call_without_sending() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(json_response(200, json!({"id": "1002", "name": "Email"})))
        .mount(&server)
        .await;
    let auth =
        Auth::provider(|| async { Err(Error::InvalidArgument("refresh token revoked".into())) });
    let client = Client::builder(auth)
        .base_url(server.uri())
        .retry(fast_retry())
        .build()
        .unwrap();
    let err = client.get_channel(1002).send().await.unwrap_err();
    assert!(
        matches!(&err, Error::InvalidArgument(m) if m.contains("revoked")),
        "{err:?}"
    );
    assert!(requests(&server).await.is_empty());
}
