//! End-to-end: every operation of `generated-client` sends the right request over real HTTP to a
//! local mock server (wiremock) and decodes the answer; errors carry HubSpot's parsed body.

use std::path::Path;

use generated_client::models::*;
use generated_client::operations::BatchReadActorsResponse;
use generated_client::{Auth, Client, Error};
use serde_json::{json, Value};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn fixture(dir: &str, file: &str) -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/models")
        .join(dir)
        .join(file);
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
}

async fn server() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::new(Auth::private_app_token("pat-test-token")).with_base_url(server.uri());
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

/// Method, path, status and the fixture (folder, file) answered for one operation.
type Route = (
    &'static str,
    &'static str,
    u16,
    Option<(&'static str, &'static str)>,
);

/// Every one of the 19 operations, called with its arguments, hits its method and path and
/// decodes a realistic answer.
#[tokio::test]
async fn all_nineteen_operations_round_trip_over_http() {
    let (server, client) = server().await;
    let routes: &[Route] = &[
        (
            "GET",
            "/conversations/v3/conversations/inboxes",
            200,
            Some(("InboxPage", "with_paging.json")),
        ),
        (
            "GET",
            "/conversations/v3/conversations/inboxes/11",
            200,
            Some(("Inbox", "inbox.json")),
        ),
        (
            "GET",
            "/conversations/v3/conversations/channels",
            200,
            Some(("ChannelPage", "with_paging.json")),
        ),
        (
            "GET",
            "/conversations/v3/conversations/channels/12",
            200,
            Some(("Channel", "email.json")),
        ),
        (
            "GET",
            "/conversations/v3/conversations/channel-accounts",
            200,
            Some(("ChannelAccountPage", "with_paging.json")),
        ),
        (
            "GET",
            "/conversations/v3/conversations/channel-accounts/13",
            200,
            Some(("ChannelAccount", "email.json")),
        ),
        ("GET", THREADS, 200, Some(("ThreadPage", "with_next.json"))),
        (
            "GET",
            "/conversations/v3/conversations/threads/14",
            200,
            Some(("Thread", "closed.json")),
        ),
        (
            "PATCH",
            "/conversations/v3/conversations/threads/14",
            200,
            Some(("Thread", "closed.json")),
        ),
        (
            "DELETE",
            "/conversations/v3/conversations/threads/14",
            204,
            None,
        ),
        (
            "PUT",
            "/conversations/conversations/v3/threads/14/assignee",
            200,
            Some(("Thread", "open_assigned.json")),
        ),
        (
            "DELETE",
            "/conversations/conversations/v3/threads/14/assignee",
            204,
            None,
        ),
        (
            "GET",
            "/conversations/v3/conversations/threads/14/messages",
            200,
            Some(("MessagePage", "with_next.json")),
        ),
        (
            "POST",
            "/conversations/v3/conversations/threads/14/messages",
            201,
            Some(("Message", "comment.json")),
        ),
        (
            "GET",
            "/conversations/v3/conversations/threads/14/messages/m1",
            200,
            Some(("Message", "welcome_message.json")),
        ),
        (
            "GET",
            "/conversations/v3/conversations/threads/14/messages/m1/original-content",
            200,
            Some(("MessageContent", "full.json")),
        ),
        (
            "GET",
            "/conversations/v3/conversations/actors/A-1",
            200,
            Some(("Actor", "agent.json")),
        ),
        (
            "POST",
            "/conversations/v3/conversations/actors/batch/read",
            200,
            Some(("ActorBatch", "complete.json")),
        ),
        (
            "POST",
            "/visitor-identification/v3/tokens/create",
            200,
            Some(("VisitorToken", "token.json")),
        ),
    ];
    for (verb, route, status, body) in routes {
        let response = match body {
            Some((dir, file)) => ok(*status, fixture(dir, file)),
            None => ResponseTemplate::new(*status),
        };
        Mock::given(method(*verb))
            .and(path(*route))
            .respond_with(response)
            .expect(1)
            .mount(&server)
            .await;
    }
    let update = ThreadUpdate {
        archived: None,
        status: Some(ThreadStatus::Closed),
    };
    let assign = ThreadAssignment {
        actor_id: "A-1".into(),
    };
    let draft: MessageDraft =
        serde_json::from_value(fixture("MessageDraft", "comment.json")).unwrap();
    let token: VisitorTokenRequest =
        serde_json::from_value(fixture("VisitorTokenRequest", "full.json")).unwrap();
    let batch = ActorBatchRequest {
        inputs: vec!["A-1".into()],
    };

    client
        .list_inboxes()
        .archived(false)
        .limit(10)
        .send()
        .await
        .unwrap();
    client.get_inbox(11).archived(true).send().await.unwrap();
    client.list_channels().after("abc").send().await.unwrap();
    client.get_channel(12).send().await.unwrap();
    client
        .list_channel_accounts()
        .channel_id([12])
        .inbox_id([11])
        .send()
        .await
        .unwrap();
    client.get_channel_account(13).send().await.unwrap();
    client.list_threads().inbox_id([11]).send().await.unwrap();
    client
        .get_thread(14)
        .property("hs_thread_id")
        .send()
        .await
        .unwrap();
    client.update_thread(14, update).send().await.unwrap();
    client.archive_thread(14).send().await.unwrap();
    client.assign_thread(14, assign).send().await.unwrap();
    client.unassign_thread(14).send().await.unwrap();
    client
        .list_messages(14)
        .limit(5)
        .sort(["-createdAt".to_owned()])
        .send()
        .await
        .unwrap();
    client.send_message(14, draft).send().await.unwrap();
    client.get_message(14, "m1").send().await.unwrap();
    client.get_original_content(14, "m1").send().await.unwrap();
    client.get_actor("A-1").send().await.unwrap();
    client.batch_read_actors(batch).send().await.unwrap();
    client.create_visitor_token(token).send().await.unwrap();

    assert_eq!(server.received_requests().await.unwrap().len(), 19);
    server.verify().await;
}
