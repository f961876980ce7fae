//! Schemas → IR types: primitives, string enums, objects, maps and arrays; `allOf` and unions
//! are handed to their own modules. Inline schemas that need a Rust item get a name from their
//! context (`Thread` + `status` → `ThreadStatus`).

use openapiv3::{
    AdditionalProperties, AnySchema, IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};

use super::refs::component_key;
use super::Resolver;
use crate::ir::{EnumValue, Field, Primitive, StringEnum, Struct, TypeDef, TypeKind, TypeRef};
use crate::naming;
use crate::pointer::Pointer;

/// A borrowed schema or reference, whichever box it came in.
#[derive(Clone, Copy)]
pub(super) enum SchemaRef<'a> {
    /// `$ref: ...`
    Ref(&'a str),
    /// An inline schema.
    Item(&'a Schema),
}

impl<'a> From<&'a ReferenceOr<Schema>> for SchemaRef<'a> {
    fn from(value: &'a ReferenceOr<Schema>) -> Self {
        match value {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Item(schema),
        }
    }
}

impl<'a> From<&'a ReferenceOr<Box<Schema>>> for SchemaRef<'a> {
    fn from(value: &'a ReferenceOr<Box<Schema>>) -> Self {
        match value {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Item(schema),
        }
    }
}

/// The object part of a schema: its properties, required list and extra-keys policy.
pub(super) struct ObjectView<'a> {
    pub properties: Vec<(&'a str, SchemaRef<'a>, Pointer)>,
    pub required: Vec<&'a str>,
    pub additional: Option<&'a AdditionalProperties>,
}

/// What a schema turns into: a kind that needs a named item, or a plain type use.
pub(super) enum Shape {
    Kind(TypeKind),
    Ref(TypeRef),
}

/// Documentation of a schema: its description, else its title.
pub(super) fn docs_of(schema: &Schema) -> Option<String> {
    let data = &schema.schema_data;
    data.description.clone().or_else(|| data.title.clone())
}

impl<'a> Resolver<'a> {
    /// Defines the component schema `name` found at `pointer`.
    pub(super) fn define_component(
        &mut self,
        name: &str,
        schema: &'a ReferenceOr<Schema>,
        pointer: &Pointer,
    ) {
        let (kind, docs) = match schema {
            ReferenceOr::Reference { reference } => {
                if self.schema_target(reference).is_none() && self.component_exists(reference) {
                    self.problem(
                        pointer,
                        format!("`$ref: {reference}` leads back to itself: expected a chain of references ending in a schema"),
                    );
                }
                (
                    TypeKind::Alias(self.type_of(schema.into(), pointer, name)),
                    None,
                )
            }
            ReferenceOr::Item(item) => match self.shape(item, pointer, name) {
                Shape::Kind(kind) => (kind, docs_of(item)),
                Shape::Ref(ty) => (TypeKind::Alias(ty), docs_of(item)),
            },
        };
        self.insert_type(name, pointer, docs, kind);
    }

    pub(super) fn insert_type(
        &mut self,
        name: &str,
        pointer: &Pointer,
        docs: Option<String>,
        kind: TypeKind,
    ) {
        self.types.insert(
            name.to_owned(),
            TypeDef {
                name: name.to_owned(),
                pointer: pointer.to_string(),
                docs,
                kind,
                // Settled once every operation is converted (`passes`).
                usage: Default::default(),
            },
        );
    }

    /// The type a schema or `$ref` denotes; inline schemas needing an item are named from `hint`.
    pub(super) fn type_of(
        &mut self,
        schema: SchemaRef<'a>,
        pointer: &Pointer,
        hint: &str,
    ) -> TypeRef {
        match schema {
            SchemaRef::Ref(reference) => {
                let name = component_key(reference, "schemas")
                    .and_then(|key| self.component_names.get(key).cloned());
                match name {
                    Some(name) => TypeRef::Named(name),
                    None => {
                        self.problem(pointer, super::refs::dangling(reference, "schemas"));
                        TypeRef::Any
                    }
                }
            }
            SchemaRef::Item(schema) => self.inline(schema, pointer, hint),
        }
    }

    fn inline(&mut self, schema: &'a Schema, pointer: &Pointer, hint: &str) -> TypeRef {
        if let Some(known) = self.inline_cache.get(pointer.as_str()) {
            return known.clone();
        }
        let ty = match self.shape(schema, pointer, hint) {
            Shape::Ref(ty) => ty,
            Shape::Kind(kind) => {
                let name = self.fresh_name(hint);
                self.insert_type(&name, pointer, docs_of(schema), kind);
                TypeRef::Named(name)
            }
        };
        self.inline_cache.insert(pointer.to_string(), ty.clone());
        ty
    }

    /// Decides what a schema becomes; `name` is its own (or proposed) name, used to name
    /// inline children.
    pub(super) fn shape(&mut self, schema: &'a Schema, pointer: &Pointer, name: &str) -> Shape {
        if let Some(kind) = schema.schema_data.extensions.get("x-id") {
            return Shape::Ref(self.id(kind, schema, pointer));
        }
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) => {
                if s.enumeration.is_empty() {
                    Shape::Ref(TypeRef::Primitive(string_primitive(&s.format)))
                } else {
                    let values = s.enumeration.iter().flatten().map(String::as_str);
                    Shape::Kind(TypeKind::Enum(string_enum(values)))
                }
            }
            SchemaKind::Type(Type::Integer(i)) => {
                let primitive = match i.format {
                    VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => Primitive::I32,
                    _ => Primitive::I64,
                };
                if i.enumeration.iter().flatten().next().is_none() {
                    return Shape::Ref(TypeRef::Primitive(primitive));
                }
                let literals = i.enumeration.iter().flatten().map(|v| v.to_string());
                self.numeric_enum(primitive, literals, pointer)
            }
            SchemaKind::Type(Type::Number(n)) => {
                let primitive = match n.format {
                    VariantOrUnknownOrEmpty::Item(NumberFormat::Float) => Primitive::F32,
                    _ => Primitive::F64,
                };
                if n.enumeration.iter().flatten().next().is_none() {
                    return Shape::Ref(TypeRef::Primitive(primitive));
                }
                let literals = n.enumeration.iter().flatten().map(|v| float_literal(*v));
                self.numeric_enum(primitive, literals, pointer)
            }
            SchemaKind::Type(Type::Boolean(_)) => Shape::Ref(TypeRef::Primitive(Primitive::Bool)),
            SchemaKind::Type(Type::Array(a)) => {
                Shape::Ref(self.array(a.items.as_ref(), pointer, name))
            }
            SchemaKind::Type(Type::Object(o)) => {
                let view = ObjectView::of_properties(
                    &o.properties,
                    &o.required,
                    o.additional_properties.as_ref(),
                    pointer,
                );
                self.object(view, pointer, name)
            }
            SchemaKind::OneOf { one_of } => {
                self.union(schema, one_of, &pointer.push("oneOf"), name)
            }
            SchemaKind::AnyOf { any_of } => {
                self.union(schema, any_of, &pointer.push("anyOf"), name)
            }
            SchemaKind::AllOf { all_of } => self.all_of(all_of, pointer, name),
            SchemaKind::Not { .. } => {
                self.problem(pointer, "`not` schemas are not supported: expected a type, `$ref`, `allOf`, `oneOf` or `anyOf`");
                Shape::Ref(TypeRef::Any)
            }
            SchemaKind::Any(any) => self.any_schema(schema, any, pointer, name),
        }
    }

    /// A schema that mixes keywords (no `type`, or `type` beside composition keywords).
    fn any_schema(
        &mut self,
        schema: &'a Schema,
        any: &'a AnySchema,
        pointer: &Pointer,
        name: &str,
    ) -> Shape {
        if !any.one_of.is_empty() {
            return self.union(schema, &any.one_of, &pointer.push("oneOf"), name);
        }
        if !any.any_of.is_empty() {
            return self.union(schema, &any.any_of, &pointer.push("anyOf"), name);
        }
        if !any.all_of.is_empty() {
            return self.all_of(&any.all_of, pointer, name);
        }
        if !any.properties.is_empty()
            || any.additional_properties.is_some()
            || any.typ.as_deref() == Some("object")
        {
            let view = ObjectView::of_properties(
                &any.properties,
                &any.required,
                any.additional_properties.as_ref(),
                pointer,
            );
            return self.object(view, pointer, name);
        }
        if any.items.is_some() || any.typ.as_deref() == Some("array") {
            return Shape::Ref(self.array(any.items.as_ref(), pointer, name));
        }
        if !any.enumeration.is_empty() {
            let values: Vec<&serde_json::Value> =
                any.enumeration.iter().filter(|v| !v.is_null()).collect();
            if let Some(strings) = values
                .iter()
                .map(|v| v.as_str())
                .collect::<Option<Vec<_>>>()
            {
                return Shape::Kind(TypeKind::Enum(string_enum(strings.into_iter())));
            }
            if let Some(ints) = values
                .iter()
                .map(|v| v.as_i64())
                .collect::<Option<Vec<_>>>()
            {
                let literals = ints.into_iter().map(|v| v.to_string());
                return self.numeric_enum(Primitive::I64, literals, pointer);
            }
            if let Some(numbers) = values
                .iter()
                .map(|v| v.as_f64())
                .collect::<Option<Vec<_>>>()
            {
                let literals = numbers.into_iter().map(float_literal);
                return self.numeric_enum(Primitive::F64, literals, pointer);
            }
            if values.iter().all(|v| v.is_boolean()) {
                return Shape::Ref(TypeRef::Primitive(Primitive::Bool));
            }
            self.problem(&pointer.push("enum"), "enum values of mixed or structured types are not supported: expected all strings, all integers, all numbers or all booleans");
            return Shape::Ref(TypeRef::Any);
        }
        match any.typ.as_deref() {
            None => Shape::Ref(TypeRef::Any),
            // A scalar beside a keyword its type does not define (an integer's `pattern`, say),
            // which the typed model only reads as a mixed schema: the keyword is a validation
            // hint the client need not enforce.
            Some(scalar @ ("string" | "integer" | "number" | "boolean")) => Shape::Ref(
                TypeRef::Primitive(scalar_primitive(scalar, any.format.as_deref())),
            ),
            Some(other) => {
                self.problem(pointer, format!("unexpected `type: {other}` here: expected string, number, integer, boolean, array or object"));
                Shape::Ref(TypeRef::Any)
            }
        }
    }

    fn array(
        &mut self,
        items: Option<&'a ReferenceOr<Box<Schema>>>,
        pointer: &Pointer,
        name: &str,
    ) -> TypeRef {
        let item = match items {
            Some(items) => self.type_of(
                items.into(),
                &pointer.push("items"),
                &naming::synthetic::item(name),
            ),
            None => TypeRef::Any,
        };
        TypeRef::List(Box::new(item))
    }

    /// An object: a map when it has no properties, else a struct.
    pub(super) fn object(&mut self, view: ObjectView<'a>, pointer: &Pointer, name: &str) -> Shape {
        let additional = match view.additional {
            None | Some(AdditionalProperties::Any(false)) => None,
            Some(AdditionalProperties::Any(true)) => Some(TypeRef::Any),
            Some(AdditionalProperties::Schema(schema)) => {
                let hint = naming::synthetic::map_value(name);
                Some(self.type_of(
                    schema.as_ref().into(),
                    &pointer.push("additionalProperties"),
                    &hint,
                ))
            }
        };
        if view.properties.is_empty() {
            let closed = matches!(view.additional, Some(AdditionalProperties::Any(false)));
            if !closed {
                // A free-form object or a map: `{}` or `additionalProperties: <schema>`.
                return Shape::Ref(TypeRef::Map(Box::new(additional.unwrap_or(TypeRef::Any))));
            }
        }
        let mut used = naming::Names::default();
        let mut fields = Vec::with_capacity(view.properties.len());
        let here = self.owning_component(pointer);
        for (wire_name, property, at) in view.properties {
            // A property merged in from another component (an `allOf` parent) is named after
            // that component, whichever child happens to be converted first.
            let owner = match (self.owning_component(&at), &here) {
                (Some(owner), Some(here)) if owner != *here => owner,
                (Some(owner), None) => owner,
                _ => name.to_owned(),
            };
            let hint = naming::synthetic::property(&owner, wire_name);
            let ty = self.type_of(property, &at, &hint);
            let (data, docs, nullable) = match property {
                SchemaRef::Item(schema) => (
                    Some(&schema.schema_data),
                    docs_of(schema),
                    schema.schema_data.nullable,
                ),
                // A nullable component is nullable wherever it is used.
                SchemaRef::Ref(reference) => (
                    None,
                    self.raw_description(&at),
                    self.schema_target(reference)
                        .is_some_and(|(target, ..)| target.schema_data.nullable),
                ),
            };
            fields.push(Field {
                wire_name: wire_name.to_owned(),
                rust_name: naming::unique(naming::field_name(wire_name), &mut used),
                ty,
                required: view.required.contains(&wire_name),
                nullable,
                boxed: false,
                read_only: data.is_some_and(|d| d.read_only),
                write_only: data.is_some_and(|d| d.write_only),
                default: data.and_then(|d| d.default.as_ref()).map(|v| v.to_string()),
                docs,
            });
        }
        if additional.is_some() && used.contains("additional_properties") {
            self.problem(
                pointer,
                "a property named `additionalProperties` clashes with the map of extra properties",
            );
        }
        Shape::Kind(TypeKind::Struct(Struct {
            fields,
            additional,
            parents: Vec::new(),
        }))
    }
}

impl Resolver<'_> {
    /// Whether a `#/components/schemas/X` reference names an existing entry (even a `$ref`).
    fn component_exists(&self, reference: &str) -> bool {
        let key = component_key(reference, "schemas");
        let components = self.spec.components.as_ref();
        matches!((key, components), (Some(key), Some(c)) if c.schemas.contains_key(key))
    }

    /// The Rust name of the component schema a pointer lies inside, if any.
    fn owning_component(&self, pointer: &Pointer) -> Option<String> {
        let rest = pointer.as_str().strip_prefix("#/components/schemas/")?;
        let key = rest
            .split('/')
            .next()?
            .replace("~1", "/")
            .replace("~0", "~");
        self.component_names.get(&key).cloned()
    }
}

impl<'a> ObjectView<'a> {
    /// The view of an object schema's own keywords.
    pub(super) fn of_properties(
        properties: &'a indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
        required: &'a [String],
        additional: Option<&'a AdditionalProperties>,
        pointer: &Pointer,
    ) -> Self {
        let base = pointer.push("properties");
        ObjectView {
            properties: properties
                .iter()
                .map(|(name, schema)| (name.as_str(), schema.into(), base.push(name)))
                .collect(),
            required: required.iter().map(String::as_str).collect(),
            additional,
        }
    }
}

fn string_primitive(format: &VariantOrUnknownOrEmpty<StringFormat>) -> Primitive {
    match format {
        VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => Primitive::DateTime,
        VariantOrUnknownOrEmpty::Item(StringFormat::Date) => Primitive::Date,
        VariantOrUnknownOrEmpty::Item(StringFormat::Binary) => Primitive::Binary,
        _ => Primitive::String,
    }
}

/// The primitive of a scalar `type` and `format` read from a mixed schema, as the typed
/// schemas above map them.
fn scalar_primitive(typ: &str, format: Option<&str>) -> Primitive {
    match (typ, format) {
        ("string", Some("date-time")) => Primitive::DateTime,
        ("string", Some("date")) => Primitive::Date,
        ("string", Some("binary")) => Primitive::Binary,
        ("string", _) => Primitive::String,
        ("integer", Some("int32")) => Primitive::I32,
        ("integer", _) => Primitive::I64,
        ("number", Some("float")) => Primitive::F32,
        ("number", _) => Primitive::F64,
        _ => Primitive::Bool,
    }
}

/// A float as a Rust literal that reads back as the same value (`1.0`, `2.5`, `1e300`).
fn float_literal(value: f64) -> String {
    let text = format!("{value:?}");
    if text.contains(['.', 'e', 'E']) {
        text
    } else {
        format!("{text}.0")
    }
}

impl Resolver<'_> {
    /// An integer or number enum from its values (as literals): duplicates dropped, variant
    /// names made unique (`-1` → `Minus1`, `2.5` → `N2Point5`).
    fn numeric_enum(
        &mut self,
        primitive: Primitive,
        literals: impl Iterator<Item = String>,
        pointer: &Pointer,
    ) -> Shape {
        let mut used = naming::Names::from(naming::enum_members());
        let mut seen = std::collections::BTreeSet::new();
        let mut values = Vec::new();
        for literal in literals {
            let in_range = match primitive {
                Primitive::I32 => literal.parse::<i32>().is_ok(),
                Primitive::F32 => literal.parse::<f32>().is_ok_and(f32::is_finite),
                _ => true,
            };
            if !in_range {
                self.problem(
                    &pointer.push("enum"),
                    format!("enum value {literal} does not fit the declared format"),
                );
                continue;
            }
            if !seen.insert(literal.clone()) {
                continue;
            }
            let name = naming::numeric_variant_name(&literal);
            values.push(crate::ir::NumericValue {
                rust_name: naming::unique(name, &mut used),
                literal,
            });
        }
        Shape::Kind(TypeKind::NumericEnum(crate::ir::NumericEnum {
            primitive,
            values,
        }))
    }
}

/// A string enum from its values: duplicates dropped, variant names made unique.
pub(super) fn string_enum<'v>(values: impl Iterator<Item = &'v str>) -> StringEnum {
    let mut used = naming::Names::from(naming::enum_members());
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for value in values {
        if !seen.insert(value) {
            continue;
        }
        out.push(EnumValue {
            wire_name: value.to_owned(),
            rust_name: naming::unique(naming::variant_name(value), &mut used),
        });
    }
    StringEnum { values: out }
}
