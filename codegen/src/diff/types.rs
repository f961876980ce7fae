//! Named types compared by Rust name: added, removed and re-kinded ones, structs field by field,
//! aliases by what they name; string enums and unions in `variants`, unions' conversions and
//! accessors in `union_methods`.

use std::collections::BTreeMap;

use super::rust::{self, code};
use super::{union_methods, variants, Diff, Kind, Subject};
use crate::ir::{Api, Field, Struct, TypeDef, TypeKind, UnionTag, Usage};

/// Finds added, removed and changed types.
pub(super) fn compare(d: &mut Diff<'_>) {
    let (old, new) = (d.old, d.new);
    for (name, def) in &old.types {
        if !new.types.contains_key(name) {
            let summary = format!("{} {} removed", kind_name(&def.kind), code(name));
            d.push(&Subject::Type(name.clone()), Kind::TypeRemoved, "", summary);
        }
    }
    for (name, def) in &new.types {
        match old.types.get(name) {
            None => {
                let summary = format!("{} {} added", kind_name(&def.kind), code(name));
                d.push(&Subject::Type(name.clone()), Kind::TypeAdded, "", summary);
            }
            Some(old_def) => definition(d, old_def, def),
        }
    }
}

/// A type's kind and where it is used, in either API: existing callers' code follows the old
/// one, new code the new one.
pub(super) fn describe(old: &Api, new: &Api, name: &str) -> String {
    let kind = new
        .types
        .get(name)
        .or_else(|| old.types.get(name))
        .map_or("type", |def| kind_name(&def.kind));
    let usage = |api: &Api| api.types.get(name).map(|def| def.usage).unwrap_or_default();
    let (o, n) = (usage(old), usage(new));
    let used = match (o.request || n.request, o.response || n.response) {
        (true, true) => "used in requests and responses",
        (true, false) => "used in requests",
        (false, true) => "used in responses",
        (false, false) => "not used by any operation",
    };
    format!("{kind}, {used}")
}

/// The kind of a type in words.
#[allow(unreachable_patterns)] // Kinds added to the IR later read as "type".
fn kind_name(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Struct(_) => "struct",
        TypeKind::Enum(_) => "string enum",
        TypeKind::NumericEnum(e) if e.primitive.is_integer() => "integer enum",
        TypeKind::NumericEnum(_) => "number enum",
        TypeKind::Union(u) if u.tag == UnionTag::Untagged => "untagged union",
        TypeKind::Union(_) => "tagged union",
        TypeKind::Alias(_) => "type alias",
        TypeKind::Newtype(_) => "newtype",
        TypeKind::Id(_) => "id type",
        _ => "type",
    }
}

fn definition(d: &mut Diff<'_>, old: &TypeDef, new: &TypeDef) {
    let at = Subject::Type(new.name.clone());
    if old.docs != new.docs {
        d.push(&at, Kind::TypeDocsChanged, "", "description changed".into());
    }
    match (&old.kind, &new.kind) {
        (TypeKind::Struct(o), TypeKind::Struct(n)) => {
            exhaustiveness(d, &at, old.usage, new.usage);
            let added = |required| field_added(old.usage, new.usage, required);
            structure(d, &at, o, n, added);
        }
        (TypeKind::Enum(o), TypeKind::Enum(n)) => variants::string_enum(d, &at, o, n),
        (TypeKind::NumericEnum(o), TypeKind::NumericEnum(n)) if o.primitive == n.primitive => {
            // Same rules as string enums, with the literal as the wire value.
            let as_values = |e: &crate::ir::NumericEnum| crate::ir::StringEnum {
                values: e
                    .values
                    .iter()
                    .map(|v| crate::ir::EnumValue {
                        wire_name: v.literal.clone(),
                        rust_name: v.rust_name.clone(),
                    })
                    .collect(),
            };
            variants::string_enum(d, &at, &as_values(o), &as_values(n));
        }
        (TypeKind::Union(o), TypeKind::Union(n)) => {
            variants::union(d, &at, o, n);
            union_methods::compare(d, &new.name, o, n);
        }
        (TypeKind::Alias(o), TypeKind::Alias(n)) => {
            if !rust::same(d.old, o, d.new, n) {
                let summary = format!(
                    "now names {} (was {})",
                    code(&rust::type_name(n)),
                    code(&rust::type_name(o))
                );
                d.push(&at, Kind::AliasRetyped, "", summary);
            }
        }
        (o, n) if std::mem::discriminant(o) != std::mem::discriminant(n) => {
            let summary = format!("was a {}, now a {}", kind_name(o), kind_name(n));
            d.push(&at, Kind::TypeKindChanged, "", summary);
        }
        // A kind this diff does not compare in detail yet: any change is assumed breaking.
        (o, n) => {
            if o != n {
                let summary = format!("{} definition changed", kind_name(n));
                d.push(&at, Kind::TypeDefinitionChanged, "", summary);
            }
        }
    }
}

/// A struct that starts or stops being response-only gains or loses `#[non_exhaustive]`.
fn exhaustiveness(d: &mut Diff<'_>, at: &Subject, old: Usage, new: Usage) {
    match (old.response_only(), new.response_only()) {
        (false, true) => {
            let summary = "now used only in responses: `#[non_exhaustive]`";
            d.push(at, Kind::StructBecameNonExhaustive, "", summary.into());
        }
        (true, false) => {
            let summary = "no longer used only in responses: exhaustive";
            d.push(at, Kind::StructBecameExhaustive, "", summary.into());
        }
        _ => {}
    }
}

/// The kind of a field added to a struct with usage `old` in the old API and `new` in the new
/// one: additive only when the struct is response-only (`#[non_exhaustive]`) in both and `new`
/// keeps its arguments (the field is optional).
fn field_added(old: Usage, new: Usage, required: bool) -> Kind {
    if old.response_only() && new.response_only() {
        if required {
            Kind::ResponseRequiredFieldAdded
        } else {
            Kind::ResponseFieldAdded
        }
    } else if old.request || new.request {
        Kind::RequestFieldAdded
    } else {
        Kind::FieldAdded
    }
}

/// Compares fields; `added` classifies a new field by whether it is required.
fn structure(
    d: &mut Diff<'_>,
    at: &Subject,
    old: &Struct,
    new: &Struct,
    added: impl Fn(bool) -> Kind,
) {
    let by_name = |s: &'_ Struct| -> BTreeMap<String, Field> {
        s.fields
            .iter()
            .map(|f| (f.rust_name.clone(), f.clone()))
            .collect()
    };
    let (old_fields, new_fields) = (by_name(old), by_name(new));
    for (rust_name, f) in &old_fields {
        if !new_fields.contains_key(rust_name) {
            let summary = format!("field {} removed", field_name(f));
            d.push(at, Kind::FieldRemoved, rust_name, summary);
        }
    }
    for (rust_name, f) in &new_fields {
        match old_fields.get(rust_name) {
            None => {
                let required = !rust::is_option(f);
                let summary = format!(
                    "new {} field {} ({})",
                    if required { "required" } else { "optional" },
                    code(&f.wire_name),
                    code(&format!("{rust_name}: {}", rust::field_type(f)))
                );
                d.push(at, added(required), rust_name, summary);
            }
            Some(o) => field(d, at, o, f),
        }
    }
    let item = "additional_properties";
    let map = |t: &_| code(&format!("{item}: BTreeMap<String, {}>", rust::type_name(t)));
    match (&old.additional, &new.additional) {
        (None, Some(t)) => {
            let summary = format!("now keeps additional properties (new field {})", map(t));
            d.push(at, added(false), item, summary);
        }
        (Some(t), None) => {
            let summary = format!(
                "no longer keeps additional properties (field {} removed)",
                map(t)
            );
            d.push(at, Kind::FieldRemoved, item, summary);
        }
        (Some(o), Some(n)) if !rust::same(d.old, o, d.new, n) => {
            let summary = format!(
                "additional properties changed type ({} → {})",
                map(o),
                map(n)
            );
            d.push(at, Kind::FieldRetyped, item, summary);
        }
        _ => {}
    }
}

/// A field as the spec names it, with its Rust name when that differs.
fn field_name(f: &Field) -> String {
    if f.rust_name == f.wire_name {
        code(&f.wire_name)
    } else {
        format!("{} ({})", code(&f.wire_name), code(&f.rust_name))
    }
}

fn field(d: &mut Diff<'_>, at: &Subject, old: &Field, new: &Field) {
    let item = &new.rust_name;
    let types = || {
        format!(
            "{} → {}",
            code(&rust::field_type(old)),
            code(&rust::field_type(new))
        )
    };
    if !rust::same(d.old, &old.ty, d.new, &new.ty) {
        let summary = format!("field {} changed type ({})", field_name(new), types());
        d.push(at, Kind::FieldRetyped, item, summary);
    } else if old.boxed != new.boxed {
        let summary = format!("field {} changed type ({})", field_name(new), types());
        d.push(at, Kind::FieldBoxingChanged, item, summary);
    }
    let mut became = Vec::new();
    if old.required != new.required {
        became.push(if new.required {
            "became required"
        } else {
            "became optional"
        });
    }
    if old.nullable != new.nullable {
        became.push(if new.nullable {
            "became nullable"
        } else {
            "is no longer nullable"
        });
    }
    if !became.is_empty() {
        let became = became.join(" and ");
        let (kind, detail) = match (rust::is_option(old), rust::is_option(new)) {
            (true, false) => (Kind::FieldBecameRequired, types()),
            (false, true) => (Kind::FieldBecameOptional, types()),
            _ => (
                Kind::FieldPresenceChanged,
                format!("still {}", code(&rust::field_type(new))),
            ),
        };
        let summary = format!("field {} {became} ({detail})", field_name(new));
        d.push(at, kind, item, summary);
    }
    if old.wire_name != new.wire_name {
        let summary = format!(
            "field {} renamed {} on the wire",
            code(&old.wire_name),
            code(&new.wire_name)
        );
        d.push(at, Kind::FieldWireNameChanged, item, summary);
    }
    if old.docs != new.docs {
        let summary = format!("description of field {} changed", field_name(new));
        d.push(at, Kind::FieldDocsChanged, item, summary);
    }
}
