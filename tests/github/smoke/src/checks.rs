//! The tally: one line per call, and the verdict.

use std::collections::BTreeSet;
use std::error::Error as _;
use std::process::ExitCode;

use github::Error;

/// Fewest distinct operations a passing run must call (issue 15 asks for 25).
const MIN_OPERATIONS: usize = 25;

/// Every call's outcome so far.
#[derive(Default)]
pub struct Checks {
    operations: BTreeSet<&'static str>,
    passed: usize,
    failed: usize,
}

impl Checks {
    /// Records a call of `operation` (its operationId): it passes when it returned a decoded
    /// value and `expect` finds no problem with it.
    pub fn record<T>(
        &mut self,
        operation: &'static str,
        result: Result<T, Error>,
        expect: impl FnOnce(&T) -> Option<String>,
    ) {
        self.operations.insert(operation);
        let problem = match result {
            Ok(value) => expect(&value),
            Err(error) => Some(describe(&error)),
        };
        match problem {
            None => {
                self.passed += 1;
                println!("ok    {operation}");
            }
            Some(problem) => {
                self.failed += 1;
                println!("FAIL  {operation}: {problem}");
            }
        }
    }

    /// Prints the verdict: every call passed, over at least [`MIN_OPERATIONS`] operations.
    pub fn finish(self) -> ExitCode {
        let operations = self.operations.len();
        println!(
            "smoke: {} passed, {} failed, {operations} operations",
            self.passed, self.failed
        );
        if operations < MIN_OPERATIONS {
            println!("smoke: FAIL: fewer than {MIN_OPERATIONS} operations called");
            return ExitCode::FAILURE;
        }
        if self.failed == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}

/// Any decoded value will do.
pub fn decoded<T>(_: &T) -> Option<String> {
    None
}

/// A list that decoded with at least one item (Prism's static lists have one).
pub fn non_empty<L: AsRef<[I]>, I>(list: &L) -> Option<String> {
    list.as_ref().is_empty().then(|| "an empty list".to_owned())
}

/// Non-empty text.
pub fn text<S: AsRef<str>>(body: &S) -> Option<String> {
    body.as_ref().is_empty().then(|| "an empty body".to_owned())
}

/// The error with its causes and, for an error status, the body Prism sent (for a 422, the
/// request validation's findings).
fn describe(error: &Error) -> String {
    let mut text = error.to_string();
    if let Some(api) = error.api_error() {
        text.push_str(&format!(": {}", api.raw));
    }
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}
