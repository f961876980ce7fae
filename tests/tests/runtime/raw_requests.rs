//! The raw escape hatch (`client.request`): credentials, query and headers sent, the answer
//! decoded, and the same retry rules as operations.

use generated_client::runtime::Method;
use serde_json::{json, Value};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer};

use crate::{
    assert_redacted, client, json_response, mount_sequence, requests, server_error, Sequence,
};

#[tokio::test]
async fn a_raw_request_sends_auth_query_and_headers_and_decodes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/crm/v3/objects/contacts"))
        .and(query_param("limit", "10"))
        .and(header("authorization", "Bearer pat-secret-token"))
        .and(header("x-extra", "1"))
        .respond_with(
            json_response(200, json!({"results": [{"id": "51"}], "total": 1}))
                .insert_header("X-HubSpot-RateLimit-Remaining", "99"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let response = client(&server)
        .request(Method::GET, "/crm/v3/objects/contacts")
        .query("limit", &10)
        .header("X-Extra", "1")
        .send_json::<Value>()
        .await
        .unwrap();
    assert_eq!(response.status.as_u16(), 200);
    assert_eq!(response.body["results"][0]["id"], "51");
    assert_eq!(response.rate_limit.remaining, Some(99));
    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].url.query(), Some("limit=10"));
    server.verify().await;
}

#[tokio::test]
async fn a_raw_get_is_retried_after_a_503() {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "GET",
        Sequence::new(vec![
            server_error(503),
            json_response(200, json!({"ok": true})),
        ]),
    )
    .await;
    let response = client(&server)
        .request(Method::GET, "/crm/v3/objects/contacts")
        .send_json::<Value>()
        .await
        .unwrap();
    assert_eq!(response.body, json!({"ok": true}));
    assert_eq!(seq.count(), 2);
}

#[tokio::test]
async fn a_raw_post_is_not_retried_after_a_500() {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "POST",
        Sequence::new(vec![
            server_error(500),
            json_response(200, json!({"ok": true})),
        ]),
    )
    .await;
    let err = client(&server)
        .request(Method::POST, "/crm/v3/objects/contacts")
        .json(&json!({"properties": {"email": "a@example.com"}}))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    assert_eq!(seq.count(), 1);
    assert_redacted(&err);
}

#[tokio::test]
async fn a_raw_post_marked_idempotent_is_retried_after_a_500() {
    let server = MockServer::start().await;
    let seq = mount_sequence(
        &server,
        "POST",
        Sequence::new(vec![
            server_error(500),
            json_response(200, json!({"ok": true})),
        ]),
    )
    .await;
    let response = client(&server)
        .request(Method::POST, "/crm/v3/objects/contacts/search")
        .json(&json!({"limit": 1}))
        .idempotent(true)
        .send_json::<Value>()
        .await
        .unwrap();
    assert_eq!(response.body, json!({"ok": true}));
    assert_eq!(seq.count(), 2);
    let received = requests(&server).await;
    for r in &received {
        assert_eq!(r.body_json::<Value>().unwrap(), json!({"limit": 1}));
        assert_eq!(r.headers["content-type"], "application/json");
    }
}
