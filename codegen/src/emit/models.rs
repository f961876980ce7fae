//! The models file: every named type, sorted by name. Structs, aliases and newtypes (a list or
//! map that contains itself) are emitted here (response-only structs `#[non_exhaustive]`, every
//! struct with a constructor and setters from `constructors`, and `Default` when it has no
//! required field); string enums and unions have their own modules.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::features::{self, TagFeatures};
use super::types::Scope;
use super::{constructors, docs, enums, ids, numeric_enums, types, unions};
use crate::ir::{Api, Field, Struct, TypeDef, TypeKind};

/// Tokens of the whole models module.
pub fn models(api: &Api, tags: Option<&TagFeatures>) -> TokenStream {
    let items = api.types.values().map(|def| {
        let items = type_def(api, def);
        match tags {
            Some(tags) => features::gate(&tags.type_def(&def.name), items),
            None => items,
        }
    });
    quote! {
        #![doc = " Data types of the API: request and response bodies and the enums and unions they use."]
        #(#items)*
    }
}

fn type_def(api: &Api, def: &TypeDef) -> TokenStream {
    let docs = docs::doc_or(def.docs.as_deref(), &format!("`{}`", def.name));
    let name = format_ident!("{}", def.name);
    match &def.kind {
        TypeKind::Struct(s) => structure(api, &docs, &name, s, def.usage.response_only()),
        TypeKind::Enum(e) => enums::string_enum(&docs, &name, e),
        TypeKind::NumericEnum(e) => numeric_enums::numeric_enum(&docs, &name, e),
        TypeKind::Union(u) => unions::union(api, &docs, &name, u),
        TypeKind::Id(id) => ids::id_type(&docs, &name, id),
        TypeKind::Alias(ty) => {
            let ty = types::rust_type(ty, Scope::Models);
            quote! { #docs pub type #name = #ty; }
        }
        TypeKind::Newtype(ty) => newtype(&docs, &name, ty),
    }
}

/// A list or map that contains itself: a struct around it, written to and read from JSON as the
/// list or map itself; `Default` is the empty one.
fn newtype(docs: &TokenStream, name: &proc_macro2::Ident, ty: &crate::ir::TypeRef) -> TokenStream {
    let ty = types::rust_type(ty, Scope::Models);
    quote! {
        #docs
        #[derive(Debug, Clone, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(transparent)]
        pub struct #name(pub #ty);
    }
}

fn structure(
    api: &Api,
    docs: &TokenStream,
    name: &proc_macro2::Ident,
    s: &Struct,
    response_only: bool,
) -> TokenStream {
    let fields = s.fields.iter().map(field);
    let additional = s.additional.as_ref().map(|ty| {
        let ty = types::rust_type(ty, Scope::Models);
        quote! {
            /// Properties not listed in the schema, kept as received.
            #[serde(flatten)]
            pub additional_properties: ::std::collections::BTreeMap<::std::string::String, #ty>,
        }
    });
    let non_exhaustive = response_only.then(|| quote!(#[non_exhaustive]));
    let default = constructors::takes_no_arguments(s).then(|| quote!(Default,));
    let constructor = constructors::constructor(api, name, s, response_only);
    quote! {
        #docs
        #[derive(Debug, Clone, #default PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #non_exhaustive
        pub struct #name {
            #(#fields)*
            #additional
        }
        #constructor
    }
}

fn field(f: &Field) -> TokenStream {
    let direction = if f.read_only {
        Some("Read-only: set by the server; never required in a request.")
    } else if f.write_only {
        Some("Write-only: sent in requests; never present in responses.")
    } else {
        None
    };
    let default = f
        .default
        .as_ref()
        .map(|value| format!("Default when absent: `{value}`."));
    let docs = docs::doc(&docs::paragraphs([
        f.docs.as_deref(),
        direction,
        default.as_deref(),
        Some(&wire_facts(f)),
    ]));
    let name = format_ident!("{}", f.rust_name);
    let mut ty = types::rust_type(&f.ty, Scope::Models);
    if f.boxed {
        ty = quote!(::std::boxed::Box<#ty>);
    }
    let absent = f.optional();
    if absent || f.nullable {
        ty = quote!(::std::option::Option<#ty>);
    }
    let mut serde_args = Vec::new();
    if f.rust_name != f.wire_name {
        let wire = &f.wire_name;
        serde_args.push(quote!(rename = #wire));
    }
    if absent {
        serde_args.push(quote!(default));
        serde_args.push(quote!(
            skip_serializing_if = "::std::option::Option::is_none"
        ));
    }
    let serde_attr = (!serde_args.is_empty()).then(|| quote!(#[serde(#(#serde_args),*)]));
    quote! {
        #docs
        #serde_attr
        pub #name: #ty,
    }
}

/// The last line of a field's docs: its JSON name and presence, e.g. "JSON: `subject`,
/// optional, nullable." (`required` as the schema says; see the read-only/write-only line for
/// the direction it holds in).
fn wire_facts(f: &Field) -> String {
    let presence = if f.required { "required" } else { "optional" };
    let nullable = if f.nullable { ", nullable" } else { "" };
    format!("JSON: `{}`, {presence}{nullable}.", f.wire_name)
}
