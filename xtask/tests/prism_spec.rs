//! `cargo xtask prism-spec` run as a user runs it: the served copy of a spec written where asked,
//! and the copy checked in for downstream teams (`generated-client/prism/`) still what the
//! command writes for the vendored spec.

mod common;

use common::{repo, stdout, text, xtask, Scratch};

/// The checked-in copy Prism serves, relative to the workspace root.
const PRISM_SPEC: &str = "generated-client/prism/hubspot-conversations.json";

#[test]
fn the_checked_in_prism_spec_is_what_the_command_writes_for_the_vendored_spec() {
    let scratch = Scratch::new("fresh");
    let out = scratch.path("served/spec.json");
    let output = xtask(&["prism-spec", "--out", text(&out)]);
    assert!(output.status.success(), "{}", stdout(&output));
    let written = std::fs::read_to_string(&out).unwrap();
    let checked_in = std::fs::read_to_string(repo().join(PRISM_SPEC)).unwrap();
    assert!(
        written == checked_in,
        "{PRISM_SPEC} is stale: run `cargo xtask regen` and commit it"
    );
    // The vendored spec needs both rewrites (see `contract/served.rs`).
    assert!(!written.contains("\"*/*\""));
    let printed = stdout(&output);
    assert!(
        printed.contains("`*/*` response(s) served as application/json")
            && printed.contains("npx @stoplight/prism-cli mock"),
        "{printed}"
    );
}

#[test]
fn another_spec_is_rewritten_for_prism_as_json() {
    let scratch = Scratch::new("other");
    let spec = scratch.write(
        "spec.yaml",
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        default:\n          description: error\n          content:\n            '*/*':\n              schema: {type: object}\n",
    );
    let out = scratch.path("out.json");
    let output = xtask(&["prism-spec", "--spec", text(&spec), "--out", text(&out)]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("0 union back-reference(s) dropped, 1 `*/*` response(s)"),
        "{}",
        stdout(&output)
    );
    let served: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let content = &served["paths"]["/a"]["get"]["responses"]["default"]["content"];
    assert_eq!(
        content,
        &serde_json::json!({"application/json": {"schema": {"type": "object"}}})
    );
}
