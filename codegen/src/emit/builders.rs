//! Request builders: one struct per operation holding its own clone of the client (so builders
//! are `Send + 'static`), its arguments, optional parameters and body as chained setters (a list
//! parameter's setter adds to the values set before), `send()` to run it ([`super::send`]) and,
//! for paged lists, streams ([`super::pagination`]).

use proc_macro2::TokenStream;
use quote::quote;

use super::types::{
    argument, body_argument, body_type, ident, is_argument, is_id, rust_type, Scope,
};
use super::{contract, docs, pagination, responses, send};
use crate::ir::{Api, Operation, ParamLocation, TypeRef};

/// The builder struct of `op`, its methods and its response enum (when it needs one).
pub(super) fn builder(api: &Api, op: &Operation) -> TokenStream {
    let client = contract::client();
    let name = ident(&op.builder_name);
    let doc = docs::clean(&format!(
        " Request builder for `{} {}` ([`Client::{}`]({})).",
        op.method.as_str(),
        op.path,
        op.method_name,
        contract::doc_path(&format!("Client::{}", op.method_name))
    ));
    let (fields, setters) = members(api, op);
    let (output, response_enum) = responses::output(op);
    let send = send::send(api, op, &output);
    let streams = op.pagination.as_ref().map(pagination::streams);
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until `send()` is awaited"]
        pub struct #name {
            client: #client,
            #(#fields,)*
        }

        impl #name {
            #(#setters)*
            #send
            #streams
        }

        #response_enum
    }
}

/// The builder's fields (one per parameter, then the body) and setters (one per optional one).
fn members(api: &Api, op: &Operation) -> (Vec<TokenStream>, Vec<TokenStream>) {
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
        let fallback = format!(
            "`{}` {} parameter.",
            p.wire_name,
            location_name(p.location())
        );
        let text = p
            .docs
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or(&fallback);
        let (arg, convert) = argument(api, &p.ty);
        // A list accumulates: each call adds its values to those set before.
        let (text, set) = match &p.ty {
            TypeRef::List(item) => {
                let values = if is_id(api, item) {
                    quote!(value.into_iter().map(::std::convert::Into::into))
                } else {
                    quote!(value)
                };
                (
                    format!(
                        "{text}

Each call adds its values to those set before."
                    ),
                    quote!(self.#field.get_or_insert_with(::std::vec::Vec::new).extend(#values);),
                )
            }
            _ => (
                text.to_owned(),
                quote!(self.#field = ::std::option::Option::Some(value #convert);),
            ),
        };
        let docs = docs::doc(&text);
        setters.push(quote! {
            #docs
            pub fn #field(mut self, value: #arg) -> Self {
                #set
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
            let (arg, convert) = body_argument(api, &body.ty, body.encoding);
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

/// The location as docs name it: `path`, `query`, `header`, `cookie`.
pub(super) fn location_name(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every field and method a builder has that is not a parameter's is one `naming` reserves,
    /// so no parameter can take its name.
    #[test]
    fn builder_members_are_reserved_in_naming() {
        let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /t/{id}:\n    post:\n      operationId: listThings\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n        - {name: after, in: query, schema: {type: string}}\n      requestBody:\n        content:\n          application/json:\n            schema: {type: object, properties: {a: {type: string}}}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  results: {type: array, items: {type: string}}\n                  paging: {type: object, properties: {next: {type: object, properties: {after: {type: string}}}}}\n";
        let api = crate::parse_api(Path::new("t.yaml"), spec).unwrap();
        let op = &api.operations[0];
        assert!(
            op.pagination.is_some(),
            "the builder has its stream methods"
        );
        let file: syn::File = syn::parse2(super::builder(&api, op)).unwrap();
        let params: Vec<&str> = op.params.iter().map(|p| p.rust_name.as_str()).collect();
        let reserved = crate::naming::builder_members();
        let mut members = Vec::new();
        for item in &file.items {
            match item {
                syn::Item::Struct(s) => {
                    members.extend(
                        s.fields
                            .iter()
                            .filter_map(|f| f.ident.as_ref())
                            .map(ToString::to_string),
                    );
                }
                syn::Item::Impl(block) => {
                    members.extend(block.items.iter().filter_map(|i| match i {
                        syn::ImplItem::Fn(f) => Some(f.sig.ident.to_string()),
                        _ => None,
                    }));
                }
                _ => {}
            }
        }
        for name in [
            "client",
            "body",
            "send",
            "send_with_response",
            "pages",
            "into_stream",
        ] {
            assert!(members.iter().any(|m| m == name), "{name}: {members:?}");
        }
        for member in members.iter().filter(|m| !params.contains(&m.as_str())) {
            assert!(
                reserved.contains(member),
                "`{member}` is not reserved in naming"
            );
        }
    }
}
