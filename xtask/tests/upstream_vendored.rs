//! The vendored spec against the reduced copies of HubSpot's published specs in
//! `spec/published/`, as CI runs it: it passes with the reviewed deviations, and an edit of a
//! single wire fact in a copy of the vendored spec makes it fail, naming the spot.

use std::path::{Path, PathBuf};
use std::process::Output;

use codegen::vendored;

mod common;

use common::{repo, stdout, Scratch};

/// The reduced published specs, sorted so the command line is the same on every machine.
fn published() -> Vec<PathBuf> {
    let dir = repo().join("spec/published");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 3,
        "expected HubSpot's three published specs in {dir:?}"
    );
    files
}

/// `xtask upstream` on `spec` with the vendored deviations file.
fn upstream(spec: &Path, extra: &[&str]) -> Output {
    let deviations = repo().join(vendored::UPSTREAM_DEVIATIONS);
    common::upstream(spec, &deviations, &published(), extra)
}

/// A copy of the vendored spec with `from` (which must occur exactly once after `after`)
/// replaced by `to`, in a scratch folder removed on drop.
struct Edited {
    _scratch: Scratch,
    spec: PathBuf,
}

impl Edited {
    fn new(name: &str, after: &str, from: &str, to: &str) -> Self {
        let text = std::fs::read_to_string(repo().join(vendored::SPEC)).unwrap();
        let start = text
            .find(after)
            .unwrap_or_else(|| panic!("{after:?} not in the spec"));
        let offset = text[start..]
            .find(from)
            .unwrap_or_else(|| panic!("{from:?} not after {after:?}"))
            + start;
        let edited = format!("{}{to}{}", &text[..offset], &text[offset + from.len()..]);
        assert_ne!(edited, text);
        let scratch = Scratch::new(name);
        let spec = scratch.write("hubspot-conversations.yaml", &edited);
        Edited {
            _scratch: scratch,
            spec,
        }
    }

    /// Runs the check on the copy and returns its output lines that are not allowed.
    fn failures(&self) -> Vec<String> {
        let output = upstream(&self.spec, &[]);
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(1), "{text}");
        text.lines()
            .filter(|line| line.starts_with("differs"))
            .map(str::to_owned)
            .collect()
    }
}

#[test]
fn the_vendored_spec_matches_hubspots_published_2026_09_specs() {
    let output = upstream(&repo().join(vendored::SPEC), &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{report:#}");
    let summary = &report["summary"];
    assert_eq!(summary["unexplained"], 0, "{report:#}");
    assert_eq!(summary["stale"], 0, "{report:#}");
    // Every allowed difference carries the reviewed reason from the deviations file.
    for difference in report["differences"].as_array().unwrap() {
        assert_eq!(difference["allowed"], true, "{difference:#}");
        assert!(
            difference["reason"].as_str().is_some_and(|r| r.len() > 20),
            "{difference:#}"
        );
    }
}

#[test]
fn a_renamed_query_parameter_is_named_on_both_sides() {
    let edited = Edited::new(
        "param",
        "operationId: listThreads",
        "name: associatedTicketId\n",
        "name: associatedTicketIds\n",
    );
    let failures = edited.failures();
    assert_eq!(failures.len(), 2, "{failures:#?}");
    assert!(
        failures.iter().any(|line| line.contains("parameter-missing")
            && line.contains("GET /conversations/conversations/2026-09/threads")
            && line.contains("`associatedTicketId`")
            && line.contains("conversations-2026-09.json#/paths/~1conversations~1conversations~12026-09~1threads/get/parameters/")),
        "{failures:#?}"
    );
    assert!(
        failures.iter().any(|line| line.contains("parameter-extra")
            && line.contains("`associatedTicketIds`")
            && line.contains(
                "hubspot-conversations.yaml#/paths/~1conversations~1conversations~12026-09~1threads/get/parameters/"
            )),
        "{failures:#?}"
    );
}

#[test]
fn a_dropped_enum_value_is_named() {
    let edited = Edited::new("enum", "\n    ThreadStatus:\n", "        - CLOSED\n", "");
    let failures = edited.failures();
    assert!(!failures.is_empty());
    for line in &failures {
        assert!(
            line.contains("enum-value-missing") && line.contains("CLOSED"),
            "{line}"
        );
        assert!(
            line.contains("hubspot-conversations.yaml#/components/schemas/ThreadStatus"),
            "{line}"
        );
    }
    // The thread status appears in responses, a request body and a query parameter.
    assert!(
        failures.iter().any(|l| l.contains("threadStatus")),
        "{failures:#?}"
    );
}

#[test]
fn a_field_made_optional_is_named() {
    let edited = Edited::new("required", "\n    Thread:\n", "        - spam\n", "");
    let failures = edited.failures();
    assert!(!failures.is_empty());
    for line in &failures {
        assert!(line.contains("field-required"), "{line}");
        assert!(line.contains("spam"), "{line}");
        assert!(
            line.contains("hubspot-conversations.yaml#/components/schemas/Thread/properties/spam"),
            "{line}"
        );
        assert!(
            line.contains("optional in ours, required in the published spec"),
            "{line}"
        );
    }
}

#[test]
fn a_deviation_that_no_longer_occurs_fails_the_check() {
    // Declaring the batch read's 207 as HubSpot does leaves its deviation entry stale.
    let edited = Edited::new(
        "stale",
        "operationId: batchReadActors",
        "        '207':",
        "        x-207:",
    );
    let output = upstream(&edited.spec, &[]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.lines()
            .any(|line| line.starts_with("stale") && line.contains("response-extra")),
        "{text}"
    );
}
