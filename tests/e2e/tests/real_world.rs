//! Constructs of big published specs, through the client generated from
//! `tests/fixtures/specs/real_world.yaml`: `default`-only and redirect-only operations, `oneOf`
//! parameters, parameters typed by a named scalar schema, an integer path parameter with a
//! `pattern`, and operations without an `operationId`.

use real_world_client::models::{
    AuthorPage, ListWorkflowRunsCwes, ListWorkflowRunsFields, ListWorkflowRunsWorkflowId,
};
use real_world_client::{Auth, Client};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::new(Auth::private_app_token("token")).with_base_url(server.uri())
}

/// Every request the server received.
async fn requests(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.unwrap()
}

/// A server answering every request with `status` and the JSON `body`.
async fn answering(status: u16, body: serde_json::Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_default_only_operation_decodes_2xx_as_its_success() {
    let server = answering(200, serde_json::json!({"results": ["ada", "grace"]})).await;
    let page = client(&server).list_authors().send().await.unwrap();
    let mut expected = AuthorPage::new();
    expected.results = Some(vec!["ada".into(), "grace".into()]);
    assert_eq!(page, expected);
}

#[tokio::test]
async fn a_default_only_operation_reports_other_statuses_as_errors_with_the_default_body() {
    let server = answering(404, serde_json::json!({"results": ["none"]})).await;
    let error = client(&server).list_authors().send().await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404), "{error}");
    let real_world_client::Error::Api(api) = &error else {
        panic!("expected an API error, got {error:?}");
    };
    let body: AuthorPage = api.decode_body().unwrap();
    assert_eq!(body.results, Some(vec!["none".to_owned()]));
}

#[tokio::test]
async fn a_default_only_operation_without_content_succeeds_on_204_and_fails_on_500() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/authors/42"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    client(&server).delete_author(42).send().await.unwrap();

    let failing = answering(500, serde_json::json!({})).await;
    let error = client(&failing)
        .delete_author(42)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(500), "{error}");
}

#[tokio::test]
async fn a_redirect_only_operation_follows_the_redirect_and_returns_the_content() {
    let storage = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/archive.tar.gz"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(b"\x1f\x8barchive".to_vec()))
        .mount(&storage)
        .await;
    let api = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/repos/octo/tarball/main"))
        .respond_with(
            ResponseTemplate::new(302)
                .insert_header("location", format!("{}/archive.tar.gz", storage.uri())),
        )
        .mount(&api)
        .await;
    let content = client(&api)
        .download_tarball("octo", "main")
        .send()
        .await
        .unwrap();
    assert_eq!(&content[..], b"\x1f\x8barchive");
    let fetched = requests(&storage).await;
    assert_eq!(fetched.len(), 1);
    // The redirect leads to another host: the credentials stay with the API.
    assert!(
        fetched[0].headers.get("authorization").is_none(),
        "{:?}",
        fetched[0].headers
    );
    let sent = requests(&api).await;
    assert_eq!(
        sent[0].headers.get("authorization").unwrap(),
        "Bearer token"
    );
}

#[tokio::test]
async fn a_path_parameter_that_is_an_integer_or_a_string_is_written_as_the_branch_it_holds() {
    let server = answering(200, serde_json::json!(["run"])).await;
    let client = client(&server);
    client.list_workflow_runs(42).send().await.unwrap();
    client
        .list_workflow_runs("ci.yml".to_owned())
        .send()
        .await
        .unwrap();
    client
        .list_workflow_runs(ListWorkflowRunsWorkflowId::String("a/b".into()))
        .send()
        .await
        .unwrap();
    let paths: Vec<String> = requests(&server)
        .await
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    assert_eq!(
        paths,
        [
            "/workflows/42/runs",
            "/workflows/ci.yml/runs",
            "/workflows/a%2Fb/runs"
        ]
    );
}

#[tokio::test]
async fn a_query_parameter_that_is_a_string_or_an_array_is_written_in_its_style() {
    let server = answering(200, serde_json::json!([])).await;
    let client = client(&server);
    client
        .list_workflow_runs(1)
        .cwes("79".to_owned())
        .fields(vec!["title".to_owned()])
        .send()
        .await
        .unwrap();
    client
        .list_workflow_runs(1)
        .cwes(vec!["79".to_owned(), "284".to_owned()])
        .fields(ListWorkflowRunsFields::Array(vec![
            "title".into(),
            "body text".into(),
        ]))
        .send()
        .await
        .unwrap();
    client
        .list_workflow_runs(1)
        .cwes(ListWorkflowRunsCwes::Array(Vec::new()))
        .send()
        .await
        .unwrap();
    let queries: Vec<Option<String>> = requests(&server)
        .await
        .iter()
        .map(|r| r.url.query().map(str::to_owned))
        .collect();
    assert_eq!(
        queries,
        [
            // `cwes` is exploded (form's default), `fields` is not.
            Some("cwes=79&fields=title".to_owned()),
            Some("cwes=79&cwes=284&fields=title,body%20text".to_owned()),
            // An empty array sends nothing.
            None,
        ]
    );
}

#[tokio::test]
async fn a_header_that_is_an_integer_or_a_string_and_named_scalar_parameters_are_sent() {
    let server = answering(200, serde_json::json!([])).await;
    client(&server)
        .list_workflow_runs(1)
        .x_trace(7)
        .alert_number(12)
        .ref_("refs/heads/main".to_owned())
        .send()
        .await
        .unwrap();
    let sent = requests(&server).await;
    assert_eq!(sent[0].headers.get("x-trace").unwrap(), "7");
    assert_eq!(
        sent[0].url.query(),
        Some("alert_number=12&ref=refs%2Fheads%2Fmain")
    );
}

#[tokio::test]
async fn operations_without_an_operation_id_are_named_from_method_and_path() {
    let server = MockServer::start().await;
    Mock::given(path("/alerts/5"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = client(&server);
    client.get_alerts_alert_number(5).send().await.unwrap();
    client.patch_alerts_alert_number(5).send().await.unwrap();
    let methods: Vec<String> = requests(&server)
        .await
        .iter()
        .map(|r| r.method.to_string())
        .collect();
    assert_eq!(methods, ["GET", "PATCH"]);
}
