//! Following local `$ref`s to the components they name, with problems for dangling ones.

use std::collections::{HashMap, HashSet};

use openapiv3::{Parameter, ReferenceOr, RequestBody, Response, Schema};

use super::Resolver;
use crate::pointer::Pointer;

/// Why a `$ref` to `#/components/<section>/…` could not be followed, for error messages.
pub(super) fn dangling(reference: &str, section: &str) -> String {
    if !reference.starts_with('#') {
        format!(
            "`$ref: {reference}` points into another document: external references are not \
             supported, expected a local `#/components/{section}/...` reference"
        )
    } else {
        format!("`$ref: {reference}` does not name an entry of `#/components/{section}`")
    }
}

/// The component key a `$ref` names under `#/components/<section>/`, if it is of that form.
pub(super) fn component_key<'r>(reference: &'r str, section: &str) -> Option<&'r str> {
    let key = reference
        .strip_prefix("#/components/")?
        .strip_prefix(section)?;
    let key = key.strip_prefix('/')?;
    (!key.contains('/')).then_some(key)
}

impl<'a> Resolver<'a> {
    /// The schema a `#/components/schemas/X` reference names, with its pointer, following
    /// components that are themselves `$ref`s. `None` for a dangling reference or a cycle.
    ///
    /// A chain of aliases of any length is followed: where each alias leads was worked out once
    /// ([`alias_ends`]), so a lookup costs one step however long the chain.
    pub(super) fn schema_target(&self, reference: &str) -> Option<(&'a Schema, Pointer, &'a str)> {
        let components = self.spec.components.as_ref()?;
        let key = component_key(reference, "schemas")?;
        let (key, schema) = components.schemas.get_key_value(key)?;
        let (reference, key, schema) = match schema {
            ReferenceOr::Item(schema) => (reference, key.as_str(), schema),
            ReferenceOr::Reference { .. } => {
                let last = (*self.alias_ends.get(key.as_str())?)?;
                let (key, schema) = components
                    .schemas
                    .get_key_value(component_key(last, "schemas")?)?;
                let ReferenceOr::Item(schema) = schema else {
                    return None;
                };
                (last, key.as_str(), schema)
            }
        };
        Some((schema, Pointer::from_ref(reference)?, key))
    }

    /// Follows a parameter `$ref` (possibly through several hops).
    pub(super) fn parameter(
        &mut self,
        item: &'a ReferenceOr<Parameter>,
        pointer: &Pointer,
    ) -> Option<(&'a Parameter, Pointer)> {
        self.follow(item, pointer, "parameters", |c| &c.parameters)
    }

    /// Follows a request body `$ref`.
    pub(super) fn request_body(
        &mut self,
        item: &'a ReferenceOr<RequestBody>,
        pointer: &Pointer,
    ) -> Option<(&'a RequestBody, Pointer)> {
        self.follow(item, pointer, "requestBodies", |c| &c.request_bodies)
    }

    /// Follows a security scheme `$ref`.
    pub(super) fn security_scheme(
        &mut self,
        item: &'a ReferenceOr<openapiv3::SecurityScheme>,
        pointer: &Pointer,
    ) -> Option<(&'a openapiv3::SecurityScheme, Pointer)> {
        self.follow(item, pointer, "securitySchemes", |c| &c.security_schemes)
    }

    /// Follows a response `$ref`.
    pub(super) fn response(
        &mut self,
        item: &'a ReferenceOr<Response>,
        pointer: &Pointer,
    ) -> Option<(&'a Response, Pointer)> {
        self.follow(item, pointer, "responses", |c| &c.responses)
    }

    /// Follows `item` through `$ref`s in `section` until a value, with a problem for a dangling
    /// reference or a cycle (a chain longer than the section has entries).
    fn follow<T>(
        &mut self,
        item: &'a ReferenceOr<T>,
        pointer: &Pointer,
        section: &str,
        map: impl Fn(&'a openapiv3::Components) -> &'a indexmap::IndexMap<String, ReferenceOr<T>>,
    ) -> Option<(&'a T, Pointer)> {
        let mut item = item;
        let mut at = pointer.clone();
        let entries = self.spec.components.as_ref().map_or(0, |c| map(c).len());
        for _ in 0..=entries {
            match item {
                ReferenceOr::Item(value) => return Some((value, at)),
                ReferenceOr::Reference { reference } => {
                    let target = component_key(reference, section).and_then(|key| {
                        let components = self.spec.components.as_ref()?;
                        components_get(map(components), key)
                    });
                    match target {
                        Some(next) => {
                            at = Pointer::from_ref(reference).unwrap_or_else(Pointer::root);
                            item = next;
                        }
                        None => {
                            self.problem(&at, dangling(reference, section));
                            return None;
                        }
                    }
                }
            }
        }
        self.problem(
            &at,
            format!("`$ref` chain through `#/components/{section}` leads back to itself: expected a chain of references ending in a value"),
        );
        None
    }
}

/// For every component schema that is itself a `$ref`, the last `$ref` of its chain of aliases:
/// the one naming a schema that is not a `$ref`, or `None` when the chain dangles or is a cycle.
/// Each alias is visited once whatever the chains' lengths (results are shared along a chain).
pub(super) fn alias_ends(
    schemas: &indexmap::IndexMap<String, ReferenceOr<Schema>>,
) -> HashMap<&str, Option<&str>> {
    let mut ends: HashMap<&str, Option<&str>> = HashMap::new();
    for (start, schema) in schemas {
        if !matches!(schema, ReferenceOr::Reference { .. }) || ends.contains_key(start.as_str()) {
            continue;
        }
        // Walk until a value, a dangling name, a known end or a key already on this walk.
        let mut walk: Vec<&str> = Vec::new();
        let mut on_walk = HashSet::new();
        let mut key = start.as_str();
        let end = loop {
            if let Some(known) = ends.get(key) {
                break *known;
            }
            if !on_walk.insert(key) {
                break None;
            }
            // Only aliases are walked: a value is the end of the previous step.
            let Some(ReferenceOr::Reference { reference }) = schemas.get(key) else {
                break None;
            };
            walk.push(key);
            match component_key(reference, "schemas").and_then(|k| schemas.get_key_value(k)) {
                Some((_, ReferenceOr::Item(_))) => break Some(reference.as_str()),
                Some((next, ReferenceOr::Reference { .. })) => key = next.as_str(),
                None => break None,
            }
        };
        for key in walk {
            ends.insert(key, end);
        }
    }
    ends
}

fn components_get<'m, T>(
    map: &'m indexmap::IndexMap<String, ReferenceOr<T>>,
    key: &str,
) -> Option<&'m ReferenceOr<T>> {
    map.get(key)
}

#[cfg(test)]
mod tests {
    use super::{alias_ends, component_key};

    fn schemas(
        yaml: &str,
    ) -> indexmap::IndexMap<String, openapiv3::ReferenceOr<openapiv3::Schema>> {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn every_alias_leads_to_the_last_reference_of_its_chain() {
        let schemas = schemas(
            "A: {$ref: '#/components/schemas/B'}\n\
             B: {$ref: '#/components/schemas/C'}\n\
             C: {type: string}\n\
             D: {$ref: '#/components/schemas/B'}\n\
             E: {$ref: '#/components/schemas/F'}\n\
             F: {$ref: '#/components/schemas/E'}\n\
             G: {$ref: '#/components/schemas/E'}\n\
             H: {$ref: '#/components/schemas/Missing'}\n\
             I: {$ref: '#/components/schemas/I'}\n",
        );
        let ends = alias_ends(&schemas);
        let c = Some("#/components/schemas/C");
        assert_eq!(ends["A"], c);
        assert_eq!(ends["B"], c);
        assert_eq!(ends["D"], c);
        // Cycles, chains into cycles, dangling names and self-references lead nowhere.
        for key in ["E", "F", "G", "H", "I"] {
            assert_eq!(ends[key], None, "{key}");
        }
        assert!(!ends.contains_key("C"), "C is a value, not an alias");
    }

    #[test]
    fn component_keys() {
        assert_eq!(
            component_key("#/components/schemas/Thread", "schemas"),
            Some("Thread")
        );
        assert_eq!(component_key("#/components/schemas/a/b", "schemas"), None);
        assert_eq!(component_key("#/components/parameters/X", "schemas"), None);
        assert_eq!(component_key("other.yaml#/X", "schemas"), None);
    }
}
