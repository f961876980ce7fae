//! Errors the generator reports: unreadable files, unparsable specs, and spec problems located by
//! JSON pointer. Generator bugs (emitted code that does not parse) are reported, never panicked on.

use std::fmt;
use std::path::PathBuf;

/// Anything that stops generation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The spec file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not a valid OpenAPI 3.0 document.
    #[error("{path}{location}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// `:line:column` when known, else empty.
        location: Location,
        /// What the parser expected.
        message: String,
    },
    /// The document parsed but cannot be turned into a client.
    #[error("{path}: {} problem(s) in the spec:\n{}", .problems.len(), Problems(.problems))]
    Spec {
        /// The file.
        path: PathBuf,
        /// Every problem found, in document order.
        problems: Vec<SpecProblem>,
    },
    /// The crate name (given, or derived from the spec's title) breaks cargo's rules.
    #[error("invalid crate name {name:?}: {rule}")]
    CrateName {
        /// The name.
        name: String,
        /// The rule it breaks.
        rule: String,
    },
    /// The generator produced Rust that does not parse: a bug in the generator.
    #[error("generator bug: emitted code for {file} does not parse: {message}")]
    Emit {
        /// The generated file.
        file: String,
        /// The parser's message.
        message: String,
    },
}

/// A line and column in the spec file (1-based), when the parser knows them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Location(pub Option<(usize, usize)>);

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some((line, column)) => write!(f, ":{line}:{column}"),
            None => Ok(()),
        }
    }
}

/// One problem in the spec, at a JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SpecProblem {
    /// JSON pointer of the offending node, e.g. `#/components/schemas/Thread/properties/id`.
    pub pointer: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for SpecProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

struct Problems<'a>(&'a [SpecProblem]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "  - {problem}")?;
        }
        Ok(())
    }
}
