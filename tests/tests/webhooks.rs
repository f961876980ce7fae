//! `generated_client::webhooks` against signatures made independently: HubSpot's documented
//! v1/v2 examples, a v3 vector computed with Python, and v3 signatures computed here with
//! RustCrypto's `hmac` + `sha2` (not the aws-lc-rs the verifier uses). Tampering, the timestamp
//! window on an injected clock, HubSpot's URI decoding, version selection, malformed headers,
//! the `http::Request` entry point, and secrets kept out of errors and `Debug`.

use std::time::{Duration, SystemTime};

use base64::Engine as _;
use generated_client::bytes::Bytes;
use generated_client::http::{HeaderMap, HeaderName, HeaderValue, Request};
use generated_client::webhooks::{SignatureVersion, WebhookError, WebhookVerifier};
use hmac::{KeyInit, Mac};
use sha2::{Digest, Sha256};

/// The placeholder client secret of HubSpot's request-validation examples.
const SECRET: &str = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
const URI: &str = "https://www.example.com/webhook_uri";
const BODY: &str = r#"{"example_field":"example_value"}"#;
/// 2025-11-30T12:00:00Z in milliseconds.
const NOW_MS: u64 = 1_764_504_000_000;

fn at(millis: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_millis(millis)
}

/// A verifier whose clock reads `now_ms`.
fn verifier_at(now_ms: u64) -> WebhookVerifier {
    WebhookVerifier::new(SECRET).clock(move || at(now_ms))
}

/// Base64 HMAC-SHA256 over `method + uri + body + timestamp`, with RustCrypto.
fn sign_v3(secret: &str, method: &str, uri: &str, body: &str, timestamp: &str) -> String {
    let mut mac = hmac::Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{method}{uri}{body}{timestamp}").as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Lowercase hex SHA-256 of `text`, with RustCrypto.
fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        let name = HeaderName::from_bytes(name.as_bytes()).unwrap();
        map.insert(name, HeaderValue::from_str(value).unwrap());
    }
    map
}

fn v3_headers(signature: &str, timestamp: &str) -> HeaderMap {
    headers(&[
        ("x-hubspot-signature-v3", signature),
        ("x-hubspot-request-timestamp", timestamp),
    ])
}

fn legacy_headers(version: &str, signature: &str) -> HeaderMap {
    headers(&[
        ("x-hubspot-signature-version", version),
        ("x-hubspot-signature", signature),
    ])
}

/// Verifies a v3 request signed over exactly what it sends.
fn verify_signed_v3(method: &str, uri: &str, body: &str) -> Result<SignatureVersion, WebhookError> {
    let ts = NOW_MS.to_string();
    let signature = sign_v3(SECRET, method, uri, body, &ts);
    verifier_at(NOW_MS).verify(method, uri, &v3_headers(&signature, &ts), body.as_bytes())
}

#[test]
fn v3_signed_independently_verifies() {
    assert_eq!(
        verify_signed_v3("POST", URI, BODY),
        Ok(SignatureVersion::V3)
    );
    assert_eq!(verify_signed_v3("GET", URI, ""), Ok(SignatureVersion::V3));
}

#[test]
fn v3_vector_from_python() {
    // python3 -c "import hmac,hashlib,base64; print(base64.b64encode(hmac.new(
    //   b'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy', b'POST' +
    //   b'https://www.example.com/webhook_uri?app=1&to=a@b' +
    //   b'{\"example_field\":\"example_value\"}' + b'1764504000000',
    //   hashlib.sha256).digest()).decode())"
    // HubSpot signs the URI with `%40` decoded; the request carries it encoded.
    let signature = "H0QxFn0aMXrGnoilAbHj6o7Haf+WQaxmCa7Bt2PMpRo=";
    let uri = "https://www.example.com/webhook_uri?app=1&to=a%40b";
    let headers = v3_headers(signature, "1764504000000");
    let verified = verifier_at(NOW_MS).verify("POST", uri, &headers, BODY.as_bytes());
    assert_eq!(verified, Ok(SignatureVersion::V3));
}

#[test]
fn hubspot_documented_v1_and_v2_examples() {
    let verifier = verifier_at(NOW_MS).allow_legacy(true);
    // v2, GET, no body.
    let get = "eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e";
    let verified = verifier.verify("GET", URI, &legacy_headers("v2", get), b"");
    assert_eq!(verified, Ok(SignatureVersion::V2));
    // v2, POST with a JSON body.
    let post = "9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900";
    let verified = verifier.verify("POST", URI, &legacy_headers("v2", post), BODY.as_bytes());
    assert_eq!(verified, Ok(SignatureVersion::V2));
    // v1: secret + body only, so method and URI do not matter.
    let v1 = "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de";
    let body = r#"[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]"#;
    let verified = verifier.verify(
        "PUT",
        "https://x.test/",
        &legacy_headers("v1", v1),
        body.as_bytes(),
    );
    assert_eq!(verified, Ok(SignatureVersion::V1));
    // The independent implementation agrees with the documented values; uppercase hex passes.
    assert_eq!(sha256_hex(&format!("{SECRET}GET{URI}")), get);
    let upper = sha256_hex(&format!("{SECRET}{body}")).to_uppercase();
    let verified = verifier.verify("POST", URI, &legacy_headers("V1", &upper), body.as_bytes());
    assert_eq!(verified, Ok(SignatureVersion::V1));
}

#[test]
fn v3_tampering_is_a_mismatch() {
    let ts = NOW_MS.to_string();
    let uri = "https://hooks.example.com/hubspot?portal=62515";
    let signature = sign_v3(SECRET, "POST", uri, BODY, &ts);
    let verifier = verifier_at(NOW_MS);
    let signed = v3_headers(&signature, &ts);
    let mismatch = Err(WebhookError::Mismatch(SignatureVersion::V3));
    assert_eq!(
        verifier.verify("POST", uri, &signed, BODY.as_bytes()),
        Ok(SignatureVersion::V3)
    );
    let tampered_body = BODY.replace("example_value", "example_valuf");
    assert_eq!(
        verifier.verify("POST", uri, &signed, tampered_body.as_bytes()),
        mismatch
    );
    assert_eq!(
        verifier.verify("PUT", uri, &signed, BODY.as_bytes()),
        mismatch
    );
    for other in [
        "https://evil.example.com/hubspot?portal=62515",
        "https://hooks.example.com/hubspot2?portal=62515",
        "https://hooks.example.com/hubspot?portal=62516",
        "https://hooks.example.com/hubspot",
        "http://hooks.example.com/hubspot?portal=62515",
    ] {
        assert_eq!(
            verifier.verify("POST", other, &signed, BODY.as_bytes()),
            mismatch,
            "{other}"
        );
    }
    // A timestamp changed by one millisecond, still inside the window.
    let moved = v3_headers(&signature, &(NOW_MS - 1).to_string());
    assert_eq!(
        verifier.verify("POST", uri, &moved, BODY.as_bytes()),
        mismatch
    );
    // Another app's secret.
    let other_app = WebhookVerifier::new("zzzz").clock(move || at(NOW_MS));
    assert_eq!(
        other_app.verify("POST", uri, &signed, BODY.as_bytes()),
        mismatch
    );
}

#[test]
fn five_minute_window_and_future_skew() {
    let five_minutes = 5 * 60 * 1000;
    let ts = NOW_MS.to_string();
    let signed = v3_headers(&sign_v3(SECRET, "POST", URI, BODY, &ts), &ts);
    let check = |now_ms: u64| verifier_at(now_ms).verify("POST", URI, &signed, BODY.as_bytes());
    // Exactly five minutes old passes; one millisecond more does not.
    assert_eq!(check(NOW_MS + five_minutes), Ok(SignatureVersion::V3));
    assert_eq!(
        check(NOW_MS + five_minutes + 1),
        Err(WebhookError::Expired {
            age: Duration::from_millis(five_minutes + 1),
            max_age: Duration::from_secs(300),
        })
    );
    assert!(matches!(
        check(NOW_MS + 3_600_000),
        Err(WebhookError::Expired { .. })
    ));
    // Up to a minute ahead of our clock passes; more is rejected.
    assert_eq!(check(NOW_MS - 60_000), Ok(SignatureVersion::V3));
    assert_eq!(
        check(NOW_MS - 60_001),
        Err(WebhookError::FromTheFuture {
            ahead: Duration::from_millis(60_001),
            max_skew: Duration::from_secs(60),
        })
    );
    // Both limits are configurable.
    let strict = verifier_at(NOW_MS + 10_001).max_age(Duration::from_secs(10));
    assert!(matches!(
        strict.verify("POST", URI, &signed, BODY.as_bytes()),
        Err(WebhookError::Expired { .. })
    ));
    let lenient = verifier_at(NOW_MS - 120_000).max_future_skew(Duration::from_secs(180));
    assert_eq!(
        lenient.verify("POST", URI, &signed, BODY.as_bytes()),
        Ok(SignatureVersion::V3)
    );
    // A stale timestamp that was tampered with is a mismatch, not "expired".
    let old = v3_headers(&sign_v3(SECRET, "POST", URI, BODY, &ts), "1");
    let verified = verifier_at(NOW_MS).verify("POST", URI, &old, BODY.as_bytes());
    assert_eq!(verified, Err(WebhookError::Mismatch(SignatureVersion::V3)));
}

/// Signs over `signed_uri` (what HubSpot hashes) and verifies the request sent to `sent_uri`.
fn decoded_as(sent_uri: &str, signed_uri: &str) -> Result<SignatureVersion, WebhookError> {
    let ts = NOW_MS.to_string();
    let headers = v3_headers(&sign_v3(SECRET, "POST", signed_uri, BODY, &ts), &ts);
    verifier_at(NOW_MS).verify("POST", sent_uri, &headers, BODY.as_bytes())
}

#[test]
fn v3_uri_decoding_follows_hubspot() {
    let ok = Ok(SignatureVersion::V3);
    let sent = "https://h.example/p%3Aq%2Fr?a=%3F%40%21%24%27%28%29%2A%2C%3B";
    assert_eq!(decoded_as(sent, "https://h.example/p:q/r?a=?@!$'()*,;"), ok);
    // Lowercase escapes decode too.
    assert_eq!(
        decoded_as(
            "https://h.example/p%3aq%2fr?e=a%40b",
            "https://h.example/p:q/r?e=a@b"
        ),
        ok
    );
    // Other escapes stay encoded: %20, %7E, %25 (no double decoding), %2B, %3D, %26.
    let kept = "https://h.example/a%20b?c=%7E%253A%2B%3D%26";
    assert_eq!(decoded_as(kept, kept), ok);
    let mismatch = Err(WebhookError::Mismatch(SignatureVersion::V3));
    assert_eq!(
        decoded_as("https://h.example/a%20b", "https://h.example/a b"),
        mismatch
    );
    assert_eq!(
        decoded_as("https://h.example/%7Eme", "https://h.example/~me"),
        mismatch
    );
    assert_eq!(
        decoded_as("https://h.example/%253A", "https://h.example/%3A"),
        mismatch
    );
    // The listed escapes are not signed as sent.
    assert_eq!(
        decoded_as("https://h.example/a%40b", "https://h.example/a%40b"),
        mismatch
    );
}

#[test]
fn version_selection_and_missing_headers() {
    let verifier = verifier_at(NOW_MS).allow_legacy(true);
    let check = |h: &HeaderMap| verifier.verify("POST", URI, h, BODY.as_bytes());
    assert_eq!(check(&HeaderMap::new()), Err(WebhookError::NoSignature));
    let v2 = sha256_hex(&format!("{SECRET}POST{URI}{BODY}"));
    let unknown = Err(WebhookError::UnknownVersion("v4".to_owned()));
    assert_eq!(check(&legacy_headers("v4", &v2)), unknown);
    // A v2 signature labelled v1 fails.
    let mislabelled = Err(WebhookError::Mismatch(SignatureVersion::V1));
    assert_eq!(check(&legacy_headers("v1", &v2)), mislabelled);
    let no_signature = headers(&[("x-hubspot-signature-version", "v2")]);
    assert_eq!(
        check(&no_signature),
        Err(WebhookError::MissingHeader("X-HubSpot-Signature"))
    );
    let no_timestamp = headers(&[("x-hubspot-signature-v3", "AAAA")]);
    let missing = Err(WebhookError::MissingHeader("X-HubSpot-Request-Timestamp"));
    assert_eq!(check(&no_timestamp), missing);
    // v3 present wins: a bad v3 beside a good v2 fails, a good v3 beside a bad v2 passes.
    let ts = NOW_MS.to_string();
    let mut both = v3_headers("AAAA", &ts);
    both.extend(legacy_headers("v2", &v2));
    assert_eq!(
        check(&both),
        Err(WebhookError::Mismatch(SignatureVersion::V3))
    );
    let mut both = v3_headers(&sign_v3(SECRET, "POST", URI, BODY, &ts), &ts);
    both.extend(legacy_headers("v2", &"0".repeat(64)));
    assert_eq!(check(&both), Ok(SignatureVersion::V3));
}

#[test]
fn malformed_headers() {
    let verifier = verifier_at(NOW_MS).allow_legacy(true);
    let check = |h: &HeaderMap| verifier.verify("POST", URI, h, BODY.as_bytes());
    let ts = NOW_MS.to_string();
    let bad_base64 = Err(WebhookError::MalformedSignature(SignatureVersion::V3));
    assert_eq!(check(&v3_headers("not base64!", &ts)), bad_base64);
    let good = sign_v3(SECRET, "POST", URI, BODY, &ts);
    for timestamp in ["12a", "", "-1", "1.5", "99999999999999999999999"] {
        let malformed = check(&v3_headers(&good, timestamp));
        assert_eq!(
            malformed,
            Err(WebhookError::MalformedTimestamp),
            "{timestamp:?}"
        );
    }
    // The largest timestamp is far in the future, not a panic.
    let huge = u64::MAX.to_string();
    let signed = v3_headers(&sign_v3(SECRET, "POST", URI, BODY, &huge), &huge);
    assert!(matches!(
        check(&signed),
        Err(WebhookError::FromTheFuture { .. })
    ));
    let bad_hex = Err(WebhookError::MalformedSignature(SignatureVersion::V2));
    for signature in ["xyz", &"g".repeat(64), &"ab".repeat(31), &"ab".repeat(33)] {
        assert_eq!(
            check(&legacy_headers("v2", signature)),
            bad_hex,
            "{signature:?}"
        );
    }
    let mut not_ascii = HeaderMap::new();
    not_ascii.insert(
        "x-hubspot-signature-v3",
        HeaderValue::from_bytes(b"\xff").unwrap(),
    );
    let invalid = Err(WebhookError::InvalidHeader("x-hubspot-signature-v3"));
    assert_eq!(check(&not_ascii), invalid);
}

#[test]
fn legacy_signatures_are_off_by_default() {
    let v2 = sha256_hex(&format!("{SECRET}POST{URI}{BODY}"));
    let v1 = sha256_hex(&format!("{SECRET}{BODY}"));
    let verifier = verifier_at(NOW_MS);
    let verified = verifier.verify("POST", URI, &legacy_headers("v2", &v2), BODY.as_bytes());
    assert_eq!(
        verified,
        Err(WebhookError::LegacyNotAllowed(SignatureVersion::V2))
    );
    let verified = verifier.verify("POST", URI, &legacy_headers("v1", &v1), BODY.as_bytes());
    assert_eq!(
        verified,
        Err(WebhookError::LegacyNotAllowed(SignatureVersion::V1))
    );
    let allowed = verifier.allow_legacy(true);
    let verified = allowed.verify("POST", URI, &legacy_headers("v2", &v2), BODY.as_bytes());
    assert_eq!(verified, Ok(SignatureVersion::V2));
    let tampered = allowed.verify("POST", URI, &legacy_headers("v2", &v2), b"{}");
    assert_eq!(tampered, Err(WebhookError::Mismatch(SignatureVersion::V2)));
}

/// A `Request<Bytes>` to `uri` with a `Host` header, signed over `signed_url`.
fn request(uri: &str, host: Option<&str>, signed_url: &str) -> Request<Bytes> {
    let ts = NOW_MS.to_string();
    let mut builder = Request::post(uri)
        .header(
            "x-hubspot-signature-v3",
            sign_v3(SECRET, "POST", signed_url, BODY, &ts),
        )
        .header("x-hubspot-request-timestamp", ts);
    if let Some(host) = host {
        builder = builder.header("host", host);
    }
    builder.body(Bytes::from_static(BODY.as_bytes())).unwrap()
}

#[test]
fn request_entry_point_builds_the_url() {
    let public = "https://hooks.example.com/hubspot?portal=1";
    let verifier = verifier_at(NOW_MS);
    let ok = Ok(SignatureVersion::V3);
    // Relative URI (what a server sees): https + Host + path and query.
    let relative = request("/hubspot?portal=1", Some("hooks.example.com"), public);
    assert_eq!(verifier.verify_request(&relative), ok);
    // Absolute URI: used as it is.
    assert_eq!(verifier.verify_request(&request(public, None, public)), ok);
    // Behind a proxy: the server sees its own host, HubSpot signed the public one.
    let proxied = request("/hubspot?portal=1", Some("10.0.0.7:8080"), public);
    let mismatch = Err(WebhookError::Mismatch(SignatureVersion::V3));
    assert_eq!(verifier.verify_request(&proxied), mismatch);
    let behind_proxy = verifier.clone().public_url("https://hooks.example.com/");
    assert_eq!(behind_proxy.verify_request(&proxied), ok);
    // A proxy that strips a path prefix (`/hooks/hubspot` reaches the server as `/hubspot`).
    let public_prefixed = "https://example.com/hooks/hubspot?portal=1";
    let stripped = request("/hubspot?portal=1", Some("10.0.0.7:8080"), public_prefixed);
    let prefixed = verifier.clone().public_url("https://example.com/hooks");
    assert_eq!(prefixed.verify_request(&stripped), ok);
    let no_host = request("/hubspot?portal=1", None, public);
    assert_eq!(
        verifier.verify_request(&no_host),
        Err(WebhookError::MissingHeader("Host"))
    );
}

#[test]
fn secrets_never_in_errors_or_debug() {
    let ts = NOW_MS.to_string();
    let expected_v3 = sign_v3(SECRET, "POST", URI, BODY, &ts);
    let expected_v2 = sha256_hex(&format!("{SECRET}POST{URI}{BODY}"));
    let verifier = verifier_at(NOW_MS + 3_600_000).allow_legacy(true);
    let errors = [
        verifier.verify("POST", URI, &v3_headers(&expected_v3, &ts), BODY.as_bytes()),
        verifier.verify("POST", URI, &v3_headers(&expected_v3, &ts), b"tampered"),
        verifier.verify("POST", URI, &v3_headers("bm9wZQ==", &ts), BODY.as_bytes()),
        verifier.verify(
            "POST",
            URI,
            &legacy_headers("v2", &"0".repeat(64)),
            BODY.as_bytes(),
        ),
        verifier.verify("POST", URI, &legacy_headers("v2", "zz"), BODY.as_bytes()),
        verifier_at(NOW_MS).verify("POST", URI, &legacy_headers("v2", &expected_v2), b""),
    ];
    let hex_tag = &expected_v2[..16];
    for error in errors {
        let error = error.unwrap_err();
        for text in [error.to_string(), format!("{error:?}")] {
            assert!(!text.contains(SECRET) && !text.contains("yyyy"), "{text}");
            assert!(!text.contains(&expected_v3[..12]), "{text}");
            assert!(!text.contains(hex_tag), "{text}");
        }
    }
    let debug = format!("{verifier:?}");
    assert!(
        !debug.contains("yyyy") && debug.contains("<redacted>"),
        "{debug}"
    );
}
