//! [`RefreshingTokenProvider`]: the access token a client sends, refreshed once (however many
//! requests ask at the same time) shortly before it expires.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use tokio::sync::Mutex;
use tokio::time::Instant;

use super::{OAuthApp, OAuthError, Secret, Tokens};
use crate::runtime::{Error, TokenProvider};

/// How long before expiry a token is refreshed unless [`RefreshingTokenProvider::margin`] says
/// otherwise: five minutes, comfortably more than one request attempt takes.
pub const DEFAULT_MARGIN: Duration = Duration::from_secs(5 * 60);

/// A [`TokenProvider`] for `Auth::provider`: it hands out the current access token and refreshes
/// it with the refresh token when it is within the margin of its expiry (or there is none yet).
///
/// Concurrent callers wait for one refresh (single-flight, behind a `tokio::sync::Mutex`), and
/// a refresh token HubSpot rotates replaces the old one. A failed refresh is not remembered:
/// the request that needed it fails — as [`Error::TokenProvider`] holding the [`OAuthError`],
/// as [`Error::Transport`] / [`Error::Timeout`] (retried like any network failure) when
/// the token endpoint did not answer, or as [`Error::InvalidArgument`] when the app's base URL
/// is refused ([`OAuthApp::with_base_url`]) — and the next request tries again.
///
/// Clones share the tokens, so keep one to read the refresh token to store
/// ([`RefreshingTokenProvider::refresh_token`]) or register [`on_refresh`](Self::on_refresh).
#[derive(Clone)]
pub struct RefreshingTokenProvider {
    app: OAuthApp,
    margin: Duration,
    state: Arc<Mutex<State>>,
    on_refresh: Option<Arc<RefreshHook>>,
}

/// What [`RefreshingTokenProvider::on_refresh`] registers.
type RefreshHook = dyn Fn(&Tokens) + Send + Sync;

struct State {
    access: Option<Access>,
    refresh_token: Secret,
}

struct Access {
    token: Secret,
    lifetime: Duration,
    expires_at: Instant,
}

impl RefreshingTokenProvider {
    /// Starts from a stored refresh token: the first request refreshes.
    pub fn new(app: OAuthApp, refresh_token: impl Into<Secret>) -> Self {
        RefreshingTokenProvider::with_state(
            app,
            State {
                access: None,
                refresh_token: refresh_token.into(),
            },
        )
    }

    /// Starts from tokens just issued (e.g. by [`OAuthApp::exchange_code`]): their access
    /// token is used until it nears expiry.
    pub fn from_tokens(app: OAuthApp, tokens: Tokens) -> Self {
        let state = State {
            access: Some(Access::from(&tokens)),
            refresh_token: tokens.refresh_token,
        };
        RefreshingTokenProvider::with_state(app, state)
    }

    fn with_state(app: OAuthApp, state: State) -> Self {
        RefreshingTokenProvider {
            app,
            margin: DEFAULT_MARGIN,
            state: Arc::new(Mutex::new(state)),
            on_refresh: None,
        }
    }

    /// Refresh this long before expiry ([`DEFAULT_MARGIN`] by default); at most half the
    /// token's lifetime is used, so a short-lived token is not refreshed on every request.
    pub fn margin(mut self, margin: Duration) -> Self {
        self.margin = margin;
        self
    }

    /// Calls `hook` with the new tokens after each refresh, e.g. to store a rotated refresh
    /// token. It runs while other callers wait for the token: keep it short, and do not ask
    /// this provider for a token from it.
    pub fn on_refresh(mut self, hook: impl Fn(&Tokens) + Send + Sync + 'static) -> Self {
        self.on_refresh = Some(Arc::new(hook));
        self
    }

    /// The access token to send now, refreshed first when it is missing or within the margin
    /// of its expiry.
    pub async fn access_token(&self) -> Result<Secret, OAuthError> {
        let mut state = self.state.lock().await;
        if let Some(access) = &state.access {
            let margin = self.margin.min(access.lifetime / 2);
            if Instant::now() + margin < access.expires_at {
                return Ok(access.token.clone());
            }
        }
        let tokens = self.app.refresh(&state.refresh_token).await?;
        state.refresh_token = tokens.refresh_token.clone();
        state.access = Some(Access::from(&tokens));
        if let Some(hook) = &self.on_refresh {
            hook(&tokens);
        }
        Ok(tokens.access_token)
    }

    /// The refresh token the next refresh will send (HubSpot's latest).
    pub async fn refresh_token(&self) -> Secret {
        self.state.lock().await.refresh_token.clone()
    }
}

impl From<&Tokens> for Access {
    fn from(tokens: &Tokens) -> Self {
        Access {
            token: tokens.access_token.clone(),
            lifetime: tokens.expires_in,
            expires_at: tokens.expires_at,
        }
    }
}

impl TokenProvider for RefreshingTokenProvider {
    fn token(&self) -> BoxFuture<'_, Result<String, Error>> {
        Box::pin(async move {
            match self.access_token().await {
                Ok(token) => Ok(token.expose().to_owned()),
                Err(OAuthError::Transport(error)) => Err(Error::from_reqwest(error, None)),
                Err(OAuthError::InvalidBaseUrl(problem)) => Err(Error::InvalidArgument(problem)),
                Err(error) => Err(Error::TokenProvider(Box::new(error))),
            }
        })
    }
}

impl fmt::Debug for RefreshingTokenProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshingTokenProvider")
            .field("app", &self.app)
            .field("margin", &self.margin)
            .finish_non_exhaustive()
    }
}
