//! String enums: one variant per value plus `Unknown(String)`, so a value the API adds later
//! still decodes and re-encodes unchanged (`From<&str>` keeps any text). `FromStr` is the strict
//! parse: only the exact wire values, else the runtime's `UnknownVariant` error. Serde impls go
//! through the runtime's helpers.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::types::ident;
use super::{contract, docs};
use crate::ir::StringEnum;
use crate::naming;

/// Tokens of one string enum and its impls.
pub fn string_enum(docs: &TokenStream, name: &Ident, e: &StringEnum) -> TokenStream {
    let deserialize = contract::deserialize_str_enum();
    let unknown = ident(naming::UNKNOWN_VARIANT);
    let param_value = contract::param_value();
    let variants: Vec<Ident> = e
        .values
        .iter()
        .map(|v| format_ident!("{}", v.rust_name))
        .collect();
    let wires: Vec<&str> = e.values.iter().map(|v| v.wire_name.as_str()).collect();
    let variant_docs = wires.iter().map(|w| docs::clean(&format!(" `{w}`")));
    let from_str = from_str(name, &wires);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #(#[doc = #variant_docs] #variants,)*
            /// A value this client does not know yet, kept as received.
            #unknown(::std::string::String),
        }

        impl #name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::#unknown(value) => value,
                }
            }
        }

        /// Any text: a value this client does not know becomes `Unknown` (how responses decode).
        /// Use `str::parse` to accept only the known values.
        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#wires => Self::#variants,)*
                    other => Self::#unknown(other.to_owned()),
                }
            }
        }

        #from_str

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                #deserialize(deserializer)
            }
        }

        impl #param_value for #name {
            fn to_param(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(self.as_str())
            }
        }
    }
}

/// `FromStr`: exactly the wire values `wires` (what `From<&str>` does not keep as `Unknown`),
/// else `UnknownVariant`.
fn from_str(name: &Ident, wires: &[&str]) -> TokenStream {
    let unknown = ident(naming::UNKNOWN_VARIANT);
    let (error, make_error) =
        contract::unknown_variant(&name.to_string(), quote!(value), quote!(&[#(#wires),*]));
    quote! {
        /// Only the values the spec lists, exactly as written on the wire (case-sensitive).
        impl ::std::str::FromStr for #name {
            type Err = #error;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                match Self::from(value) {
                    Self::#unknown(_) => ::std::result::Result::Err(#make_error),
                    known => ::std::result::Result::Ok(known),
                }
            }
        }
    }
}
