//! What `send()` returns: the one body type when every success response carries the same, else
//! an enum of the success responses with a variant per status.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::types::{body_type, ident};
use crate::ir::{Operation, Response, Status};
use crate::naming;

/// The one response `send` returns directly, when every success response carries the same body
/// (several statuses without content still say different things: `Created` vs `NoContent`).
pub(crate) fn single_success(op: &Operation) -> Option<&Response> {
    let first = op.responses.first()?;
    let same = |r: &Response| r.ty == first.ty && r.ty.is_some() && r.encoding == first.encoding;
    (op.responses.len() == 1 || op.responses.iter().all(same)).then_some(first)
}

/// The `send()` output type, and the response enum when one is needed.
pub(super) fn output(op: &Operation) -> (TokenStream, TokenStream) {
    if let Some(response) = single_success(op) {
        let out = response
            .ty
            .as_ref()
            .map(|t| body_type(t, response.encoding))
            .unwrap_or(quote!(()));
        return (out, quote!());
    }
    let name = ident(&op.response_name);
    let doc = docs::clean(&format!(
        " Success responses of `{} {}`.",
        op.method.as_str(),
        op.path
    ));
    let variants = op.responses.iter().map(|r| {
        let variant = ident(&naming::status_variant(r.status));
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

/// A status as the spec writes it, e.g. `207` or `2XX`.
pub(crate) fn status_label(status: Status) -> String {
    match status {
        Status::Code(code) => code.to_string(),
        Status::Range(first) => format!("{first}XX"),
    }
}
