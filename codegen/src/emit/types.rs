//! IR type uses → Rust type tokens.

use proc_macro2::TokenStream;
use quote::quote;

use super::paths;
use crate::ir::{Primitive, TypeRef};

/// Which generated module a type is named from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Inside the models module: sibling types by bare name.
    Models,
    /// Inside the operations module: models through `models::`.
    Operations,
}

/// The Rust type of a use of `ty`, written from inside `scope`.
pub fn rust_type(ty: &TypeRef, scope: Scope) -> TokenStream {
    match ty {
        TypeRef::Named(name) => paths::model(name, scope),
        TypeRef::Primitive(p) => primitive(*p),
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

pub(super) fn primitive(p: Primitive) -> TokenStream {
    match p {
        Primitive::String => quote!(::std::string::String),
        Primitive::DateTime => quote!(::chrono::DateTime<::chrono::Utc>),
        Primitive::Date => quote!(::chrono::NaiveDate),
        Primitive::Bool => quote!(bool),
        Primitive::I32 => quote!(i32),
        Primitive::I64 => quote!(i64),
        Primitive::F32 => quote!(f32),
        Primitive::F64 => quote!(f64),
        Primitive::Binary => {
            let runtime = paths::runtime();
            quote!(#runtime::Binary)
        }
    }
}
