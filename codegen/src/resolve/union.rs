//! `oneOf`/`anyOf` → unions. A union is tagged when the spec gives a `discriminator` or when
//! every variant pins the same required property to a single string value (HubSpot's `type`);
//! otherwise it is untagged and variants are tried in order.

use openapiv3::{ReferenceOr, Schema, SchemaKind, Type};

use super::all_of::flat_view;
use super::schema::{SchemaRef, Shape};
use super::Resolver;
use crate::ir::{TypeKind, Union, UnionTag, Variant};
use crate::naming;
use crate::pointer::Pointer;

impl<'a> Resolver<'a> {
    /// Converts the variants of a union found at `pointer` (the `oneOf`/`anyOf` array).
    pub(super) fn union(
        &mut self,
        schema: &'a Schema,
        variants: &'a [ReferenceOr<Schema>],
        pointer: &Pointer,
        name: &str,
    ) -> Shape {
        if let [only] = variants {
            return Shape::Ref(self.type_of(only.into(), &pointer.push("0"), name));
        }
        let tags = self.discriminate(schema, variants, pointer);
        let mut used = naming::Names::from(naming::enum_members());
        let mut out = Vec::with_capacity(variants.len());
        for (i, variant) in variants.iter().enumerate() {
            let at = pointer.push(i.to_string());
            let (rust_name, tag_value, ty) = match &tags {
                Some((_, values)) => {
                    let value = values[i].clone();
                    let variant_name = naming::variant_name(&value);
                    let ty = self.type_of(
                        variant.into(),
                        &at,
                        &naming::synthetic::tagged_member(name, &variant_name),
                    );
                    (variant_name, Some(value), ty)
                }
                None => {
                    let ty = self.type_of(
                        variant.into(),
                        &at,
                        &naming::synthetic::union_member(name, i),
                    );
                    (naming::untagged_variant(&ty), None, ty)
                }
            };
            out.push(Variant {
                rust_name: naming::unique(rust_name, &mut used),
                tag_value,
                ty,
                boxed: false,
            });
        }
        let tag = match tags {
            Some((property, _)) => UnionTag::Property(property),
            None => UnionTag::Untagged,
        };
        Shape::Kind(TypeKind::Union(Union { tag, variants: out }))
    }

    /// The tag property and each variant's tag value, when the union is discriminated.
    fn discriminate(
        &mut self,
        schema: &'a Schema,
        variants: &'a [ReferenceOr<Schema>],
        pointer: &Pointer,
    ) -> Option<(String, Vec<String>)> {
        if let Some(discriminator) = &schema.schema_data.discriminator {
            let mut values = Vec::with_capacity(variants.len());
            for (i, variant) in variants.iter().enumerate() {
                let value = match variant {
                    ReferenceOr::Reference { reference } => discriminator
                        .mapping
                        .iter()
                        .find(|(_, target)| {
                            *target == reference
                                || reference.rsplit('/').next() == Some(target.as_str())
                        })
                        .map(|(value, _)| value.clone())
                        .or_else(|| reference.rsplit('/').next().map(str::to_owned)),
                    ReferenceOr::Item(item) => self
                        .constant_properties(item, &pointer.push(i.to_string()))
                        .into_iter()
                        .find(|(p, _)| *p == discriminator.property_name)
                        .map(|(_, v)| v),
                };
                match value {
                    Some(value) => values.push(value),
                    None => {
                        self.problem(&pointer.push(i.to_string()), format!(
                            "cannot tell this variant's `{}` value: expected a `$ref` or a single-value enum",
                            discriminator.property_name
                        ));
                        return None;
                    }
                }
            }
            return Some((discriminator.property_name.clone(), values));
        }
        self.infer_tag(variants, pointer)
    }

    /// Finds a property every variant requires with one fixed string value, all values distinct.
    fn infer_tag(
        &mut self,
        variants: &'a [ReferenceOr<Schema>],
        pointer: &Pointer,
    ) -> Option<(String, Vec<String>)> {
        let mut per_variant = Vec::with_capacity(variants.len());
        for (i, variant) in variants.iter().enumerate() {
            let (schema, at) = match SchemaRef::from(variant) {
                SchemaRef::Ref(reference) => {
                    let (schema, at, _) = self.schema_target(reference)?;
                    (schema, at)
                }
                SchemaRef::Item(schema) => (schema, pointer.push(i.to_string())),
            };
            per_variant.push(self.constant_properties(schema, &at));
        }
        let first = per_variant.first()?;
        let mut candidates: Vec<&String> = first
            .iter()
            .map(|(p, _)| p)
            .filter(|p| per_variant.iter().all(|c| c.iter().any(|(q, _)| q == *p)))
            .collect();
        candidates.sort_by_key(|p| (p.as_str() != "type", p.as_str()));
        for property in candidates {
            let values: Vec<String> = per_variant
                .iter()
                .map(|c| {
                    c.iter()
                        .find(|(q, _)| q == property)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                })
                .collect();
            let distinct: std::collections::BTreeSet<&String> = values.iter().collect();
            if distinct.len() == values.len() {
                return Some((property.clone(), values));
            }
        }
        None
    }

    /// Required properties of an object-like schema that admit exactly one string value.
    fn constant_properties(
        &mut self,
        schema: &'a Schema,
        pointer: &Pointer,
    ) -> Vec<(String, String)> {
        let Some(view) = flat_view(self, schema, pointer) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (name, property, _) in view.properties {
            if !view.required.contains(&name) {
                continue;
            }
            let property = match property {
                SchemaRef::Item(s) => Some(s),
                SchemaRef::Ref(r) => self.schema_target(r).map(|(s, ..)| s),
            };
            if let Some(value) = property.and_then(single_string_value) {
                out.push((name.to_owned(), value));
            }
        }
        out
    }
}

/// The only value a string schema admits, if it admits exactly one.
fn single_string_value(schema: &Schema) -> Option<String> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => match s.enumeration.as_slice() {
            [Some(value)] => Some(value.clone()),
            _ => None,
        },
        SchemaKind::Any(any) => match any.enumeration.as_slice() {
            [serde_json::Value::String(value)] => Some(value.clone()),
            _ => None,
        },
        _ => None,
    }
}
