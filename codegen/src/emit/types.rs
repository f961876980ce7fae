//! How IR items are spelled in Rust, shared by every emitter: identifiers, type uses (as tokens
//! for the output, and as the short text a reader writes, for `diff`), and the argument types
//! request builders take.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::contract;
use crate::ir::{Api, Encoding, Field, Param, Primitive, TypeDef, TypeKind, TypeRef};

/// Which generated module a type is named from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// Inside the models module: sibling types by bare name.
    Models,
    /// Inside the operations module: models through `models::` (it imports `super::models`).
    Operations,
}

/// An identifier from a name the IR has already made valid.
pub(super) fn ident(name: &str) -> Ident {
    format_ident!("{}", name)
}

/// The Rust type of a use of `ty`, written from inside `scope`.
pub(super) fn rust_type(ty: &TypeRef, scope: Scope) -> TokenStream {
    match ty {
        TypeRef::Named(name) => {
            let name = ident(name);
            match scope {
                Scope::Models => quote!(#name),
                Scope::Operations => quote!(models::#name),
            }
        }
        TypeRef::Primitive(p) => primitive(*p).0,
        TypeRef::List(inner) => {
            let inner = rust_type(inner, scope);
            quote!(::std::vec::Vec<#inner>)
        }
        TypeRef::Map(inner) => {
            let inner = rust_type(inner, scope);
            quote!(::std::collections::BTreeMap<::std::string::String, #inner>)
        }
        TypeRef::Any => quote!(::serde_json::Value),
    }
}

/// `ty` with every alias replaced by what it names (a bounded depth guards against cycles): two
/// uses are the same Rust type when their canonical forms are equal.
pub(crate) fn canonical(api: &Api, ty: &TypeRef) -> TypeRef {
    canonical_at(api, ty, 0)
}

fn canonical_at(api: &Api, ty: &TypeRef, depth: usize) -> TypeRef {
    match ty {
        TypeRef::Named(name) if depth < 32 => match api.types.get(name).map(|d| &d.kind) {
            Some(TypeKind::Alias(target)) => canonical_at(api, target, depth + 1),
            _ => ty.clone(),
        },
        TypeRef::List(item) => TypeRef::List(Box::new(canonical_at(api, item, depth))),
        TypeRef::Map(value) => TypeRef::Map(Box::new(canonical_at(api, value, depth))),
        _ => ty.clone(),
    }
}

/// The named type `ty` uses once aliases are followed, when it uses one.
pub(super) fn definition<'a>(api: &'a Api, ty: &TypeRef) -> Option<&'a TypeDef> {
    match canonical(api, ty) {
        TypeRef::Named(name) => api.types.get(&name),
        _ => None,
    }
}

/// The type of a use of `ty` as a reader writes it, without paths: `Vec<String>`,
/// `DateTime<Utc>`, `Thread`.
pub(crate) fn spelling(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(name) => name.clone(),
        TypeRef::Primitive(p) => primitive(*p).1.to_owned(),
        TypeRef::List(inner) => format!("Vec<{}>", spelling(inner)),
        TypeRef::Map(inner) => format!("BTreeMap<String, {}>", spelling(inner)),
        TypeRef::Any => "Value".to_owned(),
    }
}

/// A primitive as emitted and as spelled.
fn primitive(p: Primitive) -> (TokenStream, &'static str) {
    match p {
        Primitive::String => (quote!(::std::string::String), "String"),
        Primitive::DateTime => (quote!(::chrono::DateTime<::chrono::Utc>), "DateTime<Utc>"),
        Primitive::Date => (quote!(::chrono::NaiveDate), "NaiveDate"),
        Primitive::Bool => (quote!(bool), "bool"),
        Primitive::I32 => (quote!(i32), "i32"),
        Primitive::I64 => (quote!(i64), "i64"),
        Primitive::F32 => (quote!(f32), "f32"),
        Primitive::F64 => (quote!(f64), "f64"),
        Primitive::Binary => (contract::binary(), "Binary"),
    }
}

/// Whether a struct field is an `Option` in Rust: not required, required in one direction only,
/// or nullable.
pub(super) fn is_option(f: &Field) -> bool {
    f.optional() || f.nullable
}

/// A parameter that the client method takes as an argument (the rest are builder setters).
pub(super) fn is_argument(p: &Param) -> bool {
    p.required
}

/// Whether `ty` names an id type.
pub(super) fn is_id(api: &Api, ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::Named(name) if matches!(api.types.get(name).map(|d| &d.kind), Some(TypeKind::Id(_))))
}

/// Whether `ty` names a union of scalars (and arrays of them), which converts from each branch.
fn is_parameter_union(api: &Api, ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::Named(name) if matches!(api.types.get(name).map(|d| &d.kind), Some(TypeKind::Union(u)) if crate::ir::union_shape(u, &api.types).is_some()))
}

/// The argument type and the conversion applied to it, for a value of `ty`: strings, ids and
/// unions of scalars take anything that converts into them (an id also from its raw text or
/// integer, a union from any of its branches).
pub(super) fn argument(api: &Api, ty: &TypeRef) -> (TokenStream, TokenStream) {
    match ty {
        TypeRef::Primitive(Primitive::String) => (
            quote!(impl ::std::convert::Into<::std::string::String>),
            quote!(.into()),
        ),
        ty if is_id(api, ty) || is_parameter_union(api, ty) => {
            let ty = rust_type(ty, Scope::Operations);
            (quote!(impl ::std::convert::Into<#ty>), quote!(.into()))
        }
        TypeRef::List(item) if is_id(api, item) => {
            let item = rust_type(item, Scope::Operations);
            (
                quote!(impl ::std::iter::IntoIterator<Item = impl ::std::convert::Into<#item>>),
                quote!(.into_iter().map(::std::convert::Into::into).collect()),
            )
        }
        TypeRef::List(item) => {
            let item = rust_type(item, Scope::Operations);
            (
                quote!(impl ::std::iter::IntoIterator<Item = #item>),
                quote!(.into_iter().collect()),
            )
        }
        other => (rust_type(other, Scope::Operations), quote!()),
    }
}

/// The Rust type of a body or response of `ty` read or written with `encoding`.
pub(super) fn body_type(ty: &TypeRef, encoding: Encoding) -> TokenStream {
    match encoding {
        Encoding::Binary => contract::bytes(),
        Encoding::Text => quote!(::std::string::String),
        _ => rust_type(ty, Scope::Operations),
    }
}

/// The argument type and conversion of a request body.
pub(super) fn body_argument(
    api: &Api,
    ty: &TypeRef,
    encoding: Encoding,
) -> (TokenStream, TokenStream) {
    match encoding {
        Encoding::Binary => {
            let bytes = contract::bytes();
            (quote!(impl ::std::convert::Into<#bytes>), quote!(.into()))
        }
        Encoding::Text => argument(api, &TypeRef::Primitive(Primitive::String)),
        _ => (rust_type(ty, Scope::Operations), quote!()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Drops every path prefix and the token spacing of an emitted type:
    /// `:: std :: vec :: Vec < models :: Thread >` → `Vec<Thread>`.
    fn without_paths(tokens: &str) -> String {
        let compact: String = tokens.chars().filter(|c| !c.is_whitespace()).collect();
        let is_path = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
        let mut out = String::new();
        let mut rest = compact.as_str();
        while !rest.is_empty() {
            let path_len = rest.find(|c: char| !is_path(c)).unwrap_or(rest.len());
            let (path, tail) = rest.split_at(path_len);
            out.push_str(path.rsplit("::").next().unwrap_or(path));
            let mut chars = tail.chars();
            if let Some(c) = chars.next() {
                out.push(c);
                if c == ',' {
                    out.push(' ');
                }
            }
            rest = chars.as_str();
        }
        out
    }

    /// The short spelling `diff` shows is the emitted type with its paths dropped.
    #[test]
    fn spellings_match_the_emitted_types() {
        let types = [
            TypeRef::List(Box::new(TypeRef::Named("Thread".into()))),
            TypeRef::Map(Box::new(TypeRef::Primitive(Primitive::DateTime))),
            TypeRef::Any,
            TypeRef::Primitive(Primitive::Binary),
            TypeRef::Primitive(Primitive::Date),
            TypeRef::List(Box::new(TypeRef::Map(Box::new(TypeRef::Primitive(
                Primitive::I64,
            ))))),
        ];
        for ty in &types {
            let emitted = rust_type(ty, Scope::Operations).to_string();
            assert_eq!(without_paths(&emitted), spelling(ty), "{emitted}");
        }
        assert_eq!(spelling(&types[0]), "Vec<Thread>");
        assert_eq!(spelling(&types[1]), "BTreeMap<String, DateTime<Utc>>");
    }
}
