//! Test support for code that calls this client (the `testing` feature), on wiremock:
//! [`MockApi`], a mock server with a [`client`](MockApi::client) pointed at it, and
//! [`Expectation`], the typed answer to one operation. The generated `testing` module adds one
//! method per operation to `MockApi` and is where users name these types.

use serde::Serialize;
use wiremock::matchers::{header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockBuilder, MockServer, ResponseTemplate, Times};

use super::{Auth, Bytes, Client, ClientBuilder};

/// The bearer token of the clients a mock server started with `MockApi::start` hands out.
pub const TEST_TOKEN: &str = "test-token";

/// The key those clients hold for every API-key scheme of the API.
pub const TEST_API_KEY: &str = "test-api-key";

/// The username of those clients' HTTP basic credentials (when the API has a basic scheme).
pub const TEST_USERNAME: &str = "test-user";

/// The password of those clients' HTTP basic credentials.
pub const TEST_PASSWORD: &str = "test-password";

/// A mock server for the API on a free loopback port: [`client`](MockApi::client) calls it,
/// and one method per operation (generated) expects that operation, e.g.
/// `mock.get_thread(id).returns(thread).await`.
///
/// A request no expectation matches is answered 404. Dropping the server checks every
/// [`Expectation::expect`] and panics on one not met.
#[derive(Debug)]
pub struct MockApi {
    server: MockServer,
    auth: Auth,
}

impl MockApi {
    /// A mock server whose clients hold `auth` instead of the test credentials (e.g.
    /// [`Auth::none`], to test a missing-credentials path).
    pub async fn start_with(auth: Auth) -> MockApi {
        MockApi {
            server: MockServer::start().await,
            auth,
        }
    }

    /// A client calling this server with the test credentials, otherwise configured as
    /// [`Client::new`] configures one (retries included: see [`client_builder`](Self::client_builder)).
    pub fn client(&self) -> Client {
        Client::new(self.auth.clone()).with_base_url(self.server.uri())
    }

    /// A client builder preset with this server's URL and the test credentials, to set
    /// retries (e.g. `RetryPolicy::disabled()`), timeouts or rate limits.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder(self.auth.clone()).base_url(self.server.uri())
    }

    /// The wiremock server: its URI, the requests it received, and mocks the typed
    /// expectations do not cover.
    pub fn server(&self) -> &MockServer {
        &self.server
    }
}

/// The operation is not paged: [`Expectation::pages`] is not available.
#[derive(Debug, Clone, Copy)]
pub struct NotPaged;

/// How a paged operation asks for the next page: its cursor query parameter and where a page
/// holds the cursor of the page after it.
#[derive(Debug)]
pub struct Paged<T> {
    cursor: &'static str,
    next: fn(&T) -> Option<String>,
}

/// One operation expected by a [`MockApi`], matched by method and path (and any
/// [`query`](Self::query) or [`header`](Self::header) added): nothing is mounted until an
/// answer (`returns`, `returns_status`, `fails_with`, `responds_with` or `pages`) is awaited.
#[derive(Debug)]
#[must_use = "nothing is mounted until an answer such as `returns` is awaited"]
pub struct Expectation<'a, T, P = NotPaged> {
    server: &'a MockServer,
    operation: &'static str,
    method: &'static str,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    times: Option<Times>,
    respond: fn(T) -> ResponseTemplate,
    paging: P,
}

impl<'a, T> Expectation<'a, T> {
    /// An expectation of `operation` (`method` and the percent-encoded `path`) answering a
    /// `T` with `respond`; called by the generated `testing` module.
    #[doc(hidden)]
    pub fn new(
        mock: &'a MockApi,
        (operation, method): (&'static str, &'static str),
        path: String,
        respond: fn(T) -> ResponseTemplate,
    ) -> Self {
        Expectation {
            server: &mock.server,
            operation,
            method,
            path,
            query: Vec::new(),
            headers: Vec::new(),
            times: None,
            respond,
            paging: NotPaged,
        }
    }

    /// This expectation of a paged operation: `cursor` names its cursor query parameter,
    /// `next` reads the next cursor from a page; called by the generated `testing` module.
    #[doc(hidden)]
    pub fn paged(
        self,
        cursor: &'static str,
        next: fn(&T) -> Option<String>,
    ) -> Expectation<'a, T, Paged<T>> {
        Expectation {
            server: self.server,
            operation: self.operation,
            method: self.method,
            path: self.path,
            query: self.query,
            headers: self.headers,
            times: self.times,
            respond: self.respond,
            paging: Paged { cursor, next },
        }
    }
}

impl<T, P> Expectation<'_, T, P> {
    /// Matches only requests whose query has the parameter `name` with the (decoded) value
    /// `value`; other parameters may be present too.
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((name.into(), value.into()));
        self
    }

    /// Matches only requests with the header `name` set to `value`.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Expects this many matching requests (`1`, `2..`, `..=3`), checked when the [`MockApi`]
    /// is dropped; with [`pages`](Expectation::pages), each page is expected this many times.
    pub fn expect(mut self, times: impl Into<Times>) -> Self {
        self.times = Some(times.into());
        self
    }

    /// Answers with `body`, at the operation's success status.
    pub async fn returns(self, body: T) {
        let response = (self.respond)(body);
        self.mount(self.given(), response, String::new()).await;
    }

    /// Answers with `status` and no body (e.g. `404`, or `429` to exercise retries).
    pub async fn returns_status(self, status: u16) {
        self.responds_with(ResponseTemplate::new(status)).await;
    }

    /// Answers with `status` and `body` as JSON, such as the API's error model.
    pub async fn fails_with(self, status: u16, body: impl Serialize) {
        let response = json_response(status, "application/json", &body);
        self.responds_with(response).await;
    }

    /// Answers with any wiremock response: headers such as `Retry-After`, a delay, a raw body.
    pub async fn responds_with(self, response: ResponseTemplate) {
        self.mount(self.given(), response, String::new()).await;
    }

    /// The matchers: method, path, then the query parameters and headers added.
    fn given(&self) -> MockBuilder {
        let mut given = Mock::given(method(self.method)).and(path(self.path.as_str()));
        for (name, value) in &self.query {
            given = given.and(query_param(name.as_str(), value.as_str()));
        }
        for (name, value) in &self.headers {
            given = given.and(header(name.as_str(), value.as_str()));
        }
        given
    }

    /// Mounts `given` answering `response`, named after the operation (plus `suffix`) in
    /// wiremock's reports.
    async fn mount(&self, given: MockBuilder, response: ResponseTemplate, suffix: String) {
        let name = format!("{} ({} {}){suffix}", self.operation, self.method, self.path);
        let mut mock = given.respond_with(response).named(name);
        if let Some(times) = &self.times {
            mock = mock.expect(times.clone());
        }
        mock.mount(self.server).await;
    }
}

impl<T> Expectation<'_, T, Paged<T>> {
    /// Serves `pages` in order, as the client's `pages()` and `into_stream()` walk them: the
    /// first answers a request without the cursor parameter, each later one the request
    /// carrying the cursor the page before it holds.
    ///
    /// # Panics
    ///
    /// When `pages` is empty, or a page before the last holds no next cursor (the client would
    /// stop there). A request for a page after the last (whose next cursor is set) is answered
    /// 404, as any request no expectation matches.
    pub async fn pages(self, pages: impl IntoIterator<Item = T>) {
        let pages: Vec<T> = pages.into_iter().collect();
        assert!(
            !pages.is_empty(),
            "{}: `pages` needs at least one page",
            self.operation
        );
        let (cursor, next) = (self.paging.cursor, self.paging.next);
        let count = pages.len();
        let mut after: Option<String> = None;
        for (index, page) in pages.into_iter().enumerate() {
            let following = next(&page).filter(|c| !c.is_empty());
            assert!(
                following.is_some() || index + 1 == count,
                "{}: page {} of {count} holds no next cursor, so the client never asks for the page after it",
                self.operation,
                index + 1,
            );
            let given = match &after {
                None => self.given().and(query_param_is_missing(cursor)),
                Some(value) => self.given().and(query_param(cursor, value.as_str())),
            };
            let suffix = format!(", page {} of {count}", index + 1);
            self.mount(given, (self.respond)(page), suffix).await;
            after = following;
        }
    }
}

/// `status` with `body` as JSON, sent as `media_type`.
#[doc(hidden)]
pub fn json_response(status: u16, media_type: &str, body: &impl Serialize) -> ResponseTemplate {
    let body = serde_json::to_vec(body).expect("a mock response body encodes as JSON");
    ResponseTemplate::new(status).set_body_raw(body, media_type)
}

/// `status` with a text body, sent as `media_type`.
#[doc(hidden)]
pub fn text_response(status: u16, media_type: &str, body: String) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body, media_type)
}

/// `status` with a binary body, sent as `media_type`.
#[doc(hidden)]
pub fn bytes_response(status: u16, media_type: &str, body: Bytes) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.to_vec(), media_type)
}

/// `status` without a body.
#[doc(hidden)]
pub fn empty_response(status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status)
}
