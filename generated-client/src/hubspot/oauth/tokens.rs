//! What HubSpot's token endpoint answers: [`Tokens`], whose secrets are [`Secret`]s that never
//! show in `Debug` output, and the wire form they are decoded from.

use std::fmt;
use std::time::Duration;

use reqwest::StatusCode;
use serde::Deserialize;
use tokio::time::Instant;

use super::OAuthError;

/// Longest lifetime trusted from `expires_in`; HubSpot's access tokens live 30 minutes.
const MAX_LIFETIME: Duration = Duration::from_secs(365 * 24 * 60 * 60);

/// A secret (client secret, access token, refresh token) that `Debug` shows as `<redacted>`. It
/// has no `Display`: read it with [`Secret::expose`] where it must be sent or stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps `value`.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// The tokens HubSpot issued for a code exchange or a refresh.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Tokens {
    /// The access token: send it as a bearer token (`Auth::oauth_token`, or let a
    /// [`RefreshingTokenProvider`](super::RefreshingTokenProvider) do it).
    pub access_token: Secret,
    /// The refresh token to use next: the one HubSpot returned, or, when a refresh answer
    /// carries none, the one that was sent. Store it; it outlives the access token.
    pub refresh_token: Secret,
    /// The access token's lifetime as HubSpot stated it (`expires_in`, capped at a year).
    pub expires_in: Duration,
    /// When the access token expires, counted from when the request was sent (so slightly
    /// early). A monotonic instant on tokio's clock: persist `expires_in` or a wall-clock time
    /// instead.
    pub expires_at: Instant,
    /// The token type, `bearer`.
    pub token_type: Option<String>,
    /// The OpenID Connect ID token, when the `openid` scope was granted.
    pub id_token: Option<Secret>,
}

/// The token endpoint's success body (`access_token`, `refresh_token`, `expires_in`,
/// `token_type`, `id_token`), field names as on the wire.
#[derive(Deserialize)]
struct WireTokens {
    access_token: String,
    #[serde(default)]
    refresh_token: Option<String>,
    expires_in: u64,
    #[serde(default)]
    token_type: Option<String>,
    #[serde(default)]
    id_token: Option<String>,
}

impl Tokens {
    /// Decodes a success body. `sent` is when the request went out; `sent_refresh_token` the
    /// refresh token a refresh request carried (an exchange's answer must carry its own).
    pub(super) fn decode(
        status: StatusCode,
        body: &[u8],
        sent: Instant,
        sent_refresh_token: Option<&Secret>,
    ) -> Result<Tokens, OAuthError> {
        let decoder = &mut serde_json::Deserializer::from_slice(body);
        let wire: WireTokens =
            serde_path_to_error::deserialize(decoder).map_err(|e| OAuthError::Decode {
                status,
                path: e.path().to_string(),
                message: e.into_inner().to_string(),
            })?;
        let refresh_token = match (wire.refresh_token, sent_refresh_token) {
            (Some(token), _) => Secret(token),
            (None, Some(sent)) => sent.clone(),
            (None, None) => {
                return Err(OAuthError::Decode {
                    status,
                    path: "refresh_token".into(),
                    message: "the answer to a code exchange has no refresh token".into(),
                })
            }
        };
        let expires_in = Duration::from_secs(wire.expires_in).min(MAX_LIFETIME);
        Ok(Tokens {
            access_token: Secret(wire.access_token),
            refresh_token,
            expires_in,
            expires_at: sent + expires_in,
            token_type: wire.token_type,
            id_token: wire.id_token.map(Secret),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_show_in_debug() {
        let tokens = Tokens {
            access_token: "access-secret".into(),
            refresh_token: "refresh-secret".into(),
            expires_in: Duration::from_secs(1800),
            expires_at: Instant::now(),
            token_type: Some("bearer".into()),
            id_token: Some("id-secret".into()),
        };
        for shown in [format!("{tokens:?}"), format!("{tokens:#?}")] {
            assert!(!shown.contains("secret"), "{shown}");
            assert!(shown.contains("access_token: <redacted>"), "{shown}");
        }
        assert_eq!(tokens.access_token.expose(), "access-secret");
    }

    #[test]
    fn lifetimes_count_from_the_request_and_are_capped() {
        let sent = Instant::now();
        let body =
            br#"{"access_token":"a","refresh_token":"r","expires_in":1800,"token_type":"bearer"}"#;
        let tokens = Tokens::decode(StatusCode::OK, body, sent, None).unwrap();
        assert_eq!(tokens.expires_at, sent + Duration::from_secs(1800));
        assert_eq!(tokens.token_type.as_deref(), Some("bearer"));
        let forever =
            br#"{"access_token":"a","refresh_token":"r","expires_in":18446744073709551615}"#;
        let tokens = Tokens::decode(StatusCode::OK, forever, sent, None).unwrap();
        assert_eq!(tokens.expires_in, MAX_LIFETIME);
    }

    #[test]
    fn a_refresh_answer_without_a_refresh_token_keeps_the_sent_one() {
        let body = br#"{"access_token":"a","expires_in":1800}"#;
        let sent = Secret::from("r-1");
        let tokens = Tokens::decode(StatusCode::OK, body, Instant::now(), Some(&sent)).unwrap();
        assert_eq!(tokens.refresh_token.expose(), "r-1");
        let err = Tokens::decode(StatusCode::OK, body, Instant::now(), None).unwrap_err();
        assert!(
            matches!(&err, OAuthError::Decode { path, .. } if path == "refresh_token"),
            "{err:?}"
        );
    }
}
