//! The client's decode path (`Response::json`, what every `send()` calls) on tagged unions:
//! the tag first, as HubSpot writes it (streamed into the variant), and the tag after other keys
//! (those keys buffered) decode to the same value and report a bad field at the same path.

use bytes::Bytes;
use conversations_tests::{fixture, fixture_text};
use generated_client::models::{Message, MessagePage};
use generated_client::runtime::{Error, Response};
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn decode(body: String) -> Result<MessagePage, Error> {
    Response::new(StatusCode::OK, HeaderMap::new(), Bytes::from(body)).json()
}

/// The same page with every object's keys sorted, so `type` comes after most of them.
fn tag_last(page: &Value) -> String {
    serde_json::to_string(page).unwrap()
}

#[test]
fn tag_first_and_tag_last_decode_alike() {
    let text = fixture_text("MessagePage", "with_next.json");
    assert!(text.contains(r#""type": "MESSAGE""#));
    let streamed = decode(text).unwrap();
    let buffered = decode(tag_last(&fixture("MessagePage", "with_next.json"))).unwrap();
    assert_eq!(streamed, buffered);
    assert!(matches!(streamed.results[0], Message::Message(_)));
}

#[test]
fn a_bad_field_is_named_by_its_full_path_either_way() {
    let mut page = fixture("MessagePage", "with_next.json");
    page["results"][0]["createdAt"] = json!("not a date");
    page["results"][0]["attachments"][0]["fileId"] = json!(["not", "a", "string"]);
    // Tag last: `attachments` and `createdAt` sort before `type`, so both are buffered.
    let err = decode(tag_last(&page)).unwrap_err();
    let Error::Decode { path, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(path, "results[0].attachments[0].fileId", "{err}");

    // Tag first: move `type` to the front of each object, as HubSpot sends it.
    let message = page["results"][0].as_object().unwrap();
    let mut fields: Vec<String> = vec![r#""type":"MESSAGE""#.to_owned()];
    for (key, value) in message.iter().filter(|(k, _)| *k != "type") {
        let value = if key == "attachments" {
            let attachment = value[0].as_object().unwrap();
            let rest: Vec<String> = attachment
                .iter()
                .filter(|(k, _)| *k != "type")
                .map(|(k, v)| format!("{k:?}:{v}"))
                .collect();
            format!(r#"[{{"type":"FILE",{}}}]"#, rest.join(","))
        } else {
            value.to_string()
        };
        fields.push(format!("{key:?}:{value}"));
    }
    let body = format!(r#"{{"results":[{{{}}}]}}"#, fields.join(","));
    let err = decode(body).unwrap_err();
    let Error::Decode { path, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(path, "results[0].attachments[0].fileId", "{err}");
}

#[test]
fn a_known_tag_with_a_bad_body_names_the_variant() {
    let body = r#"{"results":[{"type":"COMMENT","id":"1"}]}"#.to_owned();
    let err = decode(body).unwrap_err();
    assert!(format!("{err:?}").contains("type: COMMENT"), "{err:?}");
}
