//! `allOf` → one flattened struct. Members are merged in order (a later definition of a property
//! replaces an earlier one in place; `required` lists are united). A member that is the union
//! listing this very schema in its `oneOf`/`anyOf` — HubSpot's "child includes its parent"
//! pattern — adds nothing and is skipped, so the cycle never has to be unrolled.

use openapiv3::{AdditionalProperties, ReferenceOr, Schema, SchemaKind, Type};

use super::schema::{ObjectView, SchemaRef, Shape};
use super::Resolver;
use crate::ir::TypeKind;
use crate::pointer::Pointer;

#[derive(Default)]
struct Merged<'a> {
    view: Option<ObjectView<'a>>,
    /// Properties two members declare with incompatible types: (later pointer, message).
    conflicts: Vec<(Pointer, String)>,
    /// Rust names of the component schemas merged in, in order.
    parents: Vec<String>,
}

/// The JSON type an inline schema declares, if it declares exactly one.
fn declared_type(schema: &SchemaRef<'_>) -> Option<&'static str> {
    let SchemaRef::Item(schema) = schema else {
        return None;
    };
    Some(match &schema.schema_kind {
        SchemaKind::Type(Type::String(_)) => "string",
        SchemaKind::Type(Type::Integer(_)) => "integer",
        SchemaKind::Type(Type::Number(_)) => "number",
        SchemaKind::Type(Type::Boolean(_)) => "boolean",
        SchemaKind::Type(Type::Array(_)) => "array",
        SchemaKind::Type(Type::Object(_)) => "object",
        _ => return None,
    })
}

impl<'a> Merged<'a> {
    fn add(&mut self, other: ObjectView<'a>) {
        let view = self.view.get_or_insert_with(|| ObjectView {
            properties: Vec::new(),
            required: Vec::new(),
            additional: None,
        });
        for (name, schema, pointer) in other.properties {
            match view.properties.iter_mut().find(|(n, ..)| *n == name) {
                Some(slot) => {
                    // A later member may refine a property (add an enum, a format, docs);
                    // declaring another type makes the property unsatisfiable.
                    if let (Some(old), Some(new)) = (declared_type(&slot.1), declared_type(&schema))
                    {
                        let numeric =
                            matches!((old, new), ("integer", "number") | ("number", "integer"));
                        if old != new && !numeric {
                            let message = format!(
                                "`allOf` members give property `{name}` conflicting types `{old}` (at {}) and `{new}`: expected compatible types",
                                slot.2
                            );
                            self.conflicts.push((pointer.clone(), message));
                        }
                    }
                    *slot = (name, schema, pointer)
                }
                None => view.properties.push((name, schema, pointer)),
            }
        }
        for name in other.required {
            if !view.required.contains(&name) {
                view.required.push(name);
            }
        }
        if other.additional.is_some() {
            view.additional = other.additional;
        }
    }
}

impl<'a> Resolver<'a> {
    /// Flattens `allOf` members into one object shape.
    pub(super) fn all_of(
        &mut self,
        members: &'a [ReferenceOr<Schema>],
        pointer: &Pointer,
        name: &str,
    ) -> Shape {
        if let [only @ ReferenceOr::Reference { .. }] = members {
            return Shape::Ref(self.type_of(only.into(), &pointer.push("allOf").push("0"), name));
        }
        let mut merged = Merged::default();
        let mut chain = vec![pointer.to_string()];
        self.merge_members(members, &pointer.push("allOf"), &mut chain, &mut merged);
        for (at, message) in std::mem::take(&mut merged.conflicts) {
            self.problem(&at, message);
        }
        let view = merged.view.unwrap_or(ObjectView {
            properties: Vec::new(),
            required: Vec::new(),
            additional: Some(&AdditionalProperties::Any(false)),
        });
        match self.object(view, pointer, name) {
            Shape::Kind(TypeKind::Struct(mut s)) => {
                s.parents = merged.parents;
                Shape::Kind(TypeKind::Struct(s))
            }
            shape => shape,
        }
    }

    fn merge_members(
        &mut self,
        members: &'a [ReferenceOr<Schema>],
        base: &Pointer,
        chain: &mut Vec<String>,
        merged: &mut Merged<'a>,
    ) {
        for (i, member) in members.iter().enumerate() {
            let at = base.push(i.to_string());
            match SchemaRef::from(member) {
                SchemaRef::Ref(reference) => {
                    let Some((target, target_pointer, key)) = self.schema_target(reference) else {
                        self.problem(&at, super::refs::dangling(reference, "schemas"));
                        continue;
                    };
                    if self.lists_any_of(target, chain) {
                        continue;
                    }
                    if chain.contains(&target_pointer.to_string()) {
                        self.problem(
                            &at,
                            format!(
                                "`allOf` includes `{reference}`, which includes this schema again"
                            ),
                        );
                        continue;
                    }
                    if let Some(parent) = self.component_names.get(key) {
                        if !merged.parents.contains(parent) {
                            merged.parents.push(parent.clone());
                        }
                    }
                    chain.push(target_pointer.to_string());
                    self.merge_schema(target, &target_pointer, chain, merged);
                    chain.pop();
                }
                SchemaRef::Item(schema) => self.merge_schema(schema, &at, chain, merged),
            }
        }
    }

    fn merge_schema(
        &mut self,
        schema: &'a Schema,
        pointer: &Pointer,
        chain: &mut Vec<String>,
        merged: &mut Merged<'a>,
    ) {
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(o)) => merged.add(ObjectView::of_properties(
                &o.properties,
                &o.required,
                o.additional_properties.as_ref(),
                pointer,
            )),
            SchemaKind::AllOf { all_of } => self.merge_members(all_of, &pointer.push("allOf"), chain, merged),
            SchemaKind::Any(any) if any.one_of.is_empty() && any.any_of.is_empty() => {
                if !any.all_of.is_empty() {
                    self.merge_members(&any.all_of, &pointer.push("allOf"), chain, merged);
                }
                merged.add(ObjectView::of_properties(
                    &any.properties,
                    &any.required,
                    any.additional_properties.as_ref(),
                    pointer,
                ));
            }
            _ => self.problem(
                pointer,
                "`allOf` member is not an object: expected `type: object`, properties, or a `$ref` to one",
            ),
        }
    }

    /// Whether `schema` is a union that lists one of `pointers` among its variants.
    fn lists_any_of(&self, schema: &Schema, pointers: &[String]) -> bool {
        let variants = match &schema.schema_kind {
            SchemaKind::OneOf { one_of } => one_of,
            SchemaKind::AnyOf { any_of } => any_of,
            SchemaKind::Any(any) if !any.one_of.is_empty() => &any.one_of,
            SchemaKind::Any(any) => &any.any_of,
            _ => return false,
        };
        variants.iter().any(|v| match v {
            ReferenceOr::Reference { reference } => pointers.iter().any(|p| p == reference),
            ReferenceOr::Item(_) => false,
        })
    }
}

/// Properties and required names an object-like schema (possibly `allOf`) ends up with,
/// for discriminator inference. `None` when it is not object-like.
pub(super) fn flat_view<'a>(
    resolver: &mut Resolver<'a>,
    schema: &'a Schema,
    pointer: &Pointer,
) -> Option<ObjectView<'a>> {
    let mut merged = Merged::default();
    let mut chain = vec![pointer.to_string()];
    let before = resolver.problems.len();
    resolver.merge_schema(schema, pointer, &mut chain, &mut merged);
    // Inference only peeks: problems are reported when the variant itself is converted.
    resolver.problems.truncate(before);
    merged.view
}
