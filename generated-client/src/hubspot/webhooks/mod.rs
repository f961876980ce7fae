//! HubSpot's webhook request signatures (feature `webhooks`), public as
//! [`crate::webhooks`]: a [`WebhookVerifier`] built from the app's client secret checks that a
//! request really comes from HubSpot. The rules are in the public module's docs.

mod error;
mod signature;

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use aws_lc_rs::hmac;
use http::header::{HeaderMap, HOST};

pub use error::WebhookError;

/// The v3 signature header.
pub const SIGNATURE_V3_HEADER: &str = "x-hubspot-signature-v3";
/// The v3 timestamp header, in milliseconds since the Unix epoch.
pub const TIMESTAMP_HEADER: &str = "x-hubspot-request-timestamp";
/// The v1/v2 signature header.
pub const SIGNATURE_HEADER: &str = "x-hubspot-signature";
/// The header naming the version of [`SIGNATURE_HEADER`]: `v1` or `v2`.
pub const SIGNATURE_VERSION_HEADER: &str = "x-hubspot-signature-version";

/// HubSpot's maximum age of a v3 timestamp: five minutes.
pub const DEFAULT_MAX_AGE: Duration = Duration::from_secs(5 * 60);
/// How far ahead of our clock a v3 timestamp may be by default: one minute (see the module docs).
pub const DEFAULT_MAX_FUTURE_SKEW: Duration = Duration::from_secs(60);

/// Which signature a request passed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureVersion {
    /// SHA-256 of client secret + body; no timestamp.
    V1,
    /// SHA-256 of client secret + method + URI + body; no timestamp.
    V2,
    /// HMAC-SHA256 of method + URI + body + timestamp, keyed with the client secret.
    V3,
}

impl fmt::Display for SignatureVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::V1 => "v1",
            Self::V2 => "v2",
            Self::V3 => "v3",
        })
    }
}

type Clock = Arc<dyn Fn() -> SystemTime + Send + Sync>;

/// Checks HubSpot's signatures on incoming requests with the app's client secret. Cheap to
/// clone; `Send + Sync`, so one verifier serves every request.
#[derive(Clone)]
pub struct WebhookVerifier {
    secret: Arc<[u8]>,
    key: hmac::Key,
    max_age: Duration,
    max_future_skew: Duration,
    allow_legacy: bool,
    public_url: Option<String>,
    clock: Clock,
}

impl fmt::Debug for WebhookVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookVerifier")
            .field("client_secret", &"<redacted>")
            .field("max_age", &self.max_age)
            .field("max_future_skew", &self.max_future_skew)
            .field("allow_legacy", &self.allow_legacy)
            .field("public_url", &self.public_url)
            .finish_non_exhaustive()
    }
}

impl WebhookVerifier {
    /// A verifier for the app with this client secret: v3 only, five minutes' maximum age, one
    /// minute's future skew, the system clock.
    pub fn new(client_secret: impl AsRef<[u8]>) -> Self {
        let secret = client_secret.as_ref();
        WebhookVerifier {
            secret: Arc::from(secret),
            key: hmac::Key::new(hmac::HMAC_SHA256, secret),
            max_age: DEFAULT_MAX_AGE,
            max_future_skew: DEFAULT_MAX_FUTURE_SKEW,
            allow_legacy: false,
            public_url: None,
            clock: Arc::new(SystemTime::now),
        }
    }

    /// The oldest v3 timestamp accepted (default [`DEFAULT_MAX_AGE`]); an age equal to it passes.
    pub fn max_age(mut self, max_age: Duration) -> Self {
        self.max_age = max_age;
        self
    }

    /// How far ahead of the clock a v3 timestamp may be (default [`DEFAULT_MAX_FUTURE_SKEW`]).
    pub fn max_future_skew(mut self, skew: Duration) -> Self {
        self.max_future_skew = skew;
        self
    }

    /// Whether requests signed only with v1 or v2 (no `X-HubSpot-Signature-v3`) are accepted.
    /// Off by default: those signatures have no timestamp, so they can be replayed.
    pub fn allow_legacy(mut self, allow: bool) -> Self {
        self.allow_legacy = allow;
        self
    }

    /// The public URL HubSpot calls, up to the path it appends to (e.g.
    /// `https://hooks.example.com` or `https://example.com/prefix` when a proxy strips
    /// `/prefix`): [`verify_request`](Self::verify_request) signs this followed by the request's
    /// path and query instead of the URL it sees.
    pub fn public_url(mut self, url: impl Into<String>) -> Self {
        let url = url.into();
        self.public_url = Some(url.trim_end_matches('/').to_owned());
        self
    }

    /// The clock the timestamp is checked against (default [`SystemTime::now`]); for tests.
    pub fn clock(mut self, clock: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Checks a request given as its method, the full URL HubSpot called
    /// (`https://host/path?query`, as sent), its headers and its raw body. Returns the version
    /// that verified. A v3 timestamp's window is checked after the signature, so
    /// [`WebhookError::Expired`] and [`WebhookError::FromTheFuture`] describe requests HubSpot
    /// really signed (late or replayed ones), and a forged timestamp is a
    /// [`WebhookError::Mismatch`].
    pub fn verify(
        &self,
        method: &str,
        uri: &str,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<SignatureVersion, WebhookError> {
        if let Some(signature) = header(headers, SIGNATURE_V3_HEADER)? {
            let timestamp = header(headers, TIMESTAMP_HEADER)?
                .ok_or(WebhookError::MissingHeader("X-HubSpot-Request-Timestamp"))?;
            let millis: u64 = timestamp
                .parse()
                .map_err(|_| WebhookError::MalformedTimestamp)?;
            signature::verify_v3(&self.key, signature, method, uri, body, timestamp)?;
            self.check_age(millis)?;
            return Ok(SignatureVersion::V3);
        }
        let version = match header(headers, SIGNATURE_VERSION_HEADER)? {
            Some(v) if v.eq_ignore_ascii_case("v1") => SignatureVersion::V1,
            Some(v) if v.eq_ignore_ascii_case("v2") => SignatureVersion::V2,
            Some(v) => return Err(WebhookError::UnknownVersion(v.chars().take(16).collect())),
            None => return Err(WebhookError::NoSignature),
        };
        if !self.allow_legacy {
            return Err(WebhookError::LegacyNotAllowed(version));
        }
        let signature = header(headers, SIGNATURE_HEADER)?
            .ok_or(WebhookError::MissingHeader("X-HubSpot-Signature"))?;
        let parts: &[&[u8]] = match version {
            SignatureVersion::V1 => &[body],
            _ => &[method.as_bytes(), uri.as_bytes(), body],
        };
        signature::verify_legacy(version, &self.secret, signature, parts)?;
        Ok(version)
    }

    /// Checks an [`http::Request`] holding its raw body (e.g. `Request<Bytes>`). The URL is the
    /// [`public_url`](Self::public_url) followed by the request's path and query when set, else
    /// the request URI when it is absolute, else `https://` + `Host` + path and query.
    pub fn verify_request<B: AsRef<[u8]>>(
        &self,
        request: &http::Request<B>,
    ) -> Result<SignatureVersion, WebhookError> {
        let uri = request.uri();
        let path = uri.path_and_query().map_or("/", |p| p.as_str());
        let url = match (&self.public_url, uri.scheme(), uri.authority()) {
            (Some(base), _, _) => format!("{base}{path}"),
            (None, Some(_), Some(_)) => uri.to_string(),
            (None, _, _) => {
                let host = header(request.headers(), HOST.as_str())?
                    .ok_or(WebhookError::MissingHeader("Host"))?;
                format!("https://{host}{path}")
            }
        };
        let method = request.method().as_str();
        self.verify(method, &url, request.headers(), request.body().as_ref())
    }

    /// Rejects a timestamp older than `max_age` or further ahead than `max_future_skew`.
    fn check_age(&self, millis: u64) -> Result<(), WebhookError> {
        let sent = SystemTime::UNIX_EPOCH.checked_add(Duration::from_millis(millis));
        let sent = sent.ok_or(WebhookError::MalformedTimestamp)?;
        match (self.clock)().duration_since(sent) {
            Ok(age) if age > self.max_age => Err(WebhookError::Expired {
                age,
                max_age: self.max_age,
            }),
            Ok(_) => Ok(()),
            Err(ahead) if ahead.duration() > self.max_future_skew => {
                Err(WebhookError::FromTheFuture {
                    ahead: ahead.duration(),
                    max_skew: self.max_future_skew,
                })
            }
            Err(_) => Ok(()),
        }
    }
}

/// The header's value, `None` when absent, an error when it is not visible ASCII.
fn header<'a>(headers: &'a HeaderMap, name: &'static str) -> Result<Option<&'a str>, WebhookError> {
    headers
        .get(name)
        .map(|value| {
            value
                .to_str()
                .map_err(|_| WebhookError::InvalidHeader(name))
        })
        .transpose()
}
