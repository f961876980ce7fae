//! The bearer token stays secret: never in `Debug` output of the configuration or in any
//! error, and never sent to another host than the configured one.

use std::time::Duration;

use conversations_tests::fixture;
use generated_client::runtime::{Auth, Client, Error, Method, RetryPolicy};
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{assert_redacted, builder, client, json_response, requests, TOKEN};

#[tokio::test]
async fn the_token_never_shows_in_configuration() {
    let server = MockServer::start().await;
    let shown_config = [
        format!("{:?}", Auth::private_app_token(TOKEN)),
        format!("{:?}", Auth::oauth_token(TOKEN)),
        format!(
            "{:?}",
            Auth::provider(|| async { Ok::<_, Error>(TOKEN.to_owned()) })
        ),
        format!("{:?}", builder(&server)),
        format!("{:?}", Client::new(Auth::oauth_token(TOKEN))),
        format!(
            "{:?}",
            Client::builder(Auth::provider(|| async {
                Ok::<_, Error>(TOKEN.to_owned())
            }))
            .build()
            .unwrap()
        ),
    ];
    for shown in &shown_config {
        assert!(!shown.contains(TOKEN), "{shown}");
        assert!(shown.contains("<redacted>"), "{shown}");
    }
    let client = client(&server);
    let shown = format!(
        "{client:?} {:?} {:?}",
        client.get_thread(1),
        client.request(Method::GET, "/x").header("X-Extra", "1")
    );
    assert!(!shown.contains(TOKEN), "{shown}");
}

/// Answers on `server` that fail a request: HubSpot's 404 error body (`/api-error`), a 502 that
/// is not JSON (`/raw-error`), a success body cut short (`/bad-json`), and one too slow for a
/// 200 ms timeout (`/slow`).
async fn mount_failures(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/api-error"))
        .respond_with(json_response(404, fixture("ErrorResponse", "minimal.json")))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/raw-error"))
        .respond_with(ResponseTemplate::new(502).set_body_string("<html>Bad gateway</html>"))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/bad-json"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"id\": "))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/slow"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(2)))
        .mount(server)
        .await;
}

/// The kind of `error`, by its variant.
fn kind(error: &Error) -> &'static str {
    match error {
        Error::Api(_) => "api",
        Error::Transport(_) => "transport",
        Error::Timeout(_) => "timeout",
        Error::Decode { .. } => "decode",
        Error::UnexpectedStatus { .. } => "unexpected-status",
        Error::InvalidArgument(_) => "invalid-argument",
        Error::MissingCredentials { .. } => "missing-credentials",
        _ => "other",
    }
}

#[tokio::test]
async fn the_token_never_shows_in_errors() {
    let server = MockServer::start().await;
    // One error of each kind the runtime produces. (`UnexpectedStatus` needs an operation with
    // several success bodies, which the vendored spec no longer has: the `bodies` fixture
    // spec's end-to-end tests produce it.)
    mount_failures(&server).await;
    let once = builder(&server)
        .retry(RetryPolicy::disabled())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let mut errors = vec![
        once.request(Method::GET, "/api-error")
            .send()
            .await
            .unwrap_err(),
        once.request(Method::GET, "/raw-error")
            .send()
            .await
            .unwrap_err(),
        once.request(Method::GET, "/bad-json")
            .send_json::<Value>()
            .await
            .unwrap_err(),
        once.request(Method::GET, "/slow").send().await.unwrap_err(),
        // The client holds a bearer token; this operation takes only the developer API key.
        once.list_custom_channels().send().await.unwrap_err(),
        once.request(Method::GET, "/x")
            .header("X-Bad", "a\nb")
            .send()
            .await
            .unwrap_err(),
    ];
    let unreachable = Client::builder(Auth::private_app_token(TOKEN))
        .base_url("http://127.0.0.1:1")
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    errors.push(unreachable.get_thread(1).send().await.unwrap_err());
    let kinds: Vec<&str> = errors.iter().map(kind).collect();
    assert_eq!(
        kinds,
        [
            "api",
            "api",
            "decode",
            "timeout",
            "missing-credentials",
            "invalid-argument",
            "transport"
        ]
    );
    for err in &errors {
        assert_redacted(err);
    }
}

#[tokio::test]
async fn a_redirect_to_another_origin_does_not_carry_the_token() {
    let server = MockServer::start().await;
    let elsewhere = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(302)
                .insert_header("Location", format!("{}/landing", elsewhere.uri()).as_str()),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(json_response(200, fixture("Channel", "email.json")))
        .mount(&elsewhere)
        .await;
    let channel = client(&server).get_channel(1002).send().await.unwrap();
    assert_eq!(channel.id, "1002");
    let followed = requests(&elsewhere).await;
    assert_eq!(followed.len(), 1);
    assert_eq!(followed[0].url.path(), "/landing");
    assert!(
        followed[0].headers.get("authorization").is_none(),
        "{:?}",
        followed[0].headers
    );
}

#[tokio::test]
async fn a_raw_path_cannot_send_the_token_to_another_host() {
    let server = MockServer::start().await;
    let elsewhere = MockServer::start().await;
    for s in [&server, &elsewhere] {
        Mock::given(method("GET"))
            .respond_with(json_response(200, json!({})))
            .mount(s)
            .await;
    }
    let client = builder(&server)
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    // `Client::request` documents that the path is appended to the base URL; with no leading
    // `/` the result is `http://127.0.0.1:A@127.0.0.1:B/steal`, whose host is server B.
    let hijack = format!("@127.0.0.1:{}/steal", elsewhere.address().port());
    let outcome = client.request(Method::GET, hijack).send().await;
    let leaked = requests(&elsewhere).await;
    assert!(
        leaked.is_empty(),
        "the request (Authorization: {:?}) went to another host; outcome {outcome:?}",
        leaked[0]
            .headers
            .get_all("authorization")
            .iter()
            .collect::<Vec<_>>()
    );
}
