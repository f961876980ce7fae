//! The suite binary (`tests/contract`, bin `contract`): built once, then run once per round.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Deserialize;

use super::cleanup;

/// A round's results as the suite writes them (`--report`).
#[derive(Debug, Deserialize)]
pub struct Report {
    /// Every call and per-operation check.
    pub calls: Vec<Call>,
    /// The union variants the suite expects to meet, as `Union::Variant`.
    pub expected_variants: Vec<String>,
}

/// One call or per-operation check.
#[derive(Debug, Deserialize)]
pub struct Call {
    /// The operationId.
    pub operation: String,
    /// What went wrong; empty when it passed.
    pub problems: Vec<String>,
    /// Union variants decoded.
    pub variants: Vec<String>,
}

impl Report {
    /// Operations with at least one failed call.
    pub fn failed(&self) -> BTreeSet<&str> {
        self.calls
            .iter()
            .filter(|c| !c.problems.is_empty())
            .map(|c| c.operation.as_str())
            .collect()
    }
}

/// Builds the suite and returns its executable.
pub fn build(root: &Path) -> Result<PathBuf, String> {
    println!("== building the contract suite");
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args([
            "build",
            "--quiet",
            "--package",
            "contract-tests",
            "--bin",
            "contract",
        ])
        .arg("--message-format=json-render-diagnostics")
        .current_dir(root)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "building the contract suite failed ({})",
            output.status
        ));
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| {
            message["reason"] == "compiler-artifact" && message["target"]["name"] == "contract"
        })
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .ok_or_else(|| "cargo built the contract suite but named no executable".to_owned())
}

/// One round: the suite against `base_url`, checking declared parameters against `spec`.
pub struct Round<'a> {
    /// The server.
    pub base_url: &'a str,
    /// The spec the server serves.
    pub spec: &'a Path,
    /// The round's name.
    pub label: &'a str,
    /// Whether decoding must keep every received field (Prism's static responses).
    pub exact: bool,
    /// Where the suite writes its report.
    pub report: &'a Path,
}

/// Runs one round; its output goes straight to ours. A failed round still has a report.
pub fn run(suite: &Path, round: &Round) -> Result<Report, String> {
    let _ = std::fs::remove_file(round.report);
    let mut command = Command::new(suite);
    command
        .arg("--base-url")
        .arg(round.base_url)
        .arg("--spec")
        .arg(round.spec)
        .arg("--label")
        .arg(round.label)
        .arg("--report")
        .arg(round.report);
    if round.exact {
        command.arg("--exact");
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", suite.display()))?;
    cleanup::register(&child, false);
    let status = child.wait();
    cleanup::forget(&child);
    let status = status.map_err(|e| format!("lost the contract suite: {e}"))?;
    let text = std::fs::read_to_string(round.report).map_err(|e| {
        format!(
            "the suite ({status}) wrote no report {}: {e}",
            round.report.display()
        )
    })?;
    serde_json::from_str(&text)
        .map_err(|e| format!("{} is not a report: {e}", round.report.display()))
}
