//! [`WebhookError`]: which check a webhook request failed.

use std::time::Duration;

use super::SignatureVersion;

/// Why a request was not accepted as coming from HubSpot. The message names the check that
/// failed and never holds the client secret or the signature the request should have carried.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The request carries neither `X-HubSpot-Signature-v3` nor `X-HubSpot-Signature-Version`.
    #[error("no HubSpot signature: neither X-HubSpot-Signature-v3 nor X-HubSpot-Signature-Version is present")]
    NoSignature,
    /// A header the selected signature version needs is absent.
    #[error("missing header {0}")]
    MissingHeader(&'static str),
    /// A header is present but not visible ASCII text.
    #[error("header {0} is not visible ASCII text")]
    InvalidHeader(&'static str),
    /// `X-HubSpot-Request-Timestamp` is not a whole number of milliseconds since the Unix epoch.
    #[error("X-HubSpot-Request-Timestamp is not milliseconds since the Unix epoch")]
    MalformedTimestamp,
    /// The v3 timestamp is older than the verifier's maximum age: a late or replayed request.
    #[error("request timestamp is {age:?} old, more than the {max_age:?} allowed")]
    Expired {
        /// How old the timestamp is by the verifier's clock.
        age: Duration,
        /// The verifier's maximum age.
        max_age: Duration,
    },
    /// The v3 timestamp is further ahead of the verifier's clock than the allowed skew.
    #[error("request timestamp is {ahead:?} in the future, more than the {max_skew:?} allowed")]
    FromTheFuture {
        /// How far ahead of the verifier's clock the timestamp is.
        ahead: Duration,
        /// The verifier's allowed clock skew.
        max_skew: Duration,
    },
    /// `X-HubSpot-Signature-Version` names a version other than `v1` or `v2` (shown up to 16
    /// characters).
    #[error("unknown signature version {0:?}")]
    UnknownVersion(String),
    /// The request is signed with v1 or v2 only and the verifier does not accept them (see
    /// [`WebhookVerifier::allow_legacy`](super::WebhookVerifier::allow_legacy)).
    #[error(
        "{0} signatures are not accepted (no timestamp, so replayable); HubSpot also sends v3"
    )]
    LegacyNotAllowed(SignatureVersion),
    /// The signature header is not well-formed: not base64 (v3) or not 64 hex digits (v1, v2).
    #[error("malformed {0} signature")]
    MalformedSignature(SignatureVersion),
    /// The signature does not match the request: the method, URL, body or timestamp differ from
    /// what HubSpot signed, or the client secret is not the app's.
    #[error("{0} signature does not match the request")]
    Mismatch(SignatureVersion),
}
