//! Comparing two unions (`oneOf`/`anyOf`) as sets of variant shapes. Variants are matched by
//! their tag when both sides have one: a property that is a one-value enum in every variant
//! (`type: {enum: [COMMENT]}`), `discriminator.propertyName` preferred. Otherwise they are
//! matched structurally: by kind (object, or type and format), then objects by the most field
//! names in common. Matched variants are compared like any schema pair.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::compare::Comparer;
use super::difference::Kind;
use super::document::Document;
use super::flat::{flatten, Flat};
use super::schemas::describe_types;

impl Comparer<'_> {
    /// Compares the variants of two unions.
    pub fn unions(&mut self, ours: &Flat, theirs: &Flat, context: &str) {
        let flat_all = |doc: &Document, flat: &Flat| -> Vec<Flat> {
            let variants = flat.variants.as_deref().unwrap_or_default();
            variants
                .iter()
                .map(|at| flatten(doc, at, &mut Vec::new()))
                .collect()
        };
        let mine = flat_all(self.ours, ours);
        let published = flat_all(self.theirs, theirs);
        let tag = self.common_tag(&mine, &published, ours, theirs);
        let matching = tag
            .as_deref()
            .and_then(|tag| self.match_by_tag(tag, &mine, &published))
            .unwrap_or_else(|| match_by_shape(&mine, &published));
        let label = |flat: &Flat, doc: &Document| match &tag {
            Some(tag) => match tag_value(doc, flat, tag) {
                Some(value) => format!("{tag}={value}"),
                None => shape(flat),
            },
            None => shape(flat),
        };
        let matched_mine: BTreeSet<usize> = matching.iter().map(|(o, _)| *o).collect();
        let matched_published: BTreeSet<usize> = matching.iter().map(|(_, t)| *t).collect();
        for (i, variant) in published.iter().enumerate() {
            if !matched_published.contains(&i) {
                let message = format!(
                    "variant `{}` is published, not in ours",
                    label(variant, self.theirs)
                );
                self.report(
                    Kind::VariantMissing,
                    &ours.at,
                    &variant.at,
                    context,
                    message,
                );
            }
        }
        for (i, variant) in mine.iter().enumerate() {
            if !matched_mine.contains(&i) {
                let message = format!(
                    "variant `{}` is in ours, not published",
                    label(variant, self.ours)
                );
                self.report(
                    Kind::VariantExtra,
                    &variant.at,
                    &theirs.at,
                    context,
                    message,
                );
            }
        }
        for (o, t) in matching {
            let here = format!("{context}<{}>", label(&published[t], self.theirs));
            self.flats(&mine[o], &published[t], &here);
        }
    }

    /// The tag property both unions share, if any.
    fn common_tag(
        &self,
        mine: &[Flat],
        published: &[Flat],
        ours: &Flat,
        theirs: &Flat,
    ) -> Option<String> {
        let candidates = tag_candidates(self.ours, mine);
        let common: BTreeSet<String> = tag_candidates(self.theirs, published)
            .intersection(&candidates)
            .cloned()
            .collect();
        [&ours.discriminator, &theirs.discriminator]
            .into_iter()
            .flatten()
            .find(|name| common.contains(*name))
            .cloned()
            .or_else(|| common.into_iter().next())
    }

    /// Pairs variants with equal tag values; `None` when a tag value repeats on one side.
    fn match_by_tag(
        &self,
        tag: &str,
        mine: &[Flat],
        published: &[Flat],
    ) -> Option<Vec<(usize, usize)>> {
        let index = |doc: &Document, variants: &[Flat]| {
            let mut by_value = BTreeMap::new();
            for (i, variant) in variants.iter().enumerate() {
                if by_value.insert(tag_value(doc, variant, tag)?, i).is_some() {
                    return None;
                }
            }
            Some(by_value)
        };
        let mine = index(self.ours, mine)?;
        let published = index(self.theirs, published)?;
        Some(
            mine.iter()
                .filter_map(|(value, o)| published.get(value).map(|t| (*o, *t)))
                .collect(),
        )
    }
}

/// Property names that are a one-value enum in every variant.
fn tag_candidates(doc: &Document, variants: &[Flat]) -> BTreeSet<String> {
    let mut common: Option<BTreeSet<String>> = None;
    for variant in variants {
        let names: BTreeSet<String> = variant
            .properties
            .iter()
            .filter(|(_, at)| flatten(doc, at, &mut Vec::new()).single_value().is_some())
            .map(|(name, _)| name.clone())
            .collect();
        common = Some(match common {
            None => names,
            Some(previous) => previous.intersection(&names).cloned().collect(),
        });
    }
    common.unwrap_or_default()
}

/// The variant's tag value as JSON text, e.g. `"COMMENT"`.
fn tag_value(doc: &Document, variant: &Flat, tag: &str) -> Option<String> {
    let at = variant.properties.get(tag)?;
    flatten(doc, at, &mut Vec::new())
        .single_value()
        .map(Value::to_string)
}

/// Pairs untagged variants: same kind first, then objects by shared field names (greedily, most
/// shared first, ties by position).
fn match_by_shape(mine: &[Flat], published: &[Flat]) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (o, a) in mine.iter().enumerate() {
        for (t, b) in published.iter().enumerate() {
            if kind(a) == kind(b) {
                let shared = a
                    .properties
                    .keys()
                    .filter(|k| b.properties.contains_key(*k))
                    .count();
                candidates.push((std::cmp::Reverse(shared), o, t));
            }
        }
    }
    candidates.sort();
    let (mut used_mine, mut used_published) = (BTreeSet::new(), BTreeSet::new());
    let mut pairs = Vec::new();
    for (_, o, t) in candidates {
        if !used_mine.contains(&o) && !used_published.contains(&t) {
            used_mine.insert(o);
            used_published.insert(t);
            pairs.push((o, t));
        }
    }
    pairs.sort();
    pairs
}

/// The coarse kind variants are paired by: `object`, or the type and format.
fn kind(flat: &Flat) -> String {
    if flat.is_object() || !flat.properties.is_empty() {
        return "object".to_owned();
    }
    let types = describe_types(&flat.types);
    match &flat.format {
        Some(format) => format!("{types} ({format})"),
        None => types,
    }
}

/// A variant described by its shape, e.g. `object with fields a, b` or `string (date-time)`.
fn shape(flat: &Flat) -> String {
    if flat.properties.is_empty() {
        return kind(flat);
    }
    let names: Vec<&str> = flat.properties.keys().map(String::as_str).collect();
    format!("object with fields {}", names.join(", "))
}
