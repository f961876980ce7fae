//! `generated_client::testing` (the `testing` feature) as a downstream crate uses it: a mock
//! HubSpot answering typed values, pages walked by cursor, error answers, call counts, and the
//! test client's credentials.

use futures::TryStreamExt;
use generated_client::models::{
    CustomChannelPage, ForwardPaging, NextPage, Thread, ThreadPage, ThreadStatus,
};
use generated_client::runtime::RetryPolicy;
use generated_client::testing::wiremock::ResponseTemplate;
use generated_client::testing::{MockApi, TEST_API_KEY};
use generated_client::{Auth, Error};

fn thread(id: &str) -> Thread {
    let created = "2024-05-01T10:00:00Z".parse().unwrap();
    Thread::new(
        false,
        "c-1",
        created,
        id,
        "i-1",
        "ca-1",
        "ch-1",
        false,
        ThreadStatus::Open,
    )
}

/// A page of `threads` whose next page is asked for with `next`.
fn page(threads: impl IntoIterator<Item = Thread>, next: Option<&str>) -> ThreadPage {
    let mut page = ThreadPage::new(threads);
    page.paging = next.map(|after| {
        let mut paging = ForwardPaging::new();
        paging.next = Some(NextPage::new(after));
        paging
    });
    page
}

#[tokio::test]
async fn two_pages_of_threads_then_a_404() {
    let mock = MockApi::start().await;
    let pages = [page([thread("1")], Some("c-2")), page([thread("2")], None)];
    mock.list_threads().expect(1).pages(pages).await;
    mock.get_thread(3).returns_status(404).await;
    let client = mock.client();

    let stream = client.list_threads().into_stream();
    let threads: Vec<Thread> = stream.try_collect().await.unwrap();
    assert_eq!(threads, [thread("1"), thread("2")]);
    let error = client.get_thread(3).send().await.unwrap_err();
    assert!(matches!(error, Error::Api(ref api) if api.status == 404));
}

#[tokio::test]
async fn an_expectation_matches_its_path_arguments_and_added_query_and_counts_calls() {
    let mock = MockApi::start().await;
    mock.get_thread(7).expect(2).returns(thread("7")).await;
    let open = page([thread("8")], None);
    mock.list_threads()
        .query("threadStatus", "OPEN")
        .returns(open.clone())
        .await;
    let client = mock.client();

    for _ in 0..2 {
        assert_eq!(client.get_thread(7).send().await.unwrap(), thread("7"));
    }
    let other = client.get_thread(8).send().await.unwrap_err();
    assert_eq!(other.status().map(|s| s.as_u16()), Some(404), "{other}");
    let listed = client.list_threads().thread_status(ThreadStatus::Open);
    assert_eq!(listed.send().await.unwrap(), open);
    let unfiltered = client.list_threads().send().await.unwrap_err();
    assert_eq!(unfiltered.status().map(|s| s.as_u16()), Some(404));
}

#[tokio::test]
async fn fails_with_answers_an_error_body_the_client_parses() {
    let mock = MockApi::start().await;
    let body = serde_json::json!({
        "status": "error",
        "message": "Thread 7 is archived",
        "correlationId": "corr-1",
        "category": "CONFLICT",
    });
    mock.archive_thread(7).fails_with(409, body).await;

    let error = mock.client().archive_thread(7).send().await.unwrap_err();
    let Error::Api(api) = &error else {
        panic!("expected an API error, got {error}")
    };
    assert_eq!(api.status, 409);
    let parsed = api.body.as_ref().unwrap();
    assert_eq!(parsed.message.as_deref(), Some("Thread 7 is archived"));
    assert_eq!(error.correlation_id(), Some("corr-1"));
}

#[tokio::test]
async fn operations_without_a_body_return_unit() {
    let mock = MockApi::start().await;
    mock.archive_thread(7).expect(1).returns(()).await;
    mock.client().archive_thread(7).send().await.unwrap();
}

#[tokio::test]
async fn the_test_client_holds_the_developer_api_key_for_custom_channels() {
    let mock = MockApi::start().await;
    mock.list_custom_channels()
        .query("hapikey", TEST_API_KEY)
        .expect(1)
        .returns(CustomChannelPage::new([], 0))
        .await;
    let channels = mock.client().list_custom_channels().send().await.unwrap();
    assert_eq!(channels, CustomChannelPage::new([], 0));
}

#[tokio::test]
async fn start_with_hands_out_clients_holding_other_credentials() {
    let mock = MockApi::start_with(Auth::none()).await;
    mock.get_thread(7).expect(0).returns(thread("7")).await;
    let error = mock.client().get_thread(7).send().await.unwrap_err();
    assert!(matches!(error, Error::MissingCredentials { .. }), "{error}");
}

#[tokio::test]
async fn responds_with_any_response_and_the_builder_configures_the_client() {
    let mock = MockApi::start().await;
    let unavailable = ResponseTemplate::new(503).insert_header("Retry-After", "1");
    mock.get_thread(7)
        .expect(1)
        .responds_with(unavailable)
        .await;
    let client = mock
        .client_builder()
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let error = client.get_thread(7).send().await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503), "{error}");
}

#[tokio::test]
#[should_panic(expected = "getThread (GET /conversations/conversations/2026-09/threads/7)")]
async fn an_unmet_call_count_fails_the_test_when_the_mock_server_is_dropped() {
    let mock = MockApi::start().await;
    mock.get_thread(7).expect(1).returns(thread("7")).await;
}

#[tokio::test]
#[should_panic(expected = "listThreads: page 1 of 2 holds no next cursor")]
async fn pages_refuses_a_page_before_the_last_without_a_next_cursor() {
    let mock = MockApi::start().await;
    let pages = [page([thread("1")], None), page([thread("2")], None)];
    mock.list_threads().pages(pages).await;
}
