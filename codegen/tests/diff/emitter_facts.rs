//! The emitter facts the classification rules rely on (see `codegen/src/diff/classify.rs`): if
//! one of these fails, the emitter changed and the rules must follow.

use super::*;

fn emitted(case: &str, file: &str) -> String {
    let api = load(&fixture(case, "new.yaml"));
    let provenance = Provenance {
        spec: "new.yaml".into(),
        command: "test".into(),
    };
    codegen::generate(&api, &provenance)
        .unwrap()
        .into_iter()
        .find(|f| f.path == file)
        .unwrap()
        .contents
}

/// The doc comments and attributes written above `item` in `file`.
fn attributes<'f>(file: &'f str, item: &str) -> &'f str {
    let at = file
        .find(item)
        .unwrap_or_else(|| panic!("{item:?} not emitted"));
    let start = file[..at].rfind("\n}\n").map_or(0, |i| i + 3);
    &file[start..at]
}

#[test]
fn structs_used_in_requests_or_by_no_operation_are_exhaustive_with_a_constructor() {
    let fields = emitted("fields", "models.rs");
    let usage = emitted("usage", "models.rs");
    // `Default` exactly when no field is required (`Draft`), the same value as `new()`.
    for (models, name, default) in [
        (&fields, "ThreadUpdate", false),
        (&usage, "Note", false),
        (&usage, "Draft", true),
    ] {
        let attrs = attributes(models, &format!("pub struct {name} {{"));
        assert!(attrs.contains("#[derive("), "{attrs}");
        assert!(!attrs.contains("non_exhaustive"), "{attrs}");
        assert_eq!(attrs.contains("Default"), default, "{attrs}");
        assert!(
            models.contains(&format!("impl {name} {{")),
            "{name} has no constructor"
        );
    }
    // `new` takes the required fields, a `with_` setter sets each optional one.
    let compact: String = usage.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        compact
            .contains("pub fn new(text: impl ::std::convert::Into<::std::string::String>) -> Self"),
        "{usage}"
    );
    assert!(
        compact.contains("pub fn with_author( mut self, value: impl ::std::convert::Into<::std::string::String>, ) -> Self"),
        "{usage}"
    );
}

#[test]
fn unions_convert_from_unique_payloads_and_read_shared_fields() {
    let unions = emitted("unions", "models.rs");
    let compact: String = unions.split_whitespace().collect::<Vec<_>>().join(" ");
    for (source, union) in [
        ("AgentActorV2", "Actor"),
        ("BotActor", "Actor"),
        ("::std::string::String", "Content"),
        ("TextContent", "Content"),
    ] {
        let conversion = format!("impl ::std::convert::From<{source}> for {union} {{");
        assert!(compact.contains(&conversion), "{conversion}\n{unions}");
    }
    // `Actor`'s variants all have `name`; `Content` has a variant that is not a struct.
    assert!(
        compact.contains("impl Actor { /// The `name` every variant may have;"),
        "{unions}"
    );
    assert!(
        compact.contains("pub fn name(&self) -> ::std::option::Option<&str>"),
        "{unions}"
    );
    assert!(!compact.contains("impl Content {"), "{unions}");
}

#[test]
fn response_only_structs_are_non_exhaustive_with_a_constructor_of_the_required_fields() {
    let usage = emitted("usage", "models.rs");
    let fields = emitted("fields", "models.rs");
    for (models, name) in [
        (&usage, "Thread"),
        (&usage, "Base"),
        (&usage, "Problem"),
        (&usage, "Tag"),
        (&fields, "Thread"),
    ] {
        let attrs = attributes(models, &format!("pub struct {name} {{"));
        assert!(attrs.contains("#[non_exhaustive]"), "{name}: {attrs}");
        assert!(!attrs.contains("Default"), "{attrs}");
    }
    // `new` takes exactly the fields that are not `Option`, in declaration order, so an added
    // optional field leaves it unchanged and an added required one does not.
    let compact: String = usage.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        compact.contains(
            "impl Thread { /// A value with the required fields given: every optional field is `None`."
        ),
        "{usage}"
    );
    assert!(
        compact.contains(
            "pub fn new( id: impl ::std::convert::Into<::std::string::String>, \
             status: impl ::std::convert::Into<::std::string::String>, spam: bool, ) -> Self"
        ),
        "{usage}"
    );
}

#[test]
fn string_enums_and_tagged_unions_are_non_exhaustive_with_unknown() {
    let enums = emitted("enums", "models.rs");
    assert!(attributes(&enums, "pub enum ThreadStatus {").contains("#[non_exhaustive]"));
    assert!(enums.contains("    Unknown(::std::string::String),"));
    let unions = emitted("unions", "models.rs");
    assert!(attributes(&unions, "pub enum Actor {").contains("#[non_exhaustive]"));
    assert!(unions.contains("    Unknown(::serde_json::Value),"));
}

#[test]
fn untagged_unions_and_response_enums_are_exhaustive() {
    let unions = emitted("unions", "models.rs");
    assert!(!attributes(&unions, "pub enum Content {").contains("non_exhaustive"));
    let operations = emitted("responses", "operations.rs");
    assert!(!attributes(&operations, "pub enum MultiResponse {").contains("non_exhaustive"));
    // One body type for every success status: `send()` returns it, no enum.
    assert!(!operations.contains("pub enum ArchiveThreadResponse"));
    assert!(operations.contains("pub enum BatchReadResponse {"));
}

#[test]
fn deprecation_is_documentation_only() {
    let operations = emitted("operations", "operations.rs");
    assert!(operations.contains("/// Deprecated by the API."));
    assert!(!operations.contains("#[deprecated"));
}
