//! Received responses: the raw [`Response`] operations decode, the typed [`ApiResponse`] that
//! `send_with_response()` returns, and HubSpot's rate-limit headers.

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde::de::DeserializeOwned;

use super::{serde_support, Error};

/// A response with its body read.
#[derive(Debug, Clone)]
pub struct Response {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl Response {
    /// A response from its parts, e.g. to decode a body received some other way with
    /// [`Response::json`]. Not part of the supported API (hidden, exempt from semver): for this
    /// repository's tests and benches of the decode path.
    #[doc(hidden)]
    pub fn new(status: StatusCode, headers: HeaderMap, body: Bytes) -> Self {
        Response {
            status,
            headers,
            body,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// Its status, headers and body.
    pub(crate) fn into_parts(self) -> (StatusCode, HeaderMap, Bytes) {
        (self.status, self.headers, self.body)
    }

    /// The raw body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// Decodes the body as JSON into `T`; a failure names the JSON path of the offending field.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        // The fast path decodes directly; only a failure pays for a second, path-tracking pass.
        serde_json::from_slice(&self.body).map_err(|source| {
            let path = serde_support::failure_path::<T>(&self.body);
            Error::decode(self.status, path, source, &self.body)
        })
    }

    /// The body as text; a body that is not UTF-8 is a decode error.
    pub fn text(&self) -> Result<String, Error> {
        match std::str::from_utf8(&self.body) {
            Ok(text) => Ok(text.to_owned()),
            Err(e) => {
                let source = <serde_json::Error as serde::de::Error>::custom(format!(
                    "the body is not UTF-8 text: {e}"
                ));
                Err(Error::decode(
                    self.status,
                    ".".to_owned(),
                    source,
                    &self.body,
                ))
            }
        }
    }

    /// The body as bytes (a cheap reference-counted clone).
    pub fn bytes(&self) -> Bytes {
        self.body.clone()
    }

    /// Wraps a decoded body with this response's status and headers.
    pub(crate) fn into_api_response<T>(self, body: T) -> ApiResponse<T> {
        ApiResponse {
            rate_limit: RateLimitInfo::from_headers(&self.headers),
            status: self.status,
            headers: self.headers,
            body,
        }
    }
}

/// A decoded body together with the response it came in.
#[derive(Debug, Clone)]
pub struct ApiResponse<T> {
    /// The HTTP status.
    pub status: StatusCode,
    /// The response headers.
    pub headers: HeaderMap,
    /// HubSpot's `X-HubSpot-RateLimit-*` headers, parsed.
    pub rate_limit: RateLimitInfo,
    /// The decoded body.
    pub body: T,
}

impl<T> ApiResponse<T> {
    /// The decoded body alone.
    pub fn into_body(self) -> T {
        self.body
    }
}

/// HubSpot's rate-limit headers; a field is `None` when its header is absent or unreadable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateLimitInfo {
    /// `X-HubSpot-RateLimit-Max`: requests allowed per interval.
    pub max: Option<u64>,
    /// `X-HubSpot-RateLimit-Remaining`: requests left in the current interval.
    pub remaining: Option<u64>,
    /// `X-HubSpot-RateLimit-Interval-Milliseconds`: the interval's length.
    pub interval_ms: Option<u64>,
    /// `X-HubSpot-RateLimit-Daily`: requests allowed per day.
    pub daily: Option<u64>,
    /// `X-HubSpot-RateLimit-Daily-Remaining`: requests left today.
    pub daily_remaining: Option<u64>,
}

impl RateLimitInfo {
    /// Parses the headers of a response, in one pass over them.
    pub fn from_headers(headers: &HeaderMap) -> Self {
        let mut info = RateLimitInfo::default();
        for (name, value) in headers {
            let Some(which) = name.as_str().strip_prefix("x-hubspot-ratelimit-") else {
                continue;
            };
            let field = match which {
                "max" => &mut info.max,
                "remaining" => &mut info.remaining,
                "interval-milliseconds" => &mut info.interval_ms,
                "daily" => &mut info.daily,
                "daily-remaining" => &mut info.daily_remaining,
                _ => continue,
            };
            if field.is_none() {
                *field = value.to_str().ok().and_then(|v| v.trim().parse().ok());
            }
        }
        info
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rate_limit_headers() {
        let mut headers = HeaderMap::new();
        headers.insert("X-HubSpot-RateLimit-Max", "190".parse().unwrap());
        headers.insert("X-HubSpot-RateLimit-Remaining", "187".parse().unwrap());
        headers.insert(
            "X-HubSpot-RateLimit-Interval-Milliseconds",
            "10000".parse().unwrap(),
        );
        headers.insert("X-HubSpot-RateLimit-Daily", "not-a-number".parse().unwrap());
        let info = RateLimitInfo::from_headers(&headers);
        assert_eq!(
            info,
            RateLimitInfo {
                max: Some(190),
                remaining: Some(187),
                interval_ms: Some(10000),
                daily: None,
                daily_remaining: None,
            }
        );
    }

    #[test]
    fn decode_errors_name_the_json_path() {
        let response = Response::new(
            StatusCode::OK,
            HeaderMap::new(),
            Bytes::from_static(br#"{"results":[{"id":"1"},{"id":2}]}"#),
        );
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Page {
            results: Vec<Item>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Item {
            id: String,
        }
        let err = response.json::<Page>().unwrap_err();
        let Error::Decode { path, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(path, "results[1].id");
        assert!(err.to_string().contains("results[1].id"), "{err}");
    }
}
