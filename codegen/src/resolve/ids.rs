//! Typed ids: a string or integer schema marked `x-id: <kind>` becomes the id type of that kind
//! (`x-id: thread` → `ThreadId`), one type per kind wherever the kind is marked — parameters,
//! fields, list items. An id kind has one JSON form: the form of the schemas marking it in JSON
//! bodies (parameters are text either way); two forms for one kind are a problem.

use openapiv3::{Schema, SchemaKind, Type};

use super::Resolver;
use crate::ir::{IdJson, IdType, TypeKind, TypeRef};
use crate::naming;
use crate::pointer::Pointer;

/// What the resolver knows about one id kind.
#[derive(Debug, Clone)]
pub(super) struct IdEntry {
    /// The Rust type name.
    name: String,
    /// The JSON form, and the first JSON body schema that gave it.
    json: Option<(IdJson, Pointer)>,
}

impl<'a> Resolver<'a> {
    /// The id type a schema marked `x-id: kind` at `pointer` denotes.
    pub(super) fn id(
        &mut self,
        kind: &serde_json::Value,
        schema: &'a Schema,
        pointer: &Pointer,
    ) -> TypeRef {
        let at = pointer.push("x-id");
        let Some(kind) = kind.as_str().map(str::trim).filter(|k| !k.is_empty()) else {
            self.problem(
                &at,
                "expected the kind of object the id names, e.g. `x-id: thread`",
            );
            return TypeRef::Any;
        };
        let form = match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) if s.enumeration.is_empty() => IdJson::String,
            SchemaKind::Type(Type::Integer(i)) if i.enumeration.is_empty() => IdJson::Integer,
            _ => {
                self.problem(
                    &at,
                    "`x-id` marks a string or integer schema without `enum`",
                );
                return TypeRef::Any;
            }
        };
        let name = self.id_entry(kind, pointer);
        if !self.in_parameter {
            self.id_json(kind, form, pointer);
        }
        TypeRef::Named(name)
    }

    /// The Rust name of the id type of `kind`, defining it on first use.
    fn id_entry(&mut self, kind: &str, pointer: &Pointer) -> String {
        if let Some(entry) = self.ids.get(kind) {
            return entry.name.clone();
        }
        let name = naming::unique(naming::id_type(kind), &mut self.used_names);
        let id = IdType {
            kind: kind.to_owned(),
            json: IdJson::String,
        };
        let docs = format!(
            "The id of a {kind}, as the API writes it. Every parameter and field holding one \
             takes and returns this type; convert a raw id with `From` (text or an integer) or \
             `parse`."
        );
        self.insert_type(&name, pointer, Some(docs), TypeKind::Id(id));
        let entry = IdEntry {
            name: name.clone(),
            json: None,
        };
        self.ids.insert(kind.to_owned(), entry);
        name
    }

    /// Records that a JSON body writes ids of `kind` in `form`; a second form is a problem.
    fn id_json(&mut self, kind: &str, form: IdJson, pointer: &Pointer) {
        let Some(entry) = self.ids.get_mut(kind) else {
            return;
        };
        match &entry.json {
            None => {
                entry.json = Some((form, pointer.clone()));
                let name = entry.name.clone();
                if let Some(TypeKind::Id(id)) = self.types.get_mut(&name).map(|d| &mut d.kind) {
                    id.json = form;
                }
            }
            Some((first, _)) if *first == form => {}
            Some((first, first_at)) => {
                let message = format!(
                    "`x-id: {kind}` is a JSON {} here but a JSON {} at {first_at}: expected one JSON form per id kind (mark only one, or use two kinds)",
                    describe(form),
                    describe(*first),
                );
                self.problem(&pointer.push("x-id"), message);
            }
        }
    }
}

fn describe(form: IdJson) -> &'static str {
    match form {
        IdJson::String => "string",
        IdJson::Integer => "integer",
    }
}
