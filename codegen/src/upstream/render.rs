//! A [`Report`] as text for people (one line per difference, both pointers on it) or as JSON
//! for tools. The JSON shape, stable for tools:
//!
//! ```json
//! {
//!   "ours": "spec/hubspot-conversations.yaml",
//!   "published": ["spec/published/conversations-2026-09.json"],
//!   "deviations": "spec/upstream-deviations.yaml",
//!   "differences": [{
//!     "kind": "parameter-missing",
//!     "context": "GET /threads",
//!     "message": "optional query parameter `sort` is published, not in ours",
//!     "ours": {"file": "spec/hubspot-conversations.yaml", "pointer": "/paths/~1threads/get/parameters"},
//!     "published": {"file": "spec/published/conversations-2026-09.json", "pointer": "/paths/~1threads/get/parameters/3"},
//!     "allowed": false,
//!     "reason": null
//!   }],
//!   "stale": [{"entry": 2, "kind": "type", "ours": "/…", "published": "/…", "reason": "…"}],
//!   "summary": {"differences": 1, "allowed": 0, "unexplained": 1, "stale": 1, "passed": false}
//! }
//! ```

use std::fmt::Write;

use serde_json::{json, Value};

use super::deviations::{Finding, Report};
use super::difference::Site;

/// Readable text: unexplained differences, allowed ones with their reasons, stale deviations,
/// then a summary.
pub fn text(report: &Report) -> String {
    let mut out = format!(
        "Upstream check: {} against {}\n",
        report.ours,
        report.published.join(", ")
    );
    let (allowed, unexplained): (Vec<&Finding>, Vec<&Finding>) =
        report.findings.iter().partition(|f| f.allowed.is_some());
    if !unexplained.is_empty() {
        out.push('\n');
    }
    for finding in &unexplained {
        let _ = writeln!(out, "differs  {}", finding.difference);
    }
    if !allowed.is_empty() {
        out.push('\n');
    }
    for finding in &allowed {
        let reason = finding.allowed.as_deref().unwrap_or_default();
        let _ = writeln!(out, "allowed  {} — {reason}", finding.difference);
    }
    if !report.stale.is_empty() {
        out.push('\n');
    }
    for deviation in &report.stale {
        let _ = writeln!(
            out,
            "stale    {} {deviation}: no such difference any more; remove the entry",
            report.deviations
        );
    }
    let _ = writeln!(
        out,
        "\n{} difference(s): {} allowed by {}, {} not listed; {} stale deviation(s). {}",
        report.findings.len(),
        report.allowed(),
        report.deviations,
        report.unexplained(),
        report.stale.len(),
        if report.passed() {
            "Passed."
        } else {
            "Failed."
        }
    );
    out
}

/// The report as pretty JSON (see the module documentation for the shape), ending in a newline.
pub fn json(report: &Report) -> String {
    let site = |site: &Site| json!({"file": site.file, "pointer": site.pointer});
    let differences: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| {
            let d = &finding.difference;
            json!({
                "kind": d.kind.as_str(),
                "context": d.context,
                "message": d.message,
                "ours": site(&d.ours),
                "published": site(&d.published),
                "allowed": finding.allowed.is_some(),
                "reason": finding.allowed,
            })
        })
        .collect();
    let stale: Vec<Value> = report
        .stale
        .iter()
        .map(|d| {
            json!({
                "entry": d.entry,
                "kind": d.kind.as_str(),
                "ours": d.ours,
                "published": d.published,
                "reason": d.reason,
            })
        })
        .collect();
    let value = json!({
        "ours": report.ours,
        "published": report.published,
        "deviations": report.deviations,
        "differences": differences,
        "stale": stale,
        "summary": {
            "differences": report.findings.len(),
            "allowed": report.allowed(),
            "unexplained": report.unexplained(),
            "stale": report.stale.len(),
            "passed": report.passed(),
        },
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
