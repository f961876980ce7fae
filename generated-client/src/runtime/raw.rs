//! The escape hatch: [`Client::request`](super::Client::request) for endpoints the spec does not
//! cover yet, with the same auth, retries, rate limiting, tracing and errors as operations. It
//! sends the bearer token unless told to send an API key ([`RawRequest::auth_scheme`]) or no
//! credentials ([`RawRequest::without_auth`]).

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{ApiResponse, Client, Error, ParamValue, Request, Response, Scheme};

/// A hand-built request; invalid arguments surface when it is sent. It holds its own clone of
/// the client, so it is `Send + 'static`.
#[derive(Debug)]
#[must_use = "a request does nothing until `send()` is awaited"]
pub struct RawRequest {
    client: Client,
    request: Request,
    invalid: Option<Error>,
}

impl RawRequest {
    pub(crate) fn new(client: Client, request: Request) -> Self {
        RawRequest {
            client,
            request,
            invalid: None,
        }
    }

    /// Adds `name=value` to the query string.
    pub fn query<T: ParamValue + ?Sized>(
        mut self,
        name: impl Into<Cow<'static, str>>,
        value: &T,
    ) -> Self {
        self.request.query(name, value);
        self
    }

    /// Sets a header.
    pub fn header<T: ParamValue + ?Sized>(mut self, name: &str, value: &T) -> Self {
        if let Err(e) = self.request.header(name, value) {
            self.invalid.get_or_insert(e);
        }
        self
    }

    /// Sends `body` as JSON.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Self {
        if let Err(e) = self.request.json(body) {
            self.invalid.get_or_insert(e);
        }
        self
    }

    /// Sends the credentials of `scheme` instead of the bearer token, e.g. an API key:
    /// `.auth_scheme(security::DEVELOPER_HAPIKEY)`. The client's `Auth` must hold them.
    pub fn auth_scheme(mut self, scheme: impl Into<Scheme>) -> Self {
        self.request = self.request.only(Some(scheme.into()));
        self
    }

    /// Sends no credentials at all.
    pub fn without_auth(mut self) -> Self {
        self.request = self.request.only(None);
        self
    }

    /// Whether the request may be retried after the server may have seen it (defaults by
    /// method: POST and PATCH are not).
    pub fn idempotent(mut self, idempotent: bool) -> Self {
        self.request = self.request.idempotent(idempotent);
        self
    }

    /// Sends the request and returns the raw response.
    pub async fn send(self) -> Result<Response, Error> {
        if let Some(e) = self.invalid {
            return Err(e);
        }
        self.client.execute(self.request).await
    }

    /// Sends the request and decodes a JSON body into `T`.
    pub async fn send_json<T: DeserializeOwned>(self) -> Result<ApiResponse<T>, Error> {
        let response = self.send().await?;
        let body = response.json()?;
        Ok(response.into_api_response(body))
    }
}
