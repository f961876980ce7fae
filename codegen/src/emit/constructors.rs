//! Constructors of response-only structs. Those structs are `#[non_exhaustive]` (the API may add
//! response fields without breaking callers), so code outside the crate cannot write their
//! struct literals: `new` takes the required fields and leaves every optional one empty, for
//! tests and mocks that need a response value.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::types::{self, Scope};
use crate::ir::{Field, Primitive, Struct, TypeRef};

/// Clippy's default `too_many_arguments` threshold.
const MAX_ARGUMENTS: usize = 7;

/// `impl Name { pub fn new(..) -> Self }` for the response-only struct `s`.
pub fn constructor(name: &Ident, s: &Struct) -> TokenStream {
    let required: Vec<&Field> = s.fields.iter().filter(|f| !is_option(f)).collect();
    let params = required.iter().map(|f| {
        let ident = format_ident!("{}", f.rust_name);
        let ty = argument_type(&f.ty);
        quote!(#ident: #ty)
    });
    let values = s.fields.iter().map(|f| {
        let ident = format_ident!("{}", f.rust_name);
        if is_option(f) {
            return quote!(#ident: ::std::option::Option::None);
        }
        let value = match &f.ty {
            TypeRef::Primitive(Primitive::String) => quote!(#ident.into()),
            TypeRef::List(_) => quote!(#ident.into_iter().collect()),
            _ if !f.boxed => return quote!(#ident),
            _ => quote!(#ident),
        };
        if f.boxed {
            return quote!(#ident: ::std::boxed::Box::new(#value));
        }
        quote!(#ident: #value)
    });
    let additional = s
        .additional
        .as_ref()
        .map(|_| quote!(additional_properties: ::std::collections::BTreeMap::new(),));
    let empty = if s.additional.is_some() {
        "every optional field is `None` and `additional_properties` is empty"
    } else {
        "every optional field is `None`"
    };
    let summary = format!(" A value with the required fields given: {empty}.");
    let allow = match required.len() {
        0 => Some(quote!(#[allow(clippy::new_without_default)])),
        n if n > MAX_ARGUMENTS => Some(quote!(#[allow(clippy::too_many_arguments)])),
        _ => None,
    };
    quote! {
        impl #name {
            #[doc = #summary]
            ///
            /// For tests and mocks: the client decodes this type from responses. The struct is
            /// `#[non_exhaustive]`, as the API may add response fields, so set optional fields
            /// on the returned value (they are public) rather than writing a struct literal.
            #allow
            pub fn new(#(#params),*) -> Self {
                Self {
                    #(#values,)*
                    #additional
                }
            }
        }
    }
}

/// Whether the Rust field is an `Option` (as the models emitter writes it).
fn is_option(f: &Field) -> bool {
    f.optional() || f.nullable
}

/// The parameter type for a required field of type `ty`: strings and lists take anything that
/// converts, like the client methods' arguments.
fn argument_type(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Primitive(Primitive::String) => {
            quote!(impl ::std::convert::Into<::std::string::String>)
        }
        TypeRef::List(item) => {
            let item = types::rust_type(item, Scope::Models);
            quote!(impl ::std::iter::IntoIterator<Item = #item>)
        }
        other => types::rust_type(other, Scope::Models),
    }
}
