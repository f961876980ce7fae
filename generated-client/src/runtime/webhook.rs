//! Webhooks: the calls an API makes to your server, as its spec's `webhooks` (or `x-webhooks`)
//! describe them. Each type of the generated `webhooks` module names one call and implements
//! [`Webhook`]: the call's name and method, and how its body decodes. Checking that a call
//! really comes from the API (a signature) is the API's own scheme and is not part of this
//! generic runtime.

use std::error::Error as StdError;
use std::fmt;

use bytes::Bytes;
use serde::de::DeserializeOwned;

use super::error::snippet;
use super::serde_support::failure_path;
use super::Method;

/// A call the API makes to your server. Implemented by each type of the generated `webhooks`
/// module; generic receivers take `W: Webhook`.
pub trait Webhook {
    /// The webhook's name in the spec (its key under `webhooks`).
    const NAME: &'static str;
    /// The HTTP method the API calls with.
    const METHOD: Method;
    /// What a call's body decodes into.
    type Payload;

    /// Decodes a call's body (the raw bytes, as received).
    fn decode(body: &[u8]) -> Result<Self::Payload, WebhookDecodeError>;
}

/// A webhook call's body that does not match the webhook's payload type. `Display` names the
/// JSON path of the offending value and the start of the body; the cause is the error's
/// `source()`.
#[derive(Debug)]
pub struct WebhookDecodeError {
    webhook: &'static str,
    path: String,
    source: Box<dyn StdError + Send + Sync>,
    snippet: String,
}

impl WebhookDecodeError {
    /// The webhook whose body did not decode.
    pub fn webhook(&self) -> &str {
        self.webhook
    }

    /// JSON path of the value that failed, e.g. `[2].messageId` (`.` for the whole body).
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for WebhookDecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot decode the `{}` webhook body at `{}` (body starts: {})",
            self.webhook, self.path, self.snippet
        )
    }
}

impl StdError for WebhookDecodeError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source)
    }
}

/// Decodes a JSON webhook body.
pub(crate) fn decode_json<T: DeserializeOwned>(
    webhook: &'static str,
    body: &[u8],
) -> Result<T, WebhookDecodeError> {
    serde_json::from_slice(body).map_err(|source| WebhookDecodeError {
        webhook,
        path: failure_path::<T>(body),
        source: Box::new(source),
        snippet: snippet(body),
    })
}

/// Decodes a text webhook body: it must be UTF-8.
pub(crate) fn decode_text(
    webhook: &'static str,
    body: &[u8],
) -> Result<String, WebhookDecodeError> {
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_owned()),
        Err(source) => Err(WebhookDecodeError {
            webhook,
            path: String::from("."),
            source: Box::new(source),
            snippet: snippet(body),
        }),
    }
}

/// A binary webhook body, as received.
pub(crate) fn decode_binary(body: &[u8]) -> Bytes {
    Bytes::copy_from_slice(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_failure_names_the_webhook_and_the_path() {
        let body = br#"[{"id": 1}, {"id": "x"}]"#;
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Item {
            id: i64,
        }
        let error = decode_json::<Vec<Item>>("events", body).unwrap_err();
        assert_eq!(error.webhook(), "events");
        assert_eq!(error.path(), "[1].id");
        let text = error.to_string();
        assert!(
            text.starts_with("cannot decode the `events` webhook body at `[1].id`"),
            "{text}"
        );
        assert!(
            error.source().unwrap().to_string().contains("invalid type"),
            "{error:?}"
        );
        assert_eq!(
            decode_json::<Vec<Item>>("events", b"[{\"id\": 2}]").unwrap()[0].id,
            2
        );
    }

    #[test]
    fn text_must_be_utf8_and_binary_is_kept() {
        assert_eq!(decode_text("t", "héllo".as_bytes()).unwrap(), "héllo");
        let error = decode_text("t", b"\xff\xfe").unwrap_err();
        assert_eq!(error.path(), ".");
        assert_eq!(&decode_binary(b"\x00\x01")[..], b"\x00\x01");
    }
}
