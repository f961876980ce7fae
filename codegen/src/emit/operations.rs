//! The operations file: one client method per operation returning its request builder, then the
//! builders ([`super::builders`]) and response enums ([`super::responses`]).

use proc_macro2::TokenStream;
use quote::quote;

use super::types::{argument, body_argument, ident, is_argument};
use super::{builders, contract, docs, security};
use crate::ir::{Api, Operation, TypeRef};

/// Tokens of the whole operations module.
pub(super) fn operations(api: &Api) -> TokenStream {
    let client = contract::client();
    let methods = api.operations.iter().map(|op| client_method(api, op));
    let builders = api.operations.iter().map(|op| builders::builder(api, op));
    quote! {
        #![doc = " Operations of the API: a method on the client per operation, each returning a request builder."]
        use super::models;

        impl #client {
            #(#methods)*
        }
        #(#builders)*
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

/// The client method starting a request: required parameters and body as arguments.
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
