//! The client: base URL, credentials and the HTTP connection pool. Operations are methods on it
//! (see [`crate::operations`]); [`Client::execute`] is what they all call.

use std::time::Duration;

use reqwest::header::{HeaderValue, CONTENT_TYPE, USER_AGENT};

use super::{Auth, Error, Request, Response};

const DEFAULT_USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// A HubSpot Conversations client. Cheap to clone: clones share one connection pool.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    auth: Auth,
}

impl Client {
    /// A client for `https://api.hubapi.com` with the given credentials, a 10 s connect timeout
    /// and a 60 s total timeout per request.
    pub fn new(auth: Auth) -> Self {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap_or_default();
        Client {
            http,
            base_url: crate::generated::DEFAULT_BASE_URL.to_owned(),
            auth,
        }
    }

    /// Sends requests to `base_url` instead (a sandbox, a proxy, or a test server).
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// Uses a caller-configured `reqwest::Client` (proxies, timeouts, connection pool).
    pub fn with_http_client(mut self, http: reqwest::Client) -> Self {
        self.http = http;
        self
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Sends a request built by an operation. Non-2xx answers become [`Error::Api`].
    pub async fn execute(&self, request: Request) -> Result<Response, Error> {
        let url = request.url(&self.base_url)?;
        let mut builder = self
            .http
            .request(request.method.clone(), url)
            .bearer_auth(self.auth.bearer())
            .header(USER_AGENT, HeaderValue::from_static(DEFAULT_USER_AGENT));
        for (name, value) in request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = request.body {
            builder = builder
                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body);
        }
        let response = builder.send().await.map_err(Error::from_reqwest)?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(Error::from_reqwest)?;
        let response = Response::new(status, headers, body);
        if status.is_success() {
            Ok(response)
        } else {
            Err(Error::from_response(response))
        }
    }
}
