//! The hand-written runtime the generated operations call into: the client and its
//! configuration, authentication and security schemes, retries, rate limiting, request and
//! response plumbing, parameter encoding, pagination, errors and serde helpers.

mod auth;
mod base_url;
mod binary;
mod body;
mod client;
mod error;
mod idempotency;
#[cfg(feature = "testing")]
mod mock;
pub mod pagination;
mod param;
mod rate_limit;
mod raw;
mod request;
mod response;
mod retry;
mod security;
pub mod serde_support;
mod tagged;

pub use auth::{Auth, TokenProvider};
pub use binary::Binary;
pub use body::{form_urlencoded, Multipart};
pub use bytes::Bytes;
pub use client::{Client, ClientBuilder};
pub use error::{ApiError, ApiErrorBody, ApiErrorDetail, Error};
pub use futures::Stream;
pub use param::{encode_path, ParamValue};
pub use rate_limit::RateLimit;
pub use raw::RawRequest;
pub use request::{ObjectStyle, Request};
pub use reqwest::Method;
pub use response::{ApiResponse, RateLimitInfo, Response};
pub use retry::RetryPolicy;
pub use security::{ApiKeyLocation, ApiKeyScheme, Scheme};

/// Test support, public as the generated `testing` module (feature `testing`).
#[cfg(feature = "testing")]
#[doc(hidden)]
pub use mock::{
    bytes_response, empty_response, json_response, text_response, Expectation, MockApi, NotPaged,
    Paged, TEST_API_KEY, TEST_PASSWORD, TEST_TOKEN, TEST_USERNAME,
};
