//! Request builders: one struct per operation holding its arguments, optional parameters and
//! body as chained setters, `send()` to run it ([`super::send`]) and, for paged lists, streams
//! ([`super::pagination`]).

use proc_macro2::TokenStream;
use quote::quote;

use super::types::{argument, body_argument, body_type, ident, is_argument, rust_type, Scope};
use super::{contract, docs, pagination, responses, send};
use crate::ir::{Api, Operation, ParamLocation};

/// The builder struct of `op`, its methods and its response enum (when it needs one).
pub(super) fn builder(api: &Api, op: &Operation) -> TokenStream {
    let client = contract::client();
    let name = ident(&op.builder_name);
    let doc = format!(
        " Request builder for `{} {}` ([`Client::{}`]({})).",
        op.method.as_str(),
        op.path,
        op.method_name,
        contract::doc_path(&format!("Client::{}", op.method_name))
    );
    let (fields, setters) = members(op);
    let (output, response_enum) = responses::output(op);
    let send = send::send(api, op, &output);
    let streams = op.pagination.as_ref().map(pagination::streams);
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until `send()` is awaited"]
        pub struct #name<'a> {
            client: &'a #client,
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

/// The builder's fields (one per parameter, then the body) and setters (one per optional one).
fn members(op: &Operation) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let mut fields = Vec::new();
    let mut setters = Vec::new();
    for p in &op.params {
        let field = ident(&p.rust_name);
        let ty = rust_type(&p.ty, Scope::Operations);
        if is_argument(p) {
            fields.push(quote!(#field: #ty));
            continue;
        }
        fields.push(quote!(#field: ::std::option::Option<#ty>));
        let fallback = format!("`{}` {} parameter.", p.wire_name, location_name(p.location()));
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
    (fields, setters)
}

fn location_name(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}
