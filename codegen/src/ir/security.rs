//! Security of the IR: the schemes of `components.securitySchemes` reduced to what goes on the
//! wire, and the alternatives each operation accepts.

/// One security scheme the runtime can send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityScheme {
    /// Its name under `components.securitySchemes`.
    pub name: String,
    /// What goes on the wire.
    pub kind: SchemeKind,
}

/// How a scheme's credential is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemeKind {
    /// `Authorization: Bearer <token>`: HTTP `bearer`, `oauth2` and `openIdConnect` schemes.
    Bearer,
    /// `Authorization: Basic <username:password>`: HTTP `basic`.
    Basic,
    /// An API key.
    ApiKey {
        /// Where the key goes.
        location: ApiKeyLocation,
        /// The query parameter, header or cookie name.
        name: String,
        /// The Rust constant naming the scheme in the generated `security` module.
        const_name: String,
    },
}

/// Where an API key goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ApiKeyLocation {
    /// A query parameter.
    Query,
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
}

/// One way to authenticate an operation: every scheme listed is needed. No schemes: anonymous
/// access is allowed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecurityAlternative {
    /// The schemes, in the order the spec lists them.
    pub schemes: Vec<SchemeRequirement>,
}

/// A scheme an alternative needs, with the scopes it asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemeRequirement {
    /// The scheme.
    pub scheme: SecurityScheme,
    /// OAuth scopes (or roles) listed for it.
    pub scopes: Vec<String>,
}

impl SecurityAlternative {
    /// Whether this alternative needs no credentials.
    pub fn is_anonymous(&self) -> bool {
        self.schemes.is_empty()
    }

    /// The alternatives of an operation whose spec says nothing about security (no `security` on
    /// it or on the document): many real specs leave out the token their API needs, so the
    /// client's bearer token is sent when it holds one, and nothing otherwise. The bearer scheme
    /// has no name, as no scheme was declared.
    pub fn undeclared() -> Vec<SecurityAlternative> {
        let bearer = SchemeRequirement {
            scheme: SecurityScheme {
                name: String::new(),
                kind: SchemeKind::Bearer,
            },
            scopes: Vec::new(),
        };
        vec![
            SecurityAlternative {
                schemes: vec![bearer],
            },
            SecurityAlternative::default(),
        ]
    }

    /// Whether this is the bearer alternative of [`SecurityAlternative::undeclared`].
    pub fn is_undeclared(&self) -> bool {
        matches!(self.schemes.as_slice(), [only] if only.scheme.name.is_empty())
    }
}
