//! The operations file: one client method per operation returning its request builder, then the
//! builders ([`super::builders`]) and response enums ([`super::responses`]).

use proc_macro2::{Spacing, TokenStream, TokenTree};
use quote::quote;

use super::builders::location_name;
use super::features::TagFeatures;
use super::types::{argument, body_argument, ident, is_argument};
use super::{contract, docs, security};
use crate::ir::{Api, Operation, TypeRef};

/// The operations module's docs and, when the code names it (`names_models`), the import of
/// the models module: an unused import fails `-D warnings`. With features by tag (`gated`) no
/// enabled operation may name it, so it is allowed to go unused. The client's methods
/// ([`client_methods`]) and the request builders follow.
pub(super) fn head(api: &Api, names_models: bool, gated: bool) -> TokenStream {
    let module_docs = module_docs(api);
    let models = names_models.then(|| {
        let allow = gated.then(|| quote!(#[allow(unused_imports)]));
        quote!(
            #allow
            use super::models;
        )
    });
    quote! {
        #(#![doc = #module_docs])*
        #models
    }
}

/// The client's methods, one per operation, each returning its request builder (each behind its
/// tags' features when `tags` is given).
pub(super) fn client_methods(api: &Api, tags: Option<&TagFeatures>) -> TokenStream {
    let client = contract::client();
    let methods = api.operations.iter().enumerate().map(|(index, op)| {
        let method = client_method(api, op);
        let cfg = tags.map(|tags| tags.operation(index));
        quote!(#cfg #method)
    });
    quote! {
        impl #client {
            #(#methods)*
        }
    }
}

/// Whether `tokens` name the `models` module anywhere: `models` followed by `::` (a parameter
/// merely called `models` does not count).
pub(super) fn names_models(tokens: &TokenStream) -> bool {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    trees.iter().enumerate().any(|(i, tree)| match tree {
        TokenTree::Ident(ident) => {
            let path_separator = matches!(
                trees.get(i + 1),
                Some(TokenTree::Punct(p)) if p.as_char() == ':' && p.spacing() == Spacing::Joint
            );
            ident == "models" && path_separator
        }
        TokenTree::Group(group) => names_models(&group.stream()),
        TokenTree::Punct(_) | TokenTree::Literal(_) => false,
    })
}

/// The module's doc lines, with the one explanation of error bodies the operations link to.
fn module_docs(api: &Api) -> Vec<String> {
    let mut text = String::from(
        "Operations of the API: a method on the client per operation, each returning a request builder.",
    );
    if let Some(op) = api.operations.iter().find(|op| named_error(op).is_some()) {
        let example = named_error(op).unwrap_or_default();
        text.push_str(&format!(
            "\n\n# Errors\n\nAn answer with an error status fails the call with [`Error::Api`]({}); \
             the operation's docs name the model of its error body, which \
             [`ApiError::decode_body`]({}) decodes, e.g. `api_error.decode_body::<models::{example}>()`.",
            contract::doc_path("Error::Api"),
            contract::doc_path("ApiError::decode_body"),
        ));
    }
    text.lines()
        .map(|l| format!(" {l}").trim_end().to_owned())
        .collect()
}

/// The name of the model `op`'s error bodies decode into, when it has one.
fn named_error(op: &Operation) -> Option<&str> {
    match &op.error {
        Some(TypeRef::Named(name)) => Some(name),
        _ => None,
    }
}

fn operation_docs(api: &Api, op: &Operation) -> String {
    let sends = format!("Sends `{} {}`.", op.method.as_str(), op.path);
    let arguments = arguments_docs(op);
    let auth = security::docs(api, op);
    let deprecated = op.deprecated.then_some("Deprecated by the API.");
    let errors = named_error(op).map(|name| {
        format!(
            "Error bodies: [`models::{name}`](super::models::{name}) (see [errors](self#errors))."
        )
    });
    docs::paragraphs([
        op.summary.as_deref(),
        op.description.as_deref(),
        Some(sends.as_str()),
        arguments.as_deref(),
        auth.as_deref(),
        errors.as_deref(),
        deprecated,
    ])
}

/// "Arguments:" and one line per argument the client method takes, or `None` when it takes none.
fn arguments_docs(op: &Operation) -> Option<String> {
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut lines: Vec<String> = op
        .params
        .iter()
        .filter(|p| is_argument(p))
        .map(|p| {
            let what = format!(
                "the `{}` {} parameter",
                p.wire_name,
                location_name(p.location())
            );
            match p.docs.as_deref().map(one_line).filter(|d| !d.is_empty()) {
                Some(docs) => format!("- `{}`: {what}. {docs}", p.rust_name),
                None => format!("- `{}`: {what}.", p.rust_name),
            }
        })
        .collect();
    if let Some(body) = op.body.as_ref().filter(|b| b.required) {
        let docs = body.docs.as_deref().map(one_line).filter(|d| !d.is_empty());
        lines.push(match docs {
            Some(docs) => format!("- `body`: the request body. {docs}"),
            None => "- `body`: the request body.".to_owned(),
        });
    }
    (!lines.is_empty()).then(|| format!("Arguments:\n\n{}", lines.join("\n")))
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
            let (ty, convert) = argument(api, &p.ty);
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
            let (ty, convert) = body_argument(api, &body.ty, body.encoding);
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
        pub fn #method(&self, #(#args),*) -> #builder {
            #builder { client: ::std::clone::Clone::clone(self), #(#inits),* }
        }
    }
}
