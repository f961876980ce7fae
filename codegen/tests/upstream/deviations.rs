//! The deviations file: a listed difference is allowed, a listed one that no longer occurs is
//! stale, and a malformed file is a located error.

use std::path::Path;

use codegen::upstream::deviations::{Deviations, Report};
use codegen::upstream::{Difference, Kind};
use codegen::Error;

use crate::after;

/// The fixture with `fields` renamed: one missing and one extra parameter.
fn renamed_parameter() -> Vec<Difference> {
    after(&[("- name: fields", "- name: field")])
}

fn deviations(text: &str) -> Result<Deviations, Error> {
    Deviations::parse(
        Path::new("upstream-deviations.yaml"),
        "upstream-deviations.yaml",
        text,
    )
}

fn report(text: &str, differences: Vec<Difference>) -> Report {
    let deviations = deviations(text).unwrap();
    Report::new("ours.yaml", &["published.json"], &deviations, differences)
}

const LISTED_MISSING: &str = "\
- kind: parameter-missing
  ours: /paths/~1things~1{thingId}/get/parameters
  published: '#/paths/~1things~1{id}/get/parameters/1'
  reason: We call it `field`.
";

#[test]
fn a_listed_deviation_allows_exactly_its_difference() {
    let report = report(LISTED_MISSING, renamed_parameter());
    let allowed: Vec<(Kind, Option<&str>)> = report
        .findings
        .iter()
        .map(|f| (f.difference.kind, f.allowed.as_deref()))
        .collect();
    assert_eq!(
        allowed,
        vec![
            (Kind::ParameterMissing, Some("We call it `field`.")),
            (Kind::ParameterExtra, None),
        ]
    );
    assert_eq!((report.allowed(), report.unexplained()), (1, 1));
    assert!(report.stale.is_empty());
    assert!(!report.passed());

    let both = format!(
        "{LISTED_MISSING}- kind: parameter-extra\n  ours: /paths/~1things~1{{thingId}}/get/parameters/0\n  \
         published: /paths/~1things~1{{id}}/get/parameters\n  reason: Same rename.\n"
    );
    assert!(report_passes(&both, renamed_parameter()));
}

fn report_passes(text: &str, differences: Vec<Difference>) -> bool {
    report(text, differences).passed()
}

#[test]
fn a_deviation_that_no_longer_occurs_is_stale() {
    let report = report(LISTED_MISSING, after(&[]));
    assert!(report.findings.is_empty());
    assert_eq!(report.stale.len(), 1);
    assert_eq!(report.stale[0].entry, 1);
    assert_eq!(report.stale[0].kind, Kind::ParameterMissing);
    assert!(!report.passed());
    assert!(report_passes("[]\n", after(&[])));
    assert!(report_passes("# nothing yet\n", after(&[])));
}

#[test]
fn an_invalid_deviations_file_is_a_located_error() {
    let cases = [
        (
            "- kind: type\n  ours: /a\n  published: /b\n",
            "upstream-deviations.yaml:1:3: ",
            "missing field `reason`",
        ),
        (
            "- kind: type\n  ours: /a\n  published: /b\n  reason: x\n  why: y\n",
            "upstream-deviations.yaml:5:3: ",
            "unknown field `why`",
        ),
        (
            "- kind: type\n  ours: /a\n  published: /b\n  reason: '  '\n",
            "upstream-deviations.yaml:1:3: ",
            "`reason` is empty",
        ),
        (
            "- kind: typo\n  ours: /a\n  published: /b\n  reason: x\n",
            "upstream-deviations.yaml:1:",
            "unknown kind `typo`, expected one of: server-missing,",
        ),
        (
            "- kind: type\n  ours: components/x\n  published: /b\n  reason: x\n",
            "upstream-deviations.yaml:1:3: ",
            "`components/x` is not a JSON pointer",
        ),
        (
            "- kind: type\n  ours: /a\n  published: /b\n  reason: x\n- [unclosed\n",
            "upstream-deviations.yaml:5:",
            "",
        ),
        (
            "- {kind: type, ours: /a, published: /b, reason: x}\n- {kind: type, ours: '#/a', published: /b, reason: y}\n",
            "upstream-deviations.yaml: 1 problem(s)",
            "#/1: entry 2 lists the same difference as entry 1",
        ),
    ];
    for (text, location, message) in cases {
        let error = deviations(text).unwrap_err().to_string();
        assert!(error.starts_with(location), "{text:?}: {error}");
        assert!(error.contains(message), "{text:?}: {error}");
    }
}
