//! Partial generation (`tests/fixtures/partial/`): strictly, a spec with an operation or schema
//! the client cannot express is refused with every problem located; by default each such
//! operation is left out and each such schema holds any JSON value, each case a located warning
//! that the generated docs list too. Problems that belong to no operation or schema (a relative
//! server, an unsendable security scheme) refuse the spec either way. The generated crates are
//! compiled by `generate_crate`.

use std::path::PathBuf;

use codegen::{CrateOptions, GeneratedCrate};
use conversations_tests::fixture_specs;

fn spec(dir: &str, name: &str) -> PathBuf {
    let spec = fixture_specs(dir)
        .into_iter()
        .find(|p| p.file_name().is_some_and(|f| f == name));
    spec.unwrap_or_else(|| panic!("no fixture {dir}/{name}"))
}

fn generate(spec: &std::path::Path, strict: bool) -> Result<GeneratedCrate, codegen::Error> {
    let options = CrateOptions {
        strict,
        ..Default::default()
    };
    codegen::generate_crate(spec, &options)
}

fn file<'a>(generated: &'a GeneratedCrate, path: &str) -> &'a str {
    let file = generated.files.iter().find(|f| f.path == path);
    &file.unwrap_or_else(|| panic!("no {path}")).contents
}

/// Each case the fixture holds: the pointer, what was done, and the problem's pointer.
const EXPECTED: &[(&str, &str, &str)] = &[
    (
        "#/components/schemas/Conflicting",
        "schema `Conflicting` generated as any JSON value",
        "#/components/schemas/Conflicting/allOf/1/properties/id",
    ),
    // A `not` schema: only its spot holds any JSON value, the struct around it stays.
    (
        "#/components/schemas/Kept/properties/nested/properties/inner",
        "generated as any JSON value",
        "#/components/schemas/Kept/properties/nested/properties/inner",
    ),
    (
        "#/components/schemas/Negated",
        "generated as any JSON value",
        "#/components/schemas/Negated",
    ),
    (
        "#/paths/~1errors-only/get",
        "operation `onlyErrors` (GET /errors-only) left out",
        "#/paths/~1errors-only/get/responses",
    ),
    (
        "#/paths/~1things/post",
        "operation `createThing` (POST /things) left out",
        "#/paths/~1things/post/parameters/0",
    ),
    (
        "#/paths/~1things~1{id}/delete",
        "operation `deleteThing` (DELETE /things/{id}) left out",
        "#/paths/~1things~1{id}/parameters/0",
    ),
    (
        "#/paths/~1things~1{id}/get",
        "operation `getThing` (GET /things/{id}) left out",
        "#/paths/~1things~1{id}/parameters/0",
    ),
    // A `$ref` to nothing in a response: the operation stays, its response is any JSON value.
    (
        "#/paths/~1things~1{id}~1owner/get/responses/200/content/application~1json/schema",
        "generated as any JSON value",
        "#/paths/~1things~1{id}~1owner/get/responses/200/content/application~1json/schema",
    ),
];

#[test]
fn strict_generation_refuses_the_spec_naming_every_problem() {
    let spec = spec("partial", "inexpressible.yaml");
    let error = generate(&spec, true).map(|_| ()).unwrap_err().to_string();
    assert!(error.starts_with(&spec.display().to_string()), "{error}");
    assert!(error.contains("7 problem(s)"), "{error}");
    for (_, _, problem) in EXPECTED {
        assert!(
            error.contains(&format!("  - {problem}: ")),
            "{error} lacks {problem}"
        );
    }
}

#[test]
fn partial_generation_leaves_out_operations_and_degrades_schemas_with_located_warnings() {
    // Relative to the package (tests run there), so the snapshots' headers name no machine path.
    let spec = std::path::Path::new("fixtures/partial/inexpressible.yaml");
    let generated = generate(spec, false).unwrap();
    let warnings: Vec<(String, String, Vec<String>)> = generated
        .warnings
        .iter()
        .map(|w| {
            let problems = w.problems.iter().map(|p| p.pointer.clone()).collect();
            (w.pointer.clone(), w.kind.to_string(), problems)
        })
        .collect();
    let expected: Vec<(String, String, Vec<String>)> = EXPECTED
        .iter()
        .map(|(at, kind, problem)| ((*at).into(), (*kind).into(), vec![(*problem).into()]))
        .collect();
    assert_eq!(warnings, expected);

    let docs = file(&generated, "src/generated/mod.rs");
    assert!(docs.contains("//! # Not generated exactly"), "{docs}");
    for (at, kind, _) in EXPECTED {
        assert!(
            docs.contains(&format!("//! - `{at}`: {kind} — ")),
            "{docs} lacks {at}"
        );
    }
    let operations = file(&generated, "src/generated/operations.rs");
    for gone in ["create_thing", "get_thing", "delete_thing", "only_errors"] {
        assert!(
            !operations.contains(&format!("pub fn {gone}(")),
            "{gone} is generated"
        );
    }
    for kept in ["list_things", "ping", "get_owner"] {
        assert!(
            operations.contains(&format!("pub fn {kept}(")),
            "{kept} is missing"
        );
    }
    let models = file(&generated, "src/generated/models.rs");
    for path in ["mod", "models", "operations"] {
        let contents = file(&generated, &format!("src/generated/{path}.rs"));
        insta::assert_snapshot!(format!("inexpressible__{path}"), contents);
    }
    assert!(
        models.contains("pub type Negated = ::serde_json::Value;"),
        "{models}"
    );
    assert!(
        models.contains("pub type Conflicting = ::serde_json::Value;"),
        "{models}"
    );
    assert!(models.contains("pub struct Kept {"), "{models}");
    let inner = "pub inner: ::std::option::Option<::serde_json::Value>,";
    assert!(models.contains(inner), "{models}");
    // The inline types of what was left out or degraded are gone with it.
    for gone in ["CreateThingBody", "ConflictingMeta", "GetThingId"] {
        assert!(
            !models.contains(gone),
            "{gone} is still generated:\n{models}"
        );
    }
}

#[test]
fn a_spec_without_problems_generates_the_same_files_strictly_or_not() {
    let spec = spec("specs", "real_world.yaml");
    let strict = generate(&spec, true).unwrap();
    let partial = generate(&spec, false).unwrap();
    assert!(partial.warnings.is_empty(), "{:?}", partial.warnings);
    assert_eq!(strict.files, partial.files);
}

#[test]
fn problems_outside_operations_and_schemas_refuse_the_spec_even_partially() {
    for (name, pointer) in [
        ("relative_server.yaml", "#/servers/0/url"),
        ("unsupported_security.yaml", "#/security/0/nobody: "),
    ] {
        let error = generate(&spec("invalid", name), false)
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(error.contains(pointer), "{name}: {error}");
    }
}

#[test]
fn a_problem_in_a_shared_response_is_reported_once() {
    let dir = std::env::temp_dir().join(format!("partial-shared-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("shared.yaml");
    let text = r#"openapi: 3.0.3
info: {title: Shared, version: '1'}
servers: [{url: 'https://x.example'}]
paths:
  /a:
    get:
      operationId: a
      responses:
        '200': {$ref: '#/components/responses/Thing'}
  /b:
    get:
      operationId: b
      responses:
        '200': {$ref: '#/components/responses/Thing'}
components:
  responses:
    Thing:
      description: A thing.
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Missing'}
"#;
    std::fs::write(&spec, text).unwrap();
    let generated = generate(&spec, false).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let pointers: Vec<&str> = generated
        .warnings
        .iter()
        .map(|w| w.pointer.as_str())
        .collect();
    assert_eq!(
        pointers,
        ["#/components/responses/Thing/content/application~1json/schema"]
    );
    let operations = file(&generated, "src/generated/operations.rs");
    assert!(
        operations.contains("pub fn a(") && operations.contains("pub fn b("),
        "{operations}"
    );
}
