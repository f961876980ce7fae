//! IR passes run after conversion, in order:
//! 1. tag stripping — variant structs of a tagged union drop the tag property (serde writes and
//!    reads it from the enum); a union whose variants are also used on their own stays untagged;
//! 2. pruning — inline types nothing refers to any more (the stripped tags' enums) are dropped;
//! 3. cycle breaking — a field or variant that leads back to its own type without passing through
//!    a list or map is boxed;
//! 4. pagination — list operations with an `after` cursor whose page holds `results` and
//!    `paging.next.after` are marked paged, so they get page and item streams;
//! 5. usage — where the operations use each type (`super::usage`).

use std::collections::{BTreeMap, BTreeSet};

use crate::ir::{
    CursorStep, Field, Operation, Pagination, ParamLocation, Primitive, TypeDef, TypeKind, TypeRef,
    UnionTag, Webhook,
};

/// Runs every pass over the types and operations.
pub(super) fn run(
    types: &mut BTreeMap<String, TypeDef>,
    operations: &mut [Operation],
    webhooks: &[Webhook],
) {
    strip_tags(types, operations, webhooks);
    prune(types, operations, webhooks);
    break_cycles(types);
    for op in operations.iter_mut() {
        op.pagination = pagination(types, op);
    }
    super::usage::settle(types, operations, webhooks);
}

/// Every type the operations and webhooks use directly: parameters, bodies, responses, payloads.
fn roots<'t>(
    operations: &'t [Operation],
    webhooks: &'t [Webhook],
) -> impl Iterator<Item = &'t TypeRef> {
    let ops = operations
        .iter()
        .flat_map(|op| op.request_types().chain(op.response_types()));
    ops.chain(webhooks.iter().filter_map(Webhook::payload))
}

/// The pagination of `op`, when it is a cursor-paged list: an optional string query parameter
/// `after`, one success body that is a struct with a `results` array and a
/// `paging.next.after` string.
fn pagination(types: &BTreeMap<String, TypeDef>, op: &Operation) -> Option<Pagination> {
    let cursor = op.params.iter().find(|p| {
        p.wire_name == "after"
            && p.location() == ParamLocation::Query
            && !p.required
            && p.ty == TypeRef::Primitive(Primitive::String)
    })?;
    let page_type = op.responses.iter().find_map(|r| r.ty.clone())?;
    if op
        .responses
        .iter()
        .any(|r| r.ty.as_ref() != Some(&page_type))
    {
        return None;
    }
    let field = |ty: &TypeRef, wire: &str| -> Option<Field> {
        let TypeRef::Named(name) = ty else {
            return None;
        };
        let TypeKind::Struct(s) = &types.get(name)?.kind else {
            return None;
        };
        s.fields
            .iter()
            .find(|f| f.wire_name == wire && !f.boxed)
            .cloned()
    };
    let results = field(&page_type, "results")?;
    let TypeRef::List(item_type) = &results.ty else {
        return None;
    };
    let step = |f: &Field| CursorStep {
        field: f.rust_name.clone(),
        optional: f.optional() || f.nullable,
    };
    let paging = field(&page_type, "paging")?;
    let next = field(&paging.ty, "next")?;
    let after = field(&next.ty, "after")?;
    if after.ty != TypeRef::Primitive(Primitive::String) {
        return None;
    }
    Some(Pagination {
        cursor_param: cursor.rust_name.clone(),
        items_field: results.rust_name.clone(),
        item_type: (**item_type).clone(),
        page_type,
        next_cursor: vec![step(&paging), step(&next), step(&after)],
    })
}

fn strip_tags(
    types: &mut BTreeMap<String, TypeDef>,
    operations: &[Operation],
    webhooks: &[Webhook],
) {
    // Untagging a union makes its variants standalone, which may untag another union sharing
    // them: repeat until nothing changes.
    loop {
        let standalone = standalone_uses(types, operations, webhooks);
        let untag: Vec<String> = types
            .values()
            .filter(|def| match &def.kind {
                TypeKind::Union(union) if matches!(union.tag, UnionTag::Property(_)) => {
                    !union.variants.iter().all(|v| match &v.ty {
                        TypeRef::Named(n) => {
                            !standalone.contains(n.as_str())
                                && matches!(
                                    types.get(n).map(|d| &d.kind),
                                    Some(TypeKind::Struct(_))
                                )
                        }
                        _ => false,
                    })
                }
                _ => false,
            })
            .map(|def| def.name.clone())
            .collect();
        if untag.is_empty() {
            break;
        }
        for name in untag {
            if let Some(TypeKind::Union(union)) = types.get_mut(&name).map(|d| &mut d.kind) {
                union.tag = UnionTag::Untagged;
                for variant in &mut union.variants {
                    variant.tag_value = None;
                }
            }
        }
    }
    let mut strip: BTreeMap<String, String> = BTreeMap::new();
    for def in types.values() {
        if let TypeKind::Union(union) = &def.kind {
            if let UnionTag::Property(tag) = &union.tag {
                for variant in &union.variants {
                    if let TypeRef::Named(n) = &variant.ty {
                        strip.insert(n.clone(), tag.clone());
                    }
                }
            }
        }
    }
    for (name, tag) in strip {
        if let Some(TypeKind::Struct(s)) = types.get_mut(&name).map(|d| &mut d.kind) {
            s.fields.retain(|f| f.wire_name != tag);
        }
    }
}

/// Whether a type was defined by a schema under `#/components/schemas` (and so is kept even
/// when unused) rather than named from an inline schema.
fn is_component(def: &TypeDef) -> bool {
    def.pointer
        .strip_prefix("#/components/schemas/")
        .is_some_and(|rest| !rest.contains('/'))
}

/// Drops inline types that no component type or operation reaches.
fn prune(types: &mut BTreeMap<String, TypeDef>, operations: &[Operation], webhooks: &[Webhook]) {
    let mut reached: BTreeSet<String> = BTreeSet::new();
    let mut stack: Vec<String> = types
        .values()
        .filter(|d| is_component(d))
        .map(|d| d.name.clone())
        .collect();
    let mut roots = BTreeSet::new();
    for ty in self::roots(operations, webhooks) {
        collect_names(ty, &mut roots);
    }
    stack.extend(roots.into_iter().map(str::to_owned));
    while let Some(name) = stack.pop() {
        if !reached.insert(name.clone()) {
            continue;
        }
        let Some(def) = types.get(&name) else {
            continue;
        };
        let mut next = BTreeSet::new();
        match &def.kind {
            TypeKind::Struct(s) => {
                s.fields
                    .iter()
                    .for_each(|f| collect_names(&f.ty, &mut next));
                s.additional
                    .iter()
                    .for_each(|t| collect_names(t, &mut next));
            }
            TypeKind::Union(u) => u
                .variants
                .iter()
                .for_each(|v| collect_names(&v.ty, &mut next)),
            TypeKind::Alias(t) | TypeKind::Newtype(t) => collect_names(t, &mut next),
            TypeKind::Enum(_) | TypeKind::NumericEnum(_) | TypeKind::Id(_) => {}
        }
        stack.extend(next.into_iter().map(str::to_owned));
    }
    types.retain(|name, _| reached.contains(name));
}

/// Named types used anywhere other than as a variant of a tagged union.
fn standalone_uses<'t>(
    types: &'t BTreeMap<String, TypeDef>,
    operations: &'t [Operation],
    webhooks: &'t [Webhook],
) -> BTreeSet<&'t str> {
    let mut out = BTreeSet::new();
    let mut note = |ty: &'t TypeRef| collect_names(ty, &mut out);
    for def in types.values() {
        match &def.kind {
            TypeKind::Struct(s) => {
                s.fields.iter().for_each(|f| note(&f.ty));
                s.additional.iter().for_each(&mut note);
            }
            TypeKind::Union(u) if u.tag == UnionTag::Untagged => {
                u.variants.iter().for_each(|v| note(&v.ty))
            }
            TypeKind::Union(_) | TypeKind::Enum(_) | TypeKind::NumericEnum(_) | TypeKind::Id(_) => {
            }
            TypeKind::Alias(ty) | TypeKind::Newtype(ty) => note(ty),
        }
    }
    roots(operations, webhooks).for_each(note);
    out
}

fn collect_names<'t>(ty: &'t TypeRef, out: &mut BTreeSet<&'t str>) {
    match ty {
        TypeRef::Named(n) => {
            out.insert(n);
        }
        TypeRef::List(inner) | TypeRef::Map(inner) => collect_names(inner, out),
        TypeRef::Primitive(_) | TypeRef::Any => {}
    }
}

/// The named type a field or variant holds inline (not behind a list or map).
fn direct(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named(n) => Some(n),
        _ => None,
    }
}

fn direct_edges(def: &TypeDef) -> Vec<&str> {
    match &def.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .filter(|f| !f.boxed)
            .filter_map(|f| direct(&f.ty))
            .collect(),
        TypeKind::Union(u) => u
            .variants
            .iter()
            .filter(|v| !v.boxed)
            .filter_map(|v| direct(&v.ty))
            .collect(),
        TypeKind::Alias(ty) | TypeKind::Newtype(ty) => direct(ty).into_iter().collect(),
        TypeKind::Enum(_) | TypeKind::NumericEnum(_) | TypeKind::Id(_) => Vec::new(),
    }
}

/// Boxes, in name order and field order, each inline edge that closes a cycle of inline edges
/// (its target still reaches its owner through unboxed edges). An edge `u → v` closes one
/// exactly when `u` and `v` share a strongly connected component of the unboxed graph, so the
/// components are computed once and, after each box, recomputed only for the component the
/// boxed edge was in: linear in the spec for the usual handful of boxes.
fn break_cycles(types: &mut BTreeMap<String, TypeDef>) {
    let names: Vec<String> = types.keys().cloned().collect();
    let mut graph = super::scc::Graph::new(&names);
    for (u, def) in types.values().enumerate() {
        let edges: Vec<usize> = direct_edges(def)
            .into_iter()
            .filter_map(|t| graph.index(t))
            .collect();
        graph.set_edges(u, edges);
    }
    graph.components();
    for (u, name) in names.iter().enumerate() {
        let def = types.get_mut(name).expect("name taken from the map");
        let slots: Vec<(&mut bool, &TypeRef)> = match &mut def.kind {
            TypeKind::Struct(s) => s.fields.iter_mut().map(|f| (&mut f.boxed, &f.ty)).collect(),
            TypeKind::Union(un) => un
                .variants
                .iter_mut()
                .map(|v| (&mut v.boxed, &v.ty))
                .collect(),
            _ => continue,
        };
        for (boxed, ty) in slots {
            let Some(v) = direct(ty).and_then(|t| graph.index(t)) else {
                continue;
            };
            if !*boxed && graph.same_component(u, v) {
                *boxed = true;
                graph.remove_edge(u, v);
            }
        }
    }
}
