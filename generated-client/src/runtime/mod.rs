//! The hand-written runtime the generated operations call into: the client and its
//! configuration, authentication and security schemes, retries, rate limiting and pacing,
//! request and response plumbing, parameter encoding, pagination, errors, tracing, serde
//! helpers and webhook decoding.
//!
//! Public here is what users call: the client and its builder, auth, errors, responses, retry
//! and rate-limit configuration, and the raw-request escape hatch ([`Client::request`]). The
//! plumbing the generated code uses (request building, parameter and body encoders, pagination
//! and serde helpers) is crate-private. Form and multipart bodies are compiled only with the
//! `form` and `multipart` features, which a crate whose operations send them enables.

mod auth;
pub(crate) mod base_url;
mod binary;
mod body;
mod client;
mod error;
#[cfg(feature = "form")]
mod form;
mod idempotency;
#[cfg(feature = "testing")]
mod mock;
#[cfg(feature = "multipart")]
mod multipart;
// Plumbing for generated code: a spec without paged lists, enums, unions, ids or path
// parameters leaves some of it unused.
#[allow(dead_code)]
pub(crate) mod pagination;
mod param;
mod rate_limit;
mod raw;
mod request;
mod response;
mod retry;
mod security;
#[allow(dead_code)]
pub(crate) mod serde_support;
#[allow(dead_code)]
mod tagged;
mod telemetry;
mod tls;
mod unknown_variant;
// Plumbing for generated webhook types: a spec without webhooks leaves it unused.
#[allow(dead_code)]
pub(crate) mod webhook;

pub use auth::{Auth, TokenProvider};
pub use binary::Binary;
pub use bytes::Bytes;
pub use client::{Client, ClientBuilder};
pub use error::{ApiError, ApiErrorBody, ApiErrorDetail, Error};
#[cfg(feature = "form")]
pub(crate) use form::form_urlencoded;
pub use futures::Stream;
#[cfg(feature = "multipart")]
pub(crate) use multipart::Multipart;
pub use pagination::{Items, Pages};
#[allow(unused_imports)]
pub(crate) use param::encode_path;
pub(crate) use param::ParamValue;
#[allow(unused_imports)] // Used by generated unions of scalars and arrays only.
pub(crate) use param::ParamValues;
pub use rate_limit::{Pacing, RateLimit};
pub use raw::RawRequest;
// `ObjectStyle` is named by generated code only for specs with object query parameters.
#[allow(unused_imports)]
pub(crate) use request::ObjectStyle;
pub(crate) use request::Request;
pub use reqwest::Method;
pub use response::{ApiResponse, RateLimitInfo, Response};
pub use retry::RetryPolicy;
pub use security::{ApiKeyLocation, ApiKeyScheme, Scheme};
pub use unknown_variant::UnknownVariant;
pub use webhook::{Webhook, WebhookDecodeError};

/// Test support, public as the generated `testing` module (feature `testing`).
#[cfg(feature = "testing")]
#[doc(hidden)]
pub use mock::{
    bytes_response, empty_response, json_response, text_response, Expectation, MockApi, NotPaged,
    Paged, TEST_API_KEY, TEST_PASSWORD, TEST_TOKEN, TEST_USERNAME,
};
