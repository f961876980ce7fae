//! HubSpot's webhook calls. [`ConversationEvents`] (generated from the spec's `x-webhooks`)
//! decodes the batch of Conversations events HubSpot posts to an app's target URL; with the
//! `webhooks` feature, `WebhookVerifier`, built from the app's client secret, first checks that
//! the request really comes from HubSpot, over the method, URL, headers and raw body of any HTTP
//! framework, or an [`http::Request`] directly. A new-message event leads to the message in one
//! line: `client.get_message(&event.object_id, &event.message_id).send().await?`.
//! `examples/webhook-receiver` in the repository is a complete receiver (verify, decode, dedupe
//! by event id, answer 200 at once, then fetch), with HubSpot's retry behaviour in its README.
//!
//! ```no_run
//! # #[cfg(feature = "webhooks")] {
//! use generated_client::bytes::Bytes;
//! use generated_client::http::{Request, StatusCode};
//! use generated_client::models::ConversationEvent;
//! use generated_client::webhooks::{ConversationEvents, WebhookVerifier};
//!
//! // Once, at start-up; behind a proxy, tell it the URL HubSpot calls.
//! let verifier = WebhookVerifier::new("app-client-secret").public_url("https://hooks.example.com");
//!
//! fn receive(verifier: &WebhookVerifier, request: Request<Bytes>) -> StatusCode {
//!     if let Err(error) = verifier.verify_request(&request) {
//!         eprintln!("rejected: {error}");
//!         return StatusCode::UNAUTHORIZED;
//!     }
//!     let events = match ConversationEvents::decode(request.body()) {
//!         Ok(events) => events,
//!         Err(_) => return StatusCode::BAD_REQUEST,
//!     };
//!     for event in &events {
//!         if let ConversationEvent::ConversationNewMessage(new) = event {
//!             println!("message {} on thread {}", new.message_id, new.object_id);
//!         }
//!     }
//!     StatusCode::OK
//! }
//! # let _ = receive(&verifier, Request::new(Bytes::new()));
//! # }
//! ```
//!
//! The rules, from HubSpot's [Validating requests](https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation)
//! (webhook calls are described in [Webhooks API](https://developers.hubspot.com/docs/api/webhooks)):
//! - **v3**: `X-HubSpot-Signature-v3` is the base64 HMAC-SHA256, keyed with the client secret,
//!   of method + URI + body + `X-HubSpot-Request-Timestamp` (milliseconds since the epoch). The
//!   URI is the full URL HubSpot called with `%3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B`
//!   decoded (either case) and every other escape kept. Timestamps older than five minutes are
//!   rejected (`WebhookVerifier::max_age`), and so are ones more than a minute ahead
//!   of our clock (`WebhookVerifier::max_future_skew`): HubSpot stamps the
//!   request as it sends it, so a timestamp ahead of us can only be clock skew, which NTP keeps
//!   to well under a second; a minute forgives a badly kept clock while keeping the replay window
//!   close to the five minutes HubSpot intends.
//! - **v1 / v2** (`X-HubSpot-Signature` with `X-HubSpot-Signature-Version: v1` or `v2`): hex
//!   SHA-256 of client secret + body (v1) or client secret + method + URI + body (v2, URI as
//!   sent). They carry no timestamp, so a captured request can be replayed forever. HubSpot sends
//!   them *beside* v3 on requests that have v3, so a verifier rejects them by default
//!   (`WebhookError::LegacyNotAllowed`); `WebhookVerifier::allow_legacy` accepts
//!   them for requests that carry no v3 signature (older app types, CRM cards).
//!
//! A request with `X-HubSpot-Signature-v3` is checked as v3 whatever else it carries. Every
//! comparison is constant-time, and neither the secret nor the expected signature appears in
//! `Debug` output or errors. HMAC-SHA256 and SHA-256 come from `aws-lc-rs`, the library rustls
//! already uses.

pub use crate::generated::webhooks::*;
#[cfg(feature = "webhooks")]
pub use crate::hubspot::webhooks::*;
pub use crate::runtime::{Webhook, WebhookDecodeError};
