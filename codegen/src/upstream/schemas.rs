//! Comparing two schemas field by field: type, format, nullability, enum values, fields and
//! their required flags, array items and extra fields, recursing through `$ref`s and `allOf`
//! (see [`flat`](super::flat)). Unions are compared in [`unions`](super::unions).
//!
//! Not compared, on purpose: titles, descriptions and examples (prose); `default` (what the
//! server assumes when a value is absent, not what is sent); validation keywords (`minimum`,
//! `maxLength`, `pattern`, `uniqueItems`…), `readOnly`/`writeOnly`, `deprecated`, `xml`, and
//! `x-` extensions.

use std::collections::BTreeSet;

use serde_json::Value;

use super::compare::{required_word, Comparer};
use super::difference::Kind;
use super::flat::{flatten, Additional, Flat};
use crate::pointer::Pointer;

impl Comparer<'_> {
    /// Compares the schemas declared at `ours` and `theirs`; a side without a schema allows
    /// anything and stands at its fallback pointer.
    pub fn schema_slots(
        &mut self,
        ours: Option<Pointer>,
        ours_fallback: &Pointer,
        theirs: Option<Pointer>,
        theirs_fallback: &Pointer,
        context: &str,
    ) {
        let mine = match ours {
            Some(at) => flatten(self.ours, &at, &mut Vec::new()),
            None => Flat::any(ours_fallback.clone()),
        };
        let published = match theirs {
            Some(at) => flatten(self.theirs, &at, &mut Vec::new()),
            None => Flat::any(theirs_fallback.clone()),
        };
        self.flats(&mine, &published, context);
    }

    /// Compares the schemas declared at `ours` and `theirs`.
    pub fn schema_pair(&mut self, ours: &Pointer, theirs: &Pointer, context: &str) {
        let mine = flatten(self.ours, ours, &mut Vec::new());
        let published = flatten(self.theirs, theirs, &mut Vec::new());
        self.flats(&mine, &published, context);
    }

    /// Compares two flattened schemas, once per pair.
    pub fn flats(&mut self, ours: &Flat, theirs: &Flat, context: &str) {
        if !self.first_visit(&ours.at, &theirs.at) {
            return;
        }
        match (&ours.variants, &theirs.variants) {
            (Some(_), Some(_)) => self.unions(ours, theirs, context),
            (Some(variants), None) => {
                let message = format!(
                    "a union of {} variants in ours, {} in the published spec",
                    variants.len(),
                    describe_types(&theirs.types)
                );
                return self.report(Kind::Union, &ours.at, &theirs.at, context, message);
            }
            (None, Some(variants)) => {
                let message = format!(
                    "{} in ours, a union of {} variants in the published spec",
                    describe_types(&ours.types),
                    variants.len()
                );
                return self.report(Kind::Union, &ours.at, &theirs.at, context, message);
            }
            (None, None) => {}
        }
        if ours.types != theirs.types {
            let message = format!(
                "{} in ours, {} in the published spec",
                describe_types(&ours.types),
                describe_types(&theirs.types)
            );
            // Fields, items and values of different types cannot be compared meaningfully.
            return self.report(Kind::Type, &ours.at, &theirs.at, context, message);
        }
        if ours.format != theirs.format {
            let show =
                |f: &Option<String>| f.as_deref().map_or("none".to_owned(), |f| format!("`{f}`"));
            let message = format!(
                "format {} in ours, {} in the published spec",
                show(&ours.format),
                show(&theirs.format)
            );
            self.report(Kind::Format, &ours.at, &theirs.at, context, message);
        }
        if ours.nullable != theirs.nullable {
            let show = |n: bool| if n { "nullable" } else { "not nullable" };
            let message = format!(
                "{} in ours, {} in the published spec",
                show(ours.nullable),
                show(theirs.nullable)
            );
            self.report(Kind::Nullable, &ours.at, &theirs.at, context, message);
        }
        self.values(ours, theirs, context);
        self.fields(ours, theirs, context);
        self.items(ours, theirs, context);
        self.additional(ours, theirs, context);
    }

    fn values(&mut self, ours: &Flat, theirs: &Flat, context: &str) {
        match (&ours.values, &theirs.values) {
            (None, None) => {}
            (Some((at, values)), None) => self.report(
                Kind::EnumExtra,
                at,
                &theirs.at,
                context,
                format!(
                    "ours allows only {}, the published spec any value",
                    list(values)
                ),
            ),
            (None, Some((at, values))) => self.report(
                Kind::EnumMissing,
                &ours.at,
                at,
                context,
                format!(
                    "the published spec allows only {}, ours any value",
                    list(values)
                ),
            ),
            (Some((o_at, o_values)), Some((t_at, t_values))) => {
                let mine: BTreeSet<String> = o_values.iter().map(Value::to_string).collect();
                let published: BTreeSet<String> = t_values.iter().map(Value::to_string).collect();
                for (i, value) in t_values.iter().enumerate() {
                    let text = value.to_string();
                    if !mine.contains(&text) {
                        let message = format!("value {text} is published, not in ours");
                        let at = t_at.push(i.to_string());
                        self.report(Kind::EnumValueMissing, o_at, &at, context, message);
                    }
                }
                for (i, value) in o_values.iter().enumerate() {
                    let text = value.to_string();
                    if !published.contains(&text) {
                        let message = format!("value {text} is in ours, not published");
                        let at = o_at.push(i.to_string());
                        self.report(Kind::EnumValueExtra, &at, t_at, context, message);
                    }
                }
            }
        }
    }

    fn fields(&mut self, ours: &Flat, theirs: &Flat, context: &str) {
        for (name, at) in &theirs.properties {
            if !ours.properties.contains_key(name) {
                let required = required_word(theirs.required.contains(name));
                let message = format!("{required} field `{name}` is published, not in ours");
                self.report(Kind::FieldMissing, &ours.at, at, context, message);
            }
        }
        for (name, at) in &ours.properties {
            let Some(theirs_at) = theirs.properties.get(name) else {
                let required = required_word(ours.required.contains(name));
                let message = format!("{required} field `{name}` is in ours, not published");
                self.report(Kind::FieldExtra, at, &theirs.at, context, message);
                continue;
            };
            let here = format!("{context}.{name}");
            let (mine, published) = (ours.required.contains(name), theirs.required.contains(name));
            if mine != published {
                let message = format!(
                    "{} in ours, {} in the published spec",
                    required_word(mine),
                    required_word(published)
                );
                self.report(Kind::FieldRequired, at, theirs_at, &here, message);
            }
            self.schema_pair(at, theirs_at, &here);
        }
    }

    fn items(&mut self, ours: &Flat, theirs: &Flat, context: &str) {
        match (&ours.items, &theirs.items) {
            (Some(o), Some(t)) => self.schema_pair(o, t, &format!("{context}[]")),
            (Some(o), None) => self.report(
                Kind::Items,
                o,
                &theirs.at,
                context,
                "array items are declared in ours, not in the published spec",
            ),
            (None, Some(t)) => self.report(
                Kind::Items,
                &ours.at,
                t,
                context,
                "array items are declared in the published spec, not in ours",
            ),
            (None, None) => {}
        }
    }

    fn additional(&mut self, ours: &Flat, theirs: &Flat, context: &str) {
        match (&ours.additional, &theirs.additional) {
            (Additional::Typed(o), Additional::Typed(t)) => {
                self.schema_pair(o, t, &format!("{context}{{*}}"));
            }
            (mine, published) if mine != published => {
                let site = |flat: &Flat| match &flat.additional {
                    Additional::Typed(at) => at.clone(),
                    _ => flat.at.clone(),
                };
                let message = format!(
                    "extra fields: {} in ours, {} in the published spec",
                    describe_additional(mine),
                    describe_additional(published)
                );
                let (o, t) = (site(ours), site(theirs));
                self.report(Kind::AdditionalProperties, &o, &t, context, message);
            }
            _ => {}
        }
    }
}

/// E.g. `any type`, `string`, `integer or string`, `null`.
pub(super) fn describe_types(types: &Option<BTreeSet<String>>) -> String {
    match types {
        None => "any type".to_owned(),
        Some(types) if types.is_empty() => "null".to_owned(),
        Some(types) => types.iter().cloned().collect::<Vec<_>>().join(" or "),
    }
}

fn describe_additional(additional: &Additional) -> &'static str {
    match additional {
        Additional::Any => "any",
        Additional::Forbidden => "none allowed",
        Additional::Typed(_) => "a declared schema",
    }
}

/// `["A", "B"]` as `"A", "B"`.
fn list(values: &[Value]) -> String {
    values
        .iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
