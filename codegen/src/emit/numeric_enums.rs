//! Integer and number enums: one variant per value plus `Unknown(T)`, written and read as the
//! bare number, so a value the API adds later still decodes and re-encodes unchanged. `FromStr`
//! parses the number and accepts only the values the spec lists.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::types::{ident, rust_type, Scope};
use super::{contract, docs};
use crate::ir::{NumericEnum, TypeRef};
use crate::naming;

/// Tokens of one numeric enum and its impls.
pub fn numeric_enum(docs: &TokenStream, name: &Ident, e: &NumericEnum) -> TokenStream {
    let unknown = ident(naming::UNKNOWN_VARIANT);
    let ty = rust_type(&TypeRef::Primitive(e.primitive), Scope::Models);
    let variants: Vec<Ident> = e
        .values
        .iter()
        .map(|v| format_ident!("{}", v.rust_name))
        .collect();
    let literals: Vec<TokenStream> = e
        .values
        .iter()
        .map(|v| {
            v.literal
                .parse()
                .expect("numeric enum literals are formatted numbers")
        })
        .collect();
    let variant_docs = e
        .values
        .iter()
        .map(|v| docs::clean(&format!(" `{}`", v.literal)));
    let integer = e.primitive.is_integer();
    let derives = if integer {
        quote!(#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)])
    } else {
        quote!(#[derive(Debug, Clone, Copy, PartialEq)])
    };
    // Integers match on the value; numbers compare (a float cannot be a pattern).
    let from_value = if integer {
        quote! {
            match value {
                #(#literals => Self::#variants,)*
                other => Self::#unknown(other),
            }
        }
    } else {
        quote! {
            #(if value == #literals { return Self::#variants; })*
            Self::#unknown(value)
        }
    };
    let allow_float_cmp = (!integer).then(|| quote!(#[allow(clippy::float_cmp)]));
    let wire = wire_impls(name, &ty);
    let literals_text: Vec<&str> = e.values.iter().map(|v| v.literal.as_str()).collect();
    let from_str = from_str(name, &ty, &literals_text);
    quote! {
        #docs
        #derives
        #[non_exhaustive]
        pub enum #name {
            #(#[doc = #variant_docs] #variants,)*
            /// A value this client does not know yet, kept as received.
            #unknown(#ty),
        }

        impl #name {
            /// The value as sent on the wire.
            pub fn value(self) -> #ty {
                match self {
                    #(Self::#variants => #literals,)*
                    Self::#unknown(value) => value,
                }
            }
        }

        impl ::std::convert::From<#ty> for #name {
            #allow_float_cmp
            fn from(value: #ty) -> Self {
                #from_value
            }
        }

        #from_str

        #wire
    }
}

/// `FromStr`: the number, when it is one of `literals`; else `UnknownVariant`.
fn from_str(name: &Ident, ty: &TokenStream, literals: &[&str]) -> TokenStream {
    let unknown = ident(naming::UNKNOWN_VARIANT);
    let (error, make_error) =
        contract::unknown_variant(&name.to_string(), quote!(value), quote!(&[#(#literals),*]));
    quote! {
        /// Only the values the spec lists, written as numbers.
        impl ::std::str::FromStr for #name {
            type Err = #error;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                match value.parse::<#ty>().map(Self::from) {
                    ::std::result::Result::Ok(Self::#unknown(_)) | ::std::result::Result::Err(_) => {
                        ::std::result::Result::Err(#make_error)
                    }
                    ::std::result::Result::Ok(known) => ::std::result::Result::Ok(known),
                }
            }
        }
    }
}

/// `Display`, serde and `ParamValue` impls: the enum reads and writes as its bare value.
fn wire_impls(name: &Ident, ty: &TokenStream) -> TokenStream {
    let param_value = contract::param_value();
    quote! {
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.value(), f)
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&self.value(), serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                <#ty as ::serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }

        impl #param_value for #name {
            fn to_param(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Owned(self.value().to_string())
            }
        }
    }
}
