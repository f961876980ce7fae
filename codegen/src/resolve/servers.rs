//! The default base URL: the first `servers` entry with each `{variable}` replaced by its
//! declared default, so `https://{region}.example.com/{version}` becomes a URL a client can
//! call. A variable the entry does not declare is a located problem.
//!
//! The first server must then be an absolute `https://` or `http://` URL. OpenAPI resolves a
//! relative one (`/api/v3`, `./v1`, `api.example.com/v1`) against where the document is served,
//! which a generator reading a file cannot know, and a client left on it would fail its first
//! request: so a relative server is a located problem at `#/servers/0/url`, found when the crate
//! is generated, not when it is used. Generating without a default instead (as for a spec that
//! names no server: `DEFAULT_BASE_URL` is empty and the docs say to set one on the client) would
//! hide a mistake the spec's author can fix in one line by writing the API's host.

use openapiv3::OpenAPI;

use super::Resolver;
use crate::pointer::Pointer;

impl Resolver<'_> {
    /// The first server's URL with its variables at their defaults, if the spec names one.
    pub(super) fn base_url(&mut self, spec: &OpenAPI) -> Option<String> {
        let server = spec.servers.first()?;
        let at = Pointer::root().push("servers").push("0").push("url");
        let mut url = String::with_capacity(server.url.len());
        let mut rest = server.url.as_str();
        while let Some(open) = rest.find('{') {
            url.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                self.problem(&at, format!("server URL `{}` has a `{{` without its `}}`: expected `{{variable}}` placeholders", server.url));
                return None;
            };
            let name = &rest[open + 1..open + close];
            let default = server.variables.as_ref().and_then(|v| v.get(name));
            let Some(variable) = default else {
                self.problem(&at, format!("server URL `{}` uses `{{{name}}}`, which `variables` does not declare: expected a variable with a default", server.url));
                return None;
            };
            url.push_str(&variable.default);
            rest = &rest[open + close + 1..];
        }
        url.push_str(rest);
        if let Some(why) = not_absolute_http(&url) {
            let expected =
                "expected an absolute `https://` or `http://` URL naming the API's host, \
                            e.g. `https://api.example.com/v1`";
            self.problem(
                &at,
                format!("server URL `{}` {why}: {expected}", server.url),
            );
            return None;
        }
        Some(url)
    }
}

/// Why `url` is not an absolute HTTP(S) URL with a host, if it is not.
fn not_absolute_http(url: &str) -> Option<&'static str> {
    let is_scheme = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    };
    let Some((scheme, rest)) = url.split_once("://").filter(|(s, _)| is_scheme(s)) else {
        return Some(
            "is not absolute: OpenAPI resolves a relative server URL against where the document \
             is served, which the generator cannot know",
        );
    };
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        Some("is not an HTTP URL")
    } else if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
        Some("names no host")
    } else {
        None
    }
}
