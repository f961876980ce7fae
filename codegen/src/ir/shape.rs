//! What kind of value a type is when it is sent as a parameter — one scalar, a list of scalars,
//! an object, or a union of scalars and lists of them — decided here once, for the resolver
//! (which picks the wire encoding from it) and the emitter (which gives unions the impls their
//! parameters need).

use std::collections::BTreeMap;

use super::{Primitive, TypeDef, TypeKind, TypeRef, Union, UnionTag};

/// The shape of a parameter value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueShape {
    /// One string, number, boolean, enum or id — or an untagged union of those, written as the
    /// branch it holds.
    Scalar,
    /// An array of scalars.
    List,
    /// A struct or a map.
    Object,
    /// An untagged union of scalars and arrays of scalars (`oneOf: [string, array of string]`),
    /// written as a list: a scalar as a list of one, which is the same text on the wire in
    /// every list style.
    ScalarOrList,
}

/// How many aliases are followed before a chain is taken for a cycle (cycles are reported by
/// the resolver; this only keeps the walk finite).
const MAX_ALIASES: usize = 64;

/// The shape of values of `ty`, or `None` when no parameter can carry it.
pub fn value_shape(ty: &TypeRef, types: &BTreeMap<String, TypeDef>) -> Option<ValueShape> {
    let ty = unaliased(ty, types);
    if plain_scalar(ty, types) {
        return Some(ValueShape::Scalar);
    }
    match ty {
        TypeRef::Map(_) => Some(ValueShape::Object),
        TypeRef::List(item) if plain_scalar(unaliased(item, types), types) => {
            Some(ValueShape::List)
        }
        TypeRef::Named(name) => match types.get(name).map(|d| &d.kind) {
            Some(TypeKind::Struct(_)) => Some(ValueShape::Object),
            Some(TypeKind::Union(u)) => union_shape(u, types),
            _ => None,
        },
        _ => None,
    }
}

/// The shape of a union's values as a parameter: [`ValueShape::Scalar`] when every variant is
/// a scalar, [`ValueShape::ScalarOrList`] when every variant is a scalar or an array of
/// scalars, `None` otherwise (and for tagged unions, which are objects).
pub fn union_shape(u: &Union, types: &BTreeMap<String, TypeDef>) -> Option<ValueShape> {
    if u.tag != UnionTag::Untagged || u.variants.is_empty() {
        return None;
    }
    let mut lists = false;
    for variant in &u.variants {
        match unaliased(&variant.ty, types) {
            ty if plain_scalar(ty, types) => {}
            TypeRef::List(item) if plain_scalar(unaliased(item, types), types) => lists = true,
            _ => return None,
        }
    }
    Some(if lists {
        ValueShape::ScalarOrList
    } else {
        ValueShape::Scalar
    })
}

/// A scalar that is not a union: a non-binary primitive, an enum or an id.
fn plain_scalar(ty: &TypeRef, types: &BTreeMap<String, TypeDef>) -> bool {
    match ty {
        TypeRef::Primitive(p) => *p != Primitive::Binary,
        TypeRef::Named(name) => matches!(
            types.get(name).map(|d| &d.kind),
            Some(TypeKind::Enum(_) | TypeKind::NumericEnum(_) | TypeKind::Id(_))
        ),
        _ => false,
    }
}

/// The type an alias chain ends at (`ty` itself when it names no alias).
fn unaliased<'t>(mut ty: &'t TypeRef, types: &'t BTreeMap<String, TypeDef>) -> &'t TypeRef {
    for _ in 0..MAX_ALIASES {
        match ty {
            TypeRef::Named(name) => match types.get(name).map(|d| &d.kind) {
                Some(TypeKind::Alias(target)) => ty = target,
                _ => return ty,
            },
            _ => return ty,
        }
    }
    ty
}
