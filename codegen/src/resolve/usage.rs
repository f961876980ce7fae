//! The usage pass: where the operations use each named type. A type is used in requests when a
//! parameter or request body reaches it, and in responses when a success or error response body
//! does, following fields, list items, map values, union variants, aliases and `allOf` parents
//! (a parent's properties are copied into its children, so it is used wherever they are).
//! Emit (`#[non_exhaustive]` on response-only structs) and diff (which field additions break
//! downstream code) both read the result from [`TypeDef::usage`].

use std::collections::{BTreeMap, BTreeSet};

use crate::ir::{Operation, TypeDef, TypeKind, TypeRef, Usage, Webhook};

/// Sets [`TypeDef::usage`] of every type.
/// Webhook payloads are received, like responses.
pub(super) fn settle(
    types: &mut BTreeMap<String, TypeDef>,
    operations: &[Operation],
    webhooks: &[Webhook],
) {
    let mut requests = Vec::new();
    let mut responses = Vec::new();
    for op in operations {
        requests.extend(op.request_types());
        responses.extend(op.response_types());
    }
    responses.extend(webhooks.iter().filter_map(Webhook::payload));
    let request = reached(types, requests);
    let response = reached(types, responses);
    for (name, def) in types.iter_mut() {
        def.usage = Usage {
            request: request.contains(name),
            response: response.contains(name),
        };
    }
}

/// Every named type the operations `ops` and webhooks `hooks` reach, in requests, responses or
/// payloads (what a generated crate split by tag compiles for them).
pub(crate) fn reached_by<'o>(
    types: &BTreeMap<String, TypeDef>,
    ops: impl IntoIterator<Item = &'o Operation>,
    hooks: impl IntoIterator<Item = &'o Webhook>,
) -> BTreeSet<String> {
    let mut roots = Vec::new();
    for op in ops {
        roots.extend(op.request_types());
        roots.extend(op.response_types());
    }
    roots.extend(hooks.into_iter().filter_map(Webhook::payload));
    reached(types, roots)
}

/// Every named type reachable from `roots`.
fn reached(types: &BTreeMap<String, TypeDef>, roots: Vec<&TypeRef>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = Vec::new();
    roots.into_iter().for_each(|ty| names(ty, &mut stack));
    while let Some(name) = stack.pop() {
        if !seen.insert(name.to_owned()) {
            continue;
        }
        let Some(def) = types.get(name) else {
            continue;
        };
        if let TypeKind::Struct(s) = &def.kind {
            stack.extend(s.parents.iter().map(String::as_str));
        }
        stack.extend(contained_names(def));
    }
    seen
}

/// The named types a value of `def` holds: in fields, list items, map values, variants, or as
/// what an alias or newtype names (not `allOf` parents, whose fields are copied in).
pub(super) fn contained_names(def: &TypeDef) -> Vec<&str> {
    let mut out = Vec::new();
    match &def.kind {
        TypeKind::Struct(s) => {
            s.fields.iter().for_each(|f| names(&f.ty, &mut out));
            s.additional.iter().for_each(|ty| names(ty, &mut out));
        }
        TypeKind::Union(u) => u.variants.iter().for_each(|v| names(&v.ty, &mut out)),
        TypeKind::Alias(ty) | TypeKind::Newtype(ty) => names(ty, &mut out),
        TypeKind::Enum(_) | TypeKind::NumericEnum(_) | TypeKind::Id(_) => {}
    }
    out
}

/// Pushes the named types a use of `ty` mentions (itself, or its items or values).
fn names<'t>(ty: &'t TypeRef, out: &mut Vec<&'t str>) {
    match ty {
        TypeRef::Named(name) => out.push(name),
        TypeRef::List(inner) | TypeRef::Map(inner) => names(inner, out),
        TypeRef::Primitive(_) | TypeRef::Any => {}
    }
}
