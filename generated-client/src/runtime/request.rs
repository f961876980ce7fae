//! A request as an operation describes it: which operation, method, encoded path, query pairs,
//! headers, body, and whether it is safe to send twice.

use std::borrow::Cow;

use reqwest::header::{HeaderName, HeaderValue};
use reqwest::{Method, Url};
use serde::Serialize;

use super::base_url::{same_origin, BaseUrl};
use super::{Error, ParamValue};

/// One HTTP request, before the client adds the base URL and credentials.
#[derive(Debug, Clone)]
pub struct Request {
    pub(crate) operation: &'static str,
    pub(crate) path_template: &'static str,
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: Vec<(Cow<'static, str>, String)>,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) body: Option<Vec<u8>>,
    pub(crate) idempotent: bool,
}

impl Request {
    /// A request for `path`, which must already be percent-encoded (see [`super::encode_path`]).
    /// GET, HEAD, PUT, DELETE and OPTIONS are idempotent; POST and PATCH are not unless
    /// [`Request::idempotent`] says so.
    pub fn new(method: Method, path: String) -> Self {
        let idempotent = !matches!(method, Method::POST | Method::PATCH);
        Request {
            operation: "request",
            path_template: "",
            method,
            path,
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            idempotent,
        }
    }

    /// Names the operation and its path template (for tracing).
    pub fn operation(mut self, operation: &'static str, path_template: &'static str) -> Self {
        self.operation = operation;
        self.path_template = path_template;
        self
    }

    /// Marks the request safe (or not) to send more than once.
    pub fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }

    /// Adds `name=value` to the query string.
    pub fn query<T: ParamValue + ?Sized>(&mut self, name: impl Into<Cow<'static, str>>, value: &T) {
        self.query
            .push((name.into(), value.to_param().into_owned()));
    }

    /// Adds an array: `name=a&name=b` when `explode`, else `name=a,b` (OpenAPI `form` style).
    pub fn query_list<T: ParamValue>(&mut self, name: &'static str, values: &[T], explode: bool) {
        if explode {
            for value in values {
                self.query(name, value);
            }
        } else if !values.is_empty() {
            let joined: Vec<String> = values.iter().map(|v| v.to_param().into_owned()).collect();
            self.query.push((name.into(), joined.join(",")));
        }
    }

    /// Sets a header; a value that cannot be sent in a header is an invalid argument.
    pub fn header<T: ParamValue + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), Error> {
        let text = value.to_param();
        let value = HeaderValue::from_str(&text).map_err(|_| {
            Error::InvalidArgument(format!("header `{name}` cannot carry {text:?}"))
        })?;
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::InvalidArgument(format!("`{name}` is not a valid header name")))?;
        self.headers.push((name, value));
        Ok(())
    }

    /// Sets a header to a comma-separated list (OpenAPI `simple` style).
    pub fn header_list<T: ParamValue>(
        &mut self,
        name: &'static str,
        values: &[T],
    ) -> Result<(), Error> {
        let joined: Vec<String> = values.iter().map(|v| v.to_param().into_owned()).collect();
        self.header(name, joined.join(",").as_str())
    }

    /// Adds `name=value` to the `Cookie` header.
    pub fn cookie<T: ParamValue + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let pair = format!("{name}={}", value.to_param());
        let existing = self
            .headers
            .iter()
            .position(|(n, _)| n == reqwest::header::COOKIE);
        let combined = match existing {
            Some(i) => {
                let (_, old) = self.headers.remove(i);
                format!("{}; {pair}", old.to_str().unwrap_or_default())
            }
            None => pair,
        };
        self.header("cookie", combined.as_str())
    }

    /// Serializes `body` as the JSON request body.
    pub fn json<T: Serialize + ?Sized>(&mut self, body: &T) -> Result<(), Error> {
        let bytes = serde_json::to_vec(body)
            .map_err(|e| Error::InvalidArgument(format!("request body does not serialize: {e}")))?;
        self.body = Some(bytes);
        Ok(())
    }

    /// The full URL under `base_url`. The path must start with `/` and the result must stay on
    /// the base URL's origin, so a path can never send the credentials to another host.
    pub(crate) fn url(&self, base_url: &BaseUrl) -> Result<Url, Error> {
        if !self.path.starts_with('/') {
            return Err(Error::InvalidArgument(format!(
                "request path {:?} must start with `/`",
                self.path
            )));
        }
        let base = base_url.parsed()?;
        let joined = format!("{}{}", base_url.as_str().trim_end_matches('/'), self.path);
        let mut url = Url::parse(&joined)
            .map_err(|e| Error::InvalidArgument(format!("invalid request URL {joined:?}: {e}")))?;
        if !same_origin(&url, base) || !url.username().is_empty() || url.password().is_some() {
            return Err(Error::InvalidArgument(format!(
                "request path {:?} leaves the base URL's host",
                self.path
            )));
        }
        if !self.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (name, value) in &self.query {
                pairs.append_pair(name, value);
            }
        }
        Ok(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_urls_with_repeated_and_joined_arrays() {
        let mut request = Request::new(Method::GET, "/threads".into());
        request.query_list("inboxId", &[1_i32, 2], true);
        request.query_list("sort", &["a".to_owned(), "b c".to_owned()], false);
        request.query("archived", &false);
        let url = request
            .url(&BaseUrl::new("https://api.example.com/"))
            .unwrap();
        assert_eq!(
            url.as_str(),
            "https://api.example.com/threads?inboxId=1&inboxId=2&sort=a%2Cb+c&archived=false"
        );
    }

    #[test]
    fn header_lists_join_and_cookies_accumulate() {
        let mut request = Request::new(Method::GET, "/".into());
        request.header_list("X-Ids", &[1_i64, 2, 3]).unwrap();
        request.cookie("a", "1").unwrap();
        request.cookie("b", &true).unwrap();
        let headers: Vec<(String, String)> = request
            .headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_owned()))
            .collect();
        assert_eq!(
            headers,
            [
                ("x-ids".into(), "1,2,3".into()),
                ("cookie".into(), "a=1; b=true".into())
            ]
        );
    }

    #[test]
    fn paths_cannot_leave_the_base_host() {
        for path in ["@evil.example/x", "evil.example/x", "x", ""] {
            let request = Request::new(Method::GET, path.into());
            assert!(
                request
                    .url(&BaseUrl::new("https://api.hubapi.com"))
                    .is_err(),
                "{path:?}"
            );
        }
        let ok = Request::new(Method::GET, "/a/b".into());
        assert_eq!(
            ok.url(&BaseUrl::new("https://api.hubapi.com/"))
                .unwrap()
                .as_str(),
            "https://api.hubapi.com/a/b"
        );
    }

    #[test]
    fn rejects_header_values_with_newlines() {
        let mut request = Request::new(Method::GET, "/".into());
        let err = request.header("X-Thing", "a\nb").unwrap_err();
        assert!(err.to_string().contains("X-Thing"), "{err}");
    }
}
