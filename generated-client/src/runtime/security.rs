//! Security schemes as the spec declares them (`components.securitySchemes`), reduced to what
//! goes on the wire. Each operation lists the alternatives it accepts ([`Request::security`]);
//! the client sends the first alternative whose credentials its [`Auth`] holds.
//!
//! [`Request::security`]: super::Request::security
//! [`Auth`]: super::Auth

use std::fmt;

/// Where an API key goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApiKeyLocation {
    /// A query parameter, appended after the operation's own.
    Query,
    /// A request header.
    Header,
    /// A cookie in the `Cookie` header.
    Cookie,
}

/// An API-key security scheme: its name in the spec and where the key goes. Generated crates
/// have one constant per scheme in their `security` module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ApiKeyScheme {
    /// The scheme's name under `components.securitySchemes`, e.g. `developer_hapikey`.
    pub scheme: &'static str,
    /// Where the key goes.
    pub location: ApiKeyLocation,
    /// The query parameter, header or cookie that carries the key, e.g. `hapikey`.
    pub name: &'static str,
}

impl ApiKeyScheme {
    /// A scheme named `scheme` whose key goes in `location` as `name`.
    pub const fn new(scheme: &'static str, location: ApiKeyLocation, name: &'static str) -> Self {
        ApiKeyScheme {
            scheme,
            location,
            name,
        }
    }
}

/// One security scheme an operation accepts, named as in the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Scheme {
    /// `Authorization: Bearer <token>`: HTTP bearer, OAuth 2 and OpenID Connect schemes.
    Bearer(&'static str),
    /// `Authorization: Basic <username:password>`: HTTP basic.
    Basic(&'static str),
    /// An API key in a query parameter, header or cookie.
    ApiKey(ApiKeyScheme),
}

impl Scheme {
    /// The scheme's name under `components.securitySchemes` (empty for the escape hatch's
    /// default bearer token).
    pub fn name(&self) -> &'static str {
        match self {
            Scheme::Bearer(name) | Scheme::Basic(name) => name,
            Scheme::ApiKey(key) => key.scheme,
        }
    }
}

impl From<ApiKeyScheme> for Scheme {
    fn from(scheme: ApiKeyScheme) -> Self {
        Scheme::ApiKey(scheme)
    }
}

/// What the scheme needs, for errors: e.g. "a bearer token (`oauth2`)" or "the API key
/// `developer_hapikey` (query parameter `hapikey`)".
impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, name) = match self {
            Scheme::Bearer(name) => ("a bearer token", *name),
            Scheme::Basic(name) => ("a username and password", *name),
            Scheme::ApiKey(key) => {
                let location = match key.location {
                    ApiKeyLocation::Query => "query parameter",
                    ApiKeyLocation::Header => "header",
                    ApiKeyLocation::Cookie => "cookie",
                };
                return write!(
                    f,
                    "the API key `{}` ({location} `{}`)",
                    key.scheme, key.name
                );
            }
        };
        if name.is_empty() {
            f.write_str(what)
        } else {
            write!(f, "{what} (`{name}`)")
        }
    }
}

/// The alternatives a request accepts: any one suffices, each needs all of its schemes, and an
/// empty alternative means no credentials are needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Security {
    /// As the spec declares them for an operation.
    Alternatives(&'static [&'static [Scheme]]),
    /// Exactly one scheme (the escape hatch's choice).
    Only(Scheme),
}

impl Security {
    /// No credentials.
    pub(crate) const ANONYMOUS: Security = Security::Alternatives(&[&[]]);

    /// Each alternative, in the spec's order.
    pub(crate) fn alternatives(&self) -> impl Iterator<Item = &[Scheme]> {
        let (listed, only): (&[&[Scheme]], Option<&[Scheme]>) = match self {
            Security::Alternatives(listed) => (listed, None),
            Security::Only(scheme) => (&[], Some(std::slice::from_ref(scheme))),
        };
        listed.iter().copied().chain(only)
    }

    /// The alternatives in words, for the error when none is configured.
    pub(crate) fn describe(&self) -> String {
        let alternatives: Vec<String> = self
            .alternatives()
            .map(|schemes| {
                let each: Vec<String> = schemes.iter().map(Scheme::to_string).collect();
                each.join(" together with ")
            })
            .collect();
        alternatives.join(", or ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: ApiKeyScheme =
        ApiKeyScheme::new("developer_hapikey", ApiKeyLocation::Query, "hapikey");

    #[test]
    fn alternatives_are_described_in_order() {
        static BOTH: &[&[Scheme]] = &[
            &[Scheme::Bearer("oauth2")],
            &[Scheme::ApiKey(KEY), Scheme::Basic("login")],
        ];
        assert_eq!(
            Security::Alternatives(BOTH).describe(),
            "a bearer token (`oauth2`), or the API key `developer_hapikey` (query parameter \
             `hapikey`) together with a username and password (`login`)"
        );
        assert_eq!(
            Security::Only(Scheme::Bearer("")).describe(),
            "a bearer token"
        );
        assert_eq!(Security::ANONYMOUS.alternatives().count(), 1);
        assert_eq!(Scheme::from(KEY).name(), "developer_hapikey");
    }
}
