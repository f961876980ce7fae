//! Credentials. HubSpot private app tokens and OAuth access tokens both travel as
//! `Authorization: Bearer`. A [`TokenProvider`] lets OAuth users refresh tokens without rebuilding
//! the client. Tokens never appear in `Debug` output, errors or logs.

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use futures::future::BoxFuture;
use reqwest::header::HeaderValue;

use super::Error;

/// Supplies a bearer token for each request (e.g. refreshing an OAuth token when it expires).
pub trait TokenProvider: Send + Sync {
    /// The token to send now.
    fn token(&self) -> BoxFuture<'_, Result<String, Error>>;
}

impl<F, Fut> TokenProvider for F
where
    F: Fn() -> Fut + Send + Sync,
    Fut: Future<Output = Result<String, Error>> + Send + 'static,
{
    fn token(&self) -> BoxFuture<'_, Result<String, Error>> {
        Box::pin(self())
    }
}

/// How the client authenticates.
#[derive(Clone)]
pub struct Auth {
    source: Source,
    /// The `Authorization` value of a fixed token, built once.
    header: Option<HeaderValue>,
}

#[derive(Clone)]
enum Source {
    PrivateApp(String),
    OAuth(String),
    Provider(Arc<dyn TokenProvider>),
}

impl Auth {
    /// A private app access token (HubSpot settings → Integrations → Private Apps).
    pub fn private_app_token(token: impl Into<String>) -> Self {
        let token = token.into();
        Auth {
            header: authorization(&token).ok(),
            source: Source::PrivateApp(token),
        }
    }

    /// An OAuth 2.0 access token.
    pub fn oauth_token(token: impl Into<String>) -> Self {
        let token = token.into();
        Auth {
            header: authorization(&token).ok(),
            source: Source::OAuth(token),
        }
    }

    /// A token fetched before every request attempt, e.g. an async closure that refreshes an
    /// OAuth token when it is about to expire.
    pub fn provider(provider: impl TokenProvider + 'static) -> Self {
        Auth {
            source: Source::Provider(Arc::new(provider)),
            header: None,
        }
    }

    /// The bearer token to send.
    pub(crate) async fn bearer(&self) -> Result<String, Error> {
        match &self.source {
            Source::PrivateApp(token) | Source::OAuth(token) => Ok(token.clone()),
            Source::Provider(provider) => provider.token().await,
        }
    }

    /// The `Authorization` header to send: built once for a fixed token, per call for a
    /// provider's.
    pub(crate) async fn header(&self) -> Result<HeaderValue, Error> {
        match &self.header {
            Some(header) => Ok(header.clone()),
            None => authorization(&self.bearer().await?),
        }
    }
}

/// `Bearer <token>`, marked sensitive so it is never logged.
fn authorization(token: &str) -> Result<HeaderValue, Error> {
    let mut value = HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| {
        Error::InvalidArgument("the token contains characters a header cannot carry".into())
    })?;
    value.set_sensitive(true);
    Ok(value)
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.source {
            Source::PrivateApp(_) => "PrivateAppToken",
            Source::OAuth(_) => "OAuthToken",
            Source::Provider(_) => "TokenProvider",
        };
        f.debug_struct("Auth")
            .field("kind", &kind)
            .field("token", &"<redacted>")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_token() {
        for auth in [
            Auth::private_app_token("pat-na1-secret"),
            Auth::oauth_token("oauth-secret"),
        ] {
            let shown = format!("{auth:?}");
            assert!(!shown.contains("secret"), "{shown}");
            assert!(shown.contains("<redacted>"));
        }
    }

    #[tokio::test]
    async fn providers_are_asked_for_every_token() {
        let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = calls.clone();
        let auth = Auth::provider(move || {
            let n = counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            async move { Ok(format!("token-{n}")) }
        });
        assert_eq!(auth.bearer().await.unwrap(), "token-0");
        assert_eq!(auth.bearer().await.unwrap(), "token-1");
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn fixed_tokens_make_one_sensitive_header() {
        let header = Auth::private_app_token("pat-1").header().await.unwrap();
        assert_eq!(header, "Bearer pat-1");
        assert!(header.is_sensitive());
        let err = Auth::oauth_token("bad\ntoken").header().await.unwrap_err();
        assert!(!err.to_string().contains("bad"), "{err}");
    }
}
