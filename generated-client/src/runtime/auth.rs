//! Credentials. HubSpot private app tokens and OAuth access tokens both travel as
//! `Authorization: Bearer`; a [`TokenProvider`] lets OAuth users refresh tokens without
//! rebuilding the client. API keys (query, header or cookie) and HTTP basic credentials serve the
//! operations whose security schemes ask for them. Secrets never appear in `Debug` output, errors
//! or logs.

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use futures::future::BoxFuture;
use reqwest::header::{HeaderName, HeaderValue};

use super::param::encode_query;
use super::security::{ApiKeyLocation, Scheme, Security};
use super::{ApiKeyScheme, Error};

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

/// The credentials a client holds: at most one bearer token (or token provider), at most one
/// username and password, and one key per API-key scheme. Each request sends the first of its
/// operation's accepted alternatives that these credentials cover.
#[derive(Clone)]
pub struct Auth {
    bearer: Option<Bearer>,
    basic: Option<Basic>,
    api_keys: Vec<ApiKey>,
}

#[derive(Clone)]
struct Bearer {
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

#[derive(Clone)]
struct Basic {
    username: String,
    password: String,
}

#[derive(Clone)]
struct ApiKey {
    /// The scheme's name in the spec.
    scheme: &'static str,
    /// The key as a sensitive header value; `None` when a header cannot carry it.
    header: Option<HeaderValue>,
    /// The key percent-encoded for a query string or cookie.
    encoded: String,
}

impl Auth {
    /// No credentials: only operations that allow anonymous access can be called.
    pub fn none() -> Self {
        Auth {
            bearer: None,
            basic: None,
            api_keys: Vec::new(),
        }
    }

    /// A private app access token (HubSpot settings → Integrations → Private Apps).
    pub fn private_app_token(token: impl Into<String>) -> Self {
        Auth::fixed(Source::PrivateApp(token.into()))
    }

    /// An OAuth 2.0 access token.
    pub fn oauth_token(token: impl Into<String>) -> Self {
        Auth::fixed(Source::OAuth(token.into()))
    }

    fn fixed(source: Source) -> Self {
        let header = match &source {
            Source::PrivateApp(token) | Source::OAuth(token) => authorization(token).ok(),
            Source::Provider(_) => None,
        };
        Auth {
            bearer: Some(Bearer { source, header }),
            ..Auth::none()
        }
    }

    /// A token fetched before every request attempt that sends a bearer token, e.g. an async
    /// closure that refreshes an OAuth token when it is about to expire.
    pub fn provider(provider: impl TokenProvider + 'static) -> Self {
        Auth::fixed(Source::Provider(Arc::new(provider)))
    }

    /// Only an API key, for the operations that accept `scheme` (one of the constants in the
    /// generated `security` module, e.g. `security::DEVELOPER_HAPIKEY`).
    pub fn api_key(scheme: ApiKeyScheme, key: impl Into<String>) -> Self {
        Auth::none().with_api_key(scheme, key)
    }

    /// Only a username and password, for operations with an HTTP basic scheme.
    pub fn basic(username: impl Into<String>, password: impl Into<String>) -> Self {
        Auth::none().with_basic(username, password)
    }

    /// These credentials plus the key of `scheme` (replacing an earlier key of that scheme).
    /// Keys are matched to operations by the scheme's name; where the key goes is the spec's.
    pub fn with_api_key(mut self, scheme: ApiKeyScheme, key: impl Into<String>) -> Self {
        let key = key.into();
        let mut header = HeaderValue::from_str(&key).ok();
        if let Some(header) = &mut header {
            header.set_sensitive(true);
        }
        self.api_keys.retain(|k| k.scheme != scheme.scheme);
        self.api_keys.push(ApiKey {
            scheme: scheme.scheme,
            header,
            encoded: encode_query(&key),
        });
        self
    }

    /// These credentials plus a username and password (replacing earlier ones).
    pub fn with_basic(mut self, username: impl Into<String>, password: impl Into<String>) -> Self {
        self.basic = Some(Basic {
            username: username.into(),
            password: password.into(),
        });
        self
    }

    /// Whether these credentials cover `scheme`.
    fn covers(&self, scheme: &Scheme) -> bool {
        match scheme {
            Scheme::Bearer(_) => self.bearer.is_some(),
            Scheme::Basic(_) => self.basic.is_some(),
            Scheme::ApiKey(key) => self.key(key).is_some(),
        }
    }

    fn key(&self, scheme: &ApiKeyScheme) -> Option<&ApiKey> {
        self.api_keys.iter().find(|k| k.scheme == scheme.scheme)
    }

    /// The first alternative of `security` that needs credentials and that these credentials
    /// cover; else no credentials when the operation allows anonymous access (so a client that
    /// holds credentials sends them where they are optional); else `None`.
    pub(crate) fn choose<'s>(&self, security: &'s Security) -> Option<&'s [Scheme]> {
        let mut anonymous = None;
        for schemes in security.alternatives() {
            if schemes.is_empty() {
                anonymous.get_or_insert(schemes);
            } else if schemes.iter().all(|s| self.covers(s)) {
                return Some(schemes);
            }
        }
        anonymous
    }

    /// What `schemes` (an alternative [`Auth::choose`] picked) add to one attempt; a token
    /// provider is asked only when a bearer token is among them.
    pub(crate) async fn credentials(&self, schemes: &[Scheme]) -> Result<Credentials<'_>, Error> {
        let mut out = Credentials::default();
        for scheme in schemes {
            match scheme {
                Scheme::Bearer(_) => out.authorization = Some(self.bearer_header().await?),
                Scheme::Basic(_) => {
                    let basic = self.basic.as_ref().ok_or_else(|| missing(scheme))?;
                    out.basic = Some((&basic.username, &basic.password));
                }
                Scheme::ApiKey(key_scheme) => {
                    let key = self.key(key_scheme).ok_or_else(|| missing(scheme))?;
                    let name = key_scheme.name;
                    match key_scheme.location {
                        ApiKeyLocation::Query => {
                            out.query
                                .push(format!("{}={}", encode_query(name), key.encoded));
                        }
                        ApiKeyLocation::Cookie => {
                            out.cookies.push(format!("{name}={}", key.encoded))
                        }
                        ApiKeyLocation::Header => {
                            let value = key.header.clone().ok_or_else(|| {
                                Error::InvalidArgument(format!(
                                    "the API key of `{}` contains characters a header cannot carry",
                                    key.scheme
                                ))
                            })?;
                            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                                Error::InvalidArgument(format!(
                                    "`{name}` is not a valid header name"
                                ))
                            })?;
                            out.headers.push((name, value));
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    /// The bearer token to send.
    pub(crate) async fn bearer(&self) -> Result<String, Error> {
        let bearer = self
            .bearer
            .as_ref()
            .ok_or_else(|| missing(&Scheme::Bearer("")))?;
        match &bearer.source {
            Source::PrivateApp(token) | Source::OAuth(token) => Ok(token.clone()),
            Source::Provider(provider) => provider.token().await,
        }
    }

    /// The `Authorization` header to send: built once for a fixed token, per call for a
    /// provider's.
    pub(crate) async fn bearer_header(&self) -> Result<HeaderValue, Error> {
        match self.bearer.as_ref().and_then(|b| b.header.as_ref()) {
            Some(header) => Ok(header.clone()),
            None => authorization(&self.bearer().await?),
        }
    }
}

/// What the chosen credentials add to one attempt.
#[derive(Default)]
pub(crate) struct Credentials<'a> {
    /// `Authorization: Bearer …`.
    pub(crate) authorization: Option<HeaderValue>,
    /// Username and password for `Authorization: Basic`.
    pub(crate) basic: Option<(&'a str, &'a str)>,
    /// Encoded `name=key` query pairs.
    pub(crate) query: Vec<String>,
    /// API-key headers (sensitive values).
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    /// Encoded `name=key` cookie pairs.
    pub(crate) cookies: Vec<String>,
}

/// The alternative [`Auth::choose`] picked names credentials that are not there: a runtime bug,
/// reported as an error rather than a panic.
fn missing(scheme: &Scheme) -> Error {
    Error::InvalidArgument(format!("no credentials for {scheme}"))
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
        struct Redacted(&'static str);
        impl fmt::Debug for Redacted {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}(<redacted>)", self.0)
            }
        }
        let bearer = self.bearer.as_ref().map(|b| match b.source {
            Source::PrivateApp(_) => Redacted("PrivateAppToken"),
            Source::OAuth(_) => Redacted("OAuthToken"),
            Source::Provider(_) => Redacted("TokenProvider"),
        });
        let basic = self.basic.as_ref().map(|_| Redacted("Basic"));
        let keys: Vec<Redacted> = self.api_keys.iter().map(|k| Redacted(k.scheme)).collect();
        f.debug_struct("Auth")
            .field("bearer", &bearer)
            .field("basic", &basic)
            .field("api_keys", &keys)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUERY_KEY: ApiKeyScheme = ApiKeyScheme::new("dev", ApiKeyLocation::Query, "hapikey");
    const HEADER_KEY: ApiKeyScheme = ApiKeyScheme::new("hdr", ApiKeyLocation::Header, "X-Key");

    #[test]
    fn debug_never_shows_a_secret() {
        for auth in [
            Auth::private_app_token("pat-na1-secret"),
            Auth::oauth_token("oauth-secret"),
            Auth::api_key(QUERY_KEY, "key-secret").with_basic("user-secret", "pw-secret"),
        ] {
            let shown = format!("{auth:?}");
            assert!(!shown.contains("secret"), "{shown}");
            assert!(shown.contains("<redacted>"), "{shown}");
        }
        let shown = format!("{:?}", Auth::api_key(QUERY_KEY, "k"));
        assert_eq!(
            shown,
            "Auth { bearer: None, basic: None, api_keys: [dev(<redacted>)] }"
        );
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
        let header = Auth::private_app_token("pat-1")
            .bearer_header()
            .await
            .unwrap();
        assert_eq!(header, "Bearer pat-1");
        assert!(header.is_sensitive());
        let err = Auth::oauth_token("bad\ntoken")
            .bearer_header()
            .await
            .unwrap_err();
        assert!(!err.to_string().contains("bad"), "{err}");
    }

    #[test]
    fn the_first_covered_alternative_is_chosen() {
        static BEARER_OR_KEY: &[&[Scheme]] =
            &[&[Scheme::Bearer("oauth2")], &[Scheme::ApiKey(QUERY_KEY)]];
        let security = Security::Alternatives(BEARER_OR_KEY);
        let both = Auth::private_app_token("t").with_api_key(QUERY_KEY, "k");
        assert_eq!(both.choose(&security), Some(BEARER_OR_KEY[0]));
        let key = Auth::api_key(QUERY_KEY, "k");
        assert_eq!(key.choose(&security), Some(BEARER_OR_KEY[1]));
        let other_key = Auth::api_key(HEADER_KEY, "k");
        assert_eq!(other_key.choose(&security), None);
        assert_eq!(Auth::none().choose(&security), None);
        assert_eq!(Auth::none().choose(&Security::ANONYMOUS), Some(&[][..]));
    }

    #[test]
    fn credentials_are_sent_where_they_are_optional() {
        // `security: [{}, {oauth2: []}]`, and a spec that declares no security (bearer if held).
        static OPTIONAL: &[&[Scheme]] = &[&[], &[Scheme::Bearer("oauth2")]];
        static UNDECLARED: &[&[Scheme]] = &[&[Scheme::Bearer("")], &[]];
        for (listed, bearer) in [(OPTIONAL, OPTIONAL[1]), (UNDECLARED, UNDECLARED[0])] {
            let security = Security::Alternatives(listed);
            let token = Auth::private_app_token("t");
            assert_eq!(token.choose(&security), Some(bearer));
            assert_eq!(Auth::none().choose(&security), Some(&[][..]));
            let key_only = Auth::api_key(QUERY_KEY, "k");
            assert_eq!(key_only.choose(&security), Some(&[][..]));
        }
    }

    #[tokio::test]
    async fn keys_are_encoded_for_where_they_go() {
        static ALL: &[Scheme] = &[
            Scheme::ApiKey(QUERY_KEY),
            Scheme::ApiKey(HEADER_KEY),
            Scheme::ApiKey(ApiKeyScheme::new("c", ApiKeyLocation::Cookie, "sid")),
        ];
        let auth = Auth::api_key(QUERY_KEY, "a b&c")
            .with_api_key(HEADER_KEY, "h-1")
            .with_api_key(
                ApiKeyScheme::new("c", ApiKeyLocation::Cookie, "other"),
                "x;y",
            );
        let credentials = auth.credentials(ALL).await.unwrap();
        assert_eq!(credentials.query, ["hapikey=a%20b%26c"]);
        assert_eq!(credentials.headers[0].0, "x-key");
        assert_eq!(credentials.headers[0].1, "h-1");
        assert!(credentials.headers[0].1.is_sensitive());
        assert_eq!(credentials.cookies, ["sid=x%3By"]);
        assert!(credentials.authorization.is_none());
        let bad = Auth::api_key(HEADER_KEY, "new\nline");
        let err = bad.credentials(&ALL[1..2]).await.err().unwrap();
        assert!(!err.to_string().contains("line"), "{err}");
    }
}
