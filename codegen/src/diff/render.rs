//! A [`Report`] as text for people, a Markdown changelog section, or JSON for tools. Output
//! follows the report's (sorted) order, so the same specs always print the same bytes.

use std::fmt::Write;

use serde_json::json;

use super::{Change, Impact, Report, Subject};

/// Where the two specs came from, as the user named them.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// The old spec (a file, or `REV:path`).
    pub old: &'a str,
    /// The new spec.
    pub new: &'a str,
}

/// The last line of every text report, e.g. `Verdict: major (1 breaking, …)`.
pub fn verdict(report: &Report) -> String {
    match report.release() {
        None => "Verdict: none (no change to the generated API: nothing to release)".to_owned(),
        Some(release) => {
            let counts: Vec<String> = Impact::ALL
                .iter()
                .map(|i| format!("{} {}", report.count(*i), i.as_str()))
                .collect();
            format!("Verdict: {} ({})", release.as_str(), counts.join(", "))
        }
    }
}

/// Readable text: changes grouped by subject, one line each, then the verdict.
pub fn text(report: &Report, sources: Sources<'_>) -> String {
    let mut out = format!("Spec diff: {} → {}\n", sources.old, sources.new);
    let mut current: Option<&Subject> = None;
    for change in &report.changes {
        if current != Some(&change.subject) {
            current = Some(&change.subject);
            let details = report
                .subjects
                .get(&change.subject)
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            let _ = write!(out, "\n{}{details}\n", heading(&change.subject));
        }
        let _ = writeln!(
            out,
            "  {:<9}  {}: {}",
            change.impact().as_str(),
            change.summary,
            change.reason()
        );
    }
    if report.changes.is_empty() {
        out.push_str("\nNo changes to the generated API.\n");
    }
    let _ = writeln!(out, "\n{}", verdict(report));
    out
}

fn heading(subject: &Subject) -> String {
    match subject {
        Subject::Api => "API".to_owned(),
        Subject::Operation(name) => format!("operation `{name}`"),
        Subject::Type(name) => format!("type `{name}`"),
        Subject::Webhook(name) => format!("webhook `{name}`"),
    }
}

/// A changelog section: changes grouped by impact, each naming its Rust item.
pub fn markdown(report: &Report) -> String {
    let Some(release) = report.release() else {
        return "### API changes\n\nNo changes to the generated API.\n".to_owned();
    };
    let mut out = format!("### API changes ({} release)\n", release.as_str());
    for impact in Impact::ALL {
        let changes: Vec<&Change> = report
            .changes
            .iter()
            .filter(|c| c.impact() == impact)
            .collect();
        if changes.is_empty() {
            continue;
        }
        let _ = write!(out, "\n#### {}\n\n", section(impact));
        for change in changes {
            let _ = writeln!(
                out,
                "- {}: {} — {}",
                item(&change.subject),
                change.summary,
                change.reason()
            );
        }
    }
    out
}

fn section(impact: Impact) -> &'static str {
    match impact {
        Impact::Breaking => "Breaking changes",
        Impact::Additive => "Additions",
        Impact::Behaviour => "Behaviour changes",
        Impact::Docs => "Documentation",
    }
}

fn item(subject: &Subject) -> String {
    match subject {
        Subject::Api => "API".to_owned(),
        Subject::Operation(name) => format!("`Client::{name}`"),
        Subject::Type(name) => format!("`{name}`"),
        Subject::Webhook(name) => format!("`webhooks::{name}`"),
    }
}

/// The report as pretty-printed JSON: sources, release, counts by impact and every change.
pub fn json(report: &Report, sources: Sources<'_>) -> String {
    let changes: Vec<serde_json::Value> = report
        .changes
        .iter()
        .map(|c| {
            let (subject, name) = match &c.subject {
                Subject::Api => ("api", ""),
                Subject::Operation(name) => ("operation", name.as_str()),
                Subject::Type(name) => ("type", name.as_str()),
                Subject::Webhook(name) => ("webhook", name.as_str()),
            };
            json!({
                "subject": subject,
                "name": name,
                "description": report.subjects.get(&c.subject),
                "item": c.item,
                "kind": c.kind.code(),
                "impact": c.impact().as_str(),
                "release": c.impact().release().as_str(),
                "summary": c.summary,
                "reason": c.reason(),
            })
        })
        .collect();
    let counts: serde_json::Map<String, serde_json::Value> = Impact::ALL
        .iter()
        .map(|i| (i.as_str().to_owned(), report.count(*i).into()))
        .collect();
    let document = json!({
        "old": sources.old,
        "new": sources.new,
        "release": report.release().map_or("none", |r| r.as_str()),
        "counts": counts,
        "changes": changes,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
