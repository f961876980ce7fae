//! Client configuration: default headers, the user agent, a caller's own reqwest client, and
//! base URLs that could misroute requests.

use conversations_tests::fixture;
use generated_client::runtime::{Error, Method};
use wiremock::matchers::{any, header, method};
use wiremock::{Mock, MockServer};

use crate::{builder, comment_draft, json_response, requests, thread_json};

#[tokio::test]
async fn default_headers_and_the_user_agent_go_on_every_request() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(json_response(200, fixture("Channel", "email.json")))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(json_response(201, fixture("Message", "comment.json")))
        .mount(&server)
        .await;
    let client = builder(&server)
        .default_header("x-team".parse().unwrap(), "support".parse().unwrap())
        .user_agent("my-app/1.0")
        .build()
        .unwrap();
    client.get_channel(1).send().await.unwrap();
    client
        .send_message(2, comment_draft())
        .send()
        .await
        .unwrap();
    client
        .request(Method::GET, "/anything")
        .send()
        .await
        .unwrap();
    let received = requests(&server).await;
    assert_eq!(received.len(), 3);
    for r in &received {
        assert_eq!(r.headers["x-team"], "support", "{}", r.url);
        let ua = r.headers["user-agent"].to_str().unwrap();
        assert!(ua.starts_with("my-app/1.0 generated-client/"), "{ua}");
        assert_eq!(
            r.headers["authorization"].to_str().unwrap(),
            "Bearer pat-secret-token"
        );
    }
}

#[tokio::test]
async fn a_caller_supplied_reqwest_client_is_used() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("x-from-custom-client", "yes"))
        .respond_with(json_response(200, thread_json("7")))
        .expect(1)
        .mount(&server)
        .await;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-from-custom-client", "yes".parse().unwrap());
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap();
    let client = builder(&server).http_client(http).build().unwrap();
    client.get_thread(7).send().await.unwrap();
    server.verify().await;
}

/// Base URLs whose query or fragment would swallow every request's path.
fn misrouting_base_urls(server: &MockServer) -> Vec<String> {
    let uri = server.uri();
    vec![
        format!("{uri}/?portal=1"),
        format!("{uri}?"),
        format!("{uri}/#top"),
        format!("{uri}#"),
    ]
}

#[tokio::test]
async fn a_base_url_with_a_query_or_fragment_is_refused_when_the_client_is_built() {
    let server = MockServer::start().await;
    for base_url in misrouting_base_urls(&server) {
        let err = builder(&server).base_url(&base_url).build().unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{err:?}");
        let text = err.to_string();
        assert!(text.contains(&format!("{base_url:?}")), "{text}");
    }
}

#[tokio::test]
async fn with_base_url_and_a_query_or_fragment_fails_the_first_request_before_sending() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(json_response(200, thread_json("1")))
        .mount(&server)
        .await;
    let client = builder(&server).build().unwrap();
    for base_url in misrouting_base_urls(&server) {
        let err = client
            .clone()
            .with_base_url(&base_url)
            .get_thread(1)
            .send()
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{err:?}");
        assert!(err.to_string().contains(&format!("{base_url:?}")), "{err}");
    }
    assert!(requests(&server).await.is_empty());
}
