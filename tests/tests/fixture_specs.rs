//! The fixture specs under `tests/fixtures/`: a snapshot of the code generated for every valid
//! spec in `specs/` (one construct family each), and for every spec in `invalid/` the error
//! that names the file, the location and what was expected.

use std::path::Path;

use codegen::Provenance;
use conversations_tests::fixture_specs;

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn snapshot_of_the_code_generated_for_every_fixture_spec() {
    let specs = fixture_specs("specs");
    assert!(specs.len() >= 10, "{specs:?}");
    for spec in specs {
        let name = file_name(&spec);
        let stem = spec.file_stem().unwrap().to_string_lossy().into_owned();
        let provenance = Provenance {
            spec: format!("tests/fixtures/specs/{name}"),
            command: "cargo xtask generate".to_owned(),
        };
        let files = codegen::load_api(&spec)
            .and_then(|api| codegen::generate(&api, &provenance))
            .unwrap_or_else(|e| panic!("{name} does not generate: {e}"));
        // `security.rs` of a spec without API-key schemes holds only its module doc.
        let worth_a_snapshot = |path: &str, contents: &str| match path {
            "mod.rs" => false,
            "security.rs" => contents.contains("pub const"),
            _ => true,
        };
        for file in files
            .iter()
            .filter(|f| worth_a_snapshot(&f.path, &f.contents))
        {
            let snapshot = format!("{stem}__{}", file.path.trim_end_matches(".rs"));
            insta::assert_snapshot!(snapshot, file.contents);
        }
    }
}

/// `tags.yaml` generated as a crate split by tag (`--features-by-tag`): the manifest's features,
/// the crate docs, and every generated item behind the features of the tags that reach it.
#[test]
fn snapshot_of_the_tags_fixture_split_into_one_feature_per_tag() {
    let options = codegen::CrateOptions {
        crate_name: Some("tags-client".to_owned()),
        strict: true,
        features_by_tag: true,
    };
    // Relative, as the headers name it.
    let spec = Path::new("fixtures/specs/tags.yaml");
    let files = codegen::generate_crate(spec, &options).unwrap().files;
    for path in [
        "Cargo.toml",
        "src/lib.rs",
        "src/generated/mod.rs",
        "src/generated/models.rs",
        "src/generated/operations.rs",
        "src/generated/testing.rs",
    ] {
        let file = files.iter().find(|f| f.path == path).unwrap();
        let name = path.trim_start_matches("src/").replace(['/', '.'], "_");
        insta::assert_snapshot!(format!("tags_by_tag__{name}"), file.contents);
    }
}

/// What each invalid fixture's error must say: the file, the location (line and column, or
/// JSON pointer) and the construct.
const EXPECTED_ERRORS: &[(&str, &[&str])] = &[
    (
        "alias_cycle.yaml",
        &[
            "#/components/schemas/Self: ",
            "`Self` → `Self`",
            "#/components/schemas/Left: ",
            "`Left` → `Right` → `Left`",
            "#/components/schemas/Right: ",
            "expected one of these schemas to define a type",
        ],
    ),
    (
        "conflicting_all_of.yaml",
        &[
            "#/components/schemas/Child/allOf/1/properties/id: ",
            "conflicting types `string` (at #/components/schemas/Base/properties/id) and `boolean`",
        ],
    ),
    (
        "dangling_ref.yaml",
        &[
            "#/paths/~1a/get/responses/200/content/application~1json/schema: ",
            "`$ref: #/components/schemas/Missing` does not name an entry",
        ],
    ),
    (
        "duplicate_operation_id.yaml",
        &["#/paths/~1b/get/operationId: operationId `fetch` is already used by #/paths/~1a/get"],
    ),
    (
        "external_ref.yaml",
        &[
            "#/components/schemas/A/properties/b: ",
            "common.yaml#/components/schemas/B",
            "external references are not supported",
        ],
    ),
    ("invalid_json.json", &["invalid_json.json:4:13: key must be a string"]),
    ("invalid_yaml.yaml", &["invalid_yaml.yaml:8:1: ", "flow mapping"]),
    (
        "path_parameters.yaml",
        &[
            "#/paths/~1things~1{thingId}/get: path template names `{thingId}` but no path parameter `thingId` is declared",
            "path parameter `id` does not appear in the path template `/things/{thingId}`",
        ],
    ),
    (
        "ref_cycle.yaml",
        &[
            "#/components/schemas/A: `$ref: #/components/schemas/B` leads back to itself",
            "#/components/schemas/B: `$ref: #/components/schemas/A` leads back to itself",
        ],
    ),
    (
        "relative_server.yaml",
        &[
            "#/servers/0/url: server URL `/api/v3` is not absolute",
            "expected an absolute `https://` or `http://` URL",
        ],
    ),
    (
        "unmappable_31.yaml",
        &[
            "#/components/schemas/Either/type: a schema of several types",
            "#/components/schemas/Point/prefixItems: tuple arrays cannot be expressed",
        ],
    ),
    (
        "unsupported_constructs.yaml",
        &[
            "#/components/schemas/NotAString: `not` schemas are not supported",
            "#/paths/~1upload/post/parameters/0: ",
            "expected an object with `deepObject`",
            "#/paths/~1upload/post/requestBody/content/multipart~1form-data/schema: a `multipart/form-data` body must be an object",
        ],
    ),
    (
        "unsupported_security.yaml",
        &[
            "#/security/0/nobody: security scheme `nobody` is not declared",
            "#/paths/~1a/get/security/0/digest: security scheme `digest` (at #/components/securitySchemes/digest) is HTTP `digest` authentication",
            "expected `type: apiKey`, `oauth2`, `openIdConnect`, or `http` with `scheme: bearer` or `basic`",
            "#/paths/~1a/get/security/1: security schemes `token` and `login` both need the `Authorization` header",
        ],
    ),
    (
        "wrong_node_type.yaml",
        &["wrong_node_type.yaml:7:3: ", "expected struct Responses"],
    ),
];

#[test]
fn every_invalid_fixture_fails_with_its_location_and_what_was_expected() {
    let files: Vec<String> = fixture_specs("invalid")
        .iter()
        .map(|p| file_name(p))
        .collect();
    let listed: Vec<&str> = EXPECTED_ERRORS.iter().map(|(f, _)| *f).collect();
    assert_eq!(files, listed, "every invalid fixture has its expectations");
    for spec in fixture_specs("invalid") {
        let name = file_name(&spec);
        let error = codegen::generate_crate(
            &spec,
            &codegen::CrateOptions {
                strict: true,
                ..Default::default()
            },
        )
        .map(|_| ())
        .expect_err(&name)
        .to_string();
        assert!(error.starts_with(&spec.display().to_string()), "{error}");
        let (_, expected) = EXPECTED_ERRORS.iter().find(|(f, _)| *f == name).unwrap();
        for part in *expected {
            assert!(
                error.contains(part),
                "{name}: {part:?} missing from:\n{error}"
            );
        }
    }
}
