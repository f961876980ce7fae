//! The spec diff: pairs of fixture specs (`tests/fixtures/diff/<case>/{old,new}.yaml`), each
//! covering one family of changes, with every expected change and its classification written out
//! by hand; the rendered text, Markdown and JSON (`rendering`); union conversions and accessors
//! (`union_methods`); and the emitter facts the rules rely on (`emitter_facts`).

use std::path::{Path, PathBuf};

use codegen::diff::render::{self, Sources};
use codegen::diff::{diff, Impact, Kind, Release, Report, Subject};
use codegen::ir::Api;
use codegen::Provenance;

use Impact::{Additive, Behaviour, Breaking, Docs};

/// The sources named in rendered reports.
const SOURCES: Sources<'static> = Sources {
    old: "old.yaml",
    new: "new.yaml",
};

fn fixture(case: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diff")
        .join(case)
        .join(file)
}

fn load(path: &Path) -> Api {
    codegen::load_api(path).unwrap_or_else(|e| panic!("fixture does not resolve: {e}"))
}

fn case(name: &str) -> Report {
    diff(
        &load(&fixture(name, "old.yaml")),
        &load(&fixture(name, "new.yaml")),
    )
}

/// `api`, `op NAME`, `type NAME` or `webhook NAME`.
fn subject(subject: &Subject) -> String {
    match subject {
        Subject::Api => "api".to_owned(),
        Subject::Operation(name) => format!("op {name}"),
        Subject::Type(name) => format!("type {name}"),
        Subject::Webhook(name) => format!("webhook {name}"),
    }
}

/// Asserts the report holds exactly the expected changes (subject, kind, item, impact), in any
/// order, and needs `release`.
fn assert_changes(
    report: &Report,
    expected: &[(&str, Kind, &str, Impact)],
    release: Option<Release>,
) {
    let mut found: Vec<(String, Kind, String, Impact)> = report
        .changes
        .iter()
        .map(|c| (subject(&c.subject), c.kind, c.item.clone(), c.impact()))
        .collect();
    let mut wanted: Vec<(String, Kind, String, Impact)> = expected
        .iter()
        .map(|(s, k, i, impact)| (s.to_string(), *k, i.to_string(), *impact))
        .collect();
    found.sort();
    wanted.sort();
    assert_eq!(
        found,
        wanted,
        "\n{}",
        render::text(
            &report.clone(),
            Sources {
                old: "old",
                new: "new"
            }
        )
    );
    assert_eq!(report.release(), release);
}

#[test]
fn operations_added_removed_moved_and_documented() {
    assert_changes(
        &case("operations"),
        &[
            ("api", Kind::VersionChanged, "", Docs),
            ("api", Kind::BaseUrlChanged, "", Behaviour),
            ("op get_thread", Kind::OperationDocsChanged, "", Docs),
            ("op get_thread", Kind::DeprecationChanged, "", Docs),
            ("op get_thread", Kind::ScopesChanged, "", Docs),
            ("op archive_thread", Kind::EndpointChanged, "", Behaviour),
            ("op archive_thread", Kind::IdempotencyChanged, "", Behaviour),
            ("op list_inboxes", Kind::OperationRemoved, "", Breaking),
            ("op create_thread", Kind::OperationAdded, "", Additive),
        ],
        Some(Release::Major),
    );
}

#[test]
fn webhooks_added_removed_retyped_moved_and_documented() {
    assert_changes(
        &case("webhooks"),
        &[
            ("webhook Gone", Kind::WebhookRemoved, "", Breaking),
            ("webhook Added", Kind::WebhookAdded, "", Additive),
            ("webhook Retyped", Kind::WebhookPayloadRetyped, "", Breaking),
            ("webhook Audit", Kind::WebhookCallChanged, "", Behaviour),
            ("webhook Audit", Kind::WebhookCallChanged, "", Behaviour),
            ("webhook Events", Kind::WebhookDocsChanged, "", Docs),
            // A struct only webhook payloads use is received, like a response body.
            ("type Event", Kind::ResponseFieldAdded, "at", Additive),
        ],
        Some(Release::Major),
    );
    let report = case("webhooks");
    let summaries: Vec<&str> = report.changes.iter().map(|c| c.summary.as_str()).collect();
    assert!(
        summaries.contains(&"`decode` returns `Vec<Event>` (was `Event`)"),
        "{summaries:?}"
    );
    assert!(
        summaries.contains(&"now describes `PUT` webhook `audit` (was `POST` webhook `audit`)"),
        "{summaries:?}"
    );
    assert!(
        summaries.contains(&"the API sends `application/vnd.audit+json` (was `application/json`)"),
        "{summaries:?}"
    );
}

#[test]
fn parameters_become_arguments_setters_or_wire_changes() {
    assert_changes(
        &case("parameters"),
        &[
            ("op list_threads", Kind::ParamRetyped, "limit", Breaking),
            (
                "op list_threads",
                Kind::ParamBecameRequired,
                "sort",
                Breaking,
            ),
            (
                "op list_threads",
                Kind::ParamBecameOptional,
                "inbox_id",
                Breaking,
            ),
            ("op list_threads", Kind::ParamDocsChanged, "archived", Docs),
            (
                "op list_threads",
                Kind::ParamWireChanged,
                "x_trace",
                Behaviour,
            ),
            (
                "op list_threads",
                Kind::ParamRemovedOptional,
                "status",
                Breaking,
            ),
            (
                "op list_threads",
                Kind::ParamRemovedRequired,
                "mode",
                Breaking,
            ),
            (
                "op list_threads",
                Kind::ParamWireChanged,
                "cursor",
                Behaviour,
            ),
            (
                "op list_threads",
                Kind::ParamWireChanged,
                "page_size",
                Behaviour,
            ),
            (
                "op list_threads",
                Kind::ParamAddedOptional,
                "property",
                Additive,
            ),
            (
                "op list_threads",
                Kind::ParamAddedRequired,
                "tenant",
                Breaking,
            ),
        ],
        Some(Release::Major),
    );
}

#[test]
fn a_new_optional_query_parameter_alone_is_a_minor_release() {
    let old = load(&fixture("parameters", "old.yaml"));
    let mut new = old.clone();
    let mut param = new.operations[0].params[0].clone();
    param.wire_name = "property".into();
    param.rust_name = "property".into();
    new.operations[0].params.push(param);
    let report = diff(&old, &new);
    assert_changes(
        &report,
        &[(
            "op list_threads",
            Kind::ParamAddedOptional,
            "property",
            Additive,
        )],
        Some(Release::Minor),
    );
    assert!(!report.has_breaking());
}

#[test]
fn request_bodies() {
    assert_changes(
        &case("bodies"),
        &[
            ("op send_message", Kind::BodyRetyped, "body", Breaking),
            (
                "op update_thread",
                Kind::BodyBecameRequired,
                "body",
                Breaking,
            ),
            (
                "op archive_thread",
                Kind::BodyAddedRequired,
                "body",
                Breaking,
            ),
            ("op add_note", Kind::BodyAddedOptional, "body", Additive),
            ("op ping", Kind::BodyRemoved, "body", Breaking),
            (
                "op assign_thread",
                Kind::BodyBecameOptional,
                "body",
                Breaking,
            ),
            (
                "op assign_thread",
                Kind::BodyMediaTypeChanged,
                "body",
                Behaviour,
            ),
            ("op assign_thread", Kind::BodyDocsChanged, "body", Docs),
        ],
        Some(Release::Major),
    );
}

#[test]
fn responses_statuses_and_pagination() {
    assert_changes(
        &case("responses"),
        &[
            ("op get_thread", Kind::ReturnTypeChanged, "", Breaking),
            ("op get_thread", Kind::ErrorTypeChanged, "", Docs),
            ("op archive_thread", Kind::StatusesChanged, "", Docs),
            ("op batch_read", Kind::ReturnTypeChanged, "", Breaking),
            ("op multi", Kind::ResponseVariantAdded, "202", Breaking),
            ("op mixed", Kind::ResponseVariantRemoved, "201", Breaking),
            ("op mixed", Kind::ResponseVariantRetyped, "207", Breaking),
            ("op get_actor", Kind::ResponseDocsChanged, "200", Docs),
            (
                "op list_threads",
                Kind::ParamAddedOptional,
                "after",
                Additive,
            ),
            ("op list_threads", Kind::PaginationAdded, "", Additive),
            // `ThreadV2` and `ErrorResponse` were used by no operation, `Error` only as the
            // error body: now the other way round.
            (
                "type ThreadV2",
                Kind::StructBecameNonExhaustive,
                "",
                Breaking,
            ),
            (
                "type ErrorResponse",
                Kind::StructBecameNonExhaustive,
                "",
                Breaking,
            ),
            ("type Error", Kind::StructBecameExhaustive, "", Additive),
        ],
        Some(Release::Major),
    );
}

#[test]
fn struct_fields_in_requests_and_responses() {
    assert_changes(
        &case("fields"),
        &[
            (
                "type ThreadUpdate",
                Kind::FieldBecameRequired,
                "status",
                Breaking,
            ),
            (
                "type ThreadUpdate",
                Kind::FieldRetyped,
                "priority",
                Breaking,
            ),
            ("type ThreadUpdate", Kind::FieldRemoved, "tags", Breaking),
            (
                "type ThreadUpdate",
                Kind::RequestFieldAdded,
                "note",
                Breaking,
            ),
            ("type Thread", Kind::TypeDocsChanged, "", Docs),
            (
                "type Thread",
                Kind::FieldBecameOptional,
                "assigned_to",
                Breaking,
            ),
            (
                "type Thread",
                Kind::FieldBecameOptional,
                "closed_at",
                Breaking,
            ),
            (
                "type Thread",
                Kind::FieldPresenceChanged,
                "latest",
                Behaviour,
            ),
            ("type Thread", Kind::FieldDocsChanged, "inbox_id", Docs),
            (
                "type Thread",
                Kind::FieldWireNameChanged,
                "thread_id",
                Behaviour,
            ),
            (
                "type Thread",
                Kind::ResponseRequiredFieldAdded,
                "spam",
                Breaking,
            ),
            (
                "type Thread",
                Kind::ResponseFieldAdded,
                "additional_properties",
                Additive,
            ),
        ],
        Some(Release::Major),
    );
}

#[test]
fn fields_added_by_where_the_struct_is_used() {
    assert_changes(
        &case("usage"),
        &[
            // Response-only (`#[non_exhaustive]` in both versions): optional fields are
            // additive, a required one adds an argument to `new`.
            (
                "type Thread",
                Kind::ResponseFieldAdded,
                "priority",
                Additive,
            ),
            ("type Thread", Kind::ResponseFieldAdded, "url", Additive),
            (
                "type Thread",
                Kind::ResponseRequiredFieldAdded,
                "spam",
                Breaking,
            ),
            // Only an `allOf` parent of a response-only struct: response-only too.
            ("type Base", Kind::ResponseFieldAdded, "url", Additive),
            // Only an error body: response-only.
            ("type Problem", Kind::ResponseFieldAdded, "code", Additive),
            // Sent and received: exhaustive.
            ("type Note", Kind::RequestFieldAdded, "author", Breaking),
            // Used by no operation: exhaustive.
            ("type Draft", Kind::FieldAdded, "title", Breaking),
            // No longer sent: it gains `#[non_exhaustive]`.
            ("type Tag", Kind::StructBecameNonExhaustive, "", Breaking),
            ("op tag_thread", Kind::BodyRetyped, "body", Breaking),
        ],
        Some(Release::Major),
    );
}

#[test]
fn an_optional_response_field_alone_is_a_minor_release() {
    let text = std::fs::read_to_string(fixture("usage", "old.yaml")).unwrap();
    let old = codegen::parse_api(Path::new("old.yaml"), &text).unwrap();
    let text = text.replace(
        "        message:\n          type: string\n",
        "        message:\n          type: string\n        traceId:\n          type: string\n",
    );
    let new = codegen::parse_api(Path::new("new.yaml"), &text).unwrap();
    let report = diff(&old, &new);
    assert_changes(
        &report,
        &[(
            "type Problem",
            Kind::ResponseFieldAdded,
            "trace_id",
            Additive,
        )],
        Some(Release::Minor),
    );
    assert!(render::text(&report, SOURCES).contains(
        "type `Problem` (struct, used in responses)\n  additive   new optional field `traceId` (`trace_id: Option<String>`): structs used only in responses are `#[non_exhaustive]`"
    ));
}

#[test]
fn string_enum_values() {
    assert_changes(
        &case("enums"),
        &[
            (
                "type ThreadStatus",
                Kind::EnumValueRemoved,
                "Archived",
                Breaking,
            ),
            (
                "type ThreadStatus",
                Kind::EnumValueAdded,
                "Snoozed",
                Additive,
            ),
            (
                "type ThreadStatus",
                Kind::EnumValueWireChanged,
                "Pending",
                Behaviour,
            ),
            (
                "type ThreadStatus",
                Kind::EnumValuesReordered,
                "",
                Behaviour,
            ),
        ],
        Some(Release::Major),
    );
}

#[test]
fn an_added_enum_value_alone_is_a_minor_release() {
    let old = load(&fixture("enums", "old.yaml"));
    let text = std::fs::read_to_string(fixture("enums", "old.yaml")).unwrap();
    let text = text.replace("pending]", "pending, SNOOZED]");
    let new = codegen::parse_api(Path::new("new.yaml"), &text).unwrap();
    assert_changes(
        &diff(&old, &new),
        &[(
            "type ThreadStatus",
            Kind::EnumValueAdded,
            "Snoozed",
            Additive,
        )],
        Some(Release::Minor),
    );
}

#[test]
fn union_variants_and_tags() {
    assert_changes(
        &case("unions"),
        &[
            ("type Actor", Kind::UnionTagRenamed, "", Behaviour),
            ("type Actor", Kind::VariantRetyped, "Agent", Breaking),
            ("type Actor", Kind::VariantTagChanged, "Bot", Behaviour),
            ("type Actor", Kind::TaggedVariantAdded, "Visitor", Additive),
            ("type AgentActorV2", Kind::TypeAdded, "", Additive),
            ("type VisitorActor", Kind::TypeAdded, "", Additive),
            (
                "type Content",
                Kind::UntaggedVariantAdded,
                "Integer",
                Breaking,
            ),
            ("type Value", Kind::VariantRetyped, "Integer", Breaking),
            ("type Value", Kind::VariantsReordered, "", Behaviour),
        ],
        Some(Release::Major),
    );
}

#[test]
fn a_union_that_loses_its_tag() {
    // Without `required: [type]` no tag can be inferred: the union becomes untagged, its variants
    // are named after their types, and the variant structs keep their `type` field.
    assert_changes(
        &case("union_tagging"),
        &[
            ("type Attachment", Kind::UnionTaggingChanged, "", Breaking),
            ("type Attachment", Kind::VariantRemoved, "File", Breaking),
            (
                "type Attachment",
                Kind::VariantRemoved,
                "Location",
                Breaking,
            ),
            (
                "type Attachment",
                Kind::UntaggedVariantAdded,
                "FileAttachment",
                Breaking,
            ),
            (
                "type Attachment",
                Kind::UntaggedVariantAdded,
                "LocationAttachment",
                Breaking,
            ),
            (
                "type FileAttachment",
                Kind::ResponseFieldAdded,
                "type_",
                Additive,
            ),
            ("type FileAttachmentType", Kind::TypeAdded, "", Additive),
            (
                "type LocationAttachment",
                Kind::ResponseFieldAdded,
                "type_",
                Additive,
            ),
            ("type LocationAttachmentType", Kind::TypeAdded, "", Additive),
        ],
        Some(Release::Major),
    );
}

#[test]
fn named_types_and_aliases() {
    // `Thread.owner` goes from the alias `OwnerId` (= `String`) to `String`: the same Rust type.
    assert_changes(
        &case("types"),
        &[
            ("type Inbox", Kind::TypeAdded, "", Additive),
            ("type Channel", Kind::TypeRemoved, "", Breaking),
            ("type ActorId", Kind::AliasRetyped, "", Breaking),
            ("type Kind", Kind::TypeKindChanged, "", Breaking),
        ],
        Some(Release::Major),
    );
}

#[test]
fn documentation_only_is_a_patch_release() {
    assert_changes(
        &case("docs_only"),
        &[
            ("api", Kind::ApiDocsChanged, "", Docs),
            ("op list_threads", Kind::OperationDocsChanged, "", Docs),
            ("type Thread", Kind::TypeDocsChanged, "", Docs),
            ("type Thread", Kind::FieldDocsChanged, "id", Docs),
        ],
        Some(Release::Patch),
    );
}

#[test]
fn security_schemes_and_accepted_credentials() {
    assert_changes(
        &case("security"),
        &[
            (
                "api",
                Kind::ApiKeySchemeAdded,
                "security::APP_KEY",
                Additive,
            ),
            (
                "api",
                Kind::ApiKeySchemeRemoved,
                "security::LEGACY_KEY",
                Breaking,
            ),
            (
                "api",
                Kind::ApiKeySchemeWireChanged,
                "security::DEVELOPER_KEY",
                Behaviour,
            ),
            ("op create_channel", Kind::SecurityChanged, "", Behaviour),
            ("op list_channels", Kind::ScopesChanged, "", Docs),
        ],
        Some(Release::Major),
    );
    let text = render::text(&case("security"), SOURCES);
    assert!(
        text.contains("accepts `token` | `app_key` (was `developer_key`)"),
        "{text}"
    );
    assert!(
        text.contains("API key `developer_key` sent as header `X-Developer-Key` (was query parameter `hapikey`)"),
        "{text}"
    );
}

#[test]
fn the_vendored_spec_against_itself_has_no_changes() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/hubspot-conversations.yaml");
    let api = load(&spec);
    let report = diff(&api, &api.clone());
    assert_eq!(report, Report::default());
    assert_eq!(report.release(), None);
    let sources = Sources { old: "a", new: "b" };
    assert!(render::text(&report, sources).ends_with(
        "No changes to the generated API.\n\nVerdict: none (no change to the generated API: nothing to release)\n"
    ));
}

const CASES: &[&str] = &[
    "operations",
    "parameters",
    "bodies",
    "responses",
    "fields",
    "usage",
    "enums",
    "unions",
    "union_tagging",
    "types",
    "docs_only",
    "security",
];

#[test]
fn every_change_is_seen_from_both_sides() {
    // Undoing a spec change is a change of each item too: added ↔ removed, required ↔ optional.
    for name in CASES {
        let old = load(&fixture(name, "old.yaml"));
        let new = load(&fixture(name, "new.yaml"));
        let forward = diff(&old, &new);
        let backward = diff(&new, &old);
        assert_eq!(
            forward.changes.len(),
            backward.changes.len(),
            "{name}:\n{}\n{}",
            render::text(&forward, SOURCES),
            render::text(&backward, SOURCES)
        );
    }
}

#[test]
fn unrelated_apis_compare_without_panicking() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/hubspot-conversations.yaml");
    let vendored = load(&spec);
    for name in CASES {
        let fixture = load(&fixture(name, "new.yaml"));
        let report = diff(&vendored, &fixture);
        assert_eq!(report.release(), Some(Release::Major), "{name}");
        assert!(!diff(&fixture, &vendored).changes.is_empty());
    }
}

mod emitter_facts;
mod rendering;
mod union_methods;
