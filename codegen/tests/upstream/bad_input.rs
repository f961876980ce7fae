//! Bad input: an unparsable or badly shaped published file, or a broken `$ref`, is an error
//! naming the file and the line or JSON pointer.

use crate::parse;

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
