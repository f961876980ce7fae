//! The per-operation pass/fail table over all rounds, and union variant coverage.

use std::collections::BTreeSet;

use super::suite::Report;

/// A column of the table: one or more rounds of one kind.
pub struct Column {
    /// The heading, e.g. `static` or `dynamic`.
    pub title: String,
    /// The reports of its rounds.
    pub reports: Vec<Report>,
}

/// Passed and failed cells.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Cells (operation × column) whose every round passed.
    pub passed: usize,
    /// Cells with a failed or missing round.
    pub failed: usize,
}

/// Whether `operation` passed in `report`: it was called and none of its checks failed. An
/// operation the round never reached does not pass.
fn passed(report: &Report, operation: &str) -> bool {
    let mut calls = report
        .calls
        .iter()
        .filter(|c| c.operation == operation)
        .peekable();
    calls.peek().is_some() && calls.all(|c| c.problems.is_empty())
}

/// Prints one row per operation (`operations` first, in order, then any other the reports
/// name) and returns the tally.
pub fn print(operations: &[String], columns: &[Column]) -> Tally {
    let mut rows: Vec<&str> = operations.iter().map(String::as_str).collect();
    for report in columns.iter().flat_map(|c| &c.reports) {
        for call in &report.calls {
            if !rows.contains(&call.operation.as_str()) {
                rows.push(&call.operation);
            }
        }
    }
    let width = rows
        .iter()
        .map(|r| r.len())
        .max()
        .unwrap_or(0)
        .max("operation".len());
    let headings: Vec<String> = columns
        .iter()
        .map(|c| match c.reports.len() {
            1 => c.title.clone(),
            n => format!("{} ({n} rounds)", c.title),
        })
        .collect();
    let mut header = format!("{:width$}", "operation");
    for heading in &headings {
        header.push_str(&format!("  {heading:20}"));
    }
    println!("{}", header.trim_end());
    let mut tally = Tally::default();
    for operation in rows {
        let mut line = format!("{operation:width$}");
        for column in columns {
            let good = column
                .reports
                .iter()
                .filter(|r| passed(r, operation))
                .count();
            let all = column.reports.len();
            let cell = match (good == all, all) {
                (true, 1) => "pass".to_owned(),
                (false, 1) => "FAIL".to_owned(),
                (true, _) => format!("pass {good}/{all}"),
                (false, _) => format!("FAIL {good}/{all}"),
            };
            if good == all && all > 0 {
                tally.passed += 1;
            } else {
                tally.failed += 1;
            }
            line.push_str(&format!("  {cell:20}"));
        }
        println!("{}", line.trim_end());
    }
    tally
}

/// The expected union variants no round decoded.
pub fn missing_variants<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Vec<String> {
    let mut expected = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for report in reports {
        expected.extend(report.expected_variants.iter().cloned());
        for call in &report.calls {
            seen.extend(call.variants.iter().cloned());
        }
    }
    expected.difference(&seen).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::suite::Call;

    fn report(calls: &[(&str, bool)], variants: &[&str]) -> Report {
        Report {
            calls: calls
                .iter()
                .map(|(operation, ok)| Call {
                    operation: (*operation).to_owned(),
                    problems: if *ok {
                        vec![]
                    } else {
                        vec!["broken".to_owned()]
                    },
                    variants: variants.iter().map(|v| (*v).to_owned()).collect(),
                })
                .collect(),
            expected_variants: vec!["Actor::Bot".to_owned(), "Actor::Agent".to_owned()],
        }
    }

    #[test]
    fn a_cell_passes_only_when_every_round_called_and_passed_the_operation() {
        let columns = [
            Column {
                title: "static".to_owned(),
                reports: vec![report(&[("getA", true), ("getB", true)], &[])],
            },
            Column {
                title: "dynamic".to_owned(),
                reports: vec![
                    report(&[("getA", true), ("getB", true)], &[]),
                    report(&[("getA", true), ("getB", false)], &[]),
                    report(&[("getB", true)], &[]),
                ],
            },
        ];
        let operations = ["getA".to_owned(), "getB".to_owned(), "getC".to_owned()];
        let tally = print(&operations, &columns);
        // getA: static pass, dynamic missing once; getB: dynamic failed once; getC: never called.
        assert_eq!(
            tally,
            Tally {
                passed: 2,
                failed: 4
            }
        );
    }

    #[test]
    fn missing_variants_are_those_no_round_decoded() {
        let reports = [report(&[("getA", true)], &["Actor::Bot"]), report(&[], &[])];
        assert_eq!(missing_variants(&reports), ["Actor::Agent"]);
    }
}
