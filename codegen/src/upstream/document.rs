//! An OpenAPI document as a raw JSON tree: reading it (YAML or JSON), checking that it is an
//! OpenAPI object whose every `$ref` resolves, and following `$ref`s inside it.

use std::collections::HashSet;
use std::path::Path;

use serde_json::Value;

use super::grammar::{self, Node, Slot};
use crate::error::{Error, Location, SpecProblem};
use crate::load;
use crate::pointer::Pointer;

/// A parsed, checked OpenAPI document (3.0 or 3.1).
#[derive(Debug, Clone)]
pub struct Document {
    /// How the document is named in output: the path as the user gave it.
    pub label: String,
    /// The whole document.
    pub root: Value,
    /// Whether it is OpenAPI 3.1, where keywords beside a schema's `$ref` apply too.
    pub v3_1: bool,
}

impl Document {
    /// Reads and checks the document at `path`, labelled `label` in output.
    pub fn load(path: &Path, label: &str) -> Result<Self, Error> {
        Self::parse(path, label, &load::read(path)?)
    }

    /// Parses and checks `text` (JSON when `path` ends in `.json` or the text starts with `{`,
    /// else YAML, as [`load`](crate::load) reads a spec); `path` names it in errors.
    pub fn parse(path: &Path, label: &str, text: &str) -> Result<Self, Error> {
        let parse_error = |message: String| Error::Parse {
            path: path.to_owned(),
            location: Location::default(),
            message,
        };
        let root: Value = load::parse_tree(path, text)?;
        let version = match root.get("openapi") {
            Some(Value::String(version)) if version.starts_with("3.") => version.clone(),
            Some(other) => {
                return Err(parse_error(format!(
                    "`openapi` is {other}: expected an OpenAPI version 3.0.x or 3.1.x"
                )))
            }
            None => {
                return Err(parse_error(
                    "not an OpenAPI document: expected an object with `openapi: 3.0.x` or \
                     `3.1.x` at the top"
                        .to_owned(),
                ))
            }
        };
        let document = Document {
            label: label.to_owned(),
            root,
            v3_1: version.starts_with("3.1"),
        };
        let problems = document.check();
        if problems.is_empty() {
            Ok(document)
        } else {
            Err(Error::Spec {
                path: path.to_owned(),
                problems,
            })
        }
    }

    /// The node at `pointer`, if any.
    pub fn get(&self, pointer: &Pointer) -> Option<&Value> {
        let text = pointer.as_str().strip_prefix('#')?;
        if text.is_empty() {
            return Some(&self.root);
        }
        let mut at = &self.root;
        for token in text.strip_prefix('/')?.split('/') {
            let unescaped;
            let token = if token.contains('~') {
                unescaped = token.replace("~1", "/").replace("~0", "~");
                unescaped.as_str()
            } else {
                token
            };
            at = match at {
                Value::Object(map) => map.get(token)?,
                Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(at)
    }

    /// Follows the `$ref` chain starting at `pointer` to the node it ends on, with that node's
    /// pointer. A node without `$ref` is its own target. `None` for a dangling reference or a
    /// cycle (the document check has already reported both).
    pub fn resolve(&self, pointer: &Pointer) -> Option<(Pointer, &Value)> {
        self.follow(pointer, |_| false)
    }

    /// Like [`resolve`](Self::resolve) for a schema: in OpenAPI 3.1 a `$ref` with other keywords
    /// beside it is a schema of its own (those keywords apply too), so it is not followed here.
    pub fn resolve_schema(&self, pointer: &Pointer) -> Option<(Pointer, &Value)> {
        let keywords_beside = |o: &serde_json::Map<String, Value>| {
            o.keys().any(|k| {
                k != "$ref" && !k.starts_with("x-") && grammar::slot(Node::Schema, k) != Slot::Prose
            })
        };
        self.follow(pointer, |value| {
            self.v3_1 && value.as_object().is_some_and(keywords_beside)
        })
    }

    /// Follows the `$ref` chain from `pointer`, stopping at the first node without `$ref` or
    /// for which `stop` holds. `None` for a dangling reference or a cycle.
    fn follow(
        &self,
        pointer: &Pointer,
        stop: impl Fn(&Value) -> bool,
    ) -> Option<(Pointer, &Value)> {
        let mut at = pointer.clone();
        let mut seen = HashSet::new();
        loop {
            let value = self.get(&at)?;
            let Some(reference) = value.get("$ref").and_then(Value::as_str) else {
                return Some((at, value));
            };
            if stop(value) {
                return Some((at, value));
            }
            if !seen.insert(at.clone()) {
                return None;
            }
            at = local_pointer(reference)?;
        }
    }

    /// Every problem that stops the comparison: a badly shaped node, a dangling or external
    /// `$ref`, a reference cycle, a parameter without `name`/`in`.
    fn check(&self) -> Vec<SpecProblem> {
        let mut problems = Vec::new();
        if !self.root.is_object() {
            problems.push(problem(&Pointer::root(), "expected an OpenAPI object"));
            return problems;
        }
        self.check_node(Node::Document, &Pointer::root(), &self.root, &mut problems);
        problems
    }

    fn check_node(&self, node: Node, at: &Pointer, value: &Value, out: &mut Vec<SpecProblem>) {
        let Some(object) = value.as_object() else {
            let boolean_schema = node == Node::Schema && value.is_boolean();
            let tuple_items = node == Node::Schema && value.is_array();
            if tuple_items {
                self.check_list(Node::Schema, at, value, out);
            } else if !boolean_schema {
                out.push(problem(at, format!("expected {}", describe(node))));
            }
            return;
        };
        if let Some(reference) = object.get("$ref") {
            match reference.as_str() {
                Some(reference) => self.check_ref(at, reference, out),
                None => out.push(problem(&at.push("$ref"), "`$ref` must be a string")),
            }
        } else if node == Node::Parameter {
            for key in ["name", "in"] {
                if !object.get(key).is_some_and(Value::is_string) {
                    out.push(problem(at, format!("a parameter needs a string `{key}`")));
                }
            }
        }
        for (key, child) in object {
            let child_at = at.push(key);
            match grammar::slot(node, key) {
                Slot::Node(kind) => self.check_node(kind, &child_at, child, out),
                Slot::Map(kind) => match child.as_object() {
                    Some(map) => {
                        for (name, entry) in map {
                            self.check_node(kind, &child_at.push(name), entry, out);
                        }
                    }
                    None => out.push(problem(&child_at, "expected an object (a map of names)")),
                },
                Slot::List(kind) => self.check_list(kind, &child_at, child, out),
                _ => {}
            }
        }
    }

    fn check_list(&self, kind: Node, at: &Pointer, value: &Value, out: &mut Vec<SpecProblem>) {
        match value.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.check_node(kind, &at.push(i.to_string()), item, out);
                }
            }
            None => out.push(problem(at, "expected an array")),
        }
    }

    fn check_ref(&self, at: &Pointer, reference: &str, out: &mut Vec<SpecProblem>) {
        let at = at.push("$ref");
        let Some(target) = local_pointer(reference) else {
            out.push(problem(
                &at,
                format!(
                    "`$ref: {reference}` is not a local reference: expected `#/…` (references \
                     to other documents are not supported)"
                ),
            ));
            return;
        };
        if self.get(&target).is_none() {
            out.push(problem(
                &at,
                format!("`$ref: {reference}` names nothing in this document"),
            ));
        } else if self.resolve(&target).is_none() {
            out.push(problem(
                &at,
                format!("`$ref: {reference}` starts a reference cycle"),
            ));
        }
    }
}

/// The pointer a local `$ref` (`#/…`, RFC 6901 escapes and URI percent-escapes) names.
pub(super) fn local_pointer(reference: &str) -> Option<Pointer> {
    let path = reference.strip_prefix('#')?;
    if path.is_empty() {
        return Some(Pointer::root());
    }
    let path = path.strip_prefix('/')?;
    let mut pointer = Pointer::root();
    for segment in path.split('/') {
        let segment = percent_decode(segment)?;
        pointer = pointer.push(segment.replace("~1", "/").replace("~0", "~"));
    }
    Some(pointer)
}

/// Decodes `%XX` escapes; `None` when they do not form UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_owned());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn describe(node: Node) -> &'static str {
    match node {
        Node::Schema => "a schema (an object or a boolean)",
        _ => "an object",
    }
}

fn problem(at: &Pointer, message: impl Into<String>) -> SpecProblem {
    SpecProblem {
        pointer: at.to_string(),
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_pointers_unescape() {
        assert_eq!(
            local_pointer("#/paths/~1a~1{b}/get").unwrap().as_str(),
            "#/paths/~1a~1{b}/get"
        );
        assert_eq!(
            local_pointer("#/components/schemas/A%20B").unwrap().last(),
            Some("A B".to_owned())
        );
        assert_eq!(local_pointer("other.yaml#/x"), None);
        assert_eq!(local_pointer("#").unwrap().as_str(), "#");
    }
}
