//! Rendering a report: text for people, a Markdown changelog section, JSON for tools.

use super::*;

#[test]
fn text_groups_by_subject_and_ends_with_the_verdict() {
    let expected = "\
Spec diff: old.yaml → new.yaml

type `ThreadStatus` (string enum, used in requests)
  breaking   value `ARCHIVED` (`Archived`) removed: code naming the variant no longer compiles
  additive   new value `SNOOZED` (`Snoozed`): string enums are `#[non_exhaustive]` with an `Unknown` catch-all, so matches already have a wildcard arm; the value no longer decodes as `Unknown`
  behaviour  values reordered: the derived `Ord` sorts the variants in the new order
  behaviour  variant `Pending` is now `PENDING` on the wire (was `pending`): same variant; it is read and written as the new value

Verdict: major (1 breaking, 1 additive, 2 behaviour, 0 docs)
";
    assert_eq!(render::text(&case("enums"), SOURCES), expected);
}

#[test]
fn markdown_is_a_changelog_section_by_impact() {
    let expected = "\
### API changes (major release)

#### Breaking changes

- `ThreadStatus`: value `ARCHIVED` (`Archived`) removed — code naming the variant no longer compiles

#### Additions

- `ThreadStatus`: new value `SNOOZED` (`Snoozed`) — string enums are `#[non_exhaustive]` with an `Unknown` catch-all, so matches already have a wildcard arm; the value no longer decodes as `Unknown`

#### Behaviour changes

- `ThreadStatus`: values reordered — the derived `Ord` sorts the variants in the new order
- `ThreadStatus`: variant `Pending` is now `PENDING` on the wire (was `pending`) — same variant; it is read and written as the new value
";
    assert_eq!(render::markdown(&case("enums")), expected);
    assert_eq!(
        render::markdown(&Report::default()),
        "### API changes\n\nNo changes to the generated API.\n"
    );
}

#[test]
fn markdown_names_operations_as_client_methods() {
    let markdown = render::markdown(&case("operations"));
    assert!(
        markdown.contains("- `Client::list_inboxes`: `GET /inboxes` removed — calls to the method and uses of its builder no longer compile\n"),
        "{markdown}"
    );
    assert!(markdown.contains("\n#### Documentation\n"), "{markdown}");
}

#[test]
fn json_for_tools() {
    let text = render::json(&case("parameters"), SOURCES);
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["old"], "old.yaml");
    assert_eq!(json["new"], "new.yaml");
    assert_eq!(json["release"], "major");
    assert_eq!(
        json["counts"],
        serde_json::json!({"breaking": 6, "additive": 1, "behaviour": 3, "docs": 1})
    );
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 11);
    let tenant = changes
        .iter()
        .find(|c| c["item"] == "tenant")
        .expect("the tenant parameter");
    assert_eq!(
        tenant,
        &serde_json::json!({
            "subject": "operation",
            "name": "list_threads",
            "description": "`GET /threads`",
            "item": "tenant",
            "kind": "param_added_required",
            "impact": "breaking",
            "release": "major",
            "summary": "new required header parameter `tenant` (argument `tenant: String`)",
            "reason": "a new method argument that every call must pass",
        })
    );
    let empty = render::json(&Report::default(), SOURCES);
    let empty: serde_json::Value = serde_json::from_str(&empty).unwrap();
    assert_eq!(empty["release"], "none");
    assert_eq!(empty["changes"], serde_json::json!([]));
}

#[test]
fn output_is_deterministic() {
    for name in ["fields", "unions", "responses"] {
        let (a, b) = (case(name), case(name));
        assert_eq!(render::text(&a, SOURCES), render::text(&b, SOURCES));
        assert_eq!(render::json(&a, SOURCES), render::json(&b, SOURCES));
    }
}
