//! Streams for cursor-paged list operations: `pages()` yields each page, `into_stream()` each
//! item, both fetching lazily through the runtime's paginator; both are `Send + 'static`.

use proc_macro2::TokenStream;
use quote::quote;

use super::types::{ident, rust_type, Scope};
use super::{contract, docs};
use crate::ir::Pagination;

/// The `pages` and `into_stream` methods of a paged operation's builder.
pub(super) fn streams(paging: &Pagination) -> TokenStream {
    let stream = contract::stream();
    let error = contract::error();
    let (pages_fn, items_fn) = contract::paginators();
    let page = rust_type(&paging.page_type, Scope::Operations);
    let item = rust_type(&paging.item_type, Scope::Operations);
    let cursor = ident(&paging.cursor_param);
    let items = ident(&paging.items_field);
    let next_cursor = next_cursor(paging);
    let path: Vec<&str> = paging
        .next_cursor
        .iter()
        .map(|s| s.field.as_str())
        .collect();
    let pages_doc = docs::clean(&format!(
        " Every page, fetched lazily one at a time, following `{}` until the last page.",
        path.join(".")
    ));
    quote! {
        #[doc = #pages_doc]
        pub fn pages(
            self,
        ) -> impl #stream<Item = ::std::result::Result<#page, #error>> + ::std::marker::Send + ::std::marker::Unpin + 'static {
            #pages_fn(
                self,
                |mut builder: Self, cursor: ::std::option::Option<::std::string::String>| async move {
                    if cursor.is_some() {
                        builder.#cursor = cursor;
                    }
                    builder.send().await
                },
                #next_cursor,
            )
        }

        /// Every item of every page, fetched lazily page by page; memory stays that of one page.
        pub fn into_stream(
            self,
        ) -> impl #stream<Item = ::std::result::Result<#item, #error>> + ::std::marker::Send + ::std::marker::Unpin + 'static {
            #items_fn(self.pages(), |page: #page| page.#items)
        }
    }
}

/// The function reading the cursor of the page after `page` (`None` on the last page).
pub(super) fn next_cursor(paging: &Pagination) -> TokenStream {
    let page = rust_type(&paging.page_type, Scope::Operations);
    let mut chain = quote!(page);
    for step in &paging.next_cursor {
        let field = ident(&step.field);
        chain = if step.optional {
            quote!(#chain.#field.as_ref()?)
        } else {
            quote!(#chain.#field)
        };
    }
    quote! {
        |page: &#page| -> ::std::option::Option<::std::string::String> {
            ::std::option::Option::Some(#chain.clone())
        }
    }
}
