//! What partial generation could not express exactly: an operation or webhook left out, or a
//! component schema generated as any JSON value, with the problems that caused it.

use std::fmt;

use crate::error::SpecProblem;

/// One operation or component schema not generated exactly as the spec describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Omission {
    /// JSON pointer of the operation or schema.
    pub pointer: String,
    /// What was done instead.
    pub kind: OmissionKind,
    /// Why: every problem found in it, each once.
    pub problems: Vec<SpecProblem>,
}

/// What partial generation did with an operation or schema it could not express.
#[derive(Debug, Clone, PartialEq)]
pub enum OmissionKind {
    /// The operation has no method on the client.
    OperationLeftOut {
        /// Its `operationId` (or the name derived from method and path).
        id: String,
        /// Its HTTP method.
        method: &'static str,
        /// Its path template.
        path: String,
    },
    /// The webhook has no type in the generated `webhooks` module.
    WebhookLeftOut {
        /// Its name under `webhooks`.
        name: String,
        /// The HTTP method of its call.
        method: &'static str,
    },
    /// The schema's type holds any JSON value (`serde_json::Value`).
    SchemaAsJson {
        /// The Rust name of the type.
        name: String,
    },
    /// One spot inside an operation or schema (a `$ref` to nothing, a `not` schema) holds any
    /// JSON value; the rest is generated.
    ValueAsJson,
}

impl fmt::Display for OmissionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OmissionKind::OperationLeftOut { id, method, path } => {
                write!(f, "operation `{id}` ({method} {path}) left out")
            }
            OmissionKind::WebhookLeftOut { name, method } => {
                write!(f, "webhook `{name}` ({method}) left out")
            }
            OmissionKind::SchemaAsJson { name } => {
                write!(f, "schema `{name}` generated as any JSON value")
            }
            OmissionKind::ValueAsJson => write!(f, "generated as any JSON value"),
        }
    }
}

impl fmt::Display for Omission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.kind)?;
        for problem in &self.problems {
            // A problem at the same place is told by its message alone.
            match problem.pointer == self.pointer {
                true => write!(f, ": {}", problem.message)?,
                false => write!(f, "; {problem}")?,
            }
        }
        Ok(())
    }
}
