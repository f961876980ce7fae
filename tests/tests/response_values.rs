//! Response values built outside `generated-client`, as tests and mock servers of downstream
//! crates build them: response-only structs are `#[non_exhaustive]`, so they are made with `new`
//! (the required fields) and their optional fields are set afterwards.

use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use generated_client::models::{ForwardPaging, NextPage, Thread, ThreadPage, ThreadStatus};
use generated_client::{Auth, Client};
use serde_json::json;
use wiremock::matchers::{method, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn created() -> DateTime<Utc> {
    "2024-05-01T10:00:00Z".parse().unwrap()
}

fn thread(id: &str, status: ThreadStatus) -> Thread {
    Thread::new(
        false,
        "c-1",
        created(),
        id,
        "i-1",
        "ca-1",
        "ch-1",
        false,
        status,
    )
}

#[test]
fn new_sets_the_required_fields_and_leaves_the_optional_ones_out() {
    let mut thread = thread("7", ThreadStatus::Open);
    assert_eq!(thread.assigned_to, None);
    thread.assigned_to = Some("A-1".into());
    assert_eq!(
        serde_json::to_value(&thread).unwrap(),
        json!({
            "archived": false,
            "assignedTo": "A-1",
            "associatedContactId": "c-1",
            "createdAt": "2024-05-01T10:00:00Z",
            "id": "7",
            "inboxId": "i-1",
            "originalChannelAccountId": "ca-1",
            "originalChannelId": "ch-1",
            "spam": false,
            "status": "OPEN",
        })
    );
}

#[tokio::test]
async fn a_mock_server_serves_pages_built_with_new() {
    let mut first = thread("1", ThreadStatus::Open);
    first.assigned_to = Some("A-1".into());
    let second = thread("2", ThreadStatus::Closed);

    let mut paging = ForwardPaging::new();
    paging.next = Some(NextPage::new("cursor-2"));
    let mut page_one = ThreadPage::new([first.clone()]);
    page_one.paging = Some(paging);
    let page_two = ThreadPage::new(vec![second.clone()]);

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(query_param_is_missing("after"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&page_one))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(query_param("after", "cursor-2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&page_two))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::new(Auth::private_app_token("token")).with_base_url(server.uri());
    let threads: Vec<Thread> = client
        .list_threads()
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(threads, [first, second]);
}
