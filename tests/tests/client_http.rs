//! End-to-end: every operation of `generated-client` sends the right request over real HTTP to a
//! local mock server (wiremock) and decodes the answer; errors carry HubSpot's parsed body.

use std::time::Duration;

use conversations_tests::fixture;
use generated_client::models::*;
use generated_client::operations::BatchReadActorsResponse;
use generated_client::runtime::RetryPolicy;
use generated_client::{Auth, Client, Error};
use serde_json::{json, Value};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

async fn server() -> (MockServer, Client) {
    let server = MockServer::start().await;
    // Quick retries keep the tests fast; the retry rules themselves are tested elsewhere.
    let client = Client::builder(Auth::private_app_token("pat-test-token"))
        .base_url(server.uri())
        .retry(RetryPolicy::default().initial_backoff(Duration::from_millis(5)))
        .build()
        .unwrap();
    (server, client)
}

fn ok(status: u16, body: Value) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(body)
}

/// The query string of the one request the server received.
async fn only_query(server: &MockServer) -> String {
    let requests: Vec<Request> = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    requests[0].url.query().unwrap_or_default().to_owned()
}

const THREADS: &str = "/conversations/v3/conversations/threads";

#[tokio::test]
async fn get_thread_sends_bearer_auth_and_decodes_the_thread() {
    let (server, client) = server().await;
    Mock::given(method("GET"))
        .and(path(format!("{THREADS}/7315416722")))
        .and(header("authorization", "Bearer pat-test-token"))
        .respond_with(ok(200, fixture("Thread", "open_assigned.json")))
        .expect(1)
        .mount(&server)
        .await;
    let thread = client
        .get_thread(7315416722)
        .archived(false)
        .association([ThreadAssociationType::Ticket])
        .send()
        .await
        .unwrap();
    assert_eq!(thread.status, ThreadStatus::Open);
    assert_eq!(
        only_query(&server).await,
        "archived=false&association=TICKET"
    );
    let ua = server.received_requests().await.unwrap()[0].headers["user-agent"].clone();
    assert!(ua.to_str().unwrap().starts_with("generated-client/"));
}

#[tokio::test]
async fn list_threads_repeats_array_parameters_and_formats_date_times() {
    let (server, client) = server().await;
    Mock::given(method("GET"))
        .and(path(THREADS))
        .respond_with(ok(200, fixture("ThreadPage", "with_next.json")))
        .mount(&server)
        .await;
    let after: chrono::DateTime<chrono::Utc> = "2024-03-18T14:22:05Z".parse().unwrap();
    let page = client
        .list_threads()
        .inbox_id(vec![1001, 1002])
        .limit(50)
        .thread_status(ThreadStatus::Open)
        .latest_message_timestamp_after(after)
        .sort(["latestMessageTimestamp".to_owned()])
        .after("MTAx")
        .send()
        .await
        .unwrap();
    assert!(page.paging.and_then(|p| p.next).is_some());
    assert_eq!(
        only_query(&server).await,
        "after=MTAx&inboxId=1001&inboxId=1002&latestMessageTimestampAfter=2024-03-18T14%3A22%3A05Z\
         &limit=50&sort=latestMessageTimestamp&threadStatus=OPEN"
    );
}

#[tokio::test]
async fn send_message_posts_the_draft_and_decodes_the_created_message() {
    let (server, client) = server().await;
    let draft_json = fixture("MessageDraft", "message_file.json");
    Mock::given(method("POST"))
        .and(path(format!("{THREADS}/42/messages")))
        .and(header("content-type", "application/json"))
        .and(body_json(&draft_json))
        .respond_with(ok(201, fixture("Message", "message.json")))
        .expect(1)
        .mount(&server)
        .await;
    let draft: MessageDraft = serde_json::from_value(draft_json).unwrap();
    let sent = client.send_message(42, draft).send().await.unwrap();
    assert!(matches!(sent, Message::Message(_)), "{sent:?}");
}

#[tokio::test]
async fn batch_read_distinguishes_200_from_207() {
    let (server, client) = server().await;
    let request = ActorBatchRequest {
        inputs: vec!["A-1".into(), "V-2".into()],
    };
    Mock::given(method("POST"))
        .and(path("/conversations/v3/conversations/actors/batch/read"))
        .and(body_json(json!({"inputs": ["A-1", "V-2"]})))
        .respond_with(ok(207, fixture("ActorBatchWithErrors", "partial.json")))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/conversations/v3/conversations/actors/batch/read"))
        .respond_with(ok(200, fixture("ActorBatch", "complete.json")))
        .mount(&server)
        .await;
    let first = client
        .batch_read_actors(request.clone())
        .send()
        .await
        .unwrap();
    let BatchReadActorsResponse::MultiStatus(partial) = first else {
        panic!("expected 207, got {first:?}");
    };
    assert!(!partial.errors.unwrap_or_default().is_empty());
    let second = client.batch_read_actors(request).send().await.unwrap();
    assert!(
        matches!(second, BatchReadActorsResponse::Ok(_)),
        "{second:?}"
    );
}

#[tokio::test]
async fn no_content_responses_return_unit() {
    let (server, client) = server().await;
    Mock::given(method("DELETE"))
        .and(path(format!("{THREADS}/9")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/conversations/conversations/v3/threads/9/assignee"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    client.archive_thread(9).send().await.unwrap();
    client.unassign_thread(9).send().await.unwrap();
}

#[tokio::test]
async fn path_parameters_are_percent_encoded() {
    let (server, client) = server().await;
    Mock::given(method("GET"))
        .respond_with(ok(200, fixture("Message", "comment.json")))
        .mount(&server)
        .await;
    client.get_message(5, "a/../b?x=1#f").send().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        requests[0].url.path(),
        "/conversations/v3/conversations/threads/5/messages/a%2F..%2Fb%3Fx%3D1%23f"
    );
    assert_eq!(requests[0].url.query(), None);
}

#[tokio::test]
async fn api_errors_carry_status_and_hubspot_error_body() {
    let (server, client) = server().await;
    Mock::given(method("GET"))
        .respond_with(ok(404, fixture("ErrorResponse", "full.json")))
        .mount(&server)
        .await;
    let err = client.get_inbox(77).send().await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    let expected = fixture("ErrorResponse", "full.json");
    assert_eq!(err.correlation_id(), expected["correlationId"].as_str());
    let Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}");
    };
    let body = api.body.as_ref().expect("the error body parses");
    assert_eq!(body.category.as_deref(), expected["category"].as_str());
    assert_eq!(
        body.errors.as_ref().map(Vec::len),
        expected["errors"].as_array().map(Vec::len)
    );
    assert!(err.to_string().contains("404"), "{err}");
}

#[tokio::test]
async fn a_non_json_error_body_is_kept_raw() {
    let (server, client) = server().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(502).set_body_string("<html>Bad gateway</html>"))
        .mount(&server)
        .await;
    let err = client.get_channel(3).send().await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert!(api.body.is_none());
    assert_eq!(api.raw, "<html>Bad gateway</html>");
}

#[tokio::test]
async fn a_malformed_success_body_is_a_decode_error_with_a_snippet() {
    let (server, client) = server().await;
    Mock::given(method("GET"))
        .respond_with(ok(200, json!({"id": "1", "name": 5})))
        .mount(&server)
        .await;
    let err = client.get_channel(3).send().await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert!(err.to_string().contains(r#"{"id":"1","name":5}"#), "{err}");
}

#[tokio::test]
async fn the_token_never_shows_in_debug_output() {
    let client = Client::new(Auth::oauth_token("super-secret-oauth"));
    let shown = format!("{client:?} {:?}", client.get_thread(1));
    assert!(!shown.contains("super-secret-oauth"), "{shown}");
}

/// Mounts a mock that must be hit exactly once: `verb path`, the bearer token, exactly the
/// given query string (order as sent), the JSON body when given, answering `status` with a
/// fixture (or nothing).
async fn expect_call(
    server: &MockServer,
    verb: &str,
    route: &str,
    query: &str,
    body: Option<Value>,
    status: u16,
    answer: Option<(&str, &str)>,
) {
    let expected_query = query.to_owned();
    let mut mock = Mock::given(method(verb))
        .and(path(route))
        .and(header("authorization", "Bearer pat-test-token"))
        .and(move |request: &Request| request.url.query().unwrap_or_default() == expected_query);
    mock = match body {
        Some(body) => mock
            .and(header("content-type", "application/json"))
            .and(body_json(body)),
        None => mock.and(|request: &Request| request.body.is_empty()),
    };
    let response = match answer {
        Some((dir, file)) => ok(status, fixture(dir, file)),
        None => ResponseTemplate::new(status),
    };
    mock.respond_with(response)
        .expect(1)
        .named(format!("{verb} {route}"))
        .mount(server)
        .await;
}

/// Every one of the 19 operations, called with realistic arguments (optional parameters set),
/// sends exactly the expected method, path, query, auth header and body, and decodes a
/// realistic answer.
#[tokio::test]
async fn all_nineteen_operations_send_exact_requests_and_decode_answers() {
    let (server, client) = server().await;
    let s = &server;
    let t = "/conversations/v3/conversations/threads/14";
    expect_call(
        s,
        "GET",
        "/conversations/v3/conversations/inboxes",
        "after=c1&archived=false&defaultPageLength=20&limit=10&sort=-createdAt",
        None,
        200,
        Some(("InboxPage", "with_paging.json")),
    )
    .await;
    expect_call(
        s,
        "GET",
        "/conversations/v3/conversations/inboxes/11",
        "archived=true",
        None,
        200,
        Some(("Inbox", "inbox.json")),
    )
    .await;
    expect_call(
        s,
        "GET",
        "/conversations/v3/conversations/channels",
        "after=abc&limit=5",
        None,
        200,
        Some(("ChannelPage", "with_paging.json")),
    )
    .await;
    expect_call(
        s,
        "GET",
        "/conversations/v3/conversations/channels/12",
        "",
        None,
        200,
        Some(("Channel", "email.json")),
    )
    .await;
    expect_call(
        s,
        "GET",
        "/conversations/v3/conversations/channel-accounts",
        "channelId=12&channelId=13&inboxId=11",
        None,
        200,
        Some(("ChannelAccountPage", "with_paging.json")),
    )
    .await;
    expect_call(
        s,
        "GET",
        "/conversations/v3/conversations/channel-accounts/13",
        "archived=false",
        None,
        200,
        Some(("ChannelAccount", "email.json")),
    )
    .await;
    expect_call(
        s,
        "GET",
        THREADS,
        "archived=false&associatedContactId=501&association=TICKET&threadStatus=OPEN",
        None,
        200,
        Some(("ThreadPage", "with_next.json")),
    )
    .await;
    expect_call(
        s,
        "GET",
        t,
        "association=TICKET&property=hs_thread_id",
        None,
        200,
        Some(("Thread", "closed.json")),
    )
    .await;
    expect_call(
        s,
        "PATCH",
        t,
        "",
        Some(json!({"status": "CLOSED"})),
        200,
        Some(("Thread", "closed.json")),
    )
    .await;
    expect_call(s, "DELETE", t, "", None, 204, None).await;
    expect_call(
        s,
        "PUT",
        "/conversations/conversations/v3/threads/14/assignee",
        "",
        Some(json!({"actorId": "A-1"})),
        200,
        Some(("Thread", "open_assigned.json")),
    )
    .await;
    expect_call(
        s,
        "DELETE",
        "/conversations/conversations/v3/threads/14/assignee",
        "",
        None,
        204,
        None,
    )
    .await;
    expect_call(
        s,
        "GET",
        &format!("{t}/messages"),
        "archived=false&limit=5&sort=-createdAt",
        None,
        200,
        Some(("MessagePage", "with_next.json")),
    )
    .await;
    let draft = fixture("MessageDraft", "comment.json");
    expect_call(
        s,
        "POST",
        &format!("{t}/messages"),
        "",
        Some(draft.clone()),
        201,
        Some(("Message", "comment.json")),
    )
    .await;
    expect_call(
        s,
        "GET",
        &format!("{t}/messages/m1"),
        "property=hs_body",
        None,
        200,
        Some(("Message", "welcome_message.json")),
    )
    .await;
    expect_call(
        s,
        "GET",
        &format!("{t}/messages/m1/original-content"),
        "",
        None,
        200,
        Some(("MessageContent", "full.json")),
    )
    .await;
    expect_call(
        s,
        "GET",
        "/conversations/v3/conversations/actors/A-1",
        "property=email",
        None,
        200,
        Some(("Actor", "agent.json")),
    )
    .await;
    expect_call(
        s,
        "POST",
        "/conversations/v3/conversations/actors/batch/read",
        "",
        Some(json!({"inputs": ["A-1", "V-2"]})),
        207,
        Some(("ActorBatchWithErrors", "partial.json")),
    )
    .await;
    let token = fixture("VisitorTokenRequest", "full.json");
    expect_call(
        s,
        "POST",
        "/visitor-identification/v3/tokens/create",
        "",
        Some(token.clone()),
        200,
        Some(("VisitorToken", "token.json")),
    )
    .await;

    let page = client
        .list_inboxes()
        .after("c1")
        .archived(false)
        .default_page_length(20)
        .limit(10)
        .sort(["-createdAt".to_owned()])
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.results.len(),
        fixture("InboxPage", "with_paging.json")["results"]
            .as_array()
            .unwrap()
            .len()
    );
    client.get_inbox(11).archived(true).send().await.unwrap();
    client
        .list_channels()
        .after("abc")
        .limit(5)
        .send()
        .await
        .unwrap();
    client.get_channel(12).send().await.unwrap();
    client
        .list_channel_accounts()
        .channel_id([12, 13])
        .inbox_id([11])
        .send()
        .await
        .unwrap();
    client
        .get_channel_account(13)
        .archived(false)
        .send()
        .await
        .unwrap();
    client
        .list_threads()
        .archived(false)
        .associated_contact_id(501)
        .association([ThreadAssociationType::Ticket])
        .thread_status(ThreadStatus::Open)
        .send()
        .await
        .unwrap();
    client
        .get_thread(14)
        .association([ThreadAssociationType::Ticket])
        .property("hs_thread_id")
        .send()
        .await
        .unwrap();
    let closed = client
        .update_thread(
            14,
            ThreadUpdate {
                archived: None,
                status: Some(ThreadStatus::Closed),
            },
        )
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status, ThreadStatus::Closed);
    client.archive_thread(14).send().await.unwrap();
    let assigned = client
        .assign_thread(
            14,
            ThreadAssignment {
                actor_id: "A-1".into(),
            },
        )
        .send()
        .await
        .unwrap();
    assert!(assigned.assigned_to.is_some());
    client.unassign_thread(14).send().await.unwrap();
    client
        .list_messages(14)
        .archived(false)
        .limit(5)
        .sort(["-createdAt".to_owned()])
        .send()
        .await
        .unwrap();
    let sent = client
        .send_message(14, serde_json::from_value(draft).unwrap())
        .send()
        .await
        .unwrap();
    assert!(matches!(sent, Message::Comment(_)), "{sent:?}");
    let welcome = client
        .get_message(14, "m1")
        .property("hs_body")
        .send()
        .await
        .unwrap();
    assert!(matches!(welcome, Message::WelcomeMessage(_)), "{welcome:?}");
    client.get_original_content(14, "m1").send().await.unwrap();
    let actor = client
        .get_actor("A-1")
        .property("email")
        .send()
        .await
        .unwrap();
    assert!(matches!(actor, Actor::Agent(_)), "{actor:?}");
    let batch = client
        .batch_read_actors(ActorBatchRequest {
            inputs: vec!["A-1".into(), "V-2".into()],
        })
        .send()
        .await
        .unwrap();
    assert!(
        matches!(batch, BatchReadActorsResponse::MultiStatus(_)),
        "{batch:?}"
    );
    let visitor = client
        .create_visitor_token(serde_json::from_value(token).unwrap())
        .send()
        .await
        .unwrap();
    assert!(!visitor.token.is_empty());

    assert_eq!(server.received_requests().await.unwrap().len(), 19);
    server.verify().await;
}
