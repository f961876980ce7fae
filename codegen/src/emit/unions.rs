//! Unions. Tagged ones become internally tagged enums (`#[serde(tag = "...")]`) with an
//! `Unknown(serde_json::Value)` catch-all for tag values added later, decoded in one pass by the
//! runtime's `TaggedUnion`; a known tag whose body does not match is an error, never silently
//! `Unknown`. Untagged ones try variants in order. Both get the `From` impls and shared-field
//! accessors of `union_methods`.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::types::{ident, Scope};
use super::{contract, docs, types, union_methods};
use crate::ir::{Api, Union, UnionTag, ValueShape, Variant};
use crate::naming;

/// Tokens of one union and its impls.
pub fn union(api: &Api, docs: &TokenStream, name: &Ident, u: &Union) -> TokenStream {
    let enumeration = match &u.tag {
        UnionTag::Property(tag) => tagged(docs, name, tag, &u.variants),
        UnionTag::Untagged => untagged(docs, name, &u.variants),
    };
    let conversions = union_methods::conversions(api, name, u);
    let accessors = union_methods::accessors(api, name, u);
    let parameter = parameter(api, name, u);
    quote! {
        #enumeration
        #accessors
        #conversions
        #parameter
    }
}

/// How a union of scalars (and arrays of them) is written as a parameter: the branch it holds,
/// as one value or as a list ([`crate::ir::union_shape`]). Nothing for other unions.
fn parameter(api: &Api, name: &Ident, u: &Union) -> TokenStream {
    let idents: Vec<Ident> = u
        .variants
        .iter()
        .map(|v| format_ident!("{}", v.rust_name))
        .collect();
    let param_value = contract::param_value();
    match crate::ir::union_shape(u, &api.types) {
        Some(ValueShape::Scalar) => quote! {
            impl #param_value for #name {
                fn to_param(&self) -> ::std::borrow::Cow<'_, str> {
                    match self {
                        #(Self::#idents(value) => #param_value::to_param(value),)*
                    }
                }
            }
        },
        Some(ValueShape::ScalarOrList) => {
            let param_values = contract::param_values();
            let arms = u.variants.iter().zip(&idents).map(|(v, ident)| {
                if crate::ir::value_shape(&v.ty, &api.types) == Some(ValueShape::List) {
                    quote!(Self::#ident(values) => values.iter().map(|value| #param_value::to_param(value)).collect(),)
                } else {
                    quote!(Self::#ident(value) => ::std::vec::Vec::from([#param_value::to_param(value)]),)
                }
            });
            quote! {
                impl #param_values for #name {
                    fn param_values(&self) -> ::std::vec::Vec<::std::borrow::Cow<'_, str>> {
                        match self {
                            #(#arms)*
                        }
                    }
                }
            }
        }
        _ => quote!(),
    }
}

fn payload(v: &Variant) -> TokenStream {
    let ty = types::rust_type(&v.ty, Scope::Models);
    if v.boxed {
        quote!(::std::boxed::Box<#ty>)
    } else {
        ty
    }
}

fn tagged(docs: &TokenStream, name: &Ident, tag: &str, variants: &[Variant]) -> TokenStream {
    let (tagged_union, variant_body, deserialize_tagged) = contract::tagged_union();
    let unknown = ident(naming::UNKNOWN_VARIANT);
    let idents: Vec<Ident> = variants
        .iter()
        .map(|v| format_ident!("{}", v.rust_name))
        .collect();
    let values: Vec<&str> = variants
        .iter()
        .map(|v| v.tag_value.as_deref().unwrap_or_default())
        .collect();
    let payloads: Vec<TokenStream> = variants.iter().map(payload).collect();
    let variant_docs = values
        .iter()
        .map(|v| docs::clean(&format!(" `{tag}: {v}`")));
    let unknown_doc = docs::clean(&format!(
        " A `{tag}` this client does not know yet, kept as received."
    ));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(tag = #tag)]
        #[non_exhaustive]
        pub enum #name {
            #(
                #[doc = #variant_docs]
                #[serde(rename = #values)]
                #idents(#payloads),
            )*
            #[doc = #unknown_doc]
            #[serde(untagged)]
            #unknown(::serde_json::Value),
        }

        impl #tagged_union for #name {
            const TAG: &'static str = #tag;

            fn decode_variant<'de, A: ::serde::de::MapAccess<'de>>(
                tag: &str,
                body: #variant_body<'_, 'de, A>,
            ) -> ::std::result::Result<Self, A::Error> {
                ::std::result::Result::Ok(match tag {
                    #(#values => Self::#idents(body.decode()?),)*
                    _ => Self::#unknown(body.unknown()?),
                })
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                #deserialize_tagged(deserializer)
            }
        }
    }
}

fn untagged(docs: &TokenStream, name: &Ident, variants: &[Variant]) -> TokenStream {
    let idents = variants.iter().map(|v| format_ident!("{}", v.rust_name));
    let payloads = variants.iter().map(payload);
    let variant_docs = variants.iter().map(|v| format!(" `{}`", v.rust_name));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(untagged)]
        pub enum #name {
            #(#[doc = #variant_docs] #idents(#payloads),)*
        }
    }
}
