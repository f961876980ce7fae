//! The model fixtures (`tests/fixtures/models/`) cover the vendored spec: every request and
//! response body has a folder; each folder shows its type (or each variant of its union) once
//! with every field and once with only the required ones; ordinary fixtures use only the enum
//! values and union tags the spec lists, and each `unknown_*` fixture holds one it does not,
//! which every type with an enum or a union of its own has.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use codegen::ir::{Api, Struct, TypeKind, TypeRef, UnionTag};
use serde_json::Value;

fn models_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/models")
}

fn api() -> Api {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    codegen::load_api(&root.join(codegen::vendored::SPEC)).unwrap()
}

/// The fixture folders, which are named after the type their files decode into.
fn folders() -> Vec<String> {
    let mut folders: Vec<String> = std::fs::read_dir(models_dir())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    folders
}

/// One fixture file.
struct Fixture {
    /// `<folder>/<file>`, for messages.
    name: String,
    /// Whether the file is an `unknown_*` one.
    unknown: bool,
    /// The parsed file.
    value: Value,
}

fn fixtures(folder: &str) -> Vec<Fixture> {
    let dir = models_dir().join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(path).unwrap();
            Fixture {
                name: format!("{folder}/{file}"),
                unknown: file.starts_with("unknown_"),
                value: serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{folder}/{file} is not JSON: {e}")),
            }
        })
        .collect()
}

fn named(name: &str) -> TypeRef {
    TypeRef::Named(name.to_owned())
}

/// Every type an operation returns or accepts as a body has fixtures.
#[test]
fn every_request_and_response_type_has_fixtures() {
    let folders = folders();
    let mut missing = Vec::new();
    for op in &api().operations {
        let bodies = op.body.iter().map(|b| &b.ty);
        let responses = op.responses.iter().filter_map(|r| r.ty.as_ref());
        for ty in bodies.chain(responses).chain(op.error.iter()) {
            if let TypeRef::Named(name) = ty {
                if !folders.contains(name) {
                    missing.push(format!("{} uses {name}", op.id));
                }
            }
        }
    }
    assert!(missing.is_empty(), "types without fixtures: {missing:?}");
}

/// What a struct fixture must show: every field somewhere, and somewhere only the required ones.
/// Only the struct's own fields count: a union's tag is not one of its variant's fields.
fn field_gaps(what: &str, shape: &Struct, bodies: &[&Value]) -> Vec<String> {
    let all: BTreeSet<&str> = shape.fields.iter().map(|f| f.wire_name.as_str()).collect();
    let required: BTreeSet<&str> = shape
        .fields
        .iter()
        .filter(|f| !f.optional())
        .map(|f| f.wire_name.as_str())
        .collect();
    let shown = |body: &&Value| -> BTreeSet<&str> {
        let object = body.as_object().expect("a struct fixture is a JSON object");
        all.iter()
            .copied()
            .filter(|f| object.contains_key(*f))
            .collect()
    };
    let mut gaps = Vec::new();
    if !bodies.iter().any(|b| shown(b) == all) {
        gaps.push(format!("{what}: no fixture with every field {all:?}"));
    }
    if !bodies.iter().any(|b| shown(b) == required) {
        gaps.push(format!(
            "{what}: no fixture with only the required fields {required:?}"
        ));
    }
    gaps
}

/// Each struct folder shows every field and only the required ones; each union folder does so
/// for every variant, selected by its tag.
#[test]
fn fixtures_show_every_field_and_only_the_required_ones_of_each_variant() {
    let api = api();
    let mut gaps = Vec::new();
    for folder in folders() {
        let fixtures = fixtures(&folder);
        let known: Vec<&Value> = fixtures
            .iter()
            .filter(|f| !f.unknown)
            .map(|f| &f.value)
            .collect();
        match &api.types[&folder].kind {
            TypeKind::Struct(shape) => gaps.extend(field_gaps(&folder, shape, &known)),
            TypeKind::Union(union) => {
                let UnionTag::Property(tag) = &union.tag else {
                    panic!("{folder}: fixtures of an untagged union are not checked");
                };
                for variant in &union.variants {
                    let value = variant.tag_value.as_deref().unwrap();
                    let what = format!("{folder} with {tag}: {value}");
                    let bodies: Vec<&Value> =
                        known.iter().copied().filter(|b| b[tag] == value).collect();
                    let TypeRef::Named(name) = &variant.ty else {
                        panic!("{what}: variant is not a named struct");
                    };
                    let TypeKind::Struct(shape) = &api.types[name].kind else {
                        panic!("{what}: variant is not a struct");
                    };
                    if bodies.is_empty() {
                        gaps.push(format!("{what}: no fixture"));
                    } else {
                        gaps.extend(field_gaps(&what, shape, &bodies));
                    }
                }
            }
            other => panic!("{folder}: fixtures of {other:?} are not checked"),
        }
    }
    assert!(gaps.is_empty(), "fixtures missing:\n{}", gaps.join("\n"));
}

/// Whether `value`, read as `ty`, holds an enum value or union tag the spec does not list.
fn has_unlisted_value(api: &Api, ty: &TypeRef, value: &Value) -> bool {
    match ty {
        TypeRef::Named(name) => match &api.types[name].kind {
            TypeKind::Enum(listed) => value
                .as_str()
                .is_some_and(|v| !listed.values.iter().any(|l| l.wire_name == v)),
            TypeKind::Struct(shape) => shape.fields.iter().any(|f| {
                value
                    .get(&f.wire_name)
                    .is_some_and(|v| has_unlisted_value(api, &f.ty, v))
            }),
            TypeKind::Union(union) => match &union.tag {
                UnionTag::Property(tag) => {
                    let variant = union
                        .variants
                        .iter()
                        .find(|v| v.tag_value.as_deref() == value[tag].as_str());
                    variant.is_none_or(|v| has_unlisted_value(api, &v.ty, value))
                }
                UnionTag::Untagged => false,
            },
            TypeKind::Alias(target) | TypeKind::Newtype(target) => {
                has_unlisted_value(api, target, value)
            }
            TypeKind::NumericEnum(_) | TypeKind::Id(_) => false,
        },
        TypeRef::List(item) => value
            .as_array()
            .is_some_and(|items| items.iter().any(|v| has_unlisted_value(api, item, v))),
        TypeRef::Map(item) => value
            .as_object()
            .is_some_and(|map| map.values().any(|v| has_unlisted_value(api, item, v))),
        TypeRef::Primitive(_) | TypeRef::Any => false,
    }
}

/// `unknown_*` fixtures hold a value the spec does not list and no other fixture does, so a
/// typo in an enum value cannot hide behind the client's catch-all.
#[test]
fn only_unknown_fixtures_hold_values_the_spec_does_not_list() {
    let api = api();
    let mut wrong = Vec::new();
    for folder in folders() {
        for fixture in fixtures(&folder) {
            let unlisted = has_unlisted_value(&api, &named(&folder), &fixture.value);
            if unlisted != fixture.unknown {
                let verdict = if unlisted { "holds" } else { "lacks" };
                wrong.push(format!(
                    "{} {verdict} a value the spec does not list",
                    fixture.name
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Whether a value of `ty` is, or directly holds, an enum or a union.
fn is_choice(api: &Api, ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Named(name) => {
            matches!(api.types[name].kind, TypeKind::Enum(_) | TypeKind::Union(_))
        }
        TypeRef::List(item) | TypeRef::Map(item) => is_choice(api, item),
        TypeRef::Primitive(_) | TypeRef::Any => false,
    }
}

/// A type that is a union or has an enum or union field has an `unknown_*` fixture.
#[test]
fn types_with_enums_or_unions_have_an_unknown_fixture() {
    let api = api();
    let mut missing = Vec::new();
    for folder in folders() {
        let has_choice = match &api.types[&folder].kind {
            TypeKind::Struct(shape) => shape.fields.iter().any(|f| is_choice(&api, &f.ty)),
            _ => is_choice(&api, &named(&folder)),
        };
        if has_choice && !fixtures(&folder).iter().any(|f| f.unknown) {
            missing.push(folder);
        }
    }
    assert!(missing.is_empty(), "no unknown_* fixture in {missing:?}");
}
