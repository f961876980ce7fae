//! Operations, parameters and responses: matched by method and path shape, parameters by
//! location and name, responses by status and media type; the published side is the union of
//! every published file.

use codegen::upstream::compare;

use crate::{after, doc, key, keys, OURS_GET, THEIRS_GET};

#[test]
fn same_wire_facts_with_other_names_prose_and_layout_are_no_difference() {
    let differences = after(&[]);
    assert!(differences.is_empty(), "{differences:#?}");
}

#[test]
fn a_renamed_query_parameter_is_missing_and_extra() {
    let differences = after(&[("- name: fields", "- name: field")]);
    assert_eq!(
        keys(&differences),
        vec![
            key(
                "parameter-missing",
                &format!("{OURS_GET}/parameters"),
                &format!("{THEIRS_GET}/parameters/1")
            ),
            key(
                "parameter-extra",
                &format!("{OURS_GET}/parameters/0"),
                &format!("{THEIRS_GET}/parameters")
            ),
        ]
    );
    assert_eq!(
        differences[0].message,
        "optional query parameter `fields` is published, not in ours"
    );
    assert_eq!(differences[0].context, "GET /things/{id}");
    assert_eq!(differences[0].ours.file, "ours.yaml");
    assert_eq!(differences[0].published.file, "published.json");
}

#[test]
fn a_parameter_made_optional() {
    let differences = after(&[(
        "- name: status\n          in: query\n          required: true",
        "- name: status\n          in: query\n          required: false",
    )]);
    assert_eq!(
        keys(&differences),
        vec![key(
            "parameter-required",
            &format!("{OURS_GET}/parameters/1"),
            &format!("{THEIRS_GET}/parameters/2")
        )]
    );
    assert_eq!(
        differences[0].message,
        "optional in ours, required in the published spec"
    );
}

#[test]
fn style_and_explode_with_defaults_applied() {
    let differences = after(&[(
        "        - name: fields\n          in: query\n",
        "        - name: fields\n          in: query\n          explode: false\n",
    )]);
    assert_eq!(
        keys(&differences),
        vec![key(
            "parameter-style",
            &format!("{OURS_GET}/parameters/0"),
            &format!("{THEIRS_GET}/parameters/1")
        )]
    );
    assert_eq!(
        differences[0].message,
        "style form, explode false in ours, style form, explode true in the published spec"
    );
    // Writing the defaults out changes nothing.
    let explicit = after(&[(
        "        - name: fields\n          in: query\n",
        "        - name: fields\n          in: query\n          style: form\n          explode: true\n",
    )]);
    assert!(explicit.is_empty(), "{explicit:#?}");
}

#[test]
fn status_codes_removed_and_added() {
    let removed = after(&[("        '204':\n          description: Gone.\n", "")]);
    assert_eq!(
        keys(&removed),
        vec![key(
            "response-missing",
            "/paths/~1things~1{thingId}/delete/responses",
            "/paths/~1things~1{id}/delete/responses/204"
        )]
    );
    let added = after(&[(
        "          description: Gone.\n",
        "          description: Gone.\n        '404':\n          description: No such thing.\n",
    )]);
    assert_eq!(
        keys(&added),
        vec![key(
            "response-extra",
            "/paths/~1things~1{thingId}/delete/responses/404",
            "/paths/~1things~1{id}/delete/responses"
        )]
    );
}

#[test]
fn a_changed_media_type() {
    let differences = after(&[(
        "        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/ThingDraft'",
        "        content:\n          text/plain:\n            schema:\n              $ref: '#/components/schemas/ThingDraft'",
    )]);
    assert_eq!(
        keys(&differences),
        vec![
            key(
                "media-type-missing",
                "/paths/~1things/post/requestBody/content",
                "/components/requestBodies/ThingEgg/content/application~1json"
            ),
            key(
                "media-type-extra",
                "/paths/~1things/post/requestBody/content/text~1plain",
                "/components/requestBodies/ThingEgg/content"
            ),
        ]
    );
    assert_eq!(differences[0].context, "POST /things request body");
}

#[test]
fn an_operation_missing_and_extra() {
    let differences = after(&[("  /things:\n", "  /thing:\n")]);
    assert_eq!(
        keys(&differences),
        vec![
            key("operation-missing", "/paths", "/paths/~1things/post"),
            key("operation-extra", "/paths/~1thing/post", "/paths"),
        ]
    );
    assert_eq!(differences[0].context, "POST /things");

    // A method missing from a path we have: our pointer is that path item.
    let differences = after(&[(
        "    delete:\n      operationId: deleteThing",
        "    head:\n      operationId: deleteThing",
    )]);
    assert_eq!(
        keys(&differences),
        vec![
            key(
                "operation-missing",
                "/paths/~1things~1{thingId}",
                "/paths/~1things~1{id}/delete"
            ),
            key(
                "operation-extra",
                "/paths/~1things~1{thingId}/head",
                "/paths"
            ),
        ]
    );
}

#[test]
fn the_union_of_published_files_is_the_published_side() {
    let one = |path: &str| {
        format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n  {path}:\n    get:\n      \
             responses:\n        '204':\n          description: none\n"
        )
    };
    let ours = doc(
        "ours.yaml",
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      \
         responses:\n        '204': {description: a}\n  /b:\n    get:\n      responses:\n        \
         '204': {description: b}\n",
    );
    let (a, b) = (doc("a.yaml", &one("/a")), doc("b.yaml", &one("/b")));
    assert!(compare(&ours, &[a.clone(), b.clone()]).unwrap().is_empty());

    let differences = compare(&ours, std::slice::from_ref(&a)).unwrap();
    assert_eq!(
        keys(&differences),
        vec![key("operation-extra", "/paths/~1b/get", "/paths")]
    );

    let error = compare(&ours, &[a, doc("a-again.yaml", &one("/a"))])
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("a-again.yaml: 1 problem(s)"), "{error}");
    assert!(
        error.contains("#/paths/~1a/get: GET /a is also declared in a.yaml at #/paths/~1a/get"),
        "{error}"
    );
}
