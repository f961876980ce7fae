//! The reduction of a published spec: prose stripped by position, wire facts kept, the same
//! bytes every time.

use codegen::upstream::{compare, reduce};

use crate::{doc, ours_edited, published};

#[test]
fn the_reduction_strips_prose_by_position_and_keeps_wire_facts() {
    let original = published();
    let text = reduce::reduce(&original);
    let reduced: serde_json::Value = serde_json::from_str(&text).unwrap();
    for prose in [
        "The vendor's prose.",
        "successful operation",
        "Their words.",
        "All about things.",
        "A field named description.",
        "What went wrong.",
        "x-vendor",
        "StandardError",
        "\"example\"",
        "\"summary\"",
    ] {
        assert!(!text.contains(prose), "{prose:?} survived:\n{text}");
    }
    // Keywords that are neither prose nor wire facts stay as they are.
    assert!(text.contains("\"bearerFormat\": \"opaque\""), "{text}");
    // Names that look like keywords stay: a field called `description`, info's title.
    let egg = &reduced["components"]["schemas"]["PublicThingEgg"]["properties"];
    assert_eq!(egg["description"], serde_json::json!({"type": "string"}));
    assert_eq!(
        reduced["info"],
        serde_json::json!({"title": "Published Things", "version": "2026-01"})
    );
    // Required prose is blanked, not dropped; beside a `$ref` it goes.
    let get = &reduced["paths"]["/things/{id}"]["get"]["responses"];
    assert_eq!(get["200"]["description"], "");
    assert_eq!(
        get["default"],
        serde_json::json!({"$ref": "#/components/responses/Error"})
    );
    assert_eq!(
        reduced["components"]["securitySchemes"]["oauth2_auth"]["flows"]["authorizationCode"]
            ["scopes"],
        serde_json::json!({"things.read": "", "things.write": ""})
    );

    // Same wire facts, same bytes every time, and reducing again changes nothing.
    let copy = doc("reduced.json", &text);
    assert!(compare(&original, std::slice::from_ref(&copy))
        .unwrap()
        .is_empty());
    assert!(compare(&ours_edited(&[]), std::slice::from_ref(&copy))
        .unwrap()
        .is_empty());
    assert_eq!(reduce::reduce(&published()), text);
    assert_eq!(reduce::reduce(&copy), text);
}
