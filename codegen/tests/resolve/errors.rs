//! Problems collected with their JSON pointers (dangling and external `$ref`s, `not`, several
//! at once in one error) and load errors with file, line and column.

use crate::common::{load_error, pointers, problems};

#[test]
fn dangling_schema_ref_is_reported_at_its_exact_pointer() {
    let problems = problems(
        r##"
components:
  schemas:
    A:
      type: object
      properties:
        b:
          $ref: '#/components/schemas/Missing'
"##,
    );
    assert_eq!(pointers(&problems), ["#/components/schemas/A/properties/b"]);
    assert!(
        problems[0].message.contains("#/components/schemas/Missing"),
        "{problems:#?}"
    );
}

#[test]
fn dangling_refs_in_nested_places_are_reported_where_they_are() {
    let problems = problems(
        r##"
components:
  schemas:
    A:
      type: array
      items:
        $ref: '#/components/schemas/Nope'
    B:
      allOf:
        - $ref: '#/components/schemas/Gone'
        - type: object
          properties:
            x:
              type: string
    C:
      oneOf:
        - $ref: '#/components/schemas/A'
        - $ref: '#/components/schemas/Absent'
    D:
      type: object
      additionalProperties:
        $ref: 'other.yaml#/Thing'
"##,
    );
    assert_eq!(
        pointers(&problems),
        [
            "#/components/schemas/A/items",
            "#/components/schemas/B/allOf/0",
            "#/components/schemas/C/oneOf/1",
            "#/components/schemas/D/additionalProperties",
        ]
    );
}

#[test]
fn external_references_are_reported_as_unsupported() {
    let problems = problems(
        r##"
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        b:
          $ref: 'other.yaml#/components/schemas/B'
"##,
    );
    assert_eq!(pointers(&problems), ["#/components/schemas/A/properties/b"]);
    assert!(
        problems[0]
            .message
            .contains("external references are not supported"),
        "{problems:?}"
    );
}

#[test]
fn not_schema_is_a_problem() {
    let problems = problems(
        r##"
components:
  schemas:
    A:
      type: object
      properties:
        b:
          not:
            type: string
"##,
    );
    assert_eq!(pointers(&problems), ["#/components/schemas/A/properties/b"]);
    assert!(problems[0].message.contains("`not`"));
}

#[test]
fn several_problems_are_reported_together() {
    let problems = problems(
        r##"
paths:
  /things/{id}:
    post:
      operationId: postThing
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: string
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Nowhere'
components:
  schemas:
    A:
      type: object
      properties:
        b:
          $ref: '#/components/schemas/Missing'
    N:
      not:
        type: integer
"##,
    );
    assert_eq!(
        pointers(&problems),
        [
            "#/components/schemas/A/properties/b",
            "#/components/schemas/N",
            "#/paths/~1things~1{id}/post",
            "#/paths/~1things~1{id}/post/requestBody/content/application~1x-www-form-urlencoded/schema",
            "#/paths/~1things~1{id}/post/responses/200/content/application~1json/schema",
        ]
    );
    let error = codegen::Error::Spec {
        path: "t.yaml".into(),
        problems,
    }
    .to_string();
    assert!(
        error.starts_with(
            "t.yaml: 5 problem(s) in the spec:\n  - #/components/schemas/A/properties/b: "
        ),
        "{error}"
    );
}

#[test]
fn invalid_yaml_reports_file_line_and_column() {
    let text = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\npaths:\n  /a: [\n";
    let err = load_error(text).to_string();
    let rest = err
        .strip_prefix("t.yaml:")
        .unwrap_or_else(|| panic!("{err}"));
    let (line, rest) = rest.split_once(':').unwrap();
    let (column, _) = rest.split_once(':').unwrap();
    assert!(line.parse::<usize>().unwrap() >= 6, "{err}");
    assert!(column.parse::<usize>().is_ok(), "{err}");

    let text = "openapi: 3.0.3\ninfo:\n  title: t\n\tversion: '1'\n";
    let err = load_error(text).to_string();
    assert!(err.starts_with("t.yaml:4:"), "{err}");
}

#[test]
fn missing_required_keys_and_other_versions_are_parse_errors() {
    let err = load_error("openapi: 3.0.3\npaths: {}\n");
    assert!(matches!(err, codegen::Error::Parse { .. }), "{err}");
    assert!(err.to_string().contains("info"), "{err}");

    let text = "openapi: 3.2.0\ninfo:\n  title: t\n  version: '1'\npaths: {}\n";
    let err = load_error(text).to_string();
    assert_eq!(
        err,
        "t.yaml: unsupported OpenAPI version `3.2.0`: expected 3.0.x or 3.1.x"
    );
}
