//! A schema flattened to the facts the comparison reads: `$ref`s followed, `allOf` merged
//! (properties and required lists joined), OpenAPI 3.1 forms (`type: [T, "null"]`, `const`, a
//! `null` branch of `oneOf`) read as their 3.0 equivalents, and the "is a variant of" back
//! reference (`allOf: [{$ref: Parent}, …]` where `Parent` is a `oneOf` listing this schema)
//! dropped. Validation keywords (`minimum`, `pattern`, `maxLength`…) are not read.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::document::{local_pointer, Document};
use crate::pointer::Pointer;

/// What extra object fields may be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Additional {
    /// Anything (`additionalProperties` absent, `true` or `{}`).
    Any,
    /// Nothing (`additionalProperties: false`).
    Forbidden,
    /// Values of the schema at this pointer.
    Typed(Pointer),
}

/// The wire facts of one schema.
#[derive(Debug, Clone)]
pub(super) struct Flat {
    /// The schema's own pointer after following `$ref`s.
    pub at: Pointer,
    /// JSON types (`null` excluded); `None` when any type is allowed.
    pub types: Option<BTreeSet<String>>,
    /// `format`.
    pub format: Option<String>,
    /// Whether `null` is allowed.
    pub nullable: bool,
    /// The `enum` (or `const`) array's pointer and values.
    pub values: Option<(Pointer, Vec<Value>)>,
    /// Field name → the pointer of the property's schema where it is declared.
    pub properties: BTreeMap<String, Pointer>,
    /// Required field names.
    pub required: BTreeSet<String>,
    /// Where `items` is declared.
    pub items: Option<Pointer>,
    /// Extra fields.
    pub additional: Additional,
    /// `oneOf`/`anyOf` variants, each the pointer where it is declared.
    pub variants: Option<Vec<Pointer>>,
    /// `discriminator.propertyName`.
    pub discriminator: Option<String>,
}

impl Flat {
    /// A schema that allows anything, standing at `at` (e.g. a media type without a schema).
    pub fn any(at: Pointer) -> Self {
        Flat {
            at,
            types: None,
            format: None,
            nullable: false,
            values: None,
            properties: BTreeMap::new(),
            required: BTreeSet::new(),
            items: None,
            additional: Additional::Any,
            variants: None,
            discriminator: None,
        }
    }

    /// The single value of a one-value `enum`/`const`, such as a union variant's tag.
    pub fn single_value(&self) -> Option<&Value> {
        match &self.values {
            Some((_, values)) if values.len() == 1 => values.first(),
            _ => None,
        }
    }

    /// Whether this is an object with fields or field rules.
    pub fn is_object(&self) -> bool {
        self.types.as_ref().is_some_and(|t| t.contains("object"))
    }
}

/// Flattens the schema declared at `at` (following its `$ref`s). `stack` holds the schemas being
/// flattened, so an `allOf` cycle is cut instead of recursing forever.
pub(super) fn flatten(doc: &Document, at: &Pointer, stack: &mut Vec<Pointer>) -> Flat {
    let Some((at, value)) = doc.resolve_schema(at) else {
        return Flat::any(at.clone());
    };
    let Some(object) = value.as_object() else {
        return Flat::any(at); // a boolean schema: `true` allows anything; `false` is not read
    };
    if stack.contains(&at) {
        return Flat::any(at);
    }
    stack.push(at.clone());
    let mut flat = own_facts(&at, object);
    merge_all_of(doc, &at, object, &mut flat, stack);
    if let Some(target) = object.get("$ref").and_then(Value::as_str) {
        // Only reached in 3.1, where `$ref` beside other keywords is one more `allOf` branch.
        if let Some(target) = local_pointer(target) {
            let target = flatten(doc, &target, stack);
            flat.nullable |= target.nullable;
            merge(&mut flat, target);
        }
    }
    absorb_null_branches(doc, &mut flat, stack);
    if flat.types.is_none() && flat.variants.is_none() {
        flat.types = implied_type(object);
    }
    stack.pop();
    flat
}

/// The facts a schema states itself, before `allOf` merging.
fn own_facts(at: &Pointer, object: &Map<String, Value>) -> Flat {
    let mut flat = Flat::any(at.clone());
    match object.get("type") {
        Some(Value::String(t)) if t == "null" => {
            flat.nullable = true;
            flat.types = Some(BTreeSet::new());
        }
        Some(Value::String(t)) => flat.types = Some(BTreeSet::from([t.clone()])),
        Some(Value::Array(types)) => {
            let mut set: BTreeSet<String> = types
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            flat.nullable = set.remove("null");
            flat.types = Some(set);
        }
        _ => {}
    }
    flat.nullable |= object.get("nullable") == Some(&Value::Bool(true));
    flat.format = object
        .get("format")
        .and_then(Value::as_str)
        .map(str::to_owned);
    if let Some(Value::Array(values)) = object.get("enum") {
        flat.values = Some((at.push("enum"), values.clone()));
    } else if let Some(value) = object.get("const") {
        flat.values = Some((at.push("const"), vec![value.clone()]));
    }
    if let Some(Value::Object(properties)) = object.get("properties") {
        let base = at.push("properties");
        for name in properties.keys() {
            flat.properties.insert(name.clone(), base.push(name));
        }
    }
    if let Some(Value::Array(required)) = object.get("required") {
        flat.required = required
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect();
    }
    if object.contains_key("items") {
        flat.items = Some(at.push("items"));
    }
    flat.additional = match object.get("additionalProperties") {
        None | Some(Value::Bool(true)) => Additional::Any,
        Some(Value::Bool(false)) => Additional::Forbidden,
        Some(Value::Object(o)) if o.is_empty() => Additional::Any,
        Some(_) => Additional::Typed(at.push("additionalProperties")),
    };
    for keyword in ["oneOf", "anyOf"] {
        if let Some(Value::Array(variants)) = object.get(keyword) {
            let base = at.push(keyword);
            let list = flat.variants.get_or_insert_with(Vec::new);
            list.extend((0..variants.len()).map(|i| base.push(i.to_string())));
        }
    }
    flat.discriminator = object
        .get("discriminator")
        .and_then(|d| d.get("propertyName"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    flat
}

/// Merges every `allOf` branch into `flat`, except a union that lists this very schema among
/// its variants (the back reference of a variant to its parent). The result may be `null` when
/// it says so itself or every branch does.
fn merge_all_of(
    doc: &Document,
    at: &Pointer,
    object: &Map<String, Value>,
    flat: &mut Flat,
    stack: &mut Vec<Pointer>,
) {
    let Some(Value::Array(branches)) = object.get("allOf") else {
        return;
    };
    let base = at.push("allOf");
    let mut all_nullable = !branches.is_empty();
    for i in 0..branches.len() {
        let branch = flatten(doc, &base.push(i.to_string()), stack);
        let back_reference = branch.variants.as_ref().is_some_and(|variants| {
            variants.iter().any(|v| {
                doc.resolve_schema(v)
                    .is_some_and(|(target, _)| &target == at)
            })
        });
        if !back_reference {
            all_nullable &= branch.nullable;
            merge(flat, branch);
        }
    }
    flat.nullable |= all_nullable;
}

/// Adds the facts of an `allOf` branch to `flat`. What `flat` states itself wins; fields and
/// required lists are joined, the first declaration of a field is kept. `nullable` is left to
/// the caller.
fn merge(flat: &mut Flat, branch: Flat) {
    flat.types = match (flat.types.take(), branch.types) {
        (Some(a), Some(b)) => Some(a.intersection(&b).cloned().collect()),
        (a, b) => a.or(b),
    };
    flat.format = flat.format.take().or(branch.format);
    flat.values = flat.values.take().or(branch.values);
    for (name, at) in branch.properties {
        flat.properties.entry(name).or_insert(at);
    }
    flat.required.extend(branch.required);
    flat.items = flat.items.take().or(branch.items);
    if flat.additional == Additional::Any {
        flat.additional = branch.additional;
    }
    if let Some(variants) = branch.variants {
        flat.variants.get_or_insert_with(Vec::new).extend(variants);
    }
    flat.discriminator = flat.discriminator.take().or(branch.discriminator);
}

/// `oneOf: [X, {type: "null"}]` (OpenAPI 3.1's optional-null) reads as `X` with
/// `nullable: true`. A plain one-variant union stays a union.
fn absorb_null_branches(doc: &Document, flat: &mut Flat, stack: &mut Vec<Pointer>) {
    let Some(variants) = flat.variants.take() else {
        return;
    };
    let mut kept = Vec::new();
    for variant in variants {
        let is_null = doc.resolve_schema(&variant).is_some_and(|(_, v)| {
            v.get("type").and_then(Value::as_str) == Some("null")
                && v.as_object().is_some_and(|o| {
                    o.keys()
                        .all(|k| k == "type" || grammar_prose(k) || k.starts_with("x-"))
                })
        });
        if is_null {
            flat.nullable = true;
        } else {
            kept.push(variant);
        }
    }
    if kept.len() == 1 && flat.nullable {
        let only = flatten(doc, &kept[0], stack);
        merge(flat, only);
    } else {
        flat.variants = Some(kept);
    }
}

fn grammar_prose(key: &str) -> bool {
    matches!(key, "title" | "description" | "$comment")
}

/// The type a type-less schema's keywords imply: `object` for fields, `array` for items.
fn implied_type(object: &Map<String, Value>) -> Option<BTreeSet<String>> {
    let object_keywords = ["properties", "required", "additionalProperties"];
    if object_keywords.iter().any(|k| object.contains_key(*k)) {
        Some(BTreeSet::from(["object".to_owned()]))
    } else if object.contains_key("items") {
        Some(BTreeSet::from(["array".to_owned()]))
    } else {
        None
    }
}
