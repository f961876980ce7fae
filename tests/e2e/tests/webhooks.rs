//! Webhooks — the calls an API makes to its users' servers — through the clients generated from
//! `tests/fixtures/specs/webhooks.yaml` (OpenAPI 3.0, `x-webhooks`) and
//! `tests/fixtures/specs/openapi31.yaml` (3.1 `webhooks`): each call's body decodes into its
//! payload type, tagged events into their variants (unknown kinds kept), and decoded payloads
//! encode back to what was received.

use openapi_31_client::webhooks::{NewTicket, TicketClosed};
use serde_json::json;
use webhooks_client::models::{OrderEvent, OrderId, OrderShippedCarrier};
use webhooks_client::runtime::{Method, Webhook};
use webhooks_client::webhooks::{
    AuditLine, OrderEvents, Ping, Snapshot, SubscriptionDelete, SubscriptionPost,
};

#[test]
fn a_batch_mixing_kinds_decodes_into_the_right_variants_and_re_encodes() {
    let batch = json!([
        {"kind": "order.created", "eventId": 1, "orderId": "o-1", "total": 12.5},
        {"kind": "order.shipped", "eventId": 2, "orderId": "o-1", "carrier": "DHL"},
        {"kind": "order.refunded", "eventId": 3, "orderId": "o-2", "amount": 3},
        {"kind": "order.shipped", "eventId": 4, "orderId": "o-3", "carrier": "Pigeon"}
    ]);
    let events = OrderEvents::decode(batch.to_string().as_bytes()).unwrap();
    assert_eq!(events.len(), 4);
    let OrderEvent::OrderCreated(created) = &events[0] else {
        panic!("expected a created event: {:?}", events[0]);
    };
    assert_eq!((created.event_id, created.total), (1, Some(12.5)));
    // Ids are typed: the one an event carries is the one `get_order` takes.
    assert_eq!(created.order_id, OrderId::from("o-1"));
    let OrderEvent::OrderShipped(shipped) = &events[1] else {
        panic!("expected a shipped event: {:?}", events[1]);
    };
    assert_eq!(shipped.carrier, OrderShippedCarrier::Dhl);
    // A kind this client does not know is kept whole, not an error.
    let OrderEvent::Unknown(unknown) = &events[2] else {
        panic!("expected an unknown event: {:?}", events[2]);
    };
    assert_eq!(unknown, &batch[2]);
    let OrderEvent::OrderShipped(pigeon) = &events[3] else {
        panic!("expected a shipped event: {:?}", events[3]);
    };
    assert_eq!(pigeon.carrier.as_str(), "Pigeon");
    assert_eq!(serde_json::to_value(&events).unwrap(), batch);
}

#[test]
fn a_body_that_does_not_match_names_the_webhook_and_the_json_path() {
    let body = br#"[{"kind": "order.created", "eventId": 1, "orderId": "o-1"},
                    {"kind": "order.shipped", "eventId": "two", "orderId": "o-1", "carrier": "UPS"}]"#;
    let error = OrderEvents::decode(body).unwrap_err();
    assert_eq!(error.webhook(), "orderEvents");
    assert_eq!(error.path(), "[1].eventId");
    let text = error.to_string();
    assert!(text.contains("`orderEvents` webhook body at `[1].eventId`"), "{text}");
    assert!(OrderEvents::decode(b"not json").is_err());
    assert!(OrderEvents::decode(b"{}").is_err());
}

#[test]
fn text_binary_and_empty_bodies_decode_as_declared() {
    assert_eq!(AuditLine::decode("user 7 logged in".as_bytes()).unwrap(), "user 7 logged in");
    let error = AuditLine::decode(b"\xff").unwrap_err();
    assert_eq!(error.webhook(), "auditLine");
    assert_eq!(&Snapshot::decode(b"\x00\x9f").unwrap()[..], b"\x00\x9f");
    Ping::decode(b"ignored").unwrap();
}

/// A receiver generic over the webhook it serves.
fn receive<W: Webhook>(method: &Method, body: &[u8]) -> Option<W::Payload> {
    (*method == W::METHOD).then(|| W::decode(body).ok()).flatten()
}

#[test]
fn the_trait_gives_each_call_its_name_and_method() {
    assert_eq!((OrderEvents::NAME, OrderEvents::METHOD), ("orderEvents", Method::POST));
    assert_eq!((Snapshot::NAME, Snapshot::METHOD), ("snapshot", Method::PUT));
    assert_eq!((Ping::NAME, Ping::METHOD), ("ping", Method::GET));
    // One entry with two methods: a type per method, both named after the entry.
    assert_eq!(SubscriptionPost::NAME, "subscription");
    assert_eq!(SubscriptionDelete::NAME, "subscription");
    assert_eq!(SubscriptionDelete::METHOD, Method::DELETE);
    let body = br#"{"subscriptionId": "s-9", "renewAt": "2026-12-01T00:00:00Z"}"#;
    let created = receive::<SubscriptionPost>(&Method::POST, body).unwrap();
    assert_eq!(created.subscription_id.as_str(), "s-9");
    assert!(created.renew_at.is_some());
    assert!(receive::<SubscriptionPost>(&Method::GET, body).is_none());
    let removed = receive::<SubscriptionDelete>(&Method::DELETE, br#"{"subscriptionId": "s-9"}"#);
    assert_eq!(removed.unwrap().subscription_id, created.subscription_id);
}

#[test]
fn openapi_3_1_webhooks_decode_their_payloads() {
    let ticket = json!({"id": 7, "kind": "ticket", "subject": "Printer on fire"});
    let decoded = NewTicket::decode(ticket.to_string().as_bytes()).unwrap();
    assert_eq!(decoded.subject, "Printer on fire");
    assert_eq!(serde_json::to_value(&decoded).unwrap(), ticket);
    // `type: [string, "null"]` in a webhook payload is normalised like anywhere else.
    let closed = TicketClosed::decode(br#"{"ticketId": 7, "reason": null}"#).unwrap();
    assert_eq!((closed.ticket_id, closed.reason), (7, None));
    assert_eq!(<TicketClosed as openapi_31_client::runtime::Webhook>::NAME, "ticketClosed");
}
