//! `cargo xtask upstream` and `cargo xtask reduce-published` run as a user runs them: the real
//! binary on the upstream fixture specs of `codegen/tests/fixtures/upstream/` (or scratch
//! copies of them), checking exit codes, output and written files.

use std::path::{Path, PathBuf};
use std::process::Output;

use codegen::vendored;

mod common;

use common::{repo, stderr, stdout, text, upstream, xtask, Scratch};

fn fixture(name: &str) -> PathBuf {
    repo().join("codegen/tests/fixtures/upstream").join(name)
}

impl Scratch {
    /// Our fixture spec with `from` (which must occur once) replaced by `to`.
    fn ours(&self, from: &str, to: &str) -> PathBuf {
        let text = std::fs::read_to_string(fixture("ours.yaml")).unwrap();
        assert_eq!(text.matches(from).count(), 1, "{from:?}");
        self.write("ours.yaml", &text.replacen(from, to, 1))
    }

    /// `xtask upstream` on `spec` against the published fixture, with this deviations text.
    fn upstream(&self, spec: &Path, deviations: &str, extra: &[&str]) -> Output {
        let deviations = self.write("deviations.yaml", deviations);
        upstream(spec, &deviations, &[fixture("published.json")], extra)
    }
}

const RENAME: (&str, &str) = ("- name: fields", "- name: field");

const ALLOW_RENAME: &str = "\
- kind: parameter-missing
  ours: /paths/~1things~1{thingId}/get/parameters
  published: /paths/~1things~1{id}/get/parameters/1
  reason: We call it field.
- kind: parameter-extra
  ours: /paths/~1things~1{thingId}/get/parameters/0
  published: /paths/~1things~1{id}/get/parameters
  reason: We call it field.
";

#[test]
fn same_wire_facts_exit_0() {
    let scratch = Scratch::new("same");
    let output = scratch.upstream(&fixture("ours.yaml"), "[]\n", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("0 difference(s)"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).ends_with("Passed.\n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_unlisted_difference_exits_1_naming_both_pointers() {
    let scratch = Scratch::new("differs");
    let ours = scratch.ours(RENAME.0, RENAME.1);
    let output = scratch.upstream(&ours, "[]\n", &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let text = stdout(&output);
    let line = format!(
        "differs  parameter-missing: GET /things/{{id}}: optional query parameter `fields` is \
         published, not in ours (ours {}#/paths/~1things~1{{thingId}}/get/parameters, published \
         {}#/paths/~1things~1{{id}}/get/parameters/1)\n",
        ours.display(),
        fixture("published.json").display()
    );
    assert!(text.contains(&line), "{text}");
    assert!(text.contains("differs  parameter-extra: "), "{text}");
    assert!(
        text.ends_with("2 not listed; 0 stale deviation(s). Failed.\n"),
        "{text}"
    );
}

#[test]
fn listed_differences_are_allowed_and_exit_0() {
    let scratch = Scratch::new("allowed");
    let ours = scratch.ours(RENAME.0, RENAME.1);
    let output = scratch.upstream(&ours, ALLOW_RENAME, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    assert_eq!(text.matches("\nallowed  parameter-").count(), 2, "{text}");
    assert!(text.contains(" — We call it field.\n"), "{text}");
    assert!(text.contains("2 difference(s): 2 allowed"), "{text}");
}

#[test]
fn a_stale_deviation_exits_1() {
    let scratch = Scratch::new("stale");
    let output = scratch.upstream(&fixture("ours.yaml"), ALLOW_RENAME, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(
        text.contains("stale    ")
            && text.contains("deviations.yaml entry 1: parameter-missing ours /paths/~1things~1{thingId}/get/parameters published /paths/~1things~1{id}/get/parameters/1: no such difference any more"),
        "{text}"
    );
    assert!(text.contains("2 stale deviation(s). Failed."), "{text}");
}

#[test]
fn json_output_has_the_documented_shape() {
    let scratch = Scratch::new("json");
    let ours = scratch.ours(RENAME.0, RENAME.1);
    let stale = "- kind: type\n  ours: /a\n  published: /b\n  reason: Gone.\n";
    let deviations = format!(
        "{}{stale}",
        &ALLOW_RENAME[..ALLOW_RENAME.find("- kind: parameter-extra").unwrap()]
    );
    let output = scratch.upstream(&ours, &deviations, &["--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let published = fixture("published.json").display().to_string();
    assert_eq!(report["ours"], ours.display().to_string());
    assert_eq!(report["published"], serde_json::json!([published]));
    assert_eq!(
        report["differences"][0],
        serde_json::json!({
            "kind": "parameter-missing",
            "context": "GET /things/{id}",
            "message": "optional query parameter `fields` is published, not in ours",
            "ours": {"file": ours.display().to_string(), "pointer": "/paths/~1things~1{thingId}/get/parameters"},
            "published": {"file": published, "pointer": "/paths/~1things~1{id}/get/parameters/1"},
            "allowed": true,
            "reason": "We call it field.",
        })
    );
    assert_eq!(report["differences"][1]["kind"], "parameter-extra");
    assert_eq!(report["differences"][1]["allowed"], false);
    assert_eq!(report["differences"][1]["reason"], serde_json::Value::Null);
    assert_eq!(
        report["stale"],
        serde_json::json!([{"entry": 2, "kind": "type", "ours": "/a", "published": "/b", "reason": "Gone."}])
    );
    assert_eq!(
        report["summary"],
        serde_json::json!({"differences": 2, "allowed": 1, "unexplained": 1, "stale": 1, "passed": false})
    );
}

#[test]
fn bad_input_exits_2_with_a_located_error() {
    let scratch = Scratch::new("bad");
    let broken = scratch.write(
        "broken.json",
        "{\n  \"openapi\": \"3.0.1\",\n  \"paths\": {,}\n}\n",
    );
    let dangling = scratch.write(
        "dangling.yaml",
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      \
         responses:\n        '200': {$ref: '#/components/responses/Nope'}\n",
    );
    let cases: Vec<(PathBuf, String)> = vec![
        (
            scratch.path("missing.json"),
            format!("error: cannot read {}", scratch.path("missing.json").display()),
        ),
        (broken.clone(), format!("error: {}:3:", broken.display())),
        (
            dangling.clone(),
            format!(
                "error: {}: 1 problem(s) in the spec:\n  - #/paths/~1a/get/responses/200/$ref: `$ref: #/components/responses/Nope` names nothing",
                dangling.display()
            ),
        ),
    ];
    let deviations = scratch.write("deviations.yaml", "[]\n");
    for (published, expected) in cases {
        let output = upstream(&fixture("ours.yaml"), &deviations, &[&published], &[]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{published:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).starts_with(&expected),
            "{published:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty());
    }

    let output = scratch.upstream(&fixture("ours.yaml"), "- kind: type\n  ours: /a\n", &[]);
    assert_eq!(output.status.code(), Some(2));
    let expected = format!("error: {}:1:3: ", scratch.path("deviations.yaml").display());
    assert!(
        stderr(&output).starts_with(&expected),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("missing field"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_vendored_spec_and_deviations_are_the_defaults() {
    let scratch = Scratch::new("defaults");
    scratch.write(
        vendored::SPEC,
        &std::fs::read_to_string(fixture("ours.yaml")).unwrap(),
    );
    scratch.write(vendored::UPSTREAM_DEVIATIONS, "[]\n");
    let published = fixture("published.json");
    let output = scratch.xtask(&["upstream", "--published", text(&published)]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    assert!(
        stdout(&output).starts_with(&format!("Upstream check: {} against", vendored::SPEC)),
        "{}",
        stdout(&output)
    );
}

#[test]
fn reduce_published_strips_prose_keeps_field_names_and_is_deterministic() {
    let scratch = Scratch::new("reduce");
    let input = scratch.write(
        "in/things-2026-01.json",
        &std::fs::read_to_string(fixture("published.json")).unwrap(),
    );
    let run = |out: &str| {
        let output = xtask(&[
            "reduce-published",
            "--out",
            &scratch.path(out).display().to_string(),
            &input.display().to_string(),
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        std::fs::read_to_string(scratch.path(out).join("things-2026-01.json")).unwrap()
    };
    let first = run("a");
    assert_eq!(run("b"), first, "two runs differ");
    for prose in [
        "The vendor's prose.",
        "successful operation",
        "What went wrong.",
        "x-vendor",
    ] {
        assert!(!first.contains(prose), "{prose:?} survived");
    }
    let reduced: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(
        reduced["components"]["schemas"]["PublicThingEgg"]["properties"]["description"],
        serde_json::json!({"type": "string"})
    );
    // The reduced copy says the same on the wire as ours.
    let scratch_copy = scratch.path("a/things-2026-01.json");
    let deviations = scratch.write("deviations.yaml", "[]\n");
    let output = upstream(&fixture("ours.yaml"), &deviations, &[scratch_copy], &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));

    let bad = scratch.write("in/bad.json", "{\"openapi\": 3}");
    let output = xtask(&[
        "reduce-published",
        "--out",
        &scratch.path("c").display().to_string(),
        &bad.display().to_string(),
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("bad.json: `openapi` is 3"),
        "{}",
        stderr(&output)
    );
    assert!(!scratch.path("c").exists(), "nothing is written on error");
}
