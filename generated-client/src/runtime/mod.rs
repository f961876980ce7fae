//! The hand-written runtime the generated operations call into: the client, authentication,
//! request and response plumbing, parameter encoding, errors and serde helpers.

mod auth;
mod client;
mod error;
mod param;
mod request;
mod response;
pub mod serde_support;

pub use auth::Auth;
pub use client::Client;
pub use error::{ApiError, ApiErrorBody, ApiErrorDetail, Error};
pub use param::{encode_path, ParamValue};
pub use request::Request;
pub use reqwest::Method;
pub use response::Response;
