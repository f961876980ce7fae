//! The upstream comparison (`codegen::upstream`): `fixtures/upstream/ours.yaml` and
//! `published.json` say the same on the wire with different names, prose and `$ref` layout;
//! each test edits one wire fact of ours and expects exactly the differences it causes, named
//! by kind and by the pointer on both sides. Then the deviations file, bad input and the
//! reduction.

use std::path::{Path, PathBuf};

use codegen::upstream::deviations::{Deviations, Report};
use codegen::upstream::{compare, reduce, Difference, Document, Kind};
use codegen::Error;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/upstream")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

fn parse(label: &str, text: &str) -> Result<Document, Error> {
    Document::parse(Path::new(label), label, text)
}

fn doc(label: &str, text: &str) -> Document {
    parse(label, text).unwrap_or_else(|e| panic!("{label} does not load: {e}"))
}

fn published() -> Document {
    doc("published.json", &read("published.json"))
}

/// Ours with each `(from, to)` applied; `from` must occur exactly once.
fn ours_edited(edits: &[(&str, &str)]) -> Document {
    let mut text = read("ours.yaml");
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "ours.yaml: {from:?}");
        text = text.replacen(from, to, 1);
    }
    doc("ours.yaml", &text)
}

/// `(kind, ours pointer, published pointer)` of each difference.
fn keys(differences: &[Difference]) -> Vec<(&'static str, String, String)> {
    differences
        .iter()
        .map(|d| {
            (
                d.kind.as_str(),
                d.ours.pointer.clone(),
                d.published.pointer.clone(),
            )
        })
        .collect()
}

fn key(kind: &'static str, ours: &str, published: &str) -> (&'static str, String, String) {
    (kind, ours.to_owned(), published.to_owned())
}

/// The differences an edit of ours causes against the published fixture.
fn after(edits: &[(&str, &str)]) -> Vec<Difference> {
    compare(&ours_edited(edits), &[published()]).unwrap()
}

const OURS_GET: &str = "/paths/~1things~1{thingId}/get";
const THEIRS_GET: &str = "/paths/~1things~1{id}/get";

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
fn a_changed_scope_and_a_changed_scheme() {
    let scope = after(&[(
        "            - things.write\n",
        "            - things.read\n",
    )]);
    assert_eq!(
        keys(&scope),
        vec![key(
            "security-scopes",
            "/paths/~1things~1{thingId}/delete/security/0",
            "/paths/~1things~1{id}/delete/security/0"
        )]
    );
    assert_eq!(
        scope[0].message,
        "oauth2_auth [things.read] in ours, oauth2_auth [things.write] in the published spec"
    );

    // Our `token` matched HubSpot-style `bearer` by meaning; as an API key it matches nothing.
    let scheme = after(&[(
        "      type: http\n      scheme: bearer\n",
        "      type: apiKey\n      in: header\n      name: X-Token\n",
    )]);
    assert_eq!(
        keys(&scheme),
        vec![
            key(
                "security-missing",
                "/paths/~1things~1{thingId}/get/security",
                "/paths/~1things~1{id}/get/security/1"
            ),
            key(
                "security-extra",
                "/paths/~1things~1{thingId}/get/security/0",
                "/paths/~1things~1{id}/get/security"
            ),
            key(
                "security-missing",
                "/security",
                "/paths/~1things/post/security/0"
            ),
            key(
                "security-extra",
                "/security/0",
                "/paths/~1things/post/security"
            ),
        ]
    );
}

#[test]
fn a_scheme_of_the_same_name_with_another_meaning() {
    let spec = |scheme: &str| {
        format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\n\
             components:\n  securitySchemes:\n    private_apps: {scheme}\n"
        )
    };
    let ours = doc("ours.yaml", &spec("{type: http, scheme: bearer}"));
    let theirs = doc(
        "theirs.yaml",
        &spec("{type: apiKey, in: header, name: private-app}"),
    );
    let differences = compare(&ours, &[theirs]).unwrap();
    assert_eq!(
        keys(&differences),
        vec![key(
            "security-scheme",
            "/components/securitySchemes/private_apps",
            "/components/securitySchemes/private_apps"
        )]
    );
    assert_eq!(
        differences[0].message,
        "scheme `private_apps` is http bearer in ours, apiKey in header `private-app` in the \
         published spec"
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

// The deviations file.

/// The fixture with `fields` renamed: one missing and one extra parameter.
fn renamed_parameter() -> Vec<Difference> {
    after(&[("- name: fields", "- name: field")])
}

fn deviations(text: &str) -> Result<Deviations, Error> {
    Deviations::parse(
        Path::new("upstream-deviations.yaml"),
        "upstream-deviations.yaml",
        text,
    )
}

fn report(text: &str, differences: Vec<Difference>) -> Report {
    let deviations = deviations(text).unwrap();
    Report::new("ours.yaml", &["published.json"], &deviations, differences)
}

const LISTED_MISSING: &str = "\
- kind: parameter-missing
  ours: /paths/~1things~1{thingId}/get/parameters
  published: '#/paths/~1things~1{id}/get/parameters/1'
  reason: We call it `field`.
";

#[test]
fn a_listed_deviation_allows_exactly_its_difference() {
    let report = report(LISTED_MISSING, renamed_parameter());
    let allowed: Vec<(Kind, Option<&str>)> = report
        .findings
        .iter()
        .map(|f| (f.difference.kind, f.allowed.as_deref()))
        .collect();
    assert_eq!(
        allowed,
        vec![
            (Kind::ParameterMissing, Some("We call it `field`.")),
            (Kind::ParameterExtra, None),
        ]
    );
    assert_eq!((report.allowed(), report.unexplained()), (1, 1));
    assert!(report.stale.is_empty());
    assert!(!report.passed());

    let both = format!(
        "{LISTED_MISSING}- kind: parameter-extra\n  ours: /paths/~1things~1{{thingId}}/get/parameters/0\n  \
         published: /paths/~1things~1{{id}}/get/parameters\n  reason: Same rename.\n"
    );
    assert!(report_passes(&both, renamed_parameter()));
}

fn report_passes(text: &str, differences: Vec<Difference>) -> bool {
    report(text, differences).passed()
}

#[test]
fn a_deviation_that_no_longer_occurs_is_stale() {
    let report = report(LISTED_MISSING, after(&[]));
    assert!(report.findings.is_empty());
    assert_eq!(report.stale.len(), 1);
    assert_eq!(report.stale[0].entry, 1);
    assert_eq!(report.stale[0].kind, Kind::ParameterMissing);
    assert!(!report.passed());
    assert!(report_passes("[]\n", after(&[])));
    assert!(report_passes("# nothing yet\n", after(&[])));
}

#[test]
fn an_invalid_deviations_file_is_a_located_error() {
    let cases = [
        (
            "- kind: type\n  ours: /a\n  published: /b\n",
            "upstream-deviations.yaml:1:3: ",
            "missing field `reason`",
        ),
        (
            "- kind: type\n  ours: /a\n  published: /b\n  reason: x\n  why: y\n",
            "upstream-deviations.yaml:5:3: ",
            "unknown field `why`",
        ),
        (
            "- kind: type\n  ours: /a\n  published: /b\n  reason: '  '\n",
            "upstream-deviations.yaml:1:3: ",
            "`reason` is empty",
        ),
        (
            "- kind: typo\n  ours: /a\n  published: /b\n  reason: x\n",
            "upstream-deviations.yaml:1:",
            "unknown kind `typo`, expected one of: server-missing,",
        ),
        (
            "- kind: type\n  ours: components/x\n  published: /b\n  reason: x\n",
            "upstream-deviations.yaml:1:3: ",
            "`components/x` is not a JSON pointer",
        ),
        (
            "- kind: type\n  ours: /a\n  published: /b\n  reason: x\n- [unclosed\n",
            "upstream-deviations.yaml:5:",
            "",
        ),
        (
            "- {kind: type, ours: /a, published: /b, reason: x}\n- {kind: type, ours: '#/a', published: /b, reason: y}\n",
            "upstream-deviations.yaml: 1 problem(s)",
            "#/1: entry 2 lists the same difference as entry 1",
        ),
    ];
    for (text, location, message) in cases {
        let error = deviations(text).unwrap_err().to_string();
        assert!(error.starts_with(location), "{text:?}: {error}");
        assert!(error.contains(message), "{text:?}: {error}");
    }
}

// Bad input.

#[test]
fn an_invalid_published_file_is_a_located_error() {
    let cases = [
        (
            "p.json",
            "{\n  \"openapi\": \"3.0.1\",\n  \"paths\": {,}\n}",
            "p.json:3:",
        ),
        ("p.yaml", "openapi: 3.0.3\npaths: [\n", "p.yaml:3:"),
        (
            "p.json",
            "{\"swagger\": \"2.0\"}",
            "p.json: not an OpenAPI document",
        ),
        ("p.yaml", "openapi: 2.0\n", "p.yaml: `openapi` is 2.0"),
        ("p.yaml", "- a list\n", "p.yaml: not an OpenAPI document"),
    ];
    for (label, text, expected) in cases {
        let error = parse(label, text).unwrap_err().to_string();
        assert!(error.starts_with(expected), "{text:?}: {error}");
    }
}

#[test]
fn dangling_external_and_cyclic_refs_are_reported_with_pointers() {
    let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      \
                parameters:\n        - $ref: '#/components/parameters/Nope'\n      responses:\n        \
                '200':\n          description: a\n          content:\n            application/json:\n              \
                schema: {$ref: 'other.yaml#/X'}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    \
                B: {$ref: '#/components/schemas/A'}\n    C:\n      properties:\n        description: {}\n        \
                example: {$ref: '#/components/schemas/Gone'}\n      example: {$ref: '#/not/checked'}\n";
    let error = parse("s.yaml", text).unwrap_err().to_string();
    let expected = [
        "#/paths/~1a/get/parameters/0/$ref: `$ref: #/components/parameters/Nope` names nothing in this document",
        "#/paths/~1a/get/responses/200/content/application~1json/schema/$ref: `$ref: other.yaml#/X` is not a local reference",
        "#/components/schemas/A/$ref: `$ref: #/components/schemas/B` starts a reference cycle",
        "#/components/schemas/C/properties/example/$ref: `$ref: #/components/schemas/Gone` names nothing",
    ];
    for line in expected {
        assert!(error.contains(line), "missing {line:?} in:\n{error}");
    }
    // A schema's `example` is data, not a schema: a `$ref` inside it is not followed.
    assert!(!error.contains("#/not/checked"), "{error}");
    assert!(error.starts_with("s.yaml: 5 problem(s)"), "{error}");
}

#[test]
fn badly_shaped_nodes_are_reported() {
    let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      \
                parameters:\n        - in: query\n      responses: 7\n";
    let error = parse("s.yaml", text).unwrap_err().to_string();
    assert!(
        error.contains("#/paths/~1a/get/parameters/0: a parameter needs a string `name`"),
        "{error}"
    );
    assert!(
        error.contains("#/paths/~1a/get/responses: expected an object"),
        "{error}"
    );
}

// The reduction.

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

// Robustness.

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1) as u64) as usize
    }
}

/// Every node's JSON pointer.
fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    let escape = |s: &str| s.replace('~', "~0").replace('/', "~1");
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                pointers(child, format!("{at}/{}", escape(key)), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Deletes, retypes or replaces one node, or points a `$ref` at another node (which makes
/// cycles through `allOf`, `items`, properties and components).
fn mutate(root: &mut serde_json::Value, all: &[String], rng: &mut Rng) {
    let target = &all[rng.below(all.len())];
    let other = &all[rng.below(all.len())];
    let replacement = match rng.below(4) {
        0 => serde_json::json!({ "$ref": format!("#{other}") }),
        1 => root.pointer(other).cloned().unwrap_or_default(),
        2 => [
            serde_json::json!(null),
            serde_json::json!(7),
            serde_json::json!("object"),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!({"oneOf": [{"type": "null"}]}),
        ][rng.below(6)]
        .clone(),
        _ => {
            let (parent, key) = target.rsplit_once('/').unwrap_or(("", ""));
            match root.pointer_mut(parent) {
                Some(serde_json::Value::Object(map)) => {
                    map.remove(&key.replace("~1", "/").replace("~0", "~"));
                }
                Some(serde_json::Value::Array(items)) => {
                    if let Ok(i) = key.parse::<usize>() {
                        if i < items.len() {
                            items.remove(i);
                        }
                    }
                }
                _ => {}
            }
            return;
        }
    };
    if let Some(node) = root.pointer_mut(target) {
        *node = replacement;
    }
}

#[test]
fn random_mutations_never_panic_or_hang() {
    let ours_yaml: serde_json::Value = serde_yaml::from_str(&read("ours.yaml")).unwrap();
    let bases = [
        ("ours", ours_yaml),
        (
            "published",
            serde_json::from_str(&read("published.json")).unwrap(),
        ),
    ];
    let (ours, theirs) = (ours_edited(&[]), published());
    let (mut loaded, mut ran) = (0, 0);
    for (label, base) in bases {
        let mut all = Vec::new();
        pointers(&base, String::new(), &mut all);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ label.len() as u64);
        for _ in 0..150 {
            let mut mutant = base.clone();
            for _ in 0..1 + rng.below(3) {
                mutate(&mut mutant, &all, &mut rng);
            }
            ran += 1;
            let text = serde_json::to_string(&mutant).unwrap();
            let Ok(document) = parse("mutant.json", &text) else {
                continue;
            };
            loaded += 1;
            let _ = reduce::reduce(&document);
            let _ = compare(&document, std::slice::from_ref(&theirs));
            let _ = compare(&ours, &[document]);
        }
    }
    // Enough mutants must get past the document check for the test to mean something.
    assert!(loaded * 3 >= ran, "only {loaded} of {ran} mutants loaded");
}
