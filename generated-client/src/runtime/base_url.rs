//! The client's base URL, parsed once when it is set rather than for every request.

use reqwest::Url;

use super::Error;

/// Why a base URL with a query or a fragment is refused.
const MISROUTES: &str = "it carries a query or a fragment, which every request's path would \
                         be appended to";

/// A base URL as given, with its parse result.
#[derive(Debug, Clone)]
pub(crate) struct BaseUrl {
    text: String,
    parsed: Result<Url, String>,
    /// Whether it carries a query or a fragment, which every request's path would follow.
    misroutes: bool,
}

impl BaseUrl {
    /// Parses `text`; an invalid URL, or one with a query or a fragment, is reported by each
    /// request, as [`BaseUrl::parsed`] fails ([`ClientBuilder::build`](super::ClientBuilder::build)
    /// refuses the latter at once, see [`BaseUrl::misrouting`]).
    pub(crate) fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let parsed = Url::parse(&text).map_err(|e| e.to_string());
        let misroutes = parsed
            .as_ref()
            .is_ok_and(|url| url.query().is_some() || url.fragment().is_some());
        let parsed = match parsed {
            Ok(_) if misroutes => Err(MISROUTES.to_owned()),
            parsed => parsed,
        };
        BaseUrl {
            text,
            parsed,
            misroutes,
        }
    }

    /// The error for a base URL with a query or a fragment, which would misroute every request.
    pub(crate) fn misrouting(&self) -> Option<Error> {
        self.misroutes
            .then(|| self.problem().map(Error::InvalidArgument))
            .flatten()
    }

    /// The URL as given.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The parsed URL, or why it does not parse.
    pub(crate) fn parsed(&self) -> Result<&Url, Error> {
        self.parsed.as_ref().map_err(|e| self.error(e))
    }

    /// Why this URL is refused (it does not parse, or has a query or a fragment), if it is.
    pub(crate) fn problem(&self) -> Option<String> {
        let why = self.parsed.as_ref().err()?;
        Some(self.describe(why))
    }

    fn error(&self, why: &str) -> Error {
        Error::InvalidArgument(self.describe(why))
    }

    fn describe(&self, why: &str) -> String {
        format!("invalid base URL {:?}: {why}", self.text)
    }
}

/// Whether `a` and `b` have the same tuple origin (scheme, host, port), as `Url::origin` compares
/// them without allocating; URLs with opaque origins (`file:`, non-special schemes) never match.
pub(crate) fn same_origin(a: &Url, b: &Url) -> bool {
    matches!(a.scheme(), "http" | "https" | "ws" | "wss" | "ftp")
        && a.scheme() == b.scheme()
        && a.host() == b.host()
        && a.port_or_known_default() == b.port_or_known_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_compare_like_url_origin() {
        let urls = [
            "https://api.hubapi.com/",
            "https://api.hubapi.com:443/x",
            "http://api.hubapi.com/",
            "https://evil.example/",
            "https://api.hubapi.com:8443/",
            "file:///etc/passwd",
            "foo://api.hubapi.com/",
        ];
        for a in urls {
            for b in urls {
                let (a, b) = (Url::parse(a).unwrap(), Url::parse(b).unwrap());
                assert_eq!(same_origin(&a, &b), a.origin() == b.origin(), "{a} {b}");
            }
        }
    }
}
