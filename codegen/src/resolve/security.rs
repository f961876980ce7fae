//! Security: `components.securitySchemes` reduced to what goes on the wire, and the alternatives
//! each operation accepts (its own `security`, else the document's; none anywhere: the client's
//! bearer token when it holds one, see [`SecurityAlternative::undeclared`]).
//! A requirement naming an undeclared scheme, or one the runtime cannot send, is a problem at the
//! requirement's pointer.

use std::collections::BTreeSet;

use openapiv3::{APIKeyLocation, SecurityRequirement};

use super::Resolver;
use crate::ir::{
    ApiKeyLocation, Param, ParamLocation, SchemeKind, SchemeRequirement, SecurityAlternative,
    SecurityScheme,
};
use crate::naming;
use crate::pointer::Pointer;

/// What the runtime can send, for messages.
const SENDABLE: &str =
    "expected `type: apiKey`, `oauth2`, `openIdConnect`, or `http` with `scheme: bearer` or `basic`";

impl<'a> Resolver<'a> {
    /// Converts every declared scheme (in spec order), then the document-level `security`.
    pub(super) fn convert_security(&mut self) {
        let mut const_names = naming::Names::default();
        if let Some(components) = &self.spec.components {
            let base = Pointer::root().push("components").push("securitySchemes");
            for (name, item) in &components.security_schemes {
                let Some((declared, at)) = self.security_scheme(item, &base.push(name)) else {
                    continue;
                };
                let scheme = wire(name, declared, &at, &mut const_names);
                self.schemes.insert(name.clone(), scheme);
            }
        }
        if let Some(requirements) = &self.spec.security {
            let alternatives = self.alternatives(requirements, &Pointer::root().push("security"));
            self.default_security = Some(alternatives);
        }
    }

    /// The schemes the runtime can send, in spec order.
    pub(super) fn sendable_schemes(&self) -> Vec<SecurityScheme> {
        self.schemes
            .values()
            .filter_map(|s| s.clone().ok())
            .collect()
    }

    /// The alternatives an operation accepts: its own `security` (at `op_at`), else the
    /// document's, else [`SecurityAlternative::undeclared`].
    pub(super) fn operation_security(
        &mut self,
        own: Option<&'a Vec<SecurityRequirement>>,
        op_at: &Pointer,
    ) -> Vec<SecurityAlternative> {
        match own {
            Some(requirements) => self.alternatives(requirements, &op_at.push("security")),
            None => self
                .default_security
                .clone()
                .unwrap_or_else(SecurityAlternative::undeclared),
        }
    }

    /// `security: [...]` at `at` as alternatives; `[]` allows anonymous access.
    fn alternatives(
        &mut self,
        requirements: &[SecurityRequirement],
        at: &Pointer,
    ) -> Vec<SecurityAlternative> {
        if requirements.is_empty() {
            return vec![SecurityAlternative::default()];
        }
        let mut out = Vec::new();
        for (i, requirement) in requirements.iter().enumerate() {
            let requirement_at = at.push(i.to_string());
            let mut schemes = Vec::new();
            for (name, scopes) in requirement {
                let scheme_at = requirement_at.push(name);
                match self.schemes.get(name) {
                    Some(Ok(scheme)) => schemes.push(SchemeRequirement {
                        scheme: scheme.clone(),
                        scopes: scopes.clone(),
                    }),
                    Some(Err(why)) => {
                        let message = format!("security scheme `{name}` {why}");
                        self.problem(&scheme_at, message);
                    }
                    // Declared through a `$ref` that cannot be followed: reported there.
                    None if self.declares_scheme(name) => {}
                    None => self.problem(
                        &scheme_at,
                        format!(
                            "security scheme `{name}` is not declared: expected a key of \
                             `#/components/securitySchemes`"
                        ),
                    ),
                }
            }
            self.check_one_request(&schemes, &requirement_at);
            out.push(SecurityAlternative { schemes });
        }
        out
    }

    /// An operation parameter in the place an accepted API key goes would send that place
    /// twice: a problem at the operation.
    pub(super) fn check_key_parameters(
        &mut self,
        params: &[Param],
        security: &[SecurityAlternative],
        op_at: &Pointer,
    ) {
        let keys = security
            .iter()
            .flat_map(|a| &a.schemes)
            .filter_map(|s| match &s.scheme.kind {
                SchemeKind::ApiKey { location, name, .. } => {
                    Some((&s.scheme.name, *location, name))
                }
                _ => None,
            });
        let mut reported = BTreeSet::new();
        for (scheme, location, name) in keys {
            let clash = params.iter().find(|p| match (p.location(), location) {
                (ParamLocation::Query, ApiKeyLocation::Query)
                | (ParamLocation::Cookie, ApiKeyLocation::Cookie) => p.wire_name == *name,
                (ParamLocation::Header, ApiKeyLocation::Header) => {
                    p.wire_name.eq_ignore_ascii_case(name)
                }
                _ => false,
            });
            if let Some(param) = clash {
                if reported.insert(scheme) {
                    let message = format!(
                        "parameter `{}` is where security scheme `{scheme}` sends its API key, so                          the request would carry it twice: expected the key only in                          `#/components/securitySchemes`",
                        param.wire_name
                    );
                    self.problem(op_at, message);
                }
            }
        }
    }

    fn declares_scheme(&self, name: &str) -> bool {
        let components = self.spec.components.as_ref();
        components.is_some_and(|c| c.security_schemes.contains_key(name))
    }

    /// Two schemes of one alternative must not need the same header, query parameter or cookie.
    fn check_one_request(&mut self, schemes: &[SchemeRequirement], at: &Pointer) {
        let mut taken: Vec<(String, &str)> = Vec::new();
        for requirement in schemes {
            let slot = slot(&requirement.scheme.kind);
            let name = requirement.scheme.name.as_str();
            if let Some((_, first)) = taken.iter().find(|(s, _)| *s == slot) {
                let message = format!(
                    "security schemes `{first}` and `{name}` both need {slot}: one request cannot \
                     carry both, expected them in separate alternatives"
                );
                self.problem(at, message);
            } else {
                taken.push((slot, name));
            }
        }
    }
}

/// What a credential of `kind` occupies in a request, in words.
fn slot(kind: &SchemeKind) -> String {
    match kind {
        SchemeKind::Bearer | SchemeKind::Basic => "the `Authorization` header".to_owned(),
        SchemeKind::ApiKey { location, name, .. } => match location {
            ApiKeyLocation::Header if name.eq_ignore_ascii_case("authorization") => {
                "the `Authorization` header".to_owned()
            }
            ApiKeyLocation::Header => format!("the header `{}`", name.to_ascii_lowercase()),
            ApiKeyLocation::Query => format!("the query parameter `{name}`"),
            ApiKeyLocation::Cookie => format!("the cookie `{name}`"),
        },
    }
}

/// A declared scheme as it goes on the wire, or why it cannot be sent (a sentence that follows
/// "security scheme `name`").
fn wire(
    name: &str,
    declared: &openapiv3::SecurityScheme,
    at: &Pointer,
    const_names: &mut naming::Names,
) -> Result<SecurityScheme, String> {
    use openapiv3::SecurityScheme as Declared;
    let kind = match declared {
        Declared::OAuth2 { .. } | Declared::OpenIDConnect { .. } => SchemeKind::Bearer,
        Declared::HTTP { scheme, .. } if scheme.eq_ignore_ascii_case("bearer") => {
            SchemeKind::Bearer
        }
        Declared::HTTP { scheme, .. } if scheme.eq_ignore_ascii_case("basic") => SchemeKind::Basic,
        Declared::HTTP { scheme, .. } => {
            return Err(format!(
                "(at {at}) is HTTP `{scheme}` authentication, which the generated client cannot \
                 send: {SENDABLE}"
            ))
        }
        Declared::APIKey {
            location,
            name: key_name,
            ..
        } => {
            let location = match location {
                APIKeyLocation::Query => ApiKeyLocation::Query,
                APIKeyLocation::Header => ApiKeyLocation::Header,
                APIKeyLocation::Cookie => ApiKeyLocation::Cookie,
            };
            let valid = match location {
                ApiKeyLocation::Query => !key_name.is_empty(),
                ApiKeyLocation::Header | ApiKeyLocation::Cookie => is_token(key_name),
            };
            if !valid {
                return Err(format!(
                    "(at {at}) names its key {key_name:?}, which cannot be sent: expected a \
                     non-empty name, and for a header or cookie only letters, digits and \
                     `!#$%&'*+-.^_`|~`"
                ));
            }
            SchemeKind::ApiKey {
                location,
                name: key_name.clone(),
                const_name: naming::unique(naming::constant_name(name), const_names),
            }
        }
    };
    Ok(SecurityScheme {
        name: name.to_owned(),
        kind,
    })
}

/// Whether `text` is an HTTP token (RFC 9110): a valid header or cookie name.
fn is_token(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}
