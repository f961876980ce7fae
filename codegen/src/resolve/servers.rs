//! The default base URL: the first `servers` entry with each `{variable}` replaced by its
//! declared default, so `https://{region}.example.com/{version}` becomes a URL a client can
//! call. A variable the entry does not declare is a located problem.

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
        Some(url)
    }
}
