//! Streams for cursor-paged list operations: `pages()` yields each page, `into_stream()` each
//! item, both fetching lazily through the runtime's paginator.

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::ident;
use super::paths;
use super::types::{rust_type, Scope};
use crate::ir::Pagination;

/// The `pages` and `into_stream` methods of a paged operation's builder.
pub(super) fn streams(paging: &Pagination) -> TokenStream {
    let runtime = paths::runtime();
    let page = rust_type(&paging.page_type, Scope::Operations);
    let item = rust_type(&paging.item_type, Scope::Operations);
    let cursor = ident(&paging.cursor_param);
    let items = ident(&paging.items_field);
    let mut chain = quote!(page);
    for step in &paging.next_cursor {
        let field = ident(&step.field);
        chain = if step.optional {
            quote!(#chain.#field.as_ref()?)
        } else {
            quote!(#chain.#field)
        };
    }
    let path: Vec<&str> = paging
        .next_cursor
        .iter()
        .map(|s| s.field.as_str())
        .collect();
    let pages_doc = format!(
        " Every page, fetched lazily one at a time, following `{}` until the last page.",
        path.join(".")
    );
    quote! {
        #[doc = #pages_doc]
        pub fn pages(
            self,
        ) -> impl #runtime::Stream<Item = ::std::result::Result<#page, #runtime::Error>> + ::std::marker::Unpin + 'a {
            #runtime::pagination::pages(
                self,
                |mut builder: Self, cursor: ::std::option::Option<::std::string::String>| async move {
                    if cursor.is_some() {
                        builder.#cursor = cursor;
                    }
                    builder.send().await
                },
                |page: &#page| -> ::std::option::Option<::std::string::String> {
                    ::std::option::Option::Some(#chain.clone())
                },
            )
        }

        /// Every item of every page, fetched lazily page by page; memory stays that of one page.
        pub fn into_stream(
            self,
        ) -> impl #runtime::Stream<Item = ::std::result::Result<#item, #runtime::Error>> + ::std::marker::Unpin + 'a {
            #runtime::pagination::items(self.pages(), |page: #page| page.#items)
        }
    }
}
