//! Id types (`x-id`): one newtype per kind of id, holding the id's text. Every parameter and
//! field of that kind takes and returns it, so a thread id flows from one call to the next and a
//! message id cannot go where a thread id belongs. Built from raw values with `From` (strings and
//! integers) or `parse`; written in JSON in the kind's form, as text in paths and queries.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::contract;
use crate::ir::{IdJson, IdType};

/// Tokens of one id type and its impls.
pub(super) fn id_type(docs: &TokenStream, name: &Ident, id: &IdType) -> TokenStream {
    let param_value = contract::param_value();
    let (deserialize_id, serialize_integer) = contract::id_serde();
    let (from_str, serialize) = match id.json {
        IdJson::String => (
            quote! {
                type Err = ::std::convert::Infallible;

                fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
                    ::std::result::Result::Ok(Self(text.to_owned()))
                }
            },
            quote!(serializer.serialize_str(&self.0)),
        ),
        IdJson::Integer => (
            quote! {
                type Err = ::std::num::ParseIntError;

                fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
                    text.parse::<i64>()?;
                    ::std::result::Result::Ok(Self(text.to_owned()))
                }
            },
            quote!(#serialize_integer(&self.0, serializer)),
        ),
    };
    let conversions = conversions(name);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct #name(::std::string::String);

        impl #name {
            /// The id with this text, as the API writes it.
            pub fn new(id: impl ::std::convert::Into<::std::string::String>) -> Self {
                Self(id.into())
            }

            /// The id's text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl ::std::str::FromStr for #name {
            #from_str
        }

        #conversions

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                #serialize
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                #deserialize_id(deserializer).map(Self)
            }
        }

        impl #param_value for #name {
            fn to_param(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(&self.0)
            }
        }
    }
}

/// `From` the raw values an id arrives as (`String`, `&String`, `&str`, and integers as `i64`),
/// back to text, and reading it as text (`Deref`, `Borrow` and `AsRef<str>`, so
/// `map.get("123")` and `option.as_deref()` work) and comparing it with text.
fn conversions(name: &Ident) -> TokenStream {
    // One integer type only, so an integer literal (`client.get_thread(7315416722)`) infers it.
    let integers = [quote!(i64)];
    quote! {
        impl ::std::convert::From<::std::string::String> for #name {
            fn from(id: ::std::string::String) -> Self {
                Self(id)
            }
        }

        impl ::std::convert::From<&str> for #name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl ::std::convert::From<&::std::string::String> for #name {
            fn from(id: &::std::string::String) -> Self {
                Self(id.clone())
            }
        }

        impl ::std::convert::From<&#name> for #name {
            fn from(id: &#name) -> Self {
                id.clone()
            }
        }

        #(
            impl ::std::convert::From<#integers> for #name {
                fn from(id: #integers) -> Self {
                    Self(id.to_string())
                }
            }
        )*

        impl ::std::convert::From<#name> for ::std::string::String {
            fn from(id: #name) -> Self {
                id.0
            }
        }

        impl ::std::ops::Deref for #name {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::borrow::Borrow<str> for #name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl ::std::convert::AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::cmp::PartialEq<str> for #name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl ::std::cmp::PartialEq<&str> for #name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    }
}
