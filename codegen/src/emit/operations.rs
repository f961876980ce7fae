//! The operations file: one client method per operation returning a request builder, the
//! builders themselves (optional parameters as chained setters, `send()` to run), and an enum of
//! success responses for operations that declare several.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::send::{send, status_label, status_variant};
use super::types::Scope;
use super::{docs, pagination, paths, security, types};
use crate::ir::{Api, Encoding, Operation, Param, ParamLocation, Primitive, TypeRef};

/// Tokens of the whole operations module.
pub fn operations(api: &Api) -> TokenStream {
    let runtime = paths::runtime();
    let methods = api.operations.iter().map(|op| client_method(api, op));
    let builders = api.operations.iter().map(|op| builder(api, op));
    quote! {
        #![doc = " Operations of the API: a method on the client per operation, each returning a request builder."]
        use super::models;

        impl #runtime::Client {
            #(#methods)*
        }
        #(#builders)*
    }
}

/// A parameter or body that the client method takes as an argument.
pub(super) fn is_argument(p: &Param) -> bool {
    p.required
}

pub(super) fn ident(name: &str) -> Ident {
    format_ident!("{}", name)
}

/// The argument type and the conversion applied to it, for a value of `ty`.
pub(super) fn argument(ty: &TypeRef) -> (TokenStream, TokenStream) {
    match ty {
        TypeRef::Primitive(Primitive::String) => (
            quote!(impl ::std::convert::Into<::std::string::String>),
            quote!(.into()),
        ),
        TypeRef::List(item) => {
            let item = types::rust_type(item, Scope::Operations);
            (
                quote!(impl ::std::iter::IntoIterator<Item = #item>),
                quote!(.into_iter().collect()),
            )
        }
        other => (types::rust_type(other, Scope::Operations), quote!()),
    }
}

/// The Rust type of a body or response of `ty` read or written with `encoding`.
pub(super) fn body_type(ty: &TypeRef, encoding: Encoding) -> TokenStream {
    match encoding {
        Encoding::Binary => {
            let runtime = paths::runtime();
            quote!(#runtime::Bytes)
        }
        Encoding::Text => quote!(::std::string::String),
        _ => types::rust_type(ty, Scope::Operations),
    }
}

/// The argument type and conversion of a request body.
fn body_argument(ty: &TypeRef, encoding: Encoding) -> (TokenStream, TokenStream) {
    match encoding {
        Encoding::Binary => {
            let runtime = paths::runtime();
            (
                quote!(impl ::std::convert::Into<#runtime::Bytes>),
                quote!(.into()),
            )
        }
        Encoding::Text => argument(&TypeRef::Primitive(Primitive::String)),
        _ => (types::rust_type(ty, Scope::Operations), quote!()),
    }
}

fn operation_docs(api: &Api, op: &Operation) -> String {
    let sends = format!("Sends `{} {}`.", op.method.as_str(), op.path);
    let auth = security::docs(api, op);
    let deprecated = op.deprecated.then_some("Deprecated by the API.");
    let errors = match &op.error {
        Some(TypeRef::Named(name)) => Some(format!(
            "Error bodies are [`models::{name}`](super::models::{name}): decode one with `api_error.decode_body::<models::{name}>()`."
        )),
        _ => None,
    };
    docs::paragraphs([
        op.summary.as_deref(),
        op.description.as_deref(),
        Some(sends.as_str()),
        auth.as_deref(),
        errors.as_deref(),
        deprecated,
    ])
}

fn client_method(api: &Api, op: &Operation) -> TokenStream {
    let docs = docs::doc(&operation_docs(api, op));
    let method = ident(&op.method_name);
    let builder = ident(&op.builder_name);
    let mut args = Vec::new();
    let mut inits = Vec::new();
    for p in &op.params {
        let name = ident(&p.rust_name);
        if is_argument(p) {
            let (ty, convert) = argument(&p.ty);
            args.push(quote!(#name: #ty));
            if convert.is_empty() {
                inits.push(quote!(#name));
            } else {
                inits.push(quote!(#name: #name #convert));
            }
        } else {
            inits.push(quote!(#name: ::std::option::Option::None));
        }
    }
    if let Some(body) = &op.body {
        if body.required {
            let (ty, convert) = body_argument(&body.ty, body.encoding);
            args.push(quote!(body: #ty));
            if convert.is_empty() {
                inits.push(quote!(body));
            } else {
                inits.push(quote!(body: body #convert));
            }
        } else {
            inits.push(quote!(body: ::std::option::Option::None));
        }
    }
    quote! {
        #docs
        pub fn #method(&self, #(#args),*) -> #builder<'_> {
            #builder { client: self, #(#inits),* }
        }
    }
}

fn builder(api: &Api, op: &Operation) -> TokenStream {
    let runtime = paths::runtime();
    let name = ident(&op.builder_name);
    let doc = format!(
        " Request builder for `{} {}` ([`Client::{}`](crate::runtime::Client::{})).",
        op.method.as_str(),
        op.path,
        op.method_name,
        op.method_name
    );
    let mut fields = Vec::new();
    let mut setters = Vec::new();
    for p in &op.params {
        let field = ident(&p.rust_name);
        let ty = types::rust_type(&p.ty, Scope::Operations);
        if is_argument(p) {
            fields.push(quote!(#field: #ty));
        } else {
            fields.push(quote!(#field: ::std::option::Option<#ty>));
            let fallback = format!("`{}` {} parameter.", p.wire_name, location_name(p.location));
            let docs = docs::doc_or(p.docs.as_deref(), &fallback);
            let (arg, convert) = argument(&p.ty);
            setters.push(quote! {
                #docs
                pub fn #field(mut self, value: #arg) -> Self {
                    self.#field = ::std::option::Option::Some(value #convert);
                    self
                }
            });
        }
    }
    if let Some(body) = &op.body {
        let ty = body_type(&body.ty, body.encoding);
        if body.required {
            fields.push(quote!(body: #ty));
        } else {
            fields.push(quote!(body: ::std::option::Option<#ty>));
            let docs = docs::doc_or(body.docs.as_deref(), "The request body.");
            let (arg, convert) = body_argument(&body.ty, body.encoding);
            setters.push(quote! {
                #docs
                pub fn body(mut self, value: #arg) -> Self {
                    self.body = ::std::option::Option::Some(value #convert);
                    self
                }
            });
        }
    }
    let (output, response_enum) = output(op);
    let send = send(api, op, &output);
    let streams = op.pagination.as_ref().map(pagination::streams);
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until `send()` is awaited"]
        pub struct #name<'a> {
            client: &'a #runtime::Client,
            #(#fields,)*
        }

        impl<'a> #name<'a> {
            #(#setters)*
            #send
            #streams
        }

        #response_enum
    }
}

fn location_name(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

/// Whether every success response carries the same body (or none): then `send` returns it
/// directly instead of an enum.
pub(super) fn single_success(op: &Operation) -> Option<&crate::ir::Response> {
    let first = op.responses.first()?;
    // Several statuses without content still say different things (`Created` vs `NoContent`).
    let same = |r: &crate::ir::Response| {
        r.ty == first.ty && r.ty.is_some() && r.encoding == first.encoding
    };
    (op.responses.len() == 1 || op.responses.iter().all(same)).then_some(first)
}

/// The `send()` output type, and the response enum when one is needed.
fn output(op: &Operation) -> (TokenStream, TokenStream) {
    if let Some(response) = single_success(op) {
        let out = response
            .ty
            .as_ref()
            .map(|t| body_type(t, response.encoding))
            .unwrap_or(quote!(()));
        return (out, quote!());
    }
    let name = ident(&op.response_name);
    let doc = format!(
        " Success responses of `{} {}`.",
        op.method.as_str(),
        op.path
    );
    let variants = op.responses.iter().map(|r| {
        let variant = ident(&status_variant(r.status));
        let fallback = format!("Status {}.", status_label(r.status));
        let docs = docs::doc_or(r.docs.as_deref(), &fallback);
        match &r.ty {
            Some(ty) => {
                let ty = body_type(ty, r.encoding);
                quote!(#docs #variant(#ty),)
            }
            None => quote!(#docs #variant,),
        }
    });
    (
        quote!(#name),
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, PartialEq)]
            pub enum #name {
                #(#variants)*
            }
        },
    )
}
