//! Pagination: `into_stream` and `pages` follow `paging.next.after` across pages; an error
//! ends the stream, and so does a cursor HubSpot returns twice (with an error, not a loop);
//! `max_pages` ends it cleanly; streams own their client, so they outlive it and move into tasks.

use futures::{StreamExt, TryStreamExt};
use serde_json::json;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, Request};

use generated_client::Error;

use crate::{assert_redacted, client, json_response, requests, thread_json, THREADS};

fn query_pairs(request: &Request) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = request
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    pairs.sort();
    pairs
}

fn pair(k: &str, v: &str) -> (String, String) {
    (k.to_owned(), v.to_owned())
}

/// A page of threads with `ids`, and `next` as its cursor.
fn page(ids: &[&str], next: Option<&str>) -> wiremock::ResponseTemplate {
    let mut body = json!({ "results": ids.iter().map(|id| thread_json(id)).collect::<Vec<_>>() });
    if let Some(after) = next {
        body["paging"] = json!({"next": {"after": after}});
    }
    json_response(200, body)
}

/// Three pages of threads: 1+2 (next `c2`), 3+4 (next `c3`), 5 (last).
async fn mount_three_pages(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path(THREADS))
        .and(query_param_is_missing("after"))
        .respond_with(page(&["1", "2"], Some("c2")))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(THREADS))
        .and(query_param("after", "c2"))
        .respond_with(page(&["3", "4"], Some("c3")))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(THREADS))
        .and(query_param("after", "c3"))
        .respond_with(page(&["5"], None))
        .mount(server)
        .await;
}

#[tokio::test]
async fn into_stream_follows_cursors_across_pages() {
    let server = MockServer::start().await;
    mount_three_pages(&server).await;
    let client = client(&server);
    let threads: Vec<_> = client
        .list_threads()
        .limit(2)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = threads.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5"]);
    let received = requests(&server).await;
    assert_eq!(received.len(), 3);
    assert_eq!(query_pairs(&received[0]), [pair("limit", "2")]);
    assert_eq!(
        query_pairs(&received[1]),
        [pair("after", "c2"), pair("limit", "2")]
    );
    assert_eq!(
        query_pairs(&received[2]),
        [pair("after", "c3"), pair("limit", "2")]
    );
}

/// Builders and their streams hold their own client: `Send + 'static`, checked by the compiler.
const _: () = {
    fn send_static<T: Send + 'static>(_: &T) {}
    #[allow(dead_code)]
    fn builders_and_streams_are_send_and_static(client: &generated_client::Client) {
        send_static(&client.list_threads());
        send_static(&client.list_threads().into_stream());
        send_static(&client.list_messages(1).pages());
        send_static(&client.list_threads().into_stream().max_pages(2));
        send_static(&client.get_thread(1).send());
        send_static(&client.request(generated_client::runtime::Method::GET, "/x"));
    }
};

#[tokio::test]
async fn a_stream_moves_into_a_spawned_task_and_outlives_its_client() {
    let server = MockServer::start().await;
    mount_three_pages(&server).await;
    let stream = {
        let client = client(&server);
        client.list_threads().limit(2).into_stream()
    };
    let task = tokio::spawn(async move {
        let threads: Vec<_> = stream.try_collect().await?;
        Ok::<_, generated_client::Error>(threads)
    });
    let threads = task.await.expect("the task ran").unwrap();
    let ids: Vec<&str> = threads.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5"]);
    assert_eq!(requests(&server).await.len(), 3);
}

#[tokio::test]
async fn pages_yields_every_page() {
    let server = MockServer::start().await;
    mount_three_pages(&server).await;
    let client = client(&server);
    let pages: Vec<_> = client
        .list_threads()
        .limit(2)
        .pages()
        .try_collect()
        .await
        .unwrap();
    let sizes: Vec<usize> = pages.iter().map(|p| p.results.len()).collect();
    assert_eq!(sizes, [2, 2, 1]);
    assert!(pages[2].paging.is_none());
    assert_eq!(requests(&server).await.len(), 3);
}

#[tokio::test]
async fn a_first_page_error_is_the_streams_first_item() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(json_response(
            403,
            json!({
                "status": "error",
                "message": "This app hasn't been granted all required scopes",
                "correlationId": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
                "category": "MISSING_SCOPES"
            }),
        ))
        .mount(&server)
        .await;
    let client = client(&server);
    let mut stream = Box::pin(client.list_threads().limit(2).into_stream());
    let first = stream.next().await.expect("the stream yields the error");
    let err = first.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(403));
    assert!(
        stream.next().await.is_none(),
        "the stream ends after an error"
    );
    assert_eq!(requests(&server).await.len(), 1);
    assert_redacted(&err);
}

#[tokio::test]
async fn a_cursor_returned_twice_ends_the_stream_with_an_error() {
    // The first page points to `A`, `A` to `B`, and `B` back to `A`: following it would loop.
    let server = MockServer::start().await;
    for (after, ids, next) in [
        (None, ["1"], "A"),
        (Some("A"), ["2"], "B"),
        (Some("B"), ["3"], "A"),
    ] {
        let mock = Mock::given(method("GET")).and(path(THREADS));
        let mock = match after {
            None => mock.and(query_param_is_missing("after")),
            Some(after) => mock.and(query_param("after", after)),
        };
        mock.respond_with(page(&ids, Some(next)))
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let items: Vec<_> = client.list_threads().into_stream().collect().await;
    let ids: Vec<&str> = items
        .iter()
        .filter_map(|item| item.as_ref().ok())
        .map(|thread| thread.id.as_str())
        .collect();
    assert_eq!(ids, ["1", "2", "3"]);
    assert_eq!(items.len(), 4, "the pages' items, then the error");
    let err = items[3].as_ref().unwrap_err();
    assert!(matches!(err, Error::RepeatedCursor { .. }), "{err:?}");
    assert!(err.to_string().contains("\"A\""), "{err}");
    assert!(!err.is_retryable());
    assert_eq!(requests(&server).await.len(), 3);
}

#[tokio::test]
async fn max_pages_ends_the_stream_cleanly_after_that_many_pages() {
    let server = MockServer::start().await;
    mount_three_pages(&server).await;
    let client = client(&server);
    let threads: Vec<_> = client
        .list_threads()
        .limit(2)
        .into_stream()
        .max_pages(2)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = threads.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3", "4"]);
    assert_eq!(
        requests(&server).await.len(),
        2,
        "the third page was not fetched"
    );
    let pages: Vec<_> = client
        .list_threads()
        .pages()
        .max_pages(1)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(requests(&server).await.len(), 3);
    // A cap past the last page, or of none, changes nothing but what is fetched.
    let all: Vec<_> = client
        .list_threads()
        .into_stream()
        .max_pages(10)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 5);
    let none: Vec<_> = client
        .list_threads()
        .into_stream()
        .max_pages(0)
        .try_collect()
        .await
        .unwrap();
    assert!(none.is_empty());
    assert_eq!(requests(&server).await.len(), 6);
}

#[tokio::test]
async fn max_pages_stops_before_a_repeated_cursor_is_an_error() {
    // Every page points back to `A`: with a cap of two the stream ends before the repeat.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(THREADS))
        .respond_with(page(&["1"], Some("A")))
        .mount(&server)
        .await;
    let items: Vec<_> = client(&server)
        .list_threads()
        .into_stream()
        .max_pages(2)
        .collect()
        .await;
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(Result::is_ok));
}
