//! The one error type every operation returns.

use std::collections::BTreeMap;
use std::fmt;

use reqwest::StatusCode;
use serde::{Deserialize, Serialize};

use super::Response;

/// Longest body excerpt kept in an error.
const SNIPPET_LEN: usize = 512;

/// Why a call failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// HubSpot answered with a non-success status.
    #[error("{0}")]
    Api(Box<ApiError>),
    /// The request never got an answer (connection, TLS, DNS, I/O).
    #[error("request failed: {0}")]
    Transport(#[source] reqwest::Error),
    /// The request took longer than the configured timeout.
    #[error("request timed out: {0}")]
    Timeout(#[source] reqwest::Error),
    /// A success response whose body does not match the expected type.
    #[error("cannot decode the {status} response: {source} (body starts: {snippet})")]
    Decode {
        /// The response status.
        status: StatusCode,
        /// What serde could not decode, with line and column.
        #[source]
        source: serde_json::Error,
        /// The start of the body.
        snippet: String,
    },
    /// A success status the operation does not declare.
    #[error("unexpected status {status} (body starts: {snippet})")]
    UnexpectedStatus {
        /// The response status.
        status: StatusCode,
        /// The start of the body.
        snippet: String,
    },
    /// An argument that cannot be sent (e.g. a header value with a newline).
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
}

impl Error {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode { status, .. } | Error::UnexpectedStatus { status, .. } => Some(*status),
            Error::Transport(e) | Error::Timeout(e) => e.status(),
            Error::InvalidArgument(_) => None,
        }
    }

    /// HubSpot's correlation id for the failed request, when it sent one.
    pub fn correlation_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.body.as_ref()?.correlation_id.as_deref(),
            _ => None,
        }
    }

    pub(crate) fn from_reqwest(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            Error::Timeout(error)
        } else {
            Error::Transport(error)
        }
    }

    pub(crate) fn decode(status: StatusCode, source: serde_json::Error, body: &[u8]) -> Self {
        Error::Decode {
            status,
            source,
            snippet: snippet(body),
        }
    }

    /// The error for a non-success response.
    pub fn from_response(response: Response) -> Self {
        let body = serde_json::from_slice(response.body()).ok();
        Error::Api(Box::new(ApiError {
            status: response.status(),
            body,
            raw: String::from_utf8_lossy(response.body()).into_owned(),
        }))
    }

    /// The error for a success status the operation does not declare.
    pub fn unexpected_status(response: Response) -> Self {
        Error::UnexpectedStatus {
            status: response.status(),
            snippet: snippet(response.body()),
        }
    }
}

fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    match text.char_indices().nth(SNIPPET_LEN) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.into_owned(),
    }
}

/// A non-success answer from HubSpot.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// HubSpot's error body, when it parsed.
    pub body: Option<ApiErrorBody>,
    /// The body as received.
    pub raw: String,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HubSpot answered {}", self.status)?;
        if let Some(body) = &self.body {
            if let Some(category) = &body.category {
                write!(f, " {category}")?;
            }
            if let Some(message) = &body.message {
                write!(f, ": {message}")?;
            }
            if let Some(id) = &body.correlation_id {
                write!(f, " (correlationId {id})")?;
            }
        }
        Ok(())
    }
}

/// HubSpot's error body. Every field is optional so any error HubSpot sends still parses.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiErrorBody {
    /// Error category, e.g. `VALIDATION_ERROR` or `OBJECT_NOT_FOUND`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Identifier of the request; quote it to HubSpot support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// Human-readable message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Finer-grained category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_category: Option<String>,
    /// Context values, e.g. the invalid property names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<BTreeMap<String, Vec<String>>>,
    /// Links to documentation about the error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<BTreeMap<String, String>>,
    /// Individual problems.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiErrorDetail>>,
}

/// One problem listed in an error body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiErrorDetail {
    /// Human-readable message.
    pub message: String,
    /// A status-like code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The field or parameter at fault.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub in_: Option<String>,
    /// Finer-grained category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_category: Option<String>,
    /// Context values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<BTreeMap<String, Vec<String>>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_bounded_on_char_boundaries() {
        let long = "é".repeat(2000);
        let s = snippet(long.as_bytes());
        assert_eq!(s.chars().count(), SNIPPET_LEN + 1);
        assert!(s.ends_with('…'));
        assert_eq!(snippet(b"short"), "short");
    }
}
