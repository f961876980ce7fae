//! Webhooks of the IR: calls the API makes to the user's server, described by a 3.1 document's
//! `webhooks` or a 3.0 document's `x-webhooks` (same shape). What the generated code needs is
//! how to decode a call's body.

use super::{Body, Method, TypeRef};

/// One webhook call: a method of one entry of `webhooks`.
#[derive(Debug, Clone, PartialEq)]
pub struct Webhook {
    /// The key under `webhooks`, e.g. `conversationEvents`.
    pub name: String,
    /// The Rust name of the webhook's type in the generated `webhooks` module (upper camel case).
    pub rust_name: String,
    /// The HTTP method the API calls with.
    pub method: Method,
    /// JSON pointer of the webhook's operation.
    pub pointer: String,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `tags`.
    pub tags: Vec<String>,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// The body the API sends, if any (JSON, text or binary).
    pub body: Option<Body>,
}

impl Webhook {
    /// The type a call's body decodes into, when the webhook has a body.
    pub fn payload(&self) -> Option<&TypeRef> {
        self.body.as_ref().map(|b| &b.ty)
    }
}
