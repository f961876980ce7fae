//! The generated test support (each fixture crate's `testing` feature): its mock server answers
//! what the same crate's client sends — paths in every style with encoded arguments, text,
//! binary and JSON answers, response enums, pages by cursor, and the credentials of every kind
//! of scheme.

use bodies_client::models::Job;
use bodies_client::operations::{CreateJobsResponse, PutFileResponse};
use futures::TryStreamExt;
use json_spec_client::models::{Widget, WidgetPage, WidgetPagePaging, WidgetPagePagingNext};

fn widget_page(ids: &[&str], next: Option<&str>) -> WidgetPage {
    let mut page = WidgetPage::new(ids.iter().map(|id| Widget::new(*id)));
    page.paging = next.map(|after| {
        let mut paging = WidgetPagePaging::new();
        paging.next = Some(WidgetPagePagingNext::new(after));
        paging
    });
    page
}

#[tokio::test]
async fn pages_are_served_by_cursor_to_the_clients_stream() {
    let mock = json_spec_client::testing::MockApi::start().await;
    let pages = [
        widget_page(&["a", "b"], Some("cursor 2")),
        widget_page(&["c"], Some("cursor/3")),
        widget_page(&["d"], None),
    ];
    mock.list_widgets()
        .query("limit", "2")
        .expect(1)
        .pages(pages)
        .await;
    let widgets: Vec<Widget> = mock
        .client()
        .list_widgets()
        .limit(2)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = widgets.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
}

#[tokio::test]
async fn path_arguments_are_encoded_in_their_style_as_the_client_sends_them() {
    let mock = parameters_client::testing::MockApi::start().await;
    mock.get_styled("a/b c", -12).expect(1).returns(()).await;
    let mut item = parameters_client::models::GetItemResponse200::new();
    item.id = Some("a/b c?".into());
    mock.get_item("a/b c?")
        .header("x-request-id", "req-1")
        .expect(1)
        .returns(item.clone())
        .await;
    let client = mock.client();

    client.get_styled("a/b c", -12).send().await.unwrap();
    assert_eq!(
        client.get_item("a/b c?", "req-1").send().await.unwrap(),
        item
    );
    let other = client.get_item("a/b c?", "req-2").send().await.unwrap_err();
    assert_eq!(other.status().map(|s| s.as_u16()), Some(404), "{other}");
}

#[tokio::test]
async fn text_binary_and_enum_answers_decode_as_the_client_reads_them() {
    let mock = bodies_client::testing::MockApi::start().await;
    mock.create_note().returns("echo".to_owned()).await;
    mock.get_file("report.pdf")
        .returns(bodies_client::runtime::Bytes::from_static(b"%PDF"))
        .await;
    mock.put_file("report.pdf")
        .returns(PutFileResponse::Created)
        .await;
    let created = CreateJobsResponse::Created(Job { id: "j-1".into() });
    mock.create_jobs().returns(created.clone()).await;
    let client = mock.client();

    assert_eq!(client.create_note("hi").send().await.unwrap(), "echo");
    let file = client
        .get_file("report.pdf")
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(file.headers["content-type"], "application/pdf");
    assert_eq!(file.into_body(), &b"%PDF"[..]);
    let put = client
        .put_file("report.pdf", &b"%PDF"[..])
        .send()
        .await
        .unwrap();
    assert_eq!(put, PutFileResponse::Created);
    assert_eq!(
        client.create_jobs(Vec::new()).send().await.unwrap(),
        created
    );
}

#[tokio::test]
async fn the_test_client_holds_credentials_for_every_kind_of_scheme() {
    use security_client::testing::{MockApi, TEST_API_KEY, TEST_TOKEN};

    let mock = MockApi::start().await;
    mock.list_items()
        .header("authorization", format!("Bearer {TEST_TOKEN}"))
        .expect(1)
        .returns(())
        .await;
    mock.list_channels()
        .query("hapikey", TEST_API_KEY)
        .expect(1)
        .returns(())
        .await;
    mock.get_session().expect(1).returns(()).await;
    // `test-user:test-password`.
    let basic = "Basic dGVzdC11c2VyOnRlc3QtcGFzc3dvcmQ=";
    mock.log_in()
        .header("authorization", basic)
        .expect(1)
        .returns(())
        .await;
    let client = mock.client();

    client.list_items().send().await.unwrap();
    client.list_channels().send().await.unwrap();
    client.get_session().send().await.unwrap();
    client.log_in().send().await.unwrap();
    let requests = mock.server().received_requests().await.unwrap();
    let cookie = requests[2].headers.get("cookie").unwrap();
    assert_eq!(cookie, &format!("sid={TEST_API_KEY}"));
}
