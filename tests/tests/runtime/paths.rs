//! Path parameters never leave their operation's path template: a value of `.` or `..`, which
//! URL parsing would resolve away (sending the request, token and all, to another endpoint), and
//! an empty value, which would hit the collection's URL, are refused before anything is sent.

use generated_client::runtime::Error;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer};

use crate::{client, json_response, requests, thread_json, THREADS};

/// A server answering every request with a thread, so a misrouted request would succeed.
async fn answering_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(json_response(200, thread_json("1")))
        .mount(&server)
        .await;
    server
}

fn assert_names_thread_id(err: &Error, what: &str) {
    assert!(matches!(err, Error::InvalidArgument(_)), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("`threadId`"), "{text}");
    assert!(text.contains("getThread"), "{text}");
    assert!(text.contains(what), "{text}");
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn a_dot_segment_path_parameter_is_refused_before_sending() {
    let server = answering_server().await;
    let client = client(&server);
    for id in [".", ".."] {
        let err = client.get_thread(id).send().await.unwrap_err();
        assert_names_thread_id(&err, &format!("{id:?}"));
    }
    let sent = requests(&server).await;
    assert!(
        sent.is_empty(),
        "sent: {:?}",
        sent.iter().map(|r| r.url.path()).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn an_empty_path_parameter_is_refused_before_sending() {
    let server = answering_server().await;
    let err = client(&server).get_thread("").send().await.unwrap_err();
    assert_names_thread_id(&err, "empty");
    assert!(requests(&server).await.is_empty());
}

#[tokio::test]
async fn values_with_dots_that_are_not_dot_segments_are_sent_as_they_are() {
    let server = answering_server().await;
    let client = client(&server);
    for id in ["...", "a..", ".b", "%2E%2E", "a/../b"] {
        client.get_thread(id).send().await.unwrap();
    }
    let paths: Vec<String> = requests(&server)
        .await
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    let expected: Vec<String> = ["...", "a..", ".b", "%252E%252E", "a%2F..%2Fb"]
        .iter()
        .map(|segment| format!("{THREADS}/{segment}"))
        .collect();
    assert_eq!(paths, expected);
}
