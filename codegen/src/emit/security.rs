//! Security in the generated code: the `security` module (one constant per API-key scheme, for
//! `Auth::api_key`), each operation's accepted alternatives as static data for the runtime, and
//! the "Auth:" line of its docs.

use proc_macro2::TokenStream;
use quote::quote;

use super::types::ident;
use super::{contract, docs};
use crate::ir::{
    Api, ApiKeyLocation, Operation, SchemeKind, SchemeRequirement, SecurityAlternative,
};

/// Tokens of the `security` module.
pub(super) fn module(api: &Api) -> TokenStream {
    let constants = api.security_schemes.iter().filter_map(|scheme| {
        let SchemeKind::ApiKey {
            location,
            name,
            const_name,
        } = &scheme.kind
        else {
            return None;
        };
        let doc = docs::clean(&format!(
            " The `{}` API key: [`Auth::api_key`]({}) sends it as {}.",
            scheme.name,
            contract::doc_path("Auth::api_key"),
            where_it_goes(*location, name)
        ));
        let constant = ident(const_name);
        let location = match location {
            ApiKeyLocation::Query => "Query",
            ApiKeyLocation::Header => "Header",
            ApiKeyLocation::Cookie => "Cookie",
        };
        let (ty, value) = contract::api_key_scheme(&scheme.name, location, name);
        Some(quote! {
            #[doc = #doc]
            pub const #constant: #ty = #value;
        })
    });
    let constants: Vec<TokenStream> = constants.collect();
    let doc = if constants.is_empty() {
        " API-key security schemes of the API, for `Auth::api_key`: this API declares none."
            .to_owned()
    } else {
        format!(
            " API-key security schemes of the API, one constant each, for [`Auth::api_key`]({}) and [`Auth::with_api_key`]({}).",
            contract::doc_path("Auth::api_key"),
            contract::doc_path("Auth::with_api_key")
        )
    };
    quote! {
        #![doc = #doc]
        #(#constants)*
    }
}

/// The operation's alternatives as `&[&[Scheme]]` for `Request::security`; alternatives that
/// differ only in their scopes are sent alike, so only the first is kept.
pub(super) fn alternatives(op: &Operation) -> TokenStream {
    let mut seen: Vec<Vec<&str>> = Vec::new();
    let mut out = Vec::new();
    for alternative in &op.security {
        let names: Vec<&str> = alternative
            .schemes
            .iter()
            .map(|s| s.scheme.name.as_str())
            .collect();
        if seen.contains(&names) {
            continue;
        }
        seen.push(names);
        let schemes = alternative.schemes.iter().map(|s| {
            let name = &s.scheme.name;
            match &s.scheme.kind {
                SchemeKind::Bearer => contract::scheme_value("Bearer", quote!(#name)),
                SchemeKind::Basic => contract::scheme_value("Basic", quote!(#name)),
                SchemeKind::ApiKey { const_name, .. } => {
                    let constant = ident(const_name);
                    contract::scheme_value("ApiKey", quote!(super::security::#constant))
                }
            }
        });
        out.push(quote!(&[#(#schemes),*]));
    }
    quote!(&[#(#out),*])
}

/// The "Auth:" paragraph of an operation's docs; `None` when no operation of the API needs
/// credentials (the spec says nothing about security).
pub(super) fn docs(api: &Api, op: &Operation) -> Option<String> {
    if !api.operations.iter().any(Operation::needs_credentials) {
        return None;
    }
    // Alternatives of one bearer scheme each are told as one "a bearer token (…, or …)".
    let mut parts: Vec<String> = Vec::new();
    let mut bearers: Vec<String> = Vec::new();
    let mut bearer_at = None;
    for alternative in &op.security {
        match single_bearer(alternative) {
            Some(requirement) => {
                bearer_at.get_or_insert(parts.len());
                let described = named_with_scopes(requirement);
                if !bearers.contains(&described) {
                    bearers.push(described);
                }
            }
            None => {
                let described = describe(alternative);
                if !parts.contains(&described) {
                    parts.push(described);
                }
            }
        }
    }
    if let Some(at) = bearer_at {
        parts.insert(at, format!("a bearer token ({})", bearers.join(", or ")));
    }
    Some(format!("Auth: {}.", parts.join(", or ")))
}

fn single_bearer(alternative: &SecurityAlternative) -> Option<&SchemeRequirement> {
    match alternative.schemes.as_slice() {
        [only] if only.scheme.kind == SchemeKind::Bearer => Some(only),
        _ => None,
    }
}

fn describe(alternative: &SecurityAlternative) -> String {
    if alternative.is_anonymous() {
        return "no credentials".to_owned();
    }
    let schemes: Vec<String> = alternative
        .schemes
        .iter()
        .map(|requirement| match &requirement.scheme.kind {
            SchemeKind::Bearer => format!("a bearer token ({})", named_with_scopes(requirement)),
            SchemeKind::Basic => {
                format!(
                    "a username and password ({})",
                    named_with_scopes(requirement)
                )
            }
            SchemeKind::ApiKey {
                location,
                name,
                const_name,
            } => format!(
                "the API key [`security::{const_name}`](super::security::{const_name}) ({}{})",
                where_it_goes(*location, name),
                scopes(requirement)
            ),
        })
        .collect();
    schemes.join(" together with ")
}

/// "`oauth2` with scope `a`", or just "`private_apps`".
fn named_with_scopes(requirement: &SchemeRequirement) -> String {
    if requirement.scheme.name.is_empty() {
        return "if the client holds one: this operation declares no security".to_owned();
    }
    format!("`{}`{}", requirement.scheme.name, scopes(requirement))
}

/// " with scope `a`" / " with scopes `a`, `b`", or nothing.
fn scopes(requirement: &SchemeRequirement) -> String {
    let list: Vec<String> = requirement
        .scopes
        .iter()
        .map(|s| format!("`{s}`"))
        .collect();
    match list.len() {
        0 => String::new(),
        1 => format!(" with scope {}", list[0]),
        _ => format!(" with scopes {}", list.join(", ")),
    }
}

fn where_it_goes(location: ApiKeyLocation, name: &str) -> String {
    match location {
        ApiKeyLocation::Query => format!("query parameter `{name}`"),
        ApiKeyLocation::Header => format!("header `{name}`"),
        ApiKeyLocation::Cookie => format!("cookie `{name}`"),
    }
}
