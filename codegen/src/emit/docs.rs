//! Doc comments: spec text becomes `#[doc]` attributes, one per line, trimmed of trailing space.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = "..."]` attributes for `text` (nothing when it is empty).
pub fn doc(text: &str) -> TokenStream {
    let lines = text.trim().lines().map(|line| {
        let line = format!(" {}", line.trim_end());
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// Doc attributes for optional spec text, falling back to `fallback`.
pub fn doc_or(text: Option<&str>, fallback: &str) -> TokenStream {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => doc(text),
        None => doc(fallback),
    }
}

/// Joins paragraphs with a blank line, skipping empty ones.
pub fn paragraphs<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> String {
    parts
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}
