//! HubSpot OAuth (feature `oauth`): the URL that sends a user to install your app, the exchange
//! of the code HubSpot redirects back with for tokens, refreshing them, and a
//! [`RefreshingTokenProvider`] that keeps a [`Client`](crate::Client)'s access token fresh.
//!
//! ```no_run
//! use generated_client::oauth::{OAuthApp, RefreshingTokenProvider};
//! use generated_client::{Auth, Client};
//!
//! # fn store(_refresh_token: &str) {}
//! # async fn run(code_from_redirect: &str) -> Result<(), Box<dyn std::error::Error>> {
//! let app = OAuthApp::new("client-id", "client-secret", "https://example.com/oauth/callback");
//!
//! // 1. Send the user to HubSpot; it redirects to the redirect URI with `?code=…&state=…`.
//! let url = app
//!     .authorize_url(["conversations.read", "conversations.write"])
//!     .state("per-user-nonce");
//! println!("open {url}");
//!
//! // 2. Exchange the code (after checking `state`) for an access and a refresh token.
//! let tokens = app.exchange_code(code_from_redirect).await?;
//! store(tokens.refresh_token.expose());
//!
//! // 3. A client whose token refreshes itself, once, shortly before it expires; a refresh
//! //    token HubSpot rotates is stored again.
//! let provider = RefreshingTokenProvider::from_tokens(app, tokens)
//!     .on_refresh(|tokens| store(tokens.refresh_token.expose()));
//! let client = Client::new(Auth::provider(provider));
//! let inboxes = client.list_inboxes().send().await?;
//! println!("{} inboxes", inboxes.results.len());
//! # Ok(())
//! # }
//! ```
//!
//! Endpoints, from HubSpot's documentation:
//! - the authorize page, `https://app.hubspot.com/oauth/authorize` (or
//!   `/oauth/{accountId}/authorize`) with `client_id`, `redirect_uri`, `scope` and
//!   `optional_scope` (space-separated, sent as `%20`) and `state`: the [OAuth quickstart
//!   guide](https://developers.hubspot.com/docs/apps/legacy-apps/authentication/oauth-quickstart-guide)
//!   and [Working with OAuth](https://developers.hubspot.com/docs/apps/legacy-apps/authentication/working-with-oauth);
//! - the token endpoint, `POST https://api.hubapi.com/oauth/2026-03/token` with an
//!   `application/x-www-form-urlencoded` body (so no secret travels in a URL): [Manage OAuth
//!   access tokens with the 2026-03 API](https://developers.hubspot.com/docs/api-reference/latest/authentication/manage-oauth-tokens)
//!   and [its reference](https://developers.hubspot.com/docs/api-reference/2026-03/authentication/oauth-tokens/refresh-oauth-token).
//!   It replaces `/oauth/v1/token`, which [HubSpot retires on 16 February
//!   2027](https://developers.hubspot.com/changelog/v1-oauth-api-deprecation), within this
//!   crate's API version's support window;
//! - error bodies with RFC 6749's `error` and `error_description` beside HubSpot's `status` and
//!   `message` ([changelog](https://developers.hubspot.com/changelog/new-oauth-v3-api-endpoints-and-standardized-error-responses)).
//!
//! The client secret, codes and tokens are [`Secret`]s: never in `Debug` output, errors or
//! logs, and never in a URL.

mod error;
mod provider;
mod tokens;

use std::fmt;
use std::time::Duration;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use tokio::time::Instant;

use crate::runtime::base_url::BaseUrl;

pub use error::{OAuthError, OAuthErrorBody, Rejection};
pub use provider::{RefreshingTokenProvider, DEFAULT_MARGIN};
pub use tokens::{Secret, Tokens};

/// Where HubSpot's authorize page is served.
pub const DEFAULT_APP_URL: &str = "https://app.hubspot.com";

/// Where HubSpot's API, and so its token endpoint, is served.
pub const DEFAULT_API_URL: &str = "https://api.hubapi.com";

/// The token endpoint's path under the API URL (HubSpot's date-based OAuth version 2026-03).
pub const TOKEN_PATH: &str = "/oauth/2026-03/token";

/// Everything but RFC 3986 unreserved characters is escaped in a query value (a space is `%20`).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

const USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// A HubSpot app's OAuth credentials (its Auth settings page) and where to reach HubSpot. Cheap
/// to clone: clones share one connection pool.
#[derive(Clone)]
pub struct OAuthApp {
    client_id: String,
    client_secret: Secret,
    redirect_uri: String,
    app_url: String,
    api_url: String,
    /// Why `api_url` is refused, when it is.
    api_url_problem: Option<String>,
    http: reqwest::Client,
}

impl OAuthApp {
    /// The app whose client id and secret these are, redirecting users to `redirect_uri` (it
    /// must be one of the app's redirect URLs). Token requests time out after 30 s.
    ///
    /// # Panics
    ///
    /// If the TLS backend cannot be initialised, as `reqwest::Client::new` does.
    pub fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
        redirect_uri: impl Into<String>,
    ) -> Self {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(30))
            .user_agent(USER_AGENT)
            .build()
            .expect("the HTTP client builds with default settings");
        OAuthApp {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            redirect_uri: redirect_uri.into(),
            app_url: DEFAULT_APP_URL.to_owned(),
            api_url: DEFAULT_API_URL.to_owned(),
            api_url_problem: None,
            http,
        }
    }

    /// This app sending token requests to `api_url` instead of [`DEFAULT_API_URL`] (a proxy or
    /// a test server); the token endpoint is [`TOKEN_PATH`] under it. A URL that does not
    /// parse, or has a query or a fragment (which the token path would follow), fails every
    /// token request with [`OAuthError::InvalidBaseUrl`] before anything is sent, as the
    /// client refuses such a base URL.
    pub fn with_base_url(mut self, api_url: impl Into<String>) -> Self {
        let api_url = api_url.into();
        self.api_url_problem = BaseUrl::new(api_url.as_str()).problem();
        self.api_url = api_url.trim_end_matches('/').to_owned();
        self
    }

    /// This app sending users to the authorize page at `app_url` instead of
    /// [`DEFAULT_APP_URL`] (another HubSpot host, or a test server).
    pub fn with_app_url(mut self, app_url: impl Into<String>) -> Self {
        self.app_url = app_url.into().trim_end_matches('/').to_owned();
        self
    }

    /// The app's client id.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The URL that asks a HubSpot user to install the app with `scopes` (required: the user
    /// cannot pick an account without them). Add optional scopes and `state` on the result;
    /// `to_string()` (or `{}`) gives the URL.
    pub fn authorize_url<I, S>(&self, scopes: I) -> AuthorizeUrl
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        AuthorizeUrl {
            app_url: self.app_url.clone(),
            account_id: None,
            client_id: self.client_id.clone(),
            redirect_uri: self.redirect_uri.clone(),
            scopes: scopes.into_iter().map(Into::into).collect(),
            optional_scopes: Vec::new(),
            state: None,
        }
    }

    /// Exchanges the `code` HubSpot appended to the redirect URI for tokens
    /// (`grant_type=authorization_code`). A code is single-use and short-lived.
    pub async fn exchange_code(&self, code: &str) -> Result<Tokens, OAuthError> {
        let grant = [
            ("grant_type", "authorization_code"),
            ("redirect_uri", &self.redirect_uri),
            ("code", code),
        ];
        self.token_request(&grant, code, None).await
    }

    /// A new access token for `refresh_token` (`grant_type=refresh_token`). When HubSpot
    /// returns a different refresh token, [`Tokens::refresh_token`] holds it: use that one next.
    pub async fn refresh(&self, refresh_token: &Secret) -> Result<Tokens, OAuthError> {
        let grant = [
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose()),
        ];
        self.token_request(&grant, refresh_token.expose(), Some(refresh_token))
            .await
    }

    /// One form-encoded `POST` to the token endpoint: `grant` plus the client credentials.
    /// `grant_secret` (the code or refresh token) is redacted from errors, as is the client
    /// secret.
    async fn token_request(
        &self,
        grant: &[(&str, &str)],
        grant_secret: &str,
        sent_refresh_token: Option<&Secret>,
    ) -> Result<Tokens, OAuthError> {
        if let Some(problem) = &self.api_url_problem {
            return Err(OAuthError::InvalidBaseUrl(problem.clone()));
        }
        let form = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(grant)
            .append_pair("client_id", &self.client_id)
            .append_pair("client_secret", self.client_secret.expose())
            .finish();
        let url = format!("{}{TOKEN_PATH}", self.api_url);
        let grant_type = grant.first().map_or("", |(_, value)| *value);
        let sent = Instant::now();
        let response = self
            .http
            .post(url)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "application/json")
            .body(form)
            .send()
            .await
            .map_err(OAuthError::Transport)?;
        let status = response.status();
        tracing::debug!(
            grant_type,
            status = status.as_u16(),
            "HubSpot OAuth token request"
        );
        let body = response.bytes().await.map_err(OAuthError::Transport)?;
        if !status.is_success() {
            let secrets = [self.client_secret.expose(), grant_secret];
            return Err(OAuthError::rejected(status, &body, &secrets));
        }
        Tokens::decode(status, &body, sent, sent_refresh_token)
    }
}

impl fmt::Debug for OAuthApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthApp")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("redirect_uri", &self.redirect_uri)
            .field("app_url", &self.app_url)
            .field("api_url", &self.api_url)
            .finish()
    }
}

/// The URL of HubSpot's authorize page for an app, from [`OAuthApp::authorize_url`];
/// `Display` writes it, every value percent-encoded.
///
/// ```
/// use generated_client::oauth::OAuthApp;
///
/// let app = OAuthApp::new("my-client-id", "my-secret", "https://example.com/callback");
/// let url = app
///     .authorize_url(["conversations.read", "conversations.write"])
///     .optional_scopes(["tickets"])
///     .state("nonce 1");
/// assert_eq!(
///     url.to_string(),
///     "https://app.hubspot.com/oauth/authorize?client_id=my-client-id\
///      &redirect_uri=https%3A%2F%2Fexample.com%2Fcallback\
///      &scope=conversations.read%20conversations.write&optional_scope=tickets&state=nonce%201"
/// );
/// ```
#[derive(Debug, Clone)]
pub struct AuthorizeUrl {
    app_url: String,
    account_id: Option<u64>,
    client_id: String,
    redirect_uri: String,
    scopes: Vec<String>,
    optional_scopes: Vec<String>,
    state: Option<String>,
}

impl AuthorizeUrl {
    /// Scopes the app uses when the chosen account has them, dropped otherwise
    /// (`optional_scope`); replaces earlier ones.
    pub fn optional_scopes<I, S>(mut self, scopes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.optional_scopes = scopes.into_iter().map(Into::into).collect();
        self
    }

    /// A value HubSpot hands back unchanged on the redirect: a per-user nonce to check there,
    /// against cross-site request forgery.
    pub fn state(mut self, state: impl Into<String>) -> Self {
        self.state = Some(state.into());
        self
    }

    /// Authorize for this HubSpot account only (`/oauth/{accountId}/authorize`) rather than
    /// letting the user choose.
    pub fn account_id(mut self, account_id: u64) -> Self {
        self.account_id = Some(account_id);
        self
    }
}

impl fmt::Display for AuthorizeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let encode = |text: &str| utf8_percent_encode(text, QUERY_VALUE).to_string();
        f.write_str(&self.app_url)?;
        match self.account_id {
            Some(account) => write!(f, "/oauth/{account}/authorize")?,
            None => f.write_str("/oauth/authorize")?,
        }
        write!(f, "?client_id={}", encode(&self.client_id))?;
        write!(f, "&redirect_uri={}", encode(&self.redirect_uri))?;
        write!(f, "&scope={}", encode(&self.scopes.join(" ")))?;
        if !self.optional_scopes.is_empty() {
            let optional = self.optional_scopes.join(" ");
            write!(f, "&optional_scope={}", encode(&optional))?;
        }
        if let Some(state) = &self.state {
            write!(f, "&state={}", encode(state))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_never_shows_its_secret() {
        let app = OAuthApp::new("id-1", "cs-secret", "https://example.com/cb");
        let shown = format!("{app:?}");
        assert!(!shown.contains("cs-secret"), "{shown}");
        assert!(shown.contains("client_secret: <redacted>"), "{shown}");
    }

    #[test]
    fn authorize_urls_encode_every_value_and_name_an_account_when_asked() {
        let app = OAuthApp::new("id&1", "s", "https://example.com/cb?a=b c")
            .with_app_url("https://app-eu1.hubspot.com/");
        let url = app.authorize_url(["oauth"]).account_id(123456).to_string();
        assert_eq!(
            url,
            "https://app-eu1.hubspot.com/oauth/123456/authorize?client_id=id%261\
             &redirect_uri=https%3A%2F%2Fexample.com%2Fcb%3Fa%3Db%20c&scope=oauth"
        );
    }
}
