//! Typed ids through the client generated from `tests/fixtures/specs/ids.yaml`: a ticket id read
//! from one response goes straight into the next call, ids keep their JSON form (strings, or an
//! integer where the spec says so), and raw ids convert in.

use ids_client::models::{self, AccountId, QueueId, TicketId};
use ids_client::{Auth, Client};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::new(Auth::private_app_token("token")).with_base_url(server.uri())
}

#[tokio::test]
async fn an_id_read_from_a_response_is_the_next_calls_argument() {
    let server = MockServer::start().await;
    let ticket = json!({"id": "7315416722", "queueId": "12", "related": ["7315416723"]});
    Mock::given(method("GET"))
        .and(path("/tickets"))
        .and(query_param("queueId", "12"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([ticket])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/tickets/7315416722"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&ticket))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let tickets = client.list_tickets().queue_id([12]).send().await.unwrap();
    let first: &models::Ticket = &tickets[0];
    // No parsing: the field's type is the parameter's type.
    let again = client.get_ticket(first.id.clone()).send().await.unwrap();
    assert_eq!(again.id, first.id);
    assert_eq!(again.related, Some(vec![TicketId::from("7315416723")]));
    assert_eq!(again.queue_id, QueueId::from(12));
}

#[tokio::test]
async fn ids_keep_their_json_form_and_raw_ids_convert_in() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/tickets/41/links"))
        // `to` is a JSON string, `accountId` a JSON integer, as the spec writes them.
        .and(body_json(json!({"to": "42", "accountId": 9001})))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let link = models::Link {
        to: "42".parse().unwrap(),
        account_id: AccountId::from(9001),
    };
    client(&server).link_tickets(41, link).send().await.unwrap();
}

#[test]
fn ids_convert_compare_and_print_as_their_text() {
    let id = TicketId::from(7315416722_i64);
    assert_eq!(id, "7315416722");
    assert_eq!(id.as_str(), "7315416722");
    assert_eq!(id.to_string(), "7315416722");
    assert_eq!(String::from(id.clone()), "7315416722");
    assert_eq!(&*id, "7315416722");
    let by_text: std::collections::HashMap<TicketId, u8> = [(id, 1)].into();
    assert_eq!(by_text.get("7315416722"), Some(&1));
    // A JSON integer decodes too; an integer-form id rejects text that is not a number.
    let decoded: TicketId = serde_json::from_value(json!(5)).unwrap();
    assert_eq!(decoded, "5");
    assert!("abc".parse::<AccountId>().is_err());
    assert!(serde_json::to_value(AccountId::new("abc")).is_err());
    assert_eq!(serde_json::to_value(AccountId::new("77")).unwrap(), json!(77));
}

#[test]
fn every_variant_of_a_union_shares_the_owner_id_type() {
    let owner: models::Owner = serde_json::from_value(json!({"type": "Agent", "id": "A-1"})).unwrap();
    let models::Owner::Agent(agent) = owner else {
        panic!("an agent");
    };
    let team = models::Team::new(agent.id.clone());
    assert_eq!(team.id, models::OwnerId::from("A-1"));
}
