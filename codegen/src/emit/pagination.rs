//! Streams for cursor-paged list operations: `pages()` yields each page, `into_stream()` each
//! item, both fetching lazily through the runtime's paginator; both are `Send + 'static` and
//! can be capped with `max_pages`.

use proc_macro2::TokenStream;
use quote::quote;

use super::types::{ident, rust_type, Scope};
use super::{contract, docs};
use crate::ir::Pagination;

/// The `pages` and `into_stream` methods of a paged operation's builder.
pub(super) fn streams(paging: &Pagination) -> TokenStream {
    let (pages_fn, items_fn) = contract::paginators();
    let page = rust_type(&paging.page_type, Scope::Operations);
    let item = rust_type(&paging.item_type, Scope::Operations);
    let (pages_type, items_type) = contract::page_streams(&page, &item);
    let cursor = ident(&paging.cursor_param);
    let items = ident(&paging.items_field);
    let next_cursor = next_cursor(paging);
    let path: Vec<&str> = paging
        .next_cursor
        .iter()
        .map(|s| s.field.as_str())
        .collect();
    let (pages_cap, items_cap) = contract::max_pages_links();
    let pages_doc = docs::clean(&format!(
        " Every page, fetched lazily one at a time, following `{}` until the last page; \
         [`max_pages`]({pages_cap}) caps the pages fetched.",
        path.join(".")
    ));
    let items_doc = format!(
        " Every item of every page, fetched lazily page by page; memory stays that of one page. \
         [`max_pages`]({items_cap}) caps the pages fetched."
    );
    quote! {
        #[doc = #pages_doc]
        pub fn pages(self) -> #pages_type {
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

        #[doc = #items_doc]
        pub fn into_stream(self) -> #items_type {
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
