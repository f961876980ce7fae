//! The signature computations: HubSpot's v3 URI decoding, the v3 HMAC-SHA256 and the v1/v2
//! SHA-256 checks, each comparing in constant time.

use aws_lc_rs::{constant_time, digest, hmac};
use base64::Engine as _;

use super::{SignatureVersion, WebhookError};

/// The percent-escapes HubSpot decodes in the URI before signing v3, and what they decode to.
/// Every other escape stays as sent.
const V3_DECODED: [(&[u8; 2], u8); 12] = [
    (b"3A", b':'),
    (b"2F", b'/'),
    (b"3F", b'?'),
    (b"40", b'@'),
    (b"21", b'!'),
    (b"24", b'$'),
    (b"27", b'\''),
    (b"28", b'('),
    (b"29", b')'),
    (b"2A", b'*'),
    (b"2C", b','),
    (b"3B", b';'),
];

/// `uri` with the escapes of [`V3_DECODED`] decoded (hex digits in either case) and every
/// other byte, other escapes included, kept. One pass: a decoded `%` cannot start a new escape.
pub(crate) fn decode_v3_uri(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let decoded = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| {
                let hex = [hex[0].to_ascii_uppercase(), hex[1].to_ascii_uppercase()];
                V3_DECODED.iter().find(|(escape, _)| **escape == hex)
            });
        match decoded {
            Some((_, byte)) => {
                out.push(*byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    // Only ASCII escapes were replaced by ASCII bytes, so the text is still UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| uri.to_owned())
}

/// Checks a v3 signature: base64 of HMAC-SHA256 over method + decoded URI + body + timestamp.
pub(crate) fn verify_v3(
    key: &hmac::Key,
    signature: &str,
    method: &str,
    uri: &str,
    body: &[u8],
    timestamp: &str,
) -> Result<(), WebhookError> {
    let claimed = base64::engine::general_purpose::STANDARD
        .decode(signature)
        .map_err(|_| WebhookError::MalformedSignature(SignatureVersion::V3))?;
    let mut context = hmac::Context::with_key(key);
    for part in [
        method.as_bytes(),
        decode_v3_uri(uri).as_bytes(),
        body,
        timestamp.as_bytes(),
    ] {
        context.update(part);
    }
    let expected = context.sign();
    constant_time::verify_slices_are_equal(expected.as_ref(), &claimed)
        .map_err(|_| WebhookError::Mismatch(SignatureVersion::V3))
}

/// Checks a v1 or v2 signature: hex SHA-256 over the client secret followed by `parts`.
pub(crate) fn verify_legacy(
    version: SignatureVersion,
    secret: &[u8],
    signature: &str,
    parts: &[&[u8]],
) -> Result<(), WebhookError> {
    let claimed = decode_hex(signature).ok_or(WebhookError::MalformedSignature(version))?;
    let mut context = digest::Context::new(&digest::SHA256);
    context.update(secret);
    for part in parts {
        context.update(part);
    }
    let expected = context.finish();
    constant_time::verify_slices_are_equal(expected.as_ref(), &claimed)
        .map_err(|_| WebhookError::Mismatch(version))
}

/// The 32 bytes 64 hex digits (either case) spell, or `None`.
fn decode_hex(text: &str) -> Option<[u8; 32]> {
    let text = text.as_bytes();
    if text.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (byte, pair) in out.iter_mut().zip(text.chunks_exact(2)) {
        let digit = |c: u8| (c as char).to_digit(16);
        *byte = u8::try_from(digit(pair[0])? * 16 + digit(pair[1])?).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_only_hubspots_escapes() {
        let uri = "https%3A%2F%2Fh.example%2fp%3fa=%40%21%24%27%28%29%2A%2c%3B&b=%20%7E%25%3a";
        assert_eq!(
            decode_v3_uri(uri),
            "https://h.example/p?a=@!$'()*,;&b=%20%7E%25:"
        );
        // A decoded byte never starts a new escape, and a truncated escape stays.
        assert_eq!(decode_v3_uri("%253A%3"), "%253A%3");
    }

    #[test]
    fn hex_needs_64_digits() {
        assert!(decode_hex(&"aB".repeat(32)).is_some());
        assert!(decode_hex(&"ab".repeat(31)).is_none());
        assert!(decode_hex(&format!("{}zz", "ab".repeat(31))).is_none());
        assert!(decode_hex(&format!("{}+1", "ab".repeat(31))).is_none());
    }
}
