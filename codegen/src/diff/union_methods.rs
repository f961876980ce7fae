//! A union's `From` conversions and shared-field accessors, compared by what they convert from
//! and by method name. They follow from the variants and from the variants' structs, so a change
//! to another type (a field of a variant struct retyped or removed) can add or remove them.

use std::collections::BTreeMap;

use super::rust::{code, type_name};
use super::{Diff, Kind, Subject};
use crate::emit;
use crate::ir::{Api, Primitive, TypeRef, Union};

/// Compares the accessors and conversions of the union `name`, present in both APIs.
pub(super) fn compare(d: &mut Diff<'_>, name: &str, old: &Union, new: &Union) {
    let at = Subject::Type(name.to_owned());
    accessors(d, &at, (old, new));
    conversions(d, &at, name, (old, new));
}

/// Accessors by method name: added, removed, returning another type.
fn accessors(d: &mut Diff<'_>, at: &Subject, (old, new): (&Union, &Union)) {
    let by_name = |api: &Api, u: &Union| -> BTreeMap<String, TypeRef> {
        emit::accessors_of(api, u)
            .into_iter()
            .map(|a| (a.name, a.ty))
            .collect()
    };
    let (old_accessors, new_accessors) = (by_name(d.old, old), by_name(d.new, new));
    let method = |name: &str, ty: &TypeRef| code(&format!("{name}() -> {}", returns(ty)));
    for (name, ty) in &old_accessors {
        match new_accessors.get(name) {
            None => {
                let summary = format!("accessor {} removed", method(name, ty));
                d.push(at, Kind::UnionAccessorRemoved, name, summary);
            }
            Some(new_ty) if new_ty != ty => {
                let summary = format!(
                    "accessor {} now returns {} (was {})",
                    code(&format!("{name}()")),
                    code(&returns(new_ty)),
                    code(&returns(ty))
                );
                d.push(at, Kind::UnionAccessorRetyped, name, summary);
            }
            Some(_) => {}
        }
    }
    for (name, ty) in &new_accessors {
        if !old_accessors.contains_key(name) {
            let summary = format!("new accessor {}", method(name, ty));
            d.push(at, Kind::UnionAccessorAdded, name, summary);
        }
    }
}

/// What an accessor of a field of type `ty` returns, as the emitter writes it.
fn returns(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Primitive(Primitive::String) => "Option<&str>".to_owned(),
        TypeRef::List(item) => format!("Option<&[{}]>", type_name(item)),
        other => format!("Option<&{}>", type_name(other)),
    }
}

/// `From` impls by source type, for types some variant holds in both APIs: a variant added or
/// removed is reported as such, so only a conversion lost or gained by a variant that stays
/// (another variant now or no longer holds the same type) is reported here.
fn conversions(d: &mut Diff<'_>, at: &Subject, name: &str, (old, new): (&Union, &Union)) {
    let sources = |api: &Api, u: &Union| -> Vec<TypeRef> {
        emit::convertible_variants(api, name, u)
            .into_iter()
            .map(|v| emit::canonical(api, &v.ty))
            .collect()
    };
    let held = |api: &Api, u: &Union| -> Vec<TypeRef> {
        u.variants
            .iter()
            .map(|v| emit::canonical(api, &v.ty))
            .collect()
    };
    let (old_sources, new_sources) = (sources(d.old, old), sources(d.new, new));
    let (old_held, new_held) = (held(d.old, old), held(d.new, new));
    let impl_name = |ty: &TypeRef| format!("From<{}>", type_name(ty));
    for ty in old_sources.iter().filter(|t| !new_sources.contains(t)) {
        if new_held.contains(ty) {
            let summary = format!(
                "conversion {} removed (several variants hold the type)",
                code(&impl_name(ty))
            );
            d.push(at, Kind::UnionConversionRemoved, &impl_name(ty), summary);
        }
    }
    for ty in new_sources.iter().filter(|t| !old_sources.contains(t)) {
        if old_held.contains(ty) {
            let summary = format!("new conversion {}", code(&impl_name(ty)));
            d.push(at, Kind::UnionConversionAdded, &impl_name(ty), summary);
        }
    }
}
