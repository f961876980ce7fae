//! Constructors and setters of structs: `new` takes the required fields (those that are not an
//! `Option`) in order and leaves every optional one empty, and each optional field has a chained
//! `with_<field>` setter. A request body takes a line instead of a struct literal; response-only
//! structs are `#[non_exhaustive]`, so outside the crate (tests, mocks) these are how they are
//! built.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::types::{self, ident, is_option, Scope};
use crate::ir::{Api, Field, Primitive, Struct, TypeKind, TypeRef};
use crate::naming;

/// Clippy's default `too_many_arguments` threshold.
const MAX_ARGUMENTS: usize = 7;

/// `impl Name { pub fn new(..) -> Self; pub fn with_..(self, ..) -> Self }` for the struct `s`.
pub fn constructor(api: &Api, name: &Ident, s: &Struct, response_only: bool) -> TokenStream {
    let required: Vec<&Field> = s.fields.iter().filter(|f| !is_option(f)).collect();
    let params = required.iter().map(|f| {
        let ident = format_ident!("{}", f.rust_name);
        let (ty, _) = conversion(api, &f.ty);
        quote!(#ident: #ty)
    });
    let values = s.fields.iter().map(|f| initial_value(api, f));
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
    let setters = setters(api, s);
    let usage = match (response_only, setters.is_empty()) {
        (true, _) => {
            " For tests and mocks: the client decodes this type from responses. The struct is\n \
             `#[non_exhaustive]`, as the API may add response fields, so set optional fields with\n \
             the `with_` setters (or on the returned value: they are public) rather than writing a\n \
             struct literal."
        }
        (false, false) => " Set optional fields with the chained `with_` setters.",
        (false, true) => "",
    };
    let usage = (!usage.is_empty()).then(|| {
        let lines = usage.lines();
        quote!(#[doc = ""] #(#[doc = #lines])*)
    });
    let allow =
        (required.len() > MAX_ARGUMENTS).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    quote! {
        impl #name {
            #[doc = #summary]
            #usage
            #allow
            pub fn new(#(#params),*) -> Self {
                Self {
                    #(#values,)*
                    #additional
                }
            }

            #(#setters)*
        }
    }
}

/// Whether `new` takes no argument: every field is an `Option`, so the struct derives `Default`
/// (the same value as `new()`).
pub fn takes_no_arguments(s: &Struct) -> bool {
    s.fields.iter().all(is_option)
}

/// `field: value` in the body of `new`: the argument, converted, or `None`.
fn initial_value(api: &Api, f: &Field) -> TokenStream {
    let ident = format_ident!("{}", f.rust_name);
    if is_option(f) {
        return quote!(#ident: ::std::option::Option::None);
    }
    let (_, convert) = conversion(api, &f.ty);
    if f.boxed {
        return quote!(#ident: ::std::boxed::Box::new(#ident #convert));
    }
    if convert.is_empty() {
        return quote!(#ident);
    }
    quote!(#ident: #ident #convert)
}

/// One `with_<field>` setter per optional field, named by [`naming::setter_name`].
fn setters(api: &Api, s: &Struct) -> Vec<TokenStream> {
    let mut used = naming::Names::from(naming::struct_members());
    s.fields
        .iter()
        .filter(|f| is_option(f))
        .map(|f| {
            let setter = ident(&naming::unique(
                naming::setter_name(&f.rust_name),
                &mut used,
            ));
            let field = ident(&f.rust_name);
            let (arg, convert) = setter_argument(api, &f.ty);
            let value = if f.boxed {
                quote!(::std::boxed::Box::new(value #convert))
            } else {
                quote!(value #convert)
            };
            let doc = format!(" Sets [`{0}`](Self::{0}).", f.rust_name);
            quote! {
                #[doc = #doc]
                pub fn #setter(mut self, value: #arg) -> Self {
                    self.#field = ::std::option::Option::Some(#value);
                    self
                }
            }
        })
        .collect()
}

/// The parameter type of `new` for a required field of type `ty`, and the conversion applied
/// to it: strings, ids and lists take anything that converts, like the client methods'
/// arguments (an id also from its raw text or integer).
fn conversion(api: &Api, ty: &TypeRef) -> (TokenStream, TokenStream) {
    let rust = |ty: &TypeRef| types::rust_type(ty, Scope::Models);
    match ty {
        TypeRef::Primitive(Primitive::String) => (
            quote!(impl ::std::convert::Into<::std::string::String>),
            quote!(.into()),
        ),
        ty if types::is_id(api, ty) => {
            let ty = rust(ty);
            (quote!(impl ::std::convert::Into<#ty>), quote!(.into()))
        }
        TypeRef::List(item) if types::is_id(api, item) => {
            let item = rust(item);
            (
                quote!(impl ::std::iter::IntoIterator<Item = impl ::std::convert::Into<#item>>),
                quote!(.into_iter().map(::std::convert::Into::into).collect()),
            )
        }
        TypeRef::List(item) => {
            let item = rust(item);
            (
                quote!(impl ::std::iter::IntoIterator<Item = #item>),
                quote!(.into_iter().collect()),
            )
        }
        other => (rust(other), quote!()),
    }
}

/// The parameter type of a setter for a field of type `ty`, and the conversion applied to it:
/// as [`conversion`], and unions and JSON values also take what converts into them (a
/// variant's payload, a string). String enums take the enum itself: their `From<&str>` keeps
/// any string, so converting would hide a misspelt value.
fn setter_argument(api: &Api, ty: &TypeRef) -> (TokenStream, TokenStream) {
    let into = |target: TokenStream| (quote!(impl ::std::convert::Into<#target>), quote!(.into()));
    match ty {
        TypeRef::Primitive(Primitive::String) | TypeRef::List(_) => conversion(api, ty),
        ty if types::is_id(api, ty) => conversion(api, ty),
        TypeRef::Any => into(quote!(::serde_json::Value)),
        TypeRef::Named(_) if is_union(api, ty) => into(types::rust_type(ty, Scope::Models)),
        other => (types::rust_type(other, Scope::Models), quote!()),
    }
}

/// Whether `ty` names a union, directly or through aliases.
fn is_union(api: &Api, ty: &TypeRef) -> bool {
    matches!(
        types::definition(api, ty).map(|d| &d.kind),
        Some(TypeKind::Union(_))
    )
}
