//! What a union offers besides its variants: `From<Payload>` for each variant whose payload type
//! no other variant has, and an accessor for each field every variant's struct has (same JSON
//! name, same Rust type), such as `message.id()`. Which ones a union gets is decided here, for
//! the emitter and for `diff`.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::docs;
use super::types::{canonical, definition, ident, is_option, rust_type, Scope};
use crate::ir::{Api, Field, Primitive, TypeKind, TypeRef, Union, UnionTag, Variant};
use crate::naming;

/// The variants of the union `name` that get a `From` impl: those whose payload is a Rust type
/// no other variant holds (two impls for one type would conflict) and is not the union itself.
pub(crate) fn convertible_variants<'u>(api: &Api, name: &str, u: &'u Union) -> Vec<&'u Variant> {
    let types: Vec<TypeRef> = u.variants.iter().map(|v| canonical(api, &v.ty)).collect();
    let itself = TypeRef::Named(name.to_owned());
    u.variants
        .iter()
        .zip(&types)
        .filter(|(_, ty)| **ty != itself && types.iter().filter(|t| t == ty).count() == 1)
        .map(|(v, _)| v)
        .collect()
}

/// The fields every variant of `u` shares, each as the field of every variant's struct in
/// variant order, in the order of the first variant's fields. A field is shared when each
/// variant's struct has one of the same JSON name and the same Rust type. None unless every
/// variant is a struct.
pub(crate) fn shared_fields<'a>(api: &'a Api, u: &Union) -> Vec<Vec<&'a Field>> {
    let structs: Option<Vec<_>> = u
        .variants
        .iter()
        .map(|v| match definition(api, &v.ty).map(|d| &d.kind) {
            Some(TypeKind::Struct(s)) => Some(s),
            _ => None,
        })
        .collect();
    let Some((first, rest)) = structs.as_deref().and_then(<[_]>::split_first) else {
        return Vec::new();
    };
    first
        .fields
        .iter()
        .filter_map(|field| {
            let ty = canonical(api, &field.ty);
            let mut fields = vec![field];
            for s in rest {
                let same = s
                    .fields
                    .iter()
                    .find(|f| f.wire_name == field.wire_name && canonical(api, &f.ty) == ty)?;
                fields.push(same);
            }
            Some(fields)
        })
        .collect()
}

/// `impl From<Payload> for Name` for each of [`convertible_variants`].
pub(super) fn conversions(api: &Api, name: &Ident, u: &Union) -> TokenStream {
    let impls = convertible_variants(api, &name.to_string(), u)
        .into_iter()
        .map(|v| {
            let payload = rust_type(&v.ty, Scope::Models);
            let variant = ident(&v.rust_name);
            let value = if v.boxed {
                quote!(::std::boxed::Box::new(value))
            } else {
                quote!(value)
            };
            quote! {
                impl ::std::convert::From<#payload> for #name {
                    fn from(value: #payload) -> Self {
                        Self::#variant(#value)
                    }
                }
            }
        });
    quote!(#(#impls)*)
}

/// An accessor of a field every variant of a union shares: `pub fn <name>(&self) -> Option<..>`.
pub(crate) struct Accessor<'a> {
    /// The method name: the first variant's field name, kept clear of [`naming::union_members`].
    pub name: String,
    /// The field's type, aliases followed.
    pub ty: TypeRef,
    /// The field in each variant's struct, in variant order (see [`shared_fields`]).
    pub fields: Vec<&'a Field>,
}

/// The accessors of `u`: one per [`shared_fields`] entry.
pub(crate) fn accessors_of<'a>(api: &'a Api, u: &Union) -> Vec<Accessor<'a>> {
    let mut used = naming::Names::from(naming::union_members());
    shared_fields(api, u)
        .into_iter()
        .map(|fields| Accessor {
            name: naming::unique(fields[0].rust_name.clone(), &mut used),
            ty: canonical(api, &fields[0].ty),
            fields,
        })
        .collect()
}

/// `impl Name { pub fn <field>(&self) -> Option<&T> }` for each of [`accessors_of`].
pub(super) fn accessors(api: &Api, name: &Ident, u: &Union) -> TokenStream {
    let accessors = accessors_of(api, u);
    if accessors.is_empty() {
        return quote!();
    }
    let unknown = matches!(u.tag, UnionTag::Property(_)).then(|| {
        let unknown = ident(naming::UNKNOWN_VARIANT);
        quote!(Self::#unknown(_) => ::std::option::Option::None,)
    });
    let methods = accessors.iter().map(|accessor| {
        let method = ident(&accessor.name);
        let arms = u.variants.iter().zip(&accessor.fields).map(|(v, f)| {
            let variant = ident(&v.rust_name);
            let read = read(f, &accessor.ty);
            quote!(Self::#variant(value) => #read,)
        });
        let always = accessor.fields.iter().all(|f| !is_option(f));
        let doc = accessor_doc(&accessor.fields[0].wire_name, always, unknown.is_some());
        let output = output_type(&accessor.ty);
        quote! {
            #[doc = #doc]
            pub fn #method(&self) -> ::std::option::Option<#output> {
                match self {
                    #(#arms)*
                    #unknown
                }
            }
        }
    });
    quote! {
        impl #name {
            #(#methods)*
        }
    }
}

/// The accessor's doc: which field it reads and when it is `None`.
fn accessor_doc(wire: &str, always: bool, unknown: bool) -> String {
    let wire = docs::clean(wire);
    match (always, unknown) {
        (true, true) => format!(
            " The `{wire}` every variant has; `None` only for a variant this client does not know."
        ),
        (true, false) => format!(" The `{wire}` every variant has (always `Some`)."),
        (false, true) => format!(
            " The `{wire}` every variant may have; `None` when it is absent or the variant is one \
             this client does not know."
        ),
        (false, false) => format!(" The `{wire}` every variant may have; `None` when absent."),
    }
}

/// What an accessor of a field of type `ty` returns inside its `Option`: `&str` for strings, a
/// slice for lists, else a reference.
fn output_type(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Primitive(Primitive::String) => quote!(&str),
        TypeRef::List(item) => {
            let item = rust_type(item, Scope::Models);
            quote!(&[#item])
        }
        other => {
            let ty = rust_type(other, Scope::Models);
            quote!(&#ty)
        }
    }
}

/// The expression reading field `f` (of type `ty`, aliases followed) of the variant struct
/// `value` as the accessor returns it.
fn read(f: &Field, ty: &TypeRef) -> TokenStream {
    let field = ident(&f.rust_name);
    let some = |value: TokenStream| quote!(::std::option::Option::Some(#value));
    match ty {
        _ if is_option(f)
            && (f.boxed
                || matches!(ty, TypeRef::Primitive(Primitive::String) | TypeRef::List(_))) =>
        {
            quote!(value.#field.as_deref())
        }
        _ if is_option(f) => quote!(value.#field.as_ref()),
        _ if f.boxed => some(quote!(&*value.#field)),
        TypeRef::Primitive(Primitive::String) => some(quote!(value.#field.as_str())),
        TypeRef::List(_) => some(quote!(value.#field.as_slice())),
        _ => some(quote!(&value.#field)),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proc_macro2::TokenStream;

    use crate::ir::TypeKind;

    /// Every method of the trait impls a union gets is one `naming` reserves, so no accessor
    /// shadows it.
    #[test]
    fn union_trait_methods_are_reserved_in_naming() {
        let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Event:\n      oneOf: [{$ref: '#/components/schemas/Created'}, {$ref: '#/components/schemas/Deleted'}]\n      discriminator: {propertyName: kind}\n    Created: {type: object, required: [kind, id], properties: {kind: {type: string}, id: {type: string}}}\n    Deleted: {type: object, required: [kind, id], properties: {kind: {type: string}, id: {type: string}}}\n    Value:\n      oneOf: [{type: string}, {type: integer}]\n    Values:\n      oneOf: [{type: string}, {type: array, items: {type: string}}]\n";
        let api = crate::parse_api(Path::new("t.yaml"), spec).unwrap();
        let reserved = crate::naming::union_members();
        let mut accessors = Vec::new();
        for (name, def) in &api.types {
            let TypeKind::Union(u) = &def.kind else {
                continue;
            };
            let tokens =
                super::super::unions::union(&api, &TokenStream::new(), &super::ident(name), u);
            let file: syn::File = syn::parse2(tokens).unwrap();
            for item in &file.items {
                let syn::Item::Impl(block) = item else {
                    continue;
                };
                for member in &block.items {
                    let syn::ImplItem::Fn(f) = member else {
                        continue;
                    };
                    let method = f.sig.ident.to_string();
                    if block.trait_.is_some() {
                        assert!(
                            reserved.contains(&method),
                            "`{method}` is not reserved in naming"
                        );
                    } else {
                        accessors.push(method);
                    }
                }
            }
        }
        assert_eq!(accessors, ["id"]);
    }
}
