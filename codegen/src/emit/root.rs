//! The generated module's root (`mod.rs`): its docs, the module declarations (`testing` behind
//! the crate's `testing` feature, `webhooks` when the API has any), the default base URL and the API version.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::features::TagFeatures;
use crate::ir::Api;

/// Tokens of `mod.rs`.
pub(super) fn module_root(api: &Api, tags: Option<&TagFeatures>) -> TokenStream {
    let title = docs::paragraphs([
        Some(format!("Generated client code for {} {}.", api.title, api.version).as_str()),
        api.description.as_deref(),
    ]);
    let omissions = omissions_doc(api);
    let title = docs::paragraphs([Some(title.as_str()), omissions.as_deref()]);
    let title = docs::clean(&title);
    let title = title.lines().map(|l| format!(" {l}"));
    let base_url = api.base_url.clone().unwrap_or_default();
    let base_url_doc = match api.base_url.as_deref() {
        // The resolver refuses a relative first server (`resolve/servers.rs`).
        Some(_) => {
            " The API's default base URL: the first `servers` entry of the spec, its variables at \
             their defaults."
        }
        None => " The spec names no server: set a base URL on the client.",
    };
    let version = &api.version;
    // Split by tag, each tag feature turns on the runtime features its operations need.
    let needed = if tags.is_some() {
        Vec::new()
    } else {
        api.runtime_features()
    };
    let guards = needed.into_iter().map(|feature| {
        let message = format!(
            "this API's operations send `{feature}` request bodies: enable this crate's `{feature}` feature"
        );
        quote! {
            #[cfg(not(feature = #feature))]
            ::std::compile_error!(#message);
        }
    });
    let webhooks = (!api.webhooks.is_empty()).then(|| {
        quote!(
            pub mod webhooks;
        )
    });
    quote! {
        #(#![doc = #title])*
        pub mod models;
        pub mod operations;
        pub mod security;
        #[cfg(feature = "testing")]
        pub mod testing;
        #webhooks

        #(#guards)*

        #[doc = #base_url_doc]
        pub const DEFAULT_BASE_URL: &str = #base_url;

        /// The API version the code was generated from (`info.version`).
        pub const API_VERSION: &str = #version;
    }
}

/// The docs section listing what partial generation left out or generated as any JSON value,
/// one bullet each with its reasons; `None` when everything was generated.
fn omissions_doc(api: &Api) -> Option<String> {
    if api.omissions.is_empty() {
        return None;
    }
    let mut text = String::from(
        "# Not generated exactly\n\nThe spec describes these parts in ways this client cannot \
         express (`cargo xtask generate --strict` refuses the spec instead):\n",
    );
    for omission in &api.omissions {
        let reasons: Vec<String> = omission.problems.iter().map(|p| p.to_string()).collect();
        let line = format!(
            "- `{}`: {} — {}",
            omission.pointer,
            omission.kind,
            reasons.join("; ")
        );
        // One bullet per omission, whatever line breaks the spec's text holds.
        text.push('\n');
        text.push_str(&line.replace(['\r', '\n'], " "));
    }
    Some(text)
}
