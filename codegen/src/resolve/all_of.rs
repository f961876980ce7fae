//! `allOf` → one flattened struct. Members are merged in order (a later definition of a property
//! replaces an earlier one in place; `required` lists are united). A member that is the union
//! listing this very schema in its `oneOf`/`anyOf` — HubSpot's "child includes its parent"
//! pattern — adds nothing and is skipped, so the cycle never has to be unrolled.
//!
//! Each component is merged at most once into a struct (a schema reached twice through nested
//! `allOf`s adds its properties once), so flattening is linear in the struct's ancestry rather
//! than exponential. Flattening copies every ancestor's properties into each descendant, so a
//! deep chain grows quadratically: past a budget ([`FLATTEN_BUDGET`] plus four per property the
//! spec declares) the spec is refused with a located problem instead of emitting megabytes.

use std::collections::{HashMap, HashSet};

use openapiv3::{AdditionalProperties, ReferenceOr, Schema, SchemaKind, Type};

use super::schema::{ObjectView, SchemaRef, Shape};
use super::Resolver;
use crate::ir::TypeKind;
use crate::pointer::Pointer;

/// The most properties `allOf` flattening may produce across one spec, beyond four times the
/// properties it declares: far above real specs (HubSpot's flattens a few hundred), far below
/// what makes generation take minutes.
pub(super) const FLATTEN_BUDGET: usize = 10_000;

/// The deepest `allOf` inheritance followed (schemas including schemas that include schemas…):
/// far beyond real specs, and well within the stack.
const MAX_DEPTH: usize = 256;

/// The properties the component schemas of a spec declare themselves (inline `allOf` members
/// included), which scale the flattening budget.
pub(super) fn declared_properties(spec: &openapiv3::OpenAPI) -> usize {
    fn count(schema: &Schema) -> usize {
        let inline = |members: &[ReferenceOr<Schema>]| -> usize {
            members.iter().filter_map(|m| m.as_item()).map(count).sum()
        };
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(o)) => o.properties.len(),
            SchemaKind::AllOf { all_of } => inline(all_of),
            SchemaKind::Any(any) => any.properties.len() + inline(&any.all_of),
            _ => 0,
        }
    }
    let schemas = spec.components.iter().flat_map(|c| c.schemas.values());
    schemas.filter_map(|s| s.as_item()).map(count).sum()
}

#[derive(Default)]
struct Merged<'a> {
    view: Option<ObjectView<'a>>,
    /// Where each property name sits in `view.properties`.
    positions: HashMap<&'a str, usize>,
    /// Component schemas already merged in (their pointers).
    seen: HashSet<String>,
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
            match self.positions.get(name).map(|&at| &mut view.properties[at]) {
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
                None => {
                    self.positions.insert(name, view.properties.len());
                    view.properties.push((name, schema, pointer));
                }
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
        let mut chain: HashSet<String> = HashSet::from([pointer.to_string()]);
        self.merge_members(members, &pointer.push("allOf"), &mut chain, &mut merged);
        for (at, message) in std::mem::take(&mut merged.conflicts) {
            self.problem(&at, message);
        }
        if self.flattened > self.flatten_budget && !self.over_budget {
            self.over_budget = true;
            self.problem(
                pointer,
                format!(
                    "flattening `allOf` copies every ancestor's properties into each descendant, \
                     and this spec's chains reach more than {} properties here: \
                     expected shallower `allOf` inheritance",
                    self.flatten_budget
                ),
            );
        }
        if self.over_budget {
            // The spec is refused; convert nothing more of it.
            merged.view = None;
            merged.parents.clear();
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
        chain: &mut HashSet<String>,
        merged: &mut Merged<'a>,
    ) {
        for (i, member) in members.iter().enumerate() {
            if self.flattened > self.flatten_budget {
                return;
            }
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
                    if !merged.seen.insert(target_pointer.to_string()) {
                        continue;
                    }
                    // Each component is merged once (`seen`), so each parent is listed once.
                    if let Some(parent) = self.component_names.get(key) {
                        merged.parents.push(parent.clone());
                    }
                    if chain.len() > MAX_DEPTH {
                        if !self.over_budget {
                            self.over_budget = true;
                            self.problem(
                                &at,
                                format!("`allOf` inheritance here is more than {MAX_DEPTH} schemas deep: expected a shallower chain of `allOf` parents"),
                            );
                        }
                        continue;
                    }
                    chain.insert(target_pointer.to_string());
                    self.merge_schema(target, &target_pointer, chain, merged);
                    chain.remove(&target_pointer.to_string());
                }
                SchemaRef::Item(schema) => self.merge_schema(schema, &at, chain, merged),
            }
        }
    }

    fn merge_schema(
        &mut self,
        schema: &'a Schema,
        pointer: &Pointer,
        chain: &mut HashSet<String>,
        merged: &mut Merged<'a>,
    ) {
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(o)) => self.add(merged, ObjectView::of_properties(
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
                self.add(merged, ObjectView::of_properties(
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

    /// Merges `view` into `merged`, counting its properties against the flattening budget.
    fn add(&mut self, merged: &mut Merged<'a>, view: ObjectView<'a>) {
        self.flattened += view.properties.len();
        merged.add(view);
    }

    /// Whether `schema` is a union that lists one of `pointers` among its variants.
    fn lists_any_of(&self, schema: &Schema, pointers: &HashSet<String>) -> bool {
        let variants = match &schema.schema_kind {
            SchemaKind::OneOf { one_of } => one_of,
            SchemaKind::AnyOf { any_of } => any_of,
            SchemaKind::Any(any) if !any.one_of.is_empty() => &any.one_of,
            SchemaKind::Any(any) => &any.any_of,
            _ => return false,
        };
        variants.iter().any(|v| match v {
            ReferenceOr::Reference { reference } => pointers.contains(reference.as_str()),
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
    let mut chain: HashSet<String> = HashSet::from([pointer.to_string()]);
    let (before, flattened) = (resolver.problems.len(), resolver.flattened);
    resolver.merge_schema(schema, pointer, &mut chain, &mut merged);
    // Inference only peeks: problems are reported, and properties counted, when the variant
    // itself is converted.
    resolver.problems.truncate(before);
    resolver.flattened = flattened;
    merged.view
}
