//! String enum values and union variants, compared by Rust variant name.

use std::collections::BTreeMap;

use super::rust::{self, code};
use super::{Diff, Kind, Subject};
use crate::ir::{StringEnum, Union, UnionTag, Variant};

/// Values of a string enum, by Rust variant name.
pub(super) fn string_enum(d: &mut Diff<'_>, at: &Subject, old: &StringEnum, new: &StringEnum) {
    let wire = |e: &'_ StringEnum| -> BTreeMap<String, String> {
        e.values
            .iter()
            .map(|v| (v.rust_name.clone(), v.wire_name.clone()))
            .collect()
    };
    let (old_values, new_values) = (wire(old), wire(new));
    let value = |rust_name: &str, wire: &str| format!("{} ({})", code(wire), code(rust_name));
    for (rust_name, w) in &old_values {
        if !new_values.contains_key(rust_name) {
            let summary = format!("value {} removed", value(rust_name, w));
            d.push(at, Kind::EnumValueRemoved, rust_name, summary);
        }
    }
    for (rust_name, w) in &new_values {
        match old_values.get(rust_name) {
            None => {
                let summary = format!("new value {}", value(rust_name, w));
                d.push(at, Kind::EnumValueAdded, rust_name, summary);
            }
            Some(o) if o != w => {
                let summary = format!(
                    "variant {} is now {} on the wire (was {})",
                    code(rust_name),
                    code(w),
                    code(o)
                );
                d.push(at, Kind::EnumValueWireChanged, rust_name, summary);
            }
            Some(_) => {}
        }
    }
    let old_order = old.values.iter().map(|v| v.rust_name.as_str());
    let new_order = new.values.iter().map(|v| v.rust_name.as_str());
    if reordered(old_order, new_order) {
        d.push(at, Kind::EnumValuesReordered, "", "values reordered".into());
    }
}

/// Whether the items present in both sequences appear in another order.
fn reordered<'s>(
    old: impl Iterator<Item = &'s str> + Clone,
    new: impl Iterator<Item = &'s str> + Clone,
) -> bool {
    let old_kept: Vec<&str> = old
        .clone()
        .filter(|o| new.clone().any(|n| n == *o))
        .collect();
    let new_kept: Vec<&str> = new.filter(|n| old.clone().any(|o| o == *n)).collect();
    old_kept != new_kept
}

/// Tagging and variants of a union, by Rust variant name.
pub(super) fn union(d: &mut Diff<'_>, at: &Subject, old: &Union, new: &Union) {
    tagging(d, at, old, new);
    variants(d, at, old, new);
    let old_order = old.variants.iter().map(|v| v.rust_name.as_str());
    let new_order = new.variants.iter().map(|v| v.rust_name.as_str());
    if new.tag == UnionTag::Untagged
        && old.tag == UnionTag::Untagged
        && reordered(old_order, new_order)
    {
        d.push(at, Kind::VariantsReordered, "", "variants reordered".into());
    }
}

/// The tag property renamed, added or dropped.
fn tagging(d: &mut Diff<'_>, at: &Subject, old: &Union, new: &Union) {
    match (&old.tag, &new.tag) {
        (UnionTag::Property(o), UnionTag::Property(n)) if o != n => {
            let summary = format!("tag property {} renamed {}", code(o), code(n));
            d.push(at, Kind::UnionTagRenamed, "", summary);
        }
        (UnionTag::Property(o), UnionTag::Untagged) => {
            let summary = format!("no longer tagged by {} (now untagged)", code(o));
            d.push(at, Kind::UnionTaggingChanged, "", summary);
        }
        (UnionTag::Untagged, UnionTag::Property(n)) => {
            let summary = format!("now tagged by {} (was untagged)", code(n));
            d.push(at, Kind::UnionTaggingChanged, "", summary);
        }
        _ => {}
    }
}

/// Variants by Rust name: removed, added, retyped, re-tagged.
fn variants(d: &mut Diff<'_>, at: &Subject, old: &Union, new: &Union) {
    let by_name = |u: &'_ Union| -> BTreeMap<String, Variant> {
        u.variants
            .iter()
            .map(|v| (v.rust_name.clone(), v.clone()))
            .collect()
    };
    let (old_variants, new_variants) = (by_name(old), by_name(new));
    let payload = |v: &Variant| {
        let ty = rust::type_name(&v.ty);
        let ty = if v.boxed { format!("Box<{ty}>") } else { ty };
        code(&format!("{}({ty})", v.rust_name))
    };
    for name in old_variants
        .keys()
        .filter(|n| !new_variants.contains_key(*n))
    {
        d.push(
            at,
            Kind::VariantRemoved,
            name,
            format!("variant {} removed", code(name)),
        );
    }
    let added = if new.tag == UnionTag::Untagged {
        Kind::UntaggedVariantAdded
    } else {
        Kind::TaggedVariantAdded
    };
    for (name, n) in &new_variants {
        let Some(o) = old_variants.get(name) else {
            let tag = n
                .tag_value
                .as_deref()
                .map(|t| format!(" (tag {})", code(t)))
                .unwrap_or_default();
            let summary = format!("new variant {}{tag}", payload(n));
            d.push(at, added, name, summary);
            continue;
        };
        if !rust::same(d.old, &o.ty, d.new, &n.ty) || o.boxed != n.boxed {
            let summary = format!(
                "variant {} changed ({} → {})",
                code(name),
                payload(o),
                payload(n)
            );
            d.push(at, Kind::VariantRetyped, name, summary);
        }
        if let (Some(o_tag), Some(n_tag)) = (&o.tag_value, &n.tag_value) {
            if o_tag != n_tag {
                let summary = format!(
                    "variant {} is tagged {} (was {})",
                    code(name),
                    code(n_tag),
                    code(o_tag)
                );
                d.push(at, Kind::VariantTagChanged, name, summary);
            }
        }
    }
}
