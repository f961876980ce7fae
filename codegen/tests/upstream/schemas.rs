//! Schemas compared field by field: types and formats, enum values, required and nullable
//! fields, union variants (tagged and untagged), recursion and shared structure, and OpenAPI 3.1
//! forms.

use codegen::upstream::{compare, Kind};

use crate::{after, doc, key, keys, OURS_GET, THEIRS_GET};

#[test]
fn a_changed_format_and_a_changed_type() {
    let differences = after(&[("            format: uuid\n", "")]);
    assert_eq!(
        keys(&differences),
        vec![key(
            "format",
            &format!("{OURS_GET}/parameters/2/schema"),
            &format!("{THEIRS_GET}/parameters/3/schema")
        )]
    );
    assert_eq!(
        differences[0].message,
        "format none in ours, `uuid` in the published spec"
    );

    // The path-level parameter is shared by both of our operations; HubSpot-style specs repeat
    // it in each, so both report it.
    let differences = after(&[(
        "        schema:\n          type: integer\n          format: int64\n    get:",
        "        schema:\n          type: string\n          format: int64\n    get:",
    )]);
    assert_eq!(
        keys(&differences),
        vec![
            key(
                "type",
                "/paths/~1things~1{thingId}/parameters/0/schema",
                "/paths/~1things~1{id}/delete/parameters/0/schema"
            ),
            key(
                "type",
                "/paths/~1things~1{thingId}/parameters/0/schema",
                &format!("{THEIRS_GET}/parameters/0/schema")
            ),
        ]
    );
    assert_eq!(
        differences[0].message,
        "string in ours, integer in the published spec"
    );
}

#[test]
fn a_dropped_enum_value_is_named_wherever_it_is_published() {
    let differences = after(&[("        - OPEN\n        - CLOSED\n", "        - OPEN\n")]);
    let ours = "/components/schemas/ThingStatus/enum";
    assert_eq!(
        keys(&differences),
        vec![
            key(
                "enum-value-missing",
                ours,
                "/components/schemas/PublicThing/allOf/0/properties/status/enum/1"
            ),
            key(
                "enum-value-missing",
                ours,
                "/components/schemas/PublicThingEgg/properties/status/enum/1"
            ),
            key(
                "enum-value-missing",
                ours,
                &format!("{THEIRS_GET}/parameters/2/schema/enum/0")
            ),
        ]
    );
    assert_eq!(
        differences[0].message,
        "value \"CLOSED\" is published, not in ours"
    );
    assert_eq!(
        differences[1].context,
        "POST /things request body application/json $.status"
    );
    assert_eq!(
        differences[2].context,
        "GET /things/{id} query parameter `status` $"
    );

    let added = after(&[(
        "        - OPEN\n        - CLOSED\n",
        "        - OPEN\n        - CLOSED\n        - SNOOZED\n",
    )]);
    assert_eq!(added.len(), 3);
    assert!(added.iter().all(|d| d.kind == Kind::EnumValueExtra
        && d.ours.pointer == "/components/schemas/ThingStatus/enum/2"));
}

#[test]
fn a_field_made_optional_removed_or_nullable() {
    let optional = after(&[(
        "      required:\n        - id\n        - status\n",
        "      required:\n        - status\n",
    )]);
    assert_eq!(
        keys(&optional),
        vec![key(
            "field-required",
            "/components/schemas/Thing/properties/id",
            "/components/schemas/PublicThing/allOf/0/properties/id"
        )]
    );
    assert_eq!(
        optional[0].message,
        "optional in ours, required in the published spec"
    );

    let removed = after(&[(
        "        closedAt:\n          type: string\n          format: date-time\n          nullable: true\n",
        "",
    )]);
    assert_eq!(
        keys(&removed),
        vec![key(
            "field-missing",
            "/components/schemas/Thing",
            "/components/schemas/PublicThing/allOf/0/properties/closedAt"
        )]
    );
    assert_eq!(
        removed[0].message,
        "optional field `closedAt` is published, not in ours"
    );

    let not_nullable = after(&[("          nullable: true\n", "")]);
    assert_eq!(
        keys(&not_nullable),
        vec![key(
            "nullable",
            "/components/schemas/Thing/properties/closedAt",
            "/components/schemas/PublicThing/allOf/0/properties/closedAt"
        )]
    );
}

#[test]
fn a_union_variant_missing() {
    let differences = after(&[("        - $ref: '#/components/schemas/Moved'\n", "")]);
    assert_eq!(
        keys(&differences),
        vec![key(
            "variant-missing",
            "/components/schemas/Event",
            "/components/schemas/PublicMoved"
        )]
    );
    assert_eq!(
        differences[0].message,
        "variant `type=\"MOVED\"` is published, not in ours"
    );
}

#[test]
fn a_change_inside_a_tagged_variant_names_the_variant() {
    let differences = after(&[(
        "            at:\n              type: string\n              format: date-time\n",
        "            at:\n              type: string\n",
    )]);
    assert_eq!(
        keys(&differences),
        vec![key(
            "format",
            "/components/schemas/Created/allOf/1/properties/at",
            "/components/schemas/PublicThing/allOf/1/properties/events/items/oneOf/1/properties/at"
        )]
    );
    assert_eq!(
        differences[0].context,
        "POST /things 201 application/json $.events[]<type=\"CREATED\">.at"
    );
}

#[test]
fn untagged_union_variants_are_matched_by_shape() {
    let differences = after(&[(
        "            currency:\n              type: string\n",
        "            currency:\n              type: integer\n",
    )]);
    assert_eq!(
        keys(&differences),
        vec![key(
            "type",
            "/components/schemas/Value/oneOf/1/properties/currency",
            "/components/schemas/PublicThing/allOf/1/properties/value/oneOf/0/properties/currency"
        )]
    );
    let dropped = after(&[(
        "        - type: string\n        - type: object\n",
        "        - type: object\n",
    )]);
    assert_eq!(
        keys(&dropped),
        vec![key(
            "variant-missing",
            "/components/schemas/Value",
            "/components/schemas/PublicThing/allOf/1/properties/value/oneOf/1"
        )]
    );
    assert_eq!(
        dropped[0].message,
        "variant `string` is published, not in ours"
    );
}

#[test]
fn recursive_schemas_terminate_and_report_once() {
    // `Thing.parent` and `Moved.to` recurse into `Thing`; a difference in `Thing` is met along
    // every path to it but reported once.
    let differences = after(&[(
        "        id:\n          type: string\n",
        "        id:\n          type: integer\n",
    )]);
    assert_eq!(
        keys(&differences),
        vec![key(
            "type",
            "/components/schemas/Thing/properties/id",
            "/components/schemas/PublicThing/allOf/0/properties/id"
        )]
    );
}

/// A chain of `depth` schemas, each with two fields pointing at the next: 2^depth paths
/// through it, which only a visited set makes linear.
fn diamond(depth: usize, leaf: &str) -> String {
    let mut text = String::from(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /d:\n    get:\n      \
         responses:\n        '200':\n          description: d\n          content:\n            \
         application/json:\n              schema: {$ref: '#/components/schemas/S0'}\n\
         components:\n  schemas:\n",
    );
    for i in 0..depth {
        let next = i + 1;
        text.push_str(&format!(
            "    S{i}:\n      type: object\n      properties:\n        \
             a: {{$ref: '#/components/schemas/S{next}'}}\n        \
             b: {{$ref: '#/components/schemas/S{next}'}}\n"
        ));
    }
    text.push_str(&format!("    S{depth}: {{type: {leaf}}}\n"));
    text
}

#[test]
fn work_is_linear_in_shared_structure() {
    let ours = doc("ours.yaml", &diamond(64, "string"));
    let theirs = doc("theirs.yaml", &diamond(64, "integer"));
    let differences = compare(&ours, &[theirs]).unwrap();
    assert_eq!(
        keys(&differences),
        vec![key(
            "type",
            "/components/schemas/S64",
            "/components/schemas/S64"
        )]
    );
}

#[test]
fn openapi_3_1_forms_read_as_their_3_0_equivalents() {
    let spec = |version: &str, field: &str| {
        format!(
            "openapi: {version}\ninfo: {{title: t, version: '1'}}\npaths:\n  /a:\n    get:\n      \
             responses:\n        '200':\n          description: a\n          content:\n            \
             application/json:\n              schema:\n                type: object\n                \
             properties:\n                  f: {field}\n"
        )
    };
    let ours = doc(
        "ours.yaml",
        &spec("3.0.3", "{type: string, nullable: true, enum: [A]}"),
    );
    let theirs = doc(
        "theirs.yaml",
        &spec("3.1.0", "{type: [string, 'null'], const: A}"),
    );
    let differences = compare(&ours, &[theirs]).unwrap();
    assert!(differences.is_empty(), "{differences:#?}");
}
