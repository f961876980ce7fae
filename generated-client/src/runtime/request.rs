//! A request as an operation describes it: which operation, method, encoded path, query pairs,
//! headers, body, the credentials it accepts, and whether it is safe to send twice.

use std::borrow::Cow;

use bytes::Bytes;
use reqwest::header::{HeaderName, HeaderValue};
use reqwest::{Method, Url};
use serde::Serialize;
use serde_json::Value;

use super::base_url::{same_origin, BaseUrl};
use super::body::scalar_text;
use super::idempotency::idempotent_by_default;
use super::param::encode_query;
use super::security::{Scheme, Security};
#[cfg(feature = "multipart")]
use super::Multipart;
use super::{Error, ParamValue};

/// One HTTP request, before the client adds the base URL and credentials.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub(crate) operation: &'static str,
    pub(crate) path_template: &'static str,
    pub(crate) method: Method,
    pub(crate) path: String,
    /// Encoded `name=value` pairs, in order.
    pub(crate) query: Vec<String>,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) body: Option<Bytes>,
    pub(crate) content_type: Option<HeaderValue>,
    pub(crate) idempotent: bool,
    /// The credentials it accepts.
    pub(crate) security: Security,
}

// A writer for every parameter style and body kind: a crate's generated code calls those its
// spec uses, so some are unused in any one crate.
#[allow(dead_code)]
impl Request {
    /// A request for `path`, which must already be percent-encoded (see [`super::encode_path`]).
    /// Every method but POST and PATCH is idempotent unless [`Request::idempotent`] says
    /// otherwise. It sends the bearer token unless
    /// [`Request::security`] says otherwise.
    pub fn new(method: Method, path: String) -> Self {
        let idempotent = idempotent_by_default(method.as_str());
        Request {
            operation: "request",
            path_template: "",
            method,
            path,
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            content_type: None,
            idempotent,
            security: Security::Only(Scheme::Bearer("")),
        }
    }

    /// Names the operation and its path template (for tracing).
    pub fn operation(mut self, operation: &'static str, path_template: &'static str) -> Self {
        self.operation = operation;
        self.path_template = path_template;
        self
    }

    /// The credentials the request accepts, as the spec's `security` lists them: any one
    /// alternative suffices, each needs all of its schemes, and an empty alternative means no
    /// credentials are needed. The client sends the first alternative its `Auth` covers.
    pub fn security(mut self, alternatives: &'static [&'static [Scheme]]) -> Self {
        self.security = Security::Alternatives(alternatives);
        self
    }

    /// Accepts exactly `scheme` (`None`: no credentials).
    pub(crate) fn only(mut self, scheme: Option<Scheme>) -> Self {
        self.security = scheme.map_or(Security::ANONYMOUS, Security::Only);
        self
    }

    /// Marks the request safe (or not) to send more than once.
    pub fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }

    /// Adds `name=value` to the query string.
    pub fn query<T: ParamValue + ?Sized>(&mut self, name: impl Into<Cow<'static, str>>, value: &T) {
        self.push_query(
            &encode_query(&name.into()),
            &encode_query(&value.to_param()),
        );
    }

    /// Adds a pair whose name and value are already encoded.
    fn push_query(&mut self, name: &str, value: &str) {
        self.query.push(format!("{name}={value}"));
    }

    /// Values encoded one by one and joined by a literal `delimiter`.
    fn joined<T: ParamValue>(values: &[T], delimiter: &str) -> String {
        let encoded: Vec<String> = values.iter().map(|v| encode_query(&v.to_param())).collect();
        encoded.join(delimiter)
    }

    /// Adds an array: `name=a&name=b` when `explode`, else `name=a,b` (OpenAPI `form` style;
    /// the comma stays literal, commas inside values are escaped).
    pub fn query_list<T: ParamValue>(&mut self, name: &'static str, values: &[T], explode: bool) {
        if explode {
            for value in values {
                self.query(name, value);
            }
        } else if !values.is_empty() {
            let joined = Self::joined(values, ",");
            self.push_query(&encode_query(name), &joined);
        }
    }

    /// Adds an array joined by `delimiter`, written as is (OpenAPI `spaceDelimited`: `%20`,
    /// `pipeDelimited`: `|`).
    pub fn query_delimited<T: ParamValue>(
        &mut self,
        name: &'static str,
        values: &[T],
        delimiter: &str,
    ) {
        if !values.is_empty() {
            let joined = Self::joined(values, delimiter);
            self.push_query(&encode_query(name), &joined);
        }
    }

    /// Adds an object: `name[key]=value` for `deepObject`, `key=value` per property for an
    /// exploded `form`, `name=key,value,...` for an unexploded one. Nested objects go deeper
    /// (`deepObject`) or as JSON text; arrays repeat the pair; `null`s are left out.
    pub fn query_object<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        style: ObjectStyle,
    ) -> Result<(), Error> {
        let value = serde_json::to_value(value).map_err(|e| {
            Error::InvalidArgument(format!("query parameter `{name}` does not serialize: {e}"))
        })?;
        let Value::Object(properties) = value else {
            return Err(Error::InvalidArgument(format!(
                "query parameter `{name}` must be an object"
            )));
        };
        match style {
            ObjectStyle::DeepObject => self.deep_object(encode_query(name), &properties),
            ObjectStyle::Form { explode: true } => {
                for (key, value) in &properties {
                    self.query_value(encode_query(key), value);
                }
            }
            ObjectStyle::Form { explode: false } => {
                let mut flat = Vec::new();
                for (key, value) in properties.iter().filter(|(_, v)| !v.is_null()) {
                    flat.push(encode_query(key));
                    flat.push(encode_query(&scalar_text(value)));
                }
                if !flat.is_empty() {
                    self.push_query(&encode_query(name), &flat.join(","));
                }
            }
        }
        Ok(())
    }

    /// `prefix[key]=value` pairs; `prefix` is encoded, the brackets stay literal.
    fn deep_object(&mut self, prefix: String, properties: &serde_json::Map<String, Value>) {
        for (key, value) in properties {
            let name = format!("{prefix}[{}]", encode_query(key));
            match value {
                Value::Object(inner) => self.deep_object(name, inner),
                other => self.query_value(name, other),
            }
        }
    }

    /// `name=value` (repeated for arrays) with an already-encoded `name`.
    fn query_value(&mut self, name: String, value: &Value) {
        match value {
            Value::Null => {}
            Value::Array(items) => {
                for item in items {
                    self.push_query(&name, &encode_query(&scalar_text(item)));
                }
            }
            other => self.push_query(&name, &encode_query(&scalar_text(other))),
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
        // `form` style: the value is percent-encoded, so it cannot end the cookie or add another.
        let pair = format!("{name}={}", encode_query(&value.to_param()));
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
        self.set_body("application/json", Bytes::from(bytes))
    }

    /// Sends `body` as text of the given media type (e.g. `text/plain`).
    pub fn text(&mut self, media_type: &str, body: &str) -> Result<(), Error> {
        self.set_body(media_type, Bytes::copy_from_slice(body.as_bytes()))
    }

    /// Sends raw bytes of the given media type (e.g. `application/octet-stream`).
    pub fn bytes(&mut self, media_type: &str, body: Bytes) -> Result<(), Error> {
        self.set_body(media_type, body)
    }

    /// Sends an object as `application/x-www-form-urlencoded` (see [`super::form_urlencoded`]).
    #[cfg(feature = "form")]
    pub fn form<T: Serialize + ?Sized>(&mut self, body: &T) -> Result<(), Error> {
        let encoded = super::form_urlencoded(body)?;
        self.set_body("application/x-www-form-urlencoded", Bytes::from(encoded))
    }

    /// Sends a `multipart/form-data` body.
    #[cfg(feature = "multipart")]
    pub fn multipart(&mut self, body: &Multipart) -> Result<(), Error> {
        let (content_type, bytes) = body.encode();
        self.set_body(&content_type, bytes)
    }

    fn set_body(&mut self, media_type: &str, body: Bytes) -> Result<(), Error> {
        let content_type = HeaderValue::from_str(media_type).map_err(|_| {
            Error::InvalidArgument(format!("{media_type:?} is not a valid Content-Type"))
        })?;
        self.content_type = Some(content_type);
        self.body = Some(body);
        Ok(())
    }

    /// Checks that the path still has its operation's shape, before anything is sent: no path
    /// parameter is empty (which would hit another URL, such as the collection's) or makes a
    /// `.` or `..` segment (which URL parsing resolves away, sending the request elsewhere).
    /// Requests built by hand have no template and are not checked.
    pub(crate) fn check_path_arguments(&self) -> Result<(), Error> {
        if self.path_template.is_empty() {
            return Ok(());
        }
        // Encoded values never hold a `/`, so the path has the template's segments.
        let segments = self.path_template.split('/').zip(self.path.split('/'));
        for (template, segment) in segments {
            let Some(problem) = segment_problem(template, segment) else {
                continue;
            };
            let names: Vec<&str> = template
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
                .collect();
            return Err(Error::InvalidArgument(format!(
                "path parameter `{}` of `{}` {problem}",
                names.join("`, `"),
                self.operation
            )));
        }
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
            url.set_query(Some(&self.query.join("&")));
        }
        Ok(url)
    }
}

/// What is wrong with the path `segment` made from the `template` segment, if anything: its
/// arguments are empty (all of them, when the segment has several), or it is a dot segment.
fn segment_problem(template: &str, segment: &str) -> Option<String> {
    template.find('{')?;
    let placeholders: usize = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.find('}'))
        .map(|name| name + 2)
        .sum();
    if segment.len() + placeholders == template.len() {
        Some("is empty".to_owned())
    } else if is_dot_segment(segment) {
        Some(format!(
            "makes the path segment {segment:?}, which URL parsing would resolve away, sending \
             the request to another path"
        ))
    } else {
        None
    }
}

/// Whether URL parsing treats `segment` as `.` or `..` (their percent-encoded forms included).
fn is_dot_segment(segment: &str) -> bool {
    segment.len() <= 6
        && matches!(
            segment.to_ascii_lowercase().as_str(),
            "." | "%2e" | ".." | ".%2e" | "%2e." | "%2e%2e"
        )
}

/// How an object-valued query parameter is written (OpenAPI `style` and `explode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // Named by generated code only for specs with object query parameters.
pub enum ObjectStyle {
    /// `form`: each property as its own pair when exploded, else `name=k1,v1,k2,v2`.
    Form {
        /// OpenAPI `explode`.
        explode: bool,
    },
    /// `deepObject`: `name[key]=value`.
    DeepObject,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(template: &'static str, path: &str) -> Result<(), String> {
        Request::new(Method::GET, path.to_owned())
            .operation("op", template)
            .check_path_arguments()
            .map_err(|e| e.to_string())
    }

    #[test]
    fn url_parsing_resolves_percent_encoded_dot_segments_too() {
        // Why `.` and `..` arguments are refused rather than percent-encoded.
        let url = Url::parse("https://h.example/a/%2E%2E/b/%2e").unwrap();
        assert_eq!(url.path(), "/b/");
    }

    #[test]
    fn path_arguments_keep_their_template_s_shape() {
        assert_eq!(checked("/a/{id}/b", "/a/1/b"), Ok(()));
        assert_eq!(checked("/a/{id}.json", "/a/....json"), Ok(()));
        assert_eq!(checked("/a/{x}-{y}", "/a/1-2"), Ok(()));
        let empty = checked("/a/{id}/b", "/a//b").unwrap_err();
        assert_eq!(
            empty,
            "invalid argument: path parameter `id` of `op` is empty"
        );
        assert!(checked("/a/{id}.json", "/a/.json")
            .unwrap_err()
            .contains("`id`"));
        assert!(checked("/a/{x}-{y}", "/a/-")
            .unwrap_err()
            .contains("`x`, `y`"));
        for (template, path) in [
            ("/a/{id}", "/a/.."),
            ("/a/{id}", "/a/."),
            ("/a/.{id}", "/a/.."),
            ("/a/{id}", "/a/%2E%2e"),
        ] {
            let error = checked(template, path).unwrap_err();
            assert!(
                error.contains("path parameter `id` of `op` makes the path segment"),
                "{error}"
            );
        }
        // Hand-built requests have no template and are sent as given.
        assert!(Request::new(Method::GET, "/a//b".into())
            .check_path_arguments()
            .is_ok());
    }

    #[test]
    fn objects_in_query_follow_their_style() {
        let value = serde_json::json!({"a": 1, "b": {"c": "x y"}, "d": [true, false], "e": null});
        let mut request = Request::new(Method::GET, "/".into());
        request
            .query_object("f", &value, ObjectStyle::DeepObject)
            .unwrap();
        request.query_delimited("p", &[1, 2], "|");
        request.query_delimited("s", &["a", "b"], " ");
        let url = request.url(&BaseUrl::new("https://h.example")).unwrap();
        assert_eq!(
            url.query().unwrap(),
            "f[a]=1&f[b][c]=x%20y&f[d]=true&f[d]=false&p=1|2&s=a%20b"
        );
        let mut form = Request::new(Method::GET, "/".into());
        let flat = serde_json::json!({"a": 1, "b": "x"});
        form.query_object("o", &flat, ObjectStyle::Form { explode: true })
            .unwrap();
        form.query_object("o", &flat, ObjectStyle::Form { explode: false })
            .unwrap();
        assert!(form.query_object("o", &3, ObjectStyle::DeepObject).is_err());
        let url = form.url(&BaseUrl::new("https://h.example")).unwrap();
        assert_eq!(url.query().unwrap(), "a=1&b=x&o=a,1,b,x");
    }

    #[test]
    fn bodies_carry_their_content_type() {
        let mut request = Request::new(Method::POST, "/".into());
        request.text("text/plain", "hi").unwrap();
        assert_eq!(request.content_type.as_ref().unwrap(), "text/plain");
        request
            .bytes("image/png", Bytes::from_static(b"\x89PNG"))
            .unwrap();
        assert_eq!(request.content_type.as_ref().unwrap(), "image/png");
        assert_eq!(request.body.as_deref(), Some(&b"\x89PNG"[..]));
        assert!(request.text("bad\nmedia", "x").is_err());
    }

    #[cfg(feature = "form")]
    #[test]
    fn form_bodies_carry_their_content_type() {
        let mut request = Request::new(Method::POST, "/".into());
        request.form(&serde_json::json!({"a": "b"})).unwrap();
        assert_eq!(
            request.content_type.as_ref().unwrap(),
            "application/x-www-form-urlencoded"
        );
        assert_eq!(request.body.as_deref(), Some(&b"a=b"[..]));
    }

    #[test]
    fn builds_urls_with_repeated_and_joined_arrays() {
        let mut request = Request::new(Method::GET, "/threads".into());
        request.query_list("inboxId", &[1_i32, 2], true);
        request.query_list("sort", &["a".to_owned(), "b c".to_owned()], false);
        // A comma inside a value is escaped, so it cannot be read as a delimiter.
        request.query_list("names", &["x,y", "z"], false);
        request.query("archived", &false);
        let url = request
            .url(&BaseUrl::new("https://api.example.com/"))
            .unwrap();
        assert_eq!(
            url.as_str(),
            "https://api.example.com/threads?inboxId=1&inboxId=2&sort=a,b%20c&names=x%2Cy,z&archived=false"
        );
    }

    #[test]
    fn header_lists_join_and_cookies_accumulate() {
        let mut request = Request::new(Method::GET, "/".into());
        request.header_list("X-Ids", &[1_i64, 2, 3]).unwrap();
        request.cookie("a", "1").unwrap();
        request.cookie("b", &true).unwrap();
        request.cookie("c", "x; admin=1").unwrap();
        let headers: Vec<(String, String)> = request
            .headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_owned()))
            .collect();
        assert_eq!(
            headers,
            [
                ("x-ids".into(), "1,2,3".into()),
                ("cookie".into(), "a=1; b=true; c=x%3B%20admin%3D1".into())
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
