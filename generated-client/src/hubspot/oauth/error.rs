//! Why a token request failed: [`OAuthError`], with HubSpot's OAuth error body
//! ([`OAuthErrorBody`]) when HubSpot refused. No variant carries a secret the request sent.

use std::fmt;

use reqwest::StatusCode;
use serde::Deserialize;

/// Longest body excerpt kept when an error body is not HubSpot's JSON.
const SNIPPET_LEN: usize = 512;

/// Why exchanging a code or refreshing a token failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OAuthError {
    /// HubSpot refused the request, e.g. `invalid_grant` for a used or expired code, or a
    /// revoked refresh token.
    #[error("{0}")]
    Rejected(Box<Rejection>),
    /// The token endpoint did not answer (connection, TLS, DNS, timeout); reqwest's error names
    /// its URL, which carries no secret.
    #[error(transparent)]
    Transport(reqwest::Error),
    /// A success answer that is not the token response.
    #[error("cannot decode HubSpot's {status} token response at `{path}`: {message}")]
    Decode {
        /// The response status.
        status: StatusCode,
        /// The field that failed, e.g. `expires_in`.
        path: String,
        /// What did not decode.
        message: String,
    },
    /// The URL given to [`OAuthApp::with_base_url`](super::OAuthApp::with_base_url) does not
    /// parse, or has a query or a fragment the token path would follow; nothing was sent.
    #[error("{0}")]
    InvalidBaseUrl(String),
}

impl OAuthError {
    /// The HTTP status, when the token endpoint answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            OAuthError::Rejected(rejection) => Some(rejection.status),
            OAuthError::Transport(error) => error.status(),
            OAuthError::Decode { status, .. } => Some(*status),
            OAuthError::InvalidBaseUrl(_) => None,
        }
    }

    /// HubSpot's OAuth error code (RFC 6749 `error`, e.g. `invalid_grant`), when it sent one.
    pub fn error_code(&self) -> Option<&str> {
        match self {
            OAuthError::Rejected(rejection) => rejection.body.as_ref()?.error.as_deref(),
            _ => None,
        }
    }

    /// Whether the grant itself was refused (`invalid_grant`): the code was used or expired, or
    /// the refresh token was revoked — the user must authorize the app again.
    pub fn is_invalid_grant(&self) -> bool {
        self.error_code() == Some("invalid_grant")
    }

    /// Whether trying again later may succeed: no answer, 429 or 5xx.
    pub fn is_retryable(&self) -> bool {
        match self {
            OAuthError::Transport(_) => true,
            OAuthError::Rejected(rejection) => {
                rejection.status == StatusCode::TOO_MANY_REQUESTS
                    || rejection.status.is_server_error()
            }
            OAuthError::Decode { .. } | OAuthError::InvalidBaseUrl(_) => false,
        }
    }

    /// The error for a non-success answer. Whatever of `sent` (the secrets the request
    /// carried) the body echoes is redacted from the excerpt kept.
    pub(super) fn rejected(status: StatusCode, body: &[u8], sent: &[&str]) -> Self {
        let text = String::from_utf8_lossy(body);
        let parsed: Option<OAuthErrorBody> = serde_json::from_slice(body).ok();
        let snippet = match &parsed {
            Some(_) => String::new(),
            None => redact(&snippet(&text), sent),
        };
        let body = parsed.map(|body| body.redacted(sent));
        OAuthError::Rejected(Box::new(Rejection {
            status,
            body,
            snippet,
        }))
    }
}

/// A refused token request.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Rejection {
    /// The HTTP status (400 for a bad grant or client).
    pub status: StatusCode,
    /// HubSpot's error body, when it was JSON.
    pub body: Option<OAuthErrorBody>,
    /// The start of the body when it was not JSON (empty otherwise).
    pub snippet: String,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "HubSpot refused the OAuth token request ({})",
            self.status
        )?;
        let Some(body) = &self.body else {
            if !self.snippet.is_empty() {
                write!(f, "; body starts: {}", self.snippet)?;
            }
            return Ok(());
        };
        if let Some(error) = &body.error {
            write!(f, ": {error}")?;
        }
        match (&body.error_description, &body.message) {
            (Some(description), _) | (None, Some(description)) => write!(f, ": {description}")?,
            (None, None) => {}
        }
        let details = [
            ("status", &body.status),
            ("correlationId", &body.correlation_id),
        ];
        for (name, value) in details {
            if let Some(value) = value {
                write!(f, " ({name} {value})")?;
            }
        }
        Ok(())
    }
}

/// HubSpot's OAuth error body: RFC 6749's `error` and `error_description`, with HubSpot's own
/// `status` and `message` kept beside them, and the `correlationId` to quote to support. Every
/// field is optional, so older and newer shapes both parse.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct OAuthErrorBody {
    /// The OAuth error code, e.g. `invalid_grant`, `invalid_client`, `invalid_request`.
    #[serde(default)]
    pub error: Option<String>,
    /// What went wrong, in words.
    #[serde(default)]
    pub error_description: Option<String>,
    /// HubSpot's code, e.g. `BAD_REFRESH_TOKEN`, `BAD_AUTH_CODE`, `BAD_CLIENT_ID`.
    #[serde(default)]
    pub status: Option<String>,
    /// HubSpot's message (usually the same words as `error_description`).
    #[serde(default)]
    pub message: Option<String>,
    /// Identifier of the request; quote it to HubSpot support.
    #[serde(default, rename = "correlationId")]
    pub correlation_id: Option<String>,
}

impl OAuthErrorBody {
    fn redacted(self, sent: &[&str]) -> Self {
        let clean = |text: Option<String>| text.map(|t| redact(&t, sent));
        OAuthErrorBody {
            error: clean(self.error),
            error_description: clean(self.error_description),
            status: clean(self.status),
            message: clean(self.message),
            correlation_id: clean(self.correlation_id),
        }
    }
}

/// `text` with every non-empty `secret` replaced by `<redacted>`.
fn redact(text: &str, secrets: &[&str]) -> String {
    let mut text = text.to_owned();
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        text = text.replace(secret, "<redacted>");
    }
    text
}

fn snippet(text: &str) -> String {
    match text.char_indices().nth(SNIPPET_LEN) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hubspot_error_bodies_are_typed_and_shown() {
        let body = br#"{"error":"invalid_grant","error_description":"refresh token is invalid, expired or revoked","status":"BAD_REFRESH_TOKEN","message":"refresh token is invalid, expired or revoked","correlationId":"c-1"}"#;
        let err = OAuthError::rejected(StatusCode::BAD_REQUEST, body, &[]);
        assert!(err.is_invalid_grant());
        assert!(!err.is_retryable());
        assert_eq!(err.status(), Some(StatusCode::BAD_REQUEST));
        assert_eq!(
            err.to_string(),
            "HubSpot refused the OAuth token request (400 Bad Request): invalid_grant: refresh \
             token is invalid, expired or revoked (status BAD_REFRESH_TOKEN) (correlationId c-1)"
        );
        // The older shape: HubSpot's own fields only.
        let old = br#"{"status":"BAD_AUTH_CODE","message":"missing or invalid auth code"}"#;
        let err = OAuthError::rejected(StatusCode::BAD_REQUEST, old, &[]);
        assert_eq!(
            err.to_string(),
            "HubSpot refused the OAuth token request (400 Bad Request): missing or invalid auth \
             code (status BAD_AUTH_CODE)"
        );
    }

    #[test]
    fn echoed_secrets_are_redacted() {
        let html = b"<html>bad gateway for client_secret=cs-123&refresh_token=rt-456</html>";
        let err = OAuthError::rejected(StatusCode::BAD_GATEWAY, html, &["cs-123", "rt-456"]);
        let shown = format!("{err} {err:?}");
        assert!(
            !shown.contains("cs-123") && !shown.contains("rt-456"),
            "{shown}"
        );
        assert!(shown.contains("client_secret=<redacted>"), "{shown}");
        assert!(err.is_retryable());
        let json = br#"{"error":"invalid_grant","error_description":"unknown token rt-456"}"#;
        let err = OAuthError::rejected(StatusCode::BAD_REQUEST, json, &["", "rt-456"]);
        assert!(!format!("{err} {err:?}").contains("rt-456"), "{err:?}");
    }
}
