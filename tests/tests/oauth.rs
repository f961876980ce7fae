//! `generated_client::oauth` over real HTTP against a local wiremock server standing in for
//! HubSpot's token endpoint: the authorize URL, the form bodies of code exchange and refresh,
//! typed errors, the refreshing provider (single-flight, rotation, expiry margin on tokio's
//! paused clock, failures) behind a client, and secrets kept out of errors, `Debug` and logs.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use conversations_tests::captured::Captured;
use generated_client::oauth::{OAuthApp, OAuthError, RefreshingTokenProvider, TOKEN_PATH};
use generated_client::runtime::{Auth, Client, Error, RetryPolicy, TokenProvider};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const CLIENT_SECRET: &str = "cs-7f3a-secret";
const CODE: &str = "code-91b2-secret";
const REDIRECT: &str = "https://example.com/oauth/callback";
const INBOXES: &str = "/conversations/conversations/2026-09/inboxes";

fn app(server: &MockServer) -> OAuthApp {
    OAuthApp::new("client-1", CLIENT_SECRET, REDIRECT).with_base_url(server.uri())
}

fn tokens(access: &str, refresh: &str, expires_in: u64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "token_type": "bearer",
        "access_token": access,
        "refresh_token": refresh,
        "expires_in": expires_in
    }))
}

fn invalid_grant() -> ResponseTemplate {
    ResponseTemplate::new(400).set_body_json(json!({
        "error": "invalid_grant",
        "error_description": "refresh token is invalid, expired or revoked",
        "status": "BAD_REFRESH_TOKEN",
        "message": "refresh token is invalid, expired or revoked",
        "correlationId": "5d0b3f6e-7c1a-4d2b-9e8f-0a1b2c3d4e5f"
    }))
}

/// Mounts `responses` in turn on the token endpoint (the last one repeats).
async fn token_endpoint(server: &MockServer, responses: Vec<ResponseTemplate>) {
    let served = AtomicUsize::new(0);
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(move |_: &Request| {
            let n = served.fetch_add(1, Ordering::SeqCst);
            responses[n.min(responses.len() - 1)].clone()
        })
        .mount(server)
        .await;
}

/// The token requests the server received, each as its form fields in order.
async fn token_requests(server: &MockServer) -> Vec<Vec<(String, String)>> {
    let received = server.received_requests().await.unwrap();
    received
        .iter()
        .filter(|r| r.url.path() == TOKEN_PATH)
        .map(|r| {
            assert_eq!(r.method.as_str(), "POST");
            assert_eq!(r.url.query(), None, "nothing travels in the token URL");
            assert_eq!(
                r.headers.get("content-type").unwrap(),
                "application/x-www-form-urlencoded"
            );
            let body = std::str::from_utf8(&r.body).unwrap();
            let parsed = reqwest::Url::parse(&format!("http://form/?{body}")).unwrap();
            parsed.query_pairs().into_owned().collect()
        })
        .collect()
}

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn client(server: &MockServer, provider: RefreshingTokenProvider) -> Client {
    Client::builder(Auth::provider(provider))
        .base_url(server.uri())
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap()
}

async fn inboxes_endpoint(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path(INBOXES))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": [], "total": 0})))
        .mount(server)
        .await;
}

/// Every text form of an error: `Display`, `Debug`, alternate `Debug`, and each source's.
fn every_form(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = format!("{error}\n{error:?}\n{error:#?}\n");
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(&format!("{inner}\n{inner:?}\n"));
        source = inner.source();
    }
    text
}

#[test]
fn the_authorize_url_is_hubspots_with_every_value_encoded() {
    let app = OAuthApp::new("5c1e-client", CLIENT_SECRET, REDIRECT);
    let url = app
        .authorize_url(["oauth", "conversations.read", "conversations.write"])
        .optional_scopes(["crm.objects.contacts.read", "tickets"])
        .state("user=42&nonce=a b");
    assert_eq!(
        url.to_string(),
        "https://app.hubspot.com/oauth/authorize?client_id=5c1e-client\
         &redirect_uri=https%3A%2F%2Fexample.com%2Foauth%2Fcallback\
         &scope=oauth%20conversations.read%20conversations.write\
         &optional_scope=crm.objects.contacts.read%20tickets\
         &state=user%3D42%26nonce%3Da%20b"
    );
    assert!(!url.to_string().contains(CLIENT_SECRET));
    let plain = app.authorize_url(["oauth"]).to_string();
    assert_eq!(
        plain,
        "https://app.hubspot.com/oauth/authorize?client_id=5c1e-client\
         &redirect_uri=https%3A%2F%2Fexample.com%2Foauth%2Fcallback&scope=oauth"
    );
}

#[tokio::test]
async fn a_code_exchange_posts_a_form_body_and_types_the_answer() {
    let server = MockServer::start().await;
    token_endpoint(&server, vec![tokens("access-1", "refresh-1", 1800)]).await;
    let before = tokio::time::Instant::now();
    let issued = app(&server).exchange_code(CODE).await.unwrap();
    let after = tokio::time::Instant::now();

    assert_eq!(
        token_requests(&server).await,
        [fields(&[
            ("grant_type", "authorization_code"),
            ("redirect_uri", REDIRECT),
            ("code", CODE),
            ("client_id", "client-1"),
            ("client_secret", CLIENT_SECRET),
        ])]
    );
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(request.headers.get("accept").unwrap(), "application/json");
    assert_eq!(issued.access_token.expose(), "access-1");
    assert_eq!(issued.refresh_token.expose(), "refresh-1");
    assert_eq!(issued.token_type.as_deref(), Some("bearer"));
    assert_eq!(issued.expires_in, Duration::from_secs(1800));
    let lifetime = Duration::from_secs(1800);
    assert!(before + lifetime <= issued.expires_at && issued.expires_at <= after + lifetime);
}

#[tokio::test]
async fn a_refresh_posts_the_refresh_token() {
    let server = MockServer::start().await;
    token_endpoint(&server, vec![tokens("access-2", "refresh-1", 1800)]).await;
    let refreshed = app(&server).refresh(&"refresh-1".into()).await.unwrap();
    assert_eq!(
        token_requests(&server).await,
        [fields(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", "refresh-1"),
            ("client_id", "client-1"),
            ("client_secret", CLIENT_SECRET),
        ])]
    );
    assert_eq!(refreshed.access_token.expose(), "access-2");
}

#[tokio::test]
async fn twenty_concurrent_calls_refresh_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(tokens("access-1", "refresh-1", 1800).set_delay(Duration::from_millis(200)))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(INBOXES))
        .and(header("authorization", "Bearer access-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": [], "total": 0})))
        .expect(20)
        .mount(&server)
        .await;
    let provider = RefreshingTokenProvider::new(app(&server), "refresh-0");
    let client = client(&server, provider);

    let calls = (0..20).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.list_inboxes().send().await })
    });
    for outcome in futures::future::join_all(calls).await {
        outcome.unwrap().unwrap();
    }
    assert_eq!(token_requests(&server).await.len(), 1);
}

#[tokio::test]
async fn a_rotated_refresh_token_replaces_the_old_one() {
    let server = MockServer::start().await;
    // The first answer expires at once, so the second call refreshes again.
    let answers = vec![
        tokens("access-1", "refresh-2", 0),
        tokens("access-2", "refresh-3", 1800),
    ];
    token_endpoint(&server, answers).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let hook_seen = seen.clone();
    let provider = RefreshingTokenProvider::new(app(&server), "refresh-1").on_refresh(move |t| {
        let pair = (
            t.access_token.expose().to_owned(),
            t.refresh_token.expose().to_owned(),
        );
        hook_seen.lock().unwrap().push(pair);
    });

    assert_eq!(provider.access_token().await.unwrap().expose(), "access-1");
    assert_eq!(provider.access_token().await.unwrap().expose(), "access-2");
    assert_eq!(provider.access_token().await.unwrap().expose(), "access-2");
    let sent: Vec<String> = token_requests(&server)
        .await
        .iter()
        .map(|form| {
            form.iter()
                .find(|(k, _)| k == "refresh_token")
                .unwrap()
                .1
                .clone()
        })
        .collect();
    assert_eq!(sent, ["refresh-1", "refresh-2"]);
    assert_eq!(provider.refresh_token().await.expose(), "refresh-3");
    assert_eq!(
        *seen.lock().unwrap(),
        [
            ("access-1".to_owned(), "refresh-2".to_owned()),
            ("access-2".to_owned(), "refresh-3".to_owned())
        ]
    );
}

/// Starts a provider from an exchange answering `expires_in` seconds, then pauses tokio's
/// clock: the test advances it and resumes it before the provider may need the network.
async fn paused_after_exchange(
    server: &MockServer,
    expires_in: u64,
    margin: Option<Duration>,
) -> RefreshingTokenProvider {
    let answers = vec![
        tokens("access-1", "refresh-1", expires_in),
        tokens("access-2", "refresh-1", 1800),
    ];
    token_endpoint(server, answers).await;
    let issued = app(server).exchange_code(CODE).await.unwrap();
    let provider = RefreshingTokenProvider::from_tokens(app(server), issued);
    tokio::time::pause();
    match margin {
        Some(margin) => provider.margin(margin),
        None => provider,
    }
}

/// The token after advancing the paused clock by `elapsed` (resuming it first when the
/// provider is expected to refresh, so the request's timeouts run on real time).
async fn token_after(
    provider: &RefreshingTokenProvider,
    elapsed: Duration,
    refresh: bool,
) -> String {
    tokio::time::advance(elapsed).await;
    if refresh {
        tokio::time::resume();
    }
    provider.access_token().await.unwrap().expose().to_owned()
}

#[tokio::test]
async fn tokens_are_refreshed_the_margin_before_they_expire() {
    // Default margin, five minutes: a 30-minute token is used for 25.
    let server = MockServer::start().await;
    let provider = paused_after_exchange(&server, 1800, None).await;
    assert_eq!(
        token_after(&provider, Duration::from_secs(1499), false).await,
        "access-1"
    );
    assert_eq!(token_requests(&server).await.len(), 1, "the exchange only");
    assert_eq!(
        token_after(&provider, Duration::from_secs(1), true).await,
        "access-2"
    );
    assert_eq!(token_requests(&server).await.len(), 2);
}

#[tokio::test]
async fn the_margin_is_configurable_and_at_most_half_the_lifetime() {
    let server = MockServer::start().await;
    let provider = paused_after_exchange(&server, 1800, Some(Duration::from_secs(60))).await;
    assert_eq!(
        token_after(&provider, Duration::from_secs(1739), false).await,
        "access-1"
    );
    assert_eq!(
        token_after(&provider, Duration::from_secs(1), true).await,
        "access-2"
    );

    // A one-minute token with the five-minute default is refreshed after 30 s, not every time.
    let server = MockServer::start().await;
    let provider = paused_after_exchange(&server, 60, None).await;
    assert_eq!(
        token_after(&provider, Duration::from_secs(29), false).await,
        "access-1"
    );
    assert_eq!(
        token_after(&provider, Duration::from_secs(1), true).await,
        "access-2"
    );
}

#[tokio::test]
async fn hubspot_error_bodies_are_typed() {
    let server = MockServer::start().await;
    token_endpoint(&server, vec![invalid_grant()]).await;
    let err = app(&server).refresh(&"refresh-9".into()).await.unwrap_err();
    let OAuthError::Rejected(rejection) = &err else {
        panic!("expected a rejection, got {err:?}");
    };
    assert_eq!(rejection.status, 400);
    let body = rejection.body.as_ref().unwrap();
    assert_eq!(body.error.as_deref(), Some("invalid_grant"));
    assert_eq!(body.status.as_deref(), Some("BAD_REFRESH_TOKEN"));
    assert_eq!(
        body.correlation_id.as_deref(),
        Some("5d0b3f6e-7c1a-4d2b-9e8f-0a1b2c3d4e5f")
    );
    assert!(err.is_invalid_grant() && !err.is_retryable());
    assert_eq!(
        err.to_string(),
        "HubSpot refused the OAuth token request (400 Bad Request): invalid_grant: refresh \
         token is invalid, expired or revoked (status BAD_REFRESH_TOKEN) \
         (correlationId 5d0b3f6e-7c1a-4d2b-9e8f-0a1b2c3d4e5f)"
    );

    // A success status without a token is a decode error naming the field.
    let server = MockServer::start().await;
    let no_token = ResponseTemplate::new(200).set_body_json(json!({"expires_in": 1800}));
    token_endpoint(&server, vec![no_token]).await;
    let err = app(&server).exchange_code(CODE).await.unwrap_err();
    assert!(
        matches!(&err, OAuthError::Decode { message, .. }
            if message.starts_with("missing field `access_token`")),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_failed_refresh_fails_the_call_before_it_is_sent_and_is_tried_again() {
    let server = MockServer::start().await;
    token_endpoint(
        &server,
        vec![invalid_grant(), tokens("access-1", "refresh-1", 1800)],
    )
    .await;
    inboxes_endpoint(&server).await;
    let client = client(
        &server,
        RefreshingTokenProvider::new(app(&server), "refresh-0"),
    );

    let err = client.list_inboxes().send().await.unwrap_err();
    let Error::TokenProvider(inner) = &err else {
        panic!("expected a token provider error, got {err:?}");
    };
    let oauth = inner
        .downcast_ref::<OAuthError>()
        .expect("an OAuthError inside");
    assert!(oauth.is_invalid_grant());
    assert!(
        err.to_string()
            .starts_with("HubSpot refused the OAuth token request (400"),
        "{err}"
    );
    assert_eq!(err.status(), None, "the API request was never sent");
    assert!(!err.is_retryable());
    let received = server.received_requests().await.unwrap();
    assert!(received.iter().all(|r| r.url.path() == TOKEN_PATH));

    client.list_inboxes().send().await.unwrap();
    assert_eq!(token_requests(&server).await.len(), 2);
}

#[tokio::test]
async fn a_token_endpoint_that_does_not_answer_is_a_retryable_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let app = OAuthApp::new("client-1", CLIENT_SECRET, REDIRECT).with_base_url(&closed);
    let provider = RefreshingTokenProvider::new(app, "refresh-secret-0");
    let err = provider.token().await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(err.is_retryable());
    let shown = every_form(&err);
    assert!(shown.contains(TOKEN_PATH), "{shown}");
    assert!(!shown.contains("secret"), "{shown}");
}

#[tokio::test]
async fn a_base_url_with_a_query_or_a_fragment_is_refused_as_the_client_refuses_it() {
    let server = MockServer::start().await;
    token_endpoint(&server, vec![tokens("access-1", "refresh-1", 1800)]).await;
    for suffix in ["/?portal=1", "?portal=1", "/#top", "#"] {
        let url = format!("{}{suffix}", server.uri());
        let app = OAuthApp::new("client-1", CLIENT_SECRET, REDIRECT).with_base_url(&url);
        let err = app.exchange_code(CODE).await.unwrap_err();
        assert!(
            matches!(err, OAuthError::InvalidBaseUrl(_)),
            "{url}: {err:?}"
        );
        assert!(!err.is_retryable());
        assert_eq!(err.status(), None);
        let provider = RefreshingTokenProvider::new(app, "refresh-secret-0");
        let err = provider.token().await.unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{url}: {err:?}");
        assert!(!err.is_retryable());
        let refused = Client::builder(Auth::private_app_token("pat"))
            .base_url(&url)
            .build()
            .unwrap_err();
        assert_eq!(err.to_string(), refused.to_string());
        assert!(err.to_string().contains("a query or a fragment"), "{err}");
    }
    let err = OAuthApp::new("client-1", CLIENT_SECRET, REDIRECT)
        .with_base_url("not a url")
        .exchange_code(CODE)
        .await
        .unwrap_err();
    assert!(matches!(err, OAuthError::InvalidBaseUrl(_)), "{err:?}");
    let received = server.received_requests().await.unwrap();
    assert!(received.is_empty(), "nothing was sent");
    // The same server without the query or the fragment answers.
    let url = format!("{}/", server.uri());
    let app = OAuthApp::new("client-1", CLIENT_SECRET, REDIRECT).with_base_url(url);
    assert_eq!(
        app.exchange_code(CODE).await.unwrap().access_token.expose(),
        "access-1"
    );
}

#[tokio::test]
async fn secrets_never_show_in_errors_debug_or_logs() {
    let server = MockServer::start().await;
    // A proxy page that echoes the form body back.
    let echo = |request: &Request| {
        ResponseTemplate::new(502)
            .set_body_string(String::from_utf8_lossy(&request.body).into_owned())
    };
    Mock::given(method("POST"))
        .respond_with(echo)
        .mount(&server)
        .await;
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(captured.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let oauth_app = app(&server);
    let exchange = oauth_app.exchange_code(CODE).await.unwrap_err();
    // Another test's thread may have registered the event's callsite as disabled (with one
    // scoped subscriber, tracing consults the registering thread's); now it is registered,
    // recompute its interest here so the calls below are logged.
    tracing::callsite::rebuild_interest_cache();
    let refresh = oauth_app
        .refresh(&"refresh-secret-1".into())
        .await
        .unwrap_err();
    let provider = RefreshingTokenProvider::new(oauth_app.clone(), "refresh-secret-2");
    let through_client = client(&server, provider.clone())
        .list_inboxes()
        .send()
        .await
        .unwrap_err();

    let mut shown = every_form(&exchange) + &every_form(&refresh) + &every_form(&through_client);
    shown += &format!(
        "{oauth_app:?}\n{provider:?}\n{:?}\n",
        provider.refresh_token().await
    );
    shown += &captured.text();
    for secret in [CLIENT_SECRET, CODE, "refresh-secret-1", "refresh-secret-2"] {
        assert!(!shown.contains(secret), "{secret} shown in:\n{shown}");
    }
    assert!(shown.contains("client_secret=<redacted>"), "{shown}");
    assert!(
        captured.text().contains("HubSpot OAuth token request"),
        "{}",
        captured.text()
    );
    assert!(!exchange.is_invalid_grant() && exchange.is_retryable());

    // Tokens HubSpot issues are redacted too.
    let server = MockServer::start().await;
    token_endpoint(
        &server,
        vec![tokens("access-secret-3", "refresh-secret-4", 1800)],
    )
    .await;
    let issued = app(&server).exchange_code(CODE).await.unwrap();
    let shown = format!("{issued:?} {issued:#?}");
    assert!(!shown.contains("secret"), "{shown}");
}
