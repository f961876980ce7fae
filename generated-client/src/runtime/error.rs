//! The one error type every operation returns. Its `Display` says what failed and `source()`
//! carries the cause, so a reporter walking the chain prints each cause once.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use reqwest::StatusCode;
use serde::{Deserialize, Serialize};

use super::Response;

/// What [`Error::MaybeApplied`] says: what failed, and that the request may have taken effect.
fn maybe_applied(timed_out: bool) -> &'static str {
    if timed_out {
        "the answer timed out after the request was sent; HubSpot may have applied it, so check \
         before sending it again"
    } else {
        "the connection failed after the request was sent; HubSpot may have applied it, so \
         check before sending it again"
    }
}

/// What [`Error::ResponseTooLarge`] adds when the response declared its size.
fn declared_size(declared: Option<u64>) -> String {
    declared.map_or_else(String::new, |size| format!(" (it declared {size} bytes)"))
}

/// Longest body excerpt kept in an error.
const SNIPPET_LEN: usize = 512;

/// Why a call failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// HubSpot answered with a non-success status.
    #[error("{0}")]
    Api(Box<ApiError>),
    /// The request never got an answer (connection, TLS, DNS, I/O); the cause is the
    /// error's `source()`.
    #[error("the request to HubSpot failed")]
    Transport(#[source] reqwest::Error),
    /// The request took longer than the configured timeout; the cause is the error's
    /// `source()`.
    #[error("the request to HubSpot timed out")]
    Timeout(#[source] reqwest::Error),
    /// A request that is not safe to send twice (e.g. POST) got no answer after it was sent:
    /// the connection failed or the answer timed out, so HubSpot may have applied it. Not
    /// retryable: check whether it took effect before sending it again. The cause is the
    /// error's `source()`.
    #[error("{}", maybe_applied(*.timed_out))]
    MaybeApplied {
        /// Whether the answer timed out (else the connection failed).
        timed_out: bool,
        /// What failed.
        #[source]
        source: reqwest::Error,
    },
    /// A success response whose body does not match the expected type; what serde could not
    /// decode is the error's `source()`.
    #[error("cannot decode the {status} response at `{path}` (body starts: {snippet})")]
    Decode {
        /// The response status.
        status: StatusCode,
        /// JSON path of the field that failed, e.g. `results[3].createdAt`.
        path: String,
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
    /// The client's [`Auth`](super::Auth) covers none of the credential sets the operation
    /// accepts; nothing was sent.
    #[error("`{operation}` needs credentials the client was not given: it accepts {accepted}")]
    MissingCredentials {
        /// The operation (its `operationId`), or `METHOD /path` for a hand-built request.
        operation: String,
        /// The accepted alternatives in words, e.g. "the API key `developer_hapikey` (query
        /// parameter `hapikey`)".
        accepted: String,
    },
    /// A paginated list returned a cursor it had returned before: following it would fetch the
    /// same pages for ever, so the stream ends with this error after the page that returned it.
    #[error(
        "HubSpot returned the page cursor {cursor:?} twice; the stream stops rather than loop"
    )]
    RepeatedCursor {
        /// The cursor (`paging.next.after`) returned twice.
        cursor: String,
    },
    /// A response body longer than the client's limit
    /// ([`ClientBuilder::max_response_bytes`](super::ClientBuilder::max_response_bytes)): the
    /// read stopped at the limit (or before reading, when `Content-Length` declared more), so
    /// the rest was never buffered. Not retryable: the same request gets the same answer.
    #[error(
        "the {status} response to `{operation}` exceeds the client's limit of {limit} bytes{}; \
         the rest was not read",
        declared_size(*.declared)
    )]
    ResponseTooLarge {
        /// The response status.
        status: StatusCode,
        /// The operation (its `operationId`), or `METHOD /path` for a hand-built request.
        operation: String,
        /// The client's limit, in bytes.
        limit: u64,
        /// The size the response declared (`Content-Length`), when it did.
        declared: Option<u64>,
    },
    /// The client's [`TokenProvider`](super::TokenProvider) could not supply a bearer token
    /// (e.g. refreshing an OAuth token failed), so nothing was sent. Shown as the provider's
    /// error, which can be downcast to its own type; not retried.
    #[error(transparent)]
    TokenProvider(Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode { status, .. }
            | Error::UnexpectedStatus { status, .. }
            | Error::ResponseTooLarge { status, .. } => Some(*status),
            Error::Transport(e) | Error::Timeout(e) => e.status(),
            Error::MaybeApplied { source, .. } => source.status(),
            Error::InvalidArgument(_)
            | Error::MissingCredentials { .. }
            | Error::RepeatedCursor { .. }
            | Error::TokenProvider(_) => None,
        }
    }

    /// HubSpot's answer, when it answered with an error status.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// Whether HubSpot answered 400 Bad Request (e.g. a `VALIDATION_ERROR`).
    pub fn is_bad_request(&self) -> bool {
        self.api_status() == Some(400)
    }

    /// Whether HubSpot answered 401 Unauthorized: the token is missing, invalid or expired.
    pub fn is_unauthorized(&self) -> bool {
        self.api_status() == Some(401)
    }

    /// Whether HubSpot answered 403 Forbidden: the credentials lack a scope or access.
    pub fn is_forbidden(&self) -> bool {
        self.api_status() == Some(403)
    }

    /// Whether HubSpot answered 404 Not Found.
    pub fn is_not_found(&self) -> bool {
        self.api_status() == Some(404)
    }

    /// Whether HubSpot answered 409 Conflict.
    pub fn is_conflict(&self) -> bool {
        self.api_status() == Some(409)
    }

    /// Whether HubSpot answered 429 Too Many Requests (after any retries); see
    /// [`Error::rate_limit_policy`] for which limit.
    pub fn is_rate_limited(&self) -> bool {
        self.api_status() == Some(429)
    }

    /// Whether HubSpot answered with a 5xx status (after any retries).
    pub fn is_server_error(&self) -> bool {
        self.api_status().is_some_and(|status| status >= 500)
    }

    /// Whether the request timed out (after any retries).
    pub fn is_timeout(&self) -> bool {
        matches!(
            self,
            Error::Timeout(_)
                | Error::MaybeApplied {
                    timed_out: true,
                    ..
                }
        )
    }

    /// The status of HubSpot's error answer.
    fn api_status(&self) -> Option<u16> {
        self.api_error().map(|e| e.status.as_u16())
    }

    /// A short, low-cardinality name of what failed, for OpenTelemetry's `error.type`: the
    /// status code of an error answer, else the kind of failure.
    pub(crate) fn error_type(&self) -> Cow<'static, str> {
        match self {
            Error::Api(e) => Cow::Owned(e.status.as_u16().to_string()),
            Error::Transport(_) => Cow::Borrowed("transport"),
            Error::Timeout(_) => Cow::Borrowed("timeout"),
            Error::MaybeApplied { timed_out, .. } => {
                Cow::Borrowed(if *timed_out { "timeout" } else { "transport" })
            }
            Error::Decode { .. } => Cow::Borrowed("decode"),
            Error::UnexpectedStatus { .. } => Cow::Borrowed("unexpected_status"),
            Error::InvalidArgument(_) => Cow::Borrowed("invalid_argument"),
            Error::MissingCredentials { .. } => Cow::Borrowed("missing_credentials"),
            Error::TokenProvider(_) => Cow::Borrowed("token_provider"),
            Error::RepeatedCursor { .. } => Cow::Borrowed("repeated_cursor"),
            Error::ResponseTooLarge { .. } => Cow::Borrowed("response_too_large"),
        }
    }

    /// HubSpot's correlation id for the failed request, when it sent one.
    pub fn correlation_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.body.as_ref()?.correlation_id.as_deref(),
            _ => None,
        }
    }

    /// Whether trying again later may succeed: 429 (except under the `DAILY` policy, which does
    /// not clear in seconds), 5xx, timeouts and transport failures — except those after a request
    /// that is not safe to send twice was sent ([`Error::MaybeApplied`]).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(e) => match e.status.as_u16() {
                429 => e.rate_limit_policy() != Some("DAILY"),
                500..=599 => true,
                _ => false,
            },
            Error::Transport(_) | Error::Timeout(_) => true,
            Error::Decode { .. }
            | Error::UnexpectedStatus { .. }
            | Error::InvalidArgument(_)
            | Error::MissingCredentials { .. }
            | Error::TokenProvider(_)
            | Error::RepeatedCursor { .. }
            | Error::ResponseTooLarge { .. }
            | Error::MaybeApplied { .. } => false,
        }
    }

    /// The rate-limit policy a 429 names, e.g. `TEN_SECONDLY_ROLLING` or `DAILY`.
    pub fn rate_limit_policy(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.rate_limit_policy(),
            _ => None,
        }
    }

    /// How long the server asked us to wait (`Retry-After`), if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Api(e) => e.retry_after,
            _ => None,
        }
    }

    /// Whether the connection could not be made (so the server never saw the request).
    pub(crate) fn is_connect(&self) -> bool {
        matches!(self, Error::Transport(e) if e.is_connect())
    }

    /// This transport or timeout error, for a request that is not safe to send twice: unless the
    /// connection was never made, the request may have reached HubSpot ([`Error::MaybeApplied`]).
    pub(crate) fn after_sending_once(self) -> Self {
        match self {
            Error::Transport(source) if !source.is_connect() => Error::MaybeApplied {
                timed_out: false,
                source,
            },
            Error::Timeout(source) if !source.is_connect() => Error::MaybeApplied {
                timed_out: true,
                source,
            },
            error => error,
        }
    }

    /// A transport or timeout error. `shown_url`, when given, replaces the URL reqwest recorded
    /// (which may carry an API key in its query) in the error's `Display` and `Debug`.
    pub(crate) fn from_reqwest(error: reqwest::Error, shown_url: Option<&reqwest::Url>) -> Self {
        let error = match shown_url {
            Some(url) if error.url().is_some() => error.with_url(url.clone()),
            _ => error,
        };
        if error.is_timeout() {
            Error::Timeout(error)
        } else {
            Error::Transport(error)
        }
    }

    pub(crate) fn decode(
        status: StatusCode,
        path: String,
        source: serde_json::Error,
        body: &[u8],
    ) -> Self {
        Error::Decode {
            status,
            path,
            source,
            snippet: snippet(body),
        }
    }

    /// The error for a non-success response.
    pub(crate) fn from_response(response: Response) -> Self {
        let (status, headers, body) = response.into_parts();
        let parsed = serde_json::from_slice(&body).ok();
        let retry_after = headers
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        Error::Api(Box::new(ApiError {
            status,
            body: parsed,
            raw: into_text(body),
            retry_after,
        }))
    }

    /// The error for a success status the operation does not declare.
    #[allow(dead_code)] // Called by operations with several success statuses only.
    pub(crate) fn unexpected_status(response: Response) -> Self {
        Error::UnexpectedStatus {
            status: response.status(),
            snippet: snippet(response.body()),
        }
    }
}

/// `Retry-After` as delay-seconds or an HTTP date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        // Negative, NaN or absurdly large values are ignored rather than trusted.
        return Duration::try_from_secs_f64(seconds).ok();
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = when.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

/// `body` as text, taking over its buffer when it is UTF-8 and not shared (so an error body
/// is not held twice); invalid UTF-8 is replaced.
fn into_text(body: bytes::Bytes) -> String {
    match String::from_utf8(Vec::from(body)) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

pub(crate) fn snippet(body: &[u8]) -> String {
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
    /// The `Retry-After` delay, when the server sent one.
    pub retry_after: Option<Duration>,
}

impl ApiError {
    /// Decodes the raw body as `T`: the error schema an operation declares (its docs name it)
    /// when that is not HubSpot's usual shape.
    pub fn decode_body<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(&self.raw)
    }

    /// The rate-limit policy a 429 body names (`policyName`).
    pub fn rate_limit_policy(&self) -> Option<&str> {
        self.body.as_ref()?.policy_name.as_deref()
    }
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

/// HubSpot's error body. Every field is optional so both of HubSpot's shapes parse: the standard
/// v3 body (`category`, `correlationId`, `message`, `subCategory`, `context`, `links`, `errors`)
/// and the rate-limit body (`status`, `message`, `errorType: RATE_LIMIT`, `correlationId`,
/// `policyName`, `requestId`).
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
    /// `error` in rate-limit bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `RATE_LIMIT` in rate-limit bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_type: Option<String>,
    /// The rate-limit policy that was exceeded, e.g. `TEN_SECONDLY_ROLLING` or `DAILY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_name: Option<String>,
    /// Request identifier in rate-limit bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
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
    fn retry_after_accepts_seconds_and_http_dates() {
        assert_eq!(parse_retry_after("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after(" 0.5 "), Some(Duration::from_millis(500)));
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        let later = (chrono::Utc::now() + chrono::Duration::seconds(30)).to_rfc2822();
        let wait = parse_retry_after(&later).unwrap();
        assert!(
            wait > Duration::from_secs(25) && wait <= Duration::from_secs(30),
            "{wait:?}"
        );
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("1e30"), None);
        assert_eq!(parse_retry_after("NaN"), None);
    }

    #[test]
    fn both_hubspot_error_shapes_parse() {
        let standard: ApiErrorBody = serde_json::from_str(
            r#"{"status":"error","message":"Thread 1 not found","correlationId":"3a6a2f5e-1b1c-4a43-9a40-1f4c0d1e2b3c","category":"OBJECT_NOT_FOUND","subCategory":"ThreadError.NOT_FOUND","context":{"id":["1"]},"links":{"docs":"https://developers.hubspot.com"},"errors":[{"message":"missing","in":"threadId","code":"404"}]}"#,
        )
        .unwrap();
        assert_eq!(standard.category.as_deref(), Some("OBJECT_NOT_FOUND"));
        assert_eq!(standard.errors.unwrap()[0].in_.as_deref(), Some("threadId"));
        let limited: ApiErrorBody = serde_json::from_str(
            r#"{"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT","correlationId":"c7c5e0f3-5b61-4ba4-9e6f-0d7d0d3f2a11","policyName":"DAILY","requestId":"b3a5d5e2-7c07-4c3e-a8c4-9b55f4d9a0f1"}"#,
        )
        .unwrap();
        assert_eq!(limited.error_type.as_deref(), Some("RATE_LIMIT"));
        assert_eq!(limited.policy_name.as_deref(), Some("DAILY"));
        assert!(limited.request_id.is_some());
    }

    #[test]
    fn an_error_body_is_kept_once_not_copied() {
        let body = bytes::Bytes::from(br#"{"message":"gone"}"#.repeat(1000));
        let start = body.as_ptr();
        let response = Response::new(StatusCode::NOT_FOUND, Default::default(), body);
        let Error::Api(error) = Error::from_response(response) else {
            panic!("not an API error")
        };
        assert_eq!(error.raw.as_ptr(), start, "the body was copied");
        assert_eq!(error.raw.len(), 18_000);
        let lossy = into_text(bytes::Bytes::from_static(b"caf\xe9"));
        assert_eq!(lossy, "caf\u{fffd}");
    }

    #[test]
    fn a_response_too_large_says_so_and_is_final() {
        let error = Error::ResponseTooLarge {
            status: StatusCode::OK,
            operation: "getThread".into(),
            limit: 1024,
            declared: Some(4096),
        };
        assert_eq!(
            error.to_string(),
            "the 200 OK response to `getThread` exceeds the client's limit of 1024 bytes (it \
             declared 4096 bytes); the rest was not read"
        );
        assert!(!error.is_retryable());
        assert!(!error.is_server_error() && !error.is_timeout());
        assert_eq!(error.status(), Some(StatusCode::OK));
        assert_eq!(error.error_type(), "response_too_large");
        let chunked = Error::ResponseTooLarge {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            operation: "GET /x".into(),
            limit: 1,
            declared: None,
        };
        assert!(
            chunked.to_string().contains("limit of 1 bytes; the rest"),
            "{chunked}"
        );
        assert!(!chunked.is_retryable() && !chunked.is_server_error());
    }

    #[test]
    fn snippets_are_bounded_on_char_boundaries() {
        let long = "é".repeat(2000);
        let s = snippet(long.as_bytes());
        assert_eq!(s.chars().count(), SNIPPET_LEN + 1);
        assert!(s.ends_with('…'));
        assert_eq!(snippet(b"short"), "short");
    }
}
