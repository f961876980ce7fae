//! The client: configuration, credentials, the HTTP connection pool, and [`Client::execute`],
//! which every operation calls — auth, optional rate limiting and pacing, retries with backoff,
//! timeouts, tracing and error mapping happen here, once, for all operations.

use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use reqwest::header::{
    HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE, COOKIE, USER_AGENT,
};
use tracing::Instrument;

use super::base_url::BaseUrl;
use super::rate_limit::Pacer;
use super::security::Scheme;
use super::{telemetry, tls};
use super::{
    Auth, Error, Pacing, RateLimit, RateLimitInfo, RawRequest, Request, Response, RetryPolicy,
};

const DEFAULT_USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// A HubSpot Conversations client. Cheap to clone (one reference count): clones share one
/// connection pool, one rate limiter and one pacer, and each request builder holds its own
/// clone, so builders and streams are `Send + 'static` and can move into `tokio::spawn`.
#[derive(Debug, Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

/// What a [`Client`] shares with its clones.
#[derive(Debug, Clone)]
struct Inner {
    http: reqwest::Client,
    base_url: BaseUrl,
    auth: Auth,
    /// Per-attempt timeout and headers to set on each request: only for a caller's reqwest
    /// client, as one we build carries them itself.
    timeout: Option<Duration>,
    default_headers: HeaderMap,
    retry: RetryPolicy,
    rate_limit: Option<Arc<RateLimit>>,
    pacer: Option<Arc<Pacer>>,
    /// The longest response body read, in bytes.
    max_response_bytes: u64,
}

impl Client {
    /// A client for HubSpot's API with default settings (see [`ClientBuilder`]).
    ///
    /// # Panics
    ///
    /// If the TLS backend cannot be initialised, as `reqwest::Client::new` does.
    pub fn new(auth: Auth) -> Self {
        Client::builder(auth)
            .build()
            .expect("the HTTP client builds with default settings")
    }

    /// A builder to configure base URL, timeouts, headers, retries and rate limiting.
    pub fn builder(auth: Auth) -> ClientBuilder {
        ClientBuilder {
            auth,
            base_url: crate::generated::DEFAULT_BASE_URL.to_owned(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            user_agent: None,
            default_headers: HeaderMap::new(),
            http: None,
            retry: RetryPolicy::default(),
            rate_limit: None,
            pacing: None,
            max_response_bytes: ClientBuilder::DEFAULT_MAX_RESPONSE_BYTES,
        }
    }

    /// This client sending to `base_url` instead (a sandbox, a proxy, or a test server). A URL
    /// that does not parse, or has a query or a fragment, fails every request with
    /// [`Error::InvalidArgument`] before anything is sent.
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        Arc::make_mut(&mut self.inner).base_url = BaseUrl::new(base_url);
        self
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.inner.base_url.as_str()
    }

    /// A request to an endpoint the spec does not cover yet, sent through the same auth,
    /// retries, rate limiting, tracing and error handling. `path` is appended to the base URL as
    /// given, so percent-encode any value placed in it (the path must stay on the base URL's
    /// origin or the request is refused). It sends the bearer
    /// token unless [`RawRequest::auth_scheme`] or [`RawRequest::without_auth`] says otherwise.
    pub fn request(&self, method: reqwest::Method, path: impl Into<String>) -> RawRequest {
        RawRequest::new(self.clone(), Request::new(method, path.into()))
    }

    /// Sends a request built by an operation. Non-2xx answers become [`Error::Api`].
    pub(crate) async fn execute(&self, request: Request) -> Result<Response, Error> {
        let span = telemetry::request_span(&request, &self.inner.base_url);
        if span.is_disabled() {
            // Nobody listens: skip entering and leaving the span on every poll.
            return self.execute_with_retries(request, &span).await;
        }
        let attempts = self.execute_with_retries(request, &span);
        attempts.instrument(span.clone()).await
    }

    async fn execute_with_retries(
        &self,
        request: Request,
        span: &tracing::Span,
    ) -> Result<Response, Error> {
        let checked = self
            .inner
            .base_url
            .parsed()
            .and_then(|_| request.check_path_arguments());
        if let Err(error) = checked {
            telemetry::record_error(span, &error);
            return Err(error);
        }
        let Some(schemes) = self.inner.auth.choose(&request.security) else {
            let error = missing_credentials(&request);
            telemetry::record_error(span, &error);
            return Err(error);
        };
        let started = tokio::time::Instant::now();
        let mut attempt = 1;
        loop {
            let sent = (!span.is_disabled()).then(tokio::time::Instant::now);
            let outcome = self.attempt(&request, schemes).await;
            let status = match &outcome {
                Ok(response) => Some(response.status()),
                Err(error) => error.status(),
            };
            let latency = sent.map(|sent| sent.elapsed());
            telemetry::record_attempt(span, attempt, latency, status.map(|s| s.as_u16()));
            let error = match outcome {
                Ok(response) => return Ok(response),
                Err(error) => error,
            };
            let delay =
                self.inner
                    .retry
                    .next_delay(&error, attempt, request.idempotent, started.elapsed());
            let Some(delay) = delay else {
                telemetry::record_error(span, &error);
                return Err(error);
            };
            tracing::debug!(attempt, delay_ms = delay.as_millis() as u64, error = %error, "retrying");
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    /// Waits for the client-side limits: the rolling window, then the pace HubSpot's headers set.
    async fn wait_for_limits(&self) {
        if let Some(limit) = &self.inner.rate_limit {
            limit.acquire().await;
        }
        if let Some(pacer) = &self.inner.pacer {
            let waited = pacer.wait().await;
            if !waited.is_zero() {
                tracing::debug!(
                    wait_ms = waited.as_millis() as u64,
                    "paced: HubSpot's rate-limit headers say the interval's budget is running low"
                );
            }
        }
    }

    /// One attempt: the chosen credentials `schemes` go in with the request. An API key in the
    /// query is appended after the operation's own parameters, and errors name the URL without it.
    async fn attempt(&self, request: &Request, schemes: &[Scheme]) -> Result<Response, Error> {
        self.wait_for_limits().await;
        let credentials = self.inner.auth.credentials(schemes).await?;
        let mut url = request.url(&self.inner.base_url)?;
        let shown_url = (!credentials.query.is_empty()).then(|| url.clone());
        if shown_url.is_some() {
            let keys = credentials.query.join("&");
            let query = match url.query() {
                Some(query) if !query.is_empty() => format!("{query}&{keys}"),
                _ => keys,
            };
            url.set_query(Some(&query));
        }
        let from_reqwest = |e| {
            let error = Error::from_reqwest(e, shown_url.as_ref());
            if request.idempotent {
                error
            } else {
                error.after_sending_once()
            }
        };
        let mut builder = self.inner.http.request(request.method.clone(), url);
        if let Some(timeout) = self.inner.timeout {
            builder = builder.timeout(timeout);
        }
        if !self.inner.default_headers.is_empty() {
            builder = builder.headers(self.inner.default_headers.clone());
        }
        if let Some(authorization) = credentials.authorization {
            builder = builder.header(AUTHORIZATION, authorization);
        }
        if let Some((username, password)) = credentials.basic {
            builder = builder.basic_auth(username, Some(password));
        }
        for (name, value) in credentials.headers {
            builder = builder.header(name, value);
        }
        let mut request_cookie = None;
        for (name, value) in &request.headers {
            if name == COOKIE && !credentials.cookies.is_empty() {
                request_cookie = Some(value);
            } else {
                builder = builder.header(name, value);
            }
        }
        if !credentials.cookies.is_empty() {
            builder = builder.header(COOKIE, cookie(request_cookie, &credentials.cookies)?);
        }
        if let Some(body) = &request.body {
            let content_type = request
                .content_type
                .clone()
                .unwrap_or_else(|| HeaderValue::from_static("application/octet-stream"));
            builder = builder
                .header(CONTENT_TYPE, content_type)
                .body(body.clone());
        }
        let response = builder.send().await.map_err(from_reqwest)?;
        self.receive(request, response, from_reqwest).await
    }

    /// Reads an answer within the client's size limit; `from_reqwest` maps a read failure.
    async fn receive(
        &self,
        request: &Request,
        mut response: reqwest::Response,
        from_reqwest: impl Fn(reqwest::Error) -> Error,
    ) -> Result<Response, Error> {
        let status = response.status();
        let headers = std::mem::take(response.headers_mut());
        if let Some(pacer) = &self.inner.pacer {
            pacer.observe(&RateLimitInfo::from_headers(&headers));
        }
        let limit = self.inner.max_response_bytes;
        let body = match read_body(&mut response, limit).await {
            Ok(body) => body,
            Err(BodyError::Read(e)) => return Err(from_reqwest(e)),
            Err(BodyError::TooLarge { declared }) => {
                return Err(Error::ResponseTooLarge {
                    status,
                    operation: operation_name(request),
                    limit,
                    declared,
                })
            }
        };
        let response = Response::new(status, headers, body);
        if status.is_success() {
            Ok(response)
        } else {
            Err(Error::from_response(response))
        }
    }
}

/// Why a response body was not read whole.
enum BodyError {
    /// The connection failed or timed out while reading.
    Read(reqwest::Error),
    /// The body is longer than the limit; `declared` is its `Content-Length`, when sent.
    TooLarge { declared: Option<u64> },
}

/// The body of `response`, read chunk by chunk and refused once it exceeds `limit` bytes (at
/// once when `Content-Length` declares more), so an oversized body is never buffered. A body
/// that arrives in one chunk is kept without copying.
async fn read_body(response: &mut reqwest::Response, limit: u64) -> Result<Bytes, BodyError> {
    let declared = response.content_length();
    if declared.is_some_and(|size| size > limit) {
        return Err(BodyError::TooLarge { declared });
    }
    let mut first: Option<Bytes> = None;
    let mut joined = BytesMut::new();
    let mut read: u64 = 0;
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Read)? {
        read = read.saturating_add(chunk.len() as u64);
        if read > limit {
            return Err(BodyError::TooLarge { declared });
        }
        if let Some(first) = first.take() {
            // Not reserved from `Content-Length`: a declared size may be a lie.
            joined.reserve(first.len() + chunk.len());
            joined.extend_from_slice(&first);
            joined.extend_from_slice(&chunk);
        } else if joined.is_empty() {
            first = Some(chunk);
        } else {
            joined.extend_from_slice(&chunk);
        }
    }
    Ok(first.unwrap_or_else(|| joined.freeze()))
}

/// How errors name `request`: its `operationId`, or `METHOD /path` for a hand-built request.
fn operation_name(request: &Request) -> String {
    if request.path_template.is_empty() {
        format!("{} {}", request.method, request.path)
    } else {
        request.operation.to_owned()
    }
}

/// The error for a request whose accepted credentials the client's `Auth` does not cover.
fn missing_credentials(request: &Request) -> Error {
    Error::MissingCredentials {
        operation: operation_name(request),
        accepted: request.security.describe(),
    }
}

/// One `Cookie` header: the operation's cookie parameters, then the API-key cookies (sensitive).
fn cookie(request_cookie: Option<&HeaderValue>, keys: &[String]) -> Result<HeaderValue, Error> {
    let keys = keys.join("; ");
    let text = match request_cookie.and_then(|v| v.to_str().ok()) {
        Some(cookies) => format!("{cookies}; {keys}"),
        None => keys,
    };
    let mut value = HeaderValue::from_str(&text)
        .map_err(|_| Error::InvalidArgument("a cookie cannot carry the API key".into()))?;
    value.set_sensitive(true);
    Ok(value)
}

/// Configuration for a [`Client`].
#[derive(Debug)]
#[must_use = "call `build()` to get a client"]
pub struct ClientBuilder {
    auth: Auth,
    base_url: String,
    connect_timeout: Duration,
    timeout: Duration,
    user_agent: Option<String>,
    default_headers: HeaderMap,
    http: Option<reqwest::Client>,
    retry: RetryPolicy,
    rate_limit: Option<RateLimit>,
    pacing: Option<Pacing>,
    max_response_bytes: u64,
}

impl ClientBuilder {
    /// The default limit on a response body: 64 MiB (see [`ClientBuilder::max_response_bytes`]).
    pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 64 * 1024 * 1024;

    /// Where requests go (default: `https://api.hubapi.com`). [`ClientBuilder::build`] refuses
    /// one with a query or a fragment, which would swallow every request's path.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// How long to wait for a connection (default 10 s). Ignored with [`ClientBuilder::http_client`].
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long one attempt may take in all, from sending to the last body byte (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// A product token put before this crate's own in `User-Agent`, e.g. `my-app/1.2`.
    pub fn user_agent(mut self, product: impl Into<String>) -> Self {
        self.user_agent = Some(product.into());
        self
    }

    /// A header sent with every request.
    pub fn default_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.default_headers.insert(name, value);
        self
    }

    /// Uses a caller-configured `reqwest::Client` (proxies, pools, TLS settings), e.g. built
    /// with the re-exported [`crate::reqwest`]. Its TLS comes from reqwest's features, not this
    /// crate's.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// When and how failed requests are retried (default: [`RetryPolicy::default`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Paces requests client-side (off by default), e.g. [`RateLimit::hubspot_standard`]: a
    /// budget for this process alone.
    pub fn rate_limit(mut self, limit: RateLimit) -> Self {
        self.rate_limit = Some(limit);
        self
    }

    /// Spaces requests when HubSpot's rate-limit headers say the app's budget for the interval
    /// is running low (off by default), e.g. [`Pacing::hubspot_headers`]: the headers count the
    /// requests of every process using the app, so replicas stay under the limit together.
    pub fn pacing(mut self, pacing: Pacing) -> Self {
        self.pacing = Some(pacing);
        self
    }

    /// The longest response body the client reads, in bytes (default
    /// [`DEFAULT_MAX_RESPONSE_BYTES`](ClientBuilder::DEFAULT_MAX_RESPONSE_BYTES), 64 MiB); error
    /// bodies count too. A longer body fails the call with [`Error::ResponseTooLarge`] as soon as
    /// its `Content-Length`, or the bytes read so far, exceed the limit: the rest is never
    /// buffered. `u64::MAX` lifts the limit.
    pub fn max_response_bytes(mut self, limit: u64) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let user_agent = match &self.user_agent {
            Some(product) => format!("{product} {DEFAULT_USER_AGENT}"),
            None => DEFAULT_USER_AGENT.to_owned(),
        };
        let user_agent = HeaderValue::from_str(&user_agent)
            .map_err(|_| Error::InvalidArgument(format!("invalid User-Agent {user_agent:?}")))?;
        let mut default_headers = self.default_headers;
        default_headers.insert(USER_AGENT, user_agent);
        // A client we build carries the timeout and default headers itself; a caller's gets
        // them per request.
        let (http, timeout, default_headers) = match self.http {
            Some(http) => (http, Some(self.timeout), default_headers),
            None => {
                let http = reqwest::Client::builder()
                    .connect_timeout(self.connect_timeout)
                    .timeout(self.timeout)
                    .default_headers(default_headers);
                let http = tls::configure(http)
                    .and_then(reqwest::ClientBuilder::build)
                    .map_err(|e| Error::from_reqwest(e, None))?;
                (http, None, HeaderMap::new())
            }
        };
        let base_url = BaseUrl::new(self.base_url);
        if let Some(error) = base_url.misrouting() {
            return Err(error);
        }
        let inner = Inner {
            http,
            base_url,
            auth: self.auth,
            timeout,
            default_headers,
            retry: self.retry,
            rate_limit: self.rate_limit.map(Arc::new),
            pacer: self.pacing.map(|pacing| Arc::new(Pacer::new(pacing))),
            max_response_bytes: self.max_response_bytes,
        };
        Ok(Client {
            inner: Arc::new(inner),
        })
    }
}
