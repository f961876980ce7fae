//! A round's results: printed for people, written as JSON for `cargo xtask contract`.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;

use crate::round::CallResult;

/// What one round produced.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The round's name, e.g. `static` or `dynamic seed 7`.
    pub label: String,
    /// Every call and every per-operation check, in order.
    pub calls: Vec<CallResult>,
    /// Every union variant the suite expects to meet over all rounds, as `Union::Variant`.
    pub expected_variants: Vec<String>,
}

impl Report {
    /// The operations whose calls all passed, and all operations.
    pub fn passed(&self) -> (usize, usize) {
        let all: BTreeSet<&str> = self.calls.iter().map(|c| c.operation.as_str()).collect();
        let failed: BTreeSet<&str> = self
            .calls
            .iter()
            .filter(|c| !c.problems.is_empty())
            .map(|c| c.operation.as_str())
            .collect();
        (all.len() - failed.len(), all.len())
    }

    /// Prints each failed call with its problems, then a one-line summary.
    pub fn print(&self) {
        for call in self.calls.iter().filter(|c| !c.problems.is_empty()) {
            eprintln!("FAIL [{}] {} — {}", self.label, call.operation, call.name);
            for problem in &call.problems {
                eprintln!("    {problem}");
            }
        }
        let (passed, all) = self.passed();
        println!(
            "round {}: {passed} of {all} operations passed ({} checks)",
            self.label,
            self.calls.len()
        );
    }

    /// Writes the report as JSON to `path`.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let json = serde_json::to_string_pretty(self)
            .map_err(|e| format!("cannot encode the report: {e}"))?;
        std::fs::write(path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}
