//! Every path the emitted code names, in one place. Generated code fully qualifies std, serde and
//! runtime items so a spec may define its own `Result`, `Option`, `Error` or `Client`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::types::Scope;

/// Path of the hand-written runtime module.
pub fn runtime() -> TokenStream {
    quote!(crate::runtime)
}

/// A model type named from `scope`: bare inside the models module, `models::Name` elsewhere
/// (the operations module imports `super::models`).
pub fn model(name: &str, scope: Scope) -> TokenStream {
    let ident = format_ident!("{}", name);
    match scope {
        Scope::Models => quote!(#ident),
        Scope::Operations => quote!(models::#ident),
    }
}
