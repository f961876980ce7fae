//! The `webhooks` module: one unit type per webhook (a call the API makes to the user's server),
//! implementing the runtime's `Webhook` trait, with an inherent `decode` so a receiver needs no
//! trait import: `webhooks::ConversationEvents::decode(&body)?`.

use proc_macro2::TokenStream;
use quote::quote;

use super::contract;
use super::docs;
use super::features::TagFeatures;
use super::types::{ident, rust_type, Scope};
use crate::ir::{Api, Encoding, Primitive, TypeRef, Webhook};

/// The module's head: its docs and, when a payload names a model, `use super::models`.
pub(super) fn head(api: &Api, gated: bool) -> TokenStream {
    let text = format!(
        "Webhooks of {}: the calls the API makes to your server. Each type names one call; \
         `decode` turns the raw body of a call into its payload. Answer the call only once the \
         body has decoded, and check the call's authenticity first where the API signs its \
         calls.",
        api.title
    );
    let text = format!(" {}", docs::clean(&text));
    let names_models = api
        .webhooks
        .iter()
        .filter_map(Webhook::payload)
        .any(names_a_model);
    let models = names_models.then(|| {
        let allow = gated.then(|| quote!(#[allow(unused_imports)]));
        quote!(#allow use super::models;)
    });
    quote! {
        #![doc = #text]
        #models
    }
}

/// Whether a use of `ty` names a model type.
fn names_a_model(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Named(_) => true,
        TypeRef::List(inner) | TypeRef::Map(inner) => names_a_model(inner),
        TypeRef::Primitive(_) | TypeRef::Any => false,
    }
}

/// The items of the webhook at `index`, behind its tags' features when `tags` is given.
pub(super) fn webhook(hook: &Webhook, index: usize, tags: Option<&TagFeatures>) -> TokenStream {
    let name = ident(&hook.rust_name);
    let wire_name = &hook.name;
    let method = hook.method.as_str();
    let summary = hook.summary.as_deref();
    let called = format!("`{wire_name}`: the API calls `{method}` with it.");
    let deprecated = hook.deprecated.then_some("Deprecated by the API.");
    let body_docs = hook.body.as_ref().and_then(|b| b.docs.as_deref());
    let text = docs::paragraphs([
        summary,
        hook.description.as_deref(),
        body_docs,
        Some(&called),
        deprecated,
    ]);
    let docs = docs::doc(&text);
    let (payload, decode) = payload(hook);
    let webhook = contract::webhook_trait();
    let error = contract::webhook_decode_error();
    let method_type = contract::method();
    let method_const = contract::method_const(method);
    let cfg = tags.map(|tags| tags.webhook(index));
    quote! {
        #docs
        #cfg
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct #name;

        #cfg
        impl #name {
            /// Decodes the raw body of a call into its payload (what the `Webhook` trait's
            /// `decode` does, without importing the trait).
            pub fn decode(body: &[u8]) -> ::std::result::Result<#payload, #error> {
                #decode
            }
        }

        #cfg
        impl #webhook for #name {
            const NAME: &'static str = #wire_name;
            const METHOD: #method_type = #method_const;
            type Payload = #payload;

            fn decode(body: &[u8]) -> ::std::result::Result<Self::Payload, #error> {
                Self::decode(body)
            }
        }
    }
}

/// The payload type of a webhook and the expression decoding `body` into it.
fn payload(hook: &Webhook) -> (TokenStream, TokenStream) {
    let (json, text, binary) = contract::webhook_decoders();
    let name = &hook.name;
    let Some(body) = &hook.body else {
        let nothing = quote! {
            let _ = body;
            ::std::result::Result::Ok(())
        };
        return (quote!(()), nothing);
    };
    match body.encoding {
        Encoding::Text => (
            rust_type(&TypeRef::Primitive(Primitive::String), Scope::Operations),
            quote!(#text(#name, body)),
        ),
        Encoding::Binary => (
            contract::bytes(),
            quote!(::std::result::Result::Ok(#binary(body))),
        ),
        // The resolver refuses form and multipart webhook bodies.
        Encoding::Json | Encoding::Form | Encoding::Multipart => (
            rust_type(&body.ty, Scope::Operations),
            quote!(#json(#name, body)),
        ),
    }
}
