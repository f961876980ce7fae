//! Following local `$ref`s to the components they name, with problems for dangling ones.

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
    /// A chain of aliases of any length is followed: it ends in a schema within as many hops as
    /// there are schemas, or it is a cycle.
    pub(super) fn schema_target(&self, reference: &str) -> Option<(&'a Schema, Pointer, &'a str)> {
        let components = self.spec.components.as_ref()?;
        let mut reference = reference;
        for _ in 0..=components.schemas.len() {
            let key = component_key(reference, "schemas")?;
            let (key, schema) = components.schemas.get_key_value(key)?;
            match schema {
                ReferenceOr::Item(schema) => {
                    return Some((schema, Pointer::from_ref(reference)?, key.as_str()))
                }
                ReferenceOr::Reference { reference: next } => reference = next,
            }
        }
        None
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

fn components_get<'m, T>(
    map: &'m indexmap::IndexMap<String, ReferenceOr<T>>,
    key: &str,
) -> Option<&'m ReferenceOr<T>> {
    map.get(key)
}

#[cfg(test)]
mod tests {
    use super::component_key;

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
