//! Credentials. Both HubSpot private app tokens and OAuth access tokens travel as
//! `Authorization: Bearer`; the token never appears in `Debug` output.

use std::fmt;

/// How the client authenticates.
#[derive(Clone)]
pub struct Auth {
    kind: Kind,
    token: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    PrivateApp,
    OAuth,
}

impl Auth {
    /// A private app access token (Settings → Integrations → Private Apps).
    pub fn private_app_token(token: impl Into<String>) -> Self {
        Auth {
            kind: Kind::PrivateApp,
            token: token.into(),
        }
    }

    /// An OAuth 2.0 access token.
    pub fn oauth_token(token: impl Into<String>) -> Self {
        Auth {
            kind: Kind::OAuth,
            token: token.into(),
        }
    }

    /// The bearer token to send.
    pub(crate) fn bearer(&self) -> &str {
        &self.token
    }
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auth")
            .field("kind", &self.kind)
            .field("token", &"<redacted>")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::Auth;

    #[test]
    fn debug_never_shows_the_token() {
        let shown = format!("{:?}", Auth::private_app_token("pat-na1-secret"));
        assert!(!shown.contains("secret"), "{shown}");
        assert!(shown.contains("<redacted>"));
    }
}
