//! The suite's checks against a scripted server (no Prism): each kind of contract breach is
//! reported on the call that caused it, and a clean exchange passes.

use contract_tests::proxy::Recorder;
use contract_tests::round::{CallResult, Round};
use contract_tests::roundtrip::Match;
use contract_tests::spec::Declared;
use generated_client::runtime::RetryPolicy;
use generated_client::{security, Auth, Client};
use reqwest::Method;
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const INBOX: &str = "/conversations/conversations/2026-09/inboxes/7";

fn inbox() -> Value {
    json!({"id": "7", "name": "Support", "type": "INBOX", "archived": false,
           "createdAt": "2022-06-14T17:03:28.412Z", "updatedAt": "2024-02-29T08:41:55.9Z"})
}

/// A spec with getInbox (query `archived`) and getChannel (never called).
fn declared(get_inbox_query: &[&str]) -> Declared {
    let parameters: Vec<Value> = get_inbox_query
        .iter()
        .map(|name| json!({"name": name, "in": "query"}))
        .collect();
    Declared::from_spec(&json!({"paths": {
        "/conversations/conversations/2026-09/inboxes/{inboxId}": {"get": {
            "operationId": "getInbox", "parameters": parameters
        }},
        "/conversations/conversations/2026-09/channels/{channelId}": {"get": {"operationId": "getChannel"}}
    }}))
    .unwrap()
}

async fn one_call(answer: ResponseTemplate, spec: Declared, mode: Match) -> Vec<CallResult> {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(INBOX))
        .respond_with(answer)
        .mount(&server)
        .await;
    let recorder = Recorder::start(&server.uri()).await.unwrap();
    let client = Client::builder(Auth::private_app_token("t"))
        .base_url(recorder.url())
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let mut round = Round::new(recorder, spec, mode);
    round
        .call(
            "getInbox",
            "archived",
            client.get_inbox(7).archived(true).send(),
        )
        .await;
    round.finish()
}

fn problems<'a>(results: &'a [CallResult], operation: &str, name: &str) -> &'a [String] {
    let result = results
        .iter()
        .find(|r| r.operation == operation && r.name == name)
        .unwrap_or_else(|| panic!("no result for {operation} / {name}: {results:?}"));
    &result.problems
}

#[tokio::test]
async fn a_clean_exchange_passes_and_an_uncalled_operation_fails() {
    let ok = ResponseTemplate::new(200).set_body_json(inbox());
    let results = one_call(ok, declared(&["archived"]), Match::Exact).await;
    assert_eq!(
        problems(&results, "getInbox", "archived"),
        [] as [String; 0]
    );
    let param_check = "every declared query parameter sent";
    assert!(problems(&results, "getInbox", param_check).is_empty());
    assert_eq!(
        problems(&results, "getChannel", param_check),
        ["not exercised by the suite"]
    );
}

#[tokio::test]
async fn undeclared_and_unsent_query_parameters_fail() {
    let ok = ResponseTemplate::new(200).set_body_json(inbox());
    let results = one_call(ok, declared(&["archivedOnly"]), Match::Exact).await;
    assert_eq!(
        problems(&results, "getInbox", "archived"),
        ["sent query parameter `archived`, which getInbox does not declare"]
    );
    assert_eq!(
        problems(&results, "getInbox", "every declared query parameter sent"),
        ["declared query parameter `archivedOnly` was never sent"]
    );
}

#[tokio::test]
async fn a_rejected_request_reports_prisms_violations() {
    let violations = r#"[{"location":["request","query","archived"],"severity":"Error","code":"type","message":"Request query parameter archived must be boolean"}]"#;
    let rejected = ResponseTemplate::new(422)
        .insert_header("sl-violations", violations)
        .set_body_json(json!({"message": "invalid"}));
    let results = one_call(rejected, declared(&["archived"]), Match::Subset).await;
    assert_eq!(
        problems(&results, "getInbox", "archived"),
        [format!(
            "GET {INBOX} answered 422, the request violates the spec: \
             request.query.archived: Request query parameter archived must be boolean"
        )]
    );
}

#[tokio::test]
async fn a_body_that_does_not_decode_fails() {
    let mut body = inbox();
    body["createdAt"] = json!("yesterday");
    let ok = ResponseTemplate::new(200).set_body_json(body);
    let results = one_call(ok, declared(&["archived"]), Match::Subset).await;
    let problems = problems(&results, "getInbox", "archived");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("client: cannot decode the 200 OK response at `createdAt`"),
        "{problems:?}"
    );
}

#[tokio::test]
async fn a_field_lost_in_decoding_fails_an_exact_round_only() {
    let mut body = inbox();
    body["surprise"] = json!({"kept": false});
    for (mode, expected) in [
        (Match::Subset, vec![]),
        (
            Match::Exact,
            vec![r#"decoding changed the response: $.surprise: received {"kept":false}, lost in decoding"#.to_owned()],
        ),
    ] {
        let ok = ResponseTemplate::new(200).set_body_json(body.clone());
        let results = one_call(ok, declared(&["archived"]), mode).await;
        assert_eq!(problems(&results, "getInbox", "archived"), expected, "{mode:?}");
    }
}

const CHANNELS: &str = "/conversations/custom-channels/2026-09";

/// A scripted server answering `GET` on `route`, behind a recorder, and a client holding a
/// private app token and the developer API key.
async fn serve(route: &str, answer: ResponseTemplate) -> (MockServer, Recorder, Client) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(route))
        .respond_with(answer)
        .mount(&server)
        .await;
    let recorder = Recorder::start(&server.uri()).await.unwrap();
    let auth = Auth::private_app_token("t").with_api_key(security::DEVELOPER_HAPIKEY, "k");
    let client = Client::builder(auth)
        .base_url(recorder.url())
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    (server, recorder, client)
}

/// A spec with listCustomChannels, whose security is `security`, and the developer key scheme.
fn channels_spec(security: Value) -> Declared {
    Declared::from_spec(&json!({
        "paths": {CHANNELS: {"get": {"operationId": "listCustomChannels", "security": security}}},
        "components": {"securitySchemes": {
            "developer_hapikey": {"type": "apiKey", "in": "query", "name": "hapikey"},
            "private_apps": {"type": "http", "scheme": "bearer"}
        }}
    }))
    .unwrap()
}

fn channel_page() -> Value {
    json!({"results": [], "total": 0})
}

#[tokio::test]
async fn an_api_key_in_the_query_is_declared_only_where_security_accepts_it() {
    for (security, expected) in [
        (json!([{"developer_hapikey": []}]), vec![]),
        (
            json!([{"private_apps": []}]),
            vec![
                "sent query parameter `hapikey`, which listCustomChannels does not declare"
                    .to_owned(),
            ],
        ),
    ] {
        let ok = ResponseTemplate::new(200).set_body_json(channel_page());
        let (_server, recorder, client) = serve(CHANNELS, ok).await;
        let mut round = Round::new(recorder, channels_spec(security.clone()), Match::Exact);
        round
            .call(
                "listCustomChannels",
                "key",
                client.list_custom_channels().send(),
            )
            .await;
        let results = round.finish();
        assert_eq!(
            problems(&results, "listCustomChannels", "key"),
            expected,
            "{security}"
        );
        // A key is never a parameter that some call must send.
        let param_check = "every declared query parameter sent";
        assert!(problems(&results, "listCustomChannels", param_check).is_empty());
    }
}

#[tokio::test]
async fn a_request_without_credentials_must_be_refused_with_401() {
    let violations = r#"[{"location":["request"],"severity":"Error","code":401,"message":"Invalid security scheme used"}]"#;
    let refused = ResponseTemplate::new(401)
        .insert_header("sl-violations", violations)
        .set_body_json(json!({"message": "no"}));
    let accepted = ResponseTemplate::new(200).set_body_json(channel_page());
    let forbidden = ResponseTemplate::new(403).set_body_string("forbidden");
    for (answer, expected) in [
        (refused, vec![]),
        (
            accepted,
            vec![format!(
                "GET {CHANNELS} answered 200: the server accepted a request without the \
                 credentials the spec asks for"
            )],
        ),
        (
            forbidden,
            vec![format!(
                "GET {CHANNELS} answered 403, expected 401 with the violated security: forbidden"
            )],
        ),
    ] {
        let (_server, recorder, client) = serve(CHANNELS, answer).await;
        let spec = channels_spec(json!([{"developer_hapikey": []}]));
        let mut round = Round::new(recorder, spec, Match::Exact);
        round
            .refused(
                "listCustomChannels",
                "no key",
                client.request(Method::GET, CHANNELS).send(),
            )
            .await;
        let results = round.finish();
        assert_eq!(problems(&results, "listCustomChannels", "no key"), expected);
    }
}

#[tokio::test]
async fn a_call_answered_with_another_success_status_fails() {
    let (_server, recorder, client) =
        serve(INBOX, ResponseTemplate::new(200).set_body_json(inbox())).await;
    let mut round = Round::new(recorder, declared(&[]), Match::Exact);
    round
        .call_answered("getInbox", "207", 207, client.get_inbox(7).send())
        .await;
    round
        .call_answered("getInbox", "200", 200, client.get_inbox(7).send())
        .await;
    let results = round.finish();
    assert_eq!(
        problems(&results, "getInbox", "207"),
        [format!("GET {INBOX} answered 200, expected 207")]
    );
    assert!(problems(&results, "getInbox", "200").is_empty());
}
