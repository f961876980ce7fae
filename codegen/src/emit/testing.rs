//! The `testing` module (behind the generated crate's `testing` feature): test support for code
//! that calls the client. It re-exports the runtime's mock server (`MockApi`, on wiremock) and
//! adds `start()` — whose clients hold test credentials for every scheme of the API — and one
//! method per operation returning a typed expectation: path arguments typed as the client
//! method's, answers typed as its response.

use proc_macro2::TokenStream;
use quote::quote;

use super::features::TagFeatures;
use super::responses::single_success;
use super::types::{argument, body_type, ident, rust_type, Scope};
use super::{contract, docs, pagination, send};
use crate::ir::{
    Api, Encoding, Operation, Pagination, Param, ParamLocation, Response, SchemeKind, Status,
    TypeRef,
};
use crate::naming;

/// Tokens of the `testing` module.
pub(super) fn module(api: &Api, tags: Option<&TagFeatures>) -> TokenStream {
    let doc = module_docs();
    let ops = api.operations.iter().enumerate();
    let naming_models: Vec<usize> = ops
        .filter(|(_, op)| names_models(op))
        .map(|(i, _)| i)
        .collect();
    let models = (!naming_models.is_empty()).then(|| {
        let cfg = tags.map(|tags| tags.any_operation(&naming_models));
        quote!(
            #cfg
            use super::models;
        )
    });
    let exports = contract::testing_exports();
    let mock = contract::mock_api();
    let start = start(api);
    let methods = api.operations.iter().enumerate().map(|(index, op)| {
        let cfg = tags.map(|tags| tags.operation(index));
        let method = expectation(api, op);
        quote!(#cfg #method)
    });
    quote! {
        #(#![doc = #doc])*
        #models
        #exports

        impl #mock {
            #start
            #(#methods)*
        }
    }
}

fn module_docs() -> Vec<String> {
    let text = "Test support for code that calls this client (feature `testing`).\n\n\
        [`MockApi::start`] starts a mock server (on [`wiremock`]) and [`MockApi::client`] hands \
        out a client calling it with test credentials. `MockApi` has one method per operation, \
        named as the client's, taking the same path arguments and returning an [`Expectation`] \
        matched by method and path (add `query` or `header` matchers as needed), answered with \
        the operation's own response type (`returns`), a status (`returns_status`), an error \
        body (`fails_with`) or, for paged lists, several pages following their cursors \
        (`pages`). `expect(n)` counts calls, checked when the mock server is dropped.";
    text.lines()
        .map(|l| format!(" {l}").trim_end().to_owned())
        .collect()
}

/// Whether `op`'s expectation names a model: its path arguments or its one response type.
fn names_models(op: &Operation) -> bool {
    fn names(ty: &TypeRef) -> bool {
        match ty {
            TypeRef::Named(_) => true,
            TypeRef::List(inner) | TypeRef::Map(inner) => names(inner),
            TypeRef::Primitive(_) | TypeRef::Any => false,
        }
    }
    let response = single_success(op).and_then(|r| {
        r.ty.as_ref().filter(|_| {
            matches!(
                r.encoding,
                Encoding::Json | Encoding::Form | Encoding::Multipart
            )
        })
    });
    path_params(op).any(|p| names(&p.ty)) || response.is_some_and(names)
}

fn path_params(op: &Operation) -> impl Iterator<Item = &Param> {
    op.params
        .iter()
        .filter(|p| p.location() == ParamLocation::Path)
}

/// `MockApi::start`: a mock server whose clients hold the test bearer token, the test key of
/// every API-key scheme and, when the API has a basic scheme, test basic credentials.
fn start(api: &Api) -> TokenStream {
    let mut api_keys = Vec::new();
    let mut basic = false;
    for scheme in &api.security_schemes {
        match &scheme.kind {
            SchemeKind::ApiKey { const_name, .. } => {
                let constant = ident(const_name);
                api_keys.push(quote!(super::security::#constant));
            }
            SchemeKind::Basic => basic = true,
            SchemeKind::Bearer => {}
        }
    }
    let mut held = vec!["[`TEST_TOKEN`] as bearer token"];
    if !api_keys.is_empty() {
        held.push("[`TEST_API_KEY`] for every API-key scheme");
    }
    if basic {
        held.push("[`TEST_USERNAME`] and [`TEST_PASSWORD`] as basic credentials");
    }
    let last = held.pop().unwrap_or_default();
    let held = if held.is_empty() {
        last.to_owned()
    } else {
        format!("{} and {last}", held.join(", "))
    };
    let doc = format!(" Starts a mock server on a free loopback port. Its clients hold {held}.");
    let start = contract::start_mock(contract::test_credentials(&api_keys, basic));
    quote! {
        #[doc = #doc]
        pub async fn start() -> Self {
            #start
        }
    }
}

/// The `MockApi` method expecting `op`.
fn expectation(api: &Api, op: &Operation) -> TokenStream {
    let method = ident(&op.method_name);
    let (response, respond) = responder(op);
    let paged = op.pagination.as_ref().map(|paging| {
        contract::paged_expectation(cursor_param(op, paging), pagination::next_cursor(paging))
    });
    let ty = contract::expectation(&response, paged.is_some());
    let mut args = Vec::new();
    let mut conversions = Vec::new();
    for p in path_params(op) {
        let name = ident(&p.rust_name);
        let (arg, convert) = argument(api, &p.ty);
        args.push(quote!(#name: #arg));
        if !convert.is_empty() {
            let owned = rust_type(&p.ty, Scope::Operations);
            conversions.push(quote!(let #name: #owned = #name #convert;));
        }
    }
    let path = send::path(op, |field| quote!(&#field));
    let new = contract::new_expectation((&op.id, op.method.as_str()), respond);
    let doc = docs::doc(&method_docs(op));
    quote! {
        #doc
        pub fn #method(&self, #(#args),*) -> #ty {
            #(#conversions)*
            #path
            #new #paged
        }
    }
}

/// The wire name of the cursor query parameter of `op`, paged as `paging` says.
fn cursor_param<'a>(op: &'a Operation, paging: &'a Pagination) -> &'a str {
    op.params
        .iter()
        .find(|p| p.rust_name == paging.cursor_param)
        .map_or(paging.cursor_param.as_str(), |p| p.wire_name.as_str())
}

fn method_docs(op: &Operation) -> String {
    let call = format!(
        "Expects `{} {}` ([`Client::{}`]({})){}.",
        op.method.as_str(),
        op.path,
        op.method_name,
        contract::doc_path(&format!("Client::{}", op.method_name)),
        if path_params(op).next().is_some() {
            " with these path arguments"
        } else {
            ""
        }
    );
    let answer = match single_success(op) {
        Some(r) if r.ty.is_some() => format!(
            "[`returns`](Expectation::returns) answers {} with the given body.",
            status_code(r.status)
        ),
        Some(r) => format!(
            "[`returns`](Expectation::returns) answers {} without a body.",
            status_code(r.status)
        ),
        None => "[`returns`](Expectation::returns) answers each response variant with its status."
            .to_owned(),
    };
    let pages = op.pagination.as_ref().map(|paging| {
        format!(
            "[`pages`](Expectation::pages) serves several pages, each answering the `{}` cursor \
             the page before it holds.",
            cursor_param(op, paging)
        )
    });
    docs::paragraphs([Some(call.as_str()), Some(answer.as_str()), pages.as_deref()])
}

/// The type an expectation of `op` answers (what `send()` returns) and the function turning a
/// value of it into a mock response.
fn responder(op: &Operation) -> (TokenStream, TokenStream) {
    let template = contract::response_template();
    if let Some(r) = single_success(op) {
        let Some(ty) = &r.ty else {
            let response = contract::mock_response(status_code(r.status), None, quote!());
            return (quote!(()), quote!(|_: ()| -> #template { #response }));
        };
        let body = body_type(ty, r.encoding);
        let response = mock_response(r, quote!(body));
        return (
            body.clone(),
            quote!(|body: #body| -> #template { #response }),
        );
    }
    let name = ident(&op.response_name);
    let arms = op.responses.iter().map(|r| {
        let variant = ident(&naming::status_variant(r.status));
        let response = mock_response(r, quote!(body));
        match r.ty {
            Some(_) => quote!(super::operations::#name::#variant(body) => #response,),
            None => quote!(super::operations::#name::#variant => #response,),
        }
    });
    (
        quote!(super::operations::#name),
        quote! {
            |response: super::operations::#name| -> #template {
                match response {
                    #(#arms)*
                }
            }
        },
    )
}

/// The mock response of `r` holding `value`.
fn mock_response(r: &Response, value: TokenStream) -> TokenStream {
    let media_type = media_type(r);
    let body = r.ty.as_ref().map(|_| (r.encoding, media_type.as_str()));
    contract::mock_response(status_code(r.status), body, value)
}

/// The status a mock answers for `status`: a range's first code (`2XX` → 200).
fn status_code(status: Status) -> u16 {
    match status {
        Status::Code(code) => code,
        Status::Range(first) => first * 100,
    }
}

/// The `Content-Type` of a mock response: the spec's media type, unless it is a range
/// (`*/*`, `text/*`) or not what the client reads the body as, then one of the encoding.
fn media_type(r: &Response) -> String {
    let concrete = r.media_type.as_deref().filter(|m| !m.contains('*'));
    match (r.encoding, concrete) {
        (Encoding::Json | Encoding::Text | Encoding::Binary, Some(media)) => media.to_owned(),
        (Encoding::Text, None) => "text/plain".to_owned(),
        (Encoding::Binary, None) => "application/octet-stream".to_owned(),
        _ => "application/json".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every method the module adds to `MockApi` that is not an operation's is one `naming`
    /// reserves, so no operation can take its name.
    #[test]
    fn generated_mock_members_are_reserved_in_naming() {
        let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /t:\n    get:\n      operationId: getT\n      responses:\n        '204': {description: ok}\n";
        let api = crate::parse_api(Path::new("t.yaml"), spec).unwrap();
        let file: syn::File = syn::parse2(super::module(&api, None)).unwrap();
        let operations: Vec<&str> = api
            .operations
            .iter()
            .map(|o| o.method_name.as_str())
            .collect();
        let reserved = crate::naming::mock_members();
        let mut members = Vec::new();
        for item in &file.items {
            if let syn::Item::Impl(block) = item {
                members.extend(block.items.iter().filter_map(|i| match i {
                    syn::ImplItem::Fn(f) => Some(f.sig.ident.to_string()),
                    _ => None,
                }));
            }
        }
        assert_eq!(members, ["start", "get_t"]);
        for member in members.iter().filter(|m| !operations.contains(&m.as_str())) {
            assert!(
                reserved.contains(member),
                "`{member}` is not reserved in naming"
            );
        }
    }
}
